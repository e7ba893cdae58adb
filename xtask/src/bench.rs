//! `cargo xtask bench`: how long the build takes, how the preprocessor scales, how heavy each
//! page is, and Lighthouse mobile on our build, the floor (the same text as bare HTML) and stock
//! mdBook, side by side in one run; appended to BENCHMARKS.md with the date and the machine.

use crate::{browser, build, cmd, paths, tools};
use anyhow::Result;
use std::fmt::Write as _;
use std::fs;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Instant;

const BUILD_RUNS: usize = 5;
const PREPROCESSOR_RUNS: usize = 30;

pub fn run() -> Result<()> {
    tools::ensure(&tools::SITE_TOOLS)?;
    let dest = paths::root().join("target").join("bench-book");

    let mut times = Vec::new();
    for _ in 0..BUILD_RUNS {
        let start = Instant::now();
        build::build_into(&dest)?;
        times.push(start.elapsed().as_secs_f64() * 1000.0);
    }
    times.sort_by(f64::total_cmp);

    let languages = post_build::Site::from_book_toml(&paths::root().join("book.toml"))?
        .languages
        .len();
    let mut report = String::new();
    writeln!(report, "## {} — {}\n", today()?, machine())?;
    writeln!(
        report,
        "mdBook {}, mdbook-admonish {}, mdbook-i18n-helpers {}. Full build (`cargo xtask build`, English and its {} translations: mdBook, then the post-build: minified theme, search files, inlined styles, translated words, previews and cards, prune, manifest, service worker; then sitemap and headers), {BUILD_RUNS} runs: \
         median {:.0} ms, min {:.0} ms, max {:.0} ms.\n",
        tools::MDBOOK.version,
        tools::MDBOOK_ADMONISH.version,
        tools::MDBOOK_I18N_HELPERS.version,
        languages - 1,
        times[BUILD_RUNS / 2],
        times[0],
        times[BUILD_RUNS - 1]
    )?;
    let pre = preprocessor_times()?;
    writeln!(
        report,
        "Preprocessor `mdbook-procedure` (release build) on this book's JSON, {PREPROCESSOR_RUNS} runs, \
         process start to exit: median {:.1} ms, min {:.1} ms, max {:.1} ms.\n",
        pre[PREPROCESSOR_RUNS / 2],
        pre[0],
        pre[PREPROCESSOR_RUNS - 1]
    )?;
    writeln!(
        report,
        "Preprocessor scaling (release build, one chapter of N steps, each with a window, a held \
         button and a step reference; best of {SCALING_RUNS} runs):\n\n| steps | ms | ratio to the \
         row above |\n| ---: | ---: | ---: |"
    )?;
    let mut previous: Option<f64> = None;
    for (steps, ms) in preprocessor_scaling()? {
        let ratio = previous.map_or_else(String::new, |p| format!("{:.1}×", ms / p));
        writeln!(report, "| {steps} | {ms:.0} | {ratio} |")?;
        previous = Some(ms);
    }
    writeln!(report)?;
    writeln!(report, "| page | HTML bytes |\n| --- | ---: |")?;
    // Every English page, then the translations' procedure pages, the heaviest of each language.
    let site = post_build::Site::from_book_toml(&paths::root().join("book.toml"))?;
    for page in post_build::pages::of_site(&site, &dest)? {
        if page.language == catalogue::SOURCE_LANGUAGE || page.file == "procedure.html" {
            let size = fs::metadata(&page.disk)?.len();
            writeln!(report, "| {} | {size} |", page.path)?;
        }
    }
    writeln!(report, "\nWhole site: {} bytes.\n", dir_size(&dest)?)?;
    report.push_str(&against_stock(&dest)?);
    report.push('\n');

    print!("\n{report}");
    record(&report)
}

/// Times the release preprocessor alone on exactly the JSON mdBook sends it for this book.
fn preprocessor_times() -> Result<Vec<f64>> {
    // A build of its own: mdBook empties its destination, and the benchmarked site must keep
    // what `cargo xtask build` adds after mdBook (manifest, service worker…).
    let dest = paths::root().join("target/bench-capture-book");
    cmd::run(cmd::cargo().args([
        "build",
        "--quiet",
        "--release",
        "--package",
        "mdbook-procedure",
    ]))?;
    let binary = paths::root().join("target/release/mdbook-procedure");
    let input = paths::root().join("target/bench-preprocessor-input.json");
    // mdBook appends `supports html` for its check, and nothing for the real run: answer the
    // check, and on the real run keep a copy of stdin while passing it through.
    let capture = format!(
        "sh -c '[ \"$2\" = supports ] && exit 0; tee \"$0\" | \"$1\"' {} {}",
        input.display(),
        binary.display()
    );
    let mut mdbook = cmd::tool(tools::MDBOOK.bin().to_str().expect("UTF-8 path"));
    mdbook
        .args(["build", "--dest-dir"])
        .arg(&dest)
        .env("MDBOOK_PREPROCESSOR__PROCEDURE__COMMAND", capture);
    cmd::output(&mut mdbook)?;

    let mut times = (0..PREPROCESSOR_RUNS)
        .map(|_| time_preprocessor(&binary, &input))
        .collect::<Result<Vec<_>>>()?;
    times.sort_by(f64::total_cmp);
    Ok(times)
}

/// One run of the preprocessor `binary` on `input`, in ms.
fn time_preprocessor(binary: &Path, input: &Path) -> Result<f64> {
    let start = Instant::now();
    let status = Command::new(binary)
        .stdin(fs::File::open(input)?)
        .stdout(Stdio::null())
        .status()?;
    let ms = start.elapsed().as_secs_f64() * 1000.0;
    anyhow::ensure!(
        status.success(),
        "mdbook-procedure failed on {}",
        input.display()
    );
    Ok(ms)
}

const SCALING_STEPS: [usize; 3] = [1_000, 5_000, 20_000];
const SCALING_RUNS: usize = 3;

/// The release preprocessor on one generated chapter of 1,000, 5,000 and 20,000 steps, with this
/// book's context as mdBook sent it (captured by `preprocessor_times`): its cost should grow
/// linearly with the chapter. Returns (steps, best time in ms).
fn preprocessor_scaling() -> Result<Vec<(usize, f64)>> {
    let binary = paths::root().join("target/release/mdbook-procedure");
    let captured = paths::root().join("target/bench-preprocessor-input.json");
    let [context, _book]: [serde_json::Value; 2] =
        serde_json::from_str(&fs::read_to_string(&captured)?)?;
    let mut rows = Vec::new();
    for steps in SCALING_STEPS {
        let mut chapter = String::from("# A long procedure\n\n<!-- procedure -->\n");
        for n in 1..=steps {
            let previous = n.saturating_sub(1).max(1);
            writeln!(
                chapter,
                "{n}. Hold **lock**, as in step {previous}. <!-- window: 5s --> <!-- hold: lock -->"
            )?;
        }
        let book = serde_json::json!({
            "sections": [{"Chapter": {
                "name": "A long procedure", "content": chapter, "number": null,
                "sub_items": [], "path": "long.md", "source_path": "long.md", "parent_names": []
            }}],
            "__non_exhaustive": null
        });
        let input = paths::root().join(format!("target/bench-scaling-{steps}.json"));
        fs::write(&input, serde_json::to_vec(&(&context, &book))?)?;
        let mut best = f64::MAX;
        for _ in 0..SCALING_RUNS {
            best = best.min(time_preprocessor(&binary, &input)?);
        }
        println!("preprocessor: {steps} steps in {best:.0} ms");
        rows.push((steps, best));
    }
    Ok(rows)
}

/// The floor: each chapter of our build as bare HTML, its `<main>` only, without scripts,
/// styles, drawings or controls: the fastest a page with the same text could be.
fn floor(ours: &Path, dest: &Path) -> Result<()> {
    if dest.exists() {
        fs::remove_dir_all(dest)?;
    }
    fs::create_dir_all(dest)?;
    let main = scraper::Selector::parse("main").expect("valid selector");
    let title = scraper::Selector::parse("title").expect("valid selector");
    for file in post_build::pages::in_folder(ours)? {
        let path = ours.join(&file);
        let doc = scraper::Html::parse_document(&fs::read_to_string(&path)?);
        let Some(content) = doc.select(&main).next() else {
            continue;
        };
        let bare = lol_html::rewrite_str(
            &content.inner_html(),
            lol_html::RewriteStrSettings::new().append_element_content_handler(lol_html::element!(
                "script, style, svg, img, button, [hidden]",
                |el| {
                    el.remove();
                    Ok(())
                }
            )),
        )?;
        let name = doc
            .select(&title)
            .next()
            .map(|t| t.inner_html())
            .unwrap_or_default();
        fs::write(
            dest.join(&file),
            format!(
                "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
                 <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
                 <title>{name}</title>\n</head>\n<body>\n<main>{bare}</main>\n</body>\n</html>\n"
            ),
        )?;
    }
    Ok(())
}

/// Builds the floor and the same chapters with mdBook's stock theme, then runs
/// `bench/lighthouse.mjs` on the three builds; returns its Markdown tables.
fn against_stock(ours: &Path) -> Result<String> {
    let target = paths::root().join("target");
    let floor_dir = target.join("bench-floor");
    floor(ours, &floor_dir)?;
    let stock = target.join("bench-stock-book");
    // An empty theme folder gives mdBook's built-in theme; admonitions keep their styles.
    let empty_theme = target.join("bench-stock-theme");
    fs::create_dir_all(&empty_theme)?;
    build::build_with(
        &stock,
        &[
            (
                "MDBOOK_OUTPUT__HTML__THEME",
                empty_theme.to_str().expect("UTF-8 path"),
            ),
            (
                "MDBOOK_OUTPUT__HTML__ADDITIONAL_CSS",
                r#"["theme/admonish.css"]"#,
            ),
            ("MDBOOK_OUTPUT__HTML__ADDITIONAL_JS", "[]"),
        ],
    )?;
    browser::ensure_chromium()?;
    browser::ensure_node_packages(&paths::bench())?;
    println!("running Lighthouse on the three builds (several minutes)");
    let out = cmd::output(
        Command::new("node")
            .arg("lighthouse.mjs")
            .args([ours, &floor_dir, &stock])
            .current_dir(paths::bench())
            .env("CHROME_PATH", browser::CHROMIUM),
    )?;
    Ok(String::from_utf8(out.stdout)?)
}

/// Puts the newest results first, under the file's heading.
fn record(report: &str) -> Result<()> {
    let path = paths::root().join("BENCHMARKS.md");
    let heading = "# Benchmarks\n\nNewest first. Made by `cargo xtask bench`.\n\n";
    let old = fs::read_to_string(&path).unwrap_or_default();
    let rest = old.strip_prefix(heading).unwrap_or(&old);
    fs::write(&path, format!("{heading}{report}{rest}"))?;
    println!("recorded in BENCHMARKS.md");
    Ok(())
}

fn dir_size(dir: &Path) -> Result<u64> {
    let mut total = 0;
    for entry in walkdir::WalkDir::new(dir) {
        let entry = entry?;
        if entry.file_type().is_file() {
            total += entry.metadata()?.len();
        }
    }
    Ok(total)
}

fn today() -> Result<String> {
    let out = cmd::output(Command::new("date").args(["-u", "+%Y-%m-%d"]))?;
    Ok(String::from_utf8_lossy(&out.stdout).trim().to_owned())
}

/// "2 cores, Intel(R) Xeon(R) …, 23 GiB": enough to compare runs across machines.
fn machine() -> String {
    let cores = std::thread::available_parallelism().map_or(0, |n| n.get());
    let cpuinfo = fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
    let cpu = cpuinfo
        .lines()
        .find_map(|l| l.strip_prefix("model name"))
        .map(|l| l.trim_start_matches([' ', '\t', ':']).to_owned())
        .unwrap_or_else(|| "unknown CPU".into());
    let meminfo = fs::read_to_string("/proc/meminfo").unwrap_or_default();
    let mem_gib = meminfo
        .lines()
        .find_map(|l| l.strip_prefix("MemTotal:"))
        .and_then(|l| l.trim().trim_end_matches(" kB").parse::<u64>().ok())
        .map_or(0, |kb| kb / 1024 / 1024);
    format!("{cores} cores, {cpu}, {mem_gib} GiB")
}
