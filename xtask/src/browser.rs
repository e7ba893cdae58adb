//! The browser tests, under node's own test runner: Debian's Chromium driven by playwright-core,
//! and the reader's walks (tests/e2e/reader-walks.mjs) in the two other engines readers' phones
//! use, Debian's Firefox ESR and WebKitGTK (its MiniBrowser, driven by WebKitWebDriver on a
//! virtual display).

use crate::{build, cmd, copies, paths};
use anyhow::{bail, Result};
use std::fs;
use std::path::Path;
use std::process::Command;

pub const CHROMIUM: &str = "/usr/bin/chromium";
const FIREFOX: &str = "/usr/bin/firefox-esr";
const WEBKIT_DRIVER: &str = "/usr/bin/WebKitWebDriver";

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
    ensure_debian_packages(&TEST_PACKAGES)?;
    ensure_node_packages(&paths::e2e())?;
    cmd::run(
        Command::new("node")
            .args(["--test", "--test-concurrency=1"])
            .current_dir(paths::e2e())
            .env("BOOK_DIR", book_dir)
            .envs(books.iter().copied())
            .env("CHROMIUM", CHROMIUM)
            .env("FIREFOX", FIREFOX)
            .env("WEBKIT_DRIVER", WEBKIT_DRIVER),
    )
}

/// A Debian package the tests need: a file it installs, its name, and why it is needed.
type Needed = (&'static str, &'static str, &'static str);

const CHROMIUM_PACKAGE: Needed = (
    CHROMIUM,
    "chromium",
    "the browser tests need Debian's Chromium at /usr/bin/chromium",
);

const TEST_PACKAGES: [Needed; 6] = [
    CHROMIUM_PACKAGE,
    (
        FIREFOX,
        "firefox-esr",
        "the Firefox walks need Debian's Firefox ESR",
    ),
    (
        WEBKIT_DRIVER,
        "webkit2gtk-driver",
        "the WebKit walks need WebKitGTK's WebKitWebDriver and MiniBrowser",
    ),
    (
        "/usr/bin/xvfb-run",
        "xvfb",
        "the WebKit walks need a virtual display (xvfb-run)",
    ),
    ("/usr/bin/xauth", "xauth", "xvfb-run needs xauth"),
    // Java 11 or newer, for the Nu Html Checker (vnu.jar).
    (
        "/usr/bin/java",
        "default-jre-headless",
        "the HTML check needs Java",
    ),
];

pub fn ensure_chromium() -> Result<()> {
    ensure_debian_packages(&[CHROMIUM_PACKAGE])
}

/// Installs with apt-get, in one go, whatever is not there when we are root; otherwise stops,
/// saying why each is needed and the command to run.
fn ensure_debian_packages(needed: &[Needed]) -> Result<()> {
    let missing: Vec<&Needed> = needed
        .iter()
        .filter(|(file, ..)| !Path::new(file).exists())
        .collect();
    if missing.is_empty() {
        return Ok(());
    }
    let packages: Vec<&str> = missing.iter().map(|(_, package, _)| *package).collect();
    if !is_root()? {
        let why: Vec<&str> = missing.iter().map(|(_, _, why)| *why).collect();
        bail!(
            "{}: install them with `sudo apt-get install {}`, then run `cargo xtask test` again",
            why.join("; "),
            packages.join(" ")
        );
    }
    println!("installing Debian's {}", packages.join(", "));
    cmd::run(Command::new("apt-get").args(["update", "-q"]))?;
    cmd::run(
        Command::new("apt-get")
            .args(["install", "-y", "-q", "--no-install-recommends"])
            .args(&packages)
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
