"""An officer asks how to go about something that a guide sets out in steps."""

from __future__ import annotations

import pytest

from assistant import Assistant
from assistant.steps import asks_how, step_of
from index.searcher import LiveIndex


@pytest.fixture(scope="module")
def officer(small_index, embedder) -> Assistant:
    return Assistant(LiveIndex(small_index, embedder))


def test_an_officer_asking_how_to_draw_up_a_woonzorgvisie_gets_the_eight_steps_each_cited_to_its_passage(officer):
    answer = officer.ask("Hoe stel ik een woonzorgvisie op?")

    body = answer.text.split("\n\n**Bronnen**")[0]
    frame, steps = body.split("\n\n", 1)
    assert frame == "_Werkwijze in acht stappen, uit „Een woonzorgvisie opstellen: werkwijze voor gemeenten en regio's”:_"
    lines = steps.splitlines()
    assert [line.split(" — ")[0] for line in lines] == [
        "- Stap 1: Bepaal scope en organisatie", "- Stap 2: Breng de vraag in beeld", "- Stap 3: Breng het aanbod in beeld",
        "- Stap 4: Benoem de opgave", "- Stap 5: Formuleer ambities en doelen", "- Stap 6: Kies woonvormen en begeleiding",
        "- Stap 7: Verdeel rollen en maak een uitvoeringsprogramma", "- Stap 8: Monitor en actualiseer"]
    assert lines[0].endswith("— Leg vast welke doelgroepen de visie behandelt, welke periode zij beslaat en wie eraan "
                             "meewerkt. [1]")
    assert [c.section.split(" › ")[-1][:6] for c in answer.citations] == [f"Stap {n}" for n in range(1, 9)]
    assert all(line.endswith(f"[{n}]") for n, line in enumerate(lines, start=1))


def test_a_question_about_one_step_is_answered_from_that_step_not_with_all_of_them(officer):
    answer = officer.ask("Hoe breng ik het aanbod van woningen en zorgvoorzieningen in beeld?")

    assert not answer.abstained
    assert "Stap 2:" not in answer.text and "Stap 8:" not in answer.text
    assert "Inventariseer geschikte woningen" in answer.text


@pytest.mark.parametrize("question, how", [
    ("Hoe stel ik een woonzorgvisie op?", True),
    ("En hoe pak je dat aan?", True),
    ("Welke stappen zet je bij een regionale aanpak?", True),
    ("Hoe lang duurt het?", False),
    ("Hoeveel woningen zijn nodig?", False),
    ("Hoe verschilt beschermd wonen van opvang?", False),
    ("Wat is een woonzorgvisie?", False),
])
def test_how_to_go_about_something_is_asked_with_hoe_or_welke_stappen(question, how):
    assert asks_how(question) is how


def test_a_step_is_read_from_its_heading_at_any_depth():
    assert step_of("Werkwijze in acht stappen › Stap 1: Bepaal scope en organisatie") == (
        ["Werkwijze in acht stappen"], 1, "Bepaal scope en organisatie")
    assert step_of("Stap 10. Borg de aanpak › Valkuilen") == ([], 10, "Borg de aanpak")
    assert step_of("Fase 2 – Uitvoering") == ([], 2, "Uitvoering")
    assert step_of("Stappenplan › Toepassing in Parkstad") is None
    assert step_of(None) is None
