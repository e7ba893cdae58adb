//! The template of every message of the English guide (`po/messages.pot`): what each catalogue
//! must translate. `cargo xtask translations` merges the catalogues with it, and the check
//! `translations` reads it. It is written as mdBook's translated books write theirs
//! (mdbook-i18n-helpers), by the pinned mdBook in `.tools/` (which `cargo xtask build` installs).
//!
//! The messages are mdbook-xgettext's (the chapters and their titles) and those that only the
//! build translates: the words of the chapters' comments (mdbook-procedure's `translate`), the
//! words the built pages mark `data-i18n` (the theme's, the preprocessor's), the drawings' labels
//! and the words the post-build writes (the manifest's, the cards' line).

use anyhow::{bail, Context, Result};
use polib::catalog::Catalog;
use polib::message::{Message, MessageMutView};
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

/// Writes `template`, the template of every message of the English guide of the book in `root`.
pub fn write_template(root: &Path, template: &Path) -> Result<()> {
    // mdBook's build of the English guide alone, before the post-build: the pages still have
    // the marks of the words to translate (`data-i18n`).
    let english = tempfile::tempdir()?;
    mdbook(root, english.path(), None)?;
    let scratch = tempfile::tempdir()?;
    mdbook(root, scratch.path(), Some(r#"{"xgettext": {}}"#))?;
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
    for (words, source, note) in build_messages(root, english.path())? {
        add(&mut catalog, &words, &source, note);
    }
    fs::create_dir_all(template.parent().expect("po/ has a parent"))?;
    polib::po_file::write(&catalog, template)?;
    Ok(())
}

/// The pinned mdBook's build of the book in `root` into `dest` (with `MDBOOK_OUTPUT` set to
/// `output`, if any), with the pinned preprocessors first on PATH.
fn mdbook(root: &Path, dest: &Path, output: Option<&str>) -> Result<()> {
    let tools = crate::paths::root().join(".tools/bin");
    let program = tools.join("mdbook");
    if !program.is_file() {
        bail!("the pinned mdBook is not in .tools/: run `cargo xtask build` first");
    }
    let path = std::env::var_os("PATH").unwrap_or_default();
    let path =
        std::env::join_paths(std::iter::once(tools.clone()).chain(std::env::split_paths(&path)))?;
    let mut mdbook = Command::new(&program);
    mdbook
        .arg("build")
        .arg(root)
        .arg("--dest-dir")
        .arg(dest)
        .env("PATH", path)
        .current_dir(root);
    if let Some(output) = output {
        mdbook.env("MDBOOK_OUTPUT", output);
    }
    let out = mdbook
        .output()
        .with_context(|| format!("running {}", program.display()))?;
    if !out.status.success() {
        bail!(
            "mdbook build failed ({})\n{}",
            out.status,
            String::from_utf8_lossy(&out.stderr)
        );
    }
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
    for page in post_build::pages::in_folder(book)? {
        let html = fs::read_to_string(book.join(&page))?;
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
            "the app's name and description on a phone's home screen, the line on link previews, the words of the printed glovebox card (card.html)",
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

/// `path` from `root`, with forward slashes, as the template and the messages name files.
pub(crate) fn relative(root: &Path, path: &Path) -> String {
    path.strip_prefix(root)
        .unwrap_or(path)
        .to_string_lossy()
        .replace('\\', "/")
}
