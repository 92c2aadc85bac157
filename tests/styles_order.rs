//! The app ships two style sheets, joined by `scripts/bundle_css.mjs` in the order of
//! `styles/order.txt`, cut at its line `[later]`: every sheet in `styles/` is listed there exactly
//! once, and nothing else.

use std::{collections::BTreeSet, fs, path::Path};

#[test]
fn every_style_sheet_is_in_the_order_once() {
    let styles = Path::new(env!("CARGO_MANIFEST_DIR")).join("styles");
    let order = fs::read_to_string(styles.join("order.txt")).expect("styles/order.txt");
    let listed: Vec<&str> = order
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .collect();
    let cuts: Vec<usize> = (0..listed.len())
        .filter(|&i| listed[i] == "[later]")
        .collect();
    assert_eq!(cuts.len(), 1, "one line [later] in styles/order.txt");
    // The first sheet holds what the intro and the questions need; the review is the first
    // screen shown only later.
    assert_eq!(listed.get(cuts[0] + 1), Some(&"review.css"), "{listed:?}");
    let listed: Vec<&str> = listed
        .into_iter()
        .filter(|&line| line != "[later]")
        .collect();
    assert_eq!(listed.first(), Some(&"tokens.css"), "the tokens come first");
    assert_eq!(listed.last(), Some(&"print.css"), "print comes last");
    let unique: BTreeSet<&str> = listed.iter().copied().collect();
    assert_eq!(
        unique.len(),
        listed.len(),
        "styles/order.txt lists a file twice: {listed:?}"
    );
    let present: BTreeSet<String> = fs::read_dir(&styles)
        .expect("styles/")
        .map(|entry| {
            entry
                .expect("an entry of styles/")
                .file_name()
                .into_string()
                .expect("a UTF-8 name")
        })
        .filter(|name| name.ends_with(".css"))
        .collect();
    let listed: BTreeSet<String> = unique.into_iter().map(String::from).collect();
    assert_eq!(
        present, listed,
        "the .css files of styles/ and the list in styles/order.txt"
    );
}
