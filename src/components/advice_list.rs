//! Advice per quality, the qualities below a role's target first, then the growth areas, each
//! expandable: what the quality is, what the score means and what to do this week.

use yew::prelude::*;

use crate::advice;
use crate::i18n::{Locale, fill};
use crate::scoring::Profile;
use crate::target::Target;

/// Properties of [`AdviceList`].
#[derive(Properties, PartialEq)]
pub(crate) struct AdviceListProps {
    /// The language to show.
    pub(crate) locale: Locale,
    /// The profile the advice is for.
    pub(crate) profile: Profile,
    /// The role's target the result was made against, if any.
    #[prop_or_default]
    pub(crate) target: Option<Target>,
}

/// One `<details>` per quality with data; the first starts open when it is below the target or
/// a growth area.
#[component]
pub(crate) fn AdviceList(props: &AdviceListProps) -> Html {
    let locale = props.locale;
    let later = crate::i18n::later_ui(locale);
    let texts = locale.texts();
    let profile = &props.profile;
    let target = props.target.as_ref();
    let below = advice::below_target(profile, target);
    // What needs work most: below the target, then the growth areas.
    let first: Vec<_> = advice::order(profile, target)
        .into_iter()
        .filter(|q| below.contains(q) || profile.growth_areas.contains(q))
        .collect();
    html! {
        <section class="advice" aria-labelledby="advice-title">
            <h2 id="advice-title" class="advice__title">{ later.advice_title }</h2>
            for (i, quality) in advice::order(profile, target).into_iter().enumerate() {
                if let (Some(score), Some(band)) = (profile.score(quality), profile.band(quality)) {
                    <details
                        key={quality.id()}
                        class={classes!(
                            "advice__item",
                            profile.growth_areas.contains(&quality).then_some("advice__item--growth"),
                            below.contains(&quality).then_some("advice__item--below"),
                        )}
                        open={i == 0 && first.contains(&quality)}
                    >
                        <summary class="advice__summary">
                            <span class="advice__name">{ texts.quality(quality).name }</span>
                            <span class="advice__score">{ format!("{score} · {}", band.label(later)) }</span>
                            if let Some(level) = target.filter(|_| below.contains(&quality)).and_then(|t| t.level(quality)) {
                                <span class="advice__below">
                                    { fill(later.advice_below_target, &[("level", &level.to_string())]) }
                                </span>
                            }
                        </summary>
                        <p class="advice__meaning">{ advice::meaning(locale, quality) }</p>
                        <p class="advice__reading">{ advice::for_quality(locale, quality, band).reading }</p>
                        <h3 class="advice__subtitle">{ later.advice_this_week }</h3>
                        <ul class="advice__actions">
                            for action in advice::for_quality(locale, quality, band).actions {
                                <li key={*action}>{ *action }</li>
                            }
                        </ul>
                    </details>
                }
            }
            // The printed report shows the advice on what needs work most open; <details> would
            // print closed, so print has its own copy (display: none on screen).
            <div class="advice__print">
                for quality in first.iter().copied() {
                    if let Some(band) = profile.band(quality) {
                        <div key={quality.id()} class="advice__print-item">
                            <h3 class="advice__subtitle">{ texts.quality(quality).name }</h3>
                            <p class="advice__reading">{ advice::for_quality(locale, quality, band).reading }</p>
                            <ul class="advice__actions">
                                for action in advice::for_quality(locale, quality, band).actions {
                                    <li key={*action}>{ *action }</li>
                                }
                            </ul>
                        </div>
                    }
                }
            </div>
        </section>
    }
}
