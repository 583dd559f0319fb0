"""A policy officer searches the library: pages and heading paths in the hits, Dutch word
forms, hybrid search finding what one method alone misses, metadata filters and k."""

from __future__ import annotations

import pytest

from index.bm25_store import BM25Store, DutchAnalyzer
from index.models import Filters
from index.searcher import Index
from index.storage import EmbedderMismatch
from index.writer import IndexWriter

KAMERVRAGEN_PDF = "ah-tk-20232024-1292_kamervragen-huisvesting-nederlandse-evacues.pdf"


def doc_ids(hits) -> list[str]:
    return [h.document.doc_id for h in hits]


# -- where a hit comes from -------------------------------------------------------------
def test_a_fact_on_page_two_of_a_pdf_comes_back_with_page_two(index):
    top = index.search("Hoe snel beslist het college op een aanvraag om urgentie?", k=3)[0]

    assert top.document.doc_id == "beleidsnota-wonen"
    assert "binnen acht weken" in top.chunk.text
    assert (top.chunk.page_start, top.chunk.page_end) == (2, 2)
    assert top.document.n_pages == 3


def test_a_hit_in_a_markdown_guide_names_its_section(index):
    top = index.search("Wie betaalt de regionale coördinator?", k=3)[0]

    assert top.document.title == "Handreiking regionale samenwerking"
    assert top.chunk.section == "Financiering"
    assert top.chunk.page_start is None


def test_a_hit_in_a_law_names_chapter_paragraph_and_article(index):
    top = index.search("voorrang voor woningzoekenden met economische binding", k=3)[0]

    assert top.document.doc_id == "voorbeeldwet-wonen"
    assert top.chunk.section == (
        "Hoofdstuk 2 De huisvestingsvergunning › § 2 Criteria voor verlening van de huisvestingsvergunning › Artikel 12"
    )


def test_a_hit_carries_the_passage_text_and_the_document_it_belongs_to(index):
    hit = index.search("mantelzorgers urgentie", k=1)[0]

    assert hit.document.doc_id == "urgentie"
    assert hit.document.source.endswith("urgentie.html")
    assert hit.chunk.chunk_id.startswith("urgentie#")
    assert hit.chunk.text in "\n".join(c.text for c in index.chunks_of("urgentie"))
    assert hit.dense_score is not None and hit.bm25_score is not None


@pytest.mark.slow
def test_a_fact_on_page_two_of_a_real_pdf_comes_back_with_page_two(external_docs, embedder, tmp_path_factory):
    index_dir = tmp_path_factory.mktemp("kamervragen") / "index"
    IndexWriter(index_dir, embedder).ingest([external_docs / KAMERVRAGEN_PDF])
    real = Index.open(index_dir, embedder)
    try:
        families = real.search("Hoeveel gezinnen bleken onvoldoende zelfredzaam?", k=1)[0]
        deadline = real.search("Tot wanneer loopt de internetconsultatie?", k=1)[0]
    finally:
        real.close()

    assert "Vier gezinnen bleken onvoldoende zelfredzaam" in families.chunk.text
    assert families.chunk.page_start == 2
    assert "loopt tot 20 maart 2024" in deadline.chunk.text
    assert deadline.chunk.page_start == 1


# -- Dutch word forms -------------------------------------------------------------------
def test_woningen_finds_a_passage_that_only_says_woning(index):
    hits = index.search("woningen", k=5, mode="bm25")

    assert doc_ids(hits)[:1] == ["urgentie"]
    assert "een woning nodig" in hits[0].chunk.text
    assert "woningen" not in hits[0].chunk.text


@pytest.mark.parametrize("query", ["cooperatie", "coöperatie", "coordinator", "COÖRDINATOR"])
def test_accents_and_capitals_do_not_matter_to_the_word_search(index, query):
    hits = index.search(query, k=3, mode="bm25")

    assert [(h.document.doc_id, h.chunk.section) for h in hits] == [("handreiking-samenwerking", "Financiering")]


def test_the_dutch_analyzer_meets_singular_and_plural_and_drops_stopwords():
    analyzer = DutchAnalyzer()

    assert analyzer.terms("woningen") == analyzer.terms("woning")
    assert analyzer.terms("beëindigen") == analyzer.terms("beeindigen")
    assert analyzer.terms("de het een van") == []
    store = BM25Store.build(["De gemeente bouwt een woning.", "Het college vergadert.", "Zorg en welzijn."])
    assert [row for row, _ in store.search("nieuwe woningen", k=3)] == [0]


def test_an_officer_asking_about_tasks_is_not_given_the_branches_of_a_corporation():
    """dutch_porter stems "taken" (tasks) to "tak", the stem of the Woningwet's "daeb-tak"."""
    analyzer = DutchAnalyzer()

    assert analyzer.terms("taken") == analyzer.terms("taak") != analyzer.terms("tak")
    assert analyzer.terms("de leden") == analyzer.terms("het lid")
    assert analyzer.terms("huizen") == analyzer.terms("huis")
    assert analyzer.terms("beschikbare woningen") != analyzer.terms("beschikking woningen")
    assert analyzer.terms("betaalbare huur") != analyzer.terms("betaling huur")
    assert analyzer.terms("aanvraag indienen") != analyzer.terms("aanvraag indien")
    assert analyzer.terms("overheid") != analyzer.terms("overige")
    store = BM25Store.build(["De toegelaten instelling brengt de kosten ten laste van de daeb-tak.",
                             "De gemeente heeft de taak om opvang te bieden."])
    assert [row for row, _ in store.search("Welke taken heeft de gemeente?", k=3)] == [1]


def test_an_officer_asking_about_one_urgentiecategorie_finds_the_law_on_the_urgentiecategorieen():
    """dutch_porter leaves "categorieën" (folded "categorieen") whole, apart from "categorie"."""
    analyzer = DutchAnalyzer()

    assert analyzer.terms("urgentiecategorieën") == analyzer.terms("urgentiecategorie")
    assert analyzer.terms("strategieën") == analyzer.terms("strategie")
    store = BM25Store.build(["Burgemeester en wethouders beslissen over de indeling in de urgentiecategorieën.",
                             "De gemeenteraad stelt de huisvestingsverordening vast."])
    assert [row for row, _ in store.search("In welke urgentiecategorie valt iemand?", k=3)] == [0]


# -- hybrid finds what one method alone misses -------------------------------------------
def test_a_case_number_is_found_by_its_exact_letters_where_dense_search_takes_look_alikes(index):
    """Dense search sees ZX-83X1-QV and ZK-83X7-QW as near twins; BM25 matches the exact number."""
    query = "ZK-83X7-QW"

    bm25 = index.search(query, k=3, mode="bm25")
    dense = index.search(query, k=3, mode="dense")
    hybrid = index.search(query, k=3, mode="hybrid")

    assert doc_ids(bm25) == ["besluit-bezwaar"]
    assert "besluit-bezwaar" not in doc_ids(dense)
    assert doc_ids(hybrid)[0] == "besluit-bezwaar"


def test_a_question_in_other_words_is_found_by_dense_search_where_bm25_sees_no_shared_word(index):
    """The passage says "ingeschreven … sociale huurwoning", the officer asks about "wachttijd" and "huurhuis"."""
    query = "Hoe lang is de wachttijd voor een huurhuis?"

    bm25 = index.search(query, k=3, mode="bm25")
    dense = index.search(query, k=3, mode="dense")
    hybrid = index.search(query, k=3, mode="hybrid")

    assert "inschrijfduur" not in doc_ids(bm25)
    assert "inschrijfduur" in doc_ids(dense)
    assert "inschrijfduur" in doc_ids(hybrid)


def test_each_hit_says_how_each_method_scored_it(index):
    hits = index.search("ZK-83X7-QW", k=3, mode="hybrid")

    assert hits[0].bm25_score > 0 and hits[0].dense_score is not None  # BM25 found it, dense still gives a cosine
    assert all(h.bm25_score is None for h in hits[1:])
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)


def test_an_unknown_search_mode_is_refused(index):
    with pytest.raises(ValueError):
        index.search("urgentie", mode="semantic")


# -- filters and k ----------------------------------------------------------------------
def test_a_type_filter_keeps_only_documents_of_that_type(index):
    hits = index.search("afspraken over aandachtsgroepen", k=8, filters=Filters.of(type="handreiking"))

    assert doc_ids(hits) and set(doc_ids(hits)) == {"handreiking-samenwerking"}


@pytest.mark.parametrize(("region", "expected"), [
    ("Parkstad Limburg", {"handreiking-samenwerking"}),
    ("parkstad limburg", {"handreiking-samenwerking"}),
    ("Twente", {"woonzorgvisie-twente"}),
    (["Twente", "Noord-Brabant"], {"woonzorgvisie-twente", "beleidsnota-wonen"}),
])
def test_a_region_filter_keeps_only_documents_of_that_region(index, region, expected):
    hits = index.search("beschermd wonen en aandachtsgroepen", k=20, filters=Filters.of(region=region))

    assert set(doc_ids(hits)) == expected


def test_a_document_filter_searches_inside_the_chosen_documents(index):
    hits = index.search("urgentie", k=20, filters=Filters.of(doc_id=["urgentie", "voorbeeldwet-wonen"]))

    assert set(doc_ids(hits)) == {"urgentie", "voorbeeldwet-wonen"}


@pytest.mark.parametrize("mode", ["hybrid", "dense", "bm25"])
def test_filters_hold_in_every_mode(index, mode):
    hits = index.search("urgentie aanvragen", k=20, filters=Filters.of(type="regelgeving"), mode=mode)

    assert hits
    assert {h.document.metadata.type for h in hits} == {"regelgeving"}


def test_a_filter_that_matches_nothing_gives_no_hits(index):
    assert index.search("urgentie", filters=Filters.of(type="praktijkvoorbeeld")) == []
    assert index.search("urgentie", filters=Filters.of(type="handreiking", region="Twente")) == []


@pytest.mark.parametrize("k", [1, 3, 5])
def test_k_is_the_number_of_hits(index, k):
    assert len(index.search("wonen", k=k)) == k


def test_asking_for_more_hits_than_passages_gives_every_passage_once(index):
    hits = index.search("wonen", k=100, mode="dense")

    assert len(hits) == len(index)
    assert len({h.chunk.chunk_id for h in hits}) == len(index)


# -- an index built with another embedder ------------------------------------------------
def test_opening_an_index_with_an_embedder_of_another_space_says_how_to_reindex(built_index, other_space_embedder):
    with pytest.raises(EmbedderMismatch) as mismatch:
        Index.open(built_index, other_space_embedder)

    message = str(mismatch.value)
    assert "intfloat/multilingual-e5-small" in message and "test/another-space" in message
    assert f"thuiswijzer reindex --index {built_index}" in message


def test_adding_to_an_index_with_an_embedder_of_another_space_is_refused_and_changes_nothing(
    index_copy, library, other_space_embedder
):
    before = sorted(p.name for p in index_copy.iterdir())

    with pytest.raises(EmbedderMismatch) as mismatch:
        IndexWriter(index_copy, other_space_embedder).ingest([library / "urgentie.html"], force=True)

    assert "thuiswijzer reindex" in str(mismatch.value)
    assert sorted(p.name for p in index_copy.iterdir()) == before
