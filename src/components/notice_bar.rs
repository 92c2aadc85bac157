//! Messages about the person's data: answers restored, answers that could not be restored,
//! data erased, links that could not be opened, what other tabs did, and storage that the
//! browser blocks.

use yew::prelude::*;

use super::action_button::ActionButton;
use crate::hooks::use_locale;
use crate::i18n::fill;
use crate::state::{Notice, StorageStatus};

/// Properties of [`NoticeBar`].
#[derive(Properties, PartialEq)]
pub(crate) struct NoticeBarProps {
    /// The notice to show, if any.
    pub(crate) notice: Option<Notice>,
    /// Whether storage works; when it does not, a standing warning says so.
    pub(crate) storage: StorageStatus,
    /// The notice was dismissed (restored answers are kept).
    pub(crate) on_dismiss: Callback<()>,
    /// "Empezar de nuevo", offered with restored answers.
    pub(crate) on_start_over: Callback<()>,
}

/// A polite live region, so that screen readers announce each message once.
#[component]
pub(crate) fn NoticeBar(props: &NoticeBarProps) -> Html {
    let ui = use_locale().ui();
    let message = match props.notice {
        Some(Notice::Restored) => html! {
            <div class="notice-bar__item notice-bar__item--info">
                <p class="notice-bar__text">{ ui.notice_restored }</p>
                <div class="notice-bar__actions">
                    <ActionButton label={ui.notice_keep} on_press={props.on_dismiss.clone()} class="button--small" />
                    <ActionButton label={ui.start_over} on_press={props.on_start_over.clone()} class="button--small button--quiet" />
                </div>
            </div>
        },
        Some(notice) => {
            // A language whose words could not be had is told so in that language: the person
            // who chose it reads that one.
            let (words, lang) = match notice {
                Notice::LanguageUnavailable(locale) => (locale.ui(), Some(locale.code())),
                _ => (ui, None),
            };
            let text = match notice {
                Notice::Erased => ui.notice_erased.to_owned(),
                Notice::ErasedElsewhere => ui.notice_erased_elsewhere.to_owned(),
                Notice::ForgottenElsewhere => ui.notice_forgotten_elsewhere.to_owned(),
                Notice::AnsweredElsewhere => ui.notice_answered_elsewhere.to_owned(),
                Notice::LinkDamaged => ui.notice_link_damaged.to_owned(),
                Notice::LinkOtherVersion => ui.notice_link_other_version.to_owned(),
                Notice::TargetDamaged => ui.notice_target_damaged.to_owned(),
                Notice::TargetOtherVersion => ui.notice_target_other_version.to_owned(),
                Notice::UnknownLanguage => fill(
                    ui.notice_unknown_language,
                    &[("language", ui.language_name)],
                ),
                Notice::LanguageUnavailable(_) => words.notice_language_unavailable.to_owned(),
                Notice::RestoreOtherVersion => ui.notice_restore_other_version.to_owned(),
                Notice::RestoreFailed | Notice::Restored => ui.notice_restore_failed.to_owned(),
            };
            html! {
                <div class="notice-bar__item notice-bar__item--info" {lang}>
                    <p class="notice-bar__text">{ text }</p>
                    <ActionButton label={words.dismiss} on_press={props.on_dismiss.clone()} class="button--small button--quiet" />
                </div>
            }
        }
        None => Html::default(),
    };
    html! {
        <div class="notice-bar" role="status" aria-live="polite">
            if matches!(props.storage, StorageStatus::Unavailable | StorageStatus::Refused) {
                <p class="notice-bar__item notice-bar__item--warning notice-bar__text">{ ui.notice_storage_unavailable }</p>
            }
            { message }
        </div>
    }
}
