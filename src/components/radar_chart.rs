//! The radar chart: an inline SVG drawn by the app (no chart library), with one polygon per
//! series and one focusable point per axis.
//!
//! The drawing is one `role="img"` SVG with a title and a description (strengths and growth
//! areas), rendered from [`chart::scene`], the same scene as the downloaded file. The points
//! live in a second SVG laid over it with the same viewBox, so that no interactive element sits
//! inside an image role. One point is in the tab order at a time; the arrow keys move between
//! axes, and focus or hover shows the quality, score and band below.

use yew::prelude::*;
use yew::virtual_dom::VList;

use crate::chart::radar::{self, num};
use crate::chart::{self, Geometry, Role, Scene, Series, SeriesKind, Shape, Style, Token};
use crate::i18n::{Locale, fill};
use crate::model::Quality;
use crate::platform::page;
use crate::scoring::Band;

/// Properties of [`RadarChart`].
#[derive(Properties, PartialEq)]
pub(crate) struct RadarChartProps {
    /// The language to show.
    pub(crate) locale: Locale,
    /// The series to draw; the first is the result being shown.
    pub(crate) series: Vec<Series>,
    /// The chart's description for assistive technology.
    pub(crate) description: String,
    /// Whether the first series' points can be focused and read one by one. The builder's
    /// preview has none: its sliders already say each level.
    #[prop_or(true)]
    pub(crate) points: bool,
    /// The drawing's title, when it is not the person's profile.
    #[prop_or_default]
    pub(crate) title: Option<&'static str>,
}

fn point_id(quality: Quality) -> String {
    format!("radar-point-{}", quality.index())
}

/// The quality on the next axis clockwise (`forward`) or anticlockwise, round the circle.
fn neighbour(quality: Quality, forward: bool) -> Quality {
    let step = if forward { 1 } else { Quality::COUNT - 1 };
    Quality::ALL[(quality.index() + step) % Quality::COUNT]
}

/// What a point says: quality, score and band, or "no data".
fn point_text(locale: Locale, quality: Quality, score: Option<u8>) -> String {
    let later = crate::i18n::later_ui(locale);
    let name = locale.texts().quality(quality).name;
    match score {
        Some(score) => fill(
            later.radar_point,
            &[
                ("quality", name),
                ("score", &score.to_string()),
                ("band", Band::of(score).label(later)),
            ],
        ),
        None => fill(later.radar_point_no_data, &[("quality", name)]),
    }
}

/// The drawing of `scene` on screen, shape by shape in the scene's order. Each shape has its
/// role's classes and its tokens' paint classes, which the stylesheet maps to the themed
/// colours; geometry and numeric style are attributes, as in the file. The label of the
/// `active` quality's axis is marked.
fn drawing(scene: &Scene, active: Option<Quality>) -> Html {
    let shapes = scene.shapes.iter().map(|shape| {
        let active = matches!(shape.role, Role::AxisLabel(q) if Some(q) == active);
        shape_node(shape, active)
    });
    VList::with_children(shapes.collect(), None).into()
}

/// One shape of [`drawing`]: one element per kind of geometry, each with its geometry and the
/// style's numeric attributes (an attribute without a value is not written).
fn shape_node(shape: &Shape, active: bool) -> Html {
    let style = shape.style();
    let mut class = paint_classes(style);
    if active {
        class.push("radar__label--active");
    }
    let Style {
        fill_opacity,
        stroke_width,
        stroke_opacity,
        dash,
        linecap,
        linejoin,
        ..
    } = *style;
    let fill = style.fill_none();
    match &shape.geometry {
        Geometry::Path { d } => html! {
            <path {class} d={d.clone()} {fill} fill-opacity={fill_opacity}
                stroke-width={stroke_width} stroke-opacity={stroke_opacity}
                stroke-dasharray={dash} stroke-linecap={linecap} stroke-linejoin={linejoin} />
        },
        Geometry::Line { from, to } => html! {
            <line {class} x1={num(from.x)} y1={num(from.y)} x2={num(to.x)} y2={num(to.y)}
                {fill} fill-opacity={fill_opacity}
                stroke-width={stroke_width} stroke-opacity={stroke_opacity}
                stroke-dasharray={dash} stroke-linecap={linecap} stroke-linejoin={linejoin} />
        },
        Geometry::Polygon { points } => html! {
            <polygon {class} points={points.clone()} {fill} fill-opacity={fill_opacity}
                stroke-width={stroke_width} stroke-opacity={stroke_opacity}
                stroke-dasharray={dash} stroke-linecap={linecap} stroke-linejoin={linejoin} />
        },
        Geometry::Text(text) => html! {
            <text {class} x={num(text.at.x)} y={num(text.at.y)}
                text-anchor={text.anchor.as_svg()} font-size={num(text.font_size)}
                {fill} fill-opacity={fill_opacity}
                stroke-width={stroke_width} stroke-opacity={stroke_opacity}
                stroke-dasharray={dash} stroke-linecap={linecap} stroke-linejoin={linejoin}>
                if let Some(plain) = text.plain() {
                    { plain.to_owned() }
                }
                for tspan in text.tspans() {
                    <tspan x={tspan.x} dy={tspan.dy}>{ tspan.text.to_owned() }</tspan>
                }
            </text>
        },
    }
}

/// The role's classes of `style` followed by the paint classes of its tokens.
fn paint_classes(style: &Style) -> Classes {
    classes!(
        style.class,
        style.fill.map(Token::fill_class),
        style.stroke.map(Token::stroke_class)
    )
}

/// The legend's sample of a series of `kind`: a line drawn like its polygon's outline.
fn swatch(kind: SeriesKind) -> Html {
    let style = chart::style(Role::Series(kind));
    html! {
        <line class={paint_classes(style)} x1="1" y1="4" x2="23" y2="4"
            fill={style.fill_none()} fill-opacity={style.fill_opacity}
            stroke-width={style.stroke_width} stroke-opacity={style.stroke_opacity}
            stroke-dasharray={style.dash} stroke-linecap={style.linecap}
            stroke-linejoin={style.linejoin} />
    }
}

/// The radar chart.
#[component]
pub(crate) fn RadarChart(props: &RadarChartProps) -> Html {
    // The point in the tab order, and the one whose reading shows (focused or hovered).
    let active = use_state(|| Quality::ALL[0]);
    let shown = use_state(|| None::<Quality>);
    let locale = props.locale;
    let later = crate::i18n::later_ui(locale);
    let scene = chart::scene(&chart::layout(locale), &props.series);
    let view_box = scene.view_box_attribute();
    let own = props
        .series
        .first()
        .map(|s| s.values)
        .unwrap_or([None; Quality::COUNT]);
    let readout = shown
        .map(|quality| point_text(locale, quality, own[quality.index()]))
        .unwrap_or_else(|| later.radar_hint.to_owned());

    let onkeydown = {
        let active = active.clone();
        let shown = shown.clone();
        Callback::from(move |event: KeyboardEvent| {
            let next = match event.key().as_str() {
                "ArrowRight" | "ArrowDown" => neighbour(*active, true),
                "ArrowLeft" | "ArrowUp" => neighbour(*active, false),
                "Home" => Quality::ALL[0],
                "End" => Quality::ALL[Quality::COUNT - 1],
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
                    <title id="radar-title">{ props.title.unwrap_or(later.radar_title) }</title>
                    <desc id="radar-desc">{ props.description.clone() }</desc>
                    { drawing(&scene, *shown) }
                </svg>
                if props.points {
                <svg class="radar__points" viewBox={view_box} role="group"
                    aria-label={later.radar_points_label} {onkeydown}>
                    for quality in Quality::ALL {
                        <circle
                            key={quality.id()}
                            id={point_id(quality)}
                            class={classes!("radar__point", (*shown == Some(quality)).then_some("radar__point--active"))}
                            cx={num(radar::point(quality, own[quality.index()].unwrap_or(0)).x)}
                            cy={num(radar::point(quality, own[quality.index()].unwrap_or(0)).y)}
                            r="7"
                            role="img"
                            tabindex={if quality == *active { "0" } else { "-1" }}
                            aria-label={point_text(locale, quality, own[quality.index()])}
                            data-quality={quality.id()}
                            onfocus={
                                let (active, shown) = (active.clone(), shown.clone());
                                Callback::from(move |_: FocusEvent| { active.set(quality); shown.set(Some(quality)); })
                            }
                            onmouseenter={
                                let shown = shown.clone();
                                Callback::from(move |_: MouseEvent| shown.set(Some(quality)))
                            }
                            onblur={
                                let shown = shown.clone();
                                Callback::from(move |_: FocusEvent| shown.set(None))
                            }
                        />
                    }
                </svg>
                }
            </div>
            if props.points {
                <figcaption class="radar__readout" aria-live="polite">{ readout }</figcaption>
            }
            if props.series.len() > 1 {
                <ul class="radar__legend">
                    for item in &props.series {
                        <li key={item.name.clone()} class="radar__legend-item">
                            <svg class="radar__swatch" viewBox="0 0 24 8" aria-hidden="true" focusable="false">
                                { swatch(item.kind) }
                            </svg>
                            { item.name.clone() }
                        </li>
                    }
                </ul>
            }
        </figure>
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use yew::virtual_dom::VNode;

    use super::*;
    use crate::chart::svg;

    /// A drawn element, as comparable between the screen and the file: its name, its
    /// attributes with colours as light-theme values, its own text and its child elements.
    #[derive(Debug, PartialEq)]
    struct Drawn {
        element: String,
        attributes: BTreeMap<String, String>,
        text: String,
        children: Vec<Drawn>,
    }

    /// The elements of a screen node, lists flattened; paint classes become the `fill` or
    /// `stroke` of their token's light value, as the file writes them.
    fn from_screen(node: &VNode, out: &mut Vec<Drawn>) {
        match node {
            VNode::VList(list) => list.iter().for_each(|child| from_screen(child, out)),
            VNode::VTag(tag) => {
                let mut attributes = BTreeMap::new();
                for (name, value) in tag.attributes.iter() {
                    if name != "class" {
                        attributes.insert(name.to_owned(), value.to_owned());
                        continue;
                    }
                    let mut roles = Vec::new();
                    for class in value.split(' ') {
                        let paint = Token::ALL.into_iter().find_map(|token| {
                            if class == token.fill_class() {
                                Some(("fill", token.light()))
                            } else if class == token.stroke_class() {
                                Some(("stroke", token.light()))
                            } else {
                                None
                            }
                        });
                        match paint {
                            Some((paint, colour)) => {
                                attributes.insert(paint.to_owned(), colour.to_owned());
                            }
                            None => roles.push(class),
                        }
                    }
                    attributes.insert("class".to_owned(), roles.join(" "));
                }
                let (mut text, mut children) = (String::new(), Vec::new());
                for child in tag.children().map(flatten).unwrap_or_default() {
                    match child {
                        VNode::VText(t) => text.push_str(&t.text),
                        other => from_screen(other, &mut children),
                    }
                }
                out.push(Drawn {
                    element: tag.tag().to_owned(),
                    attributes,
                    text,
                    children,
                });
            }
            other => panic!("the drawing holds only elements and text: {other:?}"),
        }
    }

    /// `node`, or the nodes of a list, flattened.
    fn flatten(node: &VNode) -> Vec<&VNode> {
        match node {
            VNode::VList(list) => list.iter().flat_map(flatten).collect(),
            other => vec![other],
        }
    }

    /// An element of the file.
    fn from_file(node: roxmltree::Node) -> Drawn {
        Drawn {
            element: node.tag_name().name().to_owned(),
            attributes: node
                .attributes()
                .map(|a| (a.name().to_owned(), a.value().to_owned()))
                .collect(),
            text: node
                .children()
                .filter(|child| child.is_text())
                .filter_map(|child| child.text())
                .collect(),
            children: node
                .children()
                .filter(|child| child.is_element())
                .map(from_file)
                .collect(),
        }
    }

    fn every_kind() -> Vec<Series> {
        [SeriesKind::Earlier, SeriesKind::Own, SeriesKind::Target]
            .into_iter()
            .enumerate()
            .map(|(i, kind)| Series {
                name: format!("{kind:?}"),
                values: std::array::from_fn(|axis| u8::try_from(axis * 7 + i * 11).ok()),
                kind,
            })
            .collect()
    }

    /// The screen and the file draw the same scene: the same shapes in the same order, with
    /// the same role, geometry, text, numeric style and colour (the screen's paint class is the
    /// file's light value of the same token).
    #[test]
    fn the_screen_and_the_file_draw_the_same_shapes_in_the_same_order() {
        for locale in Locale::ALL {
            let scene = chart::scene(&chart::layout(locale), &every_kind());
            let mut screen = Vec::new();
            from_screen(&drawing(&scene, None), &mut screen);

            let text = svg::render(&scene, "Perfil <CM>");
            let document = roxmltree::Document::parse(&text).expect("the file is XML");
            let root = document.root_element();
            let mut elements = root.children().filter(|node| node.is_element());
            let head: Vec<String> = elements
                .by_ref()
                .take(2)
                .map(|node| node.tag_name().name().to_owned())
                .collect();
            assert_eq!(head, ["title", "rect"], "the file's title and background");
            let file: Vec<Drawn> = elements.map(from_file).collect();

            for (index, (on_screen, in_file)) in screen.iter().zip(&file).enumerate() {
                assert_eq!(
                    on_screen, in_file,
                    "{locale:?}: shape {index} differs (left: screen, right: file)"
                );
            }
            assert_eq!(
                (screen.len(), file.len()),
                (scene.shapes.len(), scene.shapes.len()),
                "{locale:?}: shapes drawn on screen and in the file, and in the scene"
            );
        }
    }

    #[test]
    fn the_active_label_is_marked_on_screen_only() {
        let scene = chart::scene(&chart::layout(Locale::Es), &every_kind());
        let mut screen = Vec::new();
        from_screen(&drawing(&scene, Some(Quality::ALL[2])), &mut screen);
        let active: Vec<usize> = screen
            .iter()
            .enumerate()
            .filter(|(_, shape)| shape.attributes["class"].contains("radar__label--active"))
            .map(|(index, _)| index)
            .collect();
        let third_label = scene
            .shapes
            .iter()
            .position(|shape| shape.role == Role::AxisLabel(Quality::ALL[2]));
        assert_eq!(active, third_label.into_iter().collect::<Vec<_>>());
    }
}
