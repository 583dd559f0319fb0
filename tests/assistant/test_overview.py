"""An officer who chose one document asks what it is about: which questions ask that, and what
the answer is made of (assistant/overview.py; the library's own documents in test_real_documents)."""

from __future__ import annotations

import pytest

from assistant.condense import condense
from assistant.overview import overview
from assistant.sentences import asks_overview, question_terms
from index.models import DocumentRecord
from ingest.models import Chunk, Metadata


@pytest.mark.parametrize("question", [
    "Waar gaat deze publicatie over?", "Waar gaat de publicatie over?", "Waarover gaat het?",
    "Waarover handelt deze circulaire?", "Wat is de samenvatting van dit rapport?", "Geef een samenvatting van deze nota",
    "Kun je dit document samenvatten?", "Vat deze nota samen", "Geef de hoofdlijnen van dit rapport",
    "Wat is de kern van deze nota?", "Wat staat er in de samenvatting?", "Wat regelt deze wet?", "Wat houdt deze wet in?",
    "Wat is de inhoud van dit besluit?", "Waar gaat dit beleidsboek over?", "Waar gaan deze kamervragen over?",
    "Waar gaat deze memorie van toelichting over?", "Wat is de strekking van deze regeling?",
    # a second reviewer's
    "Wat is het onderwerp van deze publicatie?", "Welke onderwerpen behandelt dit rapport?",
    "Kun je het rapport in een paar zinnen samenvatten?", "Wat is het doel van deze wet?",
    "Wat is de essentie van deze wet?", "Waar gaat dit voorbeeld over?", "Waar gaan deze documenten over?",
    "Wat is deze wet?",  # "Wat is de Wet betaalbare huur?", asked of that law (versions.as_asked_of_the_law)
])
def test_what_a_document_is_about_is_asked_in_many_words(question):
    assert asks_overview(question)


@pytest.mark.parametrize("question", [
    "Wat staat er in de samenvatting over ouderen?",  # the summary, about something
    "Wat is de strekking van artikel 7?",
    "Waar gaat die regel over?", "Waar gaat deze bepaling over?",  # what was just read
    "Wat regelt de wet over urgentie?", "Wat houdt beschermd wonen in?", "Wat is de inhoud van een woonzorgvisie?",
    "Wat regelen we regionaal en wat lokaal?",
    "Wat houdt een verordening in?", "Wat regelt een besluit?",  # a kind of document, not the one read
    "Wat is het doel van de urgentieregeling?",
    "Wat is deze wet van plan met middenhuur?", "Wat is dit besluit voor kamers?",
])
def test_a_question_about_something_in_the_document_is_no_question_what_it_is_about(question):
    assert not asks_overview(question)


def law_text(doc_id: str, title: str, display_title: str) -> DocumentRecord:
    return DocumentRecord(doc_id, f"/tmp/{doc_id}.md", Metadata(title=title, type="regelgeving", display_title=display_title),
                          "h", 300, None, "2026-12-04")


def test_naming_the_chosen_document_is_nothing_besides():
    woningwet = law_text("bwbr0005181-woningwet-lawsmd-2015", "BWBR0005181 woningwet lawsmd 2015", "Woningwet")

    assert asks_overview("Waar gaat de Woningwet over?", woningwet)
    assert not asks_overview("Waar gaat de Woningwet over?")  # with no document chosen it names a subject


def test_in_the_note_about_middenhuur_the_note_is_the_one_read_and_middenhuur_what_is_asked():
    assert question_terms("Wat staat er in de nota over middenhuur?") == question_terms("Wat staat er over middenhuur?")


def test_a_follow_up_after_what_the_document_is_about_carries_no_words_of_that_question():
    history = [{"role": "user", "content": "Waar gaat deze publicatie over?"},
               {"role": "assistant", "content": "Verhuizingen op de woningmarkt … [1]"}]

    assert condense("En voor jongeren?", history) == "Voor jongeren?"


def law(*texts_and_sections: tuple[str, str | None]) -> tuple[list[Chunk], DocumentRecord]:
    document = DocumentRecord("wet", "/tmp/wet.xml", Metadata(title="Wet", type="regelgeving"), "h", 1, None,
                              "2026-12-04")
    chunks = [Chunk("wet", i, text, 0, len(text), None, None, section)
              for i, (text, section) in enumerate(texts_and_sections)]
    return chunks, document


def test_a_law_is_about_what_its_aanhef_says_without_the_enacting_formulae_or_its_articles():
    chunks, document = law(
        ("Wet van 9 juli 2014, houdende regels inzake de gemeentelijke ondersteuning (Wmo 2015)\n\n"
         "Wij Willem-Alexander, bij de gratie Gods, Koning der Nederlanden, Prins van Oranje-Nassau, enz. enz. enz.\n\n"
         "Allen, die deze zullen zien of horen lezen, saluut! doen te weten:\n\n"
         "Alzo Wij in overweging genomen hebben, dat het wenselijk is nieuwe regels te stellen;", None),
        ("In deze wet en de daarop berustende bepalingen wordt verstaan onder: college: het college van burgemeester "
         "en wethouders;", "Artikel 1.1.1"))

    found, where = overview(chunks, document)

    assert where == "de aanhef"
    assert [u.text for _, shown in found for u in shown] == [
        "Wet van 9 juli 2014, houdende regels inzake de gemeentelijke ondersteuning (Wmo 2015)",
        "Alzo Wij in overweging genomen hebben, dat het wenselijk is nieuwe regels te stellen;"]


def test_a_law_text_that_opens_with_its_first_article_has_nothing_to_say_what_it_is_about():
    chunks, document = law(("In deze wet wordt verstaan onder: college: het college van burgemeester en wethouders;",
                            "Artikel 1 Organen"))

    assert overview(chunks, document) == ([], "het begin")


def test_what_a_text_says_about_itself_is_left_out_of_what_it_is_about():
    # the bundled Housing Parkstad example: a section on how it was written, then the regio
    chunks, document = law(
        ("Dit praktijkvoorbeeld is geschreven voor de kennisbank Thuiswijzer. Het is een korte samenvatting, geen "
         "officiële tekst en geen evaluatie. Het beschrijft Housing Parkstad alleen op basis van wat de regio zei.",
         "Over dit praktijkvoorbeeld"),
        ("Stadsregio Parkstad Limburg is een bestuurlijke samenwerking tussen zeven gemeenten.", "De regio"),
        ("Housing Parkstad gaat over Housing First en andere woonvormen.", "Wat is Housing Parkstad?"))

    found, where = overview(chunks, document)

    # "Wat is Housing Parkstad?" opens what the example is about; without it, the regio would
    assert where == "de inleiding"
    assert [u.text for _, shown in found for u in shown] == ["Housing Parkstad gaat over Housing First en andere woonvormen."]
    found, where = overview(chunks[:2], document)
    assert (where, [u.text for _, shown in found for u in shown]) == (
        "het begin", ["Stadsregio Parkstad Limburg is een bestuurlijke samenwerking tussen zeven gemeenten."])


def test_a_summary_says_what_the_law_is_about_under_its_own_question_waar_gaat_de_wet_over():
    # the bundled summary of the Huisvestingswet 2014 opens with how it was checked
    chunks, document = law(
        ("De samenvatting volgt de tekst van de Huisvestingswet 2014 zoals die geldt vanaf 1 juli 2026.", "Bronnen"),
        ("De Huisvestingswet 2014 geeft gemeenten instrumenten om de verdeling van woonruimte te regelen.",
         "Waar gaat de wet over?"),
        ("De Wmo 2015 regelt de gemeentelijke ondersteuning op het gebied van beschermd wonen en opvang.",
         "1. Waar gaat de Wmo 2015 over?"))

    found, where = overview(chunks, document)

    assert where == "de inleiding"
    assert [u.text for _, shown in found for u in shown] == [
        "De Huisvestingswet 2014 geeft gemeenten instrumenten om de verdeling van woonruimte te regelen."]
    assert overview(chunks[2:], document)[1] == "de inleiding"


def test_a_definition_asked_in_words_of_the_chosen_laws_title_is_no_overview():
    wmo = law_text("bwbr0035362-wmo-2015-lawsmd-2015", "BWBR0035362 wmo 2015 lawsmd 2015",
                   "Wet maatschappelijke ondersteuning 2015")

    assert not asks_overview("Wat houdt maatschappelijke ondersteuning in?", wmo)
    assert asks_overview("Waar gaat de Wmo over?", wmo)
