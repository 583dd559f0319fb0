"""The chunk store of one segment: documents and chunks in SQLite; a chunk's row number is its vector id."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import numpy as np

from ingest.models import Chunk, Metadata
from index.models import DocumentRecord

SCHEMA = """
CREATE TABLE documents (
    doc_id TEXT PRIMARY KEY, source TEXT NOT NULL, metadata TEXT NOT NULL,
    content_hash TEXT NOT NULL, n_chunks INTEGER NOT NULL, n_pages INTEGER, added_at TEXT NOT NULL,
    overrides TEXT NOT NULL
);
CREATE TABLE chunks (
    row INTEGER PRIMARY KEY, doc_id TEXT NOT NULL, ordinal INTEGER NOT NULL, text TEXT NOT NULL,
    char_start INTEGER NOT NULL, char_end INTEGER NOT NULL, page_start INTEGER, page_end INTEGER,
    section TEXT
);
CREATE INDEX chunks_doc ON chunks(doc_id);
"""


def write_store(path: Path, documents: list[DocumentRecord], chunks: list[Chunk]) -> None:
    """Write a new store; `chunks` are in vector order (row i is vector i)."""
    con = sqlite3.connect(path)
    try:
        con.executescript(SCHEMA)
        con.executemany(
            "INSERT INTO documents VALUES (?,?,?,?,?,?,?,?)",
            [
                (d.doc_id, d.source, json.dumps(d.metadata.__dict__, ensure_ascii=False), d.content_hash,
                 d.n_chunks, d.n_pages, d.added_at, json.dumps(d.overrides, ensure_ascii=False))
                for d in documents
            ],
        )
        con.executemany(
            "INSERT INTO chunks VALUES (?,?,?,?,?,?,?,?,?)",
            [
                (row, c.doc_id, c.ordinal, c.text, c.char_start, c.char_end, c.page_start, c.page_end, c.section)
                for row, c in enumerate(chunks)
            ],
        )
        con.commit()
    finally:
        con.close()


class ChunkStore:
    """Read-only access to a written store; safe to share between threads."""

    def __init__(self, path: Path):
        # immutable=1: a generation is never written after it is complete, and this lets
        # readers survive the directory being removed under them
        self._con = sqlite3.connect(f"file:{path}?immutable=1", uri=True, check_same_thread=False)

    def close(self) -> None:
        self._con.close()

    def documents(self) -> list[DocumentRecord]:
        rows = self._con.execute("SELECT * FROM documents ORDER BY doc_id").fetchall()
        return [_document(r) for r in rows]

    def document_keys(self) -> list[tuple[str, str, str, int, dict, str]]:
        """(doc_id, source, content_hash, n_chunks, overrides, shown title) of every document: what a
        writer needs to know of a library, without parsing each document's metadata."""
        rows = self._con.execute(
            "SELECT doc_id, source, content_hash, n_chunks, overrides, coalesce(json_extract(metadata, "
            "'$.display_title'), json_extract(metadata, '$.title'), doc_id) FROM documents ORDER BY doc_id").fetchall()
        return [(doc_id, source, content_hash, n_chunks, json.loads(overrides), title)
                for doc_id, source, content_hash, n_chunks, overrides, title in rows]

    def chunk_doc_ids(self) -> list[str]:
        return [r[0] for r in self._con.execute("SELECT doc_id FROM chunks ORDER BY row")]

    def chunks(self, rows: list[int]) -> dict[int, Chunk]:
        if not rows:
            return {}
        marks = ",".join("?" * len(rows))
        found = self._con.execute(f"SELECT * FROM chunks WHERE row IN ({marks})", [int(r) for r in rows])
        return {r[0]: _chunk(r) for r in found}

    def all_chunks(self) -> list[Chunk]:
        return [_chunk(r) for r in self._con.execute("SELECT * FROM chunks ORDER BY row")]

    def chunks_in_order(self, rows: np.ndarray) -> list[Chunk]:
        """The chunks of these rows (sorted), read in one pass: for merges, which read most rows."""
        wanted = np.zeros(int(rows.max()) + 1 if len(rows) else 0, dtype=bool)
        wanted[rows] = True
        found = self._con.execute("SELECT * FROM chunks WHERE row < ? ORDER BY row", (len(wanted),))
        return [_chunk(r) for r in found if wanted[r[0]]]

    def chunks_of(self, doc_id: str) -> list[Chunk]:
        found = self._con.execute("SELECT * FROM chunks WHERE doc_id = ? ORDER BY ordinal", (doc_id,))
        return [_chunk(r) for r in found]


def _document(row: tuple) -> DocumentRecord:
    doc_id, source, metadata, content_hash, n_chunks, n_pages, added_at, overrides = row
    return DocumentRecord(doc_id, source, Metadata(**json.loads(metadata)), content_hash, n_chunks, n_pages, added_at,
                          json.loads(overrides))


def _chunk(row: tuple) -> Chunk:
    _, doc_id, ordinal, text, char_start, char_end, page_start, page_end, section = row
    return Chunk(doc_id, ordinal, text, char_start, char_end, page_start, page_end, section)
