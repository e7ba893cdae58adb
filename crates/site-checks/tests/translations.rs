//! Every message translated in every catalogue, and every language's procedure the English one
//! (`translations`); needs the pinned mdBook in `.tools/` too. Reads the built site: run `cargo
//! xtask build` first, or `cargo xtask test "translations complete, the procedure the same"`, which
//! builds it.

#[test]
fn translations() -> anyhow::Result<()> {
    site_checks::translations::run()
}
