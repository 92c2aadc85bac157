//! The app as a widget on someone else's page: its look (theme, accent, widget layout) set on
//! its own `<html>`, and its height told to the page that frames it, so that the embed loader
//! (`assets/embed.js`) can size the frame to fit.
//!
//! Only the height ever leaves the frame, in a message namespaced as [`HEIGHT_MESSAGE`]:
//! never an answer, a score or anything the person typed.

use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::Closure;
use web_sys::{HtmlElement, ResizeObserver};

use super::{page, warn};
use crate::options::{OptionsNotice, Theme, UrlOptions};

/// The `type` of the height message, which the loader checks.
pub(crate) const HEIGHT_MESSAGE: &str = "perfil-cm:height";

/// The class on `<html>` that lays the app out as a widget (`styles/layout.css`).
const WIDGET_CLASS: &str = "pcm-embed";

/// The page's root element, the `<html>` of the app's own page.
fn html() -> Option<HtmlElement> {
    web_sys::window()?
        .document()?
        .document_element()?
        .dyn_into()
        .ok()
}

/// Sets the look that `options` ask for on the app's own page: the forced scheme, the accent
/// of each scheme in which it reads, and the widget layout when `widget`. Through classes and
/// the CSSOM, which the strict CSP allows, unlike `style` attributes.
pub(crate) fn show_look(options: &UrlOptions, widget: bool) {
    let Some(html) = html().filter(|_| page::standalone()) else {
        return;
    };
    let classes = html.class_list();
    let toggles = [
        ("pcm-theme-light", options.theme == Some(Theme::Light)),
        ("pcm-theme-dark", options.theme == Some(Theme::Dark)),
        (WIDGET_CLASS, widget),
    ];
    for (class, on) in toggles {
        if let Err(error) = classes.toggle_with_force(class, on) {
            warn("could not set the page's look", &error);
        }
    }
    let style = html.style();
    for (scheme, name) in [(Theme::Light, "light"), (Theme::Dark, "dark")] {
        let paint = options.accent.and_then(|accent| accent.paint(scheme));
        let properties = [
            (
                format!("--pcm-accent-{name}"),
                paint.map(|p| p.accent.css()),
            ),
            (
                format!("--pcm-on-accent-{name}"),
                paint.map(|p| p.on_accent.css()),
            ),
        ];
        for (property, value) in properties {
            let set = match value {
                Some(value) => style.set_property(&property, &value),
                None => style.remove_property(&property).map(drop),
            };
            if let Err(error) = set {
                warn("could not set the accent colour", &error);
            }
        }
    }
}

/// Says on the console, once per option, which values were ignored and why: for whoever wrote
/// the snippet or the link.
pub(crate) fn warn_ignored(notices: &[OptionsNotice]) {
    for notice in notices {
        web_sys::console::warn_1(&format!("Perfil CM option {}", notice.explain()).into());
    }
}

/// Tells the framing page the app's height whenever it changes, while the returned reporter
/// lives; `None` on a page of its own, or where the browser cannot observe sizes.
pub(crate) fn report_height() -> Option<HeightReporter> {
    if !page::in_frame() {
        return None;
    }
    let html = html()?;
    let measured = html.clone();
    let mut last = 0;
    let on_resize = Closure::<dyn FnMut()>::new(move || {
        let height = measured.get_bounding_client_rect().height().ceil() as u32;
        if height != last {
            last = height;
            post_height(height);
        }
    });
    let observer = ResizeObserver::new(on_resize.as_ref().unchecked_ref())
        .map_err(|error| warn("could not watch the app's height", &error))
        .ok()?;
    observer.observe(&html);
    Some(HeightReporter {
        observer,
        _on_resize: on_resize,
    })
}

/// Posts `height` to the framing page. Any page may frame the app, so the message goes to any
/// origin: it carries nothing but the height.
fn post_height(height: u32) {
    let Some(parent) = web_sys::window().and_then(|window| window.parent().ok().flatten()) else {
        return;
    };
    let message = js_sys::Object::new();
    let fields = [
        ("type", wasm_bindgen::JsValue::from_str(HEIGHT_MESSAGE)),
        ("height", wasm_bindgen::JsValue::from(height)),
    ];
    for (name, value) in fields {
        if let Err(error) = js_sys::Reflect::set(&message, &name.into(), &value) {
            warn("could not write the height message", &error);
            return;
        }
    }
    if let Err(error) = parent.post_message(&message, "*") {
        warn("could not tell the page the app's height", &error);
    }
}

/// Keeps the height observer running; dropping it stops it.
pub(crate) struct HeightReporter {
    observer: ResizeObserver,
    _on_resize: Closure<dyn FnMut()>,
}

impl Drop for HeightReporter {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}
