"""Units, currencies and counted nouns: what a number measures or counts.

Units are looked up in the alias table of ``data/units.json`` (their dimensions are
checked against pint's registry by the tests); counted nouns are singularised with a
small data-driven rule set (irregular plurals from ``data/nouns.json``, then -ies/-es/-s),
so it works without a lemmatiser in fast mode.

>>> singular("casualties"), singular("people"), singular("buses"), singular("troops")
('casualty', 'person', 'bus', 'troop')
>>> unit_at(["square", "kilometres", "of"], 0)
('km2', 'area', 2)
"""

from __future__ import annotations

from claimscope.extractors.quantities.lexicon import STOP_WORDS, lexicon
from claimscope.extractors.quantities.tokens import TokenView

__all__ = ["singular", "is_plural", "unit_at", "currency_word_at", "read_head", "Head"]

_SIBILANT_ES = ("ches", "shes", "sses", "xes", "zzes")
_NOT_PLURAL_ENDINGS = ("ss", "us", "is", "'s", "’s")
_NUMBER_WORDS = frozenset({*lexicon().number_units, *lexicon().number_tens, *lexicon().scales})
#: Function words that may still sit inside a counted noun phrase.
_NP_MODIFIERS = frozenset({"other", "more", "additional", "further", "remaining", "extra"})
#: Participles that stand for people right after a number ("15 injured", "two dead").
_CASUALTY_HEADS = frozenset({"dead", "killed", "wounded", "injured", "missing", "hurt",
                             "captured", "detained", "arrested", "abducted"})
#: After these, "10 injured" is a passive verb ("were killed and 10 injured in a strike"),
#: so the participle is no head and the figure stands alone.
_VERB_CONTINUATIONS = frozenset({"in", "on", "at", "by", "when", "after", "during", "as",
                                 "while", "overnight", "since", "near", "across", "from"})


def singular(word: str) -> str:
    """The singular of a lower-case plural noun (unchanged when it is not plural).

    >>> singular("militias"), singular("vehicles"), singular("churches"), singular("crew")
    ('militia', 'vehicle', 'church', 'crew')
    """
    lex = lexicon()
    if word in lex.irregular_plurals:
        return lex.irregular_plurals[word]
    if word in lex.no_plural_heads or not is_plural(word):
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(_SIBILANT_ES):
        return word[:-2]
    return word[:-1]


def is_plural(word: str) -> bool:
    """Looks like a plural noun: irregular plurals, or a regular -s ending.

    >>> is_plural("tanks"), is_plural("was"), is_plural("children"), is_plural("across")
    (True, False, True, False)
    """
    lex = lexicon()
    if word in lex.irregular_plurals or word in lex.no_plural_heads:
        return True
    return (len(word) > 2 and word.endswith("s") and not word.endswith(_NOT_PLURAL_ENDINGS)
            and word not in STOP_WORDS and word not in lex.singular_s
            and word.replace("-", "").isalpha())


def unit_at(lower: list[str], j: int) -> tuple[str, str, int] | None:
    """The longest unit alias starting at token ``j``: ``(unit, kind, end token)``."""
    table = lexicon().units
    for size in range(min(lexicon().max_phrase, len(lower) - j), 0, -1):
        hit = table.get(tuple(lower[j:j + size]))
        if hit is not None:
            return hit[0], hit[1], j + size
    return None


def currency_word_at(lower: list[str], j: int) -> tuple[str, int] | None:
    """A currency named after the number ("dollars", "US dollars", "hryvnias").

    >>> currency_word_at(["5", "us", "dollars"], 1)
    ('usd', 3)
    """
    table = lexicon().currency_words
    for size in range(min(3, len(lower) - j), 0, -1):
        hit = table.get(tuple(lower[j:j + size]))
        if hit is not None:
            return hit, j + size
    return None


class Head:
    """The counted noun found after a number: its token and normalised unit name.

    >>> Head(3, "missile").unit
    'missile'
    """

    __slots__ = ("index", "unit")

    def __init__(self, index: int, unit: str) -> None:
        self.index = index
        self.unit = unit


def _unit_name(view: TokenView, k: int, first: int) -> str:
    """Singular head, kept with its modifier when the pair is a known counted compound."""
    lex = lexicon()
    word = view.lower[k]
    if view.is_title(k) and word.endswith(lex.demonym_suffixes) and k > 0 \
            and word not in lex.irregular_plurals:
        return "person"
    noun = singular(word)
    if noun in _CASUALTY_HEADS or noun in ("others", "displaced", "taken"):
        return "person"
    for size in (2, 1):
        if k - size >= first:
            modifiers = " ".join(view.lower[k - size:k]).replace(" - ", "-")
            if f"{modifiers} {noun}" in lex.compounds:
                return f"{modifiers} {noun}"
    return noun


def _is_stop(view: TokenView, k: int) -> bool:
    if view.lower[k] in STOP_WORDS:
        return True
    # Verbs and adverbs are not stops: tagged "made" in "Ukrainian-made" or "displaced"
    # modify the noun that follows.
    # PUNCT is no stop either: the tagger calls "Shahed-136" punctuation.
    return view.tagged and view.pos[k] in ("AUX", "ADP", "DET", "PRON", "CCONJ", "SCONJ",
                                           "PART")


#: Words that may follow a plural head and start the clause's verb phrase.
_CLAUSE_WORDS = frozenset({"are", "were", "have", "had", "remain", "fled", "died", "live",
                           "lived", "left", "returned"})


def _head_like(view: TokenView, k: int, singular_ok: bool) -> bool:
    word = view.lower[k]
    lex = lexicon()
    if word.endswith("ese") and view.is_title(k) and k > 0 and not view.is_title(k - 1):
        # "7 million Congolese are displaced": a demonym is its own plural (but "500
        # Chinese embassy staff" count staff)
        after = view.lower[k + 1] if k + 1 < view.n else "."
        return not after[:1].isalpha() or after in STOP_WORDS or after in _CLAUSE_WORDS
    if singular_ok and (word in lex.counted or word in lex.no_plural_heads):
        return True
    if view.tagged and view.tag[k] in ("NNS", "NNPS"):
        return True
    if singular_ok and view.tagged and view.tag[k] == "NN" and view.text[k].islower():
        return True  # "one checkpoint": the tagger knows nouns the lexicon lacks
    return is_plural(word) and not singular_ok


def _name_joiner(view: TokenView, k: int) -> bool:
    """"or"/"and"/"/" between two names ("Iskander-M or KN-23 missiles") stays inside."""
    return (view.lower[k] in ("or", "and", "/") and 0 < k < view.n - 1
            and view.is_title(k - 1) and view.is_title(k + 1))


def read_head(view: TokenView, j: int, singular_ok: bool = False,
              max_modifiers: int = 5) -> Head | None:
    """The counted noun of the phrase that starts at token ``j``, skipping modifiers.

    >>> import spacy
    >>> v = TokenView(spacy.blank("en")("2 Ukrainian-made Grom tactical missiles hit"))
    >>> h = read_head(v, 1); (v.text[h.index], h.unit)
    ('missiles', 'missile')
    """
    lex = lexicon()
    k, modifiers = j, 0
    # Hyphens and model numbers do not count as modifiers but still bound the walk.
    while k < view.n and modifiers <= max_modifiers and k - j <= 2 * max_modifiers + 4:
        word, text = view.lower[k], view.text[k]
        if text == "-" and k > j and view.attached(k) and view.attached(k + 1):
            k += 1
            continue
        if text[:1].isdigit() and ((k > j and view.is_title(k - 1)) or view.is_title(k + 1)):
            k += 1  # a model number inside a name: "14 Leopard 2 tanks", "two 737 Max jets"
            continue
        if not text[:1].isalpha():
            return None
        if _name_joiner(view, k):
            k, modifiers = k + 1, modifiers + 1
            continue
        if word == "taken" and k == j and k + 1 < view.n \
                and view.lower[k + 1] in lex.captivity_words:
            return Head(k + 1, "person")  # "253 taken hostage"
        if word in _CASUALTY_HEADS:
            if k + 1 < view.n and is_plural(view.lower[k + 1]) \
                    and view.lower[k + 1] not in STOP_WORDS:
                k, modifiers = k + 1, modifiers + 1
                continue
            verb = k + 1 < view.n and view.lower[k + 1] in _VERB_CONTINUATIONS
            return Head(k, "person") if k == j and not verb else None
        if word in _NP_MODIFIERS and k + 1 < view.n:
            k, modifiers = k + 1, modifiers + 1  # "eight other employees", "ten more tanks"
            continue
        if _is_stop(view, k) or word in _NUMBER_WORDS:
            return None
        model = _model_plural(view, k)
        if model is not None:
            return Head(k, model)
        if _head_like(view, k, singular_ok) and not _continues(view, k):
            return Head(k, _unit_name(view, k, j))
        k, modifiers = k + 1, modifiers + 1
    return None


def _model_plural(view: TokenView, k: int) -> str | None:
    """A weapon model in the plural that ends the phrase: "four F-16s", "two HIMARS".

    >>> import spacy
    >>> _model_plural(TokenView(spacy.blank("en")("two Su-34s hit")), 1)
    'su-34'
    """
    text = view.text[k]
    if k + 1 < view.n and is_plural(view.lower[k + 1]) \
            and singular(view.lower[k + 1]) in lexicon().counted:
        return None  # a modifier: "three HIMARS launchers"
    if text[:1].isupper() and "-" in text and text.endswith("s") and text[-2:-1].isdigit():
        return text[:-1].lower()
    if len(text) >= 5 and text.isupper() and text.isalpha() and text.endswith("S"):
        return text.lower()
    return None


def _continues(view: TokenView, k: int) -> bool:
    """A capitalised plural ("White Helmets") or noun modifier that a noun follows."""
    if k + 1 >= view.n:
        return False
    nxt = view.lower[k + 1]
    if nxt in STOP_WORDS or nxt in _CASUALTY_HEADS or not view.text[k + 1][:1].isalpha():
        return False
    if view.is_title(k) and not view.is_title(k + 1):
        # "Hamas terrorist targets", "White Helmets teams"; demonyms are heads.
        return not view.lower[k].endswith(lexicon().demonym_suffixes)
    lex = lexicon()
    word = view.lower[k]
    # "police officers", "crew members", "aircraft carriers": a noun modifier, not the head.
    return (is_plural(nxt) and singular(nxt) in lex.counted
            and (word in lex.no_plural_heads or word not in lex.irregular_plurals))
