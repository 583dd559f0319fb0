"""Hybrid search over one index generation: dense (FAISS) and BM25 fused, with metadata filters."""

from __future__ import annotations

import threading
from pathlib import Path

import numpy as np

from index import faiss_store
from index.bm25_store import BM25Store
from index.chunk_store import ChunkStore
from index.embedders import Embedder, embedder_for_space
from index.fusion import reciprocal_rank_fusion
from index.models import DocumentRecord, Filters, Hit
from index.storage import EmbedderMismatch, Manifest, current_generation, require_generation

MODES = ("hybrid", "dense", "bm25")
# how deep each ranking goes before fusion; enough that a passage one method ranks 40th still counts
CANDIDATES = 50
DEFAULT_DENSE_WEIGHT = 0.7


class Index:
    """A read-only view of one complete generation; safe to share between threads."""

    def __init__(self, generation: Path, embedder: Embedder, dense_weight: float = DEFAULT_DENSE_WEIGHT):
        self.generation = generation
        self.manifest = Manifest.load(generation)
        check_compatible(self.manifest, embedder, generation.parent)
        self.embedder = embedder
        self.dense_weight = dense_weight
        self._store = ChunkStore(generation / "chunks.sqlite")
        self._vectors = faiss_store.load_index(generation / "vectors.faiss")
        self._bm25 = BM25Store.load(generation / "bm25")
        self._documents = {d.doc_id: d for d in self._store.documents()}
        doc_order = {doc_id: i for i, doc_id in enumerate(self._documents)}
        self._row_doc = np.array([doc_order[d] for d in self._store.chunk_doc_ids()], dtype=np.int32)

    @classmethod
    def open(cls, index_dir: str | Path, embedder: Embedder | None = None, preferred_embedder: str = "auto",
             dense_weight: float = DEFAULT_DENSE_WEIGHT) -> "Index":
        generation = require_generation(Path(index_dir))
        if embedder is None:
            manifest = Manifest.load(generation)
            embedder = embedder_for_space(manifest.embedder_space, preferred_embedder,
                                          manifest.query_prefix, manifest.passage_prefix)
        return cls(generation, embedder, dense_weight)

    # -- documents -------------------------------------------------------------------
    def documents(self) -> list[DocumentRecord]:
        return list(self._documents.values())

    def document(self, doc_id: str) -> DocumentRecord | None:
        return self._documents.get(doc_id)

    def chunks_of(self, doc_id: str):
        return self._store.chunks_of(doc_id)

    def regions(self) -> list[str]:
        return sorted({d.metadata.region for d in self._documents.values() if d.metadata.region})

    def __len__(self) -> int:
        return int(self._vectors.ntotal)

    # -- search ----------------------------------------------------------------------
    def search(self, query: str, k: int = 8, filters: Filters | None = None, mode: str = "hybrid",
               dense_weight: float | None = None) -> list[Hit]:
        if mode not in MODES:
            raise ValueError(f"mode must be one of {MODES}")
        allowed = self._allowed_rows(filters) if filters else None
        depth = max(CANDIDATES, k)
        query_vector = self.embedder.embed_query(query) if mode != "bm25" else None
        dense = faiss_store.search(self._vectors, query_vector, depth, allowed) if mode != "bm25" else []
        lexical = self._bm25.search(query, depth, allowed) if mode != "dense" else []
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
                    dense_scores[row] = float(self._vectors.reconstruct(int(row)) @ query_vector)
        bm25_scores = dict(lexical)
        chunks = self._store.chunks(best)
        return [
            Hit(chunks[r], self._documents[chunks[r].doc_id], fused[r], dense_scores.get(r), bm25_scores.get(r))
            for r in best
        ]

    def document_frequencies(self, terms: list[str]) -> tuple[list[int], int]:
        """Chunk frequencies of analysed terms (see `index.bm25_store.DutchAnalyzer`)."""
        return self._bm25.document_frequencies(terms)

    def _allowed_rows(self, filters: Filters) -> np.ndarray:
        accepted = np.array([filters.accepts(d) for d in self._documents.values()], dtype=bool)
        if not len(accepted):
            return np.zeros(0, dtype=np.int64)
        return np.nonzero(accepted[self._row_doc])[0].astype(np.int64)

    def close(self) -> None:
        self._store.close()


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
                fresh = Index.open(self.index_dir, self._embedder, self._preferred, self._dense_weight)
                self._embedder = fresh.embedder
                self._index = fresh
            return self._index
