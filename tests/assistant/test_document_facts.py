"""An officer reading one document asks about the document itself: when it is dated, how many
chapters it has, how long its summary is (assistant/document_facts.py; the whole assistant on
the real PBL report in test_real_documents)."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from assistant.document_facts import asks_document_fact, document_fact
from index.models import DocumentRecord
from ingest.chunking import Chunker
from ingest.loaders import load_document

PBL_PDF = (Path(__file__).resolve().parents[3] / "shared" / "external" / "docs"
           / "pbl-2023-verhuismotieven-en-ruimtelijke-verhuispatronen-4669.pdf")


@pytest.mark.parametrize("question, kind", [
    ("Wanneer is de publicatie verschenen?", "datum"),  # the PBL authors' own questions
    ("Uit hoeveel hoofdstukken bestaat de publicatie?", "hoofdstukken"),
    ("Hoe lang is deze samenvatting?", "lengte"),
    ("Van wanneer is dit rapport?", "datum"),
    ("Wat is de datum van deze nota?", "datum"),
    ("Wanneer is dit document gepubliceerd?", "datum"),
    ("Welke hoofdstukken heeft het rapport?", "hoofdstukken"),
    ("Hoeveel pagina's telt het rapport?", "lengte"),
])
def test_a_question_about_the_document_itself_is_recognised(question, kind):
    assert asks_document_fact(question) == kind


@pytest.mark.parametrize("question", [
    "Wanneer treedt de wet in werking?",  # a date in the text, not the text's own
    "Wanneer is een woonruimte zelfstandig?",
    "Hoe lang is de wachttijd voor een sociale huurwoning?",
    "Wat staat er in de samenvatting?",  # an overview (assistant/overview.py)
    "Welke verhuismotieven worden het vaakst genoemd?",
])
def test_a_question_about_what_the_document_says_is_no_question_about_the_document(question):
    assert asks_document_fact(question) is None


@pytest.fixture(scope="module")
def pbl():
    """The real PBL report, chunked as the index chunks it (by words here, no embedder needed)."""
    if not PBL_PDF.is_file():
        pytest.skip("../shared/external/docs ontbreekt")
    document = load_document(PBL_PDF)
    chunks = Chunker(lambda text: len(text.split())).chunk(document)
    record = DocumentRecord(document.doc_id, str(PBL_PDF), document.metadata, "h", len(chunks), len(document.pages),
                            "2026-12-05")
    return chunks, record


def test_an_officer_asking_when_the_report_appeared_gets_the_date_on_its_title_page(pbl):
    chunks, record = pbl

    text, citations, hits = document_fact("Wanneer is de publicatie verschenen?", chunks, record)

    assert text.startswith("_De datum van „Verhuismotieven en ruimtelijke verhuisbewegingen”, zoals de tekst zelf die "
                           "noemt:_\n\n4 september 2023 [1]")
    assert citations[0].page == 1 and citations[0].highlights == ["4 september 2023"]
    assert "4 september 2023" in hits[0].chunk.text


def test_a_date_the_text_does_not_state_is_not_given(pbl):
    chunks, record = pbl
    elsewhere = dataclasses.replace(record, metadata=dataclasses.replace(record.metadata, date="2023-08-31"))

    assert document_fact("Wanneer is de publicatie verschenen?", chunks, elsewhere) is None


def test_an_officer_asking_how_many_chapters_gets_the_numbered_chapters_each_cited(pbl):
    chunks, record = pbl

    text, citations, _ = document_fact("Uit hoeveel hoofdstukken bestaat de publicatie?", chunks, record)

    assert text.startswith("_„Verhuismotieven en ruimtelijke verhuisbewegingen” heeft 4 genummerde hoofdstukken:_\n\n"
                           "- 1 Aanleiding [1]\n- 2 Het verhuisproces en motieven: kort literatuuroverzicht [2]\n"
                           "- 3 Data en methoden [3]\n- 4 Resultaten van de empirische analyse [4]")
    assert [c.section.split(" › ")[0] for c in citations][0] == "1 Aanleiding"


def test_an_officer_asking_how_long_the_summary_is_gets_its_pages(pbl):
    chunks, record = pbl

    text, citations, _ = document_fact("Hoe lang is deze samenvatting?", chunks, record)

    # counted, not quoted: a note
    assert text.startswith("_„Samenvatting en beleidsimplicaties” in „Verhuismotieven en ruimtelijke verhuisbewegingen” "
                           "beslaat 2 pagina’s (p. 4–5) [1]._")
    assert citations[0].page == 4


def test_a_document_without_numbered_chapters_gets_no_count(pbl):
    chunks, record = pbl
    unnumbered = [dataclasses.replace(c, section=(c.section or "").lstrip("0123456789 ")) for c in chunks]

    assert document_fact("Uit hoeveel hoofdstukken bestaat de publicatie?", unnumbered, record) is None
