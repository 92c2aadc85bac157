//! "Descargar JSON": the answers, the scores, the content version and the language, written by
//! hand so that no JSON library ships in the wasm.
//!
//! Pure core: no yew, web-sys or gloo. The date comes from the caller (the platform's clock).

use std::fmt;

use crate::answers::Answers;
use crate::i18n::Locale;
use crate::model::{CONTENT_VERSION, LIKERT_ITEMS, Quality, SCENARIOS, Version};
use crate::scoring::{Band, Profile};
use crate::target::Target;

/// Appends formatted text to the report. Formatting into a `String` cannot fail, so no
/// `Result` is dropped on the way.
fn append(out: &mut String, text: fmt::Arguments<'_>) {
    out.push_str(&text.to_string());
}

/// Appends a formatted line to the report.
fn line(out: &mut String, text: fmt::Arguments<'_>) {
    append(out, text);
    out.push('\n');
}

/// A JSON string literal for `text`.
pub(crate) fn json_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if u32::from(c) < 0x20 => {
                append(&mut out, format_args!("\\u{:04x}", u32::from(c)));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The band's stable name in files (`develop`, `progress`, `strength`).
pub(crate) const fn band_id(band: Band) -> &'static str {
    match band {
        Band::Develop => "develop",
        Band::Progress => "progress",
        Band::Strength => "strength",
    }
}

/// The report as pretty-printed JSON.
///
/// Answers are keyed by question id: statements carry their rating (1–5), scenarios the id of
/// the chosen option (`"a"`…); unanswered questions are left out. After a recruiter's target
/// link, the report also names the role (`target_title`) and gives each quality its `target`
/// level (`null` when not required) and `verdict` (`meets`, `close`, `below` or `null`).
pub(crate) fn json(
    locale: Locale,
    version: Version,
    answers: &Answers,
    profile: &Profile,
    target: Option<&Target>,
    date: &str,
) -> String {
    let texts = locale.texts();
    let mut out = String::from("{\n");
    line(&mut out, format_args!("  \"app\": \"Perfil CM\","));
    line(
        &mut out,
        format_args!("  \"content_version\": {CONTENT_VERSION},"),
    );
    line(
        &mut out,
        format_args!("  \"language\": {},", json_string(locale.code())),
    );
    line(
        &mut out,
        format_args!("  \"version\": {},", json_string(version.slug())),
    );
    line(&mut out, format_args!("  \"date\": {},", json_string(date)));
    line(
        &mut out,
        format_args!(
            "  \"note\": {},",
            json_string(crate::i18n::later_ui(locale).result_disclaimer)
        ),
    );
    if let Some(target) = target {
        line(
            &mut out,
            format_args!("  \"target_title\": {},", json_string(target.title())),
        );
    }
    match profile.overall {
        Some(overall) => {
            line(&mut out, format_args!("  \"overall\": {overall},"));
        }
        None => out.push_str("  \"overall\": null,\n"),
    }
    out.push_str("  \"qualities\": [\n");
    for (i, quality) in Quality::ALL.iter().enumerate() {
        let score = profile
            .score(*quality)
            .map_or_else(|| "null".to_owned(), |s| s.to_string());
        let band = profile
            .band(*quality)
            .map_or_else(|| "null".to_owned(), |b| json_string(band_id(b)));
        let comma = if i + 1 < Quality::COUNT { "," } else { "" };
        let against = target.map_or_else(String::new, |target| {
            let null = || "null".to_owned();
            let level = target.level(*quality).map_or_else(null, |l| l.to_string());
            let verdict = target
                .verdict(*quality, profile.score(*quality))
                .map_or_else(null, |v| json_string(v.id()));
            format!(", \"target\": {level}, \"verdict\": {verdict}")
        });
        line(
            &mut out,
            format_args!(
                "    {{ \"id\": {}, \"name\": {}, \"score\": {score}, \"band\": {band}{against} }}{comma}",
                json_string(quality.id()),
                json_string(texts.quality(*quality).name),
            ),
        );
    }
    out.push_str("  ],\n  \"answers\": {");
    let mut entries = Vec::new();
    for (i, item) in LIKERT_ITEMS.iter().enumerate() {
        if let Some(rating) = answers.likert(i) {
            entries.push(format!("{}: {}", json_string(item.id), rating.value()));
        }
    }
    for (i, scenario) in SCENARIOS.iter().enumerate() {
        let chosen = answers
            .scenario(i)
            .and_then(|o| scenario.options.get(usize::from(o)));
        if let Some(option) = chosen {
            entries.push(format!(
                "{}: {}",
                json_string(scenario.id),
                json_string(option.id)
            ));
        }
    }
    if !entries.is_empty() {
        append(
            &mut out,
            format_args!("\n    {}\n  ", entries.join(",\n    ")),
        );
    }
    out.push_str("}\n}\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answers::{Agreement, Answer};
    use crate::model::Question;
    use crate::scoring::profile;

    #[test]
    fn strings_are_escaped() {
        assert_eq!(
            json_string("a\"b\\c\nd\u{1}é"),
            "\"a\\\"b\\\\c\\nd\\u0001é\""
        );
    }

    #[test]
    fn the_report_names_version_language_scores_and_answers() {
        let mut answers = Answers::new();
        answers
            .set(Question::Likert(0), Agreement::new(4).map(Answer::Agree))
            .unwrap();
        answers
            .set(Question::Scenario(0), Some(Answer::Choose(2)))
            .unwrap();
        let report = json(
            Locale::En,
            Version::Full,
            &answers,
            &profile(&answers, None),
            None,
            "2026-11-23",
        );
        assert!(report.contains("\"content_version\": 2,"));
        assert!(report.contains("\"language\": \"en\","));
        assert!(report.contains("\"version\": \"full\","));
        assert!(report.contains("\"date\": \"2026-11-23\","));
        assert!(report.contains("\"pasion-1\": 4"));
        assert!(report.contains(&format!("\"{}\": \"c\"", SCENARIOS[0].id)));
        assert!(report.contains("{ \"id\": \"pasion\", \"name\": \"Entrepreneurial passion\", \"score\": 75, \"band\": \"strength\" },"));
        assert!(report.contains("\"score\": null, \"band\": null"));
        assert_eq!(report.matches('{').count(), report.matches('}').count());
    }

    #[test]
    fn after_a_target_link_each_quality_has_its_level_and_verdict() {
        let mut answers = Answers::new();
        // pasion-1 "De acuerdo": pasion scores 75.
        answers
            .set(Question::Likert(0), Agreement::new(4).map(Answer::Agree))
            .unwrap();
        let mut levels = [None; Quality::COUNT];
        levels[Quality::Pasion.index()] = Some(80);
        levels[Quality::Escucha.index()] = Some(50);
        let target = Target::new(levels, "CM \"sénior\"");
        let report = json(
            Locale::Es,
            Version::Quick,
            &answers,
            &profile(&answers, None),
            Some(&target),
            "2026-11-26",
        );
        assert!(
            report.contains("\"target_title\": \"CM \\\"sénior\\\"\","),
            "{report}"
        );
        assert!(report.contains(
            "\"score\": 75, \"band\": \"strength\", \"target\": 80, \"verdict\": \"close\" },"
        ));
        // Required but unanswered: no verdict; not required: no level.
        assert!(report.contains("\"id\": \"escucha\", \"name\": \"Saber escuchar\", \"score\": null, \"band\": null, \"target\": 50, \"verdict\": null }"), "{report}");
        assert!(report.contains("\"target\": null, \"verdict\": null"));
        assert_eq!(report.matches('{').count(), report.matches('}').count());
    }

    #[test]
    fn an_empty_report_is_still_well_formed() {
        let answers = Answers::new();
        let report = json(
            Locale::Es,
            Version::Quick,
            &answers,
            &profile(&answers, None),
            None,
            "",
        );
        assert!(report.contains("\"overall\": null,"));
        assert!(report.contains("\"answers\": {}"));
    }
}
