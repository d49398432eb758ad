//! Speakers: resolving a cue's subject (a name, a pronoun, a role noun, a source noun phrase) to an entity of
//! the entity list, or keeping the noun phrase when no entity fits ("les médias américains").
//!
//! The entity list may be crude: an entity is found by a mention overlapping the subject, and when none does the
//! subject's own words are the name, so attribution survives a weak entity extractor.

use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::LazyLock;

use crate::entities::lexicon::entries;
use super::tok::Toks;
use crate::entities::{Entity, EntityType, Gender};
use crate::lang::Lang;
use crate::text::{Span, WordSet, Words};

// Hashed, not binary-searched: `role_word` runs some ten thousand times on a long text (a binary search made a
// dozen `memcmp` calls a word).
static ROLES_FR: LazyLock<WordSet<&'static str>> = LazyLock::new(|| entries(include_str!("../../data/lexicons/speaker_roles_fr.txt")).collect());
static ROLES_EN: LazyLock<WordSet<&'static str>> = LazyLock::new(|| entries(include_str!("../../data/lexicons/speaker_roles_en.txt")).collect());

/// Who said it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Speaker {
    /// Index into the entity list.
    pub entity: Option<usize>,
    /// Canonical name or source noun phrase.
    pub name: Option<String>,
    /// The words the cue points at.
    pub mention: Option<Span>,
    /// True for a person (or an unknown named speaker), which a pronoun may refer back to.
    pub person: bool,
    /// Gender, when known.
    pub gender: Option<Gender>,
}

/// What a subject turned out to be.
#[derive(Clone, Debug, PartialEq)]
pub enum Resolved {
    /// A speaker (possibly without a name, when a pronoun found no antecedent).
    Speaker(Speaker),
    /// The author ("je", "nous", "I", "we") or generic "on": not reported speech.
    NotReported,
}

static FR_DETS: Words = Words::new(&[
    "le", "la", "les", "l", "un", "une", "des", "du", "d", "ce", "cette", "ces", "son", "sa", "ses", "leur", "leurs", "plusieurs", "certains",
    "certaines", "quelques", "notre", "nos", "votre", "vos", "mon", "ma", "mes", "ton", "ta", "tes",
]);
/// Words that open a capitalised run without being part of a name ("Selon Paul Collier", "For Fouzia Al Hashish").
static NOT_NAME_START: Words = Words::new(&[
    "selon", "pour", "après", "avant", "dans", "mais", "et", "le", "la", "les", "un", "une", "des", "for", "on", "in", "at", "with", "by",
    "asked", "according", "said", "says", "when", "while", "the", "a", "an", "but", "and", "of", "from", "to", "after", "before", "as",
    "organizer", "organiser", "article", "continued", "below", "read", "watch", "more", "if", "since", "then", "quand", "lorsque", "chez",
    "mr", "mrs", "ms", "dr", "m", "mme", "mlle", "me", "pr", "prof", "sen", "gov", "rep", "monday", "tuesday", "wednesday", "thursday",
    "friday", "saturday", "sunday", "january", "february", "march", "april", "june", "july", "august", "september", "october",
    "november", "december", "jan", "feb", "aug", "sept", "oct", "nov", "dec", "lundi", "mardi", "mercredi", "jeudi", "vendredi",
    "samedi", "dimanche", "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre",
    "décembre", "late", "early", "below", "above", "ce", "cette", "plus", "many", "some", "most",
]);
static NAME_PARTICLES: Words = Words::new(&["de", "du", "des", "d", "van", "von", "der", "den", "di", "da", "del", "dos", "la", "le", "bin", "ben", "al", "el", "ibn"]);
static EN_DETS: Words = Words::new(&["the", "a", "an", "his", "her", "their", "its", "our", "some", "several", "many", "this", "these", "those"]);
/// Does the mention `m` open its sentence?
fn t_first_in_sentence(t: &Toks, m: Span) -> bool {
    let first = t.at_or_after(m.start);
    t.at_sentence_start(first)
}

/// English nouns by which an article refers back to the organisation it named ("the company said").
static EN_ORG_NOUNS: Words = Words::new(&[
    "agency", "airline", "bank", "company", "corporation", "department", "firm", "ministry", "organization", "organisation", "railway",
    "retailer", "automaker", "insurer", "broadcaster", "network", "regulator", "startup", "utility",
]);
/// English nouns of documents that "say" things for the organisation that issued them.
static EN_DOC_NOUNS: Words = Words::new(&[
    "statement", "release", "report", "paper", "post", "website", "tweet", "memo", "document", "letter", "email", "filing", "blog", "notice",
    "bulletin", "communique", "news",
]);
/// Participles that make the agent after "par" a document's author ("la liste proposée par la section 37").
static AUTHORED: Words = Words::new(&[
    "proposé", "proposée", "proposés", "proposées", "rédigé", "rédigée", "rédigés", "rédigées", "établi", "établie", "établis", "établies",
    "élaboré", "élaborée", "élaborés", "élaborées", "signé", "signée", "signés", "signées", "publié", "publiée", "publiés", "publiées",
]);
static PREPS: Words = Words::new(&["de", "du", "des", "d", "à", "au", "aux", "chez", "pour", "of", "at", "for", "from", "in", "with", "by", "on", "to"]);

/// What [`Resolver::org_like`] and [`Resolver::usual_org_name_uncached`] found for one entity: is it an
/// organisation, and the name it goes by.
type OrgFacts = (bool, Option<String>);

/// Resolves subjects against the entity list.
pub struct Resolver<'a, 'd, 't> {
    t: &'a Toks<'d, 't>,
    entities: &'a [Entity],
    lang: Lang,
    /// (mention span, entity index), sorted by start.
    mentions: Vec<(Span, usize)>,
    /// role head word → (byte position of the apposition, entity index), sorted by position.
    roles_by_head: HashMap<String, Vec<(usize, usize)>>,
    /// Cache of the entity module's `person_described_as`, by head word.
    described: RefCell<HashMap<String, Option<usize>>>,
    /// Bytes inside quotation marks, sorted: a name quoted there is not an antecedent.
    quoted: Vec<Span>,
    /// Acronyms already looked up in the text, with the full name found ("EDC" → "Export Development Canada").
    acronyms: RefCell<HashMap<String, Option<String>>>,
    /// Entities named by an acronym, with the entity named in full, when there is one.
    /// (Per entity, `None` until looked up: vectors rather than maps keyed by entity, one hash-table type less
    /// in the WebAssembly module.)
    expanded: RefCell<Vec<Option<Option<usize>>>>,
    /// Per entity, the gender its honorifics give.
    honorific_gender: Vec<Option<Gender>>,
    /// The first person mention of the text with its entity (an interview's "vous").
    first_person: Option<(Span, usize)>,
    /// Genders learnt from the pronouns that referred to an entity ("Soona … écrit-elle").
    learnt: RefCell<Vec<Option<Gender>>>,
    /// The reported words of the cue being resolved, whose names are no antecedent of its pronoun ("The brewery in
    /// York Beach is ready, he said").
    reported: std::cell::Cell<Option<Span>>,
    /// Per paragraph: a link to another story ("WATCH: …"), computed once (English only).
    link_paragraphs: Vec<bool>,
    /// Per entity, computed on first use: does it count as an organisation ([`Self::org_like`]), and the name it
    /// goes by ([`Self::usual_org_name_uncached`]). Both look at every mention: asked once per entity, not per quote.
    org_cache: RefCell<Vec<Option<OrgFacts>>>,
}

impl<'a, 'd, 't> Resolver<'a, 'd, 't> {
    /// Index the entity mentions and the role appositions ("Sara Isgur Flores, la porte-parole de …").
    pub fn new(t: &'a Toks<'d, 't>, entities: &'a [Entity], lang: Lang) -> Self {
        let mut mentions: Vec<(Span, usize)> = entities.iter().enumerate().flat_map(|(k, e)| e.mentions.iter().map(move |m| (*m, k))).collect();
        // by start, the longest first
        crate::text::sort_by_u64(&mut mentions, |(m, _)| crate::text::pair_key(m.start, 0xffff_ffff_usize.saturating_sub(m.end)));
        let mut r = Resolver { t, entities, lang, mentions, roles_by_head: HashMap::new(), described: RefCell::new(HashMap::new()), first_person: None, learnt: RefCell::new(vec![None; entities.len()]), quoted: Vec::new(), reported: std::cell::Cell::new(None), link_paragraphs: Vec::new(), org_cache: RefCell::new(vec![None; entities.len()]), acronyms: RefCell::new(HashMap::new()), expanded: RefCell::new(vec![None; entities.len()]), honorific_gender: Self::honorific_genders(entities, t.doc.text) };
        r.first_person = r.mentions.iter().copied().find(|&(_, k)| r.is_person(k));
        if lang == Lang::En {
            r.link_paragraphs = t.doc.paragraphs.iter().map(|p| super::is_link_label(p.span.slice(t.doc.text))).collect();
            // most texts link to no other story: then no look-up per mention
            if !r.link_paragraphs.contains(&true) {
                r.link_paragraphs.clear();
            }
        }
        r.index_roles();
        r
    }

    /// Tell the resolver which bytes are quoted (sorted, disjoint spans), so that names there are not antecedents.
    pub fn with_quoted(mut self, quoted: Vec<Span>) -> Self {
        self.quoted = quoted;
        self
    }

    /// Is the mention inside parentheses ("(Lauren Pelley/CBC)"): a photo credit or an aside, no antecedent.
    fn in_parentheses(&self, m: Span) -> bool {
        let t = self.t;
        let first = t.at_or_after(m.start);
        (first.saturating_sub(3)..first).any(|j| t.is_char(j, b'(')) && !(first.saturating_sub(3)..first).any(|j| t.is_char(j, b')'))
    }

    /// A mention no pronoun refers back to: quoted words, an aside in parentheses, a link to another story
    /// ("WATCH: Burnaby RCMP warns of …").
    fn not_antecedent(&self, m: Span) -> bool {
        let t = self.t;
        self.is_quoted(m)
            || self.reported.get().is_some_and(|r| r.contains(m))
            || self.in_parentheses(m)
            || !self.link_paragraphs.is_empty() && t.doc.paragraph_at(m.start).and_then(|p| self.link_paragraphs.get(p)).copied().unwrap_or(false)
    }

    fn is_quoted(&self, m: Span) -> bool {
        let k = self.quoted.partition_point(|q| q.start <= m.start);
        k > 0 && self.quoted[k - 1].contains(m)
    }

    /// Does the mention `m` open its sentence, a few title words aside ("Health Minister Jane Roe …"): the
    /// sentence's subject, which an English pronoun in the next sentences most likely refers to.
    fn subject_position(&self, m: Span) -> bool {
        let t = self.t;
        let first = t.at_or_after(m.start);
        let mut j = first;
        while j > 0 && first - j < 4 && t.sentence(j - 1) == t.sentence(first) && t.is_word(j - 1) && !matches!(t.low(j - 1), "to" | "with" | "by" | "of" | "for" | "from" | "and" | "about") {
            j -= 1;
        }
        // "For Megda Belkacemi, Friday is …": a topic opening the sentence
        if j == first && j >= 1 && t.low(j - 1) == "for" && (j == 1 || t.sentence(j - 2) != t.sentence(first)) {
            j -= 1;
        }
        j == 0 || t.sentence(j - 1) != t.sentence(first)
    }

    /// The organisation an article means by "the company" or "it" at byte `at`: of those named (outside quotation
    /// marks) within a few paragraphs before, the one the article mentions most, the latest on a tie.
    fn last_org_before(&self, at: usize) -> Option<usize> {
        let hi = self.mentions.partition_point(|(m, _)| m.start < at);
        let orgs = || self.mentions[..hi].iter().rev().take(80).take_while(|(m, _)| at.saturating_sub(m.end) <= 2500).filter(|&&(m, k)| self.org_like(k) && !self.not_antecedent(m));
        // the subject of a sentence just before ("Google said … . But the company seemed confident")
        if let Some(&(_, k)) = orgs().take_while(|(m, _)| at.saturating_sub(m.end) <= 600).find(|&&(m, _)| t_first_in_sentence(self.t, m)) {
            return Some(k);
        }
        orgs()
            .map(|&(_, k)| k)
            .fold(None, |best: Option<usize>, k| match best {
                Some(b) if self.entities[b].mentions.len() >= self.entities[k].mentions.len() => Some(b),
                _ => Some(k),
            })
    }

    /// An organisation, for "the company said" and "it said": typed so, or (English) a name typed as a person on
    /// no evidence — no gender, no known first name, no title, never named by its last word alone ("Cisco
    /// Talos", "TransLink"), which is how news names companies and agencies.
    fn org_like(&self, k: usize) -> bool {
        if let Some(Some((org, _))) = self.org_cache.borrow().get(k) {
            return *org;
        }
        self.org_facts(k).0
    }

    /// [`Self::org_like`] and [`Self::usual_org_name_uncached`] of entity `k`, computed once.
    fn org_facts(&self, k: usize) -> OrgFacts {
        if let Some(Some(hit)) = self.org_cache.borrow().get(k) {
            return hit.clone();
        }
        let org = self.org_like_uncached(k);
        let usual = if org { self.usual_org_name_uncached(k) } else { None };
        if let Some(slot) = self.org_cache.borrow_mut().get_mut(k) {
            *slot = Some((org, usual.clone()));
        }
        (org, usual)
    }

    fn org_like_uncached(&self, k: usize) -> bool {
        let Some(e) = self.entities.get(k) else { return false };
        match e.kind {
            EntityType::Organization => true,
            EntityType::Person if self.lang == Lang::En => {
                let words: Vec<&str> = e.name.split(' ').collect();
                let last = words.last().copied().unwrap_or("");
                let first_name = crate::entities::lexicon::first_name_gender(words[0]).is_ok();
                let by_surname = words.len() >= 2 && e.aliases.iter().any(|a| a == last);
                let titled = e.descriptions.iter().any(|d| d.split(' ').any(|w| self.role_word(&w.to_lowercase())));
                self.gender_of(k).is_none() && !first_name && !by_surname && !titled
            }
            _ => false,
        }
    }

    /// The organisation "the railway" or "the security firm" means at byte `at`: one named before whose name holds
    /// the noun ("Canadian Pacific Railway"), else the one the passage is about ([`Self::last_org_before`]).
    fn org_by_noun(&self, noun: &str, at: usize) -> Option<usize> {
        let hi = self.mentions.partition_point(|(m, _)| m.start < at);
        let named = self.mentions[..hi]
            .iter()
            .rev()
            .take(80)
            .take_while(|(m, _)| at.saturating_sub(m.end) <= 4000)
            .find(|&&(m, k)| self.org_like(k) && !self.is_quoted(m) && self.entities[k].name.split(' ').skip(1).any(|w| w.eq_ignore_ascii_case(noun)));
        named.map(|&(_, k)| k).or_else(|| self.last_org_before(at))
    }

    /// Who issued the document an English subject names without its issuer ("the report said", "the white
    /// paper said"): the issuer given where a document was last introduced with one ("a report by the railway
    /// company", "a statement from Acme Corp").
    fn doc_issuer_before(&self, at: usize) -> Option<usize> {
        let t = self.t;
        let hi = t.before(at);
        let lo = t.at_or_after(at.saturating_sub(3000));
        for i in (lo..hi).rev() {
            if !EN_DOC_NOUNS.contains(t.low(i)) || t.is_cap_at(i) || !matches!(t.low(i + 1), "by" | "from") {
                continue;
            }
            let mut j = i + 2;
            if matches!(t.low(j), "the" | "a" | "an") {
                j += 1;
            }
            // a name right there
            let at_j = t.span(j).start;
            let lo_m = self.mentions.partition_point(|(m, _)| m.start < at_j);
            if let Some(&(_, k)) = self.mentions[lo_m..].iter().take_while(|(m, _)| m.start == at_j).next() {
                return Some(k);
            }
            // "by the railway company": an organisation noun within three words
            if let Some(h) = (j..(j + 3).min(t.len())).take_while(|&h| t.is_word(h) && !t.is_cap_at(h)).find(|&h| EN_ORG_NOUNS.contains(t.low(h))) {
                return self.org_by_noun(t.low(h), t.span(h).start);
            }
        }
        None
    }

    fn is_person(&self, k: usize) -> bool {
        self.entities.get(k).is_some_and(|e| e.kind == EntityType::Person)
    }

    fn index_roles(&mut self) {
        let t = self.t;
        let mut roles = Vec::new();
        for &(m, k) in &self.mentions {
            if !self.is_person(k) {
                continue;
            }
            // Inside a loose mention: "Surrey Mayor Doug McCallum"
            for w in m.slice(t.doc.text).split(' ') {
                let w = w.to_lowercase();
                if self.role_word(&w) {
                    roles.push((w, k, m.start));
                }
            }
            // After: "X, la porte-parole de …", "X, director of …" (a short parenthesis may come first: "X (2), …")
            let mut after = t.at_or_after(m.end);
            if t.is_char(after, b'(') {
                if let Some(close) = (after + 1..(after + 6).min(t.len())).find(|&j| t.is_char(j, b')')) {
                    after = close + 1;
                }
            }
            if t.is_char(after, b',') {
                if let Some(h) = self.head_of(after + 1, 6) {
                    roles.push((h, k, m.start));
                }
                // every noun of a French apposition ("professeure de nutrition et gastro-entérologue")
                if self.lang == Lang::Fr {
                    let mut j = after + 1;
                    let mut words = Vec::new();
                    while j < t.len() && j - after < 8 && (t.is_word(j) || t.is_apostrophe(j)) && !matches!(t.low(j), "qui" | "que" | "qu" | "dont") {
                        let w = t.low(j);
                        if w.chars().count() > 3 && !t.is_cap_at(j) && !PREPS.contains(w) && !FR_DETS.contains(w) {
                            words.push(w.to_string());
                        }
                        j += 1;
                    }
                    if words.iter().any(|w| self.role_word(w)) {
                        roles.extend(words.into_iter().map(|w| (w, k, m.start)));
                    }
                }
            }
            // Before: "le procureur général américain Jeff Sessions", "Surrey Mayor Doug McCallum"
            let first = t.at_or_after(m.start);
            // "la porte-parole de M. Sessions": a name governed by a preposition is not the one described
            let governed = first >= 1 && (PREPS.contains(t.low(first - 1)) || (first >= 2 && matches!(t.low(first - 1), "la" | "le" | "les" | "the") && PREPS.contains(t.low(first - 2))) || (first >= 2 && t.is_apostrophe(first - 1) && PREPS.contains(t.low(first - 2))));
            let mut j = if governed { 0 } else { first };
            let mut words = Vec::new();
            while j > 0 && first - j < 6 && t.sentence(j - 1) == t.sentence(first) {
                let w = t.low(j - 1);
                if t.is_word(j - 1) || t.is_apostrophe(j - 1) {
                    words.push(w.to_string());
                    j -= 1;
                } else {
                    break;
                }
            }
            for w in words {
                if self.role_word(&w) {
                    roles.push((w, k, m.start));
                }
            }
        }
        for (k, e) in self.entities.iter().enumerate() {
            for d in &e.descriptions {
                for w in d.split(|c: char| !c.is_alphanumeric() && c != '-') {
                    let w = w.to_lowercase();
                    if self.role_word(&w) {
                        roles.push((w, k, e.mentions.first().map_or(0, |m| m.start)));
                    }
                }
            }
        }
        let mut by_head: HashMap<String, Vec<(usize, usize)>> = HashMap::new();
        for (h, k, p) in roles {
            by_head.entry(h).or_default().push((p, k));
        }
        for v in by_head.values_mut() {
            crate::text::sort_by_u64(v, |&(p, k)| crate::text::pair_key(p, k));
        }
        self.roles_by_head = by_head;
    }

    fn role_word(&self, w: &str) -> bool {
        let ours = match self.lang {
            Lang::Fr => ROLES_FR.contains(w),
            Lang::En => ROLES_EN.contains(w),
        };
        // the entity module's title list too ("attorney", "sénateur")
        ours || (!w.contains(' ') && crate::entities::role_head(w).is_some())
    }

    /// The head word of the noun phrase at token `from` (French: first noun after the determiner; English: last
    /// word before a preposition).
    fn head_of(&self, from: usize, max: usize) -> Option<String> {
        let t = self.t;
        let dets = if self.lang == Lang::Fr { FR_DETS } else { EN_DETS };
        let mut k = from;
        while dets.contains(t.low(k)) || t.is_apostrophe(k) {
            k += 1;
        }
        let start = k;
        let mut words = Vec::new();
        while k < t.len() && k - start < max && t.is_word(k) && !PREPS.contains(t.low(k)) {
            words.push(t.low(k).to_string());
            k += 1;
        }
        let h = match self.lang {
            Lang::Fr => words.first().cloned(),
            // English heads are final: "justice officials" are officials, not a justice
            Lang::En => words.last().filter(|w| w.ends_with('s') || self.role_word(w)).cloned().or_else(|| words.iter().rev().find(|w| self.role_word(w)).cloned()).or_else(|| words.last().cloned()),
        }?;
        if h.chars().next().is_some_and(char::is_alphabetic) {
            Some(h)
        } else {
            None
        }
    }

    /// The capitalised run (with name particles) around `m`, within `within`.
    fn cap_run(&self, m: Span, within: Span) -> Span {
        let t = self.t;
        let lo = t.at_or_after(within.start);
        let hi = t.before(within.end);
        let mut a = t.at_or_after(m.start);
        let mut b = t.before(m.end).max(a + 1);
        while a > lo + 1 && NAME_PARTICLES.contains(t.low(a - 1)) && t.is_cap_at(a - 2) {
            a -= 2;
        }
        while b < hi && (t.is_cap_at(b) || (NAME_PARTICLES.contains(t.low(b)) && b + 1 < hi && t.is_cap_at(b + 1))) {
            b += 1;
        }
        Span::new(t.span(a).start, t.span(b - 1).end)
    }

    fn gender_of(&self, k: usize) -> Option<Gender> {
        let e = self.entities.get(k)?;
        // "Al Basha", "El Khoury": a particle is no first name to guess a gender from
        let particle_first = e.name.split(' ').next().is_some_and(|w| matches!(w, "Al" | "El" | "Abu" | "Bin" | "Ben" | "Van" | "Von" | "De" | "Da" | "Di" | "Le" | "La"));
        if particle_first && e.name.split(' ').count() == 2 && self.lang == Lang::En {
            return None;
        }
        if e.gender.is_some() {
            return e.gender;
        }
        if let Some(g) = self.learnt.borrow().get(k).copied().flatten() {
            return Some(g);
        }
        self.honorific_gender.get(k).copied().flatten()
    }

    /// The gender an honorific gives each entity (M., Mr → male; Mme, Mrs, Ms, Mlle → female), computed once: the
    /// resolver asks for genders many times per entity.
    fn honorific_genders(entities: &[Entity], text: &str) -> Vec<Option<Gender>> {
        entities
            .iter()
            .map(|e| {
                e.mentions.iter().find_map(|m| {
                    let s = m.slice(text);
                    if s.starts_with("M. ") || s.starts_with("Mr") && !s.starts_with("Mrs") {
                        Some(Gender::Male)
                    } else if s.starts_with("Mme") || s.starts_with("Mrs") || s.starts_with("Ms") || s.starts_with("Mlle") {
                        Some(Gender::Female)
                    } else {
                        None
                    }
                })
            })
            .collect()
    }

    fn speaker_of_entity(&self, k: usize, mention: Span) -> Speaker {
        // "IRCC" said: the organisation the article named in full ("Immigration, Refugees and Citizenship Canada")
        let named = if self.lang == Lang::En { self.expand_acronym(k).unwrap_or(k) } else { k };
        let e = &self.entities[named];
        let name = match self.lang {
            Lang::En => self.acronym_in_full(&e.name).unwrap_or_else(|| self.clean_name(&self.with_inner_apostrophe(e))),
            Lang::Fr => self.clean_name(&e.name),
        };
        let name = if self.lang == Lang::En { self.org_facts(named).1.unwrap_or(name) } else { name };
        let e = &self.entities[k];
        Speaker { entity: Some(k), name: Some(name), mention: Some(mention), person: e.kind == EntityType::Person, gender: self.gender_of(k) }
    }

    /// The name an organisation goes by when its fullest name is a longer one used once ("Facebook" said, seven
    /// times, and "an app called Facebook Research" once): the merged longer name is most likely something else
    /// the organisation owns.
    fn usual_org_name_uncached(&self, k: usize) -> Option<String> {
        let e = self.entities.get(k)?;
        let text = self.t.doc.text;
        let count = |form: &str| e.mentions.iter().filter(|m| m.slice(text) == form).count();
        if count(&e.name) > 1 {
            return None;
        }
        e.aliases.iter().filter(|a| e.name.strip_prefix(a.as_str()).is_some_and(|r| r.starts_with(' '))).map(|a| (count(a), a)).filter(|&(n, _)| n >= 3).max_by_key(|&(n, _)| n).map(|(_, a)| a.clone())
    }

    /// The name of `e`, completed when its mentions stop at an inner apostrophe the entity list cut at
    /// ("Na" for "Na'moks"; not a possessive "’s" nor a contraction).
    fn with_inner_apostrophe(&self, e: &Entity) -> String {
        let t = self.t;
        let Some(m) = e.mentions.first() else { return e.name.clone() };
        if !m.slice(t.doc.text).ends_with(e.name.rsplit(' ').next().unwrap_or("")) {
            return e.name.clone();
        }
        let a = t.at_or_after(m.end);
        let glued = t.is_apostrophe(a) && t.span(a).start == m.end && t.is_word(a + 1) && t.adjacent(a, a + 1);
        if glued && !matches!(t.low(a + 1), "s" | "t" | "ll" | "re" | "ve" | "d" | "m") && t.text_of(a + 1).chars().next().is_some_and(char::is_lowercase) {
            return format!("{}{}{}", e.name, t.text_of(a), t.text_of(a + 1));
        }
        e.name.clone()
    }

    /// The entity whose name's initials spell the acronym that entity `k` is named by ("EDC" → "Export
    /// Development Canada"; "and", "of", "the" are skipped, as acronyms do).
    fn expand_acronym(&self, k: usize) -> Option<usize> {
        let name = self.entities.get(k)?.name.as_str();
        if !(2..=10).contains(&name.len()) || !name.chars().any(|c| c.is_ascii_uppercase()) {
            return None;
        }
        if let Some(hit) = self.expanded.borrow().get(k).copied().flatten() {
            return hit;
        }
        let hit = self.expand_acronym_uncached(k, name);
        if let Some(slot) = self.expanded.borrow_mut().get_mut(k) {
            *slot = Some(hit);
        }
        hit
    }

    fn expand_acronym_uncached(&self, k: usize, name: &str) -> Option<usize> {
        let acronym = name.strip_prefix("the ").unwrap_or(name);
        if !(2..=6).contains(&acronym.len()) || !acronym.chars().all(|c| c.is_ascii_uppercase()) {
            return None;
        }
        let initials = |n: &str| -> String {
            n.split(|c: char| c.is_whitespace() || c == ',' || c == '-')
                .filter(|w| !w.is_empty() && !matches!(*w, "and" | "of" | "the" | "for" | "&"))
                .filter_map(|w| w.chars().next())
                .filter(|c| c.is_uppercase())
                .collect()
        };
        self.entities
            .iter()
            .enumerate()
            .filter(|(j, e)| *j != k && e.name.split(' ').count() >= 2)
            .find(|(_, e)| initials(&e.name) == acronym)
            .map(|(j, _)| j)
    }

    /// The full name an article gives an acronym in parentheses: "Immigration, Refugees and Citizenship Canada
    /// (IRCC)" for "IRCC".
    fn acronym_in_full(&self, acronym: &str) -> Option<String> {
        if !(2..=6).contains(&acronym.len()) || !acronym.chars().all(|c| c.is_ascii_uppercase()) {
            return None;
        }
        // searched once per acronym: the text scan is linear
        if let Some(hit) = self.acronyms.borrow().get(acronym) {
            return hit.clone();
        }
        let hit = self.acronym_in_full_uncached(acronym);
        self.acronyms.borrow_mut().insert(acronym.to_string(), hit.clone());
        hit
    }

    fn acronym_in_full_uncached(&self, acronym: &str) -> Option<String> {
        let t = self.t;
        let text = t.doc.text;
        let Some(at) = text.find(&format!("({acronym})")) else { return self.acronym_spelled_out(acronym) };
        let open = t.at_or_after(at);
        let letters: Vec<char> = acronym.chars().collect();
        // walk back over capitalised words (and the small words acronyms skip), matching initials from the end
        let mut need = letters.len();
        let mut j = open;
        while j > 0 && need > 0 && open - j < 16 {
            let w = t.text_of(j - 1);
            if t.is_cap_at(j - 1) {
                if !w.starts_with(letters[need - 1]) {
                    return None;
                }
                need -= 1;
            } else if !(matches!(t.low(j - 1), "and" | "of" | "the" | "for" | "&" | ",")) {
                return None;
            }
            j -= 1;
        }
        (need == 0).then(|| Span::new(t.span(j).start, t.span(open - 1).end).slice(text).to_string())
    }

    /// The first run of capitalised words in the text whose initials spell `acronym`, with the small words
    /// acronyms skip ("Immigration, Refugees and Citizenship Canada" for "IRCC" when no parentheses tie them).
    fn acronym_spelled_out(&self, acronym: &str) -> Option<String> {
        let t = self.t;
        let letters: Vec<char> = acronym.chars().collect();
        // each look-up scans the text: a few distinct acronyms per article, not one per word of a hostile text
        if letters.len() < 3 || self.acronyms.borrow().len() > 16 {
            return None;
        }
        // The acronym's letters are ASCII capitals (`acronym_in_full`): its first is compared as a byte first, a
        // test that rules out nearly every token of the scan without slicing it.
        let first = letters[0] as u8;
        for i in 0..t.len() {
            if t.doc.text.as_bytes().get(t.span(i).start) != Some(&first) {
                continue;
            }
            if !t.is_cap_at(i) || !t.text_of(i).starts_with(letters[0]) || t.text_of(i).len() < 2 || t.text_of(i) == acronym {
                continue;
            }
            let (mut need, mut j, mut end) = (1, i + 1, i);
            while need < letters.len() && j < t.len() && j - i < 3 * letters.len() && t.sentence(j) == t.sentence(i) {
                if t.is_cap_at(j) && t.is_word(j) {
                    if !t.text_of(j).starts_with(letters[need]) || t.text_of(j).chars().all(|c| c.is_uppercase()) {
                        break;
                    }
                    need += 1;
                    end = j;
                } else if !matches!(t.low(j), "and" | "of" | "the" | "for" | "&" | ",") {
                    break;
                }
                j += 1;
            }
            if need == letters.len() {
                return Some(Span::new(t.span(i).start, t.span(end).end).slice(t.doc.text).to_string());
            }
        }
        None
    }

    /// A name without the words a loose entity extractor may glue to its front: prepositions and titles
    /// ("Selon Paul Collier", "Surrey Mayor Doug McCallum" → "Paul Collier", "Doug McCallum").
    pub fn clean_name(&self, name: &str) -> String {
        let words: Vec<&str> = name.split(' ').filter(|w| !w.is_empty()).collect();
        let mut a = 0;
        // after the last title word, if a name follows it
        if let Some(r) = words.iter().rposition(|w| self.role_word(&w.to_lowercase()) || matches!(*w, "MP" | "MPP" | "MLA" | "CEO")) {
            if r + 1 < words.len() && words[r + 1].chars().next().is_some_and(char::is_uppercase) {
                a = r + 1;
            }
        }
        while a + 1 < words.len() && NOT_NAME_START.contains(words[a].trim_end_matches('.').to_lowercase().as_str()) {
            a += 1;
        }
        // "Al-Qaeda-linked al-Shabaab", "San Francisco-based I-DEV": a compound adjective describes the name after it
        if let Some(r) = words[a..].iter().rposition(|w| ["-based", "-linked", "-backed", "-led", "-owned", "-run", "-born"].iter().any(|s| w.to_lowercase().ends_with(s))) {
            if a + r + 1 < words.len() {
                a += r + 1;
            }
        }
        words[a..].join(" ")
    }

    /// [`Self::resolve`] for a cue reporting the words `reported`, whose names a pronoun subject does not refer to.
    pub fn resolve_reporting(&self, np: Span, at: usize, last: Option<&Speaker>, reported: Option<Span>) -> Resolved {
        self.reported.set(reported);
        let r = self.resolve(np, at, last);
        self.reported.set(None);
        r
    }

    /// Resolve the subject `np` of a cue at byte `at`; `last` is the previous quote's speaker, if recent.
    pub fn resolve(&self, np: Span, at: usize, last: Option<&Speaker>) -> Resolved {
        let t = self.t;
        let text = t.doc.text;
        let mut np = np;
        let mut toks = t.doc.tokens_in(np);
        // "a document titled White Paper: …": the words after "titled" name the document, not its issuer
        if self.lang == Lang::En {
            if let Some(d) = toks.clone().take(4).find(|&i| EN_DOC_NOUNS.contains(t.low(i)) && matches!(t.low(i + 1), "titled" | "entitled" | "called" | "named") && i + 1 < toks.end) {
                np = Span::new(np.start, t.span(d + 1).end);
                toks = t.doc.tokens_in(np);
            }
        }
        let single = np.slice(text).to_lowercase();
        // Pronouns (also the "il" of an inverted "a-t-il", which is part of a token).
        if toks.len() <= 1 {
            let w = single.as_str();
            let gender = match w {
                "il" | "lui" | "he" | "him" => Some(Some(Gender::Male)),
                "elle" | "she" | "her" => Some(Some(Gender::Female)),
                "ils" | "elles" | "eux" | "they" | "them" => Some(None),
                _ => None,
            };
            // English "it said": an organisation speaking, the one named last
            if w == "it" && self.lang == Lang::En {
                return Resolved::Speaker(match self.last_org_before(np.start) {
                    Some(k) => self.speaker_of_entity(k, np),
                    None => Speaker { mention: Some(np), ..Speaker::default() },
                });
            }
            if matches!(w, "je" | "j" | "nous" | "i" | "we" | "on" | "moi" | "tu" | "it" | "ce" | "cela" | "this" | "that") {
                return Resolved::NotReported;
            }
            if let Some(g) = gender {
                let mut sp = self.antecedent(g, np, at, last);
                // the pronoun tells the person's gender: remember it for the pronouns to come
                if let (Some(g), Some(k)) = (g, sp.entity) {
                    if self.lang == Lang::Fr && self.gender_of(k).is_none() {
                        if let Some(slot) = self.learnt.borrow_mut().get_mut(k) {
                            *slot = Some(g);
                        }
                    }
                    sp.gender = sp.gender.or(Some(g));
                }
                return Resolved::Speaker(sp);
            }
            // "vous expliquez que", "ainsi que vous l'avez expliqué": in an interview's question (a paragraph ending
            // with "?"), the interviewee — the first person the text names, in its title or standfirst
            if w == "vous" && self.lang == Lang::Fr {
                let question = t.doc.paragraph_at(np.start).and_then(|p| t.doc.paragraphs.get(p)).is_some_and(|p| p.span.slice(text).trim_end().ends_with('?'));
                return match self.first_person {
                    Some((m, k)) if question && t.doc.paragraph_at(m.start).unwrap_or(usize::MAX) <= 1 => Resolved::Speaker(self.speaker_of_entity(k, np)),
                    _ => Resolved::NotReported,
                };
            }
        }
        if toks.is_empty() {
            return Resolved::Speaker(Speaker::default());
        }
        // An entity mention heading the phrase: a person not governed by a preposition ("le ministre … Dominique
        // de Villepin", not "la porte-parole de M. Sessions"), else any entity with no preposition before it and
        // not an English possessive ("Cisco System's Talos unit").
        let mut persons: Vec<usize> = Vec::new();
        let mut others: Vec<usize> = Vec::new();
        let lo = self.mentions.partition_point(|(m, _)| m.end <= np.start);
        for &(m, k) in self.mentions[lo..].iter().take_while(|(m, _)| m.start < np.end) {
            if !m.overlaps(np) {
                continue;
            }
            let before = t.before(m.start.max(np.start));
            let after_m = t.at_or_after(m.end);
            let possessive = t.is_apostrophe(after_m) && t.low(after_m + 1) == "s" && t.span(after_m + 1).end <= np.end;
            if possessive {
                continue;
            }
            let governed = before > toks.start && (PREPS.contains(t.low(before - 1)) || t.is_apostrophe(before - 1) && before >= 2 && PREPS.contains(t.low(before - 2)));
            // English heads are final: "City financial records" is about records, not the city.
            let head_final_ok = self.lang == Lang::Fr || m.end >= t.span(toks.end - 1).end || t.is_cap_at(toks.end - 1);
            if !head_final_ok {
                continue;
            }
            if self.is_person(k) && !governed {
                persons.push(k);
            } else if !(toks.start..before).any(|i| PREPS.contains(t.low(i))) {
                others.push(k);
            }
        }
        let pick = match self.lang {
            Lang::Fr => persons.first().or(others.first()),
            Lang::En => persons.last().or(others.last()),
        };
        if let Some(&k) = pick {
            let mut sp = self.speaker_of_entity(k, np);
            if let Some(run) = self.entities[k].mentions.iter().find(|m| m.overlaps(np)).map(|m| self.cap_run(*m, np)) {
                let run_text = run.slice(text);
                if sp.name.as_ref().is_some_and(|n| run_text.len() > n.len() && run_text.contains(n.as_str())) {
                    sp.name = Some(self.clean_name(run_text));
                }
            }
            return Resolved::Speaker(sp);
        }
        // A person named in apposition right after the phrase ("la secrétaire à l'Intérieur (Environnement), Gale Norton").
        if let Some(k) = self.apposed_person_after(np) {
            return Resolved::Speaker(self.speaker_of_entity(k, np));
        }
        if self.lang == Lang::En {
            if let Some(sp) = self.english_description(np, toks.clone()) {
                return Resolved::Speaker(sp);
            }
        }
        // A role noun: the person described so.
        // a plural role noun ("justice officials") describes several people, not the one person named so
        let plural_role = |h: &str| h.ends_with('s') && !h.ends_with("ss") && (self.role_word(h) || self.role_word(&h[..h.len() - 1]));
        if let Some(h) = self.head_of(toks.start, toks.len().min(6)).filter(|h| self.lang != Lang::En || !plural_role(h)) {
            let known = self.roles_by_head.get(&h);
            if self.role_word(&h) || known.is_some() {
                // the person so described last before the cue, else the first one
                let hit = known.and_then(|v| {
                    let i = v.partition_point(|&(p, _)| p < at);
                    if i > 0 { v.get(i - 1) } else { v.first() }
                });
                // "la Première ministre" is not the man described as "ministre" before
                let article_gender = match (self.lang, t.low(toks.start)) {
                    (Lang::Fr, "la") => Some(Gender::Female),
                    (Lang::Fr, "le") => Some(Gender::Male),
                    _ => None,
                };
                let fits = |k: usize| article_gender.is_none() || self.gender_of(k).is_none() || self.gender_of(k) == article_gender;
                if let Some(&(_, k)) = hit.filter(|&&(_, k)| fits(k)) {
                    return Resolved::Speaker(self.speaker_of_entity(k, np));
                }
                let described = *self.described.borrow_mut().entry(h.clone()).or_insert_with(|| crate::entities::person_described_as(self.entities, np.slice(text), usize::MAX));
                if let Some(k) = described.filter(|&k| fits(k)) {
                    return Resolved::Speaker(self.speaker_of_entity(k, np));
                }
            }
        }
        // A singular definite description ("la professionnelle", "the spokeswoman") of the person who spoke last.
        if let Some(l) = last.filter(|l| l.person && l.name.is_some()) {
            let det = t.low(toks.start);
            let head = t.low(toks.start + 1 + usize::from(t.is_apostrophe(toks.start + 1)));
            let gender = match det {
                "la" => Some(Gender::Female),
                "le" => Some(Gender::Male),
                "l" | "the" => None,
                _ => Some(Gender::Male), // not a definite article: no match below
            };
            let definite = matches!(det, "la" | "le" | "l" | "the");
            let singular = !head.ends_with('s') && !head.ends_with('x');
            let common = toks.len() <= 3 && !t.is_cap_at(toks.end - 1) && head.chars().next().is_some_and(char::is_lowercase);
            let personal = self.role_word(head)
                || (self.lang == Lang::Fr && ["logue", "iste", "ienne", "ien", "eur", "euse", "rice", "ionnelle", "ionnel"].iter().any(|suf| head.ends_with(suf)));
            if definite && singular && common && personal && (gender.is_none() || l.gender.is_none() || l.gender == gender) {
                return Resolved::Speaker(Speaker { mention: Some(np), ..l.clone() });
            }
        }
        // "la professionnelle rappelle que": a singular definite description of a person, who need not have spoken
        // last: the nearest person mentioned before whose gender fits the article.
        if self.lang == Lang::Fr && toks.len() <= 3 && matches!(t.low(toks.start), "la" | "le") {
            let head = t.low(toks.start + 1);
            let personal = self.role_word(head) || ["logue", "iste", "ienne", "ien", "eur", "euse", "rice", "ionnelle", "ionnel", "pathe"].iter().any(|suf| head.ends_with(suf));
            if personal && !t.is_cap_at(toks.end - 1) {
                let gender = if t.low(toks.start) == "la" { Gender::Female } else { Gender::Male };
                let sp = self.antecedent(Some(gender), np, at, None);
                if sp.entity.is_some_and(|k| self.gender_of(k) == Some(gender)) {
                    return Resolved::Speaker(sp);
                }
            }
        }
        // "La guérilla marxiste des FARC": a group named by its acronym after "de" is the organisation speaking
        if let Some(acr) = self.acronym_after_de(toks.clone()) {
            let name = acr.slice(text).to_string();
            let entity = self.mentions.iter().find(|(m, _)| *m == acr).map(|&(_, k)| k);
            return Resolved::Speaker(Speaker { entity, name: Some(name), mention: Some(np), person: false, gender: None });
        }
        // A capitalised name the entity list missed: its words are the name (honorifics and particles kept
        // inside: "M. de Villepin", "Dominique de Villepin").
        let is_det = |i: usize| FR_DETS.contains(t.low(i)) || EN_DETS.contains(t.low(i));
        let prep_at = |j: usize| PREPS.contains(t.low(j)) || (matches!(t.low(j), "la" | "le" | "les" | "l" | "the") && j > toks.start && PREPS.contains(t.low(j - 1)));
        let governed = |i: usize| i > toks.start && (prep_at(i - 1) || t.is_apostrophe(i - 1) && i >= 2 && prep_at(i - 2));
        let name_start = toks.clone().find(|&i| t.is_cap_at(i) && !is_det(i) && !NOT_NAME_START.contains(t.low(i)) && !governed(i) && (i == toks.start || !t.is_cap_at(i - 1) || NOT_NAME_START.contains(t.low(i - 1))));
        // A lone capital opening the sentence, then one or two lower-case words ending in a plural noun: a common
        // word capitalised by its position ("Shipping companies", "Local farmers", "Plusieurs habitants"), kept
        // whole as a source noun phrase. A longer phrase is more likely a name followed by other words.
        let position_capital = |c0: usize| {
            let rest = c0 + 1..toks.end;
            let last = toks.end - 1;
            c0 == toks.start
                && t.at_sentence_start(c0)
                && (1..=2).contains(&rest.len())
                && rest.clone().all(|i| {
                    t.is_word(i)
                        && !t.adjacent(i - 1, i)
                        && t.text_of(i).chars().next().is_some_and(char::is_lowercase)
                        && t.low(i).chars().count() >= 3
                        && !crate::entities::lexicon::is_function_word(t.low(i))
                        && !NAME_PARTICLES.contains(t.low(i))
                })
                && (t.low(last).ends_with('s') || t.low(last).ends_with('x'))
        };
        if let Some(c0) = name_start.filter(|&c0| !position_capital(c0)) {
            let mut end = c0;
            while end + 1 < toks.end {
                let n = end + 1;
                if t.is_cap_at(n) {
                    end = n;
                } else if t.is_apostrophe(n) && t.adjacent(end, n) && t.is_word(n + 1) && t.adjacent(n, n + 1) && n + 1 < toks.end && t.low(n + 1) != "s" {
                    end = n + 1; // "Na'moks", "O'Brien"
                } else if NAME_PARTICLES.contains(t.low(n)) && t.is_cap_at(n + 1) && n + 1 < toks.end {
                    end = n + 1;
                } else {
                    break;
                }
            }
            let span = Span::new(t.span(c0).start, t.span(end).end);
            let name = self.clean_name(span.slice(text));
            // one capitalised word may be anything ("Effrayées"); two or more look like a person's name
            let person = end > c0;
            return Resolved::Speaker(Speaker { entity: None, name: Some(name), mention: Some(np), person, gender: None });
        }
        // "Les deux écuries britanniques estiment": the same noun named its bearers before ("Les écuries de F1
        // Williams et McLaren")
        if self.lang == Lang::Fr {
            if let Some(run) = self.named_by_head_before(toks.clone(), at) {
                return Resolved::Speaker(Speaker { entity: None, name: Some(run.slice(text).to_string()), mention: Some(np), person: false, gender: None });
            }
        }
        // "les attendus de la liste proposée par la section 37": a document speaks for its author
        if self.lang == Lang::Fr {
            if let Some(p) = toks.clone().find(|&i| t.low(i) == "par" && i > toks.start && AUTHORED.contains(t.low(i - 1))).filter(|&p| p + 1 < toks.end) {
                let agent = Span::new(t.span(p + 1).start, np.end);
                return Resolved::Speaker(Speaker { entity: None, name: Some(agent.slice(text).to_string()), mention: Some(np), person: false, gender: None });
            }
        }
        // A source noun phrase ("les médias américains", "a spokesperson").
        let name = np.slice(text).trim().to_string();
        Resolved::Speaker(Speaker { entity: None, name: Some(name), mention: Some(np), person: false, gender: None })
    }

    /// English descriptions that are their own speaker or point at an organisation: "the company" / "the
    /// agency" (the organisation named last), "a Tesla spokesperson" (an unnamed person), "Surrey staff", "the
    /// Nova Scotia judge", "McCallum's staff" (a noun phrase whose head is a common noun, kept whole).
    fn english_description(&self, np: Span, toks: std::ops::Range<usize>) -> Option<Speaker> {
        let t = self.t;
        let text = t.doc.text;
        // the phrase up to its first preposition: English heads come last
        let end = toks.clone().skip(1).find(|&i| PREPS.contains(t.low(i)) || t.is_char(i, b',')).unwrap_or(toks.end);
        if end <= toks.start {
            return None;
        }
        let last = end - 1;
        let head = t.low(last);
        let det = t.low(toks.start);
        let keep = |sp: Span| Speaker { entity: None, name: Some(sp.slice(text).trim().to_string()), mention: Some(np), person: false, gender: None };
        // "the company", "the security firm", "the Calgary-based railway": modifiers in lower case or "X-based"
        let modifier = |i: usize| t.is_word(i) && (!t.is_cap_at(i) || t.low(i).ends_with("-based"));
        if matches!(det, "the" | "this") && (2..=4).contains(&(end - toks.start)) && EN_ORG_NOUNS.contains(head) && (toks.start + 1..last).all(modifier) {
            return self.org_by_noun(head, np.start).map(|k| self.speaker_of_entity(k, np));
        }
        // "The 26-year-old right wing said": an age describes the person the passage is about, named as the
        // subject of a sentence shortly before
        if det == "the" && (toks.start..end).any(|i| t.low(i).ends_with("year-old")) {
            let hi = self.mentions.partition_point(|(m, _)| m.start < np.start);
            let subject = self.mentions[..hi]
                .iter()
                .rev()
                .take(40)
                .take_while(|(m, _)| np.start.saturating_sub(m.end) <= 1500)
                .find(|&&(m, k)| self.is_person(k) && !self.is_quoted(m) && !self.in_parentheses(m) && self.subject_position(m));
            if let Some(&(_, k)) = subject {
                return Some(self.speaker_of_entity(k, np));
            }
        }
        // A document speaks for whoever issued it: "The RCMP statement said", "a release from UFCW Local 832 said",
        // "the white paper said" (the organisation the passage is about)
        if let Some(d) = toks.clone().take(4).find(|&i| EN_DOC_NOUNS.contains(t.low(i)) && !t.is_cap_at(i)) {
            let lo = self.mentions.partition_point(|(m, _)| m.end <= np.start);
            // the issuer: named before the document noun, or after "from"/"of" ("a release from UFCW Local 832")
            let issuer = |m: Span| {
                let f = t.at_or_after(m.start);
                f < d || (f >= 1 && matches!(t.low(f - 1), "from" | "of"))
            };
            let org = self.mentions[lo..]
                .iter()
                .take_while(|(m, _)| m.start < np.end)
                .find(|(m, k)| m.overlaps(np) && issuer(*m) && self.entities.get(*k).is_some_and(|e| e.kind == EntityType::Organization));
            if let Some(&(_, k)) = org {
                return Some(self.speaker_of_entity(k, np));
            }
            // "the report said": a definite document introduced before with its issuer
            let definite = matches!(det, "the" | "this") || t.low(d + 1) == "titled";
            if definite && !(toks.start..d).any(|i| t.is_cap_at(i) && i > toks.start) {
                if let Some(k) = self.doc_issuer_before(np.start) {
                    return Some(self.speaker_of_entity(k, np));
                }
            }
            let caps: Vec<usize> = (toks.start..d).filter(|&i| t.is_cap_at(i) && !(i == toks.start && EN_DETS.contains(t.low(i)))).collect();
            if let (Some(&a), Some(&b)) = (caps.first(), caps.last()) {
                if caps.len() == b - a + 1 {
                    return Some(keep(Span::new(t.span(a).start, t.span(b).end)));
                }
            }
        }
        if !t.is_word(last) || t.is_cap_at(last) || !head.chars().next().is_some_and(char::is_alphabetic) {
            return None;
        }
        // "Na'moks": a name with an inner apostrophe ends in lower case
        if last >= 2 && t.is_apostrophe(last - 1) && t.adjacent(last - 1, last) && t.adjacent(last - 2, last - 1) && t.is_cap_at(last - 2) {
            return None;
        }
        let has_cap = (toks.start..last).any(|i| t.is_cap_at(i) && !(i == toks.start && t.at_sentence_start(i) && EN_DETS.contains(t.low(i))));
        let indefinite = matches!(det, "a" | "an");
        let verb_like = matches!(head, "must" | "may" | "might" | "can" | "could" | "would" | "should" | "will" | "has" | "have" | "had" | "did" | "does" | "also" | "then" | "now");
        if (has_cap || (indefinite && self.role_word(head))) && !verb_like {
            let span = np;
            // a name may have been glued to a following common word by a loose noun phrase ("Smith also"): only
            // whole descriptions with a plausible head noun are kept
            if head.chars().count() >= 3 && !crate::entities::lexicon::is_function_word(head) && !head.ends_with("ly") {
                return Some(keep(span));
            }
        }
        None
    }

    /// The acronym closing a phrase after "de"/"des"/"du" ("la guérilla marxiste des FARC" → "FARC").
    fn acronym_after_de(&self, toks: std::ops::Range<usize>) -> Option<Span> {
        let t = self.t;
        if toks.len() < 3 || !FR_DETS.contains(t.low(toks.start)) || t.is_cap_at(toks.start + 1) {
            return None;
        }
        let last = toks.end - 1;
        let w = t.text_of(last);
        let acronym = w.chars().count() >= 2 && w.chars().all(|c| c.is_uppercase() || c == '-');
        (acronym && matches!(t.low(last - 1), "de" | "des" | "du" | "d") && (toks.start + 1..last - 1).all(|i| t.is_word(i) && !t.is_cap_at(i))).then(|| t.span(last))
    }

    /// For a determiner-led phrase of common nouns ("les deux écuries britanniques"), the names that followed the
    /// same head noun shortly before ("les écuries de F1 Williams et McLaren" → "Williams et McLaren").
    fn named_by_head_before(&self, toks: std::ops::Range<usize>, at: usize) -> Option<Span> {
        let t = self.t;
        let mut k = toks.start;
        if !FR_DETS.contains(t.low(k)) {
            return None;
        }
        while k < toks.end && (FR_DETS.contains(t.low(k)) || t.is_apostrophe(k) || matches!(t.low(k), "deux" | "trois" | "quatre")) {
            k += 1;
        }
        if k >= toks.end || t.is_cap_at(k) || !t.is_word(k) || (toks.start..toks.end).any(|i| t.is_cap_at(i) && i > toks.start) {
            return None;
        }
        let head = t.low(k);
        if head.chars().count() < 4 {
            return None;
        }
        let hi = t.before(at.min(t.span(toks.start).start));
        let lo = t.at_or_after(at.saturating_sub(2000));
        for i in (lo..hi).rev() {
            if t.low(i) != head {
                continue;
            }
            // the first name within four words, not governed by "de" ("de F1"), with a coordination of names
            let mut j = i + 1;
            while j < i + 5 && j < hi {
                if t.is_cap_at(j) && !matches!(t.low(j - 1), "de" | "du" | "des" | "d") && !t.is_apostrophe(j - 1) {
                    let mut e = j;
                    while e + 1 < hi && (t.is_cap_at(e + 1) || (t.low(e + 1) == "et" && t.is_cap_at(e + 2))) {
                        e += 1;
                    }
                    return Some(Span::new(t.span(j).start, t.span(e).end));
                }
                if !t.text_of(j).chars().next().is_some_and(char::is_alphanumeric) {
                    break;
                }
                j += 1;
            }
        }
        None
    }

    fn apposed_person_after(&self, np: Span) -> Option<usize> {
        let t = self.t;
        let start = t.at_or_after(np.end);
        let sent = t.sentence(start.saturating_sub(1));
        let mut k = start;
        while k < t.len() && k - start < 12 && t.sentence(k) == sent {
            if t.is_char(k, b',') {
                let at = t.span(k + 1).start;
                let lo = self.mentions.partition_point(|(m, _)| m.start < at);
                let hit = self.mentions[lo..].iter().take_while(|(m, _)| m.start == at).find(|(_, e)| self.is_person(*e));
                return hit.map(|&(_, e)| e);
            }
            if matches!(t.text_of(k), "." | ";" | ":" | "«" | "»" | "“" | "”" | "\"") {
                return None;
            }
            k += 1;
        }
        None
    }

    fn antecedent(&self, gender: Option<Gender>, np: Span, at: usize, last: Option<&Speaker>) -> Speaker {
        let fits = |g: Option<Gender>| gender.is_none() || g.is_none() || g == gender;
        // English news names a new speaker as a sentence's subject, then quotes them with "he said": a person
        // introduced so after the last speaker's words takes the pronoun.
        if self.lang == Lang::En && gender.is_some() {
            // after the sentence where the last speaker was named (its appositions name others: "X, director of Y, said")
            let since = last.and_then(|l| l.mention).map_or(0, |m| {
                let s = self.t.sentence(self.t.at_or_after(m.start));
                self.t.doc.sentences.get(s).map_or(m.end, |s| s.span.end.max(m.end))
            });
            let hi = self.mentions.partition_point(|(m, _)| m.start < at.min(np.start));
            let people_since = || {
                self.mentions[..hi]
                    .iter()
                    .rev()
                    .take(40)
                    .take_while(move |(m, _)| m.start >= since && at.saturating_sub(m.end) <= 2000)
                    .filter(|&&(m, k)| self.is_person(k) && !self.not_antecedent(m))
            };
            let newer = people_since().find(|&&(_, k)| fits(self.gender_of(k)));
            if let Some(&(m, k)) = newer {
                let same = last.is_some_and(|l| l.entity == Some(k));
                // a full name of unknown gender will do ("Niederreiter has four goals. … he said")
                let opens = t_first_in_sentence(self.t, m);
                let plausible = self.gender_of(k).is_some() || (self.entities[k].name.split(' ').count() >= 2 && opens);
                if !same && self.subject_position(m) && plausible {
                    return self.speaker_of_entity(k, np);
                }
            }
            // No one else named since the last speaker: the pronoun is theirs, whatever gender a first name
            // suggested ("Patrice Lindsay … said …. “…,” she said").
            if let Some(l) = last.filter(|l| l.person && l.name.is_some()) {
                // …unless someone of the pronoun's gender was named after them, even in their own sentence
                let mut from = l.mention.map_or(0, |m| m.end);
                // (past the apposition after the speaker's name: "Patrice Lindsay, director of the Heart Fund, said")
                let t = self.t;
                let after = t.at_or_after(from);
                if t.is_char(after, b',') {
                    if let Some(close) = (after + 1..(after + 25).min(t.len())).take_while(|&j| t.sentence(j) == t.sentence(after)).find(|&j| t.is_char(j, b',')) {
                        from = t.span(close).end;
                    }
                }
                let lo = self.mentions[..hi].partition_point(|(m, _)| m.start < from);
                let other_fits = self.mentions[lo.min(hi)..hi].iter().rev().take(200).any(|&(m, k)| self.is_person(k) && l.entity != Some(k) && !self.not_antecedent(m) && self.gender_of(k) == gender);
                if !other_fits && people_since().all(|&(_, k)| l.entity == Some(k)) {
                    return Speaker { mention: Some(np), ..l.clone() };
                }
            }
        }
        if let Some(l) = last {
            if (l.person || gender.is_none()) && fits(l.gender) && l.name.is_some() {
                return Speaker { mention: Some(np), ..l.clone() };
            }
        }
        if gender.is_some() {
            // The nearest person mentioned before, within a few paragraphs: first one whose gender is known to
            // fit, else one of unknown gender that looks like a full name.
            let hi = self.mentions.partition_point(|(m, _)| m.start < at.min(np.start));
            let window = || self.mentions[..hi].iter().rev().take(60).take_while(|(m, _)| at.saturating_sub(m.end) <= 3000).filter(|&&(m, _)| !self.not_antecedent(m));
            if let Some(&(_, k)) = window().find(|&&(_, k)| self.is_person(k) && self.gender_of(k).is_some() && fits(self.gender_of(k))) {
                return self.speaker_of_entity(k, np);
            }
            if let Some(&(_, k)) = window().find(|&&(_, k)| self.is_person(k) && self.entities[k].name.split(' ').count() >= 2 && (self.lang == Lang::Fr || fits(self.gender_of(k)))) {
                return self.speaker_of_entity(k, np);
            }
        }
        Speaker { entity: None, name: None, mention: Some(np), person: true, gender }
    }
}
