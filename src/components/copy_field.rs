//! A read-only text to copy: the share link, and the builder's candidate link and embed snippet.
//! The text is always shown and selectable, so that it can be copied by hand when the clipboard
//! says no.
//!
//! A plain function rather than a component, as it adds no component machinery to the wasm;
//! the screen that draws it keeps what was last copied.

use yew::prelude::*;

use crate::i18n::LaterUi;
use crate::platform::clipboard;

/// What the last press of a copy button did: the text it was for, and whether it was copied.
pub(crate) type Copied = Option<(String, bool)>;

/// A labelled read-only field `id` holding `value` (a `<textarea>` when `multiline`), a button
/// labelled `copy_label` that copies it, and what happened, read from `copied`, which the
/// button sets. A result for another text (the value changed since) is not shown.
pub(crate) fn copy_field(
    later: &LaterUi,
    id: &'static str,
    label: &'static str,
    copy_label: &'static str,
    value: String,
    multiline: bool,
    copied: &UseStateHandle<Copied>,
) -> Html {
    let status = match &**copied {
        Some((text, true)) if *text == value => later.copy_done,
        Some((text, false)) if *text == value => later.copy_failed,
        _ => "",
    };
    let on_copy = {
        let (copied, value) = (copied.clone(), value.clone());
        Callback::from(move |_: MouseEvent| {
            let (copied, value) = (copied.clone(), value.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let done = clipboard::copy(&value).await.is_ok();
                copied.set(Some((value, done)));
            });
        })
    };
    html! {
        <div class="copy-field">
            <label class="copy-field__label" for={id}>{ label }</label>
            <div class="copy-field__row">
                if multiline {
                    <textarea {id} class="copy-field__text copy-field__text--multiline" readonly=true
                        rows="4" spellcheck="false" value={value} />
                } else {
                    <input {id} class="copy-field__text" type="text" readonly=true
                        spellcheck="false" value={value} />
                }
                <button type="button" class="button button--small copy-field__copy" onclick={on_copy}>
                    { copy_label }
                </button>
            </div>
            <p class="copy-field__status" role="status">{ status }</p>
        </div>
    }
}
