// The reader's controls in the page: the settings (ext/settings.js, chrome.storage.local) decide whether
// NewsLens runs on this site, which kinds of highlight show, their colours, the hover delay and the
// language; the popup, the side panel and the service worker (keyboard commands) talk to this module by
// messages. main.js calls beforeRun() before analysing and afterRun() once it has painted.
//
// What tests read on <html>: data-newslens-state="off" while turned off here (before any analysis),
// data-newslens-hidden="quote date …" (kinds not shown; "all" when off), data-newslens-last-jump="start-end".

import { complete, load, onFor, siteOf, KEY, KINDS as UI_KINDS } from '../ext/settings.js';
import { KINDS } from '../common/paint.js';
import { paletteCss } from '../common/palette.js';
import { quotesOfSpeaker } from '../common/card.js';

const html = document.documentElement;
const site = siteOf(location.href);
const t = (key, subs) => chrome.i18n.getMessage(key, subs) || key;

/** Settings as last read, and the painted page (null until afterRun). */
let settings = null;
let page = null;
let rerun = null;

/** A polite live region (in its own shadow root) through which screen readers hear what NewsLens did. */
let live = null;
function announce(message) {
  if (!live) {
    const host = document.createElement('newslens-live');
    const root = host.attachShadow({ mode: 'open' });
    live = document.createElement('div');
    live.setAttribute('role', 'status');
    live.setAttribute('aria-live', 'polite');
    // Visually hidden, still read.
    live.style.cssText = 'position:fixed;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;';
    root.append(live);
    (document.body || html).append(host);
  }
  // A change of text is what is announced: clear first so the same message twice is heard twice.
  live.textContent = '';
  setTimeout(() => { live.textContent = message; }, 50);
}

/** One constructed sheet for the palette and one for the jump flash (page CSPs do not block them). */
const sheets = {};
function setSheet(name, css) {
  try {
    if (!sheets[name]) {
      sheets[name] = new CSSStyleSheet();
      document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheets[name]];
    }
    sheets[name].replaceSync(css);
  } catch { /* no constructed sheets: highlights.css's defaults stay */ }
}

const languageOk = (s) => !page || !!s.langBySite[site] || s.languages.includes((page.analysis.lang || '').slice(0, 2));

/** Kinds not shown now: all of them when NewsLens is off here or the page's language is not wanted. */
function hiddenKinds(s) {
  if (!onFor(s, site) || !languageOk(s)) return [...KINDS];
  return KINDS.filter((k) => !s.kinds[k]);
}

/** Apply the settings to the painted page: palette, hidden kinds, hover delay. */
function apply() {
  if (!page || !settings) return;
  const hidden = hiddenKinds(settings);
  setSheet('palette', paletteCss({ theme: settings.theme, colours: settings.colours, hidden }));
  if (page.mode === 'highlight' && typeof CSS !== 'undefined' && CSS.highlights) {
    // Removing a kind's Highlight (not just styling it away) keeps the page's own selection colours intact.
    for (const k of KINDS) {
      const name = `newslens-${k}`;
      // (Setting the registered Highlight again would restyle all its ranges: ~40 ms for a 1 MB article.)
      if (hidden.includes(k)) CSS.highlights.delete(name);
      else if (page.highlights[k] && CSS.highlights.get(name) !== page.highlights[k]) CSS.highlights.set(name, page.highlights[k]);
    }
  }
  html.dataset.newslensHidden = hidden.length === KINDS.length ? 'all' : hidden.join(' ');
  page.card.delay = settings.hoverDelay;
  if (hidden.includes(page.card.span?.kind)) page.card.hide();
}

/** Scroll to the article range [start, end) and flash it; true when it was found. */
function jumpTo(start, end, { smooth = true } = {}) {
  if (!page) return false;
  const { painted, map } = page;
  // Painted ranges stay live in highlight mode; in wrap mode the text nodes were split, so map afresh.
  let range = painted.find((s) => s.start === start && s.end === end && s.range.startContainer.isConnected)?.range;
  try { range ??= map.range(start, end); } catch { range = null; }
  if (!range) return false;
  range.startContainer.parentElement?.scrollIntoView({ behavior: smooth ? 'smooth' : 'instant', block: 'center' });
  if (typeof Highlight === 'function' && CSS.highlights) {
    setSheet('flash', '::highlight(newslens-flash) { background-color: rgba(213, 94, 0, 0.55); }');
    CSS.highlights.set('newslens-flash', new Highlight(range));
    clearTimeout(jumpTo.timer);
    jumpTo.timer = setTimeout(() => CSS.highlights.delete('newslens-flash'), 1500);
  }
  html.dataset.newslensLastJump = `${start}-${end}`;
  return true;
}

/** The painted quote span of quote `q`. */
const quoteSpan = (q) => page.painted.find((s) => s.kind === 'quote' && s.item === q);

/**
 * Go to quote `q`: scroll, flash, and open its card there (after the scroll, which would close it), so that
 * a keyboard reader gets the card a pointer would.
 */
function goToQuote(q) {
  const span = quoteSpan(q);
  if (!span || !jumpTo(q.start, q.end, { smooth: false })) return false;
  // The scroll just made would close the card (common/hover.js): keep it open through that scroll.
  page.card.pinnedUntil = performance.now() + 400;
  const rect = span.range.getClientRects()[0] || span.range.getBoundingClientRect();
  page.card.hide();
  page.card.show(span, page.analysis, rect);
  announce(t('announceQuote', [q.speaker_name || t('unknownSource'), String(page.analysis.quotes.indexOf(q) + 1), String(page.analysis.quotes.length)]));
  return true;
}

/** The quote the reader is on: the open card's (a quote's or a speaker's), else the last one gone to. */
let current = null;
const cardQuote = () => {
  const span = page && page.card.visible ? page.card.span : null;
  return span && (span.kind === 'quote' || span.kind === 'speaker') ? span.item : null;
};

/** Next (+1) or previous (-1) quote of the article, or of the current speaker only (`sameSpeaker`). */
function step(dir, { sameSpeaker = false } = {}) {
  if (!page || !onFor(settings, site)) return false;
  const from = cardQuote() || current;
  const list = sameSpeaker && from ? quotesOfSpeaker(page.analysis, from) : [...page.analysis.quotes].sort((a, b) => a.start - b.start);
  if (!list.length) return false;
  const k = from ? list.indexOf(from) : -1;
  const next = k < 0 ? list[dir > 0 ? 0 : list.length - 1] : list[(k + dir + list.length) % list.length];
  current = next;
  return goToQuote(next);
}

/** Keys in the page while a card is open: n / p next / previous quote of the same speaker (Escape: hover.js). */
function onKey(e) {
  if (!page || !page.card.visible || e.ctrlKey || e.metaKey || e.altKey) return;
  const target = e.composedPath()[0];
  if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName || ''))) return;
  if (e.key === 'n' || e.key === 'p') {
    if (step(e.key === 'n' ? 1 : -1, { sameSpeaker: true })) e.preventDefault();
  }
}

/** Counts per kind of what is painted (what the popup shows). */
function status() {
  return {
    state: html.dataset.newslensState || 'idle',
    site,
    url: location.href,
    on: settings ? onFor(settings, site) : true,
    counts: page ? page.counts : null,
    lang: page ? page.analysis.lang : null,
    override: settings ? settings.langBySite[site] || null : null,
    hidden: html.dataset.newslensHidden || '',
  };
}

chrome.runtime.onMessage.addListener((message, _sender, reply) => {
  switch (message && message.type) {
    case 'newslens/status':
      reply(status());
      return false;
    case 'newslens/jump':
      reply(jumpTo(message.start, message.end));
      return false;
    case 'newslens/step':
      reply(step(message.dir || 1, { sameSpeaker: !!message.sameSpeaker }));
      return false;
    case 'newslens/analysis?':
      reply(page ? page.analysis : null);
      return false;
    default:
      return false;
  }
});

/** Settings changed (popup, options, keyboard command): apply them, or analyse again for a new language. */
chrome.storage.onChanged.addListener((changes, area) => {
  if (area !== 'local' || !changes[KEY]) return;
  const before = settings;
  load().then((s) => {
    settings = s;
    const wasOn = before && onFor(before, site);
    const nowOn = onFor(s, site);
    if (before && wasOn !== nowOn) announce(t(nowOn ? 'announceOn' : 'announceOff'));
    else if (before && KINDS.some((k) => before.kinds[k] !== s.kinds[k])) announce(t('announceKinds', [UI_KINDS.filter((k) => s.kinds[k]).map((k) => t(`kind_${k}`)).join(', ') || '—']));
    if (html.dataset.newslensState === 'off' && nowOn && rerun) {
      delete html.dataset.newslensState;
      rerun();
    } else if (page && before && (before.langBySite[site] || null) !== (s.langBySite[site] || null) && rerun) {
      // Another language: analyse again (the analysis is not the same).
      teardown();
      rerun();
    } else {
      apply();
    }
  });
});

/** Remove what the last run painted, before running again. */
function teardown() {
  if (!page) return;
  page.detach?.();
  page.clear?.();
  page.card.remove();
  page = null;
  for (const k of ['newslensState', 'newslensCounts', 'newslensHidden']) delete html.dataset[k];
}

/**
 * The settings content/wake.js began to read at document_start (the first run only, and only if they did not
 * change since), else a read now.
 */
function earlyOrLoad() {
  const early = globalThis.newslensEarly;
  if (!early || early.taken || early.changed) return load();
  early.taken = true;
  return early.settings.then((got) => (got && !early.changed ? complete(got[KEY]) : load()));
}

/**
 * Before analysing: the analysis options for this site (`{lang}` when the reader chose one), or null when
 * NewsLens is off here; `again` runs the analysis once it is turned on or the language changes.
 */
export async function beforeRun(again) {
  rerun = again;
  settings = await earlyOrLoad();
  if (!onFor(settings, site)) {
    html.dataset.newslensState = 'off';
    html.dataset.newslensHidden = 'all';
    return null;
  }
  const lang = settings.langBySite[site];
  return lang ? { lang } : {};
}

/**
 * Once painted: keep what the controls need and apply the settings. `painted`, `mode`, `counts`, `clear`:
 * from paint(); `card`: the HoverCard; `map`: the SegmentMap; `detach`: from attachHover.
 */
export function afterRun({ analysis, painted, mode, counts, clear, card, map, detach }) {
  const highlights = {};
  if (mode === 'highlight') for (const k of KINDS) highlights[k] = CSS.highlights.get(`newslens-${k}`);
  page = { analysis, painted, mode, counts, clear, card, map, detach, highlights };
  card.accepts = (span) => !hiddenKinds(settings).includes(span.kind);
  card.onJump = (q) => { current = q; goToQuote(q); };
  apply();
}

document.addEventListener('keydown', onKey, true);
