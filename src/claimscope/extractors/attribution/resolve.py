"""Who a source phrase is: its kind, full name, role, organisation and side.

Sources are resolved in text order against what came before: a pronoun ("he", "it")
takes the last compatible named source, a short name ("Konashenkov") the full name
seen earlier ("Igor Konashenkov"), a definite description ("the ministry", "the
general") the last source it describes.

>>> r = Resolver()
>>> r.resolve(["Defense", "Ministry", "spokesman", "Igor", "Konashenkov"], None).resolved
'Igor Konashenkov'
>>> r.resolve(["Konashenkov"], None).resolved
'Igor Konashenkov'
>>> r.resolve(["he"], None).kind
'pronoun'
"""

from __future__ import annotations

from collections import Counter

import attrs

from claimscope.extractors.attribution.lexicon import Lexicon, lexicon
from claimscope.types import Attribution

__all__ = ["Resolved", "Resolver", "home_sides"]

#: How many earlier sources a pronoun or description may reach back to.
_MEMORY = 60
_PARTICLES = frozenset({"al", "bin", "von", "der", "de", "van", "la", "abu", "el", "ibn", "-"})
_POSSESSIVE = frozenset({"'s", "’s"})
_DEFINITE = frozenset({"the", "its", "his", "her", "their", "that", "this"})


@attrs.frozen
class Resolved:
    """The reading of one source phrase.

    >>> Resolved(kind="organisation", resolved="Kyiv", side="UA").side
    'UA'
    """

    kind: str
    resolved: str
    role: str | None = None
    organisation: str | None = None
    side: str | None = None


def _name_run(words: list[str], lex: Lexicon) -> tuple[int, int]:
    """The person name at the end of the last capitalised run (token offsets).

    Titles and organisation words before the name are left out: "Kremlin Spokesperson
    Dmitry Peskov" → "Dmitry Peskov"; "Russia's Defence Ministry" → no name at all.
    """
    best = (0, 0)
    i = 0
    n = len(words)
    while i < n:
        if words[i][:1].isupper() and words[i].lower() not in lex.determiners:
            j = i
            while j < n and (words[j][:1].isupper() or words[j].lower() in _PARTICLES):
                j += 1
            best = (i, j)
            i = j
        else:
            i += 1
    s, e = best
    k = e
    while k > s and (
        words[k - 1].lower() not in lex.titles and words[k - 1].lower() not in lex.org_words
    ):
        k -= 1
    while k < e and words[k].lower() in _PARTICLES:
        k += 1
    return k, e


def _head(lows: list[str], lex: Lexicon) -> str:
    """The head noun: the last word before a preposition ("officials in Kherson")."""
    end = next((k for k, low in enumerate(lows) if k > 0 and low in lex.np_preps), len(lows))
    # "people familiar with the matter": the source noun, not the adjective after it.
    for k in range(end - 1, -1, -1):
        if lows[k] in lex.source_heads:
            return lows[k]
    return lows[end - 1] if end else ""


def _common_head(words: list[str], lex: Lexicon) -> bool:
    """True when the phrase is headed by a common source noun with no name after it:
    "the army-aligned government in Port Sudan", "people familiar with the matter"
    (but not "Defense Ministry spokesman Igor Konashenkov")."""
    lows = [w.lower() for w in words]
    end = next((k for k, low in enumerate(lows) if k > 0 and low in lex.np_preps), len(lows))
    for k in range(end - 1, -1, -1):
        if words[k][:1].isupper():
            return False
        if lows[k] in lex.source_heads:
            return True
    return False


def _join(words: list[str]) -> str:
    out = ""
    for w in words:
        if out and not (w in _POSSESSIVE or w == "-" or out.endswith("-")):
            out += " "
        out += w
    return out


def _side(words: list[str], lex: Lexicon) -> str | None:
    lows = [w.lower() for w in words]
    for k in range(len(lows)):
        for size in (3, 2, 1):
            key = " ".join(lows[k : k + size])
            if key in lex.side_keywords:
                return lex.side_keywords[key]
        stem = lows[k].removesuffix("'s").removesuffix("’s")
        if stem in lex.side_keywords:
            return lex.side_keywords[stem]
    return None


class Resolver:
    """Resolves sources in text order, remembering the named ones.

    >>> Resolver().resolve(["local", "officials"], None).kind
    'unnamed'
    """

    def __init__(self) -> None:
        self.lex = lexicon()
        self.people: dict[str, Resolved] = {}  # last name (lower) → person
        self.history: list[Resolved] = []
        # "he"/"she" learnt per resolved name, from pronouns and gendered roles.
        self.gender: dict[str, str] = {}

    def _last(
        self, kinds: set[str], head: str | None = None, avoid: str | None = None
    ) -> Resolved | None:
        for item in reversed(self.history[-_MEMORY:]):
            if item.kind not in kinds or (avoid and self.gender.get(item.resolved) == avoid):
                continue
            if head is None or head in item.resolved.lower() or head in (item.role or "").lower():
                return item
        return None

    def _remember(self, item: Resolved) -> Resolved:
        self.history.append(item)
        role = f" {(item.role or '').lower()} "
        for word, pronoun in (("woman", "she"), ("man ", "he"), ("mother", "she")):
            if word in role:
                self.gender.setdefault(item.resolved, pronoun)
        if item.kind == "person" and " " in item.resolved:
            self.people[item.resolved.split()[-1].lower()] = item
        return item

    def _pronoun(self, word: str, antecedent: Resolved | None) -> Resolved:
        kind = self.lex.pronouns.get(word, "person")
        if kind in {"relative", "relative_person"} and antecedent is not None:
            found: Resolved | None = antecedent
        elif kind == "person" or kind == "relative_person":
            other = {"he": "she", "she": "he"}.get(word)
            found = self._last({"person"}, avoid=other)
            if found is not None and word in {"he", "she"}:
                self.gender.setdefault(found.resolved, word)
        elif kind == "organisation" or kind == "relative":
            found = self._last({"organisation", "media"})
        else:
            found = self._last({"unnamed", "organisation", "media"})
        if found is None:
            return Resolved(kind="pronoun", resolved=word)
        return Resolved(
            kind="pronoun",
            resolved=found.resolved,
            role=found.role,
            organisation=found.organisation,
            side=found.side,
        )

    def resolve(
        self,
        words: list[str],
        role_words: list[str] | None,
        antecedent: Resolved | None = None,
        entity: str = "",
    ) -> Resolved:
        """Read a source phrase (its words) with an optional apposition (role words).

        ``entity`` is the named-entity label of the phrase's last word in trained mode
        ("PERSON", "GPE", …): it decides whether a lone capitalised word is a person.

        >>> Resolver().resolve(["Bassam"], ["a", "resident"]).role
        'a resident'
        """
        lex = self.lex
        lows = [w.lower() for w in words]
        role_text = _join(role_words) if role_words else None
        if len(lows) == 1 and lows[0] in lex.pronouns:
            return self._pronoun(lows[0], antecedent)
        side = _side(words + (role_words or []), lex)
        # "Jan Egeland of the Norwegian Refugee Council": the name precedes "of".
        cut = next((k for k, w in enumerate(lows) if k > 0 and w in lex.np_preps), len(lows))
        s, e = _name_run(words[:cut], lex)
        if e - s < 2:
            s, e = _name_run(words, lex)
        name = words[s:e]
        head = lows[-1] if lows else ""
        has_org = any(w.lower() in lex.org_words for w in name)
        media = " ".join(lows) in lex.media_names or any(
            " ".join(lows[k : k + z]) in lex.media_names
            for k in range(len(lows))
            for z in (1, 2, 3)
        )
        common_head = _common_head(words, lex)
        if (
            len(name) >= 2
            and not common_head
            and not has_org
            and not any(w in _POSSESSIVE for w in name)
            and not media
        ):
            full = _join(name)
            prefix = _join(words[:s]) if s > 0 else None
            role_words_all = role_words or words[:s]
            return self._remember(
                Resolved(
                    kind="person",
                    resolved=full,
                    role=role_text or prefix,
                    organisation=self._organisation_in(role_words_all),
                    side=side,
                )
            )
        if len(name) == 1 and name[0].lower() in self.people:
            known = self.people[name[0].lower()]
            return self._remember(attrs.evolve(known, role=known.role))
        lone_person = self._surname(name[0]) if len(name) == 1 else False
        if entity == "PERSON":
            lone_person = True  # NER only promotes: its misses on rare names are common
        if len(lows) == 1 and len(name) == 1 and lone_person:
            return self._remember(
                Resolved(kind="person", resolved=name[0], role=role_text, side=side)
            )
        if (
            lows
            and lows[0] in _DEFINITE
            and len(lows) <= 3
            and not any(w[:1].isupper() for w in words[1:])
        ):
            heads = lex.source_heads.get(head)
            if heads == "person":
                found = self._last({"person"}, head)
            else:
                found = self._last({"organisation", "media"}, head)
            if found is not None:
                return Resolved(
                    kind=found.kind if heads != "person" else "person",
                    resolved=found.resolved,
                    role=found.role,
                    organisation=found.organisation,
                    side=found.side or side,
                )
        kind = self._kind(words, lows, name, media)
        resolved = _join(words)
        if kind in {"organisation", "media"}:
            resolved = self._normalised(words)
        organisation = resolved if kind == "organisation" else None
        return self._remember(
            Resolved(
                kind=kind, resolved=resolved, role=role_text, organisation=organisation, side=side
            )
        )

    def _organisation_in(self, words: list[str]) -> str | None:
        """The organisation a role names: "Defence Ministry spokesman" → "Defence Ministry",
        "a spokesman for Ukraine's eastern military command" → "Ukrainian eastern military
        command" (the words from a capitalised start up to the last organisation word)."""
        lows = [w.lower() for w in words]
        last = max((k for k, w in enumerate(lows) if w in self.lex.org_words), default=-1)
        if last < 0:
            return None
        first = last
        while (
            first > 0
            and (
                words[first - 1][:1].isupper()
                or lows[first - 1] in _POSSESSIVE
                or lows[first - 1] in self.lex.np_words
            )
            and lows[first - 1] not in self.lex.titles - self.lex.org_words
        ):
            first -= 1
        return self._normalised(words[first : last + 1]) if last >= first else None

    def _normalised(self, words: list[str]) -> str:
        """ "The Israeli military" → "Israeli military"; "Russia's Defence Ministry" →
        "Russian Defence Ministry" (country possessive → demonym)."""
        if len(words) > 1 and words[0].lower() == "the":
            words = words[1:]
        if len(words) > 2 and words[1] in _POSSESSIVE:
            demonym = self.lex.demonyms.get(words[0].lower())
            if demonym is not None:
                words = [demonym, *words[2:]]
        return _join(words)

    def _surname(self, word: str) -> bool:
        """A lone capitalised word read as a person: a known official, or a word that
        names no place, organisation or medium ("Bassam", but not "Kyiv" or "UNRWA")."""
        low = word.lower()
        if low in self.lex.people:
            return True
        return (
            word[1:].islower()
            and low not in self.lex.side_keywords
            and low not in self.lex.org_words
            and low not in self.lex.media_names
            and low not in self.lex.source_heads
        )

    def _kind(self, words: list[str], lows: list[str], name: list[str], media: bool) -> str:
        lex = self.lex
        head_word = _head(lows, lex)
        head = lex.source_heads.get(head_word)
        if media or head == "media":
            return "media"
        if head == "unnamed" and not any(
            w[:1].isupper() and w.lower() in lex.org_words for w in words
        ):
            return "unnamed"
        if head == "person" and not name:
            return "person"
        return "organisation"


def home_sides(records: list[Attribution]) -> list[Attribution]:
    """Give unsided state-institution sources ("the air force", "regional governor") the
    side most sources of the article speak for, the party whose institutions it quotes.

    >>> from claimscope.types import Attribution, Source, Span
    >>> def rec(text, side):
    ...     src = Source(start=0, end=1, text=text, kind="organisation", resolved=text, side=side)
    ...     return Attribution(source=src, cue=Span(start=0, end=1, text="x"),
    ...                        content=Span(start=0, end=1, text="x"), mode="indirect")
    >>> [r.source.side for r in home_sides([rec("Kyiv", "UA"), rec("the air force", None)])]
    ['UA', 'UA']
    """
    lex = lexicon()
    sides = Counter(r.source.side for r in records if r.source.side not in (None, "INTL"))
    if not sides:
        return records
    home = sides.most_common(1)[0][0]
    if home is None or len(home) != 2:
        return records  # only a state's institutions ("the air force") have a default side
    out: list[Attribution] = []
    for record in records:
        src = record.source
        words = f"{src.text} {src.role or ''}".lower().split()
        if src.side is None and any(w in lex.home_side_heads for w in words):
            # The nearest earlier state institution usually speaks for the same party
            # ("The IDF said … A military spokesperson told …"); else the article's home.
            side = _nearest_institution_side(out, lex.home_side_heads) or home
            record = attrs.evolve(record, source=attrs.evolve(src, side=side))
        out.append(record)
    return out


def _nearest_institution_side(earlier: list[Attribution], heads: frozenset[str]) -> str | None:
    for record in reversed(earlier):
        src = record.source
        words = f"{src.text} {src.resolved} {src.role or ''}".lower().split()
        institution = any(w in heads or w.removesuffix("s") in heads for w in words)
        if institution and src.side and len(src.side) == 2:
            return src.side
    return None
