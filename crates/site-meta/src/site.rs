//! The site's one public address, from `book.toml`:
//!
//! ```toml
//! [output.html.site]
//! url = "https://example.org/"
//! ```
//! (mdBook warns about unknown top-level tables, not about extra keys under `output.html`.)
//! Also the key drawing the cards show: the one the procedure's figures draw
//! (`[preprocessor.procedure] key-drawing`).

use anyhow::{bail, Context, Result};
use std::collections::BTreeMap;
use std::path::Path;

#[derive(Debug, Clone)]
pub struct Site {
    /// Absolute, `https://`, ending in `/`.
    pub url: String,
    /// The book's title: `og:site_name` and the name on every card.
    pub name: String,
    /// The key drawing, a path in the book (`images/three-button-key.svg`), if there is one.
    pub key_drawing: Option<String>,
    /// Pages that have moved, as book.toml lists them (`[output.html.redirect]`):
    /// "/old.html" (or "/old.html#anchor") to "new.html".
    pub redirects: BTreeMap<String, String>,
    /// The folder of book.toml, where `theme/` is.
    pub root: std::path::PathBuf,
}

impl Site {
    pub fn from_book_toml(path: &Path) -> Result<Site> {
        let text =
            std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
        let config: toml::Table = text
            .parse()
            .with_context(|| format!("{}", path.display()))?;
        let url = config
            .get("output")
            .and_then(|o| o.get("html"))
            .and_then(|h| h.get("site"))
            .and_then(|s| s.get("url"))
            .and_then(toml::Value::as_str)
            .with_context(|| {
                format!(
                    "{}: [output.html.site] url = \"https://…\" is missing",
                    path.display()
                )
            })?;
        let name = config
            .get("book")
            .and_then(|b| b.get("title"))
            .and_then(toml::Value::as_str)
            .unwrap_or_default();
        let mut site = Site::new(url, name)
            .with_context(|| format!("{}: [output.html.site] url", path.display()))?;
        site.key_drawing = config
            .get("preprocessor")
            .and_then(|p| p.get("procedure"))
            .and_then(|p| p.get("key-drawing"))
            .and_then(toml::Value::as_str)
            .map(str::to_owned);
        site.redirects = config
            .get("output")
            .and_then(|o| o.get("html"))
            .and_then(|h| h.get("redirect"))
            .and_then(toml::Value::as_table)
            .map(|table| {
                table
                    .iter()
                    .filter_map(|(from, to)| Some((from.clone(), to.as_str()?.to_owned())))
                    .collect()
            })
            .unwrap_or_default();
        site.root = path.parent().unwrap_or(Path::new(".")).to_path_buf();
        Ok(site)
    }

    pub fn new(url: &str, name: &str) -> Result<Site> {
        if !url.starts_with("https://") || url.contains(char::is_whitespace) {
            bail!("{url:?} must be an absolute https:// address");
        }
        let url = if url.ends_with('/') {
            url.to_owned()
        } else {
            format!("{url}/")
        };
        Ok(Site {
            url,
            name: name.to_owned(),
            key_drawing: None,
            redirects: BTreeMap::new(),
            root: std::path::PathBuf::from("."),
        })
    }

    /// The redirect pages mdBook writes at the moved pages' old addresses (`about.html`).
    pub fn redirect_pages(&self) -> Vec<String> {
        let mut pages: Vec<String> = self
            .redirects
            .keys()
            .map(|from| from.split('#').next().unwrap_or_default())
            .map(|from| from.trim_start_matches('/').to_owned())
            .collect();
        pages.dedup();
        pages
    }

    /// The public address of a built file; the landing page is the site's root.
    pub fn url_of(&self, file: &str) -> String {
        if file == "index.html" {
            self.url.clone()
        } else {
            format!("{}{file}", self.url)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_are_absolute_and_the_landing_page_is_the_root() {
        let site = Site::new("https://example.org/guide", "Guide").unwrap();
        assert_eq!(site.url_of("index.html"), "https://example.org/guide/");
        assert_eq!(
            site.url_of("procedure.html"),
            "https://example.org/guide/procedure.html"
        );
    }

    #[test]
    fn a_relative_or_plain_http_address_is_refused() {
        assert!(Site::new("/guide/", "Guide").is_err());
        assert!(Site::new("http://example.org/", "Guide").is_err());
    }
}
