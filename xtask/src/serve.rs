//! `cargo xtask serve`: the site exactly as `cargo xtask build` makes it, at
//! http://localhost:3000, rebuilt when a chapter, a translation, the theme, book.toml or the
//! preprocessor changes, and reloaded in the browser; and the test stage that checks all three.
//!
//! Not `mdbook serve`: it serves mdBook's output alone, where each page's own policy blocks its
//! first-paint script (the script's hash is added after mdBook) and search's files do not exist.
//! Pages served here get `data-live-reload`: book.js then asks [`RELOAD`] for the build's number
//! every second and reloads the page when it changes. The built files are not touched.

use crate::{build, copies, paths};
use anyhow::{anyhow, bail, Result};
use notify_debouncer_mini::notify::{RecommendedWatcher, RecursiveMode};
use notify_debouncer_mini::{new_debouncer, DebounceEventResult, Debouncer};
use percent_encoding::percent_decode_str;
use std::fs;
use std::io::Cursor;
use std::path::{Component, Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant, SystemTime};
use tiny_http::{Header, Response, Server};
use walkdir::WalkDir;

pub const PORT: u16 = 3000;

/// Where a page asks for the number of the build it shows.
const RELOAD: &str = "/__livereload";

/// What a change to any of these rebuilds (relative to the book's root): the preprocessor
/// with the table of attributes it reads.
const WATCHED: [&str; 6] = [
    "book.toml",
    "src",
    "po",
    "theme",
    "crates/mdbook-procedure/src",
    "crates/html-loads/src",
];

pub fn run() -> Result<()> {
    let site = Site::start(&paths::root(), &paths::book(), PORT)?;
    println!("serving at http://localhost:{PORT} (Ctrl-C to stop); a change rebuilds and reloads");
    site.server
        .join()
        .map_err(|_| anyhow!("the server stopped"))
}

/// The stage: in a copy of the book, the server answers with the landing page, and a changed
/// chapter is rebuilt and served with a new build number (the open pages' signal to reload).
pub fn check() -> Result<()> {
    let copy = copies::changed("serve", "about.md", str::to_owned)?;
    let site = Site::start(copy.path(), &copy.path().join("book"), 0)?;
    let landing = get(site.port, "/")?;
    if !landing.contains("Mini Remote Fix")
        || !landing.contains(r#"data-live-reload="/__livereload""#)
    {
        bail!(
            "http://localhost:{}/ is not the landing page, ready to reload",
            site.port
        );
    }
    let first = get(site.port, RELOAD)?;
    const CHANGE: &str = "Served fresh after an edit.";
    let about = copy.path().join("src/about.md");
    fs::write(
        &about,
        format!("{}\n{CHANGE}\n", fs::read_to_string(&about)?),
    )?;
    let start = Instant::now();
    while get(site.port, RELOAD)? == first || !get(site.port, "/about.html")?.contains(CHANGE) {
        if start.elapsed() > Duration::from_secs(120) {
            bail!("an edit to about.md was not rebuilt and served within two minutes");
        }
        std::thread::sleep(Duration::from_millis(250));
    }
    println!(
        "the served site answers, and an edit was rebuilt and served in {:.1} s",
        start.elapsed().as_secs_f64()
    );
    Ok(())
}

/// A site being served, and the watcher that rebuilds it.
struct Site {
    port: u16,
    server: std::thread::JoinHandle<()>,
    _watcher: Debouncer<RecommendedWatcher>,
}

impl Site {
    /// Builds the book of `root` into `dest`, serves it on `port` (0: any free port) and
    /// rebuilds it on every change.
    fn start(root: &Path, dest: &Path, port: u16) -> Result<Site> {
        build::build_book(root, dest)?;
        let build = Arc::new(AtomicU64::new(1));
        let watcher = watch(root, dest, Arc::clone(&build))?;
        let server = Server::http(("127.0.0.1", port)).map_err(|e| anyhow!("port {port}: {e}"))?;
        let port = server
            .server_addr()
            .to_ip()
            .map(|address| address.port())
            .ok_or_else(|| anyhow!("the server has no TCP port"))?;
        let dir = dest.to_path_buf();
        let server = std::thread::spawn(move || {
            for request in server.incoming_requests() {
                let response = respond(&dir, request.url(), &build);
                request.respond(response).ok(); // a browser that went away
            }
        });
        Ok(Site {
            port,
            server,
            _watcher: watcher,
        })
    }
}

/// Rebuilds when a file under [`WATCHED`] changes, a burst of changes once; a failed build is
/// reported and the last good one stays served. The watcher also reports files merely read (the
/// build reads them all), so a rebuild needs the files' sizes or times to have changed.
fn watch(root: &Path, dest: &Path, build: Arc<AtomicU64>) -> Result<Debouncer<RecommendedWatcher>> {
    let (book, out) = (root.to_path_buf(), dest.to_path_buf());
    let mut built = stamp(root);
    let mut debouncer = new_debouncer(
        Duration::from_millis(300),
        move |events: DebounceEventResult| {
            let now = stamp(&book);
            if events.is_err() || now == built {
                return;
            }
            built = now;
            match build::build_book(&book, &out) {
                Ok(_) => {
                    build.fetch_add(1, Ordering::SeqCst);
                    println!("rebuilt: open pages reload");
                }
                Err(error) => {
                    eprintln!("the build failed; still serving the last good one: {error:#}")
                }
            }
        },
    )?;
    for path in WATCHED.map(|p| root.join(p)).iter().filter(|p| p.exists()) {
        debouncer.watcher().watch(path, RecursiveMode::Recursive)?;
    }
    Ok(debouncer)
}

/// Every watched file with its size and time of change.
fn stamp(root: &Path) -> Vec<(PathBuf, u64, Option<SystemTime>)> {
    WATCHED
        .iter()
        .flat_map(|p| WalkDir::new(root.join(p)).sort_by_file_name())
        .filter_map(|entry| {
            let entry = entry.ok()?;
            let meta = entry.metadata().ok()?;
            Some((entry.into_path(), meta.len(), meta.modified().ok()))
        })
        .collect()
}

fn respond(dir: &Path, url: &str, build: &AtomicU64) -> Response<Cursor<Vec<u8>>> {
    let path = url.split(['?', '#']).next().unwrap_or("/");
    if path == RELOAD {
        let number = build.load(Ordering::SeqCst).to_string();
        return with_type(Response::from_string(number), "text/plain");
    }
    let file = local(dir, path).map(|f| if f.is_dir() { f.join("index.html") } else { f });
    match file.as_deref().map(|f| (f, fs::read(f))) {
        Some((file, Ok(bytes))) => file_response(file, bytes, 200),
        _ => {
            let page = dir.join("404.html");
            let bytes = fs::read(&page).unwrap_or_else(|_| b"Not found".to_vec());
            file_response(&page, bytes, 404)
        }
    }
}

/// The file a URL path names inside `dir`, or none if it would leave it.
fn local(dir: &Path, path: &str) -> Option<PathBuf> {
    let decoded = percent_decode_str(path).decode_utf8().ok()?;
    let relative = Path::new(decoded.trim_start_matches('/'));
    let inside = relative
        .components()
        .all(|c| matches!(c, Component::Normal(_)));
    inside.then(|| dir.join(relative))
}

/// A file with its type; pages get the attribute that turns on live reload in book.js.
fn file_response(file: &Path, bytes: Vec<u8>, status: u16) -> Response<Cursor<Vec<u8>>> {
    let kind = mime_guess::from_path(file).first_or_octet_stream();
    let bytes = if kind == mime_guess::mime::TEXT_HTML {
        String::from_utf8_lossy(&bytes)
            .replacen(
                "<html ",
                &format!(r#"<html data-live-reload="{RELOAD}" "#),
                1,
            )
            .into_bytes()
    } else {
        bytes
    };
    with_type(
        Response::from_data(bytes).with_status_code(status),
        kind.as_ref(),
    )
}

fn with_type(response: Response<Cursor<Vec<u8>>>, kind: &str) -> Response<Cursor<Vec<u8>>> {
    let header = |name: &str, value: &str| {
        Header::from_bytes(name.as_bytes(), value.as_bytes()).expect("a valid header")
    };
    response
        .with_header(header("Content-Type", kind))
        .with_header(header("Cache-Control", "no-store"))
}

fn get(port: u16, path: &str) -> Result<String> {
    let url = format!("http://127.0.0.1:{port}{path}");
    Ok(ureq::get(&url).call()?.body_mut().read_to_string()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_path_stays_inside_the_book() {
        let dir = Path::new("/book");
        assert_eq!(local(dir, "/about.html"), Some(dir.join("about.html")));
        assert_eq!(
            local(dir, "/images/a%20key.svg"),
            Some(dir.join("images/a key.svg"))
        );
        assert_eq!(local(dir, "/"), Some(dir.to_path_buf()));
        assert_eq!(local(dir, "/../etc/passwd"), None);
        assert_eq!(local(dir, "/%2e%2e/etc/passwd"), None);
    }

    #[test]
    fn pages_get_live_reload_and_other_files_are_left_alone() {
        let served = |file: &str, bytes: &[u8]| {
            let mut body = String::new();
            let response = file_response(Path::new(file), bytes.to_vec(), 200);
            std::io::Read::read_to_string(&mut response.into_reader(), &mut body).unwrap();
            body
        };
        assert_eq!(
            served("a.html", b"<html lang=\"en\"></html>"),
            r#"<html data-live-reload="/__livereload" lang="en"></html>"#
        );
        assert_eq!(served("a.js", b"<html "), "<html ");
    }
}
