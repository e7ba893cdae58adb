//! The redirect pages of moved chapters (`[output.html.redirect]`, written by mdBook from
//! `theme/redirect.hbs`): each gets the pages' Content-Security-Policy, taken from the built
//! landing page, and `theme/redirect.js` beside it, which carries the reader's anchor across.

use crate::config::Site;
use crate::csp;
use crate::escape;
use anyhow::{Context, Result};
use lol_html::html_content::ContentType;
use lol_html::{element, rewrite_str, RewriteStrSettings};
use std::fs;
use std::path::Path;

pub fn write(book_dir: &Path, site: &Site) -> Result<()> {
    let pages = site.redirect_pages();
    if pages.is_empty() {
        return Ok(());
    }
    let index = fs::read_to_string(book_dir.join("index.html")).context("index.html")?;
    let csp = csp::of(&index).context("index.html has no Content-Security-Policy <meta>")?;
    let script = site.root.join("theme/redirect.js");
    let script = fs::read(&script).with_context(|| format!("reading {}", script.display()))?;
    for file in &pages {
        let path = book_dir.join(file);
        let html = fs::read_to_string(&path)
            .with_context(|| format!("{file}: the redirect page mdBook should have written"))?;
        let meta = format!(
            "<meta http-equiv=\"Content-Security-Policy\" content=\"{}\">",
            escape(&csp)
        );
        let settings = RewriteStrSettings::new().append_element_content_handler(element!(
            "meta[charset]",
            move |el| {
                el.after(&meta, ContentType::Html);
                Ok(())
            }
        ));
        fs::write(&path, rewrite_str(&html, settings).context(file.clone())?)?;
        let folder = path.parent().expect("a page is in a folder");
        fs::write(folder.join("redirect.js"), &script)?;
    }
    Ok(())
}
