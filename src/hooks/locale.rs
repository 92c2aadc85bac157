//! The language of the interface: provided once by the root as a context, read by every
//! component, and mirrored on the page.

use yew::prelude::*;

use crate::i18n::Locale;
use crate::platform::page;

/// The language the app shows, from the root's context; Spanish, the source language, for a
/// component rendered outside the app (a test, say).
#[hook]
pub(crate) fn use_locale() -> Locale {
    use_context::<Locale>().unwrap_or_default()
}

/// Keeps the page's `lang` and title in step with `locale` (on the app's own page only).
#[hook]
pub(crate) fn use_page_language(locale: Locale) {
    use_effect_with(locale, |locale| page::show_locale(*locale));
}
