"""Weapon mentions: named systems from the gazetteer and generic class nouns.

How a mention is found (all on tokens, linear in the length of the text):

1. The phrase table (:mod:`.gazetteer`) finds multi-token system names, class nouns
   ("cruise missiles"), modifiers ("tactical") and name-only tails ("systems"), longest
   match first; single tokens it misses are looked up one by one, which also handles
   "Su-25s", "T-90M.", "Х-101" and unknown variants ("T-72B3M" -> T-72).
2. A system name takes in the modifiers and class nouns written right after it:
   "Grom tactical missiles", "HIMARS launchers", "Su-25 ground-attack jets"; a ship's
   name takes in its class noun before it ("the missile boat Ivanovets").
3. Origin adjectives before the span ("Ukrainian-made", "US-supplied") stay outside it
   but fill ``origin`` and choose between same-named systems (Grom: UA missile, PL
   MANPADS).
4. **Ambiguity rule.** A name marked ambiguous in the data (Patriot, Javelin, Leopard,
   Grom, Tornado, Tochka, Grad, Tor, Buk, Hermes, Harpoon, Neptune ...) is kept only
   with military context: an adjacent class noun, a count right before it, or a context
   word (fire, launch, strike, intercept, supply, missile, army ...) or another weapon in
   the same sentence. It is dropped when written in lower case, when a title or first
   name precedes it ("Gen. Abrams", "Ben Bradley"), a speech verb follows it ("Abrams
   said"), a unit or organisation noun follows it ("Qassam Brigades", "Patriot Act"), or,
   in trained mode, when spaCy tags it as a person or place.
5. Class nouns are kept unless a neighbouring word vetoes them ("think tank", "bomb
   shelter", "gold mines", "rounds of talks"); "vehicles" needs a count, "ships" and
   "vessels" must not be civilian (merchant, cargo, ...). Events ("strikes", "shelling")
   and units ("forces", "troops") are never weapons.

>>> import spacy
>>> doc = spacy.blank("en")("Two Ukrainian-made Grom tactical missiles hit the city.")
>>> [(w.text, w.category, w.origin) for w in WeaponExtractor().extract(doc)]
[('Grom tactical missiles', 'ballistic_missile', 'UA')]
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, cast

import attrs

from claimscope.extractors.weapons.context import Context, MatchKind, Piece
from claimscope.extractors.weapons.gazetteer import load
from claimscope.types import Weapon, WeaponCategory

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["WeaponExtractor"]

_MAX_TAIL = 5  # modifiers/nouns a name may take in ("S-300 long-range air defence missiles")


@attrs.frozen
class _Found:
    """A mention before it becomes a record."""

    start: int  # token offsets
    end: int
    canonical: str
    category: str
    origin: str | None
    generic: bool


class WeaponExtractor:
    """Finds weapon, weapon system, munition and military vehicle mentions."""

    name = "weapons"
    version = "0.1.0"
    produces = frozenset({"weapons"})
    uses = frozenset({"sentences", "ner", "pos"})

    def extract(self, doc: Doc) -> Iterator[Weapon]:
        """Yield one :class:`~claimscope.types.Weapon` per mention, in text order."""
        if not len(doc):
            return
        gaz = load()
        ctx = Context(doc, gaz)
        for found in self._resolve(ctx, ctx.pieces()):
            start = doc[found.start].idx
            last = doc[found.end - 1]
            end = last.idx + len(last.text)
            if last.text.endswith(".") and found.end - found.start >= 1 and len(last.text) > 2:
                end -= 1  # "T-90M." at a sentence end: the full stop is not the name
            yield Weapon(start=start, end=end, text=doc.text[start:end],
                         canonical=found.canonical,
                         category=cast(WeaponCategory, found.category),
                         origin=found.origin, generic=found.generic)

    def _resolve(self, ctx: Context, pieces: list[Piece]) -> list[_Found]:
        gaz = ctx.gaz
        found: list[_Found] = []
        pending: list[tuple[Piece, int, int, str | None]] = []
        i = 0
        while i < len(pieces):
            piece = pieces[i]
            if piece.kind is MatchKind.SHIP:
                start = self._naval_head(ctx, pieces, i)
                found.append(_Found(start, piece.end, ctx.doc[piece.start:piece.end].text,
                                    "naval_vessel", piece.key or None, False))
            elif piece.kind is MatchKind.SYSTEM:
                j, noun_category = self._tail(pieces, i)
                start = self._naval_head(ctx, pieces, i)
                end = pieces[j - 1].end if j > i + 1 else piece.end
                if not self._case_ok(ctx, piece):
                    i = j
                    continue
                if piece.key in gaz.ambiguous:
                    pending.append((piece, start, end, noun_category))
                else:
                    found.append(self._system(ctx, piece, start, end, noun_category))
                i = j
                continue
            if piece.kind is MatchKind.NOUN and ctx.noun_ok(piece):
                group = gaz.groups[piece.group]
                found.append(_Found(ctx.with_calibre(piece.start), piece.end, group.canonical,
                                    group.category, ctx.origin_before(piece.start), True))
            i += 1
        for piece, start, end, noun_category in pending:
            if ctx.ambiguous_ok(piece, noun_category is not None, [f.start for f in found]):
                found.append(self._system(ctx, piece, start, end, noun_category))
        found.sort(key=lambda f: f.start)
        return _drop_overlaps(found)

    @staticmethod
    def _tail(pieces: list[Piece], i: int) -> tuple[int, str | None]:
        """Index after the modifiers/class nouns written right after system ``i``."""
        j, last_noun, category = i + 1, i + 1, None
        while j < len(pieces) and j - i <= _MAX_TAIL and pieces[j].start == pieces[j - 1].end:
            kind = pieces[j].kind
            if kind is MatchKind.SYSTEM:
                break
            if kind in (MatchKind.NOUN, MatchKind.TAIL):
                last_noun = j + 1
                category = pieces[j].category or category
            j += 1
        return last_noun, category

    @staticmethod
    def _naval_head(ctx: Context, pieces: list[Piece], i: int) -> int:
        """Start token of a ship's name with its class noun before it ("destroyer USS X")."""
        start = pieces[i].start
        if pieces[i].kind is not MatchKind.SHIP and \
                ctx.gaz.entries[ctx.candidates(pieces[i])[0]].category != "naval_vessel":
            return start
        k = i - 1
        while k >= 0 and pieces[k].end == start and pieces[k].kind in (
                MatchKind.NOUN, MatchKind.MODIFIER) and (
                pieces[k].kind is MatchKind.MODIFIER or pieces[k].key in ctx.gaz.naval_nouns):
            start = pieces[k].start
            k -= 1
        while start < pieces[i].start and ctx.doc[start].lower_ not in ctx.gaz.naval_nouns \
                and not _is_noun_start(ctx, pieces, start):
            start += 1
        return start

    @staticmethod
    def _case_ok(ctx: Context, piece: Piece) -> bool:
        text = ctx.doc[piece.start:piece.end].text
        if piece.key in ctx.gaz.upper_only:
            return text.rstrip("s.").isupper()
        # "patriot", "tornado", "grad" in lower case are ordinary words, not the systems
        return not (text.islower() and not any(c.isdigit() for c in text))

    def _system(self, ctx: Context, piece: Piece, start: int, end: int,
                noun_category: str | None) -> _Found:
        origin = ctx.origin_before(start)
        entry = ctx.gaz.entries[ctx.choose(piece, origin, noun_category)]
        return _Found(start, end, entry.canonical, entry.category, origin or entry.origin,
                      False)


def _is_noun_start(ctx: Context, pieces: list[Piece], start: int) -> bool:
    return any(p.start == start and p.kind is MatchKind.NOUN for p in pieces)


def _drop_overlaps(found: list[_Found]) -> list[_Found]:
    kept: list[_Found] = []
    for item in found:
        if kept and item.start < kept[-1].end:
            if item.end - item.start > kept[-1].end - kept[-1].start:
                kept[-1] = item
            continue
        kept.append(item)
    return kept
