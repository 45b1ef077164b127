"""The place index: name keys to candidate places, loaded once and lazily.

The index ships as ``data/gazetteer.tsv.gz`` (built by ``scripts/build_gazetteer.py``
from GeoNames data, CC BY 4.0) plus the hand-curated ``data/supplement.json``. Names are
compared through :func:`normalise`, which folds diacritics, apostrophes, hyphens and case,
so "Mar'yinka", "Maryinka" and "MARYINKA" share one key.

>>> normalise("Mar'yinka")
'maryinka'
>>> gazetteer().best("kyiv").country
'UA'
"""

from __future__ import annotations

import functools
import gzip
import io
import json
import unicodedata
from collections.abc import Iterable, Mapping
from importlib.resources import files
from typing import Any, NamedTuple

__all__ = ["Gazetteer", "Place", "gazetteer", "normalise"]

# Characters NFKD does not decompose to ASCII but that transliterations use.
_FOLD = str.maketrans({
    "ʼ": "", "’": "", "'": "", "`": "", "‘": "", "ʻ": "", "ʹ": "", "´": "", "ʿ": "", "ʾ": "",
    "-": " ", "‐": " ", "‑": " ", "–": " ", "—": " ", "ı": "i", "ł": "l", "Ł": "L",
    "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ß": "ss", "æ": "ae", "œ": "oe", "ə": "a",
})  # fmt: skip


_ARTICLES = frozenset("el an ar as ash at ad az ed er ez ul ud ur".split())


@functools.lru_cache(maxsize=65536)
def normalise(name: str) -> str:
    """Fold a place name to its lookup key: no diacritics, apostrophes or hyphens, lower case.

    >>> normalise("Khān Yūnis"), normalise("El-Ḩudaydah"), normalise("Maarrat an-Nu'man")
    ('khan yunis', 'al hudaydah', 'maarrat al numan')
    """
    decomposed = unicodedata.normalize("NFKD", name.translate(_FOLD))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    words = stripped.lower().split()
    if len(words) > 1:
        # The Arabic article assimilates in transliteration (an-Nu'man, ar-Raqqa, as-Sur).
        words = ["al" if w in _ARTICLES else w for w in words]
    return " ".join(words)


class Place(NamedTuple):
    """One gazetteer entry.

    >>> Place("Bakhmut", "populated_place", "UA", 48.6, 38.0, 80500, 713174, "Donetsk Oblast",
    ...       "UA.05").name
    'Bakhmut'
    """

    name: str
    kind: str
    country: str | None
    lat: float
    lon: float
    population: int
    geonames_id: int | None
    admin1: str | None
    #: GeoNames admin1 code ``CC.XX`` (the region a place lies in; its own code for regions).
    admin1_code: str | None


class Gazetteer:
    """Name keys (see :func:`normalise`) to candidate places, plus per-key flags.

    A key is *weak* when it is also a common English word ("Police", "Mobile"): the
    extractor then needs locative context before it accepts the match.

    >>> g = Gazetteer([Place("Sake", "populated_place", "CD", -1.57, 29.04, 17151, 205970,
    ...                      None, "CD.11")], {"sake": [0]}, {"sake"})
    >>> g.is_weak("sake"), g.best("sake").name
    (True, 'Sake')
    """

    def __init__(
        self, places: list[Place], keys: Mapping[str, list[int]], weak: Iterable[str]
    ) -> None:
        self.places = places
        self._keys = keys
        self._weak = frozenset(weak)
        self.first_words = frozenset(key.split(" ", 1)[0] for key in keys)
        self.max_words = max((key.count(" ") + 1 for key in keys), default=1)

    def candidates(self, key: str) -> list[Place]:
        """Every place the key may name (empty when unknown)."""
        return [self.places[i] for i in self._keys.get(key, ())]

    def __contains__(self, key: object) -> bool:
        return key in self._keys

    def is_weak(self, key: str) -> bool:
        """True when the key is also a common English word."""
        return key in self._weak

    def best(self, key: str) -> Place | None:
        """The most populous candidate for the key (the context-free prior)."""
        found = self.candidates(key)
        return max(found, key=lambda p: p.population) if found else None


def _read_index(raw: bytes) -> tuple[list[Place], dict[str, list[int]], set[str]]:
    """Parse the built TSV: ``P`` lines are places, ``K`` lines map a key to place rows."""
    places: list[Place] = []
    keys: dict[str, list[int]] = {}
    weak: set[str] = set()
    for line in io.TextIOWrapper(gzip.GzipFile(fileobj=io.BytesIO(raw)), encoding="utf-8"):
        cols = line.rstrip("\n").split("\t")
        if cols[0] == "P":
            _, name, kind, cc, lat, lon, pop, gid, admin1, code = cols
            places.append(Place(name, kind, cc or None, float(lat), float(lon), int(pop),
                                int(gid) if gid else None, admin1 or None, code or None))
        elif cols[0] == "K":
            keys[cols[1]] = [int(i) for i in cols[2].split(",")]
            if cols[3] == "1":
                weak.add(cols[1])
    return places, keys, weak


def _add_supplement(
    places: list[Place], keys: dict[str, list[int]], weak: set[str], data: Mapping[str, Any]
) -> None:
    """Merge hand-curated features and extra aliases into the parsed index."""
    by_gid = {p.geonames_id: i for i, p in enumerate(places) if p.geonames_id is not None}
    for entry in data["aliases"]:
        row = by_gid.get(entry["geonames_id"])
        if row is None:
            continue
        if "name" in entry:
            places[row] = places[row]._replace(name=entry["name"])
        for alias in entry.get("aliases", []):
            _add_key(keys, weak, normalise(alias), row)
    for entry in data["places"]:
        places.append(Place(entry["name"], entry["kind"], entry.get("country"), entry["lat"],
                            entry["lon"], int(entry.get("population", 0)),
                            entry.get("geonames_id"), entry.get("admin1"),
                            entry.get("admin1_code")))
        for alias in [entry["name"], *entry.get("aliases", [])]:
            _add_key(keys, weak, normalise(alias), len(places) - 1)


def _add_key(keys: dict[str, list[int]], weak: set[str], key: str, row: int) -> None:
    rows = keys.setdefault(key, [])
    if row not in rows:
        rows.append(row)
    weak.discard(key)  # a curated alias is meant to be found


@functools.cache
def gazetteer() -> Gazetteer:
    """The shipped index, loaded on first use and shared afterwards."""
    data = files(__package__).joinpath("data")
    places, keys, weak = _read_index(data.joinpath("gazetteer.tsv.gz").read_bytes())
    _add_supplement(places, keys, weak,
                    json.loads(data.joinpath("supplement.json").read_text("utf-8")))
    return Gazetteer(places, keys, weak)
