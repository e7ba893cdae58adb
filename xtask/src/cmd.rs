//! Running other programs, with the pinned tools first on PATH.

use crate::paths;
use anyhow::{bail, Context, Result};
use std::ffi::OsString;
use std::process::{Command, Output};

/// A command whose PATH starts with `.tools/bin`, so mdBook finds the pinned preprocessors.
pub fn tool(program: &str) -> Command {
    let mut cmd = Command::new(program);
    cmd.env("PATH", path_with_tools())
        .current_dir(paths::root());
    cmd
}

pub fn path_with_tools() -> OsString {
    let mut dirs = vec![paths::tools_bin()];
    if let Some(path) = std::env::var_os("PATH") {
        dirs.extend(std::env::split_paths(&path));
    }
    std::env::join_paths(dirs).expect("PATH entries contain no separator")
}

/// The cargo that runs us (so the same toolchain), in the repository root.
pub fn cargo() -> Command {
    let mut cmd = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()));
    cmd.current_dir(paths::root());
    cmd
}

/// Runs to completion with inherited output; a nonzero exit is an error naming the command.
pub fn run(cmd: &mut Command) -> Result<()> {
    println!("$ {}", describe(cmd));
    let status = cmd
        .status()
        .with_context(|| format!("could not start `{}`", describe(cmd)))?;
    if !status.success() {
        bail!("`{}` failed ({status})", describe(cmd));
    }
    Ok(())
}

/// Runs to completion and captures its output; a nonzero exit is an error that shows the output.
pub fn output(cmd: &mut Command) -> Result<Output> {
    let out = cmd
        .output()
        .with_context(|| format!("could not start `{}`", describe(cmd)))?;
    if !out.status.success() {
        bail!(
            "`{}` failed ({})\n{}{}",
            describe(cmd),
            out.status,
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
    }
    Ok(out)
}

pub fn describe(cmd: &Command) -> String {
    let mut words = vec![cmd.get_program().to_string_lossy().into_owned()];
    words.extend(cmd.get_args().map(|a| a.to_string_lossy().into_owned()));
    words.join(" ")
}
