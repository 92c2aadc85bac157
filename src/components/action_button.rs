//! A button that does one thing: Back, Next, Start, erase… The app has many, and this keeps
//! their markup and behaviour in one place.

use yew::prelude::*;

/// Properties of [`ActionButton`].
#[derive(Properties, PartialEq)]
pub(crate) struct ActionButtonProps {
    /// The visible label, which is also its accessible name.
    pub(crate) label: AttrValue,
    /// The button was pressed.
    pub(crate) on_press: Callback<()>,
    /// Modifiers and block classes besides `button`, e.g. `button--primary`.
    #[prop_or_default]
    pub(crate) class: Classes,
}

/// A `<button type="button">` that calls `on_press` when pressed.
#[component]
pub(crate) fn ActionButton(props: &ActionButtonProps) -> Html {
    let onclick = props.on_press.reform(|_: MouseEvent| ());
    html! {
        <button type="button" class={classes!("button", props.class.clone())} {onclick}>
            { props.label.clone() }
        </button>
    }
}
