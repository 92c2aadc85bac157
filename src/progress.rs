//! The answers in progress as a short string, for the browser's session or local storage.
//!
//! Pure core: no yew, web-sys or gloo, and no JSON library in the wasm. Stored data is
//! untrusted (another version of the app, a hand edit, a truncated write): [`Progress::decode`]
//! checks every field and returns a typed error instead of panicking.
//!
//! # Format
//!
//! `pcm2:<locale>:<remember>:<version>:<answers>[:<target>]`, fields separated by `:`:
//!
//! - `<locale>`: the language code ([`Locale::code`]), e.g. `es`. `assets/boot.js` and
//!   [`recorded_locale`] read the magic and this field, and nothing else, to ask early for that
//!   language's words, before the wasm runs and before the app's first render: keep them first;
//! - `<remember>`: `1` when the person opted in to keep answers on this device, else `0`;
//! - `<version>`: the questionnaire chosen, `q` (quick) or `f` (full);
//! - `<answers>`: the [answer code](crate::answer_code) of the answers for the **full**
//!   version, whatever `<version>` says. The full version asks every question, so a person who
//!   answered full-version questions and then switched to quick keeps those answers across a
//!   reload; the code also carries the content version and a checksum;
//! - `<target>`, only when the person opened a target link: the role's
//!   [target code](crate::target), so that the target survives reloads and the whole run.
//!   Records written before targets existed have no such field and still read, without one.
//!
//! A code for the quick version there is refused as damaged, so every record that reads is
//! exactly what [`Progress::encode`] writes (a target code of an earlier content version, which
//! [`crate::target`] still reads, is written back with the current one). An answer code of
//! another content version, whatever its length, or a target code of a content version that
//! [`crate::target`] does not read, gives [`ProgressError::OtherContentVersion`]: the app then
//! says that the saved answers were for another version of the questionnaire, not that they
//! were damaged.
//!
//! Records of the earlier format, `pcm1:<content version>:<q|f>:<locale>:<remember 0|1>:
//! <statements>:<scenarios>`, were only ever written with content version 1, whose questions are
//! not today's: such a record gives [`ProgressError::OtherContentVersion`] with the version it
//! names, so that the person hears that their saved answers were for an earlier version. Its
//! answers are not read (nothing could score them), and nothing writes the format any more.
//!
//! # At start-up
//!
//! The app reads its record with [`Progress::restore`], which differs from
//! [`Progress::decode`] for one kind of record only: answers of an *earlier* content version.
//! Nothing can ever score them, but the person's other choices in the record (language, opt-in,
//! version, and above all a recruiter's target) are still theirs, so they are kept, without the
//! answers. The app's next save then replaces the record, and the person hears about the lost
//! answers once, not on every visit. A record of a *later* content version is refused whole and
//! left where it is: a newer release of the app, open in another tab, still reads it.

use std::fmt;

use crate::answer_code::{self, CodeError, CodedAnswers};
use crate::answers::Answers;
use crate::i18n::Locale;
use crate::model::{CONTENT_VERSION, Version};
use crate::target::{self, Target};

/// The first field of the format this module writes.
const MAGIC: &str = "pcm2";
/// The first field of the earlier format, still read.
const LEGACY_MAGIC: &str = "pcm1";

/// What is kept between reloads.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Progress {
    /// The questionnaire chosen.
    pub(crate) version: Version,
    /// The language last used.
    pub(crate) locale: Locale,
    /// The person opted in to keep answers on this device (local storage).
    pub(crate) remember: bool,
    /// The answers so far.
    pub(crate) answers: Answers,
    /// The role's target, from a target link.
    pub(crate) target: Option<Target>,
}

/// Why stored progress could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum ProgressError {
    /// Not something this app wrote.
    NotOurs,
    /// Written for another version of the questions, so the answers would not match them.
    OtherContentVersion(u16),
    /// Damaged: a field is missing or out of range.
    Damaged(&'static str),
}

impl fmt::Display for ProgressError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ProgressError::NotOurs => f.write_str("not Perfil CM progress"),
            ProgressError::OtherContentVersion(v) => write!(f, "written for content version {v}"),
            ProgressError::Damaged(field) => write!(f, "damaged field: {field}"),
        }
    }
}

impl std::error::Error for ProgressError {}

impl Progress {
    /// The storage string.
    pub(crate) fn encode(&self) -> String {
        let target = self
            .target
            .as_ref()
            .map_or_else(String::new, |target| format!(":{}", target::encode(target)));
        format!(
            "{MAGIC}:{}:{}:{}:{}{target}",
            self.locale.code(),
            u8::from(self.remember),
            version_code(self.version),
            answer_code::encode(Version::Full, &self.answers)
        )
    }

    /// Reads a storage string of either format, checking every field.
    pub(crate) fn decode(text: &str) -> Result<Progress, ProgressError> {
        let fields: Vec<&str> = text.split(':').collect();
        match fields[..] {
            [MAGIC, ..] => read(&fields, true),
            [LEGACY_MAGIC, ..] => Err(legacy::decode(&fields)),
            _ => Err(ProgressError::NotOurs),
        }
    }

    /// Reads the stored record at start-up: what can be restored, and why anything could not.
    /// As [`Progress::decode`], except that a record whose answers are of an earlier content
    /// version gives its other choices without the answers, beside the error that says why
    /// (see the module's "At start-up").
    pub(crate) fn restore(text: &str) -> (Option<Progress>, Option<ProgressError>) {
        match Progress::decode(text) {
            Ok(progress) => (Some(progress), None),
            Err(error @ ProgressError::OtherContentVersion(content))
                if content < CONTENT_VERSION =>
            {
                let fields: Vec<&str> = text.split(':').collect();
                let choices = match fields[..] {
                    [LEGACY_MAGIC, ..] => legacy::choices(&fields),
                    _ => read(&fields, false),
                };
                (choices.ok(), Some(error))
            }
            Err(error) => (None, Some(error)),
        }
    }
}

/// The language of a record, read from its first two fields only, as `assets/boot.js` reads
/// it: the app must know which language's words to wait for before its first render, while the
/// record itself is read whole ([`Progress::restore`]) only by that render, with the code of the
/// wasm's second part. `None` for a record of another format or language.
pub(crate) fn recorded_locale(text: &str) -> Option<Locale> {
    let mut fields = text.split(':');
    if fields.next() != Some(MAGIC) {
        return None;
    }
    locale_of(fields.next()?).ok()
}

/// Reads the fields of a `pcm2` record, its answers only `with_answers` (else none).
fn read(fields: &[&str], with_answers: bool) -> Result<Progress, ProgressError> {
    let [_, locale, remember, version, coded, ref target @ ..] = fields[..] else {
        return Err(ProgressError::Damaged("field count"));
    };
    if target.len() > 1 {
        return Err(ProgressError::Damaged("field count"));
    }
    Ok(Progress {
        locale: locale_of(locale)?,
        remember: remember_of(remember)?,
        version: version_of(version)?,
        answers: if with_answers {
            answers_of(coded)?
        } else {
            Answers::new()
        },
        target: target.first().map(|field| target_of(field)).transpose()?,
    })
}

/// The one-letter field of `version`.
fn version_code(version: Version) -> &'static str {
    match version {
        Version::Quick => "q",
        Version::Full => "f",
    }
}

/// The version a one-letter field names.
fn version_of(field: &str) -> Result<Version, ProgressError> {
    Version::ALL
        .into_iter()
        .find(|version| version_code(*version) == field)
        .ok_or(ProgressError::Damaged("version"))
}

/// The locale a language-code field names.
fn locale_of(field: &str) -> Result<Locale, ProgressError> {
    Locale::ALL
        .into_iter()
        .find(|locale| locale.code() == field)
        .ok_or(ProgressError::Damaged("locale"))
}

/// The opt-in a `0`/`1` field holds.
fn remember_of(field: &str) -> Result<bool, ProgressError> {
    match field {
        "0" => Ok(false),
        "1" => Ok(true),
        _ => Err(ProgressError::Damaged("remember")),
    }
}

/// The answers a full-version answer code holds.
fn answers_of(field: &str) -> Result<Answers, ProgressError> {
    match answer_code::decode(field) {
        Ok(CodedAnswers {
            version: Version::Full,
            answers,
        }) => Ok(answers),
        Err(CodeError::OtherContentVersion(content)) => {
            Err(ProgressError::OtherContentVersion(content))
        }
        Ok(_) | Err(_) => Err(ProgressError::Damaged("answers")),
    }
}

/// The role's target a target-code field holds.
fn target_of(field: &str) -> Result<Target, ProgressError> {
    target::decode(field).map_err(|error| match error {
        CodeError::OtherContentVersion(content) => ProgressError::OtherContentVersion(content),
        _ => ProgressError::Damaged("target"),
    })
}

/// The earlier `pcm1` format: its content version and choices are read, never its answers.
mod legacy {
    use super::{Progress, ProgressError, locale_of, remember_of, version_of};
    use crate::answers::Answers;

    /// The content version a `pcm1` record names, as the error it is: the format was only
    /// written by content version 1, so it never holds answers to today's questions.
    pub(super) fn decode(fields: &[&str]) -> ProgressError {
        let [_, content, _, _, _, _, _] = fields[..] else {
            return ProgressError::Damaged("field count");
        };
        content
            .parse()
            .map_or(ProgressError::Damaged("content version"), |content| {
                ProgressError::OtherContentVersion(content)
            })
    }

    /// The person's choices in a `pcm1` record (version, language, opt-in), without answers.
    pub(super) fn choices(fields: &[&str]) -> Result<Progress, ProgressError> {
        let [_, _, version, locale, remember, _, _] = fields[..] else {
            return Err(ProgressError::Damaged("field count"));
        };
        Ok(Progress {
            version: version_of(version)?,
            locale: locale_of(locale)?,
            remember: remember_of(remember)?,
            answers: Answers::new(),
            target: None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answer_code::tests::written;

    fn progress(version: Version, locale: Locale, remember: bool, answers: Answers) -> Progress {
        Progress {
            version,
            locale,
            remember,
            answers,
            target: None,
        }
    }

    #[test]
    fn progress_is_stored_with_its_full_answers_whatever_the_version() {
        // Full-version answers kept while the quick version is chosen; the code is the full
        // share link of the same answers.
        let switched = progress(
            Version::Quick,
            Locale::En,
            true,
            written(
                "2000000000000400000000000000000000100000000000000005",
                "d----a---b-c",
            ),
        );
        let text = "pcm2:en:1:q:EQIBnslPgz1mZJD-XD9hwlPqG7XM7Ed7kg";
        assert_eq!(switched.encode(), text);
        assert_eq!(Progress::decode(text), Ok(switched));
        let empty = progress(Version::Full, Locale::Es, false, Answers::new());
        let text = "pcm2:es:0:f:EQIAAAAAAAAAAAAAAAAAAAAAAAAAAABImw";
        assert_eq!(empty.encode(), text);
        assert_eq!(Progress::decode(text), Ok(empty));
    }

    #[test]
    fn a_target_is_an_optional_last_field() {
        let role = Target::new([Some(70); crate::model::Quality::COUNT], "Jefa de redes");
        let with = Progress {
            target: Some(role.clone()),
            ..progress(Version::Quick, Locale::Es, false, written("5", ""))
        };
        let text = with.encode();
        assert_eq!(
            text,
            format!(
                "pcm2:es:0:q:EQIEDPdGxW9-fV0-O_UE57gAAAAAAAAjzQ:{}",
                target::encode(&role)
            )
        );
        assert_eq!(Progress::decode(&text), Ok(with.clone()));
        // Without it, the record is the one written before targets existed.
        let without = Progress {
            target: None,
            ..with.clone()
        };
        assert_eq!(
            without.encode(),
            "pcm2:es:0:q:EQIEDPdGxW9-fV0-O_UE57gAAAAAAAAjzQ"
        );
        assert_eq!(Progress::decode(&without.encode()), Ok(without));
        let other = |content: u8| {
            let mut bytes = crate::answer_code::from_base64url(&target::encode(&role))
                .map(|(bytes, _)| bytes)
                .unwrap_or_default();
            bytes[1] = content;
            bytes.truncate(bytes.len() - 2);
            let crc = crate::answer_code::crc16(&bytes);
            bytes.extend(crc.to_be_bytes());
            crate::answer_code::to_base64url(&bytes)
        };
        for (field, error) in [
            ("", ProgressError::Damaged("target")),
            ("EAEA", ProgressError::Damaged("target")),
            (&other(7)[..], ProgressError::OtherContentVersion(7)),
        ] {
            let damaged = format!("pcm2:es:0:q:EQIEDPdGxW9-fV0-O_UE57gAAAAAAAAjzQ:{field}");
            assert_eq!(Progress::decode(&damaged), Err(error), "{damaged}");
        }
        assert_eq!(
            Progress::decode(&format!("{text}:x")),
            Err(ProgressError::Damaged("field count"))
        );
    }

    /// Records of the `pcm1` format, captured when content version 1 was current.
    #[test]
    fn captured_pcm1_records_say_they_are_of_content_version_1() {
        for text in [
            "pcm1:1:q:es:0:500010000000300000000000000000000000000:0000000000",
            "pcm1:1:f:en:1:200000000000040000001000000000000000005:4000010002",
            "pcm1:1:q:en:1:200000000000040000001000000000000000005:4000010002",
            "pcm1:1:f:es:0:253142531425314253142531425314253142531:3214321432",
            "pcm1:1:q:es:1:000000000000000000000000000000000000000:0000000000",
        ] {
            assert_eq!(
                Progress::decode(text),
                Err(ProgressError::OtherContentVersion(1)),
                "{text}"
            );
        }
    }

    /// At start-up, answers of an earlier content version go and the rest of their record stays;
    /// a later version's record is refused whole, and any other is read as `decode` reads it.
    #[test]
    fn restoring_keeps_the_choices_of_a_record_whose_answers_are_of_an_earlier_version() {
        use crate::answer_code::tests::next_content_code;
        use crate::model::{CONTENT_VERSION, Quality};

        let role = Target::new([Some(70); Quality::COUNT], "Jefa de redes");
        // A half-finished full run of content version 1 (its code captured then), with a target.
        let earlier = format!(
            "pcm2:en:1:f:EQEH-pNQOB0T1o6q8DI2TCdUMlI:{}",
            target::encode(&role)
        );
        let other_version = Some(ProgressError::OtherContentVersion(1));
        assert_eq!(
            Progress::restore(&earlier),
            (
                Some(Progress {
                    target: Some(role),
                    ..progress(Version::Full, Locale::En, true, Answers::new())
                }),
                other_version.clone()
            )
        );
        assert_eq!(Progress::decode(&earlier).err(), other_version);
        // The earlier format: its choices, never its answers.
        assert_eq!(
            Progress::restore("pcm1:1:q:en:1:200000000000040000001000000000000000005:4000010002"),
            (
                Some(progress(Version::Quick, Locale::En, true, Answers::new())),
                other_version.clone()
            )
        );
        // A later version's record stays whole, for the release that wrote it.
        let later = format!("pcm2:es:1:f:{}", next_content_code());
        assert_eq!(
            Progress::restore(&later),
            (
                None,
                Some(ProgressError::OtherContentVersion(CONTENT_VERSION + 1))
            )
        );
        // A damaged record gives nothing, even with answers of an earlier version.
        for (text, error) in [
            (
                "pcm2:fr:1:f:EQEH-pNQOB0T1o6q8DI2TCdUMlI",
                ProgressError::Damaged("locale"),
            ),
            (
                "pcm1:1:x:en:1:200000000000040000001000000000000000005:4000010002",
                ProgressError::OtherContentVersion(1),
            ),
            ("pcm2:es:0:f", ProgressError::Damaged("field count")),
        ] {
            assert_eq!(Progress::restore(text), (None, Some(error)), "{text}");
        }
        // A sound record of today is restored whole.
        let today = progress(Version::Full, Locale::Es, true, written("35", "b"));
        assert_eq!(Progress::restore(&today.encode()), (Some(today), None));
    }

    #[test]
    fn each_refusal_has_its_error() {
        let code = "EQIAAAAAAAAAAAAAAAAAAAAAAAAAAABImw";
        let pcm1 = |content: &str| format!("pcm1:{content}:f:es:0:{}:0000000000", "0".repeat(39));
        let cases = [
            ("", ProgressError::NotOurs),
            ("{\"answers\":[]}", ProgressError::NotOurs),
            ("pcm3:es:0:f:x", ProgressError::NotOurs),
            ("pcm2:es:0:f", ProgressError::Damaged("field count")),
            (
                &format!("pcm2:fr:0:f:{code}")[..],
                ProgressError::Damaged("locale"),
            ),
            (
                &format!("pcm2:es:2:f:{code}")[..],
                ProgressError::Damaged("remember"),
            ),
            (
                &format!("pcm2:es:0:x:{code}")[..],
                ProgressError::Damaged("version"),
            ),
            (
                "pcm2:es:0:f:EQIAAAAAAAAAAAAAAAAAAAAAAAAAAABImx",
                ProgressError::Damaged("answers"),
            ),
            // A quick code would lose answers, so the format never holds one.
            (
                "pcm2:es:0:q:EAIAAAAAAAAAAABfuA",
                ProgressError::Damaged("answers"),
            ),
            ("pcm1:1:f:es:0", ProgressError::Damaged("field count")),
            (&pcm1("x")[..], ProgressError::Damaged("content version")),
            (&pcm1("7")[..], ProgressError::OtherContentVersion(7)),
        ];
        for (text, error) in cases {
            assert_eq!(Progress::decode(text), Err(error.clone()), "{text}");
            assert!(!error.to_string().is_empty());
        }
        // A code for another content version (here 7) says so, as a pcm1 record does.
        assert_eq!(
            Progress::decode("pcm2:es:0:f:EQcAAAAAAAAAAAAAAAAAAAAANcs"),
            Err(ProgressError::OtherContentVersion(7))
        );
        // Whatever the length of that version's answers.
        let next = crate::answer_code::tests::next_content_code();
        assert_eq!(
            Progress::decode(&format!("pcm2:es:1:q:{next}")),
            Err(ProgressError::OtherContentVersion(
                crate::model::CONTENT_VERSION + 1
            ))
        );
    }

    #[test]
    fn the_recorded_locale_is_read_from_the_first_two_fields_only() {
        assert_eq!(recorded_locale("pcm2:en:1:q:whatever"), Some(Locale::En));
        assert_eq!(recorded_locale("pcm2:es"), Some(Locale::Es));
        let record = progress(Version::Quick, Locale::En, true, Answers::new()).encode();
        assert_eq!(recorded_locale(&record), Some(Locale::En));
        for other in ["pcm2:fr:1:q:x", "pcm1:2:q:en:1:x", "en", "", "pcm2:"] {
            assert_eq!(recorded_locale(other), None, "{other}");
        }
    }
}
