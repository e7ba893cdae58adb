//! A chapter as its link preview shows it: title and description, read from the built page.

use anyhow::{bail, Result};
use scraper::{Html, Selector};

/// Search engines and forums cut descriptions at about this length.
const DESCRIPTION_MAX: usize = 160;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    /// The built file, e.g. `procedure.html`.
    pub file: String,
    /// The chapter's first heading.
    pub title: String,
    /// The chapter's `<!-- description: … -->` line if it has one, else its first paragraph;
    /// cut at a word to at most 160 characters.
    pub description: String,
}

impl Page {
    pub fn read(file: &str, html: &str) -> Result<Page> {
        let doc = Html::parse_document(html);
        let text = |selector: &str| {
            let selector = Selector::parse(selector).expect("valid selector");
            doc.select(&selector)
                .next()
                .map(|e| squash(&e.text().collect::<String>()))
        };
        let Some(title) = text("main h1") else {
            bail!("the chapter has no # title")
        };
        let Some(description) =
            own_description(&doc).or_else(|| text("main > p:not([hidden]):not(.translated-from)"))
        else {
            bail!("the chapter has no paragraph to describe it in link previews")
        };
        Ok(Page {
            file: file.to_owned(),
            title,
            description: shorten(&description, DESCRIPTION_MAX),
        })
    }

    /// Where the page's card image is, under the book.
    pub fn card_path(&self) -> String {
        format!("cards/{}.png", self.file.trim_end_matches(".html"))
    }
}

/// A chapter may say how it wants to be described, in a comment that Markdown viewers hide:
/// `<!-- description: … -->`. mdBook passes comments through to the page.
fn own_description(doc: &Html) -> Option<String> {
    doc.tree.nodes().find_map(|node| {
        let comment = node.value().as_comment()?;
        let text = comment.trim().strip_prefix("description:")?;
        Some(squash(text))
    })
}

/// Whitespace folded; a no-break space (French `Mini ?`) stays what it is.
fn squash(text: &str) -> String {
    text.split_ascii_whitespace().collect::<Vec<_>>().join(" ")
}

/// At most `max` characters, cut after a whole word, with an ellipsis when cut.
fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let mut out = String::new();
    for word in text.split(' ') {
        if out.chars().count() + word.chars().count() + 2 > max {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out.trim_end_matches([',', ';', ':', '.']).to_owned() + "…"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_and_first_paragraph() {
        let html = "<main><h1 id=\"x\"><a href=\"#x\">Fix it</a></h1>\n<p hidden>fob, plip</p>\n<p>First <strong>words</strong>\nhere.</p><p>Then.</p></main>";
        let page = Page::read("fix.html", html).unwrap();
        assert_eq!(page.title, "Fix it");
        assert_eq!(page.description, "First words here.");
        assert_eq!(page.card_path(), "cards/fix.png");
    }

    #[test]
    fn a_description_comment_wins_and_a_translation_s_line_is_not_the_description() {
        for (html, description) in [
            (
                "<!-- description: Seven steps,\n with timings. -->\n<main><h1>T</h1><p>Have every key.</p></main>",
                "Seven steps, with timings.",
            ),
            (
                "<main><p class=\"translated-from\">Translated.</p><h1>T</h1><p>Have every key.</p></main>",
                "Have every key.",
            ),
        ] {
            assert_eq!(Page::read("p.html", html).unwrap().description, description);
        }
    }

    #[test]
    fn a_long_paragraph_is_cut_at_a_word() {
        let long = "word ".repeat(60);
        let cut = shorten(long.trim(), 160);
        assert!(cut.chars().count() <= 160, "{cut}");
        assert!(cut.ends_with("word…"));
    }

    #[test]
    fn a_chapter_without_a_paragraph_is_an_error() {
        let err = Page::read("x.html", "<main><h1>T</h1><ul><li>a</li></ul></main>").unwrap_err();
        assert!(err.to_string().contains("no paragraph"));
    }
}
