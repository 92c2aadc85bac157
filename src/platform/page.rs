//! The host page: where the app mounts, what the URL and the browser say about language, and the
//! page's language and title.

use std::cell::Cell;
use std::rc::Rc;

use gloo_events::{EventListener, EventListenerOptions};
use gloo_timers::callback::Timeout;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Document, Element, FocusOptions, HtmlElement, KeyboardEvent, SvgElement, Window};

use super::{PlatformError, prerender, storage, warn, warn_that};
use crate::address::{Address, Route};
use crate::i18n::Locale;
use crate::options::UrlOptions;
use crate::state::{Environment, StorageStatus};

/// The id of the element the app renders into.
pub(crate) const ROOT_ID: &str = "perfil-cm";

fn window() -> Result<Window, PlatformError> {
    web_sys::window().ok_or(PlatformError::NoWindow)
}

fn document() -> Result<Document, PlatformError> {
    window()?.document().ok_or(PlatformError::NoDocument)
}

/// The element the app renders into.
pub(crate) fn app_root() -> Result<Element, PlatformError> {
    document()?
        .get_element_by_id(ROOT_ID)
        .ok_or(PlatformError::MissingElement { id: ROOT_ID })
}

/// The page's address: query string and hash, each empty when there is none.
pub(crate) fn address() -> Address {
    let location = window().ok().map(|w| w.location());
    Address {
        query: location
            .as_ref()
            .and_then(|l| l.search().ok())
            .unwrap_or_default(),
        hash: location
            .as_ref()
            .and_then(|l| l.hash().ok())
            .unwrap_or_default(),
    }
}

/// Whether the app runs on its own page (our `index.html`, also inside an iframe). [`crate::start`]
/// starts nowhere else; the component tests mount the app into an element of the test page,
/// and there it keeps off that page's title, language, address, history and keys.
pub(crate) fn standalone() -> bool {
    app_root().is_ok_and(|root| root.has_attribute(STANDALONE_ATTRIBUTE))
}

/// Leaves a host page alone: the app's element was put into someone else's page (it lacks
/// `data-standalone`), where the app would share the host's address, history, styles and
/// storage. It says so on the console for whoever built the page, and in the element, in every
/// language, for the reader; the supported way in is a frame of the app's own page.
pub(crate) fn decline_host_page(root: &Element) {
    web_sys::console::warn_1(
        &"Perfil CM does not start inside another page: embed its own page in an <iframe> \
          (see the embed snippet in its README)."
            .into(),
    );
    root.set_text_content(None);
    let Ok(document) = document() else {
        return;
    };
    for locale in Locale::ALL {
        let written = document.create_element("p").and_then(|paragraph| {
            paragraph.set_attribute("lang", locale.code())?;
            paragraph.set_text_content(Some(locale.own_words().host_page_declined));
            root.append_child(&paragraph)
        });
        if let Err(error) = written {
            warn("could not say why the app does not start here", &error);
        }
    }
}

/// Whether the page runs inside a frame (an embed) rather than as a tab's top page. A
/// cross-origin parent cannot be read, but it can be compared.
pub(crate) fn in_frame() -> bool {
    window().is_ok_and(|window| match window.top() {
        Ok(Some(top)) => top != window,
        // A top the page may not even name is another page's.
        Ok(None) | Err(_) => true,
    })
}

/// Puts `route` in the address bar as a new history entry, so that the browser's Back and
/// Forward move between screens. Does nothing when the address already shows it (including the
/// intro on a page without a hash), so that following the address never adds entries, and
/// nothing on a host page. In a frame the entry is replaced instead: a frame's entries join the
/// host page's history, and the host's Back button must leave the host's page, not step
/// through the app's screens.
///
/// `history.pushState` fires no event, unlike setting `location.hash`, whose `hashchange`
/// would arrive later as if it were navigation: with fast input, after the next step.
pub(crate) fn show_route(route: &Route) {
    if !standalone() {
        return;
    }
    let current = address().hash;
    if Route::parse(&current).as_ref() == Ok(route)
        && (*route != Route::Intro || current.len() <= 2)
    {
        return;
    }
    let Ok(window) = window() else {
        return;
    };
    let hash = route.to_hash();
    let pushed = window.history().and_then(|history| {
        if in_frame() {
            history.replace_state_with_url(&JsValue::NULL, "", Some(&hash))
        } else {
            history.push_state_with_url(&JsValue::NULL, "", Some(&hash))
        }
    });
    if let Err(error) = pushed {
        warn("could not show the screen in the address bar", &error);
    }
}

/// Calls `on_key` for every key pressed on the app's own page, wherever focus is; on a host
/// page, whose keys are not the app's, only for keys pressed `within` the app's element.
/// Listening stops when the listener is dropped.
pub(crate) fn on_key(
    within: Option<Element>,
    on_key: impl Fn(&KeyboardEvent) + 'static,
) -> Option<EventListener> {
    let target: web_sys::EventTarget = if standalone() {
        document().ok()?.into()
    } else {
        within?.into()
    };
    // Not passive: a key that answers must not also scroll the page.
    let options = EventListenerOptions::enable_prevent_default();
    Some(EventListener::new_with_options(
        &target,
        "keydown",
        options,
        move |event| {
            if let Some(event) = event.dyn_ref::<KeyboardEvent>() {
                on_key(event);
            }
        },
    ))
}

/// Calls `on_change` with the address whenever the person moves in the history (Back,
/// Forward) or edits the fragment, never for the app's own [`show_route`]. Listening stops
/// when the returned listeners are dropped; on a host page there is nothing to listen to.
pub(crate) fn on_address_change(on_change: impl Fn(Address) + 'static) -> Vec<EventListener> {
    let Ok(window) = window() else {
        return Vec::new();
    };
    if !standalone() {
        return Vec::new();
    }
    let on_change = Rc::new(on_change);
    // Back and Forward fire `popstate`; an edited fragment fires `hashchange` too. The second of
    // the two reads the same address, which the reducer takes as no change.
    ["popstate", "hashchange"]
        .into_iter()
        .map(|event| {
            let on_change = on_change.clone();
            EventListener::new(&window, event, move |_| on_change(address()))
        })
        .collect()
}

/// Everything the app needs to know at start-up. What a stored record could not give is
/// reported in [`Environment::saved_error`]; what it could is restored, and the next save
/// replaces the record (see [`crate::progress`]).
pub(crate) fn environment() -> Environment {
    let storage = storage::status();
    let readable = storage != StorageStatus::Unavailable;
    let (saved, saved_error) = if readable {
        storage::load()
    } else {
        (None, None)
    };
    Environment {
        address: address(),
        browser_languages: browser_languages(),
        saved_error,
        saved,
        history: if readable {
            storage::load_history()
        } else {
            Vec::new()
        },
        storage,
        early: app_root()
            .map(|root| prerender::early_choices(&root))
            .unwrap_or_default(),
    }
}

/// The language the app starts in, whose words it waits for before its first render, as the
/// state picks it (`AppState::from_environment`): one chosen on the painted intro, else
/// `?lang=`, else that of the answers in progress (read from their record's first fields only:
/// the first render reads the record), else the browser's. Should the state pick another, it
/// waits for that one's words itself.
pub(crate) fn starting_locale(root: &Element) -> Locale {
    prerender::early_choices(root)
        .locale
        .or(UrlOptions::parse(&address().query).lang)
        .or_else(storage::recorded_locale)
        .unwrap_or_else(|| Locale::negotiate(None, browser_languages().iter().map(String::as_str)))
}

/// The browser's preferred languages, most preferred first (`navigator.languages`).
pub(crate) fn browser_languages() -> Vec<String> {
    let Ok(window) = window() else {
        return Vec::new();
    };
    let navigator = window.navigator();
    let languages: Vec<String> = navigator
        .languages()
        .iter()
        .filter_map(|value| value.as_string())
        .collect();
    if languages.is_empty() {
        // Older engines only have `navigator.language`.
        navigator.language().into_iter().collect()
    } else {
        languages
    }
}

/// Marks the root element of a page that belongs to the app (our own `index.html`, also used
/// in iframes), as opposed to a host page that embeds the widget.
pub(crate) const STANDALONE_ATTRIBUTE: &str = "data-standalone";

/// Makes the page say which language it is in: `<html lang>` (for screen readers and
/// hyphenation) and the document title.
///
/// Only on the app's own page: a host page that embeds the widget keeps its language and title;
/// there the app's own element carries `lang`.
pub(crate) fn show_locale(locale: Locale) {
    let Ok(document) = document() else {
        return;
    };
    if !standalone() {
        return;
    }
    if let Some(html) = document.document_element()
        && let Err(error) = html.set_attribute("lang", locale.code())
    {
        warn("could not set the page's language", &error);
    }
    document.set_title(locale.ui().document_title);
}

/// Runs `then` once the browser has drawn the next frame. An animation-frame callback runs just
/// before a frame is drawn, and a timer set from it fires after; so a screen can draw its top at
/// once and add what lies below it a frame later, instead of making the reader wait for all of
/// it. Should the browser refuse the animation frame, `then` runs at once.
pub(crate) fn after_next_paint(then: impl FnOnce() + 'static) {
    let then = Rc::new(Cell::new(Some(then)));
    let pending = Rc::clone(&then);
    let on_frame = Closure::once_into_js(move || {
        if let Some(then) = pending.take() {
            Timeout::new(0, then).forget();
        }
    });
    let asked = window().map(|w| w.request_animation_frame(on_frame.unchecked_ref()));
    if !matches!(asked, Ok(Ok(_))) {
        warn_that(
            "the browser refused an animation frame; the rest of the screen is drawn at once",
        );
        if let Some(then) = then.take() {
            then();
        }
    }
}

/// Moves keyboard focus to the element with `id`, if it exists; used after a screen changes so
/// that screen-reader and keyboard users start at its heading.
pub(crate) fn focus(id: &str) {
    let Some(element) = document().ok().and_then(|d| d.get_element_by_id(id)) else {
        return;
    };
    // In a frame, focus must not scroll the host page: the reader's place there is theirs.
    let options = FocusOptions::new();
    options.set_prevent_scroll(in_frame());
    // HTML headings and SVG chart points both take focus, through different interfaces.
    let focused = match element.dyn_into::<HtmlElement>() {
        Ok(html) => html.focus_with_options(&options),
        Err(element) => match element.dyn_into::<SvgElement>() {
            Ok(svg) => svg.focus_with_options(&options),
            Err(_) => Ok(()),
        },
    };
    if let Err(error) = focused {
        warn("could not move focus", &error);
    }
}

/// Whether the element that holds keyboard focus is `within` or inside it.
pub(crate) fn focus_within(within: &web_sys::Node) -> bool {
    document()
        .ok()
        .and_then(|d| d.active_element())
        .is_some_and(|active| within.contains(Some(&active)))
}

/// Whether no element holds keyboard focus, as when the focused one was removed: focus is
/// then on the page's body.
pub(crate) fn focus_fell() -> bool {
    document().is_ok_and(|d| {
        d.active_element()
            .is_none_or(|active| Some(active) == d.body().map(Element::from))
    })
}

/// Moves keyboard focus to the first element matching `selector`, if there is one.
pub(crate) fn focus_first(selector: &str) {
    let element = document()
        .ok()
        .and_then(|d| d.query_selector(selector).ok().flatten())
        .and_then(|e| e.dyn_into::<HtmlElement>().ok());
    if let Some(element) = element
        && let Err(error) = element.focus()
    {
        warn("could not move focus", &error);
    }
}

/// The page's origin and path, without query or fragment: where a share link points.
pub(crate) fn page_location() -> String {
    window()
        .ok()
        .and_then(|w| {
            let location = w.location();
            Some(format!(
                "{}{}",
                location.origin().ok()?,
                location.pathname().ok()?
            ))
        })
        .unwrap_or_default()
}

/// Today's date on this device as `YYYY-MM-DD`.
pub(crate) fn today() -> String {
    let now = js_sys::Date::new_0();
    format!(
        "{:04}-{:02}-{:02}",
        now.get_full_year(),
        now.get_month() + 1,
        now.get_date()
    )
}

/// A moment on the page's monotonic clock, in milliseconds, for timing answers; `None` where
/// the browser has no such clock, so that nothing is timed rather than timed wrongly.
pub(crate) fn now_ms() -> Option<f64> {
    Some(window().ok()?.performance()?.now())
}

/// Opens the browser's print dialogue (the print stylesheet makes a one-page report).
pub(crate) fn print() {
    if let Ok(window) = window()
        && let Err(error) = window.print()
    {
        warn("could not open the print dialogue", &error);
    }
}
