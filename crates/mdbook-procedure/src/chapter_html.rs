//! What HTML a chapter may hold: what the site's Content-Security-Policy lets a reader see.
//!
//! The policy (`theme/index.hbs`, completed by the post-build) runs only the site's own scripts
//! and styles, so a `style` attribute, a `<style>` or `<script>` element, an event handler
//! (`onclick=`), a `javascript:` address, an embedded page (`<iframe>`, `<object>`, `<embed>`) or
//! an image or sound from another host would build and then do nothing, silently; words marked
//! `hidden` or held in a `<template>` or `<noscript>` would never reach a reader, and `<meta>`,
//! `<link>` and `<base>` belong to the theme's page, not to a chapter. Each fails the build here
//! instead, at its line, in English and in every translation (a translator can type HTML too).
//! Plain HTML (`<div class="…">`, `<p>`, `<small>`, `<details>`, `<nav aria-label="…">`) is
//! welcome.

use crate::error::Problem;
use crate::markdown;
use pulldown_cmark::{CodeBlockKind, Event, Tag, TagEnd};
use regex::Regex;
use std::sync::LazyLock;

/// A comment, a closing tag, or an opening tag with its name and its attributes (whose quoted
/// values may hold a `>`). The one way raw HTML is cut into tags: `translate` reads it too.
pub(crate) static TAG: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?s)<!--.*?-->|</[^>]*>|<([a-zA-Z][\w-]*)((?:[^>\x22']|\x22[^\x22]*\x22|'[^']*')*)>",
    )
    .expect("valid regex")
});

/// An attribute: its name and value (quoted or not).
static ATTRIBUTE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"([^\s=/>"']+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s>]+))?"#).expect("valid regex")
});

/// What the policy blocks, found in the HTML of a chapter: each at its offset.
pub fn check(text: &str) -> Vec<Problem> {
    let mut problems = Vec::new();
    let mut in_admonition = false;
    for (event, range) in markdown::parser(text, false).into_offset_iter() {
        match event {
            Event::Start(Tag::HtmlBlock) | Event::InlineHtml(_) => {
                problems.extend(in_html(&text[range.clone()], range.start));
            }
            // An admonition's body is Markdown that admonish renders, raw HTML included.
            Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(info))) => {
                in_admonition = info.split_whitespace().next() == Some("admonish");
            }
            Event::End(TagEnd::CodeBlock) => in_admonition = false,
            Event::Text(_) if in_admonition => {
                problems.extend(in_html(&text[range.clone()], range.start));
            }
            Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. })
                if scripted(&dest_url) =>
            {
                problems.push(Problem::new(range.start, JAVASCRIPT_URL));
            }
            Event::Start(Tag::Image { dest_url, .. }) if elsewhere(&dest_url) => {
                problems.push(Problem::new(range.start, other_host(&dest_url)));
            }
            _ => {}
        }
    }
    problems
}

const JAVASCRIPT_URL: &str = "a `javascript:` address, which the site's Content-Security-Policy \
     blocks: link to a page or an anchor, and put behaviour in `theme/`";

fn scripted(url: &str) -> bool {
    url.trim_start()
        .to_ascii_lowercase()
        .starts_with("javascript:")
}

/// Whether a file the page loads would come from another host.
fn elsewhere(url: &str) -> bool {
    let url = url.trim_start().to_ascii_lowercase();
    url.starts_with("http:") || url.starts_with("https:") || url.starts_with("//")
}

fn other_host(url: &str) -> String {
    format!(
        "`{url}` is loaded from another host, which the site's Content-Security-Policy blocks \
         (and a reader offline could not load): put the file in `src/images/`"
    )
}

/// The address of another host that attribute `key` of a `<name>` would load, if any: the
/// attributes that load a file are one table for the whole site (`html_loads::LOADS`).
fn loaded_elsewhere<'a>(name: &str, key: &str, value: &'a str) -> Option<&'a str> {
    html_loads::addresses(name, key, value)
        .into_iter()
        .find(|address| elsewhere(address))
}

/// The elements a chapter may not hold, and what to write instead.
const ELEMENTS: &[(&[&str], &str)] = &[
    (
        &["script"],
        "a `<script>`, which the site's Content-Security-Policy blocks: put behaviour in \
         `theme/` (plain JavaScript)",
    ),
    (
        &["style"],
        "a `<style>` element, which the site's Content-Security-Policy blocks: give the element a \
         class and style it in `theme/site.css`",
    ),
    (
        &["iframe", "object", "embed"],
        "an embedded page or object, which the site's Content-Security-Policy blocks and readers \
         offline could not load: link to it instead",
    ),
    (
        &["template", "noscript"],
        "words in a `<template>` or `<noscript>`, which a reader (with scripts on) never sees: \
         write them in the chapter",
    ),
    (
        &["meta", "link", "base"],
        "a `<meta>`, `<link>` or `<base>`, which belongs to the page's `<head>` \
         (`theme/index.hbs`), not to a chapter",
    ),
];

/// The problems of one piece of raw HTML that starts at `offset` of the chapter.
fn in_html(html: &str, offset: usize) -> Vec<Problem> {
    let mut problems = Vec::new();
    for tag in TAG.captures_iter(html) {
        let (Some(name), Some(attributes)) = (tag.get(1), tag.get(2)) else {
            continue; // a comment or a closing tag
        };
        let at = offset + tag.get(0).expect("the tag").start();
        let name = name.as_str().to_ascii_lowercase();
        let element = ELEMENTS
            .iter()
            .find(|(names, _)| names.contains(&name.as_str()))
            .map(|(_, message)| *message);
        if let Some(message) = element {
            problems.push(Problem::new(at, message));
        }
        for attribute in ATTRIBUTE.captures_iter(attributes.as_str()) {
            let key = attribute[1].to_ascii_lowercase();
            let value = attribute.get(2).map_or("", |v| v.as_str());
            let value = value.trim_matches(|c| c == '"' || c == '\'');
            let message = if key == "style" {
                format!(
                    "`style=\"{value}\"` on `<{name}>`, which the site's Content-Security-Policy \
                     blocks (the words would show unstyled): give it a class and style the class \
                     in `theme/site.css`"
                )
            } else if key.starts_with("on") && key.len() > 2 {
                format!(
                    "`{key}=` on `<{name}>`, an event handler, which the site's \
                     Content-Security-Policy blocks: put behaviour in `theme/` (plain JavaScript)"
                )
            } else if scripted(value) {
                JAVASCRIPT_URL.to_owned()
            } else if let Some(far) =
                loaded_elsewhere(&name, &key, value).filter(|_| element.is_none())
            {
                other_host(far)
            } else if key == "hidden" {
                format!(
                    "`hidden` on `<{name}>`: its words would never reach a reader; remove it, or \
                     fold them into a `<details>`"
                )
            } else {
                continue;
            };
            problems.push(Problem::new(at, message));
        }
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::check;
    use crate::error::line_of;

    fn lines(text: &str) -> Vec<(usize, String)> {
        check(text)
            .into_iter()
            .map(|p| (line_of(text, p.offset), p.message))
            .collect()
    }

    #[test]
    fn each_kind_the_policy_blocks_fails_at_its_line() {
        let text = "# T\n\n\
            <div style=\"text-align: center\">Thanks.</div>\n\n\
            Press <span onclick=\"go()\">here</span>.\n\n\
            <script>alert(1)</script>\n\n\
            <style>p { color: red }</style>\n\n\
            <a href=\"javascript:go()\">Go</a> and [go](javascript:go())\n\n\
            <iframe src=\"https://example.org/\"></iframe>\n\n\
            <object data=\"x.swf\"></object><embed src=\"x.swf\">\n\n\
            <p\n  onload='x()'>Late.</p>\n\n\
            <p hidden>Secret.</p><template>Later.</template><noscript>Old.</noscript>\n\n\
            <img src=\"https://example.org/key.png\" alt=\"Key\"> ![Key](//example.org/k.png)\n\n\
            <link rel=\"stylesheet\" href=\"x.css\">\n\n\
            <img srcset=\"k.png 1x, https://example.org/k2.png 2x\">\n\n\
            <svg><use href=\"https://example.org/key.svg#key\"/></svg> <a href=\"https://example.org/\">x</a>\n\n\
            ```admonish tip\nRead <span style=\"color: red\">this</span>.\n```\n";
        let found = lines(text);
        let at: Vec<usize> = found.iter().map(|(line, _)| *line).collect();
        assert_eq!(
            at,
            [3, 5, 7, 9, 11, 11, 13, 15, 15, 17, 20, 20, 20, 22, 22, 24, 26, 28, 31],
            "{found:#?}"
        );
        assert!(found[10].1.contains("`hidden` on `<p>`"));
        assert!(found[13].1.contains("another host"));
        assert!(found[14].1.contains("another host"));
        assert!(found[17]
            .1
            .contains("`https://example.org/key.svg#key` is loaded"));
        assert!(found[0]
            .1
            .contains("`style=\"text-align: center\"` on `<div>`"));
        assert!(found[0].1.contains("theme/site.css"));
        assert!(found[1].1.contains("`onclick=`"));
        assert!(found[2].1.contains("`<script>`"));
        assert!(found[4].1.contains("`javascript:`"));
        assert!(found[6].1.contains("embedded"));
    }

    #[test]
    fn plain_html_code_and_comments_are_welcome() {
        let text = "# T\n\n<div class=\"note\">\n\nThanks to every owner.\n\n</div>\n\n\
            <p><small>Small print.</small></p>\n\n<details><summary>More</summary>Words.</details>\n\n\
            <nav class=\"symptoms\" aria-label=\"Symptoms\">\n\n- [A](#a)\n\n</nav>\n\n\
            `<div style=\"x\">` in code, and a comment <!-- style=\"x\" onclick -->.\n\n\
            ```html\n<script>alert(1)</script>\n```\n\n[a link](procedure.md#step-3) on a one-way street\n";
        assert_eq!(lines(text), []);
    }
}
