//! Binary entry point: Trunk builds this into the wasm module; everything else lives in the
//! library so that tests can import it.

fn main() {
    perfil_cm::start();
}
