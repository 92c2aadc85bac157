//! Perfil CM: a self-assessment of the 13 qualities of a community manager and social-media
//! professional, run entirely in the browser.
//!
//! The crate is split so that the architecture is easy to see:
//! - **pure core** (`content`, `model`, `answers`, `scoring`, `advice`, `i18n`,
//!   `options`, `route`, `answer_code`, `progress`, `share`, `history`, `radar`, `chart`, `export`): no yew, web-sys or gloo; tested natively with `cargo test`;
//! - **state** (`state`): one reducer that components dispatch actions to;
//! - **components** (`components`): one per file, presentation only;
//! - **platform** (`platform`): the one place that talks to the browser.

pub mod advice;
pub mod answer_code;
pub mod answers;
pub mod chart;
pub mod components;
pub mod content;
pub mod export;
pub mod history;
pub mod i18n;
pub mod model;
pub mod options;
pub mod platform;
pub mod progress;
pub mod radar;
pub mod route;
pub mod scoring;
pub mod share;
pub mod state;

/// Mounts the app into the page's `#perfil-cm` element.
///
/// The app never takes over `<body>`, so that a host page can place the widget where it wants.
/// When the element is missing the failure is reported on the console instead of panicking.
pub fn start() {
    match platform::page::app_root() {
        Ok(root) => {
            yew::Renderer::<components::app::App>::with_root(root).render();
        }
        Err(error) => platform::report(&error),
    }
}
