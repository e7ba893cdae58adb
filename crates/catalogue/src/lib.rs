//! A language's messages, from its gettext catalogue `po/<language>.po`: the same file
//! mdbook-gettext translates the chapters from, read here for what it does not translate (marker
//! labels, descriptions and keywords in mdbook-procedure; the theme's words and the drawings'
//! labels in post-build). English is the source language and has no catalogue.
//!
//! A message that is missing, empty or marked fuzzy is not used, as mdbook-gettext does not use
//! it: the English stays, and `cargo xtask test` fails on it (xtask's `translations` check).

pub mod typography;

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

/// The language the guide is written in; the others are translated from it.
pub const SOURCE_LANGUAGE: &str = "en";

/// Where a language's pages are in the site: the source language at its root (""), each
/// translation in a folder of its code ("de/").
pub fn folder(language: &str) -> String {
    if language == SOURCE_LANGUAGE {
        String::new()
    } else {
        format!("{language}/")
    }
}

/// Where a language's catalogue is, in the book's folder.
pub fn po_file(root: &Path, language: &str) -> PathBuf {
    root.join("po").join(format!("{language}.po"))
}

#[derive(Debug, Default, Clone)]
pub struct Catalogue {
    translated: HashMap<String, String>,
    fuzzy: HashSet<String>,
}

impl Catalogue {
    /// The catalogue of `language` for the book in `root`; `None` for the source language.
    pub fn for_language(root: &Path, language: &str) -> Result<Option<Catalogue>, String> {
        if language == SOURCE_LANGUAGE {
            return Ok(None);
        }
        Catalogue::load(&po_file(root, language)).map(Some)
    }

    /// The messages of `po` (`po/<language>.po`), set in the language's typography.
    pub fn load(po: &Path) -> Result<Catalogue, String> {
        let parsed = polib::po_file::parse(po).map_err(|e| format!("{}: {e}", po.display()))?;
        let language = po.file_stem().and_then(|s| s.to_str()).unwrap_or_default();
        let mut catalogue = Catalogue::default();
        for message in parsed.messages() {
            let id = message.msgid().to_owned();
            if id.is_empty() {
                continue; // the header
            }
            if message.is_fuzzy() {
                catalogue.fuzzy.insert(id);
            } else if message.is_translated() {
                let text = without_anchor(&id, message.msgstr().unwrap_or_default());
                let text = typography::apply(language, text, false);
                catalogue.translated.insert(id, text);
            }
        }
        Ok(catalogue)
    }

    /// A catalogue of (English, translation) pairs, for tests.
    pub fn from_pairs(pairs: &[(&str, &str)]) -> Catalogue {
        Catalogue {
            translated: pairs
                .iter()
                .map(|(a, b)| ((*a).to_owned(), (*b).to_owned()))
                .collect(),
            fuzzy: HashSet::new(),
        }
    }

    /// The translation of `msgid`, if the catalogue has one that may be used.
    pub fn get(&self, msgid: &str) -> Option<&str> {
        self.translated.get(msgid).map(String::as_str)
    }

    /// The translation of `msgid`, or `msgid` itself when there is none yet.
    pub fn translate<'a>(&'a self, msgid: &'a str) -> &'a str {
        self.get(msgid).unwrap_or(msgid)
    }

    /// Why `msgid` has no usable translation, or `None` when it has one.
    pub fn problem(&self, msgid: &str) -> Option<&'static str> {
        if self.translated.contains_key(msgid) {
            None
        } else if self.fuzzy.contains(msgid) {
            Some("marked fuzzy (the English changed: check the translation, then remove the flag)")
        } else {
            Some("not translated")
        }
    }
}

/// A heading's translation keeps the English anchor for mdbook-gettext (`## Titel {#title}`);
/// where the same words are used elsewhere (guided mode's link to that heading), the anchor is
/// not words.
fn without_anchor<'a>(msgid: &str, msgstr: &'a str) -> &'a str {
    match msgstr.rsplit_once(" {#") {
        Some((words, anchor)) if anchor.ends_with('}') && !msgid.contains("{#") => words.trim_end(),
        _ => msgstr,
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_heading_s_anchor_is_not_words() {
        assert_eq!(
            super::without_anchor("Only one key works", "Nur einer geht {#only-one-key-works}"),
            "Nur einer geht"
        );
        assert_eq!(super::without_anchor("A {#a}", "B {#a}"), "B {#a}");
        assert_eq!(super::without_anchor("Go", "Los"), "Los");
    }

    use super::*;

    #[test]
    fn fuzzy_and_empty_messages_are_not_used() {
        let dir = std::env::temp_dir().join(format!("catalogue-test-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let po = dir.join("de.po");
        // polib needs the header msgmerge writes.
        const HEADER: &str = "\"Project-Id-Version: t\\n\"\n\"POT-Creation-Date: \\n\"\n\
            \"PO-Revision-Date: \\n\"\n\"Language-Team: \\n\"\n\"MIME-Version: 1.0\\n\"\n\
            \"Content-Type: text/plain; charset=UTF-8\\n\"\n\"Content-Transfer-Encoding: 8bit\\n\"\n\
            \"Language: de\\n\"\n\"Plural-Forms: nplurals=2; plural=(n != 1);\\n\"\n";
        std::fs::write(
            &po,
            format!(
                "msgid \"\"\nmsgstr \"\"\n{HEADER}\n\
             msgid \"Menu\"\nmsgstr \"Menü\"\n\n\
             #, fuzzy\nmsgid \"Search\"\nmsgstr \"Suche\"\n\n\
             msgid \"Share\"\nmsgstr \"\"\n"
            ),
        )
        .unwrap();
        let catalogue = Catalogue::load(&po).unwrap();
        std::fs::remove_dir_all(&dir).unwrap();
        assert_eq!(catalogue.get("Menu"), Some("Menü"));
        assert_eq!(catalogue.translate("Search"), "Search");
        assert!(catalogue
            .problem("Search")
            .unwrap()
            .starts_with("marked fuzzy"));
        assert_eq!(catalogue.problem("Share"), Some("not translated"));
        assert_eq!(catalogue.problem("Menu"), None);
    }

    #[test]
    fn the_source_language_has_no_catalogue() {
        assert!(Catalogue::for_language(Path::new("/nowhere"), "en")
            .unwrap()
            .is_none());
        assert!(Catalogue::for_language(Path::new("/nowhere"), "de").is_err());
    }
}
