//! Date extraction on the development corpus (read from `$NEWSLENS_CORPUS`, default `../shared/corpus`):
//! the seed article's gold dates, and a speed check over every French text. Skipped when the corpus is absent.

use std::path::PathBuf;

use newslens::dates::{extract, Reference};
use newslens::text::Doc;
use newslens::Lang;

fn corpus() -> Option<PathBuf> {
    let dir = std::env::var_os("NEWSLENS_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus"));
    if dir.is_dir() {
        Some(dir)
    } else {
        eprintln!("SKIPPED: no corpus at {} (set NEWSLENS_CORPUS)", dir.display());
        None
    }
}

#[test]
fn seed_gold_dates_are_found_with_their_values() {
    let Some(dir) = corpus() else { return };
    let gold: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(dir.join("seed/sessions-fr.gold.json")).unwrap()).unwrap();
    let text = gold["text"].as_str().unwrap();
    let reference = Reference::parse_iso(gold["reference"].as_str().unwrap());
    let doc = Doc::new(text);
    let found = extract(&doc, Lang::Fr, reference.as_ref());
    let mut right = 0;
    let mut total = 0;
    for g in gold["dates"].as_array().unwrap() {
        let Some(want) = g["value"].as_str() else { continue };
        total += 1;
        let gtext = g["text"].as_str().unwrap();
        // gold offsets are code points: compare by text and value instead
        if found.iter().any(|d| d.span.slice(text).contains(gtext) && d.value.as_deref().is_some_and(|v| v.starts_with(want))) {
            right += 1;
        } else {
            eprintln!("missed {gtext:?} = {want}");
        }
    }
    assert!(right * 10 >= total * 9, "{right}/{total} seed dates right");
}
