//! The Rust stages: formatting, clippy with warnings as errors, and every crate's tests but the
//! checks of the built site, which need the build (they are stages of their own, after it).

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

/// Every test that needs no build: the workspace's, and the site checks' unit tests.
pub fn unit_tests() -> Result<()> {
    cargo(&["test", "--workspace", "--exclude", "site-checks"])?;
    cargo(&["test", "--package", "site-checks", "--lib"])
}
