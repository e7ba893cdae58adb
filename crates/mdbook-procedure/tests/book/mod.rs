//! The repository's own book, copied and changed, then read by our preprocessor as mdBook hands
//! it over: what the build would print when it fails (`src/about.md:12: what is wrong`). In
//! process, so no mdBook program is needed: the book's `book.toml`, `src/` and `po/` are copied,
//! loaded with mdBook's own loader, and given to [`ProcedurePreprocessor`] with the context mdBook
//! sends it.

use mdbook::preprocess::{Preprocessor, PreprocessorContext};
use mdbook_procedure::ProcedurePreprocessor;
use std::fs;
use std::path::{Path, PathBuf};
use tempfile::TempDir;

/// The repository root, where book.toml is.
pub fn root() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
}

/// A chapter of the repository's book, as written (`about.md`).
pub fn chapter(name: &str) -> String {
    fs::read_to_string(root().join("src").join(name)).expect("the chapter exists")
}

/// A copy of the book (book.toml, `src/`, `po/`) with the chapter `name` changed by `change`.
pub fn changed(name: &str, change: impl FnOnce(&str) -> String) -> TempDir {
    let copy = tempfile::tempdir().expect("a temporary folder");
    fs::copy(root().join("book.toml"), copy.path().join("book.toml")).expect("book.toml");
    for dir in ["src", "po"] {
        copy_dir(&root().join(dir), &copy.path().join(dir));
    }
    let path = copy.path().join("src").join(name);
    let text = fs::read_to_string(&path).expect("the chapter exists");
    fs::write(&path, change(&text)).expect("the chapter is written");
    copy
}

fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).expect("a folder");
    for entry in fs::read_dir(from).expect("a folder") {
        let path = entry.expect("an entry").path();
        let target = to.join(path.file_name().expect("a name"));
        if path.is_dir() {
            copy_dir(&path, &target);
        } else {
            fs::copy(&path, &target).expect("a copy");
        }
    }
}

/// Our preprocessor on the book in `root`, built in `language` (`en`, `de`), each chapter first
/// given to `gettext` (its file name, its text), which does what mdbook-gettext does before us:
/// what the build prints when it fails; the build must fail.
pub fn fails(root: &Path, language: &str, gettext: impl Fn(&str, &str) -> String) -> String {
    let mut config = mdbook::Config::from_disk(root.join("book.toml")).expect("book.toml");
    config.book.language = Some(language.to_owned());
    let mut book = mdbook::book::load_book(root.join(&config.book.src), &config.build)
        .expect("the book loads");
    book.for_each_mut(|item| {
        if let mdbook::BookItem::Chapter(ch) = item {
            if let Some(name) = ch.source_path.as_ref().and_then(|p| p.to_str()) {
                ch.content = gettext(name, &ch.content);
            }
        }
    });
    let context: PreprocessorContext = serde_json::from_value(serde_json::json!({
        "root": root,
        "config": config,
        "renderer": "html",
        "mdbook_version": mdbook::MDBOOK_VERSION,
    }))
    .expect("the context mdBook sends");
    match ProcedurePreprocessor.run(&context, book) {
        Ok(_) => panic!("the build passed; it must fail"),
        Err(error) => format!("{error:#}"),
    }
}

/// The chapters as written: English, or words no catalogue translates.
pub fn as_written(_chapter: &str, text: &str) -> String {
    text.to_owned()
}

/// Asserts that the English build of the book in `root` fails, printing every line of `expected`
/// (`src/about.md:12: what is wrong`).
pub fn fails_with(root: &Path, expected: &[String]) {
    let printed = fails(root, "en", as_written);
    for line in expected {
        assert!(
            printed.contains(line.as_str()),
            "expected the build to fail with `{line}`; it printed:\n{printed}"
        );
    }
}
