//! The build must print no warning: which lines of a build log are warnings or errors. mdBook's
//! `[WARN]`/`[ERROR]` log lines and the preprocessors' own "Warning:" lines all count; `cargo
//! xtask build` refuses a build whose log has one (its stage: "build with no warning").

/// The lines of a build log that are warnings or errors.
pub fn warnings(log: &str) -> Vec<String> {
    log.lines()
        .filter(|line| {
            let lower = line.to_lowercase();
            lower.contains("warn") || lower.contains("[error]") || lower.starts_with("error")
        })
        .map(str::to_owned)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::warnings;

    #[test]
    fn info_lines_pass() {
        let log = "2026-11-24 [INFO] (mdbook::book): Book building has started\n\
                   2026-11-24 [INFO] (mdbook::book): Running the html backend\n";
        assert!(warnings(log).is_empty());
    }

    #[test]
    fn mdbook_warnings_and_errors_are_found() {
        let log = "[INFO] (mdbook::book): ok\n\
                   [WARN] (mdbook::preprocess::cmd): The command wasn't found\n\
                   [ERROR] (mdbook::utils): Error: boom\n";
        assert_eq!(warnings(log).len(), 2);
    }

    #[test]
    fn the_admonish_version_warning_is_found() {
        let log = "Warning: The mdbook-admonish preprocessor was built against version 0.4.51 of \
                   mdbook, but we're being called from version 0.4.52\n";
        assert_eq!(warnings(log).len(), 1);
    }
}
