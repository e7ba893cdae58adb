//! `cargo xtask test`: every test of the project, in order, with a summary at the end.

use crate::checks::{
    html_text, key_facts, link_previews, originality, other_hosts, procedure_page, step_figures,
    url_contract,
};
use crate::{browser, cmd, paths, serve, site, tools};
use anyhow::{anyhow, bail, Context, Result};
use std::fs;
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

type Stage = (&'static str, fn() -> Result<()>);

/// Stages run in this order; a failed stage does not stop the later ones, except the build,
/// which everything after it needs.
const STAGES: &[Stage] = &[
    ("rustfmt", rustfmt),
    ("clippy", clippy),
    ("rust unit tests", unit_tests),
    ("build with no warning", build),
    ("key facts on every page", key_facts),
    ("our own words", own_words),
    ("procedure as data", procedure_data),
    ("link previews and sitemap", link_previews),
    ("no other host in the markup or styles", no_other_host),
    ("public URL contract", url_contract),
    ("a malformed chapter fails the build", malformed_chapter),
    ("links and anchors", links),
    ("serve", serve_check),
    ("browser tests", browser_tests),
];

pub fn run() -> Result<()> {
    let mut passed = 0;
    let mut failed = Vec::new();
    let mut not_run = Vec::new();
    for (name, stage) in STAGES {
        // Everything after the build needs the build.
        if !not_run.is_empty() || failed.contains(&"build with no warning") {
            not_run.push(*name);
            continue;
        }
        println!("\n== {name}");
        match stage() {
            Ok(()) => {
                println!("ok: {name}");
                passed += 1;
            }
            Err(err) => {
                println!("FAILED: {name}: {err:#}");
                failed.push(*name);
            }
        }
    }
    println!("\n{}", summary(passed, &failed, &not_run));
    if !failed.is_empty() {
        bail!("failed: {}", failed.join(", "));
    }
    Ok(())
}

/// "xtask: 2 passed, 1 failed (build with no warning), 10 not run (…)": a stage that never ran
/// is not counted as passed.
fn summary(passed: usize, failed: &[&str], not_run: &[&str]) -> String {
    let mut line = format!("xtask: {passed} passed, {} failed", failed.len());
    if !failed.is_empty() {
        line.push_str(&format!(" ({})", failed.join(", ")));
    }
    if !not_run.is_empty() {
        line.push_str(&format!(
            ", {} not run, as the build failed ({})",
            not_run.len(),
            not_run.join(", ")
        ));
    }
    line
}

fn cargo(args: &[&str]) -> Result<()> {
    cmd::run(cmd::cargo().args(args))
}

fn rustfmt() -> Result<()> {
    cargo(&["fmt", "--all", "--check"])
}

fn clippy() -> Result<()> {
    cargo(&[
        "clippy",
        "--workspace",
        "--all-targets",
        "--",
        "-D",
        "warnings",
    ])
}

fn unit_tests() -> Result<()> {
    cargo(&["test", "--workspace"])
}

fn build() -> Result<()> {
    site::build().map(|_| ())
}

/// The built chapter pages, and the pages mdBook adds (print, 404, the no-script table of contents).
fn built_pages() -> Result<Vec<PathBuf>> {
    let mut pages: Vec<PathBuf> = fs::read_dir(paths::book())?
        .map(|e| e.map(|e| e.path()))
        .collect::<Result<_, _>>()?;
    pages.retain(|p| p.extension().is_some_and(|e| e == "html"));
    pages.sort();
    Ok(pages)
}

fn key_facts() -> Result<()> {
    let mut problems = Vec::new();
    for (page, phrases) in key_facts::KEY_FACTS {
        let path = paths::book().join(page);
        let html = fs::read_to_string(&path).with_context(|| format!("{page} was not built"))?;
        for phrase in key_facts::missing(&html_text::reader_text(&html), phrases) {
            problems.push(format!("{page}: missing \"{phrase}\""));
        }
    }
    for page in built_pages()? {
        let text = html_text::reader_text(&fs::read_to_string(&page)?);
        for (phrase, instead) in key_facts::retired(&text) {
            problems.push(format!(
                "{}: says \"{phrase}\"; write {instead}",
                page.display()
            ));
        }
    }
    if !problems.is_empty() {
        bail!("{}", problems.join("\n"));
    }
    Ok(())
}

/// No run of 12 words of the article, checked against its fingerprints (tests/article-runs.txt),
/// so any clone can run it. Where the article itself is at hand (../shared/source, beside the
/// repository in CI), the fingerprints must match it and must catch the article itself.
fn own_words() -> Result<()> {
    let file = paths::root().join(ARTICLE_RUNS);
    let article = originality::read_fingerprints(
        &fs::read_to_string(&file).with_context(|| format!("reading {ARTICLE_RUNS}"))?,
    );
    if article.is_empty() {
        bail!("{ARTICLE_RUNS} holds no fingerprints: the check would pass anything");
    }
    if let Some(text) = read_source_article()? {
        let fresh = originality::fingerprints(&text);
        if fresh != article {
            bail!(
                "{ARTICLE_RUNS} does not match the article in {}: run \
                 `cargo xtask fingerprint-article {}`",
                paths::source_article_dir().display(),
                paths::source_article_dir().display()
            );
        }
        if originality::copied_runs(&article, &text).is_empty() {
            bail!("the fingerprints do not catch the article itself");
        }
        println!("{ARTICLE_RUNS} matches the article beside the repository");
    }
    let mut texts = Vec::new();
    for page in built_pages()? {
        texts.push((
            page.clone(),
            html_text::visible_text(&fs::read_to_string(&page)?),
        ));
    }
    for chapter in fs::read_dir(paths::chapters())? {
        let path = chapter?.path();
        if path.extension().is_some_and(|e| e == "md") {
            texts.push((path.clone(), fs::read_to_string(&path)?));
        }
    }
    let mut problems = Vec::new();
    for (path, text) in &texts {
        for run in originality::copied_runs(&article, text) {
            problems.push(format!("{}: copies the article: \"{run}\"", path.display()));
        }
    }
    if !problems.is_empty() {
        bail!("{}", problems.join("\n"));
    }
    println!(
        "{} pages and chapters share no run of {} words with the article ({} fingerprints)",
        texts.len(),
        originality::RUN,
        article.len()
    );
    Ok(())
}

/// Where the fingerprints of the article's runs are kept.
const ARTICLE_RUNS: &str = "tests/article-runs.txt";

/// `cargo xtask fingerprint-article <folder>`: writes tests/article-runs.txt from the article's
/// files in `folder`.
pub fn fingerprint_article(folder: &Path) -> Result<()> {
    let text = read_article(folder)?;
    let prints = originality::fingerprints(&text);
    if prints.is_empty() {
        bail!("{}: no article text found", folder.display());
    }
    fs::write(
        paths::root().join(ARTICLE_RUNS),
        originality::write_fingerprints(&prints),
    )?;
    println!("{ARTICLE_RUNS}: {} fingerprints", prints.len());
    Ok(())
}

/// The timing windows and the for-each-key loop, as the preprocessor put them on the page.
const WINDOWS: [(u32, u32); 3] = [(2, 5), (3, 30), (4, 10)];
const LOOPS: [(u32, u32); 1] = [(6, 3)];

fn procedure_data() -> Result<()> {
    let html = fs::read_to_string(paths::book().join("procedure.html"))?;
    let data = procedure_page::read(&html, "procedure.html").map_err(|p| anyhow!(p.join("\n")))?;
    if data.steps != 7 || data.windows != WINDOWS || data.loops != LOOPS {
        bail!(
            "procedure.html: expected 7 steps, windows {WINDOWS:?} and loop {LOOPS:?}; found {data:?}"
        );
    }
    println!("procedure.html: HowTo with 7 steps, each url on its id; windows {WINDOWS:?}");

    // The figures: read the chapter's markers as the preprocessor does, compare with the page.
    let chapter = fs::read_to_string(paths::chapters().join("procedure.md"))?;
    let steps = mdbook_procedure::procedure::analyze(&chapter, false)
        .map_err(|p| anyhow!("procedure.md: {p:?}"))?
        .procedures
        .into_iter()
        .flat_map(|p| p.steps)
        .collect::<Vec<_>>();
    let problems = step_figures::problems(&html, "procedure.html", &steps);
    if !problems.is_empty() {
        bail!("{}", problems.join("\n"));
    }
    let figures = steps
        .iter()
        .filter(|s| !s.hold.is_empty() || !s.press.is_empty() || s.ignition.is_some())
        .count();
    println!(
        "procedure.html: {figures} step figures mark exactly their steps' buttons, in words too"
    );
    Ok(())
}

/// Every chapter's link-preview tags and card, the sitemap and robots.txt.
fn link_previews() -> Result<()> {
    let site = site_meta::Site::from_book_toml(&paths::root().join("book.toml"))?;
    let moved = site.redirect_pages();
    let mut pages = Vec::new();
    for path in built_pages()? {
        let file = path
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        if !site_meta::UTILITY_PAGES.contains(&file.as_str()) && !moved.contains(&file) {
            pages.push((file, fs::read_to_string(&path)?));
        }
    }
    let problems = link_previews::problems(&paths::book(), &site.url, &pages);
    if !problems.is_empty() {
        bail!("{}", problems.join("\n"));
    }
    println!(
        "{} pages: tags, cards, sitemap and robots.txt in order",
        pages.len()
    );
    Ok(())
}

/// No page, drawing or stylesheet of the built site loads anything from another host.
fn no_other_host() -> Result<()> {
    let site = site_meta::Site::from_book_toml(&paths::root().join("book.toml"))?;
    let host = site
        .url
        .trim_start_matches("https://")
        .split('/')
        .next()
        .unwrap_or_default()
        .to_owned();
    let book = paths::book();
    let mut problems = Vec::new();
    let mut files = 0;
    for entry in walkdir::WalkDir::new(&book).sort_by_file_name() {
        let path = entry?.into_path();
        let name = path.strip_prefix(&book)?.display().to_string();
        let text = || fs::read_to_string(&path);
        match path.extension().and_then(|e| e.to_str()) {
            Some("html" | "svg") => problems.extend(other_hosts::in_markup(&name, &text()?, &host)),
            Some("css") => problems.extend(other_hosts::in_styles(&name, &text()?, &host)),
            _ => continue,
        }
        files += 1;
    }
    if !problems.is_empty() {
        bail!("{}", problems.join("\n"));
    }
    println!("{files} pages, drawings and stylesheets load nothing from another host than {host}");
    Ok(())
}

/// Every line of tests/public-urls.txt still resolves, on its page or through a redirect; and a
/// page renamed as the README says (in a copy of the book) keeps every address resolving.
fn url_contract() -> Result<()> {
    let problems = contract_problems(&paths::root(), &paths::book())?;
    if !problems.is_empty() {
        bail!("{}", problems.join("\n"));
    }
    let renamed = renamed_copy()?;
    let problems = contract_problems(&renamed, &renamed.join("book"))?;
    if !problems.is_empty() {
        bail!(
            "after renaming about.md to credits.md as the README says:\n{}",
            problems.join("\n")
        );
    }
    println!(
        "every public address resolves, and still does with about.md renamed as the README says"
    );
    Ok(())
}

/// The URL contract checked against the book whose `book.toml` is in `root`, built in `book`.
fn contract_problems(root: &Path, book: &Path) -> Result<Vec<String>> {
    let contract = fs::read_to_string(paths::root().join("tests/public-urls.txt"))?;
    let redirects = site_meta::Site::from_book_toml(&root.join("book.toml"))?.redirects;
    let ids_of = |page: &str| {
        let html = fs::read_to_string(book.join(page)).ok()?;
        let doc = scraper::Html::parse_document(&html);
        let any_id = scraper::Selector::parse("[id]").expect("valid selector");
        Some(
            doc.select(&any_id)
                .filter_map(|e| e.value().attr("id").map(str::to_owned))
                .collect(),
        )
    };
    Ok(url_contract::problems(&contract, ids_of, &redirects))
}

/// A copy of the book with about.md renamed to credits.md, exactly as the README's recipe says
/// (move the file, follow it in SUMMARY.md and in every link, add a redirect), built with
/// everything `cargo xtask build` adds.
fn renamed_copy() -> Result<PathBuf> {
    let copy = changed_copy("renamed-page", "about.md", str::to_owned)?;
    let src = copy.join("src");
    fs::rename(src.join("about.md"), src.join("credits.md"))?;
    for entry in fs::read_dir(&src)? {
        let path = entry?.path();
        if path.extension().is_some_and(|e| e == "md") {
            let text = fs::read_to_string(&path)?;
            fs::write(&path, text.replace("about.md", "credits.md"))?;
        }
    }
    let mut book_toml = fs::read_to_string(copy.join("book.toml"))?;
    book_toml.push_str("\n[output.html.redirect]\n\"/about.html\" = \"credits.html\"\n");
    fs::write(copy.join("book.toml"), book_toml)?;
    site::build_book(&copy, &copy.join("book"))?;
    Ok(copy)
}

/// A copy of the book (book.toml, src/, theme/) under target/`name`, with `chapter` changed.
/// It stays inside the repository, so its `cargo run` preprocessor finds the workspace.
fn changed_copy(name: &str, chapter: &str, change: impl FnOnce(&str) -> String) -> Result<PathBuf> {
    let copy = paths::root().join("target").join(name);
    if copy.exists() {
        fs::remove_dir_all(&copy)?;
    }
    fs::create_dir_all(&copy)?;
    fs::copy(paths::root().join("book.toml"), copy.join("book.toml"))?;
    for dir in ["src", "theme"] {
        crate::tools::copy_dir(&paths::root().join(dir), &copy.join(dir))?;
    }
    let path = copy.join("src").join(chapter);
    let text = fs::read_to_string(&path)?;
    fs::write(&path, change(&text))?;
    Ok(copy)
}

/// Copies of the book with a mistake in the procedure must fail to build, naming the line: a gap in
/// the numbering, a button the key does not have.
fn malformed_chapter() -> Result<()> {
    let text = fs::read_to_string(paths::chapters().join("procedure.md"))?;
    let line_of = |what: &str, on: &dyn Fn(&str) -> bool| -> Result<usize> {
        Ok(text
            .lines()
            .position(on)
            .with_context(|| format!("procedure.md has no {what}"))?
            + 1)
    };
    let cases = [
        (
            "\n4. ",
            "\n5. ",
            line_of("step 4", &|l| l.starts_with("4. "))?,
            "steps must be numbered 1, 2, 3… with no gap",
        ),
        (
            "<!-- press: lock -->",
            "<!-- press: lok -->",
            line_of("press marker", &|l| l.contains("<!-- press: lock -->"))?,
            "`press`: unknown button `lok`: the key's buttons are unlock, lock, boot",
        ),
    ];
    for (from, to, line, message) in cases {
        let copy = changed_copy("malformed-book", "procedure.md", |text| {
            text.replacen(from, to, 1)
        })?;
        let out = cmd::tool(tools::MDBOOK.bin().to_str().expect("UTF-8 path"))
            .arg("build")
            .current_dir(&copy)
            .output()?;
        let stderr = String::from_utf8_lossy(&out.stderr);
        let expected = format!("src/procedure.md:{line}: {message}");
        if out.status.success() || !stderr.contains(&expected) {
            bail!("expected the build to fail with `{expected}`; it printed:\n{stderr}");
        }
        println!("the build fails with `{expected}`");
    }
    Ok(())
}

/// The article from ../shared/source, if it is there (it is not in a contributor's clone).
fn read_source_article() -> Result<Option<String>> {
    let dir = paths::source_article_dir();
    if !dir.exists() {
        return Ok(None);
    }
    read_article(&dir).map(Some)
}

/// Every file of the article's folder, one after another; an empty folder is an error, not an
/// article with nothing to copy.
fn read_article(dir: &Path) -> Result<String> {
    let mut article = String::new();
    let entries = fs::read_dir(dir).with_context(|| format!("reading {}", dir.display()))?;
    for entry in entries {
        article.push_str(&fs::read_to_string(entry?.path())?);
        article.push('\n');
    }
    if originality::words(&article).len() < originality::RUN {
        bail!("{}: the article's folder holds no article", dir.display());
    }
    Ok(article)
}

/// Every link and anchor in the built HTML, checked offline by lychee.
fn links() -> Result<()> {
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
            .args(built_pages()?),
    )
}

/// `mdbook serve`, as `cargo xtask serve` runs it, answers with the landing page.
fn serve_check() -> Result<()> {
    let port = TcpListener::bind("127.0.0.1:0")?.local_addr()?.port();
    let dest = paths::root().join("target").join("serve-check");
    let mut server = serve::spawn(port, &dest)?;
    let result = wait_for_page(port, "Mini Remote Fix", Duration::from_secs(60));
    server.kill().ok();
    server.wait().ok();
    result
}

fn wait_for_page(port: u16, expect: &str, limit: Duration) -> Result<()> {
    let start = Instant::now();
    loop {
        match http_get(port, "/") {
            Ok(body) if body.starts_with("HTTP/1.1 200") && body.contains(expect) => {
                println!("http://localhost:{port}/ answers 200 with the landing page");
                return Ok(());
            }
            _ if start.elapsed() > limit => bail!("nothing served on port {port} after {limit:?}"),
            _ => std::thread::sleep(Duration::from_millis(250)),
        }
    }
}

fn http_get(port: u16, path: &str) -> Result<String> {
    let mut stream = TcpStream::connect(("localhost", port))?;
    stream.set_read_timeout(Some(Duration::from_secs(5)))?;
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
    )?;
    let mut response = String::new();
    stream.read_to_string(&mut response)?;
    Ok(response)
}

fn browser_tests() -> Result<()> {
    // The offline update test needs a second build whose content differs: about.md gains a line.
    let copy = changed_copy("offline-update", "about.md", |text| {
        format!("{text}\nThis copy of the guide was rebuilt to test offline updates.\n")
    })?;
    let updated = copy.join("book");
    site::build_book(&copy, &updated)?;
    // The rename test follows an old address into a book where about.md became credits.md.
    let renamed = renamed_copy()?.join("book");
    browser::run_tests(
        &paths::book(),
        &[
            ("UPDATED_BOOK_DIR", &updated),
            ("RENAMED_BOOK_DIR", &renamed),
        ],
    )
}

#[cfg(test)]
mod tests {
    use super::{read_article, summary};

    #[test]
    fn an_empty_article_folder_is_an_error_not_an_article_with_nothing_to_copy() {
        let dir = std::env::temp_dir().join(format!("xtask-empty-article-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let err = read_article(&dir).unwrap_err().to_string();
        assert!(
            err.ends_with("the article's folder holds no article"),
            "{err}"
        );
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn stages_that_did_not_run_are_not_counted_as_passed() {
        assert_eq!(
            summary(3, &["build with no warning"], &["key facts", "serve"]),
            "xtask: 3 passed, 1 failed (build with no warning), 2 not run, as the build failed \
             (key facts, serve)"
        );
        assert_eq!(summary(13, &[], &[]), "xtask: 13 passed, 0 failed");
    }
}
