//! What the integration tests share: the segment-map check of the page tests (whatever the backend: parsed
//! HTML, JSON snapshot, live DOM) and the robustness tests' random generator.
// Each test crate that includes this module uses only part of it.
#![allow(dead_code)]

use newslens::page::ArticleContent;

/// The segment map is exact: segments are sorted and disjoint; each unit of a segment's part of the
/// article text is the same unit of its text node, or a space standing for a collapsed whitespace run; the
/// units outside every segment are the `\n` separators. `data_of` gives a node's own data.
pub fn check_segments<N>(content: &ArticleContent<N>, data_of: impl Fn(&N) -> String) {
    let text: Vec<u16> = content.text.encode_utf16().collect();
    let mut last_end = 0;
    let mut covered = vec![false; text.len()];
    for s in &content.segments {
        assert!(s.start_u16 >= last_end, "segments overlap or are unsorted");
        last_end = s.start_u16 + s.len_u16;
        let data: Vec<u16> = data_of(&s.node).encode_utf16().collect();
        for k in 0..s.len_u16 {
            covered[s.start_u16 + k] = true;
            let unit = text[s.start_u16 + k];
            let node_unit = data[s.node_offset(k)];
            if unit == u16::from(b' ') {
                assert!(char::from_u32(node_unit as u32).is_some_and(|c| c.is_ascii_whitespace()), "unit {k} of segment at {}", s.start_u16);
            } else {
                assert_eq!(unit, node_unit, "unit {k} of segment at {}", s.start_u16);
            }
        }
    }
    for (i, c) in covered.iter().enumerate() {
        if !c {
            assert_eq!(text[i], u16::from(b'\n'), "unit {i} outside every segment");
        }
    }
}

/// A small deterministic PRNG (xorshift64*), so failures reproduce without a dependency.
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number in `0..n`.
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    /// One of `items`, uniformly.
    pub fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}
