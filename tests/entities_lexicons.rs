//! Every lexicon under data/lexicons/ is sorted (byte order, as `str` compares), free of duplicates, and
//! generated lists carry their do-not-edit banner.

use newslens::entities::lexicon::{entries, files};

#[test]
fn lexicons_are_sorted_and_duplicate_free() {
    for (name, text) in files::ALL {
        let keys: Vec<&str> = entries(text).map(|l| l.split('\t').next().unwrap_or(l)).collect();
        assert!(!keys.is_empty(), "{name} is empty");
        for pair in keys.windows(2) {
            assert!(pair[0] < pair[1], "{name}: {:?} must come before {:?} (sorted, no duplicates)", pair[1], pair[0]);
        }
    }
}

#[test]
fn generated_lexicons_name_their_script() {
    for (name, text) in [("first_names.tsv", files::FIRST_NAMES), ("countries.txt", files::COUNTRIES), ("regions.txt", files::REGIONS), ("cities.txt", files::CITIES)] {
        let head = text.lines().next().unwrap_or("");
        assert!(head.contains("DO NOT EDIT") && head.contains("scripts/gen_lexicons.py"), "{name}: banner missing: {head}");
    }
}

#[test]
fn tsv_attributes_are_known_values() {
    for (name, text, allowed) in [
        ("first_names.tsv", files::FIRST_NAMES, &["m", "f", "u"][..]),
        ("honorifics.tsv", files::HONORIFICS, &["m", "f", "u"][..]),
        ("org_cues.tsv", files::ORG_CUES, &["head", "tail", "both"][..]),
        ("place_cues.tsv", files::PLACE_CUES, &["head", "tail", "both"][..]),
    ] {
        for line in entries(text) {
            let attr = line.split('\t').nth(1).unwrap_or("");
            assert!(allowed.contains(&attr), "{name}: bad attribute in {line:?}");
        }
    }
}
