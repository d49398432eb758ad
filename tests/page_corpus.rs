//! Article detection on saved real pages (`$NEWSLENS_CORPUS/pages`, default `../shared/corpus/pages`).
//!
//! Prints a table and guards floors that the detector reaches today:
//! - Readability's test pages: token F1 of our text against `expected.html`'s text (median, and for news);
//! - newspaper3k's pages: token F1 against the expected `.txt`;
//! - trafilatura's evaluation pages: share of `with` snippets found, of `without` snippets wrongly kept.
//!
//! The pages belong to third parties and are never copied into the repository: when the folder is absent
//! the test says so and checks nothing.

#![cfg(not(target_arch = "wasm32"))]

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use newslens::page::arena::Arena;
use newslens::page::html::parse_html;
use newslens::page::snapshot::{scan_snapshot, to_snapshot_json};
use newslens::page::{article_from_html, scan, PageTree};

fn corpus() -> Option<PathBuf> {
    let dir = std::env::var("NEWSLENS_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|_| Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus"))
        .join("pages");
    if dir.is_dir() {
        Some(dir)
    } else {
        eprintln!("SKIPPED: no saved pages at {} (set NEWSLENS_CORPUS)", dir.display());
        None
    }
}

/// Lower-case alphanumeric tokens.
fn tokens(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric()).filter(|t| !t.is_empty()).map(|t| t.to_lowercase()).collect()
}

/// Bag-of-tokens F1.
fn token_f1(gold: &str, pred: &str) -> f64 {
    let (g, p) = (tokens(gold), tokens(pred));
    if g.is_empty() && p.is_empty() {
        return 1.0;
    }
    let mut counts: HashMap<&str, i64> = HashMap::new();
    for t in &g {
        *counts.entry(t).or_default() += 1;
    }
    let mut common = 0;
    for t in &p {
        if let Some(c) = counts.get_mut(t.as_str()) {
            if *c > 0 {
                *c -= 1;
                common += 1;
            }
        }
    }
    if common == 0 {
        return 0.0;
    }
    let precision = common as f64 / p.len() as f64;
    let recall = common as f64 / g.len() as f64;
    2.0 * precision * recall / (precision + recall)
}

/// All the text of an HTML fragment (the gold `expected.html`).
fn all_text(html: &str) -> String {
    let arena: Arena = parse_html(html);
    arena.text_nodes().iter().filter_map(|t| arena.text(t)).collect::<Vec<_>>().join(" ")
}

fn median(mut v: Vec<f64>) -> f64 {
    if v.is_empty() {
        return 0.0;
    }
    v.sort_by(|a, b| a.partial_cmp(b).unwrap());
    v[v.len() / 2]
}

fn read(path: &Path) -> String {
    String::from_utf8_lossy(&std::fs::read(path).unwrap()).into_owned()
}

fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Exact-match counts for a metadata field, on the pages whose gold has it.
#[derive(Default)]
struct Tally {
    hit: usize,
    total: usize,
}

impl Tally {
    fn rate(&self) -> f64 {
        self.hit as f64 / self.total.max(1) as f64
    }

    fn check(&mut self, gold: Option<&str>, pred: Option<&str>, verbose: bool, page: &str) {
        let Some(gold) = gold.map(squash).filter(|g| !g.is_empty()) else { return };
        self.total += 1;
        if pred.map(squash).as_deref() == Some(gold.as_str()) {
            self.hit += 1;
        } else if verbose {
            println!("title\t{page}\t{gold:?}\t{pred:?}");
        }
    }

    /// Same calendar day (the first ten characters, `YYYY-MM-DD`).
    fn check_date(&mut self, gold: Option<&str>, pred: Option<&str>, verbose: bool, page: &str) {
        let Some(gold) = gold.filter(|g| g.len() >= 10) else { return };
        self.total += 1;
        if pred.and_then(|p| p.get(..10)) == gold.get(..10) {
            self.hit += 1;
        } else if verbose {
            println!("date\t{page}\t{gold:?}\t{pred:?}");
        }
    }
}

#[test]
fn saved_pages_table() {
    let Some(dir) = corpus() else { return };
    let verbose = std::env::var("NEWSLENS_PAGES_VERBOSE").is_ok();
    let mut rows: Vec<(String, usize, f64, f64)> = Vec::new(); // (set, pages, median F1, mean F1)

    // Readability.
    let index: serde_json::Value = serde_json::from_str(&read(&dir.join("readability/pages-index.json"))).unwrap();
    let mut all = Vec::new();
    let mut news = Vec::new();
    let mut titles = Tally::default();
    let mut dates = Tally::default();
    for entry in index.as_array().unwrap() {
        let page = entry["page"].as_str().unwrap();
        let folder = dir.join("readability").join(page);
        let gold = all_text(&read(&folder.join("expected.html")));
        let article = article_from_html(&read(&folder.join("source.html"))).unwrap_or_default();
        titles.check(entry["title"].as_str(), article.title.as_deref(), verbose, page);
        dates.check_date(entry["publishedTime"].as_str(), article.published.as_deref(), verbose, page);
        let pred = article.text;
        let f1 = token_f1(&gold, &pred);
        if verbose {
            println!("readability/{page}\t{f1:.3}");
        }
        all.push(f1);
        if entry["category"].as_str().unwrap_or("").ends_with("news") {
            news.push(f1);
        }
    }
    let mean = |v: &[f64]| v.iter().sum::<f64>() / v.len().max(1) as f64;
    rows.push(("readability (all) token F1".into(), all.len(), median(all.clone()), mean(&all)));
    rows.push(("readability (news) token F1".into(), news.len(), median(news.clone()), mean(&news)));

    // newspaper3k.
    let mut np = Vec::new();
    let mut names: Vec<_> = std::fs::read_dir(dir.join("newspaper/html")).unwrap().map(|e| e.unwrap().path()).collect();
    names.sort();
    for html in names {
        let stem = html.file_stem().unwrap().to_string_lossy().into_owned();
        let gold_path = dir.join("newspaper/text").join(format!("{stem}.txt"));
        if !gold_path.exists() {
            continue;
        }
        let pred = article_from_html(&read(&html)).map(|a| a.text).unwrap_or_default();
        let f1 = token_f1(&read(&gold_path), &pred);
        if verbose {
            println!("newspaper/{stem}\t{f1:.3}");
        }
        np.push(f1);
    }
    rows.push(("newspaper token F1".into(), np.len(), median(np.clone()), mean(&np)));

    // trafilatura.
    let eval: serde_json::Value = serde_json::from_str(&read(&dir.join("trafilatura/evaldata.json"))).unwrap();
    let (mut with_found, mut with_total, mut without_kept, mut without_total) = (0, 0, 0, 0);
    let mut pages = 0;
    for (key, item) in eval.as_object().unwrap() {
        let path = dir.join("trafilatura").join(key);
        if !path.exists() {
            continue;
        }
        pages += 1;
        let article = article_from_html(&read(&path)).unwrap_or_default();
        titles.check(item["title"].as_str(), article.title.as_deref(), verbose, key);
        dates.check_date(item["date"].as_str(), article.published.as_deref(), verbose, key);
        let text = squash(&article.text);
        let list = |k: &str| -> Vec<String> {
            item[k].as_array().map(|a| a.iter().filter_map(|s| s.as_str()).map(squash).collect()).unwrap_or_default()
        };
        for s in list("with") {
            with_total += 1;
            if text.contains(&s) {
                with_found += 1;
            } else if verbose {
                println!("trafilatura/{key}\tmissing\t{s}");
            }
        }
        for s in list("without") {
            without_total += 1;
            if text.contains(&s) {
                without_kept += 1;
                if verbose {
                    println!("trafilatura/{key}\tkept\t{s}");
                }
            }
        }
    }
    let with_rate = with_found as f64 / with_total.max(1) as f64;
    let without_rate = without_kept as f64 / without_total.max(1) as f64;

    println!("\n| set | pages | median | mean |\n|---|---|---|---|");
    for (name, n, med, mean) in &rows {
        println!("| {name} | {n} | {med:.3} | {mean:.3} |");
    }
    println!("| trafilatura `with` found | {pages} | {with_found}/{with_total} = {with_rate:.3} | |");
    println!("| trafilatura `without` kept | {pages} | {without_kept}/{without_total} = {without_rate:.3} | |");
    println!("| title = gold (readability + trafilatura) | {} | {}/{} = {:.3} | |", titles.total, titles.hit, titles.total, titles.rate());
    println!("| published date = gold (day) | {} | {}/{} = {:.3} | |", dates.total, dates.hit, dates.total, dates.rate());

    // Floors reached today (targets: median F1 ≥ 0.92, with ≥ 0.95, without ≤ 0.05).
    assert!(rows[0].2 >= FLOOR_READABILITY, "readability median token F1 {:.3} < {FLOOR_READABILITY}", rows[0].2);
    assert!(rows[2].2 >= FLOOR_NEWSPAPER, "newspaper median token F1 {:.3} < {FLOOR_NEWSPAPER}", rows[2].2);
    assert!(with_rate >= FLOOR_WITH, "trafilatura with-snippets found {with_rate:.3} < {FLOOR_WITH}");
    assert!(titles.rate() >= FLOOR_TITLE, "titles {:.3} < {FLOOR_TITLE}", titles.rate());
    assert!(dates.rate() >= FLOOR_DATE, "published dates {:.3} < {FLOOR_DATE}", dates.rate());
    assert!(without_rate <= CEILING_WITHOUT, "trafilatura without-snippets kept {without_rate:.3} > {CEILING_WITHOUT}");
}

// Reached on the saved pages: readability 0.992, newspaper 0.975, with 0.964, without 0.036 (3/83), title
// 0.785, published day 0.885. Two of the three `without` snippets still kept (dailymail) lie in the story's
// own paragraphs, between two `with` snippets: the gold was made on another version of that page.
const FLOOR_READABILITY: f64 = 0.985;
const FLOOR_NEWSPAPER: f64 = 0.96;
const FLOOR_WITH: f64 = 0.95;
const CEILING_WITHOUT: f64 = 0.05;
const FLOOR_TITLE: f64 = 0.78;
const FLOOR_DATE: f64 = 0.87;

/// The CSP fallback path on real pages: the snapshot of each saved page gives the same article, segment for
/// segment, as the parsed HTML (text nodes numbered in document order).
#[test]
fn snapshot_path_matches_html_path_on_saved_pages() {
    let Some(dir) = corpus() else { return };
    let mut pages: Vec<PathBuf> = Vec::new();
    for sub in ["readability", "newspaper/html", "trafilatura/fr", "trafilatura/en"] {
        for entry in std::fs::read_dir(dir.join(sub)).unwrap() {
            let path = entry.unwrap().path();
            let source = if path.is_dir() { path.join("source.html") } else { path };
            if source.extension().is_some_and(|e| e == "html") && source.exists() {
                pages.push(source);
            }
        }
    }
    pages.sort();
    let mut compared = 0;
    for path in &pages {
        let arena = parse_html(&read(path));
        let numbers: HashMap<usize, usize> = arena.text_nodes().into_iter().enumerate().map(|(i, id)| (id, i)).collect();
        let (Ok(from_html), Ok(from_json)) = (scan(&arena), scan_snapshot(&to_snapshot_json(&arena))) else {
            assert!(scan(&arena).is_err() && scan_snapshot(&to_snapshot_json(&arena)).is_err(), "{}", path.display());
            continue;
        };
        assert_eq!(from_html.text, from_json.text, "{}", path.display());
        assert_eq!(from_html.meta, from_json.meta, "{}", path.display());
        assert_eq!(from_html.segments.len(), from_json.segments.len());
        for (h, j) in from_html.segments.iter().zip(&from_json.segments) {
            assert_eq!(numbers[&h.node], j.node, "{}", path.display());
            assert_eq!((h.start_u16, h.len_u16, &h.node_offsets_u16), (j.start_u16, j.len_u16, &j.node_offsets_u16));
        }
        compared += 1;
    }
    println!("snapshot path = html path on {compared}/{} saved pages", pages.len());
    assert!(compared > 100);
}
