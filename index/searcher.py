"""Hybrid search over one index generation: dense (FAISS) and BM25 fused, with metadata filters.

A generation is a list of segments; each is searched on its own (its deleted documents
masked out), BM25 with the statistics of the whole library, and the rankings are joined.
A row, as the fusion sees it, is a segment's offset plus its row within the segment.
"""

from __future__ import annotations

import threading
from pathlib import Path

import numpy as np

from index import bm25_store
from index.bm25_store import DutchAnalyzer
from index.embedders import Embedder, lazy_embedder_for_space
from index.fusion import reciprocal_rank_fusion
from index.models import DocumentRecord, Filters, Hit
from index.segments import Segment
from index.storage import EmbedderMismatch, Manifest, current_generation, require_generation, segment_dir

MODES = ("hybrid", "dense", "bm25")
# how deep each ranking goes before fusion; enough that a passage one method ranks 40th still counts
CANDIDATES = 50
DEFAULT_DENSE_WEIGHT = 0.7


# row masks of recent filters, per segment: checking 50k documents against a filter costs
# tens of milliseconds, and an assistant asks with the same few filters over and over
FILTER_CACHE = 32


class _Part:
    """A segment as this generation sees it: which of its documents and rows are live."""

    def __init__(self, segment: Segment, deleted: list[str], offset: int):
        self.segment = segment
        self.offset = offset
        self.live_documents = segment.live_documents(deleted)
        self.live = segment.row_mask(self.live_documents) if deleted else None
        self._filtered: dict[str, np.ndarray] = {}

    def allowed(self, filters: Filters | None) -> np.ndarray | None:
        if not filters:
            return self.live
        key = repr(filters)
        if key not in self._filtered:
            accepted = np.array([filters.accepts(d) for d in self.segment.documents], dtype=bool)
            if len(self._filtered) >= FILTER_CACHE:
                self._filtered.pop(next(iter(self._filtered)))
            self._filtered[key] = self.segment.row_mask(accepted & self.live_documents)
        return self._filtered[key]


class Index:
    """A read-only view of one complete generation; safe to share between threads."""

    def __init__(self, generation: Path, embedder: Embedder, dense_weight: float = DEFAULT_DENSE_WEIGHT,
                 opened: dict[str, Segment] | None = None):
        """`opened`: segments of an earlier generation of the same directory, reused as they are."""
        self.generation = generation
        self.manifest = Manifest.load(generation)
        check_compatible(self.manifest, embedder, generation.parent)
        self.embedder = embedder
        self.dense_weight = dense_weight
        self._analyzer: DutchAnalyzer | None = None
        self._parts: list[_Part] = []
        offset = 0
        for ref in self.manifest.segments:
            segment = (opened or {}).get(ref.name) or Segment(segment_dir(generation.parent, ref.name))
            self._parts.append(_Part(segment, ref.deleted, offset))
            offset += len(segment)
        self._home = {
            d.doc_id: part for part in self._parts
            for d, live in zip(part.segment.documents, part.live_documents) if live
        }
        self._documents = {
            d.doc_id: d for part in self._parts
            for d, live in zip(part.segment.documents, part.live_documents) if live
        }
        self._documents = dict(sorted(self._documents.items()))
        self._offsets = np.array([p.offset for p in self._parts], dtype=np.int64)

    @classmethod
    def open(cls, index_dir: str | Path, embedder: Embedder | None = None, preferred_embedder: str = "auto",
             dense_weight: float = DEFAULT_DENSE_WEIGHT, opened: dict[str, Segment] | None = None) -> "Index":
        generation = require_generation(Path(index_dir))
        if embedder is None:
            manifest = Manifest.load(generation)
            # loaded at the first query: listing documents needs no model (nor torch)
            embedder = lazy_embedder_for_space(manifest.embedder_space, manifest.dim, preferred_embedder,
                                               manifest.query_prefix, manifest.passage_prefix)
        return cls(generation, embedder, dense_weight, opened)

    @property
    def segments(self) -> dict[str, Segment]:
        return {p.segment.name: p.segment for p in self._parts}

    # -- documents -------------------------------------------------------------------
    def documents(self) -> list[DocumentRecord]:
        return list(self._documents.values())

    def document(self, doc_id: str) -> DocumentRecord | None:
        return self._documents.get(doc_id)

    def chunks_of(self, doc_id: str):
        part = self._home.get(doc_id)
        return part.segment.store.chunks_of(doc_id) if part is not None else []

    def regions(self) -> list[str]:
        return sorted({d.metadata.region for d in self._documents.values() if d.metadata.region})

    def __len__(self) -> int:
        return sum(d.n_chunks for d in self._documents.values())

    # -- search ----------------------------------------------------------------------
    def search(self, query: str, k: int = 8, filters: Filters | None = None, mode: str = "hybrid",
               dense_weight: float | None = None, query_vector: np.ndarray | None = None) -> list[Hit]:
        """`query_vector`: the query as this index's embedder embeds it, when the caller has it
        already (the same probe questions searched within every new filter)."""
        if mode not in MODES:
            raise ValueError(f"mode must be one of {MODES}")
        allowed = [part.allowed(filters) for part in self._parts]
        depth = max(CANDIDATES, k)
        if mode != "bm25" and query_vector is None:
            query_vector = self.embedder.embed_query(query)
        if mode == "bm25":
            query_vector = None
        dense = self._dense(query_vector, depth, allowed) if mode != "bm25" else []
        lexical = self._lexical(query, depth, allowed) if mode != "dense" else []
        weight = self.dense_weight if dense_weight is None else dense_weight
        if mode == "dense":
            weights = [1.0, 0.0]
        elif mode == "bm25":
            weights = [0.0, 1.0]
        else:
            weights = [weight, 1.0 - weight]
        fused = reciprocal_rank_fusion([[r for r, _ in dense], [r for r, _ in lexical]], weights)
        best = sorted(fused, key=lambda r: -fused[r])[:k]
        dense_scores = dict(dense)
        if query_vector is not None:
            # rows only BM25 found still get a cosine, which the assistant uses to judge evidence
            for row in best:
                if row not in dense_scores:
                    part, local = self._locate(row)
                    dense_scores[row] = float(part.segment.vectors([local])[0] @ query_vector)
        bm25_scores = dict(lexical)
        chunks = self._chunks(best)
        return [
            Hit(chunks[r], self._documents[chunks[r].doc_id], fused[r], dense_scores.get(r), bm25_scores.get(r))
            for r in best
        ]

    def _dense(self, query_vector: np.ndarray, depth: int, allowed: list[np.ndarray | None]) -> list[tuple[int, float]]:
        found = []
        for part, mask in zip(self._parts, allowed):
            found += [(part.offset + r, s) for r, s in part.segment.dense(query_vector, depth, mask)]
        return sorted(found, key=lambda f: -f[1])[:depth]

    def _lexical(self, query: str, depth: int, allowed: list[np.ndarray | None]) -> list[tuple[int, float]]:
        analyzer = self._get_analyzer()
        parts = [bm25_store.Part(p.segment.bm25(analyzer), p.live, a) for p, a in zip(self._parts, allowed)]
        return [(self._parts[i].offset + r, s) for i, r, s in bm25_store.search(parts, analyzer.terms(query), depth)]

    def _locate(self, row: int) -> tuple[_Part, int]:
        part = self._parts[int(np.searchsorted(self._offsets, row, side="right")) - 1]
        return part, row - part.offset

    def _chunks(self, rows: list[int]) -> dict:
        by_part: dict[int, list[int]] = {}
        for row in rows:
            part, local = self._locate(row)
            by_part.setdefault(part.offset, []).append(local)
        found = {}
        for part in self._parts:
            if part.offset in by_part:
                found |= {part.offset + r: c for r, c in part.segment.store.chunks(by_part[part.offset]).items()}
        return found

    def _get_analyzer(self) -> DutchAnalyzer:
        if self._analyzer is None:
            self._analyzer = DutchAnalyzer()
        return self._analyzer

    def document_frequencies(self, terms: list[str]) -> tuple[list[int], int]:
        """Chunk frequencies of analysed terms (see `index.bm25_store.DutchAnalyzer`)."""
        analyzer = self._get_analyzer()
        parts = [bm25_store.Part(p.segment.bm25(analyzer), p.live) for p in self._parts]
        return bm25_store.document_frequencies(parts, terms)

    def close(self) -> None:
        """Close the segments; only when no later generation reuses them (LiveIndex does not close)."""
        for part in self._parts:
            part.segment.close()


def check_compatible(manifest: Manifest, embedder: Embedder, index_dir: Path) -> None:
    if manifest.embedder_space != embedder.space or manifest.dim != embedder.dim:
        raise EmbedderMismatch(
            f"De index in {index_dir} is gebouwd met embedder '{manifest.embedder_space}' ({manifest.dim} dimensies), "
            f"maar nu is '{embedder.space}' ({embedder.dim} dimensies) ingesteld. Zet de oude embedder terug, "
            f"of bouw de index opnieuw met de nieuwe: thuiswijzer reindex --index {index_dir}"
        )


class LiveIndex:
    """The newest complete generation of an index directory, for a long-running app.

    Searches keep using the generation they started on while a writer builds the next one;
    the first search after the switch opens the new generation (the embedder is reused).
    """

    def __init__(self, index_dir: str | Path, embedder: Embedder | None = None, preferred_embedder: str = "auto",
                 dense_weight: float = DEFAULT_DENSE_WEIGHT):
        self.index_dir = Path(index_dir)
        self._preferred = preferred_embedder
        self._dense_weight = dense_weight
        self._embedder = embedder
        self._index: Index | None = None
        self._lock = threading.Lock()

    @property
    def embedder(self) -> Embedder | None:
        """The embedder searches use; None until the first index is opened, unless one was given."""
        return self._embedder

    def get(self) -> Index:
        generation = current_generation(self.index_dir)
        with self._lock:
            if self._index is None or (generation is not None and generation != self._index.generation):
                # unchanged segments are shared with the previous generation, not opened again
                previous = self._index.segments if self._index is not None else None
                fresh = Index.open(self.index_dir, self._embedder, self._preferred, self._dense_weight, previous)
                self._embedder = fresh.embedder
                self._index = fresh
            return self._index
