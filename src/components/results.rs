//! The profile: summary first (overall index, strengths, growth areas, how many qualities meet
//! a role's target, notes, the self-perception note), then the radar beside its data table,
//! advice per quality, export and the share link. A result made against a target draws it as a
//! second series and adds its level and a verdict per quality to the table. A shared result
//! shows the same, read-only, under a banner.

use yew::prelude::*;

use super::action_button::action_button;
use super::advice_list::AdviceList;
use super::compare_choice::compare_choice;
use super::data_controls::data_controls;
use super::export_bar::ExportBar;
use super::radar_chart::RadarChart;
use super::score_table::ScoreTable;
use super::share_panel::SharePanel;
use crate::advice;
use crate::answers::Answers;
use crate::chart::{Series, SeriesKind};
use crate::history::{self, Attempt, Entry};
use crate::hooks::use_frames_drawn;
use crate::i18n::{Locale, fill};
use crate::model::{CONTENT_VERSION, Quality, Version};
use crate::platform::page;
use crate::scoring::{self, Band, Profile, Timing};
use crate::share::SharedResult;
use crate::state::StorageStatus;
use crate::target::Target;

/// The visitor's own result, with what only the visitor has.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct OwnResult {
    /// The version answered.
    pub(crate) version: Version,
    /// The answers to score.
    pub(crate) answers: Answers,
    /// Earlier attempts on this device (with the opt-in), those made with an earlier version
    /// of the questions included.
    pub(crate) history: Vec<Entry>,
    /// The attempt overlaid, by index into `history`.
    pub(crate) compare: Option<usize>,
    /// How quickly the questions were first answered in this visit.
    pub(crate) timing: Timing,
    /// The "remember on this device" opt-in.
    pub(crate) remember: bool,
    /// Whether storage works.
    pub(crate) storage: StorageStatus,
    /// The language the address asked for (`?lang=`), which a share link keeps.
    pub(crate) lang: Option<Locale>,
    /// The role's target of this run, from a target link.
    pub(crate) target: Option<Target>,
}

/// Where the result shown comes from.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum ResultSource {
    /// The visitor's own attempt: with history, timing, storage controls and a share link.
    Own(OwnResult),
    /// A result opened from a share link: read-only, never stored; the sender's pace is unknown.
    Shared(SharedResult),
}

impl ResultSource {
    fn version(&self) -> Version {
        match self {
            ResultSource::Own(own) => own.version,
            ResultSource::Shared(shared) => shared.version,
        }
    }

    fn answers(&self) -> &Answers {
        match self {
            ResultSource::Own(own) => &own.answers,
            ResultSource::Shared(shared) => &shared.answers,
        }
    }

    fn target(&self) -> Option<&Target> {
        match self {
            ResultSource::Own(own) => own.target.as_ref(),
            ResultSource::Shared(shared) => shared.target.as_ref(),
        }
    }
}

/// Properties of [`Results`].
#[derive(Properties, PartialEq)]
pub(crate) struct ResultsProps {
    /// The language to show.
    pub(crate) locale: Locale,
    /// The result to show.
    pub(crate) source: ResultSource,
    /// Back to the review (own result).
    #[prop_or_default]
    pub(crate) on_back: Callback<()>,
    /// Drop the answers and start again (own result).
    #[prop_or_default]
    pub(crate) on_start_over: Callback<()>,
    /// Overlay an earlier attempt, or none (own result).
    #[prop_or_default]
    pub(crate) on_compare: Callback<Option<usize>>,
    /// The "remember on this device" box was ticked or unticked (own result).
    #[prop_or_default]
    pub(crate) on_remember: Callback<bool>,
    /// "Borrar mis datos" (own result).
    #[prop_or_default]
    pub(crate) on_erase: Callback<()>,
    /// "Responde el cuestionario": leave a shared result for one's own questionnaire.
    #[prop_or_default]
    pub(crate) on_leave_shared: Callback<()>,
}

/// Names of `qualities` in `locale`, joined for a sentence.
fn names(locale: Locale, qualities: &[Quality]) -> String {
    let names: Vec<&str> = qualities
        .iter()
        .map(|q| locale.texts().quality(*q).name)
        .collect();
    names.join(", ")
}

/// "Perfil buscado: {title}", or the words for a role without a title.
pub(crate) fn target_heading(locale: Locale, target: &Target) -> String {
    let ui = locale.ui();
    if target.title().is_empty() {
        ui.target_untitled.to_owned()
    } else {
        fill(ui.target_title, &[("title", target.title())])
    }
}

/// "{met} de {required} cualidades alcanzan el perfil buscado", when the target requires any.
fn target_summary(locale: Locale, profile: &Profile, target: &Target) -> Option<String> {
    let (met, required) = target.met(&profile.scores);
    (required > 0).then(|| {
        fill(
            locale.ui().target_met,
            &[
                ("met", &met.to_string()),
                ("required", &required.to_string()),
            ],
        )
    })
}

/// The chart's description: strengths and growth areas, for screen readers.
fn description(locale: Locale, profile: &Profile) -> String {
    let later = crate::i18n::later_ui(locale);
    let list = |qualities: &[Quality]| {
        if qualities.is_empty() {
            later.radar_none.to_owned()
        } else {
            names(locale, qualities)
        }
    };
    fill(
        later.radar_description,
        &[
            ("strengths", &list(&profile.strengths)),
            ("growth", &list(&profile.growth_areas)),
        ],
    )
}

/// The earlier attempt overlaid on an own result, if one is chosen and comparable.
fn compared(own: &OwnResult) -> Option<&Attempt> {
    let index = own.compare?;
    history::comparable(&own.history, own.version, &own.answers)
        .find(|(i, _)| *i == index)
        .map(|(_, attempt)| attempt)
}

/// The frame from which the results show the radar and its table. The screen is built a part
/// per frame, top first, each part below the last, so nothing drawn moves: the summary at once
/// (about 3 ms of Yew's work), then the chart (about 10 ms), then the advice, export, share
/// link and controls (about 9 ms). In one go it took 21 ms, over a frame, before anything showed.
const CHART_FRAME: u8 = 1;
/// The frame from which the results show everything below the chart; until then the screen
/// says `aria-busy`.
const REST_FRAME: u8 = 2;

/// The results screen.
#[component]
pub(crate) fn Results(props: &ResultsProps) -> Html {
    let locale = props.locale;
    let drawn = use_frames_drawn(REST_FRAME);
    let ui = locale.ui();
    let later = crate::i18n::later_ui(locale);
    let source = &props.source;
    let (version, answers) = (source.version(), source.answers());
    let own = match source {
        ResultSource::Own(own) => Some(own),
        ResultSource::Shared(_) => None,
    };
    let profile = scoring::profile(answers, own.map(|own| own.timing));
    let scored = profile.scores.iter().flatten().count();
    let earlier = own.and_then(compared);
    let earlier_scores = earlier.map(|a| scoring::profile(&a.answers, None).scores);
    let (title, legend) = match source {
        ResultSource::Own(_) => (later.results_title, later.legend_own),
        ResultSource::Shared(_) => (later.results_title_shared, later.legend_shared),
    };
    let target = source.target();
    let mut series = vec![Series {
        name: legend.to_owned(),
        values: profile.scores,
        kind: SeriesKind::Own,
    }];
    if let (Some(attempt), Some(values)) = (earlier, earlier_scores) {
        series.push(Series {
            name: fill(later.legend_earlier, &[("date", &attempt.date)]),
            values,
            kind: SeriesKind::Earlier,
        });
    }
    // Last, so that its outline is drawn over the result's fill.
    if let Some(target) = target {
        series.push(Series {
            name: later.legend_target.to_owned(),
            values: target.levels(),
            kind: SeriesKind::Target,
        });
    }
    let target_summary = target.and_then(|t| target_summary(locale, &profile, t));
    let mut chart_description = description(locale, &profile);
    if let Some(summary) = &target_summary {
        chart_description.push(' ');
        chart_description.push_str(summary);
        chart_description.push('.');
    }
    html! {
        <section class="results" aria-labelledby="results-title"
            aria-busy={(drawn < REST_FRAME).then_some("true")}>
            if own.is_none() {
                <div class="results__shared">
                    <p class="results__shared-text">{ later.shared_banner }</p>
                    { action_button(later.shared_cta, &props.on_leave_shared, "button--primary button--small") }
                </div>
            }
            <h1 id="results-title" class="results__title" tabindex="-1">{ title }</h1>
            <div class="results__summary">
                if let Some(overall) = profile.overall {
                    <p class="results__overall">
                        { fill(later.results_overall, &[("score", &overall.to_string())]) }
                        { " · " }{ Band::of(overall).label(later) }
                    </p>
                }
                if let Some(summary) = advice::summary(locale, &profile) {
                    <p class="results__reading">{ summary }</p>
                }
                if let Some(target) = target {
                    <div class="results__target">
                        <p class="results__target-title">{ target_heading(locale, target) }</p>
                        if let Some(summary) = &target_summary {
                            <p class="results__target-met">{ summary.clone() }</p>
                        }
                    </div>
                }
                if !profile.strengths.is_empty() {
                    <p class="results__list">
                        <strong>{ later.results_strengths }{ ": " }</strong>
                        { names(locale, &profile.strengths) }
                    </p>
                }
                if !profile.growth_areas.is_empty() {
                    <p class="results__list">
                        <strong>{ later.results_growth }{ ": " }</strong>
                        { names(locale, &profile.growth_areas) }
                    </p>
                }
                if scored < Quality::COUNT {
                    <p class="results__note">
                        { fill(later.results_partial, &[
                            ("scored", &scored.to_string()),
                            ("total", &Quality::COUNT.to_string()),
                        ]) }
                    </p>
                }
                for flag in &profile.flags {
                    <p class="results__note">{ advice::note(locale, flag) }</p>
                }
                <p class="results__disclaimer">{ later.result_disclaimer }</p>
            </div>
            if let Some(own) = own {
                { compare_choice(
                    ui,
                    later,
                    history::comparable(&own.history, own.version, &own.answers),
                    history::earlier_versions(&own.history),
                    own.compare,
                    &props.on_compare,
                ) }
            }
            if drawn >= CHART_FRAME {
                <div class="results__chart">
                    <RadarChart {locale} series={series.clone()} description={chart_description} />
                    <ScoreTable {locale} profile={profile.clone()} earlier={earlier_scores} target={target.cloned()} />
                </div>
            }
            if drawn >= REST_FRAME {
                <AdviceList {locale} profile={profile.clone()} target={target.cloned()} />
                <ExportBar {locale} {version} answers={answers.clone()} {series} target={props.source.target().cloned()} />
                if let Some(own) = own {
                    <SharePanel {locale} {version} answers={answers.clone()} lang={own.lang} target={own.target.clone()} />
                }
                <p class="results__print-footer">
                    { fill(later.print_footer, &[("date", &page::today()), ("version", &CONTENT_VERSION.to_string())]) }
                </p>
                if let Some(own) = own {
                    <div class="results__nav">
                        { action_button(later.results_back, &props.on_back, "") }
                        { action_button(ui.start_over, &props.on_start_over, "button--quiet") }
                    </div>
                    { data_controls(
                        ui,
                        own.remember,
                        own.storage,
                        true,
                        &props.on_remember,
                        &props.on_erase,
                    ) }
                }
            }
        </section>
    }
}
