// The glovebox card (card.html in every language): it prints on exactly one page of A4 and of US
// Letter, shows every step of the procedure with its window and the restart sentence, and its
// Print button prints. Its steps and QR code are checked against the procedure by the site check
// `glovebox_card` (crates/site-checks), which decodes the code; its HTML, axe, policy, weight,
// links and 320 px by the checks that run on every page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { languageFolders, useSite, visit } from './site.mjs';

const site = useSite();

/** Pages in a PDF made by Chromium: one `/Type /Page` object each (`/Pages` is the tree). */
const pageCount = (pdf) => (pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-z])/g) ?? []).length;

for (const folder of languageFolders()) {
  test(`${folder}card.html prints on one page of A4 and of US Letter, every step with its window`, async () => {
    const { tab, close } = await site.phone();
    await visit(tab, `${site.url}/${folder}card.html`);
    const procedure = await site.browser.newPage();
    await visit(procedure, `${site.url}/${folder}procedure.html`);
    const windows = await procedure.locator('ol.procedure > li[data-step]')
      .evaluateAll((steps) => steps.map((li) => li.dataset.window ?? ''));
    const restart = await procedure.evaluate(() => document.getElementById('guided-words')
      .content.querySelector('[data-word="restart"]').textContent.replace('{step}', '1'));
    await procedure.close();

    await tab.emulateMedia({ media: 'print' });
    const card = tab.locator('.glovebox-card');
    assert.equal(await card.isVisible(), true);
    const shown = await tab.locator('.card-steps > li').evaluateAll((items) => items.map((li) => ({
      window: li.dataset.window ?? '',
      seconds: li.querySelector('.card-window')?.innerText ?? '',
      line: li.querySelector('.card-line').innerText,
      visible: li.checkVisibility(),
    })));
    assert.deepEqual(shown.map((s) => s.window), windows, 'the procedure\'s steps and windows');
    for (const step of shown) {
      assert.ok(step.visible && step.line.length > 0, `a step without its line: ${JSON.stringify(step)}`);
      assert.equal(step.seconds.replace(/\s+/g, ' '), step.window ? `${step.window} s` : '');
    }
    assert.ok((await tab.locator('.card-restart').innerText()).replace(/\s+/g, ' ').includes(restart.replace(/\s+/g, ' ')));
    // Inside the page: nothing of the card is cut off by its own edge.
    const overflow = await card.evaluate((el) => el.scrollHeight - el.clientHeight);
    assert.ok(overflow <= 0, `the card's words run ${overflow} px past its foot`);

    for (const format of ['A4', 'Letter']) {
      const pdf = await tab.pdf({ format, printBackground: true });
      assert.equal(pageCount(pdf), 1, `${format}: ${pageCount(pdf)} pages`);
    }
    await close();
  });
}

test('the card\'s Print button prints, and it shows only where it can', async () => {
  const { tab, close } = await site.phone();
  await tab.addInitScript(() => { window.print = () => { window.printed = (window.printed ?? 0) + 1; }; });
  await visit(tab, `${site.url}/card.html`);
  await tab.getByRole('button', { name: 'Print', exact: true }).click();
  assert.equal(await tab.evaluate(() => window.printed), 1);
  await close();

  const noScript = await site.browser.newContext({ javaScriptEnabled: false });
  const plain = await noScript.newPage();
  await plain.goto(`${site.url}/card.html`);
  assert.equal(await plain.getByRole('button', { name: 'Print', exact: true }).isVisible(), false);
  assert.equal(await plain.locator('.glovebox-card').isVisible(), true);
  await noScript.close();
});

test('the procedure page and "Before you start" link to the card', async () => {
  const { tab, close } = await site.phone();
  for (const page of ['procedure.html', 'before-you-start.html']) {
    await visit(tab, `${site.url}/${page}`);
    const link = tab.getByRole('link', { name: /card for the glovebox/i });
    assert.equal(await link.getAttribute('href'), 'card.html', page);
  }
  await close();
});
