//! A button that does one thing: Back, Next, Start, erase… The app has many, and this keeps
//! their markup and behaviour in one place.
//!
//! A plain function rather than a component, like `data_controls`: it holds no state, and it
//! is drawn at fifteen places, each of which would add component machinery to the wasm.

use yew::prelude::*;

/// A `<button type="button">` labelled `label` (also its accessible name), with the block's
/// classes besides `button` (e.g. `button--primary`), that calls `on_press` when pressed.
pub(crate) fn action_button(
    label: impl Into<AttrValue>,
    on_press: &Callback<()>,
    class: &'static str,
) -> Html {
    let onclick = on_press.reform(|_: MouseEvent| ());
    html! {
        <button type="button" class={classes!("button", class)} {onclick}>
            { label.into() }
        </button>
    }
}
