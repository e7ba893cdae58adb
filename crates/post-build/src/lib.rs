//! After mdBook: what the built `book/` needs and mdBook's templates cannot make (they cannot turn
//! a chapter's path into its absolute URL, draw an image or list the final files), in the order it
//! must happen. [`run`] finishes one language's build (`cargo xtask build` calls it for English at
//! the root, then for each translation in its folder), [`finish`] the site once all are there:
//!
//! 0. `glovebox_card`: `card.html`, the procedure on a card to print, made from the procedure
//!    page, which every later step then treats as a page of the book;
//! 1. `minify`: the theme's scripts and styles without their comments;
//! 2. `search`: search's files (lunr, the language's stemmer, the guide's sections, our
//!    rank.js and search.js), named in every page;
//! 3. `inline`: each page's first lines (theme/first-paint.js) and styles in the page, guided
//!    mode's scripts in one file only where there is a procedure, the policy allowing exactly the
//!    page's own inline code (`csp`);
//! 4. `translate`: the words the theme marks (`data-i18n`) and the drawings' labels in the page's
//!    language, from its catalogue (`po/<language>.po`); the chapters mdbook-gettext translated;
//!    then `typography`: the pages' text in the language's typography (French spacing);
//! 5. `languages`: `hreflang` alternates, the language switch, the "translated from" line;
//! 6. `previews`: each chapter's link-preview tags and card image (`page` reads the chapter,
//!    `card` draws the card with `draw`);
//!    then `authoring`: the chapters' comments and hidden search keywords, read by now, leave;
//! 7. `redirects`: the redirect pages of moved chapters get the site's policy and their script;
//! 8. `prune`: whatever no page uses (`used`) leaves the book;
//! 9. `offline`: the manifest and its icons, and the service worker that precaches every final
//!    file of the language;
//!
//! and once for the site: `sitemap` (`sitemap.xml` with every language, and `robots.txt`), then
//! `headers` (`_headers` for static hosts), last, as it lists every hashed file.
//!
//! `config` is what book.toml says; `pages` is the one list of the book's pages, which every step
//! reads.

mod authoring;
mod brand;
mod config;
mod csp;
mod draw;
pub mod glovebox_card;
mod headers;
mod inline;
mod languages;
mod minify;
mod offline;
pub mod pages;
mod previews;
mod prune;
mod redirects;
mod search;
mod sitemap;
#[cfg(test)]
mod test_folder;
pub mod translate;
mod typography;
mod used;

pub use config::Site;

/// The words the post-build writes itself, in English: the manifest's name and description, the
/// line on every card. The catalogues translate them (`cargo xtask translations` lists them).
pub const BUILD_WORDS: [&str; 11] = [
    offline::manifest::SHORT_NAME,
    offline::manifest::DESCRIPTION,
    previews::card::LINE,
    glovebox_card::TITLE,
    glovebox_card::DESCRIPTION,
    glovebox_card::HOW,
    glovebox_card::PRINT,
    glovebox_card::FOR,
    glovebox_card::SESSION,
    glovebox_card::MISSED,
    glovebox_card::SCAN,
];
pub use previews::Page;

use anyhow::Result;
use std::path::Path;

/// What a run did, for the build's one line of report.
pub struct Report {
    /// The language finished.
    pub language: String,
    /// The theme's scripts and styles, in bytes, before and after minifying.
    pub minified: (usize, usize),
    /// The chapter pages, in file-name order.
    pub chapters: Vec<Page>,
    /// How many of mdBook's files no page used, removed.
    pub pruned: usize,
    /// Every file the service worker precaches (but the root), and the precache's version.
    pub precached: Vec<String>,
    pub version: String,
    /// The pages' own inline styles and scripts, which the site's one policy must allow.
    inlined: inline::Inlined,
}

/// Finishes the pages of `language` of the book whose `book.toml` is in `root`, built by mdBook
/// into `book_dir` (the site's root for English, its language's folder for a translation).
pub fn run(root: &Path, book_dir: &Path, language: &str) -> Result<Report> {
    let site = Site::from_book_toml(&root.join("book.toml"))?.in_language(language)?;
    glovebox_card::write(root, book_dir, &site)?;
    let minified = minify::theme(book_dir)?;
    search::write(&root.join("theme"), book_dir, language)?;
    let inlined = inline::write(&root.join("theme"), book_dir)?;
    translate::write(book_dir, site.catalogue.as_ref())?;
    typography::write(book_dir, language)?;
    languages::write(book_dir, &site)?;
    let drawing = draw::Drawing::new();
    let chapters = previews::write(book_dir, &site, &drawing)?;
    authoring::write(book_dir)?;
    redirects::write(book_dir, &site)?;
    let pruned = prune::write(book_dir, &site)?;
    let offline = offline::write(book_dir, &site, &drawing)?;
    Ok(Report {
        language: language.to_owned(),
        minified,
        chapters,
        pruned,
        precached: offline.precached,
        version: offline.version,
        inlined,
    })
}

/// Once every language is finished, in the site's root `book_dir`: the sitemap with every
/// language's pages, `robots.txt`, and `_headers` for all of them.
pub fn finish(root: &Path, book_dir: &Path, reports: &[Report]) -> Result<()> {
    let site = Site::from_book_toml(&root.join("book.toml"))?;
    sitemap::write(book_dir, &site, reports)?;
    let mut inlined = inline::Inlined::default();
    let mut also = Vec::new();
    for report in reports {
        inlined.styles.extend(report.inlined.styles.iter().cloned());
        inlined
            .scripts
            .extend(report.inlined.scripts.iter().cloned());
        let folder = catalogue::folder(&report.language);
        for (path, header) in offline::HEADERS {
            also.push((
                format!("/{folder}{}", path.trim_start_matches('/')),
                header.to_owned(),
            ));
        }
    }
    headers::write(book_dir, &also, &inlined)
}

/// One language's pages by file name, every kind, as each step reads them ([`pages::in_folder`]).
fn pages(book_dir: &Path) -> Result<Vec<String>> {
    pages::in_folder(book_dir)
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
