"""What the assistant hands back: an `Answer` with numbered `Citation`s."""

from __future__ import annotations

from dataclasses import dataclass, field

from ingest.chunking import shown_path
from ingest.dates import dutch_date


@dataclass
class Citation:
    """A retrieved passage the answer points at as [n]."""

    n: int
    doc_id: str
    title: str
    source: str
    page: int | None
    section: str | None
    text: str
    score: float
    type: str = "overig"
    region: str | None = None
    page_end: int | None = None
    source_url: str | None = None
    highlights: list[str] = field(default_factory=list)  # sentences of `text` the answer used
    date: str | None = None  # the date of the document's text (ISO), so a reader sees which version it is
    document_heading: str | None = None  # the heading every section of the document sits under (not shown)

    def label(self) -> str:
        """"Titel — type · 1 juli 2026 · p. 2 · Artikel 12", as the Bronnen list shows it."""
        parts = [self.type] + ([dutch_date(self.date)] if self.date else [])
        if self.page:
            parts.append(f"p. {self.page}" if not self.page_end or self.page_end == self.page else f"p. {self.page}–{self.page_end}")
        if self.shown_section:
            parts.append(self.shown_section)
        return f"{self.title} — " + " · ".join(parts)

    @property
    def shown_section(self) -> str:
        """The section path without the heading every path of the document opens with: the title of a
        text that opens with its name ("Circulaire inwerkingtreding Woningwet 2015 › Bijlage"), a
        Staatsblad's masthead or a law's preamble ("Wet van 29 augustus 1991 tot herziening van de
        Woningwet › Hoofdstuk IV › Artikel 44" is shown as "Hoofdstuk IV › Artikel 44")."""
        return shown_path(self.section, self.title, self.document_heading)

    def to_json(self) -> dict:
        return {
            "n": self.n, "doc_id": self.doc_id, "title": self.title, "source": self.source, "page": self.page,
            "section": self.section, "text": self.text, "score": round(float(self.score), 6), "type": self.type,
            "region": self.region, "highlights": self.highlights, "date": self.date,
        }


@dataclass
class Answer:
    text: str
    citations: list[Citation]
    abstained: bool
    # the question as it was read: standalone for a follow-up, a typo read as the library's word; the search
    # may add a split verb whole ("inrichten", assistant.separable), which is no reading of the question
    query: str
    mode: str = "extractief"  # "extractief" or "generatief"
    notes: list[str] = field(default_factory=list)  # e.g. a fallback from the language model
    evidence: float = 0.0  # how strong the retrieved evidence was (see assistant/evidence.py)
    caution: bool = False  # answered, but the evidence is weak: the text says so first
    # the passages it was built from (not in JSON): the reranked ones, and those found by quotes (assistant/quoted.py)
    hits: list = field(default_factory=list, repr=False)

    def searched_for(self, question: str) -> str | None:
        """The query, when it is not `question` as the officer typed it: shown as "Gezocht op: …"."""
        return self.query if self.query.strip().rstrip("?").casefold() != question.strip().rstrip("?").casefold() else None

    def to_json(self) -> dict:
        return {
            "answer": self.text, "abstained": self.abstained, "caution": self.caution, "query": self.query,
            "citations": [c.to_json() for c in self.citations], "mode": self.mode, "notes": self.notes,
            "evidence": round(self.evidence, 4),
        }
