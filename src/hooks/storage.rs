//! Storage follows the state: the answers in progress, the opt-in and the history are written
//! whenever they change, erasing included (an erased state holds nothing to keep).

use yew::prelude::*;

use crate::platform::{self, storage};
use crate::state::{Action, AppState, StorageStatus};

/// Writes the state's progress and history to storage when they change. Storage may refuse
/// (quota, revoked access): the failure is reported on the console and sent to the state as
/// [`Action::StorageRefused`], which the page then says; the app carries on, and each later
/// change is tried again.
#[hook]
pub(crate) fn use_storage_sync(state: &AppState, on_refused: Callback<Action>) {
    {
        let on_refused = on_refused.clone();
        use_effect_with(
            (state.progress(), state.storage),
            move |(progress, status)| {
                if *status != StorageStatus::Unavailable
                    && let Err(error) = storage::save(progress)
                {
                    platform::warn("could not keep the answers", &error);
                    on_refused.emit(Action::StorageRefused);
                }
            },
        );
    }
    use_effect_with(
        (state.history.clone(), state.remember, state.storage),
        move |(history, remember, status)| {
            if *status != StorageStatus::Unavailable
                && let Err(error) = storage::save_history(history, *remember)
            {
                platform::warn("could not keep the earlier attempts", &error);
                on_refused.emit(Action::StorageRefused);
            }
        },
    );
}
