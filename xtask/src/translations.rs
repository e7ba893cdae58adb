//! `cargo xtask translations`: the catalogues after an English edit, as mdBook's translated books
//! keep theirs (mdbook-i18n-helpers and GNU gettext). It writes the template, `po/messages.pot`
//! (generated, not committed), with every message of the English guide
//! (`crates/site-checks/src/messages.rs`, which the check of the translations reads too), then
//! brings each language's `po/<language>.po` up to date with `msgmerge`: a new message arrives
//! empty, a changed one marked fuzzy with its old translation, and the tests fail until a
//! translator has seen to both (`crates/site-checks/src/translations.rs`).

use crate::{build, cmd, paths};
use anyhow::{Context, Result};
use std::process::Command;

pub fn run() -> Result<()> {
    build::prepare()?;
    let root = paths::root();
    let template = root.join("po/messages.pot");
    site_checks::messages::write_template(&root, &template)?;
    let site = post_build::Site::from_book_toml(&root.join("book.toml"))?;
    for language in site.translations() {
        let po = catalogue::po_file(&root, language);
        let mut command = if po.exists() {
            let mut merge = Command::new("msgmerge");
            merge
                .args(["--update", "--backup=none", "--quiet"])
                .arg(&po)
                .arg(&template);
            merge
        } else {
            let mut init = Command::new("msginit");
            init.args(["--no-translator", "--locale", language, "--input"])
                .arg(&template)
                .arg("--output-file")
                .arg(&po);
            init
        };
        cmd::run(&mut command).context(
            "updating the catalogues needs GNU gettext (msgmerge, msginit): \
             `sudo apt-get install gettext`",
        )?;
    }
    println!(
        "po/messages.pot and the catalogues are up to date: translate what is new (empty) or \
         fuzzy in each po/<language>.po, then remove the fuzzy flags"
    );
    Ok(())
}
