//! Storage follows the state: the answers in progress, the opt-in and the history are written
//! whenever they change, erasing included (an erased state holds nothing to keep).

use yew::prelude::*;

use crate::platform::{self, storage};
use crate::state::{AppState, StorageStatus};

/// Writes the state's progress and history to storage when they change. Storage may refuse
/// (quota, revoked access): the failure is reported and the app carries on.
#[hook]
pub(crate) fn use_storage_sync(state: &AppState) {
    use_effect_with((state.progress(), state.storage), |(progress, status)| {
        if *status == StorageStatus::Available
            && let Err(error) = storage::save(progress)
        {
            platform::warn("could not keep the answers", &error);
        }
    });
    use_effect_with(
        (state.history.clone(), state.remember, state.storage),
        |(history, remember, status)| {
            if *status == StorageStatus::Available
                && let Err(error) = storage::save_history(history, *remember)
            {
                platform::warn("could not keep the earlier attempts", &error);
            }
        },
    );
}
