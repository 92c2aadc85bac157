//! The first screen: what the test is, the role sought when a target link was opened (with what
//! the recruiter does and does not see), the privacy promise, the version choice and the start
//! button, with the person's data controls, and a link to the recruiters' link builder.
//!
//! A plain function of the app rather than a component, like `data_controls`: it holds no
//! state, and adds no component machinery to the wasm.

use yew::prelude::*;

use super::action_button::action_button;
use super::data_controls::data_controls;
use super::results::target_heading;
use super::version_choice::{version_choice, version_detail};
use crate::i18n::Locale;
use crate::model::Version;
use crate::state::StorageStatus;
use crate::target::Target;

/// What [`intro`] shows, and where it reports what the person does.
pub(crate) struct IntroProps {
    /// The version chosen.
    pub(crate) version: Version,
    /// The host chose the version (`mode`): it is stated, not offered.
    pub(crate) version_fixed: bool,
    /// The host's heading for the intro (`title`), shown as text.
    pub(crate) title: Option<AttrValue>,
    /// Some answers exist, so the button continues rather than starts.
    pub(crate) has_answers: bool,
    /// The "remember on this device" opt-in.
    pub(crate) remember: bool,
    /// Whether storage works.
    pub(crate) storage: StorageStatus,
    /// The role's target from a target link, if one was opened.
    pub(crate) target: Option<Target>,
    /// A version was chosen.
    pub(crate) on_version: Callback<Version>,
    /// "Empezar" or "Continuar".
    pub(crate) on_start: Callback<()>,
    /// The "remember on this device" box was ticked or unticked.
    pub(crate) on_remember: Callback<bool>,
    /// "Borrar mis datos".
    pub(crate) on_erase: Callback<()>,
}

/// The intro screen, in `locale`.
pub(crate) fn intro(locale: Locale, props: &IntroProps) -> Html {
    let ui = locale.ui();
    let start_label = if props.has_answers {
        ui.intro_continue
    } else {
        ui.intro_start
    };
    html! {
        <section class="intro" aria-labelledby="intro-title">
            <p class="kicker">{ ui.intro_kicker }</p>
            <h1 id="intro-title" class="intro__title" tabindex="-1">
                { props.title.clone().unwrap_or(AttrValue::Static(ui.intro_title)) }
            </h1>
            if let Some(target) = &props.target {
                <div class="intro__target">
                    <p class="intro__target-title">{ target_heading(locale, target) }</p>
                    <p class="intro__target-text">{ ui.target_intro_privacy }</p>
                </div>
            }
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
            if props.version_fixed {
                <p class="version-choice__fixed">
                    <span class="version-choice__name">{ props.version.label(ui) }</span>
                    { ": " }{ version_detail(locale, props.version) }
                </p>
            } else {
                { version_choice(locale, ui.version_legend, "version", props.version, &props.on_version) }
            }
            <p class="intro__disclaimer">{ ui.intro_unlived }</p>
            <p class="intro__disclaimer">{ ui.intro_disclaimer }</p>
            { action_button(start_label, &props.on_start, "button--primary intro__start") }
            { data_controls(
                ui,
                props.remember,
                props.storage,
                props.has_answers || props.remember,
                &props.on_remember,
                &props.on_erase,
            ) }
            <p class="intro__footer">
                <a class="intro__recruiter" href="#/recruiter">{ ui.intro_recruiter_link }</a>
            </p>
        </section>
    }
}
