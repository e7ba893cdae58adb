//! The text of a built page, whitespace folded: all of it, for "our own words" (hidden text
//! copied from the article is still copied), or only what a reader sees, for the key facts.

use scraper::{ElementRef, Html, Node, Selector};

/// Every word of the page's `<body>` (the sidebar included), hidden ones too, without markup,
/// scripts or styles.
pub fn visible_text(html: &str) -> String {
    text(html, false)
}

/// Only what a reader sees: not the search keywords (`hidden`), nor what is hidden from
/// everyone (`aria-hidden="true"`, such as the figures' drawings).
pub fn reader_text(html: &str) -> String {
    text(html, true)
}

fn text(html: &str, seen_only: bool) -> String {
    let doc = Html::parse_document(html);
    let body = Selector::parse("body").expect("valid selector");
    let mut text = String::new();
    if let Some(body) = doc.select(&body).next() {
        collect(body, &mut text, seen_only);
    }
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn unseen(e: &scraper::node::Element) -> bool {
    e.attr("hidden").is_some() || e.attr("aria-hidden") == Some("true")
}

const INLINE: &[&str] = &[
    "a", "abbr", "b", "code", "em", "i", "kbd", "mark", "q", "s", "small", "span", "strong", "sub",
    "sup", "u",
];

fn collect(element: ElementRef, out: &mut String, seen_only: bool) {
    for child in element.children() {
        match child.value() {
            Node::Text(t) => out.push_str(t),
            Node::Element(e) if matches!(e.name(), "script" | "style" | "template") => {}
            Node::Element(e) if seen_only && unseen(e) => {}
            Node::Element(e) => {
                collect(ElementRef::wrap(child).expect("an element"), out, seen_only);
                // Blocks end a word even when the markup has no whitespace between them.
                if !INLINE.contains(&e.name()) {
                    out.push(' ');
                }
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{reader_text, visible_text};

    #[test]
    fn a_reader_does_not_see_hidden_keywords_or_drawings() {
        let html =
            "<body><p hidden>UFO, immobiliser</p><svg aria-hidden=\"true\"><text>MINI</text>\
                    </svg><p>The round key</p></body>";
        assert_eq!(reader_text(html), "The round key");
        assert_eq!(visible_text(html), "UFO, immobiliser MINI The round key");
    }

    #[test]
    fn drops_markup_scripts_and_styles() {
        let html = "<html><head><title>T</title></head><body><p>Turn the <b>ke</b>y</p>\
                    <script>var x = 'hidden';</script><style>p{}</style><p>now</p></body></html>";
        assert_eq!(visible_text(html), "Turn the key now");
    }
}
