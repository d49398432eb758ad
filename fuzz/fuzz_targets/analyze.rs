//! Any text, any language choice and any reference date: `analyze` must not panic, and its spans must index
//! the text (see `newslens_fuzz::check_analysis`). Invalid UTF-8 is replaced (U+FFFD) rather than skipped,
//! so that every input exercises the analysers.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newslens_fuzz::{check_analysis, split_options};

fuzz_target!(|data: &[u8]| {
    let (options, rest) = split_options(data);
    let text = String::from_utf8_lossy(rest);
    let analysis = newslens::analyze(&text, &options);
    check_analysis(&analysis);
});
