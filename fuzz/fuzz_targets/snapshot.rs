//! The JSON snapshot reader (what the service worker parses for a page whose CSP forbids WebAssembly) on any
//! bytes: an error or an article, never a panic; when there is an article, its segment map stays inside
//! the text.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newslens::page::scan;
use newslens::page::snapshot::{scan_snapshot, snapshot_arena};
use newslens_fuzz::check_segments;

fuzz_target!(|data: &[u8]| {
    let Ok(json) = std::str::from_utf8(data) else { return };
    let Ok(arena) = snapshot_arena(json) else { return };
    if let Ok(content) = scan(&arena) {
        check_segments(&arena, &content);
        let numbered = scan_snapshot(json).expect("the same snapshot scans again");
        assert_eq!(numbered.text, content.text);
    }
});
