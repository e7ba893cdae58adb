//! Each page reads as its language, as an owner of that country reads it:
//! - no English sentence of a page is left on the same page of a translation (proper names
//!   aside), whatever carried it there: a chapter, an admonition, raw HTML, a comment's words, the
//!   theme, an attribute a screen reader speaks;
//! - no sentence of a procedure step is longer than `STEP_SENTENCE_WORDS` words, in any
//!   language, its guided-mode words included;
//! - no Markdown shows as words (a heading's `{#anchor}` in guided mode's words, a stray `**`);
//! - a language with typography rules (French) has every text set by them
//!   (`catalogue::typography`), the manifest's and search results' words included.

use crate::paths;
use anyhow::{bail, Result};
use catalogue::typography;
use scraper::{ElementRef, Html, Node, Selector};
use std::fs;
use std::path::Path;

/// A step sentence a reader takes in at a glance, key in hand.
pub const STEP_SENTENCE_WORDS: usize = 25;

/// Names that are the same in every language: the guide's, its source's, the car's, the
/// languages' own. A sentence of only these (and codes) is not English left behind.
const PROPER_NAMES: &[&str] = &[
    "Mini Remote Fix",
    "Signature Mini Specialists",
    "Mini Cooper S",
    "Mini Cooper",
    "Mini One D",
    "Mini One",
    "MINI",
    "Mini",
    "BMW",
    "EWS",
    "UFO",
    "English",
    "Deutsch",
    "Français",
    "Nederlands",
];

/// The attributes whose values a reader sees or hears; guided mode's words are the words
/// markers' attributes (`markers::WORD_MARKERS`).
const WORD_ATTRIBUTES: &[&str] = &["alt", "title", "aria-label", "placeholder"];

fn word_attributes() -> impl Iterator<Item = &'static str> {
    let guided = mdbook_procedure::markers::WORD_MARKERS
        .iter()
        .filter_map(|(_, attribute)| *attribute);
    WORD_ATTRIBUTES.iter().copied().chain(guided)
}

pub fn run() -> Result<()> {
    let book = paths::book()?;
    let mut problems = Vec::new();
    let mut translations = 0;
    for page in paths::pages()? {
        let (name, language) = (&page.path, page.language.as_str());
        let html = fs::read_to_string(&page.disk)?;
        if language != catalogue::SOURCE_LANGUAGE {
            translations += 1;
            let english = fs::read_to_string(book.join(&page.file))?;
            for sentence in english_left(&english, &html) {
                problems.push(format!("{name}: English left on the page: \"{sentence}\""));
            }
        }
        for sentence in long_step_sentences(&html) {
            problems.push(format!(
                "{name}: a step sentence over {STEP_SENTENCE_WORDS} words (split it): \"{sentence}\""
            ));
        }
        for text in markup_as_words(&texts(&html)) {
            problems.push(format!("{name}: Markdown shown as words: \"{text}\""));
        }
        for text in untypeset(&texts(&html), language) {
            problems.push(format!(
                "{name}: not in {language} typography (is it set by the post-build?): \"{text}\""
            ));
        }
    }
    for folder in paths::site()?.translations() {
        let manifest = book.join(folder).join("manifest.webmanifest");
        if let Ok(json) = fs::read_to_string(&manifest) {
            for text in untypeset(&[json], folder) {
                problems.push(format!("{folder}/manifest.webmanifest: \"{text}\""));
            }
        }
        for text in untypeset(&search_words(&book.join(folder))?, folder) {
            problems.push(format!("{folder}/ search results: \"{text}\""));
        }
    }
    problems.dedup();
    if !problems.is_empty() {
        bail!("{} problems:\n{}", problems.len(), problems.join("\n"));
    }
    println!(
        "{} translated pages without English left; every step sentence at most \
         {STEP_SENTENCE_WORDS} words; French typography on every French page",
        translations
    );
    Ok(())
}

/// The words search shows in the language built in `dir` (`book/de`): its sections' chapters,
/// titles and texts, from the search file its landing page names.
fn search_words(dir: &Path) -> Result<Vec<String>> {
    let folder = dir.display();
    let page = fs::read_to_string(dir.join("index.html"))?;
    let doc = Html::parse_document(&page);
    let toggle = Selector::parse("#search-toggle[data-scripts]").expect("valid selector");
    let Some(file) = doc
        .select(&toggle)
        .next()
        .and_then(|t| t.value().attr("data-scripts"))
        .and_then(|files| files.split_whitespace().last())
    else {
        bail!("{folder}/index.html names no search file");
    };
    let search = fs::read_to_string(dir.join(file))?;
    let json = search
        .strip_prefix("window.searchSections=")
        .and_then(|rest| rest.split_once(";\n"))
        .map(|(json, _)| json)
        .ok_or_else(|| anyhow::anyhow!("{folder}/{file}: no sections first"))?;
    let sections: Vec<Vec<String>> = serde_json::from_str(json)?;
    Ok(sections
        .into_iter()
        .flat_map(|section| section.into_iter().skip(1).take(3))
        .collect())
}

/// The English page's sentences that the translated page still shows.
pub fn english_left(english: &str, translated: &str) -> Vec<String> {
    let shown = texts(translated)
        .iter()
        .map(|t| fold(t))
        .collect::<Vec<_>>()
        .join("\n");
    let mut left: Vec<String> = texts(english)
        .iter()
        .flat_map(|t| sentences(t))
        .filter(|s| words(&without_names(s)) >= 2)
        .filter(|s| shown.contains(&fold(s)))
        .collect();
    // A label may be one word ("Symptoms"): the same label on the translated page is English.
    let labels = labels(translated);
    left.extend(
        labels_of(english)
            .into_iter()
            .filter(|l| words(&without_names(l)) >= 1 && labels.contains(l)),
    );
    let mut seen = std::collections::HashSet::new();
    left.retain(|s| seen.insert(s.clone()));
    left
}

/// Every attribute's words on a page, whitespace folded.
fn labels(html: &str) -> std::collections::HashSet<String> {
    labels_of(html).into_iter().collect()
}

fn labels_of(html: &str) -> Vec<String> {
    let doc = Html::parse_document(html);
    let all = Selector::parse("*").expect("valid selector");
    doc.select(&all)
        .flat_map(attribute_words)
        .map(|w| fold(&w))
        .filter(|w| !w.is_empty())
        .collect()
}

/// The sentences of a procedure's steps (and their guided-mode words) that are too long.
pub fn long_step_sentences(html: &str) -> Vec<String> {
    let doc = Html::parse_document(html);
    let steps = Selector::parse("ol.procedure > li").expect("valid selector");
    let mut long = Vec::new();
    for step in doc.select(&steps) {
        let mut texts = vec![text_of(step)];
        texts.extend(attribute_words(step));
        for sentence in texts.iter().flat_map(|t| sentences(t)) {
            if words(&sentence) > STEP_SENTENCE_WORDS {
                long.push(sentence);
            }
        }
    }
    long
}

/// The words of an element's attributes: each of `data-fail-labels` (one per line), and the
/// text of `data-again`'s HTML.
fn attribute_words(element: ElementRef) -> Vec<String> {
    let mut words = Vec::new();
    for name in word_attributes() {
        let Some(value) = element.value().attr(name) else {
            continue;
        };
        if name == mdbook_procedure::markers::attribute("fail") {
            words.extend(value.split('\n').map(str::to_owned));
        } else {
            words.push(Html::parse_fragment(value).root_element().text().collect());
        }
    }
    words
}

/// Texts showing Markdown a reader should never see: a heading's `{#anchor}`, `**`.
fn markup_as_words(texts: &[String]) -> Vec<String> {
    texts
        .iter()
        .filter(|t| t.contains("{#") || t.contains("**"))
        .map(|t| fold(t))
        .collect()
}

/// The texts a language's typography would still change.
fn untypeset(texts: &[String], language: &str) -> Vec<String> {
    texts
        .iter()
        .filter(|t| typography::apply(language, t, false) != **t)
        .map(|t| fold(t))
        .collect()
}

/// Every text of a page a reader may meet, one per block: the body's (hidden search words and
/// guided mode's words too), the title, the link previews' and the attributes' words.
pub fn texts(html: &str) -> Vec<String> {
    let doc = Html::parse_document(html);
    let mut out = Vec::new();
    let select = |s: &str| Selector::parse(s).expect("valid selector");
    for title in doc.select(&select("title")) {
        out.push(title.text().collect());
    }
    for meta in doc.select(&select(
        "meta[name=description], meta[property^='og:'], meta[name^='twitter:']",
    )) {
        let content = meta.value().attr("content").unwrap_or_default();
        if !content.starts_with("http") {
            out.push(content.to_owned());
        }
    }
    for element in doc.select(&select("*")) {
        out.extend(attribute_words(element));
    }
    if let Some(body) = doc.select(&select("body")).next() {
        blocks(body, &mut out);
    }
    for template in doc.select(&select("template")) {
        // A template's words are in its content, which the parser keeps apart.
        let inner = Html::parse_fragment(&template.inner_html());
        if let Some(root) = inner.select(&select("*")).next() {
            blocks(root, &mut out);
        }
    }
    out.retain(|t| !t.trim().is_empty());
    out
}

/// The text of each block under `element`: inline elements join their block's text.
fn blocks(element: ElementRef, out: &mut Vec<String>) {
    const INLINE: &[&str] = &[
        "a", "abbr", "b", "code", "em", "i", "kbd", "mark", "q", "s", "small", "span", "strong",
        "sub", "sup", "u", "br",
    ];
    let mut current = String::new();
    for child in element.children() {
        match child.value() {
            Node::Text(t) => current.push_str(t),
            Node::Element(e) if matches!(e.name(), "script" | "style" | "svg" | "template") => {}
            Node::Element(e) if INLINE.contains(&e.name()) => {
                current.push_str(&text_of(ElementRef::wrap(child).expect("an element")));
            }
            Node::Element(_) => {
                out.push(std::mem::take(&mut current));
                blocks(ElementRef::wrap(child).expect("an element"), out);
            }
            _ => {}
        }
    }
    out.push(current);
}

/// An element's words, without its drawings.
fn text_of(element: ElementRef) -> String {
    let mut text = String::new();
    for child in element.children() {
        match child.value() {
            Node::Text(t) => text.push_str(t),
            Node::Element(e) if matches!(e.name(), "script" | "style" | "svg") => {}
            Node::Element(_) => {
                text.push(' ');
                text.push_str(&text_of(ElementRef::wrap(child).expect("an element")));
                text.push(' ');
            }
            _ => {}
        }
    }
    text
}

/// A text's sentences, whitespace folded: a sentence ends at `.`, `?` or `!` before a space.
pub fn sentences(text: &str) -> Vec<String> {
    let text = fold(text);
    let mut found = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    for (i, &(at, c)) in chars.iter().enumerate() {
        let next = chars.get(i + 1).map(|&(_, n)| n);
        if matches!(c, '.' | '?' | '!') && next.is_none_or(char::is_whitespace) {
            found.push(text[start..at + c.len_utf8()].trim().to_owned());
            start = at + c.len_utf8();
        }
    }
    found.push(text[start..].trim().to_owned());
    found.retain(|s| !s.is_empty());
    found
}

/// Whitespace folded to single spaces, no-break spaces included.
fn fold(text: &str) -> String {
    text.split(|c: char| c.is_whitespace())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

fn without_names(sentence: &str) -> String {
    PROPER_NAMES
        .iter()
        .fold(sentence.to_owned(), |s, name| s.replace(name, " "))
}

/// The words of a text: runs holding a letter or a digit ("3-mal" is one, "·" none).
fn words(text: &str) -> usize {
    text.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_english_sentence_left_on_a_translated_page_is_found() {
        let english = "<html><head><title>Troubleshooting - Mini Remote Fix</title></head><body>\
                       <p>Each answer says what to try.</p><div class=\"admonition\"><p>Do not open \
                       the key.</p></div><p>Mini Cooper S (R53)</p><img alt=\"The key: three buttons\">\
                       <nav aria-label=\"Symptoms\"></nav></body></html>";
        let german = english
            .replace(
                "Each answer says what to try.",
                "Jede Antwort sagt, was zu tun ist.",
            )
            .replace("Troubleshooting", "Fehlersuche");
        assert_eq!(
            english_left(english, &german),
            ["The key: three buttons", "Do not open the key.", "Symptoms"]
        );
        let done = german
            .replace("Do not open the key.", "Öffnen Sie den Schlüssel nicht.")
            .replace("The key: three buttons", "Der Schlüssel: drei Tasten")
            .replace("Symptoms", "Anzeichen");
        assert!(
            english_left(english, &done).is_empty(),
            "proper names and codes are not English"
        );
    }

    #[test]
    fn a_long_step_sentence_is_found_and_a_short_one_is_not() {
        let long = "word ".repeat(STEP_SENTENCE_WORDS + 1);
        let html = format!(
            "<ol class=\"procedure\"><li data-hint=\"Short hint.\">Short one. {long}.</li></ol>"
        );
        assert_eq!(long_step_sentences(&html).len(), 1);
        let html = "<ol class=\"procedure\"><li>Press <strong>lock</strong> (the MINI logo). Go on.</li></ol>";
        assert!(long_step_sentences(html).is_empty());
    }

    #[test]
    fn markdown_shown_as_words_is_found() {
        let html = "<body><p>Nur einer geht {#only-one}</p><p>**Fett**</p><p>Gut.</p></body>";
        assert_eq!(
            markup_as_words(&texts(html)),
            ["Nur einer geht {#only-one}", "**Fett**"]
        );
    }

    #[test]
    fn sentences_end_at_a_full_stop_before_a_space() {
        assert_eq!(
            sentences("Turn it to position 1. Within 5 s, the key.out? Yes!"),
            ["Turn it to position 1.", "Within 5 s, the key.out?", "Yes!"]
        );
    }
}
