//! The profile: overall index, strengths and growth areas, notes on how the questionnaire was
//! answered, and a table of every quality's score and band. The radar, advice, export and share
//! link come in the results issue.

use yew::prelude::*;

use super::data_controls::DataControls;
use crate::advice;
use crate::answers::Answers;
use crate::i18n::{Locale, fill};
use crate::model::Quality;
use crate::scoring::{self, Band};
use crate::state::{Action, StorageStatus};

/// Properties of [`Results`].
#[derive(Properties, PartialEq)]
pub struct ResultsProps {
    /// The language to show.
    pub locale: Locale,
    /// The answers to score.
    pub answers: Answers,
    /// The "remember on this device" opt-in.
    pub remember: bool,
    /// Whether storage works.
    pub storage: StorageStatus,
    /// `Back`, `StartOver` and the data controls.
    pub on_action: Callback<Action>,
}

/// The results screen.
#[component]
pub fn Results(props: &ResultsProps) -> Html {
    let locale = props.locale;
    let ui = locale.ui();
    let texts = locale.texts();
    let profile = scoring::profile(&props.answers, None);
    let name = |quality: Quality| texts.quality(quality).name;
    let scored = profile.scores.iter().flatten().count();
    html! {
        <section class="results" aria-labelledby="results-title">
            <h1 id="results-title" class="results__title" tabindex="-1">{ ui.results_title }</h1>
            if let Some(overall) = profile.overall {
                <p class="results__overall">
                    { fill(ui.results_overall, &[("score", &overall.to_string())]) }
                    { " · " }{ Band::of(overall).label(ui) }
                </p>
            }
            if let Some(summary) = advice::summary(locale, &profile) {
                <p class="results__summary">{ summary }</p>
            }
            if scored < Quality::COUNT {
                <p class="results__note">
                    { fill(ui.results_partial, &[
                        ("scored", &scored.to_string()),
                        ("total", &Quality::COUNT.to_string()),
                    ]) }
                </p>
            }
            <p class="results__disclaimer">{ ui.result_disclaimer }</p>
            for flag in &profile.flags {
                <p class="results__note">{ advice::note(locale, flag) }</p>
            }
            if !profile.strengths.is_empty() {
                <h2 class="results__subtitle">{ ui.results_strengths }</h2>
                <ul class="results__list">
                    for quality in profile.strengths.iter().copied() {
                        <li key={quality.id()}>{ name(quality) }</li>
                    }
                </ul>
            }
            if !profile.growth_areas.is_empty() {
                <h2 class="results__subtitle">{ ui.results_growth }</h2>
                <ul class="results__list">
                    for quality in profile.growth_areas.iter().copied() {
                        <li key={quality.id()}>{ name(quality) }</li>
                    }
                </ul>
            }
            // On the narrowest screens the table may scroll sideways inside its own region (allowed
            // for data tables); the region is focusable so that keyboards can scroll it.
            <div class="results__table-wrap" role="region" aria-labelledby="results-caption" tabindex="0">
            <table class="results__table">
                <caption id="results-caption" class="results__caption">{ ui.results_table_caption }</caption>
                <thead>
                    <tr>
                        <th scope="col">{ ui.results_column_quality }</th>
                        <th scope="col" class="results__number">{ ui.results_column_score }</th>
                        <th scope="col">{ ui.results_column_band }</th>
                    </tr>
                </thead>
                <tbody>
                    for quality in Quality::ALL {
                        <tr key={quality.id()} data-quality={quality.id()}>
                            <th scope="row">{ name(quality) }</th>
                            <td class="results__number">
                                { profile.score(quality).map_or_else(|| ui.no_data.to_owned(), |s| s.to_string()) }
                            </td>
                            <td>{ profile.band(quality).map_or("", |band| band.label(ui)) }</td>
                        </tr>
                    }
                </tbody>
            </table>
            </div>
            <div class="results__nav">
                <button
                    type="button"
                    class="button"
                    onclick={props.on_action.reform(|_: MouseEvent| Action::Back)}
                >
                    { ui.results_back }
                </button>
                <button
                    type="button"
                    class="button button--quiet"
                    onclick={props.on_action.reform(|_: MouseEvent| Action::StartOver)}
                >
                    { ui.start_over }
                </button>
            </div>
            <DataControls
                {locale}
                remember={props.remember}
                storage={props.storage}
                has_data=true
                on_action={props.on_action.clone()}
            />
        </section>
    }
}
