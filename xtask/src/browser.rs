//! The browser tests: Debian's Chromium driven by playwright-core, under node's own test runner.

use crate::{build, cmd, copies, paths};
use anyhow::{bail, Result};
use std::fs;
use std::path::Path;
use std::process::Command;

pub const CHROMIUM: &str = "/usr/bin/chromium";

/// The stage: every browser test against `book/`, with the other builds some tests need.
pub fn run() -> Result<()> {
    // The offline update test needs a second build whose content differs: about.md gains a line.
    let updated = copies::changed("offline-update", "about.md", |text| {
        format!("{text}\nThis copy of the guide was rebuilt to test offline updates.\n")
    })?;
    build::build_book(updated.path(), &updated.path().join("book"))?;
    // The rename test follows an old address into a book where about.md became credits.md.
    let renamed = copies::renamed()?;
    run_tests(
        &paths::book(),
        &[
            ("UPDATED_BOOK_DIR", &updated.path().join("book")),
            ("RENAMED_BOOK_DIR", &renamed.path().join("book")),
        ],
    )
}

/// Runs `node --test` over `tests/e2e/*.test.mjs` against the site built in `book_dir`; `books`
/// are other builds some tests need, by the variable that names them.
fn run_tests(book_dir: &Path, books: &[(&str, &Path)]) -> Result<()> {
    ensure_chromium()?;
    ensure_java()?;
    ensure_node_packages(&paths::e2e())?;
    cmd::run(
        Command::new("node")
            .args(["--test", "--test-concurrency=1"])
            .current_dir(paths::e2e())
            .env("BOOK_DIR", book_dir)
            .envs(books.iter().copied())
            .env("CHROMIUM", CHROMIUM),
    )
}

/// Debian's chromium for the browser tests.
pub fn ensure_chromium() -> Result<()> {
    ensure_debian_package(
        Path::new(CHROMIUM).exists(),
        "chromium",
        &format!("the browser tests need Debian's Chromium at {CHROMIUM}"),
    )
}

/// Java (11 or newer) for the Nu Html Checker, vnu.jar.
fn ensure_java() -> Result<()> {
    let present = Command::new("java")
        .arg("-version")
        .output()
        .is_ok_and(|o| o.status.success());
    ensure_debian_package(present, "default-jre-headless", "the HTML check needs Java")
}

/// Installs `package` with apt-get when it is not `present` and we are root; otherwise stops
/// with `why` and the command to run.
fn ensure_debian_package(present: bool, package: &str, why: &str) -> Result<()> {
    if present {
        return Ok(());
    }
    if !is_root()? {
        bail!(
            "{why}: install it with `sudo apt-get install {package}`, \
             then run `cargo xtask test` again"
        );
    }
    println!("installing Debian's {package}");
    cmd::run(Command::new("apt-get").args(["update", "-q"]))?;
    cmd::run(
        Command::new("apt-get")
            .args(["install", "-y", "-q", "--no-install-recommends", package])
            .env("DEBIAN_FRONTEND", "noninteractive"),
    )
}

fn is_root() -> Result<bool> {
    let out = cmd::output(Command::new("id").arg("-u"))?;
    Ok(String::from_utf8_lossy(&out.stdout).trim() == "0")
}

/// `npm ci` in `dir` whenever its `package-lock.json` differs from the one last installed.
pub fn ensure_node_packages(dir: &Path) -> Result<()> {
    let lock = fs::read(dir.join("package-lock.json"))?;
    let stamp = dir
        .join("node_modules")
        .join(".installed-package-lock.json");
    if fs::read(&stamp).ok().as_deref() == Some(lock.as_slice()) {
        return Ok(());
    }
    if Command::new("npm").arg("--version").output().is_err() {
        bail!(
            "the browser tests need Node.js and npm: install Debian's `nodejs` and `npm` packages"
        );
    }
    cmd::run(
        Command::new("npm")
            .args(["ci", "--no-audit", "--no-fund"])
            .current_dir(dir),
    )?;
    fs::write(stamp, lock)?;
    Ok(())
}
