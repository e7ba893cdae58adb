//! `cargo xtask test`: every test of the project, in this order. Each check lives in its own
//! module with its own `run`; `stage` runs the list and sums it up.

use crate::checks::{
    chapter_html, key_facts, language_on_the_page, link_previews, links, malformed, originality,
    other_hosts, procedure_page, rust, translations, url_contract, warnings,
};
use crate::stage::{self, Stage};
use crate::{browser, serve};
use anyhow::Result;

const STAGES: &[Stage] = &[
    Stage::new("rustfmt", rust::fmt),
    Stage::new("clippy", rust::clippy),
    Stage::new("rust unit tests", rust::unit_tests),
    Stage::needed("build with no warning", warnings::run),
    Stage::new("key facts on every page", key_facts::run),
    Stage::new("our own words", originality::run),
    Stage::new("procedure as data", procedure_page::run),
    Stage::new(
        "translations complete, the procedure the same",
        translations::run,
    ),
    Stage::new(
        "each page in its language: no English left, short steps, typography",
        language_on_the_page::run,
    ),
    Stage::new("link previews and sitemap", link_previews::run),
    Stage::new("no other host in the markup or styles", other_hosts::run),
    Stage::new("public URL contract", url_contract::run),
    Stage::new("a malformed chapter fails the build", malformed::run),
    Stage::new(
        "chapter HTML: what the policy blocks fails the build, plain HTML keeps its words",
        chapter_html::run,
    ),
    Stage::new("links and anchors", links::run),
    Stage::new("serve", serve::check),
    Stage::new("browser tests", browser::run),
];

/// Every stage, or those whose names hold `words` (with the stages they need).
pub fn run(words: Option<&str>) -> Result<()> {
    match words {
        None => stage::run_all(&STAGES.iter().collect::<Vec<_>>()),
        Some(words) => {
            let chosen = stage::matching(STAGES, words);
            if chosen.is_empty() {
                anyhow::bail!(
                    "no stage is named like {words:?}: `cargo xtask test --list` names them"
                );
            }
            stage::run_all(&chosen)
        }
    }
}

pub fn list() {
    for stage in STAGES {
        println!("{}", stage.name);
    }
}
