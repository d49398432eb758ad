// The hover card: what NewsLens knows about the highlighted words under the pointer.
//
// It lives in a shadow root (page CSS cannot reach it) on a `newslens-card` host element; page text is only
// ever inserted with textContent, never as HTML. The shadow root is open so tests (and curious readers) can
// look inside; it holds nothing the page does not already show.
//
// No extension API here: the www demo page imports this module too.

import { dateCard } from './timex.js';

const LABELS = {
  fr: {
    quote: { direct: 'Citation', indirect: 'Discours rapporté', mixed: 'Citation partielle' },
    unknownSpeaker: 'source non identifiée',
    cue: 'verbe',
    confidence: 'confiance',
    quotesOf: (n) => (n === 1 ? '1 citation' : `${n} citations`),
    mentions: (n) => (n === 1 ? '1 mention' : `${n} mentions`),
    aliases: 'aussi',
    types: { person: 'Personne', organization: 'Organisation', location: 'Lieu', other: 'Autre' },
    date: 'Date',
    relative: 'résolue par rapport à la publication',
    unresolved: 'non résolue',
    speaker: 'Locuteur',
    colon: ' : ',
    kindShort: { direct: 'citation', indirect: 'rapporté', mixed: 'mixte' },
    keys: 'n / p : citation suivante / précédente · Échap : fermer',
  },
  en: {
    quote: { direct: 'Quote', indirect: 'Reported speech', mixed: 'Partial quote' },
    unknownSpeaker: 'unidentified source',
    cue: 'cue',
    confidence: 'confidence',
    quotesOf: (n) => (n === 1 ? '1 quote' : `${n} quotes`),
    mentions: (n) => (n === 1 ? '1 mention' : `${n} mentions`),
    aliases: 'also',
    types: { person: 'Person', organization: 'Organization', location: 'Place', other: 'Other' },
    date: 'Date',
    relative: 'resolved against the publication time',
    unresolved: 'not resolved',
    speaker: 'Speaker',
    colon: ': ',
    kindShort: { direct: 'quote', indirect: 'reported', mixed: 'mixed' },
    keys: 'n / p: next / previous quote · Esc: close',
  },
};

const labels = (lang) => LABELS[(lang || 'en').slice(0, 2)] || LABELS.en;

const clip = (s, n) => (s && s.length > n ? `${s.slice(0, n - 1)}…` : s || '');

/** A quote's words for the card: in quotation marks when they are the speaker's own (direct, mixed), plain
 * for reported speech, which paraphrases. */
const quoted = (q, n) => (q.kind === 'indirect' ? clip(q.text, n) : `« ${clip(q.text, n)} »`);

/**
 * The quotes said by the speaker of quote `q` (same entity id, or the same source name when there is none),
 * in text order.
 */
export function quotesOfSpeaker(analysis, q) {
  return (analysis.quotes || [])
    .filter((o) => (q.speaker ? o.speaker === q.speaker : !o.speaker && o.speaker_name && o.speaker_name === q.speaker_name))
    .map((o, k) => ({ o, k }))
    .sort((a, b) => (a.o.start ?? 0) - (b.o.start ?? 0) || a.k - b.k)
    .map(({ o }) => o);
}

/**
 * What the card says about a painted span, as data: `{kind, label, title, lines: string[], list: string[],
 * quotes}`; for a speaker, `list` has their quotes' words in text order and `quotes` the quotes themselves
 * with `{quote, kind, label}` (direct and reported speech marked apart). Pure, so it can be tested without a page.
 */
export function cardModel(span, analysis) {
  const L = labels(analysis.lang);
  const item = span.item;
  switch (span.kind) {
    case 'quote': {
      // "— Jeff Sessions, procureur général américain": the speaker's first apposition tells who they are.
      const who = (analysis.entities || []).find((e) => e.id === item.speaker);
      const role = who && who.descriptions && who.descriptions[0];
      const lines = [`— ${item.speaker_name || L.unknownSpeaker}${role ? `, ${role}` : ''}`];
      if (item.cue) lines.push(`${L.cue}${L.colon}${item.cue.text}`);
      lines.push(`${L.confidence}${L.colon}${Math.round((item.confidence || 0) * 100)} %`);
      return { kind: 'quote', label: L.quote[item.kind] || L.quote.direct, title: quoted(item, 280), lines, list: [], hint: L.keys };
    }
    case 'speaker': {
      const said = quotesOfSpeaker(analysis, item);
      const who = (analysis.entities || []).find((e) => e.id === item.speaker);
      return {
        kind: 'speaker',
        label: L.speaker,
        title: item.speaker_name || span.text,
        lines: [...((who && who.descriptions) || []).slice(0, 2), L.quotesOf(said.length)],
        list: said.map((o) => quoted(o, 160)),
        quotes: said.map((o) => ({ quote: o, kind: o.kind, label: L.kindShort[o.kind] || L.kindShort.indirect })),
        hint: L.keys,
      };
    }
    case 'date': {
      // The resolved date in words, its TIMEX3 value, how it stands to the reference and the reference itself.
      const { title, lines } = dateCard(item, analysis);
      if (item.relative && !analysis.reference) lines.push(L.relative);
      return { kind: 'date', label: L.date, title: title || L.unresolved, lines, list: [] };
    }
    default: {
      const lines = [L.mentions((item.mentions || []).length)];
      const said = (analysis.quotes || []).filter((q) => q.speaker === item.id).length;
      if (said) lines.push(L.quotesOf(said));
      if (item.aliases && item.aliases.length) lines.push(`${L.aliases}${L.colon}${item.aliases.join(', ')}`);
      for (const d of item.descriptions || []) lines.push(d);
      return { kind: span.kind, label: L.types[item.type] || item.type, title: item.name, lines, list: [] };
    }
  }
}

const CSS_TEXT = `
:host { all: initial; }
.card { position: fixed; z-index: 2147483647; box-sizing: border-box; max-width: min(360px, calc(100vw - 16px));
  max-height: min(320px, calc(100vh - 16px)); overflow: auto; padding: 10px 12px; border-radius: 8px;
  background: #fffef8; color: #1d1d1f; border: 1px solid #d6d3c4; box-shadow: 0 6px 24px rgba(0,0,0,.18);
  font: 13px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; text-align: left; }
.card[hidden] { display: none; }
.label { font-size: 11px; text-transform: uppercase; letter-spacing: .06em; color: #6b6857; margin-bottom: 2px; }
.card[data-kind=quote] .label { color: #8a6d00; }
.card[data-kind=speaker] .label { color: #b35c00; }
.card[data-kind=date] .label { color: #00739e; }
.card[data-kind=person] .label { color: #a0005a; }
.card[data-kind=organization] .label { color: #3b5bb5; }
.card[data-kind=location] .label { color: #1f7a3a; }
.title { font-weight: 600; font-size: 14px; margin-bottom: 4px; }
.line { color: #45433a; }
ul { margin: 6px 0 0; padding-left: 18px; }
li { margin: 2px 0; }
.kind { font-size: 10px; text-transform: uppercase; letter-spacing: .04em; color: #6b6857; margin-right: 4px; }
li.direct .kind { color: #8a6d00; }
li.indirect button, li.mixed button { font-style: italic; }
button.jump { all: unset; cursor: pointer; text-decoration: underline dotted; }
button.jump:hover { text-decoration: underline; }
button.jump:focus-visible { outline: 2px solid #0072b2; outline-offset: 1px; }
.hint { margin-top: 6px; font-size: 11px; color: #6b6857; }
`;

/** A hover card attached to `doc` (one per page). */
export class HoverCard {
  constructor(doc = document) {
    this.doc = doc;
    this.host = doc.createElement('newslens-card');
    this.host.setAttribute('data-newslens-card', '');
    this.root = this.host.attachShadow({ mode: 'open' });
    let styled = false;
    try {
      // A constructed sheet is not inline style: a page CSP without 'unsafe-inline' still lets it apply.
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(CSS_TEXT);
      this.root.adoptedStyleSheets = [sheet];
      styled = true;
    } catch (_) {
      /* older engines: fall back to a <style> element */
    }
    if (!styled) {
      const style = doc.createElement('style');
      style.textContent = CSS_TEXT;
      this.root.appendChild(style);
    }
    this.card = doc.createElement('div');
    this.card.className = 'card';
    this.card.hidden = true;
    this.card.setAttribute('role', 'tooltip');
    this.root.appendChild(this.card);
    (doc.body || doc.documentElement).appendChild(this.host);
    this.span = null;
    /** Which spans may have a card (the reader may turn kinds off): set by the content script. */
    this.accepts = () => true;
    /** Milliseconds the pointer rests on words before their card opens (common/hover.js reads it). */
    this.delay = 0;
    /** Called with a quote when one of the card's quotes is pressed; null: the quotes are plain text. */
    this.onJump = null;
  }

  /** True while the card is shown. */
  get visible() {
    return !this.card.hidden;
  }

  /** Show the card for `span` next to `rect` (a DOMRect in viewport coordinates). */
  show(span, analysis, rect) {
    if (this.span === span && this.visible) return;
    if (!this.accepts(span)) {
      this.hide();
      return;
    }
    this.span = span;
    const model = cardModel(span, analysis);
    const el = (tag, cls, text) => {
      const e = this.doc.createElement(tag);
      if (cls) e.className = cls;
      if (text !== undefined) e.textContent = text;
      return e;
    };
    this.card.replaceChildren();
    this.card.dataset.kind = model.kind;
    this.card.appendChild(el('div', 'label', model.label));
    this.card.appendChild(el('div', 'title', model.title));
    for (const line of model.lines) this.card.appendChild(el('div', 'line', line));
    if (model.quotes && model.quotes.length) {
      // The speaker's quotes in text order, each marked direct or reported; pressing one jumps to it.
      const ul = el('ul');
      model.quotes.forEach(({ quote, kind, label }, k) => {
        const li = el('li', kind);
        li.dataset.kind = kind;
        li.appendChild(el('span', 'kind', label));
        if (this.onJump) {
          const b = el('button', 'jump', model.list[k]);
          b.type = 'button';
          b.addEventListener('click', () => this.onJump(quote));
          li.appendChild(b);
        } else {
          li.appendChild(el('span', 'words', model.list[k]));
        }
        ul.appendChild(li);
      });
      this.card.appendChild(ul);
    } else if (model.list.length) {
      const ul = el('ul');
      for (const item of model.list) ul.appendChild(el('li', '', item));
      this.card.appendChild(ul);
    }
    if (model.hint && this.onJump) this.card.appendChild(el('div', 'hint', model.hint));
    this.card.hidden = false;
    this.place(rect);
  }

  /** Put the card below the rect (above when there is no room), always inside the viewport. */
  place(rect) {
    const vw = this.doc.documentElement.clientWidth || window.innerWidth;
    const vh = this.doc.documentElement.clientHeight || window.innerHeight;
    this.card.style.left = '0px';
    this.card.style.top = '0px';
    const { width, height } = this.card.getBoundingClientRect();
    const margin = 8;
    let left = Math.min(Math.max(rect.left, margin), Math.max(margin, vw - width - margin));
    let top = rect.bottom + 6;
    if (top + height > vh - margin) top = rect.top - height - 6;
    top = Math.min(Math.max(top, margin), Math.max(margin, vh - height - margin));
    this.card.style.left = `${Math.round(left)}px`;
    this.card.style.top = `${Math.round(top)}px`;
  }

  /** Hide the card. */
  hide() {
    this.card.hidden = true;
    this.span = null;
  }

  /** True when the point (viewport coordinates) is over the card. */
  contains(x, y) {
    if (!this.visible) return false;
    const r = this.card.getBoundingClientRect();
    return x >= r.left && x <= r.right && y >= r.top && y <= r.bottom;
  }

  /** Remove the card from the page. */
  remove() {
    this.host.remove();
  }
}
