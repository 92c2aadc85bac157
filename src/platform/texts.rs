//! Fetching the words of a language that is not compiled into the wasm, its questionnaire's and
//! its interface's ([`Locale::texts_file`]): a Spanish reader never downloads the English ones.
//!
//! The file sits beside `index.html` (the post_build hook `scripts/prerender.mjs` puts it there)
//! under a name that changes with its content, so it is cached for good. It enters the app here
//! and only here, and is decoded once by [`crate::content::install_texts`].

use std::fmt;

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::Response;

use crate::content::{TextsFileError, install_texts};
use crate::i18n::Locale;

/// Why a language's words could not be had.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum TextsError {
    /// Not in a page, or the language has no file (the source language is compiled in).
    NoFile,
    /// The request failed: offline, blocked, or refused.
    Network(String),
    /// The server answered with this status instead of the file.
    Status(u16),
    /// The file arrived but is not what this build wrote.
    Unreadable(TextsFileError),
}

impl fmt::Display for TextsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TextsError::NoFile => f.write_str("no file to fetch"),
            TextsError::Network(error) => write!(f, "the request failed: {error}"),
            TextsError::Status(status) => write!(f, "the server answered {status}"),
            TextsError::Unreadable(error) => error.fmt(f),
        }
    }
}

/// Makes `locale`'s words available ([`Locale::texts_ready`]), fetching them if need be.
pub(crate) async fn load(locale: Locale) -> Result<(), TextsError> {
    if locale.texts_ready() {
        return Ok(());
    }
    let name = locale.texts_file().ok_or(TextsError::NoFile)?;
    let window = web_sys::window().ok_or(TextsError::NoFile)?;
    // The exception's own message ("Failed to fetch"): describing any JavaScript value, as
    // `{:?}` would, ships wasm-bindgen's describer for it.
    let failed = |error: wasm_bindgen::JsValue| {
        TextsError::Network(error.dyn_ref::<js_sys::Error>().map_or_else(
            || "not an exception".to_owned(),
            |exception| exception.message().into(),
        ))
    };
    // Relative to the page, like the page's own files: the app may be served from a sub-path.
    let response: Response = JsFuture::from(window.fetch_with_str(name))
        .await
        .map_err(failed)?
        .dyn_into()
        .map_err(failed)?;
    if !response.ok() {
        return Err(TextsError::Status(response.status()));
    }
    let text = JsFuture::from(response.text().map_err(failed)?)
        .await
        .map_err(failed)?
        .as_string()
        .ok_or(TextsError::Unreadable(TextsFileError::NotOurs))?;
    install_texts(locale, text).map_err(TextsError::Unreadable)
}
