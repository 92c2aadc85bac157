//! The radar chart: an inline SVG drawn by the app (no chart library), with one polygon per
//! series and one focusable point per axis.
//!
//! The drawing is one `role="img"` SVG with a title and a description (strengths and growth
//! areas). The points live in a second SVG laid over it with the same viewBox, so that no
//! interactive element sits inside an image role. One point is in the tab order at a time; the
//! arrow keys move between axes, and focus or hover shows the quality, score and band below.

use yew::prelude::*;

use crate::chart::{self, RINGS, Series, group_spans};
use crate::i18n::{Locale, fill};
use crate::model::Quality;
use crate::platform::page;
use crate::chart::radar::{FONT_SIZE, GROUP_ARC_OFFSET, RING_FONT_SIZE, RING_LABEL_ANCHOR, num};
use crate::scoring::Band;

/// Properties of [`RadarChart`].
#[derive(Properties, PartialEq)]
pub struct RadarChartProps {
    /// The language to show.
    pub locale: Locale,
    /// The series to draw; the first is the result being shown.
    pub series: Vec<Series>,
    /// The chart's description for assistive technology.
    pub description: String,
}

fn point_id(axis: usize) -> String {
    format!("radar-point-{axis}")
}

/// What a point says: quality, score and band, or "no data".
fn point_text(locale: Locale, quality: Quality, score: Option<u8>) -> String {
    let ui = locale.ui();
    let name = locale.texts().quality(quality).name;
    match score {
        Some(score) => fill(
            ui.radar_point,
            &[
                ("quality", name),
                ("score", &score.to_string()),
                ("band", Band::of(score).label(ui)),
            ],
        ),
        None => fill(ui.radar_point_no_data, &[("quality", name)]),
    }
}

/// The radar chart.
#[component]
pub fn RadarChart(props: &RadarChartProps) -> Html {
    let active = use_state(|| 0_usize);
    let shown = use_state(|| None::<usize>);
    let locale = props.locale;
    let ui = locale.ui();
    let (radar, labels, (x, y, width, height)) = chart::layout(locale);
    let view_box = format!("{} {} {} {}", num(x), num(y), num(width), num(height));
    let own = props
        .series
        .first()
        .map(|s| s.values)
        .unwrap_or([None; Quality::COUNT]);
    let readout = shown
        .map(|axis| {
            point_text(
                locale,
                Quality::ALL[axis % Quality::COUNT],
                own[axis % Quality::COUNT],
            )
        })
        .unwrap_or_else(|| ui.radar_hint.to_owned());

    let onkeydown = {
        let active = active.clone();
        let shown = shown.clone();
        Callback::from(move |event: KeyboardEvent| {
            let count = Quality::COUNT;
            let next = match event.key().as_str() {
                "ArrowRight" | "ArrowDown" => (*active + 1) % count,
                "ArrowLeft" | "ArrowUp" => (*active + count - 1) % count,
                "Home" => 0,
                "End" => count - 1,
                _ => return,
            };
            event.prevent_default();
            active.set(next);
            shown.set(Some(next));
            page::focus(&point_id(next));
        })
    };

    html! {
        <figure class="radar">
            <div class="radar__stage">
                <svg class="radar__svg" viewBox={view_box.clone()} role="img"
                    aria-labelledby="radar-title radar-desc">
                    <title id="radar-title">{ ui.radar_title }</title>
                    <desc id="radar-desc">{ props.description.clone() }</desc>
                    for ring in RINGS {
                        <path key={ring} class="radar__ring" d={radar.ring_path(f64::from(ring))} />
                    }
                    for axis in 0..Quality::COUNT {
                        <line
                            key={axis}
                            class="radar__spoke"
                            x1={num(radar.spoke(axis).0.x)}
                            y1={num(radar.spoke(axis).0.y)}
                            x2={num(radar.spoke(axis).1.x)}
                            y2={num(radar.spoke(axis).1.y)}
                        />
                    }
                    for (group, first, last) in group_spans() {
                        <path
                            key={group.id()}
                            class={classes!("radar__group", format!("radar__group--{}", group.id()))}
                            d={radar.group_arc(first, last, GROUP_ARC_OFFSET)}
                        />
                    }
                    for ring in RINGS {
                        <text
                            key={ring}
                            class="radar__ring-label"
                            x={num(radar.ring_label(f64::from(ring)).x)}
                            y={num(radar.ring_label(f64::from(ring)).y)}
                            text-anchor={RING_LABEL_ANCHOR.as_svg()}
                            font-size={num(RING_FONT_SIZE)}
                        >
                            { ring }
                        </text>
                    }
                    for item in &props.series {
                        <polygon
                            key={item.name.clone()}
                            class={classes!("radar__series", item.kind.class())}
                            points={radar.polygon_points(&item.values)}
                        />
                    }
                    for (axis, label) in labels.iter().enumerate() {
                        <text
                            key={axis}
                            class={classes!("radar__label", (*shown == Some(axis)).then_some("radar__label--active"))}
                            x={num(label.x)}
                            y={num(label.y)}
                            text-anchor={label.anchor.as_svg()}
                            // The size the label boxes were laid out for, from the geometry.
                            font-size={num(FONT_SIZE)}
                        >
                            for (line, text) in label.lines.iter().enumerate() {
                                <tspan
                                    key={line}
                                    x={num(label.x)}
                                    dy={if line == 0 { "0".to_owned() } else { num(label.line_height) }}
                                >
                                    { text.clone() }
                                </tspan>
                            }
                        </text>
                    }
                </svg>
                <svg class="radar__points" viewBox={view_box} role="group"
                    aria-label={ui.radar_points_label} {onkeydown}>
                    for (axis, quality) in Quality::ALL.into_iter().enumerate() {
                        <circle
                            key={axis}
                            id={point_id(axis)}
                            class={classes!("radar__point", (*shown == Some(axis)).then_some("radar__point--active"))}
                            cx={num(radar.point(axis, f64::from(own[axis].unwrap_or(0))).x)}
                            cy={num(radar.point(axis, f64::from(own[axis].unwrap_or(0))).y)}
                            r="7"
                            role="img"
                            tabindex={if axis == *active { "0" } else { "-1" }}
                            aria-label={point_text(locale, quality, own[axis])}
                            data-quality={quality.id()}
                            onfocus={
                                let (active, shown) = (active.clone(), shown.clone());
                                Callback::from(move |_: FocusEvent| { active.set(axis); shown.set(Some(axis)); })
                            }
                            onmouseenter={
                                let shown = shown.clone();
                                Callback::from(move |_: MouseEvent| shown.set(Some(axis)))
                            }
                            onblur={
                                let shown = shown.clone();
                                Callback::from(move |_: FocusEvent| shown.set(None))
                            }
                        />
                    }
                </svg>
            </div>
            <figcaption class="radar__readout" aria-live="polite">{ readout }</figcaption>
            if props.series.len() > 1 {
                <ul class="radar__legend">
                    for item in &props.series {
                        <li key={item.name.clone()} class="radar__legend-item">
                            <svg class="radar__swatch" viewBox="0 0 24 8" aria-hidden="true" focusable="false">
                                <line class={classes!("radar__series", item.kind.class())} x1="1" y1="4" x2="23" y2="4" />
                            </svg>
                            { item.name.clone() }
                        </li>
                    }
                </ul>
            }
        </figure>
    }
}
