//! The interface: one component per file, each with its `XxxProps` and `on_*` callbacks.
//!
//! Components only present: they read the state they are given and dispatch actions; rules live
//! in the pure core and in [`crate::state`].

pub mod app;
pub mod intro;
pub mod language_switch;
pub mod questionnaire;
