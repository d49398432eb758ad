#!/usr/bin/env bash
# The whole test suite, as CI runs it (.ci/run installs the tools first):
#   1. cargo test                          native core, CLI, page backends
#   2. scripts/build-wasm.sh               release WebAssembly into extension/pkg and www/pkg (prints sizes)
#      scripts/check-size.sh               size budgets: WASM <= 400,000 bytes gzipped, extension zip <= 1 MB
#   3. wasm-pack test --headless --chrome  wasm-bindgen tests in headless Chromium (live-DOM page scanning),
#      and --firefox                       the same in headless Firefox ESR (skipped without geckodriver)
#   4. npm run lint:firefox                the Firefox build (scripts/package.mjs) through `web-ext lint`
#   5. npm run test:e2e                    the unpacked extension in headless Chromium (content-script and
#                                          service-worker paths) and Firefox ESR on a local news page, the
#                                          shared page modules (extension/common) and the www demo page
# Env: CHROMEDRIVER (default /usr/bin/chromedriver), GECKODRIVER (default: geckodriver on PATH), CHROMIUM (default /usr/bin/chromium), FIREFOX (default
# /usr/bin/firefox-esr; its test is skipped without it), NEWSLENS_CORPUS.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
export CHROMEDRIVER=${CHROMEDRIVER:-/usr/bin/chromedriver}
export CHROMIUM=${CHROMIUM:-/usr/bin/chromium}

# Chromium and chromedriver leave profile folders in /tmp; remove the ones made during this run only (other
# Chromium processes on this machine may be using theirs).
tmp=${TMPDIR:-/tmp}
list_chromium_tmp() { find "$tmp" -maxdepth 1 \( -name 'org.chromium.Chromium.*' -o -name '.org.chromium.Chromium.*' -o -name 'scoped_dir*' \) 2>/dev/null | sort; }
before=$(mktemp)
list_chromium_tmp > "$before"
cleanup() {
  list_chromium_tmp | comm -13 "$before" - | xargs -r rm -rf
  rm -f "$before"
}
trap cleanup EXIT

step() { printf '\n== %s\n' "$*"; }

step "cargo test"
cargo test

step "wasm build"
scripts/build-wasm.sh

step "size budgets"
scripts/check-size.sh

step "wasm-bindgen tests in headless Chromium"
wasm-pack test --headless --chrome --chromedriver "$CHROMEDRIVER"

step "wasm-bindgen tests in headless Firefox"
geckodriver=${GECKODRIVER:-$(command -v geckodriver || true)}
if [ -n "$geckodriver" ] && command -v firefox-esr >/dev/null; then
  wasm-pack test --headless --firefox --geckodriver "$geckodriver"
else
  echo "SKIPPED: geckodriver or firefox-esr missing (.ci/setup installs both)"
fi

step "web-ext lint of the Firefox build"
npm run --silent lint:firefox

step "extension end-to-end tests"
npm run --silent test:e2e

step "all tests passed"
