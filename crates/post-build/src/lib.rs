//! After mdBook: what the built `book/` needs and mdBook's templates cannot make (they cannot turn
//! a chapter's path into its absolute URL, draw an image or list the final files), in the order it
//! must happen. [`run`] is the one entry point (`cargo xtask build` calls it):
//!
//! 1. `minify`: the theme's scripts and styles without their comments;
//! 2. `previews`: each chapter's link-preview tags and card image (`page` reads the chapter,
//!    `card` draws the card with `draw`);
//! 3. `redirects`: the redirect pages of moved chapters get the site's policy and their script;
//! 4. `sitemap`: `sitemap.xml` and `robots.txt`;
//! 5. `offline`: the manifest and its icons, and the service worker that precaches every final file;
//! 6. `headers`: `_headers` for static hosts, last, as it lists every hashed file.
//!
//! `config` is what book.toml says.

mod config;
mod draw;
mod headers;
mod minify;
mod offline;
mod previews;
mod redirects;
mod sitemap;

pub use config::Site;
pub use previews::{Page, UTILITY_PAGES};

use anyhow::Result;
use std::path::Path;

/// What a run did, for the build's one line of report.
pub struct Report {
    /// The theme's scripts and styles, in bytes, before and after minifying.
    pub minified: (usize, usize),
    /// The chapter pages, in file-name order.
    pub chapters: Vec<Page>,
    /// Every file the service worker precaches (but the root), and the precache's version.
    pub precached: Vec<String>,
    pub version: String,
}

/// Finishes the book whose `book.toml` is in `root`, built by mdBook into `book_dir`.
pub fn run(root: &Path, book_dir: &Path) -> Result<Report> {
    let site = Site::from_book_toml(&root.join("book.toml"))?;
    let minified = minify::theme(book_dir)?;
    let drawing = draw::Drawing::new();
    let chapters = previews::write(book_dir, &site, &drawing)?;
    redirects::write(book_dir, &site)?;
    sitemap::write(book_dir, &site, &chapters)?;
    let offline = offline::write(book_dir, &site, &drawing)?;
    headers::write(book_dir, &offline::HEADERS)?;
    Ok(Report {
        minified,
        chapters,
        precached: offline.precached,
        version: offline.version,
    })
}

/// Text made safe for HTML and SVG, in element content and in double-quoted attributes, by the
/// escaper mdBook's renderer uses (one for the whole project).
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    pulldown_cmark_escape::escape_html(&mut out, text).expect("writing to a String cannot fail");
    out
}
