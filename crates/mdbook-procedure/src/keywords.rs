//! Search keywords: the words owners type that a chapter does not use ("fob", "plip", "resync"),
//! given in a comment that Markdown viewers hide:
//!
//! ```markdown
//! <!-- keywords: fob, plip, remote, resync -->
//! # Re-program your keys
//! ```
//!
//! For the HTML renderer they become a hidden paragraph right after the chapter's title, so
//! mdBook's search index counts them in the chapter's first section while the page shows nothing.

use crate::error::Problem;
use regex::Regex;
use std::sync::LazyLock;

static KEYWORDS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?m)^<!--\s*keywords:(.*?)-->[ \t]*$").expect("valid regex"));

/// The chapter's keywords, in order, or a problem if the line is empty or given twice.
pub fn find(text: &str) -> Result<Vec<String>, Problem> {
    let mut found = KEYWORDS.captures_iter(text);
    let Some(first) = found.next() else {
        return Ok(Vec::new());
    };
    if let Some(second) = found.next() {
        return Err(Problem::new(
            second.get(0).expect("whole match").start(),
            "a second `keywords:` line: give all of a chapter's keywords in one",
        ));
    }
    let words: Vec<String> = first[1]
        .split(',')
        .map(|w| w.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|w| !w.is_empty())
        .collect();
    if words.is_empty() {
        return Err(Problem::new(
            first.get(0).expect("whole match").start(),
            "`keywords:` lists no words; write them separated by commas",
        ));
    }
    Ok(words)
}

/// `text` with the hidden keywords paragraph after its first `# ` title (or at the top).
pub fn insert(text: &str, words: &[String]) -> String {
    if words.is_empty() {
        return text.to_owned();
    }
    let escaped = words.join(", ").replace('&', "&amp;").replace('<', "&lt;");
    let block = format!("\n<p class=\"search-keywords\" hidden>{escaped}</p>\n\n");
    let at = text
        .match_indices('\n')
        .map(|(i, _)| i + 1)
        .find(|&end| {
            let start = text[..end - 1].rfind('\n').map_or(0, |i| i + 1);
            text[start..end].starts_with("# ")
        })
        .unwrap_or(0);
    format!("{}{block}{}", &text[..at], &text[at..])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keywords_go_hidden_after_the_title() {
        let text = "<!-- keywords: fob, plip,  remote  key -->\n# Title\n\nFirst.\n";
        let words = find(text).unwrap();
        assert_eq!(words, ["fob", "plip", "remote key"]);
        assert_eq!(
            insert(text, &words),
            "<!-- keywords: fob, plip,  remote  key -->\n# Title\n\n<p class=\"search-keywords\" hidden>fob, plip, remote key</p>\n\n\nFirst.\n"
        );
    }

    #[test]
    fn a_chapter_without_keywords_is_unchanged() {
        assert_eq!(find("# T\n\nText.\n").unwrap(), Vec::<String>::new());
        assert_eq!(insert("# T\n", &[]), "# T\n");
    }

    #[test]
    fn an_empty_or_second_keywords_line_is_an_error() {
        let empty = find("# T\n<!-- keywords: , -->\n").unwrap_err();
        assert_eq!(
            (empty.offset, empty.message.contains("no words")),
            (4, true)
        );
        let twice = find("<!-- keywords: a -->\n<!-- keywords: b -->\n").unwrap_err();
        assert!(twice.message.contains("second"));
        assert_eq!(twice.offset, 21);
    }
}
