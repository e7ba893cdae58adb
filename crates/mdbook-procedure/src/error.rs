//! Errors that point at the chapter line that caused them: `src/procedure.md:12: what is wrong`.

use std::fmt;

/// A problem at a byte offset of a chapter's Markdown, before we know the file name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub offset: usize,
    pub message: String,
}

impl Problem {
    /// Whitespace in the message is folded to single spaces: a problem is one line, even when it
    /// quotes text that runs over several.
    pub fn new(offset: usize, message: impl Into<String>) -> Self {
        let message: String = message.into();
        Problem {
            offset,
            message: message.split_whitespace().collect::<Vec<_>>().join(" "),
        }
    }

    /// Locates the problem in `file`, whose Markdown is `text`.
    pub fn at(&self, file: &str, text: &str) -> SourceError {
        SourceError {
            file: file.to_owned(),
            line: line_of(text, self.offset),
            message: self.message.clone(),
        }
    }
}

/// A problem with its file and 1-based line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceError {
    pub file: String,
    pub line: usize,
    pub message: String,
}

impl fmt::Display for SourceError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.file, self.line, self.message)
    }
}

/// Every problem found in the book, one per line.
#[derive(Debug)]
pub struct SourceErrors(pub Vec<SourceError>);

impl fmt::Display for SourceErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let lines: Vec<String> = self.0.iter().map(ToString::to_string).collect();
        f.write_str(&lines.join("\n"))
    }
}

impl std::error::Error for SourceErrors {}

/// The 1-based line of a byte offset.
pub fn line_of(text: &str, offset: usize) -> usize {
    text.as_bytes()[..offset.min(text.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}
