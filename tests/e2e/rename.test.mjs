// A page renamed as CONTRIBUTING.md says (in a copy of the book that `cargo xtask test` builds, with
// about.md moved to credits.md and a redirect in book.toml): a forum link to the old address, with
// an anchor, lands on the new page at that anchor, under the site's Content-Security-Policy, with
// no error on the way.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serveBook, useSite } from './site.mjs';

const site = useSite();
const RENAMED_BOOK_DIR = process.env.RENAMED_BOOK_DIR;

test('an old address with an anchor lands on the renamed page at that anchor', { skip: !RENAMED_BOOK_DIR && 'RENAMED_BOOK_DIR is not set' }, async () => {
  const redirect = readFileSync(join(RENAMED_BOOK_DIR, 'about.html'), 'utf8');
  const csp = redirect.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)"/)?.[1]
    .replaceAll('&#39;', "'");
  assert.match(csp ?? '', /script-src 'self'[^;]*;/, 'the redirect page carries the site\'s policy');
  assert.doesNotMatch(csp, /unsafe-inline/);
  assert.doesNotMatch(redirect, /<script>/, 'no inline script');

  const server = await serveBook(RENAMED_BOOK_DIR);
  const context = await site.browser.newContext({ viewport: { width: 390, height: 780 }, isMobile: true });
  const tab = await context.newPage();
  const problems = [];
  await tab.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective}`));
  });
  tab.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
  tab.on('pageerror', (e) => problems.push(e.message));
  try {
    await tab.goto(`${server.url}/about.html#sources`);
    await tab.waitForURL(`${server.url}/credits.html#sources`);
    assert.equal(await tab.locator('main h1').innerText(), 'About this guide');
    assert.equal(await tab.evaluate(() => document.querySelector(':target')?.id), 'sources');
    // Without an anchor it lands on the page itself.
    await tab.goto(`${server.url}/about.html`);
    await tab.waitForURL(`${server.url}/credits.html`);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
    await server.close();
  }
});
