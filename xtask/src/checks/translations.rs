//! The translations (po/<language>.po, built into book/<language>/):
//! - every message of the English guide has a translation, not marked fuzzy, in every catalogue:
//!   an English edit cannot leave a language silently stale;
//! - every language's procedure is the English one: the same steps with the same ids, windows,
//!   presses, loop, guided-mode buttons and figures (buttons held and pressed, pips, the ignition),
//!   and its HowTo data checks out as the English page's does.

use super::procedure_page;
use crate::{build, paths, translations};
use anyhow::{anyhow, bail, Result};
use scraper::{Html, Selector};
use std::fs;

pub fn run() -> Result<()> {
    let root = paths::root();
    let english = tempfile::tempdir()?;
    build::mdbook_english(english.path())?;
    let template = english.path().join("messages.pot");
    translations::write_template(&root, english.path(), &template)?;
    let problems = translations::problems(&root, &template)?;
    if !problems.is_empty() {
        bail!(
            "{} messages are not ready (after an English edit, run `cargo xtask translations`, \
             then translate them):\n{}",
            problems.len(),
            problems.join("\n")
        );
    }
    let site = post_build::Site::from_book_toml(&root.join("book.toml"))?;
    println!(
        "every message of the English guide is translated in {} catalogues",
        site.translations().count()
    );

    let source = fs::read_to_string(paths::book().join("procedure.html"))?;
    let expected = steps(&source);
    for language in site.translations() {
        let page = format!("{language}/procedure.html");
        let html = fs::read_to_string(paths::book().join(&page))?;
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
}
