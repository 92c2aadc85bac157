//! The words that the release keeps out of the wasm's first part (`PERFIL_CM_LATER_WORDS`,
//! build/content.rs) are read only through their two readers, `advice::results_words` and
//! `model::full_version_words`.
//!
//! In the release those words arrive with the wasm's second part, which calling a reader
//! brings (tools/wasm-split moves both readers): code that read them another way could find
//! zeros. These tests read the source, as the split depends on how it is written.

use std::path::{Path, PathBuf};

/// The code of every file under `src/` that the release compiles: each file up to its first
/// `#[cfg(test)]`, since what tests read is not in the release, and no file of a module that
/// only tests compile.
fn release_code() -> Vec<(PathBuf, String)> {
    fn rust_files(dir: &Path, found: &mut Vec<PathBuf>) {
        for entry in std::fs::read_dir(dir).expect("src/ is readable") {
            let path = entry.expect("src/ is readable").path();
            if path.is_dir() {
                rust_files(&path, found);
            } else if path.extension().is_some_and(|e| e == "rs") {
                found.push(path);
            }
        }
    }
    let mut files = Vec::new();
    rust_files(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut files,
    );
    assert!(files.len() > 20, "{files:?}");
    let texts: Vec<(PathBuf, String)> = files
        .into_iter()
        .map(|file| {
            let text = std::fs::read_to_string(&file).expect("a source file is readable");
            (file, text)
        })
        .collect();
    // `#[cfg(test)] mod name;` (or `cfg(all(test, …))`) in `dir/x.rs` is `dir/x/name.rs`, in
    // lib.rs `src/name.rs`.
    let mut test_only = Vec::new();
    for (file, text) in &texts {
        let folder = if file.ends_with("lib.rs") {
            file.with_file_name("")
        } else {
            file.with_extension("")
        };
        let mut lines = text.lines();
        while let Some(line) = lines.next() {
            if line.starts_with("#[cfg(") && line.contains("test") {
                let next = lines.next().unwrap_or_default();
                if let Some(name) = next.strip_prefix("mod ").and_then(|n| n.strip_suffix(';')) {
                    test_only.push(folder.join(format!("{name}.rs")));
                }
            }
        }
    }
    assert!(test_only.len() >= 5, "{test_only:?}");
    texts
        .into_iter()
        .filter(|(file, _)| !test_only.contains(file))
        .map(|(file, text)| {
            let code = text
                .split("#[cfg(test)]")
                .next()
                .unwrap_or_default()
                .to_owned();
            (file, code)
        })
        .collect()
}

/// Fails if some release code, once `allowed` (file, text) pieces are taken out, reads one of
/// `fields`.
fn assert_read_only_through(reader: &str, fields: &[&str], allowed: &[(&str, &str)]) {
    for (file, mut code) in release_code() {
        for (name, piece) in allowed {
            if file.ends_with(name) {
                assert!(code.contains(piece), "{name} no longer has `{piece}`");
                code = code.replace(piece, "");
            }
        }
        for field in fields {
            // `.field` as a whole word: not `.advice_title`.
            let read = code.match_indices(&format!(".{field}")).any(|(at, found)| {
                !code[at + found.len()..].starts_with(|c: char| c.is_alphanumeric() || c == '_')
            });
            assert!(
                !read,
                "{} reads `.{field}`: read it through {reader}",
                file.display()
            );
        }
    }
}

#[test]
fn only_results_words_reads_the_descriptions_the_advice_and_the_summaries() {
    assert_read_only_through(
        "advice::results_words",
        &["description", "advice", "summary"],
        &[
            // The reader itself, and what reads what it returns.
            ("advice.rs", "advice: texts.advice,"),
            ("advice.rs", "summary: texts.summary,"),
            ("advice.rs", "results_words(locale).advice["),
            ("advice.rs", "results_words(locale).summary"),
            (
                "advice.rs",
                "results_words(locale).qualities[quality.index()].description",
            ),
            // The chart's own description, for screen readers.
            ("radar_chart.rs", "props.description"),
        ],
    );
}

#[test]
fn only_full_version_words_reads_the_scenarios_and_the_full_versions_statements() {
    assert_read_only_through(
        "model::full_version_words",
        &["scenarios", "items"],
        &[
            // The reader itself.
            ("model.rs", "items: texts.items,"),
            ("model.rs", "scenarios: texts.scenarios,"),
            // What reads what it returns.
            (
                "model.rs",
                "full_version_words(self)\n                .items",
            ),
            (
                "model.rs",
                "full_version_words(self)\n                .scenarios",
            ),
            // The quick version's statements, asked from the first question on.
            (
                "model.rs",
                "Question::Likert(i) if LIKERT_ITEMS.get(i).is_some_and(|item| item.quick) => {\n                self.items",
            ),
            // The answers' own field of that name.
            ("answers.rs", ".scenarios"),
        ],
    );
}
