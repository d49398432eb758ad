//! Speed of date tagging alone (issue #4 target: under 0.5 ms per 10 kB natively, release build), on news
//! text: the French and English dev articles of `$NEWSLENS_CORPUS` (default `../shared/corpus`) when present,
//! else a built-in news-like text. `Doc::new` (tokens and sentences, shared by every layer) is not counted.
//! Ignored by default (debug builds are slow): `cargo test --release --test dates_speed -- --ignored --nocapture`.

use std::path::PathBuf;
use std::time::Instant;

use newslens::dates::{extract, Reference};
use newslens::{text::Doc, Lang};

/// (language, text) of every dev article, or one built-in text per language when the corpus is absent.
fn texts() -> Vec<(Lang, String)> {
    let dir = std::env::var_os("NEWSLENS_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus"));
    let mut out = Vec::new();
    for (sub, lang) in [("fr-dev", Lang::Fr), ("en-quotes-dev", Lang::En)] {
        for entry in std::fs::read_dir(dir.join(sub)).into_iter().flatten().flatten() {
            if entry.path().extension().is_some_and(|e| e == "txt") {
                out.push((lang, std::fs::read_to_string(entry.path()).unwrap_or_default()));
            }
        }
    }
    if out.is_empty() {
        eprintln!("no corpus at {}: timing the built-in text", dir.display());
        let fr = "Le ministre a déclaré jeudi qu'il avait rencontré l'ambassadeur deux fois l'an dernier, le 3 mars 2016 \
                  puis en septembre. La réunion, prévue à Paris en présence de nombreux responsables, aura lieu du 13 au \
                  15 juillet à 13h27. Le budget de 2 000 euros a été voté il y a trois ans ; le score était de 3-1.\n";
        let en = "The attorney general said on Thursday that he met the ambassador last week, on March 3, 2017 at 1:27 p.m. \
                  Prices rose 15% between 2010 and 2015, officials said, and the vote is expected next month.\n";
        out.push((Lang::Fr, fr.repeat(200)));
        out.push((Lang::En, en.repeat(200)));
    }
    out
}

#[test]
#[ignore]
fn dates_take_under_half_a_millisecond_per_10_kb() {
    let texts = texts();
    let bytes: usize = texts.iter().map(|(_, t)| t.len()).sum();
    let docs: Vec<(Lang, Doc)> = texts.iter().map(|(l, t)| (*l, Doc::new(t))).collect();
    let r = Reference::parse_iso("2017-03-03T13:27");
    let _ = extract(&docs[0].1, docs[0].0, r.as_ref()); // build the lexicons once
    // The best wall-clock round, and the CPU time this thread spent on average: the machine is shared, and a
    // round preempted by other processes says nothing of the tagger's cost.
    let rounds = 40;
    let (mut best, mut n) = (f64::MAX, 0);
    let cpu0 = thread_cpu_seconds();
    for _ in 0..rounds {
        let start = Instant::now();
        n = docs.iter().map(|(l, d)| extract(d, *l, r.as_ref()).len()).sum::<usize>();
        best = best.min(start.elapsed().as_secs_f64());
    }
    let cpu = thread_cpu_seconds().zip(cpu0).map(|(b, a)| (b - a) / f64::from(rounds));
    let per_10kb = |secs: f64| secs * 1000.0 / (bytes as f64 / 10_000.0);
    let wall = per_10kb(best);
    let cpu = cpu.map(per_10kb);
    eprintln!("{n} dates in {bytes} bytes of {} texts: {wall:.3} ms per 10 kB (best wall clock), {} (mean CPU time)", docs.len(),
        cpu.map_or("n/a".to_string(), |c| format!("{c:.3} ms per 10 kB")));
    let figure = cpu.unwrap_or(wall).min(wall);
    assert!(figure < 0.5, "{figure:.3} ms per 10 kB");
}

/// User + system CPU time of this thread (Linux `/proc/thread-self/stat`, in clock ticks of 1/100 s).
fn thread_cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/thread-self/stat").ok()?;
    // fields after the parenthesised command name: state is field 3, utime 14 and stime 15
    let rest = &stat[stat.rfind(')')? + 2..];
    let f: Vec<&str> = rest.split(' ').collect();
    let ticks: f64 = f.get(11)?.parse::<f64>().ok()? + f.get(12)?.parse::<f64>().ok()?;
    Some(ticks / 100.0)
}
