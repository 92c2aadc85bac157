//! Scoring, checked against hand-computed cases on the real content (CONTENT.md has the
//! worked example) and on synthetic score tables for the ranking and tie rules.

use crate::answers::{Agreement, Answer, Answers};
use crate::model::{LIKERT_ITEMS, Quality, Question, SCENARIOS, Version};
use crate::scoring::{
    self, Band, CONTRADICTION_MIN_QUALITIES, Flag, STRAIGHT_LINING_MIN_ANSWERS,
    TOO_FAST_MIN_ANSWERS, TOO_FAST_MS, Timing, profile,
};

/// The position of the Likert item with `id`.
fn item(id: &str) -> Question {
    let index = LIKERT_ITEMS.iter().position(|i| i.id == id);
    Question::Likert(index.unwrap_or_else(|| panic!("no item {id}")))
}

/// The position of the scenario with `id` and of its option `option`.
fn scenario(id: &str, option: &str) -> (Question, Answer) {
    let index = SCENARIOS
        .iter()
        .position(|s| s.id == id)
        .unwrap_or_else(|| panic!("no scenario {id}"));
    let chosen = SCENARIOS[index]
        .options
        .iter()
        .position(|o| o.id == option)
        .expect("option");
    (Question::Scenario(index), Answer::Choose(chosen as u8))
}

fn rate(answers: &mut Answers, question: Question, rating: u8) {
    let rating = Agreement::new(rating).expect("1 to 5");
    answers
        .set(question, Some(Answer::Agree(rating)))
        .expect("valid answer");
}

/// Every statement answered the same way relative to its keying: `favourable` (5 to a forward
/// statement, 1 to a reverse one) or its opposite.
fn all_statements(favourable: bool) -> Answers {
    let mut answers = Answers::new();
    for (i, statement) in LIKERT_ITEMS.iter().enumerate() {
        let rating = if favourable != statement.reverse {
            5
        } else {
            1
        };
        rate(&mut answers, Question::Likert(i), rating);
    }
    answers
}

fn scores_of(pairs: &[(Quality, u8)]) -> [Option<u8>; Quality::COUNT] {
    let mut scores = [None; Quality::COUNT];
    for &(quality, score) in pairs {
        scores[quality.index()] = Some(score);
    }
    scores
}

#[test]
fn statement_points_step_by_25_and_flip_for_reverse_items() {
    let points: Vec<_> = (1..=5)
        .map(|r| scoring::statement_points(Agreement::new(r).unwrap(), false))
        .collect();
    assert_eq!(points, [0, 25, 50, 75, 100]);
    let reverse: Vec<_> = (1..=5)
        .map(|r| scoring::statement_points(Agreement::new(r).unwrap(), true))
        .collect();
    assert_eq!(reverse, [100, 75, 50, 25, 0]);
}

#[test]
fn all_favourable_answers_give_100_everywhere() {
    let mut answers = all_statements(true);
    for (i, s) in SCENARIOS.iter().enumerate() {
        let best = s
            .options
            .iter()
            .position(|o| o.scores.iter().all(|&(_, p)| p == 100));
        let best = best.unwrap_or_else(|| panic!("{} has no all-100 option", s.id));
        answers
            .set(Question::Scenario(i), Some(Answer::Choose(best as u8)))
            .unwrap();
    }
    let p = profile(&answers, None);
    assert_eq!(p.scores, [Some(100); Quality::COUNT]);
    assert_eq!(p.overall, Some(100));
    // All tie at 100: article order decides; nothing is a growth area.
    assert_eq!(
        p.strengths,
        [Quality::Pasion, Quality::Experiencia, Quality::Iniciativa]
    );
    assert!(p.growth_areas.is_empty());
    assert!(p.flags.is_empty(), "{:?}", p.flags);
}

#[test]
fn all_unfavourable_answers_give_0_everywhere() {
    let p = profile(&all_statements(false), None);
    assert_eq!(p.scores, [Some(0); Quality::COUNT]);
    assert_eq!(p.overall, Some(0));
    assert!(
        p.strengths.is_empty(),
        "nothing in 'a desarrollar' is called a strength"
    );
    assert_eq!(
        p.growth_areas,
        [Quality::Pasion, Quality::Experiencia, Quality::Iniciativa]
    );
}

#[test]
fn a_mixed_quality_with_a_reverse_item_is_the_mean_rounded_half_up() {
    let mut answers = Answers::new();
    // pasion-1 (forward) 5 → 100; pasion-2 (reverse) 5 → 0; pasion-3 (forward) 4 → 75.
    rate(&mut answers, item("pasion-1"), 5);
    rate(&mut answers, item("pasion-2"), 5);
    rate(&mut answers, item("pasion-3"), 4);
    // escucha-1 (forward) 3 → 50; escucha-2 (reverse) 2 → 75: 62.5 rounds up to 63.
    rate(&mut answers, item("escucha-1"), 3);
    rate(&mut answers, item("escucha-2"), 2);
    let p = profile(&answers, None);
    assert_eq!(p.score(Quality::Pasion), Some(58)); // 175 / 3 = 58.33
    assert_eq!(p.score(Quality::Escucha), Some(63));
    assert_eq!(p.overall, Some(61)); // (58 + 63) / 2 = 60.5
    assert_eq!(p.band(Quality::Pasion), Some(Band::Progress));
}

#[test]
fn skipped_questions_are_no_data_never_zero() {
    let p = profile(&Answers::new(), None);
    assert_eq!(p.scores, [None; Quality::COUNT]);
    assert_eq!(p.overall, None);
    assert!(p.strengths.is_empty() && p.growth_areas.is_empty() && p.flags.is_empty());

    let mut answers = Answers::new();
    rate(&mut answers, item("equipo-1"), 4);
    let p = profile(&answers, None);
    assert_eq!(p.score(Quality::Equipo), Some(75));
    assert_eq!(p.scores.iter().flatten().count(), 1);
    assert_eq!(p.overall, Some(75));
    assert_eq!(p.strengths, [Quality::Equipo]);
}

#[test]
fn a_scenario_scores_every_quality_it_measures() {
    let mut answers = Answers::new();
    // cliente-enfadado, option a: templanza 25, liderazgo 0, escucha 25.
    let (question, option) = scenario("cliente-enfadado", "a");
    answers.set(question, Some(option)).unwrap();
    // templanza-1 (forward) 4 → 75; with the scenario's 25: 50.
    rate(&mut answers, item("templanza-1"), 4);
    let p = profile(&answers, None);
    assert_eq!(p.score(Quality::Templanza), Some(50));
    assert_eq!(p.score(Quality::Escucha), Some(25));
    assert_eq!(
        p.score(Quality::Liderazgo),
        Some(0),
        "measured and shown none: 0, not no data"
    );
    assert_eq!(p.score(Quality::Responsabilidad), None);
}

#[test]
fn band_edges() {
    assert_eq!(Band::of(0), Band::Develop);
    assert_eq!(Band::of(Band::PROGRESS_FROM - 1), Band::Develop);
    assert_eq!(Band::of(Band::PROGRESS_FROM), Band::Progress);
    assert_eq!(Band::of(Band::STRENGTH_FROM - 1), Band::Progress);
    assert_eq!(Band::of(Band::STRENGTH_FROM), Band::Strength);
    assert_eq!(Band::of(100), Band::Strength);
    assert_eq!((Band::PROGRESS_FROM, Band::STRENGTH_FROM), (40, 70));
}

#[test]
fn strengths_rank_high_first_and_ties_go_to_article_order() {
    use Quality::*;
    let scores = scores_of(&[
        (Pasion, 70),
        (Escucha, 90),
        (Equipo, 70),
        (Offline, 70),
        (Servicio, 39),
        (Dialogo, 40),
    ]);
    // Escucha 90, then the 70s in article order: Pasion before Equipo before Offline.
    let strengths = scoring::strengths(&scores);
    assert_eq!(strengths, [Escucha, Pasion, Equipo]);
    // Lowest first, excluding strengths and "fortaleza" (Offline, 70).
    assert_eq!(
        scoring::growth_areas(&scores, &strengths),
        [Servicio, Dialogo]
    );
}

#[test]
fn a_middling_score_is_a_strength_or_a_growth_area_only_where_it_stands_out() {
    use Quality::*;
    // Everything alike: nothing stands out, so nothing is named either way.
    let flat = [Some(50); Quality::COUNT];
    assert_eq!(scoring::strengths(&flat), []);
    assert_eq!(scoring::growth_areas(&flat, &[]), []);
    // Overall (60 + 50 + 45 + 45) / 4 = 50: only 60 is above, only the 45s below.
    let scores = scores_of(&[(Pasion, 60), (Escucha, 50), (Equipo, 45), (Offline, 45)]);
    let strengths = scoring::strengths(&scores);
    assert_eq!(strengths, [Pasion]);
    assert_eq!(
        scoring::growth_areas(&scores, &strengths),
        [Equipo, Offline]
    );
    // "Fortaleza" and "a desarrollar" count whatever the rest: all 100 names three strengths.
    assert_eq!(
        scoring::strengths(&[Some(100); Quality::COUNT]),
        [Pasion, Experiencia, Iniciativa]
    );
    assert_eq!(
        scoring::growth_areas(&[Some(0); Quality::COUNT], &[]),
        [Pasion, Experiencia, Iniciativa]
    );
}

#[test]
fn growth_area_ties_go_to_article_order() {
    use Quality::*;
    let scores = scores_of(&[
        (Compartir, 20),
        (Experiencia, 20),
        (Templanza, 20),
        (Pasion, 20),
        (Equipo, 10),
    ]);
    assert_eq!(
        scoring::growth_areas(&scores, &[]),
        [Equipo, Pasion, Experiencia]
    );
}

#[test]
fn straight_lining_is_flagged_from_the_minimum_number_of_answers() {
    let quick = Version::Quick.questions();
    let mut answers = Answers::new();
    for question in &quick[..STRAIGHT_LINING_MIN_ANSWERS - 1] {
        rate(&mut answers, *question, 3);
    }
    assert!(profile(&answers, None).flags.is_empty());
    rate(&mut answers, quick[STRAIGHT_LINING_MIN_ANSWERS - 1], 3);
    assert_eq!(profile(&answers, None).flags, [Flag::StraightLining]);
    rate(&mut answers, quick[0], 4);
    assert!(profile(&answers, None).flags.is_empty());
}

#[test]
fn agreeing_with_a_statement_and_its_opposite_in_several_qualities_is_flagged() {
    let contradict = |answers: &mut Answers, quality: &str| {
        rate(answers, item(&format!("{quality}-1")), 5);
        let reverse = LIKERT_ITEMS
            .iter()
            .position(|i| i.reverse && i.quality.id() == quality)
            .expect("a reverse item");
        rate(answers, Question::Likert(reverse), 5);
    };
    let mut answers = Answers::new();
    // Other answers vary, so this is not straight-lining.
    for (i, question) in Version::Quick.questions().iter().enumerate().skip(5) {
        rate(&mut answers, *question, 1 + (i % 3) as u8);
    }
    let names = ["pasion", "escucha", "equipo"];
    for quality in &names[..CONTRADICTION_MIN_QUALITIES - 1] {
        contradict(&mut answers, quality);
    }
    assert!(profile(&answers, None).flags.is_empty());
    contradict(&mut answers, names[CONTRADICTION_MIN_QUALITIES - 1]);
    assert_eq!(
        profile(&answers, None).flags,
        [Flag::Contradictions(vec![
            Quality::Pasion,
            Quality::Escucha,
            Quality::Equipo
        ])]
    );
}

#[test]
fn disagreeing_with_a_statement_and_its_opposite_is_not_a_contradiction() {
    let mut answers = Answers::new();
    for (i, question) in Version::Quick.questions().iter().enumerate().skip(5) {
        rate(&mut answers, *question, 1 + (i % 3) as u8);
    }
    // Both sides rejected, in every quality that has both (the earlier rule, a gap of 50
    // points after flipping, flagged these); then merely "De acuerdo" with the forward side and
    // neutral on the reverse one: none of them is agreeing with both.
    for (forward, reverse) in [(1, 2), (2, 1), (4, 3)] {
        let mut answers = answers.clone();
        for quality in Quality::ALL {
            let reverse_item = LIKERT_ITEMS
                .iter()
                .position(|i| i.reverse && i.quality == quality);
            if let Some(reverse_item) = reverse_item {
                rate(&mut answers, item(&format!("{}-1", quality.id())), forward);
                rate(&mut answers, Question::Likert(reverse_item), reverse);
            }
        }
        let flags = profile(&answers, None).flags;
        assert!(
            !flags.iter().any(|f| matches!(f, Flag::Contradictions(_))),
            "forward {forward}, reverse {reverse}: {flags:?}"
        );
    }
}

#[test]
fn straight_lining_explains_contradictions_so_only_it_is_flagged() {
    let mut answers = Answers::new();
    for i in 0..LIKERT_ITEMS.len() {
        rate(&mut answers, Question::Likert(i), 5);
    }
    assert_eq!(profile(&answers, None).flags, [Flag::StraightLining]);
}

/// `fast` first answers within the limit, then `calm` ones at exactly the limit.
fn timed(fast: u16, calm: u16) -> Timing {
    let mut timing = Timing::default();
    for _ in 0..fast {
        timing = timing.record(TOO_FAST_MS - 1);
    }
    for _ in 0..calm {
        timing = timing.record(TOO_FAST_MS);
    }
    timing
}

#[test]
fn answering_too_fast_is_flagged_only_with_timing() {
    let answers = all_statements(true);
    // More than half fast: flagged, whatever the order.
    assert_eq!(profile(&answers, Some(timed(7, 6))).flags, [Flag::TooFast]);
    assert_eq!(
        Timing::default()
            .record(60_000)
            .record(0)
            .record(0)
            .record(0)
            .record(60_000),
        timed(3, 2)
    );
    assert_eq!(profile(&answers, Some(timed(3, 2))).flags, [Flag::TooFast]);
    // Exactly half, or all at the limit: not flagged.
    assert!(profile(&answers, Some(timed(4, 4))).flags.is_empty());
    assert!(profile(&answers, Some(timed(0, 13))).flags.is_empty());
    // Too few timed answers to say anything, even all instant.
    assert_eq!(TOO_FAST_MIN_ANSWERS, 5);
    assert!(profile(&answers, Some(timed(4, 0))).flags.is_empty());
    assert!(profile(&answers, None).flags.is_empty());
    // One long pause does not hide a run of skimmed questions (a mean would: 12 × 0.1 s plus
    // 10 min is 46 s per answer).
    let mut skimmed = timed(12, 0);
    skimmed = skimmed.record(600_000);
    assert!(skimmed.too_fast());
}

/// A fixed answer pattern and the scores it gives. Scores must never change within one content
/// version: if this fails after an edit of content/model.toml, bump its `version`, then update
/// the expected scores here.
#[test]
fn scores_are_stable_within_a_content_version() {
    let mut answers = Answers::new();
    for i in 0..LIKERT_ITEMS.len() {
        rate(&mut answers, Question::Likert(i), 1 + (i % 5) as u8);
    }
    for (i, s) in SCENARIOS.iter().enumerate() {
        let option = (i % s.options.len()) as u8;
        answers
            .set(Question::Scenario(i), Some(Answer::Choose(option)))
            .unwrap();
    }
    let p = profile(&answers, None);
    assert_eq!(crate::model::CONTENT_VERSION, 2);
    assert_eq!(
        p.scores, GOLDEN_SCORES,
        "scores changed: see this test's comment"
    );
    assert_eq!(p, profile(&answers.clone(), None), "deterministic");
}

/// Hand-checked for pasion: pasion-1 rated 1 → 0, pasion-2 (reverse) rated 4 → 25, pasion-3
/// rated 2 → 25, pasion-4 (reverse) rated 5 → 0, encuentro-comunidad option a → 0,
/// presupuesto-limitado option b → 100: 150 / 6 = 25.
const GOLDEN_SCORES: [Option<u8>; Quality::COUNT] = [
    Some(25), // pasion
    Some(46), // experiencia
    Some(71), // iniciativa
    Some(71), // disponibilidad
    Some(32), // liderazgo
    Some(29), // responsabilidad
    Some(38), // escucha
    Some(83), // servicio
    Some(50), // compartir
    Some(46), // dialogo
    Some(25), // templanza
    Some(63), // equipo
    Some(58), // offline
];

/// The worked example of CONTENT.md, step by step.
#[test]
fn the_worked_example_of_content_md() {
    let mut answers = Answers::new();
    rate(&mut answers, item("pasion-1"), 5);
    rate(&mut answers, item("pasion-2"), 2);
    rate(&mut answers, item("pasion-3"), 4);
    rate(&mut answers, item("pasion-4"), 3);
    assert_eq!(profile(&answers, None).score(Quality::Pasion), Some(75));
    let (question, option) = scenario("presupuesto-limitado", "b");
    answers.set(question, Some(option)).unwrap();
    let (question, option) = scenario("encuentro-comunidad", "a");
    answers.set(question, Some(option)).unwrap();
    let p = profile(&answers, None);
    assert_eq!(p.score(Quality::Pasion), Some(67));
    assert_eq!(p.band(Quality::Pasion), Some(Band::Progress));
    // Only the quick version's pair, pasion-1 and its opposite pasion-2: (100 + 75) / 2.
    let mut quick = Answers::new();
    rate(&mut quick, item("pasion-1"), 5);
    rate(&mut quick, item("pasion-2"), 2);
    assert_eq!(profile(&quick, None).score(Quality::Pasion), Some(88));
}

#[test]
fn ranking_puts_high_scores_first_no_data_last_and_ties_in_article_order() {
    use Quality::*;
    let scores = scores_of(&[(Equipo, 80), (Pasion, 40), (Escucha, 80), (Offline, 0)]);
    let ranked = scoring::ranked(&scores);
    assert_eq!(&ranked[..4], [Escucha, Equipo, Pasion, Offline]);
    assert_eq!(
        ranked[4], Experiencia,
        "then the qualities without data, in article order"
    );
    assert_eq!(ranked.len(), Quality::COUNT);
}
