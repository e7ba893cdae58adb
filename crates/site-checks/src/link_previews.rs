//! Every chapter page describes itself to search engines and forums: its own description, a
//! canonical URL equal to `og:url`, Open Graph and Twitter tags with absolute URLs, and a social
//! card that is a 1200×630 PNG in the build. Also `sitemap.xml` and `robots.txt`.

use crate::paths;
use anyhow::{bail, Result};
use post_build::pages::Kind;
use scraper::{Html, Selector};
use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

/// The stage: every chapter page of every language (not the utility pages, nor a moved page's
/// redirect); each language's own description, card and address.
pub fn run() -> Result<()> {
    let site = paths::site()?;
    let mut pages = Vec::new();
    for page in paths::pages()? {
        if page.kind == Kind::Chapter {
            pages.push((page.path, fs::read_to_string(&page.disk)?));
        }
    }
    let problems = problems(&paths::book()?, &site.url, &pages);
    if !problems.is_empty() {
        bail!("{}", problems.join("\n"));
    }
    println!(
        "{} pages: tags, cards, sitemap and robots.txt in order",
        pages.len()
    );
    Ok(())
}

/// Problems with the pages `(file name, html)` built into `book_dir` for the site at `site_url`.
pub fn problems(book_dir: &Path, site_url: &str, pages: &[(String, String)]) -> Vec<String> {
    let mut problems = Vec::new();
    let mut descriptions: BTreeMap<String, &str> = BTreeMap::new();
    let mut canonicals = Vec::new();
    for (file, html) in pages {
        let doc = Html::parse_document(html);
        let all = |selector: &str| -> Vec<String> {
            let selector = Selector::parse(selector).expect("valid selector");
            doc.select(&selector)
                .filter_map(|e| e.value().attr("content").or(e.value().attr("href")))
                .map(str::to_owned)
                .collect()
        };
        let mut one = |selector: &str| -> String {
            let found = all(selector);
            if found.len() != 1 || found[0].is_empty() {
                problems.push(format!("{file}: expected one {selector}, found {found:?}"));
            }
            found.into_iter().next().unwrap_or_default()
        };
        let description = one("meta[name='description']");
        let canonical = one("link[rel='canonical']");
        let og_url = one("meta[property='og:url']");
        let image = one("meta[property='og:image']");
        for tag in ["og:title", "og:description", "og:type", "og:site_name"] {
            one(&format!("meta[property='{tag}']"));
        }
        let card = one("meta[name='twitter:card']");

        if let Some(other) = descriptions.insert(description.clone(), file) {
            problems.push(format!("{file}: same description as {other}"));
        }
        if !canonical.starts_with(site_url) {
            problems.push(format!(
                "{file}: canonical {canonical:?} is not under {site_url}"
            ));
        }
        if canonical != og_url {
            problems.push(format!(
                "{file}: og:url {og_url:?} differs from canonical {canonical:?}"
            ));
        }
        if card != "summary_large_image" {
            problems.push(format!("{file}: twitter:card is {card:?}"));
        }
        match image.strip_prefix(site_url) {
            None => problems.push(format!(
                "{file}: og:image {image:?} is not under {site_url}"
            )),
            Some(path) => match std::fs::read(book_dir.join(path)) {
                Err(_) => problems.push(format!("{file}: og:image {path} is not in the build")),
                Ok(png) => {
                    if png_size(&png) != Some((1200, 630)) {
                        problems.push(format!(
                            "{file}: og:image {path} is not a 1200×630 PNG ({:?})",
                            png_size(&png)
                        ));
                    }
                }
            },
        }
        canonicals.push(canonical);
    }

    let sitemap = std::fs::read_to_string(book_dir.join("sitemap.xml")).unwrap_or_default();
    for canonical in &canonicals {
        if !sitemap.contains(&format!("<loc>{canonical}</loc>")) {
            problems.push(format!("sitemap.xml does not list {canonical}"));
        }
    }
    let robots = std::fs::read_to_string(book_dir.join("robots.txt")).unwrap_or_default();
    if !robots.contains(&format!("Sitemap: {site_url}sitemap.xml")) {
        problems.push(format!(
            "robots.txt does not point to {site_url}sitemap.xml"
        ));
    }
    problems
}

/// Width and height of a PNG, if it is one.
fn png_size(bytes: &[u8]) -> Option<(u32, u32)> {
    if imagesize::image_type(bytes).ok()? != imagesize::ImageType::Png {
        return None;
    }
    let size = imagesize::blob_size(bytes).ok()?;
    Some((size.width.try_into().ok()?, size.height.try_into().ok()?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn png_size_reads_the_header() {
        let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR".to_vec();
        png.extend(1200u32.to_be_bytes());
        png.extend(630u32.to_be_bytes());
        png.extend([8, 6, 0, 0, 0]);
        assert_eq!(png_size(&png), Some((1200, 630)));
        assert_eq!(png_size(b"GIF89a\x01\0\x01\0"), None);
    }

    #[test]
    fn missing_tags_and_a_shared_description_are_reported() {
        let page = |description: &str| {
            format!(
                "<html><head><meta name=\"description\" content=\"{description}\"></head></html>"
            )
        };
        let pages = [
            ("a.html".to_owned(), page("Same")),
            ("b.html".to_owned(), page("Same")),
        ];
        let found = problems(Path::new("/nonexistent"), "https://example.org/", &pages);
        assert!(
            found
                .iter()
                .any(|p| p == "b.html: same description as a.html"),
            "{found:#?}"
        );
        assert!(found
            .iter()
            .any(|p| p.starts_with("a.html: expected one link[rel='canonical']")));
        assert!(found.iter().any(|p| p.starts_with("robots.txt")));
    }
}
