// WebAssembly throughput in headless Chromium: `node benches/wasm-chromium.mjs` after scripts/build-wasm.sh.
//
// The module the extension ships (extension/pkg), loaded by a page served on 127.0.0.1 in Debian's Chromium,
// times `analyze` — the extension's call, conversion of the result to a JavaScript object included — on the
// texts of benches/wasm-throughput.mjs (the same timing loop, benches/wasm-common.mjs). Prints the table.
import { readFileSync, existsSync } from 'node:fs';
import { join, normalize } from 'node:path';
import { launchChromium, listen, root } from '../tests/e2e/harness.mjs';
import { loadTexts, table } from './wasm-common.mjs';

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

const { browser, cleanup } = await launchChromium();
try {
  const { source, texts } = await loadTexts(root);
  const page = await browser.newPage();
  await page.goto(`${base}/`);
  const { version, results } = await page.evaluate(async (texts) => {
    const { default: init, analyze } = await import('/extension/pkg/newslens.js');
    const { benchRows, timeRows } = await import('/benches/wasm-common.mjs');
    const wasm = await init({ module_or_path: '/extension/pkg/newslens_bg.wasm' });
    return { version: navigator.userAgent.match(/Chrome\/[\d.]+/)?.[0] ?? navigator.userAgent, results: timeRows(analyze, benchRows(texts), () => wasm.memory.buffer.byteLength) };
  }, texts);
  console.log(`WebAssembly analysis in headless Chromium (${version}, extension/pkg) of ${source}:\n`);
  console.log(table(results));
} finally {
  await cleanup();
  server.close();
}
