//! `card.html` in every language: the procedure on a card the size of a postcard (A6), to print
//! and keep in the glovebox, with a QR code that opens guided mode on a phone.
//!
//! Everything on it comes from the language's built procedure page, so the card cannot drift
//! from the procedure: each step's `card` line (`data-card`, which the preprocessor writes from
//! `<!-- card: … -->` in the page's language, and `authoring` then takes off the procedure
//! page), its window (`data-window`), guided mode's restart sentence, and the key drawing with
//! its buttons named, as "Does this apply?" shows it. The page itself is the procedure page with its `<main>` replaced, so the post-build
//! steps that follow (styles, policy, translation, typography, languages, link preview, sitemap,
//! service worker) treat it as every other page. It is in no chapter list and no previous/next
//! chain. Its look (`theme/card/card.css`) and its Print button (`theme/card/card.js`) are its
//! own, so no other page carries them.

use crate::{escape, Site};
use anyhow::{bail, Context, Result};
use lol_html::html_content::ContentType;
use lol_html::{element, rewrite_str, RewriteStrSettings};
use qrcode::render::svg;
use qrcode::{EcLevel, QrCode};
use scraper::{Html, Selector};
use std::fs;
use std::path::Path;

pub const FILE: &str = "card.html";

/// The card's words, in English; the catalogues translate them (`crate::BUILD_WORDS`).
pub const TITLE: &str = "A card for the glovebox";
pub const DESCRIPTION: &str = "The seven steps on one card to print and keep in the glovebox, \
                               with a code that opens guided mode on a phone.";
pub const HOW: &str =
    "Print it on A4 or US Letter, cut along the dashed line and keep it in the glovebox.";
pub const PRINT: &str = "Print";
pub const FOR: &str =
    "Remote locking of a 2004–2006 Mini (the Convertible up to 2008) with the three-button key";
pub const SESSION: &str = "Every key in one session: have all of the car's keys with you.";
pub const MISSED: &str = "Missed a window, or a key did not respond?";
pub const SCAN: &str = "Scan for guided mode, which counts each window for you:";

/// One step as the card shows it.
#[derive(Debug, PartialEq, Eq)]
pub struct CardStep {
    pub number: u32,
    /// Seconds of the step's window, if it has one.
    pub window: Option<u32>,
    pub line: String,
}

/// Writes `card.html` and its style and script into the language's `book_dir`, from its
/// `procedure.html` and `does-this-apply.html` as mdBook built them.
pub fn write(root: &Path, book_dir: &Path, site: &Site) -> Result<()> {
    let procedure = fs::read_to_string(book_dir.join("procedure.html"))
        .context("the glovebox card is made from procedure.html")?;
    let steps = steps(&procedure)?;
    let restart = restart(&procedure, site, &steps)?;
    let key = key_drawing(
        &fs::read_to_string(book_dir.join("does-this-apply.html"))?,
        book_dir,
        site,
    )?;
    let guided = format!("{}procedure.html#guided", site.address_in(&site.language));
    let content = content(site, &steps, &restart, &key, &guided)?;
    let style = theme_file(root, book_dir, "card.css")?;
    let script = theme_file(root, book_dir, "card.js")?;
    let title = format!("{} - {}", site.words(TITLE), site.name);
    let html = page(&procedure, &title, &content, &style, &script)?;
    fs::write(book_dir.join(FILE), html)?;
    Ok(())
}

/// The procedure's steps: their numbers, windows and card lines, from its list.
pub fn steps(procedure_html: &str) -> Result<Vec<CardStep>> {
    let doc = Html::parse_document(procedure_html);
    let items = Selector::parse("ol.procedure > li[data-step]").expect("valid selector");
    let mut steps = Vec::new();
    for li in doc.select(&items) {
        let number = li.attr("data-step").unwrap_or_default().parse()?;
        let Some(line) = li.attr("data-card") else {
            bail!("procedure.html: step {number} has no card line (`<!-- card: … -->`)");
        };
        steps.push(CardStep {
            number,
            window: li.attr("data-window").map(str::parse).transpose()?,
            line: line.to_owned(),
        });
    }
    if steps.is_empty() {
        bail!("procedure.html has no procedure for the card");
    }
    Ok(steps)
}

/// Guided mode's restart sentence (`data-word="restart"`), in the page's language.
fn restart(procedure_html: &str, site: &Site, steps: &[CardStep]) -> Result<String> {
    let doc = Html::parse_document(procedure_html);
    let word = Selector::parse(r#"[data-word="restart"]"#).expect("valid selector");
    let english = doc
        .select(&word)
        .next()
        .map(|w| w.text().collect::<String>())
        .context("procedure.html has no restart sentence (`data-word=\"restart\"`)")?;
    Ok(site
        .words(english.trim())
        .replace("{step}", &steps[0].number.to_string()))
}

/// The key drawing with its buttons named, as "Does this apply?" shows it (its words translated),
/// with the drawing's own size, so that the page keeps its place for it while it loads.
fn key_drawing(does_this_apply: &str, book_dir: &Path, site: &Site) -> Result<String> {
    let drawing = site
        .key_drawing
        .as_deref()
        .context("book.toml names no key drawing (`key-drawing`)")?;
    let doc = Html::parse_document(does_this_apply);
    let img = Selector::parse("img").expect("valid selector");
    let found = doc
        .select(&img)
        .find(|i| i.attr("src") == Some(drawing))
        .with_context(|| format!("does-this-apply.html shows no {drawing}"))?;
    let svg = Html::parse_fragment(&fs::read_to_string(book_dir.join(drawing))?);
    let root = svg
        .select(&Selector::parse("svg").expect("valid selector"))
        .next()
        .with_context(|| format!("{drawing} is not an SVG drawing"))?;
    let [Some(width), Some(height)] = [root.attr("width"), root.attr("height")] else {
        bail!("{drawing}: its <svg> has no width and height");
    };
    Ok(format!(
        r#"<img class="card-key" src="{}" width="{}" height="{}" alt="{}">"#,
        escape(drawing),
        escape(width),
        escape(height),
        escape(found.attr("alt").unwrap_or_default())
    ))
}

/// The QR code of `address`, drawn as SVG: black on white, with its quiet zone.
pub fn qr_code(address: &str, label: &str) -> Result<String> {
    let code = QrCode::with_error_correction_level(address, EcLevel::M)?;
    let svg = code
        .render::<svg::Color>()
        .dark_color(svg::Color("#000"))
        .light_color(svg::Color("#fff"))
        .quiet_zone(true)
        .build();
    // Without the XML declaration: the drawing goes inside the page.
    let svg = svg
        .split_once("<svg")
        .map_or(svg.as_str(), |(_, rest)| rest);
    Ok(format!(
        r#"<svg class="card-qr" role="img" aria-label="{}"{svg}"#,
        escape(label)
    ))
}

/// The page's `<main>`: the card, and above it what it is and how to print it.
fn content(
    site: &Site,
    steps: &[CardStep],
    restart: &str,
    key: &str,
    guided: &str,
) -> Result<String> {
    let word = |english: &str| escape(&site.words(english));
    let mut items = String::new();
    for step in steps {
        let window = step.window.map_or(String::new(), |s| {
            format!(r#"<span class="card-window">{s} s</span> "#)
        });
        let window_attribute = step
            .window
            .map_or(String::new(), |s| format!(r#" data-window="{s}""#));
        items.push_str(&format!(
            "<li data-step=\"{}\"{window_attribute}>{window}<span class=\"card-line\">{}</span></li>\n",
            step.number,
            escape(&step.line)
        ));
    }
    let qr = qr_code(guided, guided)?;
    let address = escape(guided);
    Ok(format!(
        "<!-- description: {description} -->\n\
         <h1 id=\"a-card-for-the-glovebox\">{title}</h1>\n\
         <p class=\"card-how\">{how}</p>\n\
         <p class=\"card-print-row js-only\"><button type=\"button\" class=\"card-print\">{print}</button></p>\n\
         <article class=\"glovebox-card\" aria-labelledby=\"card-for\">\n\
         <p class=\"card-for\" id=\"card-for\">{for_line}</p>\n\
         {key}\n\
         <p class=\"card-session\">{session}</p>\n\
         <ol class=\"card-steps\">\n{items}</ol>\n\
         <p class=\"card-restart\"><strong>{missed}</strong> {restart}</p>\n\
         <div class=\"card-guided\">{qr}<p>{scan}<br><span class=\"card-address\">{address}</span></p></div>\n\
         </article>\n",
        description = word(DESCRIPTION),
        title = word(TITLE),
        how = word(HOW),
        print = word(PRINT),
        for_line = word(FOR),
        session = word(SESSION),
        missed = word(MISSED),
        restart = escape(restart),
        scan = word(SCAN),
    ))
}

/// Copies `theme/card/<name>` into the book under a name that carries its content's hash, as
/// mdBook names the theme's files (so hosts may cache it for a year); returns that name.
fn theme_file(root: &Path, book_dir: &Path, name: &str) -> Result<String> {
    let source = root.join("theme/card").join(name);
    let bytes = fs::read(&source).with_context(|| source.display().to_string())?;
    let (stem, extension) = name
        .rsplit_once('.')
        .expect("a file name with an extension");
    let file = format!(
        "theme/card/{stem}-{}.{extension}",
        crate::short_hash(&bytes)
    );
    fs::create_dir_all(book_dir.join("theme/card"))?;
    fs::write(book_dir.join(&file), bytes)?;
    Ok(file)
}

/// The procedure page with the card in its `<main>`, its own title, style and script, and no
/// previous/next links (the card is in no chain).
fn page(procedure: &str, title: &str, content: &str, style: &str, script: &str) -> Result<String> {
    let translated_from = Selector::parse("main > .translated-from").expect("valid selector");
    let translated = Html::parse_document(procedure)
        .select(&translated_from)
        .next()
        .map(|p| p.html())
        .unwrap_or_default();
    let settings = RewriteStrSettings::new()
        .append_element_content_handler(element!("title", |el| {
            el.set_inner_content(title, ContentType::Text);
            Ok(())
        }))
        .append_element_content_handler(element!("head", |el| {
            el.append(
                &format!(r#"<link rel="stylesheet" href="{style}">"#),
                ContentType::Html,
            );
            Ok(())
        }))
        .append_element_content_handler(element!("html[data-scripts-after-paint]", |el| {
            let scripts = el
                .get_attribute("data-scripts-after-paint")
                .unwrap_or_default();
            el.set_attribute("data-scripts-after-paint", &format!("{scripts} {script}"))?;
            Ok(())
        }))
        // The chapter's words and comments give way to the card; the line that says a page is
        // translated stays.
        .append_element_content_handler(element!("main", |el| {
            el.set_inner_content(&format!("{content}{translated}"), ContentType::Html);
            Ok(())
        }))
        .append_element_content_handler(element!("nav.page-nav", |el| {
            el.remove();
            Ok(())
        }));
    Ok(rewrite_str(procedure, settings)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    const PROCEDURE: &str = r#"<html data-scripts-after-paint="book.js"><head><title>Re-program - X</title></head><body>
        <main><!-- description: The procedure. --><h1>Re-program</h1>
        <ol class="procedure"><li data-step="1" data-card="Shut the doors">…</li>
        <li data-step="2" data-window="5" data-card="Turn &amp; back">…</li></ol>
        <p class="translated-from">Translated.</p></main>
        <nav class="page-nav"><a rel="next" href="t.html">Next</a></nav></body></html>"#;

    #[test]
    fn the_steps_are_the_procedure_s_and_a_step_without_a_line_is_refused() {
        assert_eq!(
            steps(PROCEDURE).unwrap(),
            [
                CardStep {
                    number: 1,
                    window: None,
                    line: "Shut the doors".into()
                },
                CardStep {
                    number: 2,
                    window: Some(5),
                    line: "Turn & back".into()
                },
            ]
        );
        let err = steps(&PROCEDURE.replace(r#" data-card="Shut the doors""#, ""))
            .unwrap_err()
            .to_string();
        assert_eq!(
            err,
            "procedure.html: step 1 has no card line (`<!-- card: … -->`)"
        );
    }

    #[test]
    fn the_card_takes_the_page_s_main_and_leaves_no_chain() {
        let html = page(
            PROCEDURE,
            "Card - X",
            "<h1>Card</h1>",
            "theme/card/card-1.css",
            "theme/card/card-2.js",
        )
        .unwrap();
        assert!(html.contains("<title>Card - X</title>"));
        assert!(html.contains(r#"<link rel="stylesheet" href="theme/card/card-1.css">"#));
        assert!(html.contains(r#"data-scripts-after-paint="book.js theme/card/card-2.js""#));
        assert!(html
            .contains(r#"<main><h1>Card</h1><p class="translated-from">Translated.</p></main>"#));
        assert!(
            !html.contains("page-nav") && !html.contains("procedure") && !html.contains("<!--")
        );
    }
}
