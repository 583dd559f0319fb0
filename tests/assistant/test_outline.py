"""An officer asks a question a whole guide is written on, and gets the guide's summary and its parts."""

from __future__ import annotations

import pytest

from assistant import Assistant, Citation
from assistant.compose import to_citation
from assistant.outline import guide_on
from evals.metrics import direct_answer
from index.models import Hit
from index.searcher import LiveIndex


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


def _opening(index, doc_id: str) -> Citation:
    chunk = next(iter(index.chunks_of(doc_id)))
    return to_citation(1, Hit(chunk, index.document(doc_id), 1.0), [])
