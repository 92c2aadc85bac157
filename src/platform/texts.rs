//! Fetching the words of a language, its questionnaire's and its interface's, which the wasm
//! does not carry: a Spanish reader never downloads the English ones, nor an English reader the
//! Spanish ones. They come in two files (one for the source language, whose later words are in
//! the wasm's second part):
//! the words shown from the first question on ([`Locale::texts_file`]), fetched when the
//! language is chosen, and those shown only later ([`Locale::later_file`]: the results', the
//! full version's own), fetched with the wasm's second part ([`fetch_later_words`]), or with the
//! first file once that part is here. Their reader (`content::decode_later`) is in that part.
//!
//! The files sit beside `index.html` (the post_build hook `scripts/prerender.mjs` puts them
//! there) under names that change with their content, so they are cached for good. They enter
//! the app here and only here, and are decoded once by [`crate::content::install_texts`] and
//! [`crate::content::install_later`].

use std::fmt;

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::Response;

use super::{rest, warn_that};
use crate::content::{TextsFileError, install_later, install_texts};
use crate::i18n::Locale;

/// Why a language's words could not be had.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum TextsError {
    /// Not in a page, or the language has no file (the source language's later words are in
    /// the wasm's second part).
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

/// Makes `locale`'s words available ([`Locale::texts_ready`]), fetching them if need be; and
/// its later words too ([`Locale::later_ready`]) once the wasm's second part is here, or in a
/// build that is not split, so that the screens that show them find them. (Before that part is
/// here, it brings them: [`fetch_later_words`].)
pub(crate) async fn load(locale: Locale) -> Result<(), TextsError> {
    if !locale.texts_ready() {
        let name = locale.texts_file().ok_or(TextsError::NoFile)?;
        install_texts(locale, fetch_text(name).await?).map_err(TextsError::Unreadable)?;
    }
    if rest::arrived() || !rest::split() {
        load_later(locale).await?;
    }
    Ok(())
}

/// Makes the words of the language the app is to start in, `wanted`, available before its
/// first render, or if they cannot be had those of another language, the source language
/// first: the app then shows that one while it asks for `wanted`'s again, and says so if they
/// still cannot be had (`hooks::use_texts_loading`). Returns the error of the last language
/// tried when no language's words can be had.
pub(crate) async fn load_first(wanted: Locale) -> Result<(), TextsError> {
    let others = Locale::ALL.into_iter().filter(|&locale| locale != wanted);
    let mut failed = TextsError::NoFile;
    for locale in std::iter::once(wanted).chain(others) {
        match load(locale).await {
            Ok(()) => return Ok(()),
            Err(error) => failed = error,
        }
    }
    Err(failed)
}

/// Makes `locale`'s later words available, fetching them if need be.
async fn load_later(locale: Locale) -> Result<(), TextsError> {
    if locale.later_ready() {
        return Ok(());
    }
    let name = locale.later_file().ok_or(TextsError::NoFile)?;
    install_later(locale, fetch_text(name).await?).map_err(TextsError::Unreadable)
}

/// Fetches the later words of every language whose first words are here but whose later ones
/// are not: with the wasm's second part (`platform::later`). A failure is
/// said on the console; the results then show the source language's words.
///
/// A language installed meanwhile is fetched too: the last look at the languages and the
/// arrival that [`load`] checks are in one task, so no language falls between them.
pub(crate) async fn fetch_later_words() {
    let mut tried = Vec::new();
    while let Some(locale) = Locale::ALL
        .into_iter()
        .find(|locale| locale.texts_ready() && !locale.later_ready() && !tried.contains(locale))
    {
        tried.push(locale);
        if let Err(error) = load_later(locale).await {
            warn_that(&format!(
                "could not load the {} later texts: {error}",
                locale.code()
            ));
        }
    }
}

/// The text of the file `name`, relative to the page like the page's own files (the app may be
/// served from a sub-path).
async fn fetch_text(name: &str) -> Result<String, TextsError> {
    let window = web_sys::window().ok_or(TextsError::NoFile)?;
    // The exception's own message ("Failed to fetch"): describing any JavaScript value, as
    // `{:?}` would, ships wasm-bindgen's describer for it.
    let failed = |error: wasm_bindgen::JsValue| {
        TextsError::Network(error.dyn_ref::<js_sys::Error>().map_or_else(
            || "not an exception".to_owned(),
            |exception| exception.message().into(),
        ))
    };
    let response: Response = JsFuture::from(window.fetch_with_str(name))
        .await
        .map_err(failed)?
        .dyn_into()
        .map_err(failed)?;
    if !response.ok() {
        return Err(TextsError::Status(response.status()));
    }
    JsFuture::from(response.text().map_err(failed)?)
        .await
        .map_err(failed)?
        .as_string()
        .ok_or(TextsError::Unreadable(TextsFileError::NotOurs))
}
