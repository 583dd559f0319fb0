"""Reranking the fused passages (no index needed: hits carry their fused and dense scores)."""

from assistant.rerank import rerank, with_dense_best
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


def test_the_passage_dense_search_ranks_first_is_reranked_though_fusion_put_it_below_the_candidates():
    # art. 4 ("voor de duur van ten hoogste vier jaar") was dense search's first passage, BM25's
    # 54th, and fused 21st: twenty passages both searches ranked fairly came before it
    fused = [hit("De gemeenteraad stelt in de huisvestingsverordening een termijn van ten hoogste dertien weken.",
                 "Artikel 17", 0.016, 0.908, "art17"),
             hit("Bij de voorbereiding van de vaststelling van een huisvestingsverordening plegen burgemeester en "
                 "wethouders overleg.", "Artikel 6", 0.015, 0.903, "art6")]
    four_years = hit("De gemeenteraad kan uitsluitend bij verordening voor de duur van ten hoogste vier jaar regels "
                     "geven.", "Artikel 4", 0.011, 0.911, "art4")

    candidates = with_dense_best(fused, [four_years, fused[0]])

    assert [h.chunk.section for h in candidates] == ["Artikel 17", "Artikel 6", "Artikel 4"]
    assert candidates[2].score == 0.015  # below every fused passage, as fusion ranked it
    assert with_dense_best([], [four_years]) == []
