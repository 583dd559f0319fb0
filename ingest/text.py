"""Plain-text loading and the line and paragraph conventions every format loader shares."""

from __future__ import annotations

import codecs
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from .errors import IngestError
from .metadata import Extraction
from .models import Page

# Typographic ligatures some PDF producers emit; search and sentence splitting need letters.
LIGATURES = str.maketrans({"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st"})
SPACES = re.compile(r"[\s\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
ZERO_WIDTH = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff]")
DOT_LEADER = re.compile(r"\s*(?:\.\s?){4,}\s*")  # "Inleiding ........ 4" in tables of contents

BULLET = re.compile(r"^[-*+•◦▪▫‣–—·●○■□➢➤►]\s+(?=\S)")
NUMBERED_ITEM = re.compile(r"^(?:\d{1,3}[.)]|[a-z][.)]|\([a-z0-9]{1,3}\))\s+(?=\S)")
HEADING = re.compile(r"^#{1,6} \S")
TABLE_ROW = re.compile(r"^\|.*\|$")
# A table row as ingest.tables writes it: "Huishoudtype: Gezin · Maximale huur (euro): 879".
# The first cell may go without a name when its column has none (the row labels of a comparison).
_NAMED_CELL = r"[^·\n]+?: [^·\n]*"
ROW_LINE = re.compile(
    rf"^(?:[^·:\n]+(?: · {_NAMED_CELL})+"  # a row label, then named cells
    rf"|{_NAMED_CELL}(?: · {_NAMED_CELL})+)$"  # named cells only
)

# Legal structure the chunker splits on: "Artikel 12", "ARTIKEL I", "§ 3", "Hoofdstuk 2 Wonen".
STRUCTURE = re.compile(
    r"^(?:(?:artikel|art\.|hoofdstuk|afdeling|paragraaf|titel|bijlage)\s+[0-9]+[a-z]?(?:\.[0-9]+)*|"
    r"(?:artikel|hoofdstuk|afdeling|paragraaf|titel|bijlage)\s+[IVXLC]+|§\s*[0-9]+[a-z]?(?:\.[0-9]+)*)"
    r"\.?(?P<rest>\s.*)?$",
    re.IGNORECASE,
)
STRUCTURE_MAX_CHARS = 80

# A line longer than this at the 90th percentile was not wrapped by hand: every newline ends a paragraph.
HARD_WRAP_MAX_CHARS = 100

SENTENCE_END = re.compile(r"[.!?:;][\"'”’»)]*(?:\s\d{1,2})?$")  # a footnote marker may follow
TEXT_KINDS = ("text", "item")  # blocks that absorb wrapped continuation lines


@dataclass
class Block:
    """One line of page text: "heading", "structure", "item", "row" or "text" (a paragraph)."""

    kind: str
    text: str


def decode_text(data: bytes) -> str:
    """Decode UTF-8 (with or without BOM) or UTF-16 with BOM, else Windows-1252 as Word exports it."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


MAX_BINARY_SHARE = 0.01  # of the characters of a typed text that may be control characters or undecodable


def decode_typed_text(data: bytes, path: Path) -> str:
    """`decode_text` for a file that should be typed text (Markdown, plain text). Raises IngestError for
    binary data under such a name: 4 kB of random bytes saved as virus.md was read in as a document
    "Virus" of 26 passages (helper-59). Typed text has next to no control characters (tabs, line and
    page breaks aside) and no bytes that decode to nothing."""
    text = decode_text(data)
    odd = sum(1 for c in text if c == "\ufffd" or (unicodedata.category(c) == "Cc" and c not in "\t\n\r\f\v"))
    if text and odd > MAX_BINARY_SHARE * len(text):
        raise IngestError(str(path), "het bestand bevat geen leesbare tekst maar binaire gegevens. Controleer of "
                                     f"het echt een {path.suffix or 'tekst'}-bestand is, sla het op als tekst (UTF-8) "
                                     "en voeg het dan toe.")
    return text


def clean_line(line: str) -> str:
    """One line with ligatures unfolded, dot leaders shortened and runs of spaces collapsed."""
    line = unicodedata.normalize("NFC", line).translate(LIGATURES)
    line = DOT_LEADER.sub(" … ", ZERO_WIDTH.sub("", line))
    return SPACES.sub(" ", line).strip()


def as_list_item(line: str) -> str | None:
    """The line as a list item ("- item" for bullets, numbering kept), or None if it is not one."""
    if BULLET.match(line):
        return "- " + BULLET.sub("", line, count=1)
    if NUMBERED_ITEM.match(line):
        return line
    return None


def is_structure_line(line: str) -> bool:
    """True for a legal heading line such as "Artikel 3", "ARTIKEL I" or "§ 2 Taakverdeling".

    A following title must start with a capital: "Artikel 3 van de wet ..." is running text.
    """
    match = STRUCTURE.match(line)
    if not match or len(line) > STRUCTURE_MAX_CHARS:
        return False
    rest = (match.group("rest") or "").strip(" .:–-")
    return not rest or (rest[0].isupper() and not rest.endswith((",", ";")))


def classify(line: str) -> Block:
    """The block a cleaned, non-empty line starts."""
    if HEADING.match(line):
        return Block("heading", line)
    if TABLE_ROW.match(line) or ROW_LINE.match(line):
        return Block("row", line)
    if is_structure_line(line):
        return Block("structure", line)
    item = as_list_item(line)
    if item is not None:
        return Block("item", item)
    return Block("text", line)


NOT_SPLIT_AFTER_HYPHEN = frozenset({"en", "of", "tot", "noch", "als", "dan", "and", "or"})
WORD = re.compile(r"\w+")
LAST_WORD_BEFORE_HYPHEN = re.compile(r"(\w+)-$")
HYPHENATED_WORD = re.compile(r"\b\w+(?:-\w+)+\b")


def hyphenated_words(lines: Iterable[str]) -> frozenset[str]:
    """Words written with a hyphen inside a line; a break at such a hyphen keeps it."""
    return frozenset(m.group(0).lower() for line in lines for m in HYPHENATED_WORD.finditer(line))


def join_wrapped(left: str, right: str, keep_hyphen: frozenset[str] = frozenset()) -> str:
    """Join a line to the next wrapped line, undoing hyphenation at the line break.

    "woning-" + "markt" gives "woningmarkt"; "Noord-" + "Brabant" and "2012-" + "2021" keep
    the hyphen; "zorg-" + "en welzijn" stays "zorg- en welzijn"; a hyphen the document writes
    elsewhere inside a line ("niet-stedelijke") is kept.
    """
    if left.endswith("\u00ad"):
        return left[:-1] + right
    if not left.endswith("-") or len(left) < 2 or left[-2].isspace():
        return f"{left} {right}"
    next_word = WORD.match(right)
    if not (left[-2].isalpha() and next_word and right[0].islower()):
        return left + right
    if next_word.group(0) in NOT_SPLIT_AFTER_HYPHEN:
        return f"{left} {right}"
    first_part = LAST_WORD_BEFORE_HYPHEN.search(left)
    if f"{first_part.group(1)}-{next_word.group(0)}".lower() in keep_hyphen:
        return left + right
    return left[:-1] + right


BreakRule = Callable[[str, str], bool]


def reflow(
    lines: Iterable[str | Block], starts_paragraph: BreakRule, join: Callable[[str, str], str] = join_wrapped
) -> list[Block]:
    """Blocks from raw lines: wrapped lines re-flowed into one-line paragraphs and list items.

    A blank line always ends a paragraph and a finished sentence ends a list item;
    `starts_paragraph(previous, line)` decides whether any other line that is not a heading,
    list item or table row starts a new paragraph anyway. A Block among the lines (a table
    row the loader recognised) is taken as it is and stands alone.
    """
    blocks: list[Block] = []
    previous = ""
    for raw in lines:
        if isinstance(raw, Block):
            blocks.append(raw)
            previous = ""
            continue
        line = clean_line(raw)
        if not line:
            previous = ""
            continue
        block = classify(line)
        open_block = blocks[-1] if blocks and previous and blocks[-1].kind in TEXT_KINDS else None
        if open_block and open_block.kind == "item" and SENTENCE_END.search(previous):
            open_block = None
        if block.kind == "text" and open_block and not starts_paragraph(previous, line):
            open_block.text = join(open_block.text, line)
        else:
            blocks.append(block)
        previous = line
    return blocks


def render(blocks: Iterable[Block]) -> str:
    """Page text: blocks separated by a blank line, consecutive list items and table rows by a newline."""
    parts: list[str] = []
    previous_kind = None
    for block in blocks:
        if parts:
            together = block.kind == previous_kind and block.kind in ("item", "row")
            parts.append("\n" if together else "\n\n")
        parts.append(block.text)
        previous_kind = block.kind
    return "".join(parts)


def newline_rule(lines: list[str]) -> BreakRule:
    """How a typed text marks paragraphs: blank lines when it is wrapped by hand, else every newline."""
    lengths = sorted(len(line.strip()) for line in lines if line.strip())
    if lengths and lengths[int(0.9 * (len(lengths) - 1))] > HARD_WRAP_MAX_CHARS:
        return lambda previous, line: True
    return lambda previous, line: False


def text_to_page_text(text: str) -> str:
    """Typed text (plain text or a Markdown body) as page text."""
    lines = text.splitlines()
    return render(reflow(lines, newline_rule(lines)))


def load_text(path: Path, data: bytes) -> Extraction:
    """A plain-text file as one page."""
    return Extraction(pages=[Page(number=None, text=text_to_page_text(decode_typed_text(data, path)))])
