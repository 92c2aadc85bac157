//! The answers in progress as a short string, for the browser's session or local storage.
//!
//! Pure core: no yew, web-sys or gloo, and no JSON library in the wasm. Stored data is
//! untrusted (another version of the app, a hand edit, a truncated write): [`Progress::decode`]
//! checks every field and returns a typed error instead of panicking.
//!
//! Format: `pcm1:<content version>:<q|f>:<locale>:<remember 0|1>:<statements>:<scenarios>`, where
//! `<statements>` has one character per Likert item (`0` unanswered, `1`–`5` the rating) and
//! `<scenarios>` one per scenario (`0` unanswered, `1`–`4` the option, counting from 1).

use std::fmt;

use crate::answers::{Agreement, Answer, Answers};
use crate::i18n::Locale;
use crate::model::{CONTENT_VERSION, LIKERT_ITEMS, Question, SCENARIOS, Version};

const MAGIC: &str = "pcm1";

/// What is kept between reloads.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Progress {
    /// The questionnaire chosen.
    pub version: Version,
    /// The language last used.
    pub locale: Locale,
    /// The person opted in to keep answers on this device (local storage).
    pub remember: bool,
    /// The answers so far.
    pub answers: Answers,
}

/// Why stored progress could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ProgressError {
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
    pub fn encode(&self) -> String {
        let version = match self.version {
            Version::Quick => 'q',
            Version::Full => 'f',
        };
        let statements: String = (0..LIKERT_ITEMS.len())
            .map(|i| digit(self.answers.likert(i).map_or(0, Agreement::value)))
            .collect();
        let scenarios: String = (0..SCENARIOS.len())
            .map(|i| digit(self.answers.scenario(i).map_or(0, |option| option + 1)))
            .collect();
        format!(
            "{MAGIC}:{CONTENT_VERSION}:{version}:{}:{}:{statements}:{scenarios}",
            self.locale.code(),
            u8::from(self.remember)
        )
    }

    /// Reads a storage string, checking every field.
    pub fn decode(text: &str) -> Result<Progress, ProgressError> {
        let fields: Vec<&str> = text.split(':').collect();
        let [
            magic,
            content,
            version,
            locale,
            remember,
            statements,
            scenarios,
        ] = fields[..]
        else {
            return Err(if text.starts_with(MAGIC) {
                ProgressError::Damaged("field count")
            } else {
                ProgressError::NotOurs
            });
        };
        if magic != MAGIC {
            return Err(ProgressError::NotOurs);
        }
        let content: u16 = content
            .parse()
            .map_err(|_| ProgressError::Damaged("content version"))?;
        if content != CONTENT_VERSION {
            return Err(ProgressError::OtherContentVersion(content));
        }
        let version = match version {
            "q" => Version::Quick,
            "f" => Version::Full,
            _ => return Err(ProgressError::Damaged("version")),
        };
        let locale = Locale::ALL
            .into_iter()
            .find(|l| l.code() == locale)
            .ok_or(ProgressError::Damaged("locale"))?;
        let remember = match remember {
            "0" => false,
            "1" => true,
            _ => return Err(ProgressError::Damaged("remember")),
        };
        if statements.len() != LIKERT_ITEMS.len() || scenarios.len() != SCENARIOS.len() {
            return Err(ProgressError::Damaged("answer count"));
        }
        let mut answers = Answers::new();
        for (i, byte) in statements.bytes().enumerate() {
            let answer = match byte {
                b'0' => None,
                b'1'..=b'5' => Agreement::new(byte - b'0').map(Answer::Agree),
                _ => return Err(ProgressError::Damaged("statements")),
            };
            answers
                .set(Question::Likert(i), answer)
                .map_err(|_| ProgressError::Damaged("statements"))?;
        }
        for (i, byte) in scenarios.bytes().enumerate() {
            let answer = match byte {
                b'0' => None,
                b'1'..=b'9' => Some(Answer::Choose(byte - b'1')),
                _ => return Err(ProgressError::Damaged("scenarios")),
            };
            answers
                .set(Question::Scenario(i), answer)
                .map_err(|_| ProgressError::Damaged("scenarios"))?;
        }
        Ok(Progress {
            version,
            locale,
            remember,
            answers,
        })
    }
}

fn digit(value: u8) -> char {
    char::from(b'0' + value.min(9))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Progress {
        let mut answers = Answers::new();
        answers
            .set(Question::Likert(0), Agreement::new(5).map(Answer::Agree))
            .unwrap();
        answers
            .set(Question::Likert(38), Agreement::new(1).map(Answer::Agree))
            .unwrap();
        answers
            .set(Question::Scenario(9), Some(Answer::Choose(3)))
            .unwrap();
        Progress {
            version: Version::Full,
            locale: Locale::En,
            remember: true,
            answers,
        }
    }

    #[test]
    fn progress_round_trips() {
        let progress = sample();
        let text = progress.encode();
        assert!(text.starts_with("pcm1:1:f:en:1:5000"), "{text}");
        assert_eq!(Progress::decode(&text), Ok(progress));
        let empty = Progress {
            version: Version::Quick,
            locale: Locale::Es,
            remember: false,
            answers: Answers::new(),
        };
        assert_eq!(Progress::decode(&empty.encode()), Ok(empty));
    }

    #[test]
    fn foreign_damaged_and_other_version_data_is_refused() {
        let good = sample().encode();
        assert_eq!(Progress::decode(""), Err(ProgressError::NotOurs));
        assert_eq!(
            Progress::decode("{\"answers\":[]}"),
            Err(ProgressError::NotOurs)
        );
        assert_eq!(
            Progress::decode(&good.replacen(":1:", ":7:", 1)),
            Err(ProgressError::OtherContentVersion(7))
        );
        assert_eq!(
            Progress::decode(&good[..good.len() - 1]),
            Err(ProgressError::Damaged("answer count"))
        );
        assert_eq!(
            Progress::decode(&good.replace(":en:", ":fr:")),
            Err(ProgressError::Damaged("locale"))
        );
        assert_eq!(
            Progress::decode(&good.replace(":f:", ":x:")),
            Err(ProgressError::Damaged("version"))
        );
        let bad_rating = good.replacen("5000", "6000", 1);
        assert_eq!(
            Progress::decode(&bad_rating),
            Err(ProgressError::Damaged("statements"))
        );
        let bad_option = format!("{}{}", &good[..good.len() - 1], "5");
        assert_eq!(
            Progress::decode(&bad_option),
            Err(ProgressError::Damaged("scenarios"))
        );
    }

    #[test]
    fn decoding_arbitrary_text_never_panics() {
        let good = sample().encode();
        // Every prefix, and every single-byte change to a few awkward bytes.
        for end in 0..good.len() {
            let _ = Progress::decode(&good[..end]);
        }
        for i in 0..good.len() {
            for replacement in [":", "é", "\u{0}", "9", "a"] {
                let mut broken = good.clone();
                broken.replace_range(i..=i, replacement);
                let _ = Progress::decode(&broken);
            }
        }
    }
}
