"""claimscope: structured, attributed claims from conflict news.

Who says what, with how many, with which weapons, where, and how sure the article is.

>>> import claimscope
>>> result = claimscope.extract("Officials said the figure could not be verified.",
...                             extractors=["hedges"])
>>> result.hedges[0].kind
'unverified'
"""

from __future__ import annotations

from typing import Any

from claimscope.errors import (
    ClaimscopeError,
    ExtractorError,
    InvalidInputError,
    ModelNotFoundError,
    PluginLoadError,
    UnknownExtractorError,
)
from claimscope.extractor import Extractor, ExtractorInfo
from claimscope.hookspecs import hookimpl
from claimscope.pipeline import Pipeline, PipelineSpec, extract
from claimscope.plugins import PluginRegistry
from claimscope.render import render
from claimscope.types import (
    Attribution,
    Claim,
    Diagnostic,
    Document,
    Hedge,
    Location,
    Mention,
    Quantity,
    Result,
    Source,
    Span,
    Weapon,
)

__all__ = [
    "Attribution",
    "Claim",
    "ClaimscopeError",
    "Diagnostic",
    "Document",
    "Extractor",
    "ExtractorError",
    "ExtractorInfo",
    "Hedge",
    "InvalidInputError",
    "Location",
    "Mention",
    "ModelNotFoundError",
    "Pipeline",
    "PipelineSpec",
    "PluginLoadError",
    "PluginRegistry",
    "Quantity",
    "Result",
    "Source",
    "Span",
    "UnknownExtractorError",
    "Weapon",
    "extract",
    "hookimpl",
    "render",
]


def __getattr__(name: str) -> Any:
    if name == "__version__":
        from importlib.metadata import version

        return version("claimscope")
    raise AttributeError(f"module 'claimscope' has no attribute {name!r}")
