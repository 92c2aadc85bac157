//! The target link: the profile a role asks for, as a short, checked code in the URL fragment
//! (`#t=<code>`), and how a result compares with it.
//!
//! Pure core: no yew, web-sys or gloo. A recruiter builds the link (`#/recruiter`); the
//! candidate who opens it answers as usual and sees their result against the target. The
//! target travels only in fragments, which browsers never send to a server, and in the
//! candidate's own storage record. A code is untrusted input: [`decode`] checks everything,
//! returns a typed [`LinkError`] and never panics.
//!
//! # Format 1
//!
//! The code is base64url without padding (the alphabet of [`crate::answer_code`]) of these
//! bytes:
//!
//! 1. header, 1 byte: high nibble = code format (`1`), low nibble `0`;
//! 2. content version, 1 byte ([`crate::model::CONTENT_VERSION`], as in answer codes);
//! 3. the levels, [`LEVEL_BYTES`] bytes: one unsigned big-endian number in radix
//!    [`LEVEL_RADIX`], one digit per quality in quality order, the first quality most
//!    significant. A digit is `0` for "not required", else `level / 5 + 1` (1 for 0, 21 for
//!    100). `22¹³ − 1` needs 58 bits, so the number is 8 bytes;
//! 4. the role title, the rest of the bytes: UTF-8, possibly none. It is plain text shown as
//!    text: what [`clean_title`] leaves (no control character, no space at either end, at
//!    most [`TITLE_MAX_CHARS`] characters);
//! 5. checksum, 2 bytes: CRC-16/CCITT-FALSE of all the preceding bytes, big-endian, as in
//!    answer codes.
//!
//! # Reading
//!
//! [`decode`] checks, in this order: nothing there → [`LinkError::Empty`]; a byte outside the
//! alphabet → [`LinkError::NotBase64`]; fewer bytes than header, content version, levels and
//! checksum → [`LinkError::Truncated`]; another format or a low header nibble that is not zero
//! → [`LinkError::UnknownFormat`]; a dangling character, unused trailing bits that are not zero,
//! or a checksum that does not match → [`LinkError::Damaged`]; the content version →
//! [`LinkError::OtherContentVersion`]; a levels number of `22¹³` or more, a title that is not
//! UTF-8 or not as [`clean_title`] leaves it → [`LinkError::OutOfRange`]. Only canonical codes
//! pass, so every accepted code is exactly what [`encode`] writes for the target it reads as,
//! but for the content version byte, which [`encode`] always writes as the current one.
//!
//! # Content versions
//!
//! A target holds a level per quality and a title, nothing about questions: it depends only on
//! the list of qualities and its order, unchanged since content version
//! [`FIRST_TARGET_CONTENT_VERSION`]. So a code of any content version from that one to the
//! current one means the same target today, and a recruiter's link keeps working when the
//! questions change. A newer or unknown content version may have other qualities, and is
//! refused with [`LinkError::OtherContentVersion`]. A content version that changes the
//! qualities or their order must raise [`FIRST_TARGET_CONTENT_VERSION`] to itself.
//!
//! # Verdicts
//!
//! Per quality with a required level and a score: [`Verdict::Meets`] when the score is at least
//! the level, [`Verdict::Close`] when it is below by at most [`CLOSE_MARGIN`] points,
//! [`Verdict::Below`] otherwise. A quality that is not required, or has no score, has no
//! verdict. CONTENT.md works an example.

use std::ops::RangeInclusive;

use crate::answer_code::{CONTENT_BYTE, crc16, from_base64url, to_base64url};
use crate::i18n::Locale;
use crate::markup::escape;
use crate::model::{CONTENT_VERSION, Quality, Version};
pub(crate) use crate::share::LinkError;

/// The first content version with today's qualities in today's order: every target code from
/// it on means the same target (see the [module documentation](self)).
pub(crate) const FIRST_TARGET_CONTENT_VERSION: u16 = 1;
/// The content versions whose target codes are read.
const READ_CONTENT_VERSIONS: RangeInclusive<u16> = {
    assert!(
        FIRST_TARGET_CONTENT_VERSION <= CONTENT_VERSION,
        "the first content version of today's qualities cannot be later than today's"
    );
    FIRST_TARGET_CONTENT_VERSION..=CONTENT_VERSION
};

/// The fragment prefix of a target link, with its `#`.
pub(crate) const FRAGMENT_PREFIX: &str = "#t=";
/// Levels go from 0 to [`MAX_LEVEL`] in steps of this many points.
pub(crate) const STEP: u8 = 5;
/// The highest level.
pub(crate) const MAX_LEVEL: u8 = 100;
/// The longest role title, in characters (Unicode scalar values).
pub(crate) const TITLE_MAX_CHARS: usize = 60;
/// A score below its level by at most this many points is "close"; further below is "below".
pub(crate) const CLOSE_MARGIN: u8 = 10;
/// The radix of one quality's digit: "not required" and the 21 levels 0, 5, …, 100.
pub(crate) const LEVEL_RADIX: u64 = (MAX_LEVEL / STEP) as u64 + 2;
/// The bytes of the levels number: the fewest that hold `LEVEL_RADIX¹³ − 1`.
pub(crate) const LEVEL_BYTES: usize = 8;

/// The code format, in the header's high nibble.
const FORMAT: u8 = 1;
/// Header and content version.
const HEAD_BYTES: usize = 2;
/// The checksum.
const CHECKSUM_BYTES: usize = 2;
/// `LEVEL_RADIX¹³`: every levels number is below it. The build fails if it stops fitting in
/// [`LEVEL_BYTES`] (a `u64`).
const LEVELS_END: u64 = {
    assert!(LEVEL_BYTES == size_of::<u64>(), "the levels are one u64");
    match LEVEL_RADIX.checked_pow(Quality::COUNT as u32) {
        Some(end) => end,
        None => panic!("the levels must fit in a u64"),
    }
};

/// What a role asks for: a level per quality (or nothing) and a title.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Target {
    /// By [`Quality::index`]: the level expected, a multiple of [`STEP`] up to [`MAX_LEVEL`];
    /// `None` when the quality is not required.
    levels: [Option<u8>; Quality::COUNT],
    /// The role's title as [`clean_title`] leaves it; may be empty.
    title: String,
}

impl Default for Target {
    /// Every quality at the middle level, no title: where the builder starts.
    fn default() -> Self {
        Target::new([Some(MAX_LEVEL / 2); Quality::COUNT], "")
    }
}

impl Target {
    /// A target with `levels` (each rounded down to a step, at most [`MAX_LEVEL`]) and
    /// `title` (cleaned by [`clean_title`]).
    pub(crate) fn new(levels: [Option<u8>; Quality::COUNT], title: &str) -> Target {
        Target {
            levels: levels.map(|level| level.map(snap)),
            title: clean_title(title),
        }
    }

    /// The level expected for `quality`, or `None` when it is not required.
    pub(crate) fn level(&self, quality: Quality) -> Option<u8> {
        self.levels[quality.index()]
    }

    /// Every level, by [`Quality::index`].
    pub(crate) fn levels(&self) -> [Option<u8>; Quality::COUNT] {
        self.levels
    }

    /// The role's title; empty when none was given.
    pub(crate) fn title(&self) -> &str {
        &self.title
    }

    /// How a `score` for `quality` compares with its level; `None` when the quality is not
    /// required or has no score.
    pub(crate) fn verdict(&self, quality: Quality, score: Option<u8>) -> Option<Verdict> {
        Some(Verdict::of(score?, self.level(quality)?))
    }

    /// How many required qualities the `scores` (by [`Quality::index`]) meet, and how many are
    /// required. A required quality without a score does not meet it.
    pub(crate) fn met(&self, scores: &[Option<u8>; Quality::COUNT]) -> (usize, usize) {
        let required = self.levels.iter().flatten().count();
        let met = Quality::ALL
            .into_iter()
            .filter(|q| self.verdict(*q, scores[q.index()]) == Some(Verdict::Meets))
            .count();
        (met, required)
    }
}

/// `level` rounded down to a step, at most [`MAX_LEVEL`].
fn snap(level: u8) -> u8 {
    level.min(MAX_LEVEL) / STEP * STEP
}

/// A role title as a link carries it: control characters (line breaks, tabs) removed, spaces
/// at either end trimmed, at most [`TITLE_MAX_CHARS`] characters. Cleaning twice changes
/// nothing more.
pub(crate) fn clean_title(text: &str) -> String {
    let kept: String = text.chars().filter(|c| !c.is_control()).collect();
    let cut: String = kept.trim().chars().take(TITLE_MAX_CHARS).collect();
    cut.trim_end().to_owned()
}

/// How a score compares with the level a role asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Verdict {
    /// At or above the level.
    Meets,
    /// Below it by at most [`CLOSE_MARGIN`] points.
    Close,
    /// Further below.
    Below,
}

impl Verdict {
    /// The verdict's stable name, in files and on the page (`meets`, `close`, `below`).
    pub(crate) const fn id(self) -> &'static str {
        match self {
            Verdict::Meets => "meets",
            Verdict::Close => "close",
            Verdict::Below => "below",
        }
    }

    /// The verdict of `score` against `level`.
    pub(crate) const fn of(score: u8, level: u8) -> Verdict {
        if score >= level {
            Verdict::Meets
        } else if level - score <= CLOSE_MARGIN {
            Verdict::Close
        } else {
            Verdict::Below
        }
    }
}

/// The code of `target`.
pub(crate) fn encode(target: &Target) -> String {
    let number = target.levels.iter().fold(0u64, |number, level| {
        // Below LEVEL_RADIX: a level is at most MAX_LEVEL, a multiple of STEP.
        let digit = level.map_or(0, |level| u64::from(level / STEP) + 1);
        number * LEVEL_RADIX + digit
    });
    let mut bytes = Vec::with_capacity(HEAD_BYTES + LEVEL_BYTES + target.title.len() + 2);
    bytes.push(FORMAT << 4);
    bytes.push(CONTENT_BYTE);
    bytes.extend_from_slice(&number.to_be_bytes());
    bytes.extend_from_slice(target.title.as_bytes());
    bytes.extend_from_slice(&crc16(&bytes).to_be_bytes());
    to_base64url(&bytes)
}

/// Reads a code, checking everything; the checks and their order are in the
/// [module documentation](self).
pub(crate) fn decode(code: &str) -> Result<Target, LinkError> {
    if code.is_empty() {
        return Err(LinkError::Empty);
    }
    let (bytes, canonical) = from_base64url(code).ok_or(LinkError::NotBase64)?;
    let Some((body, checksum)) = bytes.split_last_chunk::<CHECKSUM_BYTES>() else {
        return Err(LinkError::Truncated);
    };
    let [header, content, rest @ ..] = body else {
        return Err(LinkError::Truncated);
    };
    let Some((number, title)) = rest.split_first_chunk::<LEVEL_BYTES>() else {
        return Err(LinkError::Truncated);
    };
    if header >> 4 != FORMAT || header & 0x0F != 0 {
        return Err(LinkError::UnknownFormat(header >> 4));
    }
    if !canonical || crc16(body) != u16::from_be_bytes(*checksum) {
        return Err(LinkError::Damaged);
    }
    let content = u16::from(*content);
    if !READ_CONTENT_VERSIONS.contains(&content) {
        return Err(LinkError::OtherContentVersion(content));
    }
    let mut number = u64::from_be_bytes(*number);
    if number >= LEVELS_END {
        return Err(LinkError::OutOfRange);
    }
    let mut levels = [None; Quality::COUNT];
    // The last quality is the least significant digit.
    for level in levels.iter_mut().rev() {
        // Below LEVEL_RADIX, so at most 21, and (digit − 1) × STEP at most MAX_LEVEL.
        let digit = (number % LEVEL_RADIX) as u8;
        number /= LEVEL_RADIX;
        *level = digit.checked_sub(1).map(|steps| steps * STEP);
    }
    let title = std::str::from_utf8(title).map_err(|_| LinkError::OutOfRange)?;
    if clean_title(title) != title {
        return Err(LinkError::OutOfRange);
    }
    Ok(Target {
        levels,
        title: title.to_owned(),
    })
}

/// The whole fragment of a target link: `#t=` and the code.
pub(crate) fn fragment(target: &Target) -> String {
    format!("{FRAGMENT_PREFIX}{}", encode(target))
}

/// The link a recruiter sends: `page` (the app's origin and path), the language and the
/// version to take (`?lang=…&mode=…`, so that the candidate starts in them), and the target in
/// the fragment.
pub(crate) fn candidate_link(
    page: &str,
    lang: Locale,
    version: Version,
    target: &Target,
) -> String {
    format!(
        "{page}?lang={}&mode={}{}",
        lang.code(),
        version.slug(),
        fragment(target)
    )
}

/// The snippet for a careers page: an element that the app's `embed.js` (beside the app's page)
/// turns into a frame of the app with the same language, version and target.
pub(crate) fn embed_snippet(page: &str, lang: Locale, version: Version, target: &Target) -> String {
    // The folder of the page: everything up to its last `/`.
    let folder = page.rsplit_once('/').map_or("", |(folder, _)| folder);
    let script = if folder.is_empty() {
        "embed.js".to_owned()
    } else {
        format!("{folder}/embed.js")
    };
    format!(
        "<div data-perfil-cm data-lang=\"{}\" data-mode=\"{}\" data-target=\"{}\"></div>\n\
         <script src=\"{}\" async></script>",
        lang.code(),
        version.slug(),
        encode(target),
        escape(&script)
    )
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// The code of `body` followed by its checksum, for hand-made examples.
    fn checked(body: &[u8]) -> String {
        let mut bytes = body.to_vec();
        bytes.extend(crc16(body).to_be_bytes());
        to_base64url(&bytes)
    }

    /// `code` with its content version byte set to `content` and its checksum made to match.
    pub(crate) fn stamped(code: &str, content: u8) -> String {
        let mut bytes = from_base64url(code)
            .map(|(bytes, _)| bytes)
            .unwrap_or_default();
        bytes.truncate(bytes.len().saturating_sub(CHECKSUM_BYTES));
        if let Some(byte) = bytes.get_mut(1) {
            *byte = content;
        }
        checked(&bytes)
    }

    /// A target with every level given in quality order (`None` not required).
    pub(crate) fn target(levels: [Option<u8>; Quality::COUNT], title: &str) -> Target {
        Target::new(levels, title)
    }

    #[test]
    fn the_levels_fit_their_bytes_and_no_fewer() {
        assert_eq!(LEVEL_RADIX, 22);
        let bits = u64::BITS - (LEVELS_END - 1).leading_zeros();
        assert_eq!((bits, bits.div_ceil(8)), (58, LEVEL_BYTES as u32));
    }

    #[test]
    fn a_code_is_header_content_version_levels_title_and_checksum() {
        let mut levels = [Some(0); Quality::COUNT];
        levels[0] = Some(100);
        levels[1] = None;
        levels[12] = Some(75);
        let target = target(levels, "Community manager sénior");
        // Digits: 21 for 100, 0 for not required, 1 for 0, 16 for 75.
        let digits = [21u64, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 16];
        let n = digits.iter().fold(0, |n, digit| n * 22 + digit);
        let mut expected = vec![0x10, CONTENT_BYTE];
        expected.extend(n.to_be_bytes());
        expected.extend("Community manager sénior".as_bytes());
        expected.extend(crc16(&expected).to_be_bytes());
        let code = encode(&target);
        assert_eq!(from_base64url(&code), Some((expected, true)));
        assert_eq!(decode(&code), Ok(target));
    }

    #[test]
    fn levels_snap_to_steps_and_titles_are_cleaned() {
        let t = target([Some(101); Quality::COUNT], "  Jefa\nde\tsocial  ");
        assert_eq!(t.levels(), [Some(100); Quality::COUNT]);
        assert_eq!(t.title(), "Jefadesocial");
        assert_eq!(
            target([Some(74); Quality::COUNT], "").level(Quality::ALL[3]),
            Some(70)
        );
        let long = "ñ".repeat(61);
        assert_eq!(clean_title(&long).chars().count(), TITLE_MAX_CHARS);
        assert_eq!(
            clean_title(&format!("{} x", "a".repeat(59))),
            "a".repeat(59)
        );
        assert_eq!(
            clean_title(&clean_title(" a\u{7}b ")),
            clean_title(" a\u{7}b ")
        );
    }

    #[test]
    fn each_refusal_has_its_error() {
        let levels = 0u64.to_be_bytes();
        let with = |header: u8, content: u8, title: &[u8]| {
            checked(&[&[header, content][..], &levels, title].concat())
        };
        let good = encode(&Target::default());
        let mut flipped = good.clone().into_bytes();
        flipped[5] = if flipped[5] == b'A' { b'B' } else { b'A' };
        let flipped = String::from_utf8(flipped).unwrap();
        let cases = [
            ("", LinkError::Empty),
            ("EAE+", LinkError::NotBase64),
            ("EAEA", LinkError::Truncated),
            (
                &checked(&[0x10, CONTENT_BYTE, 0, 0])[..],
                LinkError::Truncated,
            ),
            (
                &with(0x20, CONTENT_BYTE, b"")[..],
                LinkError::UnknownFormat(2),
            ),
            (
                &with(0x11, CONTENT_BYTE, b"")[..],
                LinkError::UnknownFormat(1),
            ),
            (&flipped[..], LinkError::Damaged),
            (&format!("{good}A")[..], LinkError::Damaged),
            (&with(0x10, 7, b"")[..], LinkError::OtherContentVersion(7)),
            (
                &checked(&[&[0x10, CONTENT_BYTE][..], &LEVELS_END.to_be_bytes()].concat())[..],
                LinkError::OutOfRange,
            ),
            (
                &with(0x10, CONTENT_BYTE, b"\xFF")[..],
                LinkError::OutOfRange,
            ),
            (
                &with(0x10, CONTENT_BYTE, b" padded")[..],
                LinkError::OutOfRange,
            ),
            (
                &with(0x10, CONTENT_BYTE, b"a\nb")[..],
                LinkError::OutOfRange,
            ),
            (
                &with(0x10, CONTENT_BYTE, "x".repeat(61).as_bytes())[..],
                LinkError::OutOfRange,
            ),
        ];
        for (code, error) in cases {
            assert_eq!(decode(code), Err(error.clone()), "{code:?}");
        }
        // Every quality not required and no title is a target too.
        assert_eq!(
            decode(&with(0x10, CONTENT_BYTE, b"")),
            Ok(target([None; Quality::COUNT], ""))
        );
        let sixty = "x".repeat(60);
        assert_eq!(
            decode(&with(0x10, CONTENT_BYTE, sixty.as_bytes())).map(|t| t.title().len()),
            Ok(60)
        );
    }

    #[test]
    fn codes_of_every_content_version_with_todays_qualities_are_read_and_no_newer() {
        let role = target([Some(65); Quality::COUNT], "Jefa de redes");
        let code = encode(&role);
        let first = u8::try_from(FIRST_TARGET_CONTENT_VERSION).unwrap();
        for content in first..=CONTENT_BYTE {
            assert_eq!(
                decode(&stamped(&code, content)),
                Ok(role.clone()),
                "{content}"
            );
        }
        // Written again, it carries the current content version.
        assert_eq!(stamped(&code, CONTENT_BYTE), code);
        assert_eq!(decode(&stamped(&code, 1)), Ok(role));
        for content in [0, CONTENT_BYTE + 1, u8::MAX] {
            assert_eq!(
                decode(&stamped(&code, content)),
                Err(LinkError::OtherContentVersion(u16::from(content)))
            );
        }
    }

    #[test]
    fn verdicts_follow_the_close_margin() {
        assert_eq!(Verdict::of(80, 80), Verdict::Meets);
        assert_eq!(Verdict::of(100, 0), Verdict::Meets);
        assert_eq!(Verdict::of(79, 80), Verdict::Close);
        assert_eq!(Verdict::of(80 - CLOSE_MARGIN, 80), Verdict::Close);
        assert_eq!(Verdict::of(80 - CLOSE_MARGIN - 1, 80), Verdict::Below);
        assert_eq!(Verdict::of(0, 100), Verdict::Below);
    }

    #[test]
    fn only_required_qualities_with_a_score_have_a_verdict_and_count() {
        // CONTENT.md's worked example: levels 80, 60, 50, not required, then 70 for the rest;
        // scores 88, 50, 25, 0, then 75 for the rest but no data for the last.
        let mut levels = [Some(70); Quality::COUNT];
        levels[..4].copy_from_slice(&[Some(80), Some(60), Some(50), None]);
        let mut scores = [Some(75); Quality::COUNT];
        scores[..4].copy_from_slice(&[Some(88), Some(50), Some(25), Some(0)]);
        scores[12] = None;
        let t = target(levels, "");
        let q = Quality::ALL;
        assert_eq!(t.verdict(q[0], scores[0]), Some(Verdict::Meets));
        assert_eq!(t.verdict(q[1], scores[1]), Some(Verdict::Close));
        assert_eq!(t.verdict(q[2], scores[2]), Some(Verdict::Below));
        assert_eq!(t.verdict(q[3], scores[3]), None, "not required");
        assert_eq!(t.verdict(q[12], scores[12]), None, "no data");
        // Met: the first and the 8 at 75 against 70; required: all but the fourth.
        assert_eq!(t.met(&scores), (9, 12));
    }

    #[test]
    fn the_candidate_link_and_the_embed_snippet_carry_language_version_and_target() {
        let t = target([Some(50); Quality::COUNT], "Social media");
        let code = encode(&t);
        assert_eq!(
            candidate_link("https://example.org/perfil/", Locale::En, Version::Full, &t),
            format!("https://example.org/perfil/?lang=en&mode=full#t={code}")
        );
        assert_eq!(
            embed_snippet(
                "https://example.org/perfil/index.html",
                Locale::Es,
                Version::Quick,
                &t
            ),
            format!(
                "<div data-perfil-cm data-lang=\"es\" data-mode=\"quick\" data-target=\"{code}\"></div>\n\
                 <script src=\"https://example.org/perfil/embed.js\" async></script>"
            )
        );
        assert!(embed_snippet("", Locale::Es, Version::Quick, &t).contains("src=\"embed.js\""));
    }
}

/// Property tests of the target code. Native only: proptest does not build for
/// wasm32-unknown-unknown.
#[cfg(all(test, not(target_arch = "wasm32")))]
pub(crate) mod properties {
    use proptest::prelude::*;

    use super::*;
    use crate::answer_code::properties::any_answers;
    use crate::progress::Progress;
    use crate::share;

    /// Any target: each level any byte or not required (the constructor snaps it), any title
    /// (it cleans it), long and short, with spaces and control characters.
    pub(crate) fn any_target() -> impl Strategy<Value = Target> {
        (
            proptest::array::uniform13(proptest::option::of(any::<u8>())),
            prop_oneof![any::<String>(), "[ a-zñé\t\n]{0,80}", ".{55,65}"],
        )
            .prop_map(|(levels, title)| Target::new(levels, &title))
    }

    /// Text for the decoder: anything, base64url, and bytes with a valid checksum (which random
    /// text almost never has) so that the checks after it run too.
    fn any_text() -> impl Strategy<Value = String> {
        let checked = (
            prop_oneof![Just(0x10u8), any::<u8>()],
            prop_oneof![Just(CONTENT_BYTE), Just(1), any::<u8>()],
            prop_oneof![Just(LEVELS_END - 1), 0..LEVELS_END, any::<u64>()],
            prop_oneof![
                proptest::collection::vec(any::<u8>(), 0..80),
                any::<String>().prop_map(String::into_bytes),
            ],
            0..=LEVEL_BYTES + 2,
        )
            .prop_map(|(header, content, number, title, cut)| {
                let mut bytes = [&[header, content][..], &number.to_be_bytes(), &title].concat();
                // Sometimes too short for the levels.
                if cut < LEVEL_BYTES {
                    bytes.truncate(HEAD_BYTES + cut);
                }
                bytes.extend(crc16(&bytes).to_be_bytes());
                to_base64url(&bytes)
            });
        prop_oneof![any::<String>(), "[A-Za-z0-9_-]{0,40}", checked]
    }

    proptest! {
        #[test]
        fn targets_round_trip_through_share_links_and_records(
            target in any_target(),
            answers in any_answers(),
            full in any::<bool>(),
        ) {
            let version = if full { Version::Full } else { Version::Quick };
            let link = share::fragment(version, &answers, Some(&target));
            let shared = share::decode(&link);
            prop_assert_eq!(shared.map(|shared| shared.target), Ok(Some(target.clone())));
            let progress = Progress {
                version,
                locale: Locale::Es,
                remember: full,
                answers,
                target: Some(target),
            };
            prop_assert_eq!(Progress::decode(&progress.encode()), Ok(progress));
        }

        #[test]
        fn targets_round_trip_through_their_code(target in any_target()) {
            prop_assert!(target.title().chars().count() <= TITLE_MAX_CHARS);
            prop_assert_eq!(decode(&encode(&target)), Ok(target.clone()));
            let link = fragment(&target);
            prop_assert_eq!(decode(link.trim_start_matches(FRAGMENT_PREFIX)), Ok(target));
        }

        #[test]
        fn the_decoder_never_panics_and_accepts_only_what_it_writes(text in any_text()) {
            // Up to the content version, which is written as the current one.
            if let Ok(target) = decode(&text) {
                prop_assert_eq!(encode(&target), tests::stamped(&text, CONTENT_BYTE));
            }
        }
    }
}
