"""Choosing the rerank weights and the abstention thresholds across several libraries at once.

    python -m evals.calibrate [--cache data/eval] [--sets bundled real rijksoverheid pbl kamervragen]

Every set (evals/sets.py) is asked on its own library (built or updated in --cache). The
weights and thresholds are chosen on the *tuning* parts of all sets together, plus
off-topic Rijksoverheid questions asked of every library, and then only *reported* on the
held-out parts, so a figure in docs/evaluation.md is never one the choice was made on.

1. Rerank: a grid over the four signals of `assistant.rerank`; the objective is the share of
   questions whose gold passage (or, without one, gold document) is in the first five.
   The held-out report includes an ablation: each signal left out in turn.
2. Abstention: a grid over the coverage weight, the closeness scale, the penalties for terms the
   library never mentions, for anchors the best passages miss and for a number asked but not
   stated, and the refusal threshold of
   `assistant.evidence`. A false refusal
   is the failure officers meet most on real documents, so the objective is: answer at least
   MIN_ANSWERED of the answerable tuning questions of every set (pooled, the 175 Rijksoverheid
   pages would hide refusals on law texts), refuse at least MIN_OFF_TOPIC_REFUSED of the
   off-topic ones where that can be had, and within that refuse as many unanswerable ones as
   possible (on-topic and off-topic alike). "Voorzichtig" counts as answered; the
   caution band reaches up to where at most 1 in 10 tuning questions is unanswerable.
3. Transfer (--transfer): does the refusal carry to a library it was not chosen on? For each
   library, the abstention is chosen as in 2 on the tuning parts of the *other* libraries, and
   counted per set on *all* questions of this one.
Put the printed values in assistant/rerank.py and assistant/evidence.py (where a value was
measured end to end instead, docs/evaluation.md says so). --save keeps what was asked, and
--load tunes on it again without asking (--sets then has no effect).
"""

from __future__ import annotations

import argparse
import itertools
import json
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path

import numpy as np

from assistant import evidence as ev
from assistant.condense import condense
from assistant.evidence import NoiseFloor, idf_weights
from assistant.rerank import DEFAULT_WEIGHTS, RERANK_DEPTH, Weights, signals
from assistant.sentences import anchors, asks_quantity, question_terms
from evals import sets
from evals.metrics import contains
from evals.questions import Question
from thuiswijzer.config import Settings

SIGNALS = ("fused", "dense", "sentence", "heading", "window")
MIN_ANSWERED = 0.95
MIN_OFF_TOPIC_REFUSED = 0.8  # an assistant that answers questions about passports is not trusted on housing
MIN_PER_SET = 20  # smaller sets (PBL, Kamervragen) are too small to hold a threshold to


@dataclass
class Asked:
    """One question on one library: what calibration needs of it (JSON, so a run can be re-tuned)."""

    set_name: str
    part: str
    answerable: bool
    on_topic: bool
    signals: list[dict[str, float]]  # per fused hit (see assistant.rerank.signals)
    relevant: list[bool]  # per fused hit: holds the gold passage (or gold document)
    found: list[list[str]]  # per fused hit: the question's terms in its title, heading path, text and year
    term_weights: dict[str, float]  # idf of the question's terms
    unknown: float  # idf-weighted share of the question's terms that no passage of the library has
    cosines: list[float]
    floor: tuple[float, float]  # the library's off-topic noise floor: centre, spread
    anchors: list[str] = field(default_factory=list)  # the question's names and years (assistant.sentences.anchors)
    quantities: list[float] = field(default_factory=list)  # per fused hit, when a number is asked: ev.typed_coverage
    library: str = ""  # the folder the set's library is built from: sets sharing one share its noise floor


def ask_all(eval_set: sets.EvalSet, index, off_topic: list[Question], embedder) -> list[Asked]:
    floor = NoiseFloor.measure(index)
    asked = []
    for question, is_off_topic in [(q, False) for q in eval_set.questions] + [(q, True) for q in off_topic]:
        query = condense(question.question, question.history or None)
        hits = index.search(query, RERANK_DEPTH)
        wanted = question_terms(query)
        weights = idf_weights(index, wanted)
        if question.gold_passages:
            relevant = [any(contains(h.chunk.text, p) for p in question.gold_passages) for h in hits]
        else:
            relevant = [h.document.doc_id in question.gold_docs for h in hits]
        found = [sorted(set(wanted) & ev.passage_terms(h)) for h in hits]
        part = (("tune" if sets.bucket(question.id) == 0 else "held-out") if is_off_topic
                else eval_set.part(question))
        name = f"{eval_set.name}/off-topic" if is_off_topic else eval_set.name
        asked.append(Asked(name, part, question.answerable, not is_off_topic and eval_set.name != "off-topic",
                           signals(query, hits, weights, embedder), relevant, found, weights,
                           ev.unknown_share(index, wanted, weights), [h.dense_score or 0.0 for h in hits],
                           (floor.centre, floor.spread), anchors(question.question),
                           [ev.typed_coverage(query, h, weights) for h in hits] if asks_quantity(query) else [],
                           str(eval_set.corpus)))
    return asked


def order(a: Asked, w: Weights) -> list[int]:
    total = [w.total(s) for s in a.signals]
    return sorted(range(len(total)), key=lambda i: (-total[i], i))


def first_relevant(a: Asked, w: Weights) -> int | None:
    return next((rank for rank, i in enumerate(order(a, w), start=1) if a.relevant[i]), None)


def top5(asked: list[Asked], w: Weights) -> float:
    found = [(first_relevant(a, w) or 99) <= 5 for a in asked if a.answerable]
    return float(np.mean(found)) if found else float("nan")


def mrr(asked: list[Asked], w: Weights) -> float:
    ranks = [first_relevant(a, w) for a in asked if a.answerable]
    found = [1.0 / r if r and r <= 10 else 0.0 for r in ranks]
    return float(np.mean(found)) if found else float("nan")


def features(a: Asked, w: Weights) -> tuple[float, float, float, float]:
    """(coverage, best cosine, share of anchors missing, untyped) of the passages the assistant would weigh."""
    best = order(a, w)[:ev.EVIDENCE_PASSAGES]
    found = set().union(*(a.found[i] for i in best)) if best else set()
    total = sum(a.term_weights.values())
    cov = sum(v for t, v in a.term_weights.items() if t in found) / total if total else 0.0
    astray = ev.missing_anchors(a.anchors, set(a.term_weights) - set(a.anchors), [set(a.found[i]) for i in best],
                                a.term_weights)
    untyped = 1.0 - max((a.quantities[i] for i in best), default=0.0) if a.quantities else 0.0
    return cov, max((a.cosines[i] for i in best), default=0.0), astray, untyped


def rates(scored: list[tuple[float, Asked]], refuse: float) -> tuple[float, float, float]:
    """(answerable answered, on the set that answers least of those with at least MIN_PER_SET
    answerable questions; on-topic unanswerable refused; off-topic refused)."""
    def mean(values: list[bool]) -> float:
        return float(np.mean(values)) if values else float("nan")
    per_set: dict[str, list[bool]] = {}
    for s, a in scored:
        if a.answerable:
            per_set.setdefault(a.set_name, []).append(s >= refuse)
    return (min((mean(v) for v in per_set.values() if len(v) >= MIN_PER_SET), default=float("nan")),
            mean([s < refuse for s, a in scored if not a.answerable and a.on_topic]),
            mean([s < refuse for s, a in scored if not a.answerable and not a.on_topic]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache", type=Path, default=Path("data/eval"))
    parser.add_argument("--sets", nargs="+", default=["bundled", "real", "rijksoverheid", "pbl", "kamervragen"])
    parser.add_argument("--save", type=Path, help="write what was asked to this JSON file")
    parser.add_argument("--load", type=Path, help="tune on a file --save wrote, without asking again")
    parser.add_argument("--no-window", action="store_true",
                        help="leave out the window signal (an embedding per candidate: about 1 s per question on 2 cores)")
    parser.add_argument("--transfer", action="store_true",
                        help="also choose the refusal on all libraries but one and report it on that one")
    args = parser.parse_args()
    if args.load:
        asked = [Asked(**row) for row in json.loads(args.load.read_text(encoding="utf-8"))]
    else:
        asked = ask_sets(args.sets, args.cache, window=not args.no_window)
    if args.save:
        args.save.write_text(json.dumps([asdict(a) for a in asked]), encoding="utf-8")
    best = tune_rerank(asked, (0.0,) if args.no_window else (0.0, 0.15, 0.3))
    tune_abstention(asked, best)
    if args.transfer:
        report_transfer(asked, best)


def ask_sets(names: list[str], cache: Path, window: bool = True) -> list[Asked]:
    from index.embedders import make_embedder
    from index.searcher import Index

    settings = Settings()
    embedder = make_embedder(settings.embedder, settings.query_prefix, settings.passage_prefix)
    off_topic = sets.off_topic_questions()
    asked: list[Asked] = []
    for name in names:
        eval_set = sets.load(name, cache)
        index = Index.open(sets.build_library(eval_set, cache, settings, embedder), embedder=embedder)
        # off-topic questions once per library (not on the Rijksoverheid pages, which answer them)
        extra = off_topic if name in ("bundled", "real") else []
        asked += ask_all(eval_set, index, extra, embedder if window else None)
        print(f"{name}: {len(eval_set.questions)} vragen (+{len(extra)} off-topic), {len(index)} passages")
    return asked


def tune_rerank(asked: list[Asked], windows: tuple[float, ...]) -> Weights:
    tune = [a for a in asked if a.part == "tune"]
    grid = [Weights(*w) for w in itertools.product((0.0, 0.2, 0.35, 0.5), (0.0, 0.15, 0.3), (0.0, 0.15, 0.3, 0.45),
                                                    (0.0, 0.1, 0.2), windows) if sum(w) > 0]
    # the key passage first: MRR@10 of the gold passage. A lead smaller than one question moving
    # from rank 1 to 2 (½ ÷ the answerable tuning questions) is a tie: the weights in the code
    # stay, else the mix without the window signal (it costs an embedding per candidate), then
    # more fusion
    scores = {w: mrr(tune, w) for w in grid}
    tie = 0.5 / max(1, sum(a.answerable for a in tune))
    ties = [w for w in grid if scores[w] >= max(scores.values()) - tie]
    best = DEFAULT_WEIGHTS if DEFAULT_WEIGHTS in ties else max(ties, key=lambda w: (scores[w], -w.window, w.fused))
    fused_only = Weights(1.0, 0.0, 0.0, 0.0, 0.0)
    print(f"\nRerank, gekozen op het afstemdeel (MRR@10 van de gold-passage): {best}")
    print(f"{'set':<16}{'deel':<10}{'fusie top-5/MRR':>17}{'rerank top-5/MRR':>18}"
          + "".join(f"{'zonder ' + s:>17}" for s in SIGNALS))
    for name in dict.fromkeys(a.set_name for a in asked if "off-topic" not in a.set_name):
        for part in ("tune", "held-out"):
            rows = [a for a in asked if a.set_name == name and a.part == part]
            ablation = [f"{mrr(rows, replace(best, **{s: 0.0})):.3f}" if getattr(best, s) else "—" for s in SIGNALS]
            print(f"{name:<16}{part:<10}{top5(rows, fused_only):>9.3f}/{mrr(rows, fused_only):.3f}"
                  f"{top5(rows, best):>10.3f}/{mrr(rows, best):.3f}" + "".join(f"{x:>17}" for x in ablation))
    return best


# the refusal constants of `assistant.evidence`, in the order of `Abstention.constants`
CONSTANTS = ("COVERAGE_WEIGHT", "CLOSENESS_SPREADS", "UNKNOWN_PENALTY", "ASTRAY_PENALTY", "UNTYPED_PENALTY",
             "REFUSE_BELOW")


@dataclass
class Abstention:
    """One setting of `assistant.evidence`'s refusal constants, and what it gives on the questions it was chosen on."""

    coverage_weight: float
    closeness_spreads: float
    unknown_penalty: float
    astray_penalty: float
    untyped_penalty: float
    refuse_below: float
    accuracy: float  # unanswerable questions refused, mean of on- and off-topic

    def constants(self) -> tuple[float, ...]:
        """The setting in the order of CONSTANTS."""
        return (self.coverage_weight, self.closeness_spreads, self.unknown_penalty, self.astray_penalty,
                self.untyped_penalty, self.refuse_below)

    def score(self, features: tuple[float, float, float, float], a: Asked) -> float:
        cov, cosine, astray, untyped = features
        centre, spread = a.floor
        close = min(1.0, max(0.0, (cosine - centre) / (self.closeness_spreads * spread)))
        return (self.coverage_weight * cov + (1 - self.coverage_weight) * close - self.unknown_penalty * a.unknown
                - self.astray_penalty * astray - self.untyped_penalty * untyped)


def choose_abstention(rows: list[Asked], cached: dict[int, tuple]) -> Abstention | None:
    """The grid setting that answers at least MIN_ANSWERED of the answerable `rows` of every set,
    refuses at least MIN_OFF_TOPIC_REFUSED of the off-topic ones where that can be had, and
    within that refuses the most unanswerable ones. None when there is nothing to choose on: no
    unanswerable question among `rows`, no set with MIN_PER_SET answerable ones, or no setting
    that answers enough. `cached`: `features` per id(Asked)."""
    if all(a.answerable for a in rows):
        return None
    choices = []
    for grid in itertools.product((0.2, 0.3, 0.4, 0.5, 0.6, 0.7), (2.0, 3.0, 4.0, 6.0, 8.0), (0.0, 0.15, 0.3, 0.5),
                                  (0.0, 0.1, 0.2, 0.3, 0.5), (0.0, 0.1, 0.2, 0.3, 0.5, 0.8)):
        setting = Abstention(*grid, refuse_below=0.0, accuracy=0.0)
        scored = [(setting.score(cached[id(a)], a), a) for a in rows]
        for refuse in np.arange(0.1, 0.8, 0.01):
            answered, refused_on, refused_off = rates(scored, refuse)
            if answered >= MIN_ANSWERED:
                choices.append((refused_off >= MIN_OFF_TOPIC_REFUSED,
                                replace(setting, refuse_below=round(float(refuse), 2),
                                        accuracy=float(np.nanmean([refused_on, refused_off])))))
    if not choices:
        return None
    # settings that tie on the objective are equally good on these questions: the one in the
    # code stays (a recalibration should not move constants for nothing), else the first of the grid
    current = tuple(getattr(ev, name) for name in CONSTANTS)
    return max(choices, key=lambda c: (c[0], c[1].accuracy, c[1].constants() == current))[1]


def described(setting: Abstention) -> str:
    """The setting as the constants of `assistant.evidence` are written."""
    return " ".join(f"{name}={value}" for name, value in zip(CONSTANTS, setting.constants()))


def tune_abstention(asked: list[Asked], best: Weights) -> None:
    tune = [a for a in asked if a.part == "tune"]
    cached = {id(a): features(a, best) for a in asked}
    chosen = choose_abstention(tune, cached)
    if chosen is None:
        raise SystemExit(f"Niets om een weigering op te kiezen: de afstemvragen moeten onbeantwoordbare vragen bevatten "
                         f"en een set met ten minste {MIN_PER_SET} beantwoordbare, waarvan een instelling er "
                         f"{MIN_ANSWERED} beantwoordt; kies andere sets met --sets.")
    refuse = chosen.refuse_below

    def score(a: Asked) -> float:
        return chosen.score(cached[id(a)], a)
    # the caution band: from the refusal threshold up to where no more than 1 in 10 of the
    # tuning questions that score there is unanswerable
    caution = refuse
    for t in np.arange(refuse, 1.0, 0.01):
        above = [a for a in tune if score(a) >= t]
        if above and np.mean([not a.answerable for a in above]) <= 0.1:
            caution = round(float(t), 2)
            break
    print(f"\nWeigeren, gekozen op het afstemdeel: {described(chosen)} CAUTION_BELOW={caution} "
          f"(onbeantwoordbare vragen geweigerd, gemiddeld over on- en off-topic: {chosen.accuracy:.3f}, "
          f"bij ten minste {MIN_ANSWERED} beantwoord)")
    print(f"{'set':<20}{'deel':<10}{'beantwoord':>12}{'geweigerd':>12}{'voorzichtig':>13}{'n':>6}")
    for name in dict.fromkeys(a.set_name for a in asked):
        for part in ("tune", "held-out"):
            rows = [a for a in asked if a.set_name == name and a.part == part]
            if not rows:
                continue
            scored = [score(a) for a in rows]
            answerable = [s for s, a in zip(scored, rows) if a.answerable]
            unanswerable = [s for s, a in zip(scored, rows) if not a.answerable]
            answered = np.mean([s >= refuse for s in answerable]) if answerable else float("nan")
            refused = np.mean([s < refuse for s in unanswerable]) if unanswerable else float("nan")
            careful = np.mean([refuse <= s < caution for s in scored])
            print(f"{name:<20}{part:<10}{answered:>12.3f}{refused:>12.3f}{careful:>13.3f}{len(rows):>6}")


def report_transfer(asked: list[Asked], best: Weights) -> None:
    """Does the refusal carry to a library it was not chosen on? For each library: the setting
    chosen on the tuning parts of the other libraries, counted per set on all questions of this one."""
    if len({a.library for a in asked}) < 2:
        print("\nOverdracht: alle vragen komen van één bibliotheek (of uit een bestand dat --save schreef vóór "
              "--transfer bestond); vraag opnieuw met sets van ten minste twee bibliotheken.")
        return
    cached = {id(a): features(a, best) for a in asked}
    print("\nOverdracht: gekozen op de andere bibliotheken (afstemdeel), gemeten op deze (alle vragen)")
    for library in dict.fromkeys(a.library for a in asked):
        names = list(dict.fromkeys(a.set_name for a in asked if a.library == library))
        chosen = choose_abstention([a for a in asked if a.library != library and a.part == "tune"], cached)
        if chosen is None:
            print(f"\nzonder {', '.join(names)}: niets om op te kiezen (de andere bibliotheken hebben geen "
                  f"onbeantwoordbare vragen, of geen set met ten minste {MIN_PER_SET} beantwoordbare)")
            continue
        print(f"\nzonder {', '.join(names)}: {described(chosen)}")
        print(f"{'set':<20}{'beantwoord':>12}{'geweigerd':>12}{'n':>6}")
        for name in names:
            rows = [(chosen.score(cached[id(a)], a) >= chosen.refuse_below, a) for a in asked if a.set_name == name]
            answered = share_shown([ok for ok, a in rows if a.answerable])
            refused = share_shown([not ok for ok, a in rows if not a.answerable])
            print(f"{name:<20}{answered:>12}{refused:>12}{len(rows):>6}")


def share_shown(values: list[bool]) -> str:
    """The share of True in `values` for a table, "—" when there are none."""
    return f"{np.mean(values):.3f}" if values else "—"


if __name__ == "__main__":
    main()
