// The page-weight budget: a first visit to any page, at phone size, fetches at most 20 KB
// (gzip) in at most 6 requests. Bytes are the gzip size of the files the browser asked for,
// so the figure is the same on every machine; timings live in the benchmark instead.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { builtPages, bookDir, useSite, visit } from './site.mjs';

const MAX_BYTES = 20 * 1024;
const MAX_REQUESTS = 6;
const site = useSite();

/** Every file a first visit to `page` fetches, with its gzip size, biggest first. */
async function firstVisit(page) {
  const context = await site.browser.newContext({ viewport: { width: 412, height: 823 }, isMobile: true });
  const tab = await context.newPage();
  const urls = [];
  tab.on('request', (request) => urls.push(request.url()));
  await visit(tab, `${site.url}/${page}`, { waitUntil: 'networkidle' });
  await context.close();
  return urls.map((url) => {
    const { origin, pathname } = new URL(url);
    assert.equal(origin, site.url, `${page} asked another host: ${url}`);
    const body = readFileSync(`${bookDir}${decodeURIComponent(pathname)}`);
    return { file: pathname.slice(1), bytes: gzipSync(body, { level: 9 }).length };
  }).sort((a, b) => b.bytes - a.bytes);
}

for (const page of builtPages()) {
  test(`budget: ${page} first visit ≤ ${MAX_BYTES / 1024} KB gzip and ≤ ${MAX_REQUESTS} requests`, async () => {
    const files = await firstVisit(page);
    const total = files.reduce((sum, f) => sum + f.bytes, 0);
    const list = files.map((f) => `${f.file} ${f.bytes} B`).join(', ');
    console.log(`${page}: ${files.length} requests, ${total} B gzip (${list})`);
    assert.ok(total <= MAX_BYTES, `${page} weighs ${total} B gzip, over ${MAX_BYTES} B: ${list}`);
    assert.ok(files.length <= MAX_REQUESTS, `${page} makes ${files.length} requests, over ${MAX_REQUESTS}: ${list}`);
  });
}
