// Search that finds what owners type: every query of tests/search-queries.txt against the built
// site's own search index, scored as the reader sees it (mdBook's searcher makes the same call),
// plus the phone behaviour: Enter opens the first result, with the words highlighted.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { useSite } from './site.mjs';

const site = useSite();
const QUERIES = readFileSync(new URL('../search-queries.txt', import.meta.url), 'utf8')
  .split('\n')
  .filter((line) => line.trim() && !line.startsWith('#'))
  .map((line) => line.split('|').map((part) => part.trim()))
  .map(([query, page]) => ({ query, page }));

async function openSearch(tab) {
  await tab.getByRole('button', { name: 'Search' }).click();
  await tab.waitForFunction(() => window.search?.index && window.elasticlunr);
}

test(`search evaluation: ${QUERIES.length} queries, hits@1 ≥ 90 % and hits@3 = 100 %`, async () => {
  assert.ok(QUERIES.length >= 40, 'at least 40 queries');
  const context = await site.browser.newContext({ viewport: { width: 390, height: 780 }, isMobile: true });
  const tab = await context.newPage();
  await tab.goto(`${site.url}/index.html`);
  await openSearch(tab);
  const ranked = await tab.evaluate((queries) => {
    const { index, doc_urls: urls, search_options: options } = window.search;
    const searchIndex = window.elasticlunr.Index.load(index);
    return queries.map(({ query }) => {
      const pages = searchIndex.search(query, options).map((r) => urls[r.ref].split('#')[0]);
      return [...new Set(pages)]; // a page's first section decides its place
    });
  }, QUERIES);
  await context.close();

  let at1 = 0;
  let at3 = 0;
  const misses = [];
  QUERIES.forEach(({ query, page }, i) => {
    const place = ranked[i].indexOf(page) + 1;
    if (place === 1) at1 += 1;
    if (place >= 1 && place <= 3) at3 += 1;
    if (place !== 1) misses.push(`"${query}": ${page} is ${place ? `#${place}` : 'not found'} (got ${ranked[i].slice(0, 3).join(', ') || 'nothing'})`);
  });
  const percent = (n) => ((100 * n) / QUERIES.length).toFixed(1);
  console.log(`search: hits@1 ${at1}/${QUERIES.length} (${percent(at1)} %), hits@3 ${at3}/${QUERIES.length} (${percent(at3)} %)`);
  for (const miss of misses) console.log(`  ${miss}`);
  assert.ok(at1 / QUERIES.length >= 0.9, `hits@1 ${percent(at1)} %`);
  assert.equal(at3, QUERIES.length, `hits@3 ${percent(at3)} %`);
});

test('Enter opens the first result, with the words highlighted on the page', async () => {
  const context = await site.browser.newContext({ viewport: { width: 390, height: 780 }, isMobile: true });
  const tab = await context.newPage();
  await tab.goto(`${site.url}/index.html`);
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
  // A first visit, before the service worker has cached the searcher (it would answer offline).
  const context = await site.browser.newContext({
    viewport: { width: 390, height: 780 }, isMobile: true, serviceWorkers: 'block',
  });
  const tab = await context.newPage();
  let offline = true; // the searcher's script fails once, as in a car park
  await tab.route(/\/searcher-[0-9a-f]+\.js$/, (route) => (offline ? route.abort() : route.continue()));
  await tab.goto(`${site.url}/index.html`);
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
