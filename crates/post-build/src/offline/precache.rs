//! What to precache: every built page, every local file a page refers to (styles, scripts,
//! images, the manifest) or loads on demand (the search code and index), and the manifest's
//! icons. Derived from the build each time, never kept by hand.

use anyhow::{bail, Context, Result};
use scraper::{Html, Selector};
use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

/// Attributes that name a file: (selector, attribute). `data-scripts` holds several, spaced.
const REFERENCES: [(&str, &str); 5] = [
    ("link[href]:not([rel='canonical'])", "href"),
    ("script[src]", "src"),
    ("img[src]", "src"),
    ("[data-scripts]", "data-scripts"),
    ("html[data-search-index]", "data-search-index"),
];

/// Files relative to the book's root, sorted; `also` are more (the manifest's icons).
pub fn precache_list(book_dir: &Path, also: &[String]) -> Result<Vec<String>> {
    let mut files = BTreeSet::new();
    for entry in
        fs::read_dir(book_dir).with_context(|| format!("reading {}", book_dir.display()))?
    {
        let name = entry?.file_name().to_string_lossy().into_owned();
        if !name.ends_with(".html") {
            continue;
        }
        let html = fs::read_to_string(book_dir.join(&name))?;
        for reference in references(&html) {
            if !book_dir.join(&reference).is_file() {
                bail!("{name} refers to {reference}, which is not in the build");
            }
            files.insert(reference);
        }
        files.insert(name);
    }
    files.extend(also.iter().cloned());
    Ok(files.into_iter().collect())
}

/// The local files one page names, without query or fragment. The book is flat, so a page's
/// references are relative to the root.
fn references(html: &str) -> Vec<String> {
    let doc = Html::parse_document(html);
    let mut out = Vec::new();
    for (selector, attribute) in REFERENCES {
        let selector = Selector::parse(selector).expect("valid selector");
        for element in doc.select(&selector) {
            let Some(value) = element.value().attr(attribute) else {
                continue;
            };
            for reference in value.split_whitespace() {
                let path = reference.split(['?', '#']).next().unwrap_or_default();
                let path = path.trim_start_matches("./");
                if path.is_empty() || path.contains(':') || path.starts_with('/') {
                    continue; // another site, a data: URI, or a same-page link
                }
                out.push(path.to_owned());
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_names_its_styles_scripts_images_and_search_files() {
        let html = r#"<html data-search-index="searchindex.js"><head>
            <link rel="stylesheet" href="theme/site.css?v=1"><link rel="canonical" href="https://x.org/a.html">
            <script src="book.js"></script></head><body>
            <button data-scripts="elasticlunr.min.js searcher.js"></button>
            <img src="images/key.svg"><img src="data:image/png;base64,AA"></body></html>"#;
        let mut found = references(html);
        found.sort();
        assert_eq!(
            found,
            [
                "book.js",
                "elasticlunr.min.js",
                "images/key.svg",
                "searcher.js",
                "searchindex.js",
                "theme/site.css"
            ]
        );
    }
}
