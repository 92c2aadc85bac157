//! The intro screen as plain HTML, one `<template>` per locale, so that the page shows it before
//! the wasm has arrived (issue 12, "paint before the wasm"). `assets/boot.js` clones the template
//! of the language the app will pick into the page; the app then renders the same screen in a
//! hidden element and swaps it in once drawn (`platform::page::take_over_prerender`).
//!
//! The markup mirrors what `components::app`, `intro`, `language_switch`, `version_choice` and
//! `data_controls` render on a first visit (no answers, quick version, nothing remembered).
//! `tests/e2e/prerender.test.mjs` compares the two DOMs element by element, so a change to those
//! components that is not made here fails there. Also the one place that computes how long each
//! version takes, for the intro and for the app (`Locale::seconds`).

use std::fmt::Write as _;

use markup::escape;

use super::{Content, LocaleContent};

// The build cannot use the crate it builds, so it takes the crate's escaping by path. The crate's
// tests also include this file (through `src/content/rules.rs`), so they load it twice.
#[allow(clippy::duplicate_mod)]
#[path = "../src/markup.rs"]
mod markup;

/// Average adult silent reading speed, in characters a second: about 220–240 words a minute
/// (Brysbaert, 2019) at 5–6 characters a word, spaces included.
pub const READING_CHARS_PER_SECOND: usize = 20;
/// Seconds to choose an answer once a question is read.
pub const SECONDS_TO_DECIDE: usize = 3;

/// About how many seconds each version takes in `locale`: every character of its questions and
/// options read at [`READING_CHARS_PER_SECOND`], plus [`SECONDS_TO_DECIDE`] per question.
/// `(quick, full)`.
pub fn seconds(content: &Content, locale: &LocaleContent) -> (usize, usize) {
    let chars = |text: &Option<String>| text.as_deref().map_or(0, |t| t.chars().count());
    let item = |id: &str| locale.text.item.get(id).map_or(0, |i| chars(&i.text));
    let of = |quick_only: bool| {
        let items = content
            .model
            .item
            .iter()
            .filter(|i| i.quick || !quick_only)
            .map(|i| (item(&i.id), 1));
        let scenarios = content
            .model
            .scenario
            .iter()
            .filter(|_| !quick_only)
            .map(|s| {
                let words = locale.text.scenario.get(&s.id);
                let prompt = words.map_or(0, |w| chars(&w.prompt));
                let options: usize =
                    words.map_or(0, |w| w.options.values().map(|o| o.chars().count()).sum());
                (prompt + options, 1)
            });
        let (reading, questions) = items
            .chain(scenarios)
            .fold((0, 0), |(r, q), (chars, one)| (r + chars, q + one));
        reading / READING_CHARS_PER_SECOND + questions * SECONDS_TO_DECIDE
    };
    (of(true), of(false))
}

/// Rounds seconds to the nearest minute, at least 1, as the intro says it.
pub fn minutes(seconds: usize) -> usize {
    ((seconds + 30) / 60).max(1)
}

/// `{name}` placeholders of `template` replaced by `values`.
fn fill(template: &str, values: &[(&str, String)]) -> String {
    let mut out = template.to_owned();
    for (name, value) in values {
        out = out.replace(&format!("{{{name}}}"), value);
    }
    out
}

/// Every locale's intro as a `<template data-prerender="<code>">`, source language first, each
/// naming its texts file in `data-texts` (the wasm carries no language's words), for
/// `assets/boot.js` to start fetching it alongside the wasm.
pub fn templates(content: &Content) -> Result<String, std::fmt::Error> {
    let mut out = String::new();
    for locale in &content.locales {
        write!(out, "<template data-prerender=\"{}\"", locale.code)?;
        let file = super::texts_file(content, locale).map_err(|_| std::fmt::Error)?;
        let name = super::texts_file_name(&locale.code, &file);
        write!(out, " data-texts=\"{}\"", escape(&name))?;
        out.push('>');
        intro(&mut out, content, locale)?;
        out.push_str("</template>");
    }
    Ok(out)
}

/// The first-visit intro of `locale`, with the app's frame around it.
fn intro(out: &mut String, content: &Content, locale: &LocaleContent) -> std::fmt::Result {
    let ui = |key: &str| escape(locale.ui.get(key).map_or("", String::as_str));
    let code = &locale.code;
    let (quick, full) = seconds(content, locale);
    let quick_items = content.model.item.iter().filter(|i| i.quick).count();
    let quick_detail = fill(
        &ui("version_quick_detail"),
        &[
            ("statements", quick_items.to_string()),
            ("minutes", minutes(quick).to_string()),
        ],
    );
    let full_detail = fill(
        &ui("version_full_detail"),
        &[
            ("statements", content.model.item.len().to_string()),
            ("scenarios", content.model.scenario.len().to_string()),
            ("minutes", minutes(full).to_string()),
        ],
    );

    write!(
        out,
        "<div lang=\"{code}\" class=\"perfil\"><header class=\"perfil__bar\">\
         <span class=\"perfil__brand\">{}</span>\
         <nav aria-label=\"{}\" class=\"lang-switch\"><ul class=\"lang-switch__list\">",
        ui("app_name"),
        ui("language_switch_label"),
    )?;
    for other in &content.locales {
        let current = other.code == *code;
        write!(
            out,
            "<li><button type=\"button\" lang=\"{}\" aria-pressed=\"{current}\" \
             class=\"lang-switch__option{}\">{}</button></li>",
            other.code,
            if current {
                " lang-switch__option--current"
            } else {
                ""
            },
            escape(other.ui.get("language_name").map_or("", String::as_str)),
        )?;
    }
    write!(
        out,
        "</ul></nav></header><div role=\"status\" aria-live=\"polite\" class=\"notice-bar\"></div>\
         <div class=\"perfil__screen\"><section aria-labelledby=\"intro-title\" class=\"intro\">\
         <p class=\"kicker\">{}</p>\
         <h1 id=\"intro-title\" tabindex=\"-1\" class=\"intro__title\">{}</h1>\
         <p class=\"intro__lead\">{}</p><p class=\"intro__sources\">{}</p>\
         <div class=\"intro__privacy\"><svg viewBox=\"0 0 24 24\" width=\"24\" height=\"24\" \
         aria-hidden=\"true\" focusable=\"false\" class=\"intro__privacy-icon\">\
         <path d=\"M7 10V7a5 5 0 0 1 10 0v3\" fill=\"none\" stroke=\"currentColor\" \
         stroke-width=\"2\" stroke-linecap=\"round\"></path>\
         <rect x=\"4\" y=\"10\" width=\"16\" height=\"11\" rx=\"2\" fill=\"currentColor\"></rect>\
         </svg><div><h2 class=\"intro__privacy-title\">{}</h2>\
         <p class=\"intro__privacy-text\">{}</p></div></div>\
         <fieldset class=\"version-choice\"><legend class=\"version-choice__legend\">{}</legend>",
        ui("intro_kicker"),
        ui("intro_title"),
        ui("intro_lead"),
        ui("intro_sources"),
        ui("intro_privacy_title"),
        ui("intro_privacy"),
        ui("version_legend"),
    )?;
    for (value, name, detail, checked) in [
        ("quick", ui("version_quick"), quick_detail, " checked"),
        ("full", ui("version_full"), full_detail, ""),
    ] {
        write!(
            out,
            "<label class=\"version-choice__option\"><input type=\"radio\" name=\"version\" \
             class=\"version-choice__input\" value=\"{value}\"{checked}>\
             <span class=\"version-choice__text\"><span class=\"version-choice__name\">{name}</span>\
             <span class=\"version-choice__detail\">{detail}</span></span></label>"
        )?;
    }
    write!(
        out,
        "</fieldset><p class=\"intro__disclaimer\">{}</p><p class=\"intro__disclaimer\">{}</p>\
         <button type=\"button\" class=\"button button--primary intro__start\">{}</button>\
         <div class=\"data-controls\"><label class=\"data-controls__remember\">\
         <input type=\"checkbox\" aria-describedby=\"remember-hint\" class=\"data-controls__checkbox\">\
         <span>{}</span></label><p id=\"remember-hint\" class=\"data-controls__hint\">{}</p></div>\
         <p class=\"intro__footer\"><a href=\"#/recruiter\" class=\"intro__recruiter\">{}</a></p>\
         </section></div></div>",
        ui("intro_unlived"),
        ui("intro_disclaimer"),
        ui("intro_start"),
        ui("remember_label"),
        ui("remember_hint"),
        ui("intro_recruiter_link"),
    )
}
