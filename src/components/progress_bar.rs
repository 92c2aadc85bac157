//! "Pregunta 4 de 13" and a bar, exposed as a `progressbar` to assistive technology.

use yew::prelude::*;

use crate::hooks::use_locale;
use crate::i18n::fill;

/// Properties of [`ProgressBar`].
#[derive(Properties, PartialEq)]
pub(crate) struct ProgressBarProps {
    /// The current question, counting from 0.
    pub(crate) position: usize,
    /// How many questions there are.
    pub(crate) total: usize,
}

/// The progress through the questionnaire. The bar is SVG with a `width` attribute, because the
/// Content-Security-Policy forbids `style` attributes.
#[component]
pub(crate) fn ProgressBar(props: &ProgressBarProps) -> Html {
    let ui = use_locale().ui();
    let number = props.position + 1;
    let text = fill(
        ui.question_progress,
        &[
            ("n", &number.to_string()),
            ("total", &props.total.to_string()),
        ],
    );
    let percent = (number * 100).checked_div(props.total).unwrap_or(0);
    html! {
        <div class="progress">
            <p class="progress__text">{ text.clone() }</p>
            <div
                class="progress__bar"
                role="progressbar"
                aria-label={ui.progress_label}
                aria-valuemin="1"
                aria-valuemax={props.total.to_string()}
                aria-valuenow={number.to_string()}
                aria-valuetext={text}
            >
                <svg class="progress__svg" viewBox="0 0 100 4" preserveAspectRatio="none"
                    aria-hidden="true" focusable="false">
                    <rect class="progress__track" width="100" height="4" rx="2" />
                    <rect class="progress__fill" width={percent.to_string()} height="4" rx="2" />
                </svg>
            </div>
        </div>
    }
}
