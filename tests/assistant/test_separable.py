"""A question that splits a Dutch separable verb ("Hoe dien ik … in?") is searched for the verb
written whole ("indienen"), as the texts write it."""

from __future__ import annotations

import pytest

from assistant import Assistant
from assistant.separable import whole_verbs, with_whole_verbs
from index.searcher import LiveIndex


@pytest.mark.parametrize("question, verbs", [
    ("Hoe dien ik een Woo-verzoek in?", [["indienen"]]),
    ("Hoe vraag ik DigiD aan?", [["aanvragen"]]),  # Rijksoverheid's own question
    # after "ik" the verb is its stem: "richt" is richten (helper-32 saw "oprichen")
    ("Hoe richt ik een politieke partij op?", [["oprichten"]]),
    # "richt" after "je" may be the stem with -t or a stem of its own: both, and the form a
    # subordinate clause writes ("inricht")
    ("Hoe richt je de procesorganisatie in?", [["inrichen", "inrichten", "inricht"]]),
    # the particle before a phrase a preposition opens (helper-32)
    ("Hoe schrijf ik me in bij de gemeente?", [["inschrijven"]]),
    ("Hoe vraag ik een uitkering aan voor mijn kind?", [["aanvragen"]]),
    # "waar" asking where leaves the particle to the verb
    ("Waar haal ik mijn paspoort op?", [["ophalen"]]),
    ("Hoe stem je op integraal op de verschillende schaalniveaus af?", [["afstemmen"]]),
    ("Hoe teken ik bezwaar aan?", [["aantekennen", "aantekenen"]]),  # an unstressed -en does not double
    ("Hoe maak ik bezwaar en hoe dien ik het in?", [["indienen"]]),  # two questions, each its own verb
    # "kom" is "komen", against the rule: the form of a subordinate clause is what the library knows
    ("Hoe vaak komt dat voor?", [["voorkommen", "voorkomten", "voorkomt"]]),
    ("Hoe hoog valt de huur uit?", [["uitvallen", "uitvalten", "uitvalt"]]),  # the verb after "hoe hoog", not "uithogen"
    ("Welke groepen wijst de gemeente aan?", [["aanwijzen", "aanwijsten", "aanwijst"]]),
    ("Hoe richten we de procesorganisatie in?", [["inrichten"]]),  # the plural is the infinitive
    ("Welk resultaat streef je na?", [["nastreven"]]),
])
def test_a_question_that_splits_a_verb_names_the_verb_whole(question, verbs):
    assert whole_verbs(question) == verbs


@pytest.mark.parametrize("question", [
    "Waar gaat Housing Parkstad over?",  # waarover, not overgaan
    "Waar heb ik recht op?",
    "En statushouders, horen die daar ook bij?",
    "Moet ik een nieuwe DigiD aanvragen?",  # already whole
    "Sinds wanneer geldt de wet, en welk onderdeel ging later in?",  # a past tense: no present stem
    "Wanneer treedt de wet in werking?",
    "Welke regels gelden er voor?",  # ervoor
    "Hoe ga ik om met schulden?",  # "ga" is an auxiliary's form
    "Hoe kom ik in aanmerking voor huurtoeslag?",  # "in aanmerking" is no phrase after a particle
    "Wat doet de gemeente voor mensen met schulden?",
])
def test_a_particle_that_belongs_to_waar_or_an_auxiliary_or_a_past_tense_joins_nothing(question):
    assert whole_verbs(question) == []


def test_only_the_forms_the_library_knows_are_added_and_only_from_the_officers_own_words():
    known = {"opstellen", "oprichten"}.__contains__
    assert with_whole_verbs("Hoe richt ik een partij op?", "Hoe richt ik een partij op?", known) == \
        "Hoe richt ik een partij op (oprichten)?"
    assert with_whole_verbs("Hoe stel ik een woonzorgvisie op?", "Hoe stel ik een woonzorgvisie op?", known) == \
        "Hoe stel ik een woonzorgvisie op (opstellen)?"
    assert with_whole_verbs("Hoe dien ik een Woo-verzoek in?", "Hoe dien ik een Woo-verzoek in?", known) == \
        "Hoe dien ik een Woo-verzoek in?"
    # "Wat houdt opvang in?" asks what a word means: inhouden is how it asks, whatever the form
    assert with_whole_verbs("Wat houdt opvang in?", "Wat houdt opvang in?", {"inhoudt"}.__contains__,
                            lambda word: word != "inhouden") == "Wat houdt opvang in?"
    # a follow-up's carried topic ("richt procesorganisatie in") was searched as it stands before
    assert with_whole_verbs("Wat zijn de nadelen (richt procesorganisatie in)?", "Wat zijn de nadelen?",
                            {"inrichten"}.__contains__) == "Wat zijn de nadelen (richt procesorganisatie in)?"


def test_an_officer_asking_how_to_draw_up_a_woonzorgvisie_is_searched_for_opstellen_too(small_index, embedder):
    assistant = Assistant(LiveIndex(small_index, embedder))

    answer = assistant.ask("Hoe stel ik een woonzorgvisie op?")
    unknown = assistant.ask("Hoe vul ik een woonzorgvisie in?")  # the bundled guides never write "invullen"

    # the whole verb is a search term, not how the question was read: no "Gezocht op" for it
    assert answer.query == "Hoe stel ik een woonzorgvisie op?" and answer.searched_for("Hoe stel ik een woonzorgvisie op?") is None
    assert not answer.abstained and "woonzorgvisie" in answer.citations[0].doc_id
    assert unknown.query == "Hoe vul ik een woonzorgvisie in?"
