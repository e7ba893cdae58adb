//! The Rust stages: formatting, clippy with warnings as errors, and every crate's tests.

use crate::cmd;
use anyhow::Result;

fn cargo(args: &[&str]) -> Result<()> {
    cmd::run(cmd::cargo().args(args))
}

pub fn fmt() -> Result<()> {
    cargo(&["fmt", "--all", "--check"])
}

pub fn clippy() -> Result<()> {
    cargo(&[
        "clippy",
        "--workspace",
        "--all-targets",
        "--",
        "-D",
        "warnings",
    ])
}

pub fn unit_tests() -> Result<()> {
    cargo(&["test", "--workspace"])
}
