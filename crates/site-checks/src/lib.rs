//! The checks of the built site (`book/`, made by `cargo xtask build`) and of its sources, one
//! module each, with the pure functions each is made of and their unit tests beside them. The unit
//! tests need no build (`cargo test -p site-checks --lib`); each check that reads the built site
//! is an integration test of its own in `tests/`, which `cargo xtask test` runs as a stage:
//!
//! | module | check (`cargo test -p site-checks --test <module>`) |
//! | --- | --- |
//! | `key_facts` | each page states its key facts; no page uses retired wording |
//! | `originality` | no run of 12 words of the source article anywhere in the site |
//! | `procedure_page` | the procedure page's `HowTo` data, windows and loop; its figures (`step_figures`) |
//! | `translations` | every message translated (`messages` is the template), every language's procedure the English one |
//! | `language_on_the_page` | no English left on a translation, short step sentences, typography |
//! | `link_previews` | each chapter's description, canonical URL, Open Graph tags, card; sitemap.xml, robots.txt |
//! | `other_hosts` | nothing loaded from another host (`html_loads::LOADS`, and styles) |
//! | `url_contract` | every line of `tests/public-urls.txt` resolves |
//! | `print_page` | the print pages keep no styled chapter separator |
//! | `glovebox_card` | each language's card: the procedure's steps and windows, guided mode's restart sentence, a QR code that reads back as its guided mode's address |
//!
//! `build_log` says which lines of a build's log are warnings (`cargo xtask build` refuses them),
//! `paths` says where the built site is (`BOOK_DIR`, `BOOK_ROOT` to check another build),
//! `html_text` reads a page's words, `plain_html` checks the build of a copy of the book whose
//! chapter holds plain HTML (`cargo xtask test "chapter HTML"` makes it), and `docs` checks that
//! the documents name files that exist.

pub mod build_log;
mod docs;
pub mod glovebox_card;
pub mod html_text;
pub mod key_facts;
pub mod language_on_the_page;
pub mod link_previews;
pub mod messages;
pub mod originality;
pub mod other_hosts;
pub mod paths;
pub mod plain_html;
pub mod print_page;
pub mod procedure_page;
pub mod step_figures;
pub mod translations;
pub mod url_contract;
