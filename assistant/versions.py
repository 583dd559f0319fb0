"""The same article in the library's other texts of a law, for a question about what changed.

"Is een urgentieregeling in de huisvestingsverordening nu verplicht, en was dat in de
oorspronkelijke wet ook zo?" is answered by article 12 twice: as the Huisvestingswet 2014 read
at first ("kan de gemeenteraad bepalen") and as it reads from 1 July 2026 ("bepaalt de
gemeenteraad"). The two texts share almost all their words, so the search brings the one and
the reranker keeps it; the other never comes. For a question that asks what changed or about
an earlier text (`asks_about_other_text`), the best VERSION_HITS law passages among the hits
are therefore followed by the passages of the same article in the library's other texts of
that law: those that share most of the question's terms, at most PER_VERSION per text. A law is
known by its BWB identifier (wetten.overheid.nl: "BWBR0035303" is the Huisvestingswet 2014), in
its source address, title or document id; an article by its heading ("Artikel 12"). The
composer shows each text under its own name and date, newest first (`compose.law_editions`).
"""

from __future__ import annotations

import re

from assistant.expand import complete_passages
from assistant.sentences import coverage, nearest_heading, terms
from index.models import DocumentRecord, Filters, Hit
from index.searcher import Index

VERSION_HITS = 3  # law hits whose article is found in other texts of their law, at most
PER_VERSION = 2  # passages of that article per other text

_BWB_ID = re.compile(r"\bBWBR\d{7}\b", re.I)
_ARTICLE = re.compile(r"^\s*art(?:ikel|\.)\s*(\d+[a-z]*)\b", re.I)
_CHANGE = re.compile(
    r"\b(?:veranderd|verandering|gewijzigd|wijziging|bijgekomen|toegevoegd|vervallen|geschrapt|eruit\s+gegaan"
    r"|nog\s+steeds|nog\s+altijd|ten\s+opzichte\s+van|oude\s+(?:en|of)\s+(?:de\s+)?nieuwe)\b", re.I)
_EARLIER = re.compile(r"\b(?:oorspronkelijke?|vroeger|destijds|voorheen|eerdere\s+(?:wet|tekst|versie))\b", re.I)


def asks_about_change(question: str) -> bool:
    """"… ten opzichte van de oorspronkelijke wettekst", "Wat is er veranderd … tussen de oude en
    de nieuwe Huisvestingswet?": what one text of a law says against another."""
    return bool(_CHANGE.search(question))


def asks_about_other_text(question: str) -> bool:
    """A question about what changed (`asks_about_change`), or about an earlier text of a law
    ("Is … nu verplicht, en was dat in de oorspronkelijke wet ook zo?")."""
    return asks_about_change(question) or bool(_EARLIER.search(question))


def law_id(document: DocumentRecord) -> str | None:
    """The BWB identifier of the law a document is a text of ("BWBR0035303"), or None."""
    for text in (document.metadata.source_url, document.metadata.title, document.doc_id):
        found = _BWB_ID.search(text or "")
        if found:
            return found.group(0).upper()
    return None


def article_of(section: str | None) -> str | None:
    """"12" for a passage under "… › Artikel 12", "33a" under "Artikel 33a Bijdragen"; else None."""
    found = _ARTICLE.match(nearest_heading(section))
    return found.group(1).lower() if found else None


def with_other_versions(hits: list[Hit], index: Index, question: str, weights: dict[str, float],
                        filters: Filters | None = None) -> list[Hit]:
    """`hits`, each of the VERSION_HITS best law passages followed by the same article in the
    other texts of its law that the officer's `filters` let through (see the module docstring);
    completed (`expand.complete_passages`), each passage once. Unchanged for a question that asks
    neither what changed nor about an earlier text (`asks_about_other_text`)."""
    if not asks_about_other_text(question):
        return hits
    wanted = set(terms(question))
    held = {(h.document.doc_id, h.chunk.chunk_id) for h in hits}
    joined: list[Hit] = []
    looked_up = 0
    for hit in hits:
        joined.append(hit)
        same = _same_article(hit, index, wanted, weights, filters or Filters()) if looked_up < VERSION_HITS else []
        looked_up += bool(same)
        for found in complete_passages(same, index):
            if (found.document.doc_id, found.chunk.chunk_id) not in held:
                held.add((found.document.doc_id, found.chunk.chunk_id))
                joined.append(found)
    return joined


def _same_article(hit: Hit, index: Index, wanted: set[str], weights: dict[str, float], filters: Filters) -> list[Hit]:
    law, article = law_id(hit.document), article_of(hit.chunk.section)
    if hit.document.metadata.type != "regelgeving" or law is None or article is None:
        return []
    found = []
    for other in index.documents():
        if other.doc_id == hit.document.doc_id or law_id(other) != law or not filters.accepts(other):
            continue
        same = [c for c in index.chunks_of(other.doc_id) if article_of(c.section) == article]
        best = sorted(same, key=lambda c: -coverage(wanted, set(terms(c.text)), weights))[:PER_VERSION]
        found += [Hit(c, other, hit.score, hit.dense_score) for c in sorted(best, key=lambda c: c.ordinal)]
    return found
