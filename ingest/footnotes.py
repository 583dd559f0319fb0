"""A PDF's footnotes, taken out of the running text.

A footnote is set in small type at the foot of its page, and pdfplumber reads it as the page's
last lines: the sentence that runs on to the next page then takes it in ("… een individuele 13
Dit betekent dat punten …"), and a list item loses its end. Taken out, each note is written
after its page's text as a paragraph of its own ("Noot 13: Dit betekent dat …"), which the
answer layer reads as a note, not as content (`assistant.sentences.is_boilerplate`).

What tells a footnote from other small type at the foot of a page (a table's cells "4 punten",
a caption) is its number: the notes of a document count on, 1, 2, 3, … (or start again at 1 in
a new chapter), so a block is only taken when its numbers continue those before it (allowing
for a note or two missed), and each note reads as a sentence or a web address.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .pdf_layout import Line
from .text import join_wrapped

NOTE_TYPE_RATIO = 0.96  # footnotes are set at most this share of the body size (the PBL report's: 10 pt of 10.5)
NOTE_START = re.compile(r"^(\d{1,3})\s+(\S.*)$")
MIN_NOTE_WORDS = 2
FOOTER_LINES = 3  # lines below the notes that may be the page's own footer
MAX_MISSED = 2  # notes in a row that may have gone unseen before a page's first note


@dataclass
class PageNotes:
    """A page's lines without its footnotes, and the footnotes as "Noot n: text"."""

    lines: list[Line]
    notes: list[str]


def split_footnotes(pages: list[list[Line]], body_size: float) -> list[PageNotes]:
    """Every page's lines (`pdf_layout.Line`, running headers and footers already gone) with the
    footnotes at its foot taken out. `body_size` is the body text's type size in points. A
    page's own footer (a Kamerstuk's number and ISSN on its first page) may stand below them."""
    found, last = [], 0
    for lines in pages:
        page = PageNotes(lines, [])
        for end in range(len(lines), max(len(lines) - FOOTER_LINES, 0) - 1, -1):
            notes = _notes_above(lines, end, body_size, last)
            if notes:
                start, numbered = notes
                last = numbered[-1][0]
                page = PageNotes(lines[:start] + lines[end:], [f"Noot {n}: {text}" for n, text in numbered])
                break
        found.append(page)
    return found


def _notes_above(lines: list[Line], end: int, body_size: float, last: int) -> tuple[int, list[tuple[int, str]]] | None:
    """(where they start, the notes) when the run of small type that ends at `end` holds notes
    numbered after `last`; small type above the first note (a caption) stays in the text."""
    start = end
    while start > 0 and not lines[start - 1].row and 0 < lines[start - 1].size <= NOTE_TYPE_RATIO * body_size:
        start -= 1
    for first in range(start, end):
        notes = _numbered_notes(lines[first:end], last)
        if notes:
            return first, notes
    return None


def _numbered_notes(lines: list[Line], last: int) -> list[tuple[int, str]] | None:
    """The notes (number, text) that `lines` hold when they open with a note numbered after
    `last` (or 1) and every note's number follows the one before it; None otherwise. A line
    that does not open the next note continues the one before."""
    first = NOTE_START.match(lines[0].text) if lines else None
    # a note missed on an earlier page (set apart from the others) does not stop the count
    if not first or not (int(first.group(1)) == 1 or last < int(first.group(1)) <= last + MAX_MISSED + 1):
        return None
    notes: list[tuple[int, str]] = []
    for line in lines:
        opened = NOTE_START.match(line.text)
        if opened and (not notes or int(opened.group(1)) == notes[-1][0] + 1):
            notes.append((int(opened.group(1)), opened.group(2)))
        else:
            number, text = notes[-1]
            notes[-1] = (number, join_wrapped(text, line.text))
    # a note is written as a sentence or an address: "2 Art. 7:254 BW.", "6 https://datawonen.nl/…",
    # never "1 punt 0,5 punt …" (a table's cells)
    if any(not (text[0].isupper() or text.startswith(("http", "www."))) or
           (len(text.split()) < MIN_NOTE_WORDS and not text.startswith(("http", "www."))) for _, text in notes):
        return None
    return notes
