//! The results radar, drawn once: what it shows (a list of named [`Series`]), the [`scene`] of
//! shapes that draws it, and the [`style`] table that says how each kind of shape is painted.
//!
//! Pure core: no yew, web-sys or gloo. Two thin renderers read the same scene and the same
//! table: `components::radar_chart` turns it into the on-screen SVG, whose colours come from
//! CSS classes (so that the dark theme applies and no `style` attribute is needed), and
//! [`svg`] writes the standalone SVG document for "Descargar SVG" and PNG, which cannot use
//! the page's CSS and so carries the light theme's colours. Everything else about a shape,
//! geometry and numeric style, is written as the same SVG attributes by both.

pub(crate) mod radar;
pub(crate) mod svg;

pub(crate) use svg::{svg_document, svg_size};

use crate::i18n::Locale;
use crate::model::{Group, Quality};
use radar::{Anchor, FONT_SIZE, GROUP_ARC_OFFSET, Label, Point, RING_FONT_SIZE, Rect, num};

/// What a series is, which alone decides how it is drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum SeriesKind {
    /// The result being shown.
    Own,
    /// An earlier attempt, for comparison.
    Earlier,
    /// The level a role asks for (a target link), for comparison; not required is the centre.
    Target,
}

/// One polygon on the radar.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Series {
    /// Shown in the legend, e.g. "Tu resultado" or "12/10/2026".
    pub(crate) name: String,
    /// By [`Quality::index`]; `None` is drawn at the centre.
    pub(crate) values: [Option<u8>; Quality::COUNT],
    /// How to draw it.
    pub(crate) kind: SeriesKind,
}

/// The rings drawn, with their value labels.
pub(crate) const RINGS: [u8; 4] = [25, 50, 75, 100];

/// A colour of the design tokens in `styles/tokens.css`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Token {
    /// Background of the chart.
    Surface,
    /// Axis labels.
    Text,
    /// Ring values.
    Muted,
    /// Rings and spokes.
    Grid,
    /// The first article's arc.
    Highlight,
    /// The second article's arc.
    Accent,
    /// [`SeriesKind::Own`].
    SeriesOwn,
    /// [`SeriesKind::Earlier`].
    SeriesEarlier,
    /// [`SeriesKind::Target`].
    SeriesTarget,
}

impl Token {
    /// Every token.
    #[cfg(test)]
    pub(crate) const ALL: [Token; 9] = [
        Token::Surface,
        Token::Text,
        Token::Muted,
        Token::Grid,
        Token::Highlight,
        Token::Accent,
        Token::SeriesOwn,
        Token::SeriesEarlier,
        Token::SeriesTarget,
    ];

    /// The token's name, as in its custom property and its paint classes.
    #[cfg(test)]
    pub(crate) const fn name(self) -> &'static str {
        match self {
            Token::Surface => "surface",
            Token::Text => "text",
            Token::Muted => "muted",
            Token::Grid => "grid",
            Token::Highlight => "highlight",
            Token::Accent => "accent",
            Token::SeriesOwn => "series-own",
            Token::SeriesEarlier => "series-earlier",
            Token::SeriesTarget => "series-target",
        }
    }

    /// The CSS custom property that holds the colour, themed (`--pcm-color-grid`).
    #[cfg(test)]
    pub(crate) const fn property(self) -> &'static str {
        match self {
            Token::Surface => "--pcm-color-surface",
            Token::Text => "--pcm-color-text",
            Token::Muted => "--pcm-color-muted",
            Token::Grid => "--pcm-color-grid",
            Token::Highlight => "--pcm-color-highlight",
            Token::Accent => "--pcm-color-accent",
            Token::SeriesOwn => "--pcm-color-series-own",
            Token::SeriesEarlier => "--pcm-color-series-earlier",
            Token::SeriesTarget => "--pcm-color-series-target",
        }
    }

    /// The light theme's value of [`Token::property`], for files, which cannot use the page's
    /// CSS; a test keeps it equal to `styles/tokens.css`.
    pub(crate) const fn light(self) -> &'static str {
        match self {
            Token::Surface => "#ffffff",
            Token::Text => "#1a2224",
            Token::Muted => "#4d5a5d",
            Token::Grid => "#c9d2d3",
            Token::Highlight => "#f2b84b",
            Token::Accent => "#0f5c63",
            Token::SeriesOwn => "#0f5c63",
            Token::SeriesEarlier => "#8a4b00",
            Token::SeriesTarget => "#6b3fa0",
        }
    }

    /// The screen's class that fills a shape with this colour (`radar__fill--grid`).
    pub(crate) const fn fill_class(self) -> &'static str {
        match self {
            Token::Surface => "radar__fill--surface",
            Token::Text => "radar__fill--text",
            Token::Muted => "radar__fill--muted",
            Token::Grid => "radar__fill--grid",
            Token::Highlight => "radar__fill--highlight",
            Token::Accent => "radar__fill--accent",
            Token::SeriesOwn => "radar__fill--series-own",
            Token::SeriesEarlier => "radar__fill--series-earlier",
            Token::SeriesTarget => "radar__fill--series-target",
        }
    }

    /// The screen's class that strokes a shape with this colour (`radar__stroke--grid`).
    pub(crate) const fn stroke_class(self) -> &'static str {
        match self {
            Token::Surface => "radar__stroke--surface",
            Token::Text => "radar__stroke--text",
            Token::Muted => "radar__stroke--muted",
            Token::Grid => "radar__stroke--grid",
            Token::Highlight => "radar__stroke--highlight",
            Token::Accent => "radar__stroke--accent",
            Token::SeriesOwn => "radar__stroke--series-own",
            Token::SeriesEarlier => "radar__stroke--series-earlier",
            Token::SeriesTarget => "radar__stroke--series-target",
        }
    }
}

/// What a shape is on the radar; its [`style`] follows from it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Role {
    /// The polygon through every axis at one of [`RINGS`].
    Ring,
    /// An axis, from the centre to the outer ring.
    Spoke,
    /// The arc outside the ring over the axes of a group (an article).
    GroupArc(Group),
    /// The value of a ring.
    RingLabel,
    /// A series' polygon: drawn by its kind only, never by its position in the list.
    Series(SeriesKind),
    /// The label of the axis of a quality.
    AxisLabel(Quality),
}

/// How a [`Role`] is drawn: the one table that both renderers read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Style {
    /// The role's classes, space-separated: what the shape is, for the page and its tests.
    pub(crate) class: &'static str,
    /// Fill colour; `None` is `fill="none"`.
    pub(crate) fill: Option<Token>,
    /// `fill-opacity`.
    pub(crate) fill_opacity: Option<&'static str>,
    /// Stroke colour; `None` draws no stroke.
    pub(crate) stroke: Option<Token>,
    /// `stroke-width`, in user units.
    pub(crate) stroke_width: Option<&'static str>,
    /// `stroke-opacity`.
    pub(crate) stroke_opacity: Option<&'static str>,
    /// `stroke-dasharray`.
    pub(crate) dash: Option<&'static str>,
    /// `stroke-linecap`.
    pub(crate) linecap: Option<&'static str>,
    /// `stroke-linejoin`.
    pub(crate) linejoin: Option<&'static str>,
}

/// No paint and no numeric style: the base of every entry of [`style`].
const UNSTYLED: Style = Style {
    class: "",
    fill: None,
    fill_opacity: None,
    stroke: None,
    stroke_width: None,
    stroke_opacity: None,
    dash: None,
    linecap: None,
    linejoin: None,
};

/// A series' outline; its kind adds colour, fill and dashes.
const SERIES: Style = Style {
    stroke_width: Some("2"),
    linejoin: Some("round"),
    ..UNSTYLED
};

/// [`Role::Ring`].
const RING: Style = Style {
    class: "radar__ring",
    stroke: Some(Token::Grid),
    stroke_width: Some("1"),
    ..UNSTYLED
};

/// [`Role::Spoke`].
const SPOKE: Style = Style {
    class: "radar__spoke",
    stroke: Some(Token::Grid),
    stroke_width: Some("1"),
    ..UNSTYLED
};

/// The first article's arc: [`Role::GroupArc`] of [`Group::Cm`].
const GROUP_CM: Style = Style {
    class: "radar__group radar__group--cm",
    stroke: Some(Token::Highlight),
    stroke_width: Some("3"),
    linecap: Some("round"),
    ..UNSTYLED
};

/// The second article's arc: [`Role::GroupArc`] of [`Group::Sm`].
const GROUP_SM: Style = Style {
    class: "radar__group radar__group--sm",
    stroke: Some(Token::Accent),
    stroke_width: Some("3"),
    stroke_opacity: Some("0.5"),
    linecap: Some("round"),
    ..UNSTYLED
};

/// [`Role::RingLabel`].
const RING_LABEL: Style = Style {
    class: "radar__ring-label",
    fill: Some(Token::Muted),
    ..UNSTYLED
};

/// [`Role::Series`] of [`SeriesKind::Own`].
const SERIES_OWN: Style = Style {
    class: "radar__series radar__series--own",
    fill: Some(Token::SeriesOwn),
    fill_opacity: Some("0.25"),
    stroke: Some(Token::SeriesOwn),
    ..SERIES
};

/// [`Role::Series`] of [`SeriesKind::Earlier`].
const SERIES_EARLIER: Style = Style {
    class: "radar__series radar__series--earlier",
    stroke: Some(Token::SeriesEarlier),
    dash: Some("6 4"),
    ..SERIES
};

/// [`Role::Series`] of [`SeriesKind::Target`]: a dotted outline, unlike the dashes of an
/// earlier attempt, so that the two differ without their colours.
const SERIES_TARGET: Style = Style {
    class: "radar__series radar__series--target",
    stroke: Some(Token::SeriesTarget),
    stroke_width: Some("2.5"),
    dash: Some("1 5"),
    linecap: Some("round"),
    ..SERIES
};

/// Every [`Role::AxisLabel`].
const AXIS_LABEL: Style = Style {
    class: "radar__label",
    fill: Some(Token::Text),
    ..UNSTYLED
};

/// How shapes of `role` are drawn, on screen and in files.
pub(crate) const fn style(role: Role) -> &'static Style {
    match role {
        Role::Ring => &RING,
        Role::Spoke => &SPOKE,
        Role::GroupArc(Group::Cm) => &GROUP_CM,
        Role::GroupArc(Group::Sm) => &GROUP_SM,
        Role::RingLabel => &RING_LABEL,
        Role::Series(SeriesKind::Own) => &SERIES_OWN,
        Role::Series(SeriesKind::Earlier) => &SERIES_EARLIER,
        Role::Series(SeriesKind::Target) => &SERIES_TARGET,
        Role::AxisLabel(_) => &AXIS_LABEL,
    }
}

impl Style {
    /// The `fill` attribute: `none` when the style has no fill colour, else none written (each
    /// renderer paints the colour its own way).
    pub(crate) const fn fill_none(&self) -> Option<&'static str> {
        match self.fill {
            None => Some("none"),
            Some(_) => None,
        }
    }

    /// The numeric style as SVG presentation attributes, `fill="none"` included: the same on
    /// screen and in files. The colours are not here: each renderer paints its own way.
    pub(crate) fn presentation(&self) -> Vec<(&'static str, &'static str)> {
        [
            ("fill", self.fill_none()),
            ("fill-opacity", self.fill_opacity),
            ("stroke-width", self.stroke_width),
            ("stroke-opacity", self.stroke_opacity),
            ("stroke-dasharray", self.dash),
            ("stroke-linecap", self.linecap),
            ("stroke-linejoin", self.linejoin),
        ]
        .into_iter()
        .filter_map(|(name, value)| Some((name, value?)))
        .collect()
    }
}

/// The text of a label.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum TextContent {
    /// One line, the text element's own content.
    Plain(String),
    /// Wrapped lines, one `<tspan>` each, `line_height` apart.
    Lines {
        /// The lines, in order.
        lines: Vec<String>,
        /// Distance between baselines.
        line_height: f64,
    },
}

/// A `<text>`: its anchor point, size and content.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Text {
    /// Anchor of the first baseline.
    pub(crate) at: Point,
    /// How the text aligns on `at`.
    pub(crate) anchor: Anchor,
    /// `font-size`, in user units: the size the label boxes were laid out for.
    pub(crate) font_size: f64,
    /// What it says.
    pub(crate) content: TextContent,
}

/// One line of a wrapped text: the `<tspan>`'s attributes and its text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Tspan<'a> {
    /// `x`: the text's own.
    pub(crate) x: String,
    /// `dy`: zero for the first line, else the line height.
    pub(crate) dy: String,
    /// The line.
    pub(crate) text: &'a str,
}

impl Text {
    /// The `<tspan>`s of wrapped lines; none for plain text.
    pub(crate) fn tspans(&self) -> Vec<Tspan<'_>> {
        match &self.content {
            TextContent::Plain(_) => Vec::new(),
            TextContent::Lines { lines, line_height } => lines
                .iter()
                .enumerate()
                .map(|(line, text)| {
                    let dy = if line == 0 { 0.0 } else { *line_height };
                    Tspan {
                        x: num(self.at.x),
                        dy: num(dy),
                        text,
                    }
                })
                .collect(),
        }
    }

    /// The text element's own content: the text of a plain label, else nothing.
    pub(crate) fn plain(&self) -> Option<&str> {
        match &self.content {
            TextContent::Plain(text) => Some(text),
            TextContent::Lines { .. } => None,
        }
    }
}

/// Where a shape is.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Geometry {
    /// A `<path>`.
    Path {
        /// Its `d`.
        d: String,
    },
    /// A `<line>`.
    Line {
        /// Start.
        from: Point,
        /// End.
        to: Point,
    },
    /// A `<polygon>`.
    Polygon {
        /// Its `points`.
        points: String,
    },
    /// A `<text>`.
    Text(Text),
}

/// One shape of the radar: what it is and where.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Shape {
    /// What it is, which decides its [`style`].
    pub(crate) role: Role,
    /// Where it is.
    pub(crate) geometry: Geometry,
}

impl Shape {
    /// How it is drawn.
    pub(crate) const fn style(&self) -> &'static Style {
        style(self.role)
    }

    /// The SVG element's name.
    pub(crate) const fn element(&self) -> &'static str {
        match self.geometry {
            Geometry::Path { .. } => "path",
            Geometry::Line { .. } => "line",
            Geometry::Polygon { .. } => "polygon",
            Geometry::Text(_) => "text",
        }
    }

    /// The SVG attributes of its geometry, numbers formatted by [`num`].
    pub(crate) fn attributes(&self) -> Vec<(&'static str, String)> {
        match &self.geometry {
            Geometry::Path { d } => vec![("d", d.clone())],
            Geometry::Line { from, to } => vec![
                ("x1", num(from.x)),
                ("y1", num(from.y)),
                ("x2", num(to.x)),
                ("y2", num(to.y)),
            ],
            Geometry::Polygon { points } => vec![("points", points.clone())],
            Geometry::Text(text) => vec![
                ("x", num(text.at.x)),
                ("y", num(text.at.y)),
                ("text-anchor", text.anchor.as_svg().to_owned()),
                ("font-size", num(text.font_size)),
            ],
        }
    }
}

/// The radar's labels and the viewBox that holds them, in one locale.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Layout {
    /// The axis labels, by [`Quality::index`].
    pub(crate) labels: [Label; Quality::COUNT],
    /// The area to show: the outer ring and every label.
    pub(crate) view_box: Rect,
}

/// The radar's labels in `locale`, laid out, and the viewBox that holds them.
pub(crate) fn layout(locale: Locale) -> Layout {
    let labels =
        Quality::ALL.map(|quality| radar::label(quality, locale.texts().quality(quality).label));
    let view_box = radar::view_box(&labels);
    Layout { labels, view_box }
}

/// The first and last axis of each group, in order.
pub(crate) fn group_spans() -> Vec<(Group, Quality, Quality)> {
    Group::ALL
        .iter()
        .filter_map(|group| {
            let mut axes = Quality::ALL.into_iter().filter(|q| q.group() == *group);
            let first = axes.next()?;
            Some((*group, first, axes.next_back().unwrap_or(first)))
        })
        .collect()
}

/// Everything the radar draws, in drawing order, and the viewBox to draw it in.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Scene {
    /// The area to show.
    pub(crate) view_box: Rect,
    /// Rings, spokes, group arcs, ring labels, series, axis labels: later shapes on top.
    pub(crate) shapes: Vec<Shape>,
}

impl Scene {
    /// The `viewBox` attribute: "x y width height".
    pub(crate) fn view_box_attribute(&self) -> String {
        let Rect {
            x,
            y,
            width,
            height,
        } = self.view_box;
        format!("{} {} {} {}", num(x), num(y), num(width), num(height))
    }
}

/// The radar laid out as `layout` with `series`, as shapes: the one drawing that the screen
/// and the file both render.
pub(crate) fn scene(layout: &Layout, series: &[Series]) -> Scene {
    let mut shapes = Vec::new();
    let mut draw = |role, geometry| shapes.push(Shape { role, geometry });
    for ring in RINGS {
        draw(
            Role::Ring,
            Geometry::Path {
                d: radar::ring_path(ring),
            },
        );
    }
    for quality in Quality::ALL {
        let (from, to) = radar::spoke(quality);
        draw(Role::Spoke, Geometry::Line { from, to });
    }
    for (group, first, last) in group_spans() {
        draw(
            Role::GroupArc(group),
            Geometry::Path {
                d: radar::group_arc(first, last, GROUP_ARC_OFFSET),
            },
        );
    }
    for ring in RINGS {
        draw(
            Role::RingLabel,
            Geometry::Text(Text {
                at: radar::ring_label(ring),
                anchor: radar::RING_LABEL_ANCHOR,
                font_size: RING_FONT_SIZE,
                content: TextContent::Plain(ring.to_string()),
            }),
        );
    }
    for item in series {
        draw(
            Role::Series(item.kind),
            Geometry::Polygon {
                points: radar::polygon_points(&item.values),
            },
        );
    }
    for (quality, label) in Quality::ALL.into_iter().zip(&layout.labels) {
        draw(
            Role::AxisLabel(quality),
            Geometry::Text(Text {
                at: Point {
                    x: label.x,
                    y: label.y,
                },
                anchor: label.anchor,
                font_size: FONT_SIZE,
                content: TextContent::Lines {
                    lines: label.lines.clone(),
                    line_height: label.line_height,
                },
            }),
        );
    }
    Scene {
        view_box: layout.view_box,
        shapes,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn series(kind: SeriesKind) -> Series {
        Series {
            name: format!("{kind:?}"),
            values: [Some(50); Quality::COUNT],
            kind,
        }
    }

    #[test]
    fn the_two_articles_are_two_contiguous_spans_of_axes() {
        let q = Quality::ALL;
        assert_eq!(
            group_spans(),
            [(Group::Cm, q[0], q[4]), (Group::Sm, q[5], q[12])]
        );
    }

    #[test]
    fn the_scene_draws_rings_spokes_arcs_ring_labels_series_and_labels_in_that_order() {
        let all = [SeriesKind::Earlier, SeriesKind::Own, SeriesKind::Target].map(series);
        let scene = scene(&layout(Locale::Es), &all);
        let roles: Vec<Role> = scene.shapes.iter().map(|shape| shape.role).collect();
        let mut expected = vec![Role::Ring; RINGS.len()];
        expected.extend([Role::Spoke; Quality::COUNT]);
        expected.extend(Group::ALL.map(Role::GroupArc));
        expected.extend([Role::RingLabel; RINGS.len()]);
        expected.extend(all.iter().map(|s| Role::Series(s.kind)));
        expected.extend(Quality::ALL.map(Role::AxisLabel));
        assert_eq!(roles, expected);
    }

    /// The kind alone decides a series' look: the first series is not filled unless it is
    /// the person's own.
    #[test]
    fn series_are_styled_by_kind_whatever_their_position() {
        let own = style(Role::Series(SeriesKind::Own));
        assert_eq!(
            (own.fill, own.fill_opacity),
            (Some(Token::SeriesOwn), Some("0.25"))
        );
        assert_eq!(own.dash, None);
        let earlier = style(Role::Series(SeriesKind::Earlier));
        assert_eq!((earlier.fill, earlier.dash), (None, Some("6 4")));
        assert!(earlier.presentation().contains(&("fill", "none")));
        let target = style(Role::Series(SeriesKind::Target));
        assert_eq!((target.fill, target.dash), (None, Some("1 5")));
        assert_ne!(target.stroke, earlier.stroke);
        let first_earlier = scene(&layout(Locale::Es), &[series(SeriesKind::Earlier)]);
        let polygon = first_earlier
            .shapes
            .iter()
            .find(|shape| matches!(shape.role, Role::Series(_)));
        assert_eq!(polygon.map(Shape::style), Some(earlier));
    }

    /// A paint class is `radar__fill--` or `radar__stroke--` and the token's name.
    #[test]
    fn paint_classes_are_named_after_their_token() {
        for token in Token::ALL {
            assert_eq!(token.fill_class(), format!("radar__fill--{}", token.name()));
            assert_eq!(
                token.stroke_class(),
                format!("radar__stroke--{}", token.name())
            );
        }
    }

    /// One source of truth for colours: the exported palette is the light theme's tokens.
    #[test]
    fn exported_colours_are_the_light_theme_tokens() {
        let tokens = include_str!("../../styles/tokens.css");
        for token in Token::ALL {
            // `light-dark(<light>, <dark>)`, where the light value may be the fallback of an
            // embed option's property: `var(--pcm-accent-light, <light>)`.
            let declaration = format!("{}: light-dark(", token.property());
            let light = tokens
                .split_once(&declaration)
                .map(|(_, rest)| rest.split([')', ',']).collect::<Vec<_>>())
                .map(|parts| match parts.as_slice() {
                    [option, fallback, ..] if option.starts_with("var(") => fallback.trim(),
                    [light, ..] => light.trim(),
                    [] => "",
                });
            assert_eq!(
                light,
                Some(token.light()),
                "the light value of {declaration} in tokens.css"
            );
        }
    }

    /// The screen paints each shape with the classes of its tokens: each needs its rule.
    #[test]
    fn every_paint_class_has_its_token_rule_in_the_stylesheet() {
        let css = include_str!("../../styles/radar.css");
        let roles = RINGS
            .map(|_| Role::Ring)
            .into_iter()
            .chain([
                Role::Spoke,
                Role::RingLabel,
                Role::AxisLabel(Quality::ALL[0]),
            ])
            .chain(Group::ALL.map(Role::GroupArc))
            .chain([SeriesKind::Own, SeriesKind::Earlier, SeriesKind::Target].map(Role::Series));
        for role in roles {
            let style = style(role);
            let rules = [
                style.fill.map(|t| (t.fill_class(), "fill", t.property())),
                style
                    .stroke
                    .map(|t| (t.stroke_class(), "stroke", t.property())),
            ];
            for (class, paint, property) in rules.into_iter().flatten() {
                let rule = format!(".{class} {{\n  {paint}: var({property});\n}}");
                assert!(css.contains(&rule), "radar.css lacks `{rule}`");
            }
        }
    }
}
