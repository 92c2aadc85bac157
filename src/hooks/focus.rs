//! Focus follows the screen, so that keyboard and screen-reader users start at its heading.

use std::mem;

use yew::prelude::*;

use crate::address::Route;
use crate::platform::page;

/// Moves focus to the heading of `route`'s screen whenever the route changes, but not on the
/// first render: focus must not jump into an embedded widget while the reader is on the host
/// page.
#[hook]
pub(crate) fn use_screen_focus(route: &Route) {
    let first_render = use_mut_ref(|| true);
    use_effect_with(route.clone(), move |route| {
        if !mem::replace(&mut *first_render.borrow_mut(), false) {
            page::focus(route.heading_id());
        }
    });
}
