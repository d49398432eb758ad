//! Resolving found expressions to TIMEX3 values: against the reference moment, the tense of their clause
//! and the dates mentioned before them.

use std::sync::LazyLock;

use crate::lang::Lang;
use crate::text::{Span, TokenKind};

use super::finder::{Cal, Cand, Sem, Tok, Unit};
use super::lexicon::{word_set, WordSet};
use super::{civil_from_days, days_from_civil, days_in_month, DateMention, Reference, TimexType};

/// A resolved value with what later expressions may anchor on.
#[derive(Clone, Debug)]
struct Out {
    value: Option<String>,
    grain: &'static str,
    typ: TimexType,
    relative: bool,
    /// The day it names, if it names one (for "la veille", times, "le matin même").
    day: Option<(i32, u32, u32)>,
    /// The coarsest point it names (for "un an auparavant"): (year, month, day).
    point: Option<(i32, Option<u32>, Option<u32>)>,
}

impl Out {
    fn new(value: Option<String>, grain: &'static str, typ: TimexType, relative: bool) -> Out {
        Out { value, grain, typ, relative, day: None, point: None }
    }
}

/// Resolve every candidate (in text order) into mentions.
pub fn resolve(cands: &[Cand], toks: &[Tok<'_>], lang: Lang, reference: Option<&Reference>) -> Vec<DateMention> {
    let ctx = Ctx { toks, lang, reference };
    let mut outs: Vec<Option<Out>> = vec![None; cands.len()];
    let mut anchor_day: Option<(i32, u32, u32)> = None;
    let mut anchor_point: Option<(i32, Option<u32>, Option<u32>)> = None;
    // Pass 1: everything but bare times of day, which take the day of a date near them.
    for (k, c) in cands.iter().enumerate() {
        if is_bare_time(&c.sem) {
            continue;
        }
        let out = ctx.resolve_sem(&c.sem, c, anchor_day, anchor_point);
        if let Some(d) = out.day {
            anchor_day = Some(d);
        }
        if let Some(p) = out.point {
            anchor_point = Some(p);
        }
        outs[k] = Some(out);
    }
    // Pass 2: times. `last_day[k]`: the last day named before candidate k (one pass, so the whole stays linear).
    let mut last_day = Vec::with_capacity(cands.len());
    let mut running = None;
    for out in &outs {
        last_day.push(running);
        if let Some(d) = out.as_ref().and_then(|o| o.day) {
            running = Some(d);
        }
    }
    for (k, c) in cands.iter().enumerate() {
        let Sem::Cal(cal) = &c.sem else { continue };
        if !is_bare_time(&c.sem) {
            continue;
        }
        let host = ctx.host_day(cands, &outs, k);
        let day = host.and_then(|h| outs[h].as_ref().and_then(|o| o.day)).or_else(|| {
            // the last day named before, else the reference day; a midnight still to come ends it
            let midnight = cal.hour == Some(0) && toks[c.a..c.b].iter().any(|t| matches!(t.norm(), "midnight" | "minuit"));
            last_day[k].or_else(|| {
                reference.map(|r| {
                    if midnight && ctx.tense(c) >= 0 {
                        civil_from_days(days_from_civil(r.year, r.month, r.day) + 1)
                    } else {
                        (r.year, r.month, r.day)
                    }
                })
            })
        });
        let time = fmt_time(cal, day);
        let value = match day {
            Some((y, m, d)) => format!("{}{time}", fmt_day(y, m, d)),
            None => time.clone(),
        };
        // A date written right next to its time ("samedi 24 juillet à 15 h 45", "demain 17:00") carries it too.
        if let Some(h) = host {
            if ctx.adjacent(&cands[h], c) {
                if let Some(o) = outs[h].as_mut() {
                    if o.value.as_deref().is_some_and(|v| v.len() == 10) {
                        o.value = Some(value.clone());
                    }
                }
            }
        }
        let grain = if cal.second.is_some() { "second" } else { "minute" };
        outs[k] = Some(Out::new(Some(value), grain, TimexType::Time, day.is_some() && host.is_none()));
    }
    // Ranges: resolve their end like their start.
    let mut mentions = Vec::with_capacity(cands.len());
    for (k, c) in cands.iter().enumerate() {
        let Some(out) = outs[k].take() else { continue };
        if matches!(c.sem, Sem::Null("invalid")) || out.grain == "invalid" {
            continue;
        }
        let until = c.until.as_ref().and_then(|u| match u {
            // the end of a time range is on the day of its start
            Sem::Cal(uc) if is_bare_time(u) => {
                let day = out.value.as_deref().and_then(|v| v.get(..10)).filter(|d| d.as_bytes().get(4) == Some(&b'-'));
                let mut ymd: Option<(i32, u32, u32)> = day.and_then(|d| Some((d.get(..4)?.parse().ok()?, d.get(5..7)?.parse().ok()?, d.get(8..10)?.parse().ok()?)));
                // "11pm-2": an end before the start is on the next day
                if let (Sem::Cal(sc), Some((y, m, d))) = (&c.sem, ymd) {
                    if sc.hour.is_some() && (uc.hour, uc.minute) < (sc.hour, sc.minute) {
                        ymd = Some(civil_from_days(days_from_civil(y, m, d) + 1));
                    }
                }
                Some(match ymd {
                    Some((y, m, d)) => format!("{}{}", fmt_day(y, m, d), fmt_time(uc, ymd)),
                    None => fmt_time(uc, None),
                })
            }
            _ => ctx.resolve_sem(u, c, anchor_day, anchor_point).value.map(|v| later_than(u, v, out.value.as_deref())),
        });
        let mut out = out;
        // "Monday afternoon to last night": a range starts before it ends, so a weekday without tense or
        // "last"/"next" before a past end is the one before
        if let (Sem::Cal(sc), Some(u), Some(v)) = (&c.sem, until.as_deref(), out.value.as_deref()) {
            let bare_weekday = sc.weekday.is_some() && sc.day.is_none() && sc.month.is_none() && sc.dir == 0 && !sc.this && sc.week.is_none();
            if bare_weekday && u.len() >= 10 && u.get(..10) < v.get(..10) {
                let num = |a: usize, z: usize| v.get(a..z).and_then(|x| x.parse::<u32>().ok());
                if let (Some(y), Some(m), Some(d), Some(rest)) = (num(0, 4), num(5, 7), num(8, 10), v.get(10..)) {
                    let (y, m, d) = civil_from_days(days_from_civil(y as i32, m, d) - 7);
                    out.value = Some(format!("{}{rest}", fmt_day(y, m, d)));
                }
            }
        }
        let span = Span::new(toks[c.a].span.start, toks[c.b - 1].span.end);
        mentions.push(DateMention { span, timex_type: out.typ, value: out.value, until, grain: out.grain, relative: out.relative });
    }
    mentions
}

/// A range ends after it starts: an end written without its year ("From May to December", "Monday to
/// Friday") that resolved before the start is the next one.
fn later_than(end: &Sem, until: String, start: Option<&str>) -> String {
    let Sem::Cal(cal) = end else { return until };
    let Some(start) = start else { return until };
    let start = start.get(..until.len()).unwrap_or(start);
    if cal.year.is_some() || start.len() != until.len() || until.as_str() >= start {
        return until;
    }
    let ymd = |v: &str| -> Option<(i32, u32, u32)> { Some((v.get(..4)?.parse().ok()?, v.get(5..7)?.parse().ok()?, v.get(8..10)?.parse().ok()?)) };
    if cal.weekday.is_some() && cal.day.is_none() && until.len() >= 10 {
        if let Some((y, m, d)) = ymd(&until) {
            let (y, m, d) = civil_from_days(days_from_civil(y, m, d) + 7);
            return format!("{}{}", fmt_day(y, m, d), &until[10..]);
        }
    }
    match until.get(..4).and_then(|y| y.parse::<i32>().ok()) {
        Some(y) if cal.month.is_some() => format!("{}{}", fmt_year(y + 1), &until[4..]),
        _ => until,
    }
}

fn is_bare_time(sem: &Sem) -> bool {
    matches!(sem, Sem::Cal(c) if c.hour.is_some() && c.day.is_none() && c.weekday.is_none() && c.month.is_none() && c.year.is_none() && c.rel_days.is_none())
}

struct Ctx<'a, 't> {
    toks: &'a [Tok<'t>],
    lang: Lang,
    reference: Option<&'a Reference>,
}

impl Ctx<'_, '_> {
    fn resolve_sem(&self, sem: &Sem, c: &Cand, anchor_day: Option<(i32, u32, u32)>, anchor_point: Option<(i32, Option<u32>, Option<u32>)>) -> Out {
        match sem {
            Sem::Cal(cal) => self.resolve_cal(cal, c),
            Sem::Today { pod } => {
                if pod.is_none() && self.means_nowadays(c) {
                    return Out::new(Some("PRESENT_REF".into()), "present", TimexType::Date, true);
                }
                self.resolve_shift(Unit::Day, 0, false, *pod, None, false, None, None)
            }
            Sem::Shift { unit, n, anchored, pod, part, fine } => {
                self.resolve_shift(*unit, *n, *anchored, *pod, *part, *fine, anchor_day, anchor_point)
            }
            Sem::Duration { n, unit } => Out::new(Some(duration_value(*n, *unit)), "duration", TimexType::Duration, false),
            Sem::HoursMinutes(h, m) => Out::new(Some(format!("PT{h}H{m}M")), "duration", TimexType::Duration, false),
            Sem::Compound { total, months } => Out::new(Some(compound_value(*total, *months)), "duration", TimexType::Duration, false),
            Sem::Set { n, unit, weekday } => {
                let v = match weekday {
                    Some(w) => format!("XXXX-WXX-{w}"),
                    None => duration_value(Some(*n as f64), *unit),
                };
                Out::new(Some(v), "set", TimexType::Set, false)
            }
            Sem::Vague(v) => {
                let grain = match *v {
                    "PAST_REF" => "past",
                    "FUTURE_REF" => "future",
                    _ => "present",
                };
                Out::new(Some((*v).to_string()), grain, TimexType::Date, true)
            }
            Sem::Decade { decade, part } => {
                let mut o = Out::new(Some(format!("{decade:03}")), if part.is_some() { "part-of-decade" } else { "decade" }, TimexType::Date, false);
                o.point = Some((decade * 10, None, None));
                o
            }
            Sem::Century(c) => Out::new(Some(format!("{c:02}")), "century", TimexType::Date, false),
            Sem::Quarter { n, half, year, rel_year } => {
                let y = year.or_else(|| self.reference.map(|r| r.year + *rel_year as i32));
                let code = if *half { 'H' } else { 'Q' };
                let v = match y {
                    Some(y) => format!("{}-{code}{n}", fmt_year(y)),
                    None => format!("XXXX-{code}{n}"),
                };
                let mut o = Out::new(Some(v), if *half { "semester" } else { "quarter" }, TimexType::Date, year.is_none());
                o.point = y.map(|y| (y, Some(if *half { 6 * n - 5 } else { 3 * n - 2 }), None));
                o
            }
            Sem::Null(grain) => Out::new(None, grain, TimexType::Date, false),
        }
    }

    /// "aujourd'hui" means "nowadays" unless a verb of the day's events sits right before it ("se rend
    /// aujourd'hui", "doit rencontrer aujourd'hui", "la deadline est aujourd'hui").
    fn means_nowadays(&self, c: &Cand) -> bool {
        let a = c.a;
        let sent = self.toks[a].sent;
        // "d'aujourd'hui à demain soir": a range of days
        if c.until.is_some() || self.toks.get(c.b).is_some_and(|t| t.sent == sent && t.norm == "meme") {
            return false;
        }
        // "aujourd'hui à midi", "aujourd'hui vers 15 h": the day of that time
        if self.toks.get(c.b).is_some_and(|t| t.sent == sent && matches!(t.norm(), "a" | "vers" | "des" | "avant" | "apres"))
            && self.toks.get(c.b + 1).is_some_and(|t| t.kind == TokenKind::Number || matches!(t.norm(), "midi" | "minuit"))
        {
            return false;
        }
        for k in (a.saturating_sub(3)..a).rev() {
            let t = &self.toks[k];
            if t.sent != sent {
                break;
            }
            if matches!(t.norm(), "se" | "s" | "doit" | "doivent" | "va" | "vont" | "devrait" | "devraient" | "des" | "sera" | "seront")
                || (k + 1 == a && matches!(t.norm(), "est" | "c'est"))
            {
                return false;
            }
        }
        true
    }

    #[allow(clippy::too_many_arguments)]
    fn resolve_shift(
        &self,
        unit: Unit,
        n: i64,
        anchored: bool,
        pod: Option<&'static str>,
        part: Option<u8>,
        fine: bool,
        anchor_day: Option<(i32, u32, u32)>,
        anchor_point: Option<(i32, Option<u32>, Option<u32>)>,
    ) -> Out {
        let typ = if pod.is_some() { TimexType::Time } else { TimexType::Date };
        let r = self.reference;
        // the base point
        let base: Option<(i32, u32, u32)> = if anchored {
            match unit {
                Unit::Day | Unit::Hour | Unit::Minute | Unit::Second | Unit::Week | Unit::Weekend | Unit::Fortnight => anchor_day,
                _ => anchor_point.map(|(y, m, d)| (y, m.unwrap_or(1), d.unwrap_or(1))),
            }
            .or_else(|| r.map(|r| (r.year, r.month, r.day)))
        } else {
            r.map(|r| (r.year, r.month, r.day))
        };
        let Some((y, m, d)) = base else {
            return Out::new(None, unit_grain(unit, pod, part), typ, true);
        };
        let day_shift = |days: i64| civil_from_days(days_from_civil(y, m, d) + days);
        let mut out = match (unit, fine) {
            (Unit::Day, _) | (Unit::Week | Unit::Fortnight, true) => {
                let k = match unit {
                    Unit::Week => 7,
                    Unit::Fortnight => 14,
                    _ => 1,
                };
                let (yy, mm, dd) = day_shift(n * k);
                let mut v = fmt_day(yy, mm, dd);
                if let Some(p) = pod {
                    v.push('T');
                    v.push_str(p);
                }
                let mut o = Out::new(Some(v), if pod.is_some() { "part-of-day" } else { "day" }, typ, true);
                o.day = Some((yy, mm, dd));
                o.point = Some((yy, Some(mm), Some(dd)));
                o
            }
            (Unit::Week | Unit::Fortnight, false) => {
                let (yy, mm, dd) = day_shift(n * 7);
                let (iy, w) = iso_week(yy, mm, dd);
                Out::new(Some(format!("{iy:04}-W{w:02}")), "week", typ, true)
            }
            (Unit::Weekend, _) => {
                let (yy, mm, dd) = day_shift(n * 7);
                let (iy, w) = iso_week(yy, mm, dd);
                Out::new(Some(format!("{iy:04}-W{w:02}-WE")), "weekend", typ, true)
            }
            (Unit::Month, _) => {
                let (yy, mm) = add_months(y, m, n);
                if fine {
                    let dd = d.min(days_in_month(yy, mm));
                    let mut o = Out::new(Some(fmt_day(yy, mm, dd)), "day", typ, true);
                    o.day = Some((yy, mm, dd));
                    o.point = o.day.map(|(a, b, c)| (a, Some(b), Some(c)));
                    o
                } else {
                    let mut o = Out::new(Some(format!("{yy:04}-{mm:02}")), if part.is_some() { "part-of-month" } else { "month" }, typ, true);
                    o.point = Some((yy, Some(mm), None));
                    o
                }
            }
            (Unit::Semester, _) => {
                let h0 = (i64::from(y) * 2 + i64::from((m - 1) / 6)) + n;
                Out::new(Some(format!("{:04}-H{}", h0.div_euclid(2), h0.rem_euclid(2) + 1)), "semester", typ, true)
            }
            (Unit::Quarter, _) => {
                let q0 = (i64::from(y) * 4 + i64::from((m - 1) / 3)) + n;
                Out::new(Some(format!("{:04}-Q{}", q0.div_euclid(4), q0.rem_euclid(4) + 1)), "quarter", typ, true)
            }
            (Unit::Year, _) => {
                let yy = y + n as i32;
                if fine {
                    let dd = d.min(days_in_month(yy, m));
                    let mut o = Out::new(Some(fmt_day(yy, m, dd)), "day", typ, true);
                    o.day = Some((yy, m, dd));
                    o.point = Some((yy, Some(m), Some(dd)));
                    o
                } else {
                    let mut o = Out::new(Some(format!("{yy:04}")), if part.is_some() { "part-of-year" } else { "year" }, typ, true);
                    o.point = Some((yy, None, None));
                    o
                }
            }
            (Unit::Decade, _) => Out::new(Some(format!("{:03}", (y + 10 * n as i32).div_euclid(10))), "decade", typ, true),
            (Unit::Century, _) => Out::new(Some(format!("{:02}", (y + 100 * n as i32).div_euclid(100))), "century", typ, true),
            (Unit::Hour, false) if r.is_some() => {
                // "next hour": the clock hour after the reference's
                let total = days_from_civil(y, m, d) * 24 + i64::from(r.map_or(0, |r| r.hour)) + n;
                let (yy, mm, dd) = civil_from_days(total.div_euclid(24));
                let mut o = Out::new(Some(format!("{}T{:02}", fmt_day(yy, mm, dd), total.rem_euclid(24))), "hour", TimexType::Time, true);
                o.day = Some((yy, mm, dd));
                o
            }
            (Unit::Hour | Unit::Minute | Unit::Second, _) => {
                let (hh, mi, ss) = r.map_or((0, 0, 0), |r| (r.hour, r.minute, r.second));
                let secs = match unit {
                    Unit::Hour => 3600,
                    Unit::Minute => 60,
                    _ => 1,
                } * n;
                let total = days_from_civil(y, m, d) * 86_400 + i64::from(hh * 3600 + mi * 60 + ss) + secs;
                let (yy, mm, dd) = civil_from_days(total.div_euclid(86_400));
                let rem = total.rem_euclid(86_400);
                let v = if unit == Unit::Second {
                    format!("{}T{:02}:{:02}:{:02}", fmt_day(yy, mm, dd), rem / 3600, rem % 3600 / 60, rem % 60)
                } else {
                    format!("{}T{:02}:{:02}", fmt_day(yy, mm, dd), rem / 3600, rem % 3600 / 60)
                };
                let mut o = Out::new(Some(v), "minute", TimexType::Time, true);
                o.day = Some((yy, mm, dd));
                o
            }
        };
        if anchored && unit == Unit::Day && pod.is_none() {
            out.grain = "day";
        }
        out
    }

    fn resolve_cal(&self, cal: &Cal, c: &Cand) -> Out {
        let r = self.reference;
        let typ = if cal.hour.is_some() || cal.pod.is_some() { TimexType::Time } else { TimexType::Date };
        // seasons
        if let Some(s) = cal.season {
            let year = cal.year.or_else(|| {
                let r = r?;
                let (start, end) = season_months(s);
                if cal.this {
                    Some(r.year)
                } else if cal.dir < 0 {
                    // the last one that is over
                    Some(if r.month > end && s != "WI" { r.year } else { r.year - 1 })
                } else if cal.dir > 0 {
                    Some(if r.month < start { r.year } else { r.year + 1 })
                } else {
                    None
                }
            });
            let v = match year {
                Some(y) => format!("{y:04}-{s}"),
                None => format!("XXXX-{s}"),
            };
            let mut o = Out::new(Some(v), "season", typ, cal.year.is_none() && year.is_some());
            o.point = year.map(|y| (y, None, None));
            return o;
        }
        // "today", "tomorrow" with their time
        if let Some(n) = cal.rel_days {
            let Some(r) = r else { return Out::new(None, "day", typ, true) };
            let (y, m) = add_months(r.year, r.month, cal.shift_months);
            let (y, m, d) = civil_from_days(days_from_civil(y, m, r.day.min(days_in_month(y, m))) + n);
            return self.day_out(y, m, d, cal, typ, true);
        }
        // a day of the month alone: the month by the written weekday, else the tense, else the nearest
        if let (Some(d), None, None) = (cal.day, cal.month, cal.year) {
            let Some(r) = r else { return Out::new(Some(format!("XXXX-XX-{d:02}")), "day", typ, false) };
            let rd = days_from_civil(r.year, r.month, r.day);
            let t = self.tense(c);
            let best = (-12i64..=12)
                .map(|k| add_months(r.year, r.month, k))
                .filter(|&(y, m)| d <= days_in_month(y, m))
                .map(|(y, m)| (y, m, days_from_civil(y, m, d) - rd))
                .filter(|&(y, m, _)| cal.weekday.map_or(true, |w| weekday_of(days_from_civil(y, m, d)) == w))
                .filter(|&(_, _, delta)| cal.weekday.is_some() || (t >= 0 || delta <= 0) && (t <= 0 || delta >= 0))
                .min_by_key(|&(_, _, delta)| delta.abs());
            return match best {
                Some((y, m, _)) => self.day_out(y, m, d, cal, typ, true),
                None => Out::new(None, "invalid", typ, true),
            };
        }
        // a weekday alone
        if cal.weekday.is_some() && cal.day.is_none() && cal.month.is_none() && cal.year.is_none() {
            let w = cal.weekday.unwrap_or(1);
            let Some(r) = r else {
                // "2 days after Friday" is no weekday of its own
                return Out::new((cal.shift_days == 0).then(|| format!("XXXX-WXX-{w}")), "day", typ, false);
            };
            let rd = days_from_civil(r.year, r.month, r.day);
            let rw = weekday_of(rd);
            let back = i64::from((rw + 7 - w) % 7); // days back to the last such day (0 = today)
            let fwd = i64::from((w + 7 - rw) % 7);
            let delta = if let Some(n) = cal.week {
                i64::from(n) * 7 + i64::from(w) - i64::from(rw)
            } else if cal.this {
                i64::from(w) - i64::from(rw)
            } else if cal.dir < 0 {
                -(if back == 0 { 7 } else { back })
            } else if cal.dir > 0 {
                if fwd == 0 { 7 } else { fwd }
            } else {
                match self.tense(c) {
                    t if t < 0 => -back,
                    t if t > 0 => fwd,
                    _ => {
                        if back <= fwd {
                            -back
                        } else {
                            fwd
                        }
                    }
                }
            };
            let (y, m, d) = civil_from_days(rd + delta + cal.shift_days);
            if cal.weekend {
                let (iy, wk) = iso_week(y, m, d);
                return Out::new(Some(format!("{iy:04}-W{wk:02}-WE")), "weekend", typ, true);
            }
            return self.day_out(y, m, d, cal, typ, true);
        }
        // day and month (with or without year)
        if let (Some(m), Some(d)) = (cal.month, cal.day) {
            let (y, rel) = match (cal.year, r) {
                (Some(y), _) => (Some(y), false),
                (None, Some(r)) => (Some(self.infer_day_year(m, d, cal, c, r)), true),
                (None, None) => (None, false),
            };
            return match y {
                Some(y) if d <= days_in_month(y, m) && (cal.shift_days != 0 || cal.shift_months != 0) => {
                    // "2 months before 02/02": the date counted from
                    let (yy, mm) = add_months(y, m, cal.shift_months);
                    let (yy, mm, dd) = civil_from_days(days_from_civil(yy, mm, d.min(days_in_month(yy, mm))) + cal.shift_days);
                    let mut o = self.day_out(yy, mm, dd, cal, typ, true);
                    o.relative = true;
                    o
                }
                Some(y) if d <= days_in_month(y, m) => self.day_out(y, m, d, cal, typ, rel),
                // "29 février" in a year without one, "31 avril": no such day
                Some(_) => Out::new(None, if rel { "invalid" } else { "day" }, typ, rel),
                None => Out::new(Some(format!("XXXX-{m:02}-{d:02}")), "day", typ, false),
            };
        }
        // a month
        if let Some(m) = cal.month {
            let (y, rel) = match (cal.year, r) {
                (Some(y), _) => (Some(y), false),
                (None, Some(r)) => (Some(self.infer_year(m, None, cal.dir, c, r)), true),
                (None, None) => (None, false),
            };
            let grain = if cal.part.is_some() { "part-of-month" } else { "month" };
            return match y {
                Some(y) => {
                    let mut o = Out::new(Some(format!("{}-{m:02}", fmt_year(y))), grain, typ, rel);
                    o.point = Some((y, Some(m), None));
                    o
                }
                None => Out::new(Some(format!("XXXX-{m:02}")), grain, typ, false),
            };
        }
        if let Some(y) = cal.year {
            let mut o = Out::new(Some(fmt_year(y)), if cal.part.is_some() { "part-of-year" } else { "year" }, typ, false);
            o.point = Some((y, None, None));
            return o;
        }
        Out::new(None, "day", typ, false)
    }

    fn day_out(&self, y: i32, m: u32, d: u32, cal: &Cal, typ: TimexType, rel: bool) -> Out {
        let mut v = fmt_day(y, m, d);
        let mut grain = "day";
        if let Some(p) = cal.pod {
            v.push('T');
            v.push_str(p);
            grain = "part-of-day";
        } else if cal.hour.is_some() {
            v.push_str(&fmt_time(cal, Some((y, m, d))));
            grain = "minute";
        }
        let mut o = Out::new(Some(v), grain, typ, rel);
        o.day = Some((y, m, d));
        o.point = Some((y, Some(m), Some(d)));
        o
    }

    /// The year of a month (and day) written without one: "dernier"/"prochain" decide, else the tense of
    /// the clause (past: on or before the reference; future: on or after), else the nearest such date.
    fn infer_year(&self, m: u32, d: Option<u32>, dir: i8, c: &Cand, r: &Reference) -> i32 {
        let key = |y: i32| -> i64 {
            match d {
                Some(d) => days_from_civil(y, m, d.min(days_in_month(y, m))),
                None => i64::from(y) * 12 + i64::from(m),
            }
        };
        let rk = match d {
            Some(_) => days_from_civil(r.year, r.month, r.day),
            None => i64::from(r.year) * 12 + i64::from(r.month),
        };
        let same = r.year;
        let t = if dir != 0 { dir } else { self.tense(c) };
        match t {
            t if t < 0 => {
                if dir < 0 {
                    if key(same) < rk { same } else { same - 1 }
                } else if key(same) <= rk {
                    same
                } else {
                    same - 1
                }
            }
            t if t > 0 => {
                if dir > 0 {
                    if key(same) > rk { same } else { same + 1 }
                } else if key(same) >= rk {
                    same
                } else {
                    same + 1
                }
            }
            _ => {
                // the nearest of last year's, this year's and next year's (a month more than six months away
                // is last or next year's: "in January" said in November)
                [same - 1, same, same + 1].into_iter().min_by_key(|&y| (key(y) - rk).abs()).unwrap_or(same)
            }
        }
    }

    /// The year of a day and month written without one: the one whose weekday agrees with a written weekday,
    /// else by "dernier"/"prochain", else the nearest to the reference (the tense of the clause says little
    /// about a full date: "est fixée au 16 septembre").
    fn infer_day_year(&self, m: u32, d: u32, cal: &Cal, c: &Cand, r: &Reference) -> i32 {
        if let Some(w) = cal.weekday {
            let rk = days_from_civil(r.year, r.month, r.day);
            let fits = [r.year, r.year + 1, r.year - 1]
                .into_iter()
                .filter(|&y| d <= days_in_month(y, m) && weekday_of(days_from_civil(y, m, d)) == w)
                .min_by_key(|&y| (days_from_civil(y, m, d) - rk).abs());
            if let Some(y) = fits {
                return y;
            }
        }
        if cal.dir != 0 {
            return self.infer_year(m, Some(d), cal.dir, c, r);
        }
        let rk = days_from_civil(r.year, r.month, r.day);
        // A finite past or future verb decides ("he took office on Jan. 20"); a bare participle does not
        // ("est fixée au 16 septembre").
        let (t, strong) = self.tense_strength(c);
        if strong && t != 0 {
            let this = days_from_civil(r.year, m, d.min(days_in_month(r.year, m)));
            return if t < 0 {
                if this <= rk { r.year } else { r.year - 1 }
            } else if this >= rk {
                r.year
            } else {
                r.year + 1
            };
        }
        [r.year - 1, r.year, r.year + 1]
            .into_iter()
            .min_by_key(|&y| (days_from_civil(y, m, d.min(days_in_month(y, m))) - rk).abs())
            .unwrap_or(r.year)
    }

    /// The candidate whose day a bare time takes: a day-naming date of the same sentence, the one before
    /// first, else the first one after.
    fn host_day(&self, cands: &[Cand], outs: &[Option<Out>], k: usize) -> Option<usize> {
        let sent = self.toks[cands[k].a].sent;
        let names_day = |h: usize| outs[h].as_ref().is_some_and(|o| o.day.is_some());
        // at most a few neighbours each way: a sentence listing thousands of times stays linear
        (0..k)
            .rev()
            .take(8)
            .take_while(|&h| self.toks[cands[h].a].sent == sent)
            .find(|&h| names_day(h))
            .or_else(|| (k + 1..cands.len()).take(8).take_while(|&h| self.toks[cands[h].a].sent == sent).find(|&h| names_day(h)))
    }

    /// Only "à", "at", "le", "on", a comma, a bound or "vers" (or nothing) between a date and its time.
    fn adjacent(&self, x: &Cand, y: &Cand) -> bool {
        let (first, second) = if x.b <= y.a { (x, y) } else { (y, x) };
        if second.a < first.b || second.a - first.b > 2 {
            return false;
        }
        // "tomorrow before 4pm", "demain vers 16 h": the day carries the time its bound or approximation names
        (first.b..second.a).all(|i| {
            matches!(self.toks[i].norm(), "a" | "at" | "le" | "on" | "," | "-" | "vers" | "avant" | "apres" | "around" | "before" | "after" | "by")
        })
    }

    /// Past (-1), future (+1) or unknown (0): the nearest tense cue around the expression in its sentence.
    fn tense(&self, c: &Cand) -> i8 {
        self.tense_strength(c).0
    }

    /// The nearest tense cue and whether it is a finite verb form (not a participle alone). The verb of
    /// the date's own clause wins over one beyond a comma: in "doit voter le plan le 3 décembre, a précisé
    /// la porte-parole" or "will return on Monday, the union said" the postposed reporting verb does not
    /// date the event; only a clause without any cue ("Jeudi, il a déclaré") looks past its commas.
    fn tense_strength(&self, c: &Cand) -> (i8, bool) {
        self.tense_within(c, true).or_else(|| self.tense_within(c, false)).unwrap_or((0, false))
    }

    /// The nearest cue at most 12 tokens away in the sentence; with `clause`, not past a clause boundary.
    fn tense_within(&self, c: &Cand, clause: bool) -> Option<(i8, bool)> {
        let sent = self.toks[c.a].sent;
        let (mut left_open, mut right_open) = (true, true);
        for dist in 1..=12usize {
            for (left, i) in [(true, c.a.checked_sub(dist)), (false, Some(c.b - 1 + dist))] {
                let Some(i) = i else { continue };
                let Some(t) = self.toks.get(i) else { continue };
                if t.sent != sent {
                    continue;
                }
                if clause {
                    let open = if left { &mut left_open } else { &mut right_open };
                    if !*open {
                        continue;
                    }
                    if t.kind == TokenKind::Punct && matches!(t.raw, "," | ";" | ":" | "(" | ")" | "\u{2014}" | "\u{2013}") {
                        *open = false;
                        continue;
                    }
                }
                let cue = self.cue(i);
                if cue != 0 {
                    return Some((cue, !self.is_participle(i)));
                }
            }
        }
        None
    }

    fn is_participle(&self, i: usize) -> bool {
        let t = &self.toks[i];
        self.lang == Lang::Fr && (t.raw.ends_with('é') || t.raw.ends_with("ée") || t.raw.ends_with("és") || t.raw.ends_with("ées"))
    }

    fn cue(&self, i: usize) -> i8 {
        let t = &self.toks[i];
        if t.kind != TokenKind::Word {
            return 0;
        }
        let w = t.norm();
        let prev = if i > 0 { self.toks[i - 1].norm() } else { "" };
        match self.lang {
            Lang::Fr => {
                const FUT: &[&str] = &[
                    "sera", "seront", "serai", "serons", "aura", "auront", "va", "vont", "ira", "iront", "doit", "doivent", "devra",
                    "devront", "prevu", "prevue", "prevus", "prevues", "fera", "feront", "pourra", "pourront", "viendra", "tiendra",
                    "peut", "peuvent", "devrait", "devraient", "pourrait", "pourraient", "prochain", "prochaine", "prevoit",
                    "prevoient", "envisage", "envisagent",
                ];
                const PAST: &[&str] = &[
                    "ont", "avait", "avaient", "avons", "avez", "eu", "ete", "fut", "furent", "etait", "etaient", "ai", "eut", "eurent",
                ];
                static FUT_SET: LazyLock<WordSet> = LazyLock::new(|| word_set(FUT));
                static PAST_SET: LazyLock<WordSet> = LazyLock::new(|| word_set(PAST));
                if FUT_SET.contains(w) {
                    return 1;
                }
                if PAST_SET.contains(w) || t.raw == "a" || t.raw == "A" {
                    return -1;
                }
                let n = w.chars().count();
                if n >= 6 && (w.ends_with("era") || w.ends_with("eront") || w.ends_with("ira") || w.ends_with("iront") || w.ends_with("dra") || w.ends_with("dront")) && !matches!(w, "camera" | "opera" | "chimera") {
                    return 1;
                }
                if n >= 5 && (w.ends_with("ait") || w.ends_with("aient")) && !(w.ends_with("rait") || w.ends_with("raient")) {
                    return -1;
                }
                let det = matches!(prev, "la" | "le" | "l" | "les" | "une" | "un" | "des" | "du" | "de" | "d" | "cette" | "ce" | "ces" | "sa" | "son" | "ses" | "leur" | "leurs" | "notre" | "votre");
                let raw_lower_end = t.raw.ends_with('é') || t.raw.ends_with("ée") || t.raw.ends_with("és") || t.raw.ends_with("ées");
                if n >= 4 && raw_lower_end && !det && !t.cap {
                    return -1;
                }
                0
            }
            Lang::En => {
                const FUT: &[&str] = &["will", "shall", "ll", "going", "scheduled", "expected", "plans", "due", "upcoming", "tomorrow"];
                const PAST: &[&str] = &[
                    "was", "were", "had", "did", "said", "told", "ago", "yesterday", "met", "went", "came", "took", "left", "got", "spoke",
                    "gave", "made", "saw", "found", "began", "won", "lost", "held", "brought", "wrote", "ran", "fell", "rose", "struck",
                    "shot", "sent", "spent", "paid", "kept", "became", "knew", "thought", "felt", "heard", "led", "meant", "sold",
                    "stood", "fought", "caught", "taught", "bought", "built", "chose", "drove", "flew", "grew", "hid", "broke", "woke",
                ];
                static FUT_SET: LazyLock<WordSet> = LazyLock::new(|| word_set(FUT));
                static PAST_SET: LazyLock<WordSet> = LazyLock::new(|| word_set(PAST));
                if FUT_SET.contains(w) {
                    return 1;
                }
                let next = self.toks.get(i + 1).map_or("", |n| n.norm());
                // "is set to", "plan to", "aims to"; a conditional after a reporting verb looks ahead ("said the
                // backlog would take until January")
                if (w == "set" && matches!(prev, "is" | "are" | "s"))
                    || (matches!(w, "plan" | "planning" | "intends" | "intend" | "aims" | "aim") && next == "to")
                    || w == "would"
                {
                    return 1;
                }
                if PAST_SET.contains(w) {
                    return -1;
                }
                if w.len() >= 5 && w.ends_with("ed") && !t.cap && !matches!(w, "need" | "speed" | "hundred" | "indeed") {
                    return -1;
                }
                0
            }
        }
    }
}

fn unit_grain(unit: Unit, pod: Option<&'static str>, part: Option<u8>) -> &'static str {
    if pod.is_some() {
        return "part-of-day";
    }
    match (unit, part) {
        (Unit::Year, Some(_)) => "part-of-year",
        (Unit::Month, Some(_)) => "part-of-month",
        (Unit::Day, _) => "day",
        (Unit::Week | Unit::Fortnight, _) => "week",
        (Unit::Weekend, _) => "weekend",
        (Unit::Month, _) => "month",
        (Unit::Quarter, _) => "quarter",
        (Unit::Semester, _) => "semester",
        (Unit::Year, _) => "year",
        (Unit::Decade, _) => "decade",
        (Unit::Century, _) => "century",
        _ => "minute",
    }
}

fn season_months(s: &str) -> (u32, u32) {
    match s {
        "SP" => (3, 6),
        "SU" => (6, 9),
        "FA" => (9, 12),
        _ => (12, 3),
    }
}

fn fmt_day(y: i32, m: u32, d: u32) -> String {
    format!("{}-{m:02}-{d:02}", fmt_year(y))
}

/// A year, TIMEX3 style: `0088`, `2017`, `BC0234`.
fn fmt_year(y: i32) -> String {
    if y < 0 {
        format!("BC{:04}", y.unsigned_abs())
    } else {
        format!("{y:04}")
    }
}

/// `THH:MM:SS[±HH:MM]`; on `day`, a zone with a daylight-saving rule takes its summer offset when due.
fn fmt_time(cal: &Cal, day: Option<(i32, u32, u32)>) -> String {
    // Seconds are always written: "T13:27:00" still reads as "T13:27" to TIMEX3 consumers that truncate.
    let hour = cal.hour.unwrap_or(0);
    let mut s = format!("T{:02}:{:02}:{:02}", hour, cal.minute.unwrap_or(0), cal.second.unwrap_or(0));
    let summer = match (cal.dst, day) {
        (Some(rule), Some((y, m, d))) => in_summer_time(rule, y, m, d, hour),
        _ => false,
    };
    if let Some(tz) = cal.tz.map(|tz| if summer { tz + 60 } else { tz }) {
        if tz == 0 {
            s.push('Z');
        } else {
            let sign = if tz < 0 { '-' } else { '+' };
            s.push_str(&format!("{sign}{:02}:{:02}", tz.abs() / 60, tz.abs() % 60));
        }
    }
    s
}

/// Is local time `hour` on `y-m-d` summer time under `rule`? "us": from the second Sunday of March (02:00)
/// to the first Sunday of November (02:00); "eu": from the last Sunday of March (02:00) to the last Sunday of
/// October (03:00).
fn in_summer_time(rule: &str, y: i32, m: u32, d: u32, hour: u32) -> bool {
    // day of month of the n-th Sunday (n = 0: the last one)
    let sunday = |month: u32, n: u32| -> u32 {
        if n == 0 {
            let last = days_in_month(y, month);
            last - weekday_of(days_from_civil(y, month, last)) % 7
        } else {
            1 + (7 - weekday_of(days_from_civil(y, month, 1)) % 7) % 7 + 7 * (n - 1)
        }
    };
    let ((sm, sn, sh), (em, en, eh)) = match rule {
        "us" => ((3, 2, 2), (11, 1, 2)),
        "eu" => ((3, 0, 2), (10, 0, 3)),
        _ => return false,
    };
    let (start, end) = ((sm, sunday(sm, sn)), (em, sunday(em, en)));
    let today = (m, d);
    (today > start || (today == start && hour >= sh)) && (today < end || (today == end && hour < eh))
}

/// TIMEX3 duration: P2Y, P3M, P1W, P20D, PT1H, PT30.4S, PXD (unknown amount).
fn duration_value(n: Option<f64>, unit: Unit) -> String {
    let (amount_mult, code, time) = match unit {
        Unit::Second => (1.0, "S", true),
        Unit::Minute => (1.0, "M", true),
        Unit::Hour => (1.0, "H", true),
        Unit::Day => (1.0, "D", false),
        Unit::Week => (1.0, "W", false),
        Unit::Weekend => (1.0, "WE", false),
        Unit::Fortnight => (2.0, "W", false),
        Unit::Month => (1.0, "M", false),
        Unit::Quarter => (1.0, "Q", false),
        Unit::Semester => (6.0, "M", false),
        Unit::Year => (1.0, "Y", false),
        Unit::Decade => (1.0, "DE", false),
        Unit::Century => (1.0, "CE", false),
    };
    // "une demi-heure", "half an hour": PT30M rather than PT0.5H
    if let (Some(v), Unit::Hour) = (n, unit) {
        if v.fract() != 0.0 && (v * 60.0).fract() == 0.0 {
            return format!("PT{}M", (v * 60.0) as i64);
        }
    }
    let amount = match n {
        None => "X".to_string(),
        Some(v) => {
            let v = v * amount_mult;
            if v.fract() == 0.0 {
                format!("{}", v as i64)
            } else {
                three_decimals(v).trim_end_matches('0').to_string()
            }
        }
    };
    format!("P{}{amount}{code}", if time { "T" } else { "" })
}

/// `format!("{v:.3}")` for the amounts of durations (finite, non-negative), in integers: float formatting
/// would bring ~16 kB of code into the WebAssembly module for this one use. The same rounding: of the exact
/// binary value (v = mantissa / 2^shift), ties to even.
fn three_decimals(v: f64) -> String {
    let bits = v.to_bits();
    let exponent = ((bits >> 52) & 0x7ff) as i32;
    let fraction = bits & ((1 << 52) - 1);
    let (mantissa, shift) = if exponent == 0 { (fraction, 1074) } else { (fraction | 1 << 52, 1075 - exponent) };
    let scaled = u128::from(mantissa) * 1000;
    let thousandths = match shift {
        ..=0 => scaled << (-shift).min(64),
        128.. => 0,
        _ => {
            let (quotient, rest, half) = (scaled >> shift, scaled & ((1 << shift) - 1), 1u128 << (shift - 1));
            quotient + u128::from(rest > half || (rest == half && quotient & 1 == 1))
        }
    };
    // (u64 from here: formatting a u128 would bring its own division routine.)
    let thousandths = thousandths as u64;
    format!("{}.{:03}", thousandths / 1000, thousandths % 1000)
}

/// TIMEX3 duration of a length in seconds (`P1DT2H30M`) or in months (`P1Y6M`), zero parts left out.
fn compound_value(total: i64, months: bool) -> String {
    let mut v = String::from("P");
    if months {
        for (n, code) in [(total / 12, 'Y'), (total % 12, 'M')] {
            if n != 0 {
                v.push_str(&format!("{n}{code}"));
            }
        }
    } else {
        let days = total / 86_400;
        if days != 0 {
            v.push_str(&format!("{days}D"));
        }
        let rest = total % 86_400;
        if rest != 0 {
            v.push('T');
            for (n, code) in [(rest / 3600, 'H'), (rest % 3600 / 60, 'M'), (rest % 60, 'S')] {
                if n != 0 {
                    v.push_str(&format!("{n}{code}"));
                }
            }
        }
    }
    if v.len() == 1 {
        v.push_str(if months { "0M" } else { "T0S" });
    }
    v
}

fn add_months(y: i32, m: u32, n: i64) -> (i32, u32) {
    let total = i64::from(y) * 12 + i64::from(m) - 1 + n;
    (total.div_euclid(12) as i32, (total.rem_euclid(12) + 1) as u32)
}

/// 1 (Monday) – 7 (Sunday) of a day count since 1970-01-01 (a Thursday).
fn weekday_of(days: i64) -> u32 {
    ((days + 3).rem_euclid(7) + 1) as u32
}

/// ISO 8601 week-numbering year and week of a date.
pub fn iso_week(y: i32, m: u32, d: u32) -> (i32, u32) {
    let days = days_from_civil(y, m, d);
    let wd = i64::from(weekday_of(days));
    let thursday = days - wd + 4;
    let (ty, _, _) = civil_from_days(thursday);
    let week = (thursday - days_from_civil(ty, 1, 1)) / 7 + 1;
    (ty, week as u32)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn three_decimals_agrees_with_the_formatter() {
        // Amounts as texts write them (up to four decimals), those times a duration's multipliers, and exact
        // binary ties (/16, /1024).
        for int in [0u32, 1, 2, 7, 30, 99, 365, 1000, 65_535, 999_999] {
            for frac in (0..10_000).step_by(7).chain([5, 50, 500, 125, 375, 625, 875, 4999, 5001]) {
                let v: f64 = format!("{int}.{frac:04}").parse().unwrap();
                for v in [v, v * 2.0, v * 6.0, v / 16.0, v / 1024.0] {
                    assert_eq!(three_decimals(v), format!("{v:.3}"), "{v}");
                }
            }
        }
    }

    #[test]
    fn iso_weeks() {
        for (y, m, d, iy, w) in [(2017, 11, 24, 2017, 47), (2017, 3, 3, 2017, 9), (2016, 1, 1, 2015, 53), (2018, 12, 31, 2019, 1), (2017, 1, 1, 2016, 52)] {
            assert_eq!(iso_week(y, m, d), (iy, w), "{y}-{m}-{d}");
        }
    }

    #[test]
    fn durations() {
        for (n, u, v) in [(Some(2.0), Unit::Year, "P2Y"), (Some(30.4), Unit::Second, "PT30.4S"), (None, Unit::Day, "PXD"), (None, Unit::Decade, "PXDE"), (Some(1.0), Unit::Week, "P1W")] {
            assert_eq!(duration_value(n, u), v);
        }
    }
}
