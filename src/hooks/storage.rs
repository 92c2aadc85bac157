//! Storage follows the state: the answers in progress, the opt-in and the history are written
//! whenever they change, erasing included (an erased state holds nothing to keep), and stored
//! answers that could not be read are deleted when the person asks; and what other tabs of the
//! browser do to the device's copies comes back as actions.
//!
//! Every tab shares the device's copies (local storage), so a tab removes them only when it
//! kept them itself (it remembered, then stopped) or when the person erases: a tab that never
//! remembered leaves another tab's copy alone.
//!
//! Answers that another remembering tab keeps on the device come back as
//! [`Action::AnsweredElsewhere`] and are merged into this tab's, which then writes the merged
//! record like any other change. The exchange ends: a merge that adds nothing leaves the state
//! as it was, so nothing is written, and a record the device already holds is not written again.

use std::cell::Cell;
use std::rc::Rc;

use yew::prelude::*;

use crate::platform::storage::{self, DeviceCopy, OtherTab};
use crate::platform::{self};
use crate::state::{Action, AppState, StorageStatus};

/// Writes the state's progress and history to storage when they change, tells other tabs when
/// the person erases, and sends what other tabs do to `on_action`. Storage may refuse (quota,
/// revoked access): the failure is reported on the console and sent as
/// [`Action::StorageRefused`], which the page then says; each later change is tried again.
#[hook]
pub(crate) fn use_storage_sync(state: &AppState, on_action: Callback<Action>) {
    // Whether this tab keeps the device's copies; restored with the opt-in, it does.
    let keeps = use_memo((), |()| Rc::new(Cell::new(state.remember)));
    let device = if state.remember {
        DeviceCopy::Keep
    } else if keeps.get() {
        DeviceCopy::Remove
    } else {
        DeviceCopy::Leave
    };
    let working = state.storage != StorageStatus::Unavailable;
    {
        let on_refused = on_action.clone();
        use_effect_with(
            (state.progress(), device, working),
            move |(progress, device, working)| {
                if *working && let Err(error) = storage::save(progress, *device) {
                    platform::warn_of("could not keep the answers", &error);
                    on_refused.emit(Action::StorageRefused);
                }
            },
        );
    }
    {
        let on_refused = on_action.clone();
        use_effect_with(
            (state.history.clone(), device, working),
            move |(history, device, working)| {
                if *working && let Err(error) = storage::save_history(history, *device) {
                    platform::warn_of("could not keep the earlier attempts", &error);
                    on_refused.emit(Action::StorageRefused);
                }
            },
        );
    }
    {
        let keeps = (*keeps).clone();
        use_effect_with(state.remember, move |remember| keeps.set(*remember));
    }
    use_effect_with((state.erasures, working), |(erasures, working)| {
        if *erasures > 0
            && *working
            && let Err(error) = storage::erase_device()
        {
            platform::warn_of("could not erase everything", &error);
        }
    });
    {
        let on_done = on_action.clone();
        use_effect_with((state.discards, working), move |(discards, working)| {
            if *discards > 0 && *working {
                match storage::discard_unreadable() {
                    Ok(()) => on_done.emit(Action::DamagedDiscarded),
                    Err(error) => {
                        platform::warn_of("could not delete the unreadable answers", &error);
                        on_done.emit(Action::StorageRefused);
                    }
                }
            }
        });
    }
    use_effect_with((), move |()| {
        let listener = storage::on_other_tab(move |change| {
            on_action.emit(match change {
                OtherTab::Erased => Action::ErasedElsewhere,
                OtherTab::Forgot => Action::ForgottenElsewhere,
                OtherTab::Answered(answers) => Action::AnsweredElsewhere(answers),
            })
        });
        move || drop(listener)
    });
}
