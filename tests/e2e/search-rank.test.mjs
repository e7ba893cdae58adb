// Search's ranking on its own, without a browser: theme/search/rank.js run in node over the built
// sections of each language, with lunr and lunr-languages as the page loads them, against the same
// query sets as the browser's search evaluation (tests/search-queries.txt, and
// tests/search-queries-translated.txt for the translations).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import {
  bookDir, languageFolders, scoreSearch, searchQueries, translatedSearchQueries,
} from './site.mjs';

const theme = (file) => readFileSync(new URL(`../../theme/search/${file}`, import.meta.url), 'utf8');

/** search.js's `find` for the language in `folder` ('' or 'de/'), as its pages would run it. */
function searchIn(folder) {
  const page = readFileSync(join(bookDir, folder, 'index.html'), 'utf8');
  const files = page.match(/id="search-toggle"[^>]*data-scripts="([^"]+)"/)[1].split(' ');
  // The built file starts with the sections, one line: the data the ranking reads.
  const built = readFileSync(join(bookDir, folder, files.at(-1)), 'utf8');
  const sections = built.slice(0, built.indexOf(';\n') + 1);
  const code = folder ? ['lunr.stemmer.support', `lunr.${folder.slice(0, -1)}`] : [];
  const window = {};
  const context = vm.createContext({ window });
  vm.runInContext(theme('lunr.min.js'), context);
  for (const name of code) vm.runInContext(theme(`lunr-languages/${name}.min.js`), context);
  vm.runInContext(sections, context);
  vm.runInContext(theme('rank.js'), context);
  const { lunr } = context;
  const language = folder ? lunr[folder.slice(0, -1)] : undefined;
  return window.MiniSearchRank(lunr, language, window.searchSections).find;
}

/** For each query, its pages best first: a page's first section decides its place. */
const ranked = (find, queries) => queries.map(({ query }) => [...new Set(find(query).map((r) => r.url.split('#')[0]))]);

test('the ranking, in node: hits@1 ≥ 95 % and hits@3 = 100 % over the English queries', () => {
  const queries = searchQueries();
  const all = scoreSearch(queries, ranked(searchIn(''), queries));
  for (const miss of all.misses) console.log(`  ${miss}`);
  assert.ok(all.at1 / queries.length >= 0.95, `hits@1 ${all.at1}/${queries.length}`);
  assert.equal(all.at3, queries.length, `hits@3 ${all.at3}/${queries.length}`);
  const right = scoreSearch(queries, ranked(searchIn(''), queries), 'spelt right');
  assert.ok(right.at1 >= 46, `spelt right: hits@1 ${right.at1}, below mdBook's own search (46)`);
});

for (const folder of languageFolders().slice(1)) {
  test(`the ranking in /${folder}, in node: every query finds its page first`, () => {
    const queries = translatedSearchQueries()[folder];
    assert.ok(queries?.length >= 4, `queries for /${folder}`);
    const { misses } = scoreSearch(queries, ranked(searchIn(folder), queries));
    assert.deepEqual(misses, [], misses.join('\n'));
  });
}
