//! The public URL contract (`tests/public-urls.txt`): every page and anchor readers may have
//! pasted into a forum still resolves, on its page or through a redirect from book.toml
//! (`[output.html.redirect]`) to a page that has the anchor.
//!
//! `cargo xtask test` runs it on the build, and again on a copy of the book with a page renamed
//! as CONTRIBUTING.md says (`BOOK_DIR` and `BOOK_ROOT`, see `paths`).

use crate::paths;
use anyhow::{bail, Result};
use std::collections::{BTreeMap, HashSet};
use std::fs;

/// The check: every line of tests/public-urls.txt, in every language, resolves in the build.
pub fn run() -> Result<()> {
    let contract = fs::read_to_string(paths::root().join("tests/public-urls.txt"))?;
    let site = paths::site()?;
    let translations: Vec<String> = site.translations().map(str::to_owned).collect();
    let missing = missing_translations(&contract, &translations);
    if !missing.is_empty() {
        bail!("{}", missing.join("\n"));
    }
    let book = paths::book()?;
    let ids_of = |page: &str| {
        let html = fs::read_to_string(book.join(page)).ok()?;
        let doc = scraper::Html::parse_document(&html);
        let any_id = scraper::Selector::parse("[id]").expect("valid selector");
        Some(
            doc.select(&any_id)
                .filter_map(|e| e.value().attr("id").map(str::to_owned))
                .collect(),
        )
    };
    let problems = problems(&contract, ids_of, &site.redirects);
    if !problems.is_empty() {
        bail!("{}", problems.join("\n"));
    }
    println!("every public address resolves in {}", book.display());
    Ok(())
}

/// Entries the contract lists for English but not for every translation (`de/` + the entry): a
/// link pasted from a translated page is as public as an English one.
pub fn missing_translations(contract: &str, languages: &[String]) -> Vec<String> {
    let entries: HashSet<&str> = contract
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect();
    let mut missing = Vec::new();
    for entry in contract.lines().map(str::trim) {
        if entry.is_empty() || entry.starts_with('#') || entry.contains('/') {
            continue;
        }
        for code in languages {
            let translated = format!("{code}/{entry}");
            if !entries.contains(translated.as_str()) {
                missing.push(format!(
                    "tests/public-urls.txt: {entry} is listed, {translated} is not"
                ));
            }
        }
    }
    missing
}

/// Problems with `contract` (the file's text) against the build: `ids_of(page)` gives the ids on a
/// built page, or `None` when there is no such page; `redirects` maps "/old.html" to "new.html".
pub fn problems(
    contract: &str,
    ids_of: impl Fn(&str) -> Option<HashSet<String>>,
    redirects: &BTreeMap<String, String>,
) -> Vec<String> {
    let mut problems = Vec::new();
    for (index, line) in contract.lines().enumerate() {
        let entry = line.trim();
        if entry.is_empty() || entry.starts_with('#') {
            continue;
        }
        let (page, anchor) = entry.split_once('#').unwrap_or((entry, ""));
        // A translation's pages are in its folder (`de/`), and moved as the English ones are.
        let (folder, in_folder) = match entry.split_once('/') {
            Some((code, rest)) => (format!("{code}/"), rest),
            None => (String::new(), entry),
        };
        let folder_page = in_folder.split('#').next().unwrap_or_default();
        // A moved page's redirect (mdBook writes a page at the old address that sends the reader
        // on) is followed: for this anchor, if book.toml maps it, else for the whole page.
        let redirect = redirects
            .get(&format!("/{in_folder}"))
            .or_else(|| redirects.get(&format!("/{folder_page}")))
            .map(|to| format!("{folder}{}", to.trim_start_matches('/')));
        let landing = match redirect {
            None => ids_of(page).map(|ids| (page.to_owned(), anchor.to_owned(), ids)),
            Some(to) => {
                let to = to.as_str();
                let (to_page, to_anchor) = to.split_once('#').unwrap_or((to, anchor));
                let to_anchor = if to_anchor.is_empty() {
                    anchor
                } else {
                    to_anchor
                };
                ids_of(to_page).map(|ids| (to_page.to_owned(), to_anchor.to_owned(), ids))
            }
        };
        let line_no = index + 1;
        match landing {
            None => problems.push(format!(
                "tests/public-urls.txt:{line_no}: {entry}: no such page, and no redirect to a built page"
            )),
            Some((to, anchor, ids)) if !anchor.is_empty() && !ids.contains(&anchor) => problems
                .push(format!(
                    "tests/public-urls.txt:{line_no}: {entry}: {to} has no id \"{anchor}\""
                )),
            Some(_) => {}
        }
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site(page: &str) -> Option<HashSet<String>> {
        match page {
            "procedure.html" => Some(["step-1".to_owned(), "guided".to_owned()].into()),
            "index.html" => Some(HashSet::new()),
            _ => None,
        }
    }

    #[test]
    fn pages_and_anchors_that_exist_pass() {
        let contract = "# comment\n\nindex.html\nprocedure.html#step-1\nprocedure.html#guided\n";
        assert!(problems(contract, site, &BTreeMap::new()).is_empty());
    }

    #[test]
    fn a_lost_anchor_or_page_is_reported_with_its_line() {
        let found = problems("procedure.html#step-9\nold.html\n", site, &BTreeMap::new());
        assert_eq!(
            found,
            [
                "tests/public-urls.txt:1: procedure.html#step-9: procedure.html has no id \"step-9\"",
                "tests/public-urls.txt:2: old.html: no such page, and no redirect to a built page",
            ]
        );
    }

    #[test]
    fn a_redirect_counts_only_if_its_page_has_the_anchor() {
        let redirects = BTreeMap::from([
            ("/steps.html".to_owned(), "procedure.html".to_owned()),
            ("/how.html".to_owned(), "index.html".to_owned()),
        ]);
        assert!(problems("steps.html#step-1\n", site, &redirects).is_empty());
        assert_eq!(problems("how.html#step-1\n", site, &redirects).len(), 1);
    }

    #[test]
    fn every_english_entry_is_listed_for_every_translation() {
        let languages = ["de".to_owned()];
        assert!(missing_translations("a.html\nde/a.html\n", &languages).is_empty());
        assert_eq!(
            missing_translations("a.html#x\nde/a.html\n", &languages),
            ["tests/public-urls.txt: a.html#x is listed, de/a.html#x is not"]
        );
    }

    #[test]
    fn a_translation_s_moved_page_follows_the_english_redirect_in_its_folder() {
        let ids = |page: &str| match page {
            "de/procedure.html" => Some(["step-1".to_owned()].into()),
            "de/steps.html" => Some(HashSet::new()),
            _ => None,
        };
        let redirects = BTreeMap::from([("/steps.html".to_owned(), "procedure.html".to_owned())]);
        assert!(problems("de/steps.html#step-1\n", ids, &redirects).is_empty());
    }

    #[test]
    fn the_redirect_page_mdbook_writes_at_the_old_address_is_followed() {
        // mdBook writes a page at the old address (with no ids): the redirect decides.
        let with_redirect_page = |page: &str| match page {
            "old.html" => Some(HashSet::new()),
            other => site(other),
        };
        let redirects = BTreeMap::from([("/old.html".to_owned(), "procedure.html".to_owned())]);
        assert!(problems("old.html#guided\n", with_redirect_page, &redirects).is_empty());
    }
}
