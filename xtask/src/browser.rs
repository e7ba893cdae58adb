//! The browser tests: Debian's Chromium driven by playwright-core, under node's own test runner.

use crate::{cmd, paths};
use anyhow::{bail, Result};
use std::fs;
use std::path::Path;
use std::process::Command;

pub const CHROMIUM: &str = "/usr/bin/chromium";

/// Runs `node --test` over `tests/e2e/*.test.mjs` against the site built in `book_dir`;
/// `updated_book_dir` is a rebuild with a changed chapter, for the offline update test.
pub fn run_tests(book_dir: &Path, updated_book_dir: &Path) -> Result<()> {
    ensure_chromium()?;
    ensure_java()?;
    ensure_node_packages(&paths::e2e())?;
    cmd::run(
        Command::new("node")
            .args(["--test", "--test-concurrency=1"])
            .current_dir(paths::e2e())
            .env("BOOK_DIR", book_dir)
            .env("UPDATED_BOOK_DIR", updated_book_dir)
            .env("CHROMIUM", CHROMIUM),
    )
}

/// Installs Debian's chromium when we are root; otherwise says what to install.
pub fn ensure_chromium() -> Result<()> {
    if Path::new(CHROMIUM).exists() {
        return Ok(());
    }
    if !is_root()? {
        bail!(
            "the browser tests need Debian's Chromium at {CHROMIUM}: \
             install it with `sudo apt-get install chromium`, then run `cargo xtask test` again"
        );
    }
    println!("installing Debian's chromium for the browser tests");
    cmd::run(Command::new("apt-get").args(["update", "-q"]))?;
    cmd::run(
        Command::new("apt-get")
            .args(["install", "-y", "-q", "--no-install-recommends", "chromium"])
            .env("DEBIAN_FRONTEND", "noninteractive"),
    )
}

/// The Nu Html Checker (vnu.jar) needs Java 11 or newer: install Debian's when we are root.
fn ensure_java() -> Result<()> {
    if Command::new("java")
        .arg("-version")
        .output()
        .is_ok_and(|o| o.status.success())
    {
        return Ok(());
    }
    if !is_root()? {
        bail!(
            "the HTML check needs Java (11 or newer): install it with \
             `sudo apt-get install default-jre-headless`, then run `cargo xtask test` again"
        );
    }
    println!("installing Debian's Java for the HTML check");
    cmd::run(Command::new("apt-get").args(["update", "-q"]))?;
    cmd::run(
        Command::new("apt-get")
            .args([
                "install",
                "-y",
                "-q",
                "--no-install-recommends",
                "default-jre-headless",
            ])
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
