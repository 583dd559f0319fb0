"""An officer reading one document asks about the document itself: when it is dated, how many
chapters it has, how long its summary is (assistant/document_facts.py; the whole assistant on
the real PBL report in test_real_documents)."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest

from assistant.document_facts import asks_document_fact, document_fact
from index.models import DocumentRecord
from ingest.chunking import Chunker
from ingest.loaders import load_document

DOCS = Path(__file__).resolve().parents[3] / "shared" / "external" / "docs"


@pytest.mark.parametrize("question, kind", [
    ("Wanneer is de publicatie verschenen?", "datum"),  # the PBL authors' own questions
    ("Uit hoeveel hoofdstukken bestaat de publicatie?", "hoofdstukken"),
    ("Hoe lang is deze samenvatting?", "lengte"),
    ("Van wanneer is dit rapport?", "datum"),
    ("Wat is de datum van deze nota?", "datum"),
    ("Wanneer is dit document gepubliceerd?", "datum"),
    ("Welke hoofdstukken heeft het rapport?", "hoofdstukken"),
    ("Hoeveel pagina's telt het rapport?", "lengte"),
    ("Hoeveel pagina’s telt de samenvatting?", "lengte"),  # a typographic apostrophe
    ("Hoeveel bronnen worden in de publicatie aangehaald?", "bronnen"),
    ("Hoeveel referenties noemt het rapport?", "bronnen"),
    ("Hoeveel bronnen staan in de literatuurlijst?", "bronnen"),
    ("Wanneer is deze wet vastgesteld?", "datum"),  # helper-32 got a lid about a bouwverordening
    ("Wie zijn de auteurs?", "auteurs"),  # helper-32 was refused within the PBL report
    ("Wie heeft dit rapport geschreven?", "auteurs"),
])
def test_a_question_about_the_document_itself_is_recognised(question, kind):
    assert asks_document_fact(question) == kind


@pytest.mark.parametrize("question", [
    "Wanneer treedt de wet in werking?",  # a date in the text, not the text's own
    "Wanneer is een woonruimte zelfstandig?",
    "Hoe lang is de wachttijd voor een sociale huurwoning?",
    "Wat staat er in de samenvatting?",  # an overview (assistant/overview.py)
    # a reviewer's: something in the document, not the document
    "Wanneer is de internetconsultatie gepubliceerd?",
    "Wanneer zijn de WoON-gegevens gepubliceerd?",
    "Wanneer zijn de antwoorden op de Kamervragen verschenen?",
    "Welke hoofdstukken gaan over verhuisafstanden?",
    "Hoeveel pagina's heeft de bijlage over de alternatieve modellering?",
    "Wanneer is dit besluit verschenen en wanneer treedt de wet in werking?",  # two questions
    "Welke databronnen zijn gebruikt voor het onderzoek?",
    "Hoeveel bronnen van inkomsten heeft een corporatie?",
])
def test_a_question_about_something_in_the_document_is_no_question_about_the_document(question):
    assert asks_document_fact(question) is None


def chunked(name: str):
    """A real document of ../shared, chunked as the index chunks it (by words: no embedder needed)."""
    path = DOCS / name
    if not path.is_file():
        pytest.skip("../shared/external/docs ontbreekt")
    document = load_document(path)
    chunks = Chunker(lambda text: len(text.split())).chunk(document)
    return chunks, DocumentRecord(document.doc_id, str(path), document.metadata, "h", len(chunks),
                                  len(document.pages), "2026-12-05")


@pytest.fixture(scope="module")
def pbl():
    return chunked("pbl-2023-verhuismotieven-en-ruimtelijke-verhuispatronen-4669.pdf")


def test_an_officer_asking_when_the_report_appeared_gets_the_date_as_its_title_page_has_it(pbl):
    chunks, record = pbl

    fact = document_fact("Wanneer is de publicatie verschenen?", chunks, record)

    assert fact.text.startswith("_De datum van „Verhuismotieven en ruimtelijke verhuisbewegingen” is 4 september "
                                "2023; zo staat die in de tekst:_\n\n")
    assert "4 september 2023 [1]" in fact.text and not fact.missing
    assert fact.citations[0].page == 1 and "4 september 2023" in fact.hits[0].chunk.text


def test_a_staatsblad_asked_when_it_appeared_quotes_its_uitgegeven_line():
    chunks, record = chunked("stb-2024-193.pdf")

    fact = document_fact("Wanneer is deze wet gepubliceerd?", chunks, record)

    assert "\n\nUitgegeven de achtentwintigste juni 2024 [1]" in fact.text


def test_a_date_the_text_does_not_state_is_not_given_and_the_answer_says_so(pbl):
    chunks, record = pbl
    elsewhere = dataclasses.replace(record, metadata=dataclasses.replace(record.metadata, date="2023-08-31"))

    fact = document_fact("Wanneer is de publicatie verschenen?", chunks, elsewhere)

    assert fact.missing and not fact.citations
    assert fact.text == ("„Verhuismotieven en ruimtelijke verhuisbewegingen” noemt geen datum die ik als de datum "
                         "van het document kan aanwijzen.")


def test_an_officer_asking_how_many_chapters_gets_the_numbered_chapters_each_cited(pbl):
    chunks, record = pbl

    fact = document_fact("Uit hoeveel hoofdstukken bestaat de publicatie?", chunks, record)

    assert fact.text.startswith("_„Verhuismotieven en ruimtelijke verhuisbewegingen” heeft 4 genummerde hoofdstukken:_"
                                "\n\n- 1 Aanleiding [1]\n- 2 Het verhuisproces en motieven: kort literatuuroverzicht "
                                "[2]\n- 3 Data en methoden [3]\n- 4 Resultaten van de empirische analyse [4]")
    assert fact.citations[0].section.split(" › ")[0] == "1 Aanleiding"


def test_the_chapters_of_a_law_are_counted_by_their_roman_numbers_with_a_chapter_inserted_later():
    chunks, record = chunked("BWBR0005181_woningwet_lawsmd-2015.md")

    fact = document_fact("Uit hoeveel hoofdstukken bestaat deze wet?", chunks, record)

    # helper-32: "Hoofdstuk II" (a heading without a title) and "Hoofdstuk IIIa Wooncoöperaties" were not counted
    assert fact.text.startswith("_„Woningwet” heeft 10 genummerde hoofdstukken:_\n\n- Hoofdstuk I Algemene "
                                "bepalingen [1]\n- Hoofdstuk II [2]\n- Hoofdstuk III Bijzondere bepalingen [3]\n"
                                "- Hoofdstuk IIIa Wooncoöperaties [4]\n- Hoofdstuk IV Toegelaten instellingen [5]")


def test_a_chapter_of_a_law_without_text_in_an_edition_is_said_to_be_a_gap():
    chunks, record = chunked("BWBR0005181_woningwet_lawsmd-2015.md")
    without_two = [c for c in chunks if not re.search(r"› Hoofdstuk II\s*(?:›|$)", c.section or "")]

    fact = document_fact("Uit hoeveel hoofdstukken bestaat deze wet?", without_two, record)

    assert fact.text.startswith("_„Woningwet” heeft tekst onder 9 genummerde hoofdstukken; de nummering loopt niet "
                                "door:_\n\n- Hoofdstuk I Algemene bepalingen [1]\n- Hoofdstuk III Bijzondere")


def test_numbered_principles_that_skip_a_number_are_not_counted_as_chapters():
    # Utrecht's nota numbers its leading principles "1. Ongelijk investeren …" and "3. Ruimte om te
    # onderzoeken …" as headings; its parts are lettered ("A1. Introductie")
    chunks, record = chunked("utrecht-beleidsnota-wonen-2025-2030_vng-gemma-conversion.md")

    fact = document_fact("Uit hoeveel hoofdstukken bestaat de nota?", chunks, record)

    assert fact.missing and fact.text.endswith("heeft geen genummerde hoofdstukken die ik kan tellen.")


def test_an_officer_asking_when_a_law_was_adopted_gets_its_title_line_with_the_date():
    chunks, record = chunked("BWBR0005181_woningwet_lawsmd-2015.md")

    fact = document_fact("Wanneer is deze wet vastgesteld?", chunks, record)

    # the title says what the date is of; the text has "29 augustus 1991" alone under its signature
    assert fact.text.startswith("_De datum van „Woningwet” is 29 augustus 1991; zo staat die in de tekst:_\n\n"
                                "Wet van 29 augustus 1991 tot herziening van de Woningwet [1]")


def test_an_officer_asking_how_long_the_summary_is_gets_its_pages(pbl):
    chunks, record = pbl

    fact = document_fact("Hoe lang is deze samenvatting?", chunks, record)

    # counted, not quoted: a note
    assert fact.text.startswith("_„Samenvatting en beleidsimplicaties” in „Verhuismotieven en ruimtelijke "
                                "verhuisbewegingen” beslaat 2 pagina’s (p. 4–5) [1]._")
    assert fact.citations[0].page == 4


def test_a_document_without_numbered_chapters_says_it_has_none(pbl):
    chunks, record = pbl
    unnumbered = [dataclasses.replace(c, section=(c.section or "").lstrip("0123456789 ")) for c in chunks]

    fact = document_fact("Uit hoeveel hoofdstukken bestaat de publicatie?", unnumbered, record)

    assert fact.missing and fact.text.endswith("heeft geen genummerde hoofdstukken die ik kan tellen.")


def test_an_officer_asking_how_many_sources_the_report_cites_gets_its_reference_list_counted(pbl):
    chunks, record = pbl

    fact = document_fact("Hoeveel bronnen worden in de publicatie aangehaald?", chunks, record)

    # the PBL authors' own answer is 29; counted, not quoted: a note, citing the whole list once
    assert fact.text.startswith("_De lijst „Bronnen” van „Verhuismotieven en ruimtelijke verhuisbewegingen” telt 29 "
                                "vermeldingen")
    (cited,) = fact.citations
    assert cited.section == "Bronnen" and (cited.page, cited.page_end) == (28, 29)
    assert cited.text.count("Mulder, C.H. (1993)") == 1  # the list's passages overlap; the entry is once
    assert "Til, R. van (2008)" in cited.text


def test_a_document_without_a_reference_list_says_it_has_none():
    chunks, record = chunked("stb-2024-193.pdf")

    fact = document_fact("Hoeveel bronnen worden in de publicatie aangehaald?", chunks, record)

    assert fact.missing and fact.text.endswith("heeft geen literatuurlijst (Bronnen, Literatuur, Referenties) die ik "
                                               "kan tellen.")


def test_an_officer_reading_the_report_asks_who_wrote_it_and_gets_the_colophons_authors(pbl):
    chunks, record = pbl

    fact = document_fact("Wie zijn de auteurs?", chunks, record)

    assert "Auteurs: [1]\n- Christian Lennartz [1]\n- Stefan Troost [1]\n- Frans Schilder [1]" in fact.text
    assert fact.citations[0].page == 1


def test_a_law_without_a_colophon_names_no_authors_and_the_answer_says_so():
    chunks, record = chunked("stb-2024-193.pdf")

    fact = document_fact("Wie zijn de auteurs?", chunks, record)

    assert fact.missing and fact.text == "„Wet betaalbare huur” noemt geen auteurs die ik kan aanwijzen."


def test_kamervragen_are_dated_by_when_their_answer_was_received_and_say_when_the_questions_went_in():
    chunks, record = chunked("ah-tk-20232024-1292_kamervragen-huisvesting-nederlandse-evacues.pdf")

    fact = document_fact("Wanneer is dit document verschenen?", chunks, record)

    # helper-67: the document was dated 11 maart, when the questions went in; it appeared with the answer
    assert "is 21 maart 2024; zo staat die in de tekst:_\n\nAntwoord van Minister De Jonge (Binnenlandse Zaken en " \
           "Koninkrijksrelaties) (ontvangen 21 maart 2024). [1]" in fact.text
    # helper-32: the other date is not left out; the long line is cut to the words around it, and the cut is marked
    assert "_De vragen zijn eerder ingezonden:_\n\n… " in fact.text
    assert "(ingezonden 11 maart 2024). [1]" in fact.text
    assert not any(mark.startswith("…") for mark in fact.citations[0].highlights)
