//! `cargo xtask serve`: mdBook's own server, with live reload, on the pinned toolchain.

use crate::{cmd, tools};
use anyhow::Result;
use std::path::Path;
use std::process::{Child, Command};

pub const PORT: u16 = 3000;

pub fn run() -> Result<()> {
    tools::ensure(&tools::SITE_TOOLS)?;
    println!("serving at http://localhost:{PORT} (Ctrl-C to stop)");
    cmd::run(&mut command(PORT, None))
}

/// Starts the server in the background (used by the serve check in `cargo xtask test`).
pub fn spawn(port: u16, dest: &Path) -> Result<Child> {
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
