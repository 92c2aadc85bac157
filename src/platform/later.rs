//! What arrives with the wasm's second part besides its code ([`rest::also_fetch`]): the styles
//! of what is shown only later (styles/order.txt, `[later]`), whose request a download starts
//! beside the rest's, and the later words of the languages that are not compiled in
//! (`texts::fetch_later_words`). A stub that loads the rest itself loads both before it returns
//! ([`ALSO`]'s `load_now`).
//!
//! Called through pointers once the rest has arrived, so that this code may be in the rest: a
//! reader's first load does not carry it.

use std::sync::atomic::{AtomicBool, Ordering};

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::XmlHttpRequest;

use super::{rest, texts, warn_that};
use crate::content::install_later;
use crate::i18n::Locale;

/// What arrives with the rest, for [`rest::also_fetch`].
pub(crate) const ALSO: rest::Also = rest::Also {
    fetch: with_download,
    load_now: now,
};

/// Adopts the later styles once their response (`styles`, if any) has come, then fetches the
/// later words.
fn with_download(styles: Option<js_sys::Promise>) -> rest::Arriving {
    Box::pin(async move {
        if let Some(styles) = styles {
            match response_text(styles).await {
                Some(text) => adopt(&text),
                None => say_unstyled(),
            }
        }
        texts::fetch_later_words().await;
    })
}

/// The text of a response, if it came whole and with success.
async fn response_text(response: js_sys::Promise) -> Option<String> {
    let response: web_sys::Response = JsFuture::from(response).await.ok()?.dyn_into().ok()?;
    if !response.ok() {
        return None;
    }
    JsFuture::from(response.text().ok()?)
        .await
        .ok()?
        .as_string()
}

/// Loads the later styles and words before returning, unless they are here: for a stub that
/// loaded the rest itself, as what called it may show them at once (a rare notice, say, in a
/// language whose later words are a file).
fn now() {
    styles_now();
    words_now();
}

/// Loads the later words of every language whose first words are here but whose later ones are
/// not, before returning. A failure is said on the console; those words then show in the source
/// language, as after a download that failed (`texts::fetch_later_words`).
fn words_now() {
    for locale in Locale::ALL
        .into_iter()
        .filter(|locale| locale.texts_ready() && !locale.later_ready())
    {
        let installed = locale
            .later_file()
            .and_then(text_now)
            .ok_or_else(|| "the request failed".to_owned())
            .and_then(|text| install_later(locale, text).map_err(|error| error.to_string()));
        if let Err(error) = installed {
            warn_that(&format!(
                "could not load the {} later texts: {error}",
                locale.code()
            ));
        }
    }
}

/// Loads the later styles before returning, unless they are here.
fn styles_now() {
    if STYLED.load(Ordering::Relaxed) {
        return;
    }
    let Some(file) = rest::styles_file() else {
        return;
    };
    match text_now(&file) {
        Some(text) => adopt(&text),
        None => say_unstyled(),
    }
}

/// The text of the file `file`, relative to the page, fetched before returning.
fn text_now(file: &str) -> Option<String> {
    let request = XmlHttpRequest::new().ok()?;
    request.open_with_async("GET", file, false).ok()?;
    request.send().ok()?;
    if request.status().ok()? != 200 {
        return None;
    }
    request.response_text().ok()?
}

/// Makes the later styles (`text`) the document's, unless they are already: after the page's
/// own sheet, as the last of its adopted sheets. A constructed sheet applies at once, so the
/// screen drawn next is styled; the policy's `style-src 'self'` allows it, as the file came
/// from the page's origin.
fn adopt(text: &str) {
    if STYLED.load(Ordering::Relaxed) {
        return;
    }
    match adopt_sheet(text) {
        Some(()) => STYLED.store(true, Ordering::Relaxed),
        None => say_unstyled(),
    }
}

/// Adds the style sheet `text` to the document's adopted sheets.
fn adopt_sheet(text: &str) -> Option<()> {
    let document = web_sys::window()?.document()?;
    let sheet = web_sys::CssStyleSheet::new().ok()?;
    sheet.replace_sync(text).ok()?;
    let sheets = document.adopted_style_sheets();
    sheets.push(&sheet);
    document.set_adopted_style_sheets(&sheets);
    Some(())
}

/// Says on the console that the later styles could not be had; the screens still work.
fn say_unstyled() {
    warn_that("the styles of the results could not be loaded");
}

/// Whether the later styles are the document's.
static STYLED: AtomicBool = AtomicBool::new(false);
