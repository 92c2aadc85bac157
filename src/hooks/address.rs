//! The address bar and the state: the screen writes its route to the address, and every change
//! of the address (Back, Forward, an edited or followed link) comes back as one action.

use yew::prelude::*;

use crate::address::{Address, Route};
use crate::platform::{page, rest};

/// Shows `route` in the address bar and calls `on_change` with every address the person goes
/// to. The app's own writes are never read back (see [`page::show_route`]).
#[hook]
pub(crate) fn use_address_sync(route: &Route, on_change: Callback<Address>) {
    use_effect_with(route.clone(), page::show_route);
    use_effect_with((), move |()| {
        let listeners = page::on_address_change(move |address| {
            // Every screen but the intro and the questions runs code from the rest of the app
            // (platform::rest): the change waits for it rather than have the main thread load
            // it. Only a look at where the address leads; the reducer reads it.
            let needs_rest = !Route::parse(&address.hash).is_ok_and(|route| route.shown_at_start());
            let on_change = on_change.clone();
            rest::in_turn(needs_rest, move || on_change.emit(address));
        });
        move || drop(listeners)
    });
}
