"""A question is read for what it asks, not how it was typed (assistant/as_typed.py)."""

from __future__ import annotations

import pytest

from assistant.as_typed import as_asked, asked_in_english, courtesy


@pytest.mark.parametrize("typed, asked", [
    ("Beste Thuiswijzer, welke groepen krijgen urgentie?", "Welke groepen krijgen urgentie?"),
    ("Hoi! Welke groepen moeten in de urgentieregeling?", "Welke groepen moeten in de urgentieregeling?"),
    ("Goedemorgen, wat is een woonzorgvisie?", "Wat is een woonzorgvisie?"),
    ("Vraag: Welke groepen?", "Welke groepen?"),
    ("Ik heb een vraag: wat is een woonzorgvisie? Alvast bedankt!", "Wat is een woonzorgvisie?"),
    ("WELKE GROEPEN MOETEN IN DE URGENTIEREGELING?", "Welke groepen moeten in de urgentieregeling?"),
    # a story first, then the question it marks: the story's words are no terms to search for
    ("Goedemiddag, ik werk bij een gemeente in het oosten. Wij schrijven een nieuwe verordening en er is veel "
     "discussie met de corporaties. Mijn vraag is eigenlijk: welke groepen moeten in de urgentieregeling?",
     "Welke groepen moeten in de urgentieregeling?"),
])
def test_a_greeting_a_label_thanks_and_capitals_are_not_what_is_asked(typed, asked):
    assert as_asked(typed) == asked


@pytest.mark.parametrize("question", [
    "Wat doet de Wmo voor dak- en thuislozen?",  # initials stay capitals
    "Dagbesteding: wat is dat?",  # a subject before the colon, not a greeting
    "Hoi!", "Bedankt",  # nothing would be left
    "Hoe werkt Housing First in Parkstad Limburg?",
    "Wij zijn een kleine gemeente in Parkstad. Hoeveel statushouders moeten wij huisvesten?",  # no marked question
])
def test_a_question_typed_plainly_stays_as_it_is(question):
    assert as_asked(question) == question


@pytest.mark.parametrize("question, english", [
    ("Who decides on urgency for homeless people?", True),
    ("Which groups must be in the urgency scheme?", True),
    ("Welke groepen moeten in de urgentieregeling?", False),
    # Dutch with English names, and words too few to tell: read as Dutch
    ("Is Housing First evidence based?", False),
    ("Wat is Housing First?", False),
    ("OK thanks", False),
])
def test_only_a_question_beyond_doubt_in_english_is_taken_for_english(question, english):
    assert asked_in_english(question) is english


@pytest.mark.parametrize(("message", "kind"), [
    ("hallo", "groet"), ("Goedemorgen!", "groet"), ("Hoi Thuiswijzer", "groet"),
    ("Bedankt!", "dank"), ("Dank je wel, Thuiswijzer.", "dank"), ("Alvast bedankt", "dank"),
    ("Hoi! Welke groepen krijgen urgentie?", None), ("Dag- en nachtopvang?", None), ("Wat is een woonzorgvisie?", None),
])
def test_a_message_that_only_greets_or_thanks_is_told_from_a_question(message, kind):
    assert courtesy(message) == kind
