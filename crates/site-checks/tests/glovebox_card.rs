//! Each language's glovebox card: the procedure's steps and windows, its restart sentence, and a
//! QR code that a decoder reads as that language's guided mode (`glovebox_card`). Reads the built
//! site: run `cargo xtask build` first, or `cargo xtask test "glovebox card"`, which builds it.

#[test]
fn glovebox_card() -> anyhow::Result<()> {
    site_checks::glovebox_card::run()
}
