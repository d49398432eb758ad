//! Speed of date tagging alone (issue #4 target: under 0.5 ms per 10 kB natively, release build).
//! Ignored by default (debug builds are slow): `cargo test --release --test dates_speed -- --ignored --nocapture`.

use newslens::dates::{extract, Reference};
use newslens::{text::Doc, Lang};

#[test]
#[ignore]
fn dates_take_under_half_a_millisecond_per_10_kb() {
    // News-like density: a date or time in most sentences, numbers and prices that are not dates in between.
    let para = "Le ministre a déclaré jeudi qu'il avait rencontré l'ambassadeur deux fois l'an dernier, le 3 mars 2016 \
                puis en septembre. La réunion aura lieu du 13 au 15 juillet à 13h27, trois jours plus tard. \
                Le budget de 2 000 euros a été voté il y a trois ans ; le score était de 3-1 samedi soir. \
                The attorney general said on Thursday that he met the ambassador last week, on March 3, 2017 at 1:27 p.m. \
                Prices rose 15% between 2010 and 2015, and the vote is expected next month or in two weeks.\n";
    let size: usize = std::env::var("DSIZE").ok().and_then(|v| v.parse().ok()).unwrap_or(100_000);
    let text = para.repeat(size / para.len() + 1);
    let doc = Doc::new(&text);
    let r = Reference::parse_iso("2017-03-03T13:27");
    let _ = extract(&doc, Lang::Fr, r.as_ref()); // warm the lexicons
    let runs = 40;
    let start = std::time::Instant::now();
    let mut n = 0;
    for _ in 0..runs {
        n += extract(&doc, Lang::Fr, r.as_ref()).len();
    }
    let per_10kb_ms = start.elapsed().as_secs_f64() * 1000.0 / runs as f64 / (text.len() as f64 / 10_000.0);
    eprintln!("{} dates, {per_10kb_ms:.3} ms per 10 kB", n / runs);
    assert!(per_10kb_ms < 0.5, "{per_10kb_ms:.3} ms per 10 kB");
}
