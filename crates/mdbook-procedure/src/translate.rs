//! What mdbook-gettext cannot translate, put into the catalogue's language here, before anything
//! else reads the chapter. `messages` lists the same words for `cargo xtask translations`, so a
//! word a reader sees is a message wherever the chapter writes it:
//!
//! - **Comments.** A comment on a line of its own is, for Markdown, HTML to keep as it is. The
//!   words of the words markers (`markers::WORD_MARKERS`: keywords, description, guided mode's
//!   buttons and lines) are messages; the other markers (windows, presses, the loop, the
//!   buttons) are data and stay as written, so no translation can change the procedure.
//! - **Admonitions** (```` ```admonish ````) are code blocks, which mdbook-gettext takes whole, and
//!   only when they hold `"` or `//` (an admonition without a title has neither). Here the title
//!   (or, without one, the name admonish shows: "Warning") is a message, and so is each
//!   paragraph or list item of the Markdown inside, as mdbook-gettext splits a chapter.
//! - **Raw HTML** (`<p class="cta"><a href="…">…</a></p>`), which mdbook-gettext keeps as it is:
//!   each run of text between its tags is a message, and so are the words of its `alt`, `title`,
//!   `aria-label` and `placeholder` attributes.

use crate::chapter_html::TAG; // a tag or a comment of raw HTML: the text between them is words
use crate::markdown;
use crate::markers::WORD_MARKERS;
use catalogue::Catalogue;
use pulldown_cmark::{CodeBlockKind, Event, Tag, TagEnd};
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

/// A comment of a words marker (`markers::WORD_MARKERS`), its words captured.
static WORDS: LazyLock<Regex> = LazyLock::new(|| {
    let names: Vec<&str> = WORD_MARKERS.iter().map(|(name, _)| *name).collect();
    Regex::new(&format!(
        r"(?s)<!--\s*(?:{})\s*:\s*(.*?)\s*-->",
        names.join("|")
    ))
    .expect("valid regex")
});

/// The attributes of raw HTML that hold words a reader sees or hears.
static WORD_ATTRIBUTE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"\b(?:alt|title|aria-label|placeholder)\s*=\s*"([^"]*)""#).expect("valid regex")
});

/// An admonition's `title="…"` (admonish reads its info string as TOML: `\"` is a quote).
static TITLE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#"\btitle\s*=\s*"((?:[^"\\]|\\.)*)""#).expect("valid regex"));

/// Words of a chapter: where they are and the message they are.
struct Words {
    range: Range<usize>,
    message: String,
    /// How a translation is written back in that place.
    write: Write,
}

enum Write {
    /// In place of the words.
    AsIs,
    /// Inside an admonition's `title="…"`.
    Title,
    /// As a new `title="…"` at the end of an admonition's info string, which had none.
    NewTitle,
}

/// A message: one line, single spaces (markup may wrap its words).
fn message(words: &str) -> String {
    words.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The messages of a chapter, with the line each is on, in order.
pub fn messages(text: &str) -> Vec<(usize, String)> {
    words(text)
        .into_iter()
        .map(|w| (crate::error::line_of(text, w.range.start), w.message))
        .collect()
}

/// The chapter with its words in the catalogue's language, where it has them.
pub fn chapter(text: &str, catalogue: &Catalogue) -> String {
    let mut out = text.to_owned();
    // From the end, so the earlier ranges stay where they are.
    for w in words(text).into_iter().rev() {
        let Some(translated) = catalogue.get(&w.message) else {
            continue;
        };
        let written = match w.write {
            Write::AsIs => translated.to_owned(),
            Write::Title => quoted(translated),
            Write::NewTitle => format!(" title=\"{}\"", quoted(translated)),
        };
        out.replace_range(w.range, &written);
    }
    out
}

/// Every message of a chapter, in the order of the text.
fn words(text: &str) -> Vec<Words> {
    let mut found: Vec<Words> = WORDS
        .captures_iter(text)
        .map(|c| {
            let words = c.get(1).expect("the words");
            Words {
                range: words.range(),
                message: message(words.as_str()),
                write: Write::AsIs,
            }
        })
        .collect();
    let mut fence: Option<Range<usize>> = None;
    for (event, range) in markdown::parser(text, false).into_offset_iter() {
        match event {
            Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(info)))
                if info.split_whitespace().next() == Some("admonish") =>
            {
                fence = Some(range);
            }
            Event::End(TagEnd::CodeBlock) => {
                if let Some(block) = fence.take() {
                    found.extend(admonition(text, block));
                }
            }
            Event::Start(Tag::HtmlBlock) => found.extend(html_runs(text, range)),
            _ => {}
        }
    }
    found.retain(|w| !w.message.is_empty());
    found.sort_by_key(|w| w.range.start);
    found
}

/// The runs of text between the tags of raw HTML at `range`, and its attributes' words.
fn html_runs(text: &str, range: Range<usize>) -> Vec<Words> {
    let html = &text[range.clone()];
    let mut runs = Vec::new();
    for tag in TAG
        .find_iter(html)
        .filter(|t| !t.as_str().starts_with("<!--"))
    {
        for words in WORD_ATTRIBUTE.captures_iter(tag.as_str()) {
            let value = words.get(1).expect("the value");
            let from = range.start + tag.start() + value.start();
            runs.push(Words {
                range: from..from + value.len(),
                message: message(value.as_str()),
                write: Write::AsIs,
            });
        }
    }
    let mut at = 0;
    let ends = TAG
        .find_iter(html)
        .map(|t| (t.start(), t.end()))
        .chain([(html.len(), html.len())]);
    for (start, end) in ends {
        let run = &html[at..start];
        if !run.trim().is_empty() {
            let lead = run.len() - run.trim_start().len();
            let from = range.start + at + lead;
            runs.push(Words {
                range: from..from + run.trim().len(),
                message: message(run),
                write: Write::AsIs,
            });
        }
        at = end;
    }
    runs
}

/// The title and the words of an admonition whose fenced block is at `block`.
fn admonition(text: &str, block: Range<usize>) -> Vec<Words> {
    let source = &text[block.clone()];
    let first_line = source.lines().next().unwrap_or_default();
    let indent = first_line.len() - first_line.trim_start().len();
    let fence_len = first_line
        .trim_start()
        .chars()
        .take_while(|&c| c == '`' || c == '~')
        .count();
    let info_start = block.start + indent + fence_len;
    let info = &text[info_start..block.start + first_line.len()];
    let mut found = Vec::new();
    match TITLE.captures(info) {
        Some(c) => {
            let title = c.get(1).expect("the title");
            found.push(Words {
                range: info_start + title.start()..info_start + title.end(),
                message: message(&title.as_str().replace("\\\"", "\"").replace("\\\\", "\\")),
                write: Write::Title,
            });
        }
        None => {
            let end = info_start + info.trim_end().len();
            found.push(Words {
                range: end..end,
                message: default_title(info),
                write: Write::NewTitle,
            });
        }
    }
    // The Markdown inside, without the fence's indentation; `lines` maps it back to the chapter.
    let mut body = String::new();
    let mut lines = Vec::new();
    let mut offset = block.start + first_line.len() + 1;
    for line in source.lines().skip(1) {
        let spaces = line.len() - line.trim_start_matches(' ').len();
        let cut = spaces.min(indent);
        lines.push((body.len(), offset + cut));
        body.push_str(&line[cut..]);
        body.push('\n');
        offset += line.len() + 1;
    }
    let to_chapter = |at: usize| {
        let i = lines
            .partition_point(|&(start, _)| start <= at)
            .saturating_sub(1);
        let (start, source) = lines[i];
        source + (at - start)
    };
    for run in inline_runs(&body) {
        found.push(Words {
            range: to_chapter(run.start)..to_chapter(run.end),
            message: message(&body[run]),
            write: Write::AsIs,
        });
    }
    found
}

/// The name admonish gives an admonition without a title: its kind, capitalised ("Warning").
fn default_title(info: &str) -> String {
    // `admonish warning id="…"`: the kind is the word after `admonish`, if it is not a setting.
    let kind = info
        .split_whitespace()
        .nth(1)
        .filter(|k| !k.contains('='))
        .unwrap_or("note");
    let mut chars = kind.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => "Note".to_owned(),
    }
}

/// Where each run of inline Markdown (a paragraph, a list item's words) is in `markdown`: what
/// mdbook-gettext would make one message. The closing fence is not Markdown and has none.
fn inline_runs(markdown: &str) -> Vec<Range<usize>> {
    let mut runs = Vec::new();
    let mut current: Option<Range<usize>> = None;
    for (event, range) in markdown::parser(markdown, false).into_offset_iter() {
        let inline = matches!(
            event,
            Event::Text(_)
                | Event::Code(_)
                | Event::InlineHtml(_)
                | Event::SoftBreak
                | Event::HardBreak
                | Event::Start(
                    Tag::Emphasis
                        | Tag::Strong
                        | Tag::Strikethrough
                        | Tag::Link { .. }
                        | Tag::Image { .. }
                )
                | Event::End(
                    TagEnd::Emphasis
                        | TagEnd::Strong
                        | TagEnd::Strikethrough
                        | TagEnd::Link
                        | TagEnd::Image
                )
        );
        if inline {
            current = Some(match current {
                Some(run) => run.start..range.end.max(run.end),
                None => range,
            });
        } else if let Some(run) = current.take() {
            runs.push(run);
        }
    }
    runs.extend(current);
    runs.retain(|r| !markdown[r.clone()].trim().trim_matches('`').is_empty());
    runs
}

/// Words inside `title="…"`.
fn quoted(words: &str) -> String {
    words.replace('\\', "\\\\").replace('"', "\\\"")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_in_comments_are_messages_and_data_is_not() {
        let text = "<!-- keywords: fob, plip -->\n# T\n\n1. Go. <!-- window: 5s -->\n   \
                    <!-- done: The key\n   is out -->\n";
        assert_eq!(
            messages(text),
            [
                (1, "fob, plip".to_owned()),
                (5, "The key is out".to_owned())
            ]
        );
    }

    #[test]
    fn raw_html_text_is_words_and_its_tags_are_not() {
        let text = "# T\n\n<p class=\"cta\"><a href=\"procedure.html\">Go now →</a></p>\n\n\
                    <div class=\"note\">\nThanks to every\nowner. <!-- a note -->\n</div>\n\n\
                    <nav class=\"symptoms\" aria-label=\"Symptoms\">\n";
        assert_eq!(
            messages(text),
            [
                (3, "Go now →".to_owned()),
                (6, "Thanks to every owner.".to_owned()),
                (10, "Symptoms".to_owned())
            ]
        );
        let catalogue = Catalogue::from_pairs(&[
            ("Go now →", "Jetzt los →"),
            ("Thanks to every owner.", "Danke an alle."),
            ("Symptoms", "Anzeichen"),
        ]);
        assert_eq!(
            chapter(text, &catalogue),
            "# T\n\n<p class=\"cta\"><a href=\"procedure.html\">Jetzt los →</a></p>\n\n\
             <div class=\"note\">\nDanke an alle. <!-- a note -->\n</div>\n\n\
             <nav class=\"symptoms\" aria-label=\"Anzeichen\">\n"
        );
    }

    #[test]
    fn an_admonition_gives_its_title_and_each_paragraph_and_item() {
        let text = "# T\n\n```admonish warning title=\"Bring \\\"ALL\\\" keys\" id=\"keys\"\n\
                    Program them\nall in one go.\n\n- The **two-button** key.\n- The round key.\n```\n\n\
                    ```admonish tip\nDo not open the key.\n```\n";
        assert_eq!(
            messages(text),
            [
                (3, "Bring \"ALL\" keys".to_owned()),
                (4, "Program them all in one go.".to_owned()),
                (7, "The **two-button** key.".to_owned()),
                (8, "The round key.".to_owned()),
                (11, "Tip".to_owned()),
                (12, "Do not open the key.".to_owned()),
            ]
        );
        let catalogue = Catalogue::from_pairs(&[
            ("Bring \"ALL\" keys", "Alle „Schlüssel“ \"mitbringen\""),
            ("Program them all in one go.", "Alle in einem Durchgang."),
            (
                "The **two-button** key.",
                "Der Schlüssel mit **zwei** Tasten.",
            ),
            ("Tip", "Tipp"),
            ("Do not open the key.", "Den Schlüssel nicht öffnen."),
        ]);
        assert_eq!(
            chapter(text, &catalogue),
            "# T\n\n```admonish warning title=\"Alle „Schlüssel“ \\\"mitbringen\\\"\" id=\"keys\"\n\
             Alle in einem Durchgang.\n\n- Der Schlüssel mit **zwei** Tasten.\n- The round key.\n```\n\n\
             ```admonish tip title=\"Tipp\"\nDen Schlüssel nicht öffnen.\n```\n"
        );
    }

    #[test]
    fn an_admonition_in_a_list_item_keeps_its_indentation() {
        let text = "1. One.\n\n   ```admonish tip\n   Go back to step 2,\n     now.\n   ```\n";
        assert_eq!(
            messages(text),
            [
                (3, "Tip".to_owned()),
                (4, "Go back to step 2, now.".to_owned())
            ]
        );
        let catalogue =
            Catalogue::from_pairs(&[("Go back to step 2, now.", "Zurück zu Schritt 2.")]);
        assert_eq!(
            chapter(text, &catalogue),
            "1. One.\n\n   ```admonish tip\n   Zurück zu Schritt 2.\n   ```\n"
        );
    }
}
