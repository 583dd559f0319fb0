"""How the extractive answer is put together from passages (no index needed)."""

from assistant.compose import compose, facets_of
from index.models import DocumentRecord, Hit
from ingest.models import Chunk, Metadata


def hit(text: str, section: str | None = None, doc_id: str = "doc") -> Hit:
    document = DocumentRecord(doc_id, f"/tmp/{doc_id}.md", Metadata(title=doc_id), "h", 1, None, "2026-11-24")
    return Hit(Chunk(doc_id, 0, text, 0, len(text), None, None, section), document, 1.0, 0.9, 1.0)


def test_a_lead_in_with_a_list_is_answered_together_with_its_items():
    passage = ("De wet noemt groepen die in ieder geval urgentie krijgen:\n"
               "- mensen die mantelzorg geven of ontvangen;\n- dakloze gezinnen met minderjarige kinderen;\n"
               "- mensen die beschermd wonen verlaten.")
    answer = compose("Welke groepen krijgen urgentie?", [hit(passage)], {})

    assert "- De wet noemt groepen die in ieder geval urgentie krijgen: [1]" in answer.text
    assert "  - dakloze gezinnen met minderjarige kinderen; [1]" in answer.text
    assert "dakloze gezinnen met minderjarige kinderen;" in answer.citations[0].highlights


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


def test_sentences_about_the_document_itself_and_headings_are_not_answers():
    passage = ("Deze handreiking is geschreven voor de kennisbank. Ontwerpvragen voor de procesorganisatie\n"
               "Een netwerkorganisatie werkt met ambtelijk vrijgemaakte tijd van de gemeenten.")

    answer = compose("Hoe werkt een netwerkorganisatie?", [hit(passage)], {})

    assert "ambtelijk vrijgemaakte tijd" in answer.text
    assert "Deze handreiking" not in answer.text and "Ontwerpvragen" not in answer.text
