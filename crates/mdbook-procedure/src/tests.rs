//! The whole preprocessor on small books: Markdown in, Markdown out.

use super::*;
use mdbook::book::Chapter;
use pretty_assertions::assert_eq;
use proptest::prelude::*;

fn book(chapters: &[(&str, &str)]) -> Book {
    let mut book = Book::new();
    for (path, content) in chapters {
        book.push_item(Chapter::new(path, content.to_string(), path, vec![]));
    }
    book
}

/// Drawings as small as can be, so the snapshots show the figures' markup, not the artwork.
fn drawings() -> figures::Drawings {
    let key = r#"<svg><symbol id="key" viewBox="0 0 100 200">
        <circle id="key-unlock" cx="50" cy="40" r="10"/><circle id="key-lock" cx="50" cy="80" r="10"/>
        <circle id="key-boot" cx="50" cy="120" r="10"/></symbol></svg>"#;
    let ignition =
        r#"<svg><symbol id="ignition" viewBox="0 0 10 10"><circle r="5"/></symbol></svg>"#;
    figures::Drawings {
        key: Some(figures::Drawing::parse(key, "key", &figures::BUTTONS).unwrap()),
        ignition: Some(figures::Drawing::parse(ignition, "ignition", &[]).unwrap()),
    }
}

fn settings(site_url: &str) -> Settings {
    Settings {
        site_url: site_url.to_owned(),
        drawings: drawings(),
        smart_punctuation: false,
        translation: None,
    }
}

fn run(chapters: &[(&str, &str)]) -> Result<Vec<String>, String> {
    let mut book = book(chapters);
    process(&mut book, Path::new("src"), &settings("")).map_err(|e| e.to_string())?;
    Ok(book
        .iter()
        .filter_map(|item| match item {
            BookItem::Chapter(ch) => Some(ch.content.clone()),
            _ => None,
        })
        .collect())
}

const PROCEDURE: &str = "# Re-program your keys

Have every key.

<!-- procedure -->
1. Get in and shut the doors.
2. Turn the key to position one. Within **5 seconds**, turn it back
   and take it out. <!-- window: 5s --> <!-- start: Key at \"one\" & ready -->
   <!-- done: I've taken the key out --> <!-- ignition: position-one -->
3. Within **30 seconds**, hold lock and unlock. <!-- window: 30s -->
   <!-- again: Take the **next** key and hold lock and unlock. --> <!-- hold: lock, unlock -->
4. Keep unlock held; press lock three times within **10 seconds**. <!-- window: 10s -->
   <!-- presses: 3 --> <!-- hold: unlock --> <!-- press: lock -->
5. Let go: the doors lock and unlock. <!-- done: They did --> <!-- fail: Nothing happened -->
6. Another key? Repeat from step 3, then steps 4 and 5. <!-- repeat-from: 3 -->
7. Finish: key in, position one.

Trouble at step 4? Read on.
";

#[test]
fn the_procedure_chapter() {
    let out = run(&[("procedure.md", PROCEDURE)]).unwrap();
    insta::assert_snapshot!(out[0]);
}

#[test]
fn references_in_other_chapters_link_to_the_procedure_page() {
    let out = run(&[
        ("procedure.md", PROCEDURE),
        (
            "help/troubleshooting.md",
            "Start again from step 1; steps 3 to 5 for each key.\n",
        ),
    ])
    .unwrap();
    assert_eq!(
        out[1],
        "Start again from [step 1](../procedure.md#step-1); \
         [steps 3 to 5](../procedure.md#step-3) for each key.\n"
    );
}

#[test]
fn a_multi_paragraph_step_keeps_its_markdown() {
    let text = "<!-- procedure -->\n1. First.\n\n   More about it:\n\n   - a\n   - b\n2. Second.\n";
    insta::assert_snapshot!(run(&[("p.md", text)]).unwrap()[0]);
}

#[test]
fn a_reference_to_a_missing_step_fails_with_file_and_line() {
    let err = run(&[
        ("procedure.md", PROCEDURE),
        ("troubleshooting.md", "# Help\n\nRedo step 9.\n"),
    ])
    .unwrap_err();
    assert_eq!(
        err,
        "src/troubleshooting.md:3: \"step 9\" refers to step 9, but the procedure has steps 1 to 7"
    );
}

#[test]
fn a_reference_in_an_admonition_is_linked_and_checked() {
    let tip = "```admonish tip\nGo back to step 2, or step 8.\n```\n";
    let err = run(&[("procedure.md", PROCEDURE), ("help.md", tip)]).unwrap_err();
    assert_eq!(
        err,
        "src/help.md:2: \"step 8\" refers to step 8, but the procedure has steps 1 to 7"
    );
    let tip = "```admonish tip\nGo back to step 2.\n```\n";
    let out = run(&[("procedure.md", PROCEDURE), ("help.md", tip)]).unwrap();
    assert_eq!(
        out[1],
        "```admonish tip\nGo back to [step 2](procedure.md#step-2).\n```\n"
    );
}

#[test]
fn a_reference_to_a_missing_step_in_the_procedure_itself() {
    let text = "<!-- procedure -->\n1. One.\n2. Back to step 3.\n";
    let err = run(&[("p.md", text)]).unwrap_err();
    assert_eq!(
        err,
        "src/p.md:3: \"step 3\" refers to step 3, but the procedure has steps 1 to 2"
    );
}

#[test]
fn errors_from_several_chapters_are_all_reported() {
    let err = run(&[
        ("a.md", "<!-- procedure -->\n1. One.\n3. Three.\n"),
        ("b.md", "x <!-- window: 5s -->\n"),
    ])
    .unwrap_err();
    assert_eq!(err.lines().count(), 2, "{err}");
    assert!(err.starts_with("src/a.md:3: "), "{err}");
    assert!(err.contains("\nsrc/b.md:1: "), "{err}");
}

#[test]
fn without_a_procedure_step_words_stay_text() {
    let text = "Step 3 of the manual.\n";
    assert_eq!(run(&[("a.md", text)]).unwrap()[0], text);
}

/// Markdown built from pieces that exercise the parser: headings, lists (numbered too), code,
/// tables, quotes, emphasis, links, ordinary comments and "step N" phrases.
fn markdown() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        "[a-zA-Z0-9 ,.;:!?'\"()*_~-]{0,40}",
        Just("# Heading".to_owned()),
        Just("1. one\n2. two\n3. three".to_owned()),
        Just("- a\n  - b".to_owned()),
        Just("```\nstep 3 in code\n```".to_owned()),
        Just("| a | b |\n| - | - |\n| 1 | 2 |".to_owned()),
        Just("> quote".to_owned()),
        Just("**bold** and [link](x.md#y)".to_owned()),
        Just("<!-- a comment -->".to_owned()),
        Just("<div class=\"x\">html</div>".to_owned()),
        Just("see step 3 and steps 1 to 2".to_owned()),
        Just("héllo — “quotes” ✓".to_owned()),
    ];
    prop::collection::vec((piece, prop_oneof!["\n", "\n\n", " ", "\n   "]), 0..30)
        .prop_map(|parts| parts.into_iter().map(|(p, sep)| p + &sep).collect())
}

/// Chapters built from the pieces a hurried author writes, right and wrong: markers with good and
/// bad values, in and out of steps and admonitions, gaps, repeats and stray "step N" phrases.
fn chapter_with_markers() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("<!-- procedure -->".to_owned()),
        (0u32..12).prop_map(|n| format!("{n}. Step text")),
        (0u32..12).prop_map(|n| format!("   step {n} and steps {n} to {}", n + 2)),
        prop_oneof![
            Just("window: 5s"),
            Just("window: 0s"),
            Just("window: x"),
            Just("presses: 3"),
            Just("repeat-from: 1"),
            Just("repeat-from: 9"),
            Just("start: Go"),
            Just("done: Ok"),
            Just("fail: No"),
            Just("again: Next **key**"),
            Just("hold: lock, unlock"),
            Just("hold: trunk"),
            Just("press: lock"),
            Just("press: lock, lock"),
            Just("ignition: position-one"),
            Just("ignition: start"),
            Just("procdure"),
            Just("done:"),
            Just("a note")
        ]
        .prop_map(|m| format!("<!-- {m} -->")),
        Just("   ```admonish tip\n   Back to step 2. <!-- window: 5s -->\n   ```".to_owned()),
        Just("```admonish\nstep 1\n```".to_owned()),
        Just("# Heading with step 4".to_owned()),
        Just("- a bullet".to_owned()),
        Just("<!-- unterminated".to_owned()),
        Just("é ✓ “”".to_owned()),
    ];
    prop::collection::vec((piece, prop_oneof!["\n", "\n\n", " "]), 0..25)
        .prop_map(|parts| parts.into_iter().map(|(p, sep)| p + &sep).collect())
}

/// Markers that are wrong wherever they stand: a mistyped name, a missing or impossible value.
const MALFORMED: &[&str] = &[
    "<!-- window: 0s -->",
    "<!-- window: x -->",
    "<!-- hold: trunk -->",
    "<!-- press: lock, lock -->",
    "<!-- ignition: start -->",
    "<!-- procdure -->",
    "<!-- done: -->",
];

proptest! {
    /// Bad input never panics: the chapter builds, or every problem is reported as
    /// `file:line: what is wrong` (that a malformed marker is never waved through is the next
    /// property's).
    #[test]
    fn any_chapter_builds_or_fails_with_file_and_line(text in chapter_with_markers()) {
        match run(&[("a.md", &text)]) {
            Ok(_) => {}
            Err(errors) => {
                for line in errors.lines() {
                    let rest = line.strip_prefix("src/a.md:");
                    let number = rest.and_then(|r| r.split(':').next()).and_then(|n| n.parse::<usize>().ok());
                    prop_assert!(number.is_some_and(|n| n >= 1 && n <= text.lines().count().max(1)), "{}", line);
                }
            }
        }
    }

    /// A malformed marker at the end of any line of a good chapter fails it, naming that line.
    #[test]
    fn a_malformed_marker_fails_at_its_line(
        at in 0usize..PROCEDURE.lines().count(),
        bad in prop::sample::select(MALFORMED),
    ) {
        let text: String = PROCEDURE
            .lines()
            .enumerate()
            .map(|(n, line)| if n == at { format!("{line} {bad}\n") } else { format!("{line}\n") })
            .collect();
        let errors = run(&[("a.md", &text)]).expect_err("a malformed marker was waved through");
        let line = format!("src/a.md:{}:", at + 1);
        prop_assert!(errors.contains(&line), "{} not in {}", line, errors);
    }

    #[test]
    fn unmarked_markdown_is_unchanged(text in markdown()) {
        prop_assert_eq!(&run(&[("a.md", &text)]).unwrap()[0], &text);
    }

    #[test]
    fn unmarked_chapters_beside_a_procedure_change_only_by_step_links(text in markdown()) {
        let out = run(&[("procedure.md", PROCEDURE), ("a.md", &text)]).unwrap();
        let unlinked = out[1].replace("](procedure.md#step-3)", "").replace("](procedure.md#step-1)", "")
            .replace("[step", "step").replace("[steps", "steps");
        prop_assert_eq!(unlinked, text);
    }
}

#[test]
fn with_a_site_url_the_howto_step_urls_are_absolute() {
    let mut book = book(&[("p.md", "<!-- procedure -->\n1. One.\n2. Two.\n")]);
    process(
        &mut book,
        Path::new("src"),
        &settings("https://example.org/guide"),
    )
    .unwrap();
    let BookItem::Chapter(ch) = &book.sections[0] else {
        panic!("a chapter")
    };
    assert!(
        ch.content
            .contains(r#""url":"https://example.org/guide/p.html#step-2""#),
        "{}",
        ch.content
    );
}
