//! One Markdown parser, with the options mdBook 0.4.52 renders with, so that we see the chapter
//! exactly as mdBook will.

use pulldown_cmark::{Options, Parser};

pub fn parser(text: &str) -> Parser<'_> {
    let mut opts = Options::empty();
    opts.insert(Options::ENABLE_TABLES);
    opts.insert(Options::ENABLE_FOOTNOTES);
    opts.insert(Options::ENABLE_STRIKETHROUGH);
    opts.insert(Options::ENABLE_TASKLISTS);
    opts.insert(Options::ENABLE_HEADING_ATTRIBUTES);
    Parser::new_ext(text, opts)
}
