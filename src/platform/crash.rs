//! A panic is a bug, but it must never leave a dead page. The hook replaces the app with a short
//! message in the app's language and a button that reloads the page: answers are kept in
//! storage as they are given, so a reload loses nothing that could be kept.
//!
//! The page after a panic is plain DOM written here, with nothing that needs the app's state.

use std::panic::PanicHookInfo;

use gloo_events::EventListener;
use wasm_bindgen::JsValue;

use super::page::{self, ROOT_ID};
use super::prerender;
use crate::i18n::Locale;

/// Why the app stopped, which the message says.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Stop {
    /// A panic: a bug.
    Panic,
    /// The second part of the wasm was needed and could not be downloaded (`super::rest`).
    Offline,
}

/// The panic hook: says on the console what happened, then shows the message. Installed by
/// [`crate::start`] through yew, which otherwise installs its own when the app renders.
pub(crate) fn on_panic(info: &PanicHookInfo<'_>) {
    web_sys::console::error_1(&format!("Perfil CM stopped: {info}").into());
    if let Err(error) = show(Stop::Panic) {
        web_sys::console::error_1(&error);
    }
}

/// Replaces the app's content with the message and the reload button, in the language the
/// app was showing (its element's `lang`) if its words are here, else one whose words are: the
/// intro painted from the HTML may be in a language whose words have not arrived. Before any
/// language's words have arrived, leaves the page's own "loading" note, in both languages.
pub(crate) fn show(why: Stop) -> Result<(), JsValue> {
    let root = page::app_root().map_err(|error| JsValue::from_str(&error.to_string()))?;
    let shown = root
        .query_selector("[lang]")?
        .and_then(|app| app.get_attribute("lang"))
        .and_then(|lang| Locale::from_tag(&lang))
        .filter(|locale| locale.texts_ready());
    let Some(locale) = shown.or_else(Locale::any_ready) else {
        prerender::give_up(&root, "it stopped before any language's words had arrived");
        return Ok(());
    };
    let ui = locale.ui();
    let document = root
        .owner_document()
        .ok_or_else(|| JsValue::from_str(ROOT_ID))?;
    let alert = document.create_element("div")?;
    alert.set_class_name("perfil-root__failure");
    alert.set_attribute("role", "alert")?;
    alert.set_attribute("lang", locale.code())?;
    let message = document.create_element("p")?;
    message.set_text_content(Some(match why {
        Stop::Panic => ui.crash_message,
        Stop::Offline => ui.crash_offline,
    }));
    let reload = document.create_element("button")?;
    reload.set_attribute("type", "button")?;
    reload.set_class_name("button button--primary");
    reload.set_text_content(Some(ui.crash_reload));
    // Lives as long as the page: the button is the only way on.
    EventListener::new(&reload, "click", |_| {
        if let Some(window) = web_sys::window()
            && let Err(error) = window.location().reload()
        {
            web_sys::console::error_1(&error);
        }
    })
    .forget();
    alert.append_child(&message)?;
    alert.append_child(&reload)?;
    root.set_text_content(None);
    root.append_child(&alert)?;
    Ok(())
}
