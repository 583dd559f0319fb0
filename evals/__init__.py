"""evals: gold question sets, the metrics that score the assistant on them, and the report.

- `evals.questions` loads and validates a question set (`evals/SCHEMA.md`); problems name
  the file, the line and the field.
- `evals.metrics` computes retrieval metrics with ranx (documents and gold passages) and
  answer metrics (citations, groundedness, key facts, abstention, follow-ups, latency).
- `evals.configs` names the retrieval configurations that can be compared side by side.
- `evals.runner` runs a question set through the same public API as the app
  (`assistant.Assistant`, `index.searcher.Index`); `run_evaluation()` returns one dict.
- `evals.report` writes that dict as report.json, report.md and a self-contained report.html.

`thuiswijzer eval [VRAGEN.yaml] [--config NAAM ...] [--corpus MAP] [--report MAP] [--json]`
"""
