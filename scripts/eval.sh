#!/usr/bin/env bash
# Score the CLI on the development corpus with ../shared/tools/score.py.
# usage: scripts/eval.sh [seed|fr-dev|fr|en-quotes-dev|ftb-dev|chrono-fr|chrono-en|all]...   (default: all)
# Env: NEWSLENS_BIN (default target/release/newslens, or $CARGO_TARGET_DIR/release/newslens),
#      NEWSLENS_CORPUS (default ../shared/corpus), EVAL_OUT (default /tmp/newslens-eval).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
corpus=${NEWSLENS_CORPUS:-$root/../shared/corpus}
tools=$(cd "$corpus/../tools" && pwd)
bin=${NEWSLENS_BIN:-${CARGO_TARGET_DIR:-$root/target}/release/newslens}
out=${EVAL_OUT:-/tmp/newslens-eval}
[ -x "$bin" ] || { echo "eval: build first (cargo build --release); no $bin" >&2; exit 1; }
[ -d "$corpus" ] || { echo "eval: corpus not found at $corpus (set NEWSLENS_CORPUS)" >&2; exit 1; }

reference_of() { python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["reference"] or "")' "$1"; }

score_dir() { # name gold_dir
  local name=$1 gold=$2 pred=$out/$1
  rm -rf "$pred"; mkdir -p "$pred"
  for g in "$gold"/*.gold.json; do
    local id txt ref
    id=$(basename "$g" .gold.json); txt=$gold/$id.txt
    [ -f "$txt" ] || continue
    ref=$(reference_of "$g")
    "$bin" analyze "$txt" ${ref:+--reference "$ref"} > "$pred/$id.json" || echo "eval: $id failed" >&2
  done
  echo "== $name"
  python3 "$tools/score.py" set "$gold" "$pred"
}

score_phrases() { # name file
  local name=$1 file=$corpus/dates/$2
  mkdir -p "$out"
  python3 "$tools/score.py" make-phrases "$file" "$out/$name.in.jsonl" >/dev/null
  "$bin" analyze --batch "$out/$name.in.jsonl" > "$out/$name.out.jsonl"
  echo "== $name"
  python3 "$tools/score.py" phrases "$file" "$out/$name.out.jsonl"
}

sets=("$@"); [ ${#sets[@]} -eq 0 ] && sets=(all)
for s in "${sets[@]}"; do
  case $s in
    seed) mkdir -p "$out/seed"; "$bin" analyze "$corpus/seed/sessions-fr.txt" --reference 2017-03-03T13:27 > "$out/seed/sessions-fr.json"
          echo "== seed"; python3 "$tools/score.py" doc "$corpus/seed/sessions-fr.gold.json" "$out/seed/sessions-fr.json" ;;
    fr-dev) score_dir fr-dev "$corpus/fr-dev" ;;
    fr) # the French targets are set on seed + fr-dev together
        rm -rf "$out/fr-gold"; mkdir -p "$out/fr-gold"
        cp "$corpus"/seed/* "$corpus"/fr-dev/* "$out/fr-gold/"
        score_dir fr "$out/fr-gold" ;;
    en-quotes-dev) score_dir en-quotes-dev "$corpus/en-quotes-dev" ;;
    ftb-dev) score_dir ftb-dev "$corpus/dates/ftb-dev" ;;
    chrono-fr) score_phrases chrono-fr chrono_fr.jsonl ;;
    chrono-en) score_phrases chrono-en chrono_en.jsonl ;;
    all) "$0" seed fr-dev fr en-quotes-dev ftb-dev chrono-fr chrono-en ;;
    *) echo "eval: unknown set '$s'" >&2; exit 2 ;;
  esac
done
