// The product's pure helpers, as tables (no browser): exports (CSV quoting, Markdown, date context),
// settings (defaults, site patterns), the palette, the per-browser manifest merge, and the page snapshot's
// lists of what the Rust article finder reads.
//
// Run: node --test tests/e2e/units.spec.mjs

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { csvField, datesAround, fileName, sentenceAround, toCsv, toMarkdown } from '../../extension/common/export.js';
import { complete, DEFAULTS, KEY, onFor, siteOf, sitePatterns } from '../../extension/ext/settings.js';
import { coloursFor, declarations, luminance, OKABE_ITO, paletteCss, withAlpha } from '../../extension/common/palette.js';
import { merge } from '../../scripts/package.mjs';
import { ATTRS, SKIP_TAGS } from '../../extension/content/snapshot.js';
import { readFileSync, readdirSync } from 'node:fs';

test('page snapshot: it leaves out only what the Rust article finder never reads', () => {
  const dir = new URL('../../src/page/', import.meta.url);
  const detect = readFileSync(new URL('detect.rs', dir), 'utf8');
  const list = detect.match(/const SKIP_TAGS: &\[&str\] = &\[([^\]]*)\]/);
  assert.ok(list, 'SKIP_TAGS in src/page/detect.rs');
  assert.deepEqual([...SKIP_TAGS].sort(), [...list[1].matchAll(/"([^"]+)"/g)].map((m) => m[1]).sort());
  // Every attribute name the finder asks for (`attr(node, "name")`, or a list of names tried in turn).
  const asked = new Set();
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.rs') && !['html.rs', 'arena.rs'].includes(n))) {
    const src = readFileSync(new URL(f, dir), 'utf8');
    for (const m of src.matchAll(/attr\([^,]+, "([^"]+)"\)/g)) asked.add(m[1]);
    for (const m of src.matchAll(/\blower\("([^"]+)"\)/g)) asked.add(m[1]); // detect.rs: `lower(name)` reads attr(node, name)
    for (const m of src.matchAll(/\[((?:"[a-z:-]+", )+"[a-z:-]+")\]\.iter\(\)\.find_map\(\|a\| tree\.attr/g)) {
      for (const n of m[1].matchAll(/"([^"]+)"/g)) asked.add(n[1]);
    }
  }
  for (const name of ['class', 'id', 'role', 'itemprop', 'datetime', 'http-equiv', 'lang']) assert.ok(asked.has(name), `${name}: ${[...asked].join(' ')}`);
  for (const name of asked) assert.ok(ATTRS.has(name), `the snapshot drops the attribute "${name}" that src/page reads`);
});

test('content/wake.js reads the settings under the key ext/settings.js writes (it is not bundled: no import)', () => {
  const wake = readFileSync(new URL('../../extension/content/wake.js', import.meta.url), 'utf8');
  assert.ok(wake.includes(`chrome.storage.local.get('${KEY}')`), 'the early read uses KEY');
  assert.ok(wake.includes(`changes.${KEY}`), 'a change of KEY makes the early read stale');
});

test('CSV fields: RFC 4180 quoting, and no formula injection', () => {
  const cases = [
    ['plain', 'plain'],
    ['', ''],
    [null, ''],
    [3, '3'],
    ['a, b', '"a, b"'],
    ['il a dit "non"', '"il a dit ""non"""'],
    ['deux\nlignes', '"deux\nlignes"'],
    ['cr\r\nlf', '"cr\r\nlf"'],
    [' espace', '" espace"'],
    ['« Nous tiendrons »', '« Nous tiendrons »'],
    ['=SUM(A1)', "'=SUM(A1)"],
    ['+33 1 23', "'+33 1 23"],
    ['-3 %', "'-3 %"],
    ['@user, hi', `"'@user, hi"`],
  ];
  for (const [value, want] of cases) assert.equal(csvField(value), want, JSON.stringify(value));
});

// A hand-made analysis: "Il pleuvait. « Nous viendrons lundi », a dit Jean Dupont, maire. Fin, dit-il."
const text = 'Il pleuvait. « Nous viendrons lundi », a dit Jean Dupont, maire. Fin, "vraiment", dit-il.';
const at = (s) => ({ start: text.indexOf(s), end: text.indexOf(s) + s.length, text: s });
const analysis = {
  schema: 'newslens/1', lang: 'fr', reference: '2017-03-03T13:27:00', title: 'Un titre : essai !', text,
  entities: [{ id: 'e1', type: 'person', name: 'Jean Dupont', aliases: [], descriptions: ['maire'], gender: 'male', mentions: [at('Jean Dupont')] }],
  quotes: [
    { id: 'q1', kind: 'direct', ...at('Nous viendrons lundi'), speaker: 'e1', speaker_name: 'Jean Dupont', speaker_mention: at('Jean Dupont'), cue: at('a dit'), confidence: 0.9 },
    { id: 'q2', kind: 'indirect', ...at('Fin, "vraiment"'), speaker: 'e1', speaker_name: 'Jean Dupont', speaker_mention: at('il.'), cue: at('dit-'), confidence: 0.5 },
  ],
  dates: [{ id: 'd1', ...at('lundi'), type: 'date', value: '2017-03-06', until: null, grain: 'day', relative: true }],
};

test('date context: the dates of the sentence holding the quote, its cue and its speaker', () => {
  assert.deepEqual(sentenceAround(text, text.indexOf('Nous'), text.indexOf('Nous') + 4), [12, 64]);
  assert.deepEqual(datesAround(analysis, analysis.quotes[0]).map((d) => [d.text, d.value, d.words]), [['lundi', '2017-03-06', 'lundi 6 mars 2017']]);
  assert.deepEqual(datesAround(analysis, analysis.quotes[1]), []);
});

test('CSV export: a header, one row a quote, quoted where needed, CRLF line ends', () => {
  assert.equal(toCsv(analysis, { url: 'https://example.org/a?b=1,2' }), [
    'speaker,kind,quote,cue,date_context,url',
    'Jean Dupont,direct,Nous viendrons lundi,a dit,lundi (2017-03-06),"https://example.org/a?b=1,2"',
    'Jean Dupont,reported,"Fin, ""vraiment""",dit-,,"https://example.org/a?b=1,2"',
    '',
  ].join('\r\n'));
  assert.equal(toCsv({ ...analysis, quotes: [] }), 'speaker,kind,quote,cue,date_context,url\r\n');
});

test('Markdown export: who said what with dates, page text escaped', () => {
  const md = toMarkdown({ ...analysis, title: 'Un *titre*' }, { url: 'https://example.org/a' });
  assert.equal(md, [
    '# Un \\*titre\\*',
    '',
    'Source: <https://example.org/a>  ',
    'Publié (référence): 2017-03-03T13:27:00',
    '',
    '## Qui a dit quoi',
    '',
    '### Jean Dupont (2)',
    '',
    '- **citation** « Nous viendrons lundi » — *a dit* (dates: lundi = lundi 6 mars 2017)',
    '- **rapporté** Fin, "vraiment" — *dit-*',
    '',
  ].join('\n'));
  assert.match(toMarkdown({ ...analysis, lang: 'en', quotes: [] }), /## Who said what\n\nNo quote found\.\n$/);
});

test('export file names come from the title, ASCII-safe', () => {
  const cases = [['Un titre : essai !', 'un-titre-essai.csv'], ['Élection à Zürich', 'election-a-zurich.csv'], ['', 'newslens.csv'], ['«»', 'newslens.csv']];
  for (const [title, want] of cases) assert.equal(fileName({ title }, 'csv'), want);
});

test('settings: any stored object reads as a complete one', () => {
  const cases = [
    [undefined, DEFAULTS],
    [null, DEFAULTS],
    ['junk', DEFAULTS],
    [{ mode: 'sometimes' }, DEFAULTS],
    [{ kinds: { date: false } }, { ...DEFAULTS, kinds: { ...DEFAULTS.kinds, date: false } }],
    [{ sites: 'a.org', hoverDelay: -5 }, { ...DEFAULTS, hoverDelay: 0 }],
    [{ hoverDelay: 99999 }, { ...DEFAULTS, hoverDelay: 2000 }],
    [{ mode: 'auto', enabled: false }, { ...DEFAULTS, mode: 'auto', enabled: false }],
  ];
  for (const [stored, want] of cases) assert.deepEqual(complete(stored), want, JSON.stringify(stored));
  const s = complete({ disabledSites: ['a.org'] });
  assert.deepEqual([onFor(s, 'a.org'), onFor(s, 'b.org'), onFor({ ...s, enabled: false }, 'b.org')], [false, true, false]);
});

test('sites: host of an address, and one match pattern a scheme', () => {
  const cases = [['https://www.lemonde.fr/a/b?c', 'www.lemonde.fr'], ['http://127.0.0.1:8080/x', '127.0.0.1'], ['chrome://extensions', ''], ['file:///tmp/a.html', ''], ['nonsense', '']];
  for (const [url, want] of cases) assert.equal(siteOf(url), want, url);
  assert.deepEqual(sitePatterns(['a.org', 'bad host', 'x-y.fr']), ['http://a.org/*', 'https://a.org/*', 'http://x-y.fr/*', 'https://x-y.fr/*']);
});

test('palette: Okabe–Ito by default, the reader\'s colours over it, high contrast apart, hidden kinds unpainted', () => {
  assert.deepEqual(coloursFor(), OKABE_ITO);
  assert.equal(coloursFor({ colours: { quote: '#FF0000', date: 'red' } }).quote, '#ff0000');
  assert.equal(coloursFor({ colours: { date: 'red' } }).date, OKABE_ITO.date, 'only #rrggbb colours are taken');
  assert.equal(coloursFor({ theme: 'high-contrast', colours: { quote: '#ff0000' } }).quote, '#ffff00');
  assert.equal(withAlpha('#0072b2', 0.5), 'rgba(0, 114, 178, 0.5)');
  assert.equal(withAlpha('red', 0.5), 'red');
  assert.ok(luminance('#ffff00') > 0.9 && luminance('#000000') === 0);
  const cases = [
    ['quote', '#f0e442', 'default', 'background-color: rgba(240, 228, 66, 0.45);'],
    ['date', '#56b4e9', 'default', 'background-color: rgba(86, 180, 233, 0.35);'],
    ['quote', '#ffff00', 'high-contrast', 'background-color: #ffff00; color: #000;'],
    ['speaker', '#000000', 'high-contrast', 'background-color: #000000; color: #fff;'],
    ['organization', '#0072b2', 'default', 'text-decoration: underline dashed 2px rgba(0, 114, 178, 0.9); text-underline-offset: 3px;'],
    ['location', '#000000', 'high-contrast', 'text-decoration: underline dotted 3px #000000; text-underline-offset: 3px;'],
  ];
  for (const [kind, colour, theme, want] of cases) assert.equal(declarations(kind, colour, theme), want, `${kind} ${theme}`);
  const css = paletteCss({ hidden: ['date'] });
  assert.match(css, /::highlight\(newslens-date\) \{ background-color: transparent !important; text-decoration: none !important; color: inherit !important; \}/);
  assert.match(css, /newslens-mark\[data-newslens-kind="quote"\] \{ background-color: rgba\(240, 228, 66, 0.45\) !important; \}/);
});

test('manifest merge: objects key by key, lists joined without repeats, values replaced', () => {
  const cases = [
    [{ a: 1 }, { b: 2 }, { a: 1, b: 2 }],
    [{ a: 1 }, { a: 2 }, { a: 2 }],
    [{ p: ['x', 'y'] }, { p: ['y', 'z'] }, { p: ['x', 'y', 'z'] }],
    [{ c: { t: { k: 1 } } }, { c: { o: { k: 2 } } }, { c: { t: { k: 1 }, o: { k: 2 } } }],
    [{ b: { service_worker: 'w.js' } }, { b: ['s.js'] }, { b: ['s.js'] }],
  ];
  for (const [base, over, want] of cases) assert.deepEqual(merge(base, over), want);
});

test('worker warm-up: its pages are found as articles and run every analyser, in both languages', async () => {
  // The worker warms V8 up on these pages (background/warm-up.js): if they stopped exercising the article
  // finder, the quotes, the dates or the entities, the warm-up would go on silently warming nothing.
  const pkg = new URL('../../extension/pkg/', import.meta.url);
  const { initSync, analyzeSnapshot } = await import(new URL('newslens.js', pkg));
  const { warmUpPieces } = await import('../../extension/background/warm-up.js');
  initSync({ module: readFileSync(new URL('newslens_bg.wasm', pkg)) });
  const pieces = warmUpPieces();
  assert.deepEqual([...new Set(pieces.map((p) => p.lang))].sort(), ['en', 'fr']);
  for (const { lang, text, json } of pieces) {
    assert.ok(text.length < 1000, `a piece stays small (one task): ${text.length}`);
    const { lang: found, analysis } = analyzeSnapshot(json, null);
    assert.equal(found, lang);
    // The article, without the navigation, the aside or the footer.
    for (const sentence of text.split(/(?<=[.»"]) (?=[«"A-Z])/)) assert.ok(analysis.text.includes(sentence.slice(0, 40)), `${lang}: ${sentence}`);
    assert.ok(!/Politi(que|cs)|Sport/.test(analysis.text), `${lang}: navigation in the article`);
    const attributed = analysis.quotes.filter((q) => q.speaker_name);
    assert.ok(attributed.length >= 3, `${lang}: ${attributed.length} attributed quotes`);
    assert.ok(analysis.quotes.some((q) => q.kind === 'direct') && analysis.quotes.some((q) => q.kind !== 'direct'), `${lang}: direct and reported quotes`);
    assert.ok(analysis.dates.filter((d) => d.value).length >= 4, `${lang}: ${analysis.dates.length} dates`);
    for (const type of ['person', 'organization', 'location']) assert.ok(analysis.entities.some((e) => e.type === type), `${lang}: no ${type}`);
  }
});
