"""The ``quantities`` plugin: counts, distances, areas, masses, money, percentages and
durations with their bounds ("more than", "up to", ranges, "dozens of"), the unit or
counted noun, from number grammar and lexicons shipped as package data (``data/``)."""

from __future__ import annotations

from collections.abc import Callable

from claimscope.extractors.quantities.extractor import QuantityExtractor
from claimscope.hookspecs import hookimpl

__all__ = ["QuantityExtractor", "claimscope_register_extractors"]


@hookimpl
def claimscope_register_extractors(register: Callable[[QuantityExtractor], None]) -> None:
    """Register the built-in quantity extractor."""
    register(QuantityExtractor())
