//! Speech cues: verbs of saying found through the lexicons (`data/lexicons/speech_verbs_*.txt`), with their
//! conjugated and compound forms ("a déclaré", "avait-il ajouté", "a fait valoir", "said", "has told"), and the
//! source prepositions "selon", "d'après", "according to".

use std::sync::LazyLock;

use super::tok::Toks;
use crate::entities::lexicon::entries;
use crate::lang::Lang;
use crate::text::{KeyShapes, Span, WordMap, Words};

/// What kind of word the cue is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CueKind {
    /// A finite verb or a compound tense ("déclare", "a déclaré", "said").
    Verb,
    /// A present participle ("ajoutant", "adding"): its subject is the clause's.
    Participle,
    /// "selon", "d'après", "according to": the source follows.
    Source,
    /// A negated verb group ("n'a pas dit"): not reported speech; kept only to skip it while scanning.
    Negated,
    /// A French infinitive after "de" ("avant d'expliquer que"): its subject is the clause's, like a participle's.
    Infinitive,
    /// A French noun naming a stated view ("l'idée de Smith est que", "l'hypothèse de X consiste à dire que").
    Noun,
}

/// One speech cue in the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Cue {
    /// Bytes of the verb group ("a-t-il ajouté", "a fait valoir", "selon").
    pub span: Span,
    /// First token of the cue.
    pub first: usize,
    /// One past the last token of the cue.
    pub last: usize,
    /// The pronoun of an inverted form ("il" in "a-t-il ajouté"), bytes.
    pub inverted_pronoun: Option<Span>,
    /// Verb, participle or source preposition.
    pub kind: CueKind,
}

/// How a word form can serve as a cue.
#[derive(Clone, Copy, Debug, Default)]
struct FormInfo {
    /// Finite form usable alone ("déclare", "said").
    finite: bool,
    /// Past participle usable after an auxiliary ("déclaré").
    participle: bool,
    /// Present participle ("ajoutant", "adding").
    gerund: bool,
    /// French infinitive ("avant d'expliquer que"): a cue only after "de", its subject is the clause's.
    infinitive: bool,
    /// Particle required after the verb ("valoir" for "faire valoir"), index into PARTICLES.
    particle: Option<&'static str>,
}

struct Lexicon {
    forms: WordMap<String, Vec<FormInfo>>,
    /// The shapes of the forms: [`lookup`] runs at nearly every token and rules most words out without hashing.
    shapes: KeyShapes,
    /// The shapes of every word a cue can open with (the forms, the auxiliaries, "selon", "according"…): `cue_fr`
    /// and `cue_en` run at every token and give up at once on most words (issue #8).
    starts: KeyShapes,
}

static FR: LazyLock<Lexicon> = LazyLock::new(|| build(include_str!("../../data/lexicons/speech_verbs_fr.txt"), Lang::Fr));
static EN: LazyLock<Lexicon> = LazyLock::new(|| build(include_str!("../../data/lexicons/speech_verbs_en.txt"), Lang::En));

fn build(src: &'static str, lang: Lang) -> Lexicon {
    let mut forms: WordMap<String, Vec<FormInfo>> = WordMap::default();
    for line in entries(src) {
        let mut cols = line.split('\t');
        let head = cols.next().unwrap_or("");
        let (lemma, particle) = match head.split_once(' ') {
            Some((v, p)) => (v, Some(p)),
            None => (head, None),
        };
        let extra: Vec<&str> = cols.collect();
        if lang == Lang::Fr {
            forms.entry(lemma.to_string()).or_default().push(FormInfo { infinitive: true, particle, ..FormInfo::default() });
        }
        let mut add = |form: String, finite: bool, participle: bool, gerund: bool| {
            forms.entry(form).or_default().push(FormInfo { finite, participle, gerund, infinitive: false, particle });
        };
        match lang {
            Lang::Fr => {
                for f in &extra {
                    // Listed forms serve both alone and after an auxiliary ("dit", "a dit"); -ant forms are participles.
                    let ger = f.ends_with("ant");
                    add(f.to_string(), !ger, !ger, ger);
                }
                if let Some(stem) = lemma.strip_suffix("er") {
                    // -cer / -ger keep their soft sound before a and o.
                    let soft = if let Some(base) = stem.strip_suffix('c') {
                        format!("{base}ç")
                    } else if stem.ends_with('g') {
                        format!("{stem}e")
                    } else {
                        stem.to_string()
                    };
                    // "ez": an interviewer's "vous expliquez que"
                    for suf in ["e", "ent", "ait", "aient", "a", "èrent", "era", "eront", "erait", "eraient", "ez"] {
                        let base = if suf.starts_with('a') { &soft } else { stem };
                        add(format!("{base}{suf}"), true, false, false);
                    }
                    for suf in ["é", "ée", "és", "ées"] {
                        add(format!("{stem}{suf}"), false, true, false);
                    }
                    add(format!("{soft}ant"), false, false, true);
                } else if let Some(stem) = lemma.strip_suffix("ir") {
                    if extra.is_empty() {
                        for suf in ["it", "issent", "issait", "issaient", "ira", "irait"] {
                            add(format!("{stem}{suf}"), true, false, false);
                        }
                        add(format!("{stem}i"), false, true, false);
                        add(format!("{stem}issant"), false, false, true);
                    }
                }
            }
            Lang::En => {
                let base = lemma;
                if extra.is_empty() {
                    let s = if base.ends_with('s') || base.ends_with("sh") || base.ends_with("ch") || base.ends_with('x') { format!("{base}es") } else { format!("{base}s") };
                    let stem_e = base.strip_suffix('e').unwrap_or(base);
                    add(base.to_string(), true, false, false);
                    add(s, true, false, false);
                    add(format!("{stem_e}ed"), true, true, false);
                    add(format!("{stem_e}ing"), false, false, true);
                } else {
                    add(base.to_string(), true, false, false);
                    for f in &extra {
                        let ger = f.ends_with("ing");
                        add(f.to_string(), !ger, !ger, ger);
                    }
                }
            }
        }
    }
    let shapes = KeyShapes::new(forms.keys().map(String::as_str));
    // Keep in step with the words `cue_fr` and `cue_en` test before their look-ups.
    let openers: &[&str] = match lang {
        Lang::Fr => &["selon", "pour", "après"],
        Lang::En => &["according"],
    };
    let lists: &[Words] = match lang {
        Lang::Fr => &[FR_VIEW_NOUNS, FR_AUX, FR_AUX_REFLEXIVE],
        Lang::En => &[],
    };
    let starts = KeyShapes::new(
        forms.keys().map(String::as_str).chain(openers.iter().copied()).chain(lists.iter().flat_map(|l| l.list().iter().copied())),
    );
    Lexicon { forms, shapes, starts }
}

static FR_AUX: Words = Words::new(&[
    "a", "ont", "avait", "avaient", "aurait", "auraient", "aura", "auront", "eut", "ayant", "avoir", "as", "ai", "avons", "avez",
]);
static FR_AUX_REFLEXIVE: Words = Words::new(&["est", "sont", "était", "étaient", "serait", "seraient"]);
pub(crate) static FR_ADVERBS: Words = Words::new(&[
    "encore", "aussi", "également", "déjà", "ainsi", "alors", "toutefois", "cependant", "pourtant", "notamment", "enfin", "bien",
    "même", "souvent", "toujours", "longtemps", "plus", "d'ailleurs", "lui", "leur", "ensuite", "donc", "néanmoins", "pas", "jamais",
]);
static NEGATIONS: Words = Words::new(&["pas", "jamais", "guère", "point", "nullement", "not", "never", "n't", "didn", "doesn", "don", "won", "wouldn"]);
static EN_DETERMINERS: Words = Words::new(&["the", "a", "an", "this", "that", "his", "her", "their", "its", "our", "my", "your"]);
static FR_DETERMINERS: Words = Words::new(&["le", "la", "les", "l", "un", "une", "des", "du", "ce", "cette", "ces", "son", "sa", "ses", "leur", "leurs", "notre", "nos", "mon", "ma", "mes"]);
const INVERTED_SUFFIXES: &[&str] = &["-t-il", "-t-elle", "-t-ils", "-t-elles", "-t-on", "-il", "-elle", "-ils", "-elles", "-on"];

/// Split an inverted form "ajoute-t-il" into ("ajoute", pronoun byte offset within the word).
fn split_inverted(word: &str) -> Option<(&str, usize)> {
    // A byte loop: `str::contains` sets up a `memchr` search, costly at every token.
    if !word.bytes().any(|b| b == b'-') {
        return None;
    }
    let lower_end = word.len();
    for suf in INVERTED_SUFFIXES {
        if word.len() > suf.len() && word.is_char_boundary(word.len() - suf.len()) && word[word.len() - suf.len()..].eq_ignore_ascii_case(suf) {
            let base = &word[..word.len() - suf.len()];
            let pron_at = lower_end - suf.trim_start_matches("-t").trim_start_matches('-').len();
            return Some((base, pron_at));
        }
    }
    None
}

fn lookup<'a>(lex: &'a Lexicon, form: &str) -> &'a [FormInfo] {
    if !lex.shapes.may_hold(form) {
        return &[];
    }
    lex.forms.get(form).map(Vec::as_slice).unwrap_or(&[])
}

/// Find every speech cue of the text, in order.
pub fn find(t: &Toks, lang: Lang) -> Vec<Cue> {
    let lex: &Lexicon = match lang {
        Lang::Fr => &FR,
        Lang::En => &EN,
    };
    let mut out: Vec<Cue> = Vec::new();
    let n = t.len();
    let mut i = 0;
    while i < n {
        // Every French cue starts with a word (lexicon forms, "selon", "pour", "d'après", auxiliaries): skip
        // punctuation and numbers without looking them up.
        if lang == Lang::Fr && !t.is_word(i) {
            i += 1;
            continue;
        }
        if let Some(c) = match lang {
            Lang::Fr => cue_fr(t, lex, i),
            Lang::En => cue_en(t, lex, i),
        } {
            i = c.last.max(i + 1);
            if c.kind != CueKind::Negated {
                out.push(c);
            }
            continue;
        }
        i += 1;
    }
    out
}

/// The particle ("valoir") that must follow, checked at token `k`; returns the token after it.
fn particle_ok(t: &Toks, info: &FormInfo, k: usize) -> Option<usize> {
    match info.particle {
        None => Some(k),
        Some(p) => {
            let words: Vec<&str> = p.split(' ').collect();
            for (j, w) in words.iter().enumerate() {
                if t.low(k + j) != *w {
                    return None;
                }
            }
            Some(k + words.len())
        }
    }
}

/// Object clitics that may stand between "ne" and the verb ("n'en mentionnent que", "ne le dit pas").
static FR_CLITICS: Words = Words::new(&["en", "y", "le", "la", "les", "lui", "leur", "nous", "vous", "se", "me", "te"]);

fn negated_before(t: &Toks, i: usize) -> bool {
    // "n'a pas dit", "ne dit pas", "n'en dit rien": a "ne"/"n'" just before the verb group or its clitics.
    let mut j = i;
    for _ in 0..4 {
        if j >= 1 && t.low(j - 1) == "ne" || j >= 2 && t.low(j - 2) == "n" && t.is_apostrophe(j - 1) {
            return true;
        }
        if j >= 1 && FR_CLITICS.contains(t.low(j - 1)) {
            j -= 1;
        } else if j >= 2 && t.is_apostrophe(j - 1) && matches!(t.low(j - 2), "l" | "m" | "t" | "s") {
            j -= 2;
        } else {
            return false;
        }
    }
    false
}

/// Is the "le"/"la"/"les" at `k` an object clitic before a verb rather than a determiner? After a subject pronoun,
/// after "comme" / "ainsi que", or after a short phrase opened by "comme".
fn object_clitic(t: &Toks, k: usize) -> bool {
    if !matches!(t.low(k), "le" | "la" | "les") || k == 0 {
        return false;
    }
    let p = t.low(k - 1);
    if matches!(p, "comme" | "il" | "elle" | "ils" | "elles" | "on" | "nous" | "vous" | "je") || (p == "que" && k >= 2 && t.low(k - 2) == "ainsi") {
        return true;
    }
    (k.saturating_sub(5)..k - 1).rev().take_while(|&j| t.is_word(j) && t.sentence(j) == t.sentence(k)).any(|j| t.low(j) == "comme")
}

/// Nouns naming a view someone states; a cue only with a named holder and a "que" clause (see `reported`).
static FR_VIEW_NOUNS: Words = Words::new(&["argument", "conviction", "hypothèse", "idée", "thèse"]);

/// Prepositions after which a bare verb form is a noun ("en note de bas de page", "par écrit").
static FR_NOUN_PREPS: Words = Words::new(&["en", "de", "à", "par", "pour", "sur", "dans", "avec", "sans", "du", "au", "aux", "sous", "entre"]);

/// Is the bare form at `i` a noun or an adjective rather than a verb? "généralement en note", "par une étude
/// précise", "le domaine dit « généraliste »" (so-called).
fn bare_form_is_nominal(t: &Toks, i: usize) -> bool {
    if i == 0 {
        return false;
    }
    let p = t.low(i - 1);
    if FR_NOUN_PREPS.contains(p) {
        // "il en conclut que": "en" is a clitic after a subject
        let q = t.low(i.saturating_sub(2));
        let clitic_en = p == "en"
            && i >= 2
            && (matches!(q, "il" | "elle" | "ils" | "elles" | "on" | "nous" | "vous" | "je" | "ne")
                || q == "n" && t.is_apostrophe(i - 1)
                || t.is_cap_at(i - 2) && !t.at_sentence_start(i - 2)
                || i >= 3 && t.is_word(i - 2) && FR_DETERMINERS.contains(t.low(i - 3)));
        if !clitic_en {
            return true;
        }
    }
    // a preposition, a determiner and a noun before: the form qualifies that noun
    // (only before a comma or the end: "le porte-parole de la mairie affirme que" is a verb)
    if i >= 3 && t.is_word(i - 1) && !t.is_cap_at(i - 1) && FR_DETERMINERS.contains(t.low(i - 2)) && FR_NOUN_PREPS.contains(t.low(i - 3)) && matches!(t.text_of(i + 1), "," | ")" | "." | ";") {
        return true;
    }
    // "il jette un regard critique sur …": after a verb's object (a determiner and a noun after a lower-case word),
    // the form qualifies the noun
    if i >= 3
        && t.is_word(i - 1)
        && !t.is_cap_at(i - 1)
        && matches!(t.low(i - 2), "un" | "une" | "le" | "la" | "les" | "l")
        && !FR_NOUN_PREPS.contains(t.low(i - 3))
        && !matches!(t.low(i - 3), "d" | "des" | "chez" | "contre" | "vers" | "envers" | "après" | "avant" | "pendant" | "depuis" | "parmi" | "malgré")
        && t.is_word(i - 3)
        && !t.is_cap_at(i - 3)
        && t.sentence(i - 3) == t.sentence(i)
        && !matches!(
            t.low(i - 3),
            "et" | "mais" | "or" | "puis" | "alors" | "ainsi" | "donc" | "aussi" | "hier" | "enfin" | "désormais" | "car" | "que" | "qu" | "si" | "quand" | "lorsque" | "où" | "comme" | "dont" | "selon" | "toutefois" | "cependant" | "pourtant" | "également"
        )
    {
        return true;
    }
    // "dit" right before a quotation, with no comma: "so-called"
    matches!(t.low(i), "dit" | "dite" | "dits" | "dites") && matches!(t.text_of(i + 1), "«" | "“" | "\"") && !t.is_char(i - 1, b',')
}

fn cue_fr(t: &Toks, lex: &Lexicon, i: usize) -> Option<Cue> {
    let w = t.low(i);
    if w.is_empty() {
        return None;
    }
    // Every cue below opens with a word of `starts`, or with an inverted form ("ajoute-t-il") whose base is one.
    if !crate::shortcuts_off() && !lex.starts.may_hold(w) && !w.bytes().any(|b| b == b'-') {
        return None;
    }
    // "selon", "d'après"
    if w == "selon" {
        let next = t.low(i + 1);
        if matches!(next, "lequel" | "laquelle" | "lesquels" | "lesquelles" | "moi" | "nous" | "que" | "qu") {
            return None;
        }
        return Some(Cue { span: t.span(i), first: i, last: i + 1, inverted_pronoun: None, kind: CueKind::Source });
    }
    // "Pour François Fillon, …", "pour les démographes, …", "Pour l'UNAPEI, …", "Pour François Fillon il y avait…":
    // an opinion's holder opening the sentence (or a clause after "mais", "et")
    if w == "pour" && (t.at_sentence_start(i) || (i >= 1 && matches!(t.low(i - 1), "mais" | "et" | "or")) || (i >= 1 && t.is_char(i - 1, b',') && t.at_sentence_start(i.saturating_sub(2)))) {
        let n = i + 1;
        let det = matches!(t.low(n), "le" | "la" | "les" | "l" | "un" | "une" | "ce" | "cette" | "ces");
        let named = t.is_cap_at(n) && !det;
        // "l'UNAPEI", "le Kremlin": a determiner and a name
        let det_named = det && (t.is_cap_at(n + 1) || t.is_apostrophe(n + 1) && t.is_cap_at(n + 2));
        let role = matches!(t.low(n), "le" | "la" | "les" | "l" | "certains" | "certaines" | "beaucoup" | "de")
            && (n + 1..n + 4).any(|k| crate::entities::role_head(t.low(k)).is_some() || t.low(k).ends_with("graphes") || t.low(k).ends_with("logues"));
        let comma_soon = (n..n + 8).any(|k| t.is_char(k, b',') && t.sentence(k) == t.sentence(i));
        // no comma: the name runs straight into its clause's subject ("Pour François Fillon il y avait")
        let mut e = n;
        while e < t.len() && e < n + 5 && (t.is_cap_at(e) || matches!(t.low(e), "de" | "d" | "du") && t.is_cap_at(e + 1)) {
            e += 1;
        }
        // "Pour lui, …", "Pour elle, …"
        let pronoun = matches!(t.low(n), "lui" | "elle" | "eux" | "elles") && t.is_char(n + 1, b',');
        if pronoun {
            return Some(Cue { span: t.span(i), first: i, last: i + 1, inverted_pronoun: None, kind: CueKind::Source });
        }
        let clause_next = named && e > n && matches!(t.low(e), "il" | "elle" | "ils" | "elles" | "c" | "ce" | "cela" | "ceci" | "rien" | "tout");
        if ((named || det_named || role) && comma_soon) || clause_next {
            return Some(Cue { span: t.span(i), first: i, last: i + 1, inverted_pronoun: None, kind: CueKind::Source });
        }
        return None;
    }
    if w == "après" && i >= 2 && t.low(i - 2) == "d" && t.is_apostrophe(i - 1) && t.adjacent(i - 2, i - 1) {
        if t.is_cap_at(i - 2) || t.at_sentence_start(i - 2) || t.is_char(i - 3, b',') {
            return Some(Cue { span: Span::new(t.span(i - 2).start, t.span(i).end), first: i - 2, last: i + 1, inverted_pronoun: None, kind: CueKind::Source });
        }
        return None;
    }
    // "l'idée de Smith est que …": a view's noun after a determiner
    if FR_VIEW_NOUNS.contains(w) && i >= 1 && (matches!(t.low(i - 1), "la" | "le" | "sa" | "son" | "cette") || t.is_apostrophe(i - 1) && t.low(i.saturating_sub(2)) == "l") {
        return Some(Cue { span: t.span(i), first: i, last: i + 1, inverted_pronoun: None, kind: CueKind::Noun });
    }
    let (base, pron) = match split_inverted(w) {
        Some((b, p)) => (b, Some(Span::new(t.span(i).start + p, t.span(i).end))),
        None => (w, None),
    };
    // Compound tense: auxiliary, adverbs, past participle, particle.
    let is_aux = FR_AUX.contains(base)
        || (FR_AUX_REFLEXIVE.contains(base) && i >= 1 && (t.low(i - 1) == "se" || (t.low(i.saturating_sub(2)) == "s" && t.is_apostrophe(i - 1))));
    if is_aux {
        let mut k = i + 1;
        let mut negated = false;
        let mut hops = 0;
        while k < t.len() && hops < 3 {
            let a = t.low(k);
            if FR_ADVERBS.contains(a) || (a.ends_with("ment") && a.len() > 6 && lookup(lex, a).is_empty()) {
                negated |= NEGATIONS.contains(a);
                k += 1;
                hops += 1;
            } else {
                break;
            }
        }
        let (part, part_pron) = match split_inverted(t.low(k)) {
            Some((b, _)) => (b, true),
            None => (t.low(k), false),
        };
        for info in lookup(lex, part) {
            if info.participle {
                if let Some(end) = particle_ok(t, info, k + 1) {
                    if negated || negated_before(t, i) || part_pron {
                        // skip the whole negated group ("n'a pas dit")
                        return Some(Cue { span: Span::new(t.span(i).start, t.span(end - 1).end), first: i, last: end, inverted_pronoun: None, kind: CueKind::Negated });
                    }
                    return Some(Cue { span: Span::new(t.span(i).start, t.span(end - 1).end), first: i, last: end, inverted_pronoun: pron, kind: CueKind::Verb });
                }
            }
        }
        return None;
    }
    for info in lookup(lex, base) {
        // "avant d'expliquer qu'…", "tout en refusant de dire si…": an infinitive after "de" shares its clause's subject
        if info.infinitive && pron.is_none() {
            let after_de = i >= 1 && (t.low(i - 1) == "de" || t.is_apostrophe(i - 1) && i >= 2 && t.low(i - 2) == "d" && t.adjacent(i - 2, i - 1));
            let Some(end) = particle_ok(t, info, i + 1) else { continue };
            if after_de && matches!(t.low(end), "que" | "qu" | "si" | "s") {
                let first = if t.low(i - 1) == "de" { i - 1 } else { i - 2 };
                if negated_before(t, first) {
                    return None;
                }
                return Some(Cue { span: Span::new(t.span(i).start, t.span(end - 1).end), first: i, last: end, inverted_pronoun: None, kind: CueKind::Infinitive });
            }
            continue;
        }
        if info.finite || info.gerund {
            let Some(end) = particle_ok(t, info, i + 1) else { continue };
            if !info.gerund && pron.is_none() && bare_form_is_nominal(t, i) {
                return None;
            }
            // A noun reading ("le juge", "une annonce"): a determiner just before — unless it is an object clitic
            // ("comme le montre X", "comme certains scientifiques le définissent", "il le dit").
            if i >= 1 && FR_DETERMINERS.contains(t.low(i - 1)) && pron.is_none() && !object_clitic(t, i - 1) {
                return None;
            }
            // "s'ajoute", "se confirme", "s'interroge": a pronominal verb is not speech ("se dire" may be)
            if pron.is_none() && base != "dit" && base != "disent" && (i >= 1 && t.low(i - 1) == "se" || i >= 2 && t.is_apostrophe(i - 1) && t.low(i - 2) == "s") {
                return None;
            }
            if i >= 1 && t.low(i - 1) == "l" && t.is_apostrophe(i) {
                return None;
            }
            if negated_before(t, i) || NEGATIONS.contains(t.low(end)) {
                return None;
            }
            // A bare participle ("dit", "écrit") is finite only when it cannot be an adjective: not after être/a noun.
            let kind = if info.gerund { CueKind::Participle } else { CueKind::Verb };
            if info.gerund && !(i >= 1 && t.is_char(i - 1, b',')) && !(i >= 1 && t.low(i - 1) == "en") {
                return None;
            }
            return Some(Cue { span: Span::new(t.span(i).start, t.span(end - 1).end), first: i, last: end, inverted_pronoun: pron, kind });
        }
    }
    None
}

static EN_AUX: Words = Words::new(&["has", "have", "had", "would", "will", "could", "did", "does", "do", "also", "later", "previously", "then", "once", "repeatedly"]);

fn cue_en(t: &Toks, lex: &Lexicon, i: usize) -> Option<Cue> {
    let w = t.low(i);
    // Every cue below opens with a word of `starts`.
    if !crate::shortcuts_off() && !lex.starts.may_hold(w) {
        return None;
    }
    if w == "according" && t.low(i + 1) == "to" {
        return Some(Cue { span: Span::new(t.span(i).start, t.span(i + 1).end), first: i, last: i + 2, inverted_pronoun: None, kind: CueKind::Source });
    }
    for info in lookup(lex, w) {
        if !(info.finite || info.participle || info.gerund) {
            continue;
        }
        let Some(end) = particle_ok(t, info, i + 1) else { continue };
        if i >= 1 && EN_DETERMINERS.contains(t.low(i - 1)) {
            return None; // "the report", "a claim"
        }
        // "the United States", "Amnesty Reports": a capitalised word inside a sentence, after another, is a name
        if i >= 1 && t.is_cap_at(i) && t.is_cap_at(i - 1) && !t.at_sentence_start(i) {
            return None;
        }
        if en_noun_reading(t, i) {
            return None;
        }
        // passives and reduced clauses ("was told", "when asked", "if confirmed", "isn't explicitly mentioned",
        // "we're told") report no speech of the subject
        let mut b = i;
        while b >= 2 && (t.low(b - 1).ends_with("ly") && t.low(b - 1).len() > 4 || matches!(t.low(b - 1), "not" | "never" | "t" | "also" | "widely" | "often")) {
            b -= 1;
            if t.low(b) == "t" && t.is_apostrophe(b - 1) {
                b -= 1;
            }
        }
        let passive_aux = |w: &str| matches!(w, "was" | "were" | "been" | "being" | "is" | "are" | "be" | "isn" | "aren" | "wasn" | "weren" | "get" | "got" | "gets");
        let contracted_be = b >= 2 && t.is_apostrophe(b - 2) && matches!(t.low(b - 1), "re" | "m");
        if b >= 1 && !info.gerund && (passive_aux(t.low(b - 1)) || contracted_be || (b == i && matches!(t.low(i - 1), "when" | "if" | "once"))) {
            return None;
        }
        // "did not say", "never said", "didn't say"
        for back in 1..=3 {
            if i >= back && NEGATIONS.contains(t.low(i - back)) {
                return None;
            }
            if i >= back && !EN_AUX.contains(t.low(i - back)) && !NEGATIONS.contains(t.low(i - back)) && t.text_of(i - back) != "’" && !t.is_char(i - back, b'\'') {
                break;
            }
        }
        if info.gerund && !info.finite {
            // "adding that", ", saying": only after a comma or "while/before/after".
            let prev = t.low(i.saturating_sub(1));
            if !(prev == "," || prev == "while" || prev == "after" || prev == "before" || prev == "when" || prev == "as") {
                return None;
            }
            return Some(Cue { span: Span::new(t.span(i).start, t.span(end - 1).end), first: i, last: end, inverted_pronoun: None, kind: CueKind::Participle });
        }
        // Bare base forms ("say", "tell") need a plural or first-person subject; keep only after a pronoun.
        if !info.participle && !w.ends_with('s') && !w.ends_with("ed") && lookup(lex, w).iter().all(|f| !f.participle) {
            let prev = t.low(i.saturating_sub(1));
            if !matches!(prev, "they" | "we" | "i" | "you" | "experts" | "officials" | "critics" | "residents" | "people" | "would" | "will" | "could" | "did" | "does" | "may" | "might") {
                // plural nouns before "say" are common ("experts say"): accept a plural-looking word too
                let plural_noun = prev.ends_with('s') && prev.len() > 3 && !prev.ends_with("ss") && !prev.ends_with("us") && !prev.ends_with("is")
                    && !matches!(prev, "across" | "always" | "perhaps" | "whereas" | "sometimes" | "besides" | "towards" | "afterwards" | "unless" | "nevertheless" | "does" | "has" | "was" | "its" | "his" | "hers" | "ours" | "yours" | "theirs" | "yes" | "less" | "thus" | "as");
                // "Police say the …", "all those involved say the …", "some in the community say they …": a bare
                // "say" after a word of the sentence (not "to", a determiner or a verb that governs it) and before a
                // clause's first word
                let next = t.low(i + 1);
                let clause_next = matches!(next, "the" | "a" | "an" | "that" | "it" | "they" | "he" | "she" | "we" | "there" | "this" | "these" | "those" | "his" | "her" | "their" | "its" | "our" | "some" | "many" | "most")
                    || t.is_cap_at(i + 1) && t.sentence(i + 1) == t.sentence(i);
                let bare_say = w == "say"
                    && i >= 1
                    && t.is_word(i - 1)
                    && !t.at_sentence_start(i)
                    // not negated ("didn't say") nor the object of "let me", "hear them"
                    && !(i >= 2 && t.is_apostrophe(i - 2))
                    && !matches!(prev, "to" | "a" | "an" | "the" | "no" | "any" | "their" | "his" | "her" | "its" | "our" | "my" | "your" | "have" | "has" | "had" | "let" | "lets" | "make" | "makes" | "made" | "hear" | "heard" | "can" | "cannot" | "not" | "never" | "should" | "must" | "shall" | "me" | "us" | "him" | "them")
                    && clause_next;
                if (!plural_noun || w == "state") && !bare_say {
                    continue;
                }
            }
        }
        return Some(Cue { span: Span::new(t.span(i).start, t.span(end - 1).end), first: i, last: end, inverted_pronoun: None, kind: CueKind::Verb });
    }
    None
}

/// Words before which an English "-s"/"-ed" form is a noun or an adjective, not a verb ("from states", "whose
/// estimates", "other claims").
static EN_NOUN_BEFORE: Words = Words::new(&[
    "of", "from", "in", "on", "for", "with", "by", "about", "at", "against", "into", "over", "under", "whose", "those", "these", "other",
    "such", "any", "no", "every", "each", "own", "previous", "recent", "latest", "initial",
]);

/// Is the English form at `i` read as a noun: after a preposition or a determiner-like word, after a possessive
/// ("the government's estimated timeline", "Suncor's claims"), or an "-s" form followed by a verb ("those claims
/// was", "reports are")?
fn en_noun_reading(t: &Toks, i: usize) -> bool {
    let w = t.low(i);
    if i >= 1 && EN_NOUN_BEFORE.contains(t.low(i - 1)) {
        return true;
    }
    // possessive: "X's claims", "X’s comments", "the players' statements"
    // ("he's said" is "he has said")
    if i >= 3 && t.low(i - 1) == "s" && t.is_apostrophe(i - 2) && t.adjacent(i - 2, i - 1) && !matches!(t.low(i - 3), "he" | "she" | "it" | "that" | "who" | "there" | "what") {
        return true;
    }
    if i >= 2 && t.is_apostrophe(i - 1) && t.low(i - 2).ends_with('s') && t.adjacent(i - 2, i - 1) {
        return true;
    }
    w.ends_with('s') && matches!(t.low(i + 1), "is" | "are" | "was" | "were" | "have" | "had" | "will" | "would" | "could" | "can" | "should" | "may" | "might" | "show" | "showed" | "suggest" | "say" | "indicate")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Doc;

    fn cues(text: &str, lang: Lang) -> Vec<String> {
        let doc = Doc::new(text);
        let t = Toks::new(&doc);
        find(&t, lang).iter().map(|c| c.span.slice(text).to_string()).collect()
    }

    #[test]
    fn cue_forms() {
        let table: &[(&str, Lang, &[&str])] = &[
            ("Il a déclaré jeudi qu'il partait.", Lang::Fr, &["a déclaré"]),
            ("« Non », a-t-il ajouté.", Lang::Fr, &["a-t-il ajouté"]),
            ("Elle avait alors répondu: oui.", Lang::Fr, &["avait alors répondu"]),
            ("a fait valoir jeudi Mme Pelosi", Lang::Fr, &["a fait valoir"]),
            ("ont rapporté mercredi les médias", Lang::Fr, &["ont rapporté"]),
            ("« Non », dit-elle.", Lang::Fr, &["dit-elle"]),
            ("Il n'a pas dit que c'était faux.", Lang::Fr, &[]),
            ("Le juge a parlé.", Lang::Fr, &[]),
            ("selon les médias", Lang::Fr, &["selon"]),
            ("les accusations selon lesquelles", Lang::Fr, &[]),
            ("D'après le ministre, tout va bien.", Lang::Fr, &["D'après"]),
            // negation through object clitics, nouns and adjectives after prepositions, "so-called", pronominal verbs
            ("Il n'en dit rien.", Lang::Fr, &[]),
            ("Elle ne le confirme pas.", Lang::Fr, &[]),
            ("Tout figure en note de bas de page.", Lang::Fr, &[]),
            ("Il faut, par une étude précise, le vérifier.", Lang::Fr, &[]),
            ("Le genre dit « noir » revient.", Lang::Fr, &[]),
            ("Il jette un regard critique sur son œuvre.", Lang::Fr, &[]),
            ("Mardi, le ministre critique la décision.", Lang::Fr, &["critique"]),
            ("Le porte-parole de la mairie affirme que tout va bien.", Lang::Fr, &["affirme"]),
            ("Le président du groupe affirme que tout va bien.", Lang::Fr, &["affirme"]),
            ("Un bonus s'ajoute à la prime.", Lang::Fr, &[]),
            // object clitics are not determiners; infinitives after "de" with a clause
            ("comme le montre Paul Martin", Lang::Fr, &["montre"]),
            ("comme certains experts le définissent", Lang::Fr, &["définissent"]),
            ("Elle a répondu avant d'expliquer qu'elle partait.", Lang::Fr, &["a répondu", "expliquer"]),
            ("Il a décidé de confirmer la date.", Lang::Fr, &[]),
            ("Pour François Fillon il y avait trop de juges.", Lang::Fr, &["Pour"]),
            ("Pour l'UNAPEI, les mesures sont insuffisantes.", Lang::Fr, &["Pour"]),
            ("Pour la plupart des gens il fait froid.", Lang::Fr, &[]),
            ("\"No,\" she said.", Lang::En, &["said"]),
            ("He told reporters that it was over.", Lang::En, &["told"]),
            ("She didn't say that.", Lang::En, &[]),
            ("The report was late, according to the mayor.", Lang::En, &["according to"]),
            ("The claim was false, she added, noting that it was old.", Lang::En, &["added", "noting"]),
            // nouns and passives
            ("Senators from states the party won", Lang::En, &[]),
            ("Suncor's claims are massive, and those estimates were low.", Lang::En, &[]),
            ("It isn't explicitly mentioned, and we're told so.", Lang::En, &[]),
            ("He's said it before; he blurted out the answer.", Lang::En, &["said", "blurted out"]),
        ];
        for (text, lang, want) in table {
            assert_eq!(cues(text, *lang), *want, "{text}");
        }
    }

    #[test]
    fn lexicons_are_sorted_and_large_enough() {
        for (src, min) in [
            (include_str!("../../data/lexicons/speech_verbs_fr.txt"), 60),
            (include_str!("../../data/lexicons/speech_verbs_en.txt"), 60),
            (include_str!("../../data/lexicons/speaker_roles_fr.txt"), 10),
            (include_str!("../../data/lexicons/speaker_roles_en.txt"), 10),
        ] {
            let keys: Vec<&str> = entries(src).map(|l| l.split('\t').next().unwrap_or("")).collect();
            assert!(keys.len() >= min);
            for w in keys.windows(2) {
                assert!(w[0] < w[1], "lexicon not sorted or duplicated at {:?}", w);
            }
        }
    }
}
