"""BM25 over chunks with Dutch analysis: accent folding, stopwords and Snowball stemming."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import bm25s
import numpy as np
import Stemmer
from bm25s.stopwords import STOPWORDS_DUTCH

# "dutch_porter" (classic) or "dutch" (PyStemmer 3's newer, more aggressive algorithm);
# chosen by measurement on the gold questions, see docs/retrieval.md
STEMMER = "dutch_porter"

_TOKEN = re.compile(r"\w+", re.UNICODE)
_STOPWORDS = frozenset(STOPWORDS_DUTCH)


class DutchAnalyzer:
    """Turns text into the terms BM25 counts: "Woningen" and "woning" meet at one stem."""

    def __init__(self, algorithm: str = STEMMER):
        self._stemmer = Stemmer.Stemmer(algorithm)

    def terms(self, text: str) -> list[str]:
        words = [_fold(w) for w in _TOKEN.findall(text.lower())]
        words = [w for w in words if w not in _STOPWORDS and (len(w) > 1 or w.isdigit())]
        return self._stemmer.stemWords(words)


def _fold(word: str) -> str:
    # "beëindigen" and "beeindigen" are the same word to a searcher
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


class BM25Store:
    def __init__(self, retriever: bm25s.BM25 | None, analyzer: DutchAnalyzer):
        self._retriever = retriever
        self._analyzer = analyzer

    @classmethod
    def build(cls, texts: list[str], analyzer: DutchAnalyzer | None = None) -> "BM25Store":
        analyzer = analyzer or DutchAnalyzer()
        if not texts:
            return cls(None, analyzer)
        retriever = bm25s.BM25()
        # an empty text still needs a token so row numbers stay aligned with the vectors
        retriever.index([analyzer.terms(t) or ["\u2205"] for t in texts], show_progress=False)
        return cls(retriever, analyzer)

    def save(self, directory: Path) -> None:
        directory.mkdir(parents=True, exist_ok=True)
        if self._retriever is not None:
            self._retriever.save(str(directory), allow_pickle=False)

    @classmethod
    def load(cls, directory: Path) -> "BM25Store":
        if not (directory / "params.index.json").exists():
            return cls(None, DutchAnalyzer())
        return cls(bm25s.BM25.load(str(directory), mmap=False, allow_pickle=False), DutchAnalyzer())

    def document_frequencies(self, terms: list[str]) -> tuple[list[int], int]:
        """How many chunks contain each (analysed) term, and how many chunks there are."""
        if self._retriever is None:
            return [0] * len(terms), 0
        vocab, indptr = self._retriever.vocab_dict, self._retriever.scores["indptr"]
        frequencies = [int(indptr[vocab[t] + 1] - indptr[vocab[t]]) if t in vocab else 0 for t in terms]
        return frequencies, int(self._retriever.scores["num_docs"])

    def search(self, query: str, k: int, allowed: np.ndarray | None = None) -> list[tuple[int, float]]:
        """(row, score) pairs, best first, only rows with a positive score."""
        if self._retriever is None or k <= 0:
            return []
        vocab = self._retriever.vocab_dict
        terms = [t for t in self._analyzer.terms(query) if t in vocab]
        if not terms:
            return []
        n_docs = self._retriever.scores["num_docs"]
        scores = self._retriever.get_scores(terms)
        if allowed is not None:
            mask = np.zeros(n_docs, dtype=bool)
            mask[allowed] = True
            scores = np.where(mask, scores, 0.0)
        k = min(k, n_docs)
        top = np.argpartition(-scores, k - 1)[:k]
        top = top[np.argsort(-scores[top])]
        return [(int(r), float(scores[r])) for r in top if scores[r] > 0]
