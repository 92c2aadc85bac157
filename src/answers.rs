//! A person's answers, one slot per question of the full questionnaire.
//!
//! Pure core: no yew, web-sys or gloo. Values are checked when they are set, so that answers
//! restored from storage or a link can never point outside the content.

use std::fmt;

use crate::model::{LIKERT_ITEMS, Question, SCALE_POINTS, SCENARIOS};

/// An answer on the agreement scale: 1 = "Totalmente en desacuerdo" … 5 = "Totalmente de acuerdo".
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) struct Agreement(u8);

impl Agreement {
    /// The agreement `value` (1–5), if it is on the scale.
    pub(crate) const fn new(value: u8) -> Option<Agreement> {
        if value >= 1 && value <= SCALE_POINTS {
            Some(Agreement(value))
        } else {
            None
        }
    }

    /// 1 to 5.
    pub(crate) const fn value(self) -> u8 {
        self.0
    }
}

/// The answer to one question.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Answer {
    /// A statement was rated.
    Agree(Agreement),
    /// A scenario's option was chosen, by its position (0-based).
    Choose(u8),
}

impl Answer {
    /// The position (0-based) of this answer among the question's choices.
    pub(crate) fn choice(self) -> usize {
        match self {
            Answer::Agree(agreement) => usize::from(agreement.value()) - 1,
            Answer::Choose(option) => usize::from(option),
        }
    }
}

impl Question {
    /// The answer that the question's `choice`-th choice (0-based) stands for, if it has one.
    pub(crate) fn answer(self, choice: usize) -> Option<Answer> {
        if choice >= self.choices() {
            return None;
        }
        let choice = u8::try_from(choice).ok()?;
        match self {
            Question::Likert(_) => Agreement::new(choice + 1).map(Answer::Agree),
            Question::Scenario(_) => Some(Answer::Choose(choice)),
        }
    }
}

/// Why an answer was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum AnswerError {
    /// The question is not in the content.
    UnknownQuestion(Question),
    /// A statement got an option, or a scenario a rating.
    WrongKind(Question),
    /// The option is not one of the scenario's.
    NoSuchOption {
        /// The scenario.
        question: Question,
        /// The option asked for.
        option: u8,
    },
}

impl fmt::Display for AnswerError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AnswerError::UnknownQuestion(q) => write!(f, "no question {q:?} in this content"),
            AnswerError::WrongKind(q) => write!(f, "answer of the wrong kind for {q:?}"),
            AnswerError::NoSuchOption { question, option } => {
                write!(f, "{question:?} has no option {option}")
            }
        }
    }
}

impl std::error::Error for AnswerError {}

/// Everything answered so far; unanswered questions are `None`. Skipping is allowed.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub(crate) struct Answers {
    likert: Vec<Option<Agreement>>,
    scenarios: Vec<Option<u8>>,
}

impl Default for Answers {
    fn default() -> Self {
        Self::new()
    }
}

impl Answers {
    /// No answer yet.
    pub(crate) fn new() -> Self {
        Self {
            likert: vec![None; LIKERT_ITEMS.len()],
            scenarios: vec![None; SCENARIOS.len()],
        }
    }

    /// The answer to `question`, if any.
    pub(crate) fn get(&self, question: Question) -> Option<Answer> {
        match question {
            Question::Likert(i) => self.likert.get(i).copied().flatten().map(Answer::Agree),
            Question::Scenario(i) => self.scenarios.get(i).copied().flatten().map(Answer::Choose),
        }
    }

    /// Records (or, with `None`, clears) the answer to `question`.
    pub(crate) fn set(
        &mut self,
        question: Question,
        answer: Option<Answer>,
    ) -> Result<(), AnswerError> {
        match (question, answer) {
            (Question::Likert(i), answer) => {
                let slot = self
                    .likert
                    .get_mut(i)
                    .ok_or(AnswerError::UnknownQuestion(question))?;
                *slot = match answer {
                    None => None,
                    Some(Answer::Agree(agreement)) => Some(agreement),
                    Some(Answer::Choose(_)) => return Err(AnswerError::WrongKind(question)),
                };
            }
            (Question::Scenario(i), answer) => {
                let options = SCENARIOS
                    .get(i)
                    .map(|s| s.options.len())
                    .ok_or(AnswerError::UnknownQuestion(question))?;
                let slot = self
                    .scenarios
                    .get_mut(i)
                    .ok_or(AnswerError::UnknownQuestion(question))?;
                *slot = match answer {
                    None => None,
                    Some(Answer::Choose(option)) if usize::from(option) < options => Some(option),
                    Some(Answer::Choose(option)) => {
                        return Err(AnswerError::NoSuchOption { question, option });
                    }
                    Some(Answer::Agree(_)) => return Err(AnswerError::WrongKind(question)),
                };
            }
        }
        Ok(())
    }

    /// The rating of Likert item `index`, if answered.
    pub(crate) fn likert(&self, index: usize) -> Option<Agreement> {
        self.likert.get(index).copied().flatten()
    }

    /// The chosen option of scenario `index`, if answered.
    pub(crate) fn scenario(&self, index: usize) -> Option<u8> {
        self.scenarios.get(index).copied().flatten()
    }

    /// How many of `questions` are answered.
    pub(crate) fn answered(&self, questions: &[Question]) -> usize {
        questions.iter().filter(|q| self.get(**q).is_some()).count()
    }

    /// The unanswered ones of `questions`, each with its position among them.
    pub(crate) fn unanswered(&self, questions: &[Question]) -> Vec<(usize, Question)> {
        questions
            .iter()
            .copied()
            .enumerate()
            .filter(|(_, q)| self.get(*q).is_none())
            .collect()
    }

    /// True when nothing is answered.
    pub(crate) fn is_empty(&self) -> bool {
        self.likert.iter().all(Option::is_none) && self.scenarios.iter().all(Option::is_none)
    }

    /// These answers with `newer` laid over them: each question `newer` answers takes that
    /// answer, each it leaves open keeps this one. Answers are only ever set or changed (an
    /// erase travels by its own signal), so an open question in `newer` means "not answered
    /// there", never "cleared": merging both ways loses no answer, and merging again changes
    /// nothing.
    pub(crate) fn merged(&self, newer: &Answers) -> Answers {
        fn lay<T: Copy>(old: &[Option<T>], new: &[Option<T>]) -> Vec<Option<T>> {
            old.iter().zip(new).map(|(old, new)| new.or(*old)).collect()
        }
        Answers {
            likert: lay(&self.likert, &newer.likert),
            scenarios: lay(&self.scenarios, &newer.scenarios),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn choices_map_to_answers_and_back() {
        let statement = Question::Likert(0);
        assert_eq!(statement.answer(0), Agreement::new(1).map(Answer::Agree));
        assert_eq!(statement.answer(4), Agreement::new(5).map(Answer::Agree));
        assert_eq!(statement.answer(5), None);
        let scenario = Question::Scenario(0);
        let options = SCENARIOS[0].options.len();
        assert_eq!(
            scenario.answer(options - 1),
            Some(Answer::Choose(options as u8 - 1))
        );
        assert_eq!(scenario.answer(options), None);
        for choice in 0..5 {
            assert_eq!(statement.answer(choice).map(Answer::choice), Some(choice));
        }
    }

    #[test]
    fn agreement_accepts_only_the_scale() {
        assert_eq!(Agreement::new(0), None);
        assert_eq!(Agreement::new(1).map(Agreement::value), Some(1));
        assert_eq!(Agreement::new(5).map(Agreement::value), Some(5));
        assert_eq!(Agreement::new(6), None);
    }

    #[test]
    fn answers_are_set_read_and_cleared() {
        let mut answers = Answers::new();
        assert!(answers.is_empty());
        let four = Answer::Agree(Agreement::new(4).unwrap());
        answers.set(Question::Likert(2), Some(four)).unwrap();
        answers
            .set(Question::Scenario(0), Some(Answer::Choose(1)))
            .unwrap();
        assert_eq!(answers.get(Question::Likert(2)), Some(four));
        let asked = [
            Question::Likert(1),
            Question::Likert(2),
            Question::Scenario(0),
        ];
        assert_eq!(answers.unanswered(&asked), [(0, Question::Likert(1))]);
        assert_eq!(answers.scenario(0), Some(1));
        assert!(!answers.is_empty());
        answers.set(Question::Likert(2), None).unwrap();
        answers.set(Question::Scenario(0), None).unwrap();
        assert!(answers.is_empty());
    }

    #[test]
    fn merging_takes_the_newer_answers_and_keeps_what_they_leave_open() {
        let agree = |value| Some(Answer::Agree(Agreement::new(value).unwrap()));
        let mut mine = Answers::new();
        mine.set(Question::Likert(0), agree(1)).unwrap();
        mine.set(Question::Likert(1), agree(2)).unwrap();
        mine.set(Question::Scenario(0), Some(Answer::Choose(0)))
            .unwrap();
        let mut theirs = Answers::new();
        theirs.set(Question::Likert(1), agree(5)).unwrap();
        theirs.set(Question::Likert(2), agree(3)).unwrap();
        theirs
            .set(Question::Scenario(1), Some(Answer::Choose(1)))
            .unwrap();
        let merged = mine.merged(&theirs);
        let got = |q| merged.get(q);
        assert_eq!(
            got(Question::Likert(0)),
            agree(1),
            "open in theirs: mine stays"
        );
        assert_eq!(
            got(Question::Likert(1)),
            agree(5),
            "answered in both: theirs wins"
        );
        assert_eq!(
            got(Question::Likert(2)),
            agree(3),
            "open in mine: theirs comes in"
        );
        assert_eq!(got(Question::Scenario(0)), Some(Answer::Choose(0)));
        assert_eq!(got(Question::Scenario(1)), Some(Answer::Choose(1)));
        assert_eq!(got(Question::Likert(3)), None);
        // Merging again, or merging what is already there, changes nothing.
        assert_eq!(merged.merged(&theirs), merged);
        assert_eq!(merged.merged(&merged), merged);
        assert_eq!(mine.merged(&Answers::new()), mine);
    }

    #[test]
    fn impossible_answers_are_refused_and_change_nothing() {
        let mut answers = Answers::new();
        let beyond = Question::Likert(LIKERT_ITEMS.len());
        let agree = Some(Answer::Agree(Agreement::new(3).unwrap()));
        assert_eq!(
            answers.set(beyond, agree),
            Err(AnswerError::UnknownQuestion(beyond))
        );
        let scenario = Question::Scenario(0);
        assert_eq!(
            answers.set(scenario, agree),
            Err(AnswerError::WrongKind(scenario))
        );
        assert_eq!(
            answers.set(Question::Likert(0), Some(Answer::Choose(0))),
            Err(AnswerError::WrongKind(Question::Likert(0)))
        );
        let option = SCENARIOS[0].options.len() as u8;
        assert_eq!(
            answers.set(scenario, Some(Answer::Choose(option))),
            Err(AnswerError::NoSuchOption {
                question: scenario,
                option
            })
        );
        assert!(answers.is_empty());
    }
}
