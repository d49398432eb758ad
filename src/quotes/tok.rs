//! Token access shared by the quote modules: lower-cased words, sentence of each token, small predicates.

use crate::text::{Doc, Span, TokenKind};

/// The tokens of a [`Doc`] with their lower-cased text and sentence index, computed once.
pub struct Toks<'d, 't> {
    /// The document (which holds each token in lower case).
    pub doc: &'d Doc<'t>,
    sentence: Vec<usize>,
}

impl<'d, 't> Toks<'d, 't> {
    /// Index the tokens of `doc`.
    pub fn new(doc: &'d Doc<'t>) -> Self {
        let mut sentence = Vec::with_capacity(doc.tokens.len());
        let mut s = 0;
        for t in &doc.tokens {
            while s + 1 < doc.sentences.len() && doc.sentences[s + 1].span.start <= t.span.start {
                s += 1;
            }
            sentence.push(s);
        }
        Toks { doc, sentence }
    }
    /// Number of tokens.
    pub fn len(&self) -> usize {
        self.doc.tokens.len()
    }
    /// Lower-cased text of token `i` ("" past the end).
    pub fn lower(&self, i: usize) -> String {
        self.low(i).to_string()
    }
    /// Lower-cased text of token `i`, borrowed; the typographic apostrophe is the plain one.
    pub fn low(&self, i: usize) -> &'d str {
        let l = self.doc.lower(i);
        // Bytes compared in a pattern: `l == "’"` called `memcmp` at every three-letter word in the wasm build.
        if matches!(l.as_bytes(), [0xE2, 0x80, 0x99]) {
            "'"
        } else {
            l
        }
    }
    /// Original text of token `i` ("" past the end).
    pub fn text_of(&self, i: usize) -> &'t str {
        self.doc.tokens.get(i).map(|t| t.span.slice(self.doc.text)).unwrap_or("")
    }
    /// Is token `i` the one ASCII character `c`? ([`Doc::is_char`])
    pub fn is_char(&self, i: usize, c: u8) -> bool {
        self.doc.is_char(i, c)
    }
    /// Byte span of token `i` (empty at the end of the text past the end).
    pub fn span(&self, i: usize) -> Span {
        self.doc.tokens.get(i).map(|t| t.span).unwrap_or(Span::new(self.doc.text.len(), self.doc.text.len()))
    }
    /// Sentence index of token `i`.
    pub fn sentence(&self, i: usize) -> usize {
        self.sentence.get(i).copied().unwrap_or(usize::MAX)
    }
    /// Is token `i` a word?
    pub fn is_word(&self, i: usize) -> bool {
        self.doc.tokens.get(i).is_some_and(|t| t.kind == TokenKind::Word)
    }
    /// Is token `i` a word starting with a capital letter?
    pub fn is_cap_at(&self, i: usize) -> bool {
        self.is_word(i) && self.text_of(i).chars().next().is_some_and(char::is_uppercase)
    }
    /// Is token `i` an apostrophe (' or ’)?
    pub fn is_apostrophe(&self, i: usize) -> bool {
        self.doc.is_apostrophe(i)
    }
    /// Do tokens `a` and `b` touch (no space between)?
    pub fn adjacent(&self, a: usize, b: usize) -> bool {
        self.span(a).end == self.span(b).start
    }
    /// Does token `i` open its sentence?
    pub fn at_sentence_start(&self, i: usize) -> bool {
        i == 0 || self.sentence(i - 1) != self.sentence(i)
    }
    /// First token at or after byte `pos`.
    pub fn at_or_after(&self, pos: usize) -> usize {
        self.doc.tokens.partition_point(|t| t.span.start < pos)
    }
    /// One past the last token ending at or before byte `pos`.
    pub fn before(&self, pos: usize) -> usize {
        self.doc.tokens.partition_point(|t| t.span.end <= pos)
    }
}
