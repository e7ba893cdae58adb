//! What book.toml says that the post-build needs, read with mdBook's own `Config` (so the
//! `MDBOOK_…` variables that change mdBook's settings change ours too): the site's one public
//! address, its name, the key drawing the cards show, and the pages that have moved.
//!
//! ```toml
//! [output.html.site]
//! url = "https://example.org/"
//!
//! # The guide's translations, by language code, each named in its own language; English, the
//! # source, is at the root, each translation in a folder of its code (`/de/`).
//! [output.html.site.languages]
//! de = "Deutsch"
//! ```
//! (mdBook warns about unknown top-level tables, not about extra keys under `output.html`.)

use anyhow::{bail, Context, Result};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone)]
pub struct Site {
    /// This language's address: absolute, `https://`, ending in `/` (`https://…/de/`).
    pub url: String,
    /// The site's address, where the English guide is.
    pub home: String,
    /// The language of the pages being finished (`en`, `de`, …).
    pub language: String,
    /// Every language of the guide, English first, as (code, name in that language).
    pub languages: Vec<(String, String)>,
    /// The catalogue of the pages' language (none for English).
    pub catalogue: Option<catalogue::Catalogue>,
    /// The book's title: `og:site_name` and the name on every card.
    pub name: String,
    /// The key drawing, a path in the book (`images/three-button-key.svg`), if there is one:
    /// `[preprocessor.procedure] key-drawing`, the one the procedure's figures draw.
    pub key_drawing: Option<String>,
    /// Pages that have moved, as book.toml lists them (`[output.html.redirect]`):
    /// "/old.html" (or "/old.html#anchor") to "new.html".
    pub redirects: BTreeMap<String, String>,
    /// The folder of book.toml, where `theme/` is.
    pub root: PathBuf,
}

impl Site {
    pub fn from_book_toml(path: &Path) -> Result<Site> {
        let mut config = mdbook::Config::from_disk(path)
            .with_context(|| format!("reading {}", path.display()))?;
        config.update_from_env();
        let url = config
            .get("output.html.site.url")
            .and_then(|v| v.as_str())
            .with_context(|| {
                format!(
                    "{}: [output.html.site] url = \"https://…\" is missing",
                    path.display()
                )
            })?;
        let name = config.book.title.clone().unwrap_or_default();
        let mut site = Site::new(url, &name)
            .with_context(|| format!("{}: [output.html.site] url", path.display()))?;
        site.key_drawing = config
            .get_preprocessor("procedure")
            .and_then(|p| p.get("key-drawing"))
            .and_then(|v| v.as_str())
            .map(str::to_owned);
        site.redirects = config
            .html_config()
            .map(|html| html.redirect.into_iter().collect())
            .unwrap_or_default();
        site.root = path.parent().unwrap_or(Path::new(".")).to_path_buf();
        if let Some(table) = config
            .get("output.html.site.languages")
            .and_then(|v| v.as_table())
        {
            for (code, name) in table {
                let name = name.as_str().with_context(|| {
                    format!(
                        "{}: [output.html.site.languages] {code} must be a name",
                        path.display()
                    )
                })?;
                site.languages.push((code.clone(), name.to_owned()));
            }
        }
        Ok(site)
    }

    /// The site as the pages of `language` see it: their address, their catalogue.
    pub fn in_language(mut self, language: &str) -> Result<Site> {
        if !self.languages.iter().any(|(code, _)| code == language) {
            bail!("{language:?} is not a language of the guide ([output.html.site.languages])");
        }
        self.url = self.address_in(language);
        self.language = language.to_owned();
        self.catalogue =
            catalogue::Catalogue::for_language(&self.root, language).map_err(anyhow::Error::msg)?;
        Ok(self)
    }

    /// The address of the guide in `language`.
    pub fn address_in(&self, language: &str) -> String {
        format!("{}{}", self.home, catalogue::folder(language))
    }

    /// The codes of the guide's translations: every language but English.
    pub fn translations(&self) -> impl Iterator<Item = &str> {
        self.languages
            .iter()
            .map(|(code, _)| code.as_str())
            .filter(|code| *code != catalogue::SOURCE_LANGUAGE)
    }

    /// The public address of the built `file` in `language`; a landing page is its folder.
    pub fn address_of(&self, language: &str, file: &str) -> String {
        let base = self.address_in(language);
        if file == "index.html" {
            base
        } else {
            format!("{base}{file}")
        }
    }

    /// `words` in the pages' language, where the catalogue has them.
    pub fn words(&self, words: &str) -> String {
        self.catalogue
            .as_ref()
            .map_or(words, |c| c.translate(words))
            .to_owned()
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
            home: url.clone(),
            url,
            language: catalogue::SOURCE_LANGUAGE.to_owned(),
            languages: vec![(catalogue::SOURCE_LANGUAGE.to_owned(), "English".to_owned())],
            catalogue: None,
            name: name.to_owned(),
            key_drawing: None,
            redirects: BTreeMap::new(),
            root: PathBuf::from("."),
        })
    }

    /// For tests: the site with this repository's `theme/` (its brand, `brand`).
    #[cfg(test)]
    pub fn in_this_repository(mut self) -> Site {
        self.root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
        self
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
