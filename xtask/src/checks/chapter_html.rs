//! A chapter's own HTML, as a contributor or a translator would write it, in copies of the book:
//! each kind the site's Content-Security-Policy blocks fails the build at its file and line, in
//! English (the missing-page page too) and in a translation; plain HTML reaches the reader with every word, the print page
//! included; and the print page has none of mdBook's styled separators left.

use crate::{build, cmd, copies, paths, tools};
use anyhow::{bail, Result};
use regex::Regex;
use std::fs;

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

/// Plain HTML the site allows, with words that must reach the reader.
const ALLOWED: &[(&str, &str)] = &[
    (
        "<div class=\"thanks\">Thanks to every owner who tested these steps.</div>",
        "Thanks to every owner who tested these steps.",
    ),
    (
        "<p><small>Printed for the glovebox.</small></p>",
        "Printed for the glovebox.",
    ),
    (
        "<details><summary>Why all keys</summary>Each key is paired again.</details>",
        "Each key is paired again.",
    ),
];

pub fn run() -> Result<()> {
    blocked_in_english()?;
    blocked_on_the_missing_page()?;
    blocked_in_a_translation()?;
    allowed_keeps_its_words()?;
    print_page_has_no_styled_separator()
}

/// Each blocked kind, on a line of its own at the end of about.md: one error per line.
fn blocked_in_english() -> Result<()> {
    let original = fs::read_to_string(paths::chapters().join("about.md"))?;
    let first = original.lines().count() + 2;
    let copy = about_with("chapter-html", BLOCKED)?;
    let stderr = mdbook_fails(copy.path(), &[])?;
    for (n, (_, message)) in BLOCKED.iter().enumerate() {
        let expected = format!("src/about.md:{}: {message}", first + 2 * n);
        if !stderr.contains(&expected) {
            bail!("expected the build to fail with `{expected}…`; it printed:\n{stderr}");
        }
    }
    println!(
        "{} kinds of HTML the policy blocks each fail the build at their line",
        BLOCKED.len()
    );
    Ok(())
}

/// The missing-page page (404.md), which mdBook renders without the preprocessors, is checked too.
fn blocked_on_the_missing_page() -> Result<()> {
    let original = fs::read_to_string(paths::chapters().join("404.md"))?;
    let line = original.lines().count() + 2;
    let copy = copies::changed("chapter-html-404", "404.md", |text| {
        format!("{text}\n<p style=\"color: red\">Lost?</p>\n")
    })?;
    let stderr = mdbook_fails(copy.path(), &[])?;
    let expected = format!("src/404.md:{line}: `style=\"color: red\"` on `<p>`");
    if !stderr.contains(&expected) {
        bail!("expected the build to fail with `{expected}…`; it printed:\n{stderr}");
    }
    println!("the missing-page page's HTML is checked too");
    Ok(())
}

/// Each blocked kind typed by a translator fails the German build, naming the chapter, its line
/// and the catalogue.
fn blocked_in_a_translation() -> Result<()> {
    let copy = copies::changed("chapter-html-de", "about.md", str::to_owned)?;
    let po = copy.path().join("po/de.po");
    let catalogue = fs::read_to_string(&po)?;
    // The heading "Sources", whatever its German words, gets every kind in front of them.
    let heading = "msgid \"Sources\"\nmsgstr \"";
    if !catalogue.contains(heading) {
        bail!("po/de.po no longer has the heading \"Sources\" of about.md: update this test");
    }
    let typed: Vec<String> = BLOCKED
        .iter()
        .map(|(html, _)| html.replace('\\', "\\\\").replace('"', "\\\""))
        .collect();
    let changed = format!("{heading}{} ", typed.join(" "));
    fs::write(&po, catalogue.replace(heading, &changed))?;
    let stderr = mdbook_fails(copy.path(), &[("MDBOOK_BOOK__LANGUAGE", "de")])?;
    for (_, message) in BLOCKED {
        let expected = Regex::new(&format!(
            r"src/about\.md:\d+: in po/de\.po, the translation of this chapter: {}",
            regex::escape(message)
        ))?;
        if !expected.is_match(&stderr) {
            bail!("expected the German build to fail with `src/about.md:<line>: in po/de.po, …: {message}`; it printed:\n{stderr}");
        }
    }
    println!(
        "{} kinds typed by a translator fail the German build at their chapter and line",
        BLOCKED.len()
    );
    Ok(())
}

/// Plain HTML in about.md: built with everything `cargo xtask build` does, every word is on the
/// page and on the print page, in English and (as written) in each translation's build.
fn allowed_keeps_its_words() -> Result<()> {
    let copy = about_with("chapter-html-allowed", ALLOWED)?;
    let book = copy.path().join("book");
    build::build_book(copy.path(), &book)?;
    for page in ["about.html", "print.html", "de/about.html", "de/print.html"] {
        let html = fs::read_to_string(book.join(page))?;
        for (_, words) in ALLOWED {
            if !html.contains(words) {
                bail!("{page}: the chapter's \"{words}\" is gone");
            }
        }
    }
    println!("plain HTML in a chapter keeps every word, on its page and the print page");
    Ok(())
}

fn print_page_has_no_styled_separator() -> Result<()> {
    for (name, path) in paths::all_pages()? {
        if name.ends_with("print.html") && fs::read_to_string(&path)?.contains("style=") {
            bail!("{name}: a `style` attribute is left (mdBook's chapter separators?)");
        }
    }
    println!("no print page has a styled separator left");
    Ok(())
}

/// A copy of the book whose about.md ends with each HTML of `cases`, a paragraph each.
fn about_with(name: &str, cases: &[(&str, &str)]) -> Result<tempfile::TempDir> {
    copies::changed(name, "about.md", |text| {
        let mut text = text.to_owned();
        for (html, _) in cases {
            text.push_str(&format!("\n{html}\n"));
        }
        text
    })
}

/// mdBook's build of the book in `root`, which must fail: what it printed.
fn mdbook_fails(root: &std::path::Path, env: &[(&str, &str)]) -> Result<String> {
    let out = cmd::tool(tools::MDBOOK.bin().to_str().expect("UTF-8 path"))
        .arg("build")
        .current_dir(root)
        .envs(env.iter().copied())
        .output()?;
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    if out.status.success() {
        bail!("the build passed; it must fail. It printed:\n{stderr}");
    }
    Ok(stderr)
}
