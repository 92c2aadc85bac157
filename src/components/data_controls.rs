//! The person's control over their data: the opt-in to remember answers on this device, and
//! erasing everything.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::action_button::action_button;
use crate::i18n::Ui;
use crate::state::StorageStatus;

/// The "Recordar en este dispositivo" checkbox (ticked when `remember`, reported through
/// `on_remember`) and, when something is stored (`has_data`), the "Borrar mis datos" button
/// (`on_erase`); nothing when `storage` does not work, as there is nothing to remember or erase,
/// and no checkbox when only this tab's storage works, as the device could not remember.
///
/// A plain function that the screens call rather than a component: it holds no state of its
/// own, and as a function it adds no component machinery to the wasm.
pub(crate) fn data_controls(
    ui: &Ui,
    remember: bool,
    storage: StorageStatus,
    has_data: bool,
    on_remember: &Callback<bool>,
    on_erase: &Callback<()>,
) -> Html {
    if storage == StorageStatus::Unavailable {
        return Html::default();
    }
    let on_remember = on_remember.reform(|event: Event| {
        event
            .target_dyn_into::<HtmlInputElement>()
            .is_some_and(|input| input.checked())
    });
    let can_remember = storage != StorageStatus::TabOnly || remember;
    html! {
        <div class="data-controls">
            if can_remember {
            <label class="data-controls__remember">
                <input
                    type="checkbox"
                    class="data-controls__checkbox"
                    checked={remember}
                    onchange={on_remember}
                    aria-describedby="remember-hint"
                />
                <span>{ ui.remember_label }</span>
            </label>
            <p id="remember-hint" class="data-controls__hint">{ ui.remember_hint }</p>
            }
            if has_data {
                { action_button(ui.erase, on_erase, "button--quiet data-controls__erase") }
            }
        </div>
    }
}
