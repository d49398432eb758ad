#!/usr/bin/env bash
# Build the release WebAssembly module and its ES-module glue into extension/pkg/ and www/pkg/ (both
# generated, gitignored), then print the raw and gzipped size of the .wasm.
#
# Needs: rustup target wasm32-unknown-unknown, and wasm-bindgen-cli at EXACTLY the wasm-bindgen version of
# Cargo.lock (the glue and the crate must agree): `cargo install wasm-bindgen-cli --version X`.
# Optional: wasm-opt from the npm package `binaryen` (node_modules/.bin/wasm-opt) shrinks the module;
# Debian's wasm-opt is too old for current Rust output, so it is not used.
# Speed for size (issue #8, measurements in Cargo.toml above [profile.wasm]): the `wasm` profile optimises for
# size (opt-level "z") but with LLVM's inline threshold raised from z's 25 to $WASM_INLINE_THRESHOLD, since the
# analysis is made of many small functions (char iteration, spans, hashing) whose calls cost more than
# their bodies; then wasm-opt $WASM_OPT_LEVEL.
# wasm-opt inlines a function with one caller only up to 200 bytes (its default: whatever the size), which kept
# it from folding every stage into one 110 kB `analyze`: 7.4 kB smaller gzipped, and V8 compiles and optimises
# each stage on its own rather than one huge function (same speed in node, interleaved runs).
# Env: CARGO_TARGET_DIR (default target/), WASM_OPT=0 to skip wasm-opt even when present,
#      WASM_INLINE_THRESHOLD (default below; empty for opt-level "z"'s own), WASM_OPT_LEVEL (default below),
#      WASM_OPT_FLAGS (wasm-opt's other flags, default below).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
target_dir=${CARGO_TARGET_DIR:-$root/target}

want=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
have=$(wasm-bindgen --version 2>/dev/null | awk '{ print $2 }' || true)
if [ "$have" != "$want" ]; then
  echo "build-wasm: need wasm-bindgen-cli $want (found: ${have:-none}); run: cargo install wasm-bindgen-cli --version $want" >&2
  exit 1
fi

inline_threshold=${WASM_INLINE_THRESHOLD-45}
wasm_opt_level=${WASM_OPT_LEVEL:--Os}
wasm_opt_flags=${WASM_OPT_FLAGS---one-caller-inline-max-function-size=200}
# RUSTFLAGS apply to the wasm32 target only (host build scripts and proc macros are built without them).
RUSTFLAGS="${RUSTFLAGS:-}${inline_threshold:+ -Cllvm-args=-inline-threshold=$inline_threshold}" \
  cargo build --profile wasm --lib --target wasm32-unknown-unknown
wasm="$target_dir/wasm32-unknown-unknown/wasm/newslens.wasm"

out=extension/pkg
rm -rf "$out"
wasm-bindgen --target web --no-typescript --out-dir "$out" --out-name newslens "$wasm"

opt="$root/node_modules/.bin/wasm-opt"
if [ "${WASM_OPT:-1}" != 0 ] && [ -x "$opt" ]; then
  before=$(stat -c %s "$out/newslens_bg.wasm")
  "$opt" "$wasm_opt_level" $wasm_opt_flags --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals \
    --enable-reference-types --enable-multivalue "$out/newslens_bg.wasm" -o "$out/newslens_bg.wasm.opt"
  mv "$out/newslens_bg.wasm.opt" "$out/newslens_bg.wasm"
  echo "build-wasm: wasm-opt $wasm_opt_level: $before -> $(stat -c %s "$out/newslens_bg.wasm") bytes"
fi

rm -rf www/pkg
mkdir -p www
cp -r "$out" www/pkg

raw=$(stat -c %s "$out/newslens_bg.wasm")
gz=$(gzip -9 -c "$out/newslens_bg.wasm" | wc -c)
printf 'build-wasm: %s/newslens_bg.wasm: %d bytes raw (%d KiB), %d bytes gzipped (%d KiB)\n' \
  "$out" "$raw" $((raw / 1024)) "$gz" $((gz / 1024))
