// Shared set-up for the browser tests: the built book served on loopback, and Debian's Chromium.
import { createServer } from 'node:http';
import { readdirSync } from 'node:fs';
import sirv from 'sirv';
import { chromium } from 'playwright-core';

export const bookDir = process.env.BOOK_DIR ?? new URL('../../book', import.meta.url).pathname;

// Flags that let Chromium run headless here without reaching for the network.
const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

/** Every built HTML page, by file name. */
export function builtPages() {
  return readdirSync(bookDir).filter((f) => f.endsWith('.html')).sort();
}

/** Serves the book on a free loopback port; resolves to { url, close }. */
export function serveBook() {
  const handler = sirv(bookDir, { dev: true });
  const server = createServer(handler);
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      resolve({ url: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(r)) });
    });
  });
}

export function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
}
