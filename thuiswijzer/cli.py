"""The `thuiswijzer` command: ingest, docs, remove, reindex, search, ask, serve, eval, hash-password."""

from __future__ import annotations

import argparse
import json
import logging
import re
import sys
from dataclasses import asdict
from pathlib import Path

from thuiswijzer.config import SettingError, Settings

TYPES = ("regelgeving", "handreiking", "regioprofiel", "praktijkvoorbeeld", "overig")


def main(argv: list[str] | None = None) -> int:
    # the PDF libraries log what they could not read ("EOF marker not found"); the editor reads why
    # a file failed, in Dutch, in the ingest report
    for library in ("pypdf", "pdfminer"):
        logging.getLogger(library).setLevel(logging.ERROR)
    try:
        settings = Settings()
    except SettingError as problem:
        print(f"Fout: {problem}", file=sys.stderr)
        return 1
    parser = _parser(settings)
    args = parser.parse_args(argv)
    if not hasattr(args, "run"):
        parser.print_help()
        return 2
    from assistant.question_length import QuestionTooLong
    from index.storage import IndexProblem

    try:
        return args.run(args, settings)
    except (IndexProblem, QuestionTooLong) as problem:
        print(f"Fout: {problem}", file=sys.stderr)
        return 1
    except BrokenPipeError:  # the reader went away (`thuiswijzer docs | head -1`): nothing to say to it
        sys.stderr.close()  # and no "Exception ignored … BrokenPipeError" when Python flushes at exit
        return 0
    except ConnectionError as problem:  # a Ray address nobody answers on
        print(f"Fout: geen Ray-cluster bereikbaar ({problem}). Controleer het adres, of gebruik --ray auto.",
              file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("\nAfgebroken; de index is ongewijzigd gebleven.", file=sys.stderr)
        return 130


# argparse's own English, as an editor reads it in Dutch; "%s" and "%r" parts are kept as they were
_DUTCH_ERRORS = [
    (re.compile(r"the following arguments are required: (.*)"), r"dit ontbreekt nog: \1"),
    (re.compile(r"argument (\S+): invalid choice: (.*) \(choose from (.*)\)"), r"\1: \2 kan niet; kies uit \3"),
    (re.compile(r"argument (\S+): expected one argument"), r"\1: geef er een waarde bij"),
    (re.compile(r"argument (\S+): invalid (\w+) value: (.*)"), r"\1: \3 is geen geldige waarde"),
    (re.compile(r"unrecognized arguments: (.*)"), r"onbekend: \1 (zie --help)"),
    (re.compile(r"argument (\S+): (.*)"), r"\1: \2"),
]


class _DutchFormatter(argparse.HelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):
        super().add_usage(usage, actions, groups, "gebruik: " if prefix is None else prefix)


class DutchParser(argparse.ArgumentParser):
    """argparse with Dutch where an editor reads it: usage, the group titles, -h and the errors.
    The subcommands' parsers are of this class too (argparse makes them of the parent's class)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, add_help=False, formatter_class=_DutchFormatter, **kwargs)
        self._positionals.title = "argumenten"
        self._optionals.title = "opties"
        self.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS, help="deze hulp tonen en stoppen")

    def error(self, message: str):
        for english, dutch in _DUTCH_ERRORS:
            if english.fullmatch(message):
                message = english.sub(dutch, message)
                break
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: fout: {message}\n")


def _parser(settings: Settings) -> argparse.ArgumentParser:
    parser = DutchParser(prog="thuiswijzer", description="Kennisassistent Een thuis voor iedereen")
    sub = parser.add_subparsers(title="opdrachten")

    def command(name: str, help_text: str, run) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_text, description=help_text)
        p.add_argument("--index", type=Path, default=settings.index_dir,
                       help="indexmap (standaard $THUISWIJZER_INDEX of data/index)")
        p.set_defaults(run=run)
        return p

    p = command("ingest", "documenten toevoegen of bijwerken (een map wordt doorlopen)", _ingest)
    p.add_argument("paths", nargs="+", type=Path, metavar="PAD")
    p.add_argument("--type", choices=TYPES, help="soort document (standaard: uit het document of de bestandsnaam)")
    p.add_argument("--region", help="regio waarover het document gaat, zoals 'Parkstad Limburg' ('-' wist een "
                                    "eerder gegeven regio)")
    p.add_argument("--title", help="titel van het document (alleen bij één bestand; '-' wist een eerder gegeven titel)")
    p.add_argument("--source-url", help="adres van het origineel (alleen bij één bestand)")
    p.add_argument("--municipalities", help="gemeenten, met komma's gescheiden ('-' wist ze)")
    p.add_argument("--date", metavar="JJJJ-MM-DD", help="datum van de tekst (standaard: uit het document)")
    p.add_argument("--prune", action="store_true", help="documenten uit deze mappen verwijderen als het bestand weg is")
    p.add_argument("--force", action="store_true", help="ook ongewijzigde bestanden opnieuw verwerken")
    p.add_argument("--ray", metavar="ADRES",
                   help="lezen, knippen en embedden op een Ray-cluster (adres, of 'auto' voor een lokaal cluster)")

    p = command("docs", "documenten in de index tonen", _docs)
    p.add_argument("--json", action="store_true", help="als JSON, voor scripts")
    p.add_argument("--since", type=_since, metavar="JJJJ-MM-DD", help="alleen documenten niet ouder dan deze datum")

    p = command("remove", "documenten verwijderen (id of pad)", _remove)
    p.add_argument("targets", nargs="+", metavar="DOC_ID|PAD")

    command("reindex", "alle documenten opnieuw inlezen met de huidige embedder en instellingen", _reindex)

    for name, help_text, run in (("search", "passages zoeken", _search), ("ask", "een vraag stellen", _ask)):
        p = command(name, help_text, run)
        p.add_argument("question", metavar="VRAAG")
        p.add_argument("--json", action="store_true", help="als JSON, voor scripts")
        p.add_argument("--k", type=_at_least_one, default=8, metavar="AANTAL", help="hoeveel passages (standaard 8)")
        p.add_argument("--since", type=_since, metavar="JJJJ-MM-DD",
                       help="niet ouder dan: alleen documenten met een tekst van deze datum of later")
        p.add_argument("--type", choices=TYPES, help="alleen documenten van deze soort")
        p.add_argument("--region", help="alleen documenten van deze regio")
        # ids are slugs (`ingest.metadata.doc_id_for`): "PBL-2023-…" as typed names "pbl-2023-…"
        p.add_argument("--doc", action="append", default=[], metavar="DOC_ID", type=lambda d: d.strip().lower(),
                       help="alleen in dit document (herhaal voor meer; de ids toont `thuiswijzer docs`)")
        if name == "ask":
            p.add_argument("--history", type=Path, metavar="GESPREK.json",
                           help="bestand met het gesprek tot nu toe: een JSON-lijst van {role, content}")
        else:
            p.add_argument("--mode", choices=("hybrid", "dense", "bm25"), default="hybrid")

    p = command("serve", "de webapp starten", _serve)
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=7860)
    p.add_argument("--local-editor", action="store_true",
                   help="Beheer-tab zonder inlog openen (alleen voor lokaal gebruik door één persoon)")

    from evals.configs import CONFIGS  # names only: nothing heavy is imported for --help

    p = command("eval", "antwoordkwaliteit meten op een vragenset", _eval)
    p.add_argument("questions", nargs="?", type=Path, metavar="VRAGEN.yaml")
    p.add_argument("--json", action="store_true", help="de uitkomst als JSON, voor scripts")
    p.add_argument("--report", type=Path, metavar="MAP",
                   help="schrijf report.json, report.md en report.html in deze map (standaard naast de index)")
    p.add_argument("--config", action="append", dest="configs", metavar="NAAM",
                   help=f"zoekconfiguratie om te vergelijken (herhaalbaar): {', '.join(CONFIGS)}")
    p.add_argument("--corpus", type=Path,
                   help="werk eerst de index (--index) bij uit deze map, zoals `thuiswijzer ingest MAP --prune`; "
                        "configuraties met een andere passagegrootte lezen hem in een tijdelijke index")
    p.add_argument("--set", action="append", dest="sets", metavar="NAAM",
                   help="vragenset met eigen bibliotheek: bundled, real, rijksoverheid, pbl, pbl-document, kamervragen, "
                        "off-topic, typos of alle (herhaalbaar; afstemdeel en toetsdeel naast elkaar)")
    p.add_argument("--cache", type=Path, default=Path("data/eval"),
                   help="waar de bibliotheken van --set worden gebouwd (ongewijzigde bestanden worden overgeslagen)")

    p = sub.add_parser("hash-password", help="een wachtwoord-hash maken voor THUISWIJZER_EDITORS(_FILE)",
                       description="Vraagt een wachtwoord (of leest het van stdin) en drukt de argon2-hash af; "
                                   "zet die als naam:HASH in THUISWIJZER_EDITORS of in het beheerdersbestand.")
    p.set_defaults(run=_hash_password)
    return parser


# -- commands ---------------------------------------------------------------------------
def _writer(args, settings: Settings):
    from index.embedders import lazy_embedder
    from index.writer import IndexWriter, RayTarget

    # loaded only when there is something to embed: `remove` and an unchanged folder import no torch
    embedder = lazy_embedder(settings.embedder, settings.query_prefix, settings.passage_prefix)
    ray = getattr(args, "ray", None)
    return IndexWriter(args.index, embedder, settings.chunk_tokens, settings.chunk_overlap, settings.max_file_bytes,
                       max_expanded_bytes=settings.max_expanded_bytes, max_passages=settings.max_passages,
                       ray=RayTarget(ray, settings.embedder, settings.query_prefix, settings.passage_prefix) if ray else None)


def _ingest(args, settings: Settings) -> int:
    one_file = len(args.paths) == 1 and not args.paths[0].is_dir()
    if not one_file and (args.title or args.source_url):
        # one title for a folder would make every document in it look the same in the sources
        print("Fout: --title en --source-url gelden voor één bestand. Geef één bestand, of zet de titel en het "
              "adres per document in een sidecar naast het bestand (nota.pdf.meta.yaml).", file=sys.stderr)
        return 2
    overrides = {
        "type": args.type, "region": args.region, "title": args.title, "source_url": args.source_url,
        "date": args.date,
        "municipalities": [m.strip() for m in args.municipalities.split(",")] if args.municipalities else None,
    }
    with _ProgressBars() as bars:
        report = _writer(args, settings).ingest(args.paths, overrides, prune=args.prune, force=args.force,
                                                progress=bars.update)
    _print_report(report)
    return 1 if report.count("failed") else 0


def _reindex(args, settings: Settings) -> int:
    with _ProgressBars() as bars:
        report = _writer(args, settings).reindex(progress=bars.update)
    _print_report(report)
    return 1 if report.count("failed") else 0


def _remove(args, settings: Settings) -> int:
    report = _writer(args, settings).remove(args.targets)
    _print_report(report)
    return 1 if report.count("failed") else 0


def _docs(args, settings: Settings) -> int:
    from index.searcher import Index

    from index.models import Filters, passages
    from ingest.dates import dutch_date

    documents = Index.open(args.index, preferred_embedder=settings.embedder).documents()
    documents = [d for d in documents if Filters.of(since=args.since).accepts(d)]
    if args.json:
        print(json.dumps([_document_json(d) for d in documents], ensure_ascii=False, indent=2))
        return 0
    for d in documents:
        region = f" · {d.metadata.region}" if d.metadata.region else ""
        pages = f" · {d.n_pages} p." if d.n_pages else ""
        date = f" · {dutch_date(d.metadata.date)}" if d.metadata.date else " · zonder datum"
        print(f"{d.doc_id}\n    {d.display_title} — {d.metadata.type}{region}{date}{pages} · {passages(d.n_chunks)}\n    {d.source}")
    print(f"\n{len(documents)} {'document' if len(documents) == 1 else 'documenten'}")
    return 0


def _search(args, settings: Settings) -> int:
    from index.models import Filters
    from index.searcher import Index
    from ingest.chunking import shown_path

    if is_empty(args.question):
        return 2
    index = Index.open(args.index, preferred_embedder=settings.embedder, dense_weight=settings.dense_weight)
    if unknown_documents(args.doc, index):
        return 2
    hits = index.search(args.question, args.k, Filters.of(args.type, args.region, args.doc, args.since), mode=args.mode)
    rows = [
        {"n": i, "doc_id": h.document.doc_id, "title": h.document.display_title, "source": h.document.source,
         "page": h.chunk.page_start, "section": h.chunk.section, "text": h.chunk.text, "score": round(h.score, 6),
         "dense_score": h.dense_score, "bm25_score": h.bm25_score}
        for i, h in enumerate(hits, start=1)
    ]
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
    else:
        for row in rows:
            shown = shown_path(row["section"], row["title"], index.document(row["doc_id"]).metadata.document_heading)
            place = " · ".join(str(x) for x in (shown, f"p. {row['page']}" if row["page"] else None) if x)
            print(f"[{row['n']}] {row['title']}" + (f" — {place}" if place else ""))
            print("    " + row["text"][:300].replace("\n", " ") + "\n")
    return 0


def is_empty(question: str) -> bool:
    """True, with a Dutch message on stderr, when there is no question to ask or search for."""
    if question.strip():
        return False
    print('Fout: de vraag is leeg. Stel een vraag, bijvoorbeeld: thuiswijzer ask "Wat regelen we regionaal?"',
          file=sys.stderr)
    return True


def unknown_documents(doc_ids: list[str], index) -> bool:
    """True, with a Dutch message on stderr, when a `--doc` id names no document in `index`:
    searching nothing would look like an empty answer, not like a typing error."""
    unknown = [d or '""' for d in doc_ids if index.document(d) is None]
    if unknown:
        print(f"Fout: {', '.join(unknown)} staat niet in de kennisbank. "
              "De ids van de documenten toont: thuiswijzer docs", file=sys.stderr)
    return bool(unknown)


def read_history(path: Path) -> list[dict] | str:
    """The conversation in `path` (a JSON list of {"role", "content"}), or the Dutch reason it cannot be read."""
    fix = 'Geef een JSON-lijst als [{"role": "user", "content": "…"}, {"role": "assistant", "content": "…"}].'
    try:
        history = json.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        return f"het gesprek {path} is niet te lezen ({error.strerror or error}). {fix}"
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        return f"het gesprek {path} is geen geldige JSON ({error}). {fix}"
    if not isinstance(history, list) or not all(
            isinstance(m, dict) and isinstance(m.get("role"), str) and isinstance(m.get("content"), str) for m in history):
        return f"het gesprek {path} heeft niet de goede vorm. {fix}"
    return history


def _ask(args, settings: Settings) -> int:
    from assistant import Assistant

    if is_empty(args.question):
        return 2
    history = read_history(args.history) if args.history else None
    if isinstance(history, str):
        print(f"Fout: {history}", file=sys.stderr)
        return 2
    assistant = Assistant.load(args.index, settings=settings)
    if unknown_documents(args.doc, assistant.index.get()):
        return 2
    filters = {"type": args.type, "region": args.region, "since": args.since, "doc_id": args.doc or None}
    answer = assistant.ask(args.question, history=history, filters=filters, k=args.k)
    if args.json:
        print(json.dumps(answer.to_json(), ensure_ascii=False, indent=2))
    else:
        searched = answer.searched_for(args.question)
        print((f"Gezocht op: {searched}\n\n" if searched else "") + answer.text)
    return 0


def _serve(args, settings: Settings) -> int:
    import app

    app.serve(index_dir=args.index, host=args.host, port=args.port, local_editor=args.local_editor)
    return 0


def _hash_password(args, settings: Settings) -> int:
    import getpass

    from app_login import hash_password

    if sys.stdin.isatty():
        password = getpass.getpass("Wachtwoord: ")
        if getpass.getpass("Nog een keer: ") != password:
            print("Fout: de wachtwoorden verschillen.", file=sys.stderr)
            return 1
    else:  # piped in, e.g. from a password manager: the first line
        password = sys.stdin.readline().rstrip("\r\n")
    if not password:
        print("Fout: een leeg wachtwoord kan niet.", file=sys.stderr)
        return 1
    print(hash_password(password))
    return 0


def _eval(args, settings: Settings) -> int:
    from evals.runner import main as run_eval

    return run_eval(args, settings)


# -- output -----------------------------------------------------------------------------
def _since(value: str) -> str:
    """The --since date as ISO text; argparse shows the Dutch reason for a date that does not exist."""
    from ingest.dates import InvalidDate, editor_date

    try:
        return editor_date(value)
    except InvalidDate as error:
        raise argparse.ArgumentTypeError(f"{error}; schrijf de datum als JJJJ-MM-DD, bijvoorbeeld 2025-01-01") from error


def _at_least_one(text: str) -> int:
    try:
        number = int(text)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"'{text}' is geen aantal; geef een geheel getal van 1 of meer")
    return number


def _document_json(d) -> dict:
    return {"doc_id": d.doc_id, "title": d.display_title, "source": d.source, "n_chunks": d.n_chunks, "n_pages": d.n_pages,
            "content_hash": d.content_hash, "added_at": d.added_at,
            **{k: v for k, v in asdict(d.metadata).items() if k not in {"title", "display_title"}}}


def _print_report(report) -> None:
    from index.models import passages

    labels = {"added": "toegevoegd", "updated": "bijgewerkt", "removed": "verwijderd", "failed": "MISLUKT",
              "duplicate": "dubbel", "reindexed": "opnieuw ingelezen"}
    for f in report.files:
        if f.status in labels:
            detail = f": {f.reason}" if f.reason else (f" ({passages(f.chunks)})" if f.chunks else "")
            print(f"  {labels[f.status]:<11} {f.path}{detail}", file=sys.stderr if f.status == "failed" else sys.stdout)
    print(f"Klaar: {report.summary()}")


class _ProgressBars:
    """One tqdm bar per stage, for long ingests in a terminal."""

    NAMES = {"lezen": "Lezen en knippen", "embedden": "Embedden"}

    def __enter__(self):
        self._bars = {}
        return self

    def update(self, stage: str, done: int, total: int) -> None:
        from tqdm import tqdm

        bar = self._bars.get(stage)
        if bar is None:
            bar = self._bars[stage] = tqdm(total=total, desc=self.NAMES.get(stage, stage), unit=" st", leave=False,
                                           disable=None)
        bar.update(done - bar.n)

    def __exit__(self, *exc) -> None:
        for bar in self._bars.values():
            bar.close()


if __name__ == "__main__":
    sys.exit(main())
