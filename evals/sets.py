"""The question sets the evaluation runs side by side, each on its own library.

- bundled: evals/gold.yaml on corpus/docs (written by the team for its own corpus: it flatters us);
- real: evals/real.yaml, the team's questions on the third-party documents in ../shared/external/docs;
- rijksoverheid: the 175 Rijksoverheid "vraag en antwoord" pages (CC0), each question on its own page;
- pbl: the PBL authors' own 23 questions on their report, on the real library;
- pbl-document: the same questions asked as their authors asked them, in a chat over that one
  report (pbl-nl/appl-docchat): on the real library with the "Alleen in" filter on the report;
- kamervragen: ten parliamentary questions, the minister's answer as gold passage, on the real library;
- typos: the real set's answerable questions with one letter left out of their longest word, as an
  officer types in haste: answered as spelled right, or not (assistant/spelling.py).

Thresholds and weights are chosen on the tuning part of each set and reported on the held-out
part (`part()`): bundled by its ids (a-… tunes, b-… is held out), real by document (so a
choice cannot lean on how one document is written), the others by position.
"""

from __future__ import annotations

import csv
import json
import re
import zlib
from dataclasses import dataclass, replace
from pathlib import Path

from evals.questions import Question, load_questions
from thuiswijzer.config import external_dir

ROOT = Path(__file__).resolve().parents[1]
EXTERNAL = external_dir()
REAL_DOCS = EXTERNAL / "docs"
VACS = EXTERNAL / "qa" / "rijksoverheid_vacs_govbench" / "rijksoverheid_vacs_bzk.csv"
PBL = EXTERNAL / "qa" / "learninglion_eval" / "eval.json"
PBL_DOC = "pbl-2023-verhuismotieven-en-ruimtelijke-verhuispatronen-4669"
KAMERVRAGEN = EXTERNAL / "qa" / "kamervragen" / "ah-tk-20232024-1292_qa.json"
KAMERVRAGEN_DOC = "ah-tk-20232024-1292-kamervragen-huisvesting-nederlandse-evacues"
# Rijksoverheid subjects that no housing library answers: off-topic questions for abstention
OFF_TOPIC_SUBJECTS = ("Paspoort", "Verkiezingen", "Privacy", "Overlijden", "inlichtingendiensten", "Gezichtsbedekkende")


@dataclass
class EvalSet:
    """A named question set and the folder its library is built from."""

    name: str
    questions: list[Question]
    corpus: Path
    by_document: bool = False  # split by gold document rather than by question

    def part(self, question: Question) -> str:
        """"tune" or "held-out"."""
        if self.name == "bundled":
            return "tune" if question.id.startswith("a-") else "held-out"
        key = (question.gold_docs[0] if question.gold_docs else question.id) if self.by_document else question.id
        return "tune" if bucket(key) == 0 else "held-out"


def bucket(key: str) -> int:
    """0 or 1, stable across runs and machines: the tuning half is bucket 0."""
    return zlib.crc32(key.encode("utf-8")) % 2


def bundled() -> EvalSet:
    return EvalSet("bundled", load_questions(None), ROOT / "corpus" / "docs")


def real() -> EvalSet:
    return EvalSet("real", load_questions(Path(__file__).with_name("real.yaml")), REAL_DOCS, by_document=True)


def typos() -> EvalSet:
    """The real set's answerable first questions, each with a letter left out of the middle of its
    longest word of eight letters or more that is not a name ("urgentieregeling" typed
    "urgentieregling"); questions without such a word are left out. Split as the real set is."""
    questions = []
    for question in real().questions:
        typed = with_typo(question.question)
        if question.answerable and not question.history and not question.filters and typed:
            questions.append(replace(question, id=f"typo-{question.id}", question=typed))
    return EvalSet("typos", questions, REAL_DOCS, by_document=True)


def with_typo(question: str) -> str | None:
    """`question` with the middle letter of its longest word of eight letters or more (not a name)
    left out; None when it has no such word."""
    words = [m for m in re.finditer(r"[^\W\d_]{8,}", question) if not (m.start() and m.group()[0].isupper())]
    if not words:
        return None
    word = max(words, key=lambda m: len(m.group()))
    middle = word.start() + len(word.group()) // 2
    return question[:middle] + question[middle + 1:]


def vac_rows() -> list[dict]:
    with VACS.open(encoding="utf-8") as handle:
        return [r for r in csv.DictReader(handle) if r["reference_answer"].strip()]


def rijksoverheid(folder: Path) -> EvalSet:
    """Writes each answer page to `folder` (titled by its id only, so the question does not leak
    into the index) and asks each page's own question."""
    folder.mkdir(parents=True, exist_ok=True)
    questions = []
    for row in vac_rows():
        doc_id = f"vac-{row['id'][:8]}"
        page = folder / f"{doc_id}.txt"
        if not page.exists() or page.read_text(encoding="utf-8") != row["reference_answer"]:
            page.write_text(row["reference_answer"], encoding="utf-8")
        questions.append(Question(doc_id, row["question"], "factual", True, [doc_id], source=str(VACS)))
    return EvalSet("rijksoverheid", questions, folder)


def off_topic_questions() -> list[Question]:
    """Rijksoverheid questions about passports, elections, privacy …: no housing library answers them."""
    return [Question(f"off-{r['id'][:8]}", r["question"], "unanswerable", False, source=str(VACS))
            for r in vac_rows() if any(s in r["subjects"] for s in OFF_TOPIC_SUBJECTS)]


def off_topic() -> EvalSet:
    """The off-topic questions asked of the real library: all must be refused."""
    return EvalSet("off-topic", off_topic_questions(), REAL_DOCS)


def pbl(within_document: bool = False) -> EvalSet:
    """The PBL questions; `within_document` asks each with the filter on the report ("Wie zijn de
    auteurs van deze publicatie?" was written for a chat over that one document). The ids, and so
    the halves, are the same either way."""
    items = json.loads(PBL.read_text(encoding="utf-8"))["pbl_verhuismotieven"]
    filters = {"doc_id": [PBL_DOC]} if within_document else {}
    questions = [Question(f"pbl-{i:02d}", item["question"], "factual", True, [PBL_DOC], filters=dict(filters),
                          source=str(PBL)) for i, item in enumerate(items, start=1)]
    return EvalSet("pbl-document" if within_document else "pbl", questions, REAL_DOCS)


def kamervragen() -> EvalSet:
    items = json.loads(KAMERVRAGEN.read_text(encoding="utf-8"))["items"]
    questions = [Question(item["id"], item["question"], "factual", True, [KAMERVRAGEN_DOC],
                          gold_passages=[" ".join(item["answer"].split()[:10])], source=str(KAMERVRAGEN))
                 for item in items]
    return EvalSet("kamervragen", questions, REAL_DOCS)


NAMES = ("bundled", "real", "rijksoverheid", "pbl", "pbl-document", "kamervragen", "off-topic", "typos")


def load(name: str, cache: Path) -> EvalSet:
    """The set called `name` (one of NAMES); generated corpora are written under `cache`.

    Raises ValueError for an unknown name and FileNotFoundError when ../shared is absent."""
    if name not in NAMES:
        raise ValueError(f"onbekende vragenset '{name}': kies uit {', '.join(NAMES)}, of alle")
    if name != "bundled" and not EXTERNAL.is_dir():
        raise FileNotFoundError(f"de vragenset '{name}' heeft de externe documenten in {EXTERNAL} nodig; staan ze "
                                f"elders, zet THUISWIJZER_EXTERNAL op die map (met docs/ en qa/)")
    if name == "rijksoverheid":
        return rijksoverheid(cache / "corpora" / "rijksoverheid")
    if name == "pbl-document":
        return pbl(within_document=True)
    return {"bundled": bundled, "real": real, "pbl": pbl, "kamervragen": kamervragen, "off-topic": off_topic,
            "typos": typos}[name]()


def build_library(eval_set: EvalSet, cache: Path, settings, embedder) -> Path:
    """The index of a set's corpus in `cache`, built or brought up to date (unchanged files are skipped)."""
    from index.writer import IndexWriter

    folder = cache / "indexes" / f"{eval_set.corpus.parent.name}-{eval_set.corpus.name}"
    writer = IndexWriter(folder, embedder, settings.chunk_tokens, settings.chunk_overlap, settings.max_file_bytes)
    writer.ingest([eval_set.corpus], prune=True)
    return folder
