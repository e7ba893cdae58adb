//! Each chapter must state its key facts: if an edit drops one, the build checks say which.
//! The phrases are matched in the page's visible text.

/// (built page, phrases that must appear on it)
pub const KEY_FACTS: &[(&str, &[&str])] = &[
    (
        "index.html",
        &[
            "2004–2006",
            "three-button key",
            "Re-program my keys now",
            "every key",
            "Signature Mini Specialists (2012)",
        ],
    ),
    (
        "does-this-apply.html",
        &[
            "Mini One",
            "Mini Cooper",
            "Mini Cooper S",
            "Mini One D",
            "Convertible",
            "August 2008",
            "about July 2004",
            "built, not its model year",
            "three-button key",
            "two-button key",
            "round key",
            "UFO",
            "nearest the key blade",
            "with the MINI logo",
            "opens the boot",
            "Mini specialist or a MINI dealer",
        ],
    ),
    (
        "before-you-start.html",
        &[
            "Bring ALL of the car's keys",
            "de-programs every key that is not programmed in the same session",
            "New keys can be programmed",
            "all the doors closed",
            "5 seconds",
            "30 seconds",
            "10 seconds",
        ],
    ),
    (
        "procedure.html",
        &[
            "shut all the doors",
            "turn it to the first position. Within 5 seconds, turn it back and take the key out",
            "Within 30 seconds of taking the key out, press and hold lock and unlock together",
            "Keep unlock held down. Within 10 seconds, press and let go of lock three times",
            "let go of both buttons. The doors lock and then unlock",
            "repeat from step 3",
            "turn it to position one",
            "two or three times",
        ],
    ),
    (
        "troubleshooting.html",
        &[
            "Nothing happens",
            "two or three times",
            "holding only unlock",
            "Only one key works afterwards",
            "in the same session",
            "A spare key that sat unused",
            "rechargeable battery",
            "driving with it in the ignition",
            "Do not open the key",
            "The car will not start",
            "immobiliser",
            "Still nothing after several attempts",
            "receiver",
            "Mini specialist workshop",
        ],
    ),
    (
        "about.html",
        &[
            "Signature Mini Specialists",
            "© 2012",
            "not affiliated with BMW or MINI",
        ],
    ),
];

/// The phrases missing from a page's visible text.
pub fn missing<'a>(text: &str, phrases: &[&'a str]) -> Vec<&'a str> {
    phrases
        .iter()
        .copied()
        .filter(|p| !text.contains(p))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::missing;

    #[test]
    fn reports_only_the_missing_phrases() {
        let text = "Within 5 seconds, turn it back.";
        assert_eq!(missing(text, &["5 seconds", "30 seconds"]), ["30 seconds"]);
    }
}
