//! The intro painted from the HTML before the wasm ran (`assets/boot.js`, from the templates of
//! `build/prerender.rs`), and the app taking it over without a visible change.
//!
//! The app renders into a hidden element beside the painted copy (or beside the "loading" note,
//! when the page painted no copy) and, once its first screen is drawn in the right language,
//! removes the rest and shows itself (`use_prerender_takeover`): the same boxes in the same
//! place, so nothing moves, and no frame shows an empty page or the wrong language while the
//! words of the language it starts in are fetched. What the person did on the
//! copy is not lost: the version, "remember" and a language chosen on it are read before the
//! first render ([`early_choices`]); a Start pressed on it is carried out once the app shows
//! ([`take_over`]), and focus moves to the same control.

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, HtmlInputElement};

use super::{PlatformError, warn};
use crate::i18n::Locale;
use crate::model::Version;
use crate::state::EarlyChoices;

/// The class of the painted copy (`assets/boot.js` sets it).
const PRERENDER_CLASS: &str = "perfil-root__prerender";
/// The class of the page's "loading" note (index.html), which the style sheet shows after a few
/// seconds unless the painted copy or the app has replaced it.
const WAITING_CLASS: &str = "perfil-root__waiting";
/// The class of the element the app renders into while the copy shows.
const APP_CLASS: &str = "perfil-root__app";
/// On the root, set by `assets/boot.js` when Start was pressed on the copy.
const EARLY_START: &str = "data-early-start";
/// On the root, set by `assets/boot.js` to the language chosen on the copy.
const EARLY_LOCALE: &str = "data-early-locale";
/// What can hold focus on the intro, in document order, the same in the copy and the app.
const FOCUSABLE: &str = "button, input, a[href], [tabindex]";

/// The painted copy in `root`, if the page shows one.
fn copy_in(root: &Element) -> Option<Element> {
    root.query_selector(&format!(":scope > .{PRERENDER_CLASS}"))
        .ok()
        .flatten()
}

/// Where the app renders: a new hidden element in `root`, beside what the page shows until
/// the app takes over.
pub(crate) fn mount_point(root: &Element) -> Result<Element, PlatformError> {
    let document = root.owner_document().ok_or(PlatformError::NoDocument)?;
    let refused = |_| PlatformError::Refused {
        what: "a hidden element for the app beside the painted intro",
    };
    let host = document.create_element("div").map_err(refused)?;
    host.set_class_name(APP_CLASS);
    host.toggle_attribute_with_force("hidden", true)
        .map_err(refused)?;
    root.append_child(&host).map_err(refused)?;
    Ok(host)
}

/// What was chosen on the painted copy before the app ran; nothing without a copy.
pub(crate) fn early_choices(root: &Element) -> EarlyChoices {
    let Some(copy) = copy_in(root) else {
        return EarlyChoices::default();
    };
    let checked = |selector: &str| {
        copy.query_selector(selector)
            .ok()
            .flatten()
            .and_then(|element| element.dyn_into::<HtmlInputElement>().ok())
    };
    EarlyChoices {
        version: checked(".version-choice__input:checked")
            .and_then(|input| Version::from_slug(&input.value())),
        remember: checked(".data-controls__checkbox").is_some_and(|input| input.checked()),
        locale: root
            .get_attribute(EARLY_LOCALE)
            .and_then(|tag| Locale::from_tag(&tag)),
    }
}

/// Shows the app in place of what the page showed (the painted copy, or the "loading" note),
/// focus on the control that had it on the copy; true when Start was pressed on the copy.
pub(crate) fn take_over(root: &Element) -> bool {
    let copy = copy_in(root);
    let focused = root
        .owner_document()
        .and_then(|document| document.active_element())
        .filter(|active| {
            copy.as_ref()
                .is_some_and(|copy| copy.contains(Some(active)))
        });
    let position = copy.zip(focused).and_then(|(copy, active)| {
        let controls = copy.query_selector_all(FOCUSABLE).ok()?;
        let active: &web_sys::Node = &active;
        (0..controls.length()).find(|&i| controls.get(i).as_ref() == Some(active))
    });
    let host = root
        .query_selector(&format!(":scope > .{APP_CLASS}"))
        .ok()
        .flatten();
    // The copy, its templates, and what shows while the app loads all go: only the app stays.
    let children = root.children();
    let others: Vec<Element> = (0..children.length())
        .filter_map(|i| children.item(i))
        .filter(|child| Some(child) != host.as_ref())
        .collect();
    for child in others {
        child.remove();
    }
    if let Some(host) = &host {
        host.remove_attribute("hidden").unwrap_or_else(|error| {
            warn("could not show the app", &error);
        });
        let control = position.and_then(|i| host.query_selector_all(FOCUSABLE).ok()?.get(i));
        if let Some(control) = control.and_then(|node| node.dyn_into::<HtmlElement>().ok()) {
            control.focus().unwrap_or_else(|error| {
                warn("could not keep the focus", &error);
            });
        }
    }
    let started = root.has_attribute(EARLY_START);
    for attribute in [EARLY_START, EARLY_LOCALE] {
        root.remove_attribute(attribute).unwrap_or_else(|error| {
            warn("could not clear an early choice", &error);
        });
    }
    started
}

/// Leaves only the page's "loading" note, which asks in both languages to reload or try another
/// browser, and says `why` on the console: for an app that cannot start or go on because no
/// language's words could be had, and so has no words of its own to say it with.
pub(crate) fn give_up(root: &Element, why: &str) {
    web_sys::console::error_1(&format!("Perfil CM cannot start: {why}").into());
    let children = root.children();
    let others: Vec<Element> = (0..children.length())
        .filter_map(|i| children.item(i))
        .filter(|child| !child.class_list().contains(WAITING_CLASS))
        .collect();
    for child in others {
        child.remove();
    }
}
