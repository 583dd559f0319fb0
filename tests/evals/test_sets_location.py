"""An evaluator whose third-party documents are not beside the repository says where they are."""

from __future__ import annotations

import pytest

from evals import sets
from thuiswijzer.cli import main
from thuiswijzer.config import external_dir


def test_the_external_documents_are_found_where_thuiswijzer_external_points(monkeypatch, tmp_path):
    monkeypatch.setenv("THUISWIJZER_EXTERNAL", str(tmp_path))
    assert external_dir() == tmp_path

    monkeypatch.delenv("THUISWIJZER_EXTERNAL")
    assert external_dir() == sets.ROOT.parent / "shared" / "external"


def test_a_real_set_without_its_documents_says_which_variable_points_at_them(monkeypatch, tmp_path, capsys):
    monkeypatch.setattr(sets, "EXTERNAL", tmp_path / "nergens")

    assert main(["eval", "--set", "kamervragen", "--cache", str(tmp_path / "cache")]) == 1
    assert "zet THUISWIJZER_EXTERNAL op die map" in capsys.readouterr().err
