"""Sentences of a passage, and the Dutch terms they contain, for composing and highlighting."""

from __future__ import annotations

import re
from functools import lru_cache

from index.bm25_store import DutchAnalyzer

# a sentence ends at . ! ? before a capital/digit/quote, or at a line break (list items, headings)
_BOUNDARY = re.compile(r"(?<=[.!?])\s+(?=[A-ZÀ-Ý0-9\"'“‘(])|\n+")
_LIST_MARK = re.compile(r"^\s*(?:[-*•]|\d+[.)]|[a-z][.)])\s+")
# words in questions that say what kind of answer is wanted, not what it is about
QUESTION_WORDS = frozenset(
    "wat wie hoe welk welke waar waarom wanneer waarmee waarvoor hoeveel kan kunnen moet moeten mag mogen "
    "is zijn wordt worden regel regelt regelen doe doen doet je we wij u ik ons onze jullie er eigenlijk "
    "precies nou nu gaat gaan graag verschil verschillen tussen samen vergeleken betekent betekenen houdt "
    "inhoud".split()
)
MAX_ITEMS = 12  # a list longer than this is cut: the answer should stay readable


def sentence_units(text: str) -> list[tuple[str, list[str]]]:
    """Sentences with, for a lead-in that ends in ":" and is followed by a list, its items.

    "In ieder geval moeten deze groepen erin:" is only an answer together with its list.
    """
    units: list[tuple[str, list[str]]] = []
    lead_open = False
    for part in _BOUNDARY.split(text):
        is_item = bool(_LIST_MARK.match(part))
        cleaned = _LIST_MARK.sub("", part).strip()
        if not cleaned:
            continue
        if is_item and lead_open and len(units[-1][1]) < MAX_ITEMS:
            units[-1][1].append(cleaned)
            continue
        lead_open = cleaned.endswith(":")
        if len(cleaned.split()) >= 4:
            units.append((cleaned, []))
        else:
            lead_open = False
    return units


@lru_cache(maxsize=1)
def analyzer() -> DutchAnalyzer:
    return DutchAnalyzer()


def terms(text: str) -> list[str]:
    """Stemmed content terms, as BM25 sees them."""
    return analyzer().terms(text)


def question_terms(question: str) -> list[str]:
    """The terms of a question that say what it is about."""
    stop = set(analyzer().terms(" ".join(QUESTION_WORDS)))
    return [t for t in terms(question) if t not in stop]
