//! The built procedure page carries the procedure as data: a `HowTo` JSON-LD block listing every
//! step, each step's url landing on an id on the page, and each timing window and the loop as the
//! chapter's markers say (read from the chapter as the preprocessor reads it); and its figures
//! (`step_figures`).

use crate::{paths, step_figures};
use anyhow::{anyhow, bail, Result};
use scraper::{Html, Selector};
use serde_json::Value;
use std::fs;

pub fn run() -> Result<()> {
    let html = fs::read_to_string(paths::book()?.join("procedure.html"))?;
    let data = read(&html, "procedure.html").map_err(|p| anyhow!(p.join("\n")))?;
    let chapter = fs::read_to_string(paths::chapters().join("procedure.md"))?;
    let steps: Vec<_> = mdbook_procedure::procedure::analyze(&chapter, false)
        .map_err(|p| anyhow!("procedure.md: {p:?}"))?
        .procedures
        .into_iter()
        .flat_map(|p| p.steps)
        .collect();
    let expected = ProcedureData {
        steps: steps.len(),
        windows: steps
            .iter()
            .filter_map(|s| Some((s.number, s.window?)))
            .collect(),
        loops: steps
            .iter()
            .filter_map(|s| Some((s.number, s.repeat_from?)))
            .collect(),
    };
    if data != expected {
        bail!("procedure.html: the chapter says {expected:?}; the page has {data:?}");
    }
    println!(
        "procedure.html: HowTo with {} steps, each url on its id; windows {:?}, loop {:?}",
        data.steps, data.windows, data.loops
    );
    let problems = step_figures::problems(&html, "procedure.html", &steps);
    if !problems.is_empty() {
        bail!("{}", problems.join("\n"));
    }
    let figures = steps.iter().filter(|s| !s.action().is_empty()).count();
    println!(
        "procedure.html: {figures} step figures mark exactly their steps' buttons, in words too"
    );
    Ok(())
}

#[derive(Debug, PartialEq, Eq)]
pub struct ProcedureData {
    pub steps: usize,
    /// (step, seconds) for every timed step.
    pub windows: Vec<(u32, u32)>,
    /// (step, the step it repeats from).
    pub loops: Vec<(u32, u32)>,
}

/// Reads `page` (its file name, e.g. `procedure.html`) and checks its JSON-LD against its list.
pub fn read(html: &str, page: &str) -> Result<ProcedureData, Vec<String>> {
    let doc = Html::parse_document(html);
    let select = |s: &str| Selector::parse(s).expect("valid selector");
    let mut problems = Vec::new();

    let items: Vec<_> = doc
        .select(&select("ol.procedure > li[data-step]"))
        .collect();
    let number = |li: &scraper::ElementRef, attr: &str| -> Option<u32> {
        li.value().attr(attr).and_then(|v| v.parse().ok())
    };
    let pairs = |attr: &str| -> Vec<(u32, u32)> {
        items
            .iter()
            .filter_map(|li| Some((number(li, "data-step")?, number(li, attr)?)))
            .collect()
    };
    if items.is_empty() {
        problems.push(format!(
            "{page}: no procedure steps (ol.procedure > li[data-step])"
        ));
    }

    let scripts: Vec<_> = doc
        .select(&select(r#"script[type="application/ld+json"]"#))
        .collect();
    let json: Option<Value> = match scripts.as_slice() {
        [one] => serde_json::from_str(&one.inner_html())
            .map_err(|e| problems.push(format!("{page}: the JSON-LD does not parse: {e}")))
            .ok(),
        _ => {
            problems.push(format!(
                "{page}: expected one JSON-LD block, found {}",
                scripts.len()
            ));
            None
        }
    };
    if let Some(json) = json {
        if json["@type"] != "HowTo" {
            problems.push(format!("{page}: the JSON-LD is not a HowTo"));
        }
        let steps = json["step"].as_array().cloned().unwrap_or_default();
        if steps.len() != items.len() {
            problems.push(format!(
                "{page}: the HowTo lists {} steps, the page has {}",
                steps.len(),
                items.len()
            ));
        }
        for (i, step) in steps.iter().enumerate() {
            let n = i + 1;
            let url = step["url"].as_str().unwrap_or_default();
            // Absolute (https://…/procedure.html#step-1) or relative; the book is flat.
            let landing = url
                .rsplit('/')
                .next()
                .and_then(|file| file.strip_prefix(page))
                .and_then(|rest| rest.strip_prefix('#'))
                .filter(|id| {
                    doc.select(&select(&format!("[id=\"{id}\"]")))
                        .next()
                        .is_some()
                });
            if step["position"] != n || landing.is_none() {
                problems.push(format!(
                    "{page}: HowTo step {n} (position {}, url {url:?}) does not land on an id of this page",
                    step["position"]
                ));
            }
            for field in ["name", "text"] {
                if step[field].as_str().is_none_or(str::is_empty) {
                    problems.push(format!("{page}: HowTo step {n} has no {field}"));
                }
            }
        }
    }

    if problems.is_empty() {
        Ok(ProcedureData {
            steps: items.len(),
            windows: pairs("data-window"),
            loops: pairs("data-repeat-from"),
        })
    } else {
        Err(problems)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<html><body><ol class="procedure">
        <li id="step-1" data-step="1">One</li>
        <li id="step-2" data-step="2" data-window="5">Two</li>
        <li id="step-3" data-step="3" data-repeat-from="1">Three</li></ol>
        <script type="application/ld+json">{"@type":"HowTo","step":[
          {"position":1,"name":"One","text":"One","url":"p.html#step-1"},
          {"position":2,"name":"Two","text":"Two","url":"p.html#step-2"},
          {"position":3,"name":"Three","text":"Three","url":"p.html#step-3"}]}</script></body></html>"#;

    #[test]
    fn reads_steps_windows_and_loops() {
        assert_eq!(
            read(PAGE, "p.html"),
            Ok(ProcedureData {
                steps: 3,
                windows: vec![(2, 5)],
                loops: vec![(3, 1)]
            })
        );
    }

    #[test]
    fn a_url_that_lands_nowhere_is_reported() {
        let page = PAGE.replace("p.html#step-3", "p.html#step-9");
        let problems = read(&page, "p.html").unwrap_err();
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(problems[0].contains("HowTo step 3"), "{problems:?}");
    }

    #[test]
    fn a_missing_step_is_reported() {
        let page = PAGE.replace(
            r#"<li id="step-3" data-step="3" data-repeat-from="1">Three</li>"#,
            "",
        );
        assert!(read(&page, "p.html").unwrap_err()[0].contains("lists 3 steps, the page has 2"));
    }

    #[test]
    fn no_json_ld_is_reported() {
        let page = PAGE.replace("application/ld+json", "text/plain");
        assert!(read(&page, "p.html").unwrap_err()[0].contains("expected one JSON-LD block"));
    }
}
