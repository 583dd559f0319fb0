"""The law as it now reads, fetched for an older text among the hits that quotes it.

The Kamervragen of March 2024 answer "Welke groepen moeten in de urgentieregeling?" by quoting
article 12 of the Huisvestingswet as it then read: two groups. Article 12 lid 3 as of 1 July
2026 has the same groups among ten, but it says "behoren in ieder geval" where the question says
"urgentieregeling", so the search does not bring it. A passage of a dated text that is not
regelgeving, among the best hits, is therefore searched for in the library's newer regelgeving
texts; a law passage it quotes word for word (`assistant.sentences.quotes`) joins the hits, and
`compose.lift_newer_law` lets it answer before the older text.
"""

from __future__ import annotations

from dataclasses import replace

from assistant.expand import complete_passages
from assistant.sentences import quotes, shingles, units
from index.models import Filters, Hit

QUOTING_HITS = 3  # the best hits whose passages are looked up in the newer laws
LAW_PASSAGES = 3  # law passages searched for each of them


def with_quoted_law(hits: list[Hit], index, filters: Filters | None = None) -> list[Hit]:
    """`hits` followed by the passages of newer regelgeving texts that the best of them quote,
    within the officer's `filters`. Unchanged when no older non-legal text is among the best hits
    or the filters leave out regelgeving."""
    filters = filters or Filters()
    if filters.types and "regelgeving" not in filters.types:
        return hits
    seen = {hit.chunk.chunk_id for hit in hits}
    found: list[Hit] = []
    for hit in hits[:QUOTING_HITS]:
        metadata = hit.document.metadata
        if metadata.type == "regelgeving" or not metadata.date:
            continue
        newer = replace(filters, types=["regelgeving"], since=max(filters.since or "", metadata.date))
        parts = [part for unit in units(hit.chunk.text) for part in unit.parts]
        for law in index.search(hit.chunk.text, LAW_PASSAGES, newer, mode="bm25"):
            if law.chunk.chunk_id in seen or law.document.metadata.date <= metadata.date:
                continue
            said = shingles(law.chunk.text)
            if any(quotes(part, said) for part in parts):
                seen.add(law.chunk.chunk_id)
                found.append(law)
    return hits + complete_passages(found, index) if found else hits
