// Guided mode: the procedure one step per screen, with a countdown for each timing window, made
// for the reader whose first try fails. All it knows of the procedure comes from the list the
// preprocessor wrote (crates/mdbook-procedure): windows, presses, the loop for further keys, the
// words on its buttons. Without JavaScript the page keeps the plain list.
//
// A session is the steps before the loop once, the loop for each key, the steps after it once.
// Programming wipes every key not done in the same session, so any failure, on any key, starts a
// new session at the first step and the first key, and the screen says why.
'use strict';

(function () {
  const list = document.querySelector('ol.procedure');
  if (!list || !window.MiniCountdown) return;

  const HASH = '#guided';
  const words = window.MiniWords; // the page's words (theme/book.js, theme/index.hbs)
  const cues = window.MiniCues; // sound-and-voice.js

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
      failLabel: d.failLabel,
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
  const CHOOSER = [
    [words('choice-spare'), '#a-spare-key-that-sat-unused'],
    [words('choice-never'), '#one-variant-to-try'],
    [words('choice-careful'), '#still-nothing-after-several-attempts'],
  ];

  // Links inside a step would lead away from guided mode: keep their words only. Leave out the
  // share button the page adds to a step, and the figure, which guided mode shows large.
  function withoutLinks(li) {
    const copy = li.cloneNode(true);
    copy.querySelectorAll('a').forEach((a) => a.replaceWith(...a.childNodes));
    copy.querySelectorAll('button, .step-figure').forEach((el) => el.remove());
    return copy.innerHTML;
  }

  // ---- State ------------------------------------------------------------------------------

  // The screen: { index, key, repeat, phase: 'ready'|'timing'|'over', taps }.
  let state = null;
  let failures = 0; // failed tries while the page is open
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
      <button type="button" class="guided-toggle" data-cue="sound">${words('sound')}</button>
      <button type="button" class="guided-toggle" data-cue="voice">${words('voice')}</button>
      <button type="button" class="guided-exit">${words('exit')}</button>
    </div>
    <div class="guided-body">
      <h2 id="guided-title" class="guided-title" tabindex="-1"></h2>
      <p class="guided-key"></p>
      <p class="guided-status" aria-live="assertive"></p>
      <div class="guided-text"></div>
      <div class="guided-show">
        <div class="guided-figure"></div>
        <div class="guided-side">
          <div class="guided-timer" role="timer" aria-labelledby="guided-timer-label">
            <span class="guided-seconds"></span>
            <span id="guided-timer-label" class="guided-timer-label"></span>
            <span class="guided-meter"><span class="guided-meter-fill"></span></span>
          </div>
          <button type="button" class="guided-tap"></button>
        </div>
      </div>
    </div>
    <div class="guided-actions"></div>`;
  document.body.append(dialog);

  // ui.timerLabel is .guided-timer-label, and so on.
  const ui = Object.fromEntries(
    ['progress', 'exit', 'title', 'key', 'status', 'text', 'timer', 'seconds', 'timerLabel', 'meterFill', 'figure', 'tap', 'actions']
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
    newSession();
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
      requestExit();
    } else if (event.key === 'Tab') {
      trapFocus(event);
    }
  });

  function trapFocus(event) {
    const focusable = Array.from(dialog.querySelectorAll('button, [href], input'))
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

  // ---- Screens ------------------------------------------------------------------------------

  /** Shows a screen's title, words and status; its buttons are added after. */
  function render({ title, html, status = '', alert = false, figure = '' }) {
    stopCountdown();
    // "Key 2" while keys are being done; not after the loop, nor once a try has failed.
    const onKey = loopIndex >= 0 && state.index <= loopIndex && state.phase !== 'over';
    ui.progress.textContent = onKey ? words('key', { key: state.key }) : '';
    ui.key.textContent = onKey && state.key > 1 ? words('key-reminder', { key: state.key }) : '';
    ui.key.hidden = !ui.key.textContent;
    ui.title.textContent = title;
    ui.text.innerHTML = html;
    ui.figure.innerHTML = figure;
    ui.status.textContent = status;
    ui.status.classList.toggle('guided-alert', alert);
    ui.tap.hidden = true;
    ui.timer.hidden = true;
    ui.actions.replaceChildren();
    ui.title.focus();
  }

  function newSession() {
    show({ index: 0, key: 1 });
  }

  function show(next) {
    state = { ...next, phase: 'ready', taps: 0 };
    if (state.index >= steps.length) return showCheck();
    if (state.index === loopIndex) return showLoopChoice();
    const step = steps[state.index];
    const again = state.repeat && state.index === loopStart;
    render({
      title: words('step-of', { step: step.number, total: steps.length }),
      html: again && step.again ? step.again : step.html,
      status: next.status,
      figure: step.figure,
    });
    // A window with no tap of its own starts with the step, counted from the tap that ended the
    // step before it; on a repeat for another key that tap did not happen again, so no countdown.
    const startsNow = step.window && !step.startLabel && !again;
    showTimer(startsNow || step.startLabel ? step.window : 0);
    if (startsNow) startWindow();
    else renderActions();
    speakScreen();
  }

  function showTimer(seconds) {
    ui.timer.hidden = !seconds;
    ui.seconds.textContent = seconds;
    ui.timerLabel.textContent = words('seconds-for-step');
    ui.meterFill.style.transform = 'scaleX(1)';
  }

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
    addAction(step.doneLabel, () => advance(), step.presses ? 'secondary' : undefined);
    if (step.failLabel) addAction(step.failLabel, () => fail(words('not-programmed')), 'secondary');
  }

  function addAction(label, onClick, kind = 'primary') {
    const button = element('button', { type: 'button', class: `guided-action guided-${kind}` }, label);
    button.addEventListener('click', onClick);
    ui.actions.append(button);
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
      announce(words('press-of', { count: state.taps, total: step.presses }));
    };
  }

  function updateTapTarget(step) {
    ui.tap.replaceChildren(
      element('span', { class: 'guided-tap-count' }, words('count-of', { count: state.taps, total: step.presses })),
      element('span', { class: 'guided-tap-label' }, words('tap-each')),
    );
  }

  function startWindow() {
    const step = steps[state.index];
    state.phase = 'timing';
    ui.timerLabel.textContent = words('seconds-left');
    countdown = new window.MiniCountdown(step.window, {
      onTick: (left) => {
        ui.seconds.textContent = left;
        ui.meterFill.style.transform = `scaleX(${left / step.window})`;
        if (left === step.window) {
          cues?.windowStart();
          announce(words('go-seconds', { seconds: left }));
        } else if (left > 0 && left <= 3) {
          cues?.lastSeconds();
        } else if (left === 10) {
          announce(words('ten-left'));
        }
      },
      onExpire: () => windowOver(step),
    });
    countdown.start();
    ui.actions.replaceChildren();
    renderActions();
    (step.presses ? ui.tap : ui.actions.firstChild)?.focus();
  }

  function windowOver(step) {
    cues?.windowEnd();
    navigator.vibrate?.(200);
    // Pressing on the key without tapping along is doing it right: ask what the doors did.
    if (step.presses) advance(words('presses-over'));
    else fail(words('time-up'));
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

  /** A failed try: a window ran out, or the doors did not lock and unlock. */
  function fail(status) {
    failures += 1;
    const done = state.key - 1; // keys programmed earlier in this session, now to be redone
    state.phase = 'over';
    if (failures >= TRIES) return showChooser(status);
    render({
      title: words('try-failed', { count: failures }),
      html: `<p>${words('tricky')}</p><p><strong>${RESTART}</strong>${
        done ? ` ${words(done > 1 ? 'wipes-keys' : 'wipes-key', { count: done })}` : ''}</p>`,
      status,
      alert: true,
    });
    addRestart();
    ui.actions.firstChild.focus();
    speakScreen();
  }

  function addRestart(kind) {
    addAction(words('restart-button', { step: steps[0].number }), newSession, kind);
  }

  function showChooser(status) {
    render({ title: words('still-failing', { count: failures }), html: `<p>${words('closest')}</p>`, status, alert: true });
    const choices = element('ul', { class: 'guided-choices' });
    for (const [label, anchor] of CHOOSER) {
      choices.append(element('li'));
      choices.lastChild.append(element('a', { href: HELP + anchor }, label));
    }
    ui.text.append(choices, element('p', {}, `${words('once-more')} ${RESTART}`));
    addRestart('secondary');
    speakScreen();
  }

  // ---- The loop for further keys, and the end of the session -----------------------------------

  function showLoopChoice() {
    render({ title: words('key-programmed', { key: state.key }), html: steps[loopIndex].html, figure: steps[loopIndex].figure });
    addAction(words('another-key'), () => show({ index: loopStart, key: state.key + 1, repeat: true }));
    addAction(words('finish'), () => show({ index: loopIndex + 1, key: state.key }), 'secondary');
    speakScreen();
  }

  // Every key, tried after the last step: the reader marks each one as working or not.
  function showCheck() {
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
    ui.text.append(
      element('div', { class: 'guided-verdict', hidden: '' }),
      element('p', {}, `${words('left-out')} ${RESTART}`),
    );
    addAction(words('close'), requestExit);
    speakScreen();
  }

  // Any key that does not work leads to the answer for it; every key working ends the session.
  function verdict(answers) {
    const failed = answers.includes('no');
    if (!failed && !answers.every(Boolean)) return;
    const box = ui.text.querySelector('.guided-verdict');
    box.hidden = false;
    if (failed) {
      box.innerHTML = `<p>${words('wiped')}
        <a href="${HELP}#only-one-key-works-afterwards">${words('only-one-works')}</a>.</p><p>${RESTART}</p>`;
    } else {
      box.textContent = words('all-done');
    }
    box.scrollIntoView({ block: 'nearest' });
    announce(words(failed ? 'one-fails' : 'all-work'));
    ui.actions.replaceChildren();
    if (failed) addRestart();
    addAction(words('close'), requestExit, failed ? 'secondary' : undefined);
  }

  // ---- A pasted link opens guided mode directly -------------------------------------------------

  if (location.hash === HASH) open({ fromLink: true });
})();
