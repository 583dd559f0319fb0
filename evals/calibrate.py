"""Calibrating the abstention threshold on questions the corpus can and cannot answer.

    python -m evals.calibrate --index data/index

Calibration set: the gold questions with ids `a-…` (answerable and unanswerable) plus
off-topic Rijksoverheid questions (passports, elections, privacy: ../shared/external, when
present). Held out: the gold questions with ids `b-…`, on which the chosen threshold is
only reported. The threshold maximises balanced accuracy (the mean of the share of
answerable questions answered and of unanswerable questions abstained) on the calibration
set; put the printed value in `assistant/evidence.py` (ABSTAIN_BELOW).
"""

from __future__ import annotations

import argparse
import csv
from pathlib import Path

import yaml

from assistant import Assistant
from assistant.evidence import evidence_score

GOLD = Path(__file__).with_name("gold.yaml")
OFF_TOPIC = Path(__file__).resolve().parents[1].parent / "shared/external/qa/rijksoverheid_vacs_govbench/rijksoverheid_vacs_bzk.csv"
OFF_TOPIC_SUBJECTS = ("Paspoort", "Verkiezingen", "Privacy", "Overlijden", "inlichtingendiensten", "Gezichtsbedekkende")


def labelled_questions() -> tuple[list[tuple[str, list, bool]], list[tuple[str, list, bool]]]:
    """(calibration, held_out) lists of (question, history, answerable)."""
    gold = yaml.safe_load(GOLD.read_text(encoding="utf-8"))["questions"]
    calibration = [(q["question"], q.get("history") or [], q["answerable"]) for q in gold if q["id"].startswith("a-")]
    held_out = [(q["question"], q.get("history") or [], q["answerable"]) for q in gold if q["id"].startswith("b-")]
    if OFF_TOPIC.exists():
        with OFF_TOPIC.open(encoding="utf-8") as handle:
            rows = [r for r in csv.DictReader(handle) if any(s in r["subjects"] for s in OFF_TOPIC_SUBJECTS)]
        calibration += [(r["question"], [], False) for r in rows]
    return calibration, held_out


def scores(assistant: Assistant, questions: list[tuple[str, list, bool]]) -> list[tuple[float, bool]]:
    index = assistant.index.get()
    found = []
    for question, history, answerable in questions:
        query, _ = assistant.standalone_query(question, history)
        found.append((evidence_score(query, index.search(query, assistant.k), index), answerable))
    return found


def balanced_accuracy(scored: list[tuple[float, bool]], threshold: float) -> tuple[float, float, float]:
    answered = [s >= threshold for s, a in scored if a]
    abstained = [s < threshold for s, a in scored if not a]
    answer_rate = sum(answered) / len(answered) if answered else 1.0
    abstain_rate = sum(abstained) / len(abstained) if abstained else 1.0
    return (answer_rate + abstain_rate) / 2, answer_rate, abstain_rate


def best_threshold(scored: list[tuple[float, bool]]) -> float:
    candidates = sorted({round(s, 3) for s, _ in scored})
    # midpoints between neighbouring scores, so the threshold does not sit on a question
    cuts = [(a + b) / 2 for a, b in zip(candidates, candidates[1:])] or candidates
    return max(cuts, key=lambda t: (balanced_accuracy(scored, t)[0], -abs(t - 0.5)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--index", type=Path, default=Path("data/index"))
    args = parser.parse_args()
    assistant = Assistant.load(args.index)
    calibration, held_out = labelled_questions()
    calibration_scores = scores(assistant, calibration)
    threshold = best_threshold(calibration_scores)
    print(f"calibration: {sum(a for _, a in calibration_scores)} answerable, "
          f"{sum(not a for _, a in calibration_scores)} unanswerable")
    print(f"chosen threshold ABSTAIN_BELOW = {threshold:.3f}")
    for name, scored in (("calibration", calibration_scores), ("held out (b-)", scores(assistant, held_out))):
        balanced, answered, abstained = balanced_accuracy(scored, threshold)
        print(f"{name:>14}: balanced accuracy {balanced:.3f} · answerable answered {answered:.3f} · "
              f"unanswerable abstained {abstained:.3f}")


if __name__ == "__main__":
    main()
