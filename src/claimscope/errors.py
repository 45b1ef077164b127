"""Exceptions claimscope raises, each naming what went wrong in terms a user can act on.

>>> raise ExtractorError("boom", plugin="weapons")
Traceback (most recent call last):
...
claimscope.errors.ExtractorError: boom
"""

from __future__ import annotations

__all__ = [
    "ClaimscopeError",
    "ExtractorError",
    "InvalidInputError",
    "ModelNotFoundError",
    "PluginLoadError",
    "UnknownExtractorError",
]


class ClaimscopeError(Exception):
    """Base class of every claimscope error."""


class ExtractorError(ClaimscopeError):
    """An extractor raised or returned an invalid record (re-raised in strict mode).

    :param plugin: name of the extractor or plugin at fault.
    """

    def __init__(self, message: str, *, plugin: str, distribution: str | None = None) -> None:
        super().__init__(message)
        self.plugin = plugin
        self.distribution = distribution


class PluginLoadError(ClaimscopeError):
    """An installed plugin could not be imported or registered."""


class UnknownExtractorError(ClaimscopeError, ValueError):
    """An extractor name was asked for that no installed plugin provides."""


class InvalidInputError(ClaimscopeError, TypeError):
    """Input that is not text, a :class:`~claimscope.types.Document` or a mapping with
    a ``text`` string."""


class ModelNotFoundError(ClaimscopeError):
    """The spaCy pipeline asked for is not installed."""
