//! The social card: a 1200×630 PNG per chapter, the size Open Graph and Twitter previews expect,
//! with the chapter's title in large type so it reads as a thumbnail, drawn from an SVG template.

use crate::draw::Drawing;
use crate::{escape, Site};
use anyhow::Result;

pub const WIDTH: u32 = 1200;
pub const HEIGHT: u32 = 630;

/// Characters per title line at 72 px bold: DejaVu Sans Bold averages about 0.62 em.
const LINE_CHARS: usize = 24;
const MAX_LINES: usize = 3;

pub fn render(title: &str, site: &Site, drawing: &Drawing) -> Result<Vec<u8>> {
    drawing.png(&svg(title, site), WIDTH, HEIGHT)
}

fn svg(title: &str, site: &Site) -> String {
    let lines = wrap(title);
    let top = 330 - (lines.len() as i32 - 1) * 44;
    let title_lines: String = lines
        .iter()
        .enumerate()
        .map(|(i, line)| {
            format!(
                "<text x=\"80\" y=\"{}\" font-size=\"72\" font-weight=\"bold\">{}</text>",
                top + i as i32 * 88,
                escape(line)
            )
        })
        .collect();
    format!(
        r##"<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" viewBox="0 0 {WIDTH} {HEIGHT}" font-family="sans-serif">
<rect width="{WIDTH}" height="{HEIGHT}" fill="#0b5cad"/>
<rect x="0" y="570" width="{WIDTH}" height="60" fill="#08457f"/>
<g fill="#ffffff">
<text x="80" y="120" font-size="40" font-weight="bold">{name}</text>
{title_lines}
<text x="80" y="610" font-size="30">Re-program the three-button key of a 2004–2006 BMW Mini</text>
</g>
</svg>"##,
        name = escape(&site.name),
    )
}

/// The title in lines of about `LINE_CHARS`, breaking between words; the last line ends in an
/// ellipsis if the title is longer than `MAX_LINES`.
fn wrap(title: &str) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for word in title.split_whitespace() {
        match lines.last_mut() {
            Some(line) if line.chars().count() + 1 + word.chars().count() <= LINE_CHARS => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_owned()),
        }
    }
    if lines.len() > MAX_LINES {
        lines.truncate(MAX_LINES);
        lines[MAX_LINES - 1].push('…');
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_card_is_a_1200_by_630_png() {
        let site = Site::new("https://example.org/", "Mini Remote Fix").unwrap();
        let png = render("Does this apply to my Mini?", &site, &Drawing::new()).unwrap();
        let pixmap = resvg::tiny_skia::Pixmap::decode_png(&png).unwrap();
        assert_eq!((pixmap.width(), pixmap.height()), (WIDTH, HEIGHT));
        // The title is drawn: some pixels are white text on the blue.
        assert!(pixmap
            .pixels()
            .iter()
            .any(|p| p.red() == 255 && p.blue() == 255 && p.green() == 255));
    }

    #[test]
    fn titles_wrap_between_words_into_at_most_three_lines() {
        assert_eq!(
            wrap("Does this apply to my Mini?"),
            ["Does this apply to my", "Mini?"]
        );
        let long = wrap(&"word ".repeat(30));
        assert_eq!(long.len(), 3);
        assert!(long[2].ends_with('…'));
    }
}
