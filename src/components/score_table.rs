//! The data table beside the radar: every quality with its score and band, in article order or
//! by score, the change since an earlier attempt when one is compared, and the level a role
//! asks for with the verdict when the result was made against a target.

use yew::prelude::*;

use crate::i18n::{LaterUi, Locale};
use crate::model::Quality;
use crate::scoring::{self, Profile};
use crate::target::{Target, Verdict};

/// Properties of [`ScoreTable`].
#[derive(Properties, PartialEq)]
pub(crate) struct ScoreTableProps {
    /// The language to show.
    pub(crate) locale: Locale,
    /// The profile shown.
    pub(crate) profile: Profile,
    /// Scores of an earlier attempt, to show the change per quality.
    #[prop_or_default]
    pub(crate) earlier: Option<[Option<u8>; Quality::COUNT]>,
    /// The role's target, to show its level and the verdict per quality.
    #[prop_or_default]
    pub(crate) target: Option<Target>,
}

/// The verdict's name in `later`'s language, and its id for the page (`data-verdict`, classes).
fn verdict_text(later: &LaterUi, verdict: Verdict) -> (&'static str, &'static str) {
    let name = match verdict {
        Verdict::Meets => later.verdict_meets,
        Verdict::Close => later.verdict_close,
        Verdict::Below => later.verdict_below,
    };
    (name, verdict.id())
}

/// "+12", "−5", "0" or "" when either side has no data.
fn change(now: Option<u8>, before: Option<u8>) -> String {
    match (now, before) {
        (Some(now), Some(before)) => match i16::from(now) - i16::from(before) {
            0 => "0".to_owned(),
            d if d > 0 => format!("+{d}"),
            d => format!("−{}", d.unsigned_abs()),
        },
        _ => String::new(),
    }
}

/// The verdict's cell: its name, marked for the stylesheet and the page's tests; empty when
/// there is none (not required, or no score).
fn verdict_cell(later: &LaterUi, verdict: Option<Verdict>) -> Html {
    match verdict.map(|verdict| verdict_text(later, verdict)) {
        Some((text, id)) => html! {
            <td class={classes!("scores__verdict", format!("scores__verdict--{id}"))} data-verdict={id}>
                { text }
            </td>
        },
        None => html! { <td class="scores__verdict"></td> },
    }
}

/// The score table, with its sort toggle.
#[component]
pub(crate) fn ScoreTable(props: &ScoreTableProps) -> Html {
    let by_score = use_state(|| false);
    let locale = props.locale;
    let (ui, texts) = (locale.ui(), locale.texts());
    let later = crate::i18n::later_ui(locale);
    let profile = &props.profile;
    let order = if *by_score {
        scoring::ranked(&profile.scores)
    } else {
        Quality::ALL.to_vec()
    };
    let toggle = {
        let by_score = by_score.clone();
        Callback::from(move |_: MouseEvent| by_score.set(!*by_score))
    };
    html! {
        <div class="scores">
            <button
                type="button"
                class="button button--small button--quiet scores__sort"
                aria-pressed={by_score.to_string()}
                onclick={toggle}
            >
                { later.table_sort_score }
            </button>
            // On the narrowest screens the table may scroll sideways inside its own region
            // (allowed for data tables); the region is focusable so that keyboards can scroll it.
            <div class="scores__wrap" role="region" aria-labelledby="scores-caption" tabindex="0">
                <table class="scores__table">
                    <caption id="scores-caption" class="scores__caption">{ later.results_table_caption }</caption>
                    <thead>
                        <tr>
                            <th scope="col">{ later.results_column_quality }</th>
                            <th scope="col" class="scores__number">{ later.results_column_score }</th>
                            <th scope="col">{ later.results_column_band }</th>
                            if props.earlier.is_some() {
                                <th scope="col" class="scores__number">{ later.results_column_change }</th>
                            }
                            if props.target.is_some() {
                                <th scope="col" class="scores__number">{ later.results_column_target }</th>
                                <th scope="col">{ later.results_column_verdict }</th>
                            }
                        </tr>
                    </thead>
                    <tbody>
                        for quality in order {
                            <tr key={quality.id()} data-quality={quality.id()}>
                                <th scope="row">{ texts.quality(quality).name }</th>
                                <td class="scores__number">
                                    { profile.score(quality).map_or_else(|| ui.no_data.to_owned(), |s| s.to_string()) }
                                </td>
                                <td>{ profile.band(quality).map_or("", |band| band.label(later)) }</td>
                                if let Some(earlier) = props.earlier {
                                    <td class="scores__number">
                                        { change(profile.score(quality), earlier[quality.index()]) }
                                    </td>
                                }
                                if let Some(target) = &props.target {
                                    <td class="scores__number scores__target">
                                        { target.level(quality).map_or_else(|| ui.target_not_required.to_owned(), |level| level.to_string()) }
                                    </td>
                                    { verdict_cell(later, target.verdict(quality, profile.score(quality))) }
                                }
                            </tr>
                        }
                    </tbody>
                </table>
            </div>
        </div>
    }
}
