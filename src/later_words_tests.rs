//! The words shown only after the first questions (`model::LaterWords`) are read only through
//! their three readers, `advice::results_words`, `model::full_version_words` and
//! `i18n::later_ui`.
//!
//! In the release the source language's arrive with the wasm's second part
//! (`PERFIL_CM_LATER_WORDS`, build/content.rs), which calling a reader brings (tools/wasm-split
//! moves both readers): code that read them another way could find zeros. This test reads the
//! source, as the split depends on how it is written.

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

#[test]
fn only_their_three_readers_read_the_later_words() {
    // `Locale::later` is the only way to them (content.rs defines it, and keeps the words).
    let readers = [
        ("advice.rs", "fn results_words(locale: Locale)"),
        ("model.rs", "fn full_version_words(locale: Locale)"),
        ("i18n.rs", "fn later_ui(locale: Locale)"),
    ];
    for (file, code) in release_code() {
        if file.ends_with("content.rs") {
            continue;
        }
        // Comments may name them.
        let mut code: String = code
            .lines()
            .filter(|line| !line.trim_start().starts_with("//"))
            .flat_map(|line| [line, "\n"])
            .collect();
        for (name, reader) in readers {
            if file.ends_with(name) {
                let at = code
                    .find(reader)
                    .unwrap_or_else(|| panic!("{name} has no `{reader}`"));
                // The reader's body, up to its closing brace at the start of a line.
                let end = code[at..].find("\n}").map_or(code.len(), |end| at + end);
                assert!(code[at..end].contains("locale.later()"), "{reader}");
                code.replace_range(at..end, "");
            }
        }
        for way in ["later()", "LATER_", "bundled_later"] {
            assert!(
                !code.contains(way),
                "{} reads the later words (`{way}`): read them through advice::results_words, \
                 model::full_version_words or i18n::later_ui",
                file.display()
            );
        }
    }
}
