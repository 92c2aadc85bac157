//! The share link: the answers packed into the URL fragment (`#r=…`, and `&t=…` with a role's
//! target), which browsers never send to any server. The link is always shown, so it can be copied by hand when the clipboard says no.

use yew::prelude::*;

use crate::answers::Answers;
use crate::hooks::use_locale;
use crate::i18n::Locale;
use crate::model::Version;
use crate::platform::{clipboard, page};
use crate::share;
use crate::target::Target;

/// Properties of [`SharePanel`].
#[derive(Properties, PartialEq)]
pub(crate) struct SharePanelProps {
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
    let status = use_state(|| None::<bool>);
    let ui = use_locale().ui();
    let link = share::link(
        &page::page_location(),
        props.lang,
        props.version,
        &props.answers,
        props.target.as_ref(),
    );
    let on_copy = {
        let (status, link) = (status.clone(), link.clone());
        Callback::from(move |_: MouseEvent| {
            let (status, link) = (status.clone(), link.clone());
            wasm_bindgen_futures::spawn_local(async move {
                status.set(Some(clipboard::copy(&link).await.is_ok()));
            });
        })
    };
    html! {
        <section class="share" aria-labelledby="share-title">
            <h2 id="share-title" class="share__title">{ ui.share_title }</h2>
            <p class="share__note">{ ui.share_note }</p>
            if props.target.is_some() {
                <p class="share__note">{ ui.share_note_target }</p>
            }
            <label class="share__label" for="share-link">{ ui.share_label }</label>
            <div class="share__row">
                <input id="share-link" class="share__link" type="text" readonly=true value={link} />
                <button type="button" class="button button--small" onclick={on_copy}>{ ui.share_copy }</button>
            </div>
            <p class="share__status" role="status">
                { match *status {
                    Some(true) => ui.share_copied,
                    Some(false) => ui.share_copy_failed,
                    None => "",
                } }
            </p>
        </section>
    }
}
