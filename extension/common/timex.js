// TIMEX3 values in words, in the page's language: "2017-03-02" → "jeudi 2 mars 2017" (fr) or
// "Thursday, March 2, 2017" (en). Calendar names come from Intl (CLDR), not from our own tables; only the
// few TIMEX3 notions Intl has no name for (parts of day, seasons, vague references, duration units) are here.
//
// No extension API here: the www demo page imports this module too.

const WORDS = {
  fr: {
    parts: { MO: 'matin', AF: 'après-midi', EV: 'soir', NI: 'nuit', DT: 'journée' },
    seasons: { SP: 'printemps', SU: 'été', FA: 'automne', WI: 'hiver' },
    refs: { PAST_REF: 'dans le passé', PRESENT_REF: 'maintenant', FUTURE_REF: 'dans le futur' },
    week: (w, y) => `semaine ${w} de ${y}`,
    quarter: (q, y) => `${q}${q === 1 ? 'er' : 'e'} trimestre ${y}`,
    half: (h, y) => `${h === 1 ? '1er' : '2e'} semestre ${y}`,
    weekend: (w, y) => `week-end de la semaine ${w} de ${y}`,
    decade: (d) => `années ${d}0`,
    century: (c) => `${c + 1}e siècle`,
    units: { Y: ['an', 'ans'], M: ['mois', 'mois'], W: ['semaine', 'semaines'], D: ['jour', 'jours'], H: ['heure', 'heures'], MIN: ['minute', 'minutes'], S: ['seconde', 'secondes'], DE: ['décennie', 'décennies'], CE: ['siècle', 'siècles'] },
    some: 'quelques',
    every: 'chaque',
    timeOfUnknownDay: 'à',
    // How a date relates to the reference it was resolved against.
    anchor: { now: "l'heure de lecture", other: 'la publication' },
    same: { day: (a) => `le jour de ${a}`, week: (a) => `la semaine de ${a}`, month: (a) => `le mois de ${a}`, year: (a) => `l'année de ${a}` },
    eve: (a) => `la veille de ${a}`,
    morrow: (a) => `le lendemain de ${a}`,
    offset: (n, unit, before, a) => `${n} ${unit} ${before ? 'avant' : 'après'} ${a}`,
    relUnits: { minute: ['minute', 'minutes'], hour: ['heure', 'heures'], day: ['jour', 'jours'], week: ['semaine', 'semaines'], month: ['mois', 'mois'], year: ['an', 'ans'] },
    reference: 'référence',
    sources: { cli: 'fournie par l’appelant', meta: 'métadonnées de la page', text: 'date en tête de l’article', now: 'aucune date de publication trouvée : heure de lecture' },
  },
  en: {
    parts: { MO: 'morning', AF: 'afternoon', EV: 'evening', NI: 'night', DT: 'daytime' },
    seasons: { SP: 'spring', SU: 'summer', FA: 'autumn', WI: 'winter' },
    refs: { PAST_REF: 'in the past', PRESENT_REF: 'now', FUTURE_REF: 'in the future' },
    week: (w, y) => `week ${w} of ${y}`,
    quarter: (q, y) => `Q${q} ${y}`,
    half: (h, y) => `H${h} ${y}`,
    weekend: (w, y) => `weekend of week ${w} of ${y}`,
    decade: (d) => `the ${d}0s`,
    century: (c) => `the ${ordinalEn(c + 1)} century`,
    units: { Y: ['year', 'years'], M: ['month', 'months'], W: ['week', 'weeks'], D: ['day', 'days'], H: ['hour', 'hours'], MIN: ['minute', 'minutes'], S: ['second', 'seconds'], DE: ['decade', 'decades'], CE: ['century', 'centuries'] },
    some: 'a few',
    every: 'every',
    timeOfUnknownDay: 'at',
    anchor: { now: 'reading time', other: 'publication' },
    same: { day: (a) => `same day as ${a}`, week: (a) => `same week as ${a}`, month: (a) => `same month as ${a}`, year: (a) => `same year as ${a}` },
    eve: (a) => `1 day before ${a}`,
    morrow: (a) => `1 day after ${a}`,
    offset: (n, unit, before, a) => `${n} ${unit} ${before ? 'before' : 'after'} ${a}`,
    relUnits: { minute: ['minute', 'minutes'], hour: ['hour', 'hours'], day: ['day', 'days'], week: ['week', 'weeks'], month: ['month', 'months'], year: ['year', 'years'] },
    reference: 'reference',
    sources: { cli: 'given by the caller', meta: 'page metadata', text: 'dateline of the article', now: 'no publication date found: reading time' },
  },
};

function ordinalEn(n) {
  const s = ['th', 'st', 'nd', 'rd'];
  const v = n % 100;
  return n + (s[(v - 20) % 10] || s[v] || s[0]);
}

const words = (lang) => WORDS[(lang || 'en').slice(0, 2)] || WORDS.en;
const locale = (lang) => (WORDS[(lang || '').slice(0, 2)] ? lang.slice(0, 2) : 'en');

// Dates are civil dates with no time zone: format them in UTC so the reader's zone cannot shift the day.
const fmt = (lang, opts, y, m = 1, d = 1, hh = 0, mm = 0) =>
  new Intl.DateTimeFormat(locale(lang), { timeZone: 'UTC', ...opts }).format(new Date(Date.UTC(y, m - 1, d, hh, mm)));

/** A TIMEX3 value in words; the value itself when it is not one this function knows. */
export function timexInWords(value, lang) {
  if (!value) return '';
  const w = words(lang);
  let m;
  if (w.refs[value]) return w.refs[value];
  if ((m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::\d{2})?|T(MO|AF|EV|NI|DT))?$/.exec(value))) {
    const [y, mo, d] = [+m[1], +m[2], +m[3]];
    const day = fmt(lang, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }, y, mo, d);
    if (m[4] !== undefined) return `${day}, ${fmt(lang, { hour: '2-digit', minute: '2-digit' }, y, mo, d, +m[4], +m[5])}`;
    if (m[6]) return `${day} (${w.parts[m[6]]})`;
    return day;
  }
  if ((m = /^(\d{4})-(\d{2})$/.exec(value))) return fmt(lang, { month: 'long', year: 'numeric' }, +m[1], +m[2]);
  if ((m = /^(\d{4})-W(\d{2})(-WE)?$/.exec(value))) return (m[3] ? w.weekend : w.week)(+m[2], m[1]);
  if ((m = /^(\d{4})-(SP|SU|FA|WI)$/.exec(value))) return `${w.seasons[m[2]]} ${m[1]}`;
  if ((m = /^(\d{4})-Q([1-4])$/.exec(value))) return w.quarter(+m[2], m[1]);
  if ((m = /^(\d{4})-H([12])$/.exec(value))) return w.half(+m[2], m[1]);
  if ((m = /^(\d{4})$/.exec(value))) return m[1];
  if ((m = /^(\d{3})$/.exec(value))) return w.decade(m[1]);
  if ((m = /^(\d{2})$/.exec(value))) return w.century(+m[1]);
  if ((m = /^T(\d{2}):(\d{2})(?::\d{2})?$/.exec(value))) return `${w.timeOfUnknownDay} ${fmt(lang, { hour: '2-digit', minute: '2-digit' }, 2000, 1, 1, +m[1], +m[2])}`;
  if ((m = /^PT?(\d+|X)(Y|M|W|D|H|MIN|S|DE|CE)$/.exec(value.replace(/^PT(\d+|X)M$/, 'PT$1MIN')))) {
    const [one, many] = w.units[m[2]];
    if (m[1] === 'X') return `${w.some} ${many}`;
    return `${m[1]} ${+m[1] === 1 ? one : many}`;
  }
  return value;
}

/** "value – until" in words, for ranges ("du 13 au 15 juillet"). */
export function dateInWords(date, lang) {
  const from = timexInWords(date.value, lang);
  return date.until ? `${from} – ${timexInWords(date.until, lang)}` : from;
}

// ---------------------------------------------------------------------------------------------- relations

const dayNumber = (y, m, d) => Math.floor(Date.UTC(y, m - 1, d) / 86400000);

/** The ISO week's Monday of a year and week number, as a day number. */
function isoWeekMonday(y, w) {
  const jan4 = dayNumber(y, 1, 4);
  const jan4Weekday = (new Date(jan4 * 86400000).getUTCDay() + 6) % 7; // 0 = Monday
  return jan4 - jan4Weekday + (w - 1) * 7;
}

/**
 * How a TIMEX3 value stands to the reference (`YYYY-MM-DDTHH:MM[:SS]`) it was resolved against, in words:
 * "la veille de la publication", "3 years before publication", "same day as publication". `source` is the
 * analysis' `reference_source` ("now" speaks of reading time, the others of publication). Empty when the
 * value is no calendar point (durations, sets, vague references) or the reference is unknown.
 */
export function relationInWords(value, reference, source, lang) {
  const w = words(lang);
  const r = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?/.exec(reference || '');
  if (!value || !r) return '';
  const a = source === 'now' ? w.anchor.now : w.anchor.other;
  const [ry, rm, rd, rh, rmin] = [+r[1], +r[2], +r[3], +(r[4] || 0), +(r[5] || 0)];
  const say = (n, unit) => {
    if (n === 0) return w.same[unit] ? w.same[unit](a) : '';
    const [one, many] = w.relUnits[unit];
    return w.offset(Math.abs(n), Math.abs(n) === 1 ? one : many, n < 0, a);
  };
  let m;
  if ((m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?/.exec(value))) {
    const days = dayNumber(+m[1], +m[2], +m[3]) - dayNumber(ry, rm, rd);
    if (days === 0 && m[4] !== undefined) {
      const minutes = +m[4] * 60 + +m[5] - (rh * 60 + rmin);
      if (minutes === 0) return w.same.day(a);
      return Math.abs(minutes) < 60 ? say(minutes, 'minute') : say(Math.trunc(minutes / 60), 'hour');
    }
    if (days === -1) return w.eve(a);
    if (days === 1) return w.morrow(a);
    if (days === 0) return w.same.day(a);
    if (Math.abs(days) < 14 || (Math.abs(days) < 60 && days % 7 !== 0)) return say(days, 'day');
    if (Math.abs(days) < 60) return say(days / 7, 'week');
    const months = (+m[1] - ry) * 12 + (+m[2] - rm);
    return Math.abs(months) < 24 ? say(months, 'month') : say(+m[1] - ry, 'year');
  }
  if ((m = /^(\d{4})-W(\d{2})/.exec(value))) {
    const refMonday = dayNumber(ry, rm, rd) - ((new Date(dayNumber(ry, rm, rd) * 86400000).getUTCDay() + 6) % 7);
    return say(Math.round((isoWeekMonday(+m[1], +m[2]) - refMonday) / 7), 'week');
  }
  if ((m = /^(\d{4})-(\d{2})$/.exec(value))) {
    const months = (+m[1] - ry) * 12 + (+m[2] - rm);
    return Math.abs(months) < 24 ? say(months, 'month') : say(+m[1] - ry, 'year');
  }
  if ((m = /^(\d{4})(?:-(?:SP|SU|FA|WI|Q[1-4]|H[12]))?$/.exec(value))) return say(+m[1] - ry, 'year');
  return '';
}

/** "référence : vendredi 3 mars 2017, 13:27 (métadonnées de la page)": what a date was resolved against. */
export function referenceInWords(reference, source, lang) {
  const w = words(lang);
  const m = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}):(\d{2}))?/.exec(reference || '');
  if (!m) return '';
  // a midnight reference is most often a date without its time: say the day alone
  const at = m[2] !== undefined && `${m[2]}:${m[3]}` !== '00:00' ? `${m[1]}T${m[2]}:${m[3]}` : m[1];
  const how = w.sources[source];
  return `${w.reference}${lang && lang.startsWith('fr') ? ' : ' : ': '}${timexInWords(at, lang)}${how ? ` (${how})` : ''}`;
}

/**
 * The date card's words for a date of an analysis: `title` (the resolved date in words), `lines` (the TIMEX3
 * value when it reads differently, how the date stands to the reference for a relative one, and the
 * reference with its source). Empty title when the date has no value.
 */
export function dateCard(date, analysis) {
  const lang = analysis.lang;
  const title = date.value ? dateInWords(date, lang) : '';
  const lines = [];
  const value = date.until ? `${date.value} – ${date.until}` : date.value;
  if (value && value !== title) lines.push(value);
  if (date.relative && analysis.reference) {
    const how = relationInWords(date.value, analysis.reference, analysis.reference_source, lang);
    if (how) lines.push(how);
    lines.push(referenceInWords(analysis.reference, analysis.reference_source, lang));
  }
  return { title, lines };
}
