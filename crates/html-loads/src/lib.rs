//! The HTML attributes that make a browser load a file, in one table ([`LOADS`]), and the
//! addresses an attribute's value names ([`addresses`]). Three places read it, so they cannot
//! drift apart:
//!
//! - the post-build's `used` (`crates/post-build/src/used.rs`): the local files a page uses, which
//!   the prune keeps and the service worker precaches;
//! - the preprocessor's chapter-HTML policy (`crates/mdbook-procedure/src/chapter_html.rs`): a
//!   chapter may load nothing from another host;
//! - the site check "no other host" (`crates/site-checks/src/other_hosts.rs`): no built page or
//!   drawing loads anything from another host.
//!
//! What is not an attribute whose value is an address stays with its reader: a refresh's URL
//! (`<meta http-equiv="refresh" content="0; url=…">`) and the `url()` of styles, in
//! `other_hosts`; the chapter policy refuses `<meta>` and `style` outright.

/// How an attribute's value names its addresses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Listed {
    /// The whole value is one address.
    One,
    /// Several addresses, separated by whitespace (`ping`, our `data-scripts`).
    Spaced,
    /// Image candidates, separated by commas, each an address and a size (`srcset`).
    Candidates,
}

/// An attribute that makes the browser load what it names.
#[derive(Debug, Clone, Copy)]
pub struct Load {
    pub attribute: &'static str,
    pub listed: Listed,
    /// Whether it loads on `<a>` and `<area>` too, whose `href` the reader follows instead.
    pub on_links: bool,
}

/// An attribute that loads what it names everywhere but on a link.
const fn load(attribute: &'static str, listed: Listed) -> Load {
    Load {
        attribute,
        listed,
        on_links: false,
    }
}

/// Every attribute that loads a file: HTML's and SVG's, and the theme's own, which
/// `theme/first-paint.js` and `theme/book.js` load (`data-scripts` on demand,
/// `data-scripts-after-paint` and `data-manifest` once the page is painted).
#[rustfmt::skip]
pub const LOADS: [Load; 13] = {
    use Listed::{Candidates, One, Spaced};
    [
        load("href", One), load("xlink:href", One), load("src", One), load("poster", One),
        load("data", One), load("action", One), load("formaction", One),
        load("background", One), load("data-manifest", One), load("srcset", Candidates),
        load("data-scripts", Spaced), load("data-scripts-after-paint", Spaced),
        Load { attribute: "ping", listed: Spaced, on_links: true },
    ]
};

/// The addresses that `attribute="value"` on a `<element>` makes the browser load, as written
/// (relative, absolute or `data:`); none when the attribute loads nothing there. Names are
/// compared in any case.
pub fn addresses<'a>(element: &str, attribute: &str, value: &'a str) -> Vec<&'a str> {
    let link = element.eq_ignore_ascii_case("a") || element.eq_ignore_ascii_case("area");
    let Some(load) = LOADS
        .iter()
        .find(|l| l.attribute.eq_ignore_ascii_case(attribute))
    else {
        return Vec::new();
    };
    if link && !load.on_links {
        return Vec::new();
    }
    let found: Vec<&str> = match load.listed {
        Listed::One => vec![value.trim()],
        Listed::Spaced => value.split_whitespace().collect(),
        Listed::Candidates => value
            .split(',')
            .filter_map(|candidate| candidate.split_whitespace().next())
            .collect(),
    };
    found.into_iter().filter(|a| !a.is_empty()).collect()
}

#[cfg(test)]
mod tests {
    use super::addresses;

    #[test]
    fn each_kind_of_value_gives_its_addresses() {
        assert_eq!(addresses("img", "src", " key.svg "), ["key.svg"]);
        assert_eq!(
            addresses("img", "SRCSET", "k.png 1x, https://x.org/k2.png 2x"),
            ["k.png", "https://x.org/k2.png"]
        );
        assert_eq!(
            addresses("button", "data-scripts", "lunr.js  search.js"),
            ["lunr.js", "search.js"]
        );
        assert_eq!(addresses("use", "href", "#key"), ["#key"]);
    }

    #[test]
    fn a_link_the_reader_follows_loads_nothing_but_its_ping() {
        assert!(addresses("a", "href", "https://example.org/").is_empty());
        assert!(addresses("AREA", "href", "https://example.org/").is_empty());
        assert_eq!(
            addresses("a", "ping", "https://t.example/ /count"),
            ["https://t.example/", "/count"]
        );
    }

    #[test]
    fn other_attributes_and_empty_values_load_nothing() {
        assert!(addresses("img", "alt", "https://example.org/").is_empty());
        assert!(addresses("div", "class", "data").is_empty());
        assert!(addresses("img", "src", "  ").is_empty());
    }
}
