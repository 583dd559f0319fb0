"""An editor adds PDFs: clean page text, and a clear Dutch message for PDFs we cannot read."""

from __future__ import annotations

import re

import pytest

from filemakers import pdf_bytes, write
from ingest.errors import IngestError
from ingest.loaders import load_document


def test_an_editor_adds_a_policy_pdf_and_gets_one_page_of_text_per_pdf_page(policy_pdf):
    document = load_document(policy_pdf)

    assert [page.number for page in document.pages] == [1, 2, 3]
    assert "passende woning" in document.pages[0].text
    assert "Artikel 3 Urgentie" in document.pages[1].text
    assert "vrijkomende woningen" in document.pages[2].text


def test_running_headers_and_page_numbers_do_not_end_up_in_the_text(policy_pdf):
    document = load_document(policy_pdf)

    assert "Gemeente Voorbeeld" not in document.text
    assert "Beleidsnota wonen 2025" not in document.text
    assert "Pagina" not in document.text


def test_words_hyphenated_at_a_line_end_are_joined_again(policy_pdf):
    text = load_document(policy_pdf).text

    assert "woningmarkt" in text
    assert "beslissing" in text
    assert "Noord-Brabant" in text
    assert "zorg- en ondersteuningsafspraken" in text
    assert not re.search(r"\w-\n\w", text)


def test_wrapped_lines_become_one_line_per_paragraph_so_sentences_can_be_split(policy_pdf):
    first_page = load_document(policy_pdf).pages[0].text

    paragraph = next(p for p in first_page.split("\n\n") if p.startswith("De gemeente wil"))
    assert "\n" not in paragraph
    assert paragraph.endswith("in de gemeente.")


def test_legal_headings_stay_on_their_own_line_for_the_chunker(policy_pdf):
    lines = load_document(policy_pdf).text.splitlines()

    assert "Hoofdstuk 1 Inleiding" in lines
    assert "Artikel 3 Urgentie" in lines
    assert "Artikel 4" in lines


def test_list_items_stay_one_per_line(policy_pdf):
    lines = load_document(policy_pdf).pages[2].text.splitlines()

    assert "- elke gemeente huisvest haar deel van de aandachtsgroepen;" in lines
    assert "- corporaties reserveren jaarlijks een deel van de vrijkomende woningen." in lines


def test_a_template_title_in_the_pdf_properties_is_ignored_for_the_file_name(policy_pdf):
    assert load_document(policy_pdf).metadata.title == "Beleidsnota wonen 2025"


def test_a_real_title_in_the_pdf_properties_is_used(titled_pdf):
    assert load_document(titled_pdf).metadata.title == "Woonzorgvisie Parkstad Limburg"


def test_an_editor_adds_a_scanned_pdf_and_is_told_it_needs_ocr(scanned_pdf):
    with pytest.raises(IngestError) as error:
        load_document(scanned_pdf)

    assert "gescand" in error.value.reason
    assert "OCR" in error.value.reason


def test_an_editor_adds_a_password_protected_pdf_and_is_told_to_remove_the_password(password_pdf):
    with pytest.raises(IngestError) as error:
        load_document(password_pdf)

    assert "wachtwoord" in error.value.reason
    assert error.value.path == str(password_pdf)


def test_a_pdf_protected_only_against_editing_loads_normally(edit_protected_pdf):
    document = load_document(edit_protected_pdf)

    assert "woningmarkt" in document.text


def test_an_editor_adds_a_half_downloaded_pdf_and_is_told_it_is_damaged(truncated_pdf):
    with pytest.raises(IngestError) as error:
        load_document(truncated_pdf)

    assert "beschadigd" in error.value.reason


def test_a_file_that_only_claims_to_be_a_pdf_is_reported_as_damaged(tmp_path):
    fake = write(tmp_path / "nota.pdf", "Dit is eigenlijk een tekstbestand.")

    with pytest.raises(IngestError) as error:
        load_document(fake)

    assert "beschadigd" in error.value.reason


# a condition that runs on to the next page, with a footnote at the foot of the first page, and
# small-type cells under a table that only look like numbered notes
NOTED_PAGES = [
    [
        "Er is sprake van een zorgwoning als aan de volgende voorwaarden is voldaan.",
        "1. de woning ligt in een woongebouw;",
        "2. de huurovereenkomst voorziet in technische voorzieningen die het mogelijk maken dat een individuele",
    ],
    [
        "persoonsalarmering verbinding kan maken met de noodalarmcentrale;",
        "3. de huurovereenkomst ziet op het gebruik van gemeenschappelijke ruimten.",
        "Daarna volgt de puntentabel.",
    ],
]
NOTES = [["1 Dit betekent dat punten voor de WOZ-waarde niet worden meegenomen."], ["1 punt", "2 punten"]]


def test_a_footnote_does_not_cut_the_condition_that_runs_on_to_the_next_page(tmp_path):
    path = tmp_path / "beleidsboek.pdf"
    path.write_bytes(pdf_bytes(NOTED_PAGES, notes=NOTES))
    document = load_document(path)

    assert ("2. de huurovereenkomst voorziet in technische voorzieningen die het mogelijk maken dat een individuele "
            "persoonsalarmering verbinding kan maken met de noodalarmcentrale;") in document.pages[0].text.splitlines()
    # the note stands after the list it interrupted, as a note the answer layer does not show as content
    lines = document.text.splitlines()
    note = lines.index("Noot 1: Dit betekent dat punten voor de WOZ-waarde niet worden meegenomen.")
    assert note > lines.index("3. de huurovereenkomst ziet op het gebruik van gemeenschappelijke ruimten.")


def test_small_numbered_cells_that_do_not_read_as_notes_stay_in_the_text(tmp_path):
    path = tmp_path / "beleidsboek.pdf"
    path.write_bytes(pdf_bytes(NOTED_PAGES, notes=NOTES))
    text = load_document(path).pages[1].text

    assert "1 punt" in text and "Noot 2" not in text


def test_note_references_leave_the_sentence_and_a_square_metre_keeps_its_power(tmp_path):
    path = tmp_path / "toelichting.pdf"
    page = ["In het programma Betaalbaar Wonen^2 is aangekondigd dat de grens stijgt.",
            "Dat geldt voor alle woningen vanaf 40 m^2 en is eerder aangegeven^3.",
            "Een radiator levert 100 W/m^2 en de verklaarde variantie staat in de pseudo R^2 van het model.",
            "Er volgen 3 varianten."]
    notes = [["2 Kamerstukken II 2021/22, 32847, nr. 878.", "3 Zie de memorie van toelichting bij de wet."]]
    path.write_bytes(pdf_bytes([page], notes=notes))
    text = load_document(path).text

    assert "In het programma Betaalbaar Wonen is aangekondigd dat de grens stijgt." in text
    assert re.search(r"vanaf 40 m ?2 en is eerder aangegeven\.", text)  # the power stays
    assert re.search(r"100 W/m ?2 en de verklaarde variantie staat in de pseudo R ?2 van het model\.", text)
    assert "Er volgen 3 varianten." in text.splitlines()
    assert "Noot 2: Kamerstukken II 2021/22, 32847, nr. 878." in text.splitlines()
