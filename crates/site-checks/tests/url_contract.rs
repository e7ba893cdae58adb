//! Every line of `tests/public-urls.txt` resolves in the build (`url_contract`). Reads the built
//! site: run `cargo xtask build` first, or `cargo xtask test "public URL contract"`, which builds
//! it.

#[test]
fn url_contract() -> anyhow::Result<()> {
    site_checks::url_contract::run()
}
