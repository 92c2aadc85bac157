//! Messages about the person's data: answers restored, answers that could not be restored,
//! data erased, and storage that the browser blocks.

use yew::prelude::*;

use super::action_button::ActionButton;

use crate::i18n::{Locale, fill};
use crate::state::{Action, Notice, StorageStatus};

/// Properties of [`NoticeBar`].
#[derive(Properties, PartialEq)]
pub struct NoticeBarProps {
    /// The language to show.
    pub locale: Locale,
    /// The notice to show, if any.
    pub notice: Option<Notice>,
    /// Whether storage works; when it does not, a standing warning says so.
    pub storage: StorageStatus,
    /// `DismissNotice` and `StartOver`.
    pub on_action: Callback<Action>,
}

/// A polite live region, so that screen readers announce each message once.
#[component]
pub fn NoticeBar(props: &NoticeBarProps) -> Html {
    let ui = props.locale.ui();
    let message = match props.notice {
        Some(Notice::Restored) => html! {
            <div class="notice notice--info">
                <p class="notice__text">{ ui.notice_restored }</p>
                <div class="notice__actions">
                    <ActionButton label={ui.notice_keep} action={Action::DismissNotice} on_action={props.on_action.clone()} class="button--small" />
                    <ActionButton label={ui.start_over} action={Action::StartOver} on_action={props.on_action.clone()} class="button--small button--quiet" />
                </div>
            </div>
        },
        Some(notice) => html! {
            <div class="notice notice--info">
                <p class="notice__text">
                    { match notice {
                        Notice::Erased => ui.notice_erased.to_owned(),
                        Notice::LinkDamaged => ui.notice_link_damaged.to_owned(),
                        Notice::LinkOtherVersion => ui.notice_link_other_version.to_owned(),
                        Notice::UnknownLanguage => {
                            fill(ui.notice_unknown_language, &[("language", ui.language_name)])
                        }
                        Notice::RestoreFailed | Notice::Restored => ui.notice_restore_failed.to_owned(),
                    } }
                </p>
                <ActionButton label={ui.dismiss} action={Action::DismissNotice} on_action={props.on_action.clone()} class="button--small button--quiet" />
            </div>
        },
        None => Html::default(),
    };
    html! {
        <div class="notices" role="status" aria-live="polite">
            if props.storage == StorageStatus::Unavailable {
                <p class="notice notice--warning notice__text">{ ui.notice_storage_unavailable }</p>
            }
            { message }
        </div>
    }
}
