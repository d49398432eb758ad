//! Class/id hint lists: "does this `class` or `id` attribute contain one of these words?"
//!
//! Readability writes these as case-insensitive regexes (`/-ad-|banner|combx|comment|…/i`). Every one of
//! them is a list of ASCII words, each either anywhere in the attribute or delimited on one or both sides,
//! so word lists grouped by delimiter rule say the same thing without a regex engine — which was a third of
//! the WebAssembly module, for eight patterns on short attribute strings (issue #8's size budget).
//!
//! Matching is ASCII case-insensitive (the words are lower-case ASCII) and works on bytes; a delimiter test
//! looks at the whole character before or after the word, so non-ASCII text around a word is text.
//!
//! The detector asks seven lists about every element's `class` and `id`, on each of its passes: a
//! [`HintSet`] answers for all the lists at once, in one pass over the attribute that only compares the
//! words starting with the byte at hand (issue #8: word-by-word matching at every byte was a third of the
//! page scan). [`Hints::is_match`], the definition written out word by word, is the tests' reference.

/// Words grouped by what must stand around them; matches when any word occurs with its delimiters.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Hints {
    /// Anywhere, even inside a longer word (`/banner/`).
    pub anywhere: &'static [&'static str],
    /// Between separators — the start or end of the attribute, whitespace, `_` or `-`
    /// (`/(^|[\s_-])related([\s_-]|$)/`).
    pub tokens: &'static [&'static str],
    /// After a separator, anything after (`/(^|[\s_-])nav/`).
    pub token_starts: &'static [&'static str],
    /// Between spaces or the ends of the attribute (`/^hid$| hid$| hid |^hid /`).
    pub spaced: &'static [&'static str],
    /// Between non-alphanumeric characters or the ends (`/(\b|_)share(\b|_)/`: `_` is a word character
    /// for `\b`, hence the explicit `_`).
    pub words: &'static [&'static str],
}

/// What must stand on one side of a word.
#[derive(Clone, Copy, Debug)]
enum Edge {
    Any,
    Sep,
    Space,
    Word,
}

impl Edge {
    /// Whether `c` (`None`: the start or end of the attribute) satisfies this rule.
    fn admits(self, c: Option<char>) -> bool {
        match (self, c) {
            (Edge::Any, _) | (_, None) => true,
            (Edge::Sep, Some(c)) => c.is_whitespace() || c == '_' || c == '-',
            (Edge::Space, Some(c)) => c == ' ',
            (Edge::Word, Some(c)) => !c.is_alphanumeric(),
        }
    }
}

impl Hints {
    /// No words: the base for `Hints { anywhere: &[…], ..Hints::EMPTY }`.
    pub(crate) const EMPTY: Hints = Hints { anywhere: &[], tokens: &[], token_starts: &[], spaced: &[], words: &[] };

    /// The word groups with the edges each requires.
    fn groups(&self) -> [(&'static [&'static str], Edge, Edge); 5] {
        [
            (self.anywhere, Edge::Any, Edge::Any),
            (self.tokens, Edge::Sep, Edge::Sep),
            (self.token_starts, Edge::Sep, Edge::Any),
            (self.spaced, Edge::Space, Edge::Space),
            (self.words, Edge::Word, Edge::Word),
        ]
    }

    /// Whether `hint` contains one of the words with its delimiters, ignoring ASCII case: the definition,
    /// word by word at every position (the detector uses [`HintSet`], which tests check against this).
    #[cfg(test)]
    pub(crate) fn is_match(&self, hint: &str) -> bool {
        self.groups().iter().any(|&(words, before, after)| words.iter().any(|w| contains(hint, w, before, after)))
    }
}

/// Whether `hay` contains `word` (ASCII, lower-case; compared ignoring ASCII case) with the characters
/// around it admitted by `before` and `after`. An ASCII match starts and ends on character boundaries.
#[cfg(test)]
fn contains(hay: &str, word: &str, before: Edge, after: Edge) -> bool {
    let (bytes, w) = (hay.as_bytes(), word.as_bytes());
    if w.is_empty() || w.len() > bytes.len() {
        return false;
    }
    (0..=bytes.len() - w.len()).any(|at| word_at(hay, at, w, before, after))
}

/// Whether `word` (lower-case ASCII) is at byte `at` of `hay`, ignoring ASCII case, with admitted edges.
fn word_at(hay: &str, at: usize, word: &[u8], before: Edge, after: Edge) -> bool {
    let bytes = hay.as_bytes();
    // An ASCII word equal to the bytes at `at` starts and ends on character boundaries: the slices are safe.
    bytes.len() - at >= word.len()
        && bytes[at..at + word.len()].eq_ignore_ascii_case(word)
        && before.admits(hay[..at].chars().next_back())
        && after.admits(hay[at + word.len()..].chars().next())
}

/// One word of a [`HintSet`]: the word, the index of its list, its edges.
#[derive(Clone, Copy, Debug)]
struct Entry {
    /// The word's second byte, lower case (0 for a one-byte word).
    second: u8,
    word: &'static [u8],
    list: u8,
    before: Edge,
    after: Edge,
}

/// Up to 32 hint lists matched together: bit `k` of [`HintSet::matches`] says whether list `k` matches,
/// exactly as [`Hints::is_match`] would. Words are filed under their first byte and sorted by their
/// second, so that a position of the attribute is compared only with the words that start with its first
/// two bytes.
#[derive(Debug)]
pub(crate) struct HintSet {
    /// Indexed by a lower-case ASCII first byte; each sorted by second byte.
    by_first: Vec<Vec<Entry>>,
    /// Indexed by a lower-case ASCII first byte: bit `b` is set when a word goes on with byte `b` (bit 0,
    /// the end of the attribute or a non-ASCII byte: all bits set for a one-byte word).
    second: Vec<u128>,
}

impl HintSet {
    /// The set of `lists` (at most 32), list `k` answering on bit `k`.
    pub(crate) fn new(lists: &[&Hints]) -> HintSet {
        assert!(lists.len() <= 32, "a HintSet answers for at most 32 lists");
        let mut by_first = vec![Vec::new(); 128];
        let mut second = vec![0u128; 128];
        for (k, hints) in lists.iter().enumerate() {
            for (words, before, after) in hints.groups() {
                for w in words {
                    let word = w.as_bytes();
                    if let Some(&first) = word.first() {
                        assert!(w.is_ascii(), "hint words are ASCII: {w:?}");
                        let first = first.to_ascii_lowercase() as usize;
                        let second_byte = word.get(1).map_or(0, |b| b.to_ascii_lowercase());
                        by_first[first].push(Entry { second: second_byte, word, list: k as u8, before, after });
                        second[first] |= match word.get(1) {
                            Some(&b) => 1 << b.to_ascii_lowercase(),
                            None => u128::MAX,
                        };
                    }
                }
            }
        }
        for entries in &mut by_first {
            crate::text::sort_by_u64(entries, |e| e.second as u64);
        }
        HintSet { by_first, second }
    }

    /// Which lists match `hint` (bit `k`: list `k`), ignoring ASCII case.
    pub(crate) fn matches(&self, hint: &str) -> u32 {
        let bytes = hint.as_bytes();
        let mut found = 0u32;
        for (at, &b) in bytes.iter().enumerate() {
            let first = b.to_ascii_lowercase() as usize;
            let Some(&seconds) = self.second.get(first) else { continue };
            let next = bytes.get(at + 1).map_or(0, |c| c.to_ascii_lowercase());
            let bit = if next < 128 { next } else { 0 };
            if (seconds >> bit) & 1 == 0 {
                continue;
            }
            let entries = &self.by_first[first];
            // One-byte words (second byte 0, sorted first), then the words going on with `next`.
            let singles = entries.partition_point(|e| e.second == 0);
            let from = entries.partition_point(|e| e.second < next);
            let candidates = entries[..singles].iter().chain(entries[from..].iter().take_while(|e| e.second == next));
            for e in candidates {
                if found & (1 << e.list) == 0 && word_at(hint, at, e.word, e.before, e.after) {
                    found |= 1 << e.list;
                }
            }
        }
        found
    }
}

/// Whether `text` has a full stop followed by a space or at its very end (`/\.( |$)/`).
pub(crate) fn has_sentence_end(text: &str) -> bool {
    text.contains(". ") || text.ends_with('.')
}

#[cfg(test)]
mod tests {
    use super::*;

    const NEGATIVE_LIKE: Hints = Hints {
        anywhere: &["-ad-", "banner"],
        tokens: &["ad", "ads"],
        token_starts: &["nav"],
        spaced: &["hid"],
        ..Hints::EMPTY
    };
    const SHARE_LIKE: Hints = Hints { words: &["share", "social"], ..Hints::EMPTY };

    #[test]
    fn hint_lists_match_like_their_regexes() {
        // (hints, attribute, expected) — the comment names the regex branch at stake.
        let cases: &[(&Hints, &str, bool)] = &[
            (&NEGATIVE_LIKE, "top-ad-slot", true), // -ad-
            (&NEGATIVE_LIKE, "TopBanner", true),   // banner, any case
            (&NEGATIVE_LIKE, "ad", true),          // ^ads?$
            (&NEGATIVE_LIKE, "block ads", true),   // \sads?$
            (&NEGATIVE_LIKE, "ads_top", true),     // ^ads?_
            (&NEGATIVE_LIKE, "headline", false),   // "ad" inside a word
            (&NEGATIVE_LIKE, "adsense", false),    // "ads" before a letter
            (&NEGATIVE_LIKE, "hid", true),         // ^hid$
            (&NEGATIVE_LIKE, "x hid y", true),     //  hid
            (&NEGATIVE_LIKE, "x-hid", false),      // only a space delimits hid
            (&NEGATIVE_LIKE, "hidden-x", false),   // hid inside a word
            (&NEGATIVE_LIKE, "navbar", true),      // ^nav, open on the right
            (&NEGATIVE_LIKE, "main-nav", true),    // -nav
            (&NEGATIVE_LIKE, "canvas", false),     // nav inside a word
            (&NEGATIVE_LIKE, "", false),
            (&SHARE_LIKE, "share", true),
            (&SHARE_LIKE, "post_share_bar", true), // _ on both sides
            (&SHARE_LIKE, "share-buttons", true),  // \b before -
            (&SHARE_LIKE, "SOCIAL", true),
            (&SHARE_LIKE, "shared", false),        // a letter after
            (&SHARE_LIKE, "reshare", false),       // a letter before
            (&SHARE_LIKE, "éshare", false),        // a non-ASCII letter before
            (&SHARE_LIKE, "partage·share", true),  // punctuation before
        ];
        for &(hints, attr, want) in cases {
            assert_eq!(hints.is_match(attr), want, "{attr:?}");
        }
        // The one-pass set says the same, list by list.
        let set = HintSet::new(&[&NEGATIVE_LIKE, &SHARE_LIKE]);
        for &(hints, attr, want) in cases {
            let bit = if std::ptr::eq(hints, &NEGATIVE_LIKE) { 1 } else { 2 };
            assert_eq!(set.matches(attr) & bit != 0, want, "{attr:?}");
        }
    }

    #[test]
    fn a_hint_set_agrees_with_its_lists_on_every_cut() {
        // Every substring of attributes that put words next to each separator kind, in both cases: the
        // one-pass matcher must answer as the word-by-word definition on each.
        let lists = [&NEGATIVE_LIKE, &SHARE_LIKE];
        let set = HintSet::new(&lists);
        let samples = [
            "top-ad-slot ads_top x hid y main-nav canvas post_share_bar reshare éshare partage·share SOCIAL",
            "Ad-Banner hidden-x nav_ads hid\tads-social_share-shared navbar -ad- a-d- sharesocial",
        ];
        for sample in samples {
            let chars: Vec<usize> = sample.char_indices().map(|(i, _)| i).chain([sample.len()]).collect();
            for (k, &from) in chars.iter().enumerate() {
                for &to in &chars[k..] {
                    let hint = &sample[from..to];
                    for (bit, list) in lists.iter().enumerate() {
                        assert_eq!(set.matches(hint) & (1 << bit) != 0, list.is_match(hint), "list {bit}, {hint:?}");
                    }
                }
            }
        }
    }

    #[test]
    fn sentence_ends() {
        for (text, want) in [("Fin.", true), ("Fin. Suite", true), ("v1.2", false), ("Fin", false), ("", false)] {
            assert_eq!(has_sentence_end(text), want, "{text:?}");
        }
    }
}
