//! Focus follows the screen, so that keyboard and screen-reader users start at its heading,
//! and stays in the app when a notice or a control goes with the change it made.

use std::mem;

use yew::prelude::*;

use crate::address::Route;
use crate::platform::page;
use crate::state::Notice;

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

/// Keeps keyboard focus in the app when the focused control goes with the change it made: a
/// notice's own button ("Cerrar aviso", "Borrar las respuestas dañadas") or "Borrar mis
/// datos", which an erase hides. After a render in which `notice` changed, if focus was in
/// `app` before it and fell to the page, it goes to the notice's first button, or to the
/// heading of `route`'s screen when no notice shows. Focus that was elsewhere stays there: a
/// notice on opening the page, or one that another tab or a late download brought, does not
/// pull focus into the app.
#[hook]
pub(crate) fn use_focus_kept(notice: Option<Notice>, route: &Route, app: NodeRef) {
    // Read while rendering, before the change reaches the page.
    let had_focus = use_mut_ref(|| false);
    *had_focus.borrow_mut() = app.get().is_some_and(|app| page::focus_within(&app));
    let heading = route.heading_id();
    use_effect_with(notice, move |notice| {
        if *had_focus.borrow() && page::focus_fell() {
            match notice {
                Some(_) => page::focus_first(".notice-bar .button"),
                None => page::focus(heading),
            }
        }
    });
}
