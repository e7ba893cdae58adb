//! Every link and anchor in the built HTML, checked offline by lychee.

use crate::{cmd, paths, tools};
use anyhow::Result;
use std::process::Command;

pub fn run() -> Result<()> {
    tools::ensure(&[&tools::LYCHEE])?;
    let book = paths::book();
    cmd::run(
        Command::new(tools::LYCHEE.bin())
            .args([
                "--offline",
                "--include-fragments",
                "--no-progress",
                "--root-dir",
            ])
            .arg(&book)
            .args(paths::built_pages()?),
    )
}
