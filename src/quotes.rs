//! Quotes and their speakers: direct quotes in quotation marks, reported speech, and who said them.
//!
//! (Walking-skeleton stub: the full extractor replaces the body of [`extract`].)

use crate::entities::Entity;
use crate::lang::Lang;
use crate::text::{Doc, Span};

/// How the words are reported.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QuoteKind {
    /// Inside quotation marks.
    Direct,
    /// A reported clause ("X a déclaré que …").
    Indirect,
    /// A reported clause holding a quoted fragment.
    Mixed,
}

impl QuoteKind {
    /// The JSON name.
    pub fn as_str(self) -> &'static str {
        match self {
            QuoteKind::Direct => "direct",
            QuoteKind::Indirect => "indirect",
            QuoteKind::Mixed => "mixed",
        }
    }
}

/// One quote with its attribution.
#[derive(Clone, Debug, PartialEq)]
pub struct Quote {
    /// Direct, indirect or mixed.
    pub kind: QuoteKind,
    /// Bytes of the quoted words (without the quotation marks).
    pub span: Span,
    /// Index into the entity list passed to [`extract`], when the speaker is a known entity.
    pub speaker: Option<usize>,
    /// Canonical speaker name, or the source's noun phrase ("les médias américains").
    pub speaker_name: Option<String>,
    /// The mention the cue points at (may be a pronoun).
    pub speaker_mention: Option<Span>,
    /// The speech verb or "selon".
    pub cue: Option<Span>,
    /// 0–1.
    pub confidence: f32,
}

/// Find the quotes of `doc` and attribute them to `entities` where possible.
pub fn extract(doc: &Doc, lang: Lang, entities: &[Entity]) -> Vec<Quote> {
    let _ = (doc, lang, entities);
    Vec::new()
}
