//! Content compiled from the data files in `content/` by `build.rs`.
//!
//! Pure core: no yew, web-sys or gloo. The generated code defines [`Locale`] (one variant per
//! folder of `content/`, Spanish first) and [`Ui`] (the interface strings of one locale). Because
//! the data becomes Rust at build time, a string that one locale lacks fails the build instead of
//! showing an empty label, and no parser of the data files ships in the wasm: the browser's wasm
//! carries no language's first words, which come as a texts file of one string per line, read
//! here ([`install_texts`]); the words shown only later are in the wasm's second part for the
//! source language, and another file for the others ([`install_later`]), fetched with that
//! part.

include!(concat!(env!("OUT_DIR"), "/content.rs"));

use std::fmt;
use std::sync::OnceLock;

use crate::model::{Advice, GroupText, LaterWords, QualityText, SCALE_POINTS, ScenarioText, Texts};

/// The words of each language fetched at run time ([`Locale::texts_file`]), once installed.
static INSTALLED: [OnceLock<&'static Words>; Locale::ALL.len()] =
    [const { OnceLock::new() }; Locale::ALL.len()];

/// The later words of each language fetched at run time ([`Locale::later_file`]), once
/// installed.
static LATER_INSTALLED: [OnceLock<&'static LaterWords>; Locale::ALL.len()] =
    [const { OnceLock::new() }; Locale::ALL.len()];

/// Empty words, of the right shape, for [`Locale::installed_or_any`] before any language's
/// have arrived: never shown, but reading them cannot index out of bounds.
static NO_WORDS: Words = Words {
    texts: Texts {
        scale: [""; SCALE_POINTS as usize],
        groups: &[const { GroupText { title: "" } }; Group::ALL.len()],
        qualities: &[const {
            QualityText {
                label: "",
                name: "",
            }
        }; Quality::COUNT],
        items: &[""; LIKERT_ITEMS.len()],
    },
    ui: Ui::from_lines(&[""; Ui::LINES]),
};

/// All the words of one language that its texts file carries.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Words {
    /// The questionnaire's words.
    pub(crate) texts: Texts,
    /// The interface strings.
    pub(crate) ui: Ui,
}

impl Locale {
    /// The questionnaire's words in this language. A language whose words have not arrived
    /// yet gets those of one whose words have, or empty strings before any has: the state never
    /// shows such a language ([`Locale::texts_ready`] is checked before switching) and the app
    /// renders nothing before one language's words are here (`crate::start`), so this is only
    /// a fallback that cannot crash.
    pub(crate) fn texts(self) -> &'static Texts {
        self.bundled_texts()
            .unwrap_or_else(|| &self.installed_or_any().texts)
    }

    /// The interface strings in this language, with the same fallback as [`Locale::texts`]:
    /// what a language shows before its words have arrived is in [`Locale::own_words`].
    pub(crate) fn ui(self) -> &'static Ui {
        self.bundled_ui()
            .unwrap_or_else(|| &self.installed_or_any().ui)
    }

    /// This language's fetched words, else the first language's that have arrived, else
    /// [`NO_WORDS`].
    fn installed_or_any(self) -> &'static Words {
        INSTALLED[self.index()]
            .get()
            .or_else(|| INSTALLED.iter().find_map(OnceLock::get))
            .copied()
            .unwrap_or(&NO_WORDS)
    }

    /// The first language whose words are here, if any: what the app starts in while the one
    /// it wants is still on its way.
    pub(crate) fn any_ready() -> Option<Locale> {
        Locale::ALL.into_iter().find(|locale| locale.texts_ready())
    }

    /// The words shown only after the first questions in this language. A language whose later
    /// words have not arrived gets the source language's: they are fetched with the wasm's
    /// second part, before any screen that shows them ([`Locale::later_ready`]), so this is
    /// only a fallback that cannot crash, for a reader whose download failed.
    pub(crate) fn later(self) -> &'static LaterWords {
        self.bundled_later()
            .or_else(|| LATER_INSTALLED[self.index()].get().copied())
            .unwrap_or(&LATER_ES)
    }

    /// Whether this language's later words are here: compiled in, or fetched and installed.
    pub(crate) fn later_ready(self) -> bool {
        self.bundled_later().is_some() || LATER_INSTALLED[self.index()].get().is_some()
    }

    /// Whether this language's words are here: compiled in, or fetched and installed.
    pub(crate) fn texts_ready(self) -> bool {
        #[cfg(test)]
        if WITHHELD.get() == Some(self) {
            return false;
        }
        self.bundled_texts().is_some() || INSTALLED[self.index()].get().is_some()
    }

    /// Position in [`Locale::ALL`].
    fn index(self) -> usize {
        Locale::ALL
            .iter()
            .position(|&locale| locale == self)
            .unwrap_or_default()
    }
}

#[cfg(test)]
thread_local! {
    /// A language whose words the current test pretends have not arrived, as in the browser.
    static WITHHELD: std::cell::Cell<Option<Locale>> = const { std::cell::Cell::new(None) };
}

/// Makes `locale`'s words look absent (with `Some`) or present again (`None`) in this test's
/// thread, so that native tests can follow the browser's path of a language fetched later.
#[cfg(test)]
pub(crate) fn withhold_texts(locale: Option<Locale>) {
    WITHHELD.set(locale);
}

/// Why a fetched texts file was not used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum TextsFileError {
    /// The first line is not this language's and this content version's header: another
    /// file (a server's error page, say).
    NotOurs,
    /// The file ends before every string has been read.
    Truncated,
    /// An advice's action count is not a digit.
    BadCount,
    /// Lines are left over after every string has been read.
    TooLong,
}

impl fmt::Display for TextsFileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            TextsFileError::NotOurs => "not a texts file of this language and version",
            TextsFileError::Truncated => "the texts file is cut short",
            TextsFileError::BadCount => "the texts file has a bad action count",
            TextsFileError::TooLong => "the texts file has lines left over",
        })
    }
}

/// Reads a texts file and makes its words `locale`'s for the rest of the visit. The file is
/// kept for good (its strings are the texts), so call this once per language.
pub(crate) fn install_texts(locale: Locale, file: String) -> Result<(), TextsFileError> {
    let file: &'static str = Box::leak(file.into_boxed_str());
    let words: &'static Words = Box::leak(Box::new(decode_texts(locale, file)?));
    // Two loads of the same language racing: the first one's words stay, which are the same.
    INSTALLED[locale.index()].get_or_init(|| words);
    Ok(())
}

/// Reads a later-words file and makes its words `locale`'s for the rest of the visit, as
/// [`install_texts`].
pub(crate) fn install_later(locale: Locale, file: String) -> Result<(), TextsFileError> {
    let file: &'static str = Box::leak(file.into_boxed_str());
    let words: &'static LaterWords = Box::leak(Box::new(decode_later(locale, file)?));
    LATER_INSTALLED[locale.index()].get_or_init(|| words);
    Ok(())
}

/// The lines of a texts file, one string each.
struct Lines(std::str::Split<'static, char>);

impl Lines {
    fn next(&mut self) -> Result<&'static str, TextsFileError> {
        self.0.next().ok_or(TextsFileError::Truncated)
    }

    /// `n` strings, kept for good.
    fn take(&mut self, n: usize) -> Result<&'static [&'static str], TextsFileError> {
        let mut strings = Vec::with_capacity(n);
        for _ in 0..n {
            strings.push(self.next()?);
        }
        Ok(strings.leak())
    }

    /// The statements of [`LIKERT_ITEMS`] in the quick version (`quick`) or outside it, one line
    /// each, in model order, with the others empty, kept for good.
    fn statements(&mut self, quick: bool) -> Result<&'static [&'static str], TextsFileError> {
        let mut statements = Vec::with_capacity(LIKERT_ITEMS.len());
        for item in &LIKERT_ITEMS {
            statements.push(if item.quick == quick {
                self.next()?
            } else {
                ""
            });
        }
        Ok(statements.leak())
    }

    /// Checks that `header` comes first, for `locale` and this content version.
    fn header(&mut self, kind: &str, locale: Locale) -> Result<(), TextsFileError> {
        let header = format!("perfil-cm {kind} {} {CONTENT_VERSION}", locale.code());
        if self.next()? != header {
            return Err(TextsFileError::NotOurs);
        }
        Ok(())
    }

    /// Fails if lines are left over.
    fn end(mut self) -> Result<(), TextsFileError> {
        match self.0.next() {
            Some(_) => Err(TextsFileError::TooLong),
            None => Ok(()),
        }
    }
}

/// The `Words` in `file`, written by `build/content.rs` (`texts_file`) in this order: the
/// header, the scale, the groups, the qualities' labels and names, the quick version's
/// statements, and the interface strings.
fn decode_texts(locale: Locale, file: &'static str) -> Result<Words, TextsFileError> {
    let mut lines = Lines(file.split('\n'));
    lines.header("texts", locale)?;
    let mut scale = [""; SCALE_POINTS as usize];
    for label in &mut scale {
        *label = lines.next()?;
    }
    // Plain loops: `collect` into a `Result` costs more wasm than these few lines.
    let mut groups = Vec::with_capacity(Group::ALL.len());
    for _ in Group::ALL {
        groups.push(GroupText {
            title: lines.next()?,
        });
    }
    let mut qualities = Vec::with_capacity(Quality::COUNT);
    for _ in Quality::ALL {
        qualities.push(QualityText {
            label: lines.next()?,
            name: lines.next()?,
        });
    }
    let items = lines.statements(true)?;
    let ui = lines.take(Ui::LINES)?;
    let ui = Ui::from_lines(ui.try_into().map_err(|_| TextsFileError::Truncated)?);
    lines.end()?;
    let texts = Texts {
        scale,
        groups: groups.leak(),
        qualities: qualities.leak(),
        items,
    };
    Ok(Words { texts, ui })
}

/// The `LaterWords` in `file`, written by `build/content.rs` (`later_file`) in this order: the
/// header, the qualities' descriptions, the statements outside the quick version, the
/// scenarios, the advice (reading, action count, actions), the summary, and the interface
/// strings shown only later.
fn decode_later(locale: Locale, file: &'static str) -> Result<LaterWords, TextsFileError> {
    let mut lines = Lines(file.split('\n'));
    lines.header("later", locale)?;
    let descriptions = lines.take(Quality::COUNT)?;
    let items = lines.statements(false)?;
    let mut scenarios = Vec::with_capacity(SCENARIOS.len());
    for scenario in &SCENARIOS {
        scenarios.push(ScenarioText {
            prompt: lines.next()?,
            options: lines.take(scenario.options.len())?,
        });
    }
    let mut advice = Vec::with_capacity(Quality::COUNT);
    for _ in 0..Quality::COUNT {
        let mut bands = [const {
            Advice {
                reading: "",
                actions: &[],
            }
        }; 3];
        for band in &mut bands {
            let reading = lines.next()?;
            // One digit: the build allows two or three actions.
            let count = match *lines.next()?.as_bytes() {
                [digit @ b'0'..=b'9'] => usize::from(digit - b'0'),
                _ => return Err(TextsFileError::BadCount),
            };
            *band = Advice {
                reading,
                actions: lines.take(count)?,
            };
        }
        advice.push(bands);
    }
    let summary = [lines.next()?, lines.next()?, lines.next()?];
    let ui = lines.take(LaterUi::LINES)?;
    let ui = LaterUi::from_lines(ui.try_into().map_err(|_| TextsFileError::Truncated)?);
    lines.end()?;
    Ok(LaterWords {
        descriptions,
        items,
        scenarios: scenarios.leak(),
        advice: advice.leak(),
        summary,
        ui: Box::leak(Box::new(ui)),
    })
}

#[cfg(test)]
mod neutral_spanish;
#[cfg(test)]
mod rules;

#[cfg(test)]
mod texts_file_tests {
    use super::*;

    /// The files build.rs wrote for English, exactly as the browser fetches them.
    const ENGLISH: &str = include_str!(concat!(env!("OUT_DIR"), "/texts-en.txt"));
    const ENGLISH_LATER: &str = include_str!(concat!(env!("OUT_DIR"), "/texts-en-later.txt"));
    /// The file build.rs wrote for Spanish: the source language's first words are a file too.
    const SPANISH: &str = include_str!(concat!(env!("OUT_DIR"), "/texts-es.txt"));

    #[test]
    fn every_languages_first_file_reads_back_as_the_words_the_build_compiles() {
        for (locale, file, texts, ui) in [
            (Locale::Es, SPANISH, &TEXTS_ES, &UI_ES),
            (Locale::En, ENGLISH, &TEXTS_EN, &UI_EN),
        ] {
            assert!(locale.texts_file().is_some());
            let words = decode_texts(locale, file);
            assert_eq!(words.as_ref().map(|w| &w.texts), Ok(texts));
            assert_eq!(words.as_ref().map(|w| &w.ui), Ok(ui));
        }
        // Each file says whose words it holds.
        assert_eq!(
            decode_texts(Locale::En, SPANISH).err(),
            Some(TextsFileError::NotOurs)
        );
    }

    #[test]
    fn the_english_later_file_reads_back_as_the_words_the_build_compiles() {
        assert!(Locale::En.later_file().is_some());
        // The source language's later words are in the wasm's second part.
        assert_eq!(Locale::Es.later_file(), None);
        assert_eq!(
            decode_later(Locale::En, ENGLISH_LATER).as_ref(),
            Ok(&LATER_EN)
        );
    }

    #[test]
    fn the_first_file_has_no_word_of_the_later_one() {
        // Nothing shown only later is downloaded before the first question.
        let first: std::collections::HashSet<&str> = ENGLISH.lines().collect();
        for line in ENGLISH_LATER.lines().skip(1) {
            assert!(
                line.len() < 3 || !first.contains(line),
                "in both files: {line}"
            );
        }
        assert!(!ENGLISH.contains(LATER_EN.summary[0]));
        assert!(ENGLISH_LATER.contains(LATER_EN.summary[0]));
    }

    #[test]
    fn their_names_change_with_their_content() {
        let name = Locale::En.texts_file().unwrap_or_default();
        assert!(
            name.starts_with("texts-en-") && name.ends_with(".txt"),
            "{name}"
        );
        assert_eq!(name.len(), "texts-en-".len() + 16 + ".txt".len());
        let later = Locale::En.later_file().unwrap_or_default();
        assert!(
            later.starts_with("texts-en-later-") && later.ends_with(".txt"),
            "{later}"
        );
        assert_eq!(later.len(), "texts-en-later-".len() + 16 + ".txt".len());
    }

    #[test]
    fn a_file_of_another_language_version_or_length_is_refused() {
        let leak = |text: String| -> &'static str { Box::leak(text.into_boxed_str()) };
        let spanish = leak(ENGLISH.replacen("texts en", "texts es", 1));
        assert_eq!(
            decode_texts(Locale::En, spanish),
            Err(TextsFileError::NotOurs)
        );
        let older = leak(ENGLISH.replacen(&format!(" {CONTENT_VERSION}\n"), " 1\n", 1));
        assert_eq!(
            decode_texts(Locale::En, older),
            Err(TextsFileError::NotOurs)
        );
        assert_eq!(
            decode_texts(Locale::En, "<!doctype html><p>Not found</p>"),
            Err(TextsFileError::NotOurs)
        );
        let lines: Vec<&str> = ENGLISH.split('\n').collect();
        let short = leak(lines[..lines.len() - 1].join("\n"));
        assert_eq!(
            decode_texts(Locale::En, short),
            Err(TextsFileError::Truncated)
        );
        let long = leak(format!("{ENGLISH}\nmore"));
        assert_eq!(decode_texts(Locale::En, long), Err(TextsFileError::TooLong));
        // Either file in the other's place.
        assert_eq!(
            decode_texts(Locale::En, ENGLISH_LATER),
            Err(TextsFileError::NotOurs)
        );
        assert_eq!(
            decode_later(Locale::En, ENGLISH),
            Err(TextsFileError::NotOurs)
        );
        let lines: Vec<&str> = ENGLISH_LATER.split('\n').collect();
        let short = leak(lines[..lines.len() - 1].join("\n"));
        assert_eq!(
            decode_later(Locale::En, short),
            Err(TextsFileError::Truncated)
        );
        let long = leak(format!("{ENGLISH_LATER}\nmore"));
        assert_eq!(decode_later(Locale::En, long), Err(TextsFileError::TooLong));
        // The first advice's action count, made a word.
        let count = lines
            .iter()
            .position(|line| line.parse::<u8>().is_ok())
            .unwrap_or_default();
        let mut bad = lines.clone();
        bad[count] = "three";
        let bad = leak(bad.join("\n"));
        assert_eq!(decode_later(Locale::En, bad), Err(TextsFileError::BadCount));
    }

    #[test]
    fn every_language_is_ready_outside_the_browser() {
        for locale in Locale::ALL {
            assert!(locale.texts_ready());
            assert!(std::ptr::eq(
                locale.texts(),
                locale.bundled_texts().unwrap_or(&NO_WORDS.texts)
            ));
            assert!(std::ptr::eq(
                locale.ui(),
                locale.bundled_ui().unwrap_or(&NO_WORDS.ui)
            ));
            assert!(locale.later_ready());
            assert!(std::ptr::eq(
                locale.later(),
                locale.bundled_later().unwrap_or(&LATER_ES)
            ));
        }
    }
}
