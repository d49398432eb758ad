// Hostile pages (issue #8): the extension must never run page text as markup, never be hijacked by a page's
// scripts, and never break a page, whatever its CSP, frames, shadow roots or depth.
//
// - Page text that looks like HTML or script is shown as text in the hover card and in the side panel.
// - A page that replaces Range, CSS.highlights, Highlight, Node/Element/Document methods, document.createElement,
//   attachShadow, fetch, XMLHttpRequest or WebAssembly in its own world does not reach the content script,
//   which runs in an isolated world: highlights are painted and none of the replacements is ever called.
// - Frames and shadow DOM: NewsLens reads the top document's light DOM only. The content script is not
//   injected into frames (no all_frames in the manifest), and text inside shadow roots is not collected (the
//   scan follows childNodes; closed roots could not be read anyway). Both are left exactly as they were.
// - Deep pages analyse through the service-worker snapshot path, and in the content script (the path taken
//   when the worker does not answer; not possible under a strict CSP): 2 500
//   levels, built by script (Chromium's parser stops nesting at 512). Chromium's own renderer crashes on this
//   page 3 000 levels deep, extension or not, so 10 000 levels are tested where they can exist: natively through
//   html5ever and the snapshot reader (tests/robustness_inputs.rs) and in a windowless document
//   (tests/wasm_hostile.rs).
// - A 1 MB article: analysed and painted; our longest task (sliced snapshot and paint, analysis in the worker)
//   and the page's longest task are logged (the issue's goal is no task over 50 ms) and bounded generously.
//
// Run: node --test tests/e2e/hostile.spec.mjs   (env: CHROMIUM=/usr/bin/chromium)

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { escapeHtml, extensionSession, fixturePath, newsPage } from './harness.mjs';

const fixture = readFileSync(fixturePath, 'utf8');

/** Page text that looks like markup; if it were ever parsed, its handlers would change the title. */
const HOSTILE_QUOTE = "« <img src=x onerror=document.title='pwned'> <script>document.title='pwned'</script> <b>gras</b> », a déclaré M. Paul Kerbrat jeudi.";

/**
 * Served as /overrides.js (an external script, so that strict-CSP pages run it too): replaces what a content
 * script would use if it ran in the page's world. Each replacement records its call and throws. The originals
 * the test itself needs are kept in window.__orig.
 */
const OVERRIDES = `
window.__calls = [];
window.__orig = {
  highlights: CSS.highlights, hlGet: HighlightRegistry.prototype.get, getClientRects: Range.prototype.getClientRects,
  toString: Range.prototype.toString, compare: Range.prototype.compareBoundaryPoints, querySelector: Document.prototype.querySelector,
};
const trap = (name) => function () { window.__calls.push(name); throw new Error('hijacked: ' + name); };
const replace = (obj, names, label) => { for (const n of names) { try { obj[n] = trap(label + '.' + n); } catch (e) {} } };
replace(Range.prototype, ['setStart', 'setEnd', 'getClientRects', 'getBoundingClientRect', 'toString', 'compareBoundaryPoints', 'selectNodeContents'], 'Range');
replace(HighlightRegistry.prototype, ['set', 'delete', 'clear', 'has'], 'HighlightRegistry');
replace(Node.prototype, ['appendChild', 'insertBefore', 'removeChild', 'replaceChild', 'contains', 'compareDocumentPosition', 'getRootNode'], 'Node');
replace(Element.prototype, ['attachShadow', 'getAttribute', 'setAttribute', 'append', 'replaceChildren', 'getClientRects', 'getBoundingClientRect', 'closest', 'checkVisibility', 'scrollIntoView'], 'Element');
replace(Document.prototype, ['createElement', 'createTextNode', 'createRange', 'caretPositionFromPoint', 'caretRangeFromPoint', 'addEventListener'], 'Document');
replace(document, ['createElement', 'createRange'], 'document');
replace(XMLHttpRequest.prototype, ['open', 'send'], 'XMLHttpRequest');
replace(WebAssembly, ['instantiate', 'instantiateStreaming', 'compile', 'compileStreaming', 'validate'], 'WebAssembly');
// (Not MutationObserver: Playwright's own waitForFunction uses the page's.)
replace(window, ['fetch', 'getComputedStyle', 'Range', 'Highlight', 'CSSStyleSheet', 'TextDecoder', 'TextEncoder'], 'window');
for (const [proto, prop] of [[Node.prototype, 'childNodes'], [Node.prototype, 'nodeType'], [CharacterData.prototype, 'data'], [Document.prototype, 'body']]) {
  try { Object.defineProperty(proto, prop, { get: trap(prop + ' getter'), configurable: true }); } catch (e) {}
}
try { Object.defineProperty(window, 'CSS', { value: { highlights: { set: trap('CSS.highlights.set') } }, configurable: true }); } catch (e) {}
try { navigator.sendBeacon = trap('navigator.sendBeacon'); } catch (e) {}
`;

/** Served as /deep.js: wraps the article in 2 500 nested <div>s with the DOM API. */
const DEEP = `
const article = document.querySelector('article');
let outer = document.createElement('div');
let inner = outer;
for (let k = 1; k < 2500; k++) { const d = document.createElement('div'); inner.appendChild(d); inner = d; }
article.replaceWith(outer);
inner.appendChild(article);
`;

/** Served as /shadow.js: a second article inside an open shadow root, and a widget in a closed one. */
const SHADOW = `
const open = document.getElementById('open-host').attachShadow({ mode: 'open' });
open.innerHTML = ${JSON.stringify(`<article>${fixture.split('\n').filter(Boolean).map((l) => `<p>${escapeHtml(l.replace('Claire Dumontel', 'Agathe Ombreuse'))}</p>`).join('')}</article>`)};
const closed = document.getElementById('closed-host').attachShadow({ mode: 'closed' });
closed.innerHTML = '<p>Widget fermé, « rien à lire », a dit M. Fermé.</p>';
`;

const withScript = (html, src) => html.replace('</head>', `<script src="${src}"></script></head>`);
const withTailScript = (html, src) => html.replace('</body>', `<script src="${src}"></script></body>`);
const STRICT = "script-src 'self'; style-src 'self'";

/** A 1 MB article: the fixture's paragraphs, repeated. */
const bigText = (() => {
  const lines = fixture.split('\n').slice(1).filter(Boolean);
  const out = [fixture.split('\n')[0]];
  let size = 0;
  for (let k = 0; size < 1_000_000; k++) {
    const line = lines[k % lines.length];
    out.push(line);
    size += line.length + 1;
  }
  return out.join('\n');
})();

/** Served as /longtask.js: records long tasks from the start of the page. */
const LONGTASK = `
window.__longtasks = [];
new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__longtasks.push(e.duration); })
  .observe({ type: 'longtask', buffered: true });
`;

const session = extensionSession(() => {
  const news = newsPage(fixture);
  const markup = newsPage(`${fixture}\n${HOSTILE_QUOTE}\n`);
  const framed = newsPage(fixture)
    .replace('</article>', '</article><div id="open-host"></div><div id="closed-host"></div><iframe id="frame" src="/inner.html" width="600" height="300"></iframe>');
  const shadowOnly = news.replace(/<article>[\s\S]*<\/article>/, '<div id="open-host"></div><div id="closed-host"></div>');
  const js = (body) => ({ body, type: 'text/javascript' });
  return {
    '/markup.html': markup,
    '/overrides.html': withScript(news, '/overrides.js'),
    '/overrides-strict.html': { body: withScript(news, '/overrides.js'), csp: STRICT },
    '/frames.html': withTailScript(framed, '/shadow.js'),
    '/shadow-only.html': withTailScript(shadowOnly, '/shadow.js'),
    '/inner.html': newsPage(fixture.replace(/Paul Kerbrat/g, 'Jules Cadre')),
    '/deep.html': withTailScript(news, '/deep.js'),
    '/deep-strict.html': { body: withTailScript(news, '/deep.js'), csp: STRICT },
    '/big.html': withScript(newsPage(bigText), '/longtask.js'),
    '/overrides.js': js(OVERRIDES),
    '/deep.js': js(DEEP),
    '/shadow.js': js(SHADOW),
    '/longtask.js': js(LONGTASK),
  };
});
const { open } = session;

const cardSelector = () => {
  const card = document.querySelector('newslens-card')?.shadowRoot?.querySelector('.card');
  return card && !card.hidden;
};

test('markup in page text is shown as text in the hover card and the side panel', async () => {
  const { page, state, logs } = await open('/markup.html');
  assert.equal(state.newslensState, 'ready', `${state.newslensError}\n${logs.join('\n')}`);
  // The quote holding the markup, as the page shows it (the page escaped it: it is text there too).
  const target = await page.evaluate(() => {
    const quote = [...CSS.highlights.get('newslens-quote')].find((r) => r.toString().includes('<img'));
    if (!quote) return null;
    const r = quote.getClientRects()[0];
    return { x: r.left + Math.min(r.width / 2, 20), y: r.top + r.height / 2, text: quote.toString() };
  });
  assert.ok(target, 'the quote with markup in it is found and painted');
  await page.mouse.move(target.x, target.y);
  await page.waitForFunction(cardSelector, null, { timeout: 5000 });
  const card = await page.evaluate(() => {
    const root = document.querySelector('newslens-card').shadowRoot;
    return { text: root.querySelector('.card').textContent, elements: [...root.querySelectorAll('*')].map((e) => e.localName) };
  });
  assert.ok(card.text.includes('<img src=x onerror='), `the card shows the markup as text: ${card.text}`);
  assert.ok(card.text.includes('<script>'), card.text);
  for (const tag of ['img', 'script', 'b']) assert.ok(!card.elements.includes(tag), `no <${tag}> in the card: ${card.elements}`);
  assert.equal(await page.evaluate(() => document.querySelectorAll('img, script:not([type]), b').length), 0, 'none in the page either');
  assert.equal(await page.evaluate(() => document.title), 'Page de test NewsLens', 'no handler ran');

  // The side panel on this tab lists the quote, as text.
  const { sw, id, context } = session;
  // Tab titles and URLs are hidden without the tabs permission: the tab is the one whose stored analysis
  // holds the markup.
  let tab;
  for (let k = 0; k < 50 && !tab; k++) {
    const key = await sw.evaluate(async () => Object.entries(await chrome.storage.session.get(null))
      .find(([, v]) => JSON.stringify(v).includes('<img src=x'))?.[0]);
    if (key) tab = { id: Number(key.split(':')[1]) };
    else await new Promise((ok) => setTimeout(ok, 100));
  }
  assert.ok(tab, 'the analysis is published for the panel');
  const panel = await context.newPage();
  const panelErrors = [];
  panel.on('pageerror', (e) => panelErrors.push(e.message));
  await panel.goto(`chrome-extension://${id}/panel/panel.html?tab=${tab.id}`);
  await panel.waitForFunction(() => document.documentElement.dataset.newslensPanel === 'ready', null, { timeout: 10_000 });
  const shown = await panel.evaluate(() => ({
    text: document.body.textContent,
    injected: [...document.body.querySelectorAll('img, b, script:not([src]), [onerror]')].map((e) => e.outerHTML),
    pwned: document.title === 'pwned',
  }));
  assert.ok(shown.text.includes('<img src=x onerror='), 'the panel shows the markup as text');
  assert.deepEqual(shown.injected, [], 'no element made from page text in the panel');
  assert.equal(shown.pwned, false);
  assert.deepEqual(panelErrors, []);
  await panel.close();
  await page.close();
});

/** Painted, counted, and none of the page's replacements called. */
async function assertNotHijacked(page, state, logs, engine) {
  assert.equal(state.newslensState, 'ready', `${state.newslensError}\n${logs.join('\n')}`);
  assert.equal(state.newslensEngine, engine);
  assert.equal(state.newslensPaint, 'highlight');
  assert.equal(state.newslensMisanchored, '0');
  const counts = JSON.parse(state.newslensCounts);
  assert.ok(counts.person > 0 && counts.quote > 0, state.newslensCounts);
  // Read the registry through the originals the page kept (its own CSS and get are replaced).
  const sizes = await page.evaluate(() => window.__orig.hlGet.call(window.__orig.highlights, 'newslens-person')?.size ?? 0);
  assert.equal(sizes, counts.person, 'the highlights are in the document registry');
  assert.deepEqual(await page.evaluate(() => window.__calls), [], 'no replacement was called');

  // Hovering works too, and still calls none of them.
  const target = await page.evaluate(() => {
    const { hlGet, highlights, getClientRects } = window.__orig;
    const range = [...hlGet.call(highlights, 'newslens-person')][0];
    const r = getClientRects.call(range)[0];
    return { x: r.left + Math.min(r.width / 2, 10), y: r.top + r.height / 2 };
  });
  await page.mouse.move(target.x, target.y);
  await page.waitForFunction(() => {
    const host = window.__orig.querySelector.call(document, 'newslens-card');
    const card = host && host.shadowRoot && host.shadowRoot.querySelector('.card');
    return card && !card.hidden;
  }, null, { timeout: 5000 });
  assert.deepEqual(await page.evaluate(() => window.__calls), [], 'no replacement was called while hovering');
}

test('a page that replaces DOM, CSS, network and WebAssembly functions cannot reach the content script', async () => {
  const { page, state, logs } = await open('/overrides.html');
  await assertNotHijacked(page, state, logs, 'worker');
  await page.close();
});

test('the same page when the worker does not answer: WebAssembly in the content script is not reachable either', async () => {
  const { page, state, logs } = await open('/overrides.html', { offline: true });
  await assertNotHijacked(page, state, logs, 'content');
  await page.close();
});

test('the same page under a strict CSP: the service-worker path is not reachable either', async () => {
  const { page, state, logs } = await open('/overrides-strict.html');
  await assertNotHijacked(page, state, logs, 'worker');
  await page.close();
});

test('frames and shadow roots: the top light DOM is analysed, frames and shadow roots are left intact', async () => {
  const page = await session.context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${session.base}/frames.html`);
  const frame = page.frame({ url: /inner\.html$/ });
  await frame.waitForLoadState();
  const snapshot = () => page.evaluate(() => ({
    shadow: document.getElementById('open-host').shadowRoot.innerHTML,
    frame: document.getElementById('frame').contentDocument.documentElement.outerHTML,
  }));
  const before = await snapshot();
  await page.waitForFunction(() => ['ready', 'error'].includes(document.documentElement.dataset.newslensState), null, { timeout: 30_000 });
  const state = await page.evaluate(() => ({ ...document.documentElement.dataset }));
  assert.equal(state.newslensState, 'ready', state.newslensError);
  assert.ok(JSON.parse(state.newslensCounts).person > 0);
  // Every painted range is in the top document's light DOM; the shadow article's own name is not found.
  const where = await page.evaluate(() => [...CSS.highlights.values()].flatMap((h) => [...h]).map((r) => ({
    top: r.startContainer.getRootNode() === document, text: r.toString(),
  })));
  assert.ok(where.length > 0 && where.every((w) => w.top), 'all ranges in the top document');
  assert.ok(!where.some((w) => /Ombreuse|Cadre|Fermé/.test(w.text)), 'nothing from the shadow roots or the frame');
  // The frame got no content script, and nothing in the frame or the shadow root changed.
  assert.equal(await frame.evaluate(() => document.documentElement.dataset.newslensState), undefined);
  assert.deepEqual(await snapshot(), before, 'shadow root and frame unchanged');
  assert.deepEqual(errors, []);
  await page.close();
});

test('an article only inside a shadow root: no article found, no error thrown into the page', async () => {
  const { page, state } = await open('/shadow-only.html', { timeout: 40_000 });
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  // Either outcome is a clean one: an error state on <html> (no article), or a ready page with little painted.
  assert.ok(['ready', 'error'].includes(state.newslensState));
  if (state.newslensState === 'error') assert.match(state.newslensError, /article/i);
  assert.ok((await page.evaluate(() => document.getElementById('open-host').shadowRoot.textContent)).includes('Agathe Ombreuse'));
  assert.deepEqual(errors, []);
  await page.close();
});

for (const [path, engine] of [['/deep.html', 'content'], ['/deep.html', 'worker'], ['/deep-strict.html', 'worker']]) {
  test(`2 500 levels of nesting (${path}, ${engine} path)`, async () => {
    const { page, state, logs } = await open(path, { offline: engine === 'content' });
    assert.equal(await page.evaluate(() => { let d = 0; for (let e = document.querySelector('article'); e; e = e.parentElement) d++; return d; }) > 2_500, true);
    assert.equal(state.newslensState, 'ready', `${state.newslensError}\n${logs.join('\n')}`);
    assert.equal(state.newslensEngine, engine);
    assert.equal(state.newslensMisanchored, '0');
    assert.ok(JSON.parse(state.newslensCounts).person > 0);
    await page.close();
  });
}

test('a 1 MB article is analysed and painted; the longest task is bounded', async () => {
  const started = Date.now();
  const { page, state, logs } = await open('/big.html', { timeout: 120_000 });
  assert.equal(state.newslensState, 'ready', `${state.newslensError}\n${logs.join('\n')}`);
  const counts = JSON.parse(state.newslensCounts);
  const tasks = await page.evaluate(() => window.__longtasks);
  const longest = Math.max(0, ...tasks);
  console.log(`e2e hostile: 1 MB article ready in ${Date.now() - started} ms, counts ${state.newslensCounts}; `
    + `${tasks.length} long tasks, longest ${Math.round(longest)} ms (goal: none over 50 ms); timing ${state.newslensTiming}`);
  assert.ok(counts.quote > 1000, state.newslensCounts);
  // Ours: the snapshot and the paint are sliced (≤ 8 ms a slice, ~20 ms at most on an idle machine), the
  // analysis runs in the service worker. Bounded generously for a loaded machine; an unsliced step gave 650 ms
  // on an idle one.
  const timing = JSON.parse(state.newslensTiming);
  assert.ok(timing.maxTask < 500, `our longest task ${timing.maxTask} ms`);
  // Any task (the browser's own rendering of ~25,000 highlighted ranges stays one long task, ~300–450 ms):
  // this catches a hang, not a missed 50 ms goal.
  assert.ok(longest < 20_000, `longest task ${longest} ms`);
  // The page still answers.
  assert.equal(await page.evaluate(() => 1 + 1), 2);
  await page.close();
});
