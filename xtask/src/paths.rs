//! Where things live, relative to the repository root.

use anyhow::Result;
use std::path::PathBuf;

/// The repository root (the workspace that holds `book.toml`).
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask lives one level below the root")
        .to_path_buf()
}

/// Git-ignored folder that the pinned tools are installed into.
pub fn tools() -> PathBuf {
    root().join(".tools")
}

pub fn tools_bin() -> PathBuf {
    tools().join("bin")
}

/// The built site.
pub fn book() -> PathBuf {
    root().join("book")
}

/// The built chapter pages, and the pages mdBook adds (print, 404, the no-script table of
/// contents), in file-name order.
pub fn built_pages() -> Result<Vec<PathBuf>> {
    pages_in(&book())
}

/// Every page of every language: its path in the book (`procedure.html`, `de/procedure.html`) and
/// on disk; English first, then each translation's folder.
pub fn all_pages() -> Result<Vec<(String, PathBuf)>> {
    let mut folders = vec![String::new()];
    let mut translations: Vec<String> = std::fs::read_dir(book())?
        .filter_map(|e| e.ok())
        .filter(|e| e.path().join("index.html").is_file())
        .map(|e| format!("{}/", e.file_name().to_string_lossy()))
        .collect();
    translations.sort();
    folders.extend(translations);
    let mut pages = Vec::new();
    for folder in folders {
        for path in pages_in(&book().join(&folder))? {
            let name = path.file_name().unwrap_or_default().to_string_lossy();
            pages.push((format!("{folder}{name}"), path));
        }
    }
    Ok(pages)
}

/// The pages of a language's build (`book/`, `book/de/`), in file-name order.
pub fn pages_in(dir: &std::path::Path) -> Result<Vec<PathBuf>> {
    let mut pages: Vec<PathBuf> = std::fs::read_dir(dir)?
        .map(|e| e.map(|e| e.path()))
        .collect::<Result<_, _>>()?;
    pages.retain(|p| p.extension().is_some_and(|e| e == "html"));
    pages.sort();
    Ok(pages)
}

/// The Markdown chapters.
pub fn chapters() -> PathBuf {
    root().join("src")
}

/// The browser tests (a node package of their own).
pub fn e2e() -> PathBuf {
    root().join("tests").join("e2e")
}

/// The benchmark's node package (Lighthouse), kept apart so the tests do not install it.
pub fn bench() -> PathBuf {
    root().join("bench")
}

/// The article the guide is based on, kept beside the repository (never copied into it).
pub fn source_article_dir() -> PathBuf {
    root().join("..").join("shared").join("source")
}
