//! What only the build reads leaves the pages: the chapters' comments (`<!-- keywords: … -->`,
//! `<!-- description: … -->`, which mdBook passes through), the hidden search keywords
//! (`<p class="search-keywords" hidden>`) and the steps' lines for the glovebox card
//! (`data-card`). Search's index, the link previews and the card have them by now; on the page
//! they are bytes that no reader sees, on the page of a phone with a weak signal.

use anyhow::{Context, Result};
use lol_html::{doc_comments, element, rewrite_str, RewriteStrSettings};
use std::fs;
use std::path::Path;

/// Every page of the language in `book_dir`, without what only the build reads.
pub fn write(book_dir: &Path) -> Result<()> {
    for name in crate::pages(book_dir)? {
        let path = book_dir.join(&name);
        let html = fs::read_to_string(&path)?;
        fs::write(&path, page(&html).context(name)?)?;
    }
    Ok(())
}

fn page(html: &str) -> Result<String> {
    let settings = RewriteStrSettings::new()
        .append_document_content_handler(doc_comments!(|comment| {
            comment.remove();
            Ok(())
        }))
        .append_element_content_handler(element!("p.search-keywords", |el| {
            el.remove();
            Ok(())
        }))
        .append_element_content_handler(element!("li[data-card]", |el| {
            el.remove_attribute("data-card");
            Ok(())
        }));
    Ok(rewrite_str(html, settings)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_and_search_keywords_leave_and_the_words_stay() {
        let html = "<html><head><!-- a --></head><body><main><!-- keywords: fob, plip -->\n\
            <h1>T</h1><p class=\"search-keywords\" hidden>fob, plip</p><p>Shut the doors.</p>\
            <ol><li data-step=\"1\" data-card=\"Shut\">x</li></ol>\
            <script>let a = '<!-- b -->';</script></main></body></html>";
        assert_eq!(
            page(html).unwrap(),
            "<html><head></head><body><main>\n<h1>T</h1><p>Shut the doors.</p>\
             <ol><li data-step=\"1\">x</li></ol>\
             <script>let a = '<!-- b -->';</script></main></body></html>"
        );
    }
}
