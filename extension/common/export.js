// Export the current article's analysis: JSON (newslens/1, as analysed), Markdown (who said what, with the
// dates around each quote) and CSV (one quote a row). Pure functions of the analysis: the popup, the side
// panel and the tests call them alike.
//
// No extension API here.

import { speakersOf } from './panel.js';
import { dateInWords } from './timex.js';

/** The analysis as pretty JSON, with the page's address added (`url`, a field the schema allows adding). */
export function toJson(analysis, { url } = {}) {
  return `${JSON.stringify(url ? { ...analysis, url } : analysis, null, 2)}\n`;
}

/** Where the sentence holding [start, end) begins and ends in `text` (sentence ends: . ! ? … and line breaks). */
export function sentenceAround(text, start, end) {
  let from = start;
  while (from > 0 && !/[.!?…\n]/.test(text[from - 1])) from -= 1;
  let to = end;
  while (to < text.length && !/[.!?…\n]/.test(text[to])) to += 1;
  return [from, Math.min(text.length, to + 1)];
}

/**
 * The dates said around a quote (in the sentence holding the quote and its cue), as
 * `[{text, value, words}]` in text order: what "date context" means in the exports.
 */
export function datesAround(analysis, q, lang = analysis.lang) {
  const lo = Math.min(q.start, q.cue ? q.cue.start : q.start, q.speaker_mention ? q.speaker_mention.start : q.start);
  const hi = Math.max(q.end, q.cue ? q.cue.end : q.end, q.speaker_mention ? q.speaker_mention.end : q.end);
  const [from, to] = sentenceAround(analysis.text || '', lo, hi);
  return (analysis.dates || [])
    .filter((d) => d.start >= from && d.end <= to)
    .map((d) => ({ text: d.text, value: d.value, words: d.value ? dateInWords(d, lang) : '' }));
}

const KIND = { direct: 'direct', indirect: 'reported', mixed: 'mixed' };

/** One quote's date context as one string: `jeudi (2017-03-02); l'an dernier (2016)`. */
const contextOf = (dates) => dates.map((d) => (d.value ? `${d.text} (${d.value})` : d.text)).join('; ');

/**
 * One CSV field (RFC 4180): quoted when it holds a comma, a quotation mark, a line break or leading or
 * trailing spaces, with quotation marks doubled. A leading = + - @ (or tab, CR) is prefixed with ' so
 * that a spreadsheet never reads page text as a formula (OWASP "CSV injection").
 */
export function csvField(value) {
  let s = value == null ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** CSV, one quote a row: speaker, kind, quote, cue, date context, URL (CRLF line ends, per RFC 4180). */
export function toCsv(analysis, { url = '' } = {}) {
  const rows = [['speaker', 'kind', 'quote', 'cue', 'date_context', 'url']];
  for (const q of analysis.quotes || []) {
    rows.push([q.speaker_name || '', KIND[q.kind] || q.kind, q.text, q.cue ? q.cue.text : '', contextOf(datesAround(analysis, q)), url]);
  }
  return `${rows.map((r) => r.map(csvField).join(',')).join('\r\n')}\r\n`;
}

const MD = {
  fr: { who: 'Qui a dit quoi', dates: 'Dates', source: 'Source', published: 'Publié (référence)', direct: 'citation', reported: 'rapporté', mixed: 'mixte', unknown: 'source inconnue', none: 'Aucune citation détectée.', around: 'dates' },
  en: { who: 'Who said what', dates: 'Dates', source: 'Source', published: 'Published (reference)', direct: 'quote', reported: 'reported', mixed: 'mixed', unknown: 'unknown source', none: 'No quote found.', around: 'dates' },
};

/** Markdown text is page text: escape what Markdown would read as markup. */
const mdEscape = (s) => String(s || '').replace(/([\\`*_[\]<>#|])/g, '\\$1').replace(/\s+/g, ' ').trim();

/** Markdown: who said what (speakers by number of quotes, each quote with its cue and dates), in the article's language. */
export function toMarkdown(analysis, { url = '' } = {}) {
  const lang = (analysis.lang || 'en').slice(0, 2);
  const L = MD[lang] || MD.en;
  const lines = [`# ${mdEscape(analysis.title || L.who)}`, ''];
  if (url) lines.push(`${L.source}: <${url}>  `);
  if (analysis.reference) lines.push(`${L.published}: ${analysis.reference}`);
  lines.push('', `## ${L.who}`, '');
  const speakers = speakersOf(analysis, lang);
  if (!speakers.length) lines.push(L.none, '');
  for (const s of speakers) {
    lines.push(`### ${mdEscape(s.name)} (${s.quotes.length})`, '');
    for (const q of s.quotes) {
      const kind = KIND[q.kind] || 'reported';
      const words = kind === 'reported' ? mdEscape(q.text) : `« ${mdEscape(q.text)} »`;
      const cue = q.cue ? ` — *${mdEscape(q.cue.text)}*` : '';
      const dates = datesAround(analysis, q, lang).filter((d) => d.value);
      const when = dates.length ? ` (${L.around}: ${dates.map((d) => `${mdEscape(d.text)} = ${mdEscape(d.words || d.value)}`).join('; ')})` : '';
      lines.push(`- **${L[kind]}** ${words}${cue}${when}`);
    }
    lines.push('');
  }
  return `${lines.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}

/** A file name for an export: the page's title (or "newslens"), ASCII-safe, with the extension. */
export function fileName(analysis, ext) {
  const base = (analysis.title || 'newslens').normalize('NFD').replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60).toLowerCase() || 'newslens';
  return `${base}.${ext}`;
}

/** The three exports of an analysis: `{json, md, csv}` → `{name, type, text}`. */
export function exportsOf(analysis, options = {}) {
  return {
    json: { name: fileName(analysis, 'json'), type: 'application/json', text: toJson(analysis, options) },
    md: { name: fileName(analysis, 'md'), type: 'text/markdown', text: toMarkdown(analysis, options) },
    csv: { name: fileName(analysis, 'csv'), type: 'text/csv', text: toCsv(analysis, options) },
  };
}
