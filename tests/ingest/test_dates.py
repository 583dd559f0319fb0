"""The date of every source: the editors' date when given, else the date the text states about itself."""

from __future__ import annotations

import pytest

from filemakers import write
from ingest.dates import InvalidDate, dutch_date, editor_date, stated_date
from ingest.errors import IngestError
from ingest.loaders import load_document


@pytest.mark.parametrize("text, date", [
    ("Geldend van 01-07-2026 t/m heden\nHuisvestingswet 2014", "2026-07-01"),
    ("Staatsblad 2024 197\nBesluit van 26 juni 2024 tot vaststelling van het tijdstip", "2024-06-26"),
    ("Woonvisie Voorbeeldstad\n" + "tekst " * 1000 + "\nAldus vastgesteld in de openbare vergadering van 12 maart 2025.",
     "2025-03-12"),
    ("Beleidsboek huurcommissie\nJanuari 2026\nInleiding", "2026-01"),
    ("Beleidsboek\nVersie januari 2026\nInhoud\n1.3.2 Huurcontracten afgesloten vóór 1 juli 2024 … 4", "2026-01"),
    ("Notitie\n" + "tekst " * 300 + "Sinds 1 juli 2017 hebben statushouders geen voorrang meer.", None),
    ("Verhuismotieven\nChristian Lennartz\n4 september 2023\nColofon", "2023-09-04"),
    ("Staatsblad 2024 194\nBesluit 26 juni 2024 tot wijziging van het Besluit", "2024-06-26"),
    ("Vragen van het lid Beckerman aan de Minister over huisvesting (ingezonden 11 maart 2024).", "2024-03-11"),
    # running text at the top, as a memorie van toelichting or a web page begins: about other texts
    ("ALGEMEEN DEEL\nPer 1 juli 2015 is de Herzieningswet toegelaten instellingen volkshuisvesting in werking "
     "getreden.", None),
    ("Op woensdag 18 maart 2026 zijn de gemeenteraadsverkiezingen.\nU kunt stemmen in uw gemeente.", None),
    # the same running text as a PDF wraps it into short lines
    ("ALGEMEEN DEEL\nPer 1 juli 2015 is de Herzieningswet\ntoegelaten instellingen in werking getreden.", None),
    ("Op woensdag 18 maart 2026 zijn de verkiezingen,\nen u kunt stemmen.", None),
    ("In deze circulaire bespreek ik de Wet van 4 juni 2014, die de huisvesting regelt.", None),
    ("Rapport\nDen Haag, 4 september 2023.\nColofon", "2023-09-04"),
    ("Vragen over het besluit van 12 januari 2024 (ingezonden 11 maart 2024).", "2024-03-11"),
    # they appear with their answer (helper-67)
    ("Vragen van het lid Keijzer (ingezonden 11 maart 2024).\nAntwoord van Minister De Jonge (ontvangen 21 maart "
     "2024).", "2024-03-21"),
])
def test_a_text_gives_its_own_date_where_it_states_it_and_body_dates_are_left_alone(text, date):
    assert stated_date(text) == date


def test_an_editor_may_write_a_date_in_several_ways_but_not_one_that_does_not_exist():
    assert editor_date("2025-02-28") == "2025-02-28"
    assert editor_date("2025-3") == "2025-03"
    assert editor_date("1 juli 2026") == "2026-07-01"
    with pytest.raises(InvalidDate):
        editor_date("2025-02-30")
    with pytest.raises(InvalidDate):
        editor_date("binnenkort")


def test_dates_read_in_dutch():
    assert dutch_date("2026-07-01") == "1 juli 2026" and dutch_date("2025-03") == "maart 2025"


def test_front_matter_date_wins_over_the_date_in_the_text(tmp_path):
    note = write(tmp_path / "nota.md", "---\ndate: 2024-05-01\n---\n\n# Nota\n\nVastgesteld op 3 maart 2020.\n")
    assert load_document(note).metadata.date == "2024-05-01"


def test_without_metadata_the_date_comes_from_the_text_and_never_from_the_ingest(tmp_path):
    note = write(tmp_path / "verordening.txt", "Huisvestingsverordening Voorbeeldstad\n\nVastgesteld op 3 maart 2020.\n")
    undated = write(tmp_path / "notitie.txt", "Een notitie zonder datum over wonen.\n")

    assert load_document(note).metadata.date == "2020-03-03"
    assert load_document(undated).metadata.date is None


def test_an_impossible_date_in_a_sidecar_names_the_field_and_the_file(tmp_path):
    note = write(tmp_path / "nota.md", "# Nota\n\nTekst over wonen.\n")
    write(tmp_path / "nota.meta.yaml", "date: 2025-13-01\n")

    with pytest.raises(IngestError) as error:
        load_document(note)
    assert "'date'" in error.value.reason and "nota.meta.yaml" in error.value.reason


def test_the_staatsblad_gives_its_decision_date(external_docs):
    assert load_document(external_docs / "stb-2024-197.pdf").metadata.date == "2024-06-26"


def test_a_memorie_van_toelichting_and_a_circular_that_open_with_other_dates_stay_undated(external_docs):
    """Their first dates are the dates of the laws they discuss ("Per 1 juli 2015 is de
    Herzieningswet …"): an answer would otherwise call the 2016 memorie a text of 2015."""
    for name in ("kst-34468-3_mvt-veegwet-wonen_2016.xml", "BWBR0014544_circulaire-standplaatsen-voorrangsbepalingen-"
                 "huisvestingswet_lawsmd.md"):
        assert load_document(external_docs / name).metadata.date is None, name
    assert load_document(external_docs / "pbl-2023-verhuismotieven-en-ruimtelijke-verhuispatronen-4669.pdf").metadata.date \
        == "2023-09-04"
    assert load_document(external_docs / "ah-tk-20232024-1292_kamervragen-huisvesting-nederlandse-evacues.pdf") \
        .metadata.date == "2024-03-21"
