// How search ranks, and nothing else: pure, over lunr and the guide's sections, with no page.
// search.js shows what it finds; tests/e2e/search-rank.test.mjs runs it in node over the query
// sets, with no browser. crates/post-build (search.rs) puts the sections, this, and search.js in
// one file.
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

  const MAX_RESULTS = 10;

  /**
   * Search over `sections` ([url, chapter, section title, text, the chapter's keywords]) with
   * `lunr` and, in a translation, lunr-languages' `language`: `find` ranks, `resultOf` makes a
   * section a result.
   */
  window.MiniSearchRank = function rank(lunr, language, sections) {
    const { trimmer, stemmer, stopWordFilter } = language ?? lunr;
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

    return { find, resultOf };
  };
})();
