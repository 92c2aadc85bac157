//! The questionnaire's keyboard: 1–5 (1–4 for a scenario) choose, Enter or → go on, ← goes
//! back; ↑ and ↓ move between the options as radio buttons always do.
//!
//! One listener for the whole app rather than one per question screen. Keys can come faster
//! than the screen follows (a person holding a key, a test typing at machine speed), so each key
//! becomes an action on whatever the state shows when the action arrives, never on the screen
//! that happened to be drawn; and a listener that lives as long as the app cannot miss keys
//! while screens change. On the app's own page it listens on the document, so that keys work
//! after a reload or a click on the language switch, wherever focus is; on a host page only
//! within the app.

use std::cell::Cell;
use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::{Element, KeyboardEvent};
use yew::prelude::*;

use crate::components::question::choice_id;
use crate::model::Question;
use crate::platform::page;
use crate::state::Action;

/// When the question showing appeared, to time its first answer for the "too fast" note. The
/// one clock for keys and clicks.
#[derive(Clone, Default)]
pub(crate) struct QuestionClock(Rc<Cell<Option<Shown>>>);

/// A question drawn, and when it appeared on the page's clock (if the page has one).
type Shown = (Question, Option<f64>);

impl QuestionClock {
    /// The question drawn last, if a question is showing.
    fn question(&self) -> Option<Question> {
        self.0.get().map(|(question, _)| question)
    }

    /// Whole milliseconds since that question appeared, where the page has a clock; a clock
    /// that went backwards counts as no time at all.
    pub(crate) fn on_screen_ms(&self) -> Option<u32> {
        let (_, shown) = self.0.get()?;
        let elapsed = page::now_ms()? - shown?;
        Some(elapsed.clamp(0.0, f64::from(u32::MAX)) as u32)
    }
}

/// The clock of the question `showing`, restarted whenever another question is drawn.
#[hook]
pub(crate) fn use_question_clock(showing: Option<Question>) -> QuestionClock {
    let clock = (*use_memo((), |()| QuestionClock::default())).clone();
    if clock.question() != showing {
        clock
            .0
            .set(showing.map(|question| (question, page::now_ms())));
    }
    clock
}

/// Turns the questionnaire's keys into actions for `on_action`, while `clock` says a question
/// is showing. `within` is the app's element, listened on when the app is not on its own page.
#[hook]
pub(crate) fn use_question_keys(
    clock: QuestionClock,
    within: NodeRef,
    on_action: Callback<Action>,
) {
    // The option chosen by a key takes focus once it is drawn, so that a screen reader
    // announces it; focusing it at once could focus the screen being replaced.
    let chosen = use_memo((), |()| Rc::new(Cell::new(None::<usize>)));
    {
        let chosen = (*chosen).clone();
        use_effect(move || {
            if let Some(choice) = chosen.take() {
                page::focus(&choice_id(choice));
            }
        });
    }
    let chosen = (*chosen).clone();
    use_effect_with((), move |()| {
        let listener = page::on_key(within.cast::<Element>(), move |event| {
            if let Some((action, choice)) = action_for(event, &clock) {
                event.prevent_default();
                chosen.set(choice);
                on_action.emit(action);
            }
        });
        move || drop(listener)
    });
}

/// The action of `event`, with the option it chose, if it is one of the questionnaire's keys.
fn action_for(event: &KeyboardEvent, clock: &QuestionClock) -> Option<(Action, Option<usize>)> {
    let question = clock.question()?;
    if event.ctrl_key() || event.alt_key() || event.meta_key() {
        return None;
    }
    let target = event.target().and_then(|t| t.dyn_into::<Element>().ok());
    let tag = target.as_ref().map(Element::tag_name).unwrap_or_default();
    // Typing in a field is not answering; on a button or a link, Enter presses it.
    let typing = matches!(tag.as_str(), "TEXTAREA" | "SELECT")
        || (tag == "INPUT"
            && target
                .as_ref()
                .and_then(|t| t.get_attribute("type"))
                .as_deref()
                != Some("radio"))
        || target.is_some_and(|t| t.has_attribute("contenteditable"));
    if typing {
        return None;
    }
    let on_button = matches!(tag.as_str(), "BUTTON" | "A");
    match event.key().as_str() {
        "ArrowRight" => Some((Action::Next, None)),
        "ArrowLeft" => Some((Action::Back, None)),
        "Enter" if !on_button => Some((Action::Next, None)),
        key => {
            let choice = key.parse::<usize>().ok()?.checked_sub(1)?;
            (choice < question.choices()).then(|| {
                let action = Action::AnswerShowing {
                    choice,
                    on_screen_ms: clock.on_screen_ms(),
                };
                (action, Some(choice))
            })
        }
    }
}
