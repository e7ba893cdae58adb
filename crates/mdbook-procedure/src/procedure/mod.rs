//! Reading a chapter: where its procedure is, what each step says and requires, and which
//! step references its text makes. Nothing here changes the chapter (see `render`). What a
//! procedure is lives in `model`, the rules it must keep in `validate`; this module is the reader.
//!
//! A procedure is the numbered list right after a `<!-- procedure -->` line. Step N's id is
//! `step-N` (`model::step_id`), so the list must be numbered 1, 2, 3… in the Markdown itself.

mod model;
mod validate;

pub use model::{step_id, Chapter, Procedure, Step};
use validate::{add_answer, set, set_list};

use crate::error::Problem;
use crate::markdown::parser;
use crate::markers::{self, Marker, Parsed};
use crate::references::{self, Reference};
use pulldown_cmark::{CodeBlockKind, Event, HeadingLevel, Tag, TagEnd};
use std::collections::HashMap;
use std::ops::Range;

/// Reads a chapter's Markdown (parsed as mdBook does, `smart_punctuation` as in book.toml); every
/// problem found is returned, not just the first.
pub fn analyze(text: &str, smart_punctuation: bool) -> Result<Chapter, Vec<Problem>> {
    read(text, smart_punctuation, false)
}

/// A translated chapter, as mdbook-gettext writes it: it numbers every item of a list `1.` (as
/// Markdown allows: the list counts on from its first number), so there a step's number is its
/// place in the list. The English chapter it came from was checked as written.
pub fn analyze_translation(text: &str, smart_punctuation: bool) -> Result<Chapter, Vec<Problem>> {
    read(text, smart_punctuation, true)
}

fn read(text: &str, smart_punctuation: bool, counted: bool) -> Result<Chapter, Vec<Problem>> {
    let mut reader = Reader {
        counted,
        text,
        chapter: Chapter::default(),
        problems: Vec::new(),
        awaiting_list: None,
        current: None,
        list_depth: 0,
        not_linked: 0,
        in_code: 0,
        admonition: None,
        html_block: None,
        step_numbers: HashMap::new(),
        smart_punctuation,
    };
    for (event, range) in parser(text, smart_punctuation).into_offset_iter() {
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
    /// Inside links, images, headings: a step reference there is checked, not linked.
    not_linked: usize,
    /// Inside code: "step 3" there is literal text.
    in_code: usize,
    /// Inside an mdbook-admonish block: its content is Markdown that admonish renders, read when
    /// the block ends.
    admonition: Option<Admonition>,
    html_block: Option<Range<usize>>,
    /// Whether every item is numbered `1.` and counts by its place (a translation).
    counted: bool,
    /// Every step number of the chapter's procedures, with the offset where it was first used.
    step_numbers: HashMap<u32, usize>,
    smart_punctuation: bool,
}

/// An admonition's Markdown, put together from the code block's lines, and where each line
/// is in the chapter.
#[derive(Default)]
struct Admonition {
    markdown: String,
    /// (offset in `markdown`, offset in the chapter) where each line starts.
    lines: Vec<(usize, usize)>,
}

impl Admonition {
    /// The chapter offset of `markdown[at]`.
    fn source(&self, at: usize) -> usize {
        let i = self.lines.partition_point(|&(start, _)| start <= at) - 1;
        let (start, source) = self.lines[i];
        source + (at - start)
    }
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
            Event::Start(Tag::Link { .. } | Tag::Image { .. } | Tag::Heading { .. }) => {
                self.not_linked += 1
            }
            Event::End(TagEnd::Link | TagEnd::Image) => self.not_linked -= 1,
            Event::End(TagEnd::Heading(level)) => {
                self.not_linked -= 1;
                if level == HeadingLevel::H1 {
                    self.chapter.title_end.get_or_insert(range.end);
                }
            }
            Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(info)))
                if info.trim_start().starts_with("admonish") =>
            {
                self.admonition = Some(Admonition::default())
            }
            Event::Start(Tag::CodeBlock(_) | Tag::MetadataBlock(_)) => self.in_code += 1,
            Event::End(TagEnd::CodeBlock) if self.admonition.is_some() => {
                let admonition = self.admonition.take().expect("checked just above");
                self.read_admonition(&admonition);
            }
            Event::End(TagEnd::CodeBlock | TagEnd::MetadataBlock(_)) => self.in_code -= 1,
            Event::Text(t) => {
                if let Some(step) = self.step() {
                    step.text.push_str(&t);
                }
                if let Some(admonition) = &mut self.admonition {
                    admonition
                        .lines
                        .push((admonition.markdown.len(), range.start));
                    admonition.markdown.push_str(&t);
                } else if self.in_code == 0 {
                    let link = self.not_linked == 0;
                    let found = references::find(self.text, range, link);
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

    /// An admonition's content, read as the Markdown admonish renders: its step references are
    /// linked and checked like any other; a marker there would never be read, so it is an error.
    fn read_admonition(&mut self, admonition: &Admonition) {
        let markdown = admonition.markdown.as_str();
        let (mut not_linked, mut in_code) = (0usize, 0usize);
        for (event, range) in parser(markdown, self.smart_punctuation).into_offset_iter() {
            match event {
                Event::Start(Tag::Link { .. } | Tag::Image { .. } | Tag::Heading { .. }) => {
                    not_linked += 1
                }
                Event::End(TagEnd::Link | TagEnd::Image | TagEnd::Heading(_)) => not_linked -= 1,
                Event::Start(Tag::CodeBlock(_) | Tag::MetadataBlock(_)) => in_code += 1,
                Event::End(TagEnd::CodeBlock | TagEnd::MetadataBlock(_)) => in_code -= 1,
                Event::Text(_) if in_code == 0 => {
                    for found in references::find(markdown, range, not_linked == 0) {
                        let start = admonition.source(found.range.start);
                        let end = admonition.source(found.range.end - 1) + 1;
                        // A reference broken over two lines is checked, but left as it is.
                        let link = found.link && end - start == found.range.len();
                        self.chapter.references.push(Reference {
                            range: start..end,
                            link,
                            ..found
                        });
                    }
                }
                Event::Html(html) | Event::InlineHtml(html) => {
                    for span in comment_spans(&html) {
                        let comment = &html[span.clone()];
                        if !matches!(markers::parse(comment), Parsed::Unknown(_)) {
                            self.problem(
                                admonition.source(range.start + span.start),
                                format!(
                                    "`{comment}` is inside an admonition, where it is never \
                                     read: put it in the step's own text"
                                ),
                            );
                        }
                    }
                }
                _ => {}
            }
        }
    }

    /// Each comment in a piece of HTML: one line may hold several markers.
    fn comments(&mut self, range: Range<usize>, is_block: bool) {
        for span in comment_spans(&self.text[range.clone()]) {
            self.comment(range.start + span.start..range.start + span.end, is_block);
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
                    "unknown marker `{body}` in a procedure step{}: a step's markers are `{}`",
                    markers::near_miss(&body)
                        .map(|name| format!(" (did you mean `{name}`?)"))
                        .unwrap_or_default(),
                    markers::step_markers().join("`, `")
                ),
            ),
            // An ordinary comment, unless it is a marker's name mistyped, which would be ignored.
            Parsed::Unknown(body) => {
                if let Some(name) = markers::near_miss(&body) {
                    self.problem(
                        range.start,
                        format!("unknown marker `{body}`: did you mean `{name}`?"),
                    );
                }
            }
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
            Marker::Fail(label) => add_answer(&mut step.fail_labels, label),
            Marker::Brief(line) => set(&mut step.brief, line, "brief"),
            Marker::Hint(line) => set(&mut step.hint, line, "hint"),
            Marker::Card(line) => set(&mut step.card, line, "card"),
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
        let number = if self.counted && number == 1 {
            expected
        } else {
            number
        };
        // Where each step number was first used: a map, so a long procedure is not re-scanned.
        let earlier = self
            .step_numbers
            .insert(number, item.start)
            .map(|at| crate::error::line_of(text, at));
        if let Some(message) = validate::step_number(number, expected, earlier) {
            self.problem(item.start, message);
        }
        self.current
            .as_mut()
            .expect("inside a procedure")
            .steps
            .push(Step::new(
                number,
                item.clone(),
                content_start,
                item.start - line_start + digits + 1 + spaces,
            ));
    }

    fn finish_procedure(&mut self) {
        let mut procedure = self.current.take().expect("inside a procedure");
        self.problems.extend(validate::procedure(&mut procedure));
        self.chapter.procedures.push(procedure);
    }
}

/// Where each `<!-- … -->` comment is in a piece of HTML.
fn comment_spans(html: &str) -> Vec<Range<usize>> {
    let mut spans = Vec::new();
    let mut at = 0;
    while let Some(start) = html[at..].find("<!--").map(|i| at + i) {
        let Some(end) = html[start..].find("-->").map(|i| start + i + 3) else {
            break;
        };
        spans.push(start..end);
        at = end;
    }
    spans
}

#[cfg(test)]
mod tests;
