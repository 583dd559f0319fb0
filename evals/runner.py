"""Running a gold question set through the assistant, per configuration, into one result dict.

`run_evaluation()` is what the CLI (`thuiswijzer eval`), the app's Evaluatie tab and the
tests call. It asks every question through the public API (`Assistant.ask`), records the
hits the assistant searched (the condensed query, with the question's filters), and scores
retrieval and answers with `evals.metrics`. `main()` is the CLI command around it.
"""

from __future__ import annotations

import importlib.util
import json
import platform
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from evals import metrics as m
from evals.configs import CONFIGS, EvalConfig, UnknownConfig, resolve
from evals.questions import Problem, Question, QuestionSetError, load_questions, unknown_documents
from thuiswijzer.config import Settings

# progress(configuration name, questions done, questions total)
Progress = Callable[[str, int, int], None]

# the figures of the summary, in the order reports show them
SUMMARY_METRICS = (
    "recall@1", "recall@5", "recall@10", "mrr@10", "ndcg@10",
    "passage_recall@1", "passage_recall@5", "passage_recall@10", "passage_mrr@10", "passage_ndcg@10",
    "citation_validity", "citation_precision", "citation_coverage", "groundedness", "key_fact_recall",
    "key_fact_recall_direct",
    "abstention_accuracy", "abstention_rate_unanswerable", "answer_rate_answerable", "answered_off_target",
    "caution_rate",
    "gold_doc_cited", "gold_passage_cited", "followup_accuracy",
    "latency_p50_ms", "latency_p95_ms",
)


# -- the index as one configuration sees it -----------------------------------------------
class ConfiguredIndex:
    """An `Index` whose retrieval uses a configuration's mode and dense weight, and which
    remembers the last retrieval (deep enough for the @10 metrics) for the evaluation.

    Only a search without a mode is the assistant's retrieval. A search with its own mode
    (the BM25 lookup of quoted law, `assistant.quoted`; the dense probes of the noise floor)
    passes through as asked: remembered, it would stand in the report for the question's
    ranking, and given dense scores, it would cost the timed answer an embedding the app
    does not make (the real library's answers took 400–600 ms in the report, 50–70 ms in
    the app)."""

    def __init__(self, index, mode: str, dense_weight: float | None):
        self._index = index
        self.mode = mode
        self.dense_weight = dense_weight
        self.last_hits: list | None = None
        self.last_query: str | None = None

    def search(self, query, k=8, filters=None, mode=None, dense_weight=None, query_vector=None):
        if mode is not None:
            return self._index.search(query, k, filters, mode=mode, query_vector=query_vector,
                                      dense_weight=dense_weight)
        mode = self.mode
        hits = self._index.search(query, max(k, m.RETRIEVAL_DEPTH), filters, mode=mode, query_vector=query_vector,
                                  dense_weight=self.dense_weight if dense_weight is None else dense_weight)
        if mode == "bm25":
            self._add_dense_scores(query, hits[:k])
        self.last_hits, self.last_query = hits, query
        return hits[:k]

    def _add_dense_scores(self, query, hits) -> None:
        """The assistant weighs evidence partly by dense closeness, which a BM25-only search
        does not give: without it every question would be refused. The cosines of the found
        passages come from a dense search within their documents (the ranking stays pure BM25)."""
        from index.models import Filters

        if not hits:
            return
        doc_ids = list(dict.fromkeys(h.document.doc_id for h in hits))
        deep = sum(d.n_chunks for d in self._index.documents() if d.doc_id in doc_ids)
        dense = self._index.search(query, max(deep, 1), Filters.of(doc_id=doc_ids), mode="dense")
        cosines = {h.chunk.chunk_id: h.dense_score for h in dense}
        for hit in hits:
            hit.dense_score = cosines.get(hit.chunk.chunk_id)

    def __getattr__(self, name):
        return getattr(self._index, name)

    def __len__(self) -> int:  # len() looks on the class, not through __getattr__
        return len(self._index)


class _FixedLiveIndex:
    """What `Assistant` expects of a `LiveIndex`: `get()` → the index to search."""

    def __init__(self, index):
        self._index = index
        self.index_dir = getattr(index, "generation", None)

    def get(self):
        return self._index


@dataclass
class _Asked:
    question: Question
    answer: object
    hits: list
    latency_ms: float
    history: list[dict]  # the conversation the question was asked in, as replayed


# -- the public entry point --------------------------------------------------------------
def run_evaluation(questions: list[Question] | str | Path | None, index_dir: str | Path,
                   configs: list[str | EvalConfig] | None = None, settings: Settings | None = None, *,
                   corpus: str | Path | None = None, embedder=None, progress: Progress | None = None,
                   chat_model=None, skip_missing: bool = False) -> dict:
    """Evaluate `questions` (a list, a YAML path, or None for the default set) on the index in
    `index_dir`, once per configuration (names from `evals.configs.CONFIGS`, default hybrid).

    `corpus` is needed for configurations with another chunk size (they re-ingest it into a
    temporary index). Raises `QuestionSetError` when the set names documents the index lacks;
    with `skip_missing` (the app, after an editor removed a gold document) those questions are
    left out and the report's notes say which, unless that leaves none.
    Returns a JSON-ready dict: {"configurations": [{"name", "summary", "questions", ...}], ...}.
    """
    from index.searcher import Index

    settings = settings or Settings()
    if not isinstance(questions, list):
        questions = load_questions(questions)
    corpus = Path(corpus) if corpus else None
    names = [c.name if isinstance(c, EvalConfig) else c for c in (configs or [])]
    chosen, skipped = resolve(names or None, corpus)
    started = time.monotonic()

    index = Index.open(index_dir, embedder=embedder, preferred_embedder=settings.embedder,
                       dense_weight=settings.dense_weight)
    try:
        known = {d.doc_id for d in index.documents()}
        problems = unknown_documents(questions, known)
        left_out = {p.question_id for p in problems}
        if problems and (not skip_missing or left_out >= {q.id for q in questions}):
            raise QuestionSetError(problems)
        results, notes = [], []
        if left_out:
            missing = sorted({d for q in questions if q.id in left_out for d in q.gold_docs if d not in known})
            questions = [q for q in questions if q.id not in left_out]
            notes.append(f"{len(left_out)} {'vraag' if len(left_out) == 1 else 'vragen'} overgeslagen: het "
                         f"gold-document staat niet (meer) in de index ({', '.join(missing)}).")
        warnings = [str(p) for p in gold_text_warnings(questions, index)]
        for config in chosen:
            if config.chunk_tokens is None:
                results.append(_evaluate_config(config, index, questions, settings, progress, chat_model, notes))
                continue
            with tempfile.TemporaryDirectory(prefix=f"thuiswijzer-eval-{config.name}-") as tmp:
                variant = _reingest(corpus, Path(tmp), index.embedder, config, settings)
                try:
                    missing = unknown_documents(questions, {d.doc_id for d in variant.documents()})
                    if missing:
                        skipped.append({"name": config.name, "label": config.label, "reason":
                                        f"het corpus in {corpus} mist gold-documenten ({missing[0]}); overgeslagen"})
                        continue
                    results.append(_evaluate_config(config, variant, questions, settings, progress, chat_model, notes))
                finally:
                    variant.close()
        index_facts = {"dir": str(index_dir), "embedder": getattr(index.embedder, "name", "?"),
                       "documents": len(index.documents()), "chunks": len(index)}
    finally:
        index.close()
    return {
        "created": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "seconds": round(time.monotonic() - started, 1),
        "machine": machine(),
        "questions_source": sorted({q.source for q in questions}),
        "n_questions": len(questions),
        "index": index_facts,
        "configurations": results,
        "skipped": skipped,
        "notes": list(dict.fromkeys(notes)),
        "warnings": warnings,
    }


def summary(result: dict) -> dict:
    """The short form `--json` prints: per configuration its summary, plus what was skipped."""
    return {
        "n_questions": result["n_questions"],
        "configurations": {c["name"]: c["summary"] for c in result["configurations"]},
        "skipped": result["skipped"],
        "notes": result["notes"],
        "warnings": result["warnings"],
    }


# -- one configuration -------------------------------------------------------------------
def _evaluate_config(config: EvalConfig, index, questions: list[Question], settings: Settings,
                     progress: Progress | None, chat_model, notes: list[str]) -> dict:
    from assistant import Assistant
    from index.models import Filters

    weight = config.dense_weight if config.dense_weight is not None else settings.dense_weight
    searcher = ConfiguredIndex(index, config.mode, weight)
    assistant = Assistant(_FixedLiveIndex(searcher), settings, chat_model=chat_model)
    if config.mode != "bm25":
        index.embedder.embed_query("opwarmen")  # load the model before the first timed question

    asked: list[_Asked] = []
    earlier_answers: dict = {}
    for done, q in enumerate(questions, start=1):
        history = _replayed(assistant, q, earlier_answers)
        searcher.last_hits = None
        began = time.perf_counter()
        answer = assistant.ask(q.question, history=history or None, filters=q.filters or None)
        latency = (time.perf_counter() - began) * 1000
        # the order the answer was built from (reranked), then the rest of the fused search
        hits = list(getattr(answer, "hits", None) or [])
        seen = {h.chunk.chunk_id for h in hits}
        hits += [h for h in (searcher.last_hits or []) if h.chunk.chunk_id not in seen]
        if not hits:  # the assistant did not search through us: search as it would have
            f = Filters.of(q.filters.get("type"), q.filters.get("region"), q.filters.get("doc_id"))
            hits = index.search(answer.query, m.RETRIEVAL_DEPTH, f or None, mode=config.mode, dense_weight=weight)
        asked.append(_Asked(q, answer, hits[: m.RETRIEVAL_DEPTH], latency, history))
        if progress:
            progress(config.name, done, len(questions))

    rows = [_row(a) for a in asked]
    retrieval = _retrieval(asked, rows, index)
    _groundedness(asked, rows, index.embedder)
    for row in rows:
        row["failures"] = _failures(row)
        row["remarks"] = _remarks(row)
        row["ok"] = not row["failures"]
    result = {
        "name": config.name,
        "label": config.label,
        "settings": config.settings_json(settings) | {"passages": len(index)},
        "summary": _summary(rows, retrieval),
        "by_category": _by_category(rows),
        "questions": rows,
    }
    if config.mode == "bm25":
        notes.append("bm25: de assistent weegt het bewijs mede op dense-gelijkenis; de evaluatie berekent die "
                     "voor de gevonden passages apart (de rangorde blijft puur BM25; de antwoordtijd telt dat mee).")
    extra, note = ragas_scores(asked, settings, assistant.chat_model)
    notes.append(note)
    if extra:
        result["summary"].update(extra)
    return result


def _row(a: _Asked) -> dict:
    q, answer = a.question, a.answer
    citation_docs = {c.n: c.doc_id for c in answer.citations}
    check = m.check_citations(answer.text, citation_docs, q.gold_docs) if not answer.abstained else None
    facts, missing = m.key_fact_recall(answer.text, q.key_facts) if not answer.abstained else (
        (0.0, list(q.key_facts)) if q.key_facts else (None, []))
    direct = m.key_fact_recall(answer.text, q.key_facts, direct=True)[0] if not answer.abstained else (
        0.0 if q.key_facts else None)
    docs = m.first_occurrences([h.document.doc_id for h in a.hits])
    gold_rank = next((i for i, d in enumerate(docs, start=1) if d in q.gold_docs), None)
    return {
        "id": q.id, "category": q.category, "question": q.question, "history": a.history, "filters": q.filters,
        "source": f"{q.source}:{q.line}", "query": answer.query, "answerable": q.answerable,
        "abstained": answer.abstained, "abstention_correct": answer.abstained != q.answerable,
        "answer": answer.text, "mode": getattr(answer, "mode", None),
        "retrieved_docs": docs, "retrieved_chunks": [h.chunk.chunk_id for h in a.hits],
        "gold_docs": q.gold_docs, "gold_rank": gold_rank,
        "missing_gold_docs": [d for d in q.gold_docs if d not in docs[: m.FOLLOW_UP_DEPTH]],
        "citations": [{"n": c.n, "doc_id": c.doc_id} for c in answer.citations],
        "caution": bool(getattr(answer, "caution", False)),
        "gold_doc_cited": any(c.doc_id in q.gold_docs for c in answer.citations) if q.answerable and not answer.abstained
        else (False if q.answerable else None),
        "gold_passage_cited": (not answer.abstained and any(m.contains(c.text, p) for c in answer.citations
                                                            for p in q.gold_passages))
        if q.answerable and q.gold_passages else None,
        "citation_valid": check.valid if check else None, "invalid_markers": check.invalid if check else [],
        "citation_precision": check.precision if check else None,
        "citation_coverage": check.coverage if check else None, "sentences": check.sentences if check else 0,
        "key_facts": q.key_facts, "key_fact_recall": facts, "missing_key_facts": missing,
        "key_fact_recall_direct": direct,
        "followup_hit": (gold_rank is not None and gold_rank <= m.FOLLOW_UP_DEPTH) if q.history and q.gold_docs else None,
        "latency_ms": round(a.latency_ms, 1),
    }


def _replayed(assistant, q: Question, answers: dict) -> list[dict]:
    """The question's conversation as an officer lives it: each earlier question asked in turn,
    with the assistant's own answers (`Answer.text`, as the app sends them back) in place of
    the answers the set writes down. A follow-up leans on what the assistant said, its cited
    passages and its wording, not on an ideal answer. `answers` memoises the earlier turns per
    conversation so far, shared between the follow-ups of one chain."""
    history: list[dict] = []
    for turn in q.history:
        if turn["role"] != "user":
            continue
        key = (json.dumps(history, ensure_ascii=False), turn["content"], json.dumps(q.filters, sort_keys=True))
        if key not in answers:
            answers[key] = assistant.ask(turn["content"], history=history or None, filters=q.filters or None).text
        history += [turn, {"role": "assistant", "content": answers[key]}]
    return history


def _retrieval(asked: list[_Asked], rows: list[dict], index) -> dict:
    """Per-question retrieval figures into the rows; returns the means for the summary."""
    doc_rankings = {r["id"]: r["retrieved_docs"] for r in rows if r["answerable"]}
    doc_relevant = {r["id"]: set(r["gold_docs"]) for r in rows if r["answerable"]}
    means, doc_per_query = m.ranking_metrics(doc_rankings, doc_relevant)
    passage_per_query = {}
    with_passages = [a.question for a in asked if a.question.gold_passages]
    if with_passages:
        chunks = [(c.chunk_id, c.text) for d in index.documents() for c in index.chunks_of(d.doc_id)]
        relevant = {q.id: m.relevant_chunks(chunks, q.gold_passages) for q in with_passages}
        rankings = {r["id"]: r["retrieved_chunks"] for r in rows if r["id"] in relevant}
        passage_means, passage_per_query = m.ranking_metrics(rankings, relevant)
        means = means | {f"passage_{k}": v for k, v in passage_means.items()}
    for row in rows:
        row["retrieval"] = doc_per_query.get(row["id"])
        row["passage_retrieval"] = passage_per_query.get(row["id"])
    return means


def _groundedness(asked: list[_Asked], rows: list[dict], embedder) -> None:
    per_row = []
    for a, row in zip(asked, rows):
        if a.answer.abstained:
            per_row.append([])
            continue
        # a passage's headings are its text too: a list under "Kies voor … als" is quoted with its
        # nearest heading as its lead-in (`sentences.passage_units`), a chapter is named by its
        # heading (`assistant.document_facts`), and the source line shows the whole path
        passages = {c.n: f"{c.section or ''}\n{c.text}" for c in a.answer.citations}
        checks = [m.support_by_text(s, [passages[n] for n in dict.fromkeys(m.markers(s)) if n in passages])
                  for s in m.answer_sentences(a.answer.text)]
        per_row.append(checks)
    embed = getattr(embedder, "embed_passages", None) if embedder is not None else None
    m.settle_by_embedding([c for checks in per_row for c in checks], embed)
    for row, checks in zip(rows, per_row):
        row["groundedness"] = sum(c.supported for c in checks) / len(checks) if checks else None
        row["unsupported_sentences"] = [c.sentence for c in checks if not c.supported]
        row["support"] = [c.how for c in checks]


def _failures(row: dict) -> list[str]:
    """What went wrong for one question, in Dutch, for the per-question table."""
    failures = []
    if row["answerable"] and row["abstained"]:
        failures.append("onterecht geweigerd: het corpus beantwoordt deze vraag")
    if not row["answerable"] and not row["abstained"]:
        failures.append("had moeten weigeren: het corpus beantwoordt deze vraag niet")
    if row["missing_gold_docs"] and len(row["missing_gold_docs"]) == len(row["gold_docs"]):
        failures.append("gold-document niet in de top 5: " + ", ".join(row["missing_gold_docs"]))
    if row["missing_key_facts"]:
        failures.append("kernfeiten ontbreken: " + ", ".join(f"'{f}'" for f in row["missing_key_facts"]))
    if row["invalid_markers"]:
        failures.append("verwijzing zonder bron: " + ", ".join(f"[{n}]" for n in row["invalid_markers"]))
    if row.get("unsupported_sentences"):
        n = len(row["unsupported_sentences"])
        failures.append(f"{n} {'zin' if n == 1 else 'zinnen'} niet gedekt door de geciteerde passage")
    return failures


def _remarks(row: dict) -> list[str]:
    """What fell short without failing the question, in Dutch: of several gold documents, one found in
    the top 5 and another not (helper-66 counted ten right answers among the failures for that)."""
    missing = row["missing_gold_docs"]
    if missing and len(missing) < len(row["gold_docs"]):
        return ["niet elk gold-document in de top 5: " + ", ".join(missing)]
    return []


def _summary(rows: list[dict], retrieval: dict) -> dict:
    answered = [r for r in rows if not r["abstained"]]
    answerable = [r for r in rows if r["answerable"]]
    unanswerable = [r for r in rows if not r["answerable"]]
    follow_ups = [r for r in rows if r["followup_hit"] is not None]
    latencies = [r["latency_ms"] for r in rows]
    figures = {
        **retrieval,
        "citation_validity": m.mean([float(r["citation_valid"]) for r in answered if r["citation_valid"] is not None]),
        "citation_precision": m.mean([r["citation_precision"] for r in answered if r["answerable"]]),
        "citation_coverage": m.mean([r["citation_coverage"] for r in answered]),
        "groundedness": m.mean([r["groundedness"] for r in answered]),
        "key_fact_recall": m.mean([r["key_fact_recall"] for r in answerable]),
        "key_fact_recall_direct": m.mean([r["key_fact_recall_direct"] for r in answerable]),
        "abstention_accuracy": m.mean([float(r["abstention_correct"]) for r in rows]),
        "abstention_rate_unanswerable": m.mean([float(r["abstained"]) for r in unanswerable]),
        "answer_rate_answerable": m.mean([float(not r["abstained"]) for r in answerable]),
        "answered_off_target": m.mean([float(m.off_target(r)) for r in answerable]),
        "caution_rate": m.mean([float(r["caution"]) for r in answered]),
        "gold_doc_cited": m.mean([float(r["gold_doc_cited"]) for r in answerable]),
        "gold_passage_cited": m.mean([float(r["gold_passage_cited"]) for r in rows if r["gold_passage_cited"] is not None]),
        "followup_accuracy": m.mean([float(r["followup_hit"]) for r in follow_ups]),
        "latency_p50_ms": m.percentile(latencies, 50),
        "latency_p95_ms": m.percentile(latencies, 95),
    }
    figures = {k: (round(v, 4) if isinstance(v, float) else v) for k, v in figures.items()}
    ordered = {k: figures[k] for k in SUMMARY_METRICS if k in figures}
    ordered.update({k: v for k, v in figures.items() if k not in ordered})
    ordered.update({
        "n_questions": len(rows), "n_answerable": len(answerable), "n_unanswerable": len(unanswerable),
        "n_followup": len(follow_ups), "n_with_passages": sum(1 for r in rows if r["passage_retrieval"] is not None),
        "n_failed": sum(1 for r in rows if r["failures"]),
    })
    return ordered


def _by_category(rows: list[dict]) -> dict:
    table = {}
    for category in dict.fromkeys(r["category"] for r in rows):
        group = [r for r in rows if r["category"] == category]
        table[category] = {
            "n": len(group),
            "recall@5": _round(m.mean([r["retrieval"]["recall@5"] for r in group if r["retrieval"]])),
            "key_fact_recall": _round(m.mean([r["key_fact_recall"] for r in group if r["answerable"]])),
            "abstention_accuracy": _round(m.mean([float(r["abstention_correct"]) for r in group])),
            "failed": sum(1 for r in group if r["failures"]),
        }
    return table


def _round(value: float | None) -> float | None:
    return round(value, 4) if value is not None else None


# -- checks on the gold set against the index -------------------------------------------
def gold_text_warnings(questions: list[Question], index) -> list[Problem]:
    """Key facts and gold passages that occur in no passage text nor heading of their gold documents
    (folded): an answer built from them can never contain them, so the gold set (or the document)
    should be fixed. A heading counts: a guide's steps are answered with their headings ("Stap 1:
    Bepaal scope en organisatie — …"), which helper-66 saw warned about as out of reach."""
    texts: dict[str, tuple[str, str]] = {}
    problems = []
    for q in questions:
        for doc_id in q.gold_docs:
            if doc_id not in texts:
                chunks = index.chunks_of(doc_id)
                texts[doc_id] = (m.fold("\n".join(c.text for c in chunks)),
                                 m.fold("\n".join(c.section or "" for c in chunks)))
        body = " ".join(texts[d][0] for d in q.gold_docs)
        headings = " ".join(texts[d][1] for d in q.gold_docs)
        for field_name, values in (("key_facts", q.key_facts), ("gold_passages", q.gold_passages)):
            for value in values:
                if m.fold(value) in body or m.fold(value) in headings:
                    continue
                problems.append(Problem(q.source, q.line, f"'{value}' staat in geen passage van de gold-documenten",
                                        q.id, field_name))
    return problems


# -- other chunk sizes -------------------------------------------------------------------
def _reingest(corpus: Path, target: Path, embedder, config: EvalConfig, settings: Settings):
    from index.searcher import Index
    from index.writer import IndexWriter

    print(f"{config.name}: het corpus opnieuw knippen ({config.chunk_tokens} tokens) en embedden …", file=sys.stderr)
    writer = IndexWriter(target, embedder, config.chunk_tokens, config.chunk_overlap or 0, settings.max_file_bytes)
    report = writer.ingest([corpus])
    if report.count("failed"):
        failed = [f"{f.path}: {f.reason}" for f in report.files if f.status == "failed"]
        print(f"{config.name}: {len(failed)} bestand(en) mislukt: " + "; ".join(failed[:3]), file=sys.stderr)
    return Index.open(target, embedder=embedder, dense_weight=settings.dense_weight)


# -- LLM-judged metrics ------------------------------------------------------------------
def ragas_scores(asked: list[_Asked], settings: Settings, chat_model) -> tuple[dict | None, str]:
    """ragas faithfulness judged by the configured language model; (None, reason) when not possible."""
    if not settings.llm_provider or chat_model is None:
        return None, ("LLM-beoordeelde metrieken (ragas) overgeslagen: er is geen taalmodel ingesteld "
                      "(THUISWIJZER_LLM_PROVIDER).")
    if importlib.util.find_spec("ragas") is None:
        return None, "LLM-beoordeelde metrieken (ragas) overgeslagen: ragas is niet geïnstalleerd (pip install ragas)."
    answered = [a for a in asked if not a.answer.abstained and a.answer.citations]
    if not answered:
        return None, "LLM-beoordeelde metrieken (ragas) overgeslagen: geen beantwoorde vragen."
    try:  # pragma: no cover - needs ragas and a language model
        from ragas import EvaluationDataset, evaluate
        from ragas.llms import LangchainLLMWrapper
        from ragas.metrics import Faithfulness

        samples = [{"user_input": a.question.question,
                    "response": m.strip_markers(m.answer_body(a.answer.text)),
                    "retrieved_contexts": [c.text for c in a.answer.citations]} for a in answered]
        scored = evaluate(EvaluationDataset.from_list(samples), metrics=[Faithfulness()],
                          llm=LangchainLLMWrapper(chat_model), show_progress=False)
        value = float(scored.to_pandas()["faithfulness"].mean())
        return {"ragas_faithfulness": round(value, 4)}, (
            f"ragas_faithfulness: beoordeeld door het taalmodel ({settings.llm_model or settings.llm_provider}).")
    except Exception as error:  # pragma: no cover - any ragas/model failure becomes a note
        return None, f"LLM-beoordeelde metrieken (ragas) mislukt: {type(error).__name__}: {str(error)[:160]}"


def machine() -> dict:
    import os

    load = os.getloadavg() if hasattr(os, "getloadavg") else None
    return {"python": platform.python_version(), "platform": platform.platform(),
            "processor": platform.processor() or platform.machine(), "cpus": os.cpu_count(),
            "load_average": round(load[0], 2) if load else None}


# -- several sets, each on its own library ------------------------------------------------
PARTS = {"tune": "afstemdeel", "held-out": "toetsdeel"}


def run_suite(set_names: list[str], cache: str | Path, configs: list[str] | None = None,
              settings: Settings | None = None, *, embedder=None, progress: Progress | None = None) -> dict:
    """Each named set of `evals.sets` on its own library (built or updated under `cache`), its
    tuning part and held-out part side by side: one result, as `run_evaluation` returns it,
    whose configurations are named "<set> · <part> · <configuration>".

    Raises ValueError for an unknown set, FileNotFoundError when ../shared is needed but absent.
    """
    from evals import sets
    from index.embedders import make_embedder

    settings = settings or Settings()
    cache = Path(cache)
    embedder = embedder or make_embedder(settings.embedder, settings.query_prefix, settings.passage_prefix)
    results = []
    for name in set_names:
        eval_set = sets.load(name, cache)
        index_dir = sets.build_library(eval_set, cache, settings, embedder)
        for part, label in PARTS.items():
            questions = [q for q in eval_set.questions if eval_set.part(q) == part]
            if not questions:
                continue
            result = run_evaluation(questions, index_dir, configs, settings, embedder=embedder, progress=progress)
            for config in result["configurations"]:
                config.update(set=name, part=part, name=f"{name} · {label} · {config['name']}")
            results.append(result)
    combined = dict(results[0])
    combined.update(
        configurations=[c for r in results for c in r["configurations"]],
        n_questions=sum(r["n_questions"] for r in results),
        questions_source=sorted({s for r in results for s in r["questions_source"]}),
        index={"sets": {c["name"]: r["index"] for r in results for c in r["configurations"]}},
        skipped=[s for r in results for s in r["skipped"]],
        notes=list(dict.fromkeys(n for r in results for n in r["notes"])),
        warnings=[w for r in results for w in r["warnings"]],
        seconds=round(sum(r["seconds"] for r in results), 1),
    )
    return combined


# -- the CLI command ---------------------------------------------------------------------
def main(args, settings: Settings) -> int:
    """`thuiswijzer eval [VRAGEN.yaml] [--config NAAM ...] [--corpus MAP] [--report MAP] [--json]`,
    or `thuiswijzer eval --set bundled --set real …` for several sets side by side."""
    if args.sets:
        return _main_suite(args, settings)
    try:
        resolve(args.configs, args.corpus)
    except UnknownConfig as error:
        print(f"Fout: {error}", file=sys.stderr)
        return 2
    try:
        questions = load_questions(args.questions)
    except QuestionSetError as error:
        print(error, file=sys.stderr)
        return 1
    embedder = None
    if args.corpus:
        if not Path(args.corpus).is_dir():
            print(f"Fout: de corpusmap {args.corpus} bestaat niet.", file=sys.stderr)
            return 1
        embedder = _ingest_corpus(args.corpus, args.index, settings)
    bar = _ProgressBar()
    try:
        result = run_evaluation(questions, args.index, args.configs, settings, corpus=args.corpus,
                                embedder=embedder, progress=bar.update)
    except QuestionSetError as error:
        print(error, file=sys.stderr)
        return 1
    finally:
        bar.close()
    return _report(result, args)


def _main_suite(args, settings: Settings) -> int:
    from evals.sets import NAMES

    names = list(NAMES) if "alle" in args.sets else args.sets
    bar = _ProgressBar()
    try:
        result = run_suite(names, args.cache, args.configs, settings, progress=bar.update)
    except (ValueError, FileNotFoundError, UnknownConfig, QuestionSetError) as error:
        print(f"Fout: {error}", file=sys.stderr)
        return 1
    finally:
        bar.close()
    return _report(result, args)


def _report(result: dict, args) -> int:
    """Write the report and print its summary (or, with --json, the summary as JSON)."""
    from evals.report import default_report_dir, summary_text, write_report

    paths = write_report(result, args.report or default_report_dir(args.index))
    if args.json:
        print(json.dumps(summary(result) | {"report": str(paths["html"])}, ensure_ascii=False, indent=2))
    else:
        print(summary_text(result))
        print(f"\nRapport: {paths['html']} (ook {paths['md'].name} en {paths['json'].name})")
    return 0


def _ingest_corpus(corpus: Path, index_dir: Path, settings: Settings):
    from index.embedders import make_embedder
    from index.writer import IndexWriter

    embedder = make_embedder(settings.embedder, settings.query_prefix, settings.passage_prefix)
    writer = IndexWriter(index_dir, embedder, settings.chunk_tokens, settings.chunk_overlap, settings.max_file_bytes)
    report = writer.ingest([corpus], prune=True)
    print(f"Index {index_dir} bijgewerkt uit {corpus}: {report.summary()}", file=sys.stderr)
    for f in report.files:
        if f.status == "failed":
            print(f"  MISLUKT {f.path}: {f.reason}", file=sys.stderr)
    return embedder


class _ProgressBar:
    """One tqdm bar per configuration on stderr (silent when stderr is not a terminal)."""

    def __init__(self):
        self._bars = {}

    def update(self, name: str, done: int, total: int) -> None:
        from tqdm import tqdm

        bar = self._bars.get(name)
        if bar is None:
            label = CONFIGS[name].label if name in CONFIGS else name
            bar = self._bars[name] = tqdm(total=total, desc=f"{name} ({label})", unit=" vragen", leave=False,
                                          disable=None, file=sys.stderr)
        bar.update(done - bar.n)

    def close(self) -> None:
        for bar in self._bars.values():
            bar.close()
