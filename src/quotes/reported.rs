//! The frame of each speech cue: where its subject (the speaker mention) is, and which words it reports —
//! a *que*/*that* clause, a declarative infinitive, the content after a colon, the clause before a postposed
//! cue ("Il faut agir, a estimé X"), or the clause around "selon X" / "according to X".

use super::cues::{Cue, CueKind};
use super::tok::Toks;
use crate::lang::Lang;
use crate::text::{Span, Words};

/// A cue with its subject and its reported content.
#[derive(Clone, Debug)]
pub struct Frame {
    /// The cue.
    pub cue: Cue,
    /// The noun phrase (or pronoun) the cue points at, bytes.
    pub subject: Option<Span>,
    /// True when the subject was found after the cue (inverted: "a déclaré X", "said X", "a-t-il dit").
    pub inverted: bool,
    /// The content is before the cue: byte offset where it ends (the comma or closing mark before the cue group).
    pub before_end: Option<usize>,
    /// Start of the sentence the cue is in (bytes).
    pub sentence_start: usize,
    /// Indirect content reported by the cue (without complementizer), bytes.
    pub content: Option<Span>,
    /// Where a quotation opening here would be this cue's direct quote (after "a déclaré :", "said,").
    pub opens_at: Option<usize>,
    /// Subject comes from the previous cue of the sentence (participle "ajoutant", "adding").
    pub borrows_subject: bool,
    /// A second reported clause ("… selon X : …" reports both sides of the colon).
    pub extra: Option<Span>,
}

static FR_SKIP_AFTER: Words = Words::new(&[
    "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "hier", "aujourd", "demain", "matin", "soir",
    "après-midi", "encore", "aussi", "également", "ensuite", "enfin", "alors", "déjà", "ainsi", "récemment", "soir", "dernier",
    "dernière", "mardi", "ce", "cette", "notamment", "toutefois", "cependant", "pourtant", "d'ailleurs", "plus", "tard", "lui", "leur",
]);
static EN_SKIP_AFTER: Words = Words::new(&[
    "on", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "yesterday", "today", "earlier", "later",
    "also", "then", "again", "last", "this", "week", "month", "year", "morning", "afternoon", "evening", "night", "previously",
]);
/// Words that may follow a postposed English cue ("…,” he said Saturday in a statement.").
static EN_AFTER_POSTPOSED: Words = Words::new(&[
    "in", "on", "at", "during", "after", "before", "while", "when", "as", "outside", "from", "via", "through", "to", "of", "about",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "yesterday", "today", "tonight", "last", "earlier",
    "later", "recently", "previously", "then", "again", "also", "this", "late", "early", "afterward", "afterwards", "with",
]);
static FR_NP_STOP: Words = Words::new(&[
    "lors", "dans", "devant", "pendant", "après", "avant", "en", "à", "au", "aux", "sur", "par", "lundi", "mardi", "mercredi",
    "jeudi", "vendredi", "samedi", "dimanche", "hier", "qui", "que", "qu", "dont", "ajoutant", "tout", "selon", "mais", "car",
    "où", "avec", "pour", "vers", "depuis", "cité", "citée", "interrogé", "interrogée", "joint", "jointe", "contacté", "contactée",
]);
static EN_NP_STOP: Words = Words::new(&[
    "in", "on", "at", "during", "after", "before", "who", "when", "while", "that", "told", "to", "as", "adding", "noting",
    "saying", "but", "because", "since", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "yesterday", "today", "with", "via", "through", "last", "earlier", "later", "this", "about", "if", "than",
]);
static FR_BOUNDARY_BEFORE: Words = Words::new(&[
    "et", "que", "qu", "mais", "car", "donc", "or", "si", "quand", "lorsque", "puisque", "où", "dont", "comme", "ainsi", "tandis",
]);
static EN_BOUNDARY_BEFORE: Words = Words::new(&["that", "but", "because", "when", "while", "if", "as", "since", "so", "and", "where", "which", "although", "though", "than"]);
static LEADING_CONNECTORS: Words = Words::new(&[
    "mais", "et", "enfin", "cependant", "pourtant", "evidemment", "évidemment", "toutefois", "or", "donc", "hier", "lundi", "mardi",
    "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "but", "and", "so", "yet", "however", "also", "still", "now", "then",
    "meanwhile", "earlier", "later", "ainsi", "puis", "alors", "aussi",
]);
static TRAILING_NP_WORDS: Words = Words::new(&[
    "also", "has", "have", "had", "would", "will", "could", "did", "does", "later", "then", "previously", "repeatedly", "once",
    "lui", "leur", "nous", "vous", "y", "en", "l", "me", "m", "te", "se", "s", "ne", "n", "has", "recently", "further", "simply",
    "even", "however", "only", "publicly", "already", "always", "never", "just", "again", "first", "earlier", "flatly", "told", "now",
    "still", "too",
]);
/// Honorific abbreviations whose full stop belongs to the name.
pub static HONORIFIC_ABBR: Words = Words::new(&["M", "MM", "Mr", "Mrs", "Ms", "Dr", "Pr", "Me", "Mgr", "St", "Sen", "Gov", "Rep", "Lt", "Gen", "Col", "Prof", "Capt", "Sgt"]);
static CLAUSE_STOPPERS: Words = Words::new(&["notamment", "même", "alors", "tandis", "tout", "ajoutant", "adding", "un", "while", "although", "though", "whereas", "noting", "saying"]);

fn is_punct_boundary(s: &str) -> bool {
    matches!(s, "," | ";" | ":" | "." | "!" | "?" | "«" | "»" | "“" | "”" | "\"" | "(" | ")" | "[" | "]" | "—" | "–" | "„" | "‹" | "›" | "…")
}

fn is_dot_of_honorific(t: &Toks, k: usize) -> bool {
    t.is_char(k, b'.') && k >= 1 && t.adjacent(k - 1, k) && HONORIFIC_ABBR.contains(t.text_of(k - 1))
}

/// The noun phrase just after token `from` (an inverted subject, or the source after "selon").
pub fn np_after(t: &Toks, from: usize, lang: Lang, skip_adjuncts: bool) -> Option<(Span, usize)> {
    let sent = t.sentence(from.saturating_sub(1));
    // After "“…,” said" any noun phrase may follow ("said oil and gas worker Mike Wipf").
    let after_quote = lang == Lang::En && from >= 2 && matches!(t.text_of(from - 2), "”" | "\"" | "’");
    let mut k = from;
    if skip_adjuncts {
        // "résume quant à elle Francisca Joly-Gomez"
        if t.low(k) == "quant" && t.low(k + 1) == "à" && matches!(t.low(k + 2), "elle" | "lui" | "eux" | "elles") {
            k += 3;
        }
        let skip = if lang == Lang::Fr { FR_SKIP_AFTER } else { EN_SKIP_AFTER };
        let mut hops = 0;
        while k < t.len() && t.sentence(k) == sent && hops < 4 && (skip.contains(t.low(k)) || (t.low(k) == "'" && t.low(k - 1) == "aujourd") || t.low(k) == "hui") {
            k += 1;
            hops += 1;
        }
    }
    if k >= t.len() || t.sentence(k) != sent {
        return None;
    }
    let first = t.low(k);
    let starts = t.is_cap_at(k)
        || t.doc.tokens[k].kind == crate::text::TokenKind::Number
        || matches!(
            first,
            "le" | "la" | "les" | "l" | "un" | "une" | "des" | "d" | "du" | "son" | "sa" | "ses" | "leur" | "leurs" | "plusieurs" | "certains" | "certaines"
                | "ce" | "cette" | "ces" | "il" | "elle" | "ils" | "elles" | "lui" | "eux" | "the" | "a" | "an" | "his" | "her" | "their" | "its" | "he" | "she"
                | "they" | "him" | "them" | "some" | "many" | "several" | "one" | "two" | "three" | "our" | "notre" | "nos" | "deux" | "trois" | "quelques"
        );
    // "…, said police Chief Joseph Boinnet.": after a comma too, when a name comes within a few words.
    let after_comma = lang == Lang::En && from >= 2 && t.is_char(from - 2, b',') && (k..(k + 6).min(t.len())).take_while(|&j| t.sentence(j) == sent && !is_punct_boundary(t.text_of(j))).any(|j| t.is_cap_at(j));
    let open_after_quote = (after_quote || after_comma) && t.is_word(k) && !matches!(first, "in" | "on" | "at" | "that" | "to" | "by" | "of" | "for" | "with" | "and" | "but" | "as");
    if !starts && !open_after_quote {
        return None;
    }
    // "selon lui, …", "selon elle un oasis de …": a stressed pronoun is the whole phrase
    if matches!(first, "lui" | "elle" | "eux" | "elles" | "him" | "her" | "them") {
        return Some((t.span(k), k + 1));
    }
    let stop = if lang == Lang::Fr { FR_NP_STOP } else { EN_NP_STOP };
    let start = k;
    let mut end = k;
    let mut has_cap = false;
    while end < t.len() && t.sentence(end) == sent && end - start < 14 {
        let w = t.low(end);
        let raw = t.text_of(end);
        if is_dot_of_honorific(t, end) {
            end += 1;
            continue;
        }
        // a subject pronoun opens the next clause ("Pour François Fillon il y avait …")
        // a subject pronoun opens the next clause, a finite verb ends the phrase ("selon les observateurs pourrait …")
        let clause_subject = lang == Lang::Fr
            && (matches!(w, "il" | "elle" | "ils" | "elles" | "on")
                || matches!(w, "est" | "sont" | "a" | "ont" | "était" | "étaient" | "sera" | "seront" | "serait" | "seraient" | "pourrait" | "pourraient" | "devrait" | "devraient" | "va" | "vont" | "peut" | "peuvent" | "doit" | "doivent"));
        if end > start && (is_punct_boundary(raw) || stop.contains(w) || clause_subject) {
            // "Williams et McLaren", "Smith and Jones": keep a coordination of names.
            if (w == "and" || w == "et") && has_cap && t.is_cap_at(end + 1) {
                end += 1;
                continue;
            }
            break;
        }
        if raw == "," && end == start {
            return None;
        }
        has_cap |= t.is_cap_at(end);
        end += 1;
    }
    // Drop trailing apostrophes and lone particles.
    while end > start + 1 && (t.is_apostrophe(end - 1) || matches!(t.low(end - 1), "de" | "d" | "du" | "des" | "of" | "the" | "le" | "la" | "l")) {
        end -= 1;
    }
    if end <= start {
        return None;
    }
    Some((Span::new(t.span(start).start, t.span(end - 1).end), end))
}

/// The noun phrase just before token `upto` within its sentence (a preposed subject). Returns the span and the
/// index of the token that bounded it on the left (if any).
pub fn np_before(t: &Toks, upto: usize, lang: Lang) -> Option<(Span, Option<usize>)> {
    if upto == 0 {
        return None;
    }
    let sent = t.sentence(upto);
    // "L'Union nationale des associations … (UNAPEI) a dénoncé": the acronym in brackets names the subject
    if upto >= 3 && t.is_char(upto - 1, b')') && t.is_char(upto - 3, b'(') && t.sentence(upto - 3) == sent {
        let a = t.text_of(upto - 2);
        if a.chars().count() >= 2 && a.chars().all(|c| c.is_uppercase() || c == '-' || c == '.') {
            return Some((t.span(upto - 2), None));
        }
    }
    // "a lack of leadership he says has left …": an English subject pronoun right before the verb is its whole
    // subject, whatever precedes it (a reduced relative clause)
    if lang == Lang::En && upto >= 2 && t.sentence(upto - 2) == sent && matches!(t.low(upto - 1), "he" | "she" | "they") && t.is_word(upto - 2) && !t.is_cap_at(upto - 2) {
        let bounds_word = EN_BOUNDARY_BEFORE.contains(t.low(upto - 2)) || matches!(t.low(upto - 2), "who" | "and" | "or");
        if !bounds_word {
            return Some((t.span(upto - 1), None));
        }
    }
    let bounds = if lang == Lang::Fr { FR_BOUNDARY_BEFORE } else { EN_BOUNDARY_BEFORE };
    let mut k = upto;
    let mut boundary = None;
    while k > 0 && upto - k < 14 {
        let j = k - 1;
        if t.sentence(j) != sent {
            // a closing mark just before ("“…?” he said"), not one ending the previous paragraph
            let same_paragraph = t.doc.text.get(t.span(j).end..t.span(k).start).is_some_and(|g| !g.contains('\n'));
            if matches!(t.text_of(j), "»" | "”" | "\"") && same_paragraph {
                boundary = Some(j);
            }
            break;
        }
        let raw = t.text_of(j);
        let w = t.low(j);
        if raw == "." && is_dot_of_honorific(t, j) {
            k = j;
            continue;
        }
        if is_punct_boundary(raw) || bounds.contains(w) || (w == "qui" || w == "who") {
            // "Smith and Jones said": keep a coordination of names.
            if (w == "and" || w == "et") && t.is_cap_at(j + 1) && j >= 1 && t.is_cap_at(j - 1) {
                k = j;
                continue;
            }
            boundary = Some(j);
            break;
        }
        k = j;
    }
    let mut a = k;
    let mut b = upto;
    while a < b && (LEADING_CONNECTORS.contains(t.low(a)) || t.is_char(a, b',')) {
        a += 1;
    }
    while b > a
        && (TRAILING_NP_WORDS.contains(t.low(b - 1))
            || t.is_apostrophe(b - 1)
            || (b - 1 > a && t.low(b - 1).ends_with("ment") && lang == Lang::Fr)
            || (b - 1 > a && t.low(b - 1).ends_with("ly") && !t.is_cap_at(b - 1) && lang == Lang::En))
    {
        // keep "s" of an English possessive out of the way too
        b -= 1;
    }
    // "Dans votre travail, vous expliquez": a subject pronoun is the whole subject, not a clitic to drop
    if a >= b && upto > k && matches!(t.low(upto - 1), "nous" | "vous") && t.sentence(upto - 1) == sent {
        return Some((t.span(upto - 1), boundary));
    }
    if a >= b {
        return if boundary.is_some() { Some((Span::new(t.span(upto).start, t.span(upto).start), boundary)) } else { None };
    }
    Some((Span::new(t.span(a).start, t.span(b - 1).end), boundary))
}

/// End of the clause starting at token `from`: the sentence's end, a semicolon, or a comma before a new clause.
pub fn clause_end(t: &Toks, from: usize, _lang: Lang) -> usize {
    let sent = t.sentence(from);
    let mut k = from;
    let mut last_end = t.span(from).end;
    while k < t.len() && t.sentence(k) == sent {
        let raw = t.text_of(k);
        // "at 8:40 a.m.": a colon between digits is a time, not the clause's end
        let time_colon = raw == ":" && k > from && t.adjacent(k - 1, k) && t.adjacent(k, k + 1) && t.text_of(k - 1).bytes().all(|c| c.is_ascii_digit()) && t.text_of(k + 1).bytes().all(|c| c.is_ascii_digit());
        if raw == ";" || (raw == ":" && k > from && !time_colon) {
            break;
        }
        // English: a dash or a parenthesis opens an aside of the journalist's ("… pipeline — a problem compounded
        // by …", "(both tournaments were moved)"), and ", and added …" a new cue
        if _lang == Lang::En && k > from && raw == "(" {
            break;
        }
        // an unpaired dash before a summarising noun phrase: "— a problem compounded by …"
        if _lang == Lang::En && k > from && raw == "—" && matches!(t.low(k + 1), "a" | "an" | "the" | "another" | "this" | "that") {
            let paired = (k + 1..t.len()).take(80).take_while(|&j| t.sentence(j) == sent).any(|j| t.text_of(j) == raw);
            if !paired {
                break;
            }
        }
        if _lang == Lang::En && raw == "," && t.low(k + 1) == "and" && matches!(t.low(k + 2), "added" | "said" | "says" | "noted" | "told" | "explained" | "stressed" | "insisted") {
            break;
        }
        // ", known as a developer certificate, …": an apposition of the journalist's
        if _lang == Lang::En && raw == "," && matches!(t.low(k + 1), "known" | "called" | "dubbed" | "named") && matches!(t.low(k + 2), "as" | "the" | "a") {
            break;
        }
        if raw == "," {
            let next = t.low(k + 1);
            if CLAUSE_STOPPERS.contains(next) && !(next == "un" && t.low(k + 2) != "jour") {
                break;
            }
            if next == "a" && t.low(k + 2).contains('-') {
                break;
            }
            // ", indiquant que…", ", adding that…": a participle clause of its own
            if t.is_word(k + 1) && !t.is_cap_at(k + 1) && ((_lang == Lang::Fr && next.ends_with("ant") && next.len() > 5) || (_lang == Lang::En && next.ends_with("ing") && next.len() > 5)) {
                break;
            }
        }
        if !matches!(raw, "." | "!" | "?" | "…") {
            last_end = t.span(k).end;
        }
        k += 1;
    }
    last_end
}

fn first_content_token(t: &Toks, from: usize, lang: Lang) -> usize {
    let mut k = from;
    while k < t.len() && LEADING_CONNECTORS.contains(t.low(k)) && lang == Lang::Fr && t.at_sentence_start(k) {
        k += 1;
        if t.is_char(k, b',') {
            k += 1;
        }
    }
    k
}

/// Build the frame of every cue.
pub fn frames(t: &Toks, cues: &[Cue], lang: Lang) -> Vec<Frame> {
    let mut out: Vec<Frame> = Vec::with_capacity(cues.len());
    for (ci, cue) in cues.iter().enumerate() {
        let sent = t.sentence(cue.first);
        let sentence_start = t.doc.sentences.get(sent).map_or(0, |s| s.span.start);
        let prev_tok = if cue.first > 0 { t.text_of(cue.first - 1) } else { "" };
        // A closing mark just before counts even when the splitter ended a sentence at "?”".
        let prev_raw = if cue.first > 0 && (t.sentence(cue.first - 1) == sent || matches!(prev_tok, "»" | "”" | "\"")) { prev_tok } else { "" };
        let prev_is_break = matches!(prev_raw, "," | "»" | "”" | "\"" | "’" | "›" | "“") || prev_raw.is_empty();
        let mut f = Frame { cue: *cue, subject: None, inverted: false, before_end: None, sentence_start, content: None, opens_at: None, borrows_subject: false, extra: None };
        match cue.kind {
            CueKind::Source => {
                // "(selon la nomenclature du JEL)": a reference in brackets, not a source of speech
                if prev_raw == "(" {
                    continue;
                }
                // "selon X, …" / "…, selon X." / "according to X, …"
                let Some((np, mut after)) = np_after(t, cue.last, lang, false) else { continue };
                if !is_source_np(t, np, lang) {
                    continue;
                }
                f.subject = Some(np);
                f.inverted = true;
                if lang == Lang::Fr {
                    if let Some(p) = published_in(t, np) {
                        f.subject = Some(p);
                        after = t.at_or_after(p.end);
                    }
                }
                // "pour X" always reports the words after it ("mais pour les démographes, …")
                let starts_sentence = t.at_sentence_start(cue.first)
                    || (cue.first >= 1 && LEADING_CONNECTORS.contains(t.low(cue.first - 1)) && t.at_sentence_start(cue.first - 1))
                    || (lang == Lang::Fr && t.low(cue.first) == "pour");
                if starts_sentence {
                    let mut k = after;
                    // "Selon un sondage Ifop publié dimanche par le JDD, …": the source's tail runs to its comma
                    if lang == Lang::Fr && !matches!(t.text_of(k), "," | ":") && t.is_word(k) {
                        if let Some(c) = (k..(k + 10).min(t.len())).take_while(|&j| t.sentence(j) == sent).find(|&j| t.is_char(j, b',')) {
                            k = c;
                        }
                    }
                    if t.is_char(k, b',') || t.is_char(k, b':') {
                        k += 1;
                    }
                    // "Pour le maire, Laurent Dupuis, « … »", "According to a spokesman for the agency, John Miller,
                    // …": a name in apposition to the source is not reported. In English only after a source naming
                    // a role, and a name of two words at least: "According to the report, Apple, Google and …"
                    // reports the list.
                    if t.is_cap_at(k) && (lang == Lang::Fr || t.doc.tokens_in(np).any(|i| crate::entities::role_head(t.low(i)).is_some())) {
                        if let Some(c) = (k..(k + 6).min(t.len())).take_while(|&j| t.sentence(j) == sent).find(|&j| t.is_char(j, b',')) {
                            let name_like = |j: usize| t.is_cap_at(j) || t.is_apostrophe(j) || t.is_char(j, b'-') || (lang == Lang::En && t.is_char(j, b'.') && j > k && t.text_of(j - 1).len() == 1);
                            let en_two_words = lang == Lang::Fr || (k..c).filter(|&j| t.is_cap_at(j)).count() >= 2;
                            if en_two_words && (k..c).all(|j| name_like(j) || (lang == Lang::Fr && matches!(t.low(j), "de" | "du" | "d" | "le" | "la"))) {
                                // The name is the source's own ("a spokesman for the Federal Reserve, John Miller"):
                                // in English the speaker is read from it, not from the organisation in the role.
                                if lang == Lang::En {
                                    f.subject = Some(Span::new(np.start, t.span(c - 1).end));
                                }
                                k = c + 1;
                            }
                        }
                    }
                    if k < t.len() && t.sentence(k) == sent {
                        f.content = Some(Span::new(t.span(k).start, clause_end(t, k, lang)));
                        f.opens_at = Some(t.span(k).start);
                    }
                } else if prev_raw != "," {
                    // "Une hypothèse qui n'est pas irréaliste selon X : …": the words before, and those after a colon.
                    let s = first_content_token(t, t.at_or_after(sentence_start), lang);
                    let goes_on = after < t.len() && t.sentence(after) == sent && t.is_word(after);
                    if goes_on && lang == Lang::Fr {
                        // "…, qui offriront selon lui un oasis de …": the clause around the cue, from the last comma
                        let from = (s..cue.first).rev().find(|&j| t.is_char(j, b',')).map_or(s, |j| j + 1);
                        // … to the next comma at most: the clause around the cue, not the sentence
                        let to = (after..t.len()).take_while(|&j| t.sentence(j) == sent).find(|&j| t.is_char(j, b',')).map(|j| t.span(j).start);
                        if from < cue.first {
                            let end = clause_end(t, after, lang);
                            f.content = Some(Span::new(t.span(from).start, to.map_or(end, |c| c.min(end))));
                        }
                    } else if t.span(s).start < cue.span.start && cue.first > s + 1 {
                        f.content = Some(Span::new(t.span(s).start, t.span(cue.first - 1).end));
                    }
                    if t.is_char(after, b':') && after + 1 < t.len() && t.sentence(after + 1) == sent {
                        let extra = Span::new(t.span(after + 1).start, clause_end(t, after + 1, lang));
                        f.opens_at = Some(extra.start);
                        if f.content.is_none() {
                            f.content = Some(extra);
                        } else {
                            f.extra = Some(extra);
                        }
                    }
                } else if prev_raw == "," {
                    let s = first_content_token(t, t.at_or_after(sentence_start), lang);
                    if after >= t.len() || t.sentence(after) != sent || matches!(t.text_of(after), "." | "!" | "?") {
                        f.before_end = Some(t.span(cue.first - 1).start);
                        if t.span(s).start < t.span(cue.first - 1).start {
                            f.content = Some(Span::new(t.span(s).start, t.span(cue.first - 1).start));
                        }
                    } else {
                        // in the middle: the whole sentence, the "selon X" included
                        f.content = Some(Span::new(t.span(s).start, clause_end(t, s, lang)));
                    }
                }
            }
            CueKind::Negated => continue,
            CueKind::Noun => {
                let Some(g) = view_frame(t, cue, &f, lang) else { continue };
                out.push(g);
                continue;
            }
            CueKind::Verb | CueKind::Participle | CueKind::Infinitive => {
                if lang == Lang::Fr {
                    if let Some(c) = comme_frame(t, cue, &f, lang, &out) {
                        out.push(c);
                        continue;
                    }
                }
                if let Some(p) = cue.inverted_pronoun {
                    f.subject = Some(p);
                    f.inverted = true;
                } else if matches!(cue.kind, CueKind::Participle | CueKind::Infinitive) {
                    f.borrows_subject = true;
                } else if prev_is_break {
                    if let Some((np, end)) = np_after(t, cue.last, lang, true) {
                        // English "…, says it's …" is a clause, not an inverted subject: the subject must end the clause.
                        let closes = end >= t.len() || t.sentence(end) != sent || is_punct_boundary(t.text_of(end)) || EN_AFTER_POSTPOSED.contains(t.low(end));
                        let fr_closes = closes || FR_NP_STOP.contains(t.low(end)) || FR_SKIP_AFTER.contains(t.low(end));
                        let clause = lang == Lang::En && en_np_is_clause(t, np);
                        // "Le ministre du Travail, Olivier Dussopt, a jugé ces chiffres …", "The White House press
                        // secretary, Sarah Sanders, told CNN …": the comma closes an apposition to the preposed
                        // subject, so what follows the verb is its object
                        let apposition_before = prev_raw == "," && closes_apposition(t, cue.first - 1, lang);
                        // English inverts "said Smith", never "told Smith": after "told" comes the addressee.
                        let takes_addressee = lang == Lang::En && EN_ADDRESSEE_VERBS.contains(t.low(cue.first));
                        if ((lang == Lang::Fr && fr_closes) || closes) && !clause && !apposition_before && !takes_addressee {
                            f.subject = Some(np);
                            f.inverted = true;
                        }
                    }
                }
                if !f.inverted && !f.borrows_subject {
                    let np_b = np_before(t, cue.first, lang);
                    // Speech inside a temporal clause ("un jour après que les médias ont révélé…") is background.
                    if let Some((_, Some(b))) = np_b {
                        if matches!(t.low(b), "que" | "qu") && b >= 1 && matches!(t.low(b - 1), "après" | "avant" | "depuis" | "dès" | "pendant") {
                            continue;
                        }
                        if t.low(b) == "after" || t.low(b) == "before" || t.low(b) == "since" {
                            continue;
                        }
                        // "higher than city reports say it is": a comparison, not reported speech
                        if lang == Lang::En && t.low(b) == "than" {
                            continue;
                        }
                    }
                    // "He said …, and added …": the coordinated verb shares the previous cue's subject.
                    let coordinated = np_b.is_some_and(|(np, b)| np.is_empty() && b.is_some_and(|b| matches!(t.low(b), "et" | "and")));
                    let prev_subject = out.iter().rev().take_while(|p| t.sentence(p.cue.first) == sent).find(|p| p.subject.is_some()).and_then(|p| p.subject);
                    let np_b = match (coordinated, prev_subject) {
                        (true, Some(ps)) => Some((ps, None)),
                        _ => np_b.map(|(np, b)| refine_subject(t, np, b, lang)),
                    };
                    if let Some((np, boundary)) = np_b {
                        if !np.is_empty() {
                            f.subject = Some(np);
                        }
                        // postposed non-inverted: "…, Smith said." / "“…,” he said."
                        if let Some(b) = boundary {
                            let braw = t.text_of(b);
                            let next_after = t.text_of(cue.last);
                            let ends = matches!(next_after, "." | "," | "!" | "?" | ";" | "") || t.sentence(cue.last) != sent || lang == Lang::En && EN_AFTER_POSTPOSED.contains(t.low(cue.last));
                            let after_mark = matches!(braw, "”" | "\"" | "»" | "’") && !matches!(t.low(cue.last), "that" | "que" | "qu");
                            // "…, he said, “…”": the cue introduces the quotation that follows, not the words before
                            let mut n = cue.last;
                            while matches!(t.text_of(n), "," | ":") {
                                n += 1;
                            }
                            let ends = ends && !(braw == "," && matches!(t.text_of(n), "“" | "«" | "\"" | "„") && t.sentence(n) == sent);
                            if matches!(braw, "," | "”" | "\"" | "»" | "’") && (ends || after_mark) && !np.is_empty() {
                                f.before_end = Some(t.span(b).start + if braw == "," { 0 } else { braw.len() });
                            }
                        }
                    }
                }
                if f.inverted && prev_is_break {
                    f.before_end = Some(if prev_raw == "," { t.span(cue.first - 1).start } else { t.span(cue.first).start });
                }
                if f.borrows_subject {
                    if let Some(p) = out.iter().rev().take_while(|p| t.sentence(p.cue.first) == sent).next() {
                        f.subject = p.subject;
                    } else if lang == Lang::En && cue.first >= 3 && t.low(cue.first - 1) == "as" && t.low(cue.first - 2) == "quoted" {
                        // "“…,” he was quoted as saying": the subject of "was quoted", after the quotation
                        let mut a = cue.first - 2;
                        while a > 0 && matches!(t.low(a - 1), "was" | "is" | "were" | "are" | "been" | "has" | "have" | "had" | "also" | "later") {
                            a -= 1;
                        }
                        if let Some((np, Some(b))) = np_before(t, a, lang) {
                            if !np.is_empty() && matches!(t.text_of(b), "”" | "\"" | "»") {
                                f.subject = Some(np);
                                f.before_end = Some(t.span(b).end);
                            }
                        }
                    } else if lang == Lang::En {
                        // "Roy Graf protested the bills, saying …": the sentence's subject
                        f.subject = en_sentence_subject(t, t.at_or_after(sentence_start), cue.first);
                    } else if lang == Lang::Fr && f.subject.is_none() {
                        // "… : « … ? », avant d'expliquer que …": the splitter ended the sentence inside the quotation;
                        // the clause goes on after its closing mark
                        let first = t.at_or_after(sentence_start);
                        let after_quote = (cue.first.saturating_sub(6)..cue.first).any(|j| matches!(t.text_of(j), "»" | "”"));
                        if matches!(t.text_of(first), "»" | "”" | "\"") || after_quote {
                            let para = |b: usize| t.doc.paragraph_at(b);
                            if let Some(p) = out.last().filter(|p| para(p.cue.span.start) == para(cue.span.start)) {
                                f.subject = p.subject;
                            }
                        }
                    }
                    // "Ils ont demandé au juge …, assurant que …": with no cue before, the sentence's own subject
                    if lang == Lang::Fr && f.subject.is_none() && cue.kind == CueKind::Participle && matches!(t.low(cue.last), "que" | "qu") {
                        f.subject = sentence_subject(t, sent);
                    }
                    // an infinitive with no clause subject to share ("il est difficile de dire que") reports nothing
                    if cue.kind == CueKind::Infinitive && f.subject.is_none() {
                        continue;
                    }
                }
                // What follows the cue: "que …", ": …", an infinitive, a quotation, an English bare clause.
                let end_np = if f.inverted && cue.inverted_pronoun.is_none() { np_after(t, cue.last, lang, true).map(|(_, e)| e) } else { None };
                let mut k = end_np.unwrap_or(cue.last);
                let mut hops = 0;
                let mut adverbs = 0;
                let next_cue_first = cues.get(ci + 1).map_or(usize::MAX, |c| c.first);
                // "« ruée » écrit-il : c'est …": a cue closing a quotation does not also report what follows a colon
                let closes_quote = f.before_end.is_some() && cue.first > 0 && matches!(t.text_of(cue.first - 1), "»" | "”" | "\"");
                while k < t.len() && t.sentence(k) == sent && hops < 10 && k < next_cue_first {
                    let w = t.low(k);
                    let raw = t.text_of(k);
                    // adverbs between the verb and its clause ("indiquant laconiquement que", "affirmaient même ne …")
                    if lang == Lang::Fr && !f.inverted && adverbs < 3 && t.is_word(k) && !t.is_cap_at(k) && is_fr_adverb(w) {
                        k += 1;
                        adverbs += 1;
                        continue;
                    }
                    if raw == ":" && closes_quote {
                        break;
                    }
                    if matches!(raw, "." | "!" | "?" | ";") || (w == "et" || w == "and") {
                        break;
                    }
                    if raw == ":" {
                        let n = k + 1;
                        if n < t.len() && t.sentence(n) == sent {
                            f.opens_at = Some(t.span(n).start);
                            // a quotation after the colon is the direct quote; only unquoted words are reported
                            if !(lang == Lang::Fr && matches!(t.text_of(n), "«" | "“" | "\"" | "„")) {
                                f.content = Some(Span::new(t.span(n).start, clause_end(t, n, lang)));
                            }
                        } else if n < t.len() {
                            f.opens_at = Some(t.span(n).start);
                        }
                        break;
                    }
                    if matches!(raw, "«" | "“" | "\"" | "„") {
                        f.opens_at = Some(t.span(k).start);
                        break;
                    }
                    if w == "que" || w == "qu" || (lang == Lang::En && w == "that") {
                        // "says that’s not what …": "that’s" is a demonstrative subject, part of the clause
                        let demonstrative = lang == Lang::En && t.is_apostrophe(k + 1) && t.adjacent(k, k + 1) && matches!(t.low(k + 2), "s" | "ll" | "d");
                        let n = if w == "qu" { k + 2 } else if demonstrative { k } else { k + 1 };
                        if n < t.len() && t.sentence(n) == sent {
                            f.content = Some(Span::new(t.span(n).start, clause_end(t, n, lang)));
                            f.opens_at = Some(t.span(n).start);
                        }
                        break;
                    }
                    // "a accusé Sharon d'avoir fait échouer…": the infinitive after the object
                    if lang == Lang::Fr && hops <= 4 && matches!(w, "d" | "de") && matches!(t.low(k + 1 + usize::from(t.is_apostrophe(k + 1))), "avoir" | "être" | "ne" | "n") && !f.inverted {
                        let n = k + 1 + usize::from(t.is_apostrophe(k + 1));
                        f.content = Some(Span::new(t.span(n).start, clause_end(t, n, lang)));
                        break;
                    }
                    // (time words may come first: "a affirmé jeudi avoir reçu des menaces")
                    let only_time_words = (cue.last..k).all(|j| FR_SKIP_AFTER.contains(t.low(j)) || is_fr_adverb(t.low(j)));
                    if lang == Lang::Fr && (hops == 0 || only_time_words) && (matches!(w, "ne" | "avoir" | "être") || (w == "n" && t.is_apostrophe(k + 1)) || fr_infinitive_like(w) && !commissive(t.low(cue.last - 1))) && !f.inverted {
                        f.content = Some(Span::new(t.span(k).start, clause_end(t, k, lang)));
                        break;
                    }
                    let told = EN_ADDRESSEE_VERBS.contains(t.low(cue.first));
                    // "said Thursday one of …": time words may come between the verb and its clause
                    let only_time_before = (cue.last..k).all(|j| EN_SKIP_AFTER.contains(t.low(j)) && t.low(j) != "on" && t.low(j) != "this" || t.is_char(j, b','));
                    // Verbs other than "say" often take a noun object ("added a goal", "announced the end of"): their bare
                    // content must look like a clause.
                    let clause_ok = en_say(t.low(cue.first)) || en_clause_like(t, k);
                    if lang == Lang::En && !f.inverted && f.before_end.is_none() && en_clause_start(t, k) && clause_ok && ((only_time_before && !told) || (told && hops >= 1 && en_pronoun(t, k))) {
                        f.content = Some(Span::new(t.span(k).start, clause_end(t, k, lang)));
                        break;
                    }
                    if lang == Lang::Fr && hops == 0 && t.is_word(k) && !t.is_cap_at(k) && !FR_SKIP_AFTER.contains(w) && !f.inverted && !matches!(w, "à" | "au" | "aux" | "lors" | "dans" | "devant" | "mardi" | "en" | "par" | "sur" | "d" | "de") {
                        // a bare object ("annoncer la rupture") is not reported speech
                        break;
                    }
                    k += 1;
                    hops += 1;
                }
                // Postposed cue with plain content before: "Il faut agir, a estimé X."
                if let Some(be) = f.before_end {
                    let s = first_content_token(t, t.at_or_after(sentence_start), lang);
                    let s_at = t.span(s).start;
                    let last_before = t.before(be);
                    let closing = last_before > 0 && matches!(t.text_of(last_before - 1), "»" | "”" | "\"" | "’" | "›");
                    let n_words = (s..last_before).filter(|&i| t.is_word(i)).count();
                    let name_like = (s..last_before).filter(|&i| t.is_word(i)).all(|i| t.is_cap_at(i) || matches!(t.low(i), "de" | "du" | "of" | "the" | "and" | "et"));
                    let fr_plain = lang == Lang::Fr && !f.inverted;
                    // "Tim Bale, a politics professor at …," is an apposition, not reported words
                    let first_comma = (s..last_before).find(|&i| t.is_char(i, b',')).unwrap_or(last_before);
                    let seg_words = (s..first_comma).filter(|&i| t.is_word(i)).count();
                    let namey = |i: usize| t.is_cap_at(i) || t.is_apostrophe(i) || matches!(t.low(i), "s" | "of" | "de" | "du" | "la" | "le");
                    let name_segment = first_comma < last_before && seg_words <= 6 && (seg_words >= 2 || lang == Lang::Fr) && (s..first_comma).filter(|&i| t.is_word(i)).all(namey);
                    // "DeLaet's agent, Danny Fritz," : a name closing the stretch is an apposition too
                    let last_comma = (s..last_before).rev().find(|&i| t.is_char(i, b','));
                    let name_segment = name_segment
                        || last_comma.is_some_and(|c| {
                            let ws: Vec<usize> = (c + 1..last_before).filter(|&i| t.is_word(i)).collect();
                            !ws.is_empty() && ws.len() <= 4 && ws.iter().all(|&i| t.is_cap_at(i))
                        });
                    let fr_plain = fr_plain || name_segment;
                    // "La crise « est un test » et « les enjeux sont énormes », a-t-il déclaré": unquoted words open the
                    // stretch, so the whole clause is reported (mixed) even though it ends with a closing mark
                    let unquoted_lead = closing && lang == Lang::Fr && {
                        let first_mark = (s..last_before).find(|&i| matches!(t.text_of(i), "«" | "»" | "“" | "”" | "\"" | "„"));
                        first_mark.is_some_and(|m| {
                            let opening = matches!(t.text_of(m), "«" | "“" | "„") || t.text_of(m) == "\"" && m > s && !t.adjacent(m - 1, m);
                            // an adjunct set off by a comma before the quotation, or several quoted fragments; a bare
                            // subject before one quoted predicate is left to the direct quote
                            let fragments = (m..last_before).filter(|&i| matches!(t.text_of(i), "«" | "“" | "„")).count();
                            opening && (s..m).filter(|&i| t.is_word(i)).count() >= 2 && (t.is_char(m - 1, b',') || fragments >= 2)
                        })
                    };
                    if (!closing || unquoted_lead) && !fr_plain && s_at < be && f.content.is_none() && n_words >= 2 && !(name_like && n_words <= 5) {
                        f.content = Some(Span::new(s_at, be));
                    }
                    // An incise in the middle of the reported words ("Police, Sinclair says, have no policies …"):
                    // the words after it are reported too.
                    let group_end = if f.inverted && cue.inverted_pronoun.is_none() { np_after(t, cue.last, lang, true).map_or(cue.last, |(_, e)| e) } else { cue.last };
                    let apposition_next = matches!(
                        t.low(group_end + 1),
                        "le" | "la" | "les" | "l" | "un" | "une" | "des" | "son" | "sa" | "ses" | "leur" | "the" | "a" | "an" | "his" | "her" | "their" | "its" | "who" | "qui" | "dont" | "which"
                    ) || t.is_cap_at(group_end + 1);
                    if !closing && !apposition_next && t.is_char(group_end, b',') && group_end + 1 < t.len() && t.sentence(group_end + 1) == sent && t.is_word(group_end + 1) {
                        let n = group_end + 1;
                        // "…, said Mark Garth, executive director of …" is an apposition: English words after the incise
                        // must make a clause
                        if (lang != Lang::En || en_clause_like(t, n)) && (n..t.len()).take_while(|&i| t.sentence(i) == sent).filter(|&i| t.is_word(i)).count() >= 3 {
                            let after_span = Span::new(t.span(n).start, clause_end(t, n, lang));
                            if f.content.is_some() {
                                f.extra = Some(after_span);
                            } else {
                                f.content = Some(after_span);
                            }
                        }
                    }
                }
            }
        }
        // "conclude" reports words only after a quotation ("“…,” Sinclair concludes."); elsewhere it is a finding
        if lang == Lang::En && matches!(t.low(cue.first), "conclude" | "concludes" | "concluded" | "concluding") && !(f.before_end.is_some() && f.content.is_none()) {
            continue;
        }
        out.push(f);
    }
    // A clause never runs over the words reported by a later postposed cue of its sentence ("…, qui offriront selon
    // lui un oasis …, a indiqué X"): it stops where that cue's reported words end.
    // An English clause stops before the subject of another cue of its sentence ("According to EHS, the target is
    // met but Chapman says that’s not so").
    if lang == Lang::En {
        let mut starts: Vec<(usize, usize)> = out.iter().filter(|f| !f.inverted && f.cue.kind == CueKind::Verb).filter_map(|f| f.subject.map(|s| (s.start, f.cue.span.start))).collect();
        crate::text::sort_by_u64(&mut starts, |&(s, c)| crate::text::pair_key(s, c));
        for f in &mut out {
            let Some(c) = f.content.as_mut() else { continue };
            let i = starts.partition_point(|&(s, _)| s <= c.start);
            // only a contrasting clause of its own: "… but Chapman says", "…, while the union says"
            let contrast = |s: usize| {
                let b = t.before(s);
                b >= 1 && matches!(t.low(b - 1), "but" | "while" | "whereas" | "although")
            };
            if let Some(&(s, _)) = starts[i..].iter().take_while(|&&(s, _)| s < c.end).find(|&&(s, cue)| cue < c.end && s > c.start && contrast(s)) {
                let mut e = t.before(s);
                while e > 0 && matches!(t.low(e - 1), "but" | "and" | "," | "while" | "whereas") && t.span(e - 1).start > c.start {
                    e -= 1;
                }
                if e > 0 && t.span(e - 1).end > c.start {
                    c.end = t.span(e - 1).end;
                }
            }
        }
    }
    let cuts: Vec<(usize, usize)> = out.iter().filter_map(|f| f.before_end.map(|be| (f.cue.span.start, be))).collect();
    for f in &mut out {
        if let Some(c) = f.content.as_mut() {
            let i = cuts.partition_point(|&(cs, _)| cs <= c.start);
            if let Some(&(cs, be)) = cuts.get(i) {
                if cs < c.end && be > c.start && be < c.end {
                    c.end = be;
                }
            }
        }
    }
    out
}

/// The subject opening an English sentence (tokens `from..upto`): a subject pronoun, or a run of capitalised
/// words (a name) followed by a lower-case word.
fn en_sentence_subject(t: &Toks, from: usize, upto: usize) -> Option<Span> {
    let mut k = from;
    while k < upto && (LEADING_CONNECTORS.contains(t.low(k)) || t.is_char(k, b',')) {
        k += 1;
    }
    if k >= upto {
        return None;
    }
    if matches!(t.low(k), "he" | "she" | "they") {
        return Some(t.span(k));
    }
    let mut e = k;
    while e < upto && (t.is_cap_at(e) || (e > k && t.is_char(e, b'.') && is_dot_of_honorific(t, e))) {
        e += 1;
    }
    (e > k && e < upto && t.is_word(e) && !t.is_cap_at(e)).then(|| Span::new(t.span(k).start, t.span(e - 1).end))
}

/// A name (capitalised words, honorifics, particles) opening the sentence of token `b` and followed by a comma
/// before `b`: "Jane Roe, a lawyer in Toronto who …, said".
fn en_sentence_name_before_comma(t: &Toks, b: usize) -> Option<Span> {
    let sent = t.sentence(b);
    let mut k = b;
    // (bounded: an apposition is a few dozen words at most)
    while k > 0 && t.sentence(k - 1) == sent && b - k < 60 {
        k -= 1;
    }
    if k > 0 && t.sentence(k - 1) == sent {
        return None;
    }
    while k < b && LEADING_CONNECTORS_SUBJ.contains(t.low(k)) {
        k += 1;
    }
    let start = k;
    let mut e = k;
    while e < b
        && (t.is_cap_at(e)
            || is_dot_of_honorific(t, e)
            || (e > start && matches!(t.low(e), "de" | "van" | "von" | "al" | "el" | "bin") && t.is_cap_at(e + 1))
            || (e > start && t.is_apostrophe(e) && t.adjacent(e - 1, e) && t.adjacent(e, e + 1) && t.is_word(e + 1) && t.low(e + 1) != "s"))
    {
        e += 1;
    }
    // two words at least (a lone capital may be any word opening the sentence, but not before ", who": "Hadwin,
    // who …"), a comma right after
    let words = (start..e).filter(|&i| t.is_word(i)).count();
    let named = words >= 2 || (words == 1 && t.low(e + 1) == "who");
    (named && e < b && t.is_char(e, b',') && !EN_DETS_SUBJ.contains(t.low(start))).then(|| Span::new(t.span(start).start, t.span(e - 1).end))
}

static EN_DETS_SUBJ: Words = Words::new(&["the", "a", "an", "this", "that", "in", "on", "at", "for", "after", "before", "when", "while", "under", "with", "as", "since"]);

/// "say" in any form: the verb whose bare object is nearly always a clause ("said the plan failed").
/// The antecedent of an English relative pronoun inside the phrase `np` before it: what follows the last
/// preposition or verb of saying ("he heard from many Green supporters who said" → "many Green supporters"; not
/// "of": "members of the party who said" are members), with the token cut at.
fn en_relative_antecedent(t: &Toks, np: Span) -> Option<(Span, usize)> {
    let toks = t.doc.tokens_in(np);
    let cut = toks.clone().rev().find(|&i| i + 1 < toks.end && (matches!(t.low(i), "from" | "to" | "with" | "by" | "at" | "in" | "on" | "about" | "for" | "among") || en_say(t.low(i))))?;
    Some((Span::new(t.span(cut + 1).start, np.end), cut))
}

fn en_say(w: &str) -> bool {
    matches!(w, "say" | "says" | "said" | "saying")
}

/// Auxiliaries, modals and copulas: a finite verb in the words after a cue makes them a clause.
static EN_FINITE: Words = Words::new(&[
    "is", "are", "was", "were", "has", "have", "had", "will", "would", "can", "could", "should", "may", "might", "must", "does", "did",
    "do", "isn", "aren", "wasn", "weren", "hasn", "haven", "hadn", "won", "wouldn", "couldn", "shouldn", "didn", "doesn", "don", "cannot",
]);

/// Is the token at `k` a finite auxiliary (also the contracted "’s", "’re", "’ll" after a word)?
fn en_finite_at(t: &Toks, k: usize) -> bool {
    EN_FINITE.contains(t.low(k)) || (k >= 1 && t.is_apostrophe(k - 1) && t.adjacent(k - 1, k) && matches!(t.low(k), "s" | "re" | "ll" | "ve" | "d") && k >= 2 && en_subject_pronoun(t.low(k - 2)))
}

fn en_subject_pronoun(w: &str) -> bool {
    matches!(w, "he" | "she" | "it" | "they" | "we" | "i" | "you" | "there")
}

/// Do the words from token `k` look like a clause rather than a noun object: a subject pronoun first, or a finite
/// auxiliary within the first words before any punctuation ("the plan would fail" vs "a goal and an assist").
fn en_clause_like(t: &Toks, k: usize) -> bool {
    if en_subject_pronoun(t.low(k)) {
        return true;
    }
    let sent = t.sentence(k);
    // a short adverbial first ("for others, it can …", "often, paramedics won't …")
    let adverbial = matches!(t.low(k), "for" | "in" | "on" | "at" | "with" | "after" | "before" | "when" | "if" | "as" | "often" | "now" | "still" | "then" | "instead" | "however" | "sometimes" | "today" | "yesterday" | "last" | "this");
    let mut j = k;
    let mut limit = k + 9;
    while j < t.len() && j < limit && t.sentence(j) == sent {
        let raw = t.text_of(j);
        if raw == "," && adverbial && j <= k + 5 && limit == k + 9 {
            limit = j + 9;
            j += 1;
            if en_subject_pronoun(t.low(j)) {
                return true;
            }
            continue;
        }
        if matches!(raw, "," | ";" | ":" | "." | "(" | "—" | "–") || (j > k && matches!(t.low(j), "that" | "which" | "who" | "whose" | "where")) {
            return false;
        }
        if en_finite_at(t, j) {
            return true;
        }
        // "Meng deceived …": a past form right after a name
        if j > k && j <= k + 3 && t.is_cap_at(j - 1) && !t.is_cap_at(j) && t.low(j).ends_with("ed") {
            return true;
        }
        j += 1;
    }
    false
}

/// Does a noun phrase found after a cue hold a verb, so that it is a clause and not an inverted subject
/// ("…, said he grabbed the bag", "…, said the plan would fail")?
fn en_np_is_clause(t: &Toks, np: Span) -> bool {
    let toks = t.doc.tokens_in(np);
    // a long phrase with no capital is a clause too ("said Sunday a prolonged standoff only makes all sides look")
    let long_common = toks.len() > 5 && !toks.clone().any(|j| t.is_cap_at(j));
    en_subject_pronoun(t.low(toks.start)) && toks.len() > 1 || long_common || toks.clone().any(|j| en_finite_at(t, j))
}

/// "selon un sondage paru hier dans le quotidien local Deseret News": a study or poll speaks through the named
/// paper (or body) that published it.
fn published_in(t: &Toks, np: Span) -> Option<Span> {
    let toks = t.doc.tokens_in(np);
    let mut k = toks.start;
    while k < toks.end && (matches!(t.low(k), "un" | "une" | "le" | "la" | "l" | "ce" | "cette" | "les" | "des" | "de" | "d") || t.is_apostrophe(k)) {
        k += 1;
    }
    if !matches!(t.low(k), "sondage" | "sondages" | "étude" | "études" | "enquête" | "enquêtes" | "rapport" | "rapports" | "article") {
        return None;
    }
    // "un sondage Ifop": the pollster named is the source
    if t.is_cap_at(k + 1) {
        return None;
    }
    let sent = t.sentence(k);
    let end = (k + 14).min(t.len());
    let published = (k + 1..end).take_while(|&j| t.sentence(j) == sent).find(|&j| matches!(t.low(j), "paru" | "parue" | "parus" | "parues" | "publié" | "publiée" | "publiés" | "publiées"))?;
    let by = (published + 1..end).take_while(|&j| t.sentence(j) == sent && t.is_word(j)).find(|&j| matches!(t.low(j), "dans" | "par"))?;
    let first = (by + 1..end).take_while(|&j| t.sentence(j) == sent && (t.is_word(j) || t.is_apostrophe(j))).find(|&j| t.is_cap_at(j) && !matches!(t.low(j - 1), "de" | "du" | "des" | "d"))?;
    let mut last = first;
    while last + 1 < t.len() && t.is_cap_at(last + 1) {
        last += 1;
    }
    // "le Journal du dimanche": a title goes on to the punctuation
    let mut j = last + 1;
    while j < t.len() && j <= last + 3 && t.sentence(j) == sent && t.is_word(j) {
        j += 1;
    }
    if j > last + 1 && j < t.len() && matches!(t.text_of(j), "," | "." | ":" | ";") && matches!(t.low(last + 1), "du" | "de" | "des" | "d") {
        last = j - 1;
    }
    Some(Span::new(t.span(first).start, t.span(last).end))
}

/// "L'hypothèse de Stephen Smith consiste à dire que …", "l'idée de Smith est que …", "Le modèle de Smith repose
/// sur l'idée que …": a view's noun reports the "que" clause that follows closely, for the name after "de" (after
/// the noun, else in the sentence before it). Without a named holder ("l'idée que la Terre est plate") nothing.
fn view_frame(t: &Toks, cue: &Cue, f: &Frame, lang: Lang) -> Option<Frame> {
    let sent = t.sentence(cue.first);
    let name_at = |k: usize| -> Option<(Span, usize)> {
        let k = if t.is_apostrophe(k) { k + 1 } else { k };
        if !t.is_cap_at(k) || t.sentence(k) != sent {
            return None;
        }
        let mut e = k;
        while e + 1 < t.len() && t.is_cap_at(e + 1) && t.sentence(e + 1) == sent {
            e += 1;
        }
        Some((Span::new(t.span(k).start, t.span(e).end), e + 1))
    };
    let de = |k: usize| matches!(t.low(k), "de" | "d");
    let (subject, mut k) = if de(cue.last) {
        name_at(cue.last + 1)?
    } else {
        // the name in the sentence's subject before the noun ("Le modèle de Smith repose sur l'idée que")
        let s = t.at_or_after(f.sentence_start);
        let found = (s..cue.first).rev().filter(|&j| de(j)).find_map(|j| name_at(j + 1))?;
        (found.0, cue.last)
    };
    // "est que", "consiste à dire que", "que" within a few words, no punctuation on the way
    let limit = (k + 5).min(t.len());
    while k < limit && t.is_word(k) && !matches!(t.low(k), "que" | "qu") && matches!(t.low(k), "est" | "était" | "consiste" | "consistait" | "à" | "dire" | "affirmer" | "soutenir") {
        k += 1;
    }
    if !matches!(t.low(k), "que" | "qu") || t.sentence(k) != sent {
        return None;
    }
    let n = if t.low(k) == "qu" { k + 2 } else { k + 1 };
    if n >= t.len() || t.sentence(n) != sent {
        return None;
    }
    let mut g = f.clone();
    g.subject = Some(subject);
    g.content = Some(Span::new(t.span(n).start, clause_end(t, n, lang)));
    Some(g)
}

/// The subject opening sentence `sent` (French): its first words up to the verb, if they look like a subject.
fn sentence_subject(t: &Toks, sent: usize) -> Option<Span> {
    let start = t.at_or_after(t.doc.sentences.get(sent)?.span.start);
    let mut k = start;
    while LEADING_CONNECTORS_SUBJ.contains(t.low(k)) || t.is_char(k, b',') {
        k += 1;
    }
    let mut e = k;
    while e < t.len() && t.sentence(e) == sent && e - k < 8 && t.is_word(e) && !FR_AUX.contains(t.low(e)) && !matches!(t.low(e), "qui" | "que" | "qu" | "est" | "sont" | "était" | "étaient" | "ne" | "n") {
        e += 1;
    }
    // a verb must follow (an auxiliary or a negation), else the words are not a subject
    (e > k && e < t.len() && (FR_AUX.contains(t.low(e)) || matches!(t.low(e), "est" | "sont" | "était" | "étaient" | "ne" | "n"))).then(|| Span::new(t.span(k).start, t.span(e - 1).end))
}

static FR_AUX: Words = Words::new(&["a", "ont", "avait", "avaient", "aura", "auront", "aurait", "auraient", "eut", "eurent"]);

/// Does the comma at `comma` close an apposition opened at the sentence's start ("Le ministre du Travail, Olivier
/// Dussopt,", "Sophie Binet, secrétaire générale de la CGT,")? One side is a name, the other a short noun phrase.
fn closes_apposition(t: &Toks, comma: usize, lang: Lang) -> bool {
    let sent = t.sentence(comma);
    let start = t.at_or_after(t.doc.sentences.get(sent).map_or(0, |s| s.span.start));
    // bounded: an apposition opened at the sentence's start is a few words long
    if comma > start + 20 {
        return false;
    }
    let Some(open) = (start..comma).find(|&k| t.is_char(k, b',')) else { return false };
    if (open + 1..comma).any(|k| t.is_char(k, b',')) || open - start > 8 || comma - open > 9 || open == start {
        return false;
    }
    let words = |a: usize, b: usize| (a..b).filter(|&k| t.is_word(k)).collect::<Vec<_>>();
    let (particles, determiners, verbs) = match lang {
        Lang::Fr => (&FR_APPOSITION_PARTICLES, &FR_APPOSITION_DETERMINERS, &FR_APPOSITION_VERBS),
        Lang::En => (&EN_APPOSITION_PARTICLES, &EN_APPOSITION_DETERMINERS, &EN_APPOSITION_VERBS),
    };
    let name = |a: usize, b: usize| {
        let w = words(a, b);
        !w.is_empty() && w.len() <= 4 && w.iter().all(|&k| t.is_cap_at(k) || particles.contains(t.low(k)))
    };
    let np = |a: usize, b: usize| {
        let w = words(a, b);
        !w.is_empty() && (determiners.contains(t.low(a)) || !t.is_cap_at(a)) && !w.iter().any(|&k| verbs.contains(t.low(k)))
    };
    (name(start, open) && np(open + 1, comma)) || (np(start, open) && name(open + 1, comma))
}

/// Words of an apposition test ([`closes_apposition`]): lower-case words inside a name, determiners opening a
/// noun phrase ("le porte-parole", "the press secretary"), verbs that make the words a clause instead.
static FR_APPOSITION_PARTICLES: Words = Words::new(&["d", "de", "du", "la", "le"]);
static FR_APPOSITION_DETERMINERS: Words = Words::new(&["l", "la", "le", "les", "sa", "son", "un", "une"]);
static FR_APPOSITION_VERBS: Words = Words::new(&["a", "est", "ont", "qu", "que", "qui", "sont"]);
static EN_APPOSITION_PARTICLES: Words = Words::new(&["de", "of", "van", "von"]);
static EN_APPOSITION_DETERMINERS: Words = Words::new(&["a", "an", "her", "his", "its", "the", "their"]);
static EN_APPOSITION_VERBS: Words = Words::new(&[
    "are", "can", "could", "did", "does", "had", "has", "have", "is", "may", "might", "must", "shall", "should", "that", "was", "were",
    "which", "who", "will", "would",
]);
/// English speech verbs whose object is the addressee ("told reporters"), never an inverted subject.
static EN_ADDRESSEE_VERBS: Words = Words::new(&["assured", "informed", "reminded", "tell", "telling", "tells", "told", "warned"]);

/// Is `w` (lower case) an adverb that may sit between a verb and its clause? Negations are not.
fn is_fr_adverb(w: &str) -> bool {
    (super::cues::FR_ADVERBS.contains(w) && !matches!(w, "pas" | "jamais" | "plus" | "lui" | "leur")) || (w.ends_with("ment") && w.chars().count() > 6)
}

/// Verbs whose bare infinitive complement is an intention or advice, not a statement ("annoncent faire acte de
/// candidature", "promet de", "conseille"): only "ne"/"avoir"/"être" clauses count after them.
fn commissive(verb: &str) -> bool {
    ["annon", "promet", "promi", "conseill", "lanc", "prév", "avert", "menac", "propos"].iter().any(|p| verb.starts_with(p))
}

/// Words ending like an infinitive that are not one (adjectives, nouns, prepositions).
static NOT_INFINITIVES: Words = Words::new(&[
    "autre", "cadre", "centre", "cher", "contraire", "contre", "dernier", "désir", "entier", "entre", "espoir", "fier", "guerre", "hier",
    "hiver", "leur", "libre", "lettre", "loisir", "membre", "noir", "nombre", "notre", "ordre", "outre", "particulier", "pire", "plaisir",
    "premier", "propre", "quartier", "soir", "super", "terre", "titre", "votre", "avenir", "sincère", "nécessaire", "ordinaire",
]);

/// Does `w` look like a French infinitive ("vendre", "avoir", "accélérer") after a verb of saying ("avoue vendre")?
fn fr_infinitive_like(w: &str) -> bool {
    w.chars().count() >= 4 && (w.ends_with("er") || w.ends_with("ir") || w.ends_with("re")) && !NOT_INFINITIVES.contains(w) && (!w.ends_with("aire") || matches!(w, "faire" | "taire" | "plaire"))
}

/// An anaphoric cue: "…, comme certains scientifiques le définissent", "comme le montre X, …", "…, ainsi que vous
/// l'avez expliqué". The clitic "le"/"l'" points back (or forward) to the reported words.
fn comme_frame(t: &Toks, cue: &Cue, f: &Frame, lang: Lang, before: &[Frame]) -> Option<Frame> {
    let j = cue.first;
    let clitic = if j >= 1 && t.low(j - 1) == "le" {
        j - 1
    } else if j >= 2 && t.is_apostrophe(j - 1) && t.low(j - 2) == "l" {
        j - 2
    } else {
        return None;
    };
    let sent = t.sentence(j);
    let is_comme = |k: usize| t.sentence(k) == sent && (t.low(k) == "comme" || (t.low(k) == "que" && k >= 1 && t.low(k - 1) == "ainsi"));
    let opener = |k: usize| if t.low(k) == "que" { k - 1 } else { k };
    let (subject, comme_at, inverted) = if clitic >= 1 && is_comme(clitic - 1) {
        // "comme le montre Florence Audier", "ainsi que l'a dit X", "comme l'a-t-il dit"
        let subj = match cue.inverted_pronoun {
            Some(p) => p,
            None => np_after(t, cue.last, lang, true)?.0,
        };
        (subj, opener(clitic - 1), true)
    } else {
        let (np, b) = np_before(t, clitic, lang)?;
        let b = b.filter(|&b| is_comme(b))?;
        if np.is_empty() {
            return None;
        }
        (np, opener(b), false)
    };
    let mut g = f.clone();
    g.subject = Some(subject);
    g.inverted = inverted;
    let s = first_content_token(t, t.at_or_after(f.sentence_start), lang);
    if comme_at >= 1 && t.is_char(comme_at - 1, b',') && comme_at - 1 > s {
        // the words before: from the last comma before them (fronted adjuncts are the journalist's)
        let end = comme_at - 1;
        let mut from = (s..end).rev().find(|&k| t.is_char(k, b',')).map_or(s, |k| k + 1);
        // "Peut-on avancer que X, ainsi que vous l'avez expliqué": the clause another cue of the sentence opened
        if let Some(c) = before.iter().rev().take_while(|p| t.sentence(p.cue.first) == sent).filter_map(|p| p.content).find(|c| c.start > t.span(from).start && c.start < t.span(end).start) {
            from = t.at_or_after(c.start);
        }
        if (from..end).filter(|&k| t.is_word(k)).count() >= 3 {
            g.content = Some(Span::new(t.span(from).start, t.span(end - 1).end));
        }
    } else if comme_at <= s + 2 {
        // "Or, comme le montre X, les Français …": the words after the cue's group
        let group_end = if inverted { t.at_or_after(subject.end) } else { cue.last };
        let mut k = group_end;
        while k < t.len() && t.sentence(k) == sent && k < group_end + 6 && !t.is_char(k, b',') {
            k += 1;
        }
        if t.is_char(k, b',') && k + 1 < t.len() && t.sentence(k + 1) == sent {
            g.content = Some(Span::new(t.span(k + 1).start, clause_end(t, k + 1, lang)));
        }
    }
    g.content?;
    Some(g)
}

fn en_pronoun(t: &Toks, k: usize) -> bool {
    matches!(t.low(k), "he" | "she" | "it" | "they" | "we" | "i" | "there")
}

static MONTHS: Words = Words::new(&[
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "january", "february", "march",
    "april", "june", "july", "august", "september", "october", "november", "december",
]);

/// Words after "said" that do not open a reported clause ("said goodbye", "said in a statement", "said Friday").
static EN_NOT_CLAUSE: Words = Words::new(&[
    "to", "in", "on", "at", "for", "with", "by", "from", "about", "of", "during", "after", "before", "yes", "no", "goodbye", "hello",
    "nothing", "something", "so", "and", "but", "or", "as", "through", "via", "earlier", "later", "last", "previously", "publicly",
    "privately", "repeatedly", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "yesterday", "today",
    "tonight", "once", "twice", "again", "also", "recently", "sorry", "thanks", "thank", "hi", "otherwise", "much", "little", "more",
    "less", "anything", "everything", "what", "why", "how", "when", "who", "whom", "whose", "which", "if", "whether", "then", "here",
]);

fn en_clause_start(t: &Toks, k: usize) -> bool {
    let w = t.low(k);
    if MONTHS.contains(w) {
        return false;
    }
    if t.is_word(k) && !EN_NOT_CLAUSE.contains(w) || t.doc.tokens.get(k).is_some_and(|x| x.kind == crate::text::TokenKind::Number) {
        return true;
    }
    matches!(
        w,
        "he" | "she" | "it" | "they" | "we" | "i" | "there" | "this" | "these" | "those" | "the" | "a" | "an" | "his" | "her" | "their" | "its" | "our"
            | "some" | "many" | "most" | "no" | "all" | "more" | "government" | "people"
    ) || (t.is_cap_at(k) && !matches!(w, "in" | "on" | "at" | "during" | "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday"))
}

/// Words that open an adjunct, not a subject ("en préambule à cette présentation", "in a statement").
static ADJUNCT_OPENERS: Words = Words::new(&[
    "en", "à", "au", "aux", "dans", "lors", "pour", "après", "avant", "depuis", "selon", "sur", "par", "hier", "mais", "in", "at", "on",
    "after", "before", "during", "for", "when", "while", "since", "yesterday", "but", "however", "meanwhile", "also",
]);
static SUBJECT_PRONOUNS: Words = Words::new(&["il", "elle", "ils", "elles", "he", "she", "they", "on", "je", "nous", "i", "we", "vous", "you"]);

/// Improve a preposed subject: step back over adjuncts and appositions between commas
/// ("Daniel Lanquetin, maire, en préambule…, rappela" → "Daniel Lanquetin"), and take the sentence's subject
/// for a coordinated verb ("L'actrice … est nommée … et a déclaré").
fn refine_subject(t: &Toks, np: Span, boundary: Option<usize>, lang: Lang) -> (Span, Option<usize>) {
    let (mut np, mut boundary) = (np, boundary);
    // "Hadwin, who … represented Canada during the fall of 2018, said": a phrase governed by a preposition is no
    // subject; the name opening the sentence, before its comma, is.
    if lang == Lang::En && !np.is_empty() && boundary.is_some_and(|b| PREPS_EN.contains(t.low(b))) {
        let comma = t.at_or_after(np.end);
        if t.is_char(comma, b',') {
            if let Some(name) = en_sentence_name_before_comma(t, comma) {
                return (name, None);
            }
        }
    }
    // "Lina Arafeh, a Syrian refugee who works as a translator in Halifax, said": a name opening the sentence and
    // followed by a comma is the subject of a cue right after a comma, however long the apposition between.
    if lang == Lang::En && np.is_empty() {
        if let Some(b) = boundary.filter(|&b| t.is_char(b, b',')) {
            if let Some(name) = en_sentence_name_before_comma(t, b) {
                return (name, None);
            }
        }
    }
    // Coordinated verb: "… et a déclaré", "… and said", "IRCC did not reveal any details, but said".
    if np.is_empty() {
        if let Some(b) = boundary.filter(|&b| matches!(t.low(b), "et" | "and") || lang == Lang::En && t.low(b) == "but") {
            let sent = t.sentence(b);
            let mut k = b;
            while k > 0 && t.sentence(k - 1) == sent {
                k -= 1;
            }
            while LEADING_CONNECTORS_SUBJ.contains(t.low(k)) || t.is_char(k, b',') {
                k += 1;
            }
            // "In a statement, IRCC did not reveal …": an opening adjunct up to its comma is not the subject
            if lang == Lang::En && ADJUNCT_OPENERS.contains(t.low(k)) {
                if let Some(c) = (k + 1..b.min(k + 8)).find(|&c| t.is_char(c, b',')) {
                    k = c + 1;
                }
            }
            let mut e = k;
            while e < b && e - k < 8 && !is_punct_boundary(t.text_of(e)) && !matches!(t.low(e), "qui" | "who" | "que" | "qu" | "est" | "a" | "was" | "is" | "has" | "était" | "sera" | "had" | "avait")
                && !(lang == Lang::En && matches!(t.low(e), "did" | "does" | "do" | "would" | "will" | "could" | "should" | "can" | "may" | "might" | "must" | "were" | "are" | "have"))
            {
                e += 1;
            }
            if e > k {
                return (Span::new(t.span(k).start, t.span(e - 1).end), None);
            }
        }
        // "le ministre, qui a affirmé que": the relative pronoun's antecedent
        if let Some(b) = boundary.filter(|&b| matches!(t.low(b), "qui" | "who")) {
            let upto = if b >= 1 && t.is_char(b - 1, b',') { b - 1 } else { b };
            if let Some((p, pb)) = np_before(t, upto, lang).filter(|(p, _)| !p.is_empty()) {
                // the last phrase before "qui" ("Nous avons vu le maire, qui …" → "le maire"): from its determiner,
                // one not governed by a preposition ("le ministre de l'Intérieur")
                let toks = t.doc.tokens_in(p);
                let det = toks.clone().rev().find(|&i| {
                    matches!(t.low(i), "le" | "la" | "les" | "l" | "un" | "une" | "des" | "ce" | "cette" | "ces" | "son" | "sa" | "ses" | "leur" | "leurs" | "the" | "a" | "an")
                        && (i == toks.start || !matches!(t.low(i - 1), "de" | "du" | "des" | "d" | "à" | "au" | "aux" | "of" | "at" | "for") && !t.is_apostrophe(i - 1))
                });
                if let Some(d) = det.filter(|&d| d > toks.start) {
                    return (Span::new(t.span(d).start, p.end), pb);
                }
                if lang == Lang::En {
                    if let Some((a, cut)) = en_relative_antecedent(t, p) {
                        return (a, Some(cut));
                    }
                }
                return (p, pb);
            }
            return (np, boundary);
        }
        // "L'avocate de Bernard, Alexandra Michel, a souligné": the phrase before the comma.
        match boundary.filter(|&b| t.is_char(b, b',')).and_then(|b| np_before(t, b, lang)) {
            Some((p, pb)) if !p.is_empty() => {
                np = p;
                boundary = pb;
            }
            _ => return (np, boundary),
        }
    }
    for _ in 0..3 {
        // English relative clauses: "Rally Canada, the group that organized the event, said", "Brooks, who
        // still has the phone, said": the noun phrase before the relative pronoun
        if lang == Lang::En {
            if let Some(r) = boundary.filter(|&b| matches!(t.low(b), "who" | "that" | "which") && b >= 1) {
                let upto = if t.is_char(r - 1, b',') { r - 1 } else { r };
                match np_before(t, upto, lang) {
                    Some((p, pb)) if !p.is_empty() => {
                        np = p;
                        boundary = pb;
                        if let Some((a, cut)) = en_relative_antecedent(t, np) {
                            np = a;
                            boundary = Some(cut);
                        }
                    }
                    _ => break,
                }
                if t.is_cap_at(t.at_or_after(np.start)) {
                    break;
                }
                continue;
            }
        } else if let Some(b) = boundary.filter(|&b| matches!(t.low(b), "qui" | "who") && b >= 1 && t.is_char(b - 1, b',')) {
            // "Ce sondage, qui possède une marge d'erreur, révèle": step over an appositive relative clause
            match np_before(t, b - 1, lang) {
                Some((p, pb)) if !p.is_empty() => {
                    np = p;
                    boundary = pb;
                    continue;
                }
                _ => break,
            }
        }
        let Some(b) = boundary.filter(|&b| t.is_char(b, b',')) else { break };
        let first = t.at_or_after(np.start);
        let w = t.low(first);
        // French "on" is a pronoun, not the English preposition
        let adjunct = ADJUNCT_OPENERS.contains(w) && !(lang == Lang::Fr && w == "on");
        // "la professeure de nutrition Francisca Joly-Gomez": a determiner and a name not governed by a preposition
        // make the phrase the subject itself, not an apposition to step over
        let toks = t.doc.tokens_in(np);
        let named_head = matches!(w, "le" | "la" | "les" | "l" | "un" | "une" | "the" | "a" | "an")
            && toks.clone().skip(1).any(|i| t.is_cap_at(i) && !matches!(t.low(i - 1), "de" | "du" | "des" | "d" | "à" | "au" | "aux" | "of" | "for" | "at") && !t.is_apostrophe(i - 1));
        let lower_apposition = !t.is_cap_at(first) && !SUBJECT_PRONOUNS.contains(w) && !named_head;
        // "Jim Eglinski, Yellowhead MP, said": a capitalised title after the name is an apposition too
        let last_tok = t.before(np.end).saturating_sub(1);
        let title = t.text_of(last_tok);
        let title_apposition = lang == Lang::En
            && (crate::entities::role_head(&title.to_lowercase()).is_some() || (2..=4).contains(&title.len()) && title.chars().all(|c| c.is_ascii_uppercase()));
        // "John McCallum, Canada’s ambassador to China, told": a role noun inside makes a capitalised phrase an apposition
        let role_inside = lang == Lang::En && toks.clone().any(|i| !t.is_cap_at(i) && t.is_word(i) && crate::entities::lexicon::is_role_noun(t.low(i)));
        let lower_apposition = lower_apposition || title_apposition || role_inside;
        if !(adjunct || lower_apposition) {
            break;
        }
        let Some((prev, pb)) = np_before(t, b, lang) else { break };
        if prev.is_empty() {
            break;
        }
        let pf = t.at_or_after(prev.start);
        let n_toks = t.doc.tokens_in(prev).len();
        // "Les Brigades des martyrs d'Al-Aqsa": a longer phrase is a name when it holds another capital
        let name_like = t.is_cap_at(pf) && !ADJUNCT_OPENERS.contains(t.low(pf)) && (n_toks <= 6 || n_toks <= 10 && t.doc.tokens_in(prev).skip(1).any(|i| t.is_cap_at(i)));
        if name_like {
            np = prev;
            boundary = pb;
            if !adjunct {
                break;
            }
        } else if adjunct {
            // keep stepping back over adjuncts only
            np = prev;
            boundary = pb;
        } else {
            break;
        }
    }
    // "In early November the company announced": an opening adjunct with no comma ends where the subject's
    // determiner starts
    if lang == Lang::En {
        let toks = t.doc.tokens_in(np);
        if toks.len() >= 4 && ADJUNCT_OPENERS.contains(t.low(toks.start)) && matches!(t.low(toks.start), "in" | "on" | "at" | "during" | "after" | "before" | "since") {
            let det = (toks.start + 2..toks.end - 1).find(|&i| matches!(t.low(i), "the" | "a" | "an") && t.is_word(i - 1) && !PREPS_EN.contains(t.low(i - 1)));
            if let Some(d) = det {
                np = Span::new(t.span(d).start, np.end);
            }
        }
    }
    (np, boundary)
}

/// English prepositions: a phrase after one is their object, not a subject (nor is a determiner after one the
/// start of a subject).
static PREPS_EN: Words = Words::new(&["of", "in", "on", "at", "for", "from", "to", "with", "by", "about", "during", "after", "before", "since"]);

static LEADING_CONNECTORS_SUBJ: Words = Words::new(&["mais", "et", "enfin", "cependant", "pourtant", "but", "and", "so", "however", "ainsi", "puis", "alors"]);

/// Nouns that name a source of information ("selon les médias", "according to police"); "selon les domaines"
/// is not one.
static SOURCE_NOUNS: Words = Words::new(&[
    "médias", "sources", "source", "experts", "spécialistes", "responsables", "autorités", "police", "sondage", "étude", "rapport",
    "enquête", "témoins", "témoin", "habitants", "proches", "entourage", "services", "agence", "journal", "quotidien", "presse",
    "chiffres", "estimations", "documents", "communiqué", "avocat", "avocate", "observateurs", "analystes", "démographes",
    "scientifiques", "chercheurs", "officials", "sources", "experts", "police", "report", "study", "survey", "statement", "data",
    "figures", "documents", "witnesses", "residents", "analysts", "researchers", "spokesperson", "spokesman", "spokeswoman",
    "court", "records", "release", "post", "website", "union", "company", "city", "government", "ministry", "department", "officers",
    "findings", "research", "reports", "statistics", "estimates", "poll", "polls", "analysis", "filings", "filing", "documents",
    "sondages", "rapports", "études", "statistiques", "recherches", "travaux",
]);

fn is_source_np(t: &Toks, np: Span, _lang: Lang) -> bool {
    let toks = t.doc.tokens_in(np);
    toks.clone().any(|i| t.is_cap_at(i) && !matches!(t.low(i), "le" | "la" | "les" | "l" | "un" | "une" | "des" | "the" | "a" | "an"))
        || toks.clone().any(|i| matches!(t.low(i), "lui" | "elle" | "eux" | "elles" | "him" | "her" | "them" | "it" | "they"))
        || toks.clone().any(|i| SOURCE_NOUNS.contains(t.low(i)) || crate::entities::role_head(t.low(i)).is_some() || personal_noun(t.low(i)))
}

/// Suffixes of nouns naming people by their trade ("le naturopathe", "les démographes", "la gastro-entérologue").
const PERSONAL_SUFFIXES: &[&str] = &[
    "pathe", "pathes", "logue", "logues", "iste", "istes", "graphe", "graphes", "ien", "iens", "ienne", "iennes", "ateur", "ateurs",
    "atrice", "atrices",
];

fn personal_noun(w: &str) -> bool {
    w.chars().count() > 5 && PERSONAL_SUFFIXES.iter().any(|s| w.ends_with(s))
}
