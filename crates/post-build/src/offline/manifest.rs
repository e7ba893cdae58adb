//! The web app manifest, so the guide can be added to a phone's home screen, with its icons drawn
//! at build from the favicon (`brand`): 192 and 512 px, and a 512 px maskable one whose picture
//! keeps to the safe circle.

use crate::brand::Brand;
use crate::config::Site;
use crate::draw::Drawing;
use anyhow::Result;
use std::fs;
use std::path::Path;

const BACKGROUND: &str = "#ffffff";

/// The icons, in the book.
pub const ICONS: [&str; 3] = [
    "icons/icon-192.png",
    "icons/icon-512.png",
    "icons/maskable-512.png",
];

/// The manifest's words, in English (the catalogue has them in the other languages).
pub const SHORT_NAME: &str = "Mini remote";
pub const DESCRIPTION: &str =
    "Re-program the three-button key of a 2004–2006 BMW Mini, step by step, even offline.";

/// Writes `manifest.webmanifest` and its icons ([`ICONS`]) into the book.
pub fn write(book_dir: &Path, site: &Site, drawing: &Drawing) -> Result<()> {
    let icons = book_dir.join("icons");
    fs::create_dir_all(&icons)?;
    let [small, large, maskable] = ICONS.map(|icon| book_dir.join(icon));
    let brand = Brand::from_theme(&site.root.join("theme"))?;
    fs::write(small, drawing.png(&brand.icon_svg(0.0, true), 192, 192)?)?;
    fs::write(large, drawing.png(&brand.icon_svg(0.0, true), 512, 512)?)?;
    fs::write(
        maskable,
        drawing.png(&brand.icon_svg(0.15, false), 512, 512)?,
    )?;
    let manifest = serde_json::json!({
        "name": site.name,
        "short_name": site.words(SHORT_NAME),
        "description": site.words(DESCRIPTION),
        "lang": site.language,
        "start_url": "./",
        "scope": "./",
        "display": "standalone",
        "theme_color": brand.colour,
        "background_color": BACKGROUND,
        "icons": [
            { "src": ICONS[0], "sizes": "192x192", "type": "image/png" },
            { "src": ICONS[1], "sizes": "512x512", "type": "image/png" },
            { "src": ICONS[2], "sizes": "512x512", "type": "image/png", "purpose": "maskable" }
        ]
    });
    let manifest = serde_json::to_string_pretty(&manifest)? + "\n";
    fs::write(book_dir.join("manifest.webmanifest"), manifest)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_with_quotes_backslashes_and_ampersands_is_valid_json() {
        let temp = crate::test_folder::with(&[]);
        let dir = temp.path();
        let name = r#"Mini "Remote" \ & Fix"#;
        let site = Site::new("https://example.org/", name)
            .unwrap()
            .in_this_repository();
        write(dir, &site, &Drawing::new()).unwrap();
        let text = fs::read_to_string(dir.join("manifest.webmanifest")).unwrap();
        let manifest: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(manifest["name"], name);
        assert_eq!(manifest["icons"][2]["src"], ICONS[2]);
    }

    #[test]
    fn icons_are_drawn_at_their_size() {
        for (inset, size) in [(0.0, 192), (0.15, 512)] {
            let bytes = Drawing::new()
                .png(
                    &crate::brand::of_this_repository().icon_svg(inset, inset == 0.0),
                    size,
                    size,
                )
                .unwrap();
            let pixmap = resvg::tiny_skia::Pixmap::decode_png(&bytes).unwrap();
            assert_eq!((pixmap.width(), pixmap.height()), (size, size));
        }
    }
}
