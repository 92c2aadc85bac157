//! Share links (`src/share.rs`): round trips over every single-answer change of the quick version
//! and many random answer patterns of both versions, the bytes checked against an independent
//! implementation of the format (u128 arithmetic, its own base64url and CRC), every kind of
//! broken link refused with its typed error, and decoding that never panics on arbitrary text.
//!
//! The random patterns come from a xorshift64 generator with fixed seeds, so every run checks the
//! same cases and a failure can be replayed.

use perfil_cm::answers::Answers;
use perfil_cm::model::{CONTENT_VERSION, LIKERT_ITEMS, Question, SCENARIOS, Version};
use perfil_cm::share::{self, FRAGMENT_PREFIX, LinkError, SharedResult};

/// Marsaglia's xorshift64: small, deterministic, good enough to spread test cases.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Rng {
        Rng(seed.max(1))
    }

    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }

    /// Uniform enough in `0..n` (n > 0).
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn byte(&mut self) -> u8 {
        (self.next() >> 56) as u8
    }
}

const BASE64URL: &str = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// Characters a pasted or mangled link might hold besides base64url: padding, the fragment
/// markers, standard base64, spaces and controls, and multi-byte UTF-8.
const OTHERS: [char; 16] = [
    '=', '#', '*', '+', '/', ' ', '.', '%', '&', '\0', '\n', 'é', '€', 'ñ', '🙂', '\u{FEFF}',
];

/// Mostly base64url, sometimes anything else.
fn random_char(rng: &mut Rng) -> char {
    if rng.below(10) < 7 {
        BASE64URL.as_bytes()[rng.below(64)] as char
    } else {
        OTHERS[rng.below(OTHERS.len())]
    }
}

/// A version's questions with their radices (choices + 1), worked out once per test: the
/// helpers run hundreds of thousands of times in a debug build.
struct Form {
    version: Version,
    questions: Vec<Question>,
    radices: Vec<usize>,
}

impl Form {
    fn of(version: Version) -> Form {
        let questions = version.questions();
        let radices = questions.iter().map(|q| q.choices() + 1).collect();
        Form {
            version,
            questions,
            radices,
        }
    }

    /// Answers from one digit per question: 0 unanswered, otherwise choice + 1.
    fn answers(&self, digits: &[usize]) -> Answers {
        assert_eq!(self.questions.len(), digits.len());
        let mut answers = Answers::new();
        for (question, digit) in self.questions.iter().zip(digits) {
            let answer = match digit {
                0 => None,
                d => Some(question.answer(d - 1).expect("digit below the radix")),
            };
            answers.set(*question, answer).expect("valid answer");
        }
        answers
    }

    /// A random digit for every question, unanswered included.
    fn random_digits(&self, rng: &mut Rng) -> Vec<usize> {
        self.radices.iter().map(|r| rng.below(*r)).collect()
    }

    /// Every question with its last choice.
    fn largest_digits(&self) -> Vec<usize> {
        self.radices.iter().map(|r| r - 1).collect()
    }

    /// Random answers, unanswered included, straight into `answers`.
    fn fill_randomly(&self, answers: &mut Answers, rng: &mut Rng) {
        for (question, radix) in self.questions.iter().zip(&self.radices) {
            let answer = rng
                .below(*radix)
                .checked_sub(1)
                .map(|c| question.answer(c).unwrap());
            answers.set(*question, answer).expect("valid answer");
        }
    }

    /// A valid payload with random answers.
    fn random_payload(&self, rng: &mut Rng) -> String {
        let mut answers = Answers::new();
        self.fill_randomly(&mut answers, rng);
        share::encode(self.version, &answers)
    }

    /// Only the answers to this version's questions.
    fn restrict(&self, answers: &Answers) -> Answers {
        let mut kept = Answers::new();
        for question in &self.questions {
            kept.set(*question, answers.get(*question)).unwrap();
        }
        kept
    }

    /// Encodes, decodes and compares with `expected` (the answers restricted to the version).
    fn assert_round_trip(&self, answers: &Answers, expected: &Answers) {
        let payload = share::encode(self.version, answers);
        let decoded = share::decode(&payload);
        let matches =
            matches!(&decoded, Ok(r) if r.version == self.version && r.answers == *expected);
        assert!(matches, "{:?} {payload}: {decoded:?}", self.version);
    }

    // The format, computed independently with u128 arithmetic.

    /// M: how many answer patterns the version has.
    fn patterns(&self) -> u128 {
        self.radices
            .iter()
            .try_fold(1u128, |m, r| m.checked_mul(*r as u128))
            .expect("M fits in 128 bits")
    }

    /// W: the bytes of M − 1.
    fn width(&self) -> usize {
        let largest = self.patterns() - 1;
        (128 - largest.leading_zeros() as usize).div_ceil(8)
    }

    /// N for `digits`, the first question most significant.
    fn number(&self, digits: &[usize]) -> u128 {
        self.radices
            .iter()
            .zip(digits)
            .fold(0, |n, (r, d)| n * *r as u128 + *d as u128)
    }

    fn header(&self) -> u8 {
        match self.version {
            Version::Quick => 0x10,
            Version::Full => 0x11,
        }
    }
}

/// The payload without a leading `#r=` or `r=`, as `decode` reads it.
fn strip(text: &str) -> &str {
    text.strip_prefix("#r=")
        .or_else(|| text.strip_prefix("r="))
        .unwrap_or(text)
}

/// Decodes `text`, checking that whatever is accepted is exactly what `encode` writes for the
/// result it reads as (no second spelling of a result gets through).
fn decode_checked(text: &str) -> Result<SharedResult, LinkError> {
    let decoded = share::decode(text);
    if let Ok(result) = &decoded {
        assert_eq!(
            share::encode(result.version, &result.answers),
            strip(text),
            "{text:?} was accepted"
        );
    }
    decoded
}

// An independent implementation of the format, for building links by hand.

/// CRC-16/CCITT-FALSE.
fn crc16(bytes: &[u8]) -> u16 {
    let mut crc = 0xFFFF_u16;
    for byte in bytes {
        crc ^= (*byte as u16) << 8;
        for _ in 0..8 {
            crc = if crc & 0x8000 != 0 {
                (crc << 1) ^ 0x1021
            } else {
                crc << 1
            };
        }
    }
    crc
}

/// base64url without padding, three bytes at a time.
fn base64url(bytes: &[u8]) -> String {
    let alphabet = BASE64URL.as_bytes();
    let mut text = String::new();
    for chunk in bytes.chunks(3) {
        let mut group = [0u8; 3];
        group[..chunk.len()].copy_from_slice(chunk);
        let n = (group[0] as u32) << 16 | (group[1] as u32) << 8 | group[2] as u32;
        for i in 0..=chunk.len() {
            text.push(alphabet[(n >> (18 - 6 * i) & 63) as usize] as char);
        }
    }
    text
}

/// The payload of `bytes` followed by their correct checksum.
fn link(bytes: &[u8]) -> String {
    let mut bytes = bytes.to_vec();
    bytes.extend(crc16(&bytes).to_be_bytes());
    base64url(&bytes)
}

/// Header, content version and an answers number `n` in `width` bytes (without checksum).
fn bytes(header: u8, content: u8, n: u128, width: usize) -> Vec<u8> {
    let mut bytes = vec![header, content];
    bytes.extend_from_slice(&n.to_be_bytes()[16 - width..]);
    bytes
}

const CONTENT: u8 = CONTENT_VERSION as u8;

#[test]
fn the_quick_version_is_13_statements_of_5_points_and_the_full_one_fits_128_bits() {
    let quick = Form::of(Version::Quick);
    assert_eq!(quick.questions.len(), 13);
    assert!(quick.radices.iter().all(|r| *r == 6));
    assert_eq!(quick.patterns(), 6u128.pow(13));
    assert_eq!(quick.width(), 5);
    let full = Form::of(Version::Full);
    assert_eq!(full.questions.len(), 49);
    assert_eq!(full.width(), 16);
}

#[test]
fn every_single_answer_change_of_the_quick_version_round_trips() {
    let mut rng = Rng::new(0x5EED_0001);
    let quick = Form::of(Version::Quick);
    let bases = [vec![0; 13], vec![5; 13], quick.random_digits(&mut rng)];
    let mut checked = 0;
    for base in bases {
        for position in 0..13 {
            for value in 0..6 {
                let mut digits = base.clone();
                digits[position] = value;
                let answers = quick.answers(&digits);
                quick.assert_round_trip(&answers, &answers);
                checked += 1;
            }
        }
    }
    assert_eq!(checked, 3 * 13 * 6);
}

#[test]
fn random_quick_answer_patterns_round_trip() {
    let mut rng = Rng::new(0x5EED_0002);
    let (quick, full) = (Form::of(Version::Quick), Form::of(Version::Full));
    for round in 0..200_000 {
        let mut answers = Answers::new();
        if round % 16 == 0 {
            // Now and then answers to the full version's other questions too, to be dropped.
            full.fill_randomly(&mut answers, &mut rng);
            quick.fill_randomly(&mut answers, &mut rng);
            quick.assert_round_trip(&answers, &quick.restrict(&answers));
        } else {
            quick.fill_randomly(&mut answers, &mut rng);
            quick.assert_round_trip(&answers, &answers);
        }
    }
}

#[test]
fn random_full_answer_patterns_round_trip() {
    let mut rng = Rng::new(0x5EED_0003);
    let full = Form::of(Version::Full);
    let mut unanswered = 0;
    for _ in 0..20_000 {
        let mut answers = Answers::new();
        full.fill_randomly(&mut answers, &mut rng);
        unanswered += usize::from(answers.answered(&full.questions) < 49);
        full.assert_round_trip(&answers, &answers);
    }
    assert!(unanswered > 10_000, "{unanswered}");
}

#[test]
fn payloads_are_the_bytes_the_format_describes() {
    let mut rng = Rng::new(0x5EED_0004);
    for version in Version::ALL {
        let form = Form::of(version);
        let mut cases = vec![vec![0; form.questions.len()], form.largest_digits()];
        cases.extend((0..2_000).map(|_| form.random_digits(&mut rng)));
        for digits in cases {
            let n = form.number(&digits);
            let expected = link(&bytes(form.header(), CONTENT, n, form.width()));
            let answers = form.answers(&digits);
            assert_eq!(share::encode(version, &answers), expected, "{digits:?}");
            assert_eq!(share::fragment(version, &answers), format!("#r={expected}"));
        }
    }
}

#[test]
fn known_payloads_stay_the_same() {
    let quick = Form::of(Version::Quick);
    let full = Form::of(Version::Full);
    let encode = |form: &Form, digits: &[usize]| share::encode(form.version, &form.answers(digits));
    assert_eq!(encode(&quick, &[0; 13]), "EAEAAAAAAIMV");
    assert_eq!(encode(&quick, &[5; 13]), "EAEDCnpf_xrU");
    let digits: Vec<usize> = (0..49).map(|i| i % 4).collect();
    assert_eq!(encode(&full, &digits), "EQEApQVsYr5QuW5_knMmnBfb_dU");
}

#[test]
fn quick_payloads_are_12_characters_and_full_payloads_27() {
    let mut rng = Rng::new(0x5EED_0005);
    let (quick, full) = (Form::of(Version::Quick), Form::of(Version::Full));
    for _ in 0..2_000 {
        let payload = quick.random_payload(&mut rng);
        assert!(
            payload.len() <= 20,
            "quick payload of {} chars",
            payload.len()
        );
        assert_eq!(payload.len(), 12, "quick payload {payload}");
        let payload = full.random_payload(&mut rng);
        assert!(
            payload.len() <= 40,
            "full payload of {} chars",
            payload.len()
        );
        assert_eq!(payload.len(), 27, "full payload {payload}");
    }
}

#[test]
fn the_content_version_fits_the_one_byte_links_keep_for_it() {
    // Links keep the content version in one byte: past 255 the format needs a new version.
    let byte = u8::try_from(CONTENT_VERSION);
    assert_eq!(byte, Ok(CONTENT), "content version {CONTENT_VERSION}");
    let payload = share::encode(Version::Quick, &Answers::new());
    assert!(payload.starts_with("EA"), "{payload}");
    // The second character holds the high half of the content version byte.
    assert_eq!(
        BASE64URL.find(payload.chars().nth(1).unwrap()),
        Some(usize::from(CONTENT >> 4))
    );
}

#[test]
fn answers_outside_the_version_are_dropped() {
    let full_only = LIKERT_ITEMS.iter().position(|item| !item.quick).unwrap();
    let quick_item = LIKERT_ITEMS.iter().position(|item| item.quick).unwrap();
    assert!(SCENARIOS.len() > 1);
    let mut answers = Answers::new();
    for (question, choice) in [
        (Question::Likert(quick_item), 3),
        (Question::Likert(full_only), 4),
        (Question::Scenario(1), 2),
    ] {
        answers.set(question, question.answer(choice)).unwrap();
    }
    let quick = share::decode(&share::encode(Version::Quick, &answers)).unwrap();
    assert_eq!(quick.version, Version::Quick);
    assert_eq!(quick.answers.get(Question::Likert(full_only)), None);
    assert_eq!(quick.answers.get(Question::Scenario(1)), None);
    assert_eq!(
        quick.answers.get(Question::Likert(quick_item)),
        Question::Likert(quick_item).answer(3)
    );
    assert_eq!(quick.answers.answered(&Version::Full.questions()), 1);
    let full = share::decode(&share::encode(Version::Full, &answers)).unwrap();
    assert_eq!(full.answers, answers);
}

#[test]
fn links_are_read_with_or_without_their_prefix() {
    let mut rng = Rng::new(0x5EED_0006);
    let full = Form::of(Version::Full);
    let answers = full.answers(&full.random_digits(&mut rng));
    let payload = share::encode(Version::Full, &answers);
    let fragment = share::fragment(Version::Full, &answers);
    assert_eq!(fragment, format!("{FRAGMENT_PREFIX}{payload}"));
    let expected = Ok(SharedResult {
        version: Version::Full,
        answers,
    });
    assert_eq!(share::decode(&fragment), expected);
    assert_eq!(share::decode(&format!("r={payload}")), expected);
    assert_eq!(share::decode(&payload), expected);
    // Only one prefix is taken off.
    assert_eq!(
        share::decode(&format!("#r={fragment}")),
        Err(LinkError::NotBase64)
    );
}

#[test]
fn empty_links_are_refused() {
    for text in ["", "#r=", "r="] {
        assert_eq!(share::decode(text), Err(LinkError::Empty), "{text:?}");
    }
}

#[test]
fn characters_outside_base64url_are_refused() {
    let mut rng = Rng::new(0x5EED_0007);
    let payload = Form::of(Version::Quick).random_payload(&mut rng);
    for position in 0..=payload.len() {
        for other in OTHERS {
            let mut inserted = payload.clone();
            inserted.insert(position, other);
            assert_eq!(
                share::decode(&inserted),
                Err(LinkError::NotBase64),
                "{inserted:?}"
            );
            if position < payload.len() {
                let mut replaced = payload.clone();
                replaced.replace_range(position..=position, &other.to_string());
                assert_eq!(share::decode(&replaced), Err(LinkError::NotBase64));
            }
        }
    }
    for text in ["*", "#", "#r", "#r=*", "EAEAAAAAAIMV=", " EAEAAAAAAIMV"] {
        assert_eq!(share::decode(text), Err(LinkError::NotBase64), "{text:?}");
    }
}

#[test]
fn every_truncation_is_refused() {
    let mut rng = Rng::new(0x5EED_0008);
    for version in Version::ALL {
        let form = Form::of(version);
        for _ in 0..50 {
            let payload = form.random_payload(&mut rng);
            for end in 1..payload.len() {
                // Every proper prefix has fewer bytes than the version needs.
                let prefix = &payload[..end];
                assert_eq!(share::decode(prefix), Err(LinkError::Truncated), "{prefix}");
                assert_eq!(
                    share::decode(&format!("#r={prefix}")),
                    Err(LinkError::Truncated)
                );
            }
        }
    }
}

#[test]
fn every_changed_character_is_refused() {
    let mut rng = Rng::new(0x5EED_0009);
    for version in Version::ALL {
        let form = Form::of(version);
        for _ in 0..10 {
            let payload = form.random_payload(&mut rng);
            for position in 0..payload.len() {
                for replacement in BASE64URL.chars() {
                    let mut changed = payload.clone();
                    changed.replace_range(position..=position, &replacement.to_string());
                    if changed == payload {
                        continue;
                    }
                    let error = share::decode(&changed).expect_err(&changed);
                    // The first character holds the format and two reserved bits; the second,
                    // the last reserved bit and the version bit, which changes the length due.
                    let expected = match (position, &error) {
                        (0, LinkError::UnknownFormat(_)) => true,
                        (1, LinkError::UnknownFormat(1)) => true,
                        (1, LinkError::Truncated) => version == Version::Quick,
                        (_, LinkError::Damaged) => position != 0,
                        _ => false,
                    };
                    assert!(expected, "{payload} → {changed}: {error:?}");
                }
            }
        }
    }
}

#[test]
fn an_unknown_link_format_is_refused() {
    let quick = Form::of(Version::Quick).width();
    for format in [0u8, 2, 3, 15] {
        for version_bit in [0, 1] {
            let header = format << 4 | version_bit;
            let payload = link(&bytes(header, CONTENT, 0, quick));
            assert_eq!(
                share::decode(&payload),
                Err(LinkError::UnknownFormat(format)),
                "{payload}"
            );
        }
    }
    // The format is checked before the length and the content version.
    assert_eq!(
        share::decode(&link(&bytes(0x20, 7, 0, 0))),
        Err(LinkError::UnknownFormat(2))
    );
    // A set reserved bit is a format this app does not know either.
    for reserved in [0x02, 0x04, 0x08] {
        let payload = link(&bytes(0x10 | reserved, CONTENT, 0, quick));
        assert_eq!(share::decode(&payload), Err(LinkError::UnknownFormat(1)));
    }
}

#[test]
fn another_content_version_is_refused() {
    for version in Version::ALL {
        let form = Form::of(version);
        for content in [0u8, 2, 7, 255] {
            let payload = link(&bytes(form.header(), content, 0, form.width()));
            assert_eq!(
                share::decode(&payload),
                Err(LinkError::OtherContentVersion(u16::from(content))),
                "{payload}"
            );
        }
    }
    // The checksum is checked first, and the content version before the answers.
    let quick = Form::of(Version::Quick);
    let mut damaged = bytes(0x10, 7, 0, quick.width());
    damaged.extend((crc16(&damaged) ^ 1).to_be_bytes());
    assert_eq!(share::decode(&base64url(&damaged)), Err(LinkError::Damaged));
    assert_eq!(
        share::decode(&link(&bytes(0x10, 7, quick.patterns(), quick.width()))),
        Err(LinkError::OtherContentVersion(7))
    );
}

#[test]
fn answers_numbers_beyond_the_largest_are_refused() {
    let mut rng = Rng::new(0x5EED_000A);
    for version in Version::ALL {
        let form = Form::of(version);
        let (m, w) = (form.patterns(), form.width());
        let all_ones = if w == 16 {
            u128::MAX
        } else {
            (1u128 << (8 * w)) - 1
        };
        // M − 1 is every question answered with its last choice.
        let decoded = share::decode(&link(&bytes(form.header(), CONTENT, m - 1, w)));
        let expected = SharedResult {
            version,
            answers: form.answers(&form.largest_digits()),
        };
        assert_eq!(decoded, Ok(expected));
        let mut beyond = vec![m, m + 1, all_ones];
        beyond.extend((0..200).map(|_| m + (u128::from(rng.next()) % (all_ones - m + 1))));
        for n in beyond {
            let payload = link(&bytes(form.header(), CONTENT, n, w));
            assert_eq!(
                share::decode(&payload),
                Err(LinkError::OutOfRange),
                "{version:?} N = {n}"
            );
        }
    }
}

#[test]
fn the_length_is_checked_for_the_version() {
    let quick = Form::of(Version::Quick).width();
    let full = Form::of(Version::Full).width();
    // Fewer than 4 bytes, even with a bad header.
    for text in ["E", "EA", "EAE", "EAEA", "IAEA", "____"] {
        assert_eq!(share::decode(text), Err(LinkError::Truncated), "{text}");
    }
    let cases = [
        (0x10, quick - 1, LinkError::Truncated),
        (0x10, quick + 1, LinkError::Damaged),
        (0x10, full, LinkError::Damaged),
        (0x11, quick, LinkError::Truncated),
        (0x11, full - 1, LinkError::Truncated),
        (0x11, 0, LinkError::Truncated),
    ];
    for (header, w, error) in cases {
        let payload = link(&bytes(header, CONTENT, 0, w));
        assert_eq!(share::decode(&payload), Err(error), "{header:#x} {w}");
    }
    // More than 16 bytes of answers.
    let mut long = bytes(0x11, CONTENT, 0, full);
    long.push(0);
    assert_eq!(share::decode(&link(&long)), Err(LinkError::Damaged));
}

#[test]
fn non_canonical_base64_is_damage() {
    let mut rng = Rng::new(0x5EED_000B);
    let quick = Form::of(Version::Quick).random_payload(&mut rng);
    // One more character starts a byte it never finishes.
    for extra in BASE64URL.chars() {
        let longer = format!("{quick}{extra}");
        assert_eq!(share::decode(&longer), Err(LinkError::Damaged), "{longer}");
    }
    // A full payload's last character carries 4 bits of the checksum and 2 unused bits.
    let full = Form::of(Version::Full).random_payload(&mut rng);
    let last = BASE64URL.find(full.chars().last().unwrap()).unwrap();
    for unused in 1..4 {
        let symbol = BASE64URL.as_bytes()[last ^ unused] as char;
        let changed = format!("{}{symbol}", &full[..full.len() - 1]);
        assert_eq!(
            share::decode(&changed),
            Err(LinkError::Damaged),
            "{changed}"
        );
    }
}

#[test]
fn errors_explain_themselves() {
    let errors = [
        LinkError::Empty,
        LinkError::NotBase64,
        LinkError::Truncated,
        LinkError::UnknownFormat(2),
        LinkError::OtherContentVersion(7),
        LinkError::Damaged,
        LinkError::OutOfRange,
    ];
    let messages: Vec<String> = errors.iter().map(ToString::to_string).collect();
    for (i, message) in messages.iter().enumerate() {
        assert!(!message.is_empty());
        assert!(!messages[..i].contains(message), "{message}");
    }
    assert!(messages[3].contains('2') && messages[4].contains('7'));
    let boxed: Box<dyn std::error::Error> = Box::new(LinkError::Damaged);
    assert_eq!(boxed.to_string(), messages[5]);
}

#[test]
fn decoding_random_text_never_panics() {
    let mut rng = Rng::new(0x5EED_000C);
    let prefixes = ["", "", "#r=", "r=", "#", "#r"];
    for _ in 0..100_000 {
        let mut text = String::from(prefixes[rng.below(prefixes.len())]);
        let length = rng.below(81);
        text.extend((0..length).map(|_| random_char(&mut rng)));
        let _ = decode_checked(&text);
    }
}

#[test]
fn decoding_mutated_payloads_never_panics() {
    let mut rng = Rng::new(0x5EED_000D);
    let forms = [Form::of(Version::Quick), Form::of(Version::Full)];
    let payloads: Vec<String> = (0..2_000)
        .map(|i| forms[i % 2].random_payload(&mut rng))
        .collect();
    let mut refused = 0;
    for round in 0..100_000 {
        let payload = &payloads[rng.below(payloads.len())];
        let mutations = 1 + rng.below(2);
        let mut chars: Vec<char> = payload.chars().collect();
        for _ in 0..mutations {
            let position = rng.below(chars.len() + 1);
            match rng.below(4) {
                0 if position < chars.len() => chars[position] = random_char(&mut rng),
                1 if position < chars.len() => {
                    chars.remove(position);
                }
                2 if position + 1 < chars.len() => chars.swap(position, position + 1),
                _ => chars.insert(position, random_char(&mut rng)),
            }
        }
        let mutated: String = chars.into_iter().collect();
        let result = if round % 8 == 0 {
            decode_checked(&format!("#r={mutated}"))
        } else {
            decode_checked(&mutated)
        };
        if mutations == 1 && mutated != *payload {
            assert!(result.is_err(), "{payload} → {mutated}");
        }
        refused += usize::from(result.is_err());
    }
    assert!(refused > 90_000, "{refused}");
}

#[test]
fn decoding_random_bytes_with_a_valid_checksum_agrees_with_the_format() {
    let mut rng = Rng::new(0x5EED_000E);
    let forms = [Form::of(Version::Quick), Form::of(Version::Full)];
    for _ in 0..50_000 {
        let form = &forms[rng.below(2)];
        let header = match rng.below(8) {
            0 => rng.byte(),
            _ => form.header(),
        };
        let content = match rng.below(8) {
            0 => rng.byte(),
            _ => CONTENT,
        };
        let length = match rng.below(8) {
            0 => rng.below(24),
            _ => form.width(),
        };
        let number: Vec<u8> = (0..length).map(|_| rng.byte()).collect();
        let mut raw = vec![header, content];
        raw.extend(&number);
        let payload = link(&raw);
        let result = decode_checked(&payload);
        if header == form.header() && content == CONTENT && length == form.width() {
            let n = number.iter().fold(0u128, |n, b| n << 8 | u128::from(*b));
            if n < form.patterns() {
                assert!(result.is_ok(), "{payload}: {result:?}");
            } else {
                assert_eq!(result, Err(LinkError::OutOfRange), "{payload}");
            }
        } else {
            assert!(result.is_err(), "{payload}");
        }
    }
}
