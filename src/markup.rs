//! Escaping text for markup: HTML elements and double-quoted attributes, and XML (the SVG
//! export, the recruiter's embed snippet).
//!
//! Pure core, shared with the build: `build/prerender.rs` includes this file by its path, so the
//! intro painted from the HTML and the app's own markup escape alike. So it depends on nothing.

/// `text` with the five characters that HTML and XML reserve written as entities, for an
/// element's text or an attribute's value in double or single quotes.
pub fn escape(text: &str) -> String {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_reserved_characters_become_entities_and_the_rest_stays() {
        assert_eq!(
            escape("<a href=\"x\">Tom & 'Ñu'</a>"),
            "&lt;a href=&quot;x&quot;&gt;Tom &amp; &apos;Ñu&apos;&lt;/a&gt;"
        );
        assert_eq!(escape("sin nada"), "sin nada");
    }
}
