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
/// a `%` not followed by two hex digits stays as it is, and a value whose bytes are not UTF-8 is
/// read as empty (no option takes such a value).
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
    String::from_utf8(decoded).unwrap_or_default()
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
        assert_eq!(percent_decode("%C3%B1"), "ñ");
        assert_eq!(percent_decode("%C3%B1%FF"), "");
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

/// Property tests of the query decoder. Native only: proptest does not build for
/// wasm32-unknown-unknown.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod properties {
    use proptest::prelude::*;

    use super::*;

    /// `text` with the bytes whose flag is set written as `%XX` (upper or lower case hex, as
    /// encoders differ), the others as they are.
    fn encode_some(text: &str, flags: &[(bool, bool)]) -> String {
        text.bytes()
            .zip(flags.iter().cycle())
            .map(|(byte, &(encoded, upper))| match (encoded, upper) {
                (false, _) => char::from(byte).to_string(),
                (true, true) => format!("%{byte:02X}"),
                (true, false) => format!("%{byte:02x}"),
            })
            .collect()
    }

    /// Which bytes to percent-encode, and in which case.
    fn any_flags() -> impl Strategy<Value = Vec<(bool, bool)>> {
        proptest::collection::vec(any::<(bool, bool)>(), 1..12)
    }

    /// Parameters that are not `lang`, with stray `&`, `=`, `%` and `+`. No `l`, `L` or digit,
    /// so that no name can decode to `lang` (`%6C` is an `l`).
    fn other_parameters() -> impl Strategy<Value = String> {
        "[a-km-zA-KM-Z_.~&=%+-]{0,12}"
    }

    /// A known locale's tag as a link might write it: the code in any case, maybe a region
    /// subtag after `-` or `_`.
    fn any_known_tag() -> impl Strategy<Value = (Locale, String)> {
        (
            proptest::sample::select(Locale::ALL.to_vec()),
            proptest::collection::vec(any::<bool>(), 1..4),
            "([-_][A-Za-z]{2})?",
        )
            .prop_map(|(locale, upper, region)| {
                let code: String = locale
                    .code()
                    .chars()
                    .zip(upper.iter().cycle())
                    .map(|(c, &up)| if up { c.to_ascii_uppercase() } else { c })
                    .collect();
                (locale, format!("{code}{region}"))
            })
    }

    /// A tag for a language the app does not have.
    fn any_unknown_tag() -> impl Strategy<Value = String> {
        "[A-Za-z0-9<>!_-]{0,8}".prop_map(|tag| {
            if Locale::from_tag(&tag).is_some() {
                // A known code behind "zz" is a longer, unknown one.
                format!("zz{tag}")
            } else {
                tag
            }
        })
    }

    proptest! {
        #[test]
        fn a_known_lang_among_other_parameters_gives_its_locale(
            (locale, tag) in any_known_tag(),
            name_flags in any_flags(),
            value_flags in any_flags(),
            question_mark in any::<bool>(),
            before in other_parameters(),
            after in other_parameters(),
        ) {
            let query = format!(
                "{}{before}&{}={}&{after}",
                if question_mark { "?" } else { "" },
                encode_some("lang", &name_flags),
                encode_some(&tag, &value_flags),
            );
            let options = UrlOptions::parse(&query);
            prop_assert_eq!(options.lang, Some(locale), "{:?}", query);
            prop_assert!(options.notices.is_empty(), "{:?}", query);
        }

        #[test]
        fn only_unknown_langs_give_no_locale_and_one_notice(
            tags in proptest::collection::vec((any_unknown_tag(), any_flags()), 1..4),
            before in other_parameters(),
            after in other_parameters(),
        ) {
            let langs: Vec<String> = tags
                .iter()
                .map(|(tag, flags)| format!("lang={}", encode_some(tag, flags)))
                .collect();
            let query = format!("?{before}&{}&{after}", langs.join("&"));
            let options = UrlOptions::parse(&query);
            prop_assert_eq!(options.lang, None, "{:?}", query);
            prop_assert_eq!(options.notices, [OptionsNotice::UnknownLanguage], "{:?}", query);
        }

        #[test]
        fn any_query_parses_without_panic_to_at_most_one_notice(
            query in prop_oneof![any::<String>(), "[?&=%+a-gln0-9A-G]{0,40}"],
        ) {
            let options = UrlOptions::parse(&query);
            prop_assert!(options.notices.len() <= 1);
            prop_assert!(options.notices.is_empty() || options.lang.is_none());
        }
    }
}
