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

    /// (text, expected "span=value" items in order) against a reference.
    fn found(text: &str, lang: Lang, reference: &str) -> Vec<String> {
        let r = Reference::parse_iso(reference);
        let doc = Doc::new(text);
        extract(&doc, lang, r.as_ref())
            .into_iter()
            .map(|d| format!("{}={}", d.span.slice(text), d.value.as_deref().unwrap_or("null")))
            .collect()
    }

    fn check(lang: Lang, reference: &str, cases: &[(&str, &[&str])]) {
        for (text, want) in cases {
            assert_eq!(found(text, lang, reference), *want, "{text:?} (reference {reference})");
        }
    }

    // Friday 3 March 2017, 13:27: the seed article's reference.
    const SEED: &str = "2017-03-03T13:27";

    #[test]
    fn french_absolute_dates() {
        check(Lang::Fr, SEED, &[
            ("Il est né le 3 mars 2017.", &["le 3 mars 2017=2017-03-03"]),
            ("Mise à jour le 03/03.", &["03/03=2017-03-03"]),
            ("Le texte date du 3/3/2017.", &["3/3/2017=2017-03-03"]),
            ("Publié le 2017-03-03.", &["2017-03-03=2017-03-03"]),
            ("Les faits remontent au 27 mai 1998.", &["27 mai 1998=1998-05-27"]),
            ("Il a été élu en mars 2017.", &["mars 2017=2017-03"]),
            ("dès octobre 98", &["octobre 98=1998-10"]),
            ("La loi de 2016 a été votée.", &["2016=2016"]),
            ("dès l'année 2001", &["l'année 2001=2001"]),
            ("le mardi 1er juin", &["le mardi 1er juin=2017-06-01"]),
            ("fin septembre 2000", &["fin septembre 2000=2000-09"]),
            ("au printemps 2015", &["printemps 2015=2015-SP"]),
            ("dans les années 1990", &["les années 1990=199"]),
            ("au début des années 60", &["début des années 60=196"]),
            ("le XXe siècle", &["le XXe siècle=19"]),
            ("Elle partira mi-mars.", &["mi-mars=2017-03"]),
            ("Dans la nuit de samedi à dimanche, un incendie a éclaté.", &["la nuit de samedi à dimanche=2017-02-25TNI"]),
            ("Il fait beau depuis le 30 février.", &[]),
        ]);
    }

    #[test]
    fn french_times() {
        check(Lang::Fr, SEED, &[
            ("Dernière mise à jour à 13h27 le 03/03", &["13h27=2017-03-03T13:27:00", "03/03=2017-03-03T13:27:00"]),
            // a date written next to its time carries it too
            ("Il est arrivé hier vers 12 h 30 locales.", &["hier=2017-03-02T12:30:00", "vers 12 h 30 locales=2017-03-02T12:30:00"]),
            ("Il est arrivé mardi. Il est mort à 21 h 45.", &["mardi=2017-02-28", "21 h 45=2017-02-28T21:45:00"]),
            ("un communiqué publié vers minuit", &["vers minuit=2017-03-03T00:00:00"]),
            ("samedi 24 juillet à 15 h 45", &["samedi 24 juillet=2017-07-24T15:45:00", "15 h 45=2017-07-24T15:45:00"]),
            ("Le film (documentaire, 1h28, Arte) sort.", &["1h28=PT1H28M"]),
        ]);
    }

    #[test]
    fn french_relative_dates() {
        check(Lang::Fr, SEED, &[
            ("Il a parlé hier.", &["hier=2017-03-02"]),
            ("Il est venu avant-hier.", &["avant-hier=2017-03-01"]),
            ("Elle viendra demain matin.", &["demain matin=2017-03-04TMO"]),
            ("Il l'a vu deux fois l'an dernier.", &["l'an dernier=2016"]),
            ("Il a démissionné la semaine dernière.", &["la semaine dernière=2017-W08"]),
            ("Le vote aura lieu le mois prochain.", &["le mois prochain=2017-04"]),
            ("Il est arrivé il y a trois ans.", &["il y a trois ans=2014-03-03"]),
            ("Il reviendra dans deux semaines.", &["dans deux semaines=2017-03-17"]),
            ("Il a parlé ce matin.", &["ce matin=2017-03-03TMO"]),
            ("Il l'a promis cette semaine.", &["cette semaine=2017-W09"]),
            ("Au début de l'année, il a parlé.", &["début de l'année=2017"]),
            ("Il est en prison depuis deux ans.", &["depuis deux ans=P2Y"]),
            ("Il vient chaque lundi.", &["chaque lundi=XXXX-WXX-1"]),
            ("Il pleut chaque année.", &["chaque année=P1Y"]),
            ("La situation est actuellement calme.", &["actuellement=PRESENT_REF"]),
            ("Autrefois on était d'accord.", &["Autrefois=PAST_REF"]),
        ]);
    }

    #[test]
    fn french_weekdays_and_months_follow_the_tense() {
        check(Lang::Fr, SEED, &[
            ("Il a déclaré jeudi qu'il partait.", &["jeudi=2017-03-02"]),
            ("Le film sera mercredi à l'affiche.", &["mercredi=2017-03-08"]),
            ("Il a parlé jeudi après-midi.", &["jeudi après-midi=2017-03-02TAF"]),
            ("Il a parlé en septembre.", &["septembre=2016-09"]),
            ("Il a démissionné en février.", &["février=2017-02"]),
            ("Il partira en septembre.", &["septembre=2017-09"]),
            ("vendredi dernier, il a parlé", &["vendredi dernier=2017-02-24"]),
            ("Il viendra lundi prochain.", &["lundi prochain=2017-03-06"]),
            ("Le 22 octobre, il a parlé.", &["Le 22 octobre=2016-10-22"]),
        ]);
    }

    #[test]
    fn french_anchored_dates() {
        check(Lang::Fr, SEED, &[
            ("Il est arrivé le 10 mai. La veille, il avait appelé.", &["le 10 mai=2017-05-10", "La veille=2017-05-09"]),
            // a past verb puts a day without year before the reference
            ("Le 10 mai, il a signé ; deux jours plus tard, il partait.", &["Le 10 mai=2016-05-10", "deux jours plus tard=2016-05-12"]),
            ("au printemps 2015, puis un an auparavant", &["printemps 2015=2015-SP", "un an auparavant=2014"]),
            ("du 13 au 15 juillet", &["13=2017-07-13", "15 juillet=2017-07-15"]),
        ]);
    }

    #[test]
    fn french_non_dates() {
        check(Lang::Fr, SEED, &[
            ("50 autres ambassadeurs étaient présents.", &[]),
            ("Il a payé 2000 euros.", &[]),
            ("La sonde s'est posée sur Mars.", &[]),
            ("Le score final est de 3-1.", &[]),
            ("Un chauffeur de bus de 38 ans a été agressé.", &[]),
            ("Il est mort à 75 ans.", &[]),
            ("Il a été élu.", &[]),
            ("les Jeux olympiques d'hiver", &[]),
            ("Elle vend 1/2 litre.", &[]),
        ]);
    }

    #[test]
    fn english_dates() {
        check(Lang::En, SEED, &[
            ("He spoke on March 3, 2017.", &["March 3, 2017=2017-03-03"]),
            ("The report is dated 3/3/2017.", &["3/3/2017=2017-03-03"]),
            ("It happened at 1:27 p.m. yesterday.", &["1:27 p.m.=2017-03-02T13:27:00", "yesterday=2017-03-02T13:27:00"]),
            ("He said on Thursday that he would recuse himself.", &["Thursday=2017-03-02"]),
            ("She left last week.", &["last week=2017-W08"]),
            ("They met three years ago.", &["three years ago=2014-03-03"]),
            ("Prices rose between 2010 and 2015.", &["2010 and 2015=2010"]),
            ("The shop opens Monday to Friday.", &["Monday to Friday=2017-03-06"]), // no tense: the nearest Monday
            ("Sales grew in the 1990s.", &["the 1990s=199"]),
            ("The vote is next month.", &["next month=2017-04"]),
            ("He is now the leader.", &["now=PRESENT_REF"]),
            ("He spoke on Monday.", &["Monday=2017-02-27"]),
            ("He took office on Jan. 20.", &["Jan. 20=2017-01-20"]),
            ("Late last year, he left; mid-2018 saw growth.", &["Late last year=2016", "mid-2018=2018"]),
            ("It ran August 10 - 22, 2012.", &["August 10 - 22, 2012=2012-08-10"]),
            ("The line runs 24/7 and cost 1,000 hours.", &["1,000 hours=PT1000H"]),
            ("He may resign.", &[]),
            ("May Smith spoke.", &[]),
            ("He paid 2000 dollars.", &[]),
            ("A 17-year-old boy", &[]),
        ]);
    }

    #[test]
    fn without_reference_relative_values_are_null() {
        check(Lang::Fr, "", &[
            ("Il a parlé hier.", &["hier=null"]),
            ("le 15 juillet", &["le 15 juillet=XXXX-07-15"]),
            ("le 3 mars 2017", &["le 3 mars 2017=2017-03-03"]),
        ]);
    }

    #[test]
    fn ranges_carry_until() {
        let r = Reference::parse_iso(SEED);
        for (lang, text, until) in [(Lang::Fr, "du 13 au 15 juillet", "2017-07-15"), (Lang::Fr, "de 13h à 15h", "2017-03-03T15:00:00"), (Lang::En, "between 2010 and 2015", "2015")] {
            let doc = Doc::new(text);
            let d = extract(&doc, lang, r.as_ref());
            assert_eq!(d.first().and_then(|d| d.until.as_deref()), Some(until), "{text}");
        }
    }

    #[test]
    fn datelines() {
        for (text, lang, hint, want) in [
            ("Publié le 3 mars 2017 à 13h27\nLe procureur…", Lang::Fr, None, Some("2017-03-03T13:27:00")),
            ("Dernière mise à jour à 13h27 le 03/03\nLe procureur…", Lang::Fr, Some(2017), Some("2017-03-03T13:27:00")),
            ("Dernière mise à jour à 13h27 le 03/03\nLe procureur…", Lang::Fr, None, None),
            ("Updated March 3, 2017\nThe attorney general…", Lang::En, None, Some("2017-03-03T00:00:00")),
            ("Pas de date ici.", Lang::Fr, None, None),
        ] {
            assert_eq!(dateline_reference(text, lang, hint).map(|r| r.to_iso()).as_deref(), want, "{text}");
        }
    }

    #[test]
    fn random_mixes_of_date_tokens_give_valid_spans() {
        // A deterministic pseudo-random walk over date-ish tokens and separators (no dev dependency needed).
        const PIECES: &[&str] = &[
            "le", "3", "mars", "2017", "/", "03", "h", "27", "-", ":", "jeudi", "matin", "l'", "an", "dernier", "il y a", "trois",
            "ans", "du", "au", "et", "vers", "minuit", "May", "5", "pm", "p.m.", "ago", "last", "week", "’", "é", "😀", ",", ".",
            "années", "1990", "XXe", "siècle", "mi-", "fin", "de", "depuis", "chaque", "lundi", "à", "12", "30", "+", "GMT",
        ];
        let r = Reference::parse_iso(SEED);
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        for _ in 0..300 {
            let mut text = String::new();
            for _ in 0..40 {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                text.push_str(PIECES[(seed % PIECES.len() as u64) as usize]);
                if seed % 3 != 0 {
                    text.push(' ');
                }
            }
            let doc = Doc::new(&text);
            for lang in [Lang::Fr, Lang::En] {
                let found = extract(&doc, lang, r.as_ref());
                for w in found.windows(2) {
                    assert!(w[0].span.end <= w[1].span.start, "overlap in {text:?}");
                }
                for d in &found {
                    assert!(text.is_char_boundary(d.span.start) && text.is_char_boundary(d.span.end) && d.span.start < d.span.end, "{text:?}");
                }
            }
        }
    }

    #[test]
    fn long_lists_stay_fast() {
        // thousands of times in one sentence, no date to hang them on
        let text = "13h27, ".repeat(5000);
        let doc = Doc::new(&text);
        let start = std::time::Instant::now();
        let found = extract(&doc, Lang::Fr, None);
        assert_eq!(found.len(), 5000);
        assert!(start.elapsed().as_secs() < 5);
    }

    #[test]
    fn never_panics_on_odd_input() {
        let r = Reference::parse_iso(SEED);
        for text in ["", "é", "13h", "13 h", "le 31/02", "2017-", "2017-02-30", "« 12 »", "1:", "les années", "il y a", "😀 jeudi 😀", "3/", "vers", "'98", "Mar.", "X"] {
            let doc = Doc::new(text);
            for d in extract(&doc, Lang::Fr, r.as_ref()).into_iter().chain(extract(&doc, Lang::En, r.as_ref())) {
                assert!(text.is_char_boundary(d.span.start) && text.is_char_boundary(d.span.end) && d.span.start < d.span.end);
            }
        }
    }

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
