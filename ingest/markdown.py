"""Markdown loading: YAML front matter as metadata, the body with its headings, markup removed for display."""

from __future__ import annotations

import re
from pathlib import Path

from .errors import IngestError
from .metadata import Extraction, read_yaml_mapping
from .models import Page
from .tables import with_markdown_tables
from .text import decode_typed_text, text_to_page_text

FRONT_MATTER_FENCE = "---"
FRONT_MATTER_END = ("---", "...")

HTML_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
# raw HTML whose content a browser never shows as text: a script's code, a style sheet
HIDDEN_ELEMENT = re.compile(r"<(script|style|template|noscript)\b[^>]*>.*?</\1\s*>", re.DOTALL | re.IGNORECASE)
# a link's destination as CommonMark reads it: in angle brackets (spaces allowed), or without
# spaces and with its parentheses balanced ("javascript:alert(1)", ".../wiki/Wet_(Nederland)"),
# and an optional title ("… "Titel")")
_DESTINATION = (r"\(\s*(?:<[^<>\n]*>|(?:[^()\s]|\((?:[^()\s]|\([^()\s]*\))*\))*)"
                r"(?:\s+(?:\"[^\"]*\"|'[^']*'|\([^()]*\)))?\s*\)")
# Converters from PDF leave "**==> picture [555 x 352] intentionally omitted <==**" for images.
IMAGE = re.compile(rf"!\[[^\]]*\]{_DESTINATION}|!\[[^\]]*\]\[[^\]]*\]|\**==> picture \[[^\]]*\] intentionally omitted <==\**")
LINK = re.compile(rf"\[([^\]]+)\]{_DESTINATION}")
REFERENCE_LINK = re.compile(r"\[([^\]]+)\]\[[^\]]*\]")  # "[artikel 4][ref4]"
REFERENCE_DEFINITION = re.compile(r"^ {0,3}\[[^\]]+\]:[ \t]*\S.*$", re.MULTILINE)  # "[ref4]: https://…"
AUTOLINK = re.compile(r"<((?:https?://|mailto:)[^>\s]+)>")
HTML_TAG = re.compile(r"</?[a-zA-Z][^>\n]*>")
# a footnote written into the sentence it belongs to, as converters from wetten.overheid.nl do: "(PEW) <sup> 5
# Ver van huis, Hoofdrapport. Den Haag, 30 oktober 2014 </sup> wordt de positie …"
INLINE_NOTE = re.compile(r"\s*<sup>\s*(\d{1,3})\s+([^<]*?\S)\s*</sup>", re.IGNORECASE)
BOLD = re.compile(r"\*\*(.+?)\*\*|__(.+?)__")
ITALIC = re.compile(r"(?<![\w*\\])\*(?=\S)([^*\n]+?)(?<=[^\s\\])\*(?![\w*])")
CODE = re.compile(r"`+([^`\n]*)`+")
ESCAPED = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>])")
HEADING = re.compile(r"^\s{0,3}(#{1,6})(?:[ \t]+|(?=[^#\s]))(.*?)(?:[ \t]+#+)?[ \t]*$")
SETEXT_UNDERLINE = re.compile(r"^\s{0,3}(=+|-+)\s*$")
FENCE = re.compile(r"^\s{0,3}(```|~~~)")
BLOCKQUOTE = re.compile(r"^\s{0,3}>\s?")
THEMATIC_BREAK = re.compile(r"^\s{0,3}([-*_])(\s*\1){2,}\s*$")
# a run-in heading: an emphasised phrase without closing punctuation at the start of a line or
# after a sentence, with its text running on ("… op:  *Autoriteit woningcorporaties*  Per 1 juli
# 2015 gaat …" in the laws-markdown circulars, "**2015: Terug naar volkshuisvesting** Gemeente
# Utrecht …"). A bold sentence ("**De gemeente zelf.** Als …") and a defined term ("*Onze
# Minister:* …") end in punctuation and stay text; so does emphasis after a list number ("1. **Aanvraag
# indienen** De aanvrager …", `_LIST_NUMBER`).
RUN_IN_HEADING = re.compile(r"(?:^|(?<=[.:;!?]))[ \t]*(\*\*|\*|__)(?=\S)([^*_\n]{2,80}?[^\s.:;,!?*_])\1[ \t]+(?=[A-ZÀ-Ý])")
_LIST_NUMBER = re.compile(r"^\s*(?:\d{1,3}|[a-zA-Z])[.)]$")


def split_front_matter(text: str, path: Path) -> tuple[dict, str]:
    """Front matter between --- lines at the very top, parsed, and the body after it."""
    lines = text.splitlines()
    if not lines or lines[0].strip() != FRONT_MATTER_FENCE:
        return {}, text
    for end, line in enumerate(lines[1:], start=1):
        if line.strip() in FRONT_MATTER_END:
            front_matter = read_yaml_mapping("\n".join(lines[1:end]), path, "de front matter (tussen de ---regels bovenaan)")
            return front_matter, "\n".join(lines[end + 1 :])
    raise IngestError(str(path), "de front matter bovenaan is niet afgesloten met een regel '---'. Voeg die regel toe.")


def resolve_links(text: str) -> str:
    """Text with images gone and links, inline or by reference, replaced by their words.

    Runs on the whole text because a link's words may wrap onto the next line.
    """
    text = IMAGE.sub("", REFERENCE_DEFINITION.sub("", text))
    return REFERENCE_LINK.sub(r"\1", LINK.sub(r"\1", text))


def clean_inline(line: str) -> str:
    """A line (links already resolved) without autolink brackets, emphasis, code markers and HTML tags."""
    line = AUTOLINK.sub(r"\1", line)
    line = HTML_TAG.sub(" ", line)
    line = BOLD.sub(lambda m: m.group(1) or m.group(2), line)
    line = ITALIC.sub(r"\1", line)
    line = CODE.sub(r"\1", line)
    return ESCAPED.sub(r"\1", line)


def heading_line(level: int, text: str) -> str:
    """A normalised ATX heading, or an empty line when the heading has no text left."""
    text = clean_inline(text).strip()
    return f"{'#' * level} {text}" if text else ""


def body_lines(body: str) -> list[str]:
    """Body lines with markup removed; setext headings become "#" lines, code fences disappear."""
    lines: list[str] = []
    previous_is_text = False
    level = 1  # of the last heading: a run-in heading sits one below it
    for raw in resolve_links(HIDDEN_ELEMENT.sub("", HTML_COMMENT.sub("", body))).splitlines():
        heading = HEADING.match(raw)
        underline = SETEXT_UNDERLINE.match(raw)
        if FENCE.match(raw) or (THEMATIC_BREAK.match(raw) and not (underline and previous_is_text)):
            line = ""
        elif underline and previous_is_text:
            level = 1 if "=" in raw else 2
            lines[-1] = heading_line(level, lines[-1])
            line = ""
        elif heading:
            level = len(heading.group(1))
            line = heading_line(level, heading.group(2))
        else:
            raw, notes = without_inline_notes(raw)
            *run_in, line = with_run_in_headings(BLOCKQUOTE.sub("", raw), min(level + 1, 6))
            lines += run_in
            line = clean_inline(line)
            if notes:  # each after its paragraph, as a paragraph of its own, as a PDF's notes are (ingest.footnotes)
                lines += [line, ""] + [item for note in notes for item in (clean_inline(note), "")]
                line = ""
        previous_is_text = bool(line.strip()) and not line.startswith("#")
        lines.append(line)
    return lines


def without_inline_notes(line: str) -> tuple[str, list[str]]:
    """The line without the footnotes written into it (INLINE_NOTE), and those notes as "Noot n: text"."""
    notes = [f"Noot {number}: {text}" for number, text in INLINE_NOTE.findall(line)]
    return (INLINE_NOTE.sub("", line), notes) if notes else (line, [])


def with_run_in_headings(line: str, level: int) -> list[str]:
    """The line cut at its run-in headings (RUN_IN_HEADING): the text before each, the heading
    as a heading line of `level`, and the text after the last one, last; [line] without any."""
    pieces, start = [], 0
    for match in RUN_IN_HEADING.finditer(line):
        if _LIST_NUMBER.match(line[start : match.start()]):
            continue
        if line[start : match.start()].strip():
            pieces.append(clean_inline(line[start : match.start()]))
        pieces.append(heading_line(level, match.group(2)))
        start = match.end()
    return pieces + [line[start:]]


def markdown_text(body: str) -> str:
    """A Markdown body (front matter split off) as the page text that is chunked and cited."""
    return text_to_page_text("\n".join(with_markdown_tables(body_lines(body))))


def as_commonmark(body: str) -> str:
    """The body as a CommonMark renderer should show what this loader reads: a heading written without a
    space after its #'s ("##Wet van 4 juni 2014 …", "####Algemene bepalingen", as laws-markdown writes
    them) gets one, and raw HTML outside code (the converter's "<meta http-equiv=…>" line) goes, as it
    goes from the text; a renderer showed both as text (helper-58)."""
    lines, in_code = [], False
    for line in HIDDEN_ELEMENT.sub("", HTML_COMMENT.sub("", body)).splitlines():
        if FENCE.match(line):
            in_code = not in_code
        elif not in_code:
            heading = HEADING.match(line)
            line = f"{heading.group(1)} {heading.group(2)}" if heading else HTML_TAG.sub("", line)
        lines.append(line)
    return "\n".join(lines)


def load_markdown(path: Path, data: bytes) -> Extraction:
    """A Markdown file as one page; its front matter is handed on for the metadata."""
    front_matter, body = split_front_matter(decode_typed_text(data, path), path)
    return Extraction(pages=[Page(number=None, text=markdown_text(body))], front_matter=front_matter)
