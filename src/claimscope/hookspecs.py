"""The plugin contract: every hook claimscope calls, with what it expects.

Plugins implement these with :data:`hookimpl` and are found through the entry-point
group ``claimscope`` (the built-in extractors use the same group)::

    [project.entry-points.claimscope]
    casualties = "claimscope_casualties"

>>> from claimscope.hookspecs import hookimpl
>>> @hookimpl
... def claimscope_register_extractors(register):
...     pass
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import pluggy

if TYPE_CHECKING:
    from spacy.language import Language

    from claimscope.extractor import Extractor
    from claimscope.types import Result

__all__ = ["PROJECT_NAME", "hookimpl", "hookspec"]

#: The pluggy project name and the entry-point group.
PROJECT_NAME = "claimscope"

hookspec = pluggy.HookspecMarker(PROJECT_NAME)
#: Decorator marking a plugin's implementation of a hook.
hookimpl = pluggy.HookimplMarker(PROJECT_NAME)


@hookspec
def claimscope_register_extractors(register: Callable[[Extractor], None]) -> None:
    """Register extractors by calling ``register(extractor)`` once for each.

    Collected: every plugin is called. The core calls each plugin separately, so every
    extractor is tagged with the plugin and distribution that registered it; extractor
    names must be unique across plugins (a duplicate is reported and skipped).

    :param register: callback taking an object that follows
        :class:`claimscope.extractor.Extractor`.
    """


@hookspec
def claimscope_prepare_nlp(nlp: Language) -> None:
    """Contribute to the spaCy pipeline once, before any document is processed.

    Collected: every plugin is called with the pipeline claimscope built (fast or
    trained). Add components (``nlp.add_pipe``), ``Doc``/``Token`` extensions or ruler
    patterns here. Called only for plugins whose extractors were selected.

    :param nlp: the ``spacy.language.Language`` claimscope will run.
    """


@hookspec
def claimscope_enrich_result(result: Result) -> Result | None:
    """Enrich a finished result (claims assembled), returning a new one or ``None``.

    Collected, applied in turn: each plugin receives the result the previous one
    returned (results are immutable; use ``attrs.evolve``). A plugin that raises is
    recorded in ``Result.diagnostics`` and its change is skipped.

    :param result: the :class:`claimscope.types.Result` so far.
    :return: a replacement result, or ``None`` to leave it unchanged.
    """
