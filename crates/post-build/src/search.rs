//! Search's two files, which a page loads only when the reader opens search (theme/search/rank.js
//! says how it ranks): lunr as its package ships it, and our rank.js and search.js, minified,
//! after the guide's sections, taken from the index mdBook writes (`searchindex-<hash>.js`: each section's
//! address, chapter, title and text). A chapter's hidden keywords (mdbook-procedure puts them in
//! `<p class="search-keywords">`) leave its text and become phrases of their own. Every page's
//! search button names the two files, in order, in `data-scripts`; mdBook's own search files are
//! then unused, and `prune` removes them.

use crate::{minify, short_hash};
use anyhow::{bail, Context, Result};
use lol_html::{element, rewrite_str, RewriteStrSettings};
use scraper::{Html, Selector};
use serde::Deserialize;
use serde_json::json;
use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

/// Where search's files are, in the theme and in the book.
const FOLDER: &str = "theme/search";

/// The part of mdBook's search index that holds the sections.
#[derive(Deserialize)]
struct MdBookIndex {
    doc_urls: Vec<String>,
    index: Store,
}
#[derive(Deserialize)]
struct Store {
    #[serde(rename = "documentStore")]
    document_store: Docs,
}
#[derive(Deserialize)]
struct Docs {
    docs: BTreeMap<String, Doc>,
}
#[derive(Deserialize)]
struct Doc {
    #[serde(default)]
    body: String,
    #[serde(default)]
    breadcrumbs: String,
    #[serde(default)]
    title: String,
}

/// One section of the guide: address, chapter, title, text, and, in a chapter's section that
/// held them, the chapter's keywords ("fob, plip, …").
#[derive(Debug, PartialEq)]
struct Section {
    url: String,
    chapter: String,
    title: String,
    text: String,
    keywords: Option<String>,
}

impl Section {
    /// As search.js reads it: `[url, chapter, title, text]`, then the keywords if any.
    fn to_json(&self) -> serde_json::Value {
        let mut out = json!([self.url, self.chapter, self.title, self.text]);
        if let (Some(keywords), Some(array)) = (&self.keywords, out.as_array_mut()) {
            array.push(json!(keywords));
        }
        out
    }
}

/// Our search code, in theme/, in the order it runs: the ranking, then what shows its results.
const CODE: [&str; 2] = ["search/rank.js", "search/search.js"];

/// Writes search's files into the book and names them in every page; returns their names. In a
/// translation, lunr-languages' support file and the language's own (stemmer, stop words) come
/// between lunr and ours, as their package ships them.
pub fn write(theme_dir: &Path, book_dir: &Path, language: &str) -> Result<Vec<String>> {
    let index: MdBookIndex = serde_json::from_str(&mdbook_index(book_dir)?)
        .context("searchindex.js: not the index mdBook writes")?;
    let mut sections = sections(index)?;
    keywords(book_dir, &mut sections)?;
    // The results show these words: in the page's typography, as the page has them.
    for section in &mut sections {
        for words in [&mut section.chapter, &mut section.title, &mut section.text] {
            *words = catalogue::typography::apply(language, words, false);
        }
    }
    let sections: Vec<_> = sections.iter().map(Section::to_json).collect();
    let data = format!("window.searchSections={};\n", json!(sections));

    fs::create_dir_all(book_dir.join(FOLDER))?;
    let lunr =
        fs::read(theme_dir.join("search/lunr.min.js")).context("theme/search/lunr.min.js")?;
    // The sections and the code (the ranking, then the results) in one file: one request, and
    // gzip shares one dictionary.
    let mut search = data;
    for file in CODE {
        let code =
            fs::read_to_string(theme_dir.join(file)).with_context(|| format!("theme/{file}"))?;
        search.push_str(&minify::js(&code).with_context(|| format!("theme/{file}"))?);
    }
    let mut files = vec![hashed(book_dir, "lunr", ".min.js", &lunr)?];
    if language != catalogue::SOURCE_LANGUAGE {
        for name in ["lunr.stemmer.support", &format!("lunr.{language}")] {
            let file = format!("search/lunr-languages/{name}.min.js");
            let bytes = fs::read(theme_dir.join(&file)).with_context(|| {
                format!("theme/{file}: search in {language:?} needs its file from lunr-languages")
            })?;
            files.push(hashed(book_dir, name, ".min.js", &bytes)?);
        }
    }
    files.push(hashed(book_dir, "search", ".js", search.as_bytes())?);
    name_in_pages(book_dir, &files.join(" "))?;
    Ok(files)
}

/// The JSON of mdBook's index, out of the script it writes it in (`searchindex-<hash>.js`:
/// `window.search = Object.assign(window.search, JSON.parse('…'));`, where `\` and `'` are
/// escaped with a backslash).
fn mdbook_index(book_dir: &Path) -> Result<String> {
    const START: &str = "window.search = Object.assign(window.search, JSON.parse('";
    const END: &str = "'));";
    let script = fs::read_dir(book_dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .find(|p| {
            let name = p.file_name().unwrap_or_default().to_string_lossy();
            name.starts_with("searchindex") && name.ends_with(".js")
        })
        .context("mdBook wrote no search index: is [output.html.search] disabled in book.toml?")?;
    let text = fs::read_to_string(&script)?;
    let Some(literal) = text
        .trim()
        .strip_prefix(START)
        .and_then(|t| t.strip_suffix(END))
    else {
        bail!(
            "{}: not the search index script mdBook 0.4.52 writes",
            script.display()
        );
    };
    let mut json = String::with_capacity(literal.len());
    let mut chars = literal.chars();
    while let Some(c) = chars.next() {
        json.push(if c == '\\' {
            chars.next().unwrap_or(c)
        } else {
            c
        });
    }
    Ok(json)
}

/// The sections in mdBook's order (its ids are numbers written as strings).
fn sections(index: MdBookIndex) -> Result<Vec<Section>> {
    let mut docs: Vec<(usize, Doc)> = index
        .index
        .document_store
        .docs
        .into_iter()
        .map(|(id, doc)| Ok((id.parse()?, doc)))
        .collect::<Result<_>>()?;
    docs.sort_by_key(|(id, _)| *id);
    docs.into_iter()
        .map(|(id, doc)| {
            let Some(url) = index.doc_urls.get(id) else {
                bail!("searchindex.json: section {id} has no address");
            };
            let chapter = doc.breadcrumbs.split(" » ").next().unwrap_or_default();
            Ok(Section {
                url: url.clone(),
                chapter: chapter.to_owned(),
                title: doc.title,
                text: doc.body,
                keywords: None,
            })
        })
        .collect()
}

/// Each chapter's keywords move out of its section's text into the section's `keywords`.
fn keywords(book_dir: &Path, sections: &mut [Section]) -> Result<()> {
    let selector = Selector::parse("p.search-keywords").expect("valid selector");
    let mut pages: Vec<String> = sections
        .iter()
        .map(|s| s.url.split('#').next().unwrap_or_default().to_owned())
        .collect();
    pages.dedup();
    for page in pages {
        let html = fs::read_to_string(book_dir.join(&page)).with_context(|| page.clone())?;
        let doc = Html::parse_document(&html);
        let Some(p) = doc.select(&selector).next() else {
            continue;
        };
        let words: String = p.text().collect();
        let prefix = format!("{page}#");
        let Some(section) = sections
            .iter_mut()
            .find(|s| s.url.starts_with(&prefix) && s.text.contains(&words))
        else {
            bail!("{page}: its search keywords are not in mdBook's search index");
        };
        section.text = section.text.replacen(&words, "", 1).trim().to_owned();
        section.keywords = Some(words);
    }
    Ok(())
}

/// `theme/search/<stem>-<hash><extension>`, written.
fn hashed(book_dir: &Path, stem: &str, extension: &str, bytes: &[u8]) -> Result<String> {
    let file = format!("{FOLDER}/{stem}-{}{extension}", short_hash(bytes));
    fs::write(book_dir.join(&file), bytes)?;
    Ok(file)
}

/// Every page's search button gets the list of files to load, from the page's own folder.
fn name_in_pages(book_dir: &Path, files: &str) -> Result<()> {
    for name in crate::pages(book_dir)? {
        let path = book_dir.join(name);
        let html = fs::read_to_string(&path)?;
        let settings = RewriteStrSettings::new().append_element_content_handler(element!(
            "#search-toggle",
            |el| {
                el.set_attribute("data-scripts", files)?;
                Ok(())
            }
        ));
        fs::write(&path, rewrite_str(&html, settings)?)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn book() -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        let index = json!({
            "doc_urls": ["a.html#a", "a.html#more", "b.html#b"],
            "index": {"documentStore": {"docs": {
                "0": {"id": "0", "title": "A", "breadcrumbs": "A » A", "body": "fob, plip Hold lock."},
                "1": {"id": "1", "title": "More", "breadcrumbs": "A » More", "body": "Press \"unlock\" (it's a \\)."},
                "2": {"id": "2", "title": "B", "breadcrumbs": "B » B", "body": "Nothing."},
            }}}
        });
        let script = format!(
            "window.search = Object.assign(window.search, JSON.parse('{}'));",
            index.to_string().replace('\\', "\\\\").replace('\'', "\\'")
        );
        fs::write(dir.path().join("searchindex-1a2b3c4d.js"), script).unwrap();
        let page = |keywords: &str| {
            format!(
                r#"<html><body><button id="search-toggle"></button><main>{keywords}</main></body></html>"#
            )
        };
        fs::write(
            dir.path().join("a.html"),
            page(r#"<p class="search-keywords" hidden>fob, plip</p>"#),
        )
        .unwrap();
        fs::write(dir.path().join("b.html"), page("")).unwrap();
        dir
    }

    fn theme() -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        fs::create_dir_all(dir.path().join("search")).unwrap();
        fs::write(
            dir.path().join("search/lunr.min.js"),
            "/* lunr */ var lunr;",
        )
        .unwrap();
        fs::write(dir.path().join("search/rank.js"), "// how\nvar rank = 1;\n").unwrap();
        fs::write(
            dir.path().join("search/search.js"),
            "// why\nvar search = 1;\n",
        )
        .unwrap();
        dir
    }

    #[test]
    fn sections_and_keywords_go_to_one_file_that_every_page_names() {
        let (book, theme) = (book(), theme());
        let files = write(theme.path(), book.path(), "en").unwrap();
        assert_eq!(files.len(), 2);
        let read = |f: &str| fs::read_to_string(book.path().join(f)).unwrap();
        assert_eq!(
            read(&files[0]),
            "/* lunr */ var lunr;",
            "lunr ships as it comes"
        );
        let search = read(&files[1]);
        let (data, code) = search.split_once(";\n").unwrap();
        assert_eq!(
            code, "var rank=1;var search=1;",
            "the ranking, then its results"
        );
        let data: serde_json::Value =
            serde_json::from_str(data.strip_prefix("window.searchSections=").unwrap()).unwrap();
        assert_eq!(
            data,
            json!([
                ["a.html#a", "A", "A", "Hold lock.", "fob, plip"],
                ["a.html#more", "A", "More", "Press \"unlock\" (it's a \\)."],
                ["b.html#b", "B", "B", "Nothing."],
            ])
        );
        for page in ["a.html", "b.html"] {
            assert!(read(page).contains(&format!("data-scripts=\"{}\"", files.join(" "))));
        }
    }

    #[test]
    fn keywords_missing_from_the_index_fail_the_build() {
        let (book, theme) = (book(), theme());
        fs::write(
            book.path().join("b.html"),
            r#"<p class="search-keywords" hidden>ufo</p>"#,
        )
        .unwrap();
        let error = write(theme.path(), book.path(), "en")
            .unwrap_err()
            .to_string();
        assert!(error.contains("b.html"), "{error}");
    }
}
