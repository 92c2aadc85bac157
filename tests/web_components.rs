//! Component tests in headless Chromium (`scripts/test.sh wasm`): each test mounts a component
//! into a fresh element, awaits `yew::scheduler::flush()` (never a sleep) and reads the DOM.
#![cfg(target_arch = "wasm32")]

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use perfil_cm::answers::{Agreement, Answer};
use perfil_cm::components::app::App;
use perfil_cm::components::intro::{Intro, IntroProps};
use perfil_cm::components::language_switch::{LanguageSwitch, LanguageSwitchProps};
use perfil_cm::components::question::{QuestionScreen, QuestionScreenProps};
use perfil_cm::i18n::Locale;
use perfil_cm::model::{Question, Version};
use perfil_cm::state::{Action, StorageStatus};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::{Element, HtmlElement, KeyboardEvent, KeyboardEventInit};
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

/// Records every action a component dispatches.
fn recorder() -> (Rc<RefCell<Vec<Action>>>, Callback<Action>) {
    let actions = Rc::new(RefCell::new(Vec::new()));
    let callback = {
        let actions = actions.clone();
        Callback::from(move |action| actions.borrow_mut().push(action))
    };
    (actions, callback)
}

fn keydown(root: &Element, selector: &str, key: &str) {
    let init = KeyboardEventInit::new();
    init.set_key(key);
    init.set_bubbles(true);
    init.set_cancelable(true);
    let event = KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).expect("event");
    root.query_selector(selector)
        .ok()
        .flatten()
        .unwrap_or_else(|| panic!("no element matches {selector}"))
        .dispatch_event(&event)
        .expect("dispatched");
}

#[wasm_bindgen_test]
async fn intro_shows_the_locale_and_reports_start() {
    let root = mount_point();
    let (actions, on_action) = recorder();
    let props = IntroProps {
        locale: Locale::En,
        version: Version::Quick,
        has_answers: false,
        remember: false,
        storage: StorageStatus::Available,
        on_action,
    };
    Renderer::<Intro>::with_root_and_props(root.clone(), props).render();
    scheduler::flush().await;

    assert_eq!(text(&root, "h1"), Locale::En.ui().intro_title);
    assert_eq!(
        text(&root, ".intro__privacy-text"),
        Locale::En.ui().intro_privacy
    );
    assert!(actions.borrow().is_empty());
    click(&root, ".intro__start");
    click(&root, "input[value=full]");
    assert_eq!(
        *actions.borrow(),
        [Action::Start, Action::SetVersion(Version::Full)]
    );
}

#[wasm_bindgen_test]
async fn a_question_is_a_fieldset_with_its_legend_and_answers_from_digit_keys() {
    let root = mount_point();
    let (actions, on_action) = recorder();
    let props = QuestionScreenProps {
        locale: Locale::Es,
        question: Question::Likert(0),
        position: 0,
        total: 13,
        answer: None,
        on_action,
    };
    Renderer::<QuestionScreen>::with_root_and_props(root.clone(), props).render();
    scheduler::flush().await;

    assert_eq!(text(&root, "fieldset legend"), Locale::Es.texts().items[0]);
    assert_eq!(
        root.query_selector_all("input[type=radio]")
            .map(|l| l.length())
            .ok(),
        Some(5)
    );
    let bar = root
        .query_selector("[role=progressbar]")
        .ok()
        .flatten()
        .expect("progressbar");
    assert_eq!(bar.get_attribute("aria-valuenow").as_deref(), Some("1"));
    assert_eq!(bar.get_attribute("aria-valuemax").as_deref(), Some("13"));

    keydown(&root, "h1", "4");
    keydown(&root, "h1", "9");
    keydown(&root, "h1", "Enter");
    keydown(&root, "h1", "ArrowLeft");
    let four = Agreement::new(4).map(Answer::Agree);
    let actions = actions.borrow();
    // The answer carries how long the question was on screen (the page's clock decides how
    // long, so only its presence is checked).
    assert!(
        matches!(actions.first(), Some(Action::Answer(Question::Likert(0), answer, Some(_))) if *answer == four),
        "{actions:?}"
    );
    assert_eq!(actions[1..], [Action::Next, Action::Back]);
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
async fn app_switches_language_without_leaving_the_question() {
    let root = mount_point();
    Renderer::<App>::with_root(root.clone()).render();
    scheduler::flush().await;

    click(&root, "button[lang=es]");
    scheduler::flush().await;
    assert_eq!(text(&root, "h1"), Locale::Es.ui().intro_title);
    let lang = |root: &Element| {
        root.first_element_child()
            .and_then(|e| e.get_attribute("lang"))
    };
    assert_eq!(lang(&root).as_deref(), Some("es"));

    click(&root, ".intro__start");
    scheduler::flush().await;
    click(&root, "#choice-5");
    scheduler::flush().await;
    click(&root, "button[lang=en]");
    scheduler::flush().await;
    assert_eq!(text(&root, "fieldset legend"), Locale::En.texts().items[0]);
    assert_eq!(lang(&root).as_deref(), Some("en"));
    let checked = root
        .query_selector("input:checked")
        .ok()
        .flatten()
        .map(|e| e.id());
    assert_eq!(
        checked.as_deref(),
        Some("choice-5"),
        "the answer survives the switch"
    );
}
