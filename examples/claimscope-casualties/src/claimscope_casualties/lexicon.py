"""The plugin's word lists (``data/casualties.json``), loaded once."""

from __future__ import annotations

import functools
import json
from importlib.resources import files
from typing import Any

__all__ = ["lexicon"]


@functools.cache
def lexicon() -> dict[str, Any]:
    """The parsed word lists.

    >>> lexicon()["outcomes"]["injured"]
    'wounded'
    """
    text = files(__package__).joinpath("data/casualties.json").read_text("utf-8")
    data: dict[str, Any] = json.loads(text)
    return data
