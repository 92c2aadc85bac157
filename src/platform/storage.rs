//! Answers in progress, kept in the browser: session storage always (gone when the tab closes),
//! local storage only when the person opts in ("Recordar en este dispositivo"), together with
//! the earlier attempts that the results can compare with.
//!
//! Written on web-sys rather than gloo-storage because gloo-storage's `raw()` throws when the
//! browser blocks storage (private modes, third-party iframes), and a throw is a crash. Here every
//! refusal is a [`StorageError`] and the app carries on without storage.

use std::fmt;

use web_sys::Storage;

use crate::history::{self, Attempt};
use crate::model::Version;
use crate::progress::{Progress, ProgressError};
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

/// Whether session storage works: a test write, because some browsers hand out a storage object
/// that refuses every write.
pub(crate) fn status() -> StorageStatus {
    let probe = format!("{KEY}/probe");
    let works =
        session().is_ok_and(|s| s.set_item(&probe, "1").is_ok() && s.remove_item(&probe).is_ok());
    if works {
        StorageStatus::Available
    } else {
        StorageStatus::Unavailable
    }
}

/// The saved progress: this tab's first, else what this device remembers. `Err` when a record
/// exists but cannot be used (damaged, or from another content version).
pub(crate) fn load() -> Result<Option<Progress>, ProgressError> {
    let read = |storage: Result<Storage, StorageError>| {
        storage.ok().and_then(|s| s.get_item(KEY).ok().flatten())
    };
    match read(session()).or_else(|| read(local())) {
        None => Ok(None),
        Some(text) => Progress::decode(&text).map(Some),
    }
}

/// Keeps `progress`: in session storage from the moment there is something to keep (an answer,
/// or the full version chosen), and in local storage only while the person opts in (so
/// unticking the box removes the device copy at once). Each storage is tried whatever the
/// other did; the first failure is returned.
pub(crate) fn save(progress: &Progress) -> Result<(), StorageError> {
    let text = progress.encode();
    let chosen = !progress.answers.is_empty() || progress.version != Version::default();
    let session = write(session(), KEY, chosen.then_some(text.as_str()));
    let local = write(local(), KEY, progress.remember.then_some(text.as_str()));
    session.and(local)
}

/// Writes `value` under `key`, or removes the key for `None`.
fn write(
    storage: Result<Storage, StorageError>,
    key: &str,
    value: Option<&str>,
) -> Result<(), StorageError> {
    let storage = storage?;
    match value {
        Some(value) => storage.set_item(key, value),
        None => storage.remove_item(key),
    }
    .map_err(|_| StorageError::WriteFailed)
}

/// Earlier attempts kept on this device; unreadable lines are skipped.
pub(crate) fn load_history() -> Vec<Attempt> {
    local()
        .ok()
        .and_then(|s| s.get_item(HISTORY_KEY).ok().flatten())
        .map(|text| history::decode(&text))
        .unwrap_or_default()
}

/// Keeps `attempts` in local storage while the person opts in; removes them otherwise.
pub(crate) fn save_history(attempts: &[Attempt], remember: bool) -> Result<(), StorageError> {
    let kept = (remember && !attempts.is_empty()).then(|| history::encode(attempts));
    write(local(), HISTORY_KEY, kept.as_deref())
}
