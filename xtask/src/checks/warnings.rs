//! The build must print no warning: mdBook's `[WARN]`/`[ERROR]` log lines and the preprocessors'
//! own "Warning:" lines all count. (`build` refuses a build that warns; this stage runs it.)

use crate::build;
use anyhow::Result;

/// The stage: build the site into `book/`, which every later stage reads.
pub fn run() -> Result<()> {
    build::build().map(|_| ())
}

/// The lines of a build log that are warnings or errors.
pub fn find(log: &str) -> Vec<String> {
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
    use super::find;

    #[test]
    fn info_lines_pass() {
        let log = "2026-11-24 [INFO] (mdbook::book): Book building has started\n\
                   2026-11-24 [INFO] (mdbook::book): Running the html backend\n";
        assert!(find(log).is_empty());
    }

    #[test]
    fn mdbook_warnings_and_errors_are_found() {
        let log = "[INFO] (mdbook::book): ok\n\
                   [WARN] (mdbook::preprocess::cmd): The command wasn't found\n\
                   [ERROR] (mdbook::utils): Error: boom\n";
        assert_eq!(find(log).len(), 2);
    }

    #[test]
    fn the_admonish_version_warning_is_found() {
        let log = "Warning: The mdbook-admonish preprocessor was built against version 0.4.51 of \
                   mdbook, but we're being called from version 0.4.52\n";
        assert_eq!(find(log).len(), 1);
    }
}
