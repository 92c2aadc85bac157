//! Hash routes: `#/quick/4` is the 4th question of the quick version, `#/review`, `#/results`,
//! and anything else (including no hash) the intro. Browser Back and Forward move between
//! questions because each step is a history entry.
//!
//! Pure core: no yew, web-sys or gloo. The hash is untrusted input: anything that does not parse
//! exactly is the intro, never an error.

use crate::model::Version;

/// A place in the app that has its own URL.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Route {
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
    /// The profile.
    Results,
    /// A result someone shared: `#r=…` (read by [`crate::share`], which the route does not
    /// carry, so that routes stay small and `Copy`).
    Shared,
}

impl Version {
    /// The version's name in URLs.
    pub const fn slug(self) -> &'static str {
        match self {
            Version::Quick => "quick",
            Version::Full => "full",
        }
    }

    fn from_slug(slug: &str) -> Option<Version> {
        Version::ALL.into_iter().find(|v| v.slug() == slug)
    }
}

impl Route {
    /// The route of a location hash (with or without its `#`). Question numbers in the URL count
    /// from 1, as people do; `position` counts from 0.
    pub fn parse(hash: &str) -> Route {
        if hash.starts_with(crate::share::FRAGMENT_PREFIX) {
            return Route::Shared;
        }
        let path = hash.trim_start_matches('#').trim_start_matches('/');
        let mut parts = path.split('/');
        match (parts.next(), parts.next(), parts.next()) {
            (Some("review"), None, None) => Route::Review,
            (Some("results"), None, None) => Route::Results,
            (Some(slug), Some(number), None) => {
                let version = Version::from_slug(slug);
                // Only plain decimal digits: no sign, no spaces, nothing huge.
                let number = (number.len() <= 3 && number.bytes().all(|b| b.is_ascii_digit()))
                    .then(|| number.parse::<usize>().ok())
                    .flatten();
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
        }
    }

    /// The location hash for this route, with its `#`.
    pub fn to_hash(self) -> String {
        match self {
            Route::Intro => "#/".to_owned(),
            Route::Question { version, position } => {
                format!("#/{}/{}", version.slug(), position + 1)
            }
            Route::Review => "#/review".to_owned(),
            Route::Results => "#/results".to_owned(),
            // The link's own fragment stays in the address bar; there is no other form.
            Route::Shared => String::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn routes_round_trip_through_the_hash() {
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
        ];
        for route in routes {
            assert_eq!(Route::parse(&route.to_hash()), route, "{}", route.to_hash());
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
    fn anything_else_is_the_intro() {
        for hash in [
            "",
            "#",
            "#/",
            "#/quick",
            "#/quick/0",
            "#/quick/14",
            "#/full/50",
            "#/quick/+3",
            "#/quick/ 3",
            "#/quick/3/x",
            "#/slow/3",
            "#/review/1",
            "#/quick/99999999999999999999",
        ] {
            assert_eq!(Route::parse(hash), Route::Intro, "{hash:?}");
        }
    }
}
