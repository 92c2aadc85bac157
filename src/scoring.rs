//! Scoring: from answers to a profile of the 13 qualities. CONTENT.md explains it with a worked
//! example; every number that shapes a result is a named constant here, in one place.
//!
//! Pure core: no yew, web-sys or gloo. Integer arithmetic only, so a given set of answers gives
//! the same scores on every machine, and they never change within one content version.
//!
//! 1. Each answer becomes *observations*: points from 0 to 100 for a quality.
//!    - A statement rated 1–5 gives `(rating − 1) × 25` to its quality, or `(5 − rating) × 25`
//!      when it is reverse-keyed.
//!    - A scenario's chosen option gives its points to each quality the scenario measures.
//! 2. A quality's score is the weighted mean of its observations, rounded half up. A quality
//!    with no observation has no score ("no data"), never 0.
//! 3. Its band: below [`Band::PROGRESS_FROM`] "a desarrollar", below [`Band::STRENGTH_FROM`]
//!    "en progreso", otherwise "fortaleza".
//! 4. The overall index is the mean of the quality scores, rounded half up.
//! 5. Strengths and growth areas: see [`strengths`] and [`growth_areas`]; an "en progreso"
//!    score counts only where it stands above (or below) the person's own overall index.
//! 6. Answer-quality flags: see [`Flag`]. They add a note; they never block the result.

use crate::answers::{Agreement, Answers};
use crate::model::{LIKERT_ITEMS, Quality, SCALE_POINTS, SCENARIOS};

/// Weight of one rated statement in its quality's mean.
pub(crate) const STATEMENT_WEIGHT: u32 = 1;
/// Weight of one answered scenario in the mean of each quality it measures. Equal to a
/// statement: a choice in a concrete scene is one more observation, no more.
pub(crate) const SCENARIO_WEIGHT: u32 = 1;
/// How many strengths and growth areas the summary names.
pub(crate) const TOP_COUNT: usize = 3;
/// Straight-lining needs at least this many rated statements, all with the same rating.
pub(crate) const STRAIGHT_LINING_MIN_ANSWERS: usize = 6;
/// A side of a quality (its forward statements, or its reverse ones as rated, before flipping)
/// counts as agreed with when its mean rating reaches this many points: "De acuerdo" or more. A
/// quality contradicts itself when both sides are agreed with, a statement and its opposite.
/// Disagreeing with both is not flagged: rejecting two statements that are not exact opposites
/// can be consistent, and the note says "de acuerdo … y también con su contraria".
pub(crate) const CONTRADICTION_AGREEMENT: u8 = 75;
/// Contradictions are flagged when at least this many qualities contradict themselves.
pub(crate) const CONTRADICTION_MIN_QUALITIES: usize = 3;
/// An answer given less than this many milliseconds after its question appeared is a fast one:
/// too little to read a statement (the shortest takes about 3 s at 20 characters a second).
pub(crate) const TOO_FAST_MS: u32 = 2_000;
/// The speed flag needs at least this many timed answers.
pub(crate) const TOO_FAST_MIN_ANSWERS: u16 = 5;

/// A score band, with the advice written for it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum Band {
    /// "A desarrollar": 0 to 39.
    Develop,
    /// "En progreso": 40 to 69.
    Progress,
    /// "Fortaleza": 70 to 100.
    Strength,
}

impl Band {
    /// The lowest score of "en progreso".
    pub(crate) const PROGRESS_FROM: u8 = 40;
    /// The lowest score of "fortaleza".
    pub(crate) const STRENGTH_FROM: u8 = 70;

    /// The band of a 0–100 score.
    pub(crate) const fn of(score: u8) -> Band {
        if score >= Band::STRENGTH_FROM {
            Band::Strength
        } else if score >= Band::PROGRESS_FROM {
            Band::Progress
        } else {
            Band::Develop
        }
    }

    /// The position of the band, lowest first (the order of the advice in `text.toml`).
    pub(crate) const fn index(self) -> usize {
        self as usize
    }
}

/// What kind of answer an observation comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Source {
    /// A statement; `reverse` when it is reverse-keyed.
    Statement {
        /// The statement is reverse-keyed.
        reverse: bool,
    },
    /// A scenario.
    Scenario,
}

/// Points for one quality from one answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Observation {
    /// The quality.
    pub(crate) quality: Quality,
    /// 0 to 100.
    pub(crate) points: u8,
    /// Where it comes from.
    pub(crate) source: Source,
}

impl Observation {
    fn weight(self) -> u32 {
        match self.source {
            Source::Statement { .. } => STATEMENT_WEIGHT,
            Source::Scenario => SCENARIO_WEIGHT,
        }
    }
}

/// A note about how the questionnaire was answered. It never blocks the result.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Flag {
    /// Every rated statement got the same rating.
    StraightLining,
    /// In these qualities (at least [`CONTRADICTION_MIN_QUALITIES`]), agreeing with a statement
    /// and with its opposite. Not raised together with straight-lining, which explains it.
    Contradictions(Vec<Quality>),
    /// More than half of the timed answers came within [`TOO_FAST_MS`] of their question.
    TooFast,
}

/// How quickly questions were answered, when the interface recorded it.
///
/// Only a question's first answer counts, timed from the moment it appeared: changing an
/// answer later is quick by nature and says nothing about reading. A count of fast answers
/// rather than a mean, so that one long pause cannot hide a run of skimmed questions.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Timing {
    /// First answers timed.
    pub(crate) answers: u16,
    /// Of those, how many came within [`TOO_FAST_MS`].
    pub(crate) fast: u16,
}

impl Timing {
    /// Counts a first answer given `on_screen_ms` after its question appeared.
    #[must_use]
    pub(crate) fn record(self, on_screen_ms: u32) -> Timing {
        Timing {
            answers: self.answers.saturating_add(1),
            fast: self
                .fast
                .saturating_add(u16::from(on_screen_ms < TOO_FAST_MS)),
        }
    }

    /// At least [`TOO_FAST_MIN_ANSWERS`] timed, and more than half of them fast.
    pub(crate) fn too_fast(self) -> bool {
        self.answers >= TOO_FAST_MIN_ANSWERS && u32::from(self.fast) * 2 > u32::from(self.answers)
    }
}

/// The result: a score per quality and what follows from them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Profile {
    /// By [`Quality::index`]; `None` is "no data".
    pub(crate) scores: [Option<u8>; Quality::COUNT],
    /// The mean of the quality scores; `None` when nothing was answered.
    pub(crate) overall: Option<u8>,
    /// Up to [`TOP_COUNT`] strengths, strongest first.
    pub(crate) strengths: Vec<Quality>,
    /// Up to [`TOP_COUNT`] growth areas, weakest first.
    pub(crate) growth_areas: Vec<Quality>,
    /// Notes on how the questionnaire was answered.
    pub(crate) flags: Vec<Flag>,
}

impl Profile {
    /// The score of `quality`, if it has data.
    pub(crate) fn score(&self, quality: Quality) -> Option<u8> {
        self.scores[quality.index()]
    }

    /// The band of `quality`, if it has data.
    pub(crate) fn band(&self, quality: Quality) -> Option<Band> {
        self.score(quality).map(Band::of)
    }
}

/// Points of a 1–5 rating: 0, 25, 50, 75 or 100, flipped for a reverse-keyed statement.
pub(crate) const fn statement_points(rating: Agreement, reverse: bool) -> u8 {
    let steps = if reverse {
        SCALE_POINTS - rating.value()
    } else {
        rating.value() - 1
    };
    steps * (100 / (SCALE_POINTS - 1))
}

/// Every observation the answers give, in question order.
pub(crate) fn observations(answers: &Answers) -> Vec<Observation> {
    let statements = LIKERT_ITEMS.iter().enumerate().filter_map(|(i, item)| {
        answers.likert(i).map(|rating| Observation {
            quality: item.quality,
            points: statement_points(rating, item.reverse),
            source: Source::Statement {
                reverse: item.reverse,
            },
        })
    });
    let scenarios = SCENARIOS.iter().enumerate().flat_map(|(i, scenario)| {
        let chosen = answers
            .scenario(i)
            .and_then(|option| scenario.options.get(usize::from(option)));
        chosen.into_iter().flat_map(|option| {
            option.scores.iter().map(|&(quality, points)| Observation {
                quality,
                points,
                source: Source::Scenario,
            })
        })
    });
    statements.chain(scenarios).collect()
}

/// `numerator / denominator` rounded half up; `denominator` must not be 0.
const fn div_round(numerator: u32, denominator: u32) -> u32 {
    (2 * numerator + denominator) / (2 * denominator)
}

/// Each quality's weighted mean of its observations, rounded half up; `None` without any.
pub(crate) fn quality_scores(observations: &[Observation]) -> [Option<u8>; Quality::COUNT] {
    let mut sums = [(0_u32, 0_u32); Quality::COUNT];
    for observation in observations {
        let (points, weight) = &mut sums[observation.quality.index()];
        *points += u32::from(observation.points) * observation.weight();
        *weight += observation.weight();
    }
    // A mean of 0–100 values stays within 0–100, so the conversion cannot fail.
    sums.map(|(points, weight)| {
        (weight > 0).then(|| u8::try_from(div_round(points, weight)).unwrap_or(100))
    })
}

/// The mean of the scores that have data, rounded half up.
pub(crate) fn overall(scores: &[Option<u8>]) -> Option<u8> {
    let known: Vec<u32> = scores.iter().flatten().map(|&s| u32::from(s)).collect();
    let count = u32::try_from(known.len()).ok().filter(|&n| n > 0)?;
    u8::try_from(div_round(known.iter().sum(), count)).ok()
}

/// The qualities with data, each with its score.
fn scored(scores: &[Option<u8>; Quality::COUNT]) -> impl Iterator<Item = (Quality, u8)> + '_ {
    Quality::ALL
        .into_iter()
        .filter_map(|quality| scores[quality.index()].map(|score| (quality, score)))
}

/// Up to [`TOP_COUNT`] strengths: the highest scores that are "fortaleza", or "en progreso" and
/// above the person's own overall index. A middling score is a strength only where it stands out
/// from the rest of the profile: someone who rated everything alike has none. Ties go to the
/// quality that comes first in article order (the radar's order).
pub(crate) fn strengths(scores: &[Option<u8>; Quality::COUNT]) -> Vec<Quality> {
    let mean = overall(scores).unwrap_or(0);
    let ranked = scored(scores)
        .filter(|&(_, score)| match Band::of(score) {
            Band::Strength => true,
            Band::Progress => score > mean,
            Band::Develop => false,
        })
        .map(|(quality, score)| (quality, -i32::from(score)));
    sorted(ranked).take(TOP_COUNT).collect()
}

/// Up to [`TOP_COUNT`] growth areas: the lowest scores that are "a desarrollar", or "en
/// progreso" and below the person's own overall index, leaving out the strengths already named.
/// Ties go to the quality that comes first in article order.
pub(crate) fn growth_areas(
    scores: &[Option<u8>; Quality::COUNT],
    strengths: &[Quality],
) -> Vec<Quality> {
    let mean = overall(scores).unwrap_or(100);
    let ranked = scored(scores)
        .filter(|&(quality, score)| {
            let below = match Band::of(score) {
                Band::Develop => true,
                Band::Progress => score < mean,
                Band::Strength => false,
            };
            below && !strengths.contains(&quality)
        })
        .map(|(quality, score)| (quality, i32::from(score)));
    sorted(ranked).take(TOP_COUNT).collect()
}

/// Every quality, highest score first; qualities without data last; ties in article order.
/// The order of the table's "sort by score" view.
pub(crate) fn ranked(scores: &[Option<u8>; Quality::COUNT]) -> Vec<Quality> {
    // `None` sorts below every score.
    let all = Quality::ALL.map(|q| (q, scores[q.index()].map_or(1, |s| -i32::from(s))));
    sorted(all).collect()
}

/// The qualities of `keyed` by ascending key; equal keys keep their order (a stable sort).
/// An insertion sort, as there are at most [`Quality::COUNT`]: smaller in the wasm than the
/// standard library's sorts. Also orders the advice against a role's target.
pub(crate) fn sorted(
    keyed: impl IntoIterator<Item = (Quality, i32)>,
) -> impl Iterator<Item = Quality> {
    let mut items: Vec<(Quality, i32)> = Vec::with_capacity(Quality::COUNT);
    for item in keyed {
        let at = items.partition_point(|&(_, key)| key <= item.1);
        items.insert(at, item);
    }
    items.into_iter().map(|(quality, _)| quality)
}

/// The answer-quality flags.
pub(crate) fn flags(
    answers: &Answers,
    observations: &[Observation],
    timing: Option<Timing>,
) -> Vec<Flag> {
    let mut flags = Vec::new();

    let ratings: Vec<Agreement> = (0..LIKERT_ITEMS.len())
        .filter_map(|i| answers.likert(i))
        .collect();
    let straight_lining = ratings.len() >= STRAIGHT_LINING_MIN_ANSWERS
        && ratings.windows(2).all(|pair| pair[0] == pair[1]);
    if straight_lining {
        flags.push(Flag::StraightLining);
    } else {
        let contradicting = contradicting_qualities(observations);
        if contradicting.len() >= CONTRADICTION_MIN_QUALITIES {
            flags.push(Flag::Contradictions(contradicting));
        }
    }

    if timing.is_some_and(Timing::too_fast) {
        flags.push(Flag::TooFast);
    }
    flags
}

/// Qualities whose forward statements and reverse statements are both agreed with: each side's
/// mean, as rated (the reverse ones unflipped), at least [`CONTRADICTION_AGREEMENT`] points.
pub(crate) fn contradicting_qualities(observations: &[Observation]) -> Vec<Quality> {
    let side_mean = |quality: Quality, reverse: bool| {
        let points: Vec<u32> = observations
            .iter()
            .filter(|o| o.quality == quality && o.source == Source::Statement { reverse })
            .map(|o| u32::from(o.points))
            .collect();
        let count = u32::try_from(points.len()).ok().filter(|&n| n > 0)?;
        Some(div_round(points.iter().sum(), count))
    };
    Quality::ALL
        .into_iter()
        .filter(
            |&quality| match (side_mean(quality, false), side_mean(quality, true)) {
                // `points` are keyed: a reverse statement agreed with scores low.
                (Some(forward), Some(reverse)) => {
                    let agreed = u32::from(CONTRADICTION_AGREEMENT);
                    forward >= agreed && 100 - reverse.min(100) >= agreed
                }
                _ => false,
            },
        )
        .collect()
}

/// The whole profile of a set of answers.
pub(crate) fn profile(answers: &Answers, timing: Option<Timing>) -> Profile {
    let observations = observations(answers);
    let scores = quality_scores(&observations);
    let strengths = strengths(&scores);
    Profile {
        overall: overall(&scores),
        growth_areas: growth_areas(&scores, &strengths),
        strengths,
        flags: flags(answers, &observations, timing),
        scores,
    }
}

#[cfg(test)]
mod tests;

#[cfg(test)]
mod respondents;
