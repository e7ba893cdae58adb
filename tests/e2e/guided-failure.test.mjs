// Guided mode when it does not work, which is most readers' first try: one session for every
// key, a failure on any key starts again at key 1 and says why, tapping along is optional, step
// 5 asks what the doors did, a missed window is asked about, the chooser after three failed
// tries, and the check of every key.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useSite } from './site.mjs';
import {
  guidedPhone, startedPhone, title, status, text, progress, press, actions, start,
  tapAlong, toPresses, programKey, twoKeysToCheck, axe, settled, DOORS_SHUT, TURN_KEY,
  BOTH_BUTTONS, WORKED, NOTHING, ONLY_LOCKED, SOMETHING_ELSE, IGNITION, RESTART, ANOTHER_KEY,
  FINISH, MISSED,
} from './guided-walk.mjs';

const site = useSite();
const phone = (path, options) => guidedPhone(site, path, options);
const started = () => startedPhone(site);

/** A new tab in guided mode, at step 4's window, tapped along `taps` times. */
async function tappedAlong(taps) {
  const phoneTab = await phone();
  await start(phoneTab.tab);
  await toPresses(phoneTab.tab);
  await tapAlong(phoneTab.tab, taps);
  return phoneTab;
}

test('a failure on key 2 starts a new session at key 1, and says why', async () => {
  const { tab, close } = await started();
  await toPresses(tab);
  await programKey(tab);
  await press(tab, ANOTHER_KEY);
  assert.equal(await progress(tab), 'Key 2');
  await press(tab, BOTH_BUTTONS);
  await tab.clock.runFor(10000); // the presses' window runs out: a question, not a failure
  await press(tab, NOTHING);

  assert.equal(await title(tab), 'Try 1 did not work');
  assert.equal(await status(tab), 'Step 5: Nothing at all. That key is not programmed.');
  const words = await text(tab);
  assert.ok(words.includes(RESTART), words);
  assert.match(words, /key 1, which worked: a new start wipes it/);
  assert.deepEqual(await actions(tab), ['Start again from step 1']);
  await press(tab, 'Start again from step 1');
  assert.equal(await title(tab), 'Step 1 of 7');
  assert.equal(await progress(tab), 'Key 1', 'the count starts again with the first key');

  // The new session counts its own keys only.
  await twoKeysToCheck(tab);
  assert.deepEqual(await tab.locator('.guided-check legend').allInnerTexts(), ['Key 1', 'Key 2']);
  await close();
});

test('the presses\' window ending without three taps asks what the doors did', async () => {
  const { tab, close } = await tappedAlong(1);
  await tab.clock.runFor(9000);
  assert.equal(await title(tab), 'Step 5 of 7');
  assert.match(await status(tab), /What did the doors do\?/);
  assert.doesNotMatch(await status(tab), /Time is up\.$/);
  assert.deepEqual(await actions(tab), [NOTHING, ONLY_LOCKED, SOMETHING_ELSE, WORKED], 'going on is last, at the foot');
  await press(tab, WORKED);
  assert.equal(await title(tab), 'Key 1 is programmed', 'pressing on the key alone was right');
  await close();
});

test('step 5: the doors only locked is a failed try; start again from step 1', async () => {
  const { tab, close } = await tappedAlong(3);
  await press(tab, ONLY_LOCKED);
  assert.equal(await title(tab), 'Try 1 did not work');
  assert.match(await text(tab), /try two or three times/);
  assert.ok((await text(tab)).includes(RESTART));
  await press(tab, 'Start again from step 1');
  assert.equal(await title(tab), 'Step 1 of 7');
  await close();
});

test('after three failed tries, a chooser leads to the right answer', async () => {
  const { tab, close } = await started();
  // Two missed windows, then a key that did not respond.
  for (let i = 0; i < 2; i += 1) {
    await press(tab, DOORS_SHUT);
    await press(tab, TURN_KEY);
    await tab.clock.runFor(5000);
    assert.equal(await title(tab), 'Did you do it in time?');
    await press(tab, MISSED);
    assert.equal(await title(tab), `Try ${i + 1} did not work`);
    await press(tab, 'Start again from step 1');
  }
  await toPresses(tab);
  await tapAlong(tab, 3);
  await press(tab, NOTHING);

  assert.equal(await title(tab), 'Still not working after 3 tries?');
  const choices = tab.locator('.guided-choices a');
  const links = await choices.evaluateAll((as) => as.map((a) => [a.textContent, a.getAttribute('href')]));
  assert.deepEqual(links.map(([, href]) => href), [
    'troubleshooting.html#a-spare-key-that-sat-unused',
    'troubleshooting.html#one-variant-to-try',
    'troubleshooting.html#still-nothing-after-several-attempts',
  ]);
  assert.ok((await text(tab)).includes(RESTART), 'trying once more is still offered');
  assert.deepEqual(await actions(tab), ['Start again from step 1']);

  // Each answer is there: the flat spare, the variant that holds only unlock, the receiver.
  await settled(tab);
  await choices.first().click();
  await tab.waitForURL(/troubleshooting\.html#a-spare-key-that-sat-unused$/);
  const answers = [/rechargeable battery/, /holding only unlock/, /receiver/];
  for (const [i, [, href]] of links.entries()) {
    await tab.goto(`${site.url}/${href}`); // the section's words are enough: no need for its scripts
    const section = await tab.evaluate(() => {
      const el = document.getElementById(location.hash.slice(1));
      // The target and what follows it, up to the next section's heading.
      let words = el.innerText;
      for (let n = el.nextElementSibling; n && n.tagName !== 'H2'; n = n.nextElementSibling) words += n.innerText;
      return words;
    });
    assert.match(section, answers[i], href);
  }
  await close();
});

test('the end of the session: a key marked as not working leads to the answers about one key', async () => {
  const { tab, close } = await started();
  await twoKeysToCheck(tab);

  assert.equal(await title(tab), 'Try every key');
  await settled(tab);
  await tab.getByRole('group', { name: 'Key 1' }).getByRole('radio', { name: 'Works' }).check();
  assert.equal(await tab.locator('.guided-verdict').isVisible(), false, 'no verdict before every key');
  await tab.getByRole('group', { name: 'Key 2' }).getByRole('radio', { name: 'Does not work' }).check();
  const verdict = tab.locator('.guided-verdict');
  assert.deepEqual(await verdict.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href'))), [
    'troubleshooting.html#a-spare-key-that-sat-unused',
    'troubleshooting.html#only-one-key-works-afterwards',
    'troubleshooting.html#still-nothing-after-several-attempts',
  ]);
  assert.doesNotMatch(await verdict.innerText(), /session/, 'no claim about the session');
  assert.deepEqual(await actions(tab), ['Start again from step 1', 'Close']);
  await close();
});

test('the restart wording in guided mode is the procedure page\'s', async () => {
  const { tab, close } = await phone();
  const page = await tab.locator('main').innerText();
  assert.ok(page.includes(RESTART), 'the procedure page says where to restart');
  await start(tab);
  await press(tab, DOORS_SHUT);
  await press(tab, TURN_KEY);
  await tab.clock.runFor(5000);
  await press(tab, MISSED);
  const sentence = await tab.locator('.guided-text strong').innerText();
  assert.ok(page.includes(sentence), `"${sentence}" is on the page`);
  await close();
});

for (const colorScheme of ['light', 'dark']) {
  test(`axe finds no violation in the failure screens (${colorScheme})`, async () => {
    const { tab, close } = await phone('/procedure.html', { colorScheme, bypassCSP: true });
    await start(tab);
    for (let i = 0; i < 2; i += 1) {
      await press(tab, DOORS_SHUT);
      await press(tab, TURN_KEY);
      await tab.clock.runFor(5000);
      if (i === 0) assert.deepEqual(await axe(tab), [], 'the question after a window');
      await press(tab, MISSED);
      if (i === 0) assert.deepEqual(await axe(tab), [], 'a failed try');
      await press(tab, 'Start again from step 1');
    }
    await press(tab, DOORS_SHUT);
    await press(tab, TURN_KEY);
    await tab.clock.runFor(5000);
    await press(tab, MISSED);
    assert.deepEqual(await axe(tab), [], 'the chooser');
    await press(tab, 'Start again from step 1');
    await toPresses(tab);
    await programKey(tab);
    await press(tab, FINISH);
    await press(tab, IGNITION);
    assert.deepEqual(await axe(tab), [], 'the check of every key');
    await settled(tab);
    await tab.getByRole('radio', { name: 'Does not work' }).check();
    assert.deepEqual(await axe(tab), [], 'a key that does not work');
    await close();
  });
}
