//! Copies of the book for tests that change it: a chapter edited, a page renamed. They are made
//! inside `target/`, so that a copy's preprocessor (`cargo run`) finds the workspace, and are
//! deleted when dropped.

use crate::{build, paths, tools};
use anyhow::Result;
use std::fs;
use tempfile::TempDir;

/// book.toml, `src/`, `theme/` and the catalogues (`po/`), with the chapter `chapter` changed by `change`.
pub fn changed(name: &str, chapter: &str, change: impl FnOnce(&str) -> String) -> Result<TempDir> {
    let target = paths::root().join("target");
    fs::create_dir_all(&target)?;
    let copy = tempfile::Builder::new()
        .prefix(&format!("{name}-"))
        .tempdir_in(target)?;
    fs::copy(
        paths::root().join("book.toml"),
        copy.path().join("book.toml"),
    )?;
    for dir in ["src", "theme", "po"] {
        tools::copy_dir(&paths::root().join(dir), &copy.path().join(dir))?;
    }
    let path = copy.path().join("src").join(chapter);
    let text = fs::read_to_string(&path)?;
    fs::write(&path, change(&text))?;
    Ok(copy)
}

/// The book with about.md renamed to credits.md exactly as CONTRIBUTING.md's recipe says (move the
/// file, follow it in SUMMARY.md and in every link, add a redirect), built into its `book/` with
/// everything `cargo xtask build` adds.
pub fn renamed() -> Result<TempDir> {
    let copy = changed("renamed-page", "about.md", str::to_owned)?;
    let src = copy.path().join("src");
    fs::rename(src.join("about.md"), src.join("credits.md"))?;
    for entry in fs::read_dir(&src)? {
        let path = entry?.path();
        if path.extension().is_some_and(|e| e == "md") {
            let text = fs::read_to_string(&path)?;
            fs::write(&path, text.replace("about.md", "credits.md"))?;
        }
    }
    let mut book_toml = fs::read_to_string(copy.path().join("book.toml"))?;
    book_toml.push_str("\n[output.html.redirect]\n\"/about.html\" = \"credits.html\"\n");
    fs::write(copy.path().join("book.toml"), book_toml)?;
    build::build_book(copy.path(), &copy.path().join("book"))?;
    Ok(copy)
}
