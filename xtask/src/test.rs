//! `cargo xtask test`: every test of the project, in this order; `stage` runs the list and sums it
//! up. A check of the built site is `cargo test -p site-checks --test <name>` (`Stage::site_check`);
//! the others are in `checks` (which says where each lives), `serve` and `browser`.

use crate::checks::{self, links, rust};
use crate::stage::{self, Stage};
use crate::{browser, build, serve};
use anyhow::Result;

const STAGES: &[Stage] = &[
    Stage::new("rustfmt", rust::fmt),
    Stage::new("clippy", rust::clippy),
    Stage::new("rust unit tests", rust::unit_tests),
    Stage::needed("build with no warning", || build::build().map(drop)),
    Stage::site_check("key facts on every page", "key_facts"),
    Stage::site_check("our own words", "originality"),
    Stage::site_check("procedure as data", "procedure_page"),
    Stage::site_check(
        "translations complete, the procedure the same",
        "translations",
    ),
    Stage::site_check(
        "each page in its language: no English left, short steps, typography",
        "language_on_the_page",
    ),
    Stage::site_check("link previews and sitemap", "link_previews"),
    Stage::site_check("no other host in the markup or styles", "other_hosts"),
    Stage::site_check(
        "glovebox card: the procedure's steps, a QR code that opens guided mode",
        "glovebox_card",
    ),
    Stage::new("public URL contract", checks::url_contract),
    Stage::new("a malformed chapter fails the build", || {
        checks::cargo_test("mdbook-procedure", "malformed", &[])
    }),
    Stage::new(
        "chapter HTML: what the policy blocks fails the build, plain HTML keeps its words",
        checks::chapter_html,
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
