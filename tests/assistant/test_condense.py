"""An officer follows up in a chat; the assistant turns the follow-up into a standalone query."""

import pytest

from assistant.condense import (asks_of_another_place, asks_to_explain, carried_from, condense, is_follow_up, own_terms,
                                points_back_first, same_kind, topic_of, topic_questions)
from evals import sets

EARLIER = [
    {"role": "user", "content": "Wat regelen we regionaal en wat lokaal?"},
    {"role": "assistant", "content": "Regionaal … [1] Lokaal … [2]"},
]


@pytest.mark.parametrize("follow_up", [
    "En wat regelen we lokaal?",
    "Hoe doet Parkstad dat?",
    "Wat betekent dat voor corporaties?",
    "Wat zijn dan de nadelen van die netwerkvorm?",
    "Op wiens naam staat het huurcontract dan?",
    "En de provincie?",
    "Voor wie is het bedoeld?",  # "het" for what was asked (helper-59: answered about the OKEC)
    "Hoe werkt het?",
    "Welke voorwaarden gelden ervoor?",  # helper-61: answered about the OKEC's uses
    "Wie betaalt eraan mee?",
    "Hoe pakken gemeenten dat in de praktijk aan?",  # helper-65: answered with an unrelated table row
])
def test_a_follow_up_that_leans_on_the_conversation_carries_the_earlier_topic(follow_up):
    query = condense(follow_up, EARLIER)

    assert is_follow_up(follow_up)
    assert "regionaal" in query and "lokaal" in query
    assert not query.lower().startswith("en ")


@pytest.mark.parametrize("question", [
    "Wat is een woonzorgvisie?",
    "Hoe richt je de procesorganisatie in?",
    "Is beschermd wonen duurder dan opvang?",
    "Welke mensen die uit de opvang komen krijgen urgentie?",
    "Welke groepen die uitstromen krijgen voorrang?",  # "die" opens a relative clause
    "Wat is het budget van Housing First?",  # "het" with its noun is an article
    # "ervoor" that points at a clause of its own, or back into the question itself
    "Hoe zorg ik ervoor dat statushouders snel een woning krijgen?",
    "Wat is ervoor nodig om een urgentieverklaring te krijgen?",
    "Welke stappen zetten we bij een nieuwe huisvestingsverordening, en wie moeten we erbij betrekken?",
    "Hoe zou de aanpak eruit moeten zien?",
    "Hoe lang liep de woonzorgstimuleringsregeling en hoeveel geld was ervoor beschikbaar?",  # its own regeling
    "Hoe weet ik dat iemand urgentie krijgt?",  # "dat" opens a clause that ends on its verb
    "Hoe zorgen we dat jongeren meedoen?",
])
def test_a_question_that_stands_on_its_own_is_searched_as_asked(question):
    assert condense(question, EARLIER) == question


@pytest.mark.parametrize("follow_up, query", [
    ("Wat moet erin staan?", "Wat moet in woonzorgvisie staan?"),
    ("Wie werkt ermee?", "Wie werkt met woonzorgvisie?"),
    ("Hoe kom je ertoe?", "Hoe kom je tot woonzorgvisie?"),
])
def test_an_er_word_that_points_back_is_searched_as_its_preposition_with_the_earlier_topic(follow_up, query):
    # with the topic in brackets behind "Wat moet erin staan?" the embedder read another question
    history = [{"role": "user", "content": "Wat is een woonzorgvisie?"}, {"role": "assistant", "content": "…"}]

    assert condense(follow_up, history) == query


def test_a_follow_up_on_how_it_was_before_the_change_leaves_the_date_of_the_new_text_behind():
    history = [{"role": "user", "content": "Welke groepen moet een gemeente vanaf 1 juli 2026 opnemen in de "
                                           "urgentieregeling?"}, {"role": "assistant", "content": "…"}]

    query = condense("En hoe zat dat vóór die wetswijziging?", history)

    assert "urgentieregeling" in query and "vóór die wetswijziging" in query
    assert not any(word in query for word in ("vanaf", "juli", "2026"))


def test_without_history_nothing_is_carried_over():
    assert condense("Hoe doet Parkstad dat?", None) == "Hoe doet Parkstad dat?"


def test_a_chain_of_follow_ups_keeps_the_topic_of_the_first_question():
    history = EARLIER + [{"role": "user", "content": "En wat regelen we lokaal?"},
                         {"role": "assistant", "content": "Lokaal … [1]"}]

    assert "regionaal" in condense("Hoe doet Parkstad dat?", history)


@pytest.mark.parametrize(("earlier", "follow_up", "query"), [
    # the pronoun before a split verb's particle
    ("Hoe vraag ik DigiD aan?", "Hoe vraag ik die aan?", "Hoe vraag ik DigiD aan?"),
    ("Wat is de huurprijsgrens?", "Wie stelt dat vast?", "Wie stelt huurprijsgrens vast?"),
    ("Wat is de huurprijsgrens?", "Geldt die ook voor kamers?", "Geldt huurprijsgrens ook voor kamers?"),
    # "die afspraken" are the prestatieafspraken, no other afspraken of that kind; helper-42 got the
    # lessons of a practice example, searched on "Wie maakt die afspraken?" alone
    ("Wat zijn prestatieafspraken?", "Wie maakt die afspraken?", "Wie maakt prestatieafspraken?"),
    # further on in the question too (helper-61: searched as "Wat moet er in die visie staan?")
    ("Wat is een woonzorgvisie?", "En wat moet er in die visie staan?", "Wat moet er in woonzorgvisie staan?"),
])
def test_a_pronoun_in_a_follow_up_is_searched_as_the_subject_it_stands_for(earlier, follow_up, query):
    # helper-32 asked "Hoe vraag ik die aan?" after "Hoe vraag ik DigiD aan?" and was refused: the
    # query "Hoe vraag ik die aan (vraag DigiD aan)?" embedded too far from the DigiD pages
    history = [{"role": "user", "content": earlier}, {"role": "assistant", "content": "… [1]"}]

    assert is_follow_up(follow_up)
    assert condense(follow_up, history) == query


def test_a_word_the_follow_up_says_itself_is_not_carried_again():
    assert condense("En wat regelen we lokaal?", EARLIER) == "Wat regelen we lokaal (regionaal)?"


@pytest.mark.parametrize("earlier, follow_up, query", [
    ("Wat zijn de nadelen van een netwerkorganisatie?", "En de voordelen van een formele organisatie?",
     "De voordelen van een formele organisatie?"),
    ("Welke groepen krijgen urgentie?", "En welke doelgroepen niet?", "Welke doelgroepen niet (krijgen urgentie)?"),
])
def test_a_follow_up_that_names_another_of_the_same_kind_does_not_carry_the_one_it_replaces(earlier, follow_up,
                                                                                            query):
    # after the network's drawbacks, "de voordelen van een formele organisatie" replaces both: carried, they
    # opened the answer with the network's advantages
    history = [{"role": "user", "content": earlier}, {"role": "assistant", "content": "… [1]"}]

    assert condense(follow_up, history) == query


def test_words_that_only_end_alike_are_not_of_the_same_kind():
    assert not same_kind("woningen", "regelingen")  # "ingen" is no word
    assert not same_kind("gemeente", "gemeente")


def test_a_pronoun_that_pointed_back_is_no_topic_carried_on():
    # a reviewer saw "Over mantelzorg (ze over beschermd wonen)?" after a chain within the Wmo
    history = [{"role": "user", "content": "Waar gaat deze wet over?"}, {"role": "assistant", "content": "…"},
               {"role": "user", "content": "Wat zegt ze over beschermd wonen?"}, {"role": "assistant", "content": "…"}]

    assert condense("En over mantelzorg?", history) == "Over mantelzorg (beschermd wonen)?"


def test_a_request_to_explain_the_last_answer_carries_no_topic_into_the_next_follow_up():
    history = [{"role": "user", "content": "Wat is een maatwerkvoorziening?"},
               {"role": "assistant", "content": "maatwerkvoorziening: … [1]"},
               {"role": "user", "content": "Wat wordt daarmee bedoeld?"},
               {"role": "assistant", "content": "Een eerder antwoord in andere woorden uitleggen kan ik niet …"}]

    assert condense("En wat is mantelzorg?", history) == "Wat is mantelzorg (maatwerkvoorziening)?"


def test_what_a_follow_up_adds_is_not_the_thing_it_points_back_at():
    earlier = "Beschermd wonen, te verstrekken door het college van de gemeente tot welke hij zich wendt."

    # "hoe snel" asks a duration ("dur", see sentences.question_terms), not the word "snel"
    assert own_terms("En hoe snel moet die gemeente dan beslissen?", earlier) == ["besliss", "dur"]
    # what the earlier answer did not name is no pointing back, and a question of nothing but
    # pointing keeps its words
    assert own_terms("En als het mensen zijn die verhuizen?", earlier) == ["mens", "verhuiz"]
    assert own_terms("Is dat verplicht?", "Het is verplicht.") == ["verplicht"]


@pytest.mark.parametrize("follow_up", [
    "Wat houdt dat in?", "Wat wordt daarmee bedoeld?", "Wat wordt hier precies mee bedoeld?", "Kun je dat uitleggen?",
    "Kunt u dit nader toelichten?", "Wat betekent dat?", "Wat bedoel je daarmee?", "Hoe bedoel je?",
    "En wat houdt dat precies in?", "Leg dat eens uit.", "Wat moet ik daaronder verstaan?", "Wat wil dat zeggen?",
    "Kun je dat in gewone taal uitleggen?", "Kun je dat simpeler zeggen?", "Wat is dat precies?", "Wat houden die in?",
    "Ik snap het niet.",
])
def test_an_officer_asking_to_have_the_last_answer_explained_is_recognised(follow_up):
    assert asks_to_explain(follow_up)


@pytest.mark.parametrize("question", [
    # what the last answer brings someone, or a question with a term of its own
    "Wat betekent dat voor corporaties?", "Wat houdt dat in voor statushouders?", "Wat houdt de Wet betaalbare huur in?",
    "Wat wordt bedoeld met een woongelegenheid?", "Kun je dat uitleggen voor jongeren?", "Wat zijn die groepen?",
    "Wat is dat voor regeling?",
])
def test_a_follow_up_with_something_of_its_own_to_ask_is_no_request_to_explain(question):
    assert not asks_to_explain(question)


@pytest.mark.parametrize(("question", "pointer"), [
    ("Wat betekent dat voor kleine gemeenten?", "dat"), ("Geldt die ook voor kamers?", "die"),
    ("En voor jongeren?", "En"), ("Welke daarvan zijn verplicht?", "daarvan"), ("Wat zijn dan de nadelen?", "dan"),
    ("Wie betaalt dat?", "dat"), ("Dit geldt ook voor kamers?", "Dit"), ("Hebben ze recht op huurtoeslag?", "ze"),
    ("Hoeveel kost dat?", "dat"), ("Is dat verplicht?", "dat"), ("Dat is toch niet verplicht?", "Dat"),
    ("Wat vind je daarvan?", "daarvan"), ("Hoeveel hiervan zijn statushouders?", "hiervan"), ("Klopt dat?", "dat"),
    # a question word after a preposition: a fresh user's "Vanaf wanneer gaat dat in?" was searched as asked
    ("Vanaf wanneer gaat dat in?", "dat"), ("Sinds wanneer geldt dat?", "dat"), ("Voor wie geldt die?", "die"),
])
def test_a_question_that_points_back_before_it_names_anything_is_recognised(question, pointer):
    assert points_back_first(question) == pointer


@pytest.mark.parametrize("question", [
    "Hoe doet Parkstad dat?", "Wat is een casustafel en waarvoor gebruik je die?", "Hoe lang is deze samenvatting?",
    "En wat is een algemene voorziening?", "Wat als de gemeente weigert?", "Welke groepen horen daarbij?",
    # "die" as a relative pronoun, "dat" as a conjunction, a joiner before a whole question, "dan" as a
    # filler: a reviewer's questions that were refused as pointing back
    "Welke woningen die al verhuurd zijn vallen onder de huurbescherming?",
    "Hoeveel huishoudens die nog thuis wonen zoeken een woning?",
    "Welke mensen die niet zelfredzaam zijn krijgen Wmo-ondersteuning?",
    "Welke gemeenten die nog geen regionale aanpak hebben moeten er een maken?",
    "Klopt het dat niet alle gemeenten een urgentieregeling hebben?", "Hoe komt het dat niet iedereen urgentie krijgt?",
    "Klopt het dat ook jongeren voorrang kunnen krijgen?", "Is het zo dat alleen ingezetenen een vergunning krijgen?",
    "En geldt de urgentieregeling ook voor statushouders?", "Maar geldt de huurbescherming ook voor kamers?",
    "En heeft de gemeente een huisvestingsverordening nodig?", "En klopt het dat jongeren voorrang krijgen?",
    "Dan nog een vraag: wat is een woonvergunning?", "Wat is dan een huisvestingsvergunning?",
    # and a conjunction after "Stel", people in general, a question without a subject
    "Stel dat een huurder vertrekt, wat dan?", "Ze zeggen dat de wachttijd lang is, klopt dat?", "Waarom?",
    # a second reviewer's: comparatives, the present, a first word before its noun or clause, "dat" as a
    # conjunction, "ervan" pointing ahead, linking words, a subject after a comma, people in general
    "Is een sociale huurwoning meer dan de helft van de voorraad?", "Gaat dit jaar de huurtoeslag omhoog?",
    "Wat verandert er dit jaar in de Huisvestingswet?", "Dit is mijn eerste vraag: hoe werkt de urgentieregeling?",
    "Dat gemeenten een woonzorgvisie moeten maken weet ik maar wie controleert het?",
    "Mensen die uitstromen uit beschermd wonen, krijgen die voorrang?",
    "Aangenomen dat de gemeente geen verordening heeft, mag zij dan urgentie verlenen?",
    "Klopt dat niet alle gemeenten een urgentieregeling hebben?", "Hoe kan het nou dat de wachttijd zo lang is?",
    "Hoe komt het eigenlijk dat er zo weinig sociale huurwoningen zijn?",
    "Klopt het niet dat de gemeente een huisvestingsverordening moet hebben?",
    "Ervan uitgaande dat een gemeente geen urgentieregeling heeft wat zijn de gevolgen?",
    "Wat vind je ervan dat gemeenten zelf de urgentie regelen?", "Daarnaast: wat is een woonzorgvisie?",
    "Hierbij een vraag over de woonzorgvisie.", "Geldt hetzelfde voor kamers als voor zelfstandige woningen?",
    "Hoe werkt dat, een urgentieregeling?", "En voor mensen uit beschermd wonen, is er een urgentieregeling?",
    "Ook voor jongeren onder de 23 geldt de kostendelersnorm, klopt dat?",
    "Hebben ze in Amsterdam een wachtlijst voor sociale huur?", "Wat doen ze in de opvang als er geen woning is?",
    "En wanneer gaat de Wet betaalbare huur in?",
])
def test_a_question_that_names_its_subject_before_pointing_stands_on_its_own(question):
    assert points_back_first(question) == ""


def test_a_first_question_that_pointed_back_at_nothing_carries_no_topic():
    history = [{"role": "user", "content": "Geldt die ook voor kamers?"},
               {"role": "assistant", "content": "In dit gesprek is nog geen eerdere vraag gesteld …"}]

    assert topic_questions(history) == []
    assert condense("En voor jongeren?", history) == "En voor jongeren?"
    assert topic_questions(history + [{"role": "user", "content": "Geldt de urgentieregeling voor kamers?"}]) == [
        "Geldt de urgentieregeling voor kamers?"]


def test_no_first_question_of_the_gold_sets_is_taken_for_one_that_points_back():
    # the bundled and real sets, written by the team, and the Rijksoverheid pages' own questions
    first = [q.question for q in sets.bundled().questions + sets.real().questions if not q.history]
    assert len(first) > 150
    if sets.VACS.is_file():  # in ../shared, which CI has beside the clone
        first += [row["question"] for row in sets.vac_rows()]
        assert len(first) > 300
    assert [q for q in first if points_back_first(q)] == []


def test_the_topic_carried_into_a_follow_up_holds_no_function_words():
    # "Gezocht op: … (Met overleggen prestatieafspraken)?" (a fresh user)
    history = [{"role": "user", "content": "Met wie moet een woningcorporatie overleggen over prestatieafspraken?"},
               {"role": "assistant", "content": "Met de gemeente en de huurdersorganisatie. [1]"}]

    query = condense("En als gemeente en corporatie het niet eens worden, wie beslist dan?", history)

    assert query.endswith("(overleggen prestatieafspraken)?")
    # nor the measure it asked: "(lang huisvestingsverordening gelden)"
    assert topic_of("Hoe lang mag een huisvestingsverordening gelden?") == "huisvestingsverordening gelden"


def test_a_follow_up_asking_from_when_carries_the_topic_and_not_its_own_preposition():
    # helper-45: after "Wonen Eerst", "Vanaf wanneer gaat dat in?" was answered with the date of the
    # woningwaarderingsstelsel; the next follow-up then carried "Vanaf" as if it were a subject
    history = [{"role": "user", "content": "Wat houdt Wonen Eerst in volgens de Utrechtse beleidsnota?"},
               {"role": "assistant", "content": "Door ‘Wonen Eerst’ toe te voegen aan het verdeelbesluit … [1]"}]

    assert condense("Vanaf wanneer gaat dat in?", history) == "Vanaf wanneer gaat Wonen Eerst Utrechtse beleidsnota in?"
    history += [{"role": "user", "content": "Vanaf wanneer gaat dat in?"},
                {"role": "assistant", "content": "Vanaf 2026 wordt deze groep meegenomen … [1]"}]
    assert "Vanaf" not in condense("Hoeveel woningen worden daarvoor gereserveerd?", history)


@pytest.mark.parametrize(("earlier", "follow_up"), [
    # helper-48's chains on the real library, each searched as typed and answered from other passages
    ("Wat verandert de Wet betaalbare huur voor verhuurders?", "Sinds wanneer?"),
    ("Wie is verantwoordelijk voor het huisvesten van statushouders?", "Hoe wordt hun aantal per gemeente berekend?"),
    ("Wanneer moet een corporatie haar bod sturen?", "Kan de huurdersorganisatie dat ook vragen?"),
    # helper-47: refused, though the practice example lists its bottlenecks
    ("Hoe is de middelgrote gemeente met Housing First begonnen?", "Welke knelpunten kwamen ze tegen?"),
    # helper-50: searched as it stood, it was answered with the Woningwet's welstand report to the raad
    ("Wat is de inkomensgrens voor een middenhuurwoning met huisvestingsvergunning?",
     "Mag de gemeenteraad die grens hoger leggen?"),
    # helper-55: read as standing alone, it carried only its own words to the next follow-up, "En wie maakt het
    # landelijke aantal bekend?", which lost the taakstelling and was refused
    ("Wat is de taakstelling voor vergunninghouders?", "Mogen gemeenten die onderling ruilen?"),
    # helper-70: a kind of answer alone, searched as it stood, was answered from the Huurcommissie's termijn
    ("Wat regelt de Wmo over het onderzoek na een melding?", "Binnen welke termijn?"),
    ("Wat wil Utrecht doen voor aandachtsgroepen?", "Voor welke doelgroepen precies?"),
    # helper-70: "hun" after a word that cannot own it, searched as it stood, was answered from Utrecht's nota
    ("Wat staat er in de Kamervragen over evacués uit het buitenland?", "Wie is verantwoordelijk voor hun huisvesting?"),
])
def test_a_follow_up_that_points_back_by_a_bare_question_word_a_possessive_or_an_object_carries_the_topic(
        earlier, follow_up):
    history = [{"role": "user", "content": earlier}, {"role": "assistant", "content": "… [1]"}]

    assert is_follow_up(follow_up)
    assert condense(follow_up, history) != follow_up


@pytest.mark.parametrize("question", [
    # helper-47: asked after a question about Maasdorp, it was searched with Maasdorp's meldpunt
    "Vanaf wanneer geldt de beleidsregel van Vlinderveen en wie evalueert hem?",
    # helper-68: both were read as follow-ups of the question before, whose topic leaked into the answer
    "Wat is Housing First en voor wie is het bedoeld?",
    "Wat is de kostendelersnorm en geldt die voor inwonende kinderen?",
    "Hebben jongeren die uit een jeugdzorginstelling komen recht op urgentie, en tot welke leeftijd geldt dat?",
    "Hoe komen jongeren aan hun woning?",
    "Wat moeten gemeenten doen als ze geen verordening hebben?",
    "Klopt het dat gemeenten dat moeten?",
    "Kan een gemeente die geen verordening heeft toch urgentie geven?",
    "Welke gemeenten regelen hun huisvesting zelf?",
])
def test_a_question_whose_pronoun_points_at_what_it_names_itself_is_searched_as_asked(question):
    assert not is_follow_up(question)
    assert condense(question, EARLIER) == question


def test_the_same_question_of_another_place_carries_the_topic_without_the_place_it_replaces():
    # helper-51: "En in Utrecht?" was searched as "… wachttijd sociale huurwoning Amersfoort"
    history = [{"role": "user", "content": "Wat is de gemiddelde wachttijd voor een sociale huurwoning in Amersfoort?"},
               {"role": "assistant", "content": "De gemiddelde wachttijd … is hetzelfde: 11 jaar. [1]"}]

    assert condense("En in Utrecht?", history) == "In Utrecht (gemiddelde wachttijd sociale huurwoning)?"
    assert asks_of_another_place("En in Utrecht?", history)
    assert not asks_of_another_place("En hoeveel reacties zijn er in Utrecht?", history)  # asks something else too
    assert not asks_of_another_place("En voor jongeren?", history)


def test_an_officer_sees_a_follow_up_read_as_following_her_earlier_question_not_as_a_garbled_query():
    # "Gezocht op: Geldt groepen krijgen urgentie ook voor jongeren uit de jeugdzorg?" read as no sentence
    history = [{"role": "user", "content": "Welke groepen krijgen urgentie?"}, {"role": "assistant", "content": "…"},
               {"role": "user", "content": "En voor mantelzorgers?"}, {"role": "assistant", "content": "…"}]
    follow_up = "Geldt dat ook voor jongeren uit de jeugdzorg?"

    # the chain it carries, its last turn too ("Gelezen als vervolg op" named only the first, helper-59)
    assert carried_from(follow_up, condense(follow_up, history), history) == [
        "Welke groepen krijgen urgentie?", "En voor mantelzorgers?"]
    # a question that stands on its own, or a typo read as the library's word, follows nothing
    standalone = "Hoe lang mag een huisvestingsverordening gelden?"
    assert carried_from(standalone, condense(standalone, history), history) == []
    assert carried_from("Wat is een urgnetieverklaring?", "Wat is een urgentieverklaring?", history) == []


def test_a_follow_up_that_names_the_earlier_compound_by_its_head_with_the_definite_article_carries_it():
    # helper-69: "En wat moet er in de verordening staan?" after the huisvestingsverordening lost it and was answered
    # from the Participatiewet; "de verordening" is the one asked about, "een formele organisatie" another kind
    history = [{"role": "user", "content": "Hoe lang mag een huisvestingsverordening gelden?"},
               {"role": "assistant", "content": "… ten hoogste vier jaar. [1]"}]
    assert "huisvestingsverordening" in condense("En wat moet er in de verordening staan?", history)

    history = [{"role": "user", "content": "Wat zijn de nadelen van een netwerkorganisatie?"},
               {"role": "assistant", "content": "… [1]"}]
    assert "netwerkorganisatie" in condense("En wat kost de organisatie?", history)
    assert "netwerkorganisatie" not in condense("En de voordelen van een formele organisatie?", history)
