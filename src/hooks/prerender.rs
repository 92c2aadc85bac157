//! The intro painted from the HTML before the app ran, replaced by the app's own once drawn.

use yew::prelude::*;

use crate::platform::{page, prerender};
use crate::state::Action;

/// After the app's first render, shows it in place of the painted intro, and carries out a
/// Start pressed there before the app could hear it.
#[hook]
pub(crate) fn use_prerender_takeover(dispatch: Callback<Action>) {
    use_effect_with((), move |()| {
        let started = page::app_root().is_ok_and(|root| prerender::take_over(&root));
        if started {
            dispatch.emit(Action::Start);
        }
    });
}
