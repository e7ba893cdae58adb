//! Each chapter must state its key facts: if an edit drops one, the build checks say which.
//! The phrases are matched in what a reader sees of the page, and no page may use retired wording.

use crate::{html_text, paths};
use anyhow::{bail, Context, Result};
use std::fs;

pub fn run() -> Result<()> {
    let book = paths::book()?;
    let mut problems = Vec::new();
    for (page, phrases) in KEY_FACTS {
        let path = book.join(page);
        let html = fs::read_to_string(&path).with_context(|| format!("{page} was not built"))?;
        for phrase in missing(&html_text::reader_text(&html), phrases) {
            problems.push(format!("{page}: missing \"{phrase}\""));
        }
    }
    for page in paths::english_pages()? {
        let text = html_text::reader_text(&fs::read_to_string(&page.disk)?);
        for (phrase, instead) in retired(&text) {
            problems.push(format!("{}: says \"{phrase}\"; write {instead}", page.path));
        }
    }
    if !problems.is_empty() {
        bail!("{}", problems.join("\n"));
    }
    Ok(())
}

/// (built page, phrases that must appear on it)
pub const KEY_FACTS: &[(&str, &[&str])] = &[
    (
        "index.html",
        &[
            "2004–2006",
            "the Convertible up to 2008",
            "three-button key",
            "Re-program my keys now",
            "every key",
            "Signature Mini Specialists (2012)",
        ],
    ),
    (
        "does-this-apply.html",
        &[
            "Mini One",
            "Mini Cooper",
            "Mini Cooper S",
            "Mini One D",
            "Convertible",
            "August 2008",
            "about July 2004",
            "built, not its model year",
            "three-button key",
            "two-button key",
            "round key",
            "UFO",
            "nearest the key blade",
            "with the MINI logo",
            "opens the boot",
            "Mini specialist or a MINI dealer",
        ],
    ),
    (
        "before-you-start.html",
        &[
            "Bring ALL of the car's keys",
            "de-programs every key that is not programmed in the same session",
            "New keys can be programmed",
            "programs only the key's remote buttons",
            "immobiliser",
            "all the doors closed",
            "5 seconds",
            "30 seconds",
            "10 seconds",
            RESTART,
            "Print a card for the glovebox",
        ],
    ),
    (
        "procedure.html",
        &[
            "Time:",
            "Difficulty: easy, but the timing matters",
            "You need: every key for the car",
            "One session for every key: steps 1 and 2 once, steps 3 to 5 for each key in turn, then step 7 once",
            RESTART,
            "shut all the doors",
            "turn it to position one: the first turn of the key, which does not start the engine. \
             Within 5 seconds, turn it back and take the key out",
            "You have 30 seconds from taking the key out",
            "press lock (the MINI logo, in the middle) and unlock (nearest the blade) at the same \
             time. Keep both pressed",
            "Keep unlock pressed. Within 10 seconds, press and let go of lock three times",
            "let go of both buttons and watch the doors. They lock and then unlock",
            "repeat from step 3",
            "only one key works afterwards",
            "turn it to position one. Then try every key",
            "two or three times",
            "print a card for the glovebox",
        ],
    ),
    (
        "card.html",
        &[
            "2004–2006",
            "the Convertible up to 2008",
            "three-button key",
            "Every key in one session",
            "5 s",
            "30 s",
            "10 s",
            "Keep unlock pressed; press lock three times",
            RESTART,
        ],
    ),
    (
        "troubleshooting.html",
        &[
            "Nothing happens",
            "two or three times",
            RESTART,
            "owners report that a flat key battery",
            "holding only unlock",
            "Only one key works afterwards",
            "in the same session",
            "A spare key that sat unused",
            "rechargeable battery",
            "driving with it in the ignition",
            "Do not open the key",
            "The car will not start",
            "immobiliser",
            "Still nothing after several attempts",
            "receiver",
            "Mini specialist workshop",
        ],
    ),
    (
        "about.html",
        &[
            "Signature Mini Specialists",
            "© 2012",
            "not affiliated with BMW or MINI",
        ],
    ),
];

/// Where to start again after a failure, in one wording on every page that says it (and in
/// guided mode, whose browser test compares its words with the procedure page's).
pub const RESTART: &str =
    "Start again from step 1 and program every key again, including those that already worked.";

/// Wording the guide no longer uses, on any page: (phrase, what to write instead).
pub const RETIRED: &[(&str, &str)] = &[
    (
        "first position",
        "\"position one\", the one term for the first turn of the key",
    ),
    (
        "redo every key",
        "the restart sentence, which says every key, including those that already worked",
    ),
];

/// The phrases missing from a page's visible text.
pub fn missing<'a>(text: &str, phrases: &[&'a str]) -> Vec<&'a str> {
    phrases
        .iter()
        .copied()
        .filter(|p| !text.contains(p))
        .collect()
}

/// The retired phrases a page's visible text still uses, with what to write instead.
pub fn retired(text: &str) -> Vec<(&'static str, &'static str)> {
    let text = text.to_lowercase();
    RETIRED
        .iter()
        .copied()
        .filter(|(phrase, _)| text.contains(phrase))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::{missing, retired};

    #[test]
    fn finds_retired_wording_in_any_case() {
        assert_eq!(retired("Turn it to the First Position.").len(), 1);
        assert!(retired("Turn it to position one.").is_empty());
    }

    #[test]
    fn reports_only_the_missing_phrases() {
        let text = "Within 5 seconds, turn it back.";
        assert_eq!(missing(text, &["5 seconds", "30 seconds"]), ["30 seconds"]);
    }
}
