//! What the fuzz targets share: turning fuzz bytes into analysis options, and the invariants every result must
//! keep (spans that index the text on UTF-16 boundaries, results in text order and bounded by the text's
//! length, segment maps that stay inside the text). A broken invariant panics, which libFuzzer reports as a
//! crash with the input that caused it.

use newslens::page::{ArticleContent, PageTree};
use newslens::{Analysis, Lang, Options, Reference};

/// Options from the first bytes of a fuzz input, and the rest of the input as text.
///
/// Byte 0 picks the language (forced French, forced English, or detected) and whether there is a reference;
/// bytes 1–7 give the reference's fields (kept only when they make a valid date, as `Reference::parse_iso`
/// would). Inputs shorter than 8 bytes are all text, analysed without options.
pub fn split_options(data: &[u8]) -> (Options, &[u8]) {
    if data.len() < 8 {
        return (Options::default(), data);
    }
    let (head, rest) = data.split_at(8);
    let lang = match head[0] % 3 {
        0 => Some(Lang::Fr),
        1 => Some(Lang::En),
        _ => None,
    };
    let reference = if head[0] & 0x80 == 0 {
        // Years 0–9999, as a four-digit ISO date can say; day and time out of range on purpose now and then.
        let iso = format!(
            "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}",
            u16::from_le_bytes([head[1], head[2]]) % 10_000,
            head[3] % 13,
            head[4] % 32,
            head[5] % 25,
            head[6] % 61,
            head[7] % 61,
        );
        Reference::parse_iso(&iso)
    } else {
        None
    };
    (Options { lang, reference, ..Options::default() }, rest)
}

/// Every span of the analysis is `text[start..end]` in UTF-16 units, starts and ends on a character (never
/// inside a surrogate pair), and the result is bounded by the text's length.
pub fn check_analysis(a: &Analysis) {
    if let Err(e) = a.check_invariants() {
        panic!("{e}");
    }
}

/// Segments are sorted, do not overlap, lie inside the text, and map each of their units to a unit of their
/// own node's data; `locate` answers for every offset of the text.
pub fn check_segments<P: PageTree>(page: &P, content: &ArticleContent<P::Node>) {
    let units: Vec<u16> = content.text.encode_utf16().collect();
    let mut end = 0;
    for s in &content.segments {
        assert!(s.start_u16 >= end, "segments overlap or are out of order");
        end = s.start_u16 + s.len_u16;
        assert!(end <= units.len(), "segment past the text's end");
        let data: Vec<u16> = page.text(&s.node).expect("a segment's node is a text node").encode_utf16().collect();
        for k in 0..=s.len_u16 {
            assert!(s.node_offset(k) <= data.len(), "node offset past the node's data");
        }
    }
    for k in 0..=units.len() {
        assert!(content.locate(k).is_some() || content.segments.is_empty());
    }
    assert!(content.locate(units.len() + 1).is_none());
}
