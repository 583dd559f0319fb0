"""How the extractive answer is put together from passages (no index needed)."""

from datetime import date
from pathlib import Path

import pytest

from assistant.compose import compose, facets_of
from assistant.sentences import (as_quoted, credit, defined_terms, glossary_entry, is_boilerplate, names_lid,
                                 passage_units, question_terms, split_sentences, units)
from evals.metrics import contains
from index.models import DocumentRecord, Hit
from ingest.chunking import Chunker
from ingest.loaders import load_document
from ingest.models import Chunk, Metadata

ROOT = Path(__file__).resolve().parents[2]


def hit(text: str, section: str | None = None, doc_id: str = "doc", date: str | None = None,
        type: str = "overig") -> Hit:
    document = DocumentRecord(doc_id, f"/tmp/{doc_id}.md", Metadata(title=doc_id, type=type, date=date), "h", 1, None,
                              "2026-11-24")
    return Hit(Chunk(doc_id, 0, text, 0, len(text), None, None, section), document, 1.0, 0.9, 1.0)


def body(answer) -> str:
    return answer.text.split("**Bronnen**")[0]


def test_an_officer_asking_which_groups_gets_the_whole_list_under_its_lead_in_first():
    passage = ("De wet noemt groepen die in ieder geval urgentie krijgen:\n"
               "- mensen die mantelzorg geven of ontvangen;\n- dakloze gezinnen met minderjarige kinderen;\n"
               "- mensen die beschermd wonen verlaten.")
    answer = compose("Welke groepen krijgen urgentie?", [hit(passage)], {})

    assert answer.text.startswith("De wet noemt groepen die in ieder geval urgentie krijgen: [1]\n")
    for item in ("mensen die mantelzorg geven of ontvangen;", "dakloze gezinnen met minderjarige kinderen;",
                 "mensen die beschermd wonen verlaten."):
        assert f"- {item} [1]" in answer.text
        assert item in answer.citations[0].highlights


def test_an_officer_asking_whether_one_group_gets_urgentie_gets_that_group_under_the_lead_in_not_all_ten():
    groups = hit("Volgens artikel 12 lid 3 horen in ieder geval deze woningzoekenden tot de urgent woningzoekenden:\n"
                 "1. Mantelzorg – woningzoekenden die mantelzorg geven of ontvangen (onderdeel a).\n"
                 "2. Medische redenen – woningzoekenden met ernstige en chronische medische redenen (onderdeel b).\n"
                 "3. Dakloosheid – woningzoekenden die wegens dakloosheid opvang kregen (onderdeel c).\n"
                 "4. Beschermd wonen – woningzoekenden die beschermd wonen verlaten (onderdeel e).\n"
                 "5. Jongeren uit jeugdzorg – jongeren van 18 tot 23 jaar die een accommodatie op grond van de "
                 "Jeugdwet verlaten (onderdeel g).\n"
                 "6. Dakloze gezinnen – woningzoekenden met minderjarige kinderen (onderdeel j).",
                 section="Urgentieregeling › De groepen die in ieder geval urgentie krijgen")

    one = compose("Krijgen jongeren uit de jeugdzorg urgentie?", [groups], {})
    every = compose("Welke groepen krijgen urgentie?", [groups], {})

    assert body(one).startswith("Volgens artikel 12 lid 3 horen in ieder geval deze woningzoekenden tot de urgent "
                                "woningzoekenden: [1]\n- 5. Jongeren uit jeugdzorg – jongeren van 18 tot 23 jaar")
    assert "Mantelzorg" not in body(one) and "nog 5 onderdelen in de bron" in body(one)
    assert "Mantelzorg" in body(every) and "Jongeren uit jeugdzorg" in body(every)


def test_a_question_asking_what_a_law_says_is_not_answered_by_a_sentence_that_says_volgens():
    # "volgens de Woningwet" says whose word is asked; a summary's "Volgens de Woningwet …" shared it
    summary = hit("Volgens de Woningwet is de gemeente verantwoordelijk voor het volkshuisvestingsbeleid.", doc_id="gids")
    cycle = hit("De cyclus van prestatieafspraken begint jaarlijks op 1 juli met het bod van de corporatie.",
                doc_id="woningwet")

    answer = compose("Hoe verloopt de cyclus van prestatieafspraken volgens de Woningwet?", [summary, cycle], {})

    assert body(answer).startswith("De cyclus van prestatieafspraken begint jaarlijks op 1 juli")


def test_an_officer_asking_when_a_law_took_effect_is_not_given_the_date_another_law_took_effect():
    # the Veegwet's own memorie van toelichting opened the answer with the Herzieningswet's date (helper-57)
    mvt = hit("Per 1 juli 2015 is de Herzieningswet toegelaten instellingen volkshuisvesting in werking getreden. "
              "Deze wet regelt een aantal technische wijzigingen in de Huisvestingswet 2014 en de Woningwet.",
              "Memorie van toelichting › Algemeen deel", doc_id="veegwet")

    veegwet = compose("Wanneer is de Veegwet wonen in werking getreden?", [mvt], {})
    herzieningswet = compose("Wanneer is de Herzieningswet in werking getreden?", [mvt], {})

    assert "1 juli 2015" not in veegwet.text
    assert herzieningswet.text.startswith("Per 1 juli 2015 is de Herzieningswet")


def test_an_officer_asking_the_points_for_energielabel_a_gets_the_row_of_a_not_of_a_plus_plus_plus_plus():
    labels = [("A++++", 62, 58), ("A+++", 55, 51), ("A++", 48, 44), ("A+", 45, 41), ("A", 41, 37), ("B", 33, 29)]
    table = hit("\n".join(f"Energielabel, afgegeven vanaf 1 januari 2021: {label} · Punten voor een eengezinswoning: "
                          f"{one} · Punten voor een meergezinswoning: {more}" for label, one, more in labels),
                "Rubriek 2 › Energieprestatie", doc_id="beleidsboek")

    answer = compose("Hoeveel punten krijgt een zelfstandige woning met energielabel A?", [table], {})

    assert body(answer).startswith("Energielabel, afgegeven vanaf 1 januari 2021: A · Punten voor een "
                                   "eengezinswoning: 41 · Punten voor een meergezinswoning: 37")


def test_an_officer_asking_a_limit_per_a_date_gets_the_row_of_that_date_not_an_older_one():
    # helper-62: "Wat is de liberalisatiegrens voor huurwoningen per 1 januari 2026?" opened with the row of 1
    # januari 2024, which names "Liberalisatiegrens"; the date, longer than a label, was no key of its row
    rows = [("1 januari 2024", "Liberalisatiegrens: > € 879,66"),
            ("1 januari 2026", "Sociale sectorgrens: > € 932,93 · Vrijesectorgrens: > € 1.228,07"),
            ("1 juli 2010", "Liberalisatiegrens: > € 647,53")]
    table = hit("\n".join(f"Ingang huurovereenkomst op/na: {date} · {cells}" for date, cells in rows),
                "Bijlage 2 › Huurprijsgrenzen", doc_id="beleidsboek")

    answer = compose("Wat is de liberalisatiegrens voor huurwoningen per 1 januari 2026?", [table], {})

    assert body(answer).startswith("Ingang huurovereenkomst op/na: 1 januari 2026 · Sociale sectorgrens: > € 932,93")


def test_an_officer_asking_about_a_zelfstandige_woning_is_not_answered_from_the_rules_for_onzelfstandige():
    # helper-62: "Levert een balkon punten op … voor een zelfstandige huurwoning?" opened with a balcony shared
    # by four onzelfstandige woonruimten, from the other beleidsboek
    rooms = hit("Een gedeeld balkon levert 0,75 punt per m2 op, gedeeld door het aantal onzelfstandige woonruimten.",
                "Rubriek 6 › Buitenruimten", doc_id="beleidsboek-onzelfstandige-woonruimte")
    homes = hit("Een privé-balkon levert 2 punten op en vervolgens 0,35 punt per m2.", "Rubriek 5 › Buitenruimten",
                doc_id="beleidsboek-zelfstandige-woonruimte")

    answer = compose("Hoeveel punten levert een balkon op bij een zelfstandige huurwoning?", [rooms, homes], {})
    both = compose("Hoeveel punten levert een balkon op, zelfstandig of onzelfstandig?", [rooms, homes], {})

    assert body(answer).startswith("Een privé-balkon levert 2 punten op")
    assert body(both).startswith("Een gedeeld balkon levert 0,75 punt")  # asked both: the better rank opens


def test_an_answer_always_opens_with_a_statement_never_with_verder_in_de_bronnen():
    # "tussen gemeente, woningcorporatie en huurdersorganisatie" was read as a contrast of the last two, no
    # sentence named both, and the answer began with "Verder in de bronnen" (helper-58)
    circular = hit("De huurdersorganisatie is vanaf 1 juli 2015 een volwaardige partner bij prestatieafspraken. "
                   "Het bod van de corporatie gaat ook naar de huurdersorganisatie.", doc_id="circulaire")
    questions = ("Wat zijn prestatieafspraken tussen gemeente, woningcorporatie en huurdersorganisatie?",
                 "Wat is het verschil tussen de rol van de woningcorporatie en die van de huurdersorganisatie?")

    for question in questions:
        answer = compose(question, [circular], {})
        assert body(answer).startswith(("De huurdersorganisatie is vanaf", "Het bod van de corporatie")), answer.text


def test_a_table_row_that_a_pdf_cut_mid_phrase_does_not_open_an_answer():
    # the Besluit betaalbare huur's overview table, its cells cut inside a bracket (helper-58)
    overview = hit("Wijzigingen Besluit huurprijzen woonruimte: Bovengrens regulering middenhuur (inclusief · "
                   "Wetswijzigingen wetsvoorstel betaalbare huur: Maximale jaarlijkse huurprijsstijging regulering\n\n"
                   "Het wetsvoorstel betaalbare huur verbetert de betaalbaarheid van middenhuurwoningen.",
                   doc_id="besluit")

    answer = compose("Wat regelt de Wet betaalbare huur voor de middenhuur?", [overview], {})

    assert body(answer).startswith("Het wetsvoorstel betaalbare huur verbetert")
    assert "(inclusief" not in body(answer)


def test_an_officer_asking_whether_someone_leaving_prison_gets_urgentie_gets_the_law_s_item_on_it():
    # the law says "een penitentiaire inrichting"; the officer says "de gevangenis" (helper-59: the answer
    # showed groups a-e, and a reader concluded "no")
    groups = hit("Tot de woningzoekenden, bedoeld in het eerste lid, behoren in ieder geval:\n"
                 "a. woningzoekenden die mantelzorg verlenen of ontvangen;\n"
                 "c. woningzoekenden aan wie wegens dakloosheid opvang is verleend;\n"
                 "e. woningzoekenden die een voorziening voor beschermd wonen verlaten;\n"
                 "h. woningzoekenden die een penitentiaire inrichting als bedoeld in de Penitentiaire "
                 "beginselenwet verlaten;\n"
                 "j. woningzoekenden zonder vaste verblijfplaats met minderjarige kinderen.",
                 "Artikel 12", "huisvestingswet", type="regelgeving")

    answer = compose("Krijgt iemand die uit de gevangenis komt verplicht urgentie?", [groups], {})

    assert "- h. woningzoekenden die een penitentiaire inrichting" in body(answer)
    assert "mantelzorg" not in body(answer)


def test_a_colophon_field_is_read_as_a_lead_in_with_its_names_and_a_table_of_contents_is_left_alone():
    # the PBL report's colophon as pypdf reads it: a field's name over its values, a line each
    colophon = ("Colofon\n\nContact\n\nChristian.Lennartz@pbl.nl\n\nAuteurs\n\nChristian Lennartz\n\n"
                "Stefan Troost\n\nFrans Schilder\n\nMet dank aan Trond Husby en Femke Daalhuizen (allen PBL)")
    contents = "Inhoud\n\nSamenvatting en beleidsimplicaties\n\n1 Aanleiding\n\n2 Data en methoden"

    assert [(u.text, u.items) for u in units(colophon) if u.kind == "lead"] == [
        ("Contact:", ["Christian.Lennartz@pbl.nl"]), ("Auteurs:", ["Christian Lennartz", "Stefan Troost", "Frans Schilder"])]
    assert not [u for u in units(contents) if u.kind == "lead"]


def test_a_which_question_gets_the_statement_and_then_the_list_its_heading_names():
    statement = hit("De gemeenteraad stelt een urgentieregeling vast met tien groepen die er in ieder geval in "
                    "moeten staan (artikel 12 lid 3).", section="Begrippen › Urgentieregeling", doc_id="begrippen")
    listing = hit("Volgens artikel 12 lid 3 horen in ieder geval deze woningzoekenden erbij:\n"
                  "1. Mantelzorg – woningzoekenden die mantelzorg geven of ontvangen (onderdeel a).\n"
                  "2. Dakloze gezinnen – woningzoekenden met minderjarige kinderen (onderdeel j).",
                  section="Urgentieregeling › De tien groepen die urgentie moeten krijgen", doc_id="wet")
    other_list = hit("Het overgangsrecht bepaalt dat:\n- de raad een urgentieregeling met de tien groepen vaststelt,\n"
                     "- de raad de regionale afspraken vastlegt.", section="Urgentieregeling › Vanaf wanneer?",
                     doc_id="overgang")

    answer = compose("Welke groepen moeten in de urgentieregeling?", [statement, other_list, listing], {})

    opening = body(answer).split("**Verder in de bronnen**")[0]
    assert opening.startswith("De gemeenteraad stelt een urgentieregeling vast met tien groepen")
    # the list whose heading names the groups, not the one that merely mentions them in its items
    assert "Volgens artikel 12 lid 3 horen in ieder geval deze woningzoekenden erbij:" in opening
    assert "- 1. Mantelzorg – woningzoekenden die mantelzorg geven of ontvangen (onderdeel a)." in opening
    assert "Het overgangsrecht bepaalt dat:" not in opening


def test_a_cross_reference_is_not_content_but_a_summary_that_says_in_eigen_woorden_still_is():
    passage = ("Zie het document over de urgentieregeling. De raad regelt de urgentie in de verordening.\n"
               "Volgens artikel 12 horen deze groepen erbij (in eigen woorden):\n- mantelzorgers;\n- dakloze gezinnen.")

    answer = compose("Welke groepen horen bij de urgentieregeling?", [hit(passage)], {})

    assert "Zie het document" not in answer.text
    assert "- dakloze gezinnen. [1]" in answer.text


@pytest.mark.parametrize("pointer", [
    # sentences of the Besluit betaalbare huur's nota van toelichting (Stb. 2024, 194)
    "Dit is paragraaf 2.5 van deze NvT nader toegelicht.",
    "Dit wordt in hoofdstuk 2.6 nader toegelicht.",
    "In paragraaf 1.4.2 wordt vervolgens ingegaan op de keuze om het WWS te moderniseren.",
    "De uitvoeringseffecten van het dwingend maken van het WWS worden toegelicht in hoofdstuk 6 van de MvT van het "
    "wetsvoorstel betaalbare huur.",
])
def test_a_pointer_to_where_a_paragraph_explains_something_is_no_answer(pointer):
    rule = "Verhuurders moeten zich houden aan de maximale huurprijs die het WWS voorschrijft."
    answer = compose("Mag een verhuurder meer huur vragen dan het WWS toestaat?", [hit(f"{pointer} {rule}")], {})

    assert is_boilerplate(pointer)
    assert pointer not in answer.text and rule in answer.text


@pytest.mark.parametrize("statement", [
    "Zoals toegelicht onder paragraaf 1.4.4, worden de maximale huurprijsgrenzen in de toekomst jaarlijks op "
    "1 januari gewijzigd.",
    "In hoofdstuk 1 is toegelicht dat huurders van zelfstandige woonruimte met een maximale huurprijs tot en met "
    "186 punten huurprijsbescherming hebben.",
    # the Huurcommissie's beleidsboek
    "Met vertrekken en overige ruimten wordt onder deze rubriek aangesloten bij de definities en meetinstructies "
    "zoals toegelicht in paragraaf 2.2.",
])
def test_what_a_paragraph_is_said_to_explain_is_still_content(statement):
    assert not is_boilerplate(statement)


def test_a_law_list_wrapped_over_lines_and_paragraphs_stays_one_list_of_ten():
    items = "\n\n".join(f"{letter}. woningzoekenden uit groep {letter} die een voorziening als bedoeld in\n"
                        f"artikel 1.1.1 verlaten;" for letter in "abcdefghij")
    passage = f"3 Tot de woningzoekenden, bedoeld in het eerste lid, behoren in ieder geval:\n\n{items}"

    (lead,) = units(passage)

    assert lead.kind == "lead" and len(lead.items) == 10
    assert lead.items[0] == "woningzoekenden uit groep a die een voorziening als bedoeld in artikel 1.1.1 verlaten;"


def test_an_officer_asking_when_a_dwelling_is_a_zorgwoning_gets_the_conditions_under_a_lead_in_ending_in_a_full_stop():
    # the Huurcommissie's beleidsboek announces its list with "de volgende voorwaarden" and a full stop
    passage = ("Er is sprake van een zorgwoning als aan de volgende voorwaarden is voldaan.\n\n"
               "1. de woning ligt in een woongebouw;\n"
               "2. de woning is bestemd voor mensen met een fysieke beperking;\n"
               "3. de huurovereenkomst ziet op het gebruik van gemeenschappelijke ruimten.")

    answer = compose("Wanneer is er sprake van een zorgwoning?", [hit(passage)], {})

    assert answer.text.startswith("Er is sprake van een zorgwoning als aan de volgende voorwaarden is voldaan. [1]\n"
                                  "- 1. de woning ligt in een woongebouw; [1]")
    assert "gemeenschappelijke ruimten. [1]" in answer.text


def test_the_words_that_close_a_lists_sentence_stay_with_the_list():
    # the deadline of every item ("telkens uiterlijk op een tijdstip …") was left out, and the list
    # ended on a comma
    passage = ("Het overgangsrecht bepaalt dat:\n\n- gedeputeerde staten de woningmarktregio aanwijzen,\n"
               "- de gemeenteraad een urgentieregeling vaststelt, en\n- de gemeenteraad de afspraken vastlegt,\n\n"
               "telkens uiterlijk op een tijdstip dat bij koninklijk besluit wordt bepaald. Dat tijdstip staat niet "
               "in de wettekst zelf.")
    (lead, after) = units(passage)
    assert lead.tail == "telkens uiterlijk op een tijdstip dat bij koninklijk besluit wordt bepaald."
    assert after.text == "Dat tijdstip staat niet in de wettekst zelf."

    answer = compose("Wat bepaalt het overgangsrecht voor de urgentieregeling?", [hit(passage)], {})
    lines = answer.text.splitlines()
    assert lines[lines.index("- de gemeenteraad de afspraken vastlegt, [1]") + 2] == (
        "telkens uiterlijk op een tijdstip dat bij koninklijk besluit wordt bepaald. [1]")


def test_a_list_whose_last_item_ends_its_sentence_takes_no_closing_words():
    passage = "De gemeente kan:\n\n- voorrang geven;\n- een quotum stellen.\n\nbij twijfel beslist het college."
    (lead, *_) = units(passage)
    assert lead.tail == ""


def test_a_sentence_that_does_not_announce_the_list_after_it_is_no_lead_in():
    passage = "De gemeente stelt het plan vast.\n\n- de regio overlegt;\n- de corporaties tekenen."

    assert [u.kind for u in units(passage)][0] == "sentence"


def test_the_next_lid_of_an_article_is_not_one_more_item_of_the_list_in_the_lid_before_it():
    # Wmo 2015 art. 2.3.5 as the BWB text writes it: lid 1 with its parts a and b, then lid 2, the
    # time limit an officer asks for ("Hoe snel moet de gemeente beslissen?")
    passage = ("1. Het college beslist op een aanvraag:\n"
               "a. van een ingezetene van de gemeente om een maatwerkvoorziening ten behoeve van zelfredzaamheid "
               "en participatie;\n"
               "b. van een ingezetene van Nederland om een maatwerkvoorziening ten behoeve van opvang en beschermd "
               "wonen.\n"
               "2. Het college geeft de beschikking binnen twee weken na ontvangst van de aanvraag.")

    lead, lid = units(passage)

    assert lead.text == "Het college beslist op een aanvraag:" and len(lead.items) == 2
    assert lid.kind == "sentence" and lid.text.startswith("Het college geeft de beschikking binnen twee weken")
    assert (lead.lid, lid.lid) == (1, 2)


def test_a_paragraph_without_a_number_is_no_part_of_the_lid_before_it():
    # a Staatsblad amendment: the lids of the article it changes, then the next change, "C"
    passage = ("5. Bij ministeriële regeling worden de bedragen, genoemd in het vierde lid, jaarlijks gewijzigd.\n\n"
               "C\n\nIn artikel 15, eerste lid, wordt «tweede lid» vervangen door «tweede respectievelijk derde "
               "lid».")

    lid, change = units(passage)

    assert (lid.lid, change.lid) == (5, None)


def test_a_definition_list_closes_when_the_next_definition_begins():
    # Woningwet art. 1: the bullet "compensatie:" has parts a–c; the next bullet is a definition of its own
    passage = ("- compensatie:\na. door toegelaten instellingen kunnen aantrekken van leningen;\n"
               "b. subsidie als bedoeld in artikel 57, eerste lid, en\n"
               "- diensten van algemeen economisch belang: diensten als bedoeld in het Verdrag;")

    lead, definition = units(passage)

    assert lead.text == "compensatie:" and len(lead.items) == 2
    assert definition.text.startswith("diensten van algemeen economisch belang:")


def test_parts_of_a_part_and_a_list_nested_in_the_same_marks_stay_in_their_list():
    # Woningwet art. 8 lid 3: parts a–c, and c has parts 1° and 2°
    law = units("3. De voorschriften hebben uitsluitend betrekking op bouwwerken:\n"
                "a. waarin voortdurend mensen zullen verblijven,\nb. waarvoor een vergunning is vereist, en\n"
                "c.\n1°. die de grond raken, of\n2°. waarvan het gebruik niet wordt gehandhaafd.")
    # a Rijksoverheid page converted from HTML: the nesting of its bullets is lost
    page = units("- de Rijksoverheid, bijvoorbeeld een ministerie:\n- Algemene Zaken (AZ)\n- Defensie\n- Financiën")

    assert [len(u.items) for u in law] == [4]
    assert [u.items for u in page] == [["Algemene Zaken (AZ)", "Defensie", "Financiën"]]


# Uitvoeringsbesluit Wmo 2015 art. 3.12, whole, as the BWB text writes it
BIJDRAGE_BESCHERMD_WONEN = "\n".join([
    ("1. In afwijking van artikel 3.11 geldt een bijdrage per maand van 12,5% van het bijdrageplichtig "
     "inkomen, berekend volgens artikel 3.14, voor:"),
    ("a. de ongehuwde cliënt gedurende de eerste zes maanden van verblijf in een instelling voor beschermd"
     " wonen;"),
    ("b. de gehuwde cliënten tezamen, zolang niet ten aanzien van elk van hen een periode van zes maanden "
     "is verstreken, tezamen;"),
    ("c. de ongehuwde cliënt die moet of gehuwde cliënten tezamen die moeten voorzien in de kosten van "
     "onderhoud van eigen, aangehuwde of pleegkinderen, mits voor die kinderen op grond van de Algemene "
     "Kinderbijslagwet recht op een uitkering bestaat of aan die kinderen, voor zover ze de leeftijd van "
     "27 jaar nog niet hebben bereikt, studiefinanciering is toegekend krachtens de Wet studiefinanciering"
     " 2000;"),
    ("d. de ongehuwde cliënt of de gehuwde cliënten tezamen indien het college het waarschijnlijk acht dat"
     " het verblijf in de instelling voor beschermd wonen voor de ongehuwde cliënt, voor beide of voor een"
     " van beide gehuwde cliënten binnen een half jaar kan worden beëindigd en terugkeer naar de "
     "maatschappij mogelijk is en zal worden bewerkstelligd."),
    ("2. De bijdrage bedraagt voorts per maand een twaalfde gedeelte van 12,5% van het bijdrageplichtig "
     "inkomen, berekend volgens artikel 3.14, voor:"),
    ("a. de gehuwde cliënt die in een instelling voor beschermd wonen verblijft en wiens echtgenoot geen "
     "maatwerkvoorziening of persoonsgebonden budget ontvangt;"),
    ("b. de gehuwde cliënten tezamen van wie één in een instelling voor beschermd wonen verblijft en wiens"
     " echtgenoot een persoonsgebonden budget of een andere maatwerkvoorziening ontvangt;"),
    ("c. de gehuwde cliënt die in een instelling voor beschermd wonen verblijft en wiens echtgenoot zorg "
     "ontvangt als bedoeld in artikel 3.1.1, eerste lid, van de Wet langdurige zorg, voor zover het zorg "
     "met verblijf in een instelling, een volledig pakket thuis of een persoonsgebonden budget betreft, "
     "met dien verstande dat de cliënt en zijn echtgenoot tezamen de bijdrage slechts eenmaal verschuldigd"
     " zijn."),
    ("3. De bijdrage voor beschermd wonen, bedoeld in het eerste lid, bedraagt ten minste € 158,60 en niet"
     " meer dan € 832,60 per maand."),
    "4. De onderdelen a en b van het eerste lid zijn niet van toepassing indien:",
    ("a. het een cliënt betreft van wie het recht op verblijf en de daarbij behorende medisch "
     "noodzakelijke geneeskundige zorg in verband met een psychische stoornis krachtens zijn "
     "zorgverzekering is geëindigd omdat de krachtens de Zorgverzekeringswet geldende maximumduur voor die"
     " zorg is bereikt, of"),
    ("b. het verblijf aanvangt binnen zes maanden na beëindiging van een verblijf in een instelling voor "
     "beschermd wonen waarvoor de ongehuwde cliënt of de gehuwde cliënten tezamen een bijdrage als bedoeld"
     " in artikel 3.11 verschuldigd was of waren, of"),
    ("c. het verblijf aanvangt binnen zes maanden na beëindiging van een verblijf in een instelling "
     "waarvoor de ongehuwde cliënt of de gehuwde cliënten tezamen een bijdrage als bedoeld in artikel "
     "3.3.2.1 van het Besluit langdurige zorg verschuldigd was of waren."),
    ("5. Voor de berekening van de periode van zes maanden, bedoeld in het vierde lid, worden perioden van"
     " verblijf in instellingen voor beschermd wonen samengeteld, tenzij tussen twee zodanige perioden "
     "meer dan zestig dagen zijn verlopen. De eerste volzin is niet van toepassing op cliënten die "
     "maximaal twee weken per twee maanden in een instelling voor beschermd wonen verblijven."),
    ("6. Op aanvraag van de cliënt is deze bijdrage niet verschuldigd indien de cliënt een uitkering als "
     "bedoeld in artikel 23, eerste lid, van de Participatiewet ontvangt of indien de cliënt ingevolge "
     "artikel 13, tweede lid, onderdeel a, van die wet geen uitkering ontvangt."),
])
ARTICLE_3_12 = "Hoofdstuk 3 Bijdrage › § 3 Bijdragen voor beschermd wonen › Artikel 3.12"


def test_a_lid_that_points_at_the_lid_of_the_direct_answer_is_shown_with_it():
    # lid 1 answers, but the bijdrage it sets is bounded in lid 3: the officer must read both
    law = hit(BIJDRAGE_BESCHERMD_WONEN, section=ARTICLE_3_12, type="regelgeving")

    answer = compose("Welke eigen bijdrage betaalt een alleenstaande cliënt in het begin van een verblijf in "
                     "beschermd wonen?", [law], {})

    opening, points = body(answer).split("**Verder in de bronnen**")
    assert opening.startswith("Lid 1: In afwijking van artikel 3.11 geldt een bijdrage per maand van 12,5%")
    assert "- Lid 3: De bijdrage voor beschermd wonen, bedoeld in het eerste lid, bedraagt ten minste € 158,60" in points


def test_a_lid_is_read_with_the_words_of_the_lid_it_points_at():
    # Woningwet art. 47: lid 3 says how long "de opdracht, bedoeld in het eerste lid" lasts; only
    # lid 1, in a passage of its own, says that it is about diensten van algemeen economisch belang
    section = "Hoofdstuk IV Toegelaten instellingen › § 3 Diensten van algemeen economisch belang › Artikel 47"
    first = hit("1. Als diensten van algemeen economisch belang zijn aan de toegelaten instellingen opgedragen:\n"
                "a. het huisvesten van personen die moeilijkheden ondervinden bij het vinden van passende "
                "huisvesting;\n"
                "b. het doen bouwen en verwerven van te verhuren woongelegenheden.",
                section=section, doc_id="woningwet", type="regelgeving")
    third = hit("3. De opdracht, bedoeld in het eerste lid, heeft een werkingsduur van 25 jaar.\n"
                "4. Onze Minister begint uiterlijk vijf jaar voor het einde van die werkingsduur een onderzoek.",
                section=section, doc_id="woningwet", type="regelgeving")

    answer = compose("Hoe lang geldt de opdracht aan corporaties om diensten van algemeen economisch belang uit te "
                     "voeren?", [first, third], {})

    assert answer.text.startswith("Lid 3: De opdracht, bedoeld in het eerste lid, heeft een werkingsduur van 25 jaar.")


def test_a_lid_of_another_article_is_not_the_lid_of_this_one():
    assert names_lid("De bijdrage voor beschermd wonen, bedoeld in het eerste lid, bedraagt", 1)
    assert names_lid("De onderdelen a en b van het eerste lid zijn niet van toepassing indien:", 1)
    assert not names_lid("Artikel 15, tweede lid, is voorts niet van toepassing indien", 2)
    assert not names_lid("bedoeld in het eerste lid van artikel 12", 1)
    assert not names_lid("als bedoeld in artikel 1.1.1, eerste lid, van de Wet maatschappelijke ondersteuning", 1)
    # a chain of another article's lids, one with what it belongs to after it, and a quoted amendment
    assert not names_lid("als bedoeld in artikel 11, tweede en derde lid", 3)
    assert not names_lid("Artikel 2.3.2, tweede tot en met zesde lid, is van overeenkomstige toepassing", 6)
    assert not names_lid("het eerste lid, onderdeel a, van de Wet langdurige zorg", 1)
    assert not names_lid("In artikel 15 wordt «tweede lid» vervangen door «derde lid»", 3)
    # the lids of its own article, named together
    assert names_lid("het eerste tot en met derde lid zijn niet van toepassing", 2)
    assert names_lid("Het eerste en tweede lid gelden niet", 1)


def test_bullets_left_by_word_and_pdf_conversions_are_list_marks_not_text():
    passage = "In Utrecht kennen we deze groepen:\n\uf0b7 Uitstroom vrouwenopvang\n\u085f Kwetsbare jongvolwassenen"

    (lead,) = units(passage)

    assert lead.items == ["Uitstroom vrouwenopvang", "Kwetsbare jongvolwassenen"]


def test_a_bullet_the_conversion_wrote_twice_is_no_text_either():
    # Utrecht's Beleidsnota Wonen, as converted to Markdown: "- \u085f **Door inzichtelijk te maken …"
    (unit,) = units("- \u085f Door inzichtelijk te maken wat het van onze organisatie en van onze partners vraagt.")

    assert unit.text == "Door inzichtelijk te maken wat het van onze organisatie en van onze partners vraagt."


def test_abbreviations_do_not_cut_a_sentence_into_fragments():
    passage = "Per jaar krijgen ca. 150 huishoudens een urgentieverklaring op grond van art. 12 lid 3, zie nr. 4. De rest wacht."

    assert [u.text for u in units(passage)] == [
        "Per jaar krijgen ca. 150 huishoudens een urgentieverklaring op grond van art. 12 lid 3, zie nr. 4.",
        "De rest wacht."]


def test_two_sentences_a_conversion_glued_together_are_read_as_two():
    # the circulaire on standplaatsen (laws-markdown) joins paragraphs without a space
    # and so does the Tijdelijke woonzorgstimuleringsregeling, also before a word of two letters (helper-66)
    passage = ("Gemeenten kunnen zelf een regeling treffen.Woningcorporaties spelen daarbij een rol. "
               "De opening van de tender is op 1 oktober 2000.Het tendersysteem geldt niet voor kennisprojecten. "
               "Het gaat om mensen die zorg behoeven.De regeling is van kracht tot 1 oktober 2003. "
               "Meer staat op www.Rijksoverheid.nl en in o.a. de circulaire.")

    assert [u.text for u in units(passage)] == [
        "Gemeenten kunnen zelf een regeling treffen.", "Woningcorporaties spelen daarbij een rol.",
        "De opening van de tender is op 1 oktober 2000.", "Het tendersysteem geldt niet voor kennisprojecten.",
        "Het gaat om mensen die zorg behoeven.", "De regeling is van kracht tot 1 oktober 2003.",
        "Meer staat op www.Rijksoverheid.nl en in o.a. de circulaire."]


def test_a_question_about_a_table_row_gets_the_row_with_its_column_names():
    table = ("| Huishoudtype | Maximale huur (euro) | Aantal woningen |\n|---|---|---|\n"
             "| Alleenstaande | 650 | 310 |\n| Gezin | 879 | 198 |")

    answer = compose("Wat is de maximale huur voor een gezin?", [hit(table)], {})

    assert answer.text.startswith("Huishoudtype: Gezin · Maximale huur (euro): 879 · Aantal woningen: 198 [1]")


def test_a_question_with_two_facets_is_answered_in_two_groups_by_heading():
    hits = [hit("De regio maakt afspraken over de verdeling van woningen.", "Regionaal", "a"),
            hit("De gemeente zoekt locaties en regelt begeleiding in de wijk.", "Lokaal", "b")]

    answer = compose("Wat regelen we regionaal en wat lokaal?", hits, {})

    regional, local = answer.text.split("**Lokaal**")
    assert "**Regionaal**" in regional and "verdeling van woningen" in regional
    assert "begeleiding in de wijk" in local


def test_facets_are_only_two_contrasted_subjects_that_close_the_question():
    assert [label for label, _ in facets_of("Wat is het verschil tussen beschermd wonen en maatschappelijke opvang?")] \
        == ["beschermd wonen", "maatschappelijke opvang"]
    assert facets_of("Wat is een woningmarktregio en wie wijst die aan voor de urgentieregeling?") == []
    assert facets_of("Wat is het OKEC en wie heeft het ingericht?") == []  # a second question, no contrast
    # "vergeleken met", and a "met …" after the second subject that says which one
    assert [label for label, _ in facets_of("Wat zijn de voor- en nadelen van een netwerkorganisatie vergeleken met "
                                            "een formele organisatie met gedetacheerde medewerkers?")] \
        == ["een netwerkorganisatie", "formele organisatie"]
    # after "… en wat lokaal", words that say where belong to neither side; after a side not asked again
    # they are no such words (PBL: "… tussen 2015 en 2021 en bij welke de grootste relatieve afname?")
    assert [label for label, _ in facets_of("Wat regelen we regionaal en wat lokaal bij de huisvesting van "
                                            "aandachtsgroepen?")] == ["regionaal", "lokaal"]
    assert facets_of("Bij welke verhuismotieven zien we de grootste relatieve toename tussen 2015 en 2021 en bij "
                     "welke de grootste relatieve afname?") == []


def test_a_question_that_joins_two_conditions_or_two_parties_compares_nothing():
    # "kwijt ben of niet ontvangen heb" made the direct answer name both "sides": a sentence on
    # stempassen people excluded from voting do not receive
    assert facets_of("Wat kan ik doen als ik mijn stempas kwijt ben of niet ontvangen heb?") == []
    assert facets_of("Wanneer brengt Utrecht het aantal dak- en thuislozen in kaart?") == []
    assert facets_of("Hoe haal ik bestuurlijk commitment op bij gemeenten en corporaties?") == []


def test_an_officer_asking_what_to_do_gets_the_step_with_the_question_the_page_asks_itself():
    # Rijksoverheid pages (and municipal B1 texts) put the condition as a question: "Bent u … kwijt?
    # Vraag dan …"; alone, "Vraag dan …" loses what it answers
    page = ("Op woensdag 18 maart 2026 zijn de gemeenteraadsverkiezingen. U krijgt uw persoonlijke stempas uiterlijk "
            "4 maart 2026 thuisgestuurd. Bent u uw stempas kwijt of heeft u de stempas op 4 maart 2026 nog niet "
            "gekregen? Vraag dan zo snel mogelijk een nieuwe stempas aan bij uw gemeente.")

    answer = compose("Wat kan ik doen als ik mijn stempas kwijt ben?", [hit(page)], {})

    assert answer.text.startswith("Bent u uw stempas kwijt of heeft u de stempas op 4 maart 2026 nog niet gekregen? [1] "
                                  "Vraag dan zo snel mogelijk een nieuwe stempas aan bij uw gemeente. [1]")


def test_a_then_sentence_whose_question_leans_on_another_question_is_left_out():
    page = ("Heeft u een overeenkomst met een organisatie? Of gaat u die sluiten? Dan kan de organisatie uw "
            "persoonsgegevens aan anderen geven om de overeenkomst uit te voeren.")

    answer = compose("Mag een organisatie mijn persoonsgegevens aan anderen geven?", [hit(page)], {})

    assert "Of gaat u die sluiten?" not in answer.text


def test_sentences_about_the_document_itself_disclaimers_and_headings_are_not_answers():
    passage = ("Deze samenvatting is geschreven in eigen woorden voor de kennisbank. Ontwerpvragen voor de procesorganisatie\n"
               "Een netwerkorganisatie werkt met ambtelijk vrijgemaakte tijd van de gemeenten.\n"
               "Zie ook de handreiking over regionale samenwerking.")

    answer = compose("Hoe werkt een netwerkorganisatie?", [hit(passage)], {})

    assert "ambtelijk vrijgemaakte tijd" in answer.text
    for boilerplate in ("eigen woorden", "Ontwerpvragen", "Zie ook"):
        assert boilerplate not in answer.text


def test_how_a_summary_was_checked_and_where_the_official_text_is_are_no_answer_to_what_the_law_is():
    # a fresh user asked "Wat is de Huisvestingswet 2014?" and read first that the summary follows
    # the text of 1 July 2026, then a line naming its BWB identifier
    passage = ("De samenvatting volgt de tekst van de Huisvestingswet 2014 zoals die geldt vanaf 1 juli 2026.\n"
               "De Huisvestingswet 2014 geeft gemeenten instrumenten om de verdeling van woonruimte te regelen.\n"
               "De artikelnummers zijn gecontroleerd in de geconsolideerde tekst van de Huisvestingswet 2014.\n"
               "Controleer altijd de actuele tekst van de Huisvestingswet 2014.\n"
               "Huisvestingswet 2014, BWBR0035303, op wetten.overheid.nl.")

    answer = compose("Wat regelt de Huisvestingswet 2014?", [hit(passage)], {})

    assert answer.text.startswith("De Huisvestingswet 2014 geeft gemeenten instrumenten")
    for note in ("volgt de tekst", "gecontroleerd", "Controleer", "BWBR0035303"):
        assert note not in answer.text


def test_a_sentence_that_leans_on_this_or_that_comes_with_what_it_refers_to_or_not_at_all():
    leaning_first = "Dat is een activiteit van de netwerkorganisatie, geen resultaat van de regio."
    passage = ("Een regionale netwerkorganisatie houdt wekelijks een casustafel voor dakloze jongeren. "
               "Dit vergt een vaste voorzitter uit de centrumgemeente.")

    orphan = compose("Wat is een activiteit van de netwerkorganisatie?", [hit(leaning_first)], {})
    paired = compose("Wat vergt een casustafel van de netwerkorganisatie?", [hit(passage)], {})

    assert "Dat is een activiteit" not in orphan.text
    assert ("Een regionale netwerkorganisatie houdt wekelijks een casustafel voor dakloze jongeren. [1] "
            "Dit vergt een vaste voorzitter uit de centrumgemeente. [1]") in paired.text  # each sentence cited


def test_a_sentence_that_points_back_with_waarin_dat_comes_with_what_dat_is():
    passage = ("Urgentie betekent voorrang bij het verlenen van huisvestingsvergunningen. De urgentieregeling is het "
               "deel van de huisvestingsverordening waarin dat is geregeld.")

    answer = compose("Wat is de urgentieregeling in de huisvestingsverordening?", [hit(passage)], {})

    assert body(answer).startswith("Urgentie betekent voorrang bij het verlenen van huisvestingsvergunningen. [1] "
                                   "De urgentieregeling is het deel")


def test_the_first_of_two_risks_comes_with_the_sentence_that_announces_them_or_not_at_all():
    # helper-42: "Het eerste risico is dat alles regionaal wordt besproken …" stood under **Lokaal** as a task
    passage = ("Zonder duidelijke taakverdeling ontstaan twee risico's. Het eerste risico is dat alles regionaal "
               "wordt besproken en niets lokaal wordt uitgevoerd.")
    orphan = "Het eerste risico is dat alles regionaal wordt besproken en niets lokaal wordt uitgevoerd."

    paired = compose("Wat wordt er lokaal uitgevoerd en wat regionaal besproken?", [hit(passage)], {})
    alone = compose("Wat wordt er lokaal uitgevoerd en wat regionaal besproken?", [hit(orphan)], {})

    assert "Zonder duidelijke taakverdeling ontstaan twee risico's. [1] Het eerste risico is dat" in paired.text
    assert "Het eerste risico" not in alone.text


def test_a_conclusion_drawn_with_dan_comes_with_its_condition_or_not_at_all():
    # the Huurcommissie's beleidsboek (2026): "dan" points back at the condition before it
    passage = ("Beschikt een woonruimte niet over een eigen toegang en/of (één van) deze wezenlijke voorzieningen, "
               "dan is geen sprake van een zelfstandige woonruimte. De woonruimte is dan onzelfstandig.")
    orphan = "De woonruimte is dan onzelfstandig.\n\nDe huur van een onzelfstandige woonruimte is lager dan die van een woning."

    paired = compose("Wanneer is een woonruimte onzelfstandig?", [hit(passage)], {})
    alone = compose("Wanneer is een woonruimte onzelfstandig?", [hit(orphan)], {})

    assert "dan is geen sprake van een zelfstandige woonruimte. [1] De woonruimte is dan onzelfstandig. [1]" in paired.text
    assert "De woonruimte is dan onzelfstandig." not in alone.text
    assert "lager dan die van een woning" in alone.text  # a comparison leans on nothing


def test_a_consequence_drawn_with_daarom_or_dus_comes_with_what_it_follows_from_or_not_at_all():
    # "In antwoorden op Kamervragen van maart 2024 noemde de minister daarom twee verplichte groepen"
    # opened an answer: why "daarom", the officer could not see
    passage = "De letter ‘O’ komt in het Nederlandse paspoortnummer niet voor. Het gaat dus altijd om het cijfer ‘0’."
    orphan = "In 2024 noemde de minister daarom twee verplichte groepen voor de urgentieregeling."

    paired = compose("Gaat het in mijn paspoortnummer altijd om het cijfer 0?", [hit(passage)], {})
    alone = compose("Welke groepen noemde de minister verplicht voor de urgentieregeling?", [hit(orphan)], {})

    assert body(paired).startswith("De letter ‘O’ komt in het Nederlandse paspoortnummer niet voor. [1] Het gaat dus")
    assert "daarom" not in alone.text


def test_a_conclusion_drawn_from_a_list_is_not_shown_with_the_lists_lead_in_alone():
    # two passages of one section joined (`expand.join`): the list without a lead-in, then "dus …"
    passage = hit("- In de oorspronkelijke wet hoorden vergunninghouders tot de verplichte urgentiegroepen.\n"
                  "- In de tekst vanaf 2026 staan vergunninghouders niet in de lijst van verplichte urgentiegroepen.\n"
                  "Gemeenten kunnen dus kiezen: vergunninghouders met voorrang huisvesten of op een andere manier.",
                  "Taakstelling › Verhouding tot de urgentieregeling")

    answer = compose("Mogen gemeenten vergunninghouders met voorrang huisvesten?", [passage], {})

    assert "Verhouding tot de urgentieregeling: [1] Gemeenten kunnen dus kiezen" not in answer.text
    assert "In de tekst vanaf 2026 staan vergunninghouders niet in de lijst" in answer.text


def test_a_direct_answer_goes_on_with_the_sentence_that_leans_on_it_without_saying_it_twice():
    passage = ("Is het antwoord op alle drie de vragen nee, dan hoort de taak lokaal. Lokaal is dan niet minder "
               "belangrijk: daar worden woningen daadwerkelijk gerealiseerd, toegewezen en begeleid.")

    answer = compose("Wat regelen we lokaal?", [hit(passage)], {})

    assert body(answer).startswith("Is het antwoord op alle drie de vragen nee, dan hoort de taak lokaal. [1] Lokaal "
                                   "is dan niet minder belangrijk")
    assert body(answer).count("dan hoort de taak lokaal") == 1


def test_in_that_case_leans_back_but_in_those_cases_that_states_its_own_condition():
    passage = ("Indien de gemeenteraad toepassing heeft gegeven aan het eerste lid legt hij in de huisvestingsverordening "
               "vast op welke wijze de gemeente voldoet aan de taakstelling voor vergunninghouders, behoudens in die "
               "gevallen dat burgemeester en wethouders daarin op andere wijze voorzien.")
    elsewhere = "Het college kan in dat geval zelf een woning voor vergunninghouders aanwijzen."

    answer = compose("Wat regelt de huisvestingsverordening voor vergunninghouders?", [hit(passage)], {})
    orphan = compose("Kan het college zelf een woning voor vergunninghouders aanwijzen?",
                     [hit(elsewhere), hit(passage, doc_id="wet")], {})

    assert answer.text.startswith("Indien de gemeenteraad toepassing heeft gegeven")
    assert "Het college kan in dat geval" not in orphan.text  # which case, the passage does not say


def test_pitfalls_are_shown_as_pitfalls_never_as_advice():
    advice = hit("Een woonzorgvisie begint met een gedeeld beeld van de vraag naar wonen met zorg in de regio.",
                 "Aanpak", "gids")
    pitfall = hit("Een woonzorgvisie zonder afspraken over aantallen per gemeente blijft vrijblijvend.",
                  "Valkuilen", "gids")

    answer = compose("Hoe maak je een woonzorgvisie voor de regio?", [advice, pitfall], {})

    assert "**Valkuilen volgens de bron**" in answer.text
    advice_part, pitfall_part = answer.text.split("**Valkuilen volgens de bron**")
    assert "blijft vrijblijvend" in pitfall_part and "blijft vrijblijvend" not in advice_part


def test_a_pitfall_is_never_advice_for_a_facet():
    hits = [hit("De regio maakt afspraken over de verdeling van woningen.", "Regionaal", "a"),
            hit("De gemeente zoekt locaties en regelt begeleiding in de wijk.", "Lokaal", "b"),
            hit("Regionale afspraken zonder lokale vertaling blijven op papier.", "Veelgemaakte fouten", "c")]

    answer = compose("Wat regelen we regionaal en wat lokaal?", hits, {})

    facets, pitfalls = answer.text.split("**Valkuilen volgens de bron**")
    assert "blijven op papier" in pitfalls and "blijven op papier" not in facets


def test_a_follow_up_does_not_repeat_the_previous_answer():
    passage = ("Het college beslist over de indeling in een urgentiecategorie. "
               "Een aanvraag wordt binnen acht weken afgehandeld. "
               "Tegen het besluit staat bezwaar open.")
    first = compose("Wie beslist over urgentiecategorie?", [hit(passage)], {})

    follow_up = compose("Binnen hoeveel weken wordt een aanvraag voor de urgentiecategorie afgehandeld?",
                        [hit(passage)], {}, previous_answers=[first.text])

    assert "Het college beslist over de indeling" in body(first) and "acht weken" not in body(first)
    assert "acht weken" in body(follow_up)
    assert "Het college beslist over de indeling" not in body(follow_up)


def test_a_follow_up_whose_answer_says_zo_brings_back_the_sentence_it_refers_to_though_said_before():
    passage = ("Colleges van twee of meer gemeenten kunnen samen besluiten hun taakstellingen te wijzigen, zolang "
               "het totaal gelijk blijft (artikel 29 lid 2). Zo kan een regio de opgave anders verdelen, "
               "bijvoorbeeld als één gemeente tijdelijk meer geschikte woonruimte heeft.")
    earlier = ("Taakstelling – het aantal vergunninghouders dat een gemeente per halfjaar huisvest. [1]\n\n"
               "**Verder in de bronnen**\n- Colleges van twee of meer gemeenten kunnen samen besluiten hun "
               "taakstellingen te wijzigen, zolang het totaal gelijk blijft (artikel 29 lid 2). [2]")

    answer = compose("Mogen gemeenten de taakstelling onderling verdelen?", [hit(passage)], {},
                     previous_answers=[earlier], follow_up="Mogen gemeenten die aantallen onderling verdelen?")

    assert not body(answer).startswith("Zo kan")  # never "Zo …" without what it refers to
    assert "(artikel 29 lid 2). [1] Zo kan een regio" in body(answer)


def test_a_follow_up_asking_for_a_point_the_previous_answer_listed_below_gets_it_first_but_not_its_opening():
    kamervragen = hit("Als een gemeente een urgentieregeling heeft, moeten mantelzorgers erin. Het verschilt erg per "
                      "gemeente welke groepen verder worden opgenomen in een urgentieregeling.", doc_id="kamervragen")
    nota = hit("Er is een grotere diversiteit onder de groep ouderen, in leeftijd en wensen.", doc_id="nota")
    earlier = ("Als een gemeente een urgentieregeling heeft, moeten mantelzorgers erin. [1]\n\n"
               "**Verder in de bronnen**\n- Het verschilt erg per gemeente welke groepen verder worden opgenomen "
               "in een urgentieregeling. [1]")

    answer = compose("Welke groepen voegen gemeenten zelf toe (urgentieregeling)?", [kamervragen, nota], {},
                     previous_answers=[earlier], follow_up="En welke groepen voegen gemeenten zelf toe?")

    assert body(answer).startswith("Het verschilt erg per gemeente welke groepen")
    assert "mantelzorgers" not in body(answer)  # what the officer read first stays out
    opened = compose("Welke groepen voegen gemeenten zelf toe (urgentieregeling)?", [kamervragen, nota], {},
                     previous_answers=["Het verschilt erg per gemeente welke groepen verder worden opgenomen in "
                                       "een urgentieregeling. [1]"],
                     follow_up="En welke groepen voegen gemeenten zelf toe?")
    assert "Het verschilt" not in body(opened)  # the previous answer's own opening is not given again


def test_a_follow_up_does_not_open_with_a_sentence_that_only_names_what_the_officer_just_read():
    handreiking = hit("Steeds vaker wordt beschermd wonen ook in een eigen woning geboden, met begeleiding. "
                      "Deze vorm wordt vaak beschermd thuis genoemd.", doc_id="handreiking")
    verordening = hit("Gemeenten maken afspraken over het percentage woningen dat met voorrang naar "
                      "woningzoekenden gaat.", doc_id="verordening")
    earlier = "Steeds vaker wordt beschermd wonen ook in een eigen woning geboden, met begeleiding. [1]"

    answer = compose("Krijgt iemand die daar vertrekt voorrang op een woning (beschermd wonen)?",
                     [handreiking, verordening], {}, previous_answers=[earlier],
                     follow_up="En krijgt iemand die daar vertrekt voorrang op een woning?")

    assert body(answer).startswith("Gemeenten maken afspraken over het percentage woningen")


def test_a_follow_up_does_not_bring_back_what_the_officer_just_read_as_the_context_of_a_point_on_the_old_topic():
    handreiking = hit("Steeds vaker wordt beschermd wonen ook in een eigen woning geboden, met begeleiding. "
                      "Deze vorm wordt vaak beschermd thuis genoemd.", "Beschermd wonen en maatschappelijke opvang",
                      "handreiking")
    opvang = hit("Maatschappelijke opvang is onderdak en begeleiding voor wie de thuissituatie heeft verlaten.",
                 doc_id="wmo")
    earlier = "Steeds vaker wordt beschermd wonen ook in een eigen woning geboden, met begeleiding. [1]"

    answer = compose("Maatschappelijke opvang (beschermd wonen)?", [opvang, handreiking], {},
                     previous_answers=[earlier], follow_up="En maatschappelijke opvang?")

    assert body(answer).startswith("Maatschappelijke opvang is onderdak en begeleiding")
    assert "Steeds vaker" not in body(answer) and "beschermd thuis" not in body(answer)


def test_a_why_follow_up_gets_the_reason_not_a_point_the_previous_answer_listed_that_names_the_programme():
    profiel = hit("Wat: Stadsregio Parkstad Limburg, een van de zes gebieden in de koplopersgroep van het "
                  "programma Een thuis voor iedereen.", "In het kort", "profiel")
    waarom = hit("De regio ziet dat er meer aandacht nodig is voor zorg en sociale huisvesting. Daarom heeft "
                 "Parkstad Limburg zich aangemeld als koploperregio.", "Waarom doet Parkstad Limburg mee?", "profiel")
    earlier = ("Stadsregio Parkstad Limburg is een gemeenschappelijke regeling tussen zeven gemeenten. [1]\n\n"
               "**Verder in de bronnen**\n- Wat: Stadsregio Parkstad Limburg, een van de zes gebieden in de "
               "koplopersgroep van het programma Een thuis voor iedereen. [1]")

    answer = compose("Waarom doen ze mee aan Een thuis voor iedereen (Stadsregio Parkstad Limburg)?",
                     [profiel, waarom], {}, previous_answers=[earlier],
                     follow_up="En waarom doen ze mee aan Een thuis voor iedereen?")

    assert body(answer).startswith("De regio ziet dat er meer aandacht nodig is voor zorg en sociale huisvesting. [1] "
                                   "Daarom heeft Parkstad Limburg zich aangemeld als koploperregio.")


def test_a_number_opens_the_answer_when_it_is_said_of_what_is_asked_not_of_something_else_in_its_sentence():
    # Huisvestingswet art. 11c and art. 4 (2026): the first names the huisvestingsverordening, but its
    # fifteen years are the term of an omgevingsvergunning
    article_11c = hit("In de huisvestingsverordening bepaalt de gemeenteraad dat indien een huurder een "
                      "huurovereenkomst is aangegaan voor een zelfstandige woning als bedoeld in artikel 234 van "
                      "Boek 7 van het Burgerlijk Wetboek in een gebouw waarvoor een omgevingsvergunning als bedoeld "
                      "in artikel 5.36, tweede lid, van de Omgevingswet is verleend met een termijn van maximaal "
                      "vijftien jaren, de inschrijving van die huurder niet vervalt.", "Artikel 11c", "hw-11c")
    article_4 = hit("De gemeenteraad kan uitsluitend bij verordening voor de duur van ten hoogste vier jaar regels "
                    "geven met betrekking tot het in gebruik nemen of geven van goedkope woonruimte.", "Artikel 4",
                    "hw-4")
    question = "Hoe lang mag een huisvestingsverordening gelden?"
    weights = {t: 1.0 for t in question_terms(question)}

    answer = compose(question, [article_11c, article_4], weights)

    assert body(answer).startswith("De gemeenteraad kan uitsluitend bij verordening voor de duur van ten hoogste vier")


def test_rows_of_a_regression_table_are_no_points_of_the_answer():
    # the PBL report's tables of odds ratios ("1.375***: (0.0594) · 1.291***: …") were listed as points
    report = hit("Huurders verhuizen vaker dan eigenaar-bewoners.\n\n| Kenmerk | Model 1 | Model 2 |\n|---|---|---|\n"
                 "| Huurwoning | 1.375*** | 1.291*** |\n| Koopwoning | 0.777*** | 0.587*** |\n", doc_id="pbl")

    answer = compose("Verhuizen bewoners van een huurwoning vaker dan van een koopwoning?", [report], {})

    assert body(answer).startswith("Huurders verhuizen vaker dan eigenaar-bewoners.")
    assert "***" not in answer.text


def test_a_list_of_exceptions_does_not_open_the_answer_to_what_the_rule_is():
    # the BTIV's appendix on the income test and the Woningwet circular (a fresh user's question)
    btiv = hit("Uitzonderingen:\n- a. Geen inkomenstoets is vereist bij statushouders die vanuit een COA-voorziening "
               "een sociale huurwoning betrekken;\n- b. Wel is een inkomenstoets vereist bij huishoudens met een "
               "zorgindicatie boven de inkomensgrens van € 34.911; deze toewijzingen worden toegerekend aan de 80% "
               "toewijzingen aan de doelgroep.", "Bijlage › Toetsing huishoudinkomen", "btiv", date="2015-07-01")
    circulaire = hit("Toegelaten instellingen moeten ten minste 90% van de vrijkomende sociale huurwoningen toewijzen "
                     "aan de doelgroep. Hiervan moet ten minste 80% worden toegewezen aan huishoudens met een inkomen "
                     "tot € 34.911.", "Tijdelijk verhoogde inkomensgrens", "circulaire", date="2015-06-01")
    question = "Welk deel van de sociale huurwoningen moet een corporatie toewijzen aan huishoudens onder de inkomensgrens?"
    weights = {t: 1.0 for t in question_terms(question)}

    rule = compose(question, [btiv, circulaire], weights)
    exceptions = compose("Welke uitzonderingen gelden op de inkomenstoets?", [btiv, circulaire], {})
    case = compose("Hebben statushouders uit een COA-voorziening een inkomenstoets nodig?", [btiv, circulaire], {})

    assert body(rule).startswith("Toegelaten instellingen moeten ten minste 90%")
    assert body(exceptions).startswith("Uitzonderingen:")
    assert body(case).startswith("Uitzonderingen:")  # asked whether a case is one, the list answers


def test_sources_of_the_same_month_carry_no_warning_that_older_texts_may_be_outdated():
    # the Besluit huurprijzen woonruimte of 1 January 2026 beside the Huurcommissie's beleidsboek of that month
    # read "oudere teksten kunnen achterhaald zijn" as a false alarm (helper-57)
    besluit = hit("Bij hinderlijke situaties kan een aftrek worden toegepast van maximaal 40 punten.", doc_id="besluit",
                  date="2026-01-01")
    beleidsboek = hit("De aftrek voor hinderlijke situaties bedraagt maximaal 40 punten voor een standplaats.",
                      doc_id="beleidsboek", date="2026-01")

    answer = compose("Hoeveel punten aftrek bij hinderlijke situaties?", [besluit, beleidsboek], {})

    assert len(answer.citations) == 2  # both cited
    assert "verschillende datum" not in answer.text


def test_sources_of_different_dates_are_ordered_newest_first_and_the_answer_says_so():
    old = hit("De urgentieregeling kent drie verplichte groepen woningzoekenden voor voorrang.", doc_id="wet-2014",
              date="2014-07-01")
    new = hit("De urgentieregeling kent tien verplichte groepen woningzoekenden voor voorrang.", doc_id="wet-2026",
              date="2026-07-01")

    answer = compose("Hoeveel verplichte groepen kent de urgentieregeling?", [old, new], {})

    assert "verschillende datum" in answer.text and "wet-2026 (1 juli 2026)" in answer.text
    lines = [line for line in body(answer).splitlines() if "verplichte groepen woningzoekenden" in line]
    assert len(lines) == 2 and "tien" in lines[0] and "drie" in lines[1]


def test_one_coherent_source_is_preferred_over_stitching_many():
    hits = [hit(f"De regio {name} verdeelt woningen voor uitstroom uit beschermd wonen via een regionaal convenant.",
                doc_id=f"regio-{name}") for name in ("noord", "oost", "zuid", "west", "midden")]

    answer = compose("Hoe verdeelt de regio woningen voor uitstroom uit beschermd wonen?", hits, {})

    assert 1 <= len({c.doc_id for c in answer.citations}) <= 3


def test_a_follow_up_about_another_group_opens_with_what_it_asks_about():
    passage = ("Gemeenten geven voorrang aan woningzoekenden die beschermd wonen verlaten. "
               "Voor jongeren die jeugdzorg verlaten geldt een aparte voorrangsregeling tot 23 jaar.")

    answer = compose("Voor jongeren (voorrang woningzoekenden beschermd wonen)?", [hit(passage)], {},
                     previous_answers=["Gemeenten geven voorrang aan woningzoekenden die ouder zijn. [1]"],
                     follow_up="En voor jongeren?")

    assert answer.text.startswith("Voor jongeren die jeugdzorg verlaten")


def test_an_officer_asking_what_a_law_means_by_a_term_gets_its_definition_not_the_terms_around_it():
    definitions = hit("In deze wet wordt verstaan onder:\n"
                      "- mantelzorg: hulp bij zelfredzaamheid, opvang en beschermd wonen uit een sociale relatie;\n"
                      "- opvang: onderdak en begeleiding voor wie de thuissituatie heeft verlaten;\n"
                      "- participatie: deelnemen aan het maatschappelijke verkeer.",
                      section="Hoofdstuk 1 › Artikel 1.1.1", doc_id="wet")
    task = hit("Het college draagt zorg voor opvang en voor beschermd wonen van wie dat nodig heeft.",
               section="Hoofdstuk 2 › Artikel 2.1.1", doc_id="wet")

    answer = compose("Wat verstaat de wet precies onder opvang?", [task, definitions], {})

    assert body(answer).startswith("opvang: onderdak en begeleiding voor wie de thuissituatie heeft verlaten; [")
    assert "participatie:" not in body(answer)  # the definition alone, not the whole list of them


def test_a_what_is_question_opens_with_the_definition_not_with_a_newer_sentence_that_uses_the_term():
    summary = hit("Een briefadres is het adres van een andere persoon of een instelling: de briefadresgever.",
                  "Wat is een briefadres?", "samenvatting-2023", date="2023-07-04")
    glossary = hit("Volgens Rijksoverheid.nl moet een gemeente iemand zelf op een briefadres inschrijven als die "
                   "persoon geen briefadresgever vindt.", "Begrippen › Briefadres", "begrippen-2026", date="2026-07-01")

    answer = compose("Wat is een briefadres?", [summary, glossary], {})

    assert body(answer).startswith("Een briefadres is het adres van een andere persoon of een instelling")


def test_a_glossary_entry_under_the_term_asked_opens_the_answer_though_it_does_not_repeat_the_term():
    guide = hit("De afspraken uit stap 4 heten in de praktijk prestatieafspraken.", "Stappen › Stap 5", "stappenplan")
    glossary = hit("Afspraken tussen gemeente, woningcorporatie en huurdersorganisatie over de uitvoering van het "
                   "volkshuisvestingsbeleid. Het woord \"prestatieafspraken\" zelf is vooral praktijktaal.",
                   "Beleid en afspraken › Prestatieafspraken", "begrippenlijst")

    answer = compose("Wat zijn prestatieafspraken?", [guide, glossary], {})

    assert body(answer).startswith("Afspraken tussen gemeente, woningcorporatie en huurdersorganisatie")


def test_a_sentence_under_a_heading_of_the_term_is_no_entry_when_it_names_the_term_or_the_heading_is_no_term():
    asked = defined_terms("Wat is een centrumgemeente?")

    assert glossary_entry("Een gemeente die voor een regio taken uitvoert.", "Centrumgemeente", asked)
    assert glossary_entry("Een gemeente die voor een regio taken uitvoert.", "Centrumgemeente (regio)", asked)
    assert not glossary_entry("Het woord centrumgemeente staat niet als definitie in de Wmo 2015.", "Centrumgemeente",
                              asked)
    assert not glossary_entry("Een gemeente die voor een regio taken uitvoert.", "Rol van de centrumgemeente", asked)


def test_a_question_about_the_difference_between_two_terms_gets_both_definitions_and_nothing_else():
    definitions = hit("- beschermd wonen: wonen in een accommodatie met toezicht en begeleiding;\n"
                      "- mantelzorg: hulp uit een sociale relatie;\n"
                      "- opvang: onderdak en begeleiding voor wie de thuissituatie heeft verlaten;",
                      section="Artikel 1.1.1", doc_id="wet")

    answer = compose("Wat is het verschil tussen beschermd wonen en maatschappelijke opvang?", [definitions], {})

    assert body(answer).strip() == ("**Beschermd wonen**\n"
                                    "- beschermd wonen: wonen in een accommodatie met toezicht en begeleiding; [1]\n\n"
                                    "**Maatschappelijke opvang**\n"
                                    "- opvang: onderdak en begeleiding voor wie de thuissituatie heeft verlaten; [1]")


def test_a_follow_up_about_something_no_passage_mentions_gets_no_answer_rather_than_the_previous_one():
    passage = hit("Beschermd wonen en opvang zijn regionaal georganiseerd; de woning en de begeleiding lokaal.")

    answer = compose("Voor jongeren (regionaal lokaal)?", [passage], {},
                     previous_answers=["De taak hoort lokaal als het antwoord op alle drie de vragen nee is. [1]"],
                     follow_up="En voor jongeren?")

    assert answer.text == "" and answer.citations == []  # the assistant refuses and points at where to read on


def test_a_sentence_whose_subject_is_a_pronoun_after_its_verb_is_not_shown_alone():
    passage = hit("Zes regio's doen mee aan het innovatieprogramma.\n\nSamen vormen zij de koplopersgroep.")

    answer = compose("Wat is de koplopersgroep?", [passage], {})

    assert not body(answer).startswith("Samen vormen zij")


def test_a_comparison_with_a_third_subject_is_not_filed_under_either_side():
    housing_first = hit("Bij Housing First krijgt iemand eerst een eigen woning.", section="Housing First", doc_id="hf")
    protected = hit("Beschermd wonen is wonen in een accommodatie met toezicht.", section="Beschermd wonen", doc_id="bw")
    third = hit("Mensen wonen zelfstandig met ambulante begeleiding. De intensiteit is lager dan bij Housing First "
                "of beschermd wonen.", section="Begeleid zelfstandig wonen", doc_id="bzw")

    answer = compose("Wat is het verschil tussen Housing First en beschermd wonen?", [housing_first, protected, third], {})

    assert "intensiteit is lager" not in body(answer) and "ambulante begeleiding" not in body(answer)
    assert "eigen woning" in body(answer) and "accommodatie met toezicht" in body(answer)


def test_a_laws_notes_on_its_own_history_are_not_content():
    notes = hit("Wijzigt de Wet basisregistratie personen.\n\nTreedt in werking per 01-01-2016\n\n"
                "Dit onderdeel is nog niet in werking getreden.")
    rule = hit("Wie in de basisregistratie personen staat, krijgt een burgerservicenummer.", doc_id="regel")

    answer = compose("Wie krijgt een burgerservicenummer in de basisregistratie personen?", [notes, rule], {})

    assert body(answer).startswith("Wie in de basisregistratie personen staat")
    assert "Wijzigt" not in body(answer) and "in werking" not in body(answer)


def test_a_sentence_followed_by_the_text_of_a_link_still_answers():
    # helper-61: an editor's note "De Spechtnota … voor jongeren. [klik](…)" reads as "… voor jongeren. klik";
    # glued to its link's text the sentence was no statement, and the answer gave another note's 14
    specht = hit("De Spechtnota van Veendorp regelt 16 trainingswoningen voor jongeren. klik", doc_id="specht")
    merel = hit("De Merelnota van Zanddorp regelt 14 trainingswoningen voor jongeren.", doc_id="merel")

    answer = compose("Hoeveel trainingswoningen regelt de Spechtnota van Veendorp?", [specht, merel], {})

    assert body(answer).startswith("De Spechtnota van Veendorp regelt 16 trainingswoningen voor jongeren. [1]")


@pytest.mark.parametrize("line", [
    "Coëfficiënt (β): Geslacht (ref. man)",  # the PBL report's tables
    "verwerken, verkopen, afleveren, aanwezig hebben, etc. van harddrugs (artikel 2, eerste lid), of",
])
def test_words_after_an_abbreviation_or_a_longer_run_stay_in_their_sentence(line):
    assert split_sentences(line) == [line]


def test_a_question_under_the_heading_of_the_term_asked_is_no_definition_of_it():
    # helper-60: "Wat is een onzelfstandige woonruimte?" opened with the Huurcommissie's checklist question, the
    # first unit under "1.4 Zelfstandige woonruimte of onzelfstandige woonruimte", as if it were a glossary's entry
    checklist = hit("- Voldoet de woonruimte aan de eisen van artikel 234 van boek 7 het BW?\n"
                    "- Wordt de woonruimte bewoond door maximaal twee personen?\n\n"
                    "Beschikt een woonruimte niet over een eigen toegang, dan is geen sprake van een zelfstandige "
                    "woonruimte. De woonruimte is dan onzelfstandig.",
                    "Beleidsboek › 1.4 Zelfstandige woonruimte of onzelfstandige woonruimte", "beleidsboek")

    answer = compose("Wat is een onzelfstandige woonruimte?", [checklist], {})

    assert not body(answer).startswith("Voldoet")
    assert "De woonruimte is dan onzelfstandig." in body(answer).split("\n")[0]


def test_a_lid_that_two_editions_of_a_law_state_alike_is_shown_once():
    # the Huisvestingswet 2014 as the regelrecht edition (numbered lids, 2026) and laws-markdown (2014) has it
    lid = ("Bij de voorbereiding van de vaststelling of wijziging van een huisvestingsverordening plegen burgemeester "
           "en wethouders overleg met de in de gemeente werkzame toegelaten instellingen, met woonconsumentenorganisaties "
           "en met andere daarvoor naar hun oordeel in aanmerking komende organisaties.")
    new = hit(f"1 {lid}", "Artikel 6", "huisvestingswet-regelrecht", date="2026-07-01")
    old = hit(lid, "Artikel 6", "huisvestingswet-lawsmd", date="2014-06-04")

    answer = compose("Met wie overleggen we bij het voorbereiden van een huisvestingsverordening?", [new, old], {})
    # the older edition ranked first: its best point is the lid the newer edition's answer shows
    old_first = compose("Met wie overleggen we bij het voorbereiden van een huisvestingsverordening?", [old, new], {})

    assert body(answer).count("plegen burgemeester en wethouders overleg") == 1
    assert body(old_first).count("plegen burgemeester en wethouders overleg") == 1
    assert body(old_first).startswith(f"Lid 1: {lid} [1]")


def test_a_lid_that_two_editions_word_a_word_apart_is_shown_once():
    # helper-60: "Wie stelt de huisvestingsverordening vast?" showed the 2026 lid and, below it, the 2014 lid
    # with "de verschillende overtredingen" for "de overtreding": two points an officer could not tell apart
    new = hit("3 De gemeenteraad stelt in de huisvestingsverordening het bedrag vast van de bestuurlijke boete die "
              "voor de overtreding kan worden opgelegd.", "Artikel 45", "huisvestingswet-regelrecht", date="2026-07-01")
    old = hit("De gemeenteraad stelt in de huisvestingsverordening het bedrag vast van de bestuurlijke boete die voor "
              "de verschillende overtredingen kan worden opgelegd.", "Artikel 35", "huisvestingswet-lawsmd",
              date="2014-06-04")

    answer = compose("Wie stelt het bedrag van de bestuurlijke boete vast?", [new, old], {})

    assert body(answer).count("het bedrag vast van de bestuurlijke boete") == 1
    assert "voor de overtreding kan worden opgelegd" in body(answer)  # the newer text's words


def test_a_newer_edition_answers_first_only_on_the_same_article_of_law():
    question = "Voor hoeveel jaar mag de gemeenteraad een huisvestingsverordening vaststellen?"
    weights = {"jar": 2.3, "gemeenterad": 3.7, "huisvestingsverorden": 3.8, "vaststell": 3.7}
    article_4 = hit("De gemeenteraad kan uitsluitend bij verordening voor de duur van ten hoogste vier jaar regels geven "
                    "met betrekking tot:\n\na. het in gebruik nemen of geven van woonruimte, en\n\n"
                    "b. wijzigingen in de woonruimtevoorraad.", "§ 3 De huisvestingsverordening › Artikel 4",
                    "huisvestingswet-lawsmd", date="2014-06-04")
    article_33a = hit("De gemeenteraad kan in de huisvestingsverordening bepalen dat burgemeester en wethouders:\n\n"
                      "a. een verbod tot het in gebruik geven van een woonruimte voor toeristische verhuur kunnen opleggen "
                      "voor ten hoogste een jaar aan een aanbieder indien binnen een tijdvak van vijf jaar twee maal een "
                      "bestuurlijke boete is opgelegd;\n\nb. een aanwijzing kunnen geven aan een digitaal platform.",
                      "Artikel 33a", "huisvestingswet-regelrecht", date="2026-07-01")

    answer = compose(question, [article_4, article_33a], weights)

    assert body(answer).startswith("De gemeenteraad kan uitsluitend bij verordening voor de duur van ten hoogste vier jaar")


def test_a_question_that_opens_with_a_preposition_and_welke_gets_the_list_first():
    profile = hit("Stadsregio Parkstad Limburg is een gemeenschappelijke regeling tussen zeven gemeenten. "
                  "De gemeenten werken samen op drie thema's:\n\n- economie & toerisme;\n- wonen & herstructurering;\n"
                  "- ruimte & mobiliteit.", "Regioprofiel › Samenwerking", "regioprofiel-parkstad-limburg")

    answer = compose("Op welke thema's werken de gemeenten in de gemeenschappelijke regeling Parkstad Limburg samen?",
                     [profile], {})

    opening = body(answer).split("\n\n")[0]  # the direct answer, before "Verder in de bronnen"
    assert "De gemeenten werken samen op drie thema's:" in opening and "- ruimte & mobiliteit." in opening


def test_an_officer_asking_since_when_a_law_applies_gets_the_date_first():
    # Besluit huurprijzen woonruimte artikel 12a and the Staatsblad 2024, 197 as they read
    transition = hit("Artikel 2 zoals dat luidde op de dag voor de datum van inwerkingtreding van de Wet betaalbare huur "
                     "blijft van toepassing op huurovereenkomsten die voor die datum zijn gesloten.", "Artikel 12a",
                     "besluit-huurprijzen-woonruimte")
    decree = hit("De Wet betaalbare huur treedt, met uitzondering van artikel I, in werking met ingang van 1 juli 2024.",
                 "ARTIKEL I", "stb-2024-197")

    answer = compose("Sinds wanneer geldt de Wet betaalbare huur?", [transition, decree], {})

    assert body(answer).startswith("De Wet betaalbare huur treedt, met uitzondering van artikel I, in werking met ingang "
                                   "van 1 juli 2024.")


def test_a_row_of_a_question_index_and_a_footnote_are_no_answers():
    index_row = hit("| Vraag | Wet en artikel | Document in deze kennisbank |\n|---|---|---|\n"
                    "| Hoeveel statushouders moet een gemeente huisvesten? | Huisvestingswet 2014, art. 28 | "
                    "regelgeving-taakstelling-vergunninghouders |", doc_id="overzicht-wetgeving")
    note = hit("Noot 10: https://wetgevingskalender.overheid.nl/regeling/WGK003650 (voetnoot aanpassen zodra het "
               "voorstel is ingediend).", doc_id="kst-34468-3")
    rule = hit("Gedeputeerde staten stellen elk halfjaar per gemeente vast hoeveel vergunninghouders zij huisvest.",
               doc_id="regelgeving-taakstelling")

    # two documents named in one cell (found by a fresh user: "Waar in deze kennisbank: regelgeving-…, regelgeving-…")
    two_row = hit("| Onderwerp | Belangrijkste wet | Waar in deze kennisbank |\n|---|---|---|\n"
                  "| Statushouders huisvesten | Huisvestingswet 2014 | regelgeving-taakstelling-vergunninghouders, "
                  "regelgeving-huisvestingswet-2014 |", doc_id="programma")

    answer = compose("Hoeveel statushouders moet een gemeente huisvesten?", [index_row, two_row, note, rule], {})

    assert body(answer).startswith("Gedeputeerde staten stellen elk halfjaar")
    assert "in deze kennisbank" not in answer.text.split("**Bronnen**")[0] and "Noot 10" not in body(answer)


def test_a_follow_up_about_one_item_of_a_list_said_before_gets_that_item_not_a_refusal():
    groups = hit("3 Tot de woningzoekenden behoren in ieder geval:\n\na. woningzoekenden die mantelzorg verlenen;\n"
                 "b. vergunninghouders;\n"
                 "g. jongeren van achttien tot drieëntwintig jaar die een accommodatie op grond van de Jeugdwet verlaten.",
                 "Urgentieregeling › De groepen die in de urgentieregeling moeten staan", "huisvestingswet")
    first = compose("Welke groepen moeten in de urgentieregeling?", [groups], {})

    follow_up = compose("Voor jongeren (groepen urgentieregeling)?", [groups], {}, previous_answers=[first.text],
                        follow_up="En voor jongeren?")

    assert "jongeren van achttien tot drieëntwintig jaar" in body(follow_up)
    assert "vergunninghouders" not in body(follow_up)  # the rest of the list was said before


def test_a_follow_up_asking_for_the_list_shown_below_the_last_answer_gets_that_list_whole():
    guide = hit("Housing First is een aanpak voor dakloze mensen met complexe problemen. De internationale "
                "Housing First-principes komen in eigen woorden neer op het volgende:\n"
                "- Wonen is een recht: een woning is niet afhankelijk van behandeling of gedrag.\n"
                "- Keuze en regie bij de bewoner: de bewoner bepaalt zelf waar hij woont.\n"
                "- Schadebeperking: gebruik van middelen is geen reden om iemand uit te sluiten.",
                "Wat is Housing First?", "housing-first")
    first = compose("Wat is Housing First?", [guide], {})
    assert "Wonen is een recht" in body(first).split("**Verder in de bronnen**")[1]  # listed below the opening

    follow_up = compose("Welke principes horen daarbij (Housing First)?", [guide], {}, previous_answers=[first.text],
                        follow_up="Welke principes horen daarbij?")

    assert body(follow_up).startswith("De internationale Housing First-principes komen")
    for principle in ("Wonen is een recht", "Keuze en regie bij de bewoner", "Schadebeperking"):
        assert f"- {principle}:" in body(follow_up)
    assert "Housing First is een aanpak" not in body(follow_up)  # the opening the officer just read


def test_a_sentence_opening_with_als_die_leans_on_what_came_before():
    passage = hit("De regiogemeenten maken afspraken over de verdeling van urgent woningzoekenden.\n\n"
                  "Als die afspraken niet worden vastgelegd, geldt een landelijk bepaald percentage.")

    answer = compose("Welk percentage geldt voor de verdeling van urgent woningzoekenden?", [passage], {})

    assert "Als die afspraken" not in body(answer)  # what "die" points at stands in another paragraph


def test_a_guides_disclaimer_and_what_it_says_about_itself_are_no_answer():
    # the bundled guides open like this; "Zij" is the guide, so the sentence is about the text
    intro = hit("Deze handreiking is geschreven voor de kennisbank. Het is een samenvatting en werkhulp, geen "
                "officiële tekst. Zij beschrijft hoe gemeenten de uitstroom uit beschermd wonen naar een eigen "
                "woning organiseren.", section="Over deze handreiking", doc_id="handreiking")
    steps = hit("Organiseer de uitstroom in vijf stappen: tijdig in beeld brengen, woning matchen, begeleiding "
                "overdragen, verhuizen en nazorg.", section="Samenvatting", doc_id="handreiking")

    answer = compose("Hoe organiseer je de uitstroom uit beschermd wonen naar een eigen woning?", [intro, steps], {})

    assert answer.text.startswith("Organiseer de uitstroom in vijf stappen")
    assert "Zij beschrijft" not in answer.text and "samenvatting en werkhulp" not in answer.text
    # helper-68: the bundled PDFs' "Het is geen officiële publicatie van een overheid …" was shown as a point
    assert is_boilerplate("Het is geen officiële publicatie van een overheid of van het programma Een thuis voor "
                          "iedereen.")


def test_a_list_of_questions_answers_only_a_question_about_questions():
    seed = hit("Stadsregio Parkstad Limburg zou graag de volgende vraagstukken beantwoord zien:\n"
               "- Welk resultaat streef je na?\n- Welke samenwerking tuig je op om dat resultaat te behalen?\n"
               "- Missen we iets in onze huidige aanpak?", section="Kennisvragen", doc_id="kennisvragen")
    guide = hit("Tuig een samenwerking op tussen gemeenten, woningcorporaties, zorgaanbieders en "
                "ervaringsdeskundigen.", section="Samenvatting", doc_id="samenwerking")

    asked = compose("Welke samenwerking tuig je op om dat resultaat te behalen?", [seed, guide], {})
    about_questions = compose("Met welke kennisvragen gaat Parkstad Limburg aan de slag?", [seed, guide], {})

    assert asked.text.startswith("Tuig een samenwerking op")
    assert "Welk resultaat streef je na?" not in asked.text
    assert about_questions.text.startswith("Stadsregio Parkstad Limburg zou graag de volgende vraagstukken")
    assert "- Missen we iets in onze huidige aanpak? [1]" in about_questions.text


def test_the_direct_answer_is_the_one_or_two_sentences_of_the_best_passage_that_answer():
    passage = hit("Windmolens mogen in de omgeving van woningen worden gebouwd. Wel gelden er regels om "
                  "geluidsoverlast en bewegende schaduw van windmolens bij woningen te voorkomen. De provincie "
                  "houdt een kaart bij van alle energieprojecten.", section="Windmolens", doc_id="windmolens")
    listing = hit("Voor windmolens bij woningen gelden deze regels:\n- de geluidsnorm;\n- de norm voor slagschaduw.",
                  section="Regels", doc_id="regels")

    answer = compose("Mogen windmolens vlak bij woningen staan?", [passage], {})
    listed = compose("Welke regels gelden er voor windmolens vlak bij woningen?", [listing, passage], {})

    opening = body(answer).split("\n\n")[0]
    assert opening == ("Windmolens mogen in de omgeving van woningen worden gebouwd. [1] Wel gelden er regels om "
                       "geluidsoverlast en bewegende schaduw van windmolens bij woningen te voorkomen. [1]")
    assert "kaart" not in opening  # it shares nothing with the question
    # a list is a direct answer on its own
    assert body(listed).split("\n\n")[0].startswith("Voor windmolens bij woningen gelden deze regels: [1]\n- de geluidsnorm;")
    assert "Windmolens mogen" not in body(listed).split("\n\n")[0]


def test_a_formula_is_read_with_its_lead_in_and_what_its_letters_stand_for():
    # the Participatiewet's kostendelersnorm; the Huisvestingswet's taakstelling has a placeholder
    # where its source has the formula as an image
    article = hit("Indien de belanghebbende met een of meer meerderjarige personen in dezelfde woning zijn "
                  "hoofdverblijf heeft, is de norm per kalendermaand voor de belanghebbende:\n\n"
                  "((A - B) x (1 - (1/3 x ((M-1)/M))) + B) / M\n\nwaarbij:\n\n"
                  "- A staat voor de norm voor gehuwden;\n- B staat voor de norm voor een alleenstaande;\n"
                  "- M staat voor het aantal meerderjarige personen in de woning.", section="Artikel 22a")
    placeholder = units("1 De taakstelling is de uitkomst, naar boven afgerond, van de formule:\n\n"
                        "[formule niet in tekst beschikbaar]\n\nin welke formule voorstelt:\n\n"
                        "- vg: het totale aantal vergunninghouders;\n- iG: het aantal inwoners van de gemeente.")

    answer = compose("Hoe wordt de norm berekend als meerdere personen in dezelfde woning wonen?", [article], {})

    assert answer.text.startswith("Indien de belanghebbende met een of meer meerderjarige personen in dezelfde woning "
                                  "zijn hoofdverblijf heeft, is de norm per kalendermaand voor de belanghebbende: "
                                  "((A - B) x (1 - (1/3 x ((M-1)/M))) + B) / M waarbij: [1]\n- A staat voor")
    assert [u.kind for u in placeholder] == ["lead"]
    assert placeholder[0].text.endswith("van de formule: [formule niet in tekst beschikbaar] in welke formule voorstelt:")
    assert placeholder[0].items == ["vg: het totale aantal vergunninghouders;", "iG: het aantal inwoners van de gemeente."]


def test_an_example_or_a_sentence_that_goes_on_is_shown_with_the_sentence_it_belongs_to():
    # Rijksoverheid pages in plain language write the rest of a sentence as a sentence of its own
    page = hit("Uw paspoort wordt ongeldig als het verlopen is. Bijvoorbeeld als u uw paspoort beschadigt wordt het "
               "ook ongeldig.\n\nDe gemeente houdt een register bij. Of een paspoort ongeldig moet worden verklaard, "
               "staat daarin.", section="Ongeldig paspoort", doc_id="paspoort")
    tax = hit("Bijvoorbeeld om straten en stranden schoon te maken. Die extra kosten betaalt de gemeente uit de "
              "toeristenbelasting.", section="Toeristenbelasting", doc_id="toeristenbelasting")

    answer = compose("Wanneer wordt mijn paspoort ongeldig?", [page], {})
    leaning_on_leaning = compose("Waarvan betaalt de gemeente de kosten van de toeristenbelasting?", [tax], {})

    assert answer.text.startswith("Uw paspoort wordt ongeldig als het verlopen is. [1]")
    # shown at most after the sentence it belongs to, never as a point of its own
    for fragment in ("Bijvoorbeeld als u uw paspoort", "Of een paspoort ongeldig"):
        assert not any(line.lstrip("- ").startswith(fragment) for line in answer.text.split("\n"))
    # "Die extra kosten …" leans on an example that leans in turn: nothing left to show it with
    assert "Die extra kosten" not in leaning_on_leaning.text


def test_a_laws_list_of_definitions_shows_only_the_terms_the_question_names():
    definitions = hit("1 In deze wet en de daarop berustende bepalingen wordt verstaan onder:\n"
                      "- huisvestingsvergunning: vergunning als bedoeld in artikel 8, eerste lid;\n"
                      "- huisvestingsverordening: verordening als bedoeld in artikel 4;\n"
                      "- woningzoekende: meerderjarige die woonruimte zoekt;\n"
                      "- Onze Minister: Onze Minister van Volkshuisvesting.", section="Artikel 1", doc_id="wet")
    article = hit("De gemeenteraad kan in de huisvestingsverordening bepalen dat voor het in gebruik nemen van "
                  "woonruimte een huisvestingsvergunning nodig is.", section="Artikel 7", doc_id="wet")

    answer = compose("Wanneer is een huisvestingsvergunning nodig voor een woningzoekende?", [article, definitions], {})

    assert "  - huisvestingsvergunning: vergunning als bedoeld in artikel 8, eerste lid; [2]" in answer.text
    assert "  - woningzoekende: meerderjarige die woonruimte zoekt; [2]" in answer.text
    assert "huisvestingsverordening: verordening" not in answer.text and "Onze Minister" not in answer.text


def test_a_list_that_holds_the_words_of_a_short_point_still_says_more_than_it():
    short = hit("Wonen Eerst komt in het verdeelbesluit.", section="Wonen Eerst", doc_id="nota")
    principles = hit("De volgende uitgangspunten geven richting aan het verdeelbesluit:\n"
                     "- Wonen Eerst: we verleggen de focus van opvang naar wonen, volgens Housing First;\n"
                     "- jonge woningzoekenden krijgen een tijdelijke woonoplossing.",
                     section="Uitgangspunten", doc_id="nota")

    answer = compose("Hoe komt Wonen Eerst terug in het verdeelbesluit?", [short, principles], {})

    assert answer.text.startswith("Wonen Eerst komt in het verdeelbesluit. [1]")
    assert "- Wonen Eerst: we verleggen de focus van opvang naar wonen, volgens Housing First; [" in answer.text


def test_what_a_practice_example_says_about_itself_is_no_answer():
    # the bundled praktijkvoorbeelden open like this; the question asks how, the intro says what the text is
    intro = hit("Dit praktijkvoorbeeld is geschreven voor de kennisbank Thuiswijzer. Het is een samengesteld, "
                "geanonimiseerd voorbeeld van hoe een regio tot afspraken over de verdeling van aandachtsgroepen kan "
                "komen. Het beschrijft niet één bestaande regio en bevat daarom geen namen of cijfers.",
                section="Praktijkvoorbeeld: een spreidingsafspraak", doc_id="praktijkvoorbeeld")
    steps = hit("Leg de afspraak over de verdeling van aandachtsgroepen regionaal vast en vertaal haar lokaal in "
                "prestatieafspraken.", section="Zo kwam de regio tot een afspraak", doc_id="praktijkvoorbeeld")

    answer = compose("Hoe komt een regio tot afspraken over de verdeling van aandachtsgroepen?", [intro, steps], {})

    assert answer.text.startswith("Leg de afspraak over de verdeling van aandachtsgroepen regionaal vast")
    assert "voorbeeld van hoe" not in answer.text and "Het beschrijft niet" not in answer.text


def test_an_answer_shows_no_space_before_punctuation_that_a_pdf_conversion_left_in_the_passage():
    passage = ("Wij maken voorrang voor vitale beroepen mogelijk ( zoals zorg en onderwijs ) :\n"
               "- werknemers in het onderwijs , de zorg en de politie ;\n- starters met een middeninkomen .")

    answer = compose("Voor welke beroepen maakt de gemeente voorrang mogelijk?", [hit(passage)], {})

    shown = body(answer)
    assert "mogelijk (zoals zorg en onderwijs):" in shown
    assert "- werknemers in het onderwijs, de zorg en de politie;" in shown
    assert " :" not in shown and " ," not in shown and "( " not in shown
    # the Bronnen tab marks the passage's own sentences, and the evaluation still finds them
    assert "werknemers in het onderwijs , de zorg en de politie ;" in answer.citations[0].highlights
    assert contains(passage, "werknemers in het onderwijs, de zorg en de politie;")


def test_a_follow_up_does_not_repeat_a_point_that_was_shown_tidied():
    passage = ("Wij maken voorrang voor vitale beroepen mogelijk :\n- werknemers in het onderwijs ;\n- agenten .\n"
               "Starters met een middeninkomen krijgen voorrang in de middenhuur .")
    first = compose("Voor wie maakt de gemeente voorrang mogelijk?", [hit(passage)], {})

    follow_up = compose("Voor wie maakt de gemeente voorrang mogelijk, en voor starters?", [hit(passage)], {},
                        previous_answers=[first.text], follow_up="En voor starters?")

    assert "Starters met een middeninkomen krijgen voorrang in de middenhuur." in follow_up.text
    assert "werknemers in het onderwijs" not in follow_up.text


def test_a_follow_up_leaves_out_a_sentence_just_read_when_something_new_speaks_to_it():
    passage = ("Gemeenten kunnen statushouders opnemen in de urgentieregeling.\n\n"
               "De raad legt in de verordening vast hoe de gemeente de taakstelling voor statushouders haalt.")
    previous = "Gemeenten kunnen statushouders opnemen in de urgentieregeling. [1]"

    follow_up = compose("Welke groepen horen in de urgentieregeling, en statushouders?", [hit(passage)], {},
                        previous_answers=[previous], follow_up="En statushouders?")

    assert "taakstelling voor statushouders" in follow_up.text
    assert "Gemeenten kunnen statushouders opnemen" not in follow_up.text


# the Kamervragen of March 2024 (answer 6) and article 12 of the Huisvestingswet as of 1 July 2026
ANSWER_2024 = ("Als een gemeente een urgentieregeling heeft, dan moeten daar in elk geval de volgende groepen in "
               "worden opgenomen:\n- woningzoekenden die verblijven in een voorziening voor tijdelijke opvang van "
               "personen die in verband met geweld hun woonruimte hebben verlaten en\n- woningzoekenden die "
               "mantelzorg als bedoeld in artikel 1.1.1, eerste lid, van de Wet maatschappelijke ondersteuning 2015 "
               "verlenen of ontvangen.")
LAW_2026 = ("3 Tot de woningzoekenden, bedoeld in het eerste lid, behoren in ieder geval:\n"
            "a. woningzoekenden die mantelzorg als bedoeld in artikel 1.1.1, eerste lid, van de Wet maatschappelijke "
            "ondersteuning 2015 verlenen of ontvangen;\n"
            "b. woningzoekenden die op grond van ernstige en chronische medische redenen dringend woonruimte behoeven;\n"
            "c. woningzoekenden zonder vaste verblijfplaats die deel uitmaken van een gezin met minderjarige kinderen.")


def test_an_older_answer_that_quotes_the_law_comes_after_the_list_the_law_has_now():
    older = hit(ANSWER_2024, "Antwoord 6", "kamervragen-2024", date="2024-03-11")
    law = hit(LAW_2026, "Artikel 12", "huisvestingswet-2026", date="2026-07-01", type="regelgeving")

    answer = compose("Welke groepen krijgen voorrang via de urgentieregeling?", [older, law], {})

    # the law's list shares no word with the question; the older answer quotes its onderdeel a
    assert answer.text.startswith("Lid 3: Tot de woningzoekenden, bedoeld in het eerste lid, behoren in ieder geval: [1]")
    assert answer.citations[0].doc_id == "huisvestingswet-2026"
    assert "- b. woningzoekenden die op grond van ernstige en chronische medische redenen" in answer.text
    below = body(answer).split("**Verder in de bronnen**")[1]
    assert "- Als een gemeente een urgentieregeling heeft" in below
    assert "De nieuwste is [1] huisvestingswet-2026 (1 juli 2026)" in answer.text


def test_an_officer_asking_about_the_original_text_is_not_answered_with_the_law_of_today():
    older = hit(ANSWER_2024, "Antwoord 6", "kamervragen-2024", date="2024-03-11")
    law = hit(LAW_2026, "Artikel 12", "huisvestingswet-2026", date="2026-07-01", type="regelgeving")

    answer = compose("Welke groepen moesten oorspronkelijk in de urgentieregeling?", [older, law], {})

    assert answer.text.startswith("Als een gemeente een urgentieregeling heeft")
    assert "Tot de woningzoekenden" not in answer.text


def test_an_officer_asking_what_changed_since_the_original_text_gets_the_law_of_today_too():
    older = hit(ANSWER_2024, "Antwoord 6", "kamervragen-2024", date="2024-03-11")
    law = hit(LAW_2026, "Artikel 12", "huisvestingswet-2026", date="2026-07-01", type="regelgeving")

    answer = compose("Welke groepen zijn er ten opzichte van de oorspronkelijke urgentieregeling bijgekomen?",
                     [older, law], {})

    assert answer.text.startswith("Lid 3: Tot de woningzoekenden, bedoeld in het eerste lid, behoren in ieder geval: [1]")
    assert "- Als een gemeente een urgentieregeling heeft" in body(answer)


def test_a_text_that_shares_only_a_reference_to_the_law_does_not_quote_it():
    older = hit("De gemeente biedt woningzoekenden die mantelzorg als bedoeld in artikel 1.1.1, eerste lid, van de "
                "Wet maatschappelijke ondersteuning 2015 geven, voorrang bij kleine woningen in de binnenstad.",
                "Voorrang", "nota-2024", date="2024-03-11")
    law = hit(LAW_2026, "Artikel 12", "huisvestingswet-2026", date="2026-07-01", type="regelgeving")

    answer = compose("Welke groepen krijgen voorrang?", [older, law], {})

    assert answer.text.startswith("De gemeente biedt woningzoekenden die mantelzorg")
    assert "Tot de woningzoekenden" not in answer.text


def test_a_list_whose_heading_leads_into_it_is_shown_under_that_heading():
    # the guide writes "### Kies voor een formele organisatie als" over items that continue it;
    # the chunker keeps the heading in the section path, out of the passage text
    guide = load_document(ROOT / "corpus" / "sources" / "handreiking-procesorganisatie.md")
    chunks = [c for c in Chunker(lambda text: len(text.split())).chunk(guide) if "Kies voor" in (c.section or "")]
    hits = [Hit(c, DocumentRecord(guide.doc_id, "/tmp/guide.md", guide.metadata, "h", 1, None, "2026-11-24"), 1.0,
                0.9, 1.0) for c in chunks]

    answer = compose("Wanneer kies je voor een formele organisatie?", hits, {})

    assert body(answer).startswith("Kies voor een formele organisatie als: [1]\n"
                                   "- de regio gezamenlijk gaat uitvoeren")
    # the other list is a supporting point with its own lead-in, not an item on its own
    assert "- Kies voor een netwerkorganisatie als: [2]\n  - de regio in de verkennende fase zit" in body(answer)
    assert "\n- bestuurders nog geen mandaat" not in body(answer)


def test_a_heading_that_names_a_topic_is_no_lead_in_for_a_list_begun_further_up():
    # the Huurcommissie's beleidsboek: the list's lead-in stands in the passage before this one
    passage = "1. één vertrek;\n2. een kookgelegenheid;\n3. een eigen toilet.\n\nVoldoet een woonruimte aan de eisen?"

    found = units(passage, heading="1.4 Zelfstandige woonruimte of onzelfstandige woonruimte")
    assert not any(u.items for u in found)
    found = units(passage, heading="Een woonruimte is zelfstandig als")
    assert found[0].text == "Een woonruimte is zelfstandig als:"
    assert found[0].items == ["één vertrek;", "een kookgelegenheid;", "een eigen toilet."]


def test_an_officer_sees_the_lid_and_the_onderdeel_letters_of_the_law_so_she_can_cite_them():
    # BWB numbers a lid "3." and regelrecht "3"; either way the answer says "Lid 3" and keeps a–c
    for lid in ("3.", "3"):
        law = hit(f"{lid} Tot de woningzoekenden, bedoeld in het eerste lid, behoren in ieder geval:\n"
                  "a. woningzoekenden die mantelzorg verlenen of ontvangen;\n"
                  "b. woningzoekenden die een voorziening voor beschermd wonen verlaten;\n"
                  "c. woningzoekenden die uitstappen uit de prostitutie.",
                  section="Hoofdstuk 2 › Artikel 12", type="regelgeving")

        answer = compose("Welke woningzoekenden behoren in ieder geval tot de urgentieregeling?", [law], {})

        assert answer.text.startswith("Lid 3: Tot de woningzoekenden, bedoeld in het eerste lid, behoren in ieder "
                                      "geval: [1]\n- a. woningzoekenden die mantelzorg verlenen of ontvangen; [1]\n"), lid
        assert "\n- c. woningzoekenden die uitstappen uit de prostitutie. [1]" in answer.text


def test_a_numbered_step_of_a_guide_is_not_called_a_lid():
    guide = hit("1. Breng eerst in kaart hoeveel mensen uitstromen uit beschermd wonen.\n"
                "2. Maak daarna afspraken met de corporaties over het aantal woningen.",
                section="Stappenplan uitstroom")

    answer = compose("Hoe maken we afspraken met de corporaties over woningen voor uitstroom?", [guide], {})

    assert "Lid" not in answer.text
    assert "Maak daarna afspraken met de corporaties over het aantal woningen. [1]" in answer.text


DEFINITIONS = ("1. In deze wet en de daarop berustende bepalingen wordt verstaan onder:\n"
               "a. volkshuisvestingsprogramma: volkshuisvestingsprogramma als bedoeld in artikel 3.6, derde lid, van "
               "de Omgevingswet;\n"
               "b. woningmarktregio: gebied dat vanuit het oogpunt van het functioneren van de woningmarkt als een "
               "geheel kan worden beschouwd;")


def test_a_definition_that_says_what_a_term_is_opens_before_one_that_only_says_where_the_law_defines_it():
    law = hit(DEFINITIONS, section="Hoofdstuk 1 › Artikel 1", doc_id="huisvestingswet", type="regelgeving")
    guide = hit("Een volkshuisvestingsprogramma is het programma waarin de gemeente haar woonopgave en haar inzet "
                "voor aandachtsgroepen vastlegt.", section="Het volkshuisvestingsprogramma", doc_id="gids")
    mention = hit("In het volkshuisvestingsprogramma beschrijft de gemeente haar woonopgave en haar inzet voor "
                  "aandachtsgroepen.", section="Het volkshuisvestingsprogramma", doc_id="gids")

    # the law ranks first, but its definition only points at the Omgevingswet
    assert compose("Wat is een volkshuisvestingsprogramma?", [law, guide], {}).text.startswith(
        "Een volkshuisvestingsprogramma is het programma waarin de gemeente haar woonopgave")
    # without a definition that says more, the pointer still beats a sentence that merely names the term
    assert compose("Wat is een volkshuisvestingsprogramma?", [mention, law], {}).text.startswith(
        "volkshuisvestingsprogramma: volkshuisvestingsprogramma als bedoeld in artikel 3.6")


def test_a_definition_in_the_list_of_a_lid_opens_the_answer_without_the_lid_label():
    law = hit(DEFINITIONS, section="Hoofdstuk 1 › Artikel 1", doc_id="huisvestingswet", type="regelgeving")

    answer = compose("Wat is een woningmarktregio?", [law], {})

    assert answer.text.startswith("woningmarktregio: gebied dat vanuit het oogpunt van het functioneren van de "
                                  "woningmarkt als een geheel kan worden beschouwd; [1]")


def test_items_with_the_same_words_keep_each_their_own_letter():
    # a law keeps the place of a part that is not in force yet: "a." and "b." read alike
    law = hit("1. De gemeenteraad stelt bij verordening regels met betrekking tot:\n"
              "a. dit onderdeel is nog niet in werking getreden;\n"
              "b. dit onderdeel is nog niet in werking getreden;\n"
              "c. het verhogen en verlagen van de norm voor de bijstand.",
              section="Hoofdstuk 2 › Artikel 8 Verordeningen uitkeringen", type="regelgeving")

    answer = compose("Waarover stelt de gemeenteraad regels bij verordening?", [law], {})

    assert "\n- a. dit onderdeel is nog niet in werking getreden; [1]\n- b. dit onderdeel" in answer.text
    assert "\n- c. het verhogen en verlagen van de norm" in answer.text


def test_the_steps_of_an_amending_act_are_not_called_lids():
    # a Staatsblad changes a law step by step; its "1." and "2." under "Artikel 2, tweede lid, …
    # wordt als volgt gewijzigd:" are no lids of article 2
    amendment = hit("1. In onderdeel 5° wordt „kamerbewoning” vervangen door „onzelfstandige woonruimte”.\n"
                    "2. Er wordt een onderdeel toegevoegd, luidende: 7° de huurprijs van een onzelfstandige "
                    "woonruimte.",
                    section="ARTIKEL I › Artikel 2, tweede lid, onderdeel e, wordt als volgt gewijzigd:",
                    doc_id="stb-2024-193")

    answer = compose("Welk onderdeel wordt aan artikel 2 toegevoegd over onzelfstandige woonruimte?", [amendment], {})

    assert "Er wordt een onderdeel toegevoegd" in answer.text
    assert "Lid" not in answer.text


def test_a_list_longer_than_fifteen_items_is_shown_cut_with_a_pointer_to_the_rest():
    groups = [f"groep {n} met een eigen regeling;" for n in range(1, 21)]
    passage = "De verordening noemt twintig groepen die urgentie krijgen:\n" + "\n".join(f"- {g}" for g in groups)
    answer = compose("Welke groepen krijgen urgentie?", [hit(passage)], {})

    shown = body(answer)
    assert "- groep 15 met een eigen regeling; [1]" in shown and "groep 16" not in shown
    assert "- _… en nog 5 onderdelen in de bron [1]_" in shown
    # the highlights in the Bronnen panel are what the answer shows
    assert "groep 15 met een eigen regeling;" in answer.citations[0].highlights
    assert "groep 16 met een eigen regeling;" not in answer.citations[0].highlights


def test_a_cut_list_shows_the_item_that_answers_the_question():
    # the Besluit toegelaten instellingen lists nineteen articles of Boek 2 BW that do not apply;
    # the one asked about is the nineteenth
    articles = [f"artikel {361 + n} lid {n % 5 + 1};" for n in range(18)] + ["artikel 414 lid 5."]
    passage = ("Op de jaarrekening zijn niet van toepassing de volgende artikelen van Boek 2:\n"
               + "\n".join(f"{chr(97 + n)}. {a}" for n, a in enumerate(articles)))
    answer = compose("Is artikel 414 van Boek 2 van toepassing op de jaarrekening?", [hit(passage)], {})

    shown = body(answer)
    assert "- s. artikel 414 lid 5. [1]" in shown
    assert "- _… en nog 18 onderdelen in de bron [1]_" in shown  # a closed question: the item, not fifteen
    assert "artikel 414 lid 5." in answer.citations[0].highlights


def test_a_definition_beyond_the_fifteenth_item_of_a_list_of_definitions_still_answers():
    terms_ = [f"begrip{n}: de {n}e omschrijving van iets anders;" for n in range(1, 20)]
    passage = ("In deze wet wordt verstaan onder:\n" + "\n".join(f"- {t}" for t in terms_)
               + "\n- inspecteur: als zodanig bij besluit van Onze Minister aangewezen ambtenaar;")
    answer = compose("Wat is een inspecteur?", [hit(passage, "Artikel 1", type="regelgeving")], {})

    assert answer.text.startswith("inspecteur: als zodanig bij besluit van Onze Minister aangewezen ambtenaar; [1]")


def test_the_text_a_question_names_answers_before_a_newer_text_that_defines_the_term_alike():
    older = hit("In deze wet wordt verstaan onder:\n- huishoudinkomen: gezamenlijke verzamelinkomens van de bewoners "
                "van een woongelegenheid;", "Woningwet › Artikel 1", doc_id="woningwet", date="1991-08-29",
                type="regelgeving")
    newer = hit("In deze wet wordt verstaan onder:\n- huishoudinkomen: gezamenlijke verzamelinkomens van de aanvragers "
                "van een huisvestingsvergunning;", "Huisvestingswet › Artikel 1", doc_id="huisvestingswet",
                date="2026-07-01", type="regelgeving")

    named = compose("Wat is het huishoudinkomen volgens de Woningwet?", [newer, older], {})
    plain = compose("Wat is het huishoudinkomen?", [newer, older], {})

    assert named.citations[0].doc_id == "woningwet"
    assert plain.citations[0].doc_id == "huisvestingswet"  # unnamed, the newest text answers first


def _vac_page(prefix: str) -> str:
    """The text of a Rijksoverheid answer page (../shared, which CI has beside the clone)."""
    from evals import sets
    if not sets.VACS.is_file():
        pytest.skip("../shared/external ontbreekt")
    return next(row["reference_answer"] for row in sets.vac_rows() if row["id"].startswith(prefix))


def test_two_pages_that_say_the_same_in_the_same_words_are_both_cited_for_it():
    # two real Rijksoverheid pages on the bsn: each says how you get one, in nearly the same words
    first = hit(_vac_page("6a3d9c60").split("\n\n")[0], doc_id="bsn-opvragen")
    second = hit(_vac_page("3b9f72ed").split("\n\n")[0], doc_id="bsn-krijgen")

    answer = compose("Hoe kom ik aan een burgerservicenummer (bsn)?", [first, second], {})

    assert body(answer).startswith("Het burgerservicenummer (bsn) is uw eigen persoonsnummer voor contact met de "
                                   "overheid. [1][2]")
    assert [c.doc_id for c in answer.citations] == ["bsn-opvragen", "bsn-krijgen"]
    assert answer.citations[1].highlights[:2] == ["Het burgerservicenummer (bsn) is uw eigen persoonsnummer.",
                                                  "Dit heeft u nodig bij uw contact met de overheid."]


def test_two_notes_that_give_other_figures_for_the_same_rule_are_both_shown_with_a_notice():
    # helper-65: 475 euro from one note, and not a word of the other's 450
    a = hit("Huurnota jongeren Voorbeeldstad.\n\nDe maximale huur voor jongeren onder 23 jaar bedraagt 450 euro per "
            "maand.", doc_id="huurnota-a")
    b = hit("Huurnota jongeren Voorbeeldstad.\n\nDe maximale huur voor jongeren onder 23 jaar bedraagt 475 euro per "
            "maand.", doc_id="huurnota-b")

    answer = compose("Wat is de maximale huur voor jongeren onder 23 jaar in Voorbeeldstad?", [b, a], {})

    assert body(answer).startswith("De maximale huur voor jongeren onder 23 jaar bedraagt 475 euro per maand. [1]\n\n"
                                   "_Let op: de bronnen noemen hier verschillende getallen (475 [1]; 450 [2]). "
                                   "Controleer welke geldt._")
    assert "- De maximale huur voor jongeren onder 23 jaar bedraagt 450 euro per maand. [2]" in answer.text


def test_a_text_of_another_date_or_of_other_words_with_another_figure_is_no_dispute():
    law_2014 = hit("Een huisvestingsverordening geldt voor de duur van ten hoogste vier jaar.", doc_id="wet-2014",
                   date="2014-01-01")
    law_2026 = hit("Een huisvestingsverordening geldt voor de duur van ten hoogste 6 jaar.", doc_id="wet-2026",
                   date="2026-07-01")
    rooms = hit("Een kamer krijgt 5,75 punten voor de verwarming van een onzelfstandige woonruimte.", doc_id="kamers")
    homes = hit("Een woning krijgt 5 punten voor de verwarming van een zelfstandige woonruimte.", doc_id="woningen")

    for hits, question in (([law_2026, law_2014], "Hoe lang mag een huisvestingsverordening gelden?"),
                           ([homes, rooms], "Hoeveel punten krijgt de verwarming van een woonruimte?")):
        assert "verschillende getallen" not in compose(question, hits, {}).text


def test_a_page_that_only_speaks_of_the_same_or_a_text_of_another_date_is_not_cited_as_saying_it():
    law = "Een huisvestingsverordening geldt voor de duur van ten hoogste vier jaar."
    guide = hit("De gemeenteraad stelt de huisvestingsverordening vast; die geldt niet langer dan vier jaar.",
                doc_id="handreiking")
    older = hit(law, doc_id="wet-2014", date="2014-01-01")

    answer = compose("Hoe lang geldt een huisvestingsverordening?",
                     [hit(law, doc_id="wet-2026", date="2026-07-01"), guide, older], {})

    assert "[1][" not in body(answer)


def test_two_beleidsboeken_worded_alike_are_not_cited_as_saying_the_same_when_a_figure_or_a_prefix_differs():
    # the Huurcommissie's beleidsboeken for zelfstandige and onzelfstandige woonruimte (both
    # January 2026) word their rules alike; a reviewer found one cited for the other's figure
    onzelfstandig = hit("De kwaliteit wordt bepaald met het woningwaarderingsstelsel voor een onzelfstandige "
                        "woonruimte. De extra sanitaire voorzieningen worden gewaardeerd met 5 punten in totaal.",
                        doc_id="beleidsboek-onzelfstandig", date="2026-01-01")
    zelfstandig = hit("De kwaliteit wordt bepaald met het woningwaarderingsstelsel voor een zelfstandige "
                      "woonruimte. De extra sanitaire voorzieningen worden gewaardeerd met 5,75 punten in totaal.",
                      doc_id="beleidsboek-zelfstandig", date="2026-01-01")

    answer = compose("Hoe worden de extra sanitaire voorzieningen gewaardeerd en hoe wordt de kwaliteit bepaald?",
                     [onzelfstandig, zelfstandig], {})

    assert "][" not in body(answer)


def test_a_sentence_with_one_word_in_place_of_another_is_not_cited_as_saying_the_same():
    # a reviewer (helper-32): the beleidsboeken' rule for vertrekken and for buitenruimten
    kamers = hit("De oppervlakten voor privé- en gemeenschappelijke vertrekken worden afzonderlijk berekend.",
                 doc_id="beleidsboek-onzelfstandig", date="2026-01-01")
    buiten = hit("De oppervlakten voor privé- en gemeenschappelijke buitenruimten worden afzonderlijk berekend.",
                 doc_id="beleidsboek-zelfstandig", date="2026-01-01")

    answer = compose("Hoe worden de oppervlakten van gemeenschappelijke vertrekken berekend?", [kamers, buiten], {})

    assert "vertrekken" in body(answer) and "][" not in body(answer)


def test_two_notes_that_differ_in_a_letter_only_are_not_cited_as_saying_the_same():
    # helper-65 uploaded "Nota wonen versie B" and "versie C": "Nota wonen versie C. [1][4]" cited B for C
    versie_c = hit("Nota wonen versie C. Mantelzorgers krijgen voorrang.", doc_id="nota-wonen")
    versie_b = hit("Nota wonen versie B. Mantelzorgers krijgen voorrang.", doc_id="nota-wonen-2")

    answer = compose("Welke versie van de nota wonen geldt?", [versie_c, versie_b], {})

    assert "versie C." in body(answer) and "][" not in body(answer)


def test_a_sources_own_bracketed_numbers_are_shown_as_the_superscripts_they_stand_for():
    # Utrecht's nota, converted: a lost superscript and a table's footnote reference
    assert as_quoted("minimaal 40 m[2] GBO") == "minimaal 40 m² GBO"
    assert as_quoted("Ontwikkeling woningbouw [1] € 1.200") == "Ontwikkeling woningbouw¹ € 1.200"
    assert as_quoted("Artikel 12 lid 3") == "Artikel 12 lid 3"


def test_the_date_note_names_a_month_and_year_as_an_officer_writes_it():
    # the Huurcommissie's beleidsboek is dated "Versie januari 2026": the note showed "(2026-01)"
    guide = hit("Een zorgwoning krijgt 35 procent meer punten.", doc_id="beleidsboek", date="2026-01")
    law = hit("Voor een zorgwoning wordt het puntentotaal met 35 procent verhoogd.", doc_id="besluit", date="2024-06-26")

    answer = compose("Hoeveel extra punten krijgt een zorgwoning?", [guide, law], {})

    assert "De nieuwste is [1] beleidsboek (januari 2026)" in answer.text


def test_a_sentence_about_older_people_does_not_count_for_statushouders():
    # "statushouder" ends in "ouder": counted as half a match, Utrecht's "groep ouderen" opened the
    # answer to "En statushouders, horen die daar ook bij?"
    older = hit("Er is een grotere diversiteit onder de groep ouderen, in leeftijd en wensen.", doc_id="nota")
    answer = hit("Gemeenten kunnen indien zij dit wensen statushouders opnemen in de urgentieregeling.", doc_id="antwoord")

    composed = compose("Horen statushouders bij de groepen in de urgentieregeling?", [older, answer], {})

    assert composed.text.startswith("Gemeenten kunnen indien zij dit wensen statushouders opnemen")
    assert credit("statushouder", {"ouder"}) == 0.0 and credit("statushouder", {"statushouderswon"}) == 0.5


def test_a_sentence_that_only_says_where_a_term_is_regulated_comes_with_the_one_that_says_what_it_is():
    # found by a fresh user: "Wat is de kostendelersnorm?" got only where it stands in the law
    norm = hit("De kostendelersnorm staat in artikel 22a van de Participatiewet. Het idee: wie met andere "
               "meerderjarigen in dezelfde woning woont, kan de woonkosten delen en heeft dus minder bijstand nodig.\n\n"
               "De bedragen worden jaarlijks aangepast.", section="Wat is de kostendelersnorm?")

    answer = compose("Wat is de kostendelersnorm?", [norm], {})

    assert body(answer).split("\n\n")[0] == (
        "De kostendelersnorm staat in artikel 22a van de Participatiewet. [1] Het idee: wie met andere meerderjarigen "
        "in dezelfde woning woont, kan de woonkosten delen en heeft dus minder bijstand nodig. [1]")


def test_a_list_within_a_list_is_shown_indented_under_the_item_it_belongs_to():
    # helper-48 read article 14 lid 4's "1°." and "2°." as items beside "a." and "b."
    lid = ("4 Voor de toepassing van het eerste en tweede lid is een woningzoekende:\n\n"
           "a. economisch gebonden aan de gemeente indien hij een redelijk belang heeft zich daar te vestigen, en\n"
           "b. maatschappelijk gebonden aan de gemeente indien hij:\n\n"
           "1°. een met de plaatselijke samenleving verband houdend belang heeft zich daar te vestigen, of\n\n"
           "2°. ten minste zes jaar onafgebroken ingezetene is van de gemeente.")
    answer = compose("Wanneer is een woningzoekende maatschappelijk gebonden aan de gemeente?",
                     [hit(lid, "Artikel 14", "huisvestingswet", type="regelgeving")], {})

    lines = body(answer).splitlines()
    assert "- b. maatschappelijk gebonden aan de gemeente indien hij: [1]" in lines
    assert "  - 2°. ten minste zes jaar onafgebroken ingezetene is van de gemeente. [1]" in lines


def test_an_item_after_a_list_within_a_list_stands_in_the_outer_list_again():
    # helper-70: of the Participatiewet's art. 13 lid 2, "d." was shown under "2°.", as a part of "c."
    lid = ("2. Geen recht op algemene bijstand heeft degene:\n"
           "a. van 18, 19 of 20 jaar die in een inrichting verblijft;\n"
           "c. die jonger is dan 27 jaar en uit ’s Rijks kas bekostigd onderwijs kan volgen en:\n"
           "1°. in verband daarmee aanspraak heeft op studiefinanciering, dan wel\n"
           "2°. in verband daarmee geen aanspraak heeft op studiefinanciering en dit onderwijs niet volgt;\n"
           "d. die jonger is dan 27 jaar en uit wiens houding blijkt dat hij de verplichtingen niet wil nakomen.")
    unit = next(u for u in passage_units(hit(lid, "Artikel 13", "participatiewet", type="regelgeving")) if u.items)

    assert unit.levels() == [0, 0, 1, 1, 0]
    assert [mark for _, mark in unit.nested(1)] == ["1°.", "2°."]
    assert unit.parent(3) == unit.items[1] and unit.parent(4) == ""


def test_a_term_the_glossary_gives_as_another_name_is_answered_with_the_entrys_definition():
    # helper-47: "Wat is Wonen Eerst?" was answered with the entry's last sentence alone
    entry = hit("Een aanpak waarbij dakloze mensen eerst een eigen, reguliere woning krijgen, met begeleiding op maat. "
                "Een woning hoeft niet eerst verdiend te worden. In het Nederlands wordt ook wel \"Wonen Eerst\" gezegd.",
                "Begrippenlijst › Groepen en voorzieningen › Housing First", "begrippenlijst")

    answer = compose("Wat is Wonen Eerst?", [entry], {})

    assert body(answer).startswith("Een aanpak waarbij dakloze mensen eerst een eigen, reguliere woning krijgen")


def test_which_municipalities_is_answered_by_the_sentence_that_names_them_not_by_a_list_of_their_themes():
    # helper-47, "Welke gemeenten werken samen in de regio?" under the Parkstad filter: the regioprofiel's
    # "De gemeenten werken samen op drie thema's:" opened, and the seven names were never shown
    profile = hit("Stadsregio Parkstad Limburg is een gemeenschappelijke regeling tussen zeven gemeenten. "
                  "De gemeenten werken samen op drie thema's:\n- economie & toerisme;\n- wonen & herstructurering;\n"
                  "- ruimte & mobiliteit.", "De samenwerking", "regioprofiel")
    example = hit("Stadsregio Parkstad Limburg is een gemeenschappelijke regeling tussen zeven gemeenten: Beekdaelen, "
                  "Brunssum, Heerlen, Kerkrade, Landgraaf, Simpelveld en Voerendaal.", "De regio", "praktijkvoorbeeld")

    answer = compose("Welke gemeenten werken samen in de regio?", [profile, example], {})

    assert body(answer).startswith("Stadsregio Parkstad Limburg is een gemeenschappelijke regeling tussen zeven "
                                   "gemeenten: Beekdaelen, Brunssum, Heerlen")


def test_a_follow_up_about_one_group_of_a_long_list_not_shown_before_gets_that_group_alone():
    # helper-53: "En voor jongeren?" after a question on uitstroom showed all ten groups, group 7 in the middle
    groups = ["Mantelzorg – woningzoekenden die mantelzorg geven of ontvangen.",
              "Medische redenen – woningzoekenden die om medische redenen dringend een woning nodig hebben.",
              "Dakloosheid – woningzoekenden die wegens dakloosheid opvang kregen.",
              "Huiselijk geweld – woningzoekenden die de opvang na huiselijk geweld verlaten.",
              "Beschermd wonen – woningzoekenden die beschermd wonen verlaten.",
              "Jongeren uit jeugdzorg – jongeren van 18 tot 23 jaar die een jeugdzorgaccommodatie verlaten."]
    regeling = hit("Tot de urgent woningzoekenden horen in ieder geval:\n" + "\n".join(f"- {g}" for g in groups),
                   doc_id="urgentieregeling")
    earlier = "Bij uitstroom uit beschermd wonen zoekt de gemeente een passende woning. [1]"

    answer = compose("Voor jongeren (uitstroom beschermd wonen)?", [regeling], {}, previous_answers=[earlier],
                     follow_up="En voor jongeren?")

    assert "Jongeren uit jeugdzorg" in body(answer)
    assert "Mantelzorg" not in body(answer) and "… en nog 5 onderdelen in de bron" in body(answer)
    # a list of four is read at a glance: shown whole
    short = hit("Tot de urgent woningzoekenden horen in ieder geval:\n" + "\n".join(f"- {g}" for g in groups[2:]),
                doc_id="urgentieregeling")
    assert "Huiselijk geweld" in body(compose("Voor jongeren (uitstroom beschermd wonen)?", [short], {},
                                              previous_answers=[earlier], follow_up="En voor jongeren?"))


def test_a_long_lid_of_law_is_quoted_whole_when_it_answers_and_a_run_on_sentence_elsewhere_is_not():
    # art. 14 lid 1 of the Huisvestingswet 2026 is one sentence of 92 words; a fresh user asked whether a
    # gemeente may give voorrang for binding, and it was no candidate at all (helper-64)
    lid = ("In de huisvestingsverordening kan de gemeenteraad bepalen dat bij de verlening van huisvestingsvergunningen "
           "voorrang wordt gegeven aan woningzoekenden die economisch of maatschappelijk gebonden zijn aan de "
           "woningmarktregio, de gemeente of een tot de gemeente behorende kern voor een of meer daarbij aangewezen "
           "categorieën woonruimte voor zover de gemeente als gevolg van regels gesteld bij of krachtens een algemene "
           "maatregel van bestuur als bedoeld in artikel 2.24 van de Omgevingswet of bij een omgevingsverordening als "
           "bedoeld in artikel 2.22 van de Omgevingswet geringe of geen mogelijkheden heeft tot uitbreiding van de "
           "woonruimtevoorraad.")
    question = "Mag de gemeenteraad voorrang geven aan woningzoekenden die gebonden zijn aan de gemeente?"

    law = compose(question, [hit(f"1 {lid}", "Artikel 14", "huisvestingswet-regelrecht", "2026-07-01", "regelgeving")], {})
    note = compose(question, [hit(lid, "Voorrang", "nota")], {})

    assert body(law).startswith(f"Lid 1: {lid} [1]")
    assert not note.citations  # the same words without a lid: as likely a PDF's run-on lines as a sentence


def test_a_decrees_preamble_answers_only_a_question_about_its_basis():
    # helper-67: "Op de voordracht van Onze Minister … van 28 maart 2024" answered what the minister said in maart 2024
    preamble = hit("Op de voordracht van Onze Minister van Binnenlandse Zaken en Koninkrijksrelaties van 28 maart 2024, "
                   "nr. 2024-0000009230; Gelet op de artikelen 3, derde lid, en 10, eerste lid, van de Uitvoeringswet "
                   "huurprijzen woonruimte.", "Besluit betaalbare huur", "stb-2024-194", type="regelgeving")

    assert not compose("Wat zei de minister in maart 2024 over de huurprijzen?", [preamble], {}).text
    # helper-68: "Wat staat er in Staatsblad 2024, 193?" opened with "Wij Willem-Alexander, bij de gratie Gods …"
    # and then "Lasten en bevelen dat deze in het Staatsblad zal worden geplaatst …"
    formulae = hit("Wij Willem-Alexander, bij de gratie Gods, Koning der Nederlanden.\n\nLasten en bevelen dat deze in "
                   "het Staatsblad zal worden geplaatst.\n\nDeze wet wordt aangehaald als: Wet betaalbare huur.",
                   "Wet betaalbare huur", "stb-2024-193", type="regelgeving")
    answer = compose("Hoe wordt de wet uit het Staatsblad aangehaald?", [formulae], {})
    assert answer.text.startswith("Deze wet wordt aangehaald als: Wet betaalbare huur."), answer.text
    assert "Willem-Alexander" not in answer.text and "Lasten en bevelen" not in answer.text
    basis = compose("Op voordracht van welke minister is het besluit over de huurprijzen genomen?", [preamble], {})
    assert basis.text.startswith("Op de voordracht van Onze Minister van Binnenlandse Zaken")


def test_a_sentence_about_this_form_is_shown_with_the_form_it_points_at_though_the_title_names_forms():
    # helper-68: "Deze vorm wordt vaak beschermd thuis genoemd." was the whole direct answer; "deze vorm" was read as
    # the handreiking "Housing First en andere vormen van wonen met begeleiding" it stands in
    passage = hit("Beschermd wonen is een voorziening op grond van de Wmo 2015 voor mensen met psychische problemen. "
                  "Steeds vaker wordt beschermd wonen ook in een eigen woning geboden, met begeleiding en "
                  "bereikbaarheid op afroep. Deze vorm wordt vaak beschermd thuis genoemd.",
                  "Andere vormen van wonen met begeleiding › Beschermd wonen",
                  "Housing First en andere vormen van wonen met begeleiding", type="handreiking")

    answer = compose("Wat is beschermd thuis?", [passage], {})

    assert answer.text.startswith("Steeds vaker wordt beschermd wonen ook in een eigen woning geboden"), answer.text
    assert "[1] Deze vorm wordt vaak beschermd thuis genoemd. [1]" in answer.text.split("\n\n")[0]


def test_a_sentence_that_says_its_point_was_made_above_opens_no_answer():
    # helper-67: "Zoals hierboven beschreven is het onze ambitie om dakloosheid tegen te gaan." opened the answer
    # to how Utrecht defines dakloosheid; what it refers to is above, where the officer cannot see it
    note = hit("Zoals hierboven beschreven is het onze ambitie om dakloosheid tegen te gaan.\n\n"
               "Dakloosheid is in veel gevallen een woonprobleem.", "Minder dakloosheid", "utrecht")

    answer = compose("Hoe definieert de gemeente dakloosheid?", [note], {})

    assert answer.text.startswith("Dakloosheid is in veel gevallen een woonprobleem."), answer.text
    assert "Zoals hierboven" not in answer.text


def test_asked_whether_it_holds_for_rooms_too_the_last_opening_does_not_answer_by_its_verb_alone():
    # "Geldt dat ook voor kamers?" reopened "… omdat de wijziging geldt voor contracten …": the last answer's
    # opening answers such a follow-up only where it names whom it asks about, not by the verb it asks with
    law = hit("Voor huidige huurders verandert er niets, omdat de wijziging geldt voor contracten die na 1 juli "
              "2024 worden afgesloten.", "Middenhuur", "wet-betaalbare-huur")
    rooms = hit("Voor kamers geldt een eigen puntenstelsel: het woningwaarderingsstelsel voor onzelfstandige "
                "woonruimte.", "Onzelfstandige woonruimte", "beleidsboek")
    earlier = ("Voor huidige huurders verandert er niets, omdat de wijziging geldt voor contracten die na 1 juli "
               "2024 worden afgesloten. [1]")

    answer = compose("Geldt middenhuurwoningen ook voor kamers?", [law, rooms], {}, [earlier],
                     "Geldt dat ook voor kamers?")

    assert answer.text.startswith("Voor kamers geldt een eigen puntenstelsel"), answer.text


def test_a_list_of_indicators_each_with_the_question_it_measures_answers_which_indicators_to_use():
    # helper-68: the indicators were read as a list of questions, which answers only a question about questions
    indicators = hit("Kies een beperkt aantal indicatoren die partners samen kunnen bijhouden:\n\n"
                     "- Doorstroom: hoe lang wachten mensen die klaar zijn voor uitstroom op een woning?\n"
                     "- Huisvestingsbehoud: hoeveel mensen wonen na een jaar nog in hun woning?\n"
                     "- Spreiding: hoe zijn de woningen voor aandachtsgroepen over de gemeenten verdeeld?",
                     "Indicatoren om resultaat te volgen", "handreiking-resultaat-bepalen")
    aside = hit("Spreek ook af hoe de regio meet of het resultaat wordt gehaald.", "Formuleer het resultaat",
                "stappenplan")

    answer = compose("Welke indicatoren gebruik je om het resultaat te meten?", [indicators, aside], {})

    assert answer.text.startswith("Kies een beperkt aantal indicatoren"), answer.text
    assert "- Huisvestingsbehoud: hoeveel mensen wonen na een jaar nog in hun woning? [1]" in answer.text


def test_a_sentence_that_points_back_within_itself_is_shown_with_the_sentence_it_points_at():
    # helper-70: "Het college brengt de cliënt van deze mogelijkheid op de hoogte …" stood alone in seven answers,
    # and the officer could not tell what "deze mogelijkheid" was
    lid = hit("2. Voordat het onderzoek van start gaat, kan de cliënt het college een persoonlijk plan overhandigen "
              "waarin hij de omstandigheden beschrijft. Het college brengt de cliënt van deze mogelijkheid op de "
              "hoogte en stelt hem gedurende zeven dagen na de melding in de gelegenheid het plan te overhandigen.",
              "Artikel 2.3.2", "wmo", type="regelgeving")
    answer = compose("Hoeveel dagen krijgt de cliënt na de melding?", [lid], {})

    line = next(line for line in answer.text.splitlines() if "deze mogelijkheid" in line)
    assert line.index("een persoonlijk plan overhandigen") < line.index("deze mogelijkheid"), answer.text
    # a demonstrative whose noun the sentence before names reads clearly as it stands
    shared = hit("Bij een onzelfstandige woonruimte zijn er vaak gedeelde ruimtes, zoals een gedeelde keuken. In "
                 "het woningwaarderingsstelsel worden de punten voor deze gedeelde ruimtes gedeeld door het aantal "
                 "onzelfstandige woonruimten.")
    answer = compose("Hoe worden de punten voor een gedeelde keuken verdeeld over het aantal woonruimten?", [shared], {})
    assert answer.text.startswith("In het woningwaarderingsstelsel worden de punten voor deze gedeelde ruimtes"), (
        answer.text)


def test_a_figures_legend_is_not_content_that_opens_an_answer():
    # helper-70: "MA = gehele populatie met uitsluiting van …", a model's legend in the PBL's appendix, opened the
    # answer on why people move
    appendix = hit("MA = gehele populatie met uitsluiting van de respondenten die een andere reden als belangrijkste "
                   "verhuismotief hebben aangegeven. Het belangrijkste verhuismotief is een verandering in de "
                   "samenstelling van het huishouden.")

    answer = compose("Wat is het belangrijkste verhuismotief?", [appendix], {})

    assert answer.text.startswith("Het belangrijkste verhuismotief is een verandering"), answer.text
    assert "MA =" not in answer.text


def test_a_definition_by_reference_alone_answers_no_question_but_what_the_term_means():
    # helper-70: "Wie is daarvoor verantwoordelijk?" after beschermd wonen was answered by the Wmo's definitions of
    # terms of the Wet bescherming persoonsgegevens, "verantwoordelijke" among them
    reference = hit("persoonsgegevens, bijzondere persoonsgegevens, verwerking van persoonsgegevens, bestand, "
                    "verantwoordelijke en bewerker: hetgeen daaronder wordt verstaan in artikel 1 van de Wet "
                    "bescherming persoonsgegevens;", "Artikel 1.1.1", "wmo", type="regelgeving")
    duty = hit("Het college is verantwoordelijk voor het verstrekken van beschermd wonen.", "Artikel 2.1.1", "wmo",
               type="regelgeving")

    answer = compose("Wie is verantwoordelijk voor beschermd wonen?", [reference, duty], {})

    assert answer.text.startswith("Het college is verantwoordelijk"), answer.text
    assert "hetgeen daaronder" not in answer.text


def test_amounts_the_text_itself_dates_years_back_get_that_date_also_in_a_new_text():
    # helper-70: the Participatiewet as of 1 January 2025 gives the vermogensgrens "per 1 januari 2004", and the
    # answer called it the newest text without a word on the amounts' age
    law = hit("De in het tweede lid, onderdeel b, bedoelde vermogensgrens is:\n\n"
              "a. voor een alleenstaande: € 4975,00 per 1 januari 2004: € 5.065,00 ;\n"
              "b. voor een alleenstaande ouder: € 9950,00 per 1 januari 2004: € 10.130,00 ;",
              "Artikel 34 Vermogen", "participatiewet-2025", date=date.today().isoformat(), type="regelgeving")
    dated_now = hit(f"De vermogensgrens voor een alleenstaande is per 1 januari {date.today().year}: € 7.605.",
                    "Artikel 34 Vermogen", "participatiewet-nu", date=date.today().isoformat(), type="regelgeving")

    answer = compose("Wat is de vermogensgrens voor een alleenstaande in de bijstand?", [law], {})

    assert "_Let op: [1] noemt bedragen per 1 januari 2004. Bedragen worden meestal elk jaar aangepast" in answer.text
    assert "noemt bedragen per" not in compose("Wat is de vermogensgrens voor een alleenstaande?", [dated_now], {}).text


def test_amounts_from_a_text_years_old_come_with_a_note_that_they_may_have_changed():
    # helper-67: the Uitvoeringsbesluit Wmo 2015's amounts (text of 27 oktober 2014) were shown without a word on
    # their age; with one source there was no date note
    old = hit("De bijdrage voor beschermd wonen bedraagt ten minste € 158,60 en niet meer dan € 832,60 per maand.",
              "Artikel 3.12", "uitvoeringsbesluit-wmo", date="2014-10-27", type="regelgeving")
    new = hit("De bijdrage voor beschermd wonen bedraagt ten minste € 158,60 en niet meer dan € 832,60 per maand.",
              "Artikel 3.12", "uitvoeringsbesluit-wmo", date=date.today().isoformat(), type="regelgeving")
    rule = hit("De gemeenteraad kan bij verordening bepalen dat een bijdrage wordt gevraagd.", "Artikel 2.1.4",
               "wmo", date="2014-07-09", type="regelgeving")

    answer = compose("Hoe hoog is de bijdrage voor beschermd wonen?", [old], {})

    assert "_Let op: de bedragen komen uit een oudere tekst: [1] (27 oktober 2014)." in answer.text
    # a text of today, or an old one without amounts, gets no such note
    assert "oudere tekst" not in compose("Hoe hoog is de bijdrage voor beschermd wonen?", [new], {}).text
    assert "oudere tekst" not in compose("Mag de gemeente een bijdrage vragen?", [rule], {}).text
