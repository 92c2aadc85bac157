//! Earlier attempts, kept on this device only when the person opts in ("Recordar en este
//! dispositivo"), so that the results can overlay one and show the change per quality.
//!
//! Pure core: no yew, web-sys or gloo. Each attempt is stored as one line, `<date> <code>`: the
//! day it was finished, `YYYY-MM-DD`, a space, and the [answer code](crate::answer_code) of the
//! version answered (as a share link carries it, without `#r=`). The code is compact, checksummed
//! and carries the content version, so a damaged or outdated line is simply skipped.

use crate::answer_code;
use crate::answers::Answers;
use crate::model::Version;

/// How many attempts are kept; the oldest go first.
pub(crate) const MAX_ATTEMPTS: usize = 20;

/// One finished attempt.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Attempt {
    /// The day it was finished, `YYYY-MM-DD`.
    pub(crate) date: String,
    /// The version answered.
    pub(crate) version: Version,
    /// The answers given.
    pub(crate) answers: Answers,
}

impl Attempt {
    /// Whether this attempt is the result `version` and `answers` give.
    pub(crate) fn is(&self, version: Version, answers: &Answers) -> bool {
        self.version == version && self.answers == *answers
    }
}

/// The attempts that can be compared with the result of `version` and `answers` (every one but
/// that same result), each with its index in `attempts`.
pub(crate) fn comparable<'a>(
    attempts: &'a [Attempt],
    version: Version,
    answers: &'a Answers,
) -> impl Iterator<Item = (usize, &'a Attempt)> + 'a {
    attempts
        .iter()
        .enumerate()
        .filter(move |(_, attempt)| !attempt.is(version, answers))
}

/// The attempts in the newest [`MAX_ATTEMPTS`] lines of a stored text, oldest first; lines that
/// cannot be read are skipped.
pub(crate) fn decode(text: &str) -> Vec<Attempt> {
    // Only the newest lines are read: a record grown huge (by hand, or by another app on the
    // same origin) must not delay the first screen.
    let mut newest: Vec<&str> = text.lines().rev().take(MAX_ATTEMPTS).collect();
    newest.reverse();
    newest
        .into_iter()
        .filter_map(|line| {
            let (date, code) = line.split_once(' ')?;
            let valid_date = date.len() == 10
                && date.bytes().enumerate().all(|(i, b)| {
                    if i == 4 || i == 7 {
                        b == b'-'
                    } else {
                        b.is_ascii_digit()
                    }
                });
            let coded = answer_code::decode(code).ok().filter(|_| valid_date)?;
            Some(Attempt {
                date: date.to_owned(),
                version: coded.version,
                answers: coded.answers,
            })
        })
        .collect()
}

/// The stored text of `attempts`.
pub(crate) fn encode(attempts: &[Attempt]) -> String {
    attempts
        .iter()
        .map(|a| format!("{} {}", a.date, answer_code::encode(a.version, &a.answers)))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The attempts of `stored` (what the device holds now, perhaps written by another tab) and of
/// `mine` (what this tab knows), each once, oldest first by day (a day's attempts in the order
/// they came), the newest [`MAX_ATTEMPTS`] kept: so that two tabs finishing attempts both keep
/// theirs.
pub(crate) fn merge(stored: &[Attempt], mine: &[Attempt]) -> Vec<Attempt> {
    let mut all = stored.to_vec();
    for attempt in mine.iter().filter(|attempt| !stored.contains(attempt)) {
        // After every attempt of its day or earlier (`YYYY-MM-DD` sorts as text): an insertion
        // into a list of at most a few dozen, rather than a general sort in the wasm.
        let at = all.partition_point(|other| other.date <= attempt.date);
        all.insert(at, attempt.clone());
    }
    let excess = all.len().saturating_sub(MAX_ATTEMPTS);
    all.drain(..excess);
    all
}

/// `attempts` with `attempt` added as the newest. Seeing the same result again (same version
/// and answers as the newest) only updates its date; at most [`MAX_ATTEMPTS`] are kept.
pub(crate) fn record(attempts: &[Attempt], attempt: Attempt) -> Vec<Attempt> {
    let mut next = attempts.to_vec();
    match next.last_mut() {
        Some(last) if last.is(attempt.version, &attempt.answers) => {
            last.date = attempt.date;
        }
        _ => next.push(attempt),
    }
    let excess = next.len().saturating_sub(MAX_ATTEMPTS);
    next.drain(..excess);
    next
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answer_code::tests::written;
    use crate::answers::{Agreement, Answer};
    use crate::model::Question;

    fn attempt(date: &str, rating: u8) -> Attempt {
        let mut answers = Answers::new();
        answers
            .set(
                Question::Likert(0),
                Agreement::new(rating).map(Answer::Agree),
            )
            .unwrap();
        Attempt {
            date: date.into(),
            version: Version::Quick,
            answers,
        }
    }

    #[test]
    fn attempts_round_trip_and_bad_lines_are_skipped() {
        let attempts = vec![attempt("2026-10-01", 2), attempt("2026-11-23", 5)];
        let text = encode(&attempts);
        assert_eq!(decode(&text), attempts);
        let damaged = format!(
            "garbage\n2026-13-xx {}\n{text}\n2026-11-24 r=AAAA",
            answer_code::encode(Version::Quick, &Answers::new())
        );
        assert_eq!(decode(&damaged), attempts);
        assert!(decode("").is_empty());
    }

    #[test]
    fn only_the_newest_lines_of_a_huge_record_are_read() {
        let line = encode(&[attempt("2026-10-01", 2)]);
        let mut text = vec![line.as_str(); 150_000].join("\n");
        text.push('\n');
        text.push_str(&encode(&[attempt("2026-11-26", 5)]));
        let read = decode(&text);
        assert_eq!(read.len(), MAX_ATTEMPTS);
        assert_eq!(read.last(), Some(&attempt("2026-11-26", 5)));
    }

    #[test]
    fn captured_history_opens_and_is_written_unchanged() {
        let text = "2026-10-01 EAEAurwOy9rZ\n\
                    2026-11-23 EQEFdL9487KfSF23uKPjZEbkS_k\n\
                    2026-12-31 EAECiNTxAzaq";
        let attempts = vec![
            Attempt {
                date: "2026-10-01".into(),
                version: Version::Quick,
                answers: written("1234512345123", ""),
            },
            Attempt {
                date: "2026-11-23".into(),
                version: Version::Full,
                answers: written("200000000000040000001000000000000000005", "d----a---b"),
            },
            Attempt {
                date: "2026-12-31".into(),
                version: Version::Quick,
                answers: written("5000100000003", ""),
            },
        ];
        assert_eq!(decode(text), attempts);
        assert_eq!(encode(&attempts), text);
    }

    #[test]
    fn the_result_on_screen_is_not_offered_for_comparison() {
        let attempts = [attempt("2026-11-01", 2), attempt("2026-11-02", 4)];
        let now = &attempts[1];
        let offered: Vec<usize> = comparable(&attempts, now.version, &now.answers)
            .map(|(i, _)| i)
            .collect();
        assert_eq!(offered, [0]);
    }

    #[test]
    fn the_same_result_again_updates_the_date_and_the_list_is_capped() {
        let once = record(&[], attempt("2026-11-01", 3));
        let again = record(&once, attempt("2026-11-02", 3));
        assert_eq!(again, [attempt("2026-11-02", 3)]);
        let mut many = Vec::new();
        for day in 1..=25 {
            many = record(
                &many,
                attempt(&format!("2026-10-{day:02}"), 1 + (day % 5) as u8),
            );
        }
        assert_eq!(many.len(), MAX_ATTEMPTS);
        assert_eq!(many.last().map(|a| a.date.as_str()), Some("2026-10-25"));
    }

    #[test]
    fn merging_keeps_both_tabs_attempts_once_in_day_order() {
        let (a, b, c) = (
            attempt("2026-11-20", 1),
            attempt("2026-11-26", 2),
            attempt("2026-11-26", 3),
        );
        let stored = [a.clone(), b.clone()];
        let mine = [a.clone(), c.clone()];
        assert_eq!(merge(&stored, &mine), [a.clone(), b, c]);
        assert_eq!(merge(&[], std::slice::from_ref(&a)), [a]);
        let many: Vec<Attempt> = (1..=25)
            .map(|day| attempt(&format!("2026-10-{day:02}"), 1 + (day % 5) as u8))
            .collect();
        let merged = merge(&many[..15], &many[10..]);
        assert_eq!(merged, many[5..]);
    }
}
