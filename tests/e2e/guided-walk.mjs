// Helpers for the guided-mode tests: a phone tab on a fake clock, and the reader's taps, named by
// the words on the buttons as the procedure page's data gives them.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { bookDir, visit } from './site.mjs';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/**
 * A phone-sized tab with a fake clock, on the procedure page (or `path`). `before` runs in the
 * page before its scripts (to stub browser APIs). Script errors are collected in `errors`.
 */
export async function guidedPhone(site, path = '/procedure.html', options = {}, before = null) {
  const context = await site.browser.newContext({
    viewport: { width: 390, height: 780 }, isMobile: true, hasTouch: true, ...options,
  });
  const tab = await context.newPage();
  const errors = [];
  tab.on('pageerror', (e) => errors.push(e.message));
  tab.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  if (before) await tab.addInitScript(before);
  await tab.clock.install({ time: new Date('2026-01-01T09:00:00Z') });
  await visit(tab, `${site.url}${path}`);
  // From here on, time moves only when a test says so.
  await tab.clock.pauseAt(await tab.evaluate(() => Date.now()) + 1000);
  return { tab, errors, close: () => context.close() };
}

/** A phone tab on the procedure page, guided mode started with its button. */
export async function startedPhone(site) {
  const phoneTab = await guidedPhone(site);
  await start(phoneTab.tab);
  return phoneTab;
}

export const dialog = (tab) => tab.locator('.guided');
export const title = (tab) => tab.locator('.guided-title').innerText();
export const seconds = (tab) => tab.locator('.guided-seconds').innerText();
export const status = (tab) => tab.locator('.guided-status').innerText();
export const text = (tab) => tab.locator('.guided-text').innerText();
export const progress = (tab) => tab.locator('.guided-progress').innerText();
/**
 * Lets the fake clock run past the moment a new screen ignores taps (guided mode marks it with
 * data-settling), as a reader's next tap would.
 */
export async function settled(tab) {
  while (await tab.locator('.guided[data-settling]').count()) await tab.clock.runFor(100);
}

/** The same where the clock is real: waits until guided mode's screen takes taps. */
export const takesTaps = (tab) => tab.waitForFunction(() => !document.querySelector('.guided')?.hasAttribute('data-settling'));

/** A tap on the button named `name`, once the screen has settled. */
export async function press(tab, name) {
  await settled(tab);
  await tab.getByRole('button', { name, exact: true }).click();
}

/** The buttons at the foot of the screen, by their words. */
export const actions = (tab) => tab.locator('.guided-actions button').allInnerTexts();

// The words on guided mode's buttons and its restart sentence, read from the built procedure page
// (the chapter's markers and the page's words), never copied here.
const PAGE = readFileSync(`${bookDir}/procedure.html`, 'utf8');
const decoded = (html) => html.replace(/&(#(\d+)|quot|amp|lt|gt|#39);/g, (_, name, code) => (code
  ? String.fromCharCode(Number(code)) : { quot: '"', amp: '&', lt: '<', gt: '>' }[name]));
/** Attribute `name` of step `step`'s item. */
const stepWords = (step, name) => decoded(PAGE.match(new RegExp(`<li id="step-${step}"[^>]*? ${name}="([^"]*)"`))[1]);
export const DOORS_SHUT = stepWords(1, 'data-done-label');
export const TURN_KEY = stepWords(2, 'data-start-label');
export const KEY_OUT = stepWords(2, 'data-done-label');
export const BOTH_BUTTONS = stepWords(3, 'data-done-label');
export const PRESSED = stepWords(4, 'data-done-label');
export const WORKED = stepWords(5, 'data-done-label');
export const [NOTHING, ONLY_LOCKED, SOMETHING_ELSE] = stepWords(5, 'data-fail-labels').split('\n');
export const IGNITION = stepWords(7, 'data-done-label');
/** Guided mode's word `name` as the page carries it, with `{…}` filled from `values`. */
export const pageWord = (name, values = {}) => decoded(PAGE.match(new RegExp(`data-word="${name}"[^>]*>([^<]*)<`))[1])
  .replace(/\{(\w+)\}/g, (_, key) => values[key]);
export const RESTART = pageWord('restart', { step: 1 });
export const ANOTHER_KEY = pageWord('another-key');
export const FINISH = pageWord('finish');
export const MISSED = pageWord('ask-no');

export async function start(tab) {
  await tab.getByRole('button', { name: 'Start guided mode' }).click();
  assert.equal(await dialog(tab).isVisible(), true);
}

/** Taps along with `times` presses, a second apart. */
export async function tapAlong(tab, times) {
  await settled(tab);
  for (let i = 0; i < times; i += 1) {
    await tab.locator('.guided-tap').click();
    await tab.clock.runFor(1000);
  }
}

/** From step 1 to step 3, whose window runs from the tap that took the key out. */
export async function toBothButtons(tab) {
  await press(tab, DOORS_SHUT);
  await press(tab, TURN_KEY);
  await press(tab, KEY_OUT);
}

/** From step 1 to step 4's running window, for the first key of a session. */
export async function toPresses(tab) {
  await toBothButtons(tab);
  await press(tab, BOTH_BUTTONS);
  assert.equal(await title(tab), 'Step 4 of 7');
}

/** Programs one key that works: steps 4 and 5 from step 4's running window. */
export async function programKey(tab) {
  await tapAlong(tab, 3);
  assert.equal(await title(tab), 'Step 5 of 7');
  await press(tab, WORKED);
}

/** From step 1, two keys that work, then the last step: on to the check of every key. */
export async function twoKeysToCheck(tab) {
  await toPresses(tab);
  await programKey(tab);
  await press(tab, ANOTHER_KEY);
  await press(tab, BOTH_BUTTONS);
  await tapAlong(tab, 3);
  await press(tab, WORKED);
  await press(tab, FINISH);
  await press(tab, IGNITION);
}

/**
 * One whole session, one key from step 1 to the check of every key, as the procedure list's data
 * names the buttons (`steps`: the dataset of each `ol.procedure > li`), in the page's own words.
 * `reader` does it in whatever drives the browser: `title()`, `tap(label)`, `tapPress()` (one tap
 * on the presses' counter) and `words(name, values)` (the page's `MiniWords`).
 */
export async function wholeSession(reader, steps) {
  for (const [i, step] of steps.entries()) {
    if (step.repeatFrom) {
      assert.equal(await reader.title(), await reader.words('key-programmed', { key: 1 }));
      await reader.tap(await reader.words('finish'));
      continue;
    }
    assert.equal(await reader.title(), await reader.words('step-of', { step: i + 1, total: steps.length }), `step ${i + 1}`);
    if (step.startLabel) await reader.tap(step.startLabel);
    if (step.presses) {
      for (let n = 0; n < Number(step.presses); n += 1) await reader.tapPress();
    } else {
      await reader.tap(step.doneLabel);
    }
  }
  assert.equal(await reader.title(), await reader.words('try-every-key'));
}

// axe schedules its work with timers, so the fake clock runs while it checks, then stops again.
export async function axe(tab) {
  await tab.addScriptTag({ path: AXE });
  await tab.clock.resume();
  const violations = await tab.evaluate(async () => {
    const result = await window.axe.run(document.querySelector('.guided'));
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`);
  });
  await tab.clock.pauseAt(await tab.evaluate(() => Date.now()) + 100);
  return violations;
}
