"""Is the retrieved evidence strong enough to answer? Measured against the index itself.

evidence = COVERAGE_WEIGHT · coverage + (1 − COVERAGE_WEIGHT) · closeness − UNKNOWN_PENALTY · unknown
           − ASTRAY_PENALTY · astray − UNTYPED_PENALTY · untyped,
where
- coverage: the idf-weighted share of the question's content terms that occur in the best
  passages (a question about "budget" that no passage mentions stays uncovered),
- closeness: how far the best dense cosine stands above what questions about something
  else entirely get *on this index*: (cosine − off-topic median) / off-topic spread (scaled
  median absolute deviation), scaled by CLOSENESS_SPREADS to 0–1, and
- unknown: the idf-weighted share of the question's terms that no passage of the whole
  library contains (a municipality, a scheme, a figure the library never mentions), and
- untyped: for a question that asks for a number ("Hoeveel …", "Hoe lang …") or a date ("Per
  wanneer …"), 1 − the term coverage of the best unit of the best passages that states one: a
  passage about the statushouders of Utrecht without a figure does not answer "Hoeveel
  statushouders …"; a figure is read with what it counts (`typed_coverage`), and
- astray: the share of the question's anchors (names and years, `assistant.sentences.anchors`)
  that the best passage speaking to the rest of the question does not mention: "Hoeveel
  plekken zijn er in Landgraaf?" answered from a passage about Parkstad is about a
  neighbouring case; the library may name Landgraaf elsewhere, so `unknown` does not see it.
  A law without a region names no municipality and holds in all: for a question that asks a
  rule ("Hoe lang mag een verordening in Rotterdam gelden?", `sentences.places`) it is not astray.

Why relative: a library of law texts gives every question lower cosines than a library of
guides written in plain language, so one fixed cosine scale refuses answerable questions on
real documents. The off-topic profile is measured once per index generation with the
questions in OFF_TOPIC_PROBES (about passports, football, recipes …: nothing a housing
library answers), so the scale moves with the library.

Three outcomes: below REFUSE_BELOW the assistant refuses, from CAUTION_BELOW up it answers,
in between it answers with a visible caution. The values come from
`python -m evals.calibrate`, which tunes on the tuning parts of several corpora at once and
reports on the held-out parts (docs/evaluation.md).
"""

from __future__ import annotations

import math
import statistics
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from assistant.sentences import (STATEMENT_SHARE, anchors, asked_statement, asks_quantity, coverage as unit_coverage,
                                 form_fields, hyphenated_names, logical_lines, passage_units, place_terms, places,
                                 question_terms, statement_share, terms)
from index.models import Hit
from ingest.models import Metadata

# chosen 2026-12-01 by `python -m evals.calibrate --no-window` on the tuning halves of five sets
# (docs/evaluation.md). The calibration now leaves the unknown-terms penalty at zero: with a robust
# noise floor, closeness and the anchors carry what it did.
COVERAGE_WEIGHT = 0.2
CLOSENESS_SPREADS = 6.0  # off-topic spreads (scaled MADs) above the off-topic median that count as fully close
UNKNOWN_PENALTY = 0.0
ASTRAY_PENALTY = 0.3
UNTYPED_PENALTY = 0.5
REFUSE_BELOW = 0.45
CAUTION_BELOW = 0.45
EVIDENCE_PASSAGES = 3
MIN_STATED_TERMS = 2  # one term a sentence holds ("Wat is een paspoort?") is no statement of the question
MAX_CELL_WORDS = 5  # a line this short holding a number is a table cell, read with the lines above
SUBJECT_DEPTH = 5  # the best passages of the search, of which most name a subject the library is about
ON_TOPIC_SHARE = 0.5  # of a question's other terms, for a passage's names to count (`astray`)
ANSWERED_PROBE = 0.75  # term coverage (by idf) at which a library's best passages answer a probe question

# Questions no housing library answers; their best cosines on an index are its noise floor.
OFF_TOPIC_PROBES = (
    "Hoe lang is mijn paspoort geldig?", "Wie won het WK voetbal in 2010?", "Hoe maak ik een appeltaart?",
    "Wat is de hoofdstad van Australië?", "Hoe vervang ik de ketting van mijn fiets?",
    "Welke planeet staat het dichtst bij de zon?", "Hoe lang moet een ei koken?",
    "Wanneer begint de zomertijd?", "Hoe werkt een elektrische auto?", "Wat kost een treinkaartje naar Parijs?",
    "Hoe train ik voor een marathon?", "Welke vogels overwinteren in Nederland?",
    "Hoe installeer ik een printer op mijn laptop?", "Wat is het recept voor erwtensoep?",
    "Wie schilderde de Nachtwacht?", "Hoe verzorg ik een cactus?", "Hoe hoog is de Mount Everest?",
    "Wanneer zijn de Olympische Spelen?", "Hoe speel ik schaak?", "Wat eten pinguïns?",
    "Hoe maak ik een back-up van mijn telefoon?", "Welke vaccinaties heb ik nodig voor Thailand?",
    "Hoe word ik piloot?", "Hoe werkt de stemming voor het Eurovisiesongfestival?",
)


@dataclass
class NoiseFloor:
    """The best dense cosines that off-topic questions get on one index: their centre (median)
    and spread (median absolute deviation, scaled to a standard deviation)."""

    centre: float
    spread: float

    @classmethod
    def measure(cls, index, filters=None) -> "NoiseFloor":
        """Median and scaled median absolute deviation of the probes' best cosines: robust,
        because a probe is not off-topic for every library (the Rijksoverheid pages answer
        "Hoe lang is mijn paspoort geldig?", and a mean and standard deviation would follow it).
        With `filters` (`index.models.Filters`), over the part of the index they leave: one report
        offers a probe fewer passages to come close to than the whole library does (PBL report
        0.795 against 0.816), and a question asked within it is held to that floor."""
        best, answered = [], []
        for probe, vector in zip(OFF_TOPIC_PROBES, probe_vectors(index.embedder)):
            hits = index.search(probe, EVIDENCE_PASSAGES, filters, mode="dense", query_vector=vector)
            cosine = max((h.dense_score for h in hits if h.dense_score is not None), default=0.0)
            (answered if answers_probe(index, probe, hits) else best).append(cosine)
        if len(best) < len(answered):  # a library about passports and cooking: every probe is its noise
            best += answered
        middle = statistics.median(best)
        deviation = 1.4826 * statistics.median(abs(b - middle) for b in best)  # a normal spread's MAD scale
        return cls(middle, max(deviation, 0.005))


def answers_probe(index, probe: str, hits: list[Hit]) -> bool:
    """Whether `hits` (the probe's best passages) hold ANSWERED_PROBE of its terms by idf: then the
    library answers it and its cosine is no noise. The Rijksoverheid pages answer "Hoe lang is
    mijn paspoort geldig?" (0.91, every term) and "Hoe werkt een elektrische auto?" (0.84); left
    in, they lift the median of that library by 0.003, and its own questions with it."""
    weights = idf_weights(index, question_terms(probe))
    return coverage(probe, set().union(*map(passage_terms, hits)), weights) >= ANSWERED_PROBE


@lru_cache(maxsize=4)
def probe_vectors(embedder) -> list[np.ndarray]:
    """OFF_TOPIC_PROBES as `embedder` (index.embedders.Embedder) embeds them, embedded once per
    embedder: a noise floor is measured for each new filter, and 24 embeddings take about 0.4 s."""
    return [embedder.embed_query(probe) for probe in OFF_TOPIC_PROBES]


@dataclass
class Evidence:
    coverage: float
    closeness: float
    score: float
    untyped: float = 0.0  # see `untyped`: 1.0 when a number or date is asked and no passage states one for it

    def verdict(self, refuse_below: float = REFUSE_BELOW, caution_below: float = CAUTION_BELOW) -> str:
        """"weigeren", "voorzichtig" or "antwoorden". An answer to "Hoeveel …" or "Per wanneer …"
        from passages that state no number or date for what is asked can be right about the rest,
        never about the number or the date."""
        if self.score < refuse_below:
            return "weigeren"
        return "voorzichtig" if self.score < caution_below or self.untyped >= 1.0 else "antwoorden"


def idf_weights(index, query_terms: list[str]) -> dict[str, float]:
    """Inverse document frequency of each term over the index's chunks; unseen terms weigh most."""
    unique = list(dict.fromkeys(query_terms))
    frequencies, n_chunks = index.document_frequencies(unique)
    n = max(n_chunks, 1)
    return {t: math.log(1 + (n - df + 0.5) / (df + 0.5)) for t, df in zip(unique, frequencies)}


def unknown_share(index, query_terms: list[str], weights: dict[str, float]) -> float:
    """The idf-weighted share of `query_terms` that occur in no chunk of `index`."""
    unique = list(dict.fromkeys(query_terms))
    if not unique:
        return 0.0
    frequencies, _ = index.document_frequencies(unique)
    total = sum(weights.get(t, 1.0) for t in unique)
    return sum(weights.get(t, 1.0) for t, df in zip(unique, frequencies) if df == 0) / total


def passage_terms(hit: Hit) -> set[str]:
    """The stems of a passage with its title, heading path and year: a text dated 2026 speaks of
    2026 even when no sentence names the year."""
    year = (hit.document.metadata.date or "")[:4]
    text = f"{hit.document.title} {hit.chunk.section or ''} {hit.chunk.text} {year}"
    return set(terms(text)) | hyphenated_names(text)


def applies_everywhere(metadata: Metadata) -> bool:
    """A law without a region (`ingest.models.Metadata`): it holds in every municipality."""
    return metadata.type == "regelgeving" and not metadata.region


def coverage(question: str, found: set[str], weights: dict[str, float]) -> float:
    """The idf-weighted share (0–1) of the question's terms that `found` holds."""
    return share(set(question_terms(question)), found, weights)


def share(wanted: set[str], found: set[str], weights: dict[str, float]) -> float:
    """The idf-weighted share (0–1) of `wanted` that `found` holds (exact stems)."""
    total = sum(weights.get(t, 1.0) for t in wanted)
    return sum(weights.get(t, 1.0) for t in wanted if t in found) / total if total else 0.0


def astray(question: str, passages: list[set[str]], weights: dict[str, float], typed: str | None = None) -> float:
    """The share of the anchors (names, years) of the question as `typed` (default: `question`)
    that the best of `passages` (stem sets, `passage_terms`, best first) speaking to the rest of
    the question lacks, 0 without anchors (`missing_anchors`)."""
    pinned = anchors(typed or question)
    parts = {part for anchor in pinned for part in anchor.split("_")}  # of "zuid_limburg": "zuid", "limburg"
    return missing_anchors(pinned, set(question_terms(question)) - set(pinned) - parts, passages, weights)


def named_where_asked(place: str, question: str, hits: list[Hit], weights: dict[str, float]) -> bool:
    """Whether one of `hits` names `place` (a name `sentences.places` found in `question`) and
    speaks to the rest of the question (ON_TOPIC_SHARE of its other terms, by idf): a passage on
    Parkstad that "spart met Amsterdam" does not make "Welke groepen krijgen urgentie in
    Amsterdam?" a question the library answers for Amsterdam."""
    here = place_terms(place)
    rest = set(question_terms(question)) - here
    named = [here <= found for found in map(passage_terms, hits[:SUBJECT_DEPTH])]
    # "Welke voorwaarden gelden voor Housing First?" writes an approach as it would a place: the best
    # passages, most of which name it, are about it, and without it the question lost its subject
    if sum(named) * 2 > SUBJECT_DEPTH:
        return True
    return any(here <= found and (not rest or share(rest, found, weights) >= ON_TOPIC_SHARE)
               for found in map(passage_terms, hits))


def missing_anchors(pinned: list[str], rest: set[str], passages: list[set[str]], weights: dict[str, float]) -> float:
    """The share of `pinned` that the best of `passages` (best first) holding ON_TOPIC_SHARE of
    the question's `rest` (by idf) lacks: the passage an answer would lean on. A table of
    municipalities that lists "Amersfoort" does not pin "Hoe lang is de wachttijd in
    Amersfoort?" to Amersfoort when the passage about waiting times is Utrecht's, nor does a
    Staatsblad passage further down that mentions Rotterdam pin a question about Rotterdam's
    prestatieafspraken answered from Utrecht's policy. A year is another matter: among texts on
    the same point the newest answers (`compose.direct_answer`) and an amending act gives way to
    the law text it changed (`versions.without_superseded_steps`), so any passage that speaks
    may pin it: "de Huisvestingswet zoals die vanaf juli 2026 luidt" is pinned by the 2026 text
    at rank 2, though the 2024 act that amended it ranks first. 0 without anchors."""
    if not pinned:
        return 0.0
    speaking = [p for p in passages if not rest or share(rest, p, weights) >= ON_TOPIC_SHARE] or passages
    if not speaking:
        return 1.0
    names = [t for t in pinned if not t.isdigit()]
    years = [t for t in pinned if t.isdigit()]
    unnamed = sum(t not in speaking[0] for t in names)
    undated = min(sum(t not in p for t in years) for p in speaking)
    return (unnamed + undated) / len(pinned)


def typed_coverage(question: str, hit: Hit, weights: dict[str, float]) -> float:
    """The term coverage (0–1) of the passage's best statement of what the question asks for, a
    number or a date (`asked_statement`; 0 without one): a sentence, a table row, or one list
    item read with its lead-in, each with its context (`_context`). A list whose one item names
    "statushouders" and another "jongeren onder de 24 jaar" states no number of statushouders."""
    states = asked_statement(question)
    if states is None:
        return 0.0
    wanted = set(question_terms(question))
    found = passage_units(hit)
    labels = _cell_labels(hit.chunk.text)
    # an item is read with its lead-in and the item it is nested under ("b. maatschappelijk gebonden …
    # indien hij:" over "2°. ten minste zes jaar …")
    statements = [(" ".join(u.parts) if not u.items else f"{u.text} {u.parent(j)} {u.items[j]}",
                   _context(found, i, labels))
                  for i, u in enumerate(found) for j in (range(len(u.items)) if u.items else [None])]
    return max((unit_coverage(wanted, set(terms(f"{before} {text}")), weights)
                for text, before in statements if states(text)), default=0.0)


def _context(found: list, i: int, labels: dict[str, str]) -> str:
    """What a number in unit `i` of `found` is read with: the sentence before it in its paragraph
    ("Tot op heden zijn … geëvacueerd. Vier gezinnen bleken …": the second counts the evacués of
    the first), for a value on a line of its own the lines above it (`_cell_labels`), and for a
    field of a form the form's other fields (`sentences.form_fields`)."""
    unit = found[i]
    if unit.text in labels:
        return labels[unit.text]
    fields = form_fields(found, i)
    if fields:
        return fields
    before = found[i - 1] if i else None
    return before.text if before is not None and before.paragraph == unit.paragraph and not before.items else ""


def _cell_labels(text: str, above: int = 2) -> dict[str, str]:
    """For each short line of `text` (a cell of a table flattened to lines: "Nederlands paspoort"
    over "2026: € 67,05"), the `above` lines before it: its row's and column's names."""
    lines = [line for _, line in logical_lines(text)]
    return {line: " ".join(lines[max(0, n - above):n]) for n, line in enumerate(lines)
            if n and len(line.split()) <= MAX_CELL_WORDS}


def untyped(question: str, hits: list[Hit], weights: dict[str, float]) -> float:
    """For a question that asks for a number or a date, 1 − the best `typed_coverage` of the
    best passages; 0 for other questions."""
    if asked_statement(question) is None:
        return 0.0
    return 1.0 - max((typed_coverage(question, h, weights) for h in hits[:EVIDENCE_PASSAGES]), default=0.0)


def closeness(hits: list[Hit], floor: NoiseFloor) -> float:
    best = max((h.dense_score for h in hits[:EVIDENCE_PASSAGES] if h.dense_score is not None), default=None)
    if best is None:
        return 0.0
    return min(1.0, max(0.0, (best - floor.centre) / (CLOSENESS_SPREADS * floor.spread)))


def weigh(question: str, hits: list[Hit], weights: dict[str, float], floor: NoiseFloor, unknown: float = 0.0,
          typed: str | None = None, quoted: dict[int, list[Hit]] | None = None) -> Evidence:
    """The evidence for answering `question` (the standalone query) from `hits` (best first),
    with the index's idf `weights`, the share of the question's terms the library does not know
    (`unknown_share`), for anchors the question as `typed` (a follow-up's own words: the names
    in the earlier turns were weighed then), and the newer law passages each hit quotes by its
    position (`assistant.quoted.quoted_law`): a hit is read together with them, as the answer
    reads them ("… vanaf juli 2026 …" is answered by the Kamervragen of 2024 through the 2026
    law they quote)."""
    if not hits:
        return Evidence(0.0, 0.0, 0.0)
    quoted = quoted or {}
    # "Hoe lang mag een verordening in Rotterdam gelden?": the Huisvestingswet answers it for every
    # municipality, though it names none
    everywhere = set().union(*(place_terms(place) for place in places(typed or question)))
    passages = [passage_terms(h).union(*(passage_terms(law) for law in quoted.get(i, [])),
                                       everywhere if applies_everywhere(h.document.metadata) else ())
                for i, h in enumerate(hits[:EVIDENCE_PASSAGES])]
    found = set().union(*passages)
    cov = coverage(question, found, weights)
    close = closeness(hits, floor)
    wanted = set(question_terms(question))
    if len(wanted) >= MIN_STATED_TERMS and any(statement_share(wanted, h, weights) >= STATEMENT_SHARE
                                               for h in hits[:EVIDENCE_PASSAGES]):
        # "Wie controleert de staat van de studio's?" in the words of one item of an uploaded note's list: the
        # list's cosine is diluted by its other items (.17 of the way above the noise floor), the item says it all
        close = 1.0
    missing = untyped(question, hits, weights)
    # the penalty was calibrated on number questions; a date stated without the law's full name
    # ("De wet … treedt in werking op 1 juli 2024") would make it refuse answerable date
    # questions, so one whose passages state no date at all gets the caution (`verdict`) only
    penalty = UNTYPED_PENALTY * missing if asks_quantity(question) else 0.0
    return Evidence(cov, close, COVERAGE_WEIGHT * cov + (1 - COVERAGE_WEIGHT) * close - UNKNOWN_PENALTY * unknown
                    - ASTRAY_PENALTY * astray(question, passages, weights, typed) - penalty, missing)
