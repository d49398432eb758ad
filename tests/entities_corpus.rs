//! Entity checks on the development corpus (read at run time from `$NEWSLENS_CORPUS`, default
//! `../shared/corpus`; skipped with a message when absent — the texts are not ours to copy).
//!
//! * seed: strict typed span F1 of person/organization/location mentions against the gold (score.py's "strict").
//! * en-quotes-dev: every name of each gold file's `people` list is a person entity (name or alias) — recall.

use std::collections::HashSet;
use std::path::PathBuf;

use newslens::entities::{self, EntityType};
use newslens::lang::Lang;
use newslens::text::Doc;
use serde_json::Value;

fn corpus() -> Option<PathBuf> {
    let dir = std::env::var_os("NEWSLENS_CORPUS").map(PathBuf::from).unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus"));
    if dir.is_dir() {
        Some(dir)
    } else {
        eprintln!("SKIPPED: corpus not found at {} (set NEWSLENS_CORPUS)", dir.display());
        None
    }
}

fn read_json(path: &std::path::Path) -> Value {
    serde_json::from_str(&std::fs::read_to_string(path).expect("readable gold file")).expect("valid gold JSON")
}

#[test]
fn seed_entities_strict_f1() {
    let Some(dir) = corpus() else { return };
    let gold = read_json(&dir.join("seed/sessions-fr.gold.json"));
    let text = gold["text"].as_str().unwrap_or("");
    // Gold offsets are code points; ours are bytes.
    let cp_of_byte: Vec<usize> = {
        let mut v = vec![0; text.len() + 1];
        let mut cp = 0;
        for (b, c) in text.char_indices() {
            for k in 0..c.len_utf8() {
                v[b + k] = cp;
            }
            cp += 1;
        }
        v[text.len()] = cp;
        v
    };
    let mut want: HashSet<(usize, usize, String)> = HashSet::new();
    for e in gold["entities"].as_array().into_iter().flatten() {
        let ty = e["type"].as_str().unwrap_or("").to_string();
        for s in e["spans"].as_array().into_iter().flatten() {
            want.insert((s[0].as_u64().unwrap_or(0) as usize, s[1].as_u64().unwrap_or(0) as usize, ty.clone()));
        }
    }
    let doc = Doc::new(text);
    let cp = &cp_of_byte;
    let got: HashSet<(usize, usize, String)> = entities::extract(&doc, Lang::Fr)
        .iter()
        .filter(|e| e.kind != EntityType::Other)
        .flat_map(|e| e.mentions.iter().map(move |m| (cp[m.start], cp[m.end], e.kind.as_str().to_string())))
        .collect();
    let tp = want.intersection(&got).count() as f64;
    let f1 = 2.0 * tp / (want.len() + got.len()).max(1) as f64;
    println!("seed entities strict F1 {f1:.3} (tp {tp}, gold {}, predicted {})", want.len(), got.len());
    assert!(f1 >= 0.85, "seed strict F1 {f1:.3} < 0.85");
}

#[test]
fn en_quotes_dev_people_are_person_entities() {
    let Some(dir) = corpus() else { return };
    let Ok(files) = std::fs::read_dir(dir.join("en-quotes-dev")) else {
        eprintln!("SKIPPED: no en-quotes-dev folder");
        return;
    };
    let norm = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase();
    let (mut found, mut total) = (0usize, 0usize);
    let mut paths: Vec<PathBuf> = files.filter_map(|f| f.ok().map(|f| f.path())).filter(|p| p.to_string_lossy().ends_with(".gold.json")).collect();
    paths.sort();
    for path in paths {
        let gold = read_json(&path);
        let text = gold["text"].as_str().unwrap_or("");
        let doc = Doc::new(text);
        let names: HashSet<String> = entities::extract(&doc, Lang::En)
            .into_iter()
            .filter(|e| e.kind == EntityType::Person)
            .flat_map(|e| std::iter::once(e.name.clone()).chain(e.aliases.clone()))
            .map(|n| norm(&n))
            .collect();
        for p in gold["people"].as_array().into_iter().flatten().filter_map(Value::as_str).filter(|p| !p.trim().is_empty()) {
            total += 1;
            if names.contains(&norm(p)) {
                found += 1;
            }
        }
    }
    let recall = found as f64 / total.max(1) as f64;
    println!("en-quotes-dev people recall {found}/{total} = {recall:.3}");
    assert!(recall >= 0.95, "people recall {recall:.3} < 0.95");
}
