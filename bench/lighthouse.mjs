// cargo xtask bench, second half: three builds of the same chapters, side by side in one run:
// ours, the floor (each page's text as bare HTML: no CSS, no script) and stock mdBook. Each is
// served with gzip on loopback, and Lighthouse mobile (its default: a phone-sized screen, slow 4G
// and a slower CPU, simulated) audits every chapter of each, several times; the table shows the
// medians, and the ratios of ours to the floor. Prints Markdown.
//
//   node lighthouse.mjs <our book dir> <floor dir> <stock book dir>   (CHROME_PATH names the browser)
import { createServer } from 'node:http';
import { readdirSync } from 'node:fs';
import compression from 'compression';
import sirv from 'sirv';
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';

const RUNS = 3; // per page and build; every figure is the median of the runs
const CHROMIUM_FLAGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

const [oursDir, floorDir, stockDir] = process.argv.slice(2);
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

/** The median of every figure over the runs. */
function medians(runs) {
  const median = (key) => {
    const values = runs.map((r) => r[key]).sort((a, b) => a - b);
    return values[Math.floor(values.length / 2)];
  };
  const keys = ['performance', 'accessibility', 'bestPractices', 'seo', 'fcp', 'lcp', 'cls', 'tbt', 'bytes', 'requests'];
  return Object.fromEntries(keys.map((k) => [k, median(k)]));
}

const chrome = await chromeLauncher.launch({ chromePath: process.env.CHROME_PATH, chromeFlags: CHROMIUM_FLAGS });
const builds = [['ours', await serve(oursDir)], ['floor', await serve(floorDir)], ['stock mdBook', await serve(stockDir)]];
const rows = [];
const ratios = [];
const notes = [];
try {
  for (const page of pages) {
    const result = {};
    for (const [name, site] of builds) {
      const runs = [];
      for (let i = 0; i < RUNS; i += 1) runs.push(await audit(`${site.url}/${page}`, chrome.port));
      const r = medians(runs);
      result[name] = r;
      rows.push(`| ${page} | ${name} | ${(r.bytes / 1024).toFixed(1)} | ${r.requests} | ${r.performance} `
        + `(${runs.map((x) => x.performance).join('/')}) | ${r.accessibility} | ${r.bestPractices} | ${r.seo} | `
        + `${(r.fcp / 1000).toFixed(2)} s | ${(r.lcp / 1000).toFixed(2)} s | ${r.cls.toFixed(3)} | ${Math.round(r.tbt)} ms |`);
      const failed = [...new Set(runs.flatMap((x) => x.failed))];
      if (name === 'ours' && failed.length) notes.push(`- ${page}: failed audits ${failed.join(', ')}`);
    }
    const { ours, floor } = result;
    ratios.push(`| ${page} | ${(ours.fcp / floor.fcp).toFixed(2)}× | ${(ours.lcp / floor.lcp).toFixed(2)}× `
      + `| ${(ours.bytes / floor.bytes).toFixed(1)}× | ${(result['stock mdBook'].lcp / ours.lcp).toFixed(2)}× |`);
  }
} finally {
  await chrome.kill();
  for (const [, site] of builds) await site.close();
}

console.log(`Lighthouse ${lighthouse.version ?? '12'} mobile (simulated slow 4G, 4x CPU slowdown), first visit, `
  + `served with gzip on loopback; ${RUNS} runs per page and build, every figure the median `
  + '(the performance scores of the runs in brackets). KB are transferred bytes. The floor is each '
  + 'page\'s text as bare HTML, with no CSS and no script.\n');
console.log('| page | build | KB | requests | performance | accessibility | best practices | SEO | FCP | LCP | CLS | TBT |');
console.log('| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const row of rows) console.log(row);
console.log('\nOurs against the floor (medians; 1.00× is as fast as a bare page), and stock mdBook against ours:\n');
console.log('| page | FCP ours / floor | LCP ours / floor | bytes ours / floor | LCP stock / ours |');
console.log('| --- | ---: | ---: | ---: | ---: |');
for (const row of ratios) console.log(row);
if (notes.length) console.log(`\nOur failed Lighthouse audits:\n${notes.join('\n')}`);
