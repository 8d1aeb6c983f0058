"""Coverage of a workspace with a broken file: every format names it, exit 1, and a
snapshot taken that day does not turn the file's repair into progress (SPEC.md section 3)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from conftest import write_workspace

# KP2MI's file as a desk officer left it: one line indented with a tab (Notepad).
KP2MI_BROKEN = (
    "ministry: KP2MI\n"
    "answers:\n"
    '  - question: "1(b)"\n'
    "    status: submitted\n"
    "\ttext: Perjanjian ditandatangani dengan dua negara.\n"
    '  - question: "3"\n'
    "    status: draft\n"
    "    text: Pengaduan dapat disampaikan daring.\n"
)
KP2MI_REPAIRED = KP2MI_BROKEN.replace("\ttext", "    text")
ERROR_LINE = "answers/KP2MI.yaml:5: error[yaml-syntax]"


@pytest.fixture
def broken(tmp_path: Path) -> Path:
    root = write_workspace(tmp_path / "ws")
    (root / "answers" / "KP2MI.yaml").write_text(KP2MI_BROKEN, encoding="utf-8")
    return root


def test_json_lists_the_errors_and_exits_1(broken: Path, cli: Any) -> None:
    result = cli("coverage", "--format", "json", "--root", str(broken))
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert [(e["file"], e["line"], e["severity"], e["code"]) for e in data["errors"]] == [
        ("answers/KP2MI.yaml", 5, "error", "yaml-syntax")
    ]
    assert set(data["errors"][0]) == {"file", "line", "severity", "code", "message"}
    # What could be read is still summarised.
    assert {u["id"]: u["state"] for u in data["units"]}["1(a)"] == "approved"


def test_json_of_a_clean_workspace_has_an_empty_error_list(ws_root: Path, cli: Any) -> None:
    result = cli("coverage", "--format", "json", "--root", str(ws_root))
    assert result.exit_code == 0
    assert json.loads(result.stdout)["errors"] == []


def test_csv_names_the_file_on_standard_error(broken: Path, cli: Any) -> None:
    result = cli("coverage", "--format", "csv", "--root", str(broken))
    assert result.exit_code == 1
    rows = list(csv.reader(io.StringIO(result.stdout)))
    assert rows[0][0] == "id" and len(rows) == 5  # the CSV itself stays a clean table
    assert ERROR_LINE in result.stderr


@pytest.mark.parametrize("fmt", ["table", "markdown"])
def test_text_formats_show_the_broken_file_first(broken: Path, cli: Any, fmt: str) -> None:
    result = cli("coverage", "--format", fmt, "--root", str(broken))
    assert result.exit_code == 1
    head = result.stdout.split("\n\n")[:3]
    assert any("answers/KP2MI.yaml: 1 error" in part for part in head)
    assert ERROR_LINE in result.stdout
    assert "KP2MI ⚠" in result.stdout  # its row is marked, not just "0 answered"
    indonesian = cli("coverage", "--format", fmt, "--ui-lang", "id", "--root", str(broken))
    assert "answers/KP2MI.yaml: 1 galat" in indonesian.stdout


def test_html_shows_a_box_naming_the_file(broken: Path, cli: Any, tmp_path: Path) -> None:
    page = tmp_path / "rakor.html"
    result = cli("coverage", "--format", "html", "--output", str(page), "--root", str(broken))
    assert result.exit_code == 1
    html = page.read_text(encoding="utf-8")
    box = html[html.index('<section class="errors"') : html.index("</section>")]
    assert 'data-file="answers/KP2MI.yaml"' in box and "yaml-syntax" in box
    assert html.index('class="errors"') < html.index('class="overview"')
    assert ERROR_LINE in result.stderr


def test_xlsx_opens_on_a_sheet_of_errors(broken: Path, cli: Any, tmp_path: Path) -> None:
    book = tmp_path / "rakor.xlsx"
    result = cli("coverage", "--format", "xlsx", "--output", str(book), "--root", str(broken))
    assert result.exit_code == 1
    wb = load_workbook(book)
    assert wb.sheetnames[0] == "Errors" and wb.active.title == "Errors"
    sheet = wb["Errors"]
    assert [c.value for c in sheet[4]][:3] == ["answers/KP2MI.yaml", 5, "yaml-syntax"]
    assert "see the sheet" in str(wb["Summary"]["A3"].value)


def test_a_repaired_file_is_not_progress_since_the_snapshot(
    broken: Path, cli: Any, tmp_path: Path
) -> None:
    snapshot = tmp_path / "rakor-1.json"
    taken = cli("coverage", "--format", "json", "--output", str(snapshot), "--root", str(broken))
    assert taken.exit_code == 1
    assert json.loads(snapshot.read_text(encoding="utf-8"))["errors"][0]["file"] == (
        "answers/KP2MI.yaml"
    )
    # Between the meetings: KP2MI's file is repaired, and KEMNAKER really answers unit 2.
    (broken / "answers" / "KP2MI.yaml").write_text(KP2MI_REPAIRED, encoding="utf-8")
    (broken / "answers" / "KEMNAKER.yaml").write_text(
        'ministry: KEMNAKER\nanswers:\n  - question: "2"\n    status: draft\n'
        "    text: Kebijakan nasional berlaku.\n",
        encoding="utf-8",
    )
    result = cli("coverage", "--format", "json", "--since", str(snapshot), "--root", str(broken))
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    since = data["since"]
    bodies = {b["code"]: b for b in since["bodies"]}
    assert bodies["KP2MI"]["newly_answered"] == []
    assert bodies["KEMNAKER"]["newly_answered"] == ["2"]
    assert since["forward"] == ["2"]
    assert since["not_counted"] == ["1(b)", "3"]
    assert since["unreadable_then"] == ["KP2MI"]
    table = cli("coverage", "--since", str(snapshot), "--root", str(broken)).stdout
    assert "not counted as progress: 1(b), 3" in table
