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
  if ((m = /^T(\d{2}):(\d{2})$/.exec(value))) return `${w.timeOfUnknownDay} ${fmt(lang, { hour: '2-digit', minute: '2-digit' }, 2000, 1, 1, +m[1], +m[2])}`;
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
