// The reader's walks (reader-walks.mjs) in WebKit, the engine of every browser on an iPhone.
import { walkIn } from './reader-walks.mjs';

walkIn('webkit');
