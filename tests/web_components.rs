//! Component tests in headless Chromium (`scripts/test.sh wasm`): each test mounts a component
//! into a fresh element, awaits `yew::scheduler::flush()` (never a sleep) and reads the DOM.
#![cfg(target_arch = "wasm32")]

use std::cell::Cell;
use std::rc::Rc;

use perfil_cm::components::app::App;
use perfil_cm::components::intro::{Intro, IntroProps};
use perfil_cm::components::language_switch::{LanguageSwitch, LanguageSwitchProps};
use perfil_cm::i18n::Locale;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::{Element, HtmlElement};
use yew::{Callback, Renderer, scheduler};

wasm_bindgen_test_configure!(run_in_browser);

/// A fresh, attached element to mount into.
fn mount_point() -> Element {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .expect("a document");
    let element = document.create_element("div").expect("a div");
    document
        .body()
        .expect("a body")
        .append_child(&element)
        .expect("attached");
    element
}

fn text(root: &Element, selector: &str) -> String {
    root.query_selector(selector)
        .ok()
        .flatten()
        .and_then(|e| e.text_content())
        .unwrap_or_else(|| panic!("no element matches {selector}"))
        .trim()
        .to_owned()
}

fn click(root: &Element, selector: &str) {
    root.query_selector(selector)
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into::<HtmlElement>().ok())
        .unwrap_or_else(|| panic!("no element matches {selector}"))
        .click();
}

#[wasm_bindgen_test]
async fn intro_shows_the_locale_and_reports_start() {
    let root = mount_point();
    let started = Rc::new(Cell::new(false));
    let on_start = {
        let started = started.clone();
        Callback::from(move |()| started.set(true))
    };
    Renderer::<Intro>::with_root_and_props(
        root.clone(),
        IntroProps {
            locale: Locale::En,
            on_start,
        },
    )
    .render();
    scheduler::flush().await;

    assert_eq!(text(&root, "h1"), Locale::En.ui().intro_title);
    assert_eq!(
        text(&root, ".intro__privacy-text"),
        Locale::En.ui().intro_privacy
    );
    assert!(!started.get());
    click(&root, ".intro__start");
    assert!(started.get());
}

#[wasm_bindgen_test]
async fn language_switch_marks_the_current_locale_and_reports_the_choice() {
    let root = mount_point();
    let chosen = Rc::new(Cell::new(None));
    let on_change = {
        let chosen = chosen.clone();
        Callback::from(move |locale| chosen.set(Some(locale)))
    };
    Renderer::<LanguageSwitch>::with_root_and_props(
        root.clone(),
        LanguageSwitchProps {
            current: Locale::Es,
            on_change,
        },
    )
    .render();
    scheduler::flush().await;

    let pressed = root
        .query_selector("[aria-pressed=true]")
        .ok()
        .flatten()
        .and_then(|e| e.get_attribute("lang"));
    assert_eq!(pressed.as_deref(), Some("es"));
    click(&root, "button[lang=en]");
    assert_eq!(chosen.get(), Some(Locale::En));
}

#[wasm_bindgen_test]
async fn app_switches_language_without_leaving_the_screen() {
    let root = mount_point();
    Renderer::<App>::with_root(root.clone()).render();
    scheduler::flush().await;

    click(&root, "button[lang=es]");
    scheduler::flush().await;
    assert_eq!(text(&root, "h1"), Locale::Es.ui().intro_title);
    assert_eq!(
        root.first_element_child()
            .and_then(|e| e.get_attribute("lang"))
            .as_deref(),
        Some("es")
    );

    click(&root, ".intro__start");
    scheduler::flush().await;
    click(&root, "button[lang=en]");
    scheduler::flush().await;
    assert_eq!(
        text(&root, ".questionnaire p"),
        Locale::En.ui().questionnaire_placeholder
    );
    assert_eq!(
        root.first_element_child()
            .and_then(|e| e.get_attribute("lang"))
            .as_deref(),
        Some("en")
    );
}
