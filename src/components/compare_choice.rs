//! The choice of an earlier attempt to overlay on the results.

use yew::prelude::*;

use crate::history::Attempt;
use crate::hooks::use_locale;
use crate::i18n::fill;

/// Properties of [`CompareChoice`].
#[derive(Properties, PartialEq)]
pub(crate) struct CompareChoiceProps {
    /// The attempts that can be compared, each with its index in the history.
    pub(crate) attempts: Vec<(usize, Attempt)>,
    /// The attempt overlaid, by index into the history.
    pub(crate) selected: Option<usize>,
    /// An attempt (or none) was chosen.
    pub(crate) on_compare: Callback<Option<usize>>,
}

/// A labelled `<select>`; nothing when there is no attempt to compare with.
#[component]
pub(crate) fn CompareChoice(props: &CompareChoiceProps) -> Html {
    let ui = use_locale().ui();
    if props.attempts.is_empty() {
        return Html::default();
    }
    let onchange = props.on_compare.reform(|event: Event| {
        event
            .target_dyn_into::<web_sys::HtmlSelectElement>()
            .and_then(|select| select.value().parse().ok())
    });
    html! {
        <div class="compare">
            <label class="compare__label" for="compare">{ ui.compare_label }</label>
            <select id="compare" class="compare__select" {onchange}>
                <option value="" selected={props.selected.is_none()}>{ ui.compare_none }</option>
                for (index, attempt) in &props.attempts {
                    <option key={*index} value={index.to_string()} selected={props.selected == Some(*index)}>
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
