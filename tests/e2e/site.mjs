// Shared set-up for the browser tests: the built book served on loopback, and Debian's Chromium.
import { createServer } from 'node:http';
import { before, after } from 'node:test';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import sirv from 'sirv';
import { chromium } from 'playwright-core';

export const bookDir = process.env.BOOK_DIR ?? new URL('../../book', import.meta.url).pathname;

// Flags that let Chromium run headless here without reaching for the network.
const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

/**
 * Opens `url` in `tab` and waits for the scripts the page loads after its first paint
 * (theme/index.hbs); with JavaScript off there are none to wait for.
 */
export async function visit(tab, url, options) {
  const response = await tab.goto(url, options);
  await scriptsReady(tab);
  return response;
}

/**
 * In the page (or, with `inFrame`, the page in its one iframe): whether its scripts have run
 * (theme/first-paint.js sets data-ready once they have), or it has none to run: JavaScript is off,
 * or the page loads none (toc.html).
 */
export function scriptsRan(inFrame) {
  const root = (inFrame ? document.querySelector('iframe').contentDocument : document).documentElement;
  return !root.classList.contains('js') || !root.hasAttribute('data-scripts-after-paint')
    || root.hasAttribute('data-ready');
}

/** Waits until the page's scripts have run (after a reload, say). */
export function scriptsReady(tab) {
  return tab.waitForFunction(scriptsRan, false, { polling: 50 });
}

/**
 * The guide's languages, as the folders of the book they are in: '' for English (the root), then
 * each translation's ('de/', 'fr/', …), each a whole site with its own pages and service worker.
 */
export function languageFolders() {
  const translations = readdirSync(bookDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(`${bookDir}/${d.name}/index.html`) && existsSync(`${bookDir}/${d.name}/sw.js`))
    .map((d) => `${d.name}/`)
    .sort();
  return ['', ...translations];
}

/**
 * Every built HTML page, by its path in the book (`procedure.html`, `de/procedure.html`), in every
 * language or in the one of `folder`; not the redirect pages of moved chapters.
 */
export function builtPages(folder) {
  return (folder === undefined ? languageFolders() : [folder]).flatMap((dir) => readdirSync(`${bookDir}/${dir}`)
    .filter((f) => f.endsWith('.html'))
    .filter((f) => !/<meta http-equiv="refresh"/.test(readFileSync(`${bookDir}/${dir}${f}`, 'utf8')))
    .sort()
    .map((f) => dir + f));
}

/** The chapters' file names, from the book's table of contents (src/SUMMARY.md): what the chapter
 * list and the print page hold. Other pages (the glovebox card, 404, print) are not chapters. */
export function chapterFiles() {
  const summary = readFileSync(new URL('../../src/SUMMARY.md', import.meta.url), 'utf8');
  return [...summary.matchAll(/\]\(([^)]+)\.md\)/g)].map(([, name]) => `${name}.html`);
}

/** The search evaluation's queries (tests/search-queries.txt), each with its page and group. */
export function searchQueries() {
  let group = '';
  const out = [];
  for (const line of readFileSync(new URL('../search-queries.txt', import.meta.url), 'utf8').split('\n')) {
    if (line.startsWith('## ')) group = line.slice(3).trim();
    if (!line.trim() || line.startsWith('#')) continue;
    const [query, page] = line.split('|').map((part) => part.trim());
    out.push({ query, page, group });
  }
  return out;
}

/** The queries of tests/search-queries-translated.txt, by language folder ('de/'). */
export function translatedSearchQueries() {
  const out = {};
  let folder = '';
  for (const line of readFileSync(new URL('../search-queries-translated.txt', import.meta.url), 'utf8').split('\n')) {
    if (line.startsWith('## ')) folder = `${line.slice(3).trim()}/`;
    if (!line.trim() || line.startsWith('#')) continue;
    const [query, page] = line.split('|').map((part) => part.trim());
    (out[folder] ??= []).push({ query, page });
  }
  return out;
}

/**
 * How `ranked` (for each query, its pages best first) scores against the queries' pages, for the
 * queries of `group` or all: hits at 1 and at 3, and each miss in words.
 */
export function scoreSearch(queries, ranked, group) {
  let at1 = 0;
  let at3 = 0;
  const misses = [];
  queries.forEach(({ query, page, group: g }, i) => {
    if (group && g !== group) return;
    const place = ranked[i].indexOf(page) + 1;
    if (place === 1) at1 += 1;
    if (place >= 1 && place <= 3) at3 += 1;
    if (place !== 1) misses.push(`"${query}": ${page} is ${place ? `#${place}` : 'not found'} (got ${ranked[i].slice(0, 3).join(', ') || 'nothing'})`);
  });
  return { at1, at3, misses };
}

/** A page's file name, without its language's folder. */
export const fileName = (page) => page.split('/').pop();

/**
 * The site's public address, as the build wrote it (book.toml's `[output.html.site] url`): the
 * landing page's canonical URL.
 */
export function siteUrl() {
  const index = readFileSync(`${bookDir}/index.html`, 'utf8');
  return index.match(/<link rel="canonical" href="([^"]+)"/)[1];
}

/**
 * Serves the book (or `dir`) on a free loopback port; resolves to { url, close }. `answer`, if
 * given, sees each request first and returns true where it has answered it itself.
 */
export function serveBook(dir = bookDir, answer = () => false) {
  const files = sirv(dir, { dev: true });
  const server = createServer((request, response) => answer(request, response) || files(request, response));
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      // A browser's kept-alive connections would hold `close` open.
      const close = () => new Promise((r) => { server.closeAllConnections(); server.close(r); });
      resolve({ url: `http://127.0.0.1:${port}`, close });
    });
  });
}

export function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
}

/**
 * For one test file: serves the book and starts Chromium before its tests, and stops both after.
 * Returns { url, browser, phone }, usable once the tests start; `phone(options)` opens a tab the
 * size of a phone held upright and resolves to { tab, close }.
 */
export function useSite() {
  const env = {
    url: '',
    browser: null,
    async phone(options = {}) {
      const context = await env.browser.newContext({
        viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, ...options,
      });
      return { tab: await context.newPage(), close: () => context.close() };
    },
  };
  let server;
  before(async () => {
    server = await serveBook();
    env.url = server.url;
    env.browser = await launchBrowser();
  });
  after(async () => {
    await env.browser?.close();
    await server?.close();
  });
  return env;
}
