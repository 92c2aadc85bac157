//! The root component: owns the state, chooses the screen, and keeps the browser in step with
//! the state (storage, address bar, focus, page language).

use yew::prelude::*;

use super::intro::Intro;
use super::language_switch::LanguageSwitch;
use super::notice_bar::NoticeBar;
use super::question::QuestionScreen;
use super::results::Results;
use super::review::Review;
use crate::platform::{page, storage};
use crate::route::Route;
use crate::share;
use crate::state::{Action, AppState, StorageStatus};

/// The id of the heading that takes focus when `route` appears.
fn heading_id(route: Route) -> &'static str {
    match route {
        Route::Intro => "intro-title",
        Route::Question { .. } => "question-title",
        Route::Review => "review-title",
        Route::Results | Route::Shared => "results-title",
    }
}

/// The whole app.
#[component]
pub fn App() -> Html {
    let state = use_reducer(|| AppState::from_environment(&page::environment()));

    use_effect_with(state.locale, |locale| page::show_locale(*locale));

    // Keep answers in progress. Storage may refuse (quota, revoked access): the app carries on.
    use_effect_with((state.progress(), state.storage), |(progress, status)| {
        if *status == StorageStatus::Available {
            let _ = storage::save(progress);
        }
    });

    // Earlier attempts follow the opt-in.
    use_effect_with(
        (state.history.clone(), state.remember, state.storage),
        |(history, remember, status)| {
            if *status == StorageStatus::Available {
                let _ = storage::save_history(history, *remember);
            }
        },
    );
    // Seeing one's own results finishes an attempt (kept only with the opt-in).
    {
        let dispatcher = state.dispatcher();
        use_effect_with((state.route, state.remember), move |(route, remember)| {
            if *route == Route::Results && *remember {
                dispatcher.dispatch(Action::RecordAttempt(page::today()));
            }
        });
    }

    // The address bar follows the screen; Back and Forward come back as navigation.
    use_effect_with(state.route, |route| page::show_route(*route));
    {
        let dispatcher = state.dispatcher();
        use_effect_with((), move |()| {
            let listener = page::on_hash_change(move |hash| {
                let route = Route::parse(&hash);
                dispatcher.dispatch(if route == Route::Shared {
                    Action::OpenShared(share::decode(&hash))
                } else {
                    Action::Navigate(route)
                });
            });
            move || drop(listener)
        });
    }

    // Focus the new screen's heading when the screen changes, but not on first load: focus
    // must not jump into an embedded widget while the reader is on the host page.
    let first_render = use_mut_ref(|| true);
    use_effect_with(
        (state.route, state.current_question()),
        move |(route, _)| {
            if !std::mem::replace(&mut *first_render.borrow_mut(), false) {
                page::focus(heading_id(*route));
            }
        },
    );

    let dispatch = {
        let state = state.clone();
        Callback::from(move |action: Action| {
            if action == Action::EraseAll {
                let _ = storage::erase();
            }
            state.dispatch(action);
        })
    };
    let locale = state.locale;
    let ui = locale.ui();

    let screen = match state.route {
        Route::Intro => html! {
            <Intro
                {locale}
                version={state.version}
                has_answers={!state.answers.is_empty()}
                remember={state.remember}
                storage={state.storage}
                on_action={dispatch.clone()}
            />
        },
        Route::Question { .. } => match state.current_question() {
            Some((position, question)) => html! {
                <QuestionScreen
                    key={position}
                    {locale}
                    {question}
                    {position}
                    total={state.questions().len()}
                    answer={state.answers.get(question)}
                    on_action={dispatch.clone()}
                />
            },
            None => Html::default(),
        },
        Route::Review => html! {
            <Review
                {locale}
                version={state.version}
                questions={state.questions()}
                answers={state.answers.clone()}
                remember={state.remember}
                storage={state.storage}
                on_action={dispatch.clone()}
            />
        },
        Route::Shared => match &state.shared {
            Some(shared) => html! {
                <Results
                    {locale}
                    version={shared.version}
                    answers={shared.answers.clone()}
                    shared=true
                    remember={state.remember}
                    storage={state.storage}
                    on_action={dispatch.clone()}
                />
            },
            None => Html::default(),
        },
        Route::Results => html! {
            <Results
                {locale}
                version={state.version}
                answers={state.answers.clone()}
                history={state.history.clone()}
                compare={state.compare}
                timing={state.timing}
                remember={state.remember}
                storage={state.storage}
                on_action={dispatch.clone()}
            />
        },
    };

    html! {
        <div class="perfil" lang={locale.code()}>
            <header class="perfil__bar">
                <span class="perfil__brand">{ ui.app_name }</span>
                <LanguageSwitch
                    current={locale}
                    on_change={dispatch.reform(Action::SetLocale)}
                />
            </header>
            <NoticeBar
                {locale}
                notice={state.notice}
                storage={state.storage}
                on_action={dispatch.clone()}
            />
            <div class="perfil__screen">{ screen }</div>
        </div>
    }
}
