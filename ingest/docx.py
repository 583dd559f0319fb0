"""Word (.docx) loading with python-docx: paragraphs, headings, lists and tables in document order.

The text is read as Word shows it with every tracked change accepted (insertions in,
deletions out); text boxes follow the paragraph they are anchored in, and a footnote or
endnote follows the paragraph that refers to it ("Voetnoot 1: ..."). A table becomes rows
that keep their column names.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

from docx import Document as open_docx
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph
from lxml import etree

from .errors import IngestError
from .metadata import Extraction
from .models import Page
from .tables import as_table, table_lines
from .text import Block, clean_line, render

MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
# Subtrees that are not part of the paragraph's own text as Word shows it with changes accepted:
# deleted and moved-away text, text boxes (read on their own) and the old-style copy of a drawing.
SKIPPED = frozenset({qn("w:del"), qn("w:moveFrom"), qn("w:txbxContent"), MC_FALLBACK})
TEXT_TAGS = {qn("w:t"): None, qn("w:tab"): " ", qn("w:br"): " ", qn("w:cr"): " ", qn("w:noBreakHyphen"): "-"}
NOTE_PARTS = {"/word/footnotes.xml": ("w:footnote", "Voetnoot"), "/word/endnotes.xml": ("w:endnote", "Eindnoot")}
NOTE_REFERENCES = {qn("w:footnoteReference"): "Voetnoot", qn("w:endnoteReference"): "Eindnoot"}

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


def element_text(element: etree._Element) -> str:
    """The visible text below an element with tracked changes accepted, text boxes left out."""
    parts = []
    for child in element:
        if child.tag in SKIPPED:
            continue
        if child.tag in TEXT_TAGS:
            parts.append(child.text or "" if TEXT_TAGS[child.tag] is None else TEXT_TAGS[child.tag])
        else:
            parts.append(element_text(child))
    return "".join(parts)


def text_box_paragraphs(element: etree._Element) -> list[etree._Element]:
    """The paragraphs of the text boxes anchored in an element (the modern copy of each only)."""
    found = []
    for child in element:
        if child.tag == MC_FALLBACK:
            continue
        if child.tag == qn("w:txbxContent"):
            found += list(child.iter(qn("w:p")))
        else:
            found += text_box_paragraphs(child)
    return found


def note_references(element: etree._Element) -> list[tuple[str, str]]:
    """(kind, id) of the footnote and endnote references in a paragraph, in order."""
    return [(NOTE_REFERENCES[el.tag], el.get(qn("w:id"))) for el in element.iter(*NOTE_REFERENCES)]


def notes(document) -> dict[tuple[str, str], str]:
    """Footnote and endnote texts by (kind, id), read from the package's notes parts."""
    found = {}
    for part in document.part.package.iter_parts():
        if str(part.partname) not in NOTE_PARTS:
            continue
        tag, kind = NOTE_PARTS[str(part.partname)]
        for note in etree.fromstring(part.blob).iter(qn(tag)):
            text = clean_line(" ".join(element_text(p) for p in note.iter(qn("w:p"))))
            if text:
                found[kind, note.get(qn("w:id"))] = text
    return found


def paragraph_blocks(paragraph: Paragraph, note_texts: dict[tuple[str, str], str]) -> list[Block]:
    """A paragraph's block, then the blocks of its text boxes and the notes it refers to."""
    block = paragraph_block(paragraph)
    blocks = [block] if block else []
    for inner in text_box_paragraphs(paragraph._p):
        inner_block = paragraph_block(Paragraph(inner, paragraph._parent))
        if inner_block:
            blocks.append(inner_block)
    for kind, note_id in note_references(paragraph._p):
        if (kind, note_id) in note_texts:
            blocks.append(Block("text", f"{kind} {note_id}: {note_texts[kind, note_id]}"))
    return blocks


def paragraph_block(paragraph: Paragraph) -> Block | None:
    """A paragraph as a heading, list item or text block; None when it holds no text."""
    text = clean_line(element_text(paragraph._p))
    if not text:
        return None
    level = heading_level(paragraph)
    if level:
        return Block("heading", "#" * level + " " + text)
    if is_list_paragraph(paragraph):
        return Block("item", "- " + text)
    return Block("text", text)


def table_blocks(table: Table) -> list[Block]:
    """One row block per table row with its column names; a table of one column or row is text."""
    grid = [[clean_line(" ".join(element_text(p._p) for p in cell.paragraphs)) for cell in row.cells] for row in table.rows]
    found = as_table(grid)
    if found:
        return [Block("row", line) for line in table_lines(found)]
    return [Block("text", cell) for row in grid for cell in dict.fromkeys(row) if cell]


def load_docx(path: Path, data: bytes) -> Extraction:
    """A Word document as one page; its core-properties title is offered as the format's title."""
    try:
        document = open_docx(io.BytesIO(data))
    except Exception as exc:  # python-docx surfaces zip, XML and package errors alike
        raise IngestError(
            str(path), "het Word-bestand is beschadigd of geen echt .docx-bestand. Sla het opnieuw op als .docx en voeg het dan toe."
        ) from exc
    note_texts = notes(document)
    blocks: list[Block] = []
    for item in document.iter_inner_content():
        if isinstance(item, Table):
            blocks.extend(table_blocks(item))
        else:
            blocks.extend(paragraph_blocks(item, note_texts))
    return Extraction(pages=[Page(number=None, text=render(blocks))], title=document.core_properties.title)
