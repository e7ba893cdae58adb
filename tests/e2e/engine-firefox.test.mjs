// The reader's walks (reader-walks.mjs) in Firefox, over WebDriver BiDi.
import { walkIn } from './reader-walks.mjs';

walkIn('firefox');
