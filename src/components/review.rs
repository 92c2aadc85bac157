//! Before the results: how many questions are answered, and a way back to each unanswered one.

use yew::prelude::*;

use super::action_button::ActionButton;
use super::data_controls::DataControls;
use crate::answers::Answers;
use crate::i18n::{Locale, fill};
use crate::model::{Question, Version};
use crate::route::Route;
use crate::state::{Action, StorageStatus};

/// Properties of [`Review`].
#[derive(Properties, PartialEq)]
pub struct ReviewProps {
    /// The language to show.
    pub locale: Locale,
    /// The version taken.
    pub version: Version,
    /// Its questions.
    pub questions: Vec<Question>,
    /// The answers so far.
    pub answers: Answers,
    /// The "remember on this device" opt-in.
    pub remember: bool,
    /// Whether storage works.
    pub storage: StorageStatus,
    /// `Navigate`, `Back` and the data controls.
    pub on_action: Callback<Action>,
}

/// The review screen.
#[component]
pub fn Review(props: &ReviewProps) -> Html {
    let locale = props.locale;
    let ui = locale.ui();
    let total = props.questions.len();
    let answered = props.answers.answered(&props.questions);
    let unanswered = props.answers.unanswered(&props.questions);
    let version = props.version;
    html! {
        <section class="review" aria-labelledby="review-title">
            <h1 id="review-title" class="review__title" tabindex="-1">{ ui.review_title }</h1>
            <p class="review__count">
                if unanswered.is_empty() {
                    { ui.review_all_answered }
                } else {
                    { fill(ui.review_answered, &[
                        ("answered", &answered.to_string()),
                        ("total", &total.to_string()),
                    ]) }
                }
            </p>
            if !unanswered.is_empty() {
                <h2 class="review__subtitle">{ ui.review_unanswered_title }</h2>
                <ol class="review__list">
                    for (position, question) in unanswered {
                        <li class="review__item" key={position} value={(position + 1).to_string()}>
                            <span class="review__text">{ locale.texts().question(question) }</span>
                            <ActionButton label={fill(ui.review_answer, &[("n", &(position + 1).to_string())])} action={Action::Navigate(Route::Question { version, position })} on_action={props.on_action.clone()} class="button--small" />
                        </li>
                    }
                </ol>
            }
            <div class="review__nav">
                <ActionButton label={ui.back} action={Action::Back} on_action={props.on_action.clone()} />
                if answered > 0 {
                    <ActionButton label={ui.see_results} action={Action::Navigate(Route::Results)} on_action={props.on_action.clone()} class="button--primary" />
                } else {
                    <p class="review__none">{ ui.review_none_answered }</p>
                }
            </div>
            <DataControls
                {locale}
                remember={props.remember}
                storage={props.storage}
                has_data={answered > 0 || props.remember}
                on_action={props.on_action.clone()}
            />
        </section>
    }
}
