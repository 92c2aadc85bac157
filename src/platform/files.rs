//! Downloads made in the browser: text files (JSON, SVG) from a Blob, and a PNG drawn from the
//! radar's SVG on a canvas. Nothing is uploaded anywhere; the CSP allows `blob:` and `data:`
//! images for exactly this.

use std::fmt;

use gloo_events::EventListener;
use gloo_timers::callback::Timeout;
use wasm_bindgen::JsCast;
use web_sys::{
    Blob, BlobPropertyBag, CanvasRenderingContext2d, HtmlAnchorElement, HtmlCanvasElement,
    HtmlImageElement, Url,
};

/// Why a download could not be made.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum DownloadError {
    /// No window or document.
    NoDocument,
    /// The browser refused to make the file (Blob, object URL or canvas).
    Refused(&'static str),
}

impl fmt::Display for DownloadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DownloadError::NoDocument => f.write_str("no document to download from"),
            DownloadError::Refused(step) => write!(f, "the browser refused: {step}"),
        }
    }
}

impl std::error::Error for DownloadError {}

/// What the page can know of a download it handed to the browser.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Delivery {
    /// On a page of its own: the browser saves it or asks where to.
    Started,
    /// From inside a frame, whose host may forbid downloads (`sandbox` without
    /// `allow-downloads`). The browser then drops it without telling the frame, so the person
    /// is told how to get the file another way.
    Unconfirmed,
}

fn document() -> Result<web_sys::Document, DownloadError> {
    web_sys::window()
        .and_then(|w| w.document())
        .ok_or(DownloadError::NoDocument)
}

/// A new, detached `tag` element of type `T`; `what` names it in the error.
fn create<T: JsCast>(tag: &str, what: &'static str) -> Result<T, DownloadError> {
    document()?
        .create_element(tag)
        .ok()
        .and_then(|element| element.dyn_into().ok())
        .ok_or(DownloadError::Refused(what))
}

/// Saves `href` as `filename` through a temporary link.
fn save(href: &str, filename: &str) -> Result<Delivery, DownloadError> {
    let link: HtmlAnchorElement = create("a", "link")?;
    link.set_href(href);
    link.set_download(filename);
    link.click();
    Ok(if super::page::in_frame() {
        Delivery::Unconfirmed
    } else {
        Delivery::Started
    })
}

fn blob_url(content: &str, mime: &str) -> Result<String, DownloadError> {
    let parts = js_sys::Array::of1(&content.into());
    let options = BlobPropertyBag::new();
    options.set_type(mime);
    let blob = Blob::new_with_str_sequence_and_options(&parts, &options)
        .map_err(|_| DownloadError::Refused("blob"))?;
    Url::create_object_url_with_blob(&blob).map_err(|_| DownloadError::Refused("object URL"))
}

/// Frees an object URL once its download has read it.
fn revoke(url: &str) {
    if let Err(error) = Url::revoke_object_url(url) {
        super::warn("could not free a download's object URL", &error);
    }
}

/// Downloads `content` as a text file.
pub(crate) fn download_text(
    filename: &str,
    mime: &str,
    content: &str,
) -> Result<Delivery, DownloadError> {
    let url = blob_url(content, mime)?;
    let saved = save(&url, filename);
    // Revoke later: the download reads the URL after this function returns.
    Timeout::new(10_000, move || revoke(&url)).forget();
    saved
}

/// Draws `svg` on a `width`×`height` canvas and downloads it as a PNG. The drawing happens when
/// the image has loaded, so the result comes through `on_done`.
pub(crate) fn download_png(
    svg: &str,
    width: u32,
    height: u32,
    filename: &str,
    on_done: impl FnOnce(Result<Delivery, DownloadError>) + 'static,
) {
    let start = || -> Result<(HtmlImageElement, String), DownloadError> {
        let url = blob_url(svg, "image/svg+xml")?;
        let image = HtmlImageElement::new().map_err(|_| DownloadError::Refused("image"))?;
        Ok((image, url))
    };
    let (image, url) = match start() {
        Ok(started) => started,
        Err(error) => return on_done(Err(error)),
    };
    let filename = filename.to_owned();
    let on_done = std::rc::Rc::new(std::cell::RefCell::new(Some(on_done)));
    let finish = {
        let on_done = on_done.clone();
        move |result| {
            if let Some(on_done) = on_done.borrow_mut().take() {
                on_done(result);
            }
        }
    };
    let loaded = image.clone();
    let url_for_load = url.clone();
    let finish_load = finish.clone();
    // One-shot listeners; forgetting them leaks two small closures per PNG, which is simpler
    // than keeping them alive from inside their own callbacks.
    EventListener::once(&image, "load", move |_| {
        let result = draw(&loaded, width, height).and_then(|data| save(&data, &filename));
        revoke(&url_for_load);
        finish_load(result);
    })
    .forget();
    EventListener::once(&image, "error", move |_| {
        finish(Err(DownloadError::Refused("image load")))
    })
    .forget();
    image.set_src(&url);
}

/// The image drawn on a white canvas, as a PNG `data:` URL.
fn draw(image: &HtmlImageElement, width: u32, height: u32) -> Result<String, DownloadError> {
    let canvas: HtmlCanvasElement = create("canvas", "canvas")?;
    canvas.set_width(width);
    canvas.set_height(height);
    let context: CanvasRenderingContext2d = canvas
        .get_context("2d")
        .ok()
        .flatten()
        .and_then(|c| c.dyn_into().ok())
        .ok_or(DownloadError::Refused("canvas context"))?;
    context
        .draw_image_with_html_image_element_and_dw_and_dh(
            image,
            0.0,
            0.0,
            f64::from(width),
            f64::from(height),
        )
        .map_err(|_| DownloadError::Refused("drawing"))?;
    canvas
        .to_data_url_with_type("image/png")
        .map_err(|_| DownloadError::Refused("PNG encoding"))
}
