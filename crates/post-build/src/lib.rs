//! After mdBook: what the built `book/` needs and mdBook's templates cannot make (they cannot turn
//! a chapter's path into its absolute URL, draw an image or list the final files), in the order it
//! must happen. [`run`] is the one entry point (`cargo xtask build` calls it):
//!
//! 1. `minify`: the theme's scripts and styles without their comments;
//! 2. `search`: search's files (lunr, the guide's sections, our search.js), named in every page;
//! 3. `inline`: each page's styles in the page, guided mode's scripts in one file only where there
//!    is a procedure, the policy allowing exactly the page's own inline code (`csp`);
//! 4. `previews`: each chapter's link-preview tags and card image (`page` reads the chapter,
//!    `card` draws the card with `draw`);
//! 5. `redirects`: the redirect pages of moved chapters get the site's policy and their script;
//! 6. `sitemap`: `sitemap.xml` and `robots.txt`;
//! 7. `prune`: whatever no page uses (`used`) leaves the book;
//! 8. `offline`: the manifest and its icons, and the service worker that precaches every final file;
//! 9. `headers`: `_headers` for static hosts, last, as it lists every hashed file.
//!
//! `config` is what book.toml says.

mod config;
mod csp;
mod draw;
mod headers;
mod inline;
mod minify;
mod offline;
mod previews;
mod prune;
mod redirects;
mod search;
mod sitemap;
mod used;

pub use config::Site;
pub use previews::{Page, UTILITY_PAGES};

use anyhow::{Context, Result};
use std::path::Path;

/// What a run did, for the build's one line of report.
pub struct Report {
    /// The theme's scripts and styles, in bytes, before and after minifying.
    pub minified: (usize, usize),
    /// The chapter pages, in file-name order.
    pub chapters: Vec<Page>,
    /// How many of mdBook's files no page used, removed.
    pub pruned: usize,
    /// Every file the service worker precaches (but the root), and the precache's version.
    pub precached: Vec<String>,
    pub version: String,
}

/// Finishes the book whose `book.toml` is in `root`, built by mdBook into `book_dir`.
pub fn run(root: &Path, book_dir: &Path) -> Result<Report> {
    let site = Site::from_book_toml(&root.join("book.toml"))?;
    let minified = minify::theme(book_dir)?;
    search::write(&root.join("theme"), book_dir)?;
    let inlined = inline::write(book_dir)?;
    let drawing = draw::Drawing::new();
    let chapters = previews::write(book_dir, &site, &drawing)?;
    redirects::write(book_dir, &site)?;
    sitemap::write(book_dir, &site, &chapters)?;
    let pruned = prune::write(book_dir, &site)?;
    let offline = offline::write(book_dir, &site, &drawing)?;
    headers::write(book_dir, &offline::HEADERS, &inlined)?;
    Ok(Report {
        minified,
        chapters,
        pruned,
        precached: offline.precached,
        version: offline.version,
    })
}

/// The book's pages by file name: its `.html` files, all at its root (mdBook writes a flat book
/// for our flat `SUMMARY.md`).
fn pages(book_dir: &Path) -> Result<Vec<String>> {
    let mut names = Vec::new();
    for entry in
        std::fs::read_dir(book_dir).with_context(|| format!("reading {}", book_dir.display()))?
    {
        let name = entry?.file_name().to_string_lossy().into_owned();
        if name.ends_with(".html") {
            names.push(name);
        }
    }
    names.sort();
    Ok(names)
}

/// The short content hash in the names of the files the post-build writes (`name-1a2b3c4d.js`),
/// as mdBook names its own: a new version is a new name, so hosts may cache them for a year.
fn short_hash(bytes: &[u8]) -> String {
    use sha2::{Digest, Sha256};
    Sha256::digest(bytes)[..4]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Text made safe for HTML and SVG, in element content and in double-quoted attributes, by the
/// escaper mdBook's renderer uses (one for the whole project).
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    pulldown_cmark_escape::escape_html(&mut out, text).expect("writing to a String cannot fail");
    out
}
