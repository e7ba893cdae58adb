//! Works offline, and installs: what makes the guide a home-screen app that keeps working in an
//! underground car park, in one place. Once every page and asset is final:
//! - `manifest`: `manifest.webmanifest` and its icons, drawn at build;
//! - `service_worker`: `sw.js` from `theme/offline/service-worker.js`, with a version made from
//!   the content and the files to precache (`precache`: every page, what the pages name, the icons).
//!
//! The theme's part is `theme/book.js`, which registers `sw.js` after a page has loaded.

pub mod manifest;
mod precache;
mod service_worker;

use crate::config::Site;
use crate::draw::Drawing;
use anyhow::Result;
use std::path::Path;

/// What a static host must send with the offline files (`_headers`): the service worker is never
/// cached, so a new version reaches readers on their next visit.
pub const HEADERS: [(&str, &str); 1] = [("/sw.js", "Cache-Control: no-cache")];

pub struct Offline {
    /// Every file the service worker keeps, but the root (`./`).
    pub precached: Vec<String>,
    /// The precache's version, a hash of its content.
    pub version: String,
}

pub fn write(book_dir: &Path, site: &Site, drawing: &Drawing) -> Result<Offline> {
    manifest::write(book_dir, site, drawing)?;
    let icons = manifest::ICONS.map(str::to_owned);
    let template = site.root.join("theme/offline/service-worker.js");
    let (precached, version) = service_worker::write(book_dir, &template, &icons)?;
    Ok(Offline { precached, version })
}
