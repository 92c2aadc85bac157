//! Loading, validation and code generation for the data files under `content/`.
//!
//! Shared by `build.rs` (which writes the generated Rust into `OUT_DIR`) and by
//! `tests/content_rules.rs` (which feeds it broken files to prove that each rule fires). It must
//! not depend on the crate it builds.
//!
//! Layout:
//! - `content/<locale>/ui.toml`: interface strings, a flat table of `key = "text"`.
//!
//! Spanish (`es`) is the source language: every other locale must have exactly its keys, and the
//! same `{placeholders}` in each string.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::{self, Write as _};
use std::fs;
use std::path::Path;

/// The source language; the other locales are checked against it.
pub const SOURCE_LOCALE: &str = "es";

/// One problem found in the content, naming the file and the key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContentError {
    /// Path of the file, relative to the repository root.
    pub file: String,
    /// The key concerned (dotted for nested keys); empty when the whole file is concerned.
    pub key: String,
    /// What is wrong, in a sentence.
    pub message: String,
}

impl ContentError {
    fn new(file: &str, key: &str, message: impl Into<String>) -> Self {
        Self {
            file: file.to_owned(),
            key: key.to_owned(),
            message: message.into(),
        }
    }
}

impl fmt::Display for ContentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.key.is_empty() {
            write!(f, "{}: {}", self.file, self.message)
        } else {
            write!(f, "{}: `{}`: {}", self.file, self.key, self.message)
        }
    }
}

/// A data file as read from disk (or written by a test).
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// Locale code (`es`, `en`) for per-locale files.
    pub locale: String,
    /// Path relative to the repository root, used in error messages.
    pub path: String,
    /// The file's text.
    pub text: String,
}

/// Every data file of `content/`, before validation.
#[derive(Debug, Clone, Default)]
pub struct Sources {
    /// One `ui.toml` per locale.
    pub ui: Vec<SourceFile>,
}

/// Validated content, ready for code generation.
#[derive(Debug, Clone)]
pub struct Content {
    /// The locales, source language first, then alphabetical.
    pub locales: Vec<LocaleContent>,
}

/// Validated content of one locale.
#[derive(Debug, Clone)]
pub struct LocaleContent {
    /// Locale code, e.g. `es`.
    pub code: String,
    /// Interface strings by key.
    pub ui: BTreeMap<String, String>,
}

/// Reads `dir` (normally `content/`) and validates it.
pub fn load(dir: &Path) -> Result<Content, Vec<ContentError>> {
    read_sources(dir).and_then(|sources| validate(&sources))
}

/// Reads every data file under `dir` without interpreting it.
pub fn read_sources(dir: &Path) -> Result<Sources, Vec<ContentError>> {
    let label = dir.display().to_string();
    let entries = fs::read_dir(dir).map_err(|e| {
        vec![ContentError::new(
            &label,
            "",
            format!("cannot read the folder: {e}"),
        )]
    })?;
    let mut sources = Sources::default();
    let mut errors = Vec::new();
    let mut locales: Vec<String> = entries
        .filter_map(Result::ok)
        .filter(|entry| entry.path().is_dir())
        .filter_map(|entry| entry.file_name().to_str().map(str::to_owned))
        .collect();
    locales.sort();
    for locale in locales {
        let path = dir.join(&locale).join("ui.toml");
        let path_label = path.display().to_string();
        match fs::read_to_string(&path) {
            Ok(text) => sources.ui.push(SourceFile {
                locale,
                path: path_label,
                text,
            }),
            Err(e) => errors.push(ContentError::new(
                &path_label,
                "",
                format!("cannot read: {e}"),
            )),
        }
    }
    if errors.is_empty() {
        Ok(sources)
    } else {
        Err(errors)
    }
}

/// Checks every rule and returns the validated content, or every problem found.
pub fn validate(sources: &Sources) -> Result<Content, Vec<ContentError>> {
    let mut errors = Vec::new();
    let mut locales = Vec::new();
    for file in &sources.ui {
        if !is_locale_code(&file.locale) {
            errors.push(ContentError::new(
                &file.path,
                "",
                format!(
                    "`{}` is not a locale code (two lowercase letters)",
                    file.locale
                ),
            ));
            continue;
        }
        if let Some(ui) = parse_ui(file, &mut errors) {
            locales.push(LocaleContent {
                code: file.locale.clone(),
                ui,
            });
        }
    }
    locales.sort_by_key(|l| (l.code != SOURCE_LOCALE, l.code.clone()));

    match locales.first() {
        Some(source) if source.code == SOURCE_LOCALE => {
            let source_path = ui_path_of(sources, SOURCE_LOCALE);
            for other in &locales[1..] {
                let path = ui_path_of(sources, &other.code);
                compare_strings(&source.ui, &source_path, &other.ui, &path, &mut errors);
            }
        }
        _ => errors.push(ContentError::new(
            &format!("content/{SOURCE_LOCALE}/ui.toml"),
            "",
            "the source locale is missing",
        )),
    }

    if errors.is_empty() {
        Ok(Content { locales })
    } else {
        Err(errors)
    }
}

fn ui_path_of(sources: &Sources, locale: &str) -> String {
    sources
        .ui
        .iter()
        .find(|f| f.locale == locale)
        .map_or_else(|| format!("content/{locale}/ui.toml"), |f| f.path.clone())
}

fn is_locale_code(code: &str) -> bool {
    code.len() == 2 && code.bytes().all(|b| b.is_ascii_lowercase())
}

fn is_field_name(key: &str) -> bool {
    let mut bytes = key.bytes();
    bytes.next().is_some_and(|b| b.is_ascii_lowercase())
        && bytes.all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
}

fn parse_ui(file: &SourceFile, errors: &mut Vec<ContentError>) -> Option<BTreeMap<String, String>> {
    let table: toml::Table = match toml::from_str(&file.text) {
        Ok(table) => table,
        Err(e) => {
            errors.push(ContentError::new(
                &file.path,
                "",
                format!("not valid TOML: {e}"),
            ));
            return None;
        }
    };
    let mut strings = BTreeMap::new();
    for (key, value) in table {
        if !is_field_name(&key) {
            errors.push(ContentError::new(
                &file.path,
                &key,
                "keys are snake_case: lowercase letters, digits and `_`",
            ));
            continue;
        }
        match value {
            toml::Value::String(text) if !text.trim().is_empty() => {
                strings.insert(key, text);
            }
            toml::Value::String(_) => {
                errors.push(ContentError::new(&file.path, &key, "the text is empty"));
            }
            _ => errors.push(ContentError::new(&file.path, &key, "must be a string")),
        }
    }
    Some(strings)
}

/// Checks that `other` has exactly the keys of `source`, each with the same placeholders.
fn compare_strings(
    source: &BTreeMap<String, String>,
    source_path: &str,
    other: &BTreeMap<String, String>,
    other_path: &str,
    errors: &mut Vec<ContentError>,
) {
    for (key, source_text) in source {
        match other.get(key) {
            None => errors.push(ContentError::new(
                other_path,
                key,
                format!("missing (it is in {source_path})"),
            )),
            Some(text) => {
                let (want, got) = (placeholders(source_text), placeholders(text));
                if want != got {
                    errors.push(ContentError::new(
                        other_path,
                        key,
                        format!("placeholders {got:?} differ from {want:?} in {source_path}"),
                    ));
                }
            }
        }
    }
    for key in other.keys().filter(|k| !source.contains_key(*k)) {
        errors.push(ContentError::new(
            other_path,
            key,
            format!("not in the source language ({source_path}); add it there first"),
        ));
    }
}

/// The `{name}` placeholders of a string.
pub fn placeholders(text: &str) -> BTreeSet<&str> {
    let mut found = BTreeSet::new();
    let mut rest = text;
    while let Some(start) = rest.find('{') {
        let after = &rest[start + 1..];
        match after.find('}') {
            Some(end) => {
                found.insert(&after[..end]);
                rest = &after[end + 1..];
            }
            None => break,
        }
    }
    found
}

/// Writes the Rust code for validated content.
pub fn generate(content: &Content) -> Result<String, Vec<ContentError>> {
    generate_code(content).map_err(|e| {
        vec![ContentError::new(
            "build/content.rs",
            "",
            format!("code generation: {e}"),
        )]
    })
}

fn variant(code: &str) -> String {
    let mut chars = code.chars();
    chars
        .next()
        .map(|c| c.to_ascii_uppercase().to_string() + chars.as_str())
        .unwrap_or_default()
}

fn doc_line(text: &str) -> String {
    text.replace(['\n', '\r'], " ")
}

fn generate_code(content: &Content) -> Result<String, fmt::Error> {
    let mut out = String::new();
    let n = content.locales.len();
    writeln!(
        out,
        "// @generated by build.rs from content/. Edit the data files, not this."
    )?;
    writeln!(out)?;
    writeln!(
        out,
        "/// A language of the interface and content: one per folder of `content/`."
    )?;
    writeln!(out, "///")?;
    writeln!(
        out,
        "/// The first variant is the source language and the default."
    )?;
    writeln!(
        out,
        "#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]"
    )?;
    writeln!(out, "pub enum Locale {{")?;
    for (i, locale) in content.locales.iter().enumerate() {
        if i == 0 {
            writeln!(out, "    #[default]")?;
        }
        writeln!(out, "    /// `{}`", locale.code)?;
        writeln!(out, "    {},", variant(&locale.code))?;
    }
    writeln!(out, "}}")?;
    writeln!(out)?;
    writeln!(out, "impl Locale {{")?;
    writeln!(out, "    /// Every locale, the source language first.")?;
    write!(out, "    pub const ALL: [Locale; {n}] = [")?;
    for locale in &content.locales {
        write!(out, "Locale::{}, ", variant(&locale.code))?;
    }
    writeln!(out, "];")?;
    writeln!(out)?;
    writeln!(
        out,
        "    /// The BCP 47 language code, as in `?lang=` and `<html lang>`."
    )?;
    writeln!(out, "    pub const fn code(self) -> &'static str {{")?;
    writeln!(out, "        match self {{")?;
    for locale in &content.locales {
        writeln!(
            out,
            "            Locale::{} => {:?},",
            variant(&locale.code),
            locale.code
        )?;
    }
    writeln!(out, "        }}")?;
    writeln!(out, "    }}")?;
    writeln!(out)?;
    writeln!(out, "    /// The interface strings in this language.")?;
    writeln!(out, "    pub const fn ui(self) -> &'static Ui {{")?;
    writeln!(out, "        match self {{")?;
    for locale in &content.locales {
        writeln!(
            out,
            "            Locale::{} => &UI_{},",
            variant(&locale.code),
            locale.code.to_ascii_uppercase()
        )?;
    }
    writeln!(out, "        }}")?;
    writeln!(out, "    }}")?;
    writeln!(out, "}}")?;
    writeln!(out)?;

    let Some(source) = content.locales.first() else {
        return Ok(out);
    };
    writeln!(
        out,
        "/// Interface strings of one language, from `content/<locale>/ui.toml`."
    )?;
    writeln!(out, "///")?;
    writeln!(
        out,
        "/// `{{name}}` placeholders are filled with [`crate::i18n::fill`]."
    )?;
    writeln!(out, "#[derive(Debug, PartialEq, Eq)]")?;
    writeln!(out, "pub struct Ui {{")?;
    for (key, text) in &source.ui {
        writeln!(out, "    /// {}", doc_line(text))?;
        writeln!(out, "    pub {key}: &'static str,")?;
    }
    writeln!(out, "}}")?;
    for locale in &content.locales {
        writeln!(out)?;
        writeln!(
            out,
            "static UI_{}: Ui = Ui {{",
            locale.code.to_ascii_uppercase()
        )?;
        for (key, text) in &locale.ui {
            writeln!(out, "    {key}: {text:?},")?;
        }
        writeln!(out, "}};")?;
    }
    Ok(out)
}
