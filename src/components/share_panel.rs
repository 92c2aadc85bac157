//! The share link: the answers packed into the URL fragment (`#r=…`, and `&t=…` with a role's
//! target), which browsers never send to any server. The link is always shown, so it can be copied by hand when the clipboard says no.

use yew::prelude::*;

use super::copy_field::{Copied, copy_field};
use crate::answers::Answers;
use crate::i18n::Locale;
use crate::model::Version;
use crate::platform::page;
use crate::share;
use crate::target::Target;

/// Properties of [`SharePanel`].
#[derive(Properties, PartialEq)]
pub(crate) struct SharePanelProps {
    /// The language to show.
    pub(crate) locale: Locale,
    /// The version answered.
    pub(crate) version: Version,
    /// The answers to share.
    pub(crate) answers: Answers,
    /// The language the sharer's address asked for (`?lang=`), which the link keeps.
    pub(crate) lang: Option<Locale>,
    /// The role's target the result was made against, which the link carries too.
    #[prop_or_default]
    pub(crate) target: Option<Target>,
}

/// The link, a copy button and what happened.
#[component]
pub(crate) fn SharePanel(props: &SharePanelProps) -> Html {
    let copied = use_state(|| -> Copied { None });
    let later = crate::i18n::later_ui(props.locale);
    let link = share::link(
        &page::page_location(),
        props.lang,
        props.version,
        &props.answers,
        props.target.as_ref(),
    );
    html! {
        <section class="share" aria-labelledby="share-title">
            <h2 id="share-title" class="share__title">{ later.share_title }</h2>
            <p class="share__note">{ later.share_note }</p>
            if props.target.is_some() {
                <p class="share__note">{ later.share_note_target }</p>
            }
            { copy_field(later, "share-link", later.share_label, later.share_copy, link, false, &copied) }
        </section>
    }
}
