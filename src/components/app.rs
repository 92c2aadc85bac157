//! The root component: owns the state and chooses the screen.

use yew::prelude::*;

use super::intro::Intro;
use super::language_switch::LanguageSwitch;
use super::questionnaire::Questionnaire;
use crate::platform::page;
use crate::state::{Action, AppState, Screen};

/// The whole app.
#[component]
pub fn App() -> Html {
    let state =
        use_reducer(|| AppState::from_environment(&page::query(), &page::browser_languages()));

    use_effect_with(state.locale, |locale| page::show_locale(*locale));
    // Focus the new screen's heading when the screen changes, but not on first load: focus
    // must not jump into an embedded widget while the reader is on the host page.
    let first_render = use_mut_ref(|| true);
    use_effect_with(state.screen, move |screen| {
        if !std::mem::replace(&mut *first_render.borrow_mut(), false) {
            page::focus(screen.heading_id());
        }
    });

    let dispatch = |action: Action| {
        let state = state.clone();
        Callback::from(move |()| state.dispatch(action))
    };
    let on_locale_change = {
        let state = state.clone();
        Callback::from(move |locale| state.dispatch(Action::SetLocale(locale)))
    };
    let locale = state.locale;
    let ui = locale.ui();

    html! {
        <div class="perfil" lang={locale.code()}>
            <header class="perfil__bar">
                <span class="perfil__brand">{ ui.app_name }</span>
                <LanguageSwitch current={locale} on_change={on_locale_change} />
            </header>
            <div class="perfil__screen">
                { match state.screen {
                    Screen::Intro => html! {
                        <Intro {locale} on_start={dispatch(Action::Start)} />
                    },
                    Screen::Questionnaire => html! {
                        <Questionnaire {locale} on_back={dispatch(Action::BackToIntro)} />
                    },
                } }
            </div>
        </div>
    }
}
