"""A list under a heading that names what it holds ("Nadelen") is read with that heading and the one above it."""

from __future__ import annotations

import pytest

from assistant import Assistant
from assistant.sentences import units
from index.searcher import LiveIndex


@pytest.fixture(scope="module")
def officer(small_index, embedder) -> Assistant:
    return Assistant(LiveIndex(small_index, embedder))


def test_a_list_under_a_short_heading_is_led_in_by_that_heading_and_the_one_above_it():
    found = units("- Minder flexibel: aanpassen van formatie en opdracht kost tijd.\n- Risico op afstand: een "
                  "bureau staat los van de gemeenten.", "Nadelen", "Voordelen en nadelen van de formele organisatie")

    assert [(u.text, u.items) for u in found] == [
        ("Voordelen en nadelen van de formele organisatie › Nadelen:",
         ["Minder flexibel: aanpassen van formatie en opdracht kost tijd.",
          "Risico op afstand: een bureau staat los van de gemeenten."])]


def test_a_heading_that_says_what_its_list_is_of_leads_it_in_alone():
    # "Wat is Housing First? › Voorwaarden voor Housing First:" read as clutter in the answer (helper-53, helper-55)
    found = units("- Zelfstandige woningen: met een huurcontract.\n- Intensieve begeleiding: een team dat thuis komt.",
                  "Voorwaarden voor Housing First", "Wat is Housing First?")

    assert found[0].text == "Voorwaarden voor Housing First:"
    assert units("- Uren vrijmaken.\n- Vast ritme.", "Randvoorwaarden voor beide vormen",
                 "De procesorganisatie")[0].text == "De procesorganisatie › Randvoorwaarden voor beide vormen:"


def test_a_checklist_heading_of_six_words_leads_in_its_list():
    # "Inhoud van een woonzorgvisie: checklist" stood over nine bare items, of which one opened an answer
    found = units("- Doelgroepen en hun woonbehoefte.\n- Monitoring en evaluatie.",
                  "Inhoud van een woonzorgvisie: checklist", "Een woonzorgvisie opstellen")

    assert [(u.text, u.items) for u in found] == [
        ("Inhoud van een woonzorgvisie: checklist:", ["Doelgroepen en hun woonbehoefte.", "Monitoring en evaluatie."])]


def test_a_paragraph_between_two_bullets_goes_on_with_the_item_above_it():
    found = units("- Uren echt vrijmaken: spreek af welk werk blijft liggen.\n\nUren die alleen op papier bestaan, "
                  "leveren niets op.\n\n- Vaste overlegstructuur: een vast ritme geeft houvast.",
                  "Randvoorwaarden voor beide vormen")

    assert [(u.text, u.items) for u in found] == [
        ("Randvoorwaarden voor beide vormen:",
         ["Uren echt vrijmaken: spreek af welk werk blijft liggen. Uren die alleen op papier bestaan, leveren niets op.",
          "Vaste overlegstructuur: een vast ritme geeft houvast."])]


def test_a_question_or_a_numbered_heading_names_no_list():
    assert all(not u.items for u in units("- Het college beslist.\n- De raad stelt vast.", "Wie beslist over urgentie?"))


def test_a_numbered_heading_names_a_part_of_the_document_not_the_list_below_it():
    found = units("- de woning is zelfstandig;\n- de huurder deelt geen keuken.", "1.4 Zelfstandige woonruimte")

    assert all(not u.items for u in found)


def test_an_officer_asking_for_the_drawbacks_of_a_formal_organisation_gets_those_not_the_networks(officer):
    answer = officer.ask("Wat zijn de nadelen van een formele organisatie?")

    opening = answer.text.split("\n\n")[0]
    assert opening.startswith("Voordelen en nadelen van de formele organisatie › Nadelen: [1]")
    assert "Minder flexibel: aanpassen van formatie en opdracht kost tijd. [1]" in opening
    assert "Kwetsbaar" not in opening
    assert answer.citations[0].section.endswith("formele organisatie › Nadelen")
    assert "› Voordelen:" not in answer.text  # what the officer did not ask for


def test_an_officer_asking_for_the_conditions_of_both_forms_gets_all_five_though_a_paragraph_splits_the_list(officer):
    answer = officer.ask("Welke randvoorwaarden gelden voor beide vormen van procesorganisatie?")

    opening = answer.text.split("\n\n")[0].splitlines()
    assert opening[0] == "Randvoorwaarden voor beide vormen: [1]"
    assert [line.split(":")[0] for line in opening[1:]] == [
        "- Schriftelijke opdracht", "- Uren echt vrijmaken", "- Vaste overlegstructuur", "- Borging van kennis",
        "- Terugkoppeling naar de lijn"]


def test_a_follow_up_does_not_open_with_the_list_the_officer_has_just_read(officer):
    first = "Wat zijn de nadelen van een netwerkorganisatie?"
    earlier = officer.ask(first)
    assert earlier.text.startswith("Voordelen en nadelen van de netwerkorganisatie › Nadelen:")

    answer = officer.ask("En wanneer kies je dan toch voor een formele organisatie?",
                         history=[{"role": "user", "content": first}, {"role": "assistant", "content": earlier.text}])

    assert answer.text.startswith("Kies voor een formele organisatie als: [1]")
    assert "Kwetsbaar" not in answer.text.split("**Verder in de bronnen**")[0]


def test_a_follow_up_about_the_advantages_of_the_other_form_opens_with_those_advantages(officer):
    first = "Wat zijn de nadelen van een netwerkorganisatie?"
    earlier = officer.ask(first)

    answer = officer.ask("En de voordelen van een formele organisatie?",
                         history=[{"role": "user", "content": first}, {"role": "assistant", "content": earlier.text}])

    assert not answer.abstained
    assert answer.text.startswith("Voordelen en nadelen van de formele organisatie › Voordelen:")
