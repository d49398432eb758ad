//! Speed of the quote extractor alone (target: ≤ 1 ms per 10 kB natively, release build).
//! Ignored by default (debug builds are slow): `cargo test --release --test quotes_speed -- --ignored --nocapture`.

use newslens::{entities, quotes, text::Doc, Lang};

#[test]
#[ignore]
fn quotes_take_under_a_millisecond_per_10_kb() {
    // News-like density: a quote or a reported clause every sentence or two, narrative in between.
    let para = "« Nous ne céderons pas », a déclaré jeudi le ministre Jean Dupont, ajoutant qu'il \"faudra du temps\". \
                La réunion s'est tenue à Paris en présence de nombreux responsables venus de toute l'Europe pour l'occasion. \
                Selon les médias américains, M. Sessions a parlé avec l'ambassadeur, a indiqué sa porte-parole. \
                Les discussions ont porté sur le budget, la défense et les échanges commerciaux entre les deux pays. \
                “We will win,” said Nancy Pelosi. She told reporters that the plan would fail, according to officials. \
                The vote is expected next week after a long debate in both chambers of the legislature.\n";
    assert_under_a_millisecond_per_10_kb(para, Lang::Fr);
}

/// The same budget for English news: appositions, pronouns, organisations and documents as speakers.
#[test]
#[ignore]
fn english_quotes_take_under_a_millisecond_per_10_kb() {
    let para = "“We will not back down,” said Jane Roe, a spokeswoman for Export Development Canada (EDC), adding that \"time\" is short. \
                The meeting took place in Ottawa with many officials from across the country who came for the occasion. \
                According to the company, the plan would fail, the agency said. EDC says it is self-funding — a claim disputed. \
                Hiram Lee, marketing executive at a bank who spoke on condition of anonymity, said he grabbed the extinguisher. \
                “We saw two of them,” he told reporters. The RCMP statement said that the camp was calm (officers were present). \
                The vote is expected next week after a long debate in both chambers of the legislature.\n";
    assert_under_a_millisecond_per_10_kb(para, Lang::En);
}

/// `para` repeated to `QSIZE` bytes (100 kB by default), entities extracted once, then the quote extractor
/// timed over 40 runs: at most 1 ms per 10 kB.
fn assert_under_a_millisecond_per_10_kb(para: &str, lang: Lang) {
    let size: usize = std::env::var("QSIZE").ok().and_then(|v| v.parse().ok()).unwrap_or(100_000);
    let text = para.repeat(size / para.len() + 1);
    let doc = Doc::new(&text);
    let ents = entities::extract(&doc, lang);
    let _ = quotes::extract(&doc, lang, &ents); // warm the lexicons
    let runs = 40;
    let start = std::time::Instant::now();
    let mut n = 0;
    for _ in 0..runs {
        n += quotes::extract(&doc, lang, &ents).len();
    }
    let per_10kb_ms = start.elapsed().as_secs_f64() * 1000.0 / runs as f64 / (text.len() as f64 / 10_000.0);
    eprintln!("{} quotes, {per_10kb_ms:.3} ms per 10 kB", n / runs);
    assert!(per_10kb_ms < 1.0, "{per_10kb_ms:.3} ms per 10 kB");
}
