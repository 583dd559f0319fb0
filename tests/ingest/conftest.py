"""Small real documents, built in a temporary folder, that editors might hand to the loaders."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest
from pypdf import PdfReader, PdfWriter
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

# ../shared beside the repository, as on the developers' machines and in CI
EXTERNAL_DOCS = Path(__file__).resolve().parents[3] / "shared" / "external" / "docs"

RUNNING_HEADER = "Gemeente Voorbeeld | Beleidsnota wonen 2025"

# Lines as they are laid out on the pages: hyphenated breaks, legal headings, a list.
POLICY_PAGES = [
    [
        "Hoofdstuk 1 Inleiding",
        "De gemeente wil dat iedereen een passende woning kan vinden. De krapte op de woning-",
        "markt raakt vooral aandachtsgroepen, zoals mensen die uitstromen uit beschermd wonen",
        "of de maatschappelijke opvang. Daarom maken we afspraken met corporaties in Noord-",
        "Brabant, met zorgaanbieders en met de regio over passende huisvesting en over zorg-",
        "en ondersteuningsafspraken voor iedere inwoner die dat nodig heeft in de gemeente.",
        "Zo werken we samen.",
    ],
    [
        "Artikel 3 Urgentie",
        "Een woningzoekende die uitstroomt uit de maatschappelijke opvang krijgt urgentie als",
        "hij binnen drie maanden zelfstandig kan wonen en een begeleidingsplan heeft met de",
        "gemeente.",
        "Artikel 4",
        "Het college beslist binnen acht weken op een aanvraag om urgentie en deelt de beslis-",
        "sing schriftelijk mee aan de aanvrager.",
    ],
    [
        "De regio spreekt het volgende af:",
        "- elke gemeente huisvest haar deel van de aandachtsgroepen;",
        "- corporaties reserveren jaarlijks een deel van de vrijkomende woningen.",
        "Zo blijft er voor iedereen een thuis in de regio, ook voor wie nu nog in de opvang",
        "woont.",
    ],
]


def pdf_bytes(pages: list[list[str]], header: str | None = None, footer: bool = True, title: str | None = None) -> bytes:
    """A PDF drawn line by line, with an optional running header and "Pagina N van M" footers."""
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    if title:
        pdf.setTitle(title)
    for number, lines in enumerate(pages, start=1):
        pdf.setFont("Helvetica", 10)
        if header:
            pdf.drawString(60, 810, header)
        y = 760
        for line in lines:
            pdf.drawString(60, y, line)
            y -= 14
        if footer:
            pdf.drawString(270, 30, f"Pagina {number} van {len(pages)}")
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def encrypted(data: bytes, user_password: str) -> bytes:
    """The PDF protected with RC4, which pypdf opens without extra packages."""
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    writer.encrypt(user_password=user_password, owner_password="beheerder", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


@pytest.fixture
def policy_pdf(tmp_path: Path) -> Path:
    path = tmp_path / "beleidsnota-wonen_2025.pdf"
    path.write_bytes(pdf_bytes(POLICY_PAGES, header=RUNNING_HEADER, title="Microsoft Word - nota.docx"))
    return path


@pytest.fixture
def titled_pdf(tmp_path: Path) -> Path:
    path = tmp_path / "scan-0042.pdf"
    path.write_bytes(pdf_bytes(POLICY_PAGES[:1], title="Woonzorgvisie Parkstad Limburg"))
    return path


@pytest.fixture
def password_pdf(tmp_path: Path) -> Path:
    path = tmp_path / "vertrouwelijk.pdf"
    path.write_bytes(encrypted(pdf_bytes(POLICY_PAGES), user_password="geheim"))
    return path


@pytest.fixture
def edit_protected_pdf(tmp_path: Path) -> Path:
    path = tmp_path / "alleen-lezen.pdf"
    path.write_bytes(encrypted(pdf_bytes(POLICY_PAGES), user_password=""))
    return path


@pytest.fixture
def scanned_pdf(tmp_path: Path) -> Path:
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    for _ in range(2):
        pdf.rect(60, 400, 300, 200, fill=1)
        pdf.circle(300, 300, 50)
        pdf.showPage()
    pdf.save()
    path = tmp_path / "gescande-brief.pdf"
    path.write_bytes(buffer.getvalue())
    return path


@pytest.fixture
def truncated_pdf(tmp_path: Path) -> Path:
    data = pdf_bytes(POLICY_PAGES)
    path = tmp_path / "half-gedownload.pdf"
    path.write_bytes(data[: len(data) // 2])
    return path


@pytest.fixture
def word_file(tmp_path: Path) -> Path:
    document = docx.Document()
    document.core_properties.title = "Sjabloon gemeente"
    document.add_heading("Woonzorgvisie Parkstad", level=1)
    document.add_paragraph("Deze visie beschrijft hoe we wonen en zorg samen organiseren.")
    document.add_heading("Aandachtsgroepen", level=2)
    document.add_paragraph("We onderscheiden onder meer:")
    document.add_paragraph("dak- en thuislozen", style="List Bullet")
    document.add_paragraph("mensen die uitstromen uit beschermd wonen", style="List Bullet")
    table = document.add_table(rows=2, cols=2)
    for row, cells in zip(table.rows, [("Gemeente", "Opgave"), ("Heerlen", "120 woningen")]):
        for cell, text in zip(row.cells, cells):
            cell.text = text
    document.add_paragraph("Tot slot evalueren we jaarlijks.")
    path = tmp_path / "woonzorgvisie.docx"
    document.save(path)
    return path


@pytest.fixture
def untitled_word_file(tmp_path: Path) -> Path:
    document = docx.Document()
    document.core_properties.title = "Regioprofiel Twente"
    document.add_paragraph("Een profiel van de woningmarkt in de regio.")
    path = tmp_path / "profiel.docx"
    document.save(path)
    return path


WEB_PAGE = """<!DOCTYPE html>
<html lang="nl"><head><meta charset="utf-8"><title>Urgentie aanvragen | Gemeente Voorbeeld</title>
<style>body { color: red }</style><script>var tracking = "bezoeker";</script></head>
<body>
<header><a href="/">Gemeente Voorbeeld</a> Menu</header>
<nav><ul><li><a href="/afval">Afval</a></li><li><a href="/parkeren">Parkeren</a></li></ul></nav>
<div role="navigation">Kruimelpad: Home &gt; Wonen</div>
<main>
  <h1>Urgentie aanvragen</h1>
  <p>U kunt <strong>urgentie</strong> aanvragen als u
     binnen drie maanden een woning nodig hebt.</p>
  <h2>Wie komt in aanmerking?</h2>
  <ul><li>Mensen die uitstromen uit de opvang</li><li>Mantelzorgers</li></ul>
  <table><tr><th>Situatie</th><th>Termijn</th></tr><tr><td>Uitstroom</td><td>8 weken</td></tr></table>
  <form><input name="q"><button>Zoeken</button></form>
</main>
<aside>Lees ook: afvalkalender</aside>
<footer>Contact | Cookies | Privacy</footer>
<script>trackPage();</script>
</body></html>
"""


@pytest.fixture
def web_page(tmp_path: Path) -> Path:
    path = tmp_path / "urgentie.html"
    path.write_text(WEB_PAGE, encoding="utf-8")
    return path


MARKDOWN_NOTE = """---
title: Handreiking regionale samenwerking
type: handreiking
region: Parkstad Limburg
municipalities: [Heerlen, Kerkrade]
date: 2024-03-21
url: https://example.org/handreiking
---

# Regionale samenwerking

<!-- concept: nog niet delen -->
![logo](logo.png)

Gemeenten in een **woningmarktregio** maken samen afspraken over de
[verdeling](https://example.org/verdeling) van aandachtsgroepen en gebruiken
daarvoor `de regiotool`.

## Taakverdeling

* elke gemeente stelt een woonzorgvisie op
* de regio verdeelt de opgave

| Gemeente | Opgave |
|---|---|
| Heerlen | 120 |
"""


@pytest.fixture
def markdown_note(tmp_path: Path) -> Path:
    path = tmp_path / "handreiking.md"
    path.write_text(MARKDOWN_NOTE, encoding="utf-8")
    return path


@pytest.fixture
def broken_front_matter(tmp_path: Path) -> Path:
    path = tmp_path / "kapot.md"
    path.write_text("---\ntitle: [Handreiking zonder haakje\ntype: handreiking\n---\n\nTekst.\n", encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def external_docs() -> Path:
    if not EXTERNAL_DOCS.is_dir():
        pytest.skip("the third-party documents in ../shared/external/docs are not on this machine")
    return EXTERNAL_DOCS
