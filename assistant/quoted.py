"""Passages found by the words another text quotes from them, for two cases the search misses.

The law as it now reads, for an older text that quotes it. The Kamervragen of March 2024 answer
"Welke groepen moeten in de urgentieregeling?" by quoting article 12 of the Huisvestingswet as
it then read: two groups. Article 12 lid 3 as of 1 July 2026 has the same groups among ten, but
it says "behoren in ieder geval" where the question says "urgentieregeling", so the search does
not bring it. A passage of a dated text that is not regelgeving, among the best hits, is
therefore searched for in the library's newer regelgeving texts; a law passage it quotes word for
word (`assistant.sentences.quotes`) joins the hits, and `compose.lift_newer_law` lets it answer
before the older text.

The passages an earlier answer opened with, for a follow-up that leans on it. "En voor
jongeren?" after the ten groups asks about one of them (onderdeel g, "de leeftijd van achttien
jaar doch niet … drieëntwintig jaar"), but searched on its own words it finds the Participatiewet.
The passages whose sentences the previous answer cited in its opening block come first among
the hits, before the reranker's own pick: the follow-up leans on them. The composer shows of
them only what speaks to the follow-up and was not said before (`compose.candidates`, `focus`).
"""

from __future__ import annotations

from dataclasses import replace

from assistant.compose import opening_lines
from assistant.expand import complete_passages
from assistant.sentences import quotes, shingles, units
from index.models import Filters, Hit
from index.searcher import Index
from ingest.dates import latest_day

QUOTING_HITS = 3  # the best hits whose passages are looked up in the newer laws
CHECKED = 3  # BM25 hits checked for the quoted words, per lookup


def quoted_passages(parts: list[str], index: Index, filters: Filters | None) -> list[Hit]:
    """Passages among BM25's best CHECKED for `parts` that hold one of the `parts` (almost) word
    for word (`sentences.quotes`), those that hold most of the parts' words first: the Woningwet's
    "huishoudinkomen: … van de bewoners van een woongelegenheid" before the Huisvestingswet's
    "… van de aanvragers van een huisvestingsvergunning", for an answer that quoted the first."""
    found = []
    wanted = set().union(*(shingles(part) for part in parts))
    for hit in index.search(" ".join(parts), CHECKED, filters, mode="bm25"):
        said = shingles(hit.chunk.text)
        if any(quotes(part, said) for part in parts):
            found.append((len(wanted & said), hit))
    return [hit for _, hit in sorted(found, key=lambda pair: -pair[0])]


def quoted_law(hits: list[Hit], index: Index, filters: Filters | None = None) -> dict[int, list[Hit]]:
    """The passages of newer regelgeving texts that each of the QUOTING_HITS best `hits` from a
    dated text that is not regelgeving quotes, within the officer's `filters`, by the hit's
    position; empty when there is none or the filters leave out regelgeving."""
    filters = filters or Filters()
    if filters.types and "regelgeving" not in filters.types:
        return {}
    found: dict[int, list[Hit]] = {}
    for position, hit in enumerate(hits[:QUOTING_HITS]):
        metadata = hit.document.metadata
        if metadata.type == "regelgeving" or not metadata.date:
            continue
        newer = replace(filters, types=["regelgeving"], since=max(filters.since or "", metadata.date))
        parts = [part for unit in units(hit.chunk.text) for part in unit.parts]
        # "maart 2024" may mean any day of March: only a law of April 2024 or later is newer
        laws = [law for law in quoted_passages(parts, index, newer) if law.document.metadata.date > latest_day(metadata.date)]
        if laws:
            found[position] = laws
    return found


def with_quoted_law(hits: list[Hit], quoting: dict[int, list[Hit]], index: Index) -> list[Hit]:
    """`hits` followed by the law passages they quote (`quoted_law`), completed, each once."""
    return _joined(hits, [law for laws in quoting.values() for law in laws], index)


def with_earlier_passages(hits: list[Hit], earlier_answer: str, index: Index, filters: Filters | None = None) -> list[Hit]:
    """`hits` with the passages that the opening block of `earlier_answer` (the previous turn's
    text, "[n]" markers and all) cited, within the officer's `filters`, first. Unchanged when that
    block cites nothing (a refusal, a caution only)."""
    opening = opening_lines(earlier_answer)
    return _joined(hits, quoted_passages(opening, index, filters), index, first=True) if opening else hits


def _joined(hits: list[Hit], found: list[Hit], index: Index, first: bool = False) -> list[Hit]:
    """`hits` with the `found` passages, completed (`expand.complete_passages`) and each once:
    after the hits, leaving out those the hits hold already; or, when `first`, before all other
    hits, moved there when the hits hold them already."""
    def key(hit: Hit) -> tuple[str, str]:
        return hit.document.doc_id, hit.chunk.text

    joined: dict[tuple[str, str], Hit] = {}
    for hit in complete_passages(found, index):
        joined.setdefault(key(hit), hit)
    if first:
        return list(joined.values()) + [hit for hit in hits if key(hit) not in joined]
    held = {key(hit) for hit in hits}
    return hits + [hit for k, hit in joined.items() if k not in held]
