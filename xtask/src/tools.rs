//! The pinned tools, in one table, installed with `cargo install --locked` into `.tools/`.
//!
//! mdbook-admonish 1.20.0's own lockfile pins the mdbook crate at 0.4.51, and the preprocessor warns
//! whenever the mdbook that runs it is another version. So we build it from its published source
//! with a lockfile of ours (`xtask/locks/`), which differs from upstream's only by
//! `cargo update -p mdbook --precise 0.4.52`: the pair then agree, and the build stays reproducible.

use crate::{cmd, paths};
use anyhow::{anyhow, Context, Result};
use std::fs;
use std::path::Path;

pub struct CrateTool {
    pub name: &'static str,
    pub version: &'static str,
    /// The program installed that tells whether the crate is (the crate may install several).
    binary: &'static str,
    /// Our lockfile for the crate, when its own does not suit us (see the module comment).
    lock: Option<&'static str>,
}

/// Keep MDBOOK in sync with the mdbook version in `xtask/locks/mdbook-admonish-*.Cargo.lock`.
pub const MDBOOK: CrateTool = CrateTool::new("mdbook", "0.4.52", "mdbook");
pub const MDBOOK_ADMONISH: CrateTool = CrateTool {
    lock: Some(include_str!("../locks/mdbook-admonish-1.20.0.Cargo.lock")),
    ..CrateTool::new("mdbook-admonish", "1.20.0", "mdbook-admonish")
};
/// Translations (gettext, the workflow of mdBook's translated books): `mdbook-gettext`, the
/// preprocessor that builds a language from `po/<lang>.po`, and `mdbook-xgettext`, the renderer
/// that writes the template of messages. Its own lockfile pins the mdbook crate at 0.4.44, and it
/// warns only when the running mdBook is outside `^0.4.44`: 0.4.52 is inside.
pub const MDBOOK_I18N_HELPERS: CrateTool =
    CrateTool::new("mdbook-i18n-helpers", "0.3.6", "mdbook-gettext");
/// Link and anchor checker for the built HTML.
pub const LYCHEE: CrateTool = CrateTool::new("lychee", "0.24.2", "lychee");

/// What `build` and `serve` need.
pub const SITE_TOOLS: [&CrateTool; 3] = [&MDBOOK, &MDBOOK_ADMONISH, &MDBOOK_I18N_HELPERS];

pub fn ensure(tools: &[&CrateTool]) -> Result<()> {
    for tool in tools {
        tool.ensure()?;
    }
    Ok(())
}

impl CrateTool {
    /// The crate `name` at `version`, which installs `binary`, built with its own lockfile.
    const fn new(name: &'static str, version: &'static str, binary: &'static str) -> Self {
        CrateTool {
            name,
            version,
            binary,
            lock: None,
        }
    }

    pub fn bin(&self) -> std::path::PathBuf {
        paths::tools_bin().join(self.binary)
    }

    /// What the stamp file records: a changed version or lockfile triggers a reinstall.
    fn stamp_text(&self) -> String {
        format!(
            "{} {}\n{}",
            self.name,
            self.version,
            self.lock.unwrap_or("")
        )
    }

    fn stamp_path(&self) -> std::path::PathBuf {
        paths::tools().join("stamps").join(self.name)
    }

    fn ensure(&self) -> Result<()> {
        let installed = self.bin().exists()
            && fs::read_to_string(self.stamp_path()).ok().as_deref() == Some(&self.stamp_text());
        if installed {
            return Ok(());
        }
        println!("installing {} {} into .tools/", self.name, self.version);
        match self.lock {
            None => cmd::run(
                cmd::cargo()
                    .args([
                        "install",
                        self.name,
                        "--version",
                        self.version,
                        "--locked",
                        "--force",
                        "--root",
                    ])
                    .arg(paths::tools()),
            )?,
            Some(lock) => self.install_with_lock(lock)?,
        }
        fs::create_dir_all(paths::tools().join("stamps"))?;
        fs::write(self.stamp_path(), self.stamp_text())?;
        Ok(())
    }

    fn install_with_lock(&self, lock: &str) -> Result<()> {
        let source = self.fetch_source()?;
        let build_dir = paths::tools()
            .join("src")
            .join(format!("{}-{}", self.name, self.version));
        if build_dir.exists() {
            fs::remove_dir_all(&build_dir)?;
        }
        copy_dir(&source, &build_dir)?;
        fs::write(build_dir.join("Cargo.lock"), lock)?;
        cmd::run(
            cmd::cargo()
                .args(["install", "--locked", "--force", "--path"])
                .arg(&build_dir)
                .arg("--root")
                .arg(paths::tools()),
        )
    }

    /// Lets Cargo download the published crate, and returns the folder it unpacked it into.
    fn fetch_source(&self) -> Result<std::path::PathBuf> {
        let dir = paths::tools()
            .join("src")
            .join(format!("fetch-{}", self.name));
        fs::create_dir_all(dir.join("src"))?;
        fs::write(
            dir.join("Cargo.toml"),
            format!(
                "[package]\nname = \"fetch-{name}\"\nversion = \"0.0.0\"\nedition = \"2021\"\n\n\
                 [workspace]\n\n[dependencies]\n{name} = \"={version}\"\n",
                name = self.name,
                version = self.version
            ),
        )?;
        fs::write(dir.join("src").join("lib.rs"), "")?;
        let out = cmd::output(
            cmd::cargo()
                .args(["metadata", "--format-version", "1", "--manifest-path"])
                .arg(dir.join("Cargo.toml")),
        )?;
        let meta: serde_json::Value = serde_json::from_slice(&out.stdout)?;
        let manifest = meta["packages"]
            .as_array()
            .into_iter()
            .flatten()
            .find(|p| p["name"] == self.name && p["version"] == self.version)
            .and_then(|p| p["manifest_path"].as_str())
            .ok_or_else(|| anyhow!("cargo metadata did not list {} {}", self.name, self.version))?;
        Ok(Path::new(manifest)
            .parent()
            .expect("a manifest path has a folder")
            .to_path_buf())
    }
}

/// A copy of the folder `from`, with everything in it, at `to`.
pub fn copy_dir(from: &Path, to: &Path) -> Result<()> {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.with_context(|| format!("reading {}", from.display()))?;
        let target = to.join(entry.path().strip_prefix(from)?);
        if entry.file_type().is_dir() {
            fs::create_dir_all(&target)?;
        } else {
            fs::copy(entry.path(), &target)?;
        }
    }
    Ok(())
}
