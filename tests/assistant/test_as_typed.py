"""A question is read for what it asks, not how it was typed (assistant/as_typed.py)."""

from __future__ import annotations

import pytest

from assistant.as_typed import as_asked


@pytest.mark.parametrize("typed, asked", [
    ("Beste Thuiswijzer, welke groepen krijgen urgentie?", "Welke groepen krijgen urgentie?"),
    ("Hoi! Welke groepen moeten in de urgentieregeling?", "Welke groepen moeten in de urgentieregeling?"),
    ("Goedemorgen, wat is een woonzorgvisie?", "Wat is een woonzorgvisie?"),
    ("Vraag: Welke groepen?", "Welke groepen?"),
    ("Ik heb een vraag: wat is een woonzorgvisie? Alvast bedankt!", "Wat is een woonzorgvisie?"),
    ("WELKE GROEPEN MOETEN IN DE URGENTIEREGELING?", "Welke groepen moeten in de urgentieregeling?"),
])
def test_a_greeting_a_label_thanks_and_capitals_are_not_what_is_asked(typed, asked):
    assert as_asked(typed) == asked


@pytest.mark.parametrize("question", [
    "Wat doet de Wmo voor dak- en thuislozen?",  # initials stay capitals
    "Dagbesteding: wat is dat?",  # a subject before the colon, not a greeting
    "Hoi!", "Bedankt",  # nothing would be left
    "Hoe werkt Housing First in Parkstad Limburg?",
])
def test_a_question_typed_plainly_stays_as_it_is(question):
    assert as_asked(question) == question
