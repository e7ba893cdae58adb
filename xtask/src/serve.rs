//! `cargo xtask serve`: mdBook's own server, with live reload, on the pinned toolchain; and the
//! test stage that checks it answers.

use crate::{cmd, paths, tools};
use anyhow::{bail, Result};
use std::net::TcpListener;
use std::path::Path;
use std::process::{Child, Command};
use std::time::{Duration, Instant};

pub const PORT: u16 = 3000;

pub fn run() -> Result<()> {
    tools::ensure(&tools::SITE_TOOLS)?;
    println!("serving at http://localhost:{PORT} (Ctrl-C to stop)");
    cmd::run(&mut command(PORT, None))
}

/// The stage: `mdbook serve`, as `cargo xtask serve` runs it, answers with the landing page.
pub fn check() -> Result<()> {
    let port = TcpListener::bind("127.0.0.1:0")?.local_addr()?.port();
    let dest = paths::root().join("target").join("serve-check");
    let mut server = spawn(port, &dest)?;
    let result = wait_for_page(port, "Mini Remote Fix", Duration::from_secs(60));
    server.kill().ok();
    server.wait().ok();
    result
}

/// Starts the server in the background.
fn spawn(port: u16, dest: &Path) -> Result<Child> {
    tools::ensure(&tools::SITE_TOOLS)?;
    Ok(command(port, Some(dest)).spawn()?)
}

fn command(port: u16, dest: Option<&Path>) -> Command {
    let mut mdbook = cmd::tool(tools::MDBOOK.bin().to_str().expect("UTF-8 path"));
    mdbook
        .args(["serve", "--hostname", "localhost", "--port"])
        .arg(port.to_string());
    if let Some(dest) = dest {
        mdbook.arg("--dest-dir").arg(dest);
    }
    mdbook
}

fn wait_for_page(port: u16, expect: &str, limit: Duration) -> Result<()> {
    let start = Instant::now();
    let url = format!("http://localhost:{port}/");
    loop {
        let page = ureq::get(&url)
            .call()
            .ok()
            .and_then(|mut response| response.body_mut().read_to_string().ok());
        match page {
            Some(body) if body.contains(expect) => {
                println!("{url} answers with the landing page");
                return Ok(());
            }
            _ if start.elapsed() > limit => bail!("nothing served on port {port} after {limit:?}"),
            _ => std::thread::sleep(Duration::from_millis(250)),
        }
    }
}
