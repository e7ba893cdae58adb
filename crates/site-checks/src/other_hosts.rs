//! No request to another host, found in the files themselves: every address a page, drawing or
//! stylesheet makes the browser load (each attribute of the one table `html_loads::LOADS`: a
//! `<link>`'s href such as a preconnect, `src`, `srcset`, `poster`, `data`, `action`, `ping`, an
//! SVG `href`, the theme's `data-scripts`…; and a refresh's URL, and `url()` and `@import` in
//! styles) is relative or on the site's own host. A link the reader follows (`<a href>`) may go
//! anywhere. The browser tests watch the requests a visit makes; this also sees what a visit does
//! not happen to load.

use crate::paths;
use anyhow::{bail, Result};
use regex::Regex;
use scraper::{Html, Selector};
use std::fs;
use std::sync::LazyLock;
use walkdir::WalkDir;

/// The stage: every page, drawing and stylesheet of the built site.
pub fn run() -> Result<()> {
    let site = paths::site()?;
    let host = site
        .url
        .trim_start_matches("https://")
        .split('/')
        .next()
        .unwrap_or_default()
        .to_owned();
    let book = paths::book()?;
    let mut problems = Vec::new();
    let mut files = 0;
    for entry in WalkDir::new(&book).sort_by_file_name() {
        let path = entry?.into_path();
        let name = path.strip_prefix(&book)?.display().to_string();
        let text = || fs::read_to_string(&path);
        match path.extension().and_then(|e| e.to_str()) {
            Some("html" | "svg") => problems.extend(in_markup(&name, &text()?, &host)),
            Some("css") => problems.extend(in_styles(&name, &text()?, &host)),
            _ => continue,
        }
        files += 1;
    }
    if !problems.is_empty() {
        bail!("{}", problems.join("\n"));
    }
    println!("{files} pages, drawings and stylesheets load nothing from another host than {host}");
    Ok(())
}

static HOST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(?:([a-z][a-z0-9+.-]*):)?(//)?([^/?#:\s]*)").expect("valid regex")
});
static CSS_URL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?i)url\(\s*['"]?([^'")\s]+)|@import\s+['"]([^'"]+)"#).expect("valid regex")
});

/// The other host an address loads from, if it is not relative, `data:`, or on `site_host`.
fn other_host(address: &str, site_host: &str) -> Option<String> {
    let c = HOST.captures(address)?;
    let scheme = c.get(1).map(|m| m.as_str().to_ascii_lowercase());
    let host = c.get(3).map_or("", |m| m.as_str()).to_ascii_lowercase();
    match (scheme.as_deref(), c.get(2).is_some()) {
        (Some("data"), _) | (None, false) => None,
        (_, true) if host == site_host => None,
        _ => Some(address.trim().to_owned()),
    }
}

/// Every address loaded from another host by the HTML or SVG `markup` of `file`.
pub fn in_markup(file: &str, markup: &str, site_host: &str) -> Vec<String> {
    let doc = Html::parse_document(markup);
    // (what loads it, the address), and the style sheets and style attributes, read after.
    let mut addresses: Vec<(String, String)> = Vec::new();
    let mut styles: Vec<(String, String)> = Vec::new();
    let all = Selector::parse("*").expect("valid selector");
    for element in doc.select(&all) {
        let e = element.value();
        let tag = e.name();
        for (name, value) in e.attrs() {
            let refresh = tag == "meta"
                && name == "content"
                && e.attr("http-equiv")
                    .is_some_and(|h| h.eq_ignore_ascii_case("refresh"));
            for address in html_loads::addresses(tag, name, value) {
                addresses.push((format!("<{tag} {name}>"), address.to_owned()));
            }
            if name == "style" {
                styles.push((format!("{file}: <{tag} style>"), value.to_owned()));
            } else if refresh {
                if let Some((_, url)) = value.split_once('=') {
                    addresses.push(("<meta http-equiv=refresh>".into(), url.to_owned()));
                }
            }
        }
        if tag == "style" {
            styles.push((format!("{file}: <style>"), element.text().collect()));
        }
    }
    let mut found: Vec<String> = addresses
        .iter()
        .filter_map(|(what, address)| {
            let other = other_host(address, site_host)?;
            Some(format!("{file}: {what} loads from another host: {other}"))
        })
        .collect();
    for (what, css) in &styles {
        found.extend(in_styles(what, css, site_host));
    }
    found
}

/// Every `url()` and `@import` of `css` that loads from another host.
pub fn in_styles(file: &str, css: &str, site_host: &str) -> Vec<String> {
    CSS_URL
        .captures_iter(css)
        .filter_map(|c| c.get(1).or(c.get(2)))
        .filter_map(|m| other_host(m.as_str(), site_host))
        .map(|other| format!("{file}: a style loads from another host: {other}"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const HOST_NAME: &str = "miniremotefix.org";

    #[test]
    fn a_preconnect_an_image_set_and_a_style_to_another_host_are_found() {
        let page = r##"<html><head>
            <link rel="preconnect" href="https://fonts.example.com">
            <link rel="canonical" href="https://miniremotefix.org/procedure.html">
            <link rel="stylesheet" href="theme/site.css">
            <style>body { background: url('//cdn.example.net/bg.png') }</style>
            </head><body>
            <img src="images/key.svg" srcset="key.png 1x, https://img.example.org/key.png 2x">
            <p style="background-image: url(data:image/png;base64,AAAA)">x</p>
            <a href="https://www.example.com/article">a link to follow</a>
            <button data-scripts="search.js https://cdn.example.net/lunr.js">Search</button>
            <svg><use href="#key"/></svg>
            </body></html>"##;
        assert_eq!(
            in_markup("p.html", page, HOST_NAME),
            [
                "p.html: <link href> loads from another host: https://fonts.example.com",
                "p.html: <img srcset> loads from another host: https://img.example.org/key.png",
                "p.html: <button data-scripts> loads from another host: https://cdn.example.net/lunr.js",
                "p.html: <style>: a style loads from another host: //cdn.example.net/bg.png",
            ]
        );
    }

    #[test]
    fn styles_may_load_only_from_the_site() {
        let css = "@import 'https://example.com/x.css'; a { background: url(../img/a.png) }";
        assert_eq!(
            in_styles("site.css", css, HOST_NAME),
            ["site.css: a style loads from another host: https://example.com/x.css"]
        );
        assert!(in_styles(
            "site.css",
            "a{background:url(https://miniremotefix.org/a.png)}",
            HOST_NAME
        )
        .is_empty());
    }
}
