//! Every link and anchor in the built HTML of every language, checked offline by lychee.

use crate::{cmd, paths, tools};
use anyhow::Result;
use std::process::Command;

pub fn run() -> Result<()> {
    tools::ensure(&[&tools::LYCHEE])?;
    let book = paths::book();
    let site = post_build::Site::from_book_toml(&paths::root().join("book.toml"))?;
    let pages = post_build::pages::of_site(&site, &book)?;
    cmd::run(
        Command::new(tools::LYCHEE.bin())
            .args([
                "--offline",
                "--include-fragments",
                "--no-progress",
                "--root-dir",
            ])
            .arg(&book)
            .args(pages.into_iter().map(|page| page.disk)),
    )
}
