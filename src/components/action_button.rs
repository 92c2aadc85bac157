//! A button that dispatches one action: Back, Next, Start, erase… The app has many, and this
//! keeps their markup and behaviour in one place.

use yew::prelude::*;

use crate::state::Action;

/// Properties of [`ActionButton`].
#[derive(Properties, PartialEq)]
pub struct ActionButtonProps {
    /// The visible label, which is also its accessible name.
    pub label: AttrValue,
    /// What pressing it does.
    pub action: Action,
    /// Where the action goes.
    pub on_action: Callback<Action>,
    /// Modifiers and block classes besides `button`, e.g. `button--primary`.
    #[prop_or_default]
    pub class: Classes,
}

/// A `<button type="button">` that emits its action when pressed.
#[component]
pub fn ActionButton(props: &ActionButtonProps) -> Html {
    let onclick = {
        let (action, on_action) = (props.action.clone(), props.on_action.clone());
        Callback::from(move |_: MouseEvent| on_action.emit(action.clone()))
    };
    html! {
        <button type="button" class={classes!("button", props.class.clone())} {onclick}>
            { props.label.clone() }
        </button>
    }
}
