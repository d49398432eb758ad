// UI strings from _locales (chrome.i18n, the browser's language): elements carry data-i18n="key" for their
// text and data-i18n-attr="attr:key;attr:key" for attributes.

/** The message `key` (with substitutions), or the key itself when missing (visible, so tests catch it). */
export const t = (key, subs) => chrome.i18n.getMessage(key, subs) || key;

/** Fill in every data-i18n and data-i18n-attr under `root`; also sets <html lang>. */
export function localise(root = document) {
  for (const e of root.querySelectorAll('[data-i18n]')) e.textContent = t(e.dataset.i18n);
  for (const e of root.querySelectorAll('[data-i18n-attr]')) {
    for (const pair of e.dataset.i18nAttr.split(';')) {
      const [attr, key] = pair.split(':');
      if (attr && key) e.setAttribute(attr.trim(), t(key.trim()));
    }
  }
  if (root.documentElement) root.documentElement.lang = chrome.i18n.getUILanguage().slice(0, 2) || 'en';
}
