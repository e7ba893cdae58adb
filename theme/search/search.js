// Search that forgives a thumb: what the reader types, ranked by rank.js (which says how), shown
// as results a thumb can open. book.js loads this on the first use of search, after lunr
// (lunr.min.js beside this file, the package's own file). crates/post-build (search.rs) puts the
// guide's sections (window.searchSections) and rank.js before this code in the same file.
(function () {
  'use strict';

  const { lunr } = window;
  // In a translation, lunr-languages' stemmer, trimmer and stop words for the page's language,
  // loaded before this (search.rs names the files); English is lunr's own.
  const language = lunr[document.documentElement.lang];
  // [url, chapter, section title, text, the chapter's keywords (its top section only)]
  const sections = window.searchSections;
  // Offered when nothing matches: check your key, the procedure, troubleshooting.
  const MAIN_PAGES = ['does-this-apply.html', 'procedure.html', 'troubleshooting.html'];
  const SNIPPET = 160; // characters of text around the first match

  const root = document.documentElement.dataset.pathToRoot || '';
  const [bar, outer, header, list] = ['searchbar', 'searchresults-outer', 'searchresults-header', 'searchresults']
    .map((id) => document.getElementById(id));

  const { find, resultOf } = window.MiniSearchRank(lunr, language, sections);

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
