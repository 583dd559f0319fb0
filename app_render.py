"""Pure rendering for the web app: answers as safe Markdown, the Bronnen panel as safe HTML.

Everything that comes from a document (passages, titles, sections, answer sentences) is
shown as text: `<`, `>` and `&` become entities before anything goes into Markdown or HTML,
Markdown link and image syntax in document text is neutralised, and only the [n] markers
the assistant wrote become links (to the source entry in the panel). No function here
touches Gradio, the index or the network, so all of it is unit-tested in milliseconds.
The page's own CSS and its small script (citation clicks, copying an answer) live here too,
and the Evaluatie tab's view of an evaluation report (built from report.json, escaped).
"""

from __future__ import annotations

import base64
import html
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import PurePath
from urllib.parse import quote, urlparse

from markdown_it import MarkdownIt
from markdown_it.token import Token

from assistant import Citation
from index.models import passages
from ingest.chunking import heading_of, section_headings
from ingest.dates import dutch_date
from ingest.markdown import as_commonmark, clean_inline, markdown_text
from ingest.models import DOC_TYPES
from ingest.tables import parse_row
from evals import report as eval_report

SOURCE_ROUTE = "bron"  # files are served at bron/<doc_id> (relative to the app's address)
SHOWN_URL = 48  # characters of a source address shown beside "Officiële bron"

_MARKER = re.compile(r"\[(\d{1,3})\]")
# characters that start inline Markdown (emphasis, code, links, tables, strike, maths)
_MD_SPECIAL = re.compile(r"([\\`*_\[\]|~$])")
_BULLET_LINE = re.compile(r"^(\s*[-*]\s+)(.*?)((?:\s*\[\d{1,3}\])*)\s*$")
_NUMBERED_ITEM = re.compile(r"^(\d{1,3})([.)])(?=\s)")
_BOLD_LINE = re.compile(r"^\*\*(.+?)\*\*\s*$")
_SOURCE_LINE = re.compile(r"^\[(\d{1,3})\]\s+(.*)$")
_ITALIC_LINE = re.compile(r"^_(.+)_\s*$")


def escape_html(text: str | None) -> str:
    """Text for HTML: `<`, `>`, `&` and quotes as entities."""
    return html.escape(text or "", quote=True)


def escape_markdown(text: str | None) -> str:
    """Text that a Markdown renderer shows literally: HTML entities plus backslash escapes."""
    escaped = (text or "").replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MD_SPECIAL.sub(r"\\\1", escaped)


def _escape_keeping_markers(text: str, turn: int, valid: set[int] | None) -> str:
    """Escape a line of text, turning the [n] markers into links to the panel entries."""
    out, last = [], 0
    for match in _MARKER.finditer(text):
        n = int(match.group(1))
        if valid is not None and n not in valid:
            continue
        out.append(escape_markdown(text[last : match.start()]))
        out.append(citation_link(turn, n))
        last = match.end()
    out.append(escape_markdown(text[last:]))
    return "".join(out)


def citation_link(turn: int, n: int) -> str:
    return f'<a href="#{anchor(turn, n)}" class="tw-cite" title="Bekijk bron {n}">[{n}]</a>'


def anchor(turn: int, n: int) -> str:
    return f"bron-{turn}-{n}"


def render_answer(text: str, turn: int, citations: Sequence[Citation] = (), query_note: str | None = None) -> str:
    """The chatbot Markdown for an answer (complete or partly streamed), under `query_note`, how the
    question was read ("Gelezen als vervolg op: …", "Gezocht op: …") when that is not as typed.

    Only the structure the assistant itself writes survives as Markdown: list items,
    **kopjes** on their own line and an _italic note_ line. Everything inside is escaped.
    """
    valid = {c.n for c in citations} or None
    body, marker, sources = (text or "").partition(SOURCES_HEADING)
    lines = []
    if query_note:
        lines.append(f'<span class="tw-query">{escape_markdown(query_note)}</span>\n')
    for line in body.rstrip().splitlines():
        rendered = _render_line(line, turn, valid)
        if rendered.startswith("**") and lines and lines[-1]:
            lines.append("")  # a kopje after a list must not become part of the last item
        lines.append(rendered)
    if marker:
        lines += ["", render_sources_block(sources, turn, valid)]
    return "\n".join(lines)


SOURCES_HEADING = "**Bronnen**\n"


# "Titel — handreiking · 1 juli 2026 · p. 5 · Samenvatting": the document (title, type, date), then where in it
_LABEL_PARTS = re.compile(rf"^(?P<document>.+? — (?:{'|'.join(DOC_TYPES)})(?: · \d{{1,2}} \w+ \d{{4}})?)"
                          r"(?: · (?P<where>.+))?$")


def render_sources_block(block: str, turn: int, valid: set[int] | None) -> str:
    """The answer's own Bronnen list as one compact HTML block (escaped, [n] linked). A document
    cited more than once is named once, with the page and section of each [n] under it: an answer
    from eight passages of one guide showed its long title eight times (helper-55)."""
    documents: dict[str, list[tuple[str, str | None]]] = {}
    for line in block.splitlines():
        source = _SOURCE_LINE.match(line.strip())
        if source:
            n = int(source.group(1))
            number = citation_link(turn, n) if valid is None or n in valid else f"[{n}]"
            parts = _LABEL_PARTS.match(source.group(2))
            document, where = (parts.group("document"), parts.group("where")) if parts else (source.group(2), None)
            documents.setdefault(document, []).append((number, where))
        elif line.strip():
            documents.setdefault(line.strip(), [])
    entries = []
    for document, cited in documents.items():
        if len(cited) == 1:
            number, where = cited[0]
            entries.append(f"{number} {escape_html(document + (f' · {where}' if where else ''))}")
            continue
        entries.append(escape_html(document))
        # a passage before the document's first heading has no section to name (helper-56: a bare "[2]")
        entries += [f"&nbsp;&nbsp;&nbsp;{number} {escape_html(where or 'begin van het document')}"
                    for number, where in cited]
    # one line, no blank lines: Markdown passes an HTML block through as a whole
    return '<div class="tw-bronnenlijst"><strong>Bronnen</strong><br>' + "<br>".join(entries) + "</div>"


def _render_line(line: str, turn: int, valid: set[int] | None) -> str:
    if not line.strip():
        return ""
    bold = _BOLD_LINE.match(line)
    if bold:
        return f"**{escape_markdown(bold.group(1))}**"
    italic = _ITALIC_LINE.match(line)
    if italic:
        return f"_{escape_markdown(italic.group(1))}_"
    source = _SOURCE_LINE.match(line)
    if source:  # a line of the Bronnen block: "[n] label"
        n = int(source.group(1))
        number = citation_link(turn, n) if valid is None or n in valid else escape_markdown(f"[{n}]")
        return f"{number} {escape_markdown(source.group(2))}  "
    bullet = _BULLET_LINE.match(line)
    if bullet:
        # "- 3. Uitstroom justitie" keeps its number as text: unescaped, Markdown nests a list
        # numbered from 3 inside the bullet
        # a nested item keeps its indent ("  - 2°. …" under "- b. … indien hij:"): the web app showed every
        # part of a list at the level of the list itself (helper-71)
        indent = bullet.group(1)[:len(bullet.group(1)) - len(bullet.group(1).lstrip())]
        note = _ITALIC_LINE.match(bullet.group(2) + bullet.group(3))
        if note:  # "- _… en nog 9 onderdelen in de bron [1]_": escaped, its underscores showed as typed
            return f"{indent}- _{_escape_keeping_markers(note.group(1), turn, valid)}_"
        shown = _escape_keeping_markers(bullet.group(2) + bullet.group(3), turn, valid)
        return f"{indent}- " + _NUMBERED_ITEM.sub(r"\1\\\2", shown)
    return _escape_keeping_markers(line, turn, valid)


def typing_steps(text: str, steps: int = 8) -> Iterable[str]:
    """At most `steps` prefixes of `text`, cut at word ends and growing evenly, ending with all of it.

    The count is fixed, not the words per step: every step is a full message the server sends
    to the page, so a long answer must not cost more of them (measured in docs/security.md)."""
    pieces = re.findall(r"\S+\s*", text)
    ends = sorted({len(pieces) * step // steps for step in range(1, steps)} - {0, len(pieces)})
    for end in ends:
        yield "".join(pieces[:end])
    yield text


# -- the Bronnen panel ----------------------------------------------------------------
@dataclass
class Turn:
    """One question and answer of a conversation, as the panel and the feedback log need it."""

    number: int
    question: str
    answer: str = ""
    query: str = ""
    citations: list[Citation] = field(default_factory=list)
    abstained: bool = False
    message_index: int | None = None  # position of the answer in the chatbot's messages


# sources a browser does not show as they are: opened as a page of the text read from them (`text_page`)
TEXT_PAGE_SUFFIXES = (".yaml", ".yml", ".xml", ".docx")


def source_href(citation: Citation) -> str:
    """Where the original file opens: bron/<doc_id>, at the page for a PDF, at the cited section's
    heading for Markdown and the formats shown by `text_page` (each heading has its `section_anchor`)."""
    href = f"{SOURCE_ROUTE}/{quote(citation.doc_id, safe='')}"
    if citation.page and citation.source.lower().endswith(".pdf"):
        href += f"#page={int(citation.page)}"
    elif citation.section and citation.source.lower().endswith((".md", ".markdown", *TEXT_PAGE_SUFFIXES)):
        href += f"#{section_anchor(citation.section)}"
    return href


def section_anchor(section: str) -> str:
    """The id of a section in a Markdown page: its last two headings (`heading_anchor`), so that "De
    keuze" of Fase 2 is not the one of Fase 1 (helper-56)."""
    return heading_anchor(" ".join(section.split("›")[-2:]))


def heading_anchor(heading: str) -> str:
    """An id for a heading's text: "Fase 2 De keuze" → "fase-2-de-keuze"."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", heading) if not unicodedata.combining(c))
    words = re.findall(r"\w+", plain.replace("*", "").replace("`", "").lower())
    return "-".join(w for w in words if w.isascii()) or "kop"


# Markdown is shown as the page it stands for: as plain text an officer read YAML front matter, "##" and
# "**" (helper-47). Raw HTML in it stays text, and the page is served sandboxed (`app.source_response`)
_MARKDOWN = MarkdownIt("commonmark", {"html": False}).enable("table")


def markdown_page(body: str, title: str, document_title: str | None = None) -> str:
    """A Markdown document's body (front matter already split off) as a standalone HTML page. Each
    heading has the id of its own name (the first of that name) and the `section_anchor` of the section
    it opens, as the chunker reads the sections of the text (`ingest.chunking.section_headings`, with
    `document_title`, the metadata's title): "Open het document" opens at the cited section, where it
    opened at the top of a long note (helper-53, helper-55) or of a law (helper-58)."""
    tokens = _MARKDOWN.parse(as_commonmark(body))
    headings = [inline for opening, inline in zip(tokens, tokens[1:]) if opening.type == "heading_open"]
    seen: set[str] = set()
    for opening, inline in zip(tokens, tokens[1:]):
        if opening.type == "heading_open" and (own := heading_anchor(inline.content)) not in seen:
            opening.attrSet("id", own)
            seen.add(own)
    at = 0
    for name, section in section_headings(markdown_text(body), document_title):
        match = next((i for i in range(at, len(headings))
                      if _heading_name(headings[i].content) == name.casefold()), None)
        # a run-in heading ("*Autoriteit woningcorporaties* Per 1 juli 2015 …") is no heading of the page:
        # its section opens at the heading above it
        if match is None and at == 0:
            continue
        target = headings[at - 1 if match is None else match]
        at = at if match is None else match + 1
        if section_anchor(section) in seen:
            continue  # the heading's own id already, or a section of the same path
        anchor = Token("html_inline", "", 0)
        anchor.content = f'<a id="{section_anchor(section)}"></a>'
        target.children = [anchor, *(target.children or [])]
        seen.add(section_anchor(section))
    return _page(title, _MARKDOWN.renderer.render(tokens, _MARKDOWN.options, {}))


def text_page(text: str, title: str, document_title: str | None = None) -> str:
    """A document's text as it was read in (from YAML, XML or Word, which a browser offers as a download:
    helper-58 got the Huisvestingswet of 2026 as a file) as a standalone HTML page: each heading line
    (`ingest.chunking.heading_of`) a heading with the id of its own name (the first of that name) and the
    `section_anchor` of the section it opens (`section_headings`, with `document_title`, the metadata's
    title), the other lines in paragraphs, everything escaped."""
    sections = section_headings(text, document_title)
    at, seen, parts, paragraph = 0, set(), [], []

    def close_paragraph() -> None:
        if paragraph:
            parts.append(f"<p>{'<br>'.join(escape_html(line) for line in paragraph)}</p>")
            paragraph.clear()

    for line in text.splitlines():
        heading = heading_of(line) if line.strip() else None
        if heading is None and line.strip():
            paragraph.append(line.strip())
            continue
        close_paragraph()
        if heading is None:
            continue
        own = heading_anchor(heading[1])
        ids = "" if own in seen else f' id="{own}"'
        seen.add(own)
        anchor = ""
        if at < len(sections) and sections[at][0] == heading[1]:
            if section_anchor(sections[at][1]) != own:
                anchor = f'<a id="{section_anchor(sections[at][1])}"></a>'
            at += 1
        parts.append(f"<h3{ids}>{anchor}{escape_html(heading[1])}</h3>")
    close_paragraph()
    return _page(title, "\n".join(parts))


def _page(title: str, body: str) -> str:
    return ("<!doctype html><html lang=\"nl\"><head><meta charset=\"utf-8\">"
            f"<title>{escape_html(title)}</title><style>body{{font-family:sans-serif;max-width:46em;margin:2em auto;"
            "padding:0 1em;line-height:1.5}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.3em}"
            f"</style></head><body>{body}</body></html>")


def _heading_name(content: str) -> str:
    """A heading's text as `ingest.chunking.heading_of` names it, in lower case."""
    return " ".join(clean_inline(content).split()).rstrip(".").casefold()


def safe_url(url: str | None) -> str | None:
    """An http(s) address to link to, or None (javascript:, data: and friends are never links)."""
    if not url:
        return None
    parsed = urlparse(url.strip())
    if parsed.scheme.lower() in ("http", "https") and parsed.netloc:
        return url.strip()
    return None


def highlight(text: str, sentences: Iterable[str]) -> str:
    """The passage as HTML text with the sentences the answer used in <mark>.

    Sentences are found with flexible whitespace (the splitter drops list marks and joins
    lines), and everything, marked or not, is escaped.
    """
    spans: list[tuple[int, int]] = []
    for sentence in sentences:
        words = sentence.split()
        if not words:
            continue
        pattern = r"\s+(?:[-*•]\s+)?".join(re.escape(w) for w in words)
        match = re.search(pattern, text)
        if match:
            spans.append(match.span())
    spans.sort()
    merged: list[list[int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    out, last = [], 0
    for start, end in merged:
        out.append(escape_html(text[last:start]))
        out.append(f"<mark>{escape_html(text[start:end])}</mark>")
        last = end
    out.append(escape_html(text[last:]))
    return "".join(out)


def passage_html(text: str, sentences: Sequence[str]) -> str:
    """The passage as HTML: table rows ("Kolom: waarde · ...") as a table, other text highlighted.

    A row the answer used (a highlight that covers the whole row) is marked as a whole.
    """
    out: list[str] = []
    lines = text.split("\n")
    i = 0
    while i < len(lines):
        if parse_row(lines[i]) is None:
            start = i
            while i < len(lines) and parse_row(lines[i]) is None:
                i += 1
            out.append(highlight("\n".join(lines[start:i]), sentences))
            continue
        rows = []
        while i < len(lines) and parse_row(lines[i]) is not None:
            rows.append(lines[i])
            i += 1
        out.append(table_html(rows, sentences))
    return "\n".join(out)


def table_html(rows: list[str], sentences: Sequence[str]) -> str:
    """Row lines as an escaped HTML table; its columns are the names the rows carry, in order."""
    parsed = [dict(parse_row(row) or []) for row in rows]
    columns = list(dict.fromkeys(name for cells in parsed for name in cells))
    used = {" ".join(s.split()) for s in sentences}
    head = "".join(f"<th>{escape_html(name)}</th>" for name in columns)
    body = []
    for row, cells in zip(rows, parsed):
        marked = ' class="tw-mark"' if any(" ".join(row.split()) in s for s in used) else ""
        body.append(f"<tr{marked}>" + "".join(f"<td>{escape_html(cells.get(name, ''))}</td>" for name in columns) + "</tr>")
    return f'<table class="tw-tabel"><thead><tr>{head}</tr></thead><tbody>{"".join(body)}</tbody></table>'


def citation_meta(citation: Citation) -> str:
    """"handreiking · Parkstad Limburg · tekst van 1 juli 2026 · p. 3 · Artikel 12" as escaped HTML."""
    parts = [citation.type or "overig"]
    if citation.region:
        parts.append(citation.region)
    if citation.date:
        parts.append(f"tekst van {dutch_date(citation.date)}")
    if citation.page:
        same = not citation.page_end or citation.page_end == citation.page
        parts.append(f"p. {citation.page}" if same else f"p. {citation.page}–{citation.page_end}")
    if citation.shown_section:
        parts.append(f"§ {citation.shown_section}")
    return " · ".join(escape_html(p) for p in parts)


def render_citation(citation: Citation, turn: int) -> str:
    page = f" (p. {int(citation.page)})" if citation.page and citation.source.lower().endswith(".pdf") else ""
    links = [f'<a href="{escape_html(source_href(citation))}" target="_blank" rel="noopener">Open het document{page}</a>']
    official = safe_url(citation.source_url)
    if official:
        # an editor's source_url is the main official source to consult (corpus/FORMAT.md): for a law its
        # own text, for a guide often the law it builds on ("wetten.overheid.nl/BWBR0035303" under
        # "Regionaal en lokaal: wie regelt wat …"), which "Officiële bron" made officers take for the
        # guide's own source (helper-47); named with its address either way
        shown = re.sub(r"^https?://(?:www\.)?", "", official).rstrip("/")
        shown = shown if len(shown) <= SHOWN_URL else shown[:SHOWN_URL - 1] + "…"
        label = "Officiële bron" if citation.type == "regelgeving" else "Gebaseerd op"
        links.append(f'<a href="{escape_html(official)}" target="_blank" rel="noopener noreferrer">'
                     f'{label} ({escape_html(shown)})</a>')
    return (
        f'<div class="tw-bron" id="{anchor(turn, citation.n)}">'
        f'<div class="tw-bron-kop"><span class="tw-nr">[{citation.n}]</span> '
        f'<span class="tw-titel">{escape_html(citation.title)}</span></div>'
        f'<div class="tw-meta">{citation_meta(citation)}</div>'
        f'<div class="tw-passage">{passage_html(citation.text, citation.highlights)}</div>'
        f'<div class="tw-links">{" · ".join(links)}</div>'
        "</div>"
    )


def render_turn_sources(turn: Turn) -> str:
    if not turn.citations:
        return '<p class="tw-leeg">Bij dit antwoord zijn geen bronnen gevonden.</p>'
    intro = ""
    if turn.abstained:
        # a refusal, a first question that points back, or a request to explain the last answer in
        # other words: in each case these passages may help on, they do not answer
        intro = '<p class="tw-leeg">Deze vraag is niet uit de bronnen beantwoord; deze passages kunnen verder helpen.</p>'
    return intro + "".join(render_citation(c, turn.number) for c in turn.citations)


EMPTY_PANEL = (
    '<div class="tw-panel"><p class="tw-leeg">Stel een vraag; de passages waarop het antwoord steunt '
    "verschijnen hier, met een link naar het document.</p></div>"
)


def render_sources_panel(turns: Sequence[Turn], keep: int = 6) -> str:
    """The Bronnen panel: the newest answer's sources open, earlier ones folded (newest first); an
    earlier turn without sources ("hallo", "???") is no entry to unfold (helper-49)."""
    shown = [t for t in turns if t.answer and (t.citations or t is turns[-1])][-keep:]
    if not shown:
        return EMPTY_PANEL
    parts = ['<div class="tw-panel">']
    for position, turn in enumerate(reversed(shown)):
        question = escape_html(turn.question)
        if position == 0:
            parts.append(f'<div class="tw-vraag">Bij: <q>{question}</q></div>{render_turn_sources(turn)}')
        else:
            parts.append(
                f'<details class="tw-eerder"><summary>Eerdere vraag: <q>{question}</q></summary>'
                f"{render_turn_sources(turn)}</details>"
            )
    parts.append("</div>")
    return "".join(parts)


# -- the Beheer tab ---------------------------------------------------------------------
DOCUMENT_COLUMNS = ["Id", "Titel", "Type", "Regio", "Datum tekst", "Pagina's", "Passages"]
RESULT_COLUMNS = ["Bestand", "Resultaat", "Passages", "Toelichting"]
STATUS_LABELS = {
    "added": "toegevoegd",
    "updated": "bijgewerkt",
    "skipped": "ongewijzigd",
    "removed": "verwijderd",
    "failed": "mislukt",
    "duplicate": "dubbel, overgeslagen",
    "reindexed": "opnieuw ingelezen",
}


def documents_table(documents) -> list[list]:
    """Rows for the document list, sorted by title. Cells are plain strings (shown as text)."""
    rows = []
    for d in sorted(documents, key=lambda d: d.display_title.casefold()):
        meta = d.metadata
        date = dutch_date(meta.date) if meta.date else ""
        rows.append([d.doc_id, d.display_title, meta.type, meta.region or "", date, "" if d.n_pages is None else d.n_pages,
                     d.n_chunks])
    return rows


def removal_question(titles: Sequence[str]) -> str:
    """The Markdown an editor confirms before `titles` are removed; titles are escaped (an upload
    names itself)."""
    one = len(titles) == 1
    what = "dit document" if one else f"deze {len(titles)} documenten"
    goes = "Het verdwijnt" if one else "Ze verdwijnen"
    listed = "\n".join(f"- {escape_markdown(title)}" for title in titles)
    return (f"**Weet u zeker dat u {what} wilt verwijderen?**\n\n{listed}\n\n"
            f"{goes} uit de kennisbank en uit de antwoorden; een hier geüpload bestand wordt ook gewist. "
            "Dat kan niet ongedaan worden gemaakt.")


def reindex_question(documents: int, passages: int) -> str:
    """The Markdown an editor confirms before the whole library of `documents` with `passages` is
    read and embedded again."""
    read = "Het ene document wordt" if documents == 1 else f"Alle {documents} documenten worden"
    embedded = "1 passage" if passages == 1 else f"{passages} passages"
    return (f"**Weet u zeker dat u alles opnieuw wilt indexeren?**\n\n{read} opnieuw ingelezen en {embedded} "
            "opnieuw omgezet naar vectoren. Dat kan minuten duren. Met Stoppen breekt u het af; de kennisbank blijft "
            "dan zoals ze was.")


_UNSAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")


def sanitize_filename(name: str, default: str = "document") -> str:
    """A safe file name for the uploads folder: the base name only, ASCII letters, digits, . _ -.

    "../../etc/passwd" → "passwd"; "Beleid wonen (2026).PDF" → "Beleid-wonen-2026.pdf";
    a name that would be hidden or empty gets `default`.
    """
    base = PurePath(str(name).replace("\\", "/")).name
    base = unicodedata.normalize("NFKD", base).encode("ascii", "ignore").decode("ascii")
    stem, dot, suffix = base.rpartition(".")
    if not dot or not stem.strip("."):  # no extension, or a hidden name like ".verborgen"
        stem, suffix = base, ""
    stem = re.sub(r"-{2,}", "-", _UNSAFE_NAME.sub("-", stem)).strip("-._")[:100] or default
    suffix = _UNSAFE_NAME.sub("", suffix).lower()[:10]
    return f"{stem}.{suffix}" if suffix else stem


# -- the Evaluatie tab ------------------------------------------------------------------------
# helper-68 ran `thuiswijzer eval --report` into a folder of its own and was told there was no evaluation
EVAL_EMPTY = ('<div class="tw-eval"><p class="tw-eval-leeg">Er is nog geen evaluatie gemaakt. Een beheerder start er '
              "een met de knop Evaluatie starten; het rapport verschijnt dan hier. Op de commandoregel komt het "
              "rapport van <code>thuiswijzer eval</code> hier als u <code>--report</code> weglaat (het staat dan "
              "naast de index); met <code>--report</code> staat het in de map die u opgeeft.</p></div>")
MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
          "november", "december")


def format_moment(timestamp: str | None) -> str:
    """An ISO timestamp as "12 mei 2026 om 14:03" (the server's local time); other text as it is."""
    try:
        moment = datetime.fromisoformat(str(timestamp))
    except ValueError:
        return str(timestamp or "onbekend")
    if moment.tzinfo is not None:
        moment = moment.astimezone()
    return f"{moment.day} {MONTHS[moment.month - 1]} {moment.year} om {moment:%H:%M}"


def format_duration(seconds: float | None) -> str:
    """118.3 → "1 min 58 s"; 42 → "42 s"."""
    if not isinstance(seconds, (int, float)):
        return "onbekend"
    minutes, rest = divmod(round(seconds), 60)
    return f"{minutes} min {rest} s" if minutes else f"{rest} s"


HALVES = {"tune": "afstemdeel", "held-out": "toetsdeel"}  # a configuration's part, as its name writes it


def libraries(result: dict) -> list[tuple[int, int]]:
    """(documents, passages) of each library a report's questions were asked of: one index for a run on an
    index, one per set for a run of gold sets (its "index" holds "sets": the Evaluatie tab showed "index met
    None documenten en 0 passages", helper-71)."""
    index = result.get("index") or {}
    shown = index["sets"].values() if "sets" in index else [index] if index else []
    return list(dict.fromkeys((int(i.get("documents") or 0), int(i.get("chunks") or 0)) for i in shown))


def evaluation_facts(result: dict) -> list[str]:
    """What a report (a result dict as in report.json) covers, in Dutch: questions, configurations, how long it
    took and the libraries asked. A run of gold sets names each configuration per half ("bundled · afstemdeel ·
    hybrid"): one configuration in two halves is not two (helper-71)."""
    configs = result["configurations"]
    named = {c["name"].replace(f" · {HALVES.get(c.get('part'), '')}", "") for c in configs}
    facts = [f"{result['n_questions']} {'vraag' if result['n_questions'] == 1 else 'vragen'}",
             f"{len(named)} {'configuratie' if len(named) == 1 else 'configuraties'}"
             + (" in afstemdeel en toetsdeel" if any(c.get("part") for c in configs) else ""),
             f"duurde {format_duration(result.get('seconds'))}"]
    shown = [f"{documents} documenten en {passages(chunks)}" for documents, chunks in libraries(result)]
    if shown:
        facts.append(f"index met {shown[0]}" if len(shown) == 1 else f"{len(shown)} bibliotheken: {'; '.join(shown)}")
    return facts


def render_evaluation(result: dict | None, plots: dict[str, bytes] | None = None, notice: str | None = None) -> str:
    """The latest evaluation report (a result dict as in report.json) as escaped HTML: when it was made,
    the summary per configuration, the plots (PNG bytes by evals.report.PLOTS key) and per configuration
    the questions, failures first. Without a result: `notice`, or that there is no evaluation yet."""
    if not result:
        return f'<div class="tw-eval"><p class="tw-eval-leeg">{escape_html(notice)}</p></div>' if notice else EVAL_EMPTY
    configs = result["configurations"]
    facts = evaluation_facts(result)
    parts = ['<div class="tw-eval">',
             f'<p class="tw-eval-meta">Laatste evaluatie: <strong>{escape_html(format_moment(result.get("created")))}'
             f"</strong> · {escape_html(' · '.join(facts))}</p>"]
    if configs:
        parts.append('<h3>Samenvatting</h3><div class="tw-eval-samenvatting">'
                     + eval_report.summary_table_html(result) + "</div>")
        shown = [(title, (plots or {}).get(key)) for key, (_, title) in eval_report.PLOTS.items()]
        figures = [f'<figure><img alt="{escape_html(title)}" src="data:image/png;base64,'
                   f'{base64.b64encode(png).decode("ascii")}"></figure>' for title, png in shown if png]
        if figures:
            parts.append('<div class="tw-eval-plots">' + "".join(figures) + "</div>")
    remarks = ([f"{s['name']}: {s['reason']}" for s in result.get("skipped", [])]
               + list(result.get("notes", [])) + list(result.get("warnings", [])))
    if remarks:
        parts.append(f"<details><summary>Opmerkingen en waarschuwingen ({len(remarks)})</summary><ul>"
                     + "".join(f"<li>{escape_html(r)}</li>" for r in remarks) + "</ul></details>")
    for i, config in enumerate(configs):
        failed, total = config["summary"]["n_failed"], config["summary"]["n_questions"]
        parts.append(f"<details{' open' if i == 0 else ''}><summary>Per vraag — {escape_html(config['name'])}: "
                     f"{escape_html(str(failed))} van {escape_html(str(total))} vragen met een probleem (mislukte eerst)"
                     f"</summary>{eval_report.questions_table_html(config)}</details>")
    parts.append("</div>")
    return "".join(parts)


# -- the page's own style and script (no document content in either) -------------------------
CSS = """
.tw-header h1 { margin-bottom: 0; }
.tw-header p { margin-top: 2px; color: var(--body-text-color); opacity: 0.8; }
.tw-panel { display: flex; flex-direction: column; gap: 4px; max-height: 700px; overflow-y: auto; padding-right: 4px; }
.tw-vraag { font-size: 0.85em; color: var(--body-text-color-subdued); }
.tw-bron { border: 1px solid var(--border-color-primary); border-radius: 8px; padding: 10px 12px;
           background: var(--background-fill-secondary); margin-bottom: 8px; scroll-margin: 8px; }
.tw-bron-kop { font-weight: 600; line-height: 1.35; }
.tw-nr { color: var(--color-accent); margin-right: 2px; }
.tw-meta { font-size: 0.82em; color: var(--body-text-color-subdued); margin: 3px 0 6px; }
.tw-passage { white-space: pre-wrap; font-size: 0.88em; line-height: 1.45; max-height: 240px; overflow-y: auto; }
.tw-tabel { border-collapse: collapse; margin: 4px 0; white-space: normal; }
.tw-tabel th, .tw-tabel td { border: 1px solid #d1d5db; padding: 2px 6px; text-align: left; vertical-align: top; }
.tw-tabel th { background: #f3f4f6; }
.tw-tabel tr.tw-mark td { background: #fde68a; }
.tw-passage mark { background: #fde68a; color: #1f2937; padding: 0 1px; border-radius: 2px; }
.tw-links { font-size: 0.84em; margin-top: 6px; }
.tw-leeg { color: var(--body-text-color-subdued); font-size: 0.9em; }
.tw-eerder summary { cursor: pointer; font-size: 0.85em; color: var(--body-text-color-subdued); margin: 4px 0; }
.tw-flash { animation: tw-flash 1.8s ease-out; }
@keyframes tw-flash { from { box-shadow: 0 0 0 3px var(--color-accent); } to { box-shadow: 0 0 0 0 transparent; } }
.tw-query { font-size: 0.85em; color: var(--body-text-color-subdued); font-style: italic; }
a.tw-cite { text-decoration: none; font-weight: 600; }
.tw-bronnenlijst { font-size: 0.85em; line-height: 1.45; color: var(--body-text-color); margin-top: 6px;
                   border-top: 1px solid var(--border-color-primary); padding-top: 6px; }
.tw-bronnenlijst strong { color: var(--body-text-color); }
#tw-voorbeelden button { font-weight: 400; }
#tw-documenten *, #tw-resultaat * { font-family: var(--font) !important; }  /* tables of text, not code */
.tw-bronnenlijst { opacity: 0.8; }
.tw-eval-meta { margin: 0 0 8px; }
.tw-eval-leeg { color: var(--body-text-color-subdued); border: 1px dashed var(--border-color-primary);
                border-radius: 8px; padding: 14px 16px; }
.tw-eval h3 { margin: 12px 0 6px; }
.tw-eval table { border-collapse: collapse; width: 100%; margin: 4px 0 12px; font-size: 0.88em; }
.tw-eval-samenvatting table { width: auto; min-width: 55%; }
.tw-eval-samenvatting td.num { min-width: 110px; }
.tw-eval th, .tw-eval td { border: 1px solid var(--border-color-primary); padding: 4px 7px; vertical-align: top;
                           text-align: left; }
.tw-eval th { background: var(--background-fill-secondary); }
.tw-eval td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.tw-eval .small { font-size: 0.85em; color: var(--body-text-color-subdued); font-weight: 400; }
.tw-eval tr.fail td:first-child { color: #b00020; font-weight: 700; }
.tw-eval tr.ok td:first-child { color: #176b2c; }
.tw-eval-plots figure { margin: 0 0 12px; }
.tw-eval-plots img { display: block; max-width: 100%; height: auto; border: 1px solid var(--border-color-primary);
                     border-radius: 6px; }
.tw-eval details { margin: 8px 0; }
.tw-eval summary { cursor: pointer; font-weight: 600; }
/* Gradio 6 titles a toast by its kind, in English ("Warning"), and has no translation key for it */
.toast-title.warning, .toast-title.error, .toast-title.info { font-size: 0; }
.toast-title.warning::before { content: "Let op"; font-size: var(--text-lg); }
.toast-title.error::before { content: "Fout"; font-size: var(--text-lg); }
.toast-title.info::before { content: "Melding"; font-size: var(--text-lg); }
"""

# after an answer, the chat shows the officer's question and the start of the answer under it: scrolled to
# the bottom (Gradio's autoscroll), a long answer showed its pitfalls and sources first (helper-47); and the
# page too, where a low window had scrolled the question out of sight (helper-49, 800 × 700)
SHOW_ANSWER_START = """
() => {
  setTimeout(() => {
    const asked = document.querySelectorAll("#tw-chat .user");
    const last = asked[asked.length - 1];
    if (!last) return;
    let box = last.parentElement;
    while (box && box !== document.body && getComputedStyle(box).overflowY !== "auto"
           && getComputedStyle(box).overflowY !== "scroll") box = box.parentElement;
    if (box && box !== document.body) {
      box.scrollTop += last.getBoundingClientRect().top - box.getBoundingClientRect().top - 8;
    }
    const shown = last.getBoundingClientRect();
    if (shown.top < 0 || shown.bottom > window.innerHeight) window.scrollBy(0, shown.top - 8);
  }, 60);
}
"""

# [n] in an answer scrolls the Bronnen panel to that source (and opens it when folded)
HEAD = """
<script>
document.addEventListener("click", function (event) {
  const link = event.target.closest ? event.target.closest('a[href^="#bron-"]') : null;
  if (!link) return;
  const target = document.getElementById(link.getAttribute("href").slice(1));
  event.preventDefault();
  event.stopPropagation();
  if (!target) return;
  for (let node = target.parentElement; node; node = node.parentElement) {
    if (node.tagName === "DETAILS") node.open = true;
  }
  target.scrollIntoView({behavior: "smooth", block: "nearest"});
  target.classList.remove("tw-flash");
  void target.offsetWidth;
  target.classList.add("tw-flash");
}, true);

// "copy" on an answer copies what the officer sees, not the Markdown and links behind it
document.addEventListener("click", function (event) {
  const button = event.target.closest ? event.target.closest("#tw-chat .message-buttons button") : null;
  if (!button) return;
  const label = (button.getAttribute("aria-label") || button.getAttribute("title") || "").toLowerCase();
  if (!/cop|kopi/.test(label)) return;
  let row = button.closest(".message-buttons").previousElementSibling;
  while (row && !row.classList.contains("message-row")) row = row.previousElementSibling;
  const content = row ? row.querySelector(".message-content") : null;
  if (!content) return;
  const text = content.innerText.trim();
  event.preventDefault();
  event.stopPropagation();
  if (navigator.clipboard && window.isSecureContext) {
    navigator.clipboard.writeText(text);
  } else {
    const area = document.createElement("textarea");
    area.value = text;
    document.body.appendChild(area);
    area.select();
    document.execCommand("copy");
    area.remove();
  }
}, true);
</script>
"""
