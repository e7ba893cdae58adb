//! `sitemap.xml` with every chapter, and `robots.txt` pointing to it.

use crate::{Page, Site};
use anyhow::Result;
use std::fs;
use std::path::Path;

pub fn write(book_dir: &Path, site: &Site, pages: &[Page]) -> Result<()> {
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for page in pages {
        xml.push_str(&format!(
            "  <url><loc>{}</loc></url>\n",
            site.url_of(&page.file)
        ));
    }
    xml.push_str("</urlset>\n");
    fs::write(book_dir.join("sitemap.xml"), xml)?;
    fs::write(
        book_dir.join("robots.txt"),
        format!(
            "User-agent: *\nAllow: /\n\nSitemap: {}sitemap.xml\n",
            site.url
        ),
    )?;
    Ok(())
}
