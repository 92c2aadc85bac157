//! The app's state: one reducer, driven by [`Action`]s that components dispatch.
//!
//! Everything here is plain data so that it can be tested natively; values that can be derived
//! (the current interface strings, for one) are computed where needed, never stored.

use std::rc::Rc;

use yew::Reducible;

use crate::i18n::Locale;
use crate::options::UrlOptions;

/// Which screen is showing.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Screen {
    /// What the test is, the privacy promise, and the start button.
    #[default]
    Intro,
    /// The questions.
    Questionnaire,
}

impl Screen {
    /// The id of the screen's heading, which receives focus when the screen appears.
    pub const fn heading_id(self) -> &'static str {
        match self {
            Screen::Intro => "intro-title",
            Screen::Questionnaire => "questionnaire-title",
        }
    }
}

/// The whole state of the app.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AppState {
    /// The language of the interface and the content.
    pub locale: Locale,
    /// The screen showing.
    pub screen: Screen,
}

impl AppState {
    /// The state at start-up, in the negotiated language.
    pub fn new(locale: Locale) -> Self {
        Self {
            locale,
            ..Self::default()
        }
    }

    /// The state at start-up, from the page's query string and the browser's languages.
    pub fn from_environment(query: &str, browser_languages: &[String]) -> Self {
        let options = UrlOptions::parse(query);
        Self::new(Locale::negotiate(
            options.lang,
            browser_languages.iter().map(String::as_str),
        ))
    }
}

/// Something the user did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    /// Switch the language; nothing else changes.
    SetLocale(Locale),
    /// Leave the intro for the questions.
    Start,
    /// Go back to the intro.
    BackToIntro,
}

impl AppState {
    /// The state after `action`.
    pub fn apply(&self, action: Action) -> AppState {
        match action {
            Action::SetLocale(locale) => AppState {
                locale,
                ..self.clone()
            },
            Action::Start => AppState {
                screen: Screen::Questionnaire,
                ..self.clone()
            },
            Action::BackToIntro => AppState {
                screen: Screen::Intro,
                ..self.clone()
            },
        }
    }
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let next = self.apply(action);
        // Returning the same Rc tells yew that nothing changed, so nothing re-renders.
        if next == *self { self } else { Rc::new(next) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn start_up_language_comes_from_the_query_then_the_browser() {
        let browser = ["en-GB".to_owned(), "es".to_owned()];
        assert_eq!(
            AppState::from_environment("?lang=es", &browser).locale,
            Locale::Es
        );
        assert_eq!(AppState::from_environment("", &browser).locale, Locale::En);
        assert_eq!(
            AppState::from_environment("?lang=xx", &[]).locale,
            Locale::Es
        );
    }

    #[test]
    fn switching_language_keeps_the_screen() {
        let state = AppState::new(Locale::Es).apply(Action::Start);
        let switched = state.apply(Action::SetLocale(Locale::En));
        assert_eq!(switched.locale, Locale::En);
        assert_eq!(switched.screen, Screen::Questionnaire);
    }

    #[test]
    fn start_and_back_move_between_screens() {
        let state = AppState::new(Locale::En);
        assert_eq!(state.screen, Screen::Intro);
        let started = state.apply(Action::Start);
        assert_eq!(started.screen, Screen::Questionnaire);
        assert_eq!(started.apply(Action::BackToIntro).screen, Screen::Intro);
    }

    #[test]
    fn an_action_that_changes_nothing_keeps_the_same_state() {
        let state = Rc::new(AppState::new(Locale::Es));
        let same = state.clone().reduce(Action::SetLocale(Locale::Es));
        assert!(Rc::ptr_eq(&state, &same));
    }
}
