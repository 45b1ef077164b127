"""Token-level evidence for the weapons extractor: matches, sentences, neighbours.

:class:`Context` wraps one spaCy ``Doc``: it turns phrase-table matches and per-token
lookups into :class:`Piece` objects and answers the questions the extractor asks about
their neighbourhood (is there a count before it, an origin adjective, a context word in
the sentence, a veto word next to a class noun ...). Every question looks at a bounded
number of tokens or at per-sentence facts computed once, so a document costs linear time.

>>> import spacy
>>> from claimscope.extractors.weapons.gazetteer import load
>>> ctx = Context(spacy.blank("en")("Two US-made Patriot launchers."), load())
>>> [(p.kind.name, ctx.doc[p.start:p.end].text) for p in ctx.pieces()]
[('SYSTEM', 'Patriot'), ('NOUN', 'launchers')]
>>> ctx.origin_before(4)
'US'
"""

from __future__ import annotations

import enum
from typing import TYPE_CHECKING, NamedTuple

from spacy.attrs import LIKE_NUM, ORTH, SENT_START

from claimscope.extractors.weapons.gazetteer import Gazetteer, normalise

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["MatchKind", "Piece", "Context"]

_VAGUE_COUNTS = frozenset({"dozens", "hundreds", "scores", "several", "thousands", "many",
                           "few", "numerous", "multiple", "some", "both"})
_VERB_LIKE = frozenset({"shell", "mine", "bomb", "tank", "rocket", "arm", "jet", "drone",
                        "round", "ship", "tanks", "rockets", "shells", "bombs", "arms"})
_MINE_DETERMINERS = frozenset({"a", "an", "the", "one", "any", "each", "every", "another",
                               "that", "this"})
_BODY = frozenset({"legs", "hands", "shoulders", "feet", "neck", "head", "chest"})
_NOT_NAME_BEFORE = frozenset({"the", "a", "an", "two", "three", "four", "its", "their"})
_PLACE_OR_PERSON = frozenset({"PERSON", "GPE", "LOC", "NORP", "FAC"})
_WINDOW = 8  # tokens either side of an ambiguous name searched for a context word


class MatchKind(enum.Enum):
    """What a piece of text is.

    >>> MatchKind("G").name
    'NOUN'
    """

    SYSTEM = "S"
    NOUN = "G"
    MODIFIER = "M"
    TAIL = "T"
    SHIP = "ship"


class Piece(NamedTuple):
    """A matched stretch of tokens ``[start, end)`` and what it is (a light tuple: a
    document makes one per match).

    >>> Piece(0, 1, MatchKind.SYSTEM, "kalibr").key
    'kalibr'
    """

    start: int
    end: int
    kind: MatchKind
    #: normalised alias (SYSTEM), normalised text (others).
    key: str
    #: index of the class-noun group (NOUN), else -1.
    group: int = -1
    #: category of a class noun; for a SHIP, the ship prefix's origin sits in ``key``.
    category: str | None = None


_KINDS = {kind.value: kind for kind in MatchKind}


def _sentence_bounds(doc: Doc, texts: list[str]) -> list[tuple[int, int]]:
    """Sentences from the pipeline, else split after ".", "!", "?" and line breaks."""
    if doc.has_annotation("SENT_START"):
        flags = doc.to_array(SENT_START).tolist()
        starts = [0] + [i for i in range(1, len(flags)) if flags[i] == 1]
    else:
        starts = [0] + [i + 1 for i, text in enumerate(texts[:-1])
                        if text in {".", "!", "?"} or "\n" in text]
    return list(zip(starts, [*starts[1:], len(texts)], strict=True))


class Context:
    """One document's tokens, sentences and matches, with neighbourhood questions.

    >>> import spacy
    >>> from claimscope.extractors.weapons.gazetteer import load
    >>> ctx = Context(spacy.blank("en")("Drones hit Kyiv. Tanks moved."), load())
    >>> ctx.sentence_of(0), ctx.sentence_of(4), ctx.starts_sentence(4), ctx.lower(4)
    (0, 1, True, 'tanks')
    """

    def __init__(self, doc: Doc, gaz: Gazetteer) -> None:
        self.doc = doc
        self.gaz = gaz
        # Token attributes read once, column-wise: making spaCy Token objects over and
        # over costs more than all the matching.
        strings = doc.vocab.strings
        self.texts: list[str] = [strings[h] for h in doc.to_array(ORTH).tolist()]
        self.lowers: list[str] = [text.lower() for text in self.texts]
        self.nums: list[bool] = [bool(v) for v in doc.to_array(LIKE_NUM).tolist()]
        self._sent = [0] * len(doc)
        self._bounds = _sentence_bounds(doc, self.texts) if len(doc) else [(0, 0)]
        for number, (start, end) in enumerate(self._bounds):
            self._sent[start:end] = [number] * (end - start)
        self._words: dict[int, frozenset[str]] = {}
        self._civilian: bool | None = None
        self._ner = doc.has_annotation("ENT_IOB")
        self._pos = doc.has_annotation("POS")

    # -- matches --------------------------------------------------------------------
    def pieces(self) -> list[Piece]:
        """Table matches plus single-token system names and ship names, in text order."""
        out: list[Piece] = []
        covered = [False] * len(self.doc)
        for match in self.gaz.table.find(self.doc):
            kind, _, rest = match.key.partition(":")
            piece = self._piece(match.start_token, match.end_token, _KINDS[kind], rest)
            out.append(piece)
            covered[match.start_token:match.end_token] = [True] * (match.end_token
                                                                   - match.start_token)
        texts = self.texts
        i = 0
        while i < len(texts):
            if not covered[i]:
                found = (self._ship(i, texts) if texts[i] in self.gaz.ship_prefixes
                         else self._single(i, texts[i]) or self._stopped(i, covered))
                if found is not None:
                    out.append(found)
                    i = found.end
                    continue
            i += 1
        out.sort(key=lambda p: p.start)
        return out

    def _piece(self, start: int, end: int, kind: MatchKind, rest: str) -> Piece:
        if kind is MatchKind.NOUN:
            group = int(rest)
            key = normalise(self.doc[start:end].text)
            return Piece(start, end, kind, key, group, self.gaz.groups[group].category)
        if kind is MatchKind.SYSTEM:
            return Piece(start, end, kind, rest)
        return Piece(start, end, kind, normalise(self.doc[start:end].text))

    def _stopped(self, i: int, covered: list[bool]) -> Piece | None:
        """A hyphenated name whose last letter took the full stop ("a Msta-S." splits
        into "Msta", "-", "S.")."""
        texts = self.texts
        if not (len(texts[i]) == 2 and texts[i][1] == "." and texts[i][0].isalnum()
                and i >= 2 and texts[i - 1] == "-" and not covered[i - 2]):
            return None
        key = normalise(texts[i - 2] + "-" + texts[i][0])
        return Piece(i - 2, i + 1, MatchKind.SYSTEM, key) if key in self.gaz.aliases else None

    def _single(self, i: int, text: str) -> Piece | None:
        lower = text.lower()
        if lower in self.gaz.aliases:
            return Piece(i, i + 1, MatchKind.SYSTEM, lower)
        if lower in self.gaz.inflected:
            return Piece(i, i + 1, MatchKind.SYSTEM, self.gaz.inflected[lower])
        if lower.isascii() and "-" not in lower:
            return None  # nothing the normaliser could change: skip the slow path
        key = self.gaz.lookup_token(text)
        return Piece(i, i + 1, MatchKind.SYSTEM, key) if key else None

    def _ship(self, i: int, texts: list[str]) -> Piece | None:
        """A ship named with its navy prefix: "USS Laboon", "HMS Diamond"."""
        end = i + 1
        while end < len(texts) and end - i <= 4:
            text = texts[end]
            if not (text[:1].isupper() and (text.isalpha() or text.endswith("."))) or \
                    text.lower() in self.gaz.speech_verbs:
                break
            end += 1
        if end == i + 1 or texts[i + 1] in {"The", "A"}:
            return None
        origin = self.gaz.ship_prefixes[texts[i]]
        return Piece(i, end, MatchKind.SHIP, origin or "", category="naval_vessel")

    # -- systems ----------------------------------------------------------------------
    def candidates(self, piece: Piece) -> tuple[int, ...]:
        """Gazetteer entries a system piece may name (several for shared names)."""
        return self.gaz.aliases.get(piece.key, ())

    def choose(self, piece: Piece, origin: str | None, noun_category: str | None) -> int:
        """The entry a name means here: same origin, else same category, else first."""
        ids = self.candidates(piece)
        entries = self.gaz.entries
        for i in ids:
            if origin is not None and entries[i].origin == origin:
                return i
        for i in ids:
            if noun_category is not None and entries[i].category == noun_category:
                return i
        return ids[0]

    def sentence_of(self, token: int) -> int:
        """Number of the sentence token ``token`` is in."""
        return self._sent[token]

    def lower(self, token: int) -> str:
        """Lower-cased text of token ``token``, or "" past the end."""
        return self.lowers[token] if token < len(self.lowers) else ""

    def starts_sentence(self, token: int) -> bool:
        """Whether token ``token`` opens its sentence (cheap, unlike ``is_sent_start``)."""
        return self._bounds[self._sent[token]][0] == token

    def sentence_words(self, sentence: int) -> frozenset[str]:
        """Lower-cased words of a sentence, computed once per sentence."""
        if sentence not in self._words:
            start, end = self._bounds[sentence]
            self._words[sentence] = frozenset(self.lowers[start:end])
        return self._words[sentence]

    def ambiguous_ok(self, piece: Piece, has_noun: bool, armed: set[int]) -> bool:
        """The ambiguity rule of the module docstring of :mod:`.extractor`."""
        before, after = piece.start - 1, piece.end
        after_word = self.lower(after)
        if after_word in self.gaz.unit_nouns or after_word in self.gaz.speech_verbs:
            return False
        if before >= 0 and self.lowers[before] in self.gaz.person_cues:
            return False
        if has_noun:
            return True
        if before >= 0 and self._looks_like_first_name(before):
            return False
        if after < len(self.texts) and self._continues_a_name(after):
            return False  # "Tor Browser", "Grad School", "Hermes Paris"
        if before >= 0 and (self.nums[before] or self.lowers[before] in _VAGUE_COUNTS):
            return True
        if self._sent[piece.start] in armed:  # another weapon in the same sentence
            return True
        if self._ner and self.doc[piece.start].ent_type_ in _PLACE_OR_PERSON:
            return False  # trained mode: spaCy reads it as a person or place
        return self.context_near(piece)

    def context_near(self, piece: Piece) -> bool:
        """A context word (fire, launch, missile, army ...) near ``piece`` in its sentence."""
        start, end = self._bounds[self._sent[piece.start]]
        window = self.lowers[max(start, piece.start - _WINDOW):min(end, piece.end + _WINDOW)]
        return any(word in self.gaz.context_words for word in window)

    def _continues_a_name(self, i: int) -> bool:
        text = self.texts[i]
        return (text.istitle() and text.isalpha() and self.lowers[i] not in self.gaz.aliases
                and normalise(text) not in self.gaz.demonyms)

    def _looks_like_first_name(self, i: int) -> bool:
        text, lower = self.texts[i], self.lowers[i]
        return (text.istitle() and text.isalpha() and not self.starts_sentence(i)
                and lower not in _NOT_NAME_BEFORE and lower not in self.gaz.aliases
                and normalise(text) not in self.gaz.demonyms)

    # -- class nouns --------------------------------------------------------------------
    def noun_ok(self, piece: Piece) -> bool:
        """A class noun is a weapon here: not vetoed by a neighbour or its guard."""
        group = self.gaz.groups[piece.group]
        text = "".join(self.texts[piece.start:piece.end])
        if piece.key in self.gaz.upper_forms and not text.rstrip("s").isupper():
            return False
        before = self.lowers[piece.start - 1] if piece.start else ""
        after = self.lower(piece.end)
        if before in group.not_before or after in group.not_after:
            return False
        if after in self.gaz.formation_nouns and self.texts[piece.end].istitle() and \
                text.istitle():
            return False  # "the 90th Tank Division", "Strategic Missile Forces"
        if self._pos and self.doc[piece.end - 1].pos_ == "VERB":
            return False
        if before == "to" and piece.end - piece.start == 1 and piece.key in _VERB_LIKE:
            return False
        guard = group.guard
        return guard is None or getattr(self, f"_guard_{guard}")(piece, before)

    def _guard_military(self, piece: Piece, before: str) -> bool:
        return self.context_near(piece)  # "planes bombed the market", not "planes landed"

    def _guard_counted(self, piece: Piece, before: str) -> bool:
        window = range(max(0, piece.start - 3), piece.start)
        return any(self.nums[i] or self.lowers[i] in _VAGUE_COUNTS for i in window)

    def _guard_ship(self, piece: Piece, before: str) -> bool:
        start, end = self._bounds[self._sent[piece.start]]
        near = set(self.lowers[max(start, piece.start - 3):min(end, piece.end + 3)])
        if near & self.gaz.civilian_ship_cues:
            return False  # "the cargo ship", "a Greek-owned vessel"
        if near & self.gaz.naval_cues:
            return True  # "fired from ships and a submarine"
        words = self.sentence_words(self._sent[piece.start])
        if words & self.gaz.civilian_ship_cues or self._civilian_document():
            return False  # where merchant ships are in the news, a bare "ship" is one
        return not piece.key.startswith("boat") or bool(words & self.gaz.naval_cues)

    def _civilian_document(self) -> bool:
        if self._civilian is None:
            cues = self.gaz.civilian_ship_doc_cues
            self._civilian = any(word in cues for word in self.lowers)
        return self._civilian

    def _guard_shell(self, piece: Piece, before: str) -> bool:
        if piece.key == "shell" and not self.context_near(piece):
            return False  # a lone "shell" is a shell script or a sea shell more often
        if self.texts[piece.start] == "Shell":  # the oil company
            return not (self.lower(piece.end) in self.gaz.speech_verbs
                        or not self.starts_sentence(piece.start))
        return True

    def _guard_projectile(self, piece: Piece, before: str) -> bool:
        if not piece.key.startswith("round"):
            return True
        return piece.start > 0 and (self.nums[piece.start - 1] or before == "mm")

    def _guard_mine(self, piece: Piece, before: str) -> bool:
        return piece.key != "mine" or before in _MINE_DETERMINERS

    def _guard_arms(self, piece: Piece, before: str) -> bool:
        return not (piece.key == "arms" and self.lower(piece.end) == "and"
                    and self.lower(piece.end + 1) in _BODY)

    # -- surroundings -------------------------------------------------------------------
    def origin_before(self, start: int) -> str | None:
        """Country of an origin adjective ending right before ``start`` ("US-supplied")."""
        texts = self.texts
        if start < 3 or normalise(texts[start - 1]) not in self.gaz.origin_suffixes \
                or texts[start - 2] not in {"-", "–"}:
            return None
        one = normalise(texts[start - 3])
        two = normalise(texts[start - 4]) + " " + one if start >= 4 else ""
        for name in (two, one):
            if name in self.gaz.demonyms:
                return self.gaz.demonyms[name]
        return None

    def with_calibre(self, start: int) -> int:
        """Move a munition span's start over a calibre before it ("155mm shells")."""
        if start >= 2 and self.lowers[start - 1] == "mm" and self.nums[start - 2]:
            return start - 2
        calibre = self.lowers[start - 1] if start else ""
        if calibre.endswith("mm") and calibre[:-2].isdigit():
            return start - 1
        return start
