"""Passages found by the words another text quotes from them, for two cases the search misses.

The law as it now reads, for an older text that quotes it. The Kamervragen of March 2024 answer
"Welke groepen moeten in de urgentieregeling?" by quoting article 12 of the Huisvestingswet as
it then read: two groups. Article 12 lid 3 as of 1 July 2026 has the same groups among ten, but
it says "behoren in ieder geval" where the question says "urgentieregeling", so the search does
not bring it. A passage of a dated text that is not regelgeving, among the best hits, is
therefore searched for in the library's newer regelgeving texts; a law passage it quotes word for
word (`assistant.sentences.quotes`) joins the hits, and `compose.lift_newer_law` lets it answer
before the older text.

The passage an earlier answer opened with, for a follow-up that leans on it. "En voor
jongeren?" after the ten groups asks about one of them (onderdeel g, "de leeftijd van achttien
jaar doch niet … drieëntwintig jaar"), but searched on its own words it finds the Participatiewet.
The passages the previous answer opened with join the hits, so the composer can show the one
item of them that speaks to the follow-up (`compose.candidates`, `focus`).
"""

from __future__ import annotations

import re
from dataclasses import replace

from assistant.compose import answer_lines
from assistant.expand import complete_passages
from assistant.sentences import quotes, shingles, units
from index.models import Filters, Hit

QUOTING_HITS = 3  # the best hits whose passages are looked up in the newer laws
SEARCHED = 3  # passages searched for each quoting text
_BLOCK = re.compile(r"\n\s*\n")


def quoted_passages(parts: list[str], index, filters: Filters | None, k: int = SEARCHED) -> list[Hit]:
    """Passages among BM25's best `k` for `parts` that hold one of the `parts` (almost) word for word."""
    found = []
    for hit in index.search(" ".join(parts), k, filters, mode="bm25"):
        said = shingles(hit.chunk.text)
        if any(quotes(part, said) for part in parts):
            found.append(hit)
    return found


def with_quoted_law(hits: list[Hit], index, filters: Filters | None = None) -> list[Hit]:
    """`hits` followed by the passages of newer regelgeving texts that the best of them quote,
    within the officer's `filters`. Unchanged when no older non-legal text is among the best hits
    or the filters leave out regelgeving."""
    filters = filters or Filters()
    if filters.types and "regelgeving" not in filters.types:
        return hits
    found: list[Hit] = []
    for hit in hits[:QUOTING_HITS]:
        metadata = hit.document.metadata
        if metadata.type == "regelgeving" or not metadata.date:
            continue
        newer = replace(filters, types=["regelgeving"], since=max(filters.since or "", metadata.date))
        parts = [part for unit in units(hit.chunk.text) for part in unit.parts]
        found += [law for law in quoted_passages(parts, index, newer) if law.document.metadata.date > metadata.date]
    return _joined(hits, found, index)


def with_earlier_passages(hits: list[Hit], earlier_answer: str, index, filters: Filters | None = None) -> list[Hit]:
    """`hits` after the passages that the opening block of `earlier_answer` (the previous turn's
    text, "[n]" markers and all) quotes, within the officer's `filters`: what a follow-up leans
    on comes first, and the composer shows of it only what speaks to the follow-up."""
    blocks = [b for b in _BLOCK.split(earlier_answer.split("**Bronnen**")[0])
              if b.strip() and not b.strip().startswith(("_", "**"))]
    opening = answer_lines(blocks[0]) if blocks else []
    return _joined(hits, quoted_passages(opening, index, filters), index, first=True) if opening else hits


def _joined(hits: list[Hit], found: list[Hit], index, first: bool = False) -> list[Hit]:
    """`hits` with the `found` passages they lack, completed (`expand.complete_passages`), after
    them, or before them when `first`."""
    seen = {hit.chunk.chunk_id for hit in hits}
    new = complete_passages([h for h in found if not (h.chunk.chunk_id in seen or seen.add(h.chunk.chunk_id))], index)
    return (new + hits if first else hits + new) if new else hits
