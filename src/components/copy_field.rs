//! A read-only text to copy: the builder's candidate link and embed snippet. The text is always
//! shown and selectable, so that it can be copied by hand when the clipboard says no.

use yew::prelude::*;

use crate::hooks::use_locale;
use crate::platform::clipboard;

/// Properties of [`CopyField`].
#[derive(Properties, PartialEq)]
pub(crate) struct CopyFieldProps {
    /// The field's id (its label points at it).
    pub(crate) id: AttrValue,
    /// The field's label.
    pub(crate) label: AttrValue,
    /// The copy button's label.
    pub(crate) copy_label: AttrValue,
    /// The text.
    pub(crate) value: AttrValue,
    /// Several lines: a `<textarea>` rather than an `<input>`.
    #[prop_or_default]
    pub(crate) multiline: bool,
}

/// The labelled field, a copy button and what happened.
#[component]
pub(crate) fn CopyField(props: &CopyFieldProps) -> Html {
    let status = use_state(|| None::<bool>);
    let ui = use_locale().ui();
    // A new text has not been copied yet.
    {
        let status = status.clone();
        use_effect_with(props.value.clone(), move |_| status.set(None));
    }
    let on_copy = {
        let (status, value) = (status.clone(), props.value.clone());
        Callback::from(move |_: MouseEvent| {
            let (status, value) = (status.clone(), value.clone());
            wasm_bindgen_futures::spawn_local(async move {
                status.set(Some(clipboard::copy(&value).await.is_ok()));
            });
        })
    };
    let id = props.id.clone();
    html! {
        <div class="copy-field">
            <label class="copy-field__label" for={id.clone()}>{ props.label.clone() }</label>
            <div class="copy-field__row">
                if props.multiline {
                    <textarea {id} class="copy-field__text copy-field__text--multiline" readonly=true
                        rows="4" spellcheck="false" value={props.value.clone()} />
                } else {
                    <input {id} class="copy-field__text" type="text" readonly=true
                        spellcheck="false" value={props.value.clone()} />
                }
                <button type="button" class="button button--small copy-field__copy" onclick={on_copy}>
                    { props.copy_label.clone() }
                </button>
            </div>
            <p class="copy-field__status" role="status">
                { match *status {
                    Some(true) => ui.copy_done,
                    Some(false) => ui.copy_failed,
                    None => "",
                } }
            </p>
        </div>
    }
}
