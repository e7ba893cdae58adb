// The page's first lines, run in <head> before the first paint. `cargo xtask build` puts this file,
// minified, into every page (theme/index.hbs, `data-first-paint`; crates/post-build, inline.rs),
// and the page's policy allows it by its hash. Keep THEME_KEY in sync with book.js.
//
// Before the paint: the reader's colour theme, and the `js` class that keeps the room for the
// controls book.js adds.
// Once the page is painted: the page's scripts (`data-scripts-after-paint`), run in order, and the
// link to the web app manifest (`data-manifest`), which browsers fetch as soon as they see it.
// `data-ready` on <html> says they have run (the browser tests wait for it).
'use strict';

(function (root) {
  const THEME_KEY = 'mini-remote-fix-theme';
  // How long after the load event a browser that reports paints may take to report the first
  // one before we stop waiting. Chromium reports it within a few frames of the load event (well
  // under this); Firefox reports none for a page that opens scrolled to an anchor (a forum link
  // to a step), and no browser reports one for a tab opened in the background.
  const NO_PAINT_REPORT_MS = 400;

  root.classList.add('js');
  try {
    const theme = localStorage.getItem(THEME_KEY);
    if (theme === 'dark' || theme === 'light') root.classList.add(`theme-${theme}`);
  } catch {
    // storage is off: the system's colours
  }

  let started = false;
  function loadScripts() {
    if (started) return;
    started = true;
    const manifest = document.createElement('link');
    manifest.rel = 'manifest';
    manifest.href = root.getAttribute('data-manifest');
    document.head.append(manifest);
    const sources = root.getAttribute('data-scripts-after-paint').split(' ');
    let waiting = sources.length;
    for (const src of sources) {
      const script = document.createElement('script');
      script.src = src;
      script.async = false; // in their order: guided mode needs book.js's words
      script.onload = script.onerror = () => {
        waiting -= 1;
        if (!waiting) root.setAttribute('data-ready', '');
      };
      document.head.append(script);
    }
  }

  // When: at the browser's report of the first paint, not before. Deferred scripts run before the
  // page is painted whole (Lighthouse's LCP rose by half), and Lighthouse's phone model counts any
  // request that starts before the paint as part of it.
  const reportsPaint = (window.PerformanceObserver?.supportedEntryTypes ?? []).includes('paint');
  if (reportsPaint) {
    new PerformanceObserver(() => setTimeout(loadScripts)).observe({ type: 'paint', buffered: true });
  }
  // Where no report comes, the scripts must run all the same: a while after the load event, or
  // right after it in a browser that never reports paints.
  addEventListener('load', () => setTimeout(loadScripts, reportsPaint ? NO_PAINT_REPORT_MS : 0));
}(document.documentElement));
