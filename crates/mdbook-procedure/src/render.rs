//! Writing a chapter back out for the HTML renderer: the procedure list becomes HTML list items
//! with ids and data attributes around the step's own Markdown, step references become links, and a
//! schema.org `HowTo` JSON-LD block describes the steps. Everything else is copied byte for byte.
//!
//! ```markdown
//! <!-- procedure -->
//! 1. Sit in the car.
//! 2. Turn the key. <!-- window: 5s -->
//! ```
//! becomes (guided mode's start link goes under the chapter's title)
//! ```markdown
//! <ol class="procedure" id="guided">
//! <li id="step-1" data-step="1">
//!
//! Sit in the car.
//!
//! </li>
//! <li id="step-2" data-step="2" data-window="5">
//!
//! Turn the key.
//!
//! </li>
//! </ol>
//! ```

use crate::error::Problem;
use crate::figures;
use crate::markdown::inline_html;
use crate::markers::attribute as marker_attribute;
use crate::procedure::{step_id, Chapter, Procedure, Step};
use crate::references::Reference;
use crate::Settings;
use serde_json::json;
use std::fmt::Write as _;
use std::ops::Range;

/// Where a chapter's step references point.
#[derive(Debug, Clone, Copy)]
pub struct Target<'a> {
    /// The link to the procedure's page from this chapter: "" when it is this chapter.
    pub href: &'a str,
    pub steps: u32,
}

/// The chapter as the HTML renderer should see it.
pub fn chapter(
    text: &str,
    chapter: &Chapter,
    target: Option<Target>,
    title: &str,
    page_url: &str,
    settings: &Settings,
) -> Result<String, Vec<Problem>> {
    let mut problems = Vec::new();
    let mut edits: Vec<(Range<usize>, String)> = Vec::new();
    for reference in &chapter.references {
        match link(text, reference, target) {
            Ok(Some(edit)) => edits.push(edit),
            Ok(None) => {}
            Err(p) => problems.push(p),
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }

    // A procedure replaces its whole span; the edits inside it are made within each step, found
    // by binary search (sorted by where they start), so a long procedure costs no more per step.
    edits.sort_by_key(|(r, _)| r.start);
    let (inside, mut outside): (Vec<_>, Vec<_>) = edits
        .into_iter()
        .partition(|(r, _)| chapter.procedures.iter().any(|p| contains(&p.span, r)));
    for procedure in &chapter.procedures {
        outside.push((
            procedure.span.clone(),
            list(text, procedure, &inside, settings)?,
        ));
    }
    // Guided mode's way in goes under the chapter's title, so that it is on the first screen of
    // every phone, in every language, landscape too; without a title, just before the list.
    if let Some(first) = chapter.procedures.first() {
        let at = chapter.title_end.unwrap_or(first.span.start);
        outside.push((at..at, format!("\n\n{GUIDED_START}\n")));
    }
    let mut out = splice(text, 0..text.len(), &outside);
    if !chapter.procedures.is_empty() {
        out.push_str(&howto(title, page_url, &chapter.procedures));
    }
    Ok(out)
}

/// The link a reference becomes, or none where it stays words (in a link or a heading, or in a
/// book without a single procedure to point to); a problem if it names a step that does not exist.
fn link(
    text: &str,
    reference: &Reference,
    target: Option<Target>,
) -> Result<Option<(Range<usize>, String)>, Problem> {
    let phrase = &text[reference.range.clone()];
    let Some(target) = target else {
        return Ok(None);
    };
    if let Some(&missing) = reference
        .steps
        .iter()
        .find(|&&n| n == 0 || n > target.steps)
    {
        return Err(Problem::new(
            reference.range.start,
            format!(
                "\"{phrase}\" refers to step {missing}, but the procedure has steps 1 to {}",
                target.steps
            ),
        ));
    }
    if !reference.link {
        return Ok(None);
    }
    let href = format!("{}#{}", target.href, step_id(reference.steps[0]));
    Ok(Some((
        reference.range.clone(),
        format!("[{phrase}]({href})"),
    )))
}

/// Guided mode's way in, written with the chapter so that it takes its place in the page's first
/// layout (inserted later by script, it would push the page down). A link to `#guided`, which
/// opens guided mode; the theme shows it only when JavaScript runs.
const GUIDED_START: &str = "<div class=\"guided-start\">\n\
    <a class=\"guided-start-button\" href=\"#guided\" data-i18n>Start guided mode</a>\n\
    <p data-i18n>One step at a time, in big type, with a countdown for each timed step.</p>\n\
    </div>\n";

/// The list. Its id `guided` lets a pasted `#guided` link land on
/// the steps even without JavaScript. (A chapter holds one procedure: a second one would repeat
/// step ids, which is an error.) `data-i18n` marks words the post-build translates.
fn list(
    text: &str,
    procedure: &Procedure,
    edits: &[(Range<usize>, String)],
    settings: &Settings,
) -> Result<String, Vec<Problem>> {
    let drawings = &settings.drawings;
    let mut html = String::new();
    let mut figures = Vec::new();
    let mut problems = Vec::new();
    for step in &procedure.steps {
        match figures::figures(step.action(), drawings) {
            Ok(figure) => figures.push(figure),
            Err(message) => problems.push(Problem::new(step.item.start, message)),
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    if figures.iter().any(|f| !f.is_empty()) {
        html.push_str(&drawings.defs());
    }
    html.push_str("<ol class=\"procedure\" id=\"guided\">\n");
    for (step, figure) in procedure.steps.iter().zip(&figures) {
        let _ = write!(
            html,
            "<li id=\"{}\" data-step=\"{}\"",
            step.id(),
            step.number
        );
        if let Some(seconds) = step.window {
            let _ = write!(html, " data-window=\"{seconds}\"");
        }
        if let Some(from) = step.repeat_from {
            let _ = write!(html, " data-repeat-from=\"{from}\"");
        }
        if let Some(presses) = step.presses {
            let _ = write!(html, " data-presses=\"{presses}\"");
        }
        // The words markers' attributes: `markers::WORD_MARKERS` names them.
        let words_of = |html: &mut String, marker: &str, words: &Option<String>| {
            if let Some(words) = words {
                let _ = write!(
                    html,
                    " {}=\"{}\"",
                    marker_attribute(marker),
                    attribute(words)
                );
            }
        };
        words_of(&mut html, "start", &step.start_label);
        words_of(&mut html, "done", &step.done_label);
        // One answer per line: a label is one line of words (translate::message folds them).
        if !step.fail_labels.is_empty() {
            let _ = write!(
                html,
                " {}=\"{}\"",
                marker_attribute("fail"),
                step.fail_labels
                    .iter()
                    .map(|label| attribute(label))
                    .collect::<Vec<_>>()
                    .join("&#10;")
            );
        }
        words_of(&mut html, "brief", &step.brief);
        words_of(&mut html, "hint", &step.hint);
        words_of(&mut html, "card", &step.card);
        if let Some(words) = &step.again {
            let _ = write!(
                html,
                " {}=\"{}\"",
                marker_attribute("again"),
                attribute(&inline_html(words, settings.smart_punctuation))
            );
        }
        for (name, buttons) in [("hold", &step.hold), ("press", &step.press)] {
            if !buttons.is_empty() {
                let _ = write!(html, " data-{name}=\"{}\"", buttons.join(" "));
            }
        }
        // The figure shares the item's first line: a blank line would end the HTML block.
        let _ = write!(
            html,
            ">{figure}\n\n{}\n\n</li>\n",
            content(text, step, edits)
        );
    }
    html.push_str("</ol>");
    // The list's span ends with the blank lines after it; without them, the next paragraph
    // would run into the HTML block and lose its Markdown.
    let span = &text[procedure.span.clone()];
    let trailing = &span[span.trim_end().len()..];
    html.push_str(if trailing.contains('\n') {
        trailing
    } else {
        "\n"
    });
    Ok(html)
}

/// Text made safe for a double-quoted HTML attribute, by the escaper mdBook's renderer uses.
fn attribute(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    pulldown_cmark_escape::escape_html(&mut out, text).expect("writing to a String cannot fail");
    out
}

/// The step's own Markdown, without its list marker, markers or item indentation.
fn content(text: &str, step: &Step, edits: &[(Range<usize>, String)]) -> String {
    let range = step.content_start..step.item.end;
    let first = edits.partition_point(|(r, _)| r.start < range.start);
    let mut step_edits: Vec<_> = edits[first..]
        .iter()
        .take_while(|(r, _)| r.start < range.end)
        .filter(|(r, _)| contains(&range, r))
        .cloned()
        .collect();
    step_edits.extend(step.markers.iter().map(|m| (m.clone(), String::new())));
    let markdown = splice(text, range, &step_edits);
    let mut lines = markdown.lines();
    let mut out: Vec<String> = lines.next().map(str::to_owned).into_iter().collect();
    for line in lines {
        let strip = line.len() - line.trim_start_matches(' ').len();
        out.push(line[strip.min(step.indent)..].to_owned());
    }
    out.iter()
        .map(|l| l.trim_end())
        .collect::<Vec<_>>()
        .join("\n")
        .trim()
        .to_owned()
}

/// `text[range]` with the non-overlapping `edits` (ranges into `text`) applied.
fn splice(text: &str, range: Range<usize>, edits: &[(Range<usize>, String)]) -> String {
    let mut sorted: Vec<_> = edits.iter().collect();
    sorted.sort_by_key(|(r, _)| (r.start, r.end)); // an insertion before a replacement there
    let mut out = String::new();
    let mut at = range.start;
    for (r, replacement) in sorted {
        out.push_str(&text[at..r.start]);
        out.push_str(replacement);
        at = r.end;
    }
    out.push_str(&text[at..range.end]);
    out
}

fn contains(outer: &Range<usize>, inner: &Range<usize>) -> bool {
    outer.start <= inner.start && inner.end <= outer.end
}

/// schema.org `HowTo`, one `HowToStep` per step, each with the url of its anchor.
fn howto(title: &str, page_url: &str, procedures: &[Procedure]) -> String {
    let steps: Vec<_> = procedures
        .iter()
        .flat_map(|p| &p.steps)
        .map(|s| {
            json!({
                "@type": "HowToStep",
                "position": s.number,
                "name": first_sentence(&s.text),
                "text": s.text,
                "url": format!("{page_url}#{}", s.id()),
            })
        })
        .collect();
    let data = json!({
        "@context": "https://schema.org",
        "@type": "HowTo",
        "name": title,
        "step": steps,
    });
    // `<` never appears raw, so no text can close the script element early.
    let json = data.to_string().replace('<', "\\u003c");
    format!("\n\n<script type=\"application/ld+json\">{json}</script>\n")
}

fn first_sentence(text: &str) -> &str {
    text.char_indices()
        .find(|&(i, c)| matches!(c, '.' | '?' | '!') && text[i + 1..].starts_with(' '))
        .map_or(text, |(i, _)| &text[..=i])
}

#[cfg(test)]
mod tests {
    use super::first_sentence;

    #[test]
    fn first_sentences() {
        assert_eq!(first_sentence("Sit down. Then go."), "Sit down.");
        assert_eq!(first_sentence("Another key? Repeat."), "Another key?");
        assert_eq!(first_sentence("No full stop"), "No full stop");
    }
}
