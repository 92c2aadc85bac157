//! The address bar and the state: the screen writes its route to the address, and every change
//! of the address (Back, Forward, an edited or followed link) comes back as one action.

use yew::prelude::*;

use crate::address::{Address, Route};
use crate::platform::page;

/// Shows `route` in the address bar and calls `on_change` with every new address.
///
/// The app's own writes come back too, as an address that names the screen already showing,
/// which the reducer treats as no change.
#[hook]
pub(crate) fn use_address_sync(route: &Route, on_change: Callback<Address>) {
    use_effect_with(route.clone(), page::show_route);
    use_effect_with((), move |()| {
        let listener = page::on_address_change(move |address| on_change.emit(address));
        move || drop(listener)
    });
}
