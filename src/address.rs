//! The address: what the page's query string and hash say, decoded in one place.
//!
//! `#/quick/4` is the 4th question of the quick version, `#/review` the review, `#/results` the
//! profile, `#/recruiter` the target link builder, `#r=…` a shared result (its answers in the
//! fragment, see [`crate::share`]), `#t=…` a role's target (see [`crate::target`]), and anything
//! else, no hash included, the intro. Each screen is a history entry, so the browser's Back and
//! Forward move between screens.
//!
//! Pure core: no yew, web-sys or gloo. The address is untrusted input: a route that does not
//! parse exactly is the intro; only a share or target link that cannot be read is an error,
//! because the person who opened it must be told.

use crate::model::Version;
use crate::share::{self, LinkError, SharedResult};
use crate::target::{self, Target};

/// The page's address as the browser reports it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Address {
    /// The query string, with its `?` (`?lang=en`), or empty.
    pub(crate) query: String,
    /// The fragment, with its `#` (`#/quick/4`), or empty.
    pub(crate) hash: String,
}

/// A place in the app that has its own address, with what it needs to be shown.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) enum Route {
    /// What the test is, and the start button.
    #[default]
    Intro,
    /// A question, by its position (0-based) in the version's questions.
    Question {
        /// Which questionnaire.
        version: Version,
        /// 0-based position.
        position: usize,
    },
    /// The list of unanswered questions before the results.
    Review,
    /// The visitor's own profile.
    Results,
    /// A result someone shared, read from the link itself.
    Shared(SharedResult),
    /// A role's target from a target link. The state keeps the target and shows the intro,
    /// so this is never the route showing.
    Target(Target),
    /// The target link builder, for recruiters.
    Recruiter,
}

/// The kinds of link whose data lives in the fragment.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum LinkKind {
    /// A shared result, `#r=…`.
    Result,
    /// A role's target, `#t=…`.
    Target,
}

/// A link in the address that could not be read: which kind, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct BadLink {
    /// The kind of link.
    pub(crate) kind: LinkKind,
    /// Why it could not be read.
    pub(crate) error: LinkError,
}

impl Route {
    /// The route of a location hash (with or without its `#`). Question numbers in the address
    /// count from 1, as people do; `position` counts from 0.
    pub(crate) fn parse(hash: &str) -> Result<Route, BadLink> {
        if hash.starts_with(share::FRAGMENT_PREFIX) {
            return share::decode(hash)
                .map(Route::Shared)
                .map_err(|error| BadLink {
                    kind: LinkKind::Result,
                    error,
                });
        }
        if let Some(code) = hash.strip_prefix(target::FRAGMENT_PREFIX) {
            return target::decode(code)
                .map(Route::Target)
                .map_err(|error| BadLink {
                    kind: LinkKind::Target,
                    error,
                });
        }
        let path = hash.trim_start_matches('#').trim_start_matches('/');
        let mut parts = path.split('/');
        let route = match (parts.next(), parts.next(), parts.next()) {
            (Some("review"), None, None) => Route::Review,
            (Some("results"), None, None) => Route::Results,
            (Some("recruiter"), None, None) => Route::Recruiter,
            (Some(slug), Some(number), None) => {
                let version = Version::from_slug(slug);
                // Only the digits `to_hash` writes: no sign, no spaces, no leading zero, nothing
                // huge, so that each question has exactly one address.
                let plain = number.len() <= 3
                    && !number.starts_with('0')
                    && number.bytes().all(|b| b.is_ascii_digit());
                let number = plain.then(|| number.parse::<usize>().ok()).flatten();
                match (version, number) {
                    (Some(version), Some(n)) if (1..=version.questions().len()).contains(&n) => {
                        Route::Question {
                            version,
                            position: n - 1,
                        }
                    }
                    _ => Route::Intro,
                }
            }
            _ => Route::Intro,
        };
        Ok(route)
    }

    /// Whether a reader's start shows this route: the intro and the questions. The others run
    /// code that a release build keeps in the wasm's second part (`platform::rest`).
    pub(crate) fn shown_at_start(&self) -> bool {
        matches!(self, Route::Intro | Route::Question { .. })
    }

    /// The location hash for this route, with its `#`.
    pub(crate) fn to_hash(&self) -> String {
        match self {
            Route::Intro => "#/".to_owned(),
            Route::Question { version, position } => {
                format!("#/{}/{}", version.slug(), position + 1)
            }
            Route::Review => "#/review".to_owned(),
            Route::Results => "#/results".to_owned(),
            Route::Shared(shared) => {
                share::fragment(shared.version, &shared.answers, shared.target.as_ref())
            }
            Route::Target(target) => target::fragment(target),
            Route::Recruiter => "#/recruiter".to_owned(),
        }
    }

    /// The id of the heading that takes focus when this route's screen appears.
    pub(crate) const fn heading_id(&self) -> &'static str {
        match self {
            Route::Intro | Route::Target(_) => "intro-title",
            Route::Recruiter => "recruiter-title",
            Route::Question { .. } => "question-title",
            Route::Review => "review-title",
            Route::Results | Route::Shared(_) => "results-title",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answers::{Agreement, Answer, Answers};
    use crate::model::Question;

    #[test]
    fn routes_round_trip_through_the_hash() {
        let mut answers = Answers::new();
        answers
            .set(Question::Likert(3), Agreement::new(2).map(Answer::Agree))
            .unwrap();
        let routes = [
            Route::Intro,
            Route::Review,
            Route::Results,
            Route::Question {
                version: Version::Quick,
                position: 0,
            },
            Route::Question {
                version: Version::Quick,
                position: 12,
            },
            Route::Question {
                version: Version::Full,
                position: 48,
            },
            Route::Shared(SharedResult {
                version: Version::Quick,
                answers: answers.clone(),
                target: None,
            }),
            Route::Shared(SharedResult {
                version: Version::Quick,
                answers,
                target: Some(Target::new([None; crate::model::Quality::COUNT], "Jefa")),
            }),
            Route::Target(Target::default()),
            Route::Recruiter,
        ];
        for route in routes {
            assert_eq!(
                Route::parse(&route.to_hash()),
                Ok(route.clone()),
                "{route:?}"
            );
        }
        assert_eq!(
            Route::Question {
                version: Version::Quick,
                position: 3
            }
            .to_hash(),
            "#/quick/4"
        );
    }

    #[test]
    fn every_question_of_both_versions_round_trips() {
        for version in Version::ALL {
            for position in 0..version.questions().len() {
                let route = Route::Question { version, position };
                assert_eq!(Route::parse(&route.to_hash()), Ok(route.clone()));
            }
        }
    }

    #[test]
    fn only_the_intro_and_the_questions_are_shown_at_start() {
        let question = Route::Question {
            version: Version::Quick,
            position: 0,
        };
        assert!(Route::Intro.shown_at_start() && question.shown_at_start());
        for route in [Route::Review, Route::Results, Route::Recruiter] {
            assert!(!route.shown_at_start(), "{route:?}");
        }
    }

    #[test]
    fn anything_else_is_the_intro() {
        for hash in [
            "",
            "#",
            "#/",
            "#/quick",
            "#/quick/0",
            "#/quick/04",
            "#/full/007",
            "#/quick/27",
            "#/full/65",
            "#/quick/+3",
            "#/quick/ 3",
            "#/quick/3/x",
            "#/slow/3",
            "#/review/1",
            "#/recruiter/1",
            "#/recruiters",
            "#T=AAAA",
            "#/quick/99999999999999999999",
            "#R=AAAA",
        ] {
            assert_eq!(Route::parse(hash), Ok(Route::Intro), "{hash:?}");
        }
    }

    #[test]
    fn a_share_or_target_link_that_cannot_be_read_is_an_error_to_explain() {
        let bad = |kind, error| Err(BadLink { kind, error });
        assert_eq!(Route::parse("#r="), bad(LinkKind::Result, LinkError::Empty));
        assert_eq!(
            Route::parse("#r=broken!"),
            bad(LinkKind::Result, LinkError::NotBase64)
        );
        assert_eq!(Route::parse("#t="), bad(LinkKind::Target, LinkError::Empty));
        let mut code = target::encode(&Target::default()).into_bytes();
        code[4] = if code[4] == b'A' { b'B' } else { b'A' };
        let tampered = format!("#t={}", String::from_utf8_lossy(&code));
        assert_eq!(
            Route::parse(&tampered),
            bad(LinkKind::Target, LinkError::Damaged)
        );
    }
}

/// Property tests of the hash decoder. Native only: proptest does not build for
/// wasm32-unknown-unknown.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod properties {
    use proptest::prelude::*;

    use super::*;
    use crate::answer_code::properties::any_answers;
    use crate::answers::Answers;
    use crate::target::properties::any_target;

    /// Either version.
    fn any_version() -> impl Strategy<Value = Version> {
        prop_oneof![Just(Version::Quick), Just(Version::Full)]
    }

    /// Any route: questions of both versions at any valid position, and shared results with any
    /// answers to the shared version's questions (a share link carries only those).
    fn any_route() -> impl Strategy<Value = Route> {
        prop_oneof![
            Just(Route::Intro),
            Just(Route::Review),
            Just(Route::Results),
            Just(Route::Recruiter),
            any_target().prop_map(Route::Target),
            (any_version(), any::<usize>()).prop_map(|(version, index)| Route::Question {
                version,
                position: index % version.questions().len(),
            }),
            (
                any_version(),
                any_answers(),
                proptest::option::of(any_target())
            )
                .prop_map(|(version, all, target)| {
                    let mut answers = Answers::new();
                    for question in version.questions() {
                        answers.set(question, all.get(question)).unwrap();
                    }
                    Route::Shared(SharedResult {
                        version,
                        answers,
                        target,
                    })
                }),
        ]
    }

    /// Hashes that are almost a route: a question number out of range, with a leading zero, a
    /// sign or spaces, or a route with a segment too many, behind any mix of `#` and `/`.
    fn near_miss() -> impl Strategy<Value = String> {
        let number = (any_version(), any::<u16>()).prop_map(|(version, n)| {
            let count = version.questions().len();
            // 0 or past the last question.
            let n = if n % 2 == 0 {
                0
            } else {
                count + usize::from(n)
            };
            format!("{}/{n}", version.slug())
        });
        let huge = (any_version(), "[0-9]{4,30}")
            .prop_map(|(version, digits)| format!("{}/{digits}", version.slug()));
        let padded = (any_version(), any::<usize>(), "0{1,3}").prop_map(|(version, i, zeros)| {
            let n = i % version.questions().len() + 1;
            format!("{}/{zeros}{n}", version.slug())
        });
        let signed = (any_version(), any::<usize>(), "[+ -]|[ ]{0,2}[+-]?[ ]+").prop_map(
            |(version, i, sign)| {
                let n = i % version.questions().len() + 1;
                format!("{}/{sign}{n}", version.slug())
            },
        );
        let extra = (
            prop_oneof![
                (any_version(), any::<usize>()).prop_map(|(version, i)| {
                    format!("{}/{}", version.slug(), i % version.questions().len() + 1)
                }),
                Just("review".to_owned()),
                Just("results".to_owned()),
                Just("recruiter".to_owned()),
            ],
            "/[a-z0-9/]{0,8}",
        )
            .prop_map(|(route, rest)| format!("{route}{rest}"));
        ("#?/*", prop_oneof![number, huge, padded, signed, extra])
            .prop_map(|(start, path)| format!("{start}{path}"))
    }

    proptest! {
        #[test]
        fn every_route_round_trips_through_its_hash(route in any_route()) {
            prop_assert_eq!(Route::parse(&route.to_hash()), Ok(route));
        }

        #[test]
        fn near_misses_are_the_intro(hash in near_miss()) {
            prop_assert_eq!(Route::parse(&hash), Ok(Route::Intro), "{:?}", hash);
        }

        #[test]
        fn any_hash_parses_without_panic_to_a_route_that_round_trips(
            hash in prop_oneof![
                any::<String>(),
                "[#/]{0,3}(quick|full|review|results|recruiter|r=|t=)?(/[0-9+ -]{0,4}){0,3}",
            ],
        ) {
            if let Ok(route) = Route::parse(&hash) {
                prop_assert_eq!(Route::parse(&route.to_hash()), Ok(route));
            }
        }
    }
}
