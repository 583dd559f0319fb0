"""Headings in PDFs, found by their type, so citations from PDFs carry a section."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from ingest.chunking import Chunker
from ingest.loaders import load_document

CORPUS_DOCS = Path(__file__).resolve().parents[2] / "corpus" / "docs"
PBL_REPORT = "pbl-2023-verhuismotieven-en-ruimtelijke-verhuispatronen-4669.pdf"

# (font, size, text) per line; the running header is bold and larger than the body on purpose.
HEADER = ("Helvetica-Bold", 12, "Woonzorgvisie 2025")
TYPESET_PAGES = [
    [
        ("Helvetica-Bold", 20, "Woonzorgvisie Parkstad"),
        ("Helvetica", 10, "De gemeenten in Parkstad willen dat iedereen een passende woning vindt, ook wie"),
        ("Helvetica", 10, "uitstroomt uit beschermd wonen of de maatschappelijke opvang. Daarom maken we"),
        ("Helvetica", 10, "samen afspraken over de verdeling van de opgave over de gemeenten."),
        ("Helvetica-Bold", 14, "Stap 3: Richt de procesorganisatie in"),
        ("Helvetica", 10, "Kies hoe de samenwerking wordt georganiseerd: als netwerkorganisatie met ambtelijk"),
        ("Helvetica", 10, "vrijgemaakte tijd of als formele organisatie met gedetacheerde medewerkers."),
    ],
    [
        ("Helvetica-Bold", 14, "Wonen met begeleiding"),
        ("Helvetica", 10, "Er zijn verschillende vormen van wonen met begeleiding, van beschermd wonen in een"),
        ("Helvetica", 10, "instelling tot begeleiding thuis door een ambulant team van de zorgaanbieder."),
        ("Helvetica-Bold", 10, "Housing First"),
        ("Helvetica", 10, "Bij Housing First krijgt iemand eerst een eigen woning en daarna de begeleiding die"),
        ("Helvetica", 10, "hij of zij nodig heeft om daar te kunnen blijven wonen."),
    ],
]


def typeset_pdf(pages: list[list[tuple[str, int, str]]]) -> bytes:
    """A PDF drawn line by line in the given fonts and sizes, with a running header and footer."""
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    for number, lines in enumerate(pages, start=1):
        pdf.setFont(*HEADER[:2])
        pdf.drawString(60, 810, HEADER[2])
        y = 760
        for font, size, text in lines:
            y -= size + 6
            pdf.setFont(font, size)
            pdf.drawString(60, y, text)
        pdf.setFont("Helvetica", 10)
        pdf.drawString(270, 30, f"Pagina {number} van {len(pages)}")
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


@pytest.fixture
def typeset_pdf_path(tmp_path: Path) -> Path:
    path = tmp_path / "visie-2025.pdf"
    path.write_bytes(typeset_pdf(TYPESET_PAGES))
    return path


def test_larger_and_bold_lines_become_markdown_headings_ranked_by_size(typeset_pdf_path):
    lines = load_document(typeset_pdf_path).text.splitlines()

    assert "## Woonzorgvisie Parkstad" in lines
    assert "### Stap 3: Richt de procesorganisatie in" in lines
    assert "### Wonen met begeleiding" in lines
    assert "#### Housing First" in lines


def test_a_heading_is_never_glued_to_the_paragraph_after_it(typeset_pdf_path):
    paragraphs = load_document(typeset_pdf_path).text.split("\n\n")

    paragraph = next(p for p in paragraphs if "Kies hoe de samenwerking" in p)
    assert paragraph.startswith("Kies hoe de samenwerking wordt georganiseerd")
    assert "procesorganisatie in" not in paragraph
    assert next(p for p in paragraphs if "eerst een eigen woning" in p).startswith("Bij Housing First krijgt")


def test_a_bold_running_header_is_removed_before_headings_are_looked_for(typeset_pdf_path):
    assert "Woonzorgvisie 2025" not in load_document(typeset_pdf_path).text


def test_pdf_headings_give_chunks_their_section(typeset_pdf_path):
    chunks = Chunker(lambda text: len(text.split())).chunk(load_document(typeset_pdf_path))

    housing_first = next(chunk for chunk in chunks if "eerst een eigen woning" in chunk.text)
    assert housing_first.section == "Woonzorgvisie Parkstad › Wonen met begeleiding › Housing First"


def test_a_pdf_set_in_one_size_gets_no_markdown_headings(policy_pdf):
    assert not re.search(r"^#", load_document(policy_pdf).text, re.MULTILINE)


def test_bundled_corpus_pdfs_get_their_headings_and_sections():
    regional = load_document(CORPUS_DOCS / "handreiking-regionaal-en-lokaal.pdf")
    steps = load_document(CORPUS_DOCS / "handreiking-stappenplan-aanpak.pdf")

    heading_names = [re.sub(r"^#+ ", "", line) for line in regional.text.splitlines() if line.startswith("#")]
    assert {"Regionaal", "Lokaal", "Een gedeeld beeld van de opgave"} <= set(heading_names)
    assert "### Stap 3: Richt de procesorganisatie in" in steps.text.splitlines()
    sections = {chunk.section for chunk in Chunker(lambda text: len(text.split())).chunk(regional)}
    assert "Regionaal › Een gedeeld beeld van de opgave" in sections


def test_pbl_report_chapters_become_headings_above_its_numbered_sections(external_docs):
    report = load_document(external_docs / PBL_REPORT)

    assert "## 4 Resultaten van de empirische analyse" in report.pages[12].text.splitlines()
    sections = {chunk.section for chunk in Chunker(lambda text: len(text.split())).chunk(report)}
    assert "4 Resultaten van de empirische analyse › 4.1 Motieven om te verhuizen" in sections
