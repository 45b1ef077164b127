"""Plugin discovery and the hook contract, tested the way plugin authors use them."""

from __future__ import annotations

import importlib.util
import inspect
import os
from pathlib import Path

import pytest

import claimscope
from claimscope import Pipeline, PluginRegistry, hookspecs
from claimscope.plugins import DISABLE_ENV, LOAD_ENV

BUILT_INS = {"quantities", "weapons", "locations", "attribution", "hedges"}
HOOKS = sorted(name for name, _ in inspect.getmembers(hookspecs, inspect.isfunction)
               if name.startswith("claimscope_"))
DEMO_INSTALLED = importlib.util.find_spec("claimscope_demo_plugin") is not None


@pytest.mark.parametrize("hook", HOOKS)
def test_every_hook_is_documented_with_its_signature(hook: str) -> None:
    function = getattr(hookspecs, hook)
    doc = inspect.getdoc(function) or ""
    assert len(doc.splitlines()) >= 3, f"{hook} needs a real docstring"
    assert "Collected" in doc or "firstresult" in doc, f"{hook}: say how results combine"
    for parameter in inspect.signature(function).parameters:
        assert f":param {parameter}:" in doc


@pytest.mark.parametrize("hook", HOOKS)
def test_every_hook_has_a_test(hook: str) -> None:
    assert f"test_hook_{hook}" in globals(), f"write test_hook_{hook}"


def test_built_in_extractors_come_through_the_entry_point_group() -> None:
    registry = PluginRegistry()
    infos = {info.name: info for info in registry.extractor_infos()}
    assert set(infos) >= BUILT_INS, registry.load_errors
    for name in BUILT_INS:
        assert infos[name].distribution == "claimscope"
        assert infos[name].plugin == name


def test_allow_list_restricts_plugins(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(LOAD_ENV, "hedges")
    assert PluginRegistry().plugin_names() == ["hedges"]
    monkeypatch.setenv(LOAD_ENV, "")
    assert PluginRegistry().plugin_names() == []


def test_block_list_removes_plugins(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(DISABLE_ENV, "hedges, weapons")
    names = PluginRegistry().plugin_names()
    assert "hedges" not in names and "weapons" not in names
    assert "quantities" in names


def test_a_plugin_that_fails_to_import_is_reported(monkeypatch: pytest.MonkeyPatch) -> None:
    from importlib import metadata

    broken = metadata.EntryPoint(name="broken", value="no_such_module_xyz",
                                 group=hookspecs.PROJECT_NAME)
    monkeypatch.setattr(metadata, "entry_points", lambda group: [broken])
    registry = PluginRegistry()
    assert registry.plugin_names() == []
    assert registry.load_errors[0].plugin == "broken"
    assert "no_such_module_xyz" in registry.load_errors[0].message


def test_duplicate_extractor_names_are_refused() -> None:
    import claimscope.extractors.hedges as hedges_plugin

    class Again:
        @claimscope.hookimpl
        def claimscope_register_extractors(self, register):  # type: ignore[no-untyped-def]
            hedges_plugin.claimscope_register_extractors(register)

    registry = PluginRegistry(load_entry_points=False)
    registry.register(hedges_plugin, name="hedges")
    registry.register(Again(), name="again")
    assert [i.name for i in registry.extractor_infos()] == ["hedges"]
    assert "already taken" in registry.load_errors[0].message


def test_hook_claimscope_register_extractors() -> None:
    names = {info.name for info in Pipeline().extractor_infos}
    assert names >= BUILT_INS


def test_hook_claimscope_prepare_nlp() -> None:
    calls = []

    class Preparer:
        @claimscope.hookimpl
        def claimscope_register_extractors(self, register):  # type: ignore[no-untyped-def]
            import claimscope.extractors.hedges as hedges_plugin

            hedges_plugin.claimscope_register_extractors(register)

        @claimscope.hookimpl
        def claimscope_prepare_nlp(self, nlp):  # type: ignore[no-untyped-def]
            calls.append(nlp.pipe_names)
            nlp.add_pipe("merge_entities")

    registry = PluginRegistry(load_entry_points=False)
    registry.register(Preparer(), name="preparer")
    pipeline = Pipeline(registry=registry)
    assert calls == [["sentencizer"]]
    assert "merge_entities" in pipeline.nlp.pipe_names


def test_hook_claimscope_enrich_result() -> None:
    class Stamp:
        @claimscope.hookimpl
        def claimscope_enrich_result(self, result):  # type: ignore[no-untyped-def]
            import attrs

            return attrs.evolve(result, error="stamped")

    registry = PluginRegistry(load_entry_points=False)
    registry.register(Stamp(), name="stamp")
    assert Pipeline(registry=registry)("text").error == "stamped"


@pytest.mark.skipif(not DEMO_INSTALLED and not os.environ.get("CI"),
                    reason="pip install -e tests/plugin_package to run")
def test_a_separately_installed_plugin_is_discovered_and_runs() -> None:
    assert DEMO_INSTALLED, "CI must install tests/plugin_package"
    pipeline = Pipeline()
    info = {i.name: i for i in pipeline.extractor_infos}["demo_percent"]
    assert info.distribution == "claimscope-demo-plugin"
    result = pipeline("Prices rose 12% in a week.")
    assert [(q.text, q.plugin) for q in result.quantities if q.plugin == "demo_percent"] == [
        ("12%", "demo_percent")]
    assert result.document.metadata["demo_plugin"] == "seen"
    assert "demo_percent" in pipeline.nlp.meta["claimscope_plugins"]


DOCS = Path(__file__).resolve().parents[1] / "docs" / "plugin_hooks.md"


@pytest.mark.parametrize("hook", HOOKS)
def test_every_hook_has_a_docs_section_with_its_exact_signature(hook: str) -> None:
    import pluggy

    manager = pluggy.PluginManager(hookspecs.PROJECT_NAME)
    manager.add_hookspecs(hookspecs)
    spec = getattr(manager.hook, hook).spec
    assert spec is not None
    heading = f"## {hook}({', '.join(spec.argnames)})"
    assert heading in DOCS.read_text(encoding="utf-8").splitlines()
