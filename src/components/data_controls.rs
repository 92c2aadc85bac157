//! The person's control over their data: the opt-in to remember answers on this device, and
//! erasing everything.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::action_button::ActionButton;

use crate::i18n::Locale;
use crate::state::{Action, StorageStatus};

/// Properties of [`DataControls`].
#[derive(Properties, PartialEq)]
pub struct DataControlsProps {
    /// The language to show.
    pub locale: Locale,
    /// The opt-in is on.
    pub remember: bool,
    /// Whether storage works; without it there is nothing to remember or erase.
    pub storage: StorageStatus,
    /// Something is stored, so erasing means something.
    pub has_data: bool,
    /// `SetRemember` and `EraseAll`.
    pub on_action: Callback<Action>,
}

/// The "Recordar en este dispositivo" checkbox and the "Borrar mis datos" button.
#[component]
pub fn DataControls(props: &DataControlsProps) -> Html {
    if props.storage == StorageStatus::Unavailable {
        return Html::default();
    }
    let ui = props.locale.ui();
    let on_remember = props.on_action.reform(|event: Event| {
        let checked = event
            .target_dyn_into::<HtmlInputElement>()
            .is_some_and(|input| input.checked());
        Action::SetRemember(checked)
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
                <ActionButton label={ui.erase} action={Action::EraseAll} on_action={props.on_action.clone()} class="button--quiet data-controls__erase" />
            }
        </div>
    }
}
