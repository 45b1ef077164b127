"""The place index: name keys to candidate places, loaded once and lazily.

The index ships as ``data/gazetteer.idx.gz`` (built by ``scripts/build_gazetteer.py``
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
import json
import unicodedata
from collections.abc import Iterable
from importlib.resources import files
from typing import NamedTuple

__all__ = ["ARTICLES", "Gazetteer", "Place", "gazetteer", "normalise"]

# Characters NFKD does not decompose to ASCII but that transliterations use.
_FOLD = str.maketrans({
    "ʼ": "", "’": "", "'": "", "`": "", "‘": "", "ʻ": "", "ʹ": "", "´": "", "ʿ": "", "ʾ": "",
    "-": " ", "‐": " ", "‑": " ", "–": " ", "—": " ", "ı": "i", "ł": "l", "Ł": "L",
    "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ß": "ss", "æ": "ae", "œ": "oe", "ə": "a",
})  # fmt: skip


#: Transliterations of the Arabic article, folded to "al" inside multi-word keys.
ARTICLES = frozenset({"al", "el", "an", "ar", "as", "ash", "at", "ad", "az", "ed", "er", "ez",
                      "ul", "ud", "ur"})


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
        words = ["al" if w in ARTICLES else w for w in words]
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
    r"""Name keys (see :func:`normalise`) to candidate places, plus per-key flags.

    Rows stay unparsed strings until a key that names them is looked up, so loading the
    index costs little more than reading it. A key is *weak* when it is also a common
    English word ("Police", "Mobile"): the extractor then needs locative context before
    it accepts the match.

    >>> row = "Sake\tpopulated_place\tCD\t-1.57\t29.04\t17151\t205970\t\tCD.11"
    >>> g = Gazetteer([row], {"sake": "0\t1"}, {"sake"})
    >>> g.is_weak("sake"), g.best("sake").name
    (True, 'Sake')
    """

    def __init__(self, rows: list[str], keys: dict[str, str], first_words: Iterable[str]
                 ) -> None:
        self._rows: list[str | Place] = list(rows)
        self._keys = keys
        self.first_words = set(first_words)

    def place(self, row: int) -> Place:
        """The place stored in ``row`` (parsed on first use)."""
        item = self._rows[row]
        if isinstance(item, Place):
            return item
        name, kind, cc, lat, lon, pop, gid, admin1, code = item.split("\t")
        place = Place(name, kind, cc or None, float(lat), float(lon), int(pop),
                      int(gid) if gid else None, admin1 or None, code or None)
        self._rows[row] = place
        return place

    def candidates(self, key: str) -> list[Place]:
        """Every place the key may name (empty when unknown)."""
        entry = self._keys.get(key)
        if entry is None:
            return []
        return [self.place(int(i)) for i in entry.split("\t", 1)[0].split(",")]

    def __contains__(self, key: object) -> bool:
        return key in self._keys

    def __len__(self) -> int:
        return len(self._rows)

    def is_weak(self, key: str) -> bool:
        """True when the key is also a common English word."""
        return self._keys.get(key, "").endswith("\t1")

    def best(self, key: str) -> Place | None:
        """The most populous candidate for the key (the context-free prior)."""
        found = self.candidates(key)
        return max(found, key=lambda p: p.population) if found else None

    def add(self, place: Place, names: Iterable[str]) -> None:
        """Add a curated place under the given names (never weak)."""
        row = len(self._rows)
        self._rows.append(place)
        for key in {normalise(n) for n in names}:
            ids = self._keys.get(key, "").split("\t", 1)[0]
            self._keys[key] = f"{ids},{row}\t0" if ids else f"{row}\t0"
        self.first_words.update(normalise(n).split(" ", 1)[0] for n in names)


def _read_index(raw: bytes) -> Gazetteer:
    """Parse the built index: four blocks separated by ``\\x1e`` (rows, keys, each key's
    ``rows<TAB>weak`` value, first words). Splitting whole blocks keeps loading fast."""
    rows, keys, values, first = gzip.decompress(raw).decode("utf-8").split("\x1e")
    pairs = zip(keys.split("\n"), values.split("\n"), strict=True)
    return Gazetteer(rows.split("\n"), dict(pairs), first.split(" "))


@functools.cache
def gazetteer() -> Gazetteer:
    """The shipped index plus the curated supplement, loaded on first use and shared."""
    data = files(__package__).joinpath("data")
    gaz = _read_index(data.joinpath("gazetteer.idx.gz").read_bytes())
    supplement = json.loads(data.joinpath("supplement.json").read_text("utf-8"))
    for entry in supplement["places"]:
        place = Place(entry["name"], entry["kind"], entry.get("country"), entry["lat"],
                      entry["lon"], int(entry.get("population", 0)), entry.get("geonames_id"),
                      entry.get("admin1"), entry.get("admin1_code"))
        gaz.add(place, [entry["name"], *entry.get("aliases", [])])
    return gaz
