"""The command line, run as a user runs it: a real process, real files, exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT.parent / "shared" / "corpus" / "seed" / "seed.json"
EXAMPLE = ROOT / "examples" / "bakhmut_briefing.txt"


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "claimscope", *args], input=stdin,
                          capture_output=True, text=True, timeout=300, cwd=ROOT)


def test_extract_example_as_json_gives_one_object_with_claims() -> None:
    done = run("extract", str(EXAMPLE), "--format", "json")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["id"] == "bakhmut_briefing"
    assert data["claims"] and data["quantities"] and data["hedges"]
    assert "Traceback" not in done.stderr


@pytest.mark.skipif(not SEED.exists(), reason="../shared is not beside the repository")
def test_extract_seed_gold_passes_the_corpus_validator(tmp_path: Path) -> None:
    out = tmp_path / "seed.json"
    done = run("extract", str(SEED), "--format", "json", "-o", str(out))
    assert done.returncode == 0, done.stderr
    check = subprocess.run([sys.executable, str(SEED.parents[1] / "validate.py"), str(out)],
                           capture_output=True, text=True)
    assert check.returncode == 0, check.stdout
    assert json.loads(out.read_text(encoding="utf-8"))["claims"]


def test_jsonl_with_one_broken_line_keeps_the_others(tmp_path: Path) -> None:
    lines = [json.dumps({"id": f"d{i}", "text": f"Report {i} was reportedly false."})
             for i in range(20)]
    lines.insert(20, '{"id": "broken", "text": ')
    source = tmp_path / "batch.jsonl"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    done = run("extract", str(source), "--format", "jsonl")
    assert done.returncode == 1
    results = [json.loads(line) for line in done.stdout.splitlines()]
    assert [r["id"] for r in results] == [f"d{i}" for i in range(20)]
    assert f"{source}:21: bad JSON" in done.stderr
    assert "Traceback" not in done.stderr


def test_unreadable_and_missing_files_are_named(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("Officials said it was likely.", encoding="utf-8")
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Caf\xe9 bombed".encode("latin-1"))
    done = run("extract", str(latin), str(tmp_path / "missing.txt"), str(good))
    assert done.returncode == 1
    assert [json.loads(line)["id"] for line in done.stdout.splitlines()] == ["good"]
    assert f"{latin}: not utf-8 text" in done.stderr
    assert "missing.txt: no such file" in done.stderr
    replaced = run("extract", str(latin), "--encoding", "latin-1")
    assert replaced.returncode == 0 and "Café" in replaced.stdout


def test_stdin_text_and_table_format() -> None:
    done = run("extract", "-", "--format", "table", stdin="Up to 40 tanks were reportedly seen.")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("== stdin:")


def test_usage_errors_exit_2_without_traceback() -> None:
    for args in (["extract", "-", "--extractors", "nope"], ["extract", "-", "--format", "xml"],
                 ["extract", "-", "--model", "no_such_spacy_model"]):
        done = run(*args, stdin="x")
        assert done.returncode == 2, (args, done.stderr)
        assert "Traceback" not in done.stderr


def test_plugins_lists_every_built_in_extractor() -> None:
    done = run("plugins", "--format", "json")
    assert done.returncode == 0, done.stderr
    listed = {entry["name"]: entry for entry in json.loads(done.stdout)}
    assert {"quantities", "weapons", "locations", "attribution", "hedges"} <= set(listed)
    assert listed["weapons"]["produces"] == ["weapons"]


def test_closed_pipe_is_quiet(tmp_path: Path) -> None:
    source = tmp_path / "many.jsonl"
    source.write_text("".join(json.dumps({"id": str(i), "text": "It reportedly fell."}) + "\n"
                              for i in range(300)), encoding="utf-8")
    shell = f"{sys.executable} -m claimscope extract {source} | head -n 1"
    done = subprocess.run(shell, shell=True, capture_output=True, text=True, cwd=ROOT)
    assert done.stdout.count("\n") == 1
    assert "Traceback" not in done.stderr and "BrokenPipe" not in done.stderr
