"""The things that flow out of ingestion: a loaded `Document` and its `Chunk`s."""

from __future__ import annotations

from dataclasses import dataclass, field

DOC_TYPES = ("regelgeving", "handreiking", "regioprofiel", "praktijkvoorbeeld", "overig")


@dataclass
class Metadata:
    """What an editor can say about a document (front matter, sidecar or CLI flags)."""

    title: str | None = None
    type: str = "overig"
    region: str | None = None
    municipalities: list[str] = field(default_factory=list)
    date: str | None = None
    source_url: str | None = None
    # the name the text gives itself ("Woningwet", from "Deze wet kan worden aangehaald als
    # Woningwet"), shown to officers when neither an editor nor the file's properties title it;
    # `title`, then made from the file name, is what the index searches (ingest/metadata.py)
    display_title: str | None = None
    # the heading every section of the text sits under (a Staatsblad masthead, a law's preamble):
    # it names the document, so citations do not repeat it (`ingest.chunking.document_heading`)
    document_heading: str | None = None


@dataclass
class Page:
    """Text of one page; `number` is 1-based for paged formats (PDF) and None otherwise.

    Headings the loader recognised are written as Markdown heading lines
    ("## Taakverdeling"), so the chunker sees one kind of structure for every format.
    """

    number: int | None
    text: str


@dataclass
class Document:
    doc_id: str
    source: str
    pages: list[Page]
    metadata: Metadata
    content_hash: str

    PAGE_SEPARATOR = "\n\n"

    @property
    def text(self) -> str:
        """The whole text; chunk character offsets point into this string."""
        return self.PAGE_SEPARATOR.join(p.text for p in self.pages)


@dataclass
class Chunk:
    """A passage of a document that keeps its place: pages, heading path and offsets."""

    doc_id: str
    ordinal: int
    text: str
    char_start: int
    char_end: int
    page_start: int | None = None
    page_end: int | None = None
    section: str | None = None  # heading path, "Hoofdstuk 2 › Artikel 12"

    @property
    def chunk_id(self) -> str:
        return f"{self.doc_id}#{self.ordinal}"
