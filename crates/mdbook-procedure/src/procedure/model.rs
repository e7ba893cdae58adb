//! What a chapter's procedure is, once read: its steps, with what each says and requires, and
//! where each is in the Markdown. Step ids are made here: step N is `step-N`.

use crate::references::Reference;
use std::ops::Range;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Step {
    pub number: u32,
    /// Seconds the reader has for this step.
    pub window: Option<u32>,
    /// The step this one loops back to, for each further key.
    pub repeat_from: Option<u32>,
    /// Presses of a button that make up the step.
    pub presses: Option<u32>,
    /// Words on guided mode's buttons: the tap that starts the window, the tap that ends the step,
    /// the taps that say it did not work (one per outcome a reader can tell apart).
    pub start_label: Option<String>,
    pub done_label: Option<String>,
    pub fail_labels: Vec<String>,
    /// The step in one short line, for a screen too small for all its words, and what helps
    /// after its window was missed.
    pub brief: Option<String>,
    pub hint: Option<String>,
    /// The step in one short line, for the printed glovebox card.
    pub card: Option<String>,
    /// The step's words (Markdown) when it is repeated for a further key.
    pub again: Option<String>,
    /// What the hands do, drawn as the step's figure: buttons held, buttons pressed, the ignition.
    pub hold: Vec<String>,
    pub press: Vec<String>,
    pub ignition: Option<String>,
    /// Plain text, markers left out, whitespace folded.
    pub text: String,
    /// The whole list item, and where its content starts (after `3. `).
    pub item: Range<usize>,
    pub content_start: usize,
    /// Columns of indentation that continuation lines carry because they are inside the item.
    pub indent: usize,
    /// The marker comments inside the step, which the output leaves out.
    pub markers: Vec<Range<usize>>,
}

impl Step {
    /// Step `number`, the list item at `item`, before its markers and words are read.
    pub fn new(number: u32, item: Range<usize>, content_start: usize, indent: usize) -> Step {
        Step {
            number,
            item,
            content_start,
            indent,
            ..Step::default()
        }
    }

    pub fn id(&self) -> String {
        step_id(self.number)
    }

    /// What the hands do in this step, for its figure.
    pub fn action(&self) -> crate::figures::Action<'_> {
        crate::figures::Action {
            hold: &self.hold,
            press: &self.press,
            presses: self.presses.unwrap_or(1),
            ignition: self.ignition.as_deref(),
        }
    }
}

pub fn step_id(number: u32) -> String {
    format!("step-{number}")
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Procedure {
    /// From the `<!-- procedure -->` marker to the end of the list.
    pub span: Range<usize>,
    pub steps: Vec<Step>,
}

#[derive(Debug, Default, PartialEq, Eq)]
pub struct Chapter {
    pub procedures: Vec<Procedure>,
    pub references: Vec<Reference>,
    /// Where the chapter's title (its first `#` heading) ends.
    pub title_end: Option<usize>,
}
