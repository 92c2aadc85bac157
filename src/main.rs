//! Binary entry point: Trunk builds this into the wasm module; everything else lives in the
//! library so that tests can import it.

/// The allocator of the shipped wasm: talc instead of Rust's default, dlmalloc, which it
/// matches in speed and memory for this app in about 2 KB (brotli) less code (BENCHMARKS.md).
/// Here rather than in the library, so that the browser tests keep the default.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

fn main() {
    perfil_cm::start();
}
