//! The interface, one part per file, each reporting what the person did through `on_*`
//! callbacks named for it.
//!
//! A part is a Yew component (with its `XxxProps`) when it keeps state of its own or saves work
//! by skipping renders whose props did not change: the app, the question, the results and the
//! parts of the results, the recruiters' builder. Every other part is a plain function returning
//! [`Html`](yew::Html): the intro, the review, the language switch, the notices, the progress bar,
//! the buttons and the smaller parts of screens. Each component adds its own copy of Yew's
//! component machinery to the wasm, about 0.6 KB brotli (BENCHMARKS.md), and a stateless part
//! gains nothing from it.
//!
//! Parts only present: they read what they are given, the language included (a `locale` prop
//! or argument, handed down from the root's state rather than through a Yew context, whose
//! provider is one more component). Only the root turns callbacks into
//! [`crate::state::Action`]s; rules live in the pure core and in [`crate::state`].

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
