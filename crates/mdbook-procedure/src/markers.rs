//! Procedure markers: HTML comments, so a chapter still reads as plain Markdown on GitHub.
//!
//! ```markdown
//! <!-- procedure -->
//! 1. Get into the car and shut all the doors.
//! 2. ... Within **5 seconds**, turn it back. <!-- window: 5s -->
//! 6. Another key? Repeat from step 3. <!-- repeat-from: 3 -->
//! ```

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Marker {
    /// The numbered list that follows is a procedure.
    Procedure,
    /// The step must be done within this many seconds.
    Window(u32),
    /// For each further key (or item), go back to this step.
    RepeatFrom(u32),
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
        _ => Parsed::Unknown(body.to_owned()),
    }
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
        assert_eq!(
            parse("<!-- procedure -->"),
            Parsed::Marker(Marker::Procedure)
        );
        assert_eq!(
            parse("<!--window: 30s-->"),
            Parsed::Marker(Marker::Window(30))
        );
        assert_eq!(
            parse("<!-- window: 5 s -->"),
            Parsed::Marker(Marker::Window(5))
        );
        assert_eq!(
            parse("<!-- repeat-from: 3 -->"),
            Parsed::Marker(Marker::RepeatFrom(3))
        );
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
        ] {
            assert!(matches!(parse(bad), Parsed::Malformed(_)), "{bad}");
        }
    }
}
