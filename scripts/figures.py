#!/usr/bin/env python3
"""Print the development figures as Markdown tables (what the README's "How well it does" shows).

usage: scripts/figures.py [EVAL_OUT]

Runs `scripts/eval.sh all` (which analyses every dev text with the release CLI into EVAL_OUT, default
/tmp/newslens-eval), then re-scores the predictions with `../shared/tools/score.py --json` and prints one table per
concern with the issue targets beside the figures. Needs the corpus ($NEWSLENS_CORPUS, default ../shared/corpus)
and a release build (NEWSLENS_BIN, as for eval.sh).
"""
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = Path(os.environ.get("NEWSLENS_CORPUS", ROOT.parent / "shared" / "corpus")).resolve()
SCORE = CORPUS.parent / "tools" / "score.py"
OUT = Path(sys.argv[1] if len(sys.argv) > 1 else os.environ.get("EVAL_OUT", "/tmp/newslens-eval"))


def score(mode, *args):
    out = subprocess.run([sys.executable, str(SCORE), mode, *map(str, args), "--json"],
                         check=True, capture_output=True, text=True).stdout
    return json.loads(out)


def get(d, path):
    for k in path.split("."):
        d = d[k]
    return d


def f(x):
    return f"{x:.3f}"


def main():
    if not SCORE.exists():
        sys.exit(f"figures: corpus not found at {CORPUS} (set NEWSLENS_CORPUS)")
    env = dict(os.environ, EVAL_OUT=str(OUT))
    if os.environ.get("FIGURES_SKIP_EVAL") != "1":  # re-score an earlier run without re-analysing
        subprocess.run([str(ROOT / "scripts" / "eval.sh"), "all"], check=True, env=env, stdout=subprocess.DEVNULL)

    sets = {
        "seed article": score("doc", CORPUS / "seed" / "sessions-fr.gold.json",
                              OUT / "seed" / "sessions-fr.json")["metrics"],
        "French: seed + fr-dev": score("set", OUT / "fr-gold", OUT / "fr")["micro"],
        "fr-dev alone": score("set", CORPUS / "fr-dev", OUT / "fr-dev")["micro"],
        "English: en-quotes-dev": score("set", CORPUS / "en-quotes-dev", OUT / "en-quotes-dev")["micro"],
    }
    ftb = score("set", CORPUS / "dates" / "ftb-dev", OUT / "ftb-dev")["micro"]
    chrono = {lang: score("phrases", CORPUS / "dates" / f"chrono_{lang}.jsonl", OUT / f"chrono-{lang}.out.jsonl")
              for lang in ("fr", "en")}

    quote_targets = {"French: seed + fr-dev": "0.90 / 0.90 / 0.82", "English: en-quotes-dev": "0.88 / 0.90 / 0.80"}
    print("Quotes and speakers:\n")
    print("| set | detection F1 | attribution | end-to-end F1 | target (issue #3) |")
    print("|---|---|---|---|---|")
    for name, m in sets.items():
        q = m["quotes"]
        print(f"| {name} | {f(q['detection']['f1'])} | {f(q['attribution_accuracy']['accuracy'])} | "
              f"{f(q['end_to_end']['f1'])} | {quote_targets.get(name, '—')} |")

    print("\nDates:\n")
    print("| set | measure | figure | target (issue #4) |")
    print("|---|---|---|---|")
    print(f"| seed article | value F1 | {f(get(sets['seed article'], 'dates.value.f1'))} | — |")
    print(f"| French TimeBank dev half (ftb-dev) | detection F1 / value accuracy | "
          f"{f(ftb['dates']['detection']['f1'])} / {f(ftb['dates']['value_accuracy']['accuracy'])} | 0.90 / 0.90 |")
    print(f"| French seed + fr-dev | value F1 | {f(get(sets['French: seed + fr-dev'], 'dates.value.f1'))} | 0.88 |")
    print(f"| chrono-node French cases | accuracy | {f(chrono['fr']['accuracy']['accuracy'])} | 0.92 |")
    print(f"| chrono-node English cases | accuracy | {f(chrono['en']['accuracy']['accuracy'])} | 0.85 |")

    print("\nEntities (strict span F1; clustering F1):\n")
    print("| set | person | organization | location | strict micro F1 | clustering F1 | target (issue #5) |")
    print("|---|---|---|---|---|---|---|")
    for name in ("seed article", "French: seed + fr-dev", "fr-dev alone"):
        e = sets[name]["entities"]
        s = e["strict"]
        target = "≥ 0.85 / ≥ 0.95" if name.startswith("French") else "—"
        print(f"| {name} | {f(s['person']['f1'])} | {f(s['organization']['f1'])} | {f(s['location']['f1'])} | "
              f"{f(s['micro']['f1'])} | {f(e['clustering']['f1'])} | {target} |")

    people = subprocess.run([sys.executable, str(ROOT / "scripts" / "check_people.py"), str(CORPUS / "en-quotes-dev"),
                             str(OUT / "en-quotes-dev")], check=True, capture_output=True, text=True).stdout.strip()
    print(f"\nEnglish people (en-quotes-dev, names of each gold `people` list found as person entities; target "
          f"recall ≥ 0.95): {people.removeprefix('people recall ')}")


if __name__ == "__main__":
    main()
