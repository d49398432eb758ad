//! Language of a text: French or English, by counting frequent function words.

use serde::Serialize;

/// A language NewsLens analyses.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// French.
    Fr,
    /// English.
    En,
}

impl Lang {
    /// The ISO 639-1 code: `"fr"`, `"en"`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::En => "en",
        }
    }

    /// Parse an ISO 639-1 code (case-insensitive; `fr-FR` and `en_US` are accepted).
    pub fn from_code(code: &str) -> Option<Lang> {
        let base = code.trim().get(..2)?.to_ascii_lowercase();
        match base.as_str() {
            "fr" => Some(Lang::Fr),
            "en" => Some(Lang::En),
            _ => None,
        }
    }
}

const FRENCH_MARKERS: &[&str] = &[
    "le", "la", "les", "des", "du", "de", "et", "est", "une", "un", "dans", "pour", "que", "qui", "pas", "sur", "au",
    "aux", "avec", "il", "elle", "a", "ont", "été", "ce", "cette", "selon", "mais", "son", "sa", "ses",
];
const ENGLISH_MARKERS: &[&str] = &[
    "the", "of", "and", "to", "in", "is", "was", "that", "for", "on", "with", "he", "she", "it", "as", "said", "by",
    "at", "from", "his", "her", "has", "have", "be", "are", "were", "this", "an", "not", "they", "who",
];

/// Guess the language of `text` from its function words; French when there is no evidence either way
/// (NewsLens was first made for French news).
pub fn detect(text: &str) -> Lang {
    let (mut fr, mut en) = (0usize, 0usize);
    // The first 20 kB are plenty and keep detection O(1) on huge pages.
    let sample = &text[..floor_char_boundary(text, 20_000)];
    for word in sample.split(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty()) {
        let lower = crate::text::lowercase(word);
        if FRENCH_MARKERS.contains(&&*lower) {
            fr += 1;
        }
        if ENGLISH_MARKERS.contains(&&*lower) {
            en += 1;
        }
    }
    if en > fr {
        Lang::En
    } else {
        Lang::Fr
    }
}

/// The largest char boundary at or before `i`.
pub fn floor_char_boundary(text: &str, i: usize) -> usize {
    let mut i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_french_and_english() {
        assert_eq!(detect("Le procureur général a déclaré jeudi qu'il se récuserait de toute enquête."), Lang::Fr);
        assert_eq!(detect("The attorney general said on Thursday that he would recuse himself."), Lang::En);
        assert_eq!(detect(""), Lang::Fr);
    }

    #[test]
    fn parses_codes() {
        assert_eq!(Lang::from_code("en-US"), Some(Lang::En));
        assert_eq!(Lang::from_code("FR"), Some(Lang::Fr));
        assert_eq!(Lang::from_code("de"), None);
        assert_eq!(Lang::from_code("é"), None);
    }
}
