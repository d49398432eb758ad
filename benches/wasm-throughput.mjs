// WebAssembly throughput: `node benches/wasm-throughput.mjs` after scripts/build-wasm.sh.
//
// Loads the module the extension ships (extension/pkg, the same V8 engine as Chromium) and times
// `analyze` — the extension's call, result conversion to a JavaScript object included — on texts made by
// concatenating the French development articles (10 kB … 5 MB), as benches/throughput.rs does natively.
// Texts are read from $NEWSLENS_CORPUS (default ../shared/corpus), else from www/samples. Also prints the
// module's linear memory after each size (it only grows, so it is the peak so far). On a shared machine the
// best run is closer to the idle figure than the median, and the best CPU time of the process (`cpu best`)
// closer still: when other jobs hold both cores, wall time counts the waits too.
import { readFileSync, readdirSync, existsSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { performance } from "node:perf_hooks";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const { initSync, analyze } = await import(join(root, "extension/pkg/newslens.js"));
const wasm = initSync({ module: readFileSync(join(root, "extension/pkg/newslens_bg.wasm")) });

const corpus = process.env.NEWSLENS_CORPUS ?? join(root, "../shared/corpus");
let texts = [];
for (const sub of ["seed", "fr-dev"]) {
  const dir = join(corpus, sub);
  if (!existsSync(dir)) continue;
  for (const f of readdirSync(dir).filter((f) => f.endsWith(".txt")).sort()) texts.push(readFileSync(join(dir, f), "utf8"));
}
let source = "the corpus's seed and fr-dev articles";
if (texts.length === 0) {
  texts = [readFileSync(join(root, "www/samples/fr-conseil-municipal.txt"), "utf8")];
  source = "www/samples (no corpus)";
}
const all = texts.join("\n");
const utf8 = (s) => Buffer.byteLength(s, "utf8");
function concatenated(size) {
  let t = "";
  while (utf8(t) < size) t += all + "\n";
  // Cut at `size` bytes on a character boundary.
  const buf = Buffer.from(t, "utf8").subarray(0, size);
  return buf.toString("utf8").replace(/\uFFFD+$/, "");
}

const options = { reference: "2017-03-03T13:27" };
const rows = [["seed article", texts[0]]];
for (const [size, name] of [[10_000, "10 kB"], [100_000, "100 kB"], [1_000_000, "1 MB"], [5_000_000, "5 MB"]]) {
  rows.push([`${name} of French news`, concatenated(size)]);
}
console.log(`WebAssembly analysis (node ${process.version}, extension/pkg) of ${source}:\n`);
console.log("| input | bytes | median time | throughput | best time | throughput (best) | cpu best | throughput (cpu best) | linear memory |");
console.log("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
for (const [name, text] of rows) {
  const runs = [];
  const cpu = [];
  const start = performance.now();
  while (runs.length < 3 || (performance.now() - start < 2000 && runs.length < 1000)) {
    const t = performance.now();
    const c = process.cpuUsage();
    analyze(text, options);
    const d = process.cpuUsage(c);
    runs.push(performance.now() - t);
    cpu.push((d.user + d.system) / 1000);
  }
  runs.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  const ms = runs[Math.floor(runs.length / 2)];
  const bytes = utf8(text);
  const mib = wasm.memory.buffer.byteLength / 1048576;
  const best = runs[0];
  const rate = (t) => `${(bytes / t / 1000).toFixed(1)} MB/s`;
  console.log(`| ${name} | ${bytes} | ${ms.toFixed(2)} ms | ${rate(ms)} | ${best.toFixed(2)} ms | ${rate(best)} | ${cpu[0].toFixed(2)} ms | ${rate(cpu[0])} | ${mib.toFixed(1)} MiB |`);
}
