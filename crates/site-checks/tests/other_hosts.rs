//! Nothing a page, drawing or stylesheet loads comes from another host (`other_hosts`). Reads the
//! built site: run `cargo xtask build` first, or `cargo xtask test "no other host"`, which builds
//! it.

#[test]
fn other_hosts() -> anyhow::Result<()> {
    site_checks::other_hosts::run()
}
