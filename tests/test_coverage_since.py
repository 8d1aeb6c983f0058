"""Progress since the last meeting: snapshots, ``--since`` and the ``changes`` list."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from cmwreport.coverage import compute_coverage
from cmwreport.errors import InputFileError
from cmwreport.snapshot import apply_snapshot, read_snapshot
from cmwreport.workspace import load_workspace
from conftest import ANSWERS, LOIPR, write_workspace


def _snapshot(cli: Any, root: Path, *extra: str) -> Path:
    target = root / "build" / "rakor" / "2025-06-01.json"
    result = cli(
        "coverage", "--root", str(root), "--format", "json", "--output", str(target), *extra
    )
    assert result.exit_code == 0, result.stderr
    assert target.is_file()
    return target


def _moved_answers() -> dict[str, dict[str, Any]]:
    """The default answers two weeks later: some moved forward, one was emptied."""
    answers = copy.deepcopy(ANSWERS)
    answers["KEMLU"]["answers"][0]["text"] = ""  # 1(a): approved -> emptied (unanswered)
    answers["KP2MI"]["answers"][0]["status"] = "approved"  # 1(b): submitted -> approved
    answers["KEMNAKER"] = {
        "ministry": "KEMNAKER",
        "answers": [
            {"question": "2", "status": "draft", "text": "Kebijakan ketenagakerjaan."},
            {"question": "3", "status": "submitted", "text": "Pengaduan diterima."},
        ],
    }
    return answers


def _json(cli: Any, *args: str) -> dict[str, Any]:
    result = cli("coverage", *args, "--format", "json")
    assert result.exit_code == 0, result.stderr
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def test_changes_between_two_states_of_a_workspace(cli: Any, ws_root: Path) -> None:
    snap = _snapshot(cli, ws_root)
    write_workspace(ws_root, answers=_moved_answers())
    data = _json(cli, "--root", str(ws_root), "--since", str(snap))
    assert data["changes"] == [
        {"id": "1(a)", "from": "approved", "to": "unanswered"},
        {"id": "1(b)", "from": "submitted", "to": "approved"},
        {"id": "2", "from": "unanswered", "to": "draft"},
        {"id": "3", "from": "draft", "to": "submitted"},
    ]
    since = data["since"]
    assert since["forward"] == ["1(b)", "2", "3"]
    assert since["back"] == ["1(a)"]
    assert since["added"] == [] and since["removed"] == []
    assert since["totals"] == {
        "units": 4,
        "unanswered": 1,
        "draft": 1,
        "submitted": 1,
        "approved": 1,
    }
    bodies = {b["code"]: b for b in since["bodies"]}
    assert bodies["KEMNAKER"]["newly_answered"] == ["2", "3"]
    assert bodies["KEMNAKER"]["newly_approved"] == []
    assert bodies["KP2MI"]["newly_answered"] == []
    assert bodies["KP2MI"]["newly_approved"] == ["1(b)"]
    assert bodies["KEMLU"]["went_back"] == ["1(a)"]
    assert bodies["KEMLU"]["newly_answered"] == []


def test_no_changes_gives_an_empty_list(cli: Any, ws_root: Path) -> None:
    snap = _snapshot(cli, ws_root)
    data = _json(cli, "--root", str(ws_root), "--since", str(snap))
    assert data["changes"] == []
    assert all(not b["newly_answered"] for b in data["since"]["bodies"])
    table = cli("coverage", "--root", str(ws_root), "--since", str(snap)).stdout
    assert "Nothing moved since the snapshot." in table


def test_without_since_there_is_no_changes_key(cli: Any, ws_root: Path) -> None:
    data = _json(cli, "--root", str(ws_root))
    assert "changes" not in data and "since" not in data


def test_table_and_markdown_have_a_since_part(cli: Any, ws_root: Path) -> None:
    snap = _snapshot(cli, ws_root)
    write_workspace(ws_root, answers=_moved_answers())
    table = cli("coverage", "--root", str(ws_root), "--since", str(snap)).stdout
    part = table[table.index("Since the last meeting") :]
    assert "2025-06-01.json" in part.splitlines()[0]
    assert "4 units changed state: 3 moved forward, 1 moved back" in part
    assert "approved 1 → 1" in part and "unanswered 1 → 1" in part
    lines = [line.split() for line in part.splitlines()]
    assert ["1(b)", "submitted", "→", "approved"] in lines
    assert ["2", "unanswered", "→", "draft"] in lines
    assert ["KEMNAKER", "2,", "3", "—", "—"] in lines
    assert ["KP2MI", "—", "1(b)", "—"] in lines

    md = cli("coverage", "--root", str(ws_root), "--since", str(snap), "--format", "markdown")
    assert md.exit_code == 0
    assert "## Since the last meeting — snapshot of " in md.stdout
    assert "| 3 | draft | submitted |" in md.stdout
    assert "| KEMNAKER | 2, 3 | — | — |" in md.stdout
    assert "| KEMLU | — | — | 1(a) |" in md.stdout


def test_indonesian_since_part(cli: Any, ws_root: Path) -> None:
    snap = _snapshot(cli, ws_root)
    write_workspace(ws_root, answers=_moved_answers())
    out = cli("coverage", "--root", str(ws_root), "--since", str(snap), "--ui-lang", "id").stdout
    assert "Sejak rakor sebelumnya" in out
    assert "4 unit berubah status: 3 maju, 1 mundur" in out
    assert "Baru dijawab" in out and "Baru disetujui" in out


def _revised_loipr() -> dict[str, Any]:
    """The list of issues after a revision: paragraph 2 dropped, 1(c) and 4 added."""
    loipr = copy.deepcopy(LOIPR)
    general = loipr["sections"][0]
    general["paragraphs"][0]["items"].append({"letter": "c", "text": "Regional agreements."})
    general["paragraphs"] = [p for p in general["paragraphs"] if p["number"] != 2]
    general["paragraphs"].append({"number": 4, "lead": "KEMNAKER", "text": "Inspections."})
    return loipr


def test_snapshot_from_an_older_list_of_issues(cli: Any, ws_root: Path) -> None:
    snap = _snapshot(cli, ws_root)
    write_workspace(ws_root, loipr=_revised_loipr())
    data = _json(cli, "--root", str(ws_root), "--since", str(snap))
    assert data["changes"] == [
        {"id": "1(c)", "from": None, "to": "unanswered"},
        {"id": "4", "from": None, "to": "unanswered"},
        {"id": "2", "from": "unanswered", "to": None},
    ]
    assert data["since"]["added"] == ["1(c)", "4"]
    assert data["since"]["removed"] == ["2"]
    table = cli("coverage", "--root", str(ws_root), "--since", str(snap))
    assert table.exit_code == 0
    assert "New in the list of issues since the snapshot: 1(c), 4" in table.stdout
    assert "No longer in the list of issues (the list was revised): 2" in table.stdout
    for fmt in ("markdown", "html", "xlsx", "csv"):
        other = cli(
            "coverage",
            "--root",
            str(ws_root),
            "--since",
            str(snap),
            "--format",
            fmt,
            "--output",
            str(ws_root / "build" / f"out.{fmt}"),
        )
        assert other.exit_code == 0, (fmt, other.stderr)


def test_ministry_snapshot_goes_with_that_ministry_only(cli: Any, ws_root: Path) -> None:
    snap = _snapshot(cli, ws_root, "--ministry", "KEMNAKER")
    write_workspace(ws_root, answers=_moved_answers())
    data = _json(cli, "--root", str(ws_root), "--since", str(snap), "--ministry", "KEMNAKER")
    assert data["changes"] == [
        {"id": "1(b)", "from": "submitted", "to": "approved"},
        {"id": "2", "from": "unanswered", "to": "draft"},
        {"id": "3", "from": "draft", "to": "submitted"},
    ]
    assert [b["code"] for b in data["since"]["bodies"]] == ["KEMNAKER"]
    assert data["since"]["bodies"][0]["newly_answered"] == ["2", "3"]
    whole = cli("coverage", "--root", str(ws_root), "--since", str(snap))
    assert whole.exit_code == 1
    assert "it covers only KEMNAKER; use it with --ministry KEMNAKER" in whole.stderr


def test_whole_snapshot_works_with_ministry(cli: Any, ws_root: Path) -> None:
    snap = _snapshot(cli, ws_root)
    write_workspace(ws_root, answers=_moved_answers())
    data = _json(cli, "--root", str(ws_root), "--since", str(snap), "--ministry", "KEMLU")
    assert data["changes"] == [
        {"id": "1(a)", "from": "approved", "to": "unanswered"},
        {"id": "1(b)", "from": "submitted", "to": "approved"},
    ]
    assert data["since"]["bodies"] == [
        {"code": "KEMLU", "newly_answered": [], "newly_approved": [], "went_back": ["1(a)"]}
    ]


def test_snapshot_in_the_spec_shape_without_statuses(cli: Any, ws_root: Path) -> None:
    snap = ws_root / "old.json"
    snap.write_text(
        json.dumps(
            {
                "units": [
                    {"id": "1(a)", "state": "draft", "answered_by": ["KEMLU"]},
                    {"id": "1(b)", "state": "unanswered", "answered_by": []},
                    {"id": "2", "state": "unanswered"},
                    {"id": "3", "state": "draft", "answered_by": ["KP2MI"]},
                ]
            }
        ),
        encoding="utf-8",
    )
    data = _json(cli, "--root", str(ws_root), "--since", str(snap))
    assert data["changes"] == [
        {"id": "1(a)", "from": "draft", "to": "approved"},
        {"id": "1(b)", "from": "unanswered", "to": "submitted"},
    ]
    bodies = {b["code"]: b for b in data["since"]["bodies"]}
    assert bodies["KEMLU"]["newly_approved"] == ["1(a)"]
    assert bodies["KP2MI"]["newly_answered"] == ["1(b)"]
    assert data["since"]["generated"] is None


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b'{"units": [', "it is not valid JSON (line 1, column 12)"),
        (b"PK\x03\x04\xff\xfe\x00binary", "it is not a text file"),
        (
            b'{"problems": [], "errors": 0}',
            'it is not a coverage snapshot (it has no "units" list)',
        ),
        (b"[1, 2, 3]", "it is not a coverage snapshot"),
        (
            b'{"units": [{"id": "1(a)", "state": "approved"}, {"id": "2", "state": "done"}]}',
            'unit number 2 of its "units" list has no valid "id" and "state"',
        ),
        (
            b'{"units": [{"id": "2", "state": "draft"}, {"id": "2", "state": "draft"}]}',
            "unit 2 appears twice",
        ),
        (
            b'{"units": [], "report": {"list_of_issues": "CMW/C/XYZ/QPR/1"}}',
            "it was saved for the list of issues CMW/C/XYZ/QPR/1, but this workspace answers "
            "CMW/C/TST/QPR/2",
        ),
        (b"[" * 100000, "it is not"),
    ],
)
def test_unusable_snapshot_is_a_clear_error(
    cli: Any, ws_root: Path, content: bytes, expected: str
) -> None:
    snap = ws_root / "snap.json"
    snap.write_bytes(content)
    for fmt in ("table", "json"):
        result = cli("coverage", "--root", str(ws_root), "--since", str(snap), "--format", fmt)
        assert result.exit_code == 1
        assert result.stdout == ""
        assert result.stderr.startswith(f"cmwreport: cannot use {snap}: ")
        assert expected in result.stderr
        assert "Traceback" not in result.stderr


def test_missing_snapshot_is_a_usage_error(cli: Any, ws_root: Path) -> None:
    result = cli("coverage", "--root", str(ws_root), "--since", str(ws_root / "nope.json"))
    assert result.exit_code == 2
    assert "there is no such file" in result.stderr
    result = cli(
        "coverage", "--root", str(ws_root), "--since", str(ws_root / "nope.json"), "--ui-lang", "id"
    )
    assert "berkas tersebut tidak ada" in result.stderr


def test_core_functions_without_the_cli(ws_root: Path, tmp_path: Path) -> None:
    ws = load_workspace(ws_root)
    before = compute_coverage(ws)
    path = tmp_path / "snap.json"
    path.write_text(json.dumps(before.as_json()), encoding="utf-8")
    snap = read_snapshot(path)
    assert snap.list_of_issues == "CMW/C/TST/QPR/2"
    assert snap.units["1(b)"].statuses == {"KP2MI": "submitted"}
    write_workspace(ws_root, answers=_moved_answers())
    after = apply_snapshot(compute_coverage(load_workspace(ws_root)), path)
    assert after.changes is not None and after.since is not None
    assert [c.id for c in after.changes] == ["1(a)", "1(b)", "2", "3"]
    with pytest.raises(InputFileError):
        read_snapshot(ws_root / "questions" / "loipr.yaml")
