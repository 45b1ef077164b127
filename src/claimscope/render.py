"""An HTML view of results: each claim with its source, cue and status, and the text with
quantities, weapons, locations, sources, cues and hedges marked and coloured by kind.

The text is drawn by displaCy's span style with ``manual=True``, from the records' own
offsets, so a page needs no spaCy ``Doc``: stored JSON results and gold files render too.
Pages are standalone (inline CSS, no script, nothing fetched).

>>> from claimscope.types import Document, Location, Result
>>> kyiv = Location(start=0, end=4, text="Kyiv", name="Kyiv", kind="populated_place",
...                 country="UA", lat=50.45, lon=30.52)
>>> page = render(Result(document=Document(id="d1", text="Kyiv was hit."), locations=[kyiv]))
>>> page.startswith("<!DOCTYPE html>") and "LOCATION populated_place" in page
True
"""

from __future__ import annotations

import bisect
import colorsys
import html
import itertools
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any

from claimscope.claims import assemble
from claimscope.types import (
    HEDGE_KINDS,
    LOCATION_KINDS,
    QUANTITY_KINDS,
    SOURCE_KINDS,
    WEAPON_CATEGORIES,
    Claim,
    Result,
)

__all__ = ["COLOURS", "render", "render_index"]

# (label prefix, hue in degrees, the kinds that get a shade of it)
_FAMILIES: tuple[tuple[str, int, Sequence[str]], ...] = (
    ("QUANTITY", 45, sorted(QUANTITY_KINDS)),
    ("WEAPON", 2, sorted(WEAPON_CATEGORIES)),
    ("LOCATION", 200, sorted(LOCATION_KINDS)),
    ("SOURCE", 275, sorted(SOURCE_KINDS)),
    ("CUE", 130, [""]),
    ("HEDGE", 330, sorted(HEDGE_KINDS)),
)


def _shade(hue: int, index: int, count: int) -> str:
    # One hue per mention type; kinds differ in lightness so the type stays recognisable.
    lightness = 0.78 if count == 1 else 0.66 + 0.22 * index / (count - 1)
    red, green, blue = colorsys.hls_to_rgb(hue / 360, lightness, 0.85)
    return f"#{round(red * 255):02x}{round(green * 255):02x}{round(blue * 255):02x}"


def _label(family: str, kind: str) -> str:
    return f"{family} {kind}".strip()


#: Background colour of every span label (``"WEAPON tank"``, ``"CUE"`` …).
COLOURS: dict[str, str] = {
    _label(family, kind): _shade(hue, index, len(kinds))
    for family, hue, kinds in _FAMILIES for index, kind in enumerate(kinds)
}
_STATUS_COLOURS = {"asserted": "#d9ead3", "reported": "#cfe2f3", "unverified": "#fff2cc",
                   "conditional": "#fce5cd", "uncertain": "#ead1dc", "denied": "#f4cccc"}

_CSS = """
body{font-family:system-ui,sans-serif;margin:2rem auto;max-width:70rem;padding:0 1rem;
color:#222}h1{font-size:1.5rem}h2{font-size:1.25rem;margin-top:2.5rem}
table{border-collapse:collapse;width:100%;margin:1rem 0}td,th{border-bottom:1px solid #ddd;
padding:.35rem .5rem;text-align:left;vertical-align:top;font-size:.9rem}
.chip{display:inline-block;border-radius:3px;padding:0 .3rem;margin:.1rem;font-size:.8rem}
.status{font-weight:600}.meta{color:#666;font-size:.85rem}.legend .chip{font-size:.75rem}
.error{color:#a00}.spans{margin:.2rem 0}.spans span{white-space:nowrap}
section{border-top:2px solid #eee}
"""


def _e(value: object) -> str:
    return html.escape("" if value is None else str(value))


def _chip(label: str, text: str, title: str = "") -> str:
    colour = COLOURS.get(label, _STATUS_COLOURS.get(label, "#ddd"))
    return (f'<span class="chip" style="background:{colour}" title="{_e(title or label)}">'
            f"{_e(text)}</span>")


def _marks(result: Result) -> Iterator[tuple[int, int, str]]:
    """(start, end, label) of every span to mark in the text."""
    for q in result.quantities:
        yield q.start, q.end, _label("QUANTITY", q.kind)
    for w in result.weapons:
        yield w.start, w.end, _label("WEAPON", w.category)
    for loc in result.locations:
        yield loc.start, loc.end, _label("LOCATION", loc.kind)
    for a in result.attributions:
        yield a.source.start, a.source.end, _label("SOURCE", a.source.kind)
        yield a.cue.start, a.cue.end, "CUE"
    for h in result.hedges:
        yield h.start, h.end, _label("HEDGE", h.kind)


def _tokens(text: str, start: int, end: int, cuts: Sequence[int]) -> list[tuple[int, int]]:
    """The non-space pieces of ``text[start:end]``, also cut at every offset in ``cuts``,
    so each marked span begins and ends exactly on a token boundary."""
    pieces: list[tuple[int, int]] = []
    for match in re.finditer(r"\S+", text[start:end]):
        low, high = start + match.start(), start + match.end()
        inner = cuts[bisect.bisect_right(cuts, low):bisect.bisect_left(cuts, high)]
        bounds = [low, *inner, high]
        pieces.extend(itertools.pairwise(bounds))
    return pieces


def _paragraph(text: str, start: int, end: int, marks: Sequence[tuple[int, int, str]],
               cuts: Sequence[int]) -> dict[str, Any]:
    """One displaCy ``manual`` span document for the paragraph ``text[start:end]``."""
    tokens = _tokens(text, start, end, cuts)
    starts = [low for low, _ in tokens]
    spans = []
    for low, high, label in marks:
        low, high = max(low, start), min(high, end)
        first, stop = bisect.bisect_left(starts, low), bisect.bisect_left(starts, high)
        if first < stop:
            spans.append({"start_token": first, "end_token": stop, "label": label})
    return {"text": text[start:end], "tokens": [text[a:b] for a, b in tokens],
            "spans": spans}


def _text_html(result: Result) -> str:
    """The document text, paragraph by paragraph, with its mentions marked (displaCy)."""
    from spacy import displacy

    text = result.document.text
    marks = sorted(m for m in _marks(result) if 0 <= m[0] < m[1] <= len(text))
    cuts = sorted({offset for low, high, _ in marks for offset in (low, high)})
    docs = [_paragraph(text, m.start(), m.end(), marks, cuts)
            for m in re.finditer(r"[^\n]*\S[^\n]*", text)]
    if not docs:
        return '<p class="meta">(empty text)</p>'
    return str(displacy.render(docs, style="span", manual=True, page=False, jupyter=False,
                               options={"colors": COLOURS}))


def _sentences(text: str) -> list[tuple[int, int]]:
    """Rough sentence ranges (lines, cut after . ! ? before a capital or quote), used only
    to group gold mentions into claims when a file carries no claims."""
    ranges = []
    for line in re.finditer(r"[^\n]+", text):
        begin = line.start()
        for end in re.finditer(r"[.!?][\"”’)]*\s+(?=[\"“‘(A-Z0-9])", line.group()):
            ranges.append((begin, line.start() + end.end()))
            begin = line.start() + end.end()
        ranges.append((begin, line.end()))
    return ranges


def _with_claims(result: Result) -> Result:
    if result.claims or result.error is not None:
        return result
    return assemble(result, _sentences(result.document.text))


def _claim_row(number: int, claim: Claim) -> str:
    a = claim.attribution
    if a is None:
        source, cue = '<span class="meta">(the article)</span>', ""
    else:
        details = ", ".join(str(x) for x in (a.source.kind, a.source.role,
                                             a.source.organisation, a.source.side) if x)
        source = (_chip(_label("SOURCE", a.source.kind), a.source.resolved, details)
                  + (f'<br><span class="meta">as “{_e(a.source.text)}”</span>'
                     if a.source.text != a.source.resolved else ""))
        cue = _chip("CUE", a.cue.text, f"{a.mode} quote" + (f", {a.channel}" if a.channel
                                                              else ""))
    mentions = [_chip(_label("QUANTITY", q.kind), q.text, f"{q.qualifier} {q.low}..{q.high} "
                      f"{q.unit or ''}") for q in claim.quantities]
    mentions += [_chip(_label("WEAPON", w.category), w.text, f"{w.canonical} ({w.category})")
                 for w in claim.weapons]
    mentions += [_chip(_label("LOCATION", loc.kind), loc.text,
                       f"{loc.name}, {loc.country or '?'} ({loc.lat:.2f}, {loc.lon:.2f})")
                 for loc in claim.locations]
    status = _chip(claim.status, claim.status)
    return (f"<tr><td>{number}</td><td class=\"status\">{status}</td><td>{source}</td>"
            f"<td>{cue}</td><td>{_e(claim.content.text)}</td><td>{''.join(mentions)}</td></tr>")


def _legend(labels: Iterable[str]) -> str:
    chips = "".join(_chip(label, label) for label in sorted(set(labels)))
    statuses = "".join(_chip(status, status) for status in _STATUS_COLOURS)
    return f'<p class="legend"><b>Legend</b> {chips}<br><b>Status</b> {statuses}</p>'


def _section(result: Result, anchor: str, heading: str = "h1") -> str:
    result = _with_claims(result)
    document = result.document
    title = document.title or document.id
    meta = ", ".join(f"{_e(k)}: {_e(v)}" for k, v in document.metadata.items()
                     if isinstance(v, (str, int, float)))
    parts = [f'<section id="{_e(anchor)}"><{heading}>{_e(title)}</{heading}>',
             f'<p class="meta">id {_e(document.id)}{"; " + meta if meta else ""}</p>']
    if result.error is not None:
        parts.append(f'<p class="error">Not processed: {_e(result.error)}</p></section>')
        return "".join(parts)
    parts.append(_legend(label for _, _, label in _marks(result)))
    rows = "".join(_claim_row(i, claim) for i, claim in enumerate(result.claims, start=1))
    parts.append(f"<h3>Claims ({len(result.claims)})</h3><table class=\"claims\"><tr><th>#"
                 "</th><th>status</th><th>source</th><th>cue</th><th>content</th>"
                 f"<th>mentions</th></tr>{rows}</table>")
    parts.append(f'<h3>Text</h3><div class="text">{_text_html(result)}</div>')
    if result.diagnostics:
        items = "".join(f"<li>{_e(d.plugin)}: {_e(d.message)}</li>"
                        for d in result.diagnostics)
        parts.append(f'<h3>Diagnostics</h3><ul class="error">{items}</ul>')
    parts.append("</section>")
    return "".join(parts)


def _page(title: str, body: str) -> str:
    return (f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>'
            f'{_e(title)}</title><link rel="icon" href="data:,"><style>{_CSS}</style></head>'
            f"<body>{body}</body></html>\n")


def _as_result(item: Result | Mapping[str, Any]) -> Result:
    return item if isinstance(item, Result) else Result.from_dict(item)


def render(result: Result | Mapping[str, Any]) -> str:
    """A standalone HTML page for one result, or its stored JSON (or a gold file).

    Claims come first (status, source, cue, content, the mentions inside), then the text
    with every mention marked. A gold file without claims gets claims assembled from its
    attributions and mentions.

    >>> page = render({"id": "g1", "text": "Kyiv said 3 drones fell.", "attributions": []})
    >>> "<title>g1</title>" in page
    True
    """
    result = _as_result(result)
    title = result.document.title or result.document.id
    return _page(title, _section(result, "doc-1"))


def render_index(results: Iterable[Result | Mapping[str, Any]], title: str = "claimscope"
                 ) -> str:
    """One page for many documents: an index table linking to a section per document.

    >>> page = render_index([{"id": "a", "text": "One."}, {"id": "b", "text": "Two."}])
    >>> page.count("<section"), 'href="#doc-2"' in page
    (2, True)
    """
    rows, sections = [], []
    for number, item in enumerate(results, start=1):
        result = _with_claims(_as_result(item))
        anchor = f"doc-{number}"
        statuses = Counter(claim.status for claim in result.claims)
        summary = ", ".join(f"{count} {status}" for status, count in sorted(statuses.items()))
        rows.append(
            f'<tr><td><a href="#{anchor}">{_e(result.document.title or result.document.id)}'
            f"</a></td><td>{_e(result.document.id)}</td><td>{len(result.claims)}</td>"
            f"<td>{_e(summary)}</td><td>{len(result.quantities)}</td>"
            f"<td>{len(result.weapons)}</td><td>{len(result.locations)}</td>"
            f"<td>{_e(result.error or '')}</td></tr>")
        sections.append(_section(result, anchor, heading="h2"))
    index = ("<table class=\"index\"><tr><th>document</th><th>id</th><th>claims</th>"
             "<th>by status</th><th>quantities</th><th>weapons</th><th>locations</th>"
             f"<th>error</th></tr>{''.join(rows)}</table>")
    body = f"<h1>{_e(title)}: {len(rows)} documents</h1>{index}{''.join(sections)}"
    return _page(title, body)
