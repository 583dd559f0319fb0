"""The list a "Welke …?" question asks for, read in the place of its document's best passage.

"Welke groepen krijgen verplicht urgentie vanaf 1 juli 2026?" draws the search to what names the
date: the urgentieregeling summary's comparison table ("Verplichte groepen · … · Tien groepen
(zie hieronder)") and a timeline. The summary's own list under "De tien groepen die in ieder geval
urgentie moeten krijgen" ranked fourteenth and was reranked away (or, in a smaller library, came
last among the passages read), and the answer opened with a table row that points at it. The
passage that lists what the question asks for (a lead-in or heading that names it, MIN_ITEMS items or
more) is therefore read before the best passage of its document: it is what the question asks
for, and the composer weighs a passage by its place. When none of the passages read lists it,
it is looked for in the documents of the best LISTING_DOCUMENTS passages.
"""

from __future__ import annotations

from assistant.compose import enumerates, listed_kind
from assistant.expand import complete_passages
from assistant.sentences import nearest_heading, passage_units, terms
from index.models import Hit

LISTING_DOCUMENTS = 2  # documents of the best passages whose lists are read, at most
MIN_ITEMS = 3  # a list of fewer items is a pair, not what "Welke groepen …?" asks for


def with_listing(hits: list[Hit], question: str, index) -> list[Hit]:
    """`hits` with the passage that lists what `question` asks for (`compose.listed_kind`), one of them
    or one of their documents', before the first hit of its document; unchanged when there is none."""
    kind = listed_kind(question)
    if not kind:
        return hits
    listed = next((hit for hit in hits if lists(hit, kind)), None)
    if listed is not None:  # read in the place of its document's best passage
        first = next(i for i, hit in enumerate(hits) if hit.document.doc_id == listed.document.doc_id)
        rest = [hit for hit in hits if hit is not listed]
        return rest[:first] + [listed] + rest[first:]
    held = {(hit.chunk.doc_id, hit.chunk.ordinal) for hit in hits}
    documents: list[str] = []
    for position, hit in enumerate(hits):
        if hit.document.doc_id in documents:
            continue
        documents.append(hit.document.doc_id)
        if len(documents) > LISTING_DOCUMENTS:
            break
        for chunk in index.chunks_of(hit.document.doc_id):
            if (chunk.doc_id, chunk.ordinal) in held or not kind & set(terms(chunk.section or "")):
                continue
            # a list runs over several chunks: read whole, as the composer reads it (`expand`)
            found = complete_passages([Hit(chunk, hit.document, hit.score, hit.dense_score)], index)
            if lists(found[0], kind):
                return hits[:position] + found + hits[position:]
    return hits


def lists(hit: Hit, kind: set[str]) -> bool:
    """Whether the passage holds a list of MIN_ITEMS or more whose lead-in or heading names `kind`."""
    above = set(terms(nearest_heading(hit.chunk.section)))
    return any(len(unit.items) >= MIN_ITEMS and enumerates(unit, above, kind) for unit in passage_units(hit))
