//! `sitemap.xml` with every chapter in every language, each with its alternates in the others
//! (`xhtml:link hreflang`), and `robots.txt` pointing to it.

use crate::config::Site;
use crate::Report;
use anyhow::Result;
use quick_xml::events::BytesText;
use std::fs;
use std::path::Path;

pub fn write(book_dir: &Path, site: &Site, reports: &[Report]) -> Result<()> {
    let languages: Vec<(&str, &[crate::Page])> = reports
        .iter()
        .map(|r| (r.language.as_str(), r.chapters.as_slice()))
        .collect();
    fs::write(book_dir.join("sitemap.xml"), sitemap(site, &languages))?;
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
fn sitemap(site: &Site, languages: &[(&str, &[crate::Page])]) -> String {
    let mut xml = quick_xml::Writer::new_with_indent(Vec::new(), b' ', 2);
    let urls = xml
        .create_element("urlset")
        .with_attribute(("xmlns", "http://www.sitemaps.org/schemas/sitemap/0.9"))
        .with_attribute(("xmlns:xhtml", "http://www.w3.org/1999/xhtml"))
        .write_inner_content(|xml| {
            for (language, pages) in languages {
                for page in *pages {
                    xml.create_element("url").write_inner_content(|xml| {
                        xml.create_element("loc")
                            .write_text_content(BytesText::new(
                                &site.address_of(language, &page.file),
                            ))?;
                        for (other, _) in languages
                            .iter()
                            .filter(|(_, p)| p.iter().any(|q| q.file == page.file))
                        {
                            xml.create_element("xhtml:link")
                                .with_attribute(("rel", "alternate"))
                                .with_attribute(("hreflang", *other))
                                .with_attribute((
                                    "href",
                                    site.address_of(other, &page.file).as_str(),
                                ))
                                .write_empty()?;
                        }
                        Ok(())
                    })?;
                }
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
        let page = crate::Page {
            file: "it's.html".into(),
            title: "T".into(),
            description: "D".into(),
        };
        let xml = sitemap(&site, &[("en", &[page][..]), ("de", &[])]);
        let doc = roxmltree::Document::parse(&xml).unwrap();
        let loc = doc.descendants().find(|n| n.has_tag_name("loc")).unwrap();
        assert_eq!(loc.text(), Some("https://example.org/a&b/it's.html"));
        let alternates = doc.descendants().filter(|n| n.has_tag_name("link")).count();
        assert_eq!(alternates, 1, "{xml}");
    }
}
