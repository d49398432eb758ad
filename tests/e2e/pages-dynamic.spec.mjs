// The extension on pages that change after load (issue #6), in headless Chromium: an endless feed appends
// the next story, a framework re-renders a paragraph with the same words, a paragraph's words change, a
// single-page app moves to another URL; and pages still loading when the content script starts (document_end):
// a style sheet on its way, a paragraph added while the analysis runs. The page is the test article (tests/e2e/fixture-fr.txt, written for
// the project) served locally; the page's own script is played here with page.evaluate. The feed and the
// changed paragraph are also played under a strict CSP (no WebAssembly in the page: the worker reads every
// block) and with the worker not answering (the content script analyses blocks itself).
//
// Run: node --test tests/e2e/pages-dynamic.spec.mjs   (env: CHROMIUM)

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { extensionSession, fixturePath, newsPage } from './harness.mjs';

/** The next story of the feed (English, written for this test): a quote, a speaker, names, a date. */
const NEXT_STORY = [
  'Harbour workers in Portsmouth voted on Monday to end a strike that had kept the port closed for nine days.',
  '"We have won what we came for," said Helen Marsh, the union\'s regional secretary, outside the port gates.',
  'The port authority said ferries to Caen and Bilbao would sail again from Wednesday morning.',
  'Ministers had urged both sides to settle before the start of the summer season, when traffic doubles.',
  '"Nobody wanted this to drag on," the chief executive of the port, Daniel Okafor, told reporters.',
  'Hauliers said it would take the rest of the week to clear the queues of lorries on the roads into the city.',
].map((p) => `<p>${p}</p>`).join('\n');

/** A paragraph of the test article's kind (written for these tests) with a quote and a speaker of its own. */
const PROMO = '« Abonnez-vous dès aujourd\u2019hui », a lancé Victor Lenormand, directeur commercial du journal.';
const LATE = '« Nous reprendrons les discussions lundi », a précisé Hélène Castaing, la porte-parole du syndicat.';

const session = extensionSession(() => {
  const html = newsPage(readFileSync(fixturePath, 'utf8'));
  const withInArticle = (extra, head = '') => html.replace('</article>', `${extra}\n</article>`).replace('</head>', `${head}</head>`);
  return {
    '/story.html': html,
    // No 'wasm-unsafe-eval': WebAssembly cannot be compiled in the strict page.
    '/story-strict.html': { body: html, csp: "script-src 'self'; style-src 'self'" },
    // The content script starts at document_end: here a style sheet that hides a promotion in the article is
    // still loading then (half a second late).
    '/late-css.html': withInArticle(`<p class="x7">${PROMO}</p>`, '<link rel="stylesheet" href="/late.css">'),
    '/late.css': { body: ".x7 { display: none }", type: 'text/css', delay: 500 },
    // And here the page's script adds a paragraph right after DOMContentLoaded, while the analysis runs.
    '/late-paragraph.html': withInArticle('', `<script>document.addEventListener('DOMContentLoaded', () => setTimeout(() => document.querySelector('article').insertAdjacentHTML('beforeend', '<p>${LATE}</p>'), 5));</script>`),
  };
});

const dataset = (page) => page.evaluate(() => ({ ...document.documentElement.dataset }));
const counts = async (page) => JSON.parse((await dataset(page)).newslensCounts);
const registry = (page) => page.evaluate(() => Object.fromEntries(['quote', 'speaker', 'date', 'person', 'organization', 'location']
  .map((k) => [k, CSS.highlights.get(`newslens-${k}`)?.size ?? 0])));

/** Wait until `key` of <html>'s dataset satisfies `ok` (a function of its value), up to 15 s. */
async function until(page, key, ok, what) {
  const end = Date.now() + 15_000;
  for (;;) {
    const value = (await dataset(page))[key];
    if (ok(value)) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}: ${key}=${value}`);
    await page.waitForTimeout(100);
  }
}

/**
 * The story page, painted and watched. `strict`: under a CSP without 'wasm-unsafe-eval'; `offline`: the
 * service worker does not answer the page (its test switch), so the content script analyses it itself.
 */
async function open({ strict = false, offline = false, path = `/${strict ? 'story-strict' : 'story'}.html`, watcherIdle = true } = {}) {
  const { page, state, logs } = await session.open(path, { timeout: 15_000, offline });
  assert.equal(state.newslensState, 'ready', `${state.newslensError}\n${logs.join('\n')}`);
  assert.equal(state.newslensEngine, offline ? 'content' : 'worker');
  if (watcherIdle) await until(page, 'newslensBlocks', (v) => v === '0', 'the watcher');
  return page;
}

/** The modes the feed and the changed paragraph are played in: [name, open()'s options]. */
const MODES = [['', {}], [' (strict CSP)', { strict: true }], [' (worker not answering)', { offline: true }]];

/** Let a flush run (200 ms quiet) and finish. */
const settle = (page) => page.waitForTimeout(1200);

for (const [mode, how] of MODES) test(`endless feed: the next story is analysed once, a copy of it never again${mode}`, async () => {
  const page = await open(how);
  const before = await counts(page);
  await page.evaluate((story) => document.body.insertAdjacentHTML('beforeend', `<article class="next">${story}</article>`), NEXT_STORY);
  await until(page, 'newslensBlocks', (v) => v === '1', 'the next story');
  const after = await counts(page);
  assert.ok(after.quote >= before.quote + 2, `the story's two quotes are painted: ${JSON.stringify(before)} → ${JSON.stringify(after)}`);
  assert.ok(after.person > before.person);
  assert.deepEqual(await registry(page), after, 'the highlight registry holds what is counted');
  // The feed re-inserts the same story (a virtualised list scrolling back): nothing to analyse.
  await page.evaluate(() => document.body.append(document.querySelector('article.next').cloneNode(true)));
  await settle(page);
  assert.equal((await dataset(page)).newslensBlocks, '1', 'words already analysed are not analysed again');
  await page.close();
});

test('a paragraph re-rendered with the same words keeps its highlights (re-anchored by their text)', async () => {
  const page = await open();
  const before = await counts(page);
  assert.ok(before.quote > 0);
  await page.evaluate(() => {
    for (const p of document.querySelectorAll('article p')) if (p.textContent.includes('«')) p.replaceWith(p.cloneNode(true));
  });
  await until(page, 'newslensReanchored', (v) => Number(v) > 0, 're-anchoring');
  const state = await dataset(page);
  assert.equal(state.newslensDropped, '0');
  assert.equal(state.newslensBlocks, '0', 'same words: no new analysis');
  assert.deepEqual(await counts(page), before);
  assert.deepEqual(await registry(page), before);
  // The re-anchored ranges lie on the new nodes.
  const live = await page.evaluate(() => [...CSS.highlights.get('newslens-quote')].every((r) => r.startContainer.isConnected));
  assert.ok(live);
  await page.close();
});

for (const [mode, how] of MODES) test(`a paragraph whose words changed loses its stale highlights and is analysed again${mode}`, async () => {
  const page = await open(how);
  const before = await counts(page);
  await page.evaluate(() => {
    const p = [...document.querySelectorAll('article p')].find((q) => q.textContent.includes('«'));
    p.textContent = 'Ce paragraphe a été remplacé par un autre, sans citation, le temps de vérifier les propos rapportés.';
  });
  await until(page, 'newslensDropped', (v) => Number(v) > 0, 'stale spans dropped');
  await until(page, 'newslensBlocks', (v) => v === '1', 'the changed paragraph analysed');
  const after = await counts(page);
  assert.ok(after.quote < before.quote, `${JSON.stringify(before)} → ${JSON.stringify(after)}`);
  assert.deepEqual(await registry(page), after);
  await page.close();
});

test('our own mutations (the hover card) are not taken for page changes', async () => {
  const page = await open();
  const target = await page.evaluate(() => {
    const range = [...CSS.highlights.get('newslens-person')][0];
    const r = range.getClientRects()[0];
    return { x: r.left + Math.min(r.width / 2, 10), y: r.top + r.height / 2 };
  });
  await page.mouse.move(target.x, target.y);
  await page.waitForFunction(() => !document.querySelector('newslens-card')?.shadowRoot?.querySelector('.card')?.hidden, null, { timeout: 5000 });
  await page.keyboard.press('Escape');
  await settle(page);
  const state = await dataset(page);
  assert.deepEqual([state.newslensBlocks, state.newslensReanchored, state.newslensDropped], ['0', '0', '0']);
  await page.close();
});

test('single-page app: a pushState navigation to another story scans and paints it afresh', async () => {
  const page = await open();
  await page.evaluate((story) => {
    history.pushState({}, '', '/next-story.html');
    document.querySelector('article').innerHTML = `<h1>Port strike ends</h1>${story}`;
    document.documentElement.lang = 'en';
  }, NEXT_STORY);
  await until(page, 'newslensUrl', (v) => v && v.endsWith('/next-story.html'), 'the re-scan after navigation');
  await until(page, 'newslensState', (v) => v === 'ready', 'the new analysis');
  const after = await counts(page);
  assert.ok(after.quote >= 2, JSON.stringify(after));
  assert.deepEqual(await registry(page), after, 'the old highlights are gone, the new ones painted');
  // Back: popstate, the URL changes again.
  await page.evaluate(() => history.back());
  await until(page, 'newslensUrl', (v) => v && v.endsWith('/story.html'), 'the re-scan after popstate');
  await page.close();
});

/** The texts of the painted ranges of `kind`. */
const paintedTexts = (page, kind) => page.evaluate((name) => [...(CSS.highlights.get(name) ?? [])].map((r) => r.toString()), `newslens-${kind}`);

test('a style sheet still loading when the content script starts: what it hides is not read', async () => {
  const plain = await open();
  const expected = await counts(plain);
  await plain.close();
  const page = await open({ path: '/late-css.html' });
  assert.ok(!(await paintedTexts(page, 'quote')).some((t) => t.includes('Abonnez')), 'the hidden promotion is not painted');
  assert.deepEqual(await counts(page), expected, 'the same spans as on the page without the promotion');
  await page.close();
});

test('a paragraph the page adds while the first analysis runs is analysed too', async () => {
  const page = await open({ path: '/late-paragraph.html', watcherIdle: false });
  const end = Date.now() + 15_000;
  while (!(await paintedTexts(page, 'quote')).some((t) => t.includes('reprendrons'))) {
    assert.ok(Date.now() < end, `the added paragraph's quote was never painted (blocks analysed: ${(await dataset(page)).newslensBlocks})`);
    await page.waitForTimeout(100);
  }
  await page.close();
});
