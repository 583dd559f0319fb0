"""An officer mistypes a key term; the library's nearest word is read instead (assistant/spelling.py)."""

from __future__ import annotations

import pytest

from assistant import Assistant
from assistant.models import Answer
from assistant.spelling import Spelling
from index.searcher import LiveIndex


@pytest.fixture(scope="module")
def officer(small_index, embedder) -> Assistant:
    return Assistant(LiveIndex(small_index, embedder))


@pytest.fixture(scope="module")
def spelling(small_index, embedder) -> Spelling:
    return Spelling(LiveIndex(small_index, embedder).get())


def test_an_officer_who_mistypes_the_urgentieregeling_gets_the_ten_groups_and_sees_how_her_question_was_read(officer):
    meant = officer.ask("Welke groepen krijgen urgentie volgens de urgentieregeling?")
    typed = officer.ask("Welke groepen krijgen urgentie volgens de urgentieregelng?")

    assert not typed.abstained
    assert typed.text == meant.text
    assert "Jongeren uit jeugdzorg" in typed.text
    assert typed.query == "Welke groepen krijgen urgentie volgens de urgentieregeling?"
    assert typed.notes == ["Gelezen als ‘urgentieregeling’ (u typte ‘urgentieregelng’): deze woorden komen in de "
                           "kennisbank niet voor zoals getypt."]


@pytest.mark.parametrize("typed, read", [
    ("Wat is een woonzorgvisei?", "Wat is een woonzorgvisie?"),  # two letters swapped
    ("Hoe richt je de procesorganistie in?", "Hoe richt je de procesorganisatie in?"),  # one left out
    ("Huisvestnig van statushouders?", "Huisvesting van statushouders?"),  # the first word keeps its capital
    ("Wie regelt de Wmo-begeleidng?", "Wie regelt de Wmo-begeleiding?"),  # a compound by its parts
    ("Welke randvoorwarden gelden?", "Welke randvoorwaarden gelden?"),  # a word of the headings only
    # a name the library writes, mistyped, also where the typo is a Dutch word ("frist"; helper-53)
    ("Wat doet Parkstd aan Housing Frist?", "Wat doet Parkstad aan Housing First?"),
])
def test_a_typo_in_a_term_of_the_library_is_read_as_that_term(spelling, typed, read):
    assert spelling.correct(typed)[0] == read


@pytest.mark.parametrize("question", [
    "Wat regelen we regionaal en wat lokaal?",  # every word known
    "Hoeveel statushouders huisvest Kerkrade in de eerste helft van 2027?",  # "helft" is Dutch, not "heeft"
    "Wanneer zijn de verkiezingen?",  # not "verwijzingen"
    "Hoe maak ik een appeltaart?",  # off topic: it stays so, and is refused as such
    "Hoeveel woningen bouwt Landgraaf?",  # a name the library may lack, not a typo
    "Hoeveel woningen bouwt Baarn?",  # nor read as a word the library writes lower case ("baan")
    "What are the advantages of a network organisation?",  # English, refused with a request for Dutch
])
def test_a_word_spelled_right_or_a_name_is_never_read_as_another(spelling, question):
    assert spelling.correct(question) == (question, [])


def test_a_question_with_a_typo_is_answered_from_the_same_passages_in_a_follow_up_too(officer):
    first = "Wat is een woonzorgvisie?"
    history = [{"role": "user", "content": "Wat is een woonzorgvisei?"},
               {"role": "assistant", "content": officer.ask(first).text}]

    answer = officer.ask("Wie stelt die op?", history=history)

    assert "woonzorgvisie" in answer.query and "woonzorgvisei" not in answer.query


def test_what_was_searched_is_shown_only_when_it_is_not_what_the_officer_typed():
    assert Answer("…", [], False, "Hallo").searched_for("hallo") is None  # a capital alone
    assert Answer("…", [], False, "Wat is een woonzorgvisie?").searched_for("Wat is een woonzorgvisei?") \
        == "Wat is een woonzorgvisie?"
