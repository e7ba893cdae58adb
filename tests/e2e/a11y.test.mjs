// axe-core finds no accessibility violation on any page, light and dark, at 320 and 412 px.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { builtPages, useSite, visit } from './site.mjs';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const site = useSite();

for (const page of builtPages()) {
  test(`axe: ${page} has no violation, light and dark, at 320 and 412 px`, async () => {
    const found = [];
    for (const colorScheme of ['light', 'dark']) {
      for (const width of [320, 412]) {
        const context = await site.browser.newContext({
          viewport: { width, height: 800 }, isMobile: true, colorScheme,
          bypassCSP: true, // axe is injected as an inline script, which the site's policy forbids
        });
        const tab = await context.newPage();
        await visit(tab, `${site.url}/${page}`, { waitUntil: 'load' });
        await tab.addScriptTag({ path: AXE });
        const violations = await tab.evaluate(async () => (await window.axe.run()).violations
          .map((v) => `${v.id} (${v.help}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`));
        found.push(...violations.map((v) => `${colorScheme} ${width} px: ${v}`));
        await context.close();
      }
    }
    assert.deepEqual(found, []);
  });
}

test('axe: no violation with the chapter drawer or the search results open', async () => {
  for (const colorScheme of ['light', 'dark']) {
    const context = await site.browser.newContext({
      viewport: { width: 320, height: 800 }, isMobile: true, colorScheme, bypassCSP: true,
    });
    const tab = await context.newPage();
    await visit(tab, `${site.url}/procedure.html`);
    await tab.addScriptTag({ path: AXE });
    const check = () => tab.evaluate(async () => (await window.axe.run()).violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`));
    await tab.getByRole('button', { name: 'Chapters' }).click();
    assert.deepEqual(await check(), [], `${colorScheme}, drawer open`);
    await tab.keyboard.press('Escape');
    await tab.getByRole('button', { name: 'Search' }).click();
    await tab.keyboard.type('key');
    await tab.locator('#searchresults li').first().waitFor();
    assert.deepEqual(await check(), [], `${colorScheme}, search results`);
    await context.close();
  }
});
