//! What mdbook-gettext cannot translate: a comment on a line of its own is, for Markdown, HTML to
//! keep as it is, so the words inside ours reach a translated chapter in English. The words of
//! `keywords`, `description`, `start`, `done`, `fail`, `again`, `brief` and `hint` are messages of the language's
//! catalogue too (`cargo xtask translations` lists them with the chapters' own), and are put in
//! here, before anything reads the chapter. The other markers (windows, presses, the loop, the
//! buttons) are data: they stay as written, so no translation can change the procedure.

use catalogue::Catalogue;
use regex::{Captures, Regex};
use std::sync::LazyLock;

static WORDS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?s)<!--(\s*)(keywords|description|start|done|fail|again|brief|hint)(\s*:\s*)(.*?)(\s*)-->")
        .expect("valid regex")
});

/// A comment's words as a message: one line, single spaces (a comment may wrap).
fn message(words: &str) -> String {
    words.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The messages in a chapter's comments, with the line each is on, in order.
pub fn messages(text: &str) -> Vec<(usize, String)> {
    WORDS
        .captures_iter(text)
        .map(|c| {
            let at = c.get(0).expect("whole match").start();
            (text[..at].matches('\n').count() + 1, message(&c[4]))
        })
        .collect()
}

/// The chapter with its comments' words in the catalogue's language, where it has them.
pub fn chapter(text: &str, catalogue: &Catalogue) -> String {
    WORDS
        .replace_all(text, |c: &Captures| {
            let words = message(&c[4]);
            match catalogue.get(&words) {
                Some(translated) => {
                    format!("<!--{}{}{}{translated}{}-->", &c[1], &c[2], &c[3], &c[5])
                }
                None => c[0].to_owned(),
            }
        })
        .into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_in_comments_are_messages_and_data_is_not() {
        let text = "<!-- keywords: fob, plip -->\n# T\n\n1. Go. <!-- window: 5s -->\n   \
                    <!-- done: The key\n   is out -->\n";
        assert_eq!(
            messages(text),
            [
                (1, "fob, plip".to_owned()),
                (5, "The key is out".to_owned())
            ]
        );
    }
}
