// The site's own behaviour, in place of mdBook's book.js: colour theme, chapter drawer, keyboard
// navigation between chapters, a share link for every step and section, search loaded only when
// the reader asks for it, the offline service worker, live reload.
// The page's own first lines (theme/first-paint.js) set the saved colour theme and the `js` class
// before the first paint, and load this once the page is painted. Without JavaScript every page
// still reads and links to every chapter.
'use strict';

// The page's words for its scripts, in the page's language (the `<template class="words">` of
// theme/index.hbs, translated with the page): no script holds words of its own. `{name}` in a
// word is filled from `values`. search.js and guided mode use it too.
window.MiniWords = function (name, values = {}) {
  const word = Array.from(
    document.querySelectorAll('template.words'),
    (template) => template.content.querySelector(`[data-word="${name}"]`),
  ).find(Boolean);
  return (word ? word.textContent : name).replace(/\{(\w+)\}/g, (_, key) => String(values[key] ?? ''));
};

(function () {
  const words = window.MiniWords;
  const root = document.documentElement;
  const THEME_KEY = 'mini-remote-fix-theme'; // also read by first-paint.js, before the first paint
  const WIDE = window.matchMedia('(min-width: 1080px)');
  const SYSTEM_DARK = window.matchMedia('(prefers-color-scheme: dark)');

  // ---- Colour theme: the system's choice unless the reader picked one ---------------------

  function applyTheme(theme) {
    root.classList.toggle('theme-dark', theme === 'dark');
    root.classList.toggle('theme-light', theme === 'light');
  }

  const isDark = () => root.classList.contains('theme-dark')
    || (!root.classList.contains('theme-light') && SYSTEM_DARK.matches);

  function themeToggle() {
    const button = document.getElementById('theme-toggle');
    const show = () => button.setAttribute('aria-pressed', String(isDark()));
    show();
    SYSTEM_DARK.addEventListener('change', show);
    button.addEventListener('click', () => {
      const theme = isDark() ? 'light' : 'dark';
      applyTheme(theme);
      try {
        localStorage.setItem(THEME_KEY, theme);
      } catch {
        // not saved: the choice lasts for this page only
      }
      show();
    });
  }

  // ---- Chapters: a drawer on phones, a column on wide screens -------------------------------

  function chapterMenu() {
    const toggle = document.getElementById('sidebar-toggle');
    const sidebar = document.getElementById('sidebar');
    markCurrentChapter(sidebar);

    toggle.setAttribute('role', 'button');
    toggle.setAttribute('aria-controls', 'sidebar');
    const setOpen = (open) => {
      root.classList.toggle('sidebar-open', open);
      toggle.setAttribute('aria-expanded', String(open));
      if (open) (sidebar.querySelector('[aria-current]') ?? sidebar.querySelector('a'))?.focus();
    };
    setOpen(false);
    toggle.addEventListener('click', (event) => {
      event.preventDefault();
      setOpen(!root.classList.contains('sidebar-open'));
    });
    document.addEventListener('keydown', (event) => {
      if (event.key === 'Escape' && root.classList.contains('sidebar-open')) {
        setOpen(false);
        toggle.focus();
      }
    });
    // A tap outside the open drawer closes it.
    document.addEventListener('click', (event) => {
      if (root.classList.contains('sidebar-open') && !WIDE.matches
        && !sidebar.contains(event.target) && !toggle.contains(event.target)) {
        setOpen(false);
      }
    });
  }

  function markCurrentChapter(sidebar) {
    const here = new URL(location.href);
    here.hash = '';
    here.search = '';
    const same = (a) => {
      const url = new URL(a.href);
      url.hash = '';
      url.search = '';
      return url.href === here.href
        || (url.pathname.endsWith('/index.html') && here.href === url.href.slice(0, -'index.html'.length));
    };
    const link = Array.from(sidebar.querySelectorAll('a')).find(same);
    link?.setAttribute('aria-current', 'page');
  }

  // ---- Arrow keys go to the previous and next chapter, as in mdBook --------------------------

  function keyboardNavigation() {
    document.addEventListener('keydown', (event) => {
      if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
      if (event.target.closest('input, textarea, select, [contenteditable]')) return;
      const rel = { ArrowLeft: 'prev', ArrowRight: 'next' }[event.key];
      const link = rel && document.querySelector(`.page-nav a[rel="${rel}"]`);
      if (link) {
        event.preventDefault();
        location.href = link.href;
      }
    });
  }

  // ---- A link to every step and section, to paste in a forum -----------------------------------

  // Shares the canonical address (from <link rel="canonical">, set at build) with the anchor:
  // the phone's share sheet where there is one, otherwise the clipboard, with a visible "copied".
  function shareLinks() {
    const canonical = document.querySelector('link[rel="canonical"]')?.href
      ?? location.href.split('#')[0];
    // A phone's share sheet where there is one; otherwise the clipboard.
    const share = window.matchMedia('(pointer: coarse)').matches && Boolean(navigator.share);
    const label = words(share ? 'share' : 'copy-link');
    const status = document.createElement('p');
    status.className = 'share-status';
    status.setAttribute('role', 'status');
    document.body.append(status);
    let hideStatus = 0;
    const say = (text) => {
      status.textContent = text;
      status.classList.add('share-status-shown');
      clearTimeout(hideStatus);
      hideStatus = setTimeout(() => status.classList.remove('share-status-shown'), 4000);
    };

    const targets = document.querySelectorAll('main ol.procedure > li[id], main h2[id]');
    for (const target of targets) {
      const name = target.matches('li') ? words('step', { step: target.dataset.step }) : target.textContent.trim();
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'icon-button share-link';
      button.innerHTML = '<svg viewBox="0 0 24 24" aria-hidden="true"><path d="M10.6 13.4a1 1 0 0 1 0-1.4l3.5-3.5a1 1 0 1 1 1.4 1.4L12 13.4a1 1 0 0 1-1.4 0zM8 21a5 5 0 0 1-3.5-8.5l2-2a1 1 0 0 1 1.4 1.4l-2 2a3 3 0 0 0 4.2 4.2l2-2a1 1 0 0 1 1.4 1.4l-2 2A5 5 0 0 1 8 21zm9.4-7.1a1 1 0 0 1-.7-1.7l2-2a3 3 0 0 0-4.2-4.2l-2 2a1 1 0 0 1-1.4-1.4l2-2a5 5 0 0 1 7 7l-2 2a1 1 0 0 1-.7.3z"/></svg>';
      button.title = label;
      button.setAttribute('aria-label', words(share ? 'share-to' : 'copy-to', { name }));
      button.addEventListener('click', async () => {
        const url = `${canonical}#${target.id}`;
        if (share) {
          try {
            await navigator.share({ title: document.title, url });
          } catch {
            // the reader closed the share sheet
          }
          return;
        }
        try {
          await navigator.clipboard.writeText(url);
          say(words('copied', { url }));
        } catch {
          say(words('copy-this', { url }));
        }
      });
      target.append(button); // into the room site.css keeps beside the first line: nothing moves
    }
  }

  // ---- Search: theme/search/ (lunr, the guide's sections, search.js), fetched on first use ------

  function searchOnDemand() {
    const toggle = document.getElementById('search-toggle');
    if (!toggle) return;
    const wrapper = document.getElementById('search-wrapper');
    const bar = document.getElementById('searchbar');
    const results = document.getElementById('searchresults-outer');
    const header = document.getElementById('searchresults-header');

    // The scripts, in order (crates/post-build, search.rs, names them). A failed load (no signal
    // in a car park) is forgotten, so the next open tries again.
    let loading = null;
    let loaded = false;
    const load = () => {
      loading ??= toggle.dataset.scripts.split(' ')
        .reduce((previous, src) => previous.then(() => addScript(src)), Promise.resolve())
        .then(() => {
          loaded = true;
        }, (error) => {
          loading = null;
          throw error;
        });
      return loading;
    };

    // The box opens inside the tap, so a phone shows its keyboard at once; what the reader types
    // while search loads is kept, and search.js answers it when it arrives.
    function open(event) {
      event?.preventDefault();
      wrapper.classList.remove('hidden');
      toggle.setAttribute('aria-expanded', 'true');
      bar.focus();
      load().catch(() => {
        results.classList.remove('hidden');
        header.textContent = words('search-failed');
      });
    }

    function close() {
      wrapper.classList.add('hidden');
      toggle.setAttribute('aria-expanded', 'false');
      toggle.focus();
    }

    // Open and loaded, the button closes the box; open and not loaded, it tries again.
    toggle.addEventListener('click', (event) => {
      if (loaded && toggle.getAttribute('aria-expanded') === 'true') close();
      else open(event);
    });
    // Enter never reloads the page; search.js opens the first result.
    bar.form.addEventListener('submit', (event) => event.preventDefault());
    document.addEventListener('keydown', (event) => {
      if (event.altKey || event.ctrlKey || event.metaKey) return;
      if (event.key === 'Escape' && wrapper.contains(event.target)) {
        close();
        return;
      }
      if (event.target.closest('input, textarea, select, [contenteditable], .guided')) return;
      if (event.key === 's' || event.key === '/') open(event);
    });
    // A search link (?search=…), or a result opened with its words to mark (?highlight=…).
    const params = new URLSearchParams(location.search);
    if (params.has('search')) {
      bar.value = params.get('search');
      open();
    } else if (params.has('highlight')) {
      load().catch(() => {});
    }
  }

  function addScript(src) {
    return new Promise((resolve, reject) => {
      const script = document.createElement('script');
      script.src = src;
      script.onload = resolve;
      script.onerror = () => {
        script.remove(); // a retry adds it again
        reject(new Error(`could not load ${src}`));
      };
      document.head.append(script);
    });
  }

  // ---- While editing (`cargo xtask serve`): reload when the book is rebuilt -----------------

  // The server adds data-live-reload to the pages it serves (xtask/src/serve.rs): the address
  // that answers with the number of the build being served.
  function liveReload() {
    const endpoint = root.dataset.liveReload;
    if (!endpoint) return;
    let shown = null;
    window.setInterval(async () => {
      try {
        const build = await (await fetch(endpoint, { cache: 'no-store' })).text();
        if (shown !== null && build !== shown) location.reload();
        shown = build;
      } catch {
        // the server is restarting: ask again next time
      }
    }, 1000);
  }

  // ---- Offline: the service worker (written by `cargo xtask build`) ------------------------

  // Registered after the page has loaded, so the precache never competes with a first visit.
  function workOffline() {
    if (!('serviceWorker' in navigator) || root.dataset.liveReload) return; // not while editing
    afterLoad(() => {
      navigator.serviceWorker.register(`${root.dataset.pathToRoot || ''}sw.js`).catch(() => {
        // no sw.js (plain `mdbook build`) or storage blocked: the site works online as before
      });
    });
  }

  // This script arrives after the first paint, often after the page's load event.
  function afterLoad(run) {
    if (document.readyState === 'complete') run();
    else window.addEventListener('load', run);
  }

  // ---- print.html opens the print dialog, as in mdBook ----------------------------------------

  function printWhenAsked() {
    if (root.dataset.print === undefined) return;
    afterLoad(() => window.setTimeout(window.print, 100));
  }


  // The room for the controls added here is kept from the first paint, so they move nothing
  // (no layout shift).
  themeToggle();
  chapterMenu();
  keyboardNavigation();
  shareLinks();
  searchOnDemand();
  liveReload();
  workOffline();
  printWhenAsked();
})();
