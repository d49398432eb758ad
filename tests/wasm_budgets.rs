//! Memory and speed budgets of issue #8 in a browser: `wasm-pack test --headless --chrome` (add `--release`
//! for a meaningful throughput figure; the memory bound holds in both profiles).
//!
//! Analyses about 1 MB of French news text (the demo page's French sample, repeated) the way the extension
//! does — analysis, then conversion of the result to a JavaScript object — and checks that the module's
//! linear memory stays within 32 MiB. WebAssembly memory only grows, so its final size is the peak.
#![cfg(target_arch = "wasm32")]

use newslens::{analyze, Options, Reference};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{console_log, wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

const SAMPLE: &str = include_str!("../www/samples/fr-conseil-municipal.txt");

/// The budget: 32 MiB of linear memory for a 1 MB article.
const MEMORY_BUDGET: f64 = 32.0 * 1024.0 * 1024.0;

fn memory_bytes() -> f64 {
    let memory: js_sys::WebAssembly::Memory = wasm_bindgen::memory().dyn_into().expect("a WebAssembly.Memory");
    memory.buffer().dyn_into::<js_sys::ArrayBuffer>().expect("an ArrayBuffer").byte_length() as f64
}

fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// About `size` bytes of French news: the sample repeated, cut at a character boundary.
fn french_news(size: usize) -> String {
    let mut text = String::with_capacity(size + SAMPLE.len());
    while text.len() < size {
        text.push_str(SAMPLE);
        text.push('\n');
    }
    let cut = newslens::lang::floor_char_boundary(&text, size);
    text.truncate(cut);
    text
}

#[wasm_bindgen_test]
fn one_megabyte_article_stays_within_32_mib() {
    let text = french_news(1_000_000);
    let before = memory_bytes();
    let options = Options { reference: Reference::parse_iso("2026-11-14T18:05"), ..Options::default() };
    let start = now_ms();
    let analysis = analyze(&text, &options);
    let analysed = now_ms();
    // As src/wasm.rs hands the result to JavaScript: its JSON (in linear memory, counted), read by JSON.parse.
    let json = serde_json::to_string(&analysis).expect("JSON");
    let js = js_sys::JSON::parse(&json).expect("a JavaScript value");
    let after = memory_bytes();
    assert!(!js.is_undefined());
    assert!(analysis.quotes.len() > 1000, "a real analysis ran: {} quotes", analysis.quotes.len());
    let secs = (analysed - start) / 1000.0;
    console_log!(
        "1 MB of French news: linear memory {:.1} MiB before, {:.1} MiB after (budget 32 MiB); analysis {:.0} ms, {:.1} MB/s",
        before / 1048576.0,
        after / 1048576.0,
        secs * 1000.0,
        text.len() as f64 / secs.max(1e-3) / 1e6
    );
    assert!(after <= MEMORY_BUDGET, "linear memory {after} bytes > 32 MiB");
}
