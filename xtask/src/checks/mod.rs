//! The checks of `cargo xtask test`, one module each, each with its own `run` (the stage) and the
//! pure functions it is made of, with unit tests beside them. `html_text` is shared.

pub mod chapter_html;
mod docs;
pub mod html_text;
pub mod key_facts;
pub mod language_on_the_page;
pub mod link_previews;
pub mod links;
pub mod malformed;
pub mod originality;
pub mod other_hosts;
pub mod procedure_page;
pub mod rust;
pub mod step_figures;
pub mod translations;
pub mod url_contract;
pub mod warnings;
