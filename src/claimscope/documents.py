"""Turning what users pass in (text, mappings, :class:`~claimscope.types.Document`)
into documents, with a clear error for anything else.

>>> as_document("Kyiv said so.").id
'sha1-a1a5c456cf73bf25'
>>> as_document({"id": 7, "text": "x", "style": "wire"}).metadata
{'style': 'wire'}
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from typing import Any

import attrs

from claimscope.errors import InvalidInputError
from claimscope.types import Document

__all__ = ["REPLACEMENTS_KEY", "as_document", "replace_surrogates", "text_id"]

#: Metadata key set by readers that decoded with a lenient policy: how many undecodable
#: byte sequences were replaced or dropped. The pipeline reports it as a diagnostic.
REPLACEMENTS_KEY = "decode_replacements"

_NOT_METADATA = frozenset({"id", "text", "title"})


def text_id(text: str) -> str:
    """A stable id for a text that came without one (a hash of its content).

    >>> text_id("abc") == text_id("abc")
    True
    """
    digest = hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()
    return f"sha1-{digest[:16]}"


_SURROGATE = re.compile("[\ud800-\udfff]")


def replace_surrogates(document: Document) -> tuple[Document, int]:
    """Replace lone surrogates (unencodable, unprocessable) with U+FFFD, one for one, so
    every offset stays valid; return the document and how many were replaced.

    >>> replace_surrogates(Document(id="d", text="a" + chr(0xD800) + "b"))[1]
    1
    """
    cleaned, count = _SURROGATE.subn("\ufffd", document.text)
    return (document, 0) if not count else (attrs.evolve(document, text=cleaned), count)


def as_document(item: object, *, text_key: str = "text", id_key: str = "id") -> Document:
    """Coerce ``item`` to a :class:`~claimscope.types.Document`.

    :raises InvalidInputError: when ``item`` holds no text string.
    """
    if isinstance(item, Document):
        if not isinstance(item.text, str):
            raise InvalidInputError(f"document {item.id!r}: text is not a string")
        return item
    if isinstance(item, str):
        return Document(id=text_id(item), text=item)
    if isinstance(item, Mapping):
        text = item.get(text_key)
        if not isinstance(text, str):
            raise InvalidInputError(
                f"a mapping needs a {text_key!r} string, got {type(text).__name__}")
        raw_id = item.get(id_key)
        title = item.get("title")
        metadata: dict[str, Any] = {
            k: v for k, v in item.items() if k not in _NOT_METADATA | {text_key, id_key}}
        return Document(
            id=text_id(text) if raw_id is None else str(raw_id), text=text,
            title=title if isinstance(title, str) else None, metadata=metadata)
    raise InvalidInputError(
        f"expected text, a Document or a mapping with 'text', got {type(item).__name__}")
