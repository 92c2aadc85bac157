//! The root component: owns the state, chooses the screen and gives it the language, and turns
//! each screen's callbacks into actions. Effects live in [`crate::hooks`].

use yew::prelude::*;

use super::intro::{IntroProps, intro};
use super::language_switch::language_switch;
use super::notice_bar::notice_bar;
use super::question::QuestionScreen;
use super::recruiter_builder::RecruiterBuilder;
use super::results::{OwnResult, ResultSource, Results};
use super::review::{ReviewProps, review};
use crate::address::Route;
use crate::hooks::{
    use_address_sync, use_attempt_recording, use_focus_kept, use_page_language,
    use_prerender_takeover, use_question_clock, use_question_keys, use_rest_fetched,
    use_screen_focus, use_storage_sync, use_texts_loading, use_widget_look,
};
use crate::platform::page;
use crate::state::{Action, AppState};

/// The whole app.
#[component]
pub(crate) fn App() -> Html {
    let state = use_reducer(|| AppState::from_environment(&page::environment()));
    let dispatch = {
        let dispatcher = state.dispatcher();
        Callback::from(move |action: Action| dispatcher.dispatch(action))
    };
    // A callback that sends `action` whatever it is given.
    let send = |action: Action| dispatch.reform(move |()| action.clone());

    // First, so that the app shows before any other effect moves focus in it.
    use_prerender_takeover(state.pending_locale.is_none(), dispatch.clone());
    use_texts_loading(state.pending_locale, dispatch.clone());
    use_page_language(state.locale);
    use_widget_look(&state.options);
    use_storage_sync(&state, dispatch.clone());
    use_rest_fetched(!state.answers.is_empty());
    use_attempt_recording(&state.route, state.remember, dispatch.clone());
    use_address_sync(&state.route, dispatch.reform(Action::Address));
    let clock = use_question_clock(state.current_question().map(|(_, question)| question));
    let app_element = use_node_ref();
    // Before the screen's focus, which wins when a key also moved to another question.
    use_question_keys(clock.clone(), app_element.clone(), dispatch.clone());
    use_screen_focus(&state.route);
    // After the screen's focus, which has then already put focus somewhere.
    use_focus_kept(state.notice, &state.route, app_element.clone());

    let on_remember = dispatch.reform(Action::SetRemember);
    let on_erase = send(Action::EraseAll);
    let screen = match &state.route {
        // The reducer turns a target link into the intro: never the route showing.
        Route::Intro | Route::Target(_) => intro(
            state.locale,
            &IntroProps {
                version: state.version,
                version_fixed: state.options.mode.is_some(),
                title: state.options.title.clone().map(AttrValue::from),
                has_answers: !state.answers.is_empty(),
                remember: state.remember,
                storage: state.storage,
                target: state.target.clone(),
                on_version: dispatch.reform(Action::SetVersion),
                on_start: send(Action::Start),
                on_remember,
                on_erase,
            },
        ),
        Route::Question { .. } => match state.current_question() {
            Some((position, question)) => {
                let clock = clock.clone();
                html! {
                    <QuestionScreen
                        locale={state.locale}
                        key={position}
                        {question}
                        {position}
                        total={state.questions().len()}
                        answer={state.answers.get(question)}
                        on_answer={dispatch.reform(move |answer| Action::Answer {
                            question,
                            answer,
                            on_screen_ms: clock.on_screen_ms(),
                        })}
                        on_next={send(Action::Next)}
                        on_advance={send(Action::AdvanceFrom(position))}
                        on_back={send(Action::Back)}
                    />
                }
            }
            // The reducer keeps a question route within its version's questions.
            None => Html::default(),
        },
        Route::Review => {
            let version = state.version;
            review(
                state.locale,
                &ReviewProps {
                    questions: state.questions(),
                    answers: state.answers.clone(),
                    remember: state.remember,
                    storage: state.storage,
                    on_open: dispatch.reform(move |position| {
                        Action::Navigate(Route::Question { version, position })
                    }),
                    on_results: send(Action::Navigate(Route::Results)),
                    on_back: send(Action::Back),
                    on_remember,
                    on_erase,
                },
            )
        }
        Route::Results | Route::Recruiter | Route::Shared(_) => later_screen(&state, &dispatch),
    };

    let locale = state.locale;
    html! {
        <div class="perfil" lang={locale.code()} ref={app_element}>
            <header class="perfil__bar">
                <span class="perfil__brand">{ locale.ui().app_name }</span>
                { language_switch(locale, state.pending_locale, &dispatch.reform(Action::SetLocale)) }
            </header>
            { notice_bar(
                locale,
                state.notice,
                state.storage,
                &send(Action::DismissNotice),
                &send(Action::StartOver),
                &send(Action::DiscardDamaged),
            ) }
            <div class="perfil__screen">{ screen }</div>
        </div>
    }
}

/// The screens reached only after the first questions or from a link: the results, one's own or
/// shared, and the recruiters' builder. Never inlined, so that it goes to the wasm's second part
/// with them (tools/wasm-split).
#[inline(never)]
fn later_screen(state: &AppState, dispatch: &Callback<Action>) -> Html {
    let send = |action: Action| dispatch.reform(move |()| action.clone());
    match &state.route {
        Route::Recruiter => {
            html! { <RecruiterBuilder locale={state.locale} on_back={send(Action::Back)} /> }
        }
        Route::Shared(shared) => html! {
            <Results
                locale={state.locale}
                source={ResultSource::Shared(shared.clone())}
                on_leave_shared={send(Action::LeaveShared)}
            />
        },
        _ => html! {
            <Results
                locale={state.locale}
                source={ResultSource::Own(OwnResult {
                    version: state.version,
                    answers: state.answers.clone(),
                    history: state.history.clone(),
                    compare: state.compare,
                    timing: state.timing,
                    remember: state.remember,
                    storage: state.storage,
                    lang: state.options.lang,
                    target: state.target.clone(),
                })}
                on_back={send(Action::Back)}
                on_start_over={send(Action::StartOver)}
                on_compare={dispatch.reform(Action::Compare)}
                on_remember={dispatch.reform(Action::SetRemember)}
                on_erase={send(Action::EraseAll)}
            />
        },
    }
}
