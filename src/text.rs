//! Text, offsets and segmentation.
//!
//! Inside the core every offset is a **byte** offset into the UTF-8 text (what `str` slicing and `regex`
//! use), held in [`Span`]. JavaScript and the JSON contract count **UTF-16 code units**; [`Utf16Index`]
//! converts once, at the edge (see `analysis.rs`).

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

use serde::Serialize;

/// A half-open range of **byte** offsets into the analysed UTF-8 text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from byte `start` to byte `end`.
    pub const fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }
    /// Length in bytes.
    pub fn len(&self) -> usize {
        self.end.saturating_sub(self.start)
    }
    /// True when the span holds no byte.
    pub fn is_empty(&self) -> bool {
        self.end <= self.start
    }
    /// The text the span covers (empty if it does not fall on character boundaries).
    pub fn slice<'t>(&self, text: &'t str) -> &'t str {
        text.get(self.start..self.end).unwrap_or("")
    }
    /// True when `other` lies entirely within `self`.
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
    /// True when the two spans share at least one byte.
    pub fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }
}

/// Converts byte offsets of one text to UTF-16 code-unit offsets.
///
/// Built once per text in O(n); each lookup is a binary search over the non-ASCII characters only, so
/// ASCII-heavy text costs almost nothing.
#[derive(Debug, Clone)]
pub struct Utf16Index {
    /// (byte offset just after a non-ASCII char, cumulative (bytes - utf16 units) saved up to there).
    deltas: Vec<(usize, usize)>,
    len_bytes: usize,
}

impl Utf16Index {
    /// Index the text.
    pub fn new(text: &str) -> Utf16Index {
        let mut deltas = Vec::new();
        let mut saved = 0usize;
        let b = text.as_bytes();
        let mut i = 0;
        while i < b.len() {
            // Runs of ASCII (most of a Latin-script text) eight bytes at a time.
            if let Some(chunk) = b.get(i..).and_then(<[u8]>::first_chunk) {
                if u64::from_le_bytes(*chunk) & 0x8080_8080_8080_8080 == 0 {
                    i += 8;
                    continue;
                }
            }
            // `i` is at a character's first byte, which tells its length; 4-byte characters take 2 UTF-16 units.
            let len = match b[i] {
                0x00..=0x7F => 1,
                0xC0..=0xDF => 2,
                0xE0..=0xEF => 3,
                _ => 4,
            };
            if len > 1 {
                saved += len - if len == 4 { 2 } else { 1 };
                deltas.push((i + len, saved));
            }
            i += len;
        }
        Utf16Index { deltas, len_bytes: text.len() }
    }

    /// The UTF-16 offset of byte offset `byte` (clamped to the text's length).
    pub fn utf16(&self, byte: usize) -> usize {
        let byte = byte.min(self.len_bytes);
        let k = self.deltas.partition_point(|&(end, _)| end <= byte);
        let saved = if k == 0 { 0 } else { self.deltas[k - 1].1 };
        byte - saved
    }
}

/// Byte offset of the UTF-16 offset `unit` in `text` (rounded down to a char boundary; clamped).
pub fn byte_of_utf16(text: &str, unit: usize) -> usize {
    let mut u = 0usize;
    for (i, c) in text.char_indices() {
        if u >= unit {
            return i;
        }
        u += c.len_utf16();
        if u > unit {
            return i;
        }
    }
    text.len()
}

/// A paragraph: a run of text between line breaks (block boundaries become `\n` in page text).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Paragraph {
    /// Bytes of the paragraph, without the line break.
    pub span: Span,
}

/// A sentence: never crosses a paragraph boundary.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sentence {
    /// Bytes of the sentence, trimmed of surrounding whitespace.
    pub span: Span,
    /// Index into [`Doc::paragraphs`].
    pub paragraph: usize,
}

/// What a token is made of.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters (and marks), with inner hyphens: `a-t-il`, `Etats-Unis`, `après-midi`.
    Word,
    /// Digits (with inner `.`, `,`, `:` or `h` separators not included: `13h27` is Number, Word, Number).
    Number,
    /// Any other non-space character, one per token: `«`, `'`, `,`.
    Punct,
}

/// A token with its byte span.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    /// Bytes of the token.
    pub span: Span,
    /// Its kind.
    pub kind: TokenKind,
}

/// A text split into paragraphs, sentences and tokens, computed once and shared by every extractor.
#[derive(Debug, Clone)]
pub struct Doc<'t> {
    /// The analysed text.
    pub text: &'t str,
    /// Paragraphs in order.
    pub paragraphs: Vec<Paragraph>,
    /// Sentences in order.
    pub sentences: Vec<Sentence>,
    /// Tokens in order.
    pub tokens: Vec<Token>,
    /// The tokens in lower case ([`lowercase`]), lowered once here since every extractor compares lower-cased
    /// words. Usually the whole text lowered in place, token `i` at its own span; when lowering a token changes
    /// its length in bytes ("İ"), the tokens' lower-case forms one after another, token `i` ending at
    /// `lower_ends[i]`.
    lower: String,
    /// Empty when `lower` is aligned with the text; else the end of each token's form in `lower`.
    lower_ends: Vec<usize>,
}

/// Abbreviations after which a full stop does not end a sentence (compared case-sensitively, without the dot).
static NON_FINAL_ABBREVIATIONS: Words = Words::new(&[
    "M", "MM", "Mme", "Mmes", "Mlle", "Mr", "Mrs", "Ms", "Dr", "Pr", "Prof", "St", "Ste", "Sr", "Jr", "Me", "Mgr",
    "Gen", "Gov", "Sen", "Rep", "Lt", "Col", "Capt", "Sgt", "Inc", "Co", "Corp", "No", "Jan", "Feb", "Mar", "Apr",
    "Aug", "Sept", "Sep", "Oct", "Nov", "Dec", "av", "apr", "J.-C", "etc", "cf", "vs", "p", "art", "éd", "vol",
    "U.S", "U.K", "U.N", "a.m", "p.m", "Ph.D", "e.g", "i.e", "Mass", "Calif", "Ont", "Que",
]);

/// Is `c` part of a word (letters and combining marks; digits make their own tokens)?
pub fn is_word_char(c: char) -> bool {
    c.is_alphabetic() || is_mark(c)
}

fn is_mark(c: char) -> bool {
    // Combining marks (decomposed accents) belong to the letter before them.
    matches!(c as u32, 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

/// `word` in lower case, borrowed when lowering changes nothing (most words of a text): lexicon lookups
/// then allocate nothing. Same result as [`str::to_lowercase`].
pub fn lowercase(word: &str) -> Cow<'_, str> {
    let unchanged = if is_ascii_word(word) {
        !word.bytes().any(|b| b.is_ascii_uppercase())
    } else {
        // ASCII and Latin-1 lower-case letters (U+00DF–U+00FF: "é", "à", "ç") without a table lookup.
        word.chars().all(|c| match c {
            _ if c.is_ascii() => !c.is_ascii_uppercase(),
            '\u{DF}'..='\u{FF}' => true,
            _ => c.is_lowercase() || c.to_lowercase().eq([c]),
        })
    };
    if unchanged {
        Cow::Borrowed(word)
    } else {
        Cow::Owned(word.to_lowercase())
    }
}

/// `str::is_ascii` for a word: a byte loop the compiler inlines (the standard one, written for long strings,
/// is a call in the size-optimised WebAssembly build, made at nearly every token).
#[inline]
pub fn is_ascii_word(word: &str) -> bool {
    word.bytes().all(|b| b < 0x80)
}

/// A hash map for lexicon tables (keys from our own data files): hashed with [`WordHasher`].
pub type WordMap<K, V> = HashMap<K, V, BuildHasherDefault<WordHasher>>;
/// A hash set for lexicon tables (keys from our own data files): hashed with [`WordHasher`].
pub type WordSet<K> = HashSet<K, BuildHasherDefault<WordHasher>>;

/// A fast multiply-rotate hasher (the Fx hash of rustc) for short keys such as words.
///
/// The standard SipHash resists hash flooding but took a tenth of the analysis time in word lookups. Use it
/// only for tables whose *keys* come from our data (a lexicon): a text can then choose only what it looks
/// up, not how the table is laid out, so it cannot make lookups slow. Tables keyed by the text's own words
/// keep the standard hasher.
#[derive(Clone, Copy, Debug, Default)]
pub struct WordHasher(u64);

impl WordHasher {
    const SEED: u64 = 0xf135_7aea_2e62_a9c5;

    fn add(&mut self, word: u64) {
        self.0 = (self.0 ^ word).wrapping_mul(Self::SEED).rotate_left(5);
    }
}

impl Hasher for WordHasher {
    fn write(&mut self, bytes: &[u8]) {
        // Whole-word loads, no copy into a buffer: a variable-length copy was a `memcpy` call per lookup.
        // Keys of up to 8 bytes (most words) take one step: two overlapping 4-byte loads, or 3 bytes; longer
        // keys take 8 bytes at a time and their last 8 bytes (overlapping). The length is mixed in so that
        // overlapping loads of different lengths differ.
        let n = bytes.len();
        #[inline(always)]
        fn load4(b: &[u8], i: usize) -> u64 {
            // `first_chunk` rather than `copy_from_slice`, which the size-optimised WebAssembly build calls.
            b.get(i..).and_then(<[u8]>::first_chunk).map_or(0, |w| u64::from(u32::from_le_bytes(*w)))
        }
        #[inline(always)]
        fn load8(b: &[u8], i: usize) -> u64 {
            b.get(i..).and_then(<[u8]>::first_chunk).map_or(0, |w| u64::from_le_bytes(*w))
        }
        if n <= 8 {
            let v = if n >= 4 {
                load4(bytes, 0) | (load4(bytes, n - 4) << 32)
            } else if n > 0 {
                u64::from(bytes[0]) | (u64::from(bytes[n / 2]) << 8) | (u64::from(bytes[n - 1]) << 16)
            } else {
                0
            };
            self.add(v ^ ((n as u64) << 59));
        } else {
            let mut i = 0;
            while i + 8 < n {
                self.add(load8(bytes, i));
                i += 8;
            }
            self.add(load8(bytes, n - 8) ^ ((n as u64) << 59));
        }
    }
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }
    fn write_u32(&mut self, i: u32) {
        self.add(u64::from(i));
    }
    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }
    fn finish(&self) -> u64 {
        // hashbrown takes the bucket from the low bits and a tag from the top 7: mix both ends.
        let h = self.0;
        (h ^ (h >> 29)).wrapping_mul(Self::SEED) ^ (h >> 32)
    }
}

/// The shapes (first two and last two bytes, length in bytes: [`shape_hash`]) of a set of keys, as a small
/// Bloom filter: a cheap test that rules out most words before a hash look-up in a lexicon. Most words of a
/// text are in no lexicon, and most of them have a shape no key has.
#[derive(Clone, Debug)]
pub struct KeyShapes([u64; 256]);

impl KeyShapes {
    /// The shapes of `keys`.
    pub fn new<'k>(keys: impl IntoIterator<Item = &'k str>) -> KeyShapes {
        let mut shapes = KeyShapes([0; 256]);
        for k in keys {
            let bit = Self::bit(k);
            shapes.0[bit / 64] |= 1 << (bit % 64);
        }
        shapes
    }

    /// The filter bit (of 16 384) of the shape of `key`.
    #[inline]
    fn bit(key: &str) -> usize {
        (shape_hash(key.as_bytes()) >> 18) as usize
    }

    /// False when no key has the shape of `key` (so `key` is none of them); true when one may be it.
    #[inline]
    pub fn may_hold(&self, key: &str) -> bool {
        let bit = Self::bit(key);
        self.0[bit / 64] & (1 << (bit % 64)) != 0
    }
}

/// A word's shape (its first two and last two bytes, and its length in bytes) hashed to 32 bits, whose top bits
/// pick a filter bit ([`KeyShapes`], [`Words`]). `const` so that [`Words`] makes its filter at compile time.
///
/// Two bytes at each end, not one: French words of one length and the same first and last letters are many
/// ("cette" and "clame", "articles" and "avancés"), and a third of a text's words passed the speech-verb filter.
/// The product's high half: its top bits depend on every input bit.
#[inline(always)]
const fn shape_hash(w: &[u8]) -> u32 {
    let n = w.len();
    let ends = if n == 0 {
        0
    } else {
        // A one-byte word counts its byte twice at each end.
        let (second, before_last) = if n > 1 { (w[1], w[n - 2]) } else { (w[0], w[0]) };
        w[0] as u64 | (second as u64) << 8 | (before_last as u64) << 16 | (w[n - 1] as u64) << 24
    };
    ((ends | (n as u64) << 32).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 32) as u32
}

/// A short constant list of words with a 256-bit filter of their shapes ([`shape_hash`]), made at
/// compile time: `contains` rules out most words with one bit test before comparing with the entries. The
/// lists of function words are tested at nearly every token, and most tokens are in none of them; a plain
/// `<[&str]>::contains` compared each word with every entry (a `memcmp` call per entry of the same length,
/// not inlined in the size-optimised WebAssembly build).
#[derive(Clone, Copy, Debug)]
pub struct Words {
    list: &'static [&'static str],
    filter: [u64; 4],
}

impl Words {
    /// The list `list` and its filter.
    pub const fn new(list: &'static [&'static str]) -> Words {
        let mut filter = [0u64; 4];
        let mut i = 0;
        while i < list.len() {
            let bit = Self::bit(list[i].as_bytes());
            filter[bit / 64] |= 1 << (bit % 64);
            i += 1;
        }
        Words { list, filter }
    }

    /// The filter bit (of 256) of a word's shape.
    #[inline(always)]
    const fn bit(w: &[u8]) -> usize {
        (shape_hash(w) >> 24) as usize
    }

    /// Is `word` one of the words (compared byte for byte)?
    pub fn contains(&self, word: &str) -> bool {
        let bit = Self::bit(word.as_bytes());
        self.filter[bit / 64] & (1 << (bit % 64)) != 0 && one_of(word, self.list)
    }

    /// The words, in their written order.
    pub fn list(&self) -> &'static [&'static str] {
        self.list
    }
}

/// Is `word` one of `list`? The same as `list.contains(&word)`, but entries of the word's length are compared
/// by their first byte before the whole (most entries of a list of short words share a length with the word).
pub fn one_of(word: &str, list: &[&str]) -> bool {
    let w = word.as_bytes();
    let first = w.first().copied();
    list.iter().any(|k| k.len() == w.len() && k.as_bytes().first().copied() == first && k.as_bytes() == w)
}

impl<'t> Doc<'t> {
    /// Segment `text`.
    pub fn new(text: &'t str) -> Doc<'t> {
        let paragraphs = split_paragraphs(text);
        let tokens = tokenize(text);
        let sentences = split_sentences(text, &paragraphs, &tokens);
        let (lower, lower_ends) = lower_tokens(text, &tokens);
        Doc { text, paragraphs, sentences, tokens, lower, lower_ends }
    }

    /// Token `i` in lower case (the same as [`lowercase`] of its text); "" past the last token.
    #[inline]
    pub fn lower(&self, i: usize) -> &str {
        if self.lower_ends.is_empty() {
            return self.tokens.get(i).and_then(|t| self.lower.get(t.span.start..t.span.end)).unwrap_or("");
        }
        let Some(&end) = self.lower_ends.get(i) else { return "" };
        let start = if i == 0 { 0 } else { self.lower_ends[i - 1] };
        &self.lower[start..end]
    }

    /// Is token `i` the one ASCII character `c` (`","`, `"."`)? Compares a byte, where comparing the token's
    /// text would slice the text (checking character boundaries) and call `memcmp`.
    #[inline]
    pub fn is_char(&self, i: usize, c: u8) -> bool {
        self.tokens.get(i).is_some_and(|t| t.span.len() == 1 && self.text.as_bytes().get(t.span.start) == Some(&c))
    }

    /// The bytes of token `i` (empty past the end): for byte tests, without slicing the text as a `str`.
    #[inline]
    pub fn token_bytes(&self, i: usize) -> &'t [u8] {
        self.tokens.get(i).and_then(|t| self.text.as_bytes().get(t.span.start..t.span.end)).unwrap_or(&[])
    }

    /// Is token `i` an apostrophe, `'` or `’` (U+2019, bytes E2 80 99)? (Its bytes compared, as [`Doc::is_char`].)
    pub fn is_apostrophe(&self, i: usize) -> bool {
        matches!(self.token_bytes(i), [b'\''] | [0xE2, 0x80, 0x99])
    }

    /// The text of a span.
    pub fn slice(&self, span: Span) -> &'t str {
        span.slice(self.text)
    }

    /// Index of the sentence containing byte `pos` (the last sentence starting at or before it).
    pub fn sentence_at(&self, pos: usize) -> Option<usize> {
        let k = self.sentences.partition_point(|s| s.span.start <= pos);
        if k == 0 {
            None
        } else {
            Some(k - 1)
        }
    }

    /// Index of the paragraph containing byte `pos`.
    pub fn paragraph_at(&self, pos: usize) -> Option<usize> {
        let k = self.paragraphs.partition_point(|p| p.span.start <= pos);
        if k == 0 {
            None
        } else {
            Some(k - 1)
        }
    }

    /// Indices of the tokens lying within `span`.
    pub fn tokens_in(&self, span: Span) -> std::ops::Range<usize> {
        let a = self.tokens.partition_point(|t| t.span.start < span.start);
        let b = self.tokens.partition_point(|t| t.span.end <= span.end);
        a..b.max(a)
    }
}

/// The lower-case forms of [`Doc::lower`]: the text with ASCII and Latin-1 capitals lowered, then each token
/// holding other characters that may have a case lowered in place; when one changes length, every token's
/// form one after another with their ends.
fn lower_tokens(text: &str, tokens: &[Token]) -> (String, Vec<usize>) {
    // One pass copies the text in runs and lowers "A"-"Z" and "À"-"Þ" itself (`str::to_ascii_lowercase` plus
    // a `lowercase` call at each non-ASCII token cost 20 instructions a byte in the size-optimised build). Whole
    // characters are replaced by characters of the same length, so the tokens keep their spans.
    let b = text.as_bytes();
    let mut lower = String::with_capacity(text.len());
    // Where characters outside ASCII and Latin-1 are (their tokens are lowered by `lowercase` below).
    let mut others: Vec<usize> = Vec::new();
    let mut copied = 0; // bytes of `text` up to here are in `lower`
    let mut i = 0;
    while i < b.len() {
        // Eight bytes at a time up to the first capital or non-ASCII byte (most bytes are neither): a byte has its
        // top bit set, or adding 0x3F sets it (>= "A") and adding 0x25 does not (<= "Z").
        if let Some(chunk) = b.get(i..).and_then(<[u8]>::first_chunk) {
            let x = u64::from_le_bytes(*chunk);
            const ONES: u64 = 0x0101_0101_0101_0101;
            let hits = (x | (x.wrapping_add(0x3F * ONES) & !x.wrapping_add(0x25 * ONES))) & (0x80 * ONES);
            // Straight to the first byte to look at. (A non-ASCII byte can carry into the bytes after it, never
            // into those before: the lowest flag is exact.)
            let skip = hits.trailing_zeros() as usize / 8;
            if skip > 0 {
                i += skip;
                continue;
            }
        }
        // `i` is at a character's first byte: the chunk test skips only whole ASCII characters.
        match b[i] {
            c @ b'A'..=b'Z' => {
                lower.push_str(&text[copied..i]);
                lower.push(char::from(c + 32));
                i += 1;
                copied = i;
            }
            // "À"-"Þ" but "×" (C3 80-9E, not 97): U+00C0 + k lowers to U+00E0 + k.
            0xC3 if b.get(i + 1).is_some_and(|&d| (0x80..=0x9E).contains(&d) && d != 0x97) => {
                lower.push_str(&text[copied..i]);
                lower.push(char::from(b[i + 1] + 0x60));
                i += 2;
                copied = i;
            }
            0x00..=0x7F => i += 1,
            // The rest of Latin-1 (U+0080-00FF) is lower case or caseless.
            0xC2 | 0xC3 => i += 2,
            // General punctuation (U+2000-207F: "’", "—", "…") is caseless.
            0xE2 if matches!(b.get(i + 1), Some(0x80 | 0x81)) => i += 3,
            c => {
                others.push(i);
                i += match c {
                    0xC4..=0xDF => 2,
                    0xE0..=0xEF => 3,
                    _ => 4,
                };
            }
        }
    }
    lower.push_str(&text[copied..]);
    let mut last = usize::MAX; // the last token lowered below
    for p in others {
        let k = tokens.partition_point(|t| t.span.end <= p);
        let Some(t) = tokens.get(k).filter(|t| t.span.start <= p && k != last) else { continue };
        last = k;
        let word = t.span.slice(text);
        if let Cow::Owned(l) = lowercase(word) {
            if l.len() != word.len() {
                return lower_unaligned(text, tokens);
            }
            lower.replace_range(t.span.start..t.span.end, &l);
        }
    }
    (lower, Vec::new())
}

/// [`lower_tokens`] when lowering a token changes its length in bytes ("İ"): each token's form after the last.
fn lower_unaligned(text: &str, tokens: &[Token]) -> (String, Vec<usize>) {
    let mut lower = String::with_capacity(text.len());
    let mut ends = Vec::with_capacity(tokens.len());
    for t in tokens {
        lower.push_str(&lowercase(t.span.slice(text)));
        ends.push(lower.len());
    }
    (lower, ends)
}

fn split_paragraphs(text: &str) -> Vec<Paragraph> {
    let mut out = Vec::new();
    let mut start = 0;
    if !text.contains('\u{2029}') {
        // Line breaks only (nearly every text): found by `memchr`, not one byte at a time.
        for (i, _) in text.match_indices('\n') {
            push_trimmed_paragraph(text, start, i, &mut out);
            start = i + 1;
        }
        push_trimmed_paragraph(text, start, text.len(), &mut out);
        return out;
    }
    // Byte scan: '\n' is one byte and U+2029 is E2 80 A9; neither byte sequence occurs inside another character.
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let len = match b[i] {
            b'\n' => 1,
            0xE2 if b.get(i + 1..i + 3) == Some(&[0x80, 0xA9]) => 3,
            _ => {
                i += 1;
                continue;
            }
        };
        push_trimmed_paragraph(text, start, i, &mut out);
        start = i + len;
        i += len;
    }
    push_trimmed_paragraph(text, start, text.len(), &mut out);
    out
}

fn push_trimmed_paragraph(text: &str, start: usize, end: usize, out: &mut Vec<Paragraph>) {
    if let Some(span) = trim_span(text, Span::new(start, end)) {
        out.push(Paragraph { span });
    }
}

/// The span without leading and trailing whitespace; `None` if nothing is left.
pub fn trim_span(text: &str, span: Span) -> Option<Span> {
    let s = span.slice(text);
    let lead = s.len() - s.trim_start().len();
    let trimmed = s.trim();
    if trimmed.is_empty() {
        None
    } else {
        Some(Span::new(span.start + lead, span.start + lead + trimmed.len()))
    }
}

/// The character at byte `i` of `text` (a char boundary) and its length; ASCII without decoding.
#[inline]
fn char_at(text: &str, i: usize) -> Option<(char, usize)> {
    let &b = text.as_bytes().get(i)?;
    if b < 0x80 {
        return Some((b as char, 1));
    }
    text.get(i..)?.chars().next().map(|c| (c, c.len_utf8()))
}

/// `char::is_alphabetic` with an ASCII fast path.
#[inline]
fn is_alpha(c: char) -> bool {
    match c {
        _ if c.is_ascii() => c.is_ascii_alphabetic(),
        // Latin-1 letters ("é", "À", "ç"), without a table lookup; × and ÷ are not letters.
        '\u{C0}'..='\u{FF}' => c != '\u{D7}' && c != '\u{F7}',
        _ => c.is_alphabetic(),
    }
}

fn tokenize(text: &str) -> Vec<Token> {
    // About one token per 5 bytes of news text.
    let mut tokens = Vec::with_capacity(text.len() / 5 + 1);
    let bytes = text.as_bytes();
    let mut i = 0;
    loop {
        // An ASCII character (most) read here as its byte: `char_at` and `is_alpha` are calls in the
        // size-optimised WebAssembly build.
        let (c, len) = match bytes.get(i) {
            None => break,
            Some(&b) if b < 0x80 => (char::from(b), 1),
            Some(_) => match char_at(text, i) {
                Some(cl) => cl,
                None => break,
            },
        };
        // ASCII whitespace without the call `char::is_whitespace` is in the size-optimised WebAssembly build.
        if if c.is_ascii() { matches!(c, ' ' | '\t'..='\r') } else { c.is_whitespace() } {
            i += len;
            continue;
        }
        let start = i;
        i += len;
        if if c.is_ascii() { c.is_ascii_alphabetic() } else { is_alpha(c) } {
            loop {
                // ASCII letters, most of a word, one byte at a time without decoding.
                while bytes.get(i).is_some_and(u8::is_ascii_alphabetic) {
                    i += 1;
                }
                // An ASCII byte after them other than a hyphen (a space, a comma: most word ends) ends the word
                // without decoding it.
                if bytes.get(i).is_some_and(|&b| b < 0x80 && b != b'-') {
                    break;
                }
                let Some((d, dl)) = char_at(text, i) else { break };
                // Letters and marks, and a hyphen between letters ("a-t-il").
                let inner_hyphen = (d == '-' || d == '\u{2011}') && char_at(text, i + dl).is_some_and(|(e, _)| is_alpha(e));
                if is_alpha(d) || (!d.is_ascii() && is_mark(d)) || inner_hyphen {
                    i += dl;
                } else {
                    break;
                }
            }
            tokens.push(Token { span: Span::new(start, i), kind: TokenKind::Word });
        } else if c.is_numeric() {
            while let Some((d, dl)) = char_at(text, i) {
                if d.is_numeric() {
                    i += dl;
                } else {
                    break;
                }
            }
            tokens.push(Token { span: Span::new(start, i), kind: TokenKind::Number });
        } else {
            tokens.push(Token { span: Span::new(start, i), kind: TokenKind::Punct });
        }
    }
    tokens
}

/// Does the full stop at token `k` close an abbreviation ("M.", "Mr.", "a.m.", "U.S.") or an initial ("J.")?
fn ends_with_abbreviation(text: &str, toks: &[Token], k: usize) -> bool {
    let prev = toks[k - 1];
    if prev.span.end != toks[k].span.start {
        return false;
    }
    let prev_s = prev.span.slice(text);
    if prev.kind == TokenKind::Word && prev_s.chars().count() == 1 && prev_s.chars().all(char::is_uppercase) {
        return true;
    }
    // Dotted abbreviations are several tokens ("a" "." "m"): compare the whole run of letters and inner dots.
    let mut first = k - 1;
    while first >= 2
        && toks[first - 1].span.slice(text) == "."
        && toks[first - 1].span.start == toks[first - 2].span.end
        && toks[first - 1].span.end == toks[first].span.start
        && toks[first - 2].kind == TokenKind::Word
    {
        first -= 2;
    }
    let run = &text[toks[first].span.start..prev.span.end];
    NON_FINAL_ABBREVIATIONS.contains(run)
}

/// A run of this many tokens without a sentence stop is cut into sentences of this length. No written
/// sentence comes near it (news sentences run to 100 tokens or so), but text without punctuation would
/// otherwise be one sentence, and the extractors' per-cue scans to the sentence's end quadratic (issue #8).
pub const MAX_SENTENCE_TOKENS: usize = 400;

fn split_sentences(text: &str, paragraphs: &[Paragraph], tokens: &[Token]) -> Vec<Sentence> {
    let mut out = Vec::new();
    for (pi, p) in paragraphs.iter().enumerate() {
        let range_a = tokens.partition_point(|t| t.span.start < p.span.start);
        let range_b = tokens.partition_point(|t| t.span.end <= p.span.end);
        let toks = &tokens[range_a..range_b.max(range_a)];
        let mut start = p.span.start;
        // Index in `toks` of the current sentence's first token.
        let mut first = 0;
        // Where the run of closing punctuation after an earlier stop ended: a stop inside that run ends there
        // too, so a run of 100 000 dots is walked once, not once per dot (issue #8).
        let mut run_end = 0;
        for (k, t) in toks.iter().enumerate() {
            if k + 1 >= first + MAX_SENTENCE_TOKENS && k + 1 < toks.len() {
                if let Some(span) = trim_span(text, Span::new(start, t.span.end)) {
                    out.push(Sentence { span, paragraph: pi });
                }
                start = t.span.end;
                first = k + 1;
                continue;
            }
            if t.kind != TokenKind::Punct {
                continue;
            }
            // Sliced only now: most tokens are words, and slicing checks character boundaries.
            let ch = t.span.slice(text);
            if !matches!(ch, "." | "!" | "?" | "…") {
                continue;
            }
            // Take closing punctuation and quotes that follow the stop into this sentence.
            let mut last = if run_end > k { run_end } else { k };
            while let Some(n) = toks.get(last + 1) {
                let s = n.span.slice(text);
                if n.kind == TokenKind::Punct && matches!(s, "." | "!" | "?" | "»" | "”" | "\"" | "’" | ")" | "]" | "…") {
                    last += 1;
                } else {
                    break;
                }
            }
            run_end = last;
            let Some(next) = toks.get(last + 1) else { continue };
            if next.span.start == toks[last].span.end {
                continue; // "1.5", "U.S." inside a word: no space, no break
            }
            if ch == "." && k > 0 && ends_with_abbreviation(text, toks, k) {
                continue;
            }
            let next_first = next.span.slice(text).chars().next().unwrap_or(' ');
            let opens = matches!(next_first, '«' | '“' | '"' | '‘' | '(' | '[' | '—' | '–' | '-');
            if !(next_first.is_uppercase() || next_first.is_numeric() || opens) {
                continue;
            }
            let end = toks[last].span.end;
            if let Some(span) = trim_span(text, Span::new(start, end)) {
                out.push(Sentence { span, paragraph: pi });
            }
            start = end;
            first = last + 1;
        }
        if let Some(span) = trim_span(text, Span::new(start, p.span.end)) {
            out.push(Sentence { span, paragraph: pi });
        }
    }
    out
}

/// Sort `items` by `key`, stably (items with equal keys keep their order): what `sort_by_key` does.
///
/// Why not `sort_by_key`: each call site of the standard sorts compiles its own copy of the sorting routine
/// (3 to 5 kB of WebAssembly apiece, some 60 kB in all), which the browser validates and compiles at every start
/// of the extension's worker. Here every caller shares one small merge sort of `(key, position)` pairs, then the
/// items are moved to their places.
/// A sort on a plain value (`sort`, `sort_unstable`) is this with a key that orders values as they order; two
/// offsets pack into one key with [`pair_key`].
pub fn sort_by_u64<T>(items: &mut [T], key: impl Fn(&T) -> u64) {
    let mut order: Vec<(u64, usize)> = items.iter().enumerate().map(|(i, x)| (key(x), i)).collect();
    // The generic part stays this small (no closure of its own): callers generic over a page tree then
    // compile to identical code, which wasm-opt folds into one.
    merge_sort(&mut order, &key_less);
    permute(items, &mut order);
}

fn key_less(a: &(u64, usize), b: &(u64, usize)) -> bool {
    a.0 < b.0
}

/// Sort `items` by the string `key` (compared as `str` compares), stably: [`sort_by_u64`] for string keys.
pub fn sort_by_str<T>(items: &mut [T], key: impl Fn(&T) -> &str) {
    let mut order = {
        let keys: Vec<&str> = items.iter().map(key).collect();
        str_order(&keys)
    };
    permute(items, &mut order);
}

/// The positions of `keys` in stable order of the keys, as [`permute`] takes them.
fn str_order(keys: &[&str]) -> Vec<(u64, usize)> {
    let mut order: Vec<(u64, usize)> = (0..keys.len()).map(|i| (0, i)).collect();
    merge_sort(&mut order, &|a, b| keys[a.1] < keys[b.1]);
    order
}

/// Sort `pairs` stably by `less` (a bottom-up merge sort: n log n comparisons, one copy of the pairs). The
/// one sorting routine of the crate (see [`sort_by_u64`]; out of line, so that no caller gets a copy).
#[inline(never)]
fn merge_sort(pairs: &mut Vec<(u64, usize)>, less: &dyn Fn(&(u64, usize), &(u64, usize)) -> bool) {
    // most lists come in order already (mentions in text order): one pass says so
    if pairs.windows(2).all(|w| !less(&w[1], &w[0])) {
        return;
    }
    let n = pairs.len();
    let mut to = pairs.clone();
    let mut width = 1;
    while width < n {
        // merge each two sorted runs [lo, mid) and [mid, hi) of `pairs` into `to`
        let mut lo = 0;
        while lo < n {
            let mid = lo.saturating_add(width).min(n);
            let hi = mid.saturating_add(width).min(n);
            let (mut i, mut j) = (lo, mid);
            for slot in &mut to[lo..hi] {
                // from the second run only when strictly before: equal keys keep their order
                if j < hi && (i >= mid || less(&pairs[j], &pairs[i])) {
                    *slot = pairs[j];
                    j += 1;
                } else {
                    *slot = pairs[i];
                    i += 1;
                }
            }
            lo = hi;
        }
        std::mem::swap(pairs, &mut to);
        width = width.saturating_mul(2);
    }
}

/// Put `items` in the order `order` gives: position k takes the item at `order[k].1` (a permutation of the
/// positions; `order` is left unusable).
fn permute<T>(items: &mut [T], order: &mut [(u64, usize)]) {
    // Each cycle of the permutation is walked once, swapping along it; a walked position is marked usize::MAX.
    for start in 0..order.len() {
        let mut j = start;
        loop {
            let from = std::mem::replace(&mut order[j].1, usize::MAX);
            if from == usize::MAX || from == start {
                break;
            }
            items.swap(j, from);
            j = from;
        }
    }
}

/// One sort key for two numbers below 2^32 (byte offsets, indices), ordered as the pair `(high, low)` is.
pub fn pair_key(high: usize, low: usize) -> u64 {
    ((high as u64) << 32) | (low as u64 & 0xffff_ffff)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sort_by_u64_is_a_stable_sort_by_key() {
        // (keys, tags in input order): items tagged with their input position; the result must be exactly what
        // the standard stable sort gives, ties in input order.
        let cases: &[&[u64]] = &[
            &[],
            &[7],
            &[3, 1, 2],
            &[1, 1, 1, 1],
            &[5, 4, 3, 2, 1, 0],
            &[2, 1, 2, 1, 2, 1, 0, 0],
            &[u64::MAX, 0, u64::MAX, 1 << 40, 1 << 32, 0],
            &[9, 3, 9, 3, 7, 1, 8, 2, 6, 0, 5, 4, 4, 5, 0, 6, 2, 8, 1, 7, 3, 9, 3, 9, 10, 11, 10, 12],
        ];
        for keys in cases {
            let mut want: Vec<(u64, usize)> = keys.iter().copied().zip(0..).collect();
            want.sort_by_key(|&(k, _)| k);
            let mut got: Vec<(u64, usize)> = keys.iter().copied().zip(0..).collect();
            sort_by_u64(&mut got, |&(k, _)| k);
            assert_eq!(got, want, "{keys:?}");
        }
        // Every permutation of 6 items with repeated keys: each cycle shape of the moves is met.
        let mut perm: Vec<usize> = (0..6).collect();
        let mut count = 0;
        loop {
            let items: Vec<(u64, usize)> = perm.iter().map(|&p| ((p / 2) as u64, p)).collect();
            let mut want = items.clone();
            want.sort_by_key(|&(k, _)| k);
            let mut got = items.clone();
            sort_by_u64(&mut got, |&(k, _)| k);
            assert_eq!(got, want, "{items:?}");
            let mut by_str: Vec<(String, usize)> = items.iter().map(|&(k, p)| (k.to_string(), p)).collect();
            sort_by_str(&mut by_str, |x| &x.0);
            assert_eq!(by_str.iter().map(|x| x.1).collect::<Vec<_>>(), want.iter().map(|x| x.1).collect::<Vec<_>>(), "{items:?}");
            count += 1;
            // next permutation in lexicographic order
            let Some(i) = (0..5).rev().find(|&i| perm[i] < perm[i + 1]) else { break };
            let j = (i + 1..6).rev().find(|&j| perm[j] > perm[i]).unwrap();
            perm.swap(i, j);
            perm[i + 1..].reverse();
        }
        assert_eq!(count, 720);
    }

    #[test]
    fn sort_by_str_is_a_stable_sort_by_key() {
        let cases: &[&[&str]] = &[
            &[],
            &["b"],
            &["b", "a", "b", "", "a", "ab", "é", "Z", "b", ""],
            &["sameAs", "@type", "name", "@type", "author", "name", "name"],
            &["e", "d", "c", "b", "a", "e", "d", "c", "b", "a", "a", "b", "c", "d", "e", "c", "c"],
        ];
        for keys in cases {
            let mut want: Vec<(&str, usize)> = keys.iter().copied().zip(0..).collect();
            want.sort_by(|a, b| a.0.cmp(b.0));
            let mut got: Vec<(&str, usize)> = keys.iter().copied().zip(0..).collect();
            sort_by_str(&mut got, |x| x.0);
            assert_eq!(got, want, "{keys:?}");
        }
    }

    #[test]
    fn pair_key_orders_as_the_pair() {
        let pairs = [(0, 0), (0, 1), (0, 0xffff_ffff), (1, 0), (1, 5), (2, 3), (0xffff_ffff, 0), (0xffff_ffff, 0xffff_ffff)];
        for a in pairs {
            for b in pairs {
                assert_eq!(pair_key(a.0, a.1).cmp(&pair_key(b.0, b.1)), a.cmp(&b), "{a:?} {b:?}");
            }
        }
    }

    #[test]
    fn words_contains_exactly_its_entries() {
        const LIST: Words = Words::new(&["a", "ont", "avait", "été", "l", "d'ailleurs", ""]);
        // (word, in the list?): same length or same first byte as an entry is not enough.
        let cases = [
            ("a", true), ("ont", true), ("avait", true), ("été", true), ("l", true), ("d'ailleurs", true), ("", true),
            ("b", false), ("A", false), ("on", false), ("ont ", false), ("avaient", false), ("ete", false),
            ("étés", false), ("le", false), ("d'ailleur", false),
        ];
        for (word, want) in cases {
            assert_eq!(LIST.contains(word), want, "{word:?}");
            assert_eq!(one_of(word, LIST.list()), want, "{word:?}");
        }
        assert!(!Words::new(&[]).contains(""));
    }

    #[test]
    fn lowercase_matches_str_to_lowercase_and_borrows_when_it_can() {
        // (word, borrowed?) — the result must always equal str::to_lowercase.
        let cases = [
            ("été", true),
            ("porte-parole", true),
            ("l'an", true),
            ("13h27", true),
            ("«", true),
            ("中国", true),
            ("Sessions", false),
            ("ÉTATS-UNIS", false),
            ("ΣΟΦΙΑ", false), // final sigma: str::to_lowercase decides, we follow it
            ("İstanbul", false),
            ("ǅemal", false), // a title-case letter
            ("", true),
        ];
        for (word, borrowed) in cases {
            let got = lowercase(word);
            assert_eq!(got, word.to_lowercase(), "{word:?}");
            assert_eq!(matches!(got, Cow::Borrowed(_)), borrowed, "{word:?}");
        }
    }

    #[test]
    fn word_maps_find_what_was_put_in() {
        let words = ["de", "des", "du", "d", "président", "porte-parole", "a", "ab", "abcdefgh", "abcdefghi", ""];
        let map: WordMap<&str, usize> = words.iter().enumerate().map(|(n, w)| (*w, n)).collect();
        for (n, w) in words.iter().enumerate() {
            assert_eq!(map.get(w), Some(&n), "{w:?}");
        }
        for absent in ["De", "abcdefg", "abcdefghij", "présidente"] {
            assert_eq!(map.get(absent), None, "{absent:?}");
        }
        // Distinct short keys rarely share a hash: a bad mix would put many in one bucket.
        let hashes: WordSet<u64> = words.iter().map(|w| std::hash::BuildHasher::hash_one(map.hasher(), w)).collect();
        assert_eq!(hashes.len(), words.len());
    }

    #[test]
    fn key_shapes_never_rule_out_a_key_and_rule_out_most_other_words() {
        let keys = ["de", "ministère", "", "a", "x".repeat(70).leak(), "\0", "porte-parole", "université"];
        let shapes = KeyShapes::new(keys.iter().copied());
        for k in keys {
            assert!(shapes.may_hold(k), "{k:?}");
        }
        // Words of other shapes (first and last bytes, length) are let through only on a rare filter collision.
        let others = ["la", "d", "ministres", "b", "\0\0", "le", "président", "université-", "dé", "porte-paroles"];
        let through = others.iter().filter(|w| shapes.may_hold(w)).count();
        assert!(through <= 1, "{through} of {others:?} let through");
    }

    #[test]
    fn utf16_offsets_count_astral_chars_twice() {
        let text = "é😀a";
        let idx = Utf16Index::new(text);
        assert_eq!(idx.utf16(0), 0);
        assert_eq!(idx.utf16(2), 1); // after é
        assert_eq!(idx.utf16(6), 3); // after 😀 (2 units)
        assert_eq!(idx.utf16(7), 4);
        assert_eq!(byte_of_utf16(text, 3), 6);
        // Long ASCII runs (read eight bytes at a time) around characters of every length: each char boundary
        // maps to the UTF-16 length of the text before it.
        let text = format!("{}é{}€x😀{}ß", "a".repeat(17), "b".repeat(8), "c".repeat(9));
        let idx = Utf16Index::new(&text);
        for (i, _) in text.char_indices().chain([(text.len(), ' ')]) {
            assert_eq!(idx.utf16(i), text[..i].encode_utf16().count(), "byte {i}");
        }
    }

    #[test]
    fn paragraphs_split_at_line_and_paragraph_separators() {
        for (text, expected) in [
            ("un\ndeux\n\n trois ", vec!["un", "deux", "trois"]),
            ("un\u{2029}deux\ntrois", vec!["un", "deux", "trois"]),
            ("\n\n", vec![]),
            ("seul", vec!["seul"]),
        ] {
            let got: Vec<&str> = split_paragraphs(text).iter().map(|p| p.span.slice(text)).collect();
            assert_eq!(got, expected, "{text:?}");
        }
    }

    #[test]
    fn sentences_without_stops_are_cut_at_the_token_cap() {
        let text = "mot ".repeat(MAX_SENTENCE_TOKENS * 2 + 10);
        let doc = Doc::new(&text);
        let lens: Vec<usize> = doc.sentences.iter().map(|s| doc.tokens_in(s.span).len()).collect();
        assert_eq!(lens, vec![MAX_SENTENCE_TOKENS, MAX_SENTENCE_TOKENS, 10]);
        // Sentences still tile the text: each starts where the previous ended (after trimming).
        assert!(doc.sentences.windows(2).all(|w| w[0].span.end < w[1].span.start));
    }

    #[test]
    fn sentences_do_not_break_after_honorifics() {
        let text = "M. Sessions a parlé. Il a ajouté: \"Non.\" Mr. Smith said so.\nNouveau paragraphe";
        let doc = Doc::new(text);
        let sents: Vec<&str> = doc.sentences.iter().map(|s| doc.slice(s.span)).collect();
        assert_eq!(sents, vec!["M. Sessions a parlé.", "Il a ajouté: \"Non.\"", "Mr. Smith said so.", "Nouveau paragraphe"]);
        assert_eq!(doc.sentences[3].paragraph, 1);
    }

    #[test]
    fn sentences_do_not_break_after_dotted_abbreviations() {
        let cases: &[(&str, &[&str])] = &[
            ("It began at 3:30 a.m. Saturday in the U.S. Capitol.", &["It began at 3:30 a.m. Saturday in the U.S. Capitol."]),
            ("J. K. Rowling wrote it. Then she left.", &["J. K. Rowling wrote it.", "Then she left."]),
            ("Il est parti. Elle est restée.", &["Il est parti.", "Elle est restée."]),
        ];
        for (text, expected) in cases {
            let doc = Doc::new(text);
            let sents: Vec<&str> = doc.sentences.iter().map(|s| doc.slice(s.span)).collect();
            assert_eq!(&sents, expected, "{text}");
        }
    }

    #[test]
    fn doc_lower_is_lowercase_of_each_token() {
        // The aligned path (lowering keeps every length) and the fallback ("İ" lowers to 3 bytes from 2).
        // Latin-1 capitals lowered by the byte pass ("×" is no letter, "ß" and "ÿ" are lower case), capitals
        // at either end of an eight-byte chunk, caseless punctuation and spaces ("’", "—", U+2009) beside others.
        let cases = [
            "M. Sessions a dit « NON » aux ÉTATS-UNIS.", "ΟΔΥΣΣΕΑΣ ǅemal l’Été", "İstanbul et ANKARA", "", "déjà 13h27 中国",
            "ÀÉÎÕÜÝÞ 3×4 ßÿ « ŒUVRES » — L’ÉTÉ\u{2009}ÇA Ärger Ωmega", "ABCDEFGHIJKLMNOPQRSTUVWXYZ@[`{ abcdefgH Iklmnop",
        ];
        for text in cases {
            let doc = Doc::new(text);
            for (i, t) in doc.tokens.iter().enumerate() {
                assert_eq!(doc.lower(i), lowercase(doc.slice(t.span)), "{text:?} token {i}");
            }
            assert_eq!(doc.lower(doc.tokens.len()), "", "{text:?} past the end");
        }
    }

    #[test]
    fn tokens_keep_inner_hyphens() {
        let doc = Doc::new("a-t-il 13h27 l'an");
        let toks: Vec<&str> = doc.tokens.iter().map(|t| doc.slice(t.span)).collect();
        assert_eq!(toks, vec!["a-t-il", "13", "h", "27", "l", "'", "an"]);
    }
}
