//! "Our own words": no run of [`RUN`] consecutive words of the source article may appear in the site.
//! Words are compared lower-cased, with punctuation ignored, so re-punctuating a copied sentence
//! does not hide it.
//!
//! The article is not in the repository: `tests/article-runs.txt` holds a fingerprint of each of its
//! runs (a hash of the run's words), so the check works in any clone and the text is not copied.
//! `cargo xtask fingerprint-article <folder>` writes it from the article's files.

use sha2::{Digest, Sha256};
use std::collections::BTreeSet;

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
