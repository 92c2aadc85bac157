//! The language switch: one button per locale, each labelled in its own language.
//!
//! A plain function of the app's header rather than a component, like `data_controls`: it
//! holds no state, and adds no component machinery to the wasm.

use yew::prelude::*;

use crate::i18n::Locale;

/// Buttons to switch the language from `current`; its button is marked `aria-pressed="true"`,
/// and the button of a language chosen whose words are still on their way (`pending`) says it
/// is busy. `on_change` gets the language chosen.
pub(crate) fn language_switch(
    current: Locale,
    pending: Option<Locale>,
    on_change: &Callback<Locale>,
) -> Html {
    html! {
        <nav class="lang-switch" aria-label={current.ui().language_switch_label}>
            <ul class="lang-switch__list">
                for locale in Locale::ALL {
                    <li key={locale.code()}>
                        <button
                            type="button"
                            class={classes!(
                                "lang-switch__option",
                                (locale == current).then_some("lang-switch__option--current"),
                            )}
                            lang={locale.code()}
                            aria-pressed={(locale == current).to_string()}
                            aria-busy={(pending == Some(locale)).then_some("true")}
                            onclick={on_change.reform(move |_: MouseEvent| locale)}
                        >
                            { locale.own_words().language_name }
                        </button>
                    </li>
                }
            </ul>
        </nav>
    }
}
