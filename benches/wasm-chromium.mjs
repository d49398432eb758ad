// WebAssembly throughput in headless Chromium: `node benches/wasm-chromium.mjs` after scripts/build-wasm.sh.
//
// The module the extension ships (extension/pkg), loaded by a page served on 127.0.0.1 in Debian's Chromium,
// times `analyze` — the extension's call, conversion of the result to a JavaScript object included — on the
// texts of benches/wasm-throughput.mjs (the same timing loop, benches/wasm-common.mjs). Prints the table.
// As in node, V8's speed is bimodal per renderer process: the table is taken in BENCH_PROCESSES browsers
// launched one after the other (default 3; 1 prints one browser's table).
import { readFileSync, existsSync } from 'node:fs';
import { join, normalize } from 'node:path';
import { launchChromium, listen, root } from '../tests/e2e/harness.mjs';
import { loadTexts, table, tableAcross } from './wasm-common.mjs';

if (!existsSync(join(root, 'extension/pkg/newslens_bg.wasm'))) {
  console.error('wasm-chromium: extension/pkg/newslens_bg.wasm is missing; run scripts/build-wasm.sh first');
  process.exit(1);
}
const TYPES = { '.js': 'text/javascript', '.mjs': 'text/javascript', '.wasm': 'application/wasm', '.html': 'text/html' };
// Only the module and the bench's own files are served.
const SERVED = ['extension/pkg/', 'benches/'];
const { server, base } = await listen((req, res) => {
  const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname)).replace(/^\/+/, '');
  if (path === '') {
    res.writeHead(200, { 'content-type': 'text/html' });
    return res.end('<!doctype html><meta charset="utf-8"><title>NewsLens WebAssembly bench</title>');
  }
  if (!SERVED.some((p) => path.startsWith(p)) || !existsSync(join(root, path))) {
    res.writeHead(404);
    return res.end();
  }
  res.writeHead(200, { 'content-type': TYPES[path.slice(path.lastIndexOf('.'))] ?? 'application/octet-stream' });
  res.end(readFileSync(join(root, path)));
});

/** One browser's `timeRows` results, and its version. */
async function inOneBrowser(texts) {
  const { browser, cleanup } = await launchChromium();
  try {
    const page = await browser.newPage();
    await page.goto(`${base}/`);
    return await page.evaluate(async (texts) => {
      const { default: init, analyze } = await import('/extension/pkg/newslens.js');
      const { benchRows, timeRows } = await import('/benches/wasm-common.mjs');
      const wasm = await init({ module_or_path: '/extension/pkg/newslens_bg.wasm' });
      return { version: navigator.userAgent.match(/Chrome\/[\d.]+/)?.[0] ?? navigator.userAgent, results: timeRows(analyze, benchRows(texts), () => wasm.memory.buffer.byteLength) };
    }, texts);
  } finally {
    await cleanup();
  }
}

const processes = Math.max(1, Number(process.env.BENCH_PROCESSES ?? 3));
try {
  const { source, texts } = await loadTexts(root);
  const runs = [];
  for (let k = 0; k < processes; k++) runs.push(await inOneBrowser(texts));
  console.log(`WebAssembly analysis in headless Chromium (${runs[0].version}, extension/pkg) of ${source}, in ${processes} browser${processes > 1 ? 's' : ''}:\n`);
  console.log(processes > 1 ? tableAcross(runs.map((r) => r.results)) : table(runs[0].results));
} finally {
  server.close();
}
