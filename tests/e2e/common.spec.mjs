// The shared page modules (extension/common/: segment map, painting, hover card, dates in words) in a plain
// page of headless Chromium, without the extension or the WebAssembly module: what the www demo page uses,
// and the wrapping fallback, which the extension test cannot reach (Chromium has CSS.highlights).
//
// Run: node --test tests/e2e/common.spec.mjs   (env: CHROMIUM=/usr/bin/chromium)

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, normalize } from 'node:path';
import { launchChromium, listen, root } from './harness.mjs';

const common = join(root, 'extension/common');

// Three paragraphs; the second is split over three text nodes (a <b> inside), so offsets cross node boundaries.
const PAGE = `<!doctype html><html lang="fr"><head><meta charset="utf-8">
<link rel="stylesheet" href="/common/highlights.css"></head>
<body style="font: 18px/1.6 serif; margin: 40px"><article>
<p id="a">Le maire a parlé jeudi.</p><p id="b">« Nous tiendrons », a dit <b>Jean Dupont</b> à Lyon.</p><p id="c">Fin.</p>
</article></body></html>`;

// What the snapshot leaves out: the subtree of an element CSS hides, the length of whitespace-only text
// (outside <pre>), comments; what it keeps: the <title>'s text, whitespace in <pre>, NBSP.
const SNAPSHOT_PAGE = `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>  Un titre  </title></head>
<body>
  <article class="story">
    <p id="a">Un <b>mot</b> <i>et</i>\u00a0<!-- note --><span>\u00a0</span></p>
    <div id="gone" style="display:none"><p>caché <b>ici</b></p>   </div>
    <pre id="pre">  <code>x</code>\n  </pre>
  </article>
</body></html>`;

let server;
let base;
let browser;
let cleanup;

before(async () => {
  ({ server, base } = await listen((req, res) => {
    if (req.url === '/') return res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE);
    if (req.url === '/snapshot') return res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(SNAPSHOT_PAGE);
    // The content script's snapshot module (it uses no extension API either).
    if (req.url === '/content/snapshot.js') return res.writeHead(200, { 'content-type': 'text/javascript' }).end(readFileSync(join(root, 'extension/content/snapshot.js')));
    const file = normalize(req.url).replace(/^\/common\//, '');
    let body;
    try {
      body = readFileSync(join(common, file));
    } catch {
      return res.writeHead(404).end();
    }
    res.writeHead(200, { 'content-type': file.endsWith('.css') ? 'text/css' : 'text/javascript' }).end(body);
  }));
  ({ browser, cleanup } = await launchChromium());
});

after(async () => {
  if (cleanup) await cleanup();
  if (server) server.close();
});

// Runs in the page: the article's text nodes joined with "\n" between paragraphs, as scanDocument does.
const setup = `
  const nodes = [], starts = [], lengths = [];
  let text = '';
  for (const p of document.querySelectorAll('article p')) {
    if (text) text += '\\n';
    const w = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
    for (let n = w.nextNode(); n; n = w.nextNode()) { nodes.push(n); starts.push(text.length); lengths.push(n.data.length); text += n.data; }
  }
  const { SegmentMap } = await import('/common/anchor.js');
  const map = new SegmentMap({ nodes, starts, lengths, nodeOffsets: nodes.map(() => null) });
  const at = (s) => text.indexOf(s);
  const analysis = {
    schema: 'newslens/1', lang: 'fr', reference: '2017-03-03T13:27:00', reference_source: 'meta', text,
    entities: [
      { id: 'e1', type: 'person', name: 'Jean Dupont', aliases: ['M. Dupont'], descriptions: ['maire'], gender: 'male',
        mentions: [{ start: at('Jean Dupont'), end: at('Jean Dupont') + 11, text: 'Jean Dupont' }] },
      { id: 'e2', type: 'location', name: 'Lyon', aliases: [], descriptions: [], gender: null,
        mentions: [{ start: at('Lyon'), end: at('Lyon') + 4, text: 'Lyon' }] },
    ],
    quotes: [{ id: 'q1', kind: 'direct', start: at('Nous'), end: at('Nous') + 14, text: 'Nous tiendrons', speaker: 'e1',
      speaker_name: 'Jean Dupont', speaker_mention: { start: at('Jean Dupont'), end: at('Jean Dupont') + 11, text: 'Jean Dupont' },
      cue: { start: at('a dit'), end: at('a dit') + 5, text: 'a dit' }, confidence: 0.9 }],
    dates: [{ id: 'd1', start: at('jeudi'), end: at('jeudi') + 5, text: 'jeudi', type: 'date', value: '2017-03-02', until: null, grain: 'day', relative: true }],
  };
`;

test('segment map: boundaries belong to the next node, range ends to the previous one', async () => {
  const page = await browser.newPage();
  await page.goto(base);
  const r = await page.evaluate(`(async () => { ${setup}
    const pos = (o, aff) => { const p = map.position(o, aff); return [p.node.data, p.offset]; };
    const name = at('Jean Dupont');
    return {
      start: pos(name), // the boundary between "… a dit " and "Jean Dupont"
      end: pos(name, 'end'),
      gap: pos(at('Fin.') - 1), // the "\\n" separator between two paragraphs
      back: map.offsetOf(map.nodes[2], 2) === at('Jean Dupont') + 2,
      range: map.range(at('Nous'), at('Lyon') + 4).toString(),
      acrossNodes: map.range(at('dit'), at('Dupont') + 6).toString(),
    };
  })()`);
  assert.deepEqual(r.start, ['Jean Dupont', 0]);
  assert.deepEqual(r.end, ['« Nous tiendrons », a dit ', 26]);
  assert.deepEqual(r.gap, [' à Lyon.', 8]);
  assert.equal(r.back, true);
  assert.equal(r.range, 'Nous tiendrons », a dit Jean Dupont à Lyon');
  assert.equal(r.acrossNodes, 'dit Jean Dupont');
  await page.close();
});

test('wrapping fallback: marks without changing the text, hover card from the marks, clear restores', async () => {
  const page = await browser.newPage();
  await page.goto(base);
  const r = await page.evaluate(`(async () => { ${setup}
    const { paint, spansOf } = await import('/common/paint.js');
    const { HoverCard } = await import('/common/card.js');
    const { attachHover } = await import('/common/hover.js');
    const before = document.body.textContent;
    const painted = paint(spansOf(analysis), map, { forceWrap: true });
    window.__painted = painted;
    attachHover({ painted: painted.painted, map, mode: painted.mode, card: new HoverCard(document), analysis });
    return { mode: painted.mode, counts: painted.counts, same: document.body.textContent === before,
      marks: [...document.querySelectorAll('newslens-mark')].map((m) => [m.dataset.newslensKind, m.textContent]) };
  })()`);
  assert.equal(r.mode, 'wrap');
  assert.equal(r.same, true, 'wrapping does not change the text');
  assert.deepEqual(r.counts, { quote: 1, speaker: 1, date: 1, person: 1, organization: 0, location: 1 });
  assert.deepEqual(r.marks.sort(), [['date', 'jeudi'], ['location', 'Lyon'], ['person', 'Jean Dupont'], ['quote', 'Nous tiendrons'], ['speaker', 'Jean Dupont']].sort());

  const box = await page.locator('newslens-mark[data-newslens-kind="date"]').boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  const card = () => page.evaluate(() => {
    const c = document.querySelector('newslens-card').shadowRoot.querySelector('.card');
    return c.hidden ? null : c.textContent;
  });
  await page.waitForFunction(() => !document.querySelector('newslens-card').shadowRoot.querySelector('.card').hidden);
  assert.match(await card(), /jeudi 2 mars 2017/);
  // how it was resolved, and against what
  assert.match(await card(), /la veille de la publication/);
  assert.match(await card(), /référence : vendredi 3 mars 2017, 13:27 \(métadonnées de la page\)/);

  const restored = await page.evaluate(() => { window.__painted.clear(); return document.querySelectorAll('newslens-mark').length; });
  assert.equal(restored, 0);
  await page.close();
});

test('highlight painting and hover over the Highlight API: speaker card lists the quotes', async () => {
  const page = await browser.newPage();
  await page.goto(base);
  const r = await page.evaluate(`(async () => { ${setup}
    const { paint, spansOf, KINDS } = await import('/common/paint.js');
    const { HoverCard } = await import('/common/card.js');
    const { attachHover } = await import('/common/hover.js');
    const painted = paint(spansOf(analysis), map);
    attachHover({ painted: painted.painted, map, mode: painted.mode, card: new HoverCard(document), analysis });
    return { mode: painted.mode, sizes: Object.fromEntries(KINDS.map((k) => [k, CSS.highlights.get('newslens-' + k).size])),
      marks: document.querySelectorAll('newslens-mark').length };
  })()`);
  assert.equal(r.mode, 'highlight');
  assert.equal(r.marks, 0);
  assert.deepEqual(r.sizes, { quote: 1, person: 1, organization: 0, location: 1, date: 1, speaker: 1 });

  // The speaker's words: inside <b>, found by caretPositionFromPoint.
  const box = await page.locator('#b b').boundingBox();
  await page.mouse.move(box.x + 10, box.y + box.height / 2);
  await page.waitForFunction(() => !document.querySelector('newslens-card').shadowRoot.querySelector('.card').hidden);
  const text = await page.evaluate(() => document.querySelector('newslens-card').shadowRoot.querySelector('.card').textContent);
  assert.match(text, /Locuteur/);
  assert.match(text, /1 citation/);
  assert.match(text, /Nous tiendrons/);

  // Off the words (the left margin, level with the paragraph): no card.
  await page.mouse.move(5, box.y + box.height / 2);
  await page.waitForFunction(() => document.querySelector('newslens-card').shadowRoot.querySelector('.card').hidden);

  // A card always stays inside the viewport.
  await page.setViewportSize({ width: 320, height: 400 });
  // The name may now wrap over two lines: aim at its first line box.
  const box2 = await page.evaluate(() => document.querySelector('#b b').getClientRects()[0].toJSON());
  await page.mouse.move(box2.x + 5, box2.y + box2.height / 2);
  await page.waitForFunction(() => !document.querySelector('newslens-card').shadowRoot.querySelector('.card').hidden);
  const rect = await page.evaluate(() => document.querySelector('newslens-card').shadowRoot.querySelector('.card').getBoundingClientRect().toJSON());
  assert.ok(rect.left >= 0 && rect.right <= 320 && rect.top >= 0 && rect.bottom <= 400, JSON.stringify(rect));
  await page.close();
});

test('dates in words follow the page language', async () => {
  const { timexInWords, dateInWords } = await import('../../extension/common/timex.js');
  const cases = [
    ['2017-03-02', 'fr', 'jeudi 2 mars 2017'],
    ['2017-03-02', 'en', 'Thursday, March 2, 2017'],
    ['2017-03-02TAF', 'fr', 'jeudi 2 mars 2017 (après-midi)'],
    ['2017-03-03T13:27', 'fr', 'vendredi 3 mars 2017, 13:27'],
    ['2017-03', 'fr', 'mars 2017'],
    ['2016', 'fr', '2016'],
    ['2017-W09', 'en', 'week 9 of 2017'],
    ['2017-SU', 'fr', 'été 2017'],
    ['P2M', 'fr', '2 mois'],
    ['PT20M', 'en', '20 minutes'],
    ['2017-03-03T13:27:00', 'fr', 'vendredi 3 mars 2017, 13:27'],
    ['T21:45:00', 'en', 'at 09:45 PM'],
    ['P1D', 'en', '1 day'],
    ['PAST_REF', 'fr', 'dans le passé'],
    ['something else', 'fr', 'something else'],
  ];
  for (const [value, lang, words] of cases) assert.equal(timexInWords(value, lang), words, `${value} (${lang})`);
  assert.equal(dateInWords({ value: '2017-07-13', until: '2017-07-15' }, 'fr'), 'jeudi 13 juillet 2017 – samedi 15 juillet 2017');
});

test('how a date stands to its reference, in the page language', async () => {
  const { relationInWords, referenceInWords, dateCard } = await import('../../extension/common/timex.js');
  const ref = '2017-03-03T13:27:00';
  const cases = [
    ['2017-03-02', 'fr', 'meta', 'la veille de la publication'],
    ['2017-03-02', 'en', 'meta', '1 day before publication'],
    ['2017-03-04TMO', 'fr', 'meta', 'le lendemain de la publication'],
    ['2017-03-03', 'fr', 'cli', 'le jour de la publication'],
    ['2017-03-03', 'en', 'cli', 'same day as publication'],
    ['2017-03-03T11:27', 'en', 'meta', '2 hours before publication'],
    ['2017-03-03T13:57:00', 'fr', 'meta', '30 minutes après la publication'],
    ['2017-02-24', 'en', 'now', '7 days before reading time'],
    ['2017-03-17', 'fr', 'meta', '2 semaines après la publication'],
    ['2017-03-13', 'fr', 'meta', '10 jours après la publication'],
    ['2017-02-17', 'en', 'meta', '2 weeks before publication'],
    ['2017-W08', 'en', 'meta', '1 week before publication'],
    ['2017-W09', 'fr', 'meta', 'la semaine de la publication'],
    ['2017-04', 'fr', 'meta', '1 mois après la publication'],
    ['2014', 'en', 'meta', '3 years before publication'],
    ['2014-03-03', 'fr', 'meta', '3 ans avant la publication'],
    ['2016-SU', 'en', 'meta', '1 year before publication'],
    ['P2Y', 'fr', 'meta', ''],
    ['PAST_REF', 'en', 'meta', ''],
  ];
  for (const [value, lang, source, want] of cases) assert.equal(relationInWords(value, ref, source, lang), want, `${value} (${lang}, ${source})`);
  assert.equal(relationInWords('2017-03-02', null, 'meta', 'fr'), '');
  assert.equal(referenceInWords(ref, 'meta', 'fr'), 'référence : vendredi 3 mars 2017, 13:27 (métadonnées de la page)');
  assert.equal(referenceInWords('2017-03-03T00:00:00', 'now', 'en'), 'reference: Friday, March 3, 2017 (no publication date found: reading time)');
  // ranges and times in words, with the relation of their start
  const range = dateCard({ value: '2017-07-13', until: '2017-07-15', relative: true }, { lang: 'fr', reference: ref, reference_source: 'cli' });
  assert.equal(range.title, 'jeudi 13 juillet 2017 – samedi 15 juillet 2017');
  assert.deepEqual(range.lines.slice(0, 2), ['2017-07-13 – 2017-07-15', '4 mois après la publication']);
  const time = dateCard({ value: '2017-03-02T21:45:00', until: null, relative: true }, { lang: 'en', reference: ref, reference_source: 'meta' });
  assert.equal(time.title, 'Thursday, March 2, 2017, 09:45 PM');
  assert.equal(time.lines[1], '1 day before publication');
});

test('card contents: what each kind of card says', async () => {
  const { cardModel } = await import('../../extension/common/card.js');
  const sessions = { id: 'e1', type: 'person', name: 'Jean Dupont', aliases: ['M. Dupont'], descriptions: ['maire de Lyon'], mentions: [{}, {}, {}] };
  const direct = { id: 'q1', kind: 'direct', text: 'Nous tiendrons', speaker: 'e1', speaker_name: 'Jean Dupont', cue: { text: 'a dit' }, confidence: 0.9 };
  const indirect = { id: 'q2', kind: 'indirect', text: 'il tiendrait ses engagements', speaker: 'e1', speaker_name: 'Jean Dupont', cue: null, confidence: 0.5 };
  const other = { id: 'q3', kind: 'direct', text: 'Non', speaker: null, speaker_name: 'les syndicats', cue: null, confidence: 0.5 };
  const fr = { lang: 'fr', entities: [sessions], quotes: [direct, indirect, other], dates: [] };
  const en = { ...fr, lang: 'en' };
  const card = (kind, item, analysis = fr, text = '') => cardModel({ kind, item, text }, analysis);
  const cases = [
    [card('quote', direct), { label: 'Citation', title: '« Nous tiendrons »', lines: ['— Jean Dupont, maire de Lyon', 'verbe : a dit', 'confiance : 90 %'] }],
    [card('quote', indirect), { label: 'Discours rapporté', title: 'il tiendrait ses engagements' }],
    [card('quote', other, en), { label: 'Quote', lines: ['— les syndicats', 'confidence: 50 %'] }],
    [card('speaker', direct), { title: 'Jean Dupont', lines: ['maire de Lyon', '2 citations'], list: ['« Nous tiendrons »', 'il tiendrait ses engagements'] }],
    [card('speaker', other), { title: 'les syndicats', lines: ['1 citation'], list: ['« Non »'] }],
    [card('person', sessions), { label: 'Personne', title: 'Jean Dupont', lines: ['3 mentions', '2 citations', 'aussi : M. Dupont', 'maire de Lyon'] }],
    [card('person', sessions, en), { label: 'Person', lines: ['3 mentions', '2 quotes', 'also: M. Dupont', 'maire de Lyon'] }],
    [card('date', { value: '2017-03-02', until: null, relative: true }), { title: 'jeudi 2 mars 2017', lines: ['2017-03-02', 'résolue par rapport à la publication'] }],
    [card('date', { value: '2017-03-02', until: null, relative: true }, { ...fr, reference: '2017-03-03T13:27:00', reference_source: 'meta' }),
      { title: 'jeudi 2 mars 2017', lines: ['2017-03-02', 'la veille de la publication', 'référence : vendredi 3 mars 2017, 13:27 (métadonnées de la page)'] }],
    [card('date', { value: '2017-03-02', until: null, relative: true }, { ...en, reference: '2017-03-03T13:27:00', reference_source: 'text' }),
      { title: 'Thursday, March 2, 2017', lines: ['2017-03-02', '1 day before publication', 'reference: Friday, March 3, 2017, 01:27 PM (dateline of the article)'] }],
    // an absolute date says no relation: it was not resolved against anything
    [card('date', { value: '2014-03-03', until: null, relative: false }, { ...en, reference: '2017-03-03T13:27:00', reference_source: 'cli' }),
      { title: 'Monday, March 3, 2014', lines: ['2014-03-03'] }],
    [card('date', { value: '2016', until: null, relative: true }), { title: '2016', lines: ['résolue par rapport à la publication'] }],
    [card('date', { value: null, until: null, relative: false }), { title: 'non résolue', lines: [] }],
  ];
  for (const [got, expected] of cases) {
    for (const [k, v] of Object.entries(expected)) assert.deepEqual(got[k], v, `${JSON.stringify(expected)}: ${k}`);
  }
});

test('page snapshot: hidden subtrees and whitespace-only text left out, the text nodes numbered as sent', async () => {
  const page = await browser.newPage();
  await page.goto(`${base}/snapshot`);
  const r = await page.evaluate(async () => {
    const { snapshotPage } = await import('/content/snapshot.js');
    const { json, textNodes } = snapshotPage(document);
    const texts = [];
    const find = (node, id) => (node.a?.id === id ? node : (node.c || []).map((c) => find(c, id)).find(Boolean));
    const walk = (node) => { if ('x' in node) texts.push(node.x); else node.c.forEach(walk); };
    const snapshot = JSON.parse(json);
    walk(snapshot.root);
    return { texts, data: textNodes.map((n) => n.data), gone: find(snapshot.root, 'gone'), pre: find(snapshot.root, 'pre') };
  });
  // One entry per text node sent, in document order: entry k is textNodes[k], whose data may be longer.
  assert.equal(r.texts.length, r.data.length);
  assert.deepEqual(r.texts.map((x, k) => (x === r.data[k] ? x : [x, r.data[k]])), [
    '  Un titre  ', // <title>: read whole
    [' ', '\n'], [' ', '\n  '], [' ', '\n    '], // between blocks
    'Un ', 'mot', ' ', 'et', '\u00a0', '\u00a0', // NBSP is text, not collapsed
    [' ', '\n    '], [' ', '\n    '], // the hidden div's children are not
    '  ', 'x', '\n  ', // <pre> keeps its whitespace
    [' ', '\n  '], [' ', '\n'],
  ]);
  assert.deepEqual(r.gone, { t: 'div', a: { id: 'gone', style: 'display:none' }, h: true, c: [] });
  assert.equal(r.pre.c.length, 3);
  await page.close();
});
