//! The address bar and the state: the screen writes its route to the address, and every change
//! of the address (Back, Forward, an edited or followed link) comes back as one action.

use yew::prelude::*;

use crate::address::{Address, Route};
use crate::platform::page;

/// Shows `route` in the address bar and calls `on_change` with every address the person goes
/// to. The app's own writes are never read back (see [`page::show_route`]).
#[hook]
pub(crate) fn use_address_sync(route: &Route, on_change: Callback<Address>) {
    use_effect_with(route.clone(), page::show_route);
    use_effect_with((), move |()| {
        let listeners = page::on_address_change(move |address| on_change.emit(address));
        move || drop(listeners)
    });
}
