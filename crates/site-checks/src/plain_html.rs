//! Plain HTML in a chapter reaches the reader with every word: on its page and on the print page,
//! in English and (as written) in a translation's build. It needs a build of its own:
//! `cargo xtask test "chapter HTML"` builds a copy of the book whose about.md ends with
//! [`with_plain_html`], and [`check`]s that build.

use anyhow::{bail, Result};
use std::fs;
use std::path::Path;

/// Plain HTML the site allows, with the words of each that must reach the reader.
const ALLOWED: &[(&str, &str)] = &[
    (
        "<div class=\"thanks\">Thanks to every owner who tested these steps.</div>",
        "Thanks to every owner who tested these steps.",
    ),
    (
        "<p><small>Printed for the glovebox.</small></p>",
        "Printed for the glovebox.",
    ),
    (
        "<details><summary>Why all keys</summary>Each key is paired again.</details>",
        "Each key is paired again.",
    ),
];

/// The chapter `text` with every allowed piece of HTML after it, each a block of its own.
pub fn with_plain_html(text: &str) -> String {
    let blocks: String = ALLOWED
        .iter()
        .map(|(html, _)| format!("\n{html}\n"))
        .collect();
    format!("{text}{blocks}")
}

/// Every allowed piece's words on the about and print pages of `book`, built from a copy of the
/// book whose about.md is [`with_plain_html`].
pub fn check(book: &Path) -> Result<()> {
    for page in ["about.html", "print.html", "de/about.html", "de/print.html"] {
        let html = fs::read_to_string(book.join(page))?;
        for (_, words) in ALLOWED {
            if !html.contains(words) {
                bail!("{page}: the chapter's \"{words}\" is gone");
            }
        }
    }
    println!("plain HTML in a chapter keeps every word, on its page and the print page");
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_piece_of_html_is_a_block_of_its_own() {
        let chapter = with_plain_html("# About\n");
        assert!(chapter.starts_with("# About\n\n<div class=\"thanks\">"));
        assert_eq!(chapter.matches("\n\n<").count(), ALLOWED.len());
    }
}
