// What a reader does, written once and walked in every engine (engines.mjs): a forum link to a
// step, guided mode from its link through a missed window, a misspelt search, the site offline
// after one visit, every page at 320 px in light and dark, and no script error anywhere.
// `engine-<name>.test.mjs` runs them all in one engine.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openEngine } from './engines.mjs';
import { wholeSession } from './guided-walk.mjs';
import {
  bookDir, builtPages, scriptsRan, searchQueries, serveBook, siteUrl,
} from './site.mjs';

// The links forum posts hold (tests/public-urls.txt): a step, a troubleshooting answer, a
// translated step.
const DEEP_LINKS = ['procedure.html#step-3', 'troubleshooting.html#nothing-happens', 'de/procedure.html#step-3'];
const MISSPELT = searchQueries().filter((q) => q.group.startsWith('misspelt'));
// In the walks of every page: the test's own script, loaded first on each page (inPage below).
const IN_PAGE_SCRIPT = '/__walk.js';

/**
 * Serves the book on loopback as a reader's network would: `offline` makes every request fail
 * as with no signal, and `inPage` puts IN_PAGE_SCRIPT first in every page (the policy allows it:
 * it comes from the site itself).
 */
async function readerServer() {
  const state = { offline: false, inPage: false };
  const answer = (request, response) => {
    if (state.offline) return request.socket.destroy();
    const path = new URL(request.url, 'http://x').pathname;
    if (path === IN_PAGE_SCRIPT) {
      response.setHeader('Content-Type', 'text/javascript');
      return response.end(`(${inPage})()`);
    }
    if (state.inPage && path.endsWith('.html')) {
      const html = readFileSync(join(bookDir, decodeURIComponent(path)), 'utf8');
      response.setHeader('Content-Type', 'text/html; charset=utf-8');
      return response.end(html.replace('<head>', `<head><script src="${IN_PAGE_SCRIPT}"></script>`));
    }
    return false;
  };
  return Object.assign(state, await serveBook(bookDir, answer));
}

// Runs in the page, before anything else. It collects every script error, failed load, rejected
// promise, console error and blocked request in `window.scriptErrors`, for engines whose protocol
// shows none. And it stands in for the print dialog print.html opens, which would stop a walk of
// every page in Firefox until someone closes it.
function inPage() {
  window.print = () => { window.printAsked = true; };
  const errors = [];
  window.scriptErrors = errors;
  addEventListener('error', (e) => errors.push(e.message
    || `${e.target.tagName} did not load: ${e.target.src || e.target.href}`), true);
  addEventListener('unhandledrejection', (e) => errors.push(`unhandled rejection: ${e.reason}`));
  document.addEventListener('securitypolicyviolation', (e) => errors.push(`blocked by the policy: ${e.blockedURI} (${e.violatedDirective})`));
  const consoleError = console.error;
  console.error = (...args) => { errors.push(args.join(' ')); consoleError.apply(console, args); };
}

/** Opens `url` in `tab` and waits for the page's scripts, naming the page if they never run. */
async function openPage(tab, url) {
  await tab.open(url);
  await tab.until(scriptsRan).catch(() => {
    throw new Error(`${tab.name}: ${url}: the page's scripts never ran (no data-ready)`);
  });
}

/** Every page in a frame 320 px wide, in the reader's light and dark themes: nothing wider. */
async function framesAt320(tab) {
  for (const theme of ['light', 'dark']) {
    for (const page of builtPages()) {
      await tab.run(async (src, dark) => {
        localStorage.setItem('mini-remote-fix-theme', dark);
        const frame = document.createElement('iframe');
        frame.width = '320';
        frame.height = '568';
        document.body.replaceChildren(frame);
        await new Promise((resolve) => { frame.onload = resolve; frame.src = src; });
      }, `/${page}`, theme);
      await tab.until(scriptsRan, true);
      const wide = await tab.run((dark) => {
        const frame = document.querySelector('iframe');
        const doc = frame.contentDocument;
        const viewport = doc.documentElement.clientWidth;
        return [
          ...(viewport <= 320 ? [] : [`a ${viewport} px viewport`]),
          // The reader's theme, but on toc.html, which has no script and follows the system.
          ...(doc.documentElement.classList.contains(`theme-${dark}`)
            || !doc.documentElement.hasAttribute('data-scripts-after-paint') ? [] : [`not in the ${dark} theme`]),
          ...[...doc.querySelectorAll('body *')].filter((el) => {
            const box = el.getBoundingClientRect();
            return box.width > 0 && box.height > 0 && frame.contentWindow.getComputedStyle(el).visibility !== 'hidden'
              && box.right > viewport + 1;
          }).slice(0, 5).map((el) => `<${el.tagName.toLowerCase()} class="${el.className}"> to ${Math.round(el.getBoundingClientRect().right)} of ${viewport} px`),
        ];
      }, theme);
      assert.deepEqual(wide, [], `${page}, ${theme}: ${wide.join(', ')}`);
    }
  }
}

/** Registers every walk as a test, in `engine`, against the built book. */
export function walkIn(engine) {
  let server;
  let tab;
  before(async () => {
    server = await readerServer();
    tab = await openEngine(engine);
  });
  after(async () => {
    await tab?.close();
    await server?.close();
  });

  test(`${engine}: a forum link to a step or an answer runs the page's scripts, marks the target, and shares it`, async () => {
    for (const link of DEEP_LINKS) {
      await openPage(tab, `${server.url}/${link}`);
      const id = link.split('#')[1];
      const target = await tab.run(() => {
        const el = document.querySelector(':target');
        const box = el?.getBoundingClientRect();
        return el && {
          id: el.id,
          inView: box.top >= 0 && box.top < innerHeight,
          marked: getComputedStyle(el).backgroundColor !== 'rgba(0, 0, 0, 0)',
          canonical: document.querySelector('link[rel="canonical"]').href,
        };
      });
      assert.equal(target?.id, id, `${link}: the target`);
      assert.ok(target.inView, `${link}: the target is on the screen`);
      assert.ok(target.marked, `${link}: the target is marked`);
      await tab.click((anchor) => document.getElementById(anchor).querySelector('.share-link'), id);
      // The link copied, or shown to copy where the clipboard is refused, in the status line.
      const said = await tab.until((url) => document.querySelector('.share-status')?.textContent.includes(url)
        && document.querySelector('.share-status').textContent, `${target.canonical}#${id}`);
      assert.ok(said.includes(`${siteUrl()}${link}`), `${link}: the status says ${said}`);
    }
  });

  test(`${engine}: procedure.html#guided opens guided mode; a whole session, a double tap, a missed window asked about, and the restart`, async () => {
    await openPage(tab, `${server.url}/procedure.html#guided`);
    await tab.until(() => document.querySelector('.guided')?.checkVisibility());
    const steps = await tab.run(() => [...document.querySelectorAll('ol.procedure > li')].map((li) => ({ ...li.dataset })));
    const words = (name, values) => tab.run((n, v) => window.MiniWords(n, v), name, values);
    const title = () => tab.run(() => document.querySelector('.guided-title').textContent.trim());
    // A reader's taps come after the screen has settled (a new screen ignores taps for a moment).
    const settled = () => tab.until(() => !document.querySelector('.guided').hasAttribute('data-settling'));
    const tap = async (label) => {
      await settled();
      await tab.click((l) => [...document.querySelectorAll('.guided-actions button')]
        .find((b) => b.textContent.includes(l)), label);
    };
    const tapPress = async () => {
      await settled();
      await tab.click(() => document.querySelector('.guided-tap'));
    };
    await wholeSession({ title, tap, words, tapPress }, steps);
    // A new session. A double tap on step 2's start does not also take the key out: its window
    // runs out untapped (in real time: every engine's own clock), and guided mode asks.
    await tap(await words('close'));
    await tab.click(() => document.querySelector('.guided-start-button'));
    await tap(steps[0].doneLabel);
    await settled();
    await tab.run(() => {
      for (let i = 0; i < 2; i += 1) document.querySelector('.guided-actions button:last-child').click();
    });
    const ask = await words('ask-title');
    await tab.until((t) => document.querySelector('.guided-title').textContent.trim() === t, ask);
    await tap(await words('ask-no'));
    const failed = await words('try-failed', { count: 1 });
    assert.equal(await title(), failed);
    const restart = await words('restart', { step: 1 });
    assert.ok((await tab.run(() => document.querySelector('.guided-text').textContent)).includes(restart));
    await tap(await words('restart-button', { step: 1 }));
    assert.equal(await title(), await words('step-of', { step: 1, total: steps.length }));
    assert.deepEqual(tab.errors, []);
  });

  test(`${engine}: a ?search= link with a misspelt query opens search, the right page first`, async () => {
    const [{ query, page }] = MISSPELT;
    await openPage(tab, `${server.url}/index.html?search=${encodeURIComponent(query)}`);
    const first = await tab.until(() => document.querySelector('#searchresults li a')?.getAttribute('href'));
    assert.equal(first.split(/[?#]/)[0], page, `"${query}"`);
    assert.equal(await tab.run(() => document.getElementById('searchbar').value), query);
    // Every misspelt query of the evaluation, ranked by this engine.
    const firsts = await tab.run((qs) => qs.map((q) => window.siteSearch.find(q)[0]?.url.split('#')[0]), MISSPELT.map((q) => q.query));
    const misses = MISSPELT.map((q, i) => [q, firsts[i]]).filter(([q, got]) => got !== q.page)
      .map(([q, got]) => `"${q.query}": ${got}`);
    assert.ok(misses.length <= 1, `misspelt queries whose page is not first: ${misses.join(', ')}`);
    assert.deepEqual(tab.errors, []);
  });

  test(`${engine}: no page scrolls sideways at 320 px, light or dark`, async () => {
    // The page in a frame 320 px wide: its own viewport, in every engine alike.
    await openPage(tab, `${server.url}/404.html`);
    server.inPage = true;
    try {
      await framesAt320(tab);
    } finally {
      server.inPage = false;
    }
    await tab.run(() => localStorage.removeItem('mini-remote-fix-theme'));
  });

  test(`${engine}: no script error on any page`, async () => {
    server.inPage = true;
    try {
      for (const page of builtPages()) {
        await openPage(tab, `${server.url}/${page}`);
        const errors = await tab.run(() => window.scriptErrors ?? ['the collector did not run']);
        assert.deepEqual(errors, [], page);
      }
    } finally {
      server.inPage = false;
    }
    assert.deepEqual(tab.errors, []);
  });

  test(`${engine}: after one visit the service worker is ready and the site is cached; then offline`, async () => {
    await openPage(tab, `${server.url}/index.html`);
    await tab.run(() => navigator.serviceWorker.ready.then(() => true));
    const cached = await tab.run(async () => (await Promise.all((await caches.keys())
      .map(async (key) => (await (await caches.open(key)).keys()).map((r) => new URL(r.url).pathname)))).flat());
    for (const page of ['/procedure.html', '/troubleshooting.html', '/before-you-start.html']) {
      assert.ok(cached.includes(page), `${page} is in the cache (${cached.length} files)`);
    }
    server.offline = true;
    try {
      await openPage(tab, `${server.url}/troubleshooting.html#nothing-happens`);
      assert.equal(await tab.run(() => document.querySelector(':target')?.id), 'nothing-happens');
      await openPage(tab, `${server.url}/procedure.html#guided`);
      await tab.until(() => document.querySelector('.guided')?.checkVisibility());
    } finally {
      server.offline = false;
    }
  });
}
