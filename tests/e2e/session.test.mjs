// theme/guided/session.js on its own, without a browser: guided mode's session rules, run over the
// procedure as the built page gives it (its steps' windows, start taps and loop), so the rules
// are tested against the real procedure, not a copy of it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import vm from 'node:vm';
import { bookDir } from './site.mjs';

const SOURCE = readFileSync(new URL('../../theme/guided/session.js', import.meta.url), 'utf8');

/** The session rules, run as the page runs them. */
function loadSession() {
  const window = {};
  vm.runInNewContext(SOURCE, { window });
  return window.MiniSession;
}

/** The procedure's steps as guided mode reads them (procedure.js), from the built page's list. */
function builtSteps() {
  const html = readFileSync(`${bookDir}/procedure.html`, 'utf8');
  return [...html.matchAll(/<li id="step-\d+"([^>]*)>/g)].map(([, attributes]) => {
    const data = (name) => attributes.match(new RegExp(` data-${name}="([^"]*)"`))?.[1];
    return {
      number: Number(data('step')),
      window: Number(data('window') || 0),
      startLabel: data('start-label'),
      repeatFrom: Number(data('repeat-from') || 0),
    };
  });
}

// Objects made in the script's own context: compared by their fields.
const plain = (value) => JSON.parse(JSON.stringify(value));

const Session = loadSession();
const steps = builtSteps();
const session = Session(steps);
const loopStep = steps[session.loop];
const firstRepeated = steps.findIndex((s) => s.number === loopStep.repeatFrom);
const windowed = steps.filter((s) => s.window);

test('the built procedure has what these rules are about: windows, a start tap, a loop', () => {
  assert.ok(session.loop > 0, 'a step that loops back for further keys');
  assert.ok(firstRepeated > 0 && firstRepeated < session.loop);
  assert.ok(windowed.some((s) => s.startLabel) && windowed.some((s) => !s.startLabel));
});

test('a session: the steps before the loop once, the loop for each key, the steps after it once, then the check', () => {
  let at = session.start();
  const walked = [];
  const walk = () => {
    while (session.kind(at) === 'step') {
      walked.push(`${steps[at.index].number}/${at.key}`);
      at = session.next(at);
    }
  };
  walk();
  assert.equal(session.kind(at), 'loop');
  at = session.anotherKey(at);
  assert.equal(at.key, 2);
  assert.equal(at.index, firstRepeated);
  walk();
  assert.equal(session.kind(at), 'loop');
  at = session.finish(at);
  walk();
  assert.equal(session.kind(at), 'check');
  assert.equal(at.key, 2, 'the check asks about every key of the session');
  const before = steps.slice(0, firstRepeated).map((s) => `${s.number}/1`);
  const loop = (key) => steps.slice(firstRepeated, session.loop).map((s) => `${s.number}/${key}`);
  const after = steps.slice(session.loop + 1).map((s) => `${s.number}/2`);
  assert.deepEqual(walked, [...before, ...loop(1), ...loop(2), ...after]);
});

test('a countdown shows only when it is true: from a start tap, or from the tap that ended the step before', () => {
  for (const [index, step] of steps.entries()) {
    const first = { index, key: 1 };
    if (!step.window) {
      assert.equal(session.timer(first), 0, `step ${step.number} has no window`);
      continue;
    }
    assert.equal(session.timer(first), step.window, `step ${step.number}: its window`);
    assert.equal(session.startsNow(first), !step.startLabel, `step ${step.number} starts ${step.startLabel ? 'on its tap' : 'with its screen'}`);
    // After a window that ended untapped, nobody knows when this one began.
    const late = { ...first, late: true };
    assert.equal(session.startsNow(late), false);
    assert.equal(session.timer(late), step.startLabel ? step.window : 0);
  }
  // Back at the loop's first step for another key, the tap its window counts from did not happen again.
  const again = { index: firstRepeated, key: 2, repeat: true };
  assert.equal(session.again(again), true);
  assert.equal(session.again({ index: firstRepeated, key: 1 }), false);
  if (!steps[firstRepeated].startLabel) assert.equal(session.timer(again), 0);
});

test('a failure, on any key, starts a new session at the first step and the first key, and says what it wipes', () => {
  assert.deepEqual(plain(session.start()), { index: 0, key: 1 });
  assert.equal(session.wiped({ index: firstRepeated, key: 1 }), 0);
  assert.equal(session.wiped({ index: firstRepeated, key: 3 }), 2, 'keys 1 and 2, done earlier, must be done again');
  assert.equal(session.questions(1, false), false);
  assert.equal(session.questions(2, false), false);
  assert.equal(session.questions(3, false), true, 'after three tries, the questions');
  assert.equal(session.questions(1, true), true, '"something else": the questions at once');
});

test('the key being done shows while keys are done, not after the loop, nor once a try failed', () => {
  assert.equal(session.onKey({ index: 0, key: 1 }, 'ready'), 1);
  assert.equal(session.onKey({ index: session.loop, key: 2 }, 'ready'), 2);
  assert.equal(session.onKey({ index: session.loop + 1, key: 2 }, 'ready'), 0);
  assert.equal(session.onKey({ index: firstRepeated, key: 2 }, 'over'), 0);
  assert.equal(session.onKey({ index: firstRepeated, key: 2 }, 'resume'), 0);
});

test('what is kept to come back to: a session under way, not its very start, not a failed or finished one', () => {
  assert.equal(session.kept({ index: 0, key: 1, phase: 'ready' }), null);
  assert.equal(session.kept({ index: 2, key: 1, phase: 'over' }), null);
  const under = { index: 2, key: 1, phase: 'timing', deadline: 5000 };
  assert.deepEqual(session.kept(under), under);
  assert.deepEqual(session.kept({ index: 0, key: 2, phase: 'ready' }), { index: 0, key: 2, phase: 'ready' });
  assert.equal(session.resumesAt({ index: steps.length + 3 }), steps.at(-1));
  // A window still running resumes toward its own deadline; one that has ended asks.
  assert.equal(session.resumeAsks(under, 4000), false);
  assert.equal(session.deadline(under, 4000), 5000);
  assert.equal(session.resumeAsks(under, 5000), true);
  assert.equal(session.deadline(under, 5000), undefined);
  assert.equal(session.resumeAsks({ ...under, phase: 'asked' }, 0), true);
});

test('a kept session is kept for its own page, and in memory where storage is blocked', () => {
  const items = new Map();
  const storage = { setItem: (k, v) => items.set(k, v), getItem: (k) => items.get(k) ?? null, removeItem: (k) => items.delete(k) };
  const kept = Session.keep(() => storage, '/procedure.html');
  kept.save({ index: 3, key: 2 });
  assert.deepEqual(plain(kept.load()), { page: '/procedure.html', index: 3, key: 2 });
  assert.equal(Session.keep(() => storage, '/de/procedure.html').load(), null, 'another page');
  kept.save(null);
  assert.equal(kept.load(), null);

  const blocked = Session.keep(() => { throw new Error('SecurityError'); }, '/procedure.html');
  assert.equal(blocked.load(), null);
  blocked.save({ index: 3, key: 2 });
  assert.deepEqual(plain(blocked.load()), { index: 3, key: 2 });
});
