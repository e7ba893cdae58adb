//! A page's text set in its language's typography (`catalogue::typography`: French keeps `? ! ; :`
//! and `»` on the line of their word). The catalogue sets the messages it gives out; this sets
//! the rest of each page, the chapters mdbook-gettext translated: every text outside code and
//! scripts, the attributes a reader sees or hears (`alt`, `title`, `aria-label`, a link
//! preview's `content`, guided mode's `data-…` words), and the HowTo data search results show.

use anyhow::Result;
use catalogue::typography;
use regex::{Captures, Regex};
use std::fs;
use std::path::Path;
use std::sync::LazyLock;

/// What is not text: code and scripts whole, comments, tags, character references.
static TOKEN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?is)<(script|style|pre|code)\b.*?</(?:script|style|pre|code)>|<!--.*?-->|<[^>]*>|&#?\w+;",
    )
    .expect("valid regex")
});

/// The HowTo data of a procedure page, whose steps are words.
const LINKED_DATA: &str = "<script type=\"application/ld+json\">";

/// The attributes whose values may be words: a reader's labels, a link preview's `content`,
/// and every `data-` attribute (guided mode's words; the others hold names and numbers, which
/// the rules leave as they are).
static WORDS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"\b(alt|title|aria-label|placeholder|content|data-[\w-]+)="([^"]*)""#)
        .expect("valid regex")
});

/// An inline element's end (or inline code, whole): text right after it follows its last word.
static INLINE_END: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)</(a|b|code|em|i|kbd|small|span|strong)>$").expect("valid regex")
});

/// Sets every page of `book_dir` in `language`'s typography, if it has rules.
pub fn write(book_dir: &Path, language: &str) -> Result<()> {
    if !typography::has_rules(language) {
        return Ok(());
    }
    for name in crate::pages(book_dir)? {
        let path = book_dir.join(name);
        let html = fs::read_to_string(&path)?;
        fs::write(&path, page(&html, language))?;
    }
    Ok(())
}

/// One page in `language`'s typography.
pub fn page(html: &str, language: &str) -> String {
    let mut out = String::with_capacity(html.len() + 256);
    let mut at = 0;
    let mut word_before = false;
    for token in TOKEN.find_iter(html) {
        out.push_str(&typography::apply(
            language,
            &html[at..token.start()],
            word_before,
        ));
        let text = token.as_str();
        if let Some(json) = text.strip_prefix(LINKED_DATA) {
            // The HowTo's steps, which search results may show: JSON whose `":"` and `","`
            // follow a quote, which the rules leave alone.
            out.push_str(LINKED_DATA);
            out.push_str(&typography::apply(language, json, false));
        } else if text.starts_with('<') && !text.starts_with("<!--") {
            out.push_str(&tag(text, language));
        } else {
            out.push_str(text);
        }
        word_before = text.starts_with('&') || INLINE_END.is_match(text);
        at = token.end();
    }
    out.push_str(&typography::apply(language, &html[at..], word_before));
    out
}

/// A tag with its words' attributes set; a policy (`http-equiv`) is not words.
fn tag(tag: &str, language: &str) -> String {
    if tag.contains("http-equiv") || tag.starts_with("</") {
        return tag.to_owned();
    }
    WORDS
        .replace_all(tag, |c: &Captures| {
            format!(
                "{}=\"{}\"",
                &c[1],
                typography::apply(language, &c[2], false)
            )
        })
        .into_owned()
}

#[cfg(test)]
mod tests {
    use super::page;

    #[test]
    fn french_text_and_words_attributes_keep_their_punctuation() {
        let html = "<p>Ce guide concerne-t-il ma <strong>Mini</strong> ? Étape 1 : « oui »</p>\
                    <img alt=\"La clé : trois boutons\"><li data-fail-labels=\"Rien ?&#10;Autre\">";
        assert_eq!(
            page(html, "fr"),
            "<p>Ce guide concerne-t-il ma <strong>Mini</strong>\u{202f}? Étape 1\u{a0}: \
             «\u{202f}oui\u{202f}»</p><img alt=\"La clé\u{a0}: trois boutons\">\
             <li data-fail-labels=\"Rien\u{202f}?&#10;Autre\">"
        );
    }

    #[test]
    fn code_scripts_policies_and_addresses_are_left_alone() {
        let html =
            "<meta http-equiv=\"Content-Security-Policy\" content=\"img-src 'self' data:; a\">\
                    <script>if (a ? b : c) {}</script><code>x ; y</code>\
                    <a href=\"https://miniremotefix.org/fr/?q=1\">Tom &amp; Co</a>";
        assert_eq!(page(html, "fr"), html);
        assert_eq!(page("<p>Mini ?</p>", "de"), "<p>Mini ?</p>");
        assert_eq!(
            page("<script type=\"application/ld+json\">{\"text\":\"Clé ?\",\"url\":\"https://a/\"}</script>", "fr"),
            "<script type=\"application/ld+json\">{\"text\":\"Clé\u{202f}?\",\"url\":\"https://a/\"}</script>"
        );
    }
}
