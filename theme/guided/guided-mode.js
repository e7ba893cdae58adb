// Guided mode: the procedure one step per screen, with a countdown for each timing window, made
// for the reader whose first try fails. All it knows of the procedure comes from the list the
// preprocessor wrote (crates/mdbook-procedure): windows, presses, the loop for further keys, the
// words on its buttons, each step in one line. Without JavaScript the page keeps the plain list.
//
// A session is the steps before the loop once, the loop for each key, the steps after it once.
// Programming wipes every key not done in the same session, so any failure, on any key, starts a
// new session at the first step and the first key, and the screen says why. The phone cannot see
// the car: a window that ends without the reader's tap asks whether it was done in time.
'use strict';

(function () {
  const list = document.querySelector('ol.procedure');
  if (!list || !window.MiniCountdown) return;

  const HASH = '#guided';
  const words = window.MiniWords; // the page's words (theme/book.js, theme/index.hbs)
  const cues = window.MiniCues; // sound-and-voice.js
  // A new screen ignores taps this long, so a double tap cannot answer the next screen too.
  const SETTLE_MS = 400;
  // Where a session in progress is kept, so leaving (or the phone reloading the tab) can resume.
  const SAVED = 'mini-remote-fix-guided';

  // ---- The procedure, read from the page -------------------------------------------------

  const steps = Array.from(list.querySelectorAll(':scope > li[data-step]'), (li) => {
    const d = li.dataset;
    return {
      number: Number(d.step),
      window: Number(d.window || 0),
      presses: Number(d.presses || 0),
      repeatFrom: Number(d.repeatFrom || 0),
      startLabel: d.startLabel,
      doneLabel: d.doneLabel || words('done'),
      failLabels: d.failLabels ? d.failLabels.split('\n') : [],
      brief: d.brief || '',
      hint: d.hint || '',
      again: d.again,
      figure: li.querySelector('.step-figure')?.outerHTML || '',
      html: withoutLinks(li),
    };
  });
  const loopIndex = steps.findIndex((s) => s.repeatFrom);
  const loopStart = steps.findIndex((s) => s.number === steps[loopIndex]?.repeatFrom);

  // Where to restart, in the procedure page's words (a test holds the two equal).
  const RESTART = words('restart', { step: steps[0].number });
  const HELP = `${document.documentElement.dataset.pathToRoot || ''}troubleshooting.html`;
  // After this many failed tries, questions that lead to the troubleshooting answer that fits.
  const TRIES = 3;
  const SPARE = [words('choice-spare'), '#a-spare-key-that-sat-unused'];
  const CAREFUL = [words('choice-careful'), '#still-nothing-after-several-attempts'];
  const CHOOSER = [SPARE, [words('choice-never'), '#one-variant-to-try'], CAREFUL];
  // A key that does not answer at the end: the troubleshooting entries about one key.
  const KEY_HELP = [SPARE, [words('only-one-works'), '#only-one-key-works-afterwards'], CAREFUL];

  // Links inside a step would lead away from guided mode: keep their words only. Leave out the
  // share button the page adds to a step, and the figure, which guided mode shows large.
  function withoutLinks(li) {
    const copy = li.cloneNode(true);
    copy.querySelectorAll('a').forEach((a) => a.replaceWith(...a.childNodes));
    copy.querySelectorAll('button, .step-figure').forEach((el) => el.remove());
    return copy.innerHTML;
  }

  // ---- State ------------------------------------------------------------------------------

  // The screen: { index, key, repeat, phase: 'ready'|'timing'|'asked'|'over', taps, deadline }.
  let state = null;
  let failures = 0; // failed tries while the page is open
  let countdown = null;
  let pushedHistory = false;
  let returnTo = { focus: null, scroll: 0 };
  let wakeLock = null;
  let settledAt = -Infinity;
  let unsaved = null; // the session in progress where storage is blocked

  // ---- The dialog ---------------------------------------------------------------------------

  const dialog = element('div', {
    class: 'guided',
    role: 'dialog',
    'aria-modal': 'true',
    'aria-labelledby': 'guided-title',
    hidden: '',
  });
  // The bar is one row on the narrowest phone: icons, named for screen readers. The markup is
  // written without indentation: every byte of it reaches the phone.
  const icon = (path) => `<svg viewBox="0 0 24 24" aria-hidden="true"><path d="${path}"/></svg>`;
  const iconButton = (attributes, name, path) => `<button type="button" ${attributes} aria-label="${words(name)}">${icon(path)}</button>`;
  dialog.innerHTML = '<div class="guided-bar"><span class="guided-progress"></span>'
    + iconButton('class="guided-toggle" data-cue="sound"', 'sound', 'M3 9h4l5-5v16l-5-5H3zm11-1a5 5 0 0 1 0 8v-2a3 3 0 0 0 0-4z')
    + iconButton('class="guided-toggle" data-cue="voice"', 'voice', 'M3 3h18v13H10l-6 5v-5H3zm4 4v2h10V7zm0 4v2h7v-2z')
    + iconButton('class="guided-exit"', 'exit', 'M4 6l2-2 6 6 6-6 2 2-6 6 6 6-2 2-6-6-6 6-2-2 6-6z')
    + '</div><div class="guided-body">'
    + '<h2 id="guided-title" class="guided-title" tabindex="-1"></h2><p class="guided-key"></p>'
    + '<p class="guided-status" aria-live="assertive"></p><p class="guided-say visually-hidden" aria-live="assertive"></p>'
    + `<button type="button" class="guided-brief" aria-expanded="false"><span class="visually-hidden">${words('whole-step')}: </span>`
    + `<span class="guided-brief-text"></span>${icon('M5 8l7 7 7-7 1.4 1.4L12 17.8 3.6 9.4z')}</button>`
    + '<div class="guided-text"></div><div class="guided-show"><div class="guided-figure"></div><div class="guided-side">'
    + '<div class="guided-timer" role="timer" aria-labelledby="guided-timer-label"><span class="guided-seconds"></span>'
    + '<span id="guided-timer-label" class="guided-timer-label"></span>'
    + '<span class="guided-meter"><span class="guided-meter-fill"></span></span></div>'
    + '<button type="button" class="guided-tap"></button></div></div></div><div class="guided-actions"></div>'
    + '<div class="guided-confirm" role="alertdialog" aria-labelledby="guided-confirm-title" aria-describedby="guided-confirm-text" hidden>'
    + `<p id="guided-confirm-title" class="guided-confirm-title">${words('leave-title')}</p><p id="guided-confirm-text">${words('leave-text')}</p>`
    + `<button type="button" class="guided-action guided-secondary guided-leave">${words('leave')}</button>`
    + `<button type="button" class="guided-action guided-primary guided-stay">${words('stay')}</button></div>`;
  document.body.append(dialog);

  // ui.timerLabel is .guided-timer-label, and so on.
  const ui = Object.fromEntries(
    ['bar', 'progress', 'exit', 'body', 'title', 'key', 'status', 'say', 'text', 'brief', 'briefText',
      'timer', 'seconds', 'timerLabel', 'meterFill', 'figure', 'tap', 'actions', 'confirm', 'leave', 'stay']
      .map((name) => [name, dialog.querySelector(`.guided-${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`)]),
  );

  function element(tag, attributes = {}, text = '') {
    const el = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
    el.textContent = text;
    return el;
  }

  // ---- Sound and Read aloud: opt-in switches, shown only where the phone can do it ----------

  for (const toggle of dialog.querySelectorAll('.guided-toggle')) {
    const name = toggle.dataset.cue;
    toggle.hidden = !cues?.can(name);
    toggle.setAttribute('aria-pressed', String(Boolean(cues?.isOn(name))));
    toggle.addEventListener('click', () => {
      const on = toggle.getAttribute('aria-pressed') !== 'true';
      if (!cues.set(name, on)) {
        announce(words('no-voice'));
        return;
      }
      toggle.setAttribute('aria-pressed', String(on));
      // Inside this tap: iOS speaks only after a first utterance made in one.
      if (on) name === 'voice' ? speakScreen() : cues.windowStart();
    });
  }
  // Browsers start sound and speech only from a tap: every tap in guided mode counts.
  dialog.addEventListener('click', () => cues?.wake(), true);

  // A tap on a screen's answers just after the screen changed was meant for the screen before.
  dialog.addEventListener('click', (event) => {
    if (performance.now() - settledAt >= SETTLE_MS) return;
    if (!event.target.closest?.('.guided-body button, .guided-body input, .guided-body a, .guided-actions button')) return;
    event.preventDefault();
    event.stopImmediatePropagation();
  }, true);

  function settle() {
    settledAt = performance.now();
    dialog.dataset.settling = '';
    setTimeout(() => {
      if (performance.now() - settledAt >= SETTLE_MS - 1) delete dialog.dataset.settling;
    }, SETTLE_MS);
  }

  function speakScreen() {
    cues?.say([ui.title, ui.status, ui.text].map((el) => el.innerText.trim().replace(/\.$/, '')).filter(Boolean).join('. '), true);
  }

  // ---- The start control: a link to #guided that the preprocessor puts before the list ------

  const startButton = document.querySelector('.guided-start-button');
  startButton?.setAttribute('role', 'button');
  startButton?.addEventListener('click', (event) => {
    event.preventDefault();
    open({ fromLink: false });
  });

  // ---- Opening and leaving --------------------------------------------------------------------

  function open({ fromLink }) {
    if (!dialog.hidden) return;
    returnTo = { focus: document.activeElement, scroll: window.scrollY };
    if (!fromLink) {
      cues?.wake(); // a tap: sound and speech may start from it
      history.pushState({ guided: true }, '', HASH);
    }
    pushedHistory = !fromLink || history.state?.guided === true;
    dialog.hidden = false;
    document.documentElement.classList.add('guided-open');
    document.getElementById('body-container')?.setAttribute('inert', '');
    keepScreenOn();
    const saved = load();
    if (saved) showResume(saved);
    else newSession();
  }

  // Exit and Esc leave the way the back button does, so history stays as the reader expects.
  // During a countdown they ask first: a slip of the thumb must not end the window.
  function requestExit() {
    if (countdown?.running() && ui.confirm.hidden) return confirmLeave(true);
    confirmLeave(false);
    if (pushedHistory) {
      history.back();
    } else {
      history.replaceState(null, '', location.pathname + location.search);
      close();
    }
  }

  function confirmLeave(show) {
    ui.confirm.hidden = !show;
    for (const part of [ui.bar, ui.body, ui.actions]) part.inert = show;
    if (show) ui.stay.focus();
  }
  ui.leave.addEventListener('click', requestExit);
  ui.stay.addEventListener('click', () => {
    confirmLeave(false);
    ui.title.focus();
  });

  function close() {
    if (dialog.hidden) return;
    stopCountdown();
    confirmLeave(false);
    cues?.quiet();
    state = null;
    dialog.hidden = true;
    document.documentElement.classList.remove('guided-open');
    document.getElementById('body-container')?.removeAttribute('inert');
    wakeLock?.release().catch(() => {});
    wakeLock = null;
    window.scrollTo(0, returnTo.scroll);
    (returnTo.focus && document.contains(returnTo.focus) ? returnTo.focus : startButton)
      ?.focus({ preventScroll: true });
  }

  window.addEventListener('popstate', () => {
    if (location.hash === HASH) open({ fromLink: true });
    else close();
  });
  window.addEventListener('hashchange', () => {
    if (location.hash === HASH) open({ fromLink: true });
  });

  ui.exit.addEventListener('click', requestExit);

  dialog.addEventListener('keydown', (event) => {
    // mdBook's own shortcuts (arrows change page, "s" searches) must not act behind the dialog.
    event.stopPropagation();
    if (event.key === 'Escape') {
      event.preventDefault();
      if (ui.confirm.hidden) requestExit();
      else ui.stay.click();
    } else if (event.key === 'Tab') {
      trapFocus(event);
    }
  });

  function trapFocus(event) {
    const focusable = Array.from(dialog.querySelectorAll('button, [href], input'))
      .filter((el) => el.offsetParent !== null && !el.closest('[inert]'));
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    if (event.shiftKey && (document.activeElement === first || !dialog.contains(document.activeElement))) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  }

  // ---- A session in progress, kept for coming back to it ------------------------------------

  function save() {
    const { index, key, repeat, late, phase, deadline } = state;
    // Nothing to come back to at the very start, nor once a try failed (that starts afresh).
    const keep = (index > 0 || key > 1) && phase !== 'over' ? { index, key, repeat, late, phase, deadline } : null;
    unsaved = keep;
    try {
      if (keep) sessionStorage.setItem(SAVED, JSON.stringify({ page: location.pathname, ...keep }));
      else sessionStorage.removeItem(SAVED);
    } catch {
      // storage blocked: `unsaved` keeps it while the page is open
    }
  }

  function load() {
    try {
      const saved = JSON.parse(sessionStorage.getItem(SAVED));
      return saved?.page === location.pathname ? saved : null;
    } catch {
      return unsaved;
    }
  }

  function showResume(saved) {
    const step = steps[Math.min(saved.index, steps.length - 1)];
    state = { index: saved.index, key: saved.key, phase: 'resume' };
    render({
      title: words('resume-title'),
      html: `<p>${words('resume-where', { step: step.number, total: steps.length, key: saved.key })}</p>`,
    });
    addAction(words('restart-button', { step: steps[0].number }), newSession, 'secondary');
    // A window that was running goes on to its own end, or asks if that has passed.
    addAction(words('resume', { step: step.number }), () => {
      if (saved.phase === 'asked' || (saved.phase === 'timing' && !(saved.deadline > Date.now()))) {
        state = { ...saved, taps: 0 };
        ask(steps[saved.index]);
      } else {
        show(saved);
      }
    });
  }

  // ---- Staying awake and on time ------------------------------------------------------------

  async function keepScreenOn() {
    try {
      const lock = await navigator.wakeLock?.request('screen');
      // Closed while the phone was asked: let the screen sleep again.
      if (dialog.hidden) lock?.release().catch(() => {});
      else wakeLock = lock || null;
    } catch {
      wakeLock = null; // unsupported or refused: guided mode works without it
    }
  }

  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState !== 'visible' || dialog.hidden) return;
    countdown?.update();
    if (!wakeLock || wakeLock.released) keepScreenOn();
  });

  // ---- Fitting the screen -------------------------------------------------------------------

  // During a window, the step's buttons, the countdown and the button to go on must all show
  // without scrolling. A step with a window whose screen does not fit is laid out compact: its
  // one line stands in for its words, which are a tap away, and open while the reader has yet to
  // start the window. Compact from the step's first screen, so nothing moves as the window starts.
  function fit() {
    dialog.classList.remove('guided-compact');
    expand(false);
    const windowed = state && !ui.timer.hidden && !ui.brief.hidden;
    if (!windowed || ui.body.scrollHeight <= ui.body.clientHeight + 1) return;
    dialog.classList.add('guided-compact');
    expand(state.phase !== 'timing');
  }

  function expand(open) {
    dialog.classList.toggle('guided-expanded', open);
    ui.brief.setAttribute('aria-expanded', String(open));
  }

  ui.brief.addEventListener('click', () => expand(!dialog.classList.contains('guided-expanded')));
  window.addEventListener('resize', () => {
    footHeight = 0; // a turned phone lays the buttons out anew
    if (!dialog.hidden) fit();
  });

  // ---- Screens ------------------------------------------------------------------------------

  /** Shows a screen's title, words and status; its buttons are added after. */
  function render({ title, html, status = '', alert = false, figure = '', brief = '' }) {
    stopCountdown();
    // "Key 2" while keys are being done; not after the loop, nor once a try has failed.
    const onKey = loopIndex >= 0 && state.index <= loopIndex && !['over', 'resume'].includes(state.phase);
    ui.progress.textContent = onKey ? words('key', { key: state.key }) : '';
    ui.key.textContent = onKey && state.key > 1 ? words('key-reminder', { key: state.key }) : '';
    ui.key.hidden = !ui.key.textContent;
    ui.title.textContent = title;
    ui.text.innerHTML = html;
    ui.briefText.textContent = brief;
    ui.brief.hidden = !brief;
    ui.figure.innerHTML = figure;
    ui.status.textContent = status;
    ui.say.textContent = '';
    ui.status.classList.toggle('guided-alert', alert);
    ui.tap.hidden = true;
    ui.timer.hidden = true;
    ui.actions.replaceChildren();
    dialog.classList.remove('guided-compact');
    expand(false);
    settle();
    ui.title.focus();
  }

  function newSession() {
    show({ index: 0, key: 1 });
  }

  /** A step's screen. `late`: its window began with an earlier step whose end was not tapped. */
  function show(next) {
    state = { index: next.index, key: next.key, repeat: next.repeat, late: next.late, phase: 'ready', taps: 0 };
    if (state.index >= steps.length) return showCheck();
    if (state.index === loopIndex) return showLoopChoice();
    const step = steps[state.index];
    const again = state.repeat && state.index === loopStart;
    // A window with no tap of its own starts with the step, counted from the tap that ended the
    // step before it; on a repeat for another key that tap did not happen again, and after an
    // untapped window nobody knows when it began: no countdown of ours then.
    const startsNow = step.window && !step.startLabel && !again && !next.late;
    render({
      title: words('step-of', { step: step.number, total: steps.length }),
      html: again && step.again ? step.again : step.html,
      status: next.late && step.window ? words('straight-on', { seconds: step.window }) : next.status,
      figure: step.figure,
      brief: step.brief,
    });
    showTimer(startsNow || step.startLabel ? step.window : 0);
    save();
    // Resumed during its window: the same deadline as before.
    const resumed = next.phase === 'timing' && next.deadline > Date.now() ? next.deadline : undefined;
    renderActions();
    fit();
    if (startsNow || resumed) startWindow(resumed);
    speakScreen();
  }

  function showTimer(seconds) {
    ui.timer.hidden = !seconds;
    ui.seconds.textContent = seconds;
    ui.timerLabel.textContent = words('seconds-for-step');
    ui.meterFill.style.transform = 'scaleX(1)';
  }

  // On every screen the button that goes on is the last, at the foot: the same place for the
  // thumb each time, and never where a "did not work" answer appears on the next screen.
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

  // The last button's place at the foot is at least as tall as it has been on any screen, so the
  // answers above it are never where a previous screen's button to go on was.
  let footHeight = 0;
  function addAction(label, onClick, kind = 'primary') {
    const button = element('button', { type: 'button', class: `guided-action guided-${kind}` }, label);
    button.addEventListener('click', onClick);
    ui.actions.lastElementChild?.style.removeProperty('min-height');
    ui.actions.append(button);
    footHeight = Math.max(footHeight, button.offsetHeight);
    button.style.minHeight = `${footHeight}px`;
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
    settle();
    expand(false);
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
    addAction(words('ask-yes'), () => show({ index: state.index + 1, key: state.key, repeat: state.repeat, late: true }));
    speakScreen();
  }

  function stopCountdown() {
    countdown?.stop();
    countdown = null;
  }

  function announce(text) {
    ui.status.textContent = text;
  }

  function advance(status) {
    show({ index: state.index + 1, key: state.key, repeat: state.repeat, status });
  }

  // ---- When it did not work -------------------------------------------------------------------

  /** A "did not work" answer: the last of several is "something else", for the questions. */
  function answered(step, label, somethingElse) {
    const status = `${words('answer', { step: step.number, answer: label })} ${words('not-programmed')}`;
    fail(status, words('tricky'), somethingElse);
  }

  /**
   * A failed try: a window was missed, or the doors did not lock and unlock. The questions that
   * lead to troubleshooting come after three tries, or at once (`questions`).
   */
  function fail(status, hint, questions = false) {
    failures += 1;
    const done = state.key - 1; // keys programmed earlier in this session, now to be redone
    state.phase = 'over';
    save();
    if (questions || failures >= TRIES) return showChooser(status);
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
    render({ title: words('key-programmed', { key: state.key }), html: steps[loopIndex].html, figure: steps[loopIndex].figure });
    save();
    addAction(words('finish'), () => show({ index: loopIndex + 1, key: state.key }), 'secondary');
    addAction(words('another-key'), () => show({ index: loopStart, key: state.key + 1, repeat: true }));
    speakScreen();
  }

  // Every key, tried after the last step: the reader marks each one as working or not.
  function showCheck() {
    state.phase = 'over'; // the session is complete: nothing to resume
    save();
    render({ title: words('try-every-key'), html: `<p>${words('check-keys')}</p>` });
    const answers = new Array(state.key).fill('');
    answers.forEach((_, i) => {
      const group = element('fieldset', { class: 'guided-check' });
      group.append(element('legend', {}, words('key', { key: i + 1 })));
      for (const [value, label] of [['yes', words('works')], ['no', words('does-not-work')]]) {
        const option = element('label');
        const input = element('input', { type: 'radio', name: `guided-key-${i}`, value });
        input.onchange = () => {
          answers[i] = value;
          verdict(answers);
        };
        option.append(input, ` ${label}`);
        group.append(option);
      }
      ui.text.append(group);
    });
    ui.text.append(element('div', { class: 'guided-verdict', hidden: '' }));
    addAction(words('close'), requestExit);
    speakScreen();
  }

  // Every key working ends the session, and nothing else is said; a key that does not work
  // leads to the troubleshooting entries about a single key.
  function verdict(answers) {
    const failed = answers.includes('no');
    if (!failed && !answers.every(Boolean)) return;
    const box = ui.text.querySelector('.guided-verdict');
    box.hidden = false;
    if (failed) {
      box.replaceChildren(element('p', {}, words('key-help')), links(KEY_HELP));
    } else {
      box.textContent = words('all-done');
    }
    box.scrollIntoView({ block: 'nearest' });
    announce(words(failed ? 'one-fails' : 'all-work'));
    ui.actions.replaceChildren();
    if (failed) addRestart('secondary');
    addAction(words('close'), requestExit);
  }

  // ---- A pasted link opens guided mode directly -------------------------------------------------

  if (location.hash === HASH) open({ fromLink: true });
})();
