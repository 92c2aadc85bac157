//! Options a host page or a link can pass in the query string, such as `?lang=en`.
//!
//! Pure core: no yew, web-sys or gloo. The query string is untrusted input: unknown names are
//! ignored and invalid values become [`OptionsNotice`]s that the interface mentions, never a
//! panic.

use crate::i18n::Locale;

/// The options understood in the query string.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct UrlOptions {
    /// `lang`: the language to start in.
    pub(crate) lang: Option<Locale>,
    /// Values that were present but not understood.
    pub(crate) notices: Vec<OptionsNotice>,
}

/// An option that was given a value the app does not understand.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum OptionsNotice {
    /// `lang` named a language the app does not have.
    UnknownLanguage,
}

impl UrlOptions {
    /// Reads a query string, with or without its leading `?`.
    pub(crate) fn parse(query: &str) -> UrlOptions {
        let mut options = UrlOptions::default();
        let pairs = query.trim_start_matches('?').split('&');
        for (name, value) in pairs.filter_map(|pair| pair.split_once('=')) {
            if name == "lang" {
                match Locale::from_tag(value) {
                    Some(locale) => options.lang = Some(locale),
                    None => options.notices.push(OptionsNotice::UnknownLanguage),
                }
            }
        }
        options
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_lang_with_or_without_question_mark() {
        assert_eq!(UrlOptions::parse("?lang=en").lang, Some(Locale::En));
        assert_eq!(UrlOptions::parse("x=1&lang=es-AR").lang, Some(Locale::Es));
    }

    #[test]
    fn empty_and_unrelated_queries_give_defaults() {
        assert_eq!(UrlOptions::parse(""), UrlOptions::default());
        assert_eq!(UrlOptions::parse("?"), UrlOptions::default());
        assert_eq!(UrlOptions::parse("?utm=a&&=&lang"), UrlOptions::default());
    }

    #[test]
    fn an_unknown_language_is_a_notice_not_an_error() {
        let options = UrlOptions::parse("?lang=fr%3Cscript%3E");
        assert_eq!(options.lang, None);
        assert_eq!(options.notices, [OptionsNotice::UnknownLanguage]);
    }
}
