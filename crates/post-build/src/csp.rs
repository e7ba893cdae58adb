//! The Content-Security-Policy, as the pages carry it in a `<meta>` (theme/index.hbs): read from a
//! page, and with sources added to a directive (the SHA-256 of a page's own inline style and script).

use scraper::{Html, Selector};

/// The policy of a page's `<meta http-equiv="Content-Security-Policy">`.
pub fn of(html: &str) -> Option<String> {
    let doc = Html::parse_document(html);
    let meta = Selector::parse("meta[http-equiv='Content-Security-Policy']").expect("valid");
    doc.select(&meta)
        .next()?
        .value()
        .attr("content")
        .map(str::to_owned)
}

/// `policy` with `sources` added to `directive` (which must be in it), each once.
pub fn with_sources(policy: &str, directive: &str, sources: &[String]) -> String {
    policy
        .split(';')
        .map(str::trim)
        .map(|part| {
            let mut words: Vec<&str> = part.split_whitespace().collect();
            if words.first() == Some(&directive) {
                for source in sources {
                    if !words.contains(&source.as_str()) {
                        words.push(source);
                    }
                }
            }
            words.join(" ")
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// The source that allows exactly this inline text: `'sha256-…'`.
pub fn hash_source(text: &str) -> String {
    use base64::Engine as _;
    use sha2::{Digest, Sha256};
    let digest = Sha256::digest(text.as_bytes());
    format!(
        "'sha256-{}'",
        base64::engine::general_purpose::STANDARD.encode(digest)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_policy_comes_from_the_page() {
        let html = r#"<html><head><meta http-equiv="Content-Security-Policy" content="default-src 'self'"></head></html>"#;
        assert_eq!(of(html).as_deref(), Some("default-src 'self'"));
    }

    #[test]
    fn sources_go_into_their_directive_once() {
        let policy = "default-src 'self'; style-src 'self'; img-src 'self' data:";
        let hash = hash_source("p{color:red}");
        let once = with_sources(policy, "style-src", std::slice::from_ref(&hash));
        assert_eq!(
            once,
            format!("default-src 'self'; style-src 'self' {hash}; img-src 'self' data:")
        );
        assert_eq!(with_sources(&once, "style-src", &[hash]), once);
    }

    #[test]
    fn the_hash_is_the_one_browsers_compute() {
        // echo -n 'alert(1)' | openssl dgst -sha256 -binary | base64
        assert_eq!(
            hash_source("alert(1)"),
            "'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='"
        );
    }
}
