//! The profile: summary first (overall index, strengths, growth areas, notes, the
//! self-perception note), then the radar beside its data table, advice per quality, export and
//! the share link. A shared result shows the same, read-only, under a banner.

use yew::prelude::*;

use super::action_button::ActionButton;
use super::advice_list::AdviceList;
use super::data_controls::DataControls;
use super::export_bar::ExportBar;
use super::radar_chart::RadarChart;
use super::score_table::ScoreTable;
use super::share_panel::SharePanel;
use crate::advice;
use crate::answers::Answers;
use crate::chart::{Series, SeriesKind};
use crate::history::{self, Attempt};
use crate::i18n::{Locale, fill};
use crate::model::{CONTENT_VERSION, Quality, Version};
use crate::platform::page;
use crate::scoring::{self, Band, Profile, Timing};
use crate::state::{Action, StorageStatus};

/// Properties of [`Results`].
#[derive(Properties, PartialEq)]
pub struct ResultsProps {
    /// The language to show.
    pub locale: Locale,
    /// The version answered.
    pub version: Version,
    /// The answers to score.
    pub answers: Answers,
    /// The result came from a share link: read-only, no storage controls.
    #[prop_or_default]
    pub shared: bool,
    /// Earlier attempts on this device (with the opt-in).
    #[prop_or_default]
    pub history: Vec<Attempt>,
    /// The attempt overlaid, by index into `history`.
    #[prop_or_default]
    pub compare: Option<usize>,
    /// How quickly the questions were first answered in this visit; `None` for a shared result,
    /// whose sender's pace is unknown.
    #[prop_or_default]
    pub timing: Option<Timing>,
    /// The "remember on this device" opt-in.
    pub remember: bool,
    /// Whether storage works.
    pub storage: StorageStatus,
    /// `Back`, `StartOver`, `LeaveShared` and the data controls.
    pub on_action: Callback<Action>,
}

/// Names of `qualities` in `locale`, joined for a sentence.
fn names(locale: Locale, qualities: &[Quality]) -> String {
    let names: Vec<&str> = qualities
        .iter()
        .map(|q| locale.texts().quality(*q).name)
        .collect();
    names.join(", ")
}

/// The chart's description: strengths and growth areas, for screen readers.
fn description(locale: Locale, profile: &Profile) -> String {
    let ui = locale.ui();
    let none = ui.radar_none;
    let list = |qualities: &[Quality]| {
        if qualities.is_empty() {
            none.to_owned()
        } else {
            names(locale, qualities)
        }
    };
    fill(
        ui.radar_description,
        &[
            ("strengths", &list(&profile.strengths)),
            ("growth", &list(&profile.growth_areas)),
        ],
    )
}

/// The results screen.
#[component]
pub fn Results(props: &ResultsProps) -> Html {
    let locale = props.locale;
    let ui = locale.ui();
    let profile = scoring::profile(&props.answers, props.timing);
    let scored = profile.scores.iter().flatten().count();
    let earlier: Vec<(usize, &Attempt)> =
        history::comparable(&props.history, props.version, &props.answers).collect();
    let compared = props
        .compare
        .and_then(|i| earlier.iter().find(|(index, _)| *index == i))
        .map(|(_, attempt)| *attempt);
    let earlier_scores = compared.map(|a| scoring::profile(&a.answers, None).scores);
    let mut series = vec![Series {
        name: (if props.shared {
            ui.legend_shared
        } else {
            ui.legend_own
        })
        .to_owned(),
        values: profile.scores,
        kind: SeriesKind::Own,
    }];
    if let (Some(attempt), Some(values)) = (compared, earlier_scores) {
        series.push(Series {
            name: fill(ui.legend_earlier, &[("date", &attempt.date)]),
            values,
            kind: SeriesKind::Earlier,
        });
    }
    let on_compare = props.on_action.reform(|event: Event| {
        let value = event
            .target_dyn_into::<web_sys::HtmlSelectElement>()
            .map(|select| select.value())
            .unwrap_or_default();
        Action::Compare(value.parse().ok())
    });
    let title = if props.shared {
        ui.results_title_shared
    } else {
        ui.results_title
    };
    html! {
        <section class="results" aria-labelledby="results-title">
            if props.shared {
                <div class="results__shared">
                    <p class="results__shared-text">{ ui.shared_banner }</p>
                    <ActionButton label={ui.shared_cta} action={Action::LeaveShared} on_action={props.on_action.clone()} class="button--primary button--small" />
                </div>
            }
            <h1 id="results-title" class="results__title" tabindex="-1">{ title }</h1>
            <div class="results__summary">
                if let Some(overall) = profile.overall {
                    <p class="results__overall">
                        { fill(ui.results_overall, &[("score", &overall.to_string())]) }
                        { " · " }{ Band::of(overall).label(ui) }
                    </p>
                }
                if let Some(summary) = advice::summary(locale, &profile) {
                    <p class="results__reading">{ summary }</p>
                }
                if !profile.strengths.is_empty() {
                    <p class="results__list">
                        <strong>{ ui.results_strengths }{ ": " }</strong>
                        { names(locale, &profile.strengths) }
                    </p>
                }
                if !profile.growth_areas.is_empty() {
                    <p class="results__list">
                        <strong>{ ui.results_growth }{ ": " }</strong>
                        { names(locale, &profile.growth_areas) }
                    </p>
                }
                if scored < Quality::COUNT {
                    <p class="results__note">
                        { fill(ui.results_partial, &[
                            ("scored", &scored.to_string()),
                            ("total", &Quality::COUNT.to_string()),
                        ]) }
                    </p>
                }
                for flag in &profile.flags {
                    <p class="results__note">{ advice::note(locale, flag) }</p>
                }
                <p class="results__disclaimer">{ ui.result_disclaimer }</p>
            </div>
            if !props.shared && !earlier.is_empty() {
                <div class="results__compare">
                    <label class="results__compare-label" for="compare">{ ui.compare_label }</label>
                    <select id="compare" class="results__compare-select" onchange={on_compare}>
                        <option value="" selected={props.compare.is_none()}>{ ui.compare_none }</option>
                        for (index, attempt) in earlier {
                            <option key={index} value={index.to_string()} selected={props.compare == Some(index)}>
                                { fill(ui.compare_option, &[
                                    ("date", &attempt.date),
                                    ("version", attempt.version.label(ui)),
                                ]) }
                            </option>
                        }
                    </select>
                </div>
            }
            <div class="results__chart">
                <RadarChart {locale} series={series.clone()} description={description(locale, &profile)} />
                <ScoreTable {locale} profile={profile.clone()} earlier={earlier_scores} />
            </div>
            <AdviceList {locale} profile={profile.clone()} />
            <ExportBar {locale} version={props.version} answers={props.answers.clone()} series={series} />
            if !props.shared {
                <SharePanel {locale} version={props.version} answers={props.answers.clone()} />
            }
            <p class="results__print-footer">
                { fill(ui.print_footer, &[("date", &page::today()), ("version", &CONTENT_VERSION.to_string())]) }
            </p>
            if !props.shared {
                <div class="results__nav">
                    <ActionButton label={ui.results_back} action={Action::Back} on_action={props.on_action.clone()} />
                    <ActionButton label={ui.start_over} action={Action::StartOver} on_action={props.on_action.clone()} class="button--quiet" />
                </div>
                <DataControls
                    {locale}
                    remember={props.remember}
                    storage={props.storage}
                    has_data=true
                    on_action={props.on_action.clone()}
                />
            }
        </section>
    }
}
