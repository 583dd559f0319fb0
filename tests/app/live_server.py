"""The real web server on loopback, and a page that talks to it over HTTP as the browser does.

`start_server` serves a tiny index (the hashing test embedder: seconds, not minutes) through
`app.serve` in a thread. `Page` joins Gradio's queue with an event's number and reads the
result from the event stream, the same two requests the browser's page sends; it reaches
private events (login, upload, …) too, as anyone with a script could. Every wait is bounded.
"""

from __future__ import annotations

import json
import socket
import uuid
from pathlib import Path

import httpx

TIMEOUT = 60.0


class EventFailed(Exception):
    """The server answered the event with an error (a gr.Error's message, or a refusal)."""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_server(work: Path, embedder=None, **settings):
    """A server over a one-document index in `work`; `settings` override the test defaults.

    The app is imported here, not above: a `Page` alone (the benchmark's clients, in their own
    processes) needs only httpx."""
    import app
    from assistant import Assistant
    from index.searcher import LiveIndex
    from index.writer import IndexWriter
    from test_app import NOTE, HashEmbedder
    from thuiswijzer.config import Settings

    docs = work / "docs"
    docs.mkdir(parents=True, exist_ok=True)
    (docs / "nota-wonen-zonnedal.md").write_text(NOTE, encoding="utf-8")
    embedder = embedder or HashEmbedder()
    index_dir = work / "index"
    IndexWriter(index_dir, embedder).ingest([docs])
    configured = Settings(**{"editor_credentials": "anna:geheim", "feedback_log": work / "feedback.jsonl",
                             "upload_dir": work / "uploads", **settings})
    assistant = Assistant(LiveIndex(index_dir, embedder=embedder), configured)
    assistant.abstain_below = 0.0  # hashed vectors are weak evidence; these tests are about the server
    return app.serve(index_dir, port=free_port(), settings=configured, block=False, assistant=assistant)


class Page:
    """One browser tab's session: the same session hash for every event, so gr.State carries over."""

    def __init__(self, url: str):
        self.url = url
        self.http = httpx.Client(timeout=TIMEOUT)
        self.session = uuid.uuid4().hex
        self.config = self.http.get(url + "config").raise_for_status().json()

    def event(self, api_name: str) -> dict:
        return next(d for d in self.config["dependencies"] if d["api_name"] == api_name)

    def call(self, api_name: str, *data) -> list:
        """Run an event through the queue and return its final outputs; EventFailed on an error."""
        dependency = self.event(api_name)
        joined = self.http.post(self.url + "gradio_api/queue/join", json={
            "data": list(data), "fn_index": dependency["id"], "session_hash": self.session,
            "event_data": None, "trigger_id": dependency["targets"][0][0]})
        if joined.status_code != 200:
            raise EventFailed(f"{joined.status_code}: {joined.text}")
        with self.http.stream("GET", self.url + "gradio_api/queue/data", params={"session_hash": self.session}) as stream:
            for line in stream.iter_lines():
                if not line.startswith("data:"):
                    continue
                message = json.loads(line[5:])
                if message.get("msg") == "process_completed":
                    output = message.get("output") or {}
                    if not message.get("success"):
                        raise EventFailed(output.get("error") or "onbekende fout")
                    return output["data"]
        raise EventFailed("the event stream ended without a result")

    def upload(self, path: Path) -> dict:
        """POST /gradio_api/upload, as the file picker does; the FileData for an event's input."""
        with open(path, "rb") as handle:
            response = self.http.post(self.url + "gradio_api/upload", files={"files": (path.name, handle)})
        if response.status_code != 200:
            raise EventFailed(f"{response.status_code}: {response.text}")
        stored = response.json()[0]
        return {"path": stored, "orig_name": path.name, "meta": {"_type": "gradio.FileData"}}

    def add_files(self, *paths: Path) -> tuple[list[list], str]:
        """Beheer › Toevoegen with these files (after a login on this page): result rows and summary."""
        # None: the editor state, which the server keeps per session; the date and municipalities follow it
        table, summary, *_ = self.call("add_files", [self.upload(p) for p in paths], "", "", "", "", None, "", "")
        return table["data"], summary

    def close(self) -> None:
        self.http.close()
