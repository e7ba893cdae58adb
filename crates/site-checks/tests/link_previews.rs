//! Each chapter's description, canonical URL, Open Graph tags and card; sitemap.xml and robots.txt
//! (`link_previews`). Reads the built site: run `cargo xtask build` first, or `cargo xtask test
//! "link previews and sitemap"`, which builds it.

#[test]
fn link_previews() -> anyhow::Result<()> {
    site_checks::link_previews::run()
}
