//! Simulated respondents on the real content, for both versions: what the questionnaire makes
//! of people who answer without reading, at random, or consistently. A profile that calls
//! everyone strong is not honest, however well it is drawn; these tests keep the content from
//! drifting back there. CONTENT.md ("Simulated respondents") reports the figures pinned here.

use crate::answers::{Agreement, Answer, Answers};
use crate::model::{LIKERT_ITEMS, Quality, Question, SCALE_POINTS, SCENARIOS, Version};
use crate::scoring::{Band, Flag, Profile, profile};

/// The answers of someone who gives rating `rating` to every statement of `version` and, in the
/// full version, the option at position `option` (wrapping) in every scenario.
fn same_everywhere(version: Version, rating: u8, option: usize) -> Answers {
    let mut answers = Answers::new();
    for question in version.questions() {
        let answer = match question {
            Question::Likert(_) => Answer::Agree(Agreement::new(rating).expect("1 to 5")),
            Question::Scenario(i) => Answer::Choose((option % SCENARIOS[i].options.len()) as u8),
        };
        answers.set(question, Some(answer)).expect("a valid answer");
    }
    answers
}

/// Bands of every quality with data.
fn bands(profile: &Profile) -> impl Iterator<Item = (Quality, Band)> + '_ {
    Quality::ALL
        .into_iter()
        .filter_map(|q| profile.band(q).map(|band| (q, band)))
}

#[test]
fn answering_the_same_everywhere_gives_no_strength_and_a_middle_overall() {
    for version in [Version::Quick, Version::Full] {
        let positions = match version {
            Version::Quick => 1,
            Version::Full => 4,
        };
        for rating in 1..=SCALE_POINTS {
            for option in 0..positions {
                let p = profile(&same_everywhere(version, rating, option), None);
                let case = format!("{version:?}, rating {rating}, option {option}");
                for (quality, band) in bands(&p) {
                    assert_ne!(band, Band::Strength, "{case}: {quality:?} {p:?}");
                }
                let overall = p.overall.expect("answered");
                assert_eq!(
                    Band::of(overall),
                    Band::Progress,
                    "{case}: overall {overall}"
                );
                assert!(p.flags.contains(&Flag::StraightLining), "{case}");
                if version == Version::Quick {
                    // Every quality at 50: none stands out, so none is called a strength.
                    assert_eq!((&p.strengths[..], &p.growth_areas[..]), (&[][..], &[][..]));
                }
            }
        }
    }
}

#[test]
fn in_the_quick_version_the_same_rating_everywhere_is_exactly_50() {
    // Each quality is one statement and its opposite: any rating r gives (r − 1) × 25 and
    // (5 − r) × 25, which always add up to 100.
    for rating in 1..=SCALE_POINTS {
        let p = profile(&same_everywhere(Version::Quick, rating, 0), None);
        assert_eq!(p.scores, [Some(50); Quality::COUNT], "rating {rating}");
    }
}

/// A small deterministic generator (xorshift64*), so that the figures of CONTENT.md are the
/// same on every machine and pinned by the test below.
struct Dice(u64);

impl Dice {
    fn roll(&mut self, sides: usize) -> usize {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        (self.0.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 33) as usize % sides
    }
}

/// What `count` respondents answering every question of `version` at random give.
struct Spread {
    /// Overall index at the 5th, 50th and 95th percentile, lowest and highest.
    overall: [u8; 5],
    /// Of all quality scores, the share in each band, in per mille: develop, progress, strength.
    bands: [u32; 3],
    /// Respondents with at least one strength, per mille.
    with_a_strength: u32,
    /// Respondents flagged for contradictions, per mille.
    contradicting: u32,
}

fn random_respondents(version: Version, count: usize) -> Spread {
    let mut dice = Dice(0x5EED_CAFE_F00D_0001);
    let mut overall = Vec::with_capacity(count);
    let mut in_band = [0_u32; 3];
    let (mut with_a_strength, mut contradicting) = (0, 0);
    for _ in 0..count {
        let mut answers = Answers::new();
        for question in version.questions() {
            let answer = match question {
                Question::Likert(_) => {
                    let rating = 1 + dice.roll(usize::from(SCALE_POINTS)) as u8;
                    Answer::Agree(Agreement::new(rating).expect("1 to 5"))
                }
                Question::Scenario(_) => Answer::Choose(dice.roll(question.choices()) as u8),
            };
            answers.set(question, Some(answer)).expect("a valid answer");
        }
        let p = profile(&answers, None);
        overall.push(p.overall.expect("answered"));
        for (_, band) in bands(&p) {
            in_band[band.index()] += 1;
        }
        with_a_strength += u32::from(bands(&p).any(|(_, b)| b == Band::Strength));
        contradicting += u32::from(p.flags.iter().any(|f| matches!(f, Flag::Contradictions(_))));
    }
    overall.sort_unstable();
    let at = |per_cent: usize| overall[(overall.len() - 1) * per_cent / 100];
    let total: u32 = in_band.iter().sum();
    let per_mille = |n: u32, of: u32| (n * 1000 + of / 2) / of;
    let people = count as u32;
    Spread {
        overall: [
            at(5),
            at(50),
            at(95),
            overall[0],
            overall[overall.len() - 1],
        ],
        bands: in_band.map(|n| per_mille(n, total)),
        with_a_strength: per_mille(with_a_strength, people),
        contradicting: per_mille(contradicting, people),
    }
}

/// The figures CONTENT.md reports: change both together.
#[test]
fn random_answers_spread_across_the_bands() {
    const PEOPLE: usize = 10_000;
    for (version, overall, bands, with_a_strength, contradicting) in [
        (
            Version::Quick,
            [39, 50, 62, 24, 75],
            [400, 361, 239],
            969,
            347,
        ),
        (Version::Full, [42, 50, 57, 32, 66], [257, 647, 95], 709, 38),
    ] {
        let spread = random_respondents(version, PEOPLE);
        println!(
            "{version:?}: overall p5/p50/p95/min/max {:?}, bands ‰ {:?}, with a strength ‰ {}, \
             contradicting ‰ {}",
            spread.overall, spread.bands, spread.with_a_strength, spread.contradicting
        );
        assert_eq!(spread.overall, overall, "{version:?}");
        assert_eq!(spread.bands, bands, "{version:?}");
        assert_eq!(spread.with_a_strength, with_a_strength, "{version:?}");
        assert_eq!(spread.contradicting, contradicting, "{version:?}");
    }
}

/// Someone who knows what they are like: strong in the first article's qualities (agrees with
/// the statements, disagrees with their opposites, picks the best option), weaker in the
/// second's (the reverse), without going to the extremes of the scale.
fn consistent(version: Version) -> Answers {
    let mut answers = Answers::new();
    let strong = |q: Quality| q.index() < 5;
    for question in version.questions() {
        let answer = match question {
            Question::Likert(i) => {
                let item = &LIKERT_ITEMS[i];
                let agrees = strong(item.quality) != item.reverse;
                Answer::Agree(Agreement::new(if agrees { 4 } else { 2 }).expect("1 to 5"))
            }
            Question::Scenario(i) => {
                // The option that shows most of the strong qualities and least of the weak
                // ones, the strong counting double: someone who knows where they stand.
                let fit = |scores: &[(Quality, u8)]| {
                    scores
                        .iter()
                        .map(|&(q, p)| {
                            if strong(q) {
                                2 * i32::from(p)
                            } else {
                                -i32::from(p)
                            }
                        })
                        .sum::<i32>()
                };
                let options = &SCENARIOS[i].options;
                let chosen = (0..options.len())
                    .max_by_key(|&o| fit(options[o].scores))
                    .unwrap_or(0);
                Answer::Choose(chosen as u8)
            }
        };
        answers.set(question, Some(answer)).expect("a valid answer");
    }
    answers
}

#[test]
fn a_consistent_profile_raises_no_note_and_is_told_apart() {
    for version in [Version::Quick, Version::Full] {
        let p = profile(&consistent(version), None);
        assert_eq!(p.flags, [], "{version:?}");
        for quality in Quality::ALL.into_iter().take(5) {
            assert!(
                p.score(quality) >= Some(70),
                "{version:?} {quality:?}: {p:?}"
            );
        }
        // A scenario that measures a strong and a weak quality pulls the weak one up a little
        // (dia-tranquilo: iniciativa and compartir), so "weak" here is below the middle.
        for quality in Quality::ALL.into_iter().skip(5) {
            assert!(
                p.score(quality) < Some(50),
                "{version:?} {quality:?}: {p:?}"
            );
        }
    }
}

#[test]
fn agreeing_with_every_statement_and_its_opposite_is_noted() {
    // "De acuerdo" or more on both sides, not all the same rating (so not straight-lining).
    for version in [Version::Quick, Version::Full] {
        let mut answers = same_everywhere(version, 4, 0);
        let first = version.questions()[0];
        answers
            .set(first, Some(Answer::Agree(Agreement::new(5).expect("5"))))
            .expect("a valid answer");
        let p = profile(&answers, None);
        assert!(
            matches!(&p.flags[..], [Flag::Contradictions(qualities)] if qualities.len() == Quality::COUNT),
            "{version:?}: {:?}",
            p.flags
        );
    }
}
