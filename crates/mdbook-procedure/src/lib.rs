//! `mdbook-procedure`: the guide's procedure as data, from one source of truth, the Markdown chapter.
//!
//! - `procedure` reads a chapter: the `<!-- procedure -->` list, its steps and markers, its step
//!   references (step ids are made there).
//! - `render` writes the chapter back out for the HTML renderer, with a `HowTo` JSON-LD block.
//! - `markers` is the authoring syntax; `references` finds "step 3"; `error` says `file:line: …`.
//! - `figures` draws what the hands do in a step, from the guide's own drawings.
//! - `chapter_html` fails a chapter whose HTML the site's Content-Security-Policy would block.
//! - `translate` puts the catalogue's words into the comments mdbook-gettext leaves as they are.
//! - `keywords` puts a chapter's `<!-- keywords: … -->` into the search index, hidden on the page.

mod chapter_html;
pub mod error;
pub mod figures;
mod keywords;
mod markdown;
pub mod markers;
pub mod procedure;
pub mod references;
pub mod render;
pub mod translate;

use error::{SourceError, SourceErrors};
use figures::Drawings;
use mdbook::book::{Book, BookItem};
use mdbook::preprocess::{Preprocessor, PreprocessorContext};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

pub struct ProcedurePreprocessor;

impl Preprocessor for ProcedurePreprocessor {
    fn name(&self) -> &str {
        "procedure"
    }

    fn run(&self, ctx: &PreprocessorContext, mut book: Book) -> mdbook::errors::Result<Book> {
        // The drawings the step figures are made from, named in book.toml (paths in src/).
        let setting = |name: &str| {
            ctx.config
                .get_preprocessor(self.name())
                .and_then(|table| table.get(name))
                .and_then(|v| v.as_str())
        };
        let drawings = Drawings::load(
            &ctx.root.join(&ctx.config.book.src),
            setting("key-drawing"),
            setting("ignition-drawing"),
        )
        .map_err(|e| mdbook::errors::Error::msg(format!("mdbook-procedure: {e}")))?;
        let language = ctx.config.book.language.as_deref().unwrap_or("en");
        if let Some(catalogue) = catalogue::Catalogue::for_language(&ctx.root, language)
            .map_err(|e| mdbook::errors::Error::msg(format!("mdbook-procedure: {e}")))?
        {
            book.for_each_mut(|item| {
                if let BookItem::Chapter(ch) = item {
                    ch.content = translate::chapter(&ch.content, &catalogue);
                }
            });
        }
        // The site's public address (book.toml `[output.html.site] url`) makes the HowTo's step
        // urls absolute (a translation's are in its folder); without one they stay relative.
        let site_url = match ctx
            .config
            .get("output.html.site.url")
            .and_then(|v| v.as_str())
        {
            Some(url) => format!(
                "{}/{}",
                url.trim_end_matches('/'),
                catalogue::folder(language)
            ),
            None => String::new(),
        };
        let settings = Settings {
            translation: (language != catalogue::SOURCE_LANGUAGE).then(|| language.to_owned()),
            site_url,
            drawings,
            smart_punctuation: ctx
                .config
                .html_config()
                .is_some_and(|html| html.smart_punctuation()),
        };
        process(&mut book, &ctx.config.book.src, &settings)?;
        // mdBook renders the missing-page page without the preprocessors: its HTML is checked
        // here all the same (in English: a translation's words are the theme's, data-i18n).
        if settings.translation.is_none() {
            let name = ctx
                .config
                .html_config()
                .and_then(|html| html.input_404)
                .unwrap_or_else(|| "404.md".to_owned());
            let src = ctx.config.book.src.join(&name);
            if let Ok(text) = std::fs::read_to_string(ctx.root.join(&src)) {
                let problems = chapter_html::check(&text);
                if !problems.is_empty() {
                    let file = src.to_string_lossy();
                    let errors = problems.iter().map(|p| p.at(&file, &text)).collect();
                    return Err(SourceErrors(errors).into());
                }
            }
        }
        Ok(book)
    }

    /// Other renderers are not run through us: they get the chapter as written, whose markers
    /// are ordinary Markdown comments.
    fn supports_renderer(&self, renderer: &str) -> bool {
        renderer == "html"
    }
}

/// What book.toml says about how to write the chapters.
#[derive(Debug, Default)]
pub struct Settings {
    /// `https://…/`, or "": prefixes the HowTo's step urls.
    pub site_url: String,
    /// The drawings the step figures are made from.
    pub drawings: Drawings,
    /// `output.html.smart-punctuation`: we parse as mdBook renders.
    pub smart_punctuation: bool,
    /// The language of the chapters when they are a translation, which mdbook-gettext wrote.
    pub translation: Option<String>,
}

/// Rewrites every chapter of `book`; `src_dir` (as in book.toml) prefixes file names in errors.
pub fn process(book: &mut Book, src_dir: &Path, settings: &Settings) -> Result<(), SourceErrors> {
    let mut errors = Vec::new();
    let mut chapters = HashMap::new();
    for item in book.iter() {
        let BookItem::Chapter(ch) = item else {
            continue;
        };
        let Some(path) = &ch.path else { continue };
        // HTML the site's policy would block, at its line (in a translation, the translator's).
        let blocked: Vec<error::Problem> = chapter_html::check(&ch.content)
            .into_iter()
            .map(|p| match &settings.translation {
                Some(language) => error::Problem::new(
                    p.offset,
                    format!(
                        "in po/{language}.po, the translation of this chapter: {}",
                        p.message
                    ),
                ),
                None => p,
            })
            .collect();
        errors.extend(locate(
            &blocked,
            src_dir,
            ch.source_path.as_ref(),
            &ch.content,
        ));
        let analyze = if settings.translation.is_some() {
            procedure::analyze_translation
        } else {
            procedure::analyze
        };
        match analyze(&ch.content, settings.smart_punctuation) {
            Ok(analysis) => {
                chapters.insert(path.clone(), analysis);
            }
            Err(problems) => errors.extend(locate(
                &problems,
                src_dir,
                ch.source_path.as_ref(),
                &ch.content,
            )),
        }
    }

    // References in a chapter without a procedure point to the book's one procedure, if it has one.
    let with_procedures: Vec<&PathBuf> = chapters
        .iter()
        .filter(|(_, c)| !c.procedures.is_empty())
        .map(|(p, _)| p)
        .collect();
    let book_procedure = match with_procedures.as_slice() {
        [only] => Some((
            (*only).clone(),
            chapters[*only].procedures[0].steps.len() as u32,
        )),
        _ => None,
    };

    book.for_each_mut(|item| {
        let BookItem::Chapter(ch) = item else { return };
        let Some(path) = &ch.path else { return };
        let Some(analysis) = chapters.get(path) else {
            return;
        };
        let (href, steps) = match (analysis.procedures.first(), &book_procedure) {
            (Some(own), _) => (String::new(), own.steps.len() as u32),
            (None, Some((proc_path, steps))) => (relative(path, proc_path), *steps),
            (None, None) => (String::new(), 0),
        };
        let target = (steps > 0).then_some(render::Target { href: &href, steps });
        let base = match settings.site_url.as_str() {
            "" => String::new(),
            url if url.ends_with('/') => url.to_owned(),
            url => format!("{url}/"),
        };
        let page_url = base
            + &path
                .with_extension("html")
                .to_string_lossy()
                .replace('\\', "/");
        let rendered =
            render::chapter(&ch.content, analysis, target, &ch.name, &page_url, settings).and_then(
                |content| {
                    let words = keywords::find(&ch.content).map_err(|p| vec![p])?;
                    Ok(keywords::insert(&content, &words))
                },
            );
        match rendered {
            Ok(content) => ch.content = content,
            Err(problems) => errors.extend(locate(
                &problems,
                src_dir,
                ch.source_path.as_ref(),
                &ch.content,
            )),
        }
    });

    if errors.is_empty() {
        Ok(())
    } else {
        Err(SourceErrors(errors))
    }
}

fn locate(
    problems: &[error::Problem],
    src_dir: &Path,
    source: Option<&PathBuf>,
    text: &str,
) -> Vec<SourceError> {
    let file = source.map_or_else(|| src_dir.to_path_buf(), |s| src_dir.join(s));
    let file = file.to_string_lossy();
    problems.iter().map(|p| p.at(&file, text)).collect()
}

/// The link from chapter `from` to chapter `to`, both relative to `src/`.
fn relative(from: &Path, to: &Path) -> String {
    let depth = from.parent().map_or(0, |d| d.components().count());
    let up = "../".repeat(depth);
    format!("{up}{}", to.to_string_lossy().replace('\\', "/"))
}

#[cfg(test)]
mod tests;
