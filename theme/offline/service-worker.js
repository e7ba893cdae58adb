// The service worker: after one visit, the whole guide works with no signal.
// crates/post-build/src/offline/ copies this file to the site's root as sw.js and fills in the
// two lines below with the files actually built and a hash of their content; a rebuild with
// changed content gives a new VERSION, so the next online visit installs a new cache and deletes
// the old one.
//
// Pages are network-first with a short timeout: online, the reader gets the newest text; on a
// weak or no signal, the cached page after at most 3 seconds. Everything else (styles, scripts,
// images, the search index) is cache-first: their content is fixed for a VERSION.
'use strict';

const VERSION = 'dev';
const PRECACHE = [];

// Each language has its own worker in its own folder (/de/sw.js, scope /de/) and its own caches:
// a worker clears only those of its scope, never another language's.
const PREFIX = `mini-remote-fix ${new URL(self.registration.scope).pathname} `;
const CACHE = PREFIX + VERSION;
const PAGE_TIMEOUT_MS = 3000;

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE)
    .then((cache) => cache.addAll(PRECACHE))
    .then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys()
    .then((keys) => Promise.all(keys
      .filter((key) => key.startsWith(PREFIX) && key !== CACHE)
      .map((key) => caches.delete(key))))
    .then(() => self.clients.claim()));
});

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(request.mode === 'navigate' ? page(request) : asset(request));
});

async function page(request) {
  const cache = await caches.open(CACHE);
  const fromNetwork = fetch(request).then((response) => {
    if (response.ok) cache.put(withoutQuery(request.url), response.clone());
    return response;
  });
  try {
    return await Promise.race([fromNetwork, timeout(PAGE_TIMEOUT_MS)]);
  } catch {
    // Offline or too slow: the cached page (search links carry ?highlight=… — ignore it).
    const cached = await cache.match(request, { ignoreSearch: true });
    return cached ?? fromNetwork;
  }
}

async function asset(request) {
  const cached = await caches.match(request, { ignoreSearch: true });
  return cached ?? fetch(request);
}

function withoutQuery(url) {
  const clean = new URL(url);
  clean.search = '';
  return clean.href;
}

function timeout(ms) {
  return new Promise((_, reject) => setTimeout(() => reject(new Error('slow network')), ms));
}
