//! The documents a newcomer reads (README.md, CONTRIBUTING.md, docs/architecture.md) name files
//! that exist: a file moved or renamed must take its mentions along. A unit test, so it runs in a
//! fresh clone before anything is built; what the build or the tools make is not in the tree yet.

#[cfg(test)]
mod tests {
    use crate::paths;
    use regex::Regex;
    use std::fs;

    /// Paths that exist only once the site is built or the tools are installed.
    const MADE_LATER: &[&str] = &["book/", ".tools/", "target/", "node_modules"];

    #[test]
    fn every_path_the_documents_name_exists() {
        let root = paths::root();
        // `a/b.rs`, `a/b/`, `name.md`; and relative links ](docs/x.md).
        let named =
            Regex::new(r"`([\w.-]+/[\w./-]*|[\w-]+\.(?:md|rs|js|mjs|css|hbs|toml|txt|po|svg|json))`|\]\(([\w./-]+)\)")
                .unwrap();
        let mut missing = Vec::new();
        for document in ["README.md", "CONTRIBUTING.md", "docs/architecture.md"] {
            let text = fs::read_to_string(root.join(document)).expect(document);
            let base = root.join(document).parent().unwrap().to_path_buf();
            for found in named.captures_iter(&text) {
                let (path, from) = match (found.get(1), found.get(2)) {
                    (Some(p), _) => (p.as_str(), &root),
                    (None, Some(link)) => (link.as_str(), &base),
                    _ => continue,
                };
                // Beside the repository (`../shared/`) is not in a clone, and no test may need it.
                let outside = path.starts_with("../");
                if outside
                    || MADE_LATER.iter().any(|m| path.starts_with(m))
                    || path.starts_with("http")
                {
                    continue;
                }
                let exists = from.join(path).exists()
                    // A file named alone: anywhere in the tree that the document means it.
                    || (!path.contains('/') && found_anywhere(&root, path));
                if !exists {
                    missing.push(format!("{document}: `{path}`"));
                }
            }
        }
        assert!(
            missing.is_empty(),
            "named but not there:\n{}",
            missing.join("\n")
        );
    }

    fn found_anywhere(root: &std::path::Path, name: &str) -> bool {
        walkdir::WalkDir::new(root)
            .into_iter()
            .filter_entry(|e| {
                !MADE_LATER
                    .iter()
                    .any(|m| e.path().ends_with(m.trim_end_matches('/')))
                    && e.file_name() != ".git"
            })
            .filter_map(Result::ok)
            .any(|e| e.file_name() == name)
    }
}
