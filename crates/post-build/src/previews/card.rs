//! The social card: a 1200×630 PNG per chapter, the size Open Graph and Twitter previews expect,
//! with the chapter's title in large type and the key drawing beside it, so a link pasted in a
//! forum thread is recognisable at a glance. Drawn from an SVG template.

use crate::brand::Brand;
use crate::config::Site;
use crate::draw::Drawing;
use crate::escape;
use anyhow::Result;
use base64::Engine as _;

pub const WIDTH: u32 = 1200;
pub const HEIGHT: u32 = 630;

/// Characters per title line at 64 px bold, left of the drawing: DejaVu Sans Bold averages
/// about 0.62 em.
const LINE_CHARS: usize = 17;
const MAX_LINES: usize = 4;

/// The card for a page titled `title`; `key` is the key drawing's SVG, shown on the right.
/// The line at the card's foot, in English (the catalogues translate it).
pub const LINE: &str = "Re-program the three-button key of a 2004–2006 BMW Mini";

pub fn render(title: &str, site: &Site, key: Option<&str>, drawing: &Drawing) -> Result<Vec<u8>> {
    let brand = Brand::from_theme(&site.root.join("theme"))?;
    drawing.png(&svg(title, site, key, &brand.colour), WIDTH, HEIGHT)
}

/// The card on the brand colour (`brand`), with a darker band for its line.
fn svg(title: &str, site: &Site, key: Option<&str>, colour: &str) -> String {
    let lines = wrap(title);
    let top = 320 - (lines.len() as i32 - 1) * 40;
    let title_lines: String = lines
        .iter()
        .enumerate()
        .map(|(i, line)| {
            format!(
                "<text x=\"80\" y=\"{}\" font-size=\"64\" font-weight=\"bold\">{}</text>",
                top + i as i32 * 80,
                escape(line)
            )
        })
        .collect();
    // The drawing as it stands in the guide, white card and labels included.
    let picture = key.map_or_else(String::new, |svg| {
        let data = base64::engine::general_purpose::STANDARD.encode(svg);
        format!(
            "<image x=\"800\" y=\"60\" width=\"360\" height=\"455\" \
             href=\"data:image/svg+xml;base64,{data}\"/>"
        )
    });
    format!(
        r##"<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" viewBox="0 0 {WIDTH} {HEIGHT}" font-family="sans-serif">
<rect width="{WIDTH}" height="{HEIGHT}" fill="{colour}"/>
<rect x="0" y="570" width="{WIDTH}" height="60" fill="#08457f"/>
<g fill="#ffffff">
<text x="80" y="120" font-size="40" font-weight="bold">{name}</text>
{title_lines}
<text x="80" y="610" font-size="30">{line}</text>
</g>
{picture}
</svg>"##,
        name = escape(&site.name),
        line = escape(&site.words(LINE)),
    )
}

/// The title in lines of about `LINE_CHARS`, breaking between words (never at a no-break
/// space, which keeps French punctuation with its word); the last line ends in an
/// ellipsis if the title is longer than `MAX_LINES`.
fn wrap(title: &str) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for word in title.split_ascii_whitespace() {
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
        let site = Site::new("https://example.org/", "Mini Remote Fix")
            .unwrap()
            .in_this_repository();
        let png = render("Does this apply to my Mini?", &site, None, &Drawing::new()).unwrap();
        let pixmap = resvg::tiny_skia::Pixmap::decode_png(&png).unwrap();
        assert_eq!((pixmap.width(), pixmap.height()), (WIDTH, HEIGHT));
        // The title is drawn: some pixels are white text on the blue.
        assert!(pixmap
            .pixels()
            .iter()
            .any(|p| p.red() == 255 && p.blue() == 255 && p.green() == 255));
    }

    #[test]
    fn a_title_with_quotes_backslashes_and_ampersands_draws() {
        let site = Site::new("https://example.org/", r#"The "Mini" \ & <Co>"#)
            .unwrap()
            .in_this_repository();
        let png = render(r#"It's "hard" \ & <fun>"#, &site, None, &Drawing::new());
        assert!(png.is_ok(), "{:?}", png.err());
    }

    #[test]
    fn the_key_drawing_stands_right_of_the_title() {
        let site = Site::new("https://example.org/", "Mini Remote Fix")
            .unwrap()
            .in_this_repository();
        let key = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../src/images/three-button-key.svg"
        ))
        .unwrap();
        let png = render("Troubleshooting", &site, Some(&key), &Drawing::new()).unwrap();
        let pixmap = resvg::tiny_skia::Pixmap::decode_png(&png).unwrap();
        // The key's dark body (#2b3038) is drawn, and only in the right part of the card.
        let body: Vec<u32> = (0..pixmap.height())
            .flat_map(|y| (0..pixmap.width()).map(move |x| (x, y)))
            .filter(|&(x, y)| {
                let p = pixmap.pixel(x, y).unwrap();
                (p.red(), p.green(), p.blue()) == (0x2b, 0x30, 0x38)
            })
            .map(|(x, _)| x)
            .collect();
        assert!(body.len() > 5000, "{} pixels of the key's body", body.len());
        assert!(
            body.iter().all(|&x| x >= 800),
            "the key stays right of the title"
        );
    }

    #[test]
    fn titles_wrap_between_words_into_at_most_four_lines() {
        assert_eq!(
            wrap("Does this apply to my Mini?"),
            ["Does this apply", "to my Mini?"]
        );
        let long = wrap(&"word ".repeat(30));
        assert_eq!(long.len(), 4);
        assert!(long[3].ends_with('…'));
    }
}
