//! One question per screen: a fieldset whose legend is the question, native radio buttons with
//! visible labels, Back and Next, and the keyboard hint.
//!
//! A click or tap on an option goes on by itself after a short pause; choosing with the keyboard
//! (`crate::hooks::use_question_keys`) never does, so that keyboard and screen-reader users
//! decide when to move.

use gloo_timers::callback::Timeout;
use yew::prelude::*;

use super::action_button::action_button;
use super::progress_bar::progress_bar;
use crate::answers::Answer;
use crate::i18n::{Locale, fill};
use crate::model::Question;

/// How long a clicked answer stays visible before the next question, in milliseconds.
const ADVANCE_AFTER_CLICK_MS: u32 = 350;

/// Properties of [`QuestionScreen`].
#[derive(Properties, PartialEq)]
pub(crate) struct QuestionScreenProps {
    /// The language to show.
    pub(crate) locale: Locale,
    /// The question showing.
    pub(crate) question: Question,
    /// Its position, counting from 0.
    pub(crate) position: usize,
    /// How many questions the version has.
    pub(crate) total: usize,
    /// The answer given, if any.
    pub(crate) answer: Option<Answer>,
    /// An answer was clicked or tapped (or cleared). Keys are the app's (`hooks::keys`).
    pub(crate) on_answer: Callback<Option<Answer>>,
    /// The Next button.
    pub(crate) on_next: Callback<()>,
    /// A short pause after a click on an answer ended: go on if this question still shows.
    pub(crate) on_advance: Callback<()>,
    /// The Back button.
    pub(crate) on_back: Callback<()>,
}

/// The id of the `choice`-th option (0-based), which a key focuses once chosen.
pub(crate) fn choice_id(choice: usize) -> String {
    format!("choice-{}", choice + 1)
}

/// A question screen.
#[component]
pub(crate) fn QuestionScreen(props: &QuestionScreenProps) -> Html {
    let pending_advance = use_mut_ref(|| None::<Timeout>);
    let locale = props.locale;
    let ui = locale.ui();
    let question = props.question;
    let position = props.position;
    let (text, choices) = (locale.question(question), locale.choices(question));
    let group = question
        .quality()
        .map(|q| locale.texts().group(q.group()).title);
    let chosen = props.answer.map(Answer::choice);
    let last = position + 1 == props.total;

    let next_label = if last {
        ui.to_review
    } else if props.answer.is_some() {
        ui.next
    } else {
        ui.skip
    };

    html! {
        <section class="question">
            if let Some(group) = group {
                <p class="kicker">{ group }</p>
            }
            { progress_bar(ui, position, props.total) }
            <fieldset class="question__fieldset">
                <legend class="question__legend">
                    <h1
                        id="question-title"
                        class={classes!("question__title", matches!(question, Question::Scenario(_)).then_some("question__title--long"))}
                        tabindex="-1"
                    >
                        { text }
                    </h1>
                </legend>
                <div class={classes!("choices", matches!(question, Question::Scenario(_)).then_some("choices--scenario"))}>
                    for (choice, label) in choices.iter().enumerate() {
                        <label
                            class="choices__option"
                            key={choice}
                            onclick={
                                let on_advance = props.on_advance.clone();
                                let pending_advance = pending_advance.clone();
                                Callback::from(move |event: MouseEvent| {
                                    // detail() counts pointer clicks; keyboard-made clicks have 0.
                                    if event.detail() > 0 {
                                        let on_advance = on_advance.clone();
                                        let timeout = Timeout::new(ADVANCE_AFTER_CLICK_MS, move || {
                                            on_advance.emit(());
                                        });
                                        *pending_advance.borrow_mut() = Some(timeout);
                                    }
                                })
                            }
                        >
                            <input
                                type="radio"
                                class="choices__input"
                                id={choice_id(choice)}
                                name="answer"
                                checked={chosen == Some(choice)}
                                onchange={props.on_answer.reform(move |_: Event| question.answer(choice))}
                            />
                            <span class="choices__key" aria-hidden="true">{ choice + 1 }</span>
                            <span class="choices__text">{ label }</span>
                        </label>
                    }
                </div>
            </fieldset>
            <div class="question__nav">
                { action_button(ui.back, &props.on_back, "") }
                { action_button(next_label, &props.on_next, "button--primary") }
            </div>
            <p class="question__hint">
                { fill(ui.keyboard_hint, &[("max", &question.choices().to_string())]) }
            </p>
        </section>
    }
}
