//! The page's look and, in a frame, its height, kept in step with the options of the address.

use yew::prelude::*;

use crate::options::UrlOptions;
use crate::platform::{embed, page};

/// Keeps the page's theme, accent and widget layout in step with `options`, says on the console
/// which option values were ignored, and, in a frame, tells the framing page the app's height
/// for as long as the app runs.
#[hook]
pub(crate) fn use_widget_look(options: &UrlOptions) {
    use_effect_with(options.clone(), |options| {
        // In a frame the app is a widget whatever the options say.
        embed::show_look(options, options.embed || page::in_frame());
        embed::warn_ignored(&options.notices);
    });
    use_effect_with((), |()| {
        let reporter = embed::report_height();
        move || drop(reporter)
    });
}
