// End-to-end test of the NewsLens side panel (panel/panel.html) in headless Chromium, with the same harness as
// extension.spec.mjs: the seed article of the corpus ($NEWSLENS_CORPUS; never copied into the repository) is
// served as a news page, the unpacked extension analyses it, and the panel page, opened on that tab
// (?tab=ID), must list who said what, a timeline, the gender balance, and jump to a quote in the page.
//
// Run: node --test tests/e2e/panel.spec.mjs   (env: CHROMIUM=/usr/bin/chromium, NEWSLENS_CORPUS, E2E_OUT=tests/e2e/out
// for panel.png)

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { genderBalance, speakersOf, timelineOf } from '../../extension/common/panel.js';
import { assertBuilt, extension, haveSeed, launchWithExtension, listen, newsPage, out, seedPath } from './harness.mjs';

if (!haveSeed) console.log(`e2e panel: SKIPPED, corpus not found at ${seedPath} (set NEWSLENS_CORPUS)`);

let server;
let base;
let context;
let cleanup;

before(async () => {
  if (!haveSeed) return;
  assertBuilt();
  const html = newsPage(readFileSync(seedPath, 'utf8'));
  ({ server, base } = await listen((req, res) => {
    if (req.url === '/seed.html') res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
    else res.writeHead(404).end('not found');
  }));
  ({ context, cleanup } = await launchWithExtension({ viewport: { width: 1100, height: 700 } }));
});

after(async () => {
  if (cleanup) await cleanup();
  if (server) server.close();
});

test('side panel: who said what, timeline, gender balance, and a jump to a quote', { skip: !haveSeed && 'no corpus' }, async () => {
  const page = await context.newPage();
  const logs = [];
  page.on('console', (m) => logs.push(`page ${m.type()}: ${m.text()}`));
  await page.goto(`${base}/seed.html`);
  await page.waitForFunction(() => ['ready', 'error'].includes(document.documentElement.dataset.newslensState), null, { timeout: 30_000 });
  const state = await page.evaluate(() => ({ ...document.documentElement.dataset }));
  assert.equal(state.newslensState, 'ready', `${state.newslensError}\n${logs.join('\n')}`);

  // The extension id and the seed page's tab id, from the service worker.
  const sw = context.serviceWorkers()[0] ?? await context.waitForEvent('serviceworker');
  const id = new URL(sw.url()).host;
  // Without the "tabs" permission tab URLs are hidden: the seed page is the one tab whose analysis the
  // service worker stored (the content script publishes it once ready).
  let stored = [];
  for (let k = 0; k < 50 && !stored.length; k++) {
    stored = await sw.evaluate(async () => Object.keys(await chrome.storage.session.get(null)));
    if (!stored.length) await new Promise((ok) => setTimeout(ok, 100));
  }
  const tabs = await sw.evaluate(() => chrome.tabs.query({}));
  const tab = tabs.find((t) => stored.includes(`analysis:${t.id}`));
  assert.equal(stored.length, 1, `one analysis stored: ${stored.join(', ')}`);
  assert.ok(tab, `the seed page's tab among ${tabs.map((t) => t.id).join(', ')}`);

  const panel = await context.newPage();
  panel.on('console', (m) => logs.push(`panel ${m.type()}: ${m.text()}`));
  panel.on('pageerror', (e) => logs.push(`panel pageerror: ${e.message}`));
  await panel.goto(`chrome-extension://${id}/panel/panel.html?tab=${tab.id}`);
  try {
    await panel.waitForFunction(() => document.documentElement.dataset.newslensPanel === 'ready', null, { timeout: 10_000 });
  } catch (e) {
    throw new Error(`panel not drawn: ${e.message}\n${logs.join('\n')}`);
  }

  mkdirSync(out, { recursive: true });
  await panel.setViewportSize({ width: 400, height: 900 });
  await panel.screenshot({ path: join(out, 'panel.png'), fullPage: true });

  // Who said what: Jeff Sessions, with his quotes as buttons, direct and reported marked apart.
  const speakers = await panel.locator('.newslens-who h3').allTextContents();
  console.log(`e2e panel: speakers ${speakers.join(' | ')}`);
  assert.match(await panel.locator('.newslens-who h2').textContent(), /Qui a dit quoi/);
  const sessions = speakers.findIndex((s) => s.startsWith('Jeff Sessions'));
  assert.ok(sessions >= 0, 'Jeff Sessions is a speaker');
  const counts = speakers.map((s) => Number(/\((\d+)\)$/.exec(s)[1]));
  assert.deepEqual(counts, [...counts].sort((a, b) => b - a), 'speakers are ordered by number of quotes');
  const sessionsQuotes = panel.locator('.newslens-who ol.quotes').nth(sessions).locator('li');
  assert.equal(await sessionsQuotes.count(), counts[sessions], 'one item per quote of his');
  const kinds = await panel.locator('.newslens-who li.quote').evaluateAll((lis) => lis.map((li) => li.dataset.kind));
  assert.ok(kinds.every((k) => ['direct', 'reported', 'mixed'].includes(k)));
  const labels = await panel.locator('.newslens-who li.quote .kind').allTextContents();
  assert.ok(labels.every((l, k) => l === { direct: 'citation', reported: 'rapporté', mixed: 'mixte' }[kinds[k]]));

  // Timeline: resolved dates in words, in chronological order; the seed's "jeudi" is 2 March 2017.
  const values = await panel.locator('.newslens-timeline li.date').evaluateAll((lis) => lis.map((li) => li.dataset.value));
  const whens = await panel.locator('.newslens-timeline .when').allTextContents();
  console.log(`e2e panel: timeline ${whens.slice(0, 6).join(' | ')}${whens.length > 6 ? ' …' : ''}`);
  assert.ok(values.length > 0, 'the timeline lists resolved dates');
  assert.deepEqual(values, [...values].sort(), 'in chronological order');
  assert.equal(new Set(values.map((v, k) => `${v} ${whens[k]}`)).size, values.length, 'one line per moment');
  assert.ok(whens.some((w) => /2 mars 2017/.test(w)), 'a resolved date in French words');

  // Gender balance: a figure per count (quotes, sources) with an accessible label and a text legend.
  const figures = panel.locator('.newslens-balance figure.gender');
  assert.equal(await figures.count(), 2);
  const legend = await figures.first().locator('.legend').textContent();
  const aria = await figures.first().locator('[role=img]').getAttribute('aria-label');
  console.log(`e2e panel: gender of quotes ${legend}; sources ${await figures.nth(1).locator('.legend').textContent()}`);
  const m = /^Femmes (\d+) · Hommes (\d+) · Inconnu (\d+)$/.exec(legend);
  assert.ok(m, `legend "${legend}"`);
  assert.ok(aria.includes(legend), 'the bar is labelled with its figures');
  assert.ok(Number(m[2]) >= counts[sessions], 'at least Sessions\'s quotes are men\'s');
  const names = speakers.map((s) => s.replace(/ \(\d+\)$/, ''));
  const women = ['Sara Isgur Flores', 'Nancy Pelosi'].filter((n) => names.includes(n));
  if (women.length) assert.ok(Number(m[1]) > 0, `quotes of ${women.join(', ')} count as women's`);
  const parts = await figures.first().locator('.part').evaluateAll((ps) => ps.map((p) => [p.dataset.gender, Number(p.dataset.count), p.style.width]));
  assert.deepEqual(parts.map(([g, n]) => [g, n]), [['female', +m[1]], ['male', +m[2]], ['unknown', +m[3]]].filter(([, n]) => n > 0));

  // Clicking one of his quotes scrolls the page to it and flashes it.
  assert.equal(await page.evaluate(() => window.scrollY), 0);
  const button = sessionsQuotes.last().locator('button.jump');
  const quoteText = (await button.textContent()).replace(/^« | »$/g, '').replace(/…$/, '');
  await button.click();
  await page.waitForFunction(() => !!document.documentElement.dataset.newslensLastJump, null, { timeout: 5000 });
  const jumped = await page.evaluate(() => {
    const [start, end] = document.documentElement.dataset.newslensLastJump.split('-').map(Number);
    const flash = CSS.highlights.get('newslens-flash');
    return { start, end, flashed: flash ? [...flash].map((r) => r.toString()) : [] };
  });
  assert.ok(jumped.end > jumped.start);
  assert.equal(jumped.flashed.length, 1, 'the passage is flashed');
  assert.ok(jumped.flashed[0].replace(/\s+/g, ' ').includes(quoteText.slice(0, 40).replace(/\s+/g, ' ')), `flashed "${jumped.flashed[0].slice(0, 60)}"`);
  // The paragraph of the quote ends up in view (smooth scrolling takes a moment).
  const inView = await page.waitForFunction((needle) => {
    const p = [...document.querySelectorAll('article p')].find((e) => e.textContent.replace(/\s+/g, ' ').includes(needle));
    const r = p && p.getBoundingClientRect();
    return r && r.bottom > 0 && r.top < innerHeight;
  }, quoteText.slice(0, 40).replace(/\s+/g, ' '), { timeout: 5000 }).then(() => true, () => false);
  console.log(`e2e panel: jumped to ${jumped.start}-${jumped.end}, scrollY ${await page.evaluate(() => window.scrollY)}`);
  assert.ok(inView, 'the quote is scrolled into view');

  // Reloading the page forgets its analysis and publishes the new one: the open panel redraws itself.
  await panel.evaluate(() => { document.documentElement.dataset.newslensPanel = 'stale'; });
  await page.reload();
  await panel.waitForFunction(() => document.documentElement.dataset.newslensPanel === 'ready', null, { timeout: 30_000 });
  assert.match(await panel.locator('.newslens-who').textContent(), /Jeff Sessions/);
  await panel.close();
  await page.close();
});

// The panel's pure helpers, on a hand-made analysis (runs without the corpus or a browser).

test('gender balance counts quotes and distinct speakers of person entities only', () => {
  const entities = [
    { id: 'e1', type: 'person', gender: 'female' },
    { id: 'e2', type: 'person', gender: 'male' },
    { id: 'e3', type: 'person', gender: null },
    { id: 'e4', type: 'organization', gender: null },
  ];
  const cases = [
    // speakers of the quotes → {quotes, speakers} by gender [female, male, unknown]
    [[], [0, 0, 0], [0, 0, 0]],
    [['e1'], [1, 0, 0], [1, 0, 0]],
    [['e1', 'e1', 'e2'], [2, 1, 0], [1, 1, 0]],
    [['e2', 'e3', 'e3'], [0, 1, 2], [0, 1, 1]],
    [['e4', null, 'e9'], [0, 0, 0], [0, 0, 0]], // an organisation, no entity, an unknown id: not counted
  ];
  for (const [speakers, quotes, sources] of cases) {
    const b = genderBalance({ entities, quotes: speakers.map((speaker) => ({ speaker })) });
    assert.deepEqual([b.quotes.female, b.quotes.male, b.quotes.unknown], quotes, `quotes of ${speakers}`);
    assert.deepEqual([b.speakers.female, b.speakers.male, b.speakers.unknown], sources, `speakers of ${speakers}`);
  }
});

test('speakers by number of quotes, ties in order of appearance; unnamed sources grouped apart', () => {
  const quotes = [
    { speaker: 'e1', speaker_name: 'A' }, { speaker: 'e2', speaker_name: 'B' }, { speaker: 'e2', speaker_name: 'B' },
    { speaker: null, speaker_name: 'les médias' }, { speaker: null, speaker_name: null },
  ];
  assert.deepEqual(speakersOf({ quotes }, 'fr').map((s) => [s.name, s.quotes.length]),
    [['B', 2], ['A', 1], ['les médias', 1], ['source inconnue', 1]]);
  assert.equal(speakersOf({ quotes: [{ speaker: null, speaker_name: null }] }, 'en')[0].name, 'unknown source');
});

test('timeline: calendar dates and times in chronological order; durations, sets and vague values left out', () => {
  const dates = [
    { type: 'date', value: '2017-03-02' }, { type: 'duration', value: 'P2M' }, { type: 'date', value: '2016' },
    { type: 'date', value: 'PAST_REF' }, { type: 'time', value: '2017-03-02T13:27' }, { type: 'set', value: 'P1W' },
    { type: 'date', value: null }, { type: 'date', value: '2017-03' },
  ];
  assert.deepEqual(timelineOf({ dates }).map((d) => d.value), ['2016', '2017-03', '2017-03-02', '2017-03-02T13:27']);
});
