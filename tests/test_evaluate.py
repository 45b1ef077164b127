"""Tests of claimscope.evaluate and ``claimscope evaluate`` (SCORING.md rules).

The example documents are written for these tests. The last part cross-checks the scorer
against a deliberately simple re-implementation of SCORING.md on the dev corpus.
"""

from __future__ import annotations

import copy
import json
import math
import random
import re
from collections import Counter
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest
import typer
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from claimscope.cli.evaluate import evaluate_command
from claimscope.evaluate import (
    KINDS,
    EvaluationInputError,
    differences,
    evaluate,
    load_gold_dir,
    load_predictions,
)

ROOT = Path(__file__).resolve().parents[1]
DEV_DIRS = [ROOT / "benchmarks" / "data" / "dev", ROOT.parent / "shared" / "corpus" / "dev"]
DEV = next((d for d in DEV_DIRS if d.is_dir() and any(d.glob("*.json"))), None)

TEXT = (
    "Officials in Kharkiv said on Monday that 14 drones and two cruise missiles were shot "
    'down over Ukraine. "We held," the governor said. The claim could not be verified.'
)


def span(text: str, needle: str, nth: int = 0) -> dict[str, Any]:
    """A span record for the ``nth`` occurrence of ``needle`` in ``text``."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return {"start": start, "end": start + len(needle), "text": needle}


def doc(doc_id: str = "t1", text: str = TEXT, **records: list[dict[str, Any]]) -> dict[str, Any]:
    base: dict[str, Any] = {"id": doc_id, "text": text}
    base.update({kind: [] for kind in KINDS})
    base.update(records)
    return base


def quantity(
    needle: str, low: float | None, high: float | None, unit: str | None
) -> dict[str, Any]:
    return {
        **span(TEXT, needle),
        "low": low,
        "high": high,
        "qualifier": "exact",
        "unit": unit,
        "kind": "count",
    }


def location(
    needle: str, kind: str, country: str | None, lat: float | None, lon: float | None
) -> dict[str, Any]:
    return {
        **span(TEXT, needle),
        "name": needle,
        "kind": kind,
        "country": country,
        "lat": lat,
        "lon": lon,
    }


def attribution(
    source: str, cue: str, content: str, resolved: str | None = None, cue_nth: int = 0
) -> dict[str, Any]:
    return {
        "source": span(TEXT, source),
        "source_kind": "unnamed",
        "resolved_source": resolved if resolved is not None else source,
        "cue": span(TEXT, cue, cue_nth),
        "content": span(TEXT, content),
        "mode": "indirect",
    }


# --- quantities -------------------------------------------------------------------------


def test_quantity_span_value_and_full_are_separate_criteria() -> None:
    gold = doc(
        quantities=[
            quantity("14 drones", 14, 14, "drone"),
            quantity("two cruise missiles", 2, 2, "missile"),
        ]
    )
    pred = doc(
        quantities=[
            quantity("14", 14, 14, None),  # value only
            quantity("two cruise missiles", 3, 3, "missile"),
        ]
    )  # span only
    q = evaluate([gold], [pred])["quantities"]
    assert (q.span.tp, q.extra["value"].tp, q.full.tp) == (2, 1, 0)
    assert q.span.f1 == 1.0 and q.full.f1 == 0.0 and q.extra["value"].f1 == 0.5


@pytest.mark.parametrize(("pred_low", "ok"), [(14.07, True), (13.94, True), (14.1, False)])
def test_quantity_bounds_tolerate_half_a_percent(pred_low: float, ok: bool) -> None:
    gold = doc(quantities=[quantity("14 drones", 14, None, "drone")])
    pred = doc(quantities=[quantity("14 drones", pred_low, None, "drone")])
    assert evaluate([gold], [pred])["quantities"].full.tp == int(ok)


def test_quantity_null_bound_equals_only_null() -> None:
    gold = doc(quantities=[quantity("14 drones", 14, None, "drone")])
    pred = doc(quantities=[quantity("14 drones", 14, 14, "drone")])
    assert evaluate([gold], [pred])["quantities"].extra["value"].tp == 0


# --- weapons and hedges -----------------------------------------------------------------


def test_weapon_full_needs_category_and_hedge_full_needs_kind() -> None:
    weapon = {
        **span(TEXT, "cruise missiles"),
        "canonical": "cruise missile",
        "category": "cruise_missile",
        "origin": None,
        "generic": True,
    }
    hedge = {**span(TEXT, "could not be verified"), "kind": "unverified"}
    gold = doc(weapons=[weapon], hedges=[hedge])
    pred = doc(weapons=[{**weapon, "category": "missile"}], hedges=[{**hedge, "kind": "denial"}])
    report = evaluate([gold], [pred])
    assert report["weapons"].span.f1 == report["hedges"].span.f1 == 1.0
    assert report["weapons"].full.tp == report["hedges"].full.tp == 0


# --- locations --------------------------------------------------------------------------


def test_location_country_by_code_and_places_within_161_km() -> None:
    gold = doc(
        locations=[
            location("Kharkiv", "populated_place", "UA", 49.99, 36.23),
            location("Ukraine", "country", "UA", 49.0, 32.0),
        ]
    )
    near = location("Kharkiv", "populated_place", "UA", 50.9, 36.2)  # about 100 km north
    far = location("Kharkiv", "populated_place", "UA", 51.5, 36.2)  # about 168 km north
    country = location("Ukraine", "country", "ua", 10.0, 10.0)  # coordinates ignored
    good = evaluate([gold], [doc(locations=[near, country])])["locations"]
    bad = evaluate([gold], [doc(locations=[far, country])])["locations"]
    assert good.full.tp == 2 and good.extra["acc161"].acc == 1.0
    assert bad.full.tp == 1 and bad.extra["acc161"].to_dict() == {
        "acc": 0.5,
        "correct": 1,
        "total": 2,
    }


def test_acc161_is_a_share_of_span_matched_gold_only() -> None:
    gold = doc(
        locations=[
            location("Kharkiv", "populated_place", "UA", 49.99, 36.23),
            location("Ukraine", "country", "UA", 49.0, 32.0),
        ]
    )
    pred = doc(locations=[location("Kharkiv", "populated_place", "UA", 49.9, 36.3)])
    acc = evaluate([gold], [pred])["locations"].extra["acc161"]
    assert (acc.correct, acc.total, acc.acc) == (1, 1, 1.0)


# --- attributions -----------------------------------------------------------------------


def test_attribution_pairs_by_cue_and_checks_source_and_content() -> None:
    gold = doc(
        attributions=[
            attribution(
                "Officials in Kharkiv",
                "said",
                "14 drones and two cruise missiles were shot down over Ukraine",
            ),
            attribution("the governor", "said", "We held", resolved="Oleh Syniehubov", cue_nth=1),
        ]
    )
    pred = doc(
        attributions=[
            # right source by overlap, content too short (token F1 < 0.5)
            attribution("Officials", "said", "shot down"),
            # source span elsewhere but the same resolved name, in another case
            {**attribution("Kharkiv", "said", "We held", resolved="oleh syniehubov", cue_nth=1)},
        ]
    )
    a = evaluate([gold], [pred])["attributions"]
    assert (a.span.tp, a.extra["source"].tp, a.extra["content"].tp, a.full.tp) == (2, 2, 1, 1)


def test_attribution_without_cue_overlap_is_not_paired() -> None:
    gold = doc(attributions=[attribution("the governor", "said", "We held", cue_nth=1)])
    pred = doc(attributions=[attribution("the governor", "said", "We held", cue_nth=0)])
    assert evaluate([gold], [pred])["attributions"].span.tp == 0


# --- pairing ----------------------------------------------------------------------------


def test_pairing_is_one_to_one_by_largest_overlap() -> None:
    gold = doc(hedges=[{**span(TEXT, "could not be verified"), "kind": "unverified"}])
    short = {**span(TEXT, "could"), "kind": "uncertain"}
    long = {**span(TEXT, "not be verified"), "kind": "unverified"}
    h = evaluate([gold], [doc(hedges=[short, long])])["hedges"]
    assert (h.span.tp, h.span.pred, h.full.tp) == (1, 2, 1)


def test_malformed_predictions_count_but_never_raise() -> None:
    gold = doc(quantities=[quantity("14 drones", 14, 14, "drone")])
    pred = doc(quantities=["junk", {"start": "a"}, {"start": 41, "end": 43, "low": "x"}])
    q = evaluate([gold], [pred])["quantities"]
    assert (q.span.tp, q.span.pred, q.full.tp) == (1, 3, 0)


def test_differences_list_missed_wrong_and_spurious_records() -> None:
    gold = doc(quantities=[quantity("14 drones", 14, 14, "drone"),
                           quantity("two cruise missiles", 2, 2, "missile")])
    pred = doc(quantities=[quantity("14 drones", 14, 14, "person"),
                           quantity("Monday", 1, 1, None)])
    found = [(d["problem"], (d.get("gold") or d["pred"])["text"])
             for d in differences("quantities", gold, pred)]
    assert found == [("wrong", "14 drones"), ("missed", "two cruise missiles"),
                     ("spurious", "Monday")]


# --- documents, errors, layout ----------------------------------------------------------


def test_errors_name_missing_duplicate_and_mismatched_documents() -> None:
    gold = [doc("a"), doc("b"), doc("b"), {"text": "no id"}]
    preds = [doc("a", text="other text"), doc("c")]
    problems = {(e.id, e.problem) for e in evaluate(gold, preds).errors}
    assert problems == {
        ("b", "duplicate_id"),
        ("", "no_id"),
        ("a", "text_mismatch"),
        ("b", "missing_prediction"),
        ("c", "missing_gold"),
    }


def test_missing_prediction_counts_its_gold_as_missed() -> None:
    gold = [doc("a", hedges=[{**span(TEXT, "could not be verified"), "kind": "unverified"}])]
    h = evaluate(gold, [])["hedges"]
    assert (h.span.gold, h.span.r) == (1, 0.0)


def test_to_dict_layout_and_table() -> None:
    report = evaluate([doc()], [doc()])
    data = report.to_dict()
    assert list(data) == list(KINDS)
    assert set(data["quantities"]) == {"span", "full", "value"}
    assert set(data["locations"]) == {"span", "full", "acc161"}
    assert set(data["attributions"]) == {"span", "full", "source", "content"}
    assert set(data["hedges"]) == {"span", "full"}
    assert set(data["weapons"]) == {"span", "full", "canonical"}
    assert set(data["hedges"]["full"]) == {"p", "r", "f1", "tp", "pred", "gold"}
    table = report.to_table()
    assert table.startswith("| type | metric |") and "acc@161km" in table


def test_loaders_read_directories_jsonl_and_reject_bad_paths(tmp_path: Path) -> None:
    gold_dir = tmp_path / "gold"
    gold_dir.mkdir()
    (gold_dir / "two.json").write_text(json.dumps(doc("two")), encoding="utf-8")
    (gold_dir / "one.json").write_text(json.dumps(doc("one")), encoding="utf-8")
    (gold_dir / "notes.txt").write_text("ignored", encoding="utf-8")
    lines = tmp_path / "preds.jsonl"
    lines.write_text(json.dumps(doc("one")) + "\n\n" + json.dumps(doc("two")) + "\n")
    assert [d["id"] for d in load_gold_dir(gold_dir)] == ["one", "two"]
    assert [d["id"] for d in load_predictions(lines)] == ["one", "two"]
    bad = tmp_path / "bad.jsonl"
    bad.write_text("{not json\n")
    with pytest.raises(EvaluationInputError, match=r"bad\.jsonl:1"):
        load_predictions(bad)
    with pytest.raises(EvaluationInputError, match="no such file"):
        load_gold_dir(tmp_path / "missing")
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(EvaluationInputError, match=r"no \.json"):
        load_gold_dir(empty)


# --- CLI --------------------------------------------------------------------------------


def cli() -> typer.Typer:
    app = typer.Typer()

    @app.callback()
    def main() -> None:
        """Test application."""

    app.command("evaluate")(evaluate_command)
    return app


def test_cli_scores_a_jsonl_file_as_json(tmp_path: Path) -> None:
    gold_dir = tmp_path / "gold"
    gold_dir.mkdir()
    gold = doc("a", hedges=[{**span(TEXT, "could not be verified"), "kind": "unverified"}])
    (gold_dir / "a.json").write_text(json.dumps(gold), encoding="utf-8")
    preds = tmp_path / "p.jsonl"
    preds.write_text(json.dumps(gold) + "\n" + json.dumps(doc("z")) + "\n", encoding="utf-8")
    result = CliRunner().invoke(cli(), ["evaluate", str(gold_dir), str(preds), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["hedges"]["full"]["f1"] == 1.0
    assert data["errors"] == [{"id": "z", "problem": "missing_gold", "detail": ""}]


@pytest.mark.parametrize(
    "args",
    [
        ["/nonexistent/gold", "/nonexistent/pred"],
        ["GOLD"],
        ["GOLD", "GOLD", "--format", "xml"],
        ["GOLD", "GOLD", "--run"],
    ],
)
def test_cli_usage_errors_exit_2_with_one_line(args: list[str], tmp_path: Path) -> None:
    (tmp_path / "a.json").write_text(json.dumps(doc("a")), encoding="utf-8")
    args = [str(tmp_path) if a == "GOLD" else a for a in args]
    result = CliRunner().invoke(cli(), ["evaluate", *args])
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    assert len(result.stderr.strip().splitlines()) == 1


# --- properties -------------------------------------------------------------------------

LETTERS = st.text(alphabet="abcdefgh ", min_size=40, max_size=120)


@st.composite
def documents(draw: st.DrawFn, doc_id: str = "h") -> dict[str, Any]:
    """A random but valid gold document (spans non-empty and inside the text)."""
    text = draw(LETTERS)

    def a_span() -> dict[str, Any]:
        start = draw(st.integers(0, len(text) - 1))
        end = draw(st.integers(start + 1, min(len(text), start + 25)))
        return {"start": start, "end": end, "text": text[start:end]}

    def some(make: Any) -> list[dict[str, Any]]:
        return [make() for _ in range(draw(st.integers(0, 4)))]

    number = st.one_of(st.none(), st.integers(0, 5000))
    return doc(
        doc_id,
        text,
        quantities=some(
            lambda: {
                **a_span(),
                "low": draw(number),
                "high": draw(number),
                "unit": draw(st.sampled_from(["tank", "km", None])),
            }
        ),
        weapons=some(lambda: {**a_span(), "category": draw(st.sampled_from(["tank", "drone"]))}),
        locations=some(
            lambda: {
                **a_span(),
                "kind": draw(st.sampled_from(["country", "feature"])),
                "country": "UA",
                "lat": draw(st.floats(-80, 80)),
                "lon": draw(st.floats(-179, 179)),
            }
        ),
        attributions=some(
            lambda: {
                "source": a_span(),
                "resolved_source": "x",
                "cue": a_span(),
                "content": a_span(),
            }
        ),
        hedges=some(lambda: {**a_span(), "kind": draw(st.sampled_from(["denial", "uncertain"]))}),
    )


def all_scores(report: Any) -> list[float]:
    values: list[float] = []
    for kind in report.to_dict().values():
        for metric in kind.values():
            values.extend(v for k, v in metric.items() if k in {"p", "r", "f1", "acc"})
    return values


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(documents(), min_size=1, max_size=3))
def test_gold_scored_against_itself_is_perfect(docs: list[dict[str, Any]]) -> None:
    for i, d in enumerate(docs):
        d["id"] = f"d{i}"
    report = evaluate(docs, copy.deepcopy(docs))
    assert all(value == 1.0 for value in all_scores(report))
    assert report.errors == ()


def gold_overlaps(pred_doc: Mapping[str, Any], gold_doc: Mapping[str, Any], kind: str) -> bool:
    """Whether some gold record overlaps two predicted ones (then the pairing may shift)."""

    def iv(r: Mapping[str, Any]) -> tuple[int, int]:
        s = r["cue"] if kind == "attributions" else r
        return s["start"], s["end"]

    for g in gold_doc[kind]:
        gs, ge = iv(g)
        if sum(1 for p in pred_doc[kind] if min(ge, iv(p)[1]) > max(gs, iv(p)[0])) > 1:
            return True
    return False


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents(), documents(), st.data())
def test_deleting_a_prediction_never_raises_recall(
    gold: dict[str, Any], pred: dict[str, Any], data: st.DataObject
) -> None:
    pred["text"] = gold["text"] = gold["text"] + pred["text"]
    kind = data.draw(st.sampled_from([k for k in KINDS if pred[k]] or ["hedges"]))
    if not pred[kind]:
        return
    fewer = copy.deepcopy(pred)
    del fewer[kind][data.draw(st.integers(0, len(pred[kind]) - 1))]
    before, after = evaluate([gold], [pred])[kind], evaluate([gold], [fewer])[kind]
    assert after.span.r <= before.span.r
    # Full, value, source and content are judged on the overlap pairing; they are
    # monotone too whenever no gold record overlaps two predictions (the pairing is forced).
    if not gold_overlaps(pred, gold, kind):
        assert after.full.r <= before.full.r
        for name, metric in after.extra.items():
            if name not in ("acc161", "canonical"):  # accuracies, not recall
                assert metric.r <= before.extra[name].r  # type: ignore[union-attr]


@settings(max_examples=40, deadline=None)
@given(
    st.sets(st.sampled_from("abcdef"), max_size=6), st.sets(st.sampled_from("abcdef"), max_size=6)
)
def test_an_error_per_missing_id(gold_ids: set[str], pred_ids: set[str]) -> None:
    report = evaluate([doc(i) for i in sorted(gold_ids)], [doc(i) for i in sorted(pred_ids)])
    errors = {(e.id, e.problem) for e in report.errors}
    assert errors == {(i, "missing_prediction") for i in gold_ids - pred_ids} | {
        (i, "missing_gold") for i in pred_ids - gold_ids
    }
    assert report.documents == len(gold_ids)


# --- cross-check against a simple re-implementation of SCORING.md ------------------------


def ref_overlap(a: Mapping[str, Any] | None, b: Mapping[str, Any] | None) -> int:
    if not isinstance(a, Mapping) or not isinstance(b, Mapping):
        return 0
    try:
        return max(0, min(a["end"], b["end"]) - max(a["start"], b["start"]))
    except (KeyError, TypeError):
        return 0


def ref_same_number(a: Any, b: Any) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(a, b, rel_tol=0.005, abs_tol=0.0)


def ref_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    # spherical law of cosines: a different formula from the scorer's haversine
    p1, p2, dl = math.radians(lat1), math.radians(lat2), math.radians(lon2 - lon1)
    c = math.sin(p1) * math.sin(p2) + math.cos(p1) * math.cos(p2) * math.cos(dl)
    return 6371.0 * math.acos(max(-1.0, min(1.0, c)))


def ref_tokens_f1(a: str, b: str) -> float:
    x, y = Counter(re.findall(r"\w+", a.lower())), Counter(re.findall(r"\w+", b.lower()))
    common = sum((x & y).values())
    if not x and not y:
        return 1.0
    if not common:
        return 0.0
    p, r = common / sum(y.values()), common / sum(x.values())
    return 2 * p * r / (p + r)


def ref_checks(kind: str, g: Mapping[str, Any], p: Mapping[str, Any]) -> dict[str, bool]:
    if kind == "quantities":
        value = ref_same_number(g["low"], p.get("low")) and ref_same_number(
            g["high"], p.get("high")
        )
        return {"full": value and g["unit"] == p.get("unit"), "value": value}
    if kind == "weapons":
        return {"full": g["category"] == p.get("category")}
    if kind == "hedges":
        return {"full": g["kind"] == p.get("kind")}
    if kind == "locations":
        if g["kind"] == "country":
            right = g["country"] == p.get("country")
        else:
            right = (
                p.get("lat") is not None
                and p.get("lon") is not None
                and ref_km(g["lat"], g["lon"], p["lat"], p["lon"]) <= 161
            )
        return {"full": right, "acc161": right}
    source = (
        ref_overlap(g["source"], p.get("source")) > 0
        or str(g["resolved_source"]).lower() == str(p.get("resolved_source")).lower()
    )
    content = ref_tokens_f1(g["content"]["text"], (p.get("content") or {}).get("text", "")) >= 0.5
    return {"full": source and content, "source": source, "content": content}


def reference_scores(golds: list[dict[str, Any]], preds: list[dict[str, Any]]) -> dict[str, Any]:
    """All-pairs greedy pairing per document and type, then micro-averaged F1 per metric."""
    by_id = {p["id"]: p for p in preds}
    tally: dict[str, Counter[str]] = {k: Counter() for k in KINDS}
    for gold in golds:
        pred = by_id.get(gold["id"], {})
        for kind in KINDS:
            gs, ps = gold.get(kind, []), pred.get(kind, [])
            key = "cue" if kind == "attributions" else None
            candidates = sorted(
                (-ref_overlap(g[key] if key else g, p.get(key) if key else p), i, j)
                for i, g in enumerate(gs)
                for j, p in enumerate(ps)
            )
            taken_g: set[int] = set()
            taken_p: set[int] = set()
            tally[kind]["gold"] += len(gs)
            tally[kind]["pred"] += len(ps)
            for negative, i, j in candidates:
                if negative < 0 and i not in taken_g and j not in taken_p:
                    taken_g.add(i)
                    taken_p.add(j)
                    tally[kind]["span"] += 1
                    for name, ok in ref_checks(kind, gs[i], ps[j]).items():
                        tally[kind][name] += ok
    scores: dict[str, Any] = {}
    for kind, t in tally.items():

        def f1(tp: int, t: Counter[str] = t) -> float:
            return 2 * tp / (t["pred"] + t["gold"]) if t["pred"] + t["gold"] else 1.0

        scores[kind] = {
            name: f1(t[name])
            for name in ("span", "full", "value", "source", "content")
            if name in t or name in ("span", "full")
        }
        if kind == "locations":
            scores[kind]["acc161"] = t["acc161"] / t["span"] if t["span"] else 1.0
    return scores


def perturb(documents: list[dict[str, Any]], seed: int) -> list[dict[str, Any]]:
    """Plausible system output: dropped, shifted, mislabelled and spurious records."""
    rng = random.Random(seed)
    out = []
    for gold in documents:
        pred = copy.deepcopy(gold)
        n = len(pred["text"])
        for kind in KINDS:
            kept = []
            for r in pred[kind]:
                if rng.random() < 0.2:
                    continue
                s = r["cue"] if kind == "attributions" else r
                shift = rng.choice([0, 0, 2, -3, 6])
                s["start"], s["end"] = max(0, s["start"] + shift), min(n, s["end"] + shift)
                if rng.random() < 0.3:
                    if kind == "quantities":
                        r["low"] = None if r["low"] is None else r["low"] * rng.choice([1.001, 2])
                        r["unit"] = rng.choice([r["unit"], None, "person"])
                    elif kind == "weapons":
                        r["category"] = "other"
                    elif kind == "hedges":
                        r["kind"] = "uncertain"
                    elif kind == "locations":
                        r["country"], r["lat"] = "RU", (r["lat"] or 0) + rng.choice([0.5, 2.0])
                    else:
                        r["resolved_source"] = "someone"
                        r["source"] = {"start": 0, "end": 1, "text": pred["text"][:1]}
                        r["content"]["text"] = r["content"]["text"][: rng.randint(0, 30)]
                kept.append(r)
            for _ in range(rng.randint(0, 3)):  # spurious records
                start = rng.randrange(0, max(1, n - 10))
                fake = {"start": start, "end": start + 8, "text": pred["text"][start : start + 8]}
                if kind == "attributions":
                    kept.append(
                        {"source": fake, "resolved_source": "x", "cue": fake, "content": fake}
                    )
                else:
                    kept.append(
                        {
                            **fake,
                            "low": 1,
                            "high": 1,
                            "unit": "x",
                            "category": "tank",
                            "kind": "denial",
                            "country": "UA",
                            "lat": 0.0,
                            "lon": 0.0,
                        }
                    )
            pred[kind] = kept
        out.append(pred)
    return out


def compare(golds: list[dict[str, Any]], preds: list[dict[str, Any]]) -> None:
    ours = evaluate(golds, preds).to_dict()
    ref = reference_scores(golds, preds)
    for kind, metrics in ref.items():
        for name, value in metrics.items():
            got = ours[kind][name]["acc" if name == "acc161" else "f1"]
            assert got == pytest.approx(value, abs=0.01), (kind, name)


@pytest.mark.skipif(DEV is None, reason="no dev corpus found")
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_scorer_agrees_with_a_simple_reimplementation_on_the_dev_corpus(seed: int) -> None:
    assert DEV is not None
    golds = load_gold_dir(DEV)
    compare(golds, perturb(golds, seed))


@pytest.mark.skipif(DEV is None, reason="no dev corpus found")
def test_scorer_agrees_on_pipeline_output() -> None:
    assert DEV is not None
    claimscope = pytest.importorskip("claimscope")
    golds = load_gold_dir(DEV)[:6]  # a few documents keep the test fast
    pipeline = claimscope.PipelineSpec().build()  # cached: shared with other tests
    preds = [
        r.to_dict() for r in pipeline.pipe([{"id": g["id"], "text": g["text"]} for g in golds])
    ]
    compare(golds, preds)
