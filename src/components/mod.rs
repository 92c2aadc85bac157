//! The interface: one component per file, each with its `XxxProps` and `on_*` callbacks (and
//! `compare_choice`, `copy_field`, `data_controls`, `target_slider` and `version_choice`,
//! stateless parts of screens drawn by plain functions).
//!
//! Components only present: they read the props they are given, the language from the root's
//! context ([`crate::hooks::use_locale`]), and report what the person did through callbacks
//! named for it. Only the root turns those into [`crate::state::Action`]s; rules live in the
//! pure core and in [`crate::state`].

pub(crate) mod action_button;
pub(crate) mod advice_list;
pub(crate) mod app;
pub(crate) mod compare_choice;
pub(crate) mod copy_field;
pub(crate) mod data_controls;
pub(crate) mod export_bar;
pub(crate) mod intro;
pub(crate) mod language_switch;
pub(crate) mod notice_bar;
pub(crate) mod progress_bar;
pub(crate) mod question;
pub(crate) mod radar_chart;
pub(crate) mod recruiter_builder;
pub(crate) mod results;
pub(crate) mod review;
pub(crate) mod score_table;
pub(crate) mod share_panel;
pub(crate) mod target_slider;
pub(crate) mod version_choice;
