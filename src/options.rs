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
    /// Reads a query string, with or without its leading `?`. Names and values are
    /// percent-decoded, as a browser encodes them. Of several `lang` values the first the app
    /// has counts, and only when none is known does the interface say so.
    pub(crate) fn parse(query: &str) -> UrlOptions {
        let mut options = UrlOptions::default();
        let mut unknown_language = false;
        let pairs = query.trim_start_matches('?').split('&');
        for (name, value) in pairs.filter_map(|pair| pair.split_once('=')) {
            if percent_decode(name) == "lang" {
                match Locale::from_tag(&percent_decode(value)) {
                    Some(locale) => {
                        options.lang.get_or_insert(locale);
                    }
                    None => unknown_language = true,
                }
            }
        }
        if unknown_language && options.lang.is_none() {
            options.notices.push(OptionsNotice::UnknownLanguage);
        }
        options
    }
}

/// `text` with `+` as a space and each `%XX` as its byte, as in `application/x-www-form-urlencoded`;
/// a `%` not followed by two hex digits stays as it is, and bytes that are not UTF-8 become U+FFFD.
fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut decoded = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |at: usize| bytes.get(at).and_then(|b| char::from(*b).to_digit(16));
        match bytes[i] {
            b'+' => decoded.push(b' '),
            b'%' => {
                if let (Some(high), Some(low)) = (hex(i + 1), hex(i + 2)) {
                    // Two hex digits make a byte: 16 × 15 + 15 at most.
                    decoded.push((high * 16 + low) as u8);
                    i += 3;
                    continue;
                }
                decoded.push(b'%');
            }
            byte => decoded.push(byte),
        }
        i += 1;
    }
    String::from_utf8_lossy(&decoded).into_owned()
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
    fn names_and_values_are_percent_decoded() {
        assert_eq!(UrlOptions::parse("?lang=%65%6e").lang, Some(Locale::En));
        assert_eq!(UrlOptions::parse("?%6Cang=es").lang, Some(Locale::Es));
        assert_eq!(percent_decode("a+b%20c%zz%4"), "a b c%zz%4");
        assert_eq!(percent_decode("%C3%B1%FF"), "ñ\u{FFFD}");
    }

    #[test]
    fn the_first_known_language_counts_and_only_no_known_one_is_a_notice() {
        let options = UrlOptions::parse("?lang=fr&lang=en&lang=es");
        assert_eq!(
            (options.lang, options.notices),
            (Some(Locale::En), Vec::new())
        );
    }

    #[test]
    fn an_unknown_language_is_a_notice_not_an_error() {
        let options = UrlOptions::parse("?lang=fr%3Cscript%3E");
        assert_eq!(options.lang, None);
        assert_eq!(options.notices, [OptionsNotice::UnknownLanguage]);
    }
}
