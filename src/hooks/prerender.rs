//! What the page showed before the app ran (the intro painted from the HTML, or the "loading"
//! note), replaced by the app once drawn.

use yew::prelude::*;

use crate::platform::{page, prerender};
use crate::state::Action;

/// Once the app has rendered in the language it starts in (`ready`: no language's words still
/// on their way), shows it in place of what the page showed, and carries out a Start pressed on
/// the painted intro before the app could hear it.
#[hook]
pub(crate) fn use_prerender_takeover(ready: bool, dispatch: Callback<Action>) {
    let done = use_mut_ref(|| false);
    use_effect_with(ready, move |&ready| {
        if ready && !*done.borrow() {
            *done.borrow_mut() = true;
            let started = page::app_root().is_ok_and(|root| prerender::take_over(&root));
            if started {
                dispatch.emit(Action::Start);
            }
        }
    });
}
