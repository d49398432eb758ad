// End-to-end tests of NewsLens as a product, in headless Chromium on the packaged Chrome build
// (dist/e2e-chrome, see harness.mjs), on the article written for the tests (tests/e2e/fixture-fr.txt, never
// corpus text): the toolbar popup (switches, counts, language override, exports), the options page (modes
// and their content-script registration, theme, colours, delay, shortcuts, privacy), the keyboard (commands,
// n / p through a speaker's quotes, Escape, the popup and panel without a mouse, aria-live
// announcements), the hover card's list of a speaker's quotes, and the screenshots the README shows
// (popup.png, panel.png, card.png, options.png: into tests/e2e/out, and into docs/ with UPDATE_SCREENSHOTS=1,
// so that a test run leaves the committed ones alone).
//
// Run: node --test tests/e2e/product.spec.mjs   (env: CHROMIUM=/usr/bin/chromium, UPDATE_SCREENSHOTS=1, E2E_OUT)

import { test, before, beforeEach, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixturePath, launchWithExtension, listen, newsPage, out, root, until } from './harness.mjs';

const docs = process.env.UPDATE_SCREENSHOTS === '1' ? join(root, 'docs') : out;
const KINDS = ['quote', 'speaker', 'date', 'person', 'organization', 'location'];

let server;
let base;
let context;
let cleanup;
let sw;
let id;

before(async () => {
  const html = newsPage(readFileSync(fixturePath, 'utf8'));
  ({ server, base } = await listen((req, res) => {
    if (['/fixture.html', '/other.html', '/later.html'].includes(req.url.replace(/\?.*/, ''))) res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
    else res.writeHead(404).end('not found');
  }));
  ({ context, cleanup, sw, id } = await launchWithExtension({ viewport: { width: 1000, height: 700 } }));
  mkdirSync(docs, { recursive: true });
});

// Each test starts from the settings of a fresh e2e install (automatic mode), whatever the last one left.
beforeEach(async () => {
  if (sw) await sw.evaluate(() => chrome.storage.local.set({ settings: { mode: 'auto' } }));
});

after(async () => {
  if (cleanup) await cleanup();
  if (server) server.close();
});

const html = (page) => page.evaluate(() => ({ ...document.documentElement.dataset }));
const settings = () => sw.evaluate(async () => (await chrome.storage.local.get('settings')).settings);

/** Open a fixture page and wait for the content script; returns `{page, tab}` (tab: its id). */
let opened = 0;
async function openArticle(path = `/fixture.html?${++opened}`) {
  const page = await context.newPage();
  await page.goto(`${base}${path}`);
  await page.waitForFunction(() => ['ready', 'error'].includes(document.documentElement.dataset.newslensState), null, { timeout: 30_000 });
  const state = await html(page);
  assert.equal(state.newslensState, 'ready', state.newslensError);
  // The e2e build holds host access, so the service worker sees the tab's address.
  const tab = await sw.evaluate((url) => chrome.tabs.query({}).then((ts) => ts.find((t) => t.url === url)?.id), `${base}${path}`);
  assert.ok(tab, 'the page\'s tab');
  return { page, tab };
}

async function openPopup(tab) {
  const popup = await context.newPage();
  await popup.setViewportSize({ width: 340, height: 560 });
  await popup.goto(`chrome-extension://${id}/popup/popup.html?tab=${tab}`);
  await popup.waitForFunction(() => document.documentElement.dataset.state === 'ready', null, { timeout: 10_000 });
  return popup;
}

/** Wait until the page shows exactly `hidden` ('all', '' or kinds). */
const hiddenIs = (page, hidden) => page.waitForFunction((h) => document.documentElement.dataset.newslensHidden === h, hidden, { timeout: 15_000 });

test('popup: counts per kind, switches per kind, per site and everywhere, language override', async () => {
  const { page, tab } = await openArticle();
  const counts = JSON.parse((await html(page)).newslensCounts);
  const popup = await openPopup(tab);

  // One row per kind, in order, with the page's painted count.
  const rows = await popup.locator('#kinds .kind').evaluateAll((rs) => rs.map((r) => [r.dataset.kind, r.querySelector('.count').textContent, r.querySelector('input').checked]));
  assert.deepEqual(rows, KINDS.map((k) => [k, String(counts[k]), true]));
  assert.ok(counts.quote >= 3 && counts.person >= 2, JSON.stringify(counts));
  assert.match(await popup.locator('#status').textContent(), new RegExp(`^${counts.quote} quotes`));
  assert.equal(await popup.locator('#detected').textContent(), '(detected: French)');
  assert.equal(await popup.locator('#site-label').textContent(), 'On for 127.0.0.1');
  await popup.screenshot({ path: join(docs, 'popup.png') });

  // A kind off: its highlight leaves the page, and is announced; on again: back.
  await popup.locator('#kinds input[name=date]').uncheck();
  await hiddenIs(page, 'date');
  assert.equal(await page.evaluate(() => CSS.highlights.has('newslens-date')), false);
  await page.waitForFunction(() => /NewsLens shows: Quotes, Speakers, People, Organisations, Places$/.test(document.querySelector('newslens-live').shadowRoot.textContent));
  await popup.locator('#kinds input[name=date]').check();
  await hiddenIs(page, '');
  assert.equal(await page.evaluate(() => CSS.highlights.get('newslens-date').size), counts.date);

  // Off for this site, then on: every highlight goes and comes back; screen readers hear it.
  await popup.locator('#site-on').uncheck();
  await hiddenIs(page, 'all');
  assert.deepEqual((await settings()).disabledSites, ['127.0.0.1']);
  await page.waitForFunction(() => document.querySelector('newslens-live').shadowRoot.textContent === 'NewsLens highlights off');
  assert.equal(await page.evaluate(() => ['quote', 'date', 'person'].some((k) => CSS.highlights.has(`newslens-${k}`))), false);
  await popup.locator('#site-on').check();
  await hiddenIs(page, '');
  await page.waitForFunction(() => document.querySelector('newslens-live').shadowRoot.textContent === 'NewsLens highlights on');

  // Off everywhere: this page too; a page opened meanwhile does not even analyse.
  await popup.locator('#global-on').uncheck();
  await hiddenIs(page, 'all');
  const other = await context.newPage();
  await other.goto(`${base}/other.html`);
  await other.waitForFunction(() => document.documentElement.dataset.newslensState === 'off', null, { timeout: 10_000 });
  // Nor did the worker, which applies the site's settings to a page's first request itself (it keeps every
  // analysis it makes for the side panel).
  const otherTab = await sw.evaluate((url) => chrome.tabs.query({}).then((ts) => ts.find((t) => t.url === url)?.id), `${base}/other.html`);
  assert.ok(otherTab);
  await other.waitForTimeout(300);
  assert.deepEqual(await sw.evaluate((t) => chrome.storage.session.get(`analysis:${t}`), otherTab), {});
  await popup.locator('#global-on').check();
  await hiddenIs(page, '');
  // Turned on again, the page left alone analyses now.
  await other.waitForFunction(() => document.documentElement.dataset.newslensState === 'ready', null, { timeout: 30_000 });
  await other.close();

  // Language override: analysed again as English; back to detection.
  await popup.locator('#lang').selectOption('en');
  await popup.waitForFunction(() => document.querySelector('#detected').textContent === '(detected: English)', null, { timeout: 30_000 });
  assert.equal((await settings()).langBySite['127.0.0.1'], 'en');
  assert.equal((await html(page)).newslensState, 'ready');
  await popup.locator('#lang').selectOption('');
  await popup.waitForFunction(() => document.querySelector('#detected').textContent === '(detected: French)', null, { timeout: 30_000 });
  assert.equal(await page.evaluate(() => document.querySelectorAll('newslens-card').length), 1, 'one hover card after re-analysing');
  await popup.close();
  await page.close();
});

test('popup: exports the analysis as JSON, Markdown and CSV files', async () => {
  const { page, tab } = await openArticle();
  const popup = await openPopup(tab);
  const save = async (format) => {
    const [download] = await Promise.all([popup.waitForEvent('download'), popup.locator(`#export-${format}`).click()]);
    return { name: download.suggestedFilename(), text: readFileSync(await download.path(), 'utf8') };
  };
  const url = page.url();

  const json = await save('json');
  assert.equal(json.name, 'page-de-test-newslens.json');
  const analysis = JSON.parse(json.text);
  assert.equal(analysis.schema, 'newslens/1');
  assert.equal(analysis.url, url);
  assert.ok(analysis.quotes.some((q) => q.speaker_name === 'Claire Dumontel' && /Nous ne laisserons personne/.test(q.text)));

  const md = await save('md');
  assert.equal(md.name, 'page-de-test-newslens.md');
  assert.match(md.text, /^# Page de test NewsLens\n/);
  assert.match(md.text, /\n## Qui a dit quoi\n/);
  assert.match(md.text, /\n### Claire Dumontel \(2\)\n\n- \*\*citation\*\* « Nous ne laisserons personne sur le bord du chemin » — \*a déclaré\*/);
  assert.match(md.text, /« Nous suivrons la situation semaine après semaine » — \*a ajouté\* \(dates: jeudi prochain = jeudi 9 mars 2017\)/);
  assert.ok(md.text.indexOf('### Claire Dumontel') < md.text.indexOf('### Paul Kerbrat'), 'speakers by number of quotes');

  const csv = await save('csv');
  assert.equal(csv.name, 'page-de-test-newslens.csv');
  const lines = csv.text.split('\r\n');
  assert.equal(lines[0], 'speaker,kind,quote,cue,date_context,url');
  assert.equal(lines.length, analysis.quotes.length + 2, 'a header, one row a quote, a final line end');
  assert.equal(lines[1], `Claire Dumontel,direct,Nous ne laisserons personne sur le bord du chemin,a déclaré,,${url}`);
  assert.ok(lines.some((l) => l.startsWith('Claire Dumontel,direct,Nous suivrons la situation semaine après semaine,a ajouté,jeudi prochain (2017-03-09),')), csv.text);
  // The mixed quote holds « » and an apostrophe but no comma or double quote: left unquoted; a quote with
  // a comma would be quoted (unit test below).
  assert.ok(lines.some((l) => l.startsWith('Paul Kerbrat,mixed,')));
  await popup.close();
  await page.close();
});

test('keyboard: next quote command opens its card, n / p walk the speaker\'s quotes, Escape closes, toggle command announces', async () => {
  const { page, tab } = await openArticle();
  await page.bringToFront();
  const cardOpen = () => page.evaluate(() => !document.querySelector('newslens-card').shadowRoot.querySelector('.card').hidden);
  const lastJump = () => page.evaluate(() => document.documentElement.dataset.newslensLastJump);
  const analysis = await sw.evaluate((t) => chrome.storage.session.get(`analysis:${t}`).then((g) => g[`analysis:${t}`].analysis), tab);
  const quotes = [...analysis.quotes].sort((a, b) => a.start - b.start);
  const hers = quotes.filter((q) => q.speaker_name === 'Claire Dumontel');
  assert.equal(hers.length, 2);

  assert.equal(await sw.evaluate((t) => self.newslensCommand('next-quote', { id: t }), tab), true);
  await page.waitForFunction(() => !document.querySelector('newslens-card').shadowRoot.querySelector('.card').hidden);
  assert.equal(await lastJump(), `${quotes[0].start}-${quotes[0].end}`);
  assert.match(await page.evaluate(() => document.querySelector('newslens-card').shadowRoot.querySelector('.card').textContent), /Nous ne laisserons personne/);
  await page.waitForFunction((n) => document.querySelector('newslens-live').shadowRoot.textContent === `Quote 1 of ${n}, Claire Dumontel`, quotes.length);

  // n: her next quote (skipping Paul Kerbrat's in between); p: back.
  await page.keyboard.press('n');
  await page.waitForFunction((j) => document.documentElement.dataset.newslensLastJump === j, `${hers[1].start}-${hers[1].end}`);
  await page.waitForFunction(() => /Nous suivrons/.test(document.querySelector('newslens-card').shadowRoot.querySelector('.card').textContent));
  await page.keyboard.press('p');
  await page.waitForFunction((j) => document.documentElement.dataset.newslensLastJump === j, `${hers[0].start}-${hers[0].end}`);
  await page.keyboard.press('Escape');
  assert.equal(await cardOpen(), false);

  // previous-quote from the first wraps to the last.
  assert.equal(await sw.evaluate((t) => self.newslensCommand('previous-quote', { id: t }), tab), true);
  await page.waitForFunction((j) => document.documentElement.dataset.newslensLastJump === j, `${quotes.at(-1).start}-${quotes.at(-1).end}`);

  // The toggle command turns this site off and on, announced for screen readers.
  assert.equal(await sw.evaluate((t) => self.newslensCommand('toggle-highlights', { id: t }), tab), 'off');
  await hiddenIs(page, 'all');
  await page.waitForFunction(() => document.querySelector('newslens-live').shadowRoot.textContent === 'NewsLens highlights off');
  assert.equal(await sw.evaluate((t) => self.newslensCommand('toggle-highlights', { id: t }), tab), 'on');
  await hiddenIs(page, '');
  await page.close();
});

test('keyboard: the popup and the panel work without a mouse', async () => {
  const { page, tab } = await openArticle();
  const popup = await openPopup(tab);
  // Tab walks every control in order.
  const focused = [];
  for (let k = 0; k < 16; k++) {
    await popup.keyboard.press('Tab');
    focused.push(await popup.evaluate(() => document.activeElement.id || document.activeElement.name || document.activeElement.tagName));
  }
  for (const want of ['site-on', 'global-on', ...KINDS, 'lang', 'open-panel', 'export-json', 'export-md', 'export-csv', 'options']) {
    assert.ok(focused.includes(want), `${want} reachable with Tab: ${focused.join(' ')}`);
  }
  // Space on a focused switch.
  await popup.locator('#kinds input[name=person]').focus();
  await popup.keyboard.press('Space');
  await hiddenIs(page, 'person');
  await popup.keyboard.press('Space');
  await hiddenIs(page, '');
  await popup.close();

  // The panel: Enter on a quote jumps to it.
  const panel = await context.newPage();
  await panel.goto(`chrome-extension://${id}/panel/panel.html?tab=${tab}`);
  await panel.waitForFunction(() => document.documentElement.dataset.newslensPanel === 'ready');
  await panel.locator('.newslens-who li.quote button.jump').nth(1).focus();
  await panel.keyboard.press('Enter');
  await page.waitForFunction(() => !!document.documentElement.dataset.newslensLastJump);
  await panel.setViewportSize({ width: 380, height: 900 });
  await panel.screenshot({ path: join(docs, 'panel.png'), fullPage: true });
  // Its export buttons are there too, in the UI language.
  assert.deepEqual(await panel.locator('.export button').allTextContents(), ['JSON', 'Markdown', 'CSV']);
  assert.equal(await panel.locator('#h-export').textContent(), 'Export');
  await panel.close();
  await page.close();
});

test('hover card: a speaker\'s quotes in order, direct and reported apart, each jumping to its passage', async () => {
  const { page } = await openArticle();
  await page.bringToFront();
  // The first speaker mention ("Mme Dumontel").
  const target = await page.evaluate(() => {
    const range = [...CSS.highlights.get('newslens-speaker')].sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b))[0];
    const r = range.getClientRects()[0];
    return { x: r.left + 5, y: r.top + r.height / 2, text: range.toString() };
  });
  assert.equal(target.text, 'Mme Dumontel');
  await page.mouse.move(target.x, target.y);
  await page.waitForFunction(() => !document.querySelector('newslens-card').shadowRoot.querySelector('.card').hidden);
  const items = await page.locator('newslens-card .card li').evaluateAll((lis) => lis.map((li) => [li.dataset.kind, li.querySelector('.kind').textContent, li.querySelector('button').textContent]));
  assert.deepEqual(items, [
    ['direct', 'citation', '« Nous ne laisserons personne sur le bord du chemin »'],
    ['direct', 'citation', '« Nous suivrons la situation semaine après semaine »'],
  ]);
  const box = await page.evaluate(() => document.querySelector('newslens-card').shadowRoot.querySelector('.card').getBoundingClientRect().toJSON());
  await page.screenshot({ path: join(docs, 'card.png'), clip: { x: 0, y: Math.max(0, box.y - 140), width: 1000, height: Math.min(700 - Math.max(0, box.y - 140), box.height + 200) } });
  // Move into the card (it stays open) and press her second quote.
  const button = page.locator('newslens-card .card li button').nth(1);
  await button.hover();
  await button.click();
  await page.waitForFunction(() => /^5\d\d-/.test(document.documentElement.dataset.newslensLastJump || ''));
  await page.close();
});

test('options: modes register the content script, theme and colours reach the page, delay, languages, shortcuts, privacy', async () => {
  const { page } = await openArticle();
  const options = await context.newPage();
  await options.setViewportSize({ width: 900, height: 1000 });
  await options.goto(`chrome-extension://${id}/options/options.html`);
  await options.waitForFunction(() => document.documentElement.dataset.newslensOptions === 'ready');
  // (The content script, its document_start waker (content/wake.js) and its document_idle clock (content/idle.js), always for the same sites: one entry.)
  const registered = () => sw.evaluate(() => chrome.scripting.getRegisteredContentScripts().then((s) => [...new Set(s.map((x) => [...x.matches].sort().join(' ')))].join(';')));

  // The e2e build holds access to every site, so it started in automatic mode.
  assert.equal(await options.locator('input[name=mode]:checked').getAttribute('value'), 'auto');
  assert.equal(await registered(), 'http://*/* https://*/*');
  assert.deepEqual(await sw.evaluate(() => chrome.scripting.getRegisteredContentScripts().then((s) => s.map((x) => `${x.id} ${x.runAt}`).sort())), ['newslens document_end', 'newslens-idle document_idle', 'newslens-wake document_start']);
  await options.screenshot({ path: join(docs, 'options.png'), fullPage: true });

  // Listed sites: registered for them only; click mode: not registered at all; automatic again.
  await options.locator('#sites').fill('127.0.0.1\nhttps://www.example.org/some/page');
  await options.locator('input[name=mode][value=sites]').click();
  assert.ok(await until(async () => (await registered()) === 'http://127.0.0.1/* http://www.example.org/* https://127.0.0.1/* https://www.example.org/*'), await registered());
  assert.deepEqual((await settings()).sites, ['127.0.0.1', 'www.example.org']);
  await options.locator('input[name=mode][value=click]').click();
  assert.ok(await until(async () => (await registered()) === ''), await registered());
  // In click mode a new page is left alone until the toggle command (or the popup) runs NewsLens there.
  const later = await context.newPage();
  await later.goto(`${base}/later.html`);
  await later.waitForTimeout(1500);
  assert.equal((await html(later)).newslensState, undefined);
  const laterTab = await sw.evaluate((url) => chrome.tabs.query({}).then((ts) => ts.find((t) => t.url === url)?.id), `${base}/later.html`);
  assert.equal(await sw.evaluate((t) => self.newslensCommand('toggle-highlights', { id: t, url: 'x' }), laterTab), 'injected');
  await later.waitForFunction(() => document.documentElement.dataset.newslensState === 'ready', null, { timeout: 30_000 });
  await later.close();
  // ... or the popup's "Highlight this page", shown only where NewsLens is not running.
  const again = await context.newPage();
  await again.goto(`${base}/later.html?again`);
  const againTab = await sw.evaluate((url) => chrome.tabs.query({}).then((ts) => ts.find((t) => t.url === url)?.id), `${base}/later.html?again`);
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${id}/popup/popup.html?tab=${againTab}`);
  await popup.waitForFunction(() => document.documentElement.dataset.newslensPopup === 'ready');
  assert.equal(await popup.locator('#status').textContent(), 'Not running on this page.');
  assert.equal(await popup.locator('#export-csv').isDisabled(), true);
  await popup.locator('#run').click();
  await again.waitForFunction(() => document.documentElement.dataset.newslensState === 'ready', null, { timeout: 30_000 });
  await popup.waitForFunction(() => document.documentElement.dataset.state === 'ready', null, { timeout: 10_000 });
  assert.equal(await popup.locator('#run').isHidden(), true);
  await popup.close();
  await again.close();
  await options.locator('input[name=mode][value=auto]').click();
  assert.ok(await until(async () => (await registered()) === 'http://*/* https://*/*'), await registered());

  // High contrast: the page's palette sheet switches to it; default theme with the reader's own colour.
  const paletteSheet = () => page.evaluate(() => [...document.adoptedStyleSheets].map((s) => [...s.cssRules].map((r) => r.cssText).join('\n')).find((t) => t.includes('newslens-quote')) || '');
  await options.locator('input[name=theme][value=high-contrast]').check();
  await page.waitForFunction(() => [...document.adoptedStyleSheets].some((s) => [...s.cssRules].some((r) => r.cssText.includes('newslens-quote') && r.cssText.includes('rgb(255, 255, 0)'))));
  assert.equal(await options.locator('#colours input[name=quote]').isDisabled(), true, 'high contrast keeps its own colours');
  await options.locator('input[name=theme][value=default]').check();
  await options.locator('#colours input[name=quote]').fill('#ff0000');
  await options.locator('#colours input[name=quote]').dispatchEvent('change');
  await page.waitForFunction(() => [...document.adoptedStyleSheets].some((s) => [...s.cssRules].some((r) => r.cssText.includes('highlight(newslens-quote)') && r.cssText.includes('rgba(255, 0, 0, 0.45)'))));
  assert.equal((await settings()).colours.quote, '#ff0000');
  await options.locator('#reset-colours').click();
  await page.waitForFunction(() => [...document.adoptedStyleSheets].some((s) => [...s.cssRules].some((r) => r.cssText.includes('highlight(newslens-quote)') && r.cssText.includes('rgba(240, 228, 66, 0.45)'))));
  assert.ok((await paletteSheet()).includes('dotted'), 'places keep their dotted underline');

  // Hover delay.
  await options.locator('#delay').fill('400');
  await options.locator('#delay').dispatchEvent('change');
  assert.ok(await until(async () => (await settings()).hoverDelay === 400));
  assert.equal(await page.evaluate(() => new Promise((ok) => setTimeout(() => ok(document.documentElement.dataset.newslensHidden), 200))), '');

  // Languages: without French, this French page shows nothing; with it, everything again.
  await options.locator('input[name=lang][value=fr]').uncheck();
  await hiddenIs(page, 'all');
  assert.deepEqual((await settings()).languages, ['en']);
  await options.locator('input[name=lang][value=fr]').check();
  await hiddenIs(page, '');

  // Shortcuts (from chrome.commands) and the privacy statement.
  const shortcuts = await options.locator('#shortcuts tbody tr').allTextContents();
  for (const want of ['Alt+Shift+HTurn highlights on or off on this site', 'Alt+Shift+LOpen the NewsLens panel', 'Alt+Shift+JGo to the next quote', 'Alt+Shift+KGo to the previous quote', 'n / pWhile a card is open']) {
    assert.ok(shortcuts.some((s) => s.startsWith(want)), `${want} in ${shortcuts.join(' | ')}`);
  }
  assert.match(await options.locator('#privacy-text').textContent(), /sends nothing anywhere/);
  await options.close();
  await page.close();
});

test('manifest: least permissions, host access optional, no network in the CSP, every string localised', async () => {
  const manifest = JSON.parse(readFileSync(join(root, 'dist/chrome/manifest.json'), 'utf8'));
  assert.deepEqual(manifest.permissions.sort(), ['activeTab', 'scripting', 'sidePanel', 'storage']);
  assert.equal(manifest.host_permissions, undefined);
  assert.deepEqual(manifest.optional_host_permissions, ['http://*/*', 'https://*/*']);
  assert.equal(manifest.content_scripts, undefined, 'no content script declared: it would ask for every site at install');
  assert.match(manifest.content_security_policy.extension_pages, /connect-src 'self'/);
  const firefox = JSON.parse(readFileSync(join(root, 'dist/firefox/manifest.json'), 'utf8'));
  assert.equal(firefox.browser_specific_settings.gecko.id, 'newslens@newslens.invalid');
  assert.equal(firefox.side_panel, undefined);
  assert.ok(!firefox.permissions.includes('sidePanel'));
  assert.ok(firefox.sidebar_action && firefox.commands._execute_sidebar_action);
  // Every __MSG_x__ and data-i18n key exists in both languages, and the two files have the same keys.
  const en = JSON.parse(readFileSync(join(root, 'extension/_locales/en/messages.json'), 'utf8'));
  const fr = JSON.parse(readFileSync(join(root, 'extension/_locales/fr/messages.json'), 'utf8'));
  assert.deepEqual(Object.keys(fr).sort(), Object.keys(en).sort());
  const used = new Set();
  for (const m of JSON.stringify(manifest).matchAll(/__MSG_(\w+)__/g)) used.add(m[1]);
  for (const f of ['popup/popup.html', 'options/options.html', 'panel/panel.html']) {
    for (const m of readFileSync(join(root, 'extension', f), 'utf8').matchAll(/data-i18n="(\w+)"/g)) used.add(m[1]);
  }
  for (const f of ['popup/popup.js', 'options/options.js', 'panel/panel.js', 'content/controls.js']) {
    for (const m of readFileSync(join(root, 'extension', f), 'utf8').matchAll(/\bt\('(\w+)'/g)) used.add(m[1]);
  }
  for (const k of KINDS) used.add(`kind_${k}`);
  const missing = [...used].filter((k) => !en[k]);
  assert.deepEqual(missing, []);
  assert.ok(used.size > 40, `${used.size} strings`);
});

// The UI follows the browser's language. Chromium takes it from LANGUAGE, given its French resources
// (Debian's chromium-l10n, installed by .ci/setup).
const frenchPak = existsSync('/usr/lib/chromium/locales/fr.pak');
test('French browser: popup, options and panel in French', { skip: !frenchPak && 'chromium-l10n missing: no French Chromium' }, async () => {
  const fr = await launchWithExtension({ env: { LANGUAGE: 'fr', LANG: 'fr_FR.UTF-8' }, locale: 'fr-FR' });
  try {
    const page = await fr.context.newPage();
    await page.goto(`${base}/fixture.html?fr`);
    await page.waitForFunction(() => document.documentElement.dataset.newslensState === 'ready', null, { timeout: 30_000 });
    const tab = await fr.sw.evaluate((url) => chrome.tabs.query({}).then((ts) => ts.find((t) => t.url === url)?.id), `${base}/fixture.html?fr`);
    const popup = await fr.context.newPage();
    await popup.goto(`chrome-extension://${fr.id}/popup/popup.html?tab=${tab}`);
    await popup.waitForFunction(() => document.documentElement.dataset.state === 'ready', null, { timeout: 10_000 });
    assert.equal(await popup.evaluate(() => document.documentElement.lang), 'fr');
    assert.match(await popup.locator('#status').textContent(), /^\d+ citations trouvées sur cette page\.$/);
    assert.equal(await popup.locator('#site-label').textContent(), 'Activé sur 127.0.0.1');
    assert.equal(await popup.locator('#open-panel').textContent(), 'Ouvrir le panneau');
    assert.deepEqual(await popup.locator('#kinds .kind span:nth-child(3)').allTextContents(), ['Citations', 'Locuteurs', 'Dates', 'Personnes', 'Organisations', 'Lieux']);
    // Announcements too.
    await popup.locator('#site-on').uncheck();
    await page.waitForFunction(() => document.querySelector('newslens-live')?.shadowRoot.textContent === 'Surlignages NewsLens désactivés');
    const options = await fr.context.newPage();
    await options.goto(`chrome-extension://${fr.id}/options/options.html`);
    await options.waitForFunction(() => document.documentElement.dataset.newslensOptions === 'ready');
    assert.equal(await options.locator('h1').textContent(), ' Options de NewsLens');
    assert.match(await options.locator('#privacy-text').textContent(), /n’envoie rien nulle part/);
    assert.ok((await options.locator('#shortcuts tbody').textContent()).includes('Aller à la citation suivante'));
  } finally {
    await fr.cleanup();
  }
});

// The store build as a reader installs it: no site access, so NewsLens waits to be asked.
test('store build: no site access at install, runs only when asked', async () => {
  const store = await launchWithExtension({ path: join(root, 'dist/chrome'), registered: false });
  try {
    const granted = await store.sw.evaluate(() => chrome.permissions.getAll());
    assert.deepEqual([granted.permissions.sort(), granted.origins], [['activeTab', 'scripting', 'sidePanel', 'storage'], []]);
    // A moment for onInstalled: the mode stays 'click' and nothing is registered.
    await new Promise((ok) => setTimeout(ok, 500));
    assert.equal(await store.sw.evaluate(() => chrome.scripting.getRegisteredContentScripts().then((s) => s.length)), 0);
    assert.equal((await store.sw.evaluate(async () => (await chrome.storage.local.get('settings')).settings))?.mode ?? 'click', 'click');
    const page = await store.context.newPage();
    await page.goto(`${base}/fixture.html?store`);
    await page.waitForTimeout(1000);
    assert.equal(await page.evaluate(() => document.documentElement.dataset.newslensState), undefined, 'no content script without being asked');
    const options = await store.context.newPage();
    await options.goto(`chrome-extension://${store.id}/options/options.html`);
    await options.waitForFunction(() => document.documentElement.dataset.newslensOptions === 'ready');
    assert.equal(await options.locator('input[name=mode]:checked').getAttribute('value'), 'click');
  } finally {
    await store.cleanup();
  }
});
