"""Build the generated documents of the bundled corpus.

Usage:  python corpus/build.py [--check] [--only NAME ...]

For every ``corpus/sources/NAME.md`` (YAML front matter + Markdown) this writes
``corpus/docs/NAME.pdf``, ``NAME.docx`` or ``NAME.html`` (the ``format:`` key of the
front matter says which) and a sidecar ``corpus/docs/NAME.meta.yaml`` with the metadata
(title, type, region, municipalities, date, source_url, sources).

The output is deterministic: running the script twice yields byte-identical files
(reportlab ``invariant=1``, fixed DOCX core properties and zip timestamps). Files whose
bytes did not change are not rewritten, so the script is idempotent.

``--check`` builds in memory and exits 1 if any output in corpus/docs/ is missing or stale.
"""

from __future__ import annotations

import argparse
import datetime as dt
import html
import io
import re
import sys
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
SOURCES = HERE / "sources"
DOCS = HERE / "docs"

DOC_TYPES = ("regelgeving", "handreiking", "regioprofiel", "praktijkvoorbeeld", "overig")
FORMATS = ("pdf", "docx", "html")
META_KEYS = ("title", "type", "region", "municipalities", "date", "source_url", "sources")
SITE_NAME = "Thuiswijzer"
SITE_TAGLINE = "Kennisbank Een thuis voor iedereen"
TYPE_LABELS = {
    "regelgeving": "Regelgeving (samenvatting)",
    "handreiking": "Handreiking",
    "regioprofiel": "Regioprofiel",
    "praktijkvoorbeeld": "Praktijkvoorbeeld",
    "overig": "Achtergrond",
}
MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
          "september", "oktober", "november", "december"]


class BuildError(Exception):
    pass


# --------------------------------------------------------------------------- sources


@dataclass
class Source:
    name: str
    path: Path
    meta: dict
    fmt: str
    body: str

    @property
    def title(self) -> str:
        return str(self.meta["title"])

    @property
    def date(self) -> str:
        return str(self.meta.get("date") or "")


def read_source(path: Path) -> Source:
    text = path.read_text(encoding="utf-8")
    m = re.match(r"\A---\s*\n(.*?)\n---\s*\n?(.*)\Z", text, re.S)
    if not m:
        raise BuildError(f"{path.name}: geen YAML front matter (tussen twee regels '---')")
    try:
        meta = yaml.safe_load(m.group(1)) or {}
    except yaml.YAMLError as exc:
        raise BuildError(f"{path.name}: front matter is geen geldige YAML: {exc}") from exc
    if not isinstance(meta, dict):
        raise BuildError(f"{path.name}: front matter moet een mapping zijn")
    for key in ("title", "type", "format"):
        if not meta.get(key):
            raise BuildError(f"{path.name}: '{key}' ontbreekt in de front matter")
    if meta["type"] not in DOC_TYPES:
        raise BuildError(f"{path.name}: type '{meta['type']}' is niet een van {', '.join(DOC_TYPES)}")
    fmt = str(meta["format"]).lower()
    if fmt not in FORMATS:
        raise BuildError(f"{path.name}: format '{fmt}' is niet een van {', '.join(FORMATS)}")
    if isinstance(meta.get("date"), (dt.date, dt.datetime)):
        meta["date"] = meta["date"].strftime("%Y-%m-%d")
    return Source(name=path.stem, path=path, meta=meta, fmt=fmt, body=m.group(2))


def sidecar(src: Source) -> bytes:
    out: dict = {}
    for key in META_KEYS:
        val = src.meta.get(key)
        if key == "municipalities":
            val = [str(v) for v in (val or [])]
        elif key == "sources":
            val = [str(v) for v in (val or [])]
        elif val is not None:
            val = str(val)
        if val in (None, "") and key not in ("municipalities", "sources"):
            continue
        out[key] = val
    text = f"# Gegenereerd door corpus/build.py uit corpus/sources/{src.name}.md; niet met de hand wijzigen.\n"
    text += yaml.safe_dump(out, sort_keys=False, allow_unicode=True, width=1000)
    return text.encode("utf-8")


def nice_date(iso: str) -> str:
    try:
        d = dt.date.fromisoformat(iso)
    except ValueError:
        return iso
    return f"{d.day} {MONTHS[d.month - 1]} {d.year}"


# --------------------------------------------------------------------------- markdown


@dataclass
class Seg:
    text: str
    bold: bool = False
    italic: bool = False
    code: bool = False
    href: str | None = None


@dataclass
class Block:
    kind: str  # heading | para | ul | ol | table | quote | code | hr
    level: int = 0
    text: str = ""
    items: list = field(default_factory=list)  # list items: (indent_level, text)
    rows: list = field(default_factory=list)  # table rows (first row = header)


_INLINE = re.compile(
    r"`(?P<code>[^`]+)`"
    r"|\*\*(?P<b1>.+?)\*\*"
    r"|__(?P<b2>.+?)__"
    r"|\[(?P<ltext>[^\]]+)\]\((?P<lurl>[^)\s]+)\)"
    r"|(?<![\w*])\*(?![\s*])(?P<i1>.+?)(?<![\s*])\*(?![\w*])"
    r"|(?<![\w_])_(?![\s_])(?P<i2>.+?)(?<![\s_])_(?![\w_])"
)


def parse_inline(s: str, bold=False, italic=False, href=None) -> list[Seg]:
    segs: list[Seg] = []
    pos = 0
    for m in _INLINE.finditer(s):
        if m.start() > pos:
            segs.append(Seg(s[pos:m.start()], bold, italic, False, href))
        if m.group("code") is not None:
            segs.append(Seg(m.group("code"), bold, italic, True, href))
        elif m.group("b1") is not None or m.group("b2") is not None:
            segs += parse_inline(m.group("b1") or m.group("b2"), True, italic, href)
        elif m.group("ltext") is not None:
            segs += parse_inline(m.group("ltext"), bold, italic, m.group("lurl"))
        else:
            segs += parse_inline(m.group("i1") or m.group("i2"), bold, True, href)
        pos = m.end()
    if pos < len(s):
        segs.append(Seg(s[pos:], bold, italic, False, href))
    return segs


def plain(s: str) -> str:
    return "".join(seg.text for seg in parse_inline(s))


_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_UL = re.compile(r"^(\s*)[-*+]\s+(.*)$")
_OL = re.compile(r"^(\s*)\d+[.)]\s+(.*)$")
_HR = re.compile(r"^\s*(?:-{3,}|\*{3,}|_{3,})\s*$")
_TABLE_SEP = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")


def _cells(line: str) -> list[str]:
    line = line.strip()
    if line.startswith("|"):
        line = line[1:]
    if line.endswith("|"):
        line = line[:-1]
    return [c.strip() for c in line.split("|")]


def parse_markdown(body: str) -> list[Block]:
    lines = body.replace("\r\n", "\n").split("\n")
    blocks: list[Block] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if not line.strip():
            i += 1
            continue
        if line.lstrip().startswith("```"):
            i += 1
            buf = []
            while i < len(lines) and not lines[i].lstrip().startswith("```"):
                buf.append(lines[i])
                i += 1
            i += 1
            blocks.append(Block("code", text="\n".join(buf)))
            continue
        m = _HEADING.match(line)
        if m:
            blocks.append(Block("heading", level=len(m.group(1)), text=m.group(2)))
            i += 1
            continue
        if _HR.match(line):
            blocks.append(Block("hr"))
            i += 1
            continue
        if line.lstrip().startswith("|") and i + 1 < len(lines) and _TABLE_SEP.match(lines[i + 1]):
            rows = [_cells(line)]
            i += 2
            while i < len(lines) and lines[i].lstrip().startswith("|"):
                rows.append(_cells(lines[i]))
                i += 1
            width = max(len(r) for r in rows)
            rows = [r + [""] * (width - len(r)) for r in rows]
            blocks.append(Block("table", rows=rows))
            continue
        if line.lstrip().startswith(">"):
            buf = []
            while i < len(lines) and lines[i].lstrip().startswith(">"):
                buf.append(re.sub(r"^\s*>\s?", "", lines[i]))
                i += 1
            blocks.append(Block("quote", text=" ".join(x.strip() for x in buf if x.strip())))
            continue
        mu, mo = _UL.match(line), _OL.match(line)
        if mu or mo:
            kind = "ul" if mu else "ol"
            items: list = []
            while i < len(lines):
                cur = lines[i]
                mu2, mo2 = _UL.match(cur), _OL.match(cur)
                if mu2 or mo2:
                    mm = mu2 or mo2
                    indent = len(mm.group(1).expandtabs(4))
                    if indent == 0 and ((kind == "ul" and not mu2) or (kind == "ol" and not mo2)):
                        break  # a list of the other kind starts
                    items.append([indent // 2 if indent < 8 else 3, mm.group(2).strip()])
                    i += 1
                elif cur.strip() and items and not _HEADING.match(cur) and not cur.lstrip().startswith("|"):
                    items[-1][1] += " " + cur.strip()  # lazy continuation line
                    i += 1
                else:
                    break
            blocks.append(Block(kind, items=[tuple(x) for x in items]))
            continue
        buf = []
        while i < len(lines) and lines[i].strip():
            cur = lines[i]
            if (_HEADING.match(cur) or _UL.match(cur) or _OL.match(cur) or cur.lstrip().startswith(">")
                    or cur.lstrip().startswith("```") or (cur.lstrip().startswith("|") and buf)):
                break
            buf.append(cur.strip())
            i += 1
        blocks.append(Block("para", text=" ".join(buf)))
    return blocks


def split_title(src: Source, blocks: list[Block]) -> list[Block]:
    """Drop a leading H1 (the title is rendered separately)."""
    if blocks and blocks[0].kind == "heading" and blocks[0].level == 1:
        return blocks[1:]
    return blocks


# --------------------------------------------------------------------------- PDF


_PDF_FONTS: dict | None = None


def pdf_fonts() -> dict:
    """Register a Unicode TrueType family (DejaVu Sans, else reportlab's Vera)."""
    global _PDF_FONTS
    if _PDF_FONTS is not None:
        return _PDF_FONTS
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.lib.fonts import addMapping
    import reportlab

    rl_fonts = Path(reportlab.__file__).parent / "fonts"
    candidates = [
        ("TWSans", Path("/usr/share/fonts/truetype/dejavu"),
         ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSans-Oblique.ttf", "DejaVuSans-BoldOblique.ttf")),
        ("TWSans", rl_fonts, ("Vera.ttf", "VeraBd.ttf", "VeraIt.ttf", "VeraBI.ttf")),
    ]
    fonts = {"regular": "Helvetica", "bold": "Helvetica-Bold", "italic": "Helvetica-Oblique",
             "bolditalic": "Helvetica-BoldOblique", "mono": "Courier"}
    for family, folder, files in candidates:
        if all((folder / f).exists() for f in files):
            names = [family, family + "-Bold", family + "-Italic", family + "-BoldItalic"]
            for n, f in zip(names, files):
                pdfmetrics.registerFont(TTFont(n, str(folder / f)))
            for bold, italic, n in ((0, 0, names[0]), (1, 0, names[1]), (0, 1, names[2]), (1, 1, names[3])):
                addMapping(family, bold, italic, n)
            fonts = dict(zip(("regular", "bold", "italic", "bolditalic"), names))
            mono = Path("/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf")
            if mono.exists():
                pdfmetrics.registerFont(TTFont("TWMono", str(mono)))
                fonts["mono"] = "TWMono"
            else:
                fonts["mono"] = "Courier"
            break
    _PDF_FONTS = fonts
    return fonts


def rl_markup(s: str) -> str:
    fonts = pdf_fonts()
    out = []
    for seg in parse_inline(s):
        t = html.escape(seg.text, quote=False)
        if seg.code:
            t = f'<font face="{fonts["mono"]}">{t}</font>'
        if seg.italic:
            t = f"<i>{t}</i>"
        if seg.bold:
            t = f"<b>{t}</b>"
        if seg.href:
            t = f'<a href="{html.escape(seg.href)}" color="#1f4e79">{t}</a>'
        out.append(t)
    return "".join(out)


def build_pdf(src: Source) -> bytes:
    from reportlab import rl_config
    from reportlab.lib import colors
    from reportlab.lib.enums import TA_LEFT
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import cm
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.pdfgen import canvas as rl_canvas
    from reportlab.platypus import (HRFlowable, PageBreak, Paragraph, Preformatted, SimpleDocTemplate,
                                    Spacer, Table, TableStyle)

    rl_config.invariant = 1
    fonts = pdf_fonts()
    base, bold = fonts["regular"], fonts["bold"]
    ink = colors.HexColor("#1a1a1a")
    accent = colors.HexColor("#1f4e79")
    grey = colors.HexColor("#555555")

    body = ParagraphStyle("Body", fontName=base, bulletFontName=base, fontSize=10.5, leading=14.5, spaceAfter=6,
                          textColor=ink, alignment=TA_LEFT)
    h1 = ParagraphStyle("H1", fontName=bold, fontSize=22, leading=27, spaceBefore=0, spaceAfter=14,
                        textColor=accent, keepWithNext=1)
    h2 = ParagraphStyle("H2", fontName=bold, fontSize=15, leading=19, spaceBefore=14, spaceAfter=6,
                        textColor=accent, keepWithNext=1)
    h3 = ParagraphStyle("H3", fontName=bold, fontSize=12.5, leading=16, spaceBefore=10, spaceAfter=4,
                        textColor=ink, keepWithNext=1)
    h4 = ParagraphStyle("H4", parent=h3, fontSize=11, leading=14)
    heading_styles = {1: h1, 2: h2, 3: h3}
    bullet = ParagraphStyle("Bullet", parent=body, leftIndent=16, bulletIndent=4, spaceAfter=3)
    quote = ParagraphStyle("Quote", parent=body, leftIndent=18, rightIndent=12, textColor=grey,
                           fontName=fonts["italic"])
    small = ParagraphStyle("Small", parent=body, fontSize=9, leading=12, textColor=grey)
    cell = ParagraphStyle("Cell", parent=body, fontSize=9.5, leading=12.5, spaceAfter=0)
    cellh = ParagraphStyle("CellH", parent=cell, fontName=bold)
    code = ParagraphStyle("Code", parent=body, fontName=fonts["mono"], fontSize=9, leading=11.5)
    label = ParagraphStyle("Label", parent=body, fontSize=10, textColor=grey, spaceAfter=2)

    title = src.title
    left, right, top, bottom = 2.5 * cm, 2.5 * cm, 2.6 * cm, 2.4 * cm
    width, height = A4
    frame_w = width - left - right

    # --- title page / colophon
    story: list = [
        Paragraph(f"{SITE_NAME} · {SITE_TAGLINE}", label),
        Spacer(1, 4.5 * cm),
        Paragraph(rl_markup(title), h1),
        Paragraph(html.escape(TYPE_LABELS.get(src.meta["type"], src.meta["type"])), h3),
        Spacer(1, 0.6 * cm),
    ]
    facts = []
    if src.meta.get("region"):
        facts.append(("Regio", str(src.meta["region"])))
    if src.meta.get("municipalities"):
        facts.append(("Gemeenten", ", ".join(str(x) for x in src.meta["municipalities"])))
    if src.date:
        facts.append(("Datum", nice_date(src.date)))
    facts.append(("Documentcode", src.name))
    for k, v in facts:
        story.append(Paragraph(f"<b>{html.escape(k)}:</b> {html.escape(v)}", body))
    story += [Spacer(1, 3.0 * cm), HRFlowable(width="100%", thickness=0.6, color=accent),
              Spacer(1, 0.2 * cm), Paragraph("<b>Colofon</b>", small),
              Paragraph("Dit document is opgesteld voor de kennisbank Thuiswijzer. Het is geen officiële "
                        "publicatie van een overheid of van het programma Een thuis voor iedereen. "
                        "Raadpleeg voor besluitvorming altijd de officiële bronnen.", small)]
    if src.meta.get("sources"):
        story.append(Paragraph("<b>Officiële bronnen</b>", small))
        for s in src.meta["sources"]:
            story.append(Paragraph(html.escape(str(s)), ParagraphStyle("SmallBullet", parent=small,
                                   leftIndent=12, bulletIndent=2), bulletText="•"))
    if src.meta.get("source_url"):
        story.append(Paragraph(f"<b>Hoofdbron:</b> {html.escape(str(src.meta['source_url']))}", small))
    story.append(PageBreak())

    # --- body
    for b in split_title(src, parse_markdown(src.body)):
        if b.kind == "heading":
            st = heading_styles.get(b.level, h4)
            if b.level == 1:
                st = h2  # a second H1 inside the body reads as a section
            story.append(Paragraph(rl_markup(b.text), st))
        elif b.kind == "para":
            story.append(Paragraph(rl_markup(b.text), body))
        elif b.kind in ("ul", "ol"):
            n = 0
            for lvl, text in b.items:
                n += 1
                st = ParagraphStyle(f"Bullet{lvl}", parent=bullet, leftIndent=16 + 14 * lvl,
                                    bulletIndent=4 + 14 * lvl)
                mark = "•" if b.kind == "ul" else f"{n}."
                story.append(Paragraph(rl_markup(text), st, bulletText=mark))
            story.append(Spacer(1, 4))
        elif b.kind == "quote":
            story.append(Paragraph(rl_markup(b.text), quote))
        elif b.kind == "code":
            story.append(Preformatted(b.text, code))
        elif b.kind == "hr":
            story.append(HRFlowable(width="100%", thickness=0.5, color=grey, spaceBefore=4, spaceAfter=8))
        elif b.kind == "table":
            ncols = len(b.rows[0])
            data = [[Paragraph(rl_markup(c), cellh if r == 0 else cell) for c in row]
                    for r, row in enumerate(b.rows)]
            t = Table(data, colWidths=[frame_w / ncols] * ncols, repeatRows=1, hAlign="LEFT")
            t.setStyle(TableStyle([
                ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#9aa7b4")),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e3ebf3")),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 4), ("RIGHTPADDING", (0, 0), (-1, -1), 4),
            ]))
            story += [t, Spacer(1, 8)]

    # header text, shortened to the line width
    header_font, header_size = base, 8.5
    header = title
    max_w = frame_w
    if stringWidth(header, header_font, header_size) > max_w:
        while header and stringWidth(header + " …", header_font, header_size) > max_w:
            header = header[:-1]
        header = header.rstrip() + " …"

    class NumberedCanvas(rl_canvas.Canvas):
        """Defers page output so every page can say 'Pagina N van M'."""

        def __init__(self, *args, **kwargs):
            kwargs["invariant"] = 1
            super().__init__(*args, **kwargs)
            self._saved = []

        def showPage(self):
            self._saved.append(dict(self.__dict__))
            self._startPage()

        def save(self):
            total = len(self._saved)
            for state in self._saved:
                self.__dict__.update(state)
                self._decorate(total)
                super().showPage()
            super().save()

        def _decorate(self, total):
            self.saveState()
            self.setFont(header_font, 8.5)
            self.setFillColor(grey)
            self.drawRightString(width - right, 1.2 * cm, f"Pagina {self._pageNumber} van {total}")
            self.restoreState()

    def running_header(canv, _doc):
        """Drawn when a page begins, so the header comes first in the page's text."""
        canv.saveState()
        canv.setFont(header_font, header_size)
        canv.setFillColor(grey)
        canv.drawString(left, height - 1.5 * cm, header)
        canv.setStrokeColor(accent)
        canv.setLineWidth(0.5)
        canv.line(left, height - 1.7 * cm, width - right, height - 1.7 * cm)
        canv.line(left, 1.7 * cm, width - right, 1.7 * cm)
        canv.setFont(header_font, 8.5)
        canv.drawString(left, 1.2 * cm, f"{SITE_NAME} · {src.name}")
        canv.restoreState()

    buf = io.BytesIO()
    doc = SimpleDocTemplate(
        buf, pagesize=A4, leftMargin=left, rightMargin=right, topMargin=top, bottomMargin=bottom,
        title=title, author=SITE_NAME, subject=TYPE_LABELS.get(src.meta["type"], src.meta["type"]),
        keywords=", ".join(x for x in [src.meta["type"], str(src.meta.get("region") or "")] if x),
        creator="corpus/build.py (Thuiswijzer)", producer="ReportLab", invariant=1, lang="nl-NL",
    )
    doc.build(story, onFirstPage=running_header, onLaterPages=running_header, canvasmaker=NumberedCanvas)
    return buf.getvalue()


# --------------------------------------------------------------------------- DOCX


def _docx_runs(par, s: str):
    for seg in parse_inline(s):
        run = par.add_run(seg.text)
        run.bold = seg.bold or None
        run.italic = seg.italic or None
        if seg.code:
            run.font.name = "Consolas"
        if seg.href:
            run.underline = True


def _docx_field(par, instr: str):
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    fld = OxmlElement("w:fldSimple")
    fld.set(qn("w:instr"), instr)
    r = OxmlElement("w:r")
    t = OxmlElement("w:t")
    t.text = "1"
    r.append(t)
    fld.append(r)
    par._p.append(fld)


def _normalise_zip(data: bytes, when: tuple) -> bytes:
    """Rewrite a zip with fixed timestamps and attributes, in the original order."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            zi = zipfile.ZipInfo(info.filename, date_time=when)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            zi.create_system = 0
            dst.writestr(zi, src.read(info.filename))
    return out.getvalue()


def build_docx(src: Source) -> bytes:
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt, RGBColor

    doc = Document()
    sec = doc.sections[0]
    sec.page_height, sec.page_width = Cm(29.7), Cm(21.0)
    sec.left_margin = sec.right_margin = Cm(2.5)
    sec.top_margin, sec.bottom_margin = Cm(2.5), Cm(2.3)
    normal = doc.styles["Normal"]
    normal.font.name = "Calibri"
    normal.font.size = Pt(11)

    hp = sec.header.paragraphs[0]
    hp.text = src.title
    hp.runs[0].font.size = Pt(8.5)
    hp.runs[0].font.color.rgb = RGBColor(0x55, 0x55, 0x55)
    fp = sec.footer.paragraphs[0]
    fp.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    fp.add_run("Pagina ")
    _docx_field(fp, "PAGE")
    fp.add_run(" van ")
    _docx_field(fp, "NUMPAGES")

    doc.add_heading(src.title, level=1)
    meta_bits = [TYPE_LABELS.get(src.meta["type"], src.meta["type"])]
    if src.meta.get("region"):
        meta_bits.append(f"regio {src.meta['region']}")
    if src.date:
        meta_bits.append(nice_date(src.date))
    mp = doc.add_paragraph()
    r = mp.add_run(" · ".join(meta_bits))
    r.italic = True
    r.font.color.rgb = RGBColor(0x55, 0x55, 0x55)

    for b in split_title(src, parse_markdown(src.body)):
        if b.kind == "heading":
            lvl = min(max(b.level, 2), 4) if b.level > 1 else 2
            p = doc.add_heading(level=lvl)
            _docx_runs(p, b.text)
        elif b.kind == "para":
            _docx_runs(doc.add_paragraph(), b.text)
        elif b.kind == "ul":
            for lvl, text in b.items:
                _docx_runs(doc.add_paragraph(style="List Bullet" if lvl == 0 else "List Bullet 2"), text)
        elif b.kind == "ol":
            for n, (lvl, text) in enumerate(b.items, 1):
                p = doc.add_paragraph(style="List Paragraph")
                p.add_run(f"{n}. ")
                _docx_runs(p, text)
        elif b.kind == "quote":
            _docx_runs(doc.add_paragraph(style="Quote"), b.text)
        elif b.kind == "code":
            p = doc.add_paragraph()
            run = p.add_run(b.text)
            run.font.name = "Consolas"
        elif b.kind == "hr":
            doc.add_paragraph()
        elif b.kind == "table":
            t = doc.add_table(rows=0, cols=len(b.rows[0]))
            t.style = "Table Grid"
            for ri, row in enumerate(b.rows):
                cells = t.add_row().cells
                for c, text in zip(cells, row):
                    p = c.paragraphs[0]
                    _docx_runs(p, text)
                    if ri == 0:
                        for run in p.runs:
                            run.bold = True

    if src.meta.get("sources"):
        doc.add_heading("Officiële bronnen", level=2)
        for s in src.meta["sources"]:
            doc.add_paragraph(str(s), style="List Bullet")

    when = dt.datetime(2026, 1, 1)
    if src.date:
        try:
            when = dt.datetime.combine(dt.date.fromisoformat(src.date), dt.time(12, 0))
        except ValueError:
            pass
    cp = doc.core_properties
    cp.title = src.title
    cp.subject = TYPE_LABELS.get(src.meta["type"], src.meta["type"])
    cp.author = SITE_NAME
    cp.last_modified_by = SITE_NAME
    cp.keywords = ", ".join(x for x in [src.meta["type"], str(src.meta.get("region") or "")] if x)
    cp.category = src.meta["type"]
    cp.comments = f"Gegenereerd uit corpus/sources/{src.name}.md"
    cp.language = "nl-NL"
    cp.revision = 1
    cp.created = when
    cp.modified = when
    cp.last_printed = when

    buf = io.BytesIO()
    doc.save(buf)
    return _normalise_zip(buf.getvalue(), (when.year, when.month, when.day, 12, 0, 0))


# --------------------------------------------------------------------------- HTML


def html_inline(s: str) -> str:
    out = []
    for seg in parse_inline(s):
        t = html.escape(seg.text, quote=False)
        if seg.code:
            t = f"<code>{t}</code>"
        if seg.italic:
            t = f"<em>{t}</em>"
        if seg.bold:
            t = f"<strong>{t}</strong>"
        if seg.href:
            t = f'<a href="{html.escape(seg.href, quote=True)}">{t}</a>'
        out.append(t)
    return "".join(out)


def _html_list(kind: str, items) -> list[str]:
    out, stack = [], []  # stack of open list levels
    for lvl, text in items:
        while stack and stack[-1] > lvl:
            out.append(f"</li></{kind}>")
            stack.pop()
        if not stack or lvl > stack[-1]:
            out.append(f"<{kind}>")
            stack.append(lvl)
        else:
            out.append("</li>")
        out.append(f"<li>{html_inline(text)}")
    while stack:
        out.append(f"</li></{kind}>")
        stack.pop()
    return ["".join(out)]


def build_html(src: Source) -> bytes:
    esc = html.escape
    type_label = TYPE_LABELS.get(src.meta["type"], src.meta["type"])
    parts: list[str] = []
    for b in split_title(src, parse_markdown(src.body)):
        if b.kind == "heading":
            lvl = min(max(b.level, 2), 6)
            parts.append(f"<h{lvl}>{html_inline(b.text)}</h{lvl}>")
        elif b.kind == "para":
            parts.append(f"<p>{html_inline(b.text)}</p>")
        elif b.kind in ("ul", "ol"):
            parts += _html_list(b.kind, b.items)
        elif b.kind == "quote":
            parts.append(f"<blockquote><p>{html_inline(b.text)}</p></blockquote>")
        elif b.kind == "code":
            parts.append(f"<pre><code>{esc(b.text)}</code></pre>")
        elif b.kind == "hr":
            parts.append("<hr>")
        elif b.kind == "table":
            head = "".join(f"<th scope=\"col\">{html_inline(c)}</th>" for c in b.rows[0])
            rows = "".join("<tr>" + "".join(f"<td>{html_inline(c)}</td>" for c in r) + "</tr>"
                           for r in b.rows[1:])
            parts.append(f"<table>\n<thead><tr>{head}</tr></thead>\n<tbody>{rows}</tbody>\n</table>")

    facts = [f'<span class="doc-type">{esc(type_label)}</span>']
    if src.meta.get("region"):
        facts.append(f"Regio: {esc(str(src.meta['region']))}")
    if src.meta.get("municipalities"):
        facts.append("Gemeenten: " + esc(", ".join(str(x) for x in src.meta["municipalities"])))
    if src.date:
        facts.append(f'<time datetime="{esc(src.date)}">{esc(nice_date(src.date))}</time>')
    sources = ""
    if src.meta.get("sources"):
        items = "".join(f"<li>{esc(str(s))}</li>" for s in src.meta["sources"])
        sources = f'<section class="bronnen" aria-labelledby="bronnen">\n<h2 id="bronnen">Officiële bronnen</h2>\n<ul>{items}</ul>\n</section>'
    main_url = ""
    if src.meta.get("source_url"):
        u = esc(str(src.meta["source_url"]), quote=True)
        main_url = f' Hoofdbron: <a href="{u}">{u}</a>.'

    page = f"""<!DOCTYPE html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{esc(src.title)} | {SITE_NAME}</title>
<meta name="description" content="{esc(type_label + ': ' + src.title, quote=True)}">
<meta name="generator" content="corpus/build.py">
<style>
body {{ font-family: system-ui, sans-serif; line-height: 1.55; margin: 0; color: #1a1a1a; }}
header, nav, main, footer {{ padding: 0 1.5rem; }}
header {{ background: #1f4e79; color: #fff; padding-top: .8rem; padding-bottom: .8rem; }}
nav ul {{ list-style: none; display: flex; gap: 1.2rem; padding: .6rem 0; margin: 0; }}
main {{ max-width: 46rem; }}
table {{ border-collapse: collapse; }} th, td {{ border: 1px solid #9aa7b4; padding: .3rem .5rem; vertical-align: top; }}
footer {{ border-top: 1px solid #ccc; margin-top: 2rem; font-size: .85rem; color: #555; }}
</style>
</head>
<body>
<header>
<p class="site-name"><a href="../index.html" style="color:#fff">{SITE_NAME}</a> · {esc(SITE_TAGLINE)}</p>
</header>
<nav aria-label="Hoofdmenu">
<ul>
<li><a href="../index.html">Home</a></li>
<li><a href="../index.html#handreikingen">Handreikingen</a></li>
<li><a href="../index.html#regelgeving">Regelgeving</a></li>
<li><a href="../index.html#regio-s">Regio's</a></li>
<li><a href="../index.html#praktijkvoorbeelden">Praktijkvoorbeelden</a></li>
</ul>
</nav>
<main id="inhoud">
<article>
<h1>{html_inline(src.title)}</h1>
<p class="doc-meta">{' · '.join(facts)}</p>
{chr(10).join(parts)}
{sources}
</article>
</main>
<footer>
<p>Dit document is opgesteld voor de kennisbank {SITE_NAME} en is geen officiële publicatie.{main_url}</p>
<p>Documentcode: {esc(src.name)}</p>
</footer>
</body>
</html>
"""
    return page.encode("utf-8")


# --------------------------------------------------------------------------- main

BUILDERS = {"pdf": build_pdf, "docx": build_docx, "html": build_html}


def outputs_for(src: Source) -> dict[Path, bytes]:
    return {
        DOCS / f"{src.name}.{src.fmt}": BUILDERS[src.fmt](src),
        DOCS / f"{src.name}.meta.yaml": sidecar(src),
    }


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description="Bouw de PDF-, DOCX- en HTML-documenten uit corpus/sources/.")
    ap.add_argument("--check", action="store_true", help="schrijf niets; faal als een uitvoer ontbreekt of verouderd is")
    ap.add_argument("--only", nargs="*", default=None, help="alleen deze bronnen (bestandsnaam zonder .md)")
    args = ap.parse_args(argv)

    paths = sorted(SOURCES.glob("*.md"))
    if args.only:
        paths = [p for p in paths if p.stem in set(args.only)]
    DOCS.mkdir(parents=True, exist_ok=True)
    errors, written, unchanged, stale = [], 0, 0, []
    for path in paths:
        try:
            src = read_source(path)
            if (DOCS / f"{src.name}.md").exists():
                raise BuildError(f"{path.name}: corpus/docs/{src.name}.md bestaat ook; een document-id mag maar één keer voorkomen")
            for out, data in outputs_for(src).items():
                old = out.read_bytes() if out.exists() else None
                if old == data:
                    unchanged += 1
                    continue
                if args.check:
                    stale.append(out.name)
                    continue
                out.write_bytes(data)
                written += 1
            other = [f for f in FORMATS if f != src.fmt and (DOCS / f"{src.name}.{f}").exists()]
            if other:
                print(f"let op: corpus/docs/{src.name}.{other[0]} hoort niet meer bij de bron (format is {src.fmt})",
                      file=sys.stderr)
        except BuildError as exc:
            errors.append(str(exc))
        except Exception as exc:  # noqa: BLE001 - report and continue with the other sources
            errors.append(f"{path.name}: {type(exc).__name__}: {exc}")
    for e in errors:
        print(f"fout: {e}", file=sys.stderr)
    if args.check:
        for s in stale:
            print(f"verouderd of ontbrekend: corpus/docs/{s}", file=sys.stderr)
        print(f"{len(paths)} bronnen gecontroleerd, {len(stale)} uitvoerbestanden verouderd")
        return 1 if (stale or errors) else 0
    print(f"{len(paths)} bronnen: {written} bestanden geschreven, {unchanged} ongewijzigd, {len(errors)} fouten")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
