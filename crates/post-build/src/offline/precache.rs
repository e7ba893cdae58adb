//! What to precache: every built page, every local file a page refers to (styles, scripts,
//! images, the manifest) or loads on demand (the search code and index), and the manifest's
//! icons. Derived from the build each time, never kept by hand.

use crate::used::references;
use anyhow::{bail, Result};
use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

/// Files relative to the book's root, sorted; `also` are more (the manifest's icons).
pub fn precache_list(book_dir: &Path, also: &[String]) -> Result<Vec<String>> {
    let mut files = BTreeSet::new();
    for name in crate::pages(book_dir)? {
        let html = fs::read_to_string(book_dir.join(&name))?;
        for reference in references(&html) {
            if !book_dir.join(&reference).is_file() {
                bail!("{name} refers to {reference}, which is not in the build");
            }
            files.insert(reference);
        }
        files.insert(name);
    }
    files.extend(also.iter().cloned());
    Ok(files.into_iter().collect())
}
