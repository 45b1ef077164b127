"""Streaming ``claimscope extract``: errors file, resume, CSV, progress, laziness."""

from __future__ import annotations

import csv
import io
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from claimscope import PipelineSpec
from claimscope.cli import app
from claimscope.cli.output import resume_ids
from claimscope.frame import CLAIM_COLUMNS, to_frame

ROOT = Path(__file__).resolve().parents[1]
TEXTS = [
    "Officials said 40 tanks were destroyed near Kharkiv.",
    "The ministry claimed that up to 12 drones were shot down, which could not be verified.",
    "Residents reported shelling overnight.",
    "A spokesman denied that any troops had crossed the border.",
]


def write_jsonl(path: Path, count: int, broken_at: int | None = None) -> Path:
    lines = [json.dumps({"id": f"d{i}", "text": TEXTS[i % len(TEXTS)]}) for i in range(count)]
    if broken_at is not None:
        lines.insert(broken_at - 1, '{"id": "torn", "text": "Up to 40')
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def extract(*args: str, stdin: str | None = None):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(app, ["extract", *args], input=stdin)


def ids_of(path: Path) -> list[str]:
    return [json.loads(line)["id"] for line in path.read_text(encoding="utf-8").splitlines()]


def test_broken_line_21_gives_20_results_and_an_errors_record(tmp_path: Path) -> None:
    source = write_jsonl(tmp_path / "news.jsonl", 20, broken_at=21)
    errors = tmp_path / "errors.jsonl"
    done = extract(str(source), "--errors", str(errors), "--no-progress")
    assert done.exit_code == 1
    assert [json.loads(line)["id"] for line in done.stdout.splitlines()] == [
        f"d{i}" for i in range(20)]
    assert f"{source}:21: bad JSON" in done.stderr
    [record] = [json.loads(line) for line in errors.read_text().splitlines()]
    assert record["source"] == str(source) and record["line"] == 21
    assert record["message"].startswith("bad JSON") and record["id"] is None


def test_errors_file_names_the_id_of_a_record_without_text(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text('{"id": "x1", "body": 3}\n{"id": "x2", "text": "Fine."}\n')
    errors = tmp_path / "errors.jsonl"
    done = extract(str(source), "--errors", str(errors))
    assert done.exit_code == 1 and ids_of_stdout(done.stdout) == ["x2"]
    record = json.loads(errors.read_text())
    assert (record["id"], record["line"]) == ("x1", 1)


def ids_of_stdout(stdout: str) -> list[str]:
    return [json.loads(line)["id"] for line in stdout.splitlines()]


def test_text_and_id_keys(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps({"doc": "k1", "body": TEXTS[0], "lang": "en"}) + "\n")
    done = extract(str(source), "--text-key", "body", "--id-key", "doc")
    assert done.exit_code == 0, done.stderr
    [result] = [json.loads(line) for line in done.stdout.splitlines()]
    assert (result["id"], result["text"], result["lang"]) == ("k1", TEXTS[0], "en")


def test_resume_skips_done_ids_and_drops_a_torn_last_line(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    assert extract(str(write_jsonl(tmp_path / "first.jsonl", 6)), "-o", str(out)).exit_code == 0
    first = out.read_text(encoding="utf-8")
    out.write_text(first + first.splitlines()[0][:25], encoding="utf-8")  # a torn write
    done = extract(str(write_jsonl(tmp_path / "all.jsonl", 10)), "-o", str(out), "--resume")
    assert done.exit_code == 0, done.stderr
    assert ids_of(out) == [f"d{i}" for i in range(10)]
    assert out.read_text(encoding="utf-8").startswith(first)


def test_resume_after_a_real_kill_continues_without_duplicates(tmp_path: Path) -> None:
    source = write_jsonl(tmp_path / "many.jsonl", 400)
    out = tmp_path / "out.jsonl"
    command = [sys.executable, "-m", "claimscope", "extract", str(source), "-o", str(out),
               "--batch-size", "1", "--extractors", "hedges,quantities"]
    process = subprocess.Popen(command, cwd=ROOT, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while (not out.exists() or out.stat().st_size < 2000) and time.monotonic() < deadline:
        if process.poll() is not None:
            break
        time.sleep(0.05)
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    assert out.read_text(encoding="utf-8").count("\n") < 400, "finished before the kill"
    resumed = subprocess.run([*command, "--resume"], cwd=ROOT, capture_output=True, text=True,
                             timeout=300)
    assert resumed.returncode == 0, resumed.stderr
    assert ids_of(out) == [f"d{i}" for i in range(400)]


def test_csv_has_one_row_per_claim(tmp_path: Path) -> None:
    source = write_jsonl(tmp_path / "in.jsonl", 4)
    done = extract(str(source), "--format", "csv")
    assert done.exit_code == 0, done.stderr
    rows = list(csv.DictReader(io.StringIO(done.stdout)))
    docs = [{"id": f"d{i}", "text": text} for i, text in enumerate(TEXTS)]
    results = list(PipelineSpec().build().pipe(docs))
    assert len(rows) == sum(len(r.claims) for r in results) > 0
    assert tuple(rows[0]) == CLAIM_COLUMNS
    assert {row["id"] for row in rows} <= {f"d{i}" for i in range(4)}


def test_csv_resume_rewrites_the_last_document(tmp_path: Path) -> None:
    out = tmp_path / "out.csv"
    source = write_jsonl(tmp_path / "in.jsonl", 8)
    assert extract(str(source), "--format", "csv", "-o", str(out)).exit_code == 0
    whole = out.read_text(encoding="utf-8")
    lines = whole.splitlines(keepends=True)
    out.write_text("".join(lines[:-1]) + lines[-1][:10], encoding="utf-8")
    done = extract(str(source), "--format", "csv", "-o", str(out), "--resume")
    assert done.exit_code == 0, done.stderr
    assert out.read_text(encoding="utf-8") == whole


def test_resume_needs_a_resumable_output_file() -> None:
    assert extract("-", "--resume", stdin="x").exit_code == 2
    assert extract("-", "--resume", "-o", "x.json", "--format", "json", stdin="x").exit_code == 2


def test_progress_bar_only_when_asked_or_on_a_terminal(tmp_path: Path) -> None:
    source = write_jsonl(tmp_path / "in.jsonl", 5)
    shown = extract(str(source), "--progress")
    assert "5/5" in shown.stderr and "doc" in shown.stderr and "words/s" in shown.stderr
    assert "doc" not in extract(str(source)).stderr  # stderr is not a terminal here
    assert extract(str(source), "--no-progress").stderr == ""


def test_output_streams_before_the_input_ends() -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "claimscope", "extract", "-", "--batch-size", "1",
         "--extractors", "hedges"], cwd=ROOT,
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    assert process.stdin is not None and process.stdout is not None
    process.stdin.write(json.dumps({"id": "first", "text": TEXTS[0]}) + "\n")
    process.stdin.flush()
    first = process.stdout.readline()  # arrives while stdin is still open
    process.stdin.write(json.dumps({"id": "second", "text": TEXTS[1]}) + "\n")
    process.stdin.close()
    rest = process.stdout.read()
    assert process.wait(timeout=60) == 0
    assert json.loads(first)["id"] == "first" and json.loads(rest)["id"] == "second"


def test_to_frame_has_a_row_per_claim() -> None:
    pytest.importorskip("pandas")
    results = list(PipelineSpec().build().pipe(TEXTS))
    frame = to_frame(results)
    assert list(frame.columns) == list(CLAIM_COLUMNS)
    assert len(frame) == sum(len(r.claims) for r in results)


@settings(max_examples=40)
@given(cut=st.integers(min_value=0, max_value=10_000))
def test_resume_ids_keep_a_prefix_of_whole_lines(tmp_path_factory: pytest.TempPathFactory,
                                                  cut: int) -> None:
    out = tmp_path_factory.mktemp("resume") / "out.jsonl"
    full = "".join(json.dumps({"id": f"r{i}", "text": "é" * i}) + "\n" for i in range(30))
    data = full.encode("utf-8")[: cut % (len(full.encode("utf-8")) + 1)]
    out.write_bytes(data)
    done = resume_ids(out, "jsonl")
    kept = out.read_text(encoding="utf-8")
    assert full.startswith(kept) and (kept == "" or kept.endswith("\n"))
    assert done == {json.loads(line)["id"] for line in kept.splitlines()}
