//! `cargo xtask translations`: the catalogues after an English edit, as mdBook's translated books
//! keep theirs (mdbook-i18n-helpers and GNU gettext). It writes the template, `po/messages.pot`
//! (generated, not committed), with every message of the English guide, then brings each
//! language's `po/<language>.po` up to date with `msgmerge`: a new message arrives empty, a
//! changed one marked fuzzy with its old translation, and the tests fail until a translator has
//! seen to both (checks/translations.rs).
//!
//! The messages are mdbook-xgettext's (the chapters and their titles) and those that only the
//! build translates: the words of the chapters' comments (mdbook-procedure's `translate`), the
//! words the built pages mark `data-i18n` (the theme's, the preprocessor's), the drawings' labels
//! and the words the post-build writes (the manifest's, the cards' line).

use crate::{build, cmd, paths, tools};
use anyhow::{bail, Context, Result};
use polib::catalog::Catalog;
use polib::message::{Message, MessageMutView};
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

pub fn run() -> Result<()> {
    let english = tempfile::tempdir()?;
    build::mdbook_english(english.path())?;
    let root = paths::root();
    let template = root.join("po/messages.pot");
    write_template(&root, english.path(), &template)?;
    let site = post_build::Site::from_book_toml(&root.join("book.toml"))?;
    for language in site.translations() {
        let po = catalogue::po_file(&root, language);
        let mut command = if po.exists() {
            let mut merge = Command::new("msgmerge");
            merge
                .args(["--update", "--backup=none", "--quiet"])
                .arg(&po)
                .arg(&template);
            merge
        } else {
            let mut init = Command::new("msginit");
            init.args(["--no-translator", "--locale", language, "--input"])
                .arg(&template)
                .arg("--output-file")
                .arg(&po);
            init
        };
        cmd::run(&mut command).context(
            "updating the catalogues needs GNU gettext (msgmerge, msginit): \
             `sudo apt-get install gettext`",
        )?;
    }
    println!(
        "po/messages.pot and the catalogues are up to date: translate what is new (empty) or \
         fuzzy in each po/<language>.po, then remove the fuzzy flags"
    );
    Ok(())
}

/// Writes the template of every message of the English guide, which mdBook built into `book`.
pub fn write_template(root: &Path, book: &Path, template: &Path) -> Result<()> {
    let scratch = tempfile::tempdir()?;
    let mut xgettext = cmd::tool(tools::MDBOOK.bin().to_str().expect("UTF-8 path"));
    xgettext
        .arg("build")
        .arg(root)
        .arg("--dest-dir")
        .arg(scratch.path())
        .env("MDBOOK_OUTPUT", r#"{"xgettext": {}}"#);
    cmd::output(&mut xgettext)?;
    let pot = scratch.path().join("messages.pot");
    let mut catalog =
        polib::po_file::parse(&pot).map_err(|e| anyhow::anyhow!("{}: {e}", pot.display()))?;
    // mdbook-xgettext takes an admonition whole, fence and all, and only when it holds `"` or
    // `//`; its title and paragraphs are messages of their own below (mdbook-procedure's
    // `translate`), so a translator sees words, not a code block.
    let whole_admonitions: Vec<String> = catalog
        .messages()
        .map(|m| m.msgid().to_owned())
        .filter(|id| id.starts_with("```admonish"))
        .collect();
    for id in whole_admonitions {
        catalog.delete_message(None, &id, None);
    }
    for (words, source, note) in build_messages(root, book)? {
        add(&mut catalog, &words, &source, note);
    }
    fs::create_dir_all(template.parent().expect("po/ has a parent"))?;
    polib::po_file::write(&catalog, template)?;
    Ok(())
}

/// The messages only the build translates: (words, where they are, a note for translators).
fn build_messages(root: &Path, book: &Path) -> Result<Vec<(String, String, &'static str)>> {
    let mut found = Vec::new();
    let src = root.join("src");
    for chapter in markdown_files(&src)? {
        let text = fs::read_to_string(&chapter)?;
        let name = relative(root, &chapter);
        for (line, words) in mdbook_procedure::translate::messages(&text) {
            found.push((
                words,
                format!("{name}:{line}"),
                "words the build translates: a comment's (keywords, description, a guided-mode \
                 button), an admonition's title or paragraph, or a run of raw HTML's text",
            ));
        }
    }
    for page in crate::paths::pages_in(book)? {
        let html = fs::read_to_string(&page)?;
        for words in post_build::translate::messages(&html, false)? {
            found.push((
                words,
                "theme/index.hbs".to_owned(),
                "words of the pages (data-i18n); keep {names} as they are",
            ));
        }
    }
    for drawing in post_build::translate::drawings(&src)? {
        let svg = fs::read_to_string(&drawing)?;
        for words in post_build::translate::messages(&svg, true)? {
            found.push((words, relative(root, &drawing), "a label of a drawing"));
        }
    }
    for words in post_build::BUILD_WORDS {
        found.push((
            words.to_owned(),
            "crates/post-build/src/lib.rs".to_owned(),
            "the app's name and description on a phone's home screen, the line on link previews",
        ));
    }
    Ok(found)
}

/// Adds a message, or where the template has it already, the place it is also found.
fn add(catalog: &mut Catalog, words: &str, source: &str, note: &str) {
    if words.trim().is_empty() {
        return;
    }
    if let Some(mut existing) = catalog.find_message_mut(None, words, None) {
        let sources = existing.source_mut();
        if !sources.split_whitespace().any(|s| s == source) {
            *sources = format!("{sources} {source}").trim().to_owned();
        }
        return;
    }
    catalog.append_or_update(
        Message::build_singular()
            .with_source(source.to_owned())
            .with_comments(note.to_owned())
            .with_msgid(words.to_owned())
            .with_msgstr(String::new())
            .done(),
    );
}

fn markdown_files(src: &Path) -> Result<Vec<PathBuf>> {
    let mut files: Vec<PathBuf> = walkdir::WalkDir::new(src)
        .sort_by_file_name()
        .into_iter()
        .filter_map(|e| e.ok())
        .map(|e| e.into_path())
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .collect();
    files.sort();
    Ok(files)
}

fn relative(root: &Path, path: &Path) -> String {
    path.strip_prefix(root)
        .unwrap_or(path)
        .to_string_lossy()
        .replace('\\', "/")
}

/// Whether `template`'s messages are all translated in every language's catalogue: the problems,
/// as `po/de.po: "…": not translated`.
pub fn problems(root: &Path, template: &Path) -> Result<Vec<String>> {
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
    use super::numbers;

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
