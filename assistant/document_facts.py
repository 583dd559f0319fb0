"""Questions about the chosen document as an object, answered from its own passages: when it is
dated, how many chapters it has, how many pages it or its summary takes.

An officer reading one document (the "Alleen in" filter, `--doc`) asks "Wanneer is de publicatie
verschenen?", "Uit hoeveel hoofdstukken bestaat de publicatie?" or "Hoe lang is deze
samenvatting?". No sentence answers these, and a search finds nothing; the document's date, its
numbered top-level headings and its page numbers do. Each answer cites the passage it rests on:
the one that states the date, the first passage of each chapter, the summary's first passage.
What the text says is quoted (the date, the chapter headings); what is counted (pages) is a note
in italics, as the answer's other notes are.
A fact the passages do not bear out is not given (a date from a file name, chapters without
numbers): the question is then searched as any other.
"""

from __future__ import annotations

import re

from assistant.compose import sources_block, to_citation
from assistant.models import Citation
from assistant.overview import SUMMARY
from index.models import Hit
from ingest.dates import dutch_date

# "Wanneer is de publicatie verschenen?", "Van wanneer is dit rapport?", "Wat is de datum van deze nota?"
_DATE = re.compile(
    r"\bwanneer\b.*\b(?:verschenen|gepubliceerd|uitgekomen|uitgebracht|gedateerd|geschreven)\b"
    r"|^\s*van\s+wanneer\s+is\s+(?:dit|deze|het|de)\b"
    r"|\b(?:publicatie)?datum\s+van\s+(?:dit|deze|het|de)\s+(?:publicatie|rapport|document|nota|notitie|stuk|brief)\b",
    re.I)
_CHAPTERS = re.compile(r"\b(?:hoeveel|welke)\s+hoofdstukken\b", re.I)
# "Hoe lang is deze samenvatting?", "Hoeveel pagina's telt het rapport?"
_LENGTH = re.compile(
    r"\bhoe\s+lang\s+is\s+(?:de|deze|dit|het)\s+(samenvatting|publicatie|rapport|document|nota|stuk)\b"
    r"|\bhoeveel\s+pagina'?s\b(?:.*\b(samenvatting)\b)?", re.I)
_CHAPTER = re.compile(r"^\s*(?:hoofdstuk\s+)?(\d{1,2})\.?\s+\S")


def asks_document_fact(question: str) -> str | None:
    """"datum", "hoofdstukken" or "lengte" for a question about the document as an object, else None."""
    if _DATE.search(question):
        return "datum"
    if _CHAPTERS.search(question):
        return "hoofdstukken"
    if _LENGTH.search(question):
        return "lengte"
    return None


def document_fact(question: str, chunks: list, document) -> tuple[str, list[Citation], list[Hit]] | None:
    """The answer (Markdown with [n] and its Bronnen block), its citations and the passages it
    rests on, for a question `asks_document_fact` recognises, from the document's `chunks` (in
    text order); None when its passages do not bear the fact out."""
    kind = asks_document_fact(question)
    found = {"datum": _date, "hoofdstukken": _chapters, "lengte": _length}[kind](question, chunks, document) \
        if kind else None
    if found is None:
        return None
    lines, cited = found
    hits = [Hit(chunk, document, 1.0) for chunk, _ in cited]
    citations = [to_citation(n, hit, marks) for n, (hit, (_, marks)) in enumerate(zip(hits, cited), start=1)]
    return "\n".join(lines) + f"\n\n{sources_block(citations)}", citations, hits


def _title(document) -> str:
    # in quotes: many titles end in a question mark ("De procesorganisatie inrichten: …?")
    return f"„{document.display_title}”"


def _date(question: str, chunks: list, document):
    if not document.metadata.date or len(document.metadata.date) < 10:
        return None
    written = dutch_date(document.metadata.date)
    stating = next((c for c in chunks if written.lower() in " ".join(c.text.split()).lower()), None)
    if stating is None:
        return None
    return [f"_De datum van {_title(document)}, zoals de tekst zelf die noemt:_", "", f"{written} [1]"], \
        [(stating, [written])]


def _chapters(question: str, chunks: list, document):
    firsts: dict[int, tuple[str, object]] = {}
    for chunk in chunks:
        top = (chunk.section or "").split("›")[0].strip()
        match = _CHAPTER.match(top)
        if match and int(match.group(1)) not in firsts:
            firsts[int(match.group(1))] = (top, chunk)
    numbers = sorted(firsts)
    if len(numbers) < 2 or numbers != list(range(1, len(numbers) + 1)):
        return None  # no numbered chapters, or a numbering the headings do not bear out
    lines = [f"_{_title(document)} heeft {len(numbers)} genummerde hoofdstukken:_", ""]
    lines += [f"- {firsts[n][0]} [{i}]" for i, n in enumerate(numbers, start=1)]
    return lines, [(firsts[n][1], []) for n in numbers]


def _length(question: str, chunks: list, document):
    match = _LENGTH.search(question)
    if "samenvatting" in (match.group(1) or match.group(2) or "").lower():
        section = next((c.section for c in chunks if any(SUMMARY.match(h) for h in (c.section or "").split("›"))),
                       None)
        part = [c for c in chunks if section is not None and c.section == section]
        if not part or part[0].page_start is None:
            return None
        first, last = part[0].page_start, max(c.page_end or c.page_start for c in part)
        pages = last - first + 1
        where = f"p. {first}" if pages == 1 else f"p. {first}–{last}"
        name = section.split("›")[-1].strip()
        return ([f"_„{name}” in {_title(document)} beslaat {pages} {'pagina' if pages == 1 else 'pagina’s'} "
                 f"({where}) [1]._"], [(part[0], [])])
    if not document.n_pages or not chunks:
        return None
    return [f"_{_title(document)} telt {document.n_pages} pagina’s [1]._"], [(chunks[-1], [])]
