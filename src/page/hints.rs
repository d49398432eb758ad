//! Class/id hint lists: "does this `class` or `id` attribute contain one of these words?"
//!
//! Readability writes these as case-insensitive regexes (`/-ad-|banner|combx|comment|…/i`). Every one of
//! them is a list of ASCII words, each either anywhere in the attribute or delimited on one or both sides,
//! so word lists grouped by delimiter rule say the same thing without a regex engine — which was a third of
//! the WebAssembly module, for eight patterns on short attribute strings (issue #8's size budget).
//!
//! Matching is ASCII case-insensitive (the words are lower-case ASCII) and works on bytes; a delimiter test
//! looks at the whole character before or after the word, so non-ASCII text around a word is text.

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
#[derive(Clone, Copy)]
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

    /// Whether `hint` contains one of the words with its delimiters, ignoring ASCII case.
    pub(crate) fn is_match(&self, hint: &str) -> bool {
        let groups = [
            (self.anywhere, Edge::Any, Edge::Any),
            (self.tokens, Edge::Sep, Edge::Sep),
            (self.token_starts, Edge::Sep, Edge::Any),
            (self.spaced, Edge::Space, Edge::Space),
            (self.words, Edge::Word, Edge::Word),
        ];
        groups.iter().any(|&(words, before, after)| words.iter().any(|w| contains(hint, w, before, after)))
    }
}

/// Whether `hay` contains `word` (ASCII, lower-case; compared ignoring ASCII case) with the characters
/// around it admitted by `before` and `after`. An ASCII match starts and ends on character boundaries.
fn contains(hay: &str, word: &str, before: Edge, after: Edge) -> bool {
    let (bytes, w) = (hay.as_bytes(), word.as_bytes());
    if w.is_empty() || w.len() > bytes.len() {
        return false;
    }
    (0..=bytes.len() - w.len()).any(|at| {
        bytes[at..at + w.len()].eq_ignore_ascii_case(w)
            && before.admits(hay[..at].chars().next_back())
            && after.admits(hay[at + w.len()..].chars().next())
    })
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
    }

    #[test]
    fn sentence_ends() {
        for (text, want) in [("Fin.", true), ("Fin. Suite", true), ("v1.2", false), ("Fin", false), ("", false)] {
            assert_eq!(has_sentence_end(text), want, "{text:?}");
        }
    }
}
