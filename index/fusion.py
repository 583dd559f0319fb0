"""Fusing ranked lists: weighted reciprocal-rank fusion of dense and BM25 results."""

from __future__ import annotations

# the usual constant from Cormack et al. (2009); it damps the weight of the very first ranks
RRF_K = 60


def reciprocal_rank_fusion(rankings: list[list[int]], weights: list[float], k: int = RRF_K) -> dict[int, float]:
    """score(row) = Σ weight_i / (k + rank_i(row)), ranks starting at 1."""
    fused: dict[int, float] = {}
    for ranking, weight in zip(rankings, weights):
        for rank, row in enumerate(ranking, start=1):
            fused[row] = fused.get(row, 0.0) + weight / (k + rank)
    return fused
