"""The app's handlers without a browser: answering, feedback, editor login, uploads, serving sources.

A small hashing embedder stands in for the e5 model, so these run in seconds.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from types import SimpleNamespace

import gradio as gr
import numpy as np
import pytest

import app
import app_render as render
from assistant import Assistant
from filemakers import write_docx
from index.searcher import LiveIndex
from index.writer import IndexWriter
from thuiswijzer.config import Settings

NOTE = """---
title: "Nota wonen Zonnedal"
type: handreiking
region: Zonnedal
---

# Nota wonen

De gemeente Zonnedal bouwt veertig tijdelijke woningen voor dakloze jongeren in de wijk Oost.
Corporatie Zonnewoning beheert de woningen en een woonbegeleider helpt de jongeren het eerste jaar.
"""


class HashEmbedder:
    """Bag of hashed words: enough for tests of plumbing, not for retrieval quality."""

    name = "test-hash"
    space = "test-hash"
    dim = 64

    def _vector(self, text: str) -> np.ndarray:
        vector = np.zeros(self.dim, dtype=np.float32)
        for word in re.findall(r"\w+", text.lower()):
            vector[int(hashlib.md5(word.encode()).hexdigest(), 16) % self.dim] += 1.0
        return vector / (np.linalg.norm(vector) or 1.0)

    def embed_passages(self, texts):
        return np.vstack([self._vector(t) for t in texts]) if texts else np.zeros((0, self.dim), np.float32)

    def embed_query(self, text):
        return self._vector(text)

    def count_tokens(self, text):
        return len(text.split())


def no_progress(*args, **kwargs):
    pass


@pytest.fixture()
def web(tmp_path, monkeypatch):
    monkeypatch.setattr(app, "TYPING_DELAY", 0)
    monkeypatch.setattr(app, "FAILED_LOGIN_DELAY", 0)
    settings = Settings(editor_credentials="anna:geheim,bert:ook-geheim", feedback_log=tmp_path / "fb" / "log.jsonl",
                        max_file_mb=1)
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "nota-wonen-zonnedal.md").write_text(NOTE, encoding="utf-8")
    embedder = HashEmbedder()
    index_dir = tmp_path / "index"
    IndexWriter(index_dir, embedder).ingest([docs])
    assistant = Assistant(LiveIndex(index_dir, embedder=embedder), settings)
    assistant.refuse_below = assistant.caution_below = 0.0  # hashed vectors are weak evidence; these tests are about the plumbing
    return app.ThuiswijzerApp(index_dir, settings, assistant=assistant)


def last(generator):
    result = None
    for result in generator:
        pass
    return result


# -- Vragen ----------------------------------------------------------------------------------
def test_an_answer_streams_and_ends_with_its_sources(web):
    steps = list(web.respond("Hoeveel tijdelijke woningen bouwt Zonnedal voor dakloze jongeren?", None, "", ""))
    assert len(steps) > 3  # placeholder, growing text, final
    messages, panel, _, session = steps[-1]
    assert messages[0] == {"role": "user", "content": "Hoeveel tijdelijke woningen bouwt Zonnedal voor dakloze jongeren?"}
    assert "veertig tijdelijke woningen" in messages[1]["content"]
    assert 'href="#bron-1-1"' in messages[1]["content"]
    assert 'id="bron-1-1"' in panel and "Nota wonen Zonnedal" in panel
    assert session["turns"][0].citations[0].doc_id == "nota-wonen-zonnedal"
    assert session["turns"][0].message_index == 1


def test_an_officer_asks_within_one_chosen_document_only(web, tmp_path):
    after = web.add_files([str(write_note(tmp_path / "in" / "nachtopvang.md", "Kwartelveen opent een nachtopvang."))],
                          "", "", "Nachtopvang Kwartelveen", "", "anna", progress=no_progress)
    choices = after[7]["choices"]  # the "Alleen in" filter learns of the new document at once
    assert [doc_id for _, doc_id in choices] == ["nachtopvang", "nota-wonen-zonnedal"]
    assert choices[0][0] == "Nachtopvang Kwartelveen"

    question = "Hoeveel tijdelijke woningen bouwt Zonnedal voor dakloze jongeren?"
    everywhere = last(web.respond(question, None, "", "", "", []))[-1]["turns"][0]
    within = last(web.respond(question, None, "", "", "", ["nachtopvang"]))[-1]["turns"][0]

    assert {c.doc_id for c in everywhere.citations} == {"nota-wonen-zonnedal"}
    assert {c.doc_id for c in within.citations} <= {"nachtopvang"}
    assert "veertig tijdelijke woningen" not in within.answer


def test_an_empty_question_changes_nothing_and_the_officer_is_told_to_type_one(web, monkeypatch):
    told = []
    monkeypatch.setattr(app.gr, "Info", lambda message, **_: told.append(message))

    messages, *_ = last(web.respond("   ", None, "", ""))

    assert messages == []
    assert told == ["Typ eerst een vraag in het tekstvak."]


def test_a_failure_while_answering_is_a_dutch_sentence_not_a_trace(web, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("kapot")
        yield

    monkeypatch.setattr(web.assistant, "stream", broken)
    messages, *_ = last(web.respond("Wat regelen we regionaal?", None, "", ""))
    assert messages[-1]["content"].startswith("Er ging iets mis")
    assert "kapot" not in messages[-1]["content"]


def test_long_questions_take_turns_while_a_short_question_goes_ahead(web, monkeypatch):
    real_stream, release, started = web.assistant.stream, threading.Event(), []

    def stream(question, history, filters):
        started.append(question[:5])
        if question.startswith("lang") and len(started) == 1:
            assert release.wait(30)  # the first long question is still being embedded
        yield from real_stream(question[:200], history, filters)

    monkeypatch.setattr(web.assistant, "stream", stream)
    long_question = "lang " + "Hoeveel tijdelijke woningen bouwt Zonnedal voor dakloze jongeren? " * 5
    with ThreadPoolExecutor(2) as pool:
        first = pool.submit(last, web.respond(long_question, None, "", ""))
        deadline = time.monotonic() + 30
        while not started and time.monotonic() < deadline:
            time.sleep(0.01)
        second = pool.submit(last, web.respond("lang2" + long_question, None, "", ""))
        short, *_ = last(web.respond("Hoeveel woningen bouwt Zonnedal?", None, "", ""))
        assert started == ["lang ", "Hoeve"]  # the short one ran; the second long one waits its turn
        release.set()
        first.result(30), second.result(30)
    assert started == ["lang ", "Hoeve", "lang2"]
    assert "veertig tijdelijke woningen" in short[-1]["content"]


def test_a_missing_index_is_explained_in_the_chat(tmp_path):
    settings = Settings(editor_credentials=None, feedback_log=tmp_path / "f.jsonl")
    web = app.ThuiswijzerApp(tmp_path / "leeg", settings,
                             assistant=Assistant(LiveIndex(tmp_path / "leeg", embedder=HashEmbedder()), settings))
    messages, *_ = last(web.respond("Wat regelen we regionaal?", None, "", ""))
    assert "Geen index gevonden" in messages[-1]["content"]
    assert not web.editing_enabled


# -- feedback -------------------------------------------------------------------------------------
def test_a_vote_and_its_comment_are_appended_as_json_lines(web):
    *_, session = last(web.respond("Hoeveel tijdelijke woningen bouwt Zonnedal?", None, "", ""))
    box, pending = web.vote(session, SimpleNamespace(index=1, liked=False))
    assert box["visible"] is True
    web.comment("Het aantal klopt niet meer.", pending)
    records = [json.loads(line) for line in web.settings.feedback_log.read_text(encoding="utf-8").splitlines()]
    assert [r["vote"] for r in records] == ["down", "down"]
    assert records[0]["comment"] is None and records[1]["comment"] == "Het aantal klopt niet meer."
    assert records[1]["question"] == "Hoeveel tijdelijke woningen bouwt Zonnedal?"
    assert records[1]["citations"] == ["nota-wonen-zonnedal"]
    assert records[1]["answer"].startswith("- ") or records[1]["answer"]
    assert set(records[1]) >= {"timestamp", "question", "answer", "citations", "vote", "comment"}


def test_without_a_configured_log_votes_are_written_next_to_the_index_not_in_the_working_directory(
        web, tmp_path, monkeypatch):
    elsewhere = tmp_path / "ergens-anders"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    web.settings = Settings(feedback_log=None)
    *_, session = last(web.respond("Hoeveel tijdelijke woningen bouwt Zonnedal?", None, "", ""))

    web.vote(session, SimpleNamespace(index=1, liked=True))

    assert json.loads((tmp_path / "feedback.jsonl").read_text(encoding="utf-8"))["vote"] == "up"
    assert not any(elsewhere.rglob("*.jsonl"))


# -- Beheer: login --------------------------------------------------------------------------------
def test_only_configured_editors_log_in(web):
    guard = web.login_guard
    assert guard.verify("anna", "geheim") and guard.verify("bert", "ook-geheim")
    assert not guard.verify("anna", "ook-geheim")
    assert not guard.verify("", "")
    editor, *_, status, _, _ = web.login("anna", "fout")
    assert editor is None and "onjuist wachtwoord" in status
    editor, login_box, editor_box, password, status, rows, _ = web.login(" anna ", "geheim")
    assert editor == "anna" and editor_box["visible"] is True and password == ""
    assert rows[0][0] == "nota-wonen-zonnedal"


@pytest.mark.parametrize("call", [
    lambda web, who: web.add_files([], "", "", "", "", who, progress=no_progress),
    lambda web, who: web.remove(["nota-wonen-zonnedal"], who),
    lambda web, who: web.ask_to_remove(["nota-wonen-zonnedal"], who),
    lambda web, who: web.reindex(who, progress=no_progress),
])
@pytest.mark.parametrize("who", [None, "", "mallory"])
def test_editing_is_refused_without_a_login(web, call, who):
    with pytest.raises(gr.Error, match="Log eerst in"):
        call(web, who)
    assert web.documents()[0].doc_id == "nota-wonen-zonnedal"


# -- Beheer: uploads ------------------------------------------------------------------------------
def upload(web, *paths, **fields):
    rows, summary, table, *_ = web.add_files([str(p) for p in paths], fields.get("type", ""), fields.get("region", ""),
                                             fields.get("title", ""), fields.get("url", ""), "anna",
                                             progress=no_progress)
    return {row[0]: row for row in rows}, summary, table


def stored_uploads(web) -> list[str]:
    """The uploaded files on disk, without the hidden list of their original names."""
    return sorted(p.name for p in web.upload_dir.iterdir() if p.name not in (app.UPLOAD_NAMES, app.UPLOAD_OWNER))


def test_an_app_started_on_another_index_in_the_same_folder_leaves_the_uploads_alone(web, tmp_path):
    rows, _, _ = upload(web, write_note(tmp_path / "incoming" / "nota.md", "Kwartelveen opent een nachtopvang."))
    assert rows["nota.md"][1] == "toegevoegd"
    other_index = tmp_path / "ander-index"  # a second index in the same folder: uploads/ is beside both
    IndexWriter(other_index, HashEmbedder()).ingest([write_note(tmp_path / "ander" / "x.md", "Een andere tekst.")])

    other = app.ThuiswijzerApp(other_index, web.settings,
                               assistant=Assistant(LiveIndex(other_index, embedder=HashEmbedder()), web.settings))

    assert other.upload_dir == web.upload_dir
    assert stored_uploads(web) == ["nota.md"]  # not an orphan to be cleaned: another index's document
    with pytest.warns(UserWarning, match="hoort bij de kennisbank .* THUISWIJZER_UPLOADS"):  # gr.Warning, outside a page
        refused = other.add_files([str(write_note(tmp_path / "incoming" / "y.md", "Nog een tekst."))], "", "", "", "",
                                  "anna", progress=no_progress)
    assert refused[2:] == app.UNCHANGED_AFTER_WRITE[2:] + app.UNCHANGED_METADATA
    assert "THUISWIJZER_UPLOADS" in other.claim_uploads() and stored_uploads(web) == ["nota.md"]


def test_two_uploads_whose_names_sanitise_alike_never_replace_each_other(web, tmp_path):
    first = write_note(tmp_path / "a" / "Nota wonen.txt", "De gemeente Kwartelveen bouwt twintig woningen.")
    second = write_note(tmp_path / "b" / "Nota-wonen.txt", "De gemeente Zonnedal opent een nachtopvang.")
    rows, _, _ = upload(web, first)
    assert rows["Nota wonen.txt"][1] == "toegevoegd"
    rows, _, _ = upload(web, second)
    assert rows["Nota-wonen.txt"][1] == "toegevoegd"

    texts = [(web.upload_dir / name).read_text(encoding="utf-8") for name in stored_uploads(web)]
    assert sorted(texts) == sorted([first.read_text(encoding="utf-8"), second.read_text(encoding="utf-8")])
    assert len([d for d in web.documents() if Path(d.source).parent == web.upload_dir.resolve()]) == 2
    rows, _, _ = upload(web, write_note(first, "De gemeente Kwartelveen bouwt dertig woningen."))
    assert rows["Nota wonen.txt"][1] == "bijgewerkt"  # the same name again is a new version


def test_a_file_named_in_japanese_keeps_its_extension(web, tmp_path):
    source = write_note(tmp_path / "報告書.txt", "De gemeente Zonnedal telt driehonderd urgente woningzoekenden.")
    rows, _, _ = upload(web, source)

    assert rows["報告書.txt"][1] == "toegevoegd"
    assert [Path(name).suffix for name in stored_uploads(web)] == [".txt"]


def test_an_upload_with_an_impossible_date_fails_alone_and_a_later_reindex_still_works(web, tmp_path, fault_cases):
    good = write_note(tmp_path / "v1" / "onmogelijke-datum.md", "De gemeente Zonnedal opent een woonwagenstandplaats.")
    assert upload(web, good)[0]["onmogelijke-datum.md"][1] == "toegevoegd"
    other = write_note(tmp_path / "v2" / "ander.md", "De gemeente Zonnedal bouwt tien tiny houses.")

    rows, _, _ = upload(web, fault_cases / "onmogelijke-datum.md", other)

    assert rows["onmogelijke-datum.md"][1] == "mislukt"
    assert "'date'" in rows["onmogelijke-datum.md"][3] and "2025-02-30" in rows["onmogelijke-datum.md"][3]
    assert rows["ander.md"][1] == "toegevoegd"
    assert (web.upload_dir / "onmogelijke-datum.md").read_text(encoding="utf-8") == good.read_text(encoding="utf-8")
    rows, summary, *_ = web.reindex("anna", progress=no_progress)
    assert "0 mislukt" in summary
    assert {row[0]: row[1] for row in rows} == {"nota-wonen-zonnedal.md": "opnieuw ingelezen",
                                               "onmogelijke-datum.md": "opnieuw ingelezen",
                                               "ander.md": "opnieuw ingelezen"}


def write_note(path: Path, sentence: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"# Notitie\n\n{sentence}\n", encoding="utf-8")
    return path


def test_after_an_upload_the_metadata_fields_are_empty_so_the_next_file_does_not_take_its_title(web, tmp_path):
    # helper-47 uploaded a memo without touching the fields: it became "Prestatieafspraken Heidebroek 2028",
    # praktijkvoorbeeld in Heidebroek, like the file before it
    fields = ("praktijkvoorbeeld", "Heidebroek", "Prestatieafspraken Heidebroek 2028", "https://example.org/a")
    refused = web.add_files([], *fields, "anna", progress=no_progress)  # no file chosen: what was typed stays
    after = web.add_files([str(write_note(tmp_path / "in" / "heidebroek.md", "Heidebroek spreekt 30 woningen af."))],
                          *fields, "anna", progress=no_progress)

    assert refused[-6:] == app.UNCHANGED_METADATA
    assert after[-6:] == ("",) * 6
    assert next(d for d in web.documents() if d.doc_id == "heidebroek").metadata.region == "Heidebroek"


def test_an_editor_whose_upload_fails_keeps_the_type_and_region_typed_for_the_corrected_file(web, tmp_path):
    # helper-65: after "afgebroken-nota.pdf" was refused, Type and Regio were empty again
    broken = tmp_path / "afgebroken-nota.pdf"
    broken.write_bytes(b"%PDF-1.4 afgebroken")
    fields = ("praktijkvoorbeeld", "Testregio", "", "")

    result = web.add_files([str(broken)], *fields, "anna", progress=no_progress)

    assert result[0][0][1] == "mislukt" and result[-6:] == app.UNCHANGED_METADATA
    assert "afgebroken-nota" not in {d.doc_id for d in web.documents()}


def test_an_upload_whose_text_the_library_holds_names_the_earlier_upload_without_a_server_path(web, tmp_path):
    # helper-61: "Dezelfde inhoud als /tmp/…/data/uploads/vlinderfonds.md; niet nog eens toegevoegd."
    upload(web, write_note(tmp_path / "in" / "vlinderfonds.md", "Het Vlinderfonds steunt 12 woonprojecten."))
    rows, _, _ = upload(web, write_note(tmp_path / "in2" / "vlinderfonds-kopie.md",
                                        "Het Vlinderfonds steunt 12 woonprojecten."))

    reason = rows["vlinderfonds-kopie.md"][3]
    # named as in the list of documents, where the editor removes it (helper-67)
    assert "(id vlinderfonds)" in reason and "niet nog eens toegevoegd" in reason
    assert str(web.upload_dir) not in reason and "/" not in reason.split(";")[0]


def test_an_editor_gives_an_uploaded_note_its_date_and_municipalities_in_the_browser(web, tmp_path):
    # the command line took --date and --municipalities; the upload form had neither, so a note uploaded
    # in the browser without a date in its text fell out of every "Niet ouder dan" filter
    note = write_note(tmp_path / "in" / "kwartelveen.md", "Kwartelveen en Heidebroek spreken 40 woningen af.")
    web.add_files([str(note)], "praktijkvoorbeeld", "Zonnedal", "", "", "anna", "1 juli 2026",
                  "Kwartelveen, Heidebroek", progress=no_progress)

    stored = next(d for d in web.documents() if d.doc_id == "kwartelveen")
    assert stored.metadata.date == "2026-07-01"
    assert stored.metadata.municipalities == ["Kwartelveen", "Heidebroek"]


def test_a_date_that_does_not_exist_is_refused_before_anything_is_stored(web, tmp_path):
    note = write_note(tmp_path / "in" / "februari.md", "Een notitie over wonen en zorg.")
    with pytest.warns(UserWarning, match="Datum van de tekst: '2025-02-30' is geen bestaande datum"):
        result = web.add_files([str(note)], "", "", "", "", "anna", "2025-02-30", "", progress=no_progress)
    # the result table says so for this file, not the last upload's rows (helper-68); the form stays to correct
    (row,), summary = result[:2]
    assert row[:2] == ["februari.md", "mislukt"] and "'2025-02-30' is geen bestaande datum" in row[3]
    assert summary.startswith("Niets gewijzigd: Datum van de tekst")
    assert result[2:] == app.UNCHANGED_AFTER_WRITE[2:] + app.UNCHANGED_METADATA
    assert "februari" not in {d.doc_id for d in web.documents()}
    assert not web.upload_dir.exists() or not any(web.upload_dir.glob("februari*"))


def test_a_title_of_thousands_of_characters_is_refused_before_anything_is_stored(web, tmp_path):
    # helper-63: a title of 5,679 characters filled the "Alleen in" list and the delete box
    note = write_note(tmp_path / "in" / "lang.md", "Een notitie over wonen en zorg.")
    with pytest.warns(UserWarning, match=r"De titel is te lang \(5679 tekens, ten hoogste 300\)"):
        result = web.add_files([str(note)], "", "", "x" * 5679, "", "anna", "", "", progress=no_progress)
    assert result[2:] == app.UNCHANGED_AFTER_WRITE[2:] + app.UNCHANGED_METADATA
    assert "lang" not in {d.doc_id for d in web.documents()}


def test_an_upload_is_stored_under_a_safe_name_and_a_second_upload_updates_it(web, tmp_path):
    incoming = tmp_path / "incoming"
    incoming.mkdir()
    source = incoming / "Beleid wonen (2026).md"
    source.write_text("# Beleid\n\nDe gemeente Kwartelveen opent in 2027 een nieuwe nachtopvang bij het station.\n",
                      encoding="utf-8")
    rows, summary, table = upload(web, source, type="praktijkvoorbeeld", region="Kwartelveen", title="Beleid 2026")
    assert rows["Beleid wonen (2026).md"][1] == "toegevoegd"
    stored = web.upload_dir / "Beleid-wonen-2026.md"
    assert stored.read_text(encoding="utf-8") == source.read_text(encoding="utf-8")
    assert stored.parent == (tmp_path / "uploads")
    assert ["beleid-wonen-2026", "Beleid 2026", "praktijkvoorbeeld", "Kwartelveen", "", "", 1] in table
    assert "1 toegevoegd" in summary

    source.write_text("# Beleid\n\nDe gemeente Kwartelveen opent in 2028 twee nachtopvangen.\n", encoding="utf-8")
    rows, summary, _ = upload(web, source)
    assert rows["Beleid wonen (2026).md"][1] == "bijgewerkt"
    assert "2028" in stored.read_text(encoding="utf-8")
    assert len([d for d in web.documents() if d.doc_id == "beleid-wonen-2026"]) == 1


def test_a_failed_update_keeps_the_previous_file(web, tmp_path):
    canvas = pytest.importorskip("reportlab.pdfgen.canvas")
    good = tmp_path / "rapport.pdf"
    pdf = canvas.Canvas(str(good))
    pdf.drawString(60, 780, "De regio Zonnedal spreekt een verdeling van urgente woningzoekenden af.")
    pdf.save()
    rows, _, _ = upload(web, good)
    assert rows["rapport.pdf"][1] == "toegevoegd"
    broken = tmp_path / "later" / "rapport.pdf"
    broken.parent.mkdir()
    broken.write_bytes(b"%PDF-1.4 afgebroken")
    rows, _, _ = upload(web, broken)
    assert rows["rapport.pdf"][1] == "mislukt" and rows["rapport.pdf"][3]  # with a Dutch reason
    assert (web.upload_dir / "rapport.pdf").read_bytes() == good.read_bytes()
    assert stored_uploads(web) == ["rapport.pdf"]  # no backup left behind
    assert any(d.doc_id == "rapport" for d in web.documents())


def test_bad_uploads_fail_alone_with_a_dutch_reason(web, tmp_path):
    big = tmp_path / "groot.txt"
    big.write_text("woord " * 400_000, encoding="utf-8")  # 2.4 MB, the limit is 1 MB
    program = tmp_path / "setup.exe"
    program.write_bytes(b"MZ....")
    empty = tmp_path / "leeg.md"
    empty.write_text("", encoding="utf-8")
    broken = tmp_path / "kapot.pdf"
    broken.write_bytes(b"dit is geen pdf")
    good = tmp_path / "goed.md"
    good.write_text("# Goed\n\nDe gemeente Zonnedal maakt een woonzorgvisie samen met de corporaties.\n",
                    encoding="utf-8")
    rows, summary, _ = upload(web, big, program, empty, broken, good)
    assert "1 toegevoegd" in summary and "4 mislukt" in summary  # the summary counts what the table shows
    assert rows["groot.txt"][1] == "mislukt" and "de grens is 1 MB" in rows["groot.txt"][3]
    assert rows["setup.exe"][1] == "mislukt" and "wordt niet ondersteund" in rows["setup.exe"][3]
    assert rows["leeg.md"][1] == "mislukt" and "leeg" in rows["leeg.md"][3]
    assert rows["kapot.pdf"][1] == "mislukt" and rows["kapot.pdf"][3]
    assert rows["goed.md"][1] == "toegevoegd"
    assert stored_uploads(web) == ["goed.md"]  # failures leave nothing behind
    assert all(row[3][:1].isupper() for row in rows.values() if row[3])  # each reason reads as a sentence


def test_an_editor_whose_only_file_is_refused_reads_the_same_summary_as_after_any_upload(web, tmp_path):
    empty = tmp_path / "leeg.docx"
    empty.write_bytes(b"")

    rows, summary, _ = upload(web, empty)

    assert summary.startswith("0 toegevoegd, 0 bijgewerkt, 0 ongewijzigd, 0 verwijderd, 1 mislukt")
    assert rows["leeg.docx"][3].startswith("Het bestand is leeg.")


def test_a_non_http_source_url_is_refused_and_nothing_is_stored(web, tmp_path, caplog):
    note = tmp_path / "n.md"
    note.write_text("# N\n\nEen notitie over wonen en zorg in de regio.\n", encoding="utf-8")
    with caplog.at_level("INFO", logger="thuiswijzer.app"), pytest.warns(UserWarning, match="bron-URL moet beginnen"):
        result = web.add_files([str(note)], "", "", "", "javascript:alert(1)", "anna", progress=no_progress)
    assert result[2:] == app.UNCHANGED_AFTER_WRITE[2:] + app.UNCHANGED_METADATA  # a warning; the form stays as it was
    assert "refused: De bron-URL moet beginnen met http:// of https://." in caplog.text
    assert "n" not in {d.doc_id for d in web.documents()}


def test_removing_an_uploaded_document_removes_its_file(web, tmp_path):
    note = tmp_path / "weg.md"
    note.write_text("# Weg\n\nDeze notitie over opvang gaat straks weer uit de kennisbank.\n", encoding="utf-8")
    upload(web, note)
    assert (web.upload_dir / "weg.md").exists()
    rows, summary, table, *_ = web.remove(["weg", "nota-wonen-zonnedal"], "anna")
    assert not (web.upload_dir / "weg.md").exists()
    assert [r[1] for r in rows] == ["verwijderd", "verwijderd"]
    assert table == []
    assert (tmp_path / "docs" / "nota-wonen-zonnedal.md").exists()  # files outside uploads are left alone


def test_an_editor_is_asked_to_confirm_by_title_before_a_document_goes_and_asking_removes_nothing(web):
    box, question = web.ask_to_remove(["nota-wonen-zonnedal"], "anna")

    assert box["visible"] is True
    assert "Weet u zeker dat u dit document wilt verwijderen?" in question
    assert f"- {web.documents()[0].display_title}" in question.splitlines()
    assert "niet ongedaan" in question
    assert [d.doc_id for d in web.documents()] == ["nota-wonen-zonnedal"]


def test_an_editor_is_asked_before_the_whole_library_is_embedded_again_and_asking_changes_nothing(web):
    # "Alles opnieuw indexeren" started at once and re-embedded 621 passages (helper-65)
    built = (web.index_dir / "CURRENT").read_text()
    passages = sum(d.n_chunks for d in web.documents())

    box, question = web.ask_to_reindex("anna")

    assert box["visible"] is True
    assert "Weet u zeker dat u alles opnieuw wilt indexeren?" in question
    assert f"Het ene document wordt opnieuw ingelezen en {passages} passage" in question
    assert (web.index_dir / "CURRENT").read_text() == built


def test_asking_to_remove_with_nothing_chosen_warns_and_asks_nothing(web):
    with pytest.warns(UserWarning, match="Kies eerst de documenten"):
        box, question = web.ask_to_remove([], "anna")
    assert box["visible"] is False and question == ""


# -- serving sources ------------------------------------------------------------------------------
def test_only_indexed_documents_are_served_and_a_markdown_note_is_a_sandboxed_page_without_its_markup(web):
    # helper-47 opened a Markdown source and read its YAML front matter, "##" and "**"
    response = web.source_response("nota-wonen-zonnedal")
    assert response.status_code == 200
    assert response.media_type.startswith("text/html")
    assert "sandbox" in response.headers["content-security-policy"]
    assert response.headers["x-content-type-options"] == "nosniff"
    page = response.body.decode()
    assert "<h1 id=\"nota-wonen\">Nota wonen</h1>" in page and "##" not in page and "---" not in page
    for doc_id in ("bestaat-niet", "../docs/nota-wonen-zonnedal.md", "/etc/passwd"):
        assert web.source_response(doc_id).status_code == 404


def test_an_officer_opening_a_markdown_source_lands_at_the_cited_section(web):
    # "Open het document" opened a long Markdown note at its top (helper-53, helper-55)
    *_, (_, _, _, session) = web.respond("Hoeveel tijdelijke woningen bouwt Zonnedal?", None, "", "")
    citation = session["turns"][0].citations[0]
    href = render.source_href(citation)

    assert citation.doc_id == "nota-wonen-zonnedal" and href.endswith("#nota-wonen"), (href, citation.section)
    assert 'id="nota-wonen"' in web.source_response("nota-wonen-zonnedal").body.decode()


def test_an_officer_opening_a_word_source_reads_it_as_a_page_at_the_cited_section_not_as_a_download(web, tmp_path):
    # YAML, XML and Word sources were offered as files to download, the Huisvestingswet of 2026 among them (helper-58)
    (tmp_path / "incoming").mkdir()
    note = write_docx(tmp_path / "incoming" / "woonzorgvisie-bergvliet.docx",
                      ["# Woonzorgvisie Bergvliet", "## Uitstroom", "Bergvliet bouwt 45 woningen voor uitstroom uit "
                       "beschermd wonen.", "## Monitoring", "De gemeente rapporteert elk jaar over <de> voortgang."])
    upload(web, note)
    *_, (_, _, _, session) = web.respond("Hoeveel woningen bouwt Bergvliet voor uitstroom?", None, "", "")
    citation = next(c for c in session["turns"][0].citations if c.doc_id == "woonzorgvisie-bergvliet")

    response = web.source_response(citation.doc_id)
    page = response.body.decode()
    assert response.media_type.startswith("text/html") and "sandbox" in response.headers["content-security-policy"]
    assert "attachment" not in response.headers.get("content-disposition", "")
    at = page.index(f'id="{render.source_href(citation).split("#")[1]}"')
    assert page[at:].split("</h3>")[0].endswith("Uitstroom") and "45 woningen" in page
    assert "&lt;de&gt;" in page  # the text is shown, never run


# -- Evaluatie ------------------------------------------------------------------------------------
TINY_SET = """questions:
  - id: zonnedal-woningen
    question: "Hoeveel tijdelijke woningen bouwt Zonnedal voor dakloze jongeren?"
    category: factual
    answerable: true
    gold_docs: [nota-wonen-zonnedal]
    key_facts: ["veertig tijdelijke woningen"]
  - id: zonnedal-begeleiding
    question: "Wie helpt de jongeren in Zonnedal het eerste jaar?"
    category: howto
    answerable: true
    gold_docs: [nota-wonen-zonnedal]
    key_facts: ["woonbegeleider"]
  - id: woningen-op-mars
    question: "Hoeveel woningen bouwt de gemeente op Mars <b>in 2090</b>?"
    category: unanswerable
    answerable: false
    gold_docs: []
"""


@pytest.fixture()
def tiny_set(tmp_path, monkeypatch):
    path = tmp_path / "vragen.yaml"
    path.write_text(TINY_SET, encoding="utf-8")
    monkeypatch.setattr(app, "EVAL_QUESTIONS", path)
    return path


def test_without_a_report_the_tab_says_there_is_none_yet(web):
    assert "nog geen evaluatie" in web.evaluation_view()
    # and where a report from the command line must be to show here (helper-68)
    assert "--report</code> weglaat" in web.evaluation_view()
    controls, note = web.evaluation_access(None)
    assert controls["visible"] is False and "Log in" in note
    controls, _ = web.evaluation_access("anna")
    assert controls["visible"] is True


@pytest.mark.parametrize("who", [None, "", "mallory"])
def test_starting_an_evaluation_needs_an_editor(web, tiny_set, who):
    with pytest.raises(gr.Error, match="Log eerst in"):
        web.start_evaluation([], who, progress=no_progress)
    assert not web.eval_report_dir.exists()


def test_only_one_evaluation_runs_at_a_time(web, tiny_set):
    with web._eval_lock:
        with pytest.raises(gr.Error, match="loopt al een evaluatie"):
            web.start_evaluation([], "anna", progress=no_progress)
    assert not web.eval_report_dir.exists()


def test_an_evaluator_who_ran_the_gold_sets_sees_which_libraries_were_asked_not_none():
    # helper-71: after `thuiswijzer eval --set bundled` the tab said "2 configuraties · … · index met None documenten
    # en 0 passages": the report of a run of sets keeps one index per set, and names each half apart
    library = {"dir": "data/eval/indexes/corpus-docs", "embedder": "e5-torch", "documents": 36, "chunks": 509}
    result = {"created": "2026-12-08T01:46:00", "seconds": 20, "n_questions": 117, "notes": [], "skipped": [],
              "warnings": [], "configurations": [],
              "index": {"sets": {"bundled · afstemdeel · hybrid": library, "bundled · toetsdeel · hybrid": library}}}
    result["configurations"] = [{"name": f"bundled · {half} · hybrid", "set": "bundled", "part": part}
                                for half, part in (("afstemdeel", "tune"), ("toetsdeel", "held-out"))]

    facts = render.evaluation_facts(result)

    assert facts == ["117 vragen", "1 configuratie in afstemdeel en toetsdeel", "duurde 20 s",
                     "index met 36 documenten en 509 passages"]


def test_an_editor_runs_the_gold_set_and_the_tab_shows_the_report(web, tiny_set, tmp_path):
    from evals.report import fmt, ordered_questions

    steps = []
    view = web.start_evaluation(["bm25", "onbekend"], "anna", progress=lambda value, desc="": steps.append((value, desc)))
    assert web.eval_report_dir == tmp_path / "eval-report"  # next to the index
    result = json.loads((web.eval_report_dir / "report.json").read_text(encoding="utf-8"))
    assert [c["name"] for c in result["configurations"]] == ["hybrid", "bm25"] and result["n_questions"] == 3
    assert (web.eval_report_dir / "metrics.png").is_file() and (web.eval_report_dir / "latency.png").is_file()
    values = [value for value, _ in steps]
    assert values == sorted(values) and values[-1] > 0.95
    assert any("vraag 2 van 3" in desc for _, desc in steps) and any("scores berekenen" in d for _, d in steps)

    assert view == web.evaluation_view()
    hybrid = result["configurations"][0]
    assert f'<td class="num">{fmt(hybrid["summary"]["abstention_accuracy"])}</td>' in view
    assert f'{hybrid["summary"]["n_failed"]}/3' in view
    assert view.count("data:image/png;base64,") == 2
    assert "Laatste evaluatie: <strong>" in view
    assert "&lt;b&gt;in 2090&lt;/b&gt;" in view and "<b>in 2090</b>" not in view
    shown = re.findall(r"<b>([a-z-]+)</b> <span class=small>", view.split("Per vraag — hybrid")[1].split("</table>")[0])
    assert shown == [row["id"] for row in ordered_questions(hybrid)]  # failures first

    # whatever the report holds is shown as text
    hybrid["label"] = '<img src=x onerror="alert(1)">'
    result["notes"].append("<script>alert(2)</script>")
    (web.eval_report_dir / "report.json").write_text(json.dumps(result), encoding="utf-8")
    view = web.evaluation_view()
    assert "<img src=x" not in view and "<script>" not in view
    assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;" in view and "&lt;script&gt;alert(2)" in view


def test_an_unreadable_report_is_a_dutch_sentence(web):
    web.eval_report_dir.mkdir()
    (web.eval_report_dir / "report.json").write_text("{afgebroken", encoding="utf-8")
    assert "kon niet worden gelezen" in web.evaluation_view()


def test_serving_on_a_port_another_program_holds_stops_with_a_dutch_reason_before_claiming_to_run(capsys, tmp_path):
    import socket

    with socket.socket() as other:
        other.bind(("127.0.0.1", 0))
        other.listen()
        taken = other.getsockname()[1]
        with pytest.raises(SystemExit) as stopped:
            app.serve(tmp_path / "index", port=taken)

    assert f"poort {taken}" in str(stopped.value.code) and "--port" in str(stopped.value.code)
    assert "draait op" not in capsys.readouterr().out


def test_every_column_of_the_document_list_has_a_width_so_none_hides_behind_scrolling(web):
    blocks = web.blocks()
    table = next(c for c in blocks.config["components"] if c.get("props", {}).get("elem_id") == "tw-documenten")

    assert len(table["props"]["column_widths"]) == len(render.DOCUMENT_COLUMNS) == 7


def test_after_an_editor_removed_a_gold_document_the_evaluation_runs_without_its_questions_and_says_so(
        web, tmp_path, monkeypatch):
    path = tmp_path / "vragen-met-verwijderd.yaml"
    path.write_text(TINY_SET + """  - id: briefadres
    question: "Wanneer moet een gemeente een briefadres geven?"
    category: factual
    answerable: true
    gold_docs: [regelgeving-briefadres]
""", encoding="utf-8")
    monkeypatch.setattr(app, "EVAL_QUESTIONS", path)

    view = web.start_evaluation([], "anna", progress=no_progress)

    result = json.loads((web.eval_report_dir / "report.json").read_text(encoding="utf-8"))
    assert result["n_questions"] == 3
    assert "1 vraag overgeslagen: het gold-document staat niet (meer) in de index (regelgeving-briefadres)" in view


def test_a_new_conversation_stops_an_answer_still_arriving(web):
    # "Nieuw gesprek" during an answer left it streaming; its last step wrote the old conversation
    # back, and the next question was read as a follow-up of the one thrown away (helper-53)
    config = web.blocks().config
    ids = {c["id"]: c.get("props", {}) for c in config["components"]}
    new_chat = next(i for i, props in ids.items() if props.get("elem_id") == "tw-nieuw")
    asked = {d["id"] for d in config["dependencies"] if d["api_name"] == "respond"}
    on_click = [d for d in config["dependencies"] if [new_chat, "click"] in [list(t) for t in d["targets"]]]

    assert asked and any(asked <= set(d.get("cancels") or []) for d in on_click)


def test_a_new_conversation_searches_the_whole_library_again(web):
    # helper-67: after "Alleen in" one report, "Nieuw gesprek" kept the choice and every question of the next
    # conversation was answered "Geen document in de kennisbank past bij de filters"
    config = web.blocks().config
    ids = {c["id"]: c.get("props", {}).get("elem_id") for c in config["components"]}
    new_chat = next(i for i, elem in ids.items() if elem == "tw-nieuw")
    on_click = next(d for d in config["dependencies"] if [new_chat, "click"] in [list(t) for t in d["targets"]])
    filters = {"tw-filter-type", "tw-filter-region", "tw-filter-datum", "tw-filter-document"}

    assert filters <= {ids[i] for i in on_click["outputs"]}
    cleared = dict(zip((ids[i] for i in on_click["outputs"]), web.new_conversation()))
    assert [cleared[f] for f in sorted(filters)] == ["", [], "", ""]  # datum, document, region, type


def test_a_document_added_from_the_command_line_appears_in_the_filters_of_an_open_page(web, tmp_path, monkeypatch):
    # helper-61: "Regio" and "Alleen in" listed a document ingested with `thuiswijzer ingest` only after a
    # reload; the page's timer now reads the filters anew when the library changed, keeping the choice made
    seen = web.library_stamp()
    assert web.refresh_filters(seen, "Zonnedal", "", ["nota-wonen-zonnedal"]) == (gr.skip(),) * 4

    note = tmp_path / "cli" / "nota-kwartelveen.md"
    note.parent.mkdir()
    note.write_text(NOTE.replace("Zonnedal", "Kwartelveen").replace("veertig", "twintig"), encoding="utf-8")
    IndexWriter(web.index_dir, web.embedder()).ingest([note])  # as `thuiswijzer ingest` does, beside the app

    stamp, region, since, documents = web.refresh_filters(seen, "Zonnedal", "", ["nota-wonen-zonnedal"])
    assert stamp != seen and stamp == web.library_stamp()
    assert ("Kwartelveen", "Kwartelveen") in region["choices"] and region["value"] == "Zonnedal"
    assert "nota-kwartelveen" in {doc_id for _, doc_id in documents["choices"]}
    assert documents["value"] == ["nota-wonen-zonnedal"]
    # a chosen document an editor removed meanwhile is no longer chosen, and the officer is told (helper-65)
    IndexWriter(web.index_dir, web.embedder()).remove(["nota-wonen-zonnedal"])
    told = []
    monkeypatch.setattr(app, "warn", told.append)
    _, region, _, documents = web.refresh_filters(stamp, "Zonnedal", "", ["nota-wonen-zonnedal"])
    assert documents["value"] == [] and region["value"] == ""
    assert told == [app.CHOSEN_REMOVED_ALL_TEXT]
