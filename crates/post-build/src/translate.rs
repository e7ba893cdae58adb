//! A page's own words in its language: what the theme and the preprocessor mark `data-i18n`
//! (labels, the scripts' words, the figures' text alternatives) and the labels of the drawings
//! (`images/*.svg`). The chapters themselves are translated before this, by mdbook-gettext.
//!
//! `data-i18n` alone translates the element's text (text only, no child elements);
//! `data-i18n="aria-label"` an attribute; `data-i18n="text placeholder"` both. The mark is removed
//! in every language. In a drawing, every `<title>`, `<desc>` and `<text>` is a message.
//! `messages` lists the words (as the English build has them) for `cargo xtask translations`.

use anyhow::{Context, Result};
use catalogue::Catalogue;
use lol_html::html_content::ContentType;
use lol_html::{element, rewrite_str, text, RewriteStrSettings};
use std::cell::RefCell;
use std::fs;
use std::path::Path;
use std::rc::Rc;

/// The elements of a drawing whose text is words.
const DRAWING_WORDS: &str = "title, desc, text";

/// Translates every page of the book and its drawings; with no catalogue (English), only removes
/// the marks.
pub fn write(book_dir: &Path, catalogue: Option<&Catalogue>) -> Result<()> {
    let translate = translator(catalogue.cloned());
    for name in crate::pages(book_dir)? {
        let path = book_dir.join(&name);
        let html = fs::read_to_string(&path)?;
        fs::write(
            &path,
            page(&html, &translate).with_context(|| name.clone())?,
        )?;
    }
    if catalogue.is_none() {
        return Ok(());
    }
    for svg in drawings(book_dir)? {
        let text = fs::read_to_string(&svg)?;
        let translated = rewrite(&text, DRAWING_WORDS, true, translate.clone());
        fs::write(&svg, translated.with_context(|| svg.display().to_string())?)?;
    }
    Ok(())
}

/// What puts words in the pages' language.
type Translator = Rc<dyn Fn(&str) -> String>;

/// Words in the catalogue's language, where it has them; as they are without one (English).
fn translator(catalogue: Option<Catalogue>) -> Translator {
    Rc::new(move |words: &str| match &catalogue {
        Some(c) => c.translate(words).to_owned(),
        None => words.to_owned(),
    })
}

/// The drawings of the book (`images/*.svg`), sorted.
pub fn drawings(book_dir: &Path) -> Result<Vec<std::path::PathBuf>> {
    let mut found = Vec::new();
    if let Ok(entries) = fs::read_dir(book_dir.join("images")) {
        for entry in entries {
            let path = entry?.path();
            if path.extension().is_some_and(|e| e == "svg") {
                found.push(path);
            }
        }
    }
    found.sort();
    Ok(found)
}

/// Words as a message: one line, single spaces, as markup may wrap them.
fn message(words: &str) -> String {
    words.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// What a mark says to translate: the text, attributes, or both.
fn parts(mark: &str) -> (bool, Vec<String>) {
    let names: Vec<String> = mark.split_whitespace().map(str::to_owned).collect();
    let text = names.is_empty() || names.iter().any(|n| n == "text");
    (text, names.into_iter().filter(|n| n != "text").collect())
}

/// One page with its marked words put through `translate` and the marks gone, and its title's
/// first part too: mdBook names the page that is not found "Page not found" in English (a
/// chapter's title is translated already, and is no message).
fn page(html: &str, translate: &Translator) -> Result<String> {
    static TITLE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"<title>([^<]*?)( - [^<]*)?</title>").expect("valid regex")
    });
    let html = TITLE.replace(html, |c: &regex::Captures| {
        format!(
            "<title>{}{}</title>",
            translate(&c[1]),
            c.get(2).map_or("", |m| m.as_str())
        )
    });
    rewrite(&html, "[data-i18n]", false, translate.clone())
}

/// The words a built English page marks for translation, and those of a drawing, in order.
pub fn messages(markup: &str, drawing: bool) -> Result<Vec<String>> {
    let found: Rc<RefCell<Vec<String>>> = Rc::default();
    let record = found.clone();
    let selector = if drawing {
        DRAWING_WORDS
    } else {
        "[data-i18n]"
    };
    rewrite(
        markup,
        selector,
        drawing,
        Rc::new(move |words: &str| {
            record.borrow_mut().push(words.to_owned());
            words.to_owned()
        }),
    )?;
    let found = found.borrow().clone();
    Ok(found)
}

/// `markup` with the words of the elements `selector` finds put through `translate`: in a
/// drawing every such element's text, in a page what its `data-i18n` says.
fn rewrite(markup: &str, selector: &str, drawing: bool, translate: Translator) -> Result<String> {
    // The text of the element being read, while one is (marked elements hold text only).
    let reading: Rc<RefCell<Option<String>>> = Rc::default();
    let for_text = reading.clone();
    let settings = RewriteStrSettings::new()
        .append_element_content_handler(element!(selector, move |el| {
            let (text, attributes) = if drawing {
                (true, Vec::new())
            } else {
                parts(&el.get_attribute("data-i18n").unwrap_or_default())
            };
            for name in attributes {
                if let Some(value) = el.get_attribute(&name) {
                    el.set_attribute(&name, &translate(&message(&value)))?;
                }
            }
            el.remove_attribute("data-i18n");
            if text && el.can_have_content() {
                *reading.borrow_mut() = Some(String::new());
                let reading = reading.clone();
                let translate = translate.clone();
                let at_end: lol_html::EndTagHandler<'static> = Box::new(move |end| {
                    let words = reading.borrow_mut().take().unwrap_or_default();
                    end.before(&translate(&message(&words)), ContentType::Text);
                    Ok(())
                });
                el.on_end_tag(at_end)?;
            }
            Ok(())
        }))
        .append_element_content_handler(text!(selector, move |chunk| {
            if let Some(words) = for_text.borrow_mut().as_mut() {
                words.push_str(chunk.as_str());
                chunk.remove();
            }
            Ok(())
        }));
    Ok(rewrite_str(markup, settings)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn german() -> Catalogue {
        Catalogue::from_pairs(&[
            ("Search", "Suche"),
            ("Skip to the guide", "Zur Anleitung"),
            ("Step {step} of {total}", "Schritt {step} von {total}"),
            ("Page not found", "Seite nicht gefunden"),
        ])
    }

    #[test]
    fn marked_text_and_attributes_are_translated_and_the_marks_go() {
        let html = r#"<a data-i18n>Skip to the
            guide</a><button aria-label="Search" data-i18n="aria-label"><svg></svg></button><template><span data-i18n>Step {step} of {total}</span></template><p>Search</p>"#;
        assert_eq!(
            page(html, &translator(Some(german()))).unwrap(),
            r#"<a>Zur Anleitung</a><button aria-label="Suche"><svg></svg></button><template><span>Schritt {step} von {total}</span></template><p>Search</p>"#
        );
        assert_eq!(
            page(html, &translator(None)).unwrap(),
            r#"<a>Skip to the guide</a><button aria-label="Search"><svg></svg></button><template><span>Step {step} of {total}</span></template><p>Search</p>"#
        );
        assert_eq!(
            messages(html, false).unwrap(),
            ["Skip to the guide", "Search", "Step {step} of {total}"]
        );
    }

    #[test]
    fn the_title_mdbook_gives_a_page_is_translated() {
        let html = "<title>Page not found - Mini Remote Fix</title>";
        assert_eq!(
            page(html, &translator(Some(german()))).unwrap(),
            "<title>Seite nicht gefunden - Mini Remote Fix</title>"
        );
    }

    #[test]
    fn a_drawing_s_title_and_labels_are_messages() {
        let svg =
            r##"<svg><title id="t">The key</title><text x="1">Lock</text><use href="#k"/></svg>"##;
        assert_eq!(messages(svg, true).unwrap(), ["The key", "Lock"]);
    }
}
