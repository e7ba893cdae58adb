//! Step figures: what the hands do in a step, drawn from the guide's own drawings.
//!
//! ```markdown
//! 4. Keep unlock held; press lock three times. <!-- hold: unlock --> <!-- press: lock -->
//!    <!-- presses: 3 -->
//! ```
//! puts, before the step's words,
//! ```html
//! <svg class="step-figure key-figure hold-unlock" viewBox="16 8 206 464" role="img"
//!      aria-label="The key: keep unlock pressed, and press lock 3 times.">
//! <use href="#key" width="380" height="480"/>
//! <circle class="mark-held" data-button="unlock" cx="106" cy="215" r="42"/>
//! <circle class="mark-pressed" data-button="lock" cx="106" cy="305" r="42"/>
//! <text class="mark-count" x="200" y="263">×3</text><circle class="pip" cx="200" cy="283" r="8"/>…
//! </svg>
//! ```
//! The drawing itself is not copied per step: it is the `<symbol id="key">` of one file
//! (`key-drawing` in book.toml), put into the page once ([`Drawings::defs`]), and every figure is
//! a `<use>` of it. The marks sit on the buttons' circles, read from the drawing by their ids
//! (`key-unlock`, `key-lock`, `key-boot`), so a redrawn key moves its marks with it. The ignition
//! steps draw `<symbol id="ignition">` (`ignition-drawing`) the same way. Colours are site.css's.

use std::fmt::Write as _;
use std::path::Path;

/// The key's buttons, as markers and the drawing (`key-<name>`) name them.
pub const BUTTONS: [&str; 3] = ["unlock", "lock", "boot"];
/// Where an ignition step turns the key.
pub const IGNITION: [&str; 1] = ["position-one"];

/// Room around the key symbol for the marks: the pips and the count stand right of the key.
const KEY_VIEW_BOX: &str = "16 8 206 464";
/// How far a mark's ring stands outside its button, and where the pips go.
const RING_GAP: f64 = 10.0;
const PIPS_X: f64 = 200.0;
const PIP_STEP: f64 = 22.0;

#[derive(Debug, Clone, PartialEq)]
pub struct Button {
    pub cx: f64,
    pub cy: f64,
    pub r: f64,
}

/// One drawing: its symbol, ready to put into a page, and (for the key) where its buttons are.
#[derive(Debug, Clone, PartialEq)]
pub struct Drawing {
    id: &'static str,
    symbol: String,
    width: f64,
    height: f64,
    buttons: Vec<(String, Button)>,
}

impl Drawing {
    /// Reads `<symbol id="{id}">` from an SVG file's text, with the circles `{id}-<button>` for
    /// every name in `buttons`.
    pub fn parse(svg: &str, id: &'static str, buttons: &[&str]) -> Result<Drawing, String> {
        let doc = roxmltree::Document::parse(svg).map_err(|e| format!("not valid SVG: {e}"))?;
        let symbol = doc
            .descendants()
            .find(|n| n.has_tag_name("symbol") && n.attribute("id") == Some(id))
            .ok_or_else(|| format!("no `<symbol id=\"{id}\">`"))?;
        let view_box: Vec<f64> = symbol
            .attribute("viewBox")
            .unwrap_or_default()
            .split_whitespace()
            .filter_map(|n| n.parse().ok())
            .collect();
        let [_, _, width, height] = view_box[..] else {
            return Err(format!("`<symbol id=\"{id}\">` needs a viewBox"));
        };
        let mut found = Vec::new();
        for name in buttons {
            let circle_id = format!("{id}-{name}");
            let circle = symbol
                .descendants()
                .find(|n| n.has_tag_name("circle") && n.attribute("id") == Some(&circle_id))
                .ok_or_else(|| format!("no `<circle id=\"{circle_id}\">` for the {name} button"))?;
            let number = |attr: &str| -> Result<f64, String> {
                circle
                    .attribute(attr)
                    .and_then(|v| v.parse().ok())
                    .ok_or_else(|| format!("`{circle_id}` has no number for `{attr}`"))
            };
            let button = Button {
                cx: number("cx")?,
                cy: number("cy")?,
                r: number("r")?,
            };
            found.push((name.to_string(), button));
        }
        Ok(Drawing {
            id,
            symbol: compact(&svg[symbol.range()]),
            width,
            height,
            buttons: found,
        })
    }

    pub fn button(&self, name: &str) -> Option<&Button> {
        self.buttons.iter().find(|(n, _)| n == name).map(|(_, b)| b)
    }

    fn use_element(&self) -> String {
        format!(
            "<use href=\"#{}\" width=\"{}\" height=\"{}\"/>",
            self.id, self.width, self.height
        )
    }
}

/// The drawings a book's figures are made from; either may be missing if no step needs it.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Drawings {
    pub key: Option<Drawing>,
    pub ignition: Option<Drawing>,
}

impl Drawings {
    /// Reads the files named in book.toml (paths in the book's `src/`).
    pub fn load(
        src_dir: &Path,
        key: Option<&str>,
        ignition: Option<&str>,
    ) -> Result<Drawings, String> {
        let read = |file: &str, id: &'static str, buttons: &[&str]| {
            let path = src_dir.join(file);
            let text =
                std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
            Drawing::parse(&text, id, buttons).map_err(|e| format!("{}: {e}", path.display()))
        };
        Ok(Drawings {
            key: key.map(|f| read(f, "key", &BUTTONS)).transpose()?,
            ignition: ignition.map(|f| read(f, "ignition", &[])).transpose()?,
        })
    }

    /// The symbols, once per page, for the figures' `<use>` to point at. Hidden from every reader:
    /// each figure carries its own words.
    pub fn defs(&self) -> String {
        let symbols: String = [&self.key, &self.ignition]
            .into_iter()
            .flatten()
            .map(|d| d.symbol.as_str())
            .collect();
        format!("<svg class=\"figure-defs\" aria-hidden=\"true\"><defs>{symbols}</defs></svg>\n")
    }
}

/// What a step's hands do, as its markers say it.
#[derive(Debug, Clone, Copy)]
pub struct Action<'a> {
    pub hold: &'a [String],
    pub press: &'a [String],
    pub presses: u32,
    pub ignition: Option<&'a str>,
}

impl Action<'_> {
    /// Nothing to draw: the step's hands neither hold nor press, nor turn the ignition.
    pub fn is_empty(&self) -> bool {
        self.hold.is_empty() && self.press.is_empty() && self.ignition.is_none()
    }
}

/// The step's figures (the key, the ignition, or both), or an error naming the missing drawing.
pub fn figures(action: Action, drawings: &Drawings) -> Result<String, String> {
    let mut html = String::new();
    if let Some(position) = action.ignition {
        let drawing = drawings.ignition.as_ref().ok_or(
            "`ignition` draws the ignition, but book.toml names no drawing for it: add \
             `ignition-drawing = \"images/….svg\"` under [preprocessor.procedure]",
        )?;
        let _ = write!(
            html,
            "<svg class=\"step-figure ignition-figure\" viewBox=\"0 0 {} {}\" role=\"img\" \
             data-ignition=\"{position}\" data-i18n=\"aria-label\" aria-label=\"The ignition: turn the key from 0 (off) \
             to 1, position one.\">{}</svg>",
            drawing.width,
            drawing.height,
            drawing.use_element()
        );
    }
    if !action.hold.is_empty() || !action.press.is_empty() {
        let key = drawings.key.as_ref().ok_or(
            "`hold` and `press` draw the key, but book.toml names no drawing for it: add \
             `key-drawing = \"images/….svg\"` under [preprocessor.procedure]",
        )?;
        html.push_str(&key_figure(action, key));
    }
    Ok(html)
}

fn key_figure(action: Action, key: &Drawing) -> String {
    let classes: String = action.hold.iter().map(|b| format!(" hold-{b}")).collect();
    let mut svg = format!(
        "<svg class=\"step-figure key-figure{classes}\" viewBox=\"{KEY_VIEW_BOX}\" role=\"img\" \
         data-i18n=\"aria-label\" aria-label=\"{}\">{}",
        words(action),
        key.use_element()
    );
    for (kind, buttons) in [("held", action.hold), ("pressed", action.press)] {
        for name in buttons {
            let b = key
                .button(name)
                .expect("the drawing has every button of the table");
            let _ = write!(
                svg,
                "<circle class=\"mark-{kind}\" data-button=\"{name}\" cx=\"{}\" cy=\"{}\" r=\"{}\"/>",
                b.cx,
                b.cy,
                b.r + RING_GAP
            );
        }
    }
    // One pip per press, beside the (first) pressed button: guided mode lights them as the
    // reader taps along.
    if let Some(b) = action.press.first().and_then(|name| key.button(name)) {
        let n = f64::from(action.presses);
        let top = b.cy - (n - 1.0) / 2.0 * PIP_STEP;
        if action.presses > 1 {
            let _ = write!(
                svg,
                "<text class=\"mark-count\" x=\"{PIPS_X}\" y=\"{}\">×{}</text>",
                top - 20.0,
                action.presses
            );
        }
        for i in 0..action.presses {
            let _ = write!(
                svg,
                "<circle class=\"pip\" cx=\"{PIPS_X}\" cy=\"{}\" r=\"8\"/>",
                top + f64::from(i) * PIP_STEP
            );
        }
    }
    svg.push_str("</svg>");
    svg
}

/// The figure in words, for those who cannot see it: "The key: keep unlock pressed, and press
/// lock 3 times."
fn words(action: Action) -> String {
    let mut parts = Vec::new();
    match action.hold {
        [] => {}
        [one] => parts.push(format!("keep {one} pressed")),
        many => parts.push(format!(
            "keep {} pressed at the same time",
            many.join(" and ")
        )),
    }
    if !action.press.is_empty() {
        let times = match action.presses {
            1 => String::new(),
            n => format!(" {n} times"),
        };
        parts.push(format!("press {}{times}", action.press.join(" and ")));
    }
    format!("The key: {}.", parts.join(", and "))
}

/// An SVG element's source on one line, without comments: it goes into a Markdown HTML block,
/// which a blank line would end.
fn compact(svg: &str) -> String {
    let mut text = svg.to_owned();
    while let Some(start) = text.find("<!--") {
        let end = text[start..]
            .find("-->")
            .map_or(text.len(), |i| start + i + 3);
        text.replace_range(start..end, "");
    }
    let lines: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    lines.join(" ")
}

#[cfg(test)]
mod tests;
