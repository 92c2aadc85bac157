//! Content compiled from the data files in `content/` by `build.rs`.
//!
//! Pure core: no yew, web-sys or gloo. The generated code defines [`Locale`] (one variant per
//! folder of `content/`, Spanish first) and [`Ui`] (the interface strings of one locale). Because
//! the data becomes Rust at build time, no parser ships in the wasm, and a string that one locale
//! lacks fails the build instead of showing an empty label.

include!(concat!(env!("OUT_DIR"), "/content.rs"));

#[cfg(test)]
mod neutral_spanish;
#[cfg(test)]
mod rules;
