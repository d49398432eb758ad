// What the end-to-end specs share: paths, the news page built at test time around an article, a local
// server, and Debian's Chromium launched the way this machine needs (no downloads, no background
// networking), with the /tmp/org.chromium.Chromium.* folders it leaves behind removed afterwards.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createServer } from 'node:http';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before } from 'node:test';
import { chromium } from 'playwright-core';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** The extension's source folder (the shared page modules are served from it). */
export const source = join(root, 'extension');
/**
 * The Chrome and Firefox builds the tests load (scripts/package.mjs --e2e, run once per test process): the
 * store builds, holding access to every site from install as after a reader chose automatic mode.
 */
export const extension = join(root, 'dist/e2e-chrome');
export const firefoxExtension = join(root, 'dist/e2e-firefox');
/** Fail clearly when the WebAssembly module has not been built (the packages are made from it). */
export function assertBuilt() {
  assert.ok(existsSync(join(source, 'pkg/newslens_bg.wasm')) && existsSync(join(source, 'pkg/newslens_bg.wasm.js')), 'extension/pkg is missing: run scripts/build-wasm.sh first');
}
if (existsSync(join(source, 'pkg/newslens_bg.wasm'))) {
  execFileSync(process.execPath, [join(root, 'scripts/package.mjs'), '--e2e'], { stdio: 'ignore' });
}
export const corpus = process.env.NEWSLENS_CORPUS || resolve(root, '../shared/corpus');
export const seedPath = join(corpus, 'seed/sessions-fr.txt');
export const haveSeed = existsSync(seedPath);
/** An article written for the tests, used where the corpus (third parties' texts) is absent. */
export const fixturePath = join(root, 'tests/e2e/fixture-fr.txt');
export const out = process.env.E2E_OUT || join(root, 'tests/e2e/out');
export const chromiumPath = process.env.CHROMIUM || '/usr/bin/chromium';

/** Chromium flags for this machine: as root, headless, and no connections of its own. */
export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync',
  ...(process.env.NEWSLENS_JS_FLAGS ? [`--js-flags=${process.env.NEWSLENS_JS_FLAGS}`] : []),
];

export const escapeHtml = (s) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);

/** A news page around an article text: one <p> per line, JSON-LD with the seed's publication time. */
export function newsPage(text) {
  const paragraphs = text.split('\n').map((l) => l.trim()).filter(Boolean);
  const ld = JSON.stringify({ '@context': 'https://schema.org', '@type': 'NewsArticle', headline: 'Page de test NewsLens', datePublished: '2017-03-03T13:27:00' });
  return `<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><title>Page de test NewsLens</title>
<script type="application/ld+json">${ld}</script>
<style>body { font: 18px/1.6 Georgia, serif; max-width: 46em; margin: 2em auto; padding: 0 1em; color: #222; }
nav, footer { color: #888; font-size: 14px; }</style></head>
<body><nav>Accueil · Monde · Politique</nav>
<article><h1>Page de test NewsLens</h1>
${paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}
</article>
<footer>Pied de page du site de test</footer></body></html>`;
}

/** Serve `handler` on 127.0.0.1 (a free port): `{server, base}`. */
export async function listen(handler) {
  const server = createServer(handler);
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  return { server, base: `http://127.0.0.1:${server.address().port}` };
}

const chromiumTmp = () => readdirSync(tmpdir()).filter((n) => n.startsWith('org.chromium.Chromium.'));

/** Run `launch`, and return its result with a `cleanup` that also removes the Chromium folders it left. */
async function withTmpCleanup(launch, closeIt, extraCleanup = () => {}) {
  const before = new Set(chromiumTmp());
  const handle = await launch();
  const cleanup = async () => {
    await closeIt(handle);
    extraCleanup();
    // Only the folders made during this run. Another Chromium started meanwhile (another test run on the
    // machine) may be writing into one of them: that one is left to its owner rather than failing the test.
    for (const n of chromiumTmp()) {
      if (before.has(n)) continue;
      try { rmSync(join(tmpdir(), n), { recursive: true, force: true }); } catch { /* in use elsewhere */ }
    }
  };
  return { handle, cleanup };
}

/** Poll `check` (async) every 100 ms until it is truthy; its value, or null after `ms`. */
export async function until(check, ms = 20_000) {
  const end = Date.now() + ms;
  for (;;) {
    const v = await check();
    if (v || Date.now() > end) return v || null;
    await new Promise((ok) => setTimeout(ok, 100));
  }
}

/**
 * Headless Chromium with the unpacked extension (`path`, default the e2e Chrome build) loaded in a fresh
 * profile: `{context, cleanup, sw, id}`, once the service worker has registered the content script (automatic
 * mode; `registered: false` does not wait for it), so pages opened next get it. `args`: more Chromium flags
 * (the network spec adds a net log).
 */
export async function launchWithExtension({ viewport = { width: 1100, height: 900 }, locale, env, path = extension, registered = true, args = [] } = {}) {
  const userDataDir = mkdtempSync(join(tmpdir(), 'newslens-e2e-'));
  const { handle, cleanup } = await withTmpCleanup(
    () => chromium.launchPersistentContext(userDataDir, {
      executablePath: chromiumPath,
      headless: true,
      viewport,
      locale,
      env: env ? { ...process.env, ...env } : undefined,
      args: [...CHROMIUM_ARGS, `--disable-extensions-except=${path}`, `--load-extension=${path}`, ...(locale ? [`--lang=${locale}`] : []), ...args],
    }),
    (context) => context.close(),
    () => rmSync(userDataDir, { recursive: true, force: true }),
  );
  const sw = handle.serviceWorkers()[0] ?? await handle.waitForEvent('serviceworker');
  if (registered && !(await until(async () => (await sw.evaluate(() => chrome.scripting.getRegisteredContentScripts())).length > 0))) {
    throw new Error('the service worker did not register the content script');
  }
  return { context: handle, cleanup, sw, id: new URL(sw.url()).host };
}

/** Plain headless Chromium: `{browser, cleanup}`. */
export async function launchChromium() {
  const { handle, cleanup } = await withTmpCleanup(
    () => chromium.launch({ executablePath: chromiumPath, headless: true, args: CHROMIUM_ARGS }),
    (browser) => browser.close(),
  );
  return { browser: handle, cleanup };
}

/**
 * What most specs need around their tests: before them, `routes` served on 127.0.0.1 and Chromium launched with
 * the extension (`launch`: launchWithExtension's options); after them, both closed. `routes` (or a function
 * returning them, called in before()): path → an HTML string, or `{body, csp?, type?}` (`csp`: the page's
 * Content-Security-Policy header; `type`: default HTML in UTF-8); any other path is a 404. Returns the session,
 * whose fields are set by before(): `context`, `sw`, `id`, `base`, and `open(path, options)`.
 */
export function extensionSession(routes, launch = {}) {
  const session = {};
  let server;
  let cleanup;
  before(async () => {
    assertBuilt();
    const table = typeof routes === 'function' ? routes() : routes;
    ({ server, base: session.base } = await listen((req, res) => {
      const route = table[req.url];
      if (route === undefined) return res.writeHead(404).end('not found');
      const { body, csp, type = 'text/html; charset=utf-8', delay = 0 } = typeof route === 'string' ? { body: route } : route;
      const headers = { 'content-type': type };
      if (csp) headers['content-security-policy'] = csp;
      // (`delay`: a slow resource, e.g. a style sheet still on its way when the content script starts.)
      setTimeout(() => res.writeHead(200, headers).end(body), delay);
    }));
    ({ context: session.context, cleanup, sw: session.sw, id: session.id } = await launchWithExtension(launch));
  });
  after(async () => {
    if (cleanup) await cleanup();
    if (server) server.close();
  });

  /**
   * Open `path` in a new tab and wait for the content script's outcome (ready or error, `timeout` ms):
   * `{page, state, logs}`, `state` being <html>'s dataset and `logs` the page's console and errors.
   * `offline`: the service worker leaves pages unanswered (its test switch), so the content script analyses
   * them itself, blocks added later included; it stays so until the next open().
   */
  session.open = async (path, { timeout = 30_000, offline = false } = {}) => {
    await session.sw.evaluate((on) => { self.newslensOffline = on; }, offline);
    const page = await session.context.newPage();
    const logs = [];
    page.on('console', (m) => logs.push(`${m.type()}: ${m.text()}`));
    page.on('pageerror', (e) => logs.push(`pageerror: ${e.message}`));
    await page.goto(`${session.base}${path}`);
    try {
      await page.waitForFunction(() => ['ready', 'error'].includes(document.documentElement.dataset.newslensState), null, { timeout });
    } catch (e) {
      throw new Error(`content script did not finish on ${path}: ${e.message}\n${logs.join('\n')}`);
    }
    const state = await page.evaluate(() => ({ ...document.documentElement.dataset }));
    return { page, state, logs };
  };
  return session;
}
