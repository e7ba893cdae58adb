//! The glovebox card (`card.html`) of every language: its steps and windows are the procedure's
//! (the built page's steps and windows, and each step's `card` line in `src/procedure.md`, in the
//! language's words), its restart sentence is guided mode's, and its QR code, drawn as the browser
//! would draw it and read by a real decoder (rqrr), opens that language's guided mode at the
//! public address, which the card also prints for a reader who types it.

use crate::{html_text, paths};
use anyhow::{bail, Context, Result};
use scraper::{ElementRef, Html, Selector};
use std::fs;

/// A step as a page shows it: its number, its window's seconds, its one line.
type Step = (String, Option<String>, String);

pub fn run() -> Result<()> {
    let site = paths::site()?;
    let book = paths::book()?;
    let mut problems = Vec::new();
    for (language, _) in &site.languages {
        let folder = catalogue::folder(language);
        let card = fs::read_to_string(book.join(&folder).join("card.html"))
            .with_context(|| format!("{folder}card.html was not built"))?;
        let procedure = fs::read_to_string(book.join(&folder).join("procedure.html"))?;
        let name = format!("{folder}card.html");
        let lines = card_lines(&paths::site()?.in_language(language)?)?;
        let (on_card, in_procedure) = (card_steps(&card), procedure_steps(&procedure, &lines));
        if on_card != in_procedure {
            problems.push(format!(
                "{name}: its steps are not the procedure's:\n  card: {on_card:?}\n  procedure: {in_procedure:?}"
            ));
        }
        let restart = restart_sentence(&procedure)?;
        if !words(&one(&card, ".card-restart")?).contains(&restart) {
            problems.push(format!("{name}: the restart sentence is not \"{restart}\""));
        }
        let guided = format!("{}procedure.html#guided", site.address_in(language));
        match qr_code_says(&one_html(&card, "svg.card-qr")?) {
            Ok(said) if said == guided => {}
            Ok(said) => problems.push(format!("{name}: the QR code opens {said}, not {guided}")),
            Err(err) => problems.push(format!("{name}: the QR code cannot be read: {err:#}")),
        }
        if words(&one(&card, ".card-address")?) != guided {
            problems.push(format!("{name}: the printed address is not {guided}"));
        }
        println!("{name}: {} steps, QR code {guided}", on_card.len());
    }
    if !problems.is_empty() {
        bail!("{}", problems.join("\n"));
    }
    Ok(())
}

fn select(html: &str, selector: &str) -> Vec<String> {
    let doc = Html::parse_document(html);
    let selector = Selector::parse(selector).expect("valid selector");
    doc.select(&selector).map(|e| e.html()).collect()
}

/// The words of the one element `selector` finds.
fn one(html: &str, selector: &str) -> Result<String> {
    Ok(html_text::reader_text(&one_html(html, selector)?))
}

fn one_html(html: &str, selector: &str) -> Result<String> {
    select(html, selector)
        .into_iter()
        .next()
        .with_context(|| format!("no {selector}"))
}

/// Words with their spaces folded (a no-break space is a space).
fn words(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn step_of(li: ElementRef, line: String) -> Step {
    let attribute = |name: &str| li.value().attr(name).map(str::to_owned);
    (
        attribute("data-step").unwrap_or_default(),
        attribute("data-window"),
        words(&line),
    )
}

/// The card's steps: each item's number, window and line.
fn card_steps(card: &str) -> Vec<Step> {
    let doc = Html::parse_document(card);
    let items = Selector::parse("ol.card-steps > li").expect("valid selector");
    let line = Selector::parse(".card-line").expect("valid selector");
    doc.select(&items)
        .map(|li| {
            let words = li.select(&line).flat_map(|l| l.text()).collect();
            step_of(li, words)
        })
        .collect()
}

/// The procedure's steps: each step's number and window from the built list, with `lines`.
fn procedure_steps(procedure: &str, lines: &[String]) -> Vec<Step> {
    let doc = Html::parse_document(procedure);
    let items = Selector::parse("ol.procedure > li[data-step]").expect("valid selector");
    doc.select(&items)
        .zip(lines)
        .map(|(li, line)| step_of(li, line.clone()))
        .collect()
}

/// Each step's `card` line, as `src/procedure.md` says it, in the language of `site`.
fn card_lines(site: &post_build::Site) -> Result<Vec<String>> {
    let chapter = fs::read_to_string(paths::chapters().join("procedure.md"))?;
    let steps = mdbook_procedure::procedure::analyze(&chapter, false)
        .map_err(|problems| anyhow::anyhow!("procedure.md: {problems:?}"))?
        .procedures
        .into_iter()
        .flat_map(|p| p.steps);
    Ok(steps
        .map(|step| site.words(step.card.as_deref().unwrap_or_default()))
        .collect())
}

/// Guided mode's restart sentence on the procedure page, for its first step.
fn restart_sentence(procedure: &str) -> Result<String> {
    let sentence = one_html(procedure, r#"[data-word="restart"]"#)?;
    Ok(words(&html_text::reader_text(&sentence)).replace("{step}", "1"))
}

/// What a QR code drawn in SVG says: drawn by resvg, 8 pixels a module, and read by rqrr.
pub fn qr_code_says(svg: &str) -> Result<String> {
    let tree = resvg::usvg::Tree::from_str(svg, &resvg::usvg::Options::default())?;
    let size = tree.size().to_int_size();
    let scale = 8.0;
    let (width, height) = (
        (size.width() as f32 * scale) as u32,
        (size.height() as f32 * scale) as u32,
    );
    let mut pixmap = resvg::tiny_skia::Pixmap::new(width, height).context("an empty drawing")?;
    pixmap.fill(resvg::tiny_skia::Color::WHITE);
    resvg::render(
        &tree,
        resvg::tiny_skia::Transform::from_scale(scale, scale),
        &mut pixmap.as_mut(),
    );
    let mut image =
        rqrr::PreparedImage::prepare_from_greyscale(width as usize, height as usize, |x, y| {
            pixmap.pixel(x as u32, y as u32).map_or(255, |p| p.red())
        });
    let grids = image.detect_grids();
    let grid = grids.first().context("no QR code found in the drawing")?;
    let (_, content) = grid.decode()?;
    Ok(content)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_qr_code_drawn_by_the_build_reads_back() {
        let address = "https://example.org/de/procedure.html#guided";
        let svg = post_build::glovebox_card::qr_code(address, address).unwrap();
        assert_eq!(qr_code_says(&svg).unwrap(), address);
        assert!(
            qr_code_says("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\"/>")
                .is_err()
        );
    }

    #[test]
    fn steps_differing_in_a_window_or_a_line_are_found() {
        let procedure = r#"<ol class="procedure"><li data-step="1">x</li><li data-step="2" data-window="5">y</li></ol>"#;
        let lines = ["Shut the doors".to_owned(), "Turn and back".to_owned()];
        let card = |window: &str, line: &str| {
            format!(
                r#"<ol class="card-steps"><li data-step="1"><span class="card-line">Shut the doors</span></li>
                <li data-step="2" data-window="{window}"><span class="card-window">{window} s</span> <span class="card-line">{line}</span></li></ol>"#
            )
        };
        let expected = procedure_steps(procedure, &lines);
        assert_eq!(card_steps(&card("5", "Turn and back")), expected);
        assert_ne!(card_steps(&card("10", "Turn and back")), expected);
        assert_ne!(card_steps(&card("5", "Turn")), expected);
    }
}
