"""Word (.docx) loading with python-docx: paragraphs, headings, lists and tables in document order."""

from __future__ import annotations

import io
import re
from pathlib import Path

from docx import Document as open_docx
from docx.table import Table
from docx.text.paragraph import Paragraph

from .errors import IngestError
from .metadata import Extraction
from .models import Page
from .text import Block, clean_line, render

# Built-in heading styles; Dutch Word shows them as "Kop 1", python-docx reports "Heading 1".
HEADING_STYLE = re.compile(r"^(?:heading|kop)\s*(\d)$", re.IGNORECASE)
TITLE_STYLES = frozenset({"title", "titel"})


def heading_level(paragraph: Paragraph) -> int | None:
    """1–6 for a Title or Heading N paragraph, None for body text."""
    name = (paragraph.style.name if paragraph.style is not None else "").strip()
    if name.lower() in TITLE_STYLES:
        return 1
    match = HEADING_STYLE.match(name)
    return min(int(match.group(1)), 6) if match else None


def is_list_paragraph(paragraph: Paragraph) -> bool:
    """True for a bulleted or numbered paragraph, by list style or by direct numbering."""
    name = paragraph.style.name if paragraph.style is not None else ""
    properties = paragraph._p.pPr
    return name.lower().startswith("list") or (properties is not None and properties.numPr is not None)


def paragraph_block(paragraph: Paragraph) -> Block | None:
    """A paragraph as a heading, list item or text block; None when it holds no text."""
    text = clean_line(paragraph.text)
    if not text:
        return None
    level = heading_level(paragraph)
    if level:
        return Block("heading", "#" * level + " " + text)
    if is_list_paragraph(paragraph):
        return Block("item", "- " + text)
    return Block("text", text)


def table_blocks(table: Table) -> list[Block]:
    """One "cel | cel" row block per table row; merged cells are counted once."""
    blocks = []
    for row in table.rows:
        cells, seen = [], set()
        for cell in row.cells:
            if id(cell._tc) not in seen:
                seen.add(id(cell._tc))
                cells.append(clean_line(" ".join(p.text for p in cell.paragraphs)))
        if any(cells):
            blocks.append(Block("row", " | ".join(cells)))
    return blocks


def load_docx(path: Path, data: bytes) -> Extraction:
    """A Word document as one page; its core-properties title is offered as the format's title."""
    try:
        document = open_docx(io.BytesIO(data))
    except Exception as exc:  # python-docx surfaces zip, XML and package errors alike
        raise IngestError(
            str(path), "het Word-bestand is beschadigd of geen echt .docx-bestand. Sla het opnieuw op als .docx en voeg het dan toe."
        ) from exc
    blocks: list[Block] = []
    for item in document.iter_inner_content():
        if isinstance(item, Table):
            blocks.extend(table_blocks(item))
        else:
            block = paragraph_block(item)
            if block:
                blocks.append(block)
    return Extraction(pages=[Page(number=None, text=render(blocks))], title=document.core_properties.title)
