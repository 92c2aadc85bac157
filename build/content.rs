//! Loading, validation and code generation for the data files under `content/`.
//!
//! Shared by `build.rs` (which writes the generated Rust into `OUT_DIR`) and by
//! `tests/content_rules.rs` (which feeds it broken files to prove that each rule fires). It must
//! not depend on the crate it builds.
//!
//! Layout:
//! - `content/model.toml`: the questionnaire's structure, the same in every language: groups,
//!   qualities, Likert items, scenarios and their scores, and the content version;
//! - `content/<locale>/text.toml`: the questionnaire's words in one language;
//! - `content/<locale>/ui.toml`: interface strings, a flat table of `key = "text"`.
//!
//! Spanish (`es`) is the source language: every other locale must have exactly its keys, and the
//! same `{placeholders}` in each string. CONTENT.md explains how to edit all of this.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::{self, Write as _};
use std::fs;
use std::path::Path;

use serde::Deserialize;

#[path = "prerender.rs"]
pub mod prerender;

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
    /// `model.toml`; `None` when it is missing.
    pub model: Option<SourceFile>,
    /// One `text.toml` per locale.
    pub text: Vec<SourceFile>,
    /// One `ui.toml` per locale.
    pub ui: Vec<SourceFile>,
}

/// Validated content, ready for code generation.
#[derive(Debug, Clone)]
pub struct Content {
    /// The questionnaire's structure.
    pub model: Model,
    /// The locales, source language first, then alphabetical.
    pub locales: Vec<LocaleContent>,
}

/// Validated content of one locale.
#[derive(Debug, Clone)]
pub struct LocaleContent {
    /// Locale code, e.g. `es`.
    pub code: String,
    /// The questionnaire's words.
    pub text: Text,
    /// Interface strings by key.
    pub ui: BTreeMap<String, String>,
}

/// The three score bands, in the order the advice of `text.toml` lists them.
pub const BANDS: [&str; 3] = ["develop", "progress", "strength"];
/// How many points the Likert scale has.
pub const SCALE_POINTS: usize = 5;
/// Options a scenario may have.
pub const SCENARIO_OPTIONS: std::ops::RangeInclusive<usize> = 3..=4;
/// Qualities one scenario may score.
pub const SCENARIO_QUALITIES: std::ops::RangeInclusive<usize> = 1..=3;
/// Likert items each quality needs at least: two statements and their two opposites.
pub const MIN_ITEMS_PER_QUALITY: usize = 4;
/// Quick-version items per quality: one statement and its opposite, so that agreeing with
/// everything cannot raise a quality (see CONTENT.md, "Balanced keying").
pub const QUICK_ITEMS_PER_QUALITY: usize = 2;
/// Scenarios that may score one quality: at least two, so that no quality hangs on one
/// choice, and at most three, so that no quality is mostly scenarios.
pub const SCENARIOS_PER_QUALITY: std::ops::RangeInclusive<usize> = 2..=3;
/// Actions each piece of advice has.
pub const ADVICE_ACTIONS: std::ops::RangeInclusive<usize> = 2..=3;
/// The longest radar-axis label, in characters, so that labels fit at 320 px.
pub const MAX_LABEL_CHARS: usize = 18;

/// `content/model.toml`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Model {
    /// The content version that share links and stored answers carry.
    pub version: u16,
    /// The two articles, in order.
    pub group: Vec<ModelGroup>,
    /// The qualities, in article order (the radar's axis order).
    pub quality: Vec<ModelQuality>,
    /// Likert items, in presentation order.
    #[serde(default)]
    pub item: Vec<ModelItem>,
    /// Scenarios, in presentation order (after the Likert items, full version only).
    #[serde(default)]
    pub scenario: Vec<ModelScenario>,
}

/// A group of qualities: one source article.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ModelGroup {
    pub id: String,
    /// The seed file the group comes from.
    pub seed: String,
}

/// A quality: one radar axis.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ModelQuality {
    pub id: String,
    pub group: String,
    /// The heading of the seed article the quality comes from, verbatim.
    pub seed_heading: String,
}

/// A Likert self-rating item.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ModelItem {
    pub id: String,
    pub quality: String,
    /// Agreeing means less of the quality.
    pub reverse: bool,
    /// For a reverse-keyed item, the id of the statement it is the opposite of: same quality,
    /// same version, and every statement has exactly one opposite.
    #[serde(default)]
    pub opposite: Option<String>,
    /// Part of the quick version (one statement and its opposite per quality).
    pub quick: bool,
}

/// A situational item.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ModelScenario {
    pub id: String,
    pub option: Vec<ModelOption>,
}

/// One answer to a scenario, with what it says about each quality (0–100).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ModelOption {
    pub id: String,
    /// Quality id to points. Every option of a scenario names the same qualities.
    pub scores: BTreeMap<String, i64>,
}

/// `content/<locale>/text.toml`. Every field is optional here so that a missing one is reported
/// by name, with the others, instead of stopping at the first.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Text {
    pub locale: Option<String>,
    pub scale: Option<TextScale>,
    #[serde(default)]
    pub group: BTreeMap<String, TextGroup>,
    #[serde(default)]
    pub quality: BTreeMap<String, TextQuality>,
    #[serde(default)]
    pub item: BTreeMap<String, TextItem>,
    #[serde(default)]
    pub scenario: BTreeMap<String, TextScenario>,
    #[serde(default)]
    pub advice: BTreeMap<String, BTreeMap<String, TextAdvice>>,
    #[serde(default)]
    pub summary: BTreeMap<String, String>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TextScale {
    #[serde(default)]
    pub labels: Vec<String>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TextGroup {
    pub title: Option<String>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TextQuality {
    pub label: Option<String>,
    pub name: Option<String>,
    pub description: Option<String>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TextItem {
    pub text: Option<String>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TextScenario {
    pub prompt: Option<String>,
    #[serde(default)]
    pub options: BTreeMap<String, String>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TextAdvice {
    pub reading: Option<String>,
    #[serde(default)]
    pub actions: Vec<String>,
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
    let mut read = |path: &Path, locale: &str| {
        let path_label = path.display().to_string();
        match fs::read_to_string(path) {
            Ok(text) => Some(SourceFile {
                locale: locale.to_owned(),
                path: path_label,
                text,
            }),
            Err(e) => {
                errors.push(ContentError::new(
                    &path_label,
                    "",
                    format!("cannot read: {e}"),
                ));
                None
            }
        }
    };
    sources.model = read(&dir.join("model.toml"), "");
    for locale in &locales {
        sources
            .text
            .extend(read(&dir.join(locale).join("text.toml"), locale));
        sources
            .ui
            .extend(read(&dir.join(locale).join("ui.toml"), locale));
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
    let model = match &sources.model {
        Some(file) => parse_model(file, &mut errors),
        None => {
            errors.push(ContentError::new("content/model.toml", "", "missing"));
            None
        }
    };
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
        let text_file = sources.text.iter().find(|t| t.locale == file.locale);
        let text = match (text_file, &model) {
            (Some(text_file), Some(model)) => parse_text(text_file, model, &mut errors),
            (Some(_), None) => None,
            (None, _) => {
                errors.push(ContentError::new(
                    &file.path.replace("ui.toml", "text.toml"),
                    "",
                    "missing",
                ));
                None
            }
        };
        if let (Some(ui), Some(text)) = (parse_ui(file, &mut errors), text) {
            locales.push(LocaleContent {
                code: file.locale.clone(),
                text,
                ui,
            });
        }
    }
    locales.sort_by_key(|l| (l.code != SOURCE_LOCALE, l.code.clone()));

    // Each text.toml was checked against the model, so the locales agree on the questionnaire;
    // the interface strings are compared with the source language's.
    if !sources.ui.iter().any(|f| f.locale == SOURCE_LOCALE) {
        errors.push(ContentError::new(
            &format!("content/{SOURCE_LOCALE}/ui.toml"),
            "",
            "the source locale is missing",
        ));
    } else if let Some(source) = locales.iter().find(|l| l.code == SOURCE_LOCALE) {
        let source_path = ui_path_of(sources, SOURCE_LOCALE);
        for key in OWN_WORDS
            .iter()
            .filter(|key| !source.ui.contains_key(**key))
        {
            errors.push(ContentError::new(
                &source_path,
                key,
                "is missing: every language carries it compiled in (OWN_WORDS)",
            ));
        }
        for other in locales.iter().filter(|l| l.code != SOURCE_LOCALE) {
            let path = ui_path_of(sources, &other.code);
            compare_strings(&source.ui, &source_path, &other.ui, &path, &mut errors);
        }
    }

    match model {
        Some(model) if errors.is_empty() => Ok(Content { model, locales }),
        _ => Err(errors),
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

fn is_slug(id: &str) -> bool {
    !id.is_empty()
        && !id.starts_with('-')
        && !id.ends_with('-')
        && !id.contains("--")
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// Reports `id` if it is not a slug or was seen before.
fn check_id(
    file: &str,
    key: &str,
    id: &str,
    seen: &mut BTreeSet<String>,
    errors: &mut Vec<ContentError>,
) {
    if !is_slug(id) {
        errors.push(ContentError::new(
            file,
            key,
            format!("`{id}` is not an id: lowercase ascii letters, digits and single `-`"),
        ));
    } else if !seen.insert(id.to_owned()) {
        errors.push(ContentError::new(
            file,
            key,
            format!("`{id}` is used twice"),
        ));
    }
}

fn parse_model(file: &SourceFile, errors: &mut Vec<ContentError>) -> Option<Model> {
    let model: Model = match toml::from_str(&file.text) {
        Ok(model) => model,
        Err(e) => {
            errors.push(ContentError::new(&file.path, "", format!("not valid: {e}")));
            return None;
        }
    };
    let before = errors.len();
    let f = file.path.as_str();
    if model.version == 0 {
        errors.push(ContentError::new(f, "version", "starts at 1"));
    }

    let mut group_ids = BTreeSet::new();
    for group in &model.group {
        check_id(f, "group.id", &group.id, &mut group_ids, errors);
        if group.seed.trim().is_empty() {
            errors.push(ContentError::new(
                f,
                &format!("group.{}.seed", group.id),
                "is empty",
            ));
        }
    }
    if model.group.is_empty() {
        errors.push(ContentError::new(f, "group", "needs at least one group"));
    }

    let mut quality_ids = BTreeSet::new();
    let mut previous_group = 0;
    for quality in &model.quality {
        let key = format!("quality.{}", quality.id);
        check_id(f, &key, &quality.id, &mut quality_ids, errors);
        if quality.seed_heading.trim().is_empty() {
            errors.push(ContentError::new(
                f,
                &format!("{key}.seed_heading"),
                "is empty",
            ));
        }
        match model.group.iter().position(|g| g.id == quality.group) {
            None => errors.push(ContentError::new(
                f,
                &format!("{key}.group"),
                format!("unknown group `{}`", quality.group),
            )),
            // The radar draws each group as one arc, so a group's qualities must be together
            // and the groups in their listed order.
            Some(index) if index < previous_group => errors.push(ContentError::new(
                f,
                &format!("{key}.group"),
                "qualities must be listed group by group, in the order of the groups",
            )),
            Some(index) => previous_group = index,
        }
    }
    for group in &model.group {
        if !model.quality.iter().any(|q| q.group == group.id) {
            errors.push(ContentError::new(
                f,
                &format!("group.{}", group.id),
                "has no quality",
            ));
        }
    }
    if model.quality.len() > 64 {
        errors.push(ContentError::new(f, "quality", "at most 64 qualities"));
    }

    let mut question_ids = BTreeSet::new();
    for item in &model.item {
        let key = format!("item.{}", item.id);
        check_id(f, &key, &item.id, &mut question_ids, errors);
        if !quality_ids.contains(&item.quality) {
            errors.push(ContentError::new(
                f,
                &format!("{key}.quality"),
                format!("unknown quality `{}`", item.quality),
            ));
        }
    }
    for quality in &model.quality {
        let key = format!("quality.{}", quality.id);
        let items: Vec<_> = model
            .item
            .iter()
            .filter(|i| i.quality == quality.id)
            .collect();
        if items.len() < MIN_ITEMS_PER_QUALITY {
            errors.push(ContentError::new(
                f,
                &key,
                format!(
                    "has {} Likert items; needs at least {MIN_ITEMS_PER_QUALITY}",
                    items.len()
                ),
            ));
        }
        if !items.iter().any(|i| i.reverse) {
            errors.push(ContentError::new(f, &key, "has no reverse-keyed item"));
        }
        let quick = items.iter().filter(|i| i.quick).count();
        if quick != QUICK_ITEMS_PER_QUALITY {
            errors.push(ContentError::new(
                f,
                &key,
                format!(
                    "has {quick} quick-version items; needs exactly {QUICK_ITEMS_PER_QUALITY} (a \
                     statement and its opposite)"
                ),
            ));
        }
        let scenarios = model
            .scenario
            .iter()
            .filter(|s| {
                s.option
                    .first()
                    .is_some_and(|o| o.scores.contains_key(&quality.id))
            })
            .count();
        if !SCENARIOS_PER_QUALITY.contains(&scenarios) {
            errors.push(ContentError::new(
                f,
                &key,
                format!(
                    "is scored by {scenarios} scenarios; needs {} to {}",
                    SCENARIOS_PER_QUALITY.start(),
                    SCENARIOS_PER_QUALITY.end()
                ),
            ));
        }
    }
    check_opposites(f, &model.item, errors);

    for scenario in &model.scenario {
        let key = format!("scenario.{}", scenario.id);
        check_id(f, &key, &scenario.id, &mut question_ids, errors);
        if !SCENARIO_OPTIONS.contains(&scenario.option.len()) {
            errors.push(ContentError::new(
                f,
                &key,
                format!(
                    "has {} options; needs {} to {}",
                    scenario.option.len(),
                    SCENARIO_OPTIONS.start(),
                    SCENARIO_OPTIONS.end()
                ),
            ));
        }
        let mut option_ids = BTreeSet::new();
        let first_qualities: Option<BTreeSet<&String>> =
            scenario.option.first().map(|o| o.scores.keys().collect());
        for option in &scenario.option {
            let option_key = format!("{key}.option.{}", option.id);
            check_id(f, &option_key, &option.id, &mut option_ids, errors);
            for (quality, points) in &option.scores {
                if !quality_ids.contains(quality) {
                    errors.push(ContentError::new(
                        f,
                        &format!("{option_key}.scores.{quality}"),
                        "unknown quality",
                    ));
                }
                if !(0..=100).contains(points) {
                    errors.push(ContentError::new(
                        f,
                        &format!("{option_key}.scores.{quality}"),
                        format!("{points} is outside 0..=100"),
                    ));
                }
            }
            if !SCENARIO_QUALITIES.contains(&option.scores.len()) {
                errors.push(ContentError::new(
                    f,
                    &format!("{option_key}.scores"),
                    format!(
                        "scores {} qualities; needs {} to {}",
                        option.scores.len(),
                        SCENARIO_QUALITIES.start(),
                        SCENARIO_QUALITIES.end()
                    ),
                ));
            }
            let qualities: BTreeSet<&String> = option.scores.keys().collect();
            if first_qualities
                .as_ref()
                .is_some_and(|first| *first != qualities)
            {
                errors.push(ContentError::new(
                    f,
                    &format!("{option_key}.scores"),
                    "every option of a scenario must score the same qualities (write 0 where it \
                     shows none)",
                ));
            }
        }
    }
    (errors.len() == before).then_some(model)
}

/// Pairs every reverse-keyed item with the statement it is the opposite of (`opposite`): a
/// forward item of the same quality and the same version, each forward item paired exactly once.
/// Opposite pairs are what lets the contradiction note say "a statement and its opposite", and
/// they keep every quality's keying balanced in both versions.
fn check_opposites(f: &str, items: &[ModelItem], errors: &mut Vec<ContentError>) {
    let mut paired = BTreeSet::new();
    for item in items {
        let key = format!("item.{}.opposite", item.id);
        match (&item.opposite, item.reverse) {
            (None, false) => {}
            (Some(_), false) => errors.push(ContentError::new(
                f,
                &key,
                "only a reverse-keyed item names an opposite",
            )),
            (None, true) => errors.push(ContentError::new(
                f,
                &key,
                "missing: a reverse-keyed item names the statement it is the opposite of",
            )),
            (Some(id), true) => match items.iter().find(|other| other.id == *id) {
                None => errors.push(ContentError::new(f, &key, format!("unknown item `{id}`"))),
                Some(other) if other.reverse => errors.push(ContentError::new(
                    f,
                    &key,
                    format!("`{id}` is reverse-keyed too"),
                )),
                Some(other) if other.quality != item.quality || other.quick != item.quick => {
                    errors.push(ContentError::new(
                        f,
                        &key,
                        format!("`{id}` is of another quality or version"),
                    ));
                }
                Some(_) if !paired.insert(id.as_str()) => errors.push(ContentError::new(
                    f,
                    &key,
                    format!("`{id}` already has an opposite"),
                )),
                Some(_) => {}
            },
        }
    }
    for item in items.iter().filter(|i| !i.reverse) {
        if !paired.contains(item.id.as_str()) {
            errors.push(ContentError::new(
                f,
                &format!("item.{}", item.id),
                "has no reverse-keyed opposite",
            ));
        }
    }
}

/// Reports a missing or blank text at `key`.
fn require(file: &str, key: &str, text: Option<&String>, errors: &mut Vec<ContentError>) {
    match text {
        None => errors.push(ContentError::new(file, key, "missing")),
        Some(text) if text.trim().is_empty() => {
            errors.push(ContentError::new(file, key, "the text is empty"));
        }
        Some(_) => {}
    }
}

/// Reports keys of `found` that `expected` lacks.
fn no_extra<'a, V>(
    file: &str,
    prefix: &str,
    found: &BTreeMap<String, V>,
    expected: impl IntoIterator<Item = &'a str>,
    errors: &mut Vec<ContentError>,
) {
    let expected: BTreeSet<&str> = expected.into_iter().collect();
    for key in found.keys().filter(|k| !expected.contains(k.as_str())) {
        errors.push(ContentError::new(
            file,
            &format!("{prefix}.{key}"),
            "unexpected: not in content/model.toml, or misspelt",
        ));
    }
}

fn parse_text(file: &SourceFile, model: &Model, errors: &mut Vec<ContentError>) -> Option<Text> {
    let text: Text = match toml::from_str(&file.text) {
        Ok(text) => text,
        Err(e) => {
            errors.push(ContentError::new(&file.path, "", format!("not valid: {e}")));
            return None;
        }
    };
    let before = errors.len();
    let f = file.path.as_str();
    if text.locale.as_deref() != Some(file.locale.as_str()) {
        errors.push(ContentError::new(
            f,
            "locale",
            format!("must be \"{}\", the folder's name", file.locale),
        ));
    }

    match &text.scale {
        Some(scale) if scale.labels.len() == SCALE_POINTS => {
            for (i, label) in scale.labels.iter().enumerate() {
                require(f, &format!("scale.labels[{i}]"), Some(label), errors);
            }
        }
        _ => errors.push(ContentError::new(
            f,
            "scale.labels",
            format!("needs {SCALE_POINTS} labels, from disagree to agree"),
        )),
    }

    for group in &model.group {
        let key = format!("group.{}", group.id);
        let entry = text.group.get(&group.id);
        require(
            f,
            &format!("{key}.title"),
            entry.and_then(|g| g.title.as_ref()),
            errors,
        );
    }
    no_extra(
        f,
        "group",
        &text.group,
        model.group.iter().map(|g| g.id.as_str()),
        errors,
    );

    for quality in &model.quality {
        let key = format!("quality.{}", quality.id);
        let entry = text.quality.get(&quality.id);
        let label = entry.and_then(|q| q.label.as_ref());
        require(f, &format!("{key}.label"), label, errors);
        if let Some(label) = label.filter(|l| l.chars().count() > MAX_LABEL_CHARS) {
            errors.push(ContentError::new(
                f,
                &format!("{key}.label"),
                format!("`{label}` is longer than {MAX_LABEL_CHARS} characters; it must fit a radar axis"),
            ));
        }
        require(
            f,
            &format!("{key}.name"),
            entry.and_then(|q| q.name.as_ref()),
            errors,
        );
        require(
            f,
            &format!("{key}.description"),
            entry.and_then(|q| q.description.as_ref()),
            errors,
        );
    }
    no_extra(
        f,
        "quality",
        &text.quality,
        model.quality.iter().map(|q| q.id.as_str()),
        errors,
    );

    for item in &model.item {
        let entry = text.item.get(&item.id);
        require(
            f,
            &format!("item.{}.text", item.id),
            entry.and_then(|i| i.text.as_ref()),
            errors,
        );
    }
    no_extra(
        f,
        "item",
        &text.item,
        model.item.iter().map(|i| i.id.as_str()),
        errors,
    );

    for scenario in &model.scenario {
        let key = format!("scenario.{}", scenario.id);
        let entry = text.scenario.get(&scenario.id);
        require(
            f,
            &format!("{key}.prompt"),
            entry.and_then(|s| s.prompt.as_ref()),
            errors,
        );
        for option in &scenario.option {
            let option_text = entry.and_then(|s| s.options.get(&option.id));
            require(
                f,
                &format!("{key}.options.{}", option.id),
                option_text,
                errors,
            );
        }
        if let Some(entry) = entry {
            let ids = scenario.option.iter().map(|o| o.id.as_str());
            no_extra(f, &format!("{key}.options"), &entry.options, ids, errors);
        }
    }
    no_extra(
        f,
        "scenario",
        &text.scenario,
        model.scenario.iter().map(|s| s.id.as_str()),
        errors,
    );

    for quality in &model.quality {
        let bands = text.advice.get(&quality.id);
        for band in BANDS {
            let key = format!("advice.{}.{band}", quality.id);
            let advice = bands.and_then(|b| b.get(band));
            require(
                f,
                &format!("{key}.reading"),
                advice.and_then(|a| a.reading.as_ref()),
                errors,
            );
            let actions = advice.map_or(&[][..], |a| a.actions.as_slice());
            if !ADVICE_ACTIONS.contains(&actions.len()) {
                errors.push(ContentError::new(
                    f,
                    &format!("{key}.actions"),
                    format!(
                        "has {} actions; needs {} to {}",
                        actions.len(),
                        ADVICE_ACTIONS.start(),
                        ADVICE_ACTIONS.end()
                    ),
                ));
            }
            for (i, action) in actions.iter().enumerate() {
                require(f, &format!("{key}.actions[{i}]"), Some(action), errors);
            }
        }
        if let Some(bands) = bands {
            no_extra(f, &format!("advice.{}", quality.id), bands, BANDS, errors);
        }
    }
    no_extra(
        f,
        "advice",
        &text.advice,
        model.quality.iter().map(|q| q.id.as_str()),
        errors,
    );

    for band in BANDS {
        require(
            f,
            &format!("summary.{band}"),
            text.summary.get(band),
            errors,
        );
    }
    no_extra(f, "summary", &text.summary, BANDS, errors);

    (errors.len() == before).then_some(text)
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
            // Each translation travels a string a line in its texts file, so no language's
            // strings, the source's included, may break a line.
            toml::Value::String(text) if text.contains(['\n', '\r']) => {
                errors.push(ContentError::new(
                    &file.path,
                    &key,
                    "holds a line break, which a texts file cannot carry",
                ));
            }
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

/// `es` → `Es`, `mas-alla` → `MasAlla`.
fn variant(id: &str) -> String {
    id.split('-')
        .map(|part| {
            let mut chars = part.chars();
            chars
                .next()
                .map(|c| c.to_ascii_uppercase().to_string() + chars.as_str())
                .unwrap_or_default()
        })
        .collect()
}

/// The text of an optional field that validation has proved present.
fn present(text: Option<&String>) -> &str {
    text.map_or("", String::as_str)
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
    match_fn(
        &mut out,
        "The BCP 47 language code, as in `?lang=` and `<html lang>`.",
        "code(self) -> &'static str",
        "Locale",
        content
            .locales
            .iter()
            .map(|locale| (variant(&locale.code), format!("{:?}", locale.code))),
    )?;
    writeln!(out)?;
    match_fn(
        &mut out,
        "The questionnaire's words in this language, when compiled in: only outside the \
         browser's wasm (native code and tests), which fetches them from \
         [`Locale::texts_file`] instead, the source language's too.",
        "bundled_texts(self) -> Option<&'static crate::model::Texts>",
        "Locale",
        bundled_arms(content, "TEXTS", false),
    )?;
    writeln!(out)?;
    match_fn(
        &mut out,
        "The file beside `index.html` holding this language's words shown from the first \
         question on, its questionnaire's and its interface's (written by `build.rs`, named by a \
         hash of its content).",
        "texts_file(self) -> Option<&'static str>",
        "Locale",
        file_arms(content, texts_file, texts_file_name, true),
    )?;
    writeln!(out)?;
    match_fn(
        &mut out,
        "The words shown only after the first questions in this language, when compiled in: \
         the browser's wasm carries only the source language's (in the part it downloads \
         second), and fetches the others' from [`Locale::later_file`].",
        "bundled_later(self) -> Option<&'static crate::model::LaterWords>",
        "Locale",
        bundled_arms(content, "LATER", true),
    )?;
    writeln!(out)?;
    match_fn(
        &mut out,
        "The file beside `index.html` holding this language's words shown only after the first \
         questions (written by `build.rs`, named by a hash of its content); none for the source \
         language.",
        "later_file(self) -> Option<&'static str>",
        "Locale",
        file_arms(content, later_file, later_file_name, false),
    )?;
    writeln!(out)?;
    match_fn(
        &mut out,
        "About how many seconds the quick and the full version take to answer in this \
         language (computed by `build/prerender.rs`).",
        "seconds(self) -> [u32; 2]",
        "Locale",
        content.locales.iter().map(|locale| {
            let (quick, full) = prerender::seconds(content, locale);
            (variant(&locale.code), format!("[{quick}, {full}]"))
        }),
    )?;
    writeln!(out)?;
    match_fn(
        &mut out,
        "The interface strings in this language, when compiled in: as for \
         [`Locale::bundled_texts`], only outside the browser's wasm, which reads them from \
         [`Locale::texts_file`].",
        "bundled_ui(self) -> Option<&'static Ui>",
        "Locale",
        bundled_arms(content, "UI", false),
    )?;

    writeln!(out)?;
    match_fn(
        &mut out,
        "What this language says before its words have arrived, or when they cannot \
         (`OWN_WORDS` in `build/content.rs`): compiled in for every language.",
        "own_words(self) -> &'static OwnWords",
        "Locale",
        content.locales.iter().map(|locale| {
            (
                variant(&locale.code),
                format!("&OWN_{}", locale.code.to_ascii_uppercase()),
            )
        }),
    )?;
    writeln!(out, "}}")?;
    writeln!(out)?;

    generate_model(&mut out, &content.model)?;
    let mut later_words = String::new();
    for (i, locale) in content.locales.iter().enumerate() {
        let upper = locale.code.to_ascii_uppercase();
        // The browser fetches every language's words when it is chosen or starts in it.
        write_bundled(&mut out, "TEXTS", "crate::model::Texts", &upper)?;
        writeln!(out, "#[cfg(any(test, not(target_arch = \"wasm32\")))]")?;
        generate_texts(&mut out, &content.model, locale)?;
        if i > 0 {
            write_bundled(&mut out, "LATER", "crate::model::LaterWords", &upper)?;
            writeln!(out, "#[cfg(any(test, not(target_arch = \"wasm32\")))]")?;
        }
        // The source language is the one the wasm carries: the words it shows only after the
        // first questions go to one array.
        let words = (i == 0).then_some(&mut later_words);
        generate_later(&mut out, &content.model, locale, words)?;
    }
    for locale in &content.locales {
        write_bundled(&mut out, "UI", "Ui", &locale.code.to_ascii_uppercase())?;
    }

    let Some(source) = content.locales.first() else {
        return Ok(out);
    };
    let first: Vec<&str> = source
        .ui
        .keys()
        .map(String::as_str)
        .filter(|key| !later_ui_key(key))
        .collect();
    let later: Vec<&str> = source
        .ui
        .keys()
        .map(String::as_str)
        .filter(|key| later_ui_key(key))
        .collect();
    write_ui_struct(
        &mut out,
        source,
        "Ui",
        "Interface strings of one language, from `content/<locale>/ui.toml`, shown from the \
         first question on; those shown only later are its [`LaterUi`].",
        &first,
    )?;
    write_ui_struct(
        &mut out,
        source,
        "LaterUi",
        "Interface strings of one language shown only after the first questions (keys starting \
         with one of `LATER_UI_PREFIXES` in `build/content.rs`). Read only through \
         `crate::i18n::later_ui`, like `crate::model::LaterWords`.",
        &later,
    )?;
    for (i, locale) in content.locales.iter().enumerate() {
        let upper = locale.code.to_ascii_uppercase();
        writeln!(out)?;
        writeln!(out, "#[cfg(any(test, not(target_arch = \"wasm32\")))]")?;
        writeln!(out, "static UI_{upper}: Ui = Ui {{")?;
        for key in &first {
            writeln!(out, "    {key}: {:?},", present(locale.ui.get(*key)))?;
        }
        writeln!(out, "}};")?;
        writeln!(out)?;
        if i > 0 {
            writeln!(out, "#[cfg(any(test, not(target_arch = \"wasm32\")))]")?;
        }
        writeln!(out, "static LATER_UI_{upper}: LaterUi = LaterUi {{")?;
        // The source language's are pieces of the later words.
        let mut words = (i == 0).then_some(&mut later_words);
        for key in &later {
            let text = text_expr(&mut words, present(locale.ui.get(*key)));
            writeln!(out, "    {key}: {text},")?;
        }
        writeln!(out, "}};")?;
    }
    write_later_words(&mut out, &later_words)?;
    writeln!(out)?;
    writeln!(
        out,
        "/// What a language says before its words have arrived, or when they cannot: its name \
         in the language switch, why it cannot be shown, and why the app does not start in a \
         host page. The same strings as in [`Ui`]."
    )?;
    writeln!(out, "#[derive(Debug, PartialEq, Eq)]")?;
    writeln!(out, "pub struct OwnWords {{")?;
    for key in OWN_WORDS {
        writeln!(out, "    /// {}", doc_line(present(source.ui.get(key))))?;
        writeln!(out, "    pub {key}: &'static str,")?;
    }
    writeln!(out, "}}")?;
    for locale in &content.locales {
        writeln!(out)?;
        writeln!(
            out,
            "static OWN_{}: OwnWords = OwnWords {{",
            locale.code.to_ascii_uppercase()
        )?;
        for key in OWN_WORDS {
            writeln!(out, "    {key}: {:?},", present(locale.ui.get(key)))?;
        }
        writeln!(out, "}};")?;
    }
    Ok(out)
}

/// The interface strings that every language's wasm carries for every language, because they
/// are shown in that language before its texts file has arrived, or when it cannot: the
/// language switch names each language in its own words; a language that cannot be had says so
/// in its own words, with its own "close" button; and the app that declines to start inside a
/// host page says why in every language. The rest of a non-source language's `ui.toml` travels
/// in its texts file.
pub const OWN_WORDS: [&str; 4] = [
    "language_name",
    "notice_language_unavailable",
    "dismiss",
    "host_page_declined",
];

/// The interface strings shown only after the first questions, by the start of their key: the
/// review's, the results' (with their chart, table, notes, advice, comparison, exports and
/// sharing), and the recruiter's page. They are a `LaterUi` instead of the `Ui`: in the source
/// language, pieces of [`LATER_WORDS`]; in the others, lines of the later file.
pub const LATER_UI_PREFIXES: [&str; 16] = [
    "advice_",
    "band_",
    "compare_",
    "copy_",
    "download_",
    "export_",
    "legend_",
    "note_",
    "print",
    "radar_",
    "recruiter_",
    "result",
    "review_",
    "share",
    "table_",
    "verdict_",
];

/// The notices that are rare and shown by code in the wasm's second part (`other_notice` in
/// `src/components/notice_bar.rs`): about a link, stored answers that could not be restored,
/// what the person or another tab erased or answered, and an unknown language. They are a
/// `LaterUi` like the strings of [`LATER_UI_PREFIXES`], so that a first load does not carry
/// them; a screen shown before they have arrived brings them (`src/platform/later.rs`). The
/// notices of restored answers and of storage that does not work stay: they are shown at start.
pub const LATER_NOTICES: [&str; 13] = [
    "notice_answered_elsewhere",
    "notice_damaged_discarded",
    "notice_discard_damaged",
    "notice_erased",
    "notice_erased_elsewhere",
    "notice_forgotten_elsewhere",
    "notice_link_damaged",
    "notice_link_other_version",
    "notice_restore_failed",
    "notice_restore_other_version",
    "notice_target_damaged",
    "notice_target_other_version",
    "notice_unknown_language",
];

/// Whether the interface string `key` is shown only after the first questions, or only by the
/// rare notices of [`LATER_NOTICES`].
pub fn later_ui_key(key: &str) -> bool {
    LATER_UI_PREFIXES
        .iter()
        .any(|prefix| key.starts_with(prefix))
        || LATER_NOTICES.contains(&key)
}

/// Writes the struct `name` of the interface strings `keys` (in the source language's order),
/// `repr(C)` so that reading one from a texts file's lines is a copy, with `LINES` and
/// `from_lines`.
fn write_ui_struct(
    out: &mut String,
    source: &LocaleContent,
    name: &str,
    doc: &str,
    keys: &[&str],
) -> fmt::Result {
    writeln!(out, "/// {doc}")?;
    writeln!(out, "///")?;
    writeln!(
        out,
        "/// `{{name}}` placeholders are filled with [`crate::i18n::fill`]. In the order of a \
         texts file's lines ([`{name}::from_lines`]), which `repr(C)` keeps, so that reading \
         one is a copy."
    )?;
    writeln!(out, "#[derive(Debug, PartialEq, Eq)]")?;
    writeln!(out, "#[repr(C)]")?;
    writeln!(out, "pub struct {name} {{")?;
    for key in keys {
        writeln!(out, "    /// {}", doc_line(present(source.ui.get(*key))))?;
        writeln!(out, "    pub {key}: &'static str,")?;
    }
    writeln!(out, "}}")?;
    writeln!(out)?;
    writeln!(out, "impl {name} {{")?;
    writeln!(out, "    /// How many strings a `{name}` holds.")?;
    writeln!(out, "    pub const LINES: usize = {};", keys.len())?;
    writeln!(out)?;
    writeln!(
        out,
        "    /// The strings in field order, as a texts file lists them (`build/content.rs`)."
    )?;
    writeln!(
        out,
        "    pub const fn from_lines(lines: &[&'static str; Self::LINES]) -> {name} {{"
    )?;
    writeln!(out, "        let [{}] = *lines;", keys.join(", "))?;
    writeln!(out, "        {name} {{ {} }}", keys.join(", "))?;
    writeln!(out, "    }}")?;
    writeln!(out, "}}")
}

/// The arms of a `*_file` accessor of `Locale`: for every language, `Some` of the name (`name`)
/// of the file that `write` makes; but `None` for the source language unless `source_too` (its
/// later words are in the wasm's second part).
fn file_arms<'a>(
    content: &'a Content,
    write: fn(&Content, &LocaleContent) -> Result<String, ContentError>,
    name: fn(&str, &str) -> String,
    source_too: bool,
) -> impl Iterator<Item = (String, String)> + 'a {
    content.locales.iter().enumerate().map(move |(i, locale)| {
        let value = if i == 0 && !source_too {
            "None".to_string()
        } else {
            write(content, locale)
                .map(|file| format!("Some({:?})", name(&locale.code, &file)))
                .unwrap_or_else(|error| format!("compile_error!({:?})", error.to_string()))
        };
        (variant(&locale.code), value)
    })
}

/// The arms of a `bundled_*` accessor of `Locale`: the source language's `<table>_<CODE>`
/// always when `source_always`, every other's (and then the source's) through
/// `BUNDLED_<table>_<CODE>` ([`write_bundled`]).
fn bundled_arms<'a>(
    content: &'a Content,
    table: &'a str,
    source_always: bool,
) -> impl Iterator<Item = (String, String)> + 'a {
    content.locales.iter().enumerate().map(move |(i, locale)| {
        let upper = locale.code.to_ascii_uppercase();
        let value = if i == 0 && source_always {
            format!("Some(&{table}_{upper})")
        } else {
            format!("BUNDLED_{table}_{upper}")
        };
        (variant(&locale.code), value)
    })
}

/// Writes `BUNDLED_<table>_<upper>`: `Some` of the table of type `ty` outside the browser's wasm
/// (native code and tests), `None` in it, which fetches that language's words instead.
fn write_bundled(out: &mut String, table: &str, ty: &str, upper: &str) -> fmt::Result {
    writeln!(out, "#[cfg(any(test, not(target_arch = \"wasm32\")))]")?;
    writeln!(
        out,
        "const BUNDLED_{table}_{upper}: Option<&{ty}> = Some(&{table}_{upper});"
    )?;
    writeln!(out, "#[cfg(not(any(test, not(target_arch = \"wasm32\"))))]")?;
    writeln!(out, "const BUNDLED_{table}_{upper}: Option<&{ty}> = None;")
}

/// Writes `pub const fn <signature> { match self { <Enum>::<Variant> => <value>, … } }` with its
/// doc line, one arm per `(variant, value)`; the generated enums' accessors all have this shape.
fn match_fn(
    out: &mut String,
    doc: &str,
    signature: &str,
    enum_name: &str,
    arms: impl Iterator<Item = (String, String)>,
) -> fmt::Result {
    writeln!(out, "    /// {doc}")?;
    writeln!(out, "    pub const fn {signature} {{")?;
    writeln!(out, "        match self {{")?;
    for (variant, value) in arms {
        writeln!(out, "            {enum_name}::{variant} => {value},")?;
    }
    writeln!(out, "        }}")?;
    writeln!(out, "    }}")
}

/// Writes `Group`, `Quality`, the content version and the item tables.
fn generate_model(out: &mut String, model: &Model) -> fmt::Result {
    writeln!(
        out,
        "/// The content version, from `content/model.toml`: share links and stored"
    )?;
    writeln!(
        out,
        "/// answers carry it, and scores never change within one version."
    )?;
    writeln!(out, "pub const CONTENT_VERSION: u16 = {};", model.version)?;
    writeln!(out)?;

    writeln!(
        out,
        "/// A group of qualities: one of the source articles, in order."
    )?;
    writeln!(
        out,
        "#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]"
    )?;
    writeln!(out, "pub enum Group {{")?;
    for group in &model.group {
        writeln!(out, "    /// `{}`, from `{}`", group.id, group.seed)?;
        writeln!(out, "    {},", variant(&group.id))?;
    }
    writeln!(out, "}}")?;
    writeln!(out)?;
    writeln!(out, "impl Group {{")?;
    writeln!(out, "    /// Every group, in article order.")?;
    write!(out, "    pub const ALL: [Group; {}] = [", model.group.len())?;
    for group in &model.group {
        write!(out, "Group::{}, ", variant(&group.id))?;
    }
    writeln!(out, "];")?;
    writeln!(out)?;
    // Only the tests read the seeds, to check the content against them.
    writeln!(out, "    #[cfg(test)]")?;
    match_fn(
        out,
        "The seed article's file name (`shared/seeds/`).",
        "seed(self) -> &'static str",
        "Group",
        model
            .group
            .iter()
            .map(|group| (variant(&group.id), format!("{:?}", group.seed))),
    )?;
    writeln!(out)?;
    writeln!(out, "    /// The position in [`Group::ALL`].")?;
    writeln!(out, "    pub const fn index(self) -> usize {{")?;
    writeln!(out, "        self as usize")?;
    writeln!(out, "    }}")?;
    writeln!(out, "}}")?;
    writeln!(out)?;

    writeln!(
        out,
        "/// A quality: one axis of the radar, in article order."
    )?;
    writeln!(
        out,
        "#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]"
    )?;
    writeln!(out, "pub enum Quality {{")?;
    for quality in &model.quality {
        writeln!(
            out,
            "    /// `{}`: \"{}\"",
            quality.id, quality.seed_heading
        )?;
        writeln!(out, "    {},", variant(&quality.id))?;
    }
    writeln!(out, "}}")?;
    writeln!(out)?;
    writeln!(out, "impl Quality {{")?;
    writeln!(out, "    /// How many qualities there are.")?;
    writeln!(out, "    pub const COUNT: usize = {};", model.quality.len())?;
    writeln!(
        out,
        "    /// Every quality, in article order (the radar's axis order)."
    )?;
    write!(
        out,
        "    pub const ALL: [Quality; {}] = [",
        model.quality.len()
    )?;
    for quality in &model.quality {
        write!(out, "Quality::{}, ", variant(&quality.id))?;
    }
    writeln!(out, "];")?;
    writeln!(out)?;
    writeln!(
        out,
        "    /// The direction of each axis of the radar, by index: the cosine and sine of its angle,"
    )?;
    writeln!(
        out,
        "    /// the first straight up, the others clockwise, evenly spaced. Worked out here, so that"
    )?;
    writeln!(out, "    /// no trigonometry ships in the wasm.")?;
    write!(
        out,
        "    pub const DIRECTIONS: [(f64, f64); {}] = [",
        model.quality.len()
    )?;
    let count = model.quality.len() as f64;
    for index in 0..model.quality.len() {
        let angle = -std::f64::consts::FRAC_PI_2 + index as f64 * std::f64::consts::TAU / count;
        write!(out, "({:?}, {:?}), ", angle.cos(), angle.sin())?;
    }
    writeln!(out, "];")?;
    writeln!(out)?;
    match_fn(
        out,
        "The stable id (an ascii slug).",
        "id(self) -> &'static str",
        "Quality",
        model
            .quality
            .iter()
            .map(|quality| (variant(&quality.id), format!("{:?}", quality.id))),
    )?;
    writeln!(out)?;
    match_fn(
        out,
        "The article the quality comes from.",
        "group(self) -> Group",
        "Quality",
        model.quality.iter().map(|quality| {
            (
                variant(&quality.id),
                format!("Group::{}", variant(&quality.group)),
            )
        }),
    )?;
    writeln!(out)?;
    writeln!(out, "    #[cfg(test)]")?;
    match_fn(
        out,
        "The heading of the seed article it comes from, verbatim.",
        "seed_heading(self) -> &'static str",
        "Quality",
        model
            .quality
            .iter()
            .map(|quality| (variant(&quality.id), format!("{:?}", quality.seed_heading))),
    )?;
    writeln!(out)?;
    writeln!(out, "    /// The position in [`Quality::ALL`].")?;
    writeln!(out, "    pub const fn index(self) -> usize {{")?;
    writeln!(out, "        self as usize")?;
    writeln!(out, "    }}")?;
    writeln!(out, "}}")?;
    writeln!(out)?;

    writeln!(out, "/// The Likert items, in presentation order.")?;
    writeln!(
        out,
        "pub static LIKERT_ITEMS: [crate::model::LikertItem; {}] = [",
        model.item.len()
    )?;
    for item in &model.item {
        writeln!(
            out,
            "    crate::model::LikertItem {{ id: {:?}, quality: Quality::{}, reverse: {}, quick: {} }},",
            item.id,
            variant(&item.quality),
            item.reverse,
            item.quick
        )?;
    }
    writeln!(out, "];")?;
    writeln!(out)?;
    writeln!(
        out,
        "/// The scenarios, in presentation order (full version only)."
    )?;
    writeln!(
        out,
        "pub static SCENARIOS: [crate::model::Scenario; {}] = [",
        model.scenario.len()
    )?;
    for scenario in &model.scenario {
        writeln!(out, "    crate::model::Scenario {{")?;
        writeln!(out, "        id: {:?},", scenario.id)?;
        writeln!(out, "        options: &[")?;
        for option in &scenario.option {
            write!(
                out,
                "            crate::model::ScenarioOption {{ id: {:?}, scores: &[",
                option.id
            )?;
            // In quality order, so that scoring iterates the same way everywhere.
            for quality in model
                .quality
                .iter()
                .filter(|q| option.scores.contains_key(&q.id))
            {
                let points = option.scores.get(&quality.id).copied().unwrap_or(0);
                write!(out, "(Quality::{}, {points}), ", variant(&quality.id))?;
            }
            writeln!(out, "] }},")?;
        }
        writeln!(out, "        ],")?;
        writeln!(out, "    }},")?;
    }
    writeln!(out, "];")?;
    writeln!(out)
}

/// The first line of a texts file: what it holds, for which language and content version.
pub fn texts_file_header(code: &str, version: u16) -> String {
    format!("perfil-cm texts {code} {version}")
}

/// The first line of a later-words file, as [`texts_file_header`].
pub fn later_file_header(code: &str, version: u16) -> String {
    format!("perfil-cm later {code} {version}")
}

/// The words of one locale shown from the first question on, as a file for the browser to
/// fetch: one string per line, in the order of [`generate_texts`] without the statements only
/// the full version asks, then the interface strings in the order of `Ui`'s fields.
/// `src/content.rs` (`decode_texts`) reads it back; a native test checks that it reads back the
/// same `Texts` and `Ui` the build compiles for tests.
pub fn texts_file(content: &Content, locale: &LocaleContent) -> Result<String, ContentError> {
    let model = &content.model;
    let source_ui_keys = content.locales.first().map(|source| source.ui.keys());
    let text = &locale.text;
    let file = format!("content/{}/text.toml", locale.code);
    let mut lines = vec![texts_file_header(&locale.code, model.version)];
    let mut push = |key: &str, line: &str| {
        lines.push(one_line(&file, key, line)?);
        Ok(())
    };
    for label in text.scale.as_ref().map_or(&[][..], |s| s.labels.as_slice()) {
        push("scale.labels", label)?;
    }
    for group in &model.group {
        let entry = text.group.get(&group.id);
        push(&group.id, present(entry.and_then(|g| g.title.as_ref())))?;
    }
    for quality in &model.quality {
        let entry = text.quality.get(&quality.id);
        push(&quality.id, present(entry.and_then(|q| q.label.as_ref())))?;
        push(&quality.id, present(entry.and_then(|q| q.name.as_ref())))?;
    }
    for item in model.item.iter().filter(|item| item.quick) {
        let entry = text.item.get(&item.id);
        push(&item.id, present(entry.and_then(|i| i.text.as_ref())))?;
    }
    // Then the interface strings, in the order of the source language's keys: the order of
    // `Ui`'s fields.
    let file = format!("content/{}/ui.toml", locale.code);
    for key in source_ui_keys.into_iter().flatten() {
        if !later_ui_key(key) {
            lines.push(one_line(&file, key, present(locale.ui.get(key)))?);
        }
    }
    Ok(lines.join("\n"))
}

/// The words of one locale shown only after the first questions, as a file for the browser to
/// fetch with the wasm's second part: one string per line, in the order of [`generate_later`]
/// without the quick version's statements, each advice's action count on its own line before
/// its actions. `src/content.rs` (`decode_later`) reads it back; a native test checks that it
/// reads back the same `LaterWords` the build compiles for tests.
pub fn later_file(content: &Content, locale: &LocaleContent) -> Result<String, ContentError> {
    let model = &content.model;
    let source_ui_keys = content.locales.first().map(|source| source.ui.keys());
    let text = &locale.text;
    let file = format!("content/{}/text.toml", locale.code);
    let mut lines = vec![later_file_header(&locale.code, model.version)];
    let mut push = |key: &str, line: &str| {
        lines.push(one_line(&file, key, line)?);
        Ok(())
    };
    for quality in &model.quality {
        let entry = text.quality.get(&quality.id);
        push(
            &quality.id,
            present(entry.and_then(|q| q.description.as_ref())),
        )?;
    }
    for item in model.item.iter().filter(|item| !item.quick) {
        let entry = text.item.get(&item.id);
        push(&item.id, present(entry.and_then(|i| i.text.as_ref())))?;
    }
    for scenario in &model.scenario {
        let entry = text.scenario.get(&scenario.id);
        push(&scenario.id, present(entry.and_then(|s| s.prompt.as_ref())))?;
        for option in &scenario.option {
            push(
                &scenario.id,
                present(entry.and_then(|s| s.options.get(&option.id))),
            )?;
        }
    }
    for quality in &model.quality {
        for band in BANDS {
            let advice = text.advice.get(&quality.id).and_then(|b| b.get(band));
            let actions = advice.map_or(&[][..], |a| a.actions.as_slice());
            push(
                &quality.id,
                present(advice.and_then(|a| a.reading.as_ref())),
            )?;
            push(&quality.id, &actions.len().to_string())?;
            for action in actions {
                push(&quality.id, action)?;
            }
        }
    }
    for band in BANDS {
        push("summary", present(text.summary.get(band)))?;
    }
    // Then the later interface strings, in the order of `LaterUi`'s fields.
    let file = format!("content/{}/ui.toml", locale.code);
    for key in source_ui_keys.into_iter().flatten() {
        if later_ui_key(key) {
            lines.push(one_line(&file, key, present(locale.ui.get(key)))?);
        }
    }
    Ok(lines.join("\n"))
}

/// `line` as a line of a texts file, which cannot carry an empty string or a line break.
fn one_line(file: &str, key: &str, line: &str) -> Result<String, ContentError> {
    if line.is_empty() || line.contains(['\n', '\r']) {
        return Err(ContentError::new(
            file,
            key,
            "is empty or holds a line break, which its texts file cannot carry",
        ));
    }
    Ok(line.to_string())
}

/// `texts-<code>-<hash>.txt`: a name that changes whenever the content does, so that the file
/// can be cached for good.
pub fn texts_file_name(code: &str, file: &str) -> String {
    format!("texts-{code}-{:016x}.txt", file_hash(file))
}

/// `texts-<code>-later-<hash>.txt`, as [`texts_file_name`].
pub fn later_file_name(code: &str, file: &str) -> String {
    format!("texts-{code}-later-{:016x}.txt", file_hash(file))
}

/// FNV-1a, 64 bits, written in hex as Trunk writes its own hashes.
fn file_hash(file: &str) -> u64 {
    file.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

/// The name of the array that holds the source language's words that are shown only after the
/// first questions: the results' and the full version's own. `tools/wasm-split` looks for this
/// export, and moves the array's bytes to the wasm's second part.
pub const LATER_WORDS: &str = "PERFIL_CM_LATER_WORDS";

/// A string of the generated code: a literal, or with `words`, a piece of [`LATER_WORDS`] (the
/// text is appended to `words`).
fn text_expr(words: &mut Option<&mut String>, text: &str) -> String {
    match words {
        Some(words) => {
            let start = words.len();
            words.push_str(text);
            format!("later_word({start}, {})", words.len())
        }
        None => format!("{text:?}"),
    }
}

/// Writes [`LATER_WORDS`]: its length (4 bytes, little-endian), then `words`, and
/// `later_word`, which cuts a string out of it at compile time.
fn write_later_words(out: &mut String, words: &str) -> fmt::Result {
    let len = u32::try_from(words.len()).map_err(|_| fmt::Error)?;
    write!(
        out,
        r#"/// The source language's words shown only after the first questions, after their length in
/// bytes (4, little-endian): the qualities' descriptions, the advice and the overall readings,
/// which only the results show, and the full version's own statements and scenarios.
///
/// Code reads them only through `crate::advice::results_words` and
/// `crate::model::full_version_words`, which are never inlined. The release moves these bytes
/// and those functions to the wasm's second part (tools/wasm-split finds the array by this
/// export), so that a reader's first load does not carry them, and reading them first brings
/// that part.
#[unsafe(no_mangle)]
pub static {LATER_WORDS}: [u8; {}] = *b""#,
        words.len() + 4
    )?;
    for byte in len.to_le_bytes().iter().chain(words.as_bytes()) {
        match byte {
            b'"' | b'\\' => write!(out, "\\{}", char::from(*byte))?,
            b' '..=b'~' => write!(out, "{}", char::from(*byte))?,
            _ => write!(out, "\\x{byte:02x}")?,
        }
    }
    write!(
        out,
        r#"";

/// `{LATER_WORDS}[4 + start..4 + end]`, which build.rs cut at a character boundary.
const fn later_word(start: usize, end: usize) -> &'static str {{
    let (_, tail) = {LATER_WORDS}.split_at(4 + start);
    let (word, _) = tail.split_at(end - start);
    match core::str::from_utf8(word) {{
        Ok(word) => word,
        Err(_) => panic!("a later word is not UTF-8"),
    }}
}}

"#
    )
}

/// Writes the `Texts` of one locale, in model order: the words shown from the first question
/// on. The statements only the full version asks are empty here: they are in its `LaterWords`.
fn generate_texts(out: &mut String, model: &Model, locale: &LocaleContent) -> fmt::Result {
    let text = &locale.text;
    writeln!(
        out,
        "static TEXTS_{}: crate::model::Texts = crate::model::Texts {{",
        locale.code.to_ascii_uppercase()
    )?;
    let labels = text.scale.as_ref().map_or(&[][..], |s| s.labels.as_slice());
    writeln!(out, "    scale: {labels:?},")?;
    writeln!(out, "    groups: &[")?;
    for group in &model.group {
        let entry = text.group.get(&group.id);
        writeln!(
            out,
            "        crate::model::GroupText {{ title: {:?} }},",
            present(entry.and_then(|g| g.title.as_ref()))
        )?;
    }
    writeln!(out, "    ],")?;
    writeln!(out, "    qualities: &[")?;
    for quality in &model.quality {
        let entry = text.quality.get(&quality.id);
        writeln!(
            out,
            "        crate::model::QualityText {{ label: {:?}, name: {:?} }},",
            present(entry.and_then(|q| q.label.as_ref())),
            present(entry.and_then(|q| q.name.as_ref())),
        )?;
    }
    writeln!(out, "    ],")?;
    writeln!(out, "    items: &[")?;
    for item in &model.item {
        let statement = if item.quick {
            present(text.item.get(&item.id).and_then(|i| i.text.as_ref()))
        } else {
            ""
        };
        writeln!(out, "        {statement:?},")?;
    }
    writeln!(out, "    ],")?;
    writeln!(out, "}};")?;
    writeln!(out)
}

/// Writes the `LaterWords` of one locale, in model order: the words shown only after the first
/// questions. With `words`, each is a piece of [`LATER_WORDS`], whose text this appends to
/// `words`. The quick version's statements are empty here: they are in its `Texts`.
fn generate_later(
    out: &mut String,
    model: &Model,
    locale: &LocaleContent,
    mut words: Option<&mut String>,
) -> fmt::Result {
    let text = &locale.text;
    writeln!(
        out,
        "static LATER_{}: crate::model::LaterWords = crate::model::LaterWords {{",
        locale.code.to_ascii_uppercase()
    )?;
    writeln!(out, "    descriptions: &[")?;
    for quality in &model.quality {
        let entry = text.quality.get(&quality.id);
        let description = text_expr(
            &mut words,
            present(entry.and_then(|q| q.description.as_ref())),
        );
        writeln!(out, "        {description},")?;
    }
    writeln!(out, "    ],")?;
    writeln!(out, "    items: &[")?;
    for item in &model.item {
        let statement = if item.quick {
            "\"\"".to_string()
        } else {
            text_expr(
                &mut words,
                present(text.item.get(&item.id).and_then(|i| i.text.as_ref())),
            )
        };
        writeln!(out, "        {statement},")?;
    }
    writeln!(out, "    ],")?;
    writeln!(out, "    scenarios: &[")?;
    for scenario in &model.scenario {
        let entry = text.scenario.get(&scenario.id);
        writeln!(out, "        crate::model::ScenarioText {{")?;
        let prompt = text_expr(&mut words, present(entry.and_then(|s| s.prompt.as_ref())));
        writeln!(out, "            prompt: {prompt},")?;
        writeln!(out, "            options: &[")?;
        for option in &scenario.option {
            let option_text = text_expr(
                &mut words,
                present(entry.and_then(|s| s.options.get(&option.id))),
            );
            writeln!(out, "                {option_text},")?;
        }
        writeln!(out, "            ],")?;
        writeln!(out, "        }},")?;
    }
    writeln!(out, "    ],")?;
    writeln!(out, "    advice: &[")?;
    for quality in &model.quality {
        writeln!(out, "        [")?;
        for band in BANDS {
            let advice = text.advice.get(&quality.id).and_then(|b| b.get(band));
            let actions = advice.map_or(&[][..], |a| a.actions.as_slice());
            let reading = text_expr(&mut words, present(advice.and_then(|a| a.reading.as_ref())));
            let actions: Vec<String> = actions
                .iter()
                .map(|action| text_expr(&mut words, action))
                .collect();
            writeln!(
                out,
                "            crate::model::Advice {{ reading: {reading}, actions: &[{}] }},",
                actions.join(", ")
            )?;
        }
        writeln!(out, "        ],")?;
    }
    writeln!(out, "    ],")?;
    write!(out, "    summary: [")?;
    for band in BANDS {
        let summary = text_expr(&mut words, present(text.summary.get(band)));
        write!(out, "{summary}, ")?;
    }
    writeln!(out, "],")?;
    writeln!(
        out,
        "    ui: &LATER_UI_{},",
        locale.code.to_ascii_uppercase()
    )?;
    writeln!(out, "}};")?;
    writeln!(out)
}
