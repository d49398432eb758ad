//! Named entities: people, organisations and places, with their aliases clustered into one entity.
//!
//! Mentions come from capitalisation backed by evidence: honorifics (`M.`, `Mme`, `Mr.`, `Dr.`), titles
//! ("le président Macron"), lexicons of first names, countries, regions and cities (`data/lexicons/`),
//! organisation cue words ("ministère de la Justice", "Heritage Foundation") and place cue words ("bande de
//! Gaza"). A capitalised word opening a sentence counts only when the same form has evidence elsewhere.
//! Mentions are then clustered (`cluster.rs`): full name, surname, honorific + surname; acronyms and their
//! expansions; translations in parentheses; short forms of organisation names.
//!
//! Gender comes from honorifics, then the first-name lexicon, then coreferring pronouns; `None` when unknown.
//! Descriptions are titles before a name ("procureur général américain") and appositions around it ("la
//! porte-parole de M. Sessions").
//!
//! For speaker resolution (the quotes module): [`entity_at`] (which entity a mention span belongs to),
//! [`last_person_before`] (pronouns: the last person, of a gender, before an offset), [`person_described_as`]
//! ("la porte-parole" → the person described so), [`role_head`] and [`lexicon::is_role_noun`].
//!
//! Offsets are **bytes** ([`Span`]); `analysis.rs` converts them to UTF-16.
//!
//! ```
//! use newslens::{entities, lang::Lang, text::Doc};
//! let doc = Doc::new("Le procureur général Jeff Sessions a parlé. M. Sessions a nié.");
//! let found = entities::extract(&doc, Lang::Fr);
//! assert_eq!(found[0].name, "Jeff Sessions");
//! assert_eq!(found[0].mentions.len(), 2);
//! assert_eq!(found[0].gender, Some(entities::Gender::Male));
//! ```

mod cluster;
mod detect;
pub mod lexicon;

use crate::lang::Lang;
use crate::text::{Doc, Span};

/// Kind of entity.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum EntityType {
    /// A person.
    Person,
    /// A company, institution, party, team, ministry…
    Organization,
    /// A country, city, region, place.
    Location,
    /// Nationalities, events, works, anything else.
    Other,
}

impl EntityType {
    /// The JSON name.
    pub fn as_str(self) -> &'static str {
        match self {
            EntityType::Person => "person",
            EntityType::Organization => "organization",
            EntityType::Location => "location",
            EntityType::Other => "other",
        }
    }
}

/// Grammatical/social gender of a person, as far as the text tells.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Gender {
    /// Male.
    Male,
    /// Female.
    Female,
}

impl Gender {
    /// The JSON name.
    pub fn as_str(self) -> &'static str {
        match self {
            Gender::Male => "male",
            Gender::Female => "female",
        }
    }
}

/// One entity and every place it is mentioned.
#[derive(Clone, Debug, PartialEq)]
pub struct Entity {
    /// Person, organisation, location or other.
    pub kind: EntityType,
    /// Canonical (fullest) name.
    pub name: String,
    /// Other surface forms, without the canonical name, in order of first appearance.
    pub aliases: Vec<String>,
    /// Appositions and titles found in the text ("procureur général américain").
    pub descriptions: Vec<String>,
    /// Gender, when known.
    pub gender: Option<Gender>,
    /// Byte spans of every mention, in text order.
    pub mentions: Vec<Span>,
}

/// Find the entities of `doc`, ordered by first mention.
///
/// Linear in the length of the text; never panics. `lang` is accepted for the API's sake: the lexicons and
/// rules cover French and English together, since news in one language quotes names from the other.
pub fn extract(doc: &Doc, lang: Lang) -> Vec<Entity> {
    let _ = lang;
    let cands = detect::candidates(doc);
    let mut entities = cluster::cluster(doc, cands);
    pronoun_genders(doc, &mut entities);
    entities
}

/// Gender from coreferring pronouns, for people whose name and honorifics told nothing: after a person's
/// mention, the first subject or object pronoun ("il", "elle", "a-t-elle", "he", "she", "her") before any other
/// person is mentioned, within the rest of the sentence and the next one (at most 40 tokens), votes.
fn pronoun_genders(doc: &Doc, entities: &mut [Entity]) {
    let mut marks: Vec<(Span, usize)> = Vec::new();
    for (k, e) in entities.iter().enumerate() {
        if e.kind == EntityType::Person {
            marks.extend(e.mentions.iter().map(|&m| (m, k)));
        }
    }
    crate::text::sort_by_u64(&mut marks, |(m, _)| crate::text::pair_key(m.start, m.end));
    let mut votes = vec![(0usize, 0usize); entities.len()];
    // Cursors instead of binary searches per mention (marks come in text order): on a long text each search
    // walked a token array far larger than the cache.
    let (mut sentence, mut token) = (0usize, 0usize);
    for (n, &(m, k)) in marks.iter().enumerate() {
        if entities[k].gender.is_some() {
            continue;
        }
        let limit = marks.get(n + 1).map_or(doc.text.len(), |(next, _)| next.start);
        // [`Doc::sentence_at`]: the last sentence starting at or before the mention.
        while doc.sentences.get(sentence + 1).is_some_and(|s| s.span.start <= m.start) {
            sentence += 1;
        }
        let sentence_at = doc.sentences.get(sentence).filter(|s| s.span.start <= m.start).map(|_| sentence);
        let sentence_end = sentence_at
            .and_then(|s| doc.sentences.get(s + 1).or(doc.sentences.get(s)))
            .map_or(doc.text.len(), |s| s.span.end);
        // The first token starting at or after the mention's end: past the tokens before its start, then its own.
        while doc.tokens.get(token).is_some_and(|t| t.span.start < m.start) {
            token += 1;
        }
        let mut first = token;
        while doc.tokens.get(first).is_some_and(|t| t.span.start < m.end) {
            first += 1;
        }
        for (j, t) in doc.tokens.iter().enumerate().skip(first).take(40) {
            if t.span.start >= limit || t.span.start >= sentence_end {
                break;
            }
            let w = doc.lower(j);
            let g = match w {
                "il" | "he" | "him" | "his" | "lui" => Some(Gender::Male),
                "elle" | "she" | "her" | "hers" => Some(Gender::Female),
                _ if w.ends_with("-t-il") || w.ends_with("-il") => Some(Gender::Male),
                _ if w.ends_with("-t-elle") || w.ends_with("-elle") => Some(Gender::Female),
                _ => None,
            };
            match g {
                Some(Gender::Male) => {
                    votes[k].0 += 1;
                    break;
                }
                Some(Gender::Female) => {
                    votes[k].1 += 1;
                    break;
                }
                None => {}
            }
        }
    }
    for (e, (m, f)) in entities.iter_mut().zip(votes) {
        if e.gender.is_none() && m != f {
            e.gender = Some(if m > f { Gender::Male } else { Gender::Female });
        }
    }
}

/// The entity and mention covering `span` (the tightest mention that contains it, else one that overlaps it).
///
/// For the quotes module: which entity is the subject "M. Sessions" that a cue points at.
pub fn entity_at(entities: &[Entity], span: Span) -> Option<(usize, Span)> {
    let mut best: Option<(usize, Span)> = None;
    for (k, e) in entities.iter().enumerate() {
        for &m in &e.mentions {
            let better = |b: &(usize, Span)| m.len() < b.1.len();
            if m.contains(span) && best.as_ref().map_or(true, |b| !b.1.contains(span) || better(b)) {
                best = Some((k, m));
            } else if m.overlaps(span) && best.is_none() {
                best = Some((k, m));
            }
        }
    }
    best
}

/// The last person mentioned before byte `pos` (mention ending at or before it), of `gender` when given
/// (a person whose gender is unknown matches any gender). Returns the entity index and that mention.
///
/// For pronoun speakers: "a-t-il déclaré" → the last male person before the quote.
pub fn last_person_before(entities: &[Entity], pos: usize, gender: Option<Gender>) -> Option<(usize, Span)> {
    let mut best: Option<(usize, Span)> = None;
    for (k, e) in entities.iter().enumerate() {
        if e.kind != EntityType::Person || (gender.is_some() && e.gender.is_some() && e.gender != gender) {
            continue;
        }
        if let Some(&m) = e.mentions.iter().filter(|m| m.end <= pos).max_by_key(|m| m.end) {
            if best.map_or(true, |(_, b)| m.end > b.end) {
                best = Some((k, m));
            }
        }
    }
    best
}

/// The person described by a noun phrase such as "la porte-parole" or "the spokesman": a person one of whose
/// `descriptions` has the same head noun (the first role noun of the phrase). When several match, the one
/// mentioned last before `pos` wins.
pub fn person_described_as(entities: &[Entity], phrase: &str, pos: usize) -> Option<usize> {
    let head = role_head(phrase)?;
    let mut best: Option<(usize, usize)> = None; // (entity, last mention end before pos)
    for (k, e) in entities.iter().enumerate() {
        if e.kind != EntityType::Person || !e.descriptions.iter().any(|d| role_head(d).as_deref() == Some(head.as_str())) {
            continue;
        }
        let last = e.mentions.iter().filter(|m| m.end <= pos).map(|m| m.end).max().unwrap_or(0);
        if best.map_or(true, |(_, b)| last > b) {
            best = Some((k, last));
        }
    }
    best.map(|(k, _)| k)
}

/// The first role noun of a phrase, lower-case ("la porte-parole de M. Sessions" → "porte-parole").
pub fn role_head(phrase: &str) -> Option<String> {
    let is_role = |w: &str| lexicon::LEX.roles.contains(w);
    // One word (most calls): looked up whole, without a split on three characters (a search per character).
    if !phrase.bytes().any(|b| matches!(b, b' ' | b'\'' | 0xE2)) {
        let w = crate::text::lowercase(phrase);
        return is_role(&w).then(|| w.into_owned());
    }
    // `text::lowercase` borrows the words already in lower case (most): no allocation per word looked up.
    phrase.split([' ', '\'', '’']).find_map(|w| {
        let w = crate::text::lowercase(w);
        is_role(&w).then(|| w.into_owned())
    })
}

#[cfg(test)]
mod tests;
