"""An officer asks a question a whole guide is written on, and gets the guide's summary and its parts."""

from __future__ import annotations

import pytest

from assistant import Assistant, Citation
from assistant.compose import to_citation
from assistant.outline import guide_on
from evals.metrics import direct_answer
from index.models import Hit
from index.searcher import LiveIndex
from index.writer import IndexWriter


@pytest.fixture(scope="module")
def officer(small_index, embedder) -> Assistant:
    return Assistant(LiveIndex(small_index, embedder))


def test_an_officer_asking_how_to_set_up_the_process_organisation_gets_the_guides_summary_then_its_parts(officer):
    # before, the answer was one sentence that happens to say "richt … in" (the formal organisation's
    # programmabureau): the network organisation, the in-between form and the choice were missing
    answer = officer.ask("Hoe richt je de procesorganisatie in?")

    assert not answer.abstained
    assert direct_answer(answer.text).startswith("Een netwerkorganisatie is snel, goedkoop en dicht bij de lijn")
    assert "tussenvorm" in direct_answer(answer.text)
    assert answer.citations[0].section == "Samenvatting"
    body = answer.text.split("**Bronnen**")[0]
    for part in ("Wanneer kies je welke vorm?", "Ontwerpvragen voor de procesorganisatie",
                 "Randvoorwaarden voor beide vormen"):
        line = next(line for line in body.splitlines() if line.startswith(f"- {part}"))
        cited = int(line.rsplit("[", 1)[1].rstrip("]"))
        assert answer.citations[cited - 1].section.startswith(part)  # each part cited to its own passage
    # the colophon and "Over deze handreiking" are text about the text, no part of the answer
    assert "geen officiële publicatie" not in body and "Over deze handreiking" not in body
    assert answer.searched_for("Hoe richt je de procesorganisatie in?") is None  # no "(inrichten)" shown


def test_a_question_about_one_point_of_the_guide_is_answered_with_that_point(officer):
    answer = officer.ask("Wat zijn de nadelen van een netwerkorganisatie?")

    assert answer.text.startswith("Voordelen en nadelen van de netwerkorganisatie › Nadelen:")


def test_a_law_text_is_no_guide_however_fully_its_title_names_the_question(officer):
    # a law's title names what it regulates; its sections are articles, no parts of an answer
    index = officer.index.get()
    law = "regelgeving-urgentieregeling-aandachtsgroepen"
    guide = "handreiking-procesorganisatie"

    assert guide_on("Hoe regel je de urgentieregeling voor aandachtsgroepen?", _opening(index, law), index) is None
    assert guide_on("Hoe richt je de procesorganisatie in (inrichten)?", _opening(index, guide), index).doc_id == guide


def test_a_question_about_one_case_or_a_number_is_no_question_for_the_whole_guide(officer):
    index = officer.index.get()
    opening = _opening(index, "handreiking-procesorganisatie")

    assert guide_on("Hoe richt Parkstad de procesorganisatie in?", opening, index) is None  # a name: one case
    assert guide_on("Hoeveel procesorganisaties richt je in?", opening, index) is None  # a number


GUIDE_ON_THREE_GROUPS = """# Huurders, bewoners en ervaringsdeskundigen betrekken

## Hoe betrek je huurdersorganisaties?

Nodig hen uit bij het opstellen van de woonzorgvisie, niet pas bij de prestatieafspraken.

## Hoe betrek je ervaringsdeskundigen?

### Op beleidsniveau

Laat ervaringsdeskundigen meedenken over de woonzorgvisie en de toewijzingsregels.

### Randvoorwaarden

- **Vergoeding:** betaal ervaringsdeskundigen voor hun inzet, net als andere deskundigen.
- **Ondersteuning:** bied begeleiding en intervisie, want het werk kan confronterend zijn.

## Samenvatting

Betrek huurdersorganisaties als formele partner en ervaringsdeskundigen als deskundigen.
"""


def test_an_officer_asking_how_to_involve_one_group_gets_the_guides_part_on_it_whole_not_the_whole_guide(
        tmp_path, embedder):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "betrekken.md").write_text(GUIDE_ON_THREE_GROUPS, encoding="utf-8")
    IndexWriter(tmp_path / "index", embedder).ingest([tmp_path / "docs"], overrides={"type": "handreiking"})
    officer = Assistant(LiveIndex(tmp_path / "index", embedder))

    answer = officer.ask("Hoe betrek ik ervaringsdeskundigen?")
    body = answer.text.split("**Bronnen**")[0]

    assert body.startswith("_Het deel „Hoe betrek je ervaringsdeskundigen?”")
    for line in ("**Op beleidsniveau**", "- Laat ervaringsdeskundigen meedenken over de woonzorgvisie",
                 "**Randvoorwaarden**", "- Vergoeding: betaal ervaringsdeskundigen voor hun inzet",
                 "- Ondersteuning: bied begeleiding en intervisie"):
        assert line in body, line
    assert "huurdersorganisaties" not in body.lower()  # another group's part, and the summary of all three
    assert {c.section.split(" › ")[0] for c in answer.citations} == {"Hoe betrek je ervaringsdeskundigen?"}


def _opening(index, doc_id: str) -> Citation:
    chunk = next(iter(index.chunks_of(doc_id)))
    return to_citation(1, Hit(chunk, index.document(doc_id), 1.0), [])
