// The NewsLens demo page: the extension's painting and hover cards on sample articles, pasted text or a
// local .txt/.html file, with no install. It reuses the extension's page-side modules (extension/common/)
// and the same WebAssembly build (www/pkg/, made by scripts/build-wasm.sh); only the glue is here.

import init, { analyze, scanSnapshot } from './pkg/newslens.js';
import { SegmentMap } from '../extension/common/anchor.js';
import { paint, spansOf } from '../extension/common/paint.js';
import { HoverCard } from '../extension/common/card.js';
import { attachHover } from '../extension/common/hover.js';
import { renderPanel } from '../extension/common/panel.js';
import { exportsOf } from '../extension/common/export.js';
import { downloadText } from '../extension/common/download.js';
import { snapshotPage } from '../extension/content/snapshot.js';

/** Sample articles written for the project (www/samples/), with their publication time. */
const SAMPLES = [
  { file: 'samples/fr-conseil-municipal.txt', label: 'Valcourt renonce à la rocade (français)', lang: 'fr', reference: '2026-11-14T18:05' },
  { file: 'samples/en-harbour-strike.txt', label: 'Kingsbridge port strike ends (English)', lang: 'en', reference: '2026-11-20T09:40' },
];

const $ = (id) => document.getElementById(id);
const article = $('article');
const panel = $('panel');
const status = (msg) => { $('status').textContent = msg; };

let current = { clear: () => {}, detach: () => {}, analysis: null };
const card = new HoverCard(document);

/**
 * Show `text` as paragraphs (one per line, so offsets of a .txt index the file) and return the segment map
 * the painter needs: one text node per line, starting at the line's UTF-16 offset.
 */
function render(text) {
  article.replaceChildren();
  const nodes = [];
  const starts = [];
  const lengths = [];
  let offset = 0;
  for (const line of text.split('\n')) {
    if (line.trim()) {
      const p = document.createElement('p');
      const node = document.createTextNode(line);
      p.append(node);
      article.append(p);
      nodes.push(node);
      starts.push(offset);
      lengths.push(line.length);
    }
    offset += line.length + 1; // JS string lengths are UTF-16 code units, like the analysis offsets
  }
  return new SegmentMap({ nodes, starts, lengths });
}

/** Analyse and paint `text`; `meta` may carry reference, lang and title. */
function show(text, meta = {}) {
  current.clear();
  current.detach();
  card.hide();
  const started = performance.now();
  const reference = $('reference').value || meta.reference || undefined;
  const lang = $('lang').value || meta.lang || undefined;
  const analysis = analyze(text, { reference, lang, title: meta.title });
  const elapsed = performance.now() - started;
  article.lang = analysis.lang;
  const map = render(text);
  const { mode, painted, counts, clear } = paint(spansOf(analysis), map);
  const detach = attachHover({ doc: document, painted, map, mode, card, analysis });
  current = { clear, detach, analysis };
  // A panel button jumps to the item's painted span (an entity's: its first mention).
  const spanOf = (item) => painted.find((s) => s.kind !== 'speaker' && s.item === item);
  // So does a quote in a speaker's hover card.
  card.onJump = (q) => { const span = spanOf(q); if (span) jumpTo(span); };
  renderPanel(panel, analysis, { onJump: (item) => { const span = spanOf(item); if (span) jumpTo(span); } });
  status(`${counts.quote} quotes, ${counts.date} dates, ${analysis.entities.length} entities — analysed in ${elapsed.toFixed(1)} ms `
    + `(${analysis.lang}, reference ${analysis.reference} from ${analysis.reference_source}; painted with ${mode === 'highlight' ? 'the CSS Highlight API' : 'wrapping'}).`);
}

/** Scroll to a painted span and flash its paragraph. */
function jumpTo(span) {
  const block = span.range.startContainer.parentElement;
  block.scrollIntoView({ behavior: 'smooth', block: 'center' });
  block.classList.remove('flash');
  void block.offsetWidth; // restart the animation
  block.classList.add('flash');
}

/** The reference for a datetime-local input: `YYYY-MM-DDTHH:MM`. */
const localInput = (iso) => (iso ? iso.slice(0, 16) : '');

async function openSample(k) {
  const s = SAMPLES[k];
  const text = await (await fetch(s.file)).text();
  $('reference').value = localInput(s.reference);
  $('lang').value = '';
  show(text, s);
}

/** A local file: .txt verbatim; .html through the same article detection as the extension (a snapshot). */
async function openFile(file) {
  const content = await file.text();
  if (/\.html?$/i.test(file.name) || content.trimStart().startsWith('<')) {
    const doc = new DOMParser().parseFromString(content, 'text/html');
    const page = scanSnapshot(snapshotPage(doc).json);
    show(page.text, { reference: page.published || undefined, lang: page.lang || undefined, title: page.title || undefined });
  } else {
    show(content);
  }
}

async function main() {
  await init();
  SAMPLES.forEach((s, k) => $('sample').append(new Option(s.label, String(k))));
  $('sample').addEventListener('change', (e) => openSample(Number(e.target.value)).catch(fail));
  $('file').addEventListener('change', (e) => e.target.files[0] && openFile(e.target.files[0]).catch(fail));
  $('analyse-paste').addEventListener('click', () => show($('paste').value));
  for (const b of document.querySelectorAll('#export button')) {
    b.addEventListener('click', () => current.analysis && downloadText(exportsOf(current.analysis)[b.dataset.format]));
  }
  $('reference').addEventListener('change', () => status('The new publication time applies to the next text you open or analyse.'));
  await openSample(0);
}

function fail(e) {
  status(`Error: ${(e && e.message) || e}`);
  console.error(e);
}

main().catch(fail);
