"""An evaluator chooses the refusal constants on some libraries and checks them on another."""

from evals.calibrate import Asked, choose_abstention, features, report_transfer
from assistant.rerank import DEFAULT_WEIGHTS


def asked(library: str, set_name: str, cosine: float, answerable: bool = True, on_topic: bool = True) -> Asked:
    """One question whose best passage holds all its terms at `cosine` on a library whose
    off-topic probes reach 0.80 ± 0.01."""
    return Asked(set_name, "tune", answerable, on_topic, signals=[{"fused": 1.0, "dense": 1.0, "sentence": 1.0, "heading": 1.0}], relevant=[answerable],
                 found=[["huisvestingsvergunning"]], term_weights={"huisvestingsvergunning": 1.0}, unknown=0.0,
                 cosines=[cosine], floor=(0.80, 0.01), library=library)


def library(name: str, answerable: list[float], off_topic: list[float]) -> list[Asked]:
    return ([asked(name, name, c) for c in answerable]
            + [asked(name, f"{name}/off-topic", c, answerable=False, on_topic=False) for c in off_topic])


def test_the_refusal_is_chosen_between_the_answerable_and_the_off_topic_questions():
    rows = library("wetten", [0.86, 0.87, 0.88] * 7, [0.80, 0.81, 0.79] * 7)
    cached = {id(a): features(a, DEFAULT_WEIGHTS) for a in rows}

    chosen = choose_abstention(rows, cached)

    scores = {a.cosines[0]: chosen.score(cached[id(a)], a) for a in rows}
    assert all(scores[c] >= chosen.refuse for c in (0.86, 0.87, 0.88))
    assert all(scores[c] < chosen.refuse for c in (0.79, 0.80, 0.81)) and chosen.accuracy == 1.0


def test_the_transfer_report_names_each_library_it_left_out(capsys):
    rows = (library("gidsen", [0.88, 0.89, 0.90] * 7, [0.80, 0.81] * 10)
            + library("wetten", [0.84, 0.85, 0.86] * 7, [0.80, 0.81] * 10))

    report_transfer(rows, DEFAULT_WEIGHTS)

    lines = capsys.readouterr().out.splitlines()
    assert [line.split()[0] for line in lines[-2:]] == ["gidsen", "wetten"]
