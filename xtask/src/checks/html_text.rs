//! The text a reader sees on a built page: no markup, scripts or styles, whitespace folded.

use scraper::{ElementRef, Html, Node, Selector};

/// Visible text of the page's `<body>` (the sidebar included), whitespace folded to single spaces.
pub fn visible_text(html: &str) -> String {
    let doc = Html::parse_document(html);
    let body = Selector::parse("body").expect("valid selector");
    let mut text = String::new();
    if let Some(body) = doc.select(&body).next() {
        collect(body, &mut text);
    }
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

const INLINE: &[&str] = &[
    "a", "abbr", "b", "code", "em", "i", "kbd", "mark", "q", "s", "small", "span", "strong", "sub",
    "sup", "u",
];

fn collect(element: ElementRef, out: &mut String) {
    for child in element.children() {
        match child.value() {
            Node::Text(t) => out.push_str(t),
            Node::Element(e) if matches!(e.name(), "script" | "style" | "template") => {}
            Node::Element(e) => {
                collect(ElementRef::wrap(child).expect("an element"), out);
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
    use super::visible_text;

    #[test]
    fn drops_markup_scripts_and_styles() {
        let html = "<html><head><title>T</title></head><body><p>Turn the <b>ke</b>y</p>\
                    <script>var x = 'hidden';</script><style>p{}</style><p>now</p></body></html>";
        assert_eq!(visible_text(html), "Turn the key now");
    }
}
