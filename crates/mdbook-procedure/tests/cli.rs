//! The preprocessor as mdBook runs it: the `supports` check, and the book as JSON on stdin.

use assert_cmd::Command;
use serde_json::Value;

fn preprocessor() -> Command {
    Command::cargo_bin("mdbook-procedure").expect("the binary is built")
}

#[test]
fn supports_only_the_html_renderer() {
    preprocessor().args(["supports", "html"]).assert().success();
    preprocessor()
        .args(["supports", "nonsense"])
        .assert()
        .failure();
}

#[test]
fn rewrites_the_book_mdbook_sends() {
    let out = preprocessor()
        .write_stdin(include_str!("fixtures/book.json"))
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let book: Value = serde_json::from_slice(&out).expect("a book comes back as JSON");
    let sections = book["sections"].as_array().expect("sections");
    assert_eq!(sections.len(), 3, "the separator is kept");

    let steps = sections[0]["Chapter"]["content"].as_str().unwrap();
    assert!(
        steps.contains(r#"<li id="step-2" data-step="2" data-window="5">"#),
        "{steps}"
    );
    assert!(
        steps.contains(r#"<li id="step-3" data-step="3" data-window="30">"#),
        "{steps}"
    );
    assert!(steps.contains(r#"data-repeat-from="3""#), "{steps}");
    assert!(steps.contains("back to [step 3](#step-3)"), "{steps}");
    assert!(
        steps.contains(r#"<script type="application/ld+json">"#),
        "{steps}"
    );

    let help = sections[2]["Chapter"]["content"].as_str().unwrap();
    assert_eq!(
        help,
        "# Help\n\nStart again from [step 1](procedure.md#step-1).\n"
    );
}

#[test]
fn a_bad_chapter_fails_with_file_and_line() {
    preprocessor()
        .write_stdin(include_str!("fixtures/bad-reference.json"))
        .assert()
        .failure()
        .stderr(
            "src/help.md:3: \"step 12\" refers to step 12, but the procedure has steps 1 to 4\n",
        );
}

#[test]
fn malformed_json_is_a_clear_error_not_a_panic() {
    let assert = preprocessor()
        .write_stdin("[{\"root\": ")
        .assert()
        .failure()
        .code(1);
    let stderr = String::from_utf8_lossy(&assert.get_output().stderr).into_owned();
    assert!(
        stderr.starts_with("mdbook-procedure: could not read the book from mdBook on stdin"),
        "{stderr}"
    );
    assert!(!stderr.contains("panicked"), "{stderr}");
}

#[test]
fn unknown_arguments_are_a_usage_error() {
    preprocessor()
        .arg("--frobnicate")
        .assert()
        .failure()
        .code(2);
}
