// A reader with a dead remote gets from the landing page to the procedure in one tap.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useSite, visit } from './site.mjs';

const site = useSite();

test('one tap on the landing page opens the procedure', async () => {
  const { tab, close } = await site.phone();
  await visit(tab, `${site.url}/index.html`);
  const cta = tab.locator('.cta a');
  const box = await cta.boundingBox();
  assert.ok(box.height >= 48, `the call to action is ${box.height} px tall, under 48 px`);
  await cta.tap();
  await tab.waitForURL(/procedure\.html$/);
  assert.equal(await tab.locator('main h1').innerText(), 'Re-program your keys');
  assert.equal(await tab.locator('main ol > li').count(), 7);
  await close();
});

test('the key drawing loads and has a text alternative', async () => {
  const { tab, close } = await site.phone();
  await visit(tab, `${site.url}/does-this-apply.html`);
  const img = tab.locator('main img[src$="three-button-key.svg"]');
  await img.scrollIntoViewIfNeeded();
  const { width, alt } = await img.evaluate((el) => ({ width: el.naturalWidth, alt: el.alt }));
  assert.ok(width > 0, 'the key drawing did not load');
  assert.match(alt, /unlock.*lock.*boot/is);
  await close();
});
