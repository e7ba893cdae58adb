//! The service worker (`sw.js`, at the site's root so that it controls every page), from
//! `theme/offline/service-worker.js` with the files to precache and a version made from their
//! content filled in.

use super::precache::precache_list;
use anyhow::{bail, Context, Result};
use sha2::{Digest, Sha256};
use std::fs;
use std::path::Path;

const VERSION_LINE: &str = "const VERSION = 'dev';";
const PRECACHE_LINE: &str = "const PRECACHE = [];";

/// Writes `book_dir/sw.js` from `template`, precaching the pages, what they name and `also`
/// (the manifest's icons); returns the precached files and the version.
pub fn write(book_dir: &Path, template: &Path, also: &[String]) -> Result<(Vec<String>, String)> {
    let files = precache_list(book_dir, also)?;
    let version = version(book_dir, &files)?;
    let source =
        fs::read_to_string(template).with_context(|| format!("reading {}", template.display()))?;
    for line in [VERSION_LINE, PRECACHE_LINE] {
        if !source.contains(line) {
            bail!(
                "{}: the line `{line}` to fill in is missing",
                template.display()
            );
        }
    }
    // "./" is the site's root, which the home-screen icon opens. The list and the version are
    // written by a serializer: a JSON array and string are JavaScript, whatever a name holds.
    let list: Vec<&str> = std::iter::once("./")
        .chain(files.iter().map(String::as_str))
        .collect();
    let worker = source
        .replace(
            VERSION_LINE,
            &format!("const VERSION = {};", serde_json::to_string(&version)?),
        )
        .replace(
            PRECACHE_LINE,
            &format!("const PRECACHE = {};", serde_json::to_string_pretty(&list)?),
        );
    fs::write(book_dir.join("sw.js"), worker)?;
    Ok((files, version))
}

/// The first 12 hex digits of a SHA-256 over every precached file's name and bytes.
fn version(book_dir: &Path, files: &[String]) -> Result<String> {
    let mut hash = Sha256::new();
    for file in files {
        hash.update(file.as_bytes());
        hash.update([0]);
        hash.update(fs::read(book_dir.join(file)).with_context(|| file.clone())?);
    }
    Ok(hash
        .finalize()
        .iter()
        .take(6)
        .map(|b| format!("{b:02x}"))
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_with_quotes_backslashes_and_ampersands_make_valid_javascript() {
        let odd = "it's \"odd\" \\ & so.html";
        let link = format!(
            "<a href=\"{}\">x</a>",
            odd.replace('&', "&amp;").replace('"', "&quot;")
        );
        let template = format!("{VERSION_LINE}\n{PRECACHE_LINE}\n");
        let temp = crate::test_folder::with(&[
            ("index.html", &link),
            (odd, "page"),
            ("template.js", &template),
        ]);
        let dir = temp.path();
        let template = dir.join("template.js");
        let (files, _) = write(dir, &template, &[]).unwrap();
        assert!(files.iter().any(|f| f == odd), "{files:?}");
        let worker = fs::read_to_string(dir.join("sw.js")).unwrap();
        let array = &worker[worker.find('[').unwrap()..=worker.rfind(']').unwrap()];
        let parsed: Vec<String> = serde_json::from_str(array).unwrap();
        assert!(parsed.iter().any(|f| f == odd));
    }

    #[test]
    fn the_version_changes_with_the_content() {
        let temp = crate::test_folder::with(&[("a.html", "one")]);
        let dir = temp.path();
        let first = version(dir, &["a.html".into()]).unwrap();
        fs::write(dir.join("a.html"), "two").unwrap();
        let second = version(dir, &["a.html".into()]).unwrap();
        assert_ne!(first, second);
        assert_eq!(first.len(), 12);
    }
}
