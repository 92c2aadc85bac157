//! Advice selection: which advice to show, in which order, and the notes on how the
//! questionnaire was answered.
//!
//! Pure core: no yew, web-sys or gloo. The advice texts themselves are content
//! (`content/<locale>/text.toml`), one per quality and band.

use crate::i18n::{Locale, fill};
use crate::model::{Advice, Quality};
use crate::scoring::{Band, Flag, Profile};

/// The qualities to give advice on, in the order to show them: the growth areas first (weakest
/// first), then every other quality with data in article order. Qualities without data get none.
pub(crate) fn order(profile: &Profile) -> Vec<Quality> {
    let rest = Quality::ALL
        .into_iter()
        .filter(|q| profile.score(*q).is_some() && !profile.growth_areas.contains(q));
    profile.growth_areas.iter().copied().chain(rest).collect()
}

/// The advice for `quality` in `band`.
pub(crate) fn for_quality(locale: Locale, quality: Quality, band: Band) -> &'static Advice {
    &locale.texts().advice[quality.index()][band.index()]
}

/// The overall reading, by the band of the overall index; `None` without any answer.
pub(crate) fn summary(locale: Locale, profile: &Profile) -> Option<&'static str> {
    profile
        .overall
        .map(|overall| locale.texts().summary[Band::of(overall).index()])
}

/// The gentle note for an answer-quality flag.
pub(crate) fn note(locale: Locale, flag: &Flag) -> String {
    let ui = locale.ui();
    match flag {
        Flag::StraightLining => ui.note_straight_lining.to_owned(),
        Flag::TooFast => ui.note_too_fast.to_owned(),
        Flag::Contradictions(qualities) => {
            let names: Vec<&str> = qualities
                .iter()
                .map(|q| locale.texts().quality(*q).label)
                .collect();
            fill(ui.note_contradictions, &[("qualities", &names.join(", "))])
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
            order(&profile),
            [
                Quality::Escucha,
                Quality::Equipo,
                Quality::Pasion,
                Quality::Experiencia
            ]
        );
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
            Some(Locale::En.texts().summary[2])
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
