//! No English left on a translated page, short step sentences, no Markdown as words, typography
//! (`language_on_the_page`). Reads the built site: run `cargo xtask build` first, or `cargo xtask
//! test "each page in its language"`, which builds it.

#[test]
fn language_on_the_page() -> anyhow::Result<()> {
    site_checks::language_on_the_page::run()
}
