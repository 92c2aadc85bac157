//! Earlier attempts, kept on this device only when the person opts in ("Recordar en este
//! dispositivo"), so that the results can overlay one and show the change per quality.
//!
//! Pure core: no yew, web-sys or gloo. Each attempt is stored as one line, `<date> <code>`: the
//! day it was finished, `YYYY-MM-DD`, a space, and the [answer code](crate::answer_code) of the
//! version answered (as a share link carries it, without `#r=`). The code is compact, checksummed
//! and carries the content version.
//!
//! A line whose code is sound but of another content version (an attempt made before the
//! questions changed) is kept as it is, an [`Entry::EarlierVersion`]: its answers would not
//! match today's questions, so it is never compared, but it is the person's own past and is
//! shown as such, and written back unchanged, so that no later write erases it. Any other line
//! that cannot be read (a bad date, a damaged code) is skipped, and gone after the next write.

use crate::answer_code::{self, CodeError};
use crate::answers::Answers;
use crate::model::Version;

/// How many attempts are kept, of any content version; the oldest go first.
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

/// An attempt made with another version of the questions: only its day is read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct EarlierAttempt {
    /// The day it was finished, `YYYY-MM-DD`.
    pub(crate) date: String,
    /// Its answer code, exactly as stored, to be written back unchanged.
    code: String,
}

/// One line of the history.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Entry {
    /// An attempt of the current questions, which the results can compare with.
    Attempt(Attempt),
    /// An attempt of another version of the questions, shown but never compared.
    EarlierVersion(EarlierAttempt),
}

impl Entry {
    /// The day the attempt was finished, `YYYY-MM-DD`.
    pub(crate) fn date(&self) -> &str {
        match self {
            Entry::Attempt(attempt) => &attempt.date,
            Entry::EarlierVersion(earlier) => &earlier.date,
        }
    }
}

/// The attempts that can be compared with the result of `version` and `answers` (every one of
/// the current questions but that same result), each with its index in `entries`.
pub(crate) fn comparable<'a>(
    entries: &'a [Entry],
    version: Version,
    answers: &'a Answers,
) -> impl Iterator<Item = (usize, &'a Attempt)> + 'a {
    entries
        .iter()
        .enumerate()
        .filter_map(|(index, entry)| match entry {
            Entry::Attempt(attempt) => Some((index, attempt)),
            Entry::EarlierVersion(_) => None,
        })
        .filter(move |(_, attempt)| !attempt.is(version, answers))
}

/// The attempts made with another version of the questions, oldest first.
pub(crate) fn earlier_versions(entries: &[Entry]) -> impl Iterator<Item = &EarlierAttempt> {
    entries.iter().filter_map(|entry| match entry {
        Entry::Attempt(_) => None,
        Entry::EarlierVersion(earlier) => Some(earlier),
    })
}

/// The entries in the newest [`MAX_ATTEMPTS`] lines of a stored text, oldest first; lines that
/// cannot be read are skipped. Never inlined: a first visit has nothing stored and never runs it,
/// so the release build's split moves it out of the wasm's first part (tools/wasm-split).
#[inline(never)]
pub(crate) fn decode(text: &str) -> Vec<Entry> {
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
            if !valid_date {
                return None;
            }
            let date = date.to_owned();
            match answer_code::decode(code) {
                Ok(coded) => Some(Entry::Attempt(Attempt {
                    date,
                    version: coded.version,
                    answers: coded.answers,
                })),
                // Sound (the checksum holds), so it is kept exactly as it came.
                Err(CodeError::OtherContentVersion(_)) => {
                    Some(Entry::EarlierVersion(EarlierAttempt {
                        date,
                        code: code.to_owned(),
                    }))
                }
                Err(_) => None,
            }
        })
        .collect()
}

/// The stored text of `entries`.
pub(crate) fn encode(entries: &[Entry]) -> String {
    entries
        .iter()
        .map(|entry| match entry {
            Entry::Attempt(a) => {
                format!("{} {}", a.date, answer_code::encode(a.version, &a.answers))
            }
            Entry::EarlierVersion(earlier) => format!("{} {}", earlier.date, earlier.code),
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The entries of `stored` (what the device holds now, perhaps written by another tab) and of
/// `mine` (what this tab knows), each once, oldest first by day (a day's entries in the order
/// they came), the newest [`MAX_ATTEMPTS`] kept: so that two tabs finishing attempts both keep
/// theirs.
pub(crate) fn merge(stored: &[Entry], mine: &[Entry]) -> Vec<Entry> {
    let mut all = stored.to_vec();
    for entry in mine.iter().filter(|entry| !stored.contains(entry)) {
        // After every entry of its day or earlier (`YYYY-MM-DD` sorts as text): an insertion
        // into a list of at most a few dozen, rather than a general sort in the wasm.
        let at = all.partition_point(|other| other.date() <= entry.date());
        all.insert(at, entry.clone());
    }
    let excess = all.len().saturating_sub(MAX_ATTEMPTS);
    all.drain(..excess);
    all
}

/// `entries` with `attempt` added as the newest. Seeing the same result again (same version
/// and answers as the newest) only updates its date; at most [`MAX_ATTEMPTS`] are kept, earlier
/// versions' included.
pub(crate) fn record(entries: &[Entry], attempt: Attempt) -> Vec<Entry> {
    let mut next = entries.to_vec();
    match next.last_mut() {
        Some(Entry::Attempt(last)) if last.is(attempt.version, &attempt.answers) => {
            last.date = attempt.date;
        }
        _ => next.push(Entry::Attempt(attempt)),
    }
    let excess = next.len().saturating_sub(MAX_ATTEMPTS);
    next.drain(..excess);
    next
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answer_code::CONTENT_BYTE;
    use crate::answer_code::tests::{checked, next_content_code, written};
    use crate::answers::{Agreement, Answer};
    use crate::model::Question;

    fn quick(date: &str, rating: u8) -> Attempt {
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

    fn attempt(date: &str, rating: u8) -> Entry {
        Entry::Attempt(quick(date, rating))
    }

    /// An attempt of the next content version's questions, as its stored line reads.
    fn earlier(date: &str) -> Entry {
        Entry::EarlierVersion(EarlierAttempt {
            date: date.into(),
            code: next_content_code(),
        })
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
        // Lines of content version 2, and one of version 1 kept as an earlier-version entry.
        let text = "2026-10-01 EAEAurwOy9rZ\n\
                    2026-11-27 EQIBnslPgz1mZJD-XD9hwlPqG7XM7Ed7kg\n\
                    2026-12-31 EAIHtQ1NPdPPIAHR4w";
        let attempts = vec![
            Entry::EarlierVersion(EarlierAttempt {
                date: "2026-10-01".into(),
                code: "EAEAurwOy9rZ".into(),
            }),
            Entry::Attempt(Attempt {
                date: "2026-11-27".into(),
                version: Version::Full,
                answers: written(
                    "2000000000000400000000000000000000100000000000000005",
                    "d----a---b-c",
                ),
            }),
            Entry::Attempt(Attempt {
                date: "2026-12-31".into(),
                version: Version::Quick,
                answers: written("50001000000030000000000001", ""),
            }),
        ];
        assert_eq!(decode(text), attempts);
        assert_eq!(encode(&attempts), text);
    }

    #[test]
    fn attempts_of_another_content_version_are_kept_as_they_came() {
        let other = CONTENT_BYTE + 1;
        // A full code of the other version, longer than any of today's.
        let full = checked(&[&[0x11, other][..], &[0x5A; 30]].concat());
        let today = answer_code::encode(Version::Quick, &written("1234512345123", ""));
        let text = format!(
            "2026-09-30 {}\n2026-10-01 {full}\n2026-10-02 {today}",
            next_content_code()
        );
        let read = decode(&text);
        assert_eq!(
            read,
            [
                earlier("2026-09-30"),
                Entry::EarlierVersion(EarlierAttempt {
                    date: "2026-10-01".into(),
                    code: full.clone(),
                }),
                Entry::Attempt(Attempt {
                    date: "2026-10-02".into(),
                    version: Version::Quick,
                    answers: written("1234512345123", ""),
                }),
            ]
        );
        assert_eq!(encode(&read), text, "written back unchanged");
        let dates: Vec<&str> = earlier_versions(&read).map(|e| e.date.as_str()).collect();
        assert_eq!(dates, ["2026-09-30", "2026-10-01"]);
        // Not sound, or without a day: skipped, as any unreadable line.
        let mut damaged = full.into_bytes();
        damaged[8] = if damaged[8] == b'A' { b'B' } else { b'A' };
        let damaged = String::from_utf8(damaged).unwrap();
        let code = next_content_code();
        for line in [
            format!("2026-10-01 {damaged}"),
            format!("2026-1x-01 {code}"),
            format!("2026-10-01{code}"),
            format!("2026-10-01 {code} "),
            format!("2026-10-01  {code}"),
        ] {
            assert!(decode(&line).is_empty(), "{line}");
        }
    }

    #[test]
    fn captured_lines_of_content_version_1_are_written_back_unchanged_after_any_bump() {
        // Attempts or earlier-version entries, as the current content version says: either
        // way, every line stays as it was.
        let text = "2026-10-01 EAEAurwOy9rZ\n\
                    2026-11-23 EQEFdL9487KfSF23uKPjZEbkS_k\n\
                    2026-12-31 EAECiNTxAzaq";
        let read = decode(text);
        assert_eq!(read.len(), 3);
        assert_eq!(encode(&read), text);
        let merged = merge(&read, &record(&read, quick("2027-01-01", 2)));
        let kept = encode(&merged);
        assert_eq!(
            kept.lines().take(3).collect::<Vec<_>>(),
            text.lines().collect::<Vec<_>>()
        );
    }

    #[test]
    fn the_result_on_screen_and_other_versions_are_not_offered_for_comparison() {
        let entries = [
            attempt("2026-11-01", 2),
            earlier("2026-11-01"),
            attempt("2026-11-02", 4),
        ];
        let now = quick("2026-11-03", 4);
        let offered: Vec<usize> = comparable(&entries, now.version, &now.answers)
            .map(|(i, _)| i)
            .collect();
        assert_eq!(offered, [0]);
        let only_earlier = [earlier("2026-10-01"), earlier("2026-10-02")];
        assert_eq!(
            comparable(&only_earlier, now.version, &now.answers).count(),
            0
        );
        assert_eq!(earlier_versions(&only_earlier).count(), 2);
    }

    #[test]
    fn the_same_result_again_updates_the_date_and_the_list_is_capped() {
        let once = record(&[], quick("2026-11-01", 3));
        let again = record(&once, quick("2026-11-02", 3));
        assert_eq!(again, [attempt("2026-11-02", 3)]);
        let mut many = Vec::new();
        for day in 1..=25 {
            many = record(
                &many,
                quick(&format!("2026-10-{day:02}"), 1 + (day % 5) as u8),
            );
        }
        assert_eq!(many.len(), MAX_ATTEMPTS);
        assert_eq!(many.last().map(Entry::date), Some("2026-10-25"));
    }

    #[test]
    fn recording_keeps_other_versions_and_caps_them_oldest_first() {
        let past: Vec<Entry> = (1..=3)
            .map(|day| earlier(&format!("2026-09-{day:02}")))
            .collect();
        let next = record(&past, quick("2026-11-01", 3));
        assert_eq!(next[..3], past[..]);
        assert_eq!(next[3], attempt("2026-11-01", 3));
        let mut many = past.clone();
        for day in 1..=18 {
            many = record(
                &many,
                quick(&format!("2026-10-{day:02}"), 1 + (day % 5) as u8),
            );
        }
        assert_eq!(many.len(), MAX_ATTEMPTS);
        assert_eq!(many[..2], past[1..], "the oldest went first");
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
        let many: Vec<Entry> = (1..=25)
            .map(|day| attempt(&format!("2026-10-{day:02}"), 1 + (day % 5) as u8))
            .collect();
        let merged = merge(&many[..15], &many[10..]);
        assert_eq!(merged, many[5..]);
    }

    #[test]
    fn merging_keeps_other_versions_once_in_day_order() {
        let (old, a, b) = (
            earlier("2026-09-01"),
            attempt("2026-11-20", 1),
            attempt("2026-11-26", 2),
        );
        // The device still holds the old entry; this tab read it too, or never did.
        let both = [old.clone(), a.clone(), b.clone()];
        assert_eq!(
            merge(&[old.clone(), a.clone()], &[old.clone(), b.clone()]),
            both
        );
        assert_eq!(
            merge(&[old.clone(), a.clone()], std::slice::from_ref(&b)),
            both
        );
        // Another tab wrote only the old entry back: this tab's come after it.
        assert_eq!(
            merge(std::slice::from_ref(&old), &[a.clone(), b.clone()]),
            both
        );
        assert_eq!(decode(&encode(&both)), both);
    }
}
