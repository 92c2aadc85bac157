//! Options a host page or a link can pass in the query string, such as `?lang=en&mode=quick`.
//! The embed loader (`assets/embed.js`) writes its placeholder's `data-*` options here too, so
//! the two spellings are one.
//!
//! Pure core: no yew, web-sys or gloo. The query string is untrusted input: unknown names are
//! ignored and invalid values are left out, each with one [`OptionsNotice`] that the app reports
//! on the console (and, for the language, on screen), never a panic.

use crate::i18n::Locale;
use crate::model::Version;

/// The longest `title` taken, in characters: a heading that fits a phone's line or two.
pub(crate) const TITLE_MAX_CHARS: usize = 80;

/// The options understood in the query string.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct UrlOptions {
    /// `lang`: the language to start in.
    pub(crate) lang: Option<Locale>,
    /// `mode=quick|full`: the version, chosen by the host; the intro then offers no choice.
    pub(crate) mode: Option<Version>,
    /// `theme=light|dark|auto`: the colour scheme; `None` follows the system (`auto`).
    pub(crate) theme: Option<Theme>,
    /// `accent`: the host's colour for buttons and links, where it can be read.
    pub(crate) accent: Option<Accent>,
    /// `title`: the intro's heading instead of the app's own, as plain text.
    pub(crate) title: Option<String>,
    /// `embed=1`: lay out as a widget even when not framed (framed, the app always is one).
    pub(crate) embed: bool,
    /// Values that were present but not understood, in the order met, one per option.
    pub(crate) notices: Vec<OptionsNotice>,
}

/// A colour scheme forced by `theme`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Theme {
    /// Light whatever the system says.
    Light,
    /// Dark whatever the system says.
    Dark,
}

/// An option that was given a value the app does not understand; the value is ignored.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum OptionsNotice {
    /// `lang` named a language the app does not have.
    UnknownLanguage,
    /// `mode` was neither `quick` nor `full`.
    UnknownMode,
    /// `theme` was not `light`, `dark` or `auto`.
    UnknownTheme,
    /// `accent` was not a `#rgb` or `#rrggbb` colour.
    InvalidAccent,
    /// `accent` is a colour, but text in it could not be read on the app's surface in any
    /// scheme that may show (WCAG AA, 4.5:1).
    UnreadableAccent,
    /// `title` was longer than [`TITLE_MAX_CHARS`] or held control characters.
    InvalidTitle,
    /// `embed` was not `1` or `0`.
    InvalidEmbed,
}

impl OptionsNotice {
    /// What the console says, for whoever wrote the snippet or link.
    pub(crate) fn explain(self) -> &'static str {
        match self {
            OptionsNotice::UnknownLanguage => "lang: not a language of the app (es, en); ignored",
            OptionsNotice::UnknownMode => "mode: use quick or full; ignored",
            OptionsNotice::UnknownTheme => "theme: use light, dark or auto; ignored",
            OptionsNotice::InvalidAccent => "accent: use a #rgb or #rrggbb colour; ignored",
            OptionsNotice::UnreadableAccent => {
                "accent: too little contrast with the background to read (WCAG AA 4.5:1); ignored"
            }
            OptionsNotice::InvalidTitle => {
                "title: plain text of at most 80 characters, no control characters; ignored"
            }
            OptionsNotice::InvalidEmbed => "embed: use 1 or 0; ignored",
        }
    }
}

impl UrlOptions {
    /// Reads a query string, with or without its leading `?`. Names and values are
    /// percent-decoded, as a browser encodes them. Of several values of one option the first
    /// valid one counts, and only when none is valid is there a notice for it.
    pub(crate) fn parse(query: &str) -> UrlOptions {
        let mut options = UrlOptions::default();
        // Per option: a valid value seen, an invalid one seen.
        let mut invalid = Vec::new();
        let mut theme_seen = false;
        let mut accent_text = None;
        let pairs = query.trim_start_matches('?').split('&');
        for (name, value) in pairs.filter_map(|pair| pair.split_once('=')) {
            let value = percent_decode(value);
            match percent_decode(name).as_str() {
                "lang" => match Locale::from_tag(&value) {
                    Some(locale) => {
                        options.lang.get_or_insert(locale);
                    }
                    None => invalid.push(OptionsNotice::UnknownLanguage),
                },
                "mode" => match value.as_str() {
                    "quick" | "full" => {
                        let version = if value == "quick" {
                            Version::Quick
                        } else {
                            Version::Full
                        };
                        options.mode.get_or_insert(version);
                    }
                    _ => invalid.push(OptionsNotice::UnknownMode),
                },
                "theme" if !theme_seen => match value.as_str() {
                    "light" => (options.theme, theme_seen) = (Some(Theme::Light), true),
                    "dark" => (options.theme, theme_seen) = (Some(Theme::Dark), true),
                    "auto" => theme_seen = true,
                    _ => invalid.push(OptionsNotice::UnknownTheme),
                },
                "accent" if accent_text.is_none() => match Rgb::parse(&value) {
                    Some(colour) => accent_text = Some(colour),
                    None => invalid.push(OptionsNotice::InvalidAccent),
                },
                "title" if options.title.is_none() => {
                    let title = value.trim();
                    if title.chars().count() > TITLE_MAX_CHARS
                        || title.chars().any(char::is_control)
                    {
                        invalid.push(OptionsNotice::InvalidTitle);
                    } else if !title.is_empty() {
                        options.title = Some(title.to_owned());
                    }
                }
                "embed" => match value.as_str() {
                    "1" => options.embed = true,
                    "0" => {}
                    _ => invalid.push(OptionsNotice::InvalidEmbed),
                },
                _ => {}
            }
        }
        if let Some(colour) = accent_text {
            let accent = Accent(colour);
            let shown = match options.theme {
                Some(Theme::Light) => accent.paint(Theme::Light).is_some(),
                Some(Theme::Dark) => accent.paint(Theme::Dark).is_some(),
                None => accent.paint(Theme::Light).is_some() || accent.paint(Theme::Dark).is_some(),
            };
            if shown {
                options.accent = Some(accent);
            } else {
                invalid.push(OptionsNotice::UnreadableAccent);
            }
        }
        // One notice per option, and none for an option that got a valid value as well.
        for notice in invalid {
            let valid = match notice {
                OptionsNotice::UnknownLanguage => options.lang.is_some(),
                OptionsNotice::UnknownMode => options.mode.is_some(),
                OptionsNotice::UnknownTheme => theme_seen,
                OptionsNotice::InvalidAccent | OptionsNotice::UnreadableAccent => {
                    options.accent.is_some()
                }
                OptionsNotice::InvalidTitle => options.title.is_some(),
                OptionsNotice::InvalidEmbed => false,
            };
            if !valid && !options.notices.contains(&notice) {
                options.notices.push(notice);
            }
        }
        options
    }
}

/// A colour in sRGB, 8 bits per channel.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Rgb(pub(crate) [u8; 3]);

impl Rgb {
    /// `#rgb` or `#rrggbb` (the `#` may be left out), any case.
    fn parse(text: &str) -> Option<Rgb> {
        let digits = text.strip_prefix('#').unwrap_or(text);
        let nibbles: Option<Vec<u8>> = digits
            .chars()
            .map(|c| c.to_digit(16).map(|d| d as u8))
            .collect();
        match nibbles?.as_slice() {
            [r, g, b] => Some(Rgb([r * 17, g * 17, b * 17])),
            [r1, r0, g1, g0, b1, b0] => Some(Rgb([r1 * 16 + r0, g1 * 16 + g0, b1 * 16 + b0])),
            _ => None,
        }
    }

    /// `#rrggbb`, as CSS reads it.
    pub(crate) fn css(self) -> String {
        let [r, g, b] = self.0;
        format!("#{r:02x}{g:02x}{b:02x}")
    }

    /// Relative luminance (WCAG 2), from 0 (black) to 1 (white).
    fn luminance(self) -> f32 {
        // The sRGB curve by a cubic that stays within 0.5 % of it: no `powf` in the wasm.
        let linear = |channel: u8| {
            let c = f32::from(channel) / 255.0;
            c * (c * (c * 0.305_306 + 0.682_171) + 0.012_523)
        };
        let [r, g, b] = self.0;
        0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b)
    }

    /// The WCAG contrast ratio of text in one colour on the other, from 1 to 21.
    fn contrast(self, other: Rgb) -> f32 {
        let (a, b) = (self.luminance(), other.luminance());
        (a.max(b) + 0.05) / (a.min(b) + 0.05)
    }
}

/// The smallest contrast taken for the accent, as for body text (WCAG 2.2 AA).
const ACCENT_MIN_CONTRAST: f32 = 4.5;

/// The host's accent colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Accent(pub(crate) Rgb);

/// The accent as one scheme paints it: the colour, and the text colour on it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct AccentPaint {
    /// Buttons, links and marks.
    pub(crate) accent: Rgb,
    /// Text on an accent fill: black or white, whichever reads better.
    pub(crate) on_accent: Rgb,
}

impl Accent {
    /// How `scheme` paints the accent, if text in it reads on that scheme's surface; else the
    /// scheme keeps its own.
    pub(crate) fn paint(self, scheme: Theme) -> Option<AccentPaint> {
        let surface = match scheme {
            Theme::Light => SURFACE_LIGHT,
            Theme::Dark => SURFACE_DARK,
        };
        let (black, white) = (Rgb([0, 0, 0]), Rgb([255, 255, 255]));
        (self.0.contrast(surface) >= ACCENT_MIN_CONTRAST).then(|| AccentPaint {
            accent: self.0,
            on_accent: if self.0.contrast(black) >= self.0.contrast(white) {
                black
            } else {
                white
            },
        })
    }
}

/// `--pcm-color-surface` of the light scheme in `styles/tokens.css` (a test keeps them equal).
pub(crate) const SURFACE_LIGHT: Rgb = Rgb([0xff, 0xff, 0xff]);
/// `--pcm-color-surface` of the dark scheme in `styles/tokens.css`.
pub(crate) const SURFACE_DARK: Rgb = Rgb([0x16, 0x20, 0x22]);

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
    fn reads_every_option() {
        let options = UrlOptions::parse(
            "?lang=en&mode=full&theme=dark&accent=%2380d0ff&title=Curso+de+redes&embed=1",
        );
        assert_eq!(
            options,
            UrlOptions {
                lang: Some(Locale::En),
                mode: Some(Version::Full),
                theme: Some(Theme::Dark),
                accent: Some(Accent(Rgb([0x80, 0xd0, 0xff]))),
                title: Some("Curso de redes".to_owned()),
                embed: true,
                notices: Vec::new(),
            }
        );
        assert_eq!(
            UrlOptions::parse("theme=auto&embed=0"),
            UrlOptions::default()
        );
    }

    #[test]
    fn each_bad_value_is_left_out_with_one_notice() {
        let options = UrlOptions::parse(&format!(
            "accent=javascript:alert(1)&lang=xx&mode=%3Csvg%3E&mode=fast&title={}&theme=sepia&embed=yes",
            "x".repeat(10_000)
        ));
        assert_eq!(
            (
                options.accent,
                options.lang,
                options.mode,
                &options.title,
                options.theme
            ),
            (None, None, None, &None, None)
        );
        assert_eq!(
            options.notices,
            [
                OptionsNotice::InvalidAccent,
                OptionsNotice::UnknownLanguage,
                OptionsNotice::UnknownMode,
                OptionsNotice::InvalidTitle,
                OptionsNotice::UnknownTheme,
                OptionsNotice::InvalidEmbed,
            ]
        );
    }

    #[test]
    fn a_title_is_plain_text_of_limited_length() {
        let longest = "ñ".repeat(TITLE_MAX_CHARS);
        assert_eq!(
            UrlOptions::parse(&format!("title={longest}")).title,
            Some(longest.clone())
        );
        let options = UrlOptions::parse(&format!("title={longest}a"));
        assert_eq!(
            (options.title, options.notices),
            (None, vec![OptionsNotice::InvalidTitle])
        );
        // Markup stays text: the app shows it as such.
        assert_eq!(
            UrlOptions::parse("title=%3Cb%3EHi%3C%2Fb%3E")
                .title
                .as_deref(),
            Some("<b>Hi</b>")
        );
        assert_eq!(
            UrlOptions::parse("title=a%0Ab").notices,
            [OptionsNotice::InvalidTitle]
        );
        assert_eq!(UrlOptions::parse("title=+++"), UrlOptions::default());
    }

    #[test]
    fn an_accent_is_kept_only_where_it_reads() {
        // The app's own light accent reads on white, not on the dark surface.
        let teal = Accent(Rgb([0x0f, 0x5c, 0x63]));
        assert!(teal.paint(Theme::Light).is_some());
        assert_eq!(teal.paint(Theme::Dark), None);
        assert_eq!(
            teal.paint(Theme::Light).map(|paint| paint.on_accent),
            Some(Rgb([255, 255, 255]))
        );
        let yellow = Accent(Rgb([0xff, 0xee, 0x00]));
        assert_eq!(yellow.paint(Theme::Light), None);
        assert_eq!(
            yellow.paint(Theme::Dark).map(|paint| paint.on_accent),
            Some(Rgb([0, 0, 0]))
        );
        assert_eq!(
            UrlOptions::parse("accent=fe0&theme=dark").accent,
            Some(yellow)
        );
        assert_eq!(
            UrlOptions::parse("accent=ffee00&theme=light").notices,
            [OptionsNotice::UnreadableAccent]
        );
        // Mid grey reads on neither surface.
        assert_eq!(
            UrlOptions::parse("accent=%23777").notices,
            [OptionsNotice::UnreadableAccent]
        );
    }

    #[test]
    fn contrast_matches_the_wcag_formula() {
        let (black, white) = (Rgb([0, 0, 0]), Rgb([255, 255, 255]));
        assert!((black.contrast(white) - 21.0).abs() < 0.01);
        // #767676 on white is the classic 4.54:1.
        assert!((Rgb([0x76, 0x76, 0x76]).contrast(white) - 4.54).abs() < 0.03);
        assert_eq!(
            Rgb::parse("#0F5c63").map(Rgb::css).as_deref(),
            Some("#0f5c63")
        );
        assert_eq!(Rgb::parse("#12"), None);
        assert_eq!(Rgb::parse("#ggg"), None);
    }

    #[test]
    fn the_surfaces_are_those_of_the_design_tokens() {
        let tokens = include_str!("../styles/tokens.css");
        let declaration = format!(
            "--pcm-color-surface: light-dark({}, {});",
            SURFACE_LIGHT.css(),
            SURFACE_DARK.css()
        );
        assert!(
            tokens.contains(&declaration),
            "tokens.css lacks `{declaration}`"
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

    /// Parameters that are no option, with stray `&`, `=`, `%` and `+`. No `l`, `e` (in every
    /// other option's name) or digit, so that no name can decode to an option (`%6C` is an `l`).
    fn other_parameters() -> impl Strategy<Value = String> {
        "[a-dfgh-km-zA-DFGH-KM-Z_.~&=%+-]{0,12}"
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
        fn any_query_parses_without_panic_to_at_most_one_notice_per_option(
            query in prop_oneof![
                any::<String>(),
                "[?&=%+a-gln0-9A-G]{0,40}",
                "((lang|mode|theme|accent|title|embed)=[%#a-z0-9<>+]{0,8}&?){0,8}",
            ],
        ) {
            let options = UrlOptions::parse(&query);
            let mut kinds: Vec<_> = options.notices.iter().map(|n| n.explain().split(':').next()).collect();
            kinds.dedup();
            prop_assert_eq!(kinds.len(), options.notices.len(), "{:?}", query);
            prop_assert!(!options.notices.contains(&OptionsNotice::UnknownLanguage) || options.lang.is_none());
            prop_assert!(options.title.as_ref().is_none_or(|t| t.chars().count() <= TITLE_MAX_CHARS));
        }
    }
}
