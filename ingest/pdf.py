"""PDF loading: text per page without running headers, footers and page numbers.

pypdf checks the file (damage, passwords) and gives its title; pdfplumber reads the words
with their positions and type (pdf_layout), so columns, form fields and tables come out in
reading order. Headings are found by the type they are set in: a short line set clearly
larger than the body text, or in bold at body size, becomes a Markdown heading line ("## Regionaal", "### Taken van de regio") that the paragraph
reflow leaves alone; after the running headers and footers are gone, so those never count.
A PDF set in one size keeps its lines as they are, so legal structure ("Artikel 12") is still left to the chunker.
"""

from __future__ import annotations

import io
import math
import re
from collections import Counter
from dataclasses import dataclass, replace
from functools import partial, reduce
from itertools import groupby
from pathlib import Path

import pdfplumber
from pypdf import PdfReader
from pypdf.errors import DependencyError

from .errors import IngestError
from .footnotes import PageNotes, split_footnotes
from .metadata import Extraction, plausible_title
from .models import Page
from .pdf_layout import Line, page_lines
from .text import (
    BULLET,
    SENTENCE_END,
    Block,
    BreakRule,
    as_list_item,
    hyphenated_words,
    join_wrapped,
    reflow,
    render,
)

MARGIN_LINES = 3  # lines at the top and at the bottom of a page where headers and footers live
REPEAT_SHARE = 0.3  # a margin line on at least this share of the pages (and on two) is running text
PARTIAL_REPEAT_MIN_CHARS = 12  # shorter repeats are not stripped from the end of a longer line
SHORT_LINE_SHARE = 0.7  # a line shorter than this share of the usual line width ends before the margin

HEADING_SIZE_RATIO = 1.15  # type this much larger than the body text is display type
HEADING_MAX_WORDS = 12
# Levels start at "##": the first "# " line is taken for the document title, and the largest
# type is not reliably the title ("Inhoudsopgave", "Tweede Kamer der Staten-Generaal").
TOP_HEADING_LEVEL = 2
HEADING_LEVELS = 3  # "##" to "####"; smaller display sizes share the deepest level
BOLD_SHARE = 0.9  # a line is bold when nearly all of it is; a bold lead-in does not make a heading
EMPHASIS = 0.0  # the heading size that stands for bold text at body size
SUBJECT_MIN_WORDS = 4  # a /Subject this long names the document; a shorter is a kind ("Regelgeving (samenvatting)")

# "Pagina 3 van 12", "blz. 4", "3/12": a page number by its wording, anywhere in the margins.
LABELLED_PAGE_NUMBER = re.compile(
    r"^(?:pagina|page|blz\.?|p\.)\s*\d{1,4}(?:\s*(?:van|of|/)\s*\d{1,4})?$|^\d{1,4}\s*(?:/|van)\s*\d{1,4}$",
    re.IGNORECASE,
)
# "12", "- 12 -": a page number only when it is the page's first or last line and follows the pages.
BARE_NUMBER = re.compile(r"^(?:[-–—]\s*)?(\d{1,4})(?:\s*[-–—])?$")
DAMAGED = "de PDF is beschadigd of onleesbaar. Exporteer hem opnieuw als PDF en voeg hem dan toe."
CONTENTS_ENTRY = re.compile(r"…\s*\d+$")  # a table-of-contents line, after its dot leader was shortened
CONTENTS_HEADING = re.compile(r"(?:…|\.\.)\s*\d+$")  # a contents entry in display type, also with a short leader
FIRST_WORD = re.compile(r"(\S+)\s*(.*)", re.DOTALL)
# Words a title or heading does not end with; a short line ending in one wraps into the next line.
CONTINUING_WORDS = frozenset(
    "de het een van en of in op aan bij met voor door tot om te als dan die dat naar over uit onder "
    "zijn is wordt worden the and".split()
)
# Words no heading ends with. Prepositions are left out: Dutch headings end in a separable
# particle ("Stap 3: Richt de procesorganisatie in", "Stap 2: Haal bestuurlijk commitment op").
HEADING_NEVER_ENDS_WITH = frozenset("de het een en of te the a an and or".split())
CAPTION = re.compile(r"^(?:figuur|tabel|grafiek|kaart|schema|figure|table)\s+\d", re.IGNORECASE)
# Headings the chunker ranks by their wording, as it matches them: "ARTIKEL Va", "Hoofdstuk 2 – …", "4.1 Motieven".
LEGAL_HEADING = re.compile(
    r"^(?:(?:deel|boek|hoofdstuk|titel|afdeling|paragraaf|artikel|bijlage)\s+[0-9IVXLC]+[a-z]?\b|§\s*[0-9IVXLC])",
    re.IGNORECASE,
)
NUMBERED_SECTION = re.compile(r"^\d{1,2}(?:\.\d{1,2}){1,3}\.?\s+[A-ZÀ-Ý]")


@dataclass(frozen=True)
class Heading:
    """A heading found by its type; `size` is EMPHASIS for bold text at body size."""

    text: str
    size: float


def open_pdf(path: Path, data: bytes) -> PdfReader:
    """A readable PdfReader; the empty password is tried for PDFs that are only edit-protected."""
    try:
        reader = PdfReader(io.BytesIO(data))
    except Exception as exc:  # pypdf raises many error types on damaged files
        raise IngestError(str(path), DAMAGED) from exc
    if reader.is_encrypted:
        try:
            unlocked = reader.decrypt("")
        except DependencyError as exc:
            raise IngestError(
                str(path),
                "de PDF is versleuteld en kan zonder het pakket 'cryptography' niet worden geopend. "
                "Sla de PDF op zonder beveiliging of vraag de beheerder dat pakket te installeren.",
            ) from exc
        if not unlocked:
            raise IngestError(
                str(path),
                "de PDF is beveiligd met een wachtwoord. Sla hem op zonder wachtwoord en voeg hem dan opnieuw toe.",
            )
    return reader


def read_pages(path: Path, data: bytes) -> list[list[Line]]:
    """The cleaned, non-empty lines of every page in reading order, tables as row lines."""
    pages = []
    try:
        pdf = pdfplumber.open(io.BytesIO(data))
    except Exception as exc:  # pdfminer raises many error types on damaged files
        raise IngestError(str(path), DAMAGED) from exc
    with pdf:
        for number, page in enumerate(pdf.pages, start=1):
            try:
                pages.append(page_lines(page))
            except Exception as exc:  # a damaged content stream fails in many ways
                raise IngestError(
                    str(path), f"pagina {number} van de PDF is beschadigd. Exporteer hem opnieuw als PDF en voeg hem dan toe."
                ) from exc
            page.close()  # drop the page's parsed objects: long PDFs otherwise hold them all
    return pages


def margin_indexes(lines: list[Line]) -> set[int]:
    """Indexes of the text lines at the top and bottom of a page; table rows are never margin text."""
    text = [i for i, line in enumerate(lines) if not line.row]
    return set(text[:MARGIN_LINES]) | set(text[-MARGIN_LINES:])


def digits_masked(line: str) -> str:
    """The line with every number replaced by "#", so "PBL | 8" and "PBL | 12" compare equal."""
    return re.sub(r"\d+", "#", line)


def running_lines(pages: list[list[Line]]) -> set[str]:
    """Digit-masked margin lines that repeat on a good share of the pages: headers and footers.

    A line that turns up as often in the body is content ("Vraag 3" opening two pages of
    parliamentary questions), not a header.
    """
    in_margins: Counter[str] = Counter()
    in_body: Counter[str] = Counter()
    for lines in pages:
        margins = margin_indexes(lines)
        in_margins.update({digits_masked(lines[i].text) for i in margins})
        in_body.update(digits_masked(line.text) for i, line in enumerate(lines) if i not in margins and not line.row)
    needed = max(2, math.ceil(REPEAT_SHARE * len(pages)))
    return {line for line, count in in_margins.items() if count >= needed and in_body[line] * 2 < count}


def run_together_patterns(running: set[str]) -> list[re.Pattern[str]]:
    """Patterns for a header or footer run together with other text on one line.

    A colophon line such as "’s-Gravenhage 2024 Staatsblad 2024 197 2" ends with the footer
    that stands alone on the other pages.
    """
    patterns = []
    for repeat in running:
        if len(repeat) >= PARTIAL_REPEAT_MIN_CHARS:
            body = re.escape(repeat).replace(r"\#", r"\d+")
            patterns += [re.compile(rf"\s{body}$"), re.compile(rf"^{body}\s")]
    return patterns


def without_running_text(line: str, running: set[str], run_together: list[re.Pattern[str]]) -> str:
    """A margin line minus any header, footer or labelled page number in it."""
    if digits_masked(line) in running or LABELLED_PAGE_NUMBER.match(line):
        return ""
    for pattern in run_together:
        line = pattern.sub("", line).strip()
    return line


def outer_numbers(lines: list[Line]) -> dict[int, int]:
    """Bare numbers on the first and last text line of a page, by line index."""
    text = [i for i, line in enumerate(lines) if not line.row]
    numbers = {}
    for i in {text[0], text[-1]} if text else set():
        match = BARE_NUMBER.match(lines[i].text)
        if match:
            numbers[i] = int(match.group(1))
    return numbers


def page_number_lines(pages: list[list[Line]]) -> list[set[int]]:
    """Per page, the indexes of the lines that are its page number.

    A bare number counts only as the first or last line of a page, and in a document of more
    pages only when it follows the page order (the same distance to the page's position on two
    pages or more). So a table's last figure or a Staatsblad number is never taken for one.
    """
    numbers = [outer_numbers(lines) for lines in pages]
    if len(pages) == 1:
        return [set(numbers[0])]
    offsets = Counter(value - n for n, found in enumerate(numbers, start=1) for value in found.values())
    steady = {offset for offset, count in offsets.items() if count >= 2}
    return [{i for i, value in found.items() if value - n in steady} for n, found in enumerate(numbers, start=1)]


def strip_running_text(pages: list[list[Line]]) -> list[list[Line]]:
    """Pages without repeated headers and footers and without their page numbers.

    Table rows are kept whole wherever they stand.
    """
    running = running_lines(pages) if len(pages) > 1 else set()
    run_together = run_together_patterns(running)
    stripped = []
    for lines in pages:
        margins = margin_indexes(lines)
        kept = (
            replace(line, text=without_running_text(line.text, running, run_together)) if i in margins else line
            for i, line in enumerate(lines)
        )
        stripped.append([line for line in kept if line.text])
    return [
        [line for i, line in enumerate(lines) if i not in numbers]
        for lines, numbers in zip(stripped, page_number_lines(stripped))
    ]


def body_type(pages: list[list[Line]]) -> tuple[float, bool] | None:
    """The size and weight most of the text is set in, counted in characters; None if unknown."""
    counts: Counter[tuple[float, bool]] = Counter()
    for lines in pages:
        for line in lines:
            if line.size:
                counts[line.size, line.bold] += len(line.text)
    return counts.most_common(1)[0][0] if counts else None


def heading_size(line: Line, body: tuple[float, bool]) -> float | None:
    """The size a heading in this line's type ranks by, or None for text in an ordinary type.

    Clearly larger type ranks by its size; bold type at body size is EMPHASIS, unless the body
    is bold itself or the line has table-cell gaps (a bold table header row).
    """
    body_size, body_bold = body
    if line.row:
        return None
    if line.size >= HEADING_SIZE_RATIO * body_size:
        return line.size
    if line.bold and not body_bold and line.size >= body_size and not line.columns:
        return EMPHASIS
    return None


def reads_as_heading(text: str, emphasis: bool) -> bool:
    """Short, opening like a title and not stopping or running on like a sentence.

    Captions ("Figuur 4.1"), contents entries and bullets are set in display type too; a bold
    numbered list item at body size is a list item.
    """
    first = next((ch for ch in text if ch.isalnum()), "")
    if len(text.split()) > HEADING_MAX_WORDS or not any(ch.isalpha() for ch in text):
        return False
    if text.endswith((".", ",", ";", ":", "-")) or text.rsplit(" ", 1)[-1].lower() in HEADING_NEVER_ENDS_WITH:
        return False
    if CAPTION.match(text) or CONTENTS_HEADING.search(text) or BULLET.match(text):
        return False
    if emphasis and as_list_item(text) is not None:
        return False
    return first.isupper() or first.isdigit()


def as_heading(lines: list[Line], size: float | None) -> Heading | None:
    """The heading that consecutive lines in one type make, or None.

    Larger type may wrap over lines; bold body text must be a single line, as consecutive
    bold lines are a bold paragraph or the cells of a table header.
    """
    if size is None or (size == EMPHASIS and len(lines) > 1):
        return None
    text = reduce(join_wrapped, (line.text for line in lines))
    return Heading(text, size) if reads_as_heading(text, size == EMPHASIS) else None


def page_items(lines: list[Line], body: tuple[float, bool]) -> list[Line | Heading]:
    """The page's lines with every heading, its wrapped lines joined, in place of its lines."""
    items: list[Line | Heading] = []
    for (size, _, _), group in groupby(lines, key=lambda line: (heading_size(line, body), line.size, line.bold)):
        group = list(group)
        heading = as_heading(group, size)
        if heading:
            items.append(heading)
        else:
            items.extend(group)
    return items


def with_opening_title(items: list[Line | Heading]) -> list[Line | Heading]:
    """The first page's items with its first line as a heading when it reads as one and a line that
    starts anew follows, though it is set in the body type: "Convenant doorstroom maatschappelijke
    opvang regio Voorbeeldland" ran into the first sentence of the covenant, which alone names the
    region (helper-65). Further down the page such a line is as often the first line of a paragraph."""
    if len(items) < 2 or not all(isinstance(item, Line) and not item.row for item in items[:2]):
        return items
    title, first = items[0], items[1]
    last = title.text.rsplit(" ", 1)[-1].lower()
    if not (reads_as_heading(title.text, False) and last not in CONTINUING_WORDS and first.text[:1].isupper()):
        return items
    return [Heading(title.text, EMPHASIS), *items[1:]]


def recurring_emphasis(pages: list[list[Line]], body: tuple[float, bool]) -> set[str]:
    """Digit-masked bold body-size lines that occur more than once: labels such as "VOORBEELD 1"
    and table header rows repeated on every page of a table, not section headings."""
    counts = Counter(
        digits_masked(line.text) for lines in pages for line in lines if heading_size(line, body) == EMPHASIS
    )
    return {text for text, count in counts.items() if count > 1}


def heading_ranks(pages: list[list[Line | Heading]]) -> dict[float, int]:
    """Rank 1 for the largest heading type, 2 for the next, and bold body text below them all."""
    sizes = {item.size for items in pages for item in items if isinstance(item, Heading)} - {EMPHASIS}
    ranks = {size: rank for rank, size in enumerate(sorted(sizes, reverse=True), start=1)}
    ranks[EMPHASIS] = len(sizes) + 1
    return ranks


def heading_marks(rank: int) -> str:
    """The Markdown marks for a heading of this rank: "##" for the largest type, at most "####"."""
    return "#" * (TOP_HEADING_LEVEL - 1 + min(rank, HEADING_LEVELS))


def ranked_by_wording(text: str) -> bool:
    """True for headings the chunker ranks by their wording: "Artikel 3", "4.1 Motieven"."""
    return bool(LEGAL_HEADING.match(text) or NUMBERED_SECTION.match(text))


def line_item(line: Line) -> str | Block:
    """A table row as a row block the reflow leaves alone, any other line as its text."""
    return Block("row", line.text) if line.row else line.text


def with_headings(pages: list[list[Line | Heading]], labels: set[str]) -> list[list[str | Block]]:
    """Page lines with headings as Markdown heading lines, set apart by blank lines.

    The blank lines keep every heading out of the reflow's paragraphs. A heading ranked by its
    wording stays plain text, so the chunker gives it its legal or numbered level. The chunker
    puts those below every Markdown heading, so only headings in larger type than all of them
    become Markdown; the rest stay plain, or a bold "Slotopmerking" would hold every later
    "ARTIKEL II" and a bold subheading would close "4.1 …". Bold `labels` stay plain too.
    """
    ranks = heading_ranks(pages)
    headings = [item for items in pages for item in items if isinstance(item, Heading)]
    markdown_above = min((ranks[h.size] for h in headings if ranked_by_wording(h.text)), default=len(ranks) + 1)
    texts = []
    for items in pages:
        lines: list[str | Block] = []
        for item in items:
            if isinstance(item, Line):
                lines.append(line_item(item))
                continue
            rank = ranks[item.size]
            plain = rank >= markdown_above or ranked_by_wording(item.text) or digits_masked(item.text) in labels
            lines += ["", item.text if plain else f"{heading_marks(rank)} {item.text}", ""]
        texts.append(lines)
    return texts


def page_texts_with_headings(pages: list[list[Line]]) -> list[list[str | Block]]:
    """The text lines of every page, with headings marked when the document has display type."""
    body = body_type(pages)
    if body is None:
        return [[line_item(line) for line in lines] for lines in pages]
    items = [page_items(lines, body) for lines in pages]
    if items:
        items[0] = with_opening_title(items[0])
    return with_headings(items, recurring_emphasis(pages, body))


def usual_line_width(pages: list[list[Line]]) -> int:
    """The length of a full body line, taken over the whole document so short pages do not skew it."""
    lengths = sorted(len(line.text) for lines in pages for line in lines if not line.row)
    return lengths[int(0.8 * (len(lengths) - 1))] if lengths else 0


def layout_rule(width: int) -> BreakRule:
    """Where a paragraph ends in laid-out text that has no blank lines between paragraphs.

    A line that stops well before the margin ends its paragraph, unless it stops mid-sentence
    ("... van het" / "Burgerlijk Wetboek"); a short line after a finished sentence stands alone
    ("Vraag 1", "Ruimtelijke patronen"); table-of-contents entries stand alone.
    """
    def is_short(line: str) -> bool:
        return len(line) < SHORT_LINE_SHARE * width

    def starts_anew(line: str) -> bool:
        return line[0].isupper() or line[0].isdigit()

    def stops_mid_sentence(line: str) -> bool:
        return line.endswith((",", "-")) or line.rsplit(" ", 1)[-1].lower() in CONTINUING_WORDS

    def starts_paragraph(previous: str, line: str) -> bool:
        if CONTENTS_ENTRY.search(previous) or CONTENTS_ENTRY.search(line):
            return True
        if is_short(previous) and (SENTENCE_END.search(previous) or (starts_anew(line) and not stops_mid_sentence(previous))):
            return True
        return bool(SENTENCE_END.search(previous)) and is_short(line) and starts_anew(line)

    return starts_paragraph


def mend_words_across_pages(texts: list[str], keep_hyphen: frozenset[str]) -> list[str]:
    """Join a word hyphenated at the end of one page with its rest at the top of the next."""
    texts = list(texts)
    for i in range(len(texts) - 1):
        head, _, last_line = texts[i].rpartition("\n")
        next_start = FIRST_WORD.match(texts[i + 1])
        if re.search(r"[^\W\d_]-$", last_line) and next_start and next_start.group(1)[:1].islower():
            joined = join_wrapped(last_line, next_start.group(1), keep_hyphen)
            texts[i] = f"{head}\n{joined}" if head else joined
            texts[i + 1] = next_start.group(2)
    return texts


SENTENCE_BREAK = re.compile(r"(?<=[.!?;])[\"'”’»)]*\s+(?=[A-ZÀ-Ý\"“‘(])")


def mend_sentences_across_pages(texts: list[str]) -> list[str]:
    """Join a sentence that runs on from the foot of one page to the top of the next: the rest of
    the sentence, when the next page goes on in lower case after a line that did not end, moves
    up to the page it started on ("… een individuele" / "persoonsalarmering …"; pages are joined
    by a blank line, which would cut the sentence, or a list item, in two)."""
    texts = list(texts)
    for i in range(len(texts) - 1):
        last_line = texts[i].rstrip().rpartition("\n")[2]
        rest = texts[i + 1].lstrip()
        if not last_line or not rest[:1].islower() or last_line.startswith("#") or SENTENCE_END.search(last_line):
            continue
        first, _, after = rest.partition("\n")
        ends = SENTENCE_BREAK.search(first)  # the rest of the paragraph is read on the page it stands on
        moved, kept = (first[:ends.start()], first[ends.end():]) if ends else (first, "")
        texts[i] = f"{texts[i].rstrip()} {moved}"
        texts[i + 1] = f"{kept}\n{after}" if kept else after.lstrip("\n")
    return texts


def with_notes(texts: list[str], notes: list[list[str]]) -> list[str]:
    """Each page's text with its footnotes ("Noot 13: …", `footnotes.split_footnotes`) as
    paragraphs after it; or, when its list goes on at the top of the next page, where that list
    ends, so the notes do not cut the list in two (`assistant.sentences.units` reads items
    across a blank line, not across a note)."""
    texts = list(texts)
    for i, page_notes in enumerate(notes):
        if not page_notes:
            continue
        block = "\n\n".join(page_notes)
        following = texts[i + 1] if i + 1 < len(texts) else ""
        if as_list_item(following.lstrip().partition("\n")[0]) is None:
            texts[i] = f"{texts[i].rstrip()}\n\n{block}" if texts[i].strip() else block
            continue
        paragraphs = following.split("\n\n")
        after_list = next((n for n, paragraph in enumerate(paragraphs)
                           if n and as_list_item(paragraph.lstrip().partition("\n")[0]) is None), len(paragraphs))
        texts[i + 1] = "\n\n".join([*paragraphs[:after_list], block, *paragraphs[after_list:]])
    return texts


def load_pdf(path: Path, data: bytes) -> Extraction:
    """A PDF as one page of cleaned text per PDF page."""
    reader = open_pdf(path, data)
    pages = strip_running_text(read_pages(path, data))
    # A scan may still carry a stamped page number, so look for words only after stripping those.
    if not any(ch.isalpha() for lines in pages for line in lines for ch in line.text):
        if b"%%EOF" not in data[-2048:]:
            raise IngestError(str(path), DAMAGED)  # cut off (an upload or copy that stopped half-way), not a scan
        raise IngestError(
            str(path),
            "geen tekst gevonden: de PDF lijkt gescand. Laat er eerst tekstherkenning (OCR) op los "
            "en voeg hem dan opnieuw toe.",
        )
    keep_hyphen = hyphenated_words(line.text for lines in pages for line in lines)
    body = body_type(pages)
    paged = split_footnotes(pages, body[0]) if body else [PageNotes(lines, []) for lines in pages]
    pages = [page.lines for page in paged]
    rule = layout_rule(usual_line_width(pages))
    join = partial(join_wrapped, keep_hyphen=keep_hyphen)
    texts = [render(reflow(lines, rule, join)) for lines in page_texts_with_headings(pages)]
    texts = mend_sentences_across_pages(mend_words_across_pages(texts, keep_hyphen))
    texts = with_notes(texts, [page.notes for page in paged])
    return Extraction(
        pages=[Page(number=n, text=text) for n, text in enumerate(texts, start=1)],
        title=pdf_title(reader),
    )


def pdf_title(reader: PdfReader) -> str | None:
    """The /Title from the document information, else its /Subject where that reads as a name of
    several words: the Tweede Kamer's papers carry "None" as /Title and their name as /Subject
    ("Antwoord op vragen van het lid Keijzer over de publicatie van de internetconsultatie …"),
    while a one-word /Subject is a kind of document ("Handreiking"). None without either."""
    try:
        info = reader.metadata
        if info is None:
            return None
        subject = plausible_title(info.subject)
        named_by_subject = subject if subject and len(subject.split()) >= SUBJECT_MIN_WORDS else None
        return plausible_title(info.title) or named_by_subject
    except Exception:  # a damaged info dictionary only costs us the title
        return None
