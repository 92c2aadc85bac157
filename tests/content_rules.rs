//! The rules `build.rs` enforces on `content/`, each proved to fire on a broken input, plus a
//! check that the real content passes. The rules live in `build/content.rs`, included here.

#[path = "../build/content.rs"]
#[allow(dead_code)]
mod content;

use std::path::Path;

use content::{ContentError, SourceFile, Sources};

fn ui(locale: &str, text: &str) -> SourceFile {
    SourceFile {
        locale: locale.into(),
        path: format!("content/{locale}/ui.toml"),
        text: text.into(),
    }
}

fn errors_of(sources: Sources) -> Vec<String> {
    content::validate(&sources)
        .err()
        .unwrap_or_default()
        .iter()
        .map(ContentError::to_string)
        .collect()
}

#[test]
fn the_real_content_is_valid_and_generates_code() {
    let loaded = content::load(Path::new("content")).map_err(|errors| {
        errors
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("\n")
    });
    let loaded = loaded.unwrap_or_else(|errors| panic!("content/ is invalid:\n{errors}"));
    assert_eq!(loaded.locales[0].code, "es", "Spanish comes first");
    let code = content::generate(&loaded).expect("code generation");
    assert!(code.contains("pub enum Locale"));
}

#[test]
fn a_key_missing_in_a_translation_names_file_and_key() {
    let errors = errors_of(Sources {
        ui: vec![
            ui("es", "a = \"uno\"\nb = \"dos\""),
            ui("en", "a = \"one\""),
        ],
    });
    assert_eq!(
        errors,
        ["content/en/ui.toml: `b`: missing (it is in content/es/ui.toml)"]
    );
}

#[test]
fn a_key_only_in_a_translation_is_reported() {
    let errors = errors_of(Sources {
        ui: vec![
            ui("es", "a = \"uno\""),
            ui("en", "a = \"one\"\nextra = \"x\""),
        ],
    });
    assert_eq!(errors.len(), 1);
    assert!(errors[0].starts_with("content/en/ui.toml: `extra`: not in the source language"));
}

#[test]
fn placeholders_must_match_the_source() {
    let errors = errors_of(Sources {
        ui: vec![
            ui("es", "q = \"Pregunta {n} de {total}\""),
            ui("en", "q = \"Question {n} of {count}\""),
        ],
    });
    assert_eq!(errors.len(), 1);
    assert!(
        errors[0].starts_with("content/en/ui.toml: `q`: placeholders"),
        "{errors:?}"
    );
}

#[test]
fn empty_texts_bad_keys_and_non_strings_are_rejected() {
    let errors = errors_of(Sources {
        ui: vec![ui("es", "a = \"  \"\nBad-Key = \"x\"\nn = 3")],
    });
    assert_eq!(
        errors,
        [
            "content/es/ui.toml: `Bad-Key`: keys are snake_case: lowercase letters, digits and `_`",
            "content/es/ui.toml: `a`: the text is empty",
            "content/es/ui.toml: `n`: must be a string",
        ]
    );
}

#[test]
fn invalid_toml_and_a_missing_source_locale_are_reported() {
    let errors = errors_of(Sources {
        ui: vec![ui("en", "a = ")],
    });
    assert_eq!(errors.len(), 2, "{errors:?}");
    assert!(errors[0].starts_with("content/en/ui.toml: not valid TOML"));
    assert_eq!(
        errors[1],
        "content/es/ui.toml: the source locale is missing"
    );
}

#[test]
fn placeholders_are_found_in_order_of_name() {
    let found: Vec<_> = content::placeholders("{b} y {a}, {a}")
        .into_iter()
        .collect();
    assert_eq!(found, ["a", "b"]);
}
