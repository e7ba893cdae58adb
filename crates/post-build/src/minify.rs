//! Our theme's scripts and styles as readers get them: without comments or indentation. The files
//! in `theme/` keep their comments for whoever changes them; a phone on one bar of signal downloads
//! only the code. mdBook has already copied them into the book (`book-<hash>.js` and
//! `theme/…-<hash>.css|js`); mdBook's own files are left as they come. `search` minifies its
//! script with [`js`] as it writes it.
//! Scripts go through oxc's minifier, which also shortens local names (a quarter off book.js after
//! gzip, and what keeps search within its budget); styles through rustdoc's (the `minifier`
//! crate). Every browser test runs on their output.

use anyhow::{anyhow, bail, Context, Result};
use oxc_allocator::Allocator;
use oxc_codegen::{Codegen, CodegenOptions};
use oxc_minifier::{Minifier, MinifierOptions};
use oxc_parser::Parser;
use oxc_span::SourceType;
use std::fs;
use std::path::{Path, PathBuf};
use walkdir::WalkDir;

/// Minifies the theme's files in `book_dir`; returns their total size before and after.
pub fn theme(book_dir: &Path) -> Result<(usize, usize)> {
    let (mut before, mut after) = (0, 0);
    for path in theme_files(book_dir)? {
        let text = fs::read_to_string(&path).with_context(|| format!("{}", path.display()))?;
        let small = if path.extension().is_some_and(|e| e == "css") {
            minifier::css::minify(&text)
                .map_err(|e| anyhow!("{}: {e}", path.display()))?
                .to_string()
        } else {
            js(&text).with_context(|| format!("{}", path.display()))?
        };
        let small = small.trim();
        before += text.len();
        after += small.len();
        fs::write(&path, small)?;
    }
    Ok((before, after))
}

/// A script of ours as small as it goes: comments and spaces out, local names shortened (oxc's
/// minifier; a classic script, so its global names stay: guided mode's files share some).
pub fn js(code: &str) -> Result<String> {
    let allocator = Allocator::default();
    let parsed = Parser::new(&allocator, code, SourceType::script()).parse();
    if let Some(error) = parsed.diagnostics.first() {
        bail!("not JavaScript the minifier can read: {error}");
    }
    let mut program = parsed.program;
    let minified = Minifier::new(MinifierOptions::default()).minify(&allocator, &mut program);
    Ok(Codegen::new()
        .with_options(CodegenOptions::minify())
        .with_scoping(minified.scoping)
        .build(&program)
        .code
        .trim()
        .to_owned())
}

/// `book-<hash>.js` (our theme/book.js) and every script and style under `theme/`.
fn theme_files(book_dir: &Path) -> Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    for entry in WalkDir::new(book_dir.join("theme")).sort_by_file_name() {
        let path = entry?.into_path();
        if path.extension().is_some_and(|e| e == "js" || e == "css") {
            files.push(path);
        }
    }
    for entry in fs::read_dir(book_dir)? {
        let path = entry?.path();
        let name = path.file_name().unwrap_or_default().to_string_lossy();
        if name.starts_with("book-") && name.ends_with(".js") {
            files.push(path);
        }
    }
    Ok(files)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_go_and_code_stays() {
        let js = "// why\nconst url = `${a}//${b}`; /* note */\nconst re = /[A-Z]/g;\n";
        let css = "/* why */\n.a {\n    top: calc(1.44rem - 24px);\n}\n";
        let temp = crate::test_folder::with(&[
            ("book-1a2b3c4d.js", js),
            ("theme/guided/mode-1a2b3c4d.css", css),
            ("searcher-1a2b3c4d.js", js),
        ]);
        let dir = temp.path();

        let (before, after) = theme(dir).unwrap();
        assert_eq!(before, js.len() + css.len());
        assert!(after < before);
        let read = |f: &str| fs::read_to_string(dir.join(f)).unwrap();
        assert_eq!(
            read("book-1a2b3c4d.js"),
            "const url=`${a}//${b}`,re=/[A-Z]/g;"
        );
        assert_eq!(
            read("theme/guided/mode-1a2b3c4d.css"),
            ".a{top:calc(1.44rem - 24px);}"
        );
        assert_eq!(
            read("searcher-1a2b3c4d.js"),
            js,
            "mdBook's own files are left alone"
        );
    }

    #[test]
    fn local_names_shrink_and_global_ones_stay() {
        let code = "(function () { const longName = window.a; window.b = longName + longName; })();\nvar shared = 1;";
        let small = js(code).unwrap();
        assert!(!small.contains("longName"), "{small}");
        assert!(small.contains("var shared=1"), "{small}");
    }

    #[test]
    fn a_script_that_does_not_parse_fails_the_build() {
        let error = js("const = ;").unwrap_err().to_string();
        assert!(error.contains("not JavaScript"), "{error}");
    }
}
