//! What the built site uses: the local files each page names (styles, scripts, images, the
//! manifest, the search code and index it loads on demand) and its link-preview card. Derived
//! from the pages each time, never kept by hand; the prune and the precache both follow it.

use scraper::{Html, Selector};

/// The local files one page names, without query or fragment: every address an attribute of
/// `html_loads::LOADS` makes the browser load (styles, scripts, images, the theme's
/// `data-scripts`, `data-scripts-after-paint` and `data-manifest`). The book is flat, so a page's
/// references are relative to the root.
pub fn references(html: &str) -> Vec<String> {
    let doc = Html::parse_document(html);
    let all = Selector::parse("*").expect("valid selector");
    let mut out = Vec::new();
    for element in doc.select(&all) {
        let element = element.value();
        for (attribute, value) in element.attrs() {
            for reference in html_loads::addresses(element.name(), attribute, value) {
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

/// The page's link-preview card, from its `og:image` (an address under `site_url`).
pub fn card(html: &str, site_url: &str) -> Option<String> {
    let doc = Html::parse_document(html);
    let image = Selector::parse("meta[property='og:image']").expect("valid selector");
    let address = doc.select(&image).next()?.value().attr("content")?;
    address.strip_prefix(site_url).map(str::to_owned)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_names_its_styles_scripts_images_and_search_files() {
        let html = r##"<html data-scripts-after-paint="book.js" data-manifest="manifest.webmanifest"><head>
            <link rel="stylesheet" href="theme/site.css?v=1"><link rel="canonical" href="https://x.org/a.html">
            <script src="late.js"></script></head><body>
            <button data-scripts="theme/search/lunr.min.js theme/search/search.js"></button>
            <img src="images/key.svg"><img src="data:image/png;base64,AA">
            <img srcset="images/key-2x.png 2x"><svg><use href="#key"/></svg>
            <a href="about.html">not loaded</a></body></html>"##;
        let mut found = references(html);
        found.sort();
        assert_eq!(
            found,
            [
                "book.js",
                "images/key-2x.png",
                "images/key.svg",
                "late.js",
                "manifest.webmanifest",
                "theme/search/lunr.min.js",
                "theme/search/search.js",
                "theme/site.css"
            ]
        );
    }

    #[test]
    fn the_card_is_found_under_the_site() {
        let html = r#"<meta property="og:image" content="https://x.org/cards/a.png">"#;
        assert_eq!(card(html, "https://x.org/").as_deref(), Some("cards/a.png"));
    }
}
