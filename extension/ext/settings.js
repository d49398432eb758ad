// The reader's settings, kept in chrome.storage.local under one key ('settings'), shared by the service
// worker, the content script, the popup, the options page and the side panel. Missing fields take their
// defaults, so that an older stored object (or none) always reads as a complete one.

/** The storage key. */
export const KEY = 'settings';

/** The kinds of highlight, in the order the UI lists them. */
export const KINDS = ['quote', 'speaker', 'date', 'person', 'organization', 'location'];

/** Languages the analysis knows; a page in another language is left alone unless overridden. */
export const LANGUAGES = ['fr', 'en'];

/** The origins automatic mode needs (requested at run time: optional_host_permissions). */
export const ALL_SITES = ['http://*/*', 'https://*/*'];

/** Default settings. `mode`: 'auto' (every news page), 'sites' (listed sites) or 'click' (only when asked). */
export const DEFAULTS = Object.freeze({
  enabled: true,
  disabledSites: [],
  kinds: Object.fromEntries(KINDS.map((k) => [k, true])),
  mode: 'click',
  sites: [],
  theme: 'default',
  colours: {},
  hoverDelay: 150,
  languages: [...LANGUAGES],
  langBySite: {},
});

/** A complete settings object from a stored (possibly partial or old) one. */
export function complete(stored) {
  const s = { ...DEFAULTS, ...(stored && typeof stored === 'object' ? stored : {}) };
  s.kinds = { ...DEFAULTS.kinds, ...(s.kinds || {}) };
  for (const k of ['disabledSites', 'sites', 'languages']) if (!Array.isArray(s[k])) s[k] = [...DEFAULTS[k]];
  if (!['auto', 'sites', 'click'].includes(s.mode)) s.mode = DEFAULTS.mode;
  s.hoverDelay = Math.max(0, Math.min(2000, Number(s.hoverDelay) || 0));
  return s;
}

/** Read the settings. */
export async function load() {
  const got = await chrome.storage.local.get(KEY);
  return complete(got[KEY]);
}

/** Change some settings: `patch` is merged into the stored object (`kinds`, `colours`, `langBySite` one level deep). */
export async function update(patch) {
  const s = await load();
  const next = { ...s, ...patch };
  for (const k of ['kinds', 'colours', 'langBySite']) if (patch[k]) next[k] = { ...s[k], ...patch[k] };
  await chrome.storage.local.set({ [KEY]: next });
  return complete(next);
}

/** A site's key in the settings: its host name ("www.lemonde.fr"), or '' for non-web pages. */
export function siteOf(url) {
  try {
    const u = new URL(url);
    return /^https?:$/.test(u.protocol) ? u.hostname : '';
  } catch {
    return '';
  }
}

/** True when NewsLens is on for `site` (globally on and not turned off there). */
export const onFor = (s, site) => s.enabled && !s.disabledSites.includes(site);

/**
 * The match patterns for the listed sites ("example.org" → "http://example.org/*", "https://example.org/*"):
 * one scheme each, as Chromium only grants optional origins that one optional pattern contains.
 */
export const sitePatterns = (sites) => sites.filter((h) => /^[a-z0-9.-]+$/i.test(h)).flatMap((h) => [`http://${h}/*`, `https://${h}/*`]);
