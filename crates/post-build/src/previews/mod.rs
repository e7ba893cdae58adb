//! Link previews: for every chapter page, the tags in its `<head>` that make a pasted link unfurl
//! as a clear card (its own description, canonical URL, Open Graph, Twitter), and the card image
//! itself (`card`), from what the chapter says (`page`).

pub mod card;
mod page;

pub use page::Page;

use crate::config::Site;
use crate::draw::Drawing;
use crate::escape;
use anyhow::{Context, Result};
use lol_html::html_content::ContentType;
use lol_html::{element, rewrite_str, RewriteStrSettings};
use std::fs;
use std::path::Path;

/// Adds the tags and the card to every chapter page in `book_dir` (`pages::chapters`: not the
/// utility pages, nor the redirect pages of moved chapters); returns them, in file-name order.
pub fn write(book_dir: &Path, site: &Site, drawing: &Drawing) -> Result<Vec<Page>> {
    let key = site
        .key_drawing
        .as_ref()
        .map(|file| {
            let path = book_dir.join(file);
            fs::read_to_string(&path).with_context(|| format!("reading {}", path.display()))
        })
        .transpose()?;
    let mut pages = Vec::new();
    for file in crate::pages::chapters(book_dir, site)? {
        let path = book_dir.join(&file);
        let html =
            fs::read_to_string(&path).with_context(|| format!("reading {}", path.display()))?;
        let page = Page::read(&file, &html).with_context(|| file.clone())?;
        let card = card::render(&page.title, site, key.as_deref(), drawing)?;
        let card_path = book_dir.join(page.card_path());
        fs::create_dir_all(card_path.parent().expect("cards/ has a parent"))?;
        fs::write(&card_path, card)?;
        fs::write(&path, add_tags(&html, &page, site)?)?;
        pages.push(page);
    }
    Ok(pages)
}

/// The page with mdBook's `<meta name="description">` (the book's) replaced by the chapter's own,
/// and the canonical, Open Graph and Twitter tags, at the end of `<head>`.
fn add_tags(html: &str, page: &Page, site: &Site) -> Result<String> {
    let tags = tags(page, site);
    let settings = RewriteStrSettings::new()
        .append_element_content_handler(element!("meta[name='description']", |el| {
            el.remove();
            Ok(())
        }))
        .append_element_content_handler(element!("head", move |el| {
            el.append(&tags, ContentType::Html);
            Ok(())
        }));
    rewrite_str(html, settings)
        .with_context(|| format!("adding link-preview tags to {}", page.file))
}

fn tags(page: &Page, site: &Site) -> String {
    let url = site.url_of(&page.file);
    let image = format!("{}{}", site.url, page.card_path());
    let title = format!("{} - {}", page.title, site.name);
    [
        meta("name", "description", &page.description),
        format!("<link rel=\"canonical\" href=\"{}\">", escape(&url)),
        meta("property", "og:type", "article"),
        meta("property", "og:site_name", &site.name),
        meta("property", "og:title", &title),
        meta("property", "og:description", &page.description),
        meta("property", "og:url", &url),
        meta("property", "og:image", &image),
        meta("property", "og:image:width", &card::WIDTH.to_string()),
        meta("property", "og:image:height", &card::HEIGHT.to_string()),
        meta("property", "og:image:alt", &title),
        meta("name", "twitter:card", "summary_large_image"),
    ]
    .map(|tag| format!("    {tag}\n"))
    .concat()
}

fn meta(kind: &str, name: &str, content: &str) -> String {
    format!("<meta {kind}=\"{name}\" content=\"{}\">", escape(content))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_tags_are_absolute_and_og_url_is_the_canonical_url() {
        let site = Site::new("https://example.org/", "Mini Remote Fix")
            .unwrap()
            .in_this_repository();
        let page = Page {
            file: "procedure.html".into(),
            title: "Re-program your keys".into(),
            description: "Seven steps & \"three\" windows.".into(),
        };
        let html = "<html><head><meta name=\"description\" content=\"the book\"></head><body></body></html>";
        let out = add_tags(html, &page, &site).unwrap();
        assert!(out.contains(
            "<meta name=\"description\" content=\"Seven steps &amp; &quot;three&quot; windows.\">"
        ));
        assert!(
            out.contains("<link rel=\"canonical\" href=\"https://example.org/procedure.html\">")
        );
        assert!(out
            .contains("<meta property=\"og:url\" content=\"https://example.org/procedure.html\">"));
        assert!(out.contains(
            "<meta property=\"og:image\" content=\"https://example.org/cards/procedure.png\">"
        ));
        assert!(out.contains("<meta name=\"twitter:card\" content=\"summary_large_image\">"));
        assert!(out.find("twitter:card").unwrap() < out.find("</head>").unwrap());
        assert!(!out.contains("the book"), "the book's description is gone");
    }
}
