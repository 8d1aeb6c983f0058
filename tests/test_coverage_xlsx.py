"""The XLSX matrix, read back with openpyxl: sheets, cells, states, filters, dates."""

from __future__ import annotations

import copy
import datetime as dt
import json
import tempfile
from pathlib import Path
from typing import Any

import openpyxl
import pytest
import time_machine

from cmwreport.coverage import compute_coverage
from cmwreport.render.xlsx import FILLS, render_coverage_xlsx
from cmwreport.text import join_and
from cmwreport.workspace import load_workspace
from conftest import ANSWERS, EXAMPLE, write_workspace

UNIT_HEADER = [
    "Unit",
    "Paragraph",
    "Item",
    "Section",
    "Question",
    "Lead",
    "Contributors",
    "State",
    "Answered by",
    "Missing",
]
BREAKDOWN_HEADER = ["Statistics asked for", "Missing breakdowns"]


def _xlsx(cli: Any, root: Path, *extra: str) -> Any:
    # never inside the workspace: the example workspace is the repository itself
    target = Path(tempfile.mkdtemp(prefix="cmwreport-xlsx-")) / "matrix.xlsx"
    result = cli(
        "coverage", "--root", str(root), "--format", "xlsx", "--output", str(target), *extra
    )
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    return openpyxl.load_workbook(target)


def _json(cli: Any, root: Path, *extra: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(
        cli("coverage", "--root", str(root), "--format", "json", *extra).stdout
    )
    return data


def _rows(ws: Any, first: int = 2) -> list[list[Any]]:
    return [list(r) for r in ws.iter_rows(min_row=first, values_only=True)]


def _fill(cell: Any) -> str:
    return str(cell.fill.start_color.rgb)[-6:]


@pytest.mark.parametrize("root", [EXAMPLE, None], ids=["example", "small"])
def test_units_sheet_matches_the_coverage(cli: Any, ws_root: Path, root: Path | None) -> None:
    root = root or ws_root
    data = _json(cli, root)
    wb = _xlsx(cli, root)
    assert wb.sheetnames == ["Summary", "Units", "Bodies"]
    ws = wb["Units"]
    assert [c.value for c in ws[1]] == [*UNIT_HEADER, *BREAKDOWN_HEADER]
    rows = _rows(ws)
    assert len(rows) == len(data["units"])
    for row, unit, cells in zip(rows, data["units"], ws.iter_rows(min_row=2), strict=True):
        assert row == [
            unit["id"],
            unit["paragraph"],
            unit["item"] or None,
            unit["section"],
            unit["question"] or None,
            unit["lead"] or None,
            ", ".join(unit["contributors"]) or None,
            unit["state"],
            ", ".join(unit["answered_by"]) or None,
            ", ".join(unit["missing"]) or None,
            ", ".join(unit["data"]) or None,
            join_and(unit["missing_breakdowns"]) or None,
        ]
        assert isinstance(row[1], int)
        assert _fill(cells[7]) == FILLS[unit["state"]]
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref == f"A1:L{len(rows) + 1}"
    for letter in "ABCDEFGHIJ":
        assert (ws.column_dimensions[letter].width or 0) >= 7
    assert ws.column_dimensions["E"].width >= 60


def test_bodies_sheet(cli: Any) -> None:
    data = _json(cli, EXAMPLE)
    ws = _xlsx(cli, EXAMPLE)["Bodies"]
    assert [c.value for c in ws[1]] == [
        "Body",
        "Name",
        "Assigned",
        "Answered",
        "Approved",
        "% answered",
        "Units owed",
        "Still owes",
    ]
    rows = _rows(ws)
    assert [r[0] for r in rows] == [m["code"] for m in data["ministries"]]
    for row, body in zip(rows, data["ministries"], strict=True):
        assert row[1] == body["name"]
        assert row[2:5] == [body["assigned"], body["answered"], body["approved"]]
        expected = body["answered"] / body["assigned"] if body["assigned"] else None
        assert row[5] == pytest.approx(expected) if expected is not None else row[5] is None
        assert row[6] == len(body["unanswered"])
        assert (row[7] or "") == ", ".join(body["unanswered"])
    assert ws.freeze_panes == "A2" and ws.auto_filter.ref == f"A1:H{len(rows) + 1}"
    assert ws["F2"].number_format == "0%"


def test_summary_sheet_has_real_dates_and_totals(cli: Any, ws_root: Path) -> None:
    data = _json(cli, ws_root)
    ws = _xlsx(cli, ws_root)["Summary"]
    assert ws["A1"].value == "Coverage of the replies"
    facts = {ws.cell(row=r, column=1).value: ws.cell(row=r, column=2) for r in range(4, 12)}
    as_of = facts["As of"]
    assert isinstance(as_of.value, dt.datetime)
    assert as_of.value.date() == dt.date.fromisoformat(data["report"]["generated"])
    assert as_of.number_format == "yyyy-mm-dd"
    assert facts["List of issues"].value == "CMW/C/TST/QPR/2"
    assert facts["Words (report language)"].value == data["words"]["total"]
    assert facts["Word limit"].value == 21200
    states = {
        ws.cell(row=r, column=1).value: (
            ws.cell(row=r, column=2).value,
            _fill(ws.cell(row=r, column=1)),
        )
        for r in range(1, ws.max_row + 1)
    }
    for state in ("unanswered", "draft", "submitted", "approved"):
        assert states[state] == (data["totals"][state], FILLS[state])
    sections = [ws.cell(row=r, column=1).value for r in range(1, ws.max_row + 1)]
    assert "I-A  General information" in sections
    assert "   I-B-1  General principles" in sections


def test_ministry_workbook(cli: Any, ws_root: Path) -> None:
    data = _json(cli, ws_root, "--ministry", "KEMNAKER")
    wb = _xlsx(cli, ws_root, "--ministry", "KEMNAKER")
    assert wb["Summary"]["A1"].value == "Coverage of the replies — KEMNAKER"
    ws = wb["Units"]
    assert [c.value for c in ws[1]] == [*UNIT_HEADER, "Its answer", *BREAKDOWN_HEADER]
    rows = _rows(ws)
    assert [r[0] for r in rows] == [u["id"] for u in data["units"]] == ["1(b)", "2", "3"]
    assert [r[10] for r in rows] == ["unanswered"] * 3
    assert [r[0] for r in _rows(wb["Bodies"])] == ["KEMNAKER"]
    summary = wb["Summary"]
    labels = [summary.cell(row=r, column=1).value for r in range(1, summary.max_row + 1)]
    own = labels.index("Its answer")  # its own answers: 3 assigned, none answered
    assert [summary.cell(row=own + r, column=2).value for r in range(2, 7)] == [3, 0, 0, 0, 3]


def test_since_sheet(cli: Any, ws_root: Path) -> None:
    snap = ws_root / "build" / "rakor" / "2025-06-01.json"
    cli("coverage", "--root", str(ws_root), "--format", "json", "--output", str(snap))
    answers = copy.deepcopy(ANSWERS)
    answers["KP2MI"]["answers"][0]["status"] = "approved"
    answers["KEMNAKER"] = {
        "ministry": "KEMNAKER",
        "answers": [{"question": "2", "status": "draft", "text": "Kebijakan."}],
    }
    write_workspace(ws_root, answers=answers)
    wb = _xlsx(cli, ws_root, "--since", str(snap))
    assert wb.sheetnames == ["Summary", "Units", "Bodies", "Since last meeting"]
    ws = wb["Since last meeting"]
    assert ws["A1"].value.startswith("Since the last meeting — snapshot of ")
    assert isinstance(ws["B3"].value, dt.datetime)
    header = next(r for r in range(1, ws.max_row + 1) if ws.cell(row=r, column=1).value == "Unit")
    changes = _rows(ws, header + 1)
    assert [r[:3] for r in changes] == [
        ["1(b)", "submitted", "approved"],
        ["2", "unanswered", "draft"],
    ]
    assert _fill(ws.cell(row=header + 1, column=3)) == FILLS["approved"]
    assert ws.freeze_panes == f"A{header + 1}"
    units = wb["Units"]
    assert units.cell(row=1, column=11).value == "Then"
    then = {r[0]: r[10] for r in _rows(units)}
    assert then == {"1(a)": "=", "1(b)": "submitted", "2": "unanswered", "3": "="}
    bodies = {r[0]: r[8:] for r in _rows(wb["Bodies"])}
    assert bodies["KEMNAKER"] == ["2", None, None]
    assert bodies["KP2MI"] == [None, "1(b)", None]


def test_indonesian_workbook(cli: Any, ws_root: Path) -> None:
    wb = _xlsx(cli, ws_root, "--ui-lang", "id")
    assert wb.sheetnames == ["Ringkasan", "Unit", "Instansi"]
    assert wb["Unit"]["H1"].value == "Status"
    states = {r[7] for r in _rows(wb["Unit"])}
    assert states == {"disetujui", "diajukan", "belum dijawab", "draf"}
    assert wb["Instansi"]["B2"].value == "Kementerian Luar Negeri"


def test_default_output_and_identical_bytes(cli: Any, ws_root: Path) -> None:
    result = cli("coverage", "--root", str(ws_root), "--format", "xlsx")
    assert result.exit_code == 0
    target = ws_root / "build" / "coverage.xlsx"
    assert target.is_file()
    cov = compute_coverage(load_workspace(ws_root), today=dt.date(2025, 7, 1))
    # the bytes depend on the coverage only, never on when they are rendered
    books = []
    for clock in ("2025-08-04 09:00:01", "2026-01-15 17:42:39"):
        with time_machine.travel(dt.datetime.fromisoformat(clock + "+07:00"), tick=False):
            books.append(render_coverage_xlsx(cov, "en"))
    assert books[0] == books[1]
    # two runs on different days and at different times give the same bytes, dated from
    # SOURCE_DATE_EPOCH: a timestamp taken from the clock would tell them apart
    env = {"CMWREPORT_LANG": "", "SOURCE_DATE_EPOCH": "1753920000"}  # 31 July 2025
    runs = []
    for clock in ("2025-08-04 09:00:01", "2026-01-15 17:42:39"):
        with time_machine.travel(dt.datetime.fromisoformat(clock + "+07:00"), tick=False):
            result = cli("coverage", "--root", str(ws_root), "--format", "xlsx", env=env)
        assert result.exit_code == 0, result.stderr
        runs.append(target.read_bytes())
    assert runs[0] == runs[1]
    wb = openpyxl.load_workbook(target)
    assert wb.properties.modified == dt.datetime(2025, 7, 31)
    dates = [c for row in wb.worksheets[0].iter_rows(values_only=True) for c in row]
    assert dt.datetime(2025, 7, 31) in dates
