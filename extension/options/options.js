// The NewsLens options page: when to run (with the host access each mode needs, asked for here),
// colours (Okabe–Ito by default, or high contrast, or the reader's own), hover delay, languages, the
// keyboard shortcuts, and the privacy statement. Every change is saved at once.

import { ALL_SITES, KEY, KINDS, LANGUAGES, load, sitePatterns, update } from '../ext/settings.js';
import { localise, t } from '../ext/i18n.js';
import { OKABE_ITO, coloursFor, declarations } from '../common/palette.js';

localise();
const $ = (id) => document.getElementById(id);
const say = (msg) => { $('status').textContent = msg; };
let settings = null;

/** Parse the sites box: host names, one a line (a pasted address is reduced to its host). */
function parseSites(text) {
  const hosts = [];
  for (let line of text.split(/\s+/)) {
    line = line.trim().toLowerCase();
    if (!line) continue;
    try { line = new URL(line.includes('://') ? line : `https://${line}`).hostname; } catch { continue; }
    if (/^[a-z0-9.-]+$/.test(line) && !hosts.includes(line)) hosts.push(line);
  }
  return hosts;
}

function drawColours() {
  const box = $('colours');
  box.querySelectorAll('label').forEach((e) => e.remove());
  const colours = coloursFor(settings);
  const hc = settings.theme === 'high-contrast';
  for (const k of KINDS) {
    const label = document.createElement('label');
    const input = document.createElement('input');
    input.type = 'color';
    input.name = k;
    input.value = colours[k];
    input.disabled = hc; // the high-contrast theme keeps its own colours
    input.addEventListener('change', () => update({ colours: { [k]: input.value } }));
    const name = document.createElement('span');
    name.textContent = t(`kind_${k}`);
    label.append(input, name);
    box.append(label);
  }
  // A preview line: each kind painted as in pages.
  const preview = $('preview');
  preview.replaceChildren();
  for (const k of KINDS) {
    const span = document.createElement('span');
    span.textContent = t(`kind_${k}`);
    span.setAttribute('style', declarations(k, colours[k], settings.theme));
    preview.append(span, ' ');
  }
}

async function drawShortcuts() {
  const body = $('shortcuts').querySelector('tbody');
  body.replaceChildren();
  const row = (keys, does) => {
    const tr = document.createElement('tr');
    const k = document.createElement('td');
    if (keys) {
      const kbd = document.createElement('kbd');
      kbd.textContent = keys;
      k.append(kbd);
    } else {
      k.textContent = t('shortcutNone');
    }
    const d = document.createElement('td');
    d.textContent = does;
    tr.append(k, d);
    body.append(tr);
  };
  const commands = chrome.commands ? await chrome.commands.getAll() : [];
  for (const c of commands) {
    const does = c.description || (c.name === '_execute_action' ? t('cmdPopup') : c.name);
    row(c.shortcut, does);
  }
  // Keys of the page itself while a card is open.
  row('n / p', t('keyNextSame'));
  row(t('keyEscape'), t('keyClose'));
  $('shortcuts-hint').textContent = t(globalThis.browser && browser.runtime.getBrowserInfo ? 'shortcutsHintFirefox' : 'shortcutsHintChrome');
}

function draw() {
  for (const r of document.querySelectorAll('input[name=mode]')) r.checked = r.value === settings.mode;
  for (const r of document.querySelectorAll('input[name=theme]')) r.checked = r.value === settings.theme;
  if (document.activeElement !== $('sites')) $('sites').value = settings.sites.join('\n');
  $('delay').value = String(settings.hoverDelay);
  $('delay-out').textContent = `${settings.hoverDelay} ms`;
  for (const c of document.querySelectorAll('input[name=lang]')) c.checked = settings.languages.includes(c.value);
  drawColours();
  document.documentElement.dataset.newslensOptions = 'ready';
}

// Choosing a mode that runs by itself asks for the sites' access first (in the click: a user gesture).
for (const radio of document.querySelectorAll('input[name=mode]')) {
  radio.addEventListener('change', () => {
    const mode = radio.value;
    const origins = mode === 'auto' ? ALL_SITES : mode === 'sites' ? sitePatterns(parseSites($('sites').value)) : [];
    const asked = origins.length ? chrome.permissions.request({ origins }) : Promise.resolve(true);
    asked.then(async (granted) => {
      if (!granted) {
        say(t('permissionRefused'));
        draw();
        return;
      }
      await update({ mode, sites: mode === 'sites' ? parseSites($('sites').value) : settings.sites });
      say(t('saved'));
    }, (e) => { say(String(e.message || e)); draw(); });
  });
}
$('save-sites').addEventListener('click', () => {
  const sites = parseSites($('sites').value);
  const origins = sitePatterns(sites);
  const asked = settings.mode === 'sites' && origins.length ? chrome.permissions.request({ origins }) : Promise.resolve(true);
  asked.then(async (granted) => {
    await update({ sites });
    say(granted ? t('saved') : t('permissionRefused'));
  });
});
for (const radio of document.querySelectorAll('input[name=theme]')) {
  radio.addEventListener('change', () => update({ theme: radio.value }));
}
$('reset-colours').addEventListener('click', () => update({ theme: 'default', colours: { ...OKABE_ITO } }));
$('delay').addEventListener('input', () => { $('delay-out').textContent = `${$('delay').value} ms`; });
$('delay').addEventListener('change', () => update({ hoverDelay: Number($('delay').value) }));
for (const c of document.querySelectorAll('input[name=lang]')) {
  c.addEventListener('change', () => {
    const languages = LANGUAGES.filter((l) => document.querySelector(`input[name=lang][value=${l}]`).checked);
    update({ languages });
  });
}
chrome.storage.onChanged.addListener((changes, area) => {
  if (area === 'local' && changes[KEY]) load().then((s) => { settings = s; draw(); });
});

load().then((s) => { settings = s; draw(); return drawShortcuts(); }).catch((e) => say(String(e.message || e)));
