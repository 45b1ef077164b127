"""Core record types: character-anchored, immutable, and tagged with their producer.

Every record knows its offsets into :attr:`Document.text` (Python ``str`` indices,
end-exclusive) and the name of the plugin that produced it. The field names follow the
gold format of the corpus (``SCHEMA.md``), so output and gold compare directly.

>>> span = Span(start=0, end=4, text="Kyiv")
>>> span.end - span.start
4
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal

import attrs

__all__ = [
    "CLAIM_STATUSES",
    "HEDGE_KINDS",
    "LOCATION_KINDS",
    "MENTION_KINDS",
    "QUALIFIERS",
    "QUANTITY_KINDS",
    "QUOTE_MODES",
    "SOURCE_KINDS",
    "WEAPON_CATEGORIES",
    "Attribution",
    "Claim",
    "Diagnostic",
    "Document",
    "Hedge",
    "Location",
    "Mention",
    "Quantity",
    "Result",
    "Source",
    "Span",
    "Weapon",
]

Qualifier = Literal[
    "exact", "more_than", "at_least", "less_than", "up_to", "about", "range", "vague"
]
QuantityKind = Literal[
    "count", "length", "area", "mass", "money", "percent", "duration", "speed", "other"
]
WeaponCategory = Literal[
    "tank", "armoured_vehicle", "artillery", "rocket_artillery", "cruise_missile",
    "ballistic_missile", "missile", "air_defence", "drone", "aircraft", "helicopter",
    "naval_vessel", "small_arms", "anti_tank_weapon", "bomb", "munition", "other",
]  # fmt: skip
LocationKind = Literal[
    "populated_place", "admin_region", "country", "water_body", "feature", "region"
]
SourceKind = Literal["person", "organisation", "unnamed", "pronoun", "media"]
QuoteMode = Literal["direct", "indirect", "mixed"]
HedgeKind = Literal["unverified", "conditional", "uncertain", "denial"]
HedgeScope = Literal["sentence", "document"]
ClaimStatus = Literal["asserted", "reported", "unverified", "conditional", "uncertain", "denied"]
Severity = Literal["error", "warning"]

#: Allowed values of :attr:`Quantity.qualifier`.
QUALIFIERS: frozenset[str] = frozenset(Qualifier.__args__)  # type: ignore[attr-defined]
#: Allowed values of :attr:`Quantity.kind`.
QUANTITY_KINDS: frozenset[str] = frozenset(QuantityKind.__args__)  # type: ignore[attr-defined]
#: Allowed values of :attr:`Weapon.category`.
WEAPON_CATEGORIES: frozenset[str] = frozenset(WeaponCategory.__args__)  # type: ignore[attr-defined]
#: Allowed values of :attr:`Location.kind`.
LOCATION_KINDS: frozenset[str] = frozenset(LocationKind.__args__)  # type: ignore[attr-defined]
#: Allowed values of :attr:`Source.kind`.
SOURCE_KINDS: frozenset[str] = frozenset(SourceKind.__args__)  # type: ignore[attr-defined]
#: Allowed values of :attr:`Attribution.mode`.
QUOTE_MODES: frozenset[str] = frozenset(QuoteMode.__args__)  # type: ignore[attr-defined]
#: Allowed values of :attr:`Hedge.kind`.
HEDGE_KINDS: frozenset[str] = frozenset(HedgeKind.__args__)  # type: ignore[attr-defined]
#: Allowed values of :attr:`Claim.status`.
CLAIM_STATUSES: frozenset[str] = frozenset(ClaimStatus.__args__)  # type: ignore[attr-defined]


def _tuple(items: Any) -> tuple[Any, ...]:
    return tuple(items)


@attrs.frozen(kw_only=True)
class Span:
    """A stretch of the document text: ``text == document.text[start:end]``.

    >>> Span(start=5, end=12, text="Bakhmut").text
    'Bakhmut'
    """

    #: Offset of the first character.
    start: int
    #: Offset one past the last character.
    end: int
    #: The covered text, exactly as in the document.
    text: str


@attrs.frozen(kw_only=True)
class Mention(Span):
    """A span that an extractor found; base of every mention record.

    >>> Mention(start=0, end=4, text="Kyiv", plugin="locations").plugin
    'locations'
    """

    #: Name of the extractor that produced the record (the core sets it).
    plugin: str = ""
    #: Free-form tags that plugins attach ("casualty:killed"); written only when present.
    labels: tuple[str, ...] = attrs.field(default=(), converter=_tuple)


@attrs.frozen(kw_only=True)
class Quantity(Mention):
    """An amount: a count, distance, area, mass, sum of money, share or duration.

    Exact amounts have ``low == high``; open bounds are ``None``.

    >>> q = Quantity(start=0, end=22, text="more than 1,000 troops", low=1000.0,
    ...              high=None, qualifier="more_than", unit="troop", kind="count")
    >>> (q.low, q.high, q.unit)
    (1000.0, None, 'troop')
    """

    low: float | None
    high: float | None
    qualifier: Qualifier
    #: Normalised unit or counted noun, singular and lower case (``km``, ``usd``, ``tank``).
    unit: str | None
    kind: QuantityKind
    #: The weapon this amount counts, when one is named in the same phrase.
    counts: Span | None = None


@attrs.frozen(kw_only=True)
class Weapon(Mention):
    """A weapon, weapon system, munition or military vehicle, specific or generic.

    >>> Weapon(start=0, end=12, text="Storm Shadow", canonical="Storm Shadow",
    ...        category="cruise_missile", origin="GB", generic=False).category
    'cruise_missile'
    """

    #: The system's usual English name; for a class noun, the singular noun.
    canonical: str
    category: WeaponCategory
    #: ISO 3166-1 alpha-2 code of the producing country, when known.
    origin: str | None = None
    generic: bool = False


@attrs.frozen(kw_only=True)
class Location(Mention):
    """A place name resolved to a gazetteer entry.

    >>> Location(start=0, end=7, text="Bakhmut", name="Bakhmut", kind="populated_place",
    ...          country="UA", lat=48.6, lon=38.0).country
    'UA'
    """

    #: The usual English name of the place.
    name: str
    kind: LocationKind
    #: ISO 3166-1 alpha-2 code.
    country: str | None
    lat: float
    lon: float
    geonames_id: int | None = None
    #: First-level administrative division (oblast, governorate, state), when known.
    admin1: str | None = None


@attrs.frozen(kw_only=True)
class Source(Span):
    """Who a statement is attributed to, as written at the cue and as resolved.

    >>> Source(start=0, end=2, text="He", kind="pronoun", resolved="Igor Konashenkov").resolved
    'Igor Konashenkov'
    """

    kind: SourceKind
    #: The named source the span refers to (full name where known), else the span text.
    resolved: str
    role: str | None = None
    organisation: str | None = None
    #: The party the source speaks for (ISO alpha-2 or a short code such as ``INTL``).
    side: str | None = None


@attrs.frozen(kw_only=True)
class Attribution:
    """A statement the article attributes to a source: one record per cue.

    >>> src = Source(start=0, end=3, text="Kyiv", kind="organisation", resolved="Kyiv")
    >>> a = Attribution(source=src, cue=Span(start=5, end=12, text="claimed"),
    ...                 content=Span(start=13, end=20, text="victory"), mode="indirect")
    >>> a.cue.text
    'claimed'
    """

    source: Source
    #: The reporting verb or phrase ("said", "according to").
    cue: Span
    #: The reported statement, without quote marks for a direct quote.
    content: Span
    mode: QuoteMode
    #: Where it was said ("Telegram", "news briefing"), when the article says.
    channel: str | None = None
    #: The date phrase of the statement as written, without its preposition.
    date: str | None = None
    plugin: str = ""

    @property
    def start(self) -> int:
        """First offset covered by the source, cue or content."""
        return min(self.source.start, self.cue.start, self.content.start)

    @property
    def end(self) -> int:
        """Last offset (exclusive) covered by the source, cue or content."""
        return max(self.source.end, self.cue.end, self.content.end)


@attrs.frozen(kw_only=True)
class Hedge(Mention):
    """A phrase that marks claims as unverified, conditional, uncertain or denied.

    >>> Hedge(start=0, end=11, text="reportedly", kind="uncertain").scope
    'sentence'
    """

    kind: HedgeKind
    #: ``document`` for article-wide statements ("neither side's claims could be verified").
    scope: HedgeScope = "sentence"


@attrs.frozen(kw_only=True)
class Claim:
    """A statement with its source (if any), its status, and the mentions inside it.

    >>> Claim(content=Span(start=0, end=5, text="Hello"), status="asserted").attribution is None
    True
    """

    content: Span
    status: ClaimStatus
    attribution: Attribution | None = None
    quantities: tuple[Quantity, ...] = attrs.field(default=(), converter=_tuple)
    weapons: tuple[Weapon, ...] = attrs.field(default=(), converter=_tuple)
    locations: tuple[Location, ...] = attrs.field(default=(), converter=_tuple)
    hedges: tuple[Hedge, ...] = attrs.field(default=(), converter=_tuple)


@attrs.frozen(kw_only=True)
class Document:
    """An input article. ``metadata`` holds the gold file's other top-level fields.

    >>> Document(id="a1", text="Kyiv said so.").title is None
    True
    """

    id: str
    text: str
    title: str | None = None
    #: Other top-level fields (``published``, ``style``, ``conflict``, ``sides`` …).
    metadata: Mapping[str, Any] = attrs.field(factory=dict)


@attrs.frozen(kw_only=True)
class Diagnostic:
    """Something that went wrong while processing a document, and who is to blame.

    >>> Diagnostic(plugin="weapons", message="boom").severity
    'error'
    """

    #: Extractor or plugin name; ``claimscope`` for the core itself.
    plugin: str
    message: str
    severity: Severity = "error"
    #: Distribution (package) that provides the plugin, and its version.
    distribution: str | None = None
    version: str | None = None


#: The kinds of mention a :class:`Result` holds, in output order.
MENTION_KINDS: tuple[str, ...] = ("quantities", "weapons", "locations", "attributions", "hedges")


@attrs.frozen(kw_only=True)
class Result:
    """Everything claimscope found in one document.

    >>> r = Result(document=Document(id="a", text=""))
    >>> (r.ok, len(r.claims))
    (True, 0)
    """

    document: Document
    quantities: tuple[Quantity, ...] = attrs.field(default=(), converter=_tuple)
    weapons: tuple[Weapon, ...] = attrs.field(default=(), converter=_tuple)
    locations: tuple[Location, ...] = attrs.field(default=(), converter=_tuple)
    attributions: tuple[Attribution, ...] = attrs.field(default=(), converter=_tuple)
    hedges: tuple[Hedge, ...] = attrs.field(default=(), converter=_tuple)
    claims: tuple[Claim, ...] = attrs.field(default=(), converter=_tuple)
    diagnostics: tuple[Diagnostic, ...] = attrs.field(default=(), converter=_tuple)
    #: Set when the document as a whole could not be processed (unreadable, too long).
    error: str | None = None

    @property
    def ok(self) -> bool:
        """True when the document was processed and no plugin reported an error."""
        return self.error is None and not any(d.severity == "error" for d in self.diagnostics)

    def to_dict(self) -> dict[str, Any]:
        """The JSON-ready layout of ``SCHEMA.md`` plus ``claims`` and ``diagnostics``.

        >>> Result(document=Document(id="a", text="x")).to_dict()["id"]
        'a'
        """
        from claimscope.serialize import result_to_dict

        return result_to_dict(self)

    def to_frame(self) -> Any:
        """One row per claim as a pandas ``DataFrame`` (needs the ``frame`` extra).

        >>> Result(document=Document(id="a", text="")).to_frame().shape
        (0, 8)
        """
        from claimscope.frame import to_frame

        return to_frame(self)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Result:
        """Read back what :meth:`to_dict` wrote (or a gold file).

        >>> r = Result(document=Document(id="a", text="x"))
        >>> Result.from_dict(r.to_dict()) == r
        True
        """
        from claimscope.serialize import result_from_dict

        return result_from_dict(data)
