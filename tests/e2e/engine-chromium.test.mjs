// The reader's walks (reader-walks.mjs) in Chromium: Android's Chrome and most phones' other browsers.
import { walkIn } from './reader-walks.mjs';

walkIn('chromium');
