"""Loading, chunking and embedding files on the workers of a Ray cluster (the `ray` extra).

The writer keeps everything that decides what the index holds: it fingerprints the files,
skips unchanged ones, and writes the one new segment. Ray tasks only turn a changed file
into its document, passages and vectors and hand them back; they write nothing, so a task
that Ray retries after its worker died cannot add anything twice. The workers read the
files by path: the folder must be visible to every node (one machine, or a shared disk).
"""

from __future__ import annotations

import functools
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from index.storage import IndexProblem

# a task whose worker process or node dies is run again elsewhere, up to this often
RETRIES = 3
# files in flight per worker CPU: enough to keep them busy without shipping the whole folder at once
IN_FLIGHT_PER_CPU = 2


@dataclass
class FileWork:
    """What a worker needs to prepare one file."""

    path: Path
    overrides: dict
    embedder: str
    query_prefix: str
    passage_prefix: str
    chunk_tokens: int
    chunk_overlap: int
    max_file_bytes: int


@dataclass
class Prepared:
    """A worker's answer: the loaded document, its passages and their vectors, or why it failed."""

    path: Path
    document: object | None = None  # ingest.models.Document
    chunks: list | None = None
    vectors: np.ndarray | None = None
    reason: str | None = None  # Dutch, when the file could not be read


class RayUnavailable(IndexProblem):
    pass


def connect(address: str) -> None:
    """Join the cluster at `address`, or start a local one for "auto"."""
    try:
        import ray
    except ImportError:
        raise RayUnavailable("Ray is niet geïnstalleerd. Installeer de extra: pip install -e '.[ray]'.") from None
    if ray.is_initialized():
        return
    # the workers import this project from the same place the driver does (a worktree, an editable install)
    project = str(Path(__file__).resolve().parents[1])
    path = os.pathsep.join(p for p in (project, os.environ.get("PYTHONPATH")) if p)
    env = {"PYTHONPATH": path, "OMP_WAIT_POLICY": "PASSIVE", "THUISWIJZER_EMBEDDER": os.environ.get("THUISWIJZER_EMBEDDER", "auto")}
    options = dict(runtime_env={"env_vars": env}, log_to_driver=False, configure_logging=False)
    if address == "auto":
        ray.init(include_dashboard=False, **options)
    else:
        ray.init(address=address, **options)


def prepare_on_cluster(work: list[FileWork], done: Callable[[Prepared], None]) -> None:
    """Prepare every file on the cluster; `done` is called on the driver as each one returns."""
    import ray

    remote = ray.remote(max_retries=RETRIES, retry_exceptions=False)(_prepare)
    limit = max(1, int(ray.cluster_resources().get("CPU", 1)) * IN_FLIGHT_PER_CPU)
    pending: dict = {}
    queue = iter(work)
    for item in _take(queue, limit):
        pending[remote.remote(item)] = item
    while pending:
        ready, _ = ray.wait(list(pending), num_returns=1)
        item = pending.pop(ready[0])
        try:
            done(ray.get(ready[0]))
        except ray.exceptions.RayError as error:  # retries used up: the file fails alone
            done(Prepared(item.path, reason=f"de verwerking op het Ray-cluster mislukte ({type(error).__name__})"))
        for more in _take(queue, 1):
            pending[remote.remote(more)] = more


def _take(queue: Iterator[FileWork], n: int) -> list[FileWork]:
    return [item for _, item in zip(range(n), queue)]


def _prepare(work: FileWork) -> Prepared:
    """On a worker: load, chunk and embed one file (the embedder stays loaded between tasks)."""
    from ingest.errors import IngestError
    from index.segments import embedding_text
    from index.writer import load_and_chunk

    embedder, chunker = _tools(work.embedder, work.query_prefix, work.passage_prefix, work.chunk_tokens,
                               work.chunk_overlap)
    try:
        document, chunks = load_and_chunk(work.path, work.overrides, chunker, work.max_file_bytes)
    except IngestError as error:
        return Prepared(work.path, reason=error.reason)
    vectors = embedder.embed_passages([embedding_text(c, document.metadata.title or document.doc_id) for c in chunks])
    return Prepared(work.path, document, chunks, vectors)


@functools.cache
def _tools(name: str, query_prefix: str, passage_prefix: str, chunk_tokens: int, chunk_overlap: int):
    from ingest.chunking import Chunker
    from index.embedders import make_embedder

    embedder = make_embedder(name, query_prefix, passage_prefix)
    return embedder, Chunker(embedder.count_tokens, chunk_tokens, chunk_overlap)
