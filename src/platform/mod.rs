//! The one place that talks to the browser: the page and its address, storage, the clipboard and
//! downloads, and the widget's look and height on a framing page.
//!
//! Everything the browser can refuse comes back as a typed [`PlatformError`], never an `unwrap`:
//! a page without our root element or an iframe with storage blocked must degrade, not crash.

use std::fmt;

pub(crate) mod clipboard;
pub(crate) mod crash;
pub(crate) mod embed;
pub(crate) mod files;
pub(crate) mod later;
pub(crate) mod page;
pub(crate) mod prerender;
pub(crate) mod rest;
pub(crate) mod storage;
pub(crate) mod texts;

/// Something the browser did not provide.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum PlatformError {
    /// No `window`: not running in a browser page.
    NoWindow,
    /// The window has no `document`.
    NoDocument,
    /// The page lacks an element the app needs.
    MissingElement {
        /// The element's id.
        id: &'static str,
    },
    /// The browser refused to make `what`.
    Refused {
        /// What could not be made.
        what: &'static str,
    },
}

impl fmt::Display for PlatformError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PlatformError::NoWindow => f.write_str("Perfil CM: no window (not running in a page)"),
            PlatformError::NoDocument => f.write_str("Perfil CM: the window has no document"),
            PlatformError::MissingElement { id } => {
                write!(f, "Perfil CM: the page has no element with id=\"{id}\"")
            }
            PlatformError::Refused { what } => write!(f, "Perfil CM: the browser refused {what}"),
        }
    }
}

impl std::error::Error for PlatformError {}

/// Writes `error` to the browser console, for the developer who embeds the widget.
pub(crate) fn report(error: &PlatformError) {
    web_sys::console::error_1(&error.to_string().into());
}

/// Writes a warning to the browser console: something the browser refused that the app can
/// live without (`what` failed, because of `error`, the browser's own exception). The console
/// shows the exception as the object it is, with its stack: turning it into text here would
/// ship wasm-bindgen's describer of any JavaScript value (`Debug for JsValue`) for it.
pub(crate) fn warn(what: &str, error: &wasm_bindgen::JsValue) {
    web_sys::console::warn_2(&format!("Perfil CM: {what}:").into(), error);
}

/// Writes a warning to the browser console: `what` failed, because of `error`, one of the
/// app's own errors, in its words.
pub(crate) fn warn_of(what: &str, error: &dyn fmt::Display) {
    warn_that(&format!("{what}: {error}"));
}

/// Writes `message` to the browser console as a warning, after the app's name.
pub(crate) fn warn_that(message: &str) {
    web_sys::console::warn_1(&format!("Perfil CM: {message}").into());
}
