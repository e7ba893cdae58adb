// Guided mode's dialog: a native <dialog> shown with showModal(), so focus stays in it and the
// page behind is inert without code of ours; its bar (Sound, Read aloud, Exit), the parts of a
// screen and the buttons at its foot; how it opens and leaves, through history, so that Esc and
// the back button leave as the reader expects; and the phone kept awake while it is open.
// What the screens say is guided-mode.js's.
'use strict';

window.MiniDialog = function guidedDialog({ words, cues, onOpen, onClose, running }) {
  const HASH = '#guided';
  // A new screen ignores taps this long, so a double tap cannot answer the next screen too.
  const SETTLE_MS = 400;
  let pushedHistory = false;
  let returnTo = { focus: null, scroll: 0 };
  let wakeLock = null;
  let settledAt = -Infinity;

  const dialog = element('dialog', { class: 'guided', 'aria-labelledby': 'guided-title' });
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
        ui.status.textContent = words('no-voice');
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
    if (dialog.open) return;
    returnTo = { focus: document.activeElement, scroll: window.scrollY };
    if (!fromLink) {
      cues?.wake(); // a tap: sound and speech may start from it
      history.pushState({ guided: true }, '', HASH);
    }
    pushedHistory = !fromLink || history.state?.guided === true;
    dialog.showModal();
    keepScreenOn();
    onOpen();
  }

  // Exit and Esc leave the way the back button does, so history stays as the reader expects.
  // During a countdown they ask first: a slip of the thumb must not end the window.
  function requestExit() {
    if (running() && ui.confirm.hidden) return confirmLeave(true);
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
    if (!dialog.open) return;
    onClose();
    confirmLeave(false);
    cues?.quiet();
    dialog.close();
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
    if (event.key !== 'Escape') return;
    // Ours, not the browser's: Esc leaves through history, or asks first during a countdown.
    event.preventDefault();
    if (ui.confirm.hidden) requestExit();
    else ui.stay.click();
  });

  // ---- Staying awake ------------------------------------------------------------------------

  async function keepScreenOn() {
    try {
      const lock = await navigator.wakeLock?.request('screen');
      // Closed while the phone was asked: let the screen sleep again.
      if (!dialog.open) lock?.release().catch(() => {});
      else wakeLock = lock || null;
    } catch {
      wakeLock = null; // unsupported or refused: guided mode works without it
    }
  }

  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState !== 'visible' || !dialog.open) return;
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
    const windowed = !ui.timer.hidden && !ui.brief.hidden;
    if (!windowed || ui.body.scrollHeight <= ui.body.clientHeight + 1) return;
    dialog.classList.add('guided-compact');
    expand(!running());
  }

  function expand(open) {
    dialog.classList.toggle('guided-expanded', open);
    ui.brief.setAttribute('aria-expanded', String(open));
  }

  ui.brief.addEventListener('click', () => expand(!dialog.classList.contains('guided-expanded')));
  window.addEventListener('resize', () => {
    footHeight = 0; // a turned phone lays the buttons out anew
    if (dialog.open) fit();
  });

  // ---- A screen -----------------------------------------------------------------------------

  /** Shows a screen's title, words and status; its buttons are added after. `key`: the key being done, or 0. */
  function render({ title, html, status = '', alert = false, figure = '', brief = '', key = 0 }) {
    ui.progress.textContent = key ? words('key', { key }) : '';
    ui.key.textContent = key > 1 ? words('key-reminder', { key }) : '';
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

  // On every screen the button that goes on is the last, at the foot: the same place for the
  // thumb each time, and never where a "did not work" answer appears on the next screen. Its
  // place is at least as tall as it has been on any screen, so the answers above it are never
  // where a previous screen's button to go on was.
  let footHeight = 0;
  function addAction(label, onClick, kind = 'primary') {
    const button = element('button', { type: 'button', class: `guided-action guided-${kind}` }, label);
    button.addEventListener('click', onClick);
    ui.actions.lastElementChild?.style.removeProperty('min-height');
    ui.actions.append(button);
    footHeight = Math.max(footHeight, button.offsetHeight);
    button.style.minHeight = `${footHeight}px`;
  }

  // A pasted link opens guided mode directly (once the screens are ready: guided-mode.js).
  const openFromLink = () => location.hash === HASH && open({ fromLink: true });

  return { dialog, ui, element, render, addAction, settle, expand, fit, speakScreen, requestExit, openFromLink };
};
