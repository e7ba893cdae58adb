//! The rules a procedure must keep, as the reader finishes it: each one a problem at the line
//! that breaks it. A newcomer adding a rule adds it here.

use super::model::Procedure;
use crate::error::Problem;

/// What is wrong with step `number` where step `expected` comes next; `earlier` is the line
/// where the same number was used already, if it was.
pub(super) fn step_number(number: u32, expected: u32, earlier: Option<usize>) -> Option<String> {
    if let Some(line) = earlier {
        Some(format!(
            "duplicate step id `{}`: already used on line {line}",
            super::step_id(number)
        ))
    } else if number != expected {
        Some(format!(
            "steps must be numbered 1, 2, 3… with no gap: expected {expected}, found {number}"
        ))
    } else {
        None
    }
}

/// The problems of a procedure just read, whose steps' words are folded here too.
pub fn procedure(procedure: &mut Procedure) -> Vec<Problem> {
    let mut problems = Vec::new();
    let count = procedure.steps.len() as u32;
    let repeated: Vec<u32> = procedure
        .steps
        .iter()
        .filter_map(|s| s.repeat_from)
        .collect();
    for step in &procedure.steps {
        let at = step.markers.first().map_or(step.item.start, |m| m.start);
        if step.again.is_some() && !repeated.contains(&step.number) {
            problems.push(Problem::new(
                at,
                format!(
                    "`again` gives a step's words for a further key, but no `repeat-from` \
                     goes back to step {}",
                    step.number
                ),
            ));
        }
        if let Some(both) = step.hold.iter().find(|b| step.press.contains(b)) {
            problems.push(Problem::new(
                at,
                format!("`{both}` cannot be both held and pressed in one step"),
            ));
        }
        if step.start_label.is_some() && step.window.is_none() {
            problems.push(Problem::new(
                at,
                "`start` labels the tap that starts the step's window, but this step has no \
                 `window`",
            ));
        }
        if !step.fail_labels.is_empty() && step.done_label.is_none() {
            problems.push(Problem::new(
                at,
                "a step with a `fail` button needs a `done` button too, \
                 e.g. `<!-- done: The doors locked, then unlocked -->`",
            ));
        }
    }
    // The printed card lists every step: a step without its line would be missing from it.
    if procedure.steps.iter().any(|s| s.card.is_some()) {
        for step in procedure.steps.iter().filter(|s| s.card.is_none()) {
            problems.push(Problem::new(
                step.item.start,
                format!(
                    "step {} has no `card` line, and other steps do: the printed card needs one                      per step, e.g. `<!-- card: Shut all the doors -->`",
                    step.number
                ),
            ));
        }
    }
    // Guided mode follows one loop for further keys.
    if let Some(second) = procedure
        .steps
        .iter()
        .filter(|s| s.repeat_from.is_some())
        .nth(1)
    {
        let at = second
            .markers
            .first()
            .map_or(second.item.start, |m| m.start);
        problems.push(Problem::new(
            at,
            "a procedure has one `repeat-from` loop; this is a second one",
        ));
    }
    for step in &mut procedure.steps {
        step.text = step.text.split_whitespace().collect::<Vec<_>>().join(" ");
        if let Some(target) = step.repeat_from {
            if target >= step.number || target > count {
                let at = step.markers.first().map_or(step.item.start, |m| m.start);
                problems.push(Problem::new(
                    at,
                    format!(
                        "`repeat-from: {target}` must name an earlier step (this is step {})",
                        step.number
                    ),
                ));
            }
        }
    }
    problems
}

/// Sets a step's field from its marker; returns the marker's name if it was already set.
pub(super) fn set<T>(field: &mut Option<T>, value: T, name: &'static str) -> Option<&'static str> {
    field.replace(value).map(|_| name)
}

/// A `fail` answer: a step may have several, each different (two alike could not be told apart).
pub(super) fn add_answer(answers: &mut Vec<String>, label: String) -> Option<&'static str> {
    let repeated = answers.contains(&label);
    answers.push(label);
    repeated.then_some("fail")
}

/// The same for a marker that names buttons.
pub(super) fn set_list(
    field: &mut Vec<String>,
    value: Vec<String>,
    name: &'static str,
) -> Option<&'static str> {
    let repeated = !field.is_empty();
    *field = value;
    repeated.then_some(name)
}
