//! Bad input fails the build, naming the line: copies of the book with a mistake in the
//! procedure (a gap in the numbering, a button the key does not have) must not build, and mdBook
//! must print `src/procedure.md:<line>: what is wrong`.

use crate::{cmd, copies, paths, tools};
use anyhow::{bail, Context, Result};
use std::fs;

pub fn run() -> Result<()> {
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
        let copy = copies::changed("malformed-book", "procedure.md", |text| {
            text.replacen(from, to, 1)
        })?;
        let out = cmd::tool(tools::MDBOOK.bin().to_str().expect("UTF-8 path"))
            .arg("build")
            .current_dir(copy.path())
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
