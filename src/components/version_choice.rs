//! The choice between the quick and the full questionnaire, with how long each takes: on the
//! intro, and in the recruiters' builder for the candidate's version.
//!
//! A plain function rather than a component, like `data_controls`: it holds no state, and adds
//! no component machinery to the wasm.

use yew::prelude::*;

use crate::i18n::{Locale, fill};
use crate::model::{LIKERT_ITEMS, SCENARIOS, Version};

/// The words under a version's name: how many questions, about how long.
pub(crate) fn version_detail(locale: Locale, version: Version) -> String {
    let ui = locale.ui();
    let minutes = version.minutes(locale).to_string();
    match version {
        Version::Quick => fill(
            ui.version_quick_detail,
            &[
                ("statements", &version.questions().len().to_string()),
                ("minutes", &minutes),
            ],
        ),
        Version::Full => fill(
            ui.version_full_detail,
            &[
                ("statements", &LIKERT_ITEMS.len().to_string()),
                ("scenarios", &SCENARIOS.len().to_string()),
                ("minutes", &minutes),
            ],
        ),
    }
}

/// A radio group under `legend`, its inputs named `name`, with `chosen` checked; a choice goes
/// to `on_choose`.
pub(crate) fn version_choice(
    locale: Locale,
    legend: &'static str,
    name: &'static str,
    chosen: Version,
    on_choose: &Callback<Version>,
) -> Html {
    let ui = locale.ui();
    html! {
        <fieldset class="version-choice">
            <legend class="version-choice__legend">{ legend }</legend>
            for version in Version::ALL {
                <label class="version-choice__option" key={version.slug()}>
                    <input
                        type="radio"
                        class="version-choice__input"
                        {name}
                        value={version.slug()}
                        checked={version == chosen}
                        onchange={on_choose.reform(move |_: Event| version)}
                    />
                    <span class="version-choice__text">
                        <span class="version-choice__name">{ version.label(ui) }</span>
                        <span class="version-choice__detail">{ version_detail(locale, version) }</span>
                    </span>
                </label>
            }
        </fieldset>
    }
}
