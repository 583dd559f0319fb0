"""Structure-aware chunking: split on the document's own headings first, then on
paragraphs and sentences to a token budget, keeping pages, heading path and offsets."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass

from ingest.models import Chunk, Document
from ingest.tables import ROW_LINE

PATH_SEPARATOR = " › "

_MARKDOWN_HEADING = re.compile(r"^(#{1,6})\s*([^#\s].*?)\s*#*\s*$")
# Dutch legal and report structure, in the order of their nesting
_LEGAL_HEADINGS = [
    (1, re.compile(r"^(deel|boek)\s+[0-9IVXLC]+[a-z]?\b", re.I)),
    (2, re.compile(r"^(hoofdstuk|titel)\s+[0-9IVXLC]+[a-z]?(\.\d+)*\b", re.I)),
    (3, re.compile(r"^(afdeling|paragraaf|§)\s*[0-9IVXLC]+[a-z]?(\.\d+)*\b", re.I)),
    (4, re.compile(r"^artikel\s+[0-9IVXLC]+[a-z]?(\.\d+)*[a-z]?\b", re.I)),
    # the parts of an amending article ("Artikel II, onderdeel A") and of its explanation
    (5, re.compile(r"^(?i:onderde(el|len))\s+[A-Z]{1,3}\b")),
    (2, re.compile(r"^bijlage\s+[0-9IVXLC]+\b", re.I)),
]
# "Vraag 4" on a line of its own: the questions of Kamervragen, raadsvragen and a FAQ, each with its
# answer ("Antwoord 4") below it, so the passage keeps the question it answers
_NUMBERED_QUESTION = re.compile(r"^vraag\s+\d{1,3}[a-z]?$", re.I)
_QUESTION_LEVEL = 10  # as deep as an article: nothing in such a paper sits below its questions
# "2.3 Taakverdeling" (numbered report sections); a single "3 Taakverdeling" only when short
_NUMBERED_HEADING = re.compile(r"^(\d{1,2}(?:\.\d{1,2}){1,3})\.?\s+[A-ZÀ-Ý]")
_MAX_HEADING_CHARS = 90
# an article of an amending law ("ARTIKEL I", "Artikel Va"): what it inserts into another law
# ("HOOFDSTUK IIA", "6.2. Voorzieningen in de bad- of doucheruimte") sits inside it, not above the next
_AMENDING_ARTICLE = re.compile(r"^artikel\s+[IVXLC]+[a-z]?\b(?!,)", re.I)
# a table-of-contents line ("Bijlage 3 Begrippen … 33") names a heading but is not one
_CONTENTS_LINE = re.compile(r"(\.{3,}|…)\s*\d+$")
# "Artikel 12 van de Huisvestingswet ...", "Hoofdstuk 3 van de woonvisie gaat ...", "Artikel 12 lid 3
# onder c": a legal name followed by a lower-case word runs on as a sentence or a reference.
_LEGAL_NAME_IN_A_SENTENCE = re.compile(
    r"^(?:deel|boek|hoofdstuk|titel|afdeling|paragraaf|artikel|bijlage|§)\s*[0-9IVXLC]+[a-z]?(?:\.\d+)*[a-z]?[.:]?\s+\(?[a-zà-ÿ]",
    re.I,
)

# sentence ends followed by a capital, digit, quote or bracket: the boundary we never cut through
_SENTENCE_END = r"(?<=[.!?])\s+(?=[A-ZÀ-Ý0-9\"'“‘(\[])"


@dataclass
class _Section:
    path: list[str]
    start: int
    end: int


def heading_of(line: str) -> tuple[int, str, bool] | None:
    """The (level, title, is_legal) of a heading line, or None for ordinary text.

    Legal structure ("Hoofdstuk 2", "§ 3", "Artikel 12") gets its level from what it is,
    not from the number of #'s, because law texts converted to Markdown often put every
    one of them at the same level.
    """
    stripped = line.strip()
    markdown = _MARKDOWN_HEADING.match(stripped)
    name = " ".join((markdown.group(2) if markdown else stripped).split())
    if not name or len(name) > _MAX_HEADING_CHARS or _CONTENTS_LINE.search(name) or ROW_LINE.match(name):
        return None
    for level, pattern in _LEGAL_HEADINGS:
        if pattern.match(name) and (markdown or not (name.endswith((",", ";")) or _runs_on(name))):
            return level + 6, name.rstrip("."), True
    if markdown:
        return len(markdown.group(1)), name, False
    if name.endswith((".", ",", ";", ":")):
        return None
    if _NUMBERED_QUESTION.match(name):
        return _QUESTION_LEVEL, name, False
    numbered = _NUMBERED_HEADING.match(name)
    if numbered:
        return 6 + numbered.group(1).count(".") + 1, name, False
    return None


_ANNEX_TO = re.compile(r"^bijlage\s+\S+\s+(?:bij|behorende)\b", re.I)  # "Bijlage 1 bij artikel 3" is a heading


def _runs_on(name: str) -> bool:
    """True for a plain line that names a legal unit inside a sentence rather than as a heading.

    The word after the number decides, case-sensitively: "Artikel 12 van de ..." runs on,
    "Artikel 12 Urgentie" and "ARTIKEL I" are headings.
    """
    match = _LEGAL_NAME_IN_A_SENTENCE.match(name)
    return bool(match) and match.group(0)[-1].islower() and not _ANNEX_TO.match(name)


def split_sections(text: str, title: str | None = None) -> list[_Section]:
    """Cut the text at heading lines; each section carries the path of headings above it.

    A plain heading right under a legal one ("Hoofdstuk 1" then "Algemene bepalingen") is
    its name and joins it: "Hoofdstuk 1 Algemene bepalingen". The articles of an amending law
    ("ARTIKEL I", "ARTIKEL II") stand side by side under the same path, whatever headings the text
    they insert into another law brings along.
    """
    sections: list[_Section] = []
    stack: list[tuple[int, str]] = []
    amending_parent: list[tuple[int, str]] | None = None  # the path above the first such article
    body_start = 0
    offset = 0
    previous_legal = False
    for line in text.splitlines(keepends=True):
        heading = heading_of(line)
        if heading is not None:
            level, name, legal = heading
            body_is_empty = not text[body_start:offset].strip()
            if previous_legal and body_is_empty and not legal and stack:
                stack[-1] = (stack[-1][0], f"{stack[-1][1]} {name}")
            else:
                sections.append(_Section([t for _, t in stack], body_start, offset))
                while stack and stack[-1][0] >= level:
                    stack.pop()
                if legal and _AMENDING_ARTICLE.match(name):
                    if amending_parent is None:
                        amending_parent = list(stack)
                    stack = list(amending_parent)
                while stack and _passed_by(stack[-1][1], name):
                    stack.pop()
                if not (title and name.casefold() == title.casefold()):
                    stack.append((level, name))
                previous_legal = legal
            body_start = offset + len(line)
        offset += len(line)
    sections.append(_Section([t for _, t in stack], body_start, len(text)))
    return [s for s in sections if text[s.start : s.end].strip()]


def section_headings(text: str, title: str | None = None) -> list[tuple[str, str]]:
    """(heading, section) for each section of `text` that opens with a heading: the heading's name as
    `heading_of` reads it and the section path its passages carry (joined by PATH_SEPARATOR), in the
    order of the text. A page of the document gives the heading the id a citation of the section links
    to, which the Markdown's own heading levels do not say ("§ 2" and "####Criteria voor verlening …"
    are one heading of the path, above "Artikel 14")."""
    found = []
    for section in split_sections(text, title):
        line_start = text.rfind("\n", 0, max(0, section.start - 1)) + 1
        heading = heading_of(text[line_start : section.start]) if section.start else None
        if heading:
            found.append((heading[1], PATH_SEPARATOR.join(section.path)))
    return found


def _passed_by(above: str, heading: str) -> bool:
    """Whether the numbered heading `above` cannot hold the numbered `heading` because the text has
    passed it: "2.12.1 Voorwaarden zorgwoning" after "2.11 Rubriek 11", whose "2.12" the PDF did not
    set as a heading. A lower number ("2.13.4" under "2.14") is the document's own slip, and stays
    where it stands."""
    number, parent = _section_number(heading), _section_number(above)
    if not number or not parent or len(parent) >= len(number):
        return False
    return parent < number[:len(parent)]


def _section_number(name: str) -> tuple[int, ...] | None:
    numbered = _NUMBERED_HEADING.match(name)
    return tuple(int(part) for part in numbered.group(1).split(".")) if numbered else None


def document_heading(text: str, title: str | None = None) -> str | None:
    """The headings every section of `text` sits under (joined by PATH_SEPARATOR), when it has
    sections below them: a Staatsblad masthead ("Staatsblad van het Koninkrijk der Nederlanden"), a
    law's preamble ("Wet van 29 augustus 1991 tot herziening van de Woningwet"), a PDF's title, or
    the Tweede Kamer's masthead with the paper's own ("Tweede Kamer der Staten-Generaal ›
    Vergaderjaar 2023–2024 Aanhangsel van de Handelingen", above every "Vraag 4"). They name the
    document, not a passage's place in it, so a citation need not repeat them; None when the sections
    differ at the top. A chapter or article of law is a place in the law, and ends them."""
    paths = [s.path for s in split_sections(text, title)]
    if not paths:
        return None
    shared: list[str] = []
    for level in range(min(len(path) for path in paths)):
        names = {path[level] for path in paths}
        # "Hoofdstuk 2 Urgentie" over an excerpt of a verordening is a place in it, worth citing
        if len(names) != 1 or any(pattern.match(next(iter(names))) for _, pattern in _LEGAL_HEADINGS):
            break
        shared.append(names.pop())
    # under them, sections of their own: one heading over the whole text may be all there is to say of a place
    while shared and not any(len(path) > len(shared) for path in paths):
        shared.pop()
    return PATH_SEPARATOR.join(shared) or None


def shown_path(section: str | None, *headings: str | None) -> str:
    """`section` without the first of `headings` it opens with (any case): a citation need not repeat
    the document's title or `document_heading` before the place of a passage ("Woningwet · Wet van 29
    augustus 1991 tot herziening van de Woningwet › Artikel 1" reads "Woningwet · Artikel 1")."""
    section = section or ""
    for heading in headings:
        if heading and (section.casefold() == heading.casefold()
                        or section.casefold().startswith(f"{heading}{PATH_SEPARATOR}".casefold())):
            return section[len(heading) + len(PATH_SEPARATOR):]
    return section


class Chunker:
    """Splits documents into chunks of at most `max_tokens` tokens of the embedder."""

    def __init__(self, count_tokens: Callable[[str], int], max_tokens: int = 220, overlap: int = 40):
        self.max_tokens = max_tokens
        # imported here: listing, removing and skipping unchanged files read section paths, not text to cut
        from langchain_text_splitters import RecursiveCharacterTextSplitter

        self._splitter = RecursiveCharacterTextSplitter(
            separators=[r"\n\s*\n", r"\n", _SENTENCE_END, r";\s+", r",\s+", r"\s+"],
            is_separator_regex=True,
            keep_separator="end",
            chunk_size=max_tokens,
            chunk_overlap=overlap,
            length_function=count_tokens,
            strip_whitespace=True,
        )

    def chunk(self, document: Document) -> list[Chunk]:
        text = document.text
        page_starts, page_numbers = _page_offsets(document)
        chunks: list[Chunk] = []
        for section in split_sections(text, document.metadata.title):
            body = text[section.start : section.end]
            cursor = 0
            for piece in self._splitter.split_text(body):
                found = body.find(piece, cursor)
                if found < 0:  # the splitter normalised whitespace; fall back to the nearest place
                    found = max(0, min(cursor, len(body) - len(piece)))
                start, end = section.start + found, section.start + found + len(piece)
                # the next piece overlaps this one, so search from this piece's start
                cursor = found + 1
                chunks.append(
                    Chunk(
                        doc_id=document.doc_id,
                        ordinal=len(chunks),
                        text=piece,
                        char_start=start,
                        char_end=end,
                        page_start=_page_at(start, page_starts, page_numbers),
                        page_end=_page_at(max(start, end - 1), page_starts, page_numbers),
                        section=PATH_SEPARATOR.join(section.path) or None,
                    )
                )
        return chunks


def _page_offsets(document: Document) -> tuple[list[int], list[int | None]]:
    starts, numbers, offset = [], [], 0
    for page in document.pages:
        starts.append(offset)
        numbers.append(page.number)
        offset += len(page.text) + len(Document.PAGE_SEPARATOR)
    return starts, numbers


def _page_at(offset: int, starts: list[int], numbers: list[int | None]) -> int | None:
    return numbers[max(0, bisect.bisect_right(starts, offset) - 1)] if numbers else None
