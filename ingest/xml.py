"""Official Dutch XML: law texts from wetten.overheid.nl (BWB "toestand") and officiële publicaties
(Kamerstukken, Staatsblad, Staatscourant) as page text with their headings, title and date.

Both formats share their text elements (<kop>, <al>, <lijst>/<li>, CALS tables, <noot>); the root
element says which one a file is. Parsing goes through defusedxml, so a file that declares
entities (the "billion laughs" bomb) is refused before anything is expanded.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from xml.etree.ElementTree import Element, ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring

from .errors import IngestError
from .metadata import Extraction
from .models import Page
from .text import Block, clean_line, render

# Bookkeeping of the publishers, never text of the document.
DROPPED = frozenset({
    "meta-data", "metadata", "jcis", "bwb-inputbestand", "bwb-wijzigingen", "redactionele-correcties",
    "redactie", "citeertitel", "kamerstukkop", "dossier", "stuknr", "titel", "plaatje", "illustratie", "colspec",
})
# Markup inside a sentence: its text joins its neighbours as it stands ("<nadruk>wo</nadruk>ning").
INLINE = frozenset({"nadruk", "extref", "intref", "sup", "sub", "inf", "unl", "ovl", "term"})
# Parts of a date line or signature ("<plaats>Den Haag</plaats><datum>…</datum>"): words of their own.
SPACED_INLINE = frozenset({"datum", "plaats", "koning", "functie", "naam", "voornaam", "achternaam", "ondernummer"})
LIST_TAGS = frozenset({"lijst"})
TABLE_TAGS = frozenset({"table"})
HEADING_TAGS = frozenset({"kop", "tussenkop"})
# The chunker reads a longer line as text (ingest/chunking.py _MAX_HEADING_CHARS); keep headings within it.
HEADING_MAX_CHARS = 90
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
NOT_OFFICIAL_XML = (
    "dit XML-bestand is geen wettekst van wetten.overheid.nl (BWB) en geen officiële publicatie "
    "(Kamerstuk, Staatsblad, Staatscourant), maar <{root}>. Thuiswijzer leest alleen die soorten XML; "
    "sla een ander document op als PDF, Word, HTML of tekst."
)


def local_name(element: Element) -> str:
    """The tag without a namespace: "{urn:x}al" → "al"."""
    return element.tag.rsplit("}", 1)[-1] if isinstance(element.tag, str) else ""


@dataclass
class _Writer:
    """Collects the blocks of a document in reading order; footnotes follow the block that cites them."""

    blocks: list[Block] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def add(self, kind: str, text: str) -> None:
        text = clean_line(text)
        if text:
            self.blocks.append(Block(kind, text))
        for note in self.notes:
            self.blocks.append(Block("text", note))
        self.notes.clear()


def inline_text(element: Element, writer: _Writer) -> str:
    """The running text of an element; footnotes inside it are handed to the writer."""
    parts = [element.text or ""]
    for child in element:
        name = local_name(child)
        if name == "noot":
            writer.notes.append(footnote(child))
        elif name in SPACED_INLINE:
            parts.append(" " + inline_text(child, writer) + " ")
        elif name not in DROPPED:
            parts.append(inline_text(child, writer))
        parts.append(child.tail or "")
    return "".join(parts)


def footnote(note: Element) -> str:
    """"Noot 3: Kamerstukken II 2014/15, 32 847, nr. 120." from a <noot>."""
    number = note.findtext("noot.nr", "").strip()
    text = " ".join(clean_line(inline_text(al, _Writer())) for al in note if local_name(al) != "noot.nr")
    return f"Noot {number}: {text}" if number else f"Noot: {text}"


def heading_text(kop: Element) -> str:
    """"Artikel 12", "Hoofdstuk 2 Woonruimteverdeling", "A Het waarderingsstelsel" from a <kop>."""
    if local_name(kop) == "tussenkop":
        return clean_line(inline_text(kop, _Writer()))
    parts = [kop.findtext(name) for name in ("label", "nr")]
    titel = kop.find("titel")
    parts.append(inline_text(titel, _Writer()) if titel is not None else None)
    return clean_line(" ".join(part for part in parts if part))


def is_block(element: Element) -> bool:
    """True for an element that stands as a block of its own rather than inside a sentence."""
    name = local_name(element)
    return name not in INLINE and name not in SPACED_INLINE and name not in DROPPED and name != "noot"


def write_heading(kop: Element, level: int, writer: _Writer) -> None:
    """A Markdown heading line; a heading too long to be one keeps its number as heading, the rest as text."""
    text = heading_text(kop)
    if len(text) <= HEADING_MAX_CHARS:
        writer.add("heading", f"{'#' * level} {text}" if text else "")
        return
    number = clean_line(" ".join(kop.findtext(name) or "" for name in ("label", "nr")))
    if number:
        writer.add("heading", f"{'#' * level} {number}")
        writer.add("text", text[len(number) :])
    else:
        writer.add("text", text)


def write_list(lijst: Element, writer: _Writer) -> None:
    """List items as "a. tekst" (the item's own number) or "- tekst", nested lists after their item."""
    for item in lijst:
        if local_name(item) != "li":
            write_blocks(item, writer, 0)
            continue
        number = clean_line(item.findtext("li.nr") or "") or "-"
        own = [item.text or ""]
        for part in item:
            if local_name(part) not in ("li.nr", "lijst", *DROPPED):
                # paragraphs of one item are separated by a space, markup inside a word is not
                own.append(inline_text(part, writer) + (" " if is_block(part) else ""))
            own.append(part.tail or "")
        writer.add("item", f"{number} {''.join(own)}")
        for nested in item.findall("lijst"):
            write_list(nested, writer)


def write_table(table: Element, writer: _Writer) -> None:
    """One "cel | cel" line per row of a CALS table, its title first."""
    title = table.find("title")
    if title is not None:
        writer.add("text", inline_text(title, writer))
    for row in table.iter("row"):
        cells = [clean_line(inline_text(entry, writer)) for entry in row.iter("entry")]
        while cells and not cells[-1]:  # cells a spanning entry leaves empty
            cells.pop()
        if cells:
            writer.add("row", " | ".join(cells))


def write_lid(lid: Element, writer: _Writer, depth: int) -> None:
    """A member of an article: its number opens its first paragraph ("3 Tot de woningzoekenden …")."""
    number = clean_line(lid.findtext("lidnr") or "")
    parts = [child for child in lid if local_name(child) != "lidnr"]
    if number and parts and local_name(parts[0]) == "al":
        writer.add("text", f"{number} {inline_text(parts[0], writer)}")
        parts = parts[1:]
    elif number:
        writer.add("text", number)
    for part in parts:
        write_blocks(part, writer, depth)


def write_blocks(element: Element, writer: _Writer, depth: int) -> None:
    """The blocks of an element in reading order; `depth` counts the headed parts around it."""
    name = local_name(element)
    if name in DROPPED or element.get("status") == "vervallen":
        return
    if name in HEADING_TAGS:
        write_heading(element, min(6, depth + (name == "tussenkop") + 1), writer)
        return
    if name in LIST_TAGS:
        return write_list(element, writer)
    if name in TABLE_TAGS:
        return write_table(element, writer)
    if name == "lid":
        return write_lid(element, writer, depth)
    if element.find("kop") is not None:
        depth += 1
    if not any(is_block(child) for child in element):
        writer.add("text", inline_text(element, writer))
        return
    run = [element.text or ""]
    for child in element:
        if is_block(child):
            writer.add("text", "".join(run))
            run = []
            write_blocks(child, writer, depth)
        elif local_name(child) not in DROPPED:
            run.append(inline_text(child, writer))
        run.append(child.tail or "")
    writer.add("text", "".join(run))


def page_text(roots: list[Element]) -> str:
    writer = _Writer()
    for root in roots:
        write_blocks(root, writer, 0)
    writer.add("text", "")  # footnotes of the last block
    return render(writer.blocks)


def own_text(element: Element | None) -> str | None:
    """The words of a title element without its bookkeeping children."""
    return clean_line(inline_text(element, _Writer())) or None if element is not None else None


def bwb_extraction(root: Element) -> Extraction:
    """A law text in force from a date: title from <citeertitel>/<intitule>, date from `inwerkingtreding`."""
    title = own_text(root.find(".//citeertitel")) or own_text(root.find(".//intitule"))
    fields: dict = {"type": "regelgeving"}
    date, bwb_id = root.get("inwerkingtreding", ""), root.get("bwb-id", "")
    if ISO_DATE.match(date):
        fields["date"] = date
        if bwb_id:
            fields["source_url"] = f"https://wetten.overheid.nl/{bwb_id}/{date}"
    bodies = [child for child in root if local_name(child) == "wetgeving"] or [root]
    return Extraction(pages=[Page(number=None, text=page_text(bodies))], title=title, front_matter=fields)


def publication_title(root: Element) -> str | None:
    """"<dossier titel> — <stuk titel>" for a Kamerstuk, else the law's (citeer)titel or the first <titel>."""
    dossier = own_text(root.find(".//dossier/titel"))
    stuk = own_text(root.find(".//stuk/titel"))
    if stuk and stuk.isupper():
        stuk = stuk.capitalize()
    if dossier or stuk:
        return " — ".join(part for part in (dossier, stuk) if part)
    for path in (".//citeertitel", ".//intitule", ".//titel"):
        title = own_text(root.find(path))
        if title:
            return title
    return None


def publication_extraction(root: Element) -> Extraction:
    """A Kamerstuk, Staatsblad or Staatscourant: title, the date it carries, its address on the web."""
    fields: dict = {}
    if root.find("staatsblad") is not None:
        fields["type"] = "regelgeving"
    dated = next((d.get("isodatum") for d in root.iter("datum") if ISO_DATE.match(d.get("isodatum") or "")), None)
    if dated:
        fields["date"] = dated
    for meta in root.iter("meta"):
        if meta.get("name") == "OVERHEIDop.externMetadataRecord" and meta.get("content", "").endswith("/metadata.xml"):
            fields["source_url"] = meta.get("content").removesuffix("/metadata.xml")
    bodies = [child for child in root if local_name(child) != "metadata"]
    return Extraction(pages=[Page(number=None, text=page_text(bodies))], title=publication_title(root), front_matter=fields)


FORMATS: dict[str, Callable[[Element], Extraction]] = {
    "toestand": bwb_extraction,
    "officiele-publicatie": publication_extraction,
}


def parse_xml(path: Path, data: bytes) -> Element:
    """The root element; a malformed file or one with entity declarations fails with a Dutch reason."""
    try:
        return fromstring(data, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except DefusedXmlException as exc:
        raise IngestError(
            str(path),
            "het XML-bestand declareert entiteiten of verwijst naar externe bestanden; dat wordt uit veiligheid "
            "geweigerd (zo'n bestand kan bij het inlezen enorm uitdijen). Gebruik de XML zoals de officiële bron die levert.",
        ) from exc
    except ParseError as exc:
        line, column = exc.position
        raise IngestError(
            str(path),
            f"het XML-bestand is niet goed gevormd (regel {line}, kolom {column + 1}). "
            "Download het opnieuw of herstel de opmaak.",
        ) from exc


def load_xml(path: Path, data: bytes) -> Extraction:
    """A BWB law text or an officiële publicatie, chosen by the root element."""
    root = parse_xml(path, data)
    extract = FORMATS.get(local_name(root))
    if extract is None:
        raise IngestError(str(path), NOT_OFFICIAL_XML.format(root=local_name(root)))
    return extract(root)
