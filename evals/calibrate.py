"""Choosing the rerank weights and the abstention thresholds across several libraries at once.

    python -m evals.calibrate [--cache data/eval] [--sets bundled real rijksoverheid pbl kamervragen]

Every set (evals/sets.py) is asked on its own library (built or updated in --cache). The
weights and thresholds are chosen on the *tuning* parts of all sets together, plus
off-topic Rijksoverheid questions asked of every library, and then only *reported* on the
held-out parts, so a figure in docs/evaluation.md is never one the choice was made on.

1. Rerank: a grid over the four signals of `assistant.rerank`; the objective is the share of
   questions whose gold passage (or, without one, gold document) is in the first five.
   The held-out report includes an ablation: each signal left out in turn.
2. Abstention: a grid over the coverage weight, the closeness scale and the two thresholds
   of `assistant.evidence`; the objective is balanced accuracy (answerable answered,
   unanswerable refused), with "voorzichtig" counting as answered.
Put the printed values in assistant/rerank.py and assistant/evidence.py.
"""

from __future__ import annotations

import argparse
import itertools
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

from assistant import evidence as ev
from assistant.condense import condense
from assistant.evidence import NoiseFloor, idf_weights
from assistant.rerank import RERANK_DEPTH, Weights, signals
from assistant.sentences import question_terms
from evals import sets
from evals.metrics import contains
from evals.questions import Question
from thuiswijzer.config import Settings

SIGNALS = ("fused", "dense", "sentence", "heading", "window")


@dataclass
class Asked:
    """One question on one library: what calibration needs of it."""

    set_name: str
    part: str
    question: Question
    signals: list[dict[str, float]]
    relevant: list[bool]  # per fused hit: holds the gold passage (or gold document)
    floor: NoiseFloor
    hits: list
    weights: dict[str, float]


def ask_all(eval_set: sets.EvalSet, index, off_topic: list[Question], embedder) -> list[Asked]:
    floor = NoiseFloor.measure(index)
    asked = []
    for question, is_off_topic in [(q, False) for q in eval_set.questions] + [(q, True) for q in off_topic]:
        query = condense(question.question, question.history or None)
        hits = index.search(query, RERANK_DEPTH)
        weights = idf_weights(index, question_terms(query))
        if question.gold_passages:
            relevant = [any(contains(h.chunk.text, p) for p in question.gold_passages) for h in hits]
        else:
            relevant = [h.document.doc_id in question.gold_docs for h in hits]
        part = (("tune" if sets.bucket(question.id) == 0 else "held-out") if is_off_topic
                else eval_set.part(question))
        name = f"{eval_set.name}/off-topic" if is_off_topic else eval_set.name
        asked.append(Asked(name, part, question, signals(query, hits, weights, embedder), relevant, floor, hits, weights))
    return asked


def order(a: Asked, w: Weights) -> list[int]:
    total = [w.total(s) for s in a.signals]
    return sorted(range(len(total)), key=lambda i: (-total[i], i))


def top5(asked: list[Asked], w: Weights) -> float:
    found = [any(a.relevant[i] for i in order(a, w)[:5]) for a in asked if a.question.answerable]
    return float(np.mean(found)) if found else float("nan")


def features(a: Asked, w: Weights) -> tuple[float, float]:
    """(coverage, best cosine) of the three passages the assistant would weigh."""
    best = [a.hits[i] for i in order(a, w)[:ev.EVIDENCE_PASSAGES]]
    query = condense(a.question.question, a.question.history or None)
    cov = ev.coverage(query, best, a.weights)
    cosine = max((h.dense_score for h in best if h.dense_score is not None), default=0.0)
    return cov, cosine


def balanced(scored: list[tuple[float, bool]], refuse: float) -> tuple[float, float, float]:
    answered = [s >= refuse for s, ok in scored if ok]
    refused = [s < refuse for s, ok in scored if not ok]
    a = float(np.mean(answered)) if answered else 1.0
    r = float(np.mean(refused)) if refused else 1.0
    return (a + r) / 2, a, r


def main() -> None:
    from index.embedders import make_embedder
    from index.searcher import Index

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache", type=Path, default=Path("data/eval"))
    parser.add_argument("--sets", nargs="+", default=["bundled", "real", "rijksoverheid", "pbl", "kamervragen"])
    args = parser.parse_args()
    settings = Settings()
    embedder = make_embedder(settings.embedder, settings.query_prefix, settings.passage_prefix)
    off_topic = sets.off_topic_questions()
    asked: list[Asked] = []
    for name in args.sets:
        eval_set = sets.load(name, args.cache)
        index = Index.open(sets.build_library(eval_set, args.cache, settings, embedder), embedder=embedder)
        # off-topic questions once per library (not on the Rijksoverheid pages, which answer them)
        extra = off_topic if name in ("bundled", "real") else []
        asked += ask_all(eval_set, index, extra, embedder)
        print(f"{name}: {len(eval_set.questions)} vragen (+{len(extra)} off-topic), {len(index)} passages")

    tune = [a for a in asked if a.part == "tune"]
    held = [a for a in asked if a.part == "held-out"]
    grid = [Weights(*w) for w in itertools.product((0.0, 0.2, 0.35, 0.5), (0.0, 0.15, 0.3), (0.0, 0.15, 0.3, 0.45),
                                                    (0.0, 0.1, 0.2), (0.0, 0.15, 0.3)) if sum(w) > 0]
    # ties go to the mix without the window signal (it costs an embedding per candidate), then to more fusion
    best = max(grid, key=lambda w: (round(top5(tune, w), 4), -w.window, w.fused))
    fused_only = Weights(1.0, 0.0, 0.0, 0.0)
    print(f"\nRerank, gekozen op het afstemdeel: {best}")
    print(f"{'set':<28}{'deel':<10}{'fusie top-5':>12}{'rerank top-5':>14}" + "".join(f"{'zonder ' + s:>17}" for s in SIGNALS))
    for name in dict.fromkeys(a.set_name for a in asked if "off-topic" not in a.set_name):
        for part, group in (("tune", tune), ("held-out", held)):
            rows = [a for a in group if a.set_name == name]
            ablation = [top5(rows, replace(best, **{s: 0.0})) for s in SIGNALS]
            print(f"{name:<28}{part:<10}{top5(rows, fused_only):>12.3f}{top5(rows, best):>14.3f}"
                  + "".join(f"{x:>17.3f}" for x in ablation))

    cached = {id(a): features(a, best) for a in asked}
    choices = []
    for weight, spreads in itertools.product((0.3, 0.4, 0.5, 0.6, 0.7), (2.0, 3.0, 4.0, 6.0, 8.0)):
        def score(a: Asked) -> float:
            cov, cosine = cached[id(a)]
            close = min(1.0, max(0.0, (cosine - a.floor.mean) / (spreads * a.floor.spread)))
            return weight * cov + (1 - weight) * close
        scored = [(score(a), a.question.answerable) for a in tune]
        for refuse in np.arange(0.2, 0.8, 0.01):
            choices.append((balanced(scored, refuse)[0], weight, spreads, round(float(refuse), 2), score))
    accuracy, weight, spreads, refuse, score = max(choices, key=lambda c: c[0])
    # the caution band: scores where tuning questions of both kinds still mix
    tune_unanswerable = sorted(score(a) for a in tune if not a.question.answerable and score(a) >= refuse)
    caution = round(float(np.percentile(tune_unanswerable, 90)), 2) if tune_unanswerable else refuse
    print(f"\nWeigeren, gekozen op het afstemdeel: COVERAGE_WEIGHT={weight} CLOSENESS_SPREADS={spreads} "
          f"REFUSE_BELOW={refuse} CAUTION_BELOW={max(caution, refuse)} (gebalanceerde nauwkeurigheid {accuracy:.3f})")
    print(f"{'set':<28}{'deel':<10}{'beantwoord':>12}{'geweigerd':>12}{'voorzichtig':>13}{'n':>6}")
    for name in dict.fromkeys(a.set_name for a in asked):
        for part, group in (("tune", tune), ("held-out", held)):
            rows = [a for a in group if a.set_name == name]
            if not rows:
                continue
            scored = [score(a) for a in rows]
            answerable = [s for s, a in zip(scored, rows) if a.question.answerable]
            unanswerable = [s for s, a in zip(scored, rows) if not a.question.answerable]
            answered = np.mean([s >= refuse for s in answerable]) if answerable else float("nan")
            refused = np.mean([s < refuse for s in unanswerable]) if unanswerable else float("nan")
            careful = np.mean([refuse <= s < max(caution, refuse) for s in scored])
            print(f"{name:<28}{part:<10}{answered:>12.3f}{refused:>12.3f}{careful:>13.3f}{len(rows):>6}")


if __name__ == "__main__":
    main()
