"""Toponym recognition and resolution on GeoWebNews, LGL and TR-News (news geoparsing sets).

    python benchmarks/external/toponyms.py [--corpus gwn|lgl|trnews|all] [--model blank|trained]
                                           [--limit N]

Data: ../shared/external/locations (evaluation only). Gold is narrowed to what SCHEMA.md
calls a location: GeoWebNews types Literal, Metonymic, Mixed and the noun modifiers
(demonyms, adjectival modifiers, place names embedded in other names, "expressions",
coercions, languages, homonyms and non-toponyms are left out); in LGL and TR-News the
adjectival mentions ("Turkish" -> Turkey) are left out. Predictions that overlap only a
left-out span are not counted against claimscope. Reported: span P/R/F1 (one-to-one
greedy overlap pairing, as SCORING.md) and acc@161km over span-matched gold that has
coordinates; a gold country (GeoNames PCL*) is placed right when the predicted name
equals its name, since country centres differ between gazetteers by more than 161 km.
"""

from __future__ import annotations

import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

from _common import arguments, pipeline_for, prf, report, suite_path

from claimscope.evaluate.criteria import ACC_KM, distance_km
from claimscope.evaluate.pairing import overlap, pair_greedy

CORPORA = {"gwn": ("geowebnews", "GWN.xml"), "lgl": ("lgl", "lgl.xml"),
           "trnews": ("tr-news", "TR-News.xml")}
GWN_KEEP = {"Literal", "Metonymic", "Mixed", "Literal_Modifier", "Non_Literal_Modifier"}
_ADJECTIVE = re.compile(r"(an|ian|ese|ish|i|ic)$", re.I)

#: A gold toponym: (start, end, keep, lat, lon, country name or None).
Gold = tuple[int, int, bool, float | None, float | None, str | None]


def _float(text: str | None) -> float | None:
    try:
        return float(text) if text not in (None, "") else None
    except ValueError:
        return None


def gwn_toponym(t: ET.Element) -> Gold:
    keep = t.findtext("type") in GWN_KEEP and t.findtext("modifierType") != "Adjective"
    return (int(t.findtext("start") or 0), int(t.findtext("end") or 0), keep,
            _float(t.findtext("latitude")), _float(t.findtext("longitude")), None)


def lgl_toponym(t: ET.Element) -> Gold:
    tag = t.find("gaztag")
    phrase = t.findtext("phrase") or ""
    name = tag.findtext("name") if tag is not None else None
    fcode = (tag.findtext("fcode") or "") if tag is not None else ""
    adjectival = name is not None and phrase != name and bool(_ADJECTIVE.search(phrase))
    lat = _float(tag.findtext("lat")) if tag is not None else None
    lon = _float(tag.findtext("lon")) if tag is not None else None
    country = name if fcode.startswith("PCL") else None
    return int(t.findtext("start") or 0), int(t.findtext("end") or 0), not adjectival, lat, lon, \
        country


def load(corpus: str, path: Path, limit: int | None) -> list[tuple[str, list[Gold]]]:
    articles = []
    for article in ET.parse(path).getroot().iter("article"):
        text = article.findtext("text") or ""
        parse = gwn_toponym if corpus == "gwn" else lgl_toponym
        toponyms = [parse(t) for t in article.iter("toponym")]
        articles.append((text, toponyms))
    return articles[:limit]


def placed(gold: Gold, pred: Any) -> bool:
    if gold[5] is not None:
        return str(pred.name).casefold() == gold[5].casefold()
    if pred.lat is None or pred.lon is None or gold[3] is None or gold[4] is None:
        return False
    return distance_km(gold[3], gold[4], pred.lat, pred.lon) <= ACC_KM


def score(articles: list[tuple[str, list[Gold]]], pipeline: Any) -> dict[str, Any]:
    tp = n_pred = n_gold = placed_right = resolvable = 0
    results = pipeline.pipe([text for text, _ in articles])
    for (_, toponyms), result in zip(articles, results, strict=True):
        kept = [g for g in toponyms if g[2]]
        left_out = [(g[0], g[1]) for g in toponyms if not g[2]]
        preds = [p for p in result.locations
                 if not any(overlap((p.start, p.end), s) for s in left_out)
                 or any(overlap((p.start, p.end), (g[0], g[1])) for g in kept)]
        pairs = pair_greedy([(g[0], g[1]) for g in kept], [(p.start, p.end) for p in preds])
        tp, n_pred, n_gold = tp + len(pairs), n_pred + len(preds), n_gold + len(kept)
        for g, p in pairs:
            if kept[g][5] is not None or kept[g][3] is not None:
                resolvable += 1
                placed_right += placed(kept[g], preds[p])
    return {**prf(tp, n_pred, n_gold), "acc161": placed_right / resolvable if resolvable else 1.0,
            "acc161_n": resolvable}


def main() -> int:
    parser = arguments(__doc__.splitlines()[0])
    parser.add_argument("--corpus", default="all", choices=[*CORPORA, "all"])
    args = parser.parse_args()
    if suite_path("locations") is None:
        return 0
    pipeline = pipeline_for("locations", args.model)
    if pipeline is None:
        return 0
    rows = []
    for corpus in CORPORA if args.corpus == "all" else [args.corpus]:
        path = suite_path("locations", *CORPORA[corpus])
        if path is not None:
            rows.append((f"claimscope ({args.model}) / {corpus}",
                         score(load(corpus, path, args.limit), pipeline)))
    notes = [f"{name}: acc@161km {r['acc161']:.3f} over {r['acc161_n']} span-matched gold "
             "with coordinates" for name, r in rows]
    notes.append("Published A@161 (resolution only, on gold spans): Mordecai3 LGL 82.7, "
                 "TR-News 87.3, GWN 94.1; population baseline LGL 70 (research/locations.md).")
    return report("Toponyms: span P/R/F1 (SCHEMA.md locations)", rows, args.json, notes)


if __name__ == "__main__":
    sys.exit(main())
