//! One Markdown parser: mdBook 0.4.52's own (`mdbook::utils`), with the options it renders with,
//! so the preprocessor sees each chapter exactly as mdBook will render it, and the same renderer
//! for the bits of Markdown we turn into HTML ourselves.

use pulldown_cmark::Parser;

/// `smart_punctuation` is book.toml's `output.html.smart-punctuation`, as mdBook reads it.
pub fn parser(text: &str, smart_punctuation: bool) -> Parser<'_> {
    mdbook::utils::new_cmark_parser(text, smart_punctuation)
}

/// A short piece of Markdown as mdBook renders it, without the paragraph around it.
pub fn inline_html(markdown: &str, smart_punctuation: bool) -> String {
    let html = mdbook::utils::render_markdown(markdown, smart_punctuation);
    let html = html.trim();
    html.strip_prefix("<p>")
        .and_then(|h| h.strip_suffix("</p>"))
        .unwrap_or(html)
        .to_owned()
}

#[cfg(test)]
mod tests {
    use super::inline_html;

    #[test]
    fn marker_words_become_inline_html() {
        assert_eq!(
            inline_html("Take the **next** key & go.", false),
            "Take the <strong>next</strong> key &amp; go."
        );
    }
}
