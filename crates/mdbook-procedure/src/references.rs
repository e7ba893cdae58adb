//! Step references in running text: "step 3", "Step 3", "steps 3 to 5", "steps 1 and 2", and
//! the same in the guide's translations ("Schritte 3 bis 5", "étapes 3 à 5", "stappen 3 tot en
//! met 5").
//! Each becomes a link to the first step it names, so a reader can tap it (unless it already sits
//! in a link or a heading); every number it names must be a real step.

use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

static REFERENCE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:steps?|schritt(?:e|en)?|étapes?|stap(?:pen)?)\s+(\d+)(?:\s*(?:to|and|or|bis|und|oder|à|et|ou|tot en met|t/m|en|of|–|-)\s*(\d+))?\b",
    )
    .expect("valid regex")
});

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reference {
    /// Byte range of the whole phrase in the chapter.
    pub range: Range<usize>,
    /// The step numbers it names, first one first.
    pub steps: Vec<u32>,
    /// Whether it becomes a link; inside a link or a heading it is only checked.
    pub link: bool,
}

/// The references in `text[range]`, with ranges into `text`.
pub fn find(text: &str, range: Range<usize>, link: bool) -> Vec<Reference> {
    REFERENCE
        .captures_iter(&text[range.clone()])
        .map(|c| {
            let whole = c.get(0).expect("group 0 always matches");
            let steps = [c.get(1), c.get(2)]
                .into_iter()
                .flatten()
                .map(|m| m.as_str().parse().unwrap_or(u32::MAX))
                .collect();
            Reference {
                range: range.start + whole.start()..range.start + whole.end(),
                steps,
                link,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn steps(text: &str) -> Vec<(String, Vec<u32>)> {
        find(text, 0..text.len(), true)
            .into_iter()
            .map(|r| (text[r.range].to_owned(), r.steps))
            .collect()
    }

    #[test]
    fn single_and_ranges() {
        assert_eq!(
            steps("Repeat from step 3, then steps 4 and 5. Steps 3 to 5 again; Step 7."),
            [
                ("step 3".to_owned(), vec![3]),
                ("steps 4 and 5".to_owned(), vec![4, 5]),
                ("Steps 3 to 5".to_owned(), vec![3, 5]),
                ("Step 7".to_owned(), vec![7]),
            ]
        );
    }

    #[test]
    fn in_the_translations() {
        assert_eq!(
            steps("Schritte 3 bis 5, étape 2, stappen 1 en 2, ab Schritt 3"),
            [
                ("Schritte 3 bis 5".to_owned(), vec![3, 5]),
                ("étape 2".to_owned(), vec![2]),
                ("stappen 1 en 2".to_owned(), vec![1, 2]),
                ("Schritt 3".to_owned(), vec![3]),
            ]
        );
    }

    #[test]
    fn not_references() {
        assert!(steps("step-by-step, a first step, footsteps 3, 5-second steps").is_empty());
    }

    #[test]
    fn ranges_are_absolute() {
        let text = "abc step 2";
        assert_eq!(find(text, 3..text.len(), true)[0].range, 4..10);
    }
}
