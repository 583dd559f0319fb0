"""Vectors in FAISS: exact inner product by default, HNSW for large collections."""

from __future__ import annotations

from pathlib import Path

import faiss
import numpy as np

# one thread scans 100k vectors faster than two fighting over busy cores (docs/benchmarks.md)
faiss.omp_set_num_threads(1)

# beyond this many vectors an exact scan stops being cheap on 2 cores (see benchmarks/)
HNSW_FROM = 500_000
HNSW_M = 32
HNSW_EF_SEARCH = 128


def build_index(vectors: np.ndarray, kind: str = "auto") -> faiss.Index:
    """An index whose ids are the row numbers of `vectors` (normalised, so IP = cosine)."""
    dim = vectors.shape[1]
    if kind == "hnsw" or (kind == "auto" and len(vectors) >= HNSW_FROM):
        index = faiss.IndexHNSWFlat(dim, HNSW_M, faiss.METRIC_INNER_PRODUCT)
        index.hnsw.efSearch = HNSW_EF_SEARCH
    else:
        index = faiss.IndexFlatIP(dim)
    if len(vectors):
        index.add(np.ascontiguousarray(vectors, dtype=np.float32))
    return index


def save_index(index: faiss.Index, path: Path) -> None:
    faiss.write_index(index, str(path))


def load_index(path: Path) -> faiss.Index:
    index = faiss.read_index(str(path))
    if isinstance(index, faiss.IndexHNSW):
        index.hnsw.efSearch = HNSW_EF_SEARCH
    return index


def all_vectors(index: faiss.Index) -> np.ndarray:
    """Every stored vector in row order (both flat and HNSW keep them)."""
    if index.ntotal == 0:
        return np.zeros((0, index.d), dtype=np.float32)
    return index.reconstruct_n(0, index.ntotal)


def search(index: faiss.Index, query: np.ndarray, k: int, allowed: np.ndarray | None = None) -> list[tuple[int, float]]:
    """(row, cosine) pairs, best first; `allowed` restricts the search to those rows."""
    if index.ntotal == 0 or k <= 0:
        return []
    params = None
    if allowed is not None:
        if len(allowed) == 0:
            return []
        selector = faiss.IDSelectorBatch(np.asarray(allowed, dtype=np.int64))
        params = faiss.SearchParametersHNSW(sel=selector) if isinstance(index, faiss.IndexHNSW) else faiss.SearchParameters(sel=selector)
    scores, rows = index.search(query.reshape(1, -1).astype(np.float32), min(k, index.ntotal), params=params)
    return [(int(r), float(s)) for r, s in zip(rows[0], scores[0]) if r >= 0]
