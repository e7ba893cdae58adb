//! Building the site: the pinned mdBook (which runs our preprocessor), refusing a build that
//! warns, then the post-build (`crates/post-build`), in the one order it fixes.

use crate::{cmd, paths, tools};
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
/// test) into `dest`, in every language: English at the root, each translation in its folder
/// (`dest/de/`), mdBook building it from `po/<language>.po`; then finishes each with everything
/// mdBook cannot make, and the site with what spans the languages.
pub fn build_book(root: &Path, dest: &Path) -> Result<String> {
    let site = post_build::Site::from_book_toml(&root.join("book.toml"))?;
    prepare()?;
    let mut log = String::new();
    let mut reports = Vec::new();
    for (language, _) in &site.languages {
        let language = language.as_str();
        let folder = dest.join(catalogue::folder(language));
        // The 404 page's links start from its language's folder.
        let site_url = format!("/{}", catalogue::folder(language));
        let env = if language == catalogue::SOURCE_LANGUAGE {
            Vec::new()
        } else {
            vec![
                ("MDBOOK_BOOK__LANGUAGE", language),
                ("MDBOOK_OUTPUT__HTML__SITE_URL", site_url.as_str()),
            ]
        };
        log.push_str(&mdbook(root, &folder, &env)?);
        let report = post_build::run(root, &folder, language)?;
        println!(
            "after mdBook ({language}): theme minified ({} → {} bytes) and inlined, link previews \
             and cards for {} chapters, {} unused files removed, manifest; sw.js precaches {} \
             files, version {}",
            report.minified.0,
            report.minified.1,
            report.chapters.len(),
            report.pruned,
            report.precached.len() + 1,
            report.version
        );
        reports.push(report);
    }
    post_build::finish(root, dest, &reports)?;
    println!(
        "the site: sitemap.xml with {} languages, robots.txt, _headers",
        reports.len()
    );
    Ok(log)
}

/// mdBook alone on the repository's book, with `book.toml` settings overridden by `MDBOOK_…`
/// variables in `env` (the benchmark's stock-theme build).
pub fn build_with(dest: &Path, env: &[(&str, &str)]) -> Result<String> {
    prepare()?;
    mdbook(&paths::root(), dest, env)
}

/// What every run of mdBook needs, done once per build: the pinned tools, and our preprocessor
/// compiled (mdBook quietly skips a preprocessor whose `supports` check fails, as it would if
/// the crate did not compile; building it first turns that into a visible error).
pub fn prepare() -> Result<()> {
    tools::ensure(&tools::SITE_TOOLS)?;
    cmd::run(cmd::cargo().args(["build", "--quiet", "--package", "mdbook-procedure"]))
}

/// mdBook on the book in `root`, into `dest`, with `env` overriding book.toml; any warning or
/// error line fails the build.
fn mdbook(root: &Path, dest: &Path, env: &[(&str, &str)]) -> Result<String> {
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
    let complaints = site_checks::build_log::warnings(&log);
    if !complaints.is_empty() {
        bail!(
            "the build must print no warning; it printed:\n{}",
            complaints.join("\n")
        );
    }
    Ok(log)
}
