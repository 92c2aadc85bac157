//! The radar as a standalone SVG document, for "Descargar SVG" and the PNG made from it.
//!
//! A file cannot use the page's CSS, so each shape carries its colours as the light theme's
//! values of its [`Token`]s, next to the same geometry and numeric style as on screen.

use super::{Scene, Series, Shape, Token, layout, radar::num, scene};
use crate::i18n::Locale;
use crate::markup::escape;

/// How many pixels an exported SVG has per unit of the radar's viewBox.
pub(crate) const EXPORT_SCALE: f64 = 2.0;

/// The fonts of the file: the page's system stack, without its custom property.
const FONT_FAMILY: &str = "system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif";

/// The `width` and `height` of the document [`svg_document`] makes for `locale`.
pub(crate) fn svg_size(locale: Locale) -> (f64, f64) {
    let view_box = layout(locale).view_box;
    (
        view_box.width * EXPORT_SCALE,
        view_box.height * EXPORT_SCALE,
    )
}

/// The radar in `locale` with `series` as a standalone SVG document (light palette, system
/// fonts), with a title.
pub(crate) fn svg_document(locale: Locale, title: &str, series: &[Series]) -> String {
    render(&scene(&layout(locale), series), title)
}

/// `scene` as a standalone SVG document with `title`, [`EXPORT_SCALE`] pixels per unit.
pub(crate) fn render(scene: &Scene, title: &str) -> String {
    let view_box = scene.view_box;
    let mut svg = String::from("<svg");
    attribute(&mut svg, "xmlns", "http://www.w3.org/2000/svg");
    attribute(&mut svg, "viewBox", &scene.view_box_attribute());
    attribute(
        &mut svg,
        "width",
        &num((view_box.width * EXPORT_SCALE).round()),
    );
    attribute(
        &mut svg,
        "height",
        &num((view_box.height * EXPORT_SCALE).round()),
    );
    attribute(&mut svg, "font-family", FONT_FAMILY);
    svg.push_str("><title>");
    svg.push_str(&escape(title));
    svg.push_str("</title><rect");
    attribute(&mut svg, "x", &num(view_box.x));
    attribute(&mut svg, "y", &num(view_box.y));
    attribute(&mut svg, "width", &num(view_box.width));
    attribute(&mut svg, "height", &num(view_box.height));
    attribute(&mut svg, "fill", Token::Surface.light());
    svg.push_str("/>");
    for shape in &scene.shapes {
        element(&mut svg, shape);
    }
    svg.push_str("</svg>");
    svg
}

/// Appends `shape`: its role's classes, geometry, colours and numeric style, and its text.
fn element(svg: &mut String, shape: &Shape) {
    let style = shape.style();
    svg.push('<');
    svg.push_str(shape.element());
    attribute(svg, "class", style.class);
    for (name, value) in shape.attributes() {
        attribute(svg, name, &value);
    }
    if let Some(fill) = style.fill {
        attribute(svg, "fill", fill.light());
    }
    if let Some(stroke) = style.stroke {
        attribute(svg, "stroke", stroke.light());
    }
    for (name, value) in style.presentation() {
        attribute(svg, name, value);
    }
    let super::Geometry::Text(text) = &shape.geometry else {
        svg.push_str("/>");
        return;
    };
    svg.push('>');
    if let Some(plain) = text.plain() {
        svg.push_str(&escape(plain));
    }
    for tspan in text.tspans() {
        svg.push_str("<tspan");
        attribute(svg, "x", &tspan.x);
        attribute(svg, "dy", &tspan.dy);
        svg.push('>');
        svg.push_str(&escape(tspan.text));
        svg.push_str("</tspan>");
    }
    svg.push_str("</text>");
}

/// Appends ` name="value"`, the value escaped.
fn attribute(svg: &mut String, name: &str, value: &str) {
    svg.push(' ');
    svg.push_str(name);
    svg.push_str("=\"");
    svg.push_str(&escape(value));
    svg.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::{RINGS, SeriesKind};
    use crate::model::Quality;

    fn series(value: u8) -> Series {
        Series {
            name: "Tu resultado".into(),
            values: [Some(value); Quality::COUNT],
            kind: SeriesKind::Own,
        }
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
        assert!(svg.contains(" font-family=\"system-ui, -apple-system, &apos;Segoe UI&apos;"));
        assert_eq!(svg.matches("<polygon").count(), 2);
        assert_eq!(svg.matches("<text").count(), Quality::COUNT + RINGS.len());
        for quality in Quality::ALL {
            let label = Locale::Es.texts().quality(quality).label;
            let first_word = label.split(' ').next().unwrap_or_default();
            assert!(svg.contains(&escape(first_word)), "{label}");
        }
        let (width, height) = svg_size(Locale::Es);
        assert!(width > 400.0 && height > 400.0, "{width}×{height}");
        assert!(svg.contains(&format!(
            " width=\"{}\" height=\"{}\"",
            num(width.round()),
            num(height.round())
        )));
        assert!(svg.contains(&format!(" fill=\"{}\"/>", Token::Surface.light())));
        assert_eq!(svg.matches("<text").count(), svg.matches("</text>").count());
        assert_eq!(
            svg.matches("<tspan").count(),
            svg.matches("</tspan>").count()
        );
    }
}
