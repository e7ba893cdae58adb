//! The procedure page's `HowTo` data, windows and loop are the chapter's markers', and its figures
//! match them (`procedure_page`, `step_figures`). Reads the built site: run `cargo xtask build`
//! first, or `cargo xtask test "procedure as data"`, which builds it.

#[test]
fn procedure_page() -> anyhow::Result<()> {
    site_checks::procedure_page::run()
}
