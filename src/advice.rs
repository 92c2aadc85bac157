//! Advice selection: which advice to show, in which order, and the notes on how the
//! questionnaire was answered.
//!
//! Pure core: no yew, web-sys or gloo. The advice texts themselves are content
//! (`content/<locale>/text.toml`), one per quality and band.

use crate::i18n::{Locale, fill};
use crate::model::{Advice, Quality};
use crate::scoring::{self, Band, Flag, Profile};
use crate::target::{Target, Verdict};

/// The qualities to give advice on, in the order to show them. With a role's `target`, the
/// qualities below it come first, furthest below first (ties in article order); then the growth
/// areas (weakest first), then every other quality with data in article order. Qualities
/// without data get none.
pub(crate) fn order(profile: &Profile, target: Option<&Target>) -> Vec<Quality> {
    let below = below_target(profile, target);
    let growth = profile.growth_areas.iter().copied();
    let rest = Quality::ALL
        .into_iter()
        .filter(|q| profile.score(*q).is_some() && !profile.growth_areas.contains(q));
    let others = growth.chain(rest).filter(|q| !below.contains(q));
    below.iter().copied().chain(others).collect()
}

/// The qualities whose score is [`Verdict::Below`] the `target`, furthest below first.
pub(crate) fn below_target(profile: &Profile, target: Option<&Target>) -> Vec<Quality> {
    let Some(target) = target else {
        return Vec::new();
    };
    let gaps = Quality::ALL.into_iter().filter_map(|quality| {
        let score = profile.score(quality)?;
        let level = target.level(quality)?;
        let below = Verdict::of(score, level) == Verdict::Below;
        // The larger the gap, the smaller the key, the earlier the quality.
        below.then(|| (quality, i32::from(score) - i32::from(level)))
    });
    scoring::sorted(gaps).collect()
}

/// What `quality` is, in one sentence: the start of its advice.
pub(crate) fn meaning(locale: Locale, quality: Quality) -> &'static str {
    results_words(locale)
        .descriptions
        .get(quality.index())
        .copied()
        .unwrap_or_default()
}

/// The advice for `quality` in `band`.
pub(crate) fn for_quality(locale: Locale, quality: Quality, band: Band) -> &'static Advice {
    &results_words(locale).advice[quality.index()][band.index()]
}

/// The overall reading, by the band of the overall index; `None` without any answer.
pub(crate) fn summary(locale: Locale, profile: &Profile) -> Option<&'static str> {
    let summary = results_words(locale).summary;
    profile
        .overall
        .map(|overall| summary[Band::of(overall).index()])
}

/// The words that only the results read, in `locale`: the qualities' descriptions, the advice
/// and the overall readings.
///
/// The only reader of `LaterWords::descriptions`, `LaterWords::advice` and
/// `LaterWords::summary`. In the release, the source language's are in the wasm's second part
/// (`PERFIL_CM_LATER_WORDS`, moved by `tools/wasm-split`), and so is this function, so that
/// calling it brings that part before the words are read. Never inlined, so that the tool finds
/// it; it refuses to split without it.
#[inline(never)]
fn results_words(locale: Locale) -> ResultsWords {
    let later = locale.later();
    ResultsWords {
        descriptions: later.descriptions,
        advice: later.advice,
        summary: later.summary,
    }
}

/// What [`results_words`] returns.
struct ResultsWords {
    descriptions: &'static [&'static str],
    advice: &'static [[Advice; 3]],
    summary: [&'static str; 3],
}

/// The gentle note for an answer-quality flag.
pub(crate) fn note(locale: Locale, flag: &Flag) -> String {
    let later = crate::i18n::later_ui(locale);
    match flag {
        Flag::StraightLining => later.note_straight_lining.to_owned(),
        Flag::TooFast => later.note_too_fast.to_owned(),
        Flag::Contradictions(qualities) => {
            let names: Vec<&str> = qualities
                .iter()
                .map(|q| locale.texts().quality(*q).label)
                .collect();
            fill(
                later.note_contradictions,
                &[("qualities", &names.join(", "))],
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn profile_with(scores: &[(Quality, u8)], growth_areas: &[Quality]) -> Profile {
        let mut all = [None; Quality::COUNT];
        for &(quality, score) in scores {
            all[quality.index()] = Some(score);
        }
        Profile {
            scores: all,
            overall: Some(50),
            strengths: Vec::new(),
            growth_areas: growth_areas.to_vec(),
            flags: Vec::new(),
        }
    }

    #[test]
    fn growth_areas_come_first_then_article_order_and_no_data_is_skipped() {
        let profile = profile_with(
            &[
                (Quality::Pasion, 80),
                (Quality::Escucha, 10),
                (Quality::Equipo, 30),
                (Quality::Experiencia, 60),
            ],
            &[Quality::Escucha, Quality::Equipo],
        );
        assert_eq!(
            order(&profile, None),
            [
                Quality::Escucha,
                Quality::Equipo,
                Quality::Pasion,
                Quality::Experiencia
            ]
        );
    }

    #[test]
    fn qualities_below_the_target_come_first_furthest_below_first() {
        let profile = profile_with(
            &[
                (Quality::Pasion, 80),
                (Quality::Escucha, 10),
                (Quality::Equipo, 30),
                (Quality::Experiencia, 60),
            ],
            &[Quality::Escucha, Quality::Equipo],
        );
        let mut levels = [None; Quality::COUNT];
        // Pasión 100 − 80 = 20 below; Experiencia 90 − 60 = 30 below; Escucha is not required;
        // Equipo 40 − 30 = 10 is only close.
        levels[Quality::Pasion.index()] = Some(100);
        levels[Quality::Experiencia.index()] = Some(90);
        levels[Quality::Equipo.index()] = Some(40);
        let target = Target::new(levels, "");
        assert_eq!(
            order(&profile, Some(&target)),
            [
                Quality::Experiencia,
                Quality::Pasion,
                Quality::Escucha,
                Quality::Equipo,
            ]
        );
        assert_eq!(
            below_target(&profile, Some(&target)),
            [Quality::Experiencia, Quality::Pasion]
        );
        assert!(below_target(&profile, None).is_empty());
    }

    #[test]
    fn advice_and_summary_follow_the_band() {
        let develop = for_quality(Locale::Es, Quality::Escucha, Band::Develop);
        let strength = for_quality(Locale::Es, Quality::Escucha, Band::Strength);
        assert_ne!(develop, strength);
        assert!((2..=3).contains(&develop.actions.len()));
        let mut profile = profile_with(&[], &[]);
        profile.overall = Some(Band::STRENGTH_FROM);
        assert_eq!(
            summary(Locale::En, &profile),
            Some(Locale::En.later().summary[2])
        );
        profile.overall = None;
        assert_eq!(summary(Locale::En, &profile), None);
    }

    #[test]
    fn the_contradiction_note_names_the_qualities_in_the_locale() {
        let flag = Flag::Contradictions(vec![Quality::Pasion, Quality::Templanza]);
        let es = note(Locale::Es, &flag);
        assert!(es.contains("Pasión, Templanza"), "{es}");
        let en = note(Locale::En, &flag);
        assert!(
            en.contains(Locale::En.texts().quality(Quality::Templanza).label),
            "{en}"
        );
        assert!(!en.contains('{'), "placeholder left: {en}");
    }
}
