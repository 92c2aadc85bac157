//! A result as a share link whose data lives only in the URL fragment (`#r=…`).
//!
//! Pure core: no yew, web-sys or gloo, and no base64 or checksum crate in the wasm. Browsers never
//! send the fragment to a server, so a shared result goes only where the person sends the link.
//! The link carries the answers, not the scores: answers pack smaller, and the app that opens the
//! link scores them with the same content. A link is untrusted input (mistyped, cut by a chat
//! app, edited, written by another version of the app): [`decode`] checks everything and returns
//! a typed [`LinkError`] for the interface to explain, and never panics, whatever the string.
//!
//! # Format
//!
//! The payload (what follows [`FRAGMENT_PREFIX`]) is base64url without padding (RFC 4648 §5,
//! alphabet `A`–`Z` `a`–`z` `0`–`9` `-` `_`) of these bytes:
//!
//! 1. header, 1 byte: high nibble = link format (`1`); bit 0 = version (`0` quick, `1` full);
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
//! that hold `M − 1`, fixed per version: with the current content, 5 for the quick version
//! (`M = 6¹³`) and 16 for the full one, so a quick payload is 9 bytes (12 characters) and a full
//! one 20 bytes (27 characters). Digits depend on the number of questions and choices, so any
//! change to those must come with a new [`CONTENT_VERSION`].
//!
//! # Reading
//!
//! [`decode`] accepts the payload with or without a leading `#r=` or `r=` and checks, in this
//! order: nothing left → [`LinkError::Empty`]; a byte outside the alphabet →
//! [`LinkError::NotBase64`]; fewer than 4 bytes → [`LinkError::Truncated`]; another link format
//! or a reserved header bit set → [`LinkError::UnknownFormat`] (with the header's format
//! nibble); the length the version needs (shorter → [`LinkError::Truncated`], longer →
//! [`LinkError::Damaged`]); a dangling last character, unused trailing bits that are not zero,
//! or a checksum that does not match → [`LinkError::Damaged`]; the content version →
//! [`LinkError::OtherContentVersion`]; `N ≥ M` → [`LinkError::OutOfRange`]. The checksum is
//! checked before anything after the header is believed. Since only canonical encodings pass,
//! every accepted payload is exactly what [`encode`] writes for the result it reads as.

use std::fmt;
use std::sync::LazyLock;

use crate::answers::{Answer, Answers};
use crate::model::{CONTENT_VERSION, Question, Version};

/// The fragment prefix of a share link, with its `#`.
pub const FRAGMENT_PREFIX: &str = "#r=";

/// The link format this module writes, in the header's high nibble.
const FORMAT: u8 = 1;
/// The header bit set for the full version.
const FULL_BIT: u8 = 0b0000_0001;
/// Header bits that format 1 keeps at zero.
const RESERVED_BITS: u8 = 0b0000_1110;
/// Header and content version.
const HEAD_BYTES: usize = 2;
/// The checksum.
const CHECKSUM_BYTES: usize = 2;
/// The content version as its one byte; the build fails if it ever stops fitting.
const CONTENT_BYTE: u8 = {
    assert!(
        CONTENT_VERSION <= u8::MAX as u16,
        "share links hold the content version in one byte"
    );
    CONTENT_VERSION as u8
};
/// The base64url alphabet (RFC 4648 §5).
const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// A result as a link carries it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SharedResult {
    /// The questionnaire that was taken.
    pub version: Version,
    /// The answers to that version's questions; every other question is unanswered.
    pub answers: Answers,
}

/// Why a link could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LinkError {
    /// Nothing after `#r=`.
    Empty,
    /// A character outside base64url.
    NotBase64,
    /// Fewer bytes than the format needs (a truncated link).
    Truncated,
    /// A link format this app does not know (written by a newer version).
    UnknownFormat(u8),
    /// Written for another content version: the answers would not match these questions.
    OtherContentVersion(u16),
    /// The checksum does not match: the link was damaged (mistyped, cut, edited).
    Damaged,
    /// An answer outside what its question offers.
    OutOfRange,
}

impl fmt::Display for LinkError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LinkError::Empty => f.write_str("the link holds no result"),
            LinkError::NotBase64 => f.write_str("the link has a character a result link never has"),
            LinkError::Truncated => f.write_str("the link is cut short"),
            LinkError::UnknownFormat(format) => {
                write!(
                    f,
                    "the link uses a format this app does not know ({format})"
                )
            }
            LinkError::OtherContentVersion(version) => write!(
                f,
                "the link was made for content version {version}, not {CONTENT_VERSION}"
            ),
            LinkError::Damaged => f.write_str("the link is damaged (mistyped, cut or edited)"),
            LinkError::OutOfRange => {
                f.write_str("the link holds an answer its question does not offer")
            }
        }
    }
}

impl std::error::Error for LinkError {}

/// The fragment payload (what follows `#r=`) for these answers: only the questions of `version`
/// are encoded (answers to other questions are dropped).
pub fn encode(version: Version, answers: &Answers) -> String {
    let layout = Layout::get(version);
    let mut number = vec![0; layout.width];
    for &(question, radix) in &layout.questions {
        let digit = answers
            .get(question)
            .map(Answer::choice)
            .filter(|choice| *choice < question.choices())
            .and_then(|choice| u32::try_from(choice + 1).ok())
            .unwrap_or(0);
        // Cannot overflow: every digit is below its radix, so N < M ≤ 256^W.
        mul_add(&mut number, radix, digit);
    }
    let mut bytes = Vec::with_capacity(HEAD_BYTES + number.len() + CHECKSUM_BYTES);
    bytes.push(header(version));
    bytes.push(CONTENT_BYTE);
    bytes.extend_from_slice(&number);
    let checksum = crc16(&bytes);
    bytes.extend_from_slice(&checksum.to_be_bytes());
    to_base64url(&bytes)
}

/// Reads a payload (with or without the leading `#r=` or `r=`), checking everything.
///
/// The checks and their order are in the [module documentation](self).
pub fn decode(payload: &str) -> Result<SharedResult, LinkError> {
    let payload = payload
        .strip_prefix(FRAGMENT_PREFIX)
        .or_else(|| payload.strip_prefix("r="))
        .unwrap_or(payload);
    if payload.is_empty() {
        return Err(LinkError::Empty);
    }
    let (bytes, canonical) = from_base64url(payload).ok_or(LinkError::NotBase64)?;
    if bytes.len() < HEAD_BYTES + CHECKSUM_BYTES {
        return Err(LinkError::Truncated);
    }
    let Some((body, checksum)) = bytes.split_last_chunk::<CHECKSUM_BYTES>() else {
        return Err(LinkError::Truncated);
    };
    let [header, content, number @ ..] = body else {
        return Err(LinkError::Truncated);
    };
    let format = header >> 4;
    if format != FORMAT || header & RESERVED_BITS != 0 {
        return Err(LinkError::UnknownFormat(format));
    }
    let version = if header & FULL_BIT == 0 {
        Version::Quick
    } else {
        Version::Full
    };
    let layout = Layout::get(version);
    match number.len().cmp(&layout.width) {
        std::cmp::Ordering::Less => return Err(LinkError::Truncated),
        std::cmp::Ordering::Greater => return Err(LinkError::Damaged),
        std::cmp::Ordering::Equal => {}
    }
    if !canonical || crc16(body) != u16::from_be_bytes(*checksum) {
        return Err(LinkError::Damaged);
    }
    if u16::from(*content) != CONTENT_VERSION {
        return Err(LinkError::OtherContentVersion(u16::from(*content)));
    }
    let mut number = number.to_vec();
    let mut answers = Answers::new();
    // The last question is the least significant digit.
    for &(question, radix) in layout.questions.iter().rev() {
        let answer = match div_rem(&mut number, radix).checked_sub(1) {
            None => None,
            Some(choice) => {
                let choice = usize::try_from(choice).map_err(|_| LinkError::OutOfRange)?;
                Some(question.answer(choice).ok_or(LinkError::OutOfRange)?)
            }
        };
        answers
            .set(question, answer)
            .map_err(|_| LinkError::OutOfRange)?;
    }
    // Whatever is left after the last digit means N ≥ M.
    if number.iter().any(|byte| *byte != 0) {
        return Err(LinkError::OutOfRange);
    }
    Ok(SharedResult { version, answers })
}

/// The whole fragment, `#r=` + payload.
pub fn fragment(version: Version, answers: &Answers) -> String {
    format!("{FRAGMENT_PREFIX}{}", encode(version, answers))
}

/// The header byte for `version`.
fn header(version: Version) -> u8 {
    let version_bit = match version {
        Version::Quick => 0,
        Version::Full => FULL_BIT,
    };
    (FORMAT << 4) | version_bit
}

/// How a version's answers are laid out in a link, worked out once per version.
struct Layout {
    /// The questions in presentation order, each with its radix (choices + 1).
    questions: Vec<(Question, u32)>,
    /// W, the bytes of the answers number.
    width: usize,
}

static QUICK: LazyLock<Layout> = LazyLock::new(|| Layout::of(Version::Quick));
static FULL: LazyLock<Layout> = LazyLock::new(|| Layout::of(Version::Full));

impl Layout {
    /// The layout of `version`, from its questions and their choices.
    fn of(version: Version) -> Layout {
        let questions: Vec<(Question, u32)> = version
            .questions()
            .into_iter()
            .map(|question| {
                let radix = u32::try_from(question.choices().saturating_add(1)).unwrap_or(u32::MAX);
                (question, radix)
            })
            .collect();
        let width = width(&questions);
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
fn width(questions: &[(Question, u32)]) -> usize {
    let mut product = vec![1];
    for &(_, radix) in questions {
        let mut carry = mul_add(&mut product, radix, 0);
        while carry > 0 {
            product.insert(0, (carry & 0xFF) as u8);
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
fn mul_add(number: &mut [u8], radix: u32, digit: u32) -> u64 {
    // u64 is wide enough: with radix < 2³², value < 2⁴¹ at every step.
    let mut carry = u64::from(digit);
    for byte in number.iter_mut().rev() {
        let value = u64::from(*byte) * u64::from(radix) + carry;
        *byte = (value & 0xFF) as u8;
        carry = value >> 8;
    }
    carry
}

/// `number = number / radix` on a big-endian number; returns the remainder.
fn div_rem(number: &mut [u8], radix: u32) -> u32 {
    let radix = u64::from(radix.max(1));
    let mut remainder = 0;
    for byte in number.iter_mut() {
        let value = (remainder << 8) | u64::from(*byte);
        // remainder < radix, so the quotient is below 256.
        *byte = ((value / radix) & 0xFF) as u8;
        remainder = value % radix;
    }
    u32::try_from(remainder).unwrap_or(u32::MAX)
}

/// CRC-16/CCITT-FALSE, a byte at a time with [`CRC_TABLE`].
fn crc16(bytes: &[u8]) -> u16 {
    bytes.iter().fold(0xFFFF, |crc, &byte| {
        let index = usize::from(((crc >> 8) as u8) ^ byte);
        (crc << 8) ^ CRC_TABLE.get(index).copied().unwrap_or(0)
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
fn to_base64url(bytes: &[u8]) -> String {
    let mut text = String::with_capacity((bytes.len() * 4).div_ceil(3));
    let mut push = |sextet: u32| {
        let index = usize::try_from(sextet & 0x3F).unwrap_or(0);
        if let Some(&symbol) = ALPHABET.get(index) {
            text.push(char::from(symbol));
        }
    };
    let mut bits: u32 = 0;
    let mut count = 0;
    for &byte in bytes {
        bits = (bits << 8) | u32::from(byte);
        count += 8;
        while count >= 6 {
            count -= 6;
            push(bits >> count);
        }
        bits &= (1 << count) - 1;
    }
    if count > 0 {
        push(bits << (6 - count));
    }
    text
}

/// The bytes of base64url text without padding, and whether the text is canonical (no
/// dangling character, unused trailing bits zero); `None` for a character outside the alphabet.
fn from_base64url(text: &str) -> Option<(Vec<u8>, bool)> {
    let mut bytes = Vec::with_capacity(text.len() * 3 / 4);
    let mut bits: u32 = 0;
    let mut count = 0;
    for symbol in text.bytes() {
        bits = (bits << 6) | sextet(symbol)?;
        count += 6;
        if count >= 8 {
            count -= 8;
            bytes.push(((bits >> count) & 0xFF) as u8);
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
mod tests {
    use super::*;

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
        // Unused bits set, a dangling character, a character outside the alphabet.
        assert_eq!(from_base64url("Zh"), Some((b"f".to_vec(), false)));
        assert_eq!(from_base64url("Zm9vY"), Some((b"foo".to_vec(), false)));
        assert_eq!(from_base64url("Zm+v"), None);
        assert_eq!(from_base64url("Zm9v="), None);
    }

    #[test]
    fn big_number_steps_undo_each_other() {
        let mut number = vec![0; 3];
        for (digit, radix) in [(5, 6), (0, 6), (3, 4), (4, 5), (2, 6)] {
            assert_eq!(mul_add(&mut number, radix, digit), 0);
        }
        // ((((5·6 + 0)·4 + 3)·5 + 4)·6 + 2) = 3716 = 0x0E84
        assert_eq!(number, [0x00, 0x0E, 0x84]);
        for (digit, radix) in [(2, 6), (4, 5), (3, 4), (0, 6), (5, 6)] {
            assert_eq!(div_rem(&mut number, radix), digit);
        }
        assert_eq!(number, [0, 0, 0]);
        assert_eq!(mul_add(&mut [0xFF], 2, 1), 1);
    }

    #[test]
    fn widths_hold_the_largest_number_and_no_more() {
        let radices = |list: &[u32]| -> Vec<(Question, u32)> {
            list.iter().map(|r| (Question::Likert(0), *r)).collect()
        };
        assert_eq!(width(&radices(&[])), 0);
        assert_eq!(width(&radices(&[256])), 1);
        assert_eq!(width(&radices(&[257])), 2);
        assert_eq!(width(&radices(&[16, 16])), 1);
        assert_eq!(width(&radices(&[6; 13])), 5);
        assert_eq!(Layout::get(Version::Quick).width, 5);
        assert_eq!(Layout::get(Version::Full).width, 16);
    }
}
