//! Turns the data files under `content/` into Rust, so that no TOML parser ships in the wasm.
//!
//! Everything is validated first; a broken file stops the build with one line per problem, each
//! naming the file and the key. The rules themselves live in `build/content.rs`, which the test
//! suite also includes to check them on broken inputs.

use std::path::Path;
use std::process::ExitCode;
use std::{env, fs};

#[path = "build/content.rs"]
mod content;

fn main() -> ExitCode {
    println!("cargo::rerun-if-changed=content");
    println!("cargo::rerun-if-changed=build/content.rs");
    println!("cargo::rerun-if-changed=build/prerender.rs");
    release_link_args();

    let loaded = content::load(Path::new("content"));
    let generated = match loaded
        .as_ref()
        .map_err(Clone::clone)
        .and_then(content::generate)
    {
        Ok(code) => code,
        Err(errors) => {
            eprintln!("content/ has {} problem(s):", errors.len());
            for error in &errors {
                eprintln!("  {error}");
            }
            return ExitCode::FAILURE;
        }
    };
    // The intro as HTML for the page to show before the wasm arrives: Trunk's post_build hook
    // scripts/prerender.mjs puts it into index.html. Beside the joined style sheet, outside
    // OUT_DIR, because the hook cannot know OUT_DIR.
    if let Ok(content) = &loaded {
        let written = content::prerender::templates(content)
            .map_err(|e| e.to_string())
            .and_then(|html| {
                let dir = Path::new("target").join("generated");
                fs::create_dir_all(&dir)
                    .and_then(|()| fs::write(dir.join("prerender.html"), html))
                    .map_err(|e| e.to_string())
            });
        if let Err(error) = written {
            eprintln!("cannot write target/generated/prerender.html: {error}");
            return ExitCode::FAILURE;
        }
    }
    let Some(out_dir) = env::var_os("OUT_DIR") else {
        eprintln!("OUT_DIR is not set: build.rs must run under cargo");
        return ExitCode::FAILURE;
    };
    // The words of every language, as files the browser fetches when that language is chosen
    // (and the later words of every language but the source one): into target/generated/texts/
    // for the post_build hook (scripts/prerender.mjs) to copy beside index.html, and into
    // OUT_DIR for the native test that reads them back.
    if let Ok(content) = &loaded
        && let Err(error) = write_texts_files(content, Path::new(&out_dir))
    {
        eprintln!("cannot write the texts files: {error}");
        return ExitCode::FAILURE;
    }
    let out = Path::new(&out_dir).join("content.rs");
    if let Err(error) = fs::write(&out, generated) {
        eprintln!("cannot write {}: {error}", out.display());
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}

/// The wasm's stack, in bytes, in a release build. Rust gives wasm32 a 1 MiB stack, a part of
/// the linear memory every reader's browser holds from the start. The app's deepest paths (its
/// first screen, the full version's results, downloads, the recruiter builder) reach about
/// 12.5 KiB, so 128 KiB keeps ten times that in reserve; `tests/e2e/memory.test.mjs` measures the deepest path
/// against the stack it reads from the built wasm, and fails when it uses more than half. The stack lies first in memory
/// (`--stack-first`, Rust's default), so an overflow traps instead of writing over data. Debug
/// builds keep the default: their frames are many times larger.
const RELEASE_STACK_BYTES: u32 = 128 * 1024;

/// Sets the release wasm's stack size (see `RELEASE_STACK_BYTES`) for the app's binary, the one
/// Trunk builds, and has the linker write its map; tests and host builds are left alone.
fn release_link_args() {
    let release = env::var("PROFILE").is_ok_and(|p| p == "release");
    let wasm = env::var("CARGO_CFG_TARGET_ARCH").is_ok_and(|a| a == "wasm32");
    if release && wasm {
        println!("cargo::rustc-link-arg-bins=-zstack-size={RELEASE_STACK_BYTES}");
        // Where the linker put each read-only object: tools/wasm-split moves those that only the
        // wasm's second part reads (scripts/split.mjs reads the map from here).
        let map = Path::new(&env::var("CARGO_MANIFEST_DIR").unwrap_or_default())
            .join("target")
            .join("split");
        if let Err(error) = fs::create_dir_all(&map) {
            println!("cargo::warning={}: {error}", map.display());
        }
        println!(
            "cargo::rustc-link-arg-bins=--Map={}",
            map.join("release.map").display()
        );
    }
}

/// Writes each language's texts file, the words shown from the first question on (see
/// `content::texts_file`), and each non-source language's later file, the words shown only
/// later (`content::later_file`; the source language's are in the wasm's second part), and
/// removes those of earlier builds from target/generated/texts/ so that the hook copies only
/// today's.
fn write_texts_files(content: &content::Content, out_dir: &Path) -> Result<(), String> {
    let dir = Path::new("target").join("generated").join("texts");
    fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let mut names = Vec::new();
    for (i, locale) in content.locales.iter().enumerate() {
        let texts = content::texts_file(content, locale).map_err(|e| e.to_string())?;
        let mut files = vec![(
            content::texts_file_name(&locale.code, &texts),
            texts,
            format!("texts-{}.txt", locale.code),
        )];
        if i > 0 {
            let later = content::later_file(content, locale).map_err(|e| e.to_string())?;
            files.push((
                content::later_file_name(&locale.code, &later),
                later,
                format!("texts-{}-later.txt", locale.code),
            ));
        }
        for (name, file, test_name) in files {
            for path in [dir.join(&name), out_dir.join(test_name)] {
                fs::write(&path, &file).map_err(|e| format!("{}: {e}", path.display()))?;
            }
            names.push(name);
        }
    }
    let entries = fs::read_dir(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    for entry in entries.flatten() {
        if !names.iter().any(|name| entry.file_name() == name.as_str()) {
            let path = entry.path();
            fs::remove_file(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        }
    }
    Ok(())
}
