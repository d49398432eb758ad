#!/usr/bin/env bash
# Every benchmark of issue #8 in one command, printed as Markdown tables:
#   1. the whole analysis natively (`cargo bench --bench throughput`: seed article, 10 kB … 5 MB, stages);
#   2. the same in WebAssembly, in node and in headless Chromium (benches/wasm-throughput.mjs,
#      benches/wasm-chromium.mjs), after building the release module (scripts/build-wasm.sh, then its size);
#   3. the page: document_idle → painted and the other budgets on the saved real pages, in headless Chromium
#      with the extension loaded (tests/e2e/pages.spec.mjs; needs the corpus's saved pages).
# Run it on an idle machine: the figures are wall-clock times. Env: BENCH_SKIP_BUILD=1 reuses extension/pkg.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
echo "# NewsLens benchmarks — $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "## Native"
cargo bench --bench throughput 2>/dev/null
echo
echo "## WebAssembly"
if [ "${BENCH_SKIP_BUILD:-0}" != 1 ]; then scripts/build-wasm.sh >/dev/null; fi
scripts/check-size.sh
echo
node benches/wasm-throughput.mjs
echo
node benches/wasm-chromium.mjs
echo
echo "## The page (saved real pages, extension in headless Chromium)"
# The spec prints its table and budget line as TAP comments ("# | …", "# budgets: …").
node --test tests/e2e/pages.spec.mjs 2>&1 | sed -n 's/^# \(| .*\|budgets: .*\)$/\1/p'
