//! Perfil CM: a self-assessment of the 13 qualities of a community manager and social-media
//! professional, run entirely in the browser.
//!
//! The crate is split so that the architecture is easy to see:
//! - **pure core** (`content`, `model`, `answers`, `scoring`, `advice`, `i18n`, `options`,
//!   `address`, `answer_code`, `progress`, `share`, `target`, `history`, `chart`, `export`): no
//!   yew, web-sys or gloo; tested natively with `cargo test`;
//! - **state** (`state`): one reducer, the only place the state changes;
//! - **hooks** (`hooks`): effects that keep storage, the address and focus in step with it;
//! - **components** (`components`): one per file, presentation only;
//! - **platform** (`platform`): the one place that talks to the browser.
//!
//! Everything is `pub(crate)`: the crate's only interface is [`start`], so the compiler reports
//! whatever nothing uses. Tests live next to the code they test.

pub(crate) mod address;
pub(crate) mod advice;
pub(crate) mod answer_code;
pub(crate) mod answers;
pub(crate) mod chart;
pub(crate) mod components;
pub(crate) mod content;
pub(crate) mod export;
pub(crate) mod history;
pub(crate) mod hooks;
pub(crate) mod i18n;
pub(crate) mod markup;
pub(crate) mod model;
pub(crate) mod options;
pub(crate) mod platform;
pub(crate) mod progress;
pub(crate) mod scoring;
pub(crate) mod share;
pub(crate) mod state;
pub(crate) mod target;

#[cfg(test)]
mod later_words_tests;
#[cfg(all(test, target_arch = "wasm32"))]
mod web_tests;

/// Mounts the app into the page's `#perfil-cm` element, on the app's own page only (the element
/// carries `data-standalone`); that page may itself be framed by a host. Put straight into a
/// host page, it says why it does not start instead (see [`platform::page::decline_host_page`]).
/// When the element is missing the failure is reported on the console instead of panicking.
pub fn start() {
    yew::set_custom_panic_hook(Box::new(platform::crash::on_panic));
    platform::rest::also_fetch(platform::later::ALSO);
    match platform::page::app_root() {
        Ok(root) if !platform::page::standalone() => platform::page::decline_host_page(&root),
        // The app renders beside the intro painted from the HTML, hidden until it takes over
        // (hooks::use_prerender_takeover), or in place of the waiting message.
        Ok(root) => match platform::prerender::mount_point(&root) {
            Ok(host) => {
                // An address with a fragment may open on the results, and stored answers or
                // attempts are read by code that a first visit never runs: both need the rest
                // of the app (platform::rest). Then it is fetched first, rather than loaded by
                // the main thread in the middle of the first render; assets/boot.js has already
                // asked for it, beside the first part. Someone coming back has it cached: it
                // was fetched after their first answer.
                let needs_rest = platform::rest::split()
                    && (platform::page::address().hash.len() > 1
                        || platform::storage::holds_records());
                // The wasm carries no language's words: those of the language the app starts in
                // (platform::page::starting_locale) come before its first render;
                // assets/boot.js has asked for them too.
                let begin = move || {
                    let wanted = platform::page::starting_locale(&root);
                    wasm_bindgen_futures::spawn_local(async move {
                        match platform::texts::load_first(wanted).await {
                            Ok(()) => {
                                yew::Renderer::<components::app::App>::with_root(host).render();
                            }
                            Err(error) => platform::prerender::give_up(
                                &root,
                                &format!("no language's words could be had: {error}"),
                            ),
                        }
                    });
                };
                if needs_rest {
                    platform::rest::after_arrival(begin);
                } else {
                    begin();
                }
            }
            Err(error) => platform::report(&error),
        },
        Err(error) => platform::report(&error),
    }
}
