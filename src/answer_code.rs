//! The answer code: one version's answers as a short, checked, printable string.
//!
//! Pure core: no yew, web-sys or gloo, and no base64 or checksum crate in the wasm. Share links
//! ([`crate::share`], `#r=<code>`), stored progress ([`crate::progress`]) and earlier attempts
//! ([`crate::history`]) all carry answers as this one code, so there is one encoder, one decoder
//! and one place that defines the format. The code holds the answers, not the scores: answers
//! pack smaller, and whoever reads the code scores them with the same content. A code is
//! untrusted input (mistyped, cut by a chat app, edited, written by another version of the app):
//! [`decode`] checks everything, returns a typed [`CodeError`], and never panics.
//!
//! # Format 1
//!
//! The code is base64url without padding (RFC 4648 §5, alphabet `A`–`Z` `a`–`z` `0`–`9` `-`
//! `_`) of these bytes:
//!
//! 1. header, 1 byte: high nibble = code format (`1`); bit 0 = version (`0` quick, `1` full);
//!    bits 1–3 = `0`;
//! 2. content version, 1 byte ([`CONTENT_VERSION`]; the format holds up to 255, and the build
//!    fails if it grows past that);
//! 3. the answers, `W` bytes: one unsigned big-endian number (below);
//! 4. checksum, 2 bytes: CRC-16/CCITT-FALSE (polynomial `0x1021`, initial value `0xFFFF`, no
//!    reflection, no final xor) of all the preceding bytes, big-endian.
//!
//! The answers number is written in a mixed radix: each question of the version, in
//! presentation order ([`Version::questions`]), is one digit, `0` when unanswered or
//! `choice + 1` when answered, in radix `choices + 1` (6 for a statement, 4 or 5 for a
//! scenario). The first question is the most significant digit:
//! `N = (…((d₁·r₂ + d₂)·r₃ + d₃)…)·rₙ + dₙ`, so `0 ≤ N < M = r₁·r₂·…·rₙ`. `W` is the fewest bytes
//! that hold `M − 1`, fixed per version: with the current content (version 2), 9 for the quick
//! version (`M = 6²⁶`) and 21 for the full one (`M = 6⁵² · 5¹²`), so a quick code is 13 bytes
//! (18 characters) and a full one 25 bytes (34 characters). Digits depend on the number of questions and choices, so any
//! change to those must come with a new [`CONTENT_VERSION`]. The full version's questions are
//! every question of the content, so a full code holds every answer a person can give.
//!
//! # Reading
//!
//! [`decode`] checks, in this order: nothing there → [`CodeError::Empty`]; a byte outside the
//! alphabet → [`CodeError::NotBase64`]; fewer than 4 bytes → [`CodeError::Truncated`]; another
//! code format or a reserved header bit set → [`CodeError::UnknownFormat`] (with the header's
//! format nibble); a dangling last character, unused trailing bits that are not zero, or a
//! checksum (over every byte but the last 2) that does not match → [`CodeError::Damaged`]; the
//! content version → [`CodeError::OtherContentVersion`]; the length the version needs with this
//! content (shorter → [`CodeError::Truncated`], longer → [`CodeError::Damaged`]); `N ≥ M` →
//! [`CodeError::OutOfRange`]. The checksum is checked before anything after the header is
//! believed. The content version comes before the length because `W` depends on the content:
//! a sound code of another content version (say, a share link or a stored attempt from before
//! the questions changed) has another length, and must be told apart from a damaged one, so
//! that the person reads "made for another version" rather than "damaged". A code cut short
//! (by a chat app, say) almost never keeps a matching checksum, so it reads as damaged. Since
//! only canonical encodings pass, every accepted code is exactly what [`encode`] writes for the
//! answers it reads as.

use std::fmt;
use std::num::NonZeroU32;
use std::sync::LazyLock;

use crate::answers::Answers;
use crate::model::{CONTENT_VERSION, Question, Version};

/// The code format this module writes and reads, in the header's high nibble.
const FORMAT: u8 = 1;
/// The header bit set for the full version.
const FULL_BIT: u8 = 0b0000_0001;
/// Header bits that format 1 keeps at zero.
const RESERVED_BITS: u8 = 0b0000_1110;
/// Header and content version.
const HEAD_BYTES: usize = 2;
/// The checksum.
const CHECKSUM_BYTES: usize = 2;
/// The content version as its one byte; the build fails if it ever stops fitting. Target codes
/// ([`crate::target`]) carry the same byte.
pub(crate) const CONTENT_BYTE: u8 = {
    assert!(
        CONTENT_VERSION <= u8::MAX as u16,
        "answer codes hold the content version in one byte"
    );
    CONTENT_VERSION as u8
};
/// The base64url alphabet (RFC 4648 §5), indexed by a 6-bit value.
const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// What a code holds: the questionnaire taken and its answers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct CodedAnswers {
    /// The questionnaire that was taken.
    pub(crate) version: Version,
    /// The answers to that version's questions; every other question is unanswered.
    pub(crate) answers: Answers,
}

/// Why a code could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum CodeError {
    /// Nothing to read.
    Empty,
    /// A character outside base64url.
    NotBase64,
    /// Fewer bytes than the format needs (a cut code).
    Truncated,
    /// A code format this app does not know (written by a newer version), with its number.
    UnknownFormat(u8),
    /// Written for another content version: the answers would not match these questions.
    OtherContentVersion(u16),
    /// The checksum or the length does not match: the code was damaged (mistyped, cut, edited).
    Damaged,
    /// An answer outside what its question offers.
    OutOfRange,
}

impl fmt::Display for CodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CodeError::Empty => f.write_str("there are no answers"),
            CodeError::NotBase64 => f.write_str("a character that answer codes never have"),
            CodeError::Truncated => f.write_str("the answers are cut short"),
            CodeError::UnknownFormat(format) => {
                write!(f, "an answer format this app does not know ({format})")
            }
            CodeError::OtherContentVersion(version) => write!(
                f,
                "answers made for content version {version}, not {CONTENT_VERSION}"
            ),
            CodeError::Damaged => f.write_str("the answers are damaged (mistyped, cut or edited)"),
            CodeError::OutOfRange => f.write_str("an answer its question does not offer"),
        }
    }
}

impl std::error::Error for CodeError {}

/// The code of `answers` to the questions of `version`; answers to other questions are left
/// out.
pub(crate) fn encode(version: Version, answers: &Answers) -> String {
    let layout = Layout::get(version);
    let mut number = vec![0; layout.width];
    for &(question, radix) in &layout.questions {
        // `Answers` only holds choices that the question offers, so the digit is below the radix
        // (a handful, so it always fits in u32).
        let digit = answers
            .get(question)
            .map_or(0, |answer| answer.choice() as u32 + 1);
        // Nothing is carried out: every digit is below its radix, so N < M ≤ 256^W.
        mul_add(&mut number, radix, digit);
    }
    let mut bytes = Vec::with_capacity(HEAD_BYTES + number.len() + CHECKSUM_BYTES);
    bytes.push(header(version));
    bytes.push(CONTENT_BYTE);
    bytes.extend_from_slice(&number);
    bytes.extend_from_slice(&crc16(&bytes).to_be_bytes());
    to_base64url(&bytes)
}

/// Reads a code, checking everything; the checks and their order are in the
/// [module documentation](self).
pub(crate) fn decode(code: &str) -> Result<CodedAnswers, CodeError> {
    if code.is_empty() {
        return Err(CodeError::Empty);
    }
    let (bytes, canonical) = from_base64url(code).ok_or(CodeError::NotBase64)?;
    let Some((body, checksum)) = bytes.split_last_chunk::<CHECKSUM_BYTES>() else {
        return Err(CodeError::Truncated);
    };
    let [header, content, number @ ..] = body else {
        return Err(CodeError::Truncated);
    };
    let format = header >> 4;
    if format != FORMAT || header & RESERVED_BITS != 0 {
        return Err(CodeError::UnknownFormat(format));
    }
    let version = if header & FULL_BIT == 0 {
        Version::Quick
    } else {
        Version::Full
    };
    if !canonical || crc16(body) != u16::from_be_bytes(*checksum) {
        return Err(CodeError::Damaged);
    }
    // Before the length: another content version may have other questions, so the length this
    // one needs says nothing about that code.
    if *content != CONTENT_BYTE {
        return Err(CodeError::OtherContentVersion(u16::from(*content)));
    }
    let layout = Layout::get(version);
    if number.len() < layout.width {
        return Err(CodeError::Truncated);
    }
    if number.len() > layout.width {
        return Err(CodeError::Damaged);
    }
    let mut number = number.to_vec();
    let mut answers = Answers::new();
    // The last question is the least significant digit.
    for &(question, radix) in layout.questions.iter().rev() {
        let answer = match div_rem(&mut number, radix).checked_sub(1) {
            None => None,
            // Below the radix, `choices + 1`, so the choice fits in usize and is one the question
            // offers: the error is never returned.
            Some(choice) => Some(
                question
                    .answer(choice as usize)
                    .ok_or(CodeError::OutOfRange)?,
            ),
        };
        // Never refused: the question is the content's and the answer one it offers.
        answers
            .set(question, answer)
            .map_err(|_| CodeError::OutOfRange)?;
    }
    // Whatever is left after the first digit means N ≥ M.
    if number.iter().any(|byte| *byte != 0) {
        return Err(CodeError::OutOfRange);
    }
    Ok(CodedAnswers { version, answers })
}

/// The header byte for `version`.
fn header(version: Version) -> u8 {
    let version_bit = match version {
        Version::Quick => 0,
        Version::Full => FULL_BIT,
    };
    (FORMAT << 4) | version_bit
}

/// How a version's answers are laid out in a code, worked out once per version.
struct Layout {
    /// The questions in presentation order, each with its radix (choices + 1).
    questions: Vec<(Question, NonZeroU32)>,
    /// W, the bytes of the answers number.
    width: usize,
}

static QUICK: LazyLock<Layout> = LazyLock::new(|| Layout::of(Version::Quick));
static FULL: LazyLock<Layout> = LazyLock::new(|| Layout::of(Version::Full));

impl Layout {
    /// The layout of `version`, from its questions and their choices.
    fn of(version: Version) -> Layout {
        let questions: Vec<(Question, NonZeroU32)> = version
            .questions()
            .into_iter()
            // 1 + choices: a handful, so the sum never saturates, and never zero by its type.
            .map(|question| {
                (
                    question,
                    NonZeroU32::MIN.saturating_add(question.choices() as u32),
                )
            })
            .collect();
        let width = width(questions.iter().map(|&(_, radix)| radix));
        Layout { questions, width }
    }

    /// The layout of `version`.
    fn get(version: Version) -> &'static Layout {
        match version {
            Version::Quick => &QUICK,
            Version::Full => &FULL,
        }
    }
}

/// W: the fewest bytes that hold M − 1, M being the product of the radices.
fn width(radices: impl Iterator<Item = NonZeroU32>) -> usize {
    let mut product = vec![1];
    for radix in radices {
        let mut carry = mul_add(&mut product, radix, 0);
        while carry > 0 {
            product.insert(0, carry.to_le_bytes()[0]);
            carry >>= 8;
        }
    }
    // M ≥ 1, so some byte is not zero and the borrow stops there.
    for byte in product.iter_mut().rev() {
        if *byte > 0 {
            *byte -= 1;
            break;
        }
        *byte = 0xFF;
    }
    product.iter().skip_while(|byte| **byte == 0).count()
}

/// `number = number × radix + digit` on a big-endian number; returns what did not fit.
fn mul_add(number: &mut [u8], radix: NonZeroU32, digit: u32) -> u64 {
    // Cannot overflow: the carry stays below 2 × radix ≤ 2³³, so each value is below 2⁴¹.
    let mut carry = u64::from(digit);
    for byte in number.iter_mut().rev() {
        let value = u64::from(*byte) * u64::from(radix.get()) + carry;
        let [low, ..] = value.to_le_bytes();
        *byte = low;
        carry = value >> 8;
    }
    carry
}

/// `number = number / radix` on a big-endian number; returns the remainder.
fn div_rem(number: &mut [u8], radix: NonZeroU32) -> u32 {
    let radix = u64::from(radix.get());
    let mut remainder: u64 = 0;
    for byte in number.iter_mut() {
        let value = (remainder << 8) | u64::from(*byte);
        // remainder < radix, so the quotient is below 256 and the new remainder below radix.
        let [quotient, ..] = (value / radix).to_le_bytes();
        *byte = quotient;
        remainder = value % radix;
    }
    // Below the radix, a u32.
    remainder as u32
}

/// CRC-16/CCITT-FALSE, a byte at a time with [`CRC_TABLE`]. Also the check of target codes.
pub(crate) fn crc16(bytes: &[u8]) -> u16 {
    bytes.iter().fold(0xFFFF, |crc, &byte| {
        let [high, _] = crc.to_be_bytes();
        (crc << 8) ^ CRC_TABLE[usize::from(high ^ byte)]
    })
}

/// The CRC-16/CCITT-FALSE step for each value of the high byte, worked out at compile time.
const CRC_TABLE: [u16; 256] = crc_table();

/// Builds [`CRC_TABLE`] bit by bit, with polynomial `0x1021`.
const fn crc_table() -> [u16; 256] {
    let mut table = [0; 256];
    let mut high = 0;
    while high < 256 {
        let mut crc = (high as u16) << 8;
        let mut bit = 0;
        while bit < 8 {
            crc = if crc & 0x8000 == 0 {
                crc << 1
            } else {
                (crc << 1) ^ 0x1021
            };
            bit += 1;
        }
        table[high] = crc;
        high += 1;
    }
    table
}

/// base64url without padding.
pub(crate) fn to_base64url(bytes: &[u8]) -> String {
    // The low 6 bits of `bits` pick the character.
    let symbol = |bits: u32| char::from(ALPHABET[(bits & 0x3F) as usize]);
    let mut text = String::with_capacity((bytes.len() * 4).div_ceil(3));
    let mut bits: u32 = 0;
    let mut count = 0;
    for &byte in bytes {
        bits = (bits << 8) | u32::from(byte);
        count += 8;
        while count >= 6 {
            count -= 6;
            text.push(symbol(bits >> count));
        }
        bits &= (1 << count) - 1;
    }
    if count > 0 {
        text.push(symbol(bits << (6 - count)));
    }
    text
}

/// The bytes of base64url text without padding, and whether the text is canonical (no
/// dangling character, unused trailing bits zero); `None` for a character outside the alphabet.
pub(crate) fn from_base64url(text: &str) -> Option<(Vec<u8>, bool)> {
    let mut bytes = Vec::with_capacity(text.len() * 3 / 4);
    let mut bits: u32 = 0;
    let mut count = 0;
    for symbol in text.bytes() {
        bits = (bits << 6) | sextet(symbol)?;
        count += 6;
        if count >= 8 {
            count -= 8;
            bytes.push((bits >> count).to_le_bytes()[0]);
            bits &= (1 << count) - 1;
        }
    }
    // 6 leftover bits: a character that starts a byte it never finishes.
    let canonical = count < 6 && bits == 0;
    Some((bytes, canonical))
}

/// The 6-bit value of a base64url character.
fn sextet(symbol: u8) -> Option<u32> {
    let value = match symbol {
        b'A'..=b'Z' => symbol - b'A',
        b'a'..=b'z' => symbol - b'a' + 26,
        b'0'..=b'9' => symbol - b'0' + 52,
        b'-' => 62,
        b'_' => 63,
        _ => return None,
    };
    Some(u32::from(value))
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::answers::{Agreement, Answer};

    /// Answers written out: `likert` has one character per Likert item from the first (`0`
    /// unanswered, `1`–`5` the rating), `scenarios` one per scenario (`-` unanswered, `a`… the
    /// option); questions past the end are unanswered.
    pub(crate) fn written(likert: &str, scenarios: &str) -> Answers {
        let mut answers = Answers::new();
        for (i, rating) in likert.bytes().enumerate() {
            let answer = Agreement::new(rating - b'0').map(Answer::Agree);
            answers.set(Question::Likert(i), answer).unwrap();
        }
        for (i, option) in scenarios.bytes().enumerate() {
            let answer = (option != b'-').then(|| Answer::Choose(option - b'a'));
            answers.set(Question::Scenario(i), answer).unwrap();
        }
        answers
    }

    /// The code of `body` followed by its checksum, for hand-made examples.
    pub(crate) fn checked(body: &[u8]) -> String {
        let mut bytes = body.to_vec();
        bytes.extend(crc16(body).to_be_bytes());
        to_base64url(&bytes)
    }

    /// A sound quick code of the next content version, whose answers are 3 bytes long: as a
    /// later release could write it, whatever the current questions.
    pub(crate) fn next_content_code() -> String {
        checked(&[0x10, CONTENT_BYTE + 1, 0x12, 0x34, 0x56])
    }

    #[test]
    fn the_checksum_is_crc16_ccitt_false() {
        // The catalogue check value of CRC-16/CCITT-FALSE.
        assert_eq!(crc16(b"123456789"), 0x29B1);
        assert_eq!(crc16(b""), 0xFFFF);
    }

    #[test]
    fn base64url_matches_rfc_4648_without_padding() {
        let cases: [(&[u8], &str); 7] = [
            (b"", ""),
            (b"f", "Zg"),
            (b"fo", "Zm8"),
            (b"foo", "Zm9v"),
            (b"foob", "Zm9vYg"),
            (b"foobar", "Zm9vYmFy"),
            (&[0xFB, 0xFF, 0xBF], "-_-_"),
        ];
        for (bytes, text) in cases {
            assert_eq!(to_base64url(bytes), text);
            assert_eq!(from_base64url(text), Some((bytes.to_vec(), true)), "{text}");
        }
        // Unused bits set, a dangling character, characters outside the alphabet.
        assert_eq!(from_base64url("Zh"), Some((b"f".to_vec(), false)));
        assert_eq!(from_base64url("Zm9vY"), Some((b"foo".to_vec(), false)));
        assert_eq!(from_base64url("Zm+v"), None);
        assert_eq!(from_base64url("Zm9v="), None);
    }

    #[test]
    fn widths_hold_the_largest_number_and_no_more() {
        let width_of =
            |radices: &[u32]| width(radices.iter().filter_map(|radix| NonZeroU32::new(*radix)));
        assert_eq!(width_of(&[]), 0);
        assert_eq!(width_of(&[256]), 1);
        assert_eq!(width_of(&[257]), 2);
        assert_eq!(width_of(&[16, 16]), 1);
        assert_eq!(width_of(&[6; 13]), 5);
        assert_eq!(width_of(&[6; 26]), 9);
        assert_eq!(Layout::get(Version::Quick).width, 9);
        assert_eq!(Layout::get(Version::Full).width, 21);
    }

    #[test]
    fn a_code_is_header_content_version_answers_number_and_checksum() {
        // The number worked out independently, in plain integers: one digit per question,
        // radix 6 per statement and 5 per scenario (all have 4 options), first digit first.
        let quick = written("12345123451234512345123451", "");
        let n = "12345123451234512345123451"
            .bytes()
            .fold(0u128, |n, digit| n * 6 + u128::from(digit - b'0'));
        let (bytes, canonical) = from_base64url(&encode(Version::Quick, &quick)).unwrap();
        assert!(canonical);
        let mut expected = vec![0x10, 0x02];
        expected.extend(&n.to_be_bytes()[16 - 9..]);
        expected.extend(crc16(&expected).to_be_bytes());
        assert_eq!(bytes, expected);

        // The full number needs 163 bits, more than any integer type: worked out with Python's
        // integers, `n = 0; for d in digits: n = n * radix + d`, then 21 bytes big-endian.
        let likert = "2531425314253142531425314253142531425314253142531425";
        let full = written(likert, "cbadcbadcbad");
        let (bytes, canonical) = from_base64url(&encode(Version::Full, &full)).unwrap();
        assert!(canonical);
        let mut expected = vec![0x11, 0x02];
        expected.extend([
            2, 94, 147, 54, 137, 6, 29, 205, 186, 71, 162, 135, 91, 53, 185, 27, 41, 253, 51, 27,
            143,
        ]);
        expected.extend(crc16(&expected).to_be_bytes());
        assert_eq!(bytes, expected);
    }

    #[test]
    fn another_content_version_is_told_whatever_its_length_once_the_checksum_holds() {
        let other = CONTENT_BYTE.wrapping_add(1);
        let quick = Layout::get(Version::Quick).width;
        let full = Layout::get(Version::Full).width;
        // Answers shorter, longer and as long as this content's: the length never matters.
        for (header, width) in [
            (0x10, 0),
            (0x10, 3),
            (0x10, quick + 7),
            (0x11, full),
            (0x11, 40),
        ] {
            let body = [&[header, other][..], &vec![0xA5; width]].concat();
            let code = checked(&body);
            assert_eq!(
                decode(&code),
                Err(CodeError::OtherContentVersion(u16::from(other))),
                "{code}"
            );
            // The same bytes with a checksum that does not match: damaged, whatever the content
            // byte says.
            let mut bytes = body.clone();
            bytes.extend((crc16(&body) ^ 0x0100).to_be_bytes());
            assert_eq!(decode(&to_base64url(&bytes)), Err(CodeError::Damaged));
        }
        assert_eq!(
            decode(&next_content_code()),
            Err(CodeError::OtherContentVersion(CONTENT_VERSION + 1))
        );
        // A real code cut short loses its checksum: damaged.
        let code = encode(Version::Full, &written("5", ""));
        assert_eq!(decode(&code[..code.len() - 3]), Err(CodeError::Damaged));
    }

    #[test]
    fn each_refusal_has_its_error() {
        let quick_m = 6u128.pow(26);
        let number = |n: u128| n.to_be_bytes()[16 - 9..].to_vec();
        let quick = |content: u8, n: u128| checked(&[&[0x10, content][..], &number(n)].concat());
        let cases = [
            ("", CodeError::Empty),
            ("EAIHtQ1NPdPP+AHR4w", CodeError::NotBase64),
            ("EAIHtQ1NPdPPIAHR4w=", CodeError::NotBase64),
            ("EAEA", CodeError::Truncated),
            (
                &checked(&[0x10, 0x02, 0, 0, 0, 0])[..],
                CodeError::Truncated,
            ),
            (&checked(&[0x20, 0x02])[..], CodeError::UnknownFormat(2)),
            (&checked(&[0x12, 0x02])[..], CodeError::UnknownFormat(1)),
            // One character changed, and unused trailing bits set, in real codes.
            ("EAIHtQ1NPdPPIAHR4x", CodeError::Damaged),
            ("EQIAAAAAAAAAAAAAAAAAAAAAAAAAAABImx", CodeError::Damaged),
            ("EAIHtQ1NPdPPIAHR4wA", CodeError::Damaged),
            (
                &checked(&[&[0x10, 0x02][..], &[0; 10]].concat())[..],
                CodeError::Damaged,
            ),
            (&quick(7, 0)[..], CodeError::OtherContentVersion(7)),
            (&quick(0x02, quick_m)[..], CodeError::OutOfRange),
            (&quick(0x02, (1 << 72) - 1)[..], CodeError::OutOfRange),
        ];
        for (code, error) in cases {
            assert_eq!(decode(code), Err(error.clone()), "{code:?}");
            // Every refusal explains itself.
            assert!(!error.to_string().is_empty());
        }
        // M − 1 is every question answered with its last choice.
        assert_eq!(
            decode(&quick(0x02, quick_m - 1)),
            Ok(CodedAnswers {
                version: Version::Quick,
                answers: written("55555555555555555555555555", ""),
            })
        );
    }
}

/// The one property test of the answer code and every record that carries it. Native only:
/// proptest does not build for wasm32-unknown-unknown.
#[cfg(all(test, not(target_arch = "wasm32")))]
pub(crate) mod properties {
    use proptest::prelude::*;

    use super::*;
    use crate::history::{self, Attempt, Entry};
    use crate::i18n::Locale;
    use crate::progress::Progress;
    use crate::share;

    /// Any answers: one optional pick per question of the content, reduced to its choices. Also
    /// used by the property tests of the other decoders that carry answers.
    pub(crate) fn any_answers() -> impl Strategy<Value = Answers> {
        let questions = Version::Full.questions();
        proptest::collection::vec(proptest::option::of(any::<usize>()), questions.len()).prop_map(
            move |picks| {
                let mut answers = Answers::new();
                for (question, pick) in questions.iter().zip(picks) {
                    let answer = pick.and_then(|pick| question.answer(pick % question.choices()));
                    answers.set(*question, answer).unwrap();
                }
                answers
            },
        )
    }

    /// Text for the decoders: anything, near-misses of every format, and bytes with a valid
    /// checksum (which random text almost never has) so that the checks after it run too.
    fn any_text() -> impl Strategy<Value = String> {
        let checked = (
            prop_oneof![Just(0x10u8), Just(0x11), any::<u8>()],
            prop_oneof![Just(CONTENT_BYTE), any::<u8>()],
            prop_oneof![
                proptest::collection::vec(any::<u8>(), 5),
                proptest::collection::vec(any::<u8>(), 16),
                proptest::collection::vec(any::<u8>(), 0..20),
            ],
        )
            .prop_map(|(header, content, number)| {
                let mut bytes = [&[header, content][..], &number].concat();
                bytes.extend(crc16(&bytes).to_be_bytes());
                to_base64url(&bytes)
            });
        prop_oneof![
            any::<String>(),
            "(#?r=)?[A-Za-z0-9_=+/-]{0,30}",
            "pcm1:[0-9]:[qfx]:(es|en|fr):[012]:[0-9a]{38,40}:[0-9]{9,11}",
            "pcm2:(es|en):[01]:[qf]:[A-Za-z0-9_-]{0,30}",
            checked,
        ]
    }

    proptest! {
        #[test]
        fn answers_round_trip_through_every_record(
            answers in any_answers(),
            full in any::<bool>(),
            remember in any::<bool>(),
            english in any::<bool>(),
        ) {
            let version = if full { Version::Full } else { Version::Quick };
            let mut asked = Answers::new();
            for question in version.questions() {
                asked.set(question, answers.get(question)).unwrap();
            }
            let coded = CodedAnswers { version, answers: asked.clone() };
            let code = encode(version, &answers);
            prop_assert_eq!(code.len(), if full { 34 } else { 18 });
            prop_assert_eq!(decode(&code), Ok(coded));
            let shared = share::SharedResult { version, answers: asked.clone(), target: None };
            prop_assert_eq!(share::decode(&share::fragment(version, &answers, None)), Ok(shared));

            let locale = if english { Locale::En } else { Locale::Es };
            let progress = Progress { version, locale, remember, answers, target: None };
            prop_assert_eq!(Progress::decode(&progress.encode()), Ok(progress));

            let attempt = Entry::Attempt(Attempt { date: "2026-11-23".into(), version, answers: asked });
            let text = history::encode(std::slice::from_ref(&attempt));
            prop_assert_eq!(history::decode(&text), [attempt]);
        }

        #[test]
        fn decoders_never_panic_and_accept_only_what_they_write(text in any_text()) {
            if let Ok(coded) = decode(&text) {
                prop_assert_eq!(encode(coded.version, &coded.answers), text.clone());
            }
            if let Ok(shared) = share::decode(&text) {
                let link = share::fragment(shared.version, &shared.answers, shared.target.as_ref());
                prop_assert_eq!(share::decode(&link), Ok(shared));
            }
            if let Ok(progress) = Progress::decode(&text) {
                prop_assert_eq!(Progress::decode(&progress.encode()), Ok(progress));
            }
            // Attempts of this content version and of others alike.
            for entry in history::decode(&format!("2026-11-23 {text}\n{text}")) {
                prop_assert_eq!(history::encode(std::slice::from_ref(&entry)), format!("2026-11-23 {text}"));
            }
        }
    }
}
