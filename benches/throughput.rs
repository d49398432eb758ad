//! Analysis throughput: `cargo bench --bench throughput` (`-- text` or `-- pages` runs one section).
//!
//! A plain harness (no criterion: one less heavy dependency) that analyses the seed article and longer texts
//! made by concatenating the French development articles (10 kB, 100 kB, 1 MB, 5 MB), and prints a Markdown
//! table of MB/s per size, so that linear cost shows as a flat column; then the time of each stage on the
//! 1 MB text. Texts are read from `$NEWSLENS_CORPUS` (default `../shared/corpus`); without the corpus the
//! demo page's samples (`www/samples`) are used instead, and the table says so.
//!
//! Then the extension's path on the saved news pages of the end-to-end budget test (issue #6): each page's
//! JSON snapshot (made from its HTML as the content script would send it) read by `scan_snapshot` (article
//! detection), then the analysis of the article found. Without `$NEWSLENS_CORPUS/pages` that table is
//! skipped, and says so.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use newslens::page::html::parse_html;
use newslens::page::snapshot::{scan_snapshot, to_snapshot_json};
use newslens::text::Doc;
use newslens::{analyze, dates, entities, lang, quotes, Lang, Options, Reference};

/// `$NEWSLENS_CORPUS`, default `../shared/corpus` next to the crate.
fn corpus_dir() -> PathBuf {
    std::env::var_os("NEWSLENS_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus"))
}

/// The seed article and the French development articles, or the demo samples when the corpus is absent.
fn texts() -> (Vec<String>, &'static str) {
    let dir = corpus_dir();
    let mut texts = Vec::new();
    for sub in ["seed", "fr-dev"] {
        let Ok(entries) = std::fs::read_dir(dir.join(sub)) else { continue };
        let mut paths: Vec<PathBuf> = entries.flatten().map(|e| e.path()).filter(|p| p.extension().is_some_and(|x| x == "txt")).collect();
        paths.sort();
        texts.extend(paths.iter().filter_map(|p| std::fs::read_to_string(p).ok()));
    }
    if !texts.is_empty() {
        return (texts, "the corpus's seed and fr-dev articles");
    }
    eprintln!("no corpus texts (set NEWSLENS_CORPUS): using www/samples/fr-conseil-municipal.txt");
    (vec![include_str!("../www/samples/fr-conseil-municipal.txt").to_string()], "www/samples (no corpus)")
}

/// CPU time of this thread in seconds (Linux): on a shared machine the wall-clock time also counts the time
/// other processes held the CPU; CPU time does not.
#[cfg(all(target_os = "linux", target_pointer_width = "64"))]
fn cpu_secs() -> Option<f64> {
    #[repr(C)]
    struct Timespec {
        sec: i64,
        nsec: i64,
    }
    extern "C" {
        fn clock_gettime(clock: i32, tp: *mut Timespec) -> i32;
    }
    const CLOCK_THREAD_CPUTIME_ID: i32 = 3;
    let mut t = Timespec { sec: 0, nsec: 0 };
    // SAFETY: `t` is a valid, writable timespec (64-bit Linux layout); the call only writes into it.
    let ok = unsafe { clock_gettime(CLOCK_THREAD_CPUTIME_ID, &mut t) } == 0;
    ok.then(|| t.sec as f64 + t.nsec as f64 / 1e9)
}

#[cfg(not(all(target_os = "linux", target_pointer_width = "64")))]
fn cpu_secs() -> Option<f64> {
    None
}

/// Median wall-clock and CPU seconds per run of `f` (CPU: `None` off Linux), running it at least 3 times and
/// for at least `budget`.
fn time(budget: Duration, mut f: impl FnMut()) -> (f64, Option<f64>) {
    let mut wall = Vec::new();
    let mut cpu = Vec::new();
    let started = Instant::now();
    while wall.len() < 3 || (started.elapsed() < budget && wall.len() < 1000) {
        let (t, c) = (Instant::now(), cpu_secs());
        f();
        wall.push(t.elapsed().as_secs_f64());
        if let (Some(a), Some(b)) = (c, cpu_secs()) {
            cpu.push(b - a);
        }
    }
    let median = |v: &mut Vec<f64>| {
        v.sort_by(|a, b| a.total_cmp(b));
        v[v.len() / 2]
    };
    (median(&mut wall), (cpu.len() == wall.len()).then(|| median(&mut cpu)))
}

/// Two table cells: "12.34 ms | 4.5 MB/s".
fn cell(secs: f64, bytes: usize) -> String {
    format!("{:.2} ms | {:.1} MB/s", secs * 1e3, bytes as f64 / secs / 1e6)
}

/// `size` bytes of the texts joined by newlines and repeated, cut at a character boundary.
fn concatenated(all: &str, size: usize) -> String {
    let mut t = String::with_capacity(size + all.len());
    while t.len() < size {
        t.push_str(all);
        t.push('\n');
    }
    let cut = lang::floor_char_boundary(&t, size);
    t.truncate(cut);
    t
}

fn main() {
    // `cargo bench` passes `--bench`; a plain word picks one section.
    let only: Vec<String> = std::env::args().skip(1).filter(|a| !a.starts_with('-')).collect();
    let run = |section: &str| only.is_empty() || only.iter().any(|o| o == section);
    if run("text") {
        text_throughput();
    }
    if run("pages") {
        page_scan();
    }
}

/// The saved pages of the end-to-end budget test (`tests/e2e/pages.spec.mjs`), under `$NEWSLENS_CORPUS/pages`.
const PAGES: &[&str] = &[
    "readability/nytimes-1/source.html",
    "readability/nytimes-3/source.html",
    "readability/guardian-1/source.html",
    "readability/wapo-1/source.html",
    "readability/bbc-1/source.html",
    "trafilatura/en/nytimes.com.blackouts.html",
    "trafilatura/en/theatlantic.com.disasters.html",
    "newspaper/html/reuters.com1.html",
    "trafilatura/fr/blog.mondediplo.net.turpitude.html",
    "trafilatura/fr/legrandcontinent.eu.heran.html",
    "trafilatura/fr/madame.lefigaro.fr.dintestin.html",
    "trafilatura/fr/aoc.media.archaisme.html",
    "trafilatura/fr/soundofscience.fr.1927.html",
];

/// The extension's work on each saved page: `scan_snapshot` (JSON → tree → article detection → text and
/// segment map) and the analysis of the article text, median times.
fn page_scan() {
    let dir = corpus_dir().join("pages");
    if !dir.is_dir() {
        println!("\nPage scan: SKIPPED, no saved pages at {} (set NEWSLENS_CORPUS)", dir.display());
        return;
    }
    println!("\nPage scan (`scan_snapshot` on the JSON snapshot) and analysis of the article found, saved pages of the e2e budget test:\n");
    println!("| page | snapshot bytes | text bytes | scan wall | scan CPU | analysis wall | analysis CPU |");
    println!("|---|---:|---:|---:|---:|---:|---:|");
    let ms = |s: f64| format!("{:.2} ms", s * 1e3);
    let cpu_ms = |c: Option<f64>| c.map_or("n/a".to_string(), |c| format!("{:.2} ms", c * 1e3));
    let (mut scan_total, mut analysis_total) = (0.0, 0.0);
    for page in PAGES {
        let Ok(bytes) = std::fs::read(dir.join(page)) else {
            println!("| {page} | missing | | | | | |");
            continue;
        };
        let json = to_snapshot_json(&parse_html(&String::from_utf8_lossy(&bytes)));
        let Ok(content) = scan_snapshot(&json) else {
            println!("| {page} | {} | no article | | | | |", json.len());
            continue;
        };
        let mut options = Options::default();
        options.complete(&content.text, Some(&content.meta), Reference::parse_iso("2020-01-01").expect("a valid date"));
        let (scan_wall, scan_cpu) = time(Duration::from_millis(300), || {
            std::hint::black_box(scan_snapshot(std::hint::black_box(&json)).ok());
        });
        let (analysis_wall, analysis_cpu) = time(Duration::from_millis(300), || {
            std::hint::black_box(analyze(std::hint::black_box(&content.text), &options));
        });
        scan_total += scan_wall;
        analysis_total += analysis_wall;
        let (sw, aw) = (ms(scan_wall), ms(analysis_wall));
        println!("| {page} | {} | {} | {sw} | {} | {aw} | {} |", json.len(), content.text.len(), cpu_ms(scan_cpu), cpu_ms(analysis_cpu));
    }
    println!("| **total** | | | {} | | {} | |", ms(scan_total), ms(analysis_total));
}

fn text_throughput() {
    let (texts, source) = texts();
    let options = Options { reference: Reference::parse_iso("2017-03-03T13:27"), ..Options::default() };
    let all = texts.join("\n");
    let mut rows = vec![("seed article".to_string(), texts[0].clone())];
    for (size, name) in [(10_000usize, "10 kB"), (100_000, "100 kB"), (1_000_000, "1 MB"), (5_000_000, "5 MB")] {
        rows.push((format!("{name} of French news"), concatenated(&all, size)));
    }
    println!("Whole analysis (entities, quotes, dates, JSON-ready output) of {source}:\n");
    println!("| input | bytes | wall time | throughput (wall) | CPU time | throughput (CPU) |");
    println!("|---|---:|---:|---:|---:|---:|");
    for (name, text) in &rows {
        let (wall, cpu) = time(Duration::from_secs(2), || {
            std::hint::black_box(analyze(std::hint::black_box(text), &options));
        });
        let cpu = cpu.map_or("n/a | n/a".to_string(), |c| cell(c, text.len()));
        println!("| {name} | {} | {} | {cpu} |", text.len(), cell(wall, text.len()));
    }

    // Where the time goes, on the 1 MB text: each stage alone (later stages take the earlier ones' output).
    let text = &rows[3].1;
    let reference = options.reference;
    let doc = Doc::new(text);
    let found = entities::extract(&doc, Lang::Fr);
    let stages: [(&str, Box<dyn Fn()>); 5] = [
        ("language detection", Box::new(|| {
            std::hint::black_box(lang::detect(text));
        })),
        ("tokens and sentences (`text::Doc`)", Box::new(|| {
            std::hint::black_box(Doc::new(text));
        })),
        ("entities", Box::new(|| {
            std::hint::black_box(entities::extract(&doc, Lang::Fr));
        })),
        ("quotes and speakers", Box::new(|| {
            std::hint::black_box(quotes::extract(&doc, Lang::Fr, &found));
        })),
        ("dates", Box::new(|| {
            std::hint::black_box(dates::extract(&doc, Lang::Fr, reference.as_ref()));
        })),
    ];
    println!("\nStages on the 1 MB text:\n");
    println!("| stage | wall time | CPU time |");
    println!("|---|---:|---:|");
    for (name, f) in stages {
        let (wall, cpu) = time(Duration::from_secs(1), &f);
        println!("| {name} | {:.1} ms | {} |", wall * 1e3, cpu.map_or("n/a".to_string(), |c| format!("{:.1} ms", c * 1e3)));
    }
}
