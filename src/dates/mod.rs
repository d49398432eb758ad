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
    let folded = finder::Folded::new(doc);
    let toks = finder::tokens(doc, &folded);
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

    /// (language, text, expected ("span=value", end of its range)) for [`check_ranges`].
    type RangeCase<'a> = (Lang, &'a str, &'a [(&'a str, Option<&'a str>)]);

    /// Like [`check`] against [`SEED`], with each expression's range end (`until`) compared too.
    fn check_ranges(cases: &[RangeCase]) {
        let r = Reference::parse_iso(SEED);
        for (lang, text, want) in cases {
            let doc = Doc::new(text);
            let got: Vec<(String, Option<String>)> = extract(&doc, *lang, r.as_ref())
                .into_iter()
                .map(|d| (format!("{}={}", d.span.slice(text), d.value.as_deref().unwrap_or("null")), d.until))
                .collect();
            let want: Vec<(String, Option<String>)> = want.iter().map(|(a, b)| (a.to_string(), b.map(str::to_string))).collect();
            assert_eq!(got, want, "{text:?}");
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
            // "last" the verb: the duration is the amount alone; "the last two years" is the period
            ("The works would last two years.", &["two years=P2Y"]),
            ("The strike won't last three weeks.", &["three weeks=P3W"]),
            ("It will probably last a few months.", &["a few months=PXM"]),
            ("Prices rose over the last two years.", &["the last two years=P2Y"]),
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
    fn glued_and_year_first_dates() {
        check(Lang::Fr, SEED, &[
            ("Relevé du 2012/août/10.", &["2012/août/10=2012-08-10"]),
            ("Expire le 21-oct-16.", &["21-oct-16=2016-10-21"]),
            ("Version 2024-août publiée.", &["2024-août=2024-08"]),
            // two years stay two years
            ("Le plan 2024-2025 est voté.", &["2024=2024", "2025=2025"]),
        ]);
        check(Lang::En, SEED, &[
            ("Published 2024 August.", &["2024 August=2024-08"]),
            ("The Deadline is 2018 March 18.", &["2018 March 18=2018-03-18"]),
            ("Logged 2012/aug/10 by admin.", &["2012/aug/10=2012-08-10"]),
            ("Filed on 8/Oct/2012.", &["8/Oct/2012=2012-10-08"]),
            ("Expires 21-APR-16.", &["21-APR-16=2016-04-21"]),
            ("Due August-10, 2012.", &["August-10, 2012=2012-08-10"]),
            ("Due August/10/2012.", &["August/10/2012=2012-08-10"]),
            ("Issued Sep-2012.", &["Sep-2012=2012-09"]),
            ("Void on August-32-2014.", &[]),
            ("In 2019 may be late.", &["2019=2019"]),
        ]);
    }

    #[test]
    fn offsets_counted_from_a_named_day() {
        check(Lang::Fr, SEED, &[
            ("Il partira trois jours après demain.", &["trois jours après demain=2017-03-07"]),
            ("Il est arrivé deux jours avant hier.", &["deux jours avant hier=2017-02-28"]),
            ("Il partira trois jours après vendredi prochain.", &["trois jours après vendredi prochain=2017-03-13"]),
        ]);
        check(Lang::En, SEED, &[
            ("It was due 2 days before yesterday.", &["2 days before yesterday=2017-02-28"]),
            ("It is due a week after tomorrow.", &["a week after tomorrow=2017-03-11"]),
            ("It is due 2 days after today.", &["2 days after today=2017-03-05"]),
            ("It is due 2 days after next Friday.", &["2 days after next Friday=2017-03-12"]),
            ("He left a week before Monday.", &["a week before Monday=2017-02-20"]),
            // without a day named after the word, the offset counts from the text's last date
            ("Two days later, he left.", &["Two days later=2017-03-05"]),
        ]);
    }

    #[test]
    fn compound_offsets() {
        check(Lang::Fr, SEED, &[
            ("Il est parti il y a deux heures et quinze minutes.", &["il y a deux heures et quinze minutes=2017-03-03T11:12"]),
            ("Il reviendra dans 1 jour et 2 heures.", &["dans 1 jour et 2 heures=2017-03-04T15:27"]),
        ]);
        check(Lang::En, SEED, &[
            ("It left 1 day 21 hours ago.", &["1 day 21 hours ago=2017-03-01T16:27"]),
            ("Back in 1d, 2hr, and 5min.", &["in 1d, 2hr, and 5min=2017-03-04T15:32"]),
            ("Posted 3m 49s ago.", &["3m 49s ago=2017-03-03T13:23:11"]),
            ("See you 3w later.", &["3w later=2017-03-24"]),
            // a lone "m" may be minutes, months, millions or metres; "3D" and "the 1990s" are no offsets
            ("Posted 5m ago.", &[]),
            ("Shot in 3D in the 1990s.", &["the 1990s=199"]),
            // a length in several units is one duration
            ("The film runs 2 hours 10 minutes.", &["2 hours 10 minutes=PT2H10M"]),
        ]);
    }

    #[test]
    fn zones_named_for_both_seasons_follow_summer_time() {
        check(Lang::Fr, SEED, &[
            ("Ouverture le 2022-07-12 20:00 CET.", &["2022-07-12 20:00 CET=2022-07-12T20:00:00+02:00"]),
            ("Ouverture le 2022-01-12 20:00 CET.", &["2022-01-12 20:00 CET=2022-01-12T20:00:00+01:00"]),
        ]);
        check(Lang::En, SEED, &[
            // US summer time starts on the second Sunday of March (13 March 2022)
            ("Kickoff 2022-03-12 23:00 ET.", &["2022-03-12 23:00 ET=2022-03-12T23:00:00-05:00"]),
            ("Kickoff 2022-03-13 23:00 ET.", &["2022-03-13 23:00 ET=2022-03-13T23:00:00-04:00"]),
            ("Kickoff 2021-11-07 23:00 PT.", &["2021-11-07 23:00 PT=2021-11-07T23:00:00-08:00"]),
            // EU summer time ends on the last Sunday of October (30 October 2022)
            ("Kickoff 2022-10-29 23:00 CET.", &["2022-10-29 23:00 CET=2022-10-29T23:00:00+02:00"]),
            ("Kickoff 2022-10-30 23:00 CET.", &["2022-10-30 23:00 CET=2022-10-30T23:00:00+01:00"]),
            // a zone that names its season keeps its offset
            ("Kickoff 2022-07-12 20:00 EST.", &["2022-07-12 20:00 EST=2022-07-12T20:00:00-05:00"]),
            // "et" is a word
            ("Smith et al. met at 2022-07-12 20:00 et cetera.", &["2022-07-12 20:00=2022-07-12T20:00:00"]),
        ]);
    }

    #[test]
    fn deadlines_midnight_and_log_stamps() {
        check(Lang::Fr, SEED, &[
            // "dans un délai de", "d'ici": the date the period ends
            ("Il partira d'ici deux semaines.", &["d'ici deux semaines=2017-03-17"]),
            // a midnight still to come ends the day; a past one began it
            ("La date limite sera minuit.", &["minuit=2017-03-04T00:00:00"]),
            ("Il est arrivé à minuit.", &["minuit=2017-03-03T00:00:00"]),
            ("Il est parti il y a 1,5 heure.", &["il y a 1,5 heure=2017-03-03T11:57"]),
        ]);
        check(Lang::En, SEED, &[
            ("He will return within two weeks.", &["within two weeks=2017-03-17"]),
            ("The deadline is midnight.", &["midnight=2017-03-04T00:00:00"]),
            ("He left at midnight.", &["midnight=2017-03-03T00:00:00"]),
            ("It was sent half an hour ago.", &["half an hour ago=2017-03-03T12:57"]),
            ("It is due half an hour from now.", &["half an hour from now=2017-03-03T13:57"]),
            ("Build Thu Oct 26 11:00:09 EDT 2023 ok", &["Thu Oct 26 11:00:09 EDT 2023=2023-10-26T11:00:09-04:00"]),
            ("Build Thu Oct 26 11:00:09 2023 ok", &["Thu Oct 26 11:00:09 2023=2023-10-26T11:00:09"]),
        ]);
    }

    #[test]
    fn glued_times_ranges_and_impossible_days() {
        check(Lang::Fr, SEED, &[
            ("Horodatage 31/05/2024-14:15 relevé.", &["31/05/2024-14:15=2024-05-31T14:15:00"]),
            ("Il est né le 32 août 2014.", &[]),
            // one day number too many is not a year
            ("Il y avait 45 personnes en août 2014.", &["août 2014=2014-08"]),
        ]);
        check(Lang::En, SEED, &[
            ("Logged 05/31/2024:14:15 by admin.", &["05/31/2024:14:15=2024-05-31T14:15:00"]),
            ("Logged 05/31/2024.14:15 by admin.", &["05/31/2024.14:15=2024-05-31T14:15:00"]),
            ("Open between 3:30-4:30pm today.", &["3:30-4:30pm today=2017-03-03T15:30:00"]),
            ("Open 12-3am.", &["12-3am=2017-03-03T00:00:00"]),
            ("It opened 10:30am-4:30pm.", &["10:30am-4:30pm=2017-03-03T10:30:00"]),
            ("It was filed on 32 August 2014.", &[]),
            ("It was filed on August 32, 2014.", &[]),
        ]);
    }

    #[test]
    fn dotted_times_and_clock_ranges() {
        check(Lang::Fr, SEED, &[
            // the tail of "13.12" starts no time of its own
            ("Le taux était de 13.12 PM.", &[]),
            ("Ouvert de 10:00-11:00.", &["10:00-11:00=2017-03-03T10:00:00"]),
        ]);
        check(Lang::En, SEED, &[
            ("The rate was 13.12 PM.", &[]),
            ("We meet at 12.30 today.", &["12.30=2017-03-03T12:30:00", "today=2017-03-03T12:30:00"]),
            ("Rates rose at 12.30 percent.", &[]),
            ("Wednesday, September 16, 2020 at 23.00+14", &["Wednesday, September 16, 2020=2020-09-16T23:00:00+14:00", "23.00+14=2020-09-16T23:00:00+14:00"]),
            // a later clock after "-" is the end of a range, not a UTC offset
            ("Open 10:00-11:00.", &["10:00-11:00=2017-03-03T10:00:00"]),
            ("Stamped 10:00:00-05:00.", &["10:00:00-05:00=2017-03-03T10:00:00-05:00"]),
        ]);
    }

    #[test]
    fn weekday_of_a_named_week_and_codes() {
        check(Lang::Fr, SEED, &[
            ("Il viendra mardi de la semaine prochaine.", &["mardi de la semaine prochaine=2017-03-07"]),
            ("Il est venu jeudi de la semaine dernière.", &["jeudi de la semaine dernière=2017-02-23"]),
            // the tense still decides for a bare weekday
            ("Il est venu jeudi.", &["jeudi=2017-03-02"]),
        ]);
        check(Lang::En, SEED, &[
            ("I take the day off on Tuesday, next week.", &["Tuesday, next week=2017-03-07"]),
            ("He came on Thursday last week.", &["Thursday last week=2017-02-23"]),
            ("He will come on Thursday.", &["Thursday=2017-03-09"]),
            // URL escapes are no times
            ("See https://example.com/%e7%b7%8a now", &["now=PRESENT_REF"]),
        ]);
    }

    #[test]
    fn oclock_hours() {
        check(Lang::Fr, SEED, &[
            // the French hour word, for comparison
            ("Le rendez-vous aura lieu le 24 octobre à 10 heures.", &["le 24 octobre=2017-10-24T10:00:00", "10 heures=2017-10-24T10:00:00"]),
        ]);
        check(Lang::En, SEED, &[
            ("We meet at 10 o'clock.", &["10 o'clock=2017-03-03T10:00:00"]),
            ("We meet at 6 o'clock p.m.", &["6 o'clock p.m.=2017-03-03T18:00:00"]),
            // "10" before "o'clock" is no year
            ("It will open 24 October 10 o clock.", &["24 October=2017-10-24T10:00:00", "10 o clock=2017-10-24T10:00:00"]),
        ]);
    }

    #[test]
    fn years_with_their_era() {
        check(Lang::Fr, SEED, &[
            ("La bataille eut lieu le 10 août 234 av. J.-C.", &["le 10 août 234 av. J.-C.=BC0234-08-10"]),
            ("Le 10 août 88 apr. J.-C., il régnait.", &["Le 10 août 88 apr. J.-C.=0088-08-10"]),
            ("le 10 Août 88 p. Chr. n.", &["le 10 Août 88 p. Chr. n.=0088-08-10"]),
            // "ce" is a word: "88" stays a two-digit year
            ("le 10 août 88 ce fut la fête", &["le 10 août 88=1988-08-10"]),
        ]);
        check(Lang::En, SEED, &[
            ("It fell on 10 August 234 BC.", &["10 August 234 BC=BC0234-08-10"]),
            ("It fell on 10 August 234 BCE.", &["10 August 234 BCE=BC0234-08-10"]),
            ("It fell on 10 August 88 AD.", &["10 August 88 AD=0088-08-10"]),
        ]);
    }

    #[test]
    fn coming_periods_and_minutes() {
        check(Lang::Fr, SEED, &[
            ("Il faudra attendre les trois prochaines semaines.", &["les trois prochaines semaines=P3W"]),
            ("Il a plu ces derniers jours.", &["ces derniers jours=PXD"]),
        ]);
        check(Lang::En, SEED, &[
            ("It was posted 3 min 49 sec ago.", &["3 min 49 sec ago=2017-03-03T13:23:11"]),
            ("It takes 5 min to read.", &["5 min=PT5M"]),
        ]);
    }

    #[test]
    fn tenseless_months_take_the_nearest_year() {
        check(Lang::Fr, SEED, &[
            ("Réunion en janvier.", &["janvier=2017-01"]),
            ("Salon en novembre.", &["novembre=2016-11"]),
            // the tense still decides
            ("Le salon aura lieu en novembre.", &["novembre=2017-11"]),
        ]);
        check(Lang::En, SEED, &[
            ("Sales in May.", &["May=2017-05"]),
            ("Conference in October.", &["October=2016-10"]),
            ("The conference will open in October.", &["October=2017-10"]),
        ]);
    }

    // Friday 20 November 2026: a reference for the clause-tense cases below.
    const NOV20: &str = "2026-11-20";

    #[test]
    fn the_verb_of_the_dates_own_clause_wins_over_a_postposed_reporting_verb() {
        check(Lang::Fr, NOV20, &[
            ("Le syndicat doit reprendre le travail lundi, a indiqué son porte-parole.", &["lundi=2026-11-23"]),
            ("La commission va examiner le texte le 2 décembre, a annoncé le ministre.", &["le 2 décembre=2026-12-02"]),
            ("La mairie prévoit de rouvrir le pont en janvier, a expliqué l'adjoint.", &["janvier=2027-01"]),
            // past clauses keep the past day
            ("Le ministre a déclaré jeudi que le texte était prêt.", &["jeudi=2026-11-19"]),
            ("Jeudi, le ministre a annoncé sa démission.", &["Jeudi=2026-11-19"]),
        ]);
        check(Lang::En, NOV20, &[
            ("Dock workers will go back to work on Tuesday, the union said.", &["Tuesday=2026-11-24"]),
            ("The council is set to vote on the plan on Wednesday, officials said.", &["Wednesday=2026-11-25"]),
            ("The firm plans to open the plant in March, a spokesman said.", &["March=2027-03"]),
            ("The board is expected to decide on December 4, she said.", &["December 4=2026-12-04"]),
            // past clauses keep the past day
            ("The minister said on Thursday that the bill was ready.", &["Thursday=2026-11-19"]),
            ("On Wednesday, the mayor announced her resignation.", &["Wednesday=2026-11-18"]),
        ]);
    }

    #[test]
    fn until_a_month_in_a_conditional_clause_looks_ahead() {
        check(Lang::En, NOV20, &[
            ("Officials say the repairs would last until February.", &["February=2027-02"]),
            ("Analysts said the shortage would persist until January.", &["January=2027-01"]),
            // a past clause still looks back
            ("The strike lasted until October.", &["October=2026-10"]),
        ]);
        check(Lang::Fr, NOV20, &[
            ("Selon la direction, les travaux devraient durer jusqu'en février.", &["février=2027-02"]),
            ("Le chantier pourrait se prolonger jusqu'à janvier, estime l'architecte.", &["janvier=2027-01"]),
            ("La grève a duré jusqu'en octobre.", &["octobre=2026-10"]),
            // the planet is no month
            ("La sonde volera jusqu'à Mars.", &[]),
        ]);
    }

    #[test]
    fn short_month_names_after_a_preposition() {
        check(Lang::Fr, SEED, &[
            ("Hausse des prix depuis févr. 2016.", &["févr. 2016=2016-02"]),
        ]);
        check(Lang::En, SEED, &[
            ("Prices rose since Feb, he said.", &["Feb=2017-02"]),
            ("Due August-10-2012.", &["August-10-2012=2012-08-10"]),
            // a person called Jan
            ("We met in Jan's house.", &[]),
            ("In Jan Smith's view, it failed.", &[]),
        ]);
    }

    #[test]
    fn days_written_as_ordinal_words() {
        check(Lang::Fr, SEED, &[
            ("Il est né le premier mai 2010.", &["le premier mai 2010=2010-05-01"]),
        ]);
        check(Lang::En, SEED, &[
            ("It ran eighth to eleventh May 2010.", &["eighth to eleventh May 2010=2010-05-08"]),
            ("It opened on the third of May 2010.", &["third of May 2010=2010-05-03"]),
            ("He came third in the race.", &[]),
        ]);
    }

    #[test]
    fn without_reference_relative_values_are_null() {
        check(Lang::Fr, "", &[
            ("Il a parlé hier.", &["hier=null"]),
            ("le 15 juillet", &["le 15 juillet=XXXX-07-15"]),
            ("deux jours après vendredi", &["deux jours après vendredi=null"]),
            ("le 3 mars 2017", &["le 3 mars 2017=2017-03-03"]),
        ]);
    }

    #[test]
    fn ranges_durations_sets_and_vague_references_in_both_languages() {
        // (text, start=value, until)
        let cases: &[RangeCase] = &[
            (Lang::Fr, "Il sera fermé du 13 au 15 juillet.", &[("13=2017-07-13", Some("2017-07-15")), ("15 juillet=2017-07-15", None)]),
            // without "du" the range is one expression
            (Lang::Fr, "Festival, 10 au 22 août 2012.", &[("10 au 22 août 2012=2012-08-10", Some("2012-08-22"))]),
            // a time range and its day make one range whose ends carry both
            (Lang::Fr, "Il sera ouvert de 18 h à 20 h samedi.", &[("18 h à 20 h samedi=2017-03-04T18:00:00", Some("2017-03-04T20:00:00"))]),
            (Lang::En, "The exhibition runs 10 to 22 August 2012.", &[("10 to 22 August 2012=2012-08-10", Some("2012-08-22"))]),
            // an end without its year comes after its start
            (Lang::En, "The works run from May to December.", &[("May to December=2017-05", Some("2017-12"))]),
            (Lang::En, "He was out Friday to Monday.", &[("Friday to Monday=2017-03-03", Some("2017-03-06"))]),
            (Lang::Fr, "Il est en poste depuis deux ans.", &[("depuis deux ans=P2Y", None)]),
            (Lang::En, "He has led the party for three years.", &[("three years=P3Y", None)]),
            (Lang::Fr, "Le marché se tient chaque lundi.", &[("chaque lundi=XXXX-WXX-1", None)]),
            (Lang::En, "The market is held every Monday.", &[("every Monday=XXXX-WXX-1", None)]),
            (Lang::Fr, "Il a parlé jeudi matin.", &[("jeudi matin=2017-03-02TMO", None)]),
            (Lang::En, "He spoke on Thursday evening.", &[("Thursday evening=2017-03-02TEV", None)]),
            (Lang::Fr, "Il a voyagé l'été dernier.", &[("l'été dernier=2016-SU", None)]),
            (Lang::En, "He travelled last summer.", &[("last summer=2016-SU", None)]),
            (Lang::Fr, "C'était dans les années 1980.", &[("les années 1980=198", None)]),
            (Lang::En, "It was in the 1980s.", &[("the 1980s=198", None)]),
            (Lang::Fr, "Autrefois, on vivait ainsi ; actuellement non.", &[("Autrefois=PAST_REF", None), ("actuellement=PRESENT_REF", None)]),
            (Lang::En, "He is currently abroad.", &[("currently=PRESENT_REF", None)]),
            // a bound or "vers" between a day and its time: the day carries the time
            (Lang::Fr, "Il arrivera demain vers 16 h.", &[("demain=2017-03-04T16:00:00", None), ("vers 16 h=2017-03-04T16:00:00", None)]),
            (Lang::En, "Reply tomorrow before 4pm.", &[("tomorrow=2017-03-04T16:00:00", None), ("4pm=2017-03-04T16:00:00", None)]),
            // signed offsets from the reference
            (Lang::En, "Reminder: +15 minutes.", &[("+15 minutes=2017-03-03T13:42", None)]),
            (Lang::En, "Window: -3 days.", &[("-3 days=2017-02-28", None)]),
        ];
        check_ranges(cases);
    }

    #[test]
    fn not_dates_in_both_languages() {
        check(Lang::Fr, SEED, &[
            ("Je pense qu'il mai venir.", &[]),
            ("Qu'il vienne ou non, mai le sait.", &[]),
            ("Le robot Curiosity explore Mars.", &[]),
            ("La mission vers Mars est prête.", &[]),
            ("Lyon a gagné 3-1 samedi.", &["samedi=2017-02-25"]),
            ("Le billet coûte 15 euros et le menu 2017 francs.", &[]),
            // no such day in the year the tense gives: no date rather than a wrong one
            ("Le 29 février, il a parlé.", &[]),
            ("Le 31 avril, rien.", &[]),
        ]);
        check(Lang::En, SEED, &[
            ("May Johnson said the team won 3-1.", &[]),
            ("The price is $2,017 or 15 dollars.", &[]),
            // the hyphen of "10-15" is no sign
            ("He may win; scores 10-15 days apart mean nothing.", &["15 days=P15D"]),
            ("He lost on February 29.", &[]),
            ("It is due on April 31.", &[]),
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
    fn casual_english() {
        check(Lang::En, SEED, &[
            ("See you tmr.", &["tmr=2017-03-04"]),
            ("We meet this eve.", &["this eve=2017-03-03TEV"]),
            ("Come at 5.", &["5=2017-03-03T05:00:00"]),
            ("Come at 7 tonight.", &["7=2017-03-03T19:00:00", "tonight=2017-03-03TNI"]),
            // a level, a rate, an age: no time
            ("I'm at 10.", &[]),
            ("Interest rates at 5 percent.", &[]),
            ("At 12, he left school.", &[]),
            ("It opens on the 3rd.", &["3rd=2017-03-03"]),
            ("He will leave on the 5th.", &["5th=2017-03-05"]),
            ("He left on the 5th.", &["5th=2017-02-05"]),
            ("the 3rd quarter", &[]),
            ("It opens on Sat.", &["Sat.=2017-03-04"]),
            ("See you Sat at 10am.", &["Sat=2017-03-04T10:00:00", "10am=2017-03-04T10:00:00"]),
            ("He sat down. Sat is fine.", &[]),
            ("It is due 2 weeks from Friday.", &["2 weeks from Friday=2017-03-17"]),
            ("It is due a week from tomorrow.", &["a week from tomorrow=2017-03-11"]),
            ("It starts at 1230pm.", &["1230pm=2017-03-03T12:30:00"]),
            ("Back in about ~5 hours.", &["in about ~5 hours=2017-03-03T18:27"]),
            ("We are 15 minutes out.", &["15 minutes out=2017-03-03T13:42"]),
            ("Kickoff 5pm GMT+1.", &["5pm GMT+1=2017-03-03T17:00:00+01:00"]),
            ("The result is due in the next hour.", &["next hour=2017-03-03T14"]),
            ("Remind me now + 40 minutes.", &["now + 40 minutes=2017-03-03T14:07"]),
            ("He left an hour and a half ago.", &["an hour and a half ago=2017-03-03T11:57"]),
            ("He will be back in two and a half hours.", &["in two and a half hours=2017-03-03T15:57"]),
            ("It lasted 5 minutes 30 seconds.", &["5 minutes 30 seconds=PT5M30S"]),
            ("It happened Aug 9 96.", &["Aug 9 96=1996-08-09"]),
            // the weekend nearest by tense
            ("He spoke over the weekend.", &["the weekend=2017-W08-WE"]),
            ("He will rest over the weekend.", &["the weekend=2017-W09-WE"]),
            ("It rained this past weekend.", &["this past weekend=2017-W08-WE"]),
            ("The call is at 5 pm Eastern time.", &["5 pm Eastern time=2017-03-03T17:00:00-05:00"]),
            ("Reminder: +2 months, 5 days.", &["+2 months, 5 days=2017-05-08"]),
            ("He left 3 months and 10 days ago.", &["3 months and 10 days ago=2016-11-23"]),
            ("He left a year and a half ago.", &["a year and a half ago=2015-09-03"]),
            ("He is four years and eight months before release.", &["four years and eight months=P4Y8M"]),
            ("Set a timer for 1 hour, 5 minutes, and 30 seconds.", &["1 hour, 5 minutes, and 30 seconds=PT1H5M30S"]),
        ]);
    }

    #[test]
    fn casual_french() {
        check(Lang::Fr, SEED, &[
            // "h" and "min" after "il y a", "dans", "pendant" count time; after "depuis", "d'ici" they tell it
            ("Il est parti il y a 3 h.", &["il y a 3 h=2017-03-03T10:27"]),
            ("Il revient dans 5 min.", &["dans 5 min=2017-03-03T13:32"]),
            ("Il est parti il y a 2 h 30.", &["il y a 2 h 30=2017-03-03T10:57"]),
            ("Il a attendu pendant 20 min.", &["20 min=PT20M"]),
            ("Ouvert depuis 13 h.", &["13 h=2017-03-03T13:00:00"]),
            ("Le film dure une heure et demie.", &["une heure et demie=PT1H30M"]),
            ("Il est parti il y a une heure et demie.", &["il y a une heure et demie=2017-03-03T11:57"]),
            ("Il est parti il y a un an et demi.", &["il y a un an et demi=2015-09-03"]),
            ("Il arrive le 1er.", &["le 1er=2017-03-01"]),
            ("Il arrive le 3 au soir.", &["le 3 au soir=2017-03-03TEV"]),
            ("Il arrive le 3 à 15 h.", &["le 3=2017-03-03T15:00:00", "15 h=2017-03-03T15:00:00"]),
            ("Le 1er ministre parle.", &[]),
            ("Le 3 est un chiffre.", &[]),
            ("Ouvert sam. et dim.", &["sam.=2017-03-04", "dim.=2017-03-05"]),
            ("Ouvert le sam. 4 mars.", &["le sam. 4 mars=2017-03-04"]),
            ("Il a gagné le jeu.", &[]),
            ("Il arrivera en fin de matinée.", &["fin de matinée=2017-03-03TMO"]),
            ("Il partira en début d'après-midi.", &["début d'après-midi=2017-03-03TAF"]),
            ("Il partira en fin de journée.", &["fin de journée=2017-03-03TEV"]),
            ("Il a parlé à la mi-journée.", &["mi-journée=2017-03-03TMI"]),
            ("Il viendra en fin de semaine prochaine.", &["fin de semaine prochaine=2017-W10"]),
            ("Les comptes seront publiés en fin d'année.", &["fin d'année=2017"]),
            // a kind of party, not a date
            ("Ce fut une fête de fin d'année.", &[]),
            ("Il a plu la nuit dernière.", &["la nuit dernière=2017-03-02TNI"]),
            ("Il parlera aujourd'hui à midi.", &["aujourd'hui=2017-03-03T12:00:00", "midi=2017-03-03T12:00:00"]),
            ("Rendez-vous à 8h GMT+1.", &["8h GMT+1=2017-03-03T08:00:00+01:00"]),
            ("Décollage à 20 h 30 (heure de Paris).", &["20 h 30 (heure de Paris)=2017-03-03T20:30:00+01:00"]),
            ("Décollage le 12 juillet à 8 h heure française.", &["le 12 juillet=2017-07-12T08:00:00+02:00", "8 h heure française=2017-07-12T08:00:00+02:00"]),
            ("Vendredi à 2 pm est", &["Vendredi=2017-03-03T14:00:00-05:00", "2 pm est=2017-03-03T14:00:00-05:00"]),
            ("Il est 2 h. Il est là.", &["2 h=2017-03-03T02:00:00"]),
            ("Relevé 12h12:99s.", &[]),
        ]);
    }

    #[test]
    fn quarters_and_halves_in_both_languages() {
        check(Lang::Fr, SEED, &[
            ("Les ventes ont chuté au premier trimestre 2016.", &["premier trimestre 2016=2016-Q1"]),
            ("Les ventes ont chuté le dernier trimestre.", &["le dernier trimestre=2016-Q4"]),
            ("Les ventes ont chuté au 3e trimestre de l'année dernière.", &["3e trimestre de l'année dernière=2016-Q3"]),
            ("Le premier semestre sera bon.", &["Le premier semestre=2017-H1"]),
            ("Résultats du T1 2016.", &["T1 2016=2016-Q1"]),
            ("Il a fini troisième du classement.", &[]),
            // regression: "0e" was read as "dernier", the fourth quarter
            ("Rien au 0e trimestre 2016.", &["2016=2016"]),
        ]);
        check(Lang::En, SEED, &[
            ("Profits rose in the first quarter of 2016.", &["the first quarter of 2016=2016-Q1"]),
            ("It is set for release in the second half of 2025.", &["the second half of 2025=2025-H2"]),
            ("Sales fell in the third quarter of last year.", &["the third quarter of last year=2016-Q3"]),
            ("Q1 2016 results are out.", &["Q1 2016=2016-Q1"]),
            // a match has halves and quarters too
            ("He scored in the second half.", &[]),
            ("Third-quarter profits fell.", &[]),
            ("Nothing in the 0th quarter of 2016.", &["2016=2016"]),
        ]);
    }

    #[test]
    fn offsets_from_a_written_date_or_now() {
        check(Lang::En, SEED, &[
            ("It happened 2 months before 02/02.", &["2 months before 02/02=2016-12-02"]),
            ("It is due 3 days after March 3.", &["3 days after March 3=2017-03-06"]),
            ("Due next tuesday +10 days.", &["next tuesday +10 days=2017-03-17"]),
            ("Filed 2023-12-29 -10days.", &["2023-12-29 -10days=2023-12-19"]),
        ]);
        check(Lang::Fr, SEED, &[
            ("Il partira trois jours après le 3 mars.", &["trois jours après le 3 mars=2017-03-06"]),
            ("Il est arrivé deux semaines avant le 20 mars.", &["deux semaines avant le 20 mars=2017-03-06"]),
            ("Il reviendra dans 2 mois et 5 jours.", &["dans 2 mois et 5 jours=2017-05-08"]),
        ]);
    }

    #[test]
    fn ranges_of_days_with_their_times() {
        // (text, start=value, until)
        let cases: &[RangeCase] = &[
            (Lang::En, "from 01/21/2021 10:00 to 01/01/2023 07:00", &[("01/21/2021 10:00 to 01/01/2023 07:00=2021-01-21T10:00:00", Some("2023-01-01T07:00:00"))]),
            (Lang::En, "Open 9:00 AM to 5:00 PM, Tuesday, 20 May 2013.", &[("9:00 AM to 5:00 PM, Tuesday, 20 May 2013=2013-05-20T09:00:00", Some("2013-05-20T17:00:00"))]),
            (Lang::En, "Talks 22-23 Feb at 7pm.", &[("22-23 Feb at 7pm=2017-02-22T19:00:00", Some("2017-02-23T19:00:00"))]),
            (Lang::En, "The event is today - next friday.", &[("today - next friday=2017-03-03", Some("2017-03-10"))]),
            (Lang::En, "10:30 JST today to 10:30 PST tomorrow", &[("10:30 JST today to 10:30 PST tomorrow=2017-03-03T10:30:00+09:00", Some("2017-03-04T10:30:00-08:00"))]),
            // a bare end takes the start's half of the day; an earlier one is on the next day
            (Lang::En, "Open 1pm-3.", &[("1pm-3=2017-03-03T13:00:00", Some("2017-03-03T15:00:00"))]),
            (Lang::En, "Open 11pm-2.", &[("11pm-2=2017-03-03T23:00:00", Some("2017-03-04T02:00:00"))]),
            (Lang::En, "Open 8:10 - 12.32.", &[("8:10 - 12.32=2017-03-03T08:10:00", Some("2017-03-03T12:32:00"))]),
            (Lang::En, "Quiet hours 10 - 11 at night.", &[("10 - 11 at night=2017-03-03T22:00:00", Some("2017-03-03T23:00:00"))]),
            // a range starts before it ends: a tenseless weekday before a past end is the last one
            (Lang::En, "Monday afternoon to last night", &[("Monday afternoon to last night=2017-02-27TAF", Some("2017-03-02TNI"))]),
            (Lang::En, "It runs 1pm-3 days later.", &[("1pm=2017-03-06T13:00:00", None), ("3 days later=2017-03-06T13:00:00", None)]),
            (Lang::Fr, "Ouvert le 6 mars à 9 h au 7 mars à 17 h.", &[("le 6 mars à 9 h au 7 mars à 17 h=2017-03-06T09:00:00", Some("2017-03-07T17:00:00"))]),
            (Lang::Fr, "Ouvert de 22 h à 2 h.", &[("22 h à 2 h=2017-03-03T22:00:00", Some("2017-03-04T02:00:00"))]),
            (Lang::Fr, "Ouvert de 9 h à 17 h le 3 mars.", &[("9 h à 17 h le 3 mars=2017-03-03T09:00:00", Some("2017-03-03T17:00:00"))]),
            (Lang::Fr, "Ouvert d'aujourd'hui à demain soir.", &[("aujourd'hui=2017-03-03", Some("2017-03-04TEV")), ("demain soir=2017-03-04TEV", None)]),
        ];
        check_ranges(cases);
    }

    #[test]
    fn largest_written_amounts_do_not_overflow() {
        // amounts are read up to six digits: the largest must not overflow (debug builds panic on it, release ones wrap)
        const TEXTS: &[&str] = &[
            "It ended 999999 weeks 5 days ago.",
            "It ended 999999 years and 8 months before May 2.",
            "Due +999999 months, 999999 days.",
            "Due 999999 months and 10 days ago.",
            "It runs 999999 hours 10 minutes.",
            "Il y a 999999 ans et demi.",
            "Dans 999999 mois et 999999 jours.",
            "Il y a 999999 semaines.",
            "It was 999999 days after March 3.",
        ];
        for lang in [Lang::En, Lang::Fr] {
            for text in TEXTS {
                for item in found(text, lang, SEED) {
                    assert!(!item.is_empty(), "{text:?}");
                }
            }
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

/// The first-token conditions that spare most rules at most tokens (`finder::Finder::best_at`) are necessary
/// conditions only: trying every rule at every token finds the same expressions, on this file's table texts and,
/// when the corpus is there (`$NEWSLENS_CORPUS`), on every dev text and date phrase.
#[cfg(test)]
mod rule_conditions {
    use super::*;

    fn texts() -> Vec<String> {
        let mut out = crate::test_texts::table_texts(include_str!("mod.rs"));
        let Some(corpus) = crate::test_texts::corpus_dir("rule_conditions") else { return out };
        out.extend(crate::test_texts::dev_texts(&corpus));
        for file in ["chrono_en.jsonl", "chrono_fr.jsonl"] {
            let Ok(lines) = std::fs::read_to_string(corpus.join("dates").join(file)) else { continue };
            out.extend(lines.lines().filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok()?["text"].as_str().map(String::from)));
        }
        out
    }

    #[test]
    fn trying_every_rule_everywhere_changes_nothing() {
        let r = Reference::parse_iso("2017-03-03T13:27");
        let all = texts();
        assert!(all.len() > 100, "{} texts", all.len());
        let differ = crate::test_texts::differing(&all, |doc, lang| format!("{:?}", extract(doc, lang, r.as_ref())));
        assert!(differ.is_empty(), "{} of {} texts differ when every rule is tried everywhere:\n{}", differ.len(), all.len() * 2, differ.join("\n"));
    }
}
