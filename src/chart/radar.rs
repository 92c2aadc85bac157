//! Geometry of the results radar: where the axes, rings, series and labels go, in SVG user
//! units with the centre at (0, 0). [`crate::chart`] turns these numbers into shapes.
//!
//! The radar has one axis per [`Quality`], so an axis is a `Quality` and a series is an array
//! of [`Quality::COUNT`] values: no axis index can be out of range.
//!
//! Pure core: no yew, web-sys or gloo. The chart is an inline SVG that scales to its container,
//! down to about 290 px wide, so a label must never spill out of the viewBox or onto another one.
//! The browser only knows real text widths after rendering, so every label gets an *estimated*
//! box instead, from per-character widths of a wide sans-serif ([`text_width_em`]), and
//! [`view_box`] is computed from those boxes. The tests check the real labels of every locale:
//! no two boxes overlap, none reaches the ring, all fit.

#[cfg(test)]
use std::f64::consts::{FRAC_PI_2, TAU};

use crate::model::Quality;

/// Radius of the outer ring (value 100), in user units.
pub(crate) const RADIUS: f64 = 120.0;
/// Space between the outer ring and the anchor point of an axis label.
pub(crate) const LABEL_GAP: f64 = 14.0;
/// Font size of the axis labels; both renderers draw them at this size.
pub(crate) const FONT_SIZE: f64 = 16.0;
/// Distance between the baselines of a wrapped label.
pub(crate) const LINE_HEIGHT: f64 = 1.2 * FONT_SIZE;
/// Longest line of a label, in characters, before it wraps at a word boundary.
pub(crate) const MAX_LABEL_CHARS: usize = 11;
/// Margin on the estimated width of a label: hinting, and system fonts a little wider than the
/// measured one.
pub(crate) const WIDTH_SAFETY: f64 = 1.06;

/// Advance widths of the printable ASCII characters (U+0020 to U+007E), in 1/2048 em, read from
/// DejaVu Sans Book: what `system-ui` is on most Linux desktops, and wider than the system
/// fonts of phones, Windows and macOS (Roboto, SF, Segoe UI), so a box sized with it holds the
/// label in all of them. Per-character widths, because a flat width per character is too narrow
/// for "Composure" and too wide for "Disponibilidad".
const ASCII_WIDTHS: [u16; 95] = [
    651, 821, 942, 1716, 1303, 1946, 1597, 563, 799, 799, 1024, 1716, 651, 739, 651, 690, //
    1303, 1303, 1303, 1303, 1303, 1303, 1303, 1303, 1303, 1303, 690, 690, 1716, 1716, 1716, 1087,
    2048, 1401, 1405, 1430, 1577, 1294, 1178, 1587, 1540, 604, 604, 1343, 1141, 1767, 1532, 1612,
    1235, 1612, 1423, 1300, 1251, 1499, 1401, 2025, 1403, 1251, 1403, 799, 690, 799, 1716, 1024,
    1024, 1255, 1300, 1126, 1300, 1260, 721, 1300, 1298, 569, 569, 1186, 569, 1995, 1298, 1253,
    1300, 1300, 842, 1067, 803, 1298, 1212, 1675, 1212, 1212, 1075, 1303, 690, 1303, 1716,
];

/// The estimated width of `text` in ems, [`WIDTH_SAFETY`] included. Accented Latin letters are
/// as wide as their base letter (true of DejaVu Sans); any other character counts a full em.
pub(crate) fn text_width_em(text: &str) -> f64 {
    let units: u32 = text
        .chars()
        .map(|c| {
            let base = match c {
                'á' | 'à' | 'â' | 'ä' | 'ã' => 'a',
                'é' | 'è' | 'ê' | 'ë' => 'e',
                'í' | 'ì' | 'î' | 'ï' => 'i',
                'ó' | 'ò' | 'ô' | 'ö' | 'õ' => 'o',
                'ú' | 'ù' | 'û' | 'ü' => 'u',
                'Á' | 'À' | 'Â' | 'Ä' | 'Ã' => 'A',
                'É' | 'È' | 'Ê' | 'Ë' => 'E',
                'Í' | 'Ì' | 'Î' | 'Ï' => 'I',
                'Ó' | 'Ò' | 'Ô' | 'Ö' | 'Õ' => 'O',
                'Ú' | 'Ù' | 'Û' | 'Ü' => 'U',
                'ñ' => 'n',
                'Ñ' => 'N',
                'ç' => 'c',
                'Ç' => 'C',
                other => other,
            };
            (base as usize)
                .checked_sub(0x20)
                .and_then(|i| ASCII_WIDTHS.get(i))
                .map_or(2048, |w| u32::from(*w))
        })
        .sum();
    f64::from(units) / 2048.0 * WIDTH_SAFETY
}

/// Height above the baseline that a label's box starts at, in ems (accented capitals included).
pub(crate) const ASCENT_EM: f64 = 0.8;
/// Labels of axes within this many degrees of vertical are centred on their axis.
#[cfg(test)]
pub(crate) const MIDDLE_WITHIN_DEGREES: f64 = 10.0;
/// The sine of [`MIDDLE_WITHIN_DEGREES`]: an axis whose cosine is at most this is near vertical.
/// Written out, so that no trigonometry ships in the wasm; a test checks it.
const MIDDLE_WITHIN_SINE: f64 = 0.173_648_177_666_930_33;
/// Space around the ring and the labels in [`view_box`].
pub(crate) const VIEW_BOX_MARGIN: f64 = 4.0;
/// A ring's value label ends this far left of the top axis…
pub(crate) const RING_LABEL_DX: f64 = 4.0;
/// …so it is anchored at its end.
pub(crate) const RING_LABEL_ANCHOR: Anchor = Anchor::End;
/// …with its baseline this far above the ring.
pub(crate) const RING_LABEL_RISE: f64 = 2.0;
/// How far outside the outer ring the arcs showing each article's group of axes run.
pub(crate) const GROUP_ARC_OFFSET: f64 = 6.0;
/// Font size of the ring values: secondary to the axis labels (the table has every number),
/// and small enough that "100" stays clear of the top axis label.
pub(crate) const RING_FONT_SIZE: f64 = 10.0;
/// The value on the outer ring; values are clamped to `0..=MAX_VALUE`.
pub(crate) const MAX_VALUE: u8 = 100;

/// Below this, the sine of an axis angle counts as 0 (a horizontal axis).
const LEVEL_EPSILON: f64 = 1e-9;

/// A point in SVG user units.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Point {
    /// Rightwards.
    pub(crate) x: f64,
    /// Downwards, as in SVG.
    pub(crate) y: f64,
}

/// Horizontal text anchor of a label, as SVG's `text-anchor`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Anchor {
    /// The text starts at the anchor point (right side of the chart).
    Start,
    /// The text is centred on the anchor point (top and bottom).
    Middle,
    /// The text ends at the anchor point (left side of the chart).
    End,
}

impl Anchor {
    /// The value of SVG's `text-anchor` attribute.
    pub(crate) const fn as_svg(self) -> &'static str {
        match self {
            Anchor::Start => "start",
            Anchor::Middle => "middle",
            Anchor::End => "end",
        }
    }

    /// Where text `width` wide starts when anchored this way at `x`.
    pub(crate) fn left(self, x: f64, width: f64) -> f64 {
        match self {
            Anchor::Start => x,
            Anchor::Middle => x - width / 2.0,
            Anchor::End => x - width,
        }
    }
}

/// An axis-aligned rectangle in SVG user units; `y` is its top.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Rect {
    /// Left edge.
    pub(crate) x: f64,
    /// Top edge.
    pub(crate) y: f64,
    /// Width, not negative.
    pub(crate) width: f64,
    /// Height, not negative.
    pub(crate) height: f64,
}

/// A laid-out axis label: its lines (already wrapped), the anchor point of the first line's
/// baseline, the anchor, the line height, and its estimated bounding box.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Label {
    /// The text, wrapped; one `<tspan>` each.
    pub(crate) lines: Vec<String>,
    /// Anchor point, horizontally.
    pub(crate) x: f64,
    /// Baseline of the first line.
    pub(crate) y: f64,
    /// How the lines align on `x`.
    pub(crate) anchor: Anchor,
    /// Distance between baselines (each following line's `dy`).
    pub(crate) line_height: f64,
    /// Estimated box of the drawn text, never smaller than it.
    pub(crate) bounds: Rect,
}

/// Angle of the axis of `quality` in radians: the first axis points straight up, the others
/// follow clockwise, evenly spaced. [`Quality::DIRECTIONS`] holds its cosine and sine.
#[cfg(test)]
pub(crate) fn angle(quality: Quality) -> f64 {
    -FRAC_PI_2 + quality.index() as f64 * TAU / Quality::COUNT as f64
}

/// The point for `value` (at most [`MAX_VALUE`], on the outer ring) on the axis of `quality`.
pub(crate) fn point(quality: Quality, value: u8) -> Point {
    polar(quality, radius_of(value))
}

/// SVG `points` attribute for a series: one vertex per axis; `None` (no data) is drawn at the
/// centre. Numbers have at most 1 decimal, e.g. "0,-120 57.3,-105.5 ...".
pub(crate) fn polygon_points(values: &[Option<u8>; Quality::COUNT]) -> String {
    let mut points = String::new();
    for (quality, value) in Quality::ALL.into_iter().zip(values) {
        let p = point(quality, value.unwrap_or(0));
        if !points.is_empty() {
            points.push(' ');
        }
        points.push_str(&num(p.x));
        points.push(',');
        points.push_str(&num(p.y));
    }
    points
}

/// SVG path `d` of the ring (a polygon through every axis) at `value` (e.g. 25, 50, 75,
/// 100): "M x y L x y ... Z".
pub(crate) fn ring_path(value: u8) -> String {
    let mut path = String::new();
    for quality in Quality::ALL {
        let p = point(quality, value);
        path.push_str(if path.is_empty() { "M " } else { " L " });
        path.push_str(&num(p.x));
        path.push(' ');
        path.push_str(&num(p.y));
    }
    path.push_str(" Z");
    path
}

/// The spoke of the axis of `quality`: from the centre to the outer ring.
pub(crate) fn spoke(quality: Quality) -> (Point, Point) {
    (Point { x: 0.0, y: 0.0 }, point(quality, MAX_VALUE))
}

/// Where the value label of a ring is anchored, e.g. for "25", "50": it ends
/// ([`RING_LABEL_ANCHOR`]) just left of the top axis, its baseline just above the ring. Left,
/// because the first article's arc starts at the top axis and runs clockwise, through where
/// "100" would otherwise be.
pub(crate) fn ring_label(value: u8) -> Point {
    Point {
        x: -RING_LABEL_DX,
        y: -radius_of(value) - RING_LABEL_RISE,
    }
}

/// The estimated box of a ring's value label `text` at `value` (see [`ring_label`]); the tests
/// keep it clear of the arcs and the axis labels.
#[cfg(test)]
pub(crate) fn ring_label_bounds(value: u8, text: &str) -> Rect {
    let at = ring_label(value);
    let width = text_width_em(text) * RING_FONT_SIZE;
    let ascent = ASCENT_EM * RING_FONT_SIZE;
    Rect {
        x: RING_LABEL_ANCHOR.left(at.x, width),
        y: at.y - ascent,
        width,
        height: ascent,
    }
}

/// The label of the axis of `quality` with `text`, wrapped at word boundaries to lines of at
/// most [`MAX_LABEL_CHARS`] characters (a single longer word stays whole on its own line),
/// placed [`LABEL_GAP`] outside the outer ring: anchor Middle within [`MIDDLE_WITHIN_DEGREES`]
/// of vertical, Start on the right side, End on the left. Vertically, labels above the centre
/// grow upwards from that point and labels below grow downwards, so that multi-line labels
/// never cross the ring; a label on a horizontal axis is centred on it.
pub(crate) fn label(quality: Quality, text: &str) -> Label {
    let at = polar(quality, RADIUS + LABEL_GAP);
    let lines = wrap(text, MAX_LABEL_CHARS);
    let width = lines
        .iter()
        .map(|line| text_width_em(line) * FONT_SIZE)
        .fold(0.0, f64::max);
    let height = lines.len() as f64 * LINE_HEIGHT;
    let (across, down) = Quality::DIRECTIONS[quality.index()];
    let anchor = if across.abs() <= MIDDLE_WITHIN_SINE {
        Anchor::Middle
    } else if across > 0.0 {
        Anchor::Start
    } else {
        Anchor::End
    };
    let left = anchor.left(at.x, width);
    let top = if down < -LEVEL_EPSILON {
        at.y - height
    } else if down > LEVEL_EPSILON {
        at.y
    } else {
        at.y - height / 2.0
    };
    Label {
        lines,
        x: at.x,
        y: top + ASCENT_EM * FONT_SIZE,
        anchor,
        line_height: LINE_HEIGHT,
        bounds: Rect {
            x: left,
            y: top,
            width,
            height,
        },
    }
}

/// The smallest viewBox that contains the outer ring and every one of `labels`' bounds, plus
/// [`VIEW_BOX_MARGIN`]; use it as the SVG's viewBox.
pub(crate) fn view_box(labels: &[Label]) -> Rect {
    let ring = Quality::ALL.iter().map(|quality| {
        let p = point(*quality, MAX_VALUE);
        Rect {
            x: p.x,
            y: p.y,
            width: 0.0,
            height: 0.0,
        }
    });
    let boxes = ring.chain(labels.iter().map(|label| label.bounds));
    let (mut min_x, mut min_y, mut max_x, mut max_y) = (0.0_f64, 0.0_f64, 0.0_f64, 0.0_f64);
    for b in boxes {
        min_x = min_x.min(b.x);
        min_y = min_y.min(b.y);
        max_x = max_x.max(b.x + b.width);
        max_y = max_y.max(b.y + b.height);
    }
    Rect {
        x: min_x - VIEW_BOX_MARGIN,
        y: min_y - VIEW_BOX_MARGIN,
        width: max_x - min_x + 2.0 * VIEW_BOX_MARGIN,
        height: max_y - min_y + 2.0 * VIEW_BOX_MARGIN,
    }
}

/// SVG path `d` of an arc at [`RADIUS`]` + offset` spanning the axes from `first` to `last`
/// clockwise (past the last axis back to the first when `last` comes before `first`), used to
/// show which article a group of axes comes from: "M x y A r r 0 large 1 x y". Labels never
/// come closer to the centre than `(RADIUS + LABEL_GAP) × cos 10°` (about 132), so an `offset`
/// up to 9 never touches them.
pub(crate) fn group_arc(first: Quality, last: Quality, offset: f64) -> String {
    let radius = RADIUS + offset;
    let steps = (last.index() + Quality::COUNT - first.index()) % Quality::COUNT;
    // The arc is the long way round when it spans more than half the axes.
    let large = u8::from(2 * steps > Quality::COUNT);
    let (start, end) = (polar(first, radius), polar(last, radius));
    let r = num(radius);
    format!(
        "M {} {} A {r} {r} 0 {large} 1 {} {}",
        num(start.x),
        num(start.y),
        num(end.x),
        num(end.y)
    )
}

/// Greedy word wrap: words joined by single spaces into lines of at most `max_chars` characters
/// (counted as chars, not bytes: labels are Spanish with accents); a longer word is its own line.
pub(crate) fn wrap(text: &str, max_chars: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    for word in text.split_whitespace() {
        let needed = current.chars().count() + 1 + word.chars().count();
        if current.is_empty() {
            current.push_str(word);
        } else if needed <= max_chars {
            current.push(' ');
            current.push_str(word);
        } else {
            lines.push(std::mem::replace(&mut current, word.to_owned()));
        }
    }
    if !current.is_empty() {
        lines.push(current);
    }
    lines
}

/// The point at `distance` from the centre on the axis of `quality`.
fn polar(quality: Quality, distance: f64) -> Point {
    let (cos, sin) = Quality::DIRECTIONS[quality.index()];
    Point {
        x: distance * cos,
        y: distance * sin,
    }
}

/// Distance from the centre of `value`, which is clamped to [`MAX_VALUE`].
fn radius_of(value: u8) -> f64 {
    RADIUS * f64::from(value.min(MAX_VALUE)) / f64::from(MAX_VALUE)
}

/// A coordinate with at most 1 decimal, integers without ".0", never "-0"; non-finite is "0".
///
/// Integer arithmetic on tenths, so that no float-formatting code ships in the wasm.
pub(crate) fn num(value: f64) -> String {
    let tenths = (value * 10.0).round();
    if !tenths.is_finite() || tenths == 0.0 {
        return "0".to_owned();
    }
    // Saturating cast: coordinates are small; anything huge is clamped, not a panic.
    let tenths = tenths as i64;
    let sign = if tenths < 0 { "-" } else { "" };
    let (whole, fraction) = (tenths.unsigned_abs() / 10, tenths.unsigned_abs() % 10);
    if fraction == 0 {
        format!("{sign}{whole}")
    } else {
        format!("{sign}{whole}.{fraction}")
    }
}

#[cfg(test)]
mod tests;
