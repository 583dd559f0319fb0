"""Quality on real documents that others wrote, as CI gate: the answer layer must hold there
too, not only on the bundled corpus that was written to match its own questions.

Sets (evals/sets.py): the team's development questions on the 23 third-party documents
(evals/real.yaml), the PBL authors' questions on their report (in the whole library and within
the report alone), ten Kamervragen with the
minister's answers, Rijksoverheid Q&A pages, off-topic questions that must be refused, and the
real set's questions with a typo in their longest word.
The thresholds are the figures measured (dated in each comment; docs/evaluation.md) less a margin;
they are quality figures, never timings. Where a figure is still far from the goal of issue 9,
the comment says so: the gate keeps it from getting worse.
"""

from __future__ import annotations

import dataclasses

import pytest

from evals.runner import run_suite
from thuiswijzer.config import Settings

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def suite(real_library, eval_cache, embedder) -> dict:
    settings = dataclasses.replace(Settings(), llm_provider=None)
    result = run_suite(["real", "rijksoverheid", "pbl", "pbl-document", "kamervragen", "off-topic", "typos"],
                       eval_cache, ["hybrid"], settings, embedder=embedder)
    return {(c["set"], c["part"]): c for c in result["configurations"]}


def pooled(suite: dict, set_name: str, metric: str) -> float:
    """A metric over both parts of a set, each part weighted by the questions the metric is about
    (the unanswerable ones for the refusal rate, else the answerable ones, else all)."""
    weighted = []
    for (name, _), config in suite.items():
        value = config["summary"].get(metric)
        if name != set_name or value is None:
            continue
        rows = config["questions"]
        about = [r for r in rows if not r["answerable"]] if metric == "abstention_rate_unanswerable" else (
            [r for r in rows if r["answerable"]] or rows)
        weighted.append((value, len(about)))
    return sum(v * n for v, n in weighted) / sum(n for _, n in weighted)


def failures(suite: dict, set_name: str, needle: str) -> list[str]:
    return [f"{r['id']}: {'; '.join(r['failures'])}" for (name, _), c in suite.items() if name == set_name
            for r in c["questions"] if any(needle in f for f in r["failures"])]


def test_answerable_questions_on_law_texts_and_policy_documents_are_answered(suite):
    # measured 0.99 on 2026-12-01, 0.96 on 2026-12-04 when "Voor hoeveel …", "…, en tot welke leeftijd …"
    # became number questions: three answers that had named no key fact and no gold document were
    # refused (issue 9's goal 0.95; before this work 0.23 on the issue's own set)
    assert pooled(suite, "real", "answer_rate_answerable") >= 0.94, failures(suite, "real", "onterecht geweigerd")


def test_few_answers_are_about_something_else(suite):
    # answered without a gold document and without a key fact: measured 0.07 on 2026-12-04 (7 of 98;
    # 0.10 before numbers asked in other word orders were weighed as numbers). The gate allows two more
    assert pooled(suite, "real", "answered_off_target") <= 0.1


def test_on_topic_questions_the_documents_cannot_answer_are_refused_more_often_than_not_short_of_the_goal(suite):
    # measured 0.81 on 2026-12-01 (13 of 16: "Hoeveel …" without a figure in the statement that
    # names what is asked, a name the passage the answer leans on misses), 0.94 on 2026-12-04 (15 of
    # 16: a number asked in a clause of its own, "…, en hoeveel opvangplekken …?"); 0.125 before the
    # answer-type check; the goal is 0.8, see docs/evaluation.md. The gate allows two questions less
    assert pooled(suite, "real", "abstention_rate_unanswerable") >= 0.8, failures(suite, "real", "had moeten weigeren")


def test_off_topic_questions_are_refused(suite):
    # measured 0.84 with a mean-and-deviation noise floor, 0.80 with the robust one, 0.81 since
    # anchors count in the passage an answer leans on (2026-12-01):
    # the law texts mention the BSN and the BRP that several of these questions ask about
    assert pooled(suite, "off-topic", "abstention_rate_unanswerable") >= 0.78


def test_the_gold_passage_is_among_the_cited_passages(suite):
    # measured 0.65 on 2026-12-01 (0.62 before the law's wording counted as the officer's:
    # "vergunninghouder" for "statushouder"); the goal is 0.9 (retrieval is the ceiling: the
    # reranked top 5 holds the gold passage for about 0.66)
    assert pooled(suite, "real", "gold_passage_cited") >= 0.6


def test_key_facts_are_in_the_answer(suite):
    # measured 0.56 on 2026-12-01 (0.54 before the law's wording counted as the officer's);
    # issue 9's goal 0.5
    assert pooled(suite, "real", "key_fact_recall") >= 0.52


def test_an_officer_who_mistypes_a_key_term_still_gets_the_answer_from_the_right_document(suite):
    # measured on 2026-12-06: answered 0.96 and gold document cited 0.92 with the library's nearest
    # word read for an unknown one (assistant/spelling.py); 0.88 and 0.77 as typed
    assert pooled(suite, "typos", "answer_rate_answerable") >= 0.93, failures(suite, "typos", "onterecht geweigerd")
    assert pooled(suite, "typos", "gold_doc_cited") >= 0.88


def test_every_citation_points_at_a_passage_and_every_line_is_in_the_passage_it_cites(suite):
    for set_name in ("real", "rijksoverheid", "pbl", "pbl-document", "kamervragen"):
        assert pooled(suite, set_name, "citation_validity") == 1.0
        # measured 0.993 to 1.000 since each sentence of a leaning pair carries its own [n] (2026-12-01)
        assert pooled(suite, set_name, "groundedness") >= 0.97


def test_rijksoverheid_questions_cite_their_own_page(suite):
    # measured 0.87 on 2026-12-01; the goal is 0.97 (one coherent source costs citations of the
    # second and third page)
    assert pooled(suite, "rijksoverheid", "gold_doc_cited") >= 0.85


def test_follow_up_chains_on_real_documents_find_their_document(suite):
    assert pooled(suite, "real", "followup_accuracy") == 1.0
