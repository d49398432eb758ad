//! Finding temporal expressions: a small hand-written grammar over the tokens of [`crate::text::Doc`].
//!
//! Every rule starts at one token and looks a bounded number of tokens ahead, so the whole scan is linear in
//! the number of tokens. At each position the longest match wins (ties go to the rule tried first); the scan
//! then resumes after it. The grammar only says *what* an expression is ([`Sem`]); `resolver.rs` turns that
//! into a TIMEX3 value against the reference and the other dates of the text.

use crate::lang::Lang;
use crate::text::{one_of, Doc, Span, TokenKind, Words};

use super::lexicon::{self, fold_bytes_into, Entry, Kind, Lexicon};

/// A calendar unit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    /// Seconds.
    Second,
    /// Minutes.
    Minute,
    /// Hours.
    Hour,
    /// Days.
    Day,
    /// ISO weeks.
    Week,
    /// Week-ends.
    Weekend,
    /// Two weeks.
    Fortnight,
    /// Months.
    Month,
    /// Quarters.
    Quarter,
    /// Half-years.
    Semester,
    /// Years.
    Year,
    /// Decades.
    Decade,
    /// Centuries.
    Century,
}

impl Unit {
    fn parse(s: &str) -> Option<Unit> {
        Some(match s {
            "second" => Unit::Second,
            "minute" => Unit::Minute,
            "hour" => Unit::Hour,
            "day" => Unit::Day,
            "week" => Unit::Week,
            "weekend" => Unit::Weekend,
            "fortnight" => Unit::Fortnight,
            "month" => Unit::Month,
            "quarter" => Unit::Quarter,
            "semester" => Unit::Semester,
            "year" => Unit::Year,
            "decade" => Unit::Decade,
            "century" => Unit::Century,
            _ => return None,
        })
    }
}

/// A calendar point, possibly underspecified (what the text says, before resolution).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Cal {
    /// Year as written (two-digit years already expanded).
    pub year: Option<i32>,
    /// Month 1–12.
    pub month: Option<u32>,
    /// Day of month.
    pub day: Option<u32>,
    /// Weekday 1 (Monday) – 7.
    pub weekday: Option<u32>,
    /// Hour 0–23.
    pub hour: Option<u32>,
    /// Minute.
    pub minute: Option<u32>,
    /// Second.
    pub second: Option<u32>,
    /// Time-zone offset in minutes, when written.
    pub tz: Option<i32>,
    /// Daylight-saving rule of the zone ("us", "eu") when its name covers both seasons: `tz` is then the
    /// standard offset, one hour more in summer.
    pub dst: Option<&'static str>,
    /// Part of day (MO, AF, EV, NI, MI).
    pub pod: Option<&'static str>,
    /// Season (SP, SU, FA, WI).
    pub season: Option<&'static str>,
    /// Part of the period: 1 start, 2 middle, 3 end.
    pub part: Option<u8>,
    /// -1 "dernier", +1 "prochain", 0 by tense.
    pub dir: i8,
    /// "ce", "this": the current one.
    pub this: bool,
    /// A weekday in the week this many weeks from the reference's ("Tuesday, next week": 1).
    pub week: Option<i8>,
    /// Days added to a weekday once it is resolved ("2 days after next Friday": 2).
    pub shift_days: i64,
    /// A day this many days from the reference ("today", "tomorrow" joined to their time in a range).
    pub rel_days: Option<i64>,
    /// Months added to a date once it is resolved ("2 months before 02/02": -2).
    pub shift_months: i64,
    /// The week-end of the Saturday `weekday` names ("over the weekend").
    pub weekend: bool,
}

/// What an expression means, before resolution.
#[derive(Clone, Debug, PartialEq)]
pub enum Sem {
    /// A calendar point (absolute, or completed from the reference).
    Cal(Cal),
    /// `n` units from the reference (`anchored` false) or from the previous date of the text, at the unit's
    /// grain (or at the day when `fine`), with an optional part of the day or of the period.
    Shift { unit: Unit, n: i64, anchored: bool, pod: Option<&'static str>, part: Option<u8>, fine: bool },
    /// "aujourd'hui": the reference day, or PRESENT_REF when it means "nowadays".
    Today { pod: Option<&'static str> },
    /// A length of time; `n` None when vague ("quelques jours").
    Duration { n: Option<f64>, unit: Unit },
    /// A running time "1h28": hours and minutes.
    HoursMinutes(u32, u32),
    /// A length written in several units ("5 minutes 30 seconds", "une heure et demie"): the total in seconds,
    /// or in months when `months` ("1 year 6 months").
    Compound { total: i64, months: bool },
    /// A recurring time: every `n` units, or every given weekday.
    Set { n: i64, unit: Unit, weekday: Option<u32> },
    /// PAST_REF, PRESENT_REF, FUTURE_REF.
    Vague(&'static str),
    /// A decade (`199` for the 1990s), with an optional part; `None` range when written as "1880-1990".
    Decade { decade: i32, part: Option<u8> },
    /// A century, TIMEX3 style (`19` for the twentieth century).
    Century(i32),
    /// A quarter (`half` false, 1–4) or a half-year (`half` true, 1–2) of a written year, or of the reference's
    /// year plus `rel_year`.
    Quarter { n: u32, half: bool, year: Option<i32>, rel_year: i64 },
    /// Recognised but without a value (a range with no single value).
    Null(&'static str),
}

/// A found expression: tokens `a..b`, its meaning and, for a range, the meaning of its end.
#[derive(Clone, Debug, PartialEq)]
pub struct Cand {
    /// First token.
    pub a: usize,
    /// One past the last token.
    pub b: usize,
    /// Meaning.
    pub sem: Sem,
    /// End of a range.
    pub until: Option<Sem>,
}

/// A token prepared for the grammar.
#[derive(Clone, Debug)]
pub struct Tok<'t> {
    /// Bytes.
    pub span: Span,
    /// Word, number or punctuation.
    pub kind: TokenKind,
    /// The text.
    pub raw: &'t str,
    /// Folded text (lower case, no accents): the text itself when it is already folded, else a slice of the
    /// [`Folded`] forms.
    pub norm: &'t str,
    /// Value of a number token (at most 9 digits).
    pub num: Option<u32>,
    /// True when whitespace separates it from the previous token.
    pub gap: bool,
    /// Sentence index.
    pub sent: usize,
    /// True when it starts with an upper-case letter.
    pub cap: bool,
    /// True when it is the first token of its sentence.
    pub first: bool,
}

impl Tok<'_> {
    /// The folded text.
    pub fn norm(&self) -> &str {
        self.norm
    }
}

/// The folded forms of the tokens whose lower-case form is not ASCII, one after another in one string: one
/// allocation for the whole text instead of one per accented word. An ASCII token's folded form is its
/// lower-case form, which [`Doc::lower`] already holds.
pub struct Folded {
    forms: String,
    /// End of each token's form in `forms`; a token whose form is empty has [`Doc::lower`] for its form.
    ends: Vec<usize>,
}

impl Folded {
    /// Fold the tokens of `doc`.
    pub fn new(doc: &Doc) -> Folded {
        let mut forms = Vec::new();
        let ends = (0..doc.tokens.len())
            .map(|i| {
                // Folding an ASCII token's lower-case form changes nothing. (Tested on the token's bytes, not
                // on its lower-case form, which would slice a `str`: a non-ASCII token whose lower-case form is
                // ASCII, "K" the Kelvin sign, folds to that same form.)
                if !doc.token_bytes(i).iter().all(|&c| c < 0x80) {
                    fold_bytes_into(doc.slice(doc.tokens[i].span), &mut forms);
                }
                forms.len()
            })
            .collect();
        // Always valid (whole characters appended); checked once for the whole text, not per token.
        Folded { forms: String::from_utf8(forms).unwrap_or_default(), ends }
    }
}

/// Prepare the tokens of `doc`, whose folded forms are `folded`.
pub fn tokens<'t>(doc: &'t Doc<'_>, folded: &'t Folded) -> Vec<Tok<'t>> {
    let mut out = Vec::with_capacity(doc.tokens.len());
    let mut sent = 0usize;
    let mut prev_end = 0usize;
    let mut prev_sent = usize::MAX;
    for (i, t) in doc.tokens.iter().enumerate() {
        while sent + 1 < doc.sentences.len() && doc.sentences[sent + 1].span.start <= t.span.start {
            sent += 1;
        }
        let raw = doc.slice(t.span);
        let num = if t.kind == TokenKind::Number && raw.len() <= 9 && raw.bytes().all(|b| b.is_ascii_digit()) {
            raw.parse().ok()
        } else {
            None
        };
        out.push(Tok {
            span: t.span,
            kind: t.kind,
            raw,
            norm: {
                // Folding never empties a token: an empty form means the lower-case form is the folded one.
                let (a, b) = (if i == 0 { 0 } else { folded.ends[i - 1] }, folded.ends[i]);
                if a == b {
                    // An ASCII token: its lower-case form, which is itself when it has no capital (most words)
                    if raw.bytes().any(|c| c.is_ascii_uppercase()) {
                        doc.lower(i)
                    } else {
                        raw
                    }
                } else {
                    folded.forms.get(a..b).unwrap_or_else(|| doc.lower(i))
                }
            },
            num,
            gap: t.span.start > prev_end || out.is_empty(),
            sent,
            cap: match raw.as_bytes().first() {
                Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
                _ => raw.chars().next().is_some_and(char::is_uppercase),
            },
            first: prev_sent != sent,
        });
        prev_sent = sent;
        prev_end = t.span.end;
    }
    out
}

/// The grammar over one text.
pub struct Finder<'a, 't> {
    /// Tokens.
    pub toks: &'a [Tok<'t>],
    lex: &'static Lexicon,
    lang: Lang,
    /// Lexicon entries starting at each token (all lengths): token `i`'s are `entries[starts[i]..starts[i + 1]]`
    /// (one vector for the text, not one per token).
    entries: Vec<Entry>,
    starts: Vec<usize>,
    /// The kinds of token `i`'s entries, one bit per [`Kind`] ([`Kind::bit`]): most rules ask for a kind that
    /// the token has none of, answered without scanning its entries.
    kinds: Vec<u32>,
}

impl<'a, 't> Finder<'a, 't> {
    /// Prepare the grammar for `toks`.
    pub fn new(toks: &'a [Tok<'t>], lang: Lang) -> Finder<'a, 't> {
        let lex = lexicon::get(lang);
        let mut entries = Vec::new();
        let mut starts = Vec::with_capacity(toks.len() + 1);
        let mut kinds = Vec::with_capacity(toks.len());
        let mut key = String::new();
        for i in 0..toks.len() {
            let first = entries.len();
            starts.push(first);
            // The first token's own meanings and whether longer phrases start with it come with its one
            // lookup; the longer phrases are looked up by their whole key.
            if let Some(head) = lex.head(toks[i].norm) {
                entries.extend_from_slice(&head.alone);
                if head.longest > 1 {
                    key.clear();
                    key.push_str(toks[i].norm);
                    for len in 2..=head.longest {
                        let Some(t) = toks.get(i + len - 1) else { break };
                        // no phrase goes on with this token: no key to look up (most tokens after "de", "la")
                        if t.sent != toks[i].sent || len == 2 && !head.seconds.iter().any(|s| s == t.norm) {
                            break;
                        }
                        key.push(' ');
                        key.push_str(t.norm);
                        entries.extend(lex.get(&key).iter().filter(|e| e.len == len).copied());
                        if len < head.longest && !lex.continues(&key) {
                            break;
                        }
                    }
                }
            }
            kinds.push(entries[first..].iter().fold(0, |m, e| m | e.kind.bit()));
        }
        starts.push(entries.len());
        Finder { toks, lex, lang, entries, starts, kinds }
    }

    /// The lexicon entries starting at token `i` (none past the end).
    fn matches(&self, i: usize) -> &[Entry] {
        match (self.starts.get(i), self.starts.get(i + 1)) {
            (Some(&a), Some(&b)) => &self.entries[a..b],
            _ => &[],
        }
    }

    /// All expressions, in text order, not overlapping.
    pub fn find(&self) -> Vec<Cand> {
        let mut out: Vec<Cand> = Vec::new();
        let mut i = 0;
        while i < self.toks.len() {
            match self.best_at(i) {
                Some(mut c) if c.b > i => {
                    i = c.b;
                    if let Some(prev) = out.last_mut() {
                        if self.joins_range(prev, &c) {
                            // "10 août - 12 septembre 2013": the start takes the end's year
                            if let (Sem::Cal(a), Sem::Cal(b)) = (&mut prev.sem, &mut c.sem) {
                                if a.year.is_none() && a.month.is_some() {
                                    if let Some(y) = b.year {
                                        a.year = Some(if a.month > b.month { y - 1 } else { y });
                                    }
                                } else if b.year.is_none() && b.month.is_some() {
                                    // "10 August 2013 - 12 September": the end takes the start's year
                                    if let Some(y) = a.year {
                                        b.year = Some(if b.month < a.month { y + 1 } else { y });
                                    }
                                }
                            }
                            // "13h-15h", "10 - 22 août", "Monday to Friday", "de 18 h à 20 h" make one expression;
                            // "du 13 au 15 juillet", "entre 1990 et 1999" stay two (as TimeML annotates them), the
                            // first carrying the range.
                            // "3:30-4:30pm": the start takes the end's half of the day when it has none
                            if let (Sem::Cal(a), Sem::Cal(b)) = (&mut prev.sem, &c.sem) {
                                let pm_end = (c.a..c.b).any(|k| self.meridiem(k).is_some_and(|(pm, _)| pm));
                                let bare_start = !(prev.a..prev.b).any(|k| self.meridiem(k).is_some());
                                if let (Some(h1), Some(h2)) = (a.hour, b.hour) {
                                    if pm_end && bare_start && a.day.is_none() && h1 < 12 && h1 + 12 <= h2 {
                                        a.hour = Some(h1 + 12);
                                    }
                                }
                            }
                            let times = matches!(&c.sem, Sem::Cal(b) if b.hour.is_some() && b.day.is_none());
                            let from = prev.a > 0 && self.is(prev.a - 1, &["de", "entre", "from", "between"]);
                            if matches!(self.toks[prev.b].norm(), "-" | "–" | "to" | "through" | "until" | "till" | "thru" | "and") || (times && from) {
                                prev.b = c.b;
                                prev.until = Some(c.sem);
                                continue;
                            }
                            prev.until = Some(c.sem.clone());
                        }
                    }
                    out.push(c);
                }
                _ => i += 1,
            }
        }
        self.join_days_and_times(out)
    }

    /// Ranges whose ends are a day and its time: "01/21/2021 10:00 to 01/01/2023 07:00", "10:30 JST today to
    /// 10:30 PST tomorrow" (four expressions), "9:00 AM to 5:00 PM, Tuesday, 20 May 2013" (a time range and its
    /// day), "22-23 Feb at 7pm" (a day range and its time) make one expression whose ends carry day and time.
    /// A lone day next to its time stays two expressions, as TimeML annotates them.
    fn join_days_and_times(&self, cands: Vec<Cand>) -> Vec<Cand> {
        let bare = |c: &Cand| matches!(&c.sem, Sem::Cal(t) if t.hour.is_some() && t.day.is_none() && t.weekday.is_none() && t.month.is_none() && t.year.is_none() && t.rel_days.is_none());
        let dated = |c: &Cand| !bare(c) && day_cal(&c.sem).is_some_and(|d| d.hour.is_none() && (d.day.is_some() || d.weekday.is_some() || d.rel_days.is_some()));
        let mut out: Vec<Cand> = Vec::with_capacity(cands.len());
        let mut k = 0;
        while k < cands.len() {
            let c = &cands[k];
            // "now + 40 minutes", "2023-12-29 -10days", "next Tuesday +10 days": a signed offset from the date before it
            if let Some(n) = cands.get(k + 1).filter(|n| n.a == c.b && matches!(self.toks[n.a].raw, "+" | "-") && self.same_sent(c.a, n.a)) {
                if let Sem::Shift { unit, n: by, anchored: false, .. } = n.sem {
                    let merged = match &c.sem {
                        Sem::Vague("PRESENT_REF") if self.is(c.a, &["now"]) => Some(n.sem.clone()),
                        Sem::Cal(cal) if (cal.day.is_some() || cal.weekday.is_some()) && cal.hour.is_none() && matches!(unit, Unit::Day | Unit::Week) => {
                            let mut cal = cal.clone();
                            cal.shift_days += by * if unit == Unit::Week { 7 } else { 1 };
                            Some(Sem::Cal(cal))
                        }
                        _ => None,
                    };
                    if let Some(sem) = merged {
                        out.push(Cand { a: c.a, b: n.b, sem, until: None });
                        k += 2;
                        continue;
                    }
                }
            }
            // day time R day time / time day R time day
            if k + 3 < cands.len() && self.range_word_between(&cands[k + 1], &cands[k + 2]) && c.until.is_none() && cands[k + 1].until.is_none() {
                let (x, y, z, w) = (c, &cands[k + 1], &cands[k + 2], &cands[k + 3]);
                let pairs = if dated(x) && bare(y) && dated(z) && bare(w) {
                    Some(((x, y), (z, w)))
                } else if bare(x) && dated(y) && bare(z) && dated(w) {
                    Some(((y, x), (w, z)))
                } else {
                    None
                };
                if let Some(((d1, t1), (d2, t2))) = pairs.filter(|_| self.next_to(x, y) && self.next_to(z, w)) {
                    if let (Some(s), Some(e)) = (with_time(&d1.sem, &t1.sem), with_time(&d2.sem, &t2.sem)) {
                        out.push(Cand { a: x.a, b: w.b, sem: Sem::Cal(s), until: Some(Sem::Cal(e)) });
                        k += 4;
                        continue;
                    }
                }
            }
            // a time range and its day, a day range and its time
            if k + 1 < cands.len() && self.next_to(c, &cands[k + 1]) {
                let n = &cands[k + 1];
                let (range, other) = if c.until.is_some() && c.b > c.a { (c, n) } else { (n, c) };
                if range.until.is_some() && other.until.is_none() && range.b > range.a && self.contains_range_word(range) {
                    let merged = if bare(range) && dated(other) {
                        // the time range on the day
                        with_time(&other.sem, &range.sem).zip(range.until.as_ref().and_then(|u| with_time(&other.sem, u)))
                    } else if dated(range) && bare(other) {
                        with_time(&range.sem, &other.sem).zip(range.until.as_ref().and_then(|u| with_time(u, &other.sem)))
                    } else {
                        None
                    };
                    if let Some((s, e)) = merged {
                        out.push(Cand { a: c.a, b: n.b, sem: Sem::Cal(s), until: Some(Sem::Cal(e)) });
                        k += 2;
                        continue;
                    }
                }
            }
            out.push(c.clone());
            k += 1;
        }
        out
    }

    /// Only a comma, "at", "à", "on", "le" (at most two tokens) between two expressions of one sentence.
    fn next_to(&self, x: &Cand, y: &Cand) -> bool {
        y.a >= x.b && y.a - x.b <= 2 && self.same_sent(x.a, y.a) && (x.b..y.a).all(|i| matches!(self.norm(i), "," | "at" | "a" | "on" | "le"))
    }

    /// One range word ("-", "to", "au", "à", "until", "jusqu'à") alone between two expressions.
    fn range_word_between(&self, x: &Cand, y: &Cand) -> bool {
        y.a == x.b + 1 && self.same_sent(x.a, y.a) && matches!(self.norm(x.b), "-" | "–" | "to" | "au" | "a" | "until" | "till" | "through" | "thru")
    }

    /// The range is written inside the expression ("9:00 AM to 5:00 PM", "22-23 Feb"), not a "du … au" start.
    fn contains_range_word(&self, c: &Cand) -> bool {
        (c.a..c.b).any(|i| matches!(self.norm(i), "-" | "–" | "to" | "au" | "a" | "until" | "till" | "through" | "thru" | "et" | "and"))
    }

    /// "du 13 au 15 juillet", "13h-15h", "Monday to Friday", "between 2010 and 2015": two calendar points of the
    /// same kind joined by a range word make one expression with an `until`. "1982-1990" stays two (TimeML).
    fn joins_range(&self, prev: &Cand, next: &Cand) -> bool {
        let (Some(a), Some(b)) = (day_cal(&prev.sem), day_cal(&next.sem)) else { return false };
        let (a, b) = (&a, &b);
        if next.a != prev.b + 1 || !self.same_sent(prev.a, next.a) {
            return false;
        }
        let between = self.toks[prev.b].norm();
        let conj = matches!(between, "et" | "and") && prev.a > 0 && self.is(prev.a - 1, &["entre", "between"]);
        if !(conj || matches!(between, "-" | "–" | "au" | "to" | "through" | "until" | "till" | "thru") || self.toks[prev.b].raw == "à") {
            return false;
        }
        let timeish = |c: &Cal| c.hour.is_some() && c.day.is_none() && c.month.is_none() && c.weekday.is_none();
        let dayish = |c: &Cal| c.day.is_some() || c.weekday.is_some() || c.rel_days.is_some() || (c.month.is_some() && c.year.is_some());
        let yearish = |c: &Cal| c.year.is_some() && c.month.is_none() && c.season.is_none();
        (timeish(a) && timeish(b))
            || (a.hour.is_some() && a.day.is_some() && timeish(b) && matches!(between, "-" | "–" | "to" | "until" | "till"))
            || (dayish(a) && dayish(b))
            || (a.month.is_some() && b.month.is_some() && a.day.is_none() && b.day.is_none() && self.lang == Lang::En)
            || (yearish(a) && yearish(b) && between != "-" && between != "–")
    }

    /// Can an expression start at token `i`? Most tokens are plain words that start none: skipping them
    /// keeps the scan cheap.
    fn may_start(&self, i: usize) -> bool {
        let t = &self.toks[i];
        match t.kind {
            TokenKind::Number => true,
            _ if self.has_entry(i) => true,
            // "'98", "+15 minutes", "-3y": not the apostrophes of French elisions nor a hyphen before a word
            TokenKind::Punct => {
                (matches!(t.raw, "'" | "’" | "+" | "-") && self.tight(i + 1) && self.is_num_tok(i + 1))
                    || (matches!(t.raw, "+" | "-") && i > 0 && self.is(i - 1, &["now"]) && self.is_num_tok(i + 1))
            }
            TokenKind::Word => {
                let starter = STARTERS.contains(t.norm);
                if starter && is_article(t.norm) {
                    // An article ("le", "les", "the", "des"), among the commonest words, starts an expression only
                    // with a date word, a number or a roman numeral in the next three tokens ("l'an dernier", "les
                    // années 1990").
                    return (i + 1..(i + 4).min(self.toks.len())).any(|k| {
                        let u = &self.toks[k];
                        u.kind == TokenKind::Number
                            || self.has_entry(k)
                            || (matches!(u.raw.as_bytes().first(), Some(b'I' | b'V' | b'X')) && roman_ordinal(u.raw).is_some())
                            || (u.kind == TokenKind::Word && (has_hyphen(u.norm) || matches!(u.norm(), "mois" | "annee" | "annees" | "premier" | "first")))
                            || (self.lang == Lang::En && english_ordinal(u.norm()).is_some())
                    });
                }
                starter
                    // "Q1 2016", "H2 2025"
                    || (matches!(t.raw, "Q" | "H" | "T") && self.tight(i + 1) && self.is_num_tok(i + 1))
                    || has_hyphen(t.norm)
                    || (matches!(t.raw.as_bytes().first(), Some(b'I' | b'V' | b'X')) && roman_ordinal(t.raw).is_some())
                    || (self.lang == Lang::En && english_ordinal(t.norm).is_some())
            }
        }
    }

    /// The rules, in the order they are tried (at one position the longest match wins, ties going to the rule
    /// tried first).
    const RULES: [fn(&Self, usize) -> Option<Cand>; 19] = [
        Self::numeric_date,
        Self::quarter,
        Self::day_only,
        Self::sep_month_date,
        Self::day_list,
        Self::day_month,
        Self::month_day_en,
        Self::time,
        Self::weekday,
        Self::deictic,
        Self::this_pod,
        Self::part_of,
        Self::decade,
        Self::relative_unit,
        Self::amount,
        Self::set,
        Self::season,
        Self::month_year,
        Self::misc,
    ];

    fn best_at(&self, i: usize) -> Option<Cand> {
        // Off in the test that tries every rule everywhere `may_start` lets through, to check that the conditions
        // below change nothing. (`may_start` itself is a coarser filter by design: in French it passes over
        // English words that an English rule would read, "the second half".)
        let every_rule = crate::shortcuts_off();
        if !self.may_start(i) {
            return None;
        }
        // Each rule is tried only where its first token can start it (a necessary condition, read off the
        // rule's own first steps): most positions start a few rules at most, and a rule that cannot match
        // still pays its preamble (lexicon and word checks) before failing. The order stays the rules' order
        // (ties go to the rule tried first).
        let t = &self.toks[i];
        let (w, en, num) = (t.norm, self.lang == Lang::En, t.kind == TokenKind::Number);
        let has = |kind: Kind| self.has(i, kind);
        let art = self.skip_article(i);
        let en_prefix = en && matches!(w, "last" | "past" | "next" | "coming" | "this");
        const ORDINALS: Words = Words::new(&[
            "premier", "first", "second", "deuxieme", "troisieme", "third", "quatrieme", "fourth", "dernier", "last", "final",
        ]);
        let amount_kinds = [Kind::AgoPre, Kind::In, Kind::Approx, Kind::NumX, Kind::Num].iter().fold(0, |m, k| m | k.bit());
        // a century's number after the article ("le XXe siècle", "the 20th century"), or "la nuit", "la soirée"
        let century = self.toks.get(art).is_some_and(|a| a.num.is_some() || matches!(a.raw.as_bytes().first(), Some(b'I' | b'V' | b'X')));
        let day_i = self.day_num_start(i);
        let may: [bool; 19] = if every_rule { [true; 19] } else { [
            num || has(Kind::Weekday), // numeric_date
            num || matches!(t.raw, "Q" | "H" | "T") || matches!(w, "le" | "la" | "the" | "au" | "du") || ORDINALS.contains(w), // quarter
            if en { has(Kind::Weekday) || w == "the" } else { w == "le" }, // day_only
            num || has(Kind::Month), // sep_month_date
            day_i || matches!(w, "les" | "le"), // day_list
            (if art == i { day_i } else { self.day_num_start(art) }) || self.has(art, Kind::Weekday), // day_month
            en && (has(Kind::Weekday) || has(Kind::Month)), // month_day_en
            num || has(Kind::Time) || has(Kind::Approx) || has(Kind::Pod), // time
            has(Kind::Weekday) || self.has(i + 1, Kind::Weekday) || en && matches!(w, "the" | "this"), // weekday
            has(Kind::Anchored) || has(Kind::Deictic) || matches!(w, "le" | "la" | "l"), // deictic
            has(Kind::This) || matches!(w, "last" | "tonight" | "la"), // this_pod
            has(Kind::Part) || self.has(i + 1, Kind::Part) || w.starts_with("mi-") || w.starts_with("mid-"), // part_of
            if en { num || w == "the" || matches!(t.raw, "'" | "’") } else { matches!(w, "les" | "des" | "annees") }, // decade
            if en { has(Kind::Last) || has(Kind::Next) || has(Kind::This) || w == "the" } else { has(Kind::This) || matches!(w, "toute" | "tout" | "ces" | "les") || art > i }, // relative_unit
            num || self.kinds[i] & amount_kinds != 0 || matches!(w, "depuis" | "pendant" | "durant" | "for") || matches!(t.raw, "+" | "-" | "~") || has_hyphen(w), // amount
            has(Kind::Approx) || has(Kind::Every) || matches!(w, "par" | "per" | "a"), // set
            has(Kind::Season) || en_prefix || !en && (has(Kind::This) || matches!(w, "les" | "l")), // season
            has(Kind::Month) || en_prefix || matches!(w, "mois" | "le"), // month_year
            century || !en && matches!(w, "la" | "l"), // misc
        ] };
        let mut best: Option<Cand> = None;
        for (rule, _) in Self::RULES.iter().zip(may).filter(|&(_, may)| may) {
            if let Some(c) = rule(self, i) {
                if c.b > i && best.as_ref().map_or(true, |b| c.b > b.b) {
                    best = Some(c);
                }
            }
        }
        // a year needs its four digits at `i` or after "l'an", "l'année", "année", "the year"
        if best.is_none() && (every_rule || num || matches!(w, "l" | "annee" | "the")) {
            best = self.year(i);
        }
        if best.is_none() {
            best = self.vague(i);
        }
        best
    }

    // ---------------------------------------------------------------- token helpers

    fn norm(&self, i: usize) -> &str {
        self.toks.get(i).map_or("", |t| t.norm())
    }

    fn is(&self, i: usize, words: &[&str]) -> bool {
        self.toks.get(i).is_some_and(|t| one_of(t.norm, words))
    }

    fn same_sent(&self, i: usize, j: usize) -> bool {
        matches!((self.toks.get(i), self.toks.get(j)), (Some(a), Some(b)) if a.sent == b.sent)
    }

    /// Token `i` exists, is in the sentence of `from` and touches the token before it.
    fn tight(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| !t.gap) && i > 0 && self.same_sent(i - 1, i)
    }

    fn punct(&self, i: usize, p: &str) -> bool {
        self.toks.get(i).is_some_and(|t| t.kind == TokenKind::Punct && t.raw == p)
    }

    /// The longest lexicon entry of `kind` starting at `i`, if it stays in the sentence of `i`.
    fn lex(&self, i: usize, kind: Kind) -> Option<Entry> {
        if !self.has(i, kind) {
            return None;
        }
        self.matches(i).iter().filter(|e| e.kind == kind).max_by_key(|e| e.len).copied()
    }

    /// Does a lexicon entry of `kind` start at `i`? (One bit tested: no scan of the entries.)
    fn has(&self, i: usize, kind: Kind) -> bool {
        self.kinds.get(i).is_some_and(|&m| m & kind.bit() != 0)
    }

    /// Does any lexicon entry start at `i`?
    fn has_entry(&self, i: usize) -> bool {
        self.kinds.get(i).is_some_and(|&m| m != 0)
    }

    /// `l'` / `d'` + the next word: returns the index after the apostrophe.
    fn elided(&self, i: usize, w: &[&str]) -> Option<usize> {
        (self.is(i, w) && self.is(i + 1, &["'"])).then_some(i + 2)
    }

    /// An article at `i` (with `l'` taking its apostrophe): the index after it, or `i`.
    fn skip_article(&self, i: usize) -> usize {
        // One match on the word (called at every candidate position by several rules).
        match (self.norm(i), self.lang) {
            ("l", _) => self.elided(i, &["l"]).unwrap_or(i),
            ("le" | "la" | "les", Lang::Fr) | ("the", Lang::En) => i + 1,
            _ => i,
        }
    }

    /// Can a day of the month start at `i` ([`Finder::day_num`]: a number, "premier", "first", "3rd")?
    fn day_num_start(&self, i: usize) -> bool {
        self.is_num_tok(i) || self.is(i, &["premier", "first"]) || (self.lang == Lang::En && english_ordinal(self.norm(i)).is_some())
    }

    /// `de`, `d'`, `of`, `du`, `des` at `i`: the index after it, or `i`.
    fn skip_of(&self, i: usize) -> usize {
        if let Some(j) = self.elided(i, &["d"]) {
            return j;
        }
        if self.is(i, &["de", "of", "du", "des"]) {
            return i + 1;
        }
        i
    }

    fn is_num_tok(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.kind == TokenKind::Number)
    }

    fn digits(&self, i: usize) -> usize {
        self.toks.get(i).map_or(0, |t| if t.kind == TokenKind::Number { t.raw.len() } else { 0 })
    }

    fn num(&self, i: usize) -> Option<u32> {
        self.toks.get(i).and_then(|t| t.num)
    }

    /// A day of the month at `i` ("3", "03", "1er", "3rd", "premier"): (day, next index).
    fn day_num(&self, i: usize) -> Option<(u32, usize)> {
        if self.is(i, &["premier", "first"]) {
            return Some((1, i + 1));
        }
        if self.lang == Lang::En {
            if let Some(d) = self.toks.get(i).and_then(|t| english_ordinal(t.norm)) {
                return Some((d, i + 1));
            }
        }
        let d = self.num(i)?;
        if self.digits(i) > 2 || !(1..=31).contains(&d) {
            return None;
        }
        let mut j = i + 1;
        if self.tight(j) && self.is(j, &["er", "st", "nd", "rd", "th", "e", "eme"]) {
            j += 1;
        }
        Some((d, j))
    }

    /// A month name at `i`: (month, next index). Abbreviations take their full stop.
    fn month_at(&self, i: usize) -> Option<(u32, usize)> {
        let e = self.lex(i, Kind::Month)?;
        let mut j = i + e.len;
        let full = self.norm(i).len() > 4 || matches!(self.norm(i), "mai" | "juin" | "aout" | "mars" | "may" | "june" | "july");
        if !full && self.tight(j) && self.punct(j, ".") {
            j += 1;
        }
        Some((e.int() as u32, j))
    }

    /// A year at `i`: four digits 1000–2199, or `'98`; (year, next index).
    fn year_at(&self, i: usize) -> Option<(i32, usize)> {
        if self.punct(i, "'") || self.punct(i, "’") {
            if self.tight(i + 1) && self.digits(i + 1) == 2 {
                return Some((expand_two_digits(self.num(i + 1)?), i + 2));
            }
            return None;
        }
        if self.digits(i) == 4 && !(i > 1 && self.tight(i) && self.punct(i - 1, "-") && self.is_num_tok(i - 2) && self.digits(i - 2) != 4) {
            let y = self.num(i)?;
            if (1000..=2199).contains(&y) && !self.is_thousands(i) {
                return Some((y as i32, i + 1));
            }
        }
        None
    }

    /// A year written with its era: "88 AD", "234 BC", "234 BCE", "234 av. J.-C.", "88 apr. J.-C.", "234 AC",
    /// "88 p. Chr. n.": (year, negative before Christ; next index).
    fn era_year(&self, i: usize) -> Option<(i32, usize)> {
        const ERAS: &[(&[&str], i32)] = &[
            (&["ad"], 1), (&["ce"], 1), (&["bc"], -1), (&["bce"], -1), (&["ac"], -1), (&["av", "j", "c"], -1),
            (&["avant", "j", "c"], -1), (&["apr", "j", "c"], 1), (&["ap", "j", "c"], 1), (&["apres", "j", "c"], 1),
            (&["p", "chr", "n"], 1),
        ];
        let y = self.num(i)?;
        if self.digits(i) > 4 || y == 0 {
            return None;
        }
        'eras: for (words, sign) in ERAS {
            let mut k = i + 1;
            for (n, w) in words.iter().enumerate() {
                if n > 0 {
                    // "J.-C.", "p. Chr. n.": dots and hyphens between the letters
                    while (self.punct(k, ".") || self.punct(k, "-")) && k < i + 12 {
                        k += 1;
                    }
                }
                if !self.is(k, &[w]) || !self.same_sent(i, k) {
                    continue 'eras;
                }
                k += 1;
            }
            if words.len() > 1 && self.punct(k, ".") && self.tight(k) {
                k += 1;
            } else if words.len() == 1 && self.toks[k - 1].raw.chars().any(char::is_lowercase) {
                // "AD", "BC" in capitals: "ce", "ad" are words too
                continue;
            }
            return Some((sign * y as i32, k));
        }
        None
    }

    /// A year after a month: four digits, or two ("octobre 98").
    fn year_after_month(&self, i: usize) -> Option<(i32, usize)> {
        if let Some(y) = self.year_at(i) {
            return Some(y);
        }
        if self.digits(i) == 2 && !self.punct(i + 1, ":") && !self.is(i + 1, &["h"]) && !self.is_unit_after(i + 1) && self.oclock(i + 1).is_none() {
            return Some((expand_two_digits(self.num(i)?), i + 1));
        }
        None
    }

    /// "2 000", "1,5": the number at `i` is part of a larger number.
    fn is_thousands(&self, i: usize) -> bool {
        (self.digits(i + 1) == 3 && self.same_sent(i, i + 1) && !self.punct(i + 1, "-"))
            || ((self.punct(i + 1, ",") || self.punct(i + 1, ".")) && self.tight(i + 1) && self.tight(i + 2) && self.is_num_tok(i + 2))
            || (i > 0 && (self.punct(i - 1, ",") || self.punct(i - 1, ".")) && self.tight(i) && self.is_num_tok(i - 1) && self.tight(i - 1))
    }

    fn is_unit_after(&self, i: usize) -> bool {
        self.lex(i, Kind::Unit).is_some()
    }

    /// English "last" / "past", "next" / "coming", "this" before a weekday, month or season: (dir, this, next
    /// index). "previous" and "following" are left out: they count from another date of the text, not from
    /// the reference ("the previous Tuesday").
    fn en_prefix(&self, i: usize) -> Option<(i8, bool, usize)> {
        if self.lang != Lang::En {
            return None;
        }
        if self.is(i, &["last", "past"]) {
            Some((-1, false, i + 1))
        } else if self.is(i, &["next", "coming"]) {
            Some((1, false, i + 1))
        } else if self.is(i, &["this"]) {
            Some((0, true, i + 1))
        } else {
            None
        }
    }

    /// `dernier` / `prochain` at `i`: (dir, next index).
    fn dir_after(&self, i: usize) -> Option<(i8, usize)> {
        if let Some(e) = self.lex(i, Kind::Last) {
            if self.lang == Lang::Fr {
                return Some((-1, i + e.len));
            }
        }
        if let Some(e) = self.lex(i, Kind::Next) {
            if self.lang == Lang::Fr && !self.is(i, &["suivant", "suivante"]) {
                return Some((1, i + e.len));
            }
        }
        None
    }

    /// A part of day after a day word ("matin", "après-midi", "soir", "dans la soirée" not included).
    fn pod_after(&self, i: usize) -> Option<(&'static str, usize)> {
        let e = self.lex(i, Kind::Pod)?;
        if e.value == "MI" {
            return None;
        }
        Some((e.value, i + e.len))
    }

    /// A number (digits with an optional decimal part, or number words): (value, next index).
    fn amount_at(&self, i: usize) -> Option<(Option<f64>, usize)> {
        if let Some(e) = self.lex(i, Kind::NumX) {
            let (int, frac) = e.value.split_once('.').unwrap_or((e.value, ""));
            let v = decimal(int, frac).unwrap_or(0.0);
            return Some((if v == 0.0 { None } else { Some(v) }, i + e.len));
        }
        if let Some(n) = self.num(i) {
            if self.digits(i) > 6 || self.is_thousands_group(i) {
                return None;
            }
            // the tail of "1,000" or "30,4" is not an amount of its own
            if i >= 2 && self.tight(i) && matches!(self.toks[i - 1].raw, "," | ".") && self.tight(i - 1) && self.is_num_tok(i - 2) {
                return None;
            }
            // 30,4 secondes
            if (self.punct(i + 1, ",") || self.punct(i + 1, ".")) && self.tight(i + 1) && self.tight(i + 2) && self.is_num_tok(i + 2) {
                let frac = self.toks[i + 2].raw;
                let thousands_sep = if self.lang == Lang::En { "," } else { "." };
                if frac.len() == 3 && self.toks[i + 1].raw == thousands_sep {
                    // "1,000 hours", "1.000 heures"
                    return Some((Some(f64::from(n) * 1000.0 + decimal(frac, "")?), i + 3));
                }
                return Some((Some(decimal(&n.to_string(), frac)?), i + 3));
            }
            return Some((Some(f64::from(n)), i + 1));
        }
        if let Some(e) = self.lex(i, Kind::Num) {
            return Some((Some(e.int() as f64), i + e.len));
        }
        let w = self.norm(i);
        if !has_hyphen(w) {
            return None;
        }
        number_word(self.lex, w).map(|v| (Some(v as f64), i + 1))
    }

    fn is_thousands_group(&self, i: usize) -> bool {
        // "2 000 ans": the amount is 2000 but such figures are never time amounts worth resolving.
        self.digits(i + 1) == 3 && self.same_sent(i, i + 1)
    }

    // ---------------------------------------------------------------- rules

    /// ISO dates, `03/03`, `3/3/2017`, `03.03.2017`.
    fn numeric_date(&self, i: usize) -> Option<Cand> {
        // ISO 2017-03-03 [T13:27[:00]]
        if self.digits(i) == 4 && self.punct(i + 1, "-") && self.tight(i + 1) && self.tight(i + 2) && self.digits(i + 2) <= 2 && self.punct(i + 3, "-") && self.tight(i + 3) && self.tight(i + 4) && self.digits(i + 4) <= 2 {
            let (y, m, d) = (self.num(i)? as i32, self.num(i + 2)?, self.num(i + 4)?);
            if !valid_ymd(y, m, d) {
                return Some(Cand { a: i, b: i + 5, sem: Sem::Null("invalid"), until: None });
            }
            let mut cal = Cal { year: Some(y), month: Some(m), day: Some(d), ..Cal::default() };
            let mut b = i + 5;
            // "T13:27" is one word "T13"? No: "T" is a word, then 13. Accept T or space then HH:MM.
            let t = if self.is(b, &["t"]) && self.tight(b) { b + 1 } else { b };
            if let Some((h, mi, s, e)) = self.clock(t) {
                if t > b || self.same_sent(b - 1, t) {
                    cal.hour = Some(h);
                    cal.minute = Some(mi);
                    cal.second = s;
                    b = e;
                    if let Some((tz, dst, e2)) = self.tz_at(b, true) {
                        cal.tz = Some(tz);
                        cal.dst = dst;
                        b = e2;
                    }
                }
            }
            return Some(Cand { a: i, b, sem: Sem::Cal(cal), until: None });
        }
        // [WEEKDAY [,]] D/M[/Y]: "lundi 8/2/2016"
        if let Some(e) = self.lex(i, Kind::Weekday) {
            let mut j = i + e.len;
            if self.punct(j, ",") {
                j += 1;
            }
            if self.is_num_tok(j) {
                let mut c = self.numeric_date(j)?;
                if let Sem::Cal(cal) = &mut c.sem {
                    cal.day?;
                    cal.weekday = Some(e.int() as u32);
                }
                c.a = i;
                return Some(c);
            }
            return None;
        }
        // YYYY/M/D: "2012/8/10"
        if self.digits(i) == 4 && matches!(self.toks.get(i + 1).map(|t| t.raw), Some("/" | ".")) && self.tight(i + 1) && self.tight(i + 2) && self.digits(i + 2) <= 2 && self.toks.get(i + 3).map(|t| t.raw) == self.toks.get(i + 1).map(|t| t.raw) && self.tight(i + 3) && self.tight(i + 4) && self.digits(i + 4) <= 2 {
            let (y, m, d) = (self.num(i)? as i32, self.num(i + 2)?, self.num(i + 4)?);
            if !valid_ymd(y, m, d) {
                return Some(Cand { a: i, b: i + 5, sem: Sem::Null("invalid"), until: None });
            }
            return Some(Cand { a: i, b: i + 5, sem: Sem::Cal(Cal { year: Some(y), month: Some(m), day: Some(d), ..Cal::default() }), until: None });
        }
        // M/YYYY: "09/2012"
        if self.digits(i) <= 2 && self.punct(i + 1, "/") && self.tight(i + 1) && self.tight(i + 2) && self.digits(i + 2) == 4 && !(self.punct(i + 3, "/") && self.tight(i + 3)) {
            let (m, y) = (self.num(i)?, self.num(i + 2)?);
            if (1..=12).contains(&m) && (1000..=2199).contains(&y) {
                return Some(Cand { a: i, b: i + 3, sem: Sem::Cal(Cal { year: Some(y as i32), month: Some(m), ..Cal::default() }), until: None });
            }
        }
        // D/M[/Y], M/D/Y (English), D.M.Y, D-M-Y
        let first = self.num(i)?;
        if self.digits(i) > 2 {
            return None;
        }
        let sep = self.toks.get(i + 1)?.raw;
        if !matches!(sep, "/" | "." | "-") || !self.tight(i + 1) || !self.tight(i + 2) || self.digits(i + 2) == 0 || self.digits(i + 2) > 2 {
            return None;
        }
        let second = self.num(i + 2)?;
        let mut b = i + 3;
        let mut year = None;
        let year_digits: &[usize] = if sep == "." { &[4] } else { &[2, 4] };
        if self.punct(b, sep) && self.tight(b) && self.tight(b + 1) && year_digits.contains(&self.digits(b + 1)) {
            let y = self.num(b + 1)?;
            year = Some(if self.digits(b + 1) == 2 { expand_two_digits(y) } else { y as i32 });
            b += 2;
        }
        let article = i > 0 && self.is(i - 1, &["le", "du", "au", "les", "on", "the", "since", "until", "from", "depuis", "des"]);
        if year.is_none() && (sep != "/" || (self.digits(i) != 2 || self.digits(i + 2) != 2) && !article) {
            // "1/2", "3-1", "3.5" are fractions, scores and decimals.
            return None;
        }
        if i > 0 && self.tight(i) && matches!(self.toks[i - 1].raw, "/" | "." | "-" | ",") {
            return None;
        }
        // "05/31/2024.14:15", "05/31/2024:14:15": a time glued to a full date (logs, forms)
        let glued = if year.is_some() && self.tight(b) && matches!(self.toks.get(b).map(|t| t.raw), Some("." | ":" | "-")) && self.tight(b + 1) { self.clock(b + 1) } else { None };
        if glued.is_none() && self.tight(b) && matches!(self.toks.get(b).map(|t| t.raw), Some("/" | "." | "-")) && self.is_num_tok(b + 1) && self.tight(b + 1) {
            return None;
        }
        if year.is_none() && second == 7 && matches!(first, 7 | 24) {
            // "24/7", "7/7": round the clock
            return None;
        }
        let (d, m) = if self.lang == Lang::En && first <= 12 { (second, first) } else { (first, second) };
        if !(1..=12).contains(&m) || !(1..=31).contains(&d) || d > super::days_in_month(year.unwrap_or(2000), m) {
            // "13/31/2018", "02/29/2022": no date (and not the year alone)
            return year.map(|_| Cand { a: i, b, sem: Sem::Null("invalid"), until: None });
        }
        let mut cal = Cal { year, month: Some(m), day: Some(d), ..Cal::default() };
        if let Some((h, mi, sec, e)) = glued {
            (cal.hour, cal.minute, cal.second, b) = (Some(h), Some(mi), sec, e);
        }
        Some(Cand { a: i, b, sem: Sem::Cal(cal), until: None })
    }

    /// `HH:MM[:SS]`: (h, m, s, next index).
    fn clock(&self, i: usize) -> Option<(u32, u32, Option<u32>, usize)> {
        let h = self.num(i)?;
        if self.digits(i) > 2 || h > 24 || !self.punct(i + 1, ":") || !self.tight(i + 1) || !self.tight(i + 2) || self.digits(i + 2) != 2 {
            return None;
        }
        let m = self.num(i + 2)?;
        if m > 59 {
            return None;
        }
        if self.punct(i + 3, ":") && self.tight(i + 3) && self.tight(i + 4) && self.digits(i + 4) == 2 {
            let s = self.num(i + 4)?;
            let mut b = i + 5;
            // milliseconds
            if self.punct(b, ".") && self.tight(b) && self.tight(b + 1) && self.is_num_tok(b + 1) {
                b += 2;
            }
            return Some((h, m, (s < 60).then_some(s), b));
        }
        Some((h, m, None, i + 3))
    }

    /// A time-zone after a time: an abbreviation, `Z`, `+01:00`, "locales", "heure de Paris".
    /// A time zone at `i`: (offset in minutes, daylight-saving rule, next index).
    fn tz_at(&self, i: usize, tight_only: bool) -> Option<(i32, Option<&'static str>, usize)> {
        if let Some(e) = self.lex(i, Kind::Tz) {
            let raw = self.toks[i].raw;
            let upper = raw.chars().all(|c| c.is_uppercase());
            // two-letter zones ("ET", "PT") only in capitals: "et", "pt" are words
            // French "est" is a verb, except after "pm": "vendredi à 2 pm est"
            let verb = self.lang == Lang::Fr && self.norm(i) == "est" && !(i > 0 && self.is(i - 1, &["am", "pm", "m"]));
            if upper || (raw.len() > 2 && !tight_only && !verb) {
                let mut off = e.int() as i32;
                let mut dst = e.tag();
                let mut b = i + e.len;
                // GMT+1, UTC-05:00
                if let Some((o, e2)) = self.offset_at(b, true) {
                    off = o;
                    dst = None;
                    b = e2;
                }
                return Some((off, dst, b));
            }
        }
        if self.is(i, &["z"]) && self.tight(i) && self.toks[i].raw == "Z" {
            return Some((0, None, i + 1));
        }
        if tight_only || self.tight(i) {
            if let Some((o, b)) = self.offset_at(i, false) {
                return Some((o, None, b));
            }
        }
        None
    }

    /// `+01:00`, `-0500`, `+02` at `i` (`+1` too after a zone name, `short`): (offset in minutes, next index).
    fn offset_at(&self, i: usize, short: bool) -> Option<(i32, usize)> {
        let sign = match self.toks.get(i)?.raw {
            "+" => 1,
            "-" | "−" => -1,
            _ => return None,
        };
        if !self.tight(i + 1) {
            return None;
        }
        let digits = self.digits(i + 1);
        let v = self.num(i + 1)? as i32;
        let (h, mut m, mut b) = match digits {
            1 if short => (v, 0, i + 2),
            2 => (v, 0, i + 2),
            4 => (v / 100, v % 100, i + 2),
            _ => return None,
        };
        let colon = self.punct(b, ":") && self.tight(b) && self.digits(b + 1) == 2;
        if colon {
            m = self.num(b + 1)? as i32;
            b += 2;
        }
        if sign < 0 && digits <= 2 && !colon && !short {
            return None;
        }
        if h > 14 || m > 59 {
            return None;
        }
        Some((sign * (h * 60 + m), b))
    }

    /// Times of day: `13h27`, `13 h 27`, `18 h`, `1:27 p.m.`, `5pm`, `midi`, `vers 12 h 30 locales`.
    fn time(&self, i: usize) -> Option<Cand> {
        if let Some(c) = self.at_hour(i) {
            return Some(c);
        }
        let mut a = i;
        let mut j = i;
        if let Some(e) = self.lex(i, Kind::Approx) {
            if self.is(i, &["vers", "around", "about", "environ"]) {
                j = i + e.len;
            }
        }
        // "13-15h", "1-3pm": the first hour shares the second's unit and half of the day
        if j == i && self.digits(i) <= 2 && (self.punct(i + 1, "-") || self.punct(i + 1, "–")) && self.same_sent(i, i + 2) {
            if let (Some(h1), Some((c2, b2))) = (self.num(i), self.time_core(i + 2)) {
                let h2 = c2.hour.unwrap_or(0);
                let unit_after = self.is(i + 3, &["h"]) || self.meridiem(i + 3).is_some();
                if h1 <= 24 && unit_after && c2.minute == Some(0) {
                    // "12-3am" starts at midnight
                    let h1 = if h2 >= 12 && h1 < 12 && h1 + 12 <= h2 { h1 + 12 } else if h1 == 12 && h2 < 12 && self.meridiem(i + 3).is_some() { 0 } else { h1 };
                    let cal = Cal { hour: Some(h1), minute: Some(0), ..Cal::default() };
                    return Some(Cand { a: i, b: b2, sem: Sem::Cal(cal), until: Some(Sem::Cal(c2)) });
                }
            }
            // "10 - 11 at night": both hours in that part of the day
            if let (Some(h1), Some(h2)) = (self.num(i).filter(|h| (1..=12).contains(h)), self.num(i + 2).filter(|h| (1..=12).contains(h) && self.digits(i + 2) <= 2)) {
                if let Some((pod, e)) = self.pod_suffix(i + 3) {
                    let pm = |h: u32| if h < 12 && (matches!(pod, "AF" | "EV") || pod == "NI" && h >= 6) { h + 12 } else { h };
                    let cal = Cal { hour: Some(pm(h1)), minute: Some(0), ..Cal::default() };
                    let end = Cal { hour: Some(pm(h2)), minute: Some(0), ..Cal::default() };
                    return Some(Cand { a: i, b: e, sem: Sem::Cal(cal), until: Some(Sem::Cal(end)) });
                }
            }
        }
        // "après-midi à 5", "soir à 8"
        if let Some(e) = self.lex(i, Kind::Pod) {
            let k = i + e.len;
            if e.value != "MI" && self.is(k, &["a"]) && self.digits(k + 1) <= 2 && !self.is(k + 2, &["h", "heures", ":"]) && !self.punct(k + 2, ":") {
                let h = self.num(k + 1).filter(|h| (1..=12).contains(h))?;
                let h = if matches!(e.value, "AF" | "EV") || e.value == "NI" && h >= 6 { (h + 12) % 24 } else { h };
                return Some(Cand { a: i, b: k + 2, sem: Sem::Cal(Cal { hour: Some(h), minute: Some(0), ..Cal::default() }), until: None });
            }
        }
        if j == i && self.is(i + 1, &["h"]) && self.tight(i + 1) && self.tight(i + 2) && self.digits(i + 2) == 2 && self.is_running_time(i, i + 3, true) {
            return Some(Cand { a: i, b: i + 3, sem: Sem::HoursMinutes(self.num(i)?, self.num(i + 2)?), until: None });
        }
        let (mut cal, mut b) = match self.time_core(j) {
            Some(x) => x,
            None => {
                // a bare hour with its part of the day: "6 in the morning", "11 at night"
                let h = self.num(j).filter(|&h| (1..=12).contains(&h) && self.digits(j) <= 2)?;
                let (pod, e) = self.pod_suffix(j + 1)?;
                (Cal { hour: Some(h), minute: Some(0), pod: Some(pod), ..Cal::default() }, e)
            }
        };
        if cal.pod.is_none() {
            if let Some((pod, e)) = self.pod_suffix(b) {
                cal.pod = Some(pod);
                b = e;
            }
        }
        if let (Some(pod), Some(h)) = (cal.pod.take(), cal.hour) {
            // "8 heures du soir" = 20:00; "1 at night" = 01:00
            if h < 12 && (matches!(pod, "AF" | "EV") || pod == "NI" && h >= 6) {
                cal.hour = Some(h + 12);
            }
        }
        if j > i && !matches!(self.toks.get(j).map(|t| t.kind), Some(TokenKind::Number | TokenKind::Word)) {
            a = j;
        }
        // "locales", "heure locale", "(heure de Paris)", "GMT"
        if self.is(b, &["locale", "locales", "local"]) {
            b += 1;
        } else if self.is(b, &["heure", "time"]) && self.is(b + 1, &["locale", "locales", "local"]) {
            b += 2;
        } else if let Some((tz, dst, e)) = self.tz_at(b, false).filter(|_| {
            // "10:00-11:00" is a range, not a UTC offset of -11:00
            !(self.punct(b, "-") && self.clock(b + 1).is_some_and(|(h2, ..)| Some(h2) > cal.hour))
        }) {
            cal.tz = Some(tz);
            cal.dst = dst;
            b = e;
        } else if let Some((tz, dst, e)) = self.tz_at(b + 1, false).filter(|&(_, _, e)| self.punct(b, "(") && self.punct(e, ")") && self.same_sent(b, e)) {
            // "20 h 30 (heure de Paris)"
            cal.tz = Some(tz);
            cal.dst = dst;
            b = e + 1;
        }
        // "1pm-3", "8pm - 11", "8:10 - 12.32": an end hour written bare takes the start's half of the day
        let written = (j..b).any(|k| self.meridiem(k).is_some() || self.punct(k, ":"));
        if let (true, Some(h1)) = (written && self.is(b, &["-", "–", "to"]) && self.same_sent(b, b + 1), cal.hour) {
            if let Some((end, e)) = self.bare_end_hour(b + 1, h1) {
                return Some(Cand { a, b: e, sem: Sem::Cal(cal), until: Some(Sem::Cal(end)) });
            }
        }
        Some(Cand { a, b, sem: Sem::Cal(cal), until: None }).filter(|c| c.b > c.a)
    }

    /// "le premier trimestre 2016", "au 3e trimestre", "le dernier semestre", "the first quarter of 2016", "the
    /// second half of 2025", "Q1 2016", "H2 2025": a quarter or half of a year. English needs the year ("the
    /// second half" of a match, "third-quarter profits").
    fn quarter(&self, i: usize) -> Option<Cand> {
        // Q1 2016, H2 2025, T3 2016
        let letter = self.toks.get(i).map(|t| t.raw);
        if matches!(letter, Some("Q" | "H" | "T")) && self.tight(i + 1) && self.digits(i + 1) == 1 {
            let half = letter == Some("H");
            let n = self.num(i + 1).filter(|&n| n >= 1 && n <= if half { 2 } else { 4 })?;
            if letter == Some("T") && self.lang != Lang::Fr {
                return None;
            }
            let (y, b) = self.year_at(i + 2).filter(|_| self.digits(i + 2) == 4)?;
            return Some(Cand { a: i, b, sem: Sem::Quarter { n, half, year: Some(y), rel_year: 0 }, until: None });
        }
        let j = if self.is(i, &["le", "la", "the", "au", "du"]) { i + 1 } else { i };
        // the ordinal: a word, or digits with their suffix
        let (n, k) = match self.norm(j) {
            "premier" | "first" => (1, j + 1),
            "second" | "deuxieme" => (2, j + 1),
            "troisieme" | "third" => (3, j + 1),
            "quatrieme" | "fourth" => (4, j + 1),
            "dernier" | "last" | "final" => (0, j + 1),
            // n = 0 stands for "dernier" below: "0e" is no ordinal
            _ if self.num(j).is_some_and(|n| n >= 1) && self.tight(j + 1) && self.is(j + 1, &["er", "e", "eme", "st", "nd", "rd", "th"]) => (self.num(j)?, j + 2),
            _ => return None,
        };
        let half = match self.norm(k) {
            "trimestre" | "quarter" => false,
            "semestre" | "half" => true,
            _ => return None,
        };
        if n > if half { 2 } else { 4 } || !self.same_sent(j, k) {
            return None;
        }
        let max = if half { 2 } else { 4 };
        let mut b = k + 1;
        let y0 = self.skip_of(b);
        let (mut year, mut rel_year, mut has_year) = (None, 0, false);
        if let Some((y, e)) = self.year_at(y0).filter(|_| self.digits(y0) == 4 || y0 > b) {
            (year, has_year, b) = (Some(y), true, e);
        } else if let Some(c) = self.relative_unit(y0).filter(|_| y0 > b || self.lang == Lang::Fr) {
            if let Sem::Shift { unit: Unit::Year, n: dy, anchored: false, .. } = c.sem {
                (rel_year, has_year, b) = (dy, true, c.b);
            }
        } else if y0 > b && self.is(y0, &["the"]) && self.is(y0 + 1, &["year"]) {
            (has_year, b) = (true, y0 + 2);
        }
        if !has_year && self.lang == Lang::En {
            return None;
        }
        let a = if self.is(i, &["au", "du"]) { j } else { i };
        if n == 0 && !has_year {
            // "le dernier trimestre": the one before the current one
            let unit = if half { Unit::Semester } else { Unit::Quarter };
            return Some(Cand { a, b, sem: Sem::Shift { unit, n: -1, anchored: false, pod: None, part: None, fine: false }, until: None });
        }
        let n = if n == 0 { max } else { n };
        Some(Cand { a, b, sem: Sem::Quarter { n, half, year, rel_year }, until: None })
    }

    /// "at 5.", "at 12", "at 7 tonight": a bare hour after "at" that ends its clause or comes before a day
    /// word (not "at 5 percent", "at 12, he left school").
    fn at_hour(&self, i: usize) -> Option<Cand> {
        if self.lang != Lang::En || i == 0 || !self.is(i - 1, &["at"]) || !self.same_sent(i - 1, i) || self.digits(i) > 2 {
            return None;
        }
        let h = self.num(i).filter(|h| (1..=12).contains(h))?;
        // "I'm at 10", "we are at 5": a person at a number is at a level, not a time
        let copula = i >= 2 && self.is(i - 2, &["m", "am", "re", "are", "s", "is", "was", "were"]);
        if copula && (2..=4).filter_map(|d| i.checked_sub(d)).any(|k| self.is(k, &["i", "we", "you", "he", "she", "they"])) {
            return None;
        }
        let next = i + 1;
        let end_ok = match self.toks.get(next) {
            None => true,
            Some(t) if t.sent != self.toks[i].sent => true,
            Some(t) if t.kind == TokenKind::Punct => matches!(t.raw, "." | "!" | "?" | ";" | ")") && !(self.tight(next + 1) && self.is_num_tok(next + 1)),
            Some(_) => self.is(next, &["today", "tomorrow", "tonight", "on", "this"]) || self.lex(next, Kind::Weekday).is_some(),
        };
        if !end_ok || self.time_core(i).is_some() {
            return None;
        }
        let h = if self.is(next, &["tonight"]) && h < 12 { h + 12 } else { h };
        Some(Cand { a: i, b: next, sem: Sem::Cal(Cal { hour: Some(h), minute: Some(0), ..Cal::default() }), until: None })
    }

    /// "on the 3rd", "until the 15th", "Friday the 13th", "le 1er", "le 3 à 15 h", "le 3 au soir": a day of the
    /// month alone (its month comes from the reference and the tense).
    fn day_only(&self, i: usize) -> Option<Cand> {
        let mut cal = Cal::default();
        if self.lang == Lang::En {
            let mut j = i;
            if let Some(e) = self.lex(i, Kind::Weekday) {
                if self.weekday_ok(i) && self.is(i + e.len, &["the"]) {
                    cal.weekday = Some(e.int() as u32);
                    j = i + e.len;
                }
            }
            if !self.is(j, &["the"]) {
                return None;
            }
            if cal.weekday.is_none() && !(i > 0 && self.is(i - 1, &["on", "until", "till", "by", "from", "since", "before", "after"])) {
                return None;
            }
            // an ordinal: "3rd", "third" (not "the 3 of us")
            let written = self.num(j + 1).is_some() && self.tight(j + 2) && self.is(j + 2, &["st", "nd", "rd", "th"]);
            if !written && english_ordinal(self.norm(j + 1)).is_none() {
                return None;
            }
            let (d, mut b) = self.day_num(j + 1)?;
            // "the 3rd quarter", "the third time", "the 13th of March" (a full date, found elsewhere)
            let at_time = self.is(b, &["at"]) && self.time_core(b + 1).is_some();
            if !(self.is_clause_end(b) && !self.punct(b, "%") || at_time) {
                return None;
            }
            if let Some((pod, e)) = self.pod_suffix(b) {
                cal.pod = Some(pod);
                b = e;
            }
            cal.day = Some(d);
            let a = if cal.weekday.is_some() { i } else { j + 1 };
            return Some(Cand { a, b, sem: Sem::Cal(cal), until: None });
        }
        if !self.is(i, &["le"]) {
            return None;
        }
        let mut j = i + 1;
        if let Some(e) = self.lex(j, Kind::Weekday) {
            if self.weekday_ok(j) {
                cal.weekday = Some(e.int() as u32);
                j += e.len;
            }
        }
        if !self.is_num_tok(j) {
            return None;
        }
        let (d, mut b) = self.day_num(j)?;
        // "le 1er." but not "le 1er ministre"; "le 3 à 15 h", "le 3 au soir"
        let ordinal = b > j + 1;
        let at_time = self.is(b, &["a"]) && self.time_core(b + 1).is_some();
        let pod = if self.is(b, &["au"]) { self.pod_after(b + 1) } else { None };
        if let Some((p, e)) = pod {
            cal.pod = Some(p);
            b = e;
        } else if !(at_time || ordinal && self.is_clause_end(b) && !self.punct(b, "%")) {
            return None;
        }
        cal.day = Some(d);
        Some(Cand { a: i, b, sem: Sem::Cal(cal), until: None })
    }

    /// The bare end of a time range at `e` ("3" in "1pm-3", "12.32" in "8:10 - 12.32"), after a start at hour
    /// `h1`: the first such hour after the start (a smaller one is on the next day).
    fn bare_end_hour(&self, e: usize, h1: u32) -> Option<(Cal, usize)> {
        let h2 = self.num(e).filter(|&h| self.digits(e) <= 2 && (1..=12).contains(&h))?;
        let (m2, end) = if self.punct(e + 1, ".") && self.tight(e + 1) && self.tight(e + 2) && self.digits(e + 2) == 2 {
            (self.num(e + 2).filter(|&m| m < 60)?, e + 3)
        } else {
            (0, e + 1)
        };
        // "1pm-3 days", "8pm - 11 people", "10:00 - 11:00" (a full time: joined elsewhere)
        // "to 01/01/2023": a date, not an hour
        let glued = self.tight(end) && self.toks.get(end).is_some_and(|t| matches!(t.raw, "/" | "-" | "." | ",")) && self.is_num_tok(end + 1);
        if glued || self.is_unit_after(end) || self.punct(end, ":") || self.punct(end, "%") || self.is(end, &["h", "am", "pm", "a", "p", "o"]) {
            return None;
        }
        if self.toks.get(end).is_some_and(|t| t.kind != TokenKind::Punct && t.sent == self.toks[e].sent && !matches!(t.norm(), "on" | "at" | "today" | "tomorrow" | "tonight" | "le" | "ce" | "this")) && self.lex(end, Kind::Weekday).is_none() {
            return None;
        }
        let h = [h2 % 12, h2 % 12 + 12].into_iter().find(|&h| h > h1).unwrap_or(h2 % 12);
        Some((Cal { hour: Some(h), minute: Some(m2), ..Cal::default() }, end))
    }

    /// "du matin", "du soir", "de l'après-midi", "in the morning", "at night" after an hour: (pod, next index).
    fn pod_suffix(&self, i: usize) -> Option<(&'static str, usize)> {
        let j = if self.is(i, &["du"]) {
            i + 1
        } else if self.is(i, &["de"]) && self.is(i + 1, &["l"]) {
            i + 3
        } else if self.is(i, &["in"]) && self.is(i + 1, &["the"]) {
            i + 2
        } else if self.is(i, &["at"]) && self.is(i + 1, &["night"]) {
            i + 1
        } else {
            return None;
        };
        let e = self.lex(j, Kind::Pod)?;
        (e.value != "MI").then_some((e.value, j + e.len))
    }

    /// The time itself (no modifiers): (cal, next index).
    fn time_core(&self, i: usize) -> Option<(Cal, usize)> {
        let t = |h: u32, m: Option<u32>, s: Option<u32>| Cal { hour: Some(h), minute: Some(m.unwrap_or(0)), second: s, ..Cal::default() };
        if let Some(e) = self.lex(i, Kind::Time) {
            // "midi" and "minuit"; "à midi" as a meal time is still noon.
            return Some((t(e.int() as u32, None, None), i + e.len));
        }
        let h = self.num(i)?;
        // "1230pm", "930 am": hours and minutes run together before a half of the day
        if matches!(self.digits(i), 3 | 4) && (1..=12).contains(&(h / 100)) && h % 100 < 60 {
            if let Some((pm, b)) = self.meridiem(i + 1) {
                return Some((t(apply_meridiem(h / 100, pm)?, Some(h % 100), None), b));
            }
        }
        if self.digits(i) > 2 || h > 24 {
            return None;
        }
        // the tail of "13.12", "1,5", "12:99" starts nothing ("13.12 PM" is no time at all)
        if i > 1 && self.tight(i) && self.tight(i - 1) && matches!(self.toks[i - 1].raw, "," | "." | ":") && self.is_num_tok(i - 2) {
            return None;
        }
        // "%8a", "b7": digits glued to a word or a per-cent sign are codes, not times
        if i > 0 && self.tight(i) && (self.toks[i - 1].raw == "%" || (self.toks[i - 1].kind == TokenKind::Word && !self.is(i - 1, &["t"]))) {
            return None;
        }
        // 13h27, 13 h 27, 18 h, 13H ("1h ago" is an amount of time)
        if self.is(i + 1, &["h"]) && self.same_sent(i, i + 1) && self.lex(i + 2, Kind::AgoPost).is_none() && self.lex(i + 2, Kind::After).is_none() && self.lex(i + 2, Kind::Before).is_none() {
            let mut b = i + 2;
            let mut m = None;
            // "13h27" and "13 h 27" alike
            if self.digits(b) == 2 && self.same_sent(i, b) {
                let mm = self.num(b)?;
                if mm < 60 {
                    m = Some(mm);
                    b += 1;
                }
            }
            // "12h12:99s" is no time
            if self.is_running_time(i, b, m.is_some()) || (self.punct(b, ":") && self.tight(b)) {
                return None;
            }
            if let Some((pm, b2)) = self.meridiem(b) {
                return Some((t(apply_meridiem(h, pm)?, m, None), b2));
            }
            return Some((t(h % 24, m, None), b));
        }
        // 18 heures [30]
        if self.is(i + 1, &["heures", "heure"]) && self.lang == Lang::Fr {
            let before = i > 0 && self.is(i - 1, &["a", "vers", "des", "jusqu'a", "avant", "apres", "de", "et", "entre"]) && self.same_sent(i - 1, i);
            let mut b = i + 2;
            let mut m = None;
            if self.digits(b) == 2 && self.num(b).is_some_and(|v| v < 60) {
                m = self.num(b);
                b += 1;
            }
            if before || m.is_some() {
                return Some((t(h % 24, m, None), b));
            }
            return None;
        }
        // 1:27 [p.m.], 13:00
        if let Some((hh, mm, ss, b)) = self.clock(i) {
            if let Some((pm, b2)) = self.meridiem(b) {
                return Some((t(apply_meridiem(hh, pm)?, Some(mm), ss), b2));
            }
            return Some((t(hh % 24, Some(mm), ss), b));
        }
        // 6.13 AM
        if self.punct(i + 1, ".") && self.tight(i + 1) && self.tight(i + 2) && self.digits(i + 2) == 2 {
            if let Some((pm, b)) = self.meridiem(i + 3) {
                let mm = self.num(i + 2)?;
                if mm < 60 {
                    return Some((t(apply_meridiem(h, pm)?, Some(mm), None), b));
                }
                return None;
            }
            // "at 23.00", "at 12.30" (British)
            if self.lang == Lang::En && i > 0 && self.is(i - 1, &["at"]) && !self.is_unit_after(i + 3) && !self.is(i + 3, &["percent", "%"]) && !self.punct(i + 3, "%") {
                let mm = self.num(i + 2)?;
                if mm < 60 && h <= 24 {
                    return Some((t(h % 24, Some(mm), None), i + 3));
                }
            }
        }
        // "10 o'clock [p.m.]", "10 o clock"
        if let Some(b) = self.oclock(i + 1).filter(|_| (1..=12).contains(&h)) {
            if let Some((pm, b2)) = self.meridiem(b) {
                return Some((t(apply_meridiem(h, pm)?, None, None), b2));
            }
            return Some((t(h, None, None), b));
        }
        // 5pm, 5 p.m.
        if let Some((pm, b)) = self.meridiem(i + 1) {
            return Some((t(apply_meridiem(h, pm)?, None, None), b));
        }
        None
    }

    /// "o'clock", "o’clock", "o clock" at `i`: the index after it.
    fn oclock(&self, i: usize) -> Option<usize> {
        if self.lang != Lang::En || !self.is(i, &["o"]) || !self.same_sent(i.checked_sub(1)?, i) {
            return None;
        }
        if (self.punct(i + 1, "'") || self.punct(i + 1, "’")) && self.is(i + 2, &["clock"]) {
            return Some(i + 3);
        }
        self.is(i + 1, &["clock"]).then_some(i + 2)
    }

    /// "(1h28)", ", 1h45,": a running time, not a time of day.
    fn is_running_time(&self, i: usize, b: usize, has_minutes: bool) -> bool {
        if !has_minutes || i == 0 {
            return false;
        }
        let before = self.toks[i - 1].raw;
        let after = self.toks.get(b).map_or("", |t| t.raw);
        matches!(before, "(" | ",") && matches!(after, ")" | "," | ".") && self.num(i).is_some_and(|h| h < 5)
    }

    /// am / pm / a.m. / p.m.: (is_pm, next index).
    fn meridiem(&self, i: usize) -> Option<(bool, usize)> {
        let w = self.norm(i);
        if !self.same_sent(i.saturating_sub(1), i) {
            return None;
        }
        match w {
            "am" | "pm" => return Some((w == "pm", i + 1)),
            "a" | "p" if self.tight(i) && !self.punct(i + 1, ".") && !self.toks.get(i + 1).is_some_and(|t| t.kind == TokenKind::Word && !t.gap) => {
                return Some((w == "p", i + 1))
            }
            "a" | "p" if self.punct(i + 1, ".") && self.tight(i + 1) && self.is(i + 2, &["m"]) && self.tight(i + 2) => {
                let mut b = i + 3;
                if self.punct(b, ".") && self.tight(b) {
                    b += 1;
                }
                return Some((w == "p", b));
            }
            _ => {}
        }
        None
    }

    /// [le|ce|this|last|next] WEEKDAY [pod] [dernier|prochain]
    fn weekday(&self, i: usize) -> Option<Cand> {
        let mut j = i;
        let mut cal = Cal::default();
        if self.lex(i, Kind::This).is_some() && self.lang == Lang::Fr {
            cal.this = true;
            j += 1;
        } else if let Some((dir, this, k)) = self.en_prefix(i) {
            (cal.dir, cal.this, j) = (dir, this, k);
        } else if self.is(i, &["le"]) {
            j += 1;
        }
        // "over the weekend", "during the weekend", "this past weekend": the nearest one by tense
        if self.lang == Lang::En && self.is(i, &["the"]) && self.is(i + 1, &["weekend"]) && i > 0 && self.is(i - 1, &["over", "during", "at", "on", "until", "by"]) {
            let cal = Cal { weekday: Some(6), weekend: true, ..Cal::default() };
            return Some(Cand { a: i, b: i + 2, sem: Sem::Cal(cal), until: None });
        }
        if self.lang == Lang::En && self.is(i, &["this"]) && self.is(i + 1, &["past"]) && self.is(i + 2, &["weekend"]) {
            let cal = Cal { weekday: Some(6), weekend: true, dir: -1, ..Cal::default() };
            return Some(Cand { a: i, b: i + 3, sem: Sem::Cal(cal), until: None });
        }
        let e = self.lex(j, Kind::Weekday)?;
        if !self.weekday_ok(j) {
            return None;
        }
        cal.weekday = Some(e.int() as u32);
        let mut b = j + e.len;
        if self.punct(b, ".") && self.tight(b) && self.norm(j).len() <= 4 {
            b += 1;
        }
        if let Some((pod, e2)) = self.pod_after(b) {
            cal.pod = Some(pod);
            b = e2;
        }
        if let Some((d, e2)) = self.dir_after(b) {
            cal.dir = d;
            b = e2;
        } else if cal.dir == 0 && !cal.this {
            // "Tuesday, next week", "mardi de la semaine prochaine": that weekday in that week
            let mut k = if self.punct(b, ",") { b + 1 } else { b };
            if self.lang == Lang::Fr && self.is(k, &["de"]) {
                k += 1;
            }
            let k = if self.lang == Lang::Fr { self.skip_article(k) } else { k };
            let week = if self.lang == Lang::En {
                let n = if self.is(k, &["next"]) { Some(1) } else if self.is(k, &["last"]) { Some(-1) } else if self.is(k, &["this"]) { Some(0) } else { None };
                n.filter(|_| self.is(k + 1, &["week"])).map(|n| (n, k + 2))
            } else if self.is(k, &["semaine"]) && k > b {
                if self.is(k + 1, &["prochaine"]) { Some((1, k + 2)) } else if self.is(k + 1, &["derniere"]) { Some((-1, k + 2)) } else { None }
            } else {
                None
            };
            if let Some((n, e2)) = week.filter(|&(_, e2)| self.same_sent(j, e2 - 1)) {
                cal.week = Some(n);
                b = e2;
            }
        }
        // "le lundi" alone is habitual ("le lundi, il travaille"): keep only "le" + weekday with more after.
        let a = if j > i && self.is(i, &["le"]) && cal.dir == 0 && cal.pod.is_none() { j } else { i };
        Some(Cand { a, b, sem: Sem::Cal(cal), until: None })
    }

    /// Short weekday names ("Mar", "Sun", "Wed") only before a day number; "Sat" etc. must be capitalised.
    fn weekday_ok(&self, j: usize) -> bool {
        let w = self.norm(j);
        let full = matches!(w, "lundi" | "mardi" | "mercredi" | "jeudi" | "vendredi" | "samedi" | "dimanche")
            || (w.ends_with("day") && w.len() > 5)
            || matches!(w, "tues" | "thurs" | "weds");
        if full {
            return true;
        }
        // abbreviations: "Dim 15 Sept", "Sun, Mar 3"
        let mut k = j + 1;
        if self.punct(k, ".") || self.punct(k, ",") {
            k += 1;
        }
        if self.toks[j].cap && (self.day_num(k).is_some() || self.month_at(k).is_some()) {
            return true;
        }
        let dot = self.punct(j + 1, ".") && self.tight(j + 1);
        if self.lang == Lang::En {
            // "on Sat", "until Tues.", "next Wed": a capital after a date word ("Sat down", "the Sun" are not)
            let at_time = self.is(j + 1, &["at"]) && self.time_core(j + 2).is_some();
            return self.toks[j].cap && (at_time || j > 0 && self.same_sent(j - 1, j) && self.is(j - 1, &["on", "this", "next", "last", "until", "till", "by", "since", "from", "every", "before", "after"]));
        }
        // "sam. 4 mars" (lower case too), "sam. et dim.", "du lun. au ven.": a French abbreviation with its dot
        // before a day number or in a list of such ("le jeu." is a game)
        let list = |x: usize| matches!(self.norm(x), "et" | "au" | "ou" | "," | "-" | "a");
        dot && (self.day_num(j + 2).is_some()
            || (list(j + 2) && self.lex(j + 3, Kind::Weekday).is_some() && self.punct(j + 4, "."))
            || (j >= 3 && list(j - 1) && self.punct(j - 2, ".") && self.lex(j - 3, Kind::Weekday).is_some()))
    }

    /// [le|les|the] [WEEKDAY [,]] DAY [de|of] MONTH [,] [YEAR] [dernier|prochain]
    fn day_month(&self, i: usize) -> Option<Cand> {
        let mut j = self.skip_article(i);
        if self.lang == Lang::Fr && self.is(i, &["les"]) {
            j = i + 1;
        }
        let mut cal = Cal::default();
        if let Some(e) = self.lex(j, Kind::Weekday) {
            if self.weekday_ok(j) {
                cal.weekday = Some(e.int() as u32);
                j += e.len;
                if self.punct(j, ".") && self.tight(j) {
                    j += 1;
                }
                if self.punct(j, ",") {
                    j += 1;
                }
                if self.is(j, &["the"]) {
                    j += 1;
                }
            }
        }
        if let Some(e) = self.invalid_day_month_year(j) {
            return Some(Cand { a: i, b: e, sem: Sem::Null("invalid"), until: None });
        }
        let (d, mut k) = self.day_num(j)?;
        k = self.skip_of(k);
        let (m, mut b) = self.month_at(k)?;
        if !self.same_sent(j, k) {
            return None;
        }
        cal.day = Some(d);
        cal.month = Some(m);
        let mut yb = b;
        if self.punct(yb, ",") {
            yb += 1;
        }
        if let Some((y, e)) = self.era_year(yb) {
            cal.year = Some(y);
            b = e;
        } else if let Some((y, e)) = self.year_after_month(yb) {
            cal.year = Some(y);
            b = e;
        } else if let Some((dir, e)) = self.dir_after(b) {
            cal.dir = dir;
            b = e;
        }
        if d > super::days_in_month(cal.year.unwrap_or(2000), m) {
            // "30 février": no date at all (not "février")
            return Some(Cand { a: i, b, sem: Sem::Null("invalid"), until: None });
        }
        if let Some((pod, e)) = self.pod_after(if self.is(b, &["au"]) && self.lang == Lang::Fr { b + 1 } else { b }) {
            // "le 3 mars au matin"
            cal.pod = Some(pod);
            b = e;
        }
        let a = if cal.weekday.is_none() && j > i && self.is(i, &["the"]) { j } else { i };
        Some(Cand { a, b, sem: Sem::Cal(cal), until: None })
    }

    /// Dates that join a month name with `-` or `/`, or put the year first: "2024 August", "2024-August",
    /// "2012/Aug/10", "2018 March 18", "August-10, 2012", "August/10/2012", "8/Oct/2012", "21-APR-16",
    /// "Sep-2012". Log files, forms and datelines write them so.
    fn sep_month_date(&self, i: usize) -> Option<Cand> {
        // a separator glued to both its neighbours
        let sep_at = |j: usize| -> Option<&str> {
            let t = self.toks.get(j)?;
            (matches!(t.raw, "-" | "/") && self.tight(j) && self.tight(j + 1)).then_some(t.raw)
        };
        let done = |a: usize, b: usize, y: Option<i32>, m: u32, d: Option<u32>| -> Cand {
            if let Some(d) = d {
                if d > super::days_in_month(y.unwrap_or(2000), m) {
                    return Cand { a, b, sem: Sem::Null("invalid"), until: None };
                }
            }
            Cand { a, b, sem: Sem::Cal(Cal { year: y, month: Some(m), day: d, ..Cal::default() }), until: None }
        };
        // YEAR [sep | AD] MONTH [sep DAY | DAY]
        if self.digits(i) == 4 {
            let (y, j) = self.year_at(i)?;
            let sep = sep_at(j);
            let k = if sep.is_some() || (self.is(j, &["ad"]) && self.toks[j].cap) { j + 1 } else { j };
            let (m, e) = self.month_at(k)?;
            // "in 2018 March saw…" needs a capital month; "2012/aug/10" is glued
            if !self.same_sent(i, k) || (sep.is_none() && !self.toks[k].cap) {
                return None;
            }
            let day = match sep {
                Some(s) => (sep_at(e) == Some(s)).then(|| self.day_num(e + 1)).flatten().filter(|&(_, b)| b == e + 2),
                None => self.day_num(e).filter(|&(_, b)| self.same_sent(e, b - 1) && !self.punct(b, ":") && !self.is_unit_after(b)),
            };
            return Some(match day {
                Some((d, b)) => done(i, b, Some(y), m, Some(d)),
                None => done(i, e, Some(y), m, None),
            });
        }
        // DAY sep MON sep YEAR: "8/Oct/2012", "21-APR-16"
        if self.is_num_tok(i) {
            let s = sep_at(i + 1)?;
            let (d, _) = self.day_num(i).filter(|&(_, b)| b == i + 1)?;
            let (m, e) = self.month_at(i + 2)?;
            if sep_at(e) != Some(s) {
                return None;
            }
            let y = match self.digits(e + 1) {
                4 => self.year_at(e + 1)?.0,
                2 => expand_two_digits(self.num(e + 1)?),
                _ => return None,
            };
            return Some(done(i, e + 2, Some(y), m, Some(d)));
        }
        // MONTH sep YEAR, MONTH sep DAY [, | sep] YEAR: "Sep-2012", "August-10, 2012", "August/10/2012"
        let (m, j) = self.month_at(i)?;
        let s = sep_at(j)?;
        if self.digits(j + 1) == 4 {
            let (y, b) = self.year_at(j + 1)?;
            return Some(done(i, b, Some(y), m, None));
        }
        let (d, e) = self.day_num(j + 1).filter(|&(_, b)| b == j + 2)?;
        let yb = if sep_at(e) == Some(s) || self.punct(e, ",") { e + 1 } else { return None };
        // four digits straight (year_at declines "10-2012", which elsewhere is a score or a range)
        let y = self.num(yb).filter(|y| self.digits(yb) == 4 && (1000..=2199).contains(y))?;
        Some(done(i, yb + 1, Some(y as i32), m, Some(d)))
    }

    /// "32 août 2014": a day number no month has, before a month and a year: the index after the year.
    fn invalid_day_month_year(&self, j: usize) -> Option<usize> {
        if self.digits(j) != 2 || !self.num(j).is_some_and(|d| d > 31) {
            return None;
        }
        let (_, e) = self.month_at(self.skip_of(j + 1))?;
        let yb = if self.punct(e, ",") { e + 1 } else { e };
        self.year_at(yb).filter(|_| self.digits(yb) == 4).map(|(_, b)| b)
    }

    /// English [WEEKDAY [,]] MONTH DAY[th] [,] [YEAR]
    fn month_day_en(&self, i: usize) -> Option<Cand> {
        if self.lang != Lang::En {
            return None;
        }
        let mut j = i;
        let mut cal = Cal::default();
        if let Some(e) = self.lex(j, Kind::Weekday) {
            if self.weekday_ok(j) {
                cal.weekday = Some(e.int() as u32);
                j += e.len;
                if self.punct(j, ".") || self.punct(j, ",") {
                    j += 1;
                }
            }
        }
        let (m, mut k) = self.month_at(j)?;
        if !self.toks[j].cap && (self.norm(j).len() <= 4 || matches!(self.norm(j), "march" | "august")) {
            return None;
        }
        if self.punct(k, ",") && self.day_num(k + 1).is_some() {
            k += 1;
        }
        // "August 32, 2014": no date (and not "August" or "2014" either)
        if self.digits(k) == 2 && self.num(k).is_some_and(|d| d > 31) && self.punct(k + 1, ",") {
            if let Some((_, e)) = self.year_at(k + 2) {
                return Some(Cand { a: i, b: e, sem: Sem::Null("invalid"), until: None });
            }
        }
        let (d, mut b) = self.day_num(k)?;
        if self.punct(b, ":") || self.is(b, &["am", "pm"]) || !self.same_sent(j, k) {
            return None;
        }
        cal.month = Some(m);
        cal.day = Some(d);
        // "August 10 - 22, 2012", "August 10 to 22"
        let mut until = None;
        if self.is(b, &["-", "–", "to", "through"]) {
            if let Some((d2, e)) = self.day_num(b + 1) {
                if d2 > d && self.month_at(e).is_none() {
                    until = Some(Cal { day: Some(d2), ..cal.clone() });
                    b = e;
                }
            }
        }
        let mut yb = b;
        if self.punct(yb, ",") {
            yb += 1;
        }
        if let Some((y, e)) = self.year_at(yb) {
            cal.year = Some(y);
            if let Some(u) = until.as_mut() {
                u.year = Some(y);
                if u.day.unwrap_or(1) > super::days_in_month(y, m) {
                    return Some(Cand { a: i, b: e, sem: Sem::Null("invalid"), until: None });
                }
            }
            b = e;
            if let Some(u) = until {
                return Some(Cand { a: i, b, sem: Sem::Cal(cal), until: Some(Sem::Cal(u)) });
            }
        } else if until.is_some() {
            return Some(Cand { a: i, b, sem: Sem::Cal(cal), until: until.map(Sem::Cal) });
        } else if yb > b && self.digits(yb) == 2 && !self.punct(yb + 1, ":") {
            // "Aug 9, 96"
            cal.year = Some(expand_two_digits(self.num(yb)?));
            b = yb + 1;
        } else if yb == b && self.digits(b) == 2 && self.same_sent(b - 1, b) && self.is_clause_end(b + 1) && !self.punct(b + 1, ":") && !(self.punct(b + 1, ".") && self.tight(b + 2) && self.is_num_tok(b + 2)) {
            // "Aug 9 96" ending its clause (not "Aug 9 96 people")
            cal.year = Some(expand_two_digits(self.num(b)?));
            b += 1;
        } else if let Some((h, mi, sec, e)) = self.clock(b).filter(|_| cal.weekday.is_some()) {
            // the Unix `date` layout: "Thu Oct 26 11:00:09 [EDT] 2023"
            let (tz, e) = match self.tz_at(e, false) {
                Some((off, dst, e2)) => (Some((off, dst)), e2),
                None => (None, e),
            };
            if let Some((y, e)) = self.year_at(e).filter(|_| self.digits(e) == 4) {
                cal.year = Some(y);
                cal.hour = Some(h);
                cal.minute = Some(mi);
                cal.second = sec;
                cal.tz = tz.map(|t| t.0);
                cal.dst = tz.and_then(|t| t.1);
                b = e;
            }
        }
        if d > super::days_in_month(cal.year.unwrap_or(2000), m) {
            // "30 février": no date at all (not "février")
            return Some(Cand { a: i, b, sem: Sem::Null("invalid"), until: None });
        }
        if let Some((pod, e)) = self.pod_after(b) {
            // "Jan 1, 2020 Morning"
            cal.pod = Some(pod);
            b = e;
        }
        Some(Cand { a: i, b, sem: Sem::Cal(cal), until: None })
    }

    /// "les 6 et 13 avril", "du 13 au 15 juillet", "10 - 22 août": the first day borrows the month of the
    /// second; with "au" / "-" / "to" it carries the range.
    fn day_list(&self, i: usize) -> Option<Cand> {
        let j = if self.is(i, &["les", "le"]) { i + 1 } else { i };
        let (d, k) = self.day_num(j)?;
        let range = self.is(k, &["au", "a", "to", "-", "–", "through"]);
        if !(range || self.is(k, &["et", "ou", "and", "or", ","])) {
            return None;
        }
        let second = self.day_month(k + 1).or_else(|| self.month_day_en(k + 1))?;
        let Sem::Cal(c2) = &second.sem else { return None };
        let cal = Cal { day: Some(d), weekday: None, ..c2.clone() };
        if cal.day > c2.day && c2.month.is_some() && cal.month == c2.month {
            return None;
        }
        let until = range.then(|| second.sem.clone());
        // "10 au 22 août", "10 to 22 August" make one expression; after "du" (or "from") the two ends stay two
        // mentions, as French TimeML annotates "du 13 au 15 juillet", the first carrying the range.
        let b = if range && !(i > 0 && self.is(i - 1, &["du", "from"])) { second.b } else { k };
        Some(Cand { a: i, b, sem: Sem::Cal(cal), until })
    }

    /// hier, demain, aujourd'hui, yesterday [+ part of day]; la veille, le lendemain, the day before.
    fn deictic(&self, i: usize) -> Option<Cand> {
        if let Some(e) = self.lex(i, Kind::Anchored).filter(|e| self.lex(i, Kind::Deictic).is_none_or_shorter(e.len)) {
            return Some(Cand { a: i, b: i + e.len, sem: Sem::Shift { unit: Unit::Day, n: e.int(), anchored: true, pod: None, part: None, fine: false }, until: None });
        }
        // "le matin même": the morning of the day just mentioned
        if self.is(i, &["le", "la", "l"]) {
            let j = self.skip_article(i);
            if let Some((pod, k)) = self.pod_after(j) {
                if self.is(k, &["meme"]) {
                    return Some(Cand { a: i, b: k + 1, sem: Sem::Shift { unit: Unit::Day, n: 0, anchored: true, pod: Some(pod), part: None, fine: false }, until: None });
                }
            }
        }
        let e = self.lex(i, Kind::Deictic)?;
        let mut b = i + e.len;
        let mut pod = None;
        if let Some((p, e2)) = self.pod_after(b) {
            pod = Some(p);
            b = e2;
        }
        let sem = if e.int() == 0 && self.lang == Lang::Fr { Sem::Today { pod } } else { Sem::Shift { unit: Unit::Day, n: e.int(), anchored: false, pod, part: None, fine: false } };
        Some(Cand { a: i, b, sem, until: None })
    }

    /// ce matin, cet après-midi, ce soir, this morning, tonight
    fn this_pod(&self, i: usize) -> Option<Cand> {
        if self.lang == Lang::En && self.is(i, &["last"]) && self.is(i + 1, &["night"]) {
            return Some(Cand { a: i, b: i + 2, sem: Sem::Shift { unit: Unit::Day, n: -1, anchored: false, pod: Some("NI"), part: None, fine: false }, until: None });
        }
        if self.is(i, &["tonight"]) {
            return Some(Cand { a: i, b: i + 1, sem: Sem::Shift { unit: Unit::Day, n: 0, anchored: false, pod: Some("NI"), part: None, fine: false }, until: None });
        }
        // "la nuit dernière", "la nuit passée": last night
        if self.lang == Lang::Fr && self.is(i, &["la"]) && self.is(i + 1, &["nuit"]) && self.is(i + 2, &["derniere", "passee"]) {
            return Some(Cand { a: i, b: i + 3, sem: Sem::Shift { unit: Unit::Day, n: -1, anchored: false, pod: Some("NI"), part: None, fine: false }, until: None });
        }
        self.lex(i, Kind::This)?;
        let (pod, b) = self.pod_after(i + 1)?;
        Some(Cand { a: i, b, sem: Sem::Shift { unit: Unit::Day, n: 0, anchored: false, pod: Some(pod), part: None, fine: false }, until: None })
    }

    /// [la|le] début/fin/mi/milieu [de|du|des] PERIOD; early/late/mid PERIOD; the end of PERIOD.
    fn part_of(&self, i: usize) -> Option<Cand> {
        // "mi-mars", "mid-March": one token
        if let Some(rest) = self.toks.get(i).and_then(|t| t.norm.strip_prefix("mi-").or_else(|| t.norm.strip_prefix("mid-"))) {
            if rest == "journee" {
                // "à la mi-journée": midday of the day in question
                return Some(Cand { a: i, b: i + 1, sem: Sem::Shift { unit: Unit::Day, n: 0, anchored: true, pod: Some("MI"), part: None, fine: false }, until: None });
            }
            let m = self.lex.get(rest).iter().find(|e| e.kind == Kind::Month)?.int() as u32;
            let mut cal = Cal { month: Some(m), part: Some(2), ..Cal::default() };
            let mut b = i + 1;
            if let Some((y, e)) = self.year_after_month(b) {
                cal.year = Some(y);
                b = e;
            }
            return Some(Cand { a: i, b, sem: Sem::Cal(cal), until: None });
        }
        let j = if self.is(i, &["la", "le", "the"]) { i + 1 } else { i };
        let e = self.lex(j, Kind::Part)?;
        let part = e.int() as u8;
        let mut k = j + e.len;
        if self.punct(k, "-") && self.tight(k) {
            k += 1;
        }
        let k2 = self.skip_of(k);
        // the period
        if let Some(c) = self.decade(k2).filter(|_| self.is(k, &["des", "of"])) {
            if let Sem::Decade { decade, .. } = c.sem {
                return Some(Cand { a: i, b: c.b, sem: Sem::Decade { decade, part: Some(part) }, until: None });
            }
        }
        // l'année, l'an, cette année, the year, this year, l'année dernière
        let mut p = k2;
        let mut this = false;
        if let Some(x) = self.elided(p, &["l"]) {
            p = x;
        } else if self.lex(p, Kind::This).is_some() || self.is(p, &["la", "le", "the"]) {
            this = self.lex(p, Kind::This).is_some();
            p += 1;
        }
        if self.lang == Lang::En && p == k2 {
            if let Some(x) = self.lex(p, Kind::Last).or_else(|| self.lex(p, Kind::Next)) {
                if let Some(u) = self.lex(p + x.len, Kind::Unit) {
                    let unit = Unit::parse(u.value)?;
                    let n = if x.kind == Kind::Last { -1 } else { 1 };
                    return Some(Cand { a: i, b: p + x.len + u.len, sem: Sem::Shift { unit, n, anchored: false, pod: None, part: Some(part), fine: false }, until: None });
                }
            }
        }
        // "une fête de fin d'année", "le bilan de fin de matinée": a kind of thing, not a date
        let generic = i > 0 && self.is(i - 1, &["de", "d", "du", "des"]) && self.same_sent(i - 1, i);
        // "en fin de matinée", "en début d'après-midi", "en fin de journée": a part of the day in question
        if self.lang == Lang::Fr && k2 > k && !generic {
            let pod = match self.norm(p) {
                "journee" => Some(match part {
                    1 => "MO",
                    2 => "MI",
                    _ => "EV",
                }),
                _ => self.lex(p, Kind::Pod).filter(|e| e.value != "MI").map(|e| e.value),
            };
            if let Some(pod) = pod.filter(|_| !self.is(p + 1, &["de", "du", "d"])) {
                let len = self.lex(p, Kind::Pod).map_or(1, |e| e.len);
                return Some(Cand { a: i, b: p + len, sem: Sem::Shift { unit: Unit::Day, n: 0, anchored: true, pod: Some(pod), part: None, fine: false }, until: None });
            }
        }
        // "en fin d'année", "en début de semaine prochaine", "fin de mois": French leaves the article out
        if p > k2 || this || (self.lang == Lang::Fr && k2 > k && !generic && !self.is(p + 1, &["de", "du", "d"])) {
            if let Some(u) = self.lex(p, Kind::Unit) {
                let unit = Unit::parse(u.value)?;
                if matches!(unit, Unit::Year | Unit::Month | Unit::Week) && !self.norm(p).ends_with('s') || self.is(p, &["mois"]) {
                    let mut b = p + u.len;
                    let mut n = 0;
                    if let Some((d, e2)) = self.dir_after(b) {
                        n = i64::from(d);
                        b = e2;
                    }
                    return Some(Cand { a: i, b, sem: Sem::Shift { unit, n, anchored: false, pod: None, part: Some(part), fine: false }, until: None });
                }
            }
            if self.lang == Lang::En {
                if let Some(x) = self.lex(p, Kind::Last).or_else(|| self.lex(p, Kind::Next)) {
                    if let Some(u) = self.lex(p + x.len, Kind::Unit) {
                        let unit = Unit::parse(u.value)?;
                        let n = if x.kind == Kind::Last { -1 } else { 1 };
                        return Some(Cand { a: i, b: p + x.len + u.len, sem: Sem::Shift { unit, n, anchored: false, pod: None, part: Some(part), fine: false }, until: None });
                    }
                }
            }
        }
        if self.lang == Lang::En && k2 == k && !self.is(j, &["early", "late", "mid"]) {
            // "end" needs "of"
            return None;
        }
        // MONTH [YEAR]
        if let Some((m, b)) = self.month_at(k2) {
            let mut cal = Cal { month: Some(m), part: Some(part), ..Cal::default() };
            let mut b = b;
            if let Some((y, e2)) = self.year_after_month(b) {
                cal.year = Some(y);
                b = e2;
            } else if let Some((d, e2)) = self.dir_after(b) {
                cal.dir = d;
                b = e2;
            }
            return Some(Cand { a: i, b, sem: Sem::Cal(cal), until: None });
        }
        // YEAR
        if let Some((y, b)) = self.year_at(k2) {
            if self.is(j, &["courant"]) && k2 == k {
                return None;
            }
            let cal = Cal { year: Some(y), part: Some(part), ..Cal::default() };
            return Some(Cand { a: i, b, sem: Sem::Cal(cal), until: None });
        }
        None
    }

    /// les années 1990, années 60, the 1990s, the '90s; "années 1880-1990" is a range without value.
    fn decade(&self, i: usize) -> Option<Cand> {
        if self.lang == Lang::Fr {
            let j = if self.is(i, &["les", "des"]) { i + 1 } else { i };
            if !self.is(j, &["annees"]) {
                return None;
            }
            let y = self.num(j + 1)?;
            let d = match self.digits(j + 1) {
                4 if y % 10 == 0 => y as i32 / 10,
                2 if y % 10 == 0 => 190 + y as i32 / 10,
                _ => return None,
            };
            let a = if self.is(i, &["des"]) { j } else { i };
            if self.punct(j + 2, "-") && self.is_num_tok(j + 3) {
                return Some(Cand { a, b: j + 4, sem: Sem::Null("range"), until: None });
            }
            return Some(Cand { a, b: j + 2, sem: Sem::Decade { decade: d, part: None }, until: None });
        }
        let j = if self.is(i, &["the"]) { i + 1 } else { i };
        let (k, two) = if self.punct(j, "'") || self.punct(j, "’") { (j + 1, true) } else { (j, false) };
        let y = self.num(k)?;
        if !self.is(k + 1, &["s"]) || !self.tight(k + 1) {
            return None;
        }
        let d = match (self.digits(k), two) {
            (4, false) if y % 10 == 0 => y as i32 / 10,
            (2, _) if y % 10 == 0 => 190 + y as i32 / 10,
            _ => return None,
        };
        Some(Cand { a: i, b: k + 2, sem: Sem::Decade { decade: d, part: None }, until: None })
    }

    /// la semaine dernière, le mois prochain, l'an dernier, cette année, ce week-end, last week, next year,
    /// l'année précédente; ces derniers jours, les trois dernières années (durations).
    fn relative_unit(&self, i: usize) -> Option<Cand> {
        if self.lang == Lang::En {
            return self.relative_unit_en(i);
        }
        // ce/cette/cet UNIT [-ci]; cette même année
        if self.lex(i, Kind::This).is_some() {
            let mut j = i + 1;
            let same = self.is(j, &["meme"]);
            if same {
                j += 1;
            }
            // ces derniers jours / ces dernières années
            if self.is(i, &["ces"]) {
                return None;
            }
            let u = self.lex(j, Kind::Unit)?;
            let unit = Unit::parse(u.value)?;
            if matches!(unit, Unit::Hour | Unit::Minute | Unit::Second) || self.norm(j).ends_with('s') && unit != Unit::Month {
                return None;
            }
            let mut b = j + u.len;
            if self.punct(b, "-") && self.is(b + 1, &["ci"]) {
                b += 2;
            }
            return Some(Cand { a: i, b, sem: Sem::Shift { unit, n: 0, anchored: same, pod: None, part: None, fine: false }, until: None });
        }
        if self.is(i, &["toute", "tout"]) {
            let j = self.skip_article(i + 1);
            let u = self.lex(j, Kind::Unit)?;
            let unit = Unit::parse(u.value)?;
            if j == i + 1 || self.year_at(j + u.len).is_some() || self.is(j + u.len, &["de", "d"]) {
                return None;
            }
            return Some(Cand { a: i, b: j + u.len, sem: Sem::Duration { n: Some(1.0), unit }, until: None });
        }
        if self.is(i, &["ces", "les"]) {
            // ces derniers jours (PXD), les trois dernières années (P3Y), ces deux années (P2Y)
            let mut j = i + 1;
            let mut n = None;
            if let Some((v, e)) = self.amount_at(j) {
                n = v;
                j = e;
            }
            let mut last = false;
            // "ces derniers jours", "les trois prochaines semaines"
            if self.lex(j, Kind::Last).is_some() || self.is(j, &["prochains", "prochaines"]) {
                last = true;
                j += 1;
            }
            if n.is_none() {
                if let Some((v, e)) = self.amount_at(j) {
                    n = v;
                    j = e;
                }
            }
            let u = self.lex(j, Kind::Unit)?;
            let unit = Unit::parse(u.value)?;
            if !self.norm(j).ends_with('s') && !matches!(self.norm(j), "mois") {
                return None;
            }
            if !last && (n.is_none() || self.is(i, &["les"])) {
                return None;
            }
            return Some(Cand { a: i, b: j + u.len, sem: Sem::Duration { n, unit }, until: None });
        }
        // "la nouvelle année": the current one
        if self.is(i, &["la"]) && self.is(i + 1, &["nouvelle"]) && self.is(i + 2, &["annee"]) {
            return Some(Cand { a: i, b: i + 3, sem: Sem::Shift { unit: Unit::Year, n: 0, anchored: false, pod: None, part: None, fine: false }, until: None });
        }
        // la semaine dernière, l'an dernier, le mois prochain, la saison dernière
        let j = self.skip_article(i);
        if j == i {
            return None;
        }
        let u = self.lex(j, Kind::Unit)?;
        let unit = Unit::parse(u.value)?;
        if matches!(unit, Unit::Hour | Unit::Minute | Unit::Second) {
            return None;
        }
        let b = j + u.len;
        if let Some((d, e)) = self.dir_after(b) {
            return Some(Cand { a: i, b: e, sem: Sem::Shift { unit, n: i64::from(d), anchored: false, pod: None, part: None, fine: false }, until: None });
        }
        if self.is(b, &["precedent", "precedente"]) {
            return Some(Cand { a: i, b: b + 1, sem: Sem::Shift { unit, n: -1, anchored: true, pod: None, part: None, fine: false }, until: None });
        }
        if self.is(b, &["suivant", "suivante"]) {
            return Some(Cand { a: i, b: b + 1, sem: Sem::Shift { unit, n: 1, anchored: true, pod: None, part: None, fine: false }, until: None });
        }
        None
    }

    fn relative_unit_en(&self, i: usize) -> Option<Cand> {
        let j = if self.is(i, &["the"]) { i + 1 } else { i };
        let (n, anchored) = if let Some(e) = self.lex(j, Kind::Last) {
            let _ = e;
            (-1, self.is(j, &["previous"]))
        } else if self.lex(j, Kind::Next).is_some() {
            (1, self.is(j, &["following"]))
        } else if self.lex(j, Kind::This).is_some() && j == i {
            (0, false)
        } else {
            return None;
        };
        // "the strike could last three weeks", "it won't last two days": the verb, whose duration is the amount
        // alone (found from the next token)
        if j == i && self.is(i, &["last"]) && i > 0 && self.same_sent(i - 1, i) && (self.is(i - 1, VERB_LAST_BEFORE) || (self.norm(i - 1).ends_with("ly") && self.norm(i - 1).len() > 3)) {
            return None;
        }
        // the past three years, the last few days: durations
        if let Some((amount, k)) = self.amount_at(j + 1) {
            let u = self.lex(k, Kind::Unit)?;
            return Some(Cand { a: i, b: k + u.len, sem: Sem::Duration { n: amount, unit: Unit::parse(u.value)? }, until: None });
        }
        let u = self.lex(j + 1, Kind::Unit)?;
        let unit = Unit::parse(u.value)?;
        if self.norm(j + 1).ends_with('s') {
            return None;
        }
        // "next hour", "this hour" (not "the last minute": a figure of speech)
        if matches!(unit, Unit::Minute | Unit::Second) || unit == Unit::Hour && j > i {
            return None;
        }
        if self.is(j, &["past"]) && j > i {
            // "the past week": a duration
            return Some(Cand { a: i, b: j + 1 + u.len, sem: Sem::Duration { n: Some(1.0), unit }, until: None });
        }
        Some(Cand { a: i, b: j + 1 + u.len, sem: Sem::Shift { unit, n, anchored, pod: None, part: None, fine: false }, until: None })
    }

    /// Amounts of time: durations ("trois mois", "depuis deux ans", "au moins un an"), offsets ("il y a trois
    /// ans", "dans deux semaines", "3 days ago", "in 2 weeks", "deux jours plus tard", "un an auparavant").
    fn amount(&self, i: usize) -> Option<Cand> {
        let mut j = i;
        let mut mode = 0i8; // 0 duration, -1 ago, +1 in
        if let Some(e) = self.lex(i, Kind::AgoPre) {
            mode = -1;
            j += e.len;
        } else if let Some(e) = self.lex(i, Kind::In) {
            if self.is(i, &["in", "dans", "within"]) && !self.is(i + e.len, &["les", "the", "la", "le", "l", "ces", "des"]) {
                // "within two weeks": by that date, like "in two weeks"
                mode = 1;
                j += e.len;
            } else if self.is(i, &["d"]) {
                // d'ici deux ans
                mode = 1;
                j += e.len;
            }
        } else if self.is(i, &["depuis", "pendant", "durant", "for"]) {
            j += 1;
        } else if (self.punct(i, "+") || self.punct(i, "-")) && self.is_num_tok(i + 1) && (self.tight(i + 1) && (i == 0 || self.toks[i].gap) || i > 0 && self.is(i - 1, &["now"])) {
            // "+15 minutes", "-3y", "+2 months, 5 days": a signed offset from the reference (not "3-1", "10-15
            // days", whose sign touches the number before it)
            mode = if self.punct(i, "+") { 1 } else { -1 };
            j += 1;
        }
        let prefix_end = j;
        // au moins, environ, plus de, "about ~5 hours"
        loop {
            if let Some(e) = self.lex(j, Kind::Approx).filter(|_| !self.is(j, &["vers"])) {
                j += e.len;
            } else if self.punct(j, "~") && self.tight(j + 1) {
                j += 1;
            } else {
                break;
            }
        }
        let (mut n, mut k) = self.amount_at(j)?;
        // "two and a half hours"
        if self.lang == Lang::En && self.is(k, &["and"]) && self.is(k + 1, &["a"]) && self.is(k + 2, &["half"]) && self.same_sent(k, k + 2) {
            n = n.map(|v| v + 0.5);
            k += 3;
        }
        let k = if self.is(k, &["de", "d"]) && self.lang == Lang::Fr && self.lex(j, Kind::NumX).is_none() { return None } else { k };
        // "1d", "3mo", "25m": letter units glued to their number count only in offsets (checked below)
        let (unit, ulen, short) = match self.lex(k, Kind::Unit) {
            Some(u) => (Unit::parse(u.value)?, u.len, false),
            None => (self.short_unit(k).filter(|_| self.tight(k))?, 1, true),
        };
        // French "13 h", "13 h 27 min" are times; English "3 min ago" is an amount, and so are "il y a 3 h",
        // "dans 5 min", "pendant 20 min" (not "d'ici 17 h", "depuis 13 h": times)
        let amount_cue = (mode != 0 && !self.is(i, &["d"])) || self.is(i, &["pendant", "durant"]);
        if !short && self.is(k, &["h", "min"]) && !(self.is(k, &["min"]) && (self.tight(k) || self.lang == Lang::En)) && !amount_cue {
            return None;
        }
        if !self.same_sent(j, k) || self.is_age(j, k, unit) {
            return None;
        }
        // "8x5min", "24 heures sur 24", "croire une seconde", "un jour après que" (anchored on an event)
        if (j > 0 && self.tight(j) && self.is(j - 1, &["x"])) || self.is(k + ulen, &["sur"]) && self.is_num_tok(k + ulen + 1) {
            return None;
        }
        if unit == Unit::Second && self.is(j, &["une", "un", "a", "one"]) {
            return None;
        }
        if self.is(k + ulen, &["apres", "avant", "after", "before"]) && self.is(k + ulen + 1, &["que", "qu", "that"]) {
            return None;
        }
        // "0-6 ans", "6-16 ans": age brackets
        if j >= 2 && self.punct(j - 1, "-") && self.is_num_tok(j - 2) && unit == Unit::Year {
            return None;
        }
        let mut b = k + ulen;
        // "deux heures et demie", "an hour and a half", "il y a 2 h 30"
        if self.lang == Lang::Fr && self.is(b, &["et"]) && self.is(b + 1, &["demie", "demi"]) && self.same_sent(b, b + 1) {
            n = n.map(|v| v + 0.5);
            b += 2;
        } else if self.lang == Lang::En && self.is(b, &["and"]) && self.is(b + 1, &["a"]) && self.is(b + 2, &["half"]) && self.same_sent(b, b + 2) {
            n = n.map(|v| v + 0.5);
            b += 3;
        } else if unit == Unit::Hour && self.is(k, &["h"]) && self.digits(b) == 2 && self.same_sent(k, b) && !self.is_unit_after(b + 1) {
            if let (Some(v), Some(mm)) = (n, self.num(b).filter(|&mm| mm < 60)) {
                n = Some(v + f64::from(mm) / 60.0);
                b += 1;
            }
        }
        // keep "pendant"/"durant"/"for" out of the span, "depuis" in (the unseen set keeps depuis + a duration)
        let a = if self.is(i, &["pendant", "durant", "for"]) { prefix_end } else { i };
        let (n, unit) = if mode != 0 { whole_units(n, unit) } else { (n, unit) };
        // "1 day 21 hours ago", "in 1d, 2hr, and 5min": one offset in the finest unit
        let offset_at = |e: usize| mode != 0 || self.lex(e, Kind::AgoPost).is_some() || self.lex(e, Kind::After).is_some() || self.lex(e, Kind::Before).is_some();
        let mut compound = false;
        let (n, unit, mut b) = match n.and_then(|v| self.compound_tail(b, unit, v)) {
            Some((v, u, e)) if offset_at(e) => {
                compound = true;
                (Some(v), u, e)
            }
            // "The film runs 2 hours 10 minutes": one length
            Some((v, u, e)) if !short => return Some(Cand { a, b: e, sem: compound_length(v, u), until: None }),
            // "5m ago" alone: minutes, months, millions or metres
            _ if short && (!offset_at(b) || self.is(k, &["m", "s"])) => return None,
            _ => (n, unit, b),
        };
        // "+2 months, 5 days", "3 months and 10 days ago": months, then days
        if let (Some(v), Unit::Month | Unit::Year) = (n, unit) {
            if let Some((days, e)) = self.day_tail(b).filter(|_| v.fract() == 0.0) {
                let sign = if mode != 0 { Some((i64::from(mode), e)) } else { self.lex(e, Kind::AgoPost).map(|x| (x.int(), e + x.len)) };
                if let Some((sign, end)) = sign {
                    let months = v as i64 * if unit == Unit::Year { 12 } else { 1 };
                    let cal = Cal { rel_days: Some(sign * days), shift_months: sign * months, ..Cal::default() };
                    return Some(Cand { a, b: end, sem: Sem::Cal(cal), until: None });
                }
            }
        }
        if mode != 0 {
            let n = n.unwrap_or(0.0) as i64;
            if n == 0 {
                return Some(Cand { a, b, sem: Sem::Vague(if mode < 0 { "PAST_REF" } else { "FUTURE_REF" }), until: None });
            }
            return Some(Cand { a, b, sem: Sem::Shift { unit, n: n * i64::from(mode), anchored: false, pod: None, part: None, fine: true }, until: None });
        }
        // "15 minutes out.": that long from now
        let out_entry = (self.lang == Lang::En && self.is(b, &["out"]) && self.is_clause_end(b + 1)).then_some(Entry { kind: Kind::AgoPost, value: "1", len: 1 });
        if let Some(e) = out_entry.or_else(|| self.lex(b, Kind::AgoPost)) {
            // "half an hour ago": in minutes
            let (n, unit) = whole_units(n, unit);
            let n = n.unwrap_or(0.0) as i64;
            if n == 0 {
                return Some(Cand { a, b: b + e.len, sem: Sem::Vague(if e.int() < 0 { "PAST_REF" } else { "FUTURE_REF" }), until: None });
            }
            return Some(Cand { a, b: b + e.len, sem: Sem::Shift { unit, n: n * e.int(), anchored: false, pod: None, part: None, fine: true }, until: None });
        }
        // "2 weeks from Friday", "a week from tomorrow": counted from the day named, like "after"
        let from = (self.lang == Lang::En && self.is(b, &["from"]) && (self.lex(b + 1, Kind::Deictic).is_some() || self.lex(b + 1, Kind::Weekday).is_some()))
            .then_some((1i64, Entry { kind: Kind::After, value: "1", len: 1 }));
        let after = from.or_else(|| self.lex(b, Kind::After).map(|e| (1i64, e))).or_else(|| self.lex(b, Kind::Before).map(|e| (-1i64, e)));
        if let Some((sign, e)) = after {
            // "2 days before yesterday", "a week after tomorrow": counted from the day named
            let per_unit = match unit {
                Unit::Day => Some(1),
                Unit::Week => Some(7),
                Unit::Fortnight => Some(14),
                _ => None,
            };
            if let (Some(days), Some(d), Some(v)) = (per_unit, self.lex(b + e.len, Kind::Deictic), n) {
                if a == i && i == j && v >= 1.0 && v.fract() == 0.0 && e.len == 1 {
                    let shift = d.int() + sign * days * v as i64;
                    return Some(Cand { a, b: b + e.len + d.len, sem: Sem::Shift { unit: Unit::Day, n: shift, anchored: false, pod: None, part: None, fine: false }, until: None });
                }
            }
            // "2 days after next Friday", "a week before Monday"
            if let (Some(days), Some(v)) = (per_unit, n) {
                if a == i && i == j && v >= 1.0 && v.fract() == 0.0 && e.len == 1 {
                    if let Some(Cand { b: wb, sem: Sem::Cal(mut cal), .. }) = self.weekday(b + e.len) {
                        cal.shift_days = sign * days * v as i64;
                        return Some(Cand { a, b: wb, sem: Sem::Cal(cal), until: None });
                    }
                }
            }
            // "2 months before 02/02", "trois jours après le 3 mars": counted from the date written
            if let Some(v) = n.filter(|v| *v >= 1.0 && v.fract() == 0.0 && a == i && i == j && e.len == 1) {
                let t = b + e.len;
                let target = self.numeric_date(t).or_else(|| self.day_month(t)).or_else(|| self.month_day_en(t));
                if let Some(Cand { b: wb, sem: Sem::Cal(mut cal), .. }) = target {
                    let k = sign * v as i64;
                    let ok = cal.day.is_some() && cal.hour.is_none();
                    match unit {
                        Unit::Day if ok => cal.shift_days = k,
                        Unit::Week if ok => cal.shift_days = 7 * k,
                        Unit::Fortnight if ok => cal.shift_days = 14 * k,
                        Unit::Month if ok => cal.shift_months = k,
                        Unit::Year if ok => cal.shift_months = 12 * k,
                        _ => return Some(Cand { a, b, sem: Sem::Duration { n, unit }, until: None }),
                    }
                    return Some(Cand { a, b: wb, sem: Sem::Cal(cal), until: None });
                }
            }
            let adverb = e.len > 1 || self.is(b, &["auparavant", "later", "earlier"]) || self.is_clause_end(b + e.len);
            if adverb && a == i && i == j {
                let n = n.unwrap_or(0.0) as i64;
                if n > 0 {
                    let fine = matches!(unit, Unit::Day | Unit::Week | Unit::Fortnight | Unit::Hour | Unit::Minute | Unit::Second);
                    return Some(Cand { a, b: b + e.len, sem: Sem::Shift { unit, n: sign * n, anchored: true, pod: None, part: None, fine }, until: None });
                }
            }
        }
        // "quatre mois minimum"
        if self.is(b, &["minimum", "maximum", "environ"]) {
            b += 1;
        }
        // "four years and eight months before he's out": one length (P4Y8M)
        if let (true, Some(v)) = (compound, n) {
            return Some(Cand { a, b, sem: compound_length(v, unit), until: None });
        }
        // "une heure et demie": PT1H30M
        if let (Some(v), Unit::Hour | Unit::Day) = (n, unit) {
            if v.fract() != 0.0 && (v * 3600.0).fract() == 0.0 {
                let per = if unit == Unit::Hour { 3600.0 } else { 86_400.0 };
                return Some(Cand { a, b, sem: Sem::Compound { total: (v * per) as i64, months: false }, until: None });
            }
        }
        Some(Cand { a, b, sem: Sem::Duration { n, unit }, until: None })
    }

/// Letter units glued to a number ("1d", "2h", "5m", "49s", "3w", "3mo", "3y"): English offsets only.
    fn short_unit(&self, k: usize) -> Option<Unit> {
        // not "the 1990s", "in 3D", "$5m"
        let n = k.checked_sub(1)?;
        let t = self.toks.get(k)?;
        if self.lang != Lang::En || !self.is_num_tok(n) || self.digits(n) > 3 || t.raw != t.norm {
            return None;
        }
        if n > 0 && self.tight(n) && self.toks[n - 1].kind == TokenKind::Punct && !matches!(self.toks[n - 1].raw, "," | "(" | "-" | "+") {
            return None;
        }
        Some(match self.norm(k) {
            "s" => Unit::Second,
            "m" => Unit::Minute,
            "h" => Unit::Hour,
            "d" => Unit::Day,
            "w" | "wk" | "wks" => Unit::Week,
            "mo" | "mon" => Unit::Month,
            "y" => Unit::Year,
            _ => return None,
        })
    }

    /// More amounts of finer units after `b` ("21 hours", ", 2hr, and 5min"): the sum in the finest
    /// unit (`n` already counted in `unit`) and the index after the last one. `None` when none follows.
    fn compound_tail(&self, mut b: usize, mut unit: Unit, n: f64) -> Option<(f64, Unit, usize)> {
        if n.fract() != 0.0 || n < 1.0 {
            return None;
        }
        let (family, mut finest) = unit_size(unit)?;
        let mut total = n as i64 * finest;
        let mut found = false;
        for _ in 0..4 {
            let mut p = b;
            if self.punct(p, ",") {
                p += 1;
            }
            if self.is(p, &["and", "et"]) {
                p += 1;
            }
            let Some((Some(v), k)) = self.amount_at(p) else { break };
            if v.fract() != 0.0 || !self.same_sent(b, k) {
                break;
            }
            let (u, len) = match self.lex(k, Kind::Unit) {
                Some(e) => (Unit::parse(e.value), e.len),
                None => (self.short_unit(k), 1),
            };
            let Some((f, sz)) = u.and_then(unit_size) else { break };
            if f != family || sz >= finest {
                break;
            }
            total = total.checked_add((v as i64).checked_mul(sz)?)?;
            finest = sz;
            unit = u?;
            b = k + len;
            found = true;
        }
        found.then(|| ((total / finest) as f64, unit, b))
    }

    /// ", 5 days", "and 2 weeks" after an amount of months: (days, next index).
    fn day_tail(&self, b: usize) -> Option<(i64, usize)> {
        let mut p = b;
        if self.punct(p, ",") {
            p += 1;
        }
        if self.is(p, &["and", "et"]) {
            p += 1;
        }
        let (Some(v), k) = self.amount_at(p)? else { return None };
        let u = self.lex(k, Kind::Unit)?;
        let per = match Unit::parse(u.value)? {
            Unit::Day => 1,
            Unit::Week => 7,
            _ => return None,
        };
        (v.fract() == 0.0 && self.same_sent(b, k)).then_some((v as i64 * per, k + u.len))
    }

        fn is_clause_end(&self, i: usize) -> bool {
        match self.toks.get(i) {
            None => true,
            Some(t) => t.kind == TokenKind::Punct || t.sent != self.toks[i - 1].sent,
        }
    }

    /// "à 75 ans", "âgée de 17 ans", "Pierre, 17 ans,", "17 years old": ages are not durations.
    fn is_age(&self, j: usize, k: usize, unit: Unit) -> bool {
        if unit != Unit::Year {
            return false;
        }
        if self.is(k + 1, &["old"]) || (self.punct(k + 1, "-") && self.is(k + 2, &["old"])) {
            return true;
        }
        if j == 0 {
            return false;
        }
        let p = self.norm(j - 1);
        // "30 ans de réclusion": a term, whatever precedes it
        if self.is(k + 1, &["de", "d"]) {
            return false;
        }
        if self.toks[j - 1].raw == "à" || p == "aged" {
            return true;
        }
        if matches!(p, "de" | "d") && j >= 2 {
            let at = if p == "d" { j.saturating_sub(3) } else { j - 2 };
            let pp = self.norm(at);
            if pp.starts_with("age") || pp == "partir" || self.toks[at].cap && !self.toks[at].first {
                return true;
            }
            // a person noun shortly before: "un chauffeur de bus de 38 ans"
            const PERSON: &[&str] = &[
                "enfant", "fille", "garcon", "homme", "femme", "jeune", "bebe", "adolescent", "adolescente", "fillette", "chauffeur",
                "conducteur", "conductrice", "retraite", "retraitee", "mere", "pere", "fils", "victime", "automobiliste", "motard",
                "cycliste", "pieton", "pietonne", "eleve", "etudiant", "etudiante", "ouvrier", "agriculteur", "patient", "patiente",
                "joueur", "joueuse", "individu", "suspect", "detenu", "militaire", "soldat", "policier", "gendarme", "touriste",
            ];
            if (at.saturating_sub(3)..=at).any(|x| PERSON.contains(&self.norm(x)) && self.same_sent(x, j)) {
                return true;
            }
        }
        // "Pierre, 17 ans," (apposition)
        p == "," && self.punct(k + 1, ",") && j >= 2 && self.toks[j - 2].cap
    }

    /// chaque jour, chaque lundi, tous les ans, toutes les deux semaines, every week, par an (span: the unit).
    fn set(&self, i: usize) -> Option<Cand> {
        let mut j = i;
        while let Some(e) = self.lex(j, Kind::Approx) {
            j += e.len;
        }
        if self.is(j, &["par", "per", "a"]) && j == i && !(self.lang == Lang::Fr && self.is(j, &["a"])) {
            let u = self.lex(j + 1, Kind::Unit)?;
            let unit = Unit::parse(u.value)?;
            if self.norm(j + 1).ends_with('s') || matches!(unit, Unit::Second | Unit::Minute | Unit::Hour) {
                return None;
            }
            return Some(Cand { a: j + 1, b: j + 1 + u.len, sem: Sem::Set { n: 1, unit, weekday: None }, until: None });
        }
        let e = self.lex(j, Kind::Every)?;
        let mut k = j + e.len;
        let mut n = 1i64;
        if let Some((Some(v), e2)) = self.amount_at(k) {
            if !self.is(k, &["un", "une", "a", "an"]) {
                n = v as i64;
                k = e2;
            }
        } else if self.is(k, &["other"]) {
            n = 2;
            k += 1;
        }
        if let Some(w) = self.lex(k, Kind::Weekday) {
            return Some(Cand { a: i, b: k + w.len, sem: Sem::Set { n: 1, unit: Unit::Week, weekday: Some(w.int() as u32) }, until: None });
        }
        let u = self.lex(k, Kind::Unit)?;
        let unit = Unit::parse(u.value)?;
        Some(Cand { a: i, b: k + u.len, sem: Sem::Set { n, unit, weekday: None }, until: None })
    }

    /// été, l'hiver dernier, cet été, printemps 2015, les mois d'été, summer 2016, last summer.
    fn season(&self, i: usize) -> Option<Cand> {
        let mut j = i;
        let mut cal = Cal::default();
        let mut ctx = false;
        if self.lang == Lang::Fr {
            if self.is(i, &["les"]) && self.is(i + 1, &["mois"]) {
                j = self.skip_of(i + 2);
                ctx = j > i + 2;
            } else if let Some(k) = self.elided(i, &["l"]) {
                j = k;
                ctx = true;
            } else if self.lex(i, Kind::This).is_some() {
                cal.this = true;
                j = i + 1;
                ctx = true;
            }
        } else if let Some((dir, this, k)) = self.en_prefix(i) {
            (cal.dir, cal.this, j, ctx) = (dir, this, k, true);
        }
        let e = self.lex(j, Kind::Season)?;
        cal.season = Some(e.value);
        let mut b = j + e.len;
        if let Some((y, e2)) = self.year_at(b) {
            cal.year = Some(y);
            b = e2;
            ctx = true;
        } else if let Some((d, e2)) = self.dir_after(b) {
            cal.dir = d;
            b = e2;
            ctx = true;
        }
        if !ctx && !self.season_context(j) {
            return None;
        }
        let a = if self.is(i, &["l"]) && self.lang == Lang::Fr && cal.dir == 0 && cal.year.is_none() && !self.is(i, &["les"]) { j } else { i };
        Some(Cand { a, b, sem: Sem::Cal(cal), until: None })
    }

    /// A bare season word needs a date context: "en été", "d'été", "été comme hiver", English always.
    fn season_context(&self, j: usize) -> bool {
        if self.lang == Lang::En {
            return true;
        }
        if j == 0 {
            return false;
        }
        let p = self.norm(j - 1);
        if matches!(p, "d" | "de") && j >= 2 && (self.toks[j - 2].cap || self.toks[j - 2].kind != TokenKind::Word) {
            // "Jeux olympiques d'hiver", "Palais d'Hiver": part of a name
            return false;
        }
        if self.norm(j) != "ete" && matches!(p, "au" | "du" | "comme") {
            return true;
        }
        if matches!(p, "en" | "d" | "de" | "cet" | "l" | "pendant" | "durant" | "ou" | "et" | "comme") {
            // "a été" is never a season: its auxiliary sits before it
            return !(j >= 2 && matches!(self.norm(j - 2), "a" | "ont" | "avait" | "avaient" | "aura" | "auront" | "aurait" | "ait" | "aient" | "avoir" | "ayant"));
        }
        // "Eté" opening a sentence or a heading
        self.toks[j].first && self.toks[j].cap && (self.is_clause_end(j + 1) || self.punct(j + 1, ",") || self.is(j + 1, &["comme"]))
    }

    /// [PART] [le mois de] MONTH [YEAR|dernier|prochain]; bare months need a date context.
    fn month_year(&self, i: usize) -> Option<Cand> {
        let mut j = i;
        let mut ctx = false;
        if self.is(i, &["mois"]) && self.lang == Lang::Fr {
            j = self.skip_of(i + 1);
            ctx = j > i + 1;
        } else if self.is(i, &["le"]) && self.is(i + 1, &["mois"]) {
            j = self.skip_of(i + 2);
            ctx = j > i + 2;
        }
        let mut cal = Cal::default();
        if let Some((dir, this, k)) = self.en_prefix(i) {
            (cal.dir, cal.this, j, ctx) = (dir, this, k, true);
        }
        let (m, mut b) = self.month_at(j)?;
        cal.month = Some(m);
        let mut yb = b;
        if self.lang == Lang::Fr && (self.is(b, &["de"]) || self.elided(b, &["d"]).is_some()) {
            yb = self.skip_of(b);
        } else if (self.punct(b, ",") && self.lang == Lang::En) || (self.is(b, &["of"]) && self.year_at(b + 1).is_some()) {
            yb = b + 1;
        }
        if let Some((y, e)) = self.year_after_month(yb) {
            cal.year = Some(y);
            b = e;
            ctx = true;
        } else if let Some((d, e)) = self.dir_after(b) {
            cal.dir = d;
            b = e;
            ctx = true;
        }
        if !ctx && !self.month_context(j) {
            return None;
        }
        Some(Cand { a: i, b, sem: Sem::Cal(cal), until: None })
    }

    /// A bare month name is a date only after a date preposition ("en mars", "in May", "depuis janvier",
    /// "de mai") or in a list of months; "Mars" the planet, "May" the name or the verb are not.
    fn month_context(&self, j: usize) -> bool {
        let t = &self.toks[j];
        let w = t.norm();
        if self.lang == Lang::En {
            // "in Jan", "since Feb" (not "in Jan's house")
            let short_ok = j > 0 && self.is(j - 1, &["in", "since", "until", "during"]) && !self.punct(j + 1, "'") && !self.punct(j + 1, "’") && !self.toks.get(j + 1).is_some_and(|n| n.cap && n.kind == TokenKind::Word);
            if !t.cap || w.len() <= 3 && !matches!(w, "may") && !short_ok {
                return false;
            }
        } else if t.cap && !t.first {
            return false;
        }
        let strong_before = j > 0 && self.is(j - 1, &["in", "since", "until", "during", "en", "depuis", "des"]);
        if w.len() <= 4 && !matches!(w, "mai" | "juin" | "aout" | "mars" | "may" | "june" | "july") && !(strong_before && t.cap) {
            return false;
        }
        if j == 0 {
            return false;
        }
        let mut p = self.norm(j - 1);
        // "jusqu'à" is three tokens
        if p == "a" && j >= 3 && self.is(j - 2, &["'", "\u{2019}"]) && self.is(j - 3, &["jusqu"]) {
            p = "jusqu'a";
        }
        let fr = ["en", "depuis", "des", "jusqu'en", "jusqu'a", "d", "de", "avant", "apres", "mi", "debut", "fin", "courant", "et", "ou", "au", "entre", "mois", "-", ","];
        let en = ["in", "since", "until", "till", "by", "during", "of", "from", "through", "early", "late", "mid", "and", "or", "before", "after", "last", "next", "this", "to", "-"];
        let ok = if self.lang == Lang::Fr { fr.contains(&p) } else { en.contains(&p) };
        if !ok {
            return false;
        }
        if matches!(p, "et" | "ou" | "and" | "or" | "," | "-" | "to") {
            // only in a list of months: "mai et juin", "mars, avril"
            return j >= 2 && (self.lex(j - 2, Kind::Month).is_some() || self.month_at(j + 2).is_some());
        }
        if matches!(p, "de" | "d" | "au" | "of" | "to" | "jusqu'a") {
            // "la fin de mars" ok via part_of; "de mars à mai", "of March", "jusqu'à janvier"; not "la planète
            // de Mars", "jusqu'à Mars"
            return !t.cap || t.first;
        }
        true
    }

    /// Four-digit years in a date-like context: "2017", "en 2016", "l'année 2001", "l'an 2000", "2010-2015".
    fn year(&self, i: usize) -> Option<Cand> {
        let mut j = i;
        if let Some(k) = self.elided(i, &["l"]) {
            if self.is(k, &["annee", "an"]) {
                j = k + 1;
            }
        } else if self.is(i, &["annee", "the"]) && self.is(i + 1, &["year"]) {
            j = i + 2;
        } else if self.is(i, &["annee"]) {
            j = i + 1;
        }
        let (y, b) = self.year_at(j)?;
        if self.digits(j) != 4 {
            return None;
        }
        if j == i && !self.year_context(i, y as u32) {
            return None;
        }
        let cal = Cal { year: Some(y), ..Cal::default() };
        // "2012-1400": no year (map_or, not is_none_or: that is Rust 1.82, our rust-version is 1.80)
        if self.punct(b, "-") && self.tight(b + 1) && self.digits(b + 1) == 4 && self.year_at(b + 1).map_or(true, |(y2, _)| y2 <= y) {
            return None;
        }
        // 2007/2008, 2010-2015: a range
        if (self.punct(b, "/") || self.punct(b, "-") || self.punct(b, "–")) && self.tight(b + 1) || (self.punct(b, "-") && self.digits(b + 1) == 4) {
            if let Some((y2, e)) = self.year_at(b + 1) {
                if y2 > y {
                    let until = Some(Sem::Cal(Cal { year: Some(y2), ..Cal::default() }));
                    if self.punct(b, "/") {
                        // "2007/2008": one span
                        return Some(Cand { a: i, b: e, sem: Sem::Cal(cal), until });
                    }
                    // "1982-1990": two expressions (TimeML), the first carrying the range
                    return Some(Cand { a: i, b, sem: Sem::Cal(cal), until });
                }
            }
        }
        Some(Cand { a: i, b, sem: Sem::Cal(cal), until: None })
    }

    fn year_context(&self, i: usize, y: u32) -> bool {
        if !(1900..=2099).contains(&y) {
            let strong = i > 0 && self.is(i - 1, &["en", "in", "depuis", "since", "l'an", "an"]);
            if !(strong && (1000..=2199).contains(&y)) {
                return false;
            }
        }
        if i > 0 {
            let p = &self.toks[i - 1];
            if matches!(p.raw, "€" | "$" | "£" | "#" | "n°" | "°" | "+" | "x" | "×") || matches!(p.norm(), "environ" | "about" | "n" | "no" | "numero" | "number" | "km" | "page" | "p") {
                return false;
            }
            if p.kind == TokenKind::Number && self.same_sent(i - 1, i) {
                return false;
            }
            // "06/-31/2022": the tail of a slashed number
            if i >= 2 && self.tight(i) && matches!(p.raw, "/" | "-") && self.is_num_tok(i - 2) && self.digits(i - 2) <= 2 {
                return false;
            }
        }
        if self.tight(i + 1) && matches!(self.toks.get(i + 1).map(|t| t.raw), Some("-" | "/")) && self.tight(i + 2) && self.is_num_tok(i + 2) && !matches!(self.digits(i + 2), 2 | 4) {
            return false;
        }
        match self.toks.get(i + 1) {
            None => true,
            Some(t) if t.sent != self.toks[i].sent => true,
            Some(t) if t.kind == TokenKind::Punct => !matches!(t.raw, "%" | "€" | "$" | "°" | "h"),
            Some(t) if t.kind == TokenKind::Number => false,
            Some(t) => {
                let w = t.norm();
                if t.cap || self.lex(i + 1, Kind::Month).is_some() {
                    return true;
                }
                const OK: &[&str] = &[
                    "et", "a", "au", "aux", "ou", "puis", "par", "pour", "lors", "contre", "en", "dans", "sur", "de", "du", "des", "le",
                    "la", "les", "l", "qui", "que", "qu", "il", "elle", "on", "ils", "elles", "ne", "n", "se", "s", "avait", "etait",
                    "est", "sont", "ont", "fut", "avec", "apres", "avant", "jusqu'a", "alors", "deja", "encore", "lorsque", "quand", "ce",
                    "cette", "un", "une", "sous", "selon", "and", "to", "or", "in", "on", "at", "the", "he", "she", "they", "it", "when",
                    "with", "for", "of", "from", "was", "were", "had", "has", "have", "is", "as", "by", "after", "before", "until",
                    "election", "elections", "presidentielle", "legislatives", "municipales",
                ];
                OK.contains(&w)
            }
        }
    }

    /// Vague references from the lexicon: actuellement, autrefois, à présent, now, recently.
    fn vague(&self, i: usize) -> Option<Cand> {
        let e = self.lex(i, Kind::Vague)?;
        if self.is(i, &["now"]) && self.lang == Lang::En && i > 0 && self.is(i - 1, &["right", "just", "until", "by", "from"]) {
            return None;
        }
        Some(Cand { a: i, b: i + e.len, sem: Sem::Vague(e.value), until: None })
    }

    /// Centuries ("le XXe siècle", "the 20th century") and the parts of day after a preposition
    /// ("dans la soirée", "la nuit" anchored on the day just mentioned), and "l'an 2000".
    fn misc(&self, i: usize) -> Option<Cand> {
        // centuries
        let j = self.skip_article(i);
        if let Some(n) = roman_ordinal(self.toks.get(j).map_or("", |t| t.raw)).or_else(|| {
            let n = self.num(j)?;
            (self.tight(j + 1) && self.is(j + 1, &["e", "eme", "th", "st", "nd", "rd"])).then_some(n)
        }) {
            let k = if self.num(j).is_some() { j + 2 } else { j + 1 };
            if self.is(k, &["siecle", "century"]) && (1..=30).contains(&n) {
                return Some(Cand { a: i, b: k + 1, sem: Sem::Century(n as i32 - 1), until: None });
            }
        }
        // "la nuit de samedi à dimanche": Saturday night
        if self.lang == Lang::Fr && self.is(i, &["la"]) && self.is(i + 1, &["nuit"]) && self.is(i + 2, &["de", "du"]) {
            if let Some(w1) = self.lex(i + 3, Kind::Weekday) {
                let k = i + 3 + w1.len;
                if self.is(k, &["a", "au"]) {
                    if let Some(w2) = self.lex(k + 1, Kind::Weekday) {
                        let cal = Cal { weekday: Some(w1.int() as u32), pod: Some("NI"), ..Cal::default() };
                        return Some(Cand { a: i, b: k + 1 + w2.len, sem: Sem::Cal(cal), until: None });
                    }
                }
            }
        }
        // "la soirée", "la nuit", "dans la matinée" after a day: anchored part of day
        if self.lang == Lang::Fr && i > 0 && self.is(i - 1, &["dans", "durant", "pendant", "de", "en"]) && self.is(i, &["la", "l"]) {
            let j = self.skip_article(i);
            if let Some(e) = self.lex(j, Kind::Pod) {
                if self.is(j, &["soiree", "nuit", "matinee", "journee", "apres-midi"]) && !self.is(j + 1, &["de", "du", "d", "meme"]) {
                    return Some(Cand { a: i, b: j + e.len, sem: Sem::Shift { unit: Unit::Day, n: 0, anchored: true, pod: Some(e.value), part: None, fine: false }, until: None });
                }
            }
        }
        None
    }
}

/// Words before which "last" is the verb ("would last two years"): modals, auxiliaries, "to", negations.
const VERB_LAST_BEFORE: &[&str] = &[
    "will", "would", "could", "can", "may", "might", "should", "must", "shall", "to", "not", "t", "ll", "did", "does", "do", "also", "still",
    "even", "ever", "never", "often",
];

/// Does the (short) word hold a hyphen? A byte loop: `str::contains` sets up a `memchr` search, costly at
/// every token.
fn has_hyphen(w: &str) -> bool {
    w.bytes().any(|b| b == b'-')
}

/// Words that may start an expression: articles before a date word or a number ([`is_article`]), the others
/// whatever follows them. Checked at nearly every word: one filter bit rules most words out.
static STARTERS: Words = Words::new(&[
    "le", "la", "l", "les", "the", "ces", "des", "tout", "toute", "mois", "annee", "annees", "depuis", "pendant", "durant", "for", "par",
    "per", "premier", "first", "deuxieme", "troisieme", "quatrieme", "second", "third", "fourth",
]);

/// Is this starter an article ("le", "les", "the", "des")?
fn is_article(w: &str) -> bool {
    matches!(w, "le" | "la" | "l" | "les" | "the" | "ces" | "des")
}

/// The calendar day an expression names, as a [`Cal`]: a written date, or "today", "tomorrow", "hier soir"
/// (days from the reference). `None` for anything else.
fn day_cal(sem: &Sem) -> Option<Cal> {
    match sem {
        Sem::Cal(c) => Some(c.clone()),
        Sem::Shift { unit: Unit::Day, n, anchored: false, pod, part: None, .. } => Some(Cal { rel_days: Some(*n), pod: *pod, ..Cal::default() }),
        Sem::Today { pod } => Some(Cal { rel_days: Some(0), pod: *pod, ..Cal::default() }),
        _ => None,
    }
}

/// A day with the time of a bare time expression.
fn with_time(day: &Sem, time: &Sem) -> Option<Cal> {
    let (mut d, Sem::Cal(t)) = (day_cal(day)?, time) else { return None };
    d.hour = t.hour;
    d.minute = t.minute;
    d.second = t.second;
    d.tz = t.tz;
    d.dst = t.dst;
    d.pod = None;
    Some(d)
}

/// Comparing an optional lexicon entry's length.
trait ShorterThan {
    fn is_none_or_shorter(&self, len: usize) -> bool;
}

impl ShorterThan for Option<Entry> {
    fn is_none_or_shorter(&self, len: usize) -> bool {
        self.map_or(true, |e| e.len < len)
    }
}

/// (family, size) of a unit whose amounts add up into one length: family 0 counts seconds (clock and day
/// units), family 1 months (a month has no fixed number of seconds). `None` for the others (quarters, decades…).
fn unit_size(u: Unit) -> Option<(u8, i64)> {
    Some(match u {
        Unit::Second => (0, 1),
        Unit::Minute => (0, 60),
        Unit::Hour => (0, 3600),
        Unit::Day => (0, 86_400),
        Unit::Week => (0, 604_800),
        Unit::Month => (1, 1),
        Unit::Year => (1, 12),
        _ => return None,
    })
}

/// The value of the decimal number `int.frac` (ASCII digits; `frac` may be empty), as `str::parse::<f64>` gives
/// it, without the float parser's ~7 kB of WebAssembly: with at most 15 digits both `int·10^k + frac` and `10^k`
/// are exact in an f64, and one division rounds their quotient correctly, as the parser does. Digits of `frac`
/// past the 15th are dropped (below a 10^-15 part of the value); None when `int` is empty, too long or not
/// all digits.
fn decimal(int: &str, frac: &str) -> Option<f64> {
    const MAX_DIGITS: usize = 15;
    if int.is_empty() || int.len() > MAX_DIGITS || !int.bytes().chain(frac.bytes()).all(|c| c.is_ascii_digit()) {
        return None;
    }
    let frac = &frac[..frac.len().min(MAX_DIGITS - int.len())];
    let digits = int.bytes().chain(frac.bytes()).fold(0u64, |n, c| n * 10 + u64::from(c - b'0'));
    const POWERS_OF_TEN: [f64; MAX_DIGITS + 1] = [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];
    Some(digits as f64 / POWERS_OF_TEN[frac.len()])
}

/// `v` units as one [`Sem::Compound`] length: in seconds, or in months for months and years.
fn compound_length(v: f64, unit: Unit) -> Sem {
    let (family, per) = unit_size(unit).unwrap_or((0, 1));
    Sem::Compound { total: v as i64 * per, months: family == 1 }
}

/// An offset of a fractional amount in a finer unit: "a year and a half ago" in months, "half an hour" in
/// minutes, "1.5 days" in hours.
fn whole_units(n: Option<f64>, unit: Unit) -> (Option<f64>, Unit) {
    match (n, unit) {
        (Some(v), Unit::Hour) if v.fract() != 0.0 => (Some((v * 60.0).round()), Unit::Minute),
        (Some(v), Unit::Day) if v.fract() != 0.0 => (Some((v * 24.0).round()), Unit::Hour),
        (Some(v), Unit::Week) if v.fract() != 0.0 => (Some((v * 7.0).round()), Unit::Day),
        (Some(v), Unit::Month) if v.fract() != 0.0 => (Some((v * 30.0).round()), Unit::Day),
        (Some(v), Unit::Year) if v.fract() != 0.0 => (Some((v * 12.0).round()), Unit::Month),
        other => other,
    }
}

/// "eighth", "twenty-fourth": English ordinal words for days of the month.
fn english_ordinal(w: &str) -> Option<u32> {
    const ORD: [&str; 19] = [
        "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth",
        "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth",
    ];
    // every ordinal word ends so: most words are rejected without a search
    if !(w.ends_with("st") || w.ends_with("nd") || w.ends_with("rd") || w.ends_with("th")) {
        return None;
    }
    let unit = |x: &str| ORD.iter().position(|o| *o == x).map(|k| k as u32 + 1);
    match w {
        "twentieth" => Some(20),
        "thirtieth" => Some(30),
        _ => {
            if let Some(rest) = w.strip_prefix("twenty-") {
                unit(rest).filter(|&u| u < 10).map(|u| 20 + u)
            } else if let Some(rest) = w.strip_prefix("thirty-") {
                unit(rest).filter(|&u| u == 1).map(|u| 30 + u)
            } else {
                unit(w).filter(|_| w != "second")
            }
        }
    }
}

/// Parse number words: "trois", "vingt-quatre", "soixante-dix", "quatre-vingts", "twenty-one".
fn number_word(lex: &Lexicon, w: &str) -> Option<i64> {
    if let Some(e) = lex.get(w).iter().find(|e| e.kind == Kind::Num) {
        return Some(e.int());
    }
    if !w.contains('-') {
        if w == "quatre-vingts" {
            return Some(80);
        }
        return None;
    }
    let mut total = 0i64;
    let mut cur = 0i64;
    for part in w.split('-') {
        if part == "et" || part == "and" {
            continue;
        }
        let v = if part == "vingts" { 20 } else { lex.get(part).iter().find(|e| e.kind == Kind::Num)?.int() };
        if v == 20 && cur == 4 {
            cur = 80;
        } else if v == 100 || v == 1000 {
            cur = cur.max(1) * v;
            if v == 1000 {
                total += cur;
                cur = 0;
            }
        } else {
            cur += v;
        }
    }
    Some(total + cur)
}

/// "XXe", "XIXème", "Ier": the century number of a Roman ordinal.
fn roman_ordinal(raw: &str) -> Option<u32> {
    let base = raw.strip_suffix("ème").or_else(|| raw.strip_suffix("e")).or_else(|| raw.strip_suffix("er"))?;
    if base.is_empty() || !base.chars().all(|c| matches!(c, 'I' | 'V' | 'X')) {
        return None;
    }
    let val = |c: char| match c {
        'I' => 1,
        'V' => 5,
        _ => 10,
    };
    let chars: Vec<u32> = base.chars().map(val).collect();
    let mut total = 0i64;
    for (k, &v) in chars.iter().enumerate() {
        if chars.get(k + 1).is_some_and(|&n| n > v) {
            total -= i64::from(v);
        } else {
            total += i64::from(v);
        }
    }
    u32::try_from(total).ok()
}

/// '98 → 1998, 05 → 2005.
fn expand_two_digits(y: u32) -> i32 {
    if y < 50 {
        2000 + y as i32
    } else {
        1900 + y as i32
    }
}

fn apply_meridiem(h: u32, pm: bool) -> Option<u32> {
    if h == 0 || h > 12 {
        return None;
    }
    Some(match (h, pm) {
        (12, false) => 0,
        (12, true) => 12,
        (h, true) => h + 12,
        (h, false) => h,
    })
}

fn valid_ymd(y: i32, m: u32, d: u32) -> bool {
    (1..=12).contains(&m) && d >= 1 && d <= super::days_in_month(y, m)
}

#[cfg(test)]
mod tests {
    use super::decimal;

    #[test]
    fn decimal_agrees_with_the_float_parser() {
        let ints = ["0", "1", "2", "7", "10", "30", "99", "123", "1000", "65535", "999999", "4294967295", "123456789012345"];
        let fracs = ["", "0", "1", "25", "3", "4", "5", "05", "333", "999", "0625", "1234567", "000001", "98765432109"];
        for int in ints {
            for frac in fracs {
                let text = if frac.is_empty() { int.to_string() } else { format!("{int}.{frac}") };
                // Only the digits that fit are kept: compare with the parser on those.
                let kept = &frac[..frac.len().min(15 - int.len())];
                let expected: f64 = if kept.is_empty() { int.parse().unwrap() } else { format!("{int}.{kept}").parse().unwrap() };
                assert_eq!(decimal(int, frac), Some(expected), "{text}");
            }
        }
        for (int, frac) in [("", "5"), ("1a", ""), ("1", "5x"), ("-1", ""), ("1234567890123456", "")] {
            assert_eq!(decimal(int, frac), None, "{int}.{frac}");
        }
    }
}
