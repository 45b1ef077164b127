"""The HTML view: ``claimscope.render``, ``render_index`` and ``claimscope render``."""

from __future__ import annotations

import html
import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from claimscope import PipelineSpec
from claimscope.cli import app
from claimscope.render import COLOURS, render, render_index
from claimscope.types import Document, Hedge, Location, Result

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT.parent / "shared" / "corpus" / "seed" / "seed.json"
ARTICLE = (
    "Kyiv Says Drones Downed Over Odesa\n\n"
    "Ukraine's air force said on Tuesday that it had shot down 18 of 20 Shahed drones "
    "launched overnight at Odesa. The claim could not be independently verified.\n"
    "Residents said at least three houses were damaged near the port of Odesa."
)


@pytest.fixture(scope="module")
def result() -> Result:
    return PipelineSpec().build()({"id": "odesa", "title": "Drones over Odesa", "text": ARTICLE})


def test_page_shows_every_claim_with_status_source_and_cue(result: Result) -> None:
    page = render(result)
    assert page.startswith("<!DOCTYPE html>") and page.rstrip().endswith("</html>")
    assert f"Claims ({len(result.claims)})" in page and result.claims
    for claim in result.claims:
        assert html.escape(claim.content.text) in page
        assert f">{claim.status}</span>" in page
        if claim.attribution is not None:
            assert html.escape(claim.attribution.source.resolved) in page
            assert html.escape(claim.attribution.cue.text) in page


def test_mentions_are_marked_in_the_text_with_a_legend(result: Result) -> None:
    page = render(result)
    assert "Legend" in page
    for quantity in result.quantities:
        label = f"QUANTITY {quantity.kind}"
        assert label in page and COLOURS[label] in page
    for location in result.locations:
        assert f"LOCATION {location.kind}" in page


def test_stored_json_renders_the_same_page(result: Result) -> None:
    stored = json.loads(json.dumps(result.to_dict()))
    assert render(stored) == render(result)


def test_text_is_escaped() -> None:
    text = 'Officials said <script>alert("x")</script> 3 tanks & more.'
    page = render(Result(document=Document(id="<b>", text=text)))
    assert "<script>" not in page and "&lt;script&gt;" in page and "id &lt;b&gt;" in page


def test_index_page_links_a_section_per_document(result: Result) -> None:
    other = Result(document=Document(id="empty", text=""))
    page = render_index([result, other.to_dict()], title="Batch")
    assert page.count("<section") == 2
    assert 'href="#doc-1"' in page and 'href="#doc-2"' in page
    assert "Batch: 2 documents" in page


@pytest.mark.skipif(not SEED.exists(), reason="../shared is not beside the repository")
def test_cli_renders_the_seed_gold(tmp_path: Path) -> None:
    out = tmp_path / "seed.html"
    done = CliRunner().invoke(app, ["render", str(SEED), "-o", str(out)])
    assert done.exit_code == 0, done.stderr
    page = out.read_text(encoding="utf-8")
    assert "Konashenkov" in page
    assert "SOURCE person" in page and "WEAPON" in page
    assert "Claims (0)" not in page  # claims are assembled from the gold attributions


def test_cli_names_a_bad_line_and_renders_the_rest(tmp_path: Path, result: Result) -> None:
    source = tmp_path / "results.jsonl"
    good = json.dumps(result.to_dict())
    source.write_text(f"{good}\n{{broken\n{json.dumps({'id': 'no-text'})}\n{good}\n")
    done = CliRunner().invoke(app, ["render", str(source)])
    assert done.exit_code == 1
    assert f"{source}:2: bad JSON" in done.stderr
    assert f"{source}:3: not a claimscope result" in done.stderr
    assert done.stdout.count("<section") == 2


@st.composite
def texts_with_mentions(draw: st.DrawFn) -> Result:
    text = draw(st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)),
                        max_size=80))
    records: list[Location | Hedge] = []
    for _ in range(draw(st.integers(0, 5))):
        start = draw(st.integers(0, len(text)))
        end = draw(st.integers(start, len(text)))
        if start < end:
            records.append(Hedge(start=start, end=end, text=text[start:end], kind="uncertain"))
            records.append(Location(start=start, end=end, text=text[start:end], name="X",
                                    kind="region", country=None, lat=0.0, lon=0.0))
    return Result(document=Document(id="h", text=text),
                  hedges=[r for r in records if isinstance(r, Hedge)],
                  locations=[r for r in records if isinstance(r, Location)])


@given(texts_with_mentions())
def test_any_text_and_spans_render(result: Result) -> None:
    page = render(result)
    assert page.startswith("<!DOCTYPE html>")
    for word in result.document.text.split()[:5]:
        assert word in html.unescape(page) or result.locations  # a mark may split it
    assert "<" not in result.document.text or html.escape("<") in page
