"""Plugin discovery and per-plugin hook calls, on an explicit pluggy ``PluginManager``.

Plugins come from the ``claimscope`` entry-point group (the built-in extractors too) and
load lazily, on first use. Two environment variables restrict them:
``CLAIMSCOPE_LOAD_PLUGINS`` (comma-separated allow-list of entry-point or distribution
names; empty means none) and ``CLAIMSCOPE_DISABLE_PLUGINS`` (block-list). Every hook is
called one plugin at a time, so a failure or a record is always tagged with the plugin
that caused it (pluggy itself does not say, pluggy#235).

>>> registry = PluginRegistry(load_entry_points=False)
>>> from claimscope.extractors.hedges import extractor as hedges_module
>>> import claimscope.extractors.hedges as hedges_plugin
>>> registry.register(hedges_plugin, name="hedges")
>>> [info.name for info in registry.extractor_infos()]
['hedges']
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from importlib import metadata
from typing import TYPE_CHECKING, Any

import attrs
import pluggy

from claimscope import hookspecs
from claimscope.extractor import ANNOTATIONS, Extractor, ExtractorInfo
from claimscope.types import MENTION_KINDS, Diagnostic

if TYPE_CHECKING:
    from spacy.language import Language

    from claimscope.types import Result

__all__ = ["PluginRegistry", "RegisteredExtractor", "LOAD_ENV", "DISABLE_ENV"]

#: Allow-list environment variable (entry-point or distribution names).
LOAD_ENV = "CLAIMSCOPE_LOAD_PLUGINS"
#: Block-list environment variable.
DISABLE_ENV = "CLAIMSCOPE_DISABLE_PLUGINS"


def _names(value: str) -> frozenset[str]:
    return frozenset(part.strip() for part in value.split(",") if part.strip())


@attrs.frozen
class RegisteredExtractor:
    """An extractor with the facts about who provides it."""

    extractor: Extractor
    info: ExtractorInfo


class PluginRegistry:
    """Finds plugins, collects their extractors and calls their hooks one by one.

    :param load_entry_points: discover plugins through the ``claimscope`` entry-point
        group (on first use). Tests and embedders may pass ``False`` and
        :meth:`register` plugins themselves.
    """

    def __init__(self, *, load_entry_points: bool = True) -> None:
        self._pm = pluggy.PluginManager(hookspecs.PROJECT_NAME)
        self._pm.add_hookspecs(hookspecs)
        self._pending_entry_points = load_entry_points
        self._distributions: dict[str, tuple[str | None, str | None]] = {}
        self._extractors: list[RegisteredExtractor] | None = None
        #: Problems met while loading plugins (import errors, bad registrations).
        self.load_errors: list[Diagnostic] = []

    # -- discovery -------------------------------------------------------------------

    def register(self, plugin: object, name: str, distribution: str | None = None,
                 version: str | None = None) -> None:
        """Register a plugin object (a module or instance with hook implementations)."""
        self._pm.register(plugin, name=name)
        self._distributions[name] = (distribution, version)
        self._extractors = None

    def _load(self) -> None:
        if not self._pending_entry_points:
            return
        self._pending_entry_points = False
        allow = _names(os.environ[LOAD_ENV]) if LOAD_ENV in os.environ else None
        block = _names(os.environ.get(DISABLE_ENV, ""))
        for entry_point in metadata.entry_points(group=hookspecs.PROJECT_NAME):
            dist = entry_point.dist
            dist_name = dist.metadata["Name"] if dist is not None else None
            names = {entry_point.name, dist_name}
            if (allow is not None and not names & allow) or names & block:
                continue
            if self._pm.has_plugin(entry_point.name):
                continue
            try:
                plugin = entry_point.load()
                self.register(plugin, entry_point.name, dist_name,
                              dist.version if dist is not None else None)
            except Exception as exc:  # a broken third-party plugin must not stop us
                self.load_errors.append(Diagnostic(
                    plugin=entry_point.name, distribution=dist_name,
                    message=f"could not load plugin {entry_point.value!r}: "
                            f"{type(exc).__name__}: {exc}"))

    def plugin_names(self) -> list[str]:
        """Names of the registered plugins, sorted."""
        self._load()
        return sorted(name for name, _ in self._pm.list_name_plugin())

    def distribution_of(self, plugin: str) -> tuple[str | None, str | None]:
        """``(distribution, version)`` of a plugin, when known."""
        return self._distributions.get(plugin, (None, None))

    # -- per-plugin hook calls -----------------------------------------------------------

    def _implementations(self, hook: str) -> Iterator[tuple[str, Callable[..., Any]]]:
        self._load()
        caller = getattr(self._pm.hook, hook)
        # pluggy lists implementations last-registered first; call in registration order.
        for impl in reversed(caller.get_hookimpls()):
            yield impl.plugin_name, impl.function

    def _failure(self, plugin: str, what: str, exc: BaseException) -> Diagnostic:
        distribution, version = self.distribution_of(plugin)
        return Diagnostic(plugin=plugin, distribution=distribution, version=version,
                          message=f"{what}: {type(exc).__name__}: {exc}")

    def extractors(self) -> list[RegisteredExtractor]:
        """Every extractor the plugins register, tagged with its plugin and distribution.

        Invalid or duplicate registrations are recorded in :attr:`load_errors` (once:
        the registrations are collected on first call and kept).
        """
        self._load()
        if self._extractors is None:
            self._extractors = self._collect_extractors()
        return list(self._extractors)

    def _collect_extractors(self) -> list[RegisteredExtractor]:
        found: list[RegisteredExtractor] = []
        seen: set[str] = set()
        for plugin, function in self._implementations("claimscope_register_extractors"):
            offered: list[object] = []
            try:
                function(register=offered.append)
            except Exception as exc:
                self.load_errors.append(self._failure(plugin, "registering extractors", exc))
                continue
            for candidate in offered:
                problem = _registration_problem(candidate, seen)
                if problem:
                    self.load_errors.append(Diagnostic(plugin=plugin, message=problem))
                    continue
                assert isinstance(candidate, Extractor)
                seen.add(candidate.name)
                distribution, _ = self.distribution_of(plugin)
                found.append(RegisteredExtractor(candidate, ExtractorInfo(
                    name=candidate.name, version=str(candidate.version), plugin=plugin,
                    distribution=distribution, produces=tuple(sorted(candidate.produces)),
                    uses=tuple(sorted(candidate.uses)))))
        return found

    def extractor_infos(self) -> list[ExtractorInfo]:
        """What :meth:`extractors` would return, without the extractor objects."""
        return [registered.info for registered in self.extractors()]

    def prepare_nlp(self, nlp: Language, plugins: frozenset[str]) -> list[Diagnostic]:
        """Let the given plugins contribute to ``nlp``; return the failures."""
        failures = []
        for plugin, function in self._implementations("claimscope_prepare_nlp"):
            if plugin in plugins:
                try:
                    function(nlp=nlp)
                except Exception as exc:
                    failures.append(self._failure(plugin, "preparing the spaCy pipeline", exc))
        return failures

    def enrich(self, result: Result, *, strict: bool = False) -> Result:
        """Pass ``result`` through every plugin's ``claimscope_enrich_result`` in turn."""
        from claimscope.errors import ExtractorError
        from claimscope.types import Result as ResultType

        for plugin, function in self._implementations("claimscope_enrich_result"):
            try:
                enriched = function(result=result)
                if enriched is not None and not isinstance(enriched, ResultType):
                    raise TypeError(f"returned {type(enriched).__name__}, not a Result")
            except Exception as exc:
                if strict:
                    raise ExtractorError(f"plugin {plugin!r} failed enriching the result: {exc}",
                                         plugin=plugin) from exc
                failure = self._failure(plugin, "enriching the result", exc)
                result = attrs.evolve(result, diagnostics=(*result.diagnostics, failure))
                continue
            if enriched is not None:
                result = enriched
        return result


def _registration_problem(candidate: object, seen: set[str]) -> str | None:
    if not isinstance(candidate, Extractor):
        return (f"registered {type(candidate).__name__}, which lacks name, version, "
                "produces, uses or extract()")
    name = candidate.name
    if not isinstance(name, str) or not name:
        return f"extractor {candidate!r} has no name"
    if name in seen:
        return f"extractor name {name!r} is already taken; this one is skipped"
    unknown = set(candidate.produces) - set(MENTION_KINDS)
    if unknown:
        return f"extractor {name!r} declares unknown record kinds {sorted(unknown)}"
    unknown = set(candidate.uses) - ANNOTATIONS
    if unknown:
        return f"extractor {name!r} uses unknown annotations {sorted(unknown)}"
    return None
