//! The radar's geometry: the real labels of every locale laid out on the 13 axes, the rings,
//! the group arcs and the number format. Their paths (`chart::radar::tests::…`) contain
//! "radar", so `cargo test radar` runs them all.

use super::*;
use crate::chart::{RINGS, group_spans};
use crate::i18n::Locale;

/// Box tests that only the tests need.
trait Boxes {
    /// The two rectangles share some area (touching edges do not count).
    fn intersects(&self, other: &Rect) -> bool;
    /// `other` lies entirely inside this rectangle (edges included).
    fn contains(&self, other: &Rect) -> bool;
}

impl Boxes for Rect {
    fn intersects(&self, other: &Rect) -> bool {
        self.x < other.x + other.width
            && other.x < self.x + self.width
            && self.y < other.y + other.height
            && other.y < self.y + self.height
    }

    fn contains(&self, other: &Rect) -> bool {
        other.x >= self.x
            && other.y >= self.y
            && other.x + other.width <= self.x + self.width
            && other.y + other.height <= self.y + self.height
    }
}

/// A zero-size rectangle at `p`, to ask whether a box contains a point.
fn dot(p: Point) -> Rect {
    Rect {
        x: p.x,
        y: p.y,
        width: 0.0,
        height: 0.0,
    }
}

fn close(a: Point, b: Point) -> bool {
    (a.x - b.x).abs() < 1e-9 && (a.y - b.y).abs() < 1e-9
}

/// The labels of the app's 13 qualities in `locale`, on their axes.
fn real_labels(locale: Locale) -> Vec<Label> {
    Quality::ALL
        .into_iter()
        .map(|q| label(q, locale.texts().quality(q).label))
        .collect()
}

/// The directions written out by build.rs are exactly the cosine and sine of each axis' angle,
/// and the near-vertical threshold is the sine of its angle.
#[test]
fn axis_directions_and_the_vertical_threshold_are_exact() {
    for quality in Quality::ALL {
        let angle = angle(quality);
        assert_eq!(
            Quality::DIRECTIONS[quality.index()],
            (angle.cos(), angle.sin())
        );
    }
    assert_eq!(MIDDLE_WITHIN_SINE, MIDDLE_WITHIN_DEGREES.to_radians().sin());
}

#[test]
fn axes_start_straight_up_and_go_clockwise_evenly() {
    for (k, quality) in Quality::ALL.into_iter().enumerate() {
        let expected = -FRAC_PI_2 + k as f64 * TAU / 13.0;
        assert!((angle(quality) - expected).abs() < 1e-12, "axis {k}");
    }
    let [top, ..] = Quality::ALL;
    assert!(close(point(top, 100), Point { x: 0.0, y: -120.0 }));
    assert!(close(point(top, 50), Point { x: 0.0, y: -60.0 }));
    for quality in Quality::ALL {
        assert_eq!(point(quality, 0), Point { x: 0.0, y: 0.0 });
        assert_eq!(point(quality, 200), point(quality, 100), "clamped");
        assert_eq!(spoke(quality), (point(quality, 0), point(quality, 100)));
    }
}

#[test]
fn rings_are_compact_polygons_through_every_axis() {
    let ring: Vec<String> = ring_path(100)
        .trim_end_matches(" Z")
        .split(['M', 'L'])
        .map(|v| v.trim().replace(' ', ","))
        .filter(|v| !v.is_empty())
        .collect();
    assert_eq!(ring.len(), 13);
    assert_eq!(polygon_points(&[Some(100); 13]), ring.join(" "));
    assert!(ring_path(50).starts_with("M 0 -60 L "), "{}", ring_path(50));
}

#[test]
fn series_numbers_have_at_most_one_decimal_and_no_data_is_the_centre() {
    let values: [Option<u8>; 13] = std::array::from_fn(|i| u8::try_from(i * 7 + 3).ok());
    let points = polygon_points(&values);
    assert!(points.starts_with("0,-3.6 "), "{points}");
    for number in points.split([' ', ',']) {
        let decimals = number.split('.').nth(1).map_or(0, str::len);
        assert!(decimals <= 1 && number.parse::<f64>().is_ok(), "{number}");
    }
    assert_eq!(polygon_points(&[None; 13]), ["0,0"; 13].join(" "));
    assert_eq!(
        polygon_points(&[Some(200); 13]),
        polygon_points(&[Some(100); 13])
    );
}

#[test]
fn labels_are_anchored_and_grow_away_from_the_ring_on_both_sides() {
    use Anchor::{End, Middle, Start};
    let anchors: Vec<Anchor> = Quality::ALL
        .into_iter()
        .map(|q| label(q, "Etiqueta").anchor)
        .collect();
    let mut expected = vec![Middle];
    expected.extend([Start; 6]);
    expected.extend([End; 6]);
    assert_eq!(anchors, expected);
    for (axis, quality) in Quality::ALL.into_iter().enumerate() {
        let label = label(quality, "Más allá de las redes sociales");
        let (ring, b) = (point(quality, 100), label.bounds);
        match axis {
            4..=9 => assert!(b.y >= ring.y, "axis {axis} grows downwards"),
            _ => assert!(b.y + b.height <= ring.y, "axis {axis} grows upwards"),
        }
        assert_eq!(label.lines.len(), 3);
        assert!((label.y - (b.y + 0.8 * FONT_SIZE)).abs() < 1e-9);
    }
    assert_eq!(Anchor::End.as_svg(), "end");
}

#[test]
fn wrapping_breaks_at_words_and_counts_characters() {
    assert_eq!(
        wrap("Más allá de las redes sociales", 11),
        ["Más allá de", "las redes", "sociales"]
    );
    assert_eq!(wrap("Responsabilidad", 11), ["Responsabilidad"]);
    assert_eq!(wrap("  a   b ", 11), ["a b"]);
    assert!(wrap("", 11).is_empty());
    let label = label(Quality::ALL[5], "Responsabilidad");
    assert!((label.bounds.width - text_width_em("Responsabilidad") * FONT_SIZE).abs() < 1e-9);
}

#[test]
fn text_widths_come_from_the_font_per_character() {
    // DejaVu Sans: "m" 1995/2048 em, "i" 569/2048, an accent as wide as its letter.
    assert!((text_width_em("m") - 1995.0 / 2048.0 * WIDTH_SAFETY).abs() < 1e-12);
    assert!((text_width_em("i") - 569.0 / 2048.0 * WIDTH_SAFETY).abs() < 1e-12);
    assert_eq!(text_width_em("Pasión"), text_width_em("Pasion"));
    assert_eq!(text_width_em("Ñ"), text_width_em("N"));
    // Unknown characters (and control characters) count a whole em, never less.
    assert_eq!(text_width_em("€"), WIDTH_SAFETY);
    assert_eq!(text_width_em("\u{7}"), WIDTH_SAFETY);
    assert_eq!(text_width_em(""), 0.0);
    // Where a flat 0.6 em per character would be wrong.
    assert!(text_width_em("Composure") > 0.6 * 9.0);
    assert!(text_width_em("Disponibilidad") < 0.6 * 14.0);
}

#[test]
fn coordinates_print_with_at_most_one_decimal_without_float_formatting() {
    let cases = [
        (0.0, "0"),
        (-0.04, "0"),
        (120.0, "120"),
        (-120.0, "-120"),
        (57.349, "57.3"),
        (-105.55, "-105.6"),
        (0.05, "0.1"),
        (f64::NAN, "0"),
        (f64::INFINITY, "0"),
    ];
    for (value, expected) in cases {
        assert_eq!(num(value), expected, "{value}");
    }
}

#[test]
fn real_radar_labels_never_overlap_reach_the_ring_or_leave_the_view_box() {
    for locale in Locale::ALL {
        let labels = real_labels(locale);
        let view = view_box(&labels);
        for (i, label) in labels.iter().enumerate() {
            let b = label.bounds;
            assert!(view.contains(&b), "{locale:?} {label:?}");
            for other in &labels[i + 1..] {
                assert!(!b.intersects(&other.bounds), "{label:?} {other:?}");
            }
            for quality in Quality::ALL {
                let vertex = dot(point(quality, 100));
                assert!(!b.contains(&vertex) && view.contains(&vertex));
            }
            // Stronger: the box's nearest point to the centre is outside the ring's circle, so
            // the box cannot touch the ring polygon, which lies inside that circle.
            let near_x = 0.0_f64.clamp(b.x, b.x + b.width);
            let near_y = 0.0_f64.clamp(b.y, b.y + b.height);
            assert!(near_x.hypot(near_y) > RADIUS, "{label:?}");
        }
    }
}

/// The numbers of a group arc's path "M x y A r r 0 large sweep x y".
fn arc(path: &str) -> Vec<f64> {
    let tokens: Vec<&str> = path.split(' ').collect();
    assert_eq!(
        (tokens.len(), tokens[0], tokens[3]),
        (11, "M", "A"),
        "{path}"
    );
    tokens.iter().filter_map(|t| t.parse().ok()).collect()
}

#[test]
fn radar_ring_values_stay_clear_of_the_group_arcs_and_the_axis_labels() {
    // Points along every group arc, half its 3-unit stroke included by growing the boxes.
    let arc_radius = RADIUS + GROUP_ARC_OFFSET;
    let arcs: Vec<(f64, f64)> = group_spans()
        .into_iter()
        .flat_map(|(_, first, last)| {
            let (from, to) = (angle(first), angle(last));
            (0..=100).map(move |i| from + (to - from) * f64::from(i) / 100.0)
        })
        .map(|angle| (arc_radius * angle.cos(), arc_radius * angle.sin()))
        .collect();
    for ring in RINGS {
        let b = ring_label_bounds(ring, &ring.to_string());
        let grown = Rect {
            x: b.x - 1.5,
            y: b.y - 1.5,
            width: b.width + 3.0,
            height: b.height + 3.0,
        };
        for &(x, y) in &arcs {
            assert!(
                !grown.contains(&dot(Point { x, y })),
                "{ring} touches an arc at {x},{y}"
            );
        }
        for locale in Locale::ALL {
            for label in real_labels(locale) {
                assert!(!b.intersects(&label.bounds), "{ring} {label:?}");
            }
        }
    }
    assert_eq!(ring_label(50), Point { x: -4.0, y: -62.0 });
}

#[test]
fn radar_group_arcs_run_clockwise_from_the_first_axis_to_the_last() {
    let q = Quality::ALL;
    let on_arc = |quality| {
        let angle = angle(quality);
        (126.0 * angle.cos(), 126.0 * angle.sin())
    };
    let cm = arc(&group_arc(q[0], q[4], 6.0));
    let ((x0, y0), (x4, y4)) = (on_arc(q[0]), on_arc(q[4]));
    assert!(
        (cm[0] - x0).abs() <= 0.05 && (cm[1] - y0).abs() <= 0.05,
        "{cm:?}"
    );
    assert!(
        (cm[7] - x4).abs() <= 0.05 && (cm[8] - y4).abs() <= 0.05,
        "{cm:?}"
    );
    assert_eq!(cm[2..7], [126.0, 126.0, 0.0, 0.0, 1.0], "110.8°: small arc");
    let sm = arc(&group_arc(q[5], q[12], 6.0));
    assert_eq!((sm[5], sm[6]), (1.0, 1.0), "193.8° needs the large arc");
    let wrapped = arc(&group_arc(q[12], q[1], 0.0));
    assert_eq!(
        (wrapped[2], wrapped[5]),
        (120.0, 0.0),
        "two steps past the last axis: a small arc"
    );
}
