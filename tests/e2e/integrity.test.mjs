// Every page works under its Content-Security-Policy with no script error, no console error,
// no failed request, and no request to any host but the site's own.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { builtPages, bookDir, useSite, visit } from './site.mjs';
import { takesTaps } from './guided-walk.mjs';

const site = useSite();

/** A phone tab that records everything that went wrong, and every host it asked. */
async function watchedTab() {
  const context = await site.browser.newContext({ viewport: { width: 390, height: 780 }, isMobile: true });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.url });
  const tab = await context.newPage();
  const problems = [];
  await tab.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  tab.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  tab.on('pageerror', (e) => problems.push(`script error: ${e.message}`));
  // A request the page cancels by going to another page (net::ERR_ABORTED) is not a failure.
  tab.on('requestfailed', (r) => {
    if (r.failure()?.errorText !== 'net::ERR_ABORTED') problems.push(`failed: ${r.url()} ${r.failure()?.errorText}`);
  });
  tab.on('response', (r) => { if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`); });
  tab.on('request', (r) => {
    const url = new URL(r.url());
    if (url.protocol !== 'data:' && url.origin !== site.url) problems.push(`another host: ${r.url()}`);
  });
  return { tab, problems, close: () => context.close() };
}

/** A directive of a policy, as its list of sources. */
const directive = (csp, name) => csp.split(';').map((d) => d.trim().split(/\s+/))
  .find(([first]) => first === name)?.slice(1) ?? [];
const sha256 = (text) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

test('every page has a CSP with no unsafe-inline: only its own inline code runs, by its hash', () => {
  for (const page of builtPages()) {
    const html = readFileSync(join(bookDir, page), 'utf8');
    const csp = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)"/)?.[1];
    assert.ok(csp, `${page} has a CSP`);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/, page);
    const scripts = [...html.matchAll(/<script(?![^>]*\bsrc=)(?![^>]*application\/ld\+json)[^>]*>([\s\S]*?)<\/script>/g)];
    const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)];
    assert.deepEqual(directive(csp, 'script-src'), ["'self'", ...scripts.map((m) => sha256(m[1]))], `${page} script-src`);
    assert.deepEqual(directive(csp, 'style-src'), ["'self'", ...styles.map((m) => sha256(m[1]))], `${page} style-src`);
    assert.ok(styles.length <= 1, `${page}: one stylesheet, in the page`);
    assert.doesNotMatch(html, /<link rel="stylesheet"/, `${page}: no stylesheet to fetch before the first paint`);
    assert.doesNotMatch(html, /\sstyle="/, `${page}: no style attribute`);
  }
});

test('every page loads with no error and asks no other host', async () => {
  for (const page of builtPages()) {
    const { tab, problems, close } = await watchedTab();
    await visit(tab, `${site.url}/${page}`, { waitUntil: 'networkidle' });
    assert.deepEqual(problems, [], page);
    await close();
  }
});

test('search, guided mode, the theme toggle and share links run under the CSP without error', async () => {
  const { tab, problems, close } = await watchedTab();
  await visit(tab, `${site.url}/procedure.html`, { waitUntil: 'networkidle' });
  await tab.getByRole('button', { name: 'Dark mode' }).click();
  await tab.getByRole('button', { name: 'Copy link to step 2', exact: true }).click();
  await tab.getByRole('button', { name: 'Start guided mode' }).click();
  await takesTaps(tab);
  await tab.getByRole('button', { name: 'The doors are shut' }).click();
  await tab.getByRole('button', { name: 'Sound' }).click();
  await takesTaps(tab);
  await tab.getByRole('button', { name: 'Tap as you turn the key to position one' }).click();
  await tab.keyboard.press('Escape'); // during a countdown, Esc asks first
  await tab.getByRole('button', { name: 'Leave' }).click();
  await tab.getByRole('button', { name: 'Search' }).click();
  await tab.keyboard.type('immobiliser');
  await tab.locator('#searchresults li a').first().waitFor();
  await tab.keyboard.press('Enter');
  await tab.waitForURL(/highlight=immobiliser/);
  await tab.waitForLoadState('networkidle');
  assert.deepEqual(problems, []);
  await close();
});

test('_headers carries the same policy, every page\'s inline code, and a year-long cache for every hashed file', () => {
  const headers = readFileSync(join(bookDir, '_headers'), 'utf8');
  const policy = headers.match(/Content-Security-Policy: ([^\n]+)/)[1];
  for (const page of builtPages()) {
    const html = readFileSync(join(bookDir, page), 'utf8');
    const csp = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)"/)[1];
    for (const name of ['default-src', 'script-src', 'style-src', 'img-src']) {
      for (const source of directive(csp, name)) {
        assert.ok(directive(policy, name).includes(source), `${page}: _headers ${name} lacks ${source}`);
      }
    }
  }
  assert.doesNotMatch(policy, /unsafe-inline/);
  const html = readFileSync(join(bookDir, 'procedure.html'), 'utf8');
  // In src and href, and in the list of scripts the page loads after its first paint.
  const hashed = [...html.matchAll(/[\w/.-]+-[0-9a-f]{8}(?:\.min)?\.(?:js|css|svg)/g)].map((m) => m[0]);
  assert.ok(hashed.length >= 2, `hashed assets on the procedure page: ${hashed}`);
  for (const file of hashed) {
    assert.match(headers, new RegExp(`\\n/${file.replace(/[.]/g, '\\.')}\\n  Cache-Control: public, max-age=31536000, immutable`), file);
  }
});
