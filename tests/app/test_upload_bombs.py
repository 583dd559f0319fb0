"""Upload bombs and second thoughts, on the real server: an Office file that unpacks to far more
than it weighs, a document that would give thousands of passages, an ingest an editor stops,
and uploads a stopped server left behind. The index stays as it was every time.
"""

from __future__ import annotations

import re
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from app import UPLOAD_NAMES, UPLOAD_OWNER
from filemakers import docx_bomb
from index.storage import current_generation
from live_server import Page, start_server
from test_app import HashEmbedder

pytestmark = pytest.mark.slow


def add(page: Page, path: Path):
    """Log in as anna and add one file; the result rows and the summary the page shows."""
    page.call("login", "anna", "geheim")
    return page.add_files(path)


def stored_uploads(folder: Path) -> list[str]:
    """The files in the uploads folder, without the app's list of names as uploaded."""
    return sorted(p.name for p in folder.glob("*") if p.name not in (UPLOAD_NAMES, UPLOAD_OWNER))


def index_state(work: Path):
    return current_generation(work / "index").name, stored_uploads(work / "uploads")


@pytest.fixture()
def work(tmp_path):
    return tmp_path


def test_a_word_file_that_unpacks_to_megabytes_of_xml_is_refused_and_nothing_changes(work):
    bomb = docx_bomb(work / "bom.docx", 400_000)  # ~27 MB of XML in ~100 kB
    server = start_server(work)
    page = Page(server.url)
    try:
        before = index_state(work)
        rows, summary = add(page, bomb)
        after = index_state(work)
    finally:
        page.close()
        server.close()
    assert bomb.stat().st_size < 200_000
    assert rows[0][1] == "mislukt"
    assert re.match(r"Het bestand pakt uit tot meer dan 1\d MB \(het weegt zelf \d+ kB\)", rows[0][3])
    assert "THUISWIJZER_MAX_EXPANDED_MB" in rows[0][3]
    assert after == before  # same generation, no file left in uploads/


def test_a_document_with_more_passages_than_allowed_is_refused_with_the_count(work):
    long_note = work / "lange-nota.md"
    long_note.write_text("\n\n".join(f"## Deel {i}\n\nDe gemeente bouwt {i} woningen in wijk {i}." for i in range(40)),
                         encoding="utf-8")
    one_line = work / "een-regel.html"
    one_line.write_text("<p>" + "woningen voor jongeren " * 2_000 + "</p>", encoding="utf-8")
    server = start_server(work, max_passages=5)
    page = Page(server.url)
    try:
        before = index_state(work)
        counted, _ = add(page, long_note)
        too_long, _ = add(page, one_line)
        after = index_state(work)
    finally:
        page.close()
        server.close()
    assert counted[0][1] == "mislukt"
    assert counted[0][3].startswith("Het document levert 40 passages op; de grens is 5 per document.")
    assert too_long[0][3].startswith("Het document is te lang: het zou meer dan 5 passages opleveren")
    assert after == before


class SlowEmbedder(HashEmbedder):
    """The hashing embedder at the pace of a busy machine, and a signal when embedding has begun."""

    def __init__(self):
        self.embedding = threading.Event()

    def embed_passages(self, texts):
        if len(texts) > 1:  # the upload, not the one-note index built before the server starts
            self.embedding.set()
            time.sleep(1.5)
        return super().embed_passages(texts)


def test_an_editor_stops_a_long_ingest_and_the_index_stays_at_its_last_generation(work):
    big = work / "jaarverslag.md"
    big.write_text("\n\n".join(f"## Hoofdstuk {i}\n\n" + "De regio maakt afspraken over wonen. " * 40
                               for i in range(150)), encoding="utf-8")
    embedder = SlowEmbedder()
    server = start_server(work, embedder=embedder)
    adding, stopping = Page(server.url), Page(server.url)
    try:
        before = index_state(work)
        with ThreadPoolExecutor(1) as pool:
            running = pool.submit(add, adding, big)
            assert embedder.embedding.wait(60)
            stopping.call("login", "anna", "geheim")
            stopping.call("cancel_write", None)
            rows, summary = running.result(timeout=60)
        after = index_state(work)
    finally:
        adding.close()
        stopping.close()
        server.close()
    assert summary == "Niets gewijzigd: gestopt op verzoek; de kennisbank is zoals ze was."
    assert rows[0][1] == "mislukt"
    assert after == before


def test_uploads_a_stopped_server_left_behind_are_cleaned_at_start(work):
    server = start_server(work)
    page = Page(server.url)
    kept = work / "bijgewerkt.md"
    kept.write_text("# Bijgewerkt\n\nDe nieuwe tekst over wonen.\n", encoding="utf-8")
    try:
        add(page, kept)
    finally:
        page.close()
        server.close()
    uploads = work / "uploads"
    (uploads / "half-verwerkt.pdf").write_bytes(b"%PDF-1.4 afgebroken")  # copied in, never indexed
    (uploads / ".upload-k3j2").write_bytes(b"half gekopieerd")
    (uploads / "bijgewerkt.md.meta.yaml").write_text("title: Blijft\n", encoding="utf-8")
    # an update that died midway: the new text in place, the indexed version as backup
    (uploads / ".bijgewerkt.md.vorige").write_bytes((uploads / "bijgewerkt.md").read_bytes())
    (uploads / "bijgewerkt.md").write_text("# Half\n\nNooit geïndexeerd.\n", encoding="utf-8")

    restarted = start_server(work)
    restarted.close()

    assert stored_uploads(uploads) == ["bijgewerkt.md", "bijgewerkt.md.meta.yaml"]
    assert (uploads / "bijgewerkt.md").read_text(encoding="utf-8").startswith("# Bijgewerkt")
