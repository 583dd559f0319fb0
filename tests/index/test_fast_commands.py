"""Commands that embed nothing start fast: listing the documents, removing an unknown one and
re-ingesting an unchanged folder load no model and import neither torch nor the parsers."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

PROBE = """
import json, sys
from thuiswijzer import cli
code = cli.main(sys.argv[1:])
heavy = ["torch", "sentence_transformers", "bm25s", "pypdf", "docx", "bs4", "langchain_text_splitters"]
print(json.dumps({"code": code, "imported": [m for m in heavy if m in sys.modules]}))
"""


@pytest.mark.parametrize("command", [["docs"], ["remove", "bestaat-niet"], ["ingest", "LIBRARY"]])
def test_a_command_that_embeds_nothing_imports_no_model_and_no_parser(index_copy, library, command):
    argv = [str(library) if part == "LIBRARY" else part for part in command] + ["--index", str(index_copy)]

    done = subprocess.run([sys.executable, "-c", PROBE, *argv], capture_output=True, text=True, timeout=120)

    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["imported"] == [], done.stderr
    assert result["code"] == (1 if command[0] == "remove" else 0)
