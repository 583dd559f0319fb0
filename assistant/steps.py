"""How to do what a guide sets out in steps: "Hoe stel ik een woonzorgvisie op?".

A guide that answers a how-to question in steps ("Werkwijze in acht stappen" over "Stap 1:
Bepaal scope en organisatie" … "Stap 8: Monitor en actualiseer") answers it with all of them: the
composer, which picks the sentences that share most words with the question, shows the one step
they happen to share words with ("Stel een kernteam samen …" of step 1). When the answer opens
with a step and the question asks how, not about that one step ("Hoe haal ik bestuurlijk
commitment op?" is step 2 of the stappenplan), the answer is the steps in order, each with its
title and first sentence and cited to its own passage.
"""

from __future__ import annotations

import re

from assistant.compose import Composition, to_citation
from assistant.models import Citation
from assistant.sentences import as_quoted, coverage, is_boilerplate, passage_units, question_terms, terms
from index.models import Hit

MIN_STEPS = 3
# "Stap 3: Richt de procesorganisatie in", "Fase 2 – Uitvoering", "Stap 10. Borg de aanpak"
STEP = re.compile(r"^\s*(?:stap|fase)\s+(\d{1,2})\s*[:.\-–—]?\s*(.*)$", re.I)
# "Hoe stel ik … op?", "Welke stappen zet je …?"; not "Hoe lang …", "Hoeveel …", "Hoe verschilt …"
_ASKS_HOW = re.compile(r"^\s*(?:en\s+)?(?:hoe\b(?!\s*(?:lang|veel|vaak|hoog|groot|oud|ver|laat|snel|zit|heet|verschil"
                       r"\w*|kan het|komt het)\b)|welke stappen\b|wat zijn de stappen\b)", re.I)


def asks_how(question: str) -> bool:
    """A question about how to go about something, which steps answer."""
    return bool(_ASKS_HOW.match(question))


def step_of(section: str | None) -> tuple[list[str], int, str] | None:
    """(the headings above it, its number, its title) of the step a heading path ends in or
    passes through ("Werkwijze in acht stappen › Stap 1: Bepaal scope en organisatie"); None
    outside a step."""
    parts = [p.strip() for p in (section or "").split("›")]
    for depth, part in enumerate(parts):
        found = STEP.match(part)
        if found:
            return parts[:depth], int(found.group(1)), found.group(2).strip()
    return None


def guide_steps(question: str, opening: Citation, index) -> list[tuple[int, str, Hit]] | None:
    """The steps (number, title, first passage) of the guide in `index` that the answer opens with
    (`opening`, a passage of one of its steps), when `question` asks how to go about what they are
    the steps of, not about the opening step alone: its title shares fewer of the question's words
    than the heading above the steps and the guide's title do. None otherwise, and for fewer than
    MIN_STEPS or steps not numbered 1, 2, 3, … ."""
    opened = step_of(opening.section) if asks_how(question) else None
    document = index.document(opening.doc_id) if opened else None
    if document is None:
        return None
    above, _, title = opened
    wanted = set(question_terms(question))
    whole = set(terms(" ".join([document.display_title, document.metadata.title or "", *above])))
    if coverage(wanted, set(terms(title)), {}) >= coverage(wanted, whole, {}):
        return None
    steps: dict[int, tuple[str, Hit]] = {}
    for chunk in index.chunks_of(document.doc_id):  # in text order
        found = step_of(chunk.section)
        if found is not None and found[0] == above and found[1] not in steps:
            steps[found[1]] = (found[2], Hit(chunk, document, 1.0))
    if len(steps) < MIN_STEPS or sorted(steps) != list(range(1, len(steps) + 1)):
        return None
    return [(n, steps[n][0], steps[n][1]) for n in sorted(steps)]


def steps_answer(steps: list[tuple[int, str, Hit]], opening: Citation) -> Composition:
    """The answer (Markdown: a framing line and one cited item per step, its title and first sentence,
    without its Bronnen) and its citations, one per step; `opening` names the heading above them."""
    above = step_of(opening.section)[0]
    firsts = [_first_sentence(hit) for _, _, hit in steps]
    citations = [to_citation(n, hit, [first] if first else []) for n, ((_, _, hit), first)
                 in enumerate(zip(steps, firsts), start=1)]
    guide = steps[0][2].document.display_title
    # a framing line, as an overview has (`overview.overview_text`): the headings it names are no claim
    lines = [f"_{above[-1]}, uit „{guide}”:_" if above else f"_De {len(steps)} stappen van „{guide}”:_", ""]
    for n, ((number, heading, _), first) in enumerate(zip(steps, firsts), start=1):
        lines.append(f"- Stap {number}: {as_quoted(heading)}" + (f" — {as_quoted(first)}" if first else "") + f" [{n}]")
    return Composition("\n".join(lines), citations)


def _first_sentence(hit: Hit) -> str:
    """The step's first sentence (not boilerplate), or its first list item under a lead-in."""
    for unit in passage_units(hit):
        if is_boilerplate(unit.text):
            continue
        if unit.text.endswith(":") and unit.items:
            return unit.items[0]
        return unit.text
    return ""
