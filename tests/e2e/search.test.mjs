// Search that finds what owners type, spelt right or not: every query of tests/search-queries.txt
// against the built site's search, ranked as the reader sees it (search.js's own `find`), plus the
// phone behaviour: Enter opens the first result with the words highlighted, snippets, a way on when
// nothing matches, a retry after a failed load, and the size of what opening search fetches.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { bookDir, scoreSearch, searchQueries, useSite, visit } from './site.mjs';

const site = useSite();

const QUERIES = searchQueries();
const SPELT_RIGHT = QUERIES.filter((q) => q.group === 'spelt right');

async function openSearch(tab) {
  await tab.getByRole('button', { name: 'Search' }).click();
  await tab.waitForFunction(() => window.siteSearch);
}

test(`search evaluation: ${QUERIES.length} queries, hits@1 ≥ 95 % and hits@3 = 100 %`, async () => {
  assert.ok(SPELT_RIGHT.length >= 50, 'the 50 correctly spelt queries');
  assert.ok(QUERIES.length - SPELT_RIGHT.length >= 20, 'at least 20 misspelt or partial ones');
  const context = await site.browser.newContext({ viewport: { width: 390, height: 780 }, isMobile: true });
  const tab = await context.newPage();
  await visit(tab, `${site.url}/index.html`);
  await openSearch(tab);
  const ranked = await tab.evaluate((list) => list.map(({ query }) => {
    const pages = window.siteSearch.find(query).map((result) => result.url.split('#')[0]);
    return [...new Set(pages)]; // a page's first section decides its place
  }), QUERIES);
  await context.close();

  const score = (group) => scoreSearch(QUERIES, ranked, group);
  const all = score();
  const right = score('spelt right');
  const percent = (n) => ((100 * n) / QUERIES.length).toFixed(1);
  console.log(`search: hits@1 ${all.at1}/${QUERIES.length} (${percent(all.at1)} %), hits@3 ${all.at3}/${QUERIES.length} (${percent(all.at3)} %); spelt right: hits@1 ${right.at1}/${SPELT_RIGHT.length}`);
  for (const miss of all.misses) console.log(`  ${miss}`);
  assert.ok(all.at1 / QUERIES.length >= 0.95, `hits@1 ${percent(all.at1)} %`);
  assert.equal(all.at3, QUERIES.length, `hits@3 ${percent(all.at3)} %`);
  assert.ok(right.at1 >= 46, `spelt right: hits@1 ${right.at1}, below mdBook's own search (46)`);
});

test('Enter opens the first result, with the words highlighted on the page', async () => {
  const context = await site.browser.newContext({ viewport: { width: 390, height: 780 }, isMobile: true });
  const tab = await context.newPage();
  await visit(tab, `${site.url}/index.html`);
  await openSearch(tab);
  await tab.keyboard.type('immobiliser');
  await tab.locator('#searchresults li a').first().waitFor();
  await tab.keyboard.press('Enter');
  await tab.waitForURL(/troubleshooting\.html\?highlight=immobiliser/);
  // Visible marks: the chapter's hidden search keywords get marked too, unseen.
  const mark = tab.locator('main mark >> visible=true').first();
  await mark.waitFor();
  assert.match(await mark.innerText(), /immobiliser/i);
  await context.close();
});

test('search recovers from a failed load: a message, then a retry on the next open', async () => {
  // A first visit, before the service worker has cached search (it would answer offline).
  const context = await site.browser.newContext({
    viewport: { width: 390, height: 780 }, isMobile: true, serviceWorkers: 'block',
  });
  const tab = await context.newPage();
  let offline = true; // search's script fails once, as in a car park
  await tab.route(/\/theme\/search\/search-[0-9a-f]+\.js$/, (route) => (offline ? route.abort() : route.continue()));
  await visit(tab, `${site.url}/index.html`);
  await tab.getByRole('button', { name: 'Search' }).click();
  const header = tab.locator('#searchresults-header');
  await tab.waitForFunction(() => /could not load/.test(document.getElementById('searchresults-header').textContent));
  assert.equal(await header.isVisible(), true, 'the reader is told');

  offline = false;
  await tab.getByRole('button', { name: 'Search' }).click();
  await tab.keyboard.type('immobiliser');
  await tab.locator('#searchresults li a').first().waitFor();
  assert.match(await tab.locator('#searchresults').innerText(), /car will not start/i);
  await context.close();
});

test('each result shows its page, section and a snippet with the words marked', async () => {
  const { tab, close } = await site.phone({ viewport: { width: 320, height: 640 } });
  await visit(tab, `${site.url}/procedure.html`);
  await openSearch(tab);
  await tab.keyboard.type('reciever');
  const first = tab.locator('#searchresults li a').first();
  await first.waitFor();
  const text = await first.innerText();
  assert.match(text, /^Troubleshooting › /, `page › section: ${text}`);
  assert.match(await first.locator('.teaser mark').first().innerText(), /^receiver$/i, 'the typo found its word');
  assert.match(await tab.locator('#searchresults-header').innerText(), /results? for “reciever”/);
  const overflow = await tab.evaluate(() => document.documentElement.scrollWidth - innerWidth);
  assert.ok(overflow <= 0, `the results fit 320 px (${overflow} px too wide)`);
  await close();
});

test('a query that finds nothing offers the three main pages', async () => {
  const { tab, close } = await site.phone();
  await visit(tab, `${site.url}/about.html`);
  await openSearch(tab);
  await tab.keyboard.type('xyzzy qwrtp');
  await tab.waitForFunction(() => /Nothing found/.test(document.getElementById('searchresults-header').textContent));
  const links = await tab.locator('#searchresults li a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  assert.deepEqual(links.map((href) => href.split('#')[0]), ['does-this-apply.html', 'procedure.html', 'troubleshooting.html']);
  for (const teaser of await tab.locator('#searchresults .teaser').allInnerTexts()) {
    assert.ok(teaser.replace(/…/g, '').trim().length >= 40, `each offers its first words: "${teaser}"`);
  }
  await close();
});

test('a ?search= link opens search with its words, the arrow keys walk the results, Escape closes it', async () => {
  const { tab, close } = await site.phone();
  await visit(tab, `${site.url}/index.html?search=immobilizer`);
  await tab.locator('#searchresults li a').first().waitFor();
  assert.equal(await tab.locator('#searchbar').inputValue(), 'immobilizer');
  // The arrow keys walk from the box through the results and back.
  const focused = () => tab.evaluate(() => document.activeElement.id || document.activeElement.getAttribute('href'));
  await tab.keyboard.press('ArrowDown');
  assert.equal(await focused(), await tab.locator('#searchresults li a').first().getAttribute('href'));
  await tab.keyboard.press('ArrowUp');
  assert.equal(await focused(), 'searchbar');
  await tab.keyboard.press('Escape');
  assert.equal(await tab.locator('#search-wrapper').isVisible(), false);
  assert.equal(await tab.getByRole('button', { name: 'Search' }).getAttribute('aria-expanded'), 'false');
  await close();
});

test('search ships lunr as its package does, and opening it fetches at most 15 KB (gzip)', () => {
  const page = readFileSync(join(bookDir, 'index.html'), 'utf8');
  const files = page.match(/id="search-toggle"[^>]*data-scripts="([^"]+)"/)?.[1].split(' ') ?? [];
  assert.equal(files.length, 2, `lunr, then the sections with search.js: ${files}`);
  const npmCopy = readFileSync(new URL('./node_modules/lunr/lunr.min.js', import.meta.url));
  const lunr = files.find((f) => /\/lunr-[0-9a-f]{8}\.min\.js$/.test(f));
  assert.ok(lunr, 'lunr is one of them');
  assert.ok(readFileSync(join(bookDir, lunr)).equals(npmCopy), 'the shipped lunr is the npm package\'s file');
  assert.ok(readFileSync(new URL('../../theme/search/lunr.min.js', import.meta.url)).equals(npmCopy), 'theme/search/lunr.min.js is too');
  const sizes = files.map((f) => [f, gzipSync(readFileSync(join(bookDir, f)), { level: 9 }).length]);
  const total = sizes.reduce((sum, [, n]) => sum + n, 0);
  console.log(`search: ${sizes.map(([f, n]) => `${f} ${n} B`).join(', ')}; ${total} B gzip`);
  assert.ok(total <= 15 * 1024, `search fetches ${total} B gzip`);
});
