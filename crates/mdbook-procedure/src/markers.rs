//! Procedure markers: HTML comments, so a chapter still reads as plain Markdown on GitHub.
//!
//! ```markdown
//! <!-- procedure -->
//! 1. Get into the car and shut all the doors.
//! 2. ... Within **5 seconds**, turn it back. <!-- window: 5s -->
//! 4. Press lock three times within **10 seconds**. <!-- window: 10s --> <!-- presses: 3 -->
//! 6. Another key? Repeat from step 3. <!-- repeat-from: 3 -->
//! ```
//!
//! Guided mode also needs the words on its buttons, which are content too:
//! `<!-- start: Ignition is at position one -->` labels the tap that starts the step's window
//! (without it, the window starts as the step begins), `<!-- done: The key is out -->` the tap that
//! completes the step, and `<!-- fail: Nothing happened -->` a tap that says it did not work (a
//! failed try: guided mode starts a new session). A step may have several `fail` answers, one for
//! each outcome a reader can tell apart; the last of several is "something else", which leads to
//! the troubleshooting questions rather than straight to a new try. `<!-- again: Take the next
//! key. -->` holds a step's words (Markdown) for each further key, where the first key's words
//! would not be true. `<!-- brief: Hold unlock · press lock 3 times -->` is the step in one line,
//! which guided mode shows under the countdown where the whole step does not fit the screen, and
//! `<!-- hint: Have the key in the ignition before you tap -->` what helps after a missed window.
//! `<!-- card: Shut all the doors -->` is the step in one short line for the printed glovebox card
//! (`card.html`, which the post-build makes from it and then takes off the procedure page): every
//! step of a procedure has one, or none does.
//!
//! What the hands do, drawn as the step's figure (`figures`): `<!-- hold: lock, unlock -->`,
//! `<!-- press: lock -->` (as many times as `presses` says), `<!-- ignition: position-one -->`.
//! The names come from the tables in `figures`; any other fails the build.

use crate::figures::{BUTTONS, IGNITION};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Marker {
    /// The numbered list that follows is a procedure.
    Procedure,
    /// The step must be done within this many seconds.
    Window(u32),
    /// For each further key (or item), go back to this step.
    RepeatFrom(u32),
    /// The step is this many presses of a button, which guided mode counts along.
    Presses(u32),
    /// The label of the tap that starts the step's window.
    Start(String),
    /// The label of the tap that completes the step.
    Done(String),
    /// The label of a tap that says the step did not work (one per outcome).
    Fail(String),
    /// The step in one short line, for a screen too small for all its words.
    Brief(String),
    /// What helps the reader hit the step's window, shown after it was missed.
    Hint(String),
    /// The step in one short line, for the printed card.
    Card(String),
    /// The step's words (Markdown) when it is repeated for a further key.
    Again(String),
    /// Buttons of the key held down during the step.
    Hold(Vec<String>),
    /// Buttons pressed and let go during the step.
    Press(Vec<String>),
    /// Where the step turns the ignition.
    Ignition(String),
}

/// What an HTML snippet says as a marker.
#[derive(Debug, PartialEq, Eq)]
pub enum Parsed {
    /// Not a comment at all (other inline HTML).
    NotAComment,
    /// A comment that names no marker (`<!-- a note -->`): fine outside steps.
    Unknown(String),
    Marker(Marker),
    /// A marker with a missing or malformed value.
    Malformed(String),
}

pub fn parse(html: &str) -> Parsed {
    let Some(body) = html
        .trim()
        .strip_prefix("<!--")
        .and_then(|s| s.strip_suffix("-->"))
    else {
        return Parsed::NotAComment;
    };
    let body = body.trim();
    let (key, value) = match body.split_once(':') {
        Some((k, v)) => (k.trim(), Some(v.trim())),
        None => (body, None),
    };
    match (key, value) {
        ("procedure", None) => Parsed::Marker(Marker::Procedure),
        ("procedure", Some(_)) => Parsed::Malformed(
            "the `procedure` marker takes no value: write `<!-- procedure -->`".into(),
        ),
        ("window", value) => match parse_seconds(value.unwrap_or("")) {
            Ok(s) => Parsed::Marker(Marker::Window(s)),
            Err(e) => Parsed::Malformed(e),
        },
        ("repeat-from", value) => match value.and_then(|v| v.parse::<u32>().ok()) {
            Some(step) if step > 0 => Parsed::Marker(Marker::RepeatFrom(step)),
            _ => Parsed::Malformed(format!(
                "`repeat-from` needs a step number, e.g. `<!-- repeat-from: 3 -->`; found `{body}`"
            )),
        },
        ("presses", value) => match value.and_then(|v| v.parse::<u32>().ok()) {
            Some(n) if n > 0 => Parsed::Marker(Marker::Presses(n)),
            _ => Parsed::Malformed(format!(
                "`presses` needs a count, e.g. `<!-- presses: 3 -->`; found `{body}`"
            )),
        },
        ("start" | "done" | "fail", Some(label)) if !label.is_empty() => {
            Parsed::Marker(match key {
                "start" => Marker::Start(one_line(label)),
                "done" => Marker::Done(one_line(label)),
                _ => Marker::Fail(one_line(label)),
            })
        }
        ("start" | "done" | "fail", _) => Parsed::Malformed(format!(
            "`{key}` needs the button's words, e.g. `<!-- {key}: The key is out -->`"
        )),
        ("brief", Some(line)) if !line.is_empty() => Parsed::Marker(Marker::Brief(one_line(line))),
        ("hint", Some(line)) if !line.is_empty() => Parsed::Marker(Marker::Hint(one_line(line))),
        ("card", Some(line)) if !line.is_empty() => Parsed::Marker(Marker::Card(one_line(line))),
        ("brief" | "hint" | "card", _) => Parsed::Malformed(format!(
            "`{key}` needs its words, e.g. `<!-- {key}: Hold lock + unlock together -->`"
        )),
        ("again", Some(words)) if !words.is_empty() => {
            Parsed::Marker(Marker::Again(words.to_owned()))
        }
        ("hold" | "press", value) => match buttons(value.unwrap_or("")) {
            Ok(names) if key == "hold" => Parsed::Marker(Marker::Hold(names)),
            Ok(names) => Parsed::Marker(Marker::Press(names)),
            Err(e) => Parsed::Malformed(format!("`{key}`: {e}")),
        },
        ("ignition", Some(position)) if IGNITION.contains(&position) => {
            Parsed::Marker(Marker::Ignition(position.to_owned()))
        }
        ("ignition", value) => Parsed::Malformed(format!(
            "`ignition` takes a position, one of {}; found `{}`",
            IGNITION.join(", "),
            value.unwrap_or_default()
        )),
        ("again", _) => Parsed::Malformed(
            "`again` needs the step's words for a further key, e.g. `<!-- again: Take the next key. -->`"
                .into(),
        ),
        _ => Parsed::Unknown(body.to_owned()),
    }
}

/// The markers whose values are words a reader sees, and the attribute of its step each becomes
/// (`None`: a chapter's, not a step's). The one list: the catalogues take these words
/// (`translate`), the renderer writes these attributes (`render`), and the checks, guided mode's
/// tests and the French typography read them back.
pub const WORD_MARKERS: [(&str, Option<&str>); 9] = [
    ("keywords", None),
    ("description", None),
    ("card", Some("data-card")),
    ("start", Some("data-start-label")),
    ("done", Some("data-done-label")),
    ("fail", Some("data-fail-labels")),
    ("brief", Some("data-brief")),
    ("hint", Some("data-hint")),
    ("again", Some("data-again")),
];

/// The markers whose values are the procedure's data, the same in every language.
const DATA_MARKERS: [&str; 7] = [
    "procedure",
    "window",
    "repeat-from",
    "presses",
    "hold",
    "press",
    "ignition",
];

/// The markers a step may hold, as the "unknown marker" message names them: the data markers
/// but `procedure`, and the words markers that become an attribute of their step.
pub fn step_markers() -> Vec<&'static str> {
    let words = WORD_MARKERS
        .iter()
        .filter(|(_, attribute)| attribute.is_some())
        .map(|(name, _)| *name);
    DATA_MARKERS
        .into_iter()
        .filter(|name| *name != "procedure")
        .chain(words)
        .collect()
}

/// The attribute a step's words marker becomes (`data-start-label` for `start`).
pub fn attribute(marker: &str) -> &'static str {
    WORD_MARKERS
        .iter()
        .find_map(|(name, attribute)| (*name == marker).then_some(*attribute).flatten())
        .unwrap_or_else(|| panic!("`{marker}` is not a step's words marker"))
}

/// The marker a comment most likely meant, when its name is a marker's name mistyped
/// (`procdure`, `windw: 5s`): otherwise it would pass as an ordinary comment and do nothing.
pub fn near_miss(body: &str) -> Option<&'static str> {
    let name = body.split_once(':').map_or(body, |(name, _)| name).trim();
    if name.is_empty() || !name.chars().all(|c| c.is_ascii_alphabetic() || c == '-') {
        return None;
    }
    let name = name.to_ascii_lowercase();
    // One slip in a short name, two in a long one: "note" is not "done".
    let names = WORD_MARKERS.iter().map(|(name, _)| *name);
    DATA_MARKERS.into_iter().chain(names).find(|known| {
        let allowed = if known.len() > 5 { 2 } else { 1 };
        *known != name && strsim::levenshtein(known, &name) <= allowed
    })
}

/// A button's or a line's words as the reader sees them: a comment may wrap, a label may not.
fn one_line(words: &str) -> String {
    // ASCII only: a translation's no-break spaces keep French punctuation with its word.
    words.split_ascii_whitespace().collect::<Vec<_>>().join(" ")
}

/// `lock, unlock` → ["lock", "unlock"]: names from the table of the key's buttons, each once.
fn buttons(value: &str) -> Result<Vec<String>, String> {
    let names: Vec<String> = value.split(',').map(|n| n.trim().to_owned()).collect();
    if let Some(bad) = names.iter().find(|n| !BUTTONS.contains(&n.as_str())) {
        return Err(format!(
            "unknown button `{bad}`: the key's buttons are {}",
            BUTTONS.join(", ")
        ));
    }
    if let Some(twice) = names
        .iter()
        .enumerate()
        .find(|(i, n)| names[..*i].contains(n))
    {
        return Err(format!("`{}` is named twice", twice.1));
    }
    Ok(names)
}

/// `5s` → 5. The unit is required, so that a bare number is never a guess.
fn parse_seconds(value: &str) -> Result<u32, String> {
    if value.is_empty() {
        return Err("missing duration: write e.g. `<!-- window: 30s -->`".into());
    }
    match value.strip_suffix('s').map(|n| n.trim().parse::<u32>()) {
        Some(Ok(s)) if s > 0 => Ok(s),
        _ => Err(format!(
            "malformed duration `{value}`: write whole seconds with an `s`, e.g. `30s`"
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markers() {
        for (comment, marker) in [
            ("<!-- procedure -->", Marker::Procedure),
            ("<!--window: 30s-->", Marker::Window(30)),
            ("<!-- window: 5 s -->", Marker::Window(5)),
            ("<!-- repeat-from: 3 -->", Marker::RepeatFrom(3)),
            ("<!-- presses: 3 -->", Marker::Presses(3)),
            (
                "<!-- start: Ignition: on -->",
                Marker::Start("Ignition: on".into()),
            ),
            (
                "<!-- done: I've taken the key out -->",
                Marker::Done("I've taken the key out".into()),
            ),
            (
                "<!-- fail: Nothing happened -->",
                Marker::Fail("Nothing happened".into()),
            ),
            (
                "<!-- again: Take the **next** key. -->",
                Marker::Again("Take the **next** key.".into()),
            ),
            (
                "<!-- brief: Hold lock + unlock -->",
                Marker::Brief("Hold lock + unlock".into()),
            ),
            (
                "<!-- hint: Have the key\n   ready -->",
                Marker::Hint("Have the key ready".into()),
            ),
            (
                "<!-- hold: lock, unlock -->",
                Marker::Hold(vec!["lock".into(), "unlock".into()]),
            ),
            ("<!-- press: lock -->", Marker::Press(vec!["lock".into()])),
            (
                "<!-- ignition: position-one -->",
                Marker::Ignition("position-one".into()),
            ),
        ] {
            assert_eq!(parse(comment), Parsed::Marker(marker), "{comment}");
        }
    }

    #[test]
    fn an_unknown_button_is_named_with_the_ones_there_are() {
        assert_eq!(
            parse("<!-- hold: lock, trunk -->"),
            Parsed::Malformed(
                "`hold`: unknown button `trunk`: the key's buttons are unlock, lock, boot".into()
            )
        );
    }

    #[test]
    fn mistyped_marker_names_are_caught_and_notes_are_not() {
        assert_eq!(near_miss("procdure"), Some("procedure"));
        assert_eq!(near_miss("windw: 5s"), Some("window"));
        assert_eq!(near_miss("Keyword: fob"), Some("keywords"));
        assert_eq!(near_miss("hodl: lock"), None, "two slips in a short name");
        assert_eq!(near_miss("note: reword"), None);
        assert_eq!(near_miss("todo: check the 2008 cars"), None);
        assert_eq!(near_miss("a sentence, not a marker"), None);
    }

    #[test]
    fn every_step_marker_the_message_names_is_one() {
        for name in step_markers() {
            let parsed = parse(&format!("<!-- {name}: 3 -->"));
            assert!(!matches!(parsed, Parsed::Unknown(_)), "{name}: {parsed:?}");
        }
        assert!(step_markers().contains(&"card"));
        assert!(!step_markers().contains(&"procedure"));
        assert!(!step_markers().contains(&"keywords"));
    }

    #[test]
    fn other_html_and_comments() {
        assert_eq!(parse("<br>"), Parsed::NotAComment);
        assert_eq!(
            parse("<!-- todo: reword -->"),
            Parsed::Unknown("todo: reword".into())
        );
    }

    #[test]
    fn bad_values() {
        for bad in [
            "<!-- window -->",
            "<!-- window: -->",
            "<!-- window: 30 -->",
            "<!-- window: 0s -->",
            "<!-- window: soons -->",
            "<!-- repeat-from: three -->",
            "<!-- procedure: keys -->",
            "<!-- presses: 0 -->",
            "<!-- presses -->",
            "<!-- done: -->",
            "<!-- start -->",
            "<!-- fail: -->",
            "<!-- again -->",
            "<!-- brief -->",
            "<!-- brief: -->",
            "<!-- hint -->",
            "<!-- hold: -->",
            "<!-- hold: lock, trunk -->",
            "<!-- press: lock, lock -->",
            "<!-- ignition: start -->",
            "<!-- ignition -->",
        ] {
            assert!(matches!(parse(bad), Parsed::Malformed(_)), "{bad}");
        }
    }
}
