"""Which article a question names, and whether it asks only what that article says (assistant/articles.py)."""

from __future__ import annotations

import pytest

from assistant.articles import AskedArticle, asked_article, asks_the_text


@pytest.mark.parametrize(("question", "asked"), [
    ("Wat staat er in artikel 12?", AskedArticle("12")),
    ("Wat staat er in artikel 12 lid 3 van de Huisvestingswet?", AskedArticle("12", 3)),
    ("Wat regelt artikel 12, derde lid?", AskedArticle("12", 3)),
    ("Wat bepaalt het derde lid van artikel 12?", AskedArticle("12", 3)),
    ("Wat zegt art. 2.3.5 van de Wmo over de termijn?", AskedArticle("2.3.5")),
    ("Wat staat er in Artikel 10a?", AskedArticle("10a")),
])
def test_the_article_and_lid_a_question_names_are_read_as_an_officer_writes_them(question, asked):
    assert asked_article(question) == asked


@pytest.mark.parametrize("question", [
    "Welke groepen moeten in de urgentieregeling?",
    "Wat is het verschil tussen artikel 12 en artikel 14?",  # two articles: searched as any question
])
def test_a_question_naming_no_article_or_two_names_none(question):
    assert asked_article(question) is None


@pytest.mark.parametrize(("question", "laws", "text_only"), [
    ("Wat staat er in artikel 12 van de Huisvestingswet?", ["Huisvestingswet"], True),
    ("Wat bepaalt het derde lid van artikel 12?", [], True),
    ("Wie beslist volgens artikel 13 over urgentie?", [], False),
    ("Wat is er veranderd in artikel 12?", [], False),
])
def test_only_a_question_that_asks_nothing_but_what_the_article_says_gets_its_text(question, laws, text_only):
    assert asks_the_text(question, asked_article(question), laws) is text_only
