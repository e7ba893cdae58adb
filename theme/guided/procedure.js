// What guided mode reads from the procedure page: its steps, from the list the preprocessor wrote
// (crates/mdbook-procedure): windows, presses, the loop for further keys, the words on the step's
// buttons, each step in one line.
'use strict';

window.MiniProcedure = function procedure(list, words) {
  // The list's own steps; their words and figure as guided mode shows them (withoutLinks).
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

  // Links inside a step would lead away from guided mode: keep their words only. Leave out the
  // share button the page adds to a step, and the figure, which guided mode shows large.
  function withoutLinks(li) {
    const copy = li.cloneNode(true);
    copy.querySelectorAll('a').forEach((a) => a.replaceWith(...a.childNodes));
    copy.querySelectorAll('button, .step-figure').forEach((el) => el.remove());
    return copy.innerHTML;
  }

  return steps;
};
