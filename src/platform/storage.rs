//! Answers in progress, kept in the browser: session storage always (gone when the tab closes),
//! local storage only when the person opts in ("Recordar en este dispositivo"), together with
//! the earlier attempts that the results can compare with.
//!
//! Written on web-sys rather than gloo-storage because gloo-storage's `raw()` throws when the
//! browser blocks storage (private modes, third-party iframes), and a throw is a crash. Here every
//! refusal is a [`StorageError`] and the app carries on without storage.

use std::fmt;

use gloo_events::EventListener;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Storage, StorageEvent};

use super::warn_of;
use crate::answers::Answers;
use crate::history::{self, Entry};
use crate::i18n::Locale;
use crate::model::Version;
use crate::progress::{self, Progress, ProgressError};
use crate::state::StorageStatus;

/// The key of the answers in progress, in both storages.
pub(crate) const KEY: &str = "perfil-cm/progress";
/// The key of earlier attempts, in local storage only (with the opt-in).
pub(crate) const HISTORY_KEY: &str = "perfil-cm/history";

/// Why storage could not be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum StorageError {
    /// The browser gives no storage here, or refuses access.
    Unavailable,
    /// Writing failed (quota, or access revoked).
    WriteFailed,
}

impl fmt::Display for StorageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StorageError::Unavailable => f.write_str("storage is not available"),
            StorageError::WriteFailed => f.write_str("storage refused the write"),
        }
    }
}

impl std::error::Error for StorageError {}

fn session() -> Result<Storage, StorageError> {
    web_sys::window()
        .and_then(|w| w.session_storage().ok().flatten())
        .ok_or(StorageError::Unavailable)
}

fn local() -> Result<Storage, StorageError> {
    web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .ok_or(StorageError::Unavailable)
}

/// Whether session storage and local storage work: a test write to each, because some browsers
/// hand out a storage object that refuses every write.
pub(crate) fn status() -> StorageStatus {
    let probe = format!("{KEY}/probe");
    let works = |storage: Result<Storage, StorageError>| {
        storage.is_ok_and(|s| s.set_item(&probe, "1").is_ok() && s.remove_item(&probe).is_ok())
    };
    match (works(session()), works(local())) {
        (true, true) => StorageStatus::Available,
        (true, false) => StorageStatus::TabOnly,
        (false, _) => StorageStatus::Unavailable,
    }
}

/// Whether this tab or the device holds answers in progress or earlier attempts, read or not;
/// without reading them. A first visit holds neither.
pub(crate) fn holds_records() -> bool {
    let holds = |storage: Result<Storage, StorageError>, key: &str| {
        storage.is_ok_and(|s| s.get_item(key).ok().flatten().is_some())
    };
    holds(session(), KEY) || holds(local(), KEY) || holds(local(), HISTORY_KEY)
}

/// The language of the saved progress, this tab's first, else what this device remembers, read
/// from the record's first fields only ([`progress::recorded_locale`]): for `crate::start`,
/// which must know whose words to wait for before the first render reads the record ([`load`]).
pub(crate) fn recorded_locale() -> Option<Locale> {
    progress_record().and_then(|text| progress::recorded_locale(&text))
}

/// The saved progress: this tab's first, else what this device remembers, as
/// [`Progress::restore`] reads it: what can be restored, and why anything in a record that
/// exists could not be (damaged, or from another content version).
pub(crate) fn load() -> (Option<Progress>, Option<ProgressError>) {
    progress_record().map_or((None, None), |text| Progress::restore(&text))
}

/// The stored progress record as written: this tab's first, else what this device remembers.
fn progress_record() -> Option<String> {
    let read = |storage: Result<Storage, StorageError>| {
        storage.ok().and_then(|s| s.get_item(KEY).ok().flatten())
    };
    read(session()).or_else(|| read(local()))
}

/// Deletes the stored answers that [`load`] could not read (damaged, or not this app's), from
/// this tab's storage and from the device, when the person asks: nothing else removes them,
/// and each visit would say again that they could not be restored. Only such a record goes: one
/// that reads now (another tab may have written its own since) stays, and so does one of
/// another content version, which a newer release in another tab reads. Each storage is tried
/// whatever the other did; the first failure is returned.
pub(crate) fn discard_unreadable() -> Result<(), StorageError> {
    let unreadable = |text: &str| {
        use ProgressError::{Damaged, NotOurs};
        matches!(Progress::restore(text), (None, Some(Damaged(_) | NotOurs)))
    };
    let discard = |storage: Result<Storage, StorageError>| {
        let Ok(storage) = storage else {
            // No storage here: nothing was read from it either.
            return Ok(());
        };
        match storage.get_item(KEY).ok().flatten() {
            Some(text) if unreadable(&text) => storage
                .remove_item(KEY)
                .map_err(|_| StorageError::WriteFailed),
            _ => Ok(()),
        }
    };
    let session = discard(session());
    let local = discard(local());
    session.and(local)
}

/// What this tab may do to the device's copies (local storage), which every tab shares.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum DeviceCopy {
    /// Write them: the person opts in.
    Keep,
    /// Remove them: this tab kept them, and the person no longer opts in (or erased).
    Remove,
    /// Leave them alone: this tab never kept them, so they are another tab's.
    Leave,
}

/// Keeps `progress`: in session storage from the moment there is something to keep (an answer,
/// the full version chosen, or a role's target), and on the device as `device` says. Each storage is tried
/// whatever the other did; the first failure is returned.
pub(crate) fn save(progress: &Progress, device: DeviceCopy) -> Result<(), StorageError> {
    let text = progress.encode();
    let chosen = !progress.answers.is_empty()
        || progress.version != Version::default()
        || progress.target.is_some();
    let session = write(session(), KEY, chosen.then_some(text.as_str()));
    let local = match device {
        DeviceCopy::Keep => write(local(), KEY, Some(&text)),
        DeviceCopy::Remove => write(local(), KEY, None),
        DeviceCopy::Leave => Ok(()),
    };
    session.and(local)
}

/// Writes `value` under `key`, or removes the key for `None`. A value the storage already
/// holds is not written again: a tab that takes in another tab's answers then writes the same
/// record, and leaving it alone keeps each change to one write on the device.
fn write(
    storage: Result<Storage, StorageError>,
    key: &str,
    value: Option<&str>,
) -> Result<(), StorageError> {
    let storage = storage?;
    match value {
        Some(value) if storage.get_item(key).ok().flatten().as_deref() == Some(value) => Ok(()),
        Some(value) => storage.set_item(key, value),
        None => storage.remove_item(key),
    }
    .map_err(|_| StorageError::WriteFailed)
}

/// Earlier attempts kept on this device, those of an earlier version of the questions
/// included; unreadable lines are skipped.
pub(crate) fn load_history() -> Vec<Entry> {
    local()
        .ok()
        .and_then(|s| s.get_item(HISTORY_KEY).ok().flatten())
        .map(|text| history::decode(&text))
        .unwrap_or_default()
}

/// Keeps `entries` on the device with [`DeviceCopy::Keep`], merged with what the device
/// holds now (another tab may have added its own since this one read them); removes them with
/// [`DeviceCopy::Remove`].
pub(crate) fn save_history(entries: &[Entry], device: DeviceCopy) -> Result<(), StorageError> {
    match device {
        DeviceCopy::Keep if !entries.is_empty() => {
            let merged = history::merge(&load_history(), entries);
            write(local(), HISTORY_KEY, Some(&history::encode(&merged)))
        }
        DeviceCopy::Keep | DeviceCopy::Leave => Ok(()),
        DeviceCopy::Remove => write(local(), HISTORY_KEY, None),
    }
}

/// The key whose brief appearance tells other tabs that the person erased everything: a
/// removal alone cannot be told from someone unticking "remember".
const ERASED_KEY: &str = "perfil-cm/erased";

/// Removes the device's copies, whichever tab kept them, and tells the other tabs of this
/// browser that everything was erased, leaving nothing stored. (This tab's own session copy
/// follows its erased state.)
pub(crate) fn erase_device() -> Result<(), StorageError> {
    let local = local()?;
    [KEY, HISTORY_KEY]
        .into_iter()
        .try_for_each(|key| local.remove_item(key))
        .and_then(|()| local.set_item(ERASED_KEY, "1"))
        .and_then(|()| local.remove_item(ERASED_KEY))
        .map_err(|_| StorageError::WriteFailed)
}

/// What another tab did to the device's copies.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum OtherTab {
    /// It erased everything.
    Erased,
    /// It removed the device copy of the answers: it stopped remembering.
    Forgot,
    /// It kept these answers on the device (it remembers, and they changed there).
    Answered(Answers),
}

/// Calls `on_change` when another tab of this browser erases, stops remembering or keeps new
/// answers on the device. Browsers send `storage` events to every other tab on the same origin,
/// never to the writer itself, so a tab never reads back its own writes. The new record is
/// read here, once, like every other record from storage: one that cannot be read (damaged, or
/// written by another version of the app still open in another tab) is left out, with a warning
/// on the console.
pub(crate) fn on_other_tab(on_change: impl Fn(OtherTab) + 'static) -> Option<EventListener> {
    let window = web_sys::window()?;
    Some(EventListener::new(&window, "storage", move |event| {
        let Some(event) = event.dyn_ref::<StorageEvent>() else {
            return;
        };
        let from_local = local()
            .ok()
            .zip(event.storage_area())
            .is_some_and(|(local, area)| JsValue::from(local) == JsValue::from(area));
        if !from_local {
            return;
        }
        let change = match (event.key().as_deref(), event.new_value()) {
            (Some(ERASED_KEY), Some(_)) => OtherTab::Erased,
            // `localStorage.clear()` names no key.
            (Some(KEY) | None, None) => OtherTab::Forgot,
            (Some(KEY), Some(text)) => match Progress::decode(&text) {
                Ok(progress) => OtherTab::Answered(progress.answers),
                Err(error) => {
                    warn_of("left out another tab's answers", &error);
                    return;
                }
            },
            _ => return,
        };
        on_change(change);
    }))
}
