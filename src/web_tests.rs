//! Component tests in headless Chromium (`scripts/test.sh wasm`): each test mounts a component
//! into a fresh element, awaits `yew::scheduler::flush()` (never a sleep) and reads the DOM.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::{Element, HtmlElement, KeyboardEvent, KeyboardEventInit};
use yew::prelude::*;
use yew::{Renderer, scheduler};

use crate::answers::{Agreement, Answer};
use crate::components::app::App;
use crate::components::intro::{IntroProps, intro};
use crate::components::language_switch::language_switch;
use crate::components::question::QuestionScreen;
use crate::i18n::Locale;
use crate::model::{Question, Version};
use crate::platform::crash::Stop;
use crate::state::StorageStatus;

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

/// The attribute `name` of the first element matching `selector`, if both are there.
fn attribute(root: &Element, selector: &str, name: &str) -> Option<String> {
    root.query_selector(selector)
        .ok()
        .flatten()
        .and_then(|e| e.get_attribute(name))
}

fn click(root: &Element, selector: &str) {
    root.query_selector(selector)
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into::<HtmlElement>().ok())
        .unwrap_or_else(|| panic!("no element matches {selector}"))
        .click();
}

/// What a component reported through its callbacks, in order, one line each.
#[derive(Clone, Default)]
struct Log(Rc<RefCell<Vec<String>>>);

impl Log {
    /// A callback that logs `name` and what it was given.
    fn callback<T: std::fmt::Debug + 'static>(&self, name: &'static str) -> Callback<T> {
        let log = self.0.clone();
        Callback::from(move |value: T| log.borrow_mut().push(format!("{name} {value:?}")))
    }

    fn lines(&self) -> Vec<String> {
        self.0.borrow().clone()
    }
}

/// Properties of [`Holder`].
#[derive(Properties, PartialEq)]
struct HolderProps {
    children: Html,
}

/// Its children: a root component for parts rendered alone.
#[component]
fn Holder(props: &HolderProps) -> Html {
    props.children.clone()
}

/// Renders `children` into `root`.
fn render(root: &Element, children: Html) {
    Renderer::<Holder>::with_root_and_props(root.clone(), HolderProps { children }).render();
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
    let log = Log::default();
    render(
        &root,
        intro(
            Locale::En,
            &IntroProps {
                version: Version::Quick,
                version_fixed: false,
                title: None,
                has_answers: false,
                remember: false,
                storage: StorageStatus::Available,
                target: None,
                on_version: log.callback("version"),
                on_start: log.callback("start"),
                on_remember: log.callback("remember"),
                on_erase: log.callback("erase"),
            },
        ),
    );
    scheduler::flush().await;

    assert_eq!(text(&root, "h1"), Locale::En.ui().intro_title);
    assert_eq!(
        text(&root, ".intro__privacy-text"),
        Locale::En.ui().intro_privacy
    );
    assert!(log.lines().is_empty());
    click(&root, ".intro__start");
    click(&root, "input[value=full]");
    click(&root, ".data-controls__checkbox");
    assert_eq!(log.lines(), ["start ()", "version Full", "remember true"]);
}

#[wasm_bindgen_test]
async fn a_question_is_a_fieldset_with_its_legend_and_reports_a_clicked_answer() {
    let root = mount_point();
    let log = Log::default();
    render(
        &root,
        html! {
            <QuestionScreen
                locale={Locale::Es}
                question={Question::Likert(0)}
                position=0
                total=13
                answer={None::<Answer>}
                on_answer={log.callback::<Option<Answer>>("answer")}
                on_next={log.callback("next")}
                on_advance={log.callback("advance")}
                on_back={log.callback("back")}
            />
        },
    );
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

    click(&root, "#choice-4");
    click(&root, ".question__nav .button--primary");
    let four = Agreement::new(4).map(Answer::Agree);
    assert_eq!(
        log.lines(),
        [format!("answer {four:?}"), "next ()".to_owned()]
    );
}

/// This tab's storage and the device's, which the tests' browser gives.
fn storages() -> (web_sys::Storage, web_sys::Storage) {
    let window = web_sys::window().expect("a window");
    (
        window
            .session_storage()
            .ok()
            .flatten()
            .expect("session storage"),
        window
            .local_storage()
            .ok()
            .flatten()
            .expect("local storage"),
    )
}

/// Forgets what earlier tests of the app stored, so that it starts afresh.
fn forget_storage() {
    let (session, local) = storages();
    for storage in [session, local] {
        storage.clear().expect("cleared");
    }
}

#[wasm_bindgen_test]
async fn keys_answer_and_move_through_the_app() {
    forget_storage();
    let root = mount_point();
    Renderer::<App>::with_root(root.clone()).render();
    scheduler::flush().await;
    click(&root, ".intro__start");
    scheduler::flush().await;
    let progress = |root: &Element| text(root, ".progress__text");
    let first = progress(&root);

    keydown(&root, "h1", "4");
    keydown(&root, "h1", "9");
    scheduler::flush().await;
    let checked = |root: &Element| {
        root.query_selector("input:checked")
            .ok()
            .flatten()
            .map(|e| e.id())
    };
    assert_eq!(
        checked(&root).as_deref(),
        Some("choice-4"),
        "9 is no answer"
    );
    keydown(&root, "h1", "Enter");
    scheduler::flush().await;
    assert_ne!(progress(&root), first);
    assert_eq!(checked(&root), None);
    keydown(&root, "h1", "ArrowLeft");
    scheduler::flush().await;
    assert_eq!(progress(&root), first);
    assert_eq!(checked(&root).as_deref(), Some("choice-4"));
}

#[wasm_bindgen_test]
async fn language_switch_marks_the_current_locale_and_reports_the_choice() {
    let root = mount_point();
    let chosen = Rc::new(Cell::new(None));
    let on_change = {
        let chosen = chosen.clone();
        Callback::from(move |locale| chosen.set(Some(locale)))
    };
    render(&root, language_switch(Locale::Es, None, &on_change));
    scheduler::flush().await;

    let pressed = attribute(&root, "[aria-pressed=true]", "lang");
    assert_eq!(pressed.as_deref(), Some("es"));
    click(&root, "button[lang=en]");
    assert_eq!(chosen.get(), Some(Locale::En));
}

#[wasm_bindgen_test]
async fn app_switches_language_without_leaving_the_question() {
    forget_storage();
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

/// Erasing is an action like any other: the reducer empties the state and the storage hook
/// writes it, which removes every record the app keeps.
#[wasm_bindgen_test]
async fn erasing_through_the_reducer_empties_both_storages() {
    use crate::answers::Answers;
    use crate::history::{self, Attempt, Entry};
    use crate::platform::storage::{HISTORY_KEY, KEY};
    use crate::progress::Progress;

    let (session, local) = storages();
    let mut answers = Answers::new();
    answers
        .set(Question::Likert(0), Agreement::new(4).map(Answer::Agree))
        .expect("an answer");
    let progress = Progress {
        version: Version::Quick,
        locale: Locale::Es,
        remember: true,
        answers: answers.clone(),
        target: None,
    }
    .encode();
    let attempts = history::encode(&[Entry::Attempt(Attempt {
        date: "2026-11-26".into(),
        version: Version::Quick,
        answers,
    })]);
    session.set_item(KEY, &progress).expect("stored");
    local.set_item(KEY, &progress).expect("stored");
    local.set_item(HISTORY_KEY, &attempts).expect("stored");

    let root = mount_point();
    Renderer::<App>::with_root(root.clone()).render();
    scheduler::flush().await;
    click(&root, ".data-controls__erase");
    scheduler::flush().await;

    let stored = |key: &str| {
        (
            session.get_item(key).ok().flatten(),
            local.get_item(key).ok().flatten(),
        )
    };
    assert_eq!(stored(KEY), (None, None));
    assert_eq!(stored(HISTORY_KEY), (None, None));
    assert_eq!(
        text(&root, ".notice-bar__text"),
        crate::i18n::later_ui(Locale::Es).notice_erased
    );
}

/// The notice of the app mounted afresh on what storage holds now, if it shows one.
async fn notice_on_mounting() -> Option<String> {
    let root = mount_point();
    let app = Renderer::<App>::with_root(root.clone()).render();
    scheduler::flush().await;
    let notice = root
        .query_selector(".notice-bar__text")
        .ok()
        .flatten()
        .and_then(|e| e.text_content());
    app.destroy();
    root.remove();
    notice
}

/// Answers saved by a later content version (a newer release, perhaps open in another tab) are
/// not restored: the app says that they were for another version, not that they were damaged,
/// leaves the record for the release that wrote it, and the intro works as on a first visit.
#[wasm_bindgen_test]
async fn saved_answers_of_another_content_version_are_said_so_and_the_intro_shows() {
    use crate::answer_code::tests::next_content_code;
    use crate::platform::storage::KEY;

    forget_storage();
    let (_, local) = storages();
    let stored = format!("pcm2:es:1:f:{}", next_content_code());
    local.set_item(KEY, &stored).expect("stored");

    let root = mount_point();
    Renderer::<App>::with_root(root.clone()).render();
    scheduler::flush().await;
    let shown = text(&root, ".notice-bar__text");
    let left = local.get_item(KEY).ok().flatten();
    forget_storage();

    let told = Locale::ALL.map(|locale| crate::i18n::later_ui(locale).notice_restore_other_version);
    assert!(told.contains(&shown.as_str()), "{shown}");
    assert!(
        root.query_selector(".intro__start")
            .ok()
            .flatten()
            .is_some()
    );
    assert_eq!(left, Some(stored));
}

/// A remembered run of an earlier content version, opened from a recruiter's link: the app
/// says once that its answers could not be kept, and keeps the target and the opt-in, on the
/// device, in place of the old record; the next visit starts with them and without the notice.
#[wasm_bindgen_test]
async fn an_earlier_versions_run_is_told_once_and_its_target_kept() {
    use crate::platform::storage::KEY;
    use crate::progress::Progress;
    use crate::target::{self, Target};

    forget_storage();
    let (session, local) = storages();
    let role = Target::new([Some(70); crate::model::Quality::COUNT], "Jefa de redes");
    let earlier = format!(
        "pcm2:es:1:f:EQEH-pNQOB0T1o6q8DI2TCdUMlI:{}",
        target::encode(&role)
    );
    local.set_item(KEY, &earlier).expect("stored");

    let first = notice_on_mounting().await;
    // A new visit: this tab's copy is gone, the device's stays.
    session.remove_item(KEY).expect("removed");
    let second = notice_on_mounting().await;
    let kept = local.get_item(KEY).ok().flatten();
    forget_storage();

    assert_eq!(second, None, "the notice came again");
    // In the record's language, Spanish, not the browser's.
    assert_eq!(
        first.as_deref(),
        Some(crate::i18n::later_ui(Locale::Es).notice_restore_other_version)
    );
    let kept = kept.map(|text| Progress::decode(&text));
    assert!(
        matches!(&kept, Some(Ok(p)) if p.remember && p.answers.is_empty() && p.target == Some(role)),
        "{kept:?}"
    );
}

/// Stored answers that cannot be read are said so, with a way to delete them: once deleted,
/// the next visit starts without the notice. A record that another tab wrote since, and that
/// reads, is not deleted with them.
#[wasm_bindgen_test]
async fn unreadable_saved_answers_can_be_deleted_and_are_not_told_again() {
    use crate::platform::storage::KEY;
    use crate::progress::Progress;

    forget_storage();
    let (_, local) = storages();
    let damaged = "pcm2:es:1:q:not-an-answer-code";
    let told = |root: &Element| {
        let shown = text(root, ".notice-bar__text");
        Locale::ALL
            .iter()
            .position(|locale| shown == crate::i18n::later_ui(*locale).notice_restore_failed)
            .map(|i| Locale::ALL[i])
    };

    local.set_item(KEY, damaged).expect("stored");
    let root = mount_point();
    let app = Renderer::<App>::with_root(root.clone()).render();
    scheduler::flush().await;
    let first = told(&root);
    click(&root, ".notice-bar__discard");
    scheduler::flush().await;
    let after_delete = (
        local.get_item(KEY).ok().flatten(),
        text(&root, ".notice-bar__text"),
    );
    app.destroy();
    root.remove();
    let next_visit = notice_on_mounting().await;

    // Another tab writes a record that reads between this one's start and the click.
    forget_storage();
    local.set_item(KEY, damaged).expect("stored");
    let root = mount_point();
    let app = Renderer::<App>::with_root(root.clone()).render();
    scheduler::flush().await;
    let theirs = Progress {
        version: Version::Full,
        locale: Locale::Es,
        remember: true,
        answers: crate::answers::Answers::new(),
        target: None,
    }
    .encode();
    local.set_item(KEY, &theirs).expect("stored");
    click(&root, ".notice-bar__discard");
    scheduler::flush().await;
    let left = local.get_item(KEY).ok().flatten();
    app.destroy();
    root.remove();
    forget_storage();

    let locale = first.expect("the notice of answers that could not be restored");
    assert_eq!(
        after_delete,
        (
            None,
            crate::i18n::later_ui(locale)
                .notice_damaged_discarded
                .to_owned()
        )
    );
    assert_eq!(next_visit, None, "the notice came again");
    assert_eq!(left, Some(theirs), "another tab's record was deleted");
}

/// A keyboard user who presses a notice's button is not sent back to the top of the page when
/// the button goes with the notice: after "Borrar las respuestas dañadas", focus is on the
/// button of the notice that says it is done; after that one's "Cerrar aviso", on the screen's
/// heading.
#[wasm_bindgen_test]
async fn focus_stays_in_the_app_when_the_focused_notice_button_goes() {
    use crate::platform::storage::KEY;

    let document = web_sys::window()
        .and_then(|w| w.document())
        .expect("a document");
    // What holds focus: its id, else its text.
    let focused = || {
        document.active_element().map(|active| {
            Some(active.id())
                .filter(|id| !id.is_empty())
                .or_else(|| active.text_content())
                .unwrap_or_default()
        })
    };
    let press = |root: &Element, selector: &str| {
        let button = root
            .query_selector(selector)
            .ok()
            .flatten()
            .and_then(|e| e.dyn_into::<HtmlElement>().ok())
            .unwrap_or_else(|| panic!("no element matches {selector}"));
        button.focus().expect("focused");
        button.click();
    };
    forget_storage();
    let (_, local) = storages();
    local
        .set_item(KEY, "pcm2:es:1:q:not-an-answer-code")
        .expect("stored");

    let root = mount_point();
    let app = Renderer::<App>::with_root(root.clone()).render();
    scheduler::flush().await;
    let locale = Locale::ALL
        .into_iter()
        .find(|l| {
            text(&root, ".notice-bar__text") == crate::i18n::later_ui(*l).notice_restore_failed
        })
        .expect("the notice of answers that could not be restored");
    press(&root, ".notice-bar__discard");
    scheduler::flush().await;
    let after_deleting = focused();
    press(&root, ".notice-bar .button");
    scheduler::flush().await;
    let after_closing = focused();
    app.destroy();
    root.remove();
    forget_storage();

    assert_eq!(after_deleting, Some(locale.ui().dismiss.to_owned()));
    assert_eq!(after_closing, Some("intro-title".to_owned()));
}

/// The visitor's own quick-version result of one answer ("De acuerdo" with the first
/// statement), remembered on the device, with `history`.
fn own_result(history: Vec<crate::history::Entry>) -> crate::components::results::ResultSource {
    use crate::answers::Answers;
    use crate::components::results::{OwnResult, ResultSource};
    use crate::scoring::Timing;

    let mut answers = Answers::new();
    answers
        .set(Question::Likert(0), Agreement::new(4).map(Answer::Agree))
        .expect("an answer");
    ResultSource::Own(OwnResult {
        version: Version::Quick,
        answers,
        history,
        compare: None,
        timing: Timing::default(),
        remember: true,
        storage: StorageStatus::Available,
        lang: None,
        target: None,
    })
}

/// Attempts made with an earlier version of the questions are listed under the choice of an
/// attempt to compare with, and are not in it; alone, they are still listed.
#[wasm_bindgen_test]
async fn attempts_of_an_earlier_version_are_listed_and_not_offered() {
    use crate::answer_code::tests::next_content_code;
    use crate::answers::Answers;
    use crate::components::results::Results;
    use crate::history::{self, Attempt, Entry};
    use crate::i18n::fill;

    let earlier = history::decode(&format!("2026-09-01 {}", next_content_code()));
    let (ui, later) = (Locale::Es.ui(), crate::i18n::later_ui(Locale::Es));
    let said = fill(later.compare_earlier_version, &[("date", "2026-09-01")]);

    let alone = mount_point();
    render(
        &alone,
        html! { <Results locale={Locale::Es} source={own_result(earlier.clone())} /> },
    );
    scheduler::flush().await;
    assert_eq!(text(&alone, ".compare__earlier-item"), said);
    assert!(alone.query_selector("#compare").ok().flatten().is_none());

    let mut both = earlier;
    both.push(Entry::Attempt(Attempt {
        date: "2026-10-01".into(),
        version: Version::Quick,
        answers: Answers::new(),
    }));
    let root = mount_point();
    render(
        &root,
        html! { <Results locale={Locale::Es} source={own_result(both)} /> },
    );
    scheduler::flush().await;
    assert_eq!(text(&root, ".compare__earlier-item"), said);
    let options = root.query_selector_all("#compare option").expect("a query");
    let offered: Vec<String> = (0..options.length())
        .filter_map(|i| options.item(i))
        .filter_map(|option| option.text_content())
        .map(|text| text.trim().to_owned())
        .collect();
    let attempt = fill(
        later.compare_option,
        &[("date", "2026-10-01"), ("version", ui.version_quick)],
    );
    assert_eq!(
        offered,
        [later.compare_none.to_owned(), attempt],
        "none, then the one attempt of these questions"
    );
}

/// Resolves once the browser has drawn the next frame (and the app's own after-paint work, set
/// earlier, has run): a frame is what the results wait for, so it is what the test waits for.
async fn next_paint() {
    let drawn = js_sys::Promise::new(&mut |resolve, _| {
        crate::platform::page::after_next_paint(move || {
            if let Err(error) = resolve.call0(&wasm_bindgen::JsValue::NULL) {
                panic!("could not resolve the frame's promise: {error:?}");
            }
        });
    });
    if let Err(error) = wasm_bindgen_futures::JsFuture::from(drawn).await {
        panic!("the frame's promise failed: {error:?}");
    }
    scheduler::flush().await;
}

#[wasm_bindgen_test]
async fn results_are_built_top_first_a_part_per_frame_and_busy_until_whole() {
    use crate::components::results::Results;

    let source = own_result(Vec::new());
    let root = mount_point();
    render(&root, html! { <Results locale={Locale::Es} {source} /> });
    let has = |selector: &str| root.query_selector(selector).ok().flatten().is_some();
    let busy = || attribute(&root, ".results", "aria-busy");

    scheduler::flush().await;
    assert_eq!(
        text(&root, "#results-title"),
        crate::i18n::later_ui(Locale::Es).results_title
    );
    assert!(
        has(".results__disclaimer"),
        "the summary, in the first frame"
    );
    assert!(
        !has(".radar") && !has(".advice"),
        "nothing below the summary yet"
    );
    assert_eq!(busy().as_deref(), Some("true"));

    next_paint().await;
    assert!(
        has(".radar__svg") && has(".scores__table"),
        "the chart, in the second frame"
    );
    assert!(
        !has(".advice") && !has(".results__nav"),
        "nothing below the chart yet"
    );
    assert_eq!(busy().as_deref(), Some("true"));

    next_paint().await;
    assert!(
        has(".advice") && has(".export") && has(".results__nav"),
        "the rest, in the third"
    );
    assert_eq!(busy(), None, "no longer busy once whole");
}

/// A stand-in for the app's page: an element with the app's id holding the app's element in
/// `lang`. Its id is taken away again by [`leave_app_page`], so that other tests stay apart.
fn app_page(lang: &str) -> Element {
    let root = mount_point();
    root.set_id(crate::platform::page::ROOT_ID);
    root.set_inner_html(&format!(
        r#"<div class="perfil" lang="{lang}"><p>app</p></div>"#
    ));
    root
}

fn leave_app_page(root: &Element) {
    root.set_id("");
}

/// After a panic, or without the second part of the wasm (offline), the app gives way to a
/// message that says which, in its language, and a reload button.
#[wasm_bindgen_test]
async fn when_the_app_stops_it_gives_way_to_a_message_in_its_language_and_a_reload_button() {
    assert_ne!(Locale::Es.ui().crash_offline, Locale::Es.ui().crash_message);
    for (why, locale) in [(Stop::Panic, Locale::En), (Stop::Offline, Locale::Es)] {
        let root = app_page(locale.code());
        crate::platform::crash::show(why).expect("shown");
        leave_app_page(&root);
        let ui = locale.ui();
        let message = match why {
            Stop::Panic => ui.crash_message,
            Stop::Offline => ui.crash_offline,
        };
        assert_eq!(text(&root, "[role=alert] p"), message, "{why:?}");
        assert_eq!(
            text(&root, "[role=alert] button"),
            ui.crash_reload,
            "{why:?}"
        );
        assert!(
            root.query_selector(".perfil").ok().flatten().is_none(),
            "{why:?}"
        );
    }
}

#[wasm_bindgen_test]
async fn a_panic_over_a_language_whose_words_have_not_arrived_is_told_in_spanish() {
    // The intro painted from the HTML is in English; the English words are still on their way.
    let root = app_page("en");
    crate::content::withhold_texts(Some(Locale::En));
    let shown = crate::platform::crash::show(Stop::Panic);
    crate::content::withhold_texts(None);
    leave_app_page(&root);
    shown.expect("shown");
    assert_eq!(text(&root, "[role=alert] p"), Locale::Es.ui().crash_message);
    let lang = attribute(&root, "[role=alert]", "lang");
    assert_eq!(lang.as_deref(), Some("es"));
}

#[wasm_bindgen_test]
#[should_panic]
fn a_panic_on_purpose_goes_through_the_hook() {
    app_page("es");
    std::panic::set_hook(Box::new(crate::platform::crash::on_panic));
    panic!("on purpose: the hook must show its message, not panic again");
}
