"""Writing an evaluation result: report.json for machines, report.md and report.html for people.

The HTML page is self-contained (styles inline, plots as data URIs) and every text from the
corpus, the questions or the answers is escaped. Both human reports hold a summary table
with one column per configuration, the plots (metrics per configuration; latency), the
figures per category and, per configuration, a table of questions with failures first.
"""

from __future__ import annotations

import base64
import html
import json
import re
from pathlib import Path

from matplotlib.figure import Figure

from evals.runner import SUMMARY_METRICS

LABELS = {
    "recall@1": "Recall@1 (documenten)",
    "recall@5": "Recall@5 (documenten)",
    "recall@10": "Recall@10 (documenten)",
    "mrr@10": "MRR@10 (documenten)",
    "ndcg@10": "nDCG@10 (documenten)",
    "passage_recall@1": "Recall@1 (passages)",
    "passage_recall@5": "Recall@5 (passages)",
    "passage_recall@10": "Recall@10 (passages)",
    "passage_mrr@10": "MRR@10 (passages)",
    "passage_ndcg@10": "nDCG@10 (passages)",
    "citation_validity": "Geldige bronverwijzingen",
    "citation_precision": "Precisie bronverwijzingen (gold-documenten)",
    "citation_coverage": "Zinnen met bronverwijzing",
    "groundedness": "Gedekt door de geciteerde passage",
    "key_fact_recall": "Kernfeiten in het antwoord",
    "key_fact_recall_direct": "Kernfeiten in het directe antwoord",
    "abstention_accuracy": "Juist geweigerd of beantwoord",
    "abstention_rate_unanswerable": "Onbeantwoordbare vragen geweigerd",
    "answer_rate_answerable": "Beantwoordbare vragen beantwoord",
    "answered_off_target": "Beantwoord zonder gold-document en kernfeit",
    "caution_rate": "Antwoorden met voorbehoud (zwak bewijs)",
    "gold_doc_cited": "Gold-document geciteerd",
    "gold_passage_cited": "Gold-passage geciteerd",
    "followup_accuracy": "Vervolgvragen: gold-document in top 5",
    "latency_p50_ms": "Antwoordtijd p50 (ms)",
    "latency_p95_ms": "Antwoordtijd p95 (ms)",
    "ragas_faithfulness": "ragas faithfulness (taalmodel)",
}
# what a reader needs beside the figures (the definitions in full: evals/metrics.py)
READING = [
    "**afstemdeel** is de helft van een vragenset waarop gewichten en drempels zijn gekozen (`python -m "
    "evals.calibrate`); **toetsdeel** de helft die daarbij niet is bekeken. Alleen het toetsdeel zegt hoe goed "
    "het werkt op nieuwe vragen.",
    "Een cijfer is een gemiddelde over de vragen waarop het van toepassing is; de rij *Vragen* geeft hoeveel dat er "
    "zijn (0.889 op 9 vragen is 8 van de 9).",
    "**Recall@k**, **MRR@10** en **nDCG@10**: staat een gold-document (of een passage met een gold-fragment) bij de "
    "eerste k zoekresultaten, en hoe hoog (nDCG telt elk gold-document in de top 10, hoger geplaatst zwaarder). Bij "
    "vragen met meer gold-documenten telt elk document mee: met twee is Recall@1 hooguit 0.5, dus een helft met "
    "veel zulke vragen heeft een lage Recall@1.",
    "**Beantwoordbare vragen beantwoord** en **Onbeantwoordbare vragen geweigerd**: deed de assistent het juiste "
    "van de twee; **Juist geweigerd of beantwoord** is hetzelfde over alle vragen samen.",
    "**Beantwoord zonder gold-document en kernfeit**: beantwoordbare vragen met een antwoord dat geen gold-document "
    "citeert en geen kernfeit noemt, waar een weigering beter was geweest. Hier is lager beter.",
    "**Antwoorden met voorbehoud**: het aandeel antwoorden dat opent met een melding *Voorzichtig: …*, omdat het "
    "bewijs zwak is of de opening het gevraagde getal of de gevraagde datum niet noemt.",
    "**Precisie bronverwijzingen**: van de passages die een antwoord citeert, het aandeel uit een gold-document.",
    "**Vervolgvragen: gold-document in top 5**: vragen na een eerder gesprek waarvan de zoekvraag zoals de "
    "assistent die las (de kolom *Zoekvraag*) een gold-document in de top 5 brengt.",
    "**Gold-document geciteerd** en **Gold-passage geciteerd**: het aandeel van de beantwoordbare vragen (met een "
    "gold-passage) waarvan het antwoord die bron (die passage) citeert; een weigering telt als niet geciteerd.",
    "**Kernfeiten in het antwoord**: het aandeel van de kernfeiten van de vraag dat letterlijk in het antwoord "
    "staat (een weigering telt als 0); **Kernfeiten in het directe antwoord**: hetzelfde, in het eerste blok, dat een "
    "ambtenaar eerst leest.",
    "**Geldige bronverwijzingen**, **Zinnen met bronverwijzing** en **Gedekt door de geciteerde passage**: wijst elke "
    "[n] naar een bron, heeft elke zin er een, en staat wat de zin zegt in de passage die hij citeert.",
    "**Antwoordtijd p50 / p95**: hoe lang één antwoord duurde, in milliseconden op deze machine: de helft van de "
    "vragen was sneller dan p50, 95 % sneller dan p95.",
    "Een vraag met een **gemiste controle** (✗) mist er minstens één; de kolom *Gemist* zegt welke. Vond het "
    "zoeken van meer gold-documenten er één niet in de top 5, dan staat dat er als *opmerking*: het telt in "
    "Recall@5, maar maakt de vraag niet mislukt.",
]
PLOTTED = ("recall@5", "mrr@10", "ndcg@10", "passage_recall@5", "citation_validity", "citation_coverage",
           "groundedness", "key_fact_recall", "abstention_accuracy", "followup_accuracy")
ANSWER_CHARS = 300
# the plots: key in write_report's paths → (file name in the report folder, title)
PLOTS = {"metrics_png": ("metrics.png", "Metrieken per configuratie"), "latency_png": ("latency.png", "Antwoordtijd")}


def default_report_dir(index_dir: str | Path) -> Path:
    """Where a report goes unless told otherwise: beside the index it measured (data/index →
    data/eval-report), which is where the app of that index shows it."""
    return Path(index_dir).resolve().parent / "eval-report"


def write_report(result: dict, out_dir: str | Path) -> dict[str, Path]:
    """Write report.json, report.md, report.html and the PNG plots into `out_dir`."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    paths = {"json": out / "report.json", "md": out / "report.md", "html": out / "report.html",
             **{key: out / name for key, (name, _) in PLOTS.items()}}
    paths["json"].write_text(json.dumps(result, ensure_ascii=False, indent=2, default=str), encoding="utf-8")
    plots = {}
    if result["configurations"]:
        plots["metrics_png"] = metrics_plot(result)
        plots["latency_png"] = latency_plot(result)
    for key, png in plots.items():
        paths[key].write_bytes(png)
    for key in PLOTS:
        if key not in plots:
            paths.pop(key)
    paths["md"].write_text(markdown(result, {k: paths[k].name for k in plots}), encoding="utf-8")
    paths["html"].write_text(html_page(result, plots), encoding="utf-8")
    return paths


# -- numbers ------------------------------------------------------------------------------
def fmt(value, key: str = "") -> str:
    if value is None:
        return "—"
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, float):
        return f"{value:.0f}" if key.endswith("_ms") else f"{value:.3f}"
    return str(value)


def summary_rows(result: dict) -> list[tuple[str, str, list[str]]]:
    """(metric key, Dutch label, one formatted value per configuration), in report order."""
    configs = result["configurations"]
    keys = [k for k in SUMMARY_METRICS if any(c["summary"].get(k) is not None for c in configs)]
    keys += [k for c in configs for k in c["summary"] if k.startswith("ragas_") and k not in keys]
    return [(k, LABELS.get(k, k), [fmt(c["summary"].get(k), k) for c in configs]) for k in keys]


def index_text(result: dict) -> str:
    """"index DIR (36 documenten, 510 passages, embedder E)", one per library for a suite of sets."""
    libraries = result["index"]["sets"].values() if "sets" in result["index"] else [result["index"]]
    unique = {i["dir"]: i for i in libraries}.values()
    return "; ".join(f"index {i['dir']} ({i['documents']} documenten, {i['chunks']} passages, embedder {i['embedder']})"
                     for i in unique)


def summary_text(result: dict) -> str:
    """The summary as a plain-text table for the terminal."""
    configs = result["configurations"]
    lines = [f"Evaluatie: {result['n_questions']} vragen · {index_text(result)}"]
    if configs:
        width = max(len(label) for _, label, _ in summary_rows(result)) + 2
        columns = [max(9, len(c["name"]) + 2) for c in configs]
        lines.append("".ljust(width) + "".join(c["name"].rjust(w) for c, w in zip(configs, columns)))
        for _, label, values in summary_rows(result):
            lines.append(label.ljust(width) + "".join(v.rjust(w) for v, w in zip(values, columns)))
        lines.append("Vragen met een gemiste controle".ljust(width) + "".join(
            f"{c['summary']['n_failed']}/{c['summary']['n_questions']}".rjust(w) for c, w in zip(configs, columns)))
    for s in result["skipped"]:
        lines.append(f"Configuratie {s['name']}: {s['reason']}")
    lines += result["notes"]
    if result["warnings"]:
        lines.append(f"{len(result['warnings'])} waarschuwing(en) over de vragenset; zie het rapport.")
    return "\n".join(lines)


def describe(config: dict) -> str:
    """"hybrid · dense 0.6 · 220 tokens · 476 passages" for a configuration."""
    s = config["settings"]
    parts = [s["mode"]] + ([f"dense {s['dense_weight']}"] if s.get("dense_weight") is not None else [])
    parts.append(f"{s['chunk_tokens']} tokens")
    if s.get("passages") is not None:
        parts.append(f"{s['passages']} passages")
    return " · ".join(parts)


def ordered_questions(config: dict) -> list[dict]:
    """Failures first (most failures first), then the rest, each in the set's order."""
    rows = list(enumerate(config["questions"]))
    return [r for _, r in sorted(rows, key=lambda ir: (not ir[1]["failures"], -len(ir[1]["failures"]), ir[0]))]


def truncate(text: str, limit: int = ANSWER_CHARS) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


# -- plots --------------------------------------------------------------------------------
def metrics_plot(result: dict) -> bytes:
    configs = result["configurations"]
    keys = [k for k in PLOTTED if any(c["summary"].get(k) is not None for c in configs)]
    figure = Figure(figsize=(max(8, 1.1 * len(keys) + 3), 4.4), dpi=110)
    axes = figure.add_subplot()
    width = 0.8 / max(1, len(configs))
    for i, config in enumerate(configs):
        values = [config["summary"].get(k) or 0.0 for k in keys]
        axes.bar([x + i * width - 0.4 + width / 2 for x in range(len(keys))], values, width, label=config["name"])
    axes.set_xticks(range(len(keys)), [LABELS.get(k, k).replace(" (", "\n(") for k in keys], rotation=35,
                    ha="right", fontsize=7)
    axes.set_ylim(0, 1.05)
    axes.set_ylabel("score (0–1)")
    axes.set_title("Metrieken per configuratie")
    axes.legend(fontsize=7, loc="upper left", bbox_to_anchor=(1.01, 1.0))
    axes.grid(axis="y", alpha=0.3)
    figure.tight_layout()
    return _png(figure)


def latency_plot(result: dict) -> bytes:
    figure = Figure(figsize=(7, 3.6), dpi=110)
    axes = figure.add_subplot()
    everything = [r["latency_ms"] for c in result["configurations"] for r in c["questions"]]
    bins = min(30, max(5, len(everything) // 4)) if everything else 5
    for config in result["configurations"]:
        values = [r["latency_ms"] for r in config["questions"]]
        if values:
            # filled bars stay readable for a few configurations, outlines for many
            style = {"alpha": 0.5} if len(result["configurations"]) <= 3 else {"histtype": "step", "linewidth": 1.4}
            axes.hist(values, bins=bins, range=(0, max(everything)), label=config["name"], **style)
    axes.set_xlabel("antwoordtijd per vraag (ms)")
    axes.set_ylabel("vragen")
    axes.set_title("Antwoordtijd")
    axes.legend(fontsize=7, loc="upper left", bbox_to_anchor=(1.01, 1.0))
    figure.tight_layout()
    return _png(figure)


def _png(figure: Figure) -> bytes:
    import io

    buffer = io.BytesIO()
    figure.savefig(buffer, format="png")
    return buffer.getvalue()


# -- Markdown -----------------------------------------------------------------------------
def missed(row: dict) -> list[str]:
    """The per-question table's "Gemist": the failures, then what fell short without failing ("opmerking")."""
    return [*row["failures"], *(f"opmerking: {remark}" for remark in row.get("remarks", []))]


def _cell(text) -> str:
    return str(text).replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")


def markdown(result: dict, plot_files: dict[str, str]) -> str:
    configs = result["configurations"]
    out = ["# Evaluatierapport Thuiswijzer", ""]
    out += [f"- Gemaakt: {result['created']} ({result['seconds']} s)",
            f"- Vragen: {result['n_questions']} uit {', '.join(result['questions_source'])}",
            f"- Bibliotheek: {index_text(result)}",
            f"- Machine: {result['machine']['platform']} · {result['machine']['cpus']} cores · "
            f"Python {result['machine']['python']} · belasting bij het einde {fmt(result['machine'].get('load_average'))} "
            "(antwoordtijden hangen af van wat de machine verder doet)", ""]
    if configs:
        out += ["## Samenvatting", "", "| Metriek | " + " | ".join(c["name"] for c in configs) + " |",
                "|---|" + "---:|" * len(configs)]
        out += [f"| {_cell(label)} | " + " | ".join(values) + " |" for _, label, values in summary_rows(result)]
        out.append("| Vragen met een gemiste controle | " + " | ".join(
            f"{c['summary']['n_failed']}/{c['summary']['n_questions']}" for c in configs) + " |")
        out.append(f"| {QUESTIONS_ROW} | " + " | ".join(question_counts(c) for c in configs) + " |")
        out += ["", "Configuraties: " + "; ".join(f"**{c['name']}**: {c['label']} ({describe(c)})" for c in configs), ""]
        out += ["### Hoe lees je dit", ""] + [f"- {line}" for line in READING] + [""]
    if result["skipped"]:
        out += ["## Overgeslagen configuraties", ""] + [f"- **{s['name']}**: {_cell(s['reason'])}" for s in result["skipped"]] + [""]
    if result["notes"]:
        out += ["## Opmerkingen", ""] + [f"- {_cell(n)}" for n in result["notes"]] + [""]
    if result["warnings"]:
        out += ["## Waarschuwingen over de vragenset", ""] + [f"- {_cell(w)}" for w in result["warnings"]] + [""]
    for key, (_, title) in PLOTS.items():
        if key in plot_files:
            out += [f"![{title}]({plot_files[key]})", ""]
    for config in configs:
        out += [f"## Per categorie — {config['name']}", "",
                "| Categorie | Vragen | Recall@5 | Kernfeiten | Juist geweigerd/beantwoord | Mislukt |",
                "|---|---:|---:|---:|---:|---:|"]
        for category, row in config["by_category"].items():
            out.append(f"| {category} | {row['n']} | {fmt(row['recall@5'])} | {fmt(row['key_fact_recall'])} | "
                       f"{fmt(row['abstention_accuracy'])} | {row['failed']} |")
        out.append("")
    for config in configs:
        out += [f"## Per vraag — {config['name']} (mislukte eerst)", "",
                "| | Vraag | Zoekvraag | Opgehaald (top 5) | Antwoord | Gold | Gemist |", "|---|---|---|---|---|---|---|"]
        for row in ordered_questions(config):
            question = f"**{row['id']}** ({row['category']}): {row['question']}"
            if row["history"]:
                question += f" _(na {len(row['history'])} beurten)_"
            out.append("| " + " | ".join(_cell(x) for x in (
                "✗" if row["failures"] else "✓", question, row["query"], ", ".join(row["retrieved_docs"][:5]),
                ("[geweigerd] " if row["abstained"] else "") + truncate(row["answer"]),
                ", ".join(row["gold_docs"]) or "— (onbeantwoordbaar)", "; ".join(missed(row)) or "—")) + " |")
        out.append("")
    return "\n".join(out)


# -- HTML ---------------------------------------------------------------------------------
STYLE = """
body{font-family:system-ui,-apple-system,Segoe UI,sans-serif;margin:2rem auto;max-width:1200px;color:#1d2433;padding:0 1rem}
h1{font-size:1.6rem}h2{font-size:1.2rem;margin-top:2rem;border-bottom:1px solid #dde}
table{border-collapse:collapse;width:100%;font-size:.85rem;margin:.5rem 0}
th,td{border:1px solid #d5d9e2;padding:.3rem .45rem;vertical-align:top;text-align:left}
th{background:#eef1f6}td.num{text-align:right;font-variant-numeric:tabular-nums}
tr.fail td:first-child{color:#b00020;font-weight:bold}tr.ok td:first-child{color:#176b2c}
.meta{color:#555;font-size:.9rem}.small{font-size:.8rem;color:#555}img{max-width:100%}
details{margin:.5rem 0}summary{cursor:pointer;font-weight:600}
"""


def _e(value) -> str:
    return html.escape(str(value), quote=True)


def html_page(result: dict, plots: dict[str, bytes]) -> str:
    configs = result["configurations"]
    parts = ["<!DOCTYPE html>", '<html lang="nl"><head><meta charset="utf-8">',
             "<title>Evaluatierapport Thuiswijzer</title>", f"<style>{STYLE}</style></head><body>",
             "<h1>Evaluatierapport Thuiswijzer</h1>", '<p class="meta">',
             f"Gemaakt {_e(result['created'])} ({_e(result['seconds'])} s) · {_e(result['n_questions'])} vragen uit "
             f"{_e(', '.join(result['questions_source']))}<br>{_e(index_text(result))}<br>Machine {_e(result['machine']['platform'])} · "
             f"{_e(result['machine']['cpus'])} cores · Python {_e(result['machine']['python'])} · belasting bij het einde "
             f"{_e(fmt(result['machine'].get('load_average')))} (antwoordtijden hangen af van wat de machine verder doet)</p>"]
    if configs:
        parts.append("<h2>Samenvatting</h2>" + summary_table_html(result))
    for title, key in (("Overgeslagen configuraties", "skipped"), ("Opmerkingen", "notes"),
                       ("Waarschuwingen over de vragenset", "warnings")):
        if result[key]:
            items = [f"<b>{_e(s['name'])}</b>: {_e(s['reason'])}" if isinstance(s, dict) else _e(s) for s in result[key]]
            parts.append(f"<h2>{_e(title)}</h2><ul>" + "".join(f"<li>{i}</li>" for i in items) + "</ul>")
    for key, (_, title) in PLOTS.items():
        if key in plots:
            data = base64.b64encode(plots[key]).decode("ascii")
            parts.append(f'<h2>{_e(title)}</h2><img alt="{_e(title)}" src="data:image/png;base64,{data}">')
    for config in configs:
        parts.append(f"<h2>Per categorie — {_e(config['name'])}</h2><table><tr><th>Categorie</th><th>Vragen</th>"
                     "<th>Recall@5</th><th>Kernfeiten</th><th>Juist geweigerd/beantwoord</th><th>Mislukt</th></tr>")
        for category, row in config["by_category"].items():
            parts.append(f"<tr><td>{_e(category)}</td><td class=num>{row['n']}</td>"
                         f"<td class=num>{_e(fmt(row['recall@5']))}</td><td class=num>{_e(fmt(row['key_fact_recall']))}</td>"
                         f"<td class=num>{_e(fmt(row['abstention_accuracy']))}</td><td class=num>{row['failed']}</td></tr>")
        parts.append("</table>")
    for i, config in enumerate(configs):
        failed = config["summary"]["n_failed"]
        parts.append(f"<h2>Per vraag — {_e(config['name'])}</h2><details{' open' if i == 0 else ''}>"
                     f"<summary>{failed} van {config['summary']['n_questions']} vragen met een probleem "
                     f"(mislukte eerst)</summary>{questions_table_html(config)}</details>")
    parts.append("</body></html>")
    return "\n".join(parts)


def summary_table_html(result: dict) -> str:
    """The summary as an HTML table, one column per configuration (also shown in the app)."""
    configs = result["configurations"]
    parts = ["<table><tr><th>Metriek</th>"
             + "".join(f"<th>{_e(c['name'])}<br><span class=small>{_e(c['label'])}<br>{_e(describe(c))}</span></th>"
                       for c in configs)
             + "</tr>"]
    for _, label, values in summary_rows(result):
        parts.append(f"<tr><td>{_e(label)}</td>" + "".join(f'<td class="num">{_e(v)}</td>' for v in values) + "</tr>")
    parts.append("<tr><td>Vragen met een gemiste controle</td>" + "".join(
        f'<td class="num">{_e(c["summary"]["n_failed"])}/{_e(c["summary"]["n_questions"])}</td>' for c in configs)
        + "</tr>")
    parts.append(f"<tr><td>{_e(QUESTIONS_ROW)}</td>" + "".join(f'<td class="num">{_e(question_counts(c))}</td>'
                                                              for c in configs) + "</tr></table>")
    parts.append("<details><summary>Hoe lees je dit</summary><ul>"
                 + "".join(f"<li>{_markdown_inline(line)}</li>" for line in READING) + "</ul></details>")
    return "\n".join(parts)


QUESTIONS_ROW = "Vragen: beantwoordbaar (met gold-passage) · onbeantwoordbaar · vervolgvragen"


def question_counts(config: dict) -> str:
    """"42 (42) · 7 · 3": how many questions of each kind a configuration's rates are over."""
    summary = config["summary"]
    return (f"{summary.get('n_answerable', 0)} ({summary.get('n_with_passages', 0)}) · "
            f"{summary.get('n_unanswerable', 0)} · {summary.get('n_followup', 0)}")


def _markdown_inline(text: str) -> str:
    """`READING`'s Markdown (**bold**, *italic*, `code`) as escaped HTML."""
    text = _e(text)
    text = re.sub(r"\*\*(.+?)\*\*", r"<b>\1</b>", text)
    text = re.sub(r"\*(.+?)\*", r"<i>\1</i>", text)
    return re.sub(r"`(.+?)`", r"<code>\1</code>", text)


def questions_table_html(config: dict) -> str:
    """One configuration's questions as an HTML table, failures first (also shown in the app)."""
    parts = ["<table><tr><th></th><th>Vraag</th><th>Zoekvraag</th><th>Opgehaald (top 5)</th><th>Antwoord</th>"
             "<th>Gold</th><th>Gemist</th></tr>"]
    for row in ordered_questions(config):
        history = f"<br><span class=small>na {len(row['history'])} beurten</span>" if row["history"] else ""
        answer = ("<i>[geweigerd]</i> " if row["abstained"] else "") + _e(truncate(row["answer"]))
        shortfalls = "<br>".join(_e(f) for f in missed(row)) or "—"
        parts.append(
            f"<tr class={'fail' if row['failures'] else 'ok'}><td>{'✗' if row['failures'] else '✓'}</td>"
            f"<td><b>{_e(row['id'])}</b> <span class=small>({_e(row['category'])})</span><br>{_e(row['question'])}{history}</td>"
            f"<td>{_e(row['query'])}</td><td>{'<br>'.join(_e(d) for d in row['retrieved_docs'][:5]) or '—'}</td>"
            f"<td>{answer}</td><td>{'<br>'.join(_e(d) for d in row['gold_docs']) or '— (onbeantwoordbaar)'}</td>"
            f"<td>{shortfalls}</td></tr>")
    parts.append("</table>")
    return "\n".join(parts)
