"""Questions about the chosen document as an object, answered from its own passages: when it is
dated, how many chapters it has, how many pages it or its summary takes, how many sources its
reference list holds, who wrote it.

An officer reading one document (the "Alleen in" filter, `--doc`) asks "Wanneer is de publicatie
verschenen?", "Uit hoeveel hoofdstukken bestaat de publicatie?", "Hoe lang is deze
samenvatting?" or "Wie zijn de auteurs?". No sentence answers these, and a search finds
sentences that merely share a word ("… wordt op de website gepubliceerd"); the document's date,
its numbered chapter headings, its page numbers and its colophon do. Only a question whose
subject is the document itself counts ("de publicatie", "dit rapport", "het"), not one about
something in it ("Wanneer is de internetconsultatie gepubliceerd?", "Welke hoofdstukken gaan
over toezicht?").

Each answer cites the passage it rests on and quotes what the text says: the line with the date
(the officer sees what the date is of: "Besluit van 26 juni 2024", "(ontvangen 21 maart
2024)"), or a Staatsblad's or Kamerstuk's "Uitgegeven …" line when the question asks when it
appeared; the chapter headings. What is counted (pages, the entries of a reference list) is a
note in italics. A fact the document does not bear out is not made up: the answer says it is
not there.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.compose import sources_block, to_citation
from assistant.expand import join
from assistant.models import Citation
from assistant.overview import SUMMARY
from assistant.sentences import as_quoted, units
from index.models import Hit
from ingest.dates import dutch_date

# the document itself: "de publicatie", "dit rapport", "deze wet", or "het" / "dit" alone
_DOCUMENT = (r"(?:(?:de|het|dit|deze)\s+(?:publicatie|rapport|document|nota|notitie|stuk|brief|besluit|wet|regeling"
             r"|circulaire|beleidsboek|handreiking|verordening|tekst|beleidsnota|kamerstuk)|het|dit|deze)")
_ASKS_DATE = re.compile(
    rf"^\s*wanneer\s+(?:is|werd)\s+{_DOCUMENT}\s+(?:verschenen|gepubliceerd|uitgekomen|uitgebracht|uitgegeven|gedateerd"
    rf"|geschreven|vastgesteld|ondertekend|getekend)\s*\??\s*$"
    rf"|^\s*van\s+wanneer\s+(?:is|dateert)\s+{_DOCUMENT}\s*\??\s*$"
    rf"|^\s*wat\s+is\s+de\s+(?:publicatie)?datum(?:\s+van\s+{_DOCUMENT})?\s*\??\s*$", re.I)
_REFERENCES_ASKED = r"(?:bronnen|referenties|literatuurverwijzingen|bronverwijzingen)"
_APPEARED = re.compile(r"\b(?:verschenen|gepubliceerd|uitgekomen|uitgegeven)\b", re.I)
_ASKS_CHAPTERS = re.compile(
    rf"^\s*(?:uit\s+hoeveel\s+hoofdstukken\s+bestaat\s+{_DOCUMENT}"
    rf"|(?:hoeveel|welke)\s+hoofdstukken\s+(?:heeft|telt|bevat)\s+{_DOCUMENT})\s*\??\s*$", re.I)
_ASKS_LENGTH = re.compile(
    rf"^\s*(?:hoe\s+lang\s+is\s+(?:de|deze)\s+(?P<summary>samenvatting)"
    rf"|hoeveel\s+pagina['’]?s\s+(?:telt|heeft|beslaat)\s+(?:(?:de|deze)\s+(?P<own>samenvatting)|{_DOCUMENT})"
    rf"|hoe\s+lang\s+is\s+{_DOCUMENT})\s*\??\s*$", re.I)
_ASKS_REFERENCES = re.compile(
    rf"^\s*hoeveel\s+{_REFERENCES_ASKED}\s+(?:worden|zijn)\s+(?:er\s+)?(?:in|door)\s+{_DOCUMENT}\s+"
    rf"(?:aangehaald|geciteerd|genoemd|vermeld|gebruikt)\s*\??\s*$"
    rf"|^\s*hoeveel\s+{_REFERENCES_ASKED}\s+(?:haalt|citeert|noemt|vermeldt|telt|bevat|heeft)\s+{_DOCUMENT}(?:\s+aan)?\s*\??\s*$"
    rf"|^\s*hoeveel\s+{_REFERENCES_ASKED}\s+(?:staan|zijn)\s+(?:er\s+)?in\s+de\s+(?:literatuurlijst|bronnenlijst"
    rf"|referentielijst|bronvermelding)(?:\s+van\s+{_DOCUMENT})?\s*\??\s*$", re.I)
_ASKS_AUTHORS = re.compile(
    rf"^\s*(?:wie\s+(?:zijn|is)\s+de\s+auteurs?(?:\s+van\s+{_DOCUMENT})?"
    rf"|wie\s+(?:heeft|hebben)\s+{_DOCUMENT}\s+geschreven|door\s+wie\s+is\s+{_DOCUMENT}\s+geschreven)\s*\??\s*$", re.I)
# the colophon's field over its names ("Auteurs" over "Christian Lennartz", …), read as a lead-in
_AUTHORS_FIELD = re.compile(r"^\s*auteurs?\b", re.I)
# the heading of a reference list: "Bronnen", "Literatuur", "6 Literatuurlijst"
_REFERENCE_LIST = re.compile(r"^\s*(?:\d{1,2}\.?\s+)?(?:bronnen|bronnenlijst|bronvermelding|literatuur|literatuurlijst"
                             r"|geraadpleegde\s+literatuur|referenties|bibliografie)\s*$", re.I)
# an entry of an author-year list: "Mulder, C.H. (1993).", "Ministerie van BZK (2023b),"
_ENTRY_YEAR = re.compile(r"\((?:19|20)\d{2}[a-z]?\)")
# "1 Aanleiding", "Hoofdstuk 2 Het verhuisproces", "HOOFDSTUK III Toezicht", the Woningwet's
# "Hoofdstuk IIIa Wooncoöperaties" and its "Hoofdstuk II" without a title (not a section's "4.3
# Ruimtelijke verhuispatronen")
_CHAPTER = re.compile(r"^\s*(?:(?P<named>hoofdstuk)\s+(?:(?P<roman>[IVXL]+)|(?P<arabic>\d{1,2}))(?P<suffix>[a-z]?)\b"
                      r"|(?P<number>\d{1,2})(?![.,]?\d)\.?\s*\S)", re.I)
_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50}
# "Uitgegeven de achtentwintigste juni 2024": a Staatsblad's or Kamerstuk's publication line
_PUBLISHED = re.compile(r"^\s*Uitgegeven\s+(?:de|op)\s+.*\b\d{4}\b.*$", re.M)

# "Vragen van het lid Keijzer (BBB) aan de Minister … (ingezonden 11 maart 2024)."
_SENT_IN = re.compile(r"^.*\(ingezonden\s+\d{1,2}\s+\w+\s+\d{4}\)\.?\s*$", re.M)

LINE_WORDS = 24  # a quoted line, at most, around the date it is quoted for
NO_DATE = "{title} noemt geen datum die ik als de datum van het document kan aanwijzen."
NO_CHAPTERS = "{title} heeft geen genummerde hoofdstukken die ik kan tellen."
NO_PAGES = "{title} heeft geen paginanummers{what}."
NO_REFERENCES = "{title} heeft geen literatuurlijst (Bronnen, Literatuur, Referenties) die ik kan tellen."
NO_AUTHORS = "{title} noemt geen auteurs die ik kan aanwijzen."


@dataclass
class Fact:
    """The answer to a question about the document: its text (Markdown, [n] and the Bronnen
    block) with its citations and the passages they are, or `missing`: the text that says the
    document does not show it (no citations)."""

    text: str
    citations: list[Citation]
    hits: list[Hit]
    missing: bool = False


def asks_document_fact(question: str) -> str | None:
    """"datum", "hoofdstukken", "lengte", "bronnen" or "auteurs" for a question about the document as an
    object, else None."""
    if _ASKS_DATE.search(question):
        return "datum"
    if _ASKS_CHAPTERS.search(question):
        return "hoofdstukken"
    if _ASKS_LENGTH.search(question):
        return "lengte"
    if _ASKS_REFERENCES.search(question):
        return "bronnen"
    if _ASKS_AUTHORS.search(question):
        return "auteurs"
    return None


def document_fact(question: str, chunks: list, document) -> Fact | None:
    """The answer to a question `asks_document_fact` recognises, from the document's `chunks`
    (in text order); None for any other question."""
    kind = asks_document_fact(question)
    if kind is None:
        return None
    found = {"datum": _date, "hoofdstukken": _chapters, "lengte": _length, "bronnen": _references,
             "auteurs": _authors}[kind](question, chunks, document)
    if isinstance(found, str):
        return Fact(found, [], [], missing=True)
    lines, cited = found
    hits = [Hit(chunk, document, 1.0) for chunk, _ in cited]
    # a quote cut short is marked "…" (`_line_with`); the source panel marks the words themselves
    citations = [to_citation(n, hit, [mark.strip("… ") for mark in marks])
                 for n, (hit, (_, marks)) in enumerate(zip(hits, cited), start=1)]
    return Fact("\n".join(lines) + f"\n\n{sources_block(citations)}", citations, hits)


def _title(document) -> str:
    # in quotes: many titles end in a question mark ("De procesorganisatie inrichten: …?")
    return f"„{document.display_title}”"


def _line_with(chunks: list, pattern: re.Pattern, around: str = ""):
    """The first chunk with a line `pattern` matches, and that line; a paragraph longer than
    LINE_WORDS is cut to the words around `around`, which a reader needs to see what it is."""
    for chunk in chunks:
        found = pattern.search(chunk.text)
        if found:
            words = found.group(0).split()
            if len(words) > LINE_WORDS and around:
                at = next((i for i in range(len(words)) if " ".join(words[i:]).lower().startswith(around.lower())), 0)
                start, end = max(0, at - LINE_WORDS // 2), at + LINE_WORDS // 2
                # a cut is marked, so the quote does not seem to begin or end there
                words = ["…"] * (start > 0) + words[start:end] + ["…"] * (end < len(words))
            return chunk, " ".join(words).lstrip("# ")  # a Markdown heading's marks are no text
    return None


def _heading_with(chunks: list, written: str):
    """The first chunk under a heading that names the date `written` as what it is of ("Wet van
    …", "Besluit van …"), and that heading."""
    of = re.compile(rf"\b(?:wet|besluit|regeling|brief|beschikking)\s+van\s+{re.escape(written)}\b", re.I)
    for chunk in chunks:
        heading = next((h.strip() for h in (chunk.section or "").split("›") if of.search(h)), None)
        if heading:
            return chunk, heading
    return None


def _date(question: str, chunks: list, document):
    title = _title(document)
    published = _line_with(chunks, _PUBLISHED) if _APPEARED.search(question) else None
    if published:
        chunk, line = published
        return [f"_Wanneer {title} is uitgegeven, staat in de tekst zelf:_", "", f"{as_quoted(line)} [1]"], [(chunk, [line])]
    if not document.metadata.date:
        return NO_DATE.format(title=title)
    written = dutch_date(document.metadata.date)  # "4 september 2023", "januari 2026"
    # a law's title heading says what the date is of ("Wet van 29 augustus 1991 tot herziening van de
    # Woningwet"), where its text has the date alone under the signature
    stating = _heading_with(chunks, written) or _line_with(
        chunks, re.compile(rf"^.*{re.escape(written)}.*$", re.I | re.M), written)
    if stating is None:
        return NO_DATE.format(title=title)
    chunk, line = stating
    lines = [f"_De datum van {title} is {written}; zo staat die in de tekst:_", "", f"{as_quoted(line)} [1]"]
    asked = _line_with(chunks, _SENT_IN, "(ingezonden")
    if asked is None or asked[1] == line:
        return lines, [(chunk, [line])]
    # Kamervragen are dated by when their answer was received (ingest.dates); the questions went in earlier
    earlier, sent_in = asked
    lines += ["", "_De vragen zijn eerder ingezonden:_", "", f"{as_quoted(sent_in)} [{1 if earlier is chunk else 2}]"]
    if earlier is chunk:
        return lines, [(chunk, [sent_in, line])]
    return lines, [(chunk, [line]), (earlier, [sent_in])]


def _chapter_number(heading: str) -> tuple[int, str] | None:
    """(number, letter) of a chapter heading: "Hoofdstuk IIIa Wooncoöperaties" → (3, "a")."""
    match = _CHAPTER.match(heading)
    if not match:
        return None
    suffix = (match.group("suffix") or "").lower()
    if match.group("number") or match.group("arabic"):
        return int(match.group("number") or match.group("arabic")), suffix
    values = [_ROMAN[c] for c in match.group("roman").upper()]
    return sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values)), suffix


def _chapters(question: str, chunks: list, document):
    firsts: dict[tuple[int, str], tuple[str, object]] = {}
    for chunk in chunks:
        # the first heading of the path that numbers a chapter: a beleidsboek's path opens with its title
        for heading in (h.strip() for h in (chunk.section or "").split("›")):
            number = _chapter_number(heading)
            if number is not None:
                firsts.setdefault(number, (heading, chunk))
                break
    numbers = sorted(firsts)
    whole = sorted(n for n, suffix in numbers if not suffix)  # "IIIa" stands between III and IV
    if len(numbers) < 2 or not whole or whole[0] != 1:
        return NO_CHAPTERS.format(title=_title(document))  # no numbering the headings bear out
    if whole == list(range(1, len(whole) + 1)):
        lines = [f"_{_title(document)} heeft {len(numbers)} genummerde hoofdstukken:_", ""]
    elif all(_CHAPTER.match(firsts[n][0]).group("named") for n in numbers):
        # a law's chapter without text left in an edition; numbered headings of another kind that skip
        # a number are no chapters (Utrecht's leading principles "1. Ongelijk investeren …", "3. …")
        lines = [f"_{_title(document)} heeft tekst onder {len(numbers)} genummerde hoofdstukken; de nummering "
                 f"loopt niet door:_", ""]
    else:
        return NO_CHAPTERS.format(title=_title(document))
    lines += [f"- {as_quoted(firsts[n][0])} [{i}]" for i, n in enumerate(numbers, start=1)]
    return lines, [(firsts[n][1], []) for n in numbers]


def _length(question: str, chunks: list, document):
    asked = _ASKS_LENGTH.search(question)
    title = _title(document)
    if asked.group("summary") or asked.group("own"):
        section = next((c.section for c in chunks if any(SUMMARY.match(h) for h in (c.section or "").split("›"))),
                       None)
        part = [c for c in chunks if section is not None and c.section == section]
        if not part or part[0].page_start is None:
            return NO_PAGES.format(title=title, what=" bij een samenvatting")
        first, last = part[0].page_start, max(c.page_end or c.page_start for c in part)
        pages = last - first + 1
        where = f"p. {first}" if pages == 1 else f"p. {first}–{last}"
        name = section.split("›")[-1].strip()
        return ([f"_„{name}” in {title} beslaat {pages} {'pagina' if pages == 1 else 'pagina’s'} ({where}) [1]._"],
                [(part[0], [])])
    if not document.n_pages or not chunks:
        return NO_PAGES.format(title=title, what="")
    return [f"_{title} telt {document.n_pages} pagina’s [1]._"], [(chunks[-1], [])]


def _references(question: str, chunks: list, document):
    """The entries of the document's reference list, counted by the year each author-year entry
    gives in brackets ("Mulder, C.H. (1993)."); the whole list is the one source cited."""
    title = _title(document)
    # the last such section: a reference list closes the text (a contents page may name it first)
    section = next((c.section for c in reversed(chunks) if any(_REFERENCE_LIST.match(h) for h in (c.section or "").split("›"))),
                   None)
    part = [c for c in chunks if section is not None and c.section == section]
    if not part:
        return NO_REFERENCES.format(title=title)
    whole = part[0]
    for chunk in part[1:]:
        whole = join(whole, chunk)  # the list's passages overlap: each entry once
    entries = len(_ENTRY_YEAR.findall(whole.text))
    if not entries:
        return NO_REFERENCES.format(title=title)
    name = next(h for h in section.split("›") if _REFERENCE_LIST.match(h)).strip()
    return ([f"_De lijst „{name}” van {title} telt {entries} vermeldingen (geteld aan het jaartal tussen haakjes "
             f"van elke vermelding) [1]._"], [(whole, [])])


def _authors(question: str, chunks: list, document):
    """The names under the colophon's "Auteurs" field (`assistant.sentences.COLOPHON_FIELD`),
    quoted as the text gives them; "Wie zijn de auteurs?" shares no word with the names, so a
    search finds the colophon only when the question names the document too."""
    for chunk in chunks:
        field = next((u for u in units(chunk.text) if u.kind == "lead" and _AUTHORS_FIELD.match(u.text)), None)
        if field:
            lines = [f"_De auteurs van {_title(document)}, zoals de tekst ze noemt:_", "", f"{field.text} [1]"]
            return lines + [f"- {as_quoted(name)} [1]" for name in field.items], [(chunk, [field.text, *field.items])]
    return NO_AUTHORS.format(title=_title(document))
