// The extension on saved real news pages (issue #6), in headless Chromium: each page is served from a local
// server (its scripts left out, every request off 127.0.0.1 refused: the pages run offline and only our code
// runs), the extension finds the article, paints it, and a hover card opens on a quote or a speaker.
// Budgets are measured and printed as a table (the README carries it); the asserted bounds are generous so
// that a loaded 2-core CI machine does not fail the run, the printed figures are the benchmark.
// Each page is opened twice: on a STOPPED service worker (stopped through the DevTools protocol, as Chromium
// stops an idle one after 30 s: the reader's usual case: "cold"), and on a running one ("warm"), half a second
// after the worker answered ANOTHER page (the previous page's cold run), as for a reader going from page to
// page: what the worker learnt from that page (its re-analyses, V8's optimised code) is general, not this page's.
//
// The pages are third parties' (../shared/corpus/pages, see its README), read from $NEWSLENS_CORPUS and never
// copied into the repository: without them the test says so and is skipped.
//
// Run: node --test tests/e2e/pages.spec.mjs   (env: NEWSLENS_CORPUS, CHROMIUM)

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { assertBuilt, corpus, extension, launchWithExtension, listen, until } from './harness.mjs';

const pagesDir = join(corpus, 'pages');
const havePages = existsSync(pagesDir);
if (!havePages) console.log(`e2e pages: SKIPPED, no saved pages at ${pagesDir} (set NEWSLENS_CORPUS)`);

/** (file under pages/, language, long article: counts in the long-article median). */
const PAGES = [
  ['readability/nytimes-1/source.html', 'en', true],
  ['readability/nytimes-3/source.html', 'en', true],
  ['readability/guardian-1/source.html', 'en', true],
  ['readability/wapo-1/source.html', 'en', true],
  ['readability/bbc-1/source.html', 'en', false],
  ['trafilatura/en/nytimes.com.blackouts.html', 'en', true],
  ['trafilatura/en/theatlantic.com.disasters.html', 'en', true],
  ['newspaper/html/reuters.com1.html', 'en', false],
  ['trafilatura/fr/blog.mondediplo.net.turpitude.html', 'fr', true],
  ['trafilatura/fr/legrandcontinent.eu.heran.html', 'fr', true],
  ['trafilatura/fr/madame.lefigaro.fr.dintestin.html', 'fr', false],
  ['trafilatura/fr/aoc.media.archaisme.html', 'fr', true],
  ['trafilatura/fr/soundofscience.fr.1927.html', 'fr', false],
];

/** The page without its scripts (JSON-LD kept: the publication date lives there); bytes kept as they are. */
function offline(path) {
  const html = readFileSync(join(pagesDir, path)).toString('latin1');
  const stripped = html.replace(/<script\b(?![^>]*ld\+json)[^>]*>[\s\S]*?<\/script\s*>/gi, '');
  return Buffer.from(stripped, 'latin1');
}

let server;
let base;
let context;
let cleanup;
/** DevTools sessions: the browser's (to list targets) and a blank tab's (to stop service workers). */
let browserCdp;
let tabCdp;

before(async () => {
  if (!havePages) return;
  assertBuilt();
  ({ server, base } = await listen((req, res) => {
    const k = Number((req.url.match(/^\/page\/(\d+)\.html$/) || [])[1]);
    if (!Number.isInteger(k) || !PAGES[k]) return res.writeHead(404).end('not found');
    res.writeHead(200, { 'content-type': 'text/html' }).end(offline(PAGES[k][0]));
  }));
  ({ context, cleanup } = await launchWithExtension({ viewport: { width: 1280, height: 900 } }));
  browserCdp = await context.browser().newBrowserCDPSession();
  tabCdp = await context.newCDPSession(await context.newPage());
  await tabCdp.send('ServiceWorker.enable');
  // Offline: images, fonts and styles of the real sites are refused at once rather than waited for.
  await context.route((url) => url.protocol.startsWith('http') && url.origin !== base, (route) => route.abort());
  // Long tasks of the page's main thread (ours included: content scripts share it), from the start.
  await context.addInitScript(() => {
    window.__longTasks = [];
    try {
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration });
      }).observe({ type: 'longtask', buffered: true });
    } catch { /* no longtask support */ }
  });
});

after(async () => {
  if (cleanup) await cleanup();
  if (server) server.close();
});

const KINDS = ['quote', 'speaker', 'date', 'person', 'organization', 'location'];
const median = (v) => (v.length ? [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)] : NaN);
const mb = (bytes) => (bytes / 1048576).toFixed(1);

/** Hover the first visible span of `kind` that opens the card: the card's text, or null. */
async function hoverCard(page, kind) {
  const n = await page.evaluate((name) => CSS.highlights.get(name)?.size ?? 0, `newslens-${kind}`);
  for (let i = 0; i < Math.min(n, 6); i++) {
    const target = await page.evaluate(({ name, i }) => {
      const range = [...CSS.highlights.get(name)].sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b))[i];
      range.startContainer.parentElement.scrollIntoView({ block: 'center' });
      const r = [...range.getClientRects()].find((q) => q.width > 2 && q.height > 2);
      return r ? { x: r.left + Math.min(r.width / 2, 12), y: r.top + r.height / 2 } : null;
    }, { name: `newslens-${kind}`, i });
    if (!target) continue;
    // Scrolling hides the card; the move after it opens it again.
    await page.waitForTimeout(50);
    await page.mouse.move(target.x, target.y);
    const text = await page.waitForFunction(() => {
      const card = document.querySelector('newslens-card')?.shadowRoot?.querySelector('.card');
      return card && !card.hidden ? card.textContent : null;
    }, null, { timeout: 1500 }).then((h) => h.jsonValue()).catch(() => null);
    if (text) return text;
  }
  return null;
}

/** The extension's service worker as a DevTools target, or undefined when it is not running. */
const workerTarget = async () => (await browserCdp.send('Target.getTargets')).targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith('chrome-extension://'));

/** Stop the service worker (ServiceWorker.stopAllWorkers) and wait until it is gone. */
async function stopWorker() {
  await tabCdp.send('ServiceWorker.stopAllWorkers');
  assert.ok(await until(async () => !(await workerTarget()), 5000), 'the service worker did not stop');
}

/** Open page `k`, wait for the content script's outcome: `{page, state, counts, timing, logs}`. */
async function open(k) {
  const page = await context.newPage();
  const logs = [];
  page.on('pageerror', (e) => logs.push(`pageerror: ${e.message}`));
  await page.goto(`${base}/page/${k}.html`, { waitUntil: 'domcontentloaded' });
  // (document_idle may come after the paint: the content script starts at document_end.)
  await page.waitForFunction(() => ['ready', 'error'].includes(document.documentElement.dataset.newslensState) && document.documentElement.dataset.newslensIdleAt, null, { timeout: 60_000 });
  const state = await page.evaluate(() => ({ ...document.documentElement.dataset }));
  assert.equal(state.newslensState, 'ready', `${PAGES[k][0]}: ${state.newslensError}\n${logs.join('\n')}`);
  const timing = JSON.parse(state.newslensTiming);
  // The budget's clock: document_idle → painted, none when the paint came first.
  timing.idleAt = Number(state.newslensIdleAt);
  timing.idlePainted = Math.max(0, timing.t0 + timing.painted - timing.idleAt);
  return { page, state, counts: JSON.parse(state.newslensCounts), timing };
}

/** The main thread's long tasks (whoever ran them) while we worked: document_end → painted. */
const longTasksOf = (page, timing) => page.evaluate(({ from, to }) => window.__longTasks.filter((t) => t.start + t.duration > from && t.start < to).map((t) => t.duration), { from: timing.t0, to: timing.t0 + timing.painted });

/** Page `k`'s warm run, `open(k)`'s outcome: its spans painted, a hover card, its long tasks; the page closed. */
async function checkWarm(k, { page, state, counts, timing }) {
  const path = PAGES[k][0];
  assert.equal(state.newslensEngine, 'worker', path);
  const painted = KINDS.reduce((n, kind) => n + counts[kind], 0);
  assert.ok(painted > 0, `${path}: nothing painted`);
  // What the registry holds is what was counted: the ranges are really painted.
  const sizes = await page.evaluate((kinds) => Object.fromEntries(kinds.map((kind) => [kind, CSS.highlights.get(`newslens-${kind}`)?.size ?? 0])), KINDS);
  assert.deepEqual(sizes, counts, path);
  assert.equal(await page.locator('newslens-mark').count(), 0, `${path}: the page is not rewritten`);
  // Long tasks while we worked (document_end → painted), whoever ran them.
  const longTasks = await longTasksOf(page, timing);
  const hovered = [];
  for (const kind of ['quote', 'speaker']) {
    if (!counts[kind]) continue;
    const text = await hoverCard(page, kind);
    if (text) {
      hovered.push(kind);
      break;
    }
  }
  if (!counts.quote && !counts.speaker) console.log(`e2e pages: ${path}: no quote or speaker found`);
  else assert.ok(hovered.length, `${path}: no hover card opened on a quote or speaker`);
  await page.keyboard.press('Escape');
  await page.close();
  return { state, counts, timing, longTasks, hovered };
}

const rows = [];

test('saved real pages: article painted, hover card on a quote or speaker, budgets', { skip: !havePages && 'no saved pages (NEWSLENS_CORPUS)' }, async () => {
  // Page k's cold run, then page k + 1's warm run (the last page's warm run follows the first page's cold one).
  const colds = [];
  const warms = [];
  for (const k of PAGES.keys()) {
    // Cold: the worker stopped, as a reader's usually is when a page opens.
    await stopWorker();
    const cold = await open(k);
    colds[k] = { ...cold, tasks: await longTasksOf(cold.page, cold.timing) };
    await cold.page.close();
    await new Promise((ok) => setTimeout(ok, 500));
    const w = (k + 1) % PAGES.length;
    const warm = await open(w);
    warms[w] = await checkWarm(w, warm);
  }
  for (const [k, [path, lang, long]] of PAGES.entries()) {
    const cold = colds[k];
    const warm = warms[k];
    assert.equal(cold.state.newslensEngine, 'worker', `${path} (cold)`);
    // The same article, whatever the worker's state.
    assert.deepEqual(cold.counts, warm.counts, `${path}: cold and warm runs painted different spans`);
    rows.push({ path, lang, long, counts: warm.counts, timing: warm.timing, longTasks: warm.longTasks, hovered: warm.hovered, cold: cold.timing, coldTasks: cold.tasks });
  }

  console.log('\n| page | lang | article (UTF-16 units) | quotes / speakers / dates / names | bundle eval ms | settings read ms (meanwhile) | snapshot ms (slices) | paint ms | warm: worker wait / analysis ms (rounds re-warmed on the page before) | warm: message to / from worker ms | warm: idle→painted ms (from document_end) | cold: document_end at ms (document_idle after it) | cold: worker age when asked ms (warm-up pieces done) | cold: worker wait (instantiation / analysis) ms | cold: idle→painted ms (from document_end) | longest task of ours ms warm / cold | long tasks > 50 ms warm / cold | WASM memory MB (worker) | JS heap Δ MB | card |');
  console.log('|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|');
  const tasks = (list) => (list.length ? list.map(Math.round).join(', ') : 'none');
  for (const r of rows) {
    const c = r.counts;
    const t = r.timing;
    const k = r.cold;
    const names = c.person + c.organization + c.location;
    const heap = t.heapAfter && t.heapBefore ? mb(t.heapAfter - t.heapBefore) : '–';
    console.log(`| ${r.path.replace(/\/source\.html$/, '')} | ${r.lang} | ${t.text} | ${c.quote} / ${c.speaker} / ${c.date} / ${names} | ${t.imported} | ${t.settings} | ${t.snapshot} (${t.slices}) | ${t.paint} | ${t.worker} / ${t.workerAnalyse} (${t.workerRewarmed ?? 0}) | ${t.toWorker} / ${t.fromWorker} | ${t.idlePainted.toFixed(1)} (${t.painted}) | ${Math.round(k.t0)} (+${(k.idleAt - k.t0).toFixed(1)}) | ${Math.round(k.workerAge)} (${k.workerWarmed}) | ${k.worker} (${k.workerWasm} / ${k.workerAnalyse}) | ${k.idlePainted.toFixed(1)} (${k.painted}) | ${t.maxTask} / ${k.maxTask} | ${tasks(r.longTasks)} / ${tasks(r.coldTasks)} | ${mb(t.wasmBytes)} | ${heap} | ${r.hovered.join(', ') || '–'} |`);
  }
  // Every run's timings, for whoever wants more than the table (scripts, comparisons across runs).
  mkdirSync(new URL('./out/', import.meta.url), { recursive: true });
  writeFileSync(new URL('./out/pages-timing.json', import.meta.url), JSON.stringify(rows, null, 1));
  const longRows = rows.filter((r) => r.long);
  const idle = median(longRows.map((r) => r.timing.idlePainted));
  const idleCold = median(longRows.map((r) => r.cold.idlePainted));
  // The whole of our work, from the content script's start at document_end (before document_idle).
  const end = median(longRows.map((r) => r.timing.painted));
  const endCold = median(longRows.map((r) => r.cold.painted));
  const idleGap = median(rows.flatMap((r) => [r.timing, r.cold]).map((t) => t.idleAt - t.t0));
  // The module is instantiated once per worker: each cold run instantiates it; the page loads none.
  const wasm = median(rows.map((r) => r.cold.workerWasm ?? 0));
  const wasmBytes = median(rows.map((r) => r.cold.workerBytes ?? 0));
  const wasmCompile = median(rows.map((r) => r.cold.workerCompile ?? 0));
  // The whole of a worker's start, its own scripts' loading included (in Chromium's build they carry the
  // module's bytes): from the worker's start to the module instantiated.
  const workerReady = median(rows.map((r) => r.cold.workerReadyAt ?? 0));
  const workerScript = median(rows.map((r) => r.cold.workerScriptAt ?? 0));
  const maxTask = Math.max(...rows.map((r) => Math.max(r.timing.maxTask, r.cold.maxTask)));
  const wasmMb = Math.max(...rows.map((r) => Math.max(r.timing.wasmBytes, r.cold.wasmBytes))) / 1048576;
  console.log(`\nload average during the run: ${loadavg().map((l) => l.toFixed(1)).join(' ')} on ${availableParallelism()} cores`);
  const work = median(longRows.map((r) => r.timing.workerAnalyse ?? 0));
  const workCold = median(longRows.map((r) => r.cold.workerAnalyse ?? 0));
  // The warm-up's work done before a cold page asked (it stops then): what each worker start costs besides.
  const warmUp = median(rows.map((r) => r.cold.workerWarm ?? 0));
  console.log(`budgets: idle→painted median on long articles warm ${idle.toFixed(1)} ms, cold ${idleCold.toFixed(1)} ms (target ≤ 50; from the script's start at document_end, ${idleGap.toFixed(1)} ms before document_idle (median): warm ${end.toFixed(1)}, cold ${endCold.toFixed(1)}; analysis in the worker ${work.toFixed(1)} / ${workCold.toFixed(1)} ms of it); longest task of ours ${maxTask.toFixed(1)} ms (target ≤ 50); WASM instantiation ${wasm.toFixed(1)} ms median (bytes ${wasmBytes.toFixed(1)}, compilation ${wasmCompile.toFixed(1)}), once per worker start, none in the page (target ≤ 20; worker start → module ready ${workerReady.toFixed(1)}, of it the worker's scripts ${workerScript.toFixed(1)}), warm-up ${warmUp.toFixed(1)} ms of work before the page asked; WASM memory ≤ ${wasmMb.toFixed(1)} MB, in the worker (target ≤ 10)`);
  // Generous bounds (this 2-core machine runs other builds and browsers at the same time: a load average of
  // 10 makes every figure several times slower); the figures above are the benchmark.
  assert.ok(rows.length >= 10 && rows.some((r) => r.lang === 'fr') && rows.some((r) => r.lang === 'en'));
  assert.ok(maxTask < 1500, `a task of ours took ${maxTask} ms`);
  assert.ok(idle < 5000, `idle→painted median ${idle} ms`);
  assert.ok(idleCold < 10000, `idle→painted median on a stopped worker ${idleCold} ms`);
  assert.ok(wasmMb < 64, `WebAssembly memory ${wasmMb} MB`);
});
