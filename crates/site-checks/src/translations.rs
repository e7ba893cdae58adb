//! The translations (po/<language>.po, built into book/<language>/):
//! - every message of the English guide (the template, `messages`) has a translation, not marked
//!   fuzzy, in every catalogue, with the same numbers: an English edit cannot leave a language
//!   silently stale;
//! - every language's procedure is the English one: the same steps with the same ids, windows,
//!   presses, loop, guided-mode buttons and figures (buttons held and pressed, pips, the ignition),
//!   and its HowTo data checks out as the English page's does.

use crate::messages::relative;
use crate::{messages, paths, procedure_page};
use anyhow::{anyhow, bail, Result};
use scraper::{Html, Selector};
use std::fs;
use std::path::Path;

pub fn run() -> Result<()> {
    let root = paths::root();
    let scratch = tempfile::tempdir()?;
    let template = scratch.path().join("messages.pot");
    messages::write_template(&root, &template)?;
    let problems = catalogue_problems(&root, &template)?;
    if !problems.is_empty() {
        bail!(
            "{} messages are not ready (after an English edit, run `cargo xtask translations`, \
             then translate them):\n{}",
            problems.len(),
            problems.join("\n")
        );
    }
    let site = paths::site()?;
    println!(
        "every message of the English guide is translated in {} catalogues",
        site.translations().count()
    );

    let book = paths::book()?;
    let source = fs::read_to_string(book.join("procedure.html"))?;
    let expected = steps(&source);
    for language in site.translations() {
        let page = format!("{language}/procedure.html");
        let html = fs::read_to_string(book.join(&page))?;
        procedure_page::read(&html, "procedure.html")
            .map_err(|p| anyhow!("{language}/: {}", p.join("\n")))?;
        let differences = differences(&expected, &steps(&html));
        if !differences.is_empty() {
            bail!(
                "{page}: the procedure differs from the English one:\n{}",
                differences.join("\n")
            );
        }
    }
    println!(
        "the procedure of every language is the English one: {} steps, the same data",
        expected.len()
    );
    Ok(())
}

/// Whether a step's attribute holds words (a words marker's, `markers::WORD_MARKERS`).
fn holds_words(attribute: &str) -> bool {
    mdbook_procedure::markers::WORD_MARKERS
        .iter()
        .any(|(_, a)| *a == Some(attribute))
}

/// Each step of a procedure page as data: what guided mode and the figures read, but no words.
fn steps(html: &str) -> Vec<Vec<(String, String)>> {
    let doc = Html::parse_document(html);
    let select = |s: &str| Selector::parse(s).expect("valid selector");
    let data = select("ol.procedure > li[data-step]");
    let figure_parts = select(".step-figure, .step-figure circle");
    doc.select(&data)
        .map(|li| {
            let mut fields: Vec<(String, String)> = li
                .value()
                .attrs()
                .map(|(name, value)| {
                    // Words: only whether the step has them.
                    if holds_words(name) {
                        (name.to_owned(), String::from("(words)"))
                    } else {
                        (name.to_owned(), value.to_owned())
                    }
                })
                .collect();
            for (n, part) in li.select(&figure_parts).enumerate() {
                let e = part.value();
                let drawn = [
                    e.attr("class"),
                    e.attr("data-button"),
                    e.attr("data-ignition"),
                ]
                .map(|a| a.unwrap_or_default())
                .join(" ");
                fields.push((format!("figure part {n}"), drawn.trim().to_owned()));
            }
            fields.sort();
            fields
        })
        .collect()
}

/// How the translated steps differ from the English ones, one line each.
fn differences(
    english: &[Vec<(String, String)>],
    translated: &[Vec<(String, String)>],
) -> Vec<String> {
    let mut found = Vec::new();
    if english.len() != translated.len() {
        found.push(format!(
            "{} steps, where English has {}",
            translated.len(),
            english.len()
        ));
    }
    for (n, (a, b)) in english.iter().zip(translated).enumerate() {
        if a != b {
            found.push(format!("step {}: English {a:?}, here {b:?}", n + 1));
        }
    }
    found
}

/// Whether `template`'s messages (`messages`) are all translated in every language's catalogue,
/// stating the same numbers: the problems, as `po/de.po: "…": not translated`.
pub fn catalogue_problems(root: &Path, template: &Path) -> Result<Vec<String>> {
    let pot = polib::po_file::parse(template)
        .map_err(|e| anyhow::anyhow!("{}: {e}", template.display()))?;
    let site = post_build::Site::from_book_toml(&root.join("book.toml"))?;
    let mut problems = Vec::new();
    for language in site.translations() {
        let po = catalogue::po_file(root, language);
        if !po.exists() {
            bail!(
                "{}: book.toml lists {language}, but it has no catalogue: run `cargo xtask translations`",
                relative(root, &po)
            );
        }
        let catalogue = catalogue::Catalogue::load(&po).map_err(anyhow::Error::msg)?;
        for message in pot.messages() {
            let id = message.msgid();
            let short: String = id.chars().take(70).collect();
            if let Some(problem) = catalogue.problem(id) {
                problems.push(format!("{}: {short:?}: {problem}", relative(root, &po)));
            } else if let Some(translated) = catalogue.get(id) {
                if numbers(id) != numbers(translated) {
                    problems.push(format!(
                        "{}: {short:?}: its numbers (years, seconds, steps, codes) are {:?}, \
                         the translation's {:?}: translate, never change a fact",
                        relative(root, &po),
                        numbers(id),
                        numbers(translated)
                    ));
                }
            }
        }
    }
    Ok(problems)
}

/// The numbers a message states (years, seconds, step numbers, model codes), each once: a
/// translation states the same. "position one" is position 1, as the translations write it.
fn numbers(text: &str) -> std::collections::BTreeSet<String> {
    static NUMBER: std::sync::LazyLock<regex::Regex> =
        std::sync::LazyLock::new(|| regex::Regex::new(r"\d+").expect("valid regex"));
    let text = text.replace("position one", "position 1");
    NUMBER
        .find_iter(&text)
        .map(|m| m.as_str().to_owned())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const ENGLISH: &str = r#"<ol class="procedure"><li id="step-1" data-step="1" data-done-label="Done">One</li><li id="step-2" data-step="2" data-window="5" data-presses="3"><svg class="step-figure key-figure"><circle class="mark-held" data-button="unlock"/></svg>Two</li></ol>"#;

    #[test]
    fn words_may_differ_but_data_may_not() {
        let german = ENGLISH
            .replace(">One<", ">Eins<")
            .replace("\"Done\"", "\"Erledigt\"");
        assert!(differences(&steps(ENGLISH), &steps(&german)).is_empty());
        for drift in [
            ENGLISH.replace("data-window=\"5\"", "data-window=\"10\""),
            ENGLISH.replace(" data-presses=\"3\"", ""),
            ENGLISH.replace("id=\"step-2\"", "id=\"schritt-2\""),
            ENGLISH.replace("data-button=\"unlock\"", "data-button=\"lock\""),
            ENGLISH.replace(" data-done-label=\"Done\"", ""),
        ] {
            assert!(
                !differences(&steps(ENGLISH), &steps(&drift)).is_empty(),
                "{drift}"
            );
        }
    }

    #[test]
    fn a_translation_states_the_same_numbers() {
        assert_eq!(
            numbers("Within **5 seconds**, turn it to position one (R50, 2004–2006)."),
            numbers("Innerhalb von **5 Sekunden** auf Stellung 1 drehen (R50, 2004–2006).")
        );
        assert_ne!(
            numbers("press lock 3 times within 10 seconds"),
            numbers("dreimal Verriegeln drücken, innerhalb von 10 Sekunden")
        );
    }
}
