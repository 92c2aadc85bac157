//! The choice of an earlier attempt to overlay on the results.
//!
//! A plain function of the results screen rather than a component: it holds no state of its
//! own, and as a function it adds no component machinery to the wasm.

use yew::prelude::*;

use crate::history::Attempt;
use crate::i18n::{Ui, fill};

/// A labelled `<select>` of the `attempts` that can be compared, each with its index in the
/// history, `selected` (by index) chosen; `on_compare` gets the attempt (or none) chosen.
/// Nothing when there is no attempt to compare with.
pub(crate) fn compare_choice<'a>(
    ui: &Ui,
    attempts: impl Iterator<Item = (usize, &'a Attempt)>,
    selected: Option<usize>,
    on_compare: &Callback<Option<usize>>,
) -> Html {
    let mut attempts = attempts.peekable();
    if attempts.peek().is_none() {
        return Html::default();
    }
    let onchange = on_compare.reform(|event: Event| {
        event
            .target_dyn_into::<web_sys::HtmlSelectElement>()
            .and_then(|select| select.value().parse().ok())
    });
    html! {
        <div class="compare">
            <label class="compare__label" for="compare">{ ui.compare_label }</label>
            <select id="compare" class="compare__select" {onchange}>
                <option value="" selected={selected.is_none()}>{ ui.compare_none }</option>
                for (index, attempt) in attempts {
                    <option key={index} value={index.to_string()} selected={selected == Some(index)}>
                        { fill(ui.compare_option, &[
                            ("date", &attempt.date),
                            ("version", attempt.version.label(ui)),
                        ]) }
                    </option>
                }
            </select>
        </div>
    }
}
