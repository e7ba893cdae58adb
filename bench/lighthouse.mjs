// cargo xtask bench, second half: two builds of the same chapters, ours and stock mdBook, each
// served with gzip on loopback, and Lighthouse mobile (its default: a phone-sized screen, slow 4G
// and a slower CPU, simulated) on every chapter of each. Prints a Markdown table.
//
//   node lighthouse.mjs <our book dir> <stock book dir>     (CHROME_PATH names the browser)
import { createServer } from 'node:http';
import { readdirSync } from 'node:fs';
import compression from 'compression';
import sirv from 'sirv';
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';

const RUNS = 3; // per page and build; the run with the median performance score is reported
const CHROMIUM_FLAGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

const [oursDir, stockDir] = process.argv.slice(2);
const pages = readdirSync(oursDir)
  .filter((f) => f.endsWith('.html') && !['404.html', 'print.html', 'toc.html'].includes(f))
  .sort();

function serve(dir) {
  const gzip = compression();
  const files = sirv(dir);
  const server = createServer((req, res) => gzip(req, res, () => files(req, res)));
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => resolve({
      url: `http://127.0.0.1:${server.address().port}`,
      close: () => new Promise((r) => server.close(r)),
    }));
  });
}

async function audit(url, port) {
  const { lhr } = await lighthouse(url, {
    port,
    output: 'json',
    logLevel: 'error',
    onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'],
  });
  const score = (id) => Math.round(lhr.categories[id].score * 100);
  const value = (id) => lhr.audits[id].numericValue;
  return {
    performance: score('performance'),
    accessibility: score('accessibility'),
    bestPractices: score('best-practices'),
    seo: score('seo'),
    fcp: value('first-contentful-paint'),
    lcp: value('largest-contentful-paint'),
    cls: value('cumulative-layout-shift'),
    tbt: value('total-blocking-time'),
    bytes: value('total-byte-weight'),
    requests: lhr.audits['network-requests'].details.items.length,
    failed: Object.values(lhr.audits)
      .filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode === 'binary')
      .map((a) => a.id),
  };
}

const chrome = await chromeLauncher.launch({ chromePath: process.env.CHROME_PATH, chromeFlags: CHROMIUM_FLAGS });
const builds = [['ours', await serve(oursDir)], ['stock mdBook', await serve(stockDir)]];
const rows = [];
const notes = [];
try {
  for (const page of pages) {
    for (const [name, site] of builds) {
      const runs = [];
      for (let i = 0; i < RUNS; i += 1) runs.push(await audit(`${site.url}/${page}`, chrome.port));
      runs.sort((a, b) => a.performance - b.performance);
      const r = runs[Math.floor(RUNS / 2)];
      const perf = runs.map((x) => x.performance).join('/');
      rows.push(`| ${page} | ${name} | ${(r.bytes / 1024).toFixed(1)} | ${r.requests} | ${r.performance} (${perf}) | `
        + `${r.accessibility} | ${r.bestPractices} | ${r.seo} | ${(r.fcp / 1000).toFixed(2)} s | `
        + `${(r.lcp / 1000).toFixed(2)} s | ${r.cls.toFixed(3)} | ${Math.round(r.tbt)} ms |`);
      if (name === 'ours' && r.failed.length) notes.push(`- ${page}: failed audits ${r.failed.join(', ')}`);
    }
  }
} finally {
  await chrome.kill();
  for (const [, site] of builds) await site.close();
}

console.log(`Lighthouse ${lighthouse.version ?? '12'} mobile (simulated slow 4G, 4x CPU slowdown), first visit, `
  + `served with gzip on loopback; ${RUNS} runs per page, the median by performance shown `
  + '(all three performance scores in brackets). KB are transferred bytes; Lighthouse counts the '
  + 'data: URIs of the admonition icons as requests, though they cost no network request.\n');
console.log('| page | build | KB | requests | performance | accessibility | best practices | SEO | FCP | LCP | CLS | TBT |');
console.log('| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const row of rows) console.log(row);
if (notes.length) console.log(`\nOur failed Lighthouse audits:\n${notes.join('\n')}`);
