"""Answer quality on the bundled corpus and gold set must not drop below what we measured.

The thresholds are quality figures measured with the hybrid configuration on the bundled
corpus (extractive answers, no language model), set a little below the measured value so
noise from a changed sentence does not fail the suite, but a real regression does.
Timings are never asserted here (see benchmarks/).
"""

from __future__ import annotations

import dataclasses
import json
import re
from pathlib import Path

import pytest

from evals.questions import load_questions
from evals.report import LABELS, write_report
from evals.runner import run_evaluation
from thuiswijzer.config import Settings

pytestmark = pytest.mark.slow

# measured 2026-11-24, hybrid, 117 gold questions, 36 documents: recall@5 = 0.909 (0.918 before PDF headings)
MIN_RECALL_AT_5 = 0.88
# measured 2026-11-24: 1.000; every [n] must point at a citation of the answer
MIN_CITATION_VALIDITY = 1.0
# measured 2026-11-30: 0.91 (answerable answered 0.99, unanswerable refused 0.55, with the check that a
# "Hoeveel …" passage states a number); 2026-11-24 it was 0.889 (0.916 / 0.773): thresholds calibrated
# across five sets put no false refusals first
MIN_ABSTENTION_ACCURACY = 0.88
# measured 2026-11-30: 0.63 (2026-11-24: 0.502; 0.451 before lead-ins kept their lists)
MIN_KEY_FACT_RECALL = 0.55
# measured 2026-11-24: 1.000; extractive sentences are taken from the passage they cite
MIN_GROUNDEDNESS = 0.98


def offline_settings() -> Settings:
    return dataclasses.replace(Settings(), llm_provider=None)


@pytest.fixture(scope="module")
def gold_result(bundled_index, embedder, tmp_path_factory) -> dict:
    result = run_evaluation(None, bundled_index, ["hybrid"], offline_settings(), embedder=embedder)
    out = tmp_path_factory.mktemp("eval-report")
    write_report(result, out)
    result["_report_dir"] = str(out)
    return result


def hybrid(result: dict) -> dict:
    (config,) = result["configurations"]
    assert config["name"] == "hybrid"
    return config


def failing(config: dict, needle: str) -> list[str]:
    return [f"{r['id']}: {'; '.join(r['failures'])}" for r in config["questions"] if any(needle in f for f in r["failures"])]


def test_gold_documents_are_retrieved(gold_result):
    config = hybrid(gold_result)
    assert config["summary"]["recall@5"] >= MIN_RECALL_AT_5, (
        f"recall@5 {config['summary']['recall@5']} < {MIN_RECALL_AT_5}; rapport in {gold_result['_report_dir']}\n"
        + "\n".join(failing(config, "gold-document")))


def test_every_citation_points_at_a_source(gold_result):
    config = hybrid(gold_result)
    assert config["summary"]["citation_validity"] >= MIN_CITATION_VALIDITY, "\n".join(failing(config, "zonder bron"))


def test_the_assistant_refuses_what_the_corpus_does_not_answer(gold_result):
    config = hybrid(gold_result)
    assert config["summary"]["abstention_accuracy"] >= MIN_ABSTENTION_ACCURACY, (
        f"abstention accuracy {config['summary']['abstention_accuracy']}; rapport in {gold_result['_report_dir']}\n"
        + "\n".join(failing(config, "geweigerd") + failing(config, "weigeren")))


def test_answers_contain_the_key_facts(gold_result):
    config = hybrid(gold_result)
    assert config["summary"]["key_fact_recall"] >= MIN_KEY_FACT_RECALL, (
        f"key-fact recall {config['summary']['key_fact_recall']}; rapport in {gold_result['_report_dir']}")


def test_answer_sentences_are_grounded_in_what_they_cite(gold_result):
    config = hybrid(gold_result)
    assert config["summary"]["groundedness"] >= MIN_GROUNDEDNESS, "\n".join(failing(config, "niet gedekt"))


def test_every_gold_question_was_asked_and_scored(gold_result):
    config = hybrid(gold_result)
    assert len(config["questions"]) == len(load_questions()) == gold_result["n_questions"]
    assert config["summary"]["n_with_passages"] > 0 and config["summary"]["passage_recall@5"] is not None
    assert config["summary"]["followup_accuracy"] is not None
    assert "ragas" in " ".join(gold_result["notes"])  # no language model: the LLM-judged metrics say why they are absent


def test_the_report_puts_failures_first_and_is_self_contained(gold_result):
    out = Path(gold_result["_report_dir"])
    page = (out / "report.html").read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "data:image/png;base64," in page
    assert not re.search(r"""(src|href)=["'](?!data:)""", page)  # nothing fetched from elsewhere
    saved = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert saved["configurations"][0]["summary"] == hybrid(gold_result)["summary"]
    markdown = (out / "report.md").read_text(encoding="utf-8")
    rows = [line for line in markdown.split("## Per vraag — hybrid")[1].splitlines() if line.startswith("| ✗") or line.startswith("| ✓")]
    marks = [row[2] for row in rows]
    assert marks == sorted(marks, key=lambda mark: mark != "✗")  # every ✗ before the first ✓
    assert (out / "metrics.png").stat().st_size > 0 and (out / "latency.png").stat().st_size > 0


def test_an_evaluator_reads_in_the_report_what_the_halves_and_metrics_mean_and_how_many_questions_count(gold_result):
    # helper-66 could not tell from the report which half tuned the thresholds, nor that .889 was 8 of 9
    out = Path(gold_result["_report_dir"])
    summary = hybrid(gold_result)["summary"]
    counts = f"{summary['n_answerable']} ({summary['n_with_passages']}) · {summary['n_unanswerable']}"
    for name in ("report.md", "report.html"):
        text = (out / name).read_text(encoding="utf-8")
        assert "Hoe lees je dit" in text and "afstemdeel" in text and "toetsdeel" in text, name
        assert "Vragen: beantwoordbaar (met gold-passage) · onbeantwoordbaar · vervolgvragen" in text, name
        assert counts in text, name


def test_every_row_of_the_reports_table_is_explained_under_how_to_read_it(gold_result):
    # helper-68 found six rows ("Antwoorden met voorbehoud", "nDCG@10", …) that the report did not explain
    markdown = (Path(gold_result["_report_dir"]) / "report.md").read_text(encoding="utf-8")
    explained = markdown.split("### Hoe lees je dit")[1].split("\n## ")[0]
    table = markdown.split("### Hoe lees je dit")[0]
    shown = [label for label in LABELS.values() if f"| {label} |" in table]

    assert len(shown) > 20
    for label in shown:
        # "Recall@5 (passages)" is explained as Recall@k, "Antwoordtijd p95 (ms)" as Antwoordtijd
        name = re.sub(r" p\d+$", "", re.sub(r"Recall@\d+", "Recall@k", label.split(" (")[0]))
        assert name in explained, label


def test_a_follow_up_is_asked_after_the_assistants_own_earlier_answers_as_in_the_chat(gold_result, bundled_index,
                                                                                    embedder):
    from assistant import Assistant
    from index.searcher import LiveIndex

    written = {q.id: q.history for q in load_questions(None)}
    chains = [row for row in hybrid(gold_result)["questions"] if row["history"]]
    officer = Assistant(LiveIndex(bundled_index, embedder), offline_settings())

    assert len(chains) >= 10
    for row in chains:
        history = row["history"]
        assert [t for t in history if t["role"] == "user"] == [t for t in written[row["id"]] if t["role"] == "user"]
        assert history != written[row["id"]], row["id"]  # the set's own answers are not what the follow-up leans on
        for i in range(0, len(history), 2):
            assert history[i + 1]["content"] == officer.ask(history[i]["content"], history=history[:i] or None,
                                                          filters=row["filters"] or None).text, row["id"]


def test_configurations_side_by_side_from_the_command_line(bundled_index, tmp_path, capsys):
    from thuiswijzer.cli import main

    questions = tmp_path / "vragen.yaml"
    questions.write_text("""\
questions:
  - id: urgentie-groepen
    question: "Welke groepen moeten in de urgentieregeling <b>volgens de wet</b>?"
    category: factual
    answerable: true
    gold_docs: [regelgeving-urgentieregeling-aandachtsgroepen]
    key_facts: ["mantelzorg geven of ontvangen"]
  - id: paspoort
    question: "Hoe vraag ik een nieuw paspoort aan?"
    category: unanswerable
    answerable: false
    gold_docs: []
""", encoding="utf-8")
    report = tmp_path / "rapport"
    code = main(["eval", str(questions), "--index", str(bundled_index), "--report", str(report), "--json",
                 "--config", "bm25", "--config", "hybrid", "--config", "reranker", "--config", "chunks-120"])
    assert code == 0
    printed = json.loads(capsys.readouterr().out)
    assert list(printed["configurations"]) == ["bm25", "hybrid"]
    assert printed["configurations"]["hybrid"]["n_questions"] == 2
    skipped = {s["name"]: s["reason"] for s in printed["skipped"]}
    assert skipped["reranker"].startswith("niet beschikbaar") and "--corpus" in skipped["chunks-120"]
    page = (report / "report.html").read_text(encoding="utf-8")
    assert "&lt;b&gt;volgens de wet&lt;/b&gt;" in page and "<b>volgens de wet</b>" not in page


def test_a_bad_question_file_stops_the_command_with_the_line(bundled_index, tmp_path, capsys):
    from thuiswijzer.cli import main

    questions = tmp_path / "vragen.yaml"
    questions.write_text("questions:\n  - id: x\n    question: Wat?\n    category: factual\n    answerable: true\n"
                         "    gold_docs: [bestaat-niet]\n", encoding="utf-8")
    assert main(["eval", str(questions), "--index", str(bundled_index), "--report", str(tmp_path / "r")]) == 1
    assert f"{questions}:2: vraag 'x' · veld 'gold_docs': document 'bestaat-niet' staat niet in de index" in capsys.readouterr().err


def test_the_report_ranks_the_questions_own_search_not_a_lookup_the_answer_makes_after_it(bundled_index, embedder):
    """The assistant looks up quoted law with a BM25 search of its own after retrieving
    (`assistant.quoted`); the evaluation must keep the retrieval for the ranking metrics and
    pass the lookup through as the app makes it."""
    from evals.runner import ConfiguredIndex
    from index.searcher import Index

    index = Index.open(bundled_index, embedder)
    searcher = ConfiguredIndex(index, "hybrid", None)
    retrieved = searcher.search("Welke groepen moeten in de urgentieregeling?", 8)
    lookup = searcher.search("woningzoekenden die mantelzorg verlenen", 3, mode="bm25")

    assert [h.chunk.chunk_id for h in searcher.last_hits[:8]] == [h.chunk.chunk_id for h in retrieved]
    assert [h.chunk.chunk_id for h in lookup] == [
        h.chunk.chunk_id for h in index.search("woningzoekenden die mantelzorg verlenen", 3, mode="bm25")]
    assert all(h.dense_score is None for h in lookup)  # as in the app: no embedding for a lookup
