"""Files like those people reported against other document-QA tools (../shared/cases/ingest-faults,
CASES.md), read in place: each must come through as CASES.md says a user must get it."""

from __future__ import annotations

import io
import re

import pytest
from pypdf import PdfReader, PdfWriter

from filemakers import pdf_bytes
from ingest.chunking import Chunker
from ingest.errors import IngestError
from ingest.loaders import load_document


def chunks_of(path):
    return Chunker(lambda text: len(text.split())).chunk(load_document(path))


def test_a_two_column_page_written_across_both_columns_reads_column_by_column(fault_cases):
    text = load_document(fault_cases / "tweekoloms-rijvolgorde.pdf").text

    assert (
        "De regio verdeelt de urgentieaanvragen voor beschermd wonen via een gezamenlijke commissie. "
        "Die commissie beslist binnen zes weken over een aanvraag."
    ) in text
    assert "De regio Voorbeeldland telt zeven gemeenten. Samen maken zij afspraken over wonen met zorg." in text
    assert "gemeenten. via" not in text and "wonen met beslist" not in text


def test_filled_in_form_fields_are_indexed_with_their_labels(fault_cases):
    lines = load_document(fault_cases / "formulier-ingevuld.pdf").text.splitlines()

    assert "Aantal gevraagde plekken: 14 plekken beschermd wonen" in lines  # each field a line of its own
    assert "Naam gemeente: Gemeente Voorbeeldstad" in lines
    assert "Contactpersoon: Afdeling Wonen en Zorg" in lines
    assert "Toelichting: Wachtlijst van negen maanden bij de Wmo-aanbieder" in lines


@pytest.mark.parametrize("name", ["kopieerbeveiliging-aes128.pdf", "kopieerbeveiliging-aes256.pdf"])
def test_a_copy_protected_aes_pdf_is_indexed_like_any_other(fault_cases, name):
    assert "jaarlijks dertig woningen beschikbaar komen voor uitstroom" in load_document(fault_cases / name).text


def test_a_title_line_in_body_type_heads_the_first_sentence_instead_of_running_into_it(fault_cases):
    # "Convenant doorstroom … regio Voorbeeldland Partijen spreken af dat …" was quoted as one sentence (helper-65)
    first = chunks_of(fault_cases / "kopieerbeveiliging-aes128.pdf")[0]

    assert first.section == "Convenant doorstroom maatschappelijke opvang regio Voorbeeldland"
    assert first.text.startswith("Partijen spreken af dat jaarlijks dertig woningen")


def test_a_first_sentence_wrapped_over_two_lines_stays_one_sentence(tmp_path):
    path = tmp_path / "afspraken.pdf"
    path.write_bytes(pdf_bytes([["Gemeente Zonnedal en woningcorporatie Woonwel sluiten een convenant met",
                                 "Housing First Nederland over twintig woningen per jaar."]], footer=False))

    assert "convenant met Housing First Nederland over" in load_document(path).text


def test_an_aes_pdf_that_needs_a_password_says_so_and_not_that_it_is_damaged(fault_cases, tmp_path):
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf_bytes([["Vertrouwelijke afspraken over urgentie."]]))))
    writer.encrypt(user_password="geheim", owner_password="beheerder", algorithm="AES-256")
    locked = tmp_path / "vertrouwelijk.pdf"
    with locked.open("wb") as out:
        writer.write(out)

    with pytest.raises(IngestError) as error:
        load_document(locked)
    assert "beveiligd met een wachtwoord" in error.value.reason and "beschadigd" not in error.value.reason


def test_the_two_sentences_in_a_text_box_are_indexed(fault_cases):
    text = load_document(fault_cases / "tekstvak.docx").text

    assert "Na twaalf maanden woont 87 procent van de deelnemers nog steeds zelfstandig." in text
    assert "De gemiddelde begeleiding kost 14.500 euro per deelnemer per jaar." in text
    assert text.count("87 procent") == 1  # the drawing's old-style copy is not read twice


def test_tracked_changes_read_as_accepted(fault_cases):
    text = load_document(fault_cases / "wijzigingen-bijhouden.docx").text

    assert "De maximale subsidie voor een woningaanpassing bedraagt 4.500 euro per woning." in text
    assert "3.000" not in text
    assert "Een aanvraag voor een traplift wordt binnen vier weken beoordeeld." in text


def test_a_footnote_is_indexed_next_to_the_paragraph_that_refers_to_it(fault_cases):
    chunks = chunks_of(fault_cases / "voetnoot.docx")

    with_note = next(c for c in chunks if "urgentieverordening 2024 noemt in artikel 7" in c.text)
    assert "Spoedzoekers kunnen in Voorbeeldstad geen urgentie krijgen." in with_note.text
    text = load_document(fault_cases / "voetnoot.docx").text
    assert text.index("geen urgentie krijgen") < text.index("urgentieverordening") < text.index("Wel kunnen zij")


def test_a_table_inside_a_table_gives_every_row_once_with_its_cells_apart(fault_cases):
    text = load_document(fault_cases / "geneste-tabel.html").text

    assert "# Woningtoewijzing 2024" in text.splitlines()
    assert "Het overzicht hieronder toont de toewijzingen per aandachtsgroep." in text
    assert "De toewijzingen zijn gedaan door drie corporaties." in text
    assert text.count("Vergunninghouders") == 1 and text.count("Uitstroom beschermd wonen") == 1
    assert "Aandachtsgroep: Vergunninghouders · Toegewezen woningen: 132" in text.splitlines()
    assert not re.search(r"[a-z]\d", text)  # no "Vergunninghouders132"


def test_an_impossible_front_matter_date_fails_that_file_alone_naming_the_field(fault_cases):
    with pytest.raises(IngestError) as error:
        load_document(fault_cases / "onmogelijke-datum.md")

    assert "'date'" in error.value.reason and "2025-02-30" in error.value.reason
    assert "JJJJ-MM-DD" in error.value.reason  # says how to write it


def test_a_table_in_the_last_lines_of_a_page_keeps_every_cell(fault_cases):
    document = load_document(fault_cases / "tabel-onderaan-pagina.pdf")
    lines = document.text.splitlines()

    assert "Huishoudtype: Eenpersoons · Maximale huur (euro): 477 · Aantal woningen: 312" in lines
    assert "Huishoudtype: Gezin · Maximale huur (euro): 879 · Aantal woningen: 198" in lines
    assert "Tabel 2 Huurgrenzen per huishoudtype" in lines


def test_a_word_table_becomes_rows_with_their_column_names_in_the_passages(fault_cases):
    chunks = chunks_of(fault_cases / "huurgrenzen-tabel.docx")

    row = "Huishoudtype: Gezin · Maximale huur (euro): 879 · Aantal woningen: 198"
    assert any(row in chunk.text.splitlines() for chunk in chunks)
    assert all(chunk.section is None or "Gezin" not in chunk.section for chunk in chunks)


def test_sentences_with_abbreviations_reach_the_index_whole(fault_cases):
    chunks = chunks_of(fault_cases / "afkortingen.md")

    sentence = ("Per jaar krijgen ca. 150 huishoudens een urgentieverklaring; de aanvraag kost € 60,- "
                "en wordt binnen acht weken beoordeeld.")
    assert any(sentence in chunk.text for chunk in chunks)
    assert any("Op grond van art. 12 lid 1 Huisvestingswet 2014 verleent" in chunk.text for chunk in chunks)


def test_body_sentences_that_begin_with_artikel_or_hoofdstuk_stay_body_text(fault_cases):
    chunks = chunks_of(fault_cases / "zin-die-met-artikel-begint.txt")
    text = "\n".join(chunk.text for chunk in chunks)

    assert "Artikel 12 van de Huisvestingswet 2014 geeft gemeenten de ruimte om urgentie te regelen." in text
    assert "Hoofdstuk 3 van de woonvisie gaat over betaalbaarheid." in text
    assert not any(chunk.section and ("Artikel 12" in chunk.section or "Hoofdstuk 3" in chunk.section) for chunk in chunks)
