//! `sitemap.xml` with every chapter, and `robots.txt` pointing to it.

use crate::config::Site;
use crate::previews::Page;
use anyhow::Result;
use quick_xml::events::BytesText;
use std::fs;
use std::path::Path;

pub fn write(book_dir: &Path, site: &Site, pages: &[Page]) -> Result<()> {
    fs::write(book_dir.join("sitemap.xml"), sitemap(site, pages))?;
    fs::write(
        book_dir.join("robots.txt"),
        format!(
            "User-agent: *\nAllow: /\n\nSitemap: {}sitemap.xml\n",
            site.url
        ),
    )?;
    Ok(())
}

/// The sitemap, written by an XML writer: an address with `&` in it stays valid XML.
fn sitemap(site: &Site, pages: &[Page]) -> String {
    let mut xml = quick_xml::Writer::new_with_indent(Vec::new(), b' ', 2);
    let urls = xml
        .create_element("urlset")
        .with_attribute(("xmlns", "http://www.sitemaps.org/schemas/sitemap/0.9"))
        .write_inner_content(|xml| {
            for page in pages {
                xml.create_element("url").write_inner_content(|xml| {
                    xml.create_element("loc")
                        .write_text_content(BytesText::new(&site.url_of(&page.file)))?;
                    Ok(())
                })?;
            }
            Ok(())
        });
    urls.expect("writing XML to memory cannot fail");
    let body = String::from_utf8(xml.into_inner()).expect("the writer writes UTF-8");
    format!("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n{body}\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_address_with_an_ampersand_is_valid_xml() {
        let site = Site::new("https://example.org/a&b/", "Guide").unwrap();
        let page = Page {
            file: "it's.html".into(),
            title: "T".into(),
            description: "D".into(),
        };
        let xml = sitemap(&site, &[page]);
        let doc = roxmltree::Document::parse(&xml).unwrap();
        let loc = doc.descendants().find(|n| n.has_tag_name("loc")).unwrap();
        assert_eq!(loc.text(), Some("https://example.org/a&b/it's.html"));
    }
}
