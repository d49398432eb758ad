// WebAssembly throughput in node: `node benches/wasm-throughput.mjs` after scripts/build-wasm.sh.
//
// Loads the module the extension ships (extension/pkg; node runs V8, the engine of Chromium) and times
// `analyze` — the extension's call, result conversion to a JavaScript object included — on texts made by
// concatenating the French development articles (10 kB … 5 MB), as benches/throughput.rs does natively; the
// texts, timing loop and table are benches/wasm-common.mjs, shared with the headless Chromium bench
// (benches/wasm-chromium.mjs). Texts are read from $NEWSLENS_CORPUS (default ../shared/corpus), else from
// www/samples. On a shared machine the best run is closer to the idle figure than the median.
// Env: BENCH_PROCESSES (default 5; 1 prints one process's table).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchRows, loadTexts, table, tableAcross, timeRows } from './wasm-common.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { source, texts } = await loadTexts(root);
// V8's speed on this module is bimodal PER PROCESS (1 MB: ~210 or ~330 ms a run, the same in every run of a
// process, with or without Liftoff, whichever core): one process's table is a coin toss. So the table is taken
// in BENCH_PROCESSES fresh processes (default 5), one after the other, and shows their spread.
const processes = Number(process.env.BENCH_PROCESSES ?? 5);
if (process.env.NEWSLENS_BENCH_CHILD) {
  const { initSync, analyze } = await import(join(root, 'extension/pkg/newslens.js'));
  const wasm = initSync({ module: readFileSync(join(root, 'extension/pkg/newslens_bg.wasm')) });
  const results = timeRows(analyze, benchRows(texts), () => wasm.memory.buffer.byteLength);
  if (process.env.NEWSLENS_BENCH_CHILD === 'json') console.log(JSON.stringify(results));
  else console.log(table(results));
} else {
  const child = (mode) => execFileSync(process.execPath, [fileURLToPath(import.meta.url)], { env: { ...process.env, NEWSLENS_BENCH_CHILD: mode }, encoding: 'utf8' });
  console.log(`WebAssembly analysis (node ${process.version}, extension/pkg) of ${source}, in ${processes} fresh processes:\n`);
  if (processes <= 1) console.log(child('table'));
  else console.log(tableAcross(Array.from({ length: processes }, () => JSON.parse(child('json')))));
}
