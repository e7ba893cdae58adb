use super::*;
use crate::error::line_of;
use pretty_assertions::assert_eq;

const GOOD: &str = "# Keys

<!-- procedure -->
1. Sit in the car.
2. Turn the key and, within **5 seconds**,
   take it out. <!-- window: 5s -->
3. Press both buttons. <!-- window: 30s -->
4. Next key? Repeat from step 3. <!-- repeat-from: 3 -->
";

#[test]
fn reads_steps_windows_and_the_loop() {
    let chapter = analyze(GOOD, false).unwrap();
    let [procedure] = chapter.procedures.as_slice() else {
        panic!("one procedure expected")
    };
    let summary: Vec<_> = procedure
        .steps
        .iter()
        .map(|s| (s.id(), s.window, s.repeat_from, s.text.as_str()))
        .collect();
    assert_eq!(
        summary,
        [
            ("step-1".to_owned(), None, None, "Sit in the car."),
            (
                "step-2".to_owned(),
                Some(5),
                None,
                "Turn the key and, within 5 seconds, take it out."
            ),
            ("step-3".to_owned(), Some(30), None, "Press both buttons."),
            (
                "step-4".to_owned(),
                None,
                Some(3),
                "Next key? Repeat from step 3."
            ),
        ]
    );
    assert_eq!(procedure.span.start, GOOD.find("<!--").unwrap());
    assert_eq!(procedure.steps[1].indent, 3);
}

/// The step references `text` makes: the words, and whether they become a link.
fn references(text: &str) -> Vec<(&str, bool)> {
    analyze(text, false)
        .unwrap()
        .references
        .into_iter()
        .map(|r| (&text[r.range], r.link))
        .collect()
}

#[test]
fn references_are_linked_in_text_checked_in_links_and_headings_and_code_is_literal() {
    let text = "See step 2.\n\n## Step 3\n\n`step 4` and [step 5](x.md), but steps 1 to 3.\n";
    let found = references(text);
    assert_eq!(
        found,
        [
            ("step 2", true),
            ("Step 3", false),
            ("step 5", false),
            ("steps 1 to 3", true)
        ]
    );
}

#[test]
fn references_in_an_admonition_are_found_where_they_stand_in_the_chapter() {
    let text = "<!-- procedure -->\n1. One.\n\n   ```admonish tip\n   Go back to step 9,\n     \
                or see [step 1](x) and `step 2`.\n   ```\n2. Two.\n";
    let found = references(text);
    assert_eq!(found, [("step 9", true), ("step 1", false)]);
}

#[test]
fn a_marker_in_an_admonition_is_an_error() {
    let text =
        "<!-- procedure -->\n1. One.\n\n   ```admonish\n   Wait. <!-- window: 5s -->\n   ```\n";
    let (line, message) = problem(text);
    assert_eq!(line, 5);
    assert!(
        message.contains("is inside an admonition, where it is never read"),
        "{message}"
    );
}

#[test]
fn a_mistyped_marker_is_an_error_anywhere() {
    let (line, message) = problem("Intro.\n\n<!-- procdure -->\n1. One.\n");
    assert_eq!(line, 3);
    assert_eq!(
        message,
        "unknown marker `procdure`: did you mean `procedure`?"
    );
}

#[test]
fn an_ordinary_numbered_list_is_not_a_procedure() {
    let chapter = analyze("1. one\n2. two\n\n<!-- a note -->\n", false).unwrap();
    assert!(chapter.procedures.is_empty());
}

/// Asserts that `text` has one problem, on `line`, whose message starts with `start`.
fn assert_problem_starts(text: &str, line: usize, start: &str) {
    let (at, message) = problem(text);
    assert_eq!(at, line, "{message}");
    assert!(message.starts_with(start), "{message}");
}

/// Analyzes `text` and returns its one problem as (line, message).
fn problem(text: &str) -> (usize, String) {
    let problems = analyze(text, false).expect_err("should be rejected");
    assert_eq!(problems.len(), 1, "{problems:?}");
    (
        line_of(text, problems[0].offset),
        problems[0].message.clone(),
    )
}

#[test]
fn unknown_marker() {
    let text = "<!-- procedure -->\n1. One.\n2. Two. <!-- windw: 5s -->\n";
    assert_problem_starts(text, 3, "unknown marker `windw: 5s`");
}

#[test]
fn duplicate_step_id() {
    let text = "<!-- procedure -->\n1. One.\n2. Two.\n2. Two again.\n";
    assert_eq!(
        problem(text),
        (
            4,
            "duplicate step id `step-2`: already used on line 3".to_owned()
        )
    );
}

#[test]
fn duplicate_step_id_across_two_procedures() {
    let text = "<!-- procedure -->\n1. One.\n\n<!-- procedure -->\n1. Again.\n";
    assert_eq!(
        problem(text),
        (
            5,
            "duplicate step id `step-1`: already used on line 2".to_owned()
        )
    );
}

#[test]
fn gap_in_the_numbering() {
    let text = "<!-- procedure -->\n1. One.\n2. Two.\n4. Four.\n";
    assert_eq!(
        problem(text),
        (
            4,
            "steps must be numbered 1, 2, 3… with no gap: expected 3, found 4".to_owned()
        )
    );
}

#[test]
fn numbering_must_start_at_one() {
    let text = "<!-- procedure -->\n2. Two.\n";
    let (line, message) = problem(text);
    assert_eq!(line, 2);
    assert!(message.contains("expected 1, found 2"), "{message}");
}

#[test]
fn missing_duration() {
    let text = "<!-- procedure -->\n1. One.\n2. Two. <!-- window: -->\n";
    assert_eq!(
        problem(text),
        (
            3,
            "missing duration: write e.g. `<!-- window: 30s -->`".to_owned()
        )
    );
}

#[test]
fn malformed_duration() {
    let text = "<!-- procedure -->\n1. One. <!-- window: 30 -->\n";
    assert_eq!(
        problem(text),
        (
            2,
            "malformed duration `30`: write whole seconds with an `s`, e.g. `30s`".to_owned()
        )
    );
}

#[test]
fn guided_mode_labels_and_presses() {
    let text =
        "<!-- procedure -->\n1. Press three times. <!-- presses: 3 --> <!-- window: 9s -->\n   \
                <!-- start: Go --> <!-- done: Pressed -->\n";
    let step = &analyze(text, false).unwrap().procedures[0].steps[0];
    assert_eq!(
        (
            step.presses,
            step.start_label.as_deref(),
            step.done_label.as_deref()
        ),
        (Some(3), Some("Go"), Some("Pressed"))
    );
    assert_eq!(step.text, "Press three times.");
}

#[test]
fn a_check_step_and_words_for_a_further_key() {
    let text = "<!-- procedure -->\n1. Hold both. <!-- again: Take the next key. -->\n\
                2. Did it lock? <!-- done: Yes --> <!-- fail: No -->\n\
                3. Next key? <!-- repeat-from: 1 -->\n";
    let steps = &analyze(text, false).unwrap().procedures[0].steps;
    assert_eq!(steps[0].again.as_deref(), Some("Take the next key."));
    assert_eq!(
        (
            steps[1].done_label.as_deref(),
            steps[1].fail_labels.as_slice()
        ),
        (Some("Yes"), ["No".to_owned()].as_slice())
    );
}

#[test]
fn again_on_a_step_that_is_not_repeated() {
    let text = "<!-- procedure -->\n1. One.\n2. Two. <!-- again: Next key. -->\n\
                3. Next? <!-- repeat-from: 1 -->\n";
    assert_eq!(
        problem(text),
        (
            3,
            "`again` gives a step's words for a further key, but no `repeat-from` goes back to step 2"
                .to_owned()
        )
    );
}

#[test]
fn a_fail_button_without_a_done_button() {
    let text = "<!-- procedure -->\n1. One.\n2. Did it lock? <!-- fail: No -->\n";
    assert_problem_starts(
        text,
        3,
        "a step with a `fail` button needs a `done` button too",
    );
}

#[test]
fn a_marker_given_twice_on_one_step() {
    for (markers, name) in [
        ("<!-- done: A --> <!-- done: B -->", "done"),
        ("<!-- window: 5s --> <!-- window: 6s -->", "window"),
        ("<!-- hold: lock --> <!-- hold: unlock -->", "hold"),
    ] {
        let text = format!("<!-- procedure -->\n1. One. {markers}\n");
        assert_eq!(
            problem(&text),
            (2, format!("this step has two `{name}` markers"))
        );
    }
}

#[test]
fn repeat_from_a_later_step() {
    let text = "<!-- procedure -->\n1. One. <!-- repeat-from: 2 -->\n2. Two.\n";
    assert_eq!(
        problem(text),
        (
            2,
            "`repeat-from: 2` must name an earlier step (this is step 1)".to_owned()
        )
    );
}

#[test]
fn marker_without_a_list() {
    let text = "Intro.\n\n<!-- procedure -->\n\nJust a paragraph.\n";
    assert_eq!(
        problem(text),
        (
            3,
            "`<!-- procedure -->` must be followed by a numbered list (1. 2. 3.)".to_owned()
        )
    );
}

#[test]
fn marker_followed_by_a_bullet_list() {
    let text = "<!-- procedure -->\n- one\n";
    assert_eq!(problem(text).0, 1);
}

#[test]
fn marker_at_the_end_of_the_chapter() {
    assert_eq!(problem("Text.\n\n<!-- procedure -->\n").0, 3);
}

#[test]
fn step_marker_outside_a_procedure() {
    let text = "Some text. <!-- window: 5s -->\n";
    assert_eq!(
        problem(text),
        (
            1,
            "`<!-- window: 5s -->` is only allowed inside a procedure step".to_owned()
        )
    );
}

#[test]
fn every_problem_is_reported() {
    let text = "<!-- procedure -->\n1. One. <!-- window: x -->\n3. Three. <!-- nope -->\n";
    let lines: Vec<_> = analyze(text, false)
        .unwrap_err()
        .iter()
        .map(|p| line_of(text, p.offset))
        .collect();
    assert_eq!(lines, [2, 3, 3]);
}

#[test]
fn a_start_label_without_a_window() {
    let text = "<!-- procedure -->\n1. One. <!-- start: Go -->\n";
    assert_eq!(problem(text).0, 2);
    assert!(problem(text).1.contains("this step has no `window`"));
}

#[test]
fn two_loops_in_one_procedure() {
    let text = "<!-- procedure -->\n1. One.\n2. Again? <!-- repeat-from: 1 -->\n\
                3. Again? <!-- repeat-from: 1 -->\n";
    assert_eq!(
        problem(text),
        (
            4,
            "a procedure has one `repeat-from` loop; this is a second one".to_owned()
        )
    );
}

#[test]
fn a_translation_counts_the_steps_mdbook_gettext_numbers_all_one() {
    let text = "<!-- procedure -->\n1. one\n\n1. two <!-- window: 5s -->\n\n1. three\n";
    let steps = &analyze_translation(text, false).unwrap().procedures[0].steps;
    let numbers: Vec<u32> = steps.iter().map(|s| s.number).collect();
    assert_eq!(numbers, [1, 2, 3]);
    assert!(
        analyze(text, false).is_err(),
        "English is checked as written"
    );
}

#[test]
fn several_fail_answers_in_order_each_different() {
    let text = "<!-- procedure -->\n1. Did it lock? <!-- done: Yes --> <!-- fail: Nothing -->\n   \
                <!-- fail: Only locked -->\n   <!-- fail: Something\n   else -->\n\
                2. Press. <!-- window: 5s --> <!-- brief: Press it --> <!-- hint: Be ready -->\n";
    let steps = &analyze(text, false).unwrap().procedures[0].steps;
    assert_eq!(
        steps[0].fail_labels,
        ["Nothing", "Only locked", "Something else"]
    );
    assert_eq!(
        (steps[1].brief.as_deref(), steps[1].hint.as_deref()),
        (Some("Press it"), Some("Be ready"))
    );
    let twice =
        "<!-- procedure -->\n1. Did it? <!-- done: Yes --> <!-- fail: No --> <!-- fail: No -->\n";
    assert_eq!(
        problem(twice),
        (2, "this step has two `fail` markers".to_owned())
    );
}

#[test]
fn card_lines_are_one_per_step_or_none() {
    let text = "<!-- procedure -->\n1. Shut. <!-- card: Shut\n   the doors -->\n2. Press. <!-- card: Press -->\n";
    let steps = analyze(text, false).unwrap().procedures.remove(0).steps;
    assert_eq!(steps[0].card.as_deref(), Some("Shut the doors"));
    let (line, message) = problem("<!-- procedure -->\n1. Shut. <!-- card: Shut -->\n2. Press.\n");
    assert!(line == 3 && message.starts_with("step 2 has no `card` line, and other"));
    assert!(analyze("<!-- procedure -->\n1. One.\n2. Two.\n", false).is_ok());
}
