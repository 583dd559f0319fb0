"""The things the index hands out: stored documents, search hits, filters, ingest reports."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ingest.models import Chunk, Metadata


def passages(count: int) -> str:
    """"1 passage", "12 passages": the count as an editor reads it."""
    return f"{count} passage" if count == 1 else f"{count} passages"


@dataclass
class DocumentRecord:
    """A document as the index knows it."""

    doc_id: str
    source: str
    metadata: Metadata
    content_hash: str
    n_chunks: int
    n_pages: int | None
    added_at: str
    overrides: dict = field(default_factory=dict)  # metadata flags it was ingested with; reindex reuses them

    @property
    def title(self) -> str:
        """What the index searches the document's passages under (their heading)."""
        return self.metadata.title or self.doc_id

    @property
    def display_title(self) -> str:
        """What officers and editors see: the document's own name where its title is its file name."""
        return self.metadata.display_title or self.title


@dataclass
class Hit:
    """A chunk found by a search, with its document and how it scored."""

    chunk: Chunk
    document: DocumentRecord
    score: float
    dense_score: float | None = None
    bm25_score: float | None = None


@dataclass
class Filters:
    """Metadata filters; empty fields do not filter. Values within a field are alternatives."""

    types: list[str] = field(default_factory=list)
    regions: list[str] = field(default_factory=list)
    doc_ids: list[str] = field(default_factory=list)
    # "niet ouder dan": only documents whose text is dated on or after this ISO date (`not_older_than`)
    since: str | None = None

    def __bool__(self) -> bool:
        return bool(self.types or self.regions or self.doc_ids or self.since)

    @classmethod
    def of(cls, type: str | list[str] | None = None, region: str | list[str] | None = None,
           doc_id: str | list[str] | None = None, since: str | None = None) -> "Filters":
        return cls(_as_list(type), _as_list(region), _as_list(doc_id), since or None)

    def accepts(self, document: DocumentRecord) -> bool:
        meta = document.metadata
        return (
            (not self.types or meta.type in self.types)
            and (not self.regions or (meta.region or "").casefold() in {r.casefold() for r in self.regions})
            and (not self.doc_ids or document.doc_id in self.doc_ids)
            and (not self.since or not_older_than(meta, self.since))
        )


_TITLE_YEAR = re.compile(r"\b((?:19|20)\d{2})\b")


def not_older_than(metadata: Metadata, since: str) -> bool:
    """Whether a text is dated on or after `since` (ISO), or, undated, has a title that names a year from that
    of `since` on: "Beleidsnota Wonen in Utrecht … 2025-2030" holds in 2025, and dropped out under "niet ouder
    dan 1 januari 2025" as if it were old (helper-58). A text without either drops out."""
    if metadata.date:
        return metadata.date >= since
    return any(int(year) >= int(since[:4]) for year in _TITLE_YEAR.findall(metadata.title or ""))


def _as_list(value: str | list[str] | None) -> list[str]:
    if value is None:
        return []
    return [value] if isinstance(value, str) else [v for v in value if v]


@dataclass
class FileResult:
    """What happened to one file in an ingest: added, updated, skipped (unchanged), removed, failed,
    or duplicate (the library holds the same file from another path); in a reindex, reindexed."""

    path: str
    status: str
    doc_id: str | None = None
    chunks: int = 0
    reason: str | None = None  # Dutch, for failures and duplicates


@dataclass
class IngestReport:
    files: list[FileResult] = field(default_factory=list)
    seconds: float = 0.0

    def count(self, status: str) -> int:
        return sum(1 for f in self.files if f.status == status)

    @property
    def chunks(self) -> int:
        return sum(f.chunks for f in self.files)

    def summary(self) -> str:
        """"1 toegevoegd, 0 bijgewerkt, 35 ongewijzigd, 0 verwijderd, 0 mislukt; 4 passages ingelezen; 0.7 s": the
        passages read in by this run, not the index's ("0 passages" after an unchanged ingest read as an empty
        index, helper-59)."""
        duplicates, reindexed = self.count("duplicate"), self.count("reindexed")
        return (
            (f"{reindexed} opnieuw ingelezen, " if reindexed else "")
            + f"{self.count('added')} toegevoegd, {self.count('updated')} bijgewerkt, "
            f"{self.count('skipped')} ongewijzigd, {self.count('removed')} verwijderd, "
            f"{self.count('failed')} mislukt{f', {duplicates} dubbel' if duplicates else ''}; "
            f"{passages(self.chunks)} ingelezen; {self.seconds:.1f} s"
        )
