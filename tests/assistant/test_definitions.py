"""An officer asks what a term means: the library's own definitions are found, not only passages that use it."""

from pathlib import Path

import pytest

from assistant import Assistant, definitions
from assistant.definitions import Glossary, with_definitions
from assistant.sentences import defined_terms, defines
from index.writer import IndexWriter
from index.searcher import Index, LiveIndex

LAW = """# Woningwet

## Artikel 1

In deze wet wordt verstaan onder:

- toegelaten instelling: toegelaten instelling als bedoeld in artikel 19;
- woongelegenheid: woning of andere ruimte die bestemd is voor bewoning.
"""

DECREE = """# Besluit toegelaten instellingen

## Artikel 58

De toegelaten instelling voert overleg met de gemeente over haar werkzaamheden.

## Artikel 59

De toegelaten instelling maakt jaarlijks een overzicht van haar bezit.
"""


GUIDE = """# Rollen bij de spreiding

- Woningcorporaties: wijzen woningen toe volgens de afspraken.

| Energielabel | Maximale huurprijs |
|---|---|
| A++ | € 412 |

De huurprijs is: hoger dan de liberalisatiegrens · De huurprijs is niet: redelijk.

## Begrippenlijst

| Begrip | Beschrijving |
|---|---|
| Wonen Eerst | Een aanpak waarin dakloze mensen eerst een eigen woning krijgen en dan begeleiding. De gemeente houdt er 40 woningen per jaar voor vrij. |
"""


def library(tmp_path: Path, embedder) -> Index:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "woningwet.md").write_text(LAW, encoding="utf-8")
    (tmp_path / "docs" / "besluit.md").write_text(DECREE, encoding="utf-8")
    (tmp_path / "docs" / "gids.md").write_text(GUIDE, encoding="utf-8")
    IndexWriter(tmp_path / "index", embedder).ingest([tmp_path / "docs"])
    return Index.open(tmp_path / "index", embedder)


def test_a_question_about_what_a_term_means_gets_the_passage_that_defines_it_first(tmp_path, embedder):
    index = library(tmp_path, embedder)
    uses = [hit for hit in index.search("Wat is een toegelaten instelling?", 8) if hit.document.doc_id == "besluit"]

    hits = with_definitions(uses, "Wat is een toegelaten instelling?", lambda: Glossary.read(index), index)

    assert hits[0].document.doc_id == "woningwet"
    assert "toegelaten instelling: toegelaten instelling als bedoeld in artikel 19" in hits[0].chunk.text
    assert hits[1:] == uses


def test_other_questions_are_left_as_they_are_and_a_defining_hit_moves_first_once(tmp_path, embedder):
    index = library(tmp_path, embedder)
    hits = index.search("Wat is een woongelegenheid?", 8)
    unread = []

    def glossary():
        unread.append(False)
        return Glossary.read(index)

    assert with_definitions(hits, "Hoe vaak overlegt een toegelaten instelling met de gemeente?", glossary, index) == hits
    assert unread == []  # not read for a question that asks no meaning
    others = [hit for hit in hits if "woongelegenheid:" not in hit.chunk.text]
    defining = [hit for hit in hits if "woongelegenheid:" in hit.chunk.text]
    assert with_definitions(others + defining, "Wat is een woongelegenheid?", glossary, index) == defining + others


def test_a_table_row_or_a_definition_of_another_word_is_not_brought_as_the_definition(tmp_path, embedder):
    index = library(tmp_path, embedder)
    glossary = Glossary.read(index)

    # "Energielabel: A++ · Maximale huurprijs: € 412" and "De huurprijs is: hoger dan de · …" name
    # columns; "DAEB-taken van
    # woningcorporaties" are not woningcorporaties
    assert with_definitions([], "Wat is een energielabel?", lambda: glossary, index) == []
    assert with_definitions([], "Wat is de huurprijs?", lambda: glossary, index) == []
    assert with_definitions([], "Wat zijn DAEB-taken van woningcorporaties?", lambda: glossary, index) == []
    assert [h.document.doc_id for h in with_definitions([], "Wat zijn woningcorporaties?", lambda: glossary, index)] == ["gids"]


def test_a_library_too_large_to_read_at_load_gets_no_glossary(tmp_path, embedder, monkeypatch):
    index = library(tmp_path, embedder)
    assert Glossary.read(index).entries
    monkeypatch.setattr(definitions, "GLOSSARY_MAX_PASSAGES", len(index) - 1)

    assert Glossary.read(index).entries == {}


def test_a_question_that_names_the_law_gets_that_laws_definition_before_a_copy_elsewhere(tmp_path, embedder):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "wmo.md").write_text(
        "# Wet maatschappelijke ondersteuning 2015\n\n## Artikel 1.1.1\n\nIn deze wet wordt verstaan onder:\n\n"
        "- maatwerkvoorziening: op de behoeften, persoonskenmerken en mogelijkheden van een persoon afgestemd "
        "geheel van diensten.\n", encoding="utf-8")
    (tmp_path / "docs" / "handboek.md").write_text(
        "---\ntitle: Handboek huurprijzen\ndate: 2026-01-01\ntype: regelgeving\n---\n\n# Begrippen\n\n"
        "- maatwerkvoorziening: een voorziening die op de persoon is afgestemd.\n", encoding="utf-8")
    IndexWriter(tmp_path / "index", embedder).ingest([tmp_path / "docs"])
    index = Index.open(tmp_path / "index", embedder)
    glossary = Glossary.read(index)

    named = with_definitions([], "Wat verstaat de Wmo onder maatwerkvoorziening?", lambda: glossary, index)
    unnamed = with_definitions([], "Wat is een maatwerkvoorziening?", lambda: glossary, index)

    assert named[0].document.doc_id == "wmo"
    assert unnamed[0].document.doc_id == "handboek"  # without a name: the newest law text


@pytest.mark.parametrize("question", [
    "Wat is een woongelegenheid?", "Wat houdt een woongelegenheid in?", "Wat houdt het begrip woongelegenheid in?",
    "Wat wordt bedoeld met een woongelegenheid?", "Wat bedoelt de wet met woongelegenheid?",
    "Wat moet ik verstaan onder een woongelegenheid?", "Hoe definieert de Woningwet een woongelegenheid?",
    "Hoe wordt een woongelegenheid omschreven in de wet?", "Wat is de definitie van woongelegenheid?",
    "Wat versta je onder een woongelegenheid?", "Wat moet ik onder een woongelegenheid verstaan?",
    "Wat is de betekenis van woongelegenheid?", "Wat is nou eigenlijk een woongelegenheid?",
])
def test_an_officer_gets_the_definition_however_she_asks_what_a_term_means(tmp_path, embedder, question):
    index = library(tmp_path, embedder)

    hits = with_definitions([], question, lambda: Glossary.read(index), index)

    assert [hit.document.doc_id for hit in hits] == ["woningwet"]


def test_questions_that_ask_no_meaning_are_not_taken_for_one():
    assert defined_terms("Wat houdt de Wet betaalbare huur in voor huurders?") == []  # what it brings them
    assert defined_terms("Wat is er veranderd aan de voorrang?") == []
    # the term ends before the second question and the words that pin it to a place
    assert defined_terms("Welke groepen vallen onder de bredere definitie van dakloosheid die Utrecht gebruikt?") == [
        ("daklos",)]
    assert defined_terms("Wat houdt de Wonen Eerst-aanpak in, en hoe komt die terug in de woningverdeling?") == [
        ("won", "eerst", "aanpak")]
    # the topic a follow-up carries over in brackets is no part of the term
    assert defined_terms("Wat is een algemene voorziening (maatwerkvoorziening)?") == [("algemen", "voorzien")]
    # what a law says of a term opens with what it means there; what a region says is no law's word
    assert defined_terms("Wat zegt de Woningwet over het huishoudinkomen?") == [("huishoudinkom",)]
    assert defined_terms("Wat zegt de regio over de verdeling?") == []


@pytest.mark.parametrize("question", [
    # a follow-up asks what the previous answer brings, not what a word means
    "Wat betekent dat voor kleine gemeenten?",
    "Wat betekent dit voor de wachttijd?",
    "Wat is dat precies?",
    # what a rule brings a group, like "Wat houdt … in voor huurders?"
    "Wat betekent de urgentieregeling voor statushouders?",
    "Wat betekenen de nieuwe regels voor corporaties?",
])
def test_a_question_about_what_something_brings_or_about_the_last_answer_asks_no_definition(question):
    assert defined_terms(question) == []


def test_a_glossary_written_as_a_table_defines_its_terms_and_other_tables_define_nothing(tmp_path, embedder):
    index = library(tmp_path, embedder)
    glossary = Glossary.read(index)

    defining = with_definitions([], "Wat houdt Wonen Eerst in?", lambda: glossary, index)

    assert [hit.document.doc_id for hit in defining] == ["gids"]
    assert "Begrip: Wonen Eerst · Beschrijving: Een aanpak waarin" in defining[0].chunk.text
    assert with_definitions([], "Wat is een energielabel?", lambda: glossary, index) == []


def test_a_glossary_row_of_two_terms_defines_each():
    # Utrecht's begrippenlijst: "Wat is DAEB?" opened with an article on an interne startlening
    row = "Begrip: DAEB en niet-DAEB · Beschrijving: DAEB staat voor Diensten van algemeen economisch belang."

    assert defines(row, defined_terms("Wat is DAEB?"))
    assert not defines("Begrip: Wonen Eerst · Beschrijving: Een aanpak.", defined_terms("Wat is DAEB?"))


def test_an_officer_reads_a_glossary_rows_whole_description_not_its_first_sentence(tmp_path, embedder):
    library(tmp_path, embedder)
    officer = Assistant(LiveIndex(tmp_path / "index", embedder))

    answer = officer.ask("Wat houdt Wonen Eerst in?")

    assert answer.text.startswith("Begrip: Wonen Eerst · Beschrijving: Een aanpak waarin dakloze mensen eerst een eigen "
                                  "woning krijgen en dan begeleiding. De gemeente houdt er 40 woningen per jaar voor vrij."), \
        answer.text


LAW_WITH_LISTED_DEFINITION = """# Woningwet

## Artikel 1

1. In deze wet en de daarop berustende bepalingen wordt verstaan onder:

– standplaats: kavel, bestemd voor het plaatsen van een woonwagen;

– woongelegenheid:

a. woning met de daarbij behorende grond;

b. woonwagen, zijnde een voor bewoning bestemd gebouw op een standplaats, en

c. standplaats.

– verbonden onderneming: rechtspersoon of vennootschap:

a. welke een dochtermaatschappij is, of

b. in welke een toegelaten instelling deelneemt;

2. Voor de toepassing van het bij of krachtens deze wet bepaalde wordt voorts verstaan onder:

– dochtermaatschappij: dochtermaatschappij als bedoeld in artikel 24a van Boek 2 van het Burgerlijk Wetboek;
"""


def test_an_officer_asking_about_a_term_the_law_defines_by_a_list_gets_that_list_and_not_the_next_lid(tmp_path, embedder):
    # the Woningwet defines "woongelegenheid:" by its parts a. to c.; the bare term before a colon
    # was read as no definition, and "verbonden onderneming: rechtspersoon of vennootschap:" was
    # shown without the parts that say which
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "woningwet.md").write_text(LAW_WITH_LISTED_DEFINITION, encoding="utf-8")
    IndexWriter(tmp_path / "index", embedder).ingest([tmp_path / "docs"])
    officer = Assistant(LiveIndex(tmp_path / "index", embedder))

    woongelegenheid = officer.ask("Wat is een woongelegenheid?").text.split("\n\n")[0]
    onderneming = officer.ask("Wat is een verbonden onderneming?").text.split("\n\n")[0]

    assert woongelegenheid.startswith("woongelegenheid:"), woongelegenheid
    assert "- a. woning met de daarbij behorende grond;" in woongelegenheid and "- c. standplaats." in woongelegenheid
    assert "verbonden onderneming" not in woongelegenheid and "Voor de toepassing" not in woongelegenheid
    assert onderneming.startswith("verbonden onderneming: rechtspersoon of vennootschap:"), onderneming
    assert "- a. welke een dochtermaatschappij is, of" in onderneming and "- b. in welke een toegelaten" in onderneming
    assert "Voor de toepassing" not in onderneming


GLOSSARY_BY_HEADINGS = """# Begrippenlijst wonen en zorg

## Beleid en afspraken

### Prestatieafspraken
Afspraken tussen gemeente, woningcorporatie en huurdersorganisatie over de uitvoering van het volkshuisvestingsbeleid.

### Centrumgemeente
Het woord centrumgemeente staat niet als definitie in de Wmo 2015.
"""

PRACTICE = """# Een spreidingsafspraak in de regio

## Monitoring

Het regionale overleg bespreakt in een vast ritme de toewijzingen per gemeente.
"""


def test_a_glossary_written_under_headings_defines_each_heading_a_guides_short_heading_defines_nothing(
        tmp_path, embedder):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "begrippen.md").write_text(GLOSSARY_BY_HEADINGS, encoding="utf-8")
    (tmp_path / "docs" / "praktijk.md").write_text(PRACTICE, encoding="utf-8")
    IndexWriter(tmp_path / "index", embedder).ingest([tmp_path / "docs"])
    index = Index.open(tmp_path / "index", embedder)
    glossary = Glossary.read(index)

    defining = with_definitions([], "Wat zijn prestatieafspraken?", lambda: glossary, index)

    assert [hit.document.doc_id for hit in defining] == ["begrippen"]
    assert defining[0].chunk.text.startswith("Afspraken tussen gemeente")
    # an entry that names its term again is a sentence about it; a practice example is no glossary
    assert with_definitions([], "Wat is een centrumgemeente?", lambda: glossary, index) == []
    assert with_definitions([], "Wat is monitoring?", lambda: glossary, index) == []

