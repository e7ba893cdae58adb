//! The print page of every language keeps no styled separator (`print_page`). Reads the built site:
//! run `cargo xtask build` first, or `cargo xtask test "chapter HTML"`, which builds it.

#[test]
fn print_page() -> anyhow::Result<()> {
    site_checks::print_page::run()
}
