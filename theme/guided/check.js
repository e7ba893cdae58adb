// The end of a guided session: every key programmed in it, tried one by one, each marked as
// working or not. Every key working ends the session, and nothing else is said; a key that does
// not work leads to the troubleshooting entries about a single key, and to a new session.
'use strict';

/** Fills `view` (dialog.js) with the check of `keys` keys; `keyHelp()` and `restart(kind)` from guided mode. */
window.MiniCheck = function check(view, words, { keys, keyHelp, restart }) {
  const { ui, element, addAction } = view;
  const answers = new Array(keys).fill('');
  answers.forEach((_, i) => {
    const group = element('fieldset', { class: 'guided-check' });
    group.append(element('legend', {}, words('key', { key: i + 1 })));
    for (const [value, label] of [['yes', words('works')], ['no', words('does-not-work')]]) {
      const option = element('label');
      const input = element('input', { type: 'radio', name: `guided-key-${i}`, value });
      input.onchange = () => {
        answers[i] = value;
        verdict();
      };
      option.append(input, ` ${label}`);
      group.append(option);
    }
    ui.text.append(group);
  });
  const box = element('div', { class: 'guided-verdict', hidden: '' });
  ui.text.append(box);
  addAction(words('close'), view.requestExit);

  function verdict() {
    const failed = answers.includes('no');
    if (!failed && !answers.every(Boolean)) return;
    box.hidden = false;
    if (failed) box.replaceChildren(element('p', {}, words('key-help')), keyHelp());
    else box.textContent = words('all-done');
    box.scrollIntoView({ block: 'nearest' });
    ui.status.textContent = words(failed ? 'one-fails' : 'all-work');
    ui.actions.replaceChildren();
    if (failed) restart('secondary');
    addAction(words('close'), view.requestExit);
  }
};
