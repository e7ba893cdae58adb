//! The step figures on the built procedure page say what the chapter's markers say: each marks
//! exactly the buttons its step holds and presses, on the drawing's own buttons, with a pip per
//! press and the same in words; a step whose text names a button (in bold) has a figure for it;
//! the drawing is in the page once.

use mdbook_procedure::figures::BUTTONS;
use mdbook_procedure::procedure::Step;
use scraper::{ElementRef, Html, Selector};
use std::collections::BTreeSet;

fn select(selector: &str) -> Selector {
    Selector::parse(selector).expect("valid selector")
}

/// The buttons a set of marks (`.mark-held`, `.mark-pressed`) names.
fn marked(figure: Option<ElementRef>, class: &str) -> BTreeSet<String> {
    figure
        .map(|f| {
            f.select(&select(&format!(".{class}")))
                .filter_map(|m| m.value().attr("data-button").map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
}

fn number(element: ElementRef, attr: &str) -> Option<f64> {
    element.value().attr(attr)?.parse().ok()
}

/// Everything wrong with the figures of `page` (its HTML `html`), given the chapter's `steps`.
pub fn problems(html: &str, page: &str, steps: &[Step]) -> Vec<String> {
    let doc = Html::parse_document(html);
    let mut problems = Vec::new();
    let symbols = doc.select(&select("svg.figure-defs symbol#key")).count();
    let any_key = steps
        .iter()
        .any(|s| !s.hold.is_empty() || !s.press.is_empty());
    if any_key && symbols != 1 {
        problems.push(format!(
            "{page}: the key drawing should be in the page once, found {symbols} times"
        ));
    }
    // Where the drawing's buttons are, from the page itself.
    let centre = |name: &str| {
        let circle = doc
            .select(&select(&format!("symbol#key #key-{name}")))
            .next()?;
        Some((number(circle, "cx")?, number(circle, "cy")?))
    };

    let items: Vec<_> = doc
        .select(&select("ol.procedure > li[data-step]"))
        .collect();
    for step in steps {
        let Some(li) = items
            .iter()
            .find(|li| li.value().attr("data-step") == Some(&step.number.to_string()))
        else {
            problems.push(format!("{page}: step {} is not on the page", step.number));
            continue;
        };
        let at = format!("{page}: step {}", step.number);
        let figure = li.select(&select("svg.key-figure")).next();
        let hold: BTreeSet<String> = step.hold.iter().cloned().collect();
        let press: BTreeSet<String> = step.press.iter().cloned().collect();
        let (held, pressed) = (marked(figure, "mark-held"), marked(figure, "mark-pressed"));
        if held != hold || pressed != press {
            problems.push(format!(
                "{at}: the figure marks held {held:?} and pressed {pressed:?}; the markers say \
                 held {hold:?}, pressed {press:?}"
            ));
        }
        // The buttons the step's words name, in bold, are the ones the figure marks.
        let named: BTreeSet<String> = li
            .select(&select("strong"))
            .map(|s| s.text().collect::<String>().trim().to_lowercase())
            .filter(|word| BUTTONS.contains(&word.as_str()))
            .collect();
        let shown: BTreeSet<String> = held.union(&pressed).cloned().collect();
        if named != shown {
            problems.push(format!(
                "{at}: its words name the buttons {named:?}, its figure marks {shown:?}"
            ));
        }
        let Some(figure) = figure else {
            if step.ignition.is_some() != li.select(&select("svg.ignition-figure")).next().is_some()
            {
                problems.push(format!("{at}: the ignition figure and the marker disagree"));
            }
            continue;
        };
        // Every mark sits on its button's centre in the drawing.
        for mark in figure.select(&select(".mark-held, .mark-pressed")) {
            let name = mark.value().attr("data-button").unwrap_or_default();
            let here = (number(mark, "cx"), number(mark, "cy"));
            if centre(name).map(|(x, y)| (Some(x), Some(y))) != Some(here) {
                problems.push(format!(
                    "{at}: the mark for {name} is not on the {name} button"
                ));
            }
        }
        let pips = figure.select(&select(".pip")).count() as u32;
        if !step.press.is_empty() && pips != step.presses.unwrap_or(1) {
            problems.push(format!(
                "{at}: {pips} pips for {} presses",
                step.presses.unwrap_or(1)
            ));
        }
        let words = figure.value().attr("aria-label").unwrap_or_default();
        let role = figure.value().attr("role");
        if role != Some("img") || shown.iter().any(|b| !words.contains(b.as_str())) {
            problems.push(format!(
                "{at}: the figure's words ({words:?}) do not name {shown:?}"
            ));
        }
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;
    use mdbook_procedure::procedure::analyze;

    const CHAPTER: &str = "<!-- procedure -->\n\
        1. Hold **lock**. <!-- hold: lock -->\n\
        2. Press **unlock** twice. <!-- press: unlock --> <!-- presses: 2 -->\n";

    fn page(step_1: &str) -> String {
        format!(
            r#"<svg class="figure-defs"><defs><symbol id="key">
            <circle id="key-lock" cx="10" cy="20"/><circle id="key-unlock" cx="10" cy="40"/>
            </symbol></defs></svg>
            <ol class="procedure">
            <li data-step="1">{step_1}<p>Hold <strong>lock</strong>.</p></li>
            <li data-step="2"><svg class="key-figure" role="img" aria-label="The key: press unlock 2 times.">
              <circle class="mark-pressed" data-button="unlock" cx="10" cy="40"/>
              <circle class="pip"/><circle class="pip"/></svg>
              <p>Press <strong>unlock</strong> twice.</p></li></ol>"#
        )
    }

    const GOOD_FIGURE: &str = r#"<svg class="key-figure" role="img" aria-label="The key: hold lock down.">
        <circle class="mark-held" data-button="lock" cx="10" cy="20"/></svg>"#;

    fn steps() -> Vec<Step> {
        analyze(CHAPTER, false).unwrap().procedures.remove(0).steps
    }

    #[test]
    fn figures_that_match_their_markers_pass() {
        assert_eq!(
            problems(&page(GOOD_FIGURE), "p.html", &steps()),
            Vec::<String>::new()
        );
    }

    #[test]
    fn a_mark_on_the_wrong_button_is_found() {
        let wrong = GOOD_FIGURE.replace("data-button=\"lock\"", "data-button=\"unlock\"");
        let found = problems(&page(&wrong), "p.html", &steps());
        assert!(
            found[0].starts_with("p.html: step 1: the figure marks held"),
            "{found:?}"
        );
    }

    #[test]
    fn a_mark_off_its_button_is_found() {
        let off = GOOD_FIGURE.replace("cy=\"20\"", "cy=\"30\"");
        let found = problems(&page(&off), "p.html", &steps());
        assert_eq!(
            found,
            ["p.html: step 1: the mark for lock is not on the lock button"]
        );
    }

    #[test]
    fn a_step_that_names_a_button_without_a_figure_is_found() {
        let found = problems(&page(""), "p.html", &steps());
        assert!(
            found
                .iter()
                .any(|p| p.contains("its words name the buttons")),
            "{found:?}"
        );
    }

    #[test]
    fn a_figure_without_words_is_found() {
        let silent = GOOD_FIGURE.replace("aria-label=\"The key: hold lock down.\"", "");
        let found = problems(&page(&silent), "p.html", &steps());
        assert!(found[0].contains("the figure's words"), "{found:?}");
    }
}
