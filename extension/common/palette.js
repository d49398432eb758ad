// Highlight colours: the default palette is Okabe–Ito (Okabe & Ito, "Color Universal Design", 2008), whose
// eight colours stay distinct under the common colour-vision deficiencies; each kind also keeps its own
// shape (background for quotes, speakers and dates; solid, dashed and dotted underlines for people,
// organisations and places) so that no kind is told apart by colour alone. The high-contrast theme paints
// solid backgrounds with black or white text and thick underlines.
//
// No extension API here: the content script and the options page (its preview) both use it.

/** The kinds a reader can colour, in the order the UI lists them. */
export const KIND_ORDER = ['quote', 'speaker', 'date', 'person', 'organization', 'location'];

/** Okabe–Ito colours per kind (the default; extension/common/highlights.css paints the same). */
export const OKABE_ITO = {
  quote: '#f0e442', // yellow
  speaker: '#e69f00', // orange
  date: '#56b4e9', // sky blue
  person: '#cc79a7', // reddish purple
  organization: '#0072b2', // blue
  location: '#009e73', // bluish green
};

/** High-contrast colours per kind: saturated backgrounds and black underlines. */
export const HIGH_CONTRAST = {
  quote: '#ffff00',
  speaker: '#000000',
  date: '#00ffff',
  person: '#000000',
  organization: '#000000',
  location: '#000000',
};

const BACKGROUND = new Set(['quote', 'speaker', 'date']);
const UNDERLINE = { person: 'solid', organization: 'dashed', location: 'dotted' };

/** `#rrggbb` → `rgba(r, g, b, alpha)`; anything else is returned as it is. */
export function withAlpha(hex, alpha) {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex || '');
  if (!m) return hex;
  const [r, g, b] = m.slice(1).map((h) => parseInt(h, 16));
  return `rgba(${r}, ${g}, ${b}, ${alpha})`;
}

/** Relative luminance (WCAG 2) of `#rrggbb`, to pick black or white text on a solid background. */
export function luminance(hex) {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex || '');
  if (!m) return 1;
  const [r, g, b] = m.slice(1).map((h) => {
    const c = parseInt(h, 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** The declarations painting `kind` in `colour` under `theme` ('default' | 'high-contrast'). */
export function declarations(kind, colour, theme = 'default') {
  const hc = theme === 'high-contrast';
  if (BACKGROUND.has(kind)) {
    if (hc) return `background-color: ${colour}; color: ${luminance(colour) > 0.4 ? '#000' : '#fff'};`;
    return `background-color: ${withAlpha(colour, kind === 'date' ? 0.35 : 0.45)};`;
  }
  const width = hc ? '3px' : '2px';
  return `text-decoration: underline ${UNDERLINE[kind]} ${width} ${hc ? colour : withAlpha(colour, 0.9)}; text-underline-offset: 3px;`;
}

/**
 * The colours in force: the theme's palette, then the reader's own colours over it (default theme only;
 * high contrast keeps its own).
 */
export function coloursFor({ theme = 'default', colours = {} } = {}) {
  if (theme === 'high-contrast') return { ...HIGH_CONTRAST };
  const out = { ...OKABE_ITO };
  for (const k of KIND_ORDER) if (/^#[0-9a-f]{6}$/i.test(colours[k] || '')) out[k] = colours[k].toLowerCase();
  return out;
}

/**
 * A style sheet painting every kind (CSS Highlight API names and the `newslens-mark` fallback); kinds in
 * `hidden` are not painted. `!important` so that it wins over highlights.css whatever the order of sheets.
 */
export function paletteCss({ theme = 'default', colours = {}, hidden = [] } = {}) {
  const c = coloursFor({ theme, colours });
  const rules = [];
  for (const kind of KIND_ORDER) {
    const decl = hidden.includes(kind)
      ? 'background-color: transparent; text-decoration: none; color: inherit;'
      : declarations(kind, c[kind], theme);
    const important = decl.replace(/;/g, ' !important;');
    rules.push(`::highlight(newslens-${kind}) { ${important} }`);
    rules.push(`newslens-mark[data-newslens-kind="${kind}"] { ${important} }`);
  }
  return rules.join('\n');
}
