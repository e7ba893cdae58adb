//! Reading a chapter: where its procedure is, what each step says and requires, and which
//! step references its text makes. Nothing here changes the chapter (see `render`).
//!
//! A procedure is the numbered list right after a `<!-- procedure -->` line. Step ids are made
//! here: step N is `step-N`, so the list must be numbered 1, 2, 3… in the Markdown itself.

use crate::error::Problem;
use crate::markdown::parser;
use crate::markers::{self, Marker, Parsed};
use crate::references::{self, Reference};
use pulldown_cmark::{Event, Tag, TagEnd};
use std::ops::Range;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    pub number: u32,
    /// Seconds the reader has for this step.
    pub window: Option<u32>,
    /// The step this one loops back to, for each further key.
    pub repeat_from: Option<u32>,
    /// Presses of a button that make up the step.
    pub presses: Option<u32>,
    /// Words on guided mode's buttons: the tap that starts the window, the tap that ends the step,
    /// the tap that says it did not work.
    pub start_label: Option<String>,
    pub done_label: Option<String>,
    pub fail_label: Option<String>,
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
}

/// Reads a chapter's Markdown; every problem found is returned, not just the first.
pub fn analyze(text: &str) -> Result<Chapter, Vec<Problem>> {
    let mut reader = Reader {
        text,
        chapter: Chapter::default(),
        problems: Vec::new(),
        awaiting_list: None,
        current: None,
        list_depth: 0,
        no_references: 0,
        html_block: None,
    };
    for (event, range) in parser(text).into_offset_iter() {
        reader.event(event, range);
    }
    if let Some(marker) = reader.awaiting_list {
        reader.problem(marker, NO_LIST);
    }
    if reader.problems.is_empty() {
        Ok(reader.chapter)
    } else {
        Err(reader.problems)
    }
}

const NO_LIST: &str = "`<!-- procedure -->` must be followed by a numbered list (1. 2. 3.)";

struct Reader<'a> {
    text: &'a str,
    chapter: Chapter,
    problems: Vec<Problem>,
    /// Offset of a `<!-- procedure -->` marker whose list has not started yet.
    awaiting_list: Option<usize>,
    current: Option<Procedure>,
    /// Lists open inside the current procedure (1 = its own list).
    list_depth: usize,
    /// Inside links, images, headings, code blocks: text there is not a step reference.
    no_references: usize,
    html_block: Option<Range<usize>>,
}

impl Reader<'_> {
    fn problem(&mut self, offset: usize, message: impl Into<String>) {
        self.problems.push(Problem::new(offset, message));
    }

    fn step(&mut self) -> Option<&mut Step> {
        if self.list_depth == 0 {
            return None;
        }
        self.current.as_mut().and_then(|p| p.steps.last_mut())
    }

    fn event(&mut self, event: Event, range: Range<usize>) {
        if let Some(marker) = self.awaiting_list {
            if !matches!(event, Event::Start(Tag::HtmlBlock) | Event::Html(_)) {
                self.awaiting_list = None;
                match event {
                    Event::Start(Tag::List(Some(_))) => {
                        self.current = Some(Procedure {
                            span: marker..range.end,
                            steps: Vec::new(),
                        });
                        self.list_depth = 1;
                        return;
                    }
                    _ => self.problem(marker, NO_LIST),
                }
            }
        }
        match event {
            Event::Start(Tag::HtmlBlock) => self.html_block = Some(range),
            Event::End(TagEnd::HtmlBlock) => {
                if let Some(block) = self.html_block.take() {
                    self.comments(block, true);
                }
            }
            Event::InlineHtml(_) => self.comments(range, false),
            Event::Start(Tag::List(_)) if self.current.is_some() => self.list_depth += 1,
            Event::End(TagEnd::List(_)) if self.current.is_some() => {
                self.list_depth -= 1;
                if self.list_depth == 0 {
                    self.finish_procedure();
                }
            }
            Event::Start(Tag::Item) if self.current.is_some() && self.list_depth == 1 => {
                self.start_step(range)
            }
            Event::Start(
                Tag::Link { .. }
                | Tag::Image { .. }
                | Tag::Heading { .. }
                | Tag::CodeBlock(_)
                | Tag::MetadataBlock(_),
            ) => self.no_references += 1,
            Event::End(
                TagEnd::Link
                | TagEnd::Image
                | TagEnd::Heading(_)
                | TagEnd::CodeBlock
                | TagEnd::MetadataBlock(_),
            ) => self.no_references -= 1,
            Event::Text(t) => {
                if let Some(step) = self.step() {
                    step.text.push_str(&t);
                }
                if self.no_references == 0 {
                    let found = references::find(self.text, range);
                    self.chapter.references.extend(found);
                }
            }
            Event::Code(t) => {
                if let Some(step) = self.step() {
                    step.text.push_str(&t);
                }
            }
            Event::SoftBreak | Event::HardBreak => {
                if let Some(step) = self.step() {
                    step.text.push(' ');
                }
            }
            Event::End(TagEnd::Paragraph | TagEnd::Item | TagEnd::TableCell) => {
                if let Some(step) = self.step() {
                    step.text.push(' ');
                }
            }
            _ => {}
        }
    }

    /// Each comment in a piece of HTML: one line may hold several markers.
    fn comments(&mut self, range: Range<usize>, is_block: bool) {
        let html = &self.text[range.clone()];
        let mut at = 0;
        while let Some(start) = html[at..].find("<!--").map(|i| at + i) {
            let Some(end) = html[start..].find("-->").map(|i| start + i + 3) else {
                break;
            };
            self.comment(range.start + start..range.start + end, is_block);
            at = end;
        }
    }

    /// A comment: a marker, or an ordinary comment.
    fn comment(&mut self, range: Range<usize>, is_block: bool) {
        let html = &self.text[range.clone()];
        let in_step = self.step().is_some();
        match markers::parse(html) {
            Parsed::NotAComment => unreachable!("only comments are passed in"),
            Parsed::Unknown(body) if in_step => self.problem(
                range.start,
                format!(
                    "unknown marker `{body}` in a procedure step: \
                     the markers are `window: 30s`, `repeat-from: 3`, `presses: 3`, `start: …`, \
                     `done: …`, `fail: …`, `again: …`, `hold: …`, `press: …` and `ignition: …`"
                ),
            ),
            Parsed::Unknown(_) => {}
            Parsed::Malformed(message) => self.problem(range.start, message),
            Parsed::Marker(Marker::Procedure) if is_block && self.current.is_none() => {
                self.awaiting_list = Some(range.start)
            }
            Parsed::Marker(Marker::Procedure) if self.current.is_some() => self.problem(
                range.start,
                "a procedure cannot start inside another procedure",
            ),
            Parsed::Marker(Marker::Procedure) => self.problem(
                range.start,
                "put `<!-- procedure -->` on a line of its own, just before the list",
            ),
            Parsed::Marker(marker) if in_step => self.step_marker(marker, range),
            Parsed::Marker(_) => self.problem(
                range.start,
                format!("`{}` is only allowed inside a procedure step", html.trim()),
            ),
        }
    }

    fn step_marker(&mut self, marker: Marker, range: Range<usize>) {
        let offset = range.start;
        let step = self.step().expect("called inside a step");
        step.markers.push(range);
        let repeated = match marker {
            Marker::Window(s) => set(&mut step.window, s, "window"),
            Marker::RepeatFrom(n) => set(&mut step.repeat_from, n, "repeat-from"),
            Marker::Presses(n) => set(&mut step.presses, n, "presses"),
            Marker::Start(label) => set(&mut step.start_label, label, "start"),
            Marker::Done(label) => set(&mut step.done_label, label, "done"),
            Marker::Fail(label) => set(&mut step.fail_label, label, "fail"),
            Marker::Again(words) => set(&mut step.again, words, "again"),
            Marker::Hold(buttons) => set_list(&mut step.hold, buttons, "hold"),
            Marker::Press(buttons) => set_list(&mut step.press, buttons, "press"),
            Marker::Ignition(position) => set(&mut step.ignition, position, "ignition"),
            Marker::Procedure => unreachable!("handled by the caller"),
        };
        if let Some(name) = repeated {
            self.problem(offset, format!("this step has two `{name}` markers"));
        }
    }

    fn start_step(&mut self, item: Range<usize>) {
        let text = self.text;
        let line_start = text[..item.start].rfind('\n').map_or(0, |i| i + 1);
        let marker = &text[item.start..];
        let digits = marker.len()
            - marker
                .trim_start_matches(|c: char| c.is_ascii_digit())
                .len();
        let number: u32 = marker[..digits].parse().unwrap_or(0);
        // After `12.` come 1–4 spaces, then the content; more spaces belong to the content.
        let after = &marker[digits + 1..];
        let spaces = after.len() - after.trim_start_matches(' ').len();
        let spaces = if (1..=4).contains(&spaces) { spaces } else { 1 };
        let content_start = (item.start + digits + 1 + spaces).min(item.end);

        let procedure = self.current.as_ref().expect("inside a procedure");
        let expected = procedure.steps.len() as u32 + 1;
        let earlier = self
            .chapter
            .procedures
            .iter()
            .chain([procedure])
            .flat_map(|p| &p.steps)
            .find(|s| s.number == number)
            .map(|s| crate::error::line_of(text, s.item.start));
        if let Some(line) = earlier {
            self.problem(
                item.start,
                format!(
                    "duplicate step id `{}`: already used on line {line}",
                    step_id(number)
                ),
            );
        } else if number != expected {
            self.problem(
                item.start,
                format!("steps must be numbered 1, 2, 3… with no gap: expected {expected}, found {number}"),
            );
        }
        self.current
            .as_mut()
            .expect("inside a procedure")
            .steps
            .push(Step {
                number,
                window: None,
                repeat_from: None,
                presses: None,
                start_label: None,
                done_label: None,
                fail_label: None,
                again: None,
                hold: Vec::new(),
                press: Vec::new(),
                ignition: None,
                text: String::new(),
                item: item.clone(),
                content_start,
                indent: item.start - line_start + digits + 1 + spaces,
                markers: Vec::new(),
            });
    }

    fn finish_procedure(&mut self) {
        let mut procedure = self.current.take().expect("inside a procedure");
        let count = procedure.steps.len() as u32;
        let repeated: Vec<u32> = procedure
            .steps
            .iter()
            .filter_map(|s| s.repeat_from)
            .collect();
        for step in &procedure.steps {
            let at = step.markers.first().map_or(step.item.start, |m| m.start);
            if step.again.is_some() && !repeated.contains(&step.number) {
                self.problems.push(Problem::new(
                    at,
                    format!(
                        "`again` gives a step's words for a further key, but no `repeat-from` \
                         goes back to step {}",
                        step.number
                    ),
                ));
            }
            if let Some(both) = step.hold.iter().find(|b| step.press.contains(b)) {
                self.problems.push(Problem::new(
                    at,
                    format!("`{both}` cannot be both held and pressed in one step"),
                ));
            }
            if step.fail_label.is_some() && step.done_label.is_none() {
                self.problems.push(Problem::new(
                    at,
                    "a step with a `fail` button needs a `done` button too, \
                     e.g. `<!-- done: The doors locked, then unlocked -->`",
                ));
            }
        }
        for step in &mut procedure.steps {
            step.text = step.text.split_whitespace().collect::<Vec<_>>().join(" ");
            if let Some(target) = step.repeat_from {
                if target >= step.number || target > count {
                    let at = step.markers.first().map_or(step.item.start, |m| m.start);
                    self.problems.push(Problem::new(
                        at,
                        format!(
                            "`repeat-from: {target}` must name an earlier step (this is step {})",
                            step.number
                        ),
                    ));
                }
            }
        }
        self.chapter.procedures.push(procedure);
    }
}

/// Sets a step's field from its marker; returns the marker's name if it was already set.
fn set<T>(field: &mut Option<T>, value: T, name: &'static str) -> Option<&'static str> {
    field.replace(value).map(|_| name)
}

/// The same for a marker that names buttons.
fn set_list(
    field: &mut Vec<String>,
    value: Vec<String>,
    name: &'static str,
) -> Option<&'static str> {
    let repeated = !field.is_empty();
    *field = value;
    repeated.then_some(name)
}

#[cfg(test)]
mod tests;
