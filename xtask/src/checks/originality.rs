//! "Our own words": no run of [`RUN`] consecutive words of the source article may appear in the site.
//! Words are compared lower-cased, with punctuation ignored, so re-punctuating a copied sentence
//! does not hide it.

use std::collections::HashSet;

/// The longest run of the article's words the site may share with it, plus one.
pub const RUN: usize = 12;

/// Lower-cased words: letters and digits, split at everything else ("2004-2006" is two words).
pub fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Every maximal stretch of `text` that repeats at least `run` consecutive words of `source`.
pub fn copied_runs(source: &str, text: &str, run: usize) -> Vec<String> {
    let source = words(source);
    let text = words(text);
    if source.len() < run || text.len() < run {
        return Vec::new();
    }
    let shingles: HashSet<&[String]> = source.windows(run).collect();
    let hits: Vec<bool> = text.windows(run).map(|w| shingles.contains(w)).collect();

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
        runs.push(text[start..i + run].join(" "));
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
            copied_runs(ARTICLE, page, RUN),
            ["switch the ignition to the first position within 5 seconds turn back and remove key"]
        );
    }

    #[test]
    fn the_same_facts_in_other_words_pass() {
        let page =
            "Put a key in the ignition and turn it to the first position. Within 5 seconds, \
                    turn it back and take the key out.";
        assert!(copied_runs(ARTICLE, page, RUN).is_empty());
    }

    #[test]
    fn eleven_shared_words_are_allowed() {
        // "the ignition ... turn back" is 11 of the article's words in a row.
        let page = "so: turn the ignition to the first position within 5 seconds turn back then go";
        assert!(copied_runs(ARTICLE, page, RUN).is_empty());
    }
}
