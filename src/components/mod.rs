//! The interface: one component per file, each with its `XxxProps` and `on_*` callbacks.
//!
//! Components only present: they read the state they are given and dispatch actions; rules live
//! in the pure core and in [`crate::state`].

pub mod action_button;
pub mod advice_list;
pub mod app;
pub mod data_controls;
pub mod export_bar;
pub mod intro;
pub mod language_switch;
pub mod notice_bar;
pub mod progress_bar;
pub mod question;
pub mod radar_chart;
pub mod results;
pub mod review;
pub mod score_table;
pub mod share_panel;
