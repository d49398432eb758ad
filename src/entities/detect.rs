//! Mention candidates: capitalised runs, honorifics, titles, organisation and place cue words, lexicons.
//!
//! One left-to-right pass over the tokens (plus a bounded look-around per token), so the cost is linear in
//! the text. Nothing here decides which candidates corefer; that is `cluster.rs`.

use super::lexicon::{CuePos, LEX};
use super::{EntityType, Gender};

use std::sync::LazyLock;

use crate::text::{lowercase, Doc, KeyShapes, Span, TokenKind, Words};

/// A possible mention, before clustering.
#[derive(Clone, Debug)]
pub(crate) struct Cand {
    /// Bytes of the mention, honorific included ("M. Sessions").
    pub span: Span,
    /// Bytes of the name alone ("Sessions").
    pub name: Span,
    /// The type when the evidence tells it; `None` when only the context or clustering can.
    pub kind: Option<EntityType>,
    /// Gender from an honorific.
    pub gender: Option<Gender>,
    /// Opened by an honorific.
    pub honorific: bool,
    /// The candidate has no evidence but its capital (sentence-initial word): kept only if the same form
    /// is found elsewhere with evidence.
    pub weak: bool,
    /// Lies inside another candidate's span (nested name); kept only with evidence of its own.
    pub nested: bool,
    /// Title or apposition describing the person ("procureur général américain").
    pub descriptions: Vec<String>,
    /// Span of the candidate this one follows inside parentheses ("Heritage Foundation (Fondation du patrimoine)").
    pub paren_of: Option<Span>,
    /// Context votes for an unknown single word: (place preposition before, feminine or elided article before,
    /// speech verb around, masculine article or "sur"/"chez" before).
    pub votes: (i32, i32, i32, i32),
}

/// Longest capitalised run taken as one name, in words.
const MAX_RUN_WORDS: usize = 12;
/// Name particles that may join a first name to a surname ("Dominique de Villepin", "Ludwig van Beethoven").
static PARTICLES: Words = Words::new(&["bin", "ben", "da", "das", "de", "del", "della", "der", "di", "do", "dos", "du", "la", "le", "ter", "van", "von", "y"]);
/// Abbreviations that open a place name with their dot ("St. Louis", "Mt. Everest", "Ft. Worth", "Ste. Anne").
static PLACE_ABBREVIATIONS: Words = Words::new(&["Ft", "Mt", "St", "Ste"]);
/// Connectors inside organisation names after a head cue word.
static ORG_CONNECTORS: Words = Words::new(&["de", "du", "des", "d", "of", "for", "on", "à", "au", "aux"]);
/// Lower-case heads that take a name in apposition as part of the whole name ("école Maurice-Henry").
static APPOSED_HEADS: Words = Words::new(&["camping", "centre", "collège", "école", "éditions", "fort", "hôpital", "lycée", "musée", "théâtre", "stade", "université"]);
/// Prepositions after which an unknown name is a place.
static PLACE_PREPS: Words = Words::new(&["à", "au", "dans", "vers", "in", "at", "near", "outside"]);
/// Articles after which an unknown name is an organisation in French ("le Kremlin", "le Likoud").
static ORG_ARTICLES: Words = Words::new(&["le", "la", "l", "du", "the"]);
/// Words before an unknown name that make it an organisation.
static ORG_CONTEXT: Words = Words::new(&["le", "du", "sur", "chez"]);
/// Determiners that open an apposition ("la porte-parole de M. Sessions").
static DETERMINERS: Words = Words::new(&["le", "la", "l", "les", "un", "une", "son", "sa", "ses", "the", "a", "an", "his", "her", "its", "their"]);
/// Lower-case adjective endings (French and English) used to extend organisation names ("Parti national religieux").
const ADJ_SUFFIXES: &[&str] = &[
    "al", "ale", "ales", "aux", "el", "elle", "elles", "els", "ien", "ienne", "iennes", "iens", "éen", "éenne", "éennes", "éens", "ique", "iques",
    "aire", "aires", "if", "ive", "ives", "ifs", "ain", "aine", "aines", "ains", "ais", "aise", "aises", "ois", "oise", "oises", "eux", "euse",
    "euses", "iste", "istes", "ier", "ière", "ières", "iers", "ien", "é", "ée", "ées", "és", "eur", "eure", "ieur", "ieure", "ieures", "ieurs",
    "an", "ane", "anes", "ans", "ite", "ites",
];

struct Ctx<'a, 't> {
    doc: &'a Doc<'t>,
    /// Token index → true when it is the first word of a sentence, of a quotation or after a colon.
    initial: Vec<bool>,
}

impl<'a, 't> Ctx<'a, 't> {
    fn n(&self) -> usize {
        self.doc.tokens.len()
    }
    fn s(&self, i: usize) -> &'t str {
        self.doc.tokens.get(i).map(|t| t.span.slice(self.doc.text)).unwrap_or("")
    }
    /// Is token `i` the one ASCII character `c`? ([`Doc::is_char`])
    fn is_char(&self, i: usize, c: u8) -> bool {
        self.doc.is_char(i, c)
    }
    /// The bytes of token `i` ([`Doc::token_bytes`]).
    fn bytes(&self, i: usize) -> &'t [u8] {
        self.doc.token_bytes(i)
    }
    fn kind(&self, i: usize) -> Option<TokenKind> {
        self.doc.tokens.get(i).map(|t| t.kind)
    }
    fn span(&self, i: usize) -> Span {
        self.doc.tokens[i].span
    }
    /// Tokens `i` and `i + 1` are separated by exactly one space.
    fn spaced(&self, i: usize) -> bool {
        match (self.doc.tokens.get(i), self.doc.tokens.get(i + 1)) {
            (Some(a), Some(b)) => matches!(self.doc.text.get(a.span.end..b.span.start), Some(" " | "\u{a0}")),
            _ => false,
        }
    }
    /// Tokens `i` and `i + 1` touch.
    fn glued(&self, i: usize) -> bool {
        match (self.doc.tokens.get(i), self.doc.tokens.get(i + 1)) {
            (Some(a), Some(b)) => a.span.end == b.span.start,
            _ => false,
        }
    }
    fn is_word(&self, i: usize) -> bool {
        self.kind(i) == Some(TokenKind::Word)
    }
    fn is_apos(&self, i: usize) -> bool {
        self.doc.is_apostrophe(i)
    }
    /// A capitalised word, or a lower-case Arabic article glued to a capitalised name ("al-Assad").
    fn is_cap(&self, i: usize) -> bool {
        if !self.is_word(i) {
            return false;
        }
        let b = self.bytes(i);
        // Most words: an ASCII first letter decides, unless a hyphen follows an Arabic article ("al-", "abu-").
        match b.first() {
            Some(c) if c.is_ascii_uppercase() => return true,
            Some(c) if c.is_ascii_lowercase() && b.get(2) != Some(&b'-') && b.get(3) != Some(&b'-') => return false,
            _ => {}
        }
        let w = self.s(i);
        if w.chars().next().is_some_and(char::is_uppercase) {
            return true;
        }
        ["al-", "el-", "ben-", "bin-", "abu-", "ibn-"].iter().any(|p| w.strip_prefix(p).is_some_and(|r| r.chars().next().is_some_and(char::is_uppercase)))
    }
    /// Is token `i` no word, or a word that [`Ctx::is_cap`], [`Ctx::honorific`] and [`Ctx::is_initial`] all
    /// reject at once: its first byte an ASCII lower-case letter that opens no honorific, and no Arabic article
    /// ("al-Assad")? A byte test for the candidate pass, which asks the three at every token.
    fn lower_case_or_no_word(&self, i: usize) -> bool {
        let Some(t) = self.doc.tokens.get(i) else { return true };
        if t.kind != TokenKind::Word {
            return true;
        }
        let b = self.bytes(i);
        b.first().is_some_and(|&c| c.is_ascii_lowercase() && !LEX.honorific_first_bytes[usize::from(c)])
            && b.get(2) != Some(&b'-')
            && b.get(3) != Some(&b'-')
    }
    /// "J." "W.": one capital letter and a glued dot, not an honorific.
    fn is_initial(&self, i: usize) -> bool {
        // The cheap tests first: most tokens are not followed by a glued dot.
        if !self.is_char(i + 1, b'.') || !self.glued(i) || !self.is_word(i) {
            return false;
        }
        let mut chars = self.s(i).chars();
        chars.next().is_some_and(char::is_uppercase) && chars.next().is_none()
    }
    /// Token `i` in lower case, lowered once by [`Doc`].
    fn lower(&self, i: usize) -> &'a str {
        self.doc.lower(i)
    }
    /// The organisation cue word at token `i`.
    fn org_cue(&self, i: usize) -> Option<CuePos> {
        LEX.org_cues.get(self.lower(i)).copied()
    }
    /// Honorific at `i`: (first token after it, gender).
    fn honorific(&self, i: usize) -> Option<(usize, Option<Gender>)> {
        if !self.is_word(i) {
            return None;
        }
        if !self.bytes(i).first().is_some_and(|&b| LEX.honorific_first_bytes[usize::from(b)]) {
            return None;
        }
        let w = self.s(i);
        if self.is_char(i + 1, b'.') && self.glued(i) {
            // The word and its glued dot, as the text has them: "M.", "Dr.".
            let dotted = Span::new(self.span(i).start, self.span(i + 1).end).slice(self.doc.text);
            if let Some(g) = LEX.honorifics.get(dotted) {
                return Some((i + 2, *g));
            }
        }
        LEX.honorifics.get(w).map(|g| (i + 1, *g))
    }
}

/// A word in capitals ("ONU", "LONDRES"): two letters or more, none in lower case.
pub(super) fn is_allcaps(w: &str) -> bool {
    // An ASCII lower-case letter (most names have one) decides at once.
    if w.bytes().any(|b| b.is_ascii_lowercase()) {
        return false;
    }
    w.chars().filter(|c| c.is_alphabetic()).count() >= 2 && w.chars().all(|c| !c.is_alphabetic() || c.is_uppercase())
}

/// "LONDRES" → "Londres", "SAINT-DENIS" → "Saint-Denis".
pub(super) fn title_case(w: &str) -> String {
    let mut out = String::with_capacity(w.len());
    let mut start = true;
    for c in w.chars() {
        if start {
            out.extend(c.to_uppercase());
        } else {
            out.extend(c.to_lowercase());
        }
        start = c == '-' || c == ' ' || c == '\'';
    }
    out
}

fn is_place(s: &str) -> bool {
    let known = |s: &str| LEX.places.contains(s) || LEX.cities.contains(s);
    known(s) || (is_allcaps(s) && s.chars().count() > 3 && known(title_case(s).as_str()))
}

/// `lw`: `w` in lower case.
fn is_adjective(w: &str, lw: &str) -> bool {
    w.chars().next().is_some_and(char::is_lowercase)
        && w.chars().count() > 3
        && !LEX.function_words.contains(lw)
        && ADJ_SUFFIXES.iter().any(|s| lw.ends_with(s))
}

fn place_cue(w: &str) -> Option<CuePos> {
    LEX.place_cues.get(&*lowercase(w)).copied()
}

fn org_cue(w: &str) -> Option<CuePos> {
    LEX.org_cues.get(&*lowercase(w)).copied()
}

/// Find the mention candidates of `doc`.
pub(crate) fn candidates(doc: &Doc) -> Vec<Cand> {
    let toks = &doc.tokens;
    let mut initial = vec![false; toks.len()];
    // The first word of each sentence ([`Doc::tokens_in`] of each sentence, walked once in step).
    let mut k = 0;
    for s in &doc.sentences {
        while k < toks.len() && toks[k].span.start < s.span.start {
            k += 1;
        }
        if let Some(w) = (k..toks.len()).take_while(|&j| toks[j].span.end <= s.span.end).find(|&j| toks[j].kind == TokenKind::Word) {
            initial[w] = true;
        }
    }
    for k in 0..toks.len().saturating_sub(1) {
        // The kind first: most tokens are words, and slicing checks character boundaries.
        if toks[k].kind != TokenKind::Punct {
            continue;
        }
        let p = toks[k].span.slice(doc.text);
        if matches!(p, "«" | "“" | "\"" | ":" | "(" | "—" | "–" | "[" | "‘") {
            // The next word (after spaces and further marks) opens a quotation, a list item or a clause.
            let mut j = k + 1;
            while j < toks.len() && toks[j].kind == TokenKind::Punct && j < k + 3 {
                j += 1;
            }
            if j < toks.len() {
                initial[j] = true;
            }
        }
    }
    let cx = Ctx { doc, initial };
    let mut out: Vec<Cand> = Vec::new();
    // Tokens consumed by an organisation or place built from a cue word; names inside become nested candidates.
    let mut covered_until = 0usize; // token index (exclusive) up to which an enclosing org/place span reaches
    let mut enclosing: Option<usize> = None;
    let mut i = 0;
    while i < cx.n() {
        let nested = i < covered_until;
        if !nested {
            enclosing = None;
        }
        // 1. Organisation or place opened by a cue word ("ministère de la Justice", "Comité de l'armée au Sénat").
        if !nested {
            if let Some((end, kind)) = cue_phrase(&cx, i) {
                let span = Span::new(cx.span(i).start, cx.span(end).end);
                out.push(Cand::new(span, span, Some(kind)));
                enclosing = Some(out.len() - 1);
                covered_until = end + 1;
                // The head itself is not a separate name: look for names inside from the next token.
                i += 1;
                continue;
            }
        }
        // Punctuation, numbers and words opening with an ASCII lower-case letter (most tokens) are no honorific,
        // no capitalised word and no initial: only a cue word, tried above, can start a mention there.
        if cx.lower_case_or_no_word(i) {
            i += 1;
            continue;
        }
        // 2. Honorific + name ("M. Sessions", "Mme Pelosi", "M. de Villepin").
        if let Some((after, g)) = cx.honorific(i) {
            let first = skip_particles(&cx, after);
            if first < cx.n() && cx.is_cap(first) && cx.honorific(first).is_none() {
                let end = run_end(&cx, after, true);
                let name = Span::new(cx.span(after).start, cx.span(end).end);
                let mut c = Cand::new(Span::new(cx.span(i).start, name.end), name, Some(EntityType::Person));
                c.gender = g;
                c.honorific = true;
                c.nested = nested;
                out.push(c);
                i = end + 1;
                continue;
            }
        }
        // 3. A capitalised run.
        if cx.is_cap(i) || cx.is_initial(i) {
            let end = run_end(&cx, i, false);
            // "the Food and Drug Administration": one organisation across "and", after "the".
            // (The run may open with the article itself: "The Food …" at a sentence's start.)
            let a = if cx.lower(i) == "the" && i < end { i + 1 } else { i };
            let after_the = a > i || (i > 0 && cx.lower(i - 1) == "the" && cx.spaced(i - 1));
            if !nested && after_the && !(a..=end).any(|j| cx.org_cue(j).is_some_and(|p| p != CuePos::Head)) {
                if let Some(e) = coordinated_org_end(&cx, end) {
                    let span = Span::new(cx.span(a).start, cx.span(e).end);
                    out.push(Cand::new(span, span, Some(EntityType::Organization)));
                    covered_until = e + 1;
                    i = e + 1;
                    continue;
                }
            }
            // A cue word inside the run that opens a longer organisation ("The Assembly of First Nations"):
            // the words before it are a run of their own, the cue phrase starts at it.
            if let Some(k) = (i + 1..=end).find(|&k| cue_phrase(&cx, k).is_some_and(|(e, _)| e > end)) {
                if !nested {
                    // Capitalised words before the cue belong to the name ("European Journal of …"), unless they are
                    // function words or a person's name.
                    let a = (i..k).find(|&j| !LEX.function_words.contains(cx.lower(j)) && !LEX.not_names.contains(cx.s(j))).unwrap_or(k);
                    if a < k && !LEX.first_names.contains_key(cx.s(a)) && !LEX.demonyms.contains(cx.s(a)) {
                        if let Some((e, kind)) = cue_phrase(&cx, k) {
                            let span = Span::new(cx.span(a).start, cx.span(e).end);
                            out.push(Cand::new(span, span, Some(kind)));
                            covered_until = e + 1;
                            i = k + 1;
                            continue;
                        }
                    }
                    out.extend(classify_run(&cx, i, k - 1, nested));
                    i = k;
                    continue;
                }
            }
            // Channels, stations and sites: "Canal+", "France 5", "France 3 Limousin", "Libération.fr".
            if !nested {
                if let Some(e) = brand_end(&cx, i, end) {
                    let a = if end == i { i } else { (i..=end).find(|&j| !LEX.function_words.contains(cx.lower(j))).unwrap_or(i) };
                    let span = Span::new(cx.span(a).start, cx.span(e).end);
                    out.push(Cand::new(span, span, Some(EntityType::Organization)));
                    covered_until = e + 1;
                    i = e + 1;
                    continue;
                }
            }
            for c in classify_run(&cx, i, end, nested) {
                out.push(c);
            }
            i = end + 1;
            continue;
        }
        let _ = enclosing;
        i += 1;
    }
    mark_parentheses(&cx, &mut out);
    add_descriptions(&cx, &mut out);
    out
}

impl Cand {
    fn new(span: Span, name: Span, kind: Option<EntityType>) -> Cand {
        Cand { span, name, kind, gender: None, honorific: false, weak: false, nested: false, descriptions: Vec::new(), paren_of: None, votes: (0, 0, 0, 0) }
    }
}

fn skip_particles(cx: &Ctx, mut i: usize) -> usize {
    // "M. de Villepin", "M. d'Estaing": particles between the honorific and the capitalised name.
    for _ in 0..2 {
        let w = cx.s(i);
        if PARTICLES.contains(w) && cx.spaced(i) {
            i += 1;
        } else if w == "d" && cx.is_apos(i + 1) && cx.glued(i) {
            i += 2;
        } else {
            break;
        }
    }
    i
}

/// Last token of the capitalised run starting at `i` (`after_honorific`: particles may open it).
fn run_end(cx: &Ctx, i: usize, after_honorific: bool) -> usize {
    let mut count = 0usize; // name words in the run
    let mut e;
    let start = if after_honorific { skip_particles(cx, i) } else { i };
    if cx.is_initial(start) {
        e = start + 1;
    } else {
        e = start;
    }
    count += 1;
    // No name runs longer than this; the bound keeps shouted all-caps text linear (each run is re-read at most
    // by the cue-word look-ups inside it).
    while count < MAX_RUN_WORDS {
        // Apostrophe names: O'Brien.
        if cx.is_apos(e + 1) && cx.glued(e) && cx.glued(e + 1) && cx.is_cap(e + 2) && cx.s(e).chars().count() == 1 && !matches!(cx.s(e), "L" | "D" | "J" | "C" | "S" | "N" | "M" | "T") {
            // Not French elisions: "L'Union", "D'après", "J'ai".
            e += 2;
            continue;
        }
        if cx.glued(e) && cx.is_char(e, b'.') && cx.is_initial(e + 1) {
            // "P.J. Boatwright": initials glued together.
            e += 2;
            continue;
        }
        if cx.is_char(e + 1, b'.') && cx.glued(e) && cx.spaced(e + 1) && cx.is_cap(e + 2) && PLACE_ABBREVIATIONS.contains(cx.s(e)) {
            // "St. Louis", "Mt. Everest", "Ste. Anne": the abbreviated saint or mount opens the name.
            e += 2;
            count += 1;
            continue;
        }
        if !cx.spaced(e) {
            break;
        }
        let k = e + 1;
        if cx.is_char(k, b'&') && cx.spaced(k) && cx.is_cap(k + 1) {
            // "Procter & Gamble", "Johnson & Johnson": an ampersand between capitals joins one name.
            e = k + 1;
            count += 1;
            continue;
        }
        if cx.is_initial(k) {
            e = k + 1;
            count += 1;
            continue;
        }
        if cx.is_cap(k) && cx.honorific(k).is_none() {
            if LEX.not_names.contains(cx.s(k)) && !LEX.first_names.contains_key(cx.s(e)) {
                break;
            }
            e = k;
            count += 1;
            continue;
        }
        // A particle joins a first name to a surname ("Dominique de Villepin"); only after one name word, so
        // "Nancy Pelosi de la Chambre" stays two names.
        // "Europe du Sud", "Asie de l'Est", "Afrique subsaharienne": a place and a compass qualifier.
        if is_place(cx.s(e)) {
            if let Some(q) = geo_qualifier(cx, e) {
                e = q;
                count += 1;
                continue;
            }
        }
        // "Corée du Nord", "Europe de l'Est": a place name with a particle inside.
        let p = skip_particles(cx, k);
        if p > k && cx.is_cap(p) && is_place(Span::new(cx.span(e).start, cx.span(p).end).slice(cx.doc.text)) {
            e = p;
            count += 1;
            continue;
        }
        if count == 1 && !after_honorific && p > k && cx.is_cap(p) && !cx.initial[i] {
            let next = cx.s(p);
            if org_cue(next).is_none() && !is_place(next) && LEX.first_names.contains_key(cx.s(i)) {
                e = p;
                count += 1;
                continue;
            }
        }
        break;
    }
    e
}

/// The last token of a compass qualifier after the place at `e`: "du Nord", "du Sud", "de l'Est", "de
/// l'Ouest", "centrale", "occidentale", "orientale", "subsaharienne", "méridionale", "septentrionale".
fn geo_qualifier(cx: &Ctx, e: usize) -> Option<usize> {
    if !cx.spaced(e) {
        return None;
    }
    let k = e + 1;
    let w = cx.lower(k);
    if matches!(w, "centrale" | "central" | "occidentale" | "occidental" | "orientale" | "oriental" | "subsaharienne" | "méridionale" | "septentrionale") {
        return Some(k);
    }
    if w == "du" && cx.spaced(k) && matches!(cx.s(k + 1), "Nord" | "Sud") {
        return Some(k + 1);
    }
    if w == "de" && cx.spaced(k) && cx.is_char(k + 1, b'l') && cx.is_apos(k + 2) && matches!(cx.s(k + 3), "Est" | "Ouest") {
        return Some(k + 3);
    }
    None
}

/// Turn the run `a..=b` into candidates: strip sentence-initial function words and leading titles, then type it.
fn classify_run(cx: &Ctx, a: usize, b: usize, nested: bool) -> Vec<Cand> {
    let mut out = Vec::new();
    let text = cx.doc.text;
    let mut a = a;
    let whole = Span::new(cx.span(a).start, cx.span(b).end).slice(text);
    let mut initial = cx.initial[a];
    if !is_place(whole) {
        // Leading function words, weekdays, demonyms and titles are not part of the name; a title word opens an
        // organisation's name when an organisation word closes the run ("Justice Department", "Labor Party").
        let org_tail = cx.org_cue(b).is_some_and(|p| p != CuePos::Head);
        let mut desc: Vec<&str> = Vec::new();
        while a <= b {
            let w = cx.s(a);
            let lw = cx.lower(a);
            if LEX.function_words.contains(lw) || LEX.not_names.contains(w) {
                a += 1;
                desc.clear();
                initial = false;
            } else if a < b && LEX.roles.contains(lw) && !LEX.first_names.contains_key(w) && !org_tail {
                desc.push(w);
                a += 1;
            } else {
                break;
            }
        }
        if a > b {
            return out;
        }
        if !desc.is_empty() {
            // "President Donald Trump": the title describes the person and proves the name is one.
            let span = Span::new(cx.span(a).start, cx.span(b).end);
            let mut c = Cand::new(span, span, Some(EntityType::Person));
            c.descriptions.push(desc.join(" "));
            c.nested = nested;
            out.push(c);
            return out;
        }
    }
    let has_org_cue = (a..=b).any(|k| cx.org_cue(k).is_some());
    // "Johnson & Johnson", "Cassels Brock & Blackwell": an ampersand joins one firm's name.
    let has_ampersand = (a..=b).any(|k| cx.is_char(k, b'&'));
    // "Senate Minority Leader Chuck Schumer", "Superior Court Justice François Huot": a role noun inside the run,
    // then a first name: the words up to the role describe the person who follows.
    if let Some(k) = (a + 1..b).find(|&k| LEX.roles.contains(cx.lower(k)) && LEX.first_names.contains_key(cx.s(k + 1))) {
        if !(k + 1..=b).any(|j| cx.org_cue(j).is_some()) {
            let span = Span::new(cx.span(k + 1).start, cx.span(b).end);
            let mut c = Cand::new(span, span, Some(EntityType::Person));
            c.descriptions.push(Span::new(cx.span(a).start, cx.span(k).end).slice(text).to_string());
            c.nested = nested;
            out.push(c);
            return out;
        }
    }
    // "le ministre de la Défense Shaoul Mofaz": the ministry's domain opens the run; the person follows.
    if b > a && after_ministry(cx, a) {
        let k = (a + 1..=b.min(a + 2)).find(|&k| LEX.first_names.contains_key(cx.s(k))).unwrap_or(a + 1);
        return classify_run(cx, k, b, nested);
    }
    // "Education Nationale Ségolène Royal": a first name after other capitalised words starts a new name (not
    // across an ampersand: "Cassels Brock & Blackwell").
    if !has_org_cue && b >= a + 2 && !has_ampersand {
        if let Some(k) = (a + 1..b).find(|&k| {
            LEX.first_names.contains_key(cx.s(k)) && !LEX.first_names.contains_key(cx.s(k - 1)) && cx.is_word(k - 1) && !is_allcaps(cx.s(k)) && !is_particle_name(cx.s(k))
        }) {
            out.extend(classify_run(cx, a, k - 1, nested));
            out.extend(classify_run(cx, k, b, nested));
            return out;
        }
    }
    // Split at a demonym or a weekday inside the run ("Russian President Putin" keeps "Putin"), but not inside an
    // organisation's name ("European Journal of …").
    if let Some(k) = (a..=b).find(|&k| (LEX.demonyms.contains(cx.s(k)) && !has_org_cue) || (LEX.not_names.contains(cx.s(k)) && (k == a || !LEX.first_names.contains_key(cx.s(k - 1))))) {
        if k > a {
            out.extend(classify_run(cx, a, k - 1, nested));
        }
        if k < b {
            // The demonym itself is skipped; what follows is a fresh run (not sentence-initial).
            let mut rest = classify_run(cx, k + 1, b, nested);
            out.append(&mut rest);
        }
        return out;
    }
    let span = Span::new(cx.span(a).start, cx.span(b).end);
    let s = span.slice(text);
    let words: Vec<usize> = (a..=b).filter(|&k| cx.is_word(k)).collect();
    let n = words.len();
    let first = cx.s(a);
    let last = cx.s(b);
    let mut c = Cand::new(span, span, None);
    c.nested = nested;
    let role_before = role_before(cx, a);
    if let Some(d) = &role_before {
        c.descriptions.push(d.clone());
    }
    // A head cue opening a multi-word name outranks the place lists, whose alternate names hold a few
    // institutions' names ("Maison Blanche").
    let head_cue = n >= 2 && matches!(org_cue(first), Some(CuePos::Head));
    if is_place(s) && !head_cue {
        c.kind = Some(EntityType::Location);
    } else if org_noun_before(cx, a) {
        // "l'association Valcourt Environnement", "the union Harbour Workers United": the common noun before the
        // name says what kind of thing it names.
        c.kind = Some(EntityType::Organization);
    } else if words.iter().any(|&k| match cx.org_cue(k) {
        Some(CuePos::Both) => true,
        Some(CuePos::Head) => k == a,
        Some(CuePos::Tail) => k == b || (cx.is_char(k + 1, b'.') && k + 1 == b),
        None => false,
    })
    {
        c.kind = Some(EntityType::Organization);
    } else if has_ampersand {
        // firms, not people
        c.kind = Some(EntityType::Organization);
    } else if n >= 2 && LEX.event_cues.contains(cx.lower(b)) {
        // "FedEx Cup", "U.S. Open", "Golden Globe Award", "Affordable Care Act": an event, an award, a law.
        c.kind = Some(EntityType::Other);
    } else if n >= 2 && is_allcaps(first) && first.chars().count() >= 3 && !is_allcaps(last) {
        // "CHU Beaujon", "OCS Max": an acronym opening a name makes an organisation.
        c.kind = Some(EntityType::Organization);
    } else if n >= 2
        && (place_cue(last).is_some_and(|p| p != CuePos::Head) || place_cue(first).is_some_and(|p| p != CuePos::Tail))
    {
        c.kind = Some(EntityType::Location);
    } else if n >= 2 {
        if LEX.first_names.contains_key(first) || LEX.first_names.contains_key(title_case(first).as_str()) || role_before.is_some() || cx.is_initial(a) {
            c.kind = Some(EntityType::Person);
        } else if words.iter().any(|&k| LEX.demonyms.contains(cx.s(k)))
            || words.iter().all(|&k| cx.s(k).ends_with(['s', 'x']))
            || matches!(last, "II" | "III" | "IV" | "V" | "VI" | "VII" | "VIII" | "IX" | "X")
        {
            // Demonyms, plural phrases ("Jeux Olympiques", "Grands Prix") and numbered things without a first name
            // ("Dublin II", "Vatican II") are not people.
            c.kind = Some(EntityType::Other);
        } else if let Some(kind) = place_ending(cx, &words) {
            c.kind = Some(kind);
        } else {
            // Two or three capitalised words with no cue: most often a person in news text.
            c.kind = Some(EntityType::Person);
            // Even opening a sentence, two capitalised words in a row are a name far more often than not
            // ("Vern Sparkes was one of them"); a single one is not.
        }
    } else {
        let w = first;
        if LEX.demonyms.contains(w) {
            return out;
        }
        // "Jan. 27": a month's abbreviation before a day is a date, not a first name.
        if matches!(w, "Jan" | "Feb" | "Mar" | "Apr" | "Jun" | "Jul" | "Aug" | "Sep" | "Sept" | "Oct" | "Nov" | "Dec")
            && cx.is_char(a + 1, b'.')
            && cx.kind(a + 2) == Some(TokenKind::Number)
        {
            return out;
        }
        if is_allcaps(w) {
            c.kind = Some(if is_place(w) { EntityType::Location } else { EntityType::Organization });
            // A shouted word opening a sentence may be a headline word; an acronym is kept only if short.
            c.weak = initial && w.chars().count() > 6;
        } else if org_cue(w).is_some_and(|p| p != CuePos::Tail) && !initial {
            // "le Sénat", "la Poste": a bare cue word with a capital names an institution.
            c.kind = Some(EntityType::Organization);
        } else if org_noun_before(cx, a) && !is_place(w) {
            // "le groupe Renault", "the charity Oxfam".
            c.kind = Some(EntityType::Organization);
        } else if role_before.is_some() {
            c.kind = Some(EntityType::Person);
        } else if LEX.first_names.contains_key(w) {
            c.kind = Some(EntityType::Person);
            c.weak = initial;
        } else if is_camel_brand(w) {
            // "TransLink", "YouTube", "BlackRock": a capital inside a word names a firm or a brand.
            c.kind = Some(EntityType::Organization);
        } else {
            c.votes = context_votes(cx, a);
            // A capital after a quotation mark is evidence of nothing, but a speaker's name is ("…," Kimbal said).
            c.weak = initial && c.votes.2 == 0;
        }
    }
    out.push(c);
    out
}

/// Words that make a part of a place of the place name after them ("Southern California", "Upstate New York",
/// "Central Canada", "Metro Vancouver", "Grand Paris").
static PLACE_PARTS: Words = Words::new(&[
    "Central", "Downstate", "East", "Eastern", "Grand", "Grande", "Greater", "Metro", "North", "Northeast", "Northern",
    "Northwest", "South", "Southeast", "Southern", "Southwest", "Upstate", "West", "Western",
]);

/// A name without a first name that ends with a place (the longest such ending, the whole name aside): a part of
/// that place when only [`PLACE_PARTS`] words come before it ("Southern California", "Metro Vancouver"), else an
/// organisation named after a country or region ("Statistics Canada", "Air France"). Not after a city, which is
/// as often a surname ("Thandie Newton", "Dougie Hamilton").
fn place_ending(cx: &Ctx, words: &[usize]) -> Option<EntityType> {
    let last = *words.last()?;
    let ending = |k: usize| Span::new(cx.span(words[k]).start, cx.span(last).end).slice(cx.doc.text);
    let k = (1..words.len()).find(|&k| is_place(ending(k)))?;
    if words[..k].iter().all(|&w| PLACE_PARTS.contains(cx.s(w))) {
        Some(EntityType::Location)
    } else {
        LEX.places.contains(ending(k)).then_some(EntityType::Organization)
    }
}

/// A word with a capital after a lower-case letter inside it ("TransLink", "PayPal", "BlackRock"), other than the
/// surnames that are written so ("McCallum", "MacKay", "DeSantis", "LaHood", "DiCaprio", "VanderMeer").
fn is_camel_brand(w: &str) -> bool {
    let b = w.as_bytes();
    let inner_capital = b.windows(2).skip(1).any(|p| p[0].is_ascii_lowercase() && p[1].is_ascii_uppercase());
    let surname = ["Mc", "Mac", "De", "Di", "Da", "Du", "La", "Le", "Van", "Von"].iter().any(|p| {
        w.strip_prefix(p).is_some_and(|r| r.as_bytes().first().is_some_and(u8::is_ascii_uppercase) && !r[1..].bytes().any(|c| c.is_ascii_uppercase()))
    });
    inner_capital && !surname
}

/// The end of a brand name made of the run `a..=b` and a suffix: a glued "+" ("Canal+"), a glued web domain
/// ("Libération.fr"), or a one- or two-digit number after a one-word name ("France 5", "Europe 1"), with one
/// more capitalised word ("France 3 Limousin").
fn brand_end(cx: &Ctx, a: usize, b: usize) -> Option<usize> {
    if cx.is_char(b + 1, b'+') && cx.glued(b) && !(cx.glued(b + 1) && cx.is_word(b + 2)) {
        return Some(b + 1);
    }
    if cx.is_char(b + 1, b'.') && cx.glued(b) && cx.glued(b + 1) && matches!(cx.s(b + 2), "fr" | "com" | "net" | "org" | "be" | "ca" | "ch" | "info") {
        return Some(b + 2);
    }
    let num = cx.s(b + 1);
    if a == b && cx.kind(b + 1) == Some(TokenKind::Number) && num.len() <= 2 && cx.spaced(b) && !cx.initial[a] && !cx.glued(b + 1) {
        // Not a date or a quantity: "Mai 68", "Europe 1 a annoncé" vs "juin 12" — the name must not be a month and
        // the next token must not be a unit.
        let next = cx.s(b + 2);
        if LEX.not_names.contains(cx.s(a)) || next.chars().next().is_some_and(char::is_lowercase) && !LEX.function_words.contains(next) {
            return None;
        }
        if cx.is_cap(b + 2) && cx.spaced(b + 1) && !LEX.function_words.contains(cx.lower(b + 2)) && !LEX.first_names.contains_key(next) {
            return Some(b + 2);
        }
        return Some(b + 1);
    }
    None
}

/// Arabic and Romance name particles that the first-name list also holds ("Al", "Ben"): no name starts there.
fn is_particle_name(w: &str) -> bool {
    matches!(w, "Al" | "El" | "Ben" | "Bin" | "Abu" | "Ibn" | "Van" | "Von" | "De" | "Da" | "Di" | "Del" | "Le" | "La" | "Mac" | "Mc" | "St")
}

/// Is the run at `a` right after "ministre de la", "ministère de l'", "secretary of"?
fn after_ministry(cx: &Ctx, a: usize) -> bool {
    let mut k = a;
    let back = |k: &mut usize| -> Option<&str> {
        if *k == 0 {
            return None;
        }
        *k -= 1;
        Some(cx.lower(*k))
    };
    let mut w = back(&mut k);
    if matches!(w, Some("'" | "’")) {
        w = back(&mut k);
        if w != Some("l") {
            return false;
        }
        w = back(&mut k);
    } else if w == Some("la") {
        w = back(&mut k);
    }
    if !matches!(w, Some("de" | "du" | "of")) {
        return false;
    }
    let head = back(&mut k).unwrap_or_default();
    matches!(head, "ministre" | "ministère" | "secrétaire" | "secretary" | "minister" | "ministry")
}

/// Is the token before `a` a lower-case noun naming a kind of organisation ("association", "syndicat", "union",
/// "company"), written right before the name?
fn org_noun_before(cx: &Ctx, a: usize) -> bool {
    a >= 1 && cx.is_word(a - 1) && cx.spaced(a - 1) && LEX.org_type_nouns.contains(cx.s(a - 1))
}

/// Votes from the words before an unknown name: "à Giromagny" (place), "le Kremlin" (organisation).
fn context_votes(cx: &Ctx, a: usize) -> (i32, i32, i32, i32) {
    // A speech verb right after the name (or "said" right before it) makes a person: "Ayo said", "a dit Bernard".
    let next = cx.lower(a + 1);
    let speaks = SPEECH_VERBS.contains(next)
        || (a >= 1 && SPEECH_VERBS.contains(cx.lower(a - 1)) && matches!(cx.s(a + 1), "." | "," | ""))
        || (a >= 2 && cx.lower(a - 2) == "a" && SPEECH_VERBS_PARTICIPLE.contains(cx.lower(a - 1)));
    if a == 0 {
        return (0, 0, i32::from(speaks), 0);
    }
    let mut p = a - 1;
    let elided = cx.is_apos(p) && p > 0;
    if elided {
        p -= 1;
    }
    let w = cx.lower(p);
    if PLACE_PREPS.contains(w) {
        (1, 0, 0, 0)
    } else if !elided && ORG_CONTEXT.contains(w) {
        // "le Kremlin", "le Likoud", "sur Arte", "chez Elsevier": institutions and brands. Feminine and elided
        // articles mostly open capitalised common nouns ("la République", "l'État") and vote against.
        (0, 0, 0, 1)
    } else if ORG_ARTICLES.contains(w) {
        (0, 1, 0, 0)
    } else {
        (0, 0, i32::from(speaks), 0)
    }
}

/// English speech verbs (present and past) that follow or precede a speaker's name.
static SPEECH_VERBS: Words = Words::new(&["said", "says", "told", "tells", "added", "adds", "explained", "explains", "asked", "asks", "wrote", "writes", "recalled", "recalls", "noted", "notes", "replied", "stated", "argued", "insisted", "admitted", "confirmed", "declared", "estime", "explique", "raconte", "ajoute", "affirme", "déclare", "souligne", "précise", "confie", "indique"]);
/// French past participles after "a" ("a dit Bernard", "a déclaré M. Schumer").
static SPEECH_VERBS_PARTICIPLE: Words = Words::new(&["dit", "déclaré", "affirmé", "expliqué", "ajouté", "indiqué", "précisé", "souligné", "estimé", "confié", "raconté", "confirmé", "annoncé"]);

/// A title before a name: "le président Donald Trump" → "président", "Le procureur général américain Jeff
/// Sessions" → "procureur général américain". Looks back at most five lower-case words.
fn role_before(cx: &Ctx, a: usize) -> Option<String> {
    let mut k = a;
    let mut role_at = None;
    for _ in 0..5 {
        if k == 0 || !cx.spaced(k - 1) {
            break;
        }
        k -= 1;
        let w = cx.s(k);
        if !cx.is_word(k) || w.chars().next().is_some_and(char::is_uppercase) && !LEX.roles.contains(&*lowercase(w)) {
            break;
        }
        let lw = cx.lower(k);
        if LEX.roles.contains(lw) {
            role_at = Some(k);
        } else if LEX.function_words.contains(lw) {
            break;
        } else if !is_adjective(w, lw) && lw != "général" && lw != "premier" && lw != "première" {
            break;
        }
    }
    let r = role_at?;
    Some(Span::new(cx.span(r).start, cx.span(a - 1).end).slice(cx.doc.text).to_string())
}

/// The last token of an organisation name's second half after the name part ending at `b`: "and" (or "&"),
/// then a capitalised run closed by an organisation word ("Food | and Drug Administration", "Department of
/// Health | and Human Services", "Bill | and Melinda Gates Foundation"). The caller says why the two halves are one name (an article before them, a head word): "Trump and Justice
/// Department" is two.
fn coordinated_org_end(cx: &Ctx, b: usize) -> Option<usize> {
    let and = b + 1;
    if !(cx.spaced(b) && cx.spaced(and) && matches!(cx.s(and), "and" | "&")) {
        return None;
    }
    let k = and + 1;
    if !cx.is_cap(k) || cx.honorific(k).is_some() || is_allcaps(cx.s(k)) {
        return None;
    }
    let e = run_end(cx, k, false);
    cx.org_cue(e).is_some_and(|p| p != CuePos::Head).then_some(e)
}

/// An organisation or place opened by a cue word at `i`: returns its last token and type.
/// "ministère de la Justice", "Comité de l'armée au Sénat", "Union européenne", "University of Toronto",
/// "tribunal correctionnel de Belfort", "bande de Gaza". A lower-case head needs a capitalised word after it.
fn cue_phrase(cx: &Ctx, i: usize) -> Option<(usize, EntityType)> {
    if !cx.is_word(i) {
        return None;
    }
    let lw = cx.lower(i);
    // Called at nearly every token: rule out most words before hashing them (or slicing their text).
    static CUE_SHAPES: LazyLock<KeyShapes> = LazyLock::new(|| KeyShapes::new(LEX.org_cues.keys().chain(LEX.place_cues.keys()).copied()));
    if !CUE_SHAPES.may_hold(lw) {
        return None;
    }
    let kind = match LEX.org_cues.get(lw) {
        Some(CuePos::Head | CuePos::Both) => EntityType::Organization,
        _ if LEX.place_cues.get(lw).is_some_and(|&p| p != CuePos::Tail) => EntityType::Location,
        _ => return None,
    };
    let w = cx.s(i);
    let capital = w.chars().next().is_some_and(char::is_uppercase);
    // A lower-case place word ("bande de Gaza", "fort Dorsner") takes one capitalised complement, nothing more.
    let lower_place = !capital && kind == EntityType::Location;
    let mut e = i;
    let mut has_cap = false;
    let mut complements = 0;
    let mut lower_nouns = 0;
    loop {
        if !cx.spaced(e) {
            // "d'" and "l'" are glued: handled through the connector branch below.
            if !(cx.is_apos(e + 1) && cx.glued(e)) {
                break;
            }
        }
        let k = e + 1;
        let nw = cx.s(k);
        if !lower_place && cx.is_word(k) && is_adjective(nw, cx.lower(k)) && cx.spaced(e) {
            e = k;
            continue;
        }
        if cx.is_cap(k) && cx.spaced(e) && e == i && cx.honorific(k).is_none() {
            // "école Maurice-Henry", "fort Dorsner", "Maison Blanche"; a generic noun before a name ("le mouvement
            // Fatah", "l'organisation Anti-Violence Project") is not part of it.
            if capital || !APPOSED_HEADS.contains(lw) {
                // A capitalised head followed by capitals is a plain capitalised run ("Maison Blanche"), typed by
                // the run pass, which also finds the person in "Senate Minority Leader Chuck Schumer".
                break;
            }
            e = run_end(cx, k, false);
            has_cap = true;
            break;
        }
        // Connector: de / du / des / d' / de la / de l' / of (the) / à / au; "et de" goes on with a second one
        // ("Agence d'évaluation de la recherche et de l'enseignement supérieur").
        let mut lk = cx.lower(k);
        let mut k = k;
        // "Department of Health and Human Services": a second complement closed by an organisation word.
        if capital && complements > 0 && kind == EntityType::Organization {
            if let Some(end) = coordinated_org_end(cx, e) {
                e = end;
                break;
            }
        }
        if (lk == "et" || lk == "and") && capital && complements > 0 && cx.spaced(k) && ORG_CONNECTORS.contains(cx.s(k + 1)) {
            k += 1;
            lk = cx.lower(k);
        }
        if complements >= 4 || !ORG_CONNECTORS.contains(lk) || !cx.is_word(k) {
            break;
        }
        let is_at = matches!(lk, "à" | "au" | "aux");
        if (is_at && complements == 0) || (lower_place && !matches!(lk, "de" | "du" | "d")) {
            break;
        }
        let mut j = k + 1;
        if lk == "d" {
            if !(cx.is_apos(j) && cx.glued(k)) {
                break;
            }
            j += 1;
        } else if !cx.spaced(k) {
            break;
        }
        // Optional article after the connector.
        let aw = cx.lower(j);
        if (aw == "la" || aw == "the") && cx.spaced(j) {
            j += 1;
        } else if aw == "l" && cx.is_apos(j + 1) && cx.glued(j) {
            j += 2;
        }
        if cx.is_cap(j) && cx.honorific(j).is_none() {
            let end = run_end(cx, j, false);
            // "l'autorité naturelle de Mark Strong": a person's name does not end an organisation.
            if end > j && LEX.first_names.contains_key(cx.s(j)) && !is_place(Span::new(cx.span(j).start, cx.span(end).end).slice(cx.doc.text)) {
                break;
            }
            e = end;
            has_cap = true;
            complements += 1;
            if lower_place {
                break;
            }
            continue;
        }
        if is_at || lower_nouns >= 2 || !cx.is_word(j) || lower_place {
            break;
        }
        let nl = cx.lower(j);
        if nl.chars().count() < 3 || LEX.function_words.contains(nl) || cx.s(j).chars().next().is_some_and(char::is_uppercase) {
            break;
        }
        // A lower-case noun complement ("de sécurité", "des représentants", "du patrimoine"), only when the head
        // is capitalised: "la décision du ministère" must not grow.
        if !capital {
            break;
        }
        e = j;
        lower_nouns += 1;
        complements += 1;
    }
    if e == i {
        // A bare capitalised cue word ("Sénat") is left to the capitalised-run pass.
        return None;
    }
    if !capital && !has_cap {
        return None;
    }
    Some((e, kind))
}

/// Link "A (B)" pairs: B inside parentheses right after A.
fn mark_parentheses(cx: &Ctx, out: &mut [Cand]) {
    let text = cx.doc.text;
    for k in 1..out.len() {
        let (prev, cur) = (out[k - 1].span, out[k].span);
        let gap = text.get(prev.end..cur.start).unwrap_or("");
        let after = text.get(cur.end..).unwrap_or("");
        if gap.trim() == "(" && after.trim_start().starts_with(')') {
            out[k].paren_of = Some(prev);
        }
    }
}

/// Appositions around person names: "Sara Isgur Flores, la porte-parole de M. Sessions," and
/// "Le premier conseiller à la sécurité nationale de M. Trump, Michael Flynn,".
fn add_descriptions(cx: &Ctx, out: &mut [Cand]) {
    let text = cx.doc.text;
    for k in 0..out.len() {
        if out[k].kind != Some(EntityType::Person) {
            continue;
        }
        let span = out[k].span;
        // After: ", " + determiner or role noun … up to , ; . ) or the end of the sentence.
        let rest = text.get(span.end..).unwrap_or("");
        if let Some(r) = rest.strip_prefix(", ") {
            if let Some(d) = apposition(r) {
                out[k].descriptions.push(d.to_string());
            }
        }
        // Before: the sentence opens with an NP ending in ", " right before the name.
        let before = text.get(..span.start).unwrap_or("");
        if let Some(b) = before.strip_suffix(", ") {
            let sent_start = cx.doc.sentence_at(span.start).map(|s| cx.doc.sentences[s].span.start).unwrap_or(0);
            if sent_start <= b.len() {
                let np = &b[sent_start..];
                if !np.contains([',', ';', '"', '«', '»', '“', '”']) && np.split(' ').count() <= 14 {
                    if let Some(d) = description_np(np) {
                        out[k].descriptions.push(d.to_string());
                    }
                }
            }
        }
    }
}

/// The apposition at the start of `r`, when it opens with a determiner + role noun or a role noun.
fn apposition(r: &str) -> Option<&str> {
    let end = r.find([',', ';', '.', ')', '(', '\n', '"', '«', '»', '“', '”', ':']).unwrap_or(r.len());
    let np = r[..end].trim_end();
    // "M. Sessions" ends in a dot: keep the honorific's dot and what follows it.
    let np = if r[end..].starts_with('.') && (np.ends_with(" M") || np.ends_with(" Mr") || np.ends_with(" Dr") || np.ends_with(" Mrs")) {
        let more = r[end + 1..].find([',', ';', '.', ')', '\n', '"', '«', '»']).map(|e| end + 1 + e).unwrap_or(r.len());
        r[..more].trim_end()
    } else {
        np
    };
    if np.split(' ').count() > 12 {
        return None;
    }
    description_np(np)
}

/// `np` if it is a description: an optional determiner (or "alors"/"then"), optional adjectives, then a role noun;
/// or, English putting the head last, a determiner, a few modifiers and a role noun ending it ("the White House
/// press secretary", "the company's chief executive").
fn description_np(np: &str) -> Option<&str> {
    let all: Vec<&str> = np.split(' ').filter(|w| !w.is_empty()).collect();
    if all.len() >= 2 && all.len() <= 6 && matches!(&*lowercase(all[0]), "the" | "a" | "an") && LEX.roles.contains(&*lowercase(all[all.len() - 1])) {
        return Some(np);
    }
    let mut words = np.split([' ', '\'', '’']).filter(|w| !w.is_empty());
    for _ in 0..4 {
        let w = words.next()?;
        let lw = lowercase(w);
        if LEX.roles.contains(&*lw) {
            return Some(np);
        }
        if !(DETERMINERS.contains(&lw) || matches!(&*lw, "alors" | "then" | "former" | "ancien" | "ancienne" | "nouveau" | "nouvelle" | "premier" | "première" | "new" | "chief")) {
            return None;
        }
    }
    None
}
