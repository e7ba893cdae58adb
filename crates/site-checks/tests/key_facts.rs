//! Each page states its key facts, and no page uses retired wording (`key_facts`). Reads the built
//! site: run `cargo xtask build` first, or `cargo xtask test "key facts on every page"`, which
//! builds it.

#[test]
fn key_facts() -> anyhow::Result<()> {
    site_checks::key_facts::run()
}
