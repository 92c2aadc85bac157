//! The rules `build.rs` enforces on `content/`, each proved to fire on a broken input, and the
//! questionnaire's own requirements checked on the real content. The rules live in
//! `build/content.rs`, included here.

#[path = "../../build/content.rs"]
#[allow(dead_code)]
mod generator;

use std::path::Path;

use crate::i18n::Locale;
use crate::model::{Group, LIKERT_ITEMS, Quality, Question, SCENARIOS, Version};
use generator::{ContentError, SourceFile, Sources};

/// A minimal valid model: one group, one quality, two statements and their opposites (the first
/// pair quick), two scenarios.
const MODEL: &str = r#"
version = 1
[[group]]
id = "g"
seed = "seed.txt"
[[quality]]
id = "q"
group = "g"
seed_heading = "Heading"
[[item]]
id = "q-1"
quality = "q"
reverse = false
quick = true
[[item]]
id = "q-2"
quality = "q"
reverse = true
opposite = "q-1"
quick = true
[[item]]
id = "q-3"
quality = "q"
reverse = false
quick = false
[[item]]
id = "q-4"
quality = "q"
reverse = true
opposite = "q-3"
quick = false
[[scenario]]
id = "t"
[[scenario.option]]
id = "a"
scores = {q=100}
[[scenario.option]]
id = "b"
scores = {q=0}
[[scenario.option]]
id = "c"
scores = {q=25}
[[scenario]]
id = "s"
[[scenario.option]]
id = "a"
scores = { q = 100 }
[[scenario.option]]
id = "b"
scores = { q = 0 }
[[scenario.option]]
id = "c"
scores = { q = 50 }
"#;

/// The words for [`MODEL`], for `locale`.
fn text(locale: &str) -> String {
    let mut text = format!(
        r#"
locale = "{locale}"
[scale]
labels = ["1", "2", "3", "4", "5"]
[group.g]
title = "Title"
[quality.q]
label = "Label"
name = "Name"
description = "Description"
[item.q-1]
text = "One"
[item.q-2]
text = "Two"
[item.q-3]
text = "Three"
[item.q-4]
text = "Four"
[scenario.t]
prompt = "Another prompt"
options = {{ a = "X", b = "Y", c = "Z" }}
[scenario.s]
prompt = "Prompt"
options = {{ a = "A", b = "B", c = "C" }}
[summary]
develop = "d"
progress = "p"
strength = "s"
"#
    );
    for band in generator::BANDS {
        text.push_str(&format!(
            "[advice.q.{band}]\nreading = \"r\"\nactions = [\"x\", \"y\"]\n"
        ));
    }
    text
}

fn file(locale: &str, name: &str, text: &str) -> SourceFile {
    let path = if locale.is_empty() {
        format!("content/{name}")
    } else {
        format!("content/{locale}/{name}")
    };
    SourceFile {
        locale: locale.into(),
        path,
        text: text.into(),
    }
}

/// Valid sources in es and en; `edit` breaks them.
fn sources(edit: impl FnOnce(&mut String, &mut String, &mut String)) -> Sources {
    let (mut model, mut es, mut en) = (MODEL.to_owned(), text("es"), text("en"));
    edit(&mut model, &mut es, &mut en);
    Sources {
        model: Some(file("", "model.toml", &model)),
        text: vec![file("es", "text.toml", &es), file("en", "text.toml", &en)],
        ui: vec![
            file("es", "ui.toml", &with_own_words("a = \"uno\"")),
            file("en", "ui.toml", &with_own_words("a = \"one\"")),
        ],
    }
}

/// `ui` with the strings that every language must have compiled in (`OWN_WORDS`).
fn with_own_words(ui: &str) -> String {
    let own: Vec<String> = generator::OWN_WORDS
        .iter()
        .map(|key| format!("{key} = \"{key}\""))
        .collect();
    format!("{ui}\n{}", own.join("\n"))
}

fn errors_of(sources: Sources) -> Vec<String> {
    generator::validate(&sources)
        .err()
        .unwrap_or_default()
        .iter()
        .map(ContentError::to_string)
        .collect()
}

fn errors(edit: impl FnOnce(&mut String, &mut String, &mut String)) -> Vec<String> {
    errors_of(sources(edit))
}

#[test]
fn the_fixture_is_valid() {
    assert_eq!(errors(|_, _, _| {}), Vec::<String>::new());
}

#[test]
fn the_real_content_is_valid_and_generates_code() {
    let loaded = generator::load(Path::new("content")).map_err(|errors| {
        errors
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("\n")
    });
    let loaded = loaded.unwrap_or_else(|errors| panic!("content/ is invalid:\n{errors}"));
    assert_eq!(loaded.locales[0].code, "es", "Spanish comes first");
    let code = generator::generate(&loaded).expect("code generation");
    assert!(code.contains("pub enum Quality"));
}

// --- model.toml ---

#[test]
fn an_item_pointing_to_an_unknown_quality() {
    let found = errors(|model, _, _| {
        *model = model.replacen(
            "quality = \"q\"\nreverse = true",
            "quality = \"zz\"\nreverse = true",
            1,
        )
    });
    assert!(
        found.contains(&"content/model.toml: `item.q-2.quality`: unknown quality `zz`".to_owned()),
        "{found:?}"
    );
}

#[test]
fn a_quality_without_a_reverse_keyed_item() {
    let found = errors(|model, _, _| {
        *model = model
            .replace("reverse = true\nopposite = \"q-1\"", "reverse = false")
            .replace("reverse = true\nopposite = \"q-3\"", "reverse = false");
    });
    assert_eq!(
        found,
        [
            "content/model.toml: `quality.q`: has no reverse-keyed item",
            "content/model.toml: `item.q-1`: has no reverse-keyed opposite",
            "content/model.toml: `item.q-2`: has no reverse-keyed opposite",
            "content/model.toml: `item.q-3`: has no reverse-keyed opposite",
            "content/model.toml: `item.q-4`: has no reverse-keyed opposite",
        ]
    );
}

#[test]
fn a_quality_with_too_few_items_or_an_unbalanced_quick_version() {
    let found = errors(|model, _, _| {
        *model = model.replace("quick = false", "quick = true");
    });
    assert_eq!(
        found,
        [
            "content/model.toml: `quality.q`: has 4 quick-version items; needs exactly 2 (a \
             statement and its opposite)"
        ]
    );

    let found = errors(|model, es, en| {
        let start = model.find("[[item]]\nid = \"q-3\"").unwrap_or_default();
        let end = model.find("[[scenario]]").unwrap_or_default();
        model.replace_range(start..end, "");
        *es = es.replace(
            "[item.q-3]\ntext = \"Three\"\n[item.q-4]\ntext = \"Four\"\n",
            "",
        );
        *en = en.replace(
            "[item.q-3]\ntext = \"Three\"\n[item.q-4]\ntext = \"Four\"\n",
            "",
        );
    });
    assert_eq!(
        found,
        ["content/model.toml: `quality.q`: has 2 Likert items; needs at least 4"]
    );
}

#[test]
fn every_reverse_item_is_the_opposite_of_one_statement_of_its_quality_and_version() {
    let found = errors(|model, _, _| {
        *model = model.replace("opposite = \"q-1\"\n", "");
    });
    assert_eq!(
        found,
        [
            "content/model.toml: `item.q-2.opposite`: missing: a reverse-keyed item names the \
             statement it is the opposite of",
            "content/model.toml: `item.q-1`: has no reverse-keyed opposite",
        ]
    );

    let found = errors(|model, _, _| {
        *model = model.replace("opposite = \"q-3\"", "opposite = \"q-1\"");
    });
    assert_eq!(
        found,
        [
            "content/model.toml: `item.q-4.opposite`: `q-1` is of another quality or version",
            "content/model.toml: `item.q-3`: has no reverse-keyed opposite",
        ]
    );

    let found = errors(|model, _, _| {
        *model = model.replace("opposite = \"q-3\"", "opposite = \"q-2\"");
    });
    assert_eq!(
        found,
        [
            "content/model.toml: `item.q-4.opposite`: `q-2` is reverse-keyed too",
            "content/model.toml: `item.q-3`: has no reverse-keyed opposite",
        ]
    );

    let found = errors(|model, _, _| {
        *model = model.replace("opposite = \"q-3\"", "opposite = \"q-9\"");
    });
    assert_eq!(
        found,
        [
            "content/model.toml: `item.q-4.opposite`: unknown item `q-9`",
            "content/model.toml: `item.q-3`: has no reverse-keyed opposite",
        ]
    );

    let found = errors(|model, _, _| {
        *model = model.replace(
            "reverse = false\nquick = true",
            "reverse = false\nopposite = \"q-2\"\nquick = true",
        );
    });
    assert_eq!(
        found,
        ["content/model.toml: `item.q-1.opposite`: only a reverse-keyed item names an opposite"]
    );
}

#[test]
fn every_quality_is_scored_by_two_or_three_scenarios() {
    let found = errors(|model, es, en| {
        let start = model.find("[[scenario]]\nid = \"t\"").unwrap_or_default();
        let end = model.find("[[scenario]]\nid = \"s\"").unwrap_or_default();
        model.replace_range(start..end, "");
        for text in [es, en] {
            *text = text.replace(
                "[scenario.t]\nprompt = \"Another prompt\"\noptions = { a = \"X\", b = \"Y\", c = \"Z\" }\n",
                "",
            );
        }
    });
    assert_eq!(
        found,
        ["content/model.toml: `quality.q`: is scored by 1 scenarios; needs 2 to 3"]
    );
}

#[test]
fn duplicate_and_malformed_ids() {
    let found = errors(|model, _, _| *model = model.replace("id = \"q-3\"", "id = \"q-1\""));
    assert!(
        found.contains(&"content/model.toml: `item.q-1`: `q-1` is used twice".to_owned()),
        "{found:?}"
    );
    let found = errors(|model, _, _| *model = model.replace("id = \"s\"", "id = \"Bad Id\""));
    assert!(found[0].contains("`Bad Id` is not an id"), "{found:?}");
}

#[test]
fn scenario_scores_must_be_in_range_on_known_qualities_and_alike_across_options() {
    let found = errors(|model, _, _| *model = model.replace("q = 100", "q = 101"));
    assert_eq!(
        found,
        ["content/model.toml: `scenario.s.option.a.scores.q`: 101 is outside 0..=100"]
    );
    let found = errors(|model, _, _| {
        *model = model.replace("scores = { q = 0 }", "scores = { q = 0, zz = 5 }")
    });
    assert!(
        found.contains(
            &"content/model.toml: `scenario.s.option.b.scores.zz`: unknown quality".to_owned()
        ),
        "{found:?}"
    );
    assert!(
        found
            .iter()
            .any(|e| e.contains("every option of a scenario must score the same qualities")),
        "{found:?}"
    );
}

#[test]
fn a_scenario_needs_three_or_four_options() {
    let found = errors(|model, es, en| {
        *model = model.replace("[[scenario.option]]\nid = \"c\"\nscores = { q = 50 }\n", "");
        *es = es.replace(", c = \"C\"", "");
        *en = en.replace(", c = \"C\"", "");
    });
    assert_eq!(
        found,
        ["content/model.toml: `scenario.s`: has 2 options; needs 3 to 4"]
    );
}

#[test]
fn unknown_fields_are_typos_and_are_reported() {
    let found = errors(|model, _, _| *model = model.replace("quick = true", "quik = true"));
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0].starts_with("content/model.toml: not valid:") && found[0].contains("quik"),
        "{found:?}"
    );
}

// --- text.toml ---

#[test]
fn a_locale_missing_an_item_text_names_file_and_key() {
    let found = errors(|_, _, en| *en = en.replace("[item.q-2]\ntext = \"Two\"\n", ""));
    assert_eq!(found, ["content/en/text.toml: `item.q-2.text`: missing"]);
}

#[test]
fn a_locale_missing_advice_names_the_band() {
    let found = errors(|_, es, _| {
        *es = es.replace(
            "[advice.q.progress]\nreading = \"r\"\nactions = [\"x\", \"y\"]\n",
            "",
        );
    });
    assert_eq!(
        found,
        [
            "content/es/text.toml: `advice.q.progress.reading`: missing",
            "content/es/text.toml: `advice.q.progress.actions`: has 0 actions; needs 2 to 3",
        ]
    );
}

#[test]
fn texts_for_things_the_model_lacks_are_reported() {
    let found = errors(|_, _, en| en.push_str("[item.q-9]\ntext = \"Nine\"\n"));
    assert_eq!(
        found,
        ["content/en/text.toml: `item.q-9`: unexpected: not in content/model.toml, or misspelt"]
    );
}

#[test]
fn scenario_options_scale_labels_and_the_locale_field_are_checked() {
    let found = errors(|_, es, _| *es = es.replace("b = \"B\"", "bb = \"B\""));
    assert_eq!(
        found,
        [
            "content/es/text.toml: `scenario.s.options.b`: missing",
            "content/es/text.toml: `scenario.s.options.bb`: unexpected: not in content/model.toml, or misspelt",
        ]
    );
    let found = errors(|_, es, _| *es = es.replace("\"4\", \"5\"", "\"4\""));
    assert_eq!(
        found,
        ["content/es/text.toml: `scale.labels`: needs 5 labels, from disagree to agree"]
    );
    let found = errors(|_, _, en| *en = en.replace("locale = \"en\"", "locale = \"es\""));
    assert_eq!(
        found,
        ["content/en/text.toml: `locale`: must be \"en\", the folder's name"]
    );
}

#[test]
fn labels_must_fit_a_radar_axis_and_texts_must_not_be_blank() {
    let found = errors(|_, es, _| {
        *es = es.replace(
            "label = \"Label\"",
            "label = \"A label far too long for an axis\"",
        )
    });
    assert!(
        found[0].starts_with("content/es/text.toml: `quality.q.label`: `A label far too long"),
        "{found:?}"
    );
    let found = errors(|_, es, _| *es = es.replace("prompt = \"Prompt\"", "prompt = \" \""));
    assert_eq!(
        found,
        ["content/es/text.toml: `scenario.s.prompt`: the text is empty"]
    );
}

#[test]
fn a_missing_text_file_is_reported() {
    let mut broken = sources(|_, _, _| {});
    broken.text.retain(|f| f.locale != "en");
    assert_eq!(errors_of(broken), ["content/en/text.toml: missing"]);
}

// --- ui.toml ---

fn ui_errors(es: &str, en: &str) -> Vec<String> {
    let mut s = sources(|_, _, _| {});
    s.ui = vec![
        file("es", "ui.toml", &with_own_words(es)),
        file("en", "ui.toml", &with_own_words(en)),
    ];
    errors_of(s)
}

#[test]
fn the_source_must_have_the_strings_every_language_carries_compiled_in() {
    let mut s = sources(|_, _, _| {});
    let spanish = with_own_words("a = \"uno\"").replace("dismiss = \"dismiss\"", "");
    s.ui[0] = file("es", "ui.toml", &spanish);
    assert_eq!(
        errors_of(s),
        [
            "content/es/ui.toml: `dismiss`: is missing: every language carries it compiled in (OWN_WORDS)",
            // Then English has a key that Spanish lacks.
            "content/en/ui.toml: `dismiss`: not in the source language (content/es/ui.toml); add it there first",
        ]
    );
}

#[test]
fn a_key_missing_in_a_translation_names_file_and_key() {
    assert_eq!(
        ui_errors("a = \"uno\"\nb = \"dos\"", "a = \"one\""),
        ["content/en/ui.toml: `b`: missing (it is in content/es/ui.toml)"]
    );
}

#[test]
fn a_key_only_in_a_translation_is_reported() {
    let found = ui_errors("a = \"uno\"", "a = \"one\"\nextra = \"x\"");
    assert_eq!(found.len(), 1);
    assert!(found[0].starts_with("content/en/ui.toml: `extra`: not in the source language"));
}

#[test]
fn placeholders_must_match_the_source() {
    let found = ui_errors(
        "q = \"Pregunta {n} de {total}\"",
        "q = \"Question {n} of {count}\"",
    );
    assert_eq!(found.len(), 1);
    assert!(
        found[0].starts_with("content/en/ui.toml: `q`: placeholders"),
        "{found:?}"
    );
}

#[test]
fn empty_texts_bad_keys_and_non_strings_are_rejected() {
    assert_eq!(
        // English is empty: every Spanish key is rejected, so there is nothing to translate.
        ui_errors("a = \"  \"\nBad-Key = \"x\"\nn = 3", ""),
        [
            "content/es/ui.toml: `Bad-Key`: keys are snake_case: lowercase letters, digits and `_`",
            "content/es/ui.toml: `a`: the text is empty",
            "content/es/ui.toml: `n`: must be a string",
        ]
    );
}

#[test]
fn an_interface_string_with_a_line_break_is_refused_in_every_language() {
    assert_eq!(
        ui_errors("a = \"uno\\ndos\"", "a = \"one\""),
        [
            "content/es/ui.toml: `a`: holds a line break, which a texts file cannot carry",
            "content/en/ui.toml: `a`: not in the source language (content/es/ui.toml); add it there first",
        ]
    );
}

#[test]
fn invalid_toml_and_a_missing_source_locale_are_reported() {
    let mut s = sources(|_, _, _| {});
    s.ui = vec![file("en", "ui.toml", "a = ")];
    let found = errors_of(s);
    assert_eq!(found.len(), 2, "{found:?}");
    assert!(found[0].starts_with("content/en/ui.toml: not valid TOML"));
    assert_eq!(found[1], "content/es/ui.toml: the source locale is missing");
}

#[test]
fn placeholders_are_found_in_order_of_name() {
    let found: Vec<_> = generator::placeholders("{b} y {a}, {a}")
        .into_iter()
        .collect();
    assert_eq!(found, ["a", "b"]);
}

// --- the questionnaire's own requirements, on the real content ---

#[test]
fn each_version_asks_every_quality_as_many_statements_as_opposites() {
    // The balance that makes agreeing with everything land in the middle (CONTENT.md,
    // "Balanced keying"): per quality and version, forward and reverse-keyed statements match.
    assert_eq!(Version::Quick.questions().len(), 2 * Quality::COUNT);
    for version in [Version::Quick, Version::Full] {
        for quality in Quality::ALL {
            let keyed = |reverse: bool| {
                version
                    .questions()
                    .iter()
                    .filter(|q| match q {
                        Question::Likert(i) => {
                            LIKERT_ITEMS[*i].quality == quality
                                && LIKERT_ITEMS[*i].reverse == reverse
                        }
                        Question::Scenario(_) => false,
                    })
                    .count()
            };
            assert!(keyed(true) >= 1, "{version:?} {quality:?}: no reverse item");
            assert_eq!(keyed(false), keyed(true), "{version:?} {quality:?}");
        }
    }
}

#[test]
fn every_quality_is_scored_by_two_or_three_scenarios_of_the_full_version() {
    for quality in Quality::ALL {
        let scenarios = SCENARIOS
            .iter()
            .filter(|s| s.qualities().any(|q| q == quality))
            .count();
        assert!((2..=3).contains(&scenarios), "{quality:?}: {scenarios}");
    }
    assert!(
        Version::Full
            .questions()
            .iter()
            .filter(|q| matches!(q, Question::Scenario(_)))
            .count()
            == SCENARIOS.len()
    );
}

#[test]
fn every_scenario_has_an_option_that_scores_100_on_all_it_measures() {
    for scenario in &SCENARIOS {
        assert!(
            scenario
                .options
                .iter()
                .any(|o| o.scores.iter().all(|&(_, p)| p == 100)),
            "{}",
            scenario.id
        );
    }
}

#[test]
fn statements_are_short_and_quality_names_are_distinct_in_every_locale() {
    for locale in Locale::ALL {
        let texts = locale.texts();
        for (i, item) in LIKERT_ITEMS.iter().enumerate() {
            let words = locale.question(crate::model::Question::Likert(i));
            assert!(!words.is_empty(), "{locale:?} {}", item.id);
            assert!(
                words.chars().count() <= 160,
                "{locale:?} {}: {words}",
                item.id
            );
        }
        let mut labels: Vec<_> = texts.qualities.iter().map(|q| q.label).collect();
        labels.sort_unstable();
        labels.dedup();
        assert_eq!(
            labels.len(),
            Quality::COUNT,
            "{locale:?} has two qualities with one label"
        );
    }
}

#[test]
fn quality_headings_are_quoted_verbatim_from_the_seeds() {
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds");
    if !seeds.is_dir() {
        // The seeds live beside the repository (shared/), not in it; CI has them.
        eprintln!("skipped: {} not found", seeds.display());
        return;
    }
    for quality in Quality::ALL {
        let seed = std::fs::read_to_string(seeds.join(quality.group().seed())).expect("seed file");
        assert!(
            seed.lines()
                .any(|line| line.trim() == quality.seed_heading()),
            "{quality:?}: heading {:?} not in {}",
            quality.seed_heading(),
            quality.group().seed()
        );
    }
}

/// The rows of CONTENT.md's scenario table: scenario id, option id, scores as written, and the
/// justification.
fn content_md_scenario_rows() -> Vec<(String, String, String, String)> {
    let doc = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("CONTENT.md"))
        .expect("CONTENT.md");
    doc.lines()
        .filter_map(|line| {
            let cells: Vec<&str> = line.strip_prefix("| `")?.split(" | ").collect();
            let [scenario, option, scores, why] = cells[..] else {
                return None;
            };
            let scenario = scenario.strip_suffix('`')?;
            let (option, _) = option.split_once(": ")?;
            Some((
                scenario.to_owned(),
                option.to_owned(),
                scores.to_owned(),
                why.trim_end_matches(" |").to_owned(),
            ))
        })
        .collect()
}

#[test]
fn content_md_justifies_every_scenario_option() {
    let rows = content_md_scenario_rows();
    let mut expected = Vec::new();
    for scenario in &SCENARIOS {
        for option in scenario.options {
            let mut scores: Vec<String> = option
                .scores
                .iter()
                .map(|&(quality, points)| format!("{} {points}", quality.id()))
                .collect();
            scores.sort();
            expected.push((scenario.id.to_owned(), option.id.to_owned(), scores));
        }
    }
    // The table lists each option's qualities in the order `model.toml` writes them.
    let found: Vec<(String, String, Vec<String>)> = rows
        .iter()
        .map(|(s, o, scores, _)| {
            let mut scores: Vec<String> = scores.split(", ").map(str::to_owned).collect();
            scores.sort();
            (s.clone(), o.clone(), scores)
        })
        .collect();
    assert_eq!(
        found, expected,
        "CONTENT.md's scenario table and content/model.toml differ"
    );
    assert!(
        rows.iter().all(|(.., why)| why.len() > 20),
        "an option without a reason"
    );

    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds");
    if !seeds.is_dir() {
        eprintln!("skipped the quotations: {} not found", seeds.display());
        return;
    }
    let words = |text: &str| {
        text.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    };
    let seed_text = words(
        &[Group::Cm, Group::Sm]
            .map(|group| std::fs::read_to_string(seeds.join(group.seed())).expect("seed file"))
            .join(" "),
    );
    let mut quotations = 0;
    for (scenario, option, _, why) in &rows {
        for quotation in why.split('«').skip(1).filter_map(|q| q.split_once('»')) {
            // "…" joins two pieces of one sentence that the table quotes without what is between.
            for piece in quotation.0.split(" … ") {
                quotations += 1;
                assert!(
                    seed_text.contains(&words(piece)),
                    "{scenario} {option}: «{piece}» is not in the seeds"
                );
            }
        }
    }
    assert!(quotations >= 2 * SCENARIOS.len(), "{quotations} quotations");
}
