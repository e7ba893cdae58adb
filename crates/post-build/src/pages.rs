//! The book's pages, in one list that every Rust user derives from: each step of the post-build,
//! the link previews and the sitemap (chapters only), the site checks (`crates/site-checks`),
//! lychee's list and the benchmark (`xtask`).
//!
//! mdBook writes a flat book for our flat `SUMMARY.md`: a language's pages are the `.html` files
//! at the root of its folder ([`in_folder`]). Each is one [`Kind`]: a chapter, a page mdBook adds
//! ([`UTILITY_PAGES`]), or the redirect page at a moved chapter's old address
//! (`[output.html.redirect]` in book.toml, in every language's folder).

use crate::config::Site;
use anyhow::{Context, Result};
use std::path::{Path, PathBuf};

/// Pages mdBook adds that are not chapters: no preview, not in the sitemap.
pub const UTILITY_PAGES: [&str; 3] = ["404.html", "print.html", "toc.html"];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A chapter: its own description, link preview and card, and a line in the sitemap.
    Chapter,
    /// A page mdBook adds: the missing page, the print page, the no-script contents.
    Utility,
    /// The page mdBook writes at a moved chapter's old address, which sends the reader on.
    Redirect,
}

/// A built page of one language.
#[derive(Debug, Clone)]
pub struct BuiltPage {
    /// Its language's code (`en`, `de`).
    pub language: String,
    /// Its file name (`procedure.html`).
    pub file: String,
    /// Its path in the site (`procedure.html`, `de/procedure.html`).
    pub path: String,
    /// Where it is on disk.
    pub disk: PathBuf,
    pub kind: Kind,
}

/// One language's pages by file name (the site's root for English, a translation's folder), in
/// file-name order, every kind.
pub fn in_folder(dir: &Path) -> Result<Vec<String>> {
    let mut names = Vec::new();
    for entry in std::fs::read_dir(dir).with_context(|| format!("reading {}", dir.display()))? {
        let name = entry?.file_name().to_string_lossy().into_owned();
        if name.ends_with(".html") {
            names.push(name);
        }
    }
    names.sort();
    Ok(names)
}

/// What the page `file` is, in the site that book.toml describes.
pub fn kind(file: &str, site: &Site) -> Kind {
    if UTILITY_PAGES.contains(&file) {
        Kind::Utility
    } else if site.redirect_pages().iter().any(|moved| moved == file) {
        Kind::Redirect
    } else {
        Kind::Chapter
    }
}

/// The chapter pages of one language's folder, in file-name order.
pub fn chapters(dir: &Path, site: &Site) -> Result<Vec<String>> {
    let mut files = in_folder(dir)?;
    files.retain(|file| kind(file, site) == Kind::Chapter);
    Ok(files)
}

/// Every page of the site built in `book_dir`: English first, then each translation in
/// book.toml's order, each language's in file-name order.
pub fn of_site(site: &Site, book_dir: &Path) -> Result<Vec<BuiltPage>> {
    let mut pages = Vec::new();
    for (language, _) in &site.languages {
        let folder = catalogue::folder(language);
        let dir = book_dir.join(&folder);
        for file in in_folder(&dir)? {
            pages.push(BuiltPage {
                language: language.clone(),
                path: format!("{folder}{file}"),
                disk: dir.join(&file),
                kind: kind(&file, site),
                file,
            });
        }
    }
    Ok(pages)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    #[test]
    fn every_language_s_pages_each_of_its_kind() {
        let book = tempfile::tempdir().unwrap();
        for page in [
            "index.html",
            "print.html",
            "old.html",
            "de/index.html",
            "de/old.html",
        ] {
            fs::create_dir_all(book.path().join(page).parent().unwrap()).unwrap();
            fs::write(book.path().join(page), "").unwrap();
        }
        fs::write(book.path().join("sw.js"), "").unwrap();
        let mut site = Site::new("https://example.org/", "Guide").unwrap();
        site.languages.push(("de".into(), "Deutsch".into()));
        site.redirects
            .insert("/old.html#step-1".into(), "index.html".into());
        let found: Vec<(String, Kind)> = of_site(&site, book.path())
            .unwrap()
            .into_iter()
            .map(|p| (p.path, p.kind))
            .collect();
        let expected = [
            ("index.html", Kind::Chapter),
            ("old.html", Kind::Redirect),
            ("print.html", Kind::Utility),
            ("de/index.html", Kind::Chapter),
            ("de/old.html", Kind::Redirect),
        ]
        .map(|(path, kind)| (path.to_owned(), kind));
        assert_eq!(found, expected);
        assert_eq!(chapters(book.path(), &site).unwrap(), ["index.html"]);
    }
}
