//! Earlier attempts: seeing one's own results finishes an attempt.

use yew::prelude::*;

use crate::address::Route;
use crate::platform::page;
use crate::state::Action;

/// Sends [`Action::RecordAttempt`] with today's date whenever the person's own results appear
/// while they opt in to being remembered (the reducer keeps it only then).
#[hook]
pub(crate) fn use_attempt_recording(route: &Route, remember: bool, on_record: Callback<Action>) {
    let on_results = *route == Route::Results;
    use_effect_with((on_results, remember), move |(on_results, remember)| {
        if *on_results && *remember {
            on_record.emit(Action::RecordAttempt(page::today()));
        }
    });
}
