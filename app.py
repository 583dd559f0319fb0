"""The Thuiswijzer web app (Gradio): Vragen (chat with Bronnen panel), Beheer (editors) and
Evaluatie (the latest evaluation report; editors run the gold set again).

Thin by design: it parses, calls `assistant` and `index`, and renders through
`app_render` (pure functions: escaping, the Bronnen panel). One Assistant, with its
model and index, is loaded once and shared by every session; a search during an
ingest answers from the last complete index generation.

    python app.py --index data/index [--host H --port P --local-editor]
"""

from __future__ import annotations

import os

# set before gradio is imported: no analytics, no model hub lookups
os.environ["GRADIO_ANALYTICS_ENABLED"] = "False"
os.environ.setdefault("HF_HUB_OFFLINE", "1")

import argparse  # noqa: E402
import contextlib  # noqa: E402
import json  # noqa: E402
import logging  # noqa: E402
import re  # noqa: E402
import shutil  # noqa: E402
import socket  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
import threading  # noqa: E402
import time  # noqa: E402
import uuid  # noqa: E402
from datetime import datetime, timezone  # noqa: E402
from pathlib import Path  # noqa: E402

import fastapi  # noqa: E402
import gradio as gr  # noqa: E402
import uvicorn  # noqa: E402
from fastapi.responses import FileResponse, HTMLResponse, PlainTextResponse  # noqa: E402

import app_render as render  # noqa: E402
from app_gradio_nl import GRADIO_DUTCH  # noqa: E402
from app_login import LoginGuard, read_editors  # noqa: E402

from assistant import Answer, Assistant  # noqa: E402
from assistant.condense import carried_from  # noqa: E402
from assistant.question_length import QuestionTooLong  # noqa: E402
from evals.configs import CONFIGS  # noqa: E402
from evals.questions import DEFAULT_SET, QuestionSetError  # noqa: E402
from evals.report import PLOTS, default_report_dir, write_report  # noqa: E402
from evals.runner import run_evaluation  # noqa: E402
from index.embedders import make_embedder  # noqa: E402
from index.models import FileResult, IngestReport  # noqa: E402
from index.searcher import LiveIndex  # noqa: E402
from index.storage import IndexNotFound, IndexProblem, held_writer_lock  # noqa: E402
from index.writer import IndexWriter  # noqa: E402
from ingest.dates import InvalidDate, dutch_date, editor_date  # noqa: E402
from ingest.errors import IngestError  # noqa: E402
from ingest.loaders import SUPPORTED_EXTENSIONS, is_skipped_in_folder, load_document  # noqa: E402
from ingest.markdown import split_front_matter  # noqa: E402
from ingest.metadata import doc_id_for, too_long  # noqa: E402
from ingest.models import DOC_TYPES  # noqa: E402
from ingest.text import decode_text  # noqa: E402
from thuiswijzer.config import SettingError, Settings  # noqa: E402

log = logging.getLogger("thuiswijzer.app")
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")

TITLE = "Thuiswijzer"
SUBTITLE = (
    "Kennisassistent voor beleidsmedewerkers van het programma <em>Een thuis voor iedereen</em>: "
    "antwoorden uit de kennisbank, met de passages waarop ze steunen."
)
EXAMPLES = [
    "Wat regelen we regionaal en wat lokaal?",
    "Hoe richt je de procesorganisatie in?",
    "Welke groepen krijgen urgentie?",
]
ALL_TYPES = "Alle typen"
ALL_REGIONS = "Alle regio's"
ALL_DATES = "Alle datums"
FROM_FILE = "(uit het document)"
HISTORY_TURNS = 3  # earlier question/answer pairs handed to the assistant for a follow-up
# An extractive answer is shown growing in TYPING_STEPS steps, TYPING_DELAY seconds apart: pacing
# for the eye. Each step is a whole message through Gradio's queue (~6 ms of server time), so the
# count is fixed; at 3 words a step a normal question cost 0.46 s instead of 0.06 s on the server.
TYPING_STEPS = 8
TYPING_DELAY = 0.05
CONCURRENCY = 8  # chat events running at once; the rest wait in the queue (answers take ~0.1 s of CPU)
FAILED_LOGIN_DELAY = 1.0
# A question longer than this takes the long-question lane: one at a time, so clients sending the
# longest allowed questions non-stop share one core and normal questions keep the other. Measured
# (benchmarks/bench_security.py): a 1000-character question costs ~1 s of embedding on a busy core,
# a 40-character one ~35 ms; eight long ones at once made a normal question wait 6-11 s.
LONG_QUESTION_CHARS = 250
# torch threads per call in the server. Measured on 2 busy cores: a query embedding takes 20-40 ms
# on one thread, but with two threads it stalls for ~2.5 s whenever the cores are oversubscribed
# (several users at once, or an ingest); concurrent users give the parallelism instead.
TORCH_THREADS = 1
UPLOAD_TYPES = sorted(SUPPORTED_EXTENSIONS)
EVAL_QUESTIONS = DEFAULT_SET  # the bundled gold set, evals/gold.yaml
EVAL_BASE = "hybrid"  # always evaluated; the Evaluatie tab can add these for comparison:
EVAL_EXTRA = ("bm25", "dense")
# every event but the chat question is private: not listed in /gradio_api/info, not offered to API clients
PRIVATE = {"api_visibility": "private"}
# how soon "Regio", "Niet ouder dan" and "Alleen in" list a document added from the command line (seconds)
LIBRARY_POLL_SECONDS = 15
# Gradio's own upload limit: a file up to this multiple of the editors' limit still reaches the app and is
# refused with its Dutch reason; past it Gradio refuses it with its own (English) message
TRANSPORT_LIMIT_FACTOR = 2
# sent with every response: no page of this app inside another site's frame (clickjacking)
SECURITY_HEADERS = {"X-Frame-Options": "DENY", "X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer"}
FRAME_POLICY = "frame-ancestors 'none'"
HIDDEN_PATHS = ("/gradio_api/openapi.json",)  # the Gradio API described for anyone: not needed by the page
CANCELLED = "gestopt op verzoek; de kennisbank is zoals ze was."


class IngestCancelled(Exception):
    """An editor pressed Stoppen: raised from the progress report, so the writer stops before it
    writes a new generation and the index stays as it was."""


def make_theme() -> gr.themes.Base:
    """The default theme in blue, with font weights whose files really ship in the package.

    The bundled SourceSansPro-SemiBold (600) holds only a few glyphs, so headings mixed two
    fonts ("ʙronnen"); with 400 and 700 loaded, weight 600 falls back to the full Bold file.
    """
    return gr.themes.Default(
        primary_hue="blue",
        font=[gr.themes.LocalFont("Source Sans Pro", weights=(400, 700)), "ui-sans-serif", "system-ui", "sans-serif"],
        font_mono=[gr.themes.LocalFont("IBM Plex Mono", weights=(400, 700)), "ui-monospace", "monospace"],
    )


class ThuiswijzerApp:
    """The shared state of one server (assistant, settings, editors) and the event handlers."""

    def __init__(self, index_dir: str | Path | None = None, settings: Settings | None = None,
                 local_editor: bool = False, assistant: Assistant | None = None, upload_dir: str | Path | None = None):
        self.settings = settings or Settings()
        self.index_dir = Path(index_dir or self.settings.index_dir)
        self.assistant = assistant or load_assistant(self.index_dir, self.settings)
        self.local_editor = local_editor
        self.login_guard = LoginGuard(read_editors(self.settings.editor_credentials, self.settings.editors_file),
                                      self.settings.login_limit_per_name, self.settings.login_limit_per_client)
        self.editors = self.login_guard.editors
        configured = upload_dir or self.settings.upload_dir
        self.upload_dir = Path(configured) if configured else self.index_dir.resolve().parent / "uploads"
        self.eval_report_dir = default_report_dir(self.index_dir)
        self._feedback_lock = threading.Lock()
        self._eval_lock = threading.Lock()  # one evaluation run at a time
        self._embedder = None
        self._long_questions = threading.Semaphore(1)  # the lane of LONG_QUESTION_CHARS
        self._cancel = threading.Event()  # set by Stoppen; checked at each progress step of a write
        self._writing = threading.Event()
        self.clean_uploads()

    # -- shared helpers -------------------------------------------------------------
    @property
    def editing_enabled(self) -> bool:
        return self.local_editor or bool(self.editors)

    def regions(self) -> list[str]:
        try:
            return self.assistant.index.get().regions()
        except IndexProblem:
            return []

    def since_choices(self) -> list[tuple[str, str]]:
        """"Niet ouder dan" choices: every year the documents' texts date from, newest first."""
        years = sorted({d.metadata.date[:4] for d in self.documents() if d.metadata.date}, reverse=True)
        return [(ALL_DATES, "")] + [(f"1 januari {year}", f"{year}-01-01") for year in years]

    def documents(self) -> list:
        try:
            return self.assistant.index.get().documents()
        except IndexProblem:
            return []

    def embedder(self):
        """The assistant's embedder, so the model is loaded once for searching and writing."""
        try:
            return self.assistant.index.get().embedder
        except IndexNotFound:
            if self._embedder is None:
                self._embedder = self.assistant.index.embedder or make_embedder(
                    self.settings.embedder, self.settings.query_prefix, self.settings.passage_prefix)
            return self._embedder

    def writer(self) -> IndexWriter:
        s = self.settings
        return IndexWriter(self.index_dir, self.embedder(), s.chunk_tokens, s.chunk_overlap, s.max_file_bytes,
                           max_expanded_bytes=s.max_expanded_bytes, max_passages=s.max_passages)

    # -- Vragen ----------------------------------------------------------------------
    @staticmethod
    def new_session() -> dict:
        return {"turns": [], "messages": []}

    def respond(self, message: str, session: dict | None, doc_type: str | None, region: str | None,
                since: str | None = None, doc_ids: list[str] | None = None):
        """Answer a question, streaming into the chat; yields (chat, bronnen, textbox, session).
        `doc_ids` limits the search to those documents ("Alleen in"), none meaning all."""
        session = session or self.new_session()
        question = (message or "").strip()
        if not question:  # a click on Vraag with nothing typed: say so, rather than seem not to react
            gr.Info("Typ eerst een vraag in het tekstvak.", duration=4)
            yield session["messages"], gr.skip(), gr.skip(), session
            return
        turns: list[render.Turn] = session["turns"]
        messages: list[dict] = session["messages"]
        history = []
        for earlier in turns[-HISTORY_TURNS:]:
            history += [{"role": "user", "content": earlier.question}, {"role": "assistant", "content": earlier.answer}]
        turn = render.Turn(len(turns) + 1, question)
        cap = self.settings.max_question_chars  # a longer question is refused below; show only its start
        shown = question if len(question) <= cap else question[:cap] + " …"
        messages.append({"role": "user", "content": render.escape_markdown(shown)})
        messages.append({"role": "assistant", "content": "_Even zoeken in de kennisbank…_"})
        turn.message_index = len(messages) - 1
        yield messages, gr.skip(), "", session

        filters = {"type": doc_type or None, "region": region or None, "since": since or None,
                   "doc_id": [d for d in doc_ids or [] if d] or None}
        problem = self.filter_problem(**filters)
        if problem:
            messages[-1]["content"] = render.escape_markdown(problem)
            yield messages, gr.skip(), gr.skip(), session
            return
        answer: Answer | None = None
        streamed = False
        lane = self._long_questions if len(question) > LONG_QUESTION_CHARS else contextlib.nullcontext()
        try:
            with lane:
                for text, final in self.assistant.stream(question, history, filters):
                    if final is None:
                        streamed = True
                        messages[-1]["content"] = render.render_answer(text, turn.number)
                        yield messages, gr.skip(), gr.skip(), session
                    else:
                        answer = final
        except (IndexProblem, QuestionTooLong) as error:
            log.info("question refused: %s", error)
            messages[-1]["content"] = render.escape_markdown(str(error))
            yield messages, gr.skip(), gr.skip(), session
            return
        except Exception:  # never a stack trace in the chat; the log has it
            log.exception("answering failed")
            answer = None
        if answer is None:
            messages[-1]["content"] = ("Er ging iets mis bij het beantwoorden van deze vraag. "
                                       "Probeer het opnieuw, of meld het bij de beheerder.")
            yield messages, gr.skip(), gr.skip(), session
            return

        carried = carried_from(question, answer.query, history)
        searched = answer.searched_for(question)
        note = ("Gelezen als vervolg op: " + " en ".join(f"„{earlier}”" for earlier in carried) if carried
                else f"Gezocht op: {searched}" if searched else None)
        if not streamed:  # an extractive answer arrives whole: show it growing, word by word
            body = answer.text.split("\n\n**Bronnen**")[0]
            for prefix in render.typing_steps(body, TYPING_STEPS):
                messages[-1]["content"] = render.render_answer(prefix, turn.number, answer.citations, note)
                yield messages, gr.skip(), gr.skip(), session
                time.sleep(TYPING_DELAY)
        turn.answer, turn.query, turn.citations, turn.abstained = (
            answer.text, answer.query, answer.citations, answer.abstained)
        turns.append(turn)
        messages[-1]["content"] = render.render_answer(answer.text, turn.number, answer.citations, note)
        yield messages, render.render_sources_panel(turns), gr.skip(), session

    def filter_problem(self, type: str | None, region: str | None, since: str | None,
                       doc_id: list[str] | None) -> str | None:
        """Why these filters cannot be searched with, in Dutch, or None. The dropdowns take values
        outside the choices they were built with (`allow_custom_value`): a document or region added
        after the page was served is chosen on the page or through the API, so the app checks here."""
        def shown(value: str) -> str:
            return value if len(value) <= 60 else value[:60] + "…"

        if type and type not in DOC_TYPES:
            return f"Onbekend documenttype ‘{shown(type)}’. Kies uit: {', '.join(DOC_TYPES)}."
        if region and region not in self.regions():
            return (f"De regio ‘{shown(region)}’ komt in de kennisbank niet voor. "
                    "Kies een regio uit de lijst, of laat het veld leeg.")
        if since and not ISO_DATE.fullmatch(since):
            return f"‘Niet ouder dan’ verwacht een datum zoals 2024-01-01, niet ‘{shown(since)}’."
        known = {d.doc_id for d in self.documents()}
        missing = [d for d in doc_id or [] if d not in known]
        if missing:
            return (f"Niet (meer) in de kennisbank: {', '.join(shown(d) for d in missing[:3])}. Kies onder "
                    "‘Alleen in’ documenten die er wel in staan, of laat het veld leeg.")
        return None

    def new_conversation(self):
        """An empty chat over the whole library: a document chosen under "Alleen in" for the last
        conversation kept blocking the next one's questions (helper-67)."""
        session = self.new_session()
        return [], render.EMPTY_PANEL, "", session, gr.update(visible=False), None, "", "", "", []

    # -- feedback --------------------------------------------------------------------
    def vote(self, session: dict | None, data: gr.LikeData):
        """A thumbs up or down: logged at once; the comment box opens for an optional remark."""
        index = data.index[0] if isinstance(data.index, (list, tuple)) else data.index
        turn = next((t for t in (session or {}).get("turns", []) if t.message_index == index), None)
        if turn is None:
            return gr.update(visible=False), None
        liked = data.liked
        vote = {True: "up", "Like": "up", False: "down", "Dislike": "down"}.get(liked, "none")
        record = self.feedback_record(turn, vote)
        self.append_feedback(record)
        return gr.update(visible=vote != "none"), record

    def comment(self, text: str, pending: dict | None):
        text = (text or "").strip()
        if pending and text:
            self.append_feedback({**pending, "timestamp": _now(), "comment": text[:2000]})
            gr.Info("Bedankt, je toelichting is opgeslagen.", duration=4)
        return gr.update(visible=False), None, ""

    @staticmethod
    def feedback_record(turn: render.Turn, vote: str) -> dict:
        return {
            "timestamp": _now(),
            "id": uuid.uuid4().hex,
            "question": turn.question,
            "query": turn.query,
            "answer": turn.answer,
            "citations": [c.doc_id for c in turn.citations],
            "abstained": turn.abstained,
            "vote": vote,
            "comment": None,
        }

    def append_feedback(self, record: dict) -> None:
        path = self.settings.feedback_path(self.index_dir)
        line = json.dumps(record, ensure_ascii=False) + "\n"
        with self._feedback_lock:
            path.parent.mkdir(parents=True, exist_ok=True)
            with open(path, "a", encoding="utf-8") as handle:
                handle.write(line)

    # -- Beheer: who may edit --------------------------------------------------------
    def allowed(self, editor: str | None) -> bool:
        return bool(editor) and (self.local_editor or editor in self.editors)

    def require_editor(self, editor: str | None) -> None:
        if not self.allowed(editor):
            raise refuse("Log eerst in als beheerder.")

    def login(self, name: str, password: str, request: gr.Request | None = None):
        """Log an editor in, behind the guard's brake per name and per client (see app_login)."""
        name = (name or "").strip()
        result = self.login_guard.attempt(name, password, _client(request))
        if not result.ok:
            if not result.wait_seconds:
                time.sleep(FAILED_LOGIN_DELAY)
            return (None, gr.skip(), gr.skip(), "", result.message(), gr.skip(), gr.skip())
        rows, choices = self.document_views()
        return (name, gr.update(visible=False), gr.update(visible=True), "",
                f"Ingelogd als **{render.escape_markdown(name)}**.", rows, choices)

    def logout(self):
        return None, gr.update(visible=True), gr.update(visible=False), "Je bent uitgelogd."

    # -- Beheer: documents -----------------------------------------------------------
    def document_choices(self, documents=None) -> list[tuple[str, str]]:
        documents = self.documents() if documents is None else documents
        return [(f"{d.display_title} ({d.doc_id})", d.doc_id) for d in sorted(documents, key=lambda d: d.display_title.casefold())]

    def document_filter_choices(self) -> list[tuple[str, str]]:
        """"Alleen in" choices: (title and date, doc_id), by title; two texts of one law differ in date."""
        def label(d) -> str:
            return f"{d.display_title} · {dutch_date(d.metadata.date)}" if d.metadata.date else d.display_title
        return [(label(d), d.doc_id) for d in sorted(self.documents(), key=lambda d: (label(d).casefold(), d.doc_id))]

    def document_views(self):
        documents = self.documents()
        return render.documents_table(documents), gr.update(choices=self.document_choices(documents), value=[])

    def library_stamp(self) -> str:
        """Which generation of the library the filters were read from ("" without an index)."""
        try:
            return str(self.assistant.index.get().generation)
        except IndexProblem:
            return ""

    def refresh_filters(self, seen: str | None, region: str | None, since: str | None, doc_ids: list[str] | None):
        """On a tick of the page's timer: when the library changed since this page read it (a document
        added from the command line, or by another editor), "Regio", "Niet ouder dan" and "Alleen in"
        list it, and what the officer chose stays chosen where it still exists. Returns the updates of
        (seen, region, since, document filter); skips them when nothing changed."""
        stamp = self.library_stamp()
        if stamp == seen:
            return gr.skip(), gr.skip(), gr.skip(), gr.skip()
        regions = self.regions()
        years = self.since_choices()
        documents = self.document_filter_choices()
        present = {doc_id for _, doc_id in documents}
        gone = [d for d in doc_ids or [] if d not in present]
        if gone:  # else the next answer reads the whole library, unannounced (helper-65)
            warn(CHOSEN_REMOVED_TEXT if len(gone) < len(doc_ids) else CHOSEN_REMOVED_ALL_TEXT)
        return (stamp,
                gr.update(choices=[(ALL_REGIONS, "")] + [(r, r) for r in regions],
                          value=region if region in regions else ""),
                gr.update(choices=years, value=since if since in {value for _, value in years} else ""),
                gr.update(choices=documents, value=[d for d in doc_ids or [] if d in present]))

    def _region_update(self):
        return gr.update(choices=[(ALL_REGIONS, "")] + [(r, r) for r in self.regions()])

    def _document_filter_update(self):
        """The "Alleen in" choices, anew after a change of the library; the choice is cleared, as a
        removed document cannot stay chosen."""
        return gr.update(choices=self.document_filter_choices(), value=[])

    def _progress(self, progress):
        def report(stage: str, done: int, total: int) -> None:
            if self._cancel.is_set():
                raise IngestCancelled(CANCELLED)
            total = max(total, 1)
            if stage == "lezen":
                progress(0.02 + 0.18 * done / total, desc=f"Bestanden lezen ({done} van {total})")
            else:
                progress(0.2 + 0.75 * done / total, desc=f"Passages verwerken ({done} van {total})")
        return report

    def add_files(self, files, doc_type, region, title, source_url, editor, date="", municipalities="",
                  progress=gr.Progress()):
        """Store the uploads (sanitised names, size-limited) and ingest them, with the metadata the command
        line's `thuiswijzer ingest` takes; returns the updates of `after` and of the six metadata fields,
        which an ingest that stored a file empties: the next file gets metadata of its own, not, unseen,
        the title and region of the last one; when every file failed, they stay for the corrected one.
        `date` is the text's date as an editor writes it ("2025-02-28", "1 juli 2026"); `municipalities`
        names them with commas."""
        self.require_editor(editor)
        paths = [f if isinstance(f, str) else getattr(f, "name", str(f)) for f in (files or [])]
        url = (source_url or "").strip()
        problem = ("Kies eerst een of meer bestanden." if not paths else
                   "De bron-URL moet beginnen met http:// of https://." if url and not render.safe_url(url) else
                   field_too_long(title, region, url) or date_problem(date) or self.claim_uploads())
        if problem:
            warn(problem)
            # the table says it too: it showed the last upload's rows, read as this upload's outcome (helper-68)
            rows = [[Path(path).name, render.STATUS_LABELS["failed"], "", problem] for path in paths]
            return (rows, f"Niets gewijzigd: {problem}") + UNCHANGED_AFTER_WRITE[2:] + UNCHANGED_METADATA
        rows: list[list] = []
        refused: list[FileResult] = []  # refused before the ingest (type, size, empty): counted in its summary too
        staged: dict[str, tuple[str, Path, Path | None]] = {}  # resolved path → (shown name, file, backup)
        self.upload_dir.mkdir(parents=True, exist_ok=True)
        progress(0.0, desc="Bestanden opslaan")
        for path in paths:
            shown = Path(path).name
            problem = self.upload_problem(Path(path))
            if problem:
                refused.append(FileResult(shown, "failed", reason=problem))
                rows.append([shown, render.STATUS_LABELS["failed"], "", as_sentence(problem)])
                continue
            target = self.upload_target(shown)
            backup = self._store_upload(Path(path), target)
            staged[str(target.resolve())] = (shown, target, backup)
        summary, stored = "", False
        if staged:
            overrides = {"type": doc_type or None, "region": (region or "").strip() or None,
                         "title": ((title or "").strip() or None) if len(staged) == 1 else None,
                         "source_url": url or None, "date": (date or "").strip() or None,
                         "municipalities": [m.strip() for m in (municipalities or "").split(",") if m.strip()] or None}
            try:
                with self._write_session():
                    report = self.writer().ingest([t for _, t, _ in staged.values()], overrides,
                                                  progress=self._progress(progress))
            except Exception as error:  # nothing may stay on disk that a later reindex would trip over
                for _, target, backup in staged.values():
                    _restore(target, backup)
                if not isinstance(error, (IndexProblem, IngestCancelled)):
                    raise
                warn(str(error))
                rows += [[shown, "mislukt", "", str(error)] for shown, _, _ in staged.values()]
                return self._after_write(rows, f"Niets gewijzigd: {error}") + UNCHANGED_METADATA
            for result in report.files:
                shown, target, backup = staged.get(result.path, (Path(result.path).name, None, None))
                if target is not None:
                    if result.status in ("failed", "duplicate"):
                        _restore(target, backup)
                    elif backup is not None:
                        backup.unlink(missing_ok=True)
                # "dezelfde inhoud als /srv/…/uploads/vlinderfonds.md": the editor knows the upload by its name
                reason = (result.reason or "").replace(f"{self.upload_dir.resolve()}{os.sep}", "")
                rows.append([shown, render.STATUS_LABELS.get(result.status, result.status),
                             result.chunks or "", as_sentence(reason)])
            stored = any(result.status in ("added", "updated", "skipped") for result in report.files)
            report.files += refused
            summary = report.summary()
            if title and len(staged) > 1:
                summary += " · De titel is niet gebruikt: die geldt alleen bij één bestand."
        progress(1.0, desc="Klaar")
        # one form of summary, whether or not a file reached the ingest ("Geen bestand toegevoegd: 1 mislukt." read
        # as another kind of outcome than "0 toegevoegd, … 1 mislukt", helper-58)
        # a form whose files all failed keeps what the editor typed, for the corrected file (helper-65)
        return (self._after_write(rows, summary or IngestReport(files=refused).summary())
                + (("",) * 6 if stored else UNCHANGED_METADATA))

    def upload_problem(self, path: Path) -> str | None:
        """A Dutch reason not to take this upload, or None."""
        suffix = path.suffix.lower()
        if suffix not in SUPPORTED_EXTENSIONS:
            kind = f"bestandstype '{suffix}'" if suffix else "een bestand zonder extensie"
            return f"{kind} wordt niet ondersteund. Gebruik een van deze: {', '.join(UPLOAD_TYPES)}."
        size = path.stat().st_size
        if size > self.settings.max_file_bytes:
            return (f"het bestand is {size / 1024 / 1024:.1f} MB; de grens is {self.settings.max_file_mb} MB. "
                    "Splits het document of vraag de beheerder de grens te verhogen.")
        if size == 0:
            return "het bestand is leeg. Kies een bestand met inhoud."
        return None

    def upload_target(self, shown: str) -> Path:
        """Where an upload goes: the same file as an earlier upload of this very name, else a free name.

        Sanitising loses information ("Nota wonen.txt" and "Nota-wonen.txt" both give
        "Nota-wonen.txt"), so the original name of every stored upload is kept in a hidden
        list; two different uploads never replace each other, a new version of one does.
        """
        names_file = self.upload_dir / UPLOAD_NAMES
        try:
            names = json.loads(names_file.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            names = {}
        safe = upload_name(shown)
        stem, suffix = Path(safe).stem, Path(safe).suffix
        candidate, number = safe, 2
        while True:
            owner = names.get(candidate, candidate) if (self.upload_dir / candidate).exists() else None
            if owner is None or owner == shown:
                break
            candidate, number = f"{stem}-{number}{suffix}", number + 1
        if names.get(candidate) != shown:
            names[candidate] = shown
            names_file.write_text(json.dumps(names, ensure_ascii=False, indent=1), encoding="utf-8")
        return self.upload_dir / candidate

    @staticmethod
    def _store_upload(source: Path, target: Path) -> Path | None:
        """Copy an upload into place atomically; an existing file with that name is kept as backup."""
        backup = None
        if target.exists():
            backup = target.with_name(f".{target.name}.vorige")
            os.replace(target, backup)
        handle, temporary = tempfile.mkstemp(prefix=".upload-", dir=target.parent)
        os.close(handle)
        shutil.copyfile(source, temporary)
        os.replace(temporary, target)
        return backup

    def ask_to_remove(self, doc_ids, editor):
        """The question an editor answers before documents go: which ones, and that an uploaded
        file goes with its document. Returns the updates of (confirmation box, its text)."""
        self.require_editor(editor)
        doc_ids = [d for d in (doc_ids or []) if d]
        if not doc_ids:
            warn("Kies eerst de documenten die weg moeten.")
            return gr.update(visible=False), ""
        titles = {d.doc_id: d.display_title for d in self.documents()}
        return gr.update(visible=True), render.removal_question([titles.get(d, d) for d in doc_ids])

    def remove(self, doc_ids, editor):
        self.require_editor(editor)
        doc_ids = [d for d in (doc_ids or []) if d]
        if not doc_ids:
            warn("Kies eerst de documenten die weg moeten.")
            return UNCHANGED_AFTER_WRITE
        sources = {d.doc_id: Path(d.source) for d in self.documents()}
        try:
            report = self.writer().remove(doc_ids)
        except IndexProblem as error:
            warn(str(error))
            return self._after_write([], f"Niets gewijzigd: {error}")
        uploads = self.upload_dir.resolve()
        for result in report.files:
            source = sources.get(result.doc_id or "")
            # an uploaded file goes with its document; corpus files elsewhere are left alone
            if result.status == "removed" and source is not None and source.resolve().parent == uploads:
                source.unlink(missing_ok=True)
        rows = [[r.doc_id or r.path, render.STATUS_LABELS.get(r.status, r.status), "", r.reason or ""]
                for r in report.files]
        return self._after_write(rows, report.summary())

    def ask_to_reindex(self, editor):
        """The question an editor answers before the whole library is read and embedded again: how
        many documents and passages that is. Returns the updates of (confirmation box, its text)."""
        self.require_editor(editor)
        documents = self.documents()
        return gr.update(visible=True), render.reindex_question(len(documents), sum(d.n_chunks for d in documents))

    def reindex(self, editor, progress=gr.Progress()):
        self.require_editor(editor)
        progress(0.0, desc="Opnieuw indexeren")
        try:
            with self._write_session():
                report = self.writer().reindex(progress=self._progress(progress))
        except (IndexProblem, IngestCancelled) as error:
            warn(str(error))
            return self._after_write([], f"Niets gewijzigd: {error}")
        rows = [[Path(r.path).name, render.STATUS_LABELS.get(r.status, r.status), r.chunks or "", r.reason or ""]
                for r in report.files]
        return self._after_write(rows, "Opnieuw geïndexeerd: " + report.summary())

    @contextlib.contextmanager
    def _write_session(self):
        """A write that Stoppen can cancel: a Stoppen from before it started does not count."""
        self._cancel.clear()
        self._writing.set()
        try:
            yield
        finally:
            self._writing.clear()

    def cancel_write(self, editor):
        """Stoppen: the running add or reindex stops at its next step; nothing of it is kept."""
        self.require_editor(editor)
        if not self._writing.is_set():
            gr.Info("Er loopt nu niets dat gestopt kan worden.", duration=4)
            return
        self._cancel.set()
        log.info("write cancelled by %r", editor)
        gr.Info("Stoppen gevraagd: het verwerken stopt na de lopende stap; de kennisbank blijft zoals ze was.",
                duration=6)

    def clean_uploads(self) -> None:
        """At start: put back uploads a crash left half-replaced and delete files no document uses.

        Runs under the writer lock (skipped when another writer holds it): an upload is only
        an orphan when no ingest is busy with it. Only what an upload can be is touched: the
        copy-in temp files and document files; sidecars and README files stay (a misconfigured
        THUISWIJZER_UPLOADS pointing at a corpus folder must not lose them).
        A backup means an update died before its end: the index still has the previous version.
        """
        if not self.upload_dir.is_dir():
            return
        owner = self.uploads_owner()
        if owner != str(self.index_dir.resolve()):
            # uploads/ sits next to the index, so two indexes in one folder share it; what is an
            # orphan to this index may be another's document (and a folder without an owner
            # predates the mark: nothing in it is known to be this index's)
            log.info("uploads in %s not cleaned: they belong to %s", self.upload_dir, owner or "no index yet")
            return
        try:
            with held_writer_lock(self.index_dir):
                for backup in self.upload_dir.glob(".*.vorige"):  # the previous version of an update
                    os.replace(backup, backup.with_name(backup.name[1:-len(".vorige")]))
                try:
                    used = {Path(d.source).resolve() for d in self.assistant.index.get().documents()}
                except IndexNotFound:
                    used = set()
                orphans = [p for p in self.upload_dir.iterdir()
                           if p.is_file() and p.resolve() not in used and _is_upload(p)]
                for orphan in orphans:
                    orphan.unlink(missing_ok=True)
        except IndexProblem as error:  # locked by a writer, or an index that does not load: leave all as is
            log.warning("uploads not cleaned: %s", error)
            return
        if orphans:
            log.info("removed %d orphaned upload(s) from %s", len(orphans), self.upload_dir)

    def uploads_owner(self) -> str | None:
        """The index directory the uploads folder belongs to (`UPLOAD_OWNER`), None when unmarked."""
        try:
            return (self.upload_dir / UPLOAD_OWNER).read_text(encoding="utf-8").strip() or None
        except OSError:
            return None

    def claim_uploads(self) -> str | None:
        """Mark the uploads folder as this index's; the Dutch reason when another index owns it."""
        mine, owner = str(self.index_dir.resolve()), self.uploads_owner()
        if owner is not None and owner != mine:
            return (f"De uploadmap {self.upload_dir} hoort bij de kennisbank {owner}. Geef deze kennisbank een "
                    "eigen uploadmap met THUISWIJZER_UPLOADS en start de app opnieuw.")
        if owner is None:
            self.upload_dir.mkdir(parents=True, exist_ok=True)
            (self.upload_dir / UPLOAD_OWNER).write_text(mine + "\n", encoding="utf-8")
        return None

    def _after_write(self, rows, summary):
        """The updates of `after` in `build`: as many as UNCHANGED_AFTER_WRITE skips."""
        table, choices = self.document_views()
        return (rows, summary, table, choices, self._region_update(), None, gr.update(choices=self.since_choices()),
                self._document_filter_update())

    # -- Evaluatie --------------------------------------------------------------------------
    def evaluation_view(self) -> str:
        """The latest report in the report folder (from report.json and the PNG plots), rendered escaped."""
        path = self.eval_report_dir / "report.json"
        if not path.is_file():
            return render.render_evaluation(None)
        try:
            result = json.loads(path.read_text(encoding="utf-8"))
            plots = {key: (self.eval_report_dir / name).read_bytes()
                     for key, (name, _) in PLOTS.items() if (self.eval_report_dir / name).is_file()}
            return render.render_evaluation(result, plots)
        except (OSError, ValueError, LookupError, TypeError, AttributeError):
            log.exception("reading %s failed", path)
            return render.render_evaluation(None, notice="Het laatste evaluatierapport kon niet worden gelezen. "
                                                         "Start een nieuwe evaluatie.")

    def evaluation_access(self, editor: str | None):
        """The start controls for editors; for everyone else a note on who may start a run."""
        if self.allowed(editor):
            return gr.update(visible=True), (
                "Een evaluatie stelt alle vragen van de gold-set (evals/gold.yaml) aan de huidige kennisbank en "
                "vervangt daarna het rapport hieronder. Dat duurt meestal minder dan een minuut per configuratie, "
                "langer als de machine druk is. Vragen stellen kan intussen gewoon.")
        if not self.editing_enabled:
            return gr.update(visible=False), ("Een evaluatie starten kan alleen een beheerder; "
                                              "er zijn geen beheerders ingesteld.")
        return gr.update(visible=False), "Log in op het tabblad **Beheer** om een evaluatie te starten."

    def start_evaluation(self, extra, editor, progress=gr.Progress()) -> str:
        """Run the gold set against the current index (hybrid, plus the chosen extra configurations),
        write the report into the report folder and return the refreshed view. One run at a time."""
        self.require_editor(editor)
        if not self._eval_lock.acquire(blocking=False):
            raise refuse("Er loopt al een evaluatie. Wacht tot die klaar is; het nieuwe rapport verschijnt dan hier.",
                         title="Evaluatie loopt al")
        try:
            names = [EVAL_BASE] + [name for name in EVAL_EXTRA if name in (extra or [])]
            progress(0.0, desc="Evaluatie voorbereiden")
            result = run_evaluation(EVAL_QUESTIONS, self.index_dir, names, self.settings, embedder=self.embedder(),
                                    chat_model=self.assistant.chat_model, skip_missing=True,
                                    progress=self._evaluation_progress(progress, names))
            progress(0.99, desc="Rapport schrijven")
            write_report(result, self.eval_report_dir)
        except QuestionSetError as error:
            raise refuse(f"De vragenset past niet bij de huidige kennisbank: {error.problems[0].message}") from error
        except IndexProblem as error:
            raise refuse(str(error)) from error
        except Exception as error:
            log.exception("evaluation failed")  # unexpected: the one place with the whole trace
            raise refuse("De evaluatie is mislukt; het logboek van de server vermeldt waarom.") from error
        finally:
            self._eval_lock.release()
        return self.evaluation_view()

    @staticmethod
    def _evaluation_progress(progress, names: list[str]):
        def report(name: str, done: int, total: int) -> None:
            position = names.index(name) if name in names else 0
            fraction = (position + done / max(total, 1)) / len(names)
            step = f"vraag {done} van {total}" if done < total else "scores berekenen"
            progress(0.98 * fraction, desc=f"{CONFIGS[name].label}: {step}")
        return report

    # -- the page ------------------------------------------------------------------------
    def blocks(self) -> gr.Blocks:
        # Gradio's temp copies of uploads (anyone may POST /gradio_api/upload) go after an hour, all at shutdown
        with gr.Blocks(title=TITLE, analytics_enabled=False, delete_cache=self.settings.temp_cache_seconds) as demo:
            session = gr.State(self.new_session())
            editor = gr.State("lokaal" if self.local_editor else None)
            pending_feedback = gr.State(None)
            gr.HTML(f"<h1>{TITLE}</h1><p>{SUBTITLE}</p>", elem_classes="tw-header")
            with gr.Tabs():
                with gr.Tab("Vragen", id="vragen"):
                    with gr.Row(equal_height=False):
                        with gr.Column(scale=3, min_width=420):
                            with gr.Row():
                                type_filter = gr.Dropdown(
                                    [(ALL_TYPES, "")] + [(t, t) for t in DOC_TYPES], value="",
                                    label="Documenttype", scale=2, elem_id="tw-filter-type",
                                    allow_custom_value=True)
                                region_filter = gr.Dropdown(
                                    [(ALL_REGIONS, "")] + [(r, r) for r in self.regions()], value="",
                                    label="Regio", scale=2, elem_id="tw-filter-region", allow_custom_value=True)
                                since_filter = gr.Dropdown(
                                    self.since_choices(), value="", label="Niet ouder dan", scale=2,
                                    info="documenten met een datum, of een jaar in de titel", elem_id="tw-filter-datum",
                                    allow_custom_value=True)
                                new_chat = gr.Button("Nieuw gesprek", variant="secondary", scale=1,
                                                     elem_id="tw-nieuw")
                            # an officer reading one report or law asks about that text alone
                            document_filter = gr.Dropdown(
                                self.document_filter_choices(), value=[], multiselect=True, label="Alleen in",
                                info="Kies een of meer documenten om alleen daarin te zoeken; leeg is de hele "
                                     "kennisbank. Met één document kunt u ook vragen: Waar gaat dit document over?",
                                elem_id="tw-filter-document", allow_custom_value=True)
                            chatbot = gr.Chatbot(
                                label="Gesprek", show_label=False, height=540, elem_id="tw-chat", autoscroll=False,
                                latex_delimiters=[], sanitize_html=True, allow_tags=False, render_markdown=True,
                                feedback_options=("Like", "Dislike"), buttons=["copy"],
                                placeholder=("**Stel een vraag over wonen voor aandachtsgroepen.**<br>"
                                             "Elk antwoord noemt de passages waarop het steunt; "
                                             "klik op [1] om de bron te zien."),
                            )
                            with gr.Row():
                                question = gr.Textbox(
                                    show_label=False, scale=5, lines=1, max_lines=4, elem_id="tw-vraag",
                                    max_length=self.settings.max_question_chars,
                                    # one line at the box's width: a wrapped placeholder was cut off (helper-65);
                                    # the examples stand under the box
                                    placeholder=f"Stel uw vraag (tot {self.settings.max_question_chars} tekens)")
                                ask = gr.Button("Vraag stellen", variant="primary", scale=1, elem_id="tw-stel")
                            with gr.Row(elem_id="tw-voorbeelden"):
                                example_buttons = [gr.Button(q, size="sm", variant="secondary") for q in EXAMPLES]
                            with gr.Column(visible=False, elem_id="tw-feedback") as feedback_box:
                                feedback_text = gr.Textbox(
                                    label="Bedankt voor je beoordeling. Wil je toelichten waarom? (optioneel)",
                                    lines=2, elem_id="tw-feedback-tekst")
                                with gr.Row():
                                    send_feedback = gr.Button("Toelichting versturen", size="sm")
                                    skip_feedback = gr.Button("Overslaan", size="sm", variant="secondary")
                        with gr.Column(scale=2, min_width=320):
                            gr.Markdown("### Bronnen")
                            sources = gr.HTML(render.EMPTY_PANEL, elem_id="tw-bronnen")

                with gr.Tab("Beheer", id="beheer"):
                    admin = self._admin_tab(editor)

                with gr.Tab("Evaluatie", id="evaluatie") as evaluation_tab:
                    evaluation = self._evaluation_tab()

            library_seen = gr.State("")  # the library generation this page's filters were read from
            chat_outputs = [chatbot, sources, question, session]
            chat_args = dict(outputs=chat_outputs, concurrency_id="vragen", show_progress="hidden")
            filters = [type_filter, region_filter, since_filter, document_filter]
            # the one public endpoint: a question, as the page asks it (api_name "respond")
            asked = [question.submit(self.respond, [question, session, *filters], **chat_args),
                     ask.click(self.respond, [question, session, *filters], **chat_args, **PRIVATE)]
            for button, text in zip(example_buttons, EXAMPLES):
                asked.append(button.click(_example_handler(self, text), [session, *filters], **chat_args, **PRIVATE))
            for event in asked:
                event.then(None, None, None, js=render.SHOW_ANSWER_START, **PRIVATE)
            reset = [chatbot, sources, question, session, feedback_box, pending_feedback, *filters]
            # an answer still arriving is stopped: else its last step wrote the old conversation back, and
            # the next question was read as a follow-up of the one thrown away (helper-53)
            new_chat.click(self.new_conversation, None, reset, cancels=asked, **PRIVATE)
            chatbot.clear(self.new_conversation, None, reset, cancels=asked, **PRIVATE)  # the chat's own bin icon
            chatbot.like(self.vote, [session], [feedback_box, pending_feedback], **PRIVATE)
            send_feedback.click(self.comment, [feedback_text, pending_feedback],
                                [feedback_box, pending_feedback, feedback_text], **PRIVATE)
            skip_feedback.click(lambda: (gr.update(visible=False), None, ""), None,
                                [feedback_box, pending_feedback, feedback_text], **PRIVATE)
            if admin is not None:
                self._wire_admin(admin, editor, region_filter, since_filter, document_filter)
            self._wire_evaluation(evaluation, evaluation_tab, editor)
            demo.load(lambda: (self._region_update(), gr.update(choices=self.since_choices()),
                               self._document_filter_update(), self.library_stamp()), None,
                      [region_filter, since_filter, document_filter, library_seen], **PRIVATE)
            gr.Timer(LIBRARY_POLL_SECONDS).tick(
                self.refresh_filters, [library_seen, region_filter, since_filter, document_filter],
                [library_seen, region_filter, since_filter, document_filter], show_progress="hidden",
                concurrency_id="bibliotheek", **PRIVATE)
        return demo

    def _admin_tab(self, editor):
        if not self.editing_enabled:
            gr.Markdown(
                "**Beheer staat uit.** Er zijn geen beheerders ingesteld. Zet de omgevingsvariabele "
                "`THUISWIJZER_EDITORS` op `naam:wachtwoord` (meerdere gescheiden door komma's) en start de app "
                "opnieuw, of start lokaal met `thuiswijzer serve --local-editor`.")
            return None
        ui = {}
        with gr.Column(visible=not self.local_editor) as ui["login_box"]:
            gr.Markdown("Log in als beheerder om documenten toe te voegen, te verwijderen of opnieuw te indexeren.")
            with gr.Row():
                ui["name"] = gr.Textbox(label="Naam", elem_id="tw-login-naam", scale=2)
                ui["password"] = gr.Textbox(label="Wachtwoord", type="password", elem_id="tw-login-wachtwoord",
                                            scale=2)
            ui["login"] = gr.Button("Inloggen", variant="primary", elem_id="tw-inloggen")
        ui["status"] = gr.Markdown(
            "Lokale beheermodus: geen inlog nodig (alleen voor gebruik op je eigen computer)."
            if self.local_editor else "", elem_id="tw-beheer-status")
        documents = self.documents() if self.local_editor else []
        with gr.Column(visible=self.local_editor) as ui["editor_box"]:
            gr.Markdown("### Documenten toevoegen of bijwerken\n"
                        f"Toegestaan: {', '.join(UPLOAD_TYPES)}; maximaal {self.settings.max_file_mb} MB per bestand. "
                        "Een bestand met dezelfde naam als een eerder geüpload bestand vervangt dat (bijwerken).")
            with gr.Row():
                # no file_types: Gradio refuses other files with its own English toast ("Invalid file type:
                # gescand.exe. Only .docx, … allowed.", helper-58); `upload_problem` says it in Dutch per file
                ui["files"] = gr.File(label="Bestanden", file_count="multiple", elem_id="tw-upload", scale=3)
                with gr.Column(scale=2):
                    ui["type"] = gr.Dropdown([(FROM_FILE, "")] + [(t, t) for t in DOC_TYPES], value="",
                                             label="Type", elem_id="tw-upload-type")
                    ui["region"] = gr.Textbox(label="Regio (optioneel; leeg laat een eerdere staan, - wist die)",
                                              elem_id="tw-upload-regio")
                    ui["title"] = gr.Textbox(label="Titel (optioneel, alleen bij één bestand)",
                                             elem_id="tw-upload-titel")
                    ui["url"] = gr.Textbox(label="Bron-URL (optioneel)", placeholder="https://…",
                                           elem_id="tw-upload-url")
                    # without a date, "Niet ouder dan" and the answer's date order read one from the text, if any
                    ui["date"] = gr.Textbox(label="Datum van de tekst (optioneel)",
                                            placeholder="JJJJ-MM-DD, bijvoorbeeld 2025-02-28",
                                            elem_id="tw-upload-datum")
                    ui["municipalities"] = gr.Textbox(label="Gemeenten (optioneel, met komma's; - wist ze)",
                                                      elem_id="tw-upload-gemeenten")
            with gr.Row():
                ui["add"] = gr.Button("Toevoegen aan de kennisbank", variant="primary", elem_id="tw-toevoegen",
                                      scale=3)
                ui["cancel"] = gr.Button("Stoppen", variant="stop", elem_id="tw-stoppen", scale=1)
            ui["summary"] = gr.Markdown(elem_id="tw-resultaat-samenvatting")
            ui["results"] = gr.Dataframe(headers=render.RESULT_COLUMNS, value=[], interactive=False, wrap=True,
                                         column_widths=["30%", "12%", "10%", "48%"],
                                         label="Resultaat per bestand", elem_id="tw-resultaat")
            gr.Markdown("### Documenten in de kennisbank")
            ui["documents"] = gr.Dataframe(headers=render.DOCUMENT_COLUMNS, value=render.documents_table(documents),
                                           interactive=False,
                                           wrap=True, max_height=420, label="Documenten", elem_id="tw-documenten",
                                           column_widths=["20%", "34%", "11%", "11%", "10%", "7%", "7%"])
            with gr.Row():
                ui["to_remove"] = gr.Dropdown(self.document_choices(documents),
                                              multiselect=True, label="Documenten verwijderen", scale=4,
                                              elem_id="tw-verwijder-keuze")
                ui["remove"] = gr.Button("Verwijderen", variant="stop", scale=1, elem_id="tw-verwijderen")
            with gr.Column(visible=False, elem_id="tw-verwijder-bevestiging") as ui["confirm_box"]:
                ui["confirm_text"] = gr.Markdown(elem_id="tw-verwijder-vraag")
                with gr.Row():
                    ui["confirm"] = gr.Button("Ja, verwijderen", variant="stop", scale=0, min_width=180,
                                              elem_id="tw-verwijderen-bevestigen")
                    ui["keep"] = gr.Button("Nee, laten staan", variant="secondary", scale=0, min_width=180,
                                           elem_id="tw-verwijderen-annuleren")
            with gr.Row():
                ui["reindex"] = gr.Button("Alles opnieuw indexeren", variant="secondary", elem_id="tw-herindexeer")
                ui["logout"] = gr.Button("Uitloggen", variant="secondary", visible=not self.local_editor)
            with gr.Column(visible=False, elem_id="tw-herindexeer-bevestiging") as ui["reindex_box"]:
                ui["reindex_text"] = gr.Markdown(elem_id="tw-herindexeer-vraag")
                with gr.Row():
                    ui["reindex_yes"] = gr.Button("Ja, alles opnieuw indexeren", variant="primary", scale=0,
                                                  min_width=220, elem_id="tw-herindexeer-bevestigen")
                    ui["reindex_no"] = gr.Button("Nee, niet nu", variant="secondary", scale=0, min_width=180,
                                                 elem_id="tw-herindexeer-annuleren")
        return ui

    def _wire_admin(self, ui, editor, region_filter, since_filter, document_filter):
        write = dict(concurrency_id="beheer", concurrency_limit=1, **PRIVATE)
        after = [ui["results"], ui["summary"], ui["documents"], ui["to_remove"], region_filter, ui["files"],
                 since_filter, document_filter]
        login_outputs = [editor, ui["login_box"], ui["editor_box"], ui["password"], ui["status"],
                         ui["documents"], ui["to_remove"]]
        ui["login"].click(self.login, [ui["name"], ui["password"]], login_outputs, concurrency_id="inloggen", **PRIVATE)
        ui["password"].submit(self.login, [ui["name"], ui["password"]], login_outputs, concurrency_id="inloggen",
                              **PRIVATE)
        ui["logout"].click(self.logout, None, [editor, ui["login_box"], ui["editor_box"], ui["status"]], **PRIVATE)
        metadata = [ui["type"], ui["region"], ui["title"], ui["url"]]
        ui["add"].click(self.add_files, [ui["files"], *metadata, editor, ui["date"], ui["municipalities"]],
                        after + metadata + [ui["date"], ui["municipalities"]],
                        show_progress_on=[ui["results"]], **write)
        # removing is asked first: a document and its uploaded file cannot be brought back
        confirmation = [ui["confirm_box"], ui["confirm_text"]]
        ui["remove"].click(self.ask_to_remove, [ui["to_remove"], editor], confirmation, **PRIVATE)
        ui["confirm"].click(lambda: gr.update(visible=False), None, [ui["confirm_box"]], **PRIVATE).then(
            self.remove, [ui["to_remove"], editor], after, **write)
        for cancelled in (ui["keep"].click, ui["to_remove"].change):  # a new choice must be asked about anew
            cancelled(lambda: gr.update(visible=False), None, [ui["confirm_box"]], **PRIVATE)
        # its own queue lane: it must run while the write it stops holds the "beheer" lane
        ui["cancel"].click(self.cancel_write, [editor], None, concurrency_id="stoppen", **PRIVATE)
        # asked first too: it embeds every passage again, minutes of work on a large library
        ui["reindex"].click(self.ask_to_reindex, [editor], [ui["reindex_box"], ui["reindex_text"]], **PRIVATE)
        ui["reindex_yes"].click(lambda: gr.update(visible=False), None, [ui["reindex_box"]], **PRIVATE).then(
            self.reindex, [editor], after, show_progress_on=[ui["results"]], **write)
        ui["reindex_no"].click(lambda: gr.update(visible=False), None, [ui["reindex_box"]], **PRIVATE)

    def _evaluation_tab(self):
        ui = {}
        box, note = self.evaluation_access("lokaal" if self.local_editor else None)
        ui["note"] = gr.Markdown(note, elem_id="tw-evaluatie-uitleg")
        with gr.Column(visible=box["visible"]) as ui["controls"]:
            ui["extra"] = gr.CheckboxGroup([(CONFIGS[name].label, name) for name in EVAL_EXTRA], value=[],
                                           label="Naast hybride (standaard) ook vergelijken met",
                                           elem_id="tw-evaluatie-configuraties")
            with gr.Row():
                ui["start"] = gr.Button("Evaluatie starten", variant="primary", scale=0, min_width=220,
                                        elem_id="tw-evaluatie-starten")
        ui["report"] = gr.HTML(elem_id="tw-evaluatie")  # filled when the tab opens: no report in every page load
        return ui

    def _wire_evaluation(self, ui, tab, editor):
        tab.select(self.evaluation_view, None, [ui["report"]], show_progress="hidden", **PRIVATE)
        editor.change(self.evaluation_access, [editor], [ui["controls"], ui["note"]], **PRIVATE)
        # a second click (this page or another) must reach the lock and hear that a run is going on
        ui["start"].click(self.start_evaluation, [ui["extra"], editor], [ui["report"]], concurrency_id="evaluatie",
                          concurrency_limit=2, trigger_mode="multiple", show_progress_on=[ui["report"]], **PRIVATE)

    # -- the web server --------------------------------------------------------------------
    def fastapi_app(self) -> fastapi.FastAPI:
        app = fastapi.FastAPI(title=TITLE, docs_url=None, redoc_url=None, openapi_url=None)

        @app.get(f"/{render.SOURCE_ROUTE}/{{doc_id}}")
        def open_source(doc_id: str):
            return self.source_response(doc_id)

        @app.middleware("http")
        async def guard_responses(request: fastapi.Request, call_next):
            if request.url.path in HIDDEN_PATHS:
                return PlainTextResponse("Niet gevonden.", status_code=404)
            response = await call_next(request)
            for name, value in SECURITY_HEADERS.items():
                response.headers.setdefault(name, value)
            policy = response.headers.get("Content-Security-Policy")
            response.headers["Content-Security-Policy"] = f"{policy}; {FRAME_POLICY}" if policy else FRAME_POLICY
            return response

        demo = self.blocks()
        # api_open=False: every event goes through the queue (POST /gradio_api/run/… would skip its limits)
        demo.queue(default_concurrency_limit=CONCURRENCY, max_size=200, api_open=False)
        return gr.mount_gradio_app(
            app, demo, path="/", footer_links=[], show_error=False, ssr_mode=False, pwa=False, mcp_server=False,
            enable_monitoring=False, app_kwargs={"docs_url": None, "redoc_url": None, "openapi_url": None},
            max_file_size=f"{TRANSPORT_LIMIT_FACTOR * self.settings.max_file_mb}mb", theme=make_theme(),
            css=render.CSS, head=render.HEAD, i18n=gr.I18n(en=GRADIO_DUTCH, nl=GRADIO_DUTCH),
        )

    def source_response(self, doc_id: str):
        """The original file of a document in the index, and nothing else."""
        try:
            record = self.assistant.index.get().document(doc_id)
        except IndexProblem:
            record = None
        if record is None:
            return PlainTextResponse("Dit document staat niet in de kennisbank.", status_code=404)
        path = Path(record.source)
        if not path.is_file():
            return PlainTextResponse("Het bestand van dit document is niet meer beschikbaar.", status_code=404)
        suffix = path.suffix.lower()
        headers = {"X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer"}
        disposition = "inline"
        if suffix == ".pdf":
            media_type = "application/pdf"
        elif suffix in (".html", ".htm"):
            # shown as a page, but sandboxed: no scripts, no requests, no access to this app
            media_type = "text/html; charset=utf-8"
            headers["Content-Security-Policy"] = "sandbox; default-src 'none'; img-src data:; style-src 'unsafe-inline'"
        elif suffix in (".md", ".markdown"):
            return self._markdown_response(path, record, headers)
        elif suffix in render.TEXT_PAGE_SUFFIXES and (page := self._text_response(path, record, headers)):
            return page
        elif suffix == ".txt":
            media_type = "text/plain; charset=utf-8"
        else:
            media_type = "application/octet-stream"
            disposition = "attachment"
        if suffix != ".pdf":
            headers.setdefault("Content-Security-Policy", "sandbox; default-src 'none'")
        return FileResponse(path, media_type=media_type, headers=headers, filename=path.name,
                            content_disposition_type=disposition)

    def _text_response(self, path: Path, record, headers: dict[str, str]) -> HTMLResponse | None:
        """A YAML, XML or Word source as a page of the text read from it, sandboxed like an HTML source;
        None when it no longer reads (changed on disk since it was read in): then it is offered as a file."""
        try:
            document = load_document(path, max_bytes=self.settings.max_file_bytes)
        except IngestError:
            return None
        headers["Content-Security-Policy"] = "sandbox; default-src 'none'; style-src 'unsafe-inline'"
        return HTMLResponse(render.text_page(document.text, record.display_title, record.metadata.title),
                            headers=headers)

    @staticmethod
    def _markdown_response(path: Path, record, headers: dict[str, str]) -> HTMLResponse:
        """A Markdown source as a page, without its front matter; sandboxed like an HTML source."""
        text = decode_text(path.read_bytes())
        try:
            body = split_front_matter(text, path)[1]
        except IngestError:  # changed on disk since it was read in; shown as it is
            body = text
        headers["Content-Security-Policy"] = "sandbox; default-src 'none'; img-src data:; style-src 'unsafe-inline'"
        return HTMLResponse(render.markdown_page(body, record.display_title, record.metadata.title), headers=headers)


def limit_torch_threads(threads: int) -> int | None:
    """Set torch's threads per call when torch is in use (the e5-torch embedder); None without torch."""
    if "torch" not in sys.modules or threads <= 0:
        return None
    sys.modules["torch"].set_num_threads(threads)
    return threads


def _client(request: gr.Request | None) -> str:
    """The client's address as the server sees it (behind a proxy: the proxy's, see docs/security.md)."""
    client = getattr(request, "client", None)
    return getattr(client, "host", None) or "onbekend"


def _example_handler(app: ThuiswijzerApp, text: str):
    def ask_example(session, doc_type, region, since=None, doc_ids=None):
        yield from app.respond(text, session, doc_type, region, since, doc_ids)
    return ask_example


UPLOAD_OWNER = ".kennisbank-van-uploads"  # the index directory these uploads belong to (hidden, never ingested)
UPLOAD_NAMES = ".namen-van-uploads.json"  # stored name → name as uploaded; hidden (never ingested), not ".upload-…" (temp files)


def upload_name(shown: str) -> str:
    """A safe stored name that keeps the extension, also for a name without Latin letters."""
    base = Path(shown.replace("\\", "/")).name
    safe = render.sanitize_filename(base)
    suffix = Path(base).suffix.lower()
    if suffix and not safe.endswith(suffix):  # "報告書.pdf": nothing of the stem survives ASCII
        safe = doc_id_for(Path(base)) + suffix
    return safe


def as_sentence(reason: str) -> str:
    """A file's reason as the result table shows it, a sentence of its own: "Het bestand is leeg. …". The
    reasons start in lower case to follow a file name elsewhere ("leeg.docx: het bestand is leeg")."""
    return reason[:1].upper() + reason[1:]


def field_too_long(title: str | None, region: str | None, url: str) -> str | None:
    """Why an editor's title, region or source address is too long, as the upload form names them; None when
    they fit (`ingest.metadata.MAX_FIELD_CHARS`)."""
    for label, key, value in (("De titel", "title", title), ("De regio", "region", region),
                              ("De bron-URL", "source_url", url)):
        problem = too_long(key, (value or "").strip())
        if problem:
            return f"{label} is {problem}. Kort het veld in."
    return None


def date_problem(date: str | None) -> str | None:
    """Why an editor's date cannot be a text's date, in Dutch; None when it can (or is empty)."""
    if not (date or "").strip():
        return None
    try:
        editor_date(date)
    except InvalidDate as error:
        return f"Datum van de tekst: {error}. Schrijf een bestaande datum als JJJJ-MM-DD, bijvoorbeeld 2025-02-28, " \
               "of laat het veld leeg."
    return None


def refuse(message: str, **options) -> gr.Error:
    """An expected refusal: one log line and a Dutch message on the page, no traceback in the log."""
    log.info("refused: %s", message)
    return gr.Error(message, print_exception=False, **options)


def warn(message: str) -> None:
    """A Dutch toast for what the editor can put right; the page around it stays as it was.
    (Gradio 6 titles a toast by its kind, "Warning", whatever title it is given; `render.CSS` shows "Let op".)"""
    log.info("refused: %s", message)
    gr.Warning(message)


# the page's timer saw a document chosen under "Alleen in" removed (`refresh_filters`)
CHOSEN_REMOVED_TEXT = ("Een document dat u onder \"Alleen in\" koos, is uit de kennisbank verwijderd; ik zoek "
                       "in de andere.")
CHOSEN_REMOVED_ALL_TEXT = ("Het document dat u onder \"Alleen in\" koos, is uit de kennisbank verwijderd; ik zoek "
                           "nu in de hele kennisbank.")
# what a Beheer write leaves untouched when it refuses before doing anything: every output of
# `ThuiswijzerApp._after_write` skipped. Raising instead would mark each of them "Fout" until
# the editor clicks its cross away.
UNCHANGED_AFTER_WRITE = (gr.skip(),) * 8
UNCHANGED_METADATA = (gr.skip(),) * 6  # type, region, title, source URL, date and municipalities of an upload


def _is_upload(path: Path) -> bool:
    """A file the upload code writes: a document file, or the temp file it copies into."""
    if path.name.startswith(".upload-"):
        return True
    return path.suffix.lower() in SUPPORTED_EXTENSIONS and not is_skipped_in_folder(path)


def _restore(target: Path, backup: Path | None) -> None:
    """Put the previous upload back after a failed update (or drop a new file that failed)."""
    if backup is not None and backup.exists():
        os.replace(backup, target)
    elif backup is None:
        target.unlink(missing_ok=True)


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def load_assistant(index_dir: Path, settings: Settings) -> Assistant:
    """The assistant over `index_dir`; without an index yet, one that answers so until an editor adds files."""
    try:
        return Assistant.load(index_dir, settings)
    except IndexNotFound as error:
        log.warning("%s", error)
        print(f"Let op: {error}", file=sys.stderr)
        embedder = make_embedder(settings.embedder, settings.query_prefix, settings.passage_prefix)
        live = LiveIndex(index_dir, embedder=embedder, preferred_embedder=settings.embedder,
                         dense_weight=settings.dense_weight)
        return Assistant(live, settings)


def build_app(index_dir: str | Path | None = None, settings: Settings | None = None, local_editor: bool = False,
              assistant: Assistant | None = None) -> fastapi.FastAPI:
    """The ASGI app (FastAPI with the Gradio page mounted at /), for uvicorn or tests."""
    return ThuiswijzerApp(index_dir, settings, local_editor, assistant).fastapi_app()


def setup_logging() -> None:
    """The app's own lines (logins, refusals, cleanups) at INFO on stderr; libraries stay at WARNING."""
    if not logging.getLogger().handlers:
        logging.basicConfig(level=logging.WARNING, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    logging.getLogger("thuiswijzer").setLevel(logging.INFO)


class RunningServer:
    """A server started with `serve(..., block=False)`: its address and a way to stop it."""

    def __init__(self, server: uvicorn.Server, thread: threading.Thread, url: str):
        self.server, self.thread, self.url = server, thread, url

    def close(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=15)


def port_taken(host: str, port: int) -> bool:
    """Whether another program already listens on `host`:`port`."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError:
            return True
    return False


def serve(index_dir: str | Path | None = None, host: str = "127.0.0.1", port: int = 7860, local_editor: bool = False,
          *, settings: Settings | None = None, block: bool = True,
          assistant: Assistant | None = None) -> RunningServer | None:
    """Start the web app. Blocks until Ctrl+C, or with block=False runs in a thread and returns."""
    settings = settings or Settings()
    if local_editor and host not in ("127.0.0.1", "localhost", "::1"):
        print(f"Let op: beheer zonder inlog (--local-editor) op {host} is voor iedereen op het netwerk open.",
              file=sys.stderr)
    if port_taken(host, port):
        # uvicorn would say so in English after the app was built, and after "draait op" was printed
        raise SystemExit(f"Fout: poort {port} op {host} is al in gebruik (draait Thuiswijzer al?). "
                         f"Stop dat programma, of kies een andere poort met --port.")
    setup_logging()
    app = build_app(index_dir, settings, local_editor, assistant)
    limit_torch_threads(TORCH_THREADS)
    server = uvicorn.Server(uvicorn.Config(app, host=host, port=port, log_level="warning", access_log=False))
    shown_host = "127.0.0.1" if host in ("0.0.0.0", "") else host
    url = f"http://{shown_host}:{port}/"
    if block:
        print(f"Thuiswijzer draait op {url} (stoppen met Ctrl+C)", flush=True)
        server.run()
        return None
    thread = threading.Thread(target=server.run, name="thuiswijzer-web", daemon=True)
    thread.start()
    deadline = time.monotonic() + 60
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError(f"De webapp kon niet starten op {host}:{port}.")
        time.sleep(0.05)
    print(f"Thuiswijzer draait op {url}", flush=True)
    return RunningServer(server, thread, url)


def main(argv: list[str] | None = None) -> int:
    try:
        settings = Settings()
    except SettingError as problem:
        print(f"Fout: {problem}", file=sys.stderr)
        return 1
    parser = argparse.ArgumentParser(prog="app.py", description="De Thuiswijzer-webapp starten.")
    parser.add_argument("--index", type=Path, default=settings.index_dir, help="indexmap (standaard: %(default)s)")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=7860)
    parser.add_argument("--local-editor", action="store_true",
                        help="Beheer-tab zonder inlog openen (alleen voor lokaal gebruik door één persoon)")
    args = parser.parse_args(argv)
    serve(index_dir=args.index, host=args.host, port=args.port, local_editor=args.local_editor, settings=settings)
    return 0


if __name__ == "__main__":
    sys.exit(main())
