//! The site's mark, drawn from `theme/` only: `theme/favicon.svg` is the padlock on the site's
//! blue, and its first shape's colour is the brand colour. The home-screen icons, the manifest's
//! theme colour and the cards' background take both from there, so a new logo or colour is one
//! file (and `--brand` in `theme/site.css`, which a test holds equal).

use anyhow::{Context, Result};
use regex::Regex;
use std::fs;
use std::path::Path;
use std::sync::LazyLock;

/// The favicon's background: `<rect … fill="#0b5cad"/>`, then its picture.
static BACKGROUND: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?s)^<svg[^>]*>\s*<rect[^>]*\bfill="(#[0-9a-fA-F]{6})"[^>]*/>(.*)</svg>\s*$"#)
        .expect("valid regex")
});

#[derive(Debug, Clone)]
pub struct Brand {
    /// The brand colour, `#rrggbb`.
    pub colour: String,
    /// The favicon without its background, in its 32 × 32 box.
    picture: String,
}

impl Brand {
    /// The brand of the theme in `theme_dir`, from its `favicon.svg`.
    pub fn from_theme(theme_dir: &Path) -> Result<Brand> {
        let path = theme_dir.join("favicon.svg");
        let svg = fs::read_to_string(&path).with_context(|| path.display().to_string())?;
        let parts = BACKGROUND.captures(&svg).with_context(|| {
            format!(
                "{}: a 32 × 32 <svg> whose first shape is a <rect> filled with the brand colour",
                path.display()
            )
        })?;
        Ok(Brand {
            colour: parts[1].to_owned(),
            picture: parts[2].to_owned(),
        })
    }

    /// The icon on the brand colour: `inset` is the share of the side kept clear around the
    /// picture (maskable icons are cropped to a circle of 80 %), `rounded` its corners.
    pub fn icon_svg(&self, inset: f32, rounded: bool) -> String {
        let radius = if rounded { 7.0 } else { 0.0 };
        let scale = 1.0 - 2.0 * inset;
        let offset = 32.0 * inset;
        format!(
            r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="{radius}" fill="{}"/><g transform="translate({offset} {offset}) scale({scale})">{}</g></svg>"#,
            self.colour, self.picture
        )
    }
}

#[cfg(test)]
pub fn of_this_repository() -> Brand {
    Brand::from_theme(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../../theme")).unwrap()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_favicon_gives_the_colour_and_the_picture() {
        let brand = of_this_repository();
        assert!(brand.colour.starts_with('#') && brand.colour.len() == 7);
        let icon = brand.icon_svg(0.15, false);
        assert!(icon.contains(&format!("fill=\"{}\"", brand.colour)));
        assert!(icon.contains("<path"), "the padlock: {icon}");
    }

    #[test]
    fn the_stylesheet_s_brand_is_the_favicon_s() {
        let css =
            fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("../../theme/site.css"))
                .unwrap();
        let brand = of_this_repository();
        assert!(
            css.contains(&format!("--brand: {};", brand.colour)),
            "theme/site.css's --brand is {}, the favicon's colour",
            brand.colour
        );
    }
}
