"""Where the speaker of a cue is: the noun phrase before it, after it, or in an apposition.

Fast mode has no parser, so a source is the noun phrase found by walking over the
words a source phrase is made of (capitalised words, determiners, source nouns such as
"officials" or "spokesman", possessives, "of"/"for"), after skipping auxiliaries,
adverbs and channel/date adjuncts next to the cue. A comma before the cue means an
apposition or an inserted clause ("Ivan Fedorov, the governor, said"; "X, asked about
it, said"): the clause's comma-separated chunks are read from its start, and the first
one that is not an adverbial is the subject.

>>> import spacy
>>> from claimscope.extractors.attribution.tokens import TokenView
>>> from claimscope.extractors.attribution.context import AdjunctIndex, find_adjuncts
>>> tv = TokenView.from_text("In April, Ivan Kim, a spokesman, said it fell.")
>>> found = left_source(tv, 9, AdjunctIndex(find_adjuncts(tv)), [-1] * tv.n)
>>> tv.words[found.first:found.last], tv.words[found.role[0]:found.role[1]]
(['Ivan', 'Kim'], ['a', 'spokesman'])
"""

from __future__ import annotations

import attrs

from claimscope.extractors.attribution.context import AdjunctIndex
from claimscope.extractors.attribution.lexicon import Lexicon, lexicon
from claimscope.extractors.attribution.tokens import QUOTE_MARKS, TokenView

__all__ = ["Found", "clean_np", "left_source", "np_right", "skip_left", "split_conjuncts"]

_HARD = frozenset({";", ":", "—", "–", "(", ")", "[", "]", "!", "?", "--"})
_POSSESSIVE = frozenset({"'s", "’s", "'", "’"})
_JOINERS = frozenset({"-", "/", "&", "."})
_SUBORDINATORS = frozenset({
    "that", "which", "who", "when", "while", "because", "after", "before", "although",
    "though", "but", "whereas", "where", "since", "what", "and", "so",
})  # fmt: skip
_RELATIVE = frozenset({"who", "which", "whose", "whom"})
_MAX_UNKNOWN = 3
#: Sentence-initial words that are capitalised but never start a source phrase.
_LEADING_JUNK = frozenset({
    "after", "before", "when", "as", "in", "on", "at", "since", "with", "for", "by", "from",
    "during", "while", "although", "though", "because", "if", "once", "until", "but", "and",
    "so", "yet", "still", "then", "now", "meanwhile", "however", "also", "earlier", "later",
})  # fmt: skip


@attrs.frozen
class Found:
    """A source phrase (tokens ``first..last-1``) and an optional role phrase beside it.

    >>> Found(first=0, last=2).role is None
    True
    """

    first: int
    last: int
    role: tuple[int, int] | None = None


#: Participles that hand a source phrase on to its author: "data compiled by the UN".
_BY_PARTICIPLES = frozenset({"released", "published", "compiled", "issued", "provided",
                             "gathered", "collected", "posted", "shared", "cited",
                             "verified", "confirmed", "obtained", "seen", "reviewed"})


def _np_word(tv: TokenView, i: int, lex: Lexicon) -> str:
    """'ok' for a word a source phrase is made of, 'unknown' for other words, else 'stop'."""
    w, low = tv.words[i], tv.lower[i]
    if low in {"'", "’"} and i > 0 and not tv.space[i - 1] and tv.lower[i - 1].endswith("s"):
        return "ok"  # plural possessive: "doctors' group"
    if tv.brk[i] or w in QUOTE_MARKS or low in _HARD or low == ",":
        return "stop"
    if low in _POSSESSIVE or low in _JOINERS or low in lex.np_preps:
        return "ok"
    if low in lex.boundary and low not in lex.np_preps:
        return "stop"  # capitalised too: a headline's "… As Kyiv Claims …" starts at Kyiv
    if tv.cap[i]:
        return "ok"
    if low in lex.pronouns or low in lex.cue_forms:
        return "stop"
    if low in lex.determiners or low in lex.source_heads or low in lex.np_words:
        return "ok"
    if low in lex.titles or low[:1].isdigit() or "-" in low:
        return "ok"
    if low.isalpha() and not (low.endswith("ed") and len(low) > 4):
        return "unknown"  # a past-tense verb ("carried", "struck") ends a source phrase
    return "stop"


def _serial_list(tv: TokenView, comma: int, lo: int, lex: Lexicon) -> bool:
    """True when the conjunct before ``comma`` is itself preceded by a list comma."""
    k = comma - 1
    while k >= lo and _np_word(tv, k, lex) == "ok":
        k -= 1
    return k >= lo and tv.lower[k] == "," and k < comma - 1


def clean_np(tv: TokenView, s: int, e: int) -> bool:
    """True when tokens ``s..e-1`` are all source-phrase words, none unknown.

    >>> import spacy
    >>> tv = TokenView.from_text("the regional governor said the strikes hit")
    >>> clean_np(tv, 0, 3), clean_np(tv, 4, 7)
    (True, False)
    """
    lex = lexicon()
    return all(_np_word(tv, k, lex) == "ok" for k in range(s, e))


def np_left(tv: TokenView, p: int, lo: int, lex: Lexicon) -> int:
    """First token of the noun phrase ending at ``p`` (``p + 1`` when there is none).

    >>> import spacy
    >>> from claimscope.extractors.attribution.tokens import TokenView
    >>> tv = TokenView.from_text("Two senior Ukrainian officials said")
    >>> np_left(tv, 3, 0, lexicon())
    0
    """
    if p < lo:
        return p + 1
    if tv.lower[p] in lex.pronouns:
        return p
    i = p
    unknown = 0
    listed = False
    while i >= lo:
        kind = _np_word(tv, i, lex)
        left = i - 1
        if tv.lower[i] == "and" and left > lo and tv.lower[left] == ",":
            if not _serial_list(tv, left, lo, lex):
                break
            left -= 1  # ", and": a serial comma
        if (
            tv.lower[i] in {"and", ","}
            and left >= lo
            and i < p
            and _np_word(tv, left, lex) == "ok"
            and (tv.lower[i] == "and" or listed)
            and tv.lower[left] not in lex.np_preps
        ):
            # Coordinated sources: "Kyiv and Moscow", "Prigozhin, bloggers, and the army".
            listed = True
            i = left
            continue
        if kind == "stop":
            break
        if kind == "unknown":
            unknown += 1
            # An unknown word right before a name is not its modifier ("a figure Israel").
            if unknown > _MAX_UNKNOWN or (
                i < p and (tv.cap[i + 1] or tv.lower[i + 1] in lex.determiners)
            ):
                break
        i -= 1
    start = i + 1
    # A phrase starts with a determiner, a capitalised word or a source word.
    while start <= p and (
        tv.lower[start] in lex.np_preps
        or tv.lower[start] in _LEADING_JUNK
        or tv.lower[start] in _JOINERS
        or tv.lower[start] in _POSSESSIVE
        or _np_word(tv, start, lex) == "unknown"
    ):
        start += 1
    return start


def np_right(tv: TokenView, q: int, hi: int, adj: AdjunctIndex) -> int:
    """End (exclusive) of the noun phrase starting at ``q``; ``q`` when there is none.

    >>> import spacy
    >>> from claimscope.extractors.attribution.tokens import TokenView
    >>> tv = TokenView.from_text("according to the regional health department.")
    >>> tv.words[2:np_right(tv, 2, tv.n, AdjunctIndex([]))]
    ['the', 'regional', 'health', 'department']
    """
    lex = lexicon()
    i = q
    unknown = 0
    while i < hi:
        if i > q and i in adj.by_first:
            break
        low = tv.lower[i]
        kind = _np_word(tv, i, lex)
        if i == q and low in lex.pronouns and lex.pronouns[low] not in {"relative"}:
            return q + 1
        if (
            low == "and"
            and i > q
            and i + 1 < hi
            and _np_word(tv, i + 1, lex) == "ok"
            and (_np_word(tv, i - 1, lex) == "ok")
        ):
            i += 1
            continue
        if kind == "stop" and not (low == "by" and i > q) and not (
                i > q and low in _BY_PARTICIPLES and i + 1 < hi and tv.lower[i + 1] == "by"):
            break  # but "figures released by the health ministry" runs on to its author
        if kind == "unknown":
            unknown += 1
            if unknown > _MAX_UNKNOWN:
                break
        i += 1
    while i > q and (
        tv.lower[i - 1] in {".", "-"}
        or tv.lower[i - 1] in lex.np_preps
        or tv.lower[i - 1] in lex.determiners
        or tv.lower[i - 1] in {"by", "-"}
    ):
        i -= 1
    return i


def skip_left(tv: TokenView, i: int, lo: int, adj: AdjunctIndex) -> int:
    """Nearest token left of ``i`` that is not an auxiliary, adverb or date/channel adjunct.

    >>> import spacy
    >>> from claimscope.extractors.attribution.tokens import TokenView
    >>> tv = TokenView.from_text("Kyiv has repeatedly said")
    >>> skip_left(tv, 3, 0, AdjunctIndex([]))
    0
    """
    lex = lexicon()
    j = i - 1
    while j >= lo:
        low = tv.lower[j]
        if low in lex.skip_before_cue or (low.endswith("ly") and not tv.cap[j] and len(low) > 3):
            j -= 1
            continue
        found = adj.by_last.get(j)
        if found is not None and found.first >= lo:
            j = found.first - 1
            continue
        if low == ")":
            k = j - 1
            while k >= lo and k > j - 12 and tv.lower[k] != "(":
                k -= 1
            if k >= lo and tv.lower[k] == "(":
                j = k - 1
                continue
        break
    return j


def _clause_chunks(tv: TokenView, comma: int, lo: int, lex: Lexicon) -> list[tuple[int, int]]:
    """Comma-separated chunks left of ``comma`` back to the clause start, left to right.

    The chunk next to the cue may be an inserted phrase with its own clause inside
    ("…, a network that documents abuses, said"); further left, a subordinator or a
    relative pronoun opens the clause that holds the subject.
    """
    chunks: list[tuple[int, int]] = []
    end = comma
    i = comma - 1
    while i >= lo - 1 and len(chunks) < 6:
        if i < lo or tv.lower[i] in _HARD or tv.words[i] in QUOTE_MARKS or tv.brk[i]:
            chunks.append((i + 1, end))
            break
        if tv.lower[i] == ",":
            chunks.append((i + 1, end))
            end = i
            i -= 1
            continue
        low = tv.lower[i]
        opener = low in _SUBORDINATORS or low in _RELATIVE
        if opener and not chunks and tv.lower[i - 1 : i] != [","] and _inserted(tv, i, lo, lex):
            i -= 1
            continue
        if (
            opener
            and not (low == "and" and i + 1 < end and tv.cap[i + 1])
            and not (low in _RELATIVE and not chunks and tv.lower[i - 1 : i] == [","])
        ):
            chunks.append((i + 1, end))
            break
        i -= 1
    chunks = [c for c in chunks if c[0] < c[1]]
    chunks.reverse()
    return chunks


def _inserted(tv: TokenView, i: int, lo: int, lex: Lexicon) -> bool:
    """True when the chunk holding token ``i`` starts like an apposition ("a network that")."""
    k = i - 1
    while k >= lo and tv.lower[k] != "," and not tv.brk[k] and tv.lower[k] not in _HARD:
        k -= 1
    return k >= lo and tv.lower[k] == "," and tv.lower[k + 1] in lex.parenthetical_starters


def _adverbial(tv: TokenView, chunk: tuple[int, int], lex: Lexicon, adj: AdjunctIndex) -> bool:
    s, e = chunk
    low = tv.lower[s]
    if low in lex.intro_adverbials or (low.endswith("ly") and e - s == 1):
        return True
    if not tv.cap[s] and (low.endswith("ing") or low.endswith("ed")) and low not in lex.determiners:
        return True
    found = adj.by_first.get(s)
    return found is not None and found.last >= e


def _parenthetical(tv: TokenView, chunk: tuple[int, int], lex: Lexicon) -> bool:
    low = tv.lower[chunk[0]]
    return low in lex.parenthetical_starters or (not tv.cap[chunk[0]] and low in lex.source_heads)


def _person_like(tv: TokenView, chunk: tuple[int, int], lex: Lexicon) -> bool:
    s, e = chunk
    words = [i for i in range(s, e) if tv.cap[i] and tv.lower[i] not in lex.titles]
    return (
        len(words) >= 2
        and e - s <= 6
        and tv.lower[s] not in lex.determiners
        and not any(tv.lower[i] in lex.org_words or tv.lower[i] in _POSSESSIVE for i in range(s, e))
    )


def _from_chunks(tv: TokenView, comma: int, lo: int, adj: AdjunctIndex) -> Found | None:
    """The subject of a clause whose last chunk ends at ``comma`` right before the cue."""
    lex = lexicon()
    chunks = _clause_chunks(tv, comma, lo, lex)
    while chunks and _adverbial(tv, chunks[0], lex, adj):
        chunks.pop(0)
    if not chunks:
        return None
    subject = chunks[0]
    after = chunks[1] if len(chunks) > 1 else None
    if after is not None and _person_like(tv, after, lex) and not _person_like(tv, subject, lex):
        return Found(first=after[0], last=after[1], role=subject)
    s, e = subject
    start = np_left(tv, e - 1, s, lex)
    if start >= e:
        return None
    role = (
        after
        if after is not None
        and _parenthetical(tv, after, lex)
        and tv.lower[after[0]] not in _RELATIVE
        and not _adverbial(tv, after, lex, adj)
        else None
    )
    return Found(first=start, last=e, role=role)


def left_source(
    tv: TokenView, cue_first: int, adj: AdjunctIndex, inside: list[int]
) -> Found | None:
    """The source phrase before a cue at ``cue_first``, or ``None``.

    >>> import spacy
    >>> from claimscope.extractors.attribution.tokens import TokenView
    >>> tv = TokenView.from_text("Local officials said")
    >>> found = left_source(tv, 2, AdjunctIndex([]), [-1] * tv.n)
    >>> (found.first, found.last)
    (0, 2)
    """
    lex = lexicon()
    lo = tv.sentence(cue_first)[0]
    p = skip_left(tv, cue_first, lo, adj)
    if p < lo or inside[p] >= 0:
        return None
    if tv.lower[p] == ",":
        return _from_chunks(tv, p, lo, adj)
    start = np_left(tv, p, lo, lex)
    if start > p:
        # "a woman who had been evacuated described ...": the source precedes "who".
        k = p
        while k > lo and k > p - 8 and tv.lower[k] not in {"who", ","} and inside[k] < 0:
            k -= 1
        if tv.lower[k] != "who":
            return None
        p = k - 1
        start = np_left(tv, p, lo, lex)
        if start > p:
            return None
    found = adj.by_first.get(start)
    if found is not None and found.last <= p:
        start = found.last
    return Found(first=start, last=p + 1)


def split_conjuncts(tv: TokenView, first: int, last: int) -> list[tuple[int, int]]:
    """ "Kyiv and Moscow" → two sources, when every conjunct is a capitalised name.

    >>> import spacy
    >>> from claimscope.extractors.attribution.tokens import TokenView
    >>> tv = TokenView.from_text("Kyiv and Moscow blamed")
    >>> split_conjuncts(tv, 0, 3)
    [(0, 1), (2, 3)]
    """
    parts: list[tuple[int, int]] = []
    s = first
    for i in range(first, last):
        if tv.lower[i] in {"and", ","}:
            parts.append((s, i))
            s = i + 1
    parts.append((s, last))
    parts = [(a, b) for a, b in parts if a < b]
    if len(parts) < 2:
        return [(first, last)]
    skip = {"the", "both", "and"}
    for a, b in parts:
        k = a
        while k < b and tv.lower[k] in skip:
            k += 1
        if k >= b or not tv.cap[k]:
            return [(first, last)]
    cleaned = []
    for a, b in parts:
        while a < b and tv.lower[a] in {"both", "and"}:
            a += 1
        cleaned.append((a, b))
    return cleaned
