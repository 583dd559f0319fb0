"""A guide written on the very question asked: "Hoe richt je de procesorganisatie in?" is what
the handreiking "De procesorganisatie inrichten: netwerkorganisatie of formele organisatie?" is
about, "Welke samenwerking tuig je op?" is the title of another.

The composer picks the sentences that share most words with a question; for a question a whole
guide answers, those are the one or two that happen to say "richt … in" or "samenwerking" ("In
een formele organisatie richt de regio een programmabureau in …"), while the guide's answer is
its summary ("Er is geen vorm die altijd beter is …") and its parts. When the answer opens in a
guide (no law text) whose title names every term of a question that asks how to go about
something, or of a question that says nothing its title does not, the answer is the guide's own
summary, then its parts in order: each with its heading and first sentence, cited to its own
passage. A guide without a summary section is answered as any other question. When the guide
covers more than is asked and one of its parts is written on the question ("Hoe betrek je
ervaringsdeskundigen?" in a guide on huurders, bewoners and ervaringsdeskundigen), that part is
the answer, whole.
"""

from __future__ import annotations

from assistant.compose import Composition, to_citation
from assistant.models import Citation
from assistant.overview import SUMMARY, about_the_text, content_text, summary_of
from assistant.sentences import (anchors, as_quoted, asked_statement, credit, is_boilerplate, nearest_heading,
                                 passage_units, question_terms)
from assistant.steps import asks_how
from index.models import DocumentRecord, Hit

MAX_PARTS = 8  # an outline an officer takes in at a glance; the rest is in the guide
MAX_PART_LINES = 12  # a part of a guide shown whole; a longer one is answered as any question
_LAW = "regelgeving"  # a law's title names what it regulates; its articles are no outline of an answer


def outline_on(question: str, opening: Citation, index) -> tuple[DocumentRecord, str | None] | None:
    """What of the guide (not a law text) the answer opens in (`opening`) answers `question`, as
    (the guide, the heading path of its part, or None for the whole guide):
    - a part whose heading names every term of a question that asks how to go about something
      ("Hoe betrek je ervaringsdeskundigen?" for "Hoe betrek ik ervaringsdeskundigen?"), the first
      such part in text order;
    - the whole guide when no heading does and its title names every term of a how-question, or
      of a question with no term the title does not name either ("Welke samenwerking tuig je op?"
      of "Welke samenwerking tuig je op, en met wie?").
    None otherwise: for a question about one case (a name, a year) or one that asks a date or a
    number, which a sentence answers, and for another question a part's heading names."""
    document = _guide(question, opening, index)
    if document is None:
        return None
    path = _part_path(question, document, index)
    if path:
        # "Hoe betrek ik ervaringsdeskundigen?" of a guide on huurders, bewoners and ervaringsdeskundigen:
        # its part "Hoe betrek je ervaringsdeskundigen?" answers, not an outline of all three
        return (document, path) if asks_how(question) else None
    wanted = set(question_terms(question))
    titled = set(question_terms(" ".join(filter(None, [document.display_title, document.metadata.title]))))
    if not wanted or not all(credit(term, titled) for term in wanted):
        return None
    return (document, None) if asks_how(question) or all(credit(term, wanted) for term in titled) else None


def guide_on(question: str, opening: Citation, index) -> DocumentRecord | None:
    """The guide whose whole outline answers `question` (`outline_on`), or None."""
    found = outline_on(question, opening, index)
    return found[0] if found and found[1] is None else None


def part_answer(document: DocumentRecord, path: str, index) -> Composition | None:
    """The part of `document` under the heading path `path`, whole: per sub-heading in text order a
    bold label, then each sentence and each list item as a cited line (Markdown, without its
    Bronnen); None when the part is longer than MAX_PART_LINES lines, which an answer would cut."""
    lines = [f"_Het deel „{as_quoted(nearest_heading(path))}” van „{document.display_title}” gaat over deze "
             "vraag:_", ""]
    citations, shown, seen = [], 0, set()
    for chunk in index.chunks_of(document.doc_id):
        section = chunk.section or ""
        if section != path and not section.startswith(path + " ›"):
            continue
        hit = Hit(chunk, document, 1.0)
        said = [text for unit in passage_units(hit) if not is_boilerplate(unit.text)
                for text in ([] if unit.from_heading else [unit.text]) + unit.items
                if text not in seen]  # not twice where passages overlap
        if not said:
            continue
        seen.update(said)
        n = len(citations) + 1
        citations.append(to_citation(n, hit, said))
        label = section[len(path):].strip(" ›")
        if label and f"**{as_quoted(label)}**" not in lines:
            lines += ([""] if lines[-1] else []) + [f"**{as_quoted(label)}**"]
        lines += [f"- {as_quoted(text)} [{n}]" for text in said]
        shown += len(said)
    return Composition("\n".join(lines), citations) if citations and shown <= MAX_PART_LINES else None


def _guide(question: str, opening: Citation, index) -> DocumentRecord | None:
    """The document the answer opens in (`opening`) when it is no law text and `question` asks
    about no one case (a name, a year) and no date or number."""
    document = index.document(opening.doc_id)
    if document is None or document.metadata.type == _LAW or anchors(question) or asked_statement(question):
        return None
    return document


def _part_path(question: str, document: DocumentRecord, index) -> str | None:
    """The heading path, down to that heading, of the first part of `document` whose heading names
    every term of `question`; None when no heading does. The document's title as a heading is the
    whole guide, no part of it."""
    wanted = set(question_terms(question))
    titles = {t.casefold() for t in (document.display_title, document.metadata.title) if t}
    for chunk in index.chunks_of(document.doc_id) if wanted else []:
        headings = [h.strip() for h in (chunk.section or "").split("›")]
        for depth, heading in enumerate(headings):
            if heading.casefold() not in titles and all(credit(term, set(question_terms(heading))) for term in wanted):
                return " › ".join(headings[:depth + 1])
    return None


def guide_answer(document: DocumentRecord, index) -> Composition | None:
    """The guide's summary (up to `overview.MAX_SENTENCES` sentences) as the direct answer, then one
    cited line per part of the guide after its summary, its heading and first sentence (Markdown,
    without its Bronnen); None when the guide has no summary section."""
    chunks = list(index.chunks_of(document.doc_id))
    summary = summary_of(chunks, document)
    if not summary:
        return None
    citations = [to_citation(n, hit, [u.text for u in shown] + [i for u in shown for i in u.items])
                 for n, (hit, shown) in enumerate(summary, start=1)]
    direct = " ".join(f"{as_quoted(u.text)} [{n}]" for n, (_, shown) in enumerate(summary, start=1) for u in shown)
    lines = [f"_„{document.display_title}” gaat over deze vraag; uit de samenvatting:_", "", direct]
    parts = _parts(chunks, document)
    if parts:
        lines += ["", "**Verder in de handreiking**"]
        for heading, hit, (said, more) in parts[:MAX_PARTS]:
            n = len(citations) + 1
            citations.append(to_citation(n, hit, said))  # the passage marks what it says, not the "…"
            shown = as_quoted(" ".join(said))
            lines.append(f"- {as_quoted(heading)} — {shown}{' …' if more else ''} [{n}]")
    return Composition("\n".join(lines), citations)


def _parts(chunks: list, document: DocumentRecord) -> list[tuple[str, Hit, tuple[list[str], bool]]]:
    """Per top-level section of the guide, in text order, (its heading path where its first
    sentence stands, that passage, (`_first`)); not the summary, nor text about the text ("Over
    deze handreiking", a colophon that opens with "Dit document is opgesteld voor …"), nor a
    section without a sentence of content."""
    parts, seen = [], set()
    for chunk in chunks:
        top = (chunk.section or "").split("›")[0].strip()
        if not top or top in seen or SUMMARY.match(top) or about_the_text(top):
            continue
        hit = Hit(chunk, document, 1.0)
        units = passage_units(hit)
        if units and is_boilerplate(units[0].text):
            seen.add(top)
            continue
        first = next((said for unit in units for said in [_first(unit, nearest_heading(chunk.section))] if said), None)
        if first:
            seen.add(top)
            parts.append((chunk.section, hit, first))
    return parts


def _first(unit, heading: str) -> tuple[list[str], bool] | None:
    """What a unit says, shown after its `heading`, as the passage's pieces of text it is made of,
    and whether a list goes on after it: a sentence as it stands (`overview.content_text`); a list
    by its first item, after its lead-in unless the lead-in is only that heading again."""
    if not unit.items:
        said = content_text(unit)
        return ([said], False) if said else None
    more = len(unit.items) > 1
    lead = unit.text.rstrip(":").strip()
    if unit.from_heading or lead.casefold() == heading.casefold():
        return [unit.items[0]], more
    return [unit.text, unit.items[0]], more
