// theme/guided/countdown.js on its own, without a browser: it is pure logic over timestamps.
// Node's mock timers move Date.now() and the interval together, or Date.now() alone (a phone that
// slept), and the countdown must say the whole seconds left, and end once.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import vm from 'node:vm';

const SOURCE = readFileSync(new URL('../../theme/guided/countdown.js', import.meta.url), 'utf8');

/** The Countdown class, run as the page runs it, with the test's clock and timers. */
function loadCountdown() {
  const window = {};
  vm.runInNewContext(SOURCE, { window, Date, setInterval, clearInterval });
  return window.MiniCountdown;
}

/** Moves the mocked clock by `ms`, 100 ms at a time, so the interval fires as it would. */
function advance(t, ms) {
  for (let passed = 0; passed < ms; passed += 100) t.mock.timers.tick(Math.min(100, ms - passed));
}

/** A countdown of `seconds` that records every tick and its end. */
function started(seconds) {
  const Countdown = loadCountdown();
  const ticks = [];
  let ended = 0;
  const countdown = new Countdown(seconds, { onTick: (left) => ticks.push(left), onExpire: () => { ended += 1; } });
  countdown.start();
  return { countdown, ticks, ended: () => ended };
}

test('counts whole seconds down from the window and ends once', (t) => {
  t.mock.timers.enable({ apis: ['setInterval', 'Date'], now: 0 });
  const { countdown, ticks, ended } = started(5);
  assert.deepEqual(ticks, [5], 'the full window shows at once');
  advance(t, 900);
  assert.deepEqual(ticks, [5], '"5" until a whole second has passed');
  advance(t, 100);
  assert.deepEqual(ticks, [5, 4]);
  advance(t, 4000);
  assert.deepEqual(ticks, [5, 4, 3, 2, 1, 0]);
  assert.equal(ended(), 1);
  assert.equal(countdown.running(), false);
  advance(t, 5000);
  assert.equal(ended(), 1, 'it ends once');
});

test('reads the clock, not its ticks: a phone that slept wakes up on time', (t) => {
  t.mock.timers.enable({ apis: ['setInterval', 'Date'], now: 0 });
  const { countdown, ticks } = started(30);
  // 20 s pass on the wall clock while no interval runs (a locked screen).
  t.mock.timers.setTime(20_000);
  countdown.update(); // what the page does when it becomes visible again
  assert.deepEqual(ticks, [30, 10]);
  assert.equal(countdown.left(), 10);
});

test('stop ends the window without its end', (t) => {
  t.mock.timers.enable({ apis: ['setInterval', 'Date'], now: 0 });
  const { countdown, ticks, ended } = started(10);
  advance(t, 3000);
  countdown.stop();
  advance(t, 10_000);
  assert.deepEqual(ticks, [10, 9, 8, 7]);
  assert.equal(ended(), 0);
});

test('started toward an earlier deadline (guided mode resumed), it counts what is left of it', (t) => {
  t.mock.timers.enable({ apis: ['setInterval', 'Date'], now: 0 });
  const Countdown = loadCountdown();
  const ticks = [];
  const countdown = new Countdown(10, { onTick: (left) => ticks.push(left), onExpire: () => ticks.push('end') });
  t.mock.timers.setTime(6_500); // the window began at 0; the reader left and came back
  countdown.start(10_000);
  assert.deepEqual(ticks, [4]);
  advance(t, 3700); // to the first check after the deadline
  assert.deepEqual(ticks, [4, 3, 2, 1, 0, 'end']);
});
