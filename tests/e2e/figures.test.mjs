// The step figures: the key drawing with each step's buttons marked (and the ignition), on the
// procedure page and large in guided mode, where taps light the presses. The build check
// (`procedure as data`) compares every figure's marks with the chapter's markers; here, what a
// reader gets: words for each figure, one copy of the drawing, reduced motion, print, and
// screenshots of steps 3 and 4 for a reviewer (tests/e2e/artifacts/).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { useSite, visit } from './site.mjs';
import {
  guidedPhone, title, press, start, DOORS_SHUT, TURN_KEY, KEY_OUT, BOTH_BUTTONS, settled,
} from './guided-walk.mjs';

const site = useSite();
const ARTIFACTS = new URL('./artifacts/', import.meta.url).pathname;

test('every figure says in words what it shows, and the drawing is in the page once', async () => {
  const { tab, close } = await site.phone();
  const asked = [];
  tab.on('request', (request) => asked.push(new URL(request.url()).pathname));
  await visit(tab, `${site.url}/procedure.html`, { waitUntil: 'networkidle' });
  const figures = await tab.locator('ol.procedure .step-figure').evaluateAll((svgs) => svgs.map((svg) => ({
    step: svg.closest('li').dataset.step,
    role: svg.getAttribute('role'),
    words: svg.getAttribute('aria-label'),
  })));
  assert.deepEqual(figures, [
    { step: '2', role: 'img', words: 'The ignition: turn the key from 0 (off) to 1, position one.' },
    { step: '3', role: 'img', words: 'The key: keep lock and unlock pressed at the same time.' },
    { step: '4', role: 'img', words: 'The key: keep unlock pressed, and press lock 3 times.' },
    { step: '6', role: 'img', words: 'The key: keep lock and unlock pressed at the same time.' },
    { step: '7', role: 'img', words: 'The ignition: turn the key from 0 (off) to 1, position one.' },
  ]);
  assert.equal(await tab.locator('svg.figure-defs symbol#key').count(), 1);
  assert.equal(await tab.locator('use[href="#key"]').count(), 3, 'every key figure uses the one drawing');
  assert.deepEqual(asked.filter((p) => p.endsWith('.svg') && !p.includes('favicon')), [],
    'the drawing comes with the page, not as another request');
  // A held button is filled: the figure sets the colour the drawing's button takes.
  const held = await tab.locator('#step-3 .key-figure').evaluate((svg) => getComputedStyle(svg).getPropertyValue('--key-lock').trim());
  assert.equal(held, '#ea580c');
  await close();
});

test('guided mode shows the step\'s figure large, and each tap lights a press', async () => {
  const { tab, close } = await guidedPhone(site);
  await start(tab);
  await press(tab, DOORS_SHUT);
  const ignition = await tab.locator('.guided-figure .ignition-figure').boundingBox();
  assert.ok(ignition.width >= 90, `the ignition figure is ${ignition.width} px wide`);
  await press(tab, TURN_KEY);
  await press(tab, KEY_OUT);
  const key = await tab.locator('.guided-figure .key-figure').boundingBox();
  assert.ok(key.width >= 90 && key.height >= 200, `the key is ${key.width} × ${key.height} px`);
  assert.equal(await tab.locator('.guided-text .step-figure').count(), 0, 'one figure per screen');
  await press(tab, BOTH_BUTTONS);
  assert.equal(await title(tab), 'Step 4 of 7');
  const lit = () => tab.locator('.guided-figure .pip.lit').count();
  assert.equal(await tab.locator('.guided-figure .pip').count(), 3);
  assert.equal(await lit(), 0);
  await settled(tab);
  await tab.locator('.guided-tap').click();
  assert.equal(await lit(), 1);
  await tab.locator('.guided-tap').click();
  assert.equal(await lit(), 2);
  await close();
});

test('the pressed button pulses in guided mode, and not with reduced motion', async () => {
  for (const [reducedMotion, expected] of [['no-preference', 'guided-pulse'], ['reduce', 'none']]) {
    const { tab, close } = await guidedPhone(site, '/procedure.html', { reducedMotion });
    await start(tab);
    await press(tab, DOORS_SHUT);
    await press(tab, TURN_KEY);
    await press(tab, KEY_OUT);
    await press(tab, BOTH_BUTTONS);
    const animation = await tab.locator('.guided-figure .mark-pressed')
      .evaluate((ring) => getComputedStyle(ring).animationName);
    assert.equal(animation, expected, reducedMotion);
    await close();
  }
});

test('print keeps the figures', async () => {
  const { tab, close } = await site.phone();
  await visit(tab, `${site.url}/print.html`);
  await tab.emulateMedia({ media: 'print' });
  const shown = await tab.locator('main .step-figure').evaluateAll((svgs) => svgs
    .filter((svg) => svg.getBoundingClientRect().width > 40).length);
  assert.equal(shown, 5);
  await close();
});

test('screenshots of steps 3 and 4 in guided mode at 390 px, light and dark, for review', async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  for (const colorScheme of ['light', 'dark']) {
    const { tab, close } = await guidedPhone(site, '/procedure.html', { colorScheme });
    await start(tab);
    await press(tab, DOORS_SHUT);
    await press(tab, TURN_KEY);
    await press(tab, KEY_OUT);
    for (const [step, next] of [[3, BOTH_BUTTONS], [4, null]]) {
      assert.equal(await title(tab), `Step ${step} of 7`);
      const figure = await tab.locator('.guided-figure .key-figure').boundingBox();
      assert.ok(figure.y >= 0 && figure.y + figure.height <= 780, `step ${step}: the key is on screen`);
      const path = `${ARTIFACTS}guided-step-${step}-${colorScheme}.png`;
      await tab.screenshot({ path });
      console.log(`screenshot: ${path}`);
      if (next) await press(tab, next);
    }
    await close();
  }
});
