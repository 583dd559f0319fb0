"""What pins a question to its case, and how Dutch compounds are matched (no index needed)."""

from assistant.evidence import astray
from assistant.sentences import anchors, coverage, credit, terms


def test_a_compound_in_the_question_half_matches_its_parts_in_the_passage():
    found = set(terms("woningzoekenden die urgentie krijgen, uit alle aandachtsgroepen"))

    assert credit("urgentieregel", found) == 0.5  # "urgentieregeling" asked, "urgentie" written
    assert credit("groep", found) == 0.5  # "groepen" asked, "aandachtsgroepen" written
    assert credit("won", found) == 0.0  # too short to be a part worth counting
    assert coverage({"urgentie", "groep"}, found, {"urgentie": 1.0, "groep": 3.0}) == (1.0 + 3.0 * 0.5) / 4.0


def test_names_and_years_pin_a_question_but_laws_and_the_state_do_not():
    assert anchors("Hoeveel statushouders moet de gemeente Utrecht in 2026 huisvesten?") == ["utrecht", "2026"]
    assert anchors("Welke groepen zijn er in de Huisvestingswet bijgekomen?") == []
    assert anchors("Hoeveel geld krijgt een gemeente van het Rijk?") == []
    assert anchors("Welke groepen moeten in de urgentieregeling?") == []


def test_a_passage_about_a_neighbouring_municipality_leaves_the_question_astray():
    parkstad = set(terms("Parkstad Limburg telt 250 plekken voor beschermd wonen in Heerlen en Kerkrade."))

    assert astray("Hoeveel plekken voor beschermd wonen zijn er in Landgraaf?", parkstad) == 1.0
    assert astray("Hoeveel plekken voor beschermd wonen zijn er in Heerlen?", parkstad) == 0.0
    assert astray("Hoeveel plekken voor beschermd wonen zijn er?", parkstad) == 0.0
