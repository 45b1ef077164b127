"""The ``weapons`` plugin: named weapon systems and generic weapon class nouns.

A curated gazetteer (``data/weapons.json``: hand-curated missiles, drones, bombs, air
defence, munitions and platforms, plus Oryx-derived platforms; ``data/generic.json``:
class nouns such as "tanks" and "glide bombs") matched on tokens, with a context rule for
ambiguous names (see :mod:`claimscope.extractors.weapons.extractor`).
"""

from __future__ import annotations

from collections.abc import Callable

from claimscope.extractors.weapons.extractor import WeaponExtractor
from claimscope.hookspecs import hookimpl

__all__ = ["WeaponExtractor", "claimscope_register_extractors"]


@hookimpl
def claimscope_register_extractors(register: Callable[[WeaponExtractor], None]) -> None:
    """Register the built-in weapons extractor.

    >>> found = []
    >>> claimscope_register_extractors(found.append)
    >>> [e.name for e in found]
    ['weapons']
    """
    register(WeaponExtractor())
