"""Running claimscope on a Dask cluster: bags, DataFrames, and an ordered stream.

Every adapter wraps :func:`claimscope.pipeline.process_batch`. Tasks carry the frozen,
picklable :class:`~claimscope.pipeline.PipelineSpec`, never a spaCy ``nlp``: each worker
process builds the pipeline once (``spec.build()`` is cached per process) and only JSON-able
dicts travel. Inside workers the pipeline runs single-process (no nested pools).

Needs the ``dask`` extra (``pip install 'claimscope[dask]'``).

>>> import dask.bag
>>> from claimscope import PipelineSpec
>>> bag = dask.bag.from_sequence([{"id": "a", "text": "It was reportedly hit."}])
>>> extract_bag(bag, PipelineSpec(extractors=("hedges",))).compute(
...     scheduler="synchronous")[0]["hedges"][0]["text"]
'reportedly'
"""

from __future__ import annotations

import collections
import contextlib
import importlib
import json
import logging
from collections.abc import Iterable, Iterator
from typing import Any

from claimscope.frame import CLAIM_COLUMNS, claim_rows
from claimscope.pipeline import PipelineSpec, process_batch
from claimscope.types import Document, Result

# dask, distributed and pandas are optional and only partly typed: they are imported at
# run time and their objects typed as these aliases.
#: A ``dask.bag.Bag``.
Bag = Any
#: A ``DaskFrame``.
DaskFrame = Any
#: A ``pandas.DataFrame``.
PandasFrame = Any
#: A ``distributed.Client``.
Client = Any


def _module(name: str) -> Any:
    return importlib.import_module(name)

__all__ = ["claims_frame", "connect", "extract_bag", "extract_frame", "pipe", "warm_up"]

#: Documents per ``nlp.pipe`` call inside a partition or a task.
BATCH_SIZE = 64


def _record(item: Any) -> Any:
    """What travels to a worker for one input: a plain dict (or the text itself)."""
    if isinstance(item, Document):
        return {**item.metadata, "id": item.id, "text": item.text, "title": item.title}
    return item


def _process(records: Iterable[Any], spec: PipelineSpec, batch_size: int
             ) -> list[dict[str, Any]]:
    items = [_record(record) for record in records]
    out: list[dict[str, Any]] = []
    for start in range(0, len(items), batch_size):
        out.extend(process_batch(spec, items[start:start + batch_size]))
    return out


def extract_bag(bag: Bag, spec: PipelineSpec, *, batch_size: int = BATCH_SIZE
                ) -> Bag:
    """A bag of result dicts (:meth:`Result.to_dict` layout), one per input record.

    :param bag: texts or ``{"id", "text", ...}`` dicts, e.g.
        ``dask.bag.read_text("news-*.jsonl").map(json.loads)``.
    :param spec: the pipeline every worker builds once.

    >>> import dask.bag
    >>> bag = dask.bag.from_sequence(["One.", "Two."], npartitions=2)
    >>> [r["text"] for r in extract_bag(bag, PipelineSpec(extractors=("hedges",))).compute(
    ...     scheduler="synchronous")]
    ['One.', 'Two.']
    """
    return bag.map_partitions(_process, spec, batch_size)


def _frame_partition(frame: PandasFrame, spec: PipelineSpec, text_column: str,
                     id_column: str | None, batch_size: int) -> PandasFrame:
    pandas = _module("pandas")
    texts = frame[text_column].tolist()
    ids = frame[id_column].tolist() if id_column else [None] * len(texts)
    records = [{"text": text} if id_ is None else {"id": str(id_), "text": text}
               for id_, text in zip(ids, texts, strict=True)]
    results = _process(records, spec, batch_size)
    return pandas.DataFrame({
        "id": [r["id"] for r in results],
        "ok": [r["error"] is None for r in results],
        "claims": [len(r["claims"]) for r in results],
        "result": [json.dumps(r, ensure_ascii=False) for r in results],
    }, index=frame.index)


def extract_frame(frame: DaskFrame, spec: PipelineSpec, *,
                  text_column: str = "text", id_column: str | None = "id",
                  batch_size: int = BATCH_SIZE) -> DaskFrame:
    """One row per input row: ``id``, ``ok``, ``claims`` (count), ``result`` (JSON text).

    Built with ``map_partitions``; the index of ``frame`` is kept.

    >>> import pandas, dask.dataframe
    >>> df = dask.dataframe.from_pandas(pandas.DataFrame(
    ...     {"id": ["a"], "text": ["It was reportedly hit."]}), npartitions=1)
    >>> extract_frame(df, PipelineSpec(extractors=("hedges",))).compute(
    ...     scheduler="synchronous")["ok"].tolist()
    [True]
    """
    pandas = _module("pandas")
    meta = pandas.DataFrame({"id": pandas.Series(dtype=object),
                             "ok": pandas.Series(dtype=bool),
                             "claims": pandas.Series(dtype="int64"),
                             "result": pandas.Series(dtype=object)})
    return frame.map_partitions(_frame_partition, spec, text_column, id_column, batch_size,
                                meta=meta)


def _claims_partition(frame: PandasFrame) -> PandasFrame:
    pandas = _module("pandas")
    rows = [row for text in frame["result"]
            for row in claim_rows(Result.from_dict(json.loads(text)))]
    return pandas.DataFrame(rows, columns=list(CLAIM_COLUMNS))


def claims_frame(results: DaskFrame) -> DaskFrame:
    """From :func:`extract_frame` output to one row per claim (the ``--format csv`` columns).

    >>> import pandas, dask.dataframe
    >>> df = dask.dataframe.from_pandas(pandas.DataFrame(
    ...     {"id": ["a"], "text": ["Officials said 40 tanks were destroyed."]}), npartitions=1)
    >>> claims = claims_frame(extract_frame(df, PipelineSpec())).compute(
    ...     scheduler="synchronous")
    >>> (len(claims), claims["id"].tolist()[0])
    (1, 'a')
    """
    pandas = _module("pandas")
    meta = pandas.DataFrame({name: pandas.Series(dtype=object) for name in CLAIM_COLUMNS})
    return results.map_partitions(_claims_partition, meta=meta)


def _warm(spec: PipelineSpec) -> None:
    spec.build()


def warm_up(client: Client, spec: PipelineSpec) -> None:
    """Build the pipeline on every worker now, so the model load is not timed as work.

    >>> import distributed
    >>> with distributed.Client(processes=False, n_workers=1, dashboard_address=":0") as c:
    ...     warm_up(c, PipelineSpec(extractors=("hedges",)))
    """
    client.run(_warm, spec)


@contextlib.contextmanager
def connect(address: str) -> Iterator[Client]:
    """A client for ``local:N`` (a new ``LocalCluster`` of N worker processes, one thread
    each, closed on exit) or for a running scheduler at ``tcp://host:port``.

    :raises ValueError: for an address of neither form.

    >>> with connect("localhost"):
    ...     pass
    Traceback (most recent call last):
    ValueError: --dask wants local:N or tcp://host:port, not 'localhost'
    """
    distributed = _module("distributed")
    if address.startswith("local:"):
        workers = address.removeprefix("local:")
        if not workers.isdigit() or int(workers) < 1:
            raise ValueError(f"--dask local:N needs a worker count N >= 1, not {workers!r}")
        # ":0": any free port for the scheduler's HTTP endpoint, so clusters never collide.
        with distributed.LocalCluster(n_workers=int(workers), threads_per_worker=1,
                                      processes=True, dashboard_address=":0",
                                      silence_logs=logging.ERROR) as cluster, \
                distributed.Client(cluster) as client:
            yield client
    elif "://" in address:
        with distributed.Client(address) as client:
            yield client
    else:
        raise ValueError(f"--dask wants local:N or tcp://host:port, not {address!r}")


def pipe(client: Client, spec: PipelineSpec, items: Iterable[Any], *,
         batch_size: int = BATCH_SIZE, window: int | None = None) -> Iterator[Result]:
    """Process ``items`` on the cluster and yield results in input order, lazily.

    At most ``window`` batches (default: two per worker) are in flight, so memory stays
    bounded however long ``items`` is: what the CLI's ``--dask`` runs.

    >>> import distributed
    >>> with distributed.Client(processes=False, n_workers=1, dashboard_address=":0") as c:
    ...     results = pipe(c, PipelineSpec(extractors=("hedges",)), ["One.", "Maybe two."],
    ...                    batch_size=1)
    ...     [r.document.text for r in results]
    ['One.', 'Maybe two.']
    """
    width = window or 2 * max(1, len(client.scheduler_info().get("workers", {})))
    warm_up(client, spec)
    in_flight: collections.deque[Any] = collections.deque()
    batch: list[Any] = []

    def drain(limit: int) -> Iterator[Result]:
        while len(in_flight) > limit:
            yield from (Result.from_dict(r) for r in in_flight.popleft().result())

    for item in items:
        batch.append(_record(item))
        if len(batch) == batch_size:
            in_flight.append(client.submit(process_batch, spec, batch, pure=False))
            batch = []
            yield from drain(width - 1)
    if batch:
        in_flight.append(client.submit(process_batch, spec, batch, pure=False))
    yield from drain(0)
