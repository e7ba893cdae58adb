//! Checks on the built site, each a pure function with unit tests beside it.

pub mod html_text;
pub mod key_facts;
pub mod link_previews;
pub mod originality;
pub mod other_hosts;
pub mod procedure_page;
pub mod step_figures;
pub mod url_contract;
pub mod warnings;
