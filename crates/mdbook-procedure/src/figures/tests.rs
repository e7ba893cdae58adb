use super::*;
use pretty_assertions::assert_eq;

/// The guide's own drawings, so these tests see what the site draws.
fn drawings() -> Drawings {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../src");
    Drawings::load(
        &src,
        Some("images/three-button-key.svg"),
        Some("images/ignition.svg"),
    )
    .unwrap()
}

const KEY: &str = r#"<svg xmlns="http://www.w3.org/2000/svg"><defs>
  <symbol id="key" viewBox="0 0 100 200">
    <!-- a note -->
    <circle id="key-unlock" cx="50" cy="40" r="10"/>
    <circle id="key-lock" cx="50" cy="80" r="10"/>
    <circle id="key-boot" cx="50" cy="120" r="10"/>
  </symbol></defs></svg>"#;

#[test]
fn reads_the_symbol_and_where_each_button_is() {
    let key = Drawing::parse(KEY, "key", &BUTTONS).unwrap();
    assert_eq!(
        key.button("lock"),
        Some(&Button {
            cx: 50.0,
            cy: 80.0,
            r: 10.0
        })
    );
    assert!(key.symbol.starts_with("<symbol id=\"key\""));
    assert!(!key.symbol.contains("note"), "comments are left out");
    assert!(
        !key.symbol.contains('\n'),
        "one line: a blank line would end the HTML block"
    );
}

#[test]
fn a_drawing_without_a_button_is_refused() {
    let no_boot = KEY.replace("key-boot", "key-trunk");
    assert_eq!(
        Drawing::parse(&no_boot, "key", &BUTTONS),
        Err("no `<circle id=\"key-boot\">` for the boot button".into())
    );
    assert!(Drawing::parse("<svg/>", "key", &BUTTONS).is_err());
    assert!(Drawing::parse("not svg", "key", &BUTTONS).is_err());
}

#[test]
fn the_guides_drawings_have_every_button() {
    let drawings = drawings();
    let key = drawings.key.unwrap();
    for name in BUTTONS {
        assert!(key.button(name).is_some(), "{name}");
    }
    assert!(drawings.ignition.is_some());
}

fn action<'a>(hold: &'a [String], press: &'a [String], presses: u32) -> Action<'a> {
    Action {
        hold,
        press,
        presses,
        ignition: None,
    }
}

#[test]
fn a_held_and_a_pressed_button_in_a_figure_and_in_words() {
    let hold = ["unlock".to_owned()];
    let press = ["lock".to_owned()];
    let key = Drawing::parse(KEY, "key", &BUTTONS).unwrap();
    let drawings = Drawings {
        key: Some(key),
        ignition: None,
    };
    let html = figures(action(&hold, &press, 3), &drawings).unwrap();
    assert_eq!(
        html,
        "<svg class=\"step-figure key-figure hold-unlock\" viewBox=\"16 8 206 464\" role=\"img\" \
         data-i18n=\"aria-label\" aria-label=\"The key: keep unlock pressed, and press lock 3 times.\">\
         <use href=\"#key\" width=\"100\" height=\"200\"/>\
         <circle class=\"mark-held\" data-button=\"unlock\" cx=\"50\" cy=\"40\" r=\"20\"/>\
         <circle class=\"mark-pressed\" data-button=\"lock\" cx=\"50\" cy=\"80\" r=\"20\"/>\
         <text class=\"mark-count\" x=\"200\" y=\"38\">×3</text>\
         <circle class=\"pip\" cx=\"200\" cy=\"58\" r=\"8\"/>\
         <circle class=\"pip\" cx=\"200\" cy=\"80\" r=\"8\"/>\
         <circle class=\"pip\" cx=\"200\" cy=\"102\" r=\"8\"/></svg>"
    );
}

#[test]
fn words_for_each_kind_of_step() {
    let both = ["lock".to_owned(), "unlock".to_owned()];
    assert_eq!(
        words(action(&both, &[], 1)),
        "The key: keep lock and unlock pressed at the same time."
    );
    assert_eq!(words(action(&[], &both[..1], 1)), "The key: press lock.");
}

#[test]
fn the_ignition_figure() {
    let html = figures(
        Action {
            hold: &[],
            press: &[],
            presses: 1,
            ignition: Some("position-one"),
        },
        &drawings(),
    )
    .unwrap();
    assert!(html.contains("<use href=\"#ignition\""), "{html}");
    assert!(
        html.contains("aria-label=\"The ignition: turn the key from 0 (off) to 1, position one.\"")
    );
}

#[test]
fn a_figure_without_its_drawing_says_what_to_set() {
    let hold = ["lock".to_owned()];
    let err = figures(action(&hold, &[], 1), &Drawings::default()).unwrap_err();
    assert!(err.contains("key-drawing"), "{err}");
}

#[test]
fn the_defs_hold_each_symbol_once() {
    let defs = drawings().defs();
    assert_eq!(defs.matches("<symbol id=\"key\"").count(), 1);
    assert_eq!(defs.matches("<symbol id=\"ignition\"").count(), 1);
    assert!(!defs.trim_end().contains('\n'));
}
