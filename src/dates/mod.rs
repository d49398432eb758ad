//! Temporal expressions: find them and resolve them to TIMEX3 values against a reference moment.
//!
//! Three steps, one file each: [`lexicon`] (the date words of each language, from `data/dates/*.tsv`),
//! `finder` (a hand-written grammar over the tokens of [`Doc`]: what each expression says) and `resolver`
//! (its TIMEX3 value against the reference, the tense of its clause and the dates mentioned before it).
//!
//! ```
//! use newslens::dates::{extract, Reference};
//! use newslens::text::Doc;
//! use newslens::Lang;
//!
//! let doc = Doc::new("M. Sessions a déclaré jeudi qu'il avait parlé deux fois l'an dernier avec l'ambassadeur.");
//! let r = Reference::parse_iso("2017-03-03T13:27").unwrap();
//! let found: Vec<_> = extract(&doc, Lang::Fr, Some(&r)).into_iter().map(|d| d.value.unwrap_or_default()).collect();
//! assert_eq!(found, ["2017-03-02", "2016"]);
//! ```

pub mod lexicon;
mod finder;
mod resolver;

use crate::lang::Lang;
use crate::text::{Doc, Span};

pub use resolver::iso_week;

/// A civil date and time (no time zone): the moment relative expressions are resolved against.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Reference {
    /// Year, e.g. 2017.
    pub year: i32,
    /// Month 1–12.
    pub month: u32,
    /// Day 1–31.
    pub day: u32,
    /// Hour 0–23.
    pub hour: u32,
    /// Minute 0–59.
    pub minute: u32,
    /// Second 0–59.
    pub second: u32,
}

impl Reference {
    /// Parse `YYYY-MM-DD`, `YYYY-MM-DDTHH:MM[:SS[.fff]]` with an optional `Z` or `±HH:MM` (ignored: the
    /// local wall-clock time is what the article's words refer to). `None` when it is not such a date.
    pub fn parse_iso(s: &str) -> Option<Reference> {
        let s = s.trim();
        let b = s.as_bytes();
        let num = |a: usize, z: usize| -> Option<u32> {
            let part = s.get(a..z)?;
            if part.bytes().all(|c| c.is_ascii_digit()) && !part.is_empty() {
                part.parse().ok()
            } else {
                None
            }
        };
        if b.len() < 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let year = num(0, 4)? as i32;
        let month = num(5, 7)?;
        let day = num(8, 10)?;
        let (mut hour, mut minute, mut second) = (0, 0, 0);
        if b.len() > 10 {
            if !matches!(b[10], b'T' | b't' | b' ') || b.len() < 16 || b[13] != b':' {
                return None;
            }
            hour = num(11, 13)?;
            minute = num(14, 16)?;
            if b.len() >= 19 && b[16] == b':' {
                second = num(17, 19)?;
            }
        }
        let r = Reference { year, month, day, hour, minute, second };
        r.is_valid().then_some(r)
    }

    /// The UTC civil time of a Unix timestamp (used for `reference_source: "now"`).
    pub fn from_unix_seconds(secs: i64) -> Reference {
        let days = secs.div_euclid(86_400);
        let rem = secs.rem_euclid(86_400) as u32;
        let (year, month, day) = civil_from_days(days);
        Reference { year, month, day, hour: rem / 3600, minute: rem % 3600 / 60, second: rem % 60 }
    }

    fn is_valid(&self) -> bool {
        (1..=12).contains(&self.month)
            && self.day >= 1
            && self.day <= days_in_month(self.year, self.month)
            && self.hour < 24
            && self.minute < 60
            && self.second < 60
    }

    /// `YYYY-MM-DDTHH:MM:SS`, the form of the JSON `reference` field.
    pub fn to_iso(&self) -> String {
        format!(
            "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}",
            self.year, self.month, self.day, self.hour, self.minute, self.second
        )
    }
}

/// (year, month, day) of a count of days since 1970-01-01 (Howard Hinnant's `civil_from_days`).
pub fn civil_from_days(days: i64) -> (i32, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
    (year, month, day)
}

/// Days since 1970-01-01 of a civil date (inverse of [`civil_from_days`]).
pub fn days_from_civil(year: i32, month: u32, day: u32) -> i64 {
    let y = i64::from(year) - i64::from(month <= 2);
    let era = y.div_euclid(400);
    let yoe = y.rem_euclid(400);
    let m = i64::from(month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// Number of days in `month` of `year` (proleptic Gregorian).
pub fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

/// TIMEX3 type of a temporal expression.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TimexType {
    /// A calendar date or a coarser period (`2017-03-02`, `2017`, `2017-W09`).
    Date,
    /// A time of day (`2017-03-02T13:27`).
    Time,
    /// A length of time (`P2Y`).
    Duration,
    /// A recurring time (`chaque lundi`).
    Set,
}

impl TimexType {
    /// The JSON name.
    pub fn as_str(self) -> &'static str {
        match self {
            TimexType::Date => "date",
            TimexType::Time => "time",
            TimexType::Duration => "duration",
            TimexType::Set => "set",
        }
    }
}

/// One temporal expression found in the text.
#[derive(Clone, Debug, PartialEq)]
pub struct DateMention {
    /// Bytes of the expression.
    pub span: Span,
    /// TIMEX3 type.
    pub timex_type: TimexType,
    /// TIMEX3 value; `None` when it cannot be resolved.
    pub value: Option<String>,
    /// Inclusive end of a range, TIMEX3.
    pub until: Option<String>,
    /// `year`, `month`, `day`, `part-of-day`, `minute`, … (the finest unit the value gives).
    pub grain: &'static str,
    /// True when the value came from the reference or another date in the text.
    pub relative: bool,
}

/// Find and resolve the temporal expressions of `doc`, in text order. Without a reference, expressions
/// relative to it get no value (`None`) and day-month dates without a year get `XXXX`.
pub fn extract(doc: &Doc, lang: Lang, reference: Option<&Reference>) -> Vec<DateMention> {
    let toks = finder::tokens(doc);
    let cands = finder::Finder::new(&toks, lang).find();
    resolver::resolve(&cands, &toks, lang, reference)
}

/// The publication moment written at the top of an article ("Publié le 3 mars 2017 à 13h27", "Dernière mise
/// à jour à 13h27 le 03/03", "Updated March 3, 2017 1:27 p.m."), if the first lines (500 bytes) hold one.
///
/// A dateline without its year ("le 03/03") takes `year_hint` (e.g. from page metadata or the copyright
/// line); without a hint it gives `None`, since the year cannot be guessed. The time defaults to 00:00.
pub fn dateline_reference(text: &str, lang: Lang, year_hint: Option<i32>) -> Option<Reference> {
    let head = &text[..crate::lang::floor_char_boundary(text, 500)];
    let doc = Doc::new(head);
    let mentions = extract(&doc, lang, None);
    // Only the lines before the first long paragraph: a dateline is short.
    let limit = doc.paragraphs.iter().find(|p| p.span.len() > 200).map_or(head.len(), |p| p.span.start);
    let mut date: Option<(i32, u32, u32)> = None;
    let mut time: Option<(u32, u32)> = None;
    for m in mentions.iter().filter(|m| m.span.start < limit) {
        let Some(v) = m.value.as_deref() else { continue };
        if date.is_none() {
            date = parse_day_value(v, year_hint);
        }
        if time.is_none() {
            time = parse_time_value(v);
        }
        if date.is_some() && time.is_some() {
            break;
        }
    }
    let (year, month, day) = date?;
    let (hour, minute) = time.unwrap_or((0, 0));
    let r = Reference { year, month, day, hour, minute, second: 0 };
    r.is_valid().then_some(r)
}

/// `2017-03-03…` or `XXXX-03-03…` (with the hint) → (y, m, d).
fn parse_day_value(v: &str, year_hint: Option<i32>) -> Option<(i32, u32, u32)> {
    let b = v.as_bytes();
    if b.len() < 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let year = match v.get(0..4)? {
        "XXXX" => year_hint?,
        y => y.parse().ok()?,
    };
    Some((year, v.get(5..7)?.parse().ok()?, v.get(8..10)?.parse().ok()?))
}

/// `…THH:MM…` → (h, m).
fn parse_time_value(v: &str) -> Option<(u32, u32)> {
    let t = v.find('T')?;
    let hh = v.get(t + 1..t + 3)?.parse().ok()?;
    let mm = v.get(t + 4..t + 6)?.parse().ok()?;
    (v.get(t + 3..t + 4)? == ":").then_some((hh, mm))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_iso_references() {
        let r = Reference::parse_iso("2017-03-03T13:27").unwrap();
        assert_eq!(r.to_iso(), "2017-03-03T13:27:00");
        assert_eq!(Reference::parse_iso("2017-03-03").unwrap().to_iso(), "2017-03-03T00:00:00");
        assert_eq!(Reference::parse_iso("2012-08-10T08:09:10.011Z").unwrap().second, 10);
        assert!(Reference::parse_iso("2017-02-30").is_none());
        assert!(Reference::parse_iso("yesterday").is_none());
        assert!(Reference::parse_iso("2017-03-03T1").is_none());
        assert_eq!(Reference::from_unix_seconds(1_488_547_620).to_iso(), "2017-03-03T13:27:00");
        assert_eq!(civil_from_days(days_from_civil(2016, 2, 29)), (2016, 2, 29));
    }
}
