"""Retrieval and answer metrics for a gold question set.

Retrieval (computed with ranx over the questions that have gold documents):

- Documents: the ranked hits become a document ranking by first occurrence of each
  document; a gold document is relevant. recall@1/5/10, mrr@10, ndcg@10 (binary gains).
- Passages (questions with `gold_passages`): a retrieved chunk is relevant when its text
  contains one of the question's gold snippets after folding (case, Unicode form, quotes,
  dashes, whitespace). The qrels hold every chunk of the index that contains a snippet, so
  recall counts chunks: a snippet that falls in two overlapping chunks makes two relevant chunks.

Answers (the assistant's `Answer` per question):

- citation validity: share of answers whose every [n] in the text points at a citation of
  the answer (an answer without markers is valid; coverage catches it).
- citation precision: of the passages an answer cites in its text, the share from a gold
  document (answerable questions the assistant answered).
- citation coverage: share of answer sentences that carry a [n]. Sentences are the bullet
  lines of the body (prose lines are split at sentence ends), not headings, not notes in
  italics, not the **Bronnen** block.
- groundedness: share of answer sentences supported by a passage they cite (its text and
  its nearest heading, which the source line shows). Supported when
  the sentence (without its markers) occurs in the cited passage after folding, or when at
  least 80 % of its tokens occur in the passage, or when the index's embedder gives a cosine
  of at least 0.85 between sentence and passage (embedded in one batch). A sentence without
  a marker is not supported.
- key-fact recall: share of a question's `key_facts` found (folded) in the answer body; an
  answerable question the assistant refused scores 0. In the direct answer: the same, in the
  answer's opening block only (up to the first blank line, after a caution note), what an
  officer reads before "Verder in de bronnen".
- abstention: `abstention_rate_unanswerable` (unanswerable questions refused),
  `answer_rate_answerable` (answerable questions answered) and `abstention_accuracy`
  (share of all questions where the assistant did the right one of the two).
  `answered_off_target`: answerable questions answered without citing a gold document and
  without one key fact (`off_target`): the answers a refusal would have served better, so
  that a higher answer rate bought with wrong answers shows.
- follow-up accuracy: questions with history whose condensed query puts a gold document
  in the top 5.
- latency: p50 and p95 of the time one `Assistant.ask` took, in milliseconds.

Every rate is a mean over the questions it applies to; a metric with no question to apply
to is None (shown as "—"), never 0.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import numpy as np

from assistant.sentences import tidy

DOC_METRICS = ("recall@1", "recall@5", "recall@10", "mrr@10", "ndcg@10")
RETRIEVAL_DEPTH = 10
_NOTHING = "\x00niets-gevonden"
FOLLOW_UP_DEPTH = 5
TOKEN_OVERLAP = 0.8
COSINE = 0.85

_MARKER = re.compile(r"\[(\d+(?:\s*[,;]\s*\d+)*)\]")
_BULLET = re.compile(r"^\s*(?:[-*•]|\d+[.)])\s+")
_SENTENCE_END = re.compile(r"(?<=[.!?])((?:\s*\[\d+(?:\s*[,;]\s*\d+)*\])*)\s+(?=[A-ZÀ-Ý0-9\"'“‘(])")
_SOURCES_HEADING = re.compile(r"^\s*(?:\*\*|#+\s*)?(?:Bronnen|Dichtstbijzijnde documenten)(?:\*\*)?\s*:?\s*$", re.I)
_HEADING = re.compile(r"^\s*(?:#+\s+.*|\*\*[^*]+\*\*\s*:?)\s*$")
_NOTE = re.compile(r"^\s*_[^_].*_\s*$")
_TOKEN = re.compile(r"\w+", re.U)
_FOLD_CHARS = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-", "\u00ad": None, "\u00a0": " "})


# -- text --------------------------------------------------------------------------------
def fold(text: str) -> str:
    """Case-, Unicode- and whitespace-folded text, with Markdown emphasis removed, for matching."""
    text = unicodedata.normalize("NFKC", text).translate(_FOLD_CHARS)
    text = tidy(text.replace("**", "").replace("__", "").replace("`", ""))
    return " ".join(text.casefold().split())


def contains(haystack: str, needle: str) -> bool:
    needle = fold(needle)
    return bool(needle) and needle in fold(haystack)


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(fold(text))


def answer_body(text: str) -> str:
    """The answer without its **Bronnen** (or nearest-documents) block."""
    lines = text.splitlines()
    for i, line in enumerate(lines):
        if _SOURCES_HEADING.match(line):
            return "\n".join(lines[:i]).strip()
    return text.strip()


def direct_answer(text: str) -> str:
    """The opening block of the answer body: the direct answer, without a caution note above it."""
    blocks = [b for b in re.split(r"\n\s*\n", answer_body(text)) if b.strip()]
    blocks = [b for b in blocks if not (b.strip().startswith("_") and b.strip().endswith("_"))]
    return blocks[0] if blocks else ""


def markers(text: str) -> list[int]:
    """Every citation number in the text, in order: "[1]", "[2, 3]"."""
    return [int(n) for group in _MARKER.findall(text) for n in re.split(r"\s*[,;]\s*", group)]


def strip_markers(text: str) -> str:
    return " ".join(_MARKER.sub(" ", text).split())


def answer_sentences(text: str) -> list[str]:
    """The claims of an answer: bullet lines of the body, prose split at sentence ends;
    headings, notes in italics and the Bronnen block are left out. Markers stay attached."""
    sentences = []
    for line in answer_body(text).splitlines():
        if not line.strip() or _HEADING.match(line) or _NOTE.match(line):
            continue
        if _BULLET.match(line):
            if not _NOTE.match(_BULLET.sub("", line)):  # "- _… en nog 5 onderdelen in de bron [1]_"
                sentences.append(_BULLET.sub("", line).strip())
            continue
        for part in _SENTENCE_END.sub(lambda m: m.group(1) + "\n", line.strip()).splitlines():
            if part.strip():
                sentences.append(part.strip())
    return sentences


# -- retrieval ---------------------------------------------------------------------------
def first_occurrences(doc_ids: Sequence[str]) -> list[str]:
    """A ranking of chunks' documents turned into a document ranking: each document once, at its best rank."""
    seen: dict[str, None] = {}
    for doc_id in doc_ids:
        seen.setdefault(doc_id, None)
    return list(seen)


def relevant_chunks(chunks: Sequence[tuple[str, str]], snippets: Sequence[str]) -> set[str]:
    """Ids of the (chunk id, text) pairs whose text contains one of the snippets, folded."""
    folded = [fold(s) for s in snippets if fold(s)]
    return {chunk_id for chunk_id, text in chunks if any(s in fold(text) for s in folded)}


def ranking_metrics(rankings: dict[str, list[str]], relevant: dict[str, set[str]],
                    metrics: Sequence[str] = DOC_METRICS) -> tuple[dict[str, float | None], dict[str, dict[str, float]]]:
    """ranx over rankings {query id: [item, ...] best first} and relevant {query id: {item, ...}}.

    Queries without relevant items are left out. Returns (mean per metric, per query per metric).
    """
    queries = [q for q in rankings if relevant.get(q)]
    if not queries:
        return {m: None for m in metrics}, {}
    from ranx import Qrels, Run, evaluate

    qrels = Qrels({q: {item: 1 for item in relevant[q]} for q in queries})
    # distinct descending scores keep the given order (ranx sorts by score); ranx cannot
    # hold an empty ranking, so a question that retrieved nothing gets one non-relevant item
    run = Run({q: {item: float(len(rankings[q]) - i) for i, item in enumerate(rankings[q])} or {_NOTHING: 1.0}
               for q in queries})
    evaluate(qrels, run, list(metrics))  # per-query scores land in run.scores[metric][query id]
    by_query = {q: {m: float(run.scores[m][q]) for m in metrics} for q in queries}
    means = {m: float(np.mean([by_query[q][m] for q in queries])) for m in metrics}
    return means, by_query


# -- answers -----------------------------------------------------------------------------
@dataclass
class CitationCheck:
    """What one answer's citations look like."""

    valid: bool
    invalid: list[int] = field(default_factory=list)  # markers with no citation behind them
    cited: list[int] = field(default_factory=list)  # distinct valid markers used in the body
    precision: float | None = None  # share of cited passages from a gold document
    coverage: float | None = None  # share of sentences with a marker
    sentences: int = 0


def check_citations(text: str, citation_docs: dict[int, str], gold_docs: Sequence[str] = ()) -> CitationCheck:
    """Validity, precision and coverage of one answer; `citation_docs` maps n → doc id."""
    body = answer_body(text)
    used = markers(body)
    invalid = sorted({n for n in used if n not in citation_docs})
    cited = sorted({n for n in used if n in citation_docs})
    sentences = answer_sentences(text)
    coverage = sum(1 for s in sentences if markers(s)) / len(sentences) if sentences else None
    precision = None
    if cited and gold_docs:
        precision = sum(1 for n in cited if citation_docs[n] in gold_docs) / len(cited)
    return CitationCheck(not invalid, invalid, cited, precision, coverage, len(sentences))


def key_fact_recall(text: str, key_facts: Sequence[str], direct: bool = False) -> tuple[float | None, list[str]]:
    """(share of key facts found in the answer body, or with `direct` in its direct answer; the ones missing)."""
    if not key_facts:
        return None, []
    body = fold(direct_answer(text) if direct else answer_body(text))
    missing = [f for f in key_facts if fold(f) not in body]
    return 1 - len(missing) / len(key_facts), missing


@dataclass
class SupportCheck:
    """One sentence of an answer and the passages it cites."""

    sentence: str
    passages: list[str]
    supported: bool | None = None  # None: decided by the embedder later
    how: str = ""  # "tekst", "woorden", "embedding", "geen bron" or "" (not supported)


def support_by_text(sentence: str, passages: Sequence[str]) -> SupportCheck:
    """Decide support by containment or token overlap; undecided ones go to the embedder."""
    plain = strip_markers(sentence)
    check = SupportCheck(plain, list(passages))
    if not passages:
        check.supported, check.how = False, "geen bron"
        return check
    if any(contains(p, plain) for p in passages):
        check.supported, check.how = True, "tekst"
        return check
    words = tokens(plain)
    if words:
        best = max(sum(1 for w in words if w in set(tokens(p))) / len(words) for p in passages)
        if best >= TOKEN_OVERLAP:
            check.supported, check.how = True, "woorden"
    return check


def settle_by_embedding(checks: Sequence[SupportCheck], embed: Callable[[list[str]], np.ndarray] | None,
                        threshold: float = COSINE) -> None:
    """Settle the undecided checks with one batch of embeddings (L2-normalised vectors)."""
    open_checks = [c for c in checks if c.supported is None]
    if not open_checks:
        return
    if embed is None:
        for c in open_checks:
            c.supported = False
        return
    texts = list(dict.fromkeys([c.sentence for c in open_checks] + [p for c in open_checks for p in c.passages]))
    vectors = embed(texts)
    position = {t: i for i, t in enumerate(texts)}
    for c in open_checks:
        s = vectors[position[c.sentence]]
        best = max(float(s @ vectors[position[p]]) for p in c.passages)
        c.supported = best >= threshold
        c.how = "embedding" if c.supported else ""


def percentile(values: Sequence[float], q: float) -> float | None:
    return float(np.percentile(np.asarray(values, dtype=float), q)) if len(values) else None


def off_target(row: dict) -> bool:
    """An answered question (a report row) whose answer cites no gold document and, when it has
    key facts, holds none of them."""
    return (not row["abstained"] and not row["gold_doc_cited"]
            and not (row["key_fact_recall"] or 0.0))


def mean(values: Sequence[float | None]) -> float | None:
    present = [float(v) for v in values if v is not None]
    return float(np.mean(present)) if present else None
