//! No run of 12 words of the source article in the site or its chapters (`originality`). Reads the
//! built site: run `cargo xtask build` first, or `cargo xtask test "our own words"`, which builds
//! it.

#[test]
fn originality() -> anyhow::Result<()> {
    site_checks::originality::run()
}
