//! "Pregunta 4 de 13" and a bar, exposed as a `progressbar` to assistive technology.
//!
//! A plain function of the question screen rather than a component, like `data_controls`: it
//! holds no state, and adds no component machinery to the wasm.

use yew::prelude::*;

use crate::i18n::{Ui, fill};

/// The progress through the questionnaire: question `position` (counting from 0) of `total`.
/// The bar is SVG with a `width` attribute, because the Content-Security-Policy forbids
/// `style` attributes.
pub(crate) fn progress_bar(ui: &Ui, position: usize, total: usize) -> Html {
    let number = position + 1;
    let text = fill(
        ui.question_progress,
        &[("n", &number.to_string()), ("total", &total.to_string())],
    );
    let percent = (number * 100).checked_div(total).unwrap_or(0);
    html! {
        <div class="progress">
            <p class="progress__text">{ text.clone() }</p>
            <div
                class="progress__bar"
                role="progressbar"
                aria-label={ui.progress_label}
                aria-valuemin="1"
                aria-valuemax={total.to_string()}
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
