"""Reporting cues: the verb or phrase that introduces a statement.

A word from the cue lexicon counts only when its use is a report: not inside a
quotation, not passive ("explosions were reported"), not negated ("did not comment"),
not an infinitive or a noun ("the claims"), and meeting its lexicon constraint
("put the toll at ...").

>>> import spacy
>>> from claimscope.extractors.attribution.tokens import TokenView
>>> tv = TokenView.from_text("Blasts were reported. Kyiv said it held.")
>>> [tv.words[c.first] for c in find_cues(tv, [-1] * tv.n)]
['said']
"""

from __future__ import annotations

import functools

import attrs

from claimscope.extractors.attribution.context import AdjunctIndex
from claimscope.extractors.attribution.lexicon import Lexicon, lexicon
from claimscope.extractors.attribution.tokens import QUOTE_MARKS, TokenView

__all__ = ["Cue", "find_cues"]

_POSSESSIVE = frozenset({"'s", "’s"})
_NOUN_DETERMINERS = frozenset({
    "the", "a", "an", "this", "that", "these", "those", "his", "her", "its", "their",
    "our", "such", "any", "no", "new", "earlier", "previous", "similar", "unconfirmed",
    "latest", "initial", "first", "'s", "’s", "of",
})  # fmt: skip
_PRE_NOUN_REPORTS = frozenset({
    "were", "are", "was", "is", "seen", "amid", "there", "no", "of", "with", "by",
    "unconfirmed", "conflicting", "local", "media", "news", "press", "initial", "early",
})  # fmt: skip
_WHAT = frozenset({"what", "which", "whom"})


@attrs.frozen
class Cue:
    """A reporting cue: its tokens, kind (verb, according, citing, noun, reports, quoted_as).

    >>> Cue(first=1, last=2, kind="verb", lemma="say", shown=1).lemma
    'say'
    """

    first: int
    last: int  # exclusive
    kind: str
    lemma: str
    #: First token of the cue span shown to users, auxiliaries included ("has denied").
    shown: int


def _prev(tv: TokenView, i: int, lex: Lexicon, skip_adverbs: bool = True) -> int:
    """Index of the nearest token left of ``i`` that is not an adverb (or -1)."""
    j = i - 1
    while (
        j >= 0
        and skip_adverbs
        and (
            tv.lower[j].endswith("ly")
            and tv.lower[j] not in lex.determiners
            and not tv.cap[j]
            and len(tv.lower[j]) > 3
        )
    ):
        j -= 1
    return j


def _is_passive_or_negated(tv: TokenView, i: int, lex: Lexicon) -> bool:
    j = _prev(tv, i, lex)
    if j < 0:
        return False
    prev = tv.lower[j]
    if prev in lex.negators or prev in lex.negating_verbs:
        return True
    if prev == "to":
        return True
    if (
        prev in lex.passive_aux
        and not tv.lower[i].endswith("ing")
        and tv.lower[i] not in {"says", "say"}
    ):
        return True
    k = _prev(tv, j, lex)
    if prev in lex.passive_aux | {"has", "have", "had"} and k >= 0 and tv.lower[k] in lex.negators:
        return True
    return k >= 0 and tv.lower[k] in lex.negators and prev in {"have", "has", "had", "be"}


def _constraint_ok(
    tv: TokenView, i: int, constraint: str | None, lex: Lexicon, sent_end: int, inside: list[int]
) -> bool:
    if constraint is None:
        return True
    window = tv.lower[i + 1 : min(sent_end, i + 11)]
    if constraint == "at":
        return "at" in window and tv.lower[i + 1 : i + 2] != ["out"]
    if constraint == "toll":
        return any(w in lex.toll_nouns for w in window[:4])
    if constraint == "clause":
        return "that" in window or any(w in QUOTE_MARKS for w in window)
    if constraint == "quote_or_what":
        j = _prev(tv, i, lex)
        while (
            j >= 0
            and not tv.cap[j]
            and tv.lower[j] not in _WHAT
            and j > i - 5
            and (
                tv.lower[j] in lex.pronouns
                or tv.lower[j] in lex.source_heads
                or tv.lower[j] in lex.np_words
                or tv.lower[j] in lex.determiners
            )
        ):
            j -= 1
        if j >= 0 and tv.lower[j] in _WHAT:
            return True
        return any(w in QUOTE_MARKS for w in tv.words[i + 1 : min(sent_end, i + 13)])
    if constraint == "quote_adjacent":
        return any(w in QUOTE_MARKS for w in tv.words[max(0, i - 4) : i]) or any(
            w in QUOTE_MARKS for w in tv.words[i + 1 : i + 3])
    return True


def _in_question(tv: TokenView, i: int) -> bool:
    """ "It was not clear whether the accounts described ...": an embedded question."""
    lo = tv.sentence(i)[0]
    for j in range(i - 1, max(lo - 1, i - 9), -1):
        if tv.lower[j] in {",", ";", ":"}:
            return False
        if tv.lower[j] in {"whether", "if"}:
            return True
    return False


_PARTICIPLE_BEFORE = frozenset({
    ",", "and", "but", "while", "before", "after", "by", "also", "as", "with", "some", "others",
})  # fmt: skip


def _participle_ok(tv: TokenView, i: int, lex: Lexicon) -> bool:
    """ "…, saying", "was saying": a participle clause or a progressive, not a noun."""
    j = _prev(tv, i, lex)
    return j >= 0 and (tv.lower[j] in _PARTICIPLE_BEFORE or tv.lower[j] in lex.passive_aux)


def _verb_cue(tv: TokenView, i: int, lex: Lexicon, inside: list[int]) -> Cue | None:
    form = lex.cue_forms.get(tv.lower[i])
    if form is None:
        return None
    if tv.pos[i] == "NOUN" and not (i > 0 and tv.pos[i - 1] in {"PROPN", "PRON"}):
        return None  # trained mode: the tagger reads it as a noun ("his claims", "reports")
    _, sent_end = tv.sentence(i)
    prev = tv.lower[i - 1] if i > 0 else ""
    if prev in _NOUN_DETERMINERS and form.lemma != "say":
        return None
    if _is_passive_or_negated(tv, i, lex):
        return None
    nxt = tv.lower[i + 1] if i + 1 < tv.n else ""
    if nxt in lex.participle_followers or (nxt == "by" and not tv.lower[i].endswith("ing")):
        return None  # "reported lost", "a message posted by his press service"
    if (form.lemma == "add" and nxt == "to") or (form.lemma == "tell" and prev == "all"):
        return None  # "added to the list", "all told"
    if prev in {"that", "this"} and nxt == "," and i == tv.sentence(i)[0] + 1:
        return None  # "That said, …"
    if form.lemma in {"call", "claim", "give"} and (
        nxt in lex.object_stop or "lives" in tv.lower[i + 1 : i + 3]
    ):
        return None
    if not _constraint_ok(tv, i, form.constraint, lex, sent_end, inside):
        return None
    if _in_question(tv, i):
        return None
    if tv.lower[i].endswith("ing") and not _participle_ok(tv, i, lex):
        return None
    shown = i
    j = i - 1
    while j >= 0 and (
        tv.lower[j] in lex.aux_cue
        or (
            tv.lower[j].endswith("ly")
            and not tv.cap[j]
            and j == shown - 1
            and j > 0
            and tv.lower[j - 1] in lex.aux_cue
        )
    ):
        shown = j
        j -= 1
    return Cue(first=i, last=i + 1, kind="verb", lemma=form.lemma, shown=shown)


def _reports_noun(tv: TokenView, i: int) -> Cue | None:
    """'there were reports of ...', 'she had seen reports that ...': the report is the source."""
    if tv.lower[i] != "reports" or i + 1 >= tv.n or tv.lower[i + 1] not in {"of", "that"}:
        return None
    if i == 0 or tv.lower[i - 1] in _PRE_NOUN_REPORTS:
        return Cue(first=i, last=i + 1, kind="reports", lemma="report", shown=i)
    return None


def _possessive_noun(tv: TokenView, i: int, lex: Lexicon) -> Cue | None:
    """ "Prigozhin's assertion that ...": the possessor is the source."""
    if tv.lower[i] not in lex.noun_cues or i < 2 or tv.lower[i - 1] not in _POSSESSIVE:
        return None
    if i + 1 < tv.n and tv.lower[i + 1] == "that":
        return Cue(first=i, last=i + 1, kind="noun", lemma=tv.lower[i], shown=i)
    return None


@functools.cache
def _wanted() -> frozenset[str]:
    """Every word that can start a cue; all other tokens are skipped at once."""
    lex = lexicon()
    return frozenset(
        set(lex.cue_forms) | lex.noun_cues | {"according", "citing", "quoted", "cited", "reports"}
    )


def find_cues(tv: TokenView, inside: list[int]) -> list[Cue]:
    """Every reporting cue outside quotations, in text order.

    >>> import spacy
    >>> from claimscope.extractors.attribution.tokens import TokenView
    >>> tv = TokenView.from_text("The ministry did not comment. Kyiv denied it.")
    >>> [tv.words[c.first] for c in find_cues(tv, [-1] * tv.n)]
    ['denied']
    """
    lex = lexicon()
    cues: list[Cue] = []
    lower = tv.lower
    wanted = _wanted()
    for i in range(tv.n):
        w = lower[i]
        if w not in wanted or inside[i] >= 0:
            continue
        if w == "according" and i + 1 < tv.n and lower[i + 1] == "to":
            cues.append(Cue(first=i, last=i + 2, kind="according", lemma="according to", shown=i))
            continue
        if w == "citing":
            cues.append(Cue(first=i, last=i + 1, kind="citing", lemma="cite", shown=i))
            continue
        if w in {"quoted", "cited"}:
            window = lower[i + 1 : i + 8]
            if "as" in window:
                k = i + 1 + window.index("as")
                if k + 1 < tv.n and lower[k + 1] in {"saying", "telling", "writing"}:
                    cues.append(Cue(first=i, last=k + 2, kind="quoted_as", lemma="say", shown=i))
            continue
        cue = _reports_noun(tv, i) or _possessive_noun(tv, i, lex) or _verb_cue(tv, i, lex, inside)
        if cue is not None:
            cues.append(cue)
    return cues


def _named(tv: TokenView, s: int, e: int, lex: Lexicon) -> bool:
    """True when tokens ``s..e-1`` name a known party, official or outlet ("Kremlin")."""
    words = tv.lower[s:e]
    return any(
        w in lex.side_keywords or w in lex.people or w in lex.media_names for w in words
    ) and not any(w in lex.colon_labels for w in words)


def colon_cues(tv: TokenView, inside: list[int], adj: AdjunctIndex) -> list[Cue]:
    """Speaker-first colons: "Zelenskiy on Telegram: “…”", a headline "Kremlin: no talks".

    The colon counts when everything before it in the sentence is a short source phrase
    (a capitalised name or organisation, maybe with a channel or date adjunct) and no
    reporting verb; labels such as "Background:" do not.

    >>> import spacy
    >>> from claimscope.extractors.attribution.tokens import TokenView
    >>> from claimscope.extractors.attribution.context import AdjunctIndex
    >>> tv = TokenView.from_text("Kremlin: no talks planned.")
    >>> [c.kind for c in colon_cues(tv, [-1] * tv.n, AdjunctIndex([]))]
    ['colon']
    """
    from claimscope.extractors.attribution.content import clause_start
    from claimscope.extractors.attribution.sources import np_left, skip_left

    lex = lexicon()
    out: list[Cue] = []
    for s, e in tv.sentences:
        start = clause_start(tv, s)
        for i in range(start + 1, min(e - 1, start + 10)):
            if tv.lower[i] != ":" or inside[i] >= 0:
                continue
            p = skip_left(tv, i, start, adj)
            if p < start or np_left(tv, p, start, lex) != start:
                break
            words = tv.lower[start : p + 1]
            if words[0] in lex.colon_labels or any(w in lex.cue_forms for w in words):
                break
            quoted = i + 1 < tv.n and tv.words[i + 1] in QUOTE_MARKS
            if quoted or _named(tv, start, p + 1, lex):
                out.append(Cue(first=i, last=i + 1, kind="colon", lemma="say", shown=i))
            break
    return out
