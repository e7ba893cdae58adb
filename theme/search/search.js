// Search that forgives a thumb. book.js loads this on the first use of search, after lunr
// (lunr.min.js beside this file, the package's own file). crates/post-build (search.rs) puts the
// guide's sections, from mdBook's index, before this code in the same file (window.searchSections).
//
// lunr ranks the sections; each word the reader types counts as:
// - itself, when the guide has it (stemmed: "batteries" finds "battery");
// - otherwise the guide's nearest words, one edit away, or two for words of six letters or more
//   ("reciever" finds "receiver"; swapping two letters is one edit);
// - and the start of longer words ("immob" finds "immobiliser").
// Two words that make one of the guide's words ("clam shell") count as that word too. Stop words
// stay: in a guide this small they carry meaning ("which key", "all keys"), and common words rank
// low by themselves. A chapter's keywords (`<!-- keywords: -->`) are one short entry per phrase,
// pointing at the chapter's top, so a phrase found whole is not lost in a long section. A page
// ranks by its best section plus a share of its others: the page that answers in several places
// is likely the one.
(function () {
  'use strict';

  const { lunr } = window;
  // In a translation, lunr-languages' stemmer, trimmer and stop words for the page's language,
  // loaded before this (search.rs names the files); English is lunr's own.
  const language = lunr[document.documentElement.lang];
  const { trimmer, stemmer, stopWordFilter } = language ?? lunr;
  // [url, chapter, section title, text, the chapter's keywords (its top section only)]
  const sections = window.searchSections;
  // Offered when nothing matches: check your key, the procedure, troubleshooting.
  const MAIN_PAGES = ['does-this-apply.html', 'procedure.html', 'troubleshooting.html'];
  const MAX_RESULTS = 10;
  const SNIPPET = 160; // characters of text around the first match

  const root = document.documentElement.dataset.pathToRoot || '';
  const [bar, outer, header, list] = ['searchbar', 'searchresults-outer', 'searchresults-header', 'searchresults']
    .map((id) => document.getElementById(id));

  /** The words of `text` as lunr cuts them, without the punctuation around them. */
  const tokens = (text) => lunr.tokenizer(text).map((token) => trimmer(token).toString()).filter(Boolean);

  // ---- The index, built here: the sections are smaller to fetch than a built index ----------

  const entries = sections.flatMap(([, chapter, title, text, keywords = ''], section) => [
    { section, title: `${chapter} ${title}`, text },
    ...keywords.split(', ').filter(Boolean).map((phrase) => ({ section, keywords: phrase })),
  ]);
  const index = lunr(function () {
    if (language) this.use(language);
    this.pipeline.remove(stopWordFilter);
    this.ref('n');
    this.field('title');
    this.field('keywords', { boost: 3 });
    this.field('text');
    this.metadataWhitelist = ['position'];
    entries.forEach((entry, n) => this.add({ ...entry, n }));
  });
  const vocabulary = lunr.TokenSet.fromArray([
    ...new Set(entries.flatMap((entry) => tokens([entry.title, entry.keywords, entry.text].join(' ')))),
  ].sort());
  const known = (word) => stemmer(new lunr.Token(word)).toString() in index.invertedIndex;
  const nearest = (word, edits) => vocabulary.intersect(lunr.TokenSet.fromFuzzyString(word, edits)).toArray();

  // ---- Ranking -------------------------------------------------------------------------------

  /** A section as a result: where the words were found in its text, and the words as found. */
  const resultOf = ([url, chapter, title, text]) => ({ url, chapter, title, text, first: Infinity, words: new Set() });

  /** The results for what the reader typed, best first (see `resultOf`). */
  function find(query) {
    const typed = tokens(query);
    if (!typed.length) return [];
    const hits = index.query((q) => {
      typed.forEach((word, n) => {
        const joined = n > 0 && typed[n - 1] + word;
        if (joined && known(joined)) q.term(joined, { boost: 10 });
        if (word.length > 2) q.term(word, { usePipeline: false, wildcard: lunr.Query.wildcard.TRAILING, boost: 3 });
        if (known(word) || word.length < 4) {
          q.term(word, { boost: 10 });
          return;
        }
        if (word.length > 30) return; // pasted text, not a typo
        let near = nearest(word, 1);
        if (!near.length && word.length > 5) near = nearest(word, 2);
        for (const found of near) q.term(found, { boost: 5 });
      });
    });

    // A keyword found counts for its page, and shows as the chapter's top section only when no
    // section of the page has the words in its title or text: that section answers better.
    const pages = new Map(); // page → {score, results: Map(section → result), top}
    for (const hit of hits) {
      const entry = entries[hit.ref];
      const section = sections[entry.section];
      const name = section[0].split('#')[0];
      let page = pages.get(name);
      if (!page) pages.set(name, (page = { score: 0, results: new Map() }));
      page.score = Math.max(page.score, hit.score) + 0.3 * Math.min(page.score, hit.score);
      const found = entry.keywords
        ? (page.top ??= resultOf(section))
        : page.results.get(entry.section) ?? resultOf(section);
      if (!entry.keywords) page.results.set(entry.section, found);
      // The words as the guide spells them, to mark; the first in the text, to cut the snippet.
      for (const fields of Object.values(hit.matchData.metadata)) {
        for (const [field, { position }] of Object.entries(fields)) {
          for (const [start, length] of position) {
            found.words.add(entry[field].slice(start, start + length).toLowerCase());
            if (field === 'text') found.first = Math.min(found.first, start);
          }
        }
      }
    }
    return [...pages.values()].sort((a, b) => b.score - a.score)
      .flatMap((page) => (page.results.size ? [...page.results.values()] : [page.top]))
      .slice(0, MAX_RESULTS);
  }

  // ---- Results -------------------------------------------------------------------------------

  /** `text` as nodes, with what `pattern` matches in <mark>. */
  function marked(text, pattern) {
    const nodes = [];
    let at = 0;
    for (const match of text.matchAll(pattern)) {
      const mark = document.createElement('mark');
      mark.textContent = match[0];
      nodes.push(text.slice(at, match.index), mark);
      at = match.index + match[0].length;
    }
    return nodes.concat(text.slice(at));
  }

  /** Matches of any of `words` at the start of a word. */
  function pattern(words) {
    const escaped = [...words].filter(Boolean).map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    return escaped.length ? new RegExp(`(?<![\\p{L}\\p{N}])(?:${escaped.join('|')})`, 'giu') : /(?!)/g; // none
  }

  /** The text around the first match, the words marked. */
  function snippet(result) {
    const { text, first } = result;
    // From a word's start a little before the match, to a word's end.
    const start = first < Infinity && first > SNIPPET / 3 ? text.indexOf(' ', first - SNIPPET / 3) + 1 : 0;
    let end = start + SNIPPET;
    const space = text.lastIndexOf(' ', end);
    if (end < text.length && space > start) end = space;
    return [start ? '…' : '', ...marked(text.slice(start, end), pattern(result.words)), end < text.length ? '…' : ''];
  }

  /** A result: one link, a thumb's width, with the heading underlined and the snippet below. */
  function item(href, heading, nodes) {
    const link = document.createElement('a');
    link.href = href;
    const title = document.createElement('span');
    title.className = 'result-title';
    title.textContent = heading;
    const teaser = document.createElement('span');
    teaser.className = 'teaser';
    teaser.append(...nodes);
    link.append(title, teaser);
    const li = document.createElement('li');
    li.append(link);
    return li;
  }

  function show() {
    const query = bar.value.trim();
    outer.classList.toggle('hidden', !query);
    if (!query) return;
    const results = find(query);
    if (results.length) {
      header.textContent = window.MiniWords(results.length === 1 ? 'result' : 'results', { count: results.length, query });
      list.replaceChildren(...results.map((result) => {
        const [page, anchor] = result.url.split('#');
        const highlight = encodeURIComponent([...result.words].join(' '));
        const heading = result.chapter === result.title ? result.title : `${result.chapter} › ${result.title}`;
        return item(`${root}${page}?highlight=${highlight}${anchor ? `#${anchor}` : ''}`, heading, snippet(result));
      }));
    } else {
      header.textContent = window.MiniWords('nothing-found', { query });
      // Each page's top, with the first words of its text (its top section may hold none).
      list.replaceChildren(...MAIN_PAGES.flatMap((page) => {
        const own = sections.filter(([url]) => url.split('#')[0] === page);
        if (!own.length) return [];
        const first = resultOf(own.find((section) => section[3]) ?? own[0]);
        return [item(`${root}${own[0][0]}`, own[0][1], snippet(first))];
      }));
    }
  }

  // Enter opens the first result; the arrow keys walk the results.
  bar.form.addEventListener('submit', () => {
    const first = list.querySelector('a');
    if (first) location.href = first.href;
  });
  bar.addEventListener('input', show);
  bar.form.parentElement.addEventListener('keydown', (event) => {
    const step = { ArrowDown: 1, ArrowUp: -1 }[event.key];
    if (!step) return;
    const stops = [bar, ...list.querySelectorAll('a')];
    (stops[stops.indexOf(document.activeElement) + step] || bar).focus();
    event.preventDefault();
  });
  show(); // what the reader typed while this loaded

  // ---- A result opened: its words marked on the page (?highlight=) ---------------------------

  function highlight(words) {
    const walker = document.createTreeWalker(document.querySelector('main'), NodeFilter.SHOW_TEXT, (node) =>
      (node.parentElement.closest('script, style') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT));
    const nodes = [];
    while (walker.nextNode()) nodes.push(walker.currentNode);
    for (const node of nodes) {
      const parts = marked(node.nodeValue, words);
      if (parts.length > 1) node.replaceWith(...parts);
    }
  }
  highlight(pattern((new URLSearchParams(location.search).get('highlight') || '').split(' ')));

  // For the browser tests: the ranking the reader sees, as data.
  window.siteSearch = { find };
})();
