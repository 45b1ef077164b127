"""Running a pipeline over batches in worker processes, keeping input order.

Each worker builds the pipeline once from a picklable
:class:`~claimscope.pipeline.PipelineSpec`; only JSON-able dicts cross processes, and at
most two batches per worker are in flight, so memory stays bounded.
"""

from __future__ import annotations

import collections
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from claimscope.pipeline import PipelineSpec

__all__ = ["map_batches"]


def _to_json(item: Any) -> Any:
    from claimscope.documents import as_document
    from claimscope.types import Document

    if isinstance(item, Document):
        return {**item.metadata, "id": item.id, "text": item.text, "title": item.title}
    try:
        document = as_document(item)
    except Exception:
        return repr(item)[:200] if not isinstance(item, (str, dict)) else item
    if isinstance(item, str):
        return {"id": document.id, "text": document.text}
    return item


def _work(spec: PipelineSpec, batch: list[Any]) -> list[dict[str, Any]]:
    from claimscope.pipeline import process_batch

    return process_batch(spec, batch)


def map_batches(spec: PipelineSpec, batches: Iterable[list[Any]], n_process: int
                ) -> Iterator[list[dict[str, Any]]]:
    """Yield the result dicts of each batch, in order, computed by ``n_process`` workers.

    >>> from claimscope.pipeline import PipelineSpec
    >>> out = list(map_batches(PipelineSpec(extractors=("hedges",)), [["a"], ["b"]], 2))
    >>> [batch[0]["text"] for batch in out]
    ['a', 'b']
    """
    with ProcessPoolExecutor(max_workers=n_process) as pool:
        in_flight: collections.deque[Future[list[dict[str, Any]]]] = collections.deque()
        for batch in batches:
            in_flight.append(pool.submit(_work, spec, [_to_json(i) for i in batch]))
            if len(in_flight) >= 2 * n_process:
                yield in_flight.popleft().result()
        while in_flight:
            yield in_flight.popleft().result()
