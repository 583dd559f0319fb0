"""What one chosen document is about, in its own words: "Waar gaat deze publicatie over?".

An officer who chose one document under "Alleen in" (`--doc` on the command line) and asks what
it is about, or for its summary, gets the document's own summary: the section it calls so
("Samenvatting", "Samenvatting en beleidsimplicaties", "Managementsamenvatting", "In het kort"),
else its introduction ("Inleiding", "Aanleiding", "Algemeen deel"), else its opening. A law opens
with what it regulates: its opschrift ("Wet van 9 juli 2014, houdende regels inzake …") and its
considerans ("Alzo Wij in overweging genomen hebben, dat het wenselijk is …"); the formulae around
them ("Wij Willem-Alexander, bij de gratie Gods, …") say nothing. Nothing is searched: such a
question has no subject to search for, and a summary shares few words with it.
"""

from __future__ import annotations

import re
from dataclasses import replace

from assistant.compose import sources_block, to_citation
from assistant.models import Citation
from assistant.sentences import Unit, passage_units
from index.models import Hit

MAX_SENTENCES = 4  # a direct answer an officer reads at a glance; the passage is in the sources panel
_NUMBER = r"(?:hoofdstuk\s+)?(?:\d+(?:\.\d+)*\.?\s+)?"
SUMMARY = re.compile(rf"^\s*{_NUMBER}(?:samenvatting|managementsamenvatting|in het kort)\b", re.I)
INTRODUCTION = re.compile(rf"^\s*{_NUMBER}(?:inleiding|aanleiding|algemeen deel)\b", re.I)
_CONTENTS = re.compile(r"^\s*inhoud(?:sopgave)?\b", re.I)
# the enacting formulae of a Dutch law or decree; the considerans after "saluut! doen te weten:" stays
_FORMULA = re.compile(r"^(?:Wij \S+, bij de gratie Gods\b.*|Allen, die dezen? zullen zien of horen lezen, saluut! doen te "
                      r"weten:\s*|Zo is het,? dat Wij\b.*|Op de voordracht van\b.*|De Afdeling advisering van de Raad van "
                      r"State gehoord\b.*|Gezien het nader rapport\b.*|Gelet op\b.*)", re.S)
# a line of a table of contents: "3.2 Toetsing van de redelijkheid … ……….. 12"
_CONTENTS_LINE = re.compile(r"\.{4,}|…{2,}|^\d+(?:\.\d+)+\s")
_ARTICLE = re.compile(r"^\s*artikel\b", re.I)


def overview(chunks: list, document) -> tuple[list[tuple[Hit, list[Unit]]], str]:
    """What the document whose `chunks` (in text order) are given says it is about: per passage
    the units shown (sentences and lead-ins with their lists, at most MAX_SENTENCES in all), and which part of the document they are
    ("de samenvatting", "de inleiding" or "het begin"). No passages when it has no sentence."""
    for pattern, where in ((SUMMARY, "de samenvatting"), (INTRODUCTION, "de inleiding")):
        section = next((c.section for c in chunks if _headed(c.section, pattern)), None)
        found = _sentences([c for c in chunks if c.section == section], document) if section is not None else []
        if found:
            return found, where
    # a law's opening is its opschrift and considerans; its articles are what it says, not what about
    opening = [c for c in chunks if not _headed(c.section, _CONTENTS)]
    first_article = next((i for i, c in enumerate(opening) if _headed(c.section, _ARTICLE)), len(opening))
    return _sentences(opening[:first_article] or opening[:1], document), "het begin"


def overview_text(found: list[tuple[Hit, list[Unit]]], where: str) -> tuple[str, list[Citation]]:
    """The answer (Markdown, each sentence and list item cited) and its citations."""
    citations = [to_citation(n, hit, [u.text for u in shown] + [i for u in shown for i in u.items])
                 for n, (hit, shown) in enumerate(found, start=1)]
    lines, prose = [], []
    for n, (_, shown) in enumerate(found, start=1):
        for unit in shown:
            prose.append(f"{unit.text} [{n}]")
            if unit.items:  # a lead-in ends the paragraph; its list follows it
                lines += [" ".join(prose)] + [f"- {item} [{n}]" for item in unit.items]
                prose = []
    lines += [" ".join(prose)] if prose else []
    title = found[0][0].document.display_title
    return (f"_Waar {title} over gaat, uit {where} van het document:_\n\n" + "\n".join(lines)
            + f"\n\n{sources_block(citations)}"), citations


def _headed(section: str | None, pattern: re.Pattern) -> bool:
    return any(pattern.match(heading) for heading in (section or "").split("›"))


def _sentences(chunks: list, document) -> list[tuple[Hit, list[Unit]]]:
    found, count = [], 0
    for chunk in chunks:
        hit = Hit(chunk, document, 1.0)
        own = []
        for unit in passage_units(hit):
            text = _FORMULA.sub("", unit.text).strip().strip("_*").strip()
            # a title line, a date, a page number or a line of contents is no sentence about the
            # content; nor is a lead-in whose list the passage does not hold, or a sentence's tail
            ends = ".;!?)" + (":" if unit.items else "")
            if (unit.kind != "row" and len(text.split()) >= 6 and text[-1:] in ends and not text[0].islower()
                    and not _CONTENTS_LINE.search(text)):
                own.append(replace(unit, text=text))
            if count + len(own) == MAX_SENTENCES:
                break
        if own:
            found.append((hit, own))
            count += len(own)
        if count == MAX_SENTENCES:
            break
    return found
