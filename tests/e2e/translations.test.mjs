// The guide in every language: each page leads to itself in the others (language switch, hreflang),
// says it was translated and links to its English page; search answers in the page's language;
// guided mode speaks it, from words the page carries. The tests that walk every page (HTML, axe,
// console and policy, weight, layout, offline) take every language's pages from site.mjs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import {
  bookDir, builtPages, fileName, languageFolders, translatedSearchQueries, useSite, visit,
} from './site.mjs';
import { guidedPhone, settled, wholeSession } from './guided-walk.mjs';

const site = useSite();
const translations = languageFolders().slice(1);

test('every translation has the pages of the English guide, and search queries of its own', () => {
  const english = builtPages('').map(fileName);
  assert.ok(translations.length >= 3, `de, fr and nl at least: ${translations}`);
  const byLanguage = translatedSearchQueries();
  for (const folder of translations) {
    assert.deepEqual(builtPages(folder).map(fileName), english, `/${folder} has every page`);
    assert.ok(byLanguage[folder]?.length >= 4, `search queries for /${folder}`);
  }
});

test('the language switch leads to the same page in each language; hreflang says the same', async () => {
  const { tab, close } = await site.phone();
  for (const folder of languageFolders()) {
    for (const page of ['index.html', 'procedure.html', 'troubleshooting.html']) {
      await visit(tab, `${site.url}/${folder}${page}`);
      const lang = await tab.evaluate(() => document.documentElement.lang);
      assert.equal(lang, folder ? folder.slice(0, -1) : 'en', `${folder}${page}: <html lang>`);
      const links = await tab.locator('nav.language-switch a').evaluateAll((as) => as.map((a) => ({
        href: a.href, lang: a.getAttribute('hreflang'), current: a.getAttribute('aria-current'),
      })));
      assert.equal(links.length, languageFolders().length, `${folder}${page}: one link per language`);
      const alternates = await tab.locator('link[rel="alternate"][hreflang]').evaluateAll((ls) => ls.map((l) => l.hreflang));
      assert.deepEqual(alternates.sort(), [...links.map((l) => l.lang), 'x-default'].sort(), `${folder}${page}: hreflang`);
      for (const link of links) {
        const expected = `${site.url}/${link.lang === 'en' ? '' : `${link.lang}/`}${page}`;
        assert.equal(link.href, expected, `${folder}${page}: the ${link.lang} link`);
        assert.equal(link.current === 'page', link.lang === lang, `${folder}${page}: aria-current`);
      }
    }
  }
  // A tap keeps the step the reader is on.
  await visit(tab, `${site.url}/procedure.html#step-4`);
  await tab.locator('nav.language-switch a[hreflang="de"]').click();
  await tab.waitForURL(`${site.url}/de/procedure.html`);
  assert.equal(await tab.locator('#step-4').count(), 1, 'the German page has the same step anchors');
  await close();
});

test('a translated page says so and links to the same page in English; an English page does not', async () => {
  const { tab, close } = await site.phone();
  await visit(tab, `${site.url}/troubleshooting.html`);
  assert.equal(await tab.locator('.translated-from').count(), 0);
  for (const folder of translations) {
    await visit(tab, `${site.url}/${folder}troubleshooting.html`);
    const line = tab.locator('.translated-from');
    assert.equal(await line.isVisible(), true, `/${folder}: the line is shown`);
    assert.equal(await line.locator('a').evaluate((a) => a.href), `${site.url}/troubleshooting.html`);
    assert.doesNotMatch(await line.innerText(), /English edition/, `/${folder}: the line is translated`);
  }
  await close();
});

test('no English word of the theme is left on a translated page', async () => {
  const english = ['Skip to the guide', 'Chapters', 'Search the guide', 'Previous', 'Next', 'Start guided mode'];
  const { tab, close } = await site.phone();
  for (const folder of translations) {
    await visit(tab, `${site.url}/${folder}procedure.html`);
    const labels = await tab.evaluate(() => [
      ...[...document.querySelectorAll('[aria-label], [placeholder]')].map((e) => e.getAttribute('aria-label') ?? e.placeholder),
      ...[...document.querySelectorAll('body *:not(script):not(style)')].filter((e) => !e.children.length).map((e) => e.textContent.trim()),
      ...[...document.querySelectorAll('template.words')].flatMap((t) => [...t.content.querySelectorAll('[data-word]')].map((w) => w.textContent)),
    ]);
    for (const word of english) {
      assert.ok(!labels.includes(word), `/${folder}procedure.html still says "${word}"`);
    }
    assert.equal(await tab.evaluate(() => window.MiniWords('restart', { step: 1 })).then((w) => /^Start again/.test(w)), false);
  }
  await close();
});

test('French punctuation stays on the line of its word, at 320 and 390 px, on every French page', async () => {
  const pages = builtPages('fr/').map(fileName).filter((name) => name !== 'print.html');
  const broken = [];
  for (const width of [320, 390]) {
    const { tab, close } = await site.phone({ viewport: { width, height: 740 } });
    for (const page of pages) {
      await visit(tab, `${site.url}/fr/${page}`);
      // Each mark and the character on the other side of its no-break space: the same line.
      broken.push(...await tab.evaluate(() => {
        const out = [];
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        const top = (node, at) => {
          const range = document.createRange();
          range.setStart(node, at);
          range.setEnd(node, at + 1);
          const rect = range.getBoundingClientRect();
          return rect.height ? Math.round(rect.top) : null;
        };
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          if (node.parentElement.closest('script, style')) continue;
          const text = node.data;
          for (let i = 0; i < text.length; i += 1) {
            const pair = '?!;:»'.includes(text[i]) && i >= 2 && '\u202f\u00a0'.includes(text[i - 1]) ? [i - 2, i]
              : text[i] === '«' && '\u202f\u00a0'.includes(text[i + 1] ?? '') && i + 2 < text.length ? [i, i + 2] : null;
            if ('?!;:»'.includes(text[i]) && text[i - 1] === ' ') out.push(`ordinary space: ${text.slice(Math.max(0, i - 20), i + 1)}`);
            if (!pair) continue;
            const [a, b] = pair.map((at) => top(node, at));
            if (a !== null && b !== null && a !== b) out.push(text.slice(Math.max(0, i - 20), i + 2));
          }
        }
        return out;
      }).then((found) => found.map((words) => `${width} px, ${page}: "${words}"`)));
    }
    await close();
  }
  assert.deepEqual(broken, [], broken.join('\n'));
});

for (const folder of translations) {
  test(`search in /${folder} answers in its language, first page first`, async () => {
    const { tab, close } = await site.phone();
    await visit(tab, `${site.url}/${folder}index.html`);
    await tab.locator('#search-toggle').click();
    await tab.waitForFunction(() => window.siteSearch);
    const list = translatedSearchQueries()[folder];
    const ranked = await tab.evaluate((qs) => qs.map(({ query }) => [
      ...new Set(window.siteSearch.find(query).map((r) => r.url.split('#')[0])),
    ]), list);
    const misses = list
      .map(({ query, page }, i) => [query, page, ranked[i]])
      .filter(([, page, pages]) => pages[0] !== page)
      .map(([query, page, pages]) => `"${query}": ${page} is not first (got ${pages.slice(0, 3).join(', ') || 'nothing'})`);
    assert.deepEqual(misses, [], misses.join('\n'));
    // The page's results and its "nothing found" words are the language's.
    await tab.keyboard.type('zzqx');
    await tab.locator('#searchresults li a').first().waitFor();
    assert.doesNotMatch(await tab.locator('#searchresults-header').innerText(), /Nothing found/);
    await close();
  });

  test(`search in /${folder} ships lunr-languages as its package does, at most 21 KB (gzip) in all`, () => {
    const page = readFileSync(join(bookDir, folder, 'index.html'), 'utf8');
    const files = page.match(/id="search-toggle"[^>]*data-scripts="([^"]+)"/)?.[1].split(' ') ?? [];
    const code = folder.slice(0, -1);
    assert.equal(files.length, 4, `lunr, lunr-languages' support and ${code} files, then ours: ${files}`);
    for (const name of ['lunr.stemmer.support', `lunr.${code}`]) {
      const shipped = files.find((f) => f.includes(`/${name}-`));
      const npmCopy = readFileSync(new URL(`./node_modules/lunr-languages/min/${name}.min.js`, import.meta.url));
      assert.ok(readFileSync(join(bookDir, folder, shipped)).equals(npmCopy), `${shipped} is the npm package's file`);
      assert.ok(readFileSync(new URL(`../../theme/search/lunr-languages/${name}.min.js`, import.meta.url)).equals(npmCopy));
    }
    const total = files.reduce((sum, f) => sum + gzipSync(readFileSync(join(bookDir, folder, f)), { level: 9 }).length, 0);
    console.log(`search in /${folder}: ${total} B gzip`);
    // English's 15 KB, and the language's stemmer and stop words as lunr-languages ships them.
    assert.ok(total <= 21 * 1024, `search in /${folder} fetches ${total} B gzip`);
  });

  test(`guided mode in /${folder}: a whole session, then a missed window, in the page's words`, async () => {
    const { tab, errors, close } = await guidedPhone(site, `/${folder}procedure.html`);
    const words = (name, values) => tab.evaluate(([n, v]) => window.MiniWords(n, v), [name, values]);
    const steps = await tab.locator('ol.procedure > li').evaluateAll((lis) => lis.map((li) => ({ ...li.dataset })));
    const tap = async (label) => {
      await settled(tab);
      await tab.locator('.guided-actions button', { hasText: label }).first().click();
    };
    const title = () => tab.locator('.guided-title').innerText();
    await tab.locator('.guided-start-button').click();
    const tapPress = async () => {
      await settled(tab);
      await tab.locator('.guided-tap').click();
    };
    await wholeSession({ title, tap, words, tapPress }, steps);
    // A new session; the 5-second window of step 2 runs out.
    await tap(await words('close'));
    await tab.locator('.guided-start-button').click();
    await tap(steps[0].doneLabel);
    await tap(steps[1].startLabel);
    await tab.clock.runFor(6000);
    assert.equal(await title(), await words('ask-title'));
    await tap(await words('ask-no'));
    assert.equal(await title(), await words('try-failed', { count: 1 }));
    assert.match(await tab.locator('.guided-text').innerText(), new RegExp((await words('restart', { step: 1 })).slice(0, 20)));
    const english = ['Step ', 'Exit', 'Time is up', 'Start again'];
    const shown = await tab.locator('.guided').innerText();
    for (const word of english) assert.ok(!shown.includes(word), `/${folder}: guided mode shows "${word}"`);
    assert.deepEqual(errors, []);
    await close();
  });
}
