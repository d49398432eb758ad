#!/usr/bin/env python3
"""People recall on en-quotes-dev: is every name in a gold file's `people` list a person entity of the prediction?

usage: scripts/check_people.py GOLD_DIR PRED_DIR [-v]
(scripts/eval.sh en-quotes-dev writes PRED_DIR = $EVAL_OUT/en-quotes-dev.) score.py does not score `people`, so
this fills the gap: a name counts as found when a predicted person entity has it as its name or an alias
(whitespace-normalised, case-insensitive, honorific-free).
"""
import glob
import json
import os
import sys


def norm(s: str) -> str:
    return " ".join(s.replace("’", "'").split()).casefold()


def main() -> None:
    gold_dir, pred_dir = sys.argv[1], sys.argv[2]
    verbose = "-v" in sys.argv
    found = total = 0
    for g in sorted(glob.glob(os.path.join(gold_dir, "*.gold.json"))):
        gold = json.load(open(g))
        people = [p for p in gold.get("people") or [] if p.strip()]
        pid = os.path.basename(g).replace(".gold.json", ".json")
        try:
            pred = json.load(open(os.path.join(pred_dir, pid)))
        except FileNotFoundError:
            pred = {"entities": []}
        names = set()
        for e in pred.get("entities", []):
            if e.get("type") == "person":
                names.add(norm(e["name"]))
                names.update(norm(a) for a in e.get("aliases", []))
        for p in people:
            total += 1
            if norm(p) in names:
                found += 1
            elif verbose:
                cands = [e["name"] + "/" + e["type"] for e in pred.get("entities", []) if norm(p).split()[-1] in norm(e["name"])]
                print(f"missed {pid}: {p!r}  (near: {cands})")
    print(f"people recall {found}/{total} = {found / max(total, 1):.3f}")


if __name__ == "__main__":
    main()
