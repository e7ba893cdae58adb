//! SVG to PNG with resvg, for the social cards and the home-screen icons. The fonts are DejaVu
//! Sans, embedded in the program and loaded once per build, so every machine draws the same image.

use anyhow::{anyhow, Context, Result};
use resvg::{tiny_skia, usvg};

pub struct Drawing {
    options: usvg::Options<'static>,
}

impl Drawing {
    pub fn new() -> Drawing {
        let mut options = usvg::Options::default();
        let fonts = options.fontdb_mut();
        fonts.load_font_data(dejavu::sans::bold().to_vec());
        fonts.load_font_data(dejavu::sans::regular().to_vec());
        fonts.set_sans_serif_family("DejaVu Sans");
        Drawing { options }
    }

    /// `svg` scaled to `width` and drawn on a `width`×`height` PNG.
    pub fn png(&self, svg: &str, width: u32, height: u32) -> Result<Vec<u8>> {
        let tree = usvg::Tree::from_str(svg, &self.options).context("SVG template")?;
        let mut pixmap = tiny_skia::Pixmap::new(width, height).expect("non-zero size");
        let scale = width as f32 / tree.size().width();
        resvg::render(
            &tree,
            tiny_skia::Transform::from_scale(scale, scale),
            &mut pixmap.as_mut(),
        );
        pixmap
            .encode_png()
            .map_err(|e| anyhow!("encoding a PNG: {e}"))
    }
}
