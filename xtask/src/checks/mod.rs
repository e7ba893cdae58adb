//! The checks of `cargo xtask test`, each run where the test runner finds it, so that
//! `cargo test` runs one as well:
//!
//! - the checks of the built site, integration tests of `crates/site-checks`
//!   (`cargo test -p site-checks --test <name>`, [`site`]);
//! - the preprocessor's refusals, integration tests of `crates/mdbook-procedure` ([`cargo_test`]);
//! - here, what only xtask can run: rustfmt, clippy and the unit tests (`rust`), lychee
//!   (`links`), and the builds of changed copies of the book that two checks read
//!   ([`chapter_html`], [`url_contract`]). The build itself is a stage, which fails on any
//!   warning (`site_checks::build_log`).

pub mod links;
pub mod rust;

use crate::{build, cmd, copies};
use anyhow::{Context, Result};
use std::path::Path;

/// `cargo test -p <package> --test <test>`, printing what it checked; `env` may name another
/// build for it to check (`BOOK_DIR`, `BOOK_ROOT`).
pub fn cargo_test(package: &str, test: &str, env: &[(&str, &Path)]) -> Result<()> {
    cmd::run(
        cmd::cargo()
            .args(["test", "--quiet", "--package", package, "--test", test])
            .args(["--", "--nocapture"])
            .envs(env.iter().copied()),
    )
}

/// A check of the built site (`crates/site-checks/tests/<test>.rs`).
pub fn site(test: &str) -> Result<()> {
    cargo_test("site-checks", test, &[])
}

/// The URL contract in the build, and in a copy of the book with about.md renamed to credits.md
/// as CONTRIBUTING.md says, built with everything `cargo xtask build` does.
pub fn url_contract() -> Result<()> {
    site("url_contract")?;
    let renamed = copies::renamed()?;
    let book = renamed.path().join("book");
    cargo_test(
        "site-checks",
        "url_contract",
        &[("BOOK_ROOT", renamed.path()), ("BOOK_DIR", &book)],
    )
    .context("after renaming about.md to credits.md as CONTRIBUTING.md says")
}

/// A chapter's own HTML: what the site's policy blocks fails the build (the preprocessor's
/// tests); plain HTML keeps every word, on the print page and in a translation too, in a build of
/// a copy of the book (`site_checks::plain_html`); no print page keeps mdBook's styled separators.
pub fn chapter_html() -> Result<()> {
    cargo_test("mdbook-procedure", "chapter_html", &[])?;
    let copy = copies::changed(
        "chapter-html-allowed",
        "about.md",
        site_checks::plain_html::with_plain_html,
    )?;
    let book = copy.path().join("book");
    build::build_book(copy.path(), &book)?;
    site_checks::plain_html::check(&book)?;
    site("print_page")
}
