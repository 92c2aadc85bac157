//! The first screen: what the test is, the privacy promise, and the start button.

use yew::prelude::*;

use crate::i18n::Locale;

/// Properties of [`Intro`].
#[derive(Properties, PartialEq)]
pub struct IntroProps {
    /// The language to show.
    pub locale: Locale,
    /// The user wants to begin.
    pub on_start: Callback<()>,
}

/// The intro screen.
#[component]
pub fn Intro(props: &IntroProps) -> Html {
    let ui = props.locale.ui();
    let onclick = props.on_start.reform(|_: MouseEvent| ());
    html! {
        <section class="intro" aria-labelledby="intro-title">
            <p class="intro__kicker">{ ui.intro_kicker }</p>
            <h1 id="intro-title" class="intro__title" tabindex="-1">{ ui.intro_title }</h1>
            <p class="intro__lead">{ ui.intro_lead }</p>
            <p class="intro__sources">{ ui.intro_sources }</p>
            <div class="intro__privacy">
                <svg class="intro__privacy-icon" viewBox="0 0 24 24" width="24" height="24"
                    aria-hidden="true" focusable="false">
                    <path d="M7 10V7a5 5 0 0 1 10 0v3" fill="none" stroke="currentColor"
                        stroke-width="2" stroke-linecap="round" />
                    <rect x="4" y="10" width="16" height="11" rx="2" fill="currentColor" />
                </svg>
                <div>
                    <h2 class="intro__privacy-title">{ ui.intro_privacy_title }</h2>
                    <p class="intro__privacy-text">{ ui.intro_privacy }</p>
                </div>
            </div>
            <p class="intro__disclaimer">{ ui.intro_disclaimer }</p>
            <button type="button" class="button button--primary intro__start" {onclick}>
                { ui.intro_start }
            </button>
        </section>
    }
}
