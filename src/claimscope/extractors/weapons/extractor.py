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
   said"), a unit or organisation noun follows it ("Qassam Brigades", "Patriot Act"), a
   capitalised word continues the name ("Tor Browser"), or, in trained mode, when spaCy
   tags it as a person or place and only a context word (no count, no other weapon)
   speaks for it.
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
    """Finds weapon, weapon system, munition and military vehicle mentions.

    >>> import spacy
    >>> doc = spacy.blank("en")("Kyiv asked for more Patriot systems and F-16s.")
    >>> [(w.text, w.canonical) for w in WeaponExtractor().extract(doc)]
    [('Patriot systems', 'Patriot'), ('F-16s', 'F-16')]
    """

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
            span = doc[found.start:found.end]  # not doc.text: it re-joins every token
            start, end, text = span.start_char, span.end_char, span.text
            if text.endswith(".") and (len(span[-1]) > 2 or (
                    len(span) > 2 and span[-2].text == "-")):
                end, text = end - 1, text[:-1]  # "T-90M." ends a sentence: drop the stop
            yield Weapon(start=start, end=end, text=text,
                         canonical=found.canonical,
                         category=cast(WeaponCategory, found.category),
                         origin=found.origin, generic=found.generic)

    def _resolve(self, ctx: Context, pieces: list[Piece]) -> list[_Found]:
        gaz = ctx.gaz
        pieces = _merge_names(ctx, pieces)
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
                j, end, noun_category = self._tail(ctx, pieces, i)
                start = self._naval_head(ctx, pieces, i)
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
        armed = {ctx.sentence_of(f.start) for f in found}
        for piece, start, end, noun_category in pending:
            if ctx.ambiguous_ok(piece, noun_category is not None, armed):
                found.append(self._system(ctx, piece, start, end, noun_category))
        found.sort(key=lambda f: f.start)
        return _drop_overlaps(found)

    @staticmethod
    def _tail(ctx: Context, pieces: list[Piece], i: int) -> tuple[int, int, str | None]:
        """After system ``i``: next piece index, end token of its span, class-noun category.

        The span takes in modifiers and class nouns written right after the name and
        ends on the last noun ("Su-25 ground-attack jets"); the category is that of the
        class noun, if any ("" for a name-only noun such as "systems").
        """
        pos = end = pieces[i].end
        j, category = i + 1, None
        for _ in range(_MAX_TAIL):
            if j < len(pieces) and pieces[j].start == pos:
                piece = pieces[j]
                if piece.kind not in (MatchKind.NOUN, MatchKind.MODIFIER):
                    break
                pos, j = piece.end, j + 1
                if piece.kind is MatchKind.NOUN:
                    end, category = pos, piece.category or category
                continue
            word = ctx.lower(pos)
            if word in ctx.gaz.modifier_words:
                pos += 1
            elif word == "-" and ctx.lower(pos + 1) in ctx.gaz.suffix_words:
                pos += 2
            elif word in ctx.gaz.tail_words:
                pos = end = pos + 1
                category = category or ""
            else:
                break
        return j, end, category

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
        nouns = {p.start for p in pieces[max(0, k):i] if p.kind is MatchKind.NOUN}
        while start < pieces[i].start and ctx.lowers[start] not in ctx.gaz.naval_nouns \
                and start not in nouns:
            start += 1
        return start

    @staticmethod
    def _case_ok(ctx: Context, piece: Piece) -> bool:
        text = ctx.doc[piece.start:piece.end].text
        if piece.key in ctx.gaz.upper_only:
            return text.rstrip("s.").isupper()
        spelling = ctx.gaz.spelling.get(piece.key, "")
        if text.isupper() and text.isalpha() and len(text) <= 4 and not spelling.isupper():
            return False  # "OSA", "TOR": an acronym, not the system "Osa", "Tor"
        # "patriot", "tornado", "grad", "f16" in lower case are words or noise, not names
        return not text.islower() or spelling.islower()

    def _system(self, ctx: Context, piece: Piece, start: int, end: int,
                noun_category: str | None) -> _Found:
        origin = ctx.origin_before(start)
        index = ctx.choose(piece, origin, noun_category or None)
        entry = ctx.gaz.entries[index]
        return _Found(start, end, ctx.gaz.canonical(index, piece.key), entry.category,
                      origin or entry.origin, False)


def _merge_names(ctx: Context, pieces: list[Piece]) -> list[Piece]:
    """Join two adjacent names of one system ("M2A2 Bradley", "Bayraktar TB2")."""
    merged: list[Piece] = []
    for piece in pieces:
        last = merged[-1] if merged else None
        if last is not None and piece.kind is MatchKind.SYSTEM is last.kind and \
                last.end == piece.start and \
                set(ctx.candidates(last)) & set(ctx.candidates(piece)):
            key = last.key if last.key not in ctx.gaz.ambiguous else piece.key
            merged[-1] = last._replace(end=piece.end, key=key)
            continue
        merged.append(piece)
    return merged


def _drop_overlaps(found: list[_Found]) -> list[_Found]:
    kept: list[_Found] = []
    for item in found:
        if kept and item.start < kept[-1].end:
            if item.end - item.start > kept[-1].end - kept[-1].start:
                kept[-1] = item
            continue
        kept.append(item)
    return kept
