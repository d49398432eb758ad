//! What must always hold, whatever the input: no panic, determinism, spans that index the text, and spans
//! that shift by exactly the length of text inserted before them. Pathological inputs get bounded results.

use newslens::{analyze, Analysis, Lang, Options, Reference};

mod common;
use common::Rng;

const PIECES: &[&str] = &[
    "«", "»", "“", "”", "\"", "‘", "’", "'", " ", "\u{a0}", "\u{202f}", "\n", ".", ",", ":", "a déclaré", "said", "M.",
    "Mme", "Mr.", "Sessions", "Jeff", "Trump", "il", "elle", "he", "que", "that", "selon", "according to", "jeudi",
    "Thursday", "13h27", "1:27 p.m.", "03/03", "2017", "l'an dernier", "last year", "hier", "😀", "e\u{301}", "é",
    "\u{200f}", "שלום", "مرحبا", "中文", "\u{ad}", "-", "a-t-il", "ajouté", "(", ")", "Heritage Foundation",
    "ministère de la Justice", "Etats-Unis", "?", "!", "\t", "\r\n", "\u{feff}", "\u{fffd}",
];

fn options() -> Options {
    Options { reference: Reference::parse_iso("2017-03-03T13:27"), ..Options::default() }
}

fn random_text(rng: &mut Rng, pieces: usize) -> String {
    (0..pieces).map(|_| rng.pick(PIECES)).collect()
}

/// Every span's `text` is exactly `text[start..end]` in UTF-16 units, and the arrays are in text order
/// ([`Analysis::check_invariants`]).
fn assert_spans_index_text(a: &Analysis) {
    if let Err(e) = a.check_invariants() {
        panic!("{e}");
    }
}

#[test]
fn random_text_never_panics_and_spans_index_the_text() {
    let mut rng = Rng(0x5eed_1234_abcd_ef01);
    for round in 0..400 {
        let text = random_text(&mut rng, 1 + round % 120);
        for lang in [Some(Lang::Fr), Some(Lang::En), None] {
            let a = analyze(&text, &Options { lang, ..options() });
            assert_spans_index_text(&a);
        }
    }
}

#[test]
fn analysis_is_deterministic() {
    let mut rng = Rng(42);
    for _ in 0..50 {
        let text = random_text(&mut rng, 80);
        assert_eq!(analyze(&text, &options()), analyze(&text, &options()));
    }
}

#[test]
fn inserting_a_paragraph_before_shifts_every_span_by_its_length() {
    let body = "« Je ne démissionnerai pas », a déclaré jeudi M. Jean Dupont, le ministre de l'Intérieur.\n\
                Il a ajouté que le gouvernement agirait l'an dernier.\n\
                \"We will act,\" said Jane Smith on Thursday.";
    let prefix = "Un paragraphe sans rien de particulier 😀.\n";
    let shift = prefix.encode_utf16().count();
    let a = analyze(body, &Options { lang: Some(Lang::Fr), ..options() });
    let b = analyze(&format!("{prefix}{body}"), &Options { lang: Some(Lang::Fr), ..options() });
    let starts = |x: &Analysis| -> Vec<(String, usize, usize)> {
        let mut v: Vec<(String, usize, usize)> = x.quotes.iter().map(|q| (q.text.clone(), q.start_u16, q.end_u16)).collect();
        v.extend(x.dates.iter().map(|d| (d.text.clone(), d.start_u16, d.end_u16)));
        v.extend(x.entities.iter().flat_map(|e| e.mentions.iter().map(|m| (m.text.clone(), m.start_u16, m.end_u16))));
        v
    };
    let shifted: Vec<(String, usize, usize)> = starts(&a).into_iter().map(|(t, s, e)| (t, s + shift, e + shift)).collect();
    let after = starts(&b);
    for item in &shifted {
        assert!(after.contains(item), "{item:?} did not shift by {shift}");
    }
}

#[test]
fn pathological_inputs_get_bounded_results() {
    let cases: Vec<(&str, String)> = vec![
        ("10 000 unbalanced quotation marks", "« ".repeat(10_000)),
        ("10 000 straight quotes", "\" a dit ".repeat(10_000)),
        ("50 000 capitalised words", "Word ".repeat(50_000)),
        ("200 kB without punctuation", "mot ".repeat(50_000)),
        ("binary-looking garbage", (0..100_000u32).map(|i| char::from_u32(i % 0xD7FF).unwrap_or('x')).collect()),
    ];
    for (name, text) in cases {
        let a = analyze(&text, &options());
        let units = text.encode_utf16().count();
        // Bounded: no more items than there are characters, each within the text.
        assert!(a.quotes.len() + a.dates.len() + a.entities.len() <= units, "{name}");
        assert_spans_index_text(&a);
    }
}

/// Quotes, dates and mentions as `(text, start, end)` in UTF-16 units, sorted.
fn items(x: &Analysis) -> Vec<(String, usize, usize)> {
    let mut v: Vec<(String, usize, usize)> = x.quotes.iter().map(|q| (q.text.clone(), q.start_u16, q.end_u16)).collect();
    v.extend(x.dates.iter().map(|d| (d.text.clone(), d.start_u16, d.end_u16)));
    v.extend(x.entities.iter().flat_map(|e| e.mentions.iter().map(|m| (m.text.clone(), m.start_u16, m.end_u16))));
    v.sort();
    v
}

#[test]
fn inserting_a_neutral_paragraph_before_random_text_shifts_everything_exactly() {
    // Paragraphs with no name, quote, date or cue: whatever follows them must be found exactly as before,
    // each offset moved by the paragraph's UTF-16 length (astral characters count two).
    const PREFIXES: &[&str] = &[
        "\n",
        "Texte.\n",
        "Un paragraphe sans rien de particulier, écrit en minuscules 😀.\n",
        "a paragraph with nothing in it at all 👩‍👩‍👧 e\u{301}.\n",
        "de la pluie et du vent, encore.\n\n",
    ];
    let mut rng = Rng(0xfeed_5eed);
    for round in 0..300 {
        let body = random_text(&mut rng, 5 + round % 60);
        let prefix = rng.pick(PREFIXES);
        let shift = prefix.encode_utf16().count();
        for lang in [Lang::Fr, Lang::En] {
            let o = Options { lang: Some(lang), ..options() };
            let (a, b) = (analyze(&body, &o), analyze(&format!("{prefix}{body}"), &o));
            let shifted: Vec<(String, usize, usize)> = items(&a).into_iter().map(|(t, s, e)| (t, s + shift, e + shift)).collect();
            assert_eq!(items(&b), shifted, "prefix {prefix:?} before {body:?}");
        }
    }
}

#[test]
fn any_characters_analyse_without_panic() {
    // Every plane, controls, noncharacters, combining marks and bidi controls: not only the pieces above.
    let mut rng = Rng(0xdead_beef);
    for round in 0..300 {
        let len = 1 + round % 200;
        let text: String = (0..len)
            .filter_map(|_| match rng.next() % 4 {
                0 => char::from_u32((rng.next() % 0x80) as u32),
                1 => char::from_u32((rng.next() % 0x3000) as u32),
                2 => char::from_u32((rng.next() % 0x11_0000) as u32),
                _ => Some(rng.pick(PIECES).chars().next().unwrap_or(' ')),
            })
            .collect();
        for lang in [Some(Lang::Fr), Some(Lang::En), None] {
            assert_spans_index_text(&analyze(&text, &Options { lang, ..options() }));
        }
        assert_eq!(analyze(&text, &options()), analyze(&text, &options()), "deterministic on {text:?}");
    }
}
