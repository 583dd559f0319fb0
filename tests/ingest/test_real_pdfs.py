"""Real government PDFs, read in place from ../shared/external/docs (never copied into the repo)."""

from __future__ import annotations

import re

import pytest
from pypdf import PdfReader

from ingest.loaders import load_document

KAMERVRAGEN = "ah-tk-20232024-1292_kamervragen-huisvesting-nederlandse-evacues.pdf"
STAATSBLAD = "stb-2024-197.pdf"
PBL_REPORT = "pbl-2023-verhuismotieven-en-ruimtelijke-verhuispatronen-4669.pdf"


@pytest.fixture(scope="module")
def kamervragen(external_docs):
    return load_document(external_docs / KAMERVRAGEN)


@pytest.fixture(scope="module")
def staatsblad(external_docs):
    return load_document(external_docs / STAATSBLAD)


@pytest.fixture(scope="module")
def pbl_report(external_docs):
    return load_document(external_docs / PBL_REPORT)


@pytest.mark.parametrize(
    ("document", "pages"), [("kamervragen", 3), ("staatsblad", 3), ("pbl_report", 37)]
)
def test_every_pdf_page_becomes_a_numbered_page(request, document, pages):
    assert [page.number for page in request.getfixturevalue(document).pages] == list(range(1, pages + 1))


@pytest.mark.parametrize("document", ["kamervragen", "staatsblad", "pbl_report"])
def test_no_word_stays_broken_over_a_line_end(request, document):
    assert not re.search(r"[^\W\d_]-\n[a-z]", request.getfixturevalue(document).text)


def test_parliamentary_answers_lose_their_footer_but_keep_questions_and_answers(kamervragen):
    text = kamervragen.text

    assert "Aanhangsel 2" not in text and "vergaderjaar 2023–2024, Aanhangsel" not in text
    assert "Vraag 3" in kamervragen.pages[1].text.splitlines()
    assert "Antwoord 10" in kamervragen.pages[2].text.splitlines()
    assert "categorieën van woningzoekenden aan te wijzen" in text
    assert "de Wet maatschappelijke ondersteuning 2015 verlenen of ontvangen." in text


def test_parliamentary_answers_keep_their_dash_list(kamervragen):
    lines = kamervragen.pages[1].text.splitlines()

    assert any(line.startswith("- woningzoekenden die verblijven in een voorziening") for line in lines)
    assert any(line.startswith("- woningzoekenden die mantelzorg") for line in lines)


def test_parliamentary_answers_are_named_by_their_subject_not_their_file_or_the_title_none(kamervragen):
    assert kamervragen.metadata.title == (
        "Antwoord op vragen van het lid Keijzer over de publicatie van de internetconsultatie "
        "Huisvesting Nederlandse evacués"
    )


def test_staatsblad_articles_stay_on_their_own_lines_without_the_staatsblad_footer(staatsblad):
    lines = staatsblad.text.splitlines()

    for article in ("ARTIKEL I", "ARTIKEL II", "ARTIKEL III", "ARTIKEL IV"):
        assert article in lines
    assert not any(re.search(r"Staatsblad 2024 197 \d$", line) for line in lines)
    assert "de maximering en verkorting van de verjaringstermijn voor huurverhogingen" in staatsblad.text
    assert "huurprijsverhogingen geliberaliseerde huurovereenkomsten" in staatsblad.text


def test_running_text_starting_with_artikel_is_not_mistaken_for_a_heading(staatsblad):
    assert "Artikel I van de Wet betaalbare huur bevat wijzigingen in de Wet goed verhuurderschap." in staatsblad.pages[2].text


def test_pbl_report_loses_its_page_header_and_keeps_its_sections(pbl_report):
    text = pbl_report.text

    assert not re.search(r"^PBL \| \d+$", text, re.MULTILINE)
    assert "PBL | " not in text
    assert "4.1 Motieven om te verhuizen" in pbl_report.pages[12].text.splitlines()
    assert "Ongeveer driekwart van de verhuizingen vindt binnen een straal van tien kilometer plaats" in pbl_report.pages[4].text


def test_pbl_report_joins_hyphenated_words_and_keeps_real_compounds(pbl_report):
    text = pbl_report.text

    assert "verhuisgedrag van huishoudens" in text
    assert "beleidsdossiers" in text
    assert "Werk-gerelateerde verhuizingen" in text
    assert "werk-gerelateerde verhuizingen" in text


def test_pbl_template_title_is_not_used(pbl_report):
    assert pbl_report.metadata.title != "PBL rapporten sjabloon"


HUURCOMMISSIE = "huurcommissie-beleidsboek-wws-onzelfstandige-woonruimten-2026-01.pdf"


@pytest.mark.slow
def test_a_ruled_table_of_a_real_pdf_comes_out_as_rows_with_its_column_names(external_docs):
    lines = load_document(external_docs / HUURCOMMISSIE).pages[55].text.splitlines()

    assert "Begrip: Bhw · Betekenis: Besluit huurprijzen woonruimte" in lines
    assert "Begrip: WWS · Betekenis: Woningwaarderingsstelsel" in lines


@pytest.mark.parametrize("name", [STAATSBLAD, KAMERVRAGEN, "stb-2024-193.pdf"])
def test_no_number_is_removed_that_is_not_a_page_number(external_docs, name):
    """Every number pypdf (another extractor) reads is kept, except the pages' own numbers."""
    path = external_docs / name
    reader = PdfReader(path)
    read = set(re.findall(r"\d+", " ".join(page.extract_text() or "" for page in reader.pages)))
    kept = set(re.findall(r"\d+", load_document(path).text))

    assert {number for number in read - kept if int(number) > len(reader.pages)} == set()


def test_the_staatsblad_number_stays_on_the_title_page(staatsblad):
    assert "197" in staatsblad.pages[0].text.split()


def test_a_pdf_cut_off_half_way_is_called_damaged_not_scanned(external_docs, tmp_path):
    from ingest.errors import IngestError

    whole = (external_docs / STAATSBLAD).read_bytes()
    cut = tmp_path / "stb-2024-197-afgebroken.pdf"
    cut.write_bytes(whole[: len(whole) // 3])  # an upload or copy that stopped a third of the way

    with pytest.raises(IngestError) as refused:
        load_document(cut)

    assert "beschadigd" in refused.value.reason and "gescand" not in refused.value.reason


@pytest.mark.slow
def test_the_zorgwoning_conditions_of_a_real_beleidsboek_survive_its_page_break_and_footnote(external_docs):
    """Condition 3 runs from page 49 to page 50 of the Huurcommissie's beleidsboek, with footnote
    13 at the foot of page 49 in between; condition 4 opens page 50."""
    pages = load_document(external_docs / "huurcommissie-beleidsboek-wws-zelfstandige-woonruimten-2026-01.pdf").pages
    condition = next(line for line in pages[48].text.splitlines() if line.startswith("3. de huurovereenkomst"))

    assert condition.endswith("een individuele persoonsalarmering verbinding kan maken met de noodalarmcentrale "
                              "in zowel de woning als het complex waarvan de woning deel uitmaakt;")
    after_list = pages[49].text.split("\n\n")
    assert after_list[0].startswith("4. de huurovereenkomst")
    assert after_list[1].startswith("Noot 13: Dit betekent dat punten")


def test_a_staatsblad_keeps_its_small_type_points_tables_and_takes_out_its_footnotes(external_docs):
    pages = load_document(external_docs / "stb-2024-195.pdf").pages

    assert "Noot" not in pages[2].text and "0,5 punt" in pages[2].text
    assert "Noot 1: Art. 7:247 BW bevat alleen de mogelijkheid voor zelfstandige woningen om te liberaliseren." \
        in pages[12].text.split("\n\n")


@pytest.fixture(scope="module")
def toelichting(external_docs):
    """The Besluit betaalbare huur (Stb. 2024, 194): 111 pages, 103 notes, about 100 note references."""
    return load_document(external_docs / "stb-2024-194.pdf")


@pytest.mark.slow
def test_the_notes_of_a_long_toelichting_are_counted_on_past_a_web_address_and_a_missed_note(toelichting):
    # note 6 is a web address, and its rejection once stopped the count, so notes 60 and 61 cut a
    # sentence on page 78
    pages = toelichting.pages

    assert "\n\nNoot 6: https://datawonen.nl/programma-woningbouw.aspx" in pages[34].text
    assert "De nieuwbouwopslag is belangrijk om de nieuwbouwproductie op peil te houden" in pages[77].text
    assert "\n\nNoot 60: Gewijzigd amendement van het lid Flach" in pages[77].text


def test_the_pbl_reports_notes_set_a_little_smaller_than_its_text_are_notes(pbl_report):
    # 10 pt against a body of 10.5: the note on page 24 cut the sentence on the verhuisafstand
    assert pbl_report.pages[5].text.endswith("\n\nNoot 1: Motief en reden worden in deze studie synoniem gebruikt.")
    assert "\n\nNoot 2: Om dit te kunnen doen moet de coëfficiënt omgerekend worden." in pbl_report.pages[23].text


def test_the_pbl_reports_note_references_leave_its_sentences(pbl_report):
    # the raised "2" after "afleiden" read as a number in the sentence
    assert "We kunnen uit deze modelschattingen afleiden dat de verhuisafstanden" in pbl_report.pages[23].text


@pytest.mark.slow
def test_the_note_references_of_a_toelichting_leave_its_sentences(toelichting):
    pages = toelichting.pages

    assert "In het programma Betaalbaar Wonen is aangekondigd dat" in pages[33].text
    assert "corresponderend met een maximum van 147 punten, en een »gereguleerd" in pages[40].text
    assert "\n\nNoot 19:" in pages[40].text
