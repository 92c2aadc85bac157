//! Messages about the person's data: answers restored, answers that could not be restored,
//! data erased, links that could not be opened, what other tabs did, and storage that the
//! browser blocks.
//!
//! A plain function of the app's frame rather than a component, like `data_controls`: it holds
//! no state, and adds no component machinery to the wasm.

use yew::prelude::*;

use super::action_button::action_button;
use crate::i18n::{Locale, fill, later_ui};
use crate::state::{Notice, StorageStatus};

/// The messages in `locale`, in a polite live region so that screen readers announce each once:
/// `notice`, if any, and a standing warning when `storage` does not work. `on_dismiss`: the
/// notice was dismissed (restored answers are kept); `on_start_over`: "Empezar de nuevo",
/// offered with restored answers; `on_discard`: "Borrar las respuestas dañadas", offered with
/// stored answers that could not be read.
pub(crate) fn notice_bar(
    locale: Locale,
    notice: Option<Notice>,
    storage: StorageStatus,
    on_dismiss: &Callback<()>,
    on_start_over: &Callback<()>,
    on_discard: &Callback<()>,
) -> Html {
    let ui = locale.ui();
    let message = match notice {
        Some(Notice::Restored) => with_choice(
            ui.notice_restored,
            action_button(ui.notice_keep, on_dismiss, "button--small"),
            action_button(ui.start_over, on_start_over, "button--small button--quiet"),
        ),
        Some(notice) => other_notice(locale, notice, on_dismiss, on_discard),
        None => Html::default(),
    };
    html! {
        <div class="notice-bar" role="status" aria-live="polite">
            if matches!(storage, StorageStatus::Unavailable | StorageStatus::Refused) {
                <p class="notice-bar__item notice-bar__item--warning notice-bar__text">{ ui.notice_storage_unavailable }</p>
            }
            { message }
        </div>
    }
}

/// Every notice but the one of restored answers, which a returning person sees at start: these
/// follow a step, a link or another tab, and are rare. Never inlined, so that it goes to the
/// wasm's second part (tools/wasm-split), which a stub loads if one is shown before it arrives;
/// so do their words, but for the close button's (`LATER_NOTICES` in build/content.rs).
#[inline(never)]
fn other_notice(
    locale: Locale,
    notice: Notice,
    on_dismiss: &Callback<()>,
    on_discard: &Callback<()>,
) -> Html {
    let ui = locale.ui();
    let later = later_ui(locale);
    if notice == Notice::RestoreFailed {
        return with_choice(
            later.notice_restore_failed,
            action_button(
                later.notice_discard_damaged,
                on_discard,
                "button--small notice-bar__discard",
            ),
            action_button(ui.dismiss, on_dismiss, "button--small button--quiet"),
        );
    }
    // A language whose words could not be had is told so in that language, which the
    // person who chose it reads: in the words every language carries compiled in.
    let (dismiss, lang) = match notice {
        Notice::LanguageUnavailable(locale) => (locale.own_words().dismiss, Some(locale.code())),
        _ => (ui.dismiss, None),
    };
    let text = match notice {
        Notice::Erased => later.notice_erased.to_owned(),
        Notice::ErasedElsewhere => later.notice_erased_elsewhere.to_owned(),
        Notice::ForgottenElsewhere => later.notice_forgotten_elsewhere.to_owned(),
        Notice::AnsweredElsewhere => later.notice_answered_elsewhere.to_owned(),
        Notice::LinkDamaged => later.notice_link_damaged.to_owned(),
        Notice::LinkOtherVersion => later.notice_link_other_version.to_owned(),
        Notice::TargetDamaged => later.notice_target_damaged.to_owned(),
        Notice::TargetOtherVersion => later.notice_target_other_version.to_owned(),
        Notice::UnknownLanguage => fill(
            later.notice_unknown_language,
            &[("language", ui.language_name)],
        ),
        Notice::LanguageUnavailable(locale) => {
            locale.own_words().notice_language_unavailable.to_owned()
        }
        Notice::RestoreOtherVersion => later.notice_restore_other_version.to_owned(),
        Notice::DamagedDiscarded => later.notice_damaged_discarded.to_owned(),
        // Drawn above with their choices; named here only because a match names all.
        Notice::RestoreFailed | Notice::Restored => later.notice_restore_failed.to_owned(),
    };
    html! {
        <div class="notice-bar__item notice-bar__item--info" {lang}>
            <p class="notice-bar__text">{ text }</p>
            { action_button(dismiss, on_dismiss, "button--small button--quiet") }
        </div>
    }
}

/// A notice that offers a choice of two buttons, the one most people want first. Inlined: a
/// function of its own cost 105 bytes of wasm (brotli) more than this.
#[inline(always)]
fn with_choice(text: &'static str, first: Html, second: Html) -> Html {
    html! {
        <div class="notice-bar__item notice-bar__item--info">
            <p class="notice-bar__text">{ text }</p>
            <div class="notice-bar__actions">{ first }{ second }</div>
        </div>
    }
}
