"""Vectors in FAISS, one index per segment: an exact scan for small segments, IVF-PQ with an
exact re-ranking for large ones.

A flat index is memory-mapped, so its vectors live once, in the page cache. A compressed
segment keeps its full vectors beside it in `vectors.npy`, memory-mapped too: the compressed
codes find candidates, the full vectors re-rank them exactly (recall measured in
benchmarks/bench_scale.py), and merges read them back without loss.
"""

from __future__ import annotations

from pathlib import Path

import faiss
import numpy as np

# one thread scans 100k vectors faster than two fighting over busy cores (docs/benchmarks.md)
faiss.omp_set_num_threads(1)

# from this many vectors a segment is compressed: a flat scan of 100k costs ~10 ms on one
# core and 150 MB of page cache; IVF-PQ keeps 56 bytes a vector in memory (docs/scale.md)
COMPRESS_FROM = 100_000
PQ_DIMS = 8  # dimensions per 8-bit sub-quantiser: e5's 384 dimensions become 48 bytes
NPROBE = 64  # of 1,024 lists: recall@10 0.975 at 1M against 0.972 for 48 (docs/scale.md)
RERANK = 200  # candidates the compressed codes hand to the exact re-ranking
# below this many allowed rows a filtered search scans their full vectors exactly: cheap, and
# an IVF search would find too few of them in the lists it probes
EXACT_BELOW = 5_000
TRAIN_SAMPLE = 40_000


def build_index(vectors: np.ndarray, kind: str = "auto") -> faiss.Index:
    """An index whose ids are the row numbers of `vectors` (normalised, so IP = cosine)."""
    vectors = np.ascontiguousarray(vectors, dtype=np.float32)
    count, dim = vectors.shape
    if compressed_kind(count, kind):
        nlist = int(min(1024, max(64, 4 * np.sqrt(count))))
        index = faiss.IndexIVFPQ(faiss.IndexFlatIP(dim), dim, nlist, max(1, dim // PQ_DIMS), 8,
                                 faiss.METRIC_INNER_PRODUCT)
        sample = vectors[np.random.default_rng(0).choice(count, min(count, TRAIN_SAMPLE), replace=False)]
        index.train(sample)
        index.nprobe = NPROBE
    else:
        index = faiss.IndexFlatIP(dim)
    if count:
        index.add(vectors)
    return index


def compressed_kind(count: int, kind: str) -> bool:
    return kind == "ivfpq" or (kind == "auto" and count >= COMPRESS_FROM)


def save_index(index: faiss.Index, path: Path) -> None:
    faiss.write_index(index, str(path))


def load_index(path: Path) -> faiss.Index:
    if _is_flat(path):
        return faiss.read_index(str(path), faiss.IO_FLAG_MMAP_IFC)
    index = faiss.read_index(str(path))
    faiss.extract_index_ivf(index).nprobe = NPROBE
    return index


def _is_flat(path: Path) -> bool:
    with open(path, "rb") as handle:
        return handle.read(4) in (b"IxFI", b"IxF2")  # faiss's tags of IndexFlatIP and IndexFlatL2


def save_raw(vectors: np.ndarray, path: Path) -> None:
    np.save(path, np.ascontiguousarray(vectors, dtype=np.float32))


def load_raw(path: Path) -> np.ndarray:
    return np.load(path, mmap_mode="r")


def search(index: faiss.Index, query: np.ndarray, k: int, allowed: np.ndarray | None = None,
           raw: np.ndarray | None = None) -> list[tuple[int, float]]:
    """(row, cosine) pairs, best first.

    `allowed` is a boolean mask over the rows (None: all); `raw` the full vectors of a
    compressed index, for the exact re-ranking.
    """
    if index.ntotal == 0 or k <= 0:
        return []
    query = query.reshape(1, -1).astype(np.float32)
    if allowed is not None:
        count = int(np.count_nonzero(allowed))
        if count == 0:
            return []
        if raw is not None and count <= EXACT_BELOW:
            return _exact(raw, np.flatnonzero(allowed), query[0], k)
    if raw is None:
        return _faiss_search(index, query, min(k, index.ntotal), allowed)
    candidates = [r for r, _ in _faiss_search(index, query, max(k, RERANK), allowed)]
    return _exact(raw, np.array(sorted(candidates), dtype=np.int64), query[0], k)


def _faiss_search(index: faiss.Index, query: np.ndarray, k: int, allowed: np.ndarray | None) -> list[tuple[int, float]]:
    params = None
    if allowed is not None:
        bitmap = np.packbits(allowed, bitorder="little")
        selector = faiss.IDSelectorBitmap(len(allowed), faiss.swig_ptr(bitmap))
        params = (faiss.SearchParametersIVF(sel=selector, nprobe=NPROBE) if isinstance(index, faiss.IndexIVF)
                  else faiss.SearchParameters(sel=selector))
    scores, rows = index.search(query, k, params=params)
    return [(int(r), float(s)) for r, s in zip(rows[0], scores[0]) if r >= 0]


def _exact(raw: np.ndarray, rows: np.ndarray, query: np.ndarray, k: int) -> list[tuple[int, float]]:
    if not len(rows):
        return []
    scores = raw[rows] @ query
    k = min(k, len(rows))
    top = np.argpartition(-scores, k - 1)[:k]
    top = top[np.argsort(-scores[top])]
    return [(int(rows[i]), float(scores[i])) for i in top]


def vectors_of(index: faiss.Index, rows: np.ndarray, raw: np.ndarray | None = None) -> np.ndarray:
    """The full vectors of some rows: from the flat index itself or from the raw file."""
    rows = np.asarray(rows, dtype=np.int64)
    if not len(rows):
        return np.zeros((0, index.d), dtype=np.float32)
    if raw is not None:
        return np.asarray(raw[rows], dtype=np.float32)
    return np.asarray(index.reconstruct_batch(rows), dtype=np.float32)
