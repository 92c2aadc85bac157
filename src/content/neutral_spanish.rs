//! The Spanish texts are for Spain and Latin America alike: `tú`, never `vosotros`, and no word
//! that only Spain uses. This test reads every string value of `content/es/text.toml` and
//! `content/es/ui.toml` (everything a person can see in Spanish) and names the key and the word
//! of each Spain-only form it finds. CONTENT.md ("Neutral Spanish") says how to extend the lists.

use std::path::Path;

/// Whole words that only a vosotros reading uses.
const VOSOTROS_WORDS: &[&str] = &[
    "vosotros", "vosotras", "vuestro", "vuestra", "vuestros", "vuestras", "os", "sois", "vais",
];

/// Endings of vosotros verb forms: `podéis`, `podáis`, `explicaréis`, `haríais`, `hablabais`,
/// `resolvisteis`, `hablasteis`, `decís`. No other Spanish word ends so, except those in
/// [`NOT_VOSOTROS`].
const VOSOTROS_ENDINGS: &[&str] = &["éis", "áis", "íais", "abais", "asteis", "isteis", "ís"];

/// Words that end like a vosotros form but are not one.
const NOT_VOSOTROS: &[&str] = &["país", "anís", "parís"];

/// Words used in Spain but not (or with another meaning) in Latin America, each with what to say
/// instead.
const SPAIN_ONLY: &[(&str, &str)] = &[
    ("móvil", "teléfono"),
    ("móviles", "teléfonos"),
    ("intro", "Enter (the key)"),
    ("ordenador", "computadora, equipo"),
    ("ordenadores", "computadoras, equipos"),
    ("coger", "tomar, agarrar"),
    ("coge", "toma"),
    ("coges", "tomas"),
    ("cogido", "tomado"),
    ("guay", "genial"),
    ("currar", "trabajar"),
    ("curro", "trabajo"),
    ("mola", "me gusta, es genial"),
    ("molan", "me gustan, son geniales"),
    ("chaval", "chico, joven"),
    ("chavales", "chicos, jóvenes"),
    ("mogollón", "muchísimo"),
    ("apúntate", "inscríbete"),
    ("apuntarte", "inscribirte"),
    ("hueco", "rato, espacio"),
    ("ilusión", "entusiasmo, ganas"),
    ("ilusiona", "entusiasma"),
    ("ilusionaba", "entusiasmaba"),
    ("ilusionaban", "entusiasmaban"),
    ("aparcar", "dejar en pausa"),
    ("aparcada", "en pausa"),
    ("aparcado", "en pausa"),
    ("rellenar", "completar"),
    ("rellena", "completa"),
    ("rellene", "complete"),
    ("coche", "auto, vehículo"),
    ("vídeo", "video"),
    ("vídeos", "videos"),
];

/// Phrases used in Spain where Latin America says something else, each with what to say instead.
/// Matched without regard to case, on word boundaries.
const SPAIN_ONLY_PHRASES: &[(&str, &str)] = &[
    ("merece la pena", "vale la pena"),
    ("merecer la pena", "valer la pena"),
    ("merecía la pena", "valía la pena"),
    ("mereció la pena", "valió la pena"),
];

/// «vale» alone ("OK") is Spain-only; «vale la pena», «más vale» are everyone's. It is caught
/// when punctuation or the end of the text follows it, as in «Vale, …» or «¿vale?».
const VALE: &str = "vale";

/// Quotations of the seeds (`shared/seeds/`) that a Spanish text repeats word for word: they may
/// keep the article's own Spain-Spanish wording. None yet.
const SEED_QUOTATIONS: &[&str] = &[];

/// One Spain-only form in one text.
#[derive(Debug, PartialEq, Eq)]
struct Finding {
    key: String,
    word: String,
    why: String,
}

/// The Spain-only forms in `text`, once `quotations` are taken out of it.
fn findings(key: &str, text: &str, quotations: &[&str]) -> Vec<Finding> {
    let mut text = text.to_owned();
    for quotation in quotations {
        text = text.replace(quotation, " ");
    }
    let mut found = Vec::new();
    let lower_text = text.to_lowercase();
    for (phrase, instead) in SPAIN_ONLY_PHRASES {
        let mut from = 0;
        while let Some(at) = lower_text[from..].find(phrase).map(|at| at + from) {
            let end = at + phrase.len();
            let bounded = !lower_text[..at].ends_with(char::is_alphanumeric)
                && !lower_text[end..].starts_with(char::is_alphanumeric);
            if bounded {
                found.push(Finding {
                    key: key.to_owned(),
                    word: (*phrase).to_owned(),
                    why: format!("is Spain-only: say «{instead}»"),
                });
            }
            from = end;
        }
    }
    let mut rest = text.as_str();
    while let Some(start) = rest.find(char::is_alphanumeric) {
        let from_word = &rest[start..];
        let end = from_word
            .find(|c: char| !c.is_alphanumeric())
            .unwrap_or(from_word.len());
        let (word, after) = from_word.split_at(end);
        rest = after;
        let lower = word.to_lowercase();
        let why = if VOSOTROS_WORDS.contains(&lower.as_str()) {
            Some("is a vosotros form: address the reader as tú".to_owned())
        } else if VOSOTROS_ENDINGS.iter().any(|e| lower.ends_with(e))
            && !NOT_VOSOTROS.contains(&lower.as_str())
        {
            Some("looks like a vosotros verb form: address the reader as tú".to_owned())
        } else if let Some((_, instead)) = SPAIN_ONLY.iter().find(|(w, _)| *w == lower) {
            Some(format!("is Spain-only: say «{instead}»"))
        } else if lower == VALE
            && after
                .trim_start()
                .chars()
                .next()
                .is_none_or(|c| ",.;:!?)»".contains(c))
        {
            Some("as «OK» is Spain-only: say «de acuerdo», «bien»".to_owned())
        } else {
            None
        };
        if let Some(why) = why {
            found.push(Finding {
                key: key.to_owned(),
                word: word.to_owned(),
                why,
            });
        }
    }
    found
}

/// Every string value of a TOML document, with its dotted key (`advice.pasion.develop.actions[0]`).
fn strings(prefix: &str, value: &toml::Value, out: &mut Vec<(String, String)>) {
    match value {
        toml::Value::String(text) => out.push((prefix.to_owned(), text.clone())),
        toml::Value::Array(values) => {
            for (i, value) in values.iter().enumerate() {
                strings(&format!("{prefix}[{i}]"), value, out);
            }
        }
        toml::Value::Table(table) => {
            for (key, value) in table {
                let key = if prefix.is_empty() {
                    key.clone()
                } else {
                    format!("{prefix}.{key}")
                };
                strings(&key, value, out);
            }
        }
        _ => {}
    }
}

/// Every Spanish text a person can see, as (`file: key`, text).
fn spanish_texts() -> Vec<(String, String)> {
    let mut all = Vec::new();
    for name in ["text.toml", "ui.toml"] {
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("content/es")
            .join(name);
        let source = std::fs::read_to_string(&path).expect("content/es is readable");
        let table: toml::Value = toml::from_str(&source).expect("content/es is valid TOML");
        let mut texts = Vec::new();
        strings("", &table, &mut texts);
        all.extend(
            texts
                .into_iter()
                .filter(|(key, _)| key != "locale")
                .map(|(key, text)| (format!("content/es/{name}: `{key}`"), text)),
        );
    }
    all
}

#[test]
fn the_spanish_texts_use_no_vosotros_form_and_no_spain_only_word() {
    let texts = spanish_texts();
    assert!(texts.len() > 300, "only {} Spanish texts read", texts.len());
    let found: Vec<String> = texts
        .iter()
        .flat_map(|(key, text)| findings(key, text, SEED_QUOTATIONS))
        .map(|f| format!("{}: «{}» {}", f.key, f.word, f.why))
        .collect();
    assert!(
        found.is_empty(),
        "Spanish for Spain and Latin America alike (CONTENT.md, \"Neutral Spanish\"):\n{}",
        found.join("\n")
    );
}

#[test]
fn vosotros_forms_and_spain_only_words_are_caught_and_their_look_alikes_are_not() {
    let words = |text: &str| -> Vec<String> {
        findings("k", text, &[])
            .into_iter()
            .map(|f| f.word)
            .collect()
    };
    assert_eq!(
        words("Si podéis, explicaréis lo que haríais y cómo lo resolvisteis; os lo agradezco."),
        ["podéis", "explicaréis", "haríais", "resolvisteis", "os"]
    );
    assert_eq!(
        words("Cuando podáis, decís qué hablabais con vosotros y cuándo lo hablasteis; ¿oís?"),
        [
            "podáis",
            "decís",
            "hablabais",
            "vosotros",
            "hablasteis",
            "oís"
        ]
    );
    assert_eq!(
        words("Coge el Móvil, pulsa Intro y apúntate en un hueco: ¡qué ilusión! ¿Vale?"),
        [
            "Coge",
            "Móvil",
            "Intro",
            "apúntate",
            "hueco",
            "ilusión",
            "Vale"
        ]
    );
    assert_eq!(
        words("Merece la pena probarlo, y mereció la pena."),
        ["merece la pena", "mereció la pena"]
    );
    assert_eq!(
        words("En cada país vale la pena buscar la raíz: más vale maíz que anís, seis veces."),
        Vec::<String>::new()
    );
    assert_eq!(
        words("Pulsa Enter en tu teléfono, inscríbete y los demás lo sabrán; usted y ustedes."),
        Vec::<String>::new()
    );
}

#[test]
fn a_finding_names_the_key_and_the_word_and_a_seed_quotation_is_exempt() {
    assert_eq!(
        findings("content/es/ui.toml: `a`", "Si podéis, seguid.", &[]),
        [Finding {
            key: "content/es/ui.toml: `a`".to_owned(),
            word: "podéis".to_owned(),
            why: "looks like a vosotros verb form: address the reader as tú".to_owned(),
        }]
    );
    assert_eq!(
        findings(
            "k",
            "Como dice el artículo, «si podéis, compartid».",
            &["si podéis, compartid"]
        ),
        []
    );
}

#[test]
fn seed_quotations_are_verbatim_in_a_seed_and_in_the_spanish_texts() {
    let texts = spanish_texts();
    for quotation in SEED_QUOTATIONS {
        assert!(
            texts.iter().any(|(_, text)| text.contains(quotation)),
            "{quotation:?} is allowed as a seed quotation but no Spanish text has it"
        );
    }
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds");
    let Ok(entries) = std::fs::read_dir(&seeds) else {
        // The seeds live beside the repository (shared/), not in it; CI has them.
        eprintln!("skipped: {} not found", seeds.display());
        return;
    };
    let seeds: Vec<String> = entries
        .filter_map(Result::ok)
        .filter_map(|entry| std::fs::read_to_string(entry.path()).ok())
        .collect();
    for quotation in SEED_QUOTATIONS {
        assert!(
            seeds.iter().any(|seed| seed.contains(quotation)),
            "{quotation:?} is allowed as a seed quotation but no seed has it"
        );
    }
}
