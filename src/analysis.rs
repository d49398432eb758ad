//! The `newslens/1` result: what the CLI prints and the WebAssembly `analyze` returns.
//!
//! Every offset here is in **UTF-16 code units** into [`Analysis::text`] (see `../shared/spec/analysis-json.md`);
//! the field names in Rust say so (`start_u16`), the JSON names are the contract's (`start`).

use serde::{Deserialize, Serialize};

use crate::dates::{self, Reference};
use crate::entities::{self, Entity as CoreEntity};
use crate::lang::{self, Lang};
use crate::quotes;
use crate::text::{pair_key, sort_by_u64, Doc, Span, Utf16Index};

/// The schema name every result carries.
pub const SCHEMA: &str = "newslens/1";

/// Where the reference moment came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ReferenceSource {
    /// Given by the caller (`--reference`).
    Cli,
    /// Page metadata (JSON-LD, `article:published_time`, `<time datetime>`).
    Meta,
    /// A dateline in the text ("Publié le …").
    Text,
    /// The current time (nothing better was known).
    Now,
}

/// What the caller knows about the text.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// Force the language instead of detecting it.
    pub lang: Option<Lang>,
    /// The publication moment relative dates resolve against.
    pub reference: Option<Reference>,
    /// Where `reference` came from (defaults to `cli` when a reference is given).
    pub reference_source: Option<ReferenceSource>,
    /// The article title (HTML input).
    pub title: Option<String>,
}

impl Options {
    /// Fill in what the caller left unset, in the order the brief gives: the page's metadata (HTML input or the
    /// live page), then a dateline at the top of the text ("Dernière mise à jour à 13h27 le 03/03", with the
    /// year inferred from `now` when missing), then `now` itself. Shared by the CLI and the WebAssembly
    /// binding so that both resolve dates against the same reference.
    pub fn complete(&mut self, text: &str, page: Option<&crate::page::Article>, now: Reference) {
        if self.reference.is_some() && self.reference_source.is_none() {
            self.reference_source = Some(ReferenceSource::Cli);
        }
        if let Some(page) = page {
            if self.reference.is_none() {
                if let Some(r) = page.published.as_deref().and_then(Reference::parse_iso) {
                    self.reference = Some(r);
                    self.reference_source = Some(ReferenceSource::Meta);
                }
            }
            if self.lang.is_none() {
                self.lang = page.lang.as_deref().and_then(Lang::from_code);
            }
            if self.title.is_none() {
                self.title = page.title.clone();
            }
        }
        if self.reference.is_none() {
            let lang = self.lang.unwrap_or_else(|| lang::detect(text));
            // A dateline without a year is the latest such date not after today.
            let dated = dates::dateline_reference(text, lang, Some(now.year))
                .and_then(|r| if r > now { dates::dateline_reference(text, lang, Some(now.year - 1)) } else { Some(r) });
            if let Some(r) = dated {
                self.reference = Some(r);
                self.reference_source = Some(ReferenceSource::Text);
            }
        }
        if self.reference.is_none() {
            self.reference = Some(now);
            self.reference_source = Some(ReferenceSource::Now);
        }
    }
}

/// A stretch of the text, in UTF-16 code units.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TextRefU16 {
    /// First UTF-16 code unit.
    #[serde(rename = "start")]
    pub start_u16: usize,
    /// One past the last UTF-16 code unit.
    #[serde(rename = "end")]
    pub end_u16: usize,
    /// The text covered.
    pub text: String,
}

/// An entity of the result.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EntityOut {
    /// `e1`, `e2`, … in order of first mention.
    pub id: String,
    /// `person` | `organization` | `location` | `other`.
    #[serde(rename = "type")]
    pub kind: String,
    /// Canonical name.
    pub name: String,
    /// Other surface forms.
    pub aliases: Vec<String>,
    /// Appositions and titles.
    pub descriptions: Vec<String>,
    /// `male` | `female` | null.
    pub gender: Option<String>,
    /// Every mention, UTF-16.
    pub mentions: Vec<TextRefU16>,
}

/// A quote of the result.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct QuoteOut {
    /// `q1`, `q2`, … in text order.
    pub id: String,
    /// `direct` | `indirect` | `mixed`.
    pub kind: String,
    /// First UTF-16 unit of the quoted words.
    #[serde(rename = "start")]
    pub start_u16: usize,
    /// One past the last UTF-16 unit.
    #[serde(rename = "end")]
    pub end_u16: usize,
    /// The quoted words.
    pub text: String,
    /// Entity id of the speaker.
    pub speaker: Option<String>,
    /// Canonical speaker name or source noun phrase.
    pub speaker_name: Option<String>,
    /// The mention the cue points at.
    pub speaker_mention: Option<TextRefU16>,
    /// The speech verb or "selon".
    pub cue: Option<TextRefU16>,
    /// 0–1.
    pub confidence: f32,
}

/// A temporal expression of the result.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DateOut {
    /// `d1`, `d2`, … in text order.
    pub id: String,
    /// First UTF-16 unit.
    #[serde(rename = "start")]
    pub start_u16: usize,
    /// One past the last UTF-16 unit.
    #[serde(rename = "end")]
    pub end_u16: usize,
    /// The expression.
    pub text: String,
    /// TIMEX3 type: `date` | `time` | `duration` | `set`.
    #[serde(rename = "type")]
    pub timex_type: String,
    /// TIMEX3 value.
    pub value: Option<String>,
    /// Inclusive end of a range.
    pub until: Option<String>,
    /// Finest unit of the value.
    pub grain: String,
    /// Resolved against the reference or another date.
    pub relative: bool,
}

/// The whole result for one text (`newslens/1`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Analysis {
    /// Always [`SCHEMA`].
    pub schema: String,
    /// `fr` | `en`.
    pub lang: String,
    /// `YYYY-MM-DDTHH:MM:SS` or null.
    pub reference: Option<String>,
    /// `cli` | `meta` | `text` | `now`, or null when there is no reference.
    pub reference_source: Option<ReferenceSource>,
    /// Article title (HTML input).
    pub title: Option<String>,
    /// The analysed text; every offset indexes it.
    pub text: String,
    /// Entities in order of first mention.
    pub entities: Vec<EntityOut>,
    /// Quotes in text order.
    pub quotes: Vec<QuoteOut>,
    /// Temporal expressions in text order.
    pub dates: Vec<DateOut>,
    /// Batch input id, echoed back (batch mode only).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub id: Option<serde_json::Value>,
}

impl Analysis {
    /// Check the invariants every analysis keeps, whatever the input: each span's `text` is exactly
    /// `text[start..end]` in UTF-16 code units and starts and ends on a character (never inside a surrogate
    /// pair); every entity has a mention; quotes and dates come in text order; there are no more results than
    /// characters. The robustness tests and the fuzz targets call it; `Err` says which invariant broke.
    pub fn check_invariants(&self) -> Result<(), String> {
        let units: Vec<u16> = self.text.encode_utf16().collect();
        let check = |start: usize, end: usize, text: &str| -> Result<(), String> {
            if start > end || end > units.len() {
                return Err(format!("span {start}..{end} out of 0..{}", units.len()));
            }
            for edge in [start, end] {
                if edge > 0 && edge < units.len() && (0xDC00..0xE000).contains(&units[edge]) {
                    return Err(format!("span edge {edge} splits a surrogate pair"));
                }
            }
            match String::from_utf16(&units[start..end]) {
                Ok(s) if s == text => Ok(()),
                _ => Err(format!("span {start}..{end} is not its text {text:?}")),
            }
        };
        for e in &self.entities {
            if e.mentions.is_empty() {
                return Err(format!("entity {} has no mention", e.id));
            }
            for m in &e.mentions {
                check(m.start_u16, m.end_u16, &m.text)?;
            }
        }
        for q in &self.quotes {
            check(q.start_u16, q.end_u16, &q.text)?;
            for r in [&q.cue, &q.speaker_mention].into_iter().flatten() {
                check(r.start_u16, r.end_u16, &r.text)?;
            }
        }
        for d in &self.dates {
            check(d.start_u16, d.end_u16, &d.text)?;
        }
        if !self.quotes.windows(2).all(|w| w[0].start_u16 <= w[1].start_u16) {
            return Err("quotes out of text order".into());
        }
        if !self.dates.windows(2).all(|w| w[0].start_u16 <= w[1].start_u16) {
            return Err("dates out of text order".into());
        }
        let results = self.quotes.len() + self.dates.len() + self.entities.iter().map(|e| e.mentions.len()).sum::<usize>();
        if results > units.len() + 1 {
            return Err(format!("{results} results for {} characters", units.len()));
        }
        Ok(())
    }
}

/// Analyse `text`. Never fails: any string gives a result.
///
/// ```
/// let a = newslens::analyze("« Je démissionne », a déclaré M. Dupont jeudi.", &newslens::Options::default());
/// assert_eq!(a.schema, "newslens/1");
/// assert_eq!(a.lang, "fr");
/// ```
pub fn analyze(text: &str, options: &Options) -> Analysis {
    let lang = options.lang.unwrap_or_else(|| lang::detect(text));
    let doc = Doc::new(text);
    let core_entities = entities::extract(&doc, lang);
    let core_quotes = quotes::extract(&doc, lang, &core_entities);
    let core_dates = dates::extract(&doc, lang, options.reference.as_ref());

    let u16 = Utf16Index::new(text);
    let text_ref = |s: Span| TextRefU16 { start_u16: u16.utf16(s.start), end_u16: u16.utf16(s.end), text: s.slice(text).to_string() };

    // Ids follow first appearance, as the contract asks.
    let mut entity_order: Vec<usize> = (0..core_entities.len()).filter(|&k| !core_entities[k].mentions.is_empty()).collect();
    sort_by_u64(&mut entity_order, |&k| core_entities[k].mentions.iter().map(|m| m.start as u64).min().unwrap_or(u64::MAX));
    let mut entity_id = vec![String::new(); core_entities.len()];
    for (n, &k) in entity_order.iter().enumerate() {
        entity_id[k] = format!("e{}", n + 1);
    }
    let entities_out = entity_order
        .iter()
        .map(|&k| entity_out(&core_entities[k], entity_id[k].clone(), &text_ref))
        .collect();

    let mut quotes_sorted = core_quotes;
    sort_by_u64(&mut quotes_sorted, |q| pair_key(q.span.start, q.span.end));
    let quotes_out = quotes_sorted
        .iter()
        .enumerate()
        .map(|(n, q)| QuoteOut {
            id: format!("q{}", n + 1),
            kind: q.kind.as_str().to_string(),
            start_u16: u16.utf16(q.span.start),
            end_u16: u16.utf16(q.span.end),
            text: q.span.slice(text).to_string(),
            speaker: q.speaker.and_then(|k| entity_id.get(k)).filter(|id| !id.is_empty()).cloned(),
            speaker_name: q.speaker_name.clone().or_else(|| q.speaker.and_then(|k| core_entities.get(k)).map(|e| e.name.clone())),
            speaker_mention: q.speaker_mention.map(&text_ref),
            cue: q.cue.map(&text_ref),
            confidence: (q.confidence.clamp(0.0, 1.0) * 100.0).round() / 100.0,
        })
        .collect();

    let mut dates_sorted = core_dates;
    sort_by_u64(&mut dates_sorted, |d| pair_key(d.span.start, d.span.end));
    let dates_out = dates_sorted
        .iter()
        .enumerate()
        .map(|(n, d)| DateOut {
            id: format!("d{}", n + 1),
            start_u16: u16.utf16(d.span.start),
            end_u16: u16.utf16(d.span.end),
            text: d.span.slice(text).to_string(),
            timex_type: d.timex_type.as_str().to_string(),
            value: d.value.clone(),
            until: d.until.clone(),
            grain: d.grain.to_string(),
            relative: d.relative,
        })
        .collect();

    Analysis {
        schema: SCHEMA.to_string(),
        lang: lang.code().to_string(),
        reference: options.reference.map(|r| r.to_iso()),
        reference_source: options.reference.map(|_| options.reference_source.unwrap_or(ReferenceSource::Cli)),
        title: options.title.clone(),
        text: text.to_string(),
        entities: entities_out,
        quotes: quotes_out,
        dates: dates_out,
        id: None,
    }
}

fn entity_out(e: &CoreEntity, id: String, text_ref: &dyn Fn(Span) -> TextRefU16) -> EntityOut {
    let mut mentions = e.mentions.clone();
    sort_by_u64(&mut mentions, |m| pair_key(m.start, m.end));
    mentions.dedup();
    EntityOut {
        id,
        kind: e.kind.as_str().to_string(),
        name: e.name.clone(),
        aliases: e.aliases.clone(),
        descriptions: e.descriptions.clone(),
        gender: e.gender.map(|g| g.as_str().to_string()),
        mentions: mentions.into_iter().map(text_ref).collect(),
    }
}
