//! What the site says about itself, added after mdBook has built it: for every chapter page the
//! tags that make a pasted link unfurl as a clear card (description, canonical URL, Open Graph,
//! Twitter) and the card image itself; then `sitemap.xml`, `robots.txt`, the web app manifest
//! with its icons, and `_headers` (security policy and cache lifetimes for static hosts).
//!
//! mdBook's templates cannot turn a chapter's path into its absolute URL or render an image, so
//! this runs on the built `book/` (`cargo xtask build` calls [`finish`]). [`minify::theme`] takes
//! the comments out of the theme's scripts and styles. Moved pages' redirect pages get the site's
//! security policy and their script (`redirect`).

mod card;
mod draw;
mod head;
mod headers;
mod manifest;
pub mod minify;
mod page;
mod redirect;
mod site;
mod sitemap;

pub use page::Page;
pub use site::Site;

use anyhow::{Context, Result};
use std::fs;
use std::path::Path;

/// Pages that are not chapters: no preview, not in the sitemap.
pub const UTILITY_PAGES: [&str; 3] = ["404.html", "print.html", "toc.html"];

/// Adds the tags and cards to every chapter page in `book_dir`, and writes the sitemap and
/// robots.txt. Returns the chapter pages, in file-name order.
pub fn finish(book_dir: &Path, site: &Site) -> Result<Vec<Page>> {
    let drawing = draw::Drawing::new();
    let key = site
        .key_drawing
        .as_ref()
        .map(|file| {
            let path = book_dir.join(file);
            fs::read_to_string(&path).with_context(|| format!("reading {}", path.display()))
        })
        .transpose()?;
    let mut pages = Vec::new();
    let moved = site.redirect_pages();
    for file in chapter_files(book_dir)?
        .into_iter()
        .filter(|f| !moved.contains(f))
    {
        let path = book_dir.join(&file);
        let html =
            fs::read_to_string(&path).with_context(|| format!("reading {}", path.display()))?;
        let page = Page::read(&file, &html).with_context(|| file.clone())?;
        let card = card::render(&page.title, site, key.as_deref(), &drawing)?;
        let card_path = book_dir.join(page.card_path());
        fs::create_dir_all(card_path.parent().expect("cards/ has a parent"))?;
        fs::write(&card_path, card)?;
        fs::write(&path, head::add_tags(&html, &page, site)?)?;
        pages.push(page);
    }
    redirect::finish(book_dir, site)?;
    sitemap::write(book_dir, site, &pages)?;
    manifest::write(book_dir, site, &drawing)?;
    headers::write(book_dir)?;
    Ok(pages)
}

/// Text made safe for HTML and SVG, in element content and in double-quoted attributes, by the
/// escaper mdBook's renderer uses (one for the whole project).
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    pulldown_cmark_escape::escape_html(&mut out, text).expect("writing to a String cannot fail");
    out
}

fn chapter_files(book_dir: &Path) -> Result<Vec<String>> {
    let mut files: Vec<String> = fs::read_dir(book_dir)
        .with_context(|| format!("reading {}", book_dir.display()))?
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|name| name.ends_with(".html") && !UTILITY_PAGES.contains(&name.as_str()))
        .collect();
    files.sort();
    Ok(files)
}
