"""PDF loading with pypdf: text per page without running headers, footers and page numbers.

Headings are found by the type they are set in. pypdf reports every text run with its font
and size, so a short line set clearly larger than the body text, or in bold at body size,
becomes a Markdown heading line ("## Regionaal", "### Taken van de regio") that the paragraph
reflow leaves alone; after the running headers and footers are gone, so those never count.
A page whose runs do not add up to its text keeps its plain text, and a PDF set in one size
keeps its lines as they are, so legal structure ("Artikel 12") is still left to the chunker.
"""

from __future__ import annotations

import io
import math
import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, replace
from functools import partial, reduce
from itertools import accumulate, groupby
from pathlib import Path

from pypdf import PageObject, PdfReader
from pypdf.errors import DependencyError

from .errors import IngestError
from .metadata import Extraction
from .models import Page
from .text import (
    BULLET,
    SENTENCE_END,
    BreakRule,
    as_list_item,
    clean_line,
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

PAGE_NUMBER = re.compile(
    r"^(?:[-–—]\s*)?\d{1,4}(?:\s*[-–—])?$"
    r"|^(?:pagina|page|blz\.?|p\.)\s*\d{1,4}(?:\s*(?:van|of|/)\s*\d{1,4})?$"
    r"|^\d{1,4}\s*(?:/|van)\s*\d{1,4}$",
    re.IGNORECASE,
)
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
BOLD_FONT = re.compile(r"bold|black|heavy", re.IGNORECASE)  # "Nunito,Bold", "Univers-Black", "X-Semibold"
CAPTION = re.compile(r"^(?:figuur|tabel|grafiek|kaart|schema|figure|table)\s+\d", re.IGNORECASE)
COLUMN_GAP = re.compile(r"\S {2,}\S")  # pypdf keeps the gap between table cells as a run of spaces
# Headings the chunker ranks by their wording, as it matches them: "ARTIKEL Va", "Hoofdstuk 2 – …", "4.1 Motieven".
LEGAL_HEADING = re.compile(
    r"^(?:(?:deel|boek|hoofdstuk|titel|afdeling|paragraaf|artikel|bijlage)\s+[0-9IVXLC]+[a-z]?\b|§\s*[0-9IVXLC])",
    re.IGNORECASE,
)
NUMBERED_SECTION = re.compile(r"^\d{1,2}(?:\.\d{1,2}){1,3}\.?\s+[A-ZÀ-Ý]")


@dataclass(frozen=True)
class Line:
    """A cleaned line of page text and the type most of it is set in (size 0 when unknown)."""

    text: str
    size: float = 0.0  # in points, to the half point so 10.56 and 10.6 count as one size
    bold: bool = False
    columns: bool = False  # wide gaps between words, as in a table row


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
        raise IngestError(str(path), "de PDF is beschadigd of onleesbaar. Exporteer hem opnieuw als PDF en voeg hem dan toe.") from exc
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


def read_pages(path: Path, reader: PdfReader) -> list[list[Line]]:
    """The cleaned, non-empty lines of every page, with their type where pypdf reports it."""
    pages = []
    for number, page in enumerate(reader.pages, start=1):
        try:
            text, runs = extract_runs(page)
        except Exception as exc:  # a damaged content stream fails in many ways
            raise IngestError(
                str(path), f"pagina {number} van de PDF is beschadigd. Exporteer hem opnieuw als PDF en voeg hem dan toe."
            ) from exc
        pages.append(page_lines(text, runs))
    return pages


def extract_runs(page: PageObject) -> tuple[str, list[tuple]]:
    """The page text and the runs pypdf made it from: (text, cm, tm, font dictionary, font size)."""
    runs: list[tuple] = []
    text = page.extract_text(visitor_text=lambda *run: runs.append(run)) or ""
    return text, runs


def page_lines(text: str, runs: list[tuple]) -> list[Line]:
    """The page's lines, typed when the runs account for exactly the page text, else plain."""
    try:
        styles = [run_style(*run[1:]) for run in runs] if "".join(run[0] for run in runs) == text else None
    except Exception:  # an odd font dictionary or matrix only costs this page its headings
        styles = None
    if styles is None:
        return [Line(line) for line in map(clean_line, text.splitlines()) if line]
    return typed_lines(text, [len(run[0]) for run in runs], styles)


def run_style(cm: list[float], tm: list[float], font: dict | None, font_size: float) -> tuple[float, bool]:
    """The size a run is seen at, to the half point, and whether its font is a bold one.

    The text matrix and the current matrix both scale the font size; the area scale of
    their product is the product of their determinants.
    """
    scale = math.sqrt(abs((cm[0] * cm[3] - cm[1] * cm[2]) * (tm[0] * tm[3] - tm[1] * tm[2])))
    name = str(font.get("/BaseFont", "")) if font else ""
    return round(float(font_size) * scale * 2) / 2, bool(BOLD_FONT.search(name))


def typed_lines(text: str, lengths: list[int], styles: list[tuple[float, bool]]) -> list[Line]:
    """Lines of the text, each with the style that covers most of its visible characters."""
    starts = list(accumulate(lengths, initial=0))
    lines = []
    offset = 0
    for raw in text.splitlines(keepends=True):
        end = offset + len(raw)
        weights: Counter[tuple[float, bool]] = Counter()
        run = bisect_right(starts, offset) - 1
        while run < len(styles) and starts[run] < end:
            piece = text[max(starts[run], offset) : min(starts[run + 1], end)]
            weights[styles[run]] += len("".join(piece.split()))
            run += 1
        offset = end
        line = clean_line(raw)
        if line:
            lines.append(typed_line(line, raw, weights))
    return lines


def typed_line(line: str, raw: str, weights: Counter[tuple[float, bool]]) -> Line:
    """The line with its main size and weight, from character counts per (size, bold) style."""
    total = sum(weights.values())
    if not total:
        return Line(line)
    sizes: Counter[float] = Counter()
    for (size, _), count in weights.items():
        sizes[size] += count
    bold = sum(count for (_, is_bold), count in weights.items() if is_bold)
    return Line(line, sizes.most_common(1)[0][0], bold >= BOLD_SHARE * total, bool(COLUMN_GAP.search(raw.strip())))


def margin_indexes(lines: list[Line]) -> set[int]:
    """Indexes of the lines at the top and bottom of a page."""
    return set(range(min(MARGIN_LINES, len(lines)))) | set(range(max(0, len(lines) - MARGIN_LINES), len(lines)))


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
        in_body.update(digits_masked(line.text) for i, line in enumerate(lines) if i not in margins)
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
    """A margin line minus any header, footer or page number in it."""
    if digits_masked(line) in running or PAGE_NUMBER.match(line):
        return ""
    for pattern in run_together:
        line = pattern.sub("", line).strip()
    return line


def strip_running_text(pages: list[list[Line]]) -> list[list[Line]]:
    """Pages without repeated headers and footers and without page-number lines in their margins."""
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
    return stripped


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


def with_headings(pages: list[list[Line | Heading]], labels: set[str]) -> list[list[str]]:
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
        lines = []
        for item in items:
            if isinstance(item, Line):
                lines.append(item.text)
                continue
            rank = ranks[item.size]
            plain = rank >= markdown_above or ranked_by_wording(item.text) or digits_masked(item.text) in labels
            lines += ["", item.text if plain else f"{heading_marks(rank)} {item.text}", ""]
        texts.append(lines)
    return texts


def page_texts_with_headings(pages: list[list[Line]]) -> list[list[str]]:
    """The text lines of every page, with headings marked when the document has display type."""
    body = body_type(pages)
    if body is None:
        return [[line.text for line in lines] for lines in pages]
    return with_headings([page_items(lines, body) for lines in pages], recurring_emphasis(pages, body))


def usual_line_width(pages: list[list[Line]]) -> int:
    """The length of a full body line, taken over the whole document so short pages do not skew it."""
    lengths = sorted(len(line.text) for lines in pages for line in lines)
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


def load_pdf(path: Path, data: bytes) -> Extraction:
    """A PDF as one page of cleaned text per PDF page."""
    reader = open_pdf(path, data)
    pages = strip_running_text(read_pages(path, reader))
    # A scan may still carry a stamped page number, so look for words only after stripping those.
    if not any(ch.isalpha() for lines in pages for line in lines for ch in line.text):
        raise IngestError(
            str(path),
            "geen tekst gevonden: de PDF lijkt gescand. Laat er eerst tekstherkenning (OCR) op los "
            "en voeg hem dan opnieuw toe.",
        )
    keep_hyphen = hyphenated_words(line.text for lines in pages for line in lines)
    rule = layout_rule(usual_line_width(pages))
    join = partial(join_wrapped, keep_hyphen=keep_hyphen)
    texts = [render(reflow(lines, rule, join)) for lines in page_texts_with_headings(pages)]
    texts = mend_words_across_pages(texts, keep_hyphen)
    return Extraction(
        pages=[Page(number=n, text=text) for n, text in enumerate(texts, start=1)],
        title=pdf_title(reader),
    )


def pdf_title(reader: PdfReader) -> str | None:
    """The /Title from the document information, if the PDF has one."""
    try:
        return reader.metadata.title if reader.metadata else None
    except Exception:  # a damaged info dictionary only costs us the title
        return None
