"""Finding the workspace without --root, and the exit status of a bug (SPEC.md section 3)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import cmwreport.workspace
from conftest import write_workspace


def test_check_inside_answers_finds_the_workspace_above(
    tmp_path: Path, cli: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = write_workspace(tmp_path / "ws")
    (root / "answers" / "KP2MI.yaml").write_text(
        "ministry: KP2MI\nanswers:\n  - question: 40\n    status: draft\n    text: Ada.\n",
        encoding="utf-8",
    )
    monkeypatch.chdir(root / "answers")
    result = cli("check", "--format", "json")
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert ("answers/KP2MI.yaml", 3, "unknown-question") in [
        (p["file"], p["line"], p["code"]) for p in data["problems"]
    ]


def test_coverage_and_render_from_a_subfolder_write_into_the_workspace(
    tmp_path: Path, cli: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = write_workspace(tmp_path / "ws")
    deep = root / "answers" / "arsip" / "2025"
    deep.mkdir(parents=True)
    monkeypatch.chdir(deep)
    cov = cli("coverage", "--format", "json")
    assert cov.exit_code == 0
    assert json.loads(cov.stdout)["totals"]["units"] == 4
    rendered = cli("render")
    assert rendered.exit_code == 0, rendered.stderr
    assert (root / "build" / "CMW-C-TST-2-en.docx").is_file()
    assert not (deep / "build").exists()


def test_no_workspace_anywhere_above_is_a_usage_error(
    tmp_path: Path, cli: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "empty" / "answers").mkdir(parents=True)
    monkeypatch.chdir(tmp_path / "empty" / "answers")
    result = cli("check")
    assert result.exit_code == 2
    assert "no workspace" in result.stderr


def test_root_wins_over_the_current_folder(
    tmp_path: Path, cli: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    here = write_workspace(tmp_path / "here")
    there = write_workspace(tmp_path / "there", answers={})
    monkeypatch.chdir(here / "answers")
    data = json.loads(cli("coverage", "--format", "json", "--root", str(there)).stdout)
    assert data["totals"]["unanswered"] == 4


def _crash(*args: object, **kwargs: object) -> None:
    raise ZeroDivisionError("division by zero")


def test_a_bug_exits_3_and_says_it_is_a_bug(
    ws_root: Path, cli: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cmwreport.workspace, "load_workspace", _crash)
    result = cli("check", "--root", str(ws_root), internal_ok=True)
    assert result.exit_code == 3
    assert result.stderr.startswith(
        "cmwreport: internal error in cmwreport (this is a bug, not a problem in your files)"
    )
    assert "Traceback" not in result.stderr
    indonesian = cli("check", "--root", str(ws_root), "--ui-lang", "id", internal_ok=True)
    assert indonesian.exit_code == 3 and "kesalahan program" in indonesian.stderr


def test_the_test_helper_fails_on_a_crash(
    ws_root: Path, cli: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cmwreport.workspace, "load_workspace", _crash)
    with pytest.raises(AssertionError):
        cli("check", "--root", str(ws_root))
