//! The choice of an earlier attempt to overlay on the results, and a word on the attempts made
//! with an earlier version of the questions, which cannot be overlaid.
//!
//! A plain function of the results screen rather than a component: it holds no state of its
//! own, and as a function it adds no component machinery to the wasm.

use yew::prelude::*;

use crate::history::{Attempt, EarlierAttempt};
use crate::i18n::{LaterUi, Ui, fill};

/// A labelled `<select>` of the `attempts` that can be compared, each with its index in the
/// history, `selected` (by index) chosen; `on_compare` gets the attempt (or none) chosen. Under
/// it, one line per attempt of `earlier_versions`, so that the person sees their past attempts
/// are kept even when none can be compared. Nothing when there is neither.
pub(crate) fn compare_choice<'a>(
    ui: &Ui,
    later: &LaterUi,
    attempts: impl Iterator<Item = (usize, &'a Attempt)>,
    earlier_versions: impl Iterator<Item = &'a EarlierAttempt>,
    selected: Option<usize>,
    on_compare: &Callback<Option<usize>>,
) -> Html {
    let mut attempts = attempts.peekable();
    let notes: Vec<String> = earlier_versions
        .map(|earlier| fill(later.compare_earlier_version, &[("date", &earlier.date)]))
        .collect();
    if attempts.peek().is_none() && notes.is_empty() {
        return Html::default();
    }
    let choice = if attempts.peek().is_some() {
        let onchange = on_compare.reform(|event: Event| {
            event
                .target_dyn_into::<web_sys::HtmlSelectElement>()
                .and_then(|select| select.value().parse().ok())
        });
        html! {
            <>
                <label class="compare__label" for="compare">{ later.compare_label }</label>
                <select id="compare" class="compare__select" {onchange}>
                    <option value="" selected={selected.is_none()}>{ later.compare_none }</option>
                    for (index, attempt) in attempts {
                        <option key={index} value={index.to_string()} selected={selected == Some(index)}>
                            { fill(later.compare_option, &[
                                ("date", &attempt.date),
                                ("version", attempt.version.label(ui)),
                            ]) }
                        </option>
                    }
                </select>
            </>
        }
    } else {
        Html::default()
    };
    html! {
        <div class="compare">
            { choice }
            if !notes.is_empty() {
                <ul class="compare__earlier">
                    for note in notes {
                        <li class="compare__earlier-item">{ note }</li>
                    }
                </ul>
            }
        </div>
    }
}
