//! Custom hooks: each keeps one thing outside the state in step with it (storage, the address
//! bar, focus, the page's language, its look and height as a widget, the intro painted before
//! the app ran, the frames drawn, the words of a language chosen, the second part of the wasm),
//! or turns the keyboard into actions.
//!
//! Effects live here rather than in the components, so that the root component only chooses
//! the screen, and each effect can be read, and named, on its own.

mod address;
mod focus;
mod history;
mod keys;
mod locale;
mod look;
mod paint;
mod prerender;
mod rest;
mod storage;

pub(crate) use address::use_address_sync;
pub(crate) use focus::{use_focus_kept, use_screen_focus};
pub(crate) use history::use_attempt_recording;
pub(crate) use keys::{use_question_clock, use_question_keys};
pub(crate) use locale::{use_page_language, use_texts_loading};
pub(crate) use look::use_widget_look;
pub(crate) use paint::use_frames_drawn;
pub(crate) use prerender::use_prerender_takeover;
pub(crate) use rest::use_rest_fetched;
pub(crate) use storage::use_storage_sync;
