//! The print page of every language keeps no styled separator: mdBook puts a styled `<div>`
//! between the chapters it prints, which the site's policy would block; the post-build removes
//! them (`crates/post-build/src/inline.rs`), so no `style` attribute is left.

use crate::paths;
use anyhow::{bail, Result};
use std::fs;

pub fn run() -> Result<()> {
    let mut printed = 0;
    for page in paths::pages()? {
        if page.file == "print.html" {
            if styled(&fs::read_to_string(&page.disk)?) {
                bail!(
                    "{}: a `style` attribute is left (mdBook's chapter separators?)",
                    page.path
                );
            }
            printed += 1;
        }
    }
    if printed == 0 {
        bail!("the build has no print page");
    }
    println!("no print page of the {printed} languages has a styled separator left");
    Ok(())
}

/// Whether the page holds a `style` attribute.
pub fn styled(html: &str) -> bool {
    html.contains("style=")
}
