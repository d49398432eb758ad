// The NewsLens side panel page: shows the analysis of a tab (the active one, or ?tab=ID) with the shared
// renderPanel, and asks that tab's content script to jump to a quote, date or entity when one is pressed.
// The analyses are kept by the service worker in session storage under 'analysis:<tabId>'.

import { renderPanel, labelsFor } from '../common/panel.js';
import { exportsOf } from '../common/export.js';
import { localise, t } from '../ext/i18n.js';
import { downloadText } from '../common/download.js';

localise();

const panel = document.getElementById('panel');
const status = (msg) => { document.getElementById('status').textContent = msg; };
const key = (tabId) => `analysis:${tabId}`;

const fixed = new URLSearchParams(location.search).get('tab');
let tabId = fixed ? Number(fixed) : null;

async function activeTab() {
  const [tab] = await chrome.tabs.query({ active: true, currentWindow: true });
  return tab ? tab.id : null;
}

const exportBox = document.querySelector('.export');
let shown = null;
for (const b of exportBox.querySelectorAll('button')) {
  b.addEventListener('click', () => {
    if (shown) downloadText(exportsOf(shown.analysis, { url: shown.url || '' })[b.dataset.format]);
  });
}

function jump(item) {
  // An entity jumps to its first mention.
  const { start, end } = item.mentions ? item.mentions[0] : item;
  chrome.tabs.sendMessage(tabId, { type: 'newslens/jump', start, end }).catch((e) => status(String(e.message || e)));
}

function show(entry) {
  if (!entry) {
    panel.replaceChildren();
    status(t('panelNone'));
    exportBox.hidden = true;
    shown = null;
    return;
  }
  const { analysis } = entry;
  shown = entry;
  exportBox.hidden = false;
  status('');
  document.documentElement.lang = analysis.lang || 'en';
  panel.setAttribute('aria-label', `NewsLens — ${labelsFor(analysis.lang).who}`);
  renderPanel(panel, analysis, { onJump: jump });
  document.documentElement.dataset.newslensPanel = 'ready';
}

async function refresh() {
  if (!fixed) tabId = await activeTab();
  if (tabId == null) return show(null);
  const got = await chrome.storage.session.get(key(tabId));
  show(got[key(tabId)]);
}

// A new analysis for our tab (or its removal on navigation) redraws the panel.
chrome.storage.onChanged.addListener((changes, area) => {
  if (area === 'session' && tabId != null && changes[key(tabId)]) show(changes[key(tabId)].newValue);
});
if (!fixed) {
  chrome.tabs.onActivated.addListener(() => refresh());
  chrome.windows?.onFocusChanged?.addListener(() => refresh());
}

refresh().catch((e) => status(String(e.message || e)));
