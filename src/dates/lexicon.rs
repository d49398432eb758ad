//! The date words of each language: `data/dates/<lang>.tsv`, loaded once.
//!
//! Each line is `kind<TAB>phrase<TAB>value`. A phrase is one or more tokens (as [`crate::text::Doc`] cuts them:
//! `aujourd'hui` is three tokens); it is matched on the *folded* form of the text's tokens (lower case, no
//! accents, `’` → `'`), so the files can be written with their accents and still match "Eté" or "fevrier".

use std::sync::LazyLock;

use crate::lang::Lang;
use crate::text::{self, Doc, WordMap};

/// What a lexicon phrase means to the grammar.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Kind {
    /// "plus tard", "later": after an amount, counts forward from the previous date.
    After,
    /// "il y a": before an amount, counts back from the reference.
    AgoPre,
    /// "ago": after an amount, counts back from the reference.
    AgoPost,
    /// "la veille", "the next day": a day offset from the previous date of the text.
    Anchored,
    /// "environ", "vers", "at least": a modifier kept inside the span.
    Approx,
    /// "auparavant", "earlier": after an amount, counts back from the previous date.
    Before,
    /// "hier", "tomorrow": a day offset from the reference.
    Deictic,
    /// "chaque", "every": makes a set.
    Every,
    /// "dans", "in": before an amount, counts forward from the reference.
    In,
    /// "dernier", "last": the previous one.
    Last,
    /// A month name; value 1–12.
    Month,
    /// "prochain", "next": the next one.
    Next,
    /// A number word; value.
    Num,
    /// "quelques", "une dizaine de": a vague amount; value is the approximate number, 0 when unknown.
    NumX,
    /// "début", "fin", "early": a part of a period; value 1 start, 2 middle, 3 end.
    Part,
    /// A part of the day; value is the TIMEX3 code (MO, AF, EV, NI, MI).
    Pod,
    /// A season; value is the TIMEX3 code (SP, SU, FA, WI).
    Season,
    /// "ce", "this": the current one.
    This,
    /// "midi", "midnight": a time of day; value is the hour.
    Time,
    /// A time-zone abbreviation; value is its standard offset in minutes, with `/us` or `/eu` when the name
    /// also covers summer time ("ET", "CET" as people write them all year).
    Tz,
    /// A calendar unit; value is its name (day, week, month, …).
    Unit,
    /// A vague reference; value PAST_REF, PRESENT_REF or FUTURE_REF.
    Vague,
    /// A weekday; value 1 (Monday) – 7 (Sunday).
    Weekday,
}

impl Kind {
    /// The kind's bit in a set of kinds held in a `u32` (23 kinds).
    pub fn bit(self) -> u32 {
        1 << self as u32
    }

    fn parse(s: &str) -> Option<Kind> {
        Some(match s {
            "after" => Kind::After,
            "ago_pre" => Kind::AgoPre,
            "ago_post" => Kind::AgoPost,
            "anchored" => Kind::Anchored,
            "approx" => Kind::Approx,
            "before" => Kind::Before,
            "deictic" => Kind::Deictic,
            "every" => Kind::Every,
            "in" => Kind::In,
            "last" => Kind::Last,
            "month" => Kind::Month,
            "next" => Kind::Next,
            "num" => Kind::Num,
            "numx" => Kind::NumX,
            "part" => Kind::Part,
            "pod" => Kind::Pod,
            "season" => Kind::Season,
            "this" => Kind::This,
            "time" => Kind::Time,
            "tz" => Kind::Tz,
            "unit" => Kind::Unit,
            "vague" => Kind::Vague,
            "weekday" => Kind::Weekday,
            _ => return None,
        })
    }
}

/// One meaning of a phrase.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Entry {
    /// What it is.
    pub kind: Kind,
    /// Its value as written in the file (a number or a code).
    pub value: &'static str,
    /// How many tokens the phrase spans.
    pub len: usize,
}

impl Entry {
    /// The value as an integer (0 when it is not one); a `/tag` after it is left out.
    pub fn int(&self) -> i64 {
        self.value.split('/').next().unwrap_or_default().parse().unwrap_or(0)
    }

    /// The tag after `/` in the value: the daylight-saving rule of a time zone (`-300/us`, `60/eu`).
    pub fn tag(&self) -> Option<&'static str> {
        self.value.split_once('/').map(|(_, t)| t)
    }
}

/// What the lexicon holds about a token that starts a phrase: all a scan needs at most tokens, in one lookup.
#[derive(Default)]
pub struct Head {
    /// The length in tokens of the longest phrase starting with the token.
    pub longest: usize,
    /// The meanings of the token alone (a one-token phrase).
    pub alone: Vec<Entry>,
    /// The second tokens of those phrases: a scan tries the two tokens' key only when the next token is one.
    pub seconds: Vec<String>,
}

/// The phrases of one language, keyed by their folded tokens joined with single spaces.
pub struct Lexicon {
    phrases: Map<Vec<Entry>>,
    /// First token of any phrase → what starts with it (most tokens start none: one lookup).
    first: Map<Head>,
    /// The shapes of the keys of `first`: most tokens are ruled out without hashing.
    first_shapes: text::KeyShapes,
    /// Every proper prefix (whole tokens) of a phrase of two tokens or more.
    prefixes: text::WordSet<String>,
    /// The longest phrase, in tokens.
    pub max_len: usize,
}

impl Lexicon {
    /// The meanings of the phrase whose folded tokens joined by spaces are `key`.
    pub fn get(&self, key: &str) -> &[Entry] {
        self.phrases.get(key).map(Vec::as_slice).unwrap_or(&[])
    }

    /// Whether a longer phrase starts with the tokens `key`: a scan over the tokens stops adding tokens as
    /// soon as no phrase goes on ("de" + "la" + … ends at "de la" unless a phrase starts so).
    pub fn continues(&self, key: &str) -> bool {
        self.prefixes.contains(key)
    }

    /// The phrases starting with the folded token `first`, if any.
    pub fn head(&self, first: &str) -> Option<&Head> {
        if !self.first_shapes.may_hold(first) {
            return None;
        }
        self.first.get(first)
    }
}

/// Lexicon maps keyed by short folded words, looked up once or more per token of every text (the keys are our
/// own data: see [`WordMap`]).
type Map<V> = WordMap<String, V>;

/// A set of folded words, looked up in one hash instead of a comparison per word: word lists that the
/// grammar checks at (nearly) every token.
pub type WordSet = text::WordSet<&'static str>;

/// A [`WordSet`] of `words`.
pub fn word_set(words: &[&'static str]) -> WordSet {
    words.iter().copied().collect()
}

/// The raw data files, for the tests.
pub const SOURCES: &[(&str, &str)] =
    &[("data/dates/fr.tsv", include_str!("../../data/dates/fr.tsv")), ("data/dates/en.tsv", include_str!("../../data/dates/en.tsv"))];

static FR: LazyLock<Lexicon> = LazyLock::new(|| build(SOURCES[0].1));
static EN: LazyLock<Lexicon> = LazyLock::new(|| build(SOURCES[1].1));

/// The lexicon of `lang`.
pub fn get(lang: Lang) -> &'static Lexicon {
    match lang {
        Lang::Fr => &FR,
        Lang::En => &EN,
    }
}

/// True when [`fold`] leaves `s` as it is (plain lower-case ASCII: most tokens), so it need not be copied.
pub fn is_folded(s: &str) -> bool {
    s.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase())
}

/// Lower case, accents removed, typographic apostrophes made plain: the form lexicon keys and tokens are
/// compared in.
pub fn fold(s: &str) -> String {
    let mut out = Vec::with_capacity(s.len());
    fold_bytes_into(s, &mut out);
    // Always valid: whole characters, each encoded by `char::encode_utf8` or copied whole.
    String::from_utf8(out).unwrap_or_default()
}

/// [`fold`] of `s`, its UTF-8 bytes appended to `out`: the folded forms of a whole text go into one buffer
/// instead of one allocation per token, and characters are appended as bytes (pushing a `char` onto a
/// `String` is a call per character in the size-optimised build).
pub fn fold_bytes_into(s: &str, out: &mut Vec<u8>) {
    let b = s.as_bytes();
    let mut k = 0;
    while k < b.len() {
        match b[k] {
            // Only case to fold: no ASCII character is an accent or a typographic apostrophe.
            x if x < 0x80 => {
                out.push(x.to_ascii_lowercase());
                k += 1;
            }
            // U+00C0–U+00FF ("É", "é", "à"), the accented letters of French: a table, no Unicode lookup.
            0xC3 if k + 1 < b.len() => {
                match LATIN1_FOLDED[usize::from(b[k + 1] & 0x3F)] {
                    f if f < 0x80 => out.push(f),
                    f => out.extend_from_slice(&[0xC3, f]),
                }
                k += 2;
            }
            _ => {
                let Some(c) = s.get(k..).and_then(|r| r.chars().next()) else { break };
                let mut buf = [0u8; 4];
                for l in c.to_lowercase() {
                    out.extend_from_slice(fold_char(l).encode_utf8(&mut buf).as_bytes());
                }
                k += c.len_utf8();
            }
        }
    }
}

/// The folded form of U+00C0 + `n` (n < 64): an ASCII byte, or (0x80 and above) the second byte of a
/// character U+00C0–U+00FF. An upper-case Latin-1 letter's lower case is 0x20 above it (× U+D7 is no letter).
const LATIN1_FOLDED: [u8; 64] = {
    let mut t = [0u8; 64];
    let mut n = 0;
    while n < 64 {
        let c = 0xC0 + n as u32;
        let lower = if c <= 0xDE && c != 0xD7 { c + 0x20 } else { c };
        let f = match char::from_u32(lower) {
            Some(l) => fold_char(l) as u32,
            None => lower,
        };
        // every fold of a Latin-1 letter is ASCII or Latin-1 again (U+00C0–U+00FF: bytes C3 80–BF)
        t[n] = if f < 0x80 { f as u8 } else { 0x80 | (f & 0x3F) as u8 };
        n += 1;
    }
    t
};

/// A lower-case character without its accent; typographic apostrophes and hyphens made plain.
const fn fold_char(l: char) -> char {
    match l {
        'à' | 'â' | 'ä' | 'á' | 'ã' => 'a',
        'é' | 'è' | 'ê' | 'ë' => 'e',
        'î' | 'ï' | 'í' => 'i',
        'ô' | 'ö' | 'ó' => 'o',
        'ù' | 'û' | 'ü' | 'ú' => 'u',
        'ç' => 'c',
        'ÿ' => 'y',
        '’' | '‘' | 'ʼ' => '\'',
        '\u{2011}' | '‐' => '-',
        other => other,
    }
}

fn build(src: &'static str) -> Lexicon {
    let mut phrases: Map<Vec<Entry>> = Map::default();
    let mut first: Map<Head> = Map::default();
    let mut prefixes: text::WordSet<String> = text::WordSet::default();
    let mut max_len = 1;
    for line in src.lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let mut cols = line.split('\t');
        let (Some(kind), Some(phrase), Some(value)) = (cols.next(), cols.next(), cols.next()) else { continue };
        let Some(kind) = Kind::parse(kind) else { continue };
        let doc = Doc::new(phrase);
        let toks: Vec<String> = doc.tokens.iter().map(|t| fold(doc.slice(t.span))).collect();
        let len = toks.len();
        if len == 0 {
            continue;
        }
        max_len = max_len.max(len);
        let head = first.entry(toks[0].clone()).or_default();
        head.longest = head.longest.max(len);
        if len > 1 && !head.seconds.contains(&toks[1]) {
            head.seconds.push(toks[1].clone());
        }
        let entry = Entry { kind, value, len };
        if len == 1 {
            head.alone.push(entry);
        }
        for k in 1..len {
            prefixes.insert(toks[..k].join(" "));
        }
        phrases.entry(toks.join(" ")).or_default().push(entry);
    }
    let first_shapes = text::KeyShapes::new(first.keys().map(String::as_str));
    Lexicon { phrases, first, first_shapes, prefixes, max_len }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lexicon_files_are_sorted_and_unique() {
        for (name, src) in SOURCES {
            let lines: Vec<&str> = src.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()).collect();
            for w in lines.windows(2) {
                assert!(w[0] < w[1], "{name}: {:?} must come before {:?} (sorted, no duplicates)", w[1], w[0]);
            }
            for l in &lines {
                let cols: Vec<&str> = l.split('\t').collect();
                assert_eq!(cols.len(), 3, "{name}: {l:?} needs kind, phrase, value");
                assert!(Kind::parse(cols[0]).is_some(), "{name}: unknown kind in {l:?}");
            }
        }
    }

    #[test]
    fn folds_case_accents_and_apostrophes() {
        assert_eq!(fold("Eté"), "ete");
        assert_eq!(fold("ÉTÉ"), "ete");
        assert_eq!(fold("À×Þ"), "a×þ");
        assert_eq!(fold("ΣΑΒΒΑΤΟ"), "σαββατο");
        assert_eq!(fold("AUJOURD’HUI"), "aujourd'hui");
        assert_eq!(fold("Février"), "fevrier");
    }

    #[test]
    fn folding_lowers_as_unicode_does() {
        // The Latin-1 fast path and the buffer give what lowering each character with the Unicode tables and
        // folding it gives ("é" first: an ASCII-only word takes another path).
        for c in (0u32..0x3000).filter_map(char::from_u32) {
            let slow: String = c.to_lowercase().map(fold_char).collect();
            assert_eq!(fold(&format!("é{c}")), format!("e{slow}"), "{c:?}");
        }
        let long = "ÉTÉ À ÇA ".repeat(20);
        assert_eq!(fold(&long), "ete a ca ".repeat(20));
    }

    #[test]
    fn finds_multi_token_phrases() {
        let fr = get(Lang::Fr);
        assert_eq!(fr.get("aujourd ' hui")[0].kind, Kind::Deictic);
        assert_eq!(fr.get("fevrier")[0].int(), 2);
        assert_eq!(get(Lang::En).get("yesterday")[0].int(), -1);
        assert!(fr.get("planete").is_empty());
    }
}
