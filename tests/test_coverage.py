"""Coverage: unit states, per-body and per-section figures, and the text formats."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

from cmwreport.coverage import compute_coverage
from cmwreport.workspace import load_workspace
from conftest import EXAMPLE, write_workspace


def _json(cli: Any, root: Path, *extra: str) -> dict[str, Any]:
    result = cli("coverage", "--format", "json", "--root", str(root), *extra)
    assert result.exit_code == 0, result.stderr
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def test_json_matches_the_spec(cli: Any, ws_root: Path) -> None:
    data = _json(cli, ws_root)
    assert data["totals"] == {
        "units": 4,
        "unanswered": 1,
        "draft": 1,
        "submitted": 1,
        "approved": 1,
    }
    units = {u["id"]: u for u in data["units"]}
    assert list(units) == ["1(a)", "1(b)", "2", "3"]
    assert units["1(a)"] == {
        "id": "1(a)",
        "paragraph": 1,
        "item": "a",
        "section": "I-A",
        "lead": "KEMLU",
        "contributors": ["KP2MI"],
        "state": "approved",
        "answered_by": ["KEMLU"],
        "missing": ["KP2MI"],
        "statuses": {"KEMLU": "approved"},
        "question": "Laws adopted since the last review.",
        "data": [],
        "missing_breakdowns": [],
    }
    assert units["1(b)"]["lead"] == "KP2MI"
    assert units["1(b)"]["contributors"] == ["KEMLU", "KEMNAKER"]
    assert units["1(b)"]["missing"] == ["KEMLU", "KEMNAKER"]
    assert units["2"]["state"] == "unanswered" and units["2"]["missing"] == ["KEMNAKER"]
    assert units["3"]["section"] == "I-B-1" and units["3"]["state"] == "draft"
    bodies = {m["code"]: m for m in data["ministries"]}
    assert {k: bodies["KP2MI"][k] for k in ("assigned", "answered", "approved", "unanswered")} == {
        "assigned": 3,
        "answered": 2,
        "approved": 0,
        "unanswered": ["1(a)"],
    }
    assert {k: bodies["KEMLU"][k] for k in ("assigned", "answered", "approved", "unanswered")} == {
        "assigned": 2,
        "answered": 1,
        "approved": 1,
        "unanswered": ["1(b)"],
    }
    assert bodies["KEMNAKER"]["unanswered"] == ["1(b)", "2", "3"]
    sections = {s["id"]: s for s in data["sections"]}
    assert list(sections) == ["I-A", "I-B", "I-B-1"]
    assert (sections["I-A"]["units"], sections["I-A"]["unanswered"]) == (3, 1)
    assert (sections["I-B"]["units"], sections["I-B-1"]["units"]) == (1, 1)
    assert sections["I-A"]["title"] == "General information"
    assert data["words"]["total"] == 197 and data["words"]["limit"] == 21200


def test_empty_answer_leaves_the_unit_unanswered(tmp_path: Path) -> None:
    answers = {
        "KEMNAKER": {
            "ministry": "KEMNAKER",
            "answers": [
                {"question": "2", "status": "approved", "text": {"id": "", "en": "  "}},
            ],
        }
    }
    ws = load_workspace(write_workspace(tmp_path, answers=answers))
    cov = compute_coverage(ws)
    unit = next(u for u in cov.units if u.id == "2")
    assert unit.state == "unanswered" and unit.answered_by == ()


def test_best_status_wins(tmp_path: Path) -> None:
    answers = {
        "KEMLU": {
            "ministry": "KEMLU",
            "answers": [{"question": "1", "status": "draft", "text": "Draf."}],
        },
        "KP2MI": {
            "ministry": "KP2MI",
            "answers": [{"question": "1(b)", "status": "approved", "text": {"en": "Done."}}],
        },
    }
    cov = compute_coverage(load_workspace(write_workspace(tmp_path, answers=answers)))
    states = {u.id: u.state for u in cov.units}
    assert states == {"1(a)": "draft", "1(b)": "approved", "2": "unanswered", "3": "unanswered"}


def test_ministry_filter(cli: Any, ws_root: Path) -> None:
    data = _json(cli, ws_root, "--ministry", "KEMNAKER")
    assert [u["id"] for u in data["units"]] == ["1(b)", "2", "3"]
    assert [m["code"] for m in data["ministries"]] == ["KEMNAKER"]
    assert data["totals"]["units"] == 3
    result = cli("coverage", "--ministry", "NOPE", "--root", str(ws_root))
    assert result.exit_code == 2
    assert "NOPE" in result.stderr


def test_csv_has_one_row_per_unit(cli: Any, ws_root: Path) -> None:
    out = cli("coverage", "--format", "csv", "--root", str(ws_root)).stdout
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [r["id"] for r in rows] == ["1(a)", "1(b)", "2", "3"]
    assert rows[1]["state"] == "submitted"
    assert rows[1]["missing"] == "KEMLU KEMNAKER"
    assert rows[0]["question"] == "Laws adopted since the last review."


def test_markdown_and_table(cli: Any, ws_root: Path) -> None:
    md = cli("coverage", "--format", "markdown", "--root", str(ws_root)).stdout
    assert md.startswith("# Coverage of the replies")
    assert "| KEMNAKER | 3 | 0 | 0 | 1(b), 2, 3 |" in md
    assert "| 2 | unanswered | KEMNAKER | — | KEMNAKER |" in md
    table = cli("coverage", "--root", str(ws_root)).stdout
    assert "4 units · unanswered 1 (25 %)" in table
    assert "KEMNAKER" in table and "1(b), 2, 3" in table


def test_output_file_is_written(cli: Any, ws_root: Path, tmp_path: Path) -> None:
    target = tmp_path / "out" / "snap.json"
    result = cli("coverage", "--format", "json", "--output", str(target), "--root", str(ws_root))
    assert result.exit_code == 0
    assert json.loads(target.read_text())["totals"]["units"] == 4
    assert result.stdout == ""


def test_example_is_mid_drafting() -> None:
    cov = compute_coverage(load_workspace(EXAMPLE))
    totals = cov.totals
    assert 85 <= totals["units"] <= 95
    answered = totals["units"] - totals["unanswered"]
    assert 0.6 <= answered / totals["units"] <= 0.8
    assert totals["approved"] > 0 and totals["draft"] > 0 and totals["submitted"] > 0
    assert len(cov.ministries) == 15
