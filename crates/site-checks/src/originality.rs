//! "Our own words": no run of [`RUN`] consecutive words of the source article may appear in the site.
//! Words are compared lower-cased, with punctuation ignored, so re-punctuating a copied sentence
//! does not hide it.
//!
//! The article is not in the repository: `tests/article-runs.txt` holds a fingerprint of each of its
//! runs (a hash of the run's words), so the check works in any clone and the text is not copied.
//! `cargo xtask fingerprint-article <folder>` writes it from the article's files
//! ([`fingerprint_article`]).

use crate::{html_text, paths};
use anyhow::{bail, Context, Result};
use sha2::{Digest, Sha256};
use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

/// Where the fingerprints of the article's runs are kept.
const ARTICLE_RUNS: &str = "tests/article-runs.txt";

/// The stage: no page or chapter shares a run with the article. Where the article itself is at
/// hand (../shared/source, beside the repository in CI), the fingerprints must match it and must
/// catch the article itself.
pub fn run() -> Result<()> {
    let file = paths::root().join(ARTICLE_RUNS);
    let article = read_fingerprints(
        &fs::read_to_string(&file).with_context(|| format!("reading {ARTICLE_RUNS}"))?,
    );
    if article.is_empty() {
        bail!("{ARTICLE_RUNS} holds no fingerprints: the check would pass anything");
    }
    let dir = paths::source_article_dir();
    if dir.exists() {
        let text = read_article(&dir)?;
        if fingerprints(&text) != article {
            bail!(
                "{ARTICLE_RUNS} does not match the article in {0}: run \
                 `cargo xtask fingerprint-article {0}`",
                dir.display()
            );
        }
        if copied_runs(&article, &text).is_empty() {
            bail!("the fingerprints do not catch the article itself");
        }
        println!("{ARTICLE_RUNS} matches the article beside the repository");
    }
    let mut texts = Vec::new();
    for page in paths::english_pages()? {
        let text = html_text::visible_text(&fs::read_to_string(&page.disk)?);
        texts.push((page.disk, text));
    }
    for chapter in fs::read_dir(paths::chapters())? {
        let path = chapter?.path();
        if path.extension().is_some_and(|e| e == "md") {
            let text = fs::read_to_string(&path)?;
            texts.push((path, text));
        }
    }
    let mut problems = Vec::new();
    for (path, text) in &texts {
        for run in copied_runs(&article, text) {
            problems.push(format!("{}: copies the article: \"{run}\"", path.display()));
        }
    }
    if !problems.is_empty() {
        bail!("{}", problems.join("\n"));
    }
    println!(
        "{} pages and chapters share no run of {RUN} words with the article ({} fingerprints)",
        texts.len(),
        article.len()
    );
    Ok(())
}

/// `cargo xtask fingerprint-article <folder>`: writes tests/article-runs.txt from the article's
/// files in `folder`.
pub fn fingerprint_article(folder: &Path) -> Result<()> {
    let prints = fingerprints(&read_article(folder)?);
    fs::write(
        paths::root().join(ARTICLE_RUNS),
        write_fingerprints(&prints),
    )?;
    println!("{ARTICLE_RUNS}: {} fingerprints", prints.len());
    Ok(())
}

/// Every file of the article's folder, one after another; an empty folder is an error, not an
/// article with nothing to copy.
fn read_article(dir: &Path) -> Result<String> {
    let mut article = String::new();
    let entries = fs::read_dir(dir).with_context(|| format!("reading {}", dir.display()))?;
    for entry in entries {
        article.push_str(&fs::read_to_string(entry?.path())?);
        article.push('\n');
    }
    if words(&article).len() < RUN {
        bail!("{}: the article's folder holds no article", dir.display());
    }
    Ok(article)
}

/// The longest run of the article's words the site may share with it, plus one.
pub const RUN: usize = 12;

/// Lower-cased words: letters and digits, split at everything else ("2004-2006" is two words).
pub fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// A run's fingerprint: the first 16 hex digits of the SHA-256 of its words joined by spaces.
fn fingerprint(run: &[String]) -> String {
    let digest = Sha256::digest(run.join(" ").as_bytes());
    digest[..8].iter().map(|b| format!("{b:02x}")).collect()
}

/// The fingerprints of every run of [`RUN`] words of `article`.
pub fn fingerprints(article: &str) -> BTreeSet<String> {
    words(article).windows(RUN).map(fingerprint).collect()
}

/// The fingerprints file: a comment header, then one fingerprint per line.
pub fn write_fingerprints(fingerprints: &BTreeSet<String>) -> String {
    let mut out = format!(
        "# \"Our own words\": a fingerprint of every run of {RUN} words of the article the guide is\n\
         # based on (Signature Mini Specialists, 2012), so the check runs without its text.\n\
         # Words: lower-cased letters and digits. Fingerprint: the first 16 hex digits of the\n\
         # SHA-256 of a run's words joined by spaces. Regenerate with\n\
         #   cargo xtask fingerprint-article ../shared/source\n"
    );
    for f in fingerprints {
        out.push_str(f);
        out.push('\n');
    }
    out
}

pub fn read_fingerprints(file: &str) -> BTreeSet<String> {
    file.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(str::to_owned)
        .collect()
}

/// Every maximal stretch of `text` that repeats at least [`RUN`] consecutive words of the
/// article whose run fingerprints are `article`.
pub fn copied_runs(article: &BTreeSet<String>, text: &str) -> Vec<String> {
    let text = words(text);
    if text.len() < RUN {
        return Vec::new();
    }
    let hits: Vec<bool> = text
        .windows(RUN)
        .map(|w| article.contains(&fingerprint(w)))
        .collect();

    let mut runs = Vec::new();
    let mut i = 0;
    while i < hits.len() {
        if !hits[i] {
            i += 1;
            continue;
        }
        let start = i;
        while i + 1 < hits.len() && hits[i + 1] {
            i += 1;
        }
        runs.push(text[start..i + RUN].join(" "));
        i += 1;
    }
    runs
}

#[cfg(test)]
mod tests {
    use super::*;

    const ARTICLE: &str =
        "Switch the ignition to the first position; within 5 seconds, turn back and \
                           remove key. Within 30 seconds of removing the key, press and hold.";

    #[test]
    fn words_ignore_case_and_punctuation() {
        assert_eq!(
            words("Mini's 2004–2006 KEY!"),
            ["mini", "s", "2004", "2006", "key"]
        );
    }

    #[test]
    fn a_copied_sentence_is_found_even_re_punctuated() {
        let page =
            "Step two: switch the ignition to the first position, within 5 seconds turn back \
                    and remove key.";
        assert_eq!(
            copied_runs(&fingerprints(ARTICLE), page),
            ["switch the ignition to the first position within 5 seconds turn back and remove key"]
        );
    }

    #[test]
    fn the_same_facts_in_other_words_pass() {
        let page =
            "Put a key in the ignition and turn it to the first position. Within 5 seconds, \
                    turn it back and take the key out.";
        assert!(copied_runs(&fingerprints(ARTICLE), page).is_empty());
    }

    #[test]
    fn eleven_shared_words_are_allowed() {
        // "the ignition ... turn back" is 11 of the article's words in a row.
        let page = "so: turn the ignition to the first position within 5 seconds turn back then go";
        assert!(copied_runs(&fingerprints(ARTICLE), page).is_empty());
    }

    #[test]
    fn an_empty_article_folder_is_an_error_not_an_article_with_nothing_to_copy() {
        let dir = tempfile::tempdir().unwrap();
        let err = read_article(dir.path()).unwrap_err().to_string();
        assert!(
            err.ends_with("the article's folder holds no article"),
            "{err}"
        );
    }

    #[test]
    fn the_fingerprints_file_reads_back_and_holds_no_words() {
        let prints = fingerprints(ARTICLE);
        let file = write_fingerprints(&prints);
        assert_eq!(read_fingerprints(&file), prints);
        assert!(
            !file.contains("ignition"),
            "the file carries no text of the article"
        );
    }
}
