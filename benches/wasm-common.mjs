// What the two WebAssembly throughput benches share: the texts (the French development articles concatenated
// to 10 kB … 5 MB, as benches/throughput.rs does natively), the timing loop and the table. The timing loop runs
// in node (benches/wasm-throughput.mjs) and in a headless Chromium page (benches/wasm-chromium.mjs), so it uses
// only what both have: no node modules outside `loadTexts`.

/** The sizes of the concatenated texts, as benches/throughput.rs. */
export const SIZES = [[10_000, '10 kB'], [100_000, '100 kB'], [1_000_000, '1 MB'], [5_000_000, '5 MB']];
/** The reference time every bench passes (the seed article's publication), so that runs compare. */
export const OPTIONS = { reference: '2017-03-03T13:27' };

/**
 * The seed and fr-dev articles from `$NEWSLENS_CORPUS` (default ../shared/corpus), else the demo page's French
 * sample: `{source, texts}`. Node only.
 */
export async function loadTexts(root) {
  const { readFileSync, readdirSync, existsSync } = await import('node:fs');
  const { join } = await import('node:path');
  const corpus = process.env.NEWSLENS_CORPUS ?? join(root, '../shared/corpus');
  const texts = [];
  for (const sub of ['seed', 'fr-dev']) {
    const dir = join(corpus, sub);
    if (!existsSync(dir)) continue;
    for (const f of readdirSync(dir).filter((f) => f.endsWith('.txt')).sort()) texts.push(readFileSync(join(dir, f), 'utf8'));
  }
  if (texts.length) return { source: "the corpus's seed and fr-dev articles", texts };
  return { source: 'www/samples (no corpus)', texts: [readFileSync(join(root, 'www/samples/fr-conseil-municipal.txt'), 'utf8')] };
}

const encoder = new TextEncoder();
const utf8Length = (s) => encoder.encode(s).length;

/** `[name, text]` rows: the first article alone, then the articles concatenated and cut to each of SIZES bytes. */
export function benchRows(texts) {
  const all = texts.join('\n');
  const concatenated = (size) => {
    let t = '';
    while (utf8Length(t) < size) t += all + '\n';
    // Cut at `size` bytes; a character cut in two decodes to U+FFFD, dropped.
    return new TextDecoder().decode(encoder.encode(t).subarray(0, size)).replace(/\uFFFD+$/, '');
  };
  return [['seed article', texts[0]], ...SIZES.map(([size, name]) => [`${name} of French news`, concatenated(size)])];
}

/**
 * Time `analyze(text, OPTIONS)` on each row: at least 3 runs, more for up to 2 s. `memoryBytes()`: the module's
 * linear memory after the row (it only grows, so it is the peak so far). Returns one result per row.
 */
export function timeRows(analyze, rows, memoryBytes) {
  return rows.map(([name, text]) => {
    const runs = [];
    const start = performance.now();
    while (runs.length < 3 || (performance.now() - start < 2000 && runs.length < 1000)) {
      const t = performance.now();
      analyze(text, OPTIONS);
      runs.push(performance.now() - t);
    }
    runs.sort((a, b) => a - b);
    return { name, bytes: utf8Length(text), median: runs[Math.floor(runs.length / 2)], best: runs[0], memory: memoryBytes() };
  });
}

/** `bytes` in `ms` as megabytes a second. */
const rate = (bytes, ms) => `${(bytes / ms / 1000).toFixed(1)} MB/s`;

/** The Markdown table of `timeRows`'s results. */
export function table(results) {
  const lines = [
    '| input | bytes | median time | throughput | best time | throughput (best) | linear memory |',
    '|---|---:|---:|---:|---:|---:|---:|',
  ];
  for (const r of results) {
    lines.push(`| ${r.name} | ${r.bytes} | ${r.median.toFixed(2)} ms | ${rate(r.bytes, r.median)} | ${r.best.toFixed(2)} ms | ${rate(r.bytes, r.best)} | ${(r.memory / 1048576).toFixed(1)} MiB |`);
  }
  return lines.join('\n');
}

/**
 * The table of several processes' `timeRows` (`perProcess[p][row]`): for each row, the median of the
 * processes' median times, then the fastest and the slowest process (their medians), and the best run of all.
 */
export function tableAcross(perProcess) {
  const lines = [
    `| input | bytes | median time (median of ${perProcess.length} processes) | throughput | fastest process | slowest process | best run | linear memory |`,
    '|---|---:|---:|---:|---:|---:|---:|---:|',
  ];
  perProcess[0].forEach((first, k) => {
    const medians = perProcess.map((rows) => rows[k].median).sort((a, b) => a - b);
    const mid = medians[Math.floor(medians.length / 2)];
    const best = Math.min(...perProcess.map((rows) => rows[k].best));
    const lo = medians[0];
    const hi = medians[medians.length - 1];
    lines.push(`| ${first.name} | ${first.bytes} | ${mid.toFixed(2)} ms | ${rate(first.bytes, mid)} | ${rate(first.bytes, lo)} | ${rate(first.bytes, hi)} | ${rate(first.bytes, best)} | ${(Math.max(...perProcess.map((rows) => rows[k].memory)) / 1048576).toFixed(1)} MiB |`);
  });
  return lines.join('\n');
}
