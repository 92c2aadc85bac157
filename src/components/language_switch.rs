//! The language switch: one button per locale, each labelled in its own language.

use yew::prelude::*;

use crate::hooks::use_locale;
use crate::i18n::Locale;

/// Properties of [`LanguageSwitch`].
#[derive(Properties, PartialEq)]
pub(crate) struct LanguageSwitchProps {
    /// A language chosen whose words are still on their way: its button says it is busy.
    #[prop_or_default]
    pub(crate) pending: Option<Locale>,
    /// The user chose a language.
    pub(crate) on_change: Callback<Locale>,
}

/// Buttons to switch the language; the current one is marked `aria-pressed="true"`.
#[component]
pub(crate) fn LanguageSwitch(props: &LanguageSwitchProps) -> Html {
    let current = use_locale();
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
                            aria-busy={(props.pending == Some(locale)).then_some("true")}
                            onclick={props.on_change.reform(move |_: MouseEvent| locale)}
                        >
                            { locale.ui().language_name }
                        </button>
                    </li>
                }
            </ul>
        </nav>
    }
}
