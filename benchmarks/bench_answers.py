"""Answer latency of the web app without a language model, on demand; prints figures, asserts nothing.

    .venv/bin/python benchmarks/bench_answers.py [--index data/index] [--rounds 3]

Measures, on the bundled corpus index (built first with `make index`; without one, this
builds a temporary index from corpus/docs, which takes a few minutes on 2 cores):

  ask         Assistant.ask alone: condense, embed the query, hybrid search, evidence, compose
  app         the chat handler as the browser triggers it (ask + escaping + the Bronnen panel),
              without the typing effect (that is pacing for the eye, not work)
  1 user      the questions one after another
  4 users     four threads asking at the same time, sharing one Assistant as the server does;
              per-answer latency and answers per second
  within one document
              "Alleen in" with one document: the first question within it (which measures that
              document's noise floor) and the ones after, and "Waar gaat dit document over?"

Follow-up questions run with the history of the question before them, as in a conversation.
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

os.environ["GRADIO_ANALYTICS_ENABLED"] = "False"
os.environ.setdefault("HF_HUB_OFFLINE", "1")

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

import numpy as np  # noqa: E402

from assistant import Assistant  # noqa: E402
from index.storage import current_generation  # noqa: E402
from thuiswijzer.config import Settings  # noqa: E402
from machine import heading, percentile, print_machine  # noqa: E402

# (question, is a follow-up of the one before)
QUESTIONS = [
    ("Wat regelen we regionaal en wat lokaal?", False),
    ("En wat betekent dat voor corporaties?", True),
    ("Hoe richt je de procesorganisatie in?", False),
    ("Welke groepen krijgen urgentie?", False),
    ("En hoe zit het met statushouders?", True),
    ("Wat is een woonzorgvisie en wat staat erin?", False),
    ("Hoe organiseer je de uitstroom uit beschermd wonen en maatschappelijke opvang?", False),
    ("Wat is Housing First?", False),
    ("Hoe spreid je aandachtsgroepen evenwichtig over gemeenten en wijken?", False),
    ("Welke rol hebben zorgaanbieders bij de huisvesting van aandachtsgroepen?", False),
    ("Wat doet de regio Parkstad Limburg?", False),
    ("Hoe betrek je ervaringsdeskundigen?", False),
]


def summary(label: str, seconds: list[float], wall: float | None = None) -> None:
    ms = np.asarray(seconds) * 1000
    line = (f"{label:<22} n={len(ms):<4} p50 {percentile(ms, 50):7.1f} ms   p95 {percentile(ms, 95):7.1f} ms"
            f"   mean {ms.mean():7.1f} ms   max {ms.max():7.1f} ms")
    if wall:
        line += f"   {len(ms) / wall:5.1f} antwoorden/s"
    print(line, flush=True)


def conversation_runs(rounds: int) -> list[list[tuple[str, bool]]]:
    """The question list, `rounds` times, each round starting at a different question."""
    runs = []
    for r in range(rounds):
        shift = (r * 3) % len(QUESTIONS)
        ordered = QUESTIONS[shift:] + QUESTIONS[:shift]
        # a follow-up that lost its lead question is asked on its own
        runs.append([(q, follow and i > 0) for i, (q, follow) in enumerate(ordered)])
    return runs


def timed_ask(assistant: Assistant, run: list[tuple[str, bool]]) -> list[float]:
    times, previous = [], None
    for question, follow in run:
        history = previous if follow else None
        started = time.perf_counter()
        answer = assistant.ask(question, history=history)
        times.append(time.perf_counter() - started)
        previous = [{"role": "user", "content": question}, {"role": "assistant", "content": answer.text}]
    return times


def timed_app(web, run: list[tuple[str, bool]]) -> list[float]:
    times, session = [], None
    for question, follow in run:
        if not follow:
            session = web.new_session()
        started = time.perf_counter()
        for _, _, _, session in web.respond(question, session, "", ""):
            pass
        times.append(time.perf_counter() - started)
    return times


def measure(label: str, work, runs: list[list[tuple[str, bool]]], users: int) -> None:
    if users == 1:
        started = time.perf_counter()
        times = [t for run in runs for t in work(run)]
        summary(f"{label}, 1 gebruiker", times, time.perf_counter() - started)
        return
    lock, times = threading.Lock(), []

    def user(run):
        found = work(run)
        with lock:
            times.extend(found)

    started = time.perf_counter()
    with ThreadPoolExecutor(users) as pool:
        list(pool.map(user, [run for run in runs for _ in range(users)][: len(runs) * users]))
    summary(f"{label}, {users} gebruikers", times, time.perf_counter() - started)


def within_one_document(assistant: Assistant, index, documents: int = 5) -> None:
    """Per document (the largest few): the first question within it, which measures its noise floor
    once, then the other questions, then its overview."""
    heading(f"binnen één document ({documents} documenten, 1 gebruiker)")
    first, later, overview = [], [], []
    for document in sorted(index.documents(), key=lambda d: -d.n_chunks)[:documents]:
        chosen = {"doc_id": [document.doc_id]}
        for i, (question, _) in enumerate(q for q in QUESTIONS if not q[1]):
            started = time.perf_counter()
            assistant.ask(question, filters=chosen)
            (first if i == 0 else later).append(time.perf_counter() - started)
        started = time.perf_counter()
        assistant.ask("Waar gaat dit document over?", filters=chosen)
        overview.append(time.perf_counter() - started)
    summary("eerste vraag", first)
    summary("volgende vragen", later)
    summary("overzicht", overview)


def ensure_index(index_dir: Path, settings: Settings) -> Path:
    if current_generation(index_dir) is not None:
        return index_dir
    from index.embedders import make_embedder
    from index.writer import IndexWriter

    target = Path(tempfile.mkdtemp(prefix="thuiswijzer-bench-")) / "index"
    print(f"Geen index in {index_dir}; ik bouw een tijdelijke uit corpus/docs in {target} …", flush=True)
    started = time.perf_counter()
    writer = IndexWriter(target, make_embedder(settings.embedder), settings.chunk_tokens, settings.chunk_overlap,
                         settings.max_file_bytes)
    report = writer.ingest([REPO / "corpus" / "docs"])
    print(f"  {report.summary()} ({time.perf_counter() - started:.0f} s)")
    return target


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--index", type=Path, default=None, help="indexmap (standaard: THUISWIJZER_INDEX of data/index)")
    parser.add_argument("--rounds", type=int, default=3, help="rondes door de vragenlijst per gebruiker")
    parser.add_argument("--torch-threads", type=int, default=None,
                        help="torch-threads per aanroep (standaard: wat de app instelt)")
    args = parser.parse_args()

    settings = dataclasses.replace(Settings(), llm_provider=None)  # no language model: extractive answers
    print_machine(["gradio", "torch", "faiss-cpu"])
    index_dir = ensure_index(args.index or settings.index_dir, settings)
    started = time.perf_counter()
    assistant = Assistant.load(index_dir, settings)
    index = assistant.index.get()
    heading("index")
    print(f"{index_dir}: {len(index.documents())} documenten, {len(index)} passages, "
          f"embedder {index.embedder.name}; laden {time.perf_counter() - started:.1f} s")

    import app  # after the index: gradio's import is not part of any figure

    threads = app.limit_torch_threads(args.torch_threads or app.TORCH_THREADS)
    if threads:
        print(f"torch-threads {threads}")

    typing_delay, app.TYPING_DELAY = app.TYPING_DELAY, 0
    web = app.ThuiswijzerApp(index_dir, settings, assistant=assistant)
    for question, _ in QUESTIONS[:3]:  # warm-up: first-call costs (caches, torch) out of the figures
        assistant.ask(question)

    runs = conversation_runs(args.rounds)
    answers = sum(len(r) for r in runs)
    heading(f"latency ({answers} antwoorden per gebruiker, zonder taalmodel)")
    measure("ask", lambda run: timed_ask(assistant, run), runs, 1)
    measure("app", lambda run: timed_app(web, run), runs, 1)
    measure("ask", lambda run: timed_ask(assistant, run), runs, 4)
    measure("app", lambda run: timed_app(web, run), runs, 4)
    within_one_document(assistant, index)
    abstained = sum(assistant.ask(q).abstained for q, follow in QUESTIONS if not follow)
    print(f"\n{abstained} van {sum(not f for _, f in QUESTIONS)} zelfstandige vragen: geen antwoord (te zwak bewijs).")
    print(f"Niet meegeteld: het typ-effect in de browser ({app.TYPING_STEPS} stappen, {typing_delay * 1000:.0f} ms "
          f"uit elkaar), dat elk antwoord over ongeveer {(app.TYPING_STEPS - 1) * typing_delay:.2f} s laat verschijnen.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
