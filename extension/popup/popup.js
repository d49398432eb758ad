// The NewsLens toolbar popup: on/off for this site and everywhere, a switch and a count per kind of
// highlight, the page's language (with an override), the panel, the exports and the options. Works on the
// active tab, or on ?tab=ID (the tests open the popup page directly).

import { KEY, KINDS, load, onFor, siteOf, update } from '../ext/settings.js';
import { localise, t } from '../ext/i18n.js';
import { coloursFor } from '../common/palette.js';
import { exportsOf } from '../common/export.js';
import { downloadText } from '../common/download.js';
import { openPanel } from '../ext/open-panel.js';

localise();
const $ = (id) => document.getElementById(id);
const fixed = new URLSearchParams(location.search).get('tab');

let tab = null;
let settings = null;
let status = null;

async function targetTab() {
  if (fixed) return chrome.tabs.get(Number(fixed));
  const [active] = await chrome.tabs.query({ active: true, currentWindow: true });
  return active || null;
}

/** The content script's status in our tab, or null when it does not run there. */
const askStatus = () => (tab ? chrome.tabs.sendMessage(tab.id, { type: 'newslens/status' }).catch(() => null) : null);

/** The tab's analysis: kept by the service worker for the panel, else asked of the content script. */
async function analysisOfTab() {
  const key = `analysis:${tab.id}`;
  const got = await chrome.storage.session.get(key);
  if (got[key]) return got[key].analysis;
  return chrome.tabs.sendMessage(tab.id, { type: 'newslens/analysis?' }).catch(() => null);
}

const site = () => (status && status.site) || siteOf((tab && tab.url) || '');

/**
 * The kind rows: a checkbox, a swatch in the kind's colour and shape, the name and the count. Made once and
 * then updated in place, so that keyboard focus stays where it is when the settings change.
 */
function drawKinds() {
  const box = $('kinds');
  const colours = coloursFor(settings);
  for (const k of KINDS) {
    let row = box.querySelector(`.kind[data-kind=${k}]`);
    if (!row) {
      row = document.createElement('label');
      row.className = 'kind';
      row.dataset.kind = k;
      const input = document.createElement('input');
      input.type = 'checkbox';
      input.name = k;
      input.addEventListener('change', () => update({ kinds: { [k]: input.checked } }));
      const swatch = document.createElement('span');
      const name = document.createElement('span');
      name.textContent = t(`kind_${k}`);
      const count = document.createElement('span');
      count.className = 'count';
      row.append(input, swatch, name, count);
      box.append(row);
    }
    const [input, swatch, , count] = row.children;
    input.checked = !!settings.kinds[k];
    const line = ['person', 'organization', 'location'].includes(k);
    swatch.className = `swatch${line ? ' line' : ''}`;
    if (line) swatch.style.borderBottom = `3px ${{ person: 'solid', organization: 'dashed', location: 'dotted' }[k]} ${colours[k]}`;
    else swatch.style.background = colours[k];
    const n = status && status.counts ? status.counts[k] : null;
    count.textContent = n == null ? '–' : String(n);
    count.setAttribute('aria-label', n == null ? t('noCount') : t('countOf', [String(n)]));
  }
}

function draw() {
  const here = site();
  const on = onFor(settings, here);
  $('site-on').checked = on && !!here;
  $('site-on').disabled = !here;
  $('site-label').textContent = here ? t('onThisSiteNamed', [here]) : t('onThisSite');
  $('global-on').checked = settings.enabled;
  drawKinds();
  const state = status ? status.state : 'none';
  $('status').textContent = {
    ready: t('stateReady', [String(status && status.counts ? status.counts.quote : 0)]),
    loading: t('stateLoading'),
    error: t('stateError'),
    off: t('stateOff'),
  }[state] || t('stateNone');
  document.documentElement.dataset.state = state;
  $('detected').textContent = status && status.lang ? t('detected', [t(`lang_${status.lang}`) || status.lang]) : '';
  $('lang').value = (here && settings.langBySite[here]) || '';
  $('lang').disabled = !here;
  $('run').hidden = !!status || !here;
  const ready = state === 'ready';
  for (const b of document.querySelectorAll('.export button')) b.disabled = !ready;
}

async function refresh() {
  [settings, status] = await Promise.all([load(), askStatus()]);
  draw();
  document.documentElement.dataset.newslensPopup = 'ready';
  return status;
}

/** Poll while the page is being analysed (a few seconds at most), so that the counts appear. */
async function follow() {
  for (let k = 0; k < 60; k++) {
    const s = await refresh();
    if (s && ['ready', 'error', 'off'].includes(s.state)) return;
    if (!s && k > 4) return;
    await new Promise((ok) => setTimeout(ok, 300));
  }
}

$('site-on').addEventListener('change', async (e) => {
  const here = site();
  const s = await load();
  const disabledSites = e.target.checked ? s.disabledSites.filter((h) => h !== here) : [...new Set([...s.disabledSites, here])];
  // Turning a site on while NewsLens is off everywhere turns it on (otherwise the switch would do nothing).
  await update(e.target.checked ? { disabledSites, enabled: true } : { disabledSites });
});
$('global-on').addEventListener('change', (e) => update({ enabled: e.target.checked }));
$('lang').addEventListener('change', (e) => update({ langBySite: { [site()]: e.target.value } }));
$('run').addEventListener('click', async () => {
  const reply = await chrome.runtime.sendMessage({ type: 'newslens/inject', tabId: tab.id });
  if (!reply || !reply.ok) $('status').textContent = t('stateCannot');
  else follow();
});
$('open-panel').addEventListener('click', () => {
  // In the click itself (a user gesture), before any await.
  openPanel(tab.id).catch(() => {});
  if (!fixed) window.close();
});
for (const b of document.querySelectorAll('.export button')) {
  b.addEventListener('click', async () => {
    const analysis = await analysisOfTab();
    if (!analysis) return;
    const file = exportsOf(analysis, { url: (status && status.url) || (tab && tab.url) || '' })[b.dataset.format];
    downloadText(file);
  });
}
$('options').addEventListener('click', () => chrome.runtime.openOptionsPage());
chrome.storage.onChanged.addListener((changes, area) => {
  if (area === 'local' && changes[KEY]) setTimeout(refresh, 100); // let the page apply them first
});

targetTab().then((got) => { tab = got; return follow(); }).catch((e) => { $('status').textContent = String(e.message || e); });
