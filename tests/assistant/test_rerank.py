"""Reranking the fused passages (no index needed: hits carry their fused and dense scores)."""

from assistant.rerank import rerank
from index.models import DocumentRecord, Hit
from ingest.models import Chunk, Metadata


def hit(text: str, section: str, fused: float, dense: float, doc_id: str = "participatiewet") -> Hit:
    document = DocumentRecord(doc_id, f"/tmp/{doc_id}.md", Metadata(title="Participatiewet"), "h", 1, None, "2026-11-24")
    return Hit(Chunk(doc_id, 0, text, 0, len(text), None, None, section), document, fused, dense, None)


def test_an_article_that_only_says_it_is_not_yet_in_force_does_not_outrank_the_article_that_answers():
    # the regelrecht edition of the Participatiewet has dozens of these; being short, they lie
    # close to many questions in embedding space and top the fused list
    not_in_force = hit("Dit onderdeel is nog niet inwerking getreden", "Artikel 55 Nadere verplichtingen", 0.016, 0.86)
    history = hit("Treedt in werking per 01-01-2016", "Artikel 62 Onderhoudsplicht", 0.015, 0.85)
    answer = hit("1. Het recht op bijstand bestaat jegens het college van de gemeente waar de belanghebbende "
                 "woonplaats heeft als bedoeld in de artikelen 10, eerste lid, en 11 van Boek 1 van het Burgerlijk "
                 "Wetboek.", "Artikel 40 Rechtsgrond en woonplaats", 0.012, 0.81)

    ranked = rerank("Bij welke gemeente heb je recht op bijstand?", [not_in_force, history, answer],
                    {"gemeent": 2.0, "recht": 2.0, "bijstand": 2.5}, k=3)

    assert ranked[0] is answer
