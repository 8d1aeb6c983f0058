"""The core functions of the commands, called as a script would: no command line.

Each ``run_*`` takes keyword-only options and returns data; what the CLI prints is built
from that data, so the two must agree (compared here with the CLI's JSON).
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
from docx import Document

from cmwreport.commands import (
    default_coverage_output,
    run_check,
    run_coverage,
    run_render,
)
from cmwreport.errors import GateError, UnknownMinistryOption, UsageError
from conftest import EXAMPLE, write_workspace

STATES = {"unanswered", "draft", "submitted", "approved"}


@pytest.fixture
def example_copy(tmp_path: Path) -> Path:
    """The bundled example workspace, copied so that default outputs land in tmp_path."""
    root = tmp_path / "example"
    for folder in ("questions", "answers"):
        shutil.copytree(EXAMPLE / folder, root / folder)
    return root


def _paragraphs(path: Path, style: str | None = None) -> list[str]:
    paragraphs = Document(str(path)).paragraphs
    return [p.text for p in paragraphs if style is None or (p.style and p.style.name == style)]


# ------------------------------------------------------------------------------ check


def test_run_check_returns_what_the_cli_prints(cli: Any) -> None:
    done = run_check(root=EXAMPLE)
    printed = json.loads(cli("check", "--format", "json", "--root", str(EXAMPLE)).stdout)
    assert done.result.as_json("en") == printed
    assert done.failed is False
    assert done.result.errors == 0 and done.result.warnings == printed["warnings"] > 0
    # --strict: the same warnings make it fail.
    assert run_check(root=EXAMPLE, strict=True).failed is True


def test_run_check_finds_the_workspace_from_a_folder_inside_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(EXAMPLE / "answers")
    found = run_check()
    assert found.result.as_json("en") == run_check(root=EXAMPLE).result.as_json("en")


def test_run_check_limited_to_one_body(cli: Any) -> None:
    done = run_check(root=EXAMPLE, ministry="KEMENSOS")
    printed = json.loads(
        cli("check", "--format", "json", "--ministry", "KEMENSOS", "--root", str(EXAMPLE)).stdout
    )
    assert done.result.as_json("en") == printed
    every = [p.as_json("en") for p in run_check(root=EXAMPLE).result.problems]
    shown = [p.as_json("en") for p in done.result.problems]
    assert all(p in every for p in shown) and len(shown) < len(every)
    assert any(p["file"] == "answers/KEMENSOS.yaml" for p in shown)


def test_run_check_refuses_an_unknown_body() -> None:
    with pytest.raises(UnknownMinistryOption) as caught:
        run_check(root=EXAMPLE, ministry="NOPE", lang="id")
    assert caught.value.exit_code == 2
    assert "NOPE" in caught.value.message and "KEMNAKER" in caught.value.message


def test_run_check_of_a_broken_file(tmp_path: Path) -> None:
    root = write_workspace(
        tmp_path / "ws",
        answers={
            "KEMNAKER": (
                "ministry: KEMNAKER\n"
                "answers:\n"
                '  - question: "40"\n'
                "    status: draft\n"
                "    text: The Government has adopted a law.\n"
            )
        },
    )
    done = run_check(root=root)
    assert done.failed is True
    found = [(p.file, p.line, p.severity, p.code) for p in done.result.problems]
    assert ("answers/KEMNAKER.yaml", 3, "error", "unknown-question") in found


# --------------------------------------------------------------------------- coverage


def test_run_coverage_json_goes_to_the_terminal(cli: Any) -> None:
    done = run_coverage(root=EXAMPLE, fmt="json")
    assert done.written is None and done.failed is False and done.errors == []
    assert done.text is not None
    data = json.loads(done.text)
    assert data == done.coverage.as_json("en")
    assert data == json.loads(cli("coverage", "--format", "json", "--root", str(EXAMPLE)).stdout)
    totals = data["totals"]
    assert totals["units"] == len(data["units"]) == sum(totals[s] for s in STATES)
    assert {u["state"] for u in data["units"]} <= STATES


def test_run_coverage_table_is_text_for_the_terminal() -> None:
    done = run_coverage(root=EXAMPLE)
    assert done.format == "table" and done.written is None
    assert done.text is not None
    for unit in done.coverage.units[:5]:
        assert unit.id in done.text


def test_run_coverage_writes_a_snapshot(example_copy: Path) -> None:
    target = example_copy / "meeting.json"
    done = run_coverage(root=example_copy, fmt="json", output=target)
    assert done.text is None and done.written == target
    assert json.loads(target.read_text(encoding="utf-8")) == done.coverage.as_json("en")


@pytest.mark.parametrize("fmt", ["html", "xlsx"])
def test_run_coverage_web_page_and_workbook_go_to_build(example_copy: Path, fmt: str) -> None:
    done = run_coverage(root=example_copy, fmt=fmt)
    expected = example_copy / "build" / f"coverage.{fmt}"
    assert default_coverage_output(example_copy, fmt) == expected
    assert done.written == expected and done.text is None
    data = expected.read_bytes()
    if fmt == "html":
        page = data.decode("utf-8")
        assert page.lstrip().lower().startswith("<!doctype html")
        assert all(u.id in page for u in done.coverage.units[:5])
    else:
        assert data[:2] == b"PK"  # a zip: the workbook


def test_run_coverage_unknown_format_is_a_usage_error() -> None:
    with pytest.raises(UsageError) as caught:
        run_coverage(root=EXAMPLE, fmt="pdf")
    assert "--format" in caught.value.message and "xlsx" in caught.value.message


def test_run_coverage_of_a_workspace_with_errors(tmp_path: Path) -> None:
    root = write_workspace(tmp_path / "ws", answers={"KEMNAKER": "ministry: [KEMNAKER\n"})
    done = run_coverage(root=root, fmt="json")
    assert done.failed is True
    assert [(p.file, p.code) for p in done.errors] == [("answers/KEMNAKER.yaml", "yaml-syntax")]


# ----------------------------------------------------------------------------- render


def test_run_render_draft_of_the_example(tmp_path: Path) -> None:
    target = tmp_path / "draft.docx"
    done = run_render(root=EXAMPLE, output=target)
    assert done.path == target and done.failed is False and done.errors == ()
    report = done.report
    assert report.final is False and report.lang == "en"
    # One word count: the report's is coverage's.
    assert report.words == run_coverage(root=EXAMPLE, fmt="json").coverage.words
    texts = _paragraphs(target)
    replies = [t for t in texts if t.startswith("Reply to paragraph ")]
    numbers = [int(t.rsplit(" ", 1)[1]) for t in replies]
    assert numbers == sorted(numbers) and numbers[0] == 1
    # Report paragraphs are numbered 1..N continuously, as text.
    body = _paragraphs(target, "Report Paragraph")
    numbered = [int(m.group(1)) for t in body if (m := re.match(r"(\d+)\.\t", t))]
    assert numbered == list(range(1, report.paragraphs + 1))


def test_run_render_default_output_path(example_copy: Path) -> None:
    done = run_render(root=example_copy, report_lang="id")
    assert done.path == example_copy / "build" / "CMW-C-IDN-2-id.docx"
    assert done.report.lang == "id" and done.path.is_file()


def test_run_render_final_gate(example_copy: Path) -> None:
    with pytest.raises(GateError) as caught:
        run_render(root=example_copy, final=True)
    assert not (example_copy / "build").exists()
    cov = run_coverage(root=example_copy, fmt="json").coverage
    not_approved = {u.id for u in cov.units if u.state != "approved"}
    assert not_approved <= set(caught.value.gaps)

    done = run_render(root=example_copy, final=True, allow_gaps=True)
    assert done.path == example_copy / "build" / "CMW-C-IDN-2-en-final.docx"
    assert done.report.final is True
    assert [gap.unit for gap in done.report.gaps] == caught.value.gaps


def test_run_render_draft_of_a_workspace_with_errors(tmp_path: Path) -> None:
    root = write_workspace(tmp_path / "ws", answers={"KEMNAKER": "ministry: [KEMNAKER\n"})
    done = run_render(root=root)
    assert done.failed is True
    assert [(p.file, p.code) for p in done.errors] == [("answers/KEMNAKER.yaml", "yaml-syntax")]
    assert any("answers/KEMNAKER.yaml" in text for text in _paragraphs(done.path))


def test_run_render_unknown_language() -> None:
    with pytest.raises(UsageError) as caught:
        run_render(root=EXAMPLE, report_lang="fr")
    assert "fr" in caught.value.message
