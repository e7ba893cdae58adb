// Our theme (theme/index.hbs, site.css, book.js): light, phone-first, and still mdBook's
// structure: chapter list, search, previous/next, print.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { builtPages, chapterFiles as summaryChapters, fileName, scriptsReady, useSite, visit } from './site.mjs';

const site = useSite();
// Every language's pages of content (the chapters and the glovebox card), and the chapters' file
// names (the same in every language).
const pages = builtPages().filter((p) => !['404.html', 'print.html', 'toc.html'].includes(fileName(p)));
const chapterFiles = summaryChapters();

test('a first visit fetches no web font, icon font, highlighter, clipboard or search code', async () => {
  for (const page of builtPages()) {
    const { tab, close } = await site.phone();
    const urls = [];
    tab.on('request', (request) => urls.push(new URL(request.url()).pathname));
    await visit(tab, `${site.url}/${page}`, { waitUntil: 'networkidle' });
    const unwanted = urls.filter((u) => /\.(woff2?|ttf|otf|eot)$|FontAwesome|fonts\.css|highlight|clipboard|elasticlunr|searchindex|theme\/search\//.test(u));
    assert.deepEqual(unwanted, [], `${page} fetched ${unwanted.join(', ')}`);
    await close();
  }
});

test('search loads when opened, answers, and Enter opens the first result', async () => {
  const { tab, close } = await site.phone();
  await visit(tab, `${site.url}/index.html`);
  await tab.getByRole('button', { name: 'Search' }).click();
  await tab.keyboard.type('immobiliser');
  const first = tab.locator('#searchresults li a').first();
  await first.waitFor();
  const href = await first.getAttribute('href');
  assert.equal(await tab.locator('#searchbar').inputValue(), 'immobiliser', 'nothing typed is lost while search loads');
  await tab.keyboard.press('Enter');
  await tab.waitForURL(`${site.url}/${href}`);
  assert.match(await tab.locator('main').innerText(), /immobiliser/i);
  await close();
});

test('dark mode follows the system, and the toggle overrides it on every page', async () => {
  const { tab, close } = await site.phone({ colorScheme: 'dark' });
  const background = () => tab.evaluate(() => getComputedStyle(document.body).backgroundColor);
  await visit(tab, `${site.url}/index.html`);
  assert.equal(await background(), 'rgb(21, 23, 28)');
  const toggle = tab.getByRole('button', { name: 'Dark mode' });
  assert.equal(await toggle.getAttribute('aria-pressed'), 'true');
  await toggle.click();
  assert.equal(await background(), 'rgb(255, 255, 255)');
  assert.equal(await toggle.getAttribute('aria-pressed'), 'false');
  await visit(tab, `${site.url}/procedure.html`);
  assert.equal(await background(), 'rgb(255, 255, 255)', 'the choice is kept');
  await close();
});

test('a control tapped the moment the page loads works: it waits for the scripts', async () => {
  const { tab, close } = await site.phone();
  // The scripts load after the first paint; on a slow line they arrive late.
  await tab.route(/\/book-[0-9a-f]+\.js$/, async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 500));
    await route.continue();
  });
  await tab.goto(`${site.url}/about.html`); // the load event, not the scripts
  const toggle = tab.getByRole('button', { name: 'Dark mode' });
  await toggle.click(); // Playwright waits until it can be seen, as a reader's thumb would
  assert.equal(await toggle.getAttribute('aria-pressed'), 'true', 'the tap was not lost');
  await tab.getByRole('button', { name: 'Search' }).click();
  assert.equal(await tab.locator('#searchbar').isVisible(), true, 'search opened');
  await close();
});

test('the scripts run where no paint is reported, and only once where it is', async () => {
  // As in Firefox opening a page at an anchor, or a tab opened in the background: the browser
  // knows paint timing but never reports a paint (theme/first-paint.js).
  const { tab, close } = await site.phone();
  await tab.addInitScript(() => {
    window.PerformanceObserver.prototype.observe = function observe() {};
  });
  await visit(tab, `${site.url}/procedure.html#step-3`);
  assert.equal(await tab.locator('#step-3 .share-link').count(), 1, 'book.js ran');
  await close();
  // Where the paint is reported, the load event's fallback must not load them a second time.
  const { tab: reported, close: closeReported } = await site.phone();
  await visit(reported, `${site.url}/procedure.html`);
  await reported.waitForTimeout(600);
  assert.equal(await reported.locator('#step-3 .share-link').count(), 1, 'book.js ran once');
  assert.equal(await reported.locator('link[rel="manifest"]').count(), 1);
  await closeReported();
});

test('the chapter drawer opens, marks the current chapter, and closes with Esc', async () => {
  const { tab, close } = await site.phone();
  await visit(tab, `${site.url}/procedure.html`);
  const toggle = tab.getByRole('button', { name: 'Chapters' });
  const drawer = tab.locator('#sidebar');
  assert.equal(await drawer.isVisible(), false);
  await toggle.click();
  assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
  assert.equal(await drawer.isVisible(), true);
  assert.equal(await drawer.locator('[aria-current="page"]').innerText(), 'Re-program your keys');
  await tab.keyboard.press('Escape');
  assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
  await tab.waitForFunction(() => getComputedStyle(document.getElementById('sidebar')).visibility === 'hidden');
  await close();
});

test('the arrow keys go to the previous and next chapter', async () => {
  const { tab, close } = await site.phone();
  await visit(tab, `${site.url}/procedure.html`);
  await tab.keyboard.press('ArrowRight');
  await tab.waitForURL(/troubleshooting\.html$/);
  await scriptsReady(tab);
  await tab.keyboard.press('ArrowLeft');
  await tab.waitForURL(/procedure\.html$/);
  await close();
});

test('with JavaScript off, every page reads and links to every chapter', async () => {
  for (const page of builtPages().filter((p) => fileName(p) !== 'toc.html')) {
    const { tab, close } = await site.phone({ javaScriptEnabled: false });
    await visit(tab, `${site.url}/${page}`);
    assert.ok((await tab.locator('main').innerText()).length > 100, `${page} has its text`);
    const links = await tab.locator('#sidebar a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    assert.deepEqual(links.sort(), [...chapterFiles].sort(), `${page} lists every chapter`);
    assert.equal(await tab.locator('#sidebar').isVisible(), true);
    assert.equal(await tab.locator('#search-toggle').isVisible(), false, 'no dead search button');
    await close();
  }
  const { tab, close } = await site.phone({ javaScriptEnabled: false });
  await visit(tab, `${site.url}/procedure.html`);
  await tab.locator('.page-nav a[rel="next"]').click();
  await tab.waitForURL(/troubleshooting\.html$/);
  await close();
});

test('every control is a 48 px tap target on a 320 px screen', async () => {
  // Every button, field and navigation link: the share controls, the search box and its
  // results too. Links inside a sentence are exempt, as WCAG 2.5.8 allows.
  const small = (tab, when) => tab.evaluate((state) => Array.from(document.querySelectorAll(
    'button, input, select, textarea, summary, [role="button"], .menu-bar a, #sidebar a, .page-nav a, '
    + '.cta a, .symptoms a, #searchresults a',
  )).filter((el) => el.offsetParent !== null && !el.closest('.guided')).map((el) => {
    const box = el.getBoundingClientRect();
    const what = el.getAttribute('aria-label') || el.textContent.trim() || el.id;
    return { what: `${state}: ${what}`, width: Math.round(box.width), height: Math.round(box.height) };
  }).filter((b) => b.width < 48 || b.height < 48), when);
  const { tab, close } = await site.phone({ viewport: { width: 320, height: 640 } });
  for (const page of pages) {
    await visit(tab, `${site.url}/${page}`);
    const found = await small(tab, 'page');
    await tab.locator('#sidebar-toggle').click();
    found.push(...await small(tab, 'chapters open'));
    await tab.keyboard.press('Escape');
    await tab.locator('#search-toggle').click();
    await tab.keyboard.type('key');
    await tab.locator('#searchresults li a').first().waitFor();
    found.push(...await small(tab, 'search open'));
    assert.deepEqual(found, [], `${page}: small tap targets`);
  }
  await close();
});

test('pages do not shift while they load, even when scripts and drawings arrive late', async () => {
  for (const page of builtPages()) {
    const { tab, close } = await site.phone();
    // On a slow phone the page is painted before its deferred scripts run and its drawings arrive:
    // make that happen here, for every script the page loads (the theme's and mdBook's hashed
    // book-….js) and every drawing (a drawing without its size would push the text down).
    await tab.route(/\/((theme\/.*|book-[0-9a-f]+)\.js|images\/.*\.svg)$/, async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 500));
      await route.continue();
    });
    await visit(tab, `${site.url}/${page}`, { waitUntil: 'networkidle' });
    const shift = await tab.evaluate(() => new Promise((resolve) => {
      let total = 0;
      new PerformanceObserver((list) => {
        // Every shift counts: nothing here is a reader's input (Playwright's set-up can look like one).
        for (const entry of list.getEntries()) total += entry.value;
      }).observe({ type: 'layout-shift', buffered: true });
      setTimeout(() => resolve(total), 300);
    }));
    assert.equal(shift, 0, `${page} layout shift ${shift}`);
    await close();
  }
});

test('the text keeps a reading width on a wide screen', async () => {
  const { tab, close } = await site.phone({ viewport: { width: 1440, height: 900 }, isMobile: false, hasTouch: false });
  await visit(tab, `${site.url}/procedure.html`);
  const width = await tab.locator('main').evaluate((m) => m.getBoundingClientRect().width);
  assert.ok(width <= 720, `main is ${width} px wide`);
  assert.equal(await tab.locator('#sidebar').isVisible(), true, 'the chapter list is a column');
  await close();
});

test('print.html prints every chapter and none of the screen controls', async () => {
  const { tab, close } = await site.phone();
  await visit(tab, `${site.url}/print.html`);
  await tab.emulateMedia({ media: 'print' });
  const headings = await tab.locator('main h1').allInnerTexts();
  assert.equal(headings.length, chapterFiles.length, `one title per chapter: ${headings}`);
  for (const selector of ['.menu-bar', '#sidebar', '.guided-start']) {
    assert.equal(await tab.locator(selector).isVisible(), false, `${selector} is not printed`);
  }
  await close();
});
