//! One question per screen: a fieldset whose legend is the question, native radio buttons with
//! visible labels, Back and Next, and keyboard shortcuts.
//!
//! Keyboard: 1–5 (1–4 for a scenario) choose, Enter or → go on, ← goes back; ↑ and ↓ move
//! between the options as radio buttons always do. A click or tap on an option goes on by itself
//! after a short pause; choosing with the keyboard never does, so that keyboard and screen-reader
//! users decide when to move.

use gloo_timers::callback::Timeout;
use wasm_bindgen::JsCast;
use web_sys::{Element, Node};
use yew::prelude::*;

use super::action_button::ActionButton;
use super::progress_bar::ProgressBar;
use crate::answers::Answer;
use crate::hooks::use_locale;
use crate::i18n::fill;
use crate::model::Question;
use crate::platform::page;

/// How long a clicked answer stays visible before the next question, in milliseconds.
const ADVANCE_AFTER_CLICK_MS: u32 = 350;

/// An answer chosen on the screen, with how long the question had been showing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Response {
    /// The answer, or `None` to clear it.
    pub(crate) answer: Option<Answer>,
    /// Milliseconds since the question appeared, where the page has a clock.
    pub(crate) on_screen_ms: Option<u32>,
}

/// A digit key pressed for the `choice`-th answer (0-based), with how long the question had
/// been showing. It answers whatever question the state shows when it gets there, not the one
/// this screen showed: typed faster than the screen follows, a key must not land on the question
/// before.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct KeyChoice {
    /// The position of the answer among the question's choices.
    pub(crate) choice: usize,
    /// Milliseconds since the question appeared, where the page has a clock.
    pub(crate) on_screen_ms: Option<u32>,
}

/// Properties of [`QuestionScreen`].
#[derive(Properties, PartialEq)]
pub(crate) struct QuestionScreenProps {
    /// The question showing.
    pub(crate) question: Question,
    /// Its position, counting from 0.
    pub(crate) position: usize,
    /// How many questions the version has.
    pub(crate) total: usize,
    /// The answer given, if any.
    pub(crate) answer: Option<Answer>,
    /// An answer was clicked or tapped (or cleared).
    pub(crate) on_answer: Callback<Response>,
    /// A digit key chose an answer.
    pub(crate) on_key: Callback<KeyChoice>,
    /// Enter, →, or the Next button.
    pub(crate) on_next: Callback<()>,
    /// A short pause after a click on an answer ended: go on if this question still shows.
    pub(crate) on_advance: Callback<()>,
    /// ←, or the Back button.
    pub(crate) on_back: Callback<()>,
}

/// Whether `target` takes typed text, whose keys are not answers.
fn typing(target: Option<&Node>) -> bool {
    target
        .and_then(|node| node.dyn_ref::<Element>())
        .is_some_and(|element| {
            matches!(element.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
                || element.has_attribute("contenteditable")
        })
}

fn choice_id(choice: usize) -> String {
    format!("choice-{}", choice + 1)
}

/// A question screen.
#[component]
pub(crate) fn QuestionScreen(props: &QuestionScreenProps) -> Html {
    let pending_advance = use_mut_ref(|| None::<Timeout>);
    // When this question appeared, to time its first answer for the "too fast" note.
    let shown_at = *use_memo(props.question, |_| page::now_ms());
    let on_screen_ms = move || {
        let (shown, now) = (shown_at?, page::now_ms()?);
        // Whole milliseconds; a clock that went backwards counts as no time at all.
        Some((now - shown).clamp(0.0, f64::from(u32::MAX)) as u32)
    };
    let locale = use_locale();
    let ui = locale.ui();
    let question = props.question;
    let position = props.position;
    let texts = locale.texts();
    let (text, choices) = (texts.question(question), texts.choices(question));
    let group = question
        .quality()
        .map(|q| locale.texts().group(q.group()).title);
    let chosen = props.answer.map(Answer::choice);
    let last = position + 1 == props.total;

    let onkeydown = {
        let (on_key, on_next, on_back) = (
            props.on_key.clone(),
            props.on_next.clone(),
            props.on_back.clone(),
        );
        Callback::from(move |event: KeyboardEvent| {
            if event.ctrl_key() || event.alt_key() || event.meta_key() {
                return;
            }
            let on_button = event
                .target_dyn_into::<Element>()
                .is_some_and(|e| matches!(e.tag_name().as_str(), "BUTTON" | "A"));
            let step = match event.key().as_str() {
                "ArrowRight" => &on_next,
                "ArrowLeft" => &on_back,
                // On a button, Enter presses that button.
                "Enter" if !on_button => &on_next,
                key => {
                    let choice = key.parse::<usize>().ok().and_then(|n| n.checked_sub(1));
                    match choice.filter(|c| *c < question.choices()) {
                        Some(choice) => {
                            event.prevent_default();
                            on_key.emit(KeyChoice {
                                choice,
                                on_screen_ms: on_screen_ms(),
                            });
                            // Focus the chosen option so that a screen reader announces it.
                            page::focus(&choice_id(choice));
                            return;
                        }
                        None => return,
                    }
                }
            };
            event.prevent_default();
            step.emit(());
        })
    };

    // Keys pressed outside the question still answer it: after a reload focus is on the page,
    // after a change of language on its button.
    let section = use_node_ref();
    {
        let (onkeydown, section) = (onkeydown.clone(), section.clone());
        use_effect_with((), move |()| {
            let listener = page::on_page_key(move |event| {
                let target = event.target().and_then(|t| t.dyn_into::<Node>().ok());
                let inside = section
                    .get()
                    .is_some_and(|section| section.contains(target.as_ref()));
                if !inside && !typing(target.as_ref()) {
                    onkeydown.emit(event.clone());
                }
            });
            move || drop(listener)
        });
    }

    let next_label = if last {
        ui.to_review
    } else if props.answer.is_some() {
        ui.next
    } else {
        ui.skip
    };

    html! {
        <section class="question" ref={section} {onkeydown}>
            if let Some(group) = group {
                <p class="kicker">{ group }</p>
            }
            <ProgressBar {position} total={props.total} />
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
                                onchange={props.on_answer.reform(move |_: Event| Response {
                                    answer: question.answer(choice),
                                    on_screen_ms: on_screen_ms(),
                                })}
                            />
                            <span class="choices__key" aria-hidden="true">{ choice + 1 }</span>
                            <span class="choices__text">{ label }</span>
                        </label>
                    }
                </div>
            </fieldset>
            <div class="question__nav">
                <ActionButton label={ui.back} on_press={props.on_back.clone()} />
                <ActionButton label={next_label} on_press={props.on_next.clone()} class="button--primary" />
            </div>
            <p class="question__hint">
                { fill(ui.keyboard_hint, &[("max", &question.choices().to_string())]) }
            </p>
        </section>
    }
}
