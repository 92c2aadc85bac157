//! The recruiters' link builder (`#/recruiter`): a level per quality, a role title, the version
//! and language the candidate takes, a live radar of the target, and the two things to send:
//! the candidate link and the snippet for a careers page.
//!
//! What is being built is this screen's own state, never stored: the builder leaves nothing on
//! the device, and the link carries everything. The code, the link and the snippet are made by
//! the pure core ([`crate::target`]).

use yew::prelude::*;

use super::action_button::action_button;
use super::copy_field::{Copied, copy_field};
use super::radar_chart::RadarChart;
use super::target_slider::{level_text, target_slider};
use super::version_choice::version_choice;
use crate::chart::{Series, SeriesKind};
use crate::i18n::{Locale, fill};
use crate::model::{Quality, Version};
use crate::platform::page;
use crate::target::{self, TITLE_MAX_CHARS, Target};

/// Properties of [`RecruiterBuilder`].
#[derive(Properties, PartialEq)]
pub(crate) struct RecruiterBuilderProps {
    /// The language to show.
    pub(crate) locale: Locale,
    /// "Volver al inicio".
    pub(crate) on_back: Callback<()>,
}

/// The preview's description: every quality with its level, for screen readers.
fn description(locale: Locale, target: &Target) -> String {
    let levels: Vec<String> = Quality::ALL
        .into_iter()
        .map(|quality| {
            let name = locale.texts().quality(quality).name;
            format!("{name}: {}", level_text(locale, target.level(quality)))
        })
        .collect();
    fill(
        crate::i18n::later_ui(locale).recruiter_preview_description,
        &[("levels", &levels.join("; "))],
    )
}

/// The builder screen.
#[component]
pub(crate) fn RecruiterBuilder(props: &RecruiterBuilderProps) -> Html {
    let locale = props.locale;
    let later = crate::i18n::later_ui(locale);
    let levels = use_state(|| Target::default().levels());
    // As typed: cleaning it on every key would eat the space between two words.
    let title = use_state(String::new);
    let version = use_state(Version::default);
    let lang = use_state(|| locale);
    let link_copied = use_state(|| -> Copied { None });
    let snippet_copied = use_state(|| -> Copied { None });

    let target = Target::new(*levels, &title);
    let page = page::page_location();
    let link = target::candidate_link(&page, *lang, *version, &target);
    let snippet = target::embed_snippet(&page, *lang, *version, &target);
    let series = vec![Series {
        name: later.legend_target.to_owned(),
        values: target.levels(),
        kind: SeriesKind::Target,
    }];

    let on_level = {
        let levels = levels.clone();
        Callback::from(move |(quality, level): (Quality, Option<u8>)| {
            let mut next = *levels;
            next[quality.index()] = level;
            levels.set(next);
        })
    };
    let on_version = {
        let version = version.clone();
        Callback::from(move |chosen: Version| version.set(chosen))
    };
    let on_title = {
        let title = title.clone();
        Callback::from(move |event: InputEvent| {
            if let Some(input) = event.target_dyn_into::<web_sys::HtmlInputElement>() {
                title.set(input.value());
            }
        })
    };
    let on_lang = {
        let lang = lang.clone();
        Callback::from(move |event: Event| {
            let chosen = event
                .target_dyn_into::<web_sys::HtmlSelectElement>()
                .and_then(|select| Locale::from_tag(&select.value()));
            if let Some(chosen) = chosen {
                lang.set(chosen);
            }
        })
    };

    html! {
        <section class="recruiter" aria-labelledby="recruiter-title">
            <p class="kicker">{ later.recruiter_kicker }</p>
            <h1 id="recruiter-title" class="recruiter__title" tabindex="-1">{ later.recruiter_title }</h1>
            <p class="recruiter__lead">{ later.recruiter_lead }</p>
            <p class="recruiter__privacy">{ later.recruiter_privacy }</p>

            <div class="recruiter__field">
                <label class="recruiter__label" for="target-title">{ later.recruiter_role_label }</label>
                <input id="target-title" class="recruiter__input" type="text"
                    maxlength={TITLE_MAX_CHARS.to_string()} autocomplete="off"
                    aria-describedby="target-title-hint" value={(*title).clone()} oninput={on_title} />
                <p id="target-title-hint" class="recruiter__hint">
                    { fill(later.recruiter_role_hint, &[("max", &TITLE_MAX_CHARS.to_string())]) }
                </p>
            </div>

            { version_choice(locale, later.recruiter_version_legend, "target-version", *version, &on_version) }

            <div class="recruiter__field">
                <label class="recruiter__label" for="target-lang">{ later.recruiter_language_label }</label>
                <select id="target-lang" class="recruiter__select" onchange={on_lang}>
                    for option in Locale::ALL {
                        <option key={option.code()} value={option.code()} selected={option == *lang}>
                            { option.own_words().language_name }
                        </option>
                    }
                </select>
            </div>

            <div class="recruiter__tuning">
                <fieldset class="recruiter__levels">
                    <legend class="recruiter__legend">{ later.recruiter_levels_legend }</legend>
                    <p class="recruiter__hint">{ later.recruiter_levels_hint }</p>
                    for quality in Quality::ALL {
                        { target_slider(locale, quality, target.level(quality), &on_level) }
                    }
                </fieldset>

                <div class="recruiter__preview">
                    <h2 class="recruiter__subtitle">{ later.recruiter_preview_title }</h2>
                    <RadarChart {locale} {series} description={description(locale, &target)}
                        points={false} title={Some(later.recruiter_preview_title)} />
                </div>
            </div>

            <h2 class="recruiter__subtitle">{ later.recruiter_send_title }</h2>
            { copy_field(later, "target-link", later.recruiter_link_label, later.share_copy, link, false, &link_copied) }
            <p class="recruiter__hint">{ later.recruiter_embed_hint }</p>
            { copy_field(later, "target-embed", later.recruiter_embed_label, later.recruiter_embed_copy, snippet, true, &snippet_copied) }

            <div class="recruiter__nav">
                { action_button(later.recruiter_back, &props.on_back, "") }
            </div>
        </section>
    }
}
