// The Firefox build (dist/e2e-firefox, see harness.mjs) in Debian's firefox-esr, driven over WebDriver BiDi by
// puppeteer-core (which downloads no browser): it installs, its background script registers the content
// script, which reaches "ready", applies the reader's settings and paints with the Highlight API, and a hover
// card opens. Skipped, with a message, without firefox-esr.
//
// Firefox runs WebAssembly in content scripts whatever the page's CSP, so the service-worker path is only
// exercised in Chromium (extension.spec.mjs).
//
// Run: node --test tests/e2e/firefox.spec.mjs   (env: FIREFOX=/usr/bin/firefox-esr, NEWSLENS_CORPUS)

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import { firefoxExtension as extension, fixturePath, haveSeed, listen, newsPage, seedPath } from './harness.mjs';

const articlePath = haveSeed ? seedPath : fixturePath;
const executablePath = process.env.FIREFOX || '/usr/bin/firefox-esr';
const skip = existsSync(executablePath) ? false : `${executablePath} not found (apt-get install firefox-esr): Firefox test skipped`;
if (skip) console.log(`e2e: ${skip}`);

let server;
let base;
let browser;

before(async () => {
  if (skip) return;
  assert.ok(existsSync(join(extension, 'pkg/newslens_bg.wasm')), 'extension/pkg is missing: run scripts/build-wasm.sh first');
  const html = newsPage(readFileSync(articlePath, 'utf8'));
  ({ server, base } = await listen((req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html)));
  // puppeteer makes (and removes) its own temporary profile.
  browser = await puppeteer.launch({ browser: 'firefox', executablePath, headless: true });
});

after(async () => {
  if (browser) await browser.close();
  if (server) server.close();
});

test('Firefox: the extension loads, analyses, paints and shows a hover card', { skip }, async () => {
  assert.equal(await browser.installExtension(extension), 'newslens@newslens.invalid');
  const page = await browser.newPage();
  // The background script registers the content script just after install: the first load may be too early.
  let started = false;
  for (let k = 0; k < 5 && !started; k++) {
    await page.goto(`${base}/`);
    started = await page.waitForFunction(() => !!document.documentElement.dataset.newslensState, { timeout: 2000 }).then(() => true, () => false);
  }
  await page.waitForFunction(() => ['ready', 'error'].includes(document.documentElement.dataset.newslensState), { timeout: 30_000 });
  const state = await page.evaluate(() => ({ ...document.documentElement.dataset }));
  assert.equal(state.newslensState, 'ready', state.newslensError);
  assert.equal(state.newslensPaint, 'highlight');
  const counts = JSON.parse(state.newslensCounts);
  console.log(`e2e: firefox counts ${state.newslensCounts}, engine ${state.newslensEngine}`);
  assert.ok(counts.person > 0);
  // The reader's controls run too: every kind shown, the palette applied as a constructed sheet.
  assert.equal(state.newslensHidden, '');
  assert.equal(await page.evaluate(() => [...document.adoptedStyleSheets].some((sh) => [...sh.cssRules].some((r) => r.cssText.includes('newslens-location')))), true);
  const sizes = await page.evaluate((kinds) => Object.fromEntries(kinds.map((k) => [k, CSS.highlights.get(`newslens-${k}`)?.size ?? null])), Object.keys(counts));
  assert.deepEqual(sizes, counts);

  const kind = counts.quote > 0 ? 'quote' : 'person';
  const target = await page.evaluate((name) => {
    const range = [...CSS.highlights.get(name)].sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b))[0];
    const r = range.getClientRects()[0];
    return { x: r.left + Math.min(r.width / 2, 20), y: r.top + r.height / 2 };
  }, `newslens-${kind}`);
  await page.mouse.move(target.x, target.y);
  await page.waitForFunction(() => {
    const card = document.querySelector('newslens-card')?.shadowRoot?.querySelector('.card');
    return card && !card.hidden;
  }, { timeout: 5000 });
  await page.keyboard.press('Escape');
  assert.equal(await page.evaluate(() => document.querySelector('newslens-card').shadowRoot.querySelector('.card').hidden), true);
  await page.close();
});
