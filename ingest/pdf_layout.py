"""A PDF page as lines in reading order, from the positions of its words (pdfplumber).

The content stream of a PDF need not follow the reading order: a two-column page may be
written line by line across both columns. So the words are placed by their coordinates:
grouped into visual lines, split at a column gutter when the page has one (left column
first, then the right one, full-width lines keeping their place), with filled-in form
fields placed where they show. Tables are read as grids: ruled tables by pdfplumber's table
finder, tables without rules from lines whose cells line up; their rows become table-row
lines that keep their column names, and their cells never reach the heading logic.
"""

from __future__ import annotations

import re
import statistics
from collections import Counter
from dataclasses import dataclass

import pdfplumber
from pdfminer.layout import LTChar, LTContainer, LTCurve
from pdfminer.utils import decode_text as decode_pdf_text
from pdfplumber.utils.text import WordExtractor

from .tables import Table, as_table, table_lines
from .text import clean_line

COLUMN_GAP_EM = 1.0  # a gap of at least this many type sizes between words separates cells or columns
LINE_TOLERANCE_EM = 0.5  # words whose tops differ less than this share of their size are on one line
GUTTER_RANGE = (0.3, 0.7)  # a column gutter lies in this share of the page width
GUTTER_MIN_LINES = 5  # lines split by the gutter before a page counts as set in columns
GUTTER_SHARE = 0.75  # of the lines that reach across the gutter, this share must leave it empty
COLUMN_FILL = 0.5  # a column's lines reach at least this share of the column width (text, not table cells)
ALIGNED_MIN_ROWS = 3  # lines with lined-up cells before they count as a table without rules
ROW_GAP_EM = 2.5  # lines of one table are at most this many type sizes apart
LIST_MARKER_MAX_CHARS = 3  # "a.", "1°", "–": a first column this short is a list, not a table
# a note reference ("Betaalbaar Wonen²") is a number in type at most this share of the word before it…
NOTE_MARKER_SIZE = 0.8
NOTE_MARKER_RAISE_EM = 0.15  # …set at least this many of that word's type sizes above its baseline
NOTE_MARKER = re.compile(r"\d{1,3}(?:,\d{1,3})*")
# "120 m2", "25m3", "100 W/m2", "pseudo R2": a raised number after a unit or a lone letter is a power
POWER_BASE = re.compile(r"(?:^|[\d/])[cdkm]?m$|^[A-Za-z]$")
FIELD_TYPES = ("/'Tx'", "/'Ch'")  # text and choice fields carry a value to index
BOLD_NAMES = ("bold", "black", "heavy")
WORDS = WordExtractor(extra_attrs=["size", "fontname"])


@dataclass(frozen=True)
class Line:
    """A cleaned line of page text and the type most of it is set in (size 0 when unknown).

    `row` marks a line that stands alone: a table row, written with its column names, or a
    filled-in form field with its label. It is never a heading, header or footer, and never
    joined to the next line.
    """

    text: str
    size: float = 0.0  # in points, to the half point so 10.56 and 10.6 count as one size
    bold: bool = False
    columns: bool = False  # wide gaps between words, as in a table row
    row: bool = False


@dataclass
class Segment:
    """Words that read as one line: a whole visual line, or its part in one column."""

    words: list[dict]

    @property
    def top(self) -> float:
        return min(w["top"] for w in self.words)

    @property
    def x0(self) -> float:
        return min(w["x0"] for w in self.words)

    @property
    def x1(self) -> float:
        return max(w["x1"] for w in self.words)

    @property
    def size(self) -> float:
        sizes = [w["size"] for w in self.words if w["size"]]
        return max(sizes) if sizes else 10.0

    def cells(self) -> list[tuple[float, float, str]]:
        """(x0, x1, text) of the runs of words separated by a cell-wide gap."""
        cells: list[list] = []
        for word in self.words:
            if cells and word["x0"] - cells[-1][1] < COLUMN_GAP_EM * self.size:
                cells[-1][1] = word["x1"]
                cells[-1][2] += " " + word["text"]
            else:
                cells.append([word["x0"], word["x1"], word["text"]])
        return [tuple(cell) for cell in cells]  # type: ignore[misc]


@dataclass
class TableBlock:
    """A table found on the page, placed in the reading order by its box."""

    table: Table
    top: float
    x0: float
    x1: float
    bottom: float


def is_bold(fontname: str) -> bool:
    return any(name in fontname.lower() for name in BOLD_NAMES)


def field_words(page: pdfplumber.page.Page) -> list[dict]:
    """Filled-in form fields as words at the place of their widget, so they join their label's line."""
    words = []
    for annot in page.annots:
        data = annot.get("data") or {}
        value = data.get("V")
        if str(data.get("FT")) not in FIELD_TYPES or not value:
            continue
        text = clean_line(decode_pdf_text(value) if isinstance(value, bytes) else str(value).strip("/'"))
        if text:
            words.append({"text": text, "x0": annot["x0"], "x1": annot["x1"], "top": annot["top"],
                          "bottom": annot["bottom"], "size": 0.0, "fontname": "", "field": True})
    return words


def lean_objects(page: pdfplumber.page.Page) -> dict[str, list[dict]]:
    """The page's objects for pdfplumber, with characters given only what words and tables use.

    pdfplumber turns every pdfminer object into a dictionary of all its attributes (colours,
    matrices, ...), which is most of its reading time; words and table cells need eight of
    them. Drawn lines and boxes, far fewer, get pdfplumber's own full conversion. The result
    is installed as the page's object cache, so the table finder uses it too.
    """
    height = float(page.height)
    mb_x0, mb_top = float(page.mediabox[0]), float(page.mediabox[1])
    objects: dict[str, list[dict]] = {"char": []}

    def visit(items) -> None:
        for obj in items:
            if isinstance(obj, LTChar):
                top = height - obj.y1 + mb_top
                objects["char"].append({
                    "object_type": "char", "text": obj.get_text(), "x0": obj.x0 + mb_x0, "x1": obj.x1 + mb_x0,
                    "top": top, "bottom": height - obj.y0 + mb_top, "doctop": top, "upright": obj.upright,
                    "size": obj.size, "fontname": obj.fontname, "width": obj.width, "height": obj.height,
                })
            elif isinstance(obj, LTCurve):  # lines and rectangles are curves too
                converted = page.process_object(obj)
                objects.setdefault(converted["object_type"], []).append(converted)
            elif isinstance(obj, LTContainer):
                visit(obj)

    visit(page.layout)
    page._objects = objects  # pdfplumber's cache of parsed objects
    return objects


def visual_lines(words: list[dict]) -> list[Segment]:
    """Words grouped into lines by their tops, each line left to right, lines top to bottom."""
    lines: list[Segment] = []
    for word in sorted(words, key=lambda w: (w["top"], w["x0"])):
        size = word["size"] or 10.0
        if lines and abs(word["top"] - lines[-1].words[0]["top"]) <= LINE_TOLERANCE_EM * size:
            lines[-1].words.append(word)
        else:
            lines.append(Segment([word]))
    for line in lines:
        line.words.sort(key=lambda w: w["x0"])
        line.words = without_note_markers(line.words)
    return lines


def without_note_markers(words: list[dict]) -> list[dict]:
    """The words of one line (left to right) without the raised small numbers that point at a
    footnote: "In het programma Betaalbaar Wonen 2 is aangekondigd" read as a sentence about a
    second programme, and "beprijzen 23 ." broke the sentence. The note itself follows the page
    ("Noot 23: …", ingest.footnotes). Punctuation right after a marker joins the word before it."""
    kept: list[dict] = []
    skip = False
    for i, word in enumerate(words):
        if skip:
            skip = False
            continue
        if not (kept and is_note_marker(word, kept[-1])):
            kept.append(word)
            continue
        after = words[i + 1] if i + 1 < len(words) else None
        if after is not None and after["text"][:1] in ",.;:)" and after["x0"] - word["x1"] < COLUMN_GAP_EM * word["size"]:
            kept[-1] = {**kept[-1], "text": kept[-1]["text"] + after["text"], "x1": after["x1"]}
            skip = True
    return kept


def is_note_marker(word: dict, before: dict) -> bool:
    """Whether `word` is a raised small number after `before` on its line, and no power of a unit."""
    size, usual = word.get("size") or 0.0, before.get("size") or 0.0
    return (bool(NOTE_MARKER.fullmatch(word["text"])) and 0 < size <= NOTE_MARKER_SIZE * usual
            and word["bottom"] <= before["bottom"] - NOTE_MARKER_RAISE_EM * usual
            and not POWER_BASE.search(before["text"]))


def gutter(lines: list[Segment], width: float) -> float | None:
    """The x of the empty band between two text columns, or None for a page in one column.

    At a gutter, nearly every line that has words on both sides leaves it empty, and the
    left column's lines run close to it (a table's short cells do not).
    """
    cells = [line.cells() for line in lines]
    best, best_split = None, 0
    for x in range(int(GUTTER_RANGE[0] * width), int(GUTTER_RANGE[1] * width), 2):
        across = [c for c in cells if c[0][0] < x < c[-1][1]]
        split = [c for c in across if not any(x0 <= x <= x1 for x0, x1, _ in c)]
        if len(split) >= GUTTER_MIN_LINES and len(split) >= GUTTER_SHARE * len(across) and len(split) > best_split:
            best, best_split = x, len(split)
    if best is None:
        return None
    left = [max(x1 for x0, x1, _ in c if x1 < best) for c in cells if any(x1 < best for _, x1, _ in c)]
    start = min(line.x0 for line in lines)
    return best if statistics.median(left) - start >= COLUMN_FILL * (best - start) else None


def column_order(lines: list[Segment], tables: list[TableBlock], split_at: float | None) -> list[Segment | TableBlock]:
    """Lines and tables in reading order: down the page, and column by column where it has columns."""
    items: list[Segment | TableBlock] = []
    for line in lines:
        if split_at is None or line.x1 <= split_at or line.x0 >= split_at:
            items.append(line)
        else:
            crossing = any(w["x0"] < split_at < w["x1"] for w in line.words)
            left = [w for w in line.words if w["x1"] <= split_at]
            right = [w for w in line.words if w["x0"] >= split_at]
            items += [line] if crossing or not left or not right else [Segment(left), Segment(right)]
    items += tables
    items.sort(key=lambda item: item.top)
    if split_at is None:
        return items
    ordered: list[Segment | TableBlock] = []
    left_column: list[Segment | TableBlock] = []
    right_column: list[Segment | TableBlock] = []
    for item in items:
        if item.x1 <= split_at:
            left_column.append(item)
        elif item.x0 >= split_at:
            right_column.append(item)
        else:
            ordered += left_column + right_column + [item]
            left_column, right_column = [], []
    return ordered + left_column + right_column


def aligned_table(run: list[Segment]) -> TableBlock | None:
    """Lines whose cells line up under the fullest line's cells as a table, or None."""
    rows = [line.cells() for line in run]
    anchors = max(rows, key=len)
    grid = []
    for cells in rows:
        row: list[str | None] = [""] * len(anchors)
        for x0, x1, text in cells:
            column = next((i for i, (a0, a1, _) in enumerate(anchors) if x0 < a1 and x1 > a0), None)
            if column is None or row[column]:
                return None
            row[column] = text
        grid.append(row)
    header = [cell for cell in grid[0] if cell]
    if len(header) < 2 or not all(any(ch.isalpha() for ch in cell) for cell in header):
        return None
    if all(len(row[0] or "") <= LIST_MARKER_MAX_CHARS for row in grid):
        return None
    table = as_table(grid)
    if table is None:
        return None
    bottom = max(w["bottom"] for w in run[-1].words)
    return TableBlock(table, run[0].top, min(line.x0 for line in run), max(line.x1 for line in run), bottom)


def with_unruled_tables(items: list[Segment | TableBlock]) -> list[Segment | TableBlock]:
    """The items with every run of lines whose cells line up replaced by the table they make."""
    result: list[Segment | TableBlock] = []
    run: list[Segment] = []

    def close_run() -> None:
        table = aligned_table(run) if len(run) >= ALIGNED_MIN_ROWS else None
        result.extend([table] if table else run)
        run.clear()

    for item in items:
        # a label and its form field are no table row, however they line up
        gapped = isinstance(item, Segment) and len(item.cells()) >= 2 and not any(w.get("field") for w in item.words)
        near = run and isinstance(item, Segment) and item.top - run[-1].top <= ROW_GAP_EM * run[-1].size
        if gapped and (not run or near):
            run.append(item)  # type: ignore[arg-type]
            continue
        close_run()
        if gapped:
            run.append(item)  # type: ignore[arg-type]
        else:
            result.append(item)
    close_run()
    return result


def segment_line(segment: Segment) -> Line | None:
    """The segment as a Line with the size and weight of most of its characters."""
    text = clean_line(" ".join(w["text"] for w in segment.words))
    if not text:
        return None
    if any(w.get("field") for w in segment.words):
        return Line(text, row=True)
    weights: Counter[tuple[float, bool]] = Counter()
    for word in segment.words:
        if word["size"]:
            weights[round(float(word["size"]) * 2) / 2, is_bold(word["fontname"])] += len(word["text"])
    if not weights:
        return Line(text)
    sizes: Counter[float] = Counter()
    for (size, _), count in weights.items():
        sizes[size] += count
    bold = sum(count for (_, b), count in weights.items() if b)
    return Line(text, sizes.most_common(1)[0][0], bold >= 0.9 * sum(weights.values()), len(segment.cells()) > 1)


def ruled_tables(page: pdfplumber.page.Page) -> list[TableBlock]:
    """Tables drawn with rules, as pdfplumber finds them; grids that are no real table are left as text."""
    blocks = []
    for found in page.find_tables():
        table = as_table(found.extract())
        if table:
            x0, top, x1, bottom = found.bbox
            blocks.append(TableBlock(table, top, x0, x1, bottom))
    return blocks


def page_lines(page: pdfplumber.page.Page, find_tables: bool = True) -> list[Line]:
    """The page's lines in reading order, tables as row lines with their column names."""
    objects = lean_objects(page)
    # Only a page with drawn lines or boxes can hold a ruled table.
    tables = ruled_tables(page) if find_tables and len(objects) > 1 else []
    words = WORDS.extract_words(objects["char"]) + field_words(page)
    words = [w for w in words if not any(inside(w, table) for table in tables)]
    lines = visual_lines(words)
    items = column_order(lines, tables, gutter(lines, float(page.width)) if lines else None)
    if find_tables:
        items = with_unruled_tables(items)
    result: list[Line] = []
    for item in items:
        if isinstance(item, TableBlock):
            result += [Line(text, row=True) for text in table_lines(item.table)]
        else:
            line = segment_line(item)
            if line:
                result.append(line)
    return result


def inside(word: dict, table: TableBlock) -> bool:
    """True when the word's middle lies in the table's box."""
    x = (word["x0"] + word["x1"]) / 2
    y = (word["top"] + word["bottom"]) / 2
    return table.x0 <= x <= table.x1 and table.top <= y <= table.bottom
