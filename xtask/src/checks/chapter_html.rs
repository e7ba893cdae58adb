//! A chapter's own HTML: what the site's policy blocks fails the build (the preprocessor's tests,
//! `crates/mdbook-procedure/tests/chapter_html.rs`); plain HTML reaches the reader with every
//! word, the print page and a translation's build included, which needs the whole build of a
//! copy of the book (here); and no print page keeps mdBook's styled separators
//! (`crates/site-checks/tests/print_page.rs`).

use super::{cargo_test, site};
use crate::{build, copies};
use anyhow::{bail, Result};
use std::fs;

/// Plain HTML the site allows, with words that must reach the reader.
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

pub fn run() -> Result<()> {
    cargo_test("mdbook-procedure", "chapter_html", &[])?;
    allowed_keeps_its_words()?;
    site("print_page")
}

/// Plain HTML in about.md: built with everything `cargo xtask build` does, every word is on the
/// page and on the print page, in English and (as written) in each translation's build.
fn allowed_keeps_its_words() -> Result<()> {
    let copy = copies::changed("chapter-html-allowed", "about.md", |text| {
        let html: Vec<String> = ALLOWED
            .iter()
            .map(|(html, _)| format!("\n{html}\n"))
            .collect();
        format!("{text}{}", html.concat())
    })?;
    let book = copy.path().join("book");
    build::build_book(copy.path(), &book)?;
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
