//! Frames drawn since a component appeared: a large screen is built a part per frame, top
//! first, so that its top shows as soon as it is built.

use yew::prelude::*;

use crate::platform::page;

/// How many frames the browser has drawn since the component appeared, counting up to `up_to`
/// and staying there for the rest of its life: 0 while its first frame is being built, 1 from
/// the frame after, and so on. The results are the app's largest screen: building all of it in
/// one go took Yew about 21 ms on a fast machine, longer than a frame, before anything showed.
#[hook]
pub(crate) fn use_frames_drawn(up_to: u8) -> u8 {
    let drawn = use_state_eq(|| 0_u8);
    {
        let setter = drawn.setter();
        use_effect_with(*drawn, move |&frames| {
            if frames < up_to {
                page::after_next_paint(move || setter.set(frames + 1));
            }
        });
    }
    *drawn
}
