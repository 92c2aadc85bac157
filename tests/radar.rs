//! The radar's geometry through its public API: the real labels of every locale laid out on the
//! 13 axes, the group arcs, and inputs that must not panic. Every test name contains "radar" so
//! that `cargo test radar` runs them together with the unit tests of `src/radar.rs`.

use perfil_cm::chart::{RINGS, group_spans};
use perfil_cm::i18n::Locale;
use perfil_cm::model::Quality;
use perfil_cm::chart::radar::{GROUP_ARC_OFFSET, Label, Point, Radar, Rect};

/// A zero-size rectangle at `p`, to ask whether a box contains a point.
fn dot(p: Point) -> Rect {
    Rect {
        x: p.x,
        y: p.y,
        width: 0.0,
        height: 0.0,
    }
}

/// The labels of the app's 13 qualities in `locale`, on their axes.
fn real_labels(radar: &Radar, locale: Locale) -> Vec<Label> {
    Quality::ALL
        .into_iter()
        .enumerate()
        .map(|(axis, q)| radar.label(axis, locale.texts().quality(q).label))
        .collect()
}

#[test]
fn real_radar_labels_never_overlap_reach_the_ring_or_leave_the_view_box() {
    let radar = Radar::new(Quality::COUNT);
    assert_eq!(radar.axes(), 13);
    for locale in Locale::ALL {
        let labels = real_labels(&radar, locale);
        let (x, y, width, height) = radar.view_box(&labels);
        let view = Rect {
            x,
            y,
            width,
            height,
        };
        for (i, label) in labels.iter().enumerate() {
            let b = label.bounds;
            assert!(view.contains(&b), "{locale:?} {label:?}");
            for other in &labels[i + 1..] {
                assert!(!b.intersects(&other.bounds), "{label:?} {other:?}");
            }
            for axis in 0..13 {
                let vertex = dot(radar.point(axis, 100.0));
                assert!(!b.contains(&vertex) && view.contains(&vertex));
            }
            // Stronger: the box's nearest point to the centre is outside the ring's circle, so
            // the box cannot touch the ring polygon, which lies inside that circle.
            let near_x = 0.0_f64.clamp(b.x, b.x + b.width);
            let near_y = 0.0_f64.clamp(b.y, b.y + b.height);
            assert!(near_x.hypot(near_y) > radar.radius(), "{label:?}");
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
    let radar = Radar::new(Quality::COUNT);
    // Points along every group arc, half its 3-unit stroke included by growing the boxes.
    let arc_radius = radar.radius() + GROUP_ARC_OFFSET;
    let arcs: Vec<(f64, f64)> = group_spans()
        .into_iter()
        .flat_map(|(_, first, last)| {
            let (from, to) = (radar.angle(first), radar.angle(last));
            (0..=100).map(move |i| from + (to - from) * f64::from(i) / 100.0)
        })
        .map(|angle| (arc_radius * angle.cos(), arc_radius * angle.sin()))
        .collect();
    for ring in RINGS {
        let b = radar.ring_label_bounds(f64::from(ring), &ring.to_string());
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
            for label in real_labels(&radar, locale) {
                assert!(!b.intersects(&label.bounds), "{ring} {label:?}");
            }
        }
    }
}

#[test]
fn radar_group_arcs_run_clockwise_from_the_first_axis_to_the_last() {
    let radar = Radar::new(13);
    let on_arc = |axis| {
        let angle = radar.angle(axis);
        (126.0 * angle.cos(), 126.0 * angle.sin())
    };
    let cm = arc(&radar.group_arc(0, 4, 6.0));
    let ((x0, y0), (x4, y4)) = (on_arc(0), on_arc(4));
    assert!(
        (cm[0] - x0).abs() <= 0.05 && (cm[1] - y0).abs() <= 0.05,
        "{cm:?}"
    );
    assert!(
        (cm[7] - x4).abs() <= 0.05 && (cm[8] - y4).abs() <= 0.05,
        "{cm:?}"
    );
    assert_eq!(cm[2..7], [126.0, 126.0, 0.0, 0.0, 1.0], "110.8°: small arc");
    let sm = arc(&radar.group_arc(5, 12, 6.0));
    assert_eq!((sm[5], sm[6]), (1.0, 1.0), "193.8° needs the large arc");
    let wrapped = arc(&radar.group_arc(12, 1, 0.0));
    assert_eq!(
        (wrapped[2], wrapped[5]),
        (120.0, 0.0),
        "two steps past the last axis"
    );
}

#[test]
fn degenerate_radars_and_inputs_never_panic() {
    for radar in [Radar::new(0), Radar::new(1)] {
        for axis in [0, 1, 7, usize::MAX] {
            assert!(radar.angle(axis).is_finite());
            let p = radar.point(axis, f64::NAN);
            assert!(p.x.is_finite() && p.y.is_finite());
            let label = radar.label(axis, "Pasión");
            assert!(label.bounds.width > 0.0 && label.y.is_finite());
            let _ = (radar.spoke(axis), radar.group_arc(axis, 3, f64::NAN));
        }
        let _ = (radar.ring_path(f64::INFINITY), radar.ring_label(f64::NAN));
        let (_, _, width, height) = radar.view_box(&[]);
        assert!(width > 0.0 && height > 0.0);
    }
    assert_eq!(Radar::new(0).polygon_points(&[]), "");
    assert_eq!(Radar::new(0).ring_path(100.0), "");
    let radar = Radar::new(13);
    assert_eq!(radar.point(13 + 2, 80.0), radar.point(2, 80.0));
    assert_eq!(radar.point(4, f64::NAN), Point { x: 0.0, y: 0.0 });
    assert_eq!(radar.polygon_points(&[Some(200)]).split(' ').count(), 13);
    assert_eq!(radar.ring_label(50.0), Point { x: -4.0, y: -62.0 });
}
