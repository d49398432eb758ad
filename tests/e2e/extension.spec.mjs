// End-to-end test of the NewsLens extension in headless Chromium (playwright-core + Debian's chromium).
//
// A local news page is built AT TEST TIME from the seed article of the corpus ($NEWSLENS_CORPUS, default
// ../shared/corpus; corpus text is never copied into the repository) and served on 127.0.0.1; the extension's
// e2e Chrome build (scripts/package.mjs --e2e, from extension/ with extension/pkg built by
// scripts/build-wasm.sh) is loaded into a fresh profile.
//
// Run: node --test tests/e2e/extension.spec.mjs   (env: CHROMIUM=/usr/bin/chromium, NEWSLENS_CORPUS, E2E_OUT=tests/e2e/out)

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extensionSession, fixturePath, haveSeed, newsPage, out, seedPath } from './harness.mjs';

// Without the corpus (a CI machine), an article written for this test stands in, so the extension is still
// exercised; the screenshot is then fixture.png.
if (!haveSeed) console.log(`e2e: corpus not found at ${seedPath} (set NEWSLENS_CORPUS): using ${fixturePath} instead of the seed article`);
const articlePath = haveSeed ? seedPath : fixturePath;
const screenshot = haveSeed ? 'seed.png' : 'fixture.png';

/** The article's page; the strict one forbids WebAssembly compilation (no 'wasm-unsafe-eval') and inline styles,
 * which the hover card must not need; the late one gets its article by script after load, as on pages that
 * render on the client. */
const session = extensionSession(() => {
  const html = newsPage(readFileSync(articlePath, 'utf8'));
  const late = html.replace(/<article>[\s\S]*<\/article>/, '<div id="app">Chargement…</div>')
    .replace('</body>', `<script>setTimeout(() => { document.getElementById('app').outerHTML = ${JSON.stringify(html.match(/<article>[\s\S]*<\/article>/)[0])}; }, 1500);</script></body>`);
  return {
    '/seed.html': html,
    '/strict.html': { body: html, csp: "script-src 'self'; style-src 'self'" },
    '/late.html': late,
  };
});

/** Open a page and wait for the content script to finish; returns its outcome attributes. */
async function openAndWait(path) {
  const { page, state, logs } = await session.open(path);
  assert.equal(state.newslensState, 'ready', `state on ${path}: ${state.newslensError}\n${logs.join('\n')}`);
  return { page, state, counts: JSON.parse(state.newslensCounts) };
}

const KINDS = ['quote', 'speaker', 'date', 'person', 'organization', 'location'];

test('seed page: analysed, painted with the Highlight API, hover card on a quote', async () => {
  const { page, state, counts } = await openAndWait('/seed.html');
  console.log(`e2e: seed page counts ${state.newslensCounts}, engine ${state.newslensEngine}, paint ${state.newslensPaint}`);
  assert.deepEqual(Object.keys(counts).sort(), [...KINDS].sort());
  assert.equal(state.newslensEngine, 'worker');
  assert.equal(state.newslensPaint, 'highlight');
  assert.equal(state.newslensMisanchored, '0', 'every span anchors on the words it was found in');
  // The seed article names several people, and quotes them.
  assert.ok(counts.person > 0, 'some person mentions are painted');

  // The content script's isolated world and the page share the document's highlight registry.
  const registry = await page.evaluate((kinds) => Object.fromEntries(kinds.map((k) => {
    const h = CSS.highlights.get(`newslens-${k}`);
    return [k, h ? h.size : null];
  })), KINDS);
  assert.deepEqual(registry, counts, 'each kind is registered with as many ranges as counted');

  // Painting must not rewrite the page.
  assert.equal(await page.locator('newslens-mark').count(), 0);

  // Hover the first quote (or, before quotes are detected, the first person) and read the card.
  const kind = counts.quote > 0 ? 'quote' : 'person';
  if (kind !== 'quote') console.log('e2e: no quote detected yet; hovering a person instead');
  const target = await page.evaluate((name) => {
    const range = [...CSS.highlights.get(name)].sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b))[0];
    const r = range.getClientRects()[0];
    return { x: r.left + Math.min(r.width / 2, 20), y: r.top + r.height / 2, text: range.toString() };
  }, `newslens-${kind}`);
  await page.mouse.move(target.x, target.y);
  const cardText = () => page.evaluate(() => {
    const card = document.querySelector('newslens-card')?.shadowRoot?.querySelector('.card');
    return card && !card.hidden ? card.textContent : null;
  });
  await page.waitForFunction(() => {
    const card = document.querySelector('newslens-card')?.shadowRoot?.querySelector('.card');
    return card && !card.hidden;
  }, null, { timeout: 5000 });
  const text = await cardText();
  console.log(`e2e: card over ${kind} "${target.text.slice(0, 60)}": ${text.slice(0, 160)}`);
  if (kind === 'quote') assert.ok(text.includes(target.text.slice(0, 30)), 'the quote card shows the quote');
  else assert.ok(/Personne|Person/.test(text), 'the person card says it is a person');

  mkdirSync(out, { recursive: true });
  await page.screenshot({ path: join(out, screenshot) });

  await page.keyboard.press('Escape');
  assert.equal(await cardText(), null, 'Escape hides the card');
  await page.close();
});

test('strict CSP page: WebAssembly is analysed in the service worker and the page is painted', async () => {
  const { page, state, counts } = await openAndWait('/strict.html');
  console.log(`e2e: strict page counts ${state.newslensCounts}, engine ${state.newslensEngine}`);
  assert.equal(state.newslensEngine, 'worker');
  assert.equal(state.newslensMisanchored, '0', 'snapshot indexes map back to the right text nodes');
  assert.ok(counts.person > 0);
  const sizes = await page.evaluate(() => CSS.highlights.get('newslens-person')?.size ?? 0);
  assert.equal(sizes, counts.person);

  // The hover card is styled (constructed stylesheet in its shadow root) despite style-src 'self'.
  const target = await page.evaluate(() => {
    const range = [...CSS.highlights.get('newslens-person')].sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b))[0];
    const r = range.getClientRects()[0];
    return { x: r.left + Math.min(r.width / 2, 20), y: r.top + r.height / 2 };
  });
  await page.mouse.move(target.x, target.y);
  await page.waitForFunction(() => {
    const card = document.querySelector('newslens-card')?.shadowRoot?.querySelector('.card');
    return card && !card.hidden;
  }, null, { timeout: 5000 });
  const position = await page.evaluate(() => getComputedStyle(document.querySelector('newslens-card').shadowRoot.querySelector('.card')).position);
  assert.equal(position, 'fixed');
  await page.close();
});

test('late article: a page that renders its article after load is analysed once it settles', async () => {
  const { page, counts } = await openAndWait('/late.html');
  assert.ok(counts.person > 0);
  assert.ok(await page.evaluate(() => !!document.querySelector('article')), 'the article was rendered by then');
  await page.close();
});
