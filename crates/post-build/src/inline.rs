//! The first paint needs the page alone. In every page, the page's first lines
//! (`<script data-first-paint>`, theme/index.hbs) become theme/first-paint.js, minified; the
//! theme's stylesheets become one `<style>` (guided mode's only where there is a procedure);
//! guided mode's scripts, which the page loads after its first paint
//! (`data-scripts-after-paint`), become one file that only pages with a procedure load; the
//! favicon becomes a `data:` URL; and the page's Content-Security-Policy allows exactly its own
//! inline style and scripts, by their SHA-256, so it needs no `'unsafe-inline'`. mdBook's own inline style goes too: the print page's
//! chapter breaks (our print stylesheet breaks before every chapter). Guided mode's words
//! (`<template id="guided-words">`) stay only where guided mode runs.

use crate::csp;
use anyhow::{Context, Result};
use lol_html::html_content::ContentType;
use lol_html::{element, rewrite_str, RewriteStrSettings};
use scraper::{Html, Selector};
use std::cell::Cell;
use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

/// Where guided mode's files are, in the book.
const GUIDED: &str = "theme/guided/";
/// The page's first lines, in the theme: its colour theme, and when its other scripts load.
const FIRST_PAINT: &str = "first-paint.js";

/// The inline styles and scripts of every page, as CSP sources, for `_headers`.
#[derive(Debug, Default)]
pub struct Inlined {
    pub styles: BTreeSet<String>,
    pub scripts: BTreeSet<String>,
}

pub fn write(theme_dir: &Path, book_dir: &Path) -> Result<Inlined> {
    let first_paint = theme_dir.join(FIRST_PAINT);
    let first_paint = fs::read_to_string(&first_paint)
        .map_err(anyhow::Error::from)
        .and_then(|code| crate::minify::js(&code))
        .with_context(|| first_paint.display().to_string())?;
    let mut inlined = Inlined::default();
    for name in crate::pages(book_dir)? {
        let path = book_dir.join(&name);
        let html = fs::read_to_string(&path)?;
        let page = page(book_dir, &html, &first_paint).with_context(|| name.clone())?;
        fs::write(&path, page.html)?;
        inlined.styles.extend(page.style);
        inlined.scripts.extend(page.scripts);
    }
    Ok(inlined)
}

struct Page {
    html: String,
    style: Option<String>,
    scripts: Vec<String>,
}

/// One page with its first lines written in (`first_paint`), its styles inlined, guided mode's
/// scripts bundled or gone, and its policy.
/// What mdBook 0.4.52 writes between the chapters of its print page (`hbs_renderer.rs`).
const PRINT_SEPARATOR: &str =
    r#"<div style="break-before: page; page-break-before: always;"></div>"#;

fn page(book_dir: &Path, html: &str, first_paint: &str) -> Result<Page> {
    let doc = Html::parse_document(html);
    let all = |selector: &str, attribute: &str| -> Vec<String> {
        let selector = Selector::parse(selector).expect("valid selector");
        doc.select(&selector)
            .filter_map(|e| e.value().attr(attribute).map(str::to_owned))
            .collect()
    };
    let has = |selector: &str| {
        let selector = Selector::parse(selector).expect("valid selector");
        doc.select(&selector).next().is_some()
    };
    // The print page holds the procedure too, but prints it: no guided mode there.
    let procedure = has("ol.procedure") && !has("html[data-print]");
    let sheets: Vec<String> = all("link[rel='stylesheet']", "href")
        .into_iter()
        .filter(|href| procedure || !href.starts_with(GUIDED))
        .collect();
    let late: Vec<String> = all("html", "data-scripts-after-paint")
        .iter()
        .flat_map(|list| {
            list.split_whitespace()
                .map(str::to_owned)
                .collect::<Vec<_>>()
        })
        .collect();
    let guided: Vec<String> = late
        .iter()
        .filter(|src| src.starts_with(GUIDED))
        .cloned()
        .collect();
    let favicon = all("link[rel='icon']", "href").into_iter().next();

    let mut css = String::new();
    for sheet in &sheets {
        let text = fs::read_to_string(book_dir.join(sheet)).with_context(|| sheet.clone())?;
        css.push_str(text.trim());
        css.push('\n');
    }
    let bundle = match (procedure, guided.is_empty()) {
        (true, false) => Some(bundle(book_dir, &guided)?),
        _ => None,
    };
    let favicon = favicon
        .map(|href| -> Result<String> {
            let svg = fs::read_to_string(book_dir.join(&href)).with_context(|| href.clone())?;
            Ok(favicon_url(&svg))
        })
        .transpose()?;

    let style = (!css.is_empty()).then(|| csp::hash_source(&css));
    let inline_scripts = Selector::parse("script:not([src]):not([type])").expect("valid selector");
    let scripts: Vec<String> = doc
        .select(&inline_scripts)
        .map(|s| match s.value().attr("data-first-paint") {
            Some(_) => csp::hash_source(first_paint),
            None => csp::hash_source(&s.text().collect::<String>()),
        })
        .collect();

    // The scripts after the first paint: guided mode's as one file, or none.
    let late: Vec<&str> = late
        .iter()
        .filter(|src| !src.starts_with(GUIDED))
        .map(String::as_str)
        .chain(bundle.as_deref())
        .collect();
    let late = late.join(" ");
    let first_sheet = Cell::new(true);
    let style_element = format!("<style>{css}</style>");
    let style_sources: Vec<String> = style.iter().cloned().collect();
    let settings = RewriteStrSettings::new()
        .append_element_content_handler(element!("script[data-first-paint]", |el| {
            el.remove_attribute("data-first-paint");
            el.set_inner_content(first_paint, ContentType::Html);
            Ok(())
        }))
        .append_element_content_handler(element!("link[rel='stylesheet']", |el| {
            if first_sheet.replace(false) && !css.is_empty() {
                el.replace(&style_element, ContentType::Html);
            } else {
                el.remove();
            }
            Ok(())
        }))
        .append_element_content_handler(element!("html[data-scripts-after-paint]", |el| {
            el.set_attribute("data-scripts-after-paint", &late)?;
            Ok(())
        }))
        .append_element_content_handler(element!("link[rel='icon']", |el| {
            if let Some(data) = &favicon {
                el.set_attribute("href", data)?;
            }
            Ok(())
        }))
        // Guided mode's words (theme/index.hbs) are for guided mode only.
        .append_element_content_handler(element!("template#guided-words", |el| {
            if !procedure {
                el.remove();
            }
            Ok(())
        }))
        .append_element_content_handler(element!(
            "meta[http-equiv='Content-Security-Policy']",
            |el| {
                let policy = el.get_attribute("content").unwrap_or_default();
                let policy = csp::with_sources(&policy, "style-src", &style_sources);
                let policy = csp::with_sources(&policy, "script-src", &scripts);
                el.set_attribute("content", &policy)?;
                Ok(())
            }
        ));
    // mdBook's print page puts exactly this between chapters; the site's print styles break the
    // pages instead, and the policy would block the style. Nothing an author writes is removed:
    // the preprocessor refuses a chapter's `style` attribute (its `chapter_html`).
    let html = rewrite_str(&html.replace(PRINT_SEPARATOR, ""), settings)?;
    Ok(Page {
        html,
        style,
        scripts,
    })
}

/// The favicon drawing as a `data:` URL, percent-encoded: on every page, its words compress to
/// about 180 bytes less than in base64.
fn favicon_url(svg: &str) -> String {
    use percent_encoding::{utf8_percent_encode, CONTROLS};
    const IN_DATA_URL: &percent_encoding::AsciiSet = &CONTROLS
        .add(b' ')
        .add(b'"')
        .add(b'#')
        .add(b'%')
        .add(b'<')
        .add(b'>');
    format!(
        "data:image/svg+xml,{}",
        utf8_percent_encode(svg.trim(), IN_DATA_URL)
    )
}

/// Guided mode's scripts, in their order, as one file named by its content; the same for every
/// page, so it is written once.
fn bundle(book_dir: &Path, scripts: &[String]) -> Result<String> {
    let mut code = String::new();
    for script in scripts {
        let text = fs::read_to_string(book_dir.join(script)).with_context(|| script.clone())?;
        code.push_str(text.trim());
        code.push('\n');
    }
    let file = format!(
        "{GUIDED}guided-mode-{}.js",
        crate::short_hash(code.as_bytes())
    );
    fs::write(book_dir.join(&file), code)?;
    Ok(file)
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<!DOCTYPE html><html lang="en" data-scripts-after-paint="book.js theme/guided/a.js theme/guided/b.js"><head>
        <meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self'; style-src 'self'">
        <link rel="icon" href="favicon.svg">
        <link rel="stylesheet" href="theme/site.css">
        <link rel="stylesheet" href="theme/guided/guided.css">
        <script>document.documentElement.classList.add('js')</script>
        </head><body>{body}</body></html>"#;

    fn book() -> tempfile::TempDir {
        crate::test_folder::with(&[
            ("favicon.svg", "<svg/>"),
            ("theme/site.css", "p{margin:0}"),
            ("theme/guided/guided.css", ".guided{color:red}"),
            ("theme/guided/a.js", "var a=1;"),
            ("theme/guided/b.js", "var b=2;"),
        ])
    }

    #[test]
    fn a_page_with_a_procedure_gets_one_style_and_one_guided_script() {
        let dir = book();
        let html = PAGE.replace("{body}", r#"<ol class="procedure"></ol>"#);
        let page = page(dir.path(), &html, "").unwrap();
        assert_eq!(page.html.matches("<style>").count(), 1);
        assert!(page
            .html
            .contains("<style>p{margin:0}\n.guided{color:red}\n</style>"));
        assert!(!page.html.contains("rel=\"stylesheet\""));
        let bundle = format!("{GUIDED}guided-mode-");
        assert!(
            page.html
                .contains(&format!("data-scripts-after-paint=\"book.js {bundle}")),
            "{}",
            page.html
        );
        assert_eq!(
            page.html.matches("theme/guided/").count(),
            1,
            "{}",
            page.html
        );
        assert!(page.html.contains("href=\"data:image/svg+xml,%3Csvg/%3E\""));
        let style = csp::hash_source("p{margin:0}\n.guided{color:red}\n");
        let script = csp::hash_source("document.documentElement.classList.add('js')");
        assert!(page.html.contains(&format!(
            "script-src 'self' {script}; style-src 'self' {style}"
        )));
    }

    #[test]
    fn the_first_lines_are_written_in_and_allowed_by_their_hash() {
        let dir = book();
        let html = PAGE.replace(
            "<script>document.documentElement.classList.add('js')</script>",
            "<script data-first-paint></script>",
        );
        let page = page(dir.path(), &html, "go(1<2&&3>2)").unwrap();
        assert!(
            page.html.contains("<script>go(1<2&&3>2)</script>"),
            "{}",
            page.html
        );
        let script = csp::hash_source("go(1<2&&3>2)");
        assert!(page.html.contains(&format!("script-src 'self' {script};")));
    }

    #[test]
    fn a_page_without_a_procedure_loads_nothing_of_guided_mode() {
        let dir = book();
        let body = r#"<p>Hi</p><template id="guided-words"><span>Exit</span></template>"#;
        let page = page(dir.path(), &PAGE.replace("{body}", body), "").unwrap();
        assert!(page.html.contains("<style>p{margin:0}\n</style>"));
        assert!(!page.html.contains("guided"), "{}", page.html);
    }
}
