//! The rest of the app (`platform::rest`), fetched once the reader has given an answer.

use yew::prelude::*;

use crate::platform::rest;

/// Starts fetching the rest of the app when `soon` turns true: the reader has answered, so the
/// results will follow. Not earlier: until the first question can be answered, the rest would
/// compete for the network with what that question needs. A moved function needed before it
/// has arrived loads it at once (`platform::rest::perfil_cm_rest_needed`).
#[hook]
pub(crate) fn use_rest_fetched(soon: bool) {
    use_effect_with(soon, |&soon| {
        if soon {
            rest::fetch_in_background();
        }
    });
}
