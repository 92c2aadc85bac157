//! The questionnaire screen. For now a placeholder that the questionnaire issue replaces.

use yew::prelude::*;

use crate::i18n::Locale;

/// Properties of [`Questionnaire`].
#[derive(Properties, PartialEq)]
pub struct QuestionnaireProps {
    /// The language to show.
    pub locale: Locale,
    /// The user wants to go back to the intro.
    pub on_back: Callback<()>,
}

/// The questions.
#[component]
pub fn Questionnaire(props: &QuestionnaireProps) -> Html {
    let ui = props.locale.ui();
    html! {
        <section class="questionnaire" aria-labelledby="questionnaire-title">
            <h1 id="questionnaire-title" class="questionnaire__title" tabindex="-1">
                { ui.app_name }
            </h1>
            <p>{ ui.questionnaire_placeholder }</p>
            <button type="button" class="button" onclick={props.on_back.reform(|_: MouseEvent| ())}>
                { ui.back_to_intro }
            </button>
        </section>
    }
}
