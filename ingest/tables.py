"""Tables as indexed text: every row keeps its column names, in every format.

A table row becomes one line "Huishoudtype: Gezin · Maximale huur (euro): 879 · Aantal
woningen: 198", so a passage with one row still says what each figure is, and the answer
layer can quote the row as a sentence. The loaders hand in cells as they read them (PDF
grids from pdfplumber, DOCX and HTML from their own table structure); the clean-up here is
what every source needs: empty columns and repeated merged cells dropped, text wrapped
inside a cell joined again, a title row spanning the table kept as a caption.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from .text import ROW_LINE, clean_line, join_wrapped

CELL_SEPARATOR = " · "
NAME_SEPARATOR = ": "
MARKDOWN_ROW = re.compile(r"^\s*\|.*\|\s*$")
MARKDOWN_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")
MIN_ROWS = 2  # a header and one row
MIN_COLUMNS = 2
# a cell a PDF converter wrapped onto the next Markdown row held a line of text, not a value
MIN_WRAPPED_WORDS = 4


@dataclass
class Table:
    """A cleaned table: an optional caption, the column names and the body rows."""

    header: list[str]
    rows: list[list[str]]
    caption: str | None = None


def cell_text(text: str | None) -> str:
    """A cell's text on one line; a word wrapped (and hyphenated) at the cell edge is joined again."""
    lines = [clean_line(line) for line in (text or "").splitlines()]
    lines = [line for line in lines if line]
    if not lines:
        return ""
    joined = lines[0]
    for line in lines[1:]:
        joined = join_wrapped(joined, line)
    return joined


def merged_continuations(grid: list[list[str | None]]) -> list[list[str | None]]:
    """Rows whose first cell is covered by the cell above (None) continue that row's cells.

    pdfplumber cuts a table at every ruled line, so a cell written over two lines of a row
    without a rule between them arrives as two rows; the second starts with a covered cell.
    """
    merged: list[list[str | None]] = []
    for row in grid:
        if merged and row and row[0] is None and any(row):
            join_cells(merged[-1], row)
        else:
            merged.append(list(row))
    return merged


def join_cells(above: list, row: list) -> None:
    """Each filled cell of `row` joined to the cell above it in `above` (changed in place), as
    the rest of its wrapped text."""
    for i, cell in enumerate(row[: len(above)]):
        if cell:
            above[i] = join_wrapped(above[i], cell) if above[i] else cell


def clean_grid(grid: list[list[str | None]]) -> list[list[str]]:
    """Cells as one-line text, without empty columns and with a spanned cell counted once."""
    rows = [[cell_text(cell) for cell in row] for row in merged_continuations(grid)]
    rows = [row for row in rows if any(row)]
    if not rows:
        return []
    width = max(len(row) for row in rows)
    rows = [row + [""] * (width - len(row)) for row in rows]
    kept = [i for i in range(width) if any(row[i] for row in rows)]
    rows = [[row[i] for i in kept] for row in rows]
    # A cell spanning two columns arrives once per column it covers.
    rows = [[cell if i == 0 or cell != row[i - 1] else "" for i, cell in enumerate(row)] for row in rows]
    return merged_complementary_columns(rows)


def merged_complementary_columns(rows: list[list[str]]) -> list[list[str]]:
    """Neighbouring columns that no row fills both of, as one column.

    A grid cut at every rule of a drawing gives one real column as two half-filled ones
    ("A++++" in one, "B" in the next); real columns share at least the header row.
    """
    columns = [list(column) for column in zip(*rows)] if rows else []
    merged: list[list[str]] = []
    for column in columns:
        if merged and not any(a and b for a, b in zip(merged[-1], column)):
            merged[-1] = [a or b for a, b in zip(merged[-1], column)]
        else:
            merged.append(column)
    return [list(row) for row in zip(*merged)]


def as_table(grid: list[list[str | None]]) -> Table | None:
    """The table a grid of cells makes, or None when it is not a table of at least two columns.

    A first row with a single filled cell above a fuller row is the table's title
    ("Per 1 januari 2026"); the next row holds the column names.
    """
    rows = clean_grid(grid)
    caption = None
    if len(rows) > 1 and sum(bool(cell) for cell in rows[0]) == 1 and sum(bool(cell) for cell in rows[1]) > 1:
        caption = next(cell for cell in rows[0] if cell)
        rows = rows[1:]
    if len(rows) < MIN_ROWS or len(rows[0]) < MIN_COLUMNS:
        return None
    # A column without a name: the first holds row labels and goes unnamed, others get a number.
    header = [name or ("" if i == 1 else f"Kolom {i}") for i, name in enumerate(rows[0], start=1)]
    return Table(header=header, rows=rows[1:], caption=caption)


def row_line(header: list[str], row: list[str]) -> str:
    """"Huishoudtype: Gezin · Maximale huur (euro): 879"; empty cells are left out, a row label stands alone."""
    cells = [f"{name}{NAME_SEPARATOR}{value}" if name else value for name, value in zip(header, row) if value]
    return CELL_SEPARATOR.join(cells)


def table_lines(table: Table) -> list[str]:
    """The table as lines of text: the caption, then one line per row with its column names."""
    lines = [table.caption] if table.caption else []
    return lines + [line for line in (row_line(table.header, row) for row in table.rows) if line]


def markdown_cells(line: str) -> list[str]:
    """The cells of a pipe-table row; an empty first cell ("||vervolg|") stays a cell."""
    inner = line.strip()
    inner = inner[1:] if inner.startswith("|") else inner
    inner = inner[:-1] if inner.endswith("|") else inner
    return [cell.strip() for cell in inner.split("|")]


def joined_wrapped_rows(rows: list[list[str]]) -> list[list[str]]:
    """Body rows of a Markdown table, each row that continues wrapped text joined to the row above.

    A PDF converted to Markdown writes a cell that wraps over three lines as three rows, the
    later ones with an empty first cell: "|ETHOS-light|ETHOS staat voor …|", "||volwaardige
    huisvesting. …|". Only a table that shows it was wrapped, some row with an empty first cell
    going on in lower case or with a bullet ("||• mensen in de noodopvang;|"), is read so: a
    table written by hand that leaves a repeated first cell empty ("||Strengere regels voor
    kamerverhuur|") keeps its rows. In a wrapped table a row continues the one above when each
    of its filled cells goes on in lower case or sits under a cell of at least MIN_WRAPPED_WORDS
    words (a value such as "n.v.t." or "12" was not wrapped), and its first cell is empty or
    goes on too ("|Consumentgericht|Bouwprogramma waarbij … naar|", "|bouwprogramma|een woning
    …|").
    """
    if not any(not row[0] and any(_goes_on(cell) for cell in row[1:]) for row in rows):
        return rows
    joined: list[list[str]] = []
    for row in rows:
        above = joined[-1] if joined else None
        filled = [i for i, cell in enumerate(row) if cell and i > 0]
        continues = above is not None and bool(filled) and (not row[0] or _goes_on(row[0])) and all(
            i < len(above) and above[i] and (_goes_on(row[i]) or len(above[i].split()) >= MIN_WRAPPED_WORDS)
            for i in filled)
        if continues:
            join_cells(above, row)
        else:
            joined.append(list(row))
    return joined


def _goes_on(cell: str) -> bool:
    """Whether a cell's text reads as the rest of the line above: lower case or a bullet ("-"
    and "–" stand for an empty value in many tables)."""
    return bool(cell) and (cell[0].islower() or cell[0] == "•")


def with_markdown_tables(lines: Iterable[str]) -> list[str]:
    """Lines with every Markdown pipe table (header, rule, rows) written as row lines."""
    lines = list(lines)
    result: list[str] = []
    i = 0
    while i < len(lines):
        if MARKDOWN_ROW.match(lines[i]) and i + 1 < len(lines) and MARKDOWN_RULE.match(lines[i + 1]):
            end = i + 2
            while end < len(lines) and MARKDOWN_ROW.match(lines[end]):
                end += 1
            header, *body = (markdown_cells(line) for line in (lines[i], *lines[i + 2 : end]))
            table = as_table([header, *joined_wrapped_rows(body)])
            if table:
                result += ["", *table_lines(table), ""]
                i = end
                continue
        result.append(lines[i])
        i += 1
    return result


def parse_row(line: str) -> list[tuple[str, str]] | None:
    """The (column name, value) pairs of a row line, or None for a line that is not a row."""
    if not ROW_LINE.match(line):
        return None
    cells = line.split(CELL_SEPARATOR)
    first = [("", cells[0])] if NAME_SEPARATOR not in cells[0] else []
    return first + [_name_and_value(cell) for cell in cells[len(first):]]


def _name_and_value(cell: str) -> tuple[str, str]:
    """A cell of a row line split after its column name: at the first NAME_SEPARATOR outside
    brackets and quotes, as a column may be called 'Maatschappelijke opvang (Wmo: "opvang")'."""
    start = 0
    while (at := cell.find(NAME_SEPARATOR, start)) >= 0:
        name = cell[:at]
        if name.count("(") == name.count(")") and name.count('"') % 2 == 0:
            return name, cell[at + len(NAME_SEPARATOR):]
        start = at + 1
    name, _, value = cell.partition(NAME_SEPARATOR)
    return name, value
