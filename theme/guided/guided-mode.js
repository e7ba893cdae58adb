// Guided mode: the procedure one step per screen, with a countdown for each timing window, made
// for the reader whose first try fails. Without JavaScript the page keeps the plain list.
//
// This file holds the screens. What it knows of the procedure is procedure.js's reading of the
// page; the session's rules (what comes next, what a failure wipes) are session.js's; the dialog,
// its bar and how it opens and leaves are dialog.js's. The phone cannot see the car: a window
// that ends without the reader's tap asks whether it was done in time.
'use strict';

(function () {
  const list = document.querySelector('ol.procedure');
  if (!list || !window.MiniCountdown) return;

  const words = window.MiniWords; // the page's words (theme/book.js, theme/index.hbs)
  const cues = window.MiniCues; // sound-and-voice.js

  const steps = window.MiniProcedure(list, words); // procedure.js
  const session = window.MiniSession(steps);
  const kept = window.MiniSession.keep(() => sessionStorage, location.pathname);
  // Where to restart, in the procedure page's words (a test holds the two equal).
  const RESTART = words('restart', { step: steps[0].number });
  // The troubleshooting answers a stuck reader is sent to.
  const HELP = `${document.documentElement.dataset.pathToRoot || ''}troubleshooting.html`;
  const SPARE = [words('choice-spare'), '#a-spare-key-that-sat-unused'];
  const CAREFUL = [words('choice-careful'), '#still-nothing-after-several-attempts'];
  const CHOOSER = [SPARE, [words('choice-never'), '#one-variant-to-try'], CAREFUL];
  // A key that does not answer at the end: the entries about one key.
  const KEY_HELP = [SPARE, [words('only-one-works'), '#only-one-key-works-afterwards'], CAREFUL];

  // ---- State ------------------------------------------------------------------------------

  // The screen: a place in the session (session.js) with phase 'ready'|'timing'|'asked'|'over'|
  // 'resume', the reader's taps along the presses and the window's deadline.
  let state = null;
  let failures = 0; // failed tries while the page is open
  let countdown = null;

  const view = window.MiniDialog({
    words,
    cues,
    onOpen: () => {
      const saved = kept.load();
      if (saved) showResume(saved);
      else newSession();
    },
    onClose: () => {
      stopCountdown();
      state = null;
    },
    running: () => Boolean(countdown?.running()),
  });
  const { ui, element, addAction, speakScreen } = view;

  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') countdown?.update();
  });

  function save() {
    kept.save(session.kept(state));
  }

  function showResume(saved) {
    const step = session.resumesAt(saved);
    state = { index: saved.index, key: saved.key, phase: 'resume' };
    render({
      title: words('resume-title'),
      html: `<p>${words('resume-where', { step: step.number, total: steps.length, key: saved.key })}</p>`,
    });
    addRestart('secondary');
    // A window that was running goes on to its own end, or asks if that has passed.
    addAction(words('resume', { step: step.number }), () => {
      if (session.resumeAsks(saved, Date.now())) {
        state = { ...saved, taps: 0 };
        ask(steps[saved.index]);
      } else {
        show(saved);
      }
    });
  }

  // ---- Screens ------------------------------------------------------------------------------

  function render(screen) {
    stopCountdown();
    view.render({ key: session.onKey(state, state.phase), ...screen });
  }

  function newSession() {
    show(session.start());
  }

  /** A step's screen, or the loop's question, or the check of every key after the last step. */
  function show(next) {
    state = { index: next.index, key: next.key, repeat: next.repeat, late: next.late, phase: 'ready', taps: 0 };
    const kind = session.kind(state);
    if (kind === 'check') return showCheck();
    if (kind === 'loop') return showLoopChoice();
    const step = steps[state.index];
    render({
      title: words('step-of', { step: step.number, total: steps.length }),
      html: session.again(state) && step.again ? step.again : step.html,
      status: next.late && step.window ? words('straight-on', { seconds: step.window }) : next.status,
      figure: step.figure,
      brief: step.brief,
    });
    showTimer(session.timer(state));
    save();
    const resumed = session.deadline(next, Date.now());
    renderActions();
    view.fit();
    if (session.startsNow(state) || resumed) startWindow(resumed);
    speakScreen();
  }

  function showTimer(seconds) {
    ui.timer.hidden = !seconds;
    ui.seconds.textContent = seconds;
    ui.timerLabel.textContent = words('seconds-for-step');
    ui.meterFill.style.transform = 'scaleX(1)';
  }

  // The step's answers, then the button that goes on, last (dialog.js, addAction).
  function renderActions() {
    const step = steps[state.index];
    if (step.window && step.startLabel && state.phase === 'ready') {
      addAction(step.startLabel, () => {
        startWindow();
        cues?.say(words('go'), true);
      });
      return;
    }
    if (step.presses) renderTapTarget(step);
    const answers = step.failLabels;
    answers.forEach((label, i) => addAction(label, () => answered(step, label, i > 0 && i === answers.length - 1), 'secondary'));
    addAction(step.doneLabel, () => advance(), step.presses ? 'secondary' : undefined);
  }

  // The press-counting step: a big target to tap along with each press. It is help, not a test:
  // a reader may press on the key alone, and the window's end then asks what the doors did.
  function renderTapTarget(step) {
    ui.tap.hidden = false;
    updateTapTarget(step);
    ui.tap.onclick = () => {
      state.taps += 1;
      // Each tap lights one of the figure's pips, one per press.
      ui.figure.querySelectorAll('.pip')[state.taps - 1]?.classList.add('lit');
      if (state.taps >= step.presses) return advance();
      updateTapTarget(step);
      ui.say.textContent = words('press-of', { count: state.taps, total: step.presses });
    };
  }

  function updateTapTarget(step) {
    ui.tap.replaceChildren(
      element('span', { class: 'guided-tap-count' }, words('count-of', { count: state.taps, total: step.presses })),
      element('span', { class: 'guided-tap-label' }, words('tap-each')),
    );
  }

  /** Starts the step's window, now or (on resuming) toward a deadline set earlier. */
  function startWindow(deadline) {
    const step = steps[state.index];
    stopCountdown();
    state.phase = 'timing';
    ui.timerLabel.textContent = words('seconds-left');
    // One word that stays true for the whole window; the spoken count is for screen readers.
    ui.status.textContent = words('go');
    countdown = new window.MiniCountdown(step.window, {
      onTick: (left) => {
        ui.seconds.textContent = left;
        ui.meterFill.style.transform = `scaleX(${left / step.window})`;
        if (left === step.window) {
          cues?.windowStart();
          ui.say.textContent = words('go-seconds', { seconds: left });
        } else if (left > 0 && left <= 3) {
          cues?.lastSeconds();
        } else if (left === 10) {
          ui.say.textContent = words('ten-left');
        }
      },
      onExpire: () => windowOver(step),
    });
    countdown.start(deadline);
    state.deadline = countdown.deadline;
    save();
    // The tap that started the window gives way to the step's own buttons; a step whose window
    // starts with it already shows them (show).
    if (step.startLabel) {
      ui.actions.replaceChildren();
      renderActions();
    }
    view.settle();
    view.expand(false);
    (step.presses ? ui.tap : ui.actions.lastChild)?.focus();
  }

  function windowOver(step) {
    cues?.windowEnd();
    navigator.vibrate?.(200);
    // Pressing on the key without tapping along is doing it right: ask what the doors did.
    if (step.presses) advance(words('presses-over', { seconds: step.window }));
    else ask(step);
  }

  // The phone cannot see the car: the reader may have done it and had no hand free to tap.
  function ask(step) {
    const over = words('window-over', { step: step.number, seconds: step.window }); // which window
    state.phase = 'asked';
    render({
      title: words('ask-title'),
      html: `<p>${words('ask-text', { step: step.number, seconds: step.window })}</p>`,
      status: over,
      figure: step.figure,
    });
    save();
    addAction(words('ask-no'), () => fail(over, step.hint || words('tricky')), 'secondary');
    addAction(words('ask-yes'), () => show(session.next(state, true)));
    speakScreen();
  }

  function stopCountdown() {
    countdown?.stop();
    countdown = null;
  }

  function advance(status) {
    show({ ...session.next(state), status });
  }

  // ---- When it did not work -------------------------------------------------------------------

  /** A "did not work" answer: the last of several is "something else", for the questions. */
  function answered(step, label, somethingElse) {
    const status = `${words('answer', { step: step.number, answer: label })} ${words('not-programmed')}`;
    fail(status, words('tricky'), somethingElse);
  }

  /** A failed try: a window was missed, or the doors did not lock and unlock. */
  function fail(status, hint, asked = false) {
    failures += 1;
    const done = session.wiped(state); // keys programmed earlier in this session, now to be redone
    state.phase = 'over';
    save();
    if (session.questions(failures, asked)) return showChooser(status);
    render({
      title: words('try-failed', { count: failures }),
      html: `<p>${hint}</p><p><strong>${RESTART}</strong>${
        done ? ` ${words(done > 1 ? 'wipes-keys' : 'wipes-key', { count: done })}` : ''}</p>`,
      status,
      alert: true,
    });
    addRestart();
    ui.actions.lastChild.focus();
    speakScreen();
  }

  function addRestart(kind) {
    addAction(words('restart-button', { step: steps[0].number }), newSession, kind);
  }

  function links(pairs) {
    const choices = element('ul', { class: 'guided-choices' });
    for (const [label, anchor] of pairs) {
      choices.append(element('li'));
      choices.lastChild.append(element('a', { href: HELP + anchor }, label));
    }
    return choices;
  }

  function showChooser(status) {
    render({ title: words('still-failing', { count: failures }), html: `<p>${words('closest')}</p>`, status, alert: true });
    ui.text.append(links(CHOOSER), element('p', {}, `${words('once-more')} ${RESTART}`));
    addRestart('secondary');
    speakScreen();
  }

  // ---- The loop for further keys, and the end of the session -----------------------------------

  function showLoopChoice() {
    const loop = steps[session.loop];
    render({ title: words('key-programmed', { key: state.key }), html: loop.html, figure: loop.figure });
    save();
    addAction(words('finish'), () => show(session.finish(state)), 'secondary');
    addAction(words('another-key'), () => show(session.anotherKey(state)));
    speakScreen();
  }

  // Every key, tried after the last step (check.js).
  function showCheck() {
    state.phase = 'over'; // the session is complete: nothing to resume
    save();
    render({ title: words('try-every-key'), html: `<p>${words('check-keys')}</p>` });
    window.MiniCheck(view, words, { keys: state.key, keyHelp: () => links(KEY_HELP), restart: addRestart });
    speakScreen();
  }

  view.openFromLink();
})();
