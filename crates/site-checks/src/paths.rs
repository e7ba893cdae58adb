//! Where the checks find what they read: the repository, and the built site with the book.toml
//! that built it. By default the repository's `book/`; a check of another build (a changed copy of
//! the book, as `cargo xtask test` makes for the URL contract) names it with `BOOK_DIR` (the built
//! site) and `BOOK_ROOT` (the folder of its book.toml), relative to the repository or absolute.

use anyhow::{bail, Result};
use post_build::pages::BuiltPage;
use post_build::Site;
use std::path::{Path, PathBuf};

/// The repository root (the workspace that holds `book.toml`).
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .ancestors()
        .nth(2)
        .expect("the crate lives two levels below the root")
        .to_path_buf()
}

fn from_env(variable: &str, default: &str) -> PathBuf {
    root().join(std::env::var_os(variable).unwrap_or_else(|| default.into()))
}

/// The folder of the book.toml that built the site under check (`BOOK_ROOT`).
pub fn book_root() -> PathBuf {
    from_env("BOOK_ROOT", ".")
}

/// The built site under check (`BOOK_DIR`), which must have been built.
pub fn book() -> Result<PathBuf> {
    let book = from_env("BOOK_DIR", "book");
    if !book.join("index.html").is_file() {
        bail!(
            "no built site in {}: run `cargo xtask build` first (these checks read the build)",
            book.display()
        );
    }
    Ok(book)
}

/// What book.toml says about the site under check.
pub fn site() -> Result<Site> {
    Site::from_book_toml(&book_root().join("book.toml"))
}

/// Every page of the site under check, English first (`post_build::pages`, the one list).
pub fn pages() -> Result<Vec<BuiltPage>> {
    post_build::pages::of_site(&site()?, &book()?)
}

/// The English pages, every kind.
pub fn english_pages() -> Result<Vec<BuiltPage>> {
    let mut pages = pages()?;
    pages.retain(|page| page.language == catalogue::SOURCE_LANGUAGE);
    Ok(pages)
}

/// The Markdown chapters.
pub fn chapters() -> PathBuf {
    book_root().join("src")
}

/// The article the guide is based on, kept beside the repository (never copied into it).
pub fn source_article_dir() -> PathBuf {
    root().join("..").join("shared").join("source")
}
