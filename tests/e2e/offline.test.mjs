// Works with no signal: after one visit to the landing page, every page, search and guided mode
// work offline; after a rebuild with changed content, the next online visit brings the new
// text into the cache and deletes the old one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { builtPages, bookDir, languageFolders, serveBook, useSite, visit } from './site.mjs';
import { takesTaps } from './guided-walk.mjs';

const site = useSite();
const UPDATED_BOOK_DIR = process.env.UPDATED_BOOK_DIR;
// The sentence `cargo xtask test` adds to about.md for the rebuilt copy.
const UPDATED_TEXT = 'This copy of the guide was rebuilt to test offline updates.';

const ENTITIES = { quot: '"', amp: '&', lt: '<', gt: '>' };
const decode = (text) => text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (_, e) => (e[0] === '#'
  ? String.fromCodePoint(Number(e[1] === 'x' ? `0${e.slice(1)}` : e.slice(1)))
  : ENTITIES[e]));
const title = (page) => decode(readFileSync(join(bookDir, page), 'utf8').match(/<title>([^<]*)<\/title>/)[1]);

async function visitOnce(browser, url, folder = '') {
  const context = await browser.newContext({ viewport: { width: 390, height: 780 }, isMobile: true, hasTouch: true });
  const tab = await context.newPage();
  await visit(tab, `${url}/${folder}index.html`);
  // The manifest is linked once the page is painted (theme/index.hbs), for "Add to Home screen".
  const manifest = await tab.evaluate(() => document.querySelector('link[rel="manifest"]')?.href);
  assert.equal((await tab.request.get(manifest)).status(), 200, `the manifest ${manifest}`);
  // `ready` resolves once the worker is active, that is once every file is precached.
  await tab.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  return { context, tab };
}

// Every cached address's path, in every cache of the tab's origin.
const cachedPaths = (tab) => tab.evaluate(async () => (await Promise.all((await caches.keys())
  .map(async (key) => (await (await caches.open(key)).keys()).map((r) => new URL(r.url).pathname)))).flat());

for (const folder of languageFolders().slice(1)) {
  test(`one visit to /${folder}, then offline: its pages, search and guided mode, and no other language`, async () => {
    const { context, tab } = await visitOnce(site.browser, site.url, folder);
    const others = languageFolders().filter((f) => f !== folder);
    const stray = (await cachedPaths(tab)).filter((path) => !path.startsWith(`/${folder}`));
    assert.deepEqual(stray, [], `a visit to /${folder} cached other languages' files (${others.join(', ')})`);
    await context.setOffline(true);
    for (const page of builtPages(folder)) {
      await visit(tab, `${site.url}/${page}`);
      assert.equal(await tab.title(), title(page), `${page} offline`);
    }
    await visit(tab, `${site.url}/${folder}troubleshooting.html`);
    await tab.locator('#search-toggle').click();
    await tab.keyboard.type('EWS');
    await tab.locator('#searchresults li a').first().waitFor();
    await visit(tab, `${site.url}/${folder}procedure.html#guided`);
    assert.equal(await tab.locator('.guided').isVisible(), true, `guided mode opens offline in /${folder}`);
    await context.close();
  });
}

test('one visit, then offline: every English page, search and guided mode', async () => {
  const { context, tab } = await visitOnce(site.browser, site.url);
  const translated = (await cachedPaths(tab)).filter((path) => languageFolders().slice(1).some((f) => path.startsWith(`/${f}`)));
  assert.deepEqual(translated, [], 'an English visit precaches no translation');
  await context.setOffline(true);
  for (const page of builtPages('')) {
    await visit(tab, `${site.url}/${page}`);
    assert.equal(await tab.title(), title(page), `${page} offline`);
    assert.ok((await tab.locator('main').innerText()).length > 50, `${page} has its text offline`);
  }
  await visit(tab, `${site.url}/`);
  assert.equal(await tab.title(), title('index.html'), 'the site root (home-screen start) offline');

  await visit(tab, `${site.url}/troubleshooting.html`);
  await tab.getByRole('button', { name: 'Search' }).click();
  await tab.keyboard.type('immobiliser');
  await tab.locator('#searchresults li a').first().waitFor();

  await visit(tab, `${site.url}/procedure.html#guided`);
  assert.equal(await tab.locator('.guided').isVisible(), true, 'guided mode opens offline');
  assert.equal(await tab.locator('.guided-title').innerText(), 'Step 1 of 7');
  await takesTaps(tab);
  await tab.getByRole('button', { name: 'The doors are shut' }).click();
  assert.equal(await tab.locator('.guided-seconds').innerText(), '5');
  await context.close();
});

test('a rebuild with a changed chapter reaches the offline reader after one online visit', { skip: !UPDATED_BOOK_DIR && 'UPDATED_BOOK_DIR is not set' }, async () => {
  const live = mkdtempSync(join(tmpdir(), 'mini-remote-fix-live-'));
  const publish = (dir) => {
    rmSync(live, { recursive: true, force: true });
    cpSync(dir, live, { recursive: true });
  };
  publish(bookDir);
  const server = await serveBook(live);
  try {
    const { context, tab } = await visitOnce(site.browser, server.url);
    const caches = () => tab.evaluate(() => caches.keys());
    const [before] = await caches();

    publish(UPDATED_BOOK_DIR);
    await visit(tab, `${server.url}/about.html`);
    assert.match(await tab.locator('main').innerText(), new RegExp(UPDATED_TEXT), 'online: the new text at once');
    // The browser fetches sw.js on that visit, finds a new version, installs it, drops the old cache.
    await tab.waitForFunction(async (old) => {
      const keys = await caches.keys();
      return keys.length === 1 && keys[0] !== old;
    }, before, { polling: 100, timeout: 15000 });

    await context.setOffline(true);
    await visit(tab, `${server.url}/about.html`);
    assert.match(await tab.locator('main').innerText(), new RegExp(UPDATED_TEXT), 'offline: the new text');
    await context.close();
  } finally {
    await server.close();
    rmSync(live, { recursive: true, force: true });
  }
});
