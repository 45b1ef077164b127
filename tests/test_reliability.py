"""Hostile input, slow or faulty plugins, and no network: nothing raises, nothing is lost."""

from __future__ import annotations

import json
import random
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import claimscope
import claimscope.extractors.hedges as hedges_plugin
from claimscope import Pipeline, PluginRegistry, hookimpl
from claimscope.plugins import PluginRegistry as Registry
from claimscope.testing.strategies import news_like_texts
from claimscope.tokenizer import LONG_CHUNK, GuardedTokenizer
from claimscope.validate import span_problem

ROOT = Path(__file__).resolve().parents[1]

hostile_text = st.text(alphabet=st.characters(codec=None, exclude_categories=()), max_size=300)
long_runs = st.builds(lambda a, n, b: a + b * n + a, st.text(max_size=20),
                      st.integers(LONG_CHUNK - 5, LONG_CHUNK * 3),
                      st.sampled_from(['"', "-", "1", "a", "“", "\u200d", ".", "A-"]))


@pytest.fixture(scope="module")
def guarded() -> GuardedTokenizer:
    import spacy

    nlp = spacy.blank("en")
    return GuardedTokenizer(nlp.tokenizer, nlp.vocab)


@given(text=hostile_text | long_runs | news_like_texts())
def test_the_guarded_tokenizer_keeps_the_text(guarded: GuardedTokenizer, text: str) -> None:
    text = text.encode("utf-8", "replace").decode("utf-8")
    assert guarded(text).text == text


@given(hostile_text | long_runs)
def test_hostile_unicode_never_raises(text: str) -> None:
    result = claimscope.extract(text)
    assert len(result.document.text) == len(text)
    for mention in (*result.quantities, *result.weapons, *result.locations, *result.hedges):
        assert span_problem(mention, result.document.text) is None


def test_lone_surrogates_are_replaced_and_reported() -> None:
    result = Pipeline(extractors=["hedges"])("It was \ud800 reportedly hit.")
    assert result.document.text == "It was \ufffd reportedly hit."
    assert [h.text for h in result.hedges] == ["reportedly"]
    assert "surrogate" in result.diagnostics[0].message
    json.dumps(result.to_dict()).encode("utf-8")  # the output is encodable


class _Slow:
    name = "slow"
    version = "0"
    produces = frozenset({"hedges"})
    uses: frozenset[str] = frozenset()

    def extract(self, doc: Any) -> Iterator[Any]:
        time.sleep(0.05)
        return iter(())


class _SlowPlugin:
    @hookimpl
    def claimscope_register_extractors(self, register: Any) -> None:
        register(_Slow())


def test_an_extractor_over_its_time_budget_is_named() -> None:
    registry = PluginRegistry(load_entry_points=False)
    registry.register(_SlowPlugin(), name="slow-plugin")
    registry.register(hedges_plugin, name="hedges")
    result = Pipeline(registry=registry, time_budget=0.01)("It reportedly fell.")
    slow = [d for d in result.diagnostics if d.plugin == "slow"]
    assert [(d.severity, "budget" in d.message) for d in slow] == [("warning", True)]
    assert result.hedges and result.ok


def test_custom_registries_cannot_be_sent_to_worker_processes() -> None:
    pipeline = Pipeline(registry=Registry(load_entry_points=False))
    with pytest.raises(ValueError, match="cannot cross processes"):
        list(pipeline.pipe(["a"], n_process=2))


def test_the_pipeline_runs_without_network() -> None:
    script = (
        "import socket\n"
        "def refuse(*a, **k): raise OSError('network used')\n"
        "socket.socket.connect = refuse\nsocket.create_connection = refuse\n"
        "socket.getaddrinfo = refuse\n"
        "import claimscope\n"
        "r = claimscope.Pipeline()(open('examples/bakhmut_briefing.txt').read())\n"
        "assert r.ok, r.diagnostics\nprint(len(r.claims))\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          cwd=ROOT, timeout=300)
    assert done.returncode == 0, done.stderr
    assert int(done.stdout.split()[-1]) > 0


def _hostile_files(folder: Path) -> dict[str, Path]:
    rng = random.Random(20261125)
    files = {
        "empty.txt": b"",
        "random.txt": bytes(rng.getrandbits(8) for _ in range(200_000)),
        "latin1.txt": "Le dépôt a été touché à Kherson, a déclaré l'armée.".encode("latin-1"),
        "quotes.txt": b'"' * 50_000,
        "digits.txt": b"1" * 100_000,
        "codepoints.txt": "".join(chr(rng.choice([rng.randrange(32, 0xD800),
                                                  rng.randrange(0xE000, 0x110000)]))
                                  for _ in range(300_000)).encode("utf-8", "replace"),
    }
    paths = {}
    for name, data in files.items():
        paths[name] = folder / name
        paths[name].write_bytes(data)
    return paths


def test_hostile_files_end_with_output_or_a_one_line_error(tmp_path: Path) -> None:
    paths = _hostile_files(tmp_path)
    for name, path in paths.items():
        started = time.monotonic()
        done = subprocess.run([sys.executable, "-m", "claimscope", "extract", str(path)],
                              capture_output=True, text=True, timeout=120, cwd=ROOT)
        elapsed = time.monotonic() - started
        assert "Traceback" not in done.stderr, (name, done.stderr[-2000:])
        assert elapsed < 60, (name, elapsed)
        if name in ("random.txt", "latin1.txt"):
            assert done.returncode == 1 and done.stderr.count("not utf-8 text") == 1, name
        else:
            assert done.returncode == 0, (name, done.stderr[-500:])
            assert json.loads(done.stdout)["id"] == path.stem


@pytest.mark.fuzz
@settings(max_examples=10_000, deadline=None)
@given(hostile_text | long_runs | news_like_texts(max_words=200))
def test_fuzz_every_extractor(text: str) -> None:
    result = claimscope.extract(text, strict=True)
    assert result.document.text == text.encode("utf-8", "surrogatepass").decode(
        "utf-8", "surrogatepass") or result.diagnostics


def test_lenient_decoding_is_counted_in_the_diagnostics(tmp_path: Path) -> None:
    from claimscope.cli.inputs import read_inputs

    path = tmp_path / "mixed.txt"
    path.write_bytes(b"Caf\xe9 \xff\xfe was reportedly hit.")
    (document,) = read_inputs([str(path)], errors="replace")
    result = Pipeline(extractors=["hedges"])(document)
    assert result.document.text == "Caf\ufffd \ufffd\ufffd was reportedly hit."
    assert any("3 undecodable" in d.message for d in result.diagnostics)
    assert result.ok  # a warning, not a failure
    (dropped,) = read_inputs([str(path)], errors="ignore")
    assert dropped.text == "Caf  was reportedly hit."
    assert dropped.metadata["decode_replacements"] == 3
