//! `book/` holds only what the site uses. mdBook writes its stock files into every book (icon
//! font, highlighter, clipboard, its stylesheets, the search index twice); once our pages are
//! final, whatever no page names (see `used`) and no host or crawler asks for goes, so a deploy
//! uploads only the site, and the precache list and `_headers` follow.

use crate::config::Site;
use crate::used;
use anyhow::{Context, Result};
use std::collections::BTreeSet;
use std::fs;
use std::path::Path;
use walkdir::WalkDir;

/// Files that no page names but a host or crawler reads.
const KEEP: [&str; 3] = ["robots.txt", "sitemap.xml", ".nojekyll"];

/// Removes every file of the book that is not used, then the folders left empty; returns how
/// many files went.
pub fn write(book_dir: &Path, site: &Site) -> Result<usize> {
    let mut keep: BTreeSet<String> = KEEP.iter().map(|f| f.to_string()).collect();
    for name in crate::pages(book_dir)? {
        let html = fs::read_to_string(book_dir.join(&name)).with_context(|| name.clone())?;
        keep.extend(used::references(&html));
        keep.extend(used::card(&html, &site.url));
        keep.insert(name);
    }
    let mut removed = 0;
    let mut folders = Vec::new();
    for entry in WalkDir::new(book_dir).min_depth(1) {
        let entry = entry?;
        let relative = entry
            .path()
            .strip_prefix(book_dir)?
            .to_string_lossy()
            .replace('\\', "/");
        if entry.file_type().is_dir() {
            folders.push(entry.into_path());
        } else if !keep.contains(&relative) {
            fs::remove_file(entry.path())?;
            removed += 1;
        }
    }
    // Deepest first, so a folder's emptied subfolders are gone before it is looked at.
    folders.sort_by_key(|f| std::cmp::Reverse(f.components().count()));
    for folder in folders {
        if fs::read_dir(&folder)?.next().is_none() {
            fs::remove_dir(&folder)?;
        }
    }
    Ok(removed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_no_page_names_goes_and_what_one_names_stays() {
        let dir = crate::test_folder::with(&[
            (
                "index.html",
                r#"<link rel="stylesheet" href="site.css"><meta property="og:image" content="https://x.org/cards/index.png">"#,
            ),
            ("site.css", "x"),
            ("cards/index.png", "x"),
            ("robots.txt", "x"),
            ("highlight.js", "x"),
            ("FontAwesome/fonts/a.woff", "x"),
        ]);
        let book = dir.path();
        let site = Site::new("https://x.org/", "X").unwrap();
        assert_eq!(write(book, &site).unwrap(), 2);
        assert!(book.join("site.css").exists() && book.join("cards/index.png").exists());
        assert!(book.join("robots.txt").exists());
        assert!(!book.join("highlight.js").exists());
        assert!(
            !book.join("FontAwesome").exists(),
            "an emptied folder goes too"
        );
    }
}
