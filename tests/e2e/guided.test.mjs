// Guided mode on the procedure page: the whole walk for two keys, every countdown, the labels
// that start a window, the #guided link, Esc and back, keyboard-only use, its fit on phones,
// the no-JS fallback and its weight. The failure paths are in guided-failure.test.mjs, sound and
// voice in guided-sound.test.mjs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { useSite, bookDir, visit } from './site.mjs';
import {
  guidedPhone, startedPhone, dialog, title, seconds, status, text, progress, press, toBothButtons,
  actions, start, tapAlong, axe, settled, DOORS_SHUT, TURN_KEY, KEY_OUT,
  BOTH_BUTTONS, PRESSED, WORKED, NOTHING, ONLY_LOCKED, SOMETHING_ELSE, IGNITION, ANOTHER_KEY,
  FINISH, MISSED, pageWord,
} from './guided-walk.mjs';

const site = useSite();
const phone = (path, options, before) => guidedPhone(site, path, options, before);
const started = () => startedPhone(site);

test('walks the whole procedure for two keys, then checks every key', async () => {
  const { tab, errors, close } = await phone();
  await start(tab);
  assert.equal(await title(tab), 'Step 1 of 7');
  assert.equal(await progress(tab), 'Key 1');
  await press(tab, DOORS_SHUT);

  // Step 2: the 5-second window starts with the reader's tap, not before.
  assert.equal(await title(tab), 'Step 2 of 7');
  assert.equal(await seconds(tab), '5');
  await tab.clock.runFor(3000);
  assert.equal(await seconds(tab), '5', 'the window waits for its tap');
  await press(tab, TURN_KEY);
  await tab.clock.runFor(2000);
  assert.equal(await seconds(tab), '3');

  // Taking the key out ends step 2 and starts step 3's 30 seconds.
  await press(tab, KEY_OUT);
  assert.equal(await title(tab), 'Step 3 of 7');
  assert.equal(await seconds(tab), '30');
  await tab.clock.runFor(12000);
  assert.equal(await seconds(tab), '18');
  await press(tab, BOTH_BUTTONS);

  // Step 4: ten seconds, and a target to tap along with the three presses.
  assert.equal(await title(tab), 'Step 4 of 7');
  assert.equal(await seconds(tab), '10');
  assert.match(await tab.locator('.guided-tap').innerText(), /0 of 3/);
  await settled(tab);
  await tab.locator('.guided-tap').click();
  assert.match(await tab.locator('.guided-tap').innerText(), /1 of 3/);
  await tab.clock.runFor(2000);
  assert.equal(await seconds(tab), '8');
  await tapAlong(tab, 2);

  // Step 5 asks what the doors did.
  assert.equal(await title(tab), 'Step 5 of 7');
  assert.deepEqual(await actions(tab), [NOTHING, ONLY_LOCKED, SOMETHING_ELSE, WORKED]);
  await press(tab, WORKED);
  assert.equal(await title(tab), 'Key 1 is programmed');

  // Key 2: back to the press-both step, in words that fit a further key, with no countdown.
  await press(tab, ANOTHER_KEY);
  assert.equal(await title(tab), 'Step 3 of 7');
  assert.equal(await progress(tab), 'Key 2');
  assert.ok((await tab.locator('.guided-key').innerText()).includes(pageWord('key-reminder', { key: 2 })));
  assert.match(await text(tab), /Take the next key/);
  assert.doesNotMatch(await text(tab), /taking the key out/, 'nobody took a key out for key 2');
  assert.equal(await tab.locator('.guided-timer').isVisible(), false);
  await press(tab, BOTH_BUTTONS);
  assert.equal(await title(tab), 'Step 4 of 7');
  assert.equal(await seconds(tab), '10');
  // Pressing on the key alone is enough: the reader says so instead of tapping along.
  await press(tab, PRESSED);
  await press(tab, WORKED);
  assert.equal(await title(tab), 'Key 2 is programmed');

  // Finish: the final ignition step, then every key is tried and marked.
  await press(tab, FINISH);
  assert.equal(await title(tab), 'Step 7 of 7');
  assert.equal(await tab.locator('.guided-timer').isVisible(), false);
  await press(tab, IGNITION);
  assert.equal(await title(tab), 'Try every key');
  const keys = tab.locator('.guided-check legend');
  assert.deepEqual(await keys.allInnerTexts(), ['Key 1', 'Key 2']);
  await settled(tab);
  for (const key of ['Key 1', 'Key 2']) {
    await tab.getByRole('group', { name: key }).getByRole('radio', { name: 'Works' }).check();
  }
  assert.match(await tab.locator('.guided-verdict').innerText(), /Every key works/);
  await press(tab, 'Close');
  assert.equal(await dialog(tab).isVisible(), false);
  assert.deepEqual(errors, []);
  await close();
});

// The 5- and 30-second windows count down in whole seconds from the page's data, then ask; a
// window missed is a failed try that says which.
for (const { window, reach } of [
  { window: 5, reach: async () => {} },
  { window: 30, reach: async (tab) => press(tab, KEY_OUT) },
]) {
  test(`the ${window}-second window counts down, asks, then says to start again and why`, async () => {
    const { tab, close } = await phone();
    const li = tab.locator(`ol.procedure > li[data-window="${window}"]`);
    assert.equal(await li.count(), 1, `the page's data has a ${window}-second window`);
    await start(tab);
    await press(tab, DOORS_SHUT);
    await press(tab, TURN_KEY);
    await reach(tab);

    assert.equal(await seconds(tab), String(window));
    assert.equal(await tab.locator('[role="timer"]').count(), 1);
    assert.equal(await status(tab), 'Go');
    assert.match(await tab.locator('.guided-say').innerText(), new RegExp(`Go: ${window} seconds`));
    await tab.clock.runFor(1000);
    assert.equal(await seconds(tab), String(window - 1));
    await tab.clock.runFor((window - 2) * 1000);
    assert.equal(await seconds(tab), '1');
    await tab.clock.runFor(1000);
    const step = await li.getAttribute('data-step');
    assert.equal(await title(tab), 'Did you do it in time?');
    assert.equal(await status(tab), `The ${window} seconds of step ${step} are over.`);
    await press(tab, MISSED);
    assert.equal(await status(tab), `The ${window} seconds of step ${step} are over.`, 'which window');
    assert.ok((await text(tab)).includes(await li.getAttribute('data-hint')), 'the window\'s hint');
    assert.match(await text(tab), /Start again from step 1 and program every key again, including those that already worked\./);
    await press(tab, 'Start again from step 1');
    assert.equal(await title(tab), 'Step 1 of 7');
    assert.equal(await progress(tab), 'Key 1');
    await close();
  });
}

test('every window that starts with a tap says to tap as you act', async () => {
  const { tab, close } = await phone();
  // Read from the page's data: a start label starts its own step's window; a done label starts
  // the next step's window when that step has no start label of its own.
  const labels = await tab.evaluate(() => {
    const steps = [...document.querySelectorAll('ol.procedure > li')].map((li) => li.dataset);
    return steps.flatMap((s, i) => [
      s.window && s.startLabel,
      steps[i + 1]?.window && !steps[i + 1].startLabel && s.doneLabel,
    ]).filter(Boolean);
  });
  assert.deepEqual(labels, [TURN_KEY, KEY_OUT, BOTH_BUTTONS]);
  for (const label of labels) assert.match(label, /^Tap as you /);
  await close();
});

test('the windows come from the page data, not from the script', async () => {
  const { tab, close } = await phone('/index.html');
  // The same page with the preprocessor's 30-second window changed to 25.
  await tab.route('**/procedure.html', async (route) => {
    const response = await route.fetch();
    const html = (await response.text()).replace('data-window="30"', 'data-window="25"');
    await route.fulfill({ response, body: html });
  });
  // The page loads its scripts on timers, which the paused fake clock would hold.
  await tab.clock.resume();
  await visit(tab, `${site.url}/procedure.html`);
  await tab.clock.pauseAt(await tab.evaluate(() => Date.now()) + 1000);
  await start(tab);
  await toBothButtons(tab);
  assert.equal(await seconds(tab), '25');
  await close();
});

test('the countdown follows the clock, not its ticks, when the phone sleeps', async () => {
  const { tab, close } = await started();
  await toBothButtons(tab);
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
  await press(tab, DOORS_SHUT);
  await tab.goBack();
  await tab.waitForFunction(() => !document.querySelector('.guided').open);
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
    for (let i = 0; i < 8; i += 1) {
      if (await tab.evaluate(() => document.activeElement.textContent)
        .then((t) => t.includes(label))) break;
      await tab.keyboard.press('Tab');
    }
    await settled(tab);
    await tab.keyboard.press('Enter');
  };
  await activate(DOORS_SHUT);
  await activate(TURN_KEY);
  await activate(KEY_OUT);
  await activate(BOTH_BUTTONS);
  assert.equal(await title(tab), 'Step 4 of 7');
  await activate('Tap with each press');
  await tab.keyboard.press('Space');
  await tab.keyboard.press('Enter');
  assert.equal(await title(tab), 'Step 5 of 7');

  // Focus stays inside the dialog, and mdBook's arrow-key page turns do not fire behind it.
  for (let i = 0; i < 8; i += 1) await tab.keyboard.press('Tab');
  assert.equal(await tab.evaluate(() => document.querySelector('.guided').contains(document.activeElement)), true);
  await tab.keyboard.press('ArrowRight');
  assert.match(tab.url(), /procedure\.html#guided$/);
  await tab.keyboard.press('Escape');
  assert.equal(await dialog(tab).isVisible(), false);
  await close();
});

for (const colorScheme of ['light', 'dark']) {
  test(`axe finds no violation in guided mode's step screens (${colorScheme})`, async () => {
    // bypassCSP: axe is injected as an inline script, which the site's policy forbids.
    const { tab, close } = await phone('/procedure.html', { colorScheme, bypassCSP: true });
    await start(tab);
    await press(tab, DOORS_SHUT);
    assert.deepEqual(await axe(tab), [], 'step with a waiting window');
    await press(tab, TURN_KEY);
    await press(tab, KEY_OUT);
    await press(tab, BOTH_BUTTONS);
    assert.deepEqual(await axe(tab), [], 'counting step with the tap target');
    await tab.clock.runFor(10000);
    assert.deepEqual(await axe(tab), [], 'step 5 asking what the doors did');
    await press(tab, WORKED);
    assert.deepEqual(await axe(tab), [], 'a key programmed: another, or finish');
    await close();
  });
}

test('guided mode fits portrait and landscape phones, step text at least 22 px', async () => {
  for (const viewport of [{ width: 320, height: 640 }, { width: 430, height: 900 }, { width: 740, height: 360 }]) {
    const { tab, close } = await phone('/procedure.html#guided', { viewport });
    await press(tab, DOORS_SHUT);
    const sizes = await tab.evaluate(() => {
      const box = (s) => document.querySelector(s).getBoundingClientRect();
      const button = box('.guided-action');
      const small = [...document.querySelectorAll('.guided-bar button')]
        .filter((b) => b.offsetParent && (b.offsetWidth < 48 || b.offsetHeight < 48))
        .map((b) => b.textContent);
      return {
        text: parseFloat(getComputedStyle(document.querySelector('.guided-text')).fontSize),
        button: [button.width, button.height, button.bottom],
        small,
        wide: document.querySelector('.guided').scrollWidth > window.innerWidth,
      };
    });
    assert.ok(sizes.text >= 22, `step text ${sizes.text} px`);
    assert.ok(sizes.button[0] >= 48 && sizes.button[1] >= 48, `button ${sizes.button}`);
    assert.ok(sizes.button[2] <= viewport.height, 'the action button is on screen');
    assert.deepEqual(sizes.small, [], 'Exit, Sound and Read aloud are 48 px targets');
    assert.equal(sizes.wide, false, `nothing wider than ${viewport.width} px`);
    await close();
  }
});

test('at 390 px the counting step shows its title, countdown, target and button at once', async () => {
  const { tab, close } = await started();
  await toBothButtons(tab);
  await press(tab, BOTH_BUTTONS);
  for (const part of ['.guided-title', '.guided-seconds', '.guided-tap', '.guided-actions .guided-action']) {
    const box = await tab.locator(part).first().boundingBox();
    assert.ok(box.y >= 0 && box.y + box.height <= 780, `${part} is on screen (${box.y}, ${box.height})`);
  }
  await close();
});

test('with JavaScript off, the procedure page is the complete plain list', async () => {
  const { tab, close } = await phone('/procedure.html', { javaScriptEnabled: false });
  assert.equal(await tab.locator('ol.procedure > li').count(), 7);
  assert.equal(await tab.getByRole('button', { name: 'Start guided mode' }).count(), 0);
  assert.match(await tab.locator('#step-4').innerText(), /three times/);
  await close();
});

test('guided mode adds at most 10 KB gzip to the procedure page, and nothing to the others', () => {
  // Its scripts are one file (mdBook names it with a content hash), which only the procedure
  // page loads; its styles are the part of that page's <style> that the other pages lack.
  const style = (page) => readFileSync(`${bookDir}/${page}`, 'utf8').match(/<style>([\s\S]*?)<\/style>/)[1];
  const guidedCss = style('procedure.html').slice(style('index.html').length);
  assert.ok(style('procedure.html').startsWith(style('index.html')), 'the site\'s styles, then guided mode\'s');
  const scripts = readdirSync(`${bookDir}/theme/guided`).filter((f) => f.endsWith('.js'));
  assert.equal(scripts.length, 1, `one script: ${scripts}`);
  for (const page of ['index.html', 'troubleshooting.html', 'print.html']) {
    assert.doesNotMatch(readFileSync(`${bookDir}/${page}`, 'utf8'), /theme\/guided|\.guided-tap/, `${page} loads no guided mode`);
  }
  const js = gzipSync(readFileSync(`${bookDir}/theme/guided/${scripts[0]}`), { level: 9 }).length;
  const css = gzipSync(guidedCss, { level: 9 }).length;
  console.log(`guided mode gzip: ${scripts[0]} ${js} B, its styles ${css} B; total ${js + css} B`);
  assert.ok(js + css <= 10 * 1024, `guided mode is ${js + css} bytes gzip`);
});

test('on a 390 × 844 phone, "Start guided mode" is on the first screen of the procedure page', async () => {
  const { tab, close } = await phone('/procedure.html', { viewport: { width: 390, height: 844 } });
  const box = await tab.getByRole('button', { name: 'Start guided mode' }).boundingBox();
  assert.ok(box.y + box.height <= 844, `it ends at ${box.y + box.height} px`);
  await close();
});

test('the wake lock is let go whenever guided mode closes, even before the phone grants it', async () => {
  // A wake lock that the test grants by hand, recording when it is let go.
  const { tab, close } = await phone('/procedure.html', {}, () => {
    window.wakeLocks = [];
    Object.defineProperty(navigator, 'wakeLock', {
      configurable: true,
      value: {
        request: () => new Promise((resolve) => {
          const lock = { released: false, release: async () => { lock.released = true; } };
          window.wakeLocks.push({ lock, grant: () => resolve(lock) });
        }),
      },
    });
  });
  const settle = () => tab.evaluate(async () => { for (let i = 0; i < 5; i += 1) await Promise.resolve(); });
  const released = () => tab.evaluate(() => window.wakeLocks.map((w) => w.lock.released));

  await start(tab);
  await tab.evaluate(() => window.wakeLocks[0].grant());
  await settle();
  assert.deepEqual(await released(), [false], 'held while guided mode is open');
  await press(tab, 'Exit');
  await settle();
  assert.deepEqual(await released(), [true], 'let go on exit');

  await start(tab);
  await press(tab, 'Exit'); // closed before the phone answers
  await tab.evaluate(() => window.wakeLocks[1].grant());
  await settle();
  assert.deepEqual(await released(), [true, true], 'let go as soon as it arrives');
  await close();
});
