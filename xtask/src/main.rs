//! `cargo xtask <command>`: the project's one entry point (see README.md).

mod bench;
mod browser;
mod build;
mod checks;
mod cmd;
mod copies;
mod paths;
mod serve;
mod stage;
mod test;
mod tools;
mod translations;

use anyhow::{bail, Result};

const USAGE: &str = "usage: cargo xtask <command>

commands:
  serve   install what is missing, build, and serve at http://localhost:3000 with live reload
  build   build the static site into book/
  test    run every test: Rust unit tests, clippy, build checks, browser tests
  test --list
          name the test stages
  test <words>
          run only the stages whose names hold <words> (and the build, if they need it)
  bench   measure the build and the pages; results in BENCHMARKS.md
  translations
          after an English edit: po/messages.pot, and each po/<language>.po brought up to date
  fingerprint-article <folder>
          write tests/article-runs.txt from the source article's files (for \"our own words\")";

fn main() {
    if let Err(err) = run() {
        eprintln!("error: {err:#}");
        std::process::exit(1);
    }
}

fn run() -> Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        ["serve"] => serve::run(),
        ["build"] => build::build().map(|_| ()),
        ["test"] => test::run(None),
        ["test", "--list"] => {
            test::list();
            Ok(())
        }
        ["test", words @ ..] => test::run(Some(&words.join(" "))),
        ["bench"] => bench::run(),
        ["translations"] => translations::run(),
        ["fingerprint-article", folder] => {
            site_checks::originality::fingerprint_article(std::path::Path::new(folder))
        }
        ["help" | "--help" | "-h"] => {
            println!("{USAGE}");
            Ok(())
        }
        _ => bail!("{USAGE}"),
    }
}
