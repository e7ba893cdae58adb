//! Bad input fails the build, naming the line: copies of the book with a mistake in the
//! procedure (a gap in the numbering, a button the key does not have) must not build, and the
//! build must print `src/procedure.md:<line>: what is wrong`.

mod book;

/// The 1-based line of the first line of `text` that `on` accepts.
fn line_of(text: &str, what: &str, on: impl Fn(&str) -> bool) -> usize {
    text.lines()
        .position(on)
        .unwrap_or_else(|| panic!("procedure.md has no {what}: update this test"))
        + 1
}

fn changed_fails_with(from: &str, to: &str, line: usize, message: &str) {
    let copy = book::changed("procedure.md", |text| text.replacen(from, to, 1));
    book::fails_with(
        copy.path(),
        &[format!("src/procedure.md:{line}: {message}")],
    );
}

#[test]
fn a_gap_in_the_numbering_fails_at_its_step() {
    let text = book::chapter("procedure.md");
    let line = line_of(&text, "step 4", |l| l.starts_with("4. "));
    changed_fails_with(
        "\n4. ",
        "\n5. ",
        line,
        "steps must be numbered 1, 2, 3… with no gap",
    );
}

#[test]
fn a_button_the_key_does_not_have_fails_at_its_marker() {
    let text = book::chapter("procedure.md");
    let line = line_of(&text, "press marker", |l| {
        l.contains("<!-- press: lock -->")
    });
    changed_fails_with(
        "<!-- press: lock -->",
        "<!-- press: lok -->",
        line,
        "`press`: unknown button `lok`: the key's buttons are unlock, lock, boot",
    );
}
