// WebAssembly throughput in node: `node benches/wasm-throughput.mjs` after scripts/build-wasm.sh.
//
// Loads the module the extension ships (extension/pkg; node runs V8, the engine of Chromium) and times
// `analyze` — the extension's call, result conversion to a JavaScript object included — on texts made by
// concatenating the French development articles (10 kB … 5 MB), as benches/throughput.rs does natively; the
// texts, timing loop and table are benches/wasm-common.mjs, shared with the headless Chromium bench
// (benches/wasm-chromium.mjs). Texts are read from $NEWSLENS_CORPUS (default ../shared/corpus), else from
// www/samples. On a shared machine the best run is closer to the idle figure than the median.
import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchRows, loadTexts, table, timeRows } from './wasm-common.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { initSync, analyze } = await import(join(root, 'extension/pkg/newslens.js'));
const wasm = initSync({ module: readFileSync(join(root, 'extension/pkg/newslens_bg.wasm')) });
const { source, texts } = await loadTexts(root);
console.log(`WebAssembly analysis (node ${process.version}, extension/pkg) of ${source}:\n`);
console.log(table(timeRows(analyze, benchRows(texts), () => wasm.memory.buffer.byteLength)));
