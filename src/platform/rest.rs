//! The rest of the app: in a release build, the post_build hook splits the wasm in two
//! (tools/wasm-split, listed in tools/wasm-split/moved.txt): what the intro and the first
//! questions run, which the reader downloads first, and the rest (the results, the exports, the
//! recruiter's tools, the error paths), which arrives while they answer.
//!
//! Each function moved out left a stub behind. Once the rest is instantiated, the stub calls
//! the function through a table the rest has filled. Before that, it calls
//! [`perfil_cm_rest_needed`], which loads the rest synchronously: a rare path, taken only when a
//! moved function is needed before the download has finished. The download starts once the
//! reader has answered (`hooks::use_rest_fetched`), before the first render when the address
//! may open on the results ([`crate::start`]), or when the person goes from the intro or a
//! question to another screen (`hooks::use_address_sync`): those wait for it.
//!
//! The split build names the rest's file on the boot script's `data-perfil-cm-rest` attribute
//! (scripts/split.mjs). Without it, as in debug builds and browser tests, there is no rest:
//! the wasm is whole. It also names there, in `data-perfil-cm-later-css`, the style sheet of
//! what is shown only later (styles/order.txt, `[later]`): fetched beside the rest and adopted
//! by the document before anything that waits for the rest runs. (A build that is not split
//! links it in the page's head.)
//!
//! Keep this module small and free of dynamic calls (trait objects, `format!`) on the way to the
//! rest: the tool keeps this module and everything it calls directly in the first part, but a
//! call through a table could land on a stub, which would come back here. What waits for the
//! rest ([`after_arrival`]) is called through a table, once the download has ended.

use std::cell::RefCell;
use std::future::Future;
use std::pin::Pin;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicBool, Ordering};

use js_sys::{Object, Reflect, Uint8Array, WebAssembly};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::XmlHttpRequest;

use super::crash::Stop;

/// The boot script's attribute that names the rest's file.
const ATTRIBUTE: &str = "data-perfil-cm-rest";
/// The boot script's attribute that names the later styles' file.
const STYLES_ATTRIBUTE: &str = "data-perfil-cm-later-css";
/// The name under which the rest imports what it shares with the first part (tools/wasm-split).
const SHARED: &str = "p";
/// The name under which the rest imports the first part's functions, each by its slot in the
/// first part's table of functions, which the first part exports under the same name.
const FUNCTIONS: &str = "s";

/// Why the rest of the app could not be had.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum RestError {
    /// The request failed: offline, blocked, or the server answered with an error.
    Network,
    /// The file arrived but the browser would not compile or instantiate it with the first part.
    Refused,
    /// Loading the rest called a function of the rest: tools/wasm-split moved one it must keep.
    Circular,
}

impl RestError {
    /// What went wrong, for the console. Written without formatting, which could call code that
    /// is in the rest (see the module's documentation).
    fn message(self) -> &'static str {
        match self {
            RestError::Network => "Perfil CM: the request for the rest of the app failed",
            RestError::Refused => "Perfil CM: the browser refused the rest of the app",
            RestError::Circular => "Perfil CM: loading the rest of the app needed the rest",
        }
    }

    /// Says on the console what went wrong; the app goes on, and a stub will try again.
    pub(crate) fn warn(self) {
        web_sys::console::warn_1(&self.message().into());
    }
}

/// The rest's file, relative to the page, if this build is split.
fn file() -> Option<String> {
    boot_attribute(ATTRIBUTE)
}

/// The later styles' file, relative to the page, if this build is split (`platform::later`).
pub(crate) fn styles_file() -> Option<String> {
    boot_attribute(STYLES_ATTRIBUTE)
}

/// The boot script's attribute `name`, if it has it.
fn boot_attribute(name: &str) -> Option<String> {
    web_sys::window()?
        .document()?
        .query_selector(&["script[", name, "]"].concat())
        .ok()??
        .get_attribute(name)
}

/// What the rest imports: the first part's exports, under [`SHARED`], and the functions of its
/// table, under [`FUNCTIONS`], by slot (tools/wasm-split hands functions over this way: an
/// export would cost the first part a name for each).
fn imports() -> Result<Object, RestError> {
    let exports = wasm_bindgen::exports();
    let table: WebAssembly::Table = Reflect::get(&exports, &FUNCTIONS.into())
        .map_err(|_| RestError::Refused)?
        .dyn_into()
        .map_err(|_| RestError::Refused)?;
    let functions = Object::new();
    for slot in 0..table.length() {
        let function = table.get_raw(slot).map_err(|_| RestError::Refused)?;
        Reflect::set(&functions, &slot.into(), &function).map_err(|_| RestError::Refused)?;
    }
    let imports = Object::new();
    Reflect::set(&imports, &SHARED.into(), &exports).map_err(|_| RestError::Refused)?;
    Reflect::set(&imports, &FUNCTIONS.into(), &functions).map_err(|_| RestError::Refused)?;
    Ok(imports)
}

/// Whether this build is split, so that the caller can wait for [`fetch`] before rendering a
/// screen that needs the rest at once (results from a link).
pub(crate) fn split() -> bool {
    file().is_some()
}

/// Whether the rest is here, with what arrives with it ([`also_fetch`]).
pub(crate) fn arrived() -> bool {
    ARRIVED.load(Ordering::Relaxed)
}

/// What else arrives with the rest, once the rest is here and before what waits for it runs
/// (`platform::later`): the later styles, whose request a download starts beside the rest's,
/// and the later words of the languages that are not compiled in. Set once, at start; called
/// through these pointers once the rest has arrived, so that their code may be in the rest.
pub(crate) fn also_fetch(also: Also) {
    if ALSO.set(also).is_err() {
        super::warn_that("what arrives with the rest was set twice");
    }
}

/// See [`also_fetch`].
static ALSO: OnceLock<Also> = OnceLock::new();

/// What else arrives with the rest, to be awaited.
pub(crate) type Arriving = Pin<Box<dyn Future<Output = ()>>>;

/// What else arrives with the rest ([`also_fetch`]).
pub(crate) struct Also {
    /// Waits for the later styles' response, if there is one, and fetches the rest of what
    /// arrives with the rest; for a download.
    pub(crate) fetch: fn(Option<js_sys::Promise>) -> Arriving,
    /// Loads the later styles before returning; for a stub that loaded the rest.
    pub(crate) load_now: fn(),
}

/// Starts downloading the rest unless a download has been started before; if it fails, says so
/// on the console, and a stub will try again when the rest is needed.
pub(crate) fn fetch_in_background() {
    if !STARTED.load(Ordering::Relaxed) {
        download();
    }
}

/// Runs `then` once the rest is here: at once if it is (or the build is whole), otherwise once
/// the download under way, or a new one, has ended, whether or not the rest arrived (without it,
/// a stub will try again, and say so if it cannot). Callbacks run in the order they came. For
/// what needs the rest at once (a first render on the results, a screen opened from the intro),
/// so that the main thread does not wait for it; here, so that tools/wasm-split keeps the
/// machinery of this wait in the first part (the module's name pins it).
pub(crate) fn after_arrival(then: impl FnOnce() + 'static) {
    if ARRIVED.load(Ordering::Relaxed) || !split() {
        then();
        return;
    }
    WAITING.with(|waiting| waiting.borrow_mut().push(Box::new(then)));
    if !IN_FLIGHT.load(Ordering::Relaxed) {
        download();
    }
}

/// Runs `then` after what waits for the rest, if anything does, or for the rest itself if
/// `needs_rest`; otherwise at once. For a stream of changes that must keep its order.
pub(crate) fn in_turn(needs_rest: bool, then: impl FnOnce() + 'static) {
    let queue = WAITING.with(|waiting| !waiting.borrow().is_empty());
    if needs_rest || queue {
        after_arrival(then);
    } else {
        then();
    }
}

/// Downloads and instantiates the rest in the background, and what arrives with it
/// ([`also_fetch`]), then runs what waits for it.
fn download() {
    STARTED.store(true, Ordering::Relaxed);
    IN_FLIGHT.store(true, Ordering::Relaxed);
    wasm_bindgen_futures::spawn_local(async {
        match fetch().await {
            Ok(styles) => {
                if let Some(also) = ALSO.get() {
                    (also.fetch)(styles).await;
                }
                ARRIVED.store(true, Ordering::Relaxed);
            }
            Err(error) => error.warn(),
        }
        IN_FLIGHT.store(false, Ordering::Relaxed);
        let waiting = WAITING.with(|waiting| std::mem::take(&mut *waiting.borrow_mut()));
        for then in waiting {
            then();
        }
    });
}

/// Whether a download of the rest has been started.
static STARTED: AtomicBool = AtomicBool::new(false);
/// Whether a download of the rest is under way.
static IN_FLIGHT: AtomicBool = AtomicBool::new(false);
/// Whether the rest has been instantiated by a stub, or by a download that has also fetched
/// what arrives with it ([`also_fetch`]).
static ARRIVED: AtomicBool = AtomicBool::new(false);

thread_local! {
    /// What waits for the rest ([`after_arrival`]), in order.
    static WAITING: RefCell<Vec<Box<dyn FnOnce()>>> = const { RefCell::new(Vec::new()) };
}

/// Downloads and instantiates the rest, if this build is split, and starts the request for the
/// later styles beside it; returns that request. Instantiating the rest twice, should a stub have
/// loaded it meanwhile, is harmless: it has no state of its own.
async fn fetch() -> Result<Option<js_sys::Promise>, RestError> {
    let Some(file) = file() else {
        return Ok(None);
    };
    let window = web_sys::window().ok_or(RestError::Network)?;
    // Both at once: the styles are small and arrive first.
    let styles = styles_file().map(|styles| window.fetch_with_str(&styles));
    let response = window.fetch_with_str(&file);
    let imports = imports()?;
    JsFuture::from(WebAssembly::instantiate_streaming(&response, &imports))
        .await
        .map_err(|error| {
            if error.is_instance_of::<js_sys::TypeError>() {
                RestError::Network
            } else {
                RestError::Refused
            }
        })?;
    Ok(styles)
}

/// Downloads and instantiates the rest before returning: the main thread waits, as the code
/// that needs it cannot go on without it.
fn load_now() -> Result<(), RestError> {
    let file = file().ok_or(RestError::Network)?;
    let request = XmlHttpRequest::new().map_err(|_| RestError::Network)?;
    request
        .open_with_async("GET", &file, false)
        .map_err(|_| RestError::Network)?;
    // A synchronous request cannot ask for an ArrayBuffer; this charset maps each byte to one
    // UTF-16 code unit whose low byte it is.
    request
        .override_mime_type("text/plain; charset=x-user-defined")
        .map_err(|_| RestError::Network)?;
    request.send().map_err(|_| RestError::Network)?;
    let status = request.status().map_err(|_| RestError::Network)?;
    if status != 200 {
        return Err(RestError::Network);
    }
    let text = request
        .response_text()
        .ok()
        .flatten()
        .ok_or(RestError::Network)?;
    let bytes: Vec<u8> = text.chars().map(|unit| u32::from(unit) as u8).collect();
    let module = WebAssembly::Module::new(&Uint8Array::from(&bytes[..]).into())
        .map_err(|_| RestError::Refused)?;
    WebAssembly::Instance::new(&module, &imports()?).map_err(|_| RestError::Refused)?;
    Ok(())
}

/// Called by a stub of a moved function before the rest has arrived (tools/wasm-split finds it
/// by this name).
#[unsafe(no_mangle)]
pub extern "C" fn perfil_cm_rest_needed() {
    // Loading the rest must not need the rest: if it does, the tool has moved a function it should
    // have kept, and trying again would only repeat the request, deeper each time.
    if LOADING.swap(true, Ordering::Relaxed) {
        stop(RestError::Circular);
    }
    match load_now() {
        Ok(()) => {
            if let Some(also) = ALSO.get() {
                (also.load_now)();
            }
            ARRIVED.store(true, Ordering::Relaxed);
            LOADING.store(false, Ordering::Relaxed);
        }
        Err(error) => stop(error),
    }
}

/// Whether [`perfil_cm_rest_needed`] is loading the rest, or has failed to.
static LOADING: AtomicBool = AtomicBool::new(false);

/// Without the rest the app cannot go on: shows the crash screen, which says to reload once back
/// online (the answers are already in storage), and stops the code that needed the rest. Not by a
/// panic: its hook formats the message through code that may be in the rest.
#[cold]
fn stop(error: RestError) -> ! {
    web_sys::console::error_1(&error.message().into());
    let why = match error {
        RestError::Network => Stop::Offline,
        RestError::Refused | RestError::Circular => Stop::Panic,
    };
    if let Err(error) = super::crash::show(why) {
        web_sys::console::error_1(&error);
    }
    std::process::abort()
}
