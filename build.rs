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
    let out = Path::new(&out_dir).join("content.rs");
    if let Err(error) = fs::write(&out, generated) {
        eprintln!("cannot write {}: {error}", out.display());
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}
