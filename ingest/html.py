"""HTML loading with BeautifulSoup: the main text and headings, without navigation and page chrome.

A table of data becomes rows that keep their column names; a table used for layout (its
cells hold headings, paragraphs or other tables) is read cell by cell as ordinary content,
so a table inside a table comes out once, with its own rows.
"""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup, NavigableString, Tag
from bs4.element import PreformattedString

from .metadata import Extraction
from .models import Page
from .tables import as_table, table_lines
from .text import Block, clean_line, decode_typed_text, render

CHROME_TAGS = ["head", "title", "script", "style", "nav", "header", "footer", "aside", "form", "noscript", "template", "iframe", "svg"]
CHROME_ROLES = ["navigation", "banner", "contentinfo", "search"]
HEADING_TAGS = {f"h{level}": level for level in range(1, 7)}
LIST_TAGS = {"ul", "ol"}
# Elements that break the text flow; everything else (a, span, strong, ...) is inline.
BLOCK_TAGS = [
    *HEADING_TAGS, *LIST_TAGS, "li", "p", "div", "section", "article", "main", "body", "table", "tr",
    "blockquote", "pre", "dl", "dt", "dd", "figure", "figcaption", "address", "details", "summary",
    "hr", "caption", "fieldset",
]


def remove_chrome(soup: BeautifulSoup) -> None:
    """Drop scripts, navigation, headers, footers and other page furniture in place."""
    for element in soup.find_all(CHROME_TAGS):
        element.decompose()
    for element in soup.find_all(attrs={"role": CHROME_ROLES}):
        element.decompose()
    for element in soup.find_all(hidden=True):
        element.decompose()
    for br in soup.find_all("br"):
        br.replace_with(" ")


def content_root(soup: BeautifulSoup) -> Tag:
    """The element that holds the content: <main>, else <article>, else the body."""
    return soup.find("main") or soup.find("article") or soup.body or soup


def inline_text(element: Tag | NavigableString) -> str:
    """Text of an inline run; markup inside words ("<b>wo</b>ning") must not add spaces."""
    if isinstance(element, PreformattedString):  # comments, doctype, CDATA
        return ""
    if isinstance(element, NavigableString):
        return str(element)
    return "".join(inline_text(child) for child in element.children)


def is_block(element: object) -> bool:
    """True for an element that starts its own block or holds one."""
    return isinstance(element, Tag) and (element.name in BLOCK_TAGS or element.find(BLOCK_TAGS) is not None)


def list_item_blocks(item: Tag) -> list[Block]:
    """A <li> as "- text", followed by the items of any list nested in it."""
    own = clean_line("".join(inline_text(child) for child in item.children if not (isinstance(child, Tag) and child.name in LIST_TAGS)))
    blocks = [Block("item", "- " + own)] if own else []
    for nested in item.find_all(LIST_TAGS, recursive=False):
        blocks.extend(html_blocks(nested))
    return blocks


LAYOUT_CONTENT = [*HEADING_TAGS, *LIST_TAGS, "p", "div", "table", "blockquote", "pre", "dl", "section", "article"]


def own_rows(table: Tag) -> list[Tag]:
    """The table's rows, not those of a table nested in one of its cells."""
    return [row for row in table.find_all("tr") if row.find_parent("table") is table]


def own_cells(row: Tag) -> list[Tag]:
    return row.find_all(["td", "th"], recursive=False)


def is_layout_table(table: Tag) -> bool:
    """True for a table that lays out content: a cell holds headings, paragraphs or a table."""
    return any(cell.find(LAYOUT_CONTENT) is not None for row in own_rows(table) for cell in own_cells(row))


def table_blocks(table: Tag) -> list[Block]:
    """A data table as row blocks with column names; a layout table as the content of its cells."""
    if is_layout_table(table):
        return [block for row in own_rows(table) for cell in own_cells(row) for block in html_blocks(cell)]
    grid = []
    for row in own_rows(table):
        cells = []
        for cell in own_cells(row):
            span = int(cell.get("colspan", 1)) if str(cell.get("colspan", 1)).isdigit() else 1
            cells += [clean_line(inline_text(cell))] * max(1, min(span, 50))
        grid.append(cells)
    found = as_table(grid)
    if found:
        return [Block("row", line) for line in table_lines(found)]
    return [Block("text", cell) for row in grid for cell in dict.fromkeys(row) if cell]


def html_blocks(element: Tag) -> list[Block]:
    """Blocks of an element's content in document order."""
    if element.name in HEADING_TAGS:
        text = clean_line(inline_text(element))
        return [Block("heading", "#" * HEADING_TAGS[element.name] + " " + text)] if text else []
    if element.name == "li":
        return list_item_blocks(element)
    if element.name == "table":
        return table_blocks(element)
    blocks: list[Block] = []
    run: list[str] = []

    def close_run() -> None:
        text = clean_line("".join(run))
        if text:
            blocks.append(Block("text", text))
        run.clear()

    for child in element.children:
        if is_block(child):
            close_run()
            blocks.extend(html_blocks(child))
        else:
            run.append(inline_text(child))
    close_run()
    return blocks


def load_html(path: Path, data: bytes) -> Extraction:
    """An HTML page as one page of text; its <title> is offered as the format's title. Raises
    IngestError for binary data under an HTML name (`decode_typed_text`); the parser reads the
    bytes itself, by the charset the page declares."""
    decode_typed_text(data, path)
    soup = BeautifulSoup(data, "html.parser")
    title = clean_line(soup.title.get_text()) if soup.title else None
    remove_chrome(soup)
    return Extraction(pages=[Page(number=None, text=render(html_blocks(content_root(soup))))], title=title)
