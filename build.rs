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

    let generated = match content::load(Path::new("content")).and_then(|c| content::generate(&c)) {
        Ok(code) => code,
        Err(errors) => {
            eprintln!("content/ has {} problem(s):", errors.len());
            for error in &errors {
                eprintln!("  {error}");
            }
            return ExitCode::FAILURE;
        }
    };
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
