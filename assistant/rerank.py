"""Reranking: the fused top passages re-scored at a finer grain before an answer is built.

Fusion ranks whole passages; an officer needs the passage whose *sentence* answers. Each of
the top RERANK_DEPTH fused hits gets a weighted sum of signals, each scaled to 0–1 over the
candidates:
- fused: the reciprocal-rank fusion score of dense and BM25 search,
- dense: the passage's cosine to the question,
- sentence: the idf-weighted share of the question's terms in the passage's best unit (a
  sentence, a lead-in with its list read under its nearest heading, or a table row): the finer
  grain; parts of Dutch compounds count half (`assistant.sentences.credit`); a unit that
  defines the one term a "Wat verstaat … onder X?" question asks about
  (`assistant.sentences.defines`, or a glossary's entry under that term:
  `assistant.sentences.glossary_entry`) gets DEFINITION_BONUS on top,
- heading: the share of the question's terms in the title and heading path, and a match of
  an article the question names ("artikel 12" finds "Artikel 12"),
- window: the embedder's cosine between the question and that best unit (only computed when
  its weight is not zero: it costs one embedding per candidate).
No cross-encoder installs from the package registries here (measured), so the finer grain is
the best unit. The weights were chosen on the tuning parts of the development sets and are
reported, signal by signal, on the held-out parts (`python -m evals.calibrate`,
docs/evaluation.md).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from assistant.sentences import (STATEMENT_SHARE, coverage, defined_terms, defines, glossary_entry, is_boilerplate,
                                 may_define, nearest_heading, passage_units, question_terms, statement_share, terms)
from index.models import Hit

RERANK_DEPTH = 20
DENSE_BEST = 2  # dense search's best passages, reranked even when fusion puts them lower
LEXICAL_BEST = 3  # BM25's best passages, reranked when one states the question in its words (`with_lexical_statements`)
DEFINITION_BONUS = 0.5  # over the sentence signal's 0–1, for a unit that defines what is asked


@dataclass(frozen=True)
class Weights:
    """Chosen 2026-11-30 on the tuning halves (MRR@10 of the gold passage), see docs/evaluation.md.
    The window signal is off: it costs about a second per question on 2 cores and gained no
    MRR on the held-out halves over this mix without it."""

    fused: float = 0.2
    dense: float = 0.3
    sentence: float = 0.45
    heading: float = 0.1
    window: float = 0.0

    def total(self, signal: dict[str, float]) -> float:
        return (self.fused * signal["fused"] + self.dense * signal["dense"] + self.sentence * signal["sentence"]
                + self.heading * signal["heading"] + self.window * signal.get("window", 0.0))


DEFAULT_WEIGHTS = Weights()
_ARTICLE = re.compile(r"\bart(?:ikel|\.)?\s*(\d+[a-z]?)\b", re.I)


def signals(question: str, hits: list[Hit], weights: dict[str, float], embedder=None) -> list[dict[str, float]]:
    """Per hit the signals, each scaled to 0–1 over `hits`; "window" only when an `embedder`
    (index.embedders.Embedder) is given. A passage with nothing but boilerplate
    (`assistant.sentences.is_boilerplate`) scores 0 on every signal."""
    wanted = set(question_terms(question))
    articles = {a.lower() for a in _ARTICLE.findall(question)}
    # one term asked ("Wat verstaat de Wmo onder opvang?"); for "het verschil tussen A en B" a
    # passage that compares both answers better than the definition of one
    asked = defined_terms(question)
    asked = asked if len(asked) == 1 else []

    def share(found: set[str]) -> float:
        return coverage(wanted, found, weights)

    def unit_share(u, above: set[str], heading: str | None = None) -> float:
        if asked and may_define(u) and (any(defines(part, asked) for part in u.parts)
                                        or (heading is not None and glossary_entry(u.text, heading, asked))):
            # "opvang: onderdak en begeleiding …" answers "Wat verstaat de Wmo onder opvang?" better
            # than any sentence that merely names opvang
            return 1.0 + DEFINITION_BONUS
        # a list is read under its nearest heading: "De tien groepen die urgentie krijgen" is what
        # the list below it is about, though no item says "groep"
        return share(set(terms(" ".join(u.parts))) | (above if u.items else set()))

    rows, windows, empty = [], [], []
    for hit in hits:
        nearest = nearest_heading(hit.chunk.section)
        above = set(terms(nearest))
        units = passage_units(hit)
        content = [u for u in units if not is_boilerplate(u.text)]
        # "Dit onderdeel is nog niet in werking getreden": a short passage lies close to many
        # questions in embedding space, yet has nothing to answer with
        empty.append(not content)
        # a glossary's entry is the first unit under its term
        scored = [(unit_share(u, above, nearest if u is units[0] else None), " ".join(u.parts)) for u in content]
        best_unit, window = max(scored, default=(0.0, hit.chunk.text[:400]), key=lambda pair: pair[0])
        windows.append(window)
        heading_text = f"{hit.document.title} {hit.chunk.section or ''}"
        heading = share(set(terms(heading_text)))
        if articles and articles & {a.lower() for a in _ARTICLE.findall(hit.chunk.section or "")}:
            heading = 1.0
        rows.append({"fused": hit.score, "dense": hit.dense_score or 0.0, "sentence": best_unit, "heading": heading})
    if embedder is not None and hits:
        cosines = embedder.embed_passages(windows) @ embedder.embed_query(question)
        for r, cosine in zip(rows, cosines):
            r["window"] = float(cosine)
    for name in ("fused", "dense", "window"):
        if not rows or name not in rows[0]:
            continue
        values = [r[name] for r in rows]
        low, high = min(values, default=0.0), max(values, default=0.0)
        for r in rows:
            r[name] = (r[name] - low) / (high - low) if high > low else 1.0
    for r, nothing in zip(rows, empty):
        if nothing:
            r.update(dict.fromkeys(r, 0.0))
    return rows


def rerank(question: str, hits: list[Hit], weights: dict[str, float], k: int,
           mix: Weights = DEFAULT_WEIGHTS, embedder=None) -> list[Hit]:
    """The `k` best of `hits` (fused order, best first) by the weighted signals; ties keep fused order.
    `embedder` is used only when the mix gives the window signal weight."""
    if not hits:
        return []
    scored = signals(question, hits, weights, embedder if mix.window else None)
    total = [mix.total(s) for s in scored]
    order = sorted(range(len(hits)), key=lambda i: (-total[i], i))
    return [hits[i] for i in order[:k]]


def with_lexical_statements(question: str, fused: list[Hit], lexical: list[Hit],
                            weights: dict[str, float]) -> list[Hit]:
    """`fused` with the passages of `lexical` (BM25's best) it lacks that state the question in its own
    words: a sentence, or a list item read with its lead-in, holding at least STATEMENT_SHARE of the
    question's terms (by idf), at the fused score of its first, since fusion's score says nothing of
    it. "Wie toetst of de zorgrelatie nog bestaat?" asks in the words of an uploaded note's "Het
    wijkteam Oostermeer-Noord toetst elk jaar of de zorgrelatie nog bestaat."; BM25 ranks it first,
    dense search outside its 300, and fusion, which weighs dense search 0.7, 85th (helper-55). BM25's
    best passages that merely share words stay out: as candidates they cost more answers than they
    gained (docs/evaluation.md)."""
    if not fused:
        return fused
    wanted = set(question_terms(question))
    seen = {h.chunk.chunk_id for h in fused}
    top = max(h.score for h in fused)

    return fused + [replace(h, score=top) for h in lexical
                    if h.chunk.chunk_id not in seen and statement_share(wanted, h, weights) >= STATEMENT_SHARE]


def with_dense_best(fused: list[Hit], dense: list[Hit]) -> list[Hit]:
    """`fused` (the reranker's candidates) with the passages of `dense` (dense search's best) it
    lacks, at the fused score of its last: reciprocal-rank fusion favours a passage both searches
    rank fairly over one that only dense search ranks first. "Voor hoe lang mag de gemeenteraad een
    huisvestingsverordening vaststellen?": art. 4 of the Huisvestingswet ("voor de duur van ten
    hoogste vier jaar") is dense search's first and second passage, BM25's 54th, and fused 21st."""
    if not fused:
        return fused
    seen = {h.chunk.chunk_id for h in fused}
    floor = min(h.score for h in fused)
    return fused + [replace(h, score=floor) for h in dense if h.chunk.chunk_id not in seen]
