// End-to-end test of the www/ demo page in headless Chromium: a sample article is analysed and painted on
// load, its panel lists who said what, a hover card opens over a quote, and the seed article opened through
// the file picker (read from $NEWSLENS_CORPUS at test time, never copied) shows its speakers.
//
// Run: node --test tests/e2e/demo.spec.mjs   (needs www/pkg from scripts/build-wasm.sh)

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { launchChromium, listen, out, root, seedPath } from './harness.mjs';

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.wasm': 'application/wasm', '.txt': 'text/plain; charset=utf-8', '.json': 'application/json' };

let server;
let base;
let browser;
let cleanup;

before(async () => {
  assert.ok(existsSync(join(root, 'www/pkg/newslens_bg.wasm')), 'www/pkg is missing: run scripts/build-wasm.sh first');
  // Serve the repository root, as scripts/demo.sh does (the demo imports ../extension/common/).
  ({ server, base } = await listen((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    const file = join(root, path.endsWith('/') ? `${path}index.html` : path);
    if (!file.startsWith(root) || !existsSync(file)) return res.writeHead(404).end('not found');
    res.writeHead(200, { 'content-type': TYPES[extname(file)] || 'application/octet-stream' }).end(readFileSync(file));
  }));
  ({ browser, cleanup } = await launchChromium());
});

after(async () => {
  if (cleanup) await cleanup();
  if (server) server.close();
});

const highlightSizes = (page) => page.evaluate(() => Object.fromEntries(
  ['quote', 'speaker', 'date', 'person', 'organization', 'location'].map((k) => [k, CSS.highlights.get(`newslens-${k}`)?.size ?? 0]),
));

test('demo page: sample analysed and painted, panel and hover card, seed article through the file picker', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${base}/www/`);
  await page.waitForFunction(() => /analysed in/.test(document.getElementById('status').textContent), null, { timeout: 20_000 });
  assert.deepEqual(errors, []);

  const sizes = await highlightSizes(page);
  console.log(`demo: sample highlights ${JSON.stringify(sizes)}`);
  for (const kind of ['quote', 'speaker', 'date', 'person']) assert.ok(sizes[kind] > 0, `${kind} ranges are painted`);
  const panel = await page.locator('#panel').textContent();
  assert.match(panel, /Qui a dit quoi/);
  assert.match(panel, /Hélène Marchetti/, 'the mayor is listed as a speaker');

  // Hover the first quote: the card shows its words.
  const target = await page.evaluate(() => {
    const range = [...CSS.highlights.get('newslens-quote')].sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b))[0];
    const r = range.getClientRects()[0];
    return { x: r.left + Math.min(r.width / 2, 20), y: r.top + r.height / 2, text: range.toString() };
  });
  await page.mouse.move(target.x, target.y);
  await page.waitForFunction(() => {
    const card = document.querySelector('newslens-card')?.shadowRoot?.querySelector('.card');
    return card && !card.hidden;
  }, null, { timeout: 5000 });
  const card = await page.evaluate(() => document.querySelector('newslens-card').shadowRoot.querySelector('.card').textContent);
  assert.ok(card.includes(target.text.slice(0, 25)), `card shows the quote: ${card.slice(0, 120)}`);
  mkdirSync(out, { recursive: true });
  await page.screenshot({ path: join(out, 'demo.png') });
  await page.keyboard.press('Escape');

  // The same exports as the extension's: the CSV has one row per quote the panel lists.
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#export button[data-format=csv]').click()]);
  const csv = readFileSync(await download.path(), 'utf8').split('\r\n');
  assert.equal(csv[0], 'speaker,kind,quote,cue,date_context,url');
  assert.equal(csv.length - 2, await page.locator('#panel li.quote').count());
  assert.ok(csv.some((row) => row.startsWith('Hélène Marchetti,')), csv.join('\n'));

  if (!existsSync(seedPath)) {
    console.log(`demo: SKIPPED the seed article part: corpus not found at ${seedPath} (set NEWSLENS_CORPUS)`);
  } else {
    await page.fill('#reference', '2017-03-03T13:27');
    await page.setInputFiles('#file', seedPath);
    await page.waitForFunction(() => /Jeff Sessions/.test(document.getElementById('panel').textContent), null, { timeout: 20_000 });
    const seedPanel = await page.locator('#panel').textContent();
    for (const name of ['Jeff Sessions', 'Donald Trump', 'Sara Isgur Flores']) assert.ok(seedPanel.includes(name), `${name} in the panel`);
    assert.match(seedPanel, /J'ai rencontré un responsable russe/);
    const seedSizes = await highlightSizes(page);
    console.log(`demo: seed highlights ${JSON.stringify(seedSizes)}`);
    assert.ok(seedSizes.quote >= 10 && seedSizes.date >= 10, 'the seed article is painted');
    await page.screenshot({ path: join(out, 'demo-seed.png') });
  }
  assert.deepEqual(errors, []);
  await page.close();
});
