//! The command mdBook runs: `mdbook-procedure supports <renderer>`, or the book as JSON on stdin.

use mdbook::preprocess::{CmdPreprocessor, Preprocessor};
use mdbook_procedure::ProcedurePreprocessor;
use std::io;
use std::process::exit;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let preprocessor = ProcedurePreprocessor;
    match args.as_slice() {
        [cmd, renderer] if cmd == "supports" => exit(if preprocessor.supports_renderer(renderer) {
            0
        } else {
            1
        }),
        [] => {
            if let Err(message) = preprocess(&preprocessor) {
                eprintln!("{message}");
                exit(1);
            }
        }
        _ => {
            eprintln!(
                "usage: mdbook-procedure [supports <renderer>]  (the book comes as JSON on stdin)"
            );
            exit(2);
        }
    }
}

fn preprocess(preprocessor: &ProcedurePreprocessor) -> Result<(), String> {
    let (ctx, book) = CmdPreprocessor::parse_input(io::stdin()).map_err(|e| {
        format!("mdbook-procedure: could not read the book from mdBook on stdin: {e:#}")
    })?;
    if ctx.mdbook_version != mdbook::MDBOOK_VERSION {
        eprintln!(
            "warning: mdbook-procedure was built with mdbook {} but runs under mdBook {}",
            mdbook::MDBOOK_VERSION,
            ctx.mdbook_version
        );
    }
    let book = preprocessor.run(&ctx, book).map_err(|e| format!("{e:#}"))?;
    serde_json::to_writer(io::stdout(), &book)
        .map_err(|e| format!("mdbook-procedure: could not write the book: {e}"))
}
