"""The extractive answer: sentences chosen from the retrieved passages, each with its [n].

No language model and nothing invented: every sentence of the answer is a sentence of a
passage. Sentences are scored against the question (idf-weighted term overlap plus the
passage's rank), chosen with diversity (a sentence that repeats a chosen one is skipped,
so two sources saying the same thing do not both fill the answer), and grouped by the
facets of the question when it names two ("regionaal en lokaal").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from assistant.models import Citation
from assistant.sentences import QUESTION_WORDS, question_terms, sentence_units, terms
from index.models import Hit

MAX_SENTENCES = 6
PER_FACET = 3
PER_PASSAGE = 3
REDUNDANT = 0.6  # share of shared terms above which a sentence repeats one already chosen
MAX_WORDS = 70  # longer "sentences" are usually run-on extraction artefacts

# "regionaal en (wat) lokaal", "beschermd wonen en maatschappelijke opvang", "X of Y", "X versus Y"
_FACETS = re.compile(
    r"(?P<left>(?:[\w-]+\s+){0,2}[\w-]+)\s+(?:en|of|versus|vs\.?|tegenover)\s+(?:(?:wat|wie|hoe|de|het|een)\s+)*"
    r"(?P<right>[\w-]+(?:\s+[\w-]+){0,2})\s*$",
    re.I,
)


# sentences about the document itself ("Deze handreiking is geschreven voor ...") rarely answer anything
_SELF_REFERENCE = re.compile(
    r"\b(deze|dit|de)\s+(handreiking|document|samenvatting|notitie|rapport|tekst|publicatie|factsheet|pagina)\b"
    r"|\bgeen officiële tekst\b",
    re.I,
)


@dataclass
class Candidate:
    text: str
    hit_rank: int
    position: int
    terms: set[str]  # stems of the sentence
    section_terms: set[str]  # stems of the heading path it stands under
    score: float = 0.0
    items: list[str] = field(default_factory=list)  # the list a lead-in sentence introduces


@dataclass
class Composition:
    text: str
    citations: list[Citation]
    used: dict[int, list[str]] = field(default_factory=dict)


def facets_of(question: str) -> list[tuple[str, set[str]]]:
    """Two contrasted subjects of a question, as (label, stems), or [] when there are none."""
    for match in _FACETS.finditer(question.rstrip("?")):
        sides = []
        for side in (match.group("left"), match.group("right")):
            words = [w for w in side.split() if w.lower() not in QUESTION_WORDS]
            stems = set(question_terms(" ".join(words)))
            if not stems:
                break
            sides.append((" ".join(words[-2:]), stems))
        if len(sides) == 2 and not sides[0][1] & sides[1][1]:
            return sides
    return []


def candidates(hits: list[Hit], question: str, weights: dict[str, float]) -> list[Candidate]:
    wanted = set(question_terms(question))
    total = sum(weights.get(t, 1.0) for t in wanted) or 1.0
    found = []
    for rank, hit in enumerate(hits):
        prior = 1.0 / (1.0 + 0.3 * rank)
        section_terms = set(terms(hit.chunk.section or ""))
        for position, (sentence, items) in enumerate(sentence_units(hit.chunk.text)):
            if not (items or _answer_like(sentence)):
                continue
            sentence_terms = set(terms(" ".join([sentence, *items])))
            overlap = sum(weights.get(t, 1.0) for t in wanted & sentence_terms) / total
            score = 0.65 * overlap + 0.35 * prior + (0.03 if position == 0 else 0.0)
            if _SELF_REFERENCE.search(sentence):
                score *= 0.4
            found.append(Candidate(sentence, rank, position, sentence_terms, section_terms, score, items))
    return found


def _answer_like(sentence: str) -> bool:
    """Statements, not questions, colons introducing lists, run-ons or extraction debris."""
    words = sentence.split()
    if len(words) > MAX_WORDS or sentence.endswith((":", "?")) or sentence.startswith("|"):
        return False
    if not sentence.endswith((".", "!", ")", ";", "”", '"', "'")):
        return False  # a heading, a table cell or a fragment cut off by the page, not a statement
    letters = sum(ch.isalpha() for ch in sentence)
    return letters >= 0.6 * len(sentence.replace(" ", ""))


def facet_pool(pool: list[Candidate], facet: set[str], others: set[str]) -> list[Candidate]:
    """The sentences about one facet, rescored: one under a heading that names the facet
    ("Regionaal") belongs to it most; one that names the other facet too, less."""
    rescored = []
    for c in pool:
        if not (c.terms | c.section_terms) & facet:
            continue
        bonus = (0.25 if c.section_terms & facet and not c.section_terms & others else 0.0) - (
            0.15 if (c.terms | c.section_terms) & others else 0.0)
        rescored.append(Candidate(c.text, c.hit_rank, c.position, c.terms, c.section_terms, c.score + bonus, c.items))
    return rescored


def choose(pool: list[Candidate], limit: int, chosen: list[Candidate]) -> list[Candidate]:
    """Best-scoring sentences first, skipping repeats of chosen ones (maximal marginal relevance)."""
    picked: list[Candidate] = []
    best = max((c.score for c in pool), default=0.0)
    for candidate in sorted(pool, key=lambda c: -c.score):
        if len(picked) >= limit or candidate.score < 0.5 * best:
            break
        if any(_similar(candidate, other) for other in chosen + picked):
            continue
        if sum(1 for c in chosen + picked if c.hit_rank == candidate.hit_rank) >= PER_PASSAGE:
            continue
        picked.append(candidate)
    return picked


def _similar(a: Candidate, b: Candidate) -> bool:
    if a.text == b.text or a.text in b.text or b.text in a.text:
        return True
    smaller = min(len(a.terms), len(b.terms)) or 1
    return len(a.terms & b.terms) / smaller > REDUNDANT


def compose(question: str, hits: list[Hit], weights: dict[str, float]) -> Composition:
    pool = candidates(hits, question, weights)
    facets = facets_of(question)
    groups: list[tuple[str | None, list[Candidate]]] = []
    chosen: list[Candidate] = []
    for i, (label, stems) in enumerate(facets):
        others = facets[1 - i][1]
        picked = choose(facet_pool(pool, stems, others), PER_FACET, chosen)
        if picked:
            groups.append((label[:1].upper() + label[1:], picked))
            chosen += picked
    if len(groups) < 2:  # one facet alone is no contrast: answer without grouping
        groups, chosen = [], []
        picked = choose(pool, MAX_SENTENCES, chosen)
        groups.append((None, picked))
        chosen += picked
    numbering: dict[int, int] = {}
    for _, picked in groups:
        for candidate in sorted(picked, key=lambda c: -c.score):
            numbering.setdefault(candidate.hit_rank, len(numbering) + 1)
    lines: list[str] = []
    for label, picked in groups:
        if label:
            lines.append(f"**{label}**")
        # sentences of one passage stay together, in their own order, so the answer reads on
        ordered = sorted(picked, key=lambda c: (numbering[c.hit_rank], c.position))
        for c in ordered:
            n = numbering[c.hit_rank]
            lines.append(f"- {c.text} [{n}]")
            lines += [f"  - {item} [{n}]" for item in c.items]
    used: dict[int, list[str]] = {}
    for candidate in chosen:
        used.setdefault(candidate.hit_rank, []).extend([candidate.text, *candidate.items])
    citations = [
        to_citation(n, hits[rank], used.get(rank, []))
        for rank, n in sorted(numbering.items(), key=lambda item: item[1])
    ]
    return Composition("\n".join(lines), citations, used)


def to_citation(n: int, hit: Hit, highlights: list[str]) -> Citation:
    meta = hit.document.metadata
    return Citation(
        n=n, doc_id=hit.document.doc_id, title=hit.document.title, source=hit.document.source,
        page=hit.chunk.page_start, section=hit.chunk.section, text=hit.chunk.text, score=hit.score,
        type=meta.type, region=meta.region, page_end=hit.chunk.page_end, source_url=meta.source_url,
        highlights=highlights, date=meta.date,
    )


def sources_block(citations: list[Citation]) -> str:
    return "**Bronnen**\n" + "\n".join(f"[{c.n}] {c.label()}" for c in citations)
