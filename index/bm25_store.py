"""BM25 over chunks with Dutch analysis: accent folding, stopwords and Snowball stemming.

One bm25s index per segment; a search sums the segments' statistics so that scores of all
segments compare, and leaves deleted passages out of both statistics and results."""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import Stemmer

# "dutch_porter" (classic) or "dutch" (PyStemmer 3's newer, more aggressive algorithm);
# chosen by measurement on the gold questions, see docs/retrieval.md
STEMMER = "dutch_porter"

_TOKEN = re.compile(r"\w+", re.UNICODE)

# Words the stemmer gets wrong, with the stem they should have (as Lucene's StemmerOverrideFilter
# does). dutch_porter makes "taken" (tasks) "tak", the stem of the Woningwet's "daeb-tak", so "Welke
# taken heeft de gemeente?" met passages about a corporation's branches; it strips "-baar", so
# "beschikbaar" (available) met "beschikking" (a decision), "betaalbaar" (affordable) met "betaling"
# (a payment) and "openbaar" (public) met "open"; "indienen" (to submit) meets "indien" (if),
# "overheid" (government) "overige" (other), "betrekking" ("met betrekking tot") "betrekken"; and
# it leaves the plurals whose vowel or consonant changes apart from their singular ("leden" → "led",
# "huizen" → "huiz"). Found by listing the words of the real library that share a stem.
# Changing this table or PLURAL_IE changes `DutchAnalyzer.analysis`: each segment's BM25 is rebuilt for it.
STEM_OVERRIDES = {
    "taak": "taak", "taken": "taak",
    "lid": "lid", "leden": "lid",
    "stad": "stad", "steden": "stad",
    "huis": "huis", "huizen": "huis",
    "prijs": "prijs", "prijzen": "prijs",
    "brief": "brief", "brieven": "brief",
    "kind": "kind", "kinderen": "kind",
    "beschikbaar": "beschikbar", "beschikbare": "beschikbar", "beschikbaarheid": "beschikbar",
    "openbaar": "openbar", "openbare": "openbar", "openbaarheid": "openbar",
    "betaalbaar": "betaalbar", "betaalbare": "betaalbar", "betaalbaarheid": "betaalbar",
    "overheid": "overheid", "overheden": "overheid",
    "indienen": "indienen", "indiening": "indienen", "indieningen": "indienen",
    "betrekking": "betrekking", "betrekkingen": "betrekking",
    "verstreken": "verstreken",
    "gelegenheid": "gelegenheid", "gelegenheden": "gelegenheid",
}


# the plural of a word in -ie is -ieën ("categorieën", "strategieën"), folded "-ieen", which
# dutch_porter leaves whole: "Wie beslist of iemand in een urgentiecategorie valt?" did not meet the
# law's "indeling … in de urgentiecategorieën". A rule, not table rows: every compound has it
PLURAL_IE = "ieen"


class DutchAnalyzer:
    """Turns text into the terms BM25 counts: "Woningen" and "woning" meet at one stem."""

    def __init__(self, algorithm: str = STEMMER):
        # bm25s is imported here, not at the top: it pulls in numba and scipy (about a second),
        # which commands that search nothing (`thuiswijzer docs`) should not pay
        from bm25s.stopwords import STOPWORDS_DUTCH

        self._stemmer = Stemmer.Stemmer(algorithm)
        self._stopwords = frozenset(STOPWORDS_DUTCH)
        overrides = json.dumps([STEM_OVERRIDES, PLURAL_IE], sort_keys=True).encode()
        # what a BM25 index was built with: terms of another analysis do not meet these
        self.analysis = f"{algorithm}-{hashlib.sha256(overrides).hexdigest()[:8]}"

    def terms(self, text: str) -> list[str]:
        words = [w if w.isascii() else _fold(w) for w in _TOKEN.findall(text.lower())]
        words = [w for w in words if w not in self._stopwords and (len(w) > 1 or w.isdigit())]
        stems = self._stemmer.stemWords(words)
        return [STEM_OVERRIDES.get(w) or (stem[:-2] if stem.endswith(PLURAL_IE) else stem)
                for w, stem in zip(words, stems)]


def _fold(word: str) -> str:
    # "beëindigen" and "beeindigen" are the same word to a searcher
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


def lucene_idf(df: np.ndarray | int, n: int) -> np.ndarray:
    """bm25s's default ("lucene") inverse document frequency."""
    return np.log1p((n - np.asarray(df, dtype=np.float64) + 0.5) / (np.asarray(df, dtype=np.float64) + 0.5))


class BM25Store:
    """The BM25 index of one segment (bm25s, scores precomputed per term and passage)."""

    def __init__(self, retriever, analyzer: DutchAnalyzer | None = None):
        self._retriever = retriever
        self.analyzer = analyzer or DutchAnalyzer()

    @classmethod
    def build(cls, texts: Iterable[str], analyzer: DutchAnalyzer | None = None) -> "BM25Store":
        import bm25s

        analyzer = analyzer or DutchAnalyzer()
        vocabulary: dict[str, int] = {}
        # terms become compact id arrays text by text: a segment of 250k passages as lists of
        # strings would take gigabytes before bm25s sees them
        ids = [
            # an empty text still needs a token so row numbers stay aligned with the vectors
            np.array([vocabulary.setdefault(t, len(vocabulary)) for t in analyzer.terms(text) or ["\u2205"]],
                     dtype=np.int32)
            for text in texts
        ]
        if not ids:
            return cls(None, analyzer)
        retriever = bm25s.BM25()
        retriever.index((ids, vocabulary), show_progress=False)
        return cls(retriever, analyzer)

    def save(self, directory: Path) -> None:
        directory.mkdir(parents=True, exist_ok=True)
        if self._retriever is not None:
            self._retriever.save(str(directory), allow_pickle=False)

    @classmethod
    def load(cls, directory: Path, analyzer: DutchAnalyzer | None = None) -> "BM25Store":
        import bm25s

        if not (directory / "params.index.json").exists():
            return cls(None, analyzer)
        # memory-mapped: the score matrix is read from the page cache, not copied into the process
        return cls(bm25s.BM25.load(str(directory), mmap=True, allow_pickle=False), analyzer)

    @property
    def num_docs(self) -> int:
        return 0 if self._retriever is None else int(self._retriever.scores["num_docs"])

    def postings(self, term: str) -> tuple[np.ndarray, np.ndarray]:
        """The rows holding `term` and their scores under this segment's own IDF."""
        if self._retriever is None or term not in self._retriever.vocab_dict:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32)
        scores, i = self._retriever.scores, self._retriever.vocab_dict[term]
        start, end = int(scores["indptr"][i]), int(scores["indptr"][i + 1])
        return np.asarray(scores["indices"][start:end]), np.asarray(scores["data"][start:end])

    def search(self, query: str, k: int) -> list[tuple[int, float]]:
        """(row, score) pairs of this store alone, best first, only rows with a positive score."""
        return [(row, score) for _, row, score in search([Part(self)], self.analyzer.terms(query), k)]


@dataclass
class Part:
    """One segment's store as a search sees it: `live` masks deleted rows out of the
    statistics and the results, `allowed` (filters) only out of the results; None: all rows."""

    store: BM25Store
    live: np.ndarray | None = None
    allowed: np.ndarray | None = None


def document_frequencies(parts: list[Part], terms: list[str]) -> tuple[list[int], int]:
    """How many live passages contain each (analysed) term, and how many live passages there are.

    Each segment was scored with its own IDF; these are the figures of the whole library,
    as Lucene sums its per-segment statistics."""
    frequencies = [0] * len(terms)
    for part in parts:
        for i, term in enumerate(terms):
            rows, _ = part.store.postings(term)
            frequencies[i] += len(rows) if part.live is None else int(np.count_nonzero(part.live[rows]))
    total = sum(p.store.num_docs if p.live is None else int(np.count_nonzero(p.live)) for p in parts)
    return frequencies, total


def search(parts: list[Part], terms: list[str], k: int) -> list[tuple[int, int, float]]:
    """(part, row, score) triples over all parts, best first, only positive scores.

    A segment's precomputed score is idf_segment × tf-part; it is rescaled to the library's
    IDF so scores from different segments compare. (The tf-part keeps the segment's own mean
    passage length, a small difference that disappears when segments are merged.)"""
    terms = list(dict.fromkeys(terms))
    if k <= 0 or not terms:
        return []
    frequencies, total = document_frequencies(parts, terms)
    library_idf = lucene_idf(np.array(frequencies), total)
    found: list[tuple[int, int, float]] = []
    for p, part in enumerate(parts):
        if part.store.num_docs == 0:
            continue
        scores = np.zeros(part.store.num_docs, dtype=np.float64)
        for term, idf in zip(terms, library_idf):
            rows, values = part.store.postings(term)
            if len(rows):
                scores[rows] += values * (idf / lucene_idf(len(rows), part.store.num_docs))
        for mask in (part.live, part.allowed):
            if mask is not None:
                scores[~mask] = 0.0
        n = min(k, len(scores))
        top = np.argpartition(-scores, n - 1)[:n]
        found += [(p, int(r), float(scores[r])) for r in top if scores[r] > 0]
    found.sort(key=lambda t: -t[2])
    return found[:k]
