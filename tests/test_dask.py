"""Dask scale-out gives exactly what the single-process run gives."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from claimscope import PipelineSpec
from claimscope.cli import app

distributed = pytest.importorskip("distributed")
dask_bag = pytest.importorskip("dask.bag")
dask_dataframe = pytest.importorskip("dask.dataframe")
pandas = pytest.importorskip("pandas")

from claimscope.dask import claims_frame, extract_bag, extract_frame, pipe  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "bakhmut_briefing.txt"
TEXTS = [
    "Officials said 40 tanks were destroyed near Kharkiv on Monday.",
    "The ministry claimed that up to 12 drones were shot down, which could not be verified.",
    "Residents reported shelling overnight in two villages.",
    "A spokesman denied that any troops had crossed the border.",
    "",
    "More than 1,000 people were evacuated, according to the regional governor.",
]


def records() -> list[dict[str, Any]]:
    docs = [{"id": f"t{i}", "text": text, "feed": "wire"} for i, text in enumerate(TEXTS)]
    return [*docs, {"id": "example", "text": EXAMPLE.read_text(encoding="utf-8")}]


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    # The adapters on an in-process cluster (cheap: the pipeline is already built here);
    # worker processes are exercised by the --dask local:2 test below.
    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=False,
                                  dashboard_address=":0") as cluster, \
            distributed.Client(cluster) as connected:
        yield connected


def single_process() -> list[dict[str, Any]]:
    return [result.to_dict() for result in PipelineSpec().build().pipe(records(), batch_size=3)]


def test_bag_equals_the_single_process_run(client: Any) -> None:
    bag = dask_bag.from_sequence(records(), npartitions=3)
    assert extract_bag(bag, PipelineSpec()).compute() == single_process()


def test_ordered_stream_on_the_cluster(client: Any) -> None:
    streamed = [r.to_dict() for r in pipe(client, PipelineSpec(), iter(records()), batch_size=2)]
    assert streamed == single_process()


def test_frame_helpers(client: Any) -> None:
    frame = dask_dataframe.from_pandas(pandas.DataFrame(records()), npartitions=2)
    out = extract_frame(frame, PipelineSpec()).compute()
    expected = single_process()
    assert out["id"].tolist() == [r["id"] for r in expected]
    assert [json.loads(text)["claims"] for text in out["result"]] == [
        r["claims"] for r in expected]
    claims = claims_frame(extract_frame(frame, PipelineSpec())).compute()
    assert len(claims) == sum(len(r["claims"]) for r in expected)


def test_cli_dask_local_2_output_is_identical(tmp_path: Path) -> None:
    source = tmp_path / "news.jsonl"
    source.write_text("".join(json.dumps(r) + "\n" for r in records()) + "not json\n",
                      encoding="utf-8")
    runner = CliRunner()
    alone = runner.invoke(app, ["extract", str(source), "--batch-size", "2"])
    spread = runner.invoke(app, ["extract", str(source), "--batch-size", "2",
                                 "--dask", "local:2"])
    assert spread.exit_code == alone.exit_code == 1  # the bad last line
    assert spread.stdout == alone.stdout
    assert len(spread.stdout.splitlines()) == len(records())
    assert f"{source}:{len(records()) + 1}: bad JSON" in spread.stderr


def test_cli_dask_usage_errors() -> None:
    runner = CliRunner()
    assert runner.invoke(app, ["extract", "-", "--dask", "nowhere"], input="x").exit_code == 2
    assert runner.invoke(app, ["extract", "-", "--dask", "local:2", "--n-process", "2"],
                         input="x").exit_code == 2
    assert runner.invoke(app, ["extract", "-", "--dask", "local:0"], input="x").exit_code == 2
