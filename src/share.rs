//! A result as a share link whose data lives only in the URL fragment: `#r=<answer code>`, and
//! `#r=<answer code>&t=<target code>` when the result was made against a role's target.
//!
//! Pure core: no yew, web-sys or gloo. Browsers never send the fragment to a server, so a shared
//! result goes only where the person sends the link. What follows [`FRAGMENT_PREFIX`] is the
//! [answer code](crate::answer_code) of the version taken, which defines the format and every
//! check, then, after [`TARGET_SEPARATOR`], the [target code](crate::target) if there is one;
//! this module only joins and splits them.

use crate::answer_code::{self, CodedAnswers};
use crate::answers::Answers;
use crate::i18n::Locale;
use crate::model::Version;
use crate::target::{self, Target};

/// Why a link could not be read.
pub(crate) use crate::answer_code::CodeError as LinkError;

/// What a link holds: the questionnaire taken, its answers, and the role's target the result
/// was made against, if any.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct SharedResult {
    /// The questionnaire that was taken.
    pub(crate) version: Version,
    /// The answers to that version's questions; every other question is unanswered.
    pub(crate) answers: Answers,
    /// The target of the run, shown against the result.
    pub(crate) target: Option<Target>,
}

/// The fragment prefix of a share link, with its `#`.
pub(crate) const FRAGMENT_PREFIX: &str = "#r=";
/// Between the answer code and the target code. Neither code ever holds a `&`.
pub(crate) const TARGET_SEPARATOR: &str = "&t=";

/// The whole fragment, `#r=` + the answer code of `version`'s questions (answers to other
/// questions are left out), and `&t=` + the target code when there is a target.
pub(crate) fn fragment(version: Version, answers: &Answers, target: Option<&Target>) -> String {
    let code = answer_code::encode(version, answers);
    match target {
        None => format!("{FRAGMENT_PREFIX}{code}"),
        Some(target) => format!(
            "{FRAGMENT_PREFIX}{code}{TARGET_SEPARATOR}{}",
            target::encode(target)
        ),
    }
}

/// The share link of a result: `page` (the app's origin and path), `?lang=` only when the
/// sharer's own address asked for a language, and the fragment. Nothing else of the sharer's
/// address goes with it: tracking parameters, or an e-mail address from a newsletter link,
/// stay behind.
pub(crate) fn link(
    page: &str,
    lang: Option<Locale>,
    version: Version,
    answers: &Answers,
    target: Option<&Target>,
) -> String {
    let query = lang.map_or_else(String::new, |locale| format!("?lang={}", locale.code()));
    format!("{page}{query}{}", fragment(version, answers, target))
}

/// Reads a link's fragment, with or without its leading `#r=` or `r=` (a pasted fragment may
/// have lost either), checking everything the answer code, and the target code when there is
/// one, check.
pub(crate) fn decode(fragment: &str) -> Result<SharedResult, LinkError> {
    let codes = fragment
        .strip_prefix(FRAGMENT_PREFIX)
        .or_else(|| fragment.strip_prefix("r="))
        .unwrap_or(fragment);
    let (answers, target) = match codes.split_once(TARGET_SEPARATOR) {
        Some((answers, target)) => (answers, Some(target)),
        None => (codes, None),
    };
    let CodedAnswers { version, answers } = answer_code::decode(answers)?;
    let target = target.map(target::decode).transpose()?;
    Ok(SharedResult {
        version,
        answers,
        target,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answer_code::tests::written;

    /// Links written by content version 2, with their answers written out; they must open, and
    /// be written, exactly so for as long as content version 2 is current.
    fn captured() -> [(&'static str, Version, Answers); 5] {
        [
            (
                "#r=EAIHtQ1NPdPPIAHR4w",
                Version::Quick,
                written("50001000000030000000000001", ""),
            ),
            (
                "#r=EQICXpM2iQYdzbpHoodbNbkbKf0zG4-auw",
                Version::Full,
                written(
                    "2531425314253142531425314253142531425314253142531425",
                    "cbadcbadcbad",
                ),
            ),
            (
                "#r=EQIBnslPgz1mZJD-XD9hwlPqG7XM7Ed7kg",
                Version::Full,
                written(
                    "2000000000000400000000000000000000100000000000000005",
                    "d----a---b-c",
                ),
            ),
            ("#r=EAIAAAAAAAAAAABfuA", Version::Quick, Answers::new()),
            (
                "#r=EQIAAAAAAAAAAAAAAAAAAAAAAAAAAABImw",
                Version::Full,
                Answers::new(),
            ),
        ]
    }

    /// Links written by content version 1 (13 quick statements; 39 statements and 10
    /// scenarios), captured before version 2: their answers belong to other questions, so they
    /// are reported as made for an earlier version, never read as answers to these.
    #[test]
    fn links_of_content_version_1_are_reported_as_such() {
        for link in [
            "#r=EAEAurwOy9rZ",
            "#r=EAECiNTxAzaq",
            "#r=EQEH-pNQOB0T1o6q8DI2TCdUMlI",
            "#r=EQEFdL9487KfSF23uKPjZEbkS_k",
            "#r=EAEAAAAAAIMV",
            "#r=EQEAAAAAAAAAAAAAAAAAAAAAV4c",
        ] {
            assert_eq!(
                decode(link),
                Err(LinkError::OtherContentVersion(1)),
                "{link}"
            );
        }
    }

    #[test]
    fn captured_links_open_and_are_written_unchanged() {
        for (link, version, answers) in captured() {
            assert_eq!(
                decode(link),
                Ok(SharedResult {
                    version,
                    answers: answers.clone(),
                    target: None,
                }),
                "{link}"
            );
            assert_eq!(fragment(version, &answers, None), link);
        }
    }

    #[test]
    fn links_are_read_with_or_without_their_prefix() {
        let expected = Ok(SharedResult {
            version: Version::Quick,
            answers: written("50001000000030000000000001", ""),
            target: None,
        });
        for link in [
            "#r=EAIHtQ1NPdPPIAHR4w",
            "r=EAIHtQ1NPdPPIAHR4w",
            "EAIHtQ1NPdPPIAHR4w",
        ] {
            assert_eq!(decode(link), expected, "{link}");
        }
        assert_eq!(decode("#r="), Err(LinkError::Empty));
        assert_eq!(decode("#EAIHtQ1NPdPPIAHR4w"), Err(LinkError::NotBase64));
        // Answers outside the version are left out of its link.
        let quick_and_more = written("500010000000300000000000013", "a");
        assert_eq!(
            fragment(Version::Quick, &quick_and_more, None),
            "#r=EAIHtQ1NPdPPIAHR4w"
        );
    }

    #[test]
    fn a_link_carries_the_page_at_most_the_language_and_the_fragment() {
        let answers = written("1234512345123", "");
        let fragment = fragment(Version::Quick, &answers, None);
        assert_eq!(
            link(
                "https://example.org/perfil/",
                None,
                Version::Quick,
                &answers,
                None
            ),
            format!("https://example.org/perfil/{fragment}")
        );
        assert_eq!(
            link(
                "https://example.org/",
                Some(Locale::En),
                Version::Quick,
                &answers,
                None
            ),
            format!("https://example.org/?lang=en{fragment}")
        );
    }

    #[test]
    fn a_result_made_against_a_target_carries_it_after_the_answers() {
        let answers = written("50001000000030000000000001", "");
        let role = Target::new(
            [Some(60); crate::model::Quality::COUNT],
            "Community manager",
        );
        let link = fragment(Version::Quick, &answers, Some(&role));
        assert_eq!(
            link,
            format!("#r=EAIHtQ1NPdPPIAHR4w&t={}", target::encode(&role))
        );
        assert_eq!(
            decode(&link),
            Ok(SharedResult {
                version: Version::Quick,
                answers,
                target: Some(role),
            })
        );
        // A damaged target spoils the link: it is not shown without what it was made against.
        assert_eq!(decode("#r=EAIHtQ1NPdPPIAHR4w&t="), Err(LinkError::Empty));
        assert_eq!(
            decode("#r=EAIHtQ1NPdPPIAHR4w&t=EAEA"),
            Err(LinkError::Truncated)
        );
        assert_eq!(
            decode("#r=EAIHtQ1NPdPPIAHR4w&x=1"),
            Err(LinkError::NotBase64)
        );
    }
}
