//! The native page path on any bytes: html5ever page → article detection → analysis, then the same page
//! through the JSON-snapshot backend (the CSP fallback): no panic, segment maps inside the text, and both
//! backends agree on the article text ("written once, run twice").
#![no_main]

use libfuzzer_sys::fuzz_target;
use newslens::page::html::parse_html;
use newslens::page::snapshot::{scan_snapshot, to_snapshot_json};
use newslens::page::scan;
use newslens::{analyze, Options, Reference};
use newslens_fuzz::{check_analysis, check_segments};

fuzz_target!(|data: &[u8]| {
    let html = String::from_utf8_lossy(data);
    let arena = parse_html(&html);
    let Ok(content) = scan(&arena) else { return };
    check_segments(&arena, &content);

    let mut options = Options::default();
    options.complete(&content.text, Some(&content.meta), Reference { year: 2017, month: 3, day: 3, hour: 13, minute: 27, second: 0 });
    check_analysis(&analyze(&content.text, &options));

    let json = to_snapshot_json(&arena);
    let from_json = scan_snapshot(&json).expect("a snapshot we wrote reads back");
    assert_eq!(from_json.text, content.text, "the snapshot backend finds the same article text");
});
