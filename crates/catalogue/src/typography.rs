//! A language's typography, applied by the build rather than typed by its translators: French
//! keeps `? ! ;` and `»` on the line of the word before them with a narrow no-break space
//! (U+202F), `:` with a no-break space (U+00A0), and `«` with the word after it. Whatever space a
//! translator typed there (or none) becomes the right one. The catalogue applies it to every
//! message it gives out (`Catalogue::load`), the post-build to every text of a French page (the
//! chapters, which mdbook-gettext translated).

const NARROW: char = '\u{202f}';
const NO_BREAK: char = '\u{a0}';
/// Spaces a translator may have typed before or after the punctuation.
const SPACES: [char; 3] = [' ', NO_BREAK, NARROW];

/// Whether `language` has rules here.
pub fn has_rules(language: &str) -> bool {
    language == "fr"
}

/// `text` as `language` sets it. `word_before` says whether the text follows a word directly
/// (`<strong>Mini</strong>?`), so that punctuation at its start belongs to that word.
pub fn apply(language: &str, text: &str, word_before: bool) -> String {
    if has_rules(language) {
        french(text, word_before)
    } else {
        text.to_owned()
    }
}

fn french(text: &str, word_before: bool) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len() + 8);
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        match c {
            '?' | '!' | ';' | ':' | '»' => {
                let kept = out.trim_end_matches(SPACES).len();
                let before = out[..kept].chars().last();
                let after = chars.get(i + 1).copied();
                let after_word = match before {
                    Some(b) => !b.is_whitespace() && !"([«'\"".contains(b),
                    None => word_before,
                };
                // Punctuation, not part of an address or a time: "10:30", "https://", "?q=".
                let ends = match c {
                    ':' => after.is_none_or(char::is_whitespace),
                    '»' => true,
                    _ => after.is_none_or(|a| !a.is_alphanumeric() && !"/=_".contains(a)),
                };
                // "?!" stays one mark; `&amp;` is a character, not a semicolon.
                let doubled = matches!(before, Some('?' | '!')) && matches!(c, '?' | '!');
                let entity = c == ';' && ends_entity(&out);
                if after_word && ends && !doubled && !entity {
                    out.truncate(kept);
                    out.push(if c == ':' { NO_BREAK } else { NARROW });
                }
                out.push(c);
            }
            '«' => {
                out.push(c);
                let mut next = i + 1;
                while chars.get(next).is_some_and(|a| SPACES.contains(a)) {
                    next += 1;
                }
                if chars.get(next).is_some_and(|a| !a.is_whitespace()) {
                    out.push(NARROW);
                } else {
                    out.extend(&chars[i + 1..next]);
                }
                i = next;
                continue;
            }
            _ => out.push(c),
        }
        i += 1;
    }
    out
}

/// Whether `text` ends with the start of an HTML character reference (`&amp`, `&#10`).
fn ends_entity(text: &str) -> bool {
    let name = text.trim_end_matches(|c: char| c.is_ascii_alphanumeric() || c == '#');
    name.ends_with('&') && name.len() < text.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn french_punctuation_stays_with_its_word() {
        assert_eq!(
            apply("fr", "Ce guide concerne-t-il ma Mini ?", false),
            "Ce guide concerne-t-il ma Mini\u{202f}?"
        );
        assert_eq!(apply("fr", "Attention!", false), "Attention\u{202f}!");
        assert_eq!(
            apply("fr", "Étape 1 : tournez ; puis « verrouillage »", false),
            "Étape 1\u{a0}: tournez\u{202f}; puis «\u{202f}verrouillage\u{202f}»"
        );
        assert_eq!(apply("fr", "?", true), "\u{202f}?");
        assert_eq!(apply("fr", "? Non", false), "? Non");
        assert_eq!(apply("fr", "Quoi ?!", false), "Quoi\u{202f}?!");
    }

    #[test]
    fn addresses_times_and_other_languages_are_left_alone() {
        for text in ["https://miniremotefix.org/fr/", "10:30", "a?q=1", "&amp;"] {
            assert_eq!(apply("fr", text, false), text);
        }
        assert_eq!(
            apply("de", "Gilt das für meinen Mini?", false),
            "Gilt das für meinen Mini?"
        );
    }

    #[test]
    fn applying_twice_changes_nothing() {
        let once = apply("fr", "Prêt ? « Oui » : allez !", false);
        assert_eq!(apply("fr", &once, false), once);
    }
}
