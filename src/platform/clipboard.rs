//! Copying the share link. The clipboard may be missing (insecure context, old browser) or
//! refuse (no user gesture, permissions); both are a [`ClipboardError`], and the interface
//! always shows the link too, so that it can be copied by hand.

use std::fmt;

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Why the text was not copied.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ClipboardError {
    /// No clipboard API here.
    Unavailable,
    /// The browser refused the write.
    Refused,
}

impl fmt::Display for ClipboardError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ClipboardError::Unavailable => f.write_str("no clipboard in this browser"),
            ClipboardError::Refused => f.write_str("the browser refused to copy"),
        }
    }
}

impl std::error::Error for ClipboardError {}

/// Copies `text` to the clipboard.
pub(crate) async fn copy(text: &str) -> Result<(), ClipboardError> {
    let navigator = web_sys::window()
        .ok_or(ClipboardError::Unavailable)?
        .navigator();
    // `navigator.clipboard` is undefined outside secure contexts; calling a method on it would
    // throw, so look before touching it.
    let clipboard = js_sys::Reflect::get(&navigator, &"clipboard".into())
        .ok()
        .filter(|value| !value.is_undefined() && !value.is_null())
        .ok_or(ClipboardError::Unavailable)?
        .unchecked_into::<web_sys::Clipboard>();
    JsFuture::from(clipboard.write_text(text))
        .await
        .map(|_| ())
        .map_err(|_| ClipboardError::Refused)
}
