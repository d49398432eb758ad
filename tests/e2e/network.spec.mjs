// Nothing leaves the machine (issue #8): with the extension loaded, analysing pages (content-script and
// service-worker paths), hovering, and opening the side panel make no network request of the extension's own.
//
// Two independent records:
// - Playwright's context-wide 'request' events: the pages', the frames' and the service worker's requests;
// - Chromium's net log (--log-net-log), written by the network service for every request of the whole
//   browser, whoever made it, and every host name it resolved.
// The test pages hold no script, image or link of their own: the only requests allowed are each page's own
// document (and the favicon Chromium asks for), all on 127.0.0.1, and the extension's own chrome-extension://
// files. Any fetch/XHR/beacon from a page, any other host resolved or contacted, fails the test.
//
// Run: node --test tests/e2e/network.spec.mjs   (env: CHROMIUM=/usr/bin/chromium)

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assertBuilt, extension, fixturePath, launchWithExtension, listen, newsPage } from './harness.mjs';

let server;
let base;
let context;
let cleanup;
let netlogDir;
const served = [];

before(async () => {
  assertBuilt();
  // No JSON-LD script either: the page itself asks for nothing but its document.
  const html = newsPage(readFileSync(fixturePath, 'utf8'));
  ({ server, base } = await listen((req, res) => {
    served.push(req.url);
    const headers = { 'content-type': 'text/html; charset=utf-8' };
    if (req.url === '/strict.html') headers['content-security-policy'] = "script-src 'self'; style-src 'self'";
    if (req.url === '/page.html' || req.url === '/strict.html') res.writeHead(200, headers).end(html);
    else res.writeHead(404).end('not found');
  }));
  netlogDir = mkdtempSync(join(tmpdir(), 'newslens-netlog-'));
  ({ context, cleanup } = await launchWithExtension({ args: [`--log-net-log=${join(netlogDir, 'net.json')}`] }));
});

after(async () => {
  if (cleanup) await cleanup();
  if (server) server.close();
  // E2E_KEEP_NETLOG=1 keeps the log for reading (chrome://net-export's viewer opens it).
  if (netlogDir && !process.env.E2E_KEEP_NETLOG) rmSync(netlogDir, { recursive: true, force: true });
  else if (netlogDir) console.log(`e2e network: net log kept in ${netlogDir}`);
});

/**
 * The URL requests of a Chromium net log: `{url, initiator, type, headers}` for each, where `initiator` is the
 * origin that asked ('not an origin' for the browser's own requests) and `headers` its request headers.
 */
function readNetLog(path) {
  const raw = readFileSync(path, 'utf8').trimEnd();
  let log;
  try {
    log = JSON.parse(raw);
  } catch {
    // A log cut short (the browser did not close cleanly) lacks its closing brackets.
    log = JSON.parse(`${raw.replace(/,$/, '')}]}`);
  }
  const names = Object.fromEntries(Object.entries(log.constants.logEventTypes).map(([k, v]) => [v, k]));
  const requests = new Map();
  for (const e of log.events) {
    const p = e.params || {};
    const type = names[e.type];
    const r = requests.get(e.source.id) || {};
    if (type === 'URL_REQUEST_START_JOB' && p.url) Object.assign(r, { url: p.url, initiator: p.initiator, type: p.request_type });
    if (type === 'CORS_REQUEST' && p.request_headers) r.headers = JSON.stringify(p.request_headers);
    if (r.url || r.headers) requests.set(e.source.id, r);
  }
  return [...requests.values()].filter((r) => r.url);
}

test('loading the extension on pages, hovering and opening the panel makes no request of its own', async () => {
  const requests = [];
  context.on('request', (r) => requests.push({ url: r.url(), type: r.resourceType(), sw: !!r.serviceWorker?.() }));
  let id;
  for (const path of ['/page.html', '/strict.html']) {
    const page = await context.newPage();
    await page.goto(`${base}${path}`);
    await page.waitForFunction(() => ['ready', 'error'].includes(document.documentElement.dataset.newslensState), null, { timeout: 30_000 });
    const state = await page.evaluate(() => ({ ...document.documentElement.dataset }));
    assert.equal(state.newslensState, 'ready', state.newslensError);
    // Hover every kind once: cards are built from the analysis alone.
    const targets = await page.evaluate(() => [...CSS.highlights.values()].map((h) => {
      const r = [...h][0].getClientRects()[0];
      return { x: r.left + 2, y: r.top + r.height / 2 };
    }));
    for (const t of targets) await page.mouse.move(t.x, t.y);
    const sw = context.serviceWorkers()[0] ?? await context.waitForEvent('serviceworker');
    id = new URL(sw.url()).host;
    await page.waitForTimeout(500);
  }
  // The side panel page, on the last tab.
  const sw = context.serviceWorkers()[0];
  const tabs = await sw.evaluate(() => chrome.tabs.query({}));
  const panel = await context.newPage();
  await panel.goto(`chrome-extension://${id}/panel/panel.html?tab=${tabs[tabs.length - 1].id}`);
  await panel.waitForTimeout(1000);
  await cleanup(); // closing the browser completes the net log
  cleanup = null;

  const own = (url) => url.startsWith(`chrome-extension://${id}/`);
  const page = (url) => url === `${base}/page.html` || url === `${base}/strict.html` || url === `${base}/favicon.ico`;
  console.log(`e2e network: ${requests.length} requests seen by Playwright, served by the page's server: ${served.join(' ')}`);
  const foreign = requests.filter((r) => !own(r.url) && !(page(r.url) && r.type === 'document'));
  assert.deepEqual(foreign, [], 'only the pages\' documents and the extension\'s own files');
  assert.ok(served.every((u) => ['/page.html', '/strict.html', '/favicon.ico'].includes(u)), `server saw ${served}`);

  const log = readNetLog(join(netlogDir, 'net.json'));
  // The browser's own background requests (account and component checks, asked by no origin) are not the
  // extension's: they are listed, and must not name it. Everything asked by an origin must be a page's own.
  const browsers = log.filter((r) => r.initiator === 'not an origin' && r.type !== 'main frame');
  console.log(`e2e network: net log has ${log.length} requests; the browser's own: ${browsers.map((r) => new URL(r.url).host).join(' ') || '(none)'}`);
  const ours = log.filter((r) => (r.initiator || '').includes(id) || r.url.includes(id) || (r.headers || '').includes(id));
  assert.deepEqual(ours, [], 'no request made by or for the extension');
  const allowed = (r) => (r.type === 'main frame' && page(r.url) && !r.url.endsWith('/favicon.ico')) || (r.type === 'other' && r.url === `${base}/favicon.ico`);
  const byOrigins = log.filter((r) => !browsers.includes(r) && !allowed(r));
  assert.deepEqual(byOrigins, [], 'no request but the pages\' documents and favicon');
  assert.ok(browsers.every((r) => !r.url.startsWith(base)), 'the page\'s server is asked by pages only');
});
