//! Every page in every language: the `hreflang` alternates in its head (with English as the
//! default), the language switch at its foot (`<nav class="language-switch">` of theme/index.hbs),
//! leading to the same page in each language, and, on a translated page, the line saying it was
//! translated from the English edition, with a link to the English page. Every language has the
//! same pages under the same names, and the same anchors, so a link keeps its place.

use crate::config::Site;
use crate::escape;
use anyhow::{Context, Result};
use catalogue::SOURCE_LANGUAGE;
use lol_html::html_content::ContentType;
use lol_html::{element, rewrite_str, RewriteStrSettings};
use std::fs;
use std::path::Path;

pub fn write(book_dir: &Path, site: &Site) -> Result<()> {
    for name in crate::pages(book_dir)? {
        let path = book_dir.join(&name);
        let html = fs::read_to_string(&path)?;
        fs::write(
            &path,
            page(&html, &name, site).with_context(|| name.clone())?,
        )?;
    }
    Ok(())
}

/// The link from a page of `site.language` to the page `file` in `language`.
fn relative(site: &Site, language: &str, file: &str) -> String {
    if language == site.language {
        return file.to_owned();
    }
    let up = if site.language == SOURCE_LANGUAGE {
        ""
    } else {
        "../"
    };
    format!("{up}{}{file}", catalogue::folder(language))
}

fn page(html: &str, file: &str, site: &Site) -> Result<String> {
    let absolute = |language: &str| site.address_of(language, file);
    let mut alternates = String::new();
    for (code, _) in &site.languages {
        alternates.push_str(&format!(
            "    <link rel=\"alternate\" hreflang=\"{code}\" href=\"{}\">\n",
            escape(&absolute(code))
        ));
    }
    alternates.push_str(&format!(
        "    <link rel=\"alternate\" hreflang=\"x-default\" href=\"{}\">\n",
        escape(&absolute(SOURCE_LANGUAGE))
    ));
    let mut switch = String::from("<ul>");
    for (code, name) in &site.languages {
        let current = if *code == site.language {
            " aria-current=\"page\""
        } else {
            ""
        };
        switch.push_str(&format!(
            "<li><a href=\"{}\" hreflang=\"{code}\" lang=\"{code}\"{current}>{}</a></li>",
            escape(&relative(site, code, file)),
            escape(name)
        ));
    }
    switch.push_str("</ul>");
    let translated = site.language != SOURCE_LANGUAGE;
    let english = relative(site, SOURCE_LANGUAGE, file);
    let settings = RewriteStrSettings::new()
        .append_element_content_handler(element!("nav.language-switch", |el| {
            el.set_inner_content(&switch, ContentType::Html);
            Ok(())
        }))
        .append_element_content_handler(element!("head", |el| {
            el.append(&alternates, ContentType::Html);
            Ok(())
        }))
        .append_element_content_handler(element!(".translated-from", |el| {
            if !translated {
                el.remove();
            }
            Ok(())
        }))
        .append_element_content_handler(element!(".translated-from a", |el| {
            el.set_attribute("href", &english)?;
            Ok(())
        }));
    Ok(rewrite_str(html, settings)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<html><head></head><body><p class="translated-from"><span>Translated.</span> <a hreflang="en">English</a></p><main></main><nav class="language-switch"></nav></body></html>"#;

    fn site(language: &str) -> Site {
        let mut site = Site::new("https://example.org/", "Guide").unwrap();
        site.languages.push(("de".into(), "Deutsch".into()));
        site.url = site.address_in(language);
        site.language = language.into();
        site
    }

    #[test]
    fn an_english_page_links_to_its_translations_and_says_nothing_of_translation() {
        let html = page(PAGE, "procedure.html", &site("en")).unwrap();
        assert!(html.contains(
            r#"<link rel="alternate" hreflang="de" href="https://example.org/de/procedure.html">"#
        ));
        assert!(html.contains(r#"<link rel="alternate" hreflang="x-default" href="https://example.org/procedure.html">"#));
        assert!(html.contains(r#"<a href="de/procedure.html" hreflang="de" lang="de">Deutsch</a>"#));
        assert!(html.contains(
            r#"<a href="procedure.html" hreflang="en" lang="en" aria-current="page">English</a>"#
        ));
        assert!(!html.contains("translated-from"), "{html}");
    }

    #[test]
    fn a_translated_page_links_back_to_the_english_page() {
        let html = page(PAGE, "index.html", &site("de")).unwrap();
        assert!(
            html.contains(r#"<a hreflang="en" href="../index.html">English</a>"#),
            "{html}"
        );
        assert!(
            html.contains(r#"<link rel="alternate" hreflang="de" href="https://example.org/de/">"#)
        );
        assert!(html.contains(r#"<a href="../index.html" hreflang="en" lang="en">English</a>"#));
    }
}
