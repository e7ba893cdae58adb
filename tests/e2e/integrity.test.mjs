// Every page works under its Content-Security-Policy with no script error, no console error,
// no failed request, and no request to any host but the site's own.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { builtPages, bookDir, useSite } from './site.mjs';

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
  tab.on('requestfailed', (r) => problems.push(`failed: ${r.url()} ${r.failure()?.errorText}`));
  tab.on('response', (r) => { if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`); });
  tab.on('request', (r) => {
    const url = new URL(r.url());
    if (url.protocol !== 'data:' && url.origin !== site.url) problems.push(`another host: ${r.url()}`);
  });
  return { tab, problems, close: () => context.close() };
}

test('every page has a CSP that allows no inline script', () => {
  for (const page of builtPages()) {
    const html = readFileSync(join(bookDir, page), 'utf8');
    const csp = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)"/)?.[1];
    assert.ok(csp, `${page} has a CSP`);
    const scripts = csp.split(';').map((d) => d.trim()).find((d) => d.startsWith('script-src'));
    assert.equal(scripts, "script-src 'self'", page);
    const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)(?![^>]*application\/ld\+json)[^>]*>/g)];
    assert.deepEqual(inline.map((m) => m[0]), [], `${page} has an inline script`);
  }
});

test('every page loads with no error and asks no other host', async () => {
  for (const page of builtPages()) {
    const { tab, problems, close } = await watchedTab();
    await tab.goto(`${site.url}/${page}`, { waitUntil: 'networkidle' });
    assert.deepEqual(problems, [], page);
    await close();
  }
});

test('search, guided mode, the theme toggle and share links run under the CSP without error', async () => {
  const { tab, problems, close } = await watchedTab();
  await tab.goto(`${site.url}/procedure.html`, { waitUntil: 'networkidle' });
  await tab.getByRole('button', { name: 'Dark mode' }).click();
  await tab.getByRole('button', { name: 'Copy link to step 2', exact: true }).click();
  await tab.getByRole('button', { name: 'Start guided mode' }).click();
  await tab.getByRole('button', { name: 'The doors are shut' }).click();
  await tab.getByRole('button', { name: 'Sound' }).click();
  await tab.getByRole('button', { name: 'Tap as you turn the key to position one' }).click();
  await tab.keyboard.press('Escape');
  await tab.getByRole('button', { name: 'Search' }).click();
  await tab.keyboard.type('immobiliser');
  await tab.locator('#searchresults li a').first().waitFor();
  await tab.keyboard.press('Enter');
  await tab.waitForURL(/highlight=immobiliser/);
  await tab.waitForLoadState('networkidle');
  assert.deepEqual(problems, []);
  await close();
});

test('_headers carries the same policy, and a year-long cache for every hashed file', () => {
  const headers = readFileSync(join(bookDir, '_headers'), 'utf8');
  const html = readFileSync(join(bookDir, 'index.html'), 'utf8');
  const csp = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)"/)[1];
  assert.ok(headers.includes(`Content-Security-Policy: ${csp}`), 'the CSP of the pages');
  const hashed = [...html.matchAll(/(?:href|src)="([^"]+-[0-9a-f]{8}(?:\.min)?\.(?:js|css|svg))"/g)].map((m) => m[1]);
  assert.ok(hashed.length >= 5, `hashed assets on the landing page: ${hashed}`);
  for (const file of hashed) {
    assert.match(headers, new RegExp(`\\n/${file.replace(/[.]/g, '\\.')}\\n  Cache-Control: public, max-age=31536000, immutable`), file);
  }
});
