//! The host page: where the app mounts, what the URL and the browser say about language, and the
//! page's language and title.

use gloo_events::EventListener;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlElement, SvgElement, Window};

use super::{PlatformError, storage, warn};
use crate::address::{Address, Route};
use crate::i18n::Locale;
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

/// Puts `route` in the address bar as a new history entry, so that the browser's Back and
/// Forward move between screens. Does nothing when the address already shows it (including the
/// intro on a page without a hash), so that following the address never adds entries.
pub(crate) fn show_route(route: &Route) {
    let current = address().hash;
    if Route::parse(&current).as_ref() == Ok(route)
        && (*route != Route::Intro || current.len() <= 2)
    {
        return;
    }
    if let Ok(window) = window()
        && let Err(error) = window.location().set_hash(&route.to_hash())
    {
        warn("could not show the screen in the address bar", &error);
    }
}

/// Calls `on_change` with the address whenever its hash changes (Back, Forward, a typed
/// address). Listening stops when the returned listener is dropped.
pub(crate) fn on_address_change(on_change: impl Fn(Address) + 'static) -> Option<EventListener> {
    let window = window().ok()?;
    Some(EventListener::new(&window, "hashchange", move |_| {
        on_change(address())
    }))
}

/// Everything the app needs to know at start-up. A stored record that cannot be used is
/// reported in [`Environment::saved_unreadable`]; it is overwritten by the next save.
pub(crate) fn environment() -> Environment {
    let storage = storage::status();
    let saved = match storage {
        StorageStatus::Available => storage::load(),
        StorageStatus::Unavailable => Ok(None),
    };
    Environment {
        address: address(),
        browser_languages: browser_languages(),
        saved_unreadable: saved.is_err(),
        saved: saved.ok().flatten(),
        history: match storage {
            StorageStatus::Available => storage::load_history(),
            StorageStatus::Unavailable => Vec::new(),
        },
        storage,
    }
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
    let standalone = app_root().is_ok_and(|root| root.has_attribute(STANDALONE_ATTRIBUTE));
    if !standalone {
        return;
    }
    if let Some(html) = document.document_element()
        && let Err(error) = html.set_attribute("lang", locale.code())
    {
        warn("could not set the page's language", &error);
    }
    document.set_title(locale.ui().document_title);
}

/// Moves keyboard focus to the element with `id`, if it exists; used after a screen changes so
/// that screen-reader and keyboard users start at its heading.
pub(crate) fn focus(id: &str) {
    let Some(element) = document().ok().and_then(|d| d.get_element_by_id(id)) else {
        return;
    };
    // HTML headings and SVG chart points both take focus, through different interfaces.
    let focused = match element.dyn_into::<HtmlElement>() {
        Ok(html) => html.focus(),
        Err(element) => match element.dyn_into::<SvgElement>() {
            Ok(svg) => svg.focus(),
            Err(_) => Ok(()),
        },
    };
    if let Err(error) = focused {
        warn("could not move focus", &error);
    }
}

/// The page's address without its fragment, to which a share link appends `#r=…`.
pub(crate) fn address_without_fragment() -> String {
    window()
        .ok()
        .and_then(|w| {
            let location = w.location();
            Some(format!(
                "{}{}{}",
                location.origin().ok()?,
                location.pathname().ok()?,
                location.search().ok()?
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
