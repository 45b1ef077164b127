"""claimscope-casualties: casualty figures (killed, wounded, missing) for claimscope.

Registered through the ``claimscope`` entry-point group; see the README.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from claimscope import hookimpl
from claimscope.types import Result
from claimscope_casualties.enrich import merge_casualties
from claimscope_casualties.extractor import CasualtyExtractor

__all__ = ["CasualtyExtractor", "merge_casualties"]


@hookimpl
def claimscope_register_extractors(register: Callable[[Any], None]) -> None:
    """Register the casualty extractor."""
    register(CasualtyExtractor())


@hookimpl
def claimscope_enrich_result(result: Result) -> Result:
    """Merge casualty figures into the built-in quantities and add the reporting side."""
    return merge_casualties(result)
