//! Choosing the language, and filling `{placeholder}` templates.
//!
//! Pure core: no yew, web-sys or gloo. The locales themselves and their strings are generated
//! from `content/` (see [`crate::content`]).

pub(crate) use crate::content::{LaterUi, Locale, Ui};
use crate::model::Version;
use crate::scoring::Band;

impl Version {
    /// The version's name in `ui`'s language ("Rápida", "Completa").
    pub(crate) fn label(self, ui: &Ui) -> &'static str {
        match self {
            Version::Quick => ui.version_quick,
            Version::Full => ui.version_full,
        }
    }
}

/// The interface strings shown only after the first questions, in `locale`.
///
/// The only reader of `LaterWords::ui`. In the release, the source language's are in the
/// wasm's second part (`PERFIL_CM_LATER_WORDS`, moved by `tools/wasm-split`), and so is this
/// function, so that calling it brings that part before the strings are read. Never inlined, so
/// that the tool finds it; it refuses to split without it.
#[inline(never)]
pub(crate) fn later_ui(locale: Locale) -> &'static LaterUi {
    locale.later().ui
}

impl Band {
    /// The band's name in `later`'s language ("A desarrollar", "En progreso", "Fortaleza").
    pub(crate) fn label(self, later: &LaterUi) -> &'static str {
        match self {
            Band::Develop => later.band_develop,
            Band::Progress => later.band_progress,
            Band::Strength => later.band_strength,
        }
    }
}

impl Locale {
    /// The supported locale for a language tag such as `es`, `es-MX` or `EN_gb`, if any.
    pub(crate) fn from_tag(tag: &str) -> Option<Locale> {
        let primary = tag.trim().split(['-', '_']).next()?;
        Locale::ALL
            .into_iter()
            .find(|locale| locale.code().eq_ignore_ascii_case(primary))
    }

    /// Picks the language to start in.
    ///
    /// An explicit request (from `?lang=`) wins; then the first browser language that is
    /// supported, in the user's order of preference; then the source language, Spanish.
    pub(crate) fn negotiate<'a>(
        requested: Option<Locale>,
        browser_languages: impl IntoIterator<Item = &'a str>,
    ) -> Locale {
        requested
            .or_else(|| browser_languages.into_iter().find_map(Locale::from_tag))
            .unwrap_or_default()
    }
}

/// Replaces each `{name}` in `template` with the value paired with `name`.
///
/// Unknown placeholders are left as they are, so a mistake shows on screen instead of vanishing;
/// the build checks that every locale uses the same placeholders as Spanish.
pub(crate) fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut text = String::with_capacity(template.len());
    let mut rest = template;
    // One pass: each `{name}` with a value is replaced, anything else is copied as it is.
    while let Some((before, after)) = rest.split_once('{') {
        text.push_str(before);
        let known = after.split_once('}').and_then(|(name, tail)| {
            let (_, value) = values.iter().find(|(known, _)| *known == name)?;
            Some((*value, tail))
        });
        rest = match known {
            Some((value, tail)) => {
                text.push_str(value);
                tail
            }
            None => {
                text.push('{');
                after
            }
        };
    }
    text.push_str(rest);
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_match_on_the_primary_subtag_ignoring_case() {
        assert_eq!(Locale::from_tag("es"), Some(Locale::Es));
        assert_eq!(Locale::from_tag("es-MX"), Some(Locale::Es));
        assert_eq!(Locale::from_tag("EN_gb"), Some(Locale::En));
        assert_eq!(Locale::from_tag(" en-US "), Some(Locale::En));
        assert_eq!(Locale::from_tag("fr-FR"), None);
        assert_eq!(Locale::from_tag(""), None);
        assert_eq!(Locale::from_tag("esp"), None);
    }

    #[test]
    fn an_explicit_request_wins_over_the_browser() {
        assert_eq!(
            Locale::negotiate(Some(Locale::En), ["es-ES", "es"]),
            Locale::En
        );
    }

    #[test]
    fn the_first_supported_browser_language_is_used() {
        assert_eq!(
            Locale::negotiate(None, ["fr-FR", "en-GB", "es"]),
            Locale::En
        );
        assert_eq!(Locale::negotiate(None, ["de", "es-AR"]), Locale::Es);
    }

    #[test]
    fn spanish_is_the_fallback() {
        assert_eq!(Locale::negotiate(None, ["fr", "de"]), Locale::Es);
        assert_eq!(Locale::negotiate(None, []), Locale::Es);
    }

    #[test]
    fn every_locale_has_a_distinct_code_and_its_own_strings() {
        let codes: Vec<_> = Locale::ALL.iter().map(|l| l.code()).collect();
        assert_eq!(codes, ["es", "en"]);
        assert_eq!(Locale::Es.own_words().language_name, "Español");
        assert_eq!(Locale::En.own_words().language_name, "English");
        assert_ne!(Locale::Es.ui().intro_title, Locale::En.ui().intro_title);
    }

    #[test]
    fn fill_replaces_known_placeholders_only() {
        assert_eq!(
            fill("Pregunta {n} de {total}", &[("n", "4"), ("total", "13")]),
            "Pregunta 4 de 13"
        );
        assert_eq!(fill("{a} and {b}", &[("a", "x")]), "x and {b}");
    }
}
