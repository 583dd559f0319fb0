"""What one chosen document is about, in its own words: "Waar gaat deze publicatie over?".

An officer who chose one document under "Alleen in" (`--doc` on the command line) and asks what
it is about, or for its summary, gets the document's own summary: the section it calls so
("Samenvatting", "Samenvatting en beleidsimplicaties", "Managementsamenvatting", "In het kort"),
else a law's aanhef, else its introduction ("Inleiding", "Aanleiding", "Algemeen deel"), else its
opening. A law's aanhef says what it regulates: its opschrift ("Wet van 9 juli 2014, houdende
regels inzake …") and its considerans ("Alzo Wij in overweging genomen hebben, dat het wenselijk
is …"); the formulae around them ("Wij Willem-Alexander, bij de gratie Gods, …") say nothing.
Nothing is searched: such a question has no subject to search for, and a summary shares few words
with it.
"""

from __future__ import annotations

import re
from dataclasses import replace

from assistant.compose import sources_block, to_citation
from assistant.models import Citation
from assistant.sentences import PARLIAMENTARY_HEAD, Unit, as_quoted, is_boilerplate, passage_units
from index.models import DocumentRecord, Hit
from ingest.metadata import OPSCHRIFT

MAX_SENTENCES = 4  # a direct answer an officer reads at a glance; the passage is in the sources panel
_NUMBER = r"(?:hoofdstuk\s+)?(?:\d+(?:\.\d+)*\.?\s+)?"
SUMMARY = re.compile(rf"^\s*{_NUMBER}(?:samenvatting|managementsamenvatting|in het kort)\b", re.I)
# "Wat is Housing Parkstad?" over a guide's or an example's first real section says what it is about
# a summary's own "Waar gaat de wet over?" too
INTRODUCTION = re.compile(rf"^\s*{_NUMBER}(?:inleiding|aanleiding|algemeen deel|wat is\b[^?]*\?"
                          rf"|waar gaat (?:de|het|deze|dit) [^?]{{1,40}} over\?)", re.I)
# "Over dit praktijkvoorbeeld": how the text came about, not what it is about
_ABOUT_THE_TEXT = re.compile(r"^\s*over\s+(?:dit|deze)\b", re.I)
_CONTENTS = re.compile(r"^\s*inhoud(?:sopgave)?\b", re.I)
# the enacting formulae of a Dutch law or decree; the considerans after "saluut! doen te weten:" stays
_FORMULA = re.compile(r"^(?:Wij \S+, bij de gratie Gods\b.*|Allen, die dezen? zullen zien of horen lezen, saluut! doen te "
                      r"weten:\s*|Zo is het,? dat Wij\b.*|Op de voordracht van\b.*|De Afdeling advisering van de Raad van "
                      r"State gehoord\b.*|De Raad van State gehoord\b.*|Gezien het nader rapport\b.*|Gelet op\b.*)", re.S)
# a line of a table of contents ("3.2 Toetsing van de redelijkheid … ……….. 12") or a footnote
# ("1 Wordt zowel met het wetsvoorstel … geregeld.")
_CONTENTS_LINE = re.compile(r"\.{4,}|…{2,}|^\d+(?:\.\d+)+\s|^\d{1,2}\s+[A-Z]")
_CONSIDERANS = re.compile(r"^Alzo Wij\b")
_ARTICLE = re.compile(r"^\s*artikel\b", re.I)


def overview(chunks: list, document) -> tuple[list[tuple[Hit, list[Unit]]], str]:
    """What the document whose `chunks` (in text order) are given says it is about: per passage
    the units shown (sentences and lead-ins with their lists, at most MAX_SENTENCES in all), and
    which part of the document they are ("de samenvatting", "de aanhef", "de aanhef en de
    inleiding", "de inleiding" or "het begin"). No passages when it has none of these: a law text
    without its aanhef does not say what it is about, and its first article (definitions) is no
    answer to that."""
    summary = summary_of(chunks, document)
    if summary:
        return summary, "de samenvatting"
    # the aanhef (opschrift and considerans) before the articles; a decree's annex may have an
    # "Inleiding" of its own, which introduces that annex, not the decree
    opening = [c for c in chunks if not _headed(c.section, _CONTENTS) and not _headed(c.section, _ABOUT_THE_TEXT)]
    first_article = next((i for i, c in enumerate(opening) if _headed(c.section, _ARTICLE)), len(opening))
    before = _sentences(opening[:first_article], document)
    introduction = _section(chunks, INTRODUCTION, document)
    if any(OPSCHRIFT.match(u.text) or _CONSIDERANS.match(u.text) for _, shown in before for u in shown):
        if sum(len(shown) for _, shown in before) > 1 or not introduction:
            return before, "de aanhef"
        # an amending decree's opschrift alone names what it amends; its toelichting says why
        return before + _section(chunks, INTRODUCTION, document, MAX_SENTENCES - 1), "de aanhef en de inleiding"
    if introduction:
        return introduction, "de inleiding"
    return before, "het begin"


def described_law(texts: list[DocumentRecord], chunks_of) -> DocumentRecord | None:
    """Of the texts of one law (the Huisvestingswet 2014 as enacted
    and as of 1 July 2026), or of the papers about it (its memorie van toelichting), the one whose
    summary, aanhef or introduction says most about what the law is (`overview`; the newest among
    equals), read through `chunks_of(doc_id)` (its chunks in text order); None when none of them
    says it: an article that names the law is no answer to what it is."""
    best, most = None, 0
    for text in sorted(texts, key=lambda d: d.metadata.date or "", reverse=True):
        found, where = overview(list(chunks_of(text.doc_id)), text)
        said = sum(len(shown) for _, shown in found)
        if where != "het begin" and said > most:
            best, most = text, said
    return best


def _section(chunks: list, pattern: re.Pattern, document, limit: int = MAX_SENTENCES) -> list[tuple[Hit, list[Unit]]]:
    section = next((c.section for c in chunks if _headed(c.section, pattern)), None)
    return _sentences([c for c in chunks if c.section == section], document, limit) if section is not None else []


def overview_text(found: list[tuple[Hit, list[Unit]]], where: str) -> tuple[str, list[Citation]]:
    """The answer (Markdown, each sentence and list item cited) and its citations."""
    citations = [to_citation(n, hit, [u.text for u in shown] + [i for u in shown for i in u.items])
                 for n, (hit, shown) in enumerate(found, start=1)]
    lines, prose = [], []
    for n, (_, shown) in enumerate(found, start=1):
        for unit in shown:
            prose.append(f"{as_quoted(unit.text)} [{n}]")
            if unit.items:  # a lead-in ends the paragraph; its list follows it
                lines += [" ".join(prose)] + [f"- {as_quoted(item)} [{n}]" for item in unit.items]
                lines += ["", f"{as_quoted(unit.tail)} [{n}]"] if unit.tail else []
                prose = []
    lines += [" ".join(prose)] if prose else []
    # the title in quotes: many end in a question mark ("De procesorganisatie inrichten: …?")
    title = found[0][0].document.display_title
    return (f"_Waar het document over gaat, uit {where} van „{title}”:_\n\n" + "\n".join(lines)
            + f"\n\n{sources_block(citations)}"), citations


def _disclaimer(text: str) -> bool:
    """Text about the text ("Dit praktijkvoorbeeld is geschreven voor de kennisbank …", "Zie ook …");
    an opschrift is no disclaimer here: what a law is called says what it regulates, and the head of
    parliamentary questions what they are about."""
    return is_boilerplate(text) and not (OPSCHRIFT.match(text) or PARLIAMENTARY_HEAD.match(text))


def _headed(section: str | None, pattern: re.Pattern) -> bool:
    return any(pattern.match(heading) for heading in (section or "").split("›"))


def content_text(unit: Unit) -> str | None:
    """The text of a unit that says something about the content, without a law's enacting formula;
    None for a title line, a date, a page number, a line of contents, a disclaimer, a lead-in
    whose list the passage does not hold, a sentence's tail or a table row."""
    text = _FORMULA.sub("", unit.text).strip().strip("_*").strip()
    ends = ".;!?)" + (":" if unit.items else "")
    # an opschrift may end without a full stop ("… tot uitvoering van … de Huurprijzenwet woonruimte")
    if (unit.kind != "row" and len(text.split()) >= 6 and (text[-1:] in ends or OPSCHRIFT.match(text))
            and not text[0].islower() and not _CONTENTS_LINE.search(text) and not _disclaimer(text)):
        return text
    return None


def summary_of(chunks: list, document) -> list[tuple[Hit, list[Unit]]]:
    """The sentences of the section the document calls its summary (`SUMMARY`), as `overview`
    gives them; [] when it has none."""
    return _section(chunks, SUMMARY, document)


def about_the_text(heading: str) -> bool:
    """"Over deze handreiking", "Over dit praktijkvoorbeeld": how the text came about."""
    return bool(_ABOUT_THE_TEXT.match(heading))


def _sentences(chunks: list, document, limit: int = MAX_SENTENCES) -> list[tuple[Hit, list[Unit]]]:
    found, count = [], 0
    for chunk in chunks:
        hit = Hit(chunk, document, 1.0)
        own = []
        for unit in passage_units(hit):
            text = content_text(unit)
            if text:
                own.append(replace(unit, text=text))
            if count + len(own) == limit:
                break
        if own:
            found.append((hit, own))
            count += len(own)
        if count == limit:
            break
    return found
