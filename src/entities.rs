//! Named entities: people, organisations and places, with their aliases clustered into one entity.
//!
//! (Walking-skeleton baseline: capitalised word runs, honorifics, surname clustering. The full extractor
//! replaces it behind the same [`extract`] signature.)

use crate::lang::Lang;
use crate::text::{Doc, Span, TokenKind};

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

const HONORIFICS: &[(&str, Option<Gender>)] = &[
    ("M.", Some(Gender::Male)),
    ("Mme", Some(Gender::Female)),
    ("Mlle", Some(Gender::Female)),
    ("Mr.", Some(Gender::Male)),
    ("Mrs.", Some(Gender::Female)),
    ("Ms.", Some(Gender::Female)),
    ("Dr.", None),
];

/// Find the entities of `doc`, ordered by first mention.
pub fn extract(doc: &Doc, lang: Lang) -> Vec<Entity> {
    let _ = lang;
    let text = doc.text;
    let toks = &doc.tokens;
    let mut runs: Vec<(Span, Option<Gender>, bool)> = Vec::new(); // (name span, gender, had honorific)
    let mut i = 0;
    while i < toks.len() {
        let t = toks[i];
        let is_cap = |k: usize| {
            toks.get(k).is_some_and(|t| t.kind == TokenKind::Word && t.span.slice(text).chars().next().is_some_and(char::is_uppercase))
        };
        // Honorific: "M." is a word followed by a dot; "Mme" stands alone.
        let mut honorific: Option<(usize, Option<Gender>)> = None;
        for (h, g) in HONORIFICS {
            let word = h.trim_end_matches('.');
            if t.span.slice(text) == word {
                let dotted = h.ends_with('.');
                let next = if dotted { i + 2 } else { i + 1 };
                if (!dotted || toks.get(i + 1).is_some_and(|d| d.span.slice(text) == ".")) && is_cap(next) {
                    honorific = Some((next, *g));
                }
            }
        }
        if let Some((start, g)) = honorific {
            let mut end = start;
            while is_cap(end + 1) && toks[end + 1].span.start == toks[end].span.end + 1 {
                end += 1;
            }
            runs.push((Span::new(toks[start].span.start, toks[end].span.end), g, true));
            i = end + 1;
            continue;
        }
        if is_cap(i) {
            let mut end = i;
            while is_cap(end + 1) && toks[end + 1].span.start == toks[end].span.end + 1 {
                end += 1;
            }
            let at_sentence_start = doc.sentences.iter().any(|s| s.span.start == t.span.start);
            if end > i || !at_sentence_start {
                runs.push((Span::new(t.span.start, toks[end].span.end), None, false));
            }
            i = end + 1;
            continue;
        }
        i += 1;
    }
    let mut entities: Vec<Entity> = Vec::new();
    for (span, gender, honorific) in runs {
        let name = span.slice(text).to_string();
        let last = name.split(' ').next_back().unwrap_or("").to_string();
        let found = entities.iter().position(|e| e.name == name || (e.kind == EntityType::Person && e.name.ends_with(&format!(" {last}"))));
        match found {
            Some(k) => {
                let e = &mut entities[k];
                e.mentions.push(span);
                if e.gender.is_none() {
                    e.gender = gender;
                }
            }
            None => {
                let words = name.split(' ').count();
                let kind = if honorific || words >= 2 { EntityType::Person } else { EntityType::Other };
                entities.push(Entity { kind, name, aliases: vec![], descriptions: vec![], gender, mentions: vec![span] });
            }
        }
    }
    entities
}
