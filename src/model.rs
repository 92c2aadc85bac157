//! The quality model and the questionnaire: what is asked, in which order, and in which words.
//!
//! Pure core: no yew, web-sys or gloo. The data comes from `content/` through `build.rs` (see
//! [`crate::content`]); this module defines its types and the two versions of the questionnaire.

pub(crate) use crate::content::{CONTENT_VERSION, Group, LIKERT_ITEMS, Quality, SCENARIOS};
use crate::i18n::Locale;

/// How many points the agreement scale has.
pub(crate) const SCALE_POINTS: u8 = 5;

/// A Likert self-rating item: a statement to agree or disagree with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct LikertItem {
    /// Stable id (ascii slug), also the key of its text in `text.toml`.
    pub(crate) id: &'static str,
    /// The quality it measures.
    pub(crate) quality: Quality,
    /// Agreeing means *less* of the quality, so its points are flipped.
    pub(crate) reverse: bool,
    /// Part of the quick version (one per quality).
    pub(crate) quick: bool,
}

/// A situational item: a scene from the articles with 3–4 ways to react.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Scenario {
    /// Stable id (ascii slug).
    pub(crate) id: &'static str,
    /// The ways to react, in presentation order.
    pub(crate) options: &'static [ScenarioOption],
}

/// One way to react to a scenario, and what it says about each quality it touches.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct ScenarioOption {
    /// Stable id within its scenario (`a`, `b`…).
    pub(crate) id: &'static str,
    /// Points (0–100) per quality, in quality order. Every option of a scenario names the same
    /// qualities; those are the qualities the scenario measures.
    pub(crate) scores: &'static [(Quality, u8)],
}

impl Scenario {
    /// The qualities this scenario measures.
    pub(crate) fn qualities(&self) -> impl Iterator<Item = Quality> + '_ {
        self.options
            .first()
            .into_iter()
            .flat_map(|option| option.scores.iter().map(|(quality, _)| *quality))
    }
}

/// Which questionnaire the person takes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub(crate) enum Version {
    /// One Likert item per quality: 13 questions, about 2 minutes.
    #[default]
    Quick,
    /// Every Likert item, then every scenario: about 8–10 minutes.
    Full,
}

/// One question of the questionnaire, by its position in the content tables.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum Question {
    /// Index into [`LIKERT_ITEMS`].
    Likert(usize),
    /// Index into [`SCENARIOS`].
    Scenario(usize),
}

impl Version {
    /// Both versions.
    pub(crate) const ALL: [Version; 2] = [Version::Quick, Version::Full];

    /// The version's name in addresses and files.
    pub(crate) const fn slug(self) -> &'static str {
        match self {
            Version::Quick => "quick",
            Version::Full => "full",
        }
    }

    /// The version whose [`Version::slug`] is `slug`.
    pub(crate) fn from_slug(slug: &str) -> Option<Version> {
        Version::ALL
            .into_iter()
            .find(|version| version.slug() == slug)
    }

    /// The questions of this version, in presentation order.
    pub(crate) fn questions(self) -> Vec<Question> {
        let likert = LIKERT_ITEMS
            .iter()
            .enumerate()
            .filter(|(_, item)| self == Version::Full || item.quick)
            .map(|(index, _)| Question::Likert(index));
        let scenarios = match self {
            Version::Quick => 0..0,
            Version::Full => 0..SCENARIOS.len(),
        };
        likert.chain(scenarios.map(Question::Scenario)).collect()
    }

    /// About how many minutes the version takes in `locale`, for the intro: [`Version::seconds`]
    /// rounded to the nearest minute, at least 1.
    pub(crate) fn minutes(self, locale: Locale) -> u32 {
        ((self.seconds(locale) + 30) / 60).max(1)
    }

    /// About how many seconds the version takes in `locale`. Derived from the words, not
    /// guessed, at build time (`build/prerender.rs`, which also writes them into the page's
    /// prerendered intro): every character of the questions and options read at 20 characters
    /// a second (average adult silent reading: about 220–240 words a minute, Brysbaert 2019),
    /// plus 3 seconds to decide each question.
    pub(crate) fn seconds(self, locale: Locale) -> u32 {
        let [quick, full] = locale.seconds();
        match self {
            Version::Quick => quick,
            Version::Full => full,
        }
    }
}

impl Question {
    /// How many answers the question offers: 5 for a statement, 3–4 for a scenario.
    pub(crate) fn choices(self) -> usize {
        match self {
            Question::Likert(_) => usize::from(SCALE_POINTS),
            Question::Scenario(index) => SCENARIOS.get(index).map_or(0, |s| s.options.len()),
        }
    }

    /// The quality a statement measures, or the first one a scenario measures; used to show
    /// which article the question belongs to.
    pub(crate) fn quality(self) -> Option<Quality> {
        match self {
            Question::Likert(index) => LIKERT_ITEMS.get(index).map(|item| item.quality),
            Question::Scenario(index) => SCENARIOS.get(index).and_then(|s| s.qualities().next()),
        }
    }
}

/// The words of the questionnaire in one language (`content/<locale>/text.toml`) shown from the
/// first question on; those shown only later are its [`LaterWords`].
///
/// Slices are indexed like the tables they describe; `build.rs` guarantees the lengths.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Texts {
    /// The agreement scale, from "Totalmente en desacuerdo" to "Totalmente de acuerdo".
    pub(crate) scale: [&'static str; SCALE_POINTS as usize],
    /// By [`Group::index`].
    pub(crate) groups: &'static [GroupText],
    /// By [`Quality::index`].
    pub(crate) qualities: &'static [QualityText],
    /// By index into [`LIKERT_ITEMS`]: the quick version's statements; empty for the others.
    pub(crate) items: &'static [&'static str],
}

/// The words of the questionnaire in one language shown only after the first questions: by the
/// results and by the full version from its question 27. A language that is not compiled in
/// fetches them with the wasm's second part, and the source language's are in that part
/// (`PERFIL_CM_LATER_WORDS`, build/content.rs), so that a reader's first load does not carry
/// them. Read only through `advice::results_words`, [`full_version_words`] and
/// `i18n::later_ui`.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct LaterWords {
    /// What each quality is, in one sentence, in the seed article's sense; opens its advice
    /// card. By [`Quality::index`].
    pub(crate) descriptions: &'static [&'static str],
    /// By index into [`LIKERT_ITEMS`]: the statements only the full version asks; empty for
    /// the quick version's.
    pub(crate) items: &'static [&'static str],
    /// By index into [`SCENARIOS`].
    pub(crate) scenarios: &'static [ScenarioText],
    /// By [`Quality::index`], then by band (develop, progress, strength).
    pub(crate) advice: &'static [[Advice; 3]],
    /// The overall reading, by band of the overall index.
    pub(crate) summary: [&'static str; 3],
    /// The interface strings shown only after the first questions.
    pub(crate) ui: &'static crate::content::LaterUi,
}

/// A group's words.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct GroupText {
    /// The article's theme, e.g. "Las 5 cualidades del community manager".
    pub(crate) title: &'static str,
}

/// A quality's words.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct QualityText {
    /// Short radar-axis label.
    pub(crate) label: &'static str,
    /// Full name.
    pub(crate) name: &'static str,
}

/// A scenario's words.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct ScenarioText {
    /// The situation and the question.
    pub(crate) prompt: &'static str,
    /// The options, in the order of [`Scenario::options`].
    pub(crate) options: &'static [&'static str],
}

/// Advice for one quality in one band.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Advice {
    /// What the score means, as a self-perception.
    pub(crate) reading: &'static str,
    /// Two or three things to do this week.
    pub(crate) actions: &'static [&'static str],
}

impl Texts {
    /// The words of a quality.
    pub(crate) fn quality(&self, quality: Quality) -> &QualityText {
        &self.qualities[quality.index()]
    }

    /// The words of a group.
    pub(crate) fn group(&self, group: Group) -> &GroupText {
        &self.groups[group.index()]
    }
}

impl Locale {
    /// What a question asks in this language: a statement, or a scenario's situation.
    pub(crate) fn question(self, question: Question) -> &'static str {
        match question {
            Question::Likert(i) if LIKERT_ITEMS.get(i).is_some_and(|item| item.quick) => {
                self.texts().items.get(i).copied().unwrap_or_default()
            }
            Question::Likert(i) => full_version_words(self)
                .items
                .get(i)
                .copied()
                .unwrap_or_default(),
            Question::Scenario(i) => full_version_words(self)
                .scenarios
                .get(i)
                .map_or("", |s| s.prompt),
        }
    }

    /// The labels of a question's choices in this language: the agreement scale, or a
    /// scenario's options.
    pub(crate) fn choices(self, question: Question) -> &'static [&'static str] {
        match question {
            Question::Likert(_) => &self.texts().scale,
            Question::Scenario(i) => full_version_words(self)
                .scenarios
                .get(i)
                .map_or(&[], |s| s.options),
        }
    }
}

/// The words that only the full version asks, in `locale`: its statements outside the quick
/// version and the scenarios.
///
/// The only reader of `LaterWords::items` and `LaterWords::scenarios`. In the release, the source
/// language's are in the wasm's second part (`PERFIL_CM_LATER_WORDS`, moved by
/// `tools/wasm-split`), and so is this function, so that calling it brings that part before the
/// words are read. Never inlined, so that the tool finds it; it refuses to split without it.
#[inline(never)]
fn full_version_words(locale: Locale) -> FullVersionWords {
    let later = locale.later();
    FullVersionWords {
        items: later.items,
        scenarios: later.scenarios,
    }
}

/// What [`full_version_words`] returns.
struct FullVersionWords {
    /// Empty for the quick version's statements.
    items: &'static [&'static str],
    scenarios: &'static [ScenarioText],
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Locale;

    #[test]
    fn the_quick_version_asks_each_quality_then_each_opposite_in_quality_order() {
        // A statement and its opposite are a whole round apart, so the second is not read as
        // a repeat of the first.
        let questions = Version::Quick.questions();
        let qualities: Vec<_> = questions
            .iter()
            .copied()
            .filter_map(Question::quality)
            .collect();
        assert_eq!(qualities[..Quality::COUNT], Quality::ALL);
        assert_eq!(qualities[Quality::COUNT..], Quality::ALL);
        let reverse = |q: &Question| matches!(q, Question::Likert(i) if LIKERT_ITEMS[*i].reverse);
        assert!(!questions[..Quality::COUNT].iter().any(reverse));
        assert!(questions[Quality::COUNT..].iter().all(reverse));
    }

    #[test]
    fn the_full_version_has_every_item_then_every_scenario() {
        let questions = Version::Full.questions();
        assert_eq!(questions.len(), LIKERT_ITEMS.len() + SCENARIOS.len());
        assert_eq!(questions[0], Question::Likert(0));
        assert_eq!(
            questions.last(),
            Some(&Question::Scenario(SCENARIOS.len() - 1))
        );
    }

    #[test]
    fn time_estimates_match_the_promise_of_the_intro_in_every_language() {
        for locale in Locale::ALL {
            let (quick, full) = (
                Version::Quick.minutes(locale),
                Version::Full.minutes(locale),
            );
            // The promise: the quick version stays under 4 minutes.
            let quick_seconds = Version::Quick.seconds(locale);
            assert!(quick_seconds < 240, "{locale:?}: {quick_seconds} s");
            assert!((3..=4).contains(&quick), "{locale:?}: {quick} minutes");
            assert!((12..=15).contains(&full), "{locale:?}: {full} minutes");
        }
    }

    #[test]
    fn the_model_keeps_the_two_articles_as_groups_of_5_and_8() {
        let count = |group| Quality::ALL.iter().filter(|q| q.group() == group).count();
        assert_eq!((count(Group::Cm), count(Group::Sm)), (5, 8));
        assert_eq!(Group::Cm.seed(), "000_daccbfa0545a885f.txt");
    }

    #[test]
    fn every_locale_has_the_words_for_every_table() {
        for locale in Locale::ALL {
            let (texts, later) = (locale.texts(), locale.later());
            assert_eq!(texts.qualities.len(), Quality::COUNT, "{locale:?}");
            assert_eq!(texts.items.len(), LIKERT_ITEMS.len(), "{locale:?}");
            assert_eq!(later.descriptions.len(), Quality::COUNT, "{locale:?}");
            assert_eq!(later.items.len(), LIKERT_ITEMS.len(), "{locale:?}");
            assert_eq!(later.scenarios.len(), SCENARIOS.len(), "{locale:?}");
            // Each statement is in exactly one of the two: the quick version's in the first.
            for (i, item) in LIKERT_ITEMS.iter().enumerate() {
                let (first, then) = (texts.items[i], later.items[i]);
                assert_eq!(first.is_empty(), !item.quick, "{locale:?} {}", item.id);
                assert_eq!(then.is_empty(), item.quick, "{locale:?} {}", item.id);
                assert_eq!(locale.question(Question::Likert(i)), first.max(then));
            }
            for (scenario, words) in SCENARIOS.iter().zip(later.scenarios) {
                assert_eq!(
                    scenario.options.len(),
                    words.options.len(),
                    "{}",
                    scenario.id
                );
            }
            assert_eq!(later.advice.len(), Quality::COUNT, "{locale:?}");
        }
    }
}
