// Sound and voice in guided mode, for busy hands and eyes: beeps from Web Audio as a window
// starts, on each of its last three seconds and as it ends; the steps read aloud with a voice
// on the phone only; both opt-in and remembered; silence and no error where neither API exists.
// The browser's AudioContext and speechSynthesis are replaced by recorders.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { scriptsReady, useSite } from './site.mjs';
import { guidedPhone, title, press, start, axe, DOORS_SHUT, TURN_KEY, KEY_OUT, pageWord } from './guided-walk.mjs';

const site = useSite();

/** Runs in the page before its scripts: every tone started is recorded with the time it starts. */
function recordBeeps() {
  window.beeps = [];
  const param = { setValueAtTime() {}, exponentialRampToValueAtTime() {} };
  window.AudioContext = class {
    constructor() {
      this.state = 'suspended';
      this.currentTime = 0;
      this.destination = {};
    }
    resume() {
      this.state = 'running';
      return Promise.resolve();
    }
    createGain() {
      return { gain: param, connect: (node) => node };
    }
    createOscillator() {
      const oscillator = {
        frequency: { value: 0 },
        connect: (node) => node,
        start: () => window.beeps.push({ at: Date.now(), frequency: oscillator.frequency.value }),
        stop() {},
      };
      return oscillator;
    }
  };
}

/** Runs in the page before its scripts: a speech engine with the given voices that records. */
function recordSpeech(voices) {
  window.spoken = [];
  const speech = {
    getVoices: () => voices,
    speak: (utterance) => window.spoken.push({ text: utterance.text, voice: utterance.voice?.name }),
    cancel() {},
  };
  Object.defineProperty(window, 'speechSynthesis', { value: speech, configurable: true });
  window.SpeechSynthesisUtterance = class {
    constructor(text) {
      this.text = text;
    }
  };
}

/** Turns on the switch named `name`, which is off until the reader turns it on (`optIn`). */
async function switchOn(tab, name, optIn) {
  const toggle = tab.getByRole('button', { name });
  assert.equal(await toggle.getAttribute('aria-pressed'), 'false', optIn);
  await toggle.click();
  assert.equal(await toggle.getAttribute('aria-pressed'), 'true');
  return toggle;
}

const LOCAL = { name: 'On the phone', lang: 'en-GB', localService: true };
const NETWORK = { name: 'In the cloud', lang: 'en-US', localService: false };

test('Sound: beeps as a window starts, on each of its last three seconds, and as it ends', async () => {
  const { tab, errors, close } = await guidedPhone(site, '/procedure.html', {}, recordBeeps);
  await start(tab);
  const toggle = await switchOn(tab, 'Sound', 'sound is opt-in');
  const beeps = () => tab.evaluate(() => window.beeps);
  const sample = (await beeps()).length; // turning sound on plays one, inside the tap
  assert.equal(sample, 1);

  await press(tab, DOORS_SHUT);
  await press(tab, TURN_KEY);
  assert.equal((await beeps()).length, sample + 1, 'step 2\'s window starts with a beep');
  await press(tab, KEY_OUT); // step 3: the 30-second window starts
  const startedAt = await tab.evaluate(() => Date.now());
  await tab.clock.runFor(30000);
  const window30 = (await beeps()).slice(sample + 1);
  // At 30 s (start), at 3, 2 and 1 s left, and at 0 (end): each tone once, in the right place.
  assert.deepEqual(
    window30.map((b) => [Math.round((b.at - startedAt) / 1000), b.frequency]),
    [[0, 880], [27, 660], [28, 660], [29, 660], [30, 330]],
  );
  assert.equal(await title(tab), 'Did you do it in time?');
  assert.deepEqual(errors, []);
  await close();
});

test('Sound is remembered, and stays off until chosen', async () => {
  const { tab, close } = await guidedPhone(site, '/procedure.html', {}, recordBeeps);
  await start(tab);
  await press(tab, DOORS_SHUT);
  await press(tab, TURN_KEY);
  assert.deepEqual(await tab.evaluate(() => window.beeps), [], 'no sound before the reader asks');
  await press(tab, 'Sound');
  // procedure.html#guided: guided mode opens again, from the link. The page loads its scripts
  // on timers, which the paused fake clock would hold.
  await tab.clock.resume();
  await tab.reload();
  await scriptsReady(tab);
  await tab.clock.pauseAt(await tab.evaluate(() => Date.now()) + 1000);
  assert.equal(await title(tab), 'Carry on where you were?', 'the session in progress is kept');
  await press(tab, pageWord('restart-button', { step: 1 }));
  assert.equal(await title(tab), 'Step 1 of 7');
  assert.equal(await tab.getByRole('button', { name: 'Sound' }).getAttribute('aria-pressed'), 'true');
  await press(tab, DOORS_SHUT);
  await press(tab, TURN_KEY);
  assert.equal((await tab.evaluate(() => window.beeps)).length, 1, 'the window starts with a beep');
  await close();
});

test('Read aloud speaks each step and "Go", with a voice on the phone only', async () => {
  const { tab, errors, close } = await guidedPhone(site, '/procedure.html', {},
    `(${recordSpeech})(${JSON.stringify([NETWORK, LOCAL])})`);
  await start(tab);
  const toggle = await switchOn(tab, 'Read aloud', 'reading aloud is opt-in');
  const spoken = () => tab.evaluate(() => window.spoken);
  // The first words come inside the tap that turned it on: the step on screen.
  let said = await spoken();
  assert.equal(said.length, 1);
  assert.match(said[0].text, /shut all the doors/);

  await press(tab, DOORS_SHUT);
  await press(tab, TURN_KEY);
  said = await spoken();
  assert.match(said.at(-2).text, /turn it to position one/);
  assert.equal(said.at(-1).text, 'Go');
  assert.ok(said.every((s) => s.voice === LOCAL.name), `only the local voice: ${JSON.stringify(said)}`);
  assert.deepEqual(errors, []);
  await close();
});

test('Read aloud stays silent where the phone has only network voices', async () => {
  const { tab, errors, close } = await guidedPhone(site, '/procedure.html', {},
    `(${recordSpeech})(${JSON.stringify([NETWORK])})`);
  await start(tab);
  const toggle = tab.getByRole('button', { name: 'Read aloud' });
  await toggle.click();
  assert.equal(await toggle.getAttribute('aria-pressed'), 'false');
  assert.match(await tab.locator('.guided-status').innerText(), /no voice that works offline/);
  await press(tab, DOORS_SHUT);
  await press(tab, TURN_KEY);
  assert.deepEqual(await tab.evaluate(() => window.spoken), []);
  assert.deepEqual(errors, []);
  await close();
});

test('where neither Web Audio nor speech exists, guided mode is silent, with no error', async () => {
  const { tab, errors, close } = await guidedPhone(site, '/procedure.html', {}, () => {
    for (const name of ['AudioContext', 'webkitAudioContext', 'speechSynthesis']) {
      Object.defineProperty(window, name, { value: undefined, configurable: true });
    }
  });
  await start(tab);
  assert.equal(await tab.getByRole('button', { name: 'Sound' }).count(), 0, 'no switch that cannot work');
  assert.equal(await tab.getByRole('button', { name: 'Read aloud' }).count(), 0);
  await press(tab, DOORS_SHUT);
  await press(tab, TURN_KEY);
  await tab.clock.runFor(5000);
  assert.equal(await title(tab), 'Did you do it in time?');
  assert.deepEqual(errors, []);
  await close();
});

for (const colorScheme of ['light', 'dark']) {
  test(`axe finds no violation with Sound and Read aloud on (${colorScheme})`, async () => {
    const { tab, close } = await guidedPhone(site, '/procedure.html', { colorScheme, bypassCSP: true },
      `(${recordBeeps})(); (${recordSpeech})(${JSON.stringify([LOCAL])})`);
    await start(tab);
    await press(tab, 'Sound');
    await press(tab, 'Read aloud');
    assert.deepEqual(await axe(tab), []);
    await close();
  });
}
