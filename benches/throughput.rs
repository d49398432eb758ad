//! Analysis throughput: `cargo bench --bench throughput`.
//!
//! A plain harness (no criterion: one less heavy dependency) that analyses the seed article and longer texts
//! made by repeating the development articles (10 kB … 1 MB), and prints MB/s per size so that linear cost
//! shows as a flat column. Texts are read from `$NEWSLENS_CORPUS` (default `../shared/corpus`).

use std::path::PathBuf;
use std::time::{Duration, Instant};

use newslens::{analyze, Options, Reference};

fn corpus_texts() -> Vec<String> {
    let dir = std::env::var_os("NEWSLENS_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus"));
    let mut texts = Vec::new();
    for sub in ["seed", "fr-dev"] {
        let Ok(entries) = std::fs::read_dir(dir.join(sub)) else { continue };
        let mut paths: Vec<PathBuf> = entries.flatten().map(|e| e.path()).filter(|p| p.extension().is_some_and(|x| x == "txt")).collect();
        paths.sort();
        texts.extend(paths.iter().filter_map(|p| std::fs::read_to_string(p).ok()));
    }
    texts
}

/// Median seconds per run of `f`, running it at least 5 times and for at least `budget`.
fn time(budget: Duration, mut f: impl FnMut()) -> f64 {
    let mut runs = Vec::new();
    let started = Instant::now();
    while runs.len() < 5 || (started.elapsed() < budget && runs.len() < 1000) {
        let t = Instant::now();
        f();
        runs.push(t.elapsed().as_secs_f64());
    }
    runs.sort_by(|a, b| a.total_cmp(b));
    runs[runs.len() / 2]
}

fn main() {
    let texts = corpus_texts();
    if texts.is_empty() {
        eprintln!("SKIPPED: no corpus texts (set NEWSLENS_CORPUS)");
        return;
    }
    let options = Options { reference: Reference::parse_iso("2017-03-03T13:27"), ..Options::default() };
    let all = texts.join("\n");
    let mut rows = vec![("seed article".to_string(), texts[0].clone())];
    for size in [10_000usize, 100_000, 1_000_000] {
        let mut t = String::new();
        while t.len() < size {
            t.push_str(&all);
            t.push('\n');
        }
        let cut = newslens::lang::floor_char_boundary(&t, size);
        t.truncate(cut);
        rows.push((format!("{} kB of French news", size / 1000), t));
    }
    println!("| input | bytes | median time | throughput |");
    println!("|---|---:|---:|---:|");
    for (name, text) in rows {
        let secs = time(Duration::from_secs(2), || {
            std::hint::black_box(analyze(std::hint::black_box(&text), &options));
        });
        println!("| {name} | {} | {:.3} ms | {:.1} MB/s |", text.len(), secs * 1e3, text.len() as f64 / secs / 1e6);
    }
}
