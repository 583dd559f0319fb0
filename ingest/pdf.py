"""PDF loading with pypdf: text per page without running headers, footers and page numbers."""

from __future__ import annotations

import io
import math
import re
from collections import Counter
from functools import partial
from pathlib import Path

from pypdf import PdfReader
from pypdf.errors import DependencyError

from .errors import IngestError
from .metadata import Extraction
from .models import Page
from .text import SENTENCE_END, BreakRule, clean_line, hyphenated_words, join_wrapped, reflow, render

MARGIN_LINES = 3  # lines at the top and at the bottom of a page where headers and footers live
REPEAT_SHARE = 0.3  # a margin line on at least this share of the pages (and on two) is running text
PARTIAL_REPEAT_MIN_CHARS = 12  # shorter repeats are not stripped from the end of a longer line
SHORT_LINE_SHARE = 0.7  # a line shorter than this share of the usual line width ends before the margin

PAGE_NUMBER = re.compile(
    r"^(?:[-–—]\s*)?\d{1,4}(?:\s*[-–—])?$"
    r"|^(?:pagina|page|blz\.?|p\.)\s*\d{1,4}(?:\s*(?:van|of|/)\s*\d{1,4})?$"
    r"|^\d{1,4}\s*(?:/|van)\s*\d{1,4}$",
    re.IGNORECASE,
)
CONTENTS_ENTRY = re.compile(r"…\s*\d+$")  # a table-of-contents line, after its dot leader was shortened
FIRST_WORD = re.compile(r"(\S+)\s*(.*)", re.DOTALL)
# Words a title or heading does not end with; a short line ending in one wraps into the next line.
CONTINUING_WORDS = frozenset(
    "de het een van en of in op aan bij met voor door tot om te als dan die dat naar over uit onder "
    "zijn is wordt worden the and".split()
)


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


def page_lines(path: Path, reader: PdfReader) -> list[list[str]]:
    """The cleaned, non-empty text lines of every page."""
    pages = []
    for number, page in enumerate(reader.pages, start=1):
        try:
            text = page.extract_text() or ""
        except Exception as exc:  # a damaged content stream fails in many ways
            raise IngestError(
                str(path), f"pagina {number} van de PDF is beschadigd. Exporteer hem opnieuw als PDF en voeg hem dan toe."
            ) from exc
        pages.append([line for line in map(clean_line, text.splitlines()) if line])
    return pages


def margin_indexes(lines: list[str]) -> set[int]:
    """Indexes of the lines at the top and bottom of a page."""
    return set(range(min(MARGIN_LINES, len(lines)))) | set(range(max(0, len(lines) - MARGIN_LINES), len(lines)))


def digits_masked(line: str) -> str:
    """The line with every number replaced by "#", so "PBL | 8" and "PBL | 12" compare equal."""
    return re.sub(r"\d+", "#", line)


def running_lines(pages: list[list[str]]) -> set[str]:
    """Digit-masked margin lines that repeat on a good share of the pages: headers and footers.

    A line that turns up as often in the body is content ("Vraag 3" opening two pages of
    parliamentary questions), not a header.
    """
    in_margins: Counter[str] = Counter()
    in_body: Counter[str] = Counter()
    for lines in pages:
        margins = margin_indexes(lines)
        in_margins.update({digits_masked(lines[i]) for i in margins})
        in_body.update(digits_masked(line) for i, line in enumerate(lines) if i not in margins)
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


def strip_running_text(pages: list[list[str]]) -> list[list[str]]:
    """Pages without repeated headers and footers and without page-number lines in their margins."""
    running = running_lines(pages) if len(pages) > 1 else set()
    run_together = run_together_patterns(running)
    stripped = []
    for lines in pages:
        margins = margin_indexes(lines)
        kept = (without_running_text(line, running, run_together) if i in margins else line for i, line in enumerate(lines))
        stripped.append([line for line in kept if line])
    return stripped


def usual_line_width(pages: list[list[str]]) -> int:
    """The length of a full body line, taken over the whole document so short pages do not skew it."""
    lengths = sorted(len(line) for lines in pages for line in lines)
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
    pages = strip_running_text(page_lines(path, reader))
    # A scan may still carry a stamped page number, so look for words only after stripping those.
    if not any(ch.isalpha() for lines in pages for line in lines for ch in line):
        raise IngestError(
            str(path),
            "geen tekst gevonden: de PDF lijkt gescand. Laat er eerst tekstherkenning (OCR) op los "
            "en voeg hem dan opnieuw toe.",
        )
    keep_hyphen = hyphenated_words(line for lines in pages for line in lines)
    rule = layout_rule(usual_line_width(pages))
    texts = [render(reflow(lines, rule, partial(join_wrapped, keep_hyphen=keep_hyphen))) for lines in pages]
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
