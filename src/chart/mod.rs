//! What the radar shows: a list of named series (the person's profile, an earlier attempt, a
//! target profile…), and the radar as a standalone SVG document for "Descargar SVG" and PNG.
//!
//! Pure core: no yew, web-sys or gloo. The on-screen chart (`components::radar_chart`) and the
//! downloaded file use the same geometry ([`radar`]); the file cannot use the page's CSS,
//! so it carries presentation attributes in the light palette, which a test keeps equal to
//! `styles/tokens.css`.

use std::fmt::Write as _;

use crate::i18n::Locale;
use crate::model::{Group, Quality};
pub mod radar;

use radar::{
    FONT_SIZE, GROUP_ARC_OFFSET, Label, RING_FONT_SIZE, RING_LABEL_ANCHOR, Radar, num,
};

/// What a series is, which decides how it is drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SeriesKind {
    /// The result being shown.
    Own,
    /// An earlier attempt, for comparison.
    Earlier,
    /// A target profile (a recruiter's).
    Target,
}

impl SeriesKind {
    /// The block-element modifier of the series' class (`radar__series--own`…).
    pub const fn class(self) -> &'static str {
        match self {
            SeriesKind::Own => "radar__series--own",
            SeriesKind::Earlier => "radar__series--earlier",
            SeriesKind::Target => "radar__series--target",
        }
    }

    /// Stroke colour in exported files: the light theme's `--pcm-color-series-*` token.
    pub const fn export_colour(self) -> &'static str {
        match self {
            SeriesKind::Own => palette::SERIES_OWN,
            SeriesKind::Earlier => palette::SERIES_EARLIER,
            SeriesKind::Target => palette::SERIES_TARGET,
        }
    }
}

/// Colours of exported files, which cannot use the page's CSS: the light theme's tokens in
/// `styles/tokens.css`, which a test keeps equal.
pub mod palette {
    /// `--pcm-color-surface`
    pub const SURFACE: &str = "#ffffff";
    /// `--pcm-color-text`
    pub const TEXT: &str = "#1a2224";
    /// `--pcm-color-muted`
    pub const MUTED: &str = "#4d5a5d";
    /// `--pcm-color-grid`
    pub const GRID: &str = "#c9d2d3";
    /// `--pcm-color-highlight`: the first article's arc.
    pub const HIGHLIGHT: &str = "#f2b84b";
    /// `--pcm-color-accent`: the second article's arc.
    pub const ACCENT: &str = "#0f5c63";
    /// `--pcm-color-series-own`
    pub const SERIES_OWN: &str = "#0f5c63";
    /// `--pcm-color-series-earlier`
    pub const SERIES_EARLIER: &str = "#8a4b00";
    /// `--pcm-color-series-target`
    pub const SERIES_TARGET: &str = "#6b3fa0";

    /// Every entry with its token, for the test that keeps them equal.
    pub const TOKENS: [(&str, &str); 9] = [
        ("--pcm-color-surface", SURFACE),
        ("--pcm-color-text", TEXT),
        ("--pcm-color-muted", MUTED),
        ("--pcm-color-grid", GRID),
        ("--pcm-color-highlight", HIGHLIGHT),
        ("--pcm-color-accent", ACCENT),
        ("--pcm-color-series-own", SERIES_OWN),
        ("--pcm-color-series-earlier", SERIES_EARLIER),
        ("--pcm-color-series-target", SERIES_TARGET),
    ];
}

/// How the arc of `group` is drawn in exported files: colour and opacity, as on screen
/// (`styles/radar.css`).
const fn group_stroke(group: Group) -> (&'static str, &'static str) {
    match group {
        Group::Cm => (palette::HIGHLIGHT, "1"),
        Group::Sm => (palette::ACCENT, "0.5"),
    }
}

/// One polygon on the radar.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Series {
    /// Shown in the legend, e.g. "Tu resultado" or "12/10/2026".
    pub name: String,
    /// By [`Quality::index`]; `None` is drawn at the centre.
    pub values: [Option<u8>; Quality::COUNT],
    /// How to draw it.
    pub kind: SeriesKind,
}

/// The rings drawn, with their value labels.
pub const RINGS: [u8; 4] = [25, 50, 75, 100];

/// The axis labels in `locale`, in axis order.
pub fn axis_labels(locale: Locale) -> Vec<&'static str> {
    Quality::ALL
        .iter()
        .map(|q| locale.texts().quality(*q).label)
        .collect()
}

/// The first and last axis of each group, in order.
pub fn group_spans() -> Vec<(Group, usize, usize)> {
    Group::ALL
        .iter()
        .filter_map(|group| {
            let axes: Vec<usize> = Quality::ALL
                .iter()
                .filter(|q| q.group() == *group)
                .map(|q| q.index())
                .collect();
            Some((*group, *axes.first()?, *axes.last()?))
        })
        .collect()
}

/// The radar's geometry for `locale`: the radar, its laid-out axis labels, and the viewBox
/// that holds them, as `"x y width height"` and as numbers.
pub fn layout(locale: Locale) -> (Radar, Vec<Label>, (f64, f64, f64, f64)) {
    let radar = Radar::new(Quality::COUNT);
    let labels: Vec<Label> = axis_labels(locale)
        .iter()
        .enumerate()
        .map(|(axis, text)| radar.label(axis, text))
        .collect();
    let view_box = radar.view_box(&labels);
    (radar, labels, view_box)
}

/// Escapes text for XML content and attribute values.
pub fn xml_escape(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => escaped.push_str("&amp;"),
            '<' => escaped.push_str("&lt;"),
            '>' => escaped.push_str("&gt;"),
            '"' => escaped.push_str("&quot;"),
            '\'' => escaped.push_str("&apos;"),
            c => escaped.push(c),
        }
    }
    escaped
}

/// How many pixels an exported SVG has per unit of the radar's viewBox.
pub const EXPORT_SCALE: f64 = 2.0;

/// The `width` and `height` of the document [`svg_document`] makes for `locale`.
pub fn svg_size(locale: Locale) -> (f64, f64) {
    let (_, _, (_, _, width, height)) = layout(locale);
    (width * EXPORT_SCALE, height * EXPORT_SCALE)
}

/// The radar as a standalone SVG document (light palette, system fonts), with a title.
pub fn svg_document(locale: Locale, title: &str, series: &[Series]) -> String {
    let (radar, labels, (x, y, width, height)) = layout(locale);
    let mut svg = String::new();
    // Writing to a String cannot fail.
    let _ = write!(
        svg,
        r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="{} {} {} {}" width="{}" height="{}" font-family="system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif">"#,
        num(x),
        num(y),
        num(width),
        num(height),
        num((width * EXPORT_SCALE).round()),
        num((height * EXPORT_SCALE).round()),
    );
    let _ = write!(svg, "<title>{}</title>", xml_escape(title));
    let _ = write!(
        svg,
        r#"<rect x="{}" y="{}" width="{}" height="{}" fill="{}"/>"#,
        num(x),
        num(y),
        num(width),
        num(height),
        palette::SURFACE
    );
    for ring in RINGS {
        let _ = write!(
            svg,
            r#"<path d="{}" fill="none" stroke="{}" stroke-width="1"/>"#,
            radar.ring_path(f64::from(ring)),
            palette::GRID
        );
    }
    for axis in 0..Quality::COUNT {
        let (from, to) = radar.spoke(axis);
        let _ = write!(
            svg,
            r#"<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="{}" stroke-width="1"/>"#,
            num(from.x),
            num(from.y),
            num(to.x),
            num(to.y),
            palette::GRID
        );
    }
    for ring in RINGS {
        let at = radar.ring_label(f64::from(ring));
        let _ = write!(
            svg,
            r#"<text x="{}" y="{}" text-anchor="{}" font-size="{}" fill="{}">{ring}</text>"#,
            num(at.x),
            num(at.y),
            RING_LABEL_ANCHOR.as_svg(),
            num(RING_FONT_SIZE),
            palette::MUTED
        );
    }
    for (group, first, last) in group_spans() {
        let (colour, opacity) = group_stroke(group);
        let _ = write!(
            svg,
            r#"<path d="{}" fill="none" stroke="{colour}" stroke-opacity="{opacity}" stroke-width="3" stroke-linecap="round"/>"#,
            radar.group_arc(first, last, GROUP_ARC_OFFSET)
        );
    }
    for (index, item) in series.iter().enumerate() {
        let colour = item.kind.export_colour();
        let (fill_opacity, dash) = match (index, item.kind) {
            (0, _) | (_, SeriesKind::Own) => ("0.25", ""),
            (_, SeriesKind::Earlier) => ("0", r#" stroke-dasharray="6 4""#),
            (_, SeriesKind::Target) => ("0", r#" stroke-dasharray="2 3""#),
        };
        let _ = write!(
            svg,
            r#"<polygon points="{}" fill="{colour}" fill-opacity="{fill_opacity}" stroke="{colour}" stroke-width="2"{dash}/>"#,
            radar.polygon_points(&item.values)
        );
    }
    for label in &labels {
        let _ = write!(
            svg,
            r#"<text x="{}" y="{}" text-anchor="{}" font-size="{}" fill="{}">"#,
            num(label.x),
            num(label.y),
            label.anchor.as_svg(),
            num(FONT_SIZE),
            palette::TEXT
        );
        for (line, text) in label.lines.iter().enumerate() {
            let dy = if line == 0 { 0.0 } else { label.line_height };
            let _ = write!(
                svg,
                r#"<tspan x="{}" dy="{}">{}</tspan>"#,
                num(label.x),
                num(dy),
                xml_escape(text)
            );
        }
        svg.push_str("</text>");
    }
    svg.push_str("</svg>");
    svg
}

#[cfg(test)]
mod tests {
    use super::*;

    fn series(value: u8) -> Series {
        Series {
            name: "Tu resultado".into(),
            values: [Some(value); Quality::COUNT],
            kind: SeriesKind::Own,
        }
    }

    #[test]
    fn the_two_articles_are_two_contiguous_spans_of_axes() {
        let spans = group_spans();
        assert_eq!(spans, [(Group::Cm, 0, 4), (Group::Sm, 5, 12)]);
    }

    #[test]
    fn the_document_is_svg_with_every_label_escaped_and_each_series() {
        let svg = svg_document(
            Locale::Es,
            "Perfil <CM> & \"tú\"",
            &[series(100), series(50)],
        );
        assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
        assert!(svg.ends_with("</svg>"));
        assert!(svg.contains("<title>Perfil &lt;CM&gt; &amp; &quot;tú&quot;</title>"));
        assert_eq!(svg.matches("<polygon").count(), 2);
        assert_eq!(svg.matches("<text").count(), Quality::COUNT + RINGS.len());
        for label in axis_labels(Locale::Es) {
            let first_word = label.split(' ').next().unwrap_or_default();
            assert!(svg.contains(&xml_escape(first_word)), "{label}");
        }
        let (width, height) = svg_size(Locale::Es);
        assert!(width > 400.0 && height > 400.0, "{width}×{height}");
        assert!(svg.contains(&format!(
            " width=\"{}\" height=\"{}\"",
            num(width.round()),
            num(height.round())
        )));
        // The same tag count opens as closes: a well-formed sequence for these elements.
        assert_eq!(svg.matches("<text").count(), svg.matches("</text>").count());
        assert_eq!(
            svg.matches("<tspan").count(),
            svg.matches("</tspan>").count()
        );
    }

    /// One source of truth for colours: the exported palette is the light theme's tokens.
    #[test]
    fn exported_colours_are_the_light_theme_tokens() {
        let tokens = include_str!("../../styles/tokens.css");
        let light = tokens.split("@media").next().unwrap_or_default();
        for (token, colour) in palette::TOKENS {
            let declaration = format!("{token}: {colour};");
            assert!(
                light.contains(&declaration),
                "tokens.css lacks `{declaration}`"
            );
        }
    }
}
