// The NewsLens panel: who said what (speakers by number of quotes), the gender balance of quoted people, a
// timeline of resolved dates and the entities by type, drawn from one newslens/1 analysis. Page text is only
// ever set through textContent.
//
// No extension API here: the www demo page draws its aside with it, the extension its side panel.

import { dateInWords } from './timex.js';

const LABELS = {
  fr: {
    who: 'Qui a dit quoi', unknownSource: 'source inconnue', direct: 'citation', reported: 'rapporté', mixed: 'mixte',
    noQuote: 'Aucune citation détectée.', balance: 'Genre des personnes citées', quotes: 'Citations', speakers: 'Sources',
    female: 'Femmes', male: 'Hommes', unknown: 'Inconnu', noPerson: 'Aucune personne citée.',
    timeline: 'Chronologie', noDate: 'Aucune date résolue.', entities: 'Entités',
    types: { person: 'Personnes', organization: 'Organisations', location: 'Lieux', other: 'Autres' },
    byGender: (what, legend) => `${what} par genre : ${legend}`,
  },
  en: {
    who: 'Who said what', unknownSource: 'unknown source', direct: 'quote', reported: 'reported', mixed: 'mixed',
    noQuote: 'No quote found.', balance: 'Gender of quoted people', quotes: 'Quotes', speakers: 'Sources',
    female: 'Women', male: 'Men', unknown: 'Unknown', noPerson: 'No person quoted.',
    timeline: 'Timeline', noDate: 'No resolved date.', entities: 'Entities',
    types: { person: 'People', organization: 'Organisations', location: 'Places', other: 'Other' },
    byGender: (what, legend) => `${what} by gender: ${legend}`,
  },
};

/** The labels for a language tag ("fr", "fr-FR", "en"…); English by default. */
export const labelsFor = (lang) => LABELS[(lang || '').slice(0, 2)] || LABELS.en;

const GENDERS = ['female', 'male', 'unknown'];
// The bar is styled inline so it reads the same wherever the panel is drawn (demo page, side panel).
const COLOURS = { female: '#b0306e', male: '#2f62b8', unknown: '#999' };

/**
 * Quotes and distinct speakers by gender, among quotes whose speaker is a person entity:
 * `{quotes: {female, male, unknown}, speakers: {female, male, unknown}}`.
 */
export function genderBalance(analysis) {
  const people = new Map(analysis.entities.filter((e) => e.type === 'person').map((e) => [e.id, e]));
  const zero = () => ({ female: 0, male: 0, unknown: 0 });
  const quotes = zero();
  const speakers = zero();
  const seen = new Set();
  for (const q of analysis.quotes) {
    const person = q.speaker && people.get(q.speaker);
    if (!person) continue;
    const g = person.gender === 'female' || person.gender === 'male' ? person.gender : 'unknown';
    quotes[g] += 1;
    if (!seen.has(person.id)) {
      seen.add(person.id);
      speakers[g] += 1;
    }
  }
  return { quotes, speakers };
}

/** Speakers ordered by number of quotes (then by first quote): `[{key, name, entity, quotes}]`. */
export function speakersOf(analysis, lang) {
  const L = labelsFor(lang);
  const bySpeaker = new Map();
  for (const q of analysis.quotes) {
    const key = q.speaker || q.speaker_name || '';
    if (!bySpeaker.has(key)) bySpeaker.set(key, { key, name: q.speaker_name || L.unknownSource, entity: q.speaker, quotes: [] });
    bySpeaker.get(key).quotes.push(q);
  }
  // Array.prototype.sort is stable: equal counts keep the order of first appearance.
  return [...bySpeaker.values()].sort((a, b) => b.quotes.length - a.quotes.length);
}

/** Dates that belong on a timeline (calendar dates and times with a value), in chronological order. */
export function timelineOf(analysis) {
  return analysis.dates
    .filter((d) => d.value && /^\d{4}/.test(d.value) && (d.type === 'date' || d.type === 'time' || !d.type))
    .map((d, k) => ({ d, k }))
    .sort((a, b) => (a.d.value < b.d.value ? -1 : a.d.value > b.d.value ? 1 : a.k - b.k))
    .map(({ d }) => d);
}

function el(doc, tag, className, text) {
  const e = doc.createElement(tag);
  if (className) e.className = className;
  if (text != null) e.textContent = text;
  return e;
}

/**
 * Draw the panel for `analysis` into `container` (its children are replaced). `lang` defaults to the
 * analysis's language; `onJump(item, kind)` is called when a quote, date or entity button is pressed, with the
 * analysis item (quotes and dates have start/end; an entity's first mention is item.mentions[0]) and its kind ('quote' | 'date' | entity type).
 */
export function renderPanel(container, analysis, { lang, onJump } = {}) {
  const doc = container.ownerDocument;
  const language = lang || analysis.lang;
  const L = labelsFor(language);
  const jump = (label, item, kind) => {
    const b = el(doc, 'button', 'jump', label);
    b.type = 'button';
    if (onJump) b.addEventListener('click', () => onJump(item, kind));
    else b.disabled = true;
    return b;
  };
  const section = (title, name) => {
    const s = el(doc, 'section', `newslens-${name}`);
    s.append(el(doc, 'h2', null, title));
    container.append(s);
    return s;
  };
  container.replaceChildren();

  // Who said what.
  const who = section(L.who, 'who');
  const speakers = speakersOf(analysis, language);
  if (!speakers.length) who.append(el(doc, 'p', 'empty', L.noQuote));
  for (const s of speakers) {
    const h = el(doc, 'h3', 'speaker', `${s.name} (${s.quotes.length})`);
    const ol = el(doc, 'ol', 'quotes');
    for (const q of s.quotes) {
      // Direct quotes are the speaker's words; reported ones the journalist's: marked apart.
      const kind = q.kind === 'direct' ? 'direct' : q.kind === 'mixed' ? 'mixed' : 'reported';
      const li = el(doc, 'li', `quote ${kind}`);
      li.dataset.kind = kind;
      const text = q.text.length > 140 ? `${q.text.slice(0, 139)}…` : q.text;
      li.append(el(doc, 'span', 'kind', L[kind]), ' ', jump(kind === 'direct' ? `« ${text} »` : text, q, 'quote'));
      ol.append(li);
    }
    who.append(h, ol);
  }

  // Gender balance of quoted people.
  const balance = section(L.balance, 'balance');
  const { quotes, speakers: sources } = genderBalance(analysis);
  const total = GENDERS.reduce((n, g) => n + quotes[g], 0);
  if (!total) balance.append(el(doc, 'p', 'empty', L.noPerson));
  else {
    for (const [what, counts] of [[L.quotes, quotes], [L.speakers, sources]]) {
      const legend = GENDERS.map((g) => `${L[g]} ${counts[g]}`).join(' · ');
      const sum = GENDERS.reduce((n, g) => n + counts[g], 0);
      const fig = el(doc, 'figure', 'gender');
      const bar = el(doc, 'div', 'bar');
      Object.assign(bar.style, { display: 'flex', height: '0.9em', borderRadius: '3px', overflow: 'hidden', background: '#eee' });
      bar.setAttribute('role', 'img');
      bar.setAttribute('aria-label', L.byGender(what, legend));
      for (const g of GENDERS) {
        if (!counts[g]) continue;
        const part = el(doc, 'div', `part ${g}`);
        part.dataset.gender = g;
        part.dataset.count = String(counts[g]);
        Object.assign(part.style, { width: `${(100 * counts[g]) / sum}%`, background: COLOURS[g] });
        part.title = `${L[g]} ${counts[g]}`;
        bar.append(part);
      }
      const caption = el(doc, 'figcaption');
      caption.append(el(doc, 'strong', null, `${what} `), el(doc, 'span', 'legend', legend));
      fig.append(bar, caption);
      balance.append(fig);
    }
  }

  // Timeline.
  const timeline = section(L.timeline, 'timeline');
  const dated = timelineOf(analysis);
  if (!dated.length) timeline.append(el(doc, 'p', 'empty', L.noDate));
  const ol = el(doc, 'ol', 'dates');
  // One line per moment; each phrase naming it ("jeudi", "le 2 mars") is a button.
  let li = null;
  for (const d of dated) {
    const when = dateInWords(d, language);
    if (!li || li.dataset.value !== d.value || li.dataset.when !== when) {
      li = el(doc, 'li', 'date');
      li.dataset.value = d.value;
      li.dataset.when = when;
      li.append(el(doc, 'span', 'when', when));
      ol.append(li);
    }
    li.append(' ', jump(`« ${d.text} »`, d, 'date'));
  }
  timeline.append(ol);

  // Entities by type, most mentioned first.
  const entities = section(L.entities, 'entities');
  for (const [type, label] of Object.entries(L.types)) {
    const list = analysis.entities.filter((e) => e.type === type).sort((a, b) => b.mentions.length - a.mentions.length);
    if (!list.length) continue;
    const ul = el(doc, 'ul', `entities ${type}`);
    for (const e of list) {
      const li = el(doc, 'li', 'entity');
      li.append(jump(e.name, e, type));
      if (e.aliases.length) li.append(' ', el(doc, 'span', 'aliases', `(${e.aliases.join(', ')})`));
      li.append(' ', el(doc, 'span', 'count', `×${e.mentions.length}`));
      ul.append(li);
    }
    entities.append(el(doc, 'h3', null, label), ul);
  }
}
