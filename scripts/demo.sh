#!/usr/bin/env bash
# Build the WebAssembly module and serve the demo page: http://localhost:${PORT:-8000}/www/
# (served from the repository root because the demo imports the extension's page-side modules).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/build-wasm.sh"
port=${PORT:-8000}
echo "demo: open http://localhost:$port/www/  (Ctrl-C stops)"
cd "$root" && exec python3 -m http.server "$port" --bind 127.0.0.1
