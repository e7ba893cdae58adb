//! Checks on the built site, each a pure function with unit tests beside it.

pub mod html_text;
pub mod key_facts;
pub mod originality;
pub mod procedure_page;
pub mod warnings;
