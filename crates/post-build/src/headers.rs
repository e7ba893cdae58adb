//! `_headers` for static hosts that read it (Netlify, Cloudflare Pages): the same
//! Content-Security-Policy as the pages' `<meta>` (taken from the built landing page, so there is
//! one source, with every page's inline style and script hashes), what other parts ask for (the
//! service worker, never cached), and a year-long cache for every file whose name carries a
//! content hash (`book-1a2b3c4d.js`, mdBook's `hash-files`): a change is always a new name. Written
//! last, when every file is there.

use crate::csp;
use crate::inline::Inlined;
use anyhow::{Context, Result};
use regex::Regex;
use std::fs;
use std::path::Path;
use std::sync::LazyLock;
use walkdir::WalkDir;

static HASHED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"-[0-9a-f]{8}(\.min)?\.[a-z0-9]+$").expect("valid regex"));

/// Writes `_headers`; `also` are (path, header) rules other parts need, `inlined` every page's
/// own inline styles and scripts, which the one policy for every response must allow.
pub fn write(book_dir: &Path, also: &[(String, String)], inlined: &Inlined) -> Result<()> {
    let index = fs::read_to_string(book_dir.join("index.html")).context("index.html")?;
    let csp = csp::of(&index).context("index.html has no Content-Security-Policy <meta>")?;
    let styles: Vec<String> = inlined.styles.iter().cloned().collect();
    let scripts: Vec<String> = inlined.scripts.iter().cloned().collect();
    let csp = csp::with_sources(&csp, "style-src", &styles);
    let csp = csp::with_sources(&csp, "script-src", &scripts);
    let mut out = format!(
        "/*\n  Content-Security-Policy: {csp}; frame-ancestors 'none'\n  \
         X-Content-Type-Options: nosniff\n  Referrer-Policy: strict-origin-when-cross-origin\n"
    );
    for (path, header) in also {
        out.push_str(&format!("\n{path}\n  {header}\n"));
    }
    for file in hashed_files(book_dir)? {
        out.push_str(&format!(
            "\n/{file}\n  Cache-Control: public, max-age=31536000, immutable\n"
        ));
    }
    fs::write(book_dir.join("_headers"), out)?;
    Ok(())
}

/// Files of the book (relative to it, `/`-separated) whose names carry a hash, sorted.
fn hashed_files(book_dir: &Path) -> Result<Vec<String>> {
    let mut found = Vec::new();
    for entry in WalkDir::new(book_dir).sort_by_file_name() {
        let entry = entry?;
        if entry.file_type().is_file() && HASHED.is_match(&entry.file_name().to_string_lossy()) {
            let path = entry.path().strip_prefix(book_dir)?;
            found.push(path.to_string_lossy().replace('\\', "/"));
        }
    }
    found.sort();
    Ok(found)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashed_names_are_recognised() {
        for name in [
            "book-53f3e795.js",
            "lunr-ef4e11c1.min.js",
            "site-78d0ca61.css",
        ] {
            assert!(HASHED.is_match(name), "{name}");
        }
        for name in [
            "book.js",
            "sw.js",
            "three-button-key.svg",
            "mini-remote-fix.css",
        ] {
            assert!(!HASHED.is_match(name), "{name}");
        }
    }
}
