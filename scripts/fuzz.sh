#!/usr/bin/env bash
# Fuzz NewsLens for a fixed number of executions per target (issue #8), with cargo-fuzz and libFuzzer.
#
#   scripts/fuzz.sh                     analyze 1 000 000 runs, html 200 000, snapshot 200 000
#   scripts/fuzz.sh analyze 5000000     one target, N runs
#   scripts/fuzz.sh --build             build the targets only (cheap check that they still compile)
#
# Targets (fuzz/fuzz_targets): `analyze` (any text, language and reference date → spans that index the text),
# `html` (any bytes as an HTML page → html5ever → article → analysis, and the JSON-snapshot backend agreeing),
# `snapshot` (any bytes as the service worker's JSON snapshot). Each run prints libFuzzer's final
# "Done N runs in S second(s)"; a crash stops the script with the input saved under fuzz/artifacts/TARGET/.
#
# Only the stable toolchain is installed here: cargo-fuzz passes nightly-only flags (-Zsanitizer, …), which
# RUSTC_BOOTSTRAP=1 lets stable rustc accept. No sanitizer: the crate has no unsafe code, so AddressSanitizer
# would only slow the runs; panics (overflow checks and debug assertions are on) are what we look for.
# Needs cargo-fuzz (`cargo install cargo-fuzz --locked`) and a C++ compiler for libFuzzer.
# Env: FUZZ_JOBS (libFuzzer processes run side by side, sharing the corpus; default 1), FUZZ_MAX_LEN (longest
# input, default 1024 bytes: analysis bugs show on short inputs, and short ones run many more times).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
export RUSTC_BOOTSTRAP=1
# The fuzz workspace keeps its own target dir (fuzz/target): its flags differ from the main build's.
unset CARGO_TARGET_DIR
command -v cargo-fuzz >/dev/null || { echo "cargo-fuzz is missing: cargo install cargo-fuzz --locked" >&2; exit 1; }
flags=(-O --sanitizer none)

if [ "${1:-}" = "--build" ]; then
  cargo fuzz build "${flags[@]}"
  exit
fi

run() {
  local target=$1 runs=$2 jobs=${FUZZ_JOBS:-1}
  local corpus="fuzz/corpus/$target" logs="fuzz/logs/$target"
  mkdir -p "$corpus" "fuzz/artifacts/$target" "$logs"
  # This run's logs only: an earlier run with more processes left N.log files that the total would count.
  rm -f "$logs"/*.log
  # Seed inputs: small pages and texts written for the tests (never corpus articles).
  [ -n "$(ls -A "$corpus")" ] || seed "$target" "$corpus"
  echo "== fuzz $target: $runs runs in $jobs process(es)"
  # N plain processes sharing the corpus folder (libFuzzer's own -jobs hides the counts in fuzz-N.log files).
  local pids=() k
  for k in $(seq 1 "$jobs"); do
    cargo fuzz run "${flags[@]}" "$target" "$corpus" -- \
      -runs=$((runs / jobs)) -max_len="${FUZZ_MAX_LEN:-1024}" -seed="$k" \
      -artifact_prefix="fuzz/artifacts/$target/" -print_final_stats=1 > "$logs/$k.log" 2>&1 &
    pids+=($!)
  done
  local failed=0
  for k in "${pids[@]}"; do wait "$k" || failed=1; done
  grep -hE '^(Done|stat::(average_exec_per_sec|new_units_added|peak_rss_mb))|panicked|SUMMARY|Test unit written' "$logs"/*.log || true
  local total
  total=$(grep -h '^stat::number_of_executed_units' "$logs"/*.log | awk '{ s += $2 } END { print s + 0 }')
  echo "fuzz $target: $total executions in total"
  if [ "$failed" = 1 ] || [ -n "$(ls -A "fuzz/artifacts/$target")" ]; then
    echo "fuzz $target: crash input(s) in fuzz/artifacts/$target/ (logs in $logs/)" >&2
    exit 1
  fi
}

seed() {
  local target=$1 dir=$2
  case $target in
    analyze)
      # 8 option bytes then the text (see fuzz/src/lib.rs).
      printf '\0\x01\x07\x03\x03\x0d\x1b\0« Nous ne céderons pas », a déclaré jeudi M. Jean Dupont.' > "$dir/fr"
      printf '\x01\x01\x07\x03\x03\x0d\x1b\0"We will win," said Jane Smith on Thursday, adding that it would take until 2018.' > "$dir/en"
      printf '\x02\x01\x07\x03\x03\x0d\x1b\0Dernière mise à jour à 13h27 le 03/03. Selon elle, le ministère de la Justice a dit hier que...' > "$dir/dateline"
      cp tests/e2e/fixture-fr.txt "$dir/fixture" ;;
    html)
      printf '<html lang=fr><head><title>Titre | Site</title><meta property="article:published_time" content="2017-03-03T13:27"></head><body><nav><a href=/>Accueil</a></nav><article><h1>Titre</h1><p>« Non », a dit M. Dupont jeudi.<br>Il a ajouté <b>que</b> tout irait bien.</p><pre>  code\n</pre></article><footer>Pied</footer></body></html>' > "$dir/page"
      { printf '<html><body><article>'; sed 's/.*/<p>&<\/p>/' tests/e2e/fixture-fr.txt; printf '</article></body></html>'; } > "$dir/fixture" ;;
    snapshot)
      printf '{"url":"http://x/","root":{"tag":"html","children":[{"tag":"body","children":[{"tag":"p","attrs":{"class":"story"},"children":[{"text":"« Non », a dit M. Dupont jeudi, longuement, très longuement."}]},{"tag":"p","hidden":true,"children":[{"text":"\\ud800caché"}]}]}]}}' > "$dir/snapshot" ;;
  esac
}

if [ $# -ge 1 ]; then
  run "$1" "${2:-1000000}"
else
  run analyze 1000000
  run html 200000
  run snapshot 200000
fi
