//! The entity lexicons: plain data files under `data/lexicons/`, parsed once on first use.
//!
//! Generated lists (first names, countries, regions, cities) come from `scripts/gen_lexicons.py`; the small
//! hand-curated ones (honorifics, organisation and place cue words, role nouns, function words, demonyms) are
//! edited by hand. Every file is one entry a line, `#` starts a comment line, `.tsv` files carry an attribute.

use std::sync::{LazyLock, Mutex};

use super::Gender;
use crate::text::{lowercase, WordMap, WordSet};

/// Where an organisation cue word stands in a name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CuePos {
    /// Opens the name: "Comité de l'armée", "ministère de la Justice".
    Head,
    /// Closes the name: "Heritage Foundation".
    Tail,
    /// Either.
    Both,
}

/// Raw file contents, embedded in the binary (and the WebAssembly module).
pub mod files {
    /// `name<TAB>m|f|u`, generated, front-coded ([`entries`](super::entries) decodes it).
    pub const FIRST_NAMES: &str = include_str!("../../data/lexicons/first_names.tsv");
    /// Country names in English and French, generated.
    pub const COUNTRIES: &str = include_str!("../../data/lexicons/countries.txt");
    /// Subdivisions, continents, US states, generated.
    pub const REGIONS: &str = include_str!("../../data/lexicons/regions.txt");
    /// Cities, generated, front-coded ([`entries`](super::entries) decodes it).
    pub const CITIES: &str = include_str!("../../data/lexicons/cities.txt");
    /// Places the generated lists lack, hand-curated.
    pub const PLACES_EXTRA: &str = include_str!("../../data/lexicons/places_extra.txt");
    /// `form<TAB>m|f|u`, hand-curated.
    pub const HONORIFICS: &str = include_str!("../../data/lexicons/honorifics.tsv");
    /// `word<TAB>head|tail|both`, hand-curated.
    pub const ORG_CUES: &str = include_str!("../../data/lexicons/org_cues.tsv");
    /// `word<TAB>head|tail|both`, hand-curated.
    pub const PLACE_CUES: &str = include_str!("../../data/lexicons/place_cues.tsv");
    /// Role nouns, hand-curated.
    pub const ROLES: &str = include_str!("../../data/lexicons/roles.txt");
    /// Function words, hand-curated.
    pub const FUNCTION_WORDS: &str = include_str!("../../data/lexicons/function_words.txt");
    /// Capitalised non-names (weekdays, months), hand-curated.
    pub const NOT_NAMES: &str = include_str!("../../data/lexicons/not_names.txt");
    /// Demonyms, hand-curated.
    pub const DEMONYMS: &str = include_str!("../../data/lexicons/demonyms.txt");
    /// Lower-case nouns naming a kind of organisation ("association", "union"), hand-curated.
    pub const ORG_TYPE_NOUNS: &str = include_str!("../../data/lexicons/org_type_nouns.txt");
    /// Words closing the name of an event, an award, a law ("Cup", "Award", "Act"), hand-curated.
    pub const EVENT_CUES: &str = include_str!("../../data/lexicons/event_cues.txt");

    /// Every list with its file name, for the sortedness test.
    pub const ALL: &[(&str, &str)] = &[
        ("first_names.tsv", FIRST_NAMES),
        ("countries.txt", COUNTRIES),
        ("regions.txt", REGIONS),
        ("cities.txt", CITIES),
        ("places_extra.txt", PLACES_EXTRA),
        ("honorifics.tsv", HONORIFICS),
        ("org_cues.tsv", ORG_CUES),
        ("place_cues.tsv", PLACE_CUES),
        ("roles.txt", ROLES),
        ("function_words.txt", FUNCTION_WORDS),
        ("not_names.txt", NOT_NAMES),
        ("demonyms.txt", DEMONYMS),
        ("org_type_nouns.txt", ORG_TYPE_NOUNS),
        ("event_cues.txt", EVENT_CUES),
    ];
}

/// The entries of a lexicon file: non-empty lines that are not `#` comments, trailing ASCII spaces and tabs
/// trimmed (front-coded files decoded).
pub fn entries(file: &'static str) -> impl Iterator<Item = &'static str> {
    // Byte tests rather than `str::trim_end` and `starts_with`, whose character searchers cost more than the
    // rest of reading an entry (the first analysis pays it, in WebAssembly before V8 has optimised anything).
    lines(expanded(file)).map(str::trim_ascii_end).filter(|l| !l.is_empty() && l.as_bytes()[0] != b'#')
}

/// `text.lines()`, found by a plain byte loop: `str::lines` runs its general character search once per line,
/// which for these ~10-byte lines cost a third of building the lexicons (the first analysis pays it, in
/// WebAssembly before V8 has optimised anything).
fn lines(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = text;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let end = rest.bytes().position(|b| b == b'\n').unwrap_or(rest.len());
        // '\n' is ASCII: both cuts are character boundaries.
        let (line, after) = rest.split_at(end);
        rest = after.get(1..).unwrap_or("");
        // (A byte test: `strip_suffix` runs a character pattern.) '\r' is ASCII: the cut is a boundary.
        Some(if line.as_bytes().last() == Some(&b'\r') { &line[..line.len() - 1] } else { line })
    })
}

/// How many entries `file` may hold (its line count): the sets are sized once rather than grown and rehashed.
fn capacity(file: &str) -> usize {
    file.bytes().filter(|&b| b == b'\n').count() + 1
}

/// The marker line opening a front-coded file (written by `scripts/gen_lexicons.py`).
const FRONT_CODED: &str = "# FRONT-CODED:";

/// `file` itself, or its decoded text when its header says it is front-coded. The two long generated lists
/// (cities, first names) are stored so: ~17 kB less in the gzipped WebAssembly module (issue #8). Each is
/// decoded once per address and kept for the life of the program, so the entries stay `&'static str`.
fn expanded(file: &'static str) -> &'static str {
    if !lines(file).take_while(|l| l.as_bytes().first() == Some(&b'#')).any(|l| l.starts_with(FRONT_CODED)) {
        return file;
    }
    static DECODED: Mutex<Vec<(usize, &'static str)>> = Mutex::new(Vec::new());
    let mut decoded = DECODED.lock().unwrap_or_else(|e| e.into_inner());
    let key = file.as_ptr() as usize;
    if let Some(&(_, text)) = decoded.iter().find(|(k, _)| *k == key) {
        return text;
    }
    let text: &'static str = Box::leak(front_decode(file).into_boxed_str());
    decoded.push((key, text));
    text
}

/// Undo front coding: a line starting with a number N is the first N bytes of the entry above it followed by
/// the rest of the line; other lines (comments included) are kept as they are. A bad N (beyond the entry above
/// or inside a character) keeps no prefix, which the sortedness test (tests/entities_lexicons.rs) reports.
fn front_decode(file: &str) -> String {
    let mut out: Vec<u8> = Vec::with_capacity(file.len() * 3 / 2);
    let mut prev = 0..0; // the entry above, as a range of `out`
    // Each line read as bytes (no `str::parse`, no character searches): this runs once per worker start, on
    // ~28,000 lines.
    for line in lines(file).map(str::as_bytes) {
        let digits = line.iter().take_while(|b| b.is_ascii_digit()).count();
        // An absurdly long number saturates, and keeps no prefix (as any N beyond the entry above).
        let shared = line[..digits].iter().fold(0usize, |n, &d| n.saturating_mul(10).saturating_add(usize::from(d - b'0')));
        let start = out.len();
        // The entry above is whole characters: its first `shared` bytes are too unless the next byte continues
        // a character (0b10xxxxxx).
        let whole = |n: usize| n == prev.len() || out.get(prev.start + n).is_some_and(|&b| b & 0xC0 != 0x80);
        if shared <= prev.len() && whole(shared) {
            out.extend_from_within(prev.start..prev.start + shared);
        }
        out.extend_from_slice(&line[digits..]);
        if !line.is_empty() && line[0] != b'#' {
            prev = start..out.len();
        }
        out.push(b'\n');
    }
    // Only whole characters are copied, so this is valid UTF-8.
    String::from_utf8(out).unwrap_or_default()
}

fn gender_code(code: &str) -> Option<Gender> {
    match code {
        "m" => Some(Gender::Male),
        "f" => Some(Gender::Female),
        _ => None,
    }
}

fn cue_pos(p: &str) -> CuePos {
    match p {
        "head" => CuePos::Head,
        "tail" => CuePos::Tail,
        _ => CuePos::Both,
    }
}

/// All lexicons, parsed.
pub struct Lexicons {
    /// First name → gender (None: unisex or unknown).
    pub first_names: WordMap<&'static str, Option<Gender>>,
    /// Place names other than cities (countries, regions, extras), exact case.
    pub places: WordSet<&'static str>,
    /// City names, exact case (many are also surnames: "Newton", "Hamilton").
    pub cities: WordSet<&'static str>,
    /// Number of words of the longest place name.
    pub max_place_words: usize,
    /// Honorific form (with its dot) → gender.
    pub honorifics: WordMap<&'static str, Option<Gender>>,
    /// The first bytes of the honorific forms: a word starting otherwise needs no look-up.
    pub honorific_first_bytes: [bool; 256],
    /// Lower-case organisation cue → position.
    pub org_cues: WordMap<&'static str, CuePos>,
    /// Lower-case place cue → position.
    pub place_cues: WordMap<&'static str, CuePos>,
    /// Lower-case role nouns.
    pub roles: WordSet<&'static str>,
    /// Lower-case function words.
    pub function_words: WordSet<&'static str>,
    /// Capitalised non-names.
    pub not_names: WordSet<&'static str>,
    /// Demonyms.
    pub demonyms: WordSet<&'static str>,
    /// Lower-case nouns naming a kind of organisation: before a capitalised name they make it one.
    pub org_type_nouns: WordSet<&'static str>,
    /// Lower-case words closing the name of an event, an award, a law or a treaty.
    pub event_cues: WordSet<&'static str>,
}

/// The lexicons, loaded on first use.
pub static LEX: LazyLock<Lexicons> = LazyLock::new(|| {
    // (A byte loop, as `lines`: `split_once` runs a character search per entry.)
    let split = |l: &'static str| -> (&'static str, &'static str) {
        match l.bytes().position(|b| b == b'\t') {
            Some(tab) => (&l[..tab], &l[tab + 1..]),
            None => (l, ""),
        }
    };
    let place_files = [files::COUNTRIES, files::REGIONS, files::PLACES_EXTRA];
    let mut places = WordSet::with_capacity_and_hasher(place_files.iter().map(|f| capacity(expanded(f))).sum(), Default::default());
    let mut cities = WordSet::with_capacity_and_hasher(capacity(expanded(files::CITIES)), Default::default());
    let mut max_place_words = 1;
    let mut add = |set: &mut WordSet<&'static str>, file: &'static str| {
        for place in entries(file) {
            max_place_words = max_place_words.max(place.bytes().filter(|&b| b == b' ').count() + 1);
            set.insert(place);
        }
    };
    for f in place_files {
        add(&mut places, f);
    }
    add(&mut cities, files::CITIES);
    let mut first_names = WordMap::with_capacity_and_hasher(capacity(expanded(files::FIRST_NAMES)), Default::default());
    first_names.extend(entries(files::FIRST_NAMES).map(split).map(|(n, g)| (n, gender_code(g))));
    Lexicons {
        first_names,
        places,
        cities,
        max_place_words,
        honorifics: entries(files::HONORIFICS).map(split).map(|(n, g)| (n, gender_code(g))).collect(),
        honorific_first_bytes: {
            let mut first = [false; 256];
            for (n, _) in entries(files::HONORIFICS).map(split) {
                if let Some(&b) = n.as_bytes().first() {
                    first[usize::from(b)] = true;
                }
            }
            first
        },
        org_cues: entries(files::ORG_CUES).map(split).map(|(w, p)| (w, cue_pos(p))).collect(),
        place_cues: entries(files::PLACE_CUES).map(split).map(|(w, p)| (w, cue_pos(p))).collect(),
        roles: entries(files::ROLES).collect(),
        function_words: entries(files::FUNCTION_WORDS).collect(),
        not_names: entries(files::NOT_NAMES).collect(),
        demonyms: entries(files::DEMONYMS).collect(),
        org_type_nouns: entries(files::ORG_TYPE_NOUNS).collect(),
        event_cues: entries(files::EVENT_CUES).collect(),
    }
});

/// Is `word` (any case) a role or title noun ("président", "spokesman", "porte-parole")?
pub fn is_role_noun(word: &str) -> bool {
    LEX.roles.contains(&*lowercase(word))
}

/// Is `word` (any case) a function word ("le", "the", "mais")?
pub fn is_function_word(word: &str) -> bool {
    LEX.function_words.contains(&*lowercase(word))
}

/// The gender a first name tells, `None` when unknown or unisex; `Err` when not a known first name.
pub fn first_name_gender(word: &str) -> Result<Option<Gender>, ()> {
    LEX.first_names.get(word).copied().ok_or(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn front_coded_lines_decode() {
        for (coded, plain) in [
            ("Aachen\n2kra\n4á\n", "Aachen\nAakra\nAakrá\n"),
            ("Aad\tm\n2fke\tf\n", "Aad\tm\nAafke\tf\n"),
            ("Étampes\n3ang\n", "Étampes\nÉtang\n"), // "É" is two bytes
            ("# 12 comment\nAb\n# x\n1c\n", "# 12 comment\nAb\n# x\nAc\n"), // comments are kept, not entries
            ("Ab\n9x\n", "Ab\nx\n"),          // more bytes than the entry above: no prefix
            ("Éa\n1x\n", "Éa\nx\n"),          // inside a character: no prefix
            ("Ab\n99999999999999999999999x\n", "Ab\nx\n"), // a number past usize: no prefix
            ("Ab\r\n1c\r\n", "Ab\nAc\n"),     // CRLF lines
            ("Ab\n1c", "Ab\nAc\n"),            // no final newline
            ("", ""),
        ] {
            assert_eq!(front_decode(coded), plain, "{coded:?}");
        }
    }

    #[test]
    fn entries_skip_comments_and_blank_lines_and_trim_trailing_spaces() {
        let all: Vec<&str> = entries("# head\n\nun\ndeux \t\r\n  \n#x\ntrois").collect();
        assert_eq!(all, ["un", "deux", "trois"]);
    }

    #[test]
    fn front_coded_files_give_whole_entries() {
        for (file, first, some) in [(files::CITIES, "A Coruña", "Londres"), (files::FIRST_NAMES, "Aad\tm", "Marie\tf")] {
            let all: Vec<&str> = entries(file).collect();
            assert_eq!(all[0], first);
            assert!(all.contains(&some), "{some:?} missing");
            assert!(all.iter().all(|e| !e.starts_with(|c: char| c.is_ascii_digit())));
        }
    }
}
