// Guided mode's session rules, apart from any screen (guided-mode.js draws them).
//
// A session is the steps before the loop once, the loop for each key, the steps after it once.
// Programming wipes every key not done in the same session, so any failure, on any key, starts a
// new session at the first step and the first key. A place in a session is
// { index, key, repeat, late }: the step's index, the key being done, whether the loop has come
// back for another key, and whether the step's window began with an earlier step whose end was
// not tapped. Pure: tests/e2e/session.test.mjs runs it in node, without a browser.
'use strict';

window.MiniSession = function session(steps) {
  // The loop's own step ("another key?"), and the step it goes back to.
  const loop = steps.findIndex((s) => s.repeatFrom);
  const loopStart = steps.findIndex((s) => s.number === steps[loop]?.repeatFrom);
  // After this many failed tries, questions that lead to the troubleshooting answer that fits.
  const TRIES = 3;

  return {
    loop,
    start: () => ({ index: 0, key: 1 }),
    /** What a place shows: a step, the loop's question, or the check of every key at the end. */
    kind: (at) => (at.index >= steps.length ? 'check' : at.index === loop ? 'loop' : 'step'),
    /** The step done: the next one, for the same key. `late`: its end was not tapped. */
    next: (at, late) => ({ index: at.index + 1, key: at.key, repeat: at.repeat, late }),
    anotherKey: (at) => ({ index: loopStart, key: at.key + 1, repeat: true }),
    finish: (at) => ({ index: loop + 1, key: at.key }),
    /** The loop's first step, come back to for another key: the step's words for a repeat. */
    again: (at) => Boolean(at.repeat) && at.index === loopStart,
    /**
     * The seconds the step's countdown shows on its screen, or 0. A window with no tap of its own
     * starts with the step, counted from the tap that ended the step before it; on a repeat for
     * another key that tap did not happen again, and after an untapped window nobody knows when
     * it began: no countdown of ours then.
     */
    timer(at) {
      const step = steps[at.index];
      return step.startLabel || this.startsNow(at) ? step.window : 0;
    },
    startsNow(at) {
      const step = steps[at.index];
      return Boolean(step.window && !step.startLabel && !this.again(at) && !at.late);
    },
    /** The key being done, shown while keys are done: not after the loop, nor once a try failed. */
    onKey: (at, phase) => (loop >= 0 && at.index <= loop && !['over', 'resume'].includes(phase) ? at.key : 0),
    /** Keys programmed earlier in this session, which a failure wipes. */
    wiped: (at) => at.key - 1,
    /** After a failure: the questions (after three tries, or asked for at once), or a retry. */
    questions: (failures, asked) => asked || failures >= TRIES,
    /** What to keep for coming back: nothing at the very start, nor once a try failed or ended. */
    kept: (at) => ((at.index > 0 || at.key > 1) && at.phase !== 'over' ? at : null),
    /** The step a kept session resumes at. */
    resumesAt: (saved) => steps[Math.min(saved.index, steps.length - 1)],
    /** A kept window that has ended, or was asked about: resuming asks whether it was done. */
    resumeAsks: (saved, now) => saved.phase === 'asked' || (saved.phase === 'timing' && !(saved.deadline > now)),
    /** Resumed during its window: the same deadline as before. */
    deadline: (at, now) => (at.phase === 'timing' && at.deadline > now ? at.deadline : undefined),
  };
};

/**
 * A session in progress, kept for this page in `storage()` (a function: where storage is blocked,
 * even reading `sessionStorage` throws), or in memory.
 */
window.MiniSession.keep = function keep(storage, page) {
  const NAME = 'mini-remote-fix-guided';
  let unsaved = null;
  return {
    save(kept) {
      unsaved = kept;
      try {
        if (kept) storage().setItem(NAME, JSON.stringify({ page, ...kept }));
        else storage().removeItem(NAME);
      } catch {
        // storage blocked: `unsaved` keeps it while the page is open
      }
    },
    load() {
      try {
        const saved = JSON.parse(storage().getItem(NAME));
        return saved?.page === page ? saved : null;
      } catch {
        return unsaved;
      }
    },
  };
};
