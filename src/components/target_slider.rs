//! One quality's level in the recruiters' builder: a native range input from "not required"
//! to 100 in steps of 5, labelled with the quality's name.
//!
//! A plain function of the builder rather than a component: it holds no state of its own, and
//! as a function it adds no component machinery to the wasm (thirteen of them are drawn).
//!
//! A native `<input type="range">` brings the keyboard (arrows, Home, End, Page Up and Down)
//! and the slider role for free; `aria-valuetext` says the level in words, "No requerido" for
//! the step below 0, which the raw value (−5) would not.

use yew::prelude::*;

use crate::i18n::{Locale, fill};
use crate::model::Quality;
use crate::target::{MAX_LEVEL, STEP};

/// The slider's value for "not required": one step below 0.
const NOT_REQUIRED: i16 = -(STEP as i16);

/// The level as words: "75 de 100" or "No requerido".
pub(crate) fn level_text(locale: Locale, level: Option<u8>) -> String {
    let ui = locale.ui();
    let later = crate::i18n::later_ui(locale);
    level.map_or_else(
        || ui.target_not_required.to_owned(),
        |level| fill(later.recruiter_level, &[("level", &level.to_string())]),
    )
}

/// The level a slider's value stands for; a value the slider cannot have (a stale or forged
/// event) is "not required" rather than a panic.
fn level_of(value: &str) -> Option<u8> {
    value.parse::<u8>().ok()
}

/// The slider of `quality` at `level` (`None`: not required), in `locale`'s words;
/// `on_change` gets the quality and its new level.
pub(crate) fn target_slider(
    locale: Locale,
    quality: Quality,
    level: Option<u8>,
    on_change: &Callback<(Quality, Option<u8>)>,
) -> Html {
    let id = format!("target-level-{}", quality.id());
    let text = level_text(locale, level);
    let value = level.map_or(NOT_REQUIRED, i16::from).to_string();
    let oninput = on_change.reform(move |event: InputEvent| {
        let value = event
            .target_dyn_into::<web_sys::HtmlInputElement>()
            .map(|input| input.value())
            .unwrap_or_default();
        (quality, level_of(&value))
    });
    html! {
        <div class="target-slider" key={quality.id()} data-quality={quality.id()}>
            <label class="target-slider__label" for={id.clone()}>
                { locale.texts().quality(quality).name }
            </label>
            // The value is in the slider's aria-valuetext; shown again for sighted people only.
            <span class="target-slider__value" aria-hidden="true">{ text.clone() }</span>
            <input
                {id}
                class="target-slider__input"
                type="range"
                min={NOT_REQUIRED.to_string()}
                max={MAX_LEVEL.to_string()}
                step={STEP.to_string()}
                {value}
                aria-valuetext={text}
                {oninput}
            />
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sliders_value_is_a_level_or_not_required() {
        assert_eq!(level_of("0"), Some(0));
        assert_eq!(level_of("75"), Some(75));
        assert_eq!(level_of(&NOT_REQUIRED.to_string()), None);
        assert_eq!(level_of(""), None);
        assert_eq!(level_of("1e3"), None);
        assert_eq!(level_text(Locale::Es, None), "No requerido");
        assert_eq!(level_text(Locale::En, Some(75)), "75 of 100");
    }
}
