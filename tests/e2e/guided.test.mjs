// Guided mode on the procedure page: the whole walk for two keys, every countdown and its expiry,
// the #guided link, Esc and back, keyboard-only use, accessibility, no-JS fallback and its weight.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { createRequire } from 'node:module';
import { useSite, bookDir } from './site.mjs';

const require = createRequire(import.meta.url);
const AXE = require.resolve('axe-core/axe.min.js');

const site = useSite();

/** A phone-sized tab with a fake clock, on the procedure page (or `path`). */
async function phone(path = '/procedure.html', options = {}) {
  const context = await site.browser.newContext({
    viewport: { width: 390, height: 780 }, isMobile: true, hasTouch: true, ...options,
  });
  const tab = await context.newPage();
  await tab.clock.install({ time: new Date('2026-01-01T09:00:00Z') });
  await tab.goto(`${site.url}${path}`);
  // From here on, time moves only when a test says so.
  await tab.clock.pauseAt(await tab.evaluate(() => Date.now()) + 1000);
  return { tab, close: () => context.close() };
}

const dialog = (tab) => tab.locator('.guided');
const title = (tab) => tab.locator('.guided-title').innerText();
const seconds = (tab) => tab.locator('.guided-seconds').innerText();
const status = (tab) => tab.locator('.guided-status').innerText();
const press = (tab, name) => tab.getByRole('button', { name, exact: true }).click();

async function start(tab) {
  await tab.getByRole('button', { name: 'Start guided mode' }).click();
  assert.equal(await dialog(tab).isVisible(), true);
}

/** From step 1 to the start of the 5-second window (step 2). */
async function toIgnition(tab) {
  await start(tab);
  await press(tab, 'The doors are shut');
  assert.equal(await title(tab), 'Step 2 of 7');
}

async function tapAlong(tab, times) {
  for (let i = 0; i < times; i += 1) {
    await tab.locator('.guided-tap').click();
    await tab.clock.runFor(1000);
  }
}

test('walks the whole procedure for two keys', async () => {
  const { tab, close } = await phone();
  await start(tab);
  assert.equal(await title(tab), 'Step 1 of 7');
  assert.equal(await tab.locator('.guided-progress').innerText(), 'Key 1');
  await press(tab, 'The doors are shut');

  // Step 2: the 5-second window starts with the reader's tap, not before.
  assert.equal(await title(tab), 'Step 2 of 7');
  assert.equal(await seconds(tab), '5');
  await tab.clock.runFor(3000);
  assert.equal(await seconds(tab), '5', 'the window waits for its tap');
  await press(tab, 'The ignition is at position one');
  await tab.clock.runFor(2000);
  assert.equal(await seconds(tab), '3');

  // Taking the key out ends step 2 and starts step 3's 30 seconds.
  await press(tab, "I've taken the key out");
  assert.equal(await title(tab), 'Step 3 of 7');
  assert.equal(await seconds(tab), '30');
  await tab.clock.runFor(12000);
  assert.equal(await seconds(tab), '18');
  await press(tab, "I'm holding both buttons");

  // Step 4: ten seconds, and a target to tap along with the three presses.
  assert.equal(await title(tab), 'Step 4 of 7');
  assert.equal(await seconds(tab), '10');
  assert.match(await tab.locator('.guided-tap').innerText(), /0 of 3/);
  await tab.locator('.guided-tap').click();
  assert.match(await tab.locator('.guided-tap').innerText(), /1 of 3/);
  await tab.clock.runFor(2000);
  assert.equal(await seconds(tab), '8');
  await tapAlong(tab, 2);

  assert.equal(await title(tab), 'Step 5 of 7');
  await press(tab, 'The doors locked, then unlocked');
  assert.equal(await title(tab), 'Key 1 is programmed');

  // Key 2: back to the press-both step, with the one-session reminder.
  await press(tab, 'Program another key');
  assert.equal(await title(tab), 'Step 3 of 7');
  assert.equal(await tab.locator('.guided-progress').innerText(), 'Key 2');
  assert.match(await tab.locator('.guided-key').innerText(), /Key 2: do every key now, in this one session/);
  await press(tab, "I'm holding both buttons");
  assert.equal(await title(tab), 'Step 4 of 7');
  assert.equal(await seconds(tab), '10');
  await tapAlong(tab, 3);
  await press(tab, 'The doors locked, then unlocked');
  assert.equal(await title(tab), 'Key 2 is programmed');

  // Finish: the final ignition step, then the done screen.
  await press(tab, 'Finish: all keys are done');
  assert.equal(await title(tab), 'Step 7 of 7');
  assert.equal(await tab.locator('.guided-timer').isVisible(), false);
  await press(tab, 'The ignition is at position one');
  assert.equal(await title(tab), 'Done');
  assert.match(await tab.locator('.guided-text').innerText(), /You programmed 2 keys/);
  await press(tab, 'Close');
  assert.equal(await dialog(tab).isVisible(), false);
  await close();
});

// Every window counts down in whole seconds from its value in the page's data, then says what to do.
for (const { window, reach } of [
  { window: 5, reach: async () => {} },
  { window: 30, reach: async (tab) => press(tab, "I've taken the key out") },
  {
    window: 10,
    reach: async (tab) => {
      await press(tab, "I've taken the key out");
      await press(tab, "I'm holding both buttons");
    },
  },
]) {
  test(`the ${window}-second window counts down and expires with a clear instruction`, async () => {
    const { tab, close } = await phone();
    const li = tab.locator(`ol.procedure > li[data-window="${window}"]`);
    assert.equal(await li.count(), 1, `the page's data has a ${window}-second window`);
    await toIgnition(tab);
    await press(tab, 'The ignition is at position one');
    await reach(tab);

    assert.equal(await seconds(tab), String(window));
    assert.equal(await tab.locator('[role="timer"]').count(), 1);
    assert.match(await status(tab), new RegExp(`Go: ${window} seconds`));
    await tab.clock.runFor(1000);
    assert.equal(await seconds(tab), String(window - 1));
    await tab.clock.runFor((window - 2) * 1000);
    assert.equal(await seconds(tab), '1');
    await tab.clock.runFor(1000);
    assert.equal(await seconds(tab), '0');
    assert.equal(await status(tab), 'Time is up. Start again from step 2.');
    await press(tab, 'Start again from step 2');
    assert.equal(await title(tab), 'Step 2 of 7');
    await close();
  });
}

test('the windows come from the page data, not from the script', async () => {
  const { tab, close } = await phone('/index.html');
  // The same page with the preprocessor's 30-second window changed to 25.
  await tab.route('**/procedure.html', async (route) => {
    const response = await route.fetch();
    const html = (await response.text()).replace('data-window="30"', 'data-window="25"');
    await route.fulfill({ response, body: html });
  });
  await tab.goto(`${site.url}/procedure.html`);
  await toIgnition(tab);
  await press(tab, 'The ignition is at position one');
  await press(tab, "I've taken the key out");
  assert.equal(await seconds(tab), '25');
  await close();
});

test('the countdown follows the clock, not its ticks, when the phone sleeps', async () => {
  const { tab, close } = await phone();
  await toIgnition(tab);
  await press(tab, 'The ignition is at position one');
  await press(tab, "I've taken the key out");
  assert.equal(await seconds(tab), '30');
  // The wall clock moves 20 s while no timer runs (a locked screen), then the page wakes up.
  await tab.clock.pauseAt(await tab.evaluate(() => Date.now()) + 20000);
  await tab.clock.runFor(300);
  assert.equal(await seconds(tab), '10');
  await close();
});

test('procedure.html#guided opens guided mode; Exit returns to the page', async () => {
  const { tab, close } = await phone('/procedure.html#guided');
  assert.equal(await dialog(tab).isVisible(), true);
  assert.equal(await title(tab), 'Step 1 of 7');
  await press(tab, 'Exit');
  assert.equal(await dialog(tab).isVisible(), false);
  assert.equal(new URL(tab.url()).hash, '');
  assert.equal(await tab.locator('ol.procedure').isVisible(), true);
  await close();
});

test('Esc and the back button leave guided mode, back where the reader was', async () => {
  const { tab, close } = await phone();
  const startButton = tab.getByRole('button', { name: 'Start guided mode' });
  await startButton.scrollIntoViewIfNeeded();
  const scroll = await tab.evaluate(() => window.scrollY);

  await startButton.click();
  assert.equal(new URL(tab.url()).hash, '#guided');
  await tab.keyboard.press('Escape');
  assert.equal(await dialog(tab).isVisible(), false);
  assert.equal(new URL(tab.url()).hash, '');
  assert.equal(await tab.evaluate(() => window.scrollY), scroll);
  assert.equal(await tab.evaluate(() => document.activeElement.textContent), 'Start guided mode');

  await startButton.click();
  await press(tab, 'The doors are shut');
  await tab.goBack();
  await tab.waitForFunction(() => document.querySelector('.guided').hidden);
  assert.equal(new URL(tab.url()).hash, '');
  assert.equal(await tab.evaluate(() => window.scrollY), scroll);
  assert.match(tab.url(), /procedure\.html$/, 'back leaves guided mode, not the page');
  await close();
});

test('keyboard only: open, step through, tap along, and leave', async () => {
  const { tab, close } = await phone('/procedure.html', { isMobile: false, hasTouch: false });
  // Tab from the top of the page until the start control has focus.
  for (let i = 0; i < 40; i += 1) {
    await tab.keyboard.press('Tab');
    if (await tab.evaluate(() => document.activeElement.textContent === 'Start guided mode')) break;
  }
  await tab.keyboard.press('Enter');
  assert.equal(await title(tab), 'Step 1 of 7');
  assert.equal(await tab.evaluate(() => document.activeElement.id), 'guided-title');

  const activate = async (label) => {
    for (let i = 0; i < 6; i += 1) {
      if (await tab.evaluate(() => document.activeElement.textContent)
        .then((t) => t.includes(label))) break;
      await tab.keyboard.press('Tab');
    }
    await tab.keyboard.press('Enter');
  };
  await activate('The doors are shut');
  await activate('The ignition is at position one');
  await activate("I've taken the key out");
  await activate("I'm holding both buttons");
  assert.equal(await title(tab), 'Step 4 of 7');
  await activate('Tap with each press');
  await tab.keyboard.press('Space');
  await tab.keyboard.press('Enter');
  assert.equal(await title(tab), 'Step 5 of 7');

  // Focus stays inside the dialog, and mdBook's arrow-key page turns do not fire behind it.
  for (let i = 0; i < 5; i += 1) await tab.keyboard.press('Tab');
  assert.equal(await tab.evaluate(() => document.querySelector('.guided').contains(document.activeElement)), true);
  await tab.keyboard.press('ArrowRight');
  assert.match(tab.url(), /procedure\.html#guided$/);
  await tab.keyboard.press('Escape');
  assert.equal(await dialog(tab).isVisible(), false);
  await close();
});

// axe schedules its work with timers, so the fake clock runs while it checks, then stops again.
async function axe(tab) {
  await tab.addScriptTag({ path: AXE });
  await tab.clock.resume();
  const violations = await tab.evaluate(async () => {
    const result = await window.axe.run(document.querySelector('.guided'));
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`);
  });
  await tab.clock.pauseAt(await tab.evaluate(() => Date.now()) + 100);
  return violations;
}

for (const colorScheme of ['light', 'dark']) {
  test(`axe finds no violation in guided mode (${colorScheme})`, async () => {
    // bypassCSP: axe is injected as an inline script, which the site's policy forbids.
    const { tab, close } = await phone('/procedure.html', { colorScheme, bypassCSP: true });
    await toIgnition(tab);
    assert.deepEqual(await axe(tab), [], 'step with a waiting window');
    await press(tab, 'The ignition is at position one');
    await press(tab, "I've taken the key out");
    await press(tab, "I'm holding both buttons");
    assert.deepEqual(await axe(tab), [], 'counting step with the tap target');
    await tab.clock.runFor(10000);
    assert.deepEqual(await axe(tab), [], 'expired window');
    await close();
  });
}

test('guided mode fits portrait and landscape phones, step text at least 22 px', async () => {
  for (const viewport of [{ width: 320, height: 640 }, { width: 430, height: 900 }, { width: 740, height: 360 }]) {
    const { tab, close } = await phone('/procedure.html#guided', { viewport });
    await press(tab, 'The doors are shut');
    const sizes = await tab.evaluate(() => {
      const box = (s) => document.querySelector(s).getBoundingClientRect();
      const button = box('.guided-action');
      return {
        text: parseFloat(getComputedStyle(document.querySelector('.guided-text')).fontSize),
        button: [button.width, button.height, button.bottom],
        exit: [box('.guided-exit').width, box('.guided-exit').height],
        wide: document.querySelector('.guided').scrollWidth > window.innerWidth,
      };
    });
    assert.ok(sizes.text >= 22, `step text ${sizes.text} px`);
    assert.ok(sizes.button[0] >= 48 && sizes.button[1] >= 48, `button ${sizes.button}`);
    assert.ok(sizes.button[2] <= viewport.height, 'the action button is on screen');
    assert.ok(sizes.exit[0] >= 48 && sizes.exit[1] >= 48, `exit ${sizes.exit}`);
    assert.equal(sizes.wide, false, `nothing wider than ${viewport.width} px`);
    await close();
  }
});

test('with JavaScript off, the procedure page is the complete plain list', async () => {
  const { tab, close } = await phone('/procedure.html', { javaScriptEnabled: false });
  assert.equal(await tab.locator('ol.procedure > li').count(), 7);
  assert.equal(await tab.getByRole('button', { name: 'Start guided mode' }).count(), 0);
  assert.match(await tab.locator('#step-4').innerText(), /three times/);
  await close();
});

test('guided mode adds at most 8 KB gzip to the procedure page', () => {
  // mdBook names them with a content hash (countdown-1a2b3c4d.js).
  const files = readdirSync(`${bookDir}/theme/guided`).filter((f) => /\.(js|css)$/.test(f)).sort();
  assert.equal(files.length, 3, `countdown.js, guided-mode.js and guided-mode.css: ${files}`);
  const sizes = files.map((f) => gzipSync(readFileSync(`${bookDir}/theme/guided/${f}`), { level: 9 }).length);
  const total = sizes.reduce((a, b) => a + b, 0);
  console.log(`guided mode gzip: ${files.map((f, i) => `${f} ${sizes[i]} B`).join(', ')}; total ${total} B`);
  assert.ok(total <= 8 * 1024, `guided mode is ${total} bytes gzip`);
});
