//! Before the results: how many questions are answered, and a way back to each unanswered one.
//!
//! A plain function of the app rather than a component, like `data_controls`: it holds no
//! state, and adds no component machinery to the wasm.

use yew::prelude::*;

use super::action_button::action_button;
use super::data_controls::data_controls;
use crate::answers::Answers;
use crate::i18n::{Locale, fill};
use crate::model::Question;
use crate::state::StorageStatus;

/// What [`review`] shows, and where it reports what the person does.
pub(crate) struct ReviewProps {
    /// The questions of the version taken.
    pub(crate) questions: Vec<Question>,
    /// The answers so far.
    pub(crate) answers: Answers,
    /// The "remember on this device" opt-in.
    pub(crate) remember: bool,
    /// Whether storage works.
    pub(crate) storage: StorageStatus,
    /// Open the question at this position (0-based) to answer it.
    pub(crate) on_open: Callback<usize>,
    /// "Ver resultados".
    pub(crate) on_results: Callback<()>,
    /// Back to the last question.
    pub(crate) on_back: Callback<()>,
    /// The "remember on this device" box was ticked or unticked.
    pub(crate) on_remember: Callback<bool>,
    /// "Borrar mis datos".
    pub(crate) on_erase: Callback<()>,
}

/// The review screen, in `locale`. Never inlined: as a function of its own it goes to the wasm's
/// second part (tools/wasm-split), since only a person who has answered reaches it.
#[inline(never)]
pub(crate) fn review(locale: Locale, props: &ReviewProps) -> Html {
    let ui = locale.ui();
    let later = crate::i18n::later_ui(locale);
    let total = props.questions.len();
    let answered = props.answers.answered(&props.questions);
    let unanswered = props.answers.unanswered(&props.questions);
    html! {
        <section class="review" aria-labelledby="review-title">
            <h1 id="review-title" class="review__title" tabindex="-1">{ later.review_title }</h1>
            <p class="review__count">
                if unanswered.is_empty() {
                    { later.review_all_answered }
                } else {
                    { fill(later.review_answered, &[
                        ("answered", &answered.to_string()),
                        ("total", &total.to_string()),
                    ]) }
                }
            </p>
            if !unanswered.is_empty() {
                <h2 class="review__subtitle">{ later.review_unanswered_title }</h2>
                <ol class="review__list">
                    for (position, question) in unanswered {
                        <li class="review__item" key={position} value={(position + 1).to_string()}>
                            <span class="review__text">{ locale.question(question) }</span>
                            { action_button(fill(later.review_answer, &[("n", &(position + 1).to_string())]), &props.on_open.reform(move |()| position), "button--small") }
                        </li>
                    }
                </ol>
            }
            <div class="review__nav">
                { action_button(ui.back, &props.on_back, "") }
                if answered > 0 {
                    { action_button(ui.see_results, &props.on_results, "button--primary") }
                } else {
                    <p class="review__none">{ later.review_none_answered }</p>
                }
            </div>
            { data_controls(
                ui,
                props.remember,
                props.storage,
                answered > 0 || props.remember,
                &props.on_remember,
                &props.on_erase,
            ) }
        </section>
    }
}
