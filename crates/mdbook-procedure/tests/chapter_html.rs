//! A chapter's own HTML, as a contributor or a translator would write it, in copies of the book:
//! each kind the site's Content-Security-Policy blocks fails the build at its file and line, in
//! English, on the missing-page page and in a translation. (That plain HTML keeps every word on
//! the built pages needs the whole build: `cargo xtask test "chapter HTML"`.)

mod book;

use regex::Regex;

/// (HTML a chapter may not hold, what the error must say about it)
const BLOCKED: &[(&str, &str)] = &[
    (
        "<div style=\"text-align: center\">Thanks to every owner who tested these steps.</div>",
        "`style=\"text-align: center\"` on `<div>`",
    ),
    ("<script>alert(1)</script>", "a `<script>`"),
    (
        "Press <button onclick=\"go()\">here</button> to start.",
        "`onclick=` on `<button>`",
    ),
    ("[Start now](javascript:go())", "a `javascript:` address"),
    (
        "<iframe src=\"https://www.youtube.com/embed/x\"></iframe>",
        "an embedded page",
    ),
    ("<object data=\"fix.pdf\"></object>", "an embedded page"),
    ("<embed src=\"fix.pdf\">", "an embedded page"),
    ("<p hidden>Only for the keen.</p>", "`hidden` on `<p>`"),
    (
        "<template>Later words.</template>",
        "words in a `<template>`",
    ),
    (
        "![The key](https://example.org/key.png)",
        "`https://example.org/key.png` is loaded from another host",
    ),
];

/// Each blocked kind, on a line of its own at the end of about.md: one error per line.
#[test]
fn each_blocked_kind_fails_the_build_at_its_line() {
    let first = book::chapter("about.md").lines().count() + 2;
    let copy = book::changed("about.md", |text| {
        let mut text = text.to_owned();
        for (html, _) in BLOCKED {
            text.push_str(&format!("\n{html}\n"));
        }
        text
    });
    let expected: Vec<String> = BLOCKED
        .iter()
        .enumerate()
        .map(|(n, (_, message))| format!("src/about.md:{}: {message}", first + 2 * n))
        .collect();
    book::fails_with(copy.path(), &expected);
}

/// The missing-page page (404.md), which mdBook renders without the preprocessors, is checked too.
#[test]
fn the_missing_page_is_checked_too() {
    let line = book::chapter("404.md").lines().count() + 2;
    let copy = book::changed("404.md", |text| {
        format!("{text}\n<p style=\"color: red\">Lost?</p>\n")
    });
    book::fails_with(
        copy.path(),
        &[format!(
            "src/404.md:{line}: `style=\"color: red\"` on `<p>`"
        )],
    );
}

/// Each blocked kind typed by a translator (in po/de.po, in front of the German words of the
/// heading "Sources") fails the German build, naming the chapter, its line and the catalogue.
#[test]
fn each_blocked_kind_typed_by_a_translator_fails_the_translation() {
    let copy = book::changed("about.md", str::to_owned);
    let po = copy.path().join("po/de.po");
    let catalogue = std::fs::read_to_string(&po).unwrap();
    let heading = "msgid \"Sources\"\nmsgstr \"";
    assert!(
        catalogue.contains(heading),
        "po/de.po no longer has the heading \"Sources\" of about.md: update this test"
    );
    let typed: Vec<String> = BLOCKED
        .iter()
        .map(|(html, _)| html.replace('\\', "\\\\").replace('"', "\\\""))
        .collect();
    let changed = format!("{heading}{} ", typed.join(" "));
    std::fs::write(&po, catalogue.replace(heading, &changed)).unwrap();
    // What mdbook-gettext does before us: the heading in the catalogue's words.
    let german = catalogue::Catalogue::load(&po).unwrap();
    let translated = german.get("Sources").expect("translated").to_owned();
    let gettext = |chapter: &str, text: &str| {
        if chapter != "about.md" {
            return text.to_owned();
        }
        assert!(
            text.contains("\n## Sources\n"),
            "about.md has no heading \"Sources\""
        );
        text.replacen("\n## Sources\n", &format!("\n## {translated}\n"), 1)
    };
    let printed = book::fails(copy.path(), "de", gettext);
    for (_, message) in BLOCKED {
        let expected = Regex::new(&format!(
            r"src/about\.md:\d+: in po/de\.po, the translation of this chapter: {}",
            regex::escape(message)
        ))
        .unwrap();
        assert!(
            expected.is_match(&printed),
            "expected the German build to fail with `src/about.md:<line>: in po/de.po, …: \
             {message}`; it printed:\n{printed}"
        );
    }
}
