"""The metrics against tiny cases computed by hand."""

from __future__ import annotations

import math

import numpy as np
import pytest

from evals import metrics as m

ANSWER = """**Regionaal**
- Gemeenten in een woningmarktregio maken samen afspraken over de verdeling. [1]
- De regio stelt een huisvestingsverordening vast. [2]
**Lokaal**
- Elke gemeente legt in haar woonzorgvisie vast wat zij doet.

**Bronnen**
[1] Handreiking regionale samenwerking — handreiking · p. 2
[2] Huisvestingswet 2014 — regelgeving · Artikel 12"""

PASSAGES = {
    1: "Inleiding. Gemeenten in een  woningmarktregio maken samen afspraken over de verdeling. Meer tekst.",
    2: "Artikel 12. De gemeenteraad stelt een huisvestingsverordening vast voor de regio.",
}


# -- retrieval: ranx against hand-computed values -------------------------------------
def test_document_ranking_keeps_the_first_occurrence_of_each_document():
    assert m.first_occurrences(["b", "a", "b", "c", "a"]) == ["b", "a", "c"]


def test_ranking_metrics_match_hand_computed_values():
    rankings = {"q1": ["x", "a", "b"], "q2": ["y", "z"], "q3": ["c", "w"]}
    relevant = {"q1": {"a", "b"}, "q2": {"c"}, "q3": {"c"}}
    means, per_query = m.ranking_metrics(rankings, relevant)
    # q1: gold at ranks 2 and 3 of 2 gold; q2: nothing found; q3: gold at rank 1
    assert per_query["q1"]["recall@1"] == 0.0 and per_query["q1"]["recall@5"] == 1.0
    assert per_query["q1"]["mrr@10"] == pytest.approx(0.5)
    dcg = 1 / math.log2(3) + 1 / math.log2(4)
    ideal = 1 + 1 / math.log2(3)
    assert per_query["q1"]["ndcg@10"] == pytest.approx(dcg / ideal)
    assert per_query["q2"] == {"recall@1": 0.0, "recall@5": 0.0, "recall@10": 0.0, "mrr@10": 0.0, "ndcg@10": 0.0}
    assert per_query["q3"]["ndcg@10"] == pytest.approx(1.0)
    assert means["recall@1"] == pytest.approx(1 / 3)
    assert means["recall@5"] == pytest.approx(2 / 3)
    assert means["mrr@10"] == pytest.approx((0.5 + 0 + 1) / 3)
    assert means["ndcg@10"] == pytest.approx((dcg / ideal + 0 + 1) / 3)


def test_the_cut_off_counts_ranks_not_items():
    ranking = [f"d{i}" for i in range(12)]
    means, _ = m.ranking_metrics({"q": ranking}, {"q": {"d5", "d10"}})
    assert means["recall@5"] == 0.0  # d5 is the sixth
    assert means["recall@10"] == 0.5  # d10 is the eleventh
    assert means["mrr@10"] == pytest.approx(1 / 6)


def test_questions_without_relevant_items_are_left_out():
    means, per_query = m.ranking_metrics({"q1": ["a"], "q2": ["b"]}, {"q1": {"a"}, "q2": set()})
    assert list(per_query) == ["q1"] and means["recall@1"] == 1.0
    nothing, _ = m.ranking_metrics({"q": ["a"]}, {})
    assert nothing["recall@5"] is None


def test_an_empty_ranking_scores_zero():
    means, _ = m.ranking_metrics({"q": []}, {"q": {"a"}})
    assert means["recall@10"] == 0.0 and means["mrr@10"] == 0.0


def test_a_chunk_is_relevant_when_it_contains_a_snippet_after_folding():
    chunks = [("d#0", "De WONINGMARKTREGIO\nmaakt afspraken."), ("d#1", "Iets anders."), ("e#0", "de woningmarkt regio")]
    assert m.relevant_chunks(chunks, ["de  woningmarktregio maakt"]) == {"d#0"}
    assert m.relevant_chunks(chunks, ["   "]) == set()


# -- text ------------------------------------------------------------------------------
def test_folding_ignores_case_whitespace_quotes_and_emphasis():
    assert m.fold("  De **Wet**\n versterking ‘regie’ –  volkshuisvesting ") == "de wet versterking 'regie' - volkshuisvesting"
    assert m.contains("Het college stelt de\nHUISVESTINGSVERORDENING vast.", "huisvestingsverordening vast")


def test_answer_sentences_are_the_bullets_without_headings_or_sources():
    assert m.answer_sentences(ANSWER) == [
        "Gemeenten in een woningmarktregio maken samen afspraken over de verdeling. [1]",
        "De regio stelt een huisvestingsverordening vast. [2]",
        "Elke gemeente legt in haar woonzorgvisie vast wat zij doet.",
    ]


def test_a_note_in_a_list_that_points_at_the_rest_of_it_is_no_claim():
    text = "De groepen: [1]\n- mantelzorgers [1]\n- _… en nog 5 onderdelen in de bron [1]_\n\n**Bronnen**\n[1] X"
    assert m.answer_sentences(text) == ["De groepen: [1]", "mantelzorgers [1]"]


def test_prose_is_split_at_sentence_ends_with_their_markers():
    text = "_Het taalmodel gaf geen antwoord._\n\nEerste zin klopt [1]. Tweede zin ook. [2] Derde zin zonder bron.\n\n**Bronnen**\n[1] X"
    assert m.answer_sentences(text) == ["Eerste zin klopt [1].", "Tweede zin ook. [2]", "Derde zin zonder bron."]


def test_markers_are_read_in_all_forms():
    assert m.markers("a [1] b [2, 3] c [4][5]") == [1, 2, 3, 4, 5]
    assert m.strip_markers("Zin [1, 2].") == "Zin ."


# -- answers ---------------------------------------------------------------------------
def test_citations_validity_precision_and_coverage():
    check = m.check_citations(ANSWER, {1: "handreiking", 2: "wet"}, gold_docs=["handreiking"])
    assert check.valid and check.invalid == [] and check.cited == [1, 2]
    assert check.precision == 0.5  # one of the two cited passages comes from a gold document
    assert check.coverage == pytest.approx(2 / 3)  # the Lokaal sentence carries no [n]


def test_a_marker_without_citation_makes_the_answer_invalid():
    check = m.check_citations(ANSWER.replace("[2]\n**Lokaal", "[7]\n**Lokaal"), {1: "h", 2: "w"})
    assert not check.valid and check.invalid == [7] and check.precision is None


def test_numbers_in_the_sources_block_are_not_citations():
    check = m.check_citations(ANSWER, {1: "h", 2: "w", 3: "x"})
    assert check.cited == [1, 2]


def test_key_facts_are_found_folded_in_the_body_only():
    recall, missing = m.key_fact_recall(ANSWER, ["Huisvestingsverordening", "woonzorgvisie", "Huisvestingswet 2014"])
    assert recall == pytest.approx(2 / 3) and missing == ["Huisvestingswet 2014"]  # only in the Bronnen block
    assert m.key_fact_recall(ANSWER, []) == (None, [])


def test_key_facts_in_the_direct_answer_count_only_the_opening_block_after_a_caution_note():
    answer = ("_Voorzichtig: de bronnen raken deze vraag._\n\n"
              "De verordening geldt ten hoogste vier jaar. [1]\n\n"
              "**Verder in de bronnen**\n- Elke vier jaar volgt een nieuwe verordening, de vierjaarlijkse cyclus. [2]\n\n"
              "**Bronnen**\n[1] Huisvestingswet 2014")

    assert m.direct_answer(answer) == "De verordening geldt ten hoogste vier jaar. [1]"
    assert m.key_fact_recall(answer, ["ten hoogste vier jaar", "vierjaarlijkse cyclus"], direct=True) == (
        0.5, ["vierjaarlijkse cyclus"])
    assert m.key_fact_recall(answer, ["ten hoogste vier jaar", "vierjaarlijkse cyclus"])[0] == 1.0


def test_groundedness_by_containment_overlap_and_embedding():
    sentences = m.answer_sentences(ANSWER)
    checks = [m.support_by_text(s, [PASSAGES[n] for n in m.markers(s)]) for s in sentences]
    assert (checks[0].supported, checks[0].how) == (True, "tekst")
    # 6 of 7 tokens of "De regio stelt een huisvestingsverordening vast" occur: 0.86 >= 0.8
    assert (checks[1].supported, checks[1].how) == (True, "woorden")
    assert (checks[2].supported, checks[2].how) == (False, "geen bron")

    loose = m.support_by_text("Regio's maken onderling afspraken.", [PASSAGES[1]])
    assert loose.supported is None  # undecided: goes to the embedder

    def embed(texts):
        # the sentence and passage 1 point the same way: cosine 0.9
        vectors = {"Regio's maken onderling afspraken.": [0.9, np.sqrt(1 - 0.81)], PASSAGES[1]: [1.0, 0.0]}
        return np.array([vectors[t] for t in texts])

    m.settle_by_embedding([loose], embed)
    assert (loose.supported, loose.how) == (True, "embedding")
    far = m.support_by_text("Regio's maken onderling afspraken.", [PASSAGES[1]])
    m.settle_by_embedding([far], embed, threshold=0.95)
    assert far.supported is False


def test_without_an_embedder_undecided_sentences_are_unsupported():
    check = m.support_by_text("Iets heel anders.", ["Een passage over wonen."])
    m.settle_by_embedding([check], None)
    assert check.supported is False


def test_percentiles_and_means_skip_what_does_not_apply():
    assert m.percentile([10, 20, 30, 40, 50], 50) == 30
    assert m.percentile([], 95) is None
    assert m.mean([1.0, None, 0.0]) == 0.5 and m.mean([None]) is None


def test_a_report_goes_beside_the_index_it_measured_where_that_indexs_app_shows_it(tmp_path):
    from evals.report import default_report_dir

    assert default_report_dir(tmp_path / "tweede" / "index") == tmp_path / "tweede" / "eval-report"
    assert default_report_dir(tmp_path / "data" / "index") != default_report_dir(tmp_path / "tweede" / "index")


def test_an_answer_without_its_gold_document_and_without_a_key_fact_is_counted_off_target():
    # "Voor welk deel van de sociale huurwoningen …" answered from the hardheidsclausule of the WWS:
    # the answer rate counts it as answered; the evaluator must see that it answered something else
    row = {"abstained": False, "gold_doc_cited": False, "key_fact_recall": 0.0}

    assert m.off_target(row)
    assert not m.off_target({**row, "abstained": True})  # a refusal is counted by the answer rate
    assert not m.off_target({**row, "key_fact_recall": 0.5})  # another source that states a key fact
    assert not m.off_target({**row, "gold_doc_cited": True})
    assert m.off_target({**row, "key_fact_recall": None})  # a Rijksoverheid question without key facts
