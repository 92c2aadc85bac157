//! The person's control over their data: the opt-in to remember answers on this device, and
//! erasing everything.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::action_button::ActionButton;
use crate::hooks::use_locale;
use crate::state::StorageStatus;

/// Properties of [`DataControls`].
#[derive(Properties, PartialEq)]
pub(crate) struct DataControlsProps {
    /// The opt-in is on.
    pub(crate) remember: bool,
    /// Whether storage works; without it there is nothing to remember or erase.
    pub(crate) storage: StorageStatus,
    /// Something is stored, so erasing means something.
    pub(crate) has_data: bool,
    /// The box was ticked or unticked.
    pub(crate) on_remember: Callback<bool>,
    /// "Borrar mis datos".
    pub(crate) on_erase: Callback<()>,
}

/// The "Recordar en este dispositivo" checkbox and the "Borrar mis datos" button.
#[component]
pub(crate) fn DataControls(props: &DataControlsProps) -> Html {
    let ui = use_locale().ui();
    if props.storage == StorageStatus::Unavailable {
        return Html::default();
    }
    let on_remember = props.on_remember.reform(|event: Event| {
        event
            .target_dyn_into::<HtmlInputElement>()
            .is_some_and(|input| input.checked())
    });
    html! {
        <div class="data-controls">
            <label class="data-controls__remember">
                <input
                    type="checkbox"
                    class="data-controls__checkbox"
                    checked={props.remember}
                    onchange={on_remember}
                    aria-describedby="remember-hint"
                />
                <span>{ ui.remember_label }</span>
            </label>
            <p id="remember-hint" class="data-controls__hint">{ ui.remember_hint }</p>
            if props.has_data {
                <ActionButton label={ui.erase} on_press={props.on_erase.clone()} class="button--quiet data-controls__erase" />
            }
        </div>
    }
}
