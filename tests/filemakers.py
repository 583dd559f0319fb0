"""Small real files for tests: multi-page Dutch PDFs, encrypted and image-only PDFs, DOCX, HTML.

Import with `from filemakers import ...`: pytest puts tests/ on sys.path when it loads
tests/conftest.py (the default "prepend" import mode; tests/ has no __init__.py).
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
from pypdf import PdfReader, PdfWriter
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas


def write(path: Path, text: str = "Een korte notitie over wonen.\n") -> Path:
    """A UTF-8 text file (Markdown, HTML, plain text, a sidecar), its folders made as needed."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def pdf_bytes(pages: list[list[str]], header: str | None = None, footer: bool = True, title: str | None = None,
              notes: list[list[str]] | None = None) -> bytes:
    """A PDF drawn line by line, with an optional running header and "Pagina N van M" footers,
    and per page the `notes` lines set in small type at its foot, as footnotes are. A "^" in a
    line sets the number after it raised and small, as a note reference or a power ("m^2")."""
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
            _draw_with_raised(pdf, y, line)
            y -= 14
        pdf.setFont("Helvetica", 7)
        for n, line in enumerate((notes or [])[number - 1] if notes and number <= len(notes) else []):
            pdf.drawString(60, 90 - 9 * n, line)
        pdf.setFont("Helvetica", 10)
        if footer:
            pdf.drawString(270, 30, f"Pagina {number} van {len(pages)}")
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def _draw_with_raised(pdf: canvas.Canvas, y: float, line: str) -> None:
    text = pdf.beginText(60, y)
    text.setFont("Helvetica", 10)
    first, *raised = line.split("^")
    text.textOut(first)
    for part in raised:
        digits = len(part) - len(part.lstrip("0123456789"))
        marker, rest = part[:digits], part[digits:]
        text.setFont("Helvetica", 6)
        text.setRise(4)
        text.textOut(marker)
        text.setFont("Helvetica", 10)
        text.setRise(0)
        text.textOut(rest)
    pdf.drawText(text)


def encrypted_pdf_bytes(data: bytes, user_password: str) -> bytes:
    """The PDF protected with RC4, which pypdf opens without extra packages."""
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    writer.encrypt(user_password=user_password, owner_password="beheerder", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def image_only_pdf_bytes(pages: int = 1) -> bytes:
    """A PDF as a scanner makes it: drawings on every page and not one word of text."""
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    for _ in range(pages):
        pdf.rect(60, 400, 300, 200, fill=1)
        pdf.circle(300, 300, 50)
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def write_docx(path: Path, blocks: list[str | list[tuple[str, ...]]], title: str | None = None) -> Path:
    """A Word file written block by block, like the Markdown the loader makes of it: "# " and "## "
    headings, "- " bullet items, a list of rows for a table, any other string a paragraph.
    `title` goes in the document properties."""
    document = docx.Document()
    if title:
        document.core_properties.title = title
    for block in blocks:
        if isinstance(block, list):
            table = document.add_table(rows=len(block), cols=len(block[0]))
            for row, cells in zip(table.rows, block):
                for cell, text in zip(row.cells, cells):
                    cell.text = text
        elif block.startswith("#"):
            hashes, _, text = block.partition(" ")
            document.add_heading(text, level=len(hashes))
        elif block.startswith("- "):
            document.add_paragraph(block[2:], style="List Bullet")
        else:
            document.add_paragraph(block)
    document.save(path)
    return path


def docx_bomb(path: Path, paragraphs: int) -> Path:
    """A real Word file whose document.xml holds `paragraphs` identical paragraphs: it packs
    about 300:1 (400,000 paragraphs: ~27 MB of XML in ~120 kB), as a zip bomb does."""
    docx.Document().save(path)
    with zipfile.ZipFile(path) as original:
        parts = {info.filename: original.read(info) for info in original.infolist()}
    head, tail = parts["word/document.xml"].decode().split("<w:body>")
    paragraph = "<w:p><w:r><w:t>Wonen voor iedereen in de regio.</w:t></w:r></w:p>"
    parts["word/document.xml"] = (head + "<w:body>" + paragraph * paragraphs + tail).encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as bomb:
        for name, data in parts.items():
            bomb.writestr(name, data)
    return path
