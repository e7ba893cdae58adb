// Forum-ready links: every step and section has a control that shares or copies its canonical
// address with the anchor, and a pasted link lands on its target, marked.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { siteUrl, useSite, visit } from './site.mjs';

const site = useSite();
const SITE_URL = siteUrl();

test('"Copy link" puts the canonical URL with the anchor on the clipboard, and says so', async () => {
  const context = await site.browser.newContext({ viewport: { width: 1024, height: 800 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.url });
  const tab = await context.newPage();
  for (const [page, name, anchor] of [
    ['procedure.html', 'step 3', 'step-3'],
    ['troubleshooting.html', 'Only one key works afterwards', 'only-one-key-works-afterwards'],
  ]) {
    await visit(tab, `${site.url}/${page}`);
    await tab.getByRole('button', { name: `Copy link to ${name}`, exact: true }).click();
    const copied = await tab.evaluate(() => navigator.clipboard.readText());
    assert.equal(copied, `${SITE_URL}${page}#${anchor}`);
    const status = tab.getByRole('status');
    assert.equal(await status.isVisible(), true);
    assert.match(await status.innerText(), /Link copied/);
  }
  await context.close();
});

test('on a phone, "Share" opens the share sheet with the canonical URL', async () => {
  const context = await site.browser.newContext({ viewport: { width: 390, height: 780 }, isMobile: true, hasTouch: true });
  await context.addInitScript(() => {
    navigator.share = async (data) => { window.sharedData = data; };
  });
  const tab = await context.newPage();
  await visit(tab, `${site.url}/procedure.html`);
  await tab.getByRole('button', { name: 'Share a link to step 4', exact: true }).click();
  const shared = await tab.evaluate(() => window.sharedData);
  assert.equal(shared.url, `${SITE_URL}procedure.html#step-4`);
  await context.close();
});

test('a pasted deep link scrolls to its target, below the menu bar, and marks it', async () => {
  const context = await site.browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true });
  const tab = await context.newPage();
  for (const [page, anchor] of [['procedure.html', 'step-5'], ['troubleshooting.html', 'the-car-will-not-start']]) {
    await visit(tab, `${site.url}/${page}#${anchor}`);
    const target = await tab.evaluate(() => {
      const el = document.querySelector(':target');
      const box = el.getBoundingClientRect();
      const bar = document.querySelector('.menu-bar').getBoundingClientRect();
      return { id: el.id, top: box.top, barBottom: bar.bottom, background: getComputedStyle(el).backgroundColor };
    });
    assert.equal(target.id, anchor);
    assert.ok(target.top >= target.barBottom && target.top < 300, `${anchor} is at ${target.top} px`);
    assert.notEqual(target.background, 'rgba(0, 0, 0, 0)', `${anchor} is marked`);
  }
  await context.close();
});

test('at 390 px, the link controls sit beside the first line and add no line of their own', async () => {
  const context = await site.browser.newContext({ viewport: { width: 390, height: 780 }, isMobile: true });
  const tab = await context.newPage();
  for (const page of ['procedure.html', 'troubleshooting.html']) {
    await visit(tab, `${site.url}/${page}`);
    const controls = await tab.evaluate(() => [...document.querySelectorAll('.share-link')].map((button) => {
      const target = button.parentElement;
      const box = target.getBoundingClientRect();
      // The target's own words, without the control: their height is the target's height.
      const words = document.createRange();
      words.setStartBefore(target.firstChild);
      words.setEndBefore(button);
      const text = words.getBoundingClientRect();
      const control = button.getBoundingClientRect();
      const line = parseFloat(getComputedStyle(target).lineHeight);
      // The last paragraph's bottom margin stays inside the step, which holds its figure.
      const last = button.previousElementSibling;
      const margin = last ? parseFloat(getComputedStyle(last).marginBottom) : 0;
      return {
        name: button.getAttribute('aria-label'),
        extra: Math.round(box.bottom - (text.bottom + margin)),
        line,
        size: [control.width, control.height],
        offFirstLine: Math.round(control.top + control.height / 2 - (text.top + line / 2)),
        overText: control.left < text.right - 1,
      };
    }));
    assert.ok(controls.length >= 5, `${page} has its link controls`);
    for (const c of controls) {
      assert.ok(c.extra < c.line / 2, `${c.name}: ${c.extra} px more than its words`);
      assert.ok(c.size[0] >= 48 && c.size[1] >= 48, `${c.name}: a ${c.size} px target`);
      assert.ok(Math.abs(c.offFirstLine) <= 4, `${c.name}: ${c.offFirstLine} px off the first line`);
      assert.equal(c.overText, false, `${c.name}: covers the words`);
    }
  }
  await context.close();
});

test('troubleshooting starts with a big link to every symptom on the page', async () => {
  const context = await site.browser.newContext({ viewport: { width: 390, height: 780 }, isMobile: true });
  const tab = await context.newPage();
  await visit(tab, `${site.url}/troubleshooting.html`);
  const { links, sections, sizes, top } = await tab.evaluate(() => {
    const nav = document.querySelector('main nav.symptoms');
    const anchors = [...nav.querySelectorAll('a')];
    return {
      links: anchors.map((a) => a.getAttribute('href')),
      // Every section after the list's own heading is a symptom.
      sections: [...document.querySelectorAll('main h2[id]')].filter((h) => !h.contains(nav) && nav.compareDocumentPosition(h) & Node.DOCUMENT_POSITION_FOLLOWING).map((h) => `#${h.id}`),
      sizes: anchors.map((a) => a.getBoundingClientRect().height),
      top: nav.getBoundingClientRect().top,
    };
  });
  assert.deepEqual(links, sections, 'one link per section, in page order');
  assert.ok(sizes.every((h) => h >= 48), `48 px links: ${sizes}`);
  assert.ok(top < 780, `the list starts on the first screen (${top} px)`);
  await context.close();
});
