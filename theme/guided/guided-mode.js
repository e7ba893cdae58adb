// Guided mode: the procedure one step per screen, with a countdown for each timing window.
// Everything it knows about the procedure comes from the list the preprocessor wrote
// (crates/mdbook-procedure): data-window, data-presses, data-repeat-from and the button labels.
// Without JavaScript the page keeps the plain list; this file only adds to it.
'use strict';

(function () {
  const list = document.querySelector('ol.procedure');
  if (!list || !window.MiniCountdown) return;

  const HASH = '#guided';

  // ---- The procedure, read from the page -------------------------------------------------

  const steps = Array.from(list.querySelectorAll(':scope > li[data-step]'), (li) => ({
    number: Number(li.dataset.step),
    window: Number(li.dataset.window || 0),
    presses: Number(li.dataset.presses || 0),
    repeatFrom: Number(li.dataset.repeatFrom || 0),
    startLabel: li.dataset.startLabel || '',
    doneLabel: li.dataset.doneLabel || 'Done: next step',
    html: withoutLinks(li),
  }));
  const loopIndex = steps.findIndex((s) => s.repeatFrom);

  // Links inside a step would lead away from guided mode: keep their words only, and leave out
  // controls the page adds to a step (its share button).
  function withoutLinks(li) {
    const copy = li.cloneNode(true);
    copy.querySelectorAll('a').forEach((a) => a.replaceWith(...a.childNodes));
    copy.querySelectorAll('button').forEach((button) => button.remove());
    return copy.innerHTML;
  }

  const indexOf = (number) => steps.findIndex((s) => s.number === number);

  // When a window runs out, the reader starts again from the first step of the run of timed
  // steps it belongs to (the ignition step): the later windows are counted from it.
  function restartIndex(index) {
    let i = index;
    while (i > 0 && steps[i - 1].window) i -= 1;
    return i;
  }

  // ---- State ------------------------------------------------------------------------------

  let state = null; // { index, key, repeat, phase: 'ready'|'timing'|'expired', taps }
  let countdown = null;
  let pushedHistory = false;
  let returnTo = { focus: null, scroll: 0 };
  let wakeLock = null;

  // ---- The dialog ---------------------------------------------------------------------------

  const dialog = element('div', {
    class: 'guided',
    role: 'dialog',
    'aria-modal': 'true',
    'aria-labelledby': 'guided-title',
    hidden: '',
  });
  dialog.innerHTML = `
    <div class="guided-bar">
      <span class="guided-progress"></span>
      <button type="button" class="guided-exit">Exit</button>
    </div>
    <div class="guided-body">
      <h2 id="guided-title" class="guided-title" tabindex="-1"></h2>
      <p class="guided-key"></p>
      <div class="guided-text"></div>
      <div class="guided-timer" role="timer" aria-labelledby="guided-timer-label">
        <span class="guided-seconds"></span>
        <span id="guided-timer-label" class="guided-timer-label"></span>
        <span class="guided-meter"><span class="guided-meter-fill"></span></span>
      </div>
      <button type="button" class="guided-tap"></button>
      <p class="guided-status" aria-live="assertive"></p>
    </div>
    <div class="guided-actions"></div>`;
  document.body.append(dialog);

  const part = (selector) => dialog.querySelector(selector);
  const ui = {
    progress: part('.guided-progress'),
    exit: part('.guided-exit'),
    title: part('.guided-title'),
    key: part('.guided-key'),
    text: part('.guided-text'),
    timer: part('.guided-timer'),
    seconds: part('.guided-seconds'),
    timerLabel: part('.guided-timer-label'),
    meter: part('.guided-meter-fill'),
    tap: part('.guided-tap'),
    status: part('.guided-status'),
    actions: part('.guided-actions'),
  };

  function element(tag, attributes = {}, text = '') {
    const el = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
    el.textContent = text;
    return el;
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
    if (!fromLink) history.pushState({ guided: true }, '', HASH);
    pushedHistory = !fromLink || history.state?.guided === true;
    dialog.hidden = false;
    document.documentElement.classList.add('guided-open');
    document.getElementById('body-container')?.setAttribute('inert', '');
    keepScreenOn();
    show({ index: 0, key: 1, repeat: false });
  }

  // Exit and Esc leave the way the back button does, so history stays as the reader expects.
  function requestExit() {
    if (pushedHistory) {
      history.back();
    } else {
      history.replaceState(null, '', location.pathname + location.search);
      close();
    }
  }

  function close() {
    if (dialog.hidden) return;
    stopCountdown();
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
      requestExit();
    } else if (event.key === 'Tab') {
      trapFocus(event);
    }
  });

  function trapFocus(event) {
    const focusable = Array.from(dialog.querySelectorAll('button:not([hidden]), [href]'))
      .filter((el) => el.offsetParent !== null);
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

  // ---- Staying awake and on time ------------------------------------------------------------

  async function keepScreenOn() {
    try {
      wakeLock = (await navigator.wakeLock?.request('screen')) || null;
    } catch {
      wakeLock = null; // unsupported or refused: guided mode works without it
    }
  }

  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState !== 'visible' || dialog.hidden) return;
    countdown?.update();
    if (!wakeLock || wakeLock.released) keepScreenOn();
  });

  // ---- Screens ------------------------------------------------------------------------------

  function show(next) {
    stopCountdown();
    state = { ...next, phase: 'ready', taps: 0 };
    if (state.index >= steps.length) return showDone();
    if (state.index === loopIndex) return showLoopChoice();
    const step = steps[state.index];
    render({
      title: `Step ${step.number} of ${steps.length}`,
      html: step.html,
      status: '',
    });
    // A window with no tap of its own starts with the step, counted from the tap that ended the
    // step before it; on a repeat for another key that tap did not happen again, so no countdown.
    const startsNow = step.window && !step.startLabel && !(state.repeat && step.number === steps[loopIndex]?.repeatFrom);
    showTimer(startsNow || step.startLabel ? step.window : 0);
    if (startsNow) startWindow();
    else renderActions();
    ui.title.focus();
  }

  function render({ title, html, status }) {
    ui.progress.textContent = loopIndex >= 0 && state.index < steps.length ? `Key ${state.key}` : '';
    ui.title.textContent = title;
    ui.text.innerHTML = html;
    ui.key.textContent = state.key > 1 && state.index < steps.length
      ? `Key ${state.key}: do every key now, in this one session.`
      : '';
    ui.key.hidden = !ui.key.textContent;
    ui.status.textContent = status;
    ui.status.classList.remove('guided-expired');
    ui.tap.hidden = true;
    ui.timer.hidden = true;
  }

  function showTimer(seconds) {
    ui.timer.hidden = !seconds;
    if (!seconds) return;
    ui.seconds.textContent = String(seconds);
    ui.timerLabel.textContent = `seconds for this step`;
    ui.meter.style.transform = 'scaleX(1)';
  }

  function renderActions() {
    const step = steps[state.index];
    ui.actions.replaceChildren();
    if (state.phase === 'expired') {
      ui.tap.hidden = true;
      const again = restartIndex(state.index);
      addAction(`Start again from step ${steps[again].number}`, () =>
        show({ index: again, key: state.key, repeat: false }), 'primary');
      return;
    }
    if (step.presses) {
      renderTapTarget(step);
      return;
    }
    if (step.window && step.startLabel && state.phase === 'ready') {
      addAction(step.startLabel, startWindow, 'primary');
      return;
    }
    addAction(step.doneLabel, () => advance(), 'primary');
  }

  function addAction(label, onClick, kind) {
    const button = element('button', { type: 'button', class: `guided-action guided-${kind}` }, label);
    button.addEventListener('click', onClick);
    ui.actions.append(button);
    return button;
  }

  // The press-counting step: a big target to tap along with each press, inside its window.
  function renderTapTarget(step) {
    ui.tap.hidden = false;
    updateTapTarget(step);
    ui.tap.onclick = () => {
      if (state.phase === 'expired') return;
      state.taps += 1;
      if (state.taps >= step.presses) {
        stopCountdown();
        advance();
        return;
      }
      updateTapTarget(step);
      announce(`Press ${state.taps} of ${step.presses}.`);
    };
  }

  function updateTapTarget(step) {
    ui.tap.textContent = '';
    ui.tap.append(
      element('span', { class: 'guided-tap-count' }, `${state.taps} of ${step.presses}`),
      element('span', { class: 'guided-tap-label' }, 'Tap with each press'),
    );
  }

  function startWindow() {
    const step = steps[state.index];
    state.phase = 'timing';
    ui.timerLabel.textContent = 'seconds left';
    countdown = new window.MiniCountdown(step.window, {
      onTick: (left) => {
        ui.seconds.textContent = String(left);
        ui.meter.style.transform = `scaleX(${left / step.window})`;
        // Speak at the start and with ten seconds to go; not every second.
        if (left === step.window) announce(`Go: ${left} seconds.`);
        else if (left === 10 && step.window >= 20) announce('10 seconds left.');
      },
      onExpire: expire,
    });
    countdown.start();
    renderActions();
    ui.actions.querySelector('button')?.focus();
    if (step.presses) ui.tap.focus();
  }

  function expire() {
    state.phase = 'expired';
    const again = steps[restartIndex(state.index)].number;
    ui.status.classList.add('guided-expired');
    announce(`Time is up. Start again from step ${again}.`);
    if (navigator.vibrate) navigator.vibrate(200);
    renderActions();
    ui.actions.querySelector('button')?.focus();
  }

  function stopCountdown() {
    countdown?.stop();
    countdown = null;
  }

  function announce(text) {
    ui.status.textContent = text;
  }

  function advance() {
    show({ index: state.index + 1, key: state.key, repeat: state.repeat });
  }

  function showLoopChoice() {
    const step = steps[loopIndex];
    render({
      title: `Key ${state.key} is programmed`,
      html: step.html,
      status: '',
    });
    ui.actions.replaceChildren();
    addAction('Program another key', () =>
      show({ index: indexOf(step.repeatFrom), key: state.key + 1, repeat: true }), 'primary');
    addAction('Finish: all keys are done', () =>
      show({ index: loopIndex + 1, key: state.key, repeat: false }), 'secondary');
    ui.title.focus();
  }

  function showDone() {
    const keys = state.key === 1 ? 'one key' : `${state.key} keys`;
    render({
      title: 'Done',
      html: `<p>You programmed ${keys}. Try each one now: it should lock and unlock the car.</p>
        <p>A key that does not respond? See <a href="troubleshooting.html">troubleshooting</a>.</p>`,
      status: '',
    });
    ui.progress.textContent = '';
    ui.actions.replaceChildren();
    addAction('Close', requestExit, 'primary');
    ui.title.focus();
  }

  // ---- A pasted link opens guided mode directly -------------------------------------------------

  if (location.hash === HASH) open({ fromLink: true });
})();
