#!/usr/bin/env bash
# Size budgets of issue #8, checked after scripts/build-wasm.sh: fails when
#   - the WebAssembly module (extension/pkg/newslens_bg.wasm, lexicons included) exceeds 400,000 bytes
#     gzipped (gzip -9, what a store or server compresses it to), or
#   - either browser's package (dist/chrome, dist/firefox from scripts/package.mjs, zipped with deflate level 9
#     as a store upload would be) exceeds 1,000,000 bytes.
# Prints both figures either way. Env: WASM_GZ_BUDGET, PACKAGE_BUDGET (bytes) to try other limits.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
wasm=extension/pkg/newslens_bg.wasm
wasm_budget=${WASM_GZ_BUDGET:-400000}
package_budget=${PACKAGE_BUDGET:-1000000}

if [ ! -f "$wasm" ]; then
  echo "check-size: $wasm is missing; run scripts/build-wasm.sh first" >&2
  exit 1
fi
raw=$(stat -c %s "$wasm")
gz=$(gzip -9 -c "$wasm" | wc -c)
# The packages as the stores get them: each browser's build (scripts/package.mjs, which leaves out the other
# browser's form of the module) zipped in memory, paths sorted.
node scripts/package.mjs --no-zip > /dev/null
packages=$(python3 - <<'PY'
import io, os, zipfile
for browser in ("chrome", "firefox"):
    buf = io.BytesIO()
    root = os.path.join("dist", browser)
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        paths = sorted(os.path.join(d, f) for d, _, files in os.walk(root) for f in files)
        for p in paths:
            z.write(p, os.path.relpath(p, root))
    print(browser, len(buf.getvalue()))
PY
)

status=0
printf 'check-size: WASM module %d bytes raw, %d bytes gzipped (budget %d)\n' "$raw" "$gz" "$wasm_budget"
if [ "$gz" -gt "$wasm_budget" ]; then
  echo "check-size: FAIL: the gzipped WASM module is $((gz - wasm_budget)) bytes over budget" >&2
  status=1
fi
while read -r browser package; do
  printf 'check-size: %s package %d bytes zipped (budget %d)\n' "$browser" "$package" "$package_budget"
  if [ "$package" -gt "$package_budget" ]; then
    echo "check-size: FAIL: the $browser package is $((package - package_budget)) bytes over budget" >&2
    status=1
  fi
done <<< "$packages"
exit $status
