// Guided mode on the phones readers hold, with a key in the other hand: at 320 × 568, 375 × 667,
// 390 × 844 and 667 × 375 (a car mount), in every language, the walks light and dark. Each window
// fits one screen; a window that ends without a tap asks; a double tap skips nothing; the status
// never contradicts the countdown; Exit asks and guided mode resumes; step 5's answers each lead
// on; the end says only what is true; figures stay dark at night; and the first screen of every
// language shows where to start. Labels come from the page, not from here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useSite, languageFolders, visit } from './site.mjs';
import {
  guidedPhone, settled, axe, title, status as statusText, press as tap,
} from './guided-walk.mjs';

const site = useSite();
const SIZES = [[320, 568], [375, 667], [390, 844], [667, 375]];
const THEMES = ['light', 'dark'];
const name = (folder) => folder || 'en/';

async function phoneAt(folder, [width, height], colorScheme = 'light', options = {}) {
  return guidedPhone(site, `/${folder}procedure.html#guided`, { viewport: { width, height }, colorScheme, ...options });
}

// The procedure as the page's list gives it (the preprocessor's data), and the page's words.
const stepsOf = (tab) => tab.evaluate(() => Array.from(document.querySelectorAll('ol.procedure > li[data-step]'), (li) => ({ ...li.dataset })));
const word = (tab, key, values = {}) => tab.evaluate(([k, v]) => window.MiniWords(k, v), [key, values]);

/** The box of an element, as the reader sees it. */
const box = (tab, selector) => tab.locator(selector).first().boundingBox();
const overlaps = (a, b) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/**
 * What is on the screen now, during a window: the step's words (its one line where the whole
 * step does not fit), its figure, the countdown, the button that goes on, all without scrolling,
 * and the bar in one row.
 */
function onScreen(tab) {
  return tab.evaluate(() => {
    const q = (s) => document.querySelector(s);
    const shown = (el) => {
      if (!el || el.offsetParent === null) return false;
      const b = el.getBoundingClientRect();
      return b.width > 0 && b.top >= -0.5 && b.left >= -0.5 && b.bottom <= innerHeight + 0.5 && b.right <= innerWidth + 0.5;
    };
    const body = q('.guided-body');
    const brief = q('.guided-brief-text');
    const stepWords = brief.offsetParent !== null ? brief : q('.guided-text');
    const bar = [...q('.guided-bar').children].filter((c) => c.offsetParent !== null).map((c) => c.getBoundingClientRect());
    const middle = (b) => b.top + b.height / 2;
    const exit = q('.guided-exit').getBoundingClientRect();
    const beside = q('.guided-exit').previousElementSibling.getBoundingClientRect();
    return {
      scrolls: body.scrollHeight > body.clientHeight + 1 || q('.guided').scrollWidth > innerWidth,
      words: shown(stepWords) && stepWords.innerText.trim().length > 0,
      figure: shown(q('.guided-figure .step-figure')),
      seconds: shown(q('.guided-seconds')) && /^\d+$/.test(q('.guided-seconds').innerText),
      goOn: shown(q('.guided-actions button:last-child')),
      tapTarget: q('.guided-tap').hidden || shown(q('.guided-tap')),
      oneRow: bar.every((b) => Math.abs(middle(b) - middle(bar[0])) < 4),
      exitApart: exit.left - beside.right >= 16, // a slip from Read aloud does not land on Exit
    };
  });
}

async function assertWindowFits(tab, where) {
  const seen = await onScreen(tab);
  for (const [part, ok] of Object.entries(seen)) {
    assert.equal(ok, part !== 'scrolls', `${where}: ${part === 'scrolls' ? 'guided mode scrolls' : `${part} is not on screen`}`);
  }
}

/** During a window: the status holds no number (the countdown has the only one). */
async function assertStatusAgrees(tab, where) {
  assert.doesNotMatch(await statusText(tab), /\d/, `${where}: the status names a number beside the countdown`);
}

for (const folder of languageFolders()) {
  for (const size of SIZES) {
    for (const theme of THEMES) {
      const night = theme === 'dark' ? ', figures dark' : '';
      test(`${name(folder)} ${size.join(' × ')} ${theme}: every window on one screen, nothing moves, a double tap skips nothing${night}`, async () => {
        const { tab, errors, close } = await phoneAt(folder, size, theme);
        const steps = await stepsOf(tab);
        const at = (n) => `${name(folder)} ${size.join('×')} ${theme}, step ${n}`;
        const [s1, s2, s3, s4, s5] = steps;

        await tap(tab, s1.doneLabel);
        // Step 2: nothing moves as the window starts or as it counts down.
        const before = await box(tab, '.guided-seconds');
        await tap(tab, s2.startLabel);
        await assertWindowFits(tab, at(2));
        await assertStatusAgrees(tab, at(2));
        assert.equal((await box(tab, '.guided-seconds')).y, before.y, `${at(2)}: the countdown moved as the window started`);
        await tab.clock.runFor(2000);
        assert.equal((await box(tab, '.guided-seconds')).y, before.y, `${at(2)}: the countdown moved as it counted`);
        await assertStatusAgrees(tab, at(2));

        await tap(tab, s2.doneLabel);
        await assertWindowFits(tab, at(3));
        // A double tap on step 3's button starts step 4's window, and does not end it too.
        await settled(tab);
        await tab.locator('.guided-actions button:last-child').dblclick();
        assert.equal(await title(tab), await word(tab, 'step-of', { step: 4, total: steps.length }), `${at(3)}: a double tap went past step 4`);
        assert.equal(await tab.locator('.guided-seconds').innerText(), s4.window, `${at(4)}: the window is whole`);
        await assertWindowFits(tab, at(4));
        const firstSeconds = await box(tab, '.guided-seconds');
        await tab.clock.runFor(1000);
        await tab.locator('.guided-tap').click();
        assert.equal((await box(tab, '.guided-seconds')).y, firstSeconds.y, `${at(4)}: a press moved the countdown`);
        await assertStatusAgrees(tab, at(4));
        if (theme === 'dark') await assertNightFigures(tab, at(4));

        // Step 5's "did not work" answers are never where step 4's button to go on was.
        const stepFourButton = await box(tab, '.guided-actions button:last-child');
        await tab.locator('.guided-tap').click();
        await tab.locator('.guided-tap').click();
        assert.equal(await title(tab), await word(tab, 'step-of', { step: 5, total: steps.length }));
        for (const label of s5.failLabels.split('\n')) {
          const answer = await tab.locator('.guided-actions').getByRole('button', { name: label, exact: true }).boundingBox();
          assert.ok(!overlaps(answer, stepFourButton), `${at(5)}: "${label}" is where step 4's button was`);
        }
        await tap(tab, s5.doneLabel);

        // Key 2: step 4's window with the reminder of the key.
        await tap(tab, await word(tab, 'another-key'));
        await tap(tab, s3.doneLabel);
        await assertWindowFits(tab, `${at(4)}, key 2`);
        assert.deepEqual(errors, []);
        await close();
      });
    }

    test(`${name(folder)} ${size.join(' × ')}: a window that ends untapped asks; the answer decides`, async () => {
      const { tab, errors, close } = await phoneAt(folder, size);
      const steps = await stepsOf(tab);
      const [s1, s2, s3, s4] = steps;
      const at = (n) => `${name(folder)} ${size.join('×')}, step ${n}`;
      const askTitle = await word(tab, 'ask-title');

      // Step 2's window runs out: asked, not judged. "No" names the window and gives its hint.
      await tap(tab, s1.doneLabel);
      const keyOutButton = await (async () => {
        await tap(tab, s2.startLabel);
        return box(tab, '.guided-actions button:last-child');
      })();
      await tab.clock.runFor(Number(s2.window) * 1000);
      assert.equal(await title(tab), askTitle, `${at(2)}: the window's end asks`);
      const no = tab.locator('.guided-actions').getByRole('button', { name: await word(tab, 'ask-no'), exact: true });
      assert.ok(!overlaps(await no.boundingBox(), keyOutButton), `${at(2)}: "no" is where the button to go on was`);
      for (const part of ['.guided-actions button:first-child', '.guided-actions button:last-child', '.guided-title']) {
        const b = await box(tab, part);
        assert.ok(b.y >= 0 && b.y + b.height <= size[1] + 0.5, `${at(2)}: ${part} is off screen on the question`);
      }
      await tap(tab, await word(tab, 'ask-no'));
      assert.equal(await statusText(tab), await word(tab, 'window-over', { step: 2, seconds: s2.window }), `${at(2)}: which window`);
      assert.ok((await tab.locator('.guided-text').innerText()).includes(s2.hint), `${at(2)}: the window's hint`);

      // Step 3's window runs out, done on the key without a tap: "yes" goes on, with no
      // countdown of ours for a window that began at an unknown moment.
      await tap(tab, await word(tab, 'restart-button', { step: 1 }));
      await tap(tab, s1.doneLabel);
      await tap(tab, s2.startLabel);
      await tap(tab, s2.doneLabel);
      await tab.clock.runFor(Number(s3.window) * 1000);
      assert.equal(await title(tab), askTitle, `${at(3)}: the window's end asks`);
      await tap(tab, await word(tab, 'ask-yes'));
      assert.equal(await title(tab), await word(tab, 'step-of', { step: 4, total: steps.length }));
      assert.equal(await tab.locator('.guided-timer').isVisible(), false, `${at(4)}: a countdown that would not be true`);
      assert.equal(await statusText(tab), await word(tab, 'straight-on', { seconds: s4.window }));
      assert.deepEqual(errors, []);
      await close();
    });

    test(`${name(folder)} ${size.join(' × ')}: Exit during a countdown asks; guided mode resumes at the same step, key and deadline`, () => exitAndResume(folder, size));
    test(`${name(folder)} ${size.join(' × ')}: step 5's answers each lead to their own next step`, () => stepFiveAnswers(folder, size));
    test(`${name(folder)} ${size.join(' × ')}: the end screen says only what is true`, () => endScreen(folder, size));

    test(`${name(folder)} ${size.join(' × ')}: "Start guided mode" and the landing page's button on the first screen`, async () => {
      const { tab, close } = await site.phone({ viewport: { width: size[0], height: size[1] } });
      for (const [path, selector] of [['procedure.html', '.guided-start-button'], ['index.html', '.cta a']]) {
        await visit(tab, `${site.url}/${folder}${path}`);
        const b = await box(tab, selector);
        assert.ok(b.y + b.height <= size[1], `${folder}${path} at ${size.join('×')}: ${selector} ends at ${Math.round(b.y + b.height)} px`);
      }
      await close();
    });
  }
}

for (const colorScheme of THEMES) {
  test(`axe: the question before leaving, the offer to carry on, the question after a window (${colorScheme})`, async () => {
    // bypassCSP: axe is injected as an inline script, which the site's policy forbids.
    const { tab, close } = await phoneAt('', [390, 844], colorScheme, { bypassCSP: true });
    const [s1, s2] = await stepsOf(tab);
    await tap(tab, s1.doneLabel);
    await tap(tab, s2.startLabel);
    await tab.locator('.guided-exit').click();
    assert.deepEqual(await axe(tab), [], 'the question before leaving');
    await tab.getByRole('alertdialog').getByRole('button', { name: await word(tab, 'leave') }).click();
    await tab.getByRole('button', { name: 'Start guided mode' }).click();
    assert.deepEqual(await axe(tab), [], 'the offer to carry on');
    await tap(tab, await word(tab, 'resume', { step: 2 }));
    await tab.clock.runFor(Number(s2.window) * 1000);
    assert.equal(await title(tab), await word(tab, 'ask-title'));
    assert.deepEqual(await axe(tab), [], 'the question after a window');
    await close();
  });
}

// WCAG's contrast ratio of two CSS colours, as the browser computes them.
function contrastIn(tab, pairs) {
  return tab.evaluate((list) => {
    const probe = document.createElement('span');
    document.body.append(probe);
    const rgb = (colour) => {
      probe.style.color = colour;
      return getComputedStyle(probe).color.match(/[\d.]+/g).slice(0, 3).map(Number);
    };
    const lum = (c) => {
      const [r, g, b] = rgb(c).map((v) => v / 255).map((v) => (v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const out = list.map(([what, a, b]) => {
      const [x, y] = [lum(a), lum(b)].sort((m, n) => n - m);
      return [what, (x + 0.05) / (y + 0.05), lum(b)];
    });
    probe.remove();
    return out;
  }, pairs);
}

/** Exit during a countdown asks; guided mode resumes at the same step, key and deadline. */
async function exitAndResume(folder, size) {
  const { tab, close } = await phoneAt(folder, size);
  const steps = await stepsOf(tab);
  const [s1, s2, s3, s4] = steps;
  await tap(tab, s1.doneLabel);
  await tap(tab, s2.startLabel);
  await tap(tab, s2.doneLabel);
  await tap(tab, s3.doneLabel);
  await tab.clock.runFor(2000);
  const exit = tab.locator('.guided-exit');
  await exit.click();
  const confirm = tab.getByRole('alertdialog');
  assert.equal(await confirm.isVisible(), true, 'Exit during a window asks');
  await confirm.getByRole('button', { name: await word(tab, 'stay') }).click();
  assert.equal(await confirm.isVisible(), false);
  assert.equal(await tab.locator('.guided-seconds').innerText(), String(Number(s4.window) - 2), 'the window went on');

  await exit.click();
  await confirm.getByRole('button', { name: await word(tab, 'leave') }).click();
  assert.equal(await tab.locator('.guided').isVisible(), false, 'left');
  await tab.clock.runFor(3000);
  await tab.locator('.guided-start-button').click();
  assert.equal(await title(tab), await word(tab, 'resume-title'));
  await tap(tab, await word(tab, 'resume', { step: 4 }));
  assert.equal(await title(tab), await word(tab, 'step-of', { step: 4, total: steps.length }));
  assert.equal(await tab.locator('.guided-seconds').innerText(), String(Number(s4.window) - 5), 'the same deadline');

  // Left again, and back after the window's end: the question, not a countdown.
  await exit.click();
  await confirm.getByRole('button', { name: await word(tab, 'leave') }).click();
  await tab.clock.runFor(10000);
  await tab.reload();
  // The page's scripts load after its first paint, on timers: the fake clock runs them.
  while (!await tab.evaluate(() => document.documentElement.hasAttribute('data-ready'))) await tab.clock.runFor(100);
  await tab.locator('.guided-start-button').click();
  await tap(tab, await word(tab, 'resume', { step: 4 }));
  assert.equal(await title(tab), await word(tab, 'ask-title'), 'a reload keeps the session too');
  await close();
}

/** Step 5's answers: nothing at all and only locked are a new try that says so; something else asks what fits. */
async function stepFiveAnswers(folder, size) {
  const { tab, close } = await phoneAt(folder, size);
  const steps = await stepsOf(tab);
  const answers = steps[4].failLabels.split('\n');
  assert.equal(answers.length, 3, `three answers: ${answers}`);
  const toStepFive = async () => {
    for (const [i, step] of steps.slice(0, 3).entries()) {
      if (step.startLabel) await tap(tab, step.startLabel);
      await tap(tab, step.doneLabel);
      assert.notEqual(await title(tab), await word(tab, 'ask-title'), `step ${i + 1}`);
    }
    await settled(tab);
    for (let i = 0; i < Number(steps[3].presses); i += 1) await tab.locator('.guided-tap').click();
  };
  for (const [i, answer] of answers.entries()) {
    await toStepFive();
    await tap(tab, answer);
    const status = await statusText(tab);
    assert.ok(status.includes(answer), `the answer is named: ${status}`);
    const last = i === answers.length - 1;
    assert.equal(await tab.locator('.guided-choices a').count() > 0, last, `${answer}: the troubleshooting questions ${last ? 'follow' : 'wait'}`);
    assert.equal(await title(tab), last ? await word(tab, 'still-failing', { count: i + 1 }) : await word(tab, 'try-failed', { count: i + 1 }));
    await tap(tab, await word(tab, 'restart-button', { step: 1 }));
  }
  await close();
}

/** The end: every key working says you are done and nothing else; a key that does not leads to its answers. */
async function endScreen(folder, size) {
  const { tab, close } = await phoneAt(folder, size);
  const steps = await stepsOf(tab);
  for (const step of steps.slice(0, 3)) {
    if (step.startLabel) await tap(tab, step.startLabel);
    await tap(tab, step.doneLabel);
  }
  await settled(tab);
  for (let i = 0; i < 3; i += 1) await tab.locator('.guided-tap').click();
  await tap(tab, steps[4].doneLabel);
  await tap(tab, await word(tab, 'finish'));
  await tap(tab, steps[6].doneLabel);
  await settled(tab);
  await tab.getByRole('radio', { name: await word(tab, 'works'), exact: true }).check();
  // Nothing but the question, the keys and the verdict: no sentence about starting again.
  assert.equal(await tab.locator('.guided-verdict').innerText(), await word(tab, 'all-done'));
  assert.deepEqual(await tab.locator('.guided-text > p').allInnerTexts(), [await word(tab, 'check-keys')]);
  assert.ok(!(await tab.locator('.guided-body').innerText()).includes(await word(tab, 'restart', { step: 1 })));
  assert.deepEqual(await tab.locator('.guided-actions button').allInnerTexts(), [await word(tab, 'close')]);

  await tab.getByRole('radio', { name: await word(tab, 'does-not-work'), exact: true }).check();
  const links = await tab.locator('.guided-verdict a').evaluateAll((as) => as.map((a) => new URL(a.href).hash));
  assert.ok(links.includes('#a-spare-key-that-sat-unused') && links.includes('#only-one-key-works-afterwards'), `${links}`);
  // The question and the entries only: no claim about the session.
  assert.deepEqual(await tab.locator('.guided-verdict p').allInnerTexts(), [await word(tab, 'key-help')]);
  await close();
}

/** At night the figures are dark, and every mark and the tap ring keep 3 : 1 (at step 4, one press lit). */
async function assertNightFigures(tab, where) {
  const colours = await tab.evaluate(() => {
    const style = (s) => getComputedStyle(document.querySelector(`.guided ${s}`));
    const tile = style('.step-figure').backgroundColor;
    return {
      tile,
      page: getComputedStyle(document.querySelector('.guided')).backgroundColor,
      held: style('.mark-held').stroke,
      pressed: style('.mark-pressed').stroke,
      count: style('.mark-count').fill,
      pip: style('.pip:not(.lit)').stroke,
      lit: style('.pip.lit').fill,
      ring: style('.guided-tap').borderTopColor,
    };
  });
  const ratios = await contrastIn(tab, [
    ...['held', 'pressed', 'count', 'pip', 'lit'].map((mark) => [mark, colours[mark], colours.tile]),
    ['tap ring', colours.ring, colours.page],
  ]);
  assert.ok(ratios[0][2] < 0.05, `${where}: the tile is dark: ${colours.tile}`);
  for (const [what, ratio] of ratios) assert.ok(ratio >= 3, `${where}: ${what}: ${ratio.toFixed(2)} : 1`);
}
