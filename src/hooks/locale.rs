//! The language of the interface: mirrored on the page, and its words fetched when chosen.
//! (The root hands the language to each screen as a prop.)

use yew::prelude::*;

use crate::i18n::Locale;
use crate::platform::{page, texts, warn_that};
use crate::state::Action;

/// Keeps the page's `lang` and title in step with `locale` (on the app's own page only).
#[hook]
pub(crate) fn use_page_language(locale: Locale) {
    use_effect_with(locale, |locale| page::show_locale(*locale));
}

/// Fetches the words of `pending`, the language chosen but not yet shown, and then switches to
/// it (unless another language was chosen meanwhile); if they cannot be had, says so and stays
/// in the language showing.
#[hook]
pub(crate) fn use_texts_loading(pending: Option<Locale>, dispatch: Callback<Action>) {
    use_effect_with(pending, move |pending| {
        if let Some(locale) = *pending {
            wasm_bindgen_futures::spawn_local(async move {
                match texts::load(locale).await {
                    Ok(()) => dispatch.emit(Action::LanguageArrived(locale)),
                    Err(error) => {
                        // Displayed, not debug-printed: the message says it all, and the
                        // escaping machinery of `{:?}` for strings costs 2 KB of wasm.
                        warn_that(&format!(
                            "could not load the {} texts: {error}",
                            locale.code()
                        ));
                        dispatch.emit(Action::LanguageUnavailable(locale));
                    }
                }
            });
        }
    });
}
