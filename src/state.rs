//! The app's state: one reducer, driven by [`Action`]s.
//!
//! Everything here is plain data, tested natively; values that can be derived (the profile, the
//! current question's words, the progress count) are computed where needed, never stored. The
//! browser reaches the state only through actions: the address by [`Action::Address`], at
//! start-up and on every change. Hooks (`crate::hooks`) keep storage, the address bar and focus
//! in step with the state; they never change it behind the reducer's back.

use std::rc::Rc;

use yew::Reducible;

use crate::address::{Address, BadLink, LinkKind, Route};
use crate::answers::{Answer, Answers};
use crate::history::{self, Attempt, Entry};
use crate::i18n::Locale;
use crate::model::{Question, Version};
use crate::options::{OptionsNotice, UrlOptions};
use crate::progress::{Progress, ProgressError};
use crate::scoring::Timing;
use crate::share::LinkError;
use crate::target::Target;

/// Whether the browser lets the app keep answers across a reload.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) enum StorageStatus {
    /// Session storage works.
    #[default]
    Available,
    /// Blocked (private mode, a third-party iframe…): the app works, but a reload forgets.
    Unavailable,
    /// Session storage works but local storage does not: a reload keeps the answers, the device
    /// cannot remember them, so "remember" is not offered.
    TabOnly,
    /// It worked, then refused a write (full, or access revoked): the app keeps writing what it
    /// can, and says that a reload may lose answers.
    Refused,
}

/// What the app knows at start-up, gathered by the platform layer.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Environment {
    /// The page's address.
    pub(crate) address: Address,
    /// The browser's languages, preferred first.
    pub(crate) browser_languages: Vec<String>,
    /// Progress restored from storage: a record that read, or the other choices of one whose
    /// answers were of an earlier content version ([`Progress::restore`]).
    pub(crate) saved: Option<Progress>,
    /// Why a stored record that existed, or its answers, could not be restored (damaged, or
    /// another content version).
    pub(crate) saved_error: Option<ProgressError>,
    /// Whether storage works.
    pub(crate) storage: StorageStatus,
    /// Earlier attempts kept on this device (only with the opt-in).
    pub(crate) history: Vec<Entry>,
    /// What was chosen on the intro painted before the app ran.
    pub(crate) early: EarlyChoices,
}

/// Choices made on the intro that the page paints before the app runs
/// ([`crate::platform::prerender`]): replayed as the actions they would have been.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct EarlyChoices {
    /// The version checked.
    pub(crate) version: Option<Version>,
    /// "Remember on this device" ticked.
    pub(crate) remember: bool,
    /// A language chosen with the language switch.
    pub(crate) locale: Option<Locale>,
}

/// The whole state of the app.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct AppState {
    /// The language of the interface and the content: always one whose words are here
    /// ([`Locale::texts_ready`]).
    pub(crate) locale: Locale,
    /// A language chosen whose words are still on their way (`hooks::use_texts_loading`
    /// fetches them): the app switches to it when they arrive, and says so if they cannot.
    pub(crate) pending_locale: Option<Locale>,
    /// The questionnaire chosen.
    pub(crate) version: Version,
    /// The screen showing, with what it shows.
    pub(crate) route: Route,
    /// The options of the query string, as last read.
    pub(crate) options: UrlOptions,
    /// The answers so far.
    pub(crate) answers: Answers,
    /// Keep answers on this device across visits (opt-in).
    pub(crate) remember: bool,
    /// Whether storage works.
    pub(crate) storage: StorageStatus,
    /// A message about the person's data, shown until their next step.
    pub(crate) notice: Option<Notice>,
    /// Earlier attempts on this device, oldest first (kept only with `remember`), those made
    /// with an earlier version of the questions included.
    pub(crate) history: Vec<Entry>,
    /// The earlier attempt overlaid on the results, by index into `history`; never one of
    /// another content version.
    pub(crate) compare: Option<usize>,
    /// How quickly this visit's first answers came, for the "too fast" note. Never stored: after
    /// a reload the count starts afresh, and restored answers are not timed.
    pub(crate) timing: Timing,
    /// How many times the person erased everything in this tab: the storage hook tells the
    /// other tabs each time.
    pub(crate) erasures: u32,
    /// How many times the person asked to delete stored answers that could not be read
    /// ([`Notice::RestoreFailed`]): the storage hook removes such a record each time.
    pub(crate) discards: u32,
    /// The role's target from a target link, which the results compare with. Kept in the
    /// progress record for the whole run (the address moves on to the questions); only an
    /// erase or another target link replaces it.
    pub(crate) target: Option<Target>,
}

/// A message about the person's data.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Notice {
    /// "Hemos recuperado tus respuestas", with a choice to start over.
    Restored,
    /// Stored answers existed but could not be used (damaged, or not ours), with a choice to
    /// delete them: nothing else would, and the notice would come back on every visit.
    RestoreFailed,
    /// The stored answers that could not be read were deleted.
    DamagedDiscarded,
    /// Stored answers were for another version of the questions, so they could not be used.
    RestoreOtherVersion,
    /// Everything was erased.
    Erased,
    /// Another tab erased everything, so this one dropped its answers too.
    ErasedElsewhere,
    /// Another tab stopped remembering on this device, so this one stopped too.
    ForgottenElsewhere,
    /// Another remembering tab answered questions, and this one took those answers in.
    AnsweredElsewhere,
    /// A share link was damaged or truncated.
    LinkDamaged,
    /// A share link was made for another version of the questions.
    LinkOtherVersion,
    /// A target link was damaged or truncated.
    TargetDamaged,
    /// A target link was made for another version of the questions.
    TargetOtherVersion,
    /// `?lang=` asked for a language the app does not have.
    UnknownLanguage,
    /// The words of this language could not be fetched, so the app stayed in its language;
    /// said in the language asked for, which the person reads.
    LanguageUnavailable(Locale),
}

impl Notice {
    /// The notice that explains why a share or target link could not be opened.
    fn for_link(link: &BadLink) -> Notice {
        let other_version = matches!(link.error, LinkError::OtherContentVersion(_));
        match (link.kind, other_version) {
            (LinkKind::Result, true) => Notice::LinkOtherVersion,
            (LinkKind::Result, false) => Notice::LinkDamaged,
            (LinkKind::Target, true) => Notice::TargetOtherVersion,
            (LinkKind::Target, false) => Notice::TargetDamaged,
        }
    }

    /// Whether this notice is about a link that could not be opened.
    const fn is_about_a_link(self) -> bool {
        matches!(
            self,
            Notice::LinkDamaged
                | Notice::LinkOtherVersion
                | Notice::TargetDamaged
                | Notice::TargetOtherVersion
        )
    }
}

/// Something the person or the browser did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Action {
    /// The address, at start-up or after it changed (Back, Forward, a typed or followed link).
    Address(Address),
    /// Switch the language (once its words are here, see [`AppState::pending_locale`]);
    /// nothing else changes.
    SetLocale(Locale),
    /// The words of this language arrived: switch to it if it is still the one awaited.
    LanguageArrived(Locale),
    /// The words of this language could not be fetched.
    LanguageUnavailable(Locale),
    /// Choose the quick or the full questionnaire (answers are kept: quick is part of full).
    SetVersion(Version),
    /// Leave the intro for the first unanswered question.
    Start,
    /// Answer (or, with `None`, clear) a question; where to go next is a separate action.
    Answer {
        /// The question answered.
        question: Question,
        /// The answer, or `None` to clear it.
        answer: Option<Answer>,
        /// How long the question had been on screen, when the interface could measure it; it
        /// counts only for a question's first answer.
        on_screen_ms: Option<u32>,
    },
    /// Answer the question showing with its `choice`-th answer (a digit key): whatever question
    /// the state shows when the action arrives, so that keys typed faster than the screen
    /// follows land where they were meant.
    AnswerShowing {
        /// The position of the answer among the question's choices.
        choice: usize,
        /// As in [`Action::Answer`].
        on_screen_ms: Option<u32>,
    },
    /// The next question, or the review after the last one.
    Next,
    /// [`Action::Next`], but only if question `position` is still showing (a delayed advance
    /// after a click must not skip a question the person went back to).
    AdvanceFrom(usize),
    /// The previous question; from the first question, the intro.
    Back,
    /// Go to a screen of one's own questionnaire (a link of the review, "see results").
    Navigate(Route),
    /// Opt in or out of keeping answers on this device.
    SetRemember(bool),
    /// Storage refused to keep something.
    StorageRefused,
    /// Hide the notice (keeping restored answers).
    DismissNotice,
    /// Delete the stored answers that could not be read ("Borrar las respuestas dañadas").
    DiscardDamaged,
    /// Storage deleted them: say so.
    DamagedDiscarded,
    /// Drop every answer and start again from the intro.
    StartOver,
    /// Erase everything stored: answers, history and the opt-in.
    EraseAll,
    /// Another tab erased everything: drop what this tab holds too, so that nothing it writes
    /// brings the erased answers back.
    ErasedElsewhere,
    /// Another tab removed the device copy (it stopped remembering): stop remembering here too.
    ForgottenElsewhere,
    /// Another tab kept these answers on the device: if this tab remembers too (it shares that
    /// copy), merge them into its own, see [`Answers::merged`]. A tab that does not remember
    /// keeps its answers to itself, and takes none in.
    AnsweredElsewhere(Answers),
    /// Leave a shared result for one's own questionnaire ("Responde el cuestionario").
    LeaveShared,
    /// The results were seen on `date` (`YYYY-MM-DD`): keep the attempt, if the person opted in.
    RecordAttempt(String),
    /// Overlay an earlier attempt (by index into the history), or none.
    Compare(Option<usize>),
}

impl AppState {
    /// The state at start-up: the saved progress restored, then the address applied as on
    /// every later change. The language comes from `?lang=`, then the saved progress, then
    /// the browser.
    pub(crate) fn from_environment(environment: &Environment) -> Self {
        let saved = environment.saved.as_ref();
        let restored = if saved.is_some_and(|p| !p.answers.is_empty()) {
            Some(Notice::Restored)
        } else {
            environment.saved_error.as_ref().map(|error| match error {
                ProgressError::OtherContentVersion(_) => Notice::RestoreOtherVersion,
                ProgressError::NotOurs | ProgressError::Damaged(_) => Notice::RestoreFailed,
            })
        };
        let mut state = AppState {
            version: saved.map_or_else(Version::default, |p| p.version),
            answers: saved.map_or_else(Answers::new, |p| p.answers.clone()),
            remember: saved.is_some_and(|p| p.remember),
            target: saved.and_then(|p| p.target.clone()),
            history: environment.history.clone(),
            storage: environment.storage,
            // A language whose words are here (crate::start waits for one), until the one
            // asked for arrives.
            locale: Locale::any_ready().unwrap_or_default(),
            ..AppState::default()
        };
        state.switch_locale(Locale::negotiate(
            saved.map(|p| p.locale),
            environment.browser_languages.iter().map(String::as_str),
        ));
        let mut arrived = state.apply(Action::Address(environment.address.clone()));
        // Choices made on the painted intro come after the address, as clicks would have.
        // Only what was changed there: a click that changes nothing would still clear a notice.
        let early = environment.early;
        let replayed = [
            early
                .locale
                .filter(|&locale| locale != arrived.pending_locale.unwrap_or(arrived.locale))
                .map(Action::SetLocale),
            early
                .version
                .filter(|&version| version != arrived.version)
                .map(Action::SetVersion),
            (early.remember
                && !arrived.remember
                && environment.storage == StorageStatus::Available)
                .then_some(Action::SetRemember(true)),
        ];
        for action in replayed.into_iter().flatten() {
            arrived = arrived.apply(action);
        }
        // A link's own message comes first; a shared result hides the notice about the
        // visitor's answers, which are still there when they leave it.
        if !arrived.notice.is_some_and(Notice::is_about_a_link) {
            arrived.notice = match arrived.route {
                Route::Shared(_) => None,
                _ => restored.or(arrived.notice),
            };
        }
        arrived
    }

    /// Shows `locale` if its words are here; else waits for them ([`AppState::pending_locale`]).
    /// Choosing the language showing cancels a wait.
    fn switch_locale(&mut self, locale: Locale) {
        if locale == self.locale || locale.texts_ready() {
            self.locale = locale;
            self.pending_locale = None;
            // Its words came after all: the message that they could not is out of date.
            if self.notice == Some(Notice::LanguageUnavailable(locale)) {
                self.notice = None;
            }
        } else {
            self.pending_locale = Some(locale);
        }
    }

    /// The questions of the chosen version.
    pub(crate) fn questions(&self) -> Vec<Question> {
        self.version.questions()
    }

    /// The question showing, with its position, if a question is showing.
    pub(crate) fn current_question(&self) -> Option<(usize, Question)> {
        match self.route {
            Route::Question { position, .. } => self
                .questions()
                .get(position)
                .map(|question| (position, *question)),
            _ => None,
        }
    }

    /// What is worth keeping in storage.
    pub(crate) fn progress(&self) -> Progress {
        Progress {
            version: self.version,
            locale: self.locale,
            remember: self.remember,
            answers: self.answers.clone(),
            target: self.target.clone(),
        }
    }

    /// `route`, made consistent with the state: results need an answer, and a question must
    /// exist in its version.
    fn checked(&self, route: Route) -> Route {
        match route {
            Route::Question { version, position } if position >= version.questions().len() => {
                Route::Intro
            }
            Route::Results if self.answers.answered(&self.questions()) == 0 => Route::Review,
            other => other,
        }
    }

    /// Where "next" leads from question `position`: the following question, or the review.
    fn after(&self, position: Option<usize>) -> Route {
        match position {
            Some(p) if p + 1 < self.questions().len() => self.question_route(p + 1),
            Some(_) => Route::Review,
            None => self.route.clone(),
        }
    }

    fn question_route(&self, position: usize) -> Route {
        Route::Question {
            version: self.version,
            position,
        }
    }

    /// This state showing `route`: a question of the other version switches to that version,
    /// because the address is the truth after Back, Forward or a reload; a target link keeps
    /// its target for the run and shows the intro.
    fn go(mut self, route: Route) -> AppState {
        match route {
            Route::Question { version, .. } => self.version = version,
            Route::Target(target) => {
                self.target = Some(target);
                self.route = Route::Intro;
                return self;
            }
            _ => {}
        }
        self.route = self.checked(route);
        self
    }

    /// The state after `action`.
    pub(crate) fn apply(&self, action: Action) -> AppState {
        let mut next = self.clone();
        // A notice lasts until the person's next step. Switching language is not a step, nor is
        // the address catching up with the screen already showing.
        let step = match &action {
            Action::SetLocale(_)
            | Action::LanguageArrived(_)
            | Action::LanguageUnavailable(_)
            | Action::StorageRefused
            // The notice stays until storage has done it, and says so in its place.
            | Action::DiscardDamaged
            | Action::DamagedDiscarded
            | Action::ErasedElsewhere
            | Action::ForgottenElsewhere
            | Action::AnsweredElsewhere(_) => false,
            Action::Address(address) => Route::parse(&address.hash).as_ref() != Ok(&self.route),
            Action::Navigate(route) => *route != self.route,
            _ => true,
        };
        if step {
            next.notice = None;
        }
        match action {
            Action::Address(address) => {
                let options = UrlOptions::parse(&address.query);
                if options != self.options {
                    if let Some(locale) = options.lang {
                        next.switch_locale(locale);
                    }
                    if let Some(version) = options.mode {
                        next.version = version;
                    }
                    if options.notices.contains(&OptionsNotice::UnknownLanguage) {
                        next.notice = Some(Notice::UnknownLanguage);
                    }
                    next.options = options;
                }
                next = match Route::parse(&address.hash) {
                    Ok(route) => next.go(route),
                    Err(error) => AppState {
                        route: Route::Intro,
                        notice: Some(Notice::for_link(&error)),
                        ..next
                    },
                };
            }
            Action::SetLocale(locale) => next.switch_locale(locale),
            Action::LanguageArrived(locale) => {
                if next.pending_locale == Some(locale) {
                    next.switch_locale(locale);
                }
            }
            Action::LanguageUnavailable(locale) => {
                if next.pending_locale == Some(locale) {
                    next.pending_locale = None;
                    next.notice = Some(Notice::LanguageUnavailable(locale));
                }
            }
            Action::SetVersion(version) => next.version = version,
            Action::Start => {
                let questions = self.questions();
                let first_open = questions
                    .iter()
                    .position(|q| self.answers.get(*q).is_none());
                next.route = match first_open {
                    Some(position) => self.question_route(position),
                    None => Route::Review,
                };
            }
            Action::Answer {
                question,
                answer,
                on_screen_ms,
            } => {
                let first = answer.is_some() && self.answers.get(question).is_none();
                // An impossible answer (a stale event, say) changes nothing.
                if next.answers.set(question, answer).is_err() {
                    return self.clone();
                }
                if let (true, Some(ms)) = (first, on_screen_ms) {
                    next.timing = self.timing.record(ms);
                }
            }
            Action::AnswerShowing {
                choice,
                on_screen_ms,
            } => {
                let showing = self.current_question().map(|(_, question)| question);
                return match showing.and_then(|q| Some((q, q.answer(choice)?))) {
                    Some((question, answer)) => self.apply(Action::Answer {
                        question,
                        answer: Some(answer),
                        on_screen_ms,
                    }),
                    None => self.clone(),
                };
            }
            Action::Next => next.route = self.after(self.current_question().map(|(p, _)| p)),
            Action::AdvanceFrom(from) => {
                if self
                    .current_question()
                    .is_some_and(|(position, _)| position == from)
                {
                    next.route = self.after(Some(from));
                }
            }
            Action::Back => {
                next.route = match &self.route {
                    Route::Intro | Route::Question { position: 0, .. } => Route::Intro,
                    Route::Question { position, .. } => self.question_route(position - 1),
                    Route::Review => self.question_route(self.questions().len() - 1),
                    Route::Results => Route::Review,
                    Route::Shared(_) => self.route.clone(),
                    Route::Target(_) | Route::Recruiter => Route::Intro,
                };
            }
            Action::Navigate(route) => next = next.go(route),
            Action::SetRemember(remember) => {
                next.remember = remember;
                // Without the opt-in nothing is kept across visits, history included.
                if !remember {
                    next.history.clear();
                    next.compare = None;
                }
            }
            Action::StorageRefused => {
                if matches!(
                    self.storage,
                    StorageStatus::Available | StorageStatus::TabOnly
                ) {
                    next.storage = StorageStatus::Refused;
                }
            }
            Action::DismissNotice => {}
            // Named one by one, so that a new action must be placed here or there.
            later @ (Action::LeaveShared
            | Action::RecordAttempt(_)
            | Action::Compare(_)
            | Action::DiscardDamaged
            | Action::DamagedDiscarded
            | Action::StartOver
            | Action::ErasedElsewhere
            | Action::ForgottenElsewhere
            | Action::AnsweredElsewhere(_)
            | Action::EraseAll) => next = self.apply_later(next, later),
        }
        next
    }

    /// The actions that follow the results, another tab or a step that ends a run: rare next
    /// to those of the questions. Never inlined, so that their code goes to the wasm's second
    /// part (tools/wasm-split); `next` is the state that [`AppState::apply`] has begun.
    #[inline(never)]
    fn apply_later(&self, mut next: AppState, action: Action) -> AppState {
        match action {
            Action::LeaveShared => next.route = Route::Intro,
            Action::RecordAttempt(date) => {
                if self.remember && !self.answers.is_empty() {
                    let attempt = Attempt {
                        date,
                        version: self.version,
                        answers: self.answers.clone(),
                    };
                    next.history = history::record(&self.history, attempt);
                }
            }
            Action::Compare(index) => {
                next.compare =
                    index.filter(|i| matches!(self.history.get(*i), Some(Entry::Attempt(_))));
            }
            Action::DiscardDamaged => next.discards = self.discards.wrapping_add(1),
            Action::DamagedDiscarded => next.notice = Some(Notice::DamagedDiscarded),
            Action::StartOver => {
                next.answers = Answers::new();
                next.timing = Timing::default();
                next.route = Route::Intro;
            }
            Action::ErasedElsewhere => {
                next = AppState {
                    notice: Some(Notice::ErasedElsewhere),
                    erasures: self.erasures,
                    ..self.apply(Action::EraseAll)
                };
            }
            Action::ForgottenElsewhere => {
                if self.remember {
                    next = AppState {
                        notice: Some(Notice::ForgottenElsewhere),
                        ..self.apply(Action::SetRemember(false))
                    };
                }
            }
            Action::AnsweredElsewhere(theirs) => {
                let merged = self.answers.merged(&theirs);
                // Only a change is said, and only a change is written back: answers the same
                // as this tab's leave the state as it is, which ends the exchange between tabs.
                if self.remember && merged != self.answers {
                    next.answers = merged;
                    next.notice = Some(Notice::AnsweredElsewhere);
                    // The version and the screen are this tab's own. Answers only come in, so
                    // the screen stays valid; checked all the same, as every route is.
                    next.route = next.checked(next.route.clone());
                }
            }
            Action::EraseAll => {
                // The storage hook writes this state, which holds nothing about the person.
                next = AppState {
                    locale: self.locale,
                    options: self.options.clone(),
                    storage: self.storage,
                    notice: Some(Notice::Erased),
                    erasures: self.erasures.wrapping_add(1),
                    ..AppState::default()
                };
            }
            // `apply` takes the others, and calls this only with those it names.
            _ => {}
        }
        next
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
    use crate::answers::Agreement;
    use crate::share::{self, SharedResult};

    fn answer(question: Question, answer: Option<Answer>, on_screen_ms: Option<u32>) -> Action {
        Action::Answer {
            question,
            answer,
            on_screen_ms,
        }
    }

    fn agree(value: u8) -> Option<Answer> {
        Agreement::new(value).map(Answer::Agree)
    }

    fn at(version: Version, position: usize) -> Route {
        Route::Question { version, position }
    }

    fn environment(query: &str, hash: &str, saved: Option<Progress>) -> Environment {
        Environment {
            address: Address {
                query: query.into(),
                hash: hash.into(),
            },
            browser_languages: vec!["en-GB".into(), "es".into()],
            saved,
            saved_error: None,
            storage: StorageStatus::Available,
            history: Vec::new(),
            early: EarlyChoices::default(),
        }
    }

    #[test]
    fn a_language_whose_words_are_not_here_is_shown_only_once_they_arrive() {
        crate::content::withhold_texts(Some(Locale::En));
        // The browser prefers English: the app starts in Spanish and waits for the English words.
        let state = AppState::from_environment(&environment("", "", None));
        assert_eq!(
            (state.locale, state.pending_locale),
            (Locale::Es, Some(Locale::En))
        );
        // The same wait whichever way English was asked for: the address, or the switch.
        let asked = AppState::from_environment(&environment("?lang=en", "#/quick/2", None));
        assert_eq!(
            (asked.locale, asked.pending_locale),
            (Locale::Es, Some(Locale::En))
        );
        assert_eq!(
            asked.route,
            Route::Question {
                version: Version::Quick,
                position: 1
            }
        );
        let switched = AppState::default().apply(Action::SetLocale(Locale::En));
        assert_eq!(
            (switched.locale, switched.pending_locale),
            (Locale::Es, Some(Locale::En))
        );
        // Arrived: shown.
        crate::content::withhold_texts(None);
        let arrived = state.apply(Action::LanguageArrived(Locale::En));
        assert_eq!((arrived.locale, arrived.pending_locale), (Locale::En, None));
    }

    #[test]
    fn words_that_arrive_after_the_person_chose_again_change_nothing() {
        crate::content::withhold_texts(Some(Locale::En));
        let waiting = AppState::default().apply(Action::SetLocale(Locale::En));
        let back = waiting.apply(Action::SetLocale(Locale::Es));
        assert_eq!((back.locale, back.pending_locale), (Locale::Es, None));
        crate::content::withhold_texts(None);
        assert_eq!(back.apply(Action::LanguageArrived(Locale::En)), back);
        assert_eq!(back.apply(Action::LanguageUnavailable(Locale::En)), back);
    }

    #[test]
    fn words_that_cannot_be_had_leave_the_language_and_say_so_in_the_one_asked_for() {
        crate::content::withhold_texts(Some(Locale::En));
        let mut waiting = AppState::from_environment(&environment("", "", None));
        waiting.notice = Some(Notice::Restored);
        let failed = waiting.apply(Action::LanguageUnavailable(Locale::En));
        assert_eq!(
            (failed.locale, failed.pending_locale, failed.notice),
            (
                Locale::Es,
                None,
                Some(Notice::LanguageUnavailable(Locale::En))
            )
        );
        // Asking again tries again, and the message stays until the words come.
        let again = failed.apply(Action::SetLocale(Locale::En));
        assert_eq!(again.pending_locale, Some(Locale::En));
        assert_eq!(again.notice, failed.notice);
        crate::content::withhold_texts(None);
        let arrived = again.apply(Action::LanguageArrived(Locale::En));
        assert_eq!((arrived.locale, arrived.notice), (Locale::En, None));
    }

    #[test]
    fn an_early_language_already_awaited_is_not_asked_for_twice() {
        crate::content::withhold_texts(Some(Locale::En));
        let state = AppState::from_environment(&Environment {
            early: EarlyChoices {
                locale: Some(Locale::En),
                ..EarlyChoices::default()
            },
            ..environment("?lang=en", "", None)
        });
        assert_eq!(
            (state.locale, state.pending_locale, state.notice),
            (Locale::Es, Some(Locale::En), None)
        );
        crate::content::withhold_texts(None);
    }

    #[test]
    fn choices_made_on_the_painted_intro_are_replayed_after_the_address() {
        let early = EarlyChoices {
            version: Some(Version::Full),
            remember: true,
            locale: Some(Locale::Es),
        };
        let state = AppState::from_environment(&Environment {
            early,
            ..environment("?lang=en", "", None)
        });
        assert_eq!(
            (state.locale, state.version, state.remember),
            (Locale::Es, Version::Full, true),
            "a click on the language switch comes after the address's ?lang"
        );
        // Without storage, "remember" cannot be kept, so it is not taken.
        let unstored = AppState::from_environment(&Environment {
            early,
            storage: StorageStatus::Unavailable,
            ..environment("", "", None)
        });
        assert!(!unstored.remember);
        assert_eq!(
            AppState::from_environment(&environment("", "", None)).version,
            Version::Quick
        );
        // The version the painted intro had checked anyway is no click: the notice about the
        // address's language stays.
        let unknown = AppState::from_environment(&Environment {
            early: EarlyChoices {
                version: Some(Version::Quick),
                ..EarlyChoices::default()
            },
            ..environment("?lang=xx", "", None)
        });
        assert!(unknown.notice.is_some());
    }

    #[test]
    fn start_up_language_comes_from_the_query_then_storage_then_the_browser() {
        let saved = Progress {
            version: Version::Quick,
            locale: Locale::Es,
            remember: false,
            answers: Answers::new(),
            target: None,
        };
        let from = |query, saved| AppState::from_environment(&environment(query, "", saved)).locale;
        assert_eq!(from("?lang=en", Some(saved.clone())), Locale::En);
        assert_eq!(from("", Some(saved)), Locale::Es);
        assert_eq!(from("", None), Locale::En);
    }

    #[test]
    fn an_unknown_language_in_the_address_is_said_not_ignored() {
        let state = AppState::from_environment(&environment("?lang=fr", "", None));
        assert_eq!(
            (state.locale, state.notice),
            (Locale::En, Some(Notice::UnknownLanguage))
        );
    }

    #[test]
    fn a_reload_returns_to_the_same_question_with_the_answers() {
        let mut state = AppState::default().apply(Action::Start);
        state = state
            .apply(answer(Question::Likert(0), agree(4), None))
            .apply(Action::Next);
        let reloaded = AppState::from_environment(&environment(
            "",
            &state.route.to_hash(),
            Some(state.progress()),
        ));
        assert_eq!(reloaded.route, at(Version::Quick, 1));
        assert_eq!(reloaded.answers, state.answers);
        assert_eq!(reloaded.notice, Some(Notice::Restored));
        assert_eq!(
            reloaded.apply(Action::SetLocale(Locale::En)).notice,
            Some(Notice::Restored)
        );
        assert_eq!(reloaded.apply(Action::DismissNotice).notice, None);
    }

    #[test]
    fn unreadable_saved_answers_are_reported_not_restored() {
        let mut env = environment("", "", None);
        env.saved_error = Some(ProgressError::Damaged("answers"));
        let state = AppState::from_environment(&env);
        assert_eq!(state.notice, Some(Notice::RestoreFailed));
        assert!(state.answers.is_empty());
    }

    #[test]
    fn deleting_unreadable_saved_answers_is_asked_of_storage_and_said() {
        let mut env = environment("", "", None);
        env.saved_error = Some(ProgressError::NotOurs);
        let state = AppState::from_environment(&env);
        let asked = state.apply(Action::DiscardDamaged);
        assert_eq!(asked.discards, 1);
        // Said only once storage has done it (the storage hook sends `DamagedDiscarded`); until
        // then, and if it cannot, the notice and its button stay.
        assert_eq!(asked.notice, Some(Notice::RestoreFailed));
        let done = asked.apply(Action::DamagedDiscarded);
        assert_eq!(done.notice, Some(Notice::DamagedDiscarded));
        // Each request is a change the storage hook acts on, even a repeated one.
        assert_eq!(done.apply(Action::DiscardDamaged).discards, 2);
        // Nothing else about the person changes: not the opt-in, not the other tabs.
        assert_eq!(
            AppState {
                notice: state.notice,
                discards: 0,
                ..done
            },
            state
        );
    }

    #[test]
    fn saved_answers_of_another_content_version_are_said_so_and_the_intro_shows() {
        // A record as the next content version writes it, read through storage's decoder.
        let stored = format!(
            "pcm2:en:1:f:{}",
            crate::answer_code::tests::next_content_code()
        );
        let error = Progress::decode(&stored).err();
        assert_eq!(
            error,
            Some(ProgressError::OtherContentVersion(
                crate::model::CONTENT_VERSION + 1
            ))
        );
        let state = AppState::from_environment(&Environment {
            saved_error: error,
            ..environment("", "", None)
        });
        assert_eq!(
            (state.notice, &state.route),
            (Some(Notice::RestoreOtherVersion), &Route::Intro)
        );
        assert!(state.answers.is_empty() && !state.remember);
        // The app carries on: the notice goes with the first step, which starts afresh.
        let started = state.apply(Action::Start);
        assert_eq!(
            (started.notice, started.route),
            (None, at(Version::Quick, 0))
        );
        // A link's own message still comes first.
        let linked = AppState::from_environment(&Environment {
            saved_error: Some(ProgressError::OtherContentVersion(1)),
            ..environment("", "#r=broken!", None)
        });
        assert_eq!(linked.notice, Some(Notice::LinkDamaged));
    }

    #[test]
    fn a_run_of_an_earlier_content_version_keeps_its_target_and_opt_in_and_says_so() {
        // A remembered, half-finished run of content version 1 opened from a target link.
        let role =
            crate::target::Target::new([Some(70); crate::model::Quality::COUNT], "Jefa de redes");
        let stored = format!(
            "pcm2:es:1:f:EQEH-pNQOB0T1o6q8DI2TCdUMlI:{}",
            crate::target::encode(&role)
        );
        let (saved, saved_error) = Progress::restore(&stored);
        let state = AppState::from_environment(&Environment {
            saved,
            saved_error,
            ..environment("", "", None)
        });
        assert_eq!(
            (state.notice, &state.route),
            (Some(Notice::RestoreOtherVersion), &Route::Intro)
        );
        assert!(state.answers.is_empty());
        assert_eq!(
            (state.remember, state.version, state.target.as_ref()),
            (true, Version::Full, Some(&role))
        );
        // What the app keeps next, in place of the old record: today's, with no answers.
        assert_eq!(
            Progress::decode(&state.progress().encode()),
            Ok(state.progress())
        );
    }

    #[test]
    fn keys_typed_ahead_of_the_screen_answer_the_question_the_state_shows() {
        let key = |choice| Action::AnswerShowing {
            choice,
            on_screen_ms: None,
        };
        let full = AppState::default()
            .apply(Action::SetVersion(Version::Full))
            .apply(Action::Start);
        let typed = [key(0), Action::Next, key(1), Action::Next, key(2)]
            .into_iter()
            .fold(full, |state, action| state.apply(action));
        let questions = Version::Full.questions();
        let chosen: Vec<Option<usize>> = questions[..3]
            .iter()
            .map(|q| typed.answers.get(*q).map(Answer::choice))
            .collect();
        assert_eq!(chosen, [Some(0), Some(1), Some(2)]);
        // A key with no answer on the question showing, or with no question showing, does nothing.
        assert_eq!(typed.apply(key(5)), typed);
        let intro = AppState::default();
        assert_eq!(intro.apply(key(0)), intro);
    }

    #[test]
    fn a_delayed_advance_only_moves_from_its_own_question() {
        let state = AppState::default().apply(Action::Start).apply(Action::Next);
        assert_eq!(state.route, at(Version::Quick, 1));
        assert_eq!(
            state.apply(Action::AdvanceFrom(1)).route,
            at(Version::Quick, 2)
        );
        let went_back = state.apply(Action::Back);
        assert_eq!(
            went_back.apply(Action::AdvanceFrom(1)).route,
            at(Version::Quick, 0)
        );
    }

    #[test]
    fn next_and_back_walk_the_questions_then_the_review() {
        let mut state = AppState::default().apply(Action::Start);
        assert_eq!(state.route, at(Version::Quick, 0));
        let last = Version::Quick.questions().len() - 1;
        for _ in 0..last {
            state = state.apply(Action::Next);
        }
        assert_eq!(state.route, at(Version::Quick, last));
        state = state.apply(Action::Next);
        assert_eq!(state.route, Route::Review);
        assert_eq!(state.apply(Action::Back).route, at(Version::Quick, last));
        let first = AppState::default().apply(Action::Start);
        assert_eq!(first.apply(Action::Back).route, Route::Intro);
    }

    #[test]
    fn start_goes_to_the_first_unanswered_question() {
        let state = AppState::default()
            .apply(answer(Question::Likert(0), agree(5), None))
            .apply(answer(Question::Likert(1), agree(5), None))
            .apply(Action::Start);
        assert_eq!(state.route, at(Version::Quick, 2));
    }

    #[test]
    fn answers_can_be_changed_and_skipped_questions_stay_open() {
        let state = AppState::default()
            .apply(Action::Start)
            .apply(answer(Question::Likert(0), agree(2), None))
            .apply(answer(Question::Likert(0), agree(5), None))
            .apply(Action::Next)
            .apply(Action::Next);
        assert_eq!(state.answers.get(Question::Likert(0)), agree(5));
        assert_eq!(state.answers.get(Question::Likert(1)), None);
        assert_eq!(state.route, at(Version::Quick, 2));
    }

    #[test]
    fn only_a_questions_first_timed_answer_counts_towards_the_pace() {
        use crate::scoring::TOO_FAST_MS;
        let fast = TOO_FAST_MS - 1;
        let state = AppState::default()
            .apply(Action::Start)
            .apply(answer(Question::Likert(0), agree(2), Some(fast)))
            // A change of mind on the same question is not a new reading.
            .apply(answer(Question::Likert(0), agree(4), Some(0)))
            .apply(answer(Question::Likert(1), agree(4), Some(TOO_FAST_MS)))
            // Untimed (no clock) and cleared answers are not counted.
            .apply(answer(Question::Likert(2), agree(4), None))
            .apply(answer(Question::Likert(3), None, Some(0)));
        assert_eq!(
            state.timing,
            Timing {
                answers: 2,
                fast: 1
            }
        );
        // Nor are restored answers: the pace is never stored.
        let reloaded = AppState::from_environment(&environment("", "", Some(state.progress())));
        assert_eq!(reloaded.timing, Timing::default());
        assert_eq!(state.apply(Action::StartOver).timing, Timing::default());
        assert_eq!(state.apply(Action::EraseAll).timing, Timing::default());
    }

    #[test]
    fn switching_language_keeps_the_answers_and_the_screen() {
        let state = AppState::default().apply(Action::Start).apply(answer(
            Question::Likert(0),
            agree(3),
            None,
        ));
        let switched = state.apply(Action::SetLocale(Locale::En));
        assert_eq!(switched.answers, state.answers);
        assert_eq!(switched.route, state.route);
    }

    #[test]
    fn navigation_is_checked_against_the_content() {
        let state = AppState::default();
        assert_eq!(
            state
                .apply(Action::Navigate(at(
                    Version::Quick,
                    Version::Quick.questions().len()
                )))
                .route,
            Route::Intro
        );
        // Results without any answer show the review instead.
        assert_eq!(
            state.apply(Action::Navigate(Route::Results)).route,
            Route::Review
        );
        // A question of the other version switches the version.
        let full = state.apply(Action::Navigate(at(Version::Full, 40)));
        assert_eq!(
            (full.version, full.route),
            (Version::Full, at(Version::Full, 40))
        );
    }

    #[test]
    fn the_address_decides_the_version_at_start_up_and_after() {
        let state = AppState::from_environment(&environment("", "#/full/5", None));
        assert_eq!(
            (state.version, state.current_question()),
            (Version::Full, Some((4, Version::Full.questions()[4])))
        );
        let back = state.apply(Action::Address(Address {
            query: String::new(),
            hash: "#/quick/2".into(),
        }));
        assert_eq!(back.version, Version::Quick);
        assert_eq!(back.route, at(Version::Quick, 1));
    }

    #[test]
    fn the_address_catching_up_with_the_screen_is_not_a_step() {
        let state = AppState::from_environment(&environment(
            "",
            "#/quick/2",
            Some(Progress {
                version: Version::Quick,
                locale: Locale::Es,
                remember: false,
                answers: AppState::default()
                    .apply(answer(Question::Likert(0), agree(5), None))
                    .answers,
                target: None,
            }),
        ));
        assert_eq!(state.notice, Some(Notice::Restored));
        let echo = state.apply(Action::Address(Address {
            query: String::new(),
            hash: state.route.to_hash(),
        }));
        assert_eq!(echo, state);
    }

    #[test]
    fn a_share_link_shows_its_result_without_touching_the_visitors_answers() {
        let mut theirs = Answers::new();
        theirs.set(Question::Likert(5), agree(2)).unwrap();
        let link = share::fragment(Version::Quick, &theirs, None);
        let mine = Progress {
            version: Version::Full,
            locale: Locale::Es,
            remember: true,
            answers: AppState::default()
                .apply(answer(Question::Likert(0), agree(5), None))
                .answers,
            target: None,
        };
        let state = AppState::from_environment(&environment("", &link, Some(mine.clone())));
        assert_eq!(
            state.route,
            Route::Shared(SharedResult {
                version: Version::Quick,
                answers: theirs,
                target: None,
            })
        );
        assert_eq!(
            state.progress(),
            mine,
            "what is stored stays the visitor's own"
        );
        assert_eq!(state.apply(Action::LeaveShared).route, Route::Intro);
    }

    #[test]
    fn a_broken_share_link_says_so_and_shows_the_intro() {
        let state = AppState::from_environment(&environment("", "#r=broken!", None));
        assert_eq!(
            (state.route, state.notice),
            (Route::Intro, Some(Notice::LinkDamaged))
        );
        assert_eq!(
            Notice::for_link(&BadLink {
                kind: LinkKind::Result,
                error: LinkError::OtherContentVersion(9)
            }),
            Notice::LinkOtherVersion
        );
    }

    /// A target link's hash (`#t=…`) with `target`.
    fn target_link(target: &Target) -> String {
        crate::target::fragment(target)
    }

    fn role() -> Target {
        let mut levels = [Some(60); crate::model::Quality::COUNT];
        levels[2] = None;
        Target::new(levels, "Community manager")
    }

    #[test]
    fn a_target_link_keeps_its_target_for_the_whole_run_and_shows_the_intro() {
        let opened = AppState::from_environment(&environment("", &target_link(&role()), None));
        assert_eq!(
            (&opened.route, &opened.target, opened.notice),
            (&Route::Intro, &Some(role()), None)
        );
        // Through the questions, a reload mid-way (the address is now the question's, and the
        // target comes back from the progress record), the review and the results.
        let mut state = opened
            .apply(Action::Start)
            .apply(answer(Question::Likert(0), agree(4), None))
            .apply(Action::Next)
            .apply(Action::Next);
        assert_eq!(state.route, at(Version::Quick, 2));
        let stored = Progress::decode(&state.progress().encode());
        assert_eq!(stored.as_ref().map(|p| &p.target), Ok(&Some(role())));
        state = AppState::from_environment(&environment("", &state.route.to_hash(), stored.ok()));
        assert_eq!(
            (&state.route, &state.target),
            (&at(Version::Quick, 2), &Some(role()))
        );
        state = state
            .apply(Action::Navigate(Route::Review))
            .apply(Action::Navigate(Route::Results));
        assert_eq!(
            (&state.route, &state.target),
            (&Route::Results, &Some(role()))
        );
        // Starting over keeps the role the person is answering for; another link replaces it.
        assert_eq!(state.apply(Action::StartOver).target, Some(role()));
        let other = Target::new([Some(90); crate::model::Quality::COUNT], "");
        let replaced = state.apply(Action::Address(Address {
            query: String::new(),
            hash: target_link(&other),
        }));
        assert_eq!(
            (replaced.route, replaced.target),
            (Route::Intro, Some(other))
        );
    }

    #[test]
    fn erasing_here_or_in_another_tab_drops_the_target() {
        let state = AppState::from_environment(&environment("", &target_link(&role()), None))
            .apply(answer(Question::Likert(0), agree(4), None));
        for erased in [
            state.apply(Action::EraseAll),
            state.apply(Action::ErasedElsewhere),
        ] {
            assert_eq!(erased.target, None);
            assert_eq!(erased.progress().target, None);
        }
    }

    #[test]
    fn a_broken_target_link_says_so_shows_the_intro_and_keeps_any_earlier_target() {
        let mut tampered = crate::target::encode(&role()).into_bytes();
        tampered[6] = if tampered[6] == b'A' { b'B' } else { b'A' };
        let tampered = format!("#t={}", String::from_utf8_lossy(&tampered));
        let state = AppState::from_environment(&environment("", &tampered, None));
        assert_eq!(
            (&state.route, state.notice, &state.target),
            (&Route::Intro, Some(Notice::TargetDamaged), &None)
        );
        let saved = Progress {
            target: Some(role()),
            ..AppState::default().progress()
        };
        let kept = AppState::from_environment(&environment("", &tampered, Some(saved)));
        assert_eq!(
            (kept.notice, kept.target),
            (Some(Notice::TargetDamaged), Some(role()))
        );
        assert_eq!(
            Notice::for_link(&BadLink {
                kind: LinkKind::Target,
                error: LinkError::OtherContentVersion(9)
            }),
            Notice::TargetOtherVersion
        );
    }

    #[test]
    fn a_result_shared_against_a_target_shows_it_without_taking_it_as_the_visitors() {
        let mut theirs = Answers::new();
        theirs.set(Question::Likert(5), agree(2)).unwrap();
        let link = share::fragment(Version::Quick, &theirs, Some(&role()));
        let state = AppState::from_environment(&environment("", &link, None));
        assert_eq!(
            state.route,
            Route::Shared(SharedResult {
                version: Version::Quick,
                answers: theirs,
                target: Some(role()),
            })
        );
        assert_eq!(state.target, None, "the visitor's own run has no target");
    }

    #[test]
    fn the_builder_has_its_address_and_back_leaves_it_for_the_intro() {
        let state = AppState::from_environment(&environment("", "#/recruiter", None));
        assert_eq!(state.route, Route::Recruiter);
        assert_eq!(state.apply(Action::Back).route, Route::Intro);
    }

    #[test]
    fn a_links_message_goes_with_the_next_step() {
        let state = AppState::from_environment(&environment("", "#r=broken!", None));
        // The app's own correction of the address to the intro is not a step…
        let corrected = state.apply(Action::Address(Address {
            query: String::new(),
            hash: "#/".into(),
        }));
        assert_eq!(corrected.notice, Some(Notice::LinkDamaged));
        // …starting is, and so is going elsewhere by the address.
        assert_eq!(corrected.apply(Action::Start).notice, None);
        let elsewhere = corrected.apply(Action::Address(Address {
            query: String::new(),
            hash: "#/quick/3".into(),
        }));
        assert_eq!(elsewhere.notice, None);
    }

    #[test]
    fn attempts_are_kept_only_with_the_opt_in_and_can_be_compared() {
        let answered = AppState::default().apply(answer(Question::Likert(0), agree(4), None));
        let without = answered.apply(Action::RecordAttempt("2026-11-23".into()));
        assert!(
            without.history.is_empty(),
            "nothing kept without the opt-in"
        );
        let with = answered
            .apply(Action::SetRemember(true))
            .apply(Action::RecordAttempt("2026-11-22".into()))
            .apply(answer(Question::Likert(0), agree(2), None))
            .apply(Action::RecordAttempt("2026-11-23".into()));
        assert_eq!(with.history.len(), 2);
        assert_eq!(with.apply(Action::Compare(Some(0))).compare, Some(0));
        assert_eq!(with.apply(Action::Compare(Some(9))).compare, None);
        let opted_out = with
            .apply(Action::Compare(Some(0)))
            .apply(Action::SetRemember(false));
        assert!(opted_out.history.is_empty() && opted_out.compare.is_none());
        assert!(with.apply(Action::EraseAll).history.is_empty());
    }

    #[test]
    fn an_impossible_answer_changes_nothing() {
        let state = AppState::default();
        let next = state.apply(answer(Question::Scenario(0), agree(3), None));
        assert_eq!(next, state);
    }

    #[test]
    fn start_over_and_erase_drop_the_answers() {
        let state = AppState::default()
            .apply(Action::SetRemember(true))
            .apply(Action::SetLocale(Locale::En))
            .apply(answer(Question::Likert(3), agree(1), None));
        let over = state.apply(Action::StartOver);
        assert!(over.answers.is_empty() && over.remember);
        let erased = state.apply(Action::EraseAll);
        assert!(erased.answers.is_empty());
        assert!(!erased.remember);
        assert_eq!(erased.notice, Some(Notice::Erased));
        assert_eq!(
            erased.locale,
            Locale::En,
            "the language is not data about the person"
        );
    }

    #[test]
    fn an_action_that_changes_nothing_keeps_the_same_state() {
        let state = Rc::new(AppState::default());
        let same = state.clone().reduce(Action::SetLocale(Locale::Es));
        assert!(Rc::ptr_eq(&state, &same));
    }

    #[test]
    fn attempts_of_an_earlier_version_are_kept_but_never_compared() {
        let stored = format!(
            "2026-09-01 {}",
            crate::answer_code::tests::next_content_code()
        );
        let earlier = history::decode(&stored);
        assert!(matches!(earlier[..], [Entry::EarlierVersion(_)]));
        let state = AppState::from_environment(&Environment {
            history: earlier.clone(),
            ..environment("", "", None)
        })
        .apply(Action::SetRemember(true))
        .apply(answer(Question::Likert(0), agree(4), None))
        .apply(Action::RecordAttempt("2026-11-23".into()));
        assert_eq!(state.history.len(), 2);
        assert_eq!(state.history[..1], earlier[..]);
        assert_eq!(state.apply(Action::Compare(Some(0))).compare, None);
        assert_eq!(state.apply(Action::Compare(Some(1))).compare, Some(1));
    }

    #[test]
    fn a_refused_write_is_said_once_and_keeps_the_person_where_they_were() {
        let state = AppState::default().apply(Action::Start).apply(answer(
            Question::Likert(0),
            agree(4),
            None,
        ));
        let refused = state.apply(Action::StorageRefused);
        assert_eq!(refused.storage, StorageStatus::Refused);
        assert_eq!(
            (&refused.route, refused.notice),
            (&state.route, state.notice)
        );
        assert_eq!(refused.apply(Action::StorageRefused), refused);
        // Blocked storage stays blocked: nothing was ever written.
        let blocked = AppState {
            storage: StorageStatus::Unavailable,
            ..AppState::default()
        };
        assert_eq!(blocked.apply(Action::StorageRefused), blocked);
    }

    #[test]
    fn another_tabs_erase_drops_this_tabs_answers_and_its_opt_out_stops_remembering() {
        let remembering = AppState::default()
            .apply(Action::SetRemember(true))
            .apply(Action::Start)
            .apply(answer(Question::Likert(0), agree(4), None))
            .apply(Action::RecordAttempt("2026-11-26".into()));
        let erased = remembering.apply(Action::ErasedElsewhere);
        assert!(erased.answers.is_empty() && erased.history.is_empty() && !erased.remember);
        assert_eq!(erased.notice, Some(Notice::ErasedElsewhere));
        assert_eq!(erased.erasures, 0, "this tab tells no one: it was told");
        assert_eq!(remembering.apply(Action::EraseAll).erasures, 1);

        let forgotten = remembering.apply(Action::ForgottenElsewhere);
        assert!(!forgotten.remember && forgotten.history.is_empty());
        assert_eq!(
            forgotten.answers, remembering.answers,
            "this tab's own answers stay"
        );
        assert_eq!(forgotten.notice, Some(Notice::ForgottenElsewhere));
        // A tab that did not remember has nothing to stop.
        let plain = AppState::default();
        assert_eq!(plain.apply(Action::ForgottenElsewhere), plain);
    }

    #[test]
    fn another_remembering_tabs_answers_are_merged_into_this_ones() {
        let mine = AppState::default()
            .apply(Action::SetRemember(true))
            .apply(Action::Start)
            .apply(answer(Question::Likert(0), agree(1), None))
            .apply(answer(Question::Likert(1), agree(2), None))
            .apply(Action::Next);
        let mut theirs = Answers::new();
        theirs.set(Question::Likert(1), agree(5)).unwrap();
        theirs.set(Question::Likert(2), agree(3)).unwrap();
        // A full-version question, which this quick tab keeps for when it switches.
        theirs
            .set(Question::Scenario(4), Some(Answer::Choose(2)))
            .unwrap();
        let merged = mine.apply(Action::AnsweredElsewhere(theirs.clone()));
        let got = |q| merged.answers.get(q);
        assert_eq!(
            got(Question::Likert(0)),
            agree(1),
            "open there: this tab's stays"
        );
        assert_eq!(
            got(Question::Likert(1)),
            agree(5),
            "answered there: theirs wins"
        );
        assert_eq!(got(Question::Likert(2)), agree(3));
        assert_eq!(got(Question::Scenario(4)), Some(Answer::Choose(2)));
        assert_eq!(merged.notice, Some(Notice::AnsweredElsewhere));
        assert_eq!(
            (merged.version, &merged.route, merged.remember),
            (Version::Quick, &mine.route, true),
            "the version and the screen are this tab's own"
        );
        assert_eq!(merged.progress().answers, merged.answers, "and it is kept");
        // The notice goes with the person's next step, as the others do.
        assert_eq!(merged.apply(Action::Next).notice, None);
    }

    #[test]
    fn answers_this_tab_already_has_change_nothing_so_nothing_is_written_back() {
        let mine = AppState::from_environment(&environment(
            "",
            "#/quick/2",
            Some(Progress {
                version: Version::Quick,
                locale: Locale::Es,
                remember: true,
                answers: AppState::default()
                    .apply(answer(Question::Likert(0), agree(4), None))
                    .apply(answer(Question::Likert(1), agree(2), None))
                    .answers,
                target: None,
            }),
        ));
        assert_eq!(mine.notice, Some(Notice::Restored));
        let state = Rc::new(mine.clone());
        // The same answers (what this tab itself wrote, echoed back in another language, say),
        // and a subset of them: the same state, so no render, no write and the notice stays.
        let mut subset = Answers::new();
        subset.set(Question::Likert(1), agree(2)).unwrap();
        for theirs in [mine.answers.clone(), subset, Answers::new()] {
            let same = state.clone().reduce(Action::AnsweredElsewhere(theirs));
            assert!(Rc::ptr_eq(&state, &same));
        }
        // Two tabs exchanging their records end up with the same answers, and a further
        // exchange changes neither.
        let mut other = AppState::default().apply(Action::SetRemember(true));
        other = other.apply(answer(Question::Likert(1), agree(5), None));
        other = other.apply(answer(Question::Likert(7), agree(1), None));
        let here = mine.apply(Action::AnsweredElsewhere(other.answers.clone()));
        let there = other.apply(Action::AnsweredElsewhere(here.answers.clone()));
        assert_eq!(here.answers, there.answers);
        assert_eq!(
            here.apply(Action::AnsweredElsewhere(there.answers.clone())),
            here
        );
    }

    #[test]
    fn a_tab_that_does_not_remember_takes_in_no_other_tabs_answers() {
        let plain = AppState::default().apply(Action::Start).apply(answer(
            Question::Likert(0),
            agree(3),
            None,
        ));
        let mut theirs = Answers::new();
        theirs.set(Question::Likert(1), agree(5)).unwrap();
        assert_eq!(
            plain.apply(Action::AnsweredElsewhere(theirs.clone())),
            plain
        );
        // Nor does one that another tab's erase or opt-out stopped remembering.
        let remembering = plain.apply(Action::SetRemember(true));
        for stopped in [
            remembering.apply(Action::ErasedElsewhere),
            remembering.apply(Action::ForgottenElsewhere),
        ] {
            assert_eq!(
                stopped.apply(Action::AnsweredElsewhere(theirs.clone())),
                stopped
            );
        }
    }

    #[test]
    fn merged_answers_keep_every_screen_valid() {
        let full = AppState::default()
            .apply(Action::SetRemember(true))
            .apply(Action::Navigate(at(Version::Full, 45)));
        let mut quick_answers = Answers::new();
        quick_answers.set(Question::Likert(0), agree(2)).unwrap();
        let screens = [
            full.clone(),
            full.apply(Action::Navigate(Route::Review)),
            full.apply(Action::Navigate(Route::Intro)),
            full.apply(answer(Question::Likert(3), agree(4), None))
                .apply(Action::Navigate(Route::Results)),
        ];
        for state in screens {
            let merged = state.apply(Action::AnsweredElsewhere(quick_answers.clone()));
            assert_eq!(
                (merged.version, &merged.route),
                (state.version, &state.route)
            );
            assert_eq!(merged.route, merged.checked(merged.route.clone()));
        }
    }
}
