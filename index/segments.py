"""Segments: the immutable parts an index generation is made of, and when to merge them.

    data/index/segments/seg-000004/
      chunks.sqlite   the segment's documents and passages (row = position in the segment)
      rows.npy        for each row, its document's position in doc_id order (filters, deletions)
      vectors.faiss   flat (memory-mapped) or IVF-PQ, see faiss_store
      vectors.npy     only when compressed: the full vectors, memory-mapped
      bm25-ANALYSIS/  bm25s index of the passages, per analysis (bm25_store.DutchAnalyzer.analysis)

A write adds one segment holding its new and changed documents; a generation lists its
segments and the documents deleted from each (storage.py). Small segments are merged into
larger ones as they pile up, in the way of Lucene's log merge policy: a document is
rewritten about log(library size) times in its life, not at every write.
"""

from __future__ import annotations

import math
import os
import shutil
import tempfile
import threading
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from ingest.models import Chunk
from index import faiss_store
from index.bm25_store import BM25Store, DutchAnalyzer
from index.chunk_store import ChunkStore, write_store
from index.models import DocumentRecord

# segments of about the same size (within this factor) are merged when this many pile up
MERGE_FACTOR = 6
# a segment whose passages are more than half deleted is rewritten without them
EXPUNGE_SHARE = 0.5
# segments this large are not merged with others (Lucene's max merged segment size): a merge
# rebuilds BM25 and the vector index of everything it holds, time and memory grow with it
MAX_MERGED_CHUNKS = 250_000


def embedding_text(chunk: Chunk, title: str) -> str:
    """What is embedded and BM25-indexed: the passage under its title and heading path,
    so a passage that only says "dit artikel" still carries what it is about."""
    heading = f"{title} › {chunk.section}" if chunk.section else title
    return f"{heading}\n{chunk.text}"


@dataclass
class SegmentRef:
    """A segment as a generation's manifest lists it."""

    name: str
    n_chunks: int
    deleted: list[str] = field(default_factory=list)  # doc ids no longer live in this segment
    deleted_chunks: int = 0
    vector_index: str = "IndexFlatIP"

    @property
    def live_chunks(self) -> int:
        return self.n_chunks - self.deleted_chunks


@dataclass
class NewDocument:
    """A document ready to be written: its record, passages and their vectors (same order)."""

    record: DocumentRecord
    chunks: list[Chunk]
    vectors: np.ndarray


def write_segment(directory: Path, documents: Iterable[NewDocument], dim: int, vector_kind: str = "auto") -> str:
    """Write a segment into `directory`; returns the FAISS index type it chose."""
    documents = sorted(documents, key=lambda d: d.record.doc_id)
    directory.mkdir(parents=True)
    chunks = [c for d in documents for c in d.chunks]
    parts = [d.vectors for d in documents if len(d.chunks)]
    vectors = np.vstack(parts).astype(np.float32, copy=False) if parts else np.zeros((0, dim), dtype=np.float32)
    write_store(directory / "chunks.sqlite", [d.record for d in documents], chunks)
    np.save(directory / "rows.npy", np.repeat(np.arange(len(documents), dtype=np.int32),
                                              [len(d.chunks) for d in documents]))
    index = faiss_store.build_index(vectors, vector_kind)
    if faiss_store.compressed_kind(len(vectors), vector_kind):
        faiss_store.save_raw(vectors, directory / "vectors.npy")
    faiss_store.save_index(index, directory / "vectors.faiss")
    analyzer = DutchAnalyzer()
    BM25Store.build([embedding_text(c, d.record.title) for d in documents for c in d.chunks],
                    analyzer).save(bm25_directory(directory, analyzer))
    return type(index).__name__


def bm25_directory(segment: Path, analyzer: DutchAnalyzer) -> Path:
    """Where a segment keeps its BM25 index for one analysis (`DutchAnalyzer.analysis`). Segments
    written before the analysis was named keep theirs in "bm25/"; it is not read any more."""
    return segment / f"bm25-{analyzer.analysis}"


class Segment:
    """Read access to one written segment. Documents and passages come from SQLite at once;
    vectors and BM25 load at the first search (listing documents needs neither)."""

    def __init__(self, directory: Path):
        self.directory = directory
        self.name = directory.name
        self.store = ChunkStore(directory / "chunks.sqlite")
        self.documents = self.store.documents()  # in doc_id order: a document's position is its ordinal
        self.row_documents = np.load(directory / "rows.npy")
        self._vectors = None
        self._raw = None
        self._bm25: BM25Store | None = None
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self.row_documents)

    def _load_vectors(self) -> None:
        with self._lock:
            if self._vectors is None:
                raw = self.directory / "vectors.npy"
                self._raw = faiss_store.load_raw(raw) if raw.exists() else None
                self._vectors = faiss_store.load_index(self.directory / "vectors.faiss")

    def bm25(self, analyzer: DutchAnalyzer) -> BM25Store:
        with self._lock:
            if self._bm25 is None:
                directory = bm25_directory(self.directory, analyzer)
                self._bm25 = BM25Store.load(directory, analyzer) if directory.exists() else self._rebuild_bm25(analyzer)
            return self._bm25

    def _rebuild_bm25(self, analyzer: DutchAnalyzer) -> BM25Store:
        """BM25 for an analysis this segment was not written with (the stemming changed): built from
        its passages, without embedding anything, and kept beside the segment for the next start
        when the directory can be written. Segments are immutable, and so is the index built here:
        two processes that build it at once write the same thing, and the first to finish stays."""
        titles = {d.doc_id: d.title for d in self.documents}
        store = BM25Store.build([embedding_text(c, titles[c.doc_id]) for c in self.store.all_chunks()], analyzer)
        if not os.access(self.directory, os.W_OK):
            return store
        building = None
        try:
            building = Path(tempfile.mkdtemp(prefix=".bm25-", dir=self.directory))
            building.chmod(0o755)  # mkdtemp makes it 0700: a search must not lock other readers out
            store.save(building)
            building.rename(bm25_directory(self.directory, analyzer))
        except OSError:  # another process was first, a merge removed the segment, the disk is full
            if building is not None:
                shutil.rmtree(building, ignore_errors=True)
        return store

    def dense(self, query: np.ndarray, k: int, allowed: np.ndarray | None) -> list[tuple[int, float]]:
        self._load_vectors()
        return faiss_store.search(self._vectors, query, k, allowed, self._raw)

    def vectors(self, rows) -> np.ndarray:
        self._load_vectors()
        return faiss_store.vectors_of(self._vectors, np.asarray(rows, dtype=np.int64), self._raw)

    def row_mask(self, documents_kept: np.ndarray) -> np.ndarray:
        """Rows whose document is kept, from a boolean mask over the documents."""
        if not len(documents_kept):
            return np.zeros(len(self), dtype=bool)
        return documents_kept[self.row_documents]

    def live_documents(self, deleted: Iterable[str]) -> np.ndarray:
        gone = set(deleted)
        return np.array([d.doc_id not in gone for d in self.documents], dtype=bool)

    def live_parts(self, deleted: Iterable[str]) -> list[NewDocument]:
        """The live documents with their passages and full vectors, for a merge."""
        return self.parts(self.live_documents(deleted))

    def parts_of(self, doc_ids: Iterable[str]) -> list[NewDocument]:
        wanted = set(doc_ids)
        return self.parts(np.array([d.doc_id in wanted for d in self.documents], dtype=bool))

    def parts(self, kept: np.ndarray) -> list[NewDocument]:
        """The documents `kept` (a mask in document order) with their passages and full vectors."""
        rows = np.flatnonzero(self.row_mask(kept))
        chunks = self.store.chunks_in_order(rows)
        vectors = self.vectors(rows)
        parts, start = [], 0
        for record, live in zip(self.documents, kept):
            if live:
                parts.append(NewDocument(record, chunks[start : start + record.n_chunks],
                                         vectors[start : start + record.n_chunks]))
                start += record.n_chunks
        return parts

    def close(self) -> None:
        self.store.close()


def merge_plan(refs: list[SegmentRef]) -> list[SegmentRef]:
    """The segments the next merge should combine; empty when none needs merging.

    Segments fall into tiers by size (a factor MERGE_FACTOR apart); when a tier holds
    MERGE_FACTOR segments they become one segment of the next tier, up to about
    MAX_MERGED_CHUNKS. A segment mostly deleted is rewritten on its own."""
    for ref in refs:
        if ref.n_chunks and ref.deleted_chunks > EXPUNGE_SHARE * ref.n_chunks:
            return [ref]
    tiers: dict[int, list[SegmentRef]] = {}
    for ref in refs:
        if ref.live_chunks < MAX_MERGED_CHUNKS:
            tiers.setdefault(_tier(ref.live_chunks), []).append(ref)
    for tier in sorted(tiers):
        group = sorted(tiers[tier], key=lambda r: r.live_chunks)[:MERGE_FACTOR]
        if len(group) >= MERGE_FACTOR and sum(r.live_chunks for r in group) <= 2 * MAX_MERGED_CHUNKS:
            return group
    return []


def _tier(size: int) -> int:
    return int(math.log(max(size, 1), MERGE_FACTOR))
