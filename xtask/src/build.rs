//! Building the site: the pinned mdBook (which runs our preprocessor), refusing a build that
//! warns, then the post-build (`crates/post-build`), in the one order it fixes.

use crate::{checks::warnings, cmd, paths, tools};
use anyhow::{bail, Result};
use std::path::Path;

/// Builds into `book/`; returns what mdBook printed.
pub fn build() -> Result<String> {
    build_into(&paths::book())
}

/// Builds into `dest`, echoing mdBook's log; any warning or error line fails the build.
pub fn build_into(dest: &Path) -> Result<String> {
    build_book(&paths::root(), dest)
}

/// Builds the book whose `book.toml` is in `root` (the repository, or a changed copy of it for a
/// test) into `dest`, then finishes it with everything mdBook cannot make.
pub fn build_book(root: &Path, dest: &Path) -> Result<String> {
    let log = build_root_with(root, dest, &[])?;
    let report = post_build::run(root, dest)?;
    println!(
        "after mdBook: theme minified ({} → {} bytes) and inlined, link previews and cards for {} \
         chapters, sitemap.xml, robots.txt, {} unused files removed, manifest; sw.js precaches {} \
         files, version {}",
        report.minified.0,
        report.minified.1,
        report.chapters.len(),
        report.pruned,
        report.precached.len() + 1,
        report.version
    );
    Ok(log)
}

/// mdBook alone on the repository's book, with `book.toml` settings overridden by `MDBOOK_…`
/// variables in `env` (the benchmark's stock-theme build).
pub fn build_with(dest: &Path, env: &[(&str, &str)]) -> Result<String> {
    build_root_with(&paths::root(), dest, env)
}

fn build_root_with(root: &Path, dest: &Path, env: &[(&str, &str)]) -> Result<String> {
    tools::ensure(&tools::SITE_TOOLS)?;
    // mdBook quietly skips a preprocessor whose `supports` check fails, as it would if the crate
    // did not compile; building it first turns that into a visible error.
    cmd::run(cmd::cargo().args(["build", "--quiet", "--package", "mdbook-procedure"]))?;
    let mut mdbook = cmd::tool(tools::MDBOOK.bin().to_str().expect("UTF-8 path"));
    mdbook
        .arg("build")
        .arg(root)
        .arg("--dest-dir")
        .arg(dest)
        .envs(env.iter().copied());
    println!("$ {}", cmd::describe(&mdbook));
    let out = mdbook.output()?;
    let log = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    print!("{log}");
    if !out.status.success() {
        bail!("mdbook build failed ({})", out.status);
    }
    let complaints = warnings::find(&log);
    if !complaints.is_empty() {
        bail!(
            "the build must print no warning; it printed:\n{}",
            complaints.join("\n")
        );
    }
    Ok(log)
}
