//! The seed article against its gold quotes (skipped when the corpus is absent; set `NEWSLENS_CORPUS`).
//!
//! A quote matches when the spans (quotation marks trimmed) overlap by at least half of each, as in
//! `../shared/tools/score.py`; attribution compares surnames (last word), a simplification of the scorer's rule.

use std::path::PathBuf;

fn corpus() -> Option<PathBuf> {
    let dir = std::env::var_os("NEWSLENS_CORPUS").map(PathBuf::from).unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus"));
    dir.is_dir().then_some(dir)
}

fn trim(text: &str, (s, e): (usize, usize)) -> (usize, usize) {
    let is_mark = |c: char| c.is_whitespace() || "\"'«»“”„‟‘’‚‛‹›".contains(c);
    let sub = &text[s..e];
    let lead = sub.len() - sub.trim_start_matches(is_mark).len();
    let t = sub.trim_matches(is_mark);
    (s + lead, s + lead + t.len())
}

fn last_word(s: &str) -> String {
    s.split(|c: char| !c.is_alphanumeric()).rfind(|w| !w.is_empty()).unwrap_or("").to_lowercase()
}

#[test]
fn seed_quotes_reach_the_issue_targets() {
    let Some(dir) = corpus() else {
        eprintln!("SKIPPED: corpus not found (set NEWSLENS_CORPUS)");
        return;
    };
    let gold: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(dir.join("seed/sessions-fr.gold.json")).unwrap()).unwrap();
    let text = gold["text"].as_str().unwrap();
    let a = newslens::analyze(text, &newslens::Options::default());
    // gold offsets are code points; predictions are UTF-16 units: compare in bytes
    let cp_to_byte = |cp: usize| text.char_indices().nth(cp).map_or(text.len(), |(b, _)| b);
    let u16_to_byte = |u: usize| newslens::text::byte_of_utf16(text, u);
    let golds: Vec<((usize, usize), String)> = gold["quotes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|q| {
            let s = cp_to_byte(q["start"].as_u64().unwrap() as usize);
            let e = cp_to_byte(q["end"].as_u64().unwrap() as usize);
            (trim(text, (s, e)), q["speaker"].as_str().unwrap_or("").to_string())
        })
        .collect();
    let preds: Vec<((usize, usize), String)> =
        a.quotes.iter().map(|q| (trim(text, (u16_to_byte(q.start_u16), u16_to_byte(q.end_u16))), q.speaker_name.clone().unwrap_or_default())).collect();
    let mut used = vec![false; preds.len()];
    let (mut tp, mut attributed) = (0usize, 0usize);
    for (g, gs) in &golds {
        let hit = preds.iter().enumerate().find(|(k, (p, _))| {
            let inter = g.1.min(p.1).saturating_sub(g.0.max(p.0));
            !used[*k] && inter * 2 >= g.1 - g.0 && inter * 2 >= p.1 - p.0 && inter > 0
        });
        if let Some((k, (_, ps))) = hit {
            used[k] = true;
            tp += 1;
            if last_word(ps) == last_word(gs) {
                attributed += 1;
            }
        }
    }
    let p = tp as f64 / preds.len().max(1) as f64;
    let r = tp as f64 / golds.len() as f64;
    let f1 = if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 };
    let acc = attributed as f64 / tp.max(1) as f64;
    eprintln!("seed quotes: P {p:.3} R {r:.3} F1 {f1:.3}, attribution {acc:.3}");
    assert!(f1 >= 0.70, "detection F1 {f1:.3} < 0.70");
    assert!(acc >= 0.80, "attribution {acc:.3} < 0.80");
}
